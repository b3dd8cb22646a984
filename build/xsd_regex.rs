//! Translation of XML Schema 1.0 regular expressions (XSD Part 2, appendix F)
//! into the syntax of the `regex` crate.
//!
//! This file is compiled twice: by `build.rs`, which translates every pattern
//! facet of the schema at build time, and by the library's unit tests.
//! It depends on `std` only.
//!
//! The translation aims at libxml2's behaviour, which is the reference for
//! the validator:
//!
//! * an XSD pattern is implicitly anchored at both ends (`\A(?:...)\z`);
//! * `^` and `$` are ordinary characters;
//! * `.` matches any character except `\n` and `\r`;
//! * `\s` is exactly `[ \t\n\r]`;
//! * `\d` is the Unicode category `Nd` *as libxml2 knows it* (Unicode 4.0.1,
//!   from its generated `xmlunicode.c`), not the current Unicode version the
//!   `regex` crate uses: U+1369..U+1371 (Ethiopic digits) are digits for
//!   libxml2 and must stay digits here, while digits added to Unicode after
//!   4.0.1 must not match;
//! * groups become non-capturing.
//!
//! Constructs that the FA(3) schema does not use and whose exact libxml2
//! semantics would need more tables (`\i`, `\c`, `\w`, Unicode blocks) are
//! rejected with an error so that a schema change cannot silently introduce a
//! pattern that is checked differently.

use std::fmt;

/// Why a pattern could not be translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexError {
    /// Character offset in the XSD pattern.
    pub offset: usize,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for RegexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for RegexError {}

/// The decimal digits (`Nd`) of Unicode 4.0.1, as in libxml2's `xmlunicode.c`.
pub const LIBXML2_ND: &[(u32, u32)] = &[
    (0x30, 0x39),
    (0x660, 0x669),
    (0x6f0, 0x6f9),
    (0x966, 0x96f),
    (0x9e6, 0x9ef),
    (0xa66, 0xa6f),
    (0xae6, 0xaef),
    (0xb66, 0xb6f),
    (0xbe7, 0xbef),
    (0xc66, 0xc6f),
    (0xce6, 0xcef),
    (0xd66, 0xd6f),
    (0xe50, 0xe59),
    (0xed0, 0xed9),
    (0xf20, 0xf29),
    (0x1040, 0x1049),
    (0x1369, 0x1371),
    (0x17e0, 0x17e9),
    (0x1810, 0x1819),
    (0x1946, 0x194f),
    (0xff10, 0xff19),
    (0x104a0, 0x104a9),
    (0x1d7ce, 0x1d7ff),
];

/// Translates one XSD pattern into an anchored `regex` pattern.
pub fn translate(pattern: &str) -> Result<String, RegexError> {
    translate_any(&[pattern])
}

/// Translates the patterns of one derivation step: the value must match at
/// least one of them (XSD Part 2, 4.3.4.3: patterns in one step are OR-ed).
pub fn translate_any(patterns: &[&str]) -> Result<String, RegexError> {
    let mut out = String::from(r"\A(?:");
    for (i, p) in patterns.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        let mut parser = Parser {
            chars: p.chars().collect(),
            pos: 0,
            out: String::new(),
        };
        parser.reg_exp()?;
        if parser.pos != parser.chars.len() {
            return Err(parser.error("unbalanced ')'"));
        }
        out.push_str("(?:");
        out.push_str(&parser.out);
        out.push(')');
    }
    out.push_str(r")\z");
    Ok(out)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    out: String,
}

/// One item of a character class, already in `regex` syntax.
enum ClassItem {
    /// A single character.
    Char(char),
    /// Text to splice into a class as is (ranges, nested classes).
    Raw(String),
}

impl Parser {
    fn error(&self, message: &str) -> RegexError {
        RegexError {
            offset: self.pos,
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn reg_exp(&mut self) -> Result<(), RegexError> {
        self.branch()?;
        while self.peek() == Some('|') {
            self.pos += 1;
            self.out.push('|');
            self.branch()?;
        }
        Ok(())
    }

    fn branch(&mut self) -> Result<(), RegexError> {
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            self.piece()?;
        }
        Ok(())
    }

    fn piece(&mut self) -> Result<(), RegexError> {
        self.atom()?;
        match self.peek() {
            Some(q @ ('?' | '*' | '+')) => {
                self.pos += 1;
                self.out.push(q);
            }
            Some('{') => {
                self.pos += 1;
                let quantity = self.quantity()?;
                self.out.push_str(&quantity);
            }
            _ => return Ok(()),
        }
        // A quantifier may not follow a quantifier (no lazy `*?` in XSD).
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return Err(self.error("a quantifier cannot follow a quantifier"));
        }
        Ok(())
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while matches!(self.peek(), Some('0'..='9')) {
            self.pos += 1;
        }
        if start == self.pos {
            return None;
        }
        self.chars[start..self.pos]
            .iter()
            .collect::<String>()
            .parse()
            .ok()
    }

