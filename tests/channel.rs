//! The WishPost A-Super channel rule: every row and column of the table,
//! the $10 boundary, the First-Mile pending line, currencies, bad input,
//! serde and the planner.

// Helpers outside #[test] functions unwrap too: a failure is a test failure.
#![allow(clippy::unwrap_used)]

use ChannelRequirement::{AnyChannel, MerchantChoice, MustEconomy, MustStandard};
use chrono::NaiveDate;
use crossborder::channel::{
    ChannelRequirement, FirstMileStatus, Program, RuleRow, ValueFormula, WishPostChannel,
    WishPostOrder, plan_split,
};
use crossborder::channel::{OrderBatchJson, ShippingOrderJson};
use crossborder::{
    ChannelDecision, Currency, ExchangeRates, Language, Money, Report, ShippingOrder,
};
use rust_decimal::Decimal;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn m(s: &str) -> Money {
    s.parse().unwrap()
}

/// A UI order whose First-Mile price was set on 1 November (effective from
/// the 8th). Merchant shipping is 50 USD so that, valued with the wrong
/// formula, it would always be $10 or more.
fn ui(id: &str, price: &str, first_mile: &str, wishpost: &str) -> WishPostOrder {
    WishPostOrder::builder(id, "buyer", Program::UnificationInitiative)
        .quantity(1)
        .merchant_price(m(price))
        .merchant_shipping(m("50 USD"))
        .first_mile(m(first_mile), day(1))
        .estimated_wishpost_shipping(m(wishpost))
        .build()
        .unwrap()
}

fn a_plus(id: &str, price: &str, shipping: &str) -> WishPostOrder {
    WishPostOrder::builder(id, "buyer", Program::AdvancedLogistics)
        .quantity(1)
        .merchant_price(m(price))
        .merchant_shipping(m(shipping))
        .build()
        .unwrap()
}

fn optional(id: &str, price: &str, shipping: &str) -> WishPostOrder {
    WishPostOrder::builder(id, "buyer", Program::OptionalAdvancedLogistics)
        .quantity(1)
        .merchant_price(m(price))
        .merchant_shipping(m(shipping))
        .build()
        .unwrap()
}

fn decide_on(orders: Vec<WishPostOrder>, as_of: NaiveDate) -> ChannelDecision {
    let s = ShippingOrder::new(orders).unwrap();
    let d = s.decide(as_of, &ExchangeRates::new()).unwrap();
    // The fast path always agrees with the full decision.
    assert_eq!(
        s.requirement(as_of, &ExchangeRates::new()).unwrap(),
        d.requirement()
    );
    d
}

fn decide(orders: Vec<WishPostOrder>) -> ChannelDecision {
    decide_on(orders, day(20))
}

#[test]
fn every_row_and_column_of_the_table() {
    // cheap UI: 3 + 3 + 3 = 9; dear UI: 4 + 3 + 3 = 10
    // cheap A+: 4 + 5 = 9; dear A+: 5 + 5 = 10
    // cheap optional: 1 + 1 = 2; dear optional: 20 + 0 = 20
    let cheap_ui = || ui("ui", "3 USD", "3 USD", "3 USD");
    let dear_ui = || ui("ui", "4 USD", "3 USD", "3 USD");
    let cheap_a = || a_plus("ap", "4 USD", "5 USD");
    let dear_a = || a_plus("ap", "5 USD", "5 USD");
    let cheap_o = || optional("op", "1 USD", "1 USD");
    let dear_o = || optional("op", "20 USD", "0 USD");
    type Case = (
        &'static str,
        Vec<WishPostOrder>,
        RuleRow,
        ChannelRequirement,
        Option<&'static str>,
    );
    let cases: Vec<Case> = vec![
        // Row 1: at least one UI order.
        (
            "UI < 10",
            vec![cheap_ui()],
            RuleRow::UnificationInitiative,
            MustEconomy,
            None,
        ),
        (
            "UI >= 10",
            vec![dear_ui()],
            RuleRow::UnificationInitiative,
            MustStandard,
            Some("ui"),
        ),
        (
            "UI + A+ all < 10",
            vec![cheap_ui(), cheap_a()],
            RuleRow::UnificationInitiative,
            MustEconomy,
            None,
        ),
        (
            "UI + A+, A+ >= 10",
            vec![cheap_ui(), dear_a()],
            RuleRow::UnificationInitiative,
            MustStandard,
            Some("ap"),
        ),
        (
            "UI + A+, UI >= 10",
            vec![dear_ui(), cheap_a()],
            RuleRow::UnificationInitiative,
            MustStandard,
            Some("ui"),
        ),
        (
            "UI + optional all < 10",
            vec![cheap_ui(), cheap_o()],
            RuleRow::UnificationInitiative,
            MustEconomy,
            None,
        ),
        (
            "UI + optional, optional >= 10",
            vec![cheap_ui(), dear_o()],
            RuleRow::UnificationInitiative,
            MustStandard,
            Some("op"),
        ),
        (
            "UI + A+ + optional all < 10",
            vec![cheap_ui(), cheap_a(), cheap_o()],
            RuleRow::UnificationInitiative,
            MustEconomy,
            None,
        ),
        (
            "UI + A+ + optional, A+ >= 10",
            vec![cheap_ui(), dear_a(), cheap_o()],
            RuleRow::UnificationInitiative,
            MustStandard,
            Some("ap"),
        ),
        // Row 2: A+ orders, none UI.
        (
            "A+ < 10",
            vec![cheap_a()],
            RuleRow::AdvancedLogistics,
            MerchantChoice,
            None,
        ),
        (
            "A+ >= 10",
            vec![dear_a()],
            RuleRow::AdvancedLogistics,
            MustStandard,
            Some("ap"),
        ),
        (
            "A+ + optional all < 10",
            vec![cheap_a(), cheap_o()],
            RuleRow::AdvancedLogistics,
            MerchantChoice,
            None,
        ),
        (
            "A+ + optional, optional >= 10",
            vec![cheap_a(), dear_o()],
            RuleRow::AdvancedLogistics,
            MustStandard,
            Some("op"),
        ),
        (
            "A+ + optional, A+ >= 10",
            vec![dear_a(), cheap_o()],
            RuleRow::AdvancedLogistics,
            MustStandard,
            Some("ap"),
        ),
        // Row 3: no A+ order.
        (
            "optional < 10",
            vec![cheap_o()],
            RuleRow::NotGoverned,
            AnyChannel,
            None,
        ),
        (
            "optional >= 10",
            vec![dear_o()],
            RuleRow::NotGoverned,
            AnyChannel,
            None,
        ),
    ];
    for (name, mut orders, row, req, forced) in cases {
        // Unique ids within the shipping order.
        for (i, o) in orders.iter_mut().enumerate() {
            *o = rename(o, o.id(), i);
        }
        let d = decide(orders);
        assert_eq!(d.rule(), row, "{name}");
        assert_eq!(d.requirement(), req, "{name}");
        assert_eq!(
            d.forced_by().map(|id| id.split('#').next().unwrap_or("")),
            forced,
            "{name}"
        );
    }
}

