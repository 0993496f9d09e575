//! Property tests: parsers round-trip and never panic; converting any JSON
//! object never panics, and every pointer it reports resolves in that object.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use crossborder::declaration::{Context, Declaration, Validator};
use crossborder::{ClearanceMode, ExchangeRates};
use crossborder::{
    Currency, HsCode, MassUnit, Money, Order, Product, Timestamp, Weight, parse_country, wire,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

fn hs_code() -> impl Strategy<Value = String> {
    (
        (1u8..=97).prop_filter("77 is reserved", |c| *c != 77),
        "[0-9]{4,11}",
    )
        .prop_map(|(chapter, rest)| format!("{chapter:02}{rest}"))
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=12).prop_map(|(m, s)| Decimal::new(m, s))
}

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec![
        Currency::CNY,
        Currency::USD,
        Currency::EUR,
        Currency::JPY,
        Currency::HKD,
        Currency::GBP,
    ])
}

fn unit() -> impl Strategy<Value = MassUnit> {
    prop::sample::select(MassUnit::ALL.to_vec())
}

proptest! {
    #[test]
    fn hs_code_round_trips(digits in hs_code(), sep in prop::sample::select(vec!["", ".", " "])) {
        let code = HsCode::parse(&digits).unwrap();
        prop_assert_eq!(code.to_string(), digits.clone());
        prop_assert_eq!(code.to_string().parse::<HsCode>().unwrap(), code);
        // A separated form reads as the same code.
        let separated = format!("{}{sep}{}{sep}{}", &digits[..4], &digits[4..6], &digits[6..]);
        let separated = separated.trim_end_matches(['.', ' ']);
        prop_assert_eq!(HsCode::parse(separated).unwrap(), code);
    }

    #[test]
    fn money_round_trips(amount in decimal(), c in currency()) {
        let m = Money::new(amount, c);
        let back: Money = m.to_string().parse().unwrap();
        prop_assert_eq!(back, m);
        prop_assert_eq!(back.amount().scale(), amount.scale());
    }

    #[test]
    fn weight_round_trips(m in 0i64..i64::MAX, s in 0u32..=10, u in unit()) {
        let w = Weight::new(Decimal::new(m, s), u).unwrap();
        let back: Weight = w.to_string().parse().unwrap();
        prop_assert_eq!(back, w);
        prop_assert_eq!(back.value(), w.value());
        prop_assert_eq!(back.unit(), w.unit());
    }

    #[test]
    fn weights_equal_in_any_unit(m in 0i64..1_000_000_000, s in 0u32..=6, a in unit(), b in unit()) {
        let w = Weight::new(Decimal::new(m, s), a).unwrap();
        let converted = w.to_unit(b).unwrap();
        // Kilograms and grams always convert exactly, so equality is exact.
        if matches!(b, MassUnit::Kilogram | MassUnit::Gram) {
            prop_assert_eq!(converted, w);
        }
    }

    #[test]
    fn parsers_never_panic(s in any::<String>()) {
        let _ = HsCode::parse(&s);
        let _ = s.parse::<Money>();
        let _ = s.parse::<Weight>();
        let _ = s.parse::<crossborder::Dimensions>();
        let _ = s.parse::<Timestamp>();
        let _ = parse_country(&s);
        let _ = wire::parse_decimal(&s);
        let _ = s.parse::<crossborder::JsonPointer>();
    }

    #[test]
    fn timestamps_round_trip(secs in -2_000_000_000i64..4_000_000_000, off in -12i32..=14) {
        let offset = chrono::FixedOffset::east_opt(off * 3600).unwrap();
        let at = chrono::DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&offset);
        let t = Timestamp::from_datetime(at);
        prop_assert_eq!(t.to_string().parse::<Timestamp>().unwrap(), t);
    }
}

// ---- arbitrary declarations ----

fn validator() -> &'static Validator {
    static V: std::sync::OnceLock<Validator> = std::sync::OnceLock::new();
    V.get_or_init(Validator::default)
}

