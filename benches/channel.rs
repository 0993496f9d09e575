//! Benchmarks of the WishPost A-Super channel rule: decision throughput with
//! amounts already in USD, and the split planner on 100,000 orders.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use crossborder::channel::{ChannelRequirement, Program, WishPostOrder, plan_split};
use crossborder::{Currency, ExchangeRates, Money, ShippingOrder};
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

fn order(rng: &mut Lcg, id: usize, customer: u64) -> WishPostOrder {
    let usd = |cents: u64| Money::new(Decimal::new(cents as i64, 2), Currency::USD);
    let program = match rng.next(3) {
        0 => Program::UnificationInitiative,
        1 => Program::AdvancedLogistics,
        _ => Program::OptionalAdvancedLogistics,
    };
    let set_on = NaiveDate::from_ymd_opt(2026, 11, 1 + rng.next(20) as u32).unwrap_or_default();
    WishPostOrder::builder(id.to_string(), format!("c{customer}"), program)
        .quantity(1 + rng.next(2) as u32)
        .merchant_price(usd(50 + rng.next(450)))
        .merchant_shipping(usd(rng.next(200)))
        .first_mile(usd(rng.next(200)), set_on)
        .estimated_wishpost_shipping(usd(rng.next(300)))
        .build()
        .unwrap_or_else(|r| unreachable!("{r}"))
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default()
}

fn decision(c: &mut Criterion) {
    let mut rng = Lcg(7);
    // 1,000 shipping orders of 10 orders each: 10,000 orders, all in USD.
    let shipping: Vec<ShippingOrder> = (0..1000)
        .map(|s| {
            let orders = (0..10)
                .map(|i| order(&mut rng, s * 10 + i, s as u64))
                .collect();
            ShippingOrder::new(orders).unwrap_or_else(|r| unreachable!("{r}"))
        })
        .collect();
    let rates = ExchangeRates::new();
    let orders: usize = shipping.iter().map(|s| s.orders().len()).sum();
    let expected_standard = shipping
        .iter()
        .filter(|s| {
            s.decide(as_of(), &rates).map(|d| d.requirement())
                == Ok(ChannelRequirement::MustStandard)
        })
        .count();
    assert!(expected_standard > 0 && expected_standard < shipping.len());

    let mut g = c.benchmark_group("channel");
    g.throughput(Throughput::Elements(orders as u64));
    g.bench_function("requirement_usd_10k_orders", |b| {
        b.iter(|| {
            let mut standard = 0;
            for s in black_box(&shipping) {
                if s.requirement(black_box(as_of()), &rates) == Ok(ChannelRequirement::MustStandard)
                {
                    standard += 1;
                }
            }
            assert_eq!(standard, expected_standard);
            standard
        })
    });
    g.bench_function("decide_usd_10k_orders", |b| {
        b.iter(|| {
            let mut standard = 0;
            for s in black_box(&shipping) {
                let d = s.decide(black_box(as_of()), &rates);
                if d.map(|d| d.requirement()) == Ok(ChannelRequirement::MustStandard) {
                    standard += 1;
                }
            }
            assert_eq!(standard, expected_standard);
            standard
        })
    });
    g.finish();
}

fn planner(c: &mut Criterion) {
    let mut rng = Lcg(11);
    // 100,000 orders of 10,000 customers, in no particular order.
    let batch: Vec<WishPostOrder> = (0..100_000)
        .map(|i| {
            let customer = rng.next(10_000);
            order(&mut rng, i, customer)
        })
        .collect();
    let rates = ExchangeRates::new();
    let mut g = c.benchmark_group("channel");
    g.sample_size(10);
    g.throughput(Throughput::Elements(batch.len() as u64));
    g.bench_function("plan_split_100k_orders", |b| {
        b.iter_batched(
            || batch.clone(),
            |batch| {
                let plan = plan_split(batch, black_box(as_of()), &rates);
                assert_eq!(plan.summary().orders, 100_000);
                assert!(plan.summary().moved_to_economy > 0);
                plan
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, decision, planner);
criterion_main!(benches);
