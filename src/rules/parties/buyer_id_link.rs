//! `FA3-PM2-012` buyer-id-link.

use crate::facts::parties::token;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The `IDNabywcy` keys, which link a buyer's data on a correction to the
    /// data on the corrected invoice:
    ///
    /// - a single `Fa/Podmiot2K` whose `IDNabywcy` is not the `IDNabywcy` of
    ///   `Podmiot2` or of any `Podmiot3`;
    /// - the same `IDNabywcy` on two of `Podmiot2` and the `Podmiot3`
    ///   entries, so that a key names two parties.
    ///
    /// Refined: with several `Podmiot2K`, each needs a matching key, and that
    /// is FA3-KOR-006; this rule covers the single `Podmiot2K` and the keys of
    /// the current parties.
    ///
    /// ## Why it matters
    /// `IDNabywcy` is "a unique key linking the buyer's data on corrective
    /// invoices, when the buyer's data on the correction changed" (schema
    /// annotation), and the key in `Podmiot2K` must be the one in `Podmiot2`
    /// or `Podmiot3`. A key that links nothing, or links two parties, leaves
    /// the buyer's systems unable to match the old data to the new.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2> ... <IDNabywcy>0001</IDNabywcy> ...
    /// <Podmiot2K> ... <IDNabywcy>0002</IDNabywcy> </Podmiot2K>
    /// ```
    ///
    /// ## Fix
    /// Give `Podmiot2K` the `IDNabywcy` of the party whose earlier data it
    /// shows, and give each party its own key.
    pub static BUYER_ID_LINK = {
        code: "FA3-PM2-012",
        name: "buyer-id-link",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    // The keys of the current parties, with their paths and labels.
    let mut keys: Vec<(String, &str)> = Vec::new();
    if let Some(id) = &invoice.podmiot2.id_nabywcy {
        keys.push(("Podmiot2".into(), token(&id.0)));
    }
    for (i, p3) in invoice.podmiot3.iter().enumerate() {
        if let Some(id) = &p3.id_nabywcy {
            keys.push((format!("Podmiot3[{}]", i + 1), token(&id.0)));
        }
    }
    for (i, (label, key)) in keys.iter().enumerate() {
        if let Some((first, _)) = keys.iter().take(i).find(|(_, k)| k == key) {
            out.report(
                &BUYER_ID_LINK,
                format!("/Faktura/{label}/IDNabywcy"),
                format!(
                    "{label} has the IDNabywcy \"{key}\" of {first}: one key links two parties"
                ),
            )
            .help = Some(format!("give {label} its own IDNabywcy"));
        }
    }
    let Some(group) = &invoice.fa.przyczyna_korekty_group else {
        return;
    };
    let [corrected] = group.podmiot2k.as_slice() else {
        return; // several: FA3-KOR-006
    };
    let Some(id) = &corrected.id_nabywcy else {
        return;
    };
    let key = token(&id.0);
    if keys.iter().any(|(_, k)| *k == key) {
        return;
    }
    let known = if keys.is_empty() {
        "neither Podmiot2 nor any Podmiot3 has an IDNabywcy".to_string()
    } else {
        let list: Vec<String> = keys.iter().map(|(l, k)| format!("{l}: \"{k}\"")).collect();
        format!("the keys given are {}", list.join(", "))
    };
    out.report(
        &BUYER_ID_LINK,
        crate::facts::indexed_child("/Faktura/Fa", "Podmiot2K", 0, "IDNabywcy"),
        format!(
            "Podmiot2K has IDNabywcy \"{key}\", which links to no party of the invoice: {known}"
        ),
    )
    .help = Some(format!(
        "give Podmiot2 (or the Podmiot3 whose earlier data Podmiot2K shows) <IDNabywcy>{key}</IDNabywcy>, or correct the key in Podmiot2K"
    ));
}
