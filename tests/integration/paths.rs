//! Walks every path of every bundled guide, in both languages, with generated answers, and
//! checks that each one ends in a valid report. This keeps the catalog honest as it grows.

use wallet_help::checks::device::Device;
use wallet_help::checks::official::Official;
use wallet_help::config::{Config, Support};
use wallet_help::error::Result;
use wallet_help::flow::{self, Transcript};
use wallet_help::guide::catalog::Catalog;
use wallet_help::guide::{Guide, Outcome, StepKind};
use wallet_help::input::{self, InputType, ParseContext};
use wallet_help::lang::Lang;
use wallet_help::prompt::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter, Reply};
use wallet_help::region::Region;
use wallet_help::report::{self, Format};

/// A valid answer of each type, as a user might type it.
fn sample(input_type: InputType) -> &'static str {
    match input_type {
        InputType::Text => "The app said: payment failed, try again later",
        InputType::TransactionId => "2026112122001400000000001234",
        InputType::Datetime => "yesterday 9:30",
        InputType::Date => "2026-11-30",
        InputType::Amount => "¥59.9",
        InputType::Phone => "+86 138 0013 8000",
        InputType::Email => "li.lei@example.com",
        InputType::CardLast4 => "4242",
        InputType::Number => "2",
    }
}

/// Answers from a list of branch decisions; past its end it takes the first branch and
/// records how many there were, so the caller can enumerate every path.
struct Walker<'g> {
    guide: &'g Guide,
    decisions: Vec<usize>,
    branching: Vec<usize>,
    /// Choices that all lead to the same step (the phone block's) are not branches: they
    /// take turns, so each answer is seen without multiplying the paths.
    turn: usize,
    skip_optional: bool,
    /// What free-text questions get: with or without a phone number in it, so that compare
    /// checks see something to compare.
    text: &'static str,
    /// The estimated total shown at each question: it may only shrink or hold.
    totals: Vec<usize>,
}

impl Walker<'_> {
    /// Whether every choice of the step `id` leads to the same step.
    fn converges(&self, id: &str) -> bool {
        let Some(StepKind::Choice(c)) =
            self.guide.step_index(id).map(|i| &self.guide.steps[i].kind)
        else {
            return false;
        };
        c.choices.windows(2).all(|w| w[0].next == w[1].next)
    }

    fn decide(&mut self, options: usize) -> usize {
        let at = self.branching.len();
        self.branching.push(options);
        self.decisions.get(at).copied().unwrap_or(0)
    }
}

impl Prompter for Walker<'_> {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<Reply<usize>> {
        if self.converges(q.step) {
            self.turn += 1;
            return Ok(Reply::Answer(self.turn % q.choices.len()));
        }
        Ok(Reply::Answer(self.decide(q.choices.len())))
    }

    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Reply<Option<input::Parsed>>> {
        let raw = if self.skip_optional && !q.required {
            ""
        } else if q.input_type == InputType::Text {
            self.text
        } else {
            sample(q.input_type)
        };
        let parsed = input::parse(q.input_type, raw, q.required, q.ctx);
        let parsed = parsed.unwrap_or_else(|e| panic!("sample for {} refused: {e:?}", q.step));
        Ok(Reply::Answer(parsed))
    }

    fn check(&mut self, _q: &CheckQuestion<'_>) -> Result<Reply<bool>> {
        Ok(Reply::Answer(self.decide(2) == 1))
    }

    fn info(&mut self, _step: &str, text: &str) -> Result<()> {
        assert!(!text.trim().is_empty());
        Ok(())
    }

    fn progress(&mut self, done: usize, total: usize) {
        assert!(done < total, "step {} of about {total}", done + 1);
        if let Some(last) = self.totals.last() {
            assert!(total <= *last, "the estimate grew from {last} to {total}");
        }
        self.totals.push(total);
    }
}

/// Every distinct path through `guide`, as transcripts.
fn every_path(guide: &Guide, lang: Lang, skip_optional: bool, world: &World) -> Vec<Transcript> {
    let ctx = ParseContext::new(now());
    let mut decisions: Vec<usize> = Vec::new();
    let mut paths = Vec::new();
    loop {
        let mut walker = Walker {
            guide,
            turn: paths.len(),
            decisions: decisions.clone(),
            branching: Vec::new(),
            skip_optional,
            text: world.text,
            totals: Vec::new(),
        };
        let walk = flow::Context {
            lang,
            parse: &ctx,
            official: &world.official,
        };
        let transcript =
            flow::drive(guide, &walk, &mut walker).unwrap_or_else(|e| panic!("{}: {e}", guide.id));
        paths.push(transcript);
        assert!(
            paths.len() < 10_000,
            "{}: too many paths; is there a loop?",
            guide.id
        );
        // Next path: bump the deepest decision that still has an untried branch.
        let mut taken: Vec<usize> = walker
            .branching
            .iter()
            .enumerate()
            .map(|(i, _)| decisions.get(i).copied().unwrap_or(0))
            .collect();
        while let Some(last) = taken.pop() {
            if last + 1 < walker.branching[taken.len()] {
                taken.push(last + 1);
                break;
            }
        }
        if taken.is_empty() {
            return paths;
        }
        decisions = taken;
    }
}