/// A context under which every rule can run: a mode for the mode rules,
/// rates for every generated currency, and spending for the annual limit.
fn any_context() -> Context {
    let mut rates = ExchangeRates::new();
    for c in [Currency::USD, Currency::EUR, Currency::JPY] {
        rates.insert(c, Currency::CNY, Decimal::new(7, 0)).unwrap();
    }
    Context::new(chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap())
        .with_mode(ClearanceMode::Bc)
        .with_rates(rates)
        .with_annual_spent(Money::new(Decimal::MAX, Currency::CNY))
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        Just(json!(1e300)),
        Just(json!(-0.0)),
        Just(json!(u64::MAX)),
        "[ -~]{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "RMB",
            "usd",
            "Kilogram",
            "lb",
            "8518.30",
            "77",
            "2024-05-01",
            "2024-05-01T10:00:00+08:00",
            "BC",
            "cc",
            "draft",
            "douyin",
            "HZ",
            "Female",
            "CN",
            "中国",
            "-1",
            "1e-7",
            "1e40",
            "12,5",
            "",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ]
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Text,
    Num,
    Flag,
}

fn text() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "RMB", "usd", "XXY", "Kilogram", "lb", "stone", "8518.30", "851830", "77", "8518", "85A8",
            "2024-05-01", "2024-05-01T10:00:00+08:00", "2024-02-30", "BC", "cc", "EMS", "draft", "archived",
            "douyin", "temu", "HZ", "BJ", "Female", "X", "CN", "中国", "Atlantis", "",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
        1 => "[ -~]{0,12}".prop_map(Value::String),
        1 => Just(Value::Null),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        2 => any::<i32>().prop_map(Value::from),
        2 => (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(m, s)| json!(m as f64 / 10f64.powi(s as i32))),
        1 => prop::sample::select(vec![json!(1e300), json!(-0.0), json!(u64::MAX), json!(1.5), json!("12.50"), json!("12,5"), json!("1e-7"), json!("abc"), Value::Null,
            // Large but valid: totals over them overflow a decimal.
            json!("79228162514264337593543950335"), json!("-79228162514264337593543950335"), json!(4_294_967_295u64), json!("1e25")]),
    ]
    .boxed()
}

fn value_of(kind: Kind) -> BoxedStrategy<Value> {
    let typed = match kind {
        Kind::Text => text(),
        Kind::Num => number(),
        Kind::Flag => prop_oneof![any::<bool>().prop_map(Value::Bool), Just(Value::Null)].boxed(),
    };
    // Now and then a value of the wrong JSON type, which serde must reject.
    prop_oneof![30 => typed, 1 => scalar()].boxed()
}

