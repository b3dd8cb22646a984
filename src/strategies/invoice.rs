//! Whole invoices: [`arb_invoice`] and [`arb_invoice_with`].
//!
//! A strategy draws a small record of random choices ([`Draw`]: the kind,
//! the tax scenario, the lines, the parties, the dates), and one pure
//! function turns it into a [`Plan`], every field of the invoice with its
//! amounts computed: line values from quantity × price, the rate groups and
//! their `P_13_x`/`P_14_x` fields through the C.9 mapping of
//! [`facts::rates`](crate::facts::rates), rounding half away from zero
//! ([`facts::money::round2`](crate::facts::money::round2)) and checked sums.
//! The plan is written as FA(3) XML and read back into the typed model, so
//! every generated [`Faktura`] is what [`crate::parse`] gives for a document.
//! Shrinking works on the draw: fewer lines, smaller quantities and prices,
//! fewer optional parts.

use std::fmt::Write as _;
use std::ops::RangeInclusive;

use chrono::{DateTime, Days, NaiveDate, TimeDelta, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::domain::{Iban, KsefNumber, Nip, Regon};
use crate::facts::Kind;
use crate::facts::money::round2;
use crate::facts::rates::RateGroup;
use crate::model::Faktura;

use super::{arb_iban_pl, arb_nip, arb_regon9};

/// Every kind of invoice, in the order of the schema's `TRodzajFaktury`.
pub const ALL_KINDS: [Kind; 7] = [
    Kind::Vat,
    Kind::Kor,
    Kind::Zal,
    Kind::Roz,
    Kind::Upr,
    Kind::KorZal,
    Kind::KorRoz,
];

/// The most lines an invoice gets: with about 250 bytes a line, more would
/// not fit KSeF's limit of 1,000,000 bytes for an invoice.
pub const MAX_ROWS: usize = 3_000;

/// The most order rows (`ZamowienieWiersz`) an advance invoice gets: with
/// about 340 bytes a row, [`MAX_ROWS`] of them would pass KSeF's limit.
pub const MAX_ORDER_ROWS: usize = 2_500;

/// What [`arb_invoice_with`] generates: the kinds, the number of lines, the
/// currencies and the moment the invoices are checked at.
///
/// Build one with [`InvoiceProfile::new`] (every kind, 1 to 8 lines, PLN
/// and three foreign currencies, checked at 2026-11-21T12:00:00Z) and adjust
/// it with the `with_*` methods:
///
/// ```
/// use fa3::facts::Kind;
/// use fa3::strategies::InvoiceProfile;
///
/// let profile = InvoiceProfile::new()
///     .with_kinds(&[Kind::Vat, Kind::Kor])
///     .with_rows(1..=3)
///     .with_currencies(&["PLN"])
///     .with_now("2026-06-30T08:00:00Z".parse().unwrap());
/// assert_eq!(profile.kinds(), &[Kind::Vat, Kind::Kor]);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct InvoiceProfile {
    kinds: Vec<Kind>,
    rows: RangeInclusive<usize>,
    currencies: Vec<String>,
    now: DateTime<Utc>,
    number_prefix: String,
}

impl Default for InvoiceProfile {
    fn default() -> Self {
        Self::new()
    }
}

/// The moment the default profile checks at.
fn default_now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_262_400, 0).unwrap_or_default()
}

impl InvoiceProfile {
    /// Every kind, 1 to 8 lines, PLN, EUR, USD and CHF, checked at
    /// 2026-11-21T12:00:00Z, invoice numbers starting `FV/`.
    pub fn new() -> Self {
        Self {
            kinds: ALL_KINDS.to_vec(),
            rows: 1..=8,
            currencies: ["PLN", "EUR", "USD", "CHF"].map(String::from).to_vec(),
            now: default_now(),
            number_prefix: "FV/".to_owned(),
        }
    }

    /// Only these kinds (every kind when empty).
    #[must_use]
    pub fn with_kinds(mut self, kinds: &[Kind]) -> Self {
        self.kinds = if kinds.is_empty() {
            ALL_KINDS.to_vec()
        } else {
            kinds.to_vec()
        };
        self
    }

    /// The number of invoice lines (`FaWiersz`, or order rows of an advance
    /// invoice), clamped to 1..=[`MAX_ROWS`]. A correction shows each
    /// corrected line before and after; it corrects at most half of
    /// [`MAX_ROWS`] lines, and at least half of the fewest rows asked for.
    /// An advance invoice's order rows, which are longer, are at most
    /// [`MAX_ORDER_ROWS`]. So every invoice stays within KSeF's 1,000,000
    /// bytes.
    #[must_use]
    pub fn with_rows(mut self, rows: RangeInclusive<usize>) -> Self {
        let (lo, hi) = rows.into_inner();
        let lo = lo.clamp(1, MAX_ROWS);
        self.rows = lo..=hi.clamp(lo, MAX_ROWS);
        self
    }

    /// The currencies (`KodWaluty`, ISO 4217 codes) to choose from; PLN
    /// when empty. Simplified invoices are always in PLN.
    #[must_use]
    pub fn with_currencies(mut self, codes: &[&str]) -> Self {
        self.currencies = codes.iter().map(|c| (*c).to_owned()).collect();
        if self.currencies.is_empty() {
            self.currencies.push("PLN".to_owned());
        }
        self
    }

    /// The moment the invoices will be checked at: issue dates fall in the
    /// 30 days before it, the file creation time just before it.
    #[must_use]
    pub fn with_now(mut self, now: DateTime<Utc>) -> Self {
        self.now = now;
        self
    }

    /// The start of every invoice number `P_2` (a random number follows).
    #[must_use]
    pub fn with_number_prefix(mut self, prefix: &str) -> Self {
        prefix.clone_into(&mut self.number_prefix);
        self
    }

    /// The kinds generated.
    pub fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    /// The range of lines.
    pub fn rows(&self) -> RangeInclusive<usize> {
        self.rows.clone()
    }

    /// The currencies.
    pub fn currencies(&self) -> &[String] {
        &self.currencies
    }

    /// The moment of checking.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The invoice number prefix.
    pub fn number_prefix(&self) -> &str {
        &self.number_prefix
    }
}

/// Valid invoices of every kind under [`InvoiceProfile::new`].
///
/// ```
/// use fa3::strategies::{InvoiceProfile, arb_invoice};
/// use proptest::prelude::*;
///
/// let settings = fa3::Settings::at(InvoiceProfile::new().now());
/// proptest!(ProptestConfig::with_cases(8), |(invoice in arb_invoice())| {
///     let xml = fa3::to_xml(&invoice).unwrap();
///     let report = fa3::validate(xml.as_bytes(), &settings).unwrap();
///     prop_assert!(report.diagnostics.iter().all(|d| d.severity == fa3::Severity::Info));
/// });
/// ```
pub fn arb_invoice() -> impl Strategy<Value = Faktura> {
    arb_invoice_with(InvoiceProfile::new())
}

/// Valid invoices as the profile says: every one serializes to XML that the
/// schema accepts and that [`crate::validate`], with
/// [`Settings::at`](crate::Settings::at) the profile's `now`, reports with
/// no error and no warning.
pub fn arb_invoice_with(profile: InvoiceProfile) -> impl Strategy<Value = Faktura> {
    arb_plan(profile).prop_filter_map("the plan did not parse", |plan| plan.to_invoice())
}

/// Plans of valid invoices (the generator's own representation).
pub(crate) fn arb_plan(profile: InvoiceProfile) -> impl Strategy<Value = Plan> {
    arb_draw(&profile).prop_map(move |draw| plan(&draw, &profile))
}

// ---------------------------------------------------------------------------
// Draws: the random choices, shrinking toward small invoices.

