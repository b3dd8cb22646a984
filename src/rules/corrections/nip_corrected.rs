//! `FA3-KOR-005` nip-corrected.

use crate::facts::indexed;
use crate::facts::parties::token;
use crate::model::{
    Faktura, FakturaPodmiot3RolaChoice, TPodmiot2NipChoice, TPodmiot3NipChoice, TRolaPodmiotu3Type,
};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A correction does not change a NIP through the corrected-party data:
    /// - `Fa/Podmiot1K` (the seller as on the corrected invoice) has the NIP
    ///   of `Podmiot1`;
    /// - each `Fa/Podmiot2K` with a NIP (a buyer as on the corrected invoice)
    ///   has the NIP of the party it stands for: the `Podmiot2` or `Podmiot3`
    ///   with the same `IDNabywcy`, or else `Podmiot2` or an additional
    ///   buyer (`Podmiot3` with `Rola=4`).
    ///
    /// ## Why it matters
    /// `Podmiot1K` and `Podmiot2K` correct names and addresses; the schema
    /// says they do not apply to a wrong NIP ("Korekcie nie podlegają błędne
    /// numery NIP identyfikujące nabywcę oraz dodatkowego nabywcę - wówczas
    /// wymagana jest korekta faktury do wartości zerowych",
    /// schemat_FA(3)_v1-0E.xsd; MF brochure on FA(3), § 9.7). KSeF gives
    /// access to an invoice by the NIPs in it, so a correction that swaps a
    /// NIP leaves the original with the wrong party and shows the
    /// correction to someone else (a real case: ksef-api#716). KSeF does not
    /// check it.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2><DaneIdentyfikacyjne><NIP>7335255579</NIP> ...
    /// ...
    /// <Podmiot2K><DaneIdentyfikacyjne><NIP>5213000007</NIP> ...
    /// ```
    ///
    /// ## Fix
    /// Correct the invoice with the wrong NIP to zero, and issue a new
    /// invoice with the right NIP.
    pub static NIP_CORRECTED = {
        code: "FA3-KOR-005",
        name: "nip-corrected",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// A buyer of the correction that a `Podmiot2K` may stand for.
struct Buyer<'a> {
    label: String,
    nip: Option<&'a str>,
    link: Option<&'a str>,
    /// `Podmiot2`, or a `Podmiot3` with `Rola=4` (an additional buyer).
    buys: bool,
}

fn buyers(invoice: &Faktura) -> (Buyer<'_>, Vec<Buyer<'_>>) {
    let p2 = &invoice.podmiot2;
    let buyer = Buyer {
        label: "Podmiot2".into(),
        nip: match &p2.dane_identyfikacyjne.nip_choice {
            TPodmiot2NipChoice::Nip(n) => Some(n.0.as_str()),
            _ => None,
        },
        link: p2.id_nabywcy.as_ref().map(|v| token(&v.0)),
        buys: true,
    };
    let third = invoice
        .podmiot3
        .iter()
        .enumerate()
        .map(|(i, p3)| Buyer {
            label: format!("Podmiot3[{}]", i + 1),
            nip: match &p3.dane_identyfikacyjne.nip_choice {
                TPodmiot3NipChoice::Nip(n) => Some(n.0.as_str()),
                _ => None,
            },
            link: p3.id_nabywcy.as_ref().map(|v| token(&v.0)),
            buys: matches!(
                p3.rola_choice,
                FakturaPodmiot3RolaChoice::Rola(TRolaPodmiotu3Type::_4)
            ),
        })
        .collect();
    (buyer, third)
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(group) = &invoice.fa.przyczyna_korekty_group else {
        return;
    };
    let help =
        "correct the invoice with the wrong NIP to zero and issue a new invoice with the right NIP";
    let seller = invoice.podmiot1.dane_identyfikacyjne.nip.0.as_str();
    if let Some(p1k) = &group.podmiot1k {
        let before = p1k.dane_identyfikacyjne.nip.0.as_str();
        if before != seller {
            out.report(
                &NIP_CORRECTED,
                "/Faktura/Fa/Podmiot1K/DaneIdentyfikacyjne/NIP",
                format!(
                    "the seller's NIP on the corrected invoice was {before} (Podmiot1K), but the correction gives {seller} (Podmiot1); a NIP cannot be corrected"
                ),
            )
            .help = Some(help.into());
        }
    }
    let (buyer, third) = buyers(invoice);
    for (i, p2k) in group.podmiot2k.iter().enumerate() {
        let TPodmiot2NipChoice::Nip(before) = &p2k.dane_identyfikacyjne.nip_choice else {
            continue;
        };
        let before = before.0.as_str();
        let link = p2k.id_nabywcy.as_ref().map(|v| token(&v.0));
        let linked = link.and_then(|key| {
            std::iter::once(&buyer)
                .chain(third.iter())
                .find(|b| b.link == Some(key))
        });
        // The party this Podmiot2K stands for: the one with its IDNabywcy,
        // or else Podmiot2, unless the NIP is that of any buyer.
        let target = if let Some(b) = linked {
            b
        } else if std::iter::once(&buyer)
            .chain(third.iter())
            .any(|b| b.buys && b.nip == Some(before))
        {
            continue;
        } else {
            &buyer
        };
        if target.nip == Some(before) {
            continue;
        }
        let against = &target.label;
        let now = match target.nip {
            Some(nip) => format!("gives {nip} ({against})"),
            None => format!("identifies {against} without a NIP"),
        };
        let swapped = std::iter::once(&buyer)
            .chain(third.iter())
            .find(|b| b.label != *against && b.nip == Some(before))
            .map(|other| {
                format!(
                    ", while {before} is the NIP of {other}: the parties may have been swapped",
                    other = other.label
                )
            })
            .unwrap_or_default();
        out.report(
            &NIP_CORRECTED,
            format!(
                "{}/DaneIdentyfikacyjne/NIP",
                indexed("/Faktura/Fa", "Podmiot2K", i)
            ),
            format!(
                "the buyer's NIP on the corrected invoice was {before} (Podmiot2K[{n}]), but the correction {now}{swapped}; a NIP cannot be corrected",
                n = i + 1
            ),
        )
        .help = Some(help.into());
    }
}
