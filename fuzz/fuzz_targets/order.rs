//! An order, order update or payment declaration: read, conversion, the
//! order rules and the rules of each line's product.
#![no_main]

use crossborder::declaration::{Context, Declaration, Validator};
use crossborder::{CustomsPort, wire};
use crossborder_fuzz::{check_report, date, json};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(order) = json::<wire::Order>(data) else {
        return;
    };
    let context = Context::new(date(data)).with_port(CustomsPort::Hz);
    for declaration in [
        Declaration::Order,
        Declaration::OrderUpdate,
        Declaration::Payment,
    ] {
        let converted = Validator::default().validate_order(order.clone(), declaration, &context);
        check_report(converted.report());
    }
});
