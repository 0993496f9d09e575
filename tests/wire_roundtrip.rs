//! Golden fixtures: every wire object reads and writes back the same JSON.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use crossborder::{DeclarationResult, Order, Product, wire};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

use crate::common::fixture;

/// Reads `name` as `T` and asserts that writing it back gives the same JSON.
fn round_trips<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let text = fixture(name);
    let original: Value = serde_json::from_str(&text).unwrap();
    let parsed: T = serde_json::from_str(&text).unwrap();
    let written = serde_json::to_value(&parsed).unwrap();
    assert_eq!(written, original, "{name} did not round-trip");
    parsed
}

#[test]
fn product_with_three_skus_and_chinese_names() {
    let p: wire::Product = round_trips("product_three_skus.json");
    assert_eq!(p.name.as_deref(), Some("纯棉圆领短袖T恤"));
    let skus = p.skus.as_ref().unwrap();
    assert_eq!(skus.len(), 3);
    assert_eq!(skus[2].price.as_ref().unwrap().as_text(), Some("62.50"));
}

#[test]
fn five_sku_sample_product() {
    let p: wire::Product = round_trips("product_5sku.json");
    assert_eq!(p.skus.as_ref().map(Vec::len), Some(5));
}

#[test]
fn order_with_two_items_and_a_customer() {
    let o: wire::Order = round_trips("order_two_items.json");
    assert_eq!(o.items.as_ref().map(Vec::len), Some(2));
    assert_eq!(
        o.customer.as_ref().and_then(|c| c.tin.as_deref()),
        Some("330106199003071236")
    );
    let tracking = o.campaign_tracking_data.as_ref().unwrap();
    assert!(tracking.get("tags").is_some());
}

#[test]
fn declaration_result_callback_keeps_its_snake_case_fields() {
    let r: wire::DeclarationResult = round_trips("declaration_result.json");
    assert_eq!(r.product_sku_number.as_deref(), Some("EAR-BLK"));
    assert_eq!(r.product_barcode.as_deref(), Some("6901234567014"));
    assert_eq!(r.is_regsitered, Some(false));
}

#[test]
fn response_envelope_keeps_free_form_connector_responses() {
    let r: wire::Response = round_trips("response_envelope.json");
    assert_eq!(
        r.code.as_ref().map(ToString::to_string).as_deref(),
        Some("200")
    );
    let data = r.data.unwrap();
    assert_eq!(data.product.unwrap().status, "to_check");
}

/// Domain values round-trip too: wire -> domain -> wire gives the same JSON
/// (the fixtures are written in the normal forms the domain writes).
fn domain_round_trips<T: DeserializeOwned + Serialize>(name: &str) {
    let text = fixture(name);
    let original: Value = serde_json::from_str(&text).unwrap();
    let domain: T = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_value(&domain).unwrap(), original, "{name}");
}

#[test]
fn domain_values_serialize_back_to_the_same_wire_json() {
    domain_round_trips::<Product>("product_5sku.json");
    domain_round_trips::<Order>("order_two_items.json");
    domain_round_trips::<DeclarationResult>("declaration_result.json");
}

#[test]
fn the_domain_writes_numeric_strings_as_numbers() {
    // The wire layer keeps "62.50" as text; the domain holds Money and writes
    // the number the API expects.
    let product: Product = serde_json::from_str(&fixture("product_three_skus.json")).unwrap();
    let v = serde_json::to_value(&product).unwrap();
    assert_eq!(v["skus"][2]["price"], serde_json::json!(62.5));
    assert_eq!(
        v["skus"][0].get("netWeight"),
        None,
        "inherited weight left out"
    );
    assert_eq!(v["skus"][1]["netWeight"], serde_json::json!(0.21));
}

#[test]
fn absent_fields_take_exactly_the_documented_defaults() {
    let p: wire::Product = serde_json::from_str("{}").unwrap();
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "currency": "RMB", "massUnit": "Kilogram", "isCombined": false,
            "status": "draft", "warrantyPeriod": 365, "brand": "Other"
        })
    );
    let s: wire::Sku = serde_json::from_str("{}").unwrap();
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        serde_json::json!({"cost": 0.0, "customsUnitCodeWeight": "035"})
    );
    let o: wire::Order = serde_json::from_str("{}").unwrap();
    assert_eq!(
        serde_json::to_value(&o).unwrap(),
        serde_json::json!({
            "isSubOrder": false, "isDistributionOrder": false, "orderType": "DEFAULT",
            "currency": "RMB", "customsCode": "SH", "refundAmount": 0.0
        })
    );
    let i: wire::OrderItem = serde_json::from_str("{}").unwrap();
    assert_eq!(
        serde_json::to_value(&i).unwrap(),
        serde_json::json!({"refundAmount": 0.0})
    );
}

#[test]
fn null_reads_as_absent_and_unknown_fields_are_ignored() {
    let p: wire::Product = serde_json::from_str(
        r#"{"currency":null,"status":null,"price":null,"newFieldFromApi159":{"x":1},"skus":[{"cost":null,"future":true}]}"#,
    )
    .unwrap();
    assert_eq!(p.currency, "RMB");
    assert_eq!(p.status, "draft");
    assert_eq!(p.price, None);
    assert_eq!(p.skus.unwrap()[0].cost.decimal().unwrap(), 0.into());
}

#[test]
fn numbers_in_text_fields_are_read_as_their_text() {
    // ERPs send ids, postal codes and phone numbers as numbers; that must not
    // hide every other problem of the document.
    let o: wire::Order = serde_json::from_str(
        r#"{"orderId":12345,"customer":{"zip":200000,"phone":13800138000},"customsCode":null,
            "items":[{"product":{"hsCode":8518300000,"skus":[{"skuNumber":123,"customsUnitCodeWeight":35}]}}]}"#,
    )
    .unwrap();
    assert_eq!(o.order_id.as_deref(), Some("12345"));
    let customer = o.customer.as_ref().unwrap();
    assert_eq!(customer.zip.as_deref(), Some("200000"));
    assert_eq!(customer.phone.as_deref(), Some("13800138000"));
    assert_eq!(o.customs_code, "SH");
    let product = o.items.as_ref().unwrap()[0].product.as_ref().unwrap();
    assert_eq!(product.hs_code.as_deref(), Some("8518300000"));
    let sku = &product.skus.as_ref().unwrap()[0];
    assert_eq!(sku.sku_number.as_deref(), Some("123"));
    // The number 35 is not the customs unit code "035": the rules say so.
    assert_eq!(sku.customs_unit_code_weight, "35");
    // Written back as text.
    let back = serde_json::to_value(&o).unwrap();
    assert_eq!(back["orderId"], "12345");
}

#[test]
fn wrong_json_types_are_errors_not_panics() {
    for bad in [
        r#"{"skus":"none"}"#,
        r#"{"isCombined":"yes"}"#,
        r#"{"price":true}"#,
        "7",
        r#""product""#,
    ] {
        assert!(serde_json::from_str::<wire::Product>(bad).is_err(), "{bad}");
    }
}