/// The same order with id `base#i`.
fn rename(o: &WishPostOrder, base: &str, i: usize) -> WishPostOrder {
    let mut b = WishPostOrder::builder(format!("{base}#{i}"), o.customer(), o.program())
        .quantity(o.quantity().get())
        .merchant_price(o.merchant_price())
        .merchant_shipping(o.merchant_shipping());
    if let Some(fm) = o.first_mile() {
        b = b.first_mile(fm.price(), fm.set_on());
    }
    if let Some(w) = o.estimated_wishpost_shipping() {
        b = b.estimated_wishpost_shipping(w);
    }
    b.build().unwrap()
}

#[test]
fn channel_codes_and_names() {
    assert_eq!(WishPostChannel::Economy.code(), "5001-1");
    assert_eq!(WishPostChannel::Standard.code(), "5002-1");
    assert_eq!(WishPostChannel::Economy.name(), "A-Super ECONOMY");
    assert_eq!(WishPostChannel::Standard.name(), "A-Super STANDARD");
    assert_eq!(WishPostChannel::Economy.name_zh(), "安速派经济");
    assert_eq!(WishPostChannel::Standard.name_zh(), "安速派标准");
    assert_eq!(
        MustEconomy.channels().a_super(),
        Some(&[WishPostChannel::Economy][..])
    );
    assert_eq!(
        MustStandard.channels().a_super(),
        Some(&[WishPostChannel::Standard][..])
    );
    for c in WishPostChannel::ALL {
        assert!(MerchantChoice.allows(*c));
        assert!(AnyChannel.allows(*c));
    }
}

#[test]
fn the_ten_dollar_boundary() {
    let cases = [
        ("9.99 USD", MerchantChoice, "9.99"),
        ("10.00 USD", MustStandard, "10.00"),
        ("10 USD", MustStandard, "10.00"),
        ("10.01 USD", MustStandard, "10.01"),
        // All in USD: the exact value, never rounded up to $10.00.
        ("9.994 USD", MerchantChoice, "9.994"),
        ("9.995 USD", MerchantChoice, "9.995"),
        ("9.9999 USD", MerchantChoice, "9.9999"),
        ("10.001 USD", MustStandard, "10.001"),
    ];
    for (price, req, usd) in cases {
        let d = decide(vec![a_plus("1", price, "0 USD")]);
        assert_eq!(d.requirement(), req, "{price}");
        assert_eq!(d.orders()[0].usd().to_string(), usd, "{price}");
        assert!(!d.orders()[0].converted(), "{price}");
    }
    // A UI order of a single $9.995 unit is under $10 too: ECONOMY.
    let d = decide(vec![ui("1", "9.995 USD", "0 USD", "0 USD")]);
    assert_eq!(d.orders()[0].usd(), Decimal::new(9995, 3));
    assert_eq!(d.requirement(), MustEconomy);
}

