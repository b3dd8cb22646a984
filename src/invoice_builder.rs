//! [`InvoiceBuilder`]: an FA(3) invoice from the data an ERP system holds —
//! the parties, the lines, the payment terms — with every amount the rules
//! check computed for it, and a refusal, with the findings, when the result
//! would be rejected.
//!
//! What the builder computes, with the derived facts the rules use
//! ([`crate::facts::rates`], [`crate::facts::money`]), in exact
//! `rust_decimal` arithmetic with every operation checked:
//!
//! - each line's value: `P_11` = `P_8B` × `P_9A` − `P_10` (net method) or
//!   `P_11A` = `P_8B` × `P_9B` − `P_10` (gross method), rounded to the grosz
//!   half away from zero;
//! - the summary of each rate group (the C.9 mapping of `P_12` to
//!   `P_13_x`/`P_14_x`, [`RateGroup::of_rate`]): net method, `P_13_x` =
//!   Σ `P_11` and `P_14_x` = `P_13_x` × r / 100; gross method, the tax is
//!   Σ `P_11A` × r / (100 + r) and `P_13_x` the rest; in a foreign currency
//!   `P_14_xW` = `P_14_x` × the exchange rate, given on each line as
//!   `KursWaluty`;
//! - `P_15`, the sum of every `P_13_x` and `P_14_x`;
//! - the header (`KodFormularza`, `WariantFormularza`, `DataWytworzeniaFa`,
//!   `SystemInfo`) and `Adnotacje`: `P_18=1` for `oo` and `np II` lines,
//!   `Zwolnienie/P_19` with its basis for `zw` lines, `P_18A=1` (split
//!   payment) for an Annex 15 line when `P_15` is above 15,000 PLN, the
//!   other annotations at their "does not apply" values.
//!
//! [`InvoiceBuilder::build`] then writes the invoice as XML, checks it like
//! [`crate::validate`] with the caller's [`Settings`] and returns it only when
//! no finding is an error (or, after [`InvoiceBuilder::deny_warnings`], a
//! warning; an invoice without lines is always refused). Otherwise
//! [`BuildError::Rejected`] carries the findings, located in the XML the
//! builder wrote.
//!
//! ```
//! use fa3::{Address, Buyer, InvoiceBuilder, Line, Payment, Seller, Settings};
//! use fa3::model::{TFormaPlatnosciType, TStawkaPodatkuType};
//! use rust_decimal::Decimal;
//!
//! let now = "2026-11-21T12:00:00Z".parse().unwrap();
//! let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
//! let invoice = InvoiceBuilder::new("FV/2026/11/001", day("2026-11-21"))
//!     .place("Warszawa")
//!     .seller(Seller::new(
//!         "5265877635",
//!         "ABC AGD sp. z o.o.",
//!         Address::pl("ul. Kwiatowa 1 m. 2", "00-001 Warszawa"),
//!     ))
//!     .buyer(Buyer::nip(
//!         "7335255579",
//!         "F.H.U. Jan Kowalski",
//!         Address::pl("ul. Polna 1", "00-001 Warszawa"),
//!     ))
//!     .line(
//!         Line::new("lodówka Zimnotech mk1", Decimal::ONE, Decimal::new(162601, 2), TStawkaPodatkuType::_23)
//!             .unit("szt."),
//!     )
//!     .line(
//!         Line::new("wniesienie sprzętu", Decimal::ONE, Decimal::new(4065, 2), TStawkaPodatkuType::_23)
//!             .unit("usł."),
//!     )
//!     .payment(
//!         Payment::due(day("2026-12-05"))
//!             .method(TFormaPlatnosciType::_6)
//!             .account("PL61109010140000071219812874"),
//!     )
//!     .build(&Settings::at(now))
//!     .unwrap();
//!
//! // 1626.01 + 40.65 = 1666.66 net, 23 % of it 383.33, 2049.99 in all.
//! let group = invoice.fa.p_13_1_group.as_ref().unwrap();
//! assert_eq!(group.p_13_1.0.value(), Decimal::new(166666, 2));
//! assert_eq!(group.p_14_1.0.value(), Decimal::new(38333, 2));
//! assert_eq!(invoice.fa.p_15.0.value(), Decimal::new(204999, 2));
//!
//! let xml = fa3::to_xml(&invoice).unwrap();
//! assert!(xml.contains("<P_15>2049.99</P_15>"));
//! # let out = std::env::temp_dir().join(format!("fa3-builder-doc-{}.xml", std::process::id()));
//! std::fs::write(&out, &xml).unwrap();
//! # std::fs::remove_file(&out).unwrap();
//! ```

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use xsd_parser_types::quick_xml::{DeserializeBytes, DeserializeHelper};

