//! Whole invoices with structure: the fuzzer's bytes are read (`arbitrary`)
//! as the inputs of an `InvoiceBuilder` — parties, lines with every current
//! rate, net or gross prices, złoty or a foreign currency, payment terms —
//! and as a list of mutations of the XML it writes: an element dropped,
//! duplicated or swapped with another, a value changed, bytes inserted, the
//! document truncated.
//!
//! - The inputs are valid by construction (identifiers with their check
//!   digits, amounts within the schema's digits, the buyer each rate needs),
//!   so the builder must build, and the check of its XML must find no error.
//! - No mutation may make the check (or `parse`) panic, and a mutated
//!   document the check finds no error in must be readable by `parse`.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use chrono::{DateTime, Days, Utc};
use fa3::model::{
    TFormaPlatnosciType, TKodKrajuType, TKodWalutyType, TKodyKrajowUeType, TStawkaPodatkuType,
};
use fa3::{
    Address, Buyer, BuyerId, Currency, Exemption, InvoiceBuilder, Line, Payment, PriceMethod,
    Seller, Settings,
};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

/// Valid NIPs (check digit right, no placeholder).
const NIPS: &[&str] = &[
    "5265877635",
    "7335255579",
    "9412772426",
    "9712417149",
    "1935739259",
    "9324629215",
    "4897688655",
    "4342598681",
    "5229736380",
    "7129666882",
];

const NAMES: &[&str] = &[
    "ABC AGD sp. z o.o.",
    "F.H.U. Jan Kowalski",
    "Zakład Usług Różnych \"Łoś\" & Syn",
    "Przedsiębiorstwo Handlowe <Żuraw>",
    "X",
];

const ITEMS: &[&str] = &[
    "lodówka Zimnotech mk1",
    "wniesienie sprzętu",
    "usługa doradcza",
    "książka",
    "śruby M8 & nakrętki",
    "transport",
];

const UNITS: &[&str] = &["szt.", "kg", "h", "usł.", "m²"];

/// The rates in force (22, 7 and 3 are the old ones).
const RATES: &[TStawkaPodatkuType] = &[
    TStawkaPodatkuType::_23,
    TStawkaPodatkuType::_8,
    TStawkaPodatkuType::_5,
    TStawkaPodatkuType::_4,
    TStawkaPodatkuType::_0Kr,
    TStawkaPodatkuType::_0Wdt,
    TStawkaPodatkuType::_0Ex,
    TStawkaPodatkuType::Zw,
    TStawkaPodatkuType::Oo,
    TStawkaPodatkuType::NpI,
    TStawkaPodatkuType::NpIi,
];

const CURRENCIES: &[TKodWalutyType] = &[
    TKodWalutyType::Eur,
    TKodWalutyType::Usd,
    TKodWalutyType::Gbp,
    TKodWalutyType::Chf,
    TKodWalutyType::Czk,
];

const METHODS: &[TFormaPlatnosciType] = &[
    TFormaPlatnosciType::_1,
    TFormaPlatnosciType::_2,
    TFormaPlatnosciType::_3,
    TFormaPlatnosciType::_4,
    TFormaPlatnosciType::_5,
    TFormaPlatnosciType::_6,
    TFormaPlatnosciType::_7,
];

/// Values a mutation may write into an element.
const VALUES: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "1",
    "0.005",
    "-0.00",
    "9999999999999999.99",
    "99999999999999999999",
    "1e3",
    "NaN",
    "2026-02-29",
    "2024-02-29",
    "2026-13-01",
    "2026-11-21T25:00:00Z",
    "PLN",
    "EUR",
    "23",
    "np II",
    "zw",
    "2",
    "VAT",
    "KOR",
    "ZAL",
    "ROZ",
    "UPR",
    "KOR_ZAL",
    "KOR_ROZ",
    "5265877636",
    "PL61109010140000071219812874",
    "&amp;",
    "<a/>",
    "]]>",
    "\u{0}",
    "\u{202e}",
];

