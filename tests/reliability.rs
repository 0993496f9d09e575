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
    for (k, sku) in skus.iter_mut().skip(n / 2).enumerate() {
        // " SKU-000003 " repeats SKU-000003: numbers are compared trimmed.
        sku["skuNumber"] = format!(" SKU-{k:06} ").into();
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

// ---- item 9: bounded echoes ----

/// The longest a cut value may be: 64 characters and the marker.
const MAX_VALUE_CHARS: usize = crossborder::ECHO_MAX_CHARS + "…[+10000000 chars]".len();

/// Every value is cut, and every message short: a message quotes at most
/// one or two cut values next to its own text.
fn assert_bounded(report: &Report) {
    assert!(!report.is_empty());
    for v in report {
        if let Some(value) = v.value() {
            assert!(value.chars().count() <= MAX_VALUE_CHARS, "{value}");
        }
        for m in [v.message_en(), v.message_zh()] {
            assert!(m.chars().count() <= 400, "{} chars: {m}", m.chars().count());
        }
    }
}

/// The reproducer: a 10 MB `hsCode` was copied into the value and both
/// messages, a 31 MB report. Now about half a kilobyte.
#[test]
fn a_ten_megabyte_hs_code_is_echoed_in_64_characters() {
    let huge = "85A8".repeat(2_500_000);
    let json = format!(r#"{{"name":"耳机","hsCode":"{huge}","country":"CN","price":1}}"#);
    let report = validate_product(&json);
    assert_bounded(&report);
    let v = report
        .iter()
        .find(|v| v.code() == &Code::HS_CODE_INVALID)
        .unwrap();
    assert_eq!(v.pointer().as_str(), "/hsCode");
    let value = v.value().unwrap();
    assert_eq!(value, format!("{}…[+9999936 chars]", &huge[..64]));
    assert!(
        v.message_en()
            .contains(&format!("\"{}\"…[+9999936 chars]", &huge[..64]))
    );
    assert!(v.message_zh().contains("…[+9999936 chars]"));
    let bytes = serde_json::to_vec(&report).unwrap();
    assert!(bytes.len() < 4_000, "{} bytes", bytes.len());
}

/// Every text field of a product and its SKU a megabyte long: every value
/// and message of the report stays short.
#[test]
fn every_long_field_of_a_product_is_cut() {
    let long = |c: char| c.to_string().repeat(1_000_000);
    let product = serde_json::json!({
        "name": long('名'),
        "hsCode": long('x'),
        "country": long('Q'),
        "currency": long('Z'),
        "massUnit": long('m'),
        "expressType": long('E'),
        "status": long('s'),
        "createdAt": long('t'),
        "barcode": long('b'),
        "skus": [{
            "skuNumber": long('S'), "barcode": long('9'),
            "customsUnitCode": long('u'),
        }, {"skuNumber": long('S')}],
    });
    let report = validate_product(&product.to_string());
    assert_bounded(&report);
    let codes: Vec<_> = report.iter().map(|v| v.code().as_str()).collect();
    for code in [
        "hs_code.invalid",
        "country.unknown",
        "currency.unknown",
        "mass_unit.unknown",
        "clearance_mode.unknown",
        "status.unknown",
        "timestamp.invalid",
        "barcode.invalid",
        "sku.duplicate_number",
        "customs_unit.unknown",
    ] {
        assert!(codes.contains(&code), "{code} not in {codes:?}");
    }
}

/// The value parsers' errors quote the input cut, in both languages.
#[test]
fn parse_errors_quote_their_input_cut() {
    use crossborder::{
        ClearanceMode, CustomsUnit, Dimensions, Gtin, HsCode, JsonPointer, Money, ProductId,
        ResidentId, Timestamp, Weight, eligibility::HsPrefix, parse_country, parse_currency,
    };
    let long = "Z".repeat(100_000);
    let bounded = |text: String| {
        assert!(
            text.chars().count() <= 300,
            "{} chars: {text}",
            text.chars().count()
        );
        assert!(text.contains("…[+"), "{text}");
    };
    bounded(HsCode::parse(&long).unwrap_err().to_string());
    bounded(HsCode::parse(&long).unwrap_err().message_zh());
    bounded(Gtin::parse(&long).unwrap_err().to_string());
    bounded(Gtin::parse(&long).unwrap_err().message_zh());
    bounded(ResidentId::parse(&long).unwrap_err().to_string());
    bounded(ResidentId::parse(&long).unwrap_err().message_zh());
    bounded(long.parse::<Timestamp>().unwrap_err().to_string());
    bounded(long.parse::<Timestamp>().unwrap_err().message_zh());
    bounded(long.parse::<Money>().unwrap_err().to_string());
    bounded(long.parse::<Weight>().unwrap_err().to_string());
    bounded(long.parse::<Weight>().unwrap_err().message_zh());
    bounded(long.parse::<Dimensions>().unwrap_err().to_string());
    bounded(parse_country(&long).unwrap_err().to_string());
    bounded(parse_country(&long).unwrap_err().message_zh());
    bounded(parse_currency(&long).unwrap_err().to_string());
    bounded(parse_currency(&long).unwrap_err().message_zh());
    bounded(CustomsUnit::parse(&long).unwrap_err().to_string());
    bounded(CustomsUnit::parse(&long).unwrap_err().message_zh());
    bounded(long.parse::<ClearanceMode>().unwrap_err().to_string());
    bounded(long.parse::<ClearanceMode>().unwrap_err().message_zh());
    bounded(ProductId::new(&long).unwrap_err().to_string());
    bounded(HsPrefix::parse(&long).unwrap_err().to_string());
    bounded(long.parse::<JsonPointer>().unwrap_err().to_string());
}

/// A shipping order with megabyte ids and customers.
#[test]
fn channel_json_echoes_are_cut() {
    use crossborder::channel::ShippingOrderJson;
    let id = "I".repeat(1_000_000);
    let customer = "C".repeat(1_000_000);
    let json = serde_json::json!({"orders": [
        {"id": id, "customer": customer, "program": "A+", "quantity": 1, "currency": "USD",
         "merchantPrice": 1, "merchantShipping": 0},
        {"id": id, "customer": "other", "program": "P".repeat(1_000_000), "quantity": "Q".repeat(1_000_000),
         "currency": "X".repeat(1_000_000), "merchantPrice": "1 ".to_owned() + &"Y".repeat(1_000_000),
         "merchantShipping": 0},
    ]});
    let wire: ShippingOrderJson = serde_json::from_value(json).unwrap();
    let report = wire.to_shipping_order().unwrap_err();
    assert_bounded(&report);
    assert!(report.len() >= 4, "{report}");
}

/// An exclusion file with a megabyte line, product id and country.
#[test]
fn exclusion_file_echoes_are_cut() {
    let long = "L".repeat(1_000_000);
    let text = format!("{long}\nB01,{long}\nB02,CA,{long}\n");
    let (ex, report) = crossborder::SellerExclusions::parse_csv(&text);
    assert!(ex.is_empty());
    assert_eq!(report.len(), 3);
    assert_bounded(&report);
}

/// A caller's own rule that writes a huge message is capped too.
#[test]
fn a_huge_message_is_capped() {
    use crossborder::{JsonPointer, MESSAGE_MAX_CHARS, Severity, Violation};
    let v = Violation::new(
        Code::new("acme.x"),
        Severity::Error,
        JsonPointer::root(),
        "e".repeat(5_000),
        "中".repeat(5_000),
    );
    assert_eq!(
        v.message_en(),
        format!("{}…[+3976 chars]", "e".repeat(MESSAGE_MAX_CHARS))
    );
    assert!(v.message_zh().ends_with("…[+3976 chars]"));
}

// ---- Limits ----

/// A service that sets limits refuses the 100,000-SKU product with one
/// violation, before converting anything.
#[test]
fn limits_refuse_an_oversized_product_with_one_violation() {
    use crossborder::Limits;
    let w: wire::Product =
        serde_json::from_str(&hostile::product_with_skus(100_000, true)).unwrap();
    let validator = Validator::default().with_limits(Limits::none().with_max_skus(10_000));
    let (product, report) = validator
        .validate_product(w.clone(), &context())
        .into_parts();
    assert!(product.skus.is_empty());
    let found: Vec<_> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str(), v.value()))
        .collect();
    assert_eq!(found, [("limit.exceeded", "/skus", Some("100000"))]);
    assert!(report.clone().into_result().is_err());
    // Within the limits, the same validator validates as usual.
    let roomy = Validator::default().with_limits(Limits::none().with_max_skus(100_000));
    assert_eq!(
        roomy.validate_product(w, &context()).report().len(),
        100_000
    );
}

