//! China import tax (issue 11): the test values of the regulations, a BC
//! order to the cent, full rates, general trade, personal articles with
//! their dated tiers, waiver and parcel limit, the declared-tax rules, the
//! tax table as data; and the wording of the limit and payer rules (issue
//! 13, items 1 and 3).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use crossborder::declaration::{Context, Declaration, Validator, catalogue};
use crossborder::tax::{
    self, Basis, CbecPeriod, ConsumptionTax, LineFacts, RateSource, SpecificTax, TaxAssessment,
    TaxRow, TaxTable, TaxTableJson,
};
use crossborder::{ClearanceMode, Country, Currency, Effective, Money, Order, Severity, wire};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ctx() -> Context {
    Context::new(date(2025, 3, 1))
}

fn order(json: Value) -> Order {
    let w: wire::Order = serde_json::from_value(json).unwrap();
    Order::from_wire(w).into_result().unwrap()
}

/// An order of one line per (hsCode, price, quantity).
fn lines(mode: &str, lines: &[(&str, f64, u32)]) -> Order {
    let items: Vec<Value> = lines
        .iter()
        .map(|(hs, price, q)| json!({"quantity": q, "price": price, "product": {"hsCode": hs}}))
        .collect();
    order(json!({"expressType": mode, "items": items}))
}

fn money(m: Option<Money>) -> Option<String> {
    m.map(|m| {
        assert_eq!(m.currency(), Currency::CNY);
        m.amount().to_string()
    })
}

fn codes(a: &TaxAssessment<'_>) -> Vec<(String, String, Severity)> {
    a.report()
        .iter()
        .map(|v| (v.code().to_string(), v.pointer().to_string(), v.severity()))
        .collect()
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn the_regulations_test_values_from_the_default_table() {
    // 9.1% (13% VAT), 6.3% (9%), 17.89% (wine, c = 10%), 23.06% (high-end cosmetics, c = 15%)
    let o = order(json!({"expressType": "BC", "items": [
        {"quantity": 1, "price": 1000, "product": {"hsCode": "8518300000"}},
        {"quantity": 1, "price": 1000, "product": {"hsCode": "4901990000"}},
        {"quantity": 1, "price": 1000, "product": {"hsCode": "2204210000"}},
        {"quantity": 1, "price": 1000, "product": {"hsCode": "3304990000", "netWeight": 0.05}},
    ]}));
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), Some(Basis::Cbec));
    assert!(a.report().is_empty(), "{}", a.report());
    let seven = d("0.7");
    let exact = [
        d("0.13") * seven,
        d("0.09") * seven,
        (d("0.10") + d("0.13")) / d("0.90") * seven,
        (d("0.15") + d("0.13")) / d("0.85") * seven,
    ];
    let shown = ["0.091", "0.063", "0.1789", "0.2306"];
    for ((line, exact), shown) in a.lines().iter().zip(exact).zip(shown) {
        let rate = line.rate().unwrap();
        // exact to the last of 28 digits, and the published figure rounded
        assert!((rate - exact).abs() < d("1e-25"), "{rate} vs {exact}");
        assert_eq!(rate.round_dp(4).normalize().to_string(), shown);
        assert!(line.is_certain());
    }
    let taxes: Vec<_> = a.lines().iter().map(|l| money(l.tax()).unwrap()).collect();
    // 1000 x each rate, each component rounded: wine 77.78 + 101.11, cosmetics 123.53 + 107.06
    assert_eq!(taxes, ["91.00", "63.00", "178.89", "230.59"]);
    assert_eq!(money(a.total()).as_deref(), Some("563.48"));
}

fn with_rows(rows: Vec<TaxRow>) -> TaxTable {
    let mut table = TaxTable::china_default();
    let mut own = TaxTable::empty();
    own.rows = rows;
    table.extend(own);
    table
}

#[test]
fn a_compound_spirit_and_a_specific_beer_from_caller_rows() {
    // Spirits: 20% + ¥0.5 per 500 ml; beer ¥250 per tonne of 988 litres.
    let table = with_rows(vec![
        TaxRow::new("220830".parse().unwrap(), "caller: whisky").with_consumption(ConsumptionTax {
            ad_valorem: d("0.20"),
            specific: Some(SpecificTax {
                amount: d("0.5"),
                per: "500 ml".parse().unwrap(),
            }),
        }),
        TaxRow::new("2203".parse().unwrap(), "caller: beer").with_consumption(ConsumptionTax {
            ad_valorem: Decimal::ZERO,
            specific: Some(SpecificTax {
                amount: d("250"),
                per: "988 l".parse().unwrap(),
            }),
        }),
    ]);
    let o = lines("BC", &[("2208300000", 300.0, 2), ("2203000000", 10.0, 24)]);
    let context = ctx()
        .with_tax_table(table)
        .with_line_facts(
            0,
            LineFacts::new()
                .with_volume("700 ml".parse().unwrap())
                .unwrap(),
        )
        .with_line_facts(
            1,
            LineFacts::new()
                .with_volume("330 ml".parse().unwrap())
                .unwrap(),
        );
    let a = tax::assess(&o, &context);
    assert!(a.report().is_empty(), "{}", a.report());
    let spirit = &a.lines()[0];
    // sq = 0.5 x 1400 / 500 = 1.4; base = (600 + 1.4) / 0.8 = 751.75
    // ct = (751.75 x 0.2 + 1.4) x 0.7 = 106.225 -> 106.23; VAT = 751.75 x 0.13 x 0.7 = 68.40925 -> 68.41
    assert_eq!(money(spirit.consumption_tax()).as_deref(), Some("106.23"));
    assert_eq!(money(spirit.vat()).as_deref(), Some("68.41"));
    assert_eq!(money(spirit.tax()).as_deref(), Some("174.64"));
    assert!(matches!(
        spirit.consumption_rate().unwrap().source(),
        RateSource::Row { row, .. } if row.source == "caller: whisky"
    ));
    let beer = &a.lines()[1];
    // 24 x 330 ml = 7.92 l; sq = 250 x 7.92 / 988 = 2.004048...; base = 240 + sq
    // ct = sq x 0.7 = 1.40283 -> 1.40; VAT = 242.004048 x 0.13 x 0.7 = 22.02236 -> 22.02
    assert_eq!(money(beer.consumption_tax()).as_deref(), Some("1.40"));
    assert_eq!(money(beer.vat()).as_deref(), Some("22.02"));
}

