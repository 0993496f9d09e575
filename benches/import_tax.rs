//! The China import tax of a 100-line order, timed in the same run as the
//! parse of that order (the crate's reader, `wire::from_json`, and for
//! reference `serde_json::from_slice`): the target is a tax computation
//! under 20% of the parse a service does anyway.

#![allow(clippy::unwrap_used, clippy::expect_used)] // set-up may fail loudly

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossborder::declaration::Context;
use crossborder::tax::{self, Basis};
use crossborder::{Order, wire};
use serde_json::{Value, json};

/// Lines a cross-border beauty and lifestyle shop sells, cycled over 100
/// lines: (HS code, name, unit price, net weight in kg). Standard and reduced
/// VAT, ad valorem consumption tax, a high-end test that holds (the perfume
/// sample, ¥12 a gram) and one that does not (the sheet mask).
const CATALOGUE: &[(&str, &str, f64, f64)] = &[
    ("3304990000", "面膜 25g", 12.0, 0.025),
    ("4901990000", "绘本", 35.0, 0.3),
    ("6109100000", "纯棉T恤", 29.9, 0.2),
    ("2204210000", "葡萄酒 187ml", 45.0, 0.19),
    ("9503008900", "积木玩具", 19.9, 0.15),
    ("3303000000", "香水小样 5ml", 60.0, 0.005),
    ("8518300000", "有线耳机", 39.0, 0.03),
    ("3401110000", "香皂", 15.5, 0.1),
];

fn order_100_lines() -> Vec<u8> {
    let items: Vec<Value> = (0..100)
        .map(|i| {
            let (hs, name, price, kg) = CATALOGUE[i % CATALOGUE.len()];
            json!({
                "itemId": format!("L{i}"),
                "product": {"productId": format!("P-{i}"), "name": name, "hsCode": hs,
                    "currency": "RMB", "netWeight": kg, "grossWeight": kg + 0.05, "country": "FR"},
                "quantity": 1 + usize::from(i % 4 == 0),
                "price": price,
                "discount": 0.5,
            })
        })
        .collect();
    let order = json!({
        "orderId": "SO-BENCH-100", "platformName": "douyin", "expressType": "BC", "customsCode": "HZ",
        "items": items, "shippingCost": 25.0, "insuranceFee": 4.0,
        "customer": {"tin": "330106199003071236"}, "payer": {"tin": "330106199003071236"},
    });
    serde_json::to_vec(&order).unwrap()
}

fn tax(c: &mut Criterion) {
    let bytes = order_100_lines();
    let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    let w: wire::Order = wire::from_json(&bytes).unwrap();
    let order = Order::from_wire(w).into_result().unwrap();
    let expected = {
        let a = tax::assess(&order, &context);
        assert_eq!(a.basis(), Some(Basis::Cbec));
        assert!(a.report().is_empty(), "{}", a.report());
        assert!(a.lines().iter().all(|l| l.tax().is_some()));
        a.total().unwrap()
    };
    let mut g = c.benchmark_group("import_tax/order_100_lines");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            let w: wire::Order = wire::from_json(black_box(&bytes)).unwrap();
            assert_eq!(w.items.as_ref().map(Vec::len), Some(100));
            w
        })
    });
    g.bench_function("serde_parse", |b| {
        b.iter(|| {
            let w: wire::Order = serde_json::from_slice(black_box(&bytes)).unwrap();
            assert_eq!(w.items.as_ref().map(Vec::len), Some(100));
            w
        })
    });
    g.bench_function("assess", |b| {
        b.iter(|| {
            let a = tax::assess(black_box(&order), &context);
            assert_eq!(a.total(), Some(expected));
            a.lines().len()
        })
    });
    g.bench_function("assess_check_declared", |b| {
        b.iter(|| {
            let a = tax::assess(black_box(&order), &context);
            assert_eq!(a.total(), Some(expected));
            let r = a.check_declared(&order, context.rates());
            assert!(r.is_empty()); // the order declares no tax
            r.len()
        })
    });
    g.finish();
}

criterion_group!(benches, tax);
criterion_main!(benches);
