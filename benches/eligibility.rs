//! Export eligibility with 1,000,000 excluded products (issue 6): building the
//! exclusion index (target < 1 s), one product-destination check (target
//! < 100 ns), one product against every destination (target < 1 µs).
//!
//! Every timed closure checks its result, so a broken fast path cannot look
//! good.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossborder::{
    Country, Decision, Eligibility, EligibilityStatus, ExclusionCheck, ExclusionEntry, HsCode,
    Policy, ProductFacts, ProductId, SellerExclusions,
};

const N: usize = 1_000_000;
const DESTS: [Country; 8] = [
    Country::CA,
    Country::MX,
    Country::GB,
    Country::DE,
    Country::JP,
    Country::AU,
    Country::FR,
    Country::BR,
];

/// An ASIN-like id: "B0" and 8 base-36 characters, scrambled so that
/// neighbours in the index are not neighbours in number.
fn asin(i: usize) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 23;
    let mut s = String::from("B0");
    for _ in 0..8 {
        s.push(DIGITS[(x % 36) as usize] as char);
        x /= 36;
    }
    s
}

/// 1,000,000 products: 70% excluded everywhere, 30% from one to three of
/// eight countries. Products `i` with `i % 10 < 7` are excluded everywhere.
fn entries() -> Vec<ExclusionEntry> {
    let mut out = Vec::with_capacity(N + N / 2);
    for i in 0..N {
        let product = ProductId::new(&asin(i)).unwrap();
        if i % 10 < 7 {
            out.push(ExclusionEntry::Product { product });
        } else {
            for k in 0..=(i % 3) {
                out.push(ExclusionEntry::ProductIn {
                    product: product.clone(),
                    country: DESTS[(i + k) % DESTS.len()],
                });
            }
        }
    }
    out
}

fn csv(entries: &[ExclusionEntry]) -> String {
    let mut s = String::from("product_id,country\n");
    for e in entries {
        match e {
            ExclusionEntry::Product { product } => {
                s.push_str(product.as_str());
                s.push('\n');
            }
            ExclusionEntry::ProductIn { product, country } => {
                s.push_str(product.as_str());
                s.push(',');
                s.push_str(&country.to_string());
                s.push('\n');
            }
            ExclusionEntry::Country { .. } => {}
        }
    }
    s
}

