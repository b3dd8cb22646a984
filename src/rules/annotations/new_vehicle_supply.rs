//! `FA3-ADN-005` new-vehicle-supply.

use std::collections::HashSet;

use crate::facts::rates::RateGroup;
use crate::model::{Faktura, FakturaFaAdnotacjeNoweSrodkiTransportuElementType};
use crate::rules::annotations::ADNOTACJE;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// When the invoice documents an intra-Community supply of new means of
    /// transport (`NoweSrodkiTransportu/P_22=1`):
    /// - each `NowySrodekTransportu/P_NrWierszaNST` names an existing line
    ///   (`FaWiersz/NrWierszaFa`);
    /// - the invoice has an intra-Community supply at 0 %: a `0 WDT` line or
    ///   `P_13_6_2`.
    ///
    /// ## Why it matters
    /// `P_NrWierszaNST` is "Numer wiersza faktury, w którym wykazano dostawę
    /// nowego środka transportu" (the schema's annotation): a number that
    /// matches no line leaves the vehicle data attached to nothing. `P_22` marks
    /// an intra-Community supply (art. 106e ust. 1 pkt 22 of the VAT Act),
    /// taxed at 0 % in Poland (art. 42 ust. 5). KSeF checks neither.
    ///
    /// ## Example
    /// ```xml
    /// <P_22>1</P_22>
    /// <P_42_5>2</P_42_5>
    /// <NowySrodekTransportu>
    ///   <P_22A>2026-11-20</P_22A>
    ///   <P_NrWierszaNST>99</P_NrWierszaNST> <!-- the invoice has 3 lines -->
    /// ```
    ///
    /// ## Fix
    /// Point `P_NrWierszaNST` at the line with the vehicle, and show that line
    /// at `0 WDT` (summed in `P_13_6_2`).
    pub static NEW_VEHICLE_SUPPLY = {
        code: "FA3-ADN-005",
        name: "new-vehicle-supply",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let FakturaFaAdnotacjeNoweSrodkiTransportuElementType::P22Group(group) =
        &invoice.fa.adnotacje.nowe_srodki_transportu
    else {
        return;
    };
    let base = format!("{ADNOTACJE}/NoweSrodkiTransportu");
    let rates = ctx.facts().rates();
    let numbers: HashSet<usize> = rates.lines.iter().map(|l| l.number).collect();
    for (i, vehicle) in group.nowy_srodek_transportu.iter().enumerate() {
        let number = vehicle.p_nr_wiersza_nst.0;
        if numbers.contains(&number) {
            continue;
        }
        out.report(
            &NEW_VEHICLE_SUPPLY,
            crate::facts::indexed_child(&base, "NowySrodekTransportu", i, "P_NrWierszaNST"),
            format!(
                "NowySrodekTransportu[{position}] names line {number} (P_NrWierszaNST), but no FaWiersz has NrWierszaFa {number}",
                position = i + 1
            ),
        )
        .help = Some("give the NrWierszaFa of the line that shows the vehicle".into());
    }
    let wdt = rates.group(RateGroup::ZeroWdt).is_some();
    if !wdt {
        out.report(
            &NEW_VEHICLE_SUPPLY,
            format!("{base}/P_22"),
            "P_22=1 marks an intra-Community supply of new means of transport, but no line is at 0 WDT and the invoice gives no P_13_6_2",
        )
        .help = Some(
            "show the vehicle's line at the rate 0 WDT and its net amount in P_13_6_2, or set P_22N=1 if it is not an intra-Community supply".into(),
        );
    }
}
