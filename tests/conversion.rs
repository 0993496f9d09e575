//! Wire to domain: every format problem at once, at its pointer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use crossborder::{Code, Currency, MassUnit, Order, Product, Severity, Weight, wire};
use serde_json::Value;

use crate::common::fixture;

#[test]
fn six_bad_values_give_one_violation_each_at_the_exact_pointer() {
    let text = fixture("product_six_bad_values.json");
    let json: Value = serde_json::from_str(&text).unwrap();
    let w: wire::Product = serde_json::from_str(&text).unwrap();
    let converted = Product::from_wire(w);
    let found: Vec<(String, String, Option<String>)> = converted
        .report()
        .iter()
        .map(|v| {
            (
                v.code().to_string(),
                v.pointer().to_string(),
                v.value().map(str::to_owned),
            )
        })
        .collect();
    let expect = |c: &str, p: &str, v: &str| (c.to_owned(), p.to_owned(), Some(v.to_owned()));
    assert_eq!(
        found,
        vec![
            expect("weight.negative", "/skus/1/netWeight", "-0.5"),
            expect("currency.unknown", "/currency", "XXY"),
            expect("status.unknown", "/status", "archived"),
            expect(
                "timestamp.invalid",
                "/createdAt",
                "2024-02-30T10:00:00+08:00"
            ),
            expect("hs_code.invalid", "/hsCode", "85A8.30"),
            expect("clearance_mode.unknown", "/expressType", "EMS"),
        ]
    );
    for v in converted.report() {
        assert_eq!(v.severity(), Severity::Error);
        let at = json.pointer(v.pointer().as_str());
        assert!(at.is_some(), "{} does not resolve", v.pointer());
        assert!(!v.message_en().is_empty() && !v.message_zh().is_empty());
    }
    // The bad values are treated as absent: defaults apply.
    let p = converted.value();
    assert_eq!(p.currency, Currency::CNY);
    assert_eq!(p.hs_code, None);
    assert_eq!(p.skus[1].net_weight, None);
}

#[test]
fn skus_inherit_the_product_weights_they_lack() {
    let w: wire::Product = serde_json::from_str(&fixture("product_three_skus.json")).unwrap();
    let p = Product::from_wire(w).into_result().unwrap();
    let w = |s: &str| s.parse::<Weight>().unwrap();
    // SKU 0 has no weights: both the product's.
    assert_eq!(p.skus[0].net_weight, Some(w("0.2 kg")));
    assert_eq!(p.skus[0].gross_weight, Some(w("0.25 kg")));
    // SKU 1 has both.
    assert_eq!(p.skus[1].net_weight, Some(w("210 g")));
    assert_eq!(p.skus[1].gross_weight, Some(w("0.26 kg")));
    // SKU 2 has net only: gross inherited.
    assert_eq!(p.skus[2].net_weight, Some(w("0.23 kg")));
    assert_eq!(p.skus[2].gross_weight, Some(w("0.25 kg")));
    assert_eq!(p.mass_unit, MassUnit::Kilogram);
    assert_eq!(p.skus[2].price.unwrap().to_string(), "62.50 CNY");
}

#[test]
fn order_problems_point_into_items_products_and_parties() {
    let w: wire::Order = serde_json::from_str(
        r#"{
            "platformName": "douyin",
            "items": [
                {"quantity": 1, "product": {"hsCode": "851830", "currency": "RMB"}},
                {"quantity": -2, "price": "12,5", "product": {"hsCode": "77", "massUnit": "stone", "netWeight": 1}}
            ],
            "customer": {"country": "Atlantis", "gender": "X", "age": 30.5},
            "currency": "usd",
            "customsCode": "BJ",
            "updatedAt": "2024-05-01 12:00:00"
        }"#,
    )
    .unwrap();
    let converted = Order::from_wire(w);
    let found: Vec<_> = converted
        .report()
        .iter()
        .map(|v| (v.code().as_str().to_owned(), v.pointer().to_string()))
        .collect();
    let e = |c: &str, p: &str| (c.to_owned(), p.to_owned());
    assert_eq!(
        found,
        vec![
            e("mass_unit.unknown", "/items/1/product/massUnit"),
            e("hs_code.invalid", "/items/1/product/hsCode"),
            e("number.negative", "/items/1/quantity"),
            e("number.invalid", "/items/1/price"),
            e("country.unknown", "/customer/country"),
            e("number.not_integer", "/customer/age"),
            e("gender.unknown", "/customer/gender"),
            e("customs_port.unknown", "/customsCode"),
            e("timestamp.invalid", "/updatedAt"),
        ]
    );
    assert_eq!(converted.value().currency, Currency::USD);
}

#[test]
fn clean_fixtures_convert_without_violations() {
    for name in ["product_5sku.json", "product_three_skus.json"] {
        let w: wire::Product = serde_json::from_str(&fixture(name)).unwrap();
        assert!(Product::from_wire(w).is_clean(), "{name}");
    }
    let w: wire::Order = serde_json::from_str(&fixture("order_two_items.json")).unwrap();
    let c = Order::from_wire(w);
    assert!(c.is_clean(), "{}", c.report());
    let order = c.into_result().unwrap();
    assert_eq!(order.items.len(), 2);
    assert_eq!(order.pay_amount.unwrap().to_string(), "490.84 CNY");
}

#[test]
fn blank_optional_text_means_absent() {
    let w: wire::Product =
        serde_json::from_str(r#"{"hsCode":"","country":" ","expressType":"","createdAt":""}"#)
            .unwrap();
    let c = Product::from_wire(w);
    assert!(c.is_clean(), "{}", c.report());
}

#[test]
fn a_bad_currency_hides_amounts_but_still_checks_their_format() {
    let w: wire::Product =
        serde_json::from_str(r#"{"currency":"??","price":"x","rrp":5}"#).unwrap();
    let c = Product::from_wire(w);
    let codes: Vec<_> = c.report().iter().map(|v| v.code().clone()).collect();
    assert_eq!(codes, [Code::CURRENCY_UNKNOWN, Code::NUMBER_INVALID]);
    assert_eq!(c.value().rrp, None);
}

#[test]
fn deserializing_a_domain_value_fails_with_the_first_problem() {
    let err = serde_json::from_str::<Product>(r#"{"hsCode":"12"}"#).unwrap_err();
    assert!(err.to_string().contains("at /hsCode"), "{err}");
}
