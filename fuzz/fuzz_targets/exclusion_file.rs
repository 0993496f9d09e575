//! A seller's exclusion file: every answer of the index agrees with its own
//! entries, with and without a hash key.
#![no_main]

use crossborder::{Country, SellerExclusions};
use crossborder_fuzz::{check_report, text};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else {
        return;
    };
    let (plain, report) = SellerExclusions::parse_csv(text);
    check_report(&report);
    let (keyed, keyed_report) = SellerExclusions::parse_csv_with_key(text, 0x5eed);
    assert_eq!(report, keyed_report);
    assert_eq!(plain.len(), keyed.len());
    let rebuilt = SellerExclusions::from_entries(plain.entries()).unwrap();
    assert_eq!(rebuilt.len(), plain.len());
    for line in text.lines() {
        let id = line.split(',').next().unwrap_or("").trim();
        for country in [Country::CA, Country::MX, Country::BR] {
            let want = plain.check(id, country);
            assert_eq!(keyed.check(id, country), want, "{id:?}");
            assert_eq!(rebuilt.check(id, country), want, "{id:?}");
        }
        assert_eq!(keyed.product_exclusions(id), plain.product_exclusions(id));
    }
});
