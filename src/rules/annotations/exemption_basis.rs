//! `FA3-ADN-003` exemption-basis.

use crate::facts::parties::token;
use crate::model::{
    Faktura, FakturaFaAdnotacjeZwolnienieElementType, FakturaFaAdnotacjeZwolnienieP19AChoice,
};
use crate::rules::annotations::ADNOTACJE;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The legal basis of a VAT exemption (`Zwolnienie/P_19A`, `P_19B` or
    /// `P_19C`) reads like one: it names a provision — it contains a number
    /// (an article or paragraph), `art`, `§`, `ustaw…`, `rozporządz…`,
    /// `dyrektyw…` or `directive`. A bare `zw` or `zwolniony` does not.
    ///
    /// ## Why it matters
    /// An exempt supply's invoice must cite the provision of the VAT Act or
    /// its regulations (`P_19A`), of Directive 2006/112/EC (`P_19B`), or
    /// another legal basis (`P_19C`) under which it is exempt (art. 106e ust.
    /// 1 pkt 19 of the VAT Act; the schema's annotations of the three
    /// fields). The schema accepts any text, and KSeF does not look at it.
    ///
    /// ## Example
    /// ```xml
    /// <P_19>1</P_19>
    /// <P_19A>zw</P_19A>
    /// ```
    ///
    /// ## Fix
    /// Cite the provision, e.g. `art. 43 ust. 1 pkt 37 ustawy VAT` or
    /// `art. 113 ust. 1 ustawy o VAT`.
    pub static EXEMPTION_BASIS = {
        code: "FA3-ADN-003",
        name: "exemption-basis",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// Words that show the text names a provision.
const MARKERS: [&str; 6] = ["art", "§", "ustaw", "rozporządz", "dyrektyw", "directive"];

/// True when `text` looks like a legal basis.
fn names_a_provision(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.chars().any(|c| c.is_ascii_digit()) || MARKERS.iter().any(|m| lower.contains(m))
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let FakturaFaAdnotacjeZwolnienieElementType::P19Group(group) = &invoice.fa.adnotacje.zwolnienie
    else {
        return;
    };
    let (field, value) = match &group.p_19a_choice {
        FakturaFaAdnotacjeZwolnienieP19AChoice::P19A(v) => ("P_19A", &v.0),
        FakturaFaAdnotacjeZwolnienieP19AChoice::P19B(v) => ("P_19B", &v.0),
        FakturaFaAdnotacjeZwolnienieP19AChoice::P19C(v) => ("P_19C", &v.0),
    };
    let text = token(value);
    if names_a_provision(text) {
        return;
    }
    out.report(
        &EXEMPTION_BASIS,
        format!("{ADNOTACJE}/Zwolnienie/{field}"),
        format!(
            "the legal basis of the exemption, {field} \"{text}\", names no provision (no article, paragraph or act)"
        ),
    )
    .help = Some(
        "cite the provision the exemption rests on, e.g. \"art. 43 ust. 1 pkt 37 ustawy VAT\" (P_19A), the article of Directive 2006/112/EC (P_19B), or another legal basis (P_19C)".into(),
    );
}