/// Resident memory high-water mark and current size, in kB (Linux).
fn vm_kb(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn bench(c: &mut Criterion) {
    let entries = entries();
    let text = csv(&entries);

    let rss_before = vm_kb("VmRSS:").unwrap_or(0);
    let ex = SellerExclusions::from_entries(entries.iter().cloned()).unwrap();
    let rss_after = vm_kb("VmRSS:").unwrap_or(0);
    assert_eq!(ex.len(), N);
    eprintln!(
        "exclusion index: {} products ({} in the overflow), {} distinct country sets, heap {} bytes ({:.1} MB); \
         RSS grew {} kB while building (entries already in memory); VmHWM {} kB",
        ex.len(),
        ex.overflowed(),
        ex.distinct_country_sets(),
        ex.heap_bytes(),
        ex.heap_bytes() as f64 / 1e6,
        rss_after.saturating_sub(rss_before),
        vm_kb("VmHWM:").unwrap_or(0),
    );

    let mut g = c.benchmark_group("eligibility");
    g.sample_size(10);
    g.bench_function("exclusions_build_1m_entries", |b| {
        b.iter_batched(
            || entries.clone(),
            |e| {
                let ex = SellerExclusions::from_entries(e).unwrap();
                assert_eq!(black_box(&ex).len(), N);
                ex
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("exclusions_parse_csv_1m_products", |b| {
        b.iter(|| {
            let (ex, report) = SellerExclusions::parse_csv(black_box(&text));
            assert!(report.is_empty());
            assert_eq!(ex.len(), N);
            ex
        })
    });
    g.finish();

    // Lookups: 65,536 products spread over the million (and as many that
    // are not in the index), visited in turn so caches do not hide the index.
    let probes: Vec<(String, bool)> = (0..65_536usize)
        .map(|k| {
            let i = k.wrapping_mul(7919) % N;
            (asin(i), i % 10 < 7)
        })
        .collect();
    let misses: Vec<String> = (0..65_536usize).map(|k| asin(N + k)).collect();

    let mut g = c.benchmark_group("eligibility");
    g.bench_function("exclusion_check_one_product_destination_random", |b| {
        let mut k = 0usize;
        b.iter(|| {
            let (id, everywhere) = &probes[k & 65_535];
            k += 1;
            let r = ex.check(black_box(id), black_box(Country::CA));
            assert_eq!(r == ExclusionCheck::ProductExcludedEverywhere, *everywhere);
            r
        })
    });
    g.bench_function("exclusion_check_one_product_destination_miss", |b| {
        let mut k = 0usize;
        b.iter(|| {
            let id = &misses[k & 65_535];
            k += 1;
            let r = ex.check(black_box(id), black_box(Country::CA));
            assert_eq!(r, ExclusionCheck::NotExcluded);
            r
        })
    });

    let policy = Policy::fba_export_default();
    let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    let facts: Vec<(ProductFacts, bool)> = probes
        .iter()
        .map(|(id, everywhere)| {
            let f = ProductFacts::new(ProductId::new(id).unwrap(), Country::US)
                .with_dimensions("6 x 4 x 4 in".parse().unwrap())
                .with_weight("1 lb".parse().unwrap());
            (f, *everywhere)
        })
        .collect();
    let profiles: Vec<_> = facts.iter().map(|(f, ev)| (e.profile(f), *ev)).collect();
    // One product (excluded from some countries), cache-warm: checked
    // against each of eight destinations in turn.
    let hot = profiles
        .iter()
        .position(|(_, everywhere)| !*everywhere)
        .expect("a product excluded from some countries only");
    let hot_profile = profiles[hot].0;
    let hot_expected: Vec<EligibilityStatus> = DESTS
        .iter()
        .map(|d| e.check(&facts[hot].0, *d).status())
        .collect();
    assert!(hot_expected.contains(&EligibilityStatus::Eligible));
    assert!(hot_expected.contains(&EligibilityStatus::NotEligible));
    g.bench_function("status_one_product_destination_hot", |b| {
        let mut k = 0usize;
        b.iter(|| {
            let d = k & 7;
            k += 1;
            let s = e.status(black_box(&hot_profile), black_box(DESTS[d]));
            assert_eq!(s, hot_expected[d]);
            s
        })
    });
    let hot_split = e.destinations(&hot_profile);
    g.bench_function("destinations_one_product_all_destinations_hot", |b| {
        b.iter(|| {
            let split = e.destinations(black_box(&hot_profile));
            assert_eq!(split, hot_split);
            split
        })
    });
    g.bench_function("status_one_product_destination_random", |b| {
        let mut k = 0usize;
        b.iter(|| {
            let (p, everywhere) = &profiles[k & 65_535];
            k += 1;
            let s = e.status(black_box(p), black_box(Country::JP));
            if *everywhere {
                assert_eq!(s, EligibilityStatus::NotEligible);
            }
            s
        })
    });
    // Products not in the exclusion list (the usual case in an inventory):
    // the Bloom filter answers without touching the table.
    let other_facts: Vec<ProductFacts> = misses
        .iter()
        .map(|id| {
            ProductFacts::new(ProductId::new(id).unwrap(), Country::US)
                .with_dimensions("6 x 4 x 4 in".parse().unwrap())
                .with_weight("1 lb".parse().unwrap())
        })
        .collect();
    let other_profiles: Vec<_> = other_facts.iter().map(|f| e.profile(f)).collect();
    g.bench_function("status_one_product_destination_random_not_excluded", |b| {
        let mut k = 0usize;
        b.iter(|| {
            let p = &other_profiles[k & 65_535];
            k += 1;
            let s = e.status(black_box(p), black_box(Country::JP));
            assert_eq!(s, EligibilityStatus::Eligible);
            s
        })
    });
    g.bench_function(
        "destinations_one_product_all_destinations_random_not_excluded",
        |b| {
            let mut k = 0usize;
            b.iter(|| {
                let p = &other_profiles[k & 65_535];
                k += 1;
                let split = e.destinations(black_box(p));
                assert_eq!(split.eligible.len(), 238);
                split
            })
        },
    );
    g.bench_function("destinations_one_product_all_destinations_random", |b| {
        let mut k = 0usize;
        b.iter(|| {
            let (p, everywhere) = &profiles[k & 65_535];
            k += 1;
            let split = e.destinations(black_box(p));
            assert_eq!(split.eligible.is_empty(), *everywhere);
            split
        })
    });
    g.bench_function("profile_plus_destinations_one_product", |b| {
        let mut k = 0usize;
        b.iter(|| {
            let (f, everywhere) = &facts[k & 65_535];
            k += 1;
            let split = e.destinations(&e.profile(black_box(f)));
            assert_eq!(split.eligible.is_empty(), *everywhere);
            split
        })
    });
    // A product whose HS code falls in the default table's fullest chapter
    // (15, the edible fats and oils: sixteen rows): food, so not to Japan.
    let oil = ProductFacts::new(ProductId::new("OLIVE-OIL").unwrap(), Country::US)
        .with_hs_code(HsCode::parse("1509200000").unwrap())
        .with_dimensions("10 x 3 x 3 in".parse().unwrap())
        .with_weight("2 lb".parse().unwrap());
    g.bench_function("profile_plus_status_hs_chapter_15", |b| {
        b.iter(|| {
            let p = e.profile(black_box(&oil));
            let s = e.status(&p, black_box(Country::JP));
            assert_eq!(s, EligibilityStatus::NotEligible);
            s
        })
    });
    g.bench_function("check_with_reasons_one_product_destination", |b| {
        let mut k = 0usize;
        b.iter(|| {
            let (f, everywhere) = &facts[k & 65_535];
            k += 1;
            let d = e.check(black_box(f), black_box(Country::JP));
            if *everywhere {
                assert!(matches!(d, Decision::NotEligible { .. }));
            }
            d
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