#[test]
fn a_spirit_without_its_volume_is_said_so_not_guessed() {
    let o = lines("BC", &[("2208300000", 300.0, 2)]);
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(a.lines()[0].tax(), None);
    assert_eq!(a.total(), None);
    assert_eq!(
        codes(&a),
        [(
            "tax.quantity_missing".into(),
            "/items/0".into(),
            Severity::Error
        )]
    );
    assert!(a.report().as_slice()[0].message_en().contains("500 ml"));
}

#[test]
fn the_default_beer_rows_choose_the_class_by_price_per_tonne() {
    // ¥3,000 a tonne of 988 l is ¥1.00202 a 330 ml can.
    let cheap = lines("BC", &[("2203000000", 0.99, 24)]);
    let dear = lines("BC", &[("2203000000", 1.10, 24)]);
    let context = ctx().with_line_facts(
        0,
        LineFacts::new()
            .with_volume("330 ml".parse().unwrap())
            .unwrap(),
    );
    let specific = |o: &Order| {
        let a = tax::assess(o, &context);
        a.lines()[0]
            .consumption_rate()
            .unwrap()
            .specific()
            .unwrap()
            .amount
    };
    assert_eq!(specific(&cheap), d("220"));
    assert_eq!(specific(&dear), d("250"));
}

fn two_lines_and_delivery() -> Value {
    json!({
        "expressType": "BC", "currency": "RMB", "shippingCost": 20, "insuranceFee": 2,
        "items": [
            {"quantity": 2, "price": 199, "discount": 0, "tax": 36.22, "product": {"hsCode": "8518300000"}},
            {"quantity": 1, "price": 100, "tax": 6.30, "product": {"hsCode": "4901990000"}}
        ],
        "productsTotalTax": 42.52, "shippingTax": 1.88
    })
}

#[test]
fn a_bc_order_of_two_lines_and_delivery_to_the_cent() {
    let o = order(two_lines_and_delivery());
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), Some(Basis::Cbec));
    let l0 = &a.lines()[0];
    assert_eq!(money(l0.dutiable_value()).as_deref(), Some("398"));
    assert_eq!(money(l0.duty()).as_deref(), Some("0.00"));
    assert_eq!(money(l0.consumption_tax()).as_deref(), Some("0.00"));
    assert_eq!(money(l0.vat()).as_deref(), Some("36.22")); // 398 x 13% x 70% = 36.218
    assert_eq!(money(a.lines()[1].vat()).as_deref(), Some("6.30"));
    // The delivery share: 22 x 398 / 498 and 22 x 100 / 498, exact.
    let shares: Decimal = a
        .lines()
        .iter()
        .map(|l| l.shipping_share().unwrap().amount())
        .sum();
    assert!((shares - d("22")).abs() < d("1e-20"));
    // 22 x (398 x 0.091 + 100 x 0.063) / 498 = 1.87830..., rounded once.
    assert_eq!(money(a.shipping_tax()).as_deref(), Some("1.88"));
    assert_eq!(money(a.total()).as_deref(), Some("44.40"));
    assert!(a.check_declared(&o, context.rates()).is_empty());
    // Rounding the shipping tax per line would give 1.58 + 0.28 = 1.86: not what is declared here.
}

