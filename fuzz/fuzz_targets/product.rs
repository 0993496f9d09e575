//! A product declaration (`POST /customs/{region}/product`): read, limits,
//! conversion and every rule, on a date the input picks.
#![no_main]

use crossborder::declaration::{Context, Validator};
use crossborder::{Limits, wire};
use crossborder_fuzz::{check_report, date, json};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(product) = json::<wire::Product>(data) else {
        return;
    };
    let limits = Limits::none().with_max_skus(64).with_max_string_bytes(256);
    if let Err(report) = limits.check(&product) {
        assert_eq!(report.len(), 1);
        check_report(&report);
    }
    let context = Context::new(date(data));
    let converted = Validator::default().validate_product(product, &context);
    check_report(converted.report());
});