use crate::check::check;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::indexed;
use crate::facts::money::round2;
use crate::facts::rates::{RateGroup, rate_percent};
use crate::model::values::{Date, DateTime as XsdDateTime, Decimal as XsdDecimal};
use crate::model::{
    Faktura, FakturaFaAdnotacjeElementType, FakturaFaAdnotacjeNoweSrodkiTransportuElementType,
    FakturaFaAdnotacjePMarzyElementType, FakturaFaAdnotacjeZwolnienieElementType,
    FakturaFaAdnotacjeZwolnienieP19AChoice, FakturaFaAdnotacjeZwolnienieP19Group,
    FakturaFaElementType, FakturaFaFaWierszElementType, FakturaFaP6Choice, FakturaFaP131Group,
    FakturaFaP132Group, FakturaFaP133Group, FakturaFaP134Group, FakturaFaPlatnoscElementType,
    FakturaFaPlatnoscFormaPlatnosciChoice, FakturaFaPlatnoscTerminPlatnosciElementType,
    FakturaFaPlatnoscTerminPlatnosciElementTypeContent, FakturaFaPlatnoscZaplaconoChoice,
    FakturaFaPlatnoscZaplaconoGroup2, FakturaPodmiot1DaneKontaktoweElementType,
    FakturaPodmiot1DaneKontaktoweElementTypeContent, FakturaPodmiot1ElementType,
    FakturaPodmiot2DaneKontaktoweElementType, FakturaPodmiot2DaneKontaktoweElementTypeContent,
    FakturaPodmiot2ElementType, FakturaPodmiot2GvElementType, FakturaPodmiot2JstElementType,
    TAdresEmailType, TAdresType, TDataTType, TDataType, TFormaPlatnosciType, TIlosciType,
    TKodFormularzaType, TKodKrajuType, TKodWalutyType, TKodyKrajowUeType, TKwotowy2Type,
    TKwotowyType, TNaglowekDataWytworzeniaFaElementType, TNaglowekKodFormularzaElementType,
    TNaglowekType, TNaglowekWariantFormularzaElementType, TNaturalnyType, TNrNipType, TNrRbType,
    TNrVatUeType, TNumerTelefonuType, TPodmiot1Type, TPodmiot2KodKrajuGroup, TPodmiot2KodUeGroup,
    TPodmiot2NazwaGroup, TPodmiot2NipChoice, TPodmiot2NrIdElementType, TPodmiot2Type,
    TRachunekBankowyNrRbGroup2, TRachunekBankowyType, TRodzajFakturyType, TStawkaPodatkuType,
    TWybor1Type, TWybor12Type, TZnakowy512Type, TZnakowyType,
};
use crate::parse::to_xml;
use crate::rules::advances::invoice_without_lines::INVOICE_WITHOUT_LINES;
use crate::rules::xsd::digits::DIGITS;
use crate::settings::Settings;

/// `kodSystemowy` of the FA(3) form.
const FORM_SYSTEM_CODE: &str = "FA (3)";
/// `wersjaSchemy` of the FA(3) form.
const FORM_SCHEMA_VERSION: &str = "1-0E";
/// `SystemInfo` when the caller names no system.
const DEFAULT_SYSTEM_INFO: &str = "fa3 InvoiceBuilder";
/// The amount in złoty above which Annex 15 goods need the split payment.
const SPLIT_PAYMENT_THRESHOLD: i64 = 15_000;

/// The value of a generated enumeration from its code as written in the XML
/// (`"PL"` → [`TKodKrajuType::Pl`], `"EUR"` → [`TKodWalutyType::Eur`],
/// `"23"` → [`TStawkaPodatkuType::_23`]); `None` for a code the schema does
/// not list.
///
/// ```
/// use fa3::invoice_builder::code;
/// use fa3::model::{TKodWalutyType, TStawkaPodatkuType};
/// assert_eq!(code::<TKodWalutyType>("EUR"), Some(TKodWalutyType::Eur));
/// assert_eq!(code::<TStawkaPodatkuType>("np II"), Some(TStawkaPodatkuType::NpIi));
/// assert_eq!(code::<TKodWalutyType>("XYZ"), None);
/// ```
pub fn code<T: DeserializeBytes>(value: &str) -> Option<T> {
    T::deserialize_bytes(&mut DeserializeHelper::default(), value.as_bytes()).ok()
}

/// A postal address (`TAdres`).
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    /// `KodKraju`.
    pub country: TKodKrajuType,
    /// `AdresL1`: street and number, or the whole address.
    pub line1: String,
    /// `AdresL2`: postcode and town.
    pub line2: Option<String>,
}

impl Address {
    /// An address in Poland in two lines.
    pub fn pl(line1: impl Into<String>, line2: impl Into<String>) -> Self {
        Self {
            country: TKodKrajuType::Pl,
            line1: line1.into(),
            line2: Some(line2.into()),
        }
    }

    /// An address in `country`, in one line.
    pub fn new(country: TKodKrajuType, line1: impl Into<String>) -> Self {
        Self {
            country,
            line1: line1.into(),
            line2: None,
        }
    }

    /// Sets the second line.
    #[must_use]
    pub fn line2(mut self, line2: impl Into<String>) -> Self {
        self.line2 = Some(line2.into());
        self
    }

    fn model(&self) -> TAdresType {
        TAdresType {
            kod_kraju: self.country.clone(),
            adres_l1: TZnakowy512Type(self.line1.clone()),
            adres_l2: self.line2.clone().map(TZnakowy512Type),
            gln: None,
        }
    }
}

/// E-mail and phone of a party (`DaneKontaktowe`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    /// `Email`.
    pub email: Option<String>,
    /// `Telefon`.
    pub phone: Option<String>,
}

impl Contact {
    fn is_empty(&self) -> bool {
        self.email.is_none() && self.phone.is_none()
    }
}

/// The seller (`Podmiot1`).
#[derive(Debug, Clone, PartialEq)]
pub struct Seller {
    /// `NIP`: ten digits.
    pub nip: String,
    /// `Nazwa`.
    pub name: String,
    /// `Adres`.
    pub address: Address,
    /// `DaneKontaktowe`.
    pub contact: Contact,
}

