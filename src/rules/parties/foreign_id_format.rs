//! `FA3-PM2-010` foreign-id-format.

use crate::facts::parties::{PartyId, Role};
use crate::model::Faktura;
use crate::rules::parties::nip_in_nrid;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `NrID` (the tax number of a party without a NIP or EU VAT number,
    /// in `Podmiot2`, each `Podmiot3` and the carriers) is one continuous
    /// string:
    ///
    /// - without spaces or separators (`-`, `.`, `/`, `,`);
    /// - not starting with its own `KodKraju` followed by a digit or a
    ///   separator (`KodKraju=UA`, `NrID=UA12345678`). Numbers whose own
    ///   format starts with letters, such as the Swiss `CHE123456789`, are
    ///   left alone.
    ///
    /// A `NrID` that is a Polish NIP is FA3-ID-013 or FA3-PM2-005 instead.
    ///
    /// ## Why it matters
    /// Tax identification numbers are entered "as a continuous string of
    /// digits or letters, without spaces or other separating characters", and
    /// the country code goes "in a separate field designated for this
    /// purpose" (MF brochure on FA(3), §2.10). The schema allows any text of
    /// up to 50 characters in `NrID`, so KSeF accepts such values, but the
    /// number does not match the buyer's records or registers.
    ///
    /// ## Example
    /// ```xml
    /// <KodKraju>UA</KodKraju>
    /// <NrID>UA 1234-5678</NrID>
    /// ```
    ///
    /// ## Fix
    /// Write the number without separators and put the country code only in
    /// `KodKraju` (`<KodKraju>UA</KodKraju><NrID>12345678</NrID>`).
    pub static FOREIGN_ID_FORMAT = {
        code: "FA3-PM2-010",
        name: "foreign-id-format",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// Characters that separate groups of a number.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | ',' | '\u{2010}'..='\u{2015}')
}

/// What is wrong with `number` and the cleaned number, when anything is.
fn problems(kod_kraju: Option<&str>, number: &str) -> Option<(Vec<String>, String)> {
    let mut found = Vec::new();
    let mut body = number.trim_matches(is_separator);
    if let Some(k) = kod_kraju
        && let Some(prefix) = body.get(..k.len())
        && prefix.eq_ignore_ascii_case(k)
        && body
            .get(k.len()..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_ascii_digit() || is_separator(c))
    {
        found.push(format!(
            "starts with the country code {k} (which belongs in KodKraju)"
        ));
        body = body.get(k.len()..).unwrap_or(body);
    }
    let separators: Vec<char> = number.chars().filter(|&c| is_separator(c)).collect();
    if !separators.is_empty() {
        let mut kinds: Vec<String> = Vec::new();
        for c in separators {
            let name = if c == ' ' {
                "spaces".to_string()
            } else if c.is_whitespace() {
                "whitespace".to_string()
            } else {
                format!("'{c}'")
            };
            if !kinds.contains(&name) {
                kinds.push(name);
            }
        }
        found.push(format!("contains {}", kinds.join(" and ")));
    }
    if found.is_empty() {
        return None;
    }
    let cleaned: String = body.chars().filter(|&c| !is_separator(c)).collect();
    Some((found, cleaned))
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for party in ctx.facts().parties() {
        if !matches!(party.role, Role::Buyer | Role::ThirdParty | Role::Carrier) {
            continue;
        }
        let PartyId::Foreign { kod_kraju, number } = &party.id else {
            continue;
        };
        if nip_in_nrid(kod_kraju.as_deref(), number).is_some() {
            continue; // FA3-ID-013, FA3-PM2-005
        }
        let Some((found, cleaned)) = problems(kod_kraju.as_deref(), number) else {
            continue;
        };
        let d = out.report(
            &FOREIGN_ID_FORMAT,
            party.id_path("NrID"),
            format!(
                "the tax number NrID \"{number}\" of {label} is not one continuous string: it {problems}",
                label = party.label(),
                problems = found.join(" and ")
            ),
        );
        d.help = Some(if cleaned.is_empty() {
            "write the number without separators and the country code only in KodKraju".into()
        } else {
            format!("write NrID as `{cleaned}`, with the country code only in KodKraju")
        });
    }
}

#[cfg(test)]
mod tests {
    use super::problems;

    #[test]
    fn spellings() {
        assert!(problems(Some("US"), "999999999").is_none());
        assert!(problems(Some("CH"), "CHE123456789").is_none());
        assert!(problems(None, "AB123").is_none());
        let (p, c) = problems(Some("UA"), "UA 1234-5678").unwrap_or_default();
        assert_eq!(p.len(), 2);
        assert_eq!(c, "12345678");
        let (p, c) = problems(Some("GB"), "GB123456789").unwrap_or_default();
        assert_eq!(p.len(), 1);
        assert_eq!(c, "123456789");
        let (_, c) = problems(Some("US"), "12-3456789").unwrap_or_default();
        assert_eq!(c, "123456789");
        let (_, c) = problems(None, " 123 ").unwrap_or_default();
        assert_eq!(c, "123");
    }
}
