//! XML 1.0 (fifth edition) character-level rules that quick-xml leaves to
//! its caller: legal characters, names, references, end-of-line handling and
//! attribute-value normalisation.

/// The first byte that makes the document ill-formed at the character
/// level: invalid UTF-8 or a character outside XML's `Char` production.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadChar {
    /// Byte offset.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// Bytes that need a closer look: C0 controls and the lead byte of
/// U+FFFE/U+FFFF.
const SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = !matches!(i, 0x09 | 0x0A | 0x0D);
        i += 1;
    }
    t[0xEF] = true;
    t
};

/// The first byte of `part` that starts a character XML forbids (a C0
/// control other than tab, line feed and carriage return, or U+FFFE/U+FFFF)
/// and the message for it. `part` must be valid UTF-8.
pub(crate) fn find_illegal(part: &[u8]) -> Option<(usize, String)> {
    let mut from = 0;
    while let Some(p) = part[from..].iter().position(|&b| SUSPECT[usize::from(b)]) {
        let i = from + p;
        let b = part[i];
        if b == 0xEF {
            if part.get(i + 1) == Some(&0xBF) && matches!(part.get(i + 2), Some(0xBE | 0xBF)) {
                let c = if part[i + 2] == 0xBE {
                    "U+FFFE"
                } else {
                    "U+FFFF"
                };
                return Some((
                    i,
                    format!("malformed XML: the character {c} is not allowed in XML"),
                ));
            }
            from = i + 1;
            continue;
        }
        return Some((
            i,
            format!("malformed XML: the control character U+{b:04X} is not allowed in XML"),
        ));
    }
    None
}

/// True when `part` (valid UTF-8) contains a character XML forbids: the
/// same verdict as [`find_illegal`], checked 32 bytes at a time with a loop
/// the compiler turns into vector instructions; only a block holding a
/// suspect byte is looked at closely.
#[allow(clippy::needless_bitwise_bool)] // branch-free on purpose: it vectorises
pub(crate) fn any_illegal(part: &[u8]) -> bool {
    const BLOCK: usize = 64;
    fn suspect(block: &[u8]) -> bool {
        let mut flag = 0u8;
        for &b in block {
            let control = (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r');
            flag |= u8::from(control) | u8::from(b == 0xEF);
        }
        flag != 0
    }
    // A block holding a suspect byte is looked at closely; U+FFFE/U+FFFF
    // may straddle the block's end.
    let close_look = |start: usize| {
        let end = (start + BLOCK + 2).min(part.len());
        part.get(start..end)
            .is_some_and(|p| find_illegal(p).is_some())
    };
    // Whole blocks have a length known to the compiler: their loop becomes
    // straight-line vector instructions.
    let (blocks, tail) = part.as_chunks::<BLOCK>();
    for (k, block) in blocks.iter().enumerate() {
        if suspect(block) && close_look(k * BLOCK) {
            return true;
        }
    }
    suspect(tail) && close_look(blocks.len() * BLOCK)
}

/// Where the UTF-8-valid part of the document (after a BOM at `from`) ends,
/// and the error for what follows, if anything. Illegal characters inside
/// the valid part are found later, in the pieces the parser hands over
/// ([`find_illegal`]).
pub(crate) fn utf8_prefix(bytes: &[u8], from: usize) -> (usize, Option<BadChar>) {
    let body = bytes.get(from..).unwrap_or_default();
    match std::str::from_utf8(body) {
        Ok(_) => (bytes.len(), None),
        Err(e) => {
            let valid = e.valid_up_to();
            let message =
                if from == 0 && (body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF")) {
                    "the document is UTF-16; KSeF documents must be UTF-8".to_string()
                } else {
                    "malformed XML: the document is not valid UTF-8 here".to_string()
                };
            (
                from + valid,
                Some(BadChar {
                    offset: from + valid,
                    message,
                }),
            )
        }
    }
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// ASCII name characters: 1 = may start a name, 2 = may continue one.
const ASCII_NAME: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c: u8 = 0;
    while c < 128 {
        if c.is_ascii_alphabetic() || c == b'_' || c == b':' {
            t[c as usize] = 3;
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            t[c as usize] = 2;
        }
        c += 1;
    }
    t
};

/// An XML `Name`.
pub(crate) fn is_name(bytes: &[u8]) -> bool {
    let Some(&first) = bytes.first() else {
        return false;
    };
    if first < 128
        && bytes
            .iter()
            .all(|&b| b < 128 && ASCII_NAME[usize::from(b)] & 2 != 0)
    {
        return ASCII_NAME[usize::from(first)] & 1 != 0;
    }
    let Ok(s) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut chars = s.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// The shape of a valid `QName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QNameShape {
    /// Position of the colon between prefix and local part, if any.
    pub colon: Option<usize>,
}

/// Checks a namespace-well-formed `QName` (a `Name` with at most one colon,
/// not first or last).
pub(crate) fn qname_shape(bytes: &[u8]) -> Option<QNameShape> {
    if !is_name(bytes) {
        return None;
    }
    let mut colon = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b':' {
            if colon.is_some() || i == 0 || i + 1 == bytes.len() {
                return None;
            }
            colon = Some(i);
        }
    }
    Some(QNameShape { colon })
}