fn pick<'a, T>(list: &'a [T], i: u8) -> &'a T {
    &list[usize::from(i) % list.len()]
}

#[derive(Debug, Arbitrary)]
struct LineSpec {
    item: u8,
    unit: Option<u8>,
    /// The quantity in thousandths: 0.001 to 1,000,000.
    quantity: u32,
    /// The unit price in grosze (or hundredths): up to 10,000,000.
    price: u32,
    rate: u8,
    discount: Option<u16>,
    annex_15: bool,
}

#[derive(Debug, Arbitrary)]
enum BuyerSpec {
    Nip(u8),
    Foreign(u8),
    Consumer,
}

#[derive(Debug, Arbitrary)]
struct InvoiceSpec {
    seller: u8,
    seller_name: u8,
    buyer: BuyerSpec,
    buyer_name: u8,
    lines: Vec<LineSpec>,
    gross: bool,
    /// A foreign currency and its rate in ten-thousandths (0.0001 to 6.5536).
    currency: Option<(u8, u16)>,
    /// Days before the check's date.
    issued_ago: u8,
    due_in: Option<u8>,
    method: Option<u8>,
    paid: bool,
}

#[derive(Debug, Arbitrary)]
enum Mutation {
    /// Removes the n-th element.
    Drop(u16),
    /// Repeats the n-th element right after itself.
    Duplicate(u16),
    /// Swaps two elements that do not contain each other.
    Swap(u16, u16),
    /// Writes one of [`VALUES`] as the text of the n-th leaf element.
    SetValue(u16, u8),
    /// Writes the fuzzer's text as the text of the n-th leaf element.
    SetText(u16, String),
    /// Inserts bytes at an offset.
    Insert(u32, Vec<u8>),
    /// Cuts the document at an offset.
    Truncate(u32),
}

#[derive(Debug, Arbitrary)]
struct Input {
    invoice: InvoiceSpec,
    mutations: Vec<Mutation>,
}

fn now() -> DateTime<Utc> {
    // 2026-11-21T12:00:00Z: a fixed instant keeps runs reproducible.
    DateTime::from_timestamp(1_795_262_400, 0).unwrap_or_default()
}

