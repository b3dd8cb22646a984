//! Rate groups: each line's tax rate mapped to its summary fields, the
//! net or gross method, and per-group sums.
//!
//! The mapping (the catalog's C.9 table, from the XSD annotations of
//! `P_13_x`/`P_14_x` and `TStawkaPodatku`):
//!
//! | `P_12` on the line | summary fields |
//! |---|---|
//! | 23 or 22 | `P_13_1`/`P_14_1` (`P_14_1W`) |
//! | 8 or 7 | `P_13_2`/`P_14_2` (`P_14_2W`) |
//! | 5 | `P_13_3`/`P_14_3` (`P_14_3W`) |
//! | 4 or 3 | `P_13_4`/`P_14_4` (`P_14_4W`) |
//! | `P_12_XII` (OSS) | `P_13_5`/`P_14_5` |
//! | `0 KR` | `P_13_6_1` |
//! | `0 WDT` | `P_13_6_2` |
//! | `0 EX` | `P_13_6_3` |
//! | `zw` | `P_13_7` |
//! | `np I` | `P_13_8` |
//! | `np II` | `P_13_9` |
//! | `oo` | `P_13_10` |
//! | margin (`P_PMarzy=1`, no `P_12`) | `P_13_11` |
//!
//! On a correction, a `StanPrzed` row (the state before) counts negatively,
//! so that a group's sum is the difference the correction documents.

use rust_decimal::Decimal;

use crate::facts::{indexed, xsd_value};
use crate::model::{
    Faktura, FakturaFaAdnotacjePMarzyElementType, FakturaFaFaWierszElementType, TStawkaPodatkuType,
};

/// A group of lines that share one summary field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RateGroup {
    /// 23 % or 22 %: `P_13_1`/`P_14_1`.
    Basic,
    /// 8 % or 7 %: `P_13_2`/`P_14_2`.
    Reduced1,
    /// 5 %: `P_13_3`/`P_14_3`.
    Reduced2,
    /// 4 % or 3 % (taxi lump sum): `P_13_4`/`P_14_4`.
    Taxi,
    /// The OSS procedure (`P_12_XII`): `P_13_5`/`P_14_5`.
    Oss,
    /// `0 KR`, domestic 0 %: `P_13_6_1`.
    ZeroDomestic,
    /// `0 WDT`, intra-Community supply: `P_13_6_2`.
    ZeroWdt,
    /// `0 EX`, export: `P_13_6_3`.
    ZeroExport,
    /// `zw`, exempt: `P_13_7`.
    Exempt,
    /// `np I`, outside Poland: `P_13_8`.
    OutsideI,
    /// `np II`, art. 100 ust. 1 pkt 4 services: `P_13_9`.
    OutsideII,
    /// `oo`, domestic reverse charge: `P_13_10`.
    ReverseCharge,
    /// The margin procedure: `P_13_11`.
    Margin,
}

impl RateGroup {
    /// Every group, in the order of the summary fields.
    pub const ALL: [RateGroup; 13] = [
        RateGroup::Basic,
        RateGroup::Reduced1,
        RateGroup::Reduced2,
        RateGroup::Taxi,
        RateGroup::Oss,
        RateGroup::ZeroDomestic,
        RateGroup::ZeroWdt,
        RateGroup::ZeroExport,
        RateGroup::Exempt,
        RateGroup::OutsideI,
        RateGroup::OutsideII,
        RateGroup::ReverseCharge,
        RateGroup::Margin,
    ];

    /// The group of a `P_12` rate.
    pub fn of_rate(rate: &TStawkaPodatkuType) -> Self {
        match rate {
            TStawkaPodatkuType::_23 | TStawkaPodatkuType::_22 => RateGroup::Basic,
            TStawkaPodatkuType::_8 | TStawkaPodatkuType::_7 => RateGroup::Reduced1,
            TStawkaPodatkuType::_5 => RateGroup::Reduced2,
            TStawkaPodatkuType::_4 | TStawkaPodatkuType::_3 => RateGroup::Taxi,
            TStawkaPodatkuType::_0Kr => RateGroup::ZeroDomestic,
            TStawkaPodatkuType::_0Wdt => RateGroup::ZeroWdt,
            TStawkaPodatkuType::_0Ex => RateGroup::ZeroExport,
            TStawkaPodatkuType::Zw => RateGroup::Exempt,
            TStawkaPodatkuType::NpI => RateGroup::OutsideI,
            TStawkaPodatkuType::NpIi => RateGroup::OutsideII,
            TStawkaPodatkuType::Oo => RateGroup::ReverseCharge,
        }
    }