#[test]
fn a_declared_tax_that_is_off_is_reported_at_its_pointer() {
    let mut json = two_lines_and_delivery();
    json["items"][0]["tax"] = json!(30.0);
    json["shippingTax"] = json!(0);
    json["productsTotalTax"] = json!(36.3);
    let o = order(json.clone());
    let context = ctx();
    let a = tax::assess(&o, &context);
    let r = a.check_declared(&o, context.rates());
    let found: Vec<_> = r
        .iter()
        .map(|v| {
            (
                v.code().as_str(),
                v.pointer().as_str(),
                v.severity(),
                v.value(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "tax.declared_mismatch",
                "/items/0/tax",
                Severity::Error,
                Some("30.00")
            ),
            (
                "tax.declared_mismatch",
                "/productsTotalTax",
                Severity::Error,
                Some("36.30")
            ),
            (
                "tax.declared_mismatch",
                "/shippingTax",
                Severity::Error,
                Some("0.00")
            ),
        ]
    );
    assert!(
        r.as_slice()[0]
            .message_en()
            .contains("6.22 CNY lower than the computed 36.22 CNY")
    );
    assert!(r.as_slice()[0].message_zh().contains("少 6.22 CNY"));
    assert!(r.as_slice()[2].message_en().contains("1.88 CNY lower"));
    // The same through the validator, at pointers that resolve in the document.
    let w: wire::Order = serde_json::from_value(json.clone()).unwrap();
    let report = Validator::default()
        .validate_order(w, Declaration::Order, &context)
        .into_parts()
        .1;
    let tax: Vec<_> = report
        .iter()
        .filter(|v| v.code().as_str().starts_with("tax."))
        .map(|v| v.pointer().as_str().to_owned())
        .collect();
    assert_eq!(tax, ["/items/0/tax", "/productsTotalTax", "/shippingTax"]);
    for p in &tax {
        assert!(json.pointer(p).is_some());
    }
    // Within a fen a line is not reported.
    let mut close = two_lines_and_delivery();
    close["items"][0]["tax"] = json!(36.23);
    close["productsTotalTax"] = json!(42.53);
    let o = order(close);
    assert!(
        tax::assess(&o, &context)
            .check_declared(&o, context.rates())
            .is_empty()
    );
}

#[test]
fn a_declared_tax_off_from_a_guessed_rate_is_a_warning() {
    // 2309 (pet food) is in no VAT row: 13% is the default guess, and the feed rate 9% may apply.
    let o = order(json!({"expressType": "BBC", "items": [
        {"quantity": 1, "price": 100, "tax": 6.30, "product": {"hsCode": "2309109000"}}]}));
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert!(!a.is_certain());
    assert!(a.lines()[0].vat_rate().unwrap().source().is_guess());
    assert_eq!(
        codes(&a),
        [(
            "tax.rate_default".into(),
            "/items/0/product/hsCode".into(),
            Severity::Warning
        )]
    );
    let r = a.check_declared(&o, context.rates());
    assert_eq!(r.len(), 1);
    assert_eq!(
        r.as_slice()[0].code().as_str(),
        "tax.declared_mismatch_default_rate"
    );
    assert_eq!(r.as_slice()[0].severity(), Severity::Warning);
}

fn watch(price: u32, quantity: u32, lines: usize) -> Order {
    let items: Vec<Value> = (0..lines)
        .map(|_| json!({"quantity": quantity, "price": price, "product": {"hsCode": "9102110000"}}))
        .collect();
    order(json!({"expressType": "BC", "items": items}))
}

#[test]
fn a_single_watch_of_12000_is_taxed_at_full_rates_with_the_callers_duty_rate() {
    let o = watch(12000, 1, 1);
    let context = ctx().with_duty_rate(d("0.10"));
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), Some(Basis::CbecFullRate));
    let l = &a.lines()[0];
    // duty 1,200; base (12,000 + 1,200) / 0.8 = 16,500; ct 20% = 3,300; VAT 13% = 2,145
    assert_eq!(money(l.duty()).as_deref(), Some("1200.00"));
    assert_eq!(money(l.consumption_tax()).as_deref(), Some("3300.00"));
    assert_eq!(money(l.vat()).as_deref(), Some("2145.00"));
    assert_eq!(money(l.tax()).as_deref(), Some("6645.00"));
    assert_eq!(l.duty_rate().unwrap().source(), RateSource::Caller);
    assert_eq!(
        codes(&a),
        [("tax.full_rate".into(), "/items".into(), Severity::Warning)]
    );
    // A row's duty rate beats the context's; the line's facts beat both.
    let table = with_rows(vec![
        TaxRow::new("9102".parse().unwrap(), "caller: MFN").with_duty(d("0.08")),
    ]);
    let context = ctx().with_duty_rate(d("0.10")).with_tax_table(table);
    let a = tax::assess(&o, &context);
    assert_eq!(money(a.lines()[0].duty()).as_deref(), Some("960.00"));
    let context = context.with_line_facts(0, LineFacts::new().with_duty_rate(d("0.05")));
    assert_eq!(
        money(tax::assess(&o, &context).lines()[0].duty()).as_deref(),
        Some("600.00")
    );
}

#[test]
fn the_same_watch_without_a_duty_rate_is_reported() {
    let o = watch(12000, 1, 1);
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), Some(Basis::CbecFullRate));
    assert_eq!(a.lines()[0].tax(), None);
    assert_eq!(a.total(), None);
    assert!(codes(&a).contains(&(
        "tax.duty_rate_missing".into(),
        "/items/0/product/hsCode".into(),
        Severity::Error
    )));
}

#[test]
fn two_items_over_5000_is_an_error_not_full_rates() {
    for o in [watch(3000, 2, 1), watch(3000, 1, 2)] {
        let context = ctx().with_duty_rate(d("0.10"));
        let a = tax::assess(&o, &context);
        assert_eq!(a.basis(), Some(Basis::GeneralTrade));
        assert_eq!(a.total(), None);
        assert_eq!(
            codes(&a),
            [("tax.general_trade".into(), "/items".into(), Severity::Error)]
        );
    }
    // A single watch of ¥26,000 is general trade too; one of ¥25,999 is not.
    let context = ctx().with_duty_rate(d("0.10"));
    assert_eq!(
        tax::assess(&watch(26000, 1, 1), &context).basis(),
        Some(Basis::GeneralTrade)
    );
    assert_eq!(
        tax::assess(&watch(25999, 1, 1), &context).basis(),
        Some(Basis::CbecFullRate)
    );
}

