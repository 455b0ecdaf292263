#![allow(clippy::all, clippy::pedantic)]
use super::{Policy, scan};
#[test]
fn probe() {
    let em = Policy {
        keep_error_codes: true,
        ..Policy::default()
    };
    let Ok(text) = std::fs::read_to_string("/tmp/p2/probe.txt") else {
        return;
    };
    for line in text.lines() {
        let (pol, line) = match line.strip_prefix("E|") {
            Some(l) => (em, l),
            None => (Policy::default(), line),
        };
        let line = line.replace("\\n", "\n");
        let s = scan(&line, pol);
        println!("IN : {line:?}\nOUT: {:?}\n", s.text);
    }
}

#[test]
fn probe_time() {
    if std::env::var("P2_TIME").is_err() {
        return;
    }
    use super::*;
    for n in [5_000usize, 10_000, 20_000] {
        let text = "4 ".repeat(n);
        let view = View::new(&text);
        let t = std::time::Instant::now();
        let mut ctx = Context::new(&view, Policy::default());
        let t_ctx = t.elapsed();
        let runs = numbers::runs(&view);
        let t_runs = t.elapsed();
        ibans::find(&mut ctx);
        let t1 = t.elapsed();
        china_ids::find(&mut ctx, &runs);
        let t2 = t.elapsed();
        cards::find(&mut ctx, &runs);
        let t3 = t.elapsed();
        china_ids::find_legacy(&mut ctx, &runs);
        let t4 = t.elapsed();
        seeds::find(&mut ctx);
        keys::find(&mut ctx);
        let t5 = t.elapsed();
        secrets::find(&mut ctx);
        let t6 = t.elapsed();
        println!(
            "n={n} ctx {t_ctx:?} runs {t_runs:?} ibans {t1:?} ids {t2:?} cards {t3:?} legacy {t4:?} seeds/keys {t5:?} secrets {t6:?} findings {}",
            ctx.findings.len()
        );
    }
}
