//! `FA3-ID-006` regon-checksum.

use crate::domain::regon::{Regon, RegonError};
use crate::facts::push_number;
use crate::model::{Faktura, TNrRegonType};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The check digit of each `Stopka/Rejestry/REGON`. A 9-digit REGON uses
    /// the weights 8, 9, 2, 3, 4, 5, 6, 7 modulo 11 (10 counts as 0); a
    /// 14-digit REGON (a local unit) uses 2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8
    /// modulo 11, and its first nine digits must themselves be a valid REGON.
    ///
    /// ## Why it matters
    /// The schema only asks for 9 or 14 digits, and KSeF does not look
    /// further. A REGON with a wrong check digit is a typo that identifies
    /// nobody in the GUS register.
    ///
    /// ## Example
    /// ```xml
    /// <Rejestry>
    ///   <REGON>123456786</REGON> <!-- the check digit should be 5 -->
    /// ```
    ///
    /// ## Fix
    /// Copy the REGON from the GUS register (BIR) or the company's documents.
    pub static REGON_CHECKSUM = {
        code: "FA3-ID-006",
        name: "regon-checksum",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(content) = invoice.stopka.as_ref().and_then(|s| s.content.as_ref()) else {
        return;
    };
    for (i, rejestry) in content.rejestry.iter().enumerate() {
        let Some(regon) = rejestry.content.as_ref().and_then(|c| c.regon.as_ref()) else {
            continue;
        };
        let value = match regon {
            TNrRegonType::TNrRegon1(r) => r.0.as_str(),
            TNrRegonType::TNrRegon2(r) => r.0.as_str(),
        };
        // The message is built only for an invalid number.
        let Err(err) = Regon::parse(value) else {
            continue;
        };
        let mut message = String::with_capacity(120);
        message.push_str("the REGON ");
        message.push_str(value);
        message.push_str(" is not valid: ");
        match err {
            RegonError::Checksum { expected, found } => {
                message.push_str("its check digit is ");
                push_number(&mut message, usize::from(found));
                message.push_str(", but the other digits call for ");
                push_number(&mut message, usize::from(expected));
            }
            RegonError::BaseChecksum { expected, found } => {
                message.push_str("its first nine digits are not a valid REGON (digit 9 is ");
                push_number(&mut message, usize::from(found));
                message.push_str(", expected ");
                push_number(&mut message, usize::from(expected));
                message.push(')');
            }
            other => message.push_str(&other.to_string()),
        }
        out.report(
            &REGON_CHECKSUM,
            crate::facts::indexed_child("/Faktura/Stopka", "Rejestry", i, "REGON"),
            message,
        )
        .help =
            Some("copy the REGON from the GUS register (BIR) or the company's documents".into());
    }
}
