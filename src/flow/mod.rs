//! The flow engine: a pure state machine over a guide. It knows the current step, takes an
//! answer, and moves on until an ending. No terminal, no I/O; `drive` asks a `Prompter`.

use crate::checks::official::{Official, Verdict};
use crate::error::{Error, Result};
use crate::guide::{CheckStep, Ending, Guide, StepKind};
use crate::input::{ParseContext, Parsed};
use crate::lang::Lang;
use crate::prompt::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter};

/// One answer, of the kind the step asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Index into the step's choices.
    Choice(usize),
    /// The parsed answer, or `None` when an optional input was skipped.
    Input(Option<Parsed>),
    /// `true` when the check fixed the problem.
    Check(bool),
    /// What the tool found when it compared a contact with the official ones.
    Compared(Verdict),
    /// An info step was shown.
    Read,
}

/// A step taken and the answer given there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub step: usize,
    pub answer: Answer,
}

/// A finished walk through a guide.
#[derive(Clone, Debug)]
pub struct Transcript {
    pub entries: Vec<Entry>,
    pub ending: usize,
}

impl Transcript {
    /// The answer to the input step with this index, if the path asked it and it was given.
    pub fn input_value(&self, step: usize) -> Option<&str> {
        input_value(&self.entries, step)
    }
}

fn input_value(entries: &[Entry], step: usize) -> Option<&str> {
    entries
        .iter()
        .rev()
        .find(|e| e.step == step)
        .and_then(|e| match &e.answer {
            Answer::Input(v) => v.as_ref().map(|p| p.value.as_str()),
            _ => None,
        })
}

/// The answer does not fit the step; a bug in a prompter, never the user's doing.
#[derive(Debug, PartialEq, Eq)]
pub struct WrongAnswer {
    pub step: String,
}

pub struct Flow<'g> {
    guide: &'g Guide,
    current: usize,
    entries: Vec<Entry>,
}

impl<'g> Flow<'g> {
    pub fn new(guide: &'g Guide) -> Flow<'g> {
        Flow {
            guide,
            current: guide.start,
            entries: Vec::new(),
        }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// The ending reached, once there is one.
    pub fn ending(&self) -> Option<&'g Ending> {
        match &self.guide.steps[self.current].kind {
            StepKind::End(e) => Some(e),
            _ => None,
        }
    }

    pub fn steps_taken(&self) -> usize {
        self.entries.len()
    }

    /// The answer given to the input step `step` so far, if any.
    pub fn input_value(&self, step: usize) -> Option<&str> {
        input_value(&self.entries, step)
    }

    /// Records the answer to the current step and moves to the step it leads to.
    pub fn answer(&mut self, answer: Answer) -> Result<(), WrongAnswer> {
        let step = &self.guide.steps[self.current];
        let next = match (&step.kind, &answer) {
            (StepKind::Choice(c), Answer::Choice(i)) => c.choices.get(*i).map(|c| c.next),
            (StepKind::Input(i), Answer::Input(v)) if v.is_some() || !i.required => Some(i.next),
            (StepKind::Info(i), Answer::Read) => Some(i.next),
            (StepKind::Check(c), Answer::Check(fixed)) if c.compare.is_none() => {
                Some(if *fixed { c.fixed } else { c.next })
            }
            (StepKind::Check(c), Answer::Compared(verdict)) => {
                c.compare.as_ref().map(|cmp| match verdict {
                    Verdict::Official => c.fixed,
                    Verdict::Unofficial => c.next,
                    Verdict::Unconfigured => cmp.unconfigured,
                })
            }
            _ => None,
        };
        let next = next.ok_or_else(|| WrongAnswer {
            step: step.id.clone(),
        })?;
        self.entries.push(Entry {
            step: self.current,
            answer,
        });
        self.current = next;
        Ok(())
    }

    pub fn finish(self) -> Transcript {
        Transcript {
            entries: self.entries,
            ending: self.current,
        }
    }
}

/// What a walk needs from outside besides the guide: the language, the parsing context,
/// and the official contacts that compare checks use.
pub struct Context<'a> {
    pub lang: Lang,
    pub parse: &'a ParseContext,
    pub official: &'a Official,
}

