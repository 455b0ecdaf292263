//! `report check FILE`, for support agents: reads a report in JSON, Markdown or text, checks a
//! JSON report against the published schema (`docs/report.schema.json`), recomputes the
//! verification code and says whether the report is as it was written (exit 0) or was
//! changed since (exit 1). A file that is not a valid report is exit 3.

use std::path::PathBuf;

use clap::ArgMatches;

use super::print_stdout;
use crate::error::{Error, Result, exit};
use crate::lang::Lang;
use crate::location::Location;
use crate::report::verify::{self, Kind};
use crate::settings::Settings;

/// The published schema, as `docs/report.schema.json` holds it.
const SCHEMA: &str = include_str!("../../docs/report.schema.json");

/// A report file is never this large; a larger file is not read.
const MAX_BYTES: u64 = 4 * 1024 * 1024;

pub(super) fn check(settings: &Settings, matches: &ArgMatches) -> Result<u8> {
    let lang = settings.lang;
    let path = matches
        .get_one::<PathBuf>("file")
        .cloned()
        .unwrap_or_default();
    let file = path.display().to_string();
    let text = read(&path)?;
    let invalid = |message: String| Error::InvalidReport {
        location: Location {
            file: file.clone(),
            line: 1,
            column: 1,
        },
        message,
    };
    if text.trim_start().starts_with('{') {
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::InvalidReport {
                location: Location {
                    file: file.clone(),
                    line: e.line(),
                    column: e.column(),
                },
                message: format!("not valid JSON: {e}"),
            })?;
        let problems = schema_problems(&json);
        if !problems.is_empty() {
            return Err(invalid(format!(
                "does not follow the report schema (docs/report.schema.json): {}",
                problems.join("; ")
            )));
        }
    }
    let read_back = verify::read(&text).map_err(|e| {
        invalid(format!(
            "this is not a wallet-help report: no {} found",
            e.missing
        ))
    })?;
    let id = &read_back.fingerprint.report_id;
    let stated = &read_back.stated_code;
    let format = match read_back.kind {
        Kind::Json => "JSON",
        Kind::Markdown => "Markdown",
        Kind::Text => lang.pick("text", "文本"),
    };
    if read_back.matches() {
        let said = match lang {
            Lang::En => format!(
                "{id} ({format}): the verification code {stated} matches: the report is as it was written.\n"
            ),
            Lang::Zh => format!("{id}（{format}）：核对码 {stated} 一致，报告与生成时相同。\n"),
        };
        print_stdout(&said)?;
        return Ok(exit::OK);
    }
    let computed = read_back.fingerprint.code();
    let said = match lang {
        Lang::En => format!(
            "{id} ({format}): altered. The report says its verification code is {stated}, but its content gives {computed}: \
             its number, time, urgency or a detail was changed after it was written.\n"
        ),
        Lang::Zh => format!(
            "{id}（{format}）：已被改动。报告上写的核对码是 {stated}，但按内容算出的是 {computed}：\
             报告编号、时间、紧急标记或某项详细信息在生成后被改过。\n"
        ),
    };
    print_stdout(&said)?;
    Ok(exit::FAILURE)
}

/// The file as text: a regular file of at most [`MAX_BYTES`], in UTF-8.
fn read(path: &std::path::Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    let at_start = |message: String| Error::InvalidReport {
        location: Location {
            file: path.display().to_string(),
            line: 1,
            column: 1,
        },
        message,
    };
    if !meta.is_file() {
        return Err(at_start("this is not a regular file".into()));
    }
    if meta.len() > MAX_BYTES {
        return Err(at_start(format!(
            "the file has {} bytes; a report has far fewer",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    String::from_utf8(bytes).map_err(|_| at_start("the file is not UTF-8 text".into()))
}

/// Every way `json` breaks the published schema, as `/json/pointer: what is wrong`.
fn schema_problems(json: &serde_json::Value) -> Vec<String> {
    const LOCATION: &str = "https://wallet-help.invalid/report.schema.json";
    let Ok(schema) = serde_json::from_str::<serde_json::Value>(SCHEMA) else {
        return vec!["the bundled schema cannot be read".into()];
    };
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    if let Err(e) = compiler.add_resource(LOCATION, schema) {
        return vec![format!("the bundled schema cannot be read: {e}")];
    }
    let index = match compiler.compile(LOCATION, &mut schemas) {
        Ok(index) => index,
        Err(e) => return vec![format!("the bundled schema does not compile: {e}")],
    };
    let mut problems = Vec::new();
    if let Err(e) = schemas.validate(json, index) {
        leaves(&e, &mut problems);
    }
    problems
}

/// The innermost errors of a validation: the ones that say what is wrong, and where.
fn leaves(error: &boon::ValidationError<'_, '_>, out: &mut Vec<String>) {
    if error.causes.is_empty() {
        let at = error.instance_location.to_string();
        let at = if at.is_empty() { "/".to_string() } else { at };
        out.push(format!("{at}: {}", error.kind));
    }
    for cause in &error.causes {
        leaves(cause, out);
    }
}