    /// The position of the group in [`RateGroup::ALL`].
    fn position(self) -> usize {
        self as usize
    }

    /// The net summary field: `P_13_1`, ..., `P_13_11`.
    pub fn net_field(self) -> &'static str {
        match self {
            RateGroup::Basic => "P_13_1",
            RateGroup::Reduced1 => "P_13_2",
            RateGroup::Reduced2 => "P_13_3",
            RateGroup::Taxi => "P_13_4",
            RateGroup::Oss => "P_13_5",
            RateGroup::ZeroDomestic => "P_13_6_1",
            RateGroup::ZeroWdt => "P_13_6_2",
            RateGroup::ZeroExport => "P_13_6_3",
            RateGroup::Exempt => "P_13_7",
            RateGroup::OutsideI => "P_13_8",
            RateGroup::OutsideII => "P_13_9",
            RateGroup::ReverseCharge => "P_13_10",
            RateGroup::Margin => "P_13_11",
        }
    }

    /// The tax summary field (`P_14_1` ... `P_14_5`), for the taxed groups.
    pub fn tax_field(self) -> Option<&'static str> {
        Some(match self {
            RateGroup::Basic => "P_14_1",
            RateGroup::Reduced1 => "P_14_2",
            RateGroup::Reduced2 => "P_14_3",
            RateGroup::Taxi => "P_14_4",
            RateGroup::Oss => "P_14_5",
            _ => return None,
        })
    }

    /// The tax-in-PLN field (`P_14_1W` ... `P_14_4W`).
    pub fn tax_pln_field(self) -> Option<&'static str> {
        Some(match self {
            RateGroup::Basic => "P_14_1W",
            RateGroup::Reduced1 => "P_14_2W",
            RateGroup::Reduced2 => "P_14_3W",
            RateGroup::Taxi => "P_14_4W",
            _ => return None,
        })
    }

    /// `/Faktura/Fa/P_13_1` and the like.
    pub fn net_path(self) -> String {
        crate::facts::child("/Faktura/Fa", self.net_field())
    }

    /// `/Faktura/Fa/P_14_1` and the like.
    pub fn tax_path(self) -> Option<String> {
        self.tax_field()
            .map(|f| crate::facts::child("/Faktura/Fa", f))
    }

    /// True for the groups with a tax amount (`P_14_x`).
    pub fn is_taxed(self) -> bool {
        self.tax_field().is_some()
    }
}

impl std::fmt::Display for RateGroup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.net_field())
    }
}

/// `P_12` as written (`23`, `0 WDT`, `np II`).
pub fn rate_text(rate: &TStawkaPodatkuType) -> &'static str {
    match rate {
        TStawkaPodatkuType::_23 => "23",
        TStawkaPodatkuType::_22 => "22",
        TStawkaPodatkuType::_8 => "8",
        TStawkaPodatkuType::_7 => "7",
        TStawkaPodatkuType::_5 => "5",
        TStawkaPodatkuType::_4 => "4",
        TStawkaPodatkuType::_3 => "3",
        TStawkaPodatkuType::_0Kr => "0 KR",
        TStawkaPodatkuType::_0Wdt => "0 WDT",
        TStawkaPodatkuType::_0Ex => "0 EX",
        TStawkaPodatkuType::Zw => "zw",
        TStawkaPodatkuType::Oo => "oo",
        TStawkaPodatkuType::NpI => "np I",
        TStawkaPodatkuType::NpIi => "np II",
    }
}

/// The tax rate in percent of a `P_12` value: 23 for `23`, 0 for the zero
/// rates, `None` where no tax is charged on the invoice (`zw`, `oo`, `np`).
pub fn rate_percent(rate: &TStawkaPodatkuType) -> Option<Decimal> {
    Some(Decimal::from(match rate {
        TStawkaPodatkuType::_23 => 23,
        TStawkaPodatkuType::_22 => 22,
        TStawkaPodatkuType::_8 => 8,
        TStawkaPodatkuType::_7 => 7,
        TStawkaPodatkuType::_5 => 5,
        TStawkaPodatkuType::_4 => 4,
        TStawkaPodatkuType::_3 => 3,
        TStawkaPodatkuType::_0Kr | TStawkaPodatkuType::_0Wdt | TStawkaPodatkuType::_0Ex => 0,
        TStawkaPodatkuType::Zw
        | TStawkaPodatkuType::Oo
        | TStawkaPodatkuType::NpI
        | TStawkaPodatkuType::NpIi => return None,
    }))
}