/// One line's random choices.
#[derive(Debug, Clone)]
pub(crate) struct LineDraw {
    rate: u8,
    qty: u32,
    price: u64,
    annex15: bool,
    name: u8,
}

/// The random choices of one invoice.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Draw {
    kind: usize,
    scenario: u8,
    old_rates: bool,
    gross: bool,
    seller: Nip,
    buyer: Nip,
    others: Vec<Nip>,
    regon: Regon,
    iban: Iban,
    lines: Vec<LineDraw>,
    currency: usize,
    rate_e4: u32,
    issue_back: u64,
    delivery_back: u64,
    period: bool,
    payment: u8,
    part: u8,
    jst: bool,
    gv: bool,
    extra_buyers: u8,
    transport: bool,
    attachment: bool,
    footer: bool,
    fraction: u8,
    fraction2: u8,
    corrected_back: u64,
    unique: [u64; 3],
    number: u32,
    contact: bool,
    changed: usize,
}

fn arb_line() -> impl Strategy<Value = LineDraw> {
    (
        0u8..16,
        1u32..=20,
        1u64..=500_000,
        prop::bool::weighted(0.1),
        0u8..8,
    )
        .prop_map(|(rate, qty, price, annex15, name)| LineDraw {
            rate,
            qty,
            price,
            annex15,
            name,
        })
}

fn arb_draw(profile: &InvoiceProfile) -> impl Strategy<Value = Draw> + use<> {
    let kinds = profile.kinds.len().max(1);
    let currencies = profile.currencies.len().max(1);
    let (lo, hi) = profile.rows.clone().into_inner();
    let parties = (
        arb_nip(),
        arb_nip(),
        prop::collection::vec(arb_nip(), 3),
        arb_regon9(),
        arb_iban_pl(),
    );
    let shape = (
        0..kinds,
        0u8..8,
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.25),
        prop::collection::vec(arb_line(), lo..=hi),
        0..currencies,
        10_000u32..=60_000,
    );
    let dates = (1u64..=30, 0u64..=30, prop::bool::weighted(0.15), 1u64..=90);
    let extras = (
        0u8..6,
        1u8..=99,
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.15),
        0u8..=3,
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.5),
    );
    let numbers = (
        10u8..=90,
        10u8..=90,
        any::<[u64; 3]>(),
        1u32..1_000_000,
        any::<usize>(),
    );
    (parties, shape, dates, extras, numbers).prop_map(
        |(
            (seller, buyer, others, regon, iban),
            (kind, scenario, old_rates, gross, lines, currency, rate_e4),
            (issue_back, delivery_back, period, corrected_back),
            (payment, part, jst, gv, extra_buyers, transport, attachment, footer, contact),
            (fraction, fraction2, unique, number, changed),
        )| Draw {
            kind,
            scenario,
            old_rates,
            gross,
            seller,
            buyer,
            others,
            regon,
            iban,
            lines,
            currency,
            rate_e4,
            issue_back,
            delivery_back,
            period,
            payment,
            part,
            jst,
            gv,
            extra_buyers,
            transport,
            attachment,
            footer,
            fraction,
            fraction2,
            corrected_back,
            unique,
            number,
            contact,
            changed,
        },
    )
}

// ---------------------------------------------------------------------------
// Plans: every field of the invoice, amounts computed.

/// A tax rate of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rate {
    /// A `P_12` value as written, e.g. `23` or `0 WDT`.
    Pl(&'static str),
    /// An OSS rate `P_12_XII` (percent).
    Oss(u8),
    /// A margin line: no rate.
    Margin,
}

impl Rate {
    pub(crate) fn group(self) -> RateGroup {
        match self {
            Rate::Pl("23" | "22") => RateGroup::Basic,
            Rate::Pl("8" | "7") => RateGroup::Reduced1,
            Rate::Pl("5") => RateGroup::Reduced2,
            Rate::Pl("4" | "3") => RateGroup::Taxi,
            Rate::Pl("0 KR") => RateGroup::ZeroDomestic,
            Rate::Pl("0 WDT") => RateGroup::ZeroWdt,
            Rate::Pl("0 EX") => RateGroup::ZeroExport,
            Rate::Pl("zw") => RateGroup::Exempt,
            Rate::Pl("np I") => RateGroup::OutsideI,
            Rate::Pl("np II") => RateGroup::OutsideII,
            Rate::Pl(_) => RateGroup::ReverseCharge,
            Rate::Oss(_) => RateGroup::Oss,
            Rate::Margin => RateGroup::Margin,
        }
    }

    /// The rate in percent, for the taxed groups.
    pub(crate) fn percent(self) -> Option<Decimal> {
        match self {
            Rate::Pl(text) => text.parse::<u8>().ok().map(Decimal::from),
            Rate::Oss(p) => Some(Decimal::from(p)),
            Rate::Margin => None,
        }
    }
}

/// One invoice line (`FaWiersz`) or order row (`ZamowienieWiersz`).
#[derive(Debug, Clone)]
pub(crate) struct PlanLine {
    pub(crate) number: usize,
    pub(crate) uu_id: String,
    pub(crate) name: String,
    pub(crate) unit: String,
    pub(crate) qty: Decimal,
    /// Unit price: net (`P_9A`) or gross (`P_9B`).
    pub(crate) price: Decimal,
    /// Value: net `P_11` or gross `P_11A`.
    pub(crate) value: Decimal,
    /// Order rows only: the tax `P_11VatZ`.
    pub(crate) vat: Option<Decimal>,
    pub(crate) rate: Rate,
    pub(crate) annex15: bool,
    pub(crate) exchange_rate: Option<Decimal>,
    pub(crate) before: bool,
    /// Parts only defects use; the default writes none of them.
    pub(crate) extra: LineExtra,
}

/// Optional parts of a line that valid plans leave out (see [`Extra`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct LineExtra {
    /// `P_6A`: the line's own delivery date.
    pub(crate) delivery: Option<NaiveDate>,
    /// `GTIN`.
    pub(crate) gtin: Option<String>,
    /// `P_11Vat`: the line's tax.
    pub(crate) vat: Option<Decimal>,
    /// An OSS rate `P_12_XII` written beside the line's `P_12`.
    pub(crate) oss_beside: Option<u8>,
    /// `GTU`.
    pub(crate) gtu: Option<&'static str>,
    /// `Procedura`.
    pub(crate) procedure: Option<&'static str>,
    /// An element of the line left out (`P_8A`, `P_9A`, `P_11`, `P_12`).
    pub(crate) omit: Option<&'static str>,
    /// An element written under another name (`P_9B` as `P_9A`).
    pub(crate) rename: Option<(&'static str, &'static str)>,
}

/// A party identifier.
#[derive(Debug, Clone)]
pub(crate) enum PartyId {
    Nip(String),
    Eu(String, String),
    Other(String, String),
    /// `IDWew`: an internal identifier (Podmiot3 only).
    Internal(String),
    None,
}

/// An address.
#[derive(Debug, Clone)]
pub(crate) struct Address {
    pub(crate) country: String,
    pub(crate) line1: String,
    pub(crate) line2: Option<String>,
    /// `GLN`.
    pub(crate) gln: Option<String>,
}

/// A third party (`Podmiot3`).
#[derive(Debug, Clone)]
pub(crate) struct Third {
    pub(crate) id: PartyId,
    pub(crate) name: String,
    pub(crate) role: u8,
    pub(crate) share: Option<Decimal>,
    /// `IDNabywcy`.
    pub(crate) key: Option<String>,
}

impl Third {
    /// A third party with its identifier, name and role, no share, no key.
    pub(crate) fn new(id: PartyId, name: &str, role: u8) -> Self {
        Self {
            id,
            name: name.to_owned(),
            role,
            share: None,
            key: None,
        }
    }
}