impl Seller {
    /// A seller with its NIP, name and address.
    pub fn new(nip: impl Into<String>, name: impl Into<String>, address: Address) -> Self {
        Self {
            nip: nip.into(),
            name: name.into(),
            address,
            contact: Contact::default(),
        }
    }

    /// Sets the e-mail address.
    #[must_use]
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.contact.email = Some(email.into());
        self
    }

    /// Sets the phone number.
    #[must_use]
    pub fn phone(mut self, phone: impl Into<String>) -> Self {
        self.contact.phone = Some(phone.into());
        self
    }

    fn model(&self) -> FakturaPodmiot1ElementType {
        let contact = &self.contact;
        FakturaPodmiot1ElementType {
            prefiks_podatnika: None,
            nr_eori: None,
            dane_identyfikacyjne: TPodmiot1Type {
                nip: TNrNipType(self.nip.clone()),
                nazwa: TZnakowy512Type(self.name.clone()),
            },
            adres: self.address.model(),
            adres_koresp: None,
            dane_kontaktowe: if contact.is_empty() {
                Vec::new()
            } else {
                vec![FakturaPodmiot1DaneKontaktoweElementType {
                    content: Some(FakturaPodmiot1DaneKontaktoweElementTypeContent {
                        email: contact.email.clone().map(TAdresEmailType),
                        telefon: contact.phone.clone().map(TNumerTelefonuType),
                    }),
                }]
            },
            status_info_podatnika: None,
        }
    }
}

/// How the buyer is identified (`Podmiot2/DaneIdentyfikacyjne`).
#[derive(Debug, Clone, PartialEq)]
pub enum BuyerId {
    /// A Polish NIP (`NIP`).
    Nip(String),
    /// An EU VAT number (`KodUE` + `NrVatUE`, the number without its
    /// country prefix).
    EuVat {
        /// `KodUE`.
        country: TKodyKrajowUeType,
        /// `NrVatUE`.
        number: String,
    },
    /// Another tax identifier (`KodKraju` + `NrID`).
    Foreign {
        /// `KodKraju`, when known.
        country: Option<TKodKrajuType>,
        /// `NrID`.
        id: String,
    },
    /// No identifier (`BrakID=1`): a consumer.
    None,
}

/// The buyer (`Podmiot2`).
#[derive(Debug, Clone, PartialEq)]
pub struct Buyer {
    /// The identifier.
    pub id: BuyerId,
    /// `Nazwa`.
    pub name: Option<String>,
    /// `Adres`.
    pub address: Option<Address>,
    /// `DaneKontaktowe`.
    pub contact: Contact,
    /// `NrKlienta`.
    pub customer_number: Option<String>,
    /// `JST=1`: the buyer is a unit of local government.
    pub jst: bool,
    /// `GV=1`: the buyer is a member of a VAT group.
    pub gv: bool,
}

impl Buyer {
    /// A buyer with `id`, `name` and `address`.
    pub fn new(id: BuyerId, name: impl Into<String>, address: Address) -> Self {
        Self {
            id,
            name: Some(name.into()),
            address: Some(address),
            contact: Contact::default(),
            customer_number: None,
            jst: false,
            gv: false,
        }
    }

    /// A buyer identified by a Polish NIP.
    pub fn nip(nip: impl Into<String>, name: impl Into<String>, address: Address) -> Self {
        Self::new(BuyerId::Nip(nip.into()), name, address)
    }

    /// Sets the e-mail address.
    #[must_use]
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.contact.email = Some(email.into());
        self
    }

    /// Sets the phone number.
    #[must_use]
    pub fn phone(mut self, phone: impl Into<String>) -> Self {
        self.contact.phone = Some(phone.into());
        self
    }

    /// Sets the customer number (`NrKlienta`).
    #[must_use]
    pub fn customer_number(mut self, number: impl Into<String>) -> Self {
        self.customer_number = Some(number.into());
        self
    }

    fn model(&self) -> FakturaPodmiot2ElementType {
        let nip_choice = match &self.id {
            BuyerId::Nip(nip) => TPodmiot2NipChoice::Nip(TNrNipType(nip.clone())),
            BuyerId::EuVat { country, number } => {
                TPodmiot2NipChoice::KodUeGroup(TPodmiot2KodUeGroup {
                    kod_ue: country.clone(),
                    nr_vat_ue: TNrVatUeType(number.clone()),
                })
            }
            BuyerId::Foreign { country, id } => {
                TPodmiot2NipChoice::KodKrajuGroup(TPodmiot2KodKrajuGroup {
                    kod_kraju: country.clone(),
                    nr_id: TPodmiot2NrIdElementType(id.clone()),
                })
            }
            BuyerId::None => TPodmiot2NipChoice::BrakId(TWybor1Type::_1),
        };
        let contact = &self.contact;
        FakturaPodmiot2ElementType {
            nr_eori: None,
            dane_identyfikacyjne: TPodmiot2Type {
                nip_choice,
                nazwa_group: self.name.clone().map(|n| TPodmiot2NazwaGroup {
                    nazwa: TZnakowy512Type(n),
                }),
            },
            adres: self.address.as_ref().map(Address::model),
            adres_koresp: None,
            dane_kontaktowe: if contact.is_empty() {
                Vec::new()
            } else {
                vec![FakturaPodmiot2DaneKontaktoweElementType {
                    content: Some(FakturaPodmiot2DaneKontaktoweElementTypeContent {
                        email: contact.email.clone().map(TAdresEmailType),
                        telefon: contact.phone.clone().map(TNumerTelefonuType),
                    }),
                }]
            },
            nr_klienta: self.customer_number.clone().map(TZnakowyType),
            id_nabywcy: None,
            jst: if self.jst {
                FakturaPodmiot2JstElementType::_1
            } else {
                FakturaPodmiot2JstElementType::_2
            },
            gv: if self.gv {
                FakturaPodmiot2GvElementType::_1
            } else {
                FakturaPodmiot2GvElementType::_2
            },
        }
    }
}

