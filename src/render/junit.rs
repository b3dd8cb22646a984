//! JUnit XML: one test case per file.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::run::{FileResult, Summary};

use super::{Renderer, escape_xml, printable};

/// A test case per file; error-level findings make it fail, the rest go to
/// `system-out`.
pub struct Junit<'a> {
    out: Box<dyn Write + 'a>,
    cases: String,
    tests: usize,
    failures: usize,
}

impl<'a> Junit<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Self {
            out,
            cases: String::new(),
            tests: 0,
            failures: 0,
        }
    }
}

/// Escapes text for an XML attribute value: as [`escape_xml`], and tab and
/// line ends as character references, which attribute-value normalisation
/// would otherwise turn into spaces.
fn escape_attribute(s: &str) -> String {
    escape_xml(s).replace('\t', "&#9;").replace('\n', "&#10;")
}

impl Renderer for Junit<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        self.tests += 1;
        let name = escape_attribute(&printable(&result.name));
        let _ = writeln!(
            self.cases,
            "    <testcase classname=\"fa3\" name=\"{name}\">"
        );
        let line = |d: &crate::Diagnostic| {
            format!(
                "{}:{}:{}: {} [{}] {}{}\n",
                printable(&result.name),
                d.line,
                d.column,
                d.code,
                d.severity,
                printable(&d.message),
                if d.path.is_empty() {
                    String::new()
                } else {
                    format!(" at {}", printable(&d.path))
                }
            )
        };
        let errors: Vec<_> = result
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        if let Some(first) = errors.first() {
            self.failures += 1;
            let body: String = errors.iter().map(|d| line(d)).collect();
            let _ = writeln!(
                self.cases,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                escape_attribute(first.code),
                escape_attribute(&format!(
                    "{} error(s); first: {}",
                    errors.len(),
                    printable(&first.message)
                )),
                escape_xml(&body)
            );
        }
        let others: String = result
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Error)
            .map(line)
            .collect();
        if !others.is_empty() {
            let _ = writeln!(
                self.cases,
                "      <system-out>{}</system-out>",
                escape_xml(&others)
            );
        }
        self.cases.push_str("    </testcase>\n");
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            self.out,
            "<testsuites name=\"fa3\" tests=\"{}\" failures=\"{}\" errors=\"0\">",
            self.tests, self.failures
        )?;
        writeln!(
            self.out,
            "  <testsuite name=\"fa3\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            self.tests, self.failures
        )?;
        self.out.write_all(self.cases.as_bytes())?;
        writeln!(self.out, "  </testsuite>\n</testsuites>")?;
        self.out.flush()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages_are_well_formed_xml() {
        let mut out = Vec::new();
        {
            let mut junit = Junit::new(Box::new(&mut out));
            let d = crate::Diagnostic::new(
                "X",
                Severity::Error,
                "bell\u{7} esc\u{1b}[2J nul\u{0} <&> \u{FFFE}",
            );
            let result = FileResult {
                name: "a\n::error file=x::y\u{1b}.xml".into(),
                report: crate::Report {
                    diagnostics: vec![d],
                },
                bytes: None,
            };
            junit.file(&result).unwrap();
            junit.finish(&Summary::default()).unwrap();
        }
        let text = String::from_utf8(out).unwrap();
        // Nothing XML 1.0 forbids, and no raw line end in an attribute.
        assert!(
            !text
                .chars()
                .any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                    || matches!(c, '\u{FFFE}' | '\u{FFFF}')),
            "{text:?}"
        );
        assert!(
            text.contains("name=\"a\\u{a}::error file=x::y\\u{1b}.xml\""),
            "{text}"
        );
        assert!(
            text.contains("bell\\u{7} esc\\u{1b}[2J nul\\u{0} &lt;&amp;&gt;"),
            "{text}"
        );
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event().unwrap() {
                quick_xml::events::Event::Eof => break,
                quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                    for a in e.attributes() {
                        a.unwrap();
                    }
                }
                _ => {}
            }
        }
    }
}
