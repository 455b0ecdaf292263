//! A check's label is printed in the report under "already tried, not solved" when the user
//! answers No, so it must say what was tried, never that it worked: "Tried to cancel…" /
//! "试过取消…", not "Cancelled…" / "已取消…" (issue 12).

use std::fs;
use std::path::Path;

/// English first words that claim a result.
const CLAIMS_EN: &[&str] = &[
    "Cancelled",
    "Changed",
    "Closed",
    "Completed",
    "Dealt",
    "Fixed",
    "Freed",
    "Handled",
    "Paid",
    "Removed",
    "Repaid",
    "Reset",
    "Resolved",
    "Turned",
    "Unlocked",
];

/// Chinese verbs that claim a result after "已…".
const CLAIMS_ZH: &[&str] = &[
    "取消", "还清", "关闭", "修改", "重置", "处理", "完成", "解除", "更换", "补充", "开通", "解绑",
];

/// Verbs of looking or asking: a label built on one of them claims nothing.
const LOOKING_ZH: &[&str] = &[
    "查看", "查找", "查询", "核对", "核实", "检查", "排查", "询问", "问过", "请", "要求", "向",
    "联系", "尝试",
];

fn claims_a_result(en: &str, zh: &str) -> Option<String> {
    let first = en.split_whitespace().next().unwrap_or_default();
    if CLAIMS_EN.contains(&first) {
        return Some(format!("English label starts with “{first}”"));
    }
    let rest = zh.strip_prefix('已')?;
    if LOOKING_ZH.iter().any(|v| rest.contains(v)) {
        return None;
    }
    CLAIMS_ZH
        .iter()
        .find(|v| rest.contains(*v))
        .map(|verb| format!("Chinese label says 已…{verb}"))
}

#[test]
fn no_check_label_claims_the_step_worked() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("guides");
    let mut problems = Vec::new();
    let mut checks = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let guide: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let steps = guide["steps"].as_array().unwrap();
        for step in steps.iter().filter(|s| s["kind"].as_str() == Some("check")) {
            checks += 1;
            let label = &step["label"];
            let (en, zh) = (label["en"].as_str().unwrap(), label["zh"].as_str().unwrap());
            if let Some(why) = claims_a_result(en, zh) {
                problems.push(format!(
                    "{} {}: {why} ({en} / {zh})",
                    path.file_name().unwrap().to_string_lossy(),
                    step["id"].as_str().unwrap()
                ));
            }
        }
    }
    assert!(
        checks > 100,
        "only {checks} checks found in {}",
        dir.display()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_rule_catches_the_labels_the_review_found() {
    assert!(claims_a_result("Cancelled automatic payments", "试过取消").is_some());
    assert!(claims_a_result("Tried to cancel", "已取消自动扣费和订阅").is_some());
    assert!(claims_a_result("Tried to cancel", "已在 App 设置里重置支付密码").is_some());
    assert!(claims_a_result("Tried to cancel", "试过取消自动扣费和订阅").is_none());
    assert!(claims_a_result("Checked the order", "已查看订单状态和物流").is_none());
}