/// The builder for `spec`; every value is valid, and the buyer is the one
/// the rates need.
fn builder(spec: &InvoiceSpec) -> InvoiceBuilder {
    let today = now().date_naive();
    let issued = today
        .checked_sub_days(Days::new(u64::from(spec.issued_ago % 20)))
        .unwrap_or(today);
    let mut lines: Vec<Line> = spec
        .lines
        .iter()
        .take(40)
        .map(|l| {
            let quantity = Decimal::new(i64::from(l.quantity % 1_000_000_000) + 1, 3);
            let price = Decimal::new(i64::from(l.price % 1_000_000_000) + 1, 2);
            let mut line = Line::new(
                *pick(ITEMS, l.item),
                quantity,
                price,
                pick(RATES, l.rate).clone(),
            );
            if let Some(u) = l.unit {
                line = line.unit(*pick(UNITS, u));
            }
            if let Some(d) = l.discount {
                // At most the line's value, so that no value is negative.
                let value = (quantity * price).round_dp(2);
                line = line.discount(Decimal::new(i64::from(d), 2).min(value));
            }
            if l.annex_15 {
                line = line.annex_15();
            }
            line
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::new(
            ITEMS[0],
            Decimal::ONE,
            Decimal::ONE_HUNDRED,
            TStawkaPodatkuType::_23,
        ));
    }
    let has = |r: TStawkaPodatkuType| lines.iter().any(|l| l.rate == r);
    let seller_nip = *pick(NIPS, spec.seller);
    let seller = Seller::new(
        seller_nip,
        *pick(NAMES, spec.seller_name),
        Address::pl("ul. Kwiatowa 1 m. 2", "00-001 Warszawa"),
    );
    let name = *pick(NAMES, spec.buyer_name);
    let eu_buyer = || {
        Buyer::new(
            BuyerId::EuVat {
                country: TKodyKrajowUeType::De,
                number: "999999999".into(),
            },
            name,
            Address::new(TKodKrajuType::De, "Hauptstraße 1, 10115 Berlin"),
        )
    };
    let buyer = if has(TStawkaPodatkuType::_0Wdt) {
        // An intra-Community supply needs the buyer's EU VAT number; the
        // domestic reverse charge would need a Polish one, so `oo` lines
        // become 23 % here.
        for l in &mut lines {
            if l.rate == TStawkaPodatkuType::Oo {
                l.rate = TStawkaPodatkuType::_23;
            }
        }
        eu_buyer()
    } else if has(TStawkaPodatkuType::Oo) {
        let nip = NIPS
            .iter()
            .copied()
            .find(|n| *n != seller_nip)
            .unwrap_or(NIPS[1]);
        Buyer::nip(nip, name, Address::pl("ul. Polna 1", "00-001 Warszawa"))
    } else {
        match spec.buyer {
            BuyerSpec::Nip(i) => {
                let mut nip = *pick(NIPS, i);
                if nip == seller_nip {
                    nip = NIPS
                        .iter()
                        .copied()
                        .find(|n| *n != seller_nip)
                        .unwrap_or(NIPS[1]);
                }
                Buyer::nip(nip, name, Address::pl("ul. Polna 1", "00-001 Warszawa"))
            }
            BuyerSpec::Foreign(i) if i % 2 == 0 => eu_buyer(),
            BuyerSpec::Foreign(_) => Buyer::new(
                BuyerId::Foreign {
                    country: Some(TKodKrajuType::Us),
                    id: "12-3456789".into(),
                },
                name,
                Address::new(TKodKrajuType::Us, "1 Main St, Springfield"),
            ),
            BuyerSpec::Consumer => Buyer {
                id: BuyerId::None,
                ..Buyer::nip("", name, Address::pl("ul. Polna 1", "00-001 Warszawa"))
            },
        }
    };
    let mut b = InvoiceBuilder::new(
        format!("FV/{}/{}", issued.format("%Y/%m"), spec.seller),
        issued,
    )
    .place("Warszawa")
    .seller(seller)
    .buyer(buyer)
    .lines(lines)
    .prices(if spec.gross {
        PriceMethod::Gross
    } else {
        PriceMethod::Net
    })
    .exemption(Exemption::Act("art. 43 ust. 1 pkt 37 ustawy o VAT".into()));
    if let Some((c, rate)) = spec.currency {
        b = b.currency(Currency::Foreign {
            code: pick(CURRENCIES, c).clone(),
            rate: Decimal::new(i64::from(rate) + 1, 4),
        });
    }
    let mut payment = if spec.paid {
        Payment::paid(issued)
    } else {
        Payment::default()
    };
    if let Some(days) = spec.due_in {
        payment.due = issued.checked_add_days(Days::new(u64::from(days % 90)));
    }
    if let Some(m) = spec.method {
        let method = pick(METHODS, m).clone();
        if method == TFormaPlatnosciType::_6 {
            payment = payment.account("PL61109010140000071219812874");
        }
        payment = payment.method(method);
    }
    if payment != Payment::default() {
        b = b.payment(payment);
    }
    b
}