#[test]
fn sub_cent_usd_amounts_are_compared_exactly() {
    // 3 x $3.333 = $9.999 exactly: under $10 in every governed row.
    let a_plus_order = WishPostOrder::builder("1", "buyer", Program::AdvancedLogistics)
        .quantity(3)
        .merchant_price(m("3.333 USD"))
        .merchant_shipping(m("0 USD"))
        .build()
        .unwrap();
    let d = decide(vec![a_plus_order]);
    assert_eq!(d.orders()[0].usd(), Decimal::new(9999, 3));
    assert_eq!(d.orders()[0].usd().to_string(), "9.999");
    assert!(!d.orders()[0].at_or_over_threshold());
    assert_eq!(d.rule(), RuleRow::AdvancedLogistics);
    assert_eq!(d.requirement(), MerchantChoice);
    assert!(d.reason(Language::English).contains("1 $9.999 = "));

    // UI effective: (1.111 + 1.111 + 1.111) x 3 = 9.999: must ECONOMY.
    let ui_order = WishPostOrder::builder("1", "buyer", Program::UnificationInitiative)
        .quantity(3)
        .merchant_price(m("1.111 USD"))
        .merchant_shipping(m("50 USD"))
        .first_mile(m("1.111 USD"), day(1))
        .estimated_wishpost_shipping(m("1.111 USD"))
        .build()
        .unwrap();
    let d = decide(vec![ui_order.clone()]);
    assert_eq!(d.orders()[0].usd().to_string(), "9.999");
    assert_eq!(d.rule(), RuleRow::UnificationInitiative);
    assert_eq!(d.requirement(), MustEconomy);
    // Same UI order beside an A+ order of 3 x $3.333: still ECONOMY.
    let mut with_a_plus = WishPostOrder::builder("2", "buyer", Program::AdvancedLogistics)
        .quantity(3)
        .merchant_price(m("3.333 USD"))
        .merchant_shipping(m("0 USD"))
        .build()
        .unwrap();
    let d = decide(vec![ui_order, with_a_plus.clone()]);
    assert_eq!(d.requirement(), MustEconomy);
    assert_eq!(d.forced_by(), None);

    // Half a cent more per unit crosses: 3 x 3.3335 = 10.0005.
    with_a_plus = WishPostOrder::builder("2", "buyer", Program::AdvancedLogistics)
        .quantity(3)
        .merchant_price(m("3.3335 USD"))
        .merchant_shipping(m("0 USD"))
        .build()
        .unwrap();
    let d = decide(vec![with_a_plus]);
    assert_eq!(d.orders()[0].usd().to_string(), "10.0005");
    assert_eq!(d.requirement(), MustStandard);

    // Tiny amounts stay exact too: $0.005 is not $0.01.
    let d = decide(vec![a_plus("1", "0.005 USD", "0 USD")]);
    assert_eq!(d.orders()[0].usd(), Decimal::new(5, 3));
}

#[test]
fn ui_sum_three_thirds_is_exactly_ten() {
    // (3.33 + 3.33 + 3.34) x 1 = 10.00 exactly: STANDARD. With f64 the sum is
    // 9.999999999999998.
    let d = decide(vec![ui("1", "3.33 USD", "3.33 USD", "3.34 USD")]);
    assert_eq!(d.orders()[0].usd(), Decimal::new(1000, 2));
    assert_eq!(d.orders()[0].formula(), ValueFormula::UnificationInitiative);
    assert_eq!(d.requirement(), MustStandard);
    assert_eq!(d.forced_by(), Some("1"));
    let d = decide(vec![ui("1", "3.33 USD", "3.33 USD", "3.33 USD")]);
    assert_eq!(d.requirement(), MustEconomy);
}

#[test]
fn quantity_multiplies_the_unit_value() {
    let order = |q: u32, price: &str| {
        WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
            .quantity(q)
            .merchant_price(m(price))
            .merchant_shipping(m("0 USD"))
            .build()
            .unwrap()
    };
    let d = decide(vec![order(3, "3.34 USD")]);
    assert_eq!(d.orders()[0].usd().to_string(), "10.02");
    assert_eq!(d.requirement(), MustStandard);
    let d = decide(vec![order(3, "3.33 USD")]);
    assert_eq!(d.orders()[0].usd().to_string(), "9.99");
    assert_eq!(d.requirement(), MerchantChoice);
    // UI: (1 + 1 + 1.34) x 3 = 10.02
    let o = WishPostOrder::builder("1", "c", Program::UnificationInitiative)
        .quantity(3)
        .merchant_price(m("1 USD"))
        .merchant_shipping(m("0 USD"))
        .first_mile(m("1 USD"), day(1))
        .estimated_wishpost_shipping(m("1.34 USD"))
        .build()
        .unwrap();
    assert_eq!(decide(vec![o]).requirement(), MustStandard);
}