    /// After `{`: `n}`, `n,}` or `n,m}`.
    fn quantity(&mut self) -> Result<String, RegexError> {
        let min = self
            .number()
            .ok_or_else(|| self.error("expected a number after '{'"))?;
        let result = match self.bump() {
            Some('}') => format!("{{{min}}}"),
            Some(',') => {
                if self.peek() == Some('}') {
                    self.pos += 1;
                    format!("{{{min},}}")
                } else {
                    let max = self
                        .number()
                        .ok_or_else(|| self.error("expected a number after ','"))?;
                    if self.bump() != Some('}') {
                        return Err(self.error("expected '}'"));
                    }
                    if max < min {
                        return Err(self.error("quantifier maximum is below its minimum"));
                    }
                    format!("{{{min},{max}}}")
                }
            }
            _ => return Err(self.error("malformed quantifier")),
        };
        Ok(result)
    }

    fn atom(&mut self) -> Result<(), RegexError> {
        let Some(c) = self.bump() else {
            return Err(self.error("unexpected end of pattern"));
        };
        match c {
            '(' => {
                self.out.push_str("(?:");
                self.reg_exp()?;
                if self.bump() != Some(')') {
                    return Err(self.error("missing ')'"));
                }
                self.out.push(')');
            }
            '[' => {
                let class = self.char_class_expr()?;
                self.out.push_str(&class);
            }
            '.' => self.out.push_str(r"[^\n\r]"),
            '\\' => {
                let esc = self.escape()?;
                match esc {
                    ClassItem::Char(ch) => push_literal(&mut self.out, ch),
                    ClassItem::Raw(raw) => {
                        self.out.push('[');
                        self.out.push_str(&raw);
                        self.out.push(']');
                    }
                }
            }
            '?' | '*' | '+' | '{' => return Err(self.error("quantifier without an atom")),
            ']' | '}' => return Err(self.error("unescaped metacharacter")),
            other => push_literal(&mut self.out, other),
        }
        Ok(())
    }

    /// After a backslash. Returns a single character or class text usable
    /// inside `[...]`.
    fn escape(&mut self) -> Result<ClassItem, RegexError> {
        let Some(c) = self.bump() else {
            return Err(self.error("pattern ends with a backslash"));
        };
        let item = match c {
            'n' => ClassItem::Char('\n'),
            'r' => ClassItem::Char('\r'),
            't' => ClassItem::Char('\t'),
            '\\' | '|' | '.' | '?' | '*' | '+' | '(' | ')' | '{' | '}' | '-' | '[' | ']' | '^' => {
                ClassItem::Char(c)
            }
            's' => ClassItem::Raw(r"\x20\t\n\r".to_string()),
            'S' => ClassItem::Raw(r"[^\x20\t\n\r]".to_string()),
            'd' => ClassItem::Raw(digit_ranges()),
            'D' => ClassItem::Raw(format!("[^{}]", digit_ranges())),
            'p' | 'P' => {
                let name = self.property_name()?;
                let category = match name.as_str() {
                    "L" | "Lu" | "Ll" | "Lt" | "Lm" | "Lo" | "M" | "Mn" | "Mc" | "Me" | "N"
                    | "Nd" | "Nl" | "No" | "P" | "Pc" | "Pd" | "Ps" | "Pe" | "Pi" | "Pf" | "Po"
                    | "Z" | "Zs" | "Zl" | "Zp" | "S" | "Sm" | "Sc" | "Sk" | "So" | "C" | "Cc"
                    | "Cf" | "Co" | "Cn" => name,
                    other => {
                        return Err(self.error(&format!(
                            "unsupported character property '{other}' (Unicode blocks are not translated)"
                        )));
                    }
                };
                ClassItem::Raw(format!("\\{c}{{{category}}}"))
            }
            'i' | 'I' | 'c' | 'C' | 'w' | 'W' => {
                return Err(self.error(&format!(
                    "'\\{c}' is not supported: its libxml2 character tables are not reproduced"
                )));
            }
            other => return Err(self.error(&format!("unknown escape '\\{other}'"))),
        };
        Ok(item)
    }

    fn property_name(&mut self) -> Result<String, RegexError> {
        if self.bump() != Some('{') {
            return Err(self.error("expected '{' after \\p"));
        }
        let mut name = String::new();
        loop {
            match self.bump() {
                Some('}') => break,
                Some(ch) => name.push(ch),
                None => return Err(self.error("unterminated \\p{...}")),
            }
        }
        Ok(name)
    }

