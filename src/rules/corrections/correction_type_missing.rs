//! `FA3-TYPE-003` correction-type-missing.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A correction (`KOR`, `KOR_ZAL`, `KOR_ROZ`) without `TypKorekty`, the
    /// effect of the correction on the VAT records. Both `TypKorekty` and
    /// the reason, `PrzyczynaKorekty`, are optional; fa3 only suggests
    /// giving the type.
    ///
    /// ## Why it matters
    /// The law lets the reason be given ("może zawierać", art. 106j ust. 2a
    /// ustawy o VAT) and the MF brochure on FA(3) (§ 9.7) marks both fields
    /// optional, so KSeF accepts a correction without them; some validators
    /// wrongly reject it. `TypKorekty` tells the buyer's and the seller's
    /// systems in which period the correction is recorded (1: in the period
    /// of the corrected invoice, 2: in the period of the correction, 3:
    /// another date), which the JPK_VAT records need.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>KOR</RodzajFaktury>
    /// <DaneFaKorygowanej> ... </DaneFaKorygowanej>
    /// ```
    ///
    /// ## Fix
    /// Add `TypKorekty` (1, 2 or 3), and if useful `PrzyczynaKorekty`.
    pub static CORRECTION_TYPE_MISSING = {
        code: "FA3-TYPE-003",
        name: "correction-type-missing",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let correction = ctx.facts().correction();
    if !correction.is_correction() || correction.correction_type.is_some() {
        return;
    }
    let reason = if correction.reason.is_some() {
        ""
    } else {
        "; PrzyczynaKorekty (the reason) is not given either, which the law also allows"
    };
    out.report(
        &CORRECTION_TYPE_MISSING,
        "/Faktura/Fa/RodzajFaktury",
        format!(
            "the correction ({kind}) does not say in which period it is recorded (TypKorekty); the field is optional{reason}",
            kind = correction.kind
        ),
    )
    .help = Some(
        "add TypKorekty: 1 in the period of the corrected invoice, 2 in the period of the correction, 3 at another date".into(),
    );
}
