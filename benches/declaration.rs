//! Benchmarks of declaration reading and validation. For each document (the
//! 3-SKU product, a 2-line order, a 100-line order) and on the same bytes in
//! the same run: a bare `serde_json::Value` parse (what any service pays), the
//! crate's bare wire parse (`wire::from_json`, and for reference
//! `serde_json::from_slice` into the same types), the parse and conversion,
//! and the full path (parse, convert, every rule). The peer comparison with a JSON Schema
//! validator is in the `bench/` workspace member.

#![allow(clippy::unwrap_used, clippy::expect_used)] // set-up may fail loudly

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossborder::declaration::{Context, Declaration, Validator};
use crossborder::{CustomsPort, Order, Product, wire};
use serde_json::Value;

fn context() -> Context {
    Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_port(CustomsPort::Hz)
}

fn codes(report: &crossborder::Report) -> Vec<String> {
    report.iter().map(|v| v.code().to_string()).collect()
}

fn product(c: &mut Criterion) {
    let bytes = support::PRODUCT_3SKU.as_bytes();
    let validator = Validator::default();
    let context = context();
    let mut g = c.benchmark_group("declaration/product_3sku");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("value_parse", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_slice(black_box(bytes)).unwrap();
            assert_eq!(v["skus"].as_array().map(Vec::len), Some(3));
            v
        })
    });
    g.bench_function("wire_parse", |b| {
        b.iter(|| {
            let w: wire::Product = wire::from_json(black_box(bytes)).unwrap();
            assert_eq!(w.skus.as_ref().map(Vec::len), Some(3));
            w
        })
    });
    g.bench_function("wire_parse_serde_json_from_slice", |b| {
        b.iter(|| {
            let w: wire::Product = serde_json::from_slice(black_box(bytes)).unwrap();
            assert_eq!(w.skus.as_ref().map(Vec::len), Some(3));
            w
        })
    });
    g.bench_function("parse_convert", |b| {
        b.iter(|| {
            let w: wire::Product = wire::from_json(black_box(bytes)).unwrap();
            let converted = Product::from_wire(w);
            assert!(converted.is_clean());
            converted
        })
    });
    g.bench_function("full", |b| {
        b.iter(|| {
            let w: wire::Product = wire::from_json(black_box(bytes)).unwrap();
            let checked = validator.validate_product(w, &context);
            // No `expressType`: the one warning, clearance_mode.missing.
            assert_eq!(checked.report().len(), 1);
            checked
        })
    });
    g.finish();
}

fn order(c: &mut Criterion, name: &str, bytes: &[u8], lines: usize, expected: &[&str]) {
    let validator = Validator::default();
    let context = context();
    {
        let w: wire::Order = serde_json::from_slice(bytes).unwrap();
        let report = validator
            .validate_order(w, Declaration::Order, &context)
            .into_parts()
            .1;
        assert_eq!(codes(&report), expected, "{name}: the expected findings");
    }
    let mut g = c.benchmark_group(format!("declaration/{name}"));
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("value_parse", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_slice(black_box(bytes)).unwrap();
            assert_eq!(v["items"].as_array().map(Vec::len), Some(lines));
            v
        })
    });
    g.bench_function("wire_parse", |b| {
        b.iter(|| {
            let w: wire::Order = wire::from_json(black_box(bytes)).unwrap();
            assert_eq!(w.items.as_ref().map(Vec::len), Some(lines));
            w
        })
    });
    g.bench_function("wire_parse_serde_json_from_slice", |b| {
        b.iter(|| {
            let w: wire::Order = serde_json::from_slice(black_box(bytes)).unwrap();
            assert_eq!(w.items.as_ref().map(Vec::len), Some(lines));
            w
        })
    });
    g.bench_function("parse_convert", |b| {
        b.iter(|| {
            let w: wire::Order = wire::from_json(black_box(bytes)).unwrap();
            let converted = Order::from_wire(w);
            assert!(converted.is_clean());
            converted
        })
    });
    g.bench_function("full", |b| {
        b.iter(|| {
            let w: wire::Order = wire::from_json(black_box(bytes)).unwrap();
            let checked = validator.validate_order(w, Declaration::Order, &context);
            assert_eq!(checked.report().len(), expected.len());
            checked
        })
    });
    g.finish();
}

fn orders(c: &mut Criterion) {
    order(c, "order_2_items", support::ORDER_2.as_bytes(), 2, &[]);
    let big = support::order_100_items();
    order(c, "order_100_items", &big, 100, &["limit.transaction"]);
}

criterion_group!(benches, product, orders);
criterion_main!(benches);
