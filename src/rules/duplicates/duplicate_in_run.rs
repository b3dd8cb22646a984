//! `FA3-DUP-002` duplicate-in-run: `SeenKeys` remembers the keys of a
//! run's documents, in input order, and reports a key seen before (and,
//! under FA3-DUP-003, a number that differs from an earlier one only in
//! letter case).

use super::duplicate_after_normalisation;
use crate::diagnostic::Diagnostic;
use crate::registry::DupKey;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// No two invoices in one run (the files, folders and ZIP packages
    /// checked together) share a duplicate key: seller NIP, `RodzajFaktury`
    /// and `P_2` after `xsd:token` normalisation. The second and later
    /// invoices with a key are reported. Checked by `fa3::run`.
    ///
    /// ## Why it matters
    /// KSeF accepts the first invoice with a key and rejects the others with
    /// status 440 "Duplikat faktury" (KSeF docs: weryfikacja-faktury,
    /// "Unikalność faktury"), so a batch with a repeated key always fails in
    /// part.
    ///
    /// ## Example
    /// ```xml
    /// <!-- a.xml -->  <P_2>FV/2026/11/001</P_2>
    /// <!-- b.xml -->  <P_2>FV/2026/11/001</P_2>
    /// ```
    ///
    /// ## Fix
    /// Give every invoice of a seller and type its own number, or remove the
    /// repeated invoice from the package.
    pub static DUPLICATE_IN_RUN = {
        code: "FA3-DUP-002",
        name: "duplicate-in-run",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}

/// The duplicate keys of the documents checked so far in a run: only the
/// small keys are kept, never the documents. The maps hash with foldhash
/// (seeded per process, like the standard `RandomState`), several times
/// cheaper than SipHash on these short keys: every document of a run is
/// looked up and inserted, and the tables rehash as they grow.
#[derive(Debug, Default)]
pub(crate) struct SeenKeys {
    /// Key → the first document with it.
    seen: foldhash::HashMap<DupKey, String>,
    /// Case-folded key → the first document with it and its number, for
    /// the case-only info.
    folded: foldhash::HashMap<(String, String, String), (String, String)>,
}

impl SeenKeys {
    /// Records the key of the document `name` and reports it when an
    /// earlier document of the run has the same key (FA3-DUP-002) or a
    /// number that differs only in letter case (FA3-DUP-003, an info).
    pub(crate) fn check(&mut self, key: DupKey, name: &str) -> Option<Diagnostic> {
        if let Some(first) = self.seen.get(&key) {
            return Some(
                DUPLICATE_IN_RUN
                    .diagnostic(format!(
                        "the same key (seller NIP {}, {}, number \"{}\") as {first}; KSeF will reject one of them as a duplicate",
                        key.seller_nip(),
                        key.invoice_type(),
                        key.number()
                    ))
                    .with_path(super::P_2)
                    .with_help("every invoice of a seller and type needs its own number"),
            );
        }
        let folded = (
            key.seller_nip().to_string(),
            key.invoice_type().to_string(),
            key.number().to_lowercase(),
        );
        let found = match self.folded.get(&folded) {
            Some((first, number)) if number != key.number() => Some(
                duplicate_after_normalisation::case_only_in_run(&key, number, first),
            ),
            Some(_) => None,
            None => {
                self.folded
                    .insert(folded, (name.to_string(), key.number().to_string()));
                None
            }
        };
        self.seen.insert(key, name.to_string());
        found
    }
}
