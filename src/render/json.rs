//! JSON and JSON Lines.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::run::{FileResult, Summary};

use super::Renderer;

#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct SummaryEntry {
    files: usize,
    files_with_errors: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl From<&Summary> for SummaryEntry {
    fn from(s: &Summary) -> Self {
        Self {
            files: s.files,
            files_with_errors: s.files_with_errors,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        }
    }
}

/// `{"files":[{"path":..,"diagnostics":[..]}],"summary":{..}}`, written as
/// results arrive (the schema is `docs/report.schema.json`).
pub struct Json<'a> {
    out: Box<dyn Write + 'a>,
    first: bool,
}

impl<'a> Json<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Self { out, first: true }
    }
}

impl Renderer for Json<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        if self.first {
            self.out.write_all(b"{\"files\":[")?;
            self.first = false;
        } else {
            self.out.write_all(b",")?;
        }
        serde_json::to_writer(
            &mut self.out,
            &FileEntry {
                path: &result.name,
                diagnostics: &result.report.diagnostics,
            },
        )?;
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.first {
            self.out.write_all(b"{\"files\":[")?;
        }
        self.out.write_all(b"],\"summary\":")?;
        serde_json::to_writer(&mut self.out, &SummaryEntry::from(summary))?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}

#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
}

/// One JSON object per diagnostic per line: `{"file":..,"code":..,...}`.
pub struct JsonLines<'a> {
    out: Box<dyn Write + 'a>,
}

impl<'a> JsonLines<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Self { out }
    }
}

impl Renderer for JsonLines<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        for d in &result.report.diagnostics {
            serde_json::to_writer(
                &mut self.out,
                &Line {
                    file: &result.name,
                    diagnostic: d,
                },
            )?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}
