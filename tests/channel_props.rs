//! Properties of the channel rule and the split planner.

// Helpers outside #[test] functions unwrap too: a failure is a test failure.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use crossborder::channel::{ChannelRequirement, Program, WishPostOrder, plan_split};
use crossborder::{Currency, ExchangeRates, Money, ShippingOrder};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

const AS_OF: (i32, u32, u32) = (2026, 11, 20);

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap()
}

fn rate() -> Decimal {
    Decimal::new(71, 1) // 1 USD = 7.1 CNY
}

fn rates() -> ExchangeRates {
    ExchangeRates::new()
        .with_rate(Currency::USD, Currency::CNY, rate())
        .unwrap()
}

#[derive(Clone, Debug)]
struct Spec {
    program: Program,
    customer: u8,
    quantity: u32,
    /// Amounts in thousandths of the currency unit, so that sub-cent USD
    /// amounts (3.333, 0.005, 9.995) are generated as well as whole cents.
    price: i64,
    shipping: i64,
    first_mile: i64,
    wishpost: i64,
    /// Days before the as-of date the First-Mile price was set (negative: after).
    set_days_ago: i64,
    /// 0: EUR (no rate), 1..=3: CNY, 4: merchant price in CNY and the rest
    /// in USD, else USD.
    currency: u8,
}

/// An amount in thousandths: whole cents most of the time, else any
/// thousandth, or one of the sub-cent values at the $10 line.
fn milli(max_cents: i64) -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => (0..max_cents).prop_map(|c| c * 10),
        3 => 0..max_cents * 10,
        1 => prop_oneof![Just(3333i64), Just(5), Just(9995), Just(9999), Just(1111)],
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop_oneof![
            Just(Program::UnificationInitiative),
            Just(Program::AdvancedLogistics),
            Just(Program::OptionalAdvancedLogistics)
        ],
        0u8..6,
        1u32..4,
        milli(1200),
        milli(700),
        milli(500),
        milli(500),
        -3i64..12,
        0u8..12,
    )
        .prop_map(
            |(
                program,
                customer,
                quantity,
                price,
                shipping,
                first_mile,
                wishpost,
                set_days_ago,
                currency,
            )| Spec {
                program,
                customer,
                quantity,
                price,
                shipping,
                first_mile,
                wishpost,
                set_days_ago,
                currency,
            },
        )
}

/// The currency of every amount but the merchant price.
fn currency_of(s: &Spec) -> Currency {
    match s.currency {
        0 => Currency::EUR,
        1..=3 => Currency::CNY,
        _ => Currency::USD,
    }
}

fn price_currency_of(s: &Spec) -> Currency {
    if s.currency == 4 {
        Currency::CNY
    } else {
        currency_of(s)
    }
}

fn set_on(s: &Spec) -> NaiveDate {
    if s.set_days_ago >= 0 {
        as_of() - Days::new(s.set_days_ago as u64)
    } else {
        as_of() + Days::new((-s.set_days_ago) as u64)
    }
}

fn build(id: usize, s: &Spec) -> WishPostOrder {
    let c = currency_of(s);
    let money = |milli: i64| Money::new(Decimal::new(milli, 3), c);
    WishPostOrder::builder(
        id.to_string(),
        format!("customer-{}", s.customer),
        s.program,
    )
    .quantity(s.quantity)
    .merchant_price(Money::new(Decimal::new(s.price, 3), price_currency_of(s)))
    .merchant_shipping(money(s.shipping))
    .first_mile(money(s.first_mile), set_on(s))
    .estimated_wishpost_shipping(money(s.wishpost))
    .build()
    .unwrap()
}