/// A namespace-well-formed `QName`.
pub(crate) fn is_qname(bytes: &[u8]) -> bool {
    qname_shape(bytes).is_some()
}

/// A resolved entity or character reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reference {
    /// The character.
    pub ch: char,
    /// True for `&#...;`, false for a predefined entity.
    pub char_ref: bool,
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Resolves the name between `&` and `;`. Only the five predefined entities
/// exist: the validator processes no DTD.
pub(crate) fn resolve_reference(name: &[u8]) -> Result<Reference, String> {
    let predefined = match name {
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"amp" => Some('&'),
        b"apos" => Some('\''),
        b"quot" => Some('"'),
        _ => None,
    };
    if let Some(ch) = predefined {
        return Ok(Reference {
            ch,
            char_ref: false,
        });
    }
    if let Some(num) = name.strip_prefix(b"#") {
        let (digits, radix) = match num.strip_prefix(b"x") {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        let text = std::str::from_utf8(digits).unwrap_or("");
        let valid_digits = !text.is_empty()
            && text.bytes().all(|b| {
                if radix == 16 {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            });
        let code = if valid_digits {
            u32::from_str_radix(text, radix).ok()
        } else {
            None
        };
        return match code.and_then(char::from_u32) {
            Some(ch) if is_xml_char(ch) => Ok(Reference { ch, char_ref: true }),
            _ => Err(format!(
                "the character reference &{}; is not a legal XML character",
                String::from_utf8_lossy(name)
            )),
        };
    }
    if is_name(name) {
        Err(format!(
            "the entity &{}; is not defined (only the five predefined entities exist; DTDs are not processed)",
            String::from_utf8_lossy(name)
        ))
    } else {
        Err(format!(
            "malformed reference &{};",
            String::from_utf8_lossy(name)
        ))
    }
}

/// Appends `text` with XML end-of-line handling: `\r\n` and lone `\r`
/// become `\n`.
pub(crate) fn push_normalized_eol(out: &mut String, text: &str) {
    if !text.contains('\r') {
        out.push_str(text);
        return;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
}

/// Appends the normalised value of a raw attribute value (XML 1.0 3.3.3):
/// line ends and whitespace characters become spaces, references are
/// replaced; `<` and undefined references are errors.
pub(crate) fn normalize_attribute(raw: &[u8], out: &mut String) -> Result<(), String> {
    let text = std::str::from_utf8(raw).map_err(|_| "attribute value is not UTF-8".to_string())?;
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '\t', '\n', '\r']) {
        out.push_str(&rest[..i]);
        let c = rest.as_bytes()[i];
        match c {
            b'<' => return Err("'<' is not allowed in attribute values".into()),
            b'&' => {
                let after = &rest[i + 1..];
                let end = after.find(';').ok_or_else(|| {
                    "a reference in an attribute value is not terminated by ';'".to_string()
                })?;
                let r = resolve_reference(&after.as_bytes()[..end])?;
                out.push(r.ch);
                rest = &after[end + 1..];
                continue;
            }
            b'\r' => {
                out.push(' ');
                if rest.as_bytes().get(i + 1) == Some(&b'\n') {
                    rest = &rest[i + 2..];
                    continue;
                }
            }
            _ => out.push(' '),
        }
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    Ok(())
}

/// The values of an XML declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Declaration<'a> {
    /// `version`.
    pub version: &'a [u8],
    /// `encoding`, when given.
    pub encoding: Option<&'a [u8]>,
}

/// Parses the pseudo-attributes of an XML declaration (the bytes between
/// `<?xml` and `?>`) as XML 1.0 production 23 has them: `version` first,
/// then optionally `encoding`, then optionally `standalone` with `yes` or
/// `no`, each preceded by whitespace. The error says what is wrong.
pub(crate) fn parse_declaration(inner: &[u8]) -> Result<Declaration<'_>, &'static str> {
    let mut rest = inner;
    let mut seen = 0u8;
    let mut decl = Declaration {
        version: b"",
        encoding: None,
    };
    loop {
        let trimmed = rest.trim_ascii_start();
        if trimmed.is_empty() {
            return if seen == 0 {
                Err("the XML declaration has no version")
            } else {
                Ok(decl)
            };
        }
        if trimmed.len() == rest.len() {
            return Err("whitespace is needed between the parts of the XML declaration");
        }
        let eq = trimmed
            .iter()
            .position(|&c| c == b'=')
            .ok_or("malformed XML declaration")?;
        let name = trimmed[..eq].trim_ascii_end();
        let after = trimmed[eq + 1..].trim_ascii_start();
        let Some(&quote @ (b'"' | b'\'')) = after.first() else {
            return Err("a value in the XML declaration must be quoted");
        };
        let len = after[1..]
            .iter()
            .position(|&c| c == quote)
            .ok_or("a value in the XML declaration is not terminated")?;
        let value = &after[1..=len];
        seen = match (seen, name) {
            (0, b"version") => {
                decl.version = value;
                1
            }
            (0, _) => return Err("the XML declaration must start with its version"),
            (1, b"encoding") => {
                decl.encoding = Some(value);
                2
            }
            (1 | 2, b"standalone") if value == b"yes" || value == b"no" => 3,
            (1 | 2, b"standalone") => return Err("standalone accepts only 'yes' or 'no'"),
            _ => return Err("unexpected part in the XML declaration"),
        };
        rest = &after[len + 2..];
    }
}

/// Encodings a declaration may name for a document read as UTF-8: UTF-8
/// itself and the ASCII-compatible single-byte encodings (identical to
/// UTF-8 as long as the bytes are ASCII; other bytes are read as UTF-8).
pub(crate) fn encoding_is_acceptable(lower: &str) -> bool {
    matches!(
        lower,
        "utf-8" | "utf8" | "us-ascii" | "ascii" | "latin1" | "latin2" | "iso-latin-1"
    ) || lower
        .strip_prefix("iso-8859-")
        .is_some_and(|n| n.parse::<u8>().is_ok_and(|n| (1..=16).contains(&n)))
        || lower
            .strip_prefix("windows-125")
            .or_else(|| lower.strip_prefix("cp125"))
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_illegal_agrees_with_find_illegal() {
        let mut cases: Vec<Vec<u8>> = vec![b"".to_vec(), b"plain\ttext\r\n".to_vec()];
        for at in [0usize, 1, 30, 31, 32, 33, 63, 64, 100] {
            for bad in [
                &b"\x01"[..],
                b"\x1F",
                "\u{FFFE}".as_bytes(),
                "\u{FFFF}".as_bytes(),
            ] {
                let mut v = vec![b'a'; 120];
                v.splice(at..at, bad.iter().copied());
                cases.push(v);
            }
            let mut fine = vec![b'a'; 120];
            fine.splice(at..at, "\u{FFFD}\u{F000}".bytes());
            cases.push(fine);
        }
        for case in &cases {
            assert_eq!(any_illegal(case), find_illegal(case).is_some(), "{case:?}");
        }
        assert!(cases.iter().filter(|c| any_illegal(c)).count() >= 36);
    }

    #[test]
    fn bad_characters() {
        assert_eq!(find_illegal(b"a\t\r\nb"), None);
        assert_eq!(find_illegal(b"ab\x01").map(|b| b.0), Some(2));
        assert_eq!(find_illegal("x\u{FFFE}".as_bytes()).map(|b| b.0), Some(1));
        assert_eq!(find_illegal("\u{FFFD}ł\u{EFBF}".as_bytes()), None);
        assert_eq!(utf8_prefix(b"<a>\xC3\x28</a>", 0).0, 3);
        assert_eq!(utf8_prefix(b"\xEF\xBB\xBF<a/>", 3), (7, None));
    }

    #[test]
    fn names() {
        assert!(is_qname(b"P_13_1"));
        assert!(is_qname(b"xsi:type"));
        assert!(is_qname("Zażółć".as_bytes()));
        assert!(!is_qname(b"1a"));
        assert!(!is_qname(b"a:b:c"));
        assert!(!is_qname(b":a"));
        assert!(!is_qname(b""));
        assert!(is_name(b"a:b:c"));
    }

    #[test]
    fn references() {
        assert_eq!(resolve_reference(b"amp").map(|r| r.ch), Ok('&'));
        assert_eq!(resolve_reference(b"#x33").map(|r| r.ch), Ok('3'));
        assert_eq!(resolve_reference(b"#51").map(|r| r.ch), Ok('3'));
        assert!(resolve_reference(b"#1").is_err());
        assert!(resolve_reference(b"#xFFFE").is_err());
        assert!(resolve_reference(b"#xD800").is_err());
        assert!(resolve_reference(b"#x").is_err());
        assert!(resolve_reference(b"#-5").is_err());
        assert!(resolve_reference(b"nbsp").is_err());
    }

    #[test]
    fn attribute_values() {
        let mut s = String::new();
        normalize_attribute(b"FA\t(3)\r\nx&#9;&amp;", &mut s).unwrap();
        assert_eq!(s, "FA (3) x\t&");
        assert!(normalize_attribute(b"a<b", &mut String::new()).is_err());
        assert!(normalize_attribute(b"a&b", &mut String::new()).is_err());
    }

    #[test]
    fn end_of_line() {
        let mut s = String::new();
        push_normalized_eol(&mut s, "a\r\nb\rc\n");
        assert_eq!(s, "a\nb\nc\n");
    }
}
