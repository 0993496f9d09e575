//! How the cost grows with the size of a hostile document (issue 15): a
//! product declaration with 1,000, 10,000 and 100,000 SKUs (linear: the
//! 100k case at most 15x the 10k case), and the exclusion index built from
//! 100,000 ordinary ids and from 100,000 ids that all have one 64-bit hash
//! (colliding at most 5x ordinary); and a stocking shipment with 1,000 and
//! 10,000 distinct SKUs in every document (linear).
//!
//! Run the groups side by side in one run, so the ratios compare like with
//! like: `cargo bench --bench complexity -- --warm-up-time 1
//! --measurement-time 3`. Every timed closure checks its result.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use crossborder::declaration::{Context, Validator};
use crossborder::{Code, SellerExclusions, wire};

#[allow(dead_code)]
#[path = "../tests/common/hostile.rs"]
mod hostile;

fn skus(c: &mut Criterion) {
    let validator = Validator::default();
    let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    let mut g = c.benchmark_group("complexity/validate_product_skus");
    g.sample_size(10);
    for bad_prices in [false, true] {
        let name = if bad_prices { "bad_prices" } else { "clean" };
        for n in [1_000usize, 10_000, 100_000] {
            let text = hostile::product_with_skus(n, bad_prices);
            let product: wire::Product = serde_json::from_str(&text).unwrap();
            // One bad price per SKU; a clean product has no violation.
            let expected = if bad_prices { n } else { 0 };
            g.bench_with_input(BenchmarkId::new(name, n), &product, |b, product| {
                b.iter_batched(
                    || product.clone(),
                    |p| {
                        // The validated product is returned with its report,
                        // so that criterion drops both after the timing, as
                        // for any output: freeing them is the caller's.
                        let checked = validator.validate_product(p, &context);
                        let report = checked.report();
                        assert_eq!(black_box(report).len(), expected);
                        assert!(report.iter().all(|v| v.code() == &Code::NUMBER_INVALID));
                        checked
                    },
                    BatchSize::LargeInput,
                )
            });
        }
    }
    g.finish();
}

fn exclusions(c: &mut Criterion) {
    const N: usize = 100_000;
    let mut g = c.benchmark_group("complexity/exclusions_parse_csv_100k");
    g.sample_size(10);
    for (name, ids) in [
        ("ordinary", hostile::ordinary_ids(N)),
        ("colliding", hostile::colliding_ids(N)),
    ] {
        let text = hostile::exclusion_file(&ids);
        let probe = ids[N / 2].clone();
        g.bench_function(name, |b| {
            b.iter(|| {
                let (ex, report) = SellerExclusions::parse_csv(black_box(&text));
                assert!(report.is_empty());
                assert_eq!(ex.len(), N);
                assert!(ex.is_excluded_everywhere(&probe));
                ex
            })
        });
    }
    g.finish();
}

/// A stocking shipment with n distinct SKUs in every document (cartons,
/// packing list, invoice, receipt): `shipment::check` end to end, the
/// parse timed apart. Linear: 10k at most 15x 1k.
fn shipment_skus(c: &mut Criterion) {
    use crossborder::shipment::{CheckOptions, ShipmentJson, check};
    let sample = include_str!("../tests/fixtures/stocking_sample.json");
    let options = CheckOptions::new();
    let mut g = c.benchmark_group("complexity/shipment_skus");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        let shipment: ShipmentJson =
            serde_json::from_str(&hostile::shipment_with_skus(sample, n)).unwrap();
        let expected = check(&shipment, &options).report().len();
        g.bench_with_input(BenchmarkId::from_parameter(n), &shipment, |b, s| {
            b.iter(|| {
                let checked = check(black_box(s), &options);
                assert_eq!(checked.report().len(), expected);
                checked
            })
        });
    }
    g.finish();
}

criterion_group!(benches, skus, exclusions, shipment_skus);
criterion_main!(benches);
