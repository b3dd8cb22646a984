//! SARIF 2.1.0 for code scanning.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::diagnostic::Severity;
use crate::rules::RULES;
use crate::run::{FileResult, Summary};

use super::Renderer;

/// A SARIF 2.1.0 log with one run; `tool.driver.rules` comes from the rule
/// registry.
pub struct Sarif<'a> {
    out: Box<dyn Write + 'a>,
    results: Vec<Value>,
}

impl<'a> Sarif<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Self {
            out,
            results: Vec::new(),
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encodes what may not stand in a URI reference.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The `tool.driver.rules` array.
fn rules() -> Vec<Value> {
    RULES
        .iter()
        .map(|r| {
            let m = &r.meta;
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary() },
                "fullDescription": { "text": m.summary() },
                "help": { "text": m.docs_text(), "markdown": m.docs_text() },
                "defaultConfiguration": { "level": level(m.severity) },
                "properties": { "tags": [m.area()] },
            })
        })
        .collect()
}

impl Renderer for Sarif<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        for d in &result.report.diagnostics {
            let mut physical = json!({ "artifactLocation": { "uri": uri(&result.name) } });
            if d.line > 0 {
                physical["region"] = json!({ "startLine": d.line, "startColumn": d.column.max(1) });
            }
            let mut location = json!({ "physicalLocation": physical });
            if !d.path.is_empty() && d.path != "/" {
                location["logicalLocations"] =
                    json!([{ "fullyQualifiedName": d.path, "kind": "element" }]);
            }
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(" Help: ");
                text.push_str(help);
            }
            let mut entry = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [location],
            });
            if let Some(i) = RULES.iter().position(|r| r.meta.code == d.code) {
                entry["ruleIndex"] = json!(i);
            }
            self.results.push(entry);
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "fa3",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules(),
                }},
                "results": std::mem::take(&mut self.results),
                "columnKind": "unicodeCodePoints",
            }],
        });
        serde_json::to_writer_pretty(&mut self.out, &log)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}
