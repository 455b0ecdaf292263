//! A guide as one reader sees it: each text's variant for the reader's region in place of the
//! general text, and the provider's channels in place of `{support.phone}` and the like. Run
//! once per walk, before anything is shown or written.

use super::provider::ProviderWords;
use super::{Guide, StepKind};
use crate::lang::{Lang, Text};
use crate::region::Region;

impl Guide {
    /// This guide as a reader in `region` reads it, with `provider`'s channels named.
    #[must_use]
    pub fn for_reader(&self, region: Region, provider: &ProviderWords) -> Guide {
        let mut guide = self.for_region(region);
        guide.each_text_mut(&mut |text| {
            text.en = provider.fill(&text.en, Lang::En);
            text.zh = provider.fill(&text.zh, Lang::Zh);
        });
        guide
    }

    /// This guide with every text as a reader in `region` reads it.
    #[must_use]
    pub fn for_region(&self, region: Region) -> Guide {
        let mut guide = self.clone();
        guide.each_text_mut(&mut |text| *text = text.for_region(region));
        guide
    }

    /// Calls `f` on every text of the guide: titles, questions, help, labels, texts and
    /// report summaries.
    pub fn each_text_mut(&mut self, f: &mut impl FnMut(&mut Text)) {
        f(&mut self.title);
        f(&mut self.summary);
        if let Some(summary) = &mut self.report_summary {
            f(summary);
        }
        for step in &mut self.steps {
            match &mut step.kind {
                StepKind::Choice(c) => {
                    f(&mut c.question);
                    c.help
                        .iter_mut()
                        .chain(c.label.iter_mut())
                        .for_each(&mut *f);
                    c.choices.iter_mut().for_each(|choice| f(&mut choice.label));
                }
                StepKind::Input(i) => {
                    f(&mut i.question);
                    f(&mut i.label);
                    i.help.iter_mut().for_each(&mut *f);
                }
                StepKind::Info(i) => f(&mut i.text),
                StepKind::Check(c) => {
                    f(&mut c.label);
                    f(&mut c.text);
                    c.question.iter_mut().for_each(&mut *f);
                }
                StepKind::End(e) => {
                    f(&mut e.text);
                    e.summary.iter_mut().for_each(&mut *f);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::guide::{Source, StepKind, parse_guide};
    use crate::region::Region;

    const GUIDE: &str = r#"
schema = 1
id = "region-test"
group = "other"
start = "where"
title = { en = "Region test", zh = "地区测试" }
summary = { en = "Texts by region", zh = "按地区的文字" }

[[steps]]
id = "where"
kind = "info"
text.en = "Ask your bank."
text.zh = "联系发卡行。"
text.en-uk = "Ask your bank; then the Financial Ombudsman Service."
text.zh-cn = "联系发卡行；仍不解决，可拨打 12363。"
next = "done"

[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = { en = "Done.", zh = "好了。" }
"#;

    fn info_text(region: Region) -> (String, String) {
        let guide = parse_guide("r.toml", GUIDE, Source::Bundled)
            .unwrap()
            .for_region(region);
        let StepKind::Info(info) = &guide.steps[0].kind else {
            panic!("not an info step")
        };
        (info.text.en.clone(), info.text.zh.clone())
    }

    #[test]
    fn a_reader_sees_their_regions_text_and_the_general_text_elsewhere() {
        assert_eq!(
            info_text(Region::Cn),
            (
                "Ask your bank.".into(),
                "联系发卡行；仍不解决，可拨打 12363。".into()
            )
        );
        assert_eq!(
            info_text(Region::Uk),
            (
                "Ask your bank; then the Financial Ombudsman Service.".into(),
                "联系发卡行。".into()
            )
        );
        assert_eq!(
            info_text(Region::Other),
            ("Ask your bank.".into(), "联系发卡行。".into())
        );
    }
}
