//! Where identifiers sit in an FA(3) invoice. Each helper lists one kind of
//! identifier with its element path, so that every rule of the area walks
//! the same places in the same order.
//!
//! Values of `xs:token` types are returned with the surrounding XML
//! whitespace removed, as a schema validator sees them; `xs:string` values
//! (`NIP`, `NrRB`, `SWIFT`, `NrVatUE`) are returned as written.

use std::borrow::Cow;

use crate::facts::{child, indexed, indexed_child, xsd_text};
use crate::model::values::xml_trim;
use crate::model::{
    Faktura, TAdresType, TPodmiot1Type, TPodmiot2NipChoice, TPodmiot2Type, TPodmiot3NipChoice,
    TPodmiot3Type,
};

/// The part a party plays on the invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `Podmiot1`, the seller.
    Seller,
    /// `Podmiot2`, the buyer.
    Buyer,
    /// `Podmiot3`, a third party.
    ThirdParty,
    /// `PodmiotUpowazniony`, the authorised entity.
    Authorised,
    /// `Fa/Podmiot1K`, the seller as on the corrected invoice.
    CorrectedSeller,
    /// `Fa/Podmiot2K`, a buyer as on the corrected invoice.
    CorrectedBuyer,
    /// `Fa/WarunkiTransakcji/Transport/Przewoznik`, the carrier.
    Carrier,
}

impl Role {
    /// True for the parties whose `NIP` KSeF checks in production
    /// (FA3-NIP-001).
    pub fn nip_checked_by_ksef(self) -> bool {
        matches!(
            self,
            Role::Seller | Role::Buyer | Role::ThirdParty | Role::Authorised
        )
    }
}

/// How a party is identified (`DaneIdentyfikacyjne`).
#[derive(Debug, Clone)]
pub enum PartyId<'a> {
    /// `NIP`.
    Nip(&'a str),
    /// `IDWew` (third parties only).
    IdWew(&'a str),
    /// `KodUE` + `NrVatUE`.
    EuVat {
        /// `KodUE` as written in the XML (`DE`, `EL`, ...).
        kod_ue: Cow<'a, str>,
        /// `NrVatUE`.
        number: &'a str,
    },
    /// `KodKraju` (optional) + `NrID`.
    Foreign {
        /// `KodKraju`, when given.
        kod_kraju: Option<Cow<'a, str>>,
        /// `NrID`.
        number: &'a str,
    },
    /// `BrakID`, or nothing to check.
    None,
}

/// A party with its identification and address country.
#[derive(Debug, Clone)]
pub struct Party<'a> {
    /// The role.
    pub role: Role,
    /// The party element, e.g. `/Faktura/Podmiot3[2]` (a constant for the
    /// parties that occur once).
    pub path: Cow<'static, str>,
    /// Its identification.
    pub id: PartyId<'a>,
    /// `KodKraju` of its main address, when it has one.
    pub country: Option<Cow<'a, str>>,
    /// The name of the main address element (`Adres`, `AdresPrzewoznika`).
    pub address_element: &'static str,
}

impl Party<'_> {
    /// `/Faktura/Podmiot2/DaneIdentyfikacyjne/NIP` for `element = "NIP"`.
    pub fn id_path(&self, element: &str) -> String {
        crate::facts::concat(&[&self.path, "/DaneIdentyfikacyjne/", element])
    }

    /// The party element without `/Faktura` and `/Fa`, for messages:
    /// `Podmiot3[2]`, `Podmiot2K[1]`, `Transport[1]/Przewoznik`.
    pub fn label(&self) -> &str {
        let p = self.path.strip_prefix("/Faktura/").unwrap_or(&self.path);
        let p = p.strip_prefix("Fa/").unwrap_or(p);
        p.strip_prefix("WarunkiTransakcji/").unwrap_or(p)
    }
}

/// An identifier value and its element path.
#[derive(Debug, Clone)]
pub struct Field<'a> {
    /// Element path.
    pub path: String,
    /// The value.
    pub value: &'a str,
}

