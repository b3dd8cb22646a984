//! `FA3-KOR-007` corrected-number-unchanged.

use crate::facts::parties::token;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The right number of an invoice issued with a wrong number,
    /// `Fa/NrFaKorygowany`, differs from the wrong number it replaces,
    /// `DaneFaKorygowanej/NrFaKorygowanej`.
    ///
    /// ## Why it matters
    /// `NrFaKorygowany` is the "Poprawny numer faktury korygowanej w
    /// przypadku, gdy przyczyną korekty jest błędny numer faktury
    /// korygowanej. W takim przypadku błędny numer faktury należy wskazać w
    /// polu NrFaKorygowanej" (schemat_FA(3)_v1-0E.xsd). With both equal, the
    /// correction corrects nothing; usually the right number was not filled
    /// in. KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <NrFaKorygowanej>FV/1</NrFaKorygowanej>
    /// ...
    /// <NrFaKorygowany>FV/1</NrFaKorygowany>
    /// ```
    ///
    /// ## Fix
    /// Put the wrong number, as on the corrected invoice, in
    /// `NrFaKorygowanej` and the right one in `NrFaKorygowany`; remove
    /// `NrFaKorygowany` if the number was not the error.
    pub static CORRECTED_NUMBER_UNCHANGED = {
        code: "FA3-KOR-007",
        name: "corrected-number-unchanged",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let correction = ctx.facts().correction();
    let Some(right) = correction.corrected_number.map(token) else {
        return;
    };
    let Some(corrected) = correction
        .corrected
        .iter()
        .find(|c| token(c.number) == right)
    else {
        return;
    };
    out.report(
        &CORRECTED_NUMBER_UNCHANGED,
        "/Faktura/Fa/NrFaKorygowany",
        format!(
            "the right number NrFaKorygowany is {right}, the same as the wrong number it replaces ({path}/NrFaKorygowanej)",
            path = corrected.path.strip_prefix("/Faktura/").unwrap_or(&corrected.path)
        ),
    )
    .help = Some(
        "put the wrong number in NrFaKorygowanej and the right one in NrFaKorygowany, or remove NrFaKorygowany".into(),
    );
}