/// How the lines give their prices (art. 106e ust. 7–8 of the VAT Act).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PriceMethod {
    /// Unit prices are net (`P_9A`); each line's value is `P_11`.
    #[default]
    Net,
    /// Unit prices are gross (`P_9B`); each line's value is `P_11A`.
    Gross,
}

/// One invoice line (`FaWiersz`).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// `P_7`: the name of the goods or service.
    pub name: String,
    /// `P_8A`: the unit of measure.
    pub unit: Option<String>,
    /// `P_8B`: the quantity.
    pub quantity: Decimal,
    /// The unit price: `P_9A` (net) or `P_9B` (gross), after
    /// [`InvoiceBuilder::prices`].
    pub unit_price: Decimal,
    /// `P_10`: a discount on the whole line.
    pub discount: Option<Decimal>,
    /// `P_12`: the tax rate.
    pub rate: TStawkaPodatkuType,
    /// `Indeks`: the seller's item code.
    pub index: Option<String>,
    /// `P_12_Zal_15=1`: goods or services of Annex 15 of the VAT Act.
    pub annex_15: bool,
}

impl Line {
    /// A line of `quantity` × `unit_price` at `rate`.
    pub fn new(
        name: impl Into<String>,
        quantity: Decimal,
        unit_price: Decimal,
        rate: TStawkaPodatkuType,
    ) -> Self {
        Self {
            name: name.into(),
            unit: None,
            quantity,
            unit_price,
            discount: None,
            rate,
            index: None,
            annex_15: false,
        }
    }

    /// Sets the unit of measure (`P_8A`).
    #[must_use]
    pub fn unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }

    /// Sets a discount on the whole line (`P_10`).
    #[must_use]
    pub fn discount(mut self, discount: Decimal) -> Self {
        self.discount = Some(discount);
        self
    }

    /// Sets the seller's item code (`Indeks`).
    #[must_use]
    pub fn index(mut self, index: impl Into<String>) -> Self {
        self.index = Some(index.into());
        self
    }

    /// Marks the line as goods or services of Annex 15 (`P_12_Zal_15=1`).
    #[must_use]
    pub fn annex_15(mut self) -> Self {
        self.annex_15 = true;
        self
    }
}

/// The currency of the invoice (`KodWaluty`).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Currency {
    /// Złoty.
    #[default]
    Pln,
    /// A foreign currency with the exchange rate to złoty (art. 31a of the
    /// VAT Act), written as `KursWaluty` on every line.
    Foreign {
        /// `KodWaluty`.
        code: TKodWalutyType,
        /// PLN per unit of the currency.
        rate: Decimal,
    },
}

/// The legal basis of a VAT exemption, for `zw` lines (`Zwolnienie`).
#[derive(Debug, Clone, PartialEq)]
pub enum Exemption {
    /// `P_19A`: a provision of the VAT Act or an act issued under it.
    Act(String),
    /// `P_19B`: a provision of Directive 2006/112/EC.
    Directive(String),
    /// `P_19C`: another legal basis.
    Other(String),
}

/// The payment terms (`Platnosc`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Payment {
    /// `TerminPlatnosci/Termin`: the due date.
    pub due: Option<NaiveDate>,
    /// `FormaPlatnosci`: 1 cash, 2 card, 3 voucher, 4 cheque, 5 credit,
    /// 6 transfer, 7 mobile.
    pub method: Option<TFormaPlatnosciType>,
    /// `RachunekBankowy/NrRB`: the accounts to pay to.
    pub accounts: Vec<String>,
    /// `Zaplacono=1` with `DataZaplaty`: already paid on this date.
    pub paid_on: Option<NaiveDate>,
}

impl Payment {
    /// Payment due on `date`.
    pub fn due(date: NaiveDate) -> Self {
        Self {
            due: Some(date),
            ..Self::default()
        }
    }

    /// Already paid on `date`.
    pub fn paid(date: NaiveDate) -> Self {
        Self {
            paid_on: Some(date),
            ..Self::default()
        }
    }

    /// Sets the form of payment.
    #[must_use]
    pub fn method(mut self, method: TFormaPlatnosciType) -> Self {
        self.method = Some(method);
        self
    }

    /// Adds a bank account (an IBAN, or a Polish NRB of 26 digits).
    #[must_use]
    pub fn account(mut self, account: impl Into<String>) -> Self {
        self.accounts.push(account.into());
        self
    }

