//! The documents the declaration benchmarks read, shared by `benches/declaration.rs`
//! and the peer comparison in `bench/` so that both time the same bytes.

#![allow(dead_code, clippy::unwrap_used)] // set-up may fail loudly

use serde_json::Value;

/// The 3-SKU product of `tests/fixtures/product_three_skus.json`.
pub(crate) const PRODUCT_3SKU: &str = include_str!("../../tests/fixtures/product_three_skus.json");
/// The 2-line order of `tests/fixtures/order_two_items.json`.
pub(crate) const ORDER_2: &str = include_str!("../../tests/fixtures/order_two_items.json");

/// The two-line fixture order grown to 100 lines (alternating its two lines),
/// with its totals made consistent. Over ¥5,000, so the validation finds the
/// transaction limit, which is what a real check of it would find.
pub(crate) fn order_100_items() -> Vec<u8> {
    let mut order: Value = serde_json::from_str(ORDER_2).unwrap();
    let lines = order["items"].as_array().unwrap().clone();
    let items: Vec<Value> = (0..100)
        .map(|i| {
            let mut line = lines[i % 2].clone();
            line["itemId"] = Value::from(format!("L{i}"));
            line
        })
        .collect();
    // 50 x (2 x 189.00, tax 34.40) + 50 x (59.90, tax 5.45); shipping 12.00
    // and its tax 1.09, as the fixture declares them
    order["items"] = Value::Array(items);
    order["productsTotalTax"] = serde_json::json!(1992.5);
    order["payAmount"] = serde_json::json!(18900.0 + 2995.0 + 12.0 + 1.09 + 1992.5);
    serde_json::to_vec(&order).unwrap()
}