/// The value of an `xs:token` element as a schema validator sees it at its
/// ends (inner whitespace, which the identifiers never allow, is kept).
pub fn token(s: &str) -> &str {
    // Nearly every value starts and ends with something other than XML
    // whitespace: then there is nothing to trim.
    let kept = |b: Option<&u8>| b.is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
    if kept(s.as_bytes().first()) && kept(s.as_bytes().last()) {
        return s;
    }
    xml_trim(s)
}

fn seller_id(d: &TPodmiot1Type) -> PartyId<'_> {
    PartyId::Nip(&d.nip.0)
}

fn buyer_id(d: &TPodmiot2Type) -> PartyId<'_> {
    match &d.nip_choice {
        TPodmiot2NipChoice::Nip(nip) => PartyId::Nip(&nip.0),
        TPodmiot2NipChoice::KodUeGroup(g) => PartyId::EuVat {
            kod_ue: xsd_text(&g.kod_ue),
            number: &g.nr_vat_ue.0,
        },
        TPodmiot2NipChoice::KodKrajuGroup(g) => PartyId::Foreign {
            kod_kraju: g.kod_kraju.as_ref().map(xsd_text),
            number: &g.nr_id.0,
        },
        TPodmiot2NipChoice::BrakId(_) => PartyId::None,
    }
}

fn third_party_id(d: &TPodmiot3Type) -> PartyId<'_> {
    match &d.nip_choice {
        TPodmiot3NipChoice::Nip(nip) => PartyId::Nip(&nip.0),
        TPodmiot3NipChoice::IdWew(id) => PartyId::IdWew(&id.0),
        TPodmiot3NipChoice::KodUeGroup(g) => PartyId::EuVat {
            kod_ue: xsd_text(&g.kod_ue),
            number: &g.nr_vat_ue.0,
        },
        TPodmiot3NipChoice::KodKrajuGroup(g) => PartyId::Foreign {
            kod_kraju: g.kod_kraju.as_ref().map(xsd_text),
            number: &g.nr_id.0,
        },
        TPodmiot3NipChoice::BrakId(_) => PartyId::None,
    }
}

fn country(address: Option<&TAdresType>) -> Option<Cow<'_, str>> {
    address.map(|a| xsd_text(&a.kod_kraju))
}

/// Every party of the invoice, in document order: `Podmiot1`, `Podmiot2`,
/// each `Podmiot3`, `PodmiotUpowazniony`, then inside `Fa` the corrected
/// parties (`Podmiot1K`, each `Podmiot2K`) and the carriers of each
/// `Transport`.
pub fn parties(invoice: &Faktura) -> Vec<Party<'_>> {
    let korekta = invoice.fa.przyczyna_korekty_group.as_ref();
    let carriers = invoice.fa.warunki_transakcji.as_ref().map_or(0, |wt| {
        wt.transport
            .iter()
            .filter(|t| t.przewoznik.is_some())
            .count()
    });
    let mut out = Vec::with_capacity(
        2 + invoice.podmiot3.len()
            + usize::from(invoice.podmiot_upowazniony.is_some())
            + korekta.map_or(0, |k| {
                usize::from(k.podmiot1k.is_some()) + k.podmiot2k.len()
            })
            + carriers,
    );
    let p1 = &invoice.podmiot1;
    out.push(Party {
        role: Role::Seller,
        path: Cow::Borrowed("/Faktura/Podmiot1"),
        id: seller_id(&p1.dane_identyfikacyjne),
        country: country(Some(&p1.adres)),
        address_element: "Adres",
    });
    let p2 = &invoice.podmiot2;
    out.push(Party {
        role: Role::Buyer,
        path: Cow::Borrowed("/Faktura/Podmiot2"),
        id: buyer_id(&p2.dane_identyfikacyjne),
        country: country(p2.adres.as_ref()),
        address_element: "Adres",
    });
    for (i, p3) in invoice.podmiot3.iter().enumerate() {
        out.push(Party {
            role: Role::ThirdParty,
            path: Cow::Owned(indexed("/Faktura", "Podmiot3", i)),
            id: third_party_id(&p3.dane_identyfikacyjne),
            country: country(p3.adres.as_ref()),
            address_element: "Adres",
        });
    }
    if let Some(pu) = &invoice.podmiot_upowazniony {
        out.push(Party {
            role: Role::Authorised,
            path: Cow::Borrowed("/Faktura/PodmiotUpowazniony"),
            id: seller_id(&pu.dane_identyfikacyjne),
            country: country(Some(&pu.adres)),
            address_element: "Adres",
        });
    }
    if let Some(k) = korekta {
        if let Some(p1k) = &k.podmiot1k {
            out.push(Party {
                role: Role::CorrectedSeller,
                path: Cow::Borrowed("/Faktura/Fa/Podmiot1K"),
                id: seller_id(&p1k.dane_identyfikacyjne),
                country: country(Some(&p1k.adres)),
                address_element: "Adres",
            });
        }
        for (i, p2k) in k.podmiot2k.iter().enumerate() {
            out.push(Party {
                role: Role::CorrectedBuyer,
                path: Cow::Owned(indexed("/Faktura/Fa", "Podmiot2K", i)),
                id: buyer_id(&p2k.dane_identyfikacyjne),
                country: country(p2k.adres.as_ref()),
                address_element: "Adres",
            });
        }
    }
    if let Some(wt) = &invoice.fa.warunki_transakcji {
        for (i, t) in wt.transport.iter().enumerate() {
            if let Some(carrier) = &t.przewoznik {
                out.push(Party {
                    role: Role::Carrier,
                    path: Cow::Owned(indexed_child(
                        "/Faktura/Fa/WarunkiTransakcji",
                        "Transport",
                        i,
                        "Przewoznik",
                    )),
                    id: buyer_id(&carrier.dane_identyfikacyjne),
                    country: country(Some(&carrier.adres_przewoznika)),
                    address_element: "AdresPrzewoznika",
                });
            }
        }
    }
    out
}