/// A summary field pair.
#[derive(Debug, Clone)]
pub(crate) struct Summary {
    pub(crate) group: RateGroup,
    pub(crate) net: Decimal,
    pub(crate) tax: Option<Decimal>,
    pub(crate) tax_pln: Option<Decimal>,
}

/// The data of the corrected invoice.
#[derive(Debug, Clone)]
pub(crate) struct Corrected {
    pub(crate) reason: String,
    pub(crate) kind: u8,
    pub(crate) date: NaiveDate,
    pub(crate) number: String,
    pub(crate) ksef: Option<String>,
}

/// Payment data.
#[derive(Debug, Clone)]
pub(crate) enum Payment {
    Paid(NaiveDate),
    Partial(u8, Vec<(Decimal, NaiveDate)>),
    Due(NaiveDate),
}

/// Transport.
#[derive(Debug, Clone)]
pub(crate) struct Transport {
    pub(crate) start: DateTime<Utc>,
    pub(crate) end: DateTime<Utc>,
    pub(crate) from: Address,
    pub(crate) to: Address,
}

/// Every field of one invoice, ready to be written.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Plan {
    pub(crate) kind: Kind,
    pub(crate) created: DateTime<Utc>,
    pub(crate) system_info: Option<String>,
    pub(crate) seller_nip: String,
    pub(crate) seller_prefix: bool,
    pub(crate) seller_email: Option<String>,
    pub(crate) buyer: PartyId,
    pub(crate) buyer_name: Option<String>,
    pub(crate) buyer_address: Option<Address>,
    pub(crate) jst: bool,
    pub(crate) gv: bool,
    pub(crate) thirds: Vec<Third>,
    pub(crate) currency: String,
    pub(crate) issue: NaiveDate,
    pub(crate) number: String,
    /// `WZ`: the numbers of the delivery notes.
    pub(crate) wz: Vec<String>,
    pub(crate) delivery: Option<NaiveDate>,
    pub(crate) period: Option<(NaiveDate, NaiveDate)>,
    pub(crate) summaries: Vec<Summary>,
    pub(crate) total: Decimal,
    pub(crate) advance_rate: Option<Decimal>,
    pub(crate) reverse_charge: bool,
    pub(crate) split_payment: bool,
    pub(crate) exemption: bool,
    pub(crate) margin: bool,
    pub(crate) corrected: Option<Corrected>,
    /// `NrFaKorygowany`: the right number of an invoice issued with a wrong one.
    pub(crate) right_number: Option<String>,
    pub(crate) total_before: Option<Decimal>,
    pub(crate) advances: Vec<String>,
    pub(crate) lines: Vec<PlanLine>,
    pub(crate) gross: bool,
    pub(crate) payment: Option<Payment>,
    pub(crate) account: Option<String>,
    pub(crate) transport: Option<Transport>,
    pub(crate) order: Option<(Decimal, Vec<PlanLine>)>,
    pub(crate) footer: Option<(String, String)>,
    pub(crate) attachment: bool,
    /// Parts only defects use; the default writes none of them.
    pub(crate) extra: Extra,
}

/// A `Rozliczenie`: one charge, the sum declared, the amount due.
#[derive(Debug, Clone)]
pub(crate) struct Settlement {
    pub(crate) charge: Decimal,
    pub(crate) charges_sum: Decimal,
    pub(crate) due: Decimal,
}

/// Parts of an invoice that valid plans leave out: the default writes none
/// of them, so a defect that sets one changes only what it names.
#[derive(Debug, Clone, Default)]
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Extra {
    /// `DataWytworzeniaFa` as written, instead of the UTC form of `created`.
    pub(crate) created_text: Option<String>,
    /// The seller's `Adres/KodKraju` (PL when `None`).
    pub(crate) seller_country: Option<String>,
    /// The seller's `NrEORI`.
    pub(crate) seller_eori: Option<String>,
    /// The seller's `Telefon` (with `DaneKontaktowe`).
    pub(crate) seller_phone: Option<String>,
    /// The seller's address `GLN`.
    pub(crate) seller_gln: Option<String>,
    /// The buyer's `IDNabywcy`.
    pub(crate) buyer_key: Option<String>,
    /// `P_19A`, the legal basis of an exemption.
    pub(crate) exemption_basis: Option<String>,
    /// `P_22=1` with one vehicle on this line number.
    pub(crate) new_vehicle_line: Option<usize>,
    /// `P_23=1`: a triangular supply.
    pub(crate) triangular: bool,
    /// `WarunkiTransakcji/PodmiotPosredniczacy=1`.
    pub(crate) intermediary: bool,
    /// `OkresFaKorygowanej`.
    pub(crate) corrected_period: Option<String>,
    /// `Podmiot1K` with this NIP.
    pub(crate) corrected_seller: Option<String>,
    /// `Podmiot2K`: NIP and `IDNabywcy`.
    pub(crate) corrected_buyers: Vec<(String, Option<String>)>,
    /// `ZaliczkaCzesciowa`: `P_6Z` and `P_15Z`.
    pub(crate) partial_advances: Vec<(NaiveDate, Decimal)>,
    /// `DodatkowyOpis`: `NrWiersza`, `Klucz`, `Wartosc`.
    pub(crate) notes: Vec<(Option<usize>, String, String)>,
    /// `Rozliczenie`.
    pub(crate) settlement: Option<Settlement>,
    /// `TerminOpis/Ilosc` of the payment term.
    pub(crate) term_quantity: Option<i64>,
    /// `SWIFT` of the bank account.
    pub(crate) swift: Option<String>,
    /// `RachunekWlasnyBanku=1` on the bank account.
    pub(crate) own_bank_account: bool,
    /// `LinkDoPlatnosci` and `IPKSeF`.
    pub(crate) payment_link: Option<(String, String)>,
    /// `KursUmowny` and `WalutaUmowna`.
    pub(crate) contract_rate: Option<(Decimal, String)>,
    /// The carrier's NIP (`Transport/Przewoznik`).
    pub(crate) carrier_nip: Option<String>,
    /// `StanPrzedZ` on the first order row.
    pub(crate) order_row_before: bool,
    /// `Rejestry/BDO`.
    pub(crate) bdo: Option<String>,
    /// A table in the attachment: the column types and the rows' cells.
    pub(crate) table: Option<(Vec<&'static str>, Vec<Vec<String>>)>,
}

/// The tax scenarios: which rates the lines take and what parties and
/// annotations they need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    Domestic,
    ReverseCharge,
    IntraEu,
    EuServices,
    Export,
    Oss,
    Margin,
}

const DOMESTIC_TAXED: [&str; 4] = ["23", "8", "5", "4"];
const OLD_TAXED: [&str; 4] = ["22", "7", "5", "3"];
const NAMES: [&str; 8] = [
    "lodówka Zimnotech mk1",
    "usługa montażu",
    "kabel 3 m",
    "książka \"FA(3) w praktyce\"",
    "transport <ekspres>",
    "papier A4 & koperty",
    "konsultacja",
    "wiertarka Wiertex mk5",
];

