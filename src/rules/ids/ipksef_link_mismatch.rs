//! `FA3-ID-017` ipksef-link-mismatch.

use crate::facts::parties::token;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// When `Platnosc` has both `LinkDoPlatnosci` and `IPKSeF`, the value of
    /// the link's `IPKSeF=` query parameter equals the `IPKSeF` element.
    ///
    /// ## Why it matters
    /// `IPKSeF` identifies one payment (a three-digit settlement agent id and
    /// ten random characters, MF brochure on FA(3), payment data). The schema
    /// checks the link's shape and the element's shape separately; if they
    /// differ, the buyer pays through the link for a payment the invoice does
    /// not declare, or the payment cannot be matched to the invoice.
    ///
    /// ## Example
    /// ```xml
    /// <LinkDoPlatnosci>https://pay.example.pl/p?IPKSeF=001ABC123DEF4</LinkDoPlatnosci>
    /// <IPKSeF>001ABC123DEF5</IPKSeF>
    /// ```
    ///
    /// ## Fix
    /// Take both values from the same payment order of the settlement agent.
    pub static IPKSEF_LINK_MISMATCH = {
        code: "FA3-ID-017",
        name: "ipksef-link-mismatch",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

/// The values of every `IPKSeF` query parameter of `link`.
fn link_values(link: &str) -> Vec<&str> {
    let without_fragment = link.split_once('#').map_or(link, |(l, _)| l);
    let Some((_, query)) = without_fragment.split_once('?') else {
        return Vec::new();
    };
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(key, _)| *key == "IPKSeF")
        .map(|(_, value)| value)
        .collect()
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(platnosc) = &invoice.fa.platnosc else {
        return;
    };
    let (Some(link), Some(element)) = (&platnosc.link_do_platnosci, &platnosc.ip_ksef) else {
        return;
    };
    let link = token(&link.0);
    let element = token(&element.0);
    let values = link_values(link);
    let Some(other) = values.iter().find(|v| **v != element) else {
        return;
    };
    let case_only = other.eq_ignore_ascii_case(element);
    out.report(
        &IPKSEF_LINK_MISMATCH,
        "/Faktura/Fa/Platnosc/IPKSeF",
        format!(
            "the payment identifier IPKSeF {element} differs from the IPKSeF={other} in LinkDoPlatnosci{}",
            if case_only {
                " (only in letter case, which matters)"
            } else {
                ""
            }
        ),
    )
    .help = Some("take IPKSeF and the payment link from the same payment order".into());
}

#[cfg(test)]
mod tests {
    use super::link_values;

    #[test]
    fn query_values() {
        assert_eq!(
            link_values("https://pay.example.pl/p?IPKSeF=001ABC123DEF4"),
            vec!["001ABC123DEF4"]
        );
        assert_eq!(
            link_values("https://pay.example.pl/p?a=1&IPKSeF=001ABC123DEF4&b=2#IPKSeF=x"),
            vec!["001ABC123DEF4"]
        );
        assert_eq!(
            link_values("https://x.pl/?IPKSeF=001AAAAAAAAAA&IPKSeF=002BBBBBBBBBB"),
            vec!["001AAAAAAAAAA", "002BBBBBBBBBB"]
        );
        // Another parameter ending in the same name is not it.
        assert!(link_values("https://x.pl/?xIPKSeF=001AAAAAAAAAA").is_empty());
        assert!(link_values("https://x.pl/IPKSeF=001AAAAAAAAAA").is_empty());
        assert!(link_values("").is_empty());
    }
}
