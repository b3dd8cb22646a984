//! The correction state: the kind of invoice, the invoices corrected, and
//! the `StanPrzed` before/after rows paired.
//!
//! Pairing: a `StanPrzed` row (the state before) is paired with the first
//! later row that is not `StanPrzed` and has the same `NrWierszaFa` (the
//! official examples 2 and 18 reuse the number for a pair); failing that,
//! with the next row that is not `StanPrzed`, when that row has no
//! `StanPrzed` partner of its own.

use chrono::NaiveDate;

use crate::facts::{Kind, indexed, xsd_value};
use crate::model::{Faktura, FakturaFaDaneFaKorygowanejNrKsefChoice};

/// One corrected invoice (`DaneFaKorygowanej`).
#[derive(Debug, Clone)]
pub struct Corrected<'a> {
    /// `/Faktura/Fa/DaneFaKorygowanej[1]`.
    pub path: String,
    /// `NrFaKorygowanej`.
    pub number: &'a str,
    /// `DataWystFaKorygowanej`.
    pub issue_date: NaiveDate,
    /// `NrKSeFFaKorygowanej`, when `NrKSeF=1`.
    pub ksef_number: Option<&'a str>,
    /// `NrKSeFN=1`: the corrected invoice was issued outside KSeF.
    pub outside_ksef: bool,
}

/// The correction facts of one invoice.
#[derive(Debug, Clone)]
pub struct Correction<'a> {
    /// `RodzajFaktury`.
    pub kind: Kind,
    /// The corrected invoices, in document order.
    pub corrected: Vec<Corrected<'a>>,
    /// Indices of the `StanPrzed` rows.
    pub before_rows: Vec<usize>,
    /// (before, after) pairs of row indices.
    pub pairs: Vec<(usize, usize)>,
    /// `StanPrzed` rows with no after row.
    pub unpaired_before: Vec<usize>,
    /// `OkresFaKorygowanej`: a collective correction (art. 106j ust. 3).
    pub period: Option<&'a str>,
    /// `PrzyczynaKorekty`.
    pub reason: Option<&'a str>,
    /// `TypKorekty` as written (1, 2 or 3).
    pub correction_type: Option<String>,
    /// `NrFaKorygowany`: the right number of an invoice issued with a wrong one.
    pub corrected_number: Option<&'a str>,
    /// True when any field of the correction group is present.
    pub has_correction_fields: bool,
}

impl<'a> Correction<'a> {
    /// The correction facts of `invoice`.
    pub fn of(invoice: &'a Faktura) -> Self {
        let kind = Kind::of(invoice);
        let group = invoice.fa.przyczyna_korekty_group.as_ref();
        let corrected = group
            .map(|g| {
                g.dane_fa_korygowanej
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let (ksef_number, outside_ksef) = match &d.nr_ksef_choice {
                            FakturaFaDaneFaKorygowanejNrKsefChoice::NrKSeFGroup(g) => {
                                (Some(g.nr_ksef_fa_korygowanej.0.as_str()), false)
                            }
                            FakturaFaDaneFaKorygowanejNrKsefChoice::NrKSeFn(_) => (None, true),
                        };
                        Corrected {
                            path: indexed("/Faktura/Fa", "DaneFaKorygowanej", i),
                            number: d.nr_fa_korygowanej.0.as_str(),
                            issue_date: d.data_wyst_fa_korygowanej.0.date(),
                            ksef_number,
                            outside_ksef,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();

        let rows = &invoice.fa.fa_wiersz;
        let before_rows: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.stan_przed.is_some())
            .map(|(i, _)| i)
            .collect();
        let mut taken = if before_rows.is_empty() {
            Vec::new()
        } else {
            vec![false; rows.len()]
        };
        let mut pairs = Vec::new();
        let mut unpaired_before = Vec::new();
        for &b in &before_rows {
            let number = rows[b].nr_wiersza_fa.0;
            let later =
                || (b + 1..rows.len()).filter(|&j| rows[j].stan_przed.is_none() && !taken[j]);
            let partner = later()
                .find(|&j| rows[j].nr_wiersza_fa.0 == number)
                .or_else(|| later().next());
            match partner {
                Some(j) => {
                    taken[j] = true;
                    pairs.push((b, j));
                }
                None => unpaired_before.push(b),
            }
        }

        Correction {
            kind,
            corrected,
            before_rows,
            pairs,
            unpaired_before,
            period: group.and_then(|g| g.okres_fa_korygowanej.as_ref().map(|v| v.0.as_str())),
            reason: group.and_then(|g| g.przyczyna_korekty.as_ref().map(|v| v.0.as_str())),
            correction_type: group.and_then(|g| g.typ_korekty.as_ref().map(xsd_value)),
            corrected_number: group.and_then(|g| g.nr_fa_korygowany.as_ref().map(|v| v.0.as_str())),
            has_correction_fields: group.is_some(),
        }
    }

    /// True for `KOR`, `KOR_ZAL` and `KOR_ROZ`.
    pub fn is_correction(&self) -> bool {
        self.kind.is_correction()
    }
}
