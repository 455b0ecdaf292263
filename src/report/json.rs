//! The JSON form, `wallet-help.report/1`, for support tooling.

use super::Report;

pub(super) fn render(report: &Report) -> String {
    let mut out =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
