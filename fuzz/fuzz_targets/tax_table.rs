//! A caller's China tax table (`tax::TaxTableJson`): read and
//! converted; a table that converts writes back and reads as itself, and
//! taxes the sample orders (alone and on top of the built-in table) in each
//! clearance mode on a date the input picks. Every report is well-formed,
//! the table's pointers name places in the input, the order's name places
//! in the order, and the assessment is deterministic.
#![no_main]

use crossborder::declaration::Context;
use crossborder::tax::{self, TaxTable, TaxTableJson};
use crossborder::{ClearanceMode, Order, wire};
use crossborder_fuzz::{check_pointers, check_report, date, document, json, json_round_trip};

const ORDERS: [&str; 2] = [
    include_str!("../../examples/samples/order_import_tax.json"),
    include_str!("../../examples/samples/order_lens.json"),
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(form) = json::<TaxTableJson>(data) else {
        return;
    };
    json_round_trip(&form);
    let own = match form.to_table() {
        Ok(table) => table,
        Err(report) => {
            assert!(report.has_errors());
            check_report(&report);
            if let Some(doc) = document(data) {
                check_pointers(&report, &doc);
            }
            return;
        }
    };
    json_round_trip(&own);
    assert_eq!(TaxTableJson::from(&own).to_table().as_ref(), Ok(&own));
    let mut on_default = TaxTable::china_default();
    on_default.extend(own.clone());
    for text in ORDERS {
        let w: wire::Order = wire::from_json(text.as_bytes()).unwrap();
        let order = Order::from_wire(w).into_parts().0;
        let doc = document(text.as_bytes()).unwrap();
        for table in [&own, &on_default] {
            for mode in [None, Some(ClearanceMode::Bc), Some(ClearanceMode::Cc)] {
                let mut context = Context::new(date(data)).with_tax_table(table.clone());
                if let Some(m) = mode {
                    context = context.with_mode(m);
                }
                let assessed = tax::assess(&order, &context);
                check_report(assessed.report());
                check_pointers(assessed.report(), &doc);
                assert_eq!(&tax::assess(&order, &context), &assessed, "not deterministic");
            }
        }
    }
});