/// The KSeF numbers the invoice refers to: `DaneFaKorygowanej[n]/NrKSeFFaKorygowanej`
/// and `FakturaZaliczkowa[n]/NrKSeFFaZaliczkowej`.
pub fn ksef_numbers(invoice: &Faktura) -> Vec<Field<'_>> {
    use crate::model::{
        FakturaFaDaneFaKorygowanejNrKsefChoice, FakturaFaFakturaZaliczkowaElementType,
    };
    let mut out = Vec::new();
    if let Some(k) = &invoice.fa.przyczyna_korekty_group {
        for (i, d) in k.dane_fa_korygowanej.iter().enumerate() {
            if let FakturaFaDaneFaKorygowanejNrKsefChoice::NrKSeFGroup(g) = &d.nr_ksef_choice {
                out.push(Field {
                    path: indexed_child(
                        "/Faktura/Fa",
                        "DaneFaKorygowanej",
                        i,
                        "NrKSeFFaKorygowanej",
                    ),
                    value: token(&g.nr_ksef_fa_korygowanej.0),
                });
            }
        }
    }
    for (i, z) in invoice.fa.faktura_zaliczkowa.iter().enumerate() {
        if let FakturaFaFakturaZaliczkowaElementType::NrKSeFFaZaliczkowej(n) = z {
            out.push(Field {
                path: indexed_child("/Faktura/Fa", "FakturaZaliczkowa", i, "NrKSeFFaZaliczkowej"),
                value: token(&n.0),
            });
        }
    }
    out
}

/// A bank account (`RachunekBankowy` or `RachunekBankowyFaktora`).
#[derive(Debug, Clone)]
pub struct Account<'a> {
    /// The account element, e.g. `/Faktura/Fa/Platnosc/RachunekBankowy[1]`.
    pub path: String,
    /// `NrRB`.
    pub number: &'a str,
    /// `SWIFT`, when given.
    pub swift: Option<&'a str>,
}