#[test]
fn first_mile_pending_for_seven_days_then_effective() {
    // Set on 1 November. UI formula: 3 + 1 + 2 = 6 (ECONOMY);
    // merchant formula: 3 + 8 = 11 (STANDARD).
    let order = || {
        WishPostOrder::builder("1", "c", Program::UnificationInitiative)
            .quantity(1)
            .merchant_price(m("3 USD"))
            .merchant_shipping(m("8 USD"))
            .first_mile(m("1 USD"), day(1))
            .estimated_wishpost_shipping(m("2 USD"))
            .build()
            .unwrap()
    };
    assert_eq!(order().first_mile().unwrap().effective_from(), Some(day(8)));
    for (as_of, status, row, req, usd) in [
        (
            day(1),
            FirstMileStatus::Pending,
            RuleRow::AdvancedLogistics,
            MustStandard,
            "11.00",
        ),
        (
            day(7),
            FirstMileStatus::Pending,
            RuleRow::AdvancedLogistics,
            MustStandard,
            "11.00",
        ),
        (
            day(8),
            FirstMileStatus::Effective,
            RuleRow::UnificationInitiative,
            MustEconomy,
            "6.00",
        ),
        (
            day(9),
            FirstMileStatus::Effective,
            RuleRow::UnificationInitiative,
            MustEconomy,
            "6.00",
        ),
        (
            NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            FirstMileStatus::Pending,
            RuleRow::AdvancedLogistics,
            MustStandard,
            "11.00",
        ),
    ] {
        let d = decide_on(vec![order()], as_of);
        assert_eq!(d.orders()[0].first_mile(), Some(status), "{as_of}");
        assert_eq!(d.rule(), row, "{as_of}");
        assert_eq!(d.requirement(), req, "{as_of}");
        assert_eq!(d.orders()[0].usd().to_string(), usd, "{as_of}");
    }
    let pending = decide_on(vec![order()], day(7));
    assert_eq!(pending.orders()[0].formula(), ValueFormula::Merchant);
    assert!(
        pending
            .reason(Language::English)
            .contains("First-Mile price still pending")
    );
    // A pending UI order that is cheap either way: merchant's choice, not
    // must-ECONOMY.
    let cheap = WishPostOrder::builder("2", "c", Program::UnificationInitiative)
        .quantity(1)
        .merchant_price(m("1 USD"))
        .merchant_shipping(m("1 USD"))
        .first_mile(m("1 USD"), day(1))
        .estimated_wishpost_shipping(m("1 USD"))
        .build()
        .unwrap();
    assert_eq!(
        decide_on(vec![cheap.clone()], day(7)).requirement(),
        MerchantChoice
    );
    assert_eq!(decide_on(vec![cheap], day(8)).requirement(), MustEconomy);
}

#[test]
fn cny_amounts_convert_at_the_given_rate() {
    let rates = ExchangeRates::new()
        .with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))
        .unwrap();
    let cny = |price: &str| {
        WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
            .quantity(1)
            .merchant_price(m(price))
            .merchant_shipping(m("0 CNY"))
            .build()
            .unwrap()
    };
    for (price, usd, req) in [
        ("71.96 CNY", "9.99", MerchantChoice), // 9.99444...
        ("71.99 CNY", "10.00", MustStandard),  // 9.99861... shows as $10.00
        ("72 CNY", "10.00", MustStandard),
        ("36 CNY", "5.00", MerchantChoice),
    ] {
        let s = ShippingOrder::new(vec![cny(price)]).unwrap();
        let d = s.decide(day(20), &rates).unwrap();
        assert_eq!(d.orders()[0].usd().to_string(), usd, "{price}");
        assert_eq!(d.requirement(), req, "{price}");
    }
    // Mixed currencies in one order: 7.2 CNY + 1 USD = 2 USD, x 5 = 10.
    let mixed = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
        .quantity(5)
        .merchant_price(m("7.2 CNY"))
        .merchant_shipping(m("1 USD"))
        .build()
        .unwrap();
    let d = ShippingOrder::new(vec![mixed])
        .unwrap()
        .decide(day(20), &rates)
        .unwrap();
    assert_eq!(d.orders()[0].usd().to_string(), "10.00");
    assert!(d.orders()[0].converted());
}