#[test]
fn over_the_annual_limit_is_general_trade() {
    let o = lines("BC", &[("8518300000", 1000.0, 1)]);
    let spent = |amount| ctx().with_annual_spent(Money::new(Decimal::from(amount), Currency::CNY));
    let context = spent(25_000);
    assert_eq!(tax::assess(&o, &context).basis(), Some(Basis::Cbec)); // exactly 26,000
    let context = spent(25_001);
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), Some(Basis::GeneralTrade));
    assert!(
        a.report().as_slice()[0]
            .message_en()
            .contains("26,000 annual limit")
    );
}

#[test]
fn the_5000_base_keeps_non_cash_deductions_and_counts_insurance() {
    // Issue 13 item 1: Σ (price - discount) x quantity + shippingCost + insuranceFee.
    let base = |deduction: Value, insurance: Value| {
        let o = order(
            json!({"expressType": "BC", "shippingCost": 10, "insuranceFee": insurance,
            "nonCashDeductionAmount": deduction,
            "items": [{"quantity": 2, "price": 2500, "discount": 5, "product": {"hsCode": "8518300000"}}]}),
        );
        let context = ctx();
        let a = tax::assess(&o, &context);
        (a.dutiable_value().unwrap().amount(), a.basis())
    };
    // 2 x 2,500 - 2 x 5 + 10 = 5,000: within; the deduction changes nothing.
    assert_eq!(base(json!(0), json!(0)), (d("5000"), Some(Basis::Cbec)));
    assert_eq!(base(json!(300), json!(0)), (d("5000"), Some(Basis::Cbec)));
    // ¥0.02 of insurance takes it over; a deduction does not bring it back.
    assert_eq!(
        base(json!(0), json!("0.02")),
        (d("5000.02"), Some(Basis::GeneralTrade))
    );
    assert_eq!(
        base(json!(300), json!("0.02")),
        (d("5000.02"), Some(Basis::GeneralTrade))
    );
}

#[test]
fn the_single_item_rules_say_the_order_holds_only_one_item() {
    // Issue 13 item 1: 49号 reads 订单下仅一件商品; "indivisible" was the 2016 wording.
    for code in ["limit.transaction", "limit.transaction_single_item"] {
        let r = catalogue()
            .iter()
            .find(|r| r.code().as_str() == code)
            .unwrap();
        assert!(r.checks().contains("holds only one item"), "{code}");
        assert!(!r.checks().contains("indivisible"), "{code}");
    }
    let limit = catalogue()
        .iter()
        .find(|r| r.code().as_str() == "limit.transaction")
        .unwrap();
    assert!(
        limit
            .checks()
            .contains("nonCashDeductionAmount not subtracted")
    );
    assert!(limit.checks().contains("insuranceFee"));
    let w: wire::Order = serde_json::from_value(json!({"expressType": "BC", "orderId": "1",
        "items": [{"quantity": 1, "price": 5200, "product": {"hsCode": "8518300000"}}]}))
    .unwrap();
    let report = Validator::default()
        .validate_order(w, Declaration::Order, &ctx())
        .into_parts()
        .1;
    let v = report
        .iter()
        .find(|v| v.code().as_str() == "limit.transaction_single_item")
        .unwrap();
    assert!(
        v.message_en().contains("the order holds only one item"),
        "{}",
        v.message_en()
    );
    assert!(!v.message_en().contains("indivisible"));
    assert!(v.message_zh().contains("订单下仅一件商品"));
    // The full-rate tax is in the message when it can be computed.
    let context = ctx().with_duty_rate(d("0"));
    let w: wire::Order = serde_json::from_value(json!({"expressType": "BC", "orderId": "1",
        "items": [{"quantity": 1, "price": 5200, "product": {"hsCode": "8518300000"}}]}))
    .unwrap();
    let report = Validator::default()
        .validate_order(w, Declaration::Order, &context)
        .into_parts()
        .1;
    let v = report
        .iter()
        .find(|v| v.code().as_str() == "limit.transaction_single_item")
        .unwrap();
    assert!(
        v.message_en()
            .contains("(for this order: duty 0% 0.00 + VAT 13% 676.00 = 676.00 CNY)"),
        "{}",
        v.message_en()
    );
}

#[test]
fn the_payer_rule_says_which_rule_it_applies() {
    // Issue 13 item 3.
    let r = catalogue()
        .iter()
        .find(|r| r.code().as_str() == "order.payer_mismatch")
        .unwrap();
    assert!(
        r.checks()
            .contains("authenticated orderer, or else orderer = payer")
    );
    assert!(r.checks().contains("platforms"));
    assert!(r.source().contains("财关税〔2016〕18号"));
    let w: wire::Order = serde_json::from_value(json!({"expressType": "BC",
        "customer": {"tin": "330106199003071236"}, "payer": {"tin": "11010519491231002X"},
        "items": [{"quantity": 1, "price": 10, "product": {"hsCode": "8518300000"}}]}))
    .unwrap();
    let report = Validator::default()
        .validate_order(w, Declaration::Order, &ctx())
        .into_parts()
        .1;
    let v = report
        .iter()
        .find(|v| v.code().as_str() == "order.payer_mismatch")
        .unwrap();
    assert!(v.message_en().contains("applies orderer = payer"));
    assert!(v.message_en().contains("platforms require"));
    assert!(v.message_en().contains("authenticated orderer"));
    assert!(v.message_zh().contains("订购人与支付人一致"));
}

