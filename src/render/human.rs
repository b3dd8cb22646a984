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

    fn excerpt(&mut self, bytes: &[u8], index: &LineIndex<'_>, d: &Diagnostic) -> io::Result<()> {
        // Only the part of the line around the marker is read.
        let Some(part) = super::excerpt(bytes, index, d, WINDOW) else {
            return Ok(());
        };
        // The characters, tabs expanded, each shown safely; the marker
        // column counts what is shown.
        let push = |shown: &mut Vec<String>, c: char| {
            if c == '\t' {
                shown.extend(std::iter::repeat_n(" ".to_string(), 4));
            } else {
                shown.push(super::printable(c.encode_utf8(&mut [0; 4])).into_owned());
            }
        };
        let mut shown: Vec<String> = Vec::new();
        part.before.chars().for_each(|c| push(&mut shown, c));
        let start_col = shown.len();
        part.after.chars().for_each(|c| push(&mut shown, c));
        // Underline the span on this line (at least one character).
        let span_len = d
            .span
            .as_ref()
            .map_or(1, |s| s.end.saturating_sub(s.start))
            .max(1);
        let rest = shown.len().saturating_sub(start_col);
        let width = span_len.min(rest).clamp(1, WINDOW);
        // A long line is clipped to a window around the marker.
        let (from, to) = window(shown.len(), start_col, width);
        let mut line: String = shown[from..to].concat();
        let mut marker_at = shown[from..start_col.max(from)]
            .iter()
            .map(|s| s.chars().count())
            .sum::<usize>();
        if from > 0 || part.cut_before {
            line.insert(0, '…');
            marker_at += 1;
        }
        if to < shown.len() || part.cut_after {
            line.push('…');
        }
        let gutter = d.line.to_string().len();
        let bar = self.paint("1;34", "|");
        writeln!(self.out, "{:gutter$} {bar}", "")?;
        writeln!(
            self.out,
            "{} {bar} {}",
            self.paint("1;34", &d.line.to_string()),
            line.trim_end()
        )?;
        let marker = self.paint(Self::severity_color(d.severity), &"^".repeat(width));
        writeln!(
            self.out,
            "{:gutter$} {bar} {}{marker}",
            "",
            " ".repeat(marker_at)
        )?;
        writeln!(self.out, "{:gutter$} {bar}", "")?;
        Ok(())
    }
}

/// The most characters of a source line an excerpt shows.
const WINDOW: usize = 120;

/// The range of `len` shown characters to print so that the marker at
/// `at` (`width` wide) is visible: the whole line when it fits, otherwise a
/// window of [`WINDOW`] characters starting a little before the marker.
fn window(len: usize, at: usize, width: usize) -> (usize, usize) {
    if len <= WINDOW {
        return (0, len);
    }
    let from = at
        .saturating_sub(WINDOW.saturating_sub(width) / 4)
        .min(len - WINDOW);
    (from, from + WINDOW)
}

impl Renderer for Human<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        let bytes = result.bytes.as_deref();
        let index = bytes.map(LineIndex::new);
        for d in &result.report.diagnostics {
            let name = super::printable(&result.name);
            let location = if d.line > 0 {
                format!("{name}:{}:{}", d.line, d.column)
            } else {
                name.into_owned()
            };
            let code = self.paint(Self::severity_color(d.severity), d.code);
            writeln!(
                self.out,
                "{}: {code} [{}] {}",
                self.paint("1", &location),
                d.severity,
                super::printable(&d.message)
            )?;
            if let (Some(bytes), Some(index)) = (bytes, &index) {
                self.excerpt(bytes, index, d)?;
            }
            if let Some(help) = &d.help {
                writeln!(self.out, "  = help: {}", super::printable(help))?;
            }
            if !d.path.is_empty() && d.path != "/" {
                writeln!(self.out, "  = at {}", super::printable(&d.path))?;
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::diagnostic::Report;

    fn render(name: &str, bytes: &[u8], d: Diagnostic) -> String {
        let mut out = Vec::new();
        {
            let mut human = Human::new(Box::new(&mut out), false);
            let result = FileResult {
                name: name.to_string(),
                report: Report {
                    diagnostics: vec![d],
                },
                bytes: Some(bytes.to_vec()),
            };
            human.file(&result).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    fn located(bytes: &[u8], at: usize, message: &str) -> Diagnostic {
        let mut d = Diagnostic::new(
            crate::rules::xml::malformed_xml::MALFORMED_XML.meta.code,
            Severity::Error,
            message,
        )
        .with_span(at..at + 1);
        d.locate(&LineIndex::new(bytes));
        d
    }

    #[test]
    fn control_characters_from_the_input_are_shown_escaped() {
        let bytes = b"<a>\x1b]0;owned\x07\x1b[2J\xe2\x80\xaeabc</a>";
        let out = render(
            "x\n::error file=a::injected\u{1b}[31m.xml",
            bytes,
            located(bytes, 4, "value \u{1b}[2J here"),
        );
        for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!out.contains(bad), "{out:?}");
        }
        // The only line breaks are the report's own: no line starts with
        // the injected workflow command.
        assert!(out.lines().all(|l| !l.starts_with("::")), "{out}");
        assert!(out.contains("x\\u{a}::error"), "{out}");
        assert!(out.contains("\\u{1b}]0;owned\\u{7}"), "{out}");
        assert!(out.contains("\\u{202e}abc"), "{out}");
    }

    #[test]
    fn long_lines_are_clipped_around_the_marker() {
        let mut bytes = vec![b'a'; 200_000];
        bytes[150_000] = b'X';
        let out = render("f.xml", &bytes, located(&bytes, 150_000, "here"));
        assert!(out.len() < 1_000, "{} bytes of output", out.len());
        let lines: Vec<&str> = out.lines().collect();
        let (text, marker) = (lines[2], lines[3]);
        assert!(text.contains('…'));
        // The marker sits under the X.
        let x = text.chars().position(|c| c == 'X').unwrap();
        let caret = marker.chars().position(|c| c == '^').unwrap();
        assert_eq!(x, caret, "\n{text}\n{marker}");
    }
}
