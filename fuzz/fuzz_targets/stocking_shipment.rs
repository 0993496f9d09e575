//! A stocking shipment (`shipment::ShipmentJson`): read, checked on a
//! date the input picks, written back and read again. Every report is
//! well-formed, its pointers name places in the input, the check is
//! deterministic, and the JSON form round-trips; a shipment checked
//! without an error checks the same from its own written form.
#![no_main]

use crossborder::shipment::ShipmentJson;
use crossborder::shipment::{CheckOptions, check};
use crossborder_fuzz::{check_pointers, check_report, date, document, json, json_round_trip};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(shipment) = json::<ShipmentJson>(data) else {
        return;
    };
    let doc = document(data);
    for options in [CheckOptions::new(), CheckOptions::new().as_of(date(data))] {
        let checked = check(&shipment, &options);
        let report = checked.report();
        check_report(report);
        if let Some(doc) = &doc {
            check_pointers(report, doc);
        }
        assert_eq!(
            check(&shipment, &options).report(),
            report,
            "not deterministic"
        );
        if !report.has_errors() {
            let written = serde_json::to_vec(&shipment).unwrap();
            let back: ShipmentJson = crossborder::wire::from_json(&written).unwrap();
            assert_eq!(
                check(&back, &options).report(),
                report,
                "checks differently once written"
            );
        }
    }
    json_round_trip(&shipment);
});