fn now() -> jiff::Zoned {
    "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap()
}

fn device() -> Device {
    Device {
        os: "TestOS".into(),
        os_version: "1".into(),
        arch: "x86_64".into(),
        locale: "en-US".into(),
        timezone: "Asia/Shanghai".into(),
        tool_version: "0.0.0".into(),
    }
}

fn check_report(guide: &Guide, transcript: &Transcript, lang: Lang, region: Region) {
    let StepKind::End(ending) = &guide.steps[transcript.ending].kind else {
        panic!("not an ending")
    };
    let config = Config::default();
    let now = now();
    let ctx = report::Context {
        lang,
        region,
        now: &now,
        device: device(),
        config: &config,
        review: &report::Review::default(),
    };
    let report = report::build(guide, transcript, ctx);
    let at = format!("{} → {}", guide.id, guide.steps[transcript.ending].id);
    assert_eq!(report.outcome, ending.outcome, "{at}");
    assert!(
        !report.summary.contains('{'),
        "{at}: unfilled placeholder in {:?}",
        report.summary
    );
    if ending.outcome == Outcome::ContactSupport {
        for &need in ending.needs.as_ref().unwrap_or(&guide.needs) {
            let id = &guide.steps[need].id;
            assert!(
                report.details.iter().any(|d| &d.id == id),
                "{at}: report lacks `{id}`"
            );
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&report, Format::Json)).unwrap();
    assert_eq!(json["schema"], "wallet-help.report/1", "{at}");
    for format in [Format::Text, Format::Markdown] {
        let rendered = report::render(&report, format);
        assert!(rendered.contains(&report.report_id), "{at}");
        assert!(
            rendered.contains(&report.summary.chars().take(20).collect::<String>())
                || format == Format::Text,
            "{at}"
        );
    }
}

/// The settings a walk runs in: the provider's official contacts, and the free text typed.
struct World {
    official: Official,
    text: &'static str,
}

/// Three worlds that between them reach every branch of a compare check: nothing configured,
/// a contact that matches the official number, and one that does not.
fn worlds() -> Vec<World> {
    let with_phone = |phone: &str| {
        Official::from_config(&Config {
            support: Support {
                phones: vec![phone.to_string()],
                ..Support::default()
            },
            ..Config::default()
        })
    };
    let plain = sample(InputType::Text);
    let given = "They called from +86 400 000 0000";
    vec![
        World {
            official: Official::default(),
            text: plain,
        },
        World {
            official: with_phone("+86 400 000 0000"),
            text: given,
        },
        World {
            official: with_phone("+86 95188"),
            text: given,
        },
    ]
}

/// The guide as read in each region where its texts differ (once, when they never do).
fn as_read_in(guide: &Guide) -> Vec<(Guide, Region)> {
    let mut copy = guide.clone();
    let mut regional = false;
    copy.each_text_mut(&mut |t| regional |= !t.regional.is_empty());
    let regions: &[Region] = if regional {
        &Region::ALL
    } else {
        &[Region::Cn]
    };
    regions.iter().map(|&r| (guide.for_region(r), r)).collect()
}

#[test]
fn every_path_of_every_bundled_guide_ends_in_a_valid_report() {
    let catalog = Catalog::load(&[]).unwrap();
    let mut walked = 0;
    for (guide, region) in catalog.guides().unwrap().into_iter().flat_map(as_read_in) {
        let guide = &guide;
        for lang in Lang::ALL {
            let mut endings = std::collections::HashSet::new();
            for world in worlds() {
                for skip_optional in [false, true] {
                    let paths = every_path(guide, lang, skip_optional, &world);
                    for transcript in &paths {
                        check_report(guide, transcript, lang, region);
                        endings.insert(transcript.ending);
                    }
                    walked += paths.len();
                }
            }
            let all_endings = guide
                .steps
                .iter()
                .filter(|s| matches!(s.kind, StepKind::End(_)))
                .count();
            assert_eq!(
                endings.len(),
                all_endings,
                "{}: some ending is never reached",
                guide.id
            );
        }
    }
    assert!(
        walked >= catalog.entries().len() * 4,
        "walked {walked} paths"
    );
}
