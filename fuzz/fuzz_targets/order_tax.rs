//! A customs order's China import tax: the order read and converted, its
//! tax assessed with the built-in table in each clearance mode on a date
//! the input picks, and the validator run with the tax rules (declared tax,
//! the CC limits). Every report is well-formed, its pointers name places
//! in the input, and the answers are deterministic.
#![no_main]

use crossborder::declaration::{Context, Declaration, Validator};
use crossborder::tax;
use crossborder::{ClearanceMode, Order, wire};
use crossborder_fuzz::{check_pointers, check_report, date, document, json};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(w) = json::<wire::Order>(data) else {
        return;
    };
    let doc = document(data);
    let (order, conversion) = Order::from_wire(w.clone()).into_parts();
    check_report(&conversion);
    for mode in [None, Some(ClearanceMode::Bc), Some(ClearanceMode::Cc)] {
        let mut context = Context::new(date(data));
        if let Some(m) = mode {
            context = context.with_mode(m);
        }
        let assessed = tax::assess(&order, &context);
        check_report(assessed.report());
        assert_eq!(&tax::assess(&order, &context), &assessed, "not deterministic");
        let (_, rules) = Validator::default()
            .validate_order(w.clone(), Declaration::Order, &context)
            .into_parts();
        check_report(&rules);
        if let Some(doc) = &doc {
            check_pointers(&conversion, doc);
            check_pointers(assessed.report(), doc);
            check_pointers(&rules, doc);
        }
    }
});
