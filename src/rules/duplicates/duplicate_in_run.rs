//! `FA3-DUP-002` duplicate-in-run: `SeenKeys` remembers the keys of a
//! run's documents, in input order, and reports a key seen before (and,
//! under FA3-DUP-003, a number that differs from an earlier one only in
//! letter case).

use super::duplicate_after_normalisation;
use crate::diagnostic::Diagnostic;
use std::hash::{BuildHasher as _, BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::registry::KeyParts;
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
/// small keys are kept, never the documents, and without an allocation per
/// document: the keys (as bytes: the parts, each but the last after its
/// length), names and numbers are appended to two buffers, and the maps
/// hold a hash (foldhash, seeded per process) and the last document with
/// it, each document linking to the one before with the same hash.
#[derive(Debug, Default)]
pub(crate) struct SeenKeys {
    /// Hash of a key → the last document recorded with it (an index into
    /// `docs`).
    seen: ByHash,
    /// Hash of a key with the number case-folded → the last document that
    /// was the first with its folded key, for the case-only info.
    folded: ByHash,
    /// The documents recorded, in input order.
    docs: Vec<Seen>,
    /// The keys and folded keys of the documents recorded.
    keys: Vec<u8>,
    /// The names and numbers of the documents recorded.
    text: String,
    /// Hashes the keys.
    hasher: foldhash::fast::RandomState,
}

/// One document recorded in [`SeenKeys`].
#[derive(Debug)]
struct Seen {
    /// Its key in `keys`.
    key: Range<usize>,
    /// Its folded key in `keys`.
    folded: Range<usize>,
    /// Its name in `text`.
    name: Range<usize>,
    /// Its number in `text`.
    number: Range<usize>,
    /// The document recorded before with the same hash of the key.
    next_seen: Option<usize>,
    /// The document recorded before with the same hash of the folded key
    /// (among the first of their folded keys).
    next_folded: Option<usize>,
}

/// A map from a hash already computed: the hasher passes the value on.
type ByHash = std::collections::HashMap<u64, usize, BuildHasherDefault<Prehashed>>;

/// The hasher of [`ByHash`]: the key is a hash already.
#[derive(Debug, Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl SeenKeys {
    /// Records the key of the document `name` and reports it when an
    /// earlier document of the run has the same key (FA3-DUP-002) or a
    /// number that differs only in letter case (FA3-DUP-003, an info).
    pub(crate) fn check(&mut self, key: &KeyParts<'_>, name: &str) -> Option<Diagnostic> {
        let hasher = self.hasher;
        self.check_with(key, name, |bytes| hasher.hash_one(bytes))
    }

    /// [`check`](Self::check) with the keys hashed by `hash_of`.
    fn check_with(
        &mut self,
        key: &KeyParts<'_>,
        name: &str,
        hash_of: impl Fn(&[u8]) -> u64,
    ) -> Option<Diagnostic> {
        let number = key.number.as_ref();
        // The key, appended (and taken back when it is not new).
        let start = self.keys.len();
        for part in [key.seller_nip.as_ref(), key.invoice_type.as_ref()] {
            self.keys.extend_from_slice(&part.len().to_le_bytes());
            self.keys.extend_from_slice(part.as_bytes());
        }
        let prefix = self.keys.len();
        self.keys.extend_from_slice(number.as_bytes());
        let end = self.keys.len();
        let hash = hash_of(self.keys.get(start..end).unwrap_or_default());
        let mut at = self.seen.get(&hash).copied();
        while let Some(doc) = at.and_then(|i| self.docs.get(i)) {
            if self.keys.get(doc.key.clone()) == self.keys.get(start..end) {
                let first = self.text.get(doc.name.clone()).unwrap_or_default();
                let message = same_key(key, first);
                self.keys.truncate(start);
                return Some(
                    DUPLICATE_IN_RUN
                        .diagnostic(message)
                        .with_path(super::P_2)
                        .with_help("every invoice of a seller and type needs its own number"),
                );
            }
            at = doc.next_seen;
        }
        // The folded key: the parts but the number, then the number folded.
        self.keys.extend_from_within(start..prefix);
        if number.is_ascii() {
            self.keys
                .extend(number.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            self.keys
                .extend_from_slice(number.to_lowercase().as_bytes());
        }
        let folded = end..self.keys.len();
        let folded_hash = hash_of(self.keys.get(folded.clone()).unwrap_or_default());
        let mut at = self.folded.get(&folded_hash).copied();
        let mut first_folded = None;
        while let Some(doc) = at.and_then(|i| self.docs.get(i)) {
            if self.keys.get(doc.folded.clone()) == self.keys.get(folded.clone()) {
                first_folded = Some(doc);
                break;
            }
            at = doc.next_folded;
        }
        let found = first_folded.and_then(|doc| {
            let other = self.text.get(doc.number.clone())?;
            let first = self.text.get(doc.name.clone())?;
            (other != number)
                .then(|| duplicate_after_normalisation::case_only_in_run(number, other, first))
        });
        let index = self.docs.len();
        let next_folded = match first_folded {
            Some(_) => None,
            None => self.folded.insert(folded_hash, index),
        };
        let next_seen = self.seen.insert(hash, index);
        let text = self.text.len();
        self.text.push_str(name);
        self.text.push_str(number);
        let middle = text + name.len();
        self.docs.push(Seen {
            key: start..end,
            folded,
            name: text..middle,
            number: middle..self.text.len(),
            next_seen,
            next_folded,
        });
        found
    }
}

/// The message of a key seen before in the document `first`.
fn same_key(key: &KeyParts<'_>, first: &str) -> String {
    let number = key.number.as_ref();
    let mut message = String::with_capacity(140 + number.len() + first.len());
    for part in [
        "the same key (seller NIP ",
        key.seller_nip.as_ref(),
        ", ",
        key.invoice_type.as_ref(),
        ", number \"",
        number,
        "\") as ",
        first,
        "; KSeF will reject one of them as a duplicate",
    ] {
        message.push_str(part);
    }
    message
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// The findings of a run's keys agree with the plain definition: the
    /// first document with the same key, or the first with the same key
    /// up to the number's letter case (and another number), kept in maps
    /// of owned keys; whatever the hashes (a constant hasher puts every
    /// key in one chain).
    #[test]
    fn findings_agree_with_maps_of_owned_keys() {
        let numbers = [
            "FV/1", "fv/1", "FV/1", "Fv/1", "FV/2", "ŻV/1", "żv/1", "FV/1", "fv/1",
        ];
        let kinds = ["VAT", "KOR"];
        let mut docs = Vec::new();
        for (i, number) in numbers.iter().enumerate() {
            for kind in kinds {
                docs.push(("5265877635", kind, *number, format!("doc{i}-{kind}.xml")));
            }
        }
        docs.push(("1111111111", "VAT", "FV/1", "other.xml".into()));
        for constant in [false, true] {
            let mut seen = SeenKeys::default();
            let mut exact: HashMap<(String, String, String), String> = HashMap::default();
            let mut folded: HashMap<(String, String, String), (String, String)> =
                HashMap::default();
            for (nip, kind, number, name) in &docs {
                let key = KeyParts::new(nip, kind, number);
                let ours = if constant {
                    seen.check_with(&key, name, |_| 7)
                } else {
                    seen.check(&key, name)
                };
                let whole = (nip.to_string(), kind.to_string(), number.to_string());
                let expected = if let Some(first) = exact.get(&whole) {
                    Some(
                        DUPLICATE_IN_RUN
                            .diagnostic(same_key(&key, first))
                            .with_path(super::super::P_2)
                            .with_help("every invoice of a seller and type needs its own number"),
                    )
                } else {
                    let fold = (nip.to_string(), kind.to_string(), number.to_lowercase());
                    let found = match folded.get(&fold) {
                        Some((first, other)) if other != number => Some(
                            duplicate_after_normalisation::case_only_in_run(number, other, first),
                        ),
                        Some(_) => None,
                        None => {
                            folded.insert(fold, (name.clone(), number.to_string()));
                            None
                        }
                    };
                    exact.insert(whole, name.clone());
                    found
                };
                assert_eq!(ours, expected, "{name}");
            }
        }
    }
}
