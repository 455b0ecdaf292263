//! The engine's specification: where answers lead, going back, changing an answer and
//! replaying the rest, drafts, progress, and the loop guard.

use std::collections::VecDeque;

use super::*;
use crate::answers::GivenAnswers;
use crate::config::{Config, Support};
use crate::error::{Error, Result};
use crate::guide::{InfoStep, Outcome, Source, Step, parse_guide};
use crate::input::{self, ParseContext, Parsed};
use crate::prompt::scripted::Scripted;
use crate::prompt::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter, Reply};

/// A small guide with every kind of step, a loop back to the start, and two branches (the
/// app, a shop) that meet again at `amount`.
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
  { id = "yes", label = { en = "Yes", zh = "是" }, next = "where" },
  { id = "no", label = { en = "No", zh = "否" }, next = "offline" },
  { id = "again", label = { en = "Start again", zh = "重来" }, next = "intro" },
]

[[steps]]
id = "where"
kind = "choice"
question = { en = "Where?", zh = "在哪里？" }
choices = [
  { id = "app", label = { en = "In the app", zh = "App 里" }, next = "restart" },
  { id = "shop", label = { en = "In a shop", zh = "店里" }, next = "receipt" },
]

[[steps]]
id = "restart"
kind = "check"
label = { en = "Restarted", zh = "已重启" }
text = { en = "Restart the app.", zh = "重启 App。" }
fixed = "fixed"
next = "amount"

[[steps]]
id = "receipt"
kind = "input"
type = "text"
question = { en = "What does the receipt say?", zh = "小票上写了什么？" }
label = { en = "Receipt", zh = "小票" }
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

fn parse_ctx() -> ParseContext {
    ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap())
}

fn ids(guide: &Guide, entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| guide.steps[e.step].id.clone())
        .collect()
}

/// Runs the guide with `answers` as `--set` pairs; returns visited step ids and the ending.
fn walk_set(answers: &[&str]) -> Result<(Vec<String>, String)> {
    let guide = guide();
    let mut given = GivenAnswers::default();
    let sets: Vec<String> = answers.iter().map(ToString::to_string).collect();
    given.add_sets(&sets)?;
    let presets = given.resolve(&guide, &parse_ctx())?;
    let parse = parse_ctx();
    let official = Official::default();
    let run = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    let transcript = drive(&guide, &run, &mut Scripted::new(presets))?;
    Ok((
        ids(&guide, &transcript.entries),
        guide.steps[transcript.ending].id.clone(),
    ))
}

/// What a person does at one question.
#[derive(Clone, Debug)]
enum Do {
    Pick(&'static str),
    Type(&'static str),
    Fixed(bool),
    Back,
}

/// A question as the person saw it: the step, the answer it started from, whether "back"
/// was offered.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Seen {
    step: String,
    default: Option<String>,
    back: bool,
}

/// A person following a script; with nothing left to do, they stop (as Esc, then "yes").
#[derive(Default)]
struct Person {
    script: VecDeque<Do>,
    asked: Vec<Seen>,
    read: Vec<String>,
    progress: Vec<(usize, usize)>,
}

impl Person {
    fn doing(script: &[Do]) -> Person {
        Person {
            script: script.iter().cloned().collect(),
            ..Person::default()
        }
    }

    fn next(&mut self, seen: Seen) -> Result<Do> {
        self.asked.push(seen);
        self.script.pop_front().ok_or(Error::Cancelled)
    }

    fn asked_steps(&self) -> Vec<&str> {
        self.asked.iter().map(|s| s.step.as_str()).collect()
    }
}

impl Prompter for Person {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<Reply<usize>> {
        let default = q.start.map(|i| q.choices[i].0.to_string());
        match self.next(Seen {
            step: q.step.into(),
            default,
            back: q.back,
        })? {
            Do::Pick(id) => Ok(Reply::Answer(
                q.choices.iter().position(|(c, _)| *c == id).unwrap(),
            )),
            Do::Back => Ok(Reply::Back),
            other => panic!("{other:?} at choice {}", q.step),
        }
    }

    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Reply<Option<Parsed>>> {
        let default = (!q.initial.is_empty()).then(|| q.initial.to_string());
        match self.next(Seen {
            step: q.step.into(),
            default,
            back: q.back,
        })? {
            Do::Type(text) => Ok(Reply::Answer(
                input::parse(q.input_type, text, q.required, q.ctx).unwrap(),
            )),
            Do::Back => Ok(Reply::Back),
            other => panic!("{other:?} at input {}", q.step),
        }
    }

    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<Reply<bool>> {
        let default = q.start.map(|f| f.to_string());
        match self.next(Seen {
            step: q.step.into(),
            default,
            back: q.back,
        })? {
            Do::Fixed(fixed) => Ok(Reply::Answer(fixed)),
            Do::Back => Ok(Reply::Back),
            other => panic!("{other:?} at check {}", q.step),
        }
    }