#[test]
fn cc_a_tax_of_40_is_waived_and_one_of_60_is_due() {
    let context = ctx();
    // T-shirt, tier 2 (20%): 200 -> 40, 300 -> 60.
    let a = tax::assess(&lines("CC", &[("6109100000", 200.0, 1)]), &context);
    assert_eq!(a.basis(), Some(Basis::PersonalArticles));
    assert!(a.is_waived());
    assert_eq!(money(a.waived_amount()).as_deref(), Some("40.00"));
    assert_eq!(money(a.total()).as_deref(), Some("0.00"));
    assert_eq!(money(a.lines()[0].tax()).as_deref(), Some("0.00"));
    let a = tax::assess(&lines("CC", &[("6109100000", 300.0, 1)]), &context);
    assert!(!a.is_waived());
    assert_eq!(money(a.total()).as_deref(), Some("60.00"));
    assert_eq!(a.lines()[0].duty(), None); // one tax, not three
    assert_eq!(money(a.shipping_tax()).as_deref(), Some("0.00"));
    // Exactly ¥50 is waived.
    let a = tax::assess(&lines("CC", &[("6109100000", 250.0, 1)]), &context);
    assert!(a.is_waived());
    // A declared ¥40 on a waived parcel is reported.
    let o = order(json!({"expressType": "CC", "items": [
        {"quantity": 1, "price": 200, "tax": 40, "product": {"hsCode": "6109100000"}}]}));
    let r = tax::assess(&o, &context).check_declared(&o, context.rates());
    assert_eq!(r.len(), 1);
    assert!(r.as_slice()[0].message_en().contains("waived"));
}

#[test]
fn cc_tiers_by_date_and_not_covered_before_2016_04_08() {
    let o = lines("CC", &[("6109100000", 1000.0, 1)]);
    let rate = |y, m, day| {
        let context = Context::new(date(y, m, day));
        let a = tax::assess(&o, &context);
        (a.lines()[0].rate().map(|r| r.to_string()), codes(&a))
    };
    assert_eq!(rate(2019, 4, 9).0.as_deref(), Some("0.2"));
    assert_eq!(rate(2019, 4, 8).0.as_deref(), Some("0.25"));
    assert_eq!(rate(2018, 11, 1).0.as_deref(), Some("0.25"));
    assert_eq!(rate(2018, 10, 31).0.as_deref(), Some("0.3"));
    assert_eq!(rate(2016, 4, 8).0.as_deref(), Some("0.3"));
    let (r, c) = rate(2016, 4, 7);
    assert_eq!(r, None);
    assert_eq!(
        c,
        [("tax.date_not_covered".into(), "".into(), Severity::Error)]
    );
    // Tier 3 and tier 1 from the HS rows; high-end cosmetics by the proxy.
    let context = ctx();
    let a = tax::assess(
        &order(json!({"expressType": "CC", "items": [
            {"quantity": 1, "price": 400, "product": {"hsCode": "2204210000"}},
            {"quantity": 1, "price": 400, "product": {"hsCode": "8471300000"}},
            {"quantity": 1, "price": 400, "product": {"hsCode": "3304990000", "netWeight": 0.03}},
            {"quantity": 1, "price": 400, "product": {"hsCode": "3304990000", "netWeight": 0.1}}]})),
        &context,
    );
    let tiers: Vec<_> = a.lines().iter().map(|l| l.cc_rate().unwrap().0).collect();
    assert_eq!(tiers, [3, 1, 3, 2]);
}

#[test]
fn cbec_before_2019_is_not_covered() {
    let o = lines("BC", &[("8518300000", 100.0, 1)]);
    let context = Context::new(date(2018, 12, 31));
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), None);
    assert_eq!(codes(&a)[0].0, "tax.date_not_covered");
    // Q1 2019: 16% VAT, so 11.2%.
    let context = Context::new(date(2019, 3, 31));
    let a = tax::assess(&o, &context);
    assert_eq!(
        a.lines()[0].rate().map(|r| r.to_string()).as_deref(),
        Some("0.112")
    );
}

fn hk_parcel() -> Value {
    json!({"expressType": "CC", "orderId": "CC-1",
        "seller": {"country": "HK"},
        "items": [{"quantity": 3, "price": 500, "product": {"hsCode": "6109100000",
            "personalPostalArticlesTax": "04010100"}}]})
}

