//! Byte offsets to line:column, and element paths to byte spans.

use std::collections::HashMap;
use std::ops::Range;

/// Converts byte offsets to 1-based line and column (columns count characters).
///
/// Lines end at `\n`, at `\r\n` and at a lone `\r`, as XML's end-of-line
/// handling treats them (two of the official schema files use CR-only lines).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a [u8]) -> Self {
        let mut starts = vec![0];
        let mut i = 0;
        while i < text.len() {
            match text[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if text.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Self { text, starts }
    }

    /// 1-based (line, column) of `offset`; the column counts UTF-8 characters.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let slice = self.text.get(start..offset).unwrap_or_default();
        let column = slice.iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1;
        (
            u32::try_from(line + 1).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    }

    /// The text of the 1-based `line`, without its line end.
    pub fn line_text(&self, line: u32) -> &'a [u8] {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.starts.get(i) else {
            return &[];
        };
        let end = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
        let mut s = self.text.get(start..end).unwrap_or_default();
        while let [rest @ .., b'\n' | b'\r'] = s {
            s = rest;
        }
        s
    }
}

/// Element paths (`/Faktura/Fa/FaWiersz[3]/P_11`) to the byte span of each
/// element's start tag, built in one pass while reading the document.
///
/// Keys carry a predicate on every step (`/Faktura[1]/Fa[1]/FaWiersz[3]`);
/// positional predicates follow XPath (`[n]` counts same-named siblings), and
/// a step without one means `[1]`.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    spans: HashMap<String, Range<usize>>,
}

impl SourceMap {
    /// Records the span of an element's start tag.
    pub fn insert(&mut self, path: String, span: Range<usize>) {
        self.spans.entry(path).or_insert(span);
    }

    /// The span recorded for `path`, or for its nearest recorded ancestor.
    ///
    /// Steps without a predicate mean `[1]`; an attribute step (`@name`) resolves
    /// to its element.
    pub fn resolve(&self, path: &str) -> Option<Range<usize>> {
        let mut canonical = String::with_capacity(path.len() + 16);
        let mut found = None;
        for step in path.split('/').filter(|s| !s.is_empty()) {
            if step.starts_with('@') {
                break;
            }
            canonical.push('/');
            canonical.push_str(step);
            if !step.ends_with(']') {
                canonical.push_str("[1]");
            }
            match self.spans.get(&canonical) {
                Some(span) => found = Some(span.clone()),
                None => break,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_handles_all_line_ends() {
        let text = b"a\nb\r\ncc\rd\xc5\x82e";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2), (2, 1));
        assert_eq!(idx.line_col(5), (3, 1));
        assert_eq!(idx.line_col(6), (3, 2));
        assert_eq!(idx.line_col(8), (4, 1));
        // after the two-byte 'ł' the column counts one character
        assert_eq!(idx.line_col(11), (4, 3));
        assert_eq!(idx.line_text(3), b"cc");
    }

    #[test]
    fn source_map_falls_back_to_ancestors() {
        let mut m = SourceMap::default();
        m.insert("/Faktura[1]".into(), 0..9);
        m.insert("/Faktura[1]/Fa[1]".into(), 10..14);
        m.insert("/Faktura[1]/Fa[1]/FaWiersz[2]".into(), 20..30);
        assert_eq!(m.resolve("/Faktura/Fa/FaWiersz[2]/P_11"), Some(20..30));
        assert_eq!(m.resolve("/Faktura/Fa/P_1"), Some(10..14));
        assert_eq!(m.resolve("/Faktura/Fa/@x"), Some(10..14));
        assert_eq!(m.resolve("/Other"), None);
    }
}