fn days_back(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

fn days_on(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn scenario_of(kind: Kind, draw: &Draw) -> Scenario {
    match kind {
        Kind::Vat | Kind::Kor => match draw.scenario {
            1 => Scenario::ReverseCharge,
            2 => Scenario::IntraEu,
            3 => Scenario::EuServices,
            4 => Scenario::Export,
            5 => Scenario::Oss,
            6 => Scenario::Margin,
            _ => Scenario::Domestic,
        },
        _ => Scenario::Domestic,
    }
}

/// The rate of a line in a scenario; `taxed_only` keeps to the taxed
/// domestic rates (advance invoices, settlements, simplified invoices).
fn rate_for(scenario: Scenario, pick: u8, old: bool, taxed_only: bool) -> Rate {
    let taxed = if old { OLD_TAXED } else { DOMESTIC_TAXED };
    let taxed_rate = taxed[usize::from(pick) % taxed.len()];
    match scenario {
        Scenario::Domestic if taxed_only => Rate::Pl(taxed_rate),
        Scenario::Domestic => match pick {
            0..=9 => Rate::Pl(taxed_rate),
            10 | 11 => Rate::Pl("0 KR"),
            12 | 13 => Rate::Pl("zw"),
            _ => Rate::Pl("np I"),
        },
        Scenario::ReverseCharge => {
            if pick < 10 {
                Rate::Pl("oo")
            } else {
                Rate::Pl(taxed_rate)
            }
        }
        Scenario::IntraEu => Rate::Pl("0 WDT"),
        Scenario::EuServices => Rate::Pl("np II"),
        Scenario::Export => Rate::Pl("0 EX"),
        Scenario::Oss => Rate::Oss(19),
        Scenario::Margin => Rate::Margin,
    }
}

fn make_line(index: usize, d: &LineDraw, rate: Rate) -> PlanLine {
    let qty = Decimal::from(d.qty);
    let price = Decimal::new(i64::try_from(d.price).unwrap_or(1), 2);
    let value = round2(qty.checked_mul(price).unwrap_or_default());
    let number = index + 1;
    PlanLine {
        number,
        uu_id: format!("{:016x}", 0xaaaa_1111_0000_0000_u64 + number as u64),
        name: NAMES[usize::from(d.name) % NAMES.len()].to_owned(),
        unit: "szt.".to_owned(),
        qty,
        price,
        value,
        vat: None,
        rate,
        annex15: d.annex15 && matches!(rate, Rate::Pl("23" | "22" | "8" | "7" | "5" | "4" | "3")),
        exchange_rate: None,
        before: false,
        extra: LineExtra::default(),
    }
}

impl PlanLine {
    fn signed_value(&self) -> Decimal {
        if self.before { -self.value } else { self.value }
    }
}

/// Sums the lines per rate group, computing the tax the way the rules do:
/// net method `round2(net × r / 100)`, gross method
/// `round2(gross × r / (100 + r))`, net = gross − tax.
pub(crate) fn summarize(lines: &[PlanLine], gross: bool, fx: Option<Decimal>) -> Vec<Summary> {
    let mut out: Vec<Summary> = Vec::new();
    for group in RateGroup::ALL {
        let members: Vec<&PlanLine> = lines.iter().filter(|l| l.rate.group() == group).collect();
        let Some(first) = members.first() else {
            continue;
        };
        let value = members
            .iter()
            .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.signed_value()))
            .unwrap_or_default();
        let percent = first.rate.percent();
        let (net, tax) = match (group.is_taxed(), percent) {
            (true, Some(p)) if gross => {
                let tax = round2(tax_in_gross(value, p));
                (value - tax, Some(tax))
            }
            (true, Some(p)) => (value, Some(round2(tax_on_net(value, p)))),
            _ => (value, None),
        };
        out.push(Summary {
            group,
            net,
            tax,
            tax_pln: None,
        });
    }
    set_tax_pln(&mut out, fx);
    out
}

fn set_tax_pln(summaries: &mut [Summary], fx: Option<Decimal>) {
    for s in summaries {
        s.tax_pln = match (fx, s.tax, s.group.tax_pln_field()) {
            (Some(rate), Some(tax), Some(_)) => {
                Some(round2(tax.checked_mul(rate).unwrap_or_default()))
            }
            _ => None,
        };
    }
}

fn tax_on_net(net: Decimal, percent: Decimal) -> Decimal {
    net.checked_mul(percent)
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
        .unwrap_or_default()
}

fn tax_in_gross(gross: Decimal, percent: Decimal) -> Decimal {
    let divisor = Decimal::ONE_HUNDRED + percent;
    gross
        .checked_mul(percent)
        .and_then(|v| v.checked_div(divisor))
        .unwrap_or_default()
}

fn total_of(summaries: &[Summary]) -> Decimal {
    summaries
        .iter()
        .flat_map(|s| [Some(s.net), s.tax])
        .flatten()
        .try_fold(Decimal::ZERO, Decimal::checked_add)
        .unwrap_or_default()
}

/// Remaining (or advance) net amounts: `fraction` percent of each taxed
/// group of `lines`, taxed at the group's rate.
fn fraction_summaries(lines: &[PlanLine], fraction: u8, fx: Option<Decimal>) -> Vec<Summary> {
    let full = summarize(lines, false, None);
    let mut out: Vec<Summary> = full
        .iter()
        .map(|s| {
            let percent = lines
                .iter()
                .find(|l| l.rate.group() == s.group)
                .and_then(|l| l.rate.percent());
            let net = round2(
                s.net
                    .checked_mul(Decimal::from(fraction))
                    .unwrap_or_default()
                    / Decimal::ONE_HUNDRED,
            );
            let tax = percent.map(|p| round2(tax_on_net(net, p)));
            Summary {
                group: s.group,
                net,
                tax,
                tax_pln: None,
            }
        })
        .collect();
    set_tax_pln(&mut out, fx);
    out
}

fn difference(after: &[Summary], before: &[Summary], fx: Option<Decimal>) -> Vec<Summary> {
    let mut out: Vec<Summary> = after
        .iter()
        .map(|a| {
            let b = before.iter().find(|b| b.group == a.group);
            let net = a.net - b.map_or(Decimal::ZERO, |b| b.net);
            let tax = a.tax.map(|t| t - b.and_then(|b| b.tax).unwrap_or_default());
            Summary {
                group: a.group,
                net,
                tax,
                tax_pln: None,
            }
        })
        .collect();
    set_tax_pln(&mut out, fx);
    out
}

pub(crate) fn polish_address(n: u32) -> Address {
    Address {
        country: "PL".to_owned(),
        line1: format!("ul. Polna {}", n % 200 + 1),
        line2: Some("00-001 Warszawa".to_owned()),
        gln: None,
    }
}

pub(crate) fn german_address() -> Address {
    Address {
        country: "DE".to_owned(),
        line1: "Hauptstraße 1".to_owned(),
        line2: Some("10115 Berlin".to_owned()),
        gln: None,
    }
}

fn eu_vat(nip: &Nip) -> String {
    // Nine digits, a German number's shape, never a Polish NIP (ten digits).
    let s = nip.as_str();
    s.get(1..).unwrap_or("123456789").to_owned()
}