    fn info(&mut self, step: &str, _text: &str) -> Result<()> {
        self.read.push(step.to_string());
        Ok(())
    }

    fn progress(&mut self, done: usize, total: usize) {
        self.progress.push((done, total));
    }
}

/// Walks `flow` with `person` and no replay.
fn walk_with(flow: &mut Flow<'_>, person: &mut Person) -> Result<()> {
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    walk(flow, &ctx, person, &mut Replay::default())
}

/// The usual walk to a report: online, in the app, restarting did not help, 59.90 CNY.
const TO_REPORT: [Do; 5] = [
    Do::Pick("yes"),
    Do::Pick("app"),
    Do::Fixed(false),
    Do::Type("59.9元"),
    Do::Type(""),
];

fn to_report(guide: &Guide) -> Transcript {
    let mut flow = Flow::new(guide);
    walk_with(&mut flow, &mut Person::doing(&TO_REPORT)).unwrap();
    flow.finish()
}

// ── Where answers lead ─────────────────────────────────────────────────────────────────────

#[test]
fn a_choice_leads_to_its_target() {
    let (visited, ending) = walk_set(&["online=no"]).unwrap();
    assert_eq!(visited, ["intro", "online"]);
    assert_eq!(ending, "offline");
}

#[test]
fn a_check_that_fixes_it_ends_resolved() {
    let (visited, ending) = walk_set(&["online=yes", "where=app", "restart=yes"]).unwrap();
    assert_eq!(visited, ["intro", "online", "where", "restart"]);
    assert_eq!(ending, "fixed");
}

#[test]
fn a_check_that_does_not_help_moves_on_and_optional_inputs_may_be_skipped() {
    let (visited, ending) =
        walk_set(&["online=yes", "where=app", "restart=no", "amount=¥59.9"]).unwrap();
    assert_eq!(
        visited,
        ["intro", "online", "where", "restart", "amount", "note"]
    );
    assert_eq!(ending, "support");
}

#[test]
fn the_transcript_holds_normalised_answers() {
    let guide = guide();
    let t = to_report(&guide);
    let amount = guide.step_index("amount").unwrap();
    assert_eq!(t.input_value(amount), Some("59.90 CNY"));
    let note = guide.step_index("note").unwrap();
    assert_eq!(t.input_value(note), None, "skipped");
    let StepKind::End(end) = &guide.steps[t.ending].kind else {
        panic!("not an ending")
    };
    assert_eq!(end.outcome, Outcome::ContactSupport);
}

#[test]
fn a_missing_answer_names_the_question_and_what_it_expects() {
    let err = walk_set(&["online=yes", "where=app", "restart=no"]).unwrap_err();
    let Error::MissingAnswer { step, expected } = err else {
        panic!("{err:?}")
    };
    assert_eq!(step, "amount");
    assert!(expected.en.contains("59.90 CNY"), "{}", expected.en);
    let err = walk_set(&[]).unwrap_err();
    assert!(
        matches!(err, Error::MissingAnswer { ref step, ref expected } if step == "online" && expected.en == "one of: yes, no, again")
    );
}

#[test]
fn the_machine_refuses_an_answer_of_the_wrong_kind() {
    let guide = guide();
    let mut flow = Flow::new(&guide);
    let wrong = |step: &str| {
        Err(WrongAnswer {
            step: step.to_string(),
        })
    };
    assert_eq!(flow.answer(Answer::Choice(0)), wrong("intro"));
    assert_eq!(
        flow.answer(Answer::Compared(Verdict::Official)),
        wrong("intro")
    );
    flow.answer(Answer::Read).unwrap();
    assert_eq!(flow.answer(Answer::Choice(7)), wrong("online"));
    assert_eq!(flow.answer(Answer::Check(true)), wrong("online"));
    flow.answer(Answer::Choice(0)).unwrap();
    flow.answer(Answer::Choice(0)).unwrap();
    assert_eq!(
        flow.answer(Answer::Compared(Verdict::Official)),
        wrong("restart"),
        "a check a person does is not compared"
    );
    flow.answer(Answer::Check(false)).unwrap();
    assert_eq!(
        flow.answer(Answer::Input(None)),
        wrong("amount"),
        "amount is required"
    );
    assert_eq!(flow.answer(Answer::Read), wrong("amount"));
    assert!(flow.ending().is_none());
    assert_eq!(flow.steps_taken(), 4, "refused answers are not recorded");
}

#[test]
fn a_flow_knows_its_guide_entries_and_inputs_so_far() {
    let guide = guide();
    let mut flow = Flow::new(&guide);
    assert!(std::ptr::eq(flow.guide(), &raw const guide));
    for answer in [Answer::Read, Answer::Choice(0), Answer::Choice(1)] {
        flow.answer(answer).unwrap();
    }
    flow.answer(Answer::Input(Some(Parsed::plain("stamped"))))
        .unwrap();
    let receipt = guide.step_index("receipt").unwrap();
    assert_eq!(flow.input_value(receipt), Some("stamped"));
    assert_eq!(flow.entries().len(), 4);
    assert_eq!(guide.steps[flow.current()].id, "amount");
}

// ── Going back ─────────────────────────────────────────────────────────────────────────────

#[test]
fn back_at_a_choice_asks_the_question_before_again_starting_from_its_answer() {
    let guide = guide();
    let mut flow = Flow::new(&guide);
    let mut person = Person::doing(&[
        Do::Pick("yes"),
        Do::Back,
        Do::Pick("yes"),
        Do::Pick("shop"),
        Do::Type("Card declined"),
        Do::Type("5 USD"),
        Do::Type(""),
    ]);
    walk_with(&mut flow, &mut person).unwrap();
    assert_eq!(
        person.asked,
        [
            Seen {
                step: "online".into(),
                default: None,
                back: false
            },
            Seen {
                step: "where".into(),
                default: None,
                back: true
            },
            Seen {
                step: "online".into(),
                default: Some("yes".into()),
                back: false
            },
            Seen {
                step: "where".into(),
                default: None,
                back: true
            },
            Seen {
                step: "receipt".into(),
                default: None,
                back: true
            },
            Seen {
                step: "amount".into(),
                default: None,
                back: true
            },
            Seen {
                step: "note".into(),
                default: None,
                back: true
            },
        ]
    );
    // The info step before `online` is shown once: going back passes it over.
    assert_eq!(person.read, ["intro"]);
    let t = flow.finish();
    assert_eq!(
        ids(&guide, &t.entries),
        ["intro", "online", "where", "receipt", "amount", "note"]
    );
}

#[test]
fn back_at_a_text_question_and_at_a_check_keeps_each_answer_as_the_starting_point() {
    let guide = guide();
    let mut flow = Flow::new(&guide);
    let mut person = Person::doing(&[
        Do::Pick("yes"),
        Do::Pick("app"),
        Do::Fixed(false),
        Do::Back, // at amount: back to the check
        Do::Back, // at the check: back to `where`
        Do::Pick("app"),
        Do::Fixed(false),
        Do::Type("59.9元"),
        Do::Back, // at note: back to amount
        Do::Type("60元"),
        Do::Type(""),
    ]);
    walk_with(&mut flow, &mut person).unwrap();
    let seen: Vec<(&str, Option<&str>)> = person
        .asked
        .iter()
        .map(|s| (s.step.as_str(), s.default.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            ("online", None),
            ("where", None),
            ("restart", None),
            ("amount", None),
            ("restart", Some("false")),
            ("where", Some("app")),
            ("restart", Some("false")),
            ("amount", None),
            ("note", None),
            ("amount", Some("59.90 CNY")),
            ("note", None),
        ]
    );
    let t = flow.finish();
    let amount = guide.step_index("amount").unwrap();
    assert_eq!(t.input_value(amount), Some("60.00 CNY"));
    assert_eq!(t.entries.len(), 6, "each question once in the transcript");
}

#[test]
fn there_is_no_way_back_from_the_first_question() {
    let guide = guide();
    let mut flow = Flow::new(&guide);
    assert!(!flow.can_go_back());
    assert_eq!(flow.back(), None);
    flow.answer(Answer::Read).unwrap();
    assert!(
        !flow.can_go_back(),
        "an info step is not a question to go back to"
    );
    assert_eq!(flow.back(), None);
    assert_eq!(flow.steps_taken(), 1, "a refused back changes nothing");
    assert_eq!(guide.steps[flow.current()].id, "online");
    flow.answer(Answer::Choice(0)).unwrap();
    assert!(flow.can_go_back());
    let popped = flow.back().unwrap();
    assert_eq!(popped.answer, Answer::Choice(0));
    assert_eq!(guide.steps[flow.current()].id, "online");
    assert_eq!(flow.steps_taken(), 1);
}

#[test]
fn progress_goes_back_with_the_person_and_forward_again() {
    let guide = guide();
    let mut flow = Flow::new(&guide);
    let mut person = Person::doing(&[Do::Pick("yes"), Do::Back, Do::Pick("yes")]);
    let _ = walk_with(&mut flow, &mut person);
    assert_eq!(person.progress.len(), 4);
    assert_eq!(
        person.progress[0], person.progress[2],
        "the same question, the same count"
    );
    assert_eq!(person.progress[1], person.progress[3]);
    assert_eq!(person.progress[1].0, 1);
}

// ── Changing an answer at the review ───────────────────────────────────────────────────────

/// Reopens `t` at `step`'s answer and walks on, replaying the later answers.
fn change(guide: &Guide, t: &Transcript, step: &str, person: &mut Person) -> Transcript {
    let at = t
        .entries
        .iter()
        .position(|e| guide.steps[e.step].id == step)
        .unwrap();
    let (mut flow, later) = Flow::reopen(guide, t, at);
    let mut later = later.into_iter();
    let mut replay = Replay::of(later.by_ref().skip(1));
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    // The changed answer itself is asked, starting from what it was.
    let (_, all_later) = Flow::reopen(guide, t, at);
    replay.offer(all_later[0].clone());
    walk(&mut flow, &ctx, person, &mut replay).unwrap();
    flow.finish()
}

#[test]
fn a_changed_choice_goes_on_from_there_and_keeps_the_answers_that_still_apply() {
    let guide = guide();
    let before = to_report(&guide);
    let mut person = Person::doing(&[Do::Pick("shop"), Do::Type("Declined")]);
    let after = change(&guide, &before, "where", &mut person);
    // Only the changed question and the one new on this branch are asked.
    assert_eq!(person.asked_steps(), ["where", "receipt"]);
    assert_eq!(person.asked[0].default.as_deref(), Some("app"));
    assert!(
        person.read.is_empty(),
        "nothing already read is shown again"
    );
    assert_eq!(
        ids(&guide, &after.entries),
        ["intro", "online", "where", "receipt", "amount", "note"]
    );
    let amount = guide.step_index("amount").unwrap();
    assert_eq!(after.input_value(amount), Some("59.90 CNY"), "kept");
    assert_eq!(guide.steps[after.ending].id, "support");
}

#[test]
fn a_changed_check_can_end_the_guide_elsewhere() {
    let guide = guide();
    let before = to_report(&guide);
    let mut person = Person::doing(&[Do::Fixed(true)]);
    let after = change(&guide, &before, "restart", &mut person);
    assert_eq!(person.asked_steps(), ["restart"]);
    assert_eq!(guide.steps[after.ending].id, "fixed");
    assert_eq!(
        ids(&guide, &after.entries),
        ["intro", "online", "where", "restart"]
    );
}

#[test]
fn a_changed_input_keeps_everything_after_it() {
    let guide = guide();
    let before = to_report(&guide);
    let mut person = Person::doing(&[Do::Type("70元")]);
    let after = change(&guide, &before, "amount", &mut person);
    assert_eq!(person.asked[0].default.as_deref(), Some("59.90 CNY"));
    assert_eq!(person.asked.len(), 1);
    assert_eq!(after.entries.len(), before.entries.len());
    let amount = guide.step_index("amount").unwrap();
    assert_eq!(after.input_value(amount), Some("70.00 CNY"));
}

#[test]
fn reopening_past_the_end_changes_nothing() {
    let guide = guide();
    let t = to_report(&guide);
    let (flow, later) = Flow::reopen(&guide, &t, 99);
    assert!(later.is_empty());
    assert_eq!(flow.current(), t.ending);
    assert_eq!(flow.entries(), t.entries.as_slice());
    assert_eq!(
        flow.progress().0,
        5,
        "the questions answered are counted again"
    );
}

#[test]
fn a_replayed_answer_that_no_longer_fits_is_asked_instead() {
    let guide = guide();
    let amount = guide.step_index("amount").unwrap();
    let mut replay = Replay::of([Entry {
        step: amount,
        answer: Answer::Choice(3),
    }]);
    assert!(!replay.is_empty());
    let mut flow = Flow::new(&guide);
    for answer in [
        Answer::Read,
        Answer::Choice(0),
        Answer::Choice(0),
        Answer::Check(false),
    ] {
        flow.answer(answer).unwrap();
    }
    let mut person = Person::doing(&[Do::Type("1元"), Do::Type("")]);
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    walk(&mut flow, &ctx, &mut person, &mut replay).unwrap();
    assert_eq!(person.asked_steps(), ["amount", "note"]);
    assert!(replay.is_empty(), "each answer is used once");
}

// ── Drafts ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_walk_stopped_half_way_resumes_from_its_snapshot_without_asking_again() {
    let guide = guide();
    let mut flow = Flow::new(&guide);
    let mut person = Person::doing(&[Do::Pick("yes"), Do::Pick("app"), Do::Fixed(false)]);
    let stopped = walk_with(&mut flow, &mut person);
    assert!(matches!(stopped, Err(Error::Cancelled)));
    let snapshot = flow.snapshot();
    let json = serde_json::to_string(&snapshot).unwrap();
    assert_eq!(
        json,
        r#"{"guide":"flow-test","entries":[{"step":"intro","value":""},{"step":"online","value":"yes"},{"step":"where","value":"app"},{"step":"restart","value":"no"}]}"#
    );
    let snapshot: Snapshot = serde_json::from_str(&json).unwrap();
    let (mut replay, rejected) = snapshot.replay(&guide, &parse_ctx());
    assert_eq!(rejected, []);
    let mut resumed = Flow::new(&guide);
    let mut person = Person::doing(&[Do::Type("59.9元"), Do::Type("")]);
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    walk(&mut resumed, &ctx, &mut person, &mut replay).unwrap();
    assert_eq!(person.asked_steps(), ["amount", "note"]);
    assert!(person.read.is_empty(), "the info step was read before");
    assert_eq!(
        person.progress[0],
        (3, 5),
        "progress counts the answers kept"
    );
}

