//! `FA3-PAY-006` ipksef-reused.

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// No two invoices in one run (the files, folders and ZIP packages
    /// checked together) give the same payment identifier
    /// (`Platnosc/IPKSeF`). The second and later invoices with an identifier
    /// are reported as information. Checked by `fa3::run`.
    ///
    /// The consistency of `IPKSeF` with the `IPKSeF=` parameter of
    /// `LinkDoPlatnosci` within one invoice is FA3-ID-017.
    ///
    /// ## Why it matters
    /// `IPKSeF` identifies one payment order of the settlement agent (MF
    /// brochure on FA(3), payment data): the buyer who pays through it pays
    /// that order. An identifier copied to another invoice sends the second
    /// payment to the first order, or makes the payments impossible to match
    /// to the invoices.
    ///
    /// ## Example
    /// ```xml
    /// <!-- a.xml -->  <IPKSeF>001ABC123DEF4</IPKSeF>
    /// <!-- b.xml -->  <IPKSeF>001ABC123DEF4</IPKSeF>
    /// ```
    ///
    /// ## Fix
    /// Take each invoice's `IPKSeF` (and payment link) from its own payment
    /// order.
    pub static IPKSEF_REUSED = {
        code: "FA3-PAY-006",
        name: "ipksef-reused",
        severity: Info,
        since: "0.2.0",
        check: Check::Batch,
    }
}
