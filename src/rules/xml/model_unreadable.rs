//! `FA3-XML-012` typed-model-unreadable: a schema-valid document the typed
//! model cannot read, so the business rules were skipped.

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The document passes the FA(3) schema, but fa3's typed model (generated
    /// from the same schema) cannot read it, so no business rule ran on it.
    /// The known case is a text value at its length limit written with
    /// multi-byte characters (`P_2` of 200 × "Ż" is 200 characters but 400
    /// bytes): the generated reader counts bytes where the schema counts
    /// characters.
    ///
    /// ## Why it matters
    /// KSeF will accept the document (it is schema-valid), but fa3 could not
    /// check the rules KSeF applies beyond the schema (dates, NIP checksums,
    /// duplicates) or the legal ones. The invoice is not known to be clean.
    ///
    /// ## Example
    /// ```xml
    /// <P_2>ŻŻŻ…(200 times)</P_2>
    /// ```
    ///
    /// ## Fix
    /// Nothing is wrong with the invoice for KSeF. Check its business content
    /// by other means, or shorten the value.
    pub static MODEL_UNREADABLE = {
        code: "FA3-XML-012",
        name: "typed-model-unreadable",
        severity: Warning,
        since: "0.1.0",
        check: Check::Schema,
    }
}