/// Limits apply to any wire document: here a channel shipping order's text.
#[test]
fn limits_check_a_shipping_order() {
    use crossborder::Limits;
    use crossborder::channel::ShippingOrderJson;
    let json = serde_json::json!({"trackingNumber": "T".repeat(300), "orders": []});
    let wire: ShippingOrderJson = serde_json::from_value(json).unwrap();
    let report = Limits::none()
        .with_max_string_bytes(256)
        .check(&wire)
        .unwrap_err();
    assert_eq!(report.as_slice()[0].pointer().as_str(), "/trackingNumber");
    assert!(Limits::default().check(&wire).is_ok());
}

/// Numbers and the JSON reader's own errors quote the input cut too.
#[test]
fn number_and_json_errors_are_cut() {
    let digits = format!("1{}x", "2".repeat(1_000_000));
    let report = validate_product(&format!(r#"{{"name":"T恤","price":"{digits}"}}"#));
    assert_bounded(&report);
    assert!(report.iter().any(|v| v.code() == &Code::NUMBER_INVALID));
    let huge = format!(r#"{{"skus": "{}"}}"#, "s".repeat(1_000_000));
    let err = wire::from_json::<wire::Product>(huge.as_bytes()).unwrap_err();
    assert!(err.to_string().chars().count() < 400, "{err}");
    assert!(err.message_zh().chars().count() < 400);
    let v = err.to_violation();
    assert!(v.message_en().chars().count() < 400);
}

// ---- found by fuzzing (`fuzz/`, target `values`) ----

/// `-204-04-09` was read as a date of the year -204 and written back as
/// `-0204-04-09`, which did not read: a timestamp's year is four digits.
#[test]
fn a_timestamp_year_is_four_digits() {
    use crossborder::Timestamp;
    for bad in [
        "-204-04-09",
        "+2024-05-01",
        "12024-05-01",
        "204-04-09",
        "-0204-04-09T00:00:00Z",
    ] {
        assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
    }
    for good in ["0204-04-09", "2024-05-01", "2024-05-01T12:30:00+08:00"] {
        let t: Timestamp = good.parse().unwrap();
        assert_eq!(t.to_string().parse::<Timestamp>().unwrap(), t, "{good}");
    }
}

// ---- the readers added since: stocking shipment, inventory, tax table ----

use crossborder::shipment::ShipmentJson;
use crossborder::shipment::{self, InventoryJson};
use crossborder::shipment::{CheckOptions, check};
use crossborder::tax::{self, TaxTable, TaxTableJson};
use crossborder::wire::JsonErrorKind;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The stocking sample with every optional part the fixture leaves out, so
/// that each object of the shipment form appears at least once.
fn shipment_doc() -> Value {
    let mut doc: Value =
        serde_json::from_str(include_str!("fixtures/stocking_sample.json")).unwrap();
    doc["warehouse"]["limits"] = json!({"maxCartonWeight": "23 kg", "mixedSkus": false});
    doc["chargeableWeightRule"] = json!({"divisor": "5000 cm3/kg", "basis": "carton"});
    doc["rates"] = json!([{"from": "USD", "to": "CNY", "rate": "7.1"}]);
    doc["skus"][0]["liquid"] = json!({"volumeMl": 100});
    doc["events"] = json!([
        {"stage": "consolidation", "at": "2026-11-18"},
        {"stage": "export_declaration", "at": "2026-11-21",
         "exception": {"kind": "customs_hold", "note": "inspection"}}
    ]);
    doc["receipt"] = json!({"receivedOn": "2026-12-05",
        "lines": [{"sku": "EAR-BLK", "boxNo": 1, "quantity": 80, "damaged": 0}]});
    doc
}

fn inventory_doc() -> Value {
    serde_json::from_str(include_str!("fixtures/stocking_inventory.json")).unwrap()
}

/// The built-in table in its JSON form, with the sample's own row: every
/// part of the tax table form.
fn tax_table_doc() -> Value {
    let mut doc = serde_json::to_value(TaxTable::china_default()).unwrap();
    let own: Value =
        serde_json::from_str(include_str!("../examples/samples/tax_table_lens.json")).unwrap();
    doc["rows"]
        .as_array_mut()
        .unwrap()
        .extend(own["rows"].as_array().unwrap().iter().cloned());
    doc["postalTaxNumbers"] = json!([{"number": "09010000", "tier": 3, "source": "行邮税税目"}]);
    doc
}

fn order_doc() -> Value {
    serde_json::from_str(include_str!("../examples/samples/order_import_tax.json")).unwrap()
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The pointer of every object in `doc`, its root included, in document
/// order.
fn object_pointers(doc: &Value) -> Vec<String> {
    fn walk(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(members) => {
                out.push(at.clone());
                for (k, x) in members {
                    walk(x, format!("{at}/{}", escape(k)), out);
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    walk(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, String::new(), &mut out);
    out
}

/// A pointer with its array indices as `*`: the place in the form.
fn shape(pointer: &str) -> String {
    pointer
        .split('/')
        .map(|s| if s.parse::<usize>().is_ok() { "*" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

/// `doc` reads as a `T`; each of its objects written instead as the array
/// of its member values (which serde's derive reads by position) is a
/// structural error at that object's pointer; `places` (pointers with `*`
/// for indices) are among those checked.
fn assert_objects_only<T: DeserializeOwned>(doc: &Value, places: &[&str]) {
    assert!(wire::from_json::<T>(doc.to_string().as_bytes()).is_ok());
    let mut shapes = Vec::new();
    for p in object_pointers(doc) {
        // The first object of each place is enough (and keeps it quick).
        let s = shape(&p);
        if shapes.contains(&s) {
            continue;
        }
        let mut d = doc.clone();
        let node = d.pointer_mut(&p).unwrap();
        *node = Value::Array(node.as_object().unwrap().values().cloned().collect());
        match wire::from_json::<T>(d.to_string().as_bytes()) {
            Ok(_) => panic!("the array at {p:?} was read as an object"),
            Err(e) => assert_eq!(
                (e.kind(), e.pointer().as_str()),
                (JsonErrorKind::Structure, p.as_str()),
                "{e}"
            ),
        }
        shapes.push(s);
    }
    for place in places {
        assert!(
            shapes.iter().any(|s| s == place),
            "{place} not in {shapes:?}"
        );
    }
}

/// Before: `["PO-1"]` was a shipment whose reference is PO-1, `[]` an empty
/// inventory, `[["3304"]]` a table of one row. Every object of the three
/// forms now reads only from an object.
#[test]
fn the_new_readers_take_objects_never_arrays() {
    let err = wire::from_json::<ShipmentJson>(br#"["PO-1"]"#).unwrap_err();
    assert_eq!(
        (err.kind(), err.pointer().as_str()),
        (JsonErrorKind::Structure, "")
    );
    let err = wire::from_json::<InventoryJson>(b"[]").unwrap_err();
    assert_eq!(err.code(), Code::JSON_STRUCTURE);
    let err = wire::from_json::<TaxTableJson>(br#"{"rows": [["3304"]]}"#).unwrap_err();
    assert_eq!(err.pointer().as_str(), "/rows/0");
    assert!(serde_json::from_str::<TaxTable>(r#"[[["3304"]]]"#).is_err());

    assert_objects_only::<ShipmentJson>(
        &shipment_doc(),
        &[
            "",
            "/warehouse",
            "/warehouse/limits",
            "/importer",
            "/chargeableWeightRule",
            "/rates/*",
            "/skus/*",
            "/skus/*/dimensions",
            "/skus/*/battery",
            "/skus/*/liquid",
            "/skus/*/documents/*",
            "/cartons/*",
            "/cartons/*/marks",
            "/cartons/*/dimensions",
            "/cartons/*/items/*",
            "/packingList",
            "/packingList/lines/*",
            "/commercialInvoice",
            "/commercialInvoice/lines/*",
            "/declaration",
            "/declaration/lines/*",
            "/events/*",
            "/events/*/exception",
            "/receipt",
            "/receipt/lines/*",
        ],
    );
    assert_objects_only::<InventoryJson>(
        &inventory_doc(),
        &[
            "",
            "/leadTimeDays",
            "/skus/*",
            "/skus/*/safetyStock",
            "/inbound/*",
            "/inbound/*/lines/*",
        ],
    );
    assert_objects_only::<TaxTableJson>(
        &tax_table_doc(),
        &[
            "",
            "/rows/*",
            "/rows/*/when",
            "/rows/*/when/highEnd",
            "/rows/*/consumption",
            "/rows/*/effective",
            "/generalVat/*",
            "/cbec/*",
            "/ccTiers/*",
            "/ccWaiver/*",
            "/ccParcelLimits/*",
            "/postalTaxNumbers/*",
            "/rows/*/when/unitValueAtLeast",
            "/rows/*/consumption/specific",
        ],
    );
    // What the reader does with the objects is unchanged: the samples
    // still read, check and write back as before.
    let s: ShipmentJson = wire::from_json(shipment_doc().to_string().as_bytes()).unwrap();
    assert_eq!(
        serde_json::from_str::<ShipmentJson>(&serde_json::to_string(&s).unwrap()).unwrap(),
        s
    );
    let t: TaxTable = serde_json::from_value(tax_table_doc()).unwrap();
    assert_eq!(
        serde_json::from_value::<TaxTable>(serde_json::to_value(&t).unwrap()).unwrap(),
        t
    );
}

/// The pointer of every scalar of `doc` (strings, numbers, booleans,
/// nulls), the first of each place only.
fn scalar_pointers(doc: &Value) -> Vec<String> {
    fn walk(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(members) => {
                for (k, x) in members {
                    walk(x, format!("{at}/{}", escape(k)), out);
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    walk(x, format!("{at}/{i}"), out);
                }
            }
            _ => out.push(at),
        }
    }
    let mut all = Vec::new();
    walk(doc, String::new(), &mut all);
    let mut shapes = Vec::new();
    all.retain(|p| {
        let s = shape(p);
        let new = !shapes.contains(&s);
        shapes.push(s);
        new
    });
    all
}

/// Each scalar of `doc` in turn replaced by a 10,000-character text, of
/// letters and then of digits (a number too long for a decimal): whatever
/// `run` reports quotes at most 64 characters of it, and stays short.
/// Returns how many of the long values were reported.
fn assert_long_values_cut(doc: &Value, run: impl Fn(&Value) -> Vec<Report>) -> usize {
    let bytes = |reports: &[Report]| -> usize {
        reports
            .iter()
            .map(|r| serde_json::to_vec(r).unwrap().len())
            .sum()
    };
    let baseline = bytes(&run(doc));
    let mut reported = 0;
    let mut failures = Vec::new();
    for p in scalar_pointers(doc) {
        for fill in ['Z', '9'] {
            let long = fill.to_string().repeat(10_000);
            let too_much = fill.to_string().repeat(crossborder::ECHO_MAX_CHARS + 1);
            let mut d = doc.clone();
            *d.pointer_mut(&p).unwrap() = Value::String(long);
            let mut seen = false;
            let reports = run(&d);
            // A value quoted whole would add 10,000 characters at least
            // twice (the value and a message).
            let grown = bytes(&reports).saturating_sub(baseline);
            if grown > 8_000 {
                failures.push(format!(
                    "{p} = {fill}x10000: the reports grew by {grown} bytes"
                ));
            }
            for report in reports {
                for v in &report {
                    let texts = [v.value().unwrap_or(""), v.message_en(), v.message_zh()];
                    for t in texts {
                        if t.contains(&too_much) || t.chars().count() > 600 {
                            let t: String = t.chars().take(200).collect();
                            failures.push(format!(
                                "{p} = {fill}x10000: {} at {}: {t}",
                                v.code(),
                                v.pointer()
                            ));
                        }
                    }
                    seen |= texts
                        .iter()
                        .any(|t| t.contains(&fill.to_string().repeat(64)));
                }
            }
            reported += usize::from(seen);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    reported
}

#[test]
fn long_values_of_a_stocking_shipment_are_cut() {
    let reported = assert_long_values_cut(&shipment_doc(), |d| {
        let s: ShipmentJson = wire::from_json(d.to_string().as_bytes()).unwrap();
        vec![check(&s, &CheckOptions::new()).report().clone()]
    });
    assert!(reported > 50, "{reported}");
}

#[test]
fn long_values_of_an_inventory_are_cut() {
    let run = |d: &Value| {
        let j: InventoryJson = wire::from_json(d.to_string().as_bytes()).unwrap();
        let (inventory, report) = shipment::read_inventory(&j);
        if let Some(i) = inventory {
            for a in i.project().skus() {
                assert!(a.sku.len() <= 10_000);
            }
        }
        vec![report]
    };
    let reported = assert_long_values_cut(&inventory_doc(), run);
    assert!(reported > 10, "{reported}");
    // A transport mode's name is a key: a long one is cut too.
    let mut doc = inventory_doc();
    doc["leadTimeDays"] = json!({ "Z".repeat(10_000): 7 });
    let report = &run(&doc)[0];
    assert!(!report.is_empty());
    assert_bounded(report);
}

/// An order with the sample's lines, to assess with a table.
fn assess_sample(table: Option<TaxTable>) -> Report {
    let w: wire::Order = serde_json::from_value(order_doc()).unwrap();
    let order = crossborder::Order::from_wire(w).into_parts().0;
    let mut context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    if let Some(t) = table {
        context = context.with_tax_table(t);
    }
    tax::assess(&order, &context).report().clone()
}

#[test]
fn long_values_of_a_tax_table_are_cut() {
    let reported = assert_long_values_cut(&tax_table_doc(), |d| {
        let form: TaxTableJson = wire::from_json(d.to_string().as_bytes()).unwrap();
        match form.to_table() {
            Err(report) => vec![report],
            Ok(table) => vec![assess_sample(Some(table))],
        }
    });
    assert!(reported > 10, "{reported}");
}

#[test]
fn long_values_of_an_order_are_cut_in_its_tax_and_rules() {
    let reported = assert_long_values_cut(&order_doc(), |d| {
        let w: wire::Order = wire::from_json(d.to_string().as_bytes()).unwrap();
        let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        let (order, conversion) = crossborder::Order::from_wire(w.clone()).into_parts();
        let assessed = tax::assess(&order, &context).report().clone();
        let rules = Validator::default()
            .validate_order(w, crossborder::declaration::Declaration::Order, &context)
            .into_parts()
            .1;
        vec![conversion, assessed, rules]
    });
    assert!(reported > 10, "{reported}");
}

// ---- found while fuzzing the stocking reader (`fuzz/`, `stocking_shipment`) ----

fn receipt_findings(doc: &Value) -> Vec<(String, String, Option<String>)> {
    let s: ShipmentJson = wire::from_json(doc.to_string().as_bytes()).unwrap();
    check(&s, &CheckOptions::new())
        .report()
        .iter()
        .filter(|v| v.code().as_str().starts_with("receipt."))
        .map(|v| {
            (
                v.code().as_str().to_owned(),
                v.pointer().as_str().to_owned(),
                v.value().map(str::to_owned),
            )
        })
        .collect()
}

/// Two carton lines of four billion boxes of four billion units of one
/// SKU: their units passed `u64::MAX`, and adding them overflowed (a panic
/// in a debug build, a wrapped total in a release build that the packing
/// list and the receipt were compared with). Past `u64::MAX` a total is
/// unknown: nothing is compared with it.
#[test]
fn carton_units_past_u64_max_are_not_wrapped() {
    let line = json!({"boxNo": 1, "count": 4_000_000_000_u32,
        "items": [{"sku": "EAR-BLK", "quantity": 4_000_000_000_u32}]});
    let mut doc = shipment_doc();
    doc["cartons"] = json!([line.clone(), line]);
    doc["cartons"][1]["boxNo"] = json!(4_000_000_001_u32);
    doc.as_object_mut().unwrap().remove("events");
    doc["receipt"] =
        json!({"receivedOn": "2026-12-05", "lines": [{"sku": "EAR-BLK", "quantity": 5}]});
    assert_eq!(receipt_findings(&doc), []);
    let s: ShipmentJson = wire::from_json(doc.to_string().as_bytes()).unwrap();
    let checked = check(&s, &CheckOptions::new());
    assert!(
        !checked
            .report()
            .iter()
            .any(|v| v.code().as_str() == "packing_list.quantity"),
        "{}",
        checked.report()
    );
}

/// Past 16 SKUs the duplicate check sorts the numbers on their first 16
/// bytes, gathered block by block of 128 SKUs: numbers that share those
/// (long numbers of one pattern, a number and itself with a zero byte
/// added), numbers equal once trimmed (also of Unicode white space) and
/// blank numbers give the findings of a plain comparison of each with the
/// earlier ones, within one block, across blocks, and in a product large
/// enough to be read ahead block by block.
#[test]
fn long_numbers_sharing_a_prefix_are_told_apart() {
    let pool = [
        "LONG-PREFIX-ABCDEFG-1",
        "LONG-PREFIX-ABCDEFG-2",
        " LONG-PREFIX-ABCDEFG-1 ",
        "LONG-PREFIX-ABCDEF",
        "LONG-PREFIX-ABCDEFG",
        "\u{3000}LONG-PREFIX-ABCDEFG\u{3000}",
        "SIXTEEN-BYTES-16",
        "SIXTEEN-BYTES-16\u{0}",
        "short",
        "short ",
        "",
        "   ",
        "X\u{0}",
        "X",
    ];
    // Around the small-product path (16), a block (128) and the read-ahead
    // (2,048).
    for len in [17, 60, 129, 300, 2_049, 2_100] {
        // Mostly distinct numbers, with a repeat from the pool every so often.
        let numbers: Vec<String> = (0..len)
            .map(|i| match i % 5 {
                0 | 3 => pool[(i * 7 + i / 5) % pool.len()].to_owned(),
                _ => format!("N-{}", (i * 7_919) % 2_503),
            })
            .collect();
        let skus: Vec<serde_json::Value> = numbers
            .iter()
            .map(|n| serde_json::json!({"skuNumber": n, "price": 59.9}))
            .collect();
        let doc = serde_json::json!({"name": "T恤", "hsCode": "6109100011", "country": "CN",
            "price": 59.9, "netWeight": 0.2, "grossWeight": 0.25, "expressType": "BC",
            "taxRate": 0.091, "skus": skus});
        let report = validate_product(&doc.to_string());
        let found: Vec<(String, Option<String>)> = report
            .iter()
            .filter(|v| v.code() == &Code::SKU_DUPLICATE_NUMBER)
            .map(|v| {
                (
                    v.pointer().as_str().to_owned(),
                    v.value().map(str::to_owned),
                )
            })
            .collect();
        let mut expected = Vec::new();
        for (n, number) in numbers.iter().enumerate() {
            let this = number.trim();
            if !this.is_empty() && numbers[..n].iter().any(|m| m.trim() == this) {
                expected.push((format!("/skus/{n}/skuNumber"), Some(this.to_owned())));
            }
        }
        assert!(
            !expected.is_empty() && expected.len() >= len / 8,
            "{len}: {}",
            expected.len()
        );
        assert_eq!(found, expected, "{len} SKUs");
    }
}

/// A bad price on every SKU of a product without a price is reported once
/// per SKU, as a bad number (not also as a missing price), in document
/// order; a finding of another rule still comes in its place among them.
#[test]
fn a_bad_price_on_every_sku_is_reported_once_each() {
    for bad_barcode in [false, true] {
        let skus: Vec<serde_json::Value> = (0..40)
            .map(|i| {
                let mut sku = serde_json::json!({"skuNumber": format!("S-{i}"), "price": "n/a"});
                if bad_barcode && i == 17 {
                    sku["barcode"] = "12345".into();
                }
                sku
            })
            .collect();
        let doc = serde_json::json!({"name": "T恤", "hsCode": "6109100011", "country": "CN",
            "netWeight": 0.2, "grossWeight": 0.25, "expressType": "BC", "skus": skus});
        let report = validate_product(&doc.to_string());
        let found: Vec<(&str, &str)> = report
            .iter()
            .map(|v| (v.code().as_str(), v.pointer().as_str()))
            .collect();
        let mut expected: Vec<(&str, String)> = (0..40)
            .map(|i| ("number.invalid", format!("/skus/{i}/price")))
            .collect();
        if bad_barcode {
            expected.insert(18, ("barcode.invalid", "/skus/17/barcode".to_owned()));
        }
        let expected: Vec<(&str, &str)> = expected.iter().map(|(c, p)| (*c, p.as_str())).collect();
        assert_eq!(found, expected, "bad barcode: {bad_barcode}");
    }
}

/// Each SKU field given but not kept is the conversion's finding alone, and
/// only that field: the SKU's other missing fields are still reported.
/// `check_product` of the converted product, which has no conversion
/// report beside it, reports every field missing.
#[test]
fn a_field_given_but_not_kept_is_not_also_missing() {
    let doc = serde_json::json!({"name": "T恤", "hsCode": "6109100011", "country": "CN",
    "expressType": "BC", "skus": [
        {"skuNumber": "A", "price": "n/a"},
        {"skuNumber": "B", "netWeight": "x"},
        {"skuNumber": "C", "price": 1, "netWeight": 0.2, "grossWeight": -1},
    ]});
    let report = validate_product(&doc.to_string());
    let found: Vec<(&str, &str, Option<&str>)> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str(), v.value()))
        .collect();
    assert_eq!(
        found,
        [
            ("number.invalid", "/skus/0/price", Some("n/a")),
            ("required.missing", "/skus/0", Some("netWeight")),
            ("required.missing", "/skus/0", Some("grossWeight")),
            ("required.missing", "/skus/1", Some("price")),
            ("number.invalid", "/skus/1/netWeight", Some("x")),
            ("required.missing", "/skus/1", Some("grossWeight")),
            ("weight.negative", "/skus/2/grossWeight", Some("-1")),
        ]
    );
    let w: wire::Product = serde_json::from_str(&doc.to_string()).unwrap();
    let product = crossborder::Product::from_wire(w).into_parts().0;
    let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    let missing = Validator::default()
        .check_product(&product, &context)
        .iter()
        .filter(|v| v.code() == &Code::REQUIRED_MISSING)
        .count();
    assert_eq!(missing, 7);
}
