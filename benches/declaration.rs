//! Benchmarks of declaration reading and validation, each beside a bare
//! `serde_json` parse of the same bytes into the wire struct: what the crate
//! adds on top of the parsing a service does anyway.

#![allow(clippy::unwrap_used, clippy::expect_used)] // set-up may fail loudly

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossborder::declaration::{Context, Declaration, Validator};
use crossborder::{CustomsPort, Order, Product, wire};
use serde_json::Value;

const PRODUCT: &str = include_str!("../tests/fixtures/product_5sku.json");
const ORDER: &str = include_str!("../tests/fixtures/order_two_items.json");

fn context() -> Context {
    Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_port(CustomsPort::Hz)
}

/// The two-item fixture order grown to 100 lines (alternating its two
/// lines), with its totals made consistent. Over ¥5,000, so the validation
/// finds the transaction limit, which is what a real check of it would find.
fn order_100_items() -> Vec<u8> {
    let mut order: Value = serde_json::from_str(ORDER).unwrap();
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

fn product(c: &mut Criterion) {
    let bytes = PRODUCT.as_bytes();
    let validator = Validator::default();
    let context = context();
    let mut g = c.benchmark_group("declaration/product_5sku");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            let w: wire::Product = serde_json::from_slice(black_box(bytes)).unwrap();
            assert_eq!(w.skus.as_ref().map(Vec::len), Some(5));
            w
        })
    });
    g.bench_function("parse_convert", |b| {
        b.iter(|| {
            let w: wire::Product = serde_json::from_slice(black_box(bytes)).unwrap();
            let converted = Product::from_wire(w);
            assert!(converted.is_clean());
            converted
        })
    });
    g.bench_function("parse_convert_validate", |b| {
        b.iter(|| {
            let w: wire::Product = serde_json::from_slice(black_box(bytes)).unwrap();
            let checked = validator.validate_product(w, &context);
            assert!(checked.is_clean());
            checked
        })
    });
    g.finish();
}

fn order(c: &mut Criterion) {
    let bytes = order_100_items();
    let validator = Validator::default();
    let context = context();
    let expected: Vec<String> = {
        let w: wire::Order = serde_json::from_slice(&bytes).unwrap();
        let report = validator
            .validate_order(w, Declaration::Order, &context)
            .into_parts()
            .1;
        report.iter().map(|v| v.code().to_string()).collect()
    };
    assert_eq!(
        expected,
        ["limit.transaction"],
        "the 100-item order finds exactly the limit"
    );
    let mut g = c.benchmark_group("declaration/order_100_items");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            let w: wire::Order = serde_json::from_slice(black_box(&bytes)).unwrap();
            assert_eq!(w.items.as_ref().map(Vec::len), Some(100));
            w
        })
    });
    g.bench_function("parse_convert", |b| {
        b.iter(|| {
            let w: wire::Order = serde_json::from_slice(black_box(&bytes)).unwrap();
            let converted = Order::from_wire(w);
            assert!(converted.is_clean());
            converted
        })
    });
    g.bench_function("parse_convert_validate", |b| {
        b.iter(|| {
            let w: wire::Order = serde_json::from_slice(black_box(&bytes)).unwrap();
            let checked = validator.validate_order(w, Declaration::Order, &context);
            assert_eq!(checked.report().len(), 1);
            checked
        })
    });
    g.finish();
}

criterion_group!(benches, product, order);
criterion_main!(benches);
