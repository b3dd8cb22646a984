//! A self-contained HTML report.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::run::{FileResult, Summary};
use crate::source::LineIndex;

use super::{Renderer, escape_xml, printable};

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}\
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}\
th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}\
th{background:#f4f4f4}.error{color:#b00020;font-weight:600}.warning{color:#a15c00;font-weight:600}\
.info{color:#005f87}pre{margin:.3rem 0 0;background:#f8f8f8;padding:.3rem;white-space:pre-wrap}\
.ok{color:#2e7d32}code{font-size:.95em}summary{cursor:pointer;font-weight:600}";

/// One page: totals, then a table of findings per file with source lines.
pub struct Html<'a> {
    out: Box<dyn Write + 'a>,
    body: String,
    clean: usize,
}

impl<'a> Html<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Self {
            out,
            body: String::new(),
            clean: 0,
        }
    }
}

impl Renderer for Html<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        if result.report.diagnostics.is_empty() {
            self.clean += 1;
            return Ok(());
        }
        let index = result.bytes.as_deref().map(LineIndex::new);
        let open = if result.report.has_errors() {
            " open"
        } else {
            ""
        };
        let _ = write!(
            self.body,
            "<details{open}><summary>{} — {} finding(s)</summary>\n<table><tr><th>Line</th><th>Code</th><th>Severity</th><th>Message</th><th>Element</th></tr>\n",
            escape_xml(&printable(&result.name)),
            result.report.diagnostics.len()
        );
        for d in &result.report.diagnostics {
            let class = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let mut message = escape_xml(&printable(&d.message));
            if let Some(help) = &d.help {
                let _ = write!(
                    message,
                    "<br><em>help:</em> {}",
                    escape_xml(&printable(help))
                );
            }
            if let (Some(index), true) = (&index, d.line > 0) {
                let text = String::from_utf8_lossy(index.line_text(d.line));
                let excerpt = around(text.trim(), d.column as usize);
                let _ = write!(message, "<pre>{}</pre>", escape_xml(&printable(&excerpt)));
            }
            let _ = writeln!(
                self.body,
                "<tr><td>{}:{}</td><td><code>{}</code></td><td class=\"{class}\">{}</td><td>{message}</td><td><code>{}</code></td></tr>",
                d.line,
                d.column,
                escape_xml(d.code),
                d.severity,
                escape_xml(&d.path)
            );
        }
        self.body.push_str("</table></details>\n");
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>fa3 report</title><style>{STYLE}</style></head><body>\n<h1>fa3 report</h1>\n<p>{} file(s) checked: <span class=\"error\">{} error(s)</span>, <span class=\"warning\">{} warning(s)</span>, <span class=\"info\">{} info(s)</span>; {} file(s) with errors, <span class=\"ok\">{} without findings</span>.</p>\n",
            summary.files,
            summary.errors,
            summary.warnings,
            summary.infos,
            summary.files_with_errors,
            self.clean
        )?;
        self.out.write_all(self.body.as_bytes())?;
        writeln!(self.out, "</body></html>")?;
        self.out.flush()
    }
}

/// The most characters of a source line an excerpt shows.
const EXCERPT: usize = 240;

/// `line` cut to a window of [`EXCERPT`] characters around `column`
/// (1-based), with `…` where it was cut.
fn around(line: &str, column: usize) -> String {
    let len = line.chars().count();
    if len <= EXCERPT {
        return line.to_string();
    }
    let from = column.saturating_sub(EXCERPT / 4).min(len - EXCERPT);
    let mut out: String = line.chars().skip(from).take(EXCERPT).collect();
    if from > 0 {
        out.insert(0, '…');
    }
    if from + EXCERPT < len {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_windows_of_long_lines() {
        let line = format!("{}X{}", "a".repeat(10_000), "b".repeat(10_000));
        let cut = around(&line, 10_001);
        assert!(cut.chars().count() <= EXCERPT + 2);
        assert!(cut.contains('X') && cut.starts_with('…') && cut.ends_with('…'));
        assert_eq!(around("short", 3), "short");
    }
}