/// The byte ranges of the elements of `xml` (start tag to end tag), in
/// document order, and whether each has child elements. Tolerant: a broken
/// document gives the elements it can pair.
fn elements(xml: &[u8]) -> Vec<(usize, usize, bool)> {
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    let mut stack: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while let Some(off) = xml.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        let start = i + off;
        let Some(len) = xml[start..].iter().position(|&c| c == b'>') else {
            break;
        };
        let end = start + len + 1;
        let tag = &xml[start..end];
        if tag.starts_with(b"</") {
            if let Some((s, slot, _)) = stack.pop() {
                found[slot] = (s, end, found[slot].2);
            }
        } else if tag.starts_with(b"<?") || tag.starts_with(b"<!") {
        } else if tag.ends_with(b"/>") {
            if let Some(parent) = stack.last() {
                found[parent.1].2 = true;
            }
            found.push((start, end, false));
        } else {
            if let Some(parent) = stack.last() {
                found[parent.1].2 = true;
            }
            stack.push((start, found.len(), false));
            found.push((start, end, false));
        }
        i = end;
    }
    found
}

fn mutate(xml: &mut Vec<u8>, m: &Mutation) {
    let els = elements(xml);
    let nth = |n: u16| els.get(usize::from(n) % els.len().max(1)).copied();
    let leaves: Vec<_> = els.iter().filter(|e| !e.2).copied().collect();
    let leaf = |n: u16| leaves.get(usize::from(n) % leaves.len().max(1)).copied();
    let set_text = |xml: &mut Vec<u8>, n: u16, text: &[u8]| {
        let Some((s, e, _)) = leaf(n) else { return };
        let Some(open) = xml[s..e].iter().position(|&c| c == b'>') else {
            return;
        };
        let Some(close) = xml[s..e].iter().rposition(|&c| c == b'<') else {
            return;
        };
        if s + open + 1 <= s + close {
            xml.splice(s + open + 1..s + close, text.iter().copied());
        }
    };
    match m {
        Mutation::Drop(n) => {
            if let Some((s, e, _)) = nth(*n) {
                xml.drain(s..e);
            }
        }
        Mutation::Duplicate(n) => {
            if let Some((s, e, _)) = nth(*n) {
                let copy = xml[s..e].to_vec();
                xml.splice(e..e, copy);
            }
        }
        Mutation::Swap(a, b) => {
            if let (Some(x), Some(y)) = (nth(*a), nth(*b)) {
                let (first, second) = if x.0 <= y.0 { (x, y) } else { (y, x) };
                if first.1 <= second.0 {
                    let one = xml[first.0..first.1].to_vec();
                    let two = xml[second.0..second.1].to_vec();
                    xml.splice(second.0..second.1, one);
                    xml.splice(first.0..first.1, two);
                }
            }
        }
        Mutation::SetValue(n, v) => set_text(xml, *n, pick(VALUES, *v).as_bytes()),
        Mutation::SetText(n, text) => set_text(xml, *n, text.as_bytes()),
        Mutation::Insert(at, bytes) => {
            let at = (*at as usize) % (xml.len() + 1);
            xml.splice(at..at, bytes.iter().copied());
        }
        Mutation::Truncate(at) => {
            let at = (*at as usize) % (xml.len() + 1);
            xml.truncate(at);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(input) = Input::arbitrary(&mut u) else {
        return;
    };
    let settings = Settings::at(now());
    // `build` checks the XML it writes as `fa3::validate` does and returns
    // the invoice only when no finding is an error.
    let invoice = match builder(&input.invoice).build(&settings) {
        Ok(invoice) => invoice,
        Err(e) => panic!("a valid input was refused: {e}\n{input:#?}"),
    };
    if input.mutations.is_empty() {
        return;
    }
    let mut doc = fa3::to_xml(&invoice)
        .expect("a built invoice is written")
        .into_bytes();
    for m in input.mutations.iter().take(8) {
        mutate(&mut doc, m);
    }
    let report = fa3::validate(&doc, &settings).expect("settings are valid");
    if !report.has_errors() {
        let parsed = fa3::parse(&doc);
        assert!(
            parsed.is_ok(),
            "no error found, but parse fails: {parsed:?}\n{}",
            String::from_utf8_lossy(&doc)
        );
    }
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| !d.code.is_empty() && !d.message.is_empty()),
        "{:#?}",
        report.diagnostics
    );
});