#[test]
fn conversion_rounds_once_the_orders_value() {
    let rates = ExchangeRates::new()
        .with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))
        .unwrap();
    let order = |q: u32, price: &str, shipping: &str| {
        WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
            .quantity(q)
            .merchant_price(m(price))
            .merchant_shipping(m(shipping))
            .build()
            .unwrap()
    };
    let decide_cny = |o: WishPostOrder| {
        let s = ShippingOrder::new(vec![o]).unwrap();
        let d = s.decide(day(20), &rates).unwrap();
        assert_eq!(s.requirement(day(20), &rates).unwrap(), d.requirement());
        d
    };
    // 71.99 CNY / 7.2 = 9.99861...: converted, rounded once, $10.00, STANDARD;
    // while $9.999 typed in USD is under $10 (the documented asymmetry).
    let d = decide_cny(order(1, "71.99 CNY", "0 CNY"));
    assert!(d.orders()[0].converted());
    assert_eq!(d.orders()[0].usd().to_string(), "10.00");
    assert_eq!(d.requirement(), MustStandard);
    assert!(
        d.reason(Language::English)
            .contains("converted to USD, then rounded once to cents")
    );
    assert!(d.reason(Language::Chinese).contains("已换算为美元"));
    let d = decide_cny(order(1, "9.999 USD", "0 USD"));
    assert!(!d.orders()[0].converted());
    assert_eq!(d.requirement(), MerchantChoice);
    assert!(!d.reason(Language::English).contains("converted"));
    // The order's value is rounded, not each unit: 3 x 23.99 CNY = $9.99583...
    // -> $10.00 (rounding each unit first would give 3 x $3.33 = $9.99).
    let d = decide_cny(order(3, "23.99 CNY", "0 CNY"));
    assert_eq!(d.orders()[0].usd().to_string(), "10.00");
    assert_eq!(d.requirement(), MustStandard);
    // Nor each amount: 35.96 CNY ($4.99444...) + 36.03 CNY ($5.00416...) =
    // $9.99861... -> $10.00; rounded one by one it would be 4.99 + 5.00 = 9.99.
    let d = decide_cny(order(1, "35.96 CNY", "36.03 CNY"));
    assert_eq!(d.orders()[0].usd().to_string(), "10.00");
    assert_eq!(d.requirement(), MustStandard);
    // A USD component with fractions of a cent in a converted order is part of
    // the one rounded value: 7.2 CNY + $0.995 = $1.995 -> $2.00, x 5 rounded
    // once: (1 + 0.995) x 5 = 9.975 -> $9.98, not 5 x $2.00.
    let d = decide_cny(order(5, "7.2 CNY", "0.995 USD"));
    assert!(d.orders()[0].converted());
    assert_eq!(d.orders()[0].usd().to_string(), "9.98");
    assert_eq!(d.requirement(), MerchantChoice);
    // A zero amount in CNY still needs the rate, so the order counts as
    // converted: $9.999 + 0 CNY is rounded to $10.00.
    let d = decide_cny(order(1, "9.999 USD", "0 CNY"));
    assert!(d.orders()[0].converted());
    assert_eq!(d.requirement(), MustStandard);
}

#[test]
fn a_missing_rate_is_reported_at_every_amount() {
    let o = WishPostOrder::builder("1", "buyer", Program::UnificationInitiative)
        .quantity(1)
        .merchant_price(m("10 CNY"))
        .merchant_shipping(m("0 USD"))
        .first_mile(m("1 EUR"), day(1))
        .estimated_wishpost_shipping(m("1 USD"))
        .build()
        .unwrap();
    let s = ShippingOrder::new(vec![a_plus("0", "1 USD", "1 USD"), o]).unwrap();
    let err = s.decide(day(20), &ExchangeRates::new()).unwrap_err();
    let found: Vec<_> = err
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("channel.rate_missing", "/orders/1/merchantPrice"),
            ("channel.rate_missing", "/orders/1/firstMile/price"),
        ]
    );
    assert_eq!(
        s.requirement(day(20), &ExchangeRates::new()).unwrap_err(),
        err
    );
    // Pending on the 2nd: the merchant formula, no EUR needed.
    let err = s.decide(day(2), &ExchangeRates::new()).unwrap_err();
    assert_eq!(err.len(), 1);
}

fn bad(json: &str) -> Report {
    let wire: ShippingOrderJson = serde_json::from_str(json).unwrap();
    wire.to_shipping_order().unwrap_err()
}

fn codes_at(r: &Report) -> Vec<(String, String)> {
    r.iter()
        .map(|v| (v.code().to_string(), v.pointer().to_string()))
        .collect()
}

fn order_json(id: usize, customer: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "{id}", "customer": "{customer}", "program": "a_plus", "quantity": 1,
            "currency": "USD", "merchantPrice": 1, "merchantShipping": 1 {extra}}}"#
    )
}

#[test]
fn too_many_orders() {
    let orders: Vec<String> = (0..21).map(|i| order_json(i, "c", "")).collect();
    let r = bad(&format!(r#"{{"orders": [{}]}}"#, orders.join(",")));
    assert_eq!(
        codes_at(&r),
        [("channel.too_many_orders".into(), "/orders".into())]
    );
    assert_eq!(r.iter().next().unwrap().value(), Some("21"));
    let orders: Vec<String> = (0..20).map(|i| order_json(i, "c", "")).collect();
    let ok: ShippingOrderJson =
        serde_json::from_str(&format!(r#"{{"orders": [{}]}}"#, orders.join(","))).unwrap();
    assert_eq!(ok.to_shipping_order().unwrap().orders().len(), 20);
}

#[test]
fn different_customers_and_duplicates() {
    let r = bad(&format!(
        r#"{{"orders": [{}, {}, {}, {}]}}"#,
        order_json(0, "a", ""),
        order_json(1, "b", ""),
        order_json(2, "a", ""),
        order_json(2, "c", "")
    ));
    assert_eq!(
        codes_at(&r),
        [
            (
                "channel.mixed_customers".into(),
                "/orders/1/customer".into()
            ),
            (
                "channel.mixed_customers".into(),
                "/orders/3/customer".into()
            ),
            ("channel.duplicate_order".into(), "/orders/3/id".into()),
        ]
    );
}

#[test]
fn bad_quantities() {
    for (q, value) in [("0", "0"), ("-1", "-1"), ("1.5", "1.5"), ("\"two\"", "two")] {
        let r = bad(&format!(
            r#"{{"orders": [{{"id": "1", "customer": "c", "program": "a_plus", "quantity": {q},
                "currency": "USD", "merchantPrice": 1, "merchantShipping": 1}}]}}"#
        ));
        assert_eq!(
            codes_at(&r),
            [(
                "channel.quantity_invalid".into(),
                "/orders/0/quantity".into()
            )],
            "{q}"
        );
        assert_eq!(r.iter().next().unwrap().value(), Some(value));
    }
}

