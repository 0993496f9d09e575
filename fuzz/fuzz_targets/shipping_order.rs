//! The channel JSON: a shipping order (decided with and without an
//! exchange rate) and a batch of orders for the split planner.
#![no_main]

use crossborder::channel::{OrderBatchJson, ShippingOrderJson};
use crossborder::{Currency, ExchangeRates};
use crossborder_fuzz::{check_report, date, json};
use rust_decimal::Decimal;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let as_of = date(data);
    let rates = ExchangeRates::new()
        .with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))
        .unwrap_or_default();
    if let Some(wire) = json::<ShippingOrderJson>(data) {
        match wire.to_shipping_order() {
            Ok(shipping) => {
                for rates in [&rates, &ExchangeRates::new()] {
                    match shipping.decide(as_of, rates) {
                        Ok(decision) => {
                            let requirement = shipping.requirement(as_of, rates).unwrap();
                            assert_eq!(requirement, decision.requirement());
                        }
                        Err(report) => check_report(&report),
                    }
                }
            }
            Err(report) => check_report(&report),
        }
    }
    if let Some(batch) = json::<OrderBatchJson>(data) {
        let plan = batch.plan(as_of, &rates);
        check_report(plan.report());
    }
});
