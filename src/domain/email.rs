//! E-mail addresses in `DaneKontaktowe/Email` (FA3-ID-022).
//!
//! The XSD type `TAdresEmail` only asks for `(.)+@(.)+` and 3–255
//! characters. [`validate`] applies a stricter, still permissive, check of
//! the RFC 5322 `addr-spec` in its common dot-atom form (RFC 6531 non-ASCII
//! characters allowed):
//!
//! - no whitespace, exactly one `@`;
//! - a local part of at most 64 bytes, made of letters, digits and
//!   ``!#$%&'*+-/=?^_`{|}~``, with dots only between other characters;
//! - a domain of at most 253 bytes with at least one dot, labels of 1–63
//!   bytes made of letters, digits and inner hyphens, and a top-level label
//!   that is not all digits.
//!
//! Quoted local parts (`"john doe"@example.com`) and address literals
//! (`user@[192.0.2.1]`) are valid RFC 5322 but do not belong on an invoice;
//! they are reported as invalid characters.
//!
//! ```
//! use fa3::domain::email::{self, EmailError};
//!
//! assert_eq!(email::validate("jan.kowalski@firma.pl"), Ok(()));
//! assert_eq!(email::validate("jan @firma"), Err(EmailError::Whitespace { position: 4 }));
//! assert_eq!(email::validate("jan@firma"), Err(EmailError::DomainWithoutDot));
//! ```

use super::first_bad_char;

/// Why a string is not a plausible e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmailError {
    /// The address is empty.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than the XSD's 255 characters.
    #[error("an e-mail address has at most 255 characters, found {found}")]
    TooLong {
        /// Number of characters found.
        found: usize,
    },
    /// A space or other whitespace.
    #[error("whitespace at position {position} in the e-mail address")]
    Whitespace {
        /// 1-based character position.
        position: usize,
    },
    /// No `@`, or more than one.
    #[error("an e-mail address has exactly one `@`, found {found}")]
    AtSigns {
        /// Number of `@` found.
        found: usize,
    },
    /// Nothing before the `@`.
    #[error("the part before `@` is empty")]
    EmptyLocalPart,
    /// More than 64 bytes before the `@`.
    #[error("the part before `@` has at most 64 bytes, found {found}")]
    LocalPartTooLong {
        /// Number of bytes found.
        found: usize,
    },
    /// A character not allowed before the `@`.
    #[error("unexpected character {found:?} at position {position} before `@`")]
    InvalidLocalCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// A dot at the start or end of the local part, or two dots in a row.
    #[error("dots before `@` must sit between other characters")]
    LocalPartDots,
    /// Nothing after the `@`.
    #[error("the domain after `@` is empty")]
    EmptyDomain,
    /// More than 253 bytes after the `@`.
    #[error("the domain after `@` has at most 253 bytes, found {found}")]
    DomainTooLong {
        /// Number of bytes found.
        found: usize,
    },
    /// A domain without a dot, e.g. `jan@firma`.
    #[error("the domain after `@` has no dot")]
    DomainWithoutDot,
    /// A character not allowed in a domain name.
    #[error("unexpected character {found:?} at position {position} in the domain")]
    InvalidDomainCharacter {
        /// 1-based character position in the whole address.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// An empty label: a leading, trailing or doubled dot in the domain.
    #[error("the domain has an empty label (a leading, trailing or doubled dot)")]
    EmptyDomainLabel,
    /// A label longer than 63 bytes.
    #[error("a domain label has at most 63 bytes, found {found}")]
    DomainLabelTooLong {
        /// Number of bytes found.
        found: usize,
    },
    /// A label starting or ending with `-`.
    #[error("a domain label cannot start or end with `-`")]
    DomainLabelHyphen,
    /// The last label is all digits.
    #[error("the top-level domain cannot be all digits")]
    NumericTopLevelDomain,
}

/// Checks an e-mail address (see the module docs).
pub fn validate(s: &str) -> Result<(), EmailError> {
    if s.is_empty() {
        return Err(EmailError::Empty);
    }
    if plainly_valid(s.as_bytes()) {
        return Ok(());
    }
    validate_text(s)
}

/// [`validate`] of any non-empty text: characters are counted and searched
/// as `char`s.
fn validate_text(s: &str) -> Result<(), EmailError> {
    let chars = s.chars().count();
    if chars > 255 {
        return Err(EmailError::TooLong { found: chars });
    }
    if let Some((position, _)) = first_bad_char(s, |c| !c.is_whitespace()) {
        return Err(EmailError::Whitespace { position });
    }
    let at_signs = s.matches('@').count();
    let Some((local, domain)) = s.split_once('@').filter(|_| at_signs == 1) else {
        return Err(EmailError::AtSigns { found: at_signs });
    };
    check_local(local)?;
    check_domain(domain, local.chars().count() + 1)
}

/// True when `s` passes [`validate`].
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    if local.len() > 64 {
        return Err(EmailError::LocalPartTooLong { found: local.len() });
    }
    if let Some((position, found)) = first_bad_char(local, local_char) {
        return Err(EmailError::InvalidLocalCharacter { position, found });
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailError::LocalPartDots);
    }
    Ok(())
}