#[test]
fn negative_amounts_unknown_currencies_empty() {
    let r = bad(&format!(
        r#"{{"orders": [{}, {}]}}"#,
        r#"{"id": "1", "customer": "c", "program": "ui", "quantity": 1, "currency": "USD",
            "merchantPrice": -0.01, "merchantShipping": "1",
            "firstMile": {"price": "-2", "setOn": "2026-11-01"}, "estimatedWishpostShipping": "-3 CNY"}"#,
        r#"{"id": "2", "customer": "c", "program": "a_plus", "quantity": 1, "currency": "DOLLARS",
            "merchantPrice": 1, "merchantShipping": "5 XYZ"}"#
    ));
    assert_eq!(
        codes_at(&r),
        [
            (
                "channel.amount_negative".into(),
                "/orders/0/merchantPrice".into()
            ),
            (
                "channel.amount_negative".into(),
                "/orders/0/firstMile/price".into()
            ),
            (
                "channel.amount_negative".into(),
                "/orders/0/estimatedWishpostShipping".into()
            ),
            ("currency.unknown".into(), "/orders/1/currency".into()),
            (
                "currency.unknown".into(),
                "/orders/1/merchantShipping".into()
            ),
        ]
    );
    for v in &r {
        assert!(!v.message_en().is_empty());
        assert!(
            v.message_zh()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        );
    }
    let r = bad(r#"{"orders": []}"#);
    assert_eq!(
        codes_at(&r),
        [("channel.empty_shipping_order".into(), "/orders".into())]
    );
    let r = bad(r#"{}"#);
    assert_eq!(
        codes_at(&r),
        [("channel.empty_shipping_order".into(), "/orders".into())]
    );
}

#[test]
fn missing_fields_program_and_dates() {
    let r = bad(
        r#"{"orders": [{"id": "1", "program": "premium", "merchantPrice": 1},
                       {"id": "2", "customer": "c", "program": "ui", "quantity": 1, "currency": "USD",
                        "merchantPrice": 1, "merchantShipping": 1,
                        "firstMile": {"price": 1, "setOn": "01/11/2026"}},
                       {"id": "3", "customer": "c", "program": "a_plus", "quantity": 1,
                        "merchantPrice": 1, "merchantShipping": 1}]}"#,
    );
    assert_eq!(
        codes_at(&r),
        [
            ("channel.program_unknown".into(), "/orders/0/program".into()),
            ("channel.missing_field".into(), "/orders/0/currency".into()),
            ("channel.missing_field".into(), "/orders/0/customer".into()),
            ("channel.missing_field".into(), "/orders/0/quantity".into()),
            (
                "channel.missing_field".into(),
                "/orders/0/merchantShipping".into()
            ),
            (
                "channel.date_invalid".into(),
                "/orders/1/firstMile/setOn".into()
            ),
            (
                "channel.missing_field".into(),
                "/orders/1/estimatedWishpostShipping".into()
            ),
            ("channel.missing_field".into(), "/orders/2/currency".into()),
        ]
    );
}

