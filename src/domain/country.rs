//! ISO 3166-1 alpha-2 country codes.
//!
//! The list holds the 249 officially assigned codes. FA(3)'s own
//! `TKodKraju` enumeration is these 249 plus `AN` (the former Netherlands
//! Antilles), `XC` (Ceuta), `XL` (Melilla), `XK` (Kosovo) and `XI`
//! (Northern Ireland); the schema validator checks that enumeration, so it
//! is not repeated here.

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted.
const ISO_3166_ALPHA2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// True when `code` is an officially assigned ISO 3166-1 alpha-2 code
/// (uppercase, exactly two letters).
///
/// ```
/// use fa3::domain::country::is_iso_alpha2;
///
/// assert!(is_iso_alpha2("PL"));
/// assert!(is_iso_alpha2("GR"));
/// assert!(!is_iso_alpha2("EL")); // Greece's EU VAT prefix, not its ISO code
/// assert!(!is_iso_alpha2("XX"));
/// assert!(!is_iso_alpha2("pl"));
/// ```
pub fn is_iso_alpha2(code: &str) -> bool {
    ISO_3166_ALPHA2.binary_search(&code).is_ok()
}

/// True for an ISO 3166-1 alpha-2 code or `XK`, the user-assigned code for
/// Kosovo that banks (SWIFT/BIC, IBAN) and customs use.
pub fn is_banking_country(code: &str) -> bool {
    code == "XK" || is_iso_alpha2(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_unique_and_well_formed() {
        assert!(ISO_3166_ALPHA2.windows(2).all(|w| w[0] < w[1]));
        assert!(
            ISO_3166_ALPHA2
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn matches_the_schema_enumeration_minus_its_extras() {
        let xsd = include_str!("../../schemas/fa3/KodyKrajow_v10-0E.xsd");
        let mut from_schema: Vec<&str> = xsd
            .split("enumeration value=\"")
            .skip(1)
            .filter_map(|rest| rest.get(..2))
            .filter(|code| !["AN", "XC", "XL", "XK", "XI"].contains(code))
            .collect();
        from_schema.sort_unstable();
        assert_eq!(from_schema, ISO_3166_ALPHA2);
    }

    #[test]
    fn lookups() {
        for code in ["PL", "DE", "GB", "US", "AX", "SS", "CW", "BQ"] {
            assert!(is_iso_alpha2(code), "{code}");
        }
        for code in ["EL", "UK", "XK", "XI", "AN", "", "P", "POL", "pl"] {
            assert!(!is_iso_alpha2(code), "{code}");
        }
        assert!(is_banking_country("XK"));
        assert!(is_banking_country("PL"));
        assert!(!is_banking_country("XX"));
    }
}
