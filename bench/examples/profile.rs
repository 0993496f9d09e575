//! Runs one path of the peer benchmark in a loop, for a profiler:
//! `valgrind --tool=callgrind --toggle-collect=profile::run target/release/examples/profile full product 200`.
//! Paths: `value`, `wire`, `slice`, `convert`, `full`, `full-without-tax`,
//! `jsonschema`; documents:
//! `product`, `order2`, `order100`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../benches/support/mod.rs"]
mod support;

use std::hint::black_box;

use chrono::NaiveDate;
use crossborder::declaration::{Context, Declaration, Validator};
use crossborder::{CustomsPort, Order, Product, wire};
use serde_json::Value;

/// One warm-up pass outside the profiled function, so that lazily built
/// tables (the HS nomenclature) are not counted.
#[inline(never)]
fn warm(path: &str, product: bool, bytes: &[u8], schema: &jsonschema::Validator) -> usize {
    step(path, product, bytes, 1, schema)
}

#[inline(never)]
fn run(path: &str, product: bool, bytes: &[u8], n: usize, schema: &jsonschema::Validator) -> usize {
    step(path, product, bytes, n, schema)
}

fn step(
    path: &str,
    product: bool,
    bytes: &[u8],
    n: usize,
    schema: &jsonschema::Validator,
) -> usize {
    let validator = if path == "full-without-tax" {
        // Every rule but the declared-tax ones, to see what they cost.
        let mut rules = crossborder::declaration::RuleSet::standard();
        for code in [
            "tax.declared_mismatch",
            "tax.declared_mismatch_default_rate",
            "tax.declared_unchecked",
        ] {
            rules.disable(&crossborder::Code::new(code));
        }
        Validator::new(rules)
    } else {
        Validator::default()
    };
    let context =
        Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_port(CustomsPort::Hz);
    let mut total = 0;
    for _ in 0..n {
        let bytes = black_box(bytes);
        total += match (path, product) {
            ("value", _) => serde_json::from_slice::<Value>(bytes)
                .unwrap()
                .as_object()
                .unwrap()
                .len(),
            ("jsonschema", _) => usize::from(
                schema
                    .validate(&serde_json::from_slice::<Value>(bytes).unwrap())
                    .is_ok(),
            ),
            ("slice", true) => serde_json::from_slice::<wire::Product>(bytes)
                .unwrap()
                .skus
                .unwrap()
                .len(),
            ("slice", false) => serde_json::from_slice::<wire::Order>(bytes)
                .unwrap()
                .items
                .unwrap()
                .len(),
            ("wire", true) => wire::from_json::<wire::Product>(bytes)
                .unwrap()
                .skus
                .unwrap()
                .len(),
            ("wire", false) => wire::from_json::<wire::Order>(bytes)
                .unwrap()
                .items
                .unwrap()
                .len(),
            ("convert", true) => Product::from_wire(wire::from_json(bytes).unwrap())
                .report()
                .len(),
            ("convert", false) => Order::from_wire(wire::from_json(bytes).unwrap())
                .report()
                .len(),
            ("full" | "full-without-tax", true) => validator
                .validate_product(wire::from_json(bytes).unwrap(), &context)
                .report()
                .len(),
            ("full" | "full-without-tax", false) => validator
                .validate_order(
                    wire::from_json(bytes).unwrap(),
                    Declaration::Order,
                    &context,
                )
                .report()
                .len(),
            _ => panic!("unknown path {path}"),
        };
    }
    total
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or("full", String::as_str);
    let doc = args.get(2).map_or("product", String::as_str);
    let n: usize = args.get(3).map_or(100, |s| s.parse().unwrap());
    let (bytes, product) = match doc {
        "product" => (support::PRODUCT_3SKU.as_bytes().to_vec(), true),
        "order2" => (support::ORDER_2.as_bytes().to_vec(), false),
        "order100" => (support::order_100_items(), false),
        other => panic!("unknown document {other}"),
    };
    let mut schema: Value = serde_json::from_str(include_str!("../schemas/customs.json")).unwrap();
    schema["$ref"] = Value::from(if product {
        "#/$defs/product"
    } else {
        "#/$defs/order"
    });
    let schema = jsonschema::validator_for(&schema).unwrap();
    let w = warm(path, product, &bytes, &schema);
    println!("{w} {}", run(path, product, &bytes, n, &schema));
}
