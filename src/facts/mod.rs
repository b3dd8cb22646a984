//! Derived facts of one invoice: the views that many rules need, computed
//! once per document on first use and shared through the rule context
//! (`ctx.facts().rates()`), like a linter's semantic model.
//!
//! - [`parties`]: every party, identifier, account, address and KSeF number,
//!   each with its element path, in document order.
//! - [`rates`]: each line's tax rate mapped to its summary fields
//!   (`P_13_x`/`P_14_x`), the net or gross method, and per-group sums with
//!   checked decimal arithmetic and the lines that contributed.
//! - [`correction`]: the kind of invoice, the corrected invoices, and the
//!   `StanPrzed` before/after rows paired.
//! - [`advance`]: the order (`Zamowienie`), partial advances
//!   (`ZaliczkaCzesciowa`) and the advance invoices settled
//!   (`FakturaZaliczkowa`).
//! - [`currency`]: `KodWaluty` and the exchange rates used, per group.
//! - [`payment`]: what `Platnosc` says was paid, when, and how.
//!
//! Facts never fail: a value that cannot be computed (an overflowing sum, a
//! missing operand) is `None`, and the rule that needs it stays silent.

use std::borrow::Cow;
use std::cell::OnceCell;

use xsd_parser_types::quick_xml::{SerializeBytes, SerializeHelper};

use crate::model::{Faktura, TRodzajFakturyType};

pub mod advance;
pub mod correction;
pub mod currency;
pub mod money;
pub mod parties;
pub mod payment;
pub mod rates;

pub use money::Amount;

/// The XSD lexical value of a generated enumeration or simple type
/// (`TRodzajFakturyType::KorZal` → `KOR_ZAL`).
pub fn xsd_value<T: SerializeBytes>(value: &T) -> String {
    xsd_text(value).into_owned()
}

/// [`xsd_value`] without a copy when the value is a constant (the
/// enumerations): for comparing.
pub fn xsd_text<T: SerializeBytes>(value: &T) -> Cow<'_, str> {
    value
        .serialize_bytes(&mut SerializeHelper::default())
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// `/Faktura/Fa/FaWiersz[3]` for the zero-based index 2.
pub fn indexed(parent: &str, name: &str, index: usize) -> String {
    let mut path = String::with_capacity(parent.len() + name.len() + 8);
    path.push_str(parent);
    push_indexed(&mut path, name, index);
    path
}

/// Appends `/FaWiersz[3]` for `name = "FaWiersz"` and the zero-based index 2.
pub fn push_indexed(path: &mut String, name: &str, index: usize) {
    path.push('/');
    path.push_str(name);
    path.push('[');
    push_number(path, index.saturating_add(1));
    path.push(']');
}

/// `/Faktura/Fa/FaWiersz[3]/P_11` for the zero-based index 2.
pub fn indexed_child(parent: &str, name: &str, index: usize, child: &str) -> String {
    let mut path = String::with_capacity(parent.len() + name.len() + child.len() + 9);
    path.push_str(parent);
    push_indexed(&mut path, name, index);
    path.push('/');
    path.push_str(child);
    path
}

/// `parent/child`, e.g. `/Faktura/Fa/FaWiersz[3]/P_11`.
pub fn child(parent: &str, name: &str) -> String {
    let mut path = String::with_capacity(parent.len() + name.len() + 1);
    path.push_str(parent);
    path.push('/');
    path.push_str(name);
    path
}

/// The pieces joined, allocated once: a message or path made of text only,
/// without the formatting machinery.
pub fn concat(pieces: &[&str]) -> String {
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        s.push_str(piece);
    }
    s
}

