//! Reliability under hostile input (issue 15): the reproducers of the
//! quadratic validation (item 2), the hash flood of the exclusion index
//! (item 3) and the unbounded echoes (item 9), kept as regression tests.
//!
//! A quadratic path cannot be caught by a timing assertion here (the
//! machine is shared); these tests run the hostile shapes at a size where
//! the old code was already slow and check every answer, and
//! `benches/complexity.rs` shows the growth.

use chrono::NaiveDate;
use crossborder::declaration::{Context, Validator};
use crossborder::{Code, Report, wire};

use crate::common::hostile;

fn context() -> Context {
    Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap())
}

fn validate_product(json: &str) -> Report {
    let w: wire::Product = serde_json::from_str(json).unwrap();
    Validator::default()
        .validate_product(w, &context())
        .into_parts()
        .1
}

// ---- item 2: validation linear in the number of SKUs ----

/// 20,000 distinct SKU numbers took 4.1 s in a release build (every SKU
/// rescanned the earlier ones): now no violation, quickly.
#[test]
fn twenty_thousand_distinct_skus_are_clean() {
    let report = validate_product(&hostile::product_with_skus(20_000, false));
    assert!(
        report.is_empty(),
        "{}",
        report.render(crossborder::Language::English)
    );
}

/// Every SKU of the second half repeats one of the first half: each repeat
/// is reported once, in document order, pointing at the first SKU of its
/// number.
#[test]
fn repeated_sku_numbers_point_at_their_first_use() {
    let n = 10_000;
    let mut product: serde_json::Value =
        serde_json::from_str(&hostile::product_with_skus(n, false)).unwrap();
    let skus = product["skus"].as_array_mut().unwrap();
    for i in n / 2..n {
        // " SKU-000003 " repeats SKU-000003: numbers are compared trimmed.
        skus[i]["skuNumber"] = format!(" SKU-{:06} ", i - n / 2).into();
    }
    let report = validate_product(&product.to_string());
    assert_eq!(report.len(), n / 2);
    for (k, v) in report.iter().enumerate() {
        let i = n / 2 + k;
        assert_eq!(v.code(), &Code::SKU_DUPLICATE_NUMBER);
        assert_eq!(v.pointer().as_str(), format!("/skus/{i}/skuNumber"));
        assert_eq!(v.value(), Some(format!("SKU-{:06}", k).as_str()));
        assert!(
            v.message_en()
                .ends_with(&format!("already used at /skus/{k}")),
            "{}",
            v.message_en()
        );
    }
}

/// A number used three times: the second and third use both point at the
/// first.
#[test]
fn a_number_used_three_times_is_reported_twice() {
    let json = r#"{"name":"T恤","hsCode":"6109100011","country":"CN","price":59.9,"expressType":"BC",
        "netWeight":0.2,"grossWeight":0.25,
        "skus":[{"skuNumber":"B"},{"skuNumber":"A"},{"skuNumber":"B"},{"skuNumber":"C"},{"skuNumber":"B"}]}"#;
    let report = validate_product(json);
    let found: Vec<_> = report
        .iter()
        .map(|v| (v.pointer().as_str(), v.message_en()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "/skus/2/skuNumber",
                r#"SKU number "B" is already used at /skus/0"#
            ),
            (
                "/skus/4/skuNumber",
                r#"SKU number "B" is already used at /skus/0"#
            ),
        ]
    );
}

/// Every SKU's price is malformed and the product has none: the conversion
/// reports each bad price, and the merge drops the rule's "missing price"
/// for each (it scanned the whole conversion report for every one).
#[test]
fn twenty_thousand_bad_prices_are_reported_once_each() {
    let n = 20_000;
    let report = validate_product(&hostile::product_with_skus(n, true));
    assert_eq!(report.len(), n);
    for (i, v) in report.iter().enumerate() {
        assert_eq!(v.code(), &Code::NUMBER_INVALID);
        assert_eq!(v.pointer().as_str(), format!("/skus/{i}/price"));
    }
}