/// The rule as Wish's channel selection criteria state it
/// (`crossborder::channel::SOURCE_CHANNEL_RULE`), written independently:
/// the exact value when every amount is in USD, else the exact converted
/// value rounded once to cents, half away from zero. `None` when an amount
/// has no rate.
fn reference_value(s: &Spec) -> Option<(bool, Decimal)> {
    let to_usd = |milli: i64, c: Currency| -> Option<Decimal> {
        let d = Decimal::new(milli, 3);
        match c {
            Currency::USD => Some(d),
            Currency::CNY => Some(d / rate()),
            _ => None,
        }
    };
    let effective = s.program == Program::UnificationInitiative && s.set_days_ago >= 7;
    let (price_c, c) = (price_currency_of(s), currency_of(s));
    let unit = if effective {
        to_usd(s.price, price_c)? + to_usd(s.first_mile, c)? + to_usd(s.wishpost, c)?
    } else {
        to_usd(s.price, price_c)? + to_usd(s.shipping, c)?
    };
    let exact = unit * Decimal::from(s.quantity);
    let all_usd = price_c == Currency::USD && c == Currency::USD;
    let value = if all_usd {
        exact
    } else {
        exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    };
    Some((effective, value))
}

fn reference_requirement(specs: &[Spec]) -> Option<ChannelRequirement> {
    let mut any_ui = false;
    let mut any_a_plus = false;
    let mut any_over = false;
    for s in specs {
        let (effective, value) = reference_value(s)?;
        any_over |= value >= Decimal::TEN;
        match s.program {
            Program::UnificationInitiative if effective => any_ui = true,
            Program::UnificationInitiative | Program::AdvancedLogistics => any_a_plus = true,
            Program::OptionalAdvancedLogistics => {}
        }
    }
    Some(if any_ui {
        if any_over {
            ChannelRequirement::MustStandard
        } else {
            ChannelRequirement::MustEconomy
        }
    } else if any_a_plus {
        if any_over {
            ChannelRequirement::MustStandard
        } else {
            ChannelRequirement::MerchantChoice
        }
    } else {
        ChannelRequirement::AnyChannel
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decision_matches_the_written_rule(specs in prop::collection::vec(spec(), 1..=20)) {
        let one_customer: Vec<Spec> = specs.into_iter().map(|s| Spec { customer: 0, ..s }).collect();
        let orders: Vec<WishPostOrder> = one_customer.iter().enumerate().map(|(i, s)| build(i, s)).collect();
        let shipping = ShippingOrder::new(orders).unwrap();
        let want = reference_requirement(&one_customer);
        match shipping.decide(as_of(), &rates()) {
            Ok(d) => {
                prop_assert_eq!(Some(d.requirement()), want);
                prop_assert_eq!(shipping.requirement(as_of(), &rates()).ok(), want);
                for (v, s) in d.orders().iter().zip(&one_customer) {
                    prop_assert_eq!(Some(v.usd()), reference_value(s).map(|(_, u)| u));
                    let all_usd = price_currency_of(s) == Currency::USD
                        && currency_of(s) == Currency::USD;
                    prop_assert_eq!(v.converted(), !all_usd);
                }
            }
            Err(report) => {
                prop_assert_eq!(want, None);
                prop_assert!(report.iter().all(|v| v.code().as_str() == "channel.rate_missing"));
            }
        }
    }

    #[test]
    fn decision_does_not_depend_on_the_order_of_orders(
        (specs, shuffled) in prop::collection::vec(spec(), 1..=20)
            .prop_map(|v| v.into_iter().map(|s| Spec { customer: 0, currency: s.currency.max(1), ..s }).collect::<Vec<_>>())
            .prop_flat_map(|v| {
                let idx: Vec<usize> = (0..v.len()).collect();
                (Just(v), Just(idx).prop_shuffle())
            })
    ) {
        let orders: Vec<WishPostOrder> = specs.iter().enumerate().map(|(i, s)| build(i, s)).collect();
        let permuted: Vec<WishPostOrder> = shuffled.iter().map(|&i| orders[i].clone()).collect();
        let a = ShippingOrder::new(orders).unwrap().decide(as_of(), &rates()).unwrap();
        let b = ShippingOrder::new(permuted).unwrap().decide(as_of(), &rates()).unwrap();
        prop_assert_eq!(a.requirement(), b.requirement());
        prop_assert_eq!(a.rule(), b.rule());
        prop_assert_eq!(a.forced_by(), b.forced_by());
        let mut va: Vec<_> = a.orders().to_vec();
        let mut vb: Vec<_> = b.orders().to_vec();
        va.sort_by(|x, y| x.order_id().cmp(y.order_id()));
        vb.sort_by(|x, y| x.order_id().cmp(y.order_id()));
        prop_assert_eq!(va, vb);
        let mut sa: Vec<&str> = a.split_candidates().collect();
        let mut sb: Vec<&str> = b.split_candidates().collect();
        sa.sort_unstable();
        sb.sort_unstable();
        prop_assert_eq!(sa, sb);
    }

    #[test]
    fn planner_keeps_its_promises(specs in prop::collection::vec(spec(), 0..150)) {
        let batch: Vec<WishPostOrder> = specs.iter().enumerate().map(|(i, s)| build(i, s)).collect();
        let plan = plan_split(batch.clone(), as_of(), &rates());

        // Every order planned exactly once or reported; nothing else.
        let mut seen = vec![0u32; batch.len()];
        let mut allows = vec![None; batch.len()];
        for s in plan.shipments() {
            let orders = s.shipping_order().orders();
            prop_assert!(!orders.is_empty() && orders.len() <= 20);
            prop_assert!(orders.iter().all(|o| o.customer() == orders[0].customer()));
            prop_assert_eq!(s.batch_indices().len(), orders.len());
            for (&i, o) in s.batch_indices().iter().zip(orders) {
                seen[i] += 1;
                prop_assert_eq!(o, &batch[i]);
                allows[i] = Some(s.decision().requirement().allows_economy());
            }
            // The decision is the rule's decision for that shipping order.
            let again = ShippingOrder::new(orders.to_vec()).unwrap().decide(as_of(), &rates()).unwrap();
            prop_assert_eq!(&again, s.decision());
        }
        let reported: Vec<usize> = plan
            .report()
            .iter()
            .map(|v| v.pointer().tokens().nth(1).unwrap().parse().unwrap())
            .collect();
        for (i, s) in specs.iter().enumerate() {
            let left_out = reported.contains(&i);
            prop_assert_eq!(seen[i] == 1, !left_out, "order {}", i);
            prop_assert!(seen[i] <= 1);
            prop_assert_eq!(left_out, currency_of(s) == Currency::EUR);
        }
        prop_assert_eq!(plan.summary().orders + plan.summary().orders_left_out, batch.len());

        // Never worse than each customer's orders together in chunks of 20.
        let mut by_customer: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, o) in batch.iter().enumerate() {
            if seen[i] == 1 {
                by_customer.entry(o.customer()).or_default().push(i);
            }
        }
        let mut moved = 0;
        for indices in by_customer.values() {
            for chunk in indices.chunks(20) {
                let s = ShippingOrder::new(chunk.iter().map(|&i| batch[i].clone()).collect()).unwrap();
                let base = s.requirement(as_of(), &rates()).unwrap().allows_economy();
                for &i in chunk {
                    let planned = allows[i].unwrap_or(false);
                    prop_assert!(planned || !base, "order {} lost ECONOMY", i);
                    if planned && !base {
                        moved += 1;
                    }
                }
            }
        }
        prop_assert_eq!(plan.summary().moved_to_economy, moved);

        // Every order under $10 may ship ECONOMY in the plan.
        for (i, s) in specs.iter().enumerate() {
            if let (Some((_, v)), Some(a)) = (reference_value(s), allows[i])
                && v < Decimal::TEN
            {
                prop_assert!(a, "cheap order {} forced to STANDARD", i);
            }
        }
    }
}
