//! Plans WishPost shipping orders for a batch of orders and explains each
//! A-Super channel decision.
//!
//! ```text
//! cargo run --example wishpost_channel                          # the built-in sample
//! cargo run --example wishpost_channel -- batch.json            # your batch
//! cargo run --example wishpost_channel -- --json [batch.json]   # the plan as JSON
//! ```
//!
//! The batch is `{"asOf": "YYYY-MM-DD", "rates": [{"from", "to", "rate"}],
//! "orders": [...]}` with the order objects of `crossborder::channel`'s JSON
//! form (`OrderJson`). With `--json` the plan is printed as the crate's JSON
//! (`SplitPlan`): every shipping order with its decision, whose `channels`
//! lists the A-Super channels allowed, or says `"any"` when any WishPost
//! channel may be used.

use std::error::Error;

use chrono::NaiveDate;
use crossborder::channel::{AllowedChannels, OrderBatchJson, OrderJson};
use crossborder::{ExchangeRates, Language};
use serde::Deserialize;

/// The sample batch (examples/wishpost_channel.json).
const SAMPLE: &str = include_str!("wishpost_channel.json");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Input {
    as_of: NaiveDate,
    #[serde(default)]
    rates: ExchangeRates,
    orders: Vec<OrderJson>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            _ if path.is_none() => path = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}").into()),
        }
    }
    let text = match path {
        Some(path) => {
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path:?}: {e}"))?
        }
        None => SAMPLE.to_owned(),
    };
    let input: Input = serde_json::from_str(&text)?;
    let batch = OrderBatchJson {
        orders: input.orders,
    };
    let plan = batch.plan(input.as_of, &input.rates);
    if json {
        println!("{}", serde_json::to_string_pretty(&plan)?);
        return Ok(());
    }

    println!("WishPost A-Super plan as of {}", input.as_of);
    for (n, shipment) in plan.shipments().iter().enumerate() {
        let d = shipment.decision();
        let ids: Vec<&str> = shipment
            .shipping_order()
            .orders()
            .iter()
            .map(|o| o.id())
            .collect();
        let channels: Vec<String> = match d.requirement().channels() {
            AllowedChannels::Only(channels) => channels
                .iter()
                .map(|c| format!("{} {} {}", c.code(), c.name(), c.name_zh()))
                .collect(),
            AllowedChannels::Any => vec!["any WishPost channel (任意 WishPost 渠道)".to_owned()],
        };
        println!(
            "\n#{} customer {}: {}\n   {} -> {}",
            n + 1,
            shipment.shipping_order().customer(),
            ids.join(", "),
            d.requirement(),
            channels.join(" | ")
        );
        println!("   {}", d.reason(Language::English));
        println!("   {}", d.reason(Language::Chinese));
    }
    let s = plan.summary();
    println!(
        "\n{} orders of {} customers in {} shipping orders (together: {}); \
         {} may ship ECONOMY (together: {}), {} moved to ECONOMY; {} left out",
        s.orders,
        s.customers,
        s.shipping_orders,
        s.baseline_shipping_orders,
        s.economy_orders,
        s.baseline_economy_orders,
        s.moved_to_economy,
        s.orders_left_out
    );
    if !plan.report().is_empty() {
        println!(
            "\nOrders left out:\n{}",
            plan.report().render(Language::English)
        );
        println!("{}", plan.report().render(Language::Chinese));
    }
    Ok(())
}