/// The bank accounts of `Platnosc`: each `RachunekBankowy`, then each
/// `RachunekBankowyFaktora`.
pub fn accounts(invoice: &Faktura) -> Vec<Account<'_>> {
    fn push<'a>(
        out: &mut Vec<Account<'a>>,
        path: String,
        r: &'a crate::model::TRachunekBankowyType,
    ) {
        out.push(Account {
            path,
            number: &r.nr_rb_group_2.nr_rb.0,
            swift: r.nr_rb_group_2.swift.as_ref().map(|s| s.0.as_str()),
        });
    }
    let mut out = Vec::new();
    if let Some(p) = &invoice.fa.platnosc {
        for (i, r) in p.rachunek_bankowy.iter().enumerate() {
            push(
                &mut out,
                indexed("/Faktura/Fa/Platnosc", "RachunekBankowy", i),
                r,
            );
        }
        for (i, r) in p.rachunek_bankowy_faktora.iter().enumerate() {
            push(
                &mut out,
                indexed("/Faktura/Fa/Platnosc", "RachunekBankowyFaktora", i),
                r,
            );
        }
    }
    out
}

/// An address and its path.
#[derive(Debug, Clone)]
pub struct Address<'a> {
    /// The address element, e.g. `/Faktura/Podmiot1/Adres`.
    pub path: Cow<'static, str>,
    /// `GLN`, when given.
    pub gln: Option<&'a str>,
}

/// Every address: each party's `Adres` and `AdresKoresp`, the carrier's
/// `AdresPrzewoznika`, and the `WysylkaZ`, `WysylkaPrzez` and `WysylkaDo` of
/// each `Transport`.
pub fn addresses(invoice: &Faktura) -> Vec<Address<'_>> {
    fn push<'a>(out: &mut Vec<Address<'a>>, path: impl Into<Cow<'static, str>>, a: &'a TAdresType) {
        out.push(Address {
            path: path.into(),
            gln: a.gln.as_ref().map(|g| token(&g.0)),
        });
    }
    let mut out = Vec::new();
    let p1 = &invoice.podmiot1;
    push(&mut out, "/Faktura/Podmiot1/Adres", &p1.adres);
    if let Some(a) = &p1.adres_koresp {
        out.push(Address {
            path: Cow::Borrowed("/Faktura/Podmiot1/AdresKoresp"),
            gln: a.gln.as_ref().map(|g| token(&g.0)),
        });
    }
    let p2 = &invoice.podmiot2;
    if let Some(a) = &p2.adres {
        push(&mut out, "/Faktura/Podmiot2/Adres", a);
    }
    if let Some(a) = &p2.adres_koresp {
        push(&mut out, "/Faktura/Podmiot2/AdresKoresp", a);
    }
    for (i, p3) in invoice.podmiot3.iter().enumerate() {
        let base = indexed("/Faktura", "Podmiot3", i);
        if let Some(a) = &p3.adres {
            push(&mut out, child(&base, "Adres"), a);
        }
        if let Some(a) = &p3.adres_koresp {
            push(&mut out, child(&base, "AdresKoresp"), a);
        }
    }
    if let Some(pu) = &invoice.podmiot_upowazniony {
        push(&mut out, "/Faktura/PodmiotUpowazniony/Adres", &pu.adres);
        if let Some(a) = &pu.adres_koresp {
            push(&mut out, "/Faktura/PodmiotUpowazniony/AdresKoresp", a);
        }
    }
    if let Some(k) = &invoice.fa.przyczyna_korekty_group {
        if let Some(p1k) = &k.podmiot1k {
            push(&mut out, "/Faktura/Fa/Podmiot1K/Adres", &p1k.adres);
        }
        for (i, p2k) in k.podmiot2k.iter().enumerate() {
            if let Some(a) = &p2k.adres {
                push(
                    &mut out,
                    indexed_child("/Faktura/Fa", "Podmiot2K", i, "Adres"),
                    a,
                );
            }
        }
    }
    if let Some(wt) = &invoice.fa.warunki_transakcji {
        for (i, t) in wt.transport.iter().enumerate() {
            let base = indexed("/Faktura/Fa/WarunkiTransakcji", "Transport", i);
            if let Some(c) = &t.przewoznik {
                push(
                    &mut out,
                    child(&base, "Przewoznik/AdresPrzewoznika"),
                    &c.adres_przewoznika,
                );
            }
            if let Some(g) = &t.data_godz_rozp_transportu_group {
                if let Some(a) = &g.wysylka_z {
                    push(&mut out, child(&base, "WysylkaZ"), a);
                }
                for (j, a) in g.wysylka_przez.iter().enumerate() {
                    push(&mut out, indexed(&base, "WysylkaPrzez", j), a);
                }
                if let Some(a) = &g.wysylka_do {
                    push(&mut out, child(&base, "WysylkaDo"), a);
                }
            }
        }
    }
    out
}

