//! Properties of the China import tax (issue 11): tax is never negative;
//! within one basis, raising a line's price never lowers that line's tax;
//! a line's cross-border tax is 70% of the full VAT and consumption tax with
//! duty 0.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use crossborder::declaration::Context;
use crossborder::tax::{self, CbecPeriod, LineFacts, TaxAssessment, TaxTable};
use crossborder::{ClearanceMode, Currency, Effective, Money, Order, OrderItem, Product};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Codes of every kind of row: standard and reduced VAT, ad valorem,
/// compound and specific consumption tax, high-end tests, a code no row
/// lists (the default guess), and the personal articles tiers.
const HS: &[&str] = &[
    "8518300000",
    "4901990000",
    "2204210000",
    "3304990000",
    "3303000000",
    "9102110000",
    "7113190000",
    "2208300000",
    "2203000000",
    "8507600000",
    "0101210000",
    "6109100000",
    "9506320000",
    "8471300000",
];

#[derive(Clone, Debug)]
struct Line {
    hs: &'static str,
    price: Decimal,
    discount: Decimal,
    quantity: u32,
    grams: Option<u32>,
    ml: u32,
}

fn line() -> impl Strategy<Value = Line> {
    (
        prop::sample::select(HS),
        0u32..400_000,
        0u32..100,
        0u32..4,
        prop::option::of(1u32..2_000),
        1u32..1_500,
    )
        .prop_map(|(hs, cents, discount_pct, quantity, grams, ml)| {
            let price = Decimal::new(i64::from(cents), 2);
            let discount = (price * Decimal::new(i64::from(discount_pct), 2)).round_dp(2);
            Line {
                hs,
                price,
                discount,
                quantity,
                grams,
                ml,
            }
        })
}

fn build(lines: &[Line], shipping: Decimal, mode: ClearanceMode) -> Order {
    let mut order = Order::new(Currency::CNY);
    order.express_type = Some(mode);
    order.shipping_cost = Some(Money::new(shipping, Currency::CNY));
    for l in lines {
        let mut item = OrderItem::new(Currency::CNY);
        let mut product = Product::new(Currency::CNY);
        product.hs_code = Some(l.hs.parse().unwrap());
        product.net_weight = l.grams.map(|g| format!("{g} g").parse().unwrap());
        item.product = Some(Box::new(product));
        item.price = Some(Money::new(l.price, Currency::CNY));
        item.discount = Some(Money::new(l.discount, Currency::CNY));
        item.quantity = Some(l.quantity);
        order.items.push(item);
    }
    order
}

fn context(lines: &[Line]) -> Context {
    let mut c = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap())
        .with_duty_rate(Decimal::new(8, 2));
    for (i, l) in lines.iter().enumerate() {
        let volume = format!("{} ml", l.ml).parse().unwrap();
        c = c.with_line_facts(i, LineFacts::new().with_volume(volume).unwrap());
    }
    c
}

fn amounts(a: &TaxAssessment<'_>) -> Vec<Decimal> {
    let mut out = Vec::new();
    for l in a.lines() {
        for m in [
            l.duty(),
            l.consumption_tax(),
            l.vat(),
            l.tax(),
            l.shipping_share(),
        ]
        .into_iter()
        .flatten()
        {
            out.push(m.amount());
        }
        out.extend(l.rate());
    }
    out.extend(
        [a.shipping_tax(), a.total()]
            .into_iter()
            .flatten()
            .map(|m| m.amount()),
    );
    out
}

fn mode() -> impl Strategy<Value = ClearanceMode> {
    prop::sample::select(ClearanceMode::ALL)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn tax_is_never_negative(
        lines in prop::collection::vec(line(), 1..6),
        shipping in 0u32..5_000,
        mode in mode(),
    ) {
        let order = build(&lines, Decimal::new(i64::from(shipping), 2), mode);
        let context = context(&lines);
        let a = tax::assess(&order, &context);
        for x in amounts(&a) {
            prop_assert!(!x.is_sign_negative() || x.is_zero(), "{x} in {a:?}");
        }
        // The total is the lines and the shipping tax.
        if let Some(total) = a.total() {
            let lines: Decimal = a.lines().iter().filter_map(|l| l.tax()).map(|m| m.amount()).sum();
            let shipping = a.shipping_tax().map_or(Decimal::ZERO, |m| m.amount());
            prop_assert_eq!(total.amount(), if a.is_waived() { Decimal::ZERO } else { lines + shipping });
        }
    }

    #[test]
    fn raising_a_price_never_lowers_that_lines_tax(
        lines in prop::collection::vec(line(), 1..5),
        which in 0usize..5,
        raise in 1u32..50_000,
        shipping in 0u32..2_000,
        mode in mode(),
    ) {
        let which = which % lines.len();
        let shipping = Decimal::new(i64::from(shipping), 2);
        let mut higher = lines.clone();
        higher[which].price += Decimal::new(i64::from(raise), 2);
        let context = context(&lines);
        let before = build(&lines, shipping, mode);
        let after = build(&higher, shipping, mode);
        let a = tax::assess(&before, &context);
        let b = tax::assess(&after, &context);
        if a.basis() == b.basis()
            && a.is_waived() == b.is_waived()
            && let (Some(x), Some(y)) = (a.lines()[which].tax(), b.lines()[which].tax())
        {
            prop_assert!(y.amount() >= x.amount() - Decimal::new(1, 2), "{x} then {y}");
        }
    }

    #[test]
    fn a_cbec_line_is_70_percent_of_the_full_vat_and_consumption_tax_at_duty_0(
        lines in prop::collection::vec(line(), 1..5),
        shipping in 0u32..2_000,
    ) {
        let shipping = Decimal::new(i64::from(shipping), 2);
        let order = build(&lines, shipping, ClearanceMode::Bc);
        let seventy = context(&lines);
        let a = tax::assess(&order, &seventy);
        // The same regime with the whole tax charged: duty still 0.
        let mut full = TaxTable::china_default();
        full.cbec.push(CbecPeriod {
            transaction_limit: Decimal::from(5000),
            annual_limit: Decimal::from(26000),
            factor: Decimal::ONE,
            effective: Effective::always(),
            source: "test: factor 1".into(),
        });
        let whole = context(&lines).with_tax_table(full);
        let b = tax::assess(&order, &whole);
        prop_assert_eq!(a.basis(), b.basis());
        if a.basis() == Some(tax::Basis::Cbec) {
            for (x, y) in a.lines().iter().zip(b.lines()) {
                let (Some(x), Some(y)) = (x.tax(), y.tax()) else { continue };
                prop_assert!(x.amount() >= Decimal::ZERO);
                let expected = y.amount() * Decimal::new(7, 1);
                // Two rounded components on each side: within 0.02.
                prop_assert!((x.amount() - expected).abs() <= Decimal::new(2, 2), "{x} vs 70% of {y}");
            }
            if let (Some(x), Some(y)) = (a.shipping_tax(), b.shipping_tax()) {
                prop_assert!((x.amount() - y.amount() * Decimal::new(7, 1)).abs() <= Decimal::new(1, 2));
            }
        }
    }
}
