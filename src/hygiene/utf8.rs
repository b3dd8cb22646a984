//! A strict UTF-8 decoder that explains what is wrong with a bad sequence.
//!
//! The accepted sequences are exactly those of the Unicode Standard, table 3-7
//! (the same set `std::str::from_utf8` accepts). An ill-formed sequence is
//! reported as its lead byte plus the continuation bytes that follow it (up
//! to the length the lead byte announces), so `ED A0 80` is one finding
//! ("a surrogate") rather than three. Continuation bytes can never start a
//! well-formed sequence, so the bytes covered by findings are exactly the
//! bytes `std` rejects.

/// Why a byte sequence is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Invalid {
    /// Continuation bytes (`80`–`BF`) with no lead byte before them.
    Stray,
    /// A byte that never occurs in UTF-8 (`F8`–`FF`).
    NeverValid,
    /// A longer encoding of a character than necessary (`C0`, `C1`, `E0 80`…, `F0 80`…).
    Overlong,
    /// The encoding of a UTF-16 surrogate, U+D800–U+DFFF (`ED A0`…).
    Surrogate,
    /// A value above U+10FFFF (`F4 90`…, `F5`–`F7`).
    TooLarge,
    /// The sequence stops before its last continuation byte.
    Truncated {
        /// The file ends inside the sequence.
        at_eof: bool,
    },
}

impl Invalid {
    /// Explains the problem, completing "the bytes … ".
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Invalid::Stray => "are continuation bytes without a lead byte",
            Invalid::NeverValid => "never occur in UTF-8",
            Invalid::Overlong => "are an overlong (non-shortest) encoding",
            Invalid::Surrogate => "encode a UTF-16 surrogate (U+D800..U+DFFF)",
            Invalid::TooLarge => "encode a value above U+10FFFF",
            Invalid::Truncated { at_eof: true } => "are a sequence cut off by the end of the file",
            Invalid::Truncated { at_eof: false } => {
                "are a sequence cut short (a continuation byte is missing)"
            }
        }
    }
}

/// One decoding step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoded {
    /// A well-formed character of `len` bytes.
    Char {
        /// The scalar value.
        cp: u32,
        /// Its length in bytes, 1 to 4.
        len: usize,
    },
    /// `len` (at least 1) ill-formed bytes.
    Invalid {
        /// How many bytes the finding covers.
        len: usize,
        /// Why they are ill-formed.
        why: Invalid,
    },
}

fn continuation(bytes: &[u8], at: usize) -> Option<u8> {
    bytes.get(at).copied().filter(|b| (0x80..=0xBF).contains(b))
}

/// The number of continuation bytes starting at `from`, at most `max`.
fn continuations(bytes: &[u8], from: usize, max: usize) -> usize {
    bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take(max)
        .take_while(|b| (0x80..=0xBF).contains(*b))
        .count()
}

/// Decodes the sequence starting at `bytes[at]`.
///
/// Always makes progress: the returned length is at least 1, also when `at`
/// is out of range.
pub(crate) fn decode(bytes: &[u8], at: usize) -> Decoded {
    let Some(&lead) = bytes.get(at) else {
        return Decoded::Invalid {
            len: 1,
            why: Invalid::Truncated { at_eof: true },
        };
    };
    // (continuation bytes needed, allowed range of the second byte)
    let (need, lo, hi) = match lead {
        0x00..=0x7F => {
            return Decoded::Char {
                cp: u32::from(lead),
                len: 1,
            };
        }
        0x80..=0xBF => {
            return Decoded::Invalid {
                len: 1 + continuations(bytes, at + 1, usize::MAX),
                why: Invalid::Stray,
            };
        }
        0xC0 | 0xC1 => {
            return Decoded::Invalid {
                len: 1 + continuations(bytes, at + 1, 1),
                why: Invalid::Overlong,
            };
        }
        0xF5..=0xF7 => {
            return Decoded::Invalid {
                len: 1 + continuations(bytes, at + 1, 3),
                why: Invalid::TooLarge,
            };
        }
        0xF8..=0xFF => {
            return Decoded::Invalid {
                len: 1,
                why: Invalid::NeverValid,
            };
        }
        0xC2..=0xDF => (1, 0x80, 0xBF),
        0xE0 => (2, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE | 0xEF => (2, 0x80, 0xBF),
        0xED => (2, 0x80, 0x9F),
        0xF0 => (3, 0x90, 0xBF),
        0xF1..=0xF3 => (3, 0x80, 0xBF),
        0xF4 => (3, 0x80, 0x8F),
    };
    let mut cp = u32::from(lead) & (0x7F >> (need + 1));
    let mut have = 0;
    while have < need {
        let Some(b) = continuation(bytes, at + 1 + have) else {
            break;
        };
        cp = (cp << 6) | u32::from(b & 0x3F);
        have += 1;
    }
    if have > 0 {
        let second = bytes.get(at + 1).copied().unwrap_or(0);
        if !(lo..=hi).contains(&second) {
            let why = match lead {
                0xE0 | 0xF0 => Invalid::Overlong,
                0xED => Invalid::Surrogate,
                _ => Invalid::TooLarge,
            };
            return Decoded::Invalid { len: 1 + have, why };
        }
    }
    if have < need {
        return Decoded::Invalid {
            len: 1 + have,
            why: Invalid::Truncated {
                at_eof: at + 1 + have >= bytes.len(),
            },
        };
    }
    Decoded::Char { cp, len: 1 + need }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn invalid(bytes: &[u8]) -> (usize, Invalid) {
        match decode(bytes, 0) {
            Decoded::Invalid { len, why } => (len, why),
            Decoded::Char { cp, .. } => panic!("decoded U+{cp:04X}"),
        }
    }

    #[test]
    fn decodes_every_length() {
        for c in ['A', 'ł', '€', '😀', '\u{10FFFF}', '\u{80}'] {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(
                decode(s.as_bytes(), 0),
                Decoded::Char {
                    cp: u32::from(c),
                    len: s.len()
                }
            );
        }
    }

    #[test]
    fn classifies_ill_formed_sequences() {
        assert_eq!(
            invalid(&[0xC3, 0x28]),
            (1, Invalid::Truncated { at_eof: false })
        );
        assert_eq!(invalid(&[0xC3]), (1, Invalid::Truncated { at_eof: true }));
        assert_eq!(
            invalid(&[0xE2, 0x82]),
            (2, Invalid::Truncated { at_eof: true })
        );
        assert_eq!(invalid(&[0xC0, 0xAF]), (2, Invalid::Overlong));
        assert_eq!(invalid(&[0xE0, 0x80, 0xAF]), (3, Invalid::Overlong));
        assert_eq!(invalid(&[0xF0, 0x80, 0x80, 0xAF]), (4, Invalid::Overlong));
        assert_eq!(invalid(&[0xED, 0xA0, 0x80]), (3, Invalid::Surrogate));
        assert_eq!(invalid(&[0xF4, 0x90, 0x80, 0x80]), (4, Invalid::TooLarge));
        assert_eq!(invalid(&[0xF5, 0x80]), (2, Invalid::TooLarge));
        assert_eq!(invalid(&[0x81, 0x81, 0x41]), (2, Invalid::Stray));
        assert_eq!(invalid(&[0xFF, 0x80]), (1, Invalid::NeverValid));
    }

    #[test]
    fn out_of_range_still_progresses() {
        assert!(matches!(decode(b"", 0), Decoded::Invalid { len: 1, .. }));
    }
}
