//! Benchmarks of the stocking-shipment checks: a 200-carton, 50-SKU shipment
//! read and checked end to end (parse, every rule, chargeable weight),
//! against the bare parse of the same bytes into the crate's shipment
//! structs, both timed in this run; and the safety-stock projection of
//! 100,000 SKUs with 10,000 inbound lines, with the read timed apart.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossborder::shipment::{self, InventoryJson};
use crossborder::shipment::{CheckOptions, ShipmentJson, check};
use serde_json::{Value, json};

fn ean(body: u64) -> String {
    let digits = format!("{body:012}");
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

/// 50 SKUs over 5 HS codes, 200 carton lines of 2 SKUs each (one box each),
/// the three documents to match, and three deliberate problems.
fn shipment() -> String {
    let codes = [
        "8518300000",
        "3926909090",
        "8504409999",
        "6109100021",
        "4202920000",
    ];
    let names = ["蓝牙耳机", "手机壳", "充电器", "T恤", "收纳包"];
    let skus: Vec<Value> = (0..50)
        .map(|i| {
            json!({
                "sku": format!("SKU-{i:03}"), "nameCn": names[i % 5], "nameEn": format!("Product {i}"),
                "barcode": ean(690_123_400_000 + i as u64), "fnsku": format!("X00{i:07}"),
                "salesLink": format!("https://example.com/p/{i}"), "hsCode": codes[i % 5], "origin": "CN",
                "unitValue": "4.50", "currency": "USD", "unitWeight": "0.1", "massUnit": "kg",
                "dimensions": {"length": 10, "width": 8, "height": 4, "unit": "cm"},
                "magnetic": false, "documents": []
            })
        })
        .collect();
    let mut per_sku = [0u64; 50];
    let cartons: Vec<Value> = (0..200)
        .map(|b| {
            let (a, c) = (b % 50, (b + 7) % 50);
            per_sku[a] += 20;
            per_sku[c] += 20;
            json!({
                "boxNo": b + 1, "marks": {"reference": "PO-BENCH", "shipmentId": "FBA15BENCH"},
                "grossWeight": "4.6", "netWeight": "4.0", "massUnit": "kg",
                "dimensions": {"length": 40, "width": 30, "height": 30, "unit": "cm"},
                "items": [{"sku": format!("SKU-{a:03}"), "quantity": 20}, {"sku": format!("SKU-{c:03}"), "quantity": 20}]
            })
        })
        .collect();
    let pl_lines: Vec<Value> = (0..50)
        .map(|i| json!({"sku": format!("SKU-{i:03}"), "quantity": per_sku[i]}))
        .collect();
    let ci_lines: Vec<Value> = (0..50)
        .map(|i| {
            let amount = format!("{}.00", per_sku[i] * 9 / 2);
            json!({"sku": format!("SKU-{i:03}"), "hsCode": codes[i % 5], "quantity": per_sku[i],
                   "unitPrice": "4.50", "amount": amount})
        })
        .collect();
    let mut decl: Vec<Value> = (0..5)
        .map(|g| {
            let q: u64 = (0..50).filter(|i| i % 5 == g).map(|i| per_sku[i]).sum();
            json!({"hsCode": codes[g], "name": names[g], "quantity": q, "unit": "007", "amount": format!("{}.00", q * 9 / 2)})
        })
        .collect();
    let total: u64 = per_sku.iter().sum::<u64>() * 9 / 2;
    // Three problems: a packing-list count, a box without its mark, a declared amount.
    decl[2]["amount"] = json!("1.00");
    let mut doc = json!({
        "reference": "PO-BENCH", "warehouse": {"profile": "amazon_fba_us", "code": "ONT8", "country": "US"},
        "transportMode": "sea_lcl", "incoterm": "DDP", "shipDate": "2026-11-20",
        "importer": {"name": "Example Trading LLC"},
        "skus": skus, "cartons": cartons,
        "packingList": {"cartons": 200, "netWeight": "800", "grossWeight": "920", "massUnit": "kg", "lines": pl_lines},
        "commercialInvoice": {"number": "CI-1", "currency": "USD", "freight": "0", "insurance": "0",
                              "total": format!("{total}.00"), "lines": ci_lines},
        "declaration": {"currency": "USD", "lines": decl}
    });
    doc["packingList"]["lines"][3]["quantity"] = json!(1);
    doc["cartons"][150]["marks"]["reference"] = Value::Null;
    serde_json::to_string(&doc).unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let text = shipment();
    let bytes = text.as_bytes();
    let options = CheckOptions::new();
    let parsed: ShipmentJson = serde_json::from_slice(bytes).unwrap_or_default();
    let first = check(&parsed, &options);
    let expected = first.report().len();
    assert_eq!(expected, 3, "{}", first.report());
    assert_eq!(
        first
            .chargeable_weight()
            .map(|w| w.total().to_string())
            .as_deref(),
        Some("7.2")
    );

    let mut g = c.benchmark_group("stocking");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("shipment_200_cartons_50_skus/parse", |b| {
        b.iter(|| {
            let s: ShipmentJson = serde_json::from_slice(black_box(bytes)).unwrap_or_default();
            assert_eq!(s.cartons.as_ref().map_or(0, Vec::len), 200);
            s
        })
    });
    g.bench_function("shipment_200_cartons_50_skus/parse_check_chargeable", |b| {
        b.iter(|| {
            let s: ShipmentJson = serde_json::from_slice(black_box(bytes)).unwrap_or_default();
            let checked = check(&s, &options);
            assert_eq!(checked.report().len(), expected);
            assert!(checked.chargeable_weight().is_some());
            checked
        })
    });
    g.finish();
}

/// 100,000 SKUs with 10,000 inbound lines: the projection alone, and the
/// read of the same inventory from its JSON (parse and conversion), timed
/// apart.
fn stock(c: &mut Criterion) {
    let skus: Vec<Value> = (0..100_000)
        .map(|i| {
            let safety = if i % 2 == 0 {
                json!({"days": 7 + i % 10})
            } else {
                json!({"units": 20 + i % 90})
            };
            json!({"sku": format!("SKU-{i:06}"), "onHand": (i * 37) % 900,
                   "dailySales": format!("{}.{}", i % 12, i % 10), "safetyStock": safety})
        })
        .collect();
    let inbound: Vec<Value> = (0..1000)
        .map(|s| {
            let lines: Vec<Value> = (0..10)
                .map(|l| json!({"sku": format!("SKU-{:06}", (s * 97 + l * 10_007) % 100_000), "quantity": 50 + (s + l) % 400}))
                .collect();
            json!({"reference": format!("PO-{s}"), "stage": "international_transport",
                   "eta": format!("2027-0{}-{:02}", 1 + s % 6, 1 + s % 28), "lines": lines})
        })
        .collect();
    let doc = json!({"asOf": "2026-12-01",
        "leadTimeDays": {"express": 7, "air": 10, "sea_lcl": 35, "sea_fcl": 30, "rail": 25},
        "targetDaysOfCover": 60, "skus": skus, "inbound": inbound});
    let text = serde_json::to_string(&doc).unwrap_or_default();
    let json: InventoryJson = serde_json::from_str(&text).unwrap_or_default();
    let (inventory, report) = shipment::read_inventory(&json);
    assert!(report.is_empty(), "{report}");
    let inventory = inventory.unwrap_or_else(|| unreachable!("asOf is given"));
    assert_eq!(inventory.inbound.len(), 10_000);
    let first = inventory.project();
    let stockouts = first
        .skus()
        .iter()
        .filter(|a| a.stockout_date.is_some())
        .count();
    assert!(stockouts > 1000 && stockouts < 100_000, "{stockouts}");

    let mut g = c.benchmark_group("stock");
    g.sample_size(20);
    g.throughput(Throughput::Elements(100_000));
    g.bench_function("project_100k_skus_10k_inbound", |b| {
        b.iter(|| {
            let p = black_box(&inventory).project();
            assert_eq!(p.skus().len(), 100_000);
            assert_eq!(
                p.skus()
                    .iter()
                    .filter(|a| a.stockout_date.is_some())
                    .count(),
                stockouts
            );
            p
        })
    });
    g.bench_function("read_100k_skus_10k_inbound", |b| {
        b.iter(|| {
            let json: InventoryJson = serde_json::from_str(black_box(&text)).unwrap_or_default();
            let (inventory, report) = shipment::read_inventory(&json);
            assert!(report.is_empty());
            inventory
        })
    });
    g.finish();
}

criterion_group!(benches, bench, stock);
criterion_main!(benches);
