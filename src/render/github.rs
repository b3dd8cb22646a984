//! GitHub Actions workflow commands.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::run::{FileResult, Summary};

use super::{Renderer, printable};

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

/// Escapes a property value of a workflow command (as the Actions
/// toolkit's `escapeProperty`: `%`, CR, LF, `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Escapes the message of a workflow command (as the toolkit's `escapeData`:
/// `%`, CR and LF), after every other control or bidirectional character is
/// shown escaped ([`printable`]): a value or file name can neither end the
/// command line nor colour or rewrite the log.
fn data(s: &str) -> String {
    // CR and LF stay for the toolkit's escapes, which the runner decodes.
    let mut out = String::with_capacity(s.len());
    for part in s.split_inclusive(['\r', '\n']) {
        let (text, end) = match part.strip_suffix(['\r', '\n']) {
            Some(text) => (text, &part[text.len()..]),
            None => (part, ""),
        };
        out.push_str(&printable(text).replace('%', "%25"));
        out.push_str(match end {
            "\r" => "%0D",
            "\n" => "%0A",
            _ => "",
        });
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_cannot_be_injected() {
        // A file name that would end the command and start another.
        let name = "a,b:c%.xml\n::error file=x::owned\r\u{1b}]0;title\u{7}";
        let p = property(name);
        assert_eq!(
            p,
            "a%2Cb%3Ac%25.xml%0A%3A%3Aerror file=x%3A%3Aowned%0D\\u{1b}]0;title\\u{7}"
        );
        assert!(!p.contains(['\n', '\r', ',', ':', '\u{1b}', '\u{7}']));
        let d = data("50% off\nnext\u{1b}[2J");
        assert_eq!(d, "50%25 off%0Anext\\u{1b}[2J");
    }
}
