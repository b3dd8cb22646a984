//! `FA3-AMT-006` line-value-arithmetic.

use rust_decimal::Decimal;

use crate::facts::money::{checked_diff, display, round2};
use crate::facts::rates::Line;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A line's value is its quantity times its unit price, less the
    /// discount: `P_11` = `P_8B` × `P_9A` − `P_10` (net), `P_11A` =
    /// `P_8B` × `P_9B` − `P_10` (gross), rounded to the grosz. Checked only
    /// when every operand is present.
    ///
    /// Refined: `P_10` is accepted both as a discount on the line and as a
    /// discount per unit (`P_8B` × (`P_9A` − `P_10`)): the official example 4
    /// gives `P_10` per unit. The unit price may itself be rounded, so the
    /// tolerance is `Settings::tolerance` plus `P_8B` × half a unit of the
    /// price's last decimal (half a grosz for a price in grosze).
    ///
    /// ## Why it matters
    /// The XSD annotations define `P_11` as the net value of the line and
    /// `P_10` as the discounts not included in the unit price
    /// (ITEM_NET_MISMATCH in other validators). A line whose value is not
    /// its quantity × price usually means a unit price or quantity was
    /// changed without recomputing the value.
    ///
    /// ## Source
    /// XSD annotations of `P_9A`, `P_10`, `P_11`; krzysztof-radzimski/KSeF
    /// ITEM_NET_MISMATCH.
    ///
    /// ## Example
    /// ```xml
    /// <P_8B>3</P_8B>
    /// <P_9A>33.333333</P_9A>
    /// <P_11>100.50</P_11> <!-- 3 × 33.333333 is 100.00 -->
    /// ```
    ///
    /// ## Fix
    /// Recompute the line value from the quantity, the unit price and the
    /// discount, or correct the operand that is wrong.
    pub static LINE_VALUE_ARITHMETIC = {
        code: "FA3-AMT-006",
        name: "line-value-arithmetic",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// Half a unit of the last decimal of `price` (at least of the grosz).
fn half_unit(price: Decimal) -> Decimal {
    Decimal::new(5, price.scale().clamp(2, 27) + 1)
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for line in &ctx.facts().rates().lines {
        let row = line.row;
        let Some(quantity) = row.p_8b.as_ref().map(|v| v.0.value()) else {
            continue;
        };
        let discount = row.p_10.as_ref().map(|v| v.0.value());
        if let (Some(price), Some(value)) = (row.p_9a.as_ref(), line.net()) {
            check_value(
                ctx,
                line,
                quantity,
                price.0.value(),
                discount,
                value,
                ("P_9A", "P_11"),
                out,
            );
        }
        if let (Some(price), Some(value)) = (row.p_9b.as_ref(), line.gross()) {
            check_value(
                ctx,
                line,
                quantity,
                price.0.value(),
                discount,
                value,
                ("P_9B", "P_11A"),
                out,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_value(
    ctx: &Context<'_>,
    line: &Line<'_>,
    quantity: Decimal,
    price: Decimal,
    discount: Option<Decimal>,
    value: Decimal,
    (price_field, value_field): (&str, &str),
    out: &mut Findings,
) {
    let Some(product) = quantity.checked_mul(price) else {
        return;
    };
    // The common exact case: no discount, and the value is the product,
    // already in grosze. The product rounds to itself, so the difference
    // is zero, within any allowance that is not negative (the half unit
    // never is, so only a negative tolerance could make it so).
    if discount.is_none()
        && product.scale() <= 2
        && product == value
        && ctx.settings.tolerance >= Decimal::ZERO
    {
        return;
    }
    let Some(allowed) = quantity
        .abs()
        .checked_mul(half_unit(price))
        .and_then(|h| h.checked_add(ctx.settings.tolerance))
    else {
        return;
    };
    let close = |expected: Decimal| {
        round2(expected)
            .checked_sub(value)
            .is_some_and(|d| d.abs() <= allowed)
    };
    let on_line = match discount {
        Some(d) => product.checked_sub(d),
        None => Some(product),
    };
    let per_unit = discount
        .and_then(|d| price.checked_sub(d))
        .and_then(|p| quantity.checked_mul(p));
    if on_line.is_some_and(close) || per_unit.is_some_and(close) {
        return;
    }
    let Some(expected) = on_line.map(round2) else {
        return;
    };
    let Some(difference) = checked_diff(value, expected) else {
        return;
    };
    let quantity = quantity.normalize();
    let price = display(price);
    let operands = match discount.map(display) {
        Some(discount) => {
            format!("P_8B × {price_field} − P_10 is {quantity} × {price} − {discount}")
        }
        None => format!("P_8B × {price_field} is {quantity} × {price}"),
    };
    let number = line.number;
    out.report(
        &LINE_VALUE_ARITHMETIC,
        line.field(value_field),
        format!(
            "line {number}: {value_field} is {value}, but {operands} = {expected} (difference {difference})",
            value = display(value),
            expected = display(expected),
            difference = display(difference),
        ),
    )
    .help = Some(format!(
        "set {value_field} to the quantity × the unit price less the discount, rounded to the grosz, or correct P_8B, {price_field} or P_10"
    ));
}