/// Walks `guide` from its start to an ending, asking `prompter` at each step.
pub fn drive(guide: &Guide, ctx: &Context<'_>, prompter: &mut dyn Prompter) -> Result<Transcript> {
    let mut flow = Flow::new(guide);
    // A person may go round a loop a few times; a script that loops would go forever.
    let limit = guide.steps.len() * 8 + 16;
    while flow.ending().is_none() {
        let step = &guide.steps[flow.current()];
        if flow.steps_taken() > limit {
            return Err(Error::AnswerLoop {
                step: step.id.clone(),
            });
        }
        let answer = if let StepKind::Check(CheckStep {
            compare: Some(cmp),
            text,
            ..
        }) = &step.kind
        {
            // The tool's own check: nothing to ask, only something to say.
            let judgement = ctx.official.judge(flow.input_value(cmp.input));
            let said = format!("{}\n{}", text.get(ctx.lang), judgement.describe(ctx.lang));
            prompter.info(&step.id, &said)?;
            Answer::Compared(judgement.verdict)
        } else {
            let done = flow.steps_taken();
            prompter.progress(done, done + steps_to_an_ending(guide, flow.current()));
            ask(step, ctx.lang, ctx.parse, prompter)?
        };
        flow.answer(answer)
            .map_err(|e| Error::AnswerLoop { step: e.step })?;
    }
    Ok(flow.finish())
}

/// The fewest steps from `from` to a report when no check fixes the problem: the "about N
/// steps" a person is shown. Following only "not fixed", and aiming at a contact-support
/// ending (any ending when none is reachable), keeps the estimate from jumping each time a
/// check does not help.
pub fn steps_to_an_ending(guide: &Guide, from: usize) -> usize {
    let is_report = |i: usize| matches!(&guide.steps[i].kind, StepKind::End(e) if e.outcome == crate::guide::Outcome::ContactSupport);
    let is_end = |i: usize| matches!(guide.steps[i].kind, StepKind::End(_));
    shortest_distance(guide, from, is_report)
        .or_else(|| shortest_distance(guide, from, is_end))
        .unwrap_or(0)
}

fn shortest_distance(guide: &Guide, from: usize, is_goal: impl Fn(usize) -> bool) -> Option<usize> {
    let mut distance = vec![usize::MAX; guide.steps.len()];
    let mut queue = std::collections::VecDeque::from([from]);
    distance[from] = 0;
    while let Some(i) = queue.pop_front() {
        if is_goal(i) {
            return Some(distance[i]);
        }
        let targets = match &guide.steps[i].kind {
            StepKind::Check(c) => vec![c.next],
            kind => kind.targets(),
        };
        for t in targets {
            if distance[t] == usize::MAX {
                distance[t] = distance[i] + 1;
                queue.push_back(t);
            }
        }
    }
    None
}

