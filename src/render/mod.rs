//! Output formats for a run: human (with source excerpts), JSON, JSON Lines,
//! SARIF 2.1.0, JUnit XML, GitHub Actions annotations and a self-contained
//! HTML report.
//!
//! A renderer sees results one at a time ([`Renderer::file`]) in input order,
//! then the totals ([`Renderer::finish`]). The streaming formats (human, JSON,
//! JSON Lines, GitHub) write as they go; SARIF, JUnit and HTML keep only the
//! diagnostics until the end.

use std::io::{self, Write};

use crate::run::{FileResult, Summary};

mod github;
mod html;
mod human;
mod json;
mod junit;
mod sarif;

pub use github::Github;
pub use html::Html;
pub use human::Human;
pub use json::{Json, JsonLines};
pub use junit::Junit;
pub use sarif::Sarif;

/// One output format.
pub trait Renderer {
    /// Writes what the format says about one document.
    fn file(&mut self, result: &FileResult) -> io::Result<()>;
    /// Writes the end of the output (totals, closing brackets).
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// The output formats by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum Format {
    /// Like ruff's full output: location, code, message, source line, help.
    Human,
    /// One JSON document with every file and a summary.
    Json,
    /// One JSON object per diagnostic per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML, a test case per file.
    Junit,
    /// GitHub Actions workflow commands (`::error file=...`).
    Github,
    /// A self-contained HTML page.
    Html,
}

impl Format {
    /// Whether the format shows source lines (so results should keep bytes).
    pub fn needs_source(self) -> bool {
        matches!(self, Format::Human | Format::Html)
    }
}

/// Builds the renderer for `format` writing to `out`.
pub fn renderer<'a>(
    format: Format,
    out: Box<dyn Write + 'a>,
    color: bool,
) -> Box<dyn Renderer + 'a> {
    match format {
        Format::Human => Box::new(Human::new(out, color)),
        Format::Json => Box::new(Json::new(out)),
        Format::Jsonl => Box::new(JsonLines::new(out)),
        Format::Sarif => Box::new(Sarif::new(out)),
        Format::Junit => Box::new(Junit::new(out)),
        Format::Github => Box::new(Github::new(out)),
        Format::Html => Box::new(Html::new(out)),
    }
}

/// Text from the input made safe to print: control characters (C0 but
/// tab, DEL, C1) and the bidirectional controls that reorder what a reader
/// sees are shown escaped (`\u{1b}`), so that an invoice or a file name
/// cannot retitle a terminal, clear it, or print a line that a CI runner
/// takes for a command.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The part of a finding's source line around its position, read without
/// going over the whole line: at most `max` characters on each side.
pub(crate) struct Excerpt {
    /// The characters before the position (the last `max`).
    pub before: String,
    /// The characters from the position on (the first `max`).
    pub after: String,
    /// True when the line goes on before `before`.
    pub cut_before: bool,
    /// True when the line goes on after `after`.
    pub cut_after: bool,
}

/// The excerpt of `d` in `bytes` (indexed by `index`), or `None` when `d`
/// has no line. The cost is bounded by `max`, not by the line's length, so
/// that N findings on one long line cost N × `max` (with a span; without one
/// the line is scanned up to the column).
pub(crate) fn excerpt(
    bytes: &[u8],
    index: &crate::source::LineIndex<'_>,
    d: &crate::Diagnostic,
    max: usize,
) -> Option<Excerpt> {
    if d.line == 0 {
        return None;
    }
    let line = index.line_text(d.line);
    let line_start = line.as_ptr().addr().wrapping_sub(bytes.as_ptr().addr());
    let at = match &d.span {
        Some(span) if span.start >= line_start => span.start - line_start,
        _ => String::from_utf8_lossy(line)
            .char_indices()
            .nth((d.column as usize).saturating_sub(1))
            .map_or(line.len(), |(i, _)| i),
    }
    .min(line.len());
    let is_start = |i: usize| line.get(i).is_none_or(|b| (b & 0xC0) != 0x80);
    // A character is at most 4 bytes: 4 × max bytes hold max characters.
    let mut from = at.saturating_sub(4 * max);
    while from < at && !is_start(from) {
        from += 1;
    }
    let mut to = at.saturating_add(4 * max).min(line.len());
    while to > at && !is_start(to) {
        to -= 1;
    }
    let before_all = String::from_utf8_lossy(&line[from..at]);
    let skip = before_all.chars().count().saturating_sub(max);
    let before: String = before_all.chars().skip(skip).collect();
    let after_all = String::from_utf8_lossy(&line[at..to]);
    let after: String = after_all.chars().take(max).collect();
    Some(Excerpt {
        cut_before: from > 0 || skip > 0,
        cut_after: to < line.len() || after.len() < after_all.len(),
        before,
        after,
    })
}

/// Escapes text for XML and HTML.
pub(crate) fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A raw CR would be read as a line feed.
            '\r' => out.push_str("&#13;"),
            // Characters XML 1.0 cannot carry at all.
            c if ((c as u32) < 0x20 && !matches!(c, '\t' | '\n'))
                || matches!(c, '\u{FFFE}' | '\u{FFFF}') =>
            {
                out.push('\u{FFFD}');
            }
            c => out.push(c),
        }
    }
    out
}