#[test]
fn all_problems_at_once_across_orders() {
    let orders: Vec<String> = (0..22)
        .map(|i| {
            if i == 3 {
                r#"{"id": "3", "customer": "z", "program": "a_plus", "quantity": 0,
                    "currency": "USD", "merchantPrice": 1, "merchantShipping": 1}"#
                    .to_owned()
            } else {
                order_json(i, "c", "")
            }
        })
        .collect();
    let r = bad(&format!(r#"{{"orders": [{}]}}"#, orders.join(",")));
    let codes: Vec<String> = r.iter().map(|v| v.code().to_string()).collect();
    assert_eq!(
        codes,
        [
            "channel.too_many_orders",
            "channel.quantity_invalid",
            "channel.mixed_customers"
        ]
    );
    assert_eq!(
        r.iter().nth(1).unwrap().pointer().as_str(),
        "/orders/3/quantity"
    );
    assert!(r.render(Language::Chinese).contains("3 个错误"));
}

#[test]
fn json_amounts_read_exactly_from_numbers_and_strings() {
    let wire: ShippingOrderJson = serde_json::from_str(
        r#"{"trackingNumber": "UG1", "orders": [
            {"id": 7, "customer": 42, "program": "UI", "quantity": "1", "currency": "USD",
             "merchantPrice": 3.33, "merchantShipping": "0.1",
             "firstMile": {"price": "3.33", "setOn": "2026-11-01"},
             "estimatedWishpostShipping": 3.34},
            {"id": "8", "customer": "42", "program": "A+", "quantity": 2, "currency": "RMB",
             "merchantPrice": "23.90", "merchantShipping": "0.10 USD"}]}"#,
    )
    .unwrap();
    let s = wire.to_shipping_order().unwrap();
    assert_eq!(s.tracking_number(), Some("UG1"));
    assert_eq!(s.customer(), "42");
    let o = &s.orders()[0];
    assert_eq!(o.id(), "7");
    assert_eq!(o.merchant_price().amount(), Decimal::new(333, 2));
    assert_eq!(o.merchant_shipping().amount(), Decimal::new(1, 1));
    assert_eq!(s.orders()[1].merchant_price(), m("23.90 CNY"));
    assert_eq!(s.orders()[1].merchant_shipping(), m("0.10 USD"));
    let rates = ExchangeRates::new()
        .with_rate(Currency::USD, Currency::CNY, Decimal::new(717, 2))
        .unwrap();
    let d = s.decide(day(8), &rates).unwrap();
    assert_eq!(d.orders()[0].usd().to_string(), "10.00");
    // (23.90 / 7.17 + 0.10) x 2 = 6.8667...
    assert_eq!(d.orders()[1].usd().to_string(), "6.87");
    assert_eq!(d.requirement(), MustStandard);
    assert_eq!(d.forced_by(), Some("7"));
    assert_eq!(d.split_candidates().collect::<Vec<_>>(), ["8"]);
}

#[test]
fn model_round_trips_through_json() {
    let json = r#"{"trackingNumber": "UG1", "orders": [
        {"id": "1", "customer": "c", "program": "ui", "quantity": 2, "currency": "CNY",
         "merchantPrice": 0.1, "merchantShipping": "0.2",
         "firstMile": {"price": "1.5 USD", "setOn": "2026-11-01"},
         "estimatedWishpostShipping": 3}]}"#;
    let s: ShippingOrder = serde_json::from_str(json).unwrap();
    let out = serde_json::to_value(&s).unwrap();
    assert_eq!(out["orders"][0]["merchantPrice"], "0.1");
    assert_eq!(out["orders"][0]["currency"], "CNY");
    assert_eq!(out["orders"][0]["firstMile"]["price"], "1.5 USD");
    assert_eq!(out["orders"][0]["program"], "unification_initiative");
    let back: ShippingOrder = serde_json::from_value(out).unwrap();
    assert_eq!(back, s);
    // A bad document fails to deserialize as the domain type, naming the path.
    let err = serde_json::from_str::<ShippingOrder>(r#"{"orders": []}"#).unwrap_err();
    assert!(err.to_string().contains("channel.empty_shipping_order"));
}

#[test]
fn decision_json() {
    let d = decide(vec![
        a_plus("1", "4 USD", "1 USD"),
        a_plus("2", "12 USD", "1 USD"),
    ]);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["requirement"], "must_standard");
    assert_eq!(json["channels"][0]["code"], "5002-1");
    assert_eq!(json["channels"][0]["nameZh"], "安速派标准");
    assert_eq!(json["rule"], "advanced_logistics");
    assert_eq!(json["asOf"], "2026-11-20");
    assert_eq!(json["orders"][0]["usd"], "5.00");
    assert_eq!(json["orders"][0]["formula"], "merchant");
    assert_eq!(json["orders"][1]["atOrOverThreshold"], true);
    assert_eq!(json["forcedBy"], "2");
    assert_eq!(json["splitCandidates"][0], "1");
    assert!(
        json["reason"]["en"]
            .as_str()
            .unwrap()
            .contains("order \"2\" is worth $13.00")
    );
    assert!(
        json["reason"]["zh"]
            .as_str()
            .unwrap()
            .contains("安速派标准")
    );
    let back: ChannelDecision = serde_json::from_value(json).unwrap();
    assert_eq!(back, d);
}

#[test]
fn forced_by_is_the_most_valuable_then_smallest_id() {
    let d = decide(vec![
        a_plus("b", "11 USD", "0 USD"),
        a_plus("c", "15 USD", "0 USD"),
        a_plus("a", "15 USD", "0 USD"),
    ]);
    assert_eq!(d.forced_by(), Some("a"));
}

