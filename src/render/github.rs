//! GitHub Actions workflow commands.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::run::{FileResult, Summary};

use super::Renderer;

/// `::error file=inv.xml,line=12,col=7,title=FA3-DATE-001::message`.
pub struct Github<'a> {
    out: Box<dyn Write + 'a>,
}

impl<'a> Github<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Self { out }
    }
}

/// Escapes a property value of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Escapes the message of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

impl Renderer for Github<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        for d in &result.report.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            write!(self.out, "::{level} file={}", property(&result.name))?;
            if d.line > 0 {
                write!(self.out, ",line={},col={}", d.line, d.column)?;
            }
            let mut message = format!("{} {}", d.code, d.message);
            if !d.path.is_empty() && d.path != "/" {
                message.push_str(" (at ");
                message.push_str(&d.path);
                message.push(')');
            }
            writeln!(self.out, ",title={}::{}", property(d.code), data(&message))?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}