/// Appends `date` as its `Display` writes it (`2026-02-15`).
pub fn push_date(out: &mut String, date: chrono::NaiveDate) {
    use chrono::Datelike;
    let year = date.year();
    if (0..=9999).contains(&year) {
        let mut text = *b"0000-00-00";
        for (slots, value) in [
            (0..4, year.unsigned_abs()),
            (5..7, date.month()),
            (8..10, date.day()),
        ] {
            let mut rest = value;
            for slot in text.get_mut(slots).unwrap_or_default().iter_mut().rev() {
                *slot = b'0' + u8::try_from(rest % 10).unwrap_or_default();
                rest /= 10;
            }
        }
        // Only ASCII digits and hyphens were written.
        if let Ok(text) = std::str::from_utf8(&text) {
            out.push_str(text);
        }
    } else {
        use std::fmt::Write;
        let _ = write!(out, "{date}");
    }
}

/// Appends the decimal digits of `n`, as `n.to_string()` writes them,
/// without the formatting machinery (element paths and messages are built
/// for every line of large invoices).
pub fn push_number(out: &mut String, n: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    let mut rest = n;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + u8::try_from(rest % 10).unwrap_or_default();
        start -= 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    if let Some(Ok(text)) = digits.get(start..).map(std::str::from_utf8) {
        out.push_str(text);
    }
}

/// The kind of invoice (`RodzajFaktury`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `VAT`: a basic invoice.
    Vat,
    /// `KOR`: a correction.
    Kor,
    /// `ZAL`: an advance invoice.
    Zal,
    /// `ROZ`: a settlement of advances.
    Roz,
    /// `UPR`: a simplified invoice.
    Upr,
    /// `KOR_ZAL`: a correction of an advance invoice.
    KorZal,
    /// `KOR_ROZ`: a correction of a settlement.
    KorRoz,
}

impl Kind {
    /// The kind of `invoice`.
    pub fn of(invoice: &Faktura) -> Self {
        match invoice.fa.rodzaj_faktury {
            TRodzajFakturyType::Vat => Kind::Vat,
            TRodzajFakturyType::Kor => Kind::Kor,
            TRodzajFakturyType::Zal => Kind::Zal,
            TRodzajFakturyType::Roz => Kind::Roz,
            TRodzajFakturyType::Upr => Kind::Upr,
            TRodzajFakturyType::KorZal => Kind::KorZal,
            TRodzajFakturyType::KorRoz => Kind::KorRoz,
        }
    }

    /// The value as written in `RodzajFaktury`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Vat => "VAT",
            Kind::Kor => "KOR",
            Kind::Zal => "ZAL",
            Kind::Roz => "ROZ",
            Kind::Upr => "UPR",
            Kind::KorZal => "KOR_ZAL",
            Kind::KorRoz => "KOR_ROZ",
        }
    }

    /// `KOR`, `KOR_ZAL` or `KOR_ROZ`.
    pub fn is_correction(self) -> bool {
        matches!(self, Kind::Kor | Kind::KorZal | Kind::KorRoz)
    }

    /// `ZAL` or `KOR_ZAL`: the amounts are those of an advance.
    pub fn is_advance(self) -> bool {
        matches!(self, Kind::Zal | Kind::KorZal)
    }

    /// `ROZ` or `KOR_ROZ`: `P_15` is the amount still due.
    pub fn is_settlement(self) -> bool {
        matches!(self, Kind::Roz | Kind::KorRoz)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The derived facts of one invoice, each computed on first use.
#[derive(Debug)]
pub struct Facts<'a> {
    invoice: &'a Faktura,
    parties: OnceCell<Vec<parties::Party<'a>>>,
    ksef_numbers: OnceCell<Vec<parties::Field<'a>>>,
    accounts: OnceCell<Vec<parties::Account<'a>>>,
    contacts: OnceCell<Vec<parties::Contact<'a>>>,
    rates: OnceCell<rates::Rates<'a>>,
    correction: OnceCell<correction::Correction<'a>>,
    advance: OnceCell<advance::Advance<'a>>,
    currency: OnceCell<currency::Currency>,
    payment: OnceCell<payment::Payment<'a>>,
}