#[test]
fn planner_splits_and_reports() {
    let rates = ExchangeRates::new();
    let o = |id: &str, customer: &str, program: Program, price: &str| {
        WishPostOrder::builder(id, customer, program)
            .quantity(1)
            .merchant_price(m(price))
            .merchant_shipping(m("0 USD"))
            .build()
            .unwrap()
    };
    let batch = vec![
        o("1", "bob", Program::AdvancedLogistics, "4 USD"),
        o("2", "bob", Program::OptionalAdvancedLogistics, "30 USD"),
        o("3", "bob", Program::AdvancedLogistics, "12 USD"),
        o("4", "bob", Program::OptionalAdvancedLogistics, "1 USD"),
        o("5", "amy", Program::OptionalAdvancedLogistics, "30 USD"),
        o("6", "amy", Program::OptionalAdvancedLogistics, "3 USD"),
        o("1", "amy", Program::AdvancedLogistics, "3 USD"), // duplicate id
        o("7", "cid", Program::AdvancedLogistics, "3 EUR"), // no rate
    ];
    let plan = plan_split(batch, day(20), &rates);
    let shape: Vec<(Vec<&str>, ChannelRequirement)> = plan
        .shipments()
        .iter()
        .map(|s| {
            (
                s.shipping_order().orders().iter().map(|o| o.id()).collect(),
                s.decision().requirement(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (vec!["5", "6"], AnyChannel),
            (vec!["1", "4"], MerchantChoice),
            (vec!["2"], AnyChannel),
            (vec!["3"], MustStandard),
        ]
    );
    assert_eq!(plan.shipments()[1].batch_indices(), &[0, 3]);
    assert_eq!(
        codes_at(plan.report()),
        [
            ("channel.duplicate_order".into(), "/orders/6/id".into()),
            (
                "channel.rate_missing".into(),
                "/orders/7/merchantPrice".into()
            ),
        ]
    );
    let s = plan.summary();
    assert_eq!((s.orders, s.orders_left_out, s.customers), (6, 2, 2));
    assert_eq!((s.shipping_orders, s.baseline_shipping_orders), (4, 2));
    // Baseline: bob's four orders together must ship STANDARD.
    assert_eq!(s.baseline_economy_orders, 2);
    assert_eq!(s.economy_orders, 5);
    assert_eq!(s.moved_to_economy, 3);
    // The plan serializes.
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["summary"]["movedToEconomy"], 3);
    assert_eq!(json["report"][0]["path"], "/orders/6/id");
    let back: crossborder::SplitPlan = serde_json::from_value(json).unwrap();
    assert_eq!(back, plan);
}

#[test]
fn planner_chunks_by_twenty() {
    let orders: Vec<WishPostOrder> = (0..45)
        .map(|i| {
            a_plus(
                &format!("{i:02}"),
                if i % 3 == 0 { "12 USD" } else { "2 USD" },
                "0 USD",
            )
        })
        .collect();
    let plan = plan_split(orders, day(20), &ExchangeRates::new());
    let sizes: Vec<usize> = plan
        .shipments()
        .iter()
        .map(|s| s.shipping_order().orders().len())
        .collect();
    // 30 cheap (20 + 10), 15 dear.
    assert_eq!(sizes, [20, 10, 15]);
    assert_eq!(plan.summary().baseline_shipping_orders, 3);
    assert_eq!(plan.summary().moved_to_economy, 30);
}

#[test]
fn planner_from_json_reports_bad_orders() {
    let batch: OrderBatchJson = serde_json::from_str(&format!(
        r#"{{"orders": [{}, {}, {}, {}]}}"#,
        order_json(0, "a", ""),
        r#"{"id": "1", "customer": "a", "program": "a_plus", "quantity": 1,
            "currency": "EUR", "merchantPrice": 1, "merchantShipping": 1}"#,
        r#"{"id": "2", "customer": "a", "program": "a_plus", "quantity": 1,
            "currency": "ABC", "merchantPrice": 1, "merchantShipping": 1}"#,
        order_json(3, "b", "")
    ))
    .unwrap();
    let plan = batch.plan(day(20), &ExchangeRates::new());
    assert_eq!(plan.summary().orders, 2);
    assert_eq!(plan.summary().orders_left_out, 2);
    // Reading problems and valuation problems, in document order.
    assert_eq!(
        codes_at(plan.report()),
        [
            (
                "channel.rate_missing".into(),
                "/orders/1/merchantPrice".into()
            ),
            (
                "channel.rate_missing".into(),
                "/orders/1/merchantShipping".into()
            ),
            ("currency.unknown".into(), "/orders/2/currency".into()),
        ]
    );
}

#[test]
fn readme_example() -> Result<(), Box<dyn std::error::Error>> {
    // The example of the README's "WishPost A-Super channel" section.
    let json = r#"{"orders": [
      {"id": "1", "customer": "c", "program": "ui", "quantity": 1, "currency": "USD",
       "merchantPrice": 3.33, "merchantShipping": 0,
       "firstMile": {"price": "3.33", "setOn": "2026-11-01"}, "estimatedWishpostShipping": "3.34"},
      {"id": "2", "customer": "c", "program": "a_plus", "quantity": 3, "currency": "RMB",
       "merchantPrice": "7.10", "merchantShipping": 0}
    ]}"#;
    let wire: ShippingOrderJson = serde_json::from_str(json)?;
    let shipping = wire.to_shipping_order()?;
    let rates =
        ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::new(71, 1))?;
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 20).ok_or("date")?;
    let d = shipping.decide(as_of, &rates)?;
    assert_eq!(d.requirement(), ChannelRequirement::MustStandard);
    assert_eq!(d.forced_by(), Some("1"));
    assert_eq!(d.split_candidates().collect::<Vec<_>>(), ["2"]);
    assert_eq!(d.orders()[1].usd().to_string(), "3.00");
    Ok(())
}
