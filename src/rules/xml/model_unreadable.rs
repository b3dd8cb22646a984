//! `FA3-XML-012` typed-model-unreadable: a schema-valid document the typed
//! model cannot read, so the business rules were skipped.

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The document passes the FA(3) schema, but fa3's typed model (generated
    /// from the same schema) cannot read it, so no business rule ran on it.
    /// The known case is a choice field of the schema's `TWybor1`/`TWybor1_2`
    /// types (numbers restricted to 1 or 2, such as `P_16` or `Zaplacono`)
    /// written with a sign or leading zeros: `+02` is the number 2 for the
    /// schema, but the generated reader compares the text with `1` and `2`.
    /// (Text at its length limit in multi-byte letters was the other case
    /// until the model counted lengths in characters.)
    ///
    /// ## Why it matters
    /// KSeF will accept the document (it is schema-valid), but fa3 could not
    /// check the rules KSeF applies beyond the schema (dates, NIP checksums,
    /// duplicates) or the legal ones. The invoice is not known to be clean.
    ///
    /// ## Example
    /// ```xml
    /// <P_16>+02</P_16> <!-- the schema reads 2 -->
    /// ```
    ///
    /// ## Fix
    /// Nothing is wrong with the invoice for KSeF. Check its business content
    /// by other means, or write the value plainly (`2`).
    pub static MODEL_UNREADABLE = {
        code: "FA3-XML-012",
        name: "typed-model-unreadable",
        severity: Warning,
        since: "0.1.0",
        check: Check::Schema,
    }
}