#[test]
fn cc_a_1500_parcel_from_hong_kong_is_over_the_limit_in_2024_and_within_it_in_2025() {
    let o = order(hk_parcel());
    let before = Context::new(date(2024, 6, 1));
    let a = tax::assess(&o, &before);
    assert_eq!(a.basis(), Some(Basis::GeneralTrade));
    assert!(a.report().as_slice()[0].message_en().contains("¥800 limit"));
    let after = Context::new(date(2025, 1, 1));
    let a = tax::assess(&o, &after);
    assert_eq!(a.basis(), Some(Basis::PersonalArticles));
    assert_eq!(money(a.total()).as_deref(), Some("300.00"));
    // The declaration rule, on both sides of 2024-12-01.
    let limit = |context: &Context| {
        let w: wire::Order = serde_json::from_value(hk_parcel()).unwrap();
        let report = Validator::default()
            .validate_order(w, Declaration::Order, context)
            .into_parts()
            .1;
        report
            .iter()
            .filter(|v| v.code().as_str() == "limit.parcel")
            .map(|v| v.message_en().to_owned())
            .collect::<Vec<_>>()
    };
    let found = limit(&before);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].contains("¥800 limit") && found[0].contains("from HK, MO, TW"),
        "{}",
        found[0]
    );
    assert!(limit(&Context::new(date(2024, 11, 30))).len() == 1);
    assert!(limit(&Context::new(date(2024, 12, 1))).is_empty());
    assert!(limit(&after).is_empty());
    // ¥2,000 and more is over it from anywhere.
    let mut big = hk_parcel();
    big["items"][0]["quantity"] = json!(5);
    let w: wire::Order = serde_json::from_value(big).unwrap();
    let report = Validator::default()
        .validate_order(
            w,
            Declaration::Order,
            &after.clone().with_ship_from(Country::JP),
        )
        .into_parts()
        .1;
    let v = report
        .iter()
        .find(|v| v.code().as_str() == "limit.parcel")
        .unwrap();
    assert!(v.message_en().contains("¥2,000 limit"));
    assert!(v.message_en().contains("海关总署公告2024年第176号"));
}

#[test]
fn the_caller_says_what_the_data_cannot() {
    // A sheet mask: ¥1.2 a gram, but ¥30 a piece: high-end by the caller's word.
    let o = order(json!({"expressType": "BC", "items": [
        {"quantity": 1, "price": 30, "product": {"hsCode": "3304990000", "netWeight": 0.025}}]}));
    let context = ctx();
    let plain = tax::assess(&o, &context);
    assert_eq!(
        plain.lines()[0].rate().map(|r| r.to_string()).as_deref(),
        Some("0.091")
    );
    let context = ctx().with_line_facts(0, LineFacts::new().with_high_end(true));
    let high = tax::assess(&o, &context);
    assert_eq!(
        high.lines()[0].rate().unwrap().round_dp(4).to_string(),
        "0.2306"
    );
    // Without a net weight the test cannot be made: said so, not applied, not certain.
    let o = order(json!({"expressType": "BC", "items": [
        {"quantity": 1, "price": 580, "product": {"hsCode": "3304990000"}}]}));
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(
        a.lines()[0].rate().map(|r| r.to_string()).as_deref(),
        Some("0.091")
    );
    assert!(!a.lines()[0].is_certain());
    assert_eq!(
        codes(&a),
        [(
            "tax.high_end_undecided".into(),
            "/items/0".into(),
            Severity::Warning
        )]
    );
}

#[test]
fn free_lines_take_no_share_and_a_free_order_shares_by_quantity() {
    let o = order(json!({"expressType": "BC", "shippingCost": 10, "items": [
        {"quantity": 1, "price": 100, "product": {"hsCode": "8518300000"}},
        {"quantity": 1, "price": 0, "product": {"hsCode": "4901990000"}}]}));
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(money(a.lines()[1].shipping_share()).as_deref(), Some("0"));
    assert_eq!(money(a.shipping_tax()).as_deref(), Some("0.91"));
    let o = order(json!({"expressType": "BC", "shippingCost": 10, "items": [
        {"quantity": 3, "price": 0, "product": {"hsCode": "8518300000"}},
        {"quantity": 1, "price": 0, "product": {"hsCode": "4901990000"}}]}));
    let a = tax::assess(&o, &context);
    assert_eq!(
        money(a.lines()[0].shipping_share()).as_deref(),
        Some("7.50")
    );
    // 7.5 x 0.091 + 2.5 x 0.063 = 0.84
    assert_eq!(money(a.shipping_tax()).as_deref(), Some("0.84"));
    assert_eq!(money(a.total()).as_deref(), Some("0.84"));
}

#[test]
fn other_currencies_go_through_the_callers_rates() {
    let o = order(json!({"expressType": "BC", "currency": "USD", "items": [
        {"quantity": 1, "price": 100, "tax": 65.52, "product": {"hsCode": "8518300000"}}]}));
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(codes(&a)[0].0, "exchange_rate.missing");
    assert_eq!(a.total(), None);
    let rates = crossborder::ExchangeRates::new()
        .with_rate(Currency::USD, Currency::CNY, d("7.2"))
        .unwrap();
    let context = ctx().with_rates(rates);
    let a = tax::assess(&o, &context);
    assert_eq!(money(a.total()).as_deref(), Some("65.52")); // 720 x 9.1%
    // The declared tax is in USD: 65.52 USD is far more than 65.52 CNY.
    let r = a.check_declared(&o, context.rates());
    assert_eq!(r.as_slice()[0].value(), Some("471.74"));
}

#[test]
fn the_answer_serializes_as_the_example_prints_it() {
    let o = order(two_lines_and_delivery());
    let context = ctx();
    let a = tax::assess(&o, &context);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(
        json,
        json!({
            "mode": "BC", "basis": "cbec",
            "lines": [
                {"path": "/items/0", "dutiableValue": "398.00", "duty": "0.00", "consumptionTax": "0.00",
                 "vat": "36.22", "tax": "36.22", "rate": 0.091},
                {"path": "/items/1", "dutiableValue": "100.00", "duty": "0.00", "consumptionTax": "0.00",
                 "vat": "6.30", "tax": "6.30", "rate": 0.063}
            ],
            "shippingTax": "1.88", "totalTax": "44.40", "waived": false, "report": []
        })
    );
}