    fn model(&self) -> FakturaFaPlatnoscElementType {
        FakturaFaPlatnoscElementType {
            zaplacono_choice: self.paid_on.map(|d| {
                FakturaFaPlatnoscZaplaconoChoice::ZaplaconoGroup2(
                    FakturaFaPlatnoscZaplaconoGroup2 {
                        zaplacono: TWybor1Type::_1,
                        data_zaplaty: TDataType(Date::new(d)),
                    },
                )
            }),
            termin_platnosci: self
                .due
                .map(|d| FakturaFaPlatnoscTerminPlatnosciElementType {
                    content: Some(FakturaFaPlatnoscTerminPlatnosciElementTypeContent {
                        termin: Some(TDataType(Date::new(d))),
                        termin_opis: None,
                    }),
                })
                .into_iter()
                .collect(),
            forma_platnosci_choice: self
                .method
                .clone()
                .map(FakturaFaPlatnoscFormaPlatnosciChoice::FormaPlatnosci),
            rachunek_bankowy: self
                .accounts
                .iter()
                .map(|a| TRachunekBankowyType {
                    nr_rb_group_2: TRachunekBankowyNrRbGroup2 {
                        nr_rb: TNrRbType(a.clone()),
                        swift: None,
                    },
                    rachunek_wlasny_banku: None,
                    nazwa_banku: None,
                    opis_rachunku: None,
                })
                .collect(),
            rachunek_bankowy_faktora: Vec::new(),
            skonto: None,
            link_do_platnosci: None,
            ip_ksef: None,
        }
    }
}

/// Why the builder refused.
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// The invoice it would build is rejected.
    Rejected {
        /// The findings that made it refuse: every error (and, after
        /// [`InvoiceBuilder::deny_warnings`], every warning), with their
        /// codes, paths and, when the invoice could be written, line:column
        /// in `xml`.
        diagnostics: Vec<Diagnostic>,
        /// The XML the findings are located in; empty when an amount could
        /// not be computed, so that nothing was written.
        xml: String,
    },
    /// The invoice could not be written as XML.
    Write(crate::Error),
}

