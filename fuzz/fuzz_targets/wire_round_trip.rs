//! The wire documents: whatever reads as a product, an order or a
//! declaration result writes back as JSON that reads as the same document;
//! and only a JSON object reads as one (an array is not read by position).
#![no_main]

use crossborder::wire;
use crossborder_fuzz::{json, json_round_trip};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let object = json::<serde_json::Value>(data).map(|v| v.is_object());
    if let Some(p) = json::<wire::Product>(data) {
        assert_eq!(object, Some(true), "read as a product");
        json_round_trip(&p);
    }
    if let Some(o) = json::<wire::Order>(data) {
        assert_eq!(object, Some(true), "read as an order");
        json_round_trip(&o);
    }
    if let Some(r) = json::<wire::DeclarationResult>(data) {
        assert_eq!(object, Some(true), "read as a declaration result");
        json_round_trip(&r);
    }
});