/// One invoice line (`FaWiersz`) with its group.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// Zero-based position among the lines.
    pub index: usize,
    /// The line itself.
    pub row: &'a FakturaFaFaWierszElementType,
    /// `NrWierszaFa`.
    pub number: usize,
    /// Its group, when it has a rate or is a margin line.
    pub group: Option<RateGroup>,
    /// `P_12` as written.
    pub rate: Option<&'static str>,
    /// The tax rate in percent (`P_12`, or `P_12_XII` for OSS).
    pub percent: Option<Decimal>,
    /// `StanPrzed=1`: the state before the correction.
    pub before: bool,
}

impl Line<'_> {
    /// −1 for a `StanPrzed` row, +1 otherwise.
    pub fn sign(&self) -> Decimal {
        if self.before {
            Decimal::NEGATIVE_ONE
        } else {
            Decimal::ONE
        }
    }

    /// `P_11`, the net value.
    pub fn net(&self) -> Option<Decimal> {
        self.row.p_11.as_ref().map(|v| v.0.value())
    }

    /// `P_11A`, the gross value.
    pub fn gross(&self) -> Option<Decimal> {
        self.row.p_11a.as_ref().map(|v| v.0.value())
    }

    /// `P_11Vat`, the tax of the line.
    pub fn vat(&self) -> Option<Decimal> {
        self.row.p_11_vat.as_ref().map(|v| v.0.value())
    }

    /// `KursWaluty` of the line.
    pub fn exchange_rate(&self) -> Option<Decimal> {
        self.row.kurs_waluty.as_ref().map(|v| v.0.value())
    }

    /// The line's path: `/Faktura/Fa/FaWiersz[3]` (made when asked for: most
    /// lines have no finding).
    pub fn path(&self) -> String {
        indexed("/Faktura/Fa", "FaWiersz", self.index)
    }

    /// The path of a field of the line: `/Faktura/Fa/FaWiersz[3]/P_11`.
    pub fn field(&self, name: &str) -> String {
        crate::facts::child(&self.path(), name)
    }
}

/// The summary fields the invoice gives for a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    /// `P_13_x`.
    pub net: Decimal,
    /// `P_14_x`, for the taxed groups.
    pub tax: Option<Decimal>,
    /// `P_14_xW`, the tax in PLN.
    pub tax_pln: Option<Decimal>,
}

/// The lines of one group and their sums.
#[derive(Debug, Clone)]
pub struct Group {
    /// The group.
    pub group: RateGroup,
    /// Indices into [`Rates::lines`].
    pub lines: Vec<usize>,
    /// Σ `P_11` (with `StanPrzed` rows subtracted) over the lines that give
    /// it; `None` on overflow.
    pub net: Option<Decimal>,
    /// How many lines give `P_11`.
    pub net_lines: usize,
    /// Σ `P_11A`, likewise.
    pub gross: Option<Decimal>,
    /// How many lines give `P_11A`.
    pub gross_lines: usize,
    /// Σ `P_11Vat`, likewise.
    pub vat: Option<Decimal>,
    /// How many lines give `P_11Vat`.
    pub vat_lines: usize,
    /// The distinct `P_12` values of its lines, in order of appearance.
    pub rates: Vec<&'static str>,
    /// The distinct tax rates (percent) of its lines.
    pub percents: Vec<Decimal>,
    /// The summary fields, when the invoice gives them.
    pub declared: Option<Declared>,
}

/// How line values are given (art. 106e ust. 7–8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Net values (`P_9A`/`P_11`).
    Net,
    /// Gross values (`P_9B`/`P_11A`).
    Gross,
    /// Both kinds on one invoice.
    Mixed,
    /// No line value at all.
    Unknown,
}

/// The lines, the groups and the summary of one invoice.
#[derive(Debug, Clone)]
pub struct Rates<'a> {
    /// Every line, in document order.
    pub lines: Vec<Line<'a>>,
    /// The groups used by a line or given a summary field, in the order of
    /// the summary fields.
    pub groups: Vec<Group>,
    /// The method of the lines.
    pub method: Method,
    /// `P_PMarzy=1`: the margin procedure applies.
    pub margin: bool,
    /// `P_15`.
    pub total: Decimal,
    /// Σ of every `P_13_x` and `P_14_1`…`P_14_5` the invoice gives
    /// (`P_14_xW` excluded); `None` on overflow.
    pub summary_total: Option<Decimal>,
    /// True when the invoice gives no summary field at all.
    pub no_summary: bool,
}