impl BuildError {
    /// The findings that made the builder refuse (none for
    /// [`BuildError::Write`]).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            BuildError::Rejected { diagnostics, .. } => diagnostics,
            BuildError::Write(_) => &[],
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Rejected { diagnostics, .. } => {
                write!(f, "the invoice is rejected:")?;
                for d in diagnostics {
                    write!(f, "\n  {d}")?;
                }
                Ok(())
            }
            BuildError::Write(e) => write!(f, "the invoice could not be written: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// Builds an FA(3) invoice of kind `VAT` from ERP data; see the
/// [module documentation](self).
#[derive(Debug, Clone)]
pub struct InvoiceBuilder {
    number: String,
    issued: NaiveDate,
    place: Option<String>,
    sale_date: Option<NaiveDate>,
    created: Option<DateTime<Utc>>,
    system_info: String,
    seller: Option<Seller>,
    buyer: Option<Buyer>,
    lines: Vec<Line>,
    method: PriceMethod,
    currency: Currency,
    exemption: Option<Exemption>,
    payment: Option<Payment>,
    deny_warnings: bool,
}

/// The summary of one rate group.
struct GroupSum {
    group: RateGroup,
    net: Decimal,
    tax: Decimal,
}

/// An amount that could not be computed: its path and what overflowed.
struct Overflow {
    path: String,
    what: String,
}

impl InvoiceBuilder {
    /// An invoice numbered `number` (`P_2`), issued on `issued` (`P_1`).
    pub fn new(number: impl Into<String>, issued: NaiveDate) -> Self {
        Self {
            number: number.into(),
            issued,
            place: None,
            sale_date: None,
            created: None,
            system_info: DEFAULT_SYSTEM_INFO.to_string(),
            seller: None,
            buyer: None,
            lines: Vec::new(),
            method: PriceMethod::Net,
            currency: Currency::Pln,
            exemption: None,
            payment: None,
            deny_warnings: false,
        }
    }

    /// Sets the place of issue (`P_1M`).
    #[must_use]
    pub fn place(mut self, place: impl Into<String>) -> Self {
        self.place = Some(place.into());
        self
    }

    /// Sets the date of the supply or of the payment received (`P_6`),
    /// when it differs from the issue date.
    #[must_use]
    pub fn sale_date(mut self, date: NaiveDate) -> Self {
        self.sale_date = Some(date);
        self
    }

    /// Sets the moment the invoice was produced (`DataWytworzeniaFa`);
    /// by default `Settings::now` of [`build`](Self::build), or the issue
    /// date at midnight UTC when that is not given.
    #[must_use]
    pub fn created_at(mut self, at: DateTime<Utc>) -> Self {
        self.created = Some(at);
        self
    }

    /// Names the system that produced the invoice (`SystemInfo`).
    #[must_use]
    pub fn system_info(mut self, name: impl Into<String>) -> Self {
        self.system_info = name.into();
        self
    }

    /// Sets the seller.
    #[must_use]
    pub fn seller(mut self, seller: Seller) -> Self {
        self.seller = Some(seller);
        self
    }

    /// Sets the buyer.
    #[must_use]
    pub fn buyer(mut self, buyer: Buyer) -> Self {
        self.buyer = Some(buyer);
        self
    }

    /// Adds a line; lines are numbered in the order added.
    #[must_use]
    pub fn line(mut self, line: Line) -> Self {
        self.lines.push(line);
        self
    }

    /// Adds lines.
    #[must_use]
    pub fn lines(mut self, lines: impl IntoIterator<Item = Line>) -> Self {
        self.lines.extend(lines);
        self
    }

    /// Sets whether unit prices are net (the default) or gross.
    #[must_use]
    pub fn prices(mut self, method: PriceMethod) -> Self {
        self.method = method;
        self
    }

    /// Sets the currency (złoty by default).
    #[must_use]
    pub fn currency(mut self, currency: Currency) -> Self {
        self.currency = currency;
        self
    }

    /// Sets the legal basis of the exemption of `zw` lines.
    #[must_use]
    pub fn exemption(mut self, basis: Exemption) -> Self {
        self.exemption = Some(basis);
        self
    }

    /// Sets the payment terms.
    #[must_use]
    pub fn payment(mut self, payment: Payment) -> Self {
        self.payment = Some(payment);
        self
    }

    /// Refuses warnings as well as errors.
    #[must_use]
    pub fn deny_warnings(mut self) -> Self {
        self.deny_warnings = true;
        self
    }

    /// Computes the amounts, builds the invoice, writes it as XML and checks
    /// it with `settings`; returns it when no finding is an error (nor, after
    /// [`deny_warnings`](Self::deny_warnings), a warning). An invoice
    /// without lines is always refused, with the warning FA3-ZAL-010: there
    /// is nothing to compute its amounts from.
    pub fn build(&self, settings: &Settings) -> Result<Faktura, BuildError> {
        let invoice = self.model(settings).map_err(|o| BuildError::Rejected {
            diagnostics: vec![
                DIGITS
                    .diagnostic(format!(
                        "{} cannot be computed: {} overflows; the value is far beyond the 18 digits an amount may have",
                        o.path.rsplit('/').next().unwrap_or_default(),
                        o.what
                    ))
                    .with_path(o.path)
                    .with_help("check the quantities and the unit prices of the lines"),
            ],
            xml: String::new(),
        })?;
        let xml = to_xml(&invoice).map_err(BuildError::Write)?;
        let report = check(xml.as_bytes(), settings).report;
        let refused: Vec<Diagnostic> = report
            .diagnostics
            .into_iter()
            .filter(|d| {
                d.severity == Severity::Error
                    || (self.deny_warnings && d.severity == Severity::Warning)
                    || d.code == INVOICE_WITHOUT_LINES.meta.code
            })
            .collect();
        if refused.is_empty() {
            Ok(invoice)
        } else {
            Err(BuildError::Rejected {
                diagnostics: refused,
                xml,
            })
        }
    }

    /// The invoice with every amount computed, not yet checked.
    fn model(&self, settings: &Settings) -> Result<Faktura, Overflow> {
        let (rows, sums) = self.amounts()?;
        let mut fa = self.fa(rows, &sums)?;
        let created = self
            .created
            .or(settings.now)
            .unwrap_or_else(|| self.issued.and_time(NaiveTime::MIN).and_utc());
        let seller = self
            .seller
            .clone()
            .unwrap_or_else(|| Seller::new(String::new(), String::new(), Address::pl("", "")));
        let buyer = self.buyer.clone().unwrap_or(Buyer {
            id: BuyerId::None,
            name: None,
            address: None,
            contact: Contact::default(),
            customer_number: None,
            jst: false,
            gv: false,
        });
        fa.adnotacje = self.annotations(&buyer, fa.p_15.0.value())?;
        Ok(Faktura {
            naglowek: TNaglowekType {
                kod_formularza: TNaglowekKodFormularzaElementType {
                    kod_systemowy: FORM_SYSTEM_CODE.to_string(),
                    wersja_schemy: FORM_SCHEMA_VERSION.to_string(),
                    content: TKodFormularzaType::Fa,
                },
                wariant_formularza: TNaglowekWariantFormularzaElementType::_3,
                data_wytworzenia_fa: TNaglowekDataWytworzeniaFaElementType(XsdDateTime::from_utc(
                    created,
                )),
                system_info: Some(TZnakowyType(self.system_info.clone())),
            },
            podmiot1: {
                let mut p = seller.model();
                // An intra-Community supply (`0 WDT`) and services taxed where
                // the buyer is (`np II`) need the seller's PL VAT number.
                if self.has_rate(&[TStawkaPodatkuType::_0Wdt, TStawkaPodatkuType::NpIi]) {
                    p.prefiks_podatnika = Some(TKodyKrajowUeType::Pl);
                }
                p
            },
            podmiot2: buyer.model(),
            podmiot3: Vec::new(),
            podmiot_upowazniony: None,
            fa,
            stopka: None,
            zalacznik: None,
        })
    }

    /// The lines with their values, and the sums of each rate group in the
    /// order of the summary fields.
    fn amounts(&self) -> Result<(Vec<FakturaFaFaWierszElementType>, Vec<GroupSum>), Overflow> {
        let gross = self.method == PriceMethod::Gross;
        let exchange_rate = match &self.currency {
            Currency::Pln => None,
            Currency::Foreign { rate, .. } => Some(*rate),
        };
        let mut rows = Vec::with_capacity(self.lines.len());
        let mut values: Vec<(RateGroup, Decimal)> = Vec::with_capacity(self.lines.len());
        for (i, line) in self.lines.iter().enumerate() {
            let field = if gross { "P_11A" } else { "P_11" };
            let path = format!("{}/{field}", indexed("/Faktura/Fa", "FaWiersz", i));
            let overflow = |what: &str| Overflow {
                path: path.clone(),
                what: what.to_string(),
            };
            let value = line
                .quantity
                .checked_mul(line.unit_price)
                .ok_or_else(|| overflow("P_8B × the unit price"))
                .map(round2)?
                .checked_sub(line.discount.unwrap_or_default())
                .ok_or_else(|| overflow("the value less P_10"))?;
            values.push((RateGroup::of_rate(&line.rate), value));
            let price = Some(TKwotowy2Type(XsdDecimal::new(line.unit_price)));
            let amount = Some(TKwotowyType(XsdDecimal::new(value)));
            rows.push(FakturaFaFaWierszElementType {
                nr_wiersza_fa: TNaturalnyType(i + 1),
                uu_id: None,
                p_6a: None,
                p_7: Some(TZnakowy512Type(line.name.clone())),
                indeks: line.index.clone().map(crate::model::TZnakowy50Type),
                gtin: None,
                pkwiu: None,
                cn: None,
                pkob: None,
                p_8a: line.unit.clone().map(TZnakowyType),
                p_8b: Some(TIlosciType(XsdDecimal::new(line.quantity))),
                p_9a: if gross { None } else { price.clone() },
                p_9b: if gross { price } else { None },
                p_10: line.discount.map(|d| TKwotowy2Type(XsdDecimal::new(d))),
                p_11: if gross { None } else { amount.clone() },
                p_11a: if gross { amount } else { None },
                p_11_vat: None,
                p_12: Some(line.rate.clone()),
                p_12_xii: None,
                p_12_zal_15: line.annex_15.then_some(TWybor1Type::_1),
                kwota_akcyzy: None,
                gtu: None,
                procedura: None,
                kurs_waluty: exchange_rate.map(|r| TIlosciType(XsdDecimal::new(r))),
                stan_przed: None,
            });
        }
        let mut sums = Vec::new();
        for group in RateGroup::ALL {
            let members: Vec<usize> = (0..self.lines.len())
                .filter(|&i| values[i].0 == group)
                .collect();
            let Some(&first) = members.first() else {
                continue;
            };
            let overflow = Overflow {
                path: group.net_path(),
                what: format!("the sum of the lines of {group}"),
            };
            let Some(total) =
                crate::facts::money::checked_sum(members.iter().map(|&i| values[i].1))
            else {
                return Err(overflow);
            };
            // One rate per group: the rate of its first line; a group mixing
            // 23 and 22 (or 8 and 7) is taxed at that one and the rules say so.
            let percent = rate_percent(&self.lines[first].rate);
            let tax = match percent {
                Some(r) if group.is_taxed() => {
                    let tax = if gross {
                        total
                            .checked_mul(r)
                            .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED + r))
                    } else {
                        total
                            .checked_mul(r)
                            .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                    };
                    round2(tax.ok_or(overflow)?)
                }
                _ => Decimal::ZERO,
            };
            let net = if gross { total - tax } else { total };
            sums.push(GroupSum { group, net, tax });
        }
        Ok((rows, sums))
    }

