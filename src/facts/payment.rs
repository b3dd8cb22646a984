//! The payment data (`Platnosc`): what was paid, when and how, and the
//! payment terms.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::facts::money::checked_sum;
use crate::facts::{child, indexed, indexed_child, xsd_value};
use crate::model::{
    Faktura, FakturaFaPlatnoscElementType, FakturaFaPlatnoscFormaPlatnosciChoice,
    FakturaFaPlatnoscZaplaconoChoice, TWybor12Type,
};

/// A dated payment: in full (`DataZaplaty`) or in part
/// (`DataZaplatyCzesciowej`).
#[derive(Debug, Clone)]
pub struct Paid {
    /// The path of the date element.
    pub path: String,
    /// The date.
    pub date: NaiveDate,
    /// The amount, for a partial payment.
    pub amount: Option<Decimal>,
}

/// How much was paid by the time of issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No payment information.
    Unknown,
    /// `Zaplacono=1`: paid in full.
    Paid,
    /// `ZnacznikZaplatyCzesciowej=1`: partly paid.
    PartlyPaid,
    /// `ZnacznikZaplatyCzesciowej=2`: paid in full in two or more parts.
    PaidInParts,
}

/// One payment term (`TerminPlatnosci`).
#[derive(Debug, Clone)]
pub struct Term {
    /// `/Faktura/Fa/Platnosc/TerminPlatnosci[1]`.
    pub path: String,
    /// `Termin`.
    pub due: Option<NaiveDate>,
}

/// The payment facts of one invoice.
#[derive(Debug, Clone)]
pub struct Payment<'a> {
    /// `Platnosc`, when present.
    pub element: Option<&'a FakturaFaPlatnoscElementType>,
    /// What was paid.
    pub status: Status,
    /// The payments with their dates (one for `Zaplacono`, each
    /// `ZaplataCzesciowa` otherwise).
    pub payments: Vec<Paid>,
    /// Σ `KwotaZaplatyCzesciowej`; `None` on overflow.
    pub partial_total: Option<Decimal>,
    /// The payment terms.
    pub terms: Vec<Term>,
    /// `FormaPlatnosci` as written (1–7), when given.
    pub form: Option<String>,
    /// True when any `RachunekBankowy` is given.
    pub has_account: bool,
}

impl<'a> Payment<'a> {
    /// The payment facts of `invoice`.
    pub fn of(invoice: &'a Faktura) -> Self {
        const BASE: &str = "/Faktura/Fa/Platnosc";
        let Some(p) = invoice.fa.platnosc.as_ref() else {
            return Payment {
                element: None,
                status: Status::Unknown,
                payments: Vec::new(),
                partial_total: None,
                terms: Vec::new(),
                form: None,
                has_account: false,
            };
        };
        let mut payments = Vec::new();
        let status = match &p.zaplacono_choice {
            None => Status::Unknown,
            Some(FakturaFaPlatnoscZaplaconoChoice::ZaplaconoGroup2(g)) => {
                payments.push(Paid {
                    path: child(BASE, "DataZaplaty"),
                    date: g.data_zaplaty.0.date(),
                    amount: None,
                });
                Status::Paid
            }
            Some(FakturaFaPlatnoscZaplaconoChoice::ZnacznikZaplatyCzesciowejGroup(g)) => {
                for (i, z) in g.zaplata_czesciowa.iter().enumerate() {
                    payments.push(Paid {
                        path: indexed_child(BASE, "ZaplataCzesciowa", i, "DataZaplatyCzesciowej"),
                        date: z.data_zaplaty_czesciowej.0.date(),
                        amount: Some(z.kwota_zaplaty_czesciowej.0.value()),
                    });
                }
                match g.znacznik_zaplaty_czesciowej {
                    TWybor12Type::_1 => Status::PartlyPaid,
                    TWybor12Type::_2 => Status::PaidInParts,
                }
            }
        };
        let partial_total = checked_sum(payments.iter().filter_map(|p| p.amount));
        let terms = p
            .termin_platnosci
            .iter()
            .enumerate()
            .map(|(i, t)| Term {
                path: indexed(BASE, "TerminPlatnosci", i),
                due: t
                    .content
                    .as_ref()
                    .and_then(|c| c.termin.as_ref())
                    .map(|d| d.0.date()),
            })
            .collect();
        let form = match &p.forma_platnosci_choice {
            Some(FakturaFaPlatnoscFormaPlatnosciChoice::FormaPlatnosci(f)) => Some(xsd_value(f)),
            _ => None,
        };
        Payment {
            element: Some(p),
            status,
            payments,
            partial_total,
            terms,
            form,
            has_account: !p.rachunek_bankowy.is_empty(),
        }
    }
}
