//! The channel API as a caller meets it (issue 13): "any WishPost channel"
//! says any (item 9), and orders built in Rust report at `/orders/N/...`
//! like the JSON form (item 10).

use chrono::NaiveDate;
use crossborder::channel::{
    AllowedChannels, ChannelRequirement, OrderBuilder, Program, ShippingOrder, ShippingOrderJson,
    WishPostChannel, WishPostOrder,
};
use crossborder::{Code, ExchangeRates, Report};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn order(id: &str, customer: &str, program: Program, price: &str) -> OrderBuilder {
    WishPostOrder::builder(id, customer, program)
        .quantity(1)
        .merchant_price(price.parse().unwrap())
        .merchant_shipping("0 USD".parse().unwrap())
}

fn found(report: &Report) -> Vec<(&str, &str)> {
    report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str()))
        .collect()
}

/// Item 9: the not-governed cell allows any WishPost channel; it is not the
/// merchant's choice between the two A-Super channels.
#[test]
fn any_wishpost_channel_says_any_in_rust_and_in_json() {
    assert_eq!(
        ChannelRequirement::AnyChannel.channels(),
        AllowedChannels::Any
    );
    assert!(ChannelRequirement::AnyChannel.channels().is_any());
    assert_eq!(ChannelRequirement::AnyChannel.channels().a_super(), None);
    assert_ne!(
        ChannelRequirement::AnyChannel.channels(),
        ChannelRequirement::MerchantChoice.channels()
    );
    assert_eq!(
        ChannelRequirement::MerchantChoice.channels(),
        AllowedChannels::Only(&[WishPostChannel::Economy, WishPostChannel::Standard])
    );
    // A shipping order of optional A+ orders only: not governed.
    let s = ShippingOrder::from_builders(vec![
        order("1", "c", Program::OptionalAdvancedLogistics, "25 USD"),
        order("2", "c", Program::OptionalAdvancedLogistics, "3 USD"),
    ])
    .unwrap();
    let d = s.decide(day(20), &ExchangeRates::new()).unwrap();
    assert_eq!(d.requirement(), ChannelRequirement::AnyChannel);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["channels"], "any");
    // Read back, the derived member is ignored and the decision is the same.
    assert_eq!(
        serde_json::from_value::<crossborder::ChannelDecision>(json).unwrap(),
        d
    );
    // The governed cells still list their A-Super channels.
    let s =
        ShippingOrder::from_builders(vec![order("3", "c", Program::AdvancedLogistics, "3 USD")])
            .unwrap();
    let json = serde_json::to_value(s.decide(day(20), &ExchangeRates::new()).unwrap()).unwrap();
    assert_eq!(json["channels"][0]["code"], "5001-1");
    assert_eq!(json["channels"][1]["code"], "5002-1");
}

/// Item 9: the example's `--json` output says "any" too: it prints the plan
/// as the crate serializes it, and the sample batch holds a not-governed
/// shipping order.
#[test]
fn the_plan_json_says_any_for_a_not_governed_shipping_order() {
    let sample: serde_json::Value =
        serde_json::from_str(include_str!("../examples/wishpost_channel.json")).unwrap();
    let batch: crossborder::OrderBatchJson =
        serde_json::from_value(serde_json::json!({"orders": sample["orders"]})).unwrap();
    let rates: ExchangeRates = serde_json::from_value(sample["rates"].clone()).unwrap();
    let as_of: NaiveDate = serde_json::from_value(sample["asOf"].clone()).unwrap();
    let plan = serde_json::to_value(batch.plan(as_of, &rates)).unwrap();
    let shipments = plan["shipments"].as_array().unwrap();
    let any: Vec<&serde_json::Value> = shipments
        .iter()
        .filter(|s| s["decision"]["requirement"] == "any_channel")
        .collect();
    assert!(
        !any.is_empty(),
        "the sample has a not-governed shipping order"
    );
    for s in any {
        assert_eq!(s["decision"]["channels"], "any");
    }
    for s in shipments {
        if s["decision"]["requirement"] != "any_channel" {
            assert!(s["decision"]["channels"].is_array(), "{s}");
        }
    }
}

/// Item 10: a shipping order built from Rust builders reports each order's
/// problems at `/orders/N/...`, exactly as the same orders in JSON do.
#[test]
fn orders_built_in_rust_report_at_their_index_like_the_json_form() {
    let builders = || {
        vec![
            order("1", "amy", Program::AdvancedLogistics, "4 USD"),
            order("2", "amy", Program::AdvancedLogistics, "-1 USD").quantity(0),
            WishPostOrder::builder("3", "ben", Program::UnificationInitiative)
                .quantity(1)
                .merchant_price("1 USD".parse().unwrap())
                .merchant_shipping("0 USD".parse().unwrap()),
            order("1", "amy", Program::AdvancedLogistics, "4 USD"),
        ]
    };
    let report = ShippingOrder::from_builders(builders()).unwrap_err();
    let want = [
        ("channel.quantity_invalid", "/orders/1/quantity"),
        ("channel.amount_negative", "/orders/1/merchantPrice"),
        ("channel.missing_field", "/orders/2/firstMile"),
        (
            "channel.missing_field",
            "/orders/2/estimatedWishpostShipping",
        ),
        ("channel.mixed_customers", "/orders/2/customer"),
        ("channel.duplicate_order", "/orders/3/id"),
    ];
    assert_eq!(found(&report), want);
    // The same orders as JSON: the same codes at the same pointers.
    let json = r#"{"orders": [
        {"id": "1", "customer": "amy", "program": "a_plus", "quantity": 1, "currency": "USD", "merchantPrice": 4, "merchantShipping": 0},
        {"id": "2", "customer": "amy", "program": "a_plus", "quantity": 0, "currency": "USD", "merchantPrice": -1, "merchantShipping": 0},
        {"id": "3", "customer": "ben", "program": "ui", "quantity": 1, "currency": "USD", "merchantPrice": 1, "merchantShipping": 0},
        {"id": "1", "customer": "amy", "program": "a_plus", "quantity": 1, "currency": "USD", "merchantPrice": 4, "merchantShipping": 0}
    ]}"#;
    let wire: ShippingOrderJson = serde_json::from_str(json).unwrap();
    let from_json = wire.to_shipping_order().unwrap_err();
    assert_eq!(found(&from_json), want);
    // Nothing is reported at an order-relative pointer such as `/quantity`.
    assert!(
        report
            .iter()
            .all(|v| v.pointer().as_str().starts_with("/orders"))
    );
    // Good builders give the shipping order; more than 20 is reported at /orders.
    let ok =
        ShippingOrder::from_builders(vec![order("1", "amy", Program::AdvancedLogistics, "4 USD")])
            .unwrap();
    assert_eq!(ok.orders()[0].id(), "1");
    let many = (0..21).map(|i| order(&i.to_string(), "amy", Program::AdvancedLogistics, "1 USD"));
    let report = ShippingOrder::from_builders(many).unwrap_err();
    assert_eq!(found(&report), [("channel.too_many_orders", "/orders")]);
    let report = ShippingOrder::from_builders(Vec::new()).unwrap_err();
    assert!(report.contains_code(&Code::CHANNEL_EMPTY_SHIPPING_ORDER));
}