    /// `Fa` with the lines and the summary; `Adnotacje` is filled later.
    fn fa(
        &self,
        rows: Vec<FakturaFaFaWierszElementType>,
        sums: &[GroupSum],
    ) -> Result<FakturaFaElementType, Overflow> {
        let amount = |v: Decimal| TKwotowyType(XsdDecimal::new(v));
        let (code, exchange_rate) = match &self.currency {
            Currency::Pln => (TKodWalutyType::Pln, None),
            Currency::Foreign { code, rate } => (code.clone(), Some(*rate)),
        };
        let in_pln = |tax: Decimal, group: RateGroup| -> Result<Option<TKwotowyType>, Overflow> {
            exchange_rate
                .map(|r| {
                    tax.checked_mul(r)
                        .map(|v| amount(round2(v)))
                        .ok_or(Overflow {
                            path: format!(
                                "/Faktura/Fa/{}",
                                group.tax_pln_field().unwrap_or_default()
                            ),
                            what: format!(
                                "{} × the exchange rate",
                                group.tax_field().unwrap_or_default()
                            ),
                        })
                })
                .transpose()
        };
        let mut fa = FakturaFaElementType {
            kod_waluty: code,
            p_1: TDataTType(Date::new(self.issued)),
            p_1m: self.place.clone().map(TZnakowyType),
            p_2: TZnakowyType(self.number.clone()),
            wz: Vec::new(),
            p_6_choice: self
                .sale_date
                .map(|d| FakturaFaP6Choice::P6(TDataTType(Date::new(d)))),
            p_13_1_group: None,
            p_13_2_group: None,
            p_13_3_group: None,
            p_13_4_group: None,
            p_13_5_group: None,
            p_13_6_1: None,
            p_13_6_2: None,
            p_13_6_3: None,
            p_13_7: None,
            p_13_8: None,
            p_13_9: None,
            p_13_10: None,
            p_13_11: None,
            p_15: amount(Decimal::ZERO),
            kurs_waluty_z: None,
            adnotacje: default_annotations(),
            rodzaj_faktury: TRodzajFakturyType::Vat,
            przyczyna_korekty_group: None,
            zaliczka_czesciowa: Vec::new(),
            fp: None,
            tp: None,
            dodatkowy_opis: Vec::new(),
            faktura_zaliczkowa: Vec::new(),
            zwrot_akcyzy: None,
            fa_wiersz: rows,
            rozliczenie: None,
            platnosc: self.payment.as_ref().map(Payment::model),
            warunki_transakcji: None,
            zamowienie: None,
        };
        let mut total = Some(Decimal::ZERO);
        for s in sums {
            total = total
                .and_then(|t| t.checked_add(s.net))
                .and_then(|t| t.checked_add(s.tax));
            let (net, tax) = (amount(s.net), amount(s.tax));
            match s.group {
                RateGroup::Basic => {
                    fa.p_13_1_group = Some(FakturaFaP131Group {
                        p_13_1: net,
                        p_14_1: tax,
                        p_14_1w: in_pln(s.tax, s.group)?,
                    });
                }
                RateGroup::Reduced1 => {
                    fa.p_13_2_group = Some(FakturaFaP132Group {
                        p_13_2: net,
                        p_14_2: tax,
                        p_14_2w: in_pln(s.tax, s.group)?,
                    });
                }
                RateGroup::Reduced2 => {
                    fa.p_13_3_group = Some(FakturaFaP133Group {
                        p_13_3: net,
                        p_14_3: tax,
                        p_14_3w: in_pln(s.tax, s.group)?,
                    });
                }
                RateGroup::Taxi => {
                    fa.p_13_4_group = Some(FakturaFaP134Group {
                        p_13_4: net,
                        p_14_4: tax,
                        p_14_4w: in_pln(s.tax, s.group)?,
                    });
                }
                RateGroup::ZeroDomestic => fa.p_13_6_1 = Some(net),
                RateGroup::ZeroWdt => fa.p_13_6_2 = Some(net),
                RateGroup::ZeroExport => fa.p_13_6_3 = Some(net),
                RateGroup::Exempt => fa.p_13_7 = Some(net),
                RateGroup::OutsideI => fa.p_13_8 = Some(net),
                RateGroup::OutsideII => fa.p_13_9 = Some(net),
                RateGroup::ReverseCharge => fa.p_13_10 = Some(net),
                // A line always has a P_12 rate: no OSS or margin group.
                RateGroup::Oss | RateGroup::Margin => {}
            }
        }
        fa.p_15 = amount(total.ok_or(Overflow {
            path: "/Faktura/Fa/P_15".to_string(),
            what: "the sum of the summary fields".to_string(),
        })?);
        Ok(fa)
    }