/// The summary fields of `group` on `invoice`.
pub fn declared(invoice: &Faktura, group: RateGroup) -> Option<Declared> {
    let fa = &invoice.fa;
    let value = |v: &crate::model::TKwotowyType| v.0.value();
    let opt = |v: &Option<crate::model::TKwotowyType>| v.as_ref().map(value);
    let taxed = |net, tax, w: &Option<crate::model::TKwotowyType>| Declared {
        net,
        tax: Some(tax),
        tax_pln: opt(w),
    };
    let plain = |v: &Option<crate::model::TKwotowyType>| {
        opt(v).map(|net| Declared {
            net,
            tax: None,
            tax_pln: None,
        })
    };
    match group {
        RateGroup::Basic => fa
            .p_13_1_group
            .as_ref()
            .map(|g| taxed(value(&g.p_13_1), value(&g.p_14_1), &g.p_14_1w)),
        RateGroup::Reduced1 => fa
            .p_13_2_group
            .as_ref()
            .map(|g| taxed(value(&g.p_13_2), value(&g.p_14_2), &g.p_14_2w)),
        RateGroup::Reduced2 => fa
            .p_13_3_group
            .as_ref()
            .map(|g| taxed(value(&g.p_13_3), value(&g.p_14_3), &g.p_14_3w)),
        RateGroup::Taxi => fa
            .p_13_4_group
            .as_ref()
            .map(|g| taxed(value(&g.p_13_4), value(&g.p_14_4), &g.p_14_4w)),
        RateGroup::Oss => fa.p_13_5_group.as_ref().map(|g| Declared {
            net: value(&g.p_13_5),
            tax: opt(&g.p_14_5),
            tax_pln: None,
        }),
        RateGroup::ZeroDomestic => plain(&fa.p_13_6_1),
        RateGroup::ZeroWdt => plain(&fa.p_13_6_2),
        RateGroup::ZeroExport => plain(&fa.p_13_6_3),
        RateGroup::Exempt => plain(&fa.p_13_7),
        RateGroup::OutsideI => plain(&fa.p_13_8),
        RateGroup::OutsideII => plain(&fa.p_13_9),
        RateGroup::ReverseCharge => plain(&fa.p_13_10),
        RateGroup::Margin => plain(&fa.p_13_11),
    }
}

/// True when `Adnotacje/PMarzy` says the margin procedure applies.
pub fn is_margin(invoice: &Faktura) -> bool {
    matches!(
        invoice.fa.adnotacje.p_marzy,
        FakturaFaAdnotacjePMarzyElementType::PPMarzyGroup(_)
    )
}

/// `value` negated for a `StanPrzed` row: exactly `Line::sign() * value`
/// (which gives a plain zero, of scale 0, for any zero), without the
/// multiplication.
fn with_sign(value: Decimal, before: bool) -> Decimal {
    if value.is_zero() {
        Decimal::ZERO
    } else if before {
        -value
    } else {
        value
    }
}

/// Adds `value` (signed) to a running sum; an overflow poisons the sum.
fn add(sum: &mut Option<Decimal>, value: Decimal) {
    *sum = sum.and_then(|s| s.checked_add(value));
}

