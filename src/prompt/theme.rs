//! dialoguer's colourful theme, speaking the user's language: its Confirm prompt says
//! "(y/n)" and echoes "yes"/"no", which a Chinese interface shows as 是/否.

use std::fmt;

use dialoguer::theme::{ColorfulTheme, Theme};

use crate::lang::Lang;

pub struct LocalTheme {
    inner: ColorfulTheme,
    lang: Lang,
}

impl LocalTheme {
    pub fn new(lang: Lang) -> LocalTheme {
        LocalTheme {
            inner: ColorfulTheme::default(),
            lang,
        }
    }

    /// Renders with the inner theme, then swaps the English words for the user's.
    fn localized(
        &self,
        f: &mut dyn fmt::Write,
        render: impl FnOnce(&mut String) -> fmt::Result,
    ) -> fmt::Result {
        let mut out = String::new();
        render(&mut out)?;
        if self.lang == Lang::Zh {
            out = out.replace("(y/n)", "(y 是 / n 否)");
            for (en, zh) in [("yes", "是"), ("no", "否")] {
                if let Some(stem) = out.strip_suffix(&format!("{en}\u{1b}[0m")) {
                    out = format!("{stem}{zh}\u{1b}[0m");
                } else if let Some(stem) = out.strip_suffix(en) {
                    out = format!("{stem}{zh}");
                }
            }
        }
        f.write_str(&out)
    }
}

impl Theme for LocalTheme {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.inner.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.inner.format_error(f, err)
    }

    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        self.localized(f, |out| {
            self.inner.format_confirm_prompt(out, prompt, default)
        })
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        self.localized(f, |out| {
            self.inner
                .format_confirm_prompt_selection(out, prompt, selection)
        })
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        self.inner.format_input_prompt(f, prompt, default)
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.inner.format_input_prompt_selection(f, prompt, sel)
    }

    fn format_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.inner.format_select_prompt(f, prompt)
    }

    fn format_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.inner.format_select_prompt_selection(f, prompt, sel)
    }

    fn format_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        self.inner.format_select_prompt_item(f, text, active)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_confirm_prompts_say_shi_and_fou() {
        console::set_colors_enabled(false);
        let theme = LocalTheme::new(Lang::Zh);
        let mut out = String::new();
        theme
            .format_confirm_prompt_selection(&mut out, "问题解决了吗？", Some(false))
            .unwrap();
        assert!(out.ends_with("问题解决了吗？ · 否"), "{out:?}");
        let mut out = String::new();
        theme
            .format_confirm_prompt(&mut out, "问题解决了吗？", None)
            .unwrap();
        assert!(out.contains("(y 是 / n 否)"), "{out:?}");
        let mut out = String::new();
        LocalTheme::new(Lang::En)
            .format_confirm_prompt_selection(&mut out, "Fixed?", Some(true))
            .unwrap();
        assert!(out.ends_with("Fixed? · yes"), "{out:?}");
    }
}