fn object_of(keys: &'static [(&'static str, Kind)]) -> BoxedStrategy<Value> {
    let entries: Vec<BoxedStrategy<(&'static str, Value)>> = keys
        .iter()
        .map(|&(k, kind)| value_of(kind).prop_map(move |v| (k, v)).boxed())
        .collect();
    (entries, prop::collection::vec(any::<bool>(), keys.len()))
        .prop_map(|(pairs, keep)| {
            Value::Object(
                pairs
                    .into_iter()
                    .zip(keep)
                    .filter(|(_, k)| *k)
                    .map(|((k, v), _)| (k.to_owned(), v))
                    .collect::<Map<_, _>>(),
            )
        })
        .boxed()
}

use Kind::{Flag, Num, Text};

const PRODUCT_KEYS: &[(&str, Kind)] = &[
    ("productId", Text),
    ("name", Text),
    ("currency", Text),
    ("massUnit", Text),
    ("price", Num),
    ("rrp", Num),
    ("netWeight", Num),
    ("grossWeight", Num),
    ("isCombined", Flag),
    ("status", Text),
    ("country", Text),
    ("shelfLife", Num),
    ("createdAt", Text),
    ("updatedAt", Text),
    ("shippingCost", Num),
    ("shippingTime", Num),
    ("hsCode", Text),
    ("warrantyPeriod", Num),
    ("expressType", Text),
    ("discount", Num),
    ("taxRate", Num),
    ("brand", Text),
    ("unknownField", Num),
];
const SKU_KEYS: &[(&str, Kind)] = &[
    ("skuNumber", Text),
    ("price", Num),
    ("cost", Num),
    ("barcode", Text),
    ("quantity", Num),
    ("netWeight", Num),
    ("grossWeight", Num),
    ("shippingTime", Num),
    ("customsUnitCodeWeight", Text),
    ("availableStock", Num),
    ("warehouseStock", Num),
];
const ORDER_KEYS: &[(&str, Kind)] = &[
    ("orderId", Text),
    ("platformName", Text),
    ("orderType", Text),
    ("expressType", Text),
    ("currency", Text),
    ("customsCode", Text),
    ("createdAt", Text),
    ("paidAt", Text),
    ("payAmount", Num),
    ("refundAmount", Num),
    ("productsTotalTax", Num),
    ("shippingCost", Num),
    ("insuranceFee", Num),
    ("campaignTrackingData", Num),
    ("isSubOrder", Flag),
];
const ITEM_KEYS: &[(&str, Kind)] = &[
    ("itemId", Text),
    ("quantity", Num),
    ("price", Num),
    ("discount", Num),
    ("tax", Num),
    ("refundAmount", Num),
];
const PARTY_KEYS: &[(&str, Kind)] = &[
    ("firstName", Text),
    ("country", Text),
    ("tin", Text),
    ("age", Num),
    ("gender", Text),
];

fn with(
    base: BoxedStrategy<Value>,
    key: &'static str,
    child: BoxedStrategy<Value>,
) -> BoxedStrategy<Value> {
    (base, prop::option::of(child))
        .prop_map(move |(mut v, c)| {
            if let (Value::Object(m), Some(c)) = (&mut v, c) {
                m.insert(key.to_owned(), c);
            }
            v
        })
        .boxed()
}

fn product() -> BoxedStrategy<Value> {
    let skus = prop::collection::vec(object_of(SKU_KEYS), 0..4)
        .prop_map(Value::Array)
        .boxed();
    with(object_of(PRODUCT_KEYS), "skus", skus)
}

fn order() -> BoxedStrategy<Value> {
    let item = with(object_of(ITEM_KEYS), "product", product());
    let items = prop::collection::vec(item, 0..3)
        .prop_map(Value::Array)
        .boxed();
    let o = with(object_of(ORDER_KEYS), "items", items);
    let o = with(o, "customer", object_of(PARTY_KEYS));
    with(o, "payer", object_of(PARTY_KEYS))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn converting_any_product_never_panics_and_pointers_resolve(v in product()) {
        if let Ok(w) = serde_json::from_value::<wire::Product>(v.clone()) {
            let converted = Product::from_wire(w);
            for violation in converted.report() {
                prop_assert!(v.pointer(violation.pointer().as_str()).is_some(), "{}", violation.pointer());
            }
            let _ = serde_json::to_value(converted.value()).unwrap();
            let validated = validator().validate_product(serde_json::from_value(v.clone()).unwrap(), &any_context());
            for violation in validated.report() {
                prop_assert!(v.pointer(violation.pointer().as_str()).is_some(), "{}", violation.pointer());
            }
        }
    }

    #[test]
    fn converting_any_order_never_panics_and_pointers_resolve(v in order()) {
        if let Ok(w) = serde_json::from_value::<wire::Order>(v.clone()) {
            let converted = Order::from_wire(w);
            for violation in converted.report() {
                prop_assert!(v.pointer(violation.pointer().as_str()).is_some(), "{}", violation.pointer());
            }
            let _ = serde_json::to_value(converted.value()).unwrap();
            for declaration in [Declaration::Order, Declaration::OrderUpdate, Declaration::Payment] {
                let w = serde_json::from_value(v.clone()).unwrap();
                let validated = validator().validate_order(w, declaration, &any_context());
                for violation in validated.report() {
                    prop_assert!(v.pointer(violation.pointer().as_str()).is_some(), "{}", violation.pointer());
                }
            }
        }
    }

    #[test]
    fn wire_structs_write_back_what_they_read(v in product()) {
        if let Ok(w) = serde_json::from_value::<wire::Product>(v.clone()) {
            let again: wire::Product = serde_json::from_value(serde_json::to_value(&w).unwrap()).unwrap();
            prop_assert_eq!(again, w);
        }
    }
}

#[test]
fn generated_declarations_mostly_deserialize_and_find_problems() {
    // Guards the properties above against testing nothing: enough generated
    // documents must get through serde and produce violations.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut parsed, mut with_violations) = (0, 0);
    for _ in 0..300 {
        let v = order().new_tree(&mut runner).unwrap().current();
        if let Ok(w) = serde_json::from_value::<wire::Order>(v) {
            parsed += 1;
            if !Order::from_wire(w).report().is_empty() {
                with_violations += 1;
            }
        }
    }
    assert!(
        parsed >= 100,
        "only {parsed} of 300 generated orders deserialized"
    );
    assert!(
        with_violations >= 50,
        "only {with_violations} produced violations"
    );
}