#[test]
fn the_tax_table_is_data_that_round_trips_and_reports_every_bad_value() {
    let table = TaxTable::china_default();
    let json = serde_json::to_value(&table).unwrap();
    let back: TaxTable = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, table);
    // Every row in JSON names its source, and rates are written exactly, as strings.
    assert!(
        json["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["source"].is_string())
    );
    assert_eq!(json["generalVat"][1]["rate"], "0.13");
    // Answers' pointers resolve in it.
    let o = lines("BC", &[("4901990000", 100.0, 1)]);
    let context = ctx();
    let a = tax::assess(&o, &context);
    let p = a.lines()[0].vat_rate().unwrap().source().pointer().unwrap();
    assert_eq!(json.pointer(p.as_str()).unwrap()["vat"], "0.09");
    // Bad values, all at once, each at its pointer.
    let bad = json!({
        "rows": [{"prefix": "9", "consumption": {"adValorem": "1", "specific": {"amount": -1, "per": "a lot"}},
                  "when": {"highEnd": {"atLeast": 10, "per": "1 g"}, "attribute": "x"}, "source": "s"}],
        "ccTiers": [{"rates": [0.13, "x"], "source": "s"}],
        "ccParcelLimits": [{"limit": 2000, "from": ["Atlantis"], "effective": {"from": "2025-01-01", "to": "2024-01-01"}}]
    });
    let form: TaxTableJson = serde_json::from_value(bad).unwrap();
    let report = form.to_table().unwrap_err();
    let found: Vec<_> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("tax_table.invalid", "/rows/0/prefix"),
            ("tax_table.invalid", "/rows/0/when"),
            ("tax_table.invalid", "/rows/0/consumption/adValorem"),
            ("tax_table.invalid", "/rows/0/consumption/specific/amount"),
            ("tax_table.invalid", "/rows/0/consumption/specific/per"),
            ("number.invalid", "/ccTiers/0/rates/1"),
            ("tax_table.invalid", "/ccParcelLimits/0/from/0"),
            ("tax_table.invalid", "/ccParcelLimits/0/effective"),
            ("required.missing", "/ccParcelLimits/0"),
        ]
    );
    // Through serde, the same report is the error.
    let err = serde_json::from_str::<TaxTable>(r#"{"rows": [{"prefix": "33"}]}"#).unwrap_err();
    assert!(err.to_string().contains("\"source\""));
}

#[test]
fn a_callers_row_wins_over_the_default_and_periods_can_be_replaced() {
    // Lift the high-end 15% for a line the caller knows is not high-end: its word beats the proxy.
    let o = order(json!({"expressType": "BC", "items": [
        {"quantity": 1, "price": 580, "product": {"hsCode": "3304990000", "netWeight": 0.05}}]}));
    let context = ctx().with_line_facts(0, LineFacts::new().with_high_end(false));
    assert_eq!(
        tax::assess(&o, &context).lines()[0]
            .rate()
            .map(|r| r.to_string())
            .as_deref(),
        Some("0.091")
    );
    // A caller's unconditional row of the same prefix beats the default's.
    let table = with_rows(vec![
        TaxRow::new("4901".parse().unwrap(), "caller").with_vat(d("0.13")),
    ]);
    let context = ctx().with_tax_table(table);
    let a = tax::assess(&lines("BC", &[("4901990000", 100.0, 1)]), &context);
    assert_eq!(
        a.lines()[0].rate().map(|r| r.to_string()).as_deref(),
        Some("0.091")
    );
    // A caller's regime: a later period in force wins.
    let mut table = TaxTable::china_default();
    table.cbec.push(CbecPeriod {
        transaction_limit: d("8000"),
        annual_limit: d("26000"),
        factor: d("0.7"),
        effective: Effective::since(date(2025, 1, 1)),
        source: "a future notice".into(),
    });
    let context = ctx().with_tax_table(table);
    let a = tax::assess(&lines("BC", &[("8518300000", 3000.0, 2)]), &context);
    assert_eq!(a.basis(), Some(Basis::Cbec));
    // An empty table covers no date.
    let context = ctx().with_tax_table(TaxTable::empty());
    let a = tax::assess(&lines("CC", &[("8518300000", 3000.0, 2)]), &context);
    assert_eq!(codes(&a)[0].0, "tax.date_not_covered");
}

#[test]
fn no_mode_no_tax() {
    let o = order(json!({"items": [{"quantity": 1, "price": 10}]}));
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(a.mode(), None);
    assert_eq!(codes(&a)[0].0, "clearance_mode.missing");
    let context = ctx().with_mode(ClearanceMode::Bbc);
    let a = tax::assess(&o, &context);
    assert_eq!(a.mode(), Some(ClearanceMode::Bbc));
    // No HS code: the general VAT rate, a guess, said so.
    assert_eq!(money(a.total()).as_deref(), Some("0.91"));
    assert_eq!(
        codes(&a),
        [(
            "tax.rate_default".into(),
            "/items/0".into(),
            Severity::Warning
        )]
    );
}

