//! The reliability review's reproducers for the wire layer (issue 15, items
//! 1 and 4 to 8), each kept as a test, and the property that the exact number
//! reader agrees with the print-and-reparse reader it replaced.

use chrono::NaiveDate;
use crossborder::declaration::{Context, Validator};
use crossborder::wire::{self, JsonErrorKind, Number, NumberError};
use crossborder::{Currency, Money, Product, Weight};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn codes_at(report: &crossborder::Report, pointer: &str) -> Vec<String> {
    report
        .iter()
        .filter(|v| v.pointer().as_str() == pointer)
        .map(|v| v.code().to_string())
        .collect()
}

fn validate(json: &str) -> crossborder::Report {
    let w: wire::Product = wire::from_json(json.as_bytes()).unwrap();
    let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    Validator::default()
        .validate_product(w, &context)
        .into_parts()
        .1
}

// Item 1: an exponent that overflowed a negation in the number parser.
#[test]
fn a_huge_negative_exponent_is_out_of_range_not_a_panic() {
    let report = validate(r#"{"price": "1e-9223372036854775808", "hsCode": "6109100000"}"#);
    assert_eq!(codes_at(&report, "/price"), ["number.out_of_range"]);
    let report = validate(r#"{"price": 1e-9223372036854775808, "hsCode": "6109100000"}"#);
    assert_eq!(codes_at(&report, "/price"), ["number.out_of_range"]);
    assert!("1e-9223372036854775808 CNY".parse::<Money>().is_err());
    assert!("1e-9223372036854775808 kg".parse::<Weight>().is_err());
    assert!(wire::parse_decimal("-1e9223372036854775807").is_err());
}

// Item 4: an object that was read as NaN and written back as null.
#[test]
fn an_object_is_never_a_number() {
    let reproducer = r#"{"price": {"$serde_json::private::Number": "abc"}}"#;
    let err = wire::from_json::<wire::Product>(reproducer.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), JsonErrorKind::Structure);
    assert_eq!(err.pointer().as_str(), "/price");
    assert!(serde_json::from_str::<wire::Product>(reproducer).is_err());
    // In a text field: not text either.
    let text = r#"{"name": {"$serde_json::private::Number": "abc"}}"#;
    let err = wire::from_json::<wire::Product>(text.as_bytes()).unwrap_err();
    assert_eq!(err.pointer().as_str(), "/name");
    for (json, pointer) in [
        (
            r#"{"price": {"$serde_json::private::Number": "abc"}, "name": "x"}"#,
            "/price",
        ),
        (
            r#"{"name": {"$serde_json::private::Number": "abc"}, "price": 1}"#,
            "/name",
        ),
        (r#"{"skus": [{"price": true}]}"#, "/skus/0/price"),
        (r#"{"skus": [{"cost": [1]}, {}]}"#, "/skus/0/cost"),
    ] {
        let err = wire::from_json::<wire::Product>(json.as_bytes()).unwrap_err();
        assert_eq!(err.pointer().as_str(), pointer, "{json}");
    }
    // In free-form JSON it is an object, kept as one.
    let order = r#"{"campaignTrackingData":{"x":{"$serde_json::private::Number":"abc"}}}"#;
    let o: wire::Order = wire::from_json(order.as_bytes()).unwrap();
    let back = serde_json::to_string(&o).unwrap();
    assert!(
        back.contains(r#""campaignTrackingData":{"x":{"$serde_json::private::Number":"abc"}}"#),
        "{back}"
    );
    // The map arbitrary_precision sends is still a number when it holds one.
    let n: Number = serde_json::from_str(r#"{"$serde_json::private::Number": "19.99"}"#).unwrap();
    assert_eq!(n.decimal().unwrap(), Decimal::new(1999, 2));
}

// Item 5: amounts written as f64 changed on the way out.
#[test]
fn amounts_are_written_exactly_and_the_domain_round_trip_is_exact() {
    for text in [
        "12345678901234567.89",
        "0.1234567890123456789",
        "-7922816251426433759354395033.5",
    ] {
        let amount = Decimal::from_str_exact(text).unwrap();
        let mut p = Product::new(Currency::CNY);
        p.price = Some(Money::new(amount, Currency::CNY));
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains(&format!("\"price\":{text}")), "{json}");
        let back: Product = serde_json::from_str(&json).unwrap();
        assert_eq!(back.price.map(|m| m.amount()), Some(amount));
        assert_eq!(back, p);
    }
}

// Item 6: numbers beyond f64.
#[test]
fn numbers_beyond_f64_are_reported_at_their_pointer() {
    // 1e400 rejected the whole document: now one bad value among others.
    let report =
        validate(r#"{"price": 1e400, "hsCode": "85", "skus": [{"skuNumber": "A", "price": 10}]}"#);
    assert_eq!(codes_at(&report, "/price"), ["number.out_of_range"]);
    assert_eq!(codes_at(&report, "/hsCode"), ["hs_code.invalid"]);
    // 1e-400 was read as 0 and called "not positive".
    let report =
        validate(r#"{"hsCode": "6109100000", "skus": [{"skuNumber": "A", "price": 1e-400}]}"#);
    assert_eq!(codes_at(&report, "/skus/0/price"), ["number.out_of_range"]);
    // 1e-28 is a valid decimal.
    let w: wire::Product = wire::from_json(br#"{"taxRate": 1e-28}"#).unwrap();
    let p = Product::from_wire(w).into_result().unwrap();
    assert_eq!(p.tax_rate, Some(Decimal::new(1, 28)));
    // And every one of them is written back as it came.
    let w: wire::Product =
        wire::from_json(br#"{"price":1e400,"rrp":-1e-400,"discount":1e-28}"#).unwrap();
    let out = serde_json::to_string(&w).unwrap();
    assert!(
        out.contains(r#""price":1e400"#) && out.contains(r#""rrp":-1e-400"#),
        "{out}"
    );
    assert!(matches!(
        w.price.unwrap().decimal(),
        Err(NumberError::OutOfRange(_))
    ));
}

// Item 7: arrays read by position.
#[test]
fn an_array_where_an_object_belongs_is_a_structural_error_at_its_pointer() {
    for (json, pointer) in [(r#"["P-1","蓝牙耳机"]"#, ""), ("[]", "")] {
        let err = wire::from_json::<wire::Product>(json.as_bytes()).unwrap_err();
        assert_eq!(
            (err.kind(), err.pointer().as_str()),
            (JsonErrorKind::Structure, pointer),
            "{json}"
        );
    }
    let err =
        wire::from_json::<wire::Order>(br#"{"orderId": "SO-1", "customer": ["Zhang","San"]}"#)
            .unwrap_err();
    assert_eq!(
        (err.kind(), err.pointer().as_str()),
        (JsonErrorKind::Structure, "/customer")
    );
    assert_eq!((err.line(), err.column()), (1, 33));
    let err = wire::from_json::<wire::Order>(br#"{"items": [{"product": {"skus": [{}, []]}}]}"#)
        .unwrap_err();
    assert_eq!(err.pointer().as_str(), "/items/0/product/skus/1");
}

// Item 8: what the quickstart reads through (wire::from_json).
#[test]
fn duplicate_members_bom_and_positions() {
    let json = "{\n  \"name\": \"T恤\",\n  \"name\": \"衬衫\"\n}";
    let err = wire::from_json::<wire::Product>(json.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), JsonErrorKind::DuplicateMember);
    assert_eq!(err.pointer().as_str(), "/name");
    assert_eq!((err.line(), err.column()), (3, 8));
    let v = err.to_violation();
    assert_eq!(v.code().as_str(), "json.duplicate_member");
    assert!(
        v.message_en().contains("line 3, column 8"),
        "{}",
        v.message_en()
    );
    let bom = "\u{feff}{\"name\": \"T恤\"}";
    let p: wire::Product = wire::from_json(bom.as_bytes()).unwrap();
    assert_eq!(p.name.as_deref(), Some("T恤"));
    for bad in [
        "{\"name\": }",
        "{\"isOnsale\": \"yes\"}",
        "{\"skus\": {}}",
        "{",
    ] {
        let err = wire::from_json::<wire::Product>(bad.as_bytes()).unwrap_err();
        assert!(err.line() >= 1 && err.column() >= 1, "{bad}");
        assert!(
            err.to_violation().message_en().contains("line 1, column"),
            "{bad}"
        );
    }
}

/// The reader the crate used before: serde_json's f64, printed as its
/// shortest text, read as a decimal.
fn print_and_reparse(json: &str) -> Option<Decimal> {
    let f: f64 = serde_json::from_str(json).ok()?;
    if !f.is_finite() {
        return None;
    }
    Decimal::from_str_exact(&f.to_string()).ok()
}

fn new_reader(json: &str) -> Result<Decimal, NumberError> {
    serde_json::from_str::<Number>(json).unwrap().decimal()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_exact_reader_agrees_with_print_and_reparse_up_to_15_digits(
        mantissa in -999_999_999_999_999i64..=999_999_999_999_999i64,
        scale in 0u32..=28,
        exponent_form in any::<bool>(),
    ) {
        let d = Decimal::new(mantissa, scale);
        let json = if exponent_form {
            format!("{mantissa}e-{scale}")
        } else {
            d.to_string()
        };
        let new = new_reader(&json);
        prop_assert_eq!(new.as_ref().ok(), Some(&d), "{}", json);
        // Where serde_json's f64 parse was correctly rounded, the old reader
        // gave the same decimal. (Where it was not, the old reader was off:
        // -0.0000000000016704660288817 came back ending in ...816999.)
        if serde_json::from_str::<f64>(&json).ok() == json.parse::<f64>().ok() {
            prop_assert_eq!(print_and_reparse(&json), Some(d), "{}", json);
        }
    }

    #[test]
    fn the_exact_reader_agrees_with_print_and_reparse_on_any_f64(bits in any::<u64>()) {
        let f = f64::from_bits(bits);
        prop_assume!(f.is_finite());
        let json = serde_json::to_string(&f).unwrap();
        let new = new_reader(&json);
        // The new reader reads the text: exactly the decimal written.
        match wire::parse_decimal(&json) {
            Ok(exact) => prop_assert_eq!(new.clone().ok(), Some(exact)),
            Err(_) => prop_assert!(matches!(new, Err(NumberError::OutOfRange(_)))),
        }
        // Where serde_json's own f64 parse was right (and it usually is),
        // the old reader gave the same decimal; where it held none, neither
        // does the new one.
        // Up to 15 significant digits (beyond, two shortest texts of one
        // f64 may differ in their last digit).
        let digits = new.as_ref().map_or(99, |d| d.normalize().mantissa().unsigned_abs().to_string().len());
        if digits <= 15 && serde_json::from_str::<f64>(&json).ok() == Some(f) {
            prop_assert_eq!(print_and_reparse(&json), new.ok(), "{}", json);
        }
    }
}

#[test]
fn wire_round_trip_is_lossless_for_long_and_huge_numbers() {
    let json = r#"{"price":0.12345678901234567,"rrp":"0.123456789012345678901234567","netWeight":1e400,"skus":[{"price":18446744073709551616,"cost":-0.0}]}"#;
    let w: wire::Product = wire::from_json(json.as_bytes()).unwrap();
    let again: wire::Product =
        wire::from_json(serde_json::to_string(&w).unwrap().as_bytes()).unwrap();
    assert_eq!(again, w);
    assert_eq!(
        w.price.as_ref().unwrap().decimal().unwrap().to_string(),
        "0.12345678901234567"
    );
}