/// Builds the plan of one invoice from its draw.
#[allow(clippy::too_many_lines)]
pub(crate) fn plan(draw: &Draw, profile: &InvoiceProfile) -> Plan {
    let kind = profile
        .kinds
        .get(draw.kind % profile.kinds.len().max(1))
        .copied()
        .unwrap_or(Kind::Vat);
    let scenario = scenario_of(kind, draw);
    let today = profile.now.date_naive();
    // Issued on the day of checking (UTC): never in the future in Warsaw,
    // never offline past its deadline (FA3-DATE-001, -002, -003).
    let issue = today;
    let created =
        profile.now - TimeDelta::minutes(i64::try_from(draw.issue_back % 7 + 1).unwrap_or(1));
    let currency = if kind == Kind::Upr {
        "PLN".to_owned()
    } else {
        profile
            .currencies
            .get(draw.currency % profile.currencies.len().max(1))
            .cloned()
            .unwrap_or_else(|| "PLN".to_owned())
    };
    let foreign = currency != "PLN";
    let fx = foreign.then(|| Decimal::new(i64::from(draw.rate_e4), 4));
    let taxed_only = !matches!(kind, Kind::Vat | Kind::Kor);
    let gross = (draw.gross || scenario == Scenario::Margin)
        && matches!(kind, Kind::Vat | Kind::Kor | Kind::Upr);

    // Lines (UPR: small amounts, at most 450 PLN in total).
    let mut lines: Vec<PlanLine> = draw
        .lines
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut d = d.clone();
            if kind == Kind::Upr {
                d.price = d.price % 2_000 + 1;
                d.qty = d.qty % 3 + 1;
            }
            let rate = rate_for(scenario, d.rate, draw.old_rates, taxed_only);
            let mut line = make_line(i, &d, rate);
            line.exchange_rate = fx;
            line
        })
        .collect();
    if kind == Kind::Upr {
        // Keep the gross total within the limit: 450 PLN over 1.23 leaves
        // 365 PLN of net value.
        let mut budget = Decimal::new(36_500, 2);
        lines.retain(|l| {
            if l.value <= budget {
                budget -= l.value;
                true
            } else {
                false
            }
        });
        if lines.is_empty()
            && let Some(d) = draw.lines.first()
        {
            let mut small = d.clone();
            small.qty = 1;
            small.price = d.price % 10_000 + 1;
            lines.push(make_line(
                0,
                &small,
                rate_for(scenario, d.rate, draw.old_rates, true),
            ));
        }
        for (i, l) in lines.iter_mut().enumerate() {
            l.number = i + 1;
            l.uu_id = format!("{:016x}", 0xaaaa_1111_0000_0000_u64 + (i as u64) + 1);
        }
    }

    let seller_nip = draw.seller.as_str().to_owned();
    let (buyer, buyer_address) = match scenario {
        Scenario::IntraEu | Scenario::EuServices => (
            PartyId::Eu("DE".to_owned(), eu_vat(&draw.buyer)),
            Address {
                country: "DE".to_owned(),
                line1: "Hauptstraße 1".to_owned(),
                line2: Some("10115 Berlin".to_owned()),
                gln: None,
            },
        ),
        Scenario::Export => (
            PartyId::Other("US".to_owned(), eu_vat(&draw.buyer)),
            Address {
                country: "US".to_owned(),
                line1: "1 Main Street".to_owned(),
                line2: Some("Springfield, IL".to_owned()),
                gln: None,
            },
        ),
        Scenario::Oss => (
            PartyId::None,
            Address {
                country: "DE".to_owned(),
                line1: "Gartenweg 5".to_owned(),
                line2: Some("80331 München".to_owned()),
                gln: None,
            },
        ),
        _ if draw.buyer.as_str() == seller_nip => (
            PartyId::Nip(draw.others[0].as_str().to_owned()),
            polish_address(draw.number),
        ),
        _ => (
            PartyId::Nip(draw.buyer.as_str().to_owned()),
            polish_address(draw.number),
        ),
    };
    let polish_buyer = matches!(buyer, PartyId::Nip(_));
    let jst = draw.jst && polish_buyer && kind != Kind::Upr;
    let gv = draw.gv && polish_buyer && kind != Kind::Upr;
    let mut thirds = Vec::new();
    if jst {
        thirds.push(Third {
            id: PartyId::Nip(draw.others[1].as_str().to_owned()),
            name: "Szkoła Podstawowa nr 1".to_owned(),
            role: 8,
            share: None,
            key: None,
        });
    }
    if gv {
        thirds.push(Third {
            id: PartyId::Nip(draw.others[2].as_str().to_owned()),
            name: "Członek Grupy VAT sp. z o.o.".to_owned(),
            role: 10,
            share: None,
            key: None,
        });
    }
    if polish_buyer && kind != Kind::Upr && draw.extra_buyers > 0 {
        let n = usize::from(draw.extra_buyers);
        let share = Decimal::from(100 / (n + 1));
        for i in 0..n {
            thirds.push(Third {
                id: PartyId::Nip(draw.others[i % 3].as_str().to_owned()),
                name: format!("Współnabywca {}", i + 1),
                role: 4,
                share: Some(share),
                key: None,
            });
        }
    }

    let number = format!(
        "{}{}/{}",
        profile.number_prefix,
        today.format("%Y/%m"),
        draw.number
    );
    let ksef = |date: NaiveDate, unique: u64| {
        KsefNumber::compose(&draw.seller, date, unique)
            .ok()
            .map(|k| k.as_str().to_owned())
    };

    let mut plan = Plan {
        kind,
        created,
        system_info: Some("fa3 generate".to_owned()),
        seller_nip,
        seller_prefix: matches!(scenario, Scenario::IntraEu | Scenario::EuServices),
        seller_email: draw.contact.then(|| "biuro@example.pl".to_owned()),
        buyer,
        buyer_name: Some("F.H.U. Jan Kowalski".to_owned()),
        buyer_address: Some(buyer_address),
        jst,
        gv,
        thirds,
        currency,
        issue,
        number,
        wz: Vec::new(),
        delivery: None,
        period: None,
        summaries: Vec::new(),
        total: Decimal::ZERO,
        advance_rate: None,
        reverse_charge: false,
        split_payment: false,
        exemption: false,
        margin: scenario == Scenario::Margin,
        corrected: None,
        right_number: None,
        total_before: None,
        advances: Vec::new(),
        lines: Vec::new(),
        gross,
        payment: None,
        account: None,
        transport: None,
        order: None,
        footer: draw
            .footer
            .then(|| ("0000099999".to_owned(), draw.regon.as_str().to_owned())),
        attachment: draw.attachment,
        extra: Extra::default(),
    };
    if draw.period && matches!(kind, Kind::Vat) {
        let to = days_back(issue, draw.delivery_back);
        plan.period = Some((days_back(to, 27), to));
    } else {
        plan.delivery = Some(days_back(issue, draw.delivery_back));
    }

    match kind {
        Kind::Vat | Kind::Upr => {
            plan.summaries = summarize(&lines, gross, fx);
            plan.lines = lines;
        }
        Kind::Kor => {
            let corrected_date = days_back(issue, draw.corrected_back);
            // Each corrected line takes two rows (before and after): at
            // least half the profile's fewest rows are corrected.
            let fewest = profile.rows.start().div_ceil(2);
            let k = ((draw.changed % lines.len().max(1)) + 1).max(fewest);
            let k = k.min(lines.len()).min(MAX_ROWS / 2);
            let mut rows = Vec::new();
            for l in lines.iter().take(k) {
                let mut before = l.clone();
                before.before = true;
                let mut after = l.clone();
                after.price =
                    round2(after.price * Decimal::from(draw.fraction) / Decimal::ONE_HUNDRED);
                after.value = round2(after.qty * after.price);
                rows.push(before);
                rows.push(after);
            }
            let before_rows: Vec<PlanLine> = rows
                .iter()
                .filter(|r| r.before)
                .cloned()
                .map(|mut r| {
                    r.before = false;
                    r
                })
                .collect();
            let after_rows: Vec<PlanLine> = rows.iter().filter(|r| !r.before).cloned().collect();
            plan.summaries = difference(
                &summarize(&after_rows, gross, None),
                &summarize(&before_rows, gross, None),
                fx,
            );
            plan.lines = rows;
            plan.corrected = Some(Corrected {
                reason: "obniżka ceny".to_owned(),
                kind: 1 + (draw.fraction % 3),
                date: corrected_date,
                number: format!("FV/{}", draw.number.wrapping_add(1)),
                ksef: ksef(days_on(corrected_date, 1).min(issue), draw.unique[0]),
            });
            plan.delivery = Some(days_back(corrected_date, draw.delivery_back));
            plan.period = None;
        }
        Kind::Zal | Kind::KorZal => {
            let mut rows = lines;
            rows.truncate(MAX_ORDER_ROWS);
            let mut value = Decimal::ZERO;
            for r in &mut rows {
                r.vat = r.rate.percent().map(|p| round2(tax_on_net(r.value, p)));
                r.exchange_rate = None;
                value += r.value + r.vat.unwrap_or_default();
            }
            plan.advance_rate = fx;
            let now_part = fraction_summaries(&rows, draw.fraction, fx);
            if kind == Kind::Zal {
                plan.summaries = now_part;
                plan.payment = Some(Payment::Paid(days_back(issue, draw.delivery_back % 3)));
                plan.delivery = Some(days_back(issue, draw.delivery_back % 3));
            } else {
                let before = fraction_summaries(&rows, draw.fraction2, fx);
                plan.total_before = Some(total_of(&before));
                plan.summaries = difference(&now_part, &before, fx);
                let corrected_date = days_back(issue, draw.corrected_back);
                plan.corrected = Some(Corrected {
                    reason: "zmiana kwoty zaliczki".to_owned(),
                    kind: 1,
                    date: corrected_date,
                    number: format!("FZ/{}", draw.number.wrapping_add(1)),
                    ksef: ksef(days_on(corrected_date, 1).min(issue), draw.unique[0]),
                });
                plan.delivery = Some(corrected_date);
            }
            plan.order = Some((value, rows));
        }
        Kind::Roz | Kind::KorRoz => {
            let advance_date = days_back(issue, draw.corrected_back);
            plan.advances = ksef(advance_date, draw.unique[1]).into_iter().collect();
            if kind == Kind::Roz {
                plan.summaries = fraction_summaries(&lines, draw.fraction, fx);
                plan.lines = lines;
            } else {
                // One line's price changes; the advance stays, so the amount
                // still due changes by the line's difference.
                lines.truncate(MAX_ROWS / 2);
                let before = fraction_summaries(&lines, draw.fraction, None);
                let mut rows = Vec::new();
                let mut after_lines = lines.clone();
                if let Some(first) = after_lines.first_mut() {
                    first.qty += Decimal::ONE;
                    first.value = round2(first.qty * first.price);
                }
                let delta = difference(
                    &summarize(&after_lines, false, None),
                    &summarize(&lines, false, None),
                    None,
                );
                let after: Vec<Summary> = before
                    .iter()
                    .map(|b| {
                        let d = delta.iter().find(|d| d.group == b.group);
                        let net = b.net + d.map_or(Decimal::ZERO, |d| d.net);
                        let tax = lines
                            .iter()
                            .find(|l| l.rate.group() == b.group)
                            .and_then(|l| l.rate.percent())
                            .map(|p| round2(tax_on_net(net, p)));
                        Summary {
                            group: b.group,
                            net,
                            tax,
                            tax_pln: None,
                        }
                    })
                    .collect();
                plan.total_before = Some(total_of(&before));
                plan.summaries = difference(&after, &before, fx);
                for (b, a) in lines.iter().zip(&after_lines) {
                    let mut b = b.clone();
                    b.before = true;
                    rows.push(b);
                    rows.push(a.clone());
                }
                plan.lines = rows;
                let corrected_date = days_back(issue, draw.corrected_back / 2);
                plan.corrected = Some(Corrected {
                    reason: "błędna ilość".to_owned(),
                    kind: 1,
                    date: corrected_date,
                    number: format!("FR/{}", draw.number.wrapping_add(1)),
                    ksef: ksef(corrected_date, draw.unique[2]),
                });
                plan.advances = ksef(days_back(corrected_date, 1), draw.unique[1])
                    .into_iter()
                    .collect();
            }
        }
    }
    plan.total = total_of(&plan.summaries);

    // Annotations follow the rates used.
    let rates: Vec<Rate> = plan
        .lines
        .iter()
        .chain(plan.order.iter().flat_map(|o| o.1.iter()))
        .map(|l| l.rate)
        .collect();
    plan.reverse_charge = rates.iter().any(|r| matches!(r, Rate::Pl("oo" | "np II")));
    plan.exemption = rates.contains(&Rate::Pl("zw"));
    plan.split_payment = plan.lines.iter().any(|l| l.annex15);

    // Payment (not on corrections).
    if !kind.is_correction() && plan.payment.is_none() && plan.total > Decimal::ZERO {
        plan.payment = match draw.payment {
            1 => Some(Payment::Paid(issue)),
            2 => {
                let part = round2(plan.total * Decimal::from(draw.part) / Decimal::ONE_HUNDRED);
                (part > Decimal::ZERO && part < plan.total)
                    .then(|| Payment::Partial(1, vec![(part, issue)]))
            }
            3 => {
                let part = round2(plan.total * Decimal::from(draw.part) / Decimal::ONE_HUNDRED);
                (part > Decimal::ZERO && part < plan.total).then(|| {
                    Payment::Partial(
                        2,
                        vec![(part, days_back(issue, 1)), (plan.total - part, issue)],
                    )
                })
            }
            4 | 5 => Some(Payment::Due(days_on(issue, 14))),
            _ => None,
        };
        if matches!(plan.payment, Some(Payment::Due(_))) {
            plan.account = draw.iban.nrb().map(str::to_owned);
        }
    }
    if draw.transport && matches!(kind, Kind::Vat) {
        let start = plan
            .delivery
            .unwrap_or(issue)
            .and_hms_opt(8, 0, 0)
            .map_or(created, |d| d.and_utc());
        plan.transport = Some(Transport {
            start,
            end: start + TimeDelta::hours(i64::from(draw.part % 48) + 1),
            from: polish_address(1),
            to: plan
                .buyer_address
                .clone()
                .unwrap_or_else(|| polish_address(2)),
        });
    }
    plan
}