#[test]
fn the_quickstart_sample_declares_the_tax_the_crate_computes_at_full_rates() {
    // The built-in order of the quickstart: one ¥5,499 lens, with the duty
    // rate of the sample's own tax-table row.
    let order_json: Value =
        serde_json::from_str(include_str!("../examples/samples/order_lens.json")).unwrap();
    let own: TaxTableJson =
        serde_json::from_str(include_str!("../examples/samples/tax_table_lens.json")).unwrap();
    let mut table = TaxTable::china_default();
    table.extend(own.to_table().unwrap());
    let context = Context::new(date(2024, 6, 1))
        .with_port(crossborder::CustomsPort::Hz)
        .with_tax_table(table);
    let o = order(order_json.clone());
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), Some(Basis::CbecFullRate));
    assert_eq!(money(a.lines()[0].duty()).as_deref(), Some("329.94"));
    assert_eq!(money(a.lines()[0].vat()).as_deref(), Some("757.76"));
    assert_eq!(money(a.total()).as_deref(), Some("1087.70"));
    assert!(a.check_declared(&o, context.rates()).is_empty());
    let w: wire::Order = serde_json::from_value(order_json.clone()).unwrap();
    let report = Validator::default()
        .validate_order(w, Declaration::Order, &context)
        .into_parts()
        .1;
    let found: Vec<_> = report.iter().map(|v| v.code().as_str()).collect();
    assert_eq!(found, ["limit.transaction_single_item"], "{report}");
    // Without the row, the declared tax cannot be checked, and is not called wrong.
    let w: wire::Order = serde_json::from_value(order_json).unwrap();
    let report = Validator::default()
        .validate_order(w, Declaration::Order, &Context::new(date(2024, 6, 1)))
        .into_parts()
        .1;
    assert!(!report.has_errors(), "{report}");
    assert!(
        report
            .iter()
            .any(|v| v.code().as_str() == "tax.declared_unchecked")
    );
}

#[test]
fn the_import_tax_sample_is_the_serum_declared_at_9_1_percent() {
    let o = order(
        serde_json::from_str(include_str!("../examples/samples/order_import_tax.json")).unwrap(),
    );
    let context = Context::new(date(2025, 3, 1));
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), Some(Basis::Cbec));
    assert_eq!(money(a.shipping_tax()).as_deref(), Some("2.99"));
    assert_eq!(money(a.total()).as_deref(), Some("176.67"));
    let r = a.check_declared(&o, context.rates());
    let at: Vec<_> = r.iter().map(|v| v.pointer().as_str()).collect();
    assert_eq!(at, ["/items/1/tax", "/productsTotalTax", "/shippingTax"]);
}

/// Several lines of one HS code share their rates, and the later ones take
/// the integer path: each line's tax and rate, and the shipping tax over
/// every line's value (the lines of one code each count in the share).
#[test]
fn lines_of_one_code_and_delivery_to_the_cent() {
    let o = order(json!({
        "expressType": "BC", "currency": "RMB", "shippingCost": 20, "insuranceFee": 5,
        "items": [
            {"quantity": 1, "price": 29.9, "product": {"hsCode": "6109100000"}},
            {"quantity": 2, "price": 59.9, "product": {"hsCode": "6109100000"}},
            {"quantity": 1, "price": 35, "product": {"hsCode": "4901990000"}},
            {"quantity": 1, "price": 100, "product": {"hsCode": "6109100000"}}
        ]
    }));
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert_eq!(a.basis(), Some(Basis::Cbec));
    let taxes: Vec<_> = a.lines().iter().map(|l| money(l.tax())).collect();
    // 29.9, 119.8 and 100 at 13% x 70%; 35 at 9% x 70%; each rounded.
    assert_eq!(
        taxes,
        ["2.72", "10.90", "2.21", "9.10"].map(|s| Some(s.to_owned()))
    );
    let rates: Vec<_> = a.lines().iter().map(|l| l.rate()).collect();
    assert_eq!(
        rates,
        [d("0.091"), d("0.091"), d("0.063"), d("0.091")].map(Some)
    );
    assert!(a.lines().iter().all(|l| l.is_certain()));
    // 25 x (249.7 x 0.091 + 35 x 0.063) / 284.7 = 2.18894..., rounded once.
    assert_eq!(money(a.shipping_tax()).as_deref(), Some("2.19"));
    assert_eq!(money(a.total()).as_deref(), Some("27.12"));
}

/// A later line of a known code whose amounts do not fit the integer path
/// (a price of scale 26: times a rate of scale 3, past `Decimal`'s 28) is
/// computed exactly the general way, with the rates found for the first.
#[test]
fn a_later_line_beyond_the_integer_path_is_computed_exactly() {
    let o = order(json!({
        "expressType": "BC", "currency": "RMB",
        "items": [
            {"quantity": 1, "price": 100, "product": {"hsCode": "6109100000"}},
            {"quantity": 1, "price": "1.00000000000000000000000001", "product": {"hsCode": "6109100000"}},
            {"quantity": 3, "price": "12.34567890123456789012345678", "product": {"hsCode": "6109100000"}}
        ]
    }));
    let context = ctx();
    let a = tax::assess(&o, &context);
    assert!(a.report().is_empty(), "{}", a.report());
    let taxes: Vec<_> = a.lines().iter().map(|l| money(l.tax())).collect();
    // 1.00...01 x 0.091 = 0.0910... -> 0.09; 37.037036... x 0.091 = 3.3703703... -> 3.37.
    assert_eq!(taxes, ["9.10", "0.09", "3.37"].map(|s| Some(s.to_owned())));
    assert!(a.lines().iter().all(|l| l.rate() == Some(d("0.091"))));
    assert_eq!(money(a.total()).as_deref(), Some("12.56"));
}
