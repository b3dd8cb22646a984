//! `FA3-DUP-002` duplicate-in-run.

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
