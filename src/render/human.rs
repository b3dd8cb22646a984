//! Human output, after ruff's full format.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::run::{FileResult, Summary};
use crate::source::LineIndex;

use super::Renderer;

/// Location, code, severity and message, then the source line with a marker,
/// the help and the element path. Colour only when asked (on a terminal).
pub struct Human<'a> {
    out: Box<dyn Write + 'a>,
    color: bool,
}

impl<'a> Human<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>, color: bool) -> Self {
        Self { out, color }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn severity_color(severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        }
    }

    fn excerpt(&mut self, index: &LineIndex<'_>, d: &Diagnostic) -> io::Result<()> {
        if d.line == 0 {
            return Ok(());
        }
        let raw = index.line_text(d.line);
        let text = String::from_utf8_lossy(raw);
        let expanded: String = text.replace('\t', "    ");
        let prefix: String = text
            .chars()
            .take((d.column as usize).saturating_sub(1))
            .collect();
        let start_col = prefix.replace('\t', "    ").chars().count();
        // Underline the span on this line (at least one character).
        let span_len = d
            .span
            .as_ref()
            .map_or(1, |s| s.end.saturating_sub(s.start))
            .max(1);
        let rest = expanded.chars().count().saturating_sub(start_col);
        let width = span_len.min(rest).max(1);
        let gutter = d.line.to_string().len();
        let bar = self.paint("1;34", "|");
        writeln!(self.out, "{:gutter$} {bar}", "")?;
        writeln!(
            self.out,
            "{} {bar} {}",
            self.paint("1;34", &d.line.to_string()),
            expanded.trim_end()
        )?;
        let marker = self.paint(Self::severity_color(d.severity), &"^".repeat(width));
        writeln!(
            self.out,
            "{:gutter$} {bar} {}{marker}",
            "",
            " ".repeat(start_col)
        )?;
        writeln!(self.out, "{:gutter$} {bar}", "")?;
        Ok(())
    }
}

impl Renderer for Human<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        let index = result.bytes.as_deref().map(LineIndex::new);
        for d in &result.report.diagnostics {
            let location = if d.line > 0 {
                format!("{}:{}:{}", result.name, d.line, d.column)
            } else {
                result.name.clone()
            };
            let code = self.paint(Self::severity_color(d.severity), d.code);
            writeln!(
                self.out,
                "{}: {code} [{}] {}",
                self.paint("1", &location),
                d.severity,
                d.message
            )?;
            if let Some(index) = &index {
                self.excerpt(index, d)?;
            }
            if let Some(help) = &d.help {
                writeln!(self.out, "  = help: {help}")?;
            }
            if !d.path.is_empty() && d.path != "/" {
                writeln!(self.out, "  = at {}", d.path)?;
            }
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let total = summary.errors + summary.warnings + summary.infos;
        if total == 0 {
            writeln!(
                self.out,
                "All checks passed ({} file{}).",
                summary.files,
                if summary.files == 1 { "" } else { "s" }
            )?;
        } else {
            writeln!(
                self.out,
                "Found {} error{}, {} warning{}, {} info{} in {} file{} ({} with errors).",
                summary.errors,
                plural(summary.errors),
                summary.warnings,
                plural(summary.warnings),
                summary.infos,
                plural(summary.infos),
                summary.files,
                plural(summary.files),
                summary.files_with_errors
            )?;
        }
        self.out.flush()
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