// ---------------------------------------------------------------------------
// Writing the plan as FA(3) XML.

/// Writes XML with text escaped.
struct Xml {
    out: String,
}

impl Xml {
    fn open(&mut self, name: &str) {
        let _ = write!(self.out, "<{name}>");
    }

    fn close(&mut self, name: &str) {
        let _ = write!(self.out, "</{name}>");
    }

    fn el(&mut self, name: &str, value: impl std::fmt::Display) {
        let text = value.to_string();
        let _ = write!(self.out, "<{name}>");
        for c in text.chars() {
            match c {
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '&' => self.out.push_str("&amp;"),
                '"' => self.out.push_str("&quot;"),
                c => self.out.push(c),
            }
        }
        let _ = write!(self.out, "</{name}>");
    }

    fn opt(&mut self, name: &str, value: Option<impl std::fmt::Display>) {
        if let Some(v) = value {
            self.el(name, v);
        }
    }

    fn address(&mut self, name: &str, a: &Address) {
        self.open(name);
        self.el("KodKraju", &a.country);
        self.el("AdresL1", &a.line1);
        self.opt("AdresL2", a.line2.as_ref());
        self.opt("GLN", a.gln.as_ref());
        self.close(name);
    }

    fn party_id(&mut self, id: &PartyId) {
        match id {
            PartyId::Nip(n) => self.el("NIP", n),
            PartyId::Eu(c, n) => {
                self.el("KodUE", c);
                self.el("NrVatUE", n);
            }
            PartyId::Other(c, n) => {
                self.el("KodKraju", c);
                self.el("NrID", n);
            }
            PartyId::Internal(id) => self.el("IDWew", id),
            PartyId::None => self.el("BrakID", 1),
        }
    }
}

fn amount(d: Decimal) -> String {
    d.normalize().to_string()
}

