//! A parcel for the destination low-value regimes (`tax`): read,
//! converted and assessed against the built-in table.
#![no_main]

use crossborder::ExchangeRates;
use crossborder::tax::{ParcelJson, RegimeTable};
use crossborder_fuzz::{check_report, json};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(parcel) = json::<ParcelJson>(data) else {
        return;
    };
    if let Err(report) = parcel.to_parcel() {
        check_report(&report);
    }
    let assessment = parcel.assess(RegimeTable::builtin(), &ExchangeRates::new());
    check_report(assessment.report());
});
