//! crossborder beside a JSON Schema validator (jsonschema-rs) on the same
//! bytes in the same run: a bare `serde_json::Value` parse, the peer's parse
//! and validation against a structural schema of the same document (types,
//! enums, patterns, required fields; `schemas/customs.json`), and the crate's
//! bare wire parse and full path (parse, convert, every rule).
//!
//! `cargo bench -p crossborder-bench -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, clippy::expect_used)] // set-up may fail loudly

#[path = "../../benches/support/mod.rs"]
mod support;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossborder::declaration::{Context, Declaration, Validator};
use crossborder::{CustomsPort, wire};
use serde_json::Value;

const SCHEMA: &str = include_str!("../schemas/customs.json");

fn schema_for(def: &str) -> jsonschema::Validator {
    let mut schema: Value = serde_json::from_str(SCHEMA).unwrap();
    schema["$ref"] = Value::from(format!("#/$defs/{def}"));
    jsonschema::validator_for(&schema).unwrap()
}

fn context() -> Context {
    Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_port(CustomsPort::Hz)
}

enum Kind {
    Product { findings: usize },
    Order { findings: usize },
}

fn peer(c: &mut Criterion, name: &str, bytes: &[u8], kind: Kind) {
    let def = match kind {
        Kind::Product { .. } => "product",
        Kind::Order { .. } => "order",
    };
    let schema = schema_for(def);
    let doc: Value = serde_json::from_slice(bytes).unwrap();
    if let Err(e) = schema.validate(&doc) {
        panic!(
            "{name}: the schema rejects the document: {e} at {}",
            e.instance_path
        );
    }
    let validator = Validator::default();
    let context = context();

    let mut g = c.benchmark_group(format!("peer/{name}"));
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("value_parse", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_slice(black_box(bytes)).unwrap();
            assert!(v.is_object());
            v
        })
    });
    g.bench_function("jsonschema_validate", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_slice(black_box(bytes)).unwrap();
            assert!(schema.validate(&v).is_ok());
            v
        })
    });
    g.bench_function("jsonschema_is_valid", |b| {
        b.iter(|| {
            let v: Value = serde_json::from_slice(black_box(bytes)).unwrap();
            assert!(schema.is_valid(&v));
            v
        })
    });
    match kind {
        Kind::Product { findings } => {
            g.bench_function("crossborder_wire_parse", |b| {
                b.iter(|| {
                    let w: wire::Product = wire::from_json(black_box(bytes)).unwrap();
                    assert!(w.skus.is_some());
                    w
                })
            });
            g.bench_function("crossborder_full", |b| {
                b.iter(|| {
                    let w: wire::Product = wire::from_json(black_box(bytes)).unwrap();
                    let checked = validator.validate_product(w, &context);
                    assert_eq!(checked.report().len(), findings);
                    checked
                })
            });
        }
        Kind::Order { findings } => {
            g.bench_function("crossborder_wire_parse", |b| {
                b.iter(|| {
                    let w: wire::Order = wire::from_json(black_box(bytes)).unwrap();
                    assert!(w.items.is_some());
                    w
                })
            });
            g.bench_function("crossborder_full", |b| {
                b.iter(|| {
                    let w: wire::Order = wire::from_json(black_box(bytes)).unwrap();
                    let checked = validator.validate_order(w, Declaration::Order, &context);
                    assert_eq!(checked.report().len(), findings);
                    checked
                })
            });
        }
    }
    g.finish();
}

fn all(c: &mut Criterion) {
    // The 3-SKU product has no `expressType`: one warning.
    peer(
        c,
        "product_3sku",
        support::PRODUCT_3SKU.as_bytes(),
        Kind::Product { findings: 1 },
    );
    peer(
        c,
        "order_2_items",
        support::ORDER_2.as_bytes(),
        Kind::Order { findings: 0 },
    );
    let big = support::order_100_items();
    peer(c, "order_100_items", &big, Kind::Order { findings: 1 });
}

criterion_group!(benches, all);
criterion_main!(benches);