/// `offset`: characters before the domain (local part and `@`).
fn check_domain(domain: &str, offset: usize) -> Result<(), EmailError> {
    if domain.is_empty() {
        return Err(EmailError::EmptyDomain);
    }
    if domain.len() > 253 {
        return Err(EmailError::DomainTooLong {
            found: domain.len(),
        });
    }
    if let Some((position, found)) = first_bad_char(domain, domain_char) {
        return Err(EmailError::InvalidDomainCharacter {
            position: offset + position,
            found,
        });
    }
    if !domain.contains('.') {
        return Err(EmailError::DomainWithoutDot);
    }
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(EmailError::EmptyDomainLabel);
        }
        if label.len() > 63 {
            return Err(EmailError::DomainLabelTooLong { found: label.len() });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(EmailError::DomainLabelHyphen);
        }
    }
    let top = domain.rsplit('.').next().unwrap_or_default();
    if top.chars().all(|c| c.is_ascii_digit()) {
        return Err(EmailError::NumericTopLevelDomain);
    }
    Ok(())
}

/// The symbols allowed before the `@` besides letters, digits and dots.
const LOCAL_SYMBOLS: &[u8] = b"!#$%&'*+-/=?^_`{|}~";

/// Whether `c` is one of [`LOCAL_SYMBOLS`].
const fn local_symbol(c: u8) -> bool {
    let mut rest = LOCAL_SYMBOLS;
    while let [first, tail @ ..] = rest {
        if *first == c {
            return true;
        }
        rest = tail;
    }
    false
}

/// A character allowed before the `@`: a letter, a digit, a dot or one of
/// [`LOCAL_SYMBOLS`].
fn local_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || u8::try_from(c).is_ok_and(local_symbol)
}

/// A character allowed in a domain: a letter, a digit, `-` or `.`.
fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

/// Class bits of the ASCII bytes, for [`plainly_valid`].
const LOCAL: u8 = 1;
const DOMAIN: u8 = 2;
const DIGIT: u8 = 4;

/// [`LOCAL`], [`DOMAIN`] and [`DIGIT`] of each byte; zero for the rest
/// (whitespace, `@`, `.`, other punctuation, every byte of a non-ASCII
/// character).
const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        #[allow(clippy::cast_possible_truncation)] // b < 128
        let c = b as u8;
        let alphanumeric = c.is_ascii_alphanumeric();
        let symbol = local_symbol(c);
        let mut class = 0;
        if alphanumeric || symbol {
            class |= LOCAL;
        }
        if alphanumeric || c == b'-' {
            class |= DOMAIN;
        }
        if c.is_ascii_digit() {
            class |= DIGIT;
        }
        table[b] = class;
        b += 1;
    }
    table
};