#[test]
fn an_approximate_amount_resumes_as_approximate_and_exact_as_exact() {
    let guide = guide();
    let mut flow = Flow::new(&guide);
    let mut person = Person::doing(&[
        Do::Pick("yes"),
        Do::Pick("app"),
        Do::Fixed(false),
        Do::Type("about 59.9元"),
    ]);
    assert!(matches!(
        walk_with(&mut flow, &mut person),
        Err(Error::Cancelled)
    ));
    let amount = guide.step_index("amount").unwrap();
    let given = flow
        .entries()
        .iter()
        .find(|e| e.step == amount)
        .map(|e| e.answer.clone())
        .unwrap();
    let snapshot = flow.snapshot();
    let kept = snapshot
        .entries
        .iter()
        .find(|e| e.step == "amount")
        .unwrap();
    assert_eq!(kept.value, "about 59.90 CNY");
    let (mut replay, rejected) = snapshot.replay(&guide, &parse_ctx());
    assert_eq!(rejected, []);
    let mut resumed = Flow::new(&guide);
    let mut person = Person::doing(&[Do::Type("")]);
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    walk(&mut resumed, &ctx, &mut person, &mut replay).unwrap();
    assert_eq!(person.asked_steps(), ["note"]);
    let replayed = resumed
        .entries()
        .iter()
        .find(|e| e.step == amount)
        .map(|e| e.answer.clone())
        .unwrap();
    assert_eq!(replayed, given, "the same value and precision");
}