impl Plan {
    /// The invoice as FA(3) XML.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn to_xml(&self) -> String {
        let mut x = Xml {
            out: String::with_capacity(4096 + self.lines.len() * 400),
        };
        x.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Faktura xmlns=\"http://crd.gov.pl/wzor/2025/06/25/13775/\" xmlns:etd=\"http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/\">");
        x.out.push_str("<Naglowek><KodFormularza kodSystemowy=\"FA (3)\" wersjaSchemy=\"1-0E\">FA</KodFormularza><WariantFormularza>3</WariantFormularza>");
        match &self.extra.created_text {
            Some(text) => x.el("DataWytworzeniaFa", text),
            None => x.el(
                "DataWytworzeniaFa",
                self.created.format("%Y-%m-%dT%H:%M:%SZ"),
            ),
        }
        x.opt("SystemInfo", self.system_info.as_ref());
        x.close("Naglowek");

        x.open("Podmiot1");
        if self.seller_prefix {
            x.el("PrefiksPodatnika", "PL");
        }
        x.opt("NrEORI", self.extra.seller_eori.as_ref());
        x.open("DaneIdentyfikacyjne");
        x.el("NIP", &self.seller_nip);
        x.el("Nazwa", "ABC AGD sp. z o. o.");
        x.close("DaneIdentyfikacyjne");
        x.address(
            "Adres",
            &Address {
                country: self
                    .extra
                    .seller_country
                    .clone()
                    .unwrap_or_else(|| "PL".to_owned()),
                line1: "ul. Kwiatowa 1 m. 2".to_owned(),
                line2: Some("00-001 Warszawa".to_owned()),
                gln: self.extra.seller_gln.clone(),
            },
        );
        let phone = self
            .extra
            .seller_phone
            .as_deref()
            .or(self.seller_email.as_ref().map(|_| "667444555"));
        if self.seller_email.is_some() || phone.is_some() {
            x.open("DaneKontaktowe");
            x.opt("Email", self.seller_email.as_ref());
            x.opt("Telefon", phone);
            x.close("DaneKontaktowe");
        }
        x.close("Podmiot1");

        x.open("Podmiot2");
        x.open("DaneIdentyfikacyjne");
        x.party_id(&self.buyer);
        x.opt("Nazwa", self.buyer_name.as_ref());
        x.close("DaneIdentyfikacyjne");
        if let Some(a) = &self.buyer_address {
            x.address("Adres", a);
        }
        x.opt("IDNabywcy", self.extra.buyer_key.as_ref());
        x.el("JST", if self.jst { 1 } else { 2 });
        x.el("GV", if self.gv { 1 } else { 2 });
        x.close("Podmiot2");

        for t in &self.thirds {
            x.open("Podmiot3");
            x.opt("IDNabywcy", t.key.as_ref());
            x.open("DaneIdentyfikacyjne");
            x.party_id(&t.id);
            x.el("Nazwa", &t.name);
            x.close("DaneIdentyfikacyjne");
            x.address("Adres", &polish_address(7));
            x.el("Rola", t.role);
            x.opt("Udzial", t.share.map(amount));
            x.close("Podmiot3");
        }

        x.open("Fa");
        x.el("KodWaluty", &self.currency);
        x.el("P_1", self.issue);
        x.el("P_1M", "Warszawa");
        x.el("P_2", &self.number);
        for wz in &self.wz {
            x.el("WZ", wz);
        }
        if let Some((from, to)) = self.period {
            x.open("OkresFa");
            x.el("P_6_Od", from);
            x.el("P_6_Do", to);
            x.close("OkresFa");
        } else {
            x.opt("P_6", self.delivery);
        }
        for s in &self.summaries {
            x.el(s.group.net_field(), amount(s.net));
            if let (Some(field), Some(tax)) = (s.group.tax_field(), s.tax) {
                x.el(field, amount(tax));
            }
            if let (Some(field), Some(tax)) = (s.group.tax_pln_field(), s.tax_pln) {
                x.el(field, amount(tax));
            }
        }
        x.el("P_15", amount(self.total));
        x.opt("KursWalutyZ", self.advance_rate.map(amount));
        x.open("Adnotacje");
        x.el("P_16", 2);
        x.el("P_17", 2);
        x.el("P_18", if self.reverse_charge { 1 } else { 2 });
        x.el("P_18A", if self.split_payment { 1 } else { 2 });
        x.open("Zwolnienie");
        if self.exemption {
            x.el("P_19", 1);
            x.el(
                "P_19A",
                self.extra
                    .exemption_basis
                    .as_deref()
                    .unwrap_or("art. 43 ust. 1 pkt 37 ustawy o VAT"),
            );
        } else {
            x.el("P_19N", 1);
        }
        x.close("Zwolnienie");
        x.open("NoweSrodkiTransportu");
        if let Some(line) = self.extra.new_vehicle_line {
            x.el("P_22", 1);
            x.el("P_42_5", 2);
            x.open("NowySrodekTransportu");
            x.el("P_22A", self.issue);
            x.el("P_NrWierszaNST", line);
            x.el("P_22B", "1200");
            x.close("NowySrodekTransportu");
        } else {
            x.el("P_22N", 1);
        }
        x.close("NoweSrodkiTransportu");
        x.el("P_23", if self.extra.triangular { 1 } else { 2 });
        x.open("PMarzy");
        if self.margin {
            x.el("P_PMarzy", 1);
            x.el("P_PMarzy_3_1", 1);
        } else {
            x.el("P_PMarzyN", 1);
        }
        x.close("PMarzy");
        x.close("Adnotacje");
        x.el("RodzajFaktury", self.kind.as_str());
        if let Some(c) = &self.corrected {
            x.el("PrzyczynaKorekty", &c.reason);
            if c.kind > 0 {
                x.el("TypKorekty", c.kind);
            }
            x.open("DaneFaKorygowanej");
            x.el("DataWystFaKorygowanej", c.date);
            x.el("NrFaKorygowanej", &c.number);
            if let Some(k) = &c.ksef {
                x.el("NrKSeF", 1);
                x.el("NrKSeFFaKorygowanej", k);
            } else {
                x.el("NrKSeFN", 1);
            }
            x.close("DaneFaKorygowanej");
            x.opt("OkresFaKorygowanej", self.extra.corrected_period.as_ref());
            x.opt("NrFaKorygowany", self.right_number.as_ref());
            if let Some(nip) = &self.extra.corrected_seller {
                x.open("Podmiot1K");
                x.open("DaneIdentyfikacyjne");
                x.el("NIP", nip);
                x.el("Nazwa", "ABC AGD sp. z o. o.");
                x.close("DaneIdentyfikacyjne");
                x.address("Adres", &polish_address(9));
                x.close("Podmiot1K");
            }
            for (nip, key) in &self.extra.corrected_buyers {
                x.open("Podmiot2K");
                x.open("DaneIdentyfikacyjne");
                x.el("NIP", nip);
                x.el("Nazwa", "F.H.U. Jan Kowalski");
                x.close("DaneIdentyfikacyjne");
                x.opt("IDNabywcy", key.as_ref());
                x.close("Podmiot2K");
            }
        }
        x.opt("P_15ZK", self.total_before.map(amount));
        for (date, value) in &self.extra.partial_advances {
            x.open("ZaliczkaCzesciowa");
            x.el("P_6Z", date);
            x.el("P_15Z", amount(*value));
            x.close("ZaliczkaCzesciowa");
        }
        for (line, key, value) in &self.extra.notes {
            x.open("DodatkowyOpis");
            x.opt("NrWiersza", *line);
            x.el("Klucz", key);
            x.el("Wartosc", value);
            x.close("DodatkowyOpis");
        }
        for a in &self.advances {
            x.open("FakturaZaliczkowa");
            x.el("NrKSeFFaZaliczkowej", a);
            x.close("FakturaZaliczkowa");
        }
        for l in &self.lines {
            let e = &l.extra;
            // An element of the line, left out or renamed as the line says.
            let put = |x: &mut Xml, name: &'static str, value: String| {
                if e.omit == Some(name) {
                    return;
                }
                match e.rename {
                    Some((from, to)) if from == name => x.el(to, value),
                    _ => x.el(name, value),
                }
            };
            x.open("FaWiersz");
            x.el("NrWierszaFa", l.number);
            x.el("UU_ID", &l.uu_id);
            x.opt("P_6A", e.delivery);
            if !l.name.is_empty() {
                x.el("P_7", &l.name);
            }
            x.opt("GTIN", e.gtin.as_ref());
            put(&mut x, "P_8A", l.unit.clone());
            put(&mut x, "P_8B", amount(l.qty));
            if self.gross {
                put(&mut x, "P_9B", amount(l.price));
                put(&mut x, "P_11A", amount(l.value));
            } else {
                put(&mut x, "P_9A", amount(l.price));
                put(&mut x, "P_11", amount(l.value));
            }
            x.opt("P_11Vat", e.vat.map(amount));
            match l.rate {
                Rate::Pl(text) => {
                    put(&mut x, "P_12", text.to_owned());
                    x.opt("P_12_XII", e.oss_beside);
                }
                Rate::Oss(p) => x.el("P_12_XII", p),
                Rate::Margin => {}
            }
            if l.annex15 {
                x.el("P_12_Zal_15", 1);
            }
            x.opt("GTU", e.gtu);
            x.opt("Procedura", e.procedure);
            x.opt("KursWaluty", l.exchange_rate.map(amount));
            if l.before {
                x.el("StanPrzed", 1);
            }
            x.close("FaWiersz");
        }
        if let Some(r) = &self.extra.settlement {
            x.open("Rozliczenie");
            x.open("Obciazenia");
            x.el("Kwota", amount(r.charge));
            x.el("Powod", "koszty transportu");
            x.close("Obciazenia");
            x.el("SumaObciazen", amount(r.charges_sum));
            x.el("DoZaplaty", amount(r.due));
            x.close("Rozliczenie");
        }
        if let Some(p) = &self.payment {
            x.open("Platnosc");
            match p {
                Payment::Paid(date) => {
                    x.el("Zaplacono", 1);
                    x.el("DataZaplaty", date);
                }
                Payment::Partial(flag, parts) => {
                    x.el("ZnacznikZaplatyCzesciowej", flag);
                    for (a, d) in parts {
                        x.open("ZaplataCzesciowa");
                        x.el("KwotaZaplatyCzesciowej", amount(*a));
                        x.el("DataZaplatyCzesciowej", d);
                        x.el("FormaPlatnosci", 1);
                        x.close("ZaplataCzesciowa");
                    }
                }
                Payment::Due(date) => {
                    x.open("TerminPlatnosci");
                    x.el("Termin", date);
                    if let Some(n) = self.extra.term_quantity {
                        x.open("TerminOpis");
                        x.el("Ilosc", n);
                        x.el("Jednostka", "dni");
                        x.el("ZdarzeniePoczatkowe", "doręczenie faktury");
                        x.close("TerminOpis");
                    }
                    x.close("TerminPlatnosci");
                }
            }
            x.el("FormaPlatnosci", 6);
            if let Some(nrb) = &self.account {
                x.open("RachunekBankowy");
                x.el("NrRB", nrb);
                x.opt("SWIFT", self.extra.swift.as_ref());
                if self.extra.own_bank_account {
                    x.el("RachunekWlasnyBanku", 1);
                }
                x.close("RachunekBankowy");
            }
            if let Some((link, id)) = &self.extra.payment_link {
                x.el("LinkDoPlatnosci", link);
                x.el("IPKSeF", id);
            }
            x.close("Platnosc");
        }
        let e = &self.extra;
        if self.transport.is_some() || e.contract_rate.is_some() || e.intermediary {
            x.open("WarunkiTransakcji");
        }
        if let Some((rate, currency)) = &e.contract_rate {
            x.el("KursUmowny", amount(*rate));
            x.el("WalutaUmowna", currency);
        }
        if let Some(t) = &self.transport {
            x.open("Transport");
            x.el("RodzajTransportu", 3);
            if let Some(nip) = &e.carrier_nip {
                x.open("Przewoznik");
                x.open("DaneIdentyfikacyjne");
                x.el("NIP", nip);
                x.el("Nazwa", "Trans-Pol sp. z o.o.");
                x.close("DaneIdentyfikacyjne");
                x.address("AdresPrzewoznika", &polish_address(5));
                x.close("Przewoznik");
            }
            x.el("OpisLadunku", 13);
            x.el(
                "DataGodzRozpTransportu",
                t.start.format("%Y-%m-%dT%H:%M:%SZ"),
            );
            x.el("DataGodzZakTransportu", t.end.format("%Y-%m-%dT%H:%M:%SZ"));
            x.address("WysylkaZ", &t.from);
            x.address("WysylkaDo", &t.to);
            x.close("Transport");
        }
        if e.intermediary {
            x.el("PodmiotPosredniczacy", 1);
        }
        if self.transport.is_some() || e.contract_rate.is_some() || e.intermediary {
            x.close("WarunkiTransakcji");
        }
        if let Some((value, rows)) = &self.order {
            x.open("Zamowienie");
            x.el("WartoscZamowienia", amount(*value));
            for (i, r) in rows.iter().enumerate() {
                x.open("ZamowienieWiersz");
                x.el("NrWierszaZam", r.number);
                x.el("UU_IDZ", &r.uu_id);
                x.el("P_7Z", &r.name);
                x.el("P_8AZ", &r.unit);
                x.el("P_8BZ", amount(r.qty));
                x.el("P_9AZ", amount(r.price));
                x.el("P_11NettoZ", amount(r.value));
                x.opt("P_11VatZ", r.vat.map(amount));
                if let Rate::Pl(text) = r.rate {
                    x.el("P_12Z", text);
                }
                if i == 0 && e.order_row_before {
                    x.el("StanPrzedZ", 1);
                }
                x.close("ZamowienieWiersz");
            }
            x.close("Zamowienie");
        }
        x.close("Fa");
        if let Some((krs, regon)) = &self.footer {
            x.open("Stopka");
            x.open("Informacje");
            x.el("StopkaFaktury", "Kapitał zakładowy 5 000 000 zł");
            x.close("Informacje");
            x.open("Rejestry");
            x.el("KRS", krs);
            x.el("REGON", regon);
            x.opt("BDO", e.bdo.as_ref());
            x.close("Rejestry");
            x.close("Stopka");
        }
        if self.attachment {
            x.out.push_str("<Zalacznik><BlokDanych><ZNaglowek>Warunki dostawy</ZNaglowek><MetaDane><ZKlucz>wersja</ZKlucz><ZWartosc>1</ZWartosc></MetaDane><Tekst><Akapit>Towar dostarczony na paletach.</Akapit></Tekst>");
            if let Some((columns, rows)) = &e.table {
                x.open("Tabela");
                x.open("TNaglowek");
                for (i, typ) in columns.iter().enumerate() {
                    let _ = write!(x.out, "<Kol Typ=\"{typ}\">");
                    x.el("NKom", format!("kolumna {}", i + 1));
                    x.close("Kol");
                }
                x.close("TNaglowek");
                for row in rows {
                    x.open("Wiersz");
                    for cell in row {
                        x.el("WKom", cell);
                    }
                    x.close("Wiersz");
                }
                x.close("Tabela");
            }
            x.out.push_str("</BlokDanych></Zalacznik>");
        }
        x.close("Faktura");
        x.out
    }

    /// The typed invoice: the XML read back.
    pub(crate) fn to_invoice(&self) -> Option<Faktura> {
        crate::parse::parse(self.to_xml().as_bytes()).ok()
    }
}