/// True when `s` is certainly a valid address, decided in one pass over
/// its bytes: ASCII only, one `@`, a local part of allowed characters with
/// dots only between them, and a domain of at least two labels of letters,
/// digits and inner hyphens whose last label is not all digits. Whatever it
/// does not accept goes through the character-by-character checks, which
/// also name the first problem (nearly every address on an invoice is
/// plain ASCII and valid).
fn plainly_valid(s: &[u8]) -> bool {
    if s.len() > 255 {
        return false;
    }
    let mut bytes = s.iter();
    // The local part, up to the `@`: a dot never first, last or doubled.
    let mut local_len = 0usize;
    let mut previous = b'.';
    loop {
        let Some(&b) = bytes.next() else {
            return false;
        };
        if b == b'@' {
            break;
        }
        if b == b'.' {
            if previous == b'.' {
                return false;
            }
        } else if CLASSES[usize::from(b)] & LOCAL == 0 {
            return false;
        }
        previous = b;
        local_len += 1;
    }
    if local_len == 0 || local_len > 64 || previous == b'.' {
        return false;
    }
    // The domain: labels of 1–63 bytes between dots, no hyphen at either
    // end of a label, at least one dot, and a last label not all digits.
    let domain_len = s.len() - local_len - 1;
    if domain_len > 253 {
        return false;
    }
    let mut dots = 0usize;
    let mut label_len = 0usize;
    let mut label_digits = true;
    let mut previous = b'.';
    for &b in bytes {
        if b == b'.' {
            if label_len == 0 || previous == b'-' {
                return false;
            }
            dots += 1;
            label_len = 0;
            label_digits = true;
        } else {
            let class = CLASSES[usize::from(b)];
            if class & DOMAIN == 0 || (label_len == 0 && b == b'-') {
                return false;
            }
            label_len += 1;
            if label_len > 63 {
                return false;
            }
            label_digits &= class & DIGIT != 0;
        }
        previous = b;
    }
    dots > 0 && label_len > 0 && previous != b'-' && !label_digits
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn catalog_vector() {
        // FA3-ID-022
        assert_eq!(
            validate("jan @firma"),
            Err(EmailError::Whitespace { position: 4 })
        );
    }

    #[test]
    fn valid_addresses() {
        for s in [
            "jan.kowalski@firma.pl",
            "a@b.co",
            "faktury+ksef@sub.domena.com.pl",
            "o'brien@example.ie",
            "biuro@xn--dzkowa-6ub.pl",
            "zażółć@gęślą.pl",
            "x_y-z!#$%&*=?^`{|}~@ex-ample.org",
        ] {
            assert_eq!(validate(s), Ok(()), "{s}");
            assert!(is_valid(s));
        }
    }

    #[test]
    fn invalid_addresses() {
        let cases = [
            ("", EmailError::Empty),
            ("jan", EmailError::AtSigns { found: 0 }),
            ("jan@@firma.pl", EmailError::AtSigns { found: 2 }),
            ("a@b@c.pl", EmailError::AtSigns { found: 2 }),
            ("@firma.pl", EmailError::EmptyLocalPart),
            ("jan@", EmailError::EmptyDomain),
            ("jan@firma", EmailError::DomainWithoutDot),
            (" jan@firma.pl", EmailError::Whitespace { position: 1 }),
            ("jan@firma.pl\t", EmailError::Whitespace { position: 13 }),
            (".jan@firma.pl", EmailError::LocalPartDots),
            ("jan.@firma.pl", EmailError::LocalPartDots),
            ("ja..n@firma.pl", EmailError::LocalPartDots),
            (
                "\"jan\"@firma.pl",
                EmailError::InvalidLocalCharacter {
                    position: 1,
                    found: '"',
                },
            ),
            (
                "jan,k@firma.pl",
                EmailError::InvalidLocalCharacter {
                    position: 4,
                    found: ',',
                },
            ),
            (
                "jan@[192.0.2.1]",
                EmailError::InvalidDomainCharacter {
                    position: 5,
                    found: '[',
                },
            ),
            (
                "jan@fir_ma.pl",
                EmailError::InvalidDomainCharacter {
                    position: 8,
                    found: '_',
                },
            ),
            ("jan@.firma.pl", EmailError::EmptyDomainLabel),
            ("jan@firma.pl.", EmailError::EmptyDomainLabel),
            ("jan@firma..pl", EmailError::EmptyDomainLabel),
            ("jan@-firma.pl", EmailError::DomainLabelHyphen),
            ("jan@firma-.pl", EmailError::DomainLabelHyphen),
            ("jan@192.168.0.1", EmailError::NumericTopLevelDomain),
        ];
        for (input, expected) in cases {
            assert_eq!(validate(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn length_limits() {
        let local = "a".repeat(65);
        assert_eq!(
            validate(&format!("{local}@firma.pl")),
            Err(EmailError::LocalPartTooLong { found: 65 })
        );
        let label = "a".repeat(64);
        assert_eq!(
            validate(&format!("jan@{label}.pl")),
            Err(EmailError::DomainLabelTooLong { found: 64 })
        );
        // 204 characters in all, but a 302-byte domain.
        let long = format!("j@{}.pl", ["ż"; 100].join("."));
        assert_eq!(
            validate(&long),
            Err(EmailError::DomainTooLong { found: 302 })
        );
        let longer = format!("jan@{}", "a.".repeat(130));
        assert_eq!(
            validate(&longer),
            Err(EmailError::TooLong {
                found: longer.len()
            })
        );
    }

    proptest! {
        #[test]
        fn simple_addresses_validate(
            local in "[a-z0-9]([a-z0-9._+-]{0,20}[a-z0-9])?",
            domain in "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?",
            tld in "[a-z]{2,6}",
        ) {
            prop_assume!(!local.contains(".."));
            let address = format!("{local}@{domain}.{tld}");
            prop_assert_eq!(validate(&address), Ok(()));
        }

        #[test]
        fn plainly_valid_agrees_with_the_text_path(
            s in "[a-z0-9.@ \t\x0b\x0c\x1c_,\"\\[\\]+-]{1,80}",
        ) {
            // Accepted at once exactly when the full checks find nothing.
            prop_assert_eq!(plainly_valid(s.as_bytes()), validate_text(&s).is_ok());
        }

        #[test]
        fn plainly_valid_agrees_on_any_ascii(s in "[\x00-\x7f]{1,300}") {
            prop_assert_eq!(plainly_valid(s.as_bytes()), validate_text(&s).is_ok());
        }

        #[test]
        fn plainly_valid_agrees_on_addresses(
            local in "[a-z0-9.!#$%&'*+/=?^_`{|}~-]{0,70}",
            domain in "[a-z0-9.-]{0,70}",
        ) {
            let s = format!("{local}@{domain}");
            prop_assert_eq!(plainly_valid(s.as_bytes()), validate_text(&s).is_ok());
        }

        #[test]
        fn plainly_valid_never_accepts_an_invalid_address(s in any::<String>()) {
            if plainly_valid(s.as_bytes()) {
                prop_assert_eq!(validate_text(&s), Ok(()));
            }
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            if validate(&s).is_ok() {
                prop_assert_eq!(s.matches('@').count(), 1);
                prop_assert!(!s.chars().any(char::is_whitespace));
            }
        }
    }
}