#[test]
fn a_check_that_fixed_it_resumes_to_its_ending() {
    let guide = guide();
    let entry = |step: &str, value: &str| SnapshotEntry {
        step: step.into(),
        value: value.into(),
    };
    let snapshot = Snapshot {
        guide: "flow-test".into(),
        entries: vec![
            entry("online", "yes"),
            entry("where", "app"),
            entry("restart", "yes"),
        ],
    };
    let (mut replay, rejected) = snapshot.replay(&guide, &parse_ctx());
    assert_eq!(rejected, []);
    let mut person = Person::default();
    let mut flow = Flow::new(&guide);
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    walk(&mut flow, &ctx, &mut person, &mut replay).unwrap();
    assert!(person.asked.is_empty(), "{:?}", person.asked);
    assert_eq!(guide.steps[flow.current()].id, "fixed");
}

#[test]
fn a_snapshots_answers_are_checked_as_typed_ones_and_the_misfits_asked_again() {
    let guide = guide();
    let entry = |step: &str, value: &str| SnapshotEntry {
        step: step.into(),
        value: value.into(),
    };
    let snapshot = Snapshot {
        guide: "flow-test".into(),
        entries: vec![
            entry("online", "yes"),
            entry("where", "moon"),
            entry("gone", "x"),
            entry("restart", "maybe"),
            entry("amount", "abc"),
            entry("note", ""),
            entry("support", ""),
        ],
    };
    let (_, rejected) = snapshot.replay(&guide, &parse_ctx());
    let why: Vec<(&str, &str)> = rejected
        .iter()
        .map(|r| (r.step.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(why.len(), 5, "{why:?}");
    assert_eq!(why[0], ("where", "not one of the choices"));
    assert_eq!(why[1], ("gone", "the guide has no such step"));
    assert_eq!(why[2], ("restart", "not yes or no"));
    assert_eq!(why[3].0, "amount");
    assert!(why[3].1.contains("not valid"), "{why:?}");
    assert_eq!(why[4], ("support", "an ending is not answered"));
    assert_eq!(rejected[3].value, "abc");
}

#[test]
fn a_snapshot_keeps_checks_as_yes_or_no_and_skipped_inputs_as_empty() {
    let guide = guide();
    let t = to_report(&guide);
    let snapshot = Snapshot::of(&guide, &t.entries);
    let values: Vec<(&str, &str)> = snapshot
        .entries
        .iter()
        .map(|e| (e.step.as_str(), e.value.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("intro", ""),
            ("online", "yes"),
            ("where", "app"),
            ("restart", "no"),
            ("amount", "59.90 CNY"),
            ("note", ""),
        ]
    );
    let fixed = Snapshot::of(
        &guide,
        &[Entry {
            step: guide.step_index("restart").unwrap(),
            answer: Answer::Check(true),
        }],
    );
    assert_eq!(fixed.entries[0].value, "yes");
    let odd = Snapshot::of(
        &guide,
        &[Entry {
            step: guide.step_index("restart").unwrap(),
            answer: Answer::Choice(0),
        }],
    );
    assert!(
        odd.entries.is_empty(),
        "an answer that does not fit its step is left out"
    );
}

// ── Progress ───────────────────────────────────────────────────────────────────────────────

#[test]
fn progress_counts_the_questions_on_the_longest_way_to_an_ending() {
    let guide = guide();
    let estimate = Estimate::of(&guide);
    let left = |id: &str| estimate.remaining(guide.step_index(id).unwrap());
    // online, where, receipt (the longer branch), amount, note; the loop back is not counted.
    assert_eq!(left("intro"), 5);
    assert_eq!(left("online"), 5);
    assert_eq!(left("where"), 4);
    assert_eq!(left("restart"), 3);
    assert_eq!(left("receipt"), 3);
    assert_eq!(left("note"), 1);
    assert_eq!(left("support"), 0, "an ending is the end");
    assert_eq!(left("offline"), 0);
    assert_eq!(estimate.remaining(999), 0);
}

#[test]
fn the_total_shown_only_shrinks_or_holds_as_the_walk_moves_forward() {
    let guide = guide();
    for script in [
        &TO_REPORT[..],
        &[
            Do::Pick("yes"),
            Do::Pick("shop"),
            Do::Type("x"),
            Do::Type("1元"),
            Do::Type(""),
        ],
        &[Do::Pick("yes"), Do::Pick("app"), Do::Fixed(true)],
    ] {
        let mut person = Person::doing(script);
        let mut flow = Flow::new(&guide);
        walk_with(&mut flow, &mut person).unwrap();
        let totals: Vec<usize> = person.progress.iter().map(|(_, t)| *t).collect();
        assert!(totals.windows(2).all(|w| w[1] <= w[0]), "{totals:?}");
        let done: Vec<usize> = person.progress.iter().map(|(d, _)| *d).collect();
        assert_eq!(done, (0..done.len()).collect::<Vec<_>>());
    }
}

/// A guide of `n` info steps in a row, then an ending: deep enough to overflow the stack of
/// anything that recursed once per step.
fn chain(n: usize) -> Guide {
    let mut guide = guide();
    let end = guide.step_index("support").unwrap();
    let first = guide.steps.len();
    for i in 0..n {
        let next = if i + 1 < n { first + i + 1 } else { end };
        guide.steps.push(Step {
            id: format!("s{i}"),
            kind: StepKind::Info(InfoStep {
                text: crate::lang::Text::new("x", "x"),
                next,
            }),
            block: None,
        });
    }
    guide.start = first;
    guide
}

#[test]
fn a_guide_deeper_than_any_stack_is_estimated_and_walked() {
    let guide = chain(100_000);
    let estimate = Estimate::of(&guide);
    assert_eq!(estimate.remaining(guide.start), 0, "info steps ask nothing");
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    let mut person = Person::default();
    let t = drive(&guide, &ctx, &mut person).unwrap();
    assert_eq!(t.entries.len(), 100_000);
    assert_eq!(person.read.len(), 100_000);
}

// ── The loop guard ─────────────────────────────────────────────────────────────────────────

#[test]
fn the_loop_guard_allows_eight_visits_per_step_and_some_room() {
    let guide = guide();
    assert_eq!(guide.steps.len(), 10);
    assert_eq!(step_limit(&guide), 10 * 8 + 16);
}

/// A prompter that always starts again: an endless loop.
struct AlwaysAgain {
    asked: usize,
    stop_after: Option<usize>,
}

impl Prompter for AlwaysAgain {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<Reply<usize>> {
        self.asked += 1;
        // Far past any limit: the guard failed; fail fast rather than hang.
        assert!(self.asked < 10_000, "the loop guard let the walk go on");
        if self.stop_after.is_some_and(|n| self.asked > n) {
            return Ok(Reply::Answer(1)); // "no": the walk ends
        }
        Ok(Reply::Answer(
            q.choices.iter().position(|(id, _)| *id == "again").unwrap(),
        ))
    }
    fn input(&mut self, _: &InputQuestion<'_>) -> Result<Reply<Option<Parsed>>> {
        unreachable!()
    }
    fn check(&mut self, _: &CheckQuestion<'_>) -> Result<Reply<bool>> {
        unreachable!()
    }
    fn info(&mut self, _: &str, _: &str) -> Result<()> {
        Ok(())
    }
}

#[test]
fn a_prompter_that_loops_forever_is_stopped_at_the_limit_exactly() {
    let guide = guide();
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    let mut looping = AlwaysAgain {
        asked: 0,
        stop_after: None,
    };
    let mut flow = Flow::new(&guide);
    let err = walk(&mut flow, &ctx, &mut looping, &mut Replay::default()).unwrap_err();
    assert!(
        matches!(err, Error::AnswerLoop { ref step } if step == "intro"),
        "{err:?}"
    );
    assert_eq!(
        flow.steps_taken(),
        step_limit(&guide),
        "not one step more or less"
    );
    // Each round is two steps (intro, online): the last round ends on `intro`.
    assert_eq!(looping.asked, step_limit(&guide) / 2);
}

#[test]
fn a_person_may_go_round_a_loop_until_the_last_step_the_limit_allows() {
    let guide = guide();
    let parse = parse_ctx();
    let official = Official::default();
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    // Rounds of two steps; the last answer ("no") ends the walk at exactly the limit.
    let rounds = step_limit(&guide) / 2 - 1;
    let mut person = AlwaysAgain {
        asked: 0,
        stop_after: Some(rounds),
    };
    let t = drive(&guide, &ctx, &mut person).unwrap();
    assert_eq!(t.entries.len(), step_limit(&guide));
    assert_eq!(guide.steps[t.ending].id, "offline");
}

#[test]
fn scripted_answers_that_loop_are_stopped_not_repeated_forever() {
    let err = walk_set(&["online=again"]).unwrap_err();
    assert!(
        matches!(err, Error::AnswerLoop { ref step } if step == "online"),
        "{err:?}"
    );
}

// ── The tool's own checks ──────────────────────────────────────────────────────────────────

const COMPARE_GUIDE: &str = r#"
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

fn compare_guide() -> Guide {
    parse_guide("compare-test.toml", COMPARE_GUIDE, Source::Bundled).unwrap()
}

fn official(phones: &[&str]) -> Official {
    Official::from_config(&Config {
        support: Support {
            phones: phones.iter().map(ToString::to_string).collect(),
            ..Support::default()
        },
        ..Config::default()
    })
}

fn compare_ending(given: Option<&str>, phones: &[&str]) -> String {
    let guide = compare_guide();
    let parse = parse_ctx();
    let official = official(phones);
    let mut given_answers = GivenAnswers::default();
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
        compare_ending(Some("+86 400 000 0000"), &["+86 400 000 0000"]),
        "official"
    );
    assert_eq!(
        compare_ending(Some("+86 171 0000 1234"), &["+86 400 000 0000"]),
        "unofficial"
    );
    assert_eq!(compare_ending(Some("+86 171 0000 1234"), &[]), "unknown");
    assert_eq!(compare_ending(None, &["+86 400 000 0000"]), "unknown");
}

#[test]
fn a_compare_check_cannot_be_answered_by_a_script() {
    let guide = compare_guide();
    let mut given = GivenAnswers::default();
    given.add_sets(&["is-official=yes".to_string()]).unwrap();
    let err = given.resolve(&guide, &parse_ctx()).unwrap_err();
    assert!(
        matches!(err, Error::UnknownQuestion { ref key, .. } if key == "is-official"),
        "{err:?}"
    );
    assert_eq!(guide.question_ids(), ["given"]);
}

#[test]
fn a_replayed_comparison_is_judged_again_and_speaks_only_when_its_verdict_changed() {
    let guide = compare_guide();
    let parse = parse_ctx();
    let official = official(&["+86 400 000 0000"]);
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    let mut person = Person::doing(&[Do::Type("+86 400 000 0000")]);
    let before = drive(&guide, &ctx, &mut person).unwrap();
    assert_eq!(person.read, ["is-official"]);
    assert_eq!(guide.steps[before.ending].id, "official");

    // The same number again: the verdict holds, nothing is said.
    let mut person = Person::doing(&[Do::Type("+86 400 000 0000")]);
    let (mut flow, later) = Flow::reopen(&guide, &before, 0);
    let mut replay = Replay::of(later.into_iter().skip(1));
    walk(&mut flow, &ctx, &mut person, &mut replay).unwrap();
    assert!(person.read.is_empty(), "{:?}", person.read);
    assert_eq!(guide.steps[flow.current()].id, "official");

    // Another number: the tool says what it found now, and the walk ends elsewhere.
    let mut person = Person::doing(&[Do::Type("+86 171 0000 1234")]);
    let (mut flow, later) = Flow::reopen(&guide, &before, 0);
    let mut replay = Replay::of(later.into_iter().skip(1));
    walk(&mut flow, &ctx, &mut person, &mut replay).unwrap();
    assert_eq!(person.read, ["is-official"]);
    assert_eq!(guide.steps[flow.current()].id, "unofficial");
}

#[test]
fn a_comparison_is_the_tools_to_make_not_a_persons() {
    let guide = compare_guide();
    let mut flow = Flow::new(&guide);
    flow.answer(Answer::Input(None)).unwrap();
    for answer in [Answer::Check(true), Answer::Check(false), Answer::Read] {
        assert_eq!(
            flow.answer(answer),
            Err(WrongAnswer {
                step: "is-official".into()
            })
        );
    }
    flow.answer(Answer::Compared(Verdict::Unconfigured))
        .unwrap();
    assert_eq!(guide.steps[flow.current()].id, "unknown");
}

#[test]
fn a_comparison_resumes_from_a_snapshot_by_its_verdict() {
    let guide = compare_guide();
    let parse = parse_ctx();
    let official = official(&["+86 400 000 0000"]);
    let ctx = Context {
        lang: Lang::En,
        parse: &parse,
        official: &official,
    };
    let mut person = Person::doing(&[Do::Type("+86 400 000 0000")]);
    let before = drive(&guide, &ctx, &mut person).unwrap();
    let snapshot = Snapshot::of(&guide, &before.entries);
    assert_eq!(snapshot.entries[1].value, "official");
    let (mut replay, rejected) = snapshot.replay(&guide, &parse);
    assert_eq!(rejected, []);
    let mut person = Person::default();
    let mut flow = Flow::new(&guide);
    walk(&mut flow, &ctx, &mut person, &mut replay).unwrap();
    assert!(person.asked.is_empty() && person.read.is_empty());
    let mut bad = snapshot.clone();
    bad.entries[1].value = "maybe".into();
    let (_, rejected) = bad.replay(&guide, &parse);
    assert_eq!(rejected[0].reason, "not a verdict");
}
