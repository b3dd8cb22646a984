//! `FA3-DUP-001` already-sent.

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The invoice's duplicate key (seller NIP
    /// `Podmiot1/DaneIdentyfikacyjne/NIP`, invoice type `Fa/RodzajFaktury`,
    /// invoice number `Fa/P_2`) is not in the registry of invoices already
    /// sent to KSeF. The key is compared after `xsd:token` normalisation and
    /// case-sensitively; `VAT` "FV/1" and `ROZ` "FV/1" are different keys.
    /// Checked by `fa3::run` when a registry is given. A key blocked by an
    /// invoice of an earlier year is reported as FA3-DUP-004, one that
    /// matches only after whitespace normalisation as FA3-DUP-003.
    ///
    /// ## Why it matters
    /// KSeF rejects an invoice whose key was already accepted with status 440
    /// "Duplikat faktury" (KSeF docs: weryfikacja-faktury, "Unikalność
    /// faktury"). The key is global per seller: all branches and authorised
    /// issuers share it.
    ///
    /// ## Example
    /// ```xml
    /// <P_2>FV/2026/11/001</P_2> <!-- sent on 2026-11-01 with the same NIP and RodzajFaktury -->
    /// ```
    ///
    /// ## Fix
    /// Give the invoice a new number, or do not send it again: look up the
    /// KSeF number of the invoice already accepted.
    pub static ALREADY_SENT = {
        code: "FA3-DUP-001",
        name: "already-sent",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}
