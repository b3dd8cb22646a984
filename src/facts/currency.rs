//! The currency context: `KodWaluty` and the exchange rates used, per group.

use rust_decimal::Decimal;

use crate::facts::rates::{RateGroup, Rates};
use crate::facts::xsd_value;
use crate::model::Faktura;

/// The currency facts of one invoice.
#[derive(Debug, Clone)]
pub struct Currency {
    /// `KodWaluty` as written (`PLN`, `EUR`).
    pub code: String,
    /// `KursWaluty` of the lines, per group: the distinct rates in order of
    /// appearance.
    pub line_rates: Vec<(RateGroup, Vec<Decimal>)>,
    /// True when any line gives `KursWaluty`.
    pub any_line_rate: bool,
    /// `KursWalutyZ` (advance invoices).
    pub advance_rate: Option<Decimal>,
    /// `KursWalutyZW` of the partial advances.
    pub partial_rates: Vec<Decimal>,
    /// `KursWalutyZK` (the rate before a correction of an advance).
    pub corrected_rate: Option<Decimal>,
    /// `KursUmowny` and `WalutaUmowna` of `WarunkiTransakcji`.
    pub contract: Option<(Decimal, String)>,
}

impl Currency {
    /// The currency facts of `invoice`, with the lines of `rates`.
    pub fn of(invoice: &Faktura, rates: &Rates<'_>) -> Self {
        let fa = &invoice.fa;
        let mut line_rates: Vec<(RateGroup, Vec<Decimal>)> = Vec::new();
        let mut any_line_rate = false;
        for line in &rates.lines {
            let Some(rate) = line.exchange_rate() else {
                continue;
            };
            any_line_rate = true;
            let Some(group) = line.group else { continue };
            match line_rates.iter_mut().find(|(g, _)| *g == group) {
                Some((_, v)) => {
                    if !v.contains(&rate) {
                        v.push(rate);
                    }
                }
                None => line_rates.push((group, vec![rate])),
            }
        }
        Currency {
            code: xsd_value(&fa.kod_waluty),
            line_rates,
            any_line_rate,
            advance_rate: fa.kurs_waluty_z.as_ref().map(|v| v.0.value()),
            partial_rates: fa
                .zaliczka_czesciowa
                .iter()
                .filter_map(|z| z.kurs_waluty_zw.as_ref().map(|v| v.0.value()))
                .collect(),
            corrected_rate: fa
                .przyczyna_korekty_group
                .as_ref()
                .and_then(|g| g.p_15zk_group.as_ref())
                .and_then(|g| g.kurs_waluty_zk.as_ref().map(|v| v.0.value())),
            contract: fa
                .warunki_transakcji
                .as_ref()
                .and_then(|w| w.kurs_umowny_group.as_ref())
                .map(|k| (k.kurs_umowny.0.value(), xsd_value(&k.waluta_umowna))),
        }
    }

    /// True when the invoice is in złoty.
    pub fn is_pln(&self) -> bool {
        self.code == "PLN"
    }

    /// The exchange rates of the lines of `group`.
    pub fn rates_of(&self, group: RateGroup) -> &[Decimal] {
        self.line_rates
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// True when any exchange rate is given anywhere on the invoice.
    pub fn any_rate(&self) -> bool {
        self.any_line_rate
            || self.advance_rate.is_some()
            || !self.partial_rates.is_empty()
            || self.corrected_rate.is_some()
    }
}
