//! Benchmark of the destination regimes: 1,000,000 parcel assessments with
//! the built-in table (target: under 1 µs each), over a mix of destinations,
//! dates, channels and registrations.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossborder::tax::{Channel, Parcel, ParcelItem, RegimeTable, Seller, VatCollection};
use crossborder::{Country, Currency, ExchangeRates, HsCode};
use rust_decimal::Decimal;

/// A deterministic pseudo-random stream (no extra dependency).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const ASSESSMENTS: usize = 1_000_000;

fn parcels() -> Vec<Parcel> {
    let mut rng = Lcg(12);
    let dests = [
        (Country::US, Currency::USD),
        (Country::FR, Currency::EUR),
        (Country::DE, Currency::EUR),
        (Country::GB, Currency::GBP),
        (Country::CA, Currency::CAD),
        (Country::AU, Currency::AUD),
        (Country::JP, Currency::JPY),
        (Country::SG, Currency::SGD),
    ];
    let codes = ["620610", "620620", "851830", "950300", "420222", "611020"];
    let dates = [
        (2025, 3, 1),
        (2025, 6, 1),
        (2025, 9, 1),
        (2026, 6, 30),
        (2026, 8, 1),
    ];
    (0..256)
        .map(|_| {
            let (dest, cur) = dests[rng.next(dests.len() as u64) as usize];
            let (y, m, d) = dates[rng.next(dates.len() as u64) as usize];
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
            let channel = if rng.next(2) == 0 {
                Channel::Postal
            } else {
                Channel::Courier
            };
            let scale = if cur == Currency::JPY { 100 } else { 1 };
            let mut p = Parcel::new(Country::CN, dest, date, channel, cur)
                .with_shipping(Decimal::from(rng.next(10) * scale));
            for _ in 0..1 + rng.next(3) {
                let code = codes[rng.next(codes.len() as u64) as usize];
                let hs = HsCode::parse(code).unwrap_or_else(|e| unreachable!("{e}"));
                let value = Decimal::new((500 + rng.next(9_000)) as i64 * scale as i64, 2);
                p = p.with_item(ParcelItem::new(hs, 1 + rng.next(2) as u32, value));
            }
            if rng.next(2) == 0 {
                let seller = Seller::default()
                    .with_ioss(
                        "IM2500000001"
                            .parse()
                            .unwrap_or_else(|e| unreachable!("{e}")),
                    )
                    .with_uk_vat(
                        "GB123456782"
                            .parse()
                            .unwrap_or_else(|e| unreachable!("{e}")),
                    );
                p = p.with_seller(seller);
            }
            p
        })
        .collect()
}

fn assessments(c: &mut Criterion) {
    let table = RegimeTable::builtin();
    let rates = ExchangeRates::new();
    let parcels = parcels();
    // What the batch must find, computed once outside the timed loop.
    let summary = |p: &Parcel| {
        let a = table.assess(p, &rates);
        (
            a.duty_relief() == Some(true),
            a.vat_collected() == Some(VatCollection::AtSale),
            a.charges().len(),
        )
    };
    let per_round = parcels.iter().fold((0usize, 0usize, 0usize), |acc, p| {
        let (r, s, n) = summary(p);
        (acc.0 + usize::from(r), acc.1 + usize::from(s), acc.2 + n)
    });
    assert!(
        per_round.0 > 0 && per_round.1 > 0 && per_round.2 > 0,
        "{per_round:?}"
    );
    let rounds = ASSESSMENTS / parcels.len();
    let total = rounds * parcels.len();

    let mut g = c.benchmark_group("regime");
    g.sample_size(10);
    g.throughput(Throughput::Elements(total as u64));
    g.bench_function("assess_1m_parcels_builtin_table", |b| {
        b.iter(|| {
            let (mut relieved, mut at_sale, mut charges) = (0usize, 0usize, 0usize);
            for _ in 0..rounds {
                for p in black_box(&parcels) {
                    let a = table.assess(p, &rates);
                    relieved += usize::from(a.duty_relief() == Some(true));
                    at_sale += usize::from(a.vat_collected() == Some(VatCollection::AtSale));
                    charges += a.charges().len();
                }
            }
            assert_eq!(
                (relieved, at_sale, charges),
                (
                    per_round.0 * rounds,
                    per_round.1 * rounds,
                    per_round.2 * rounds
                )
            );
        });
    });
    g.finish();
}

criterion_group!(benches, assessments);
criterion_main!(benches);