impl<'a> Rates<'a> {
    /// The rates facts of `invoice`.
    pub fn of(invoice: &'a Faktura) -> Self {
        let margin = is_margin(invoice);
        let lines: Vec<Line<'a>> = invoice
            .fa
            .fa_wiersz
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let (group, rate, percent) = if let Some(r) = &row.p_12 {
                    (
                        Some(RateGroup::of_rate(r)),
                        Some(rate_text(r)),
                        rate_percent(r),
                    )
                } else if let Some(xii) = &row.p_12_xii {
                    (Some(RateGroup::Oss), None, Some(xii.0.value()))
                } else if margin {
                    (Some(RateGroup::Margin), None, None)
                } else {
                    (None, None, None)
                };
                Line {
                    index,
                    row,
                    number: row.nr_wiersza_fa.0,
                    group,
                    rate,
                    percent,
                    before: row.stan_przed.is_some(),
                }
            })
            .collect();

        // How many lines each group has, so that each list of members is
        // allocated once at its final size.
        let mut counts = [0usize; RateGroup::ALL.len()];
        for line in &lines {
            if let Some(count) = line.group.and_then(|g| counts.get_mut(g.position())) {
                *count += 1;
            }
        }
        let mut groups = Vec::new();
        // Σ of the summary fields with checked arithmetic, added in the
        // order of the groups.
        let mut summary_total = Some(Decimal::ZERO);
        let mut no_summary = true;
        for (g, &count) in RateGroup::ALL.iter().zip(&counts) {
            let g = *g;
            let declared = declared(invoice, g);
            if let Some(dcl) = &declared {
                no_summary = false;
                add(&mut summary_total, dcl.net);
                if let Some(tax) = dcl.tax {
                    add(&mut summary_total, tax);
                }
            }
            if count == 0 && declared.is_none() {
                continue;
            }
            let mut members = Vec::with_capacity(count);
            if count > 0 {
                members.extend(lines.iter().filter(|l| l.group == Some(g)).map(|l| l.index));
            }
            let mut group = Group {
                group: g,
                net: Some(Decimal::ZERO),
                net_lines: 0,
                gross: Some(Decimal::ZERO),
                gross_lines: 0,
                vat: Some(Decimal::ZERO),
                vat_lines: 0,
                rates: Vec::new(),
                percents: Vec::new(),
                declared,
                lines: members,
            };
            for &i in &group.lines {
                let Some(line) = lines.get(i) else {
                    continue;
                };
                if let Some(v) = line.net() {
                    add(&mut group.net, with_sign(v, line.before));
                    group.net_lines += 1;
                }
                if let Some(v) = line.gross() {
                    add(&mut group.gross, with_sign(v, line.before));
                    group.gross_lines += 1;
                }
                if let Some(v) = line.vat() {
                    add(&mut group.vat, with_sign(v, line.before));
                    group.vat_lines += 1;
                }
                // The rates are the constants of `rate_text`: the same
                // text is nearly always the same pointer.
                if let Some(r) = line.rate
                    && !group.rates.iter().any(|&x| std::ptr::eq(x, r) || x == r)
                {
                    group.rates.push(r);
                }
                if let Some(p) = line.percent
                    && !group.percents.contains(&p)
                {
                    group.percents.push(p);
                }
            }
            groups.push(group);
        }

        let has_net = lines.iter().any(|l| l.row.p_11.is_some());
        let has_gross = lines.iter().any(|l| l.row.p_11a.is_some());
        let method = match (has_net, has_gross) {
            (true, false) => Method::Net,
            (false, true) => Method::Gross,
            (true, true) => Method::Mixed,
            (false, false) => Method::Unknown,
        };

        Rates {
            lines,
            groups,
            method,
            margin,
            total: invoice.fa.p_15.0.value(),
            summary_total,
            no_summary,
        }
    }

    /// The group `g`, when a line uses it or a summary field gives it.
    pub fn group(&self, g: RateGroup) -> Option<&Group> {
        self.groups.iter().find(|x| x.group == g)
    }

    /// The lines of `group`.
    pub fn lines_of<'s>(&'s self, group: &'s Group) -> impl Iterator<Item = &'s Line<'a>> + 's {
        group.lines.iter().filter_map(|&i| self.lines.get(i))
    }
}

/// `P_12` of a line as written, or an empty string.
pub fn rate_of(row: &FakturaFaFaWierszElementType) -> String {
    row.p_12.as_ref().map(xsd_value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn positions_follow_the_order_of_all() {
        for (i, g) in RateGroup::ALL.into_iter().enumerate() {
            assert_eq!(g.position(), i, "{g}");
        }
    }

    #[test]
    fn with_sign_is_the_product_with_the_sign() {
        for text in [
            "0",
            "0.00",
            "-0.00",
            "1",
            "-1",
            "12.50",
            "-12.500",
            "0.0001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
        ] {
            let Ok(value) = Decimal::from_str(text) else {
                panic!("{text}");
            };
            for (before, sign) in [(false, Decimal::ONE), (true, Decimal::NEGATIVE_ONE)] {
                let expected = sign * value;
                let found = with_sign(value, before);
                assert_eq!(found, expected, "{text}");
                assert_eq!(found.to_string(), expected.to_string(), "{text}");
                assert_eq!(found.scale(), expected.scale(), "{text}");
                assert_eq!(
                    found.is_sign_negative(),
                    expected.is_sign_negative(),
                    "{text}"
                );
            }
        }
    }
}