/// A `DaneKontaktowe` entry.
#[derive(Debug, Clone)]
pub struct Contact<'a> {
    /// The `DaneKontaktowe[n]` element (a constant for the first three
    /// entries of `Podmiot1`, `Podmiot2` and `PodmiotUpowazniony`, the most
    /// the schema allows there).
    pub path: Cow<'static, str>,
    /// The e-mail element's name (`Email` or `EmailPU`) and value.
    pub email: Option<(&'static str, &'a str)>,
    /// The telephone element's name (`Telefon` or `TelefonPU`) and value.
    pub phone: Option<(&'static str, &'a str)>,
}

/// The paths of the first three `DaneKontaktowe` of `Podmiot1`.
const PODMIOT1_CONTACTS: [&str; 3] = [
    "/Faktura/Podmiot1/DaneKontaktowe[1]",
    "/Faktura/Podmiot1/DaneKontaktowe[2]",
    "/Faktura/Podmiot1/DaneKontaktowe[3]",
];
/// The paths of the first three `DaneKontaktowe` of `Podmiot2`.
const PODMIOT2_CONTACTS: [&str; 3] = [
    "/Faktura/Podmiot2/DaneKontaktowe[1]",
    "/Faktura/Podmiot2/DaneKontaktowe[2]",
    "/Faktura/Podmiot2/DaneKontaktowe[3]",
];
/// The paths of the first three `DaneKontaktowe` of `PodmiotUpowazniony`.
const UPOWAZNIONY_CONTACTS: [&str; 3] = [
    "/Faktura/PodmiotUpowazniony/DaneKontaktowe[1]",
    "/Faktura/PodmiotUpowazniony/DaneKontaktowe[2]",
    "/Faktura/PodmiotUpowazniony/DaneKontaktowe[3]",
];
/// The path of entry `i` of `parent`: a constant when there is one.
fn contact_path(constants: &[&'static str; 3], parent: &str, i: usize) -> Cow<'static, str> {
    constants.get(i).map_or_else(
        || Cow::Owned(indexed(parent, "DaneKontaktowe", i)),
        |&p| Cow::Borrowed(p),
    )
}

/// The contact entries of `Podmiot1`, `Podmiot2`, each `Podmiot3` and
/// `PodmiotUpowazniony`.
pub fn contacts(invoice: &Faktura) -> Vec<Contact<'_>> {
    let upowazniony = invoice
        .podmiot_upowazniony
        .as_ref()
        .map_or(&[][..], |pu| &pu.dane_kontaktowe[..]);
    let mut out = Vec::with_capacity(
        invoice.podmiot1.dane_kontaktowe.len()
            + invoice.podmiot2.dane_kontaktowe.len()
            + invoice
                .podmiot3
                .iter()
                .map(|p3| p3.dane_kontaktowe.len())
                .sum::<usize>()
            + upowazniony.len(),
    );
    for (i, c) in invoice.podmiot1.dane_kontaktowe.iter().enumerate() {
        if let Some(c) = &c.content {
            out.push(Contact {
                path: contact_path(&PODMIOT1_CONTACTS, "/Faktura/Podmiot1", i),
                email: c.email.as_ref().map(|e| ("Email", token(&e.0))),
                phone: c.telefon.as_ref().map(|t| ("Telefon", token(&t.0))),
            });
        }
    }
    for (i, c) in invoice.podmiot2.dane_kontaktowe.iter().enumerate() {
        if let Some(c) = &c.content {
            out.push(Contact {
                path: contact_path(&PODMIOT2_CONTACTS, "/Faktura/Podmiot2", i),
                email: c.email.as_ref().map(|e| ("Email", token(&e.0))),
                phone: c.telefon.as_ref().map(|t| ("Telefon", token(&t.0))),
            });
        }
    }
    for (i, p3) in invoice.podmiot3.iter().enumerate() {
        if p3.dane_kontaktowe.is_empty() {
            continue;
        }
        let base = indexed("/Faktura", "Podmiot3", i);
        for (j, c) in p3.dane_kontaktowe.iter().enumerate() {
            out.push(Contact {
                path: Cow::Owned(indexed(&base, "DaneKontaktowe", j)),
                email: c.email.as_ref().map(|e| ("Email", token(&e.0))),
                phone: c.telefon.as_ref().map(|t| ("Telefon", token(&t.0))),
            });
        }
    }
    for (i, c) in upowazniony.iter().enumerate() {
        out.push(Contact {
            path: contact_path(&UPOWAZNIONY_CONTACTS, "/Faktura/PodmiotUpowazniony", i),
            email: c.email_pu.as_ref().map(|e| ("EmailPU", token(&e.0))),
            phone: c.telefon_pu.as_ref().map(|t| ("TelefonPU", token(&t.0))),
        });
    }
    out
}

/// The `NrEORI` of `Podmiot1`, `Podmiot2`, each `Podmiot3` and
/// `PodmiotUpowazniony`.
pub fn eori_numbers(invoice: &Faktura) -> Vec<Field<'_>> {
    let mut out = Vec::new();
    if let Some(e) = &invoice.podmiot1.nr_eori {
        out.push(Field {
            path: "/Faktura/Podmiot1/NrEORI".into(),
            value: token(&e.0),
        });
    }
    if let Some(e) = &invoice.podmiot2.nr_eori {
        out.push(Field {
            path: "/Faktura/Podmiot2/NrEORI".into(),
            value: token(&e.0),
        });
    }
    for (i, p3) in invoice.podmiot3.iter().enumerate() {
        if let Some(e) = &p3.nr_eori {
            out.push(Field {
                path: indexed_child("/Faktura", "Podmiot3", i, "NrEORI"),
                value: token(&e.0),
            });
        }
    }
    if let Some(e) = invoice
        .podmiot_upowazniony
        .as_ref()
        .and_then(|pu| pu.nr_eori.as_ref())
    {
        out.push(Field {
            path: "/Faktura/PodmiotUpowazniony/NrEORI".into(),
            value: token(&e.0),
        });
    }
    out
}