fn ask(
    step: &crate::guide::Step,
    lang: Lang,
    ctx: &ParseContext,
    prompter: &mut dyn Prompter,
) -> Result<Answer> {
    let id = step.id.as_str();
    Ok(match &step.kind {
        StepKind::Choice(c) => Answer::Choice(
            prompter.choose(&ChoiceQuestion {
                step: id,
                question: c.question.get(lang),
                help: c.help.as_ref().map(|h| h.get(lang)),
                label: c.label.as_ref().map(|l| l.get(lang)),
                choices: c
                    .choices
                    .iter()
                    .map(|c| (c.id.as_str(), c.label.get(lang)))
                    .collect(),
                default: c.default,
            })?,
        ),
        StepKind::Input(i) => Answer::Input(prompter.input(&InputQuestion {
            step: id,
            question: i.question.get(lang),
            help: i.help.as_ref().map(|h| h.get(lang)),
            input_type: i.input_type,
            required: i.required,
            privacy: i.privacy,
            initial: "",
            lang,
            ctx,
        })?),
        StepKind::Check(c) => Answer::Check(prompter.check(&CheckQuestion {
            step: id,
            text: c.text.get(lang),
            question: c.question.as_ref().map_or_else(
                || lang.pick("Did that fix it?", "问题解决了吗？"),
                |q| q.get(lang),
            ),
        })?),
        StepKind::Info(i) => {
            prompter.info(id, i.text.get(lang))?;
            Answer::Read
        }
        StepKind::End(_) => Answer::Read,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::GivenAnswers;
    use crate::guide::{Outcome, Source, parse_guide};
    use crate::prompt::scripted::Scripted;

    /// A small guide with every kind of step and a loop back to the start.
    const GUIDE: &str = r#"
schema = 1
id = "flow-test"
group = "other"
start = "intro"
needs = ["amount"]
title = { en = "Flow test", zh = "流程测试" }
summary = { en = "Engine test", zh = "引擎测试" }

[[steps]]
id = "intro"
kind = "info"
text = { en = "Hello", zh = "你好" }
next = "online"

[[steps]]
id = "online"
kind = "choice"
question = { en = "Online?", zh = "联网了吗？" }
choices = [
  { id = "yes", label = { en = "Yes", zh = "是" }, next = "restart" },
  { id = "no", label = { en = "No", zh = "否" }, next = "offline" },
  { id = "again", label = { en = "Start again", zh = "重来" }, next = "intro" },
]

[[steps]]
id = "restart"
kind = "check"
label = { en = "Restarted", zh = "已重启" }
text = { en = "Restart the app.", zh = "重启 App。" }
fixed = "fixed"
next = "amount"

[[steps]]
id = "amount"
kind = "input"
type = "amount"
question = { en = "How much?", zh = "多少钱？" }
label = { en = "Amount", zh = "金额" }
next = "note"

[[steps]]
id = "note"
kind = "input"
type = "text"
required = false
question = { en = "Anything else?", zh = "还有别的吗？" }
label = { en = "Note", zh = "备注" }
next = "support"

[[steps]]
id = "offline"
kind = "end"
outcome = "resolved"
text = { en = "Connect first.", zh = "先联网。" }

[[steps]]
id = "fixed"
kind = "end"
outcome = "resolved"
text = { en = "Good.", zh = "好。" }

[[steps]]
id = "support"
kind = "end"
outcome = "contact-support"
text = { en = "Report follows.", zh = "报告如下。" }
"#;

    fn guide() -> Guide {
        parse_guide("flow-test.toml", GUIDE, Source::Bundled).unwrap()
    }

    fn ctx() -> ParseContext {
        ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap())
    }

    /// Runs the guide with `answers` as `--set` pairs; returns visited step ids and the ending.
    fn walk(answers: &[&str]) -> Result<(Vec<String>, String)> {
        let guide = guide();
        let mut given = GivenAnswers::default();
        let sets: Vec<String> = answers.iter().map(ToString::to_string).collect();
        given.add_sets(&sets)?;
        let presets = given.resolve(&guide, &ctx())?;
        let parse = ctx();
        let official = Official::default();
        let run = Context {
            lang: Lang::En,
            parse: &parse,
            official: &official,
        };
        let transcript = drive(&guide, &run, &mut Scripted::new(presets))?;
        let visited = transcript
            .entries
            .iter()
            .map(|e| guide.steps[e.step].id.clone())
            .collect();
        Ok((visited, guide.steps[transcript.ending].id.clone()))
    }

    #[test]
    fn a_choice_leads_to_its_target() {
        let (visited, ending) = walk(&["online=no"]).unwrap();
        assert_eq!(visited, ["intro", "online"]);
        assert_eq!(ending, "offline");
    }

    #[test]
    fn a_check_that_fixes_it_ends_resolved() {
        let (visited, ending) = walk(&["online=yes", "restart=yes"]).unwrap();
        assert_eq!(visited, ["intro", "online", "restart"]);
        assert_eq!(ending, "fixed");
    }

    #[test]
    fn a_check_that_does_not_help_moves_on_and_optional_inputs_may_be_skipped() {
        let (visited, ending) = walk(&["online=yes", "restart=no", "amount=¥59.9"]).unwrap();
        assert_eq!(visited, ["intro", "online", "restart", "amount", "note"]);
        assert_eq!(ending, "support");
    }

    #[test]
    fn the_transcript_holds_normalised_answers() {
        let guide = guide();
        let mut given = GivenAnswers::default();
        given
            .add_sets(&[
                "online=yes".into(),
                "restart=no".into(),
                "amount=59.9元".into(),
            ])
            .unwrap();
        let presets = given.resolve(&guide, &ctx()).unwrap();
        let parse = ctx();
        let official = Official::default();
        let run = Context {
            lang: Lang::Zh,
            parse: &parse,
            official: &official,
        };
        let t = drive(&guide, &run, &mut Scripted::new(presets)).unwrap();
        let amount = guide.step_index("amount").unwrap();
        assert_eq!(t.input_value(amount), Some("59.90 CNY"));
        let StepKind::End(end) = &guide.steps[t.ending].kind else {
            panic!("not an ending")
        };
        assert_eq!(end.outcome, Outcome::ContactSupport);
    }

    #[test]
    fn a_missing_answer_names_the_question_and_what_it_expects() {
        let err = walk(&["online=yes", "restart=no"]).unwrap_err();
        let Error::MissingAnswer { step, expected } = err else {
            panic!("{err:?}")
        };
        assert_eq!(step, "amount");
        assert!(expected.en.contains("59.90 CNY"), "{}", expected.en);
        let err = walk(&[]).unwrap_err();
        assert!(
            matches!(err, Error::MissingAnswer { ref step, ref expected } if step == "online" && expected.en == "one of: yes, no, again")
        );
    }

    #[test]
    fn scripted_answers_that_loop_are_stopped_not_repeated_forever() {
        let err = walk(&["online=again"]).unwrap_err();
        assert!(
            matches!(err, Error::AnswerLoop { ref step } if step == "online"),
            "{err:?}"
        );
    }

    #[test]
    fn the_machine_refuses_an_answer_of_the_wrong_kind() {
        let guide = guide();
        let mut flow = Flow::new(&guide);
        assert_eq!(
            flow.answer(Answer::Choice(0)),
            Err(WrongAnswer {
                step: "intro".into()
            })
        );
        flow.answer(Answer::Read).unwrap();
        assert_eq!(
            flow.answer(Answer::Choice(7)),
            Err(WrongAnswer {
                step: "online".into()
            })
        );
        assert_eq!(
            flow.answer(Answer::Check(true)),
            Err(WrongAnswer {
                step: "online".into()
            })
        );
        flow.answer(Answer::Choice(0)).unwrap();
        flow.answer(Answer::Check(false)).unwrap();
        assert_eq!(
            flow.answer(Answer::Input(None)),
            Err(WrongAnswer {
                step: "amount".into()
            }),
            "amount is required"
        );
        assert!(flow.ending().is_none());
    }

    #[test]
    fn progress_counts_the_way_to_the_report_not_the_shortcut_through_a_fix() {
        let guide = guide();
        let index = |id: &str| guide.step_index(id).unwrap();
        assert_eq!(steps_to_an_ending(&guide, index("intro")), 5);
        assert_eq!(steps_to_an_ending(&guide, index("restart")), 3);
        assert_eq!(
            steps_to_an_ending(&guide, index("offline")),
            0,
            "an ending is the end"
        );
        assert_eq!(steps_to_an_ending(&guide, index("support")), 0);
    }
}

#[cfg(test)]
mod compare_tests {
    use super::*;
    use crate::config::{Config, Support};
    use crate::guide::{Source, parse_guide};
    use crate::prompt::scripted::Scripted;

    const GUIDE: &str = r#"
schema = 1
id = "compare-test"
group = "other"
start = "given"
title = { en = "Compare test", zh = "比对测试" }
summary = { en = "Engine test", zh = "引擎测试" }

[[steps]]
id = "given"
kind = "input"
type = "text"
required = false
question = { en = "What number did they give?", zh = "对方给的号码是？" }
label = { en = "Number given", zh = "对方号码" }
next = "is-official"

[[steps]]
id = "is-official"
kind = "check"
compare = "given"
label = { en = "Compared with the official numbers", zh = "已与官方号码比对" }
text = { en = "Comparing…", zh = "正在比对…" }
fixed = "official"
next = "unofficial"
unconfigured = "unknown"

[[steps]]
id = "official"
kind = "end"
outcome = "resolved"
text = { en = "Official.", zh = "官方。" }

[[steps]]
id = "unofficial"
kind = "end"
outcome = "resolved"
text = { en = "Not official.", zh = "非官方。" }

[[steps]]
id = "unknown"
kind = "end"
outcome = "resolved"
text = { en = "Unknown.", zh = "未知。" }
"#;

    fn ending(given: Option<&str>, phones: &[&str]) -> String {
        let guide = parse_guide("compare-test.toml", GUIDE, Source::Bundled).unwrap();
        let parse = ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap());
        let config = Config {
            support: Support {
                phones: phones.iter().map(ToString::to_string).collect(),
                ..Support::default()
            },
            ..Config::default()
        };
        let official = Official::from_config(&config);
        let mut given_answers = crate::answers::GivenAnswers::default();
        let sets: Vec<String> = given.map(|g| format!("given={g}")).into_iter().collect();
        given_answers.add_sets(&sets).unwrap();
        let presets = given_answers.resolve(&guide, &parse).unwrap();
        let walk = Context {
            lang: Lang::En,
            parse: &parse,
            official: &official,
        };
        let transcript = drive(&guide, &walk, &mut Scripted::new(presets)).unwrap();
        guide.steps[transcript.ending].id.clone()
    }

    #[test]
    fn the_tool_compares_without_asking_and_branches_three_ways() {
        assert_eq!(
            ending(Some("+86 400 000 0000"), &["+86 400 000 0000"]),
            "official"
        );
        assert_eq!(
            ending(Some("+86 171 0000 1234"), &["+86 400 000 0000"]),
            "unofficial"
        );
        assert_eq!(ending(Some("+86 171 0000 1234"), &[]), "unknown");
        assert_eq!(ending(None, &["+86 400 000 0000"]), "unknown");
    }

    #[test]
    fn a_compare_check_cannot_be_answered_by_a_script() {
        let guide = parse_guide("compare-test.toml", GUIDE, Source::Bundled).unwrap();
        let parse = ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap());
        let mut given = crate::answers::GivenAnswers::default();
        given.add_sets(&["is-official=yes".to_string()]).unwrap();
        let err = given.resolve(&guide, &parse).unwrap_err();
        assert!(
            matches!(err, Error::UnknownQuestion { ref key, .. } if key == "is-official"),
            "{err:?}"
        );
        assert_eq!(guide.question_ids(), ["given"]);
    }
}
