//! JUnit XML: one test case per file.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::run::{FileResult, Summary};

use super::{Renderer, escape_xml};

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

impl Renderer for Junit<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        self.tests += 1;
        let name = escape_xml(&result.name);
        let _ = writeln!(
            self.cases,
            "    <testcase classname=\"fa3\" name=\"{name}\">"
        );
        let line = |d: &crate::Diagnostic| {
            format!(
                "{}:{}:{}: {} [{}] {}{}\n",
                result.name,
                d.line,
                d.column,
                d.code,
                d.severity,
                d.message,
                if d.path.is_empty() {
                    String::new()
                } else {
                    format!(" at {}", d.path)
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
                escape_xml(first.code),
                escape_xml(&format!(
                    "{} error(s); first: {}",
                    errors.len(),
                    first.message
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
