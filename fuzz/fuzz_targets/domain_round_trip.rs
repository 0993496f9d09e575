//! The domain values: a document that converts cleanly converts again,
//! from its own wire form, to the same product or order.
#![no_main]

use crossborder::{Order, Product, wire};
use crossborder_fuzz::{json, json_round_trip};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(w) = json::<wire::Product>(data)
        && let Ok(product) = Product::from_wire(w).into_result()
    {
        let again = product.to_wire();
        json_round_trip(&again);
        let back = Product::from_wire(again).into_result();
        assert_eq!(back.as_ref(), Ok(&product));
    }
    if let Some(w) = json::<wire::Order>(data)
        && let Ok(order) = Order::from_wire(w).into_result()
    {
        let again = order.to_wire();
        json_round_trip(&again);
        let back = Order::from_wire(again).into_result();
        assert_eq!(back.as_ref(), Ok(&order));
    }
});
