//! The value parsers: whatever they accept is shown as text that reads back
//! as the same value, and whatever they refuse is refused without a panic.
#![no_main]

use crossborder::eligibility::HsPrefix;
use crossborder::wire::{Number, parse_decimal};
use crossborder::{
    ClearanceMode, CustomsUnit, Dimensions, Gtin, HsCode, JsonPointer, Money, ProductId,
    ResidentId, Timestamp, Weight, parse_country, parse_currency,
};
use crossborder_fuzz::{text, text_round_trip};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(s) = text(data) else {
        return;
    };
    if let Ok(v) = s.parse::<Money>() {
        text_round_trip(&v, str::parse::<Money>);
    }
    if let Ok(v) = s.parse::<Weight>() {
        text_round_trip(&v, str::parse::<Weight>);
    }
    if let Ok(v) = s.parse::<Dimensions>() {
        text_round_trip(&v, str::parse::<Dimensions>);
    }
    if let Ok(v) = HsCode::parse(s) {
        text_round_trip(&v, HsCode::parse);
    }
    if let Ok(v) = Gtin::parse(s) {
        text_round_trip(&v, Gtin::parse);
    }
    if let Ok(v) = ResidentId::parse(s) {
        text_round_trip(&v, ResidentId::parse);
    }
    if let Ok(v) = s.parse::<Timestamp>() {
        text_round_trip(&v, str::parse::<Timestamp>);
    }
    if let Ok(v) = parse_decimal(s) {
        text_round_trip(&v, parse_decimal);
    }
    if let Ok(n) = serde_json::from_str::<Number>(s) {
        let _ = n.decimal();
    }
    if let Ok(v) = parse_country(s) {
        assert_eq!(parse_country(&v.to_string()).ok(), Some(v));
    }
    if let Ok(v) = parse_currency(s) {
        assert_eq!(parse_currency(v.code()).ok(), Some(v));
    }
    if let Ok(v) = CustomsUnit::parse(s) {
        assert_eq!(CustomsUnit::parse(v.code()).ok(), Some(v));
    }
    if let Ok(v) = ProductId::new(s) {
        text_round_trip(&v, ProductId::new);
    }
    if let Ok(v) = HsPrefix::parse(s) {
        text_round_trip(&v, HsPrefix::parse);
    }
    if let Ok(v) = s.parse::<JsonPointer>() {
        text_round_trip(&v, str::parse::<JsonPointer>);
    }
    if let Ok(v) = s.parse::<ClearanceMode>() {
        text_round_trip(&v, str::parse::<ClearanceMode>);
    }
});