/// The `GTIN` of each `FaWiersz` and the `GTINZ` of each
/// `Zamowienie/ZamowienieWiersz`.
pub fn gtins(invoice: &Faktura) -> Vec<Field<'_>> {
    let mut out = Vec::new();
    for (i, w) in invoice.fa.fa_wiersz.iter().enumerate() {
        if let Some(g) = &w.gtin {
            out.push(Field {
                path: indexed_child("/Faktura/Fa", "FaWiersz", i, "GTIN"),
                value: token(&g.0),
            });
        }
    }
    if let Some(z) = &invoice.fa.zamowienie {
        for (i, w) in z.zamowienie_wiersz.iter().enumerate() {
            if let Some(g) = &w.gtinz {
                out.push(Field {
                    path: indexed_child("/Faktura/Fa/Zamowienie", "ZamowienieWiersz", i, "GTINZ"),
                    value: token(&g.0),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_trimmed_of_xml_whitespace_only() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\r\n",
            "a b",
            "\u{a0}a\u{a0}",
            "ż",
            " ż ",
            "\u{b}a",
        ] {
            assert_eq!(token(s), xml_trim(s), "{s:?}");
        }
    }

    #[test]
    fn contact_paths_are_the_indexed_paths() {
        for (constants, parent) in [
            (&PODMIOT1_CONTACTS, "/Faktura/Podmiot1"),
            (&PODMIOT2_CONTACTS, "/Faktura/Podmiot2"),
            (&UPOWAZNIONY_CONTACTS, "/Faktura/PodmiotUpowazniony"),
        ] {
            for i in 0..5 {
                assert_eq!(
                    contact_path(constants, parent, i),
                    indexed(parent, "DaneKontaktowe", i)
                );
            }
        }
    }
}
