//! HS look-up and search by product name, in both editions.
#![no_main]

use crossborder::hs::{self, HsEdition};
use crossborder_fuzz::text;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(query) = text(data) else {
        return;
    };
    for edition in [HsEdition::Hs2022, HsEdition::Hs2017] {
        let limit = usize::from(data.first().copied().unwrap_or(0) % 12);
        let hits = hs::search_with(query, edition, limit);
        assert!(hits.len() <= limit);
        let _ = hs::lookup(query, edition);
        if let Ok(code) = query.parse::<crossborder::HsCode>() {
            let _ = hs::check(code, edition);
        }
    }
});
