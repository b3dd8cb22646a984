//! `FA3-PAY-006` ipksef-reused.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::Faktura;
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

const IPKSEF_PATH: &str = "/Faktura/Fa/Platnosc/IPKSeF";

/// The payment identifiers (`IPKSeF`) of the documents checked so far in a
/// run, each with the first document that gave it.
#[derive(Debug, Default)]
pub(crate) struct SeenIpksef {
    first: HashMap<String, String>,
}

impl SeenIpksef {
    /// Records the `IPKSeF` of `invoice` (document `name`) and reports it
    /// when an earlier document of the run gave the same one.
    pub(crate) fn check(&mut self, invoice: &Faktura, name: &str) -> Option<Diagnostic> {
        let id = invoice.fa.platnosc.as_ref()?.ip_ksef.as_ref()?;
        let id = crate::facts::parties::token(&id.0);
        if id.is_empty() {
            return None;
        }
        if let Some(first) = self.first.get(id) {
            return Some(
                IPKSEF_REUSED
                    .diagnostic(format!(
                        "the payment identifier IPKSeF {id} is also given by {first}; each payment has its own IPKSeF"
                    ))
                    .with_path(IPKSEF_PATH)
                    .with_help(
                        "take IPKSeF from this invoice's own payment order of the settlement agent",
                    ),
            );
        }
        self.first.insert(id.to_string(), name.to_string());
        None
    }
}