    /// After `[`: a character group and the closing `]`.
    fn char_class_expr(&mut self) -> Result<String, RegexError> {
        let negated = if self.peek() == Some('^') {
            self.pos += 1;
            true
        } else {
            false
        };
        let mut items: Vec<ClassItem> = Vec::new();
        let mut subtraction: Option<String> = None;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("unterminated character class"));
            };
            match c {
                ']' => {
                    if items.is_empty() {
                        return Err(self.error("empty character class"));
                    }
                    self.pos += 1;
                    break;
                }
                '-' if self.peek_at(1) == Some('[') => {
                    if items.is_empty() {
                        return Err(self.error("subtraction without a base class"));
                    }
                    self.pos += 2;
                    subtraction = Some(self.char_class_expr()?);
                    if self.bump() != Some(']') {
                        return Err(self.error("a class subtraction must end its class"));
                    }
                    break;
                }
                '[' => return Err(self.error("unescaped '[' in a character class")),
                _ => {
                    let first = self.class_char()?;
                    // A range `a-z`, unless the '-' closes the class (`[a-]`)
                    // or starts a subtraction (`[a-[b]]`).
                    let is_range = matches!(first, ClassItem::Char(_))
                        && self.peek() == Some('-')
                        && !matches!(self.peek_at(1), Some(']' | '['))
                        && self.peek_at(1).is_some();
                    if is_range {
                        self.pos += 1;
                        let last = self.class_char()?;
                        let (ClassItem::Char(lo), ClassItem::Char(hi)) = (&first, &last) else {
                            return Err(self.error("a range bound must be a single character"));
                        };
                        if lo > hi {
                            return Err(self.error("range out of order"));
                        }
                        let mut raw = String::new();
                        push_class_char(&mut raw, *lo);
                        raw.push('-');
                        push_class_char(&mut raw, *hi);
                        items.push(ClassItem::Raw(raw));
                    } else {
                        items.push(first);
                    }
                }
            }
        }
        let mut body = String::new();
        for item in &items {
            match item {
                ClassItem::Char(ch) => push_class_char(&mut body, *ch),
                ClassItem::Raw(raw) => body.push_str(raw),
            }
        }
        let mut class = String::from("[");
        if negated {
            class.push('^');
        }
        class.push_str(&body);
        class.push(']');
        Ok(match subtraction {
            Some(sub) => format!("[{class}--{sub}]"),
            None => class,
        })
    }

    /// One character (or class escape) inside `[...]`.
    fn class_char(&mut self) -> Result<ClassItem, RegexError> {
        match self.bump() {
            Some('\\') => self.escape(),
            Some(c) => Ok(ClassItem::Char(c)),
            None => Err(self.error("unterminated character class")),
        }
    }
}

fn digit_ranges() -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for &(lo, hi) in LIBXML2_ND {
        let _ = write!(s, "\\x{{{lo:x}}}-\\x{{{hi:x}}}");
    }
    s
}

/// Characters with a meaning in `regex` syntax, escaped wherever they occur.
fn is_meta(c: char) -> bool {
    matches!(
        c,
        '\\' | '.'
            | '+'
            | '*'
            | '?'
            | '('
            | ')'
            | '|'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '$'
            | '#'
            | '&'
            | '-'
            | '~'
    )
}

fn push_literal(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str(r"\n"),
        '\r' => out.push_str(r"\r"),
        '\t' => out.push_str(r"\t"),
        ' ' => out.push_str(r"\x20"),
        c if is_meta(c) => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    }
}