    /// True when a line has one of `rates`.
    fn has_rate(&self, rates: &[TStawkaPodatkuType]) -> bool {
        self.lines.iter().any(|l| rates.contains(&l.rate))
    }

    /// `Adnotacje` for the lines: reverse charge, exemption, split payment.
    fn annotations(
        &self,
        buyer: &Buyer,
        total: Decimal,
    ) -> Result<FakturaFaAdnotacjeElementType, Overflow> {
        let mut a = default_annotations();
        if self.has_rate(&[TStawkaPodatkuType::Oo, TStawkaPodatkuType::NpIi]) {
            a.p_18 = TWybor12Type::_1;
        }
        if self.has_rate(&[TStawkaPodatkuType::Zw])
            && let Some(basis) = &self.exemption
        {
            let text = |s: &String| TZnakowyType(s.clone());
            a.zwolnienie = FakturaFaAdnotacjeZwolnienieElementType::P19Group(
                FakturaFaAdnotacjeZwolnienieP19Group {
                    p_19: TWybor1Type::_1,
                    p_19a_choice: match basis {
                        Exemption::Act(s) => FakturaFaAdnotacjeZwolnienieP19AChoice::P19A(text(s)),
                        Exemption::Directive(s) => {
                            FakturaFaAdnotacjeZwolnienieP19AChoice::P19B(text(s))
                        }
                        Exemption::Other(s) => {
                            FakturaFaAdnotacjeZwolnienieP19AChoice::P19C(text(s))
                        }
                    },
                },
            );
        }
        let annex = self.lines.iter().any(|l| l.annex_15);
        if annex && buyer.id != BuyerId::None {
            let pln = match &self.currency {
                Currency::Pln => Some(total),
                Currency::Foreign { rate, .. } => total.checked_mul(*rate),
            };
            let pln = pln.ok_or(Overflow {
                path: "/Faktura/Fa/P_15".to_string(),
                what: "P_15 × the exchange rate".to_string(),
            })?;
            if pln > Decimal::from(SPLIT_PAYMENT_THRESHOLD) {
                a.p_18a = TWybor12Type::_1;
            }
        }
        Ok(a)
    }
}

/// `Adnotacje` with every annotation at its "does not apply" value.
fn default_annotations() -> FakturaFaAdnotacjeElementType {
    FakturaFaAdnotacjeElementType {
        p_16: TWybor12Type::_2,
        p_17: TWybor12Type::_2,
        p_18: TWybor12Type::_2,
        p_18a: TWybor12Type::_2,
        zwolnienie: FakturaFaAdnotacjeZwolnienieElementType::P19N(TWybor1Type::_1),
        nowe_srodki_transportu: FakturaFaAdnotacjeNoweSrodkiTransportuElementType::P22N(
            TWybor1Type::_1,
        ),
        p_23: TWybor12Type::_2,
        p_marzy: FakturaFaAdnotacjePMarzyElementType::PPMarzyN(TWybor1Type::_1),
    }
}
