//! `FA3-KOR-006` corrected-buyer-link.

use crate::facts::indexed;
use crate::facts::parties::token;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each buyer as on the corrected invoice, `Fa/Podmiot2K`, can be matched
    /// to a buyer of the correction: with two or more `Podmiot2K` (up to
    /// 101), each carries an `IDNabywcy`; and every `IDNabywcy` given in a
    /// `Podmiot2K` equals the `IDNabywcy` of `Podmiot2` or of a `Podmiot3`.
    ///
    /// ## Why it matters
    /// `IDNabywcy` is the "Unikalny klucz powiązania danych nabywcy na
    /// fakturach korygujących, w przypadku gdy dane nabywcy na fakturze
    /// korygującej zmieniły się w stosunku do danych na fakturze korygowanej"
    /// (schemat_FA(3)_v1-0E.xsd): it says which current buyer (`Podmiot2`,
    /// or an additional buyer in `Podmiot3`) each old set of data in
    /// `Podmiot2K` belongs to. Without it, or with a key that matches no one,
    /// the buyer's and the additional buyers' data cannot be told apart.
    /// KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2K> ... <IDNabywcy>0001</IDNabywcy></Podmiot2K>
    /// <Podmiot2K> ... <!-- no IDNabywcy --> </Podmiot2K>
    /// ```
    ///
    /// ## Fix
    /// Give `Podmiot2` and each additional buyer (`Podmiot3`) an
    /// `IDNabywcy`, and repeat it in the `Podmiot2K` that holds that buyer's
    /// data from the corrected invoice.
    pub static CORRECTED_BUYER_LINK = {
        code: "FA3-KOR-006",
        name: "corrected-buyer-link",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(group) = &invoice.fa.przyczyna_korekty_group else {
        return;
    };
    let corrected = &group.podmiot2k;
    let keys: Vec<&str> = invoice
        .podmiot2
        .id_nabywcy
        .iter()
        .map(|v| token(&v.0))
        .chain(
            invoice
                .podmiot3
                .iter()
                .filter_map(|p| p.id_nabywcy.as_ref().map(|v| token(&v.0))),
        )
        .collect();
    let count = corrected.len();
    for (i, p2k) in corrected.iter().enumerate() {
        let base = indexed("/Faktura/Fa", "Podmiot2K", i);
        match p2k.id_nabywcy.as_ref().map(|v| token(&v.0)) {
            None if count >= 2 => {
                out.report(
                    &CORRECTED_BUYER_LINK,
                    base,
                    format!(
                        "the correction gives {count} buyers as on the corrected invoice (Podmiot2K), but Podmiot2K[{n}] has no IDNabywcy to say which buyer it belongs to",
                        n = i + 1
                    ),
                )
                .help = Some(
                    "give each Podmiot2K the IDNabywcy of the Podmiot2 or Podmiot3 it belongs to".into(),
                );
            }
            Some(key) if !keys.contains(&key) => {
                out.report(
                    &CORRECTED_BUYER_LINK,
                    format!("{base}/IDNabywcy"),
                    format!(
                        "Podmiot2K[{n}] has IDNabywcy {key}, but neither Podmiot2 nor any Podmiot3 has that IDNabywcy",
                        n = i + 1
                    ),
                )
                .help = Some(
                    "use the IDNabywcy of the Podmiot2 or Podmiot3 whose data on the corrected invoice this Podmiot2K gives".into(),
                );
            }
            _ => {}
        }
    }
}
