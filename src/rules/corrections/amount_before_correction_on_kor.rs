//! `FA3-KOR-010` amount-before-correction-on-kor.

use crate::facts::Kind;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A `KOR` correction does not give `P_15ZK` or `KursWalutyZK`, which
    /// belong to corrections of advance invoices (`KOR_ZAL`) and of
    /// settlements (`KOR_ROZ`). On an invoice that is not a correction the
    /// fields are reported by FA3-TYPE-002.
    ///
    /// ## Why it matters
    /// `P_15ZK` is, "w przypadku korekt faktur zaliczkowych - kwota zapłaty
    /// przed korektą. W przypadku korekt faktur, o których mowa w art. 106f
    /// ust. 3 ustawy - kwota pozostała do zapłaty przed korektą", and
    /// `KursWalutyZK` the exchange rate before that correction
    /// (schemat_FA(3)_v1-0E.xsd). A plain correction states its amounts as
    /// differences (`P_13_x`, `P_14_x`, `P_15`); on a `KOR` the fields mean
    /// nothing, or the invoice should have been a `KOR_ZAL`/`KOR_ROZ`. KSeF
    /// does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>KOR</RodzajFaktury>
    /// ...
    /// <P_15ZK>2050.99</P_15ZK>
    /// ```
    ///
    /// ## Fix
    /// Remove `P_15ZK` and `KursWalutyZK`, or set `RodzajFaktury` to
    /// `KOR_ZAL` (advance invoice) or `KOR_ROZ` (settlement).
    pub static AMOUNT_BEFORE_CORRECTION_ON_KOR = {
        code: "FA3-KOR-010",
        name: "amount-before-correction-on-kor",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if ctx.facts().kind() != Kind::Kor {
        return;
    }
    let Some(before) = invoice
        .fa
        .przyczyna_korekty_group
        .as_ref()
        .and_then(|g| g.p_15zk_group.as_ref())
    else {
        return;
    };
    let fields = if before.kurs_waluty_zk.is_some() {
        "P_15ZK and KursWalutyZK"
    } else {
        "P_15ZK"
    };
    out.report(
        &AMOUNT_BEFORE_CORRECTION_ON_KOR,
        "/Faktura/Fa/P_15ZK",
        format!(
            "the correction is a KOR but gives {fields}, the amount before the correction of an advance invoice (KOR_ZAL) or a settlement (KOR_ROZ)"
        ),
    )
    .help = Some(
        "remove the field(s), or set RodzajFaktury to KOR_ZAL or KOR_ROZ if that is what is corrected".into(),
    );
}