fn push_class_char(out: &mut String, c: char) {
    // Inside a class every ASCII punctuation character is escaped, so that
    // `regex`'s class set operators (`&&`, `--`, `~~`) can never appear.
    if c.is_ascii_punctuation() {
        out.push('\\');
        out.push(c);
    } else {
        push_literal(out, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, value: &str) -> bool {
        let translated = translate(pattern).unwrap();
        regex::Regex::new(&translated).unwrap().is_match(value)
    }

    #[test]
    fn patterns_are_anchored() {
        assert!(matches(r"\d{2}", "12"));
        assert!(!matches(r"\d{2}", "123"));
        assert!(!matches(r"\d{2}", "x12"));
        assert!(!matches("a|b", "ab"));
        assert!(matches("a|b", "b"));
    }

    #[test]
    fn digits_follow_libxml2_unicode_tables() {
        // Arabic-Indic and Ethiopic digits are Nd in Unicode 4.0.1.
        assert!(matches(r"\d{3}", "\u{661}\u{662}\u{663}"));
        assert!(matches(r"\d", "\u{1369}"));
        // NKo digits (Unicode 5.0) and fullwidth letters are not.
        assert!(!matches(r"\d", "\u{7c1}"));
        assert!(!matches(r"\d", "a"));
        assert!(matches(r"\D", "a"));
        assert!(!matches(r"\D", "5"));
    }

    #[test]
    fn dot_and_space_escapes() {
        assert!(matches("(.)+@(.)+", "a b@c"));
        assert!(!matches(".", "\n"));
        assert!(!matches(".", "\r"));
        assert!(matches(".", "\u{85}"));
        assert!(matches(r"\s", "\t"));
        assert!(!matches(r"\s", "\u{a0}"));
        assert!(matches(r"[^\s?#]+", "abc"));
        assert!(!matches(r"[^\s?#]+", "a?c"));
    }

    #[test]
    fn caret_and_dollar_are_literals() {
        assert!(matches("a^b$", "a^b$"));
        assert!(!matches("a^b$", "ab"));
    }

    #[test]
    fn classes_ranges_and_dashes() {
        assert!(matches("[a-zA-Z0-9-]*", "ab-9"));
        assert!(matches("P[A-KM-Z]", "PK"));
        assert!(!matches("P[A-KM-Z]", "PL"));
        assert!(matches("[&~]", "&"));
        assert!(matches(r"[\-a]", "-"));
        assert!(matches("[a-z-[aeiou]]+", "bcd"));
        assert!(!matches("[a-z-[aeiou]]+", "bad"));
    }

    #[test]
    fn quantifiers() {
        assert!(matches("a{2,}", "aaaa"));
        assert!(!matches("a{2,}", "a"));
        assert!(matches("(ab){0,1}c", "c"));
        assert!(matches("x{1,3}", "xxx"));
        assert!(!matches("x{1,3}", "xxxx"));
    }

    #[test]
    fn several_patterns_of_one_step_are_alternatives() {
        let re =
            regex::Regex::new(&translate_any(&["P[A-KM-Z]", "[A-OQ-Z][A-Z]"]).unwrap()).unwrap();
        assert!(re.is_match("PK"));
        assert!(re.is_match("DE"));
        assert!(!re.is_match("PL"));
    }

    #[test]
    fn fa3_patterns_translate_and_compile() {
        let fa3 = [
            r"-?([1-9]\d{0,15}|0)(\.\d{1,2})?",
            r"((\d{4})-(\d{2})-(\d{2}))",
            r"[1-9]((\d[1-9])|([1-9]\d))\d{7}",
            r"(\d|[A-Z]|\+|\*){1,12}",
            r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3}){0,1}",
            r"([1-9]((\d[1-9])|([1-9]\d))\d{7}|M\d{9}|[A-Z]{3}\d{7})-(20[2-9][0-9]|2[1-9][0-9]{2}|[3-9][0-9]{3})(0[1-9]|1[0-2])(0[1-9]|[1-2][0-9]|3[0-1])-([0-9A-F]{6})-?([0-9A-F]{6})-([0-9A-F]{2})",
            r"(https?)://([a-zA-Z0-9][a-zA-Z0-9-]*\.)+[a-zA-Z]{2,}(:[0-9]{1,5})?(/[^\s?#]*)?\?([^#\s]*&)?IPKSeF=[0-9]{3}[a-zA-Z0-9]{10}(&[^#\s]*)?(#.*)?",
        ];
        for p in fa3 {
            let t = translate(p).unwrap();
            assert!(regex::Regex::new(&t).is_ok(), "{p} -> {t}");
        }
        assert!(matches(fa3[0], "-1234567890123456.99"));
        assert!(!matches(fa3[0], "01"));
        assert!(matches(fa3[3], "DE+*12"));
        assert!(matches(
            fa3[6],
            "https://ksef.mf.gov.pl/pay?x=1&IPKSeF=123abcdefghij#top"
        ));
        assert!(!matches(fa3[6], "https://ksef.mf.gov.pl/pay?IPKSeF=12"));
    }

    #[test]
    fn unsupported_and_malformed_patterns_are_errors() {
        assert!(translate(r"\i\c*").is_err());
        assert!(translate(r"\w").is_err());
        assert!(translate(r"\p{IsBasicLatin}").is_err());
        assert!(translate("a**").is_err());
        assert!(translate("(a").is_err());
        assert!(translate("a)").is_err());
        assert!(translate("[]").is_err());
        assert!(translate("[z-a]").is_err());
        assert!(translate(r"\q").is_err());
        assert!(translate("a{3,1}").is_err());
    }
}
