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
            if let (Some(bytes), Some(index)) = (result.bytes.as_deref(), &index)
                && let Some(part) = super::excerpt(bytes, index, d, EXCERPT / 2)
            {
                let excerpt = format!(
                    "{}{}{}{}",
                    if part.cut_before { "…" } else { "" },
                    if part.cut_before {
                        part.before.as_str()
                    } else {
                        part.before.trim_start()
                    },
                    if part.cut_after {
                        part.after.as_str()
                    } else {
                        part.after.trim_end()
                    },
                    if part.cut_after { "…" } else { "" },
                );
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

/// The most characters of a source line an excerpt shows (half before the
/// finding's position, half from it on).
const EXCERPT: usize = 240;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn excerpt_of(text: &str, at: usize) -> String {
        let bytes = text.as_bytes();
        let index = LineIndex::new(bytes);
        let mut d = crate::Diagnostic::new("X", crate::Severity::Error, "m").with_span(at..at + 1);
        d.locate(&index);
        let part = super::super::excerpt(bytes, &index, &d, EXCERPT / 2).unwrap();
        format!(
            "{}{}{}{}",
            if part.cut_before { "…" } else { "" },
            part.before,
            part.after,
            if part.cut_after { "…" } else { "" }
        )
    }

    #[test]
    fn excerpts_are_windows_of_long_lines() {
        let line = format!("{}X{}", "ą".repeat(10_000), "b".repeat(10_000));
        let cut = excerpt_of(&line, "ą".len() * 10_000);
        assert_eq!(cut.chars().count(), EXCERPT + 2);
        assert!(
            cut.contains("ąX") && cut.starts_with('…') && cut.ends_with('…'),
            "{cut}"
        );
        assert_eq!(excerpt_of("short\nline", 2), "short");
        assert_eq!(excerpt_of("short\nline", 8), "line");
    }
}