impl<'a> Facts<'a> {
    /// The facts of `invoice`, none computed yet.
    pub fn new(invoice: &'a Faktura) -> Self {
        Self {
            invoice,
            parties: OnceCell::new(),
            ksef_numbers: OnceCell::new(),
            accounts: OnceCell::new(),
            contacts: OnceCell::new(),
            rates: OnceCell::new(),
            correction: OnceCell::new(),
            advance: OnceCell::new(),
            currency: OnceCell::new(),
            payment: OnceCell::new(),
        }
    }

    /// The invoice the facts are about.
    pub fn invoice(&self) -> &'a Faktura {
        self.invoice
    }

    /// `RodzajFaktury`.
    pub fn kind(&self) -> Kind {
        Kind::of(self.invoice)
    }

    /// Every party (seller, buyer, third parties, authorised entity, the
    /// parties of a correction, carriers), in document order.
    pub fn parties(&self) -> &[parties::Party<'a>] {
        self.parties.get_or_init(|| parties::parties(self.invoice))
    }

    /// Every KSeF number the invoice cites, with its path.
    pub fn ksef_numbers(&self) -> &[parties::Field<'a>] {
        self.ksef_numbers
            .get_or_init(|| parties::ksef_numbers(self.invoice))
    }

    /// Every bank account (`RachunekBankowy`, `RachunekBankowyFaktora`).
    pub fn accounts(&self) -> &[parties::Account<'a>] {
        self.accounts
            .get_or_init(|| parties::accounts(self.invoice))
    }

    /// Every contact entry (`DaneKontaktowe`).
    pub fn contacts(&self) -> &[parties::Contact<'a>] {
        self.contacts
            .get_or_init(|| parties::contacts(self.invoice))
    }

    /// The lines with their rate groups, the per-group sums and the
    /// declared summary fields.
    pub fn rates(&self) -> &rates::Rates<'a> {
        self.rates.get_or_init(|| rates::Rates::of(self.invoice))
    }

    /// The correction state.
    pub fn correction(&self) -> &correction::Correction<'a> {
        self.correction
            .get_or_init(|| correction::Correction::of(self.invoice))
    }

    /// The advance and settlement state.
    pub fn advance(&self) -> &advance::Advance<'a> {
        self.advance
            .get_or_init(|| advance::Advance::of(self.invoice))
    }

    /// The currency context.
    pub fn currency(&self) -> &currency::Currency {
        self.currency
            .get_or_init(|| currency::Currency::of(self.invoice, self.rates()))
    }

    /// The payment data.
    pub fn payment(&self) -> &payment::Payment<'a> {
        self.payment
            .get_or_init(|| payment::Payment::of(self.invoice))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_display_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 4000, 10_000, 123_456_789, usize::MAX] {
            let mut s = String::from("x");
            push_number(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }

    #[test]
    fn dates_are_written_as_display_writes_them() {
        for (y, m, d) in [
            (2026, 2, 15),
            (1, 1, 1),
            (999, 12, 31),
            (0, 3, 4),
            (9999, 12, 31),
            (-44, 3, 15),
            (12_345, 6, 7),
        ] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d);
            assert!(date.is_some(), "{y}-{m}-{d}");
            if let Some(date) = date {
                let mut s = String::new();
                push_date(&mut s, date);
                assert_eq!(s, date.to_string());
            }
        }
    }

    #[test]
    fn paths_are_joined_with_one_based_indices() {
        assert_eq!(
            indexed("/Faktura/Fa", "FaWiersz", 2),
            "/Faktura/Fa/FaWiersz[3]"
        );
        assert_eq!(
            indexed_child("/Faktura", "Podmiot3", 0, "NrEORI"),
            "/Faktura/Podmiot3[1]/NrEORI"
        );
        assert_eq!(child("/Faktura/Fa", "P_15"), "/Faktura/Fa/P_15");
        assert_eq!(concat(&["a", "", "bc"]), "abc");
    }
}
