//! `FA3-TYPE-002` correction-fields-on-non-correction.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice that is not a correction (`RodzajFaktury` `VAT`, `ZAL`,
    /// `ROZ` or `UPR`) has none of the correction fields: `PrzyczynaKorekty`,
    /// `TypKorekty`, `DaneFaKorygowanej`, `OkresFaKorygowanej`,
    /// `NrFaKorygowany`, `Podmiot1K`, `Podmiot2K`, `P_15ZK`, `KursWalutyZK`.
    ///
    /// ## Why it matters
    /// These fields form the group of "Dane dla przypadków, gdy pole
    /// RodzajFaktury przyjmuje wartości KOR, KOR_ZAL lub KOR_ROZ"
    /// (schemat_FA(3)_v1-0E.xsd). On another kind of invoice they mean
    /// either a correction sent with the wrong `RodzajFaktury`, which then
    /// counts as a new sale, or data copied from a correction. KSeF does not
    /// check it.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>VAT</RodzajFaktury>
    /// <TypKorekty>2</TypKorekty>
    /// <DaneFaKorygowanej> ... </DaneFaKorygowanej>
    /// ```
    ///
    /// ## Fix
    /// For a correction, set `RodzajFaktury` to `KOR` (`KOR_ZAL` for an
    /// advance invoice, `KOR_ROZ` for a settlement); otherwise remove the
    /// correction fields.
    pub static CORRECTION_FIELDS_ON_NON_CORRECTION = {
        code: "FA3-TYPE-002",
        name: "correction-fields-on-non-correction",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let kind = ctx.facts().kind();
    if kind.is_correction() {
        return;
    }
    let Some(group) = &invoice.fa.przyczyna_korekty_group else {
        return;
    };
    let present = [
        ("PrzyczynaKorekty", group.przyczyna_korekty.is_some()),
        ("TypKorekty", group.typ_korekty.is_some()),
        ("DaneFaKorygowanej", !group.dane_fa_korygowanej.is_empty()),
        ("OkresFaKorygowanej", group.okres_fa_korygowanej.is_some()),
        ("NrFaKorygowany", group.nr_fa_korygowany.is_some()),
        ("Podmiot1K", group.podmiot1k.is_some()),
        ("Podmiot2K", !group.podmiot2k.is_empty()),
        ("P_15ZK", group.p_15zk_group.is_some()),
        (
            "KursWalutyZK",
            group
                .p_15zk_group
                .as_ref()
                .is_some_and(|g| g.kurs_waluty_zk.is_some()),
        ),
    ];
    let fields: Vec<&str> = present
        .iter()
        .filter(|(_, is)| *is)
        .map(|(name, _)| *name)
        .collect();
    let Some(first) = fields.first() else {
        return;
    };
    let path = match *first {
        "DaneFaKorygowanej" | "Podmiot2K" => format!("/Faktura/Fa/{first}[1]"),
        other => format!("/Faktura/Fa/{other}"),
    };
    out.report(
        &CORRECTION_FIELDS_ON_NON_CORRECTION,
        path,
        format!(
            "the invoice is of kind {kind}, not a correction, but has the correction fields {fields}",
            fields = fields.join(", ")
        ),
    )
    .help = Some(
        "for a correction set RodzajFaktury to KOR, KOR_ZAL or KOR_ROZ; otherwise remove the correction fields".into(),
    );
}
