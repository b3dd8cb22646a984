//! The advance and settlement state: the order (`Zamowienie`) of an advance
//! invoice, the partial advances (`ZaliczkaCzesciowa`) and the advance
//! invoices a settlement cites (`FakturaZaliczkowa`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::facts::indexed;
use crate::facts::money::checked_sum;
use crate::facts::rates::{RateGroup, rate_percent, rate_text};
use crate::model::{
    Faktura, FakturaFaFakturaZaliczkowaElementType, FakturaFaZamowienieZamowienieWierszElementType,
};

/// One order line (`ZamowienieWiersz`).
#[derive(Debug, Clone)]
pub struct OrderLine<'a> {
    /// Zero-based position.
    pub index: usize,
    /// `/Faktura/Fa/Zamowienie/ZamowienieWiersz[2]`.
    pub path: String,
    /// The line.
    pub row: &'a FakturaFaZamowienieZamowienieWierszElementType,
    /// `NrWierszaZam`.
    pub number: usize,
    /// The group of `P_12Z` (or OSS for `P_12Z_XII`).
    pub group: Option<RateGroup>,
    /// `P_12Z` as written.
    pub rate: Option<&'static str>,
    /// The rate in percent.
    pub percent: Option<Decimal>,
    /// `StanPrzedZ=1`.
    pub before: bool,
}

impl OrderLine<'_> {
    /// `P_11NettoZ`.
    pub fn net(&self) -> Option<Decimal> {
        self.row.p_11_netto_z.as_ref().map(|v| v.0.value())
    }

    /// `P_11VatZ`.
    pub fn vat(&self) -> Option<Decimal> {
        self.row.p_11_vat_z.as_ref().map(|v| v.0.value())
    }
}

/// The order of an advance invoice.
#[derive(Debug, Clone)]
pub struct Order<'a> {
    /// `WartoscZamowienia`.
    pub value: Decimal,
    /// The order lines.
    pub lines: Vec<OrderLine<'a>>,
    /// Σ (`P_11NettoZ` + `P_11VatZ`) with `StanPrzedZ` rows subtracted;
    /// `None` on overflow.
    pub lines_total: Option<Decimal>,
}

/// One partial advance (`ZaliczkaCzesciowa`).
#[derive(Debug, Clone)]
pub struct PartialAdvance {
    /// `/Faktura/Fa/ZaliczkaCzesciowa[1]`.
    pub path: String,
    /// `P_6Z`, the date the payment was received.
    pub received: NaiveDate,
    /// `P_15Z`.
    pub amount: Decimal,
    /// `KursWalutyZW`.
    pub exchange_rate: Option<Decimal>,
}

/// One advance invoice a settlement cites (`FakturaZaliczkowa`).
#[derive(Debug, Clone)]
pub struct AdvanceInvoice<'a> {
    /// `/Faktura/Fa/FakturaZaliczkowa[1]`.
    pub path: String,
    /// `NrKSeFFaZaliczkowej`, when issued in KSeF.
    pub ksef_number: Option<&'a str>,
    /// `NrFaZaliczkowej`, when issued outside KSeF (`NrKSeFZN=1`).
    pub number: Option<&'a str>,
}

/// The advance facts of one invoice.
#[derive(Debug, Clone)]
pub struct Advance<'a> {
    /// `Zamowienie`.
    pub order: Option<Order<'a>>,
    /// `ZaliczkaCzesciowa`, in order.
    pub partial: Vec<PartialAdvance>,
    /// Σ `P_15Z`; `None` on overflow.
    pub partial_total: Option<Decimal>,
    /// `FakturaZaliczkowa`, in order.
    pub invoices: Vec<AdvanceInvoice<'a>>,
    /// `KursWalutyZ`.
    pub exchange_rate: Option<Decimal>,
}

impl<'a> Advance<'a> {
    /// The advance facts of `invoice`.
    pub fn of(invoice: &'a Faktura) -> Self {
        let fa = &invoice.fa;
        let order = fa.zamowienie.as_ref().map(|z| {
            let lines: Vec<OrderLine<'a>> = z
                .zamowienie_wiersz
                .iter()
                .enumerate()
                .map(|(index, row)| {
                    let (group, rate, percent) = if let Some(r) = &row.p_12z {
                        (
                            Some(RateGroup::of_rate(r)),
                            Some(rate_text(r)),
                            rate_percent(r),
                        )
                    } else if let Some(xii) = &row.p_12z_xii {
                        (Some(RateGroup::Oss), None, Some(xii.0.value()))
                    } else {
                        (None, None, None)
                    };
                    OrderLine {
                        index,
                        path: indexed("/Faktura/Fa/Zamowienie", "ZamowienieWiersz", index),
                        row,
                        number: row.nr_wiersza_zam.0,
                        group,
                        rate,
                        percent,
                        before: row.stan_przed_z.is_some(),
                    }
                })
                .collect();
            let lines_total = checked_sum(lines.iter().filter_map(|l| {
                let v = l
                    .net()
                    .unwrap_or_default()
                    .checked_add(l.vat().unwrap_or_default())?;
                Some(if l.before { -v } else { v })
            }));
            Order {
                value: z.wartosc_zamowienia.0.value(),
                lines,
                lines_total,
            }
        });
        let partial: Vec<PartialAdvance> = fa
            .zaliczka_czesciowa
            .iter()
            .enumerate()
            .map(|(i, z)| PartialAdvance {
                path: indexed("/Faktura/Fa", "ZaliczkaCzesciowa", i),
                received: z.p_6z.0.date(),
                amount: z.p_15z.0.value(),
                exchange_rate: z.kurs_waluty_zw.as_ref().map(|v| v.0.value()),
            })
            .collect();
        let partial_total = checked_sum(partial.iter().map(|p| p.amount));
        let invoices = fa
            .faktura_zaliczkowa
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let path = indexed("/Faktura/Fa", "FakturaZaliczkowa", i);
                match f {
                    FakturaFaFakturaZaliczkowaElementType::NrKSeFznGroup(g) => AdvanceInvoice {
                        path,
                        ksef_number: None,
                        number: Some(g.nr_fa_zaliczkowej.0.as_str()),
                    },
                    FakturaFaFakturaZaliczkowaElementType::NrKSeFFaZaliczkowej(n) => {
                        AdvanceInvoice {
                            path,
                            ksef_number: Some(n.0.as_str()),
                            number: None,
                        }
                    }
                }
            })
            .collect();
        Advance {
            order,
            partial,
            partial_total,
            invoices,
            exchange_rate: fa.kurs_waluty_z.as_ref().map(|v| v.0.value()),
        }
    }
}
