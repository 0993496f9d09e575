//! Table-driven tests of every declaration rule: the realistic fixtures are
//! clean, and each case breaks one thing and expects exactly the violations
//! of that rule, at their pointers, with their severity.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use chrono::NaiveDate;
use crossborder::declaration::{Context, Declaration, RuleSet, Validator, catalogue};
use crossborder::{
    ClearanceMode, Country, Currency, CustomsPort, ExchangeRates, Report, Severity, wire,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::common::fixture_json as fixture;

fn context() -> Context {
    Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_port(CustomsPort::Hz)
}

/// Sets (Some) or removes (None) the value at each pointer.
fn patch(mut doc: Value, edits: &[(&str, Option<Value>)]) -> Value {
    for (pointer, value) in edits {
        let (parent, last) = pointer.rsplit_once('/').unwrap();
        let target = doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no {parent}"));
        match (target, value) {
            (Value::Object(m), Some(v)) => {
                m.insert(last.to_owned(), v.clone());
            }
            (Value::Object(m), None) => {
                m.remove(last);
            }
            (Value::Array(a), Some(v)) => a[last.parse::<usize>().unwrap()] = v.clone(),
            (Value::Array(a), None) => {
                a.remove(last.parse::<usize>().unwrap());
            }
            _ => panic!("cannot patch {pointer}"),
        }
    }
    doc
}

enum Doc {
    Product,
    Order(Declaration),
}

fn validate(doc: &Doc, json: &Value, context: &Context) -> Report {
    let validator = Validator::new(RuleSet::standard());
    let report = match doc {
        Doc::Product => {
            let w: wire::Product = serde_json::from_value(json.clone()).unwrap();
            validator.validate_product(w, context).into_parts().1
        }
        Doc::Order(d) => {
            let w: wire::Order = serde_json::from_value(json.clone()).unwrap();
            validator.validate_order(w, *d, context).into_parts().1
        }
    };
    for v in &report {
        assert!(
            json.pointer(v.pointer().as_str()).is_some(),
            "{} at {} does not resolve",
            v.code(),
            v.pointer()
        );
        assert!(!v.message_en().is_empty() && !v.message_zh().is_empty());
    }
    report
}

/// The violations of one code, as (pointer, severity, value).
fn of(report: &Report, code: &str) -> Vec<(String, Severity, Option<String>)> {
    report
        .iter()
        .filter(|v| v.code().as_str() == code)
        .map(|v| {
            (
                v.pointer().to_string(),
                v.severity(),
                v.value().map(str::to_owned),
            )
        })
        .collect()
}

fn e(path: &str, value: &str) -> (String, Severity, Option<String>) {
    (path.to_owned(), Severity::Error, Some(value.to_owned()))
}

fn w(path: &str, value: &str) -> (String, Severity, Option<String>) {
    (path.to_owned(), Severity::Warning, Some(value.to_owned()))
}

#[test]
fn realistic_bc_product_and_order_are_clean() {
    let report = validate(&Doc::Product, &fixture("product_5sku.json"), &context());
    assert!(report.is_empty(), "{report}");
    let report = validate(
        &Doc::Order(Declaration::Order),
        &fixture("order_two_items.json"),
        &context(),
    );
    assert!(report.is_empty(), "{report}");
    let report = validate(
        &Doc::Order(Declaration::Payment),
        &fixture("order_two_items.json"),
        &context(),
    );
    assert!(report.is_empty(), "{report}");
    let report = validate(
        &Doc::Order(Declaration::OrderUpdate),
        &fixture("order_two_items.json"),
        &context(),
    );
    assert!(report.is_empty(), "{report}");
}

struct Case {
    name: &'static str,
    doc: Doc,
    edits: Vec<(&'static str, Option<Value>)>,
    context: Context,
    code: &'static str,
    expect: Vec<(String, Severity, Option<String>)>,
}

fn product(
    name: &'static str,
    edits: Vec<(&'static str, Option<Value>)>,
    code: &'static str,
    expect: Vec<(String, Severity, Option<String>)>,
) -> Case {
    Case {
        name,
        doc: Doc::Product,
        edits,
        context: context(),
        code,
        expect,
    }
}

fn order(
    name: &'static str,
    edits: Vec<(&'static str, Option<Value>)>,
    code: &'static str,
    expect: Vec<(String, Severity, Option<String>)>,
) -> Case {
    Case {
        name,
        doc: Doc::Order(Declaration::Order),
        edits,
        context: context(),
        code,
        expect,
    }
}

fn cases() -> Vec<Case> {
    let spent = |amount: i64| {
        context().with_annual_spent(crossborder::Money::new(
            Decimal::from(amount),
            Currency::CNY,
        ))
    };
    vec![
        // required.missing
        product(
            "product without HS code",
            vec![("/hsCode", None)],
            "required.missing",
            vec![e("", "hsCode")],
        ),
        product(
            "product without origin or name",
            vec![("/country", None), ("/name", None), ("/nameEn", None)],
            "required.missing",
            vec![e("", "name"), e("", "country")],
        ),
        product(
            "SKU without price when the product has none",
            vec![("/price", None), ("/skus/3/price", None)],
            "required.missing",
            vec![e("/skus/3", "price")],
        ),
        product(
            "CC product without the postal articles tax number",
            vec![("/expressType", Some(json!("CC")))],
            "required.missing",
            vec![e("", "personalPostalArticlesTax")],
        ),
        product(
            "CC product with the tax number",
            vec![
                ("/expressType", Some(json!("CC"))),
                ("/personalPostalArticlesTax", Some(json!("09000000"))),
            ],
            "required.missing",
            vec![],
        ),
        order(
            "BC order without transaction id",
            vec![("/platformTransactionId", None)],
            "required.missing",
            vec![e("", "platformTransactionId")],
        ),
        order(
            "BC order without the buyer's identity",
            vec![("/customer/tin", None)],
            "required.missing",
            vec![e("/customer", "tin")],
        ),
        order(
            "order line without quantity",
            vec![("/items/1/quantity", None)],
            "required.missing",
            vec![e("/items/1", "quantity")],
        ),
        Case {
            name: "payment without provider payment id",
            doc: Doc::Order(Declaration::Payment),
            edits: vec![("/paymentPayId", None)],
            context: context(),
            code: "required.missing",
            expect: vec![e("", "paymentPayId")],
        },
        // clearance mode
        Case {
            name: "declared CC, payload BC",
            doc: Doc::Product,
            edits: vec![],
            context: context().with_mode(ClearanceMode::Cc),
            code: "clearance_mode.mismatch",
            expect: vec![e("/expressType", "BC")],
        },
        Case {
            name: "declared BC, payload BC",
            doc: Doc::Product,
            edits: vec![],
            context: context().with_mode(ClearanceMode::Bc),
            code: "clearance_mode.mismatch",
            expect: vec![],
        },
        product(
            "no clearance mode",
            vec![("/expressType", None)],
            "clearance_mode.missing",
            vec![(String::new(), Severity::Warning, None)],
        ),
        // port
        Case {
            name: "order for HZ sent to GZ",
            doc: Doc::Order(Declaration::Order),
            edits: vec![],
            context: context().with_port(CustomsPort::Gz),
            code: "customs_port.mismatch",
            expect: vec![e("/customsCode", "HZ")],
        },
        // HS code length
        product(
            "6-digit HS code on a product declaration",
            vec![("/hsCode", Some(json!("8518.30")))],
            "hs_code.length",
            vec![e("/hsCode", "851830")],
        ),
        product(
            "13-digit HS code on a product declaration",
            vec![("/hsCode", Some(json!("8518300000101")))],
            "hs_code.length",
            vec![e("/hsCode", "8518300000101")],
        ),
        // 13 digits belong on the general-trade declaration form only: a
        // cross-border e-commerce order carries 10, like the product.
        order(
            "13-digit HS code on an order",
            vec![("/items/0/product/hsCode", Some(json!("8518300000101")))],
            "hs_code.length",
            vec![e("/items/0/product/hsCode", "8518300000101")],
        ),
        order(
            "10-digit HS code on an order",
            vec![("/items/0/product/hsCode", Some(json!("8518300000")))],
            "hs_code.length",
            vec![],
        ),
        order(
            "8-digit HS code on an order",
            vec![("/items/0/product/hsCode", Some(json!("85183000")))],
            "hs_code.length",
            vec![e("/items/0/product/hsCode", "85183000")],
        ),
        // HS codes in the nomenclature
        product(
            "subheading that does not exist",
            vec![("/hsCode", Some(json!("6109990000")))],
            "hs_code.unknown",
            vec![e("/hsCode", "6109990000")],
        ),
        product(
            "HS 2017 smartphone code judged in 2024",
            vec![("/hsCode", Some(json!("8517120000")))],
            "hs_code.other_edition",
            vec![e("/hsCode", "8517120000")],
        ),
        Case {
            name: "HS 2017 smartphone code judged in 2021",
            doc: Doc::Product,
            edits: vec![("/hsCode", Some(json!("8517120000")))],
            context: Context::new(NaiveDate::from_ymd_opt(2021, 6, 1).unwrap())
                .with_port(CustomsPort::Hz),
            code: "hs_code.other_edition",
            expect: vec![],
        },
        // weights
        product(
            "product net above gross",
            vec![("/netWeight", Some(json!(0.2)))],
            "weight.net_exceeds_gross",
            vec![e("/netWeight", "0.2")],
        ),
        product(
            "SKU net above gross",
            vec![("/skus/2/netWeight", Some(json!(0.2)))],
            "weight.net_exceeds_gross",
            vec![e("/skus/2/netWeight", "0.2")],
        ),
        product(
            "SKU gross below the inherited net",
            vec![
                ("/skus/2/netWeight", None),
                ("/skus/2/grossWeight", Some(json!(0.05))),
            ],
            "weight.net_exceeds_gross",
            vec![e("/skus/2/grossWeight", "0.055")],
        ),
        product(
            "zero SKU weight",
            vec![("/skus/1/netWeight", Some(json!(0)))],
            "weight.not_positive",
            vec![e("/skus/1/netWeight", "0")],
        ),
        // prices and discounts
        product(
            "zero SKU price",
            vec![("/skus/3/price", Some(json!(0)))],
            "price.not_positive",
            vec![e("/skus/3/price", "0")],
        ),
        order(
            "negative line price",
            vec![("/items/1/price", Some(json!(-1)))],
            "price.not_positive",
            vec![e("/items/1/price", "-1")],
        ),
        product(
            "discounted price above price",
            vec![("/discount", Some(json!(300)))],
            "discount.exceeds_price",
            vec![e("/discount", "300")],
        ),
        order(
            "line discount above unit price",
            vec![("/items/0/discount", Some(json!(250)))],
            "discount.exceeds_price",
            vec![e("/items/0/discount", "250")],
        ),
        order(
            "negative line discount",
            vec![("/items/0/discount", Some(json!(-5)))],
            "discount.exceeds_price",
            vec![e("/items/0/discount", "-5")],
        ),
        order(
            "zero quantity",
            vec![("/items/1/quantity", Some(json!(0)))],
            "quantity.not_positive",
            vec![e("/items/1/quantity", "0")],
        ),
        // tax rate
        product(
            "tax rate as a percentage",
            vec![("/taxRate", Some(json!(9.1)))],
            "tax_rate.out_of_range",
            vec![e("/taxRate", "9.1")],
        ),
        product(
            "negative tax rate",
            vec![("/taxRate", Some(json!(-0.1)))],
            "tax_rate.out_of_range",
            vec![e("/taxRate", "-0.1")],
        ),
        product(
            "tax rate 1 is allowed",
            vec![("/taxRate", Some(json!(1)))],
            "tax_rate.out_of_range",
            vec![],
        ),
        // SKUs, barcodes, units
        product(
            "duplicate SKU number",
            vec![("/skus/4/skuNumber", Some(json!("EAR-BLK")))],
            "sku.duplicate_number",
            vec![e("/skus/4/skuNumber", "EAR-BLK")],
        ),
        product(
            "wrong check digit",
            vec![("/skus/2/barcode", Some(json!("6901234567039")))],
            "barcode.invalid",
            vec![e("/skus/2/barcode", "6901234567039")],
        ),
        product(
            "barcode of wrong length",
            vec![("/barcode", Some(json!("69012345")))],
            "barcode.invalid",
            vec![e("/barcode", "69012345")],
        ),
        product(
            "unknown customs unit",
            vec![("/skus/0/customsUnitCode", Some(json!("pcs")))],
            "customs_unit.unknown",
            vec![e("/skus/0/customsUnitCode", "pcs")],
        ),
        product(
            "customs unit by Chinese name",
            vec![("/skus/0/customsUnitCode", Some(json!("件")))],
            "customs_unit.unknown",
            vec![],
        ),
        // timestamps
        product(
            "updated before created",
            vec![("/updatedAt", Some(json!("2024-02-01T00:00:00+08:00")))],
            "timestamp.out_of_order",
            vec![e("/updatedAt", "2024-02-01T00:00:00+08:00")],
        ),
        order(
            "paid before created",
            vec![("/paidAt", Some(json!("2024-05-01T01:59:00Z")))],
            "timestamp.out_of_order",
            vec![e("/paidAt", "2024-05-01T01:59:00Z")],
        ),
        // arithmetic
        order(
            "amounts that overflow",
            vec![
                ("/items/0/price", Some(json!("10000000000000000000000000"))),
                ("/items/0/quantity", Some(json!(4_294_967_295u64))),
            ],
            "amount.overflow",
            vec![(String::from("/items"), Severity::Error, None)],
        ),
        order(
            "pay amount 7.00 short",
            vec![("/payAmount", Some(json!(483.84)))],
            "order.pay_amount_mismatch",
            vec![e("/payAmount", "483.84")],
        ),
        order(
            "pay amount within a fen",
            vec![("/payAmount", Some(json!(490.85)))],
            "order.pay_amount_mismatch",
            vec![],
        ),
        order(
            "total tax off by 1",
            vec![
                ("/productsTotalTax", Some(json!(40.85))),
                ("/payAmount", Some(json!(491.84))),
            ],
            "order.total_tax_mismatch",
            vec![e("/productsTotalTax", "40.85")],
        ),
        // identity
        order(
            "bad check character",
            vec![
                ("/customer/tin", Some(json!("330106199003071237"))),
                ("/payer/tin", Some(json!("330106199003071237"))),
            ],
            "identity.invalid",
            vec![
                e("/customer/tin", "330106199003071237"),
                e("/payer/tin", "330106199003071237"),
            ],
        ),
        order(
            "impossible birth date",
            vec![("/payer/tin", Some(json!("330106199002301234")))],
            "identity.invalid",
            vec![e("/payer/tin", "330106199002301234")],
        ),
        order(
            "payer is someone else",
            vec![("/payer/tin", Some(json!("11010519491231002X")))],
            "order.payer_mismatch",
            vec![e("/payer/tin", "11010519491231002X")],
        ),
        // rates and limits
        order(
            "USD order without a rate",
            vec![("/currency", Some(json!("USD")))],
            "exchange_rate.missing",
            vec![e("/currency", "USD")],
        ),
        Case {
            name: "USD order with a rate",
            doc: Doc::Order(Declaration::Order),
            edits: vec![("/currency", Some(json!("USD")))],
            context: context().with_rates(
                ExchangeRates::new()
                    .with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))
                    .unwrap(),
            ),
            code: "exchange_rate.missing",
            expect: vec![],
        },
        Case {
            name: "USD order over ¥5,000 once converted",
            doc: Doc::Order(Declaration::Order),
            edits: vec![
                ("/currency", Some(json!("USD"))),
                ("/items/0/quantity", Some(json!(4))),
            ],
            context: context().with_rates(
                ExchangeRates::new()
                    .with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))
                    .unwrap(),
            ),
            code: "limit.transaction",
            expect: vec![e("/items", "5960.88")],
        },
        order(
            "¥5,670 transaction",
            vec![("/items/0/quantity", Some(json!(30)))],
            "limit.transaction",
            vec![e("/items", "5741.90")],
        ),
        order(
            "single item over ¥5,000 is no error",
            vec![
                ("/items/1", None),
                ("/items/0/price", Some(json!(5200))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
            ],
            "limit.transaction",
            vec![],
        ),
        order(
            "single item over ¥5,000 is a warning",
            vec![
                ("/items/1", None),
                ("/items/0/price", Some(json!(5200))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
            ],
            "limit.transaction_single_item",
            vec![w("/items", "5212.00")],
        ),
        order(
            "exactly ¥5,000 with delivery is allowed",
            vec![
                ("/items/1", None),
                ("/items/0/price", Some(json!(4988))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
            ],
            "limit.transaction_single_item",
            vec![],
        ),
        order(
            "single item of ¥30,000 is over the limit even so",
            vec![
                ("/items/1", None),
                ("/items/0/price", Some(json!(30000))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
            ],
            "limit.transaction",
            vec![e("/items", "30012.00")],
        ),
        order(
            "single item of ¥30,000 is no exception",
            vec![
                ("/items/1", None),
                ("/items/0/price", Some(json!(30000))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
            ],
            "limit.transaction_single_item",
            vec![],
        ),
        order(
            "insurance counts toward the ¥5,000",
            vec![
                ("/items/0/price", Some(json!(4900))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
                ("/insuranceFee", Some(json!(50))),
            ],
            "limit.transaction",
            vec![e("/items", "5021.90")],
        ),
        order(
            "non-cash deductions stay in the ¥5,000 base",
            vec![
                ("/items/0/price", Some(json!(4950))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
                ("/nonCashDeductionAmount", Some(json!(100))),
            ],
            "limit.transaction",
            vec![e("/items", "5021.90")],
        ),
        order(
            "non-cash deductions do not push a transaction within ¥5,000 over it",
            vec![
                ("/items/0/price", Some(json!(4928.10))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
                ("/nonCashDeductionAmount", Some(json!(100))),
            ],
            "limit.transaction",
            vec![],
        ),
        order(
            "the same without insurance is within it",
            vec![
                ("/items/0/price", Some(json!(4900))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
            ],
            "limit.transaction",
            vec![],
        ),
        Case {
            name: "annual limit passed",
            doc: Doc::Order(Declaration::Order),
            edits: vec![],
            context: spent(25_800),
            code: "limit.annual",
            expect: vec![e("/items", "449.90")],
        },
        Case {
            name: "annual limit kept",
            doc: Doc::Order(Declaration::Order),
            edits: vec![],
            context: spent(25_000),
            code: "limit.annual",
            expect: vec![],
        },
        order(
            "CC parcel over ¥1,000",
            vec![
                ("/expressType", Some(json!("CC"))),
                ("/items/0/quantity", Some(json!(5))),
            ],
            "limit.parcel",
            vec![e("/items", "1004.90")],
        ),
        order(
            "CC parcel of ¥815.90 from the mainland",
            vec![
                ("/expressType", Some(json!("CC"))),
                ("/items/0/quantity", Some(json!(4))),
            ],
            "limit.parcel",
            vec![],
        ),
        Case {
            name: "CC parcel of ¥815.90 from Hong Kong",
            doc: Doc::Order(Declaration::Order),
            edits: vec![
                ("/expressType", Some(json!("CC"))),
                ("/items/0/quantity", Some(json!(4))),
            ],
            context: context().with_ship_from(Country::HK),
            code: "limit.parcel",
            expect: vec![e("/items", "815.90")],
        },
        order(
            "CC single item over ¥1,000",
            vec![
                ("/expressType", Some(json!("CC"))),
                ("/items/1", None),
                ("/items/0/price", Some(json!(1500))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
            ],
            "limit.parcel_single_item",
            vec![w("/items", "1500.00")],
        ),
        // the declared tax
        order(
            "the fixture declares the tax the crate computes",
            vec![],
            "tax.declared_mismatch",
            vec![],
        ),
        order(
            "a line's declared tax is off",
            vec![("/items/0/tax", Some(json!(30)))],
            "tax.declared_mismatch",
            vec![e("/items/0/tax", "30.00")],
        ),
        order(
            "no tax declared on delivery",
            vec![("/shippingTax", Some(json!(0)))],
            "tax.declared_mismatch",
            vec![e("/shippingTax", "0.00")],
        ),
        order(
            "a declared tax off from a guessed rate is a warning",
            vec![
                ("/items/1/product/hsCode", Some(json!("2309100000"))),
                ("/items/1/tax", Some(json!(2))),
            ],
            "tax.declared_mismatch_default_rate",
            vec![w("/items/1/tax", "2.00")],
        ),
        order(
            "a guessed rate is not an error",
            vec![
                ("/items/1/product/hsCode", Some(json!("2309100000"))),
                ("/items/1/tax", Some(json!(2))),
            ],
            "tax.declared_mismatch",
            vec![],
        ),
        order(
            "CC: a tax of ¥50 or less is waived, and delivery is not taxed",
            vec![("/expressType", Some(json!("CC"))), ("/items/0", None)],
            "tax.declared_mismatch",
            vec![
                e("/items/0/tax", "5.45"),
                e("/productsTotalTax", "39.85"),
                e("/shippingTax", "1.09"),
            ],
        ),
        order(
            "one item over ¥5,000 without a duty rate cannot be checked",
            vec![
                ("/items/1", None),
                ("/items/0/price", Some(json!(5200))),
                ("/items/0/discount", Some(json!(0))),
                ("/items/0/quantity", Some(json!(1))),
            ],
            "tax.declared_unchecked",
            vec![w("/items/0/tax", "34.40")],
        ),
    ]
}

#[test]
fn each_rule_reports_exactly_its_violations() {
    let mut failures = Vec::new();
    for case in cases() {
        let base = match case.doc {
            Doc::Product => fixture("product_5sku.json"),
            Doc::Order(_) => fixture("order_two_items.json"),
        };
        let json = patch(base, &case.edits);
        let report = validate(&case.doc, &json, &case.context);
        let got = of(&report, case.code);
        if got != case.expect {
            failures.push(format!(
                "{}: expected {:?}\n  got {:?}\n  report:\n{}",
                case.name, case.expect, got, report
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Rules no JSON document can trigger, tested on values built in Rust below.
const TESTED_IN_RUST: &[&str] = &["currency.mismatch"];

#[test]
fn every_rule_has_an_invalid_case() {
    let mut tested: std::collections::BTreeSet<_> = cases()
        .iter()
        .filter(|c| !c.expect.is_empty())
        .map(|c| c.code)
        .collect();
    tested.extend(TESTED_IN_RUST);
    let missing: Vec<_> = catalogue()
        .iter()
        .map(|r| r.code().as_str())
        .filter(|c| !tested.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without an invalid case: {missing:?}"
    );
}

#[test]
fn ten_problems_give_exactly_ten_violations_in_document_order() {
    let json = patch(
        fixture("order_two_items.json"),
        &[
            ("/paidAt", Some(json!("2024-05-01T09:00:00+08:00"))),
            ("/customsCode", Some(json!("GZ"))),
            ("/payer/tin", Some(json!("11010519491231002X"))),
            ("/customer/age", Some(json!(-3))),
            ("/items/1/product/country", Some(json!("Atlantis"))),
            (
                "/items/1/product/skus/0/customsUnitCode",
                Some(json!("pcs")),
            ),
            ("/items/0/product/hsCode", Some(json!("851830"))),
            ("/items/0/product/netWeight", Some(json!(0.2))),
            (
                "/items/0/product/skus/0/barcode",
                Some(json!("6901234567015")),
            ),
            ("/platformName", Some(json!("temu"))),
        ],
    );
    let report = validate(&Doc::Order(Declaration::Order), &json, &context());
    let got: Vec<_> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("platform.unknown", "/platformName"),
            ("barcode.invalid", "/items/0/product/skus/0/barcode"),
            ("weight.net_exceeds_gross", "/items/0/product/netWeight"),
            ("hs_code.length", "/items/0/product/hsCode"),
            (
                "customs_unit.unknown",
                "/items/1/product/skus/0/customsUnitCode"
            ),
            ("country.unknown", "/items/1/product/country"),
            ("number.negative", "/customer/age"),
            ("order.payer_mismatch", "/payer/tin"),
            ("customs_port.mismatch", "/customsCode"),
            ("timestamp.out_of_order", "/paidAt"),
        ]
    );
    assert!(report.iter().all(|v| v.severity() == Severity::Error));
}

#[test]
fn rule_sets_switch_off_and_change_severity() {
    let json = patch(
        fixture("product_5sku.json"),
        &[("/skus/2/barcode", Some(json!("6901234567039")))],
    );
    let w: wire::Product = serde_json::from_value(json).unwrap();
    let mut rules = RuleSet::standard();
    rules.set_severity(&crossborder::Code::BARCODE_INVALID, Severity::Warning);
    let report = Validator::new(rules.clone())
        .validate_product(w.clone(), &context())
        .into_parts()
        .1;
    assert_eq!(report.warnings().count(), 1);
    assert!(report.into_result().is_ok(), "a warning passes");
    rules.disable(&crossborder::Code::BARCODE_INVALID);
    assert!(
        Validator::new(rules)
            .validate_product(w, &context())
            .is_clean()
    );
}

#[test]
fn rules_not_yet_in_force_do_not_run() {
    // The ¥5,000 limit came in on 2019-01-01.
    let json = patch(
        fixture("order_two_items.json"),
        &[("/items/0/quantity", Some(json!(30)))],
    );
    let before =
        Context::new(NaiveDate::from_ymd_opt(2018, 12, 31).unwrap()).with_port(CustomsPort::Hz);
    let report = validate(&Doc::Order(Declaration::Order), &json, &before);
    assert!(of(&report, "limit.transaction").is_empty());
    let report = validate(&Doc::Order(Declaration::Order), &json, &context());
    assert_eq!(of(&report, "limit.transaction").len(), 1);
}

#[test]
fn a_bad_currency_or_mass_unit_is_one_violation_not_also_missing_values() {
    // Amounts under an unknown currency and weights under an unknown unit are
    // left out of the domain value, but they were given: no "missing".
    let json = patch(
        fixture("product_5sku.json"),
        &[("/currency", Some(json!("YUAN")))],
    );
    let report = validate(&Doc::Product, &json, &context());
    let codes: Vec<_> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str()))
        .collect();
    assert_eq!(codes, [("currency.unknown", "/currency")]);

    let json = patch(
        fixture("product_5sku.json"),
        &[("/massUnit", Some(json!("stone")))],
    );
    let report = validate(&Doc::Product, &json, &context());
    let codes: Vec<_> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str()))
        .collect();
    assert_eq!(codes, [("mass_unit.unknown", "/massUnit")]);

    // SKUs without a price of their own fall back on the product's, which
    // was given (under the bad currency): not missing either.
    let json = patch(
        fixture("product_5sku.json"),
        &[
            ("/currency", Some(json!("YUAN"))),
            ("/skus/0/price", None),
            ("/skus/1/price", None),
        ],
    );
    let report = validate(&Doc::Product, &json, &context());
    assert!(of(&report, "required.missing").is_empty(), "{report}");

    // But a price that was never given is still missing.
    let json = patch(
        fixture("product_5sku.json"),
        &[
            ("/currency", Some(json!("YUAN"))),
            ("/price", None),
            ("/skus/0/price", None),
        ],
    );
    let report = validate(&Doc::Product, &json, &context());
    assert_eq!(of(&report, "required.missing"), vec![e("/skus/0", "price")]);
}

#[test]
fn amounts_in_another_currency_are_a_mismatch_not_an_overflow() {
    let w: wire::Order = serde_json::from_value(fixture("order_two_items.json")).unwrap();
    let mut order = crossborder::Order::from_wire(w).into_result().unwrap();
    // Built in Rust, an order can mix currencies; the API cannot express it.
    order.items[0].price = Some("199 USD".parse().unwrap());
    let report = Validator::default().check_order(&order, Declaration::Order, &context());
    let got: Vec<_> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str(), v.value()))
        .collect();
    assert_eq!(got, [("currency.mismatch", "/items/0/price", Some("USD"))]);
}

#[test]
fn a_missing_rate_for_the_buyers_spending_is_reported() {
    let spent = crossborder::Money::new(Decimal::from(30_000), Currency::USD);
    let report = validate(
        &Doc::Order(Declaration::Order),
        &fixture("order_two_items.json"),
        &context().with_annual_spent(spent),
    );
    assert_eq!(of(&report, "exchange_rate.missing"), vec![e("", "USD")]);
    assert!(
        of(&report, "limit.annual").is_empty(),
        "not checked without the rate"
    );
    let rates = ExchangeRates::new()
        .with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))
        .unwrap();
    let report = validate(
        &Doc::Order(Declaration::Order),
        &fixture("order_two_items.json"),
        &context().with_annual_spent(spent).with_rates(rates),
    );
    assert!(of(&report, "exchange_rate.missing").is_empty());
    assert_eq!(
        of(&report, "limit.annual").len(),
        1,
        "216,000 CNY already spent"
    );
}

#[test]
fn a_mode_rule_set_judges_declarations_that_name_no_mode() {
    let json = patch(
        fixture("order_two_items.json"),
        &[("/expressType", None), ("/customer/tin", None)],
    );
    let w: wire::Order = serde_json::from_value(json).unwrap();
    let standard = Validator::default().validate_order(w.clone(), Declaration::Order, &context());
    assert!(
        standard
            .report()
            .iter()
            .any(|v| v.code().as_str() == "clearance_mode.missing")
    );
    let bc = Validator::new(RuleSet::for_mode(ClearanceMode::Bc)).validate_order(
        w,
        Declaration::Order,
        &context(),
    );
    let codes: Vec<_> = bc
        .report()
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str(), v.value()))
        .collect();
    assert_eq!(codes, [("required.missing", "/customer", Some("tin"))]);
}

/// The `hs_code.unknown` message suggests codes found by the product's name,
/// but never an approximate (n-gram) hit or a bare chapter.
#[test]
fn unknown_code_suggestions_are_whole_term_hits_only() {
    use crossborder::wire;
    let message = |name: &str| {
        let json = format!(r#"{{"name":"{name}","hsCode":"6109990000","country":"CN"}}"#);
        let product: wire::Product = serde_json::from_str(&json).unwrap();
        let report = Validator::default()
            .validate_product(product, &context())
            .into_parts()
            .1;
        let v = report
            .iter()
            .find(|v| v.code().as_str() == "hs_code.unknown")
            .expect("hs_code.unknown");
        v.message_en().to_owned()
    };
    assert!(message("蓝牙耳机").contains("consider: 851830"));
    // 软木塞 (a cork stopper) is in no term table: search falls back to chapter 45.
    assert!(crossborder::hs::search("软木塞")[0].approximate());
    assert!(!message("软木塞").contains("consider"));
}

/// SKU `i` of a product for the per-SKU rules: one of eight kinds in turn,
/// a clean one and one faulty kind for each per-SKU rule; `last` is the
/// eighth. The product gives no price or weights, so a SKU without its own
/// misses them.
fn sku_of_kind(i: usize, last: &Value) -> Value {
    let mut v = match i % 8 {
        0 => json!({"price": 59.9, "netWeight": 0.2, "grossWeight": 0.25}),
        1 => {
            json!({"price": 59.9, "netWeight": 0.2, "grossWeight": 0.25, "barcode": "6901234567891"})
        }
        2 => json!({"price": 0, "rrp": -1, "netWeight": 0.2, "grossWeight": 0.25}),
        3 => json!({"price": 59.9, "netWeight": 0.3, "grossWeight": 0.25}),
        4 => json!({"price": 59.9, "netWeight": 0, "grossWeight": 0.25}),
        5 => {
            json!({"price": 59.9, "netWeight": 0.2, "grossWeight": 0.25, "customsUnitCode": "999"})
        }
        6 => json!({"netWeight": 0.2}),
        _ => last.clone(),
    };
    v["skuNumber"] = json!(format!("SKU-{i:04}-{}", i % 8));
    v
}

fn product_of_skus(skus: Vec<Value>) -> wire::Product {
    serde_json::from_value(
        json!({"name": "T恤", "hsCode": "6109100011", "country": "CN",
        "currency": "CNY", "expressType": "BC", "taxRate": 0.091, "skus": skus}),
    )
    .unwrap()
}

/// (code, pointer with `from` replaced by `to`, severity, value, English
/// message) of each finding.
type Row = (String, String, Severity, Option<String>, String);

fn finding_rows(report: &Report, from: &str, to: &str) -> Vec<Row> {
    report
        .iter()
        .map(|v| {
            (
                v.code().as_str().to_owned(),
                v.pointer().as_str().replacen(from, to, 1),
                v.severity(),
                v.value().map(str::to_owned),
                v.message_en().to_owned(),
            )
        })
        .collect()
}

/// The SKU-level findings of a product of `n` SKUs, and those each SKU has
/// as a product's only SKU (its pointers moved to its place); the
/// product-level findings of every one-SKU product are the same.
fn sku_findings(
    n: usize,
    sku: impl Fn(usize) -> Value,
    report: impl Fn(Vec<Value>) -> Report,
) -> (Vec<Row>, Vec<Row>) {
    let at_skus = |rows: Vec<Row>| -> (Vec<Row>, Vec<Row>) {
        rows.into_iter().partition(|r| r.1.starts_with("/skus/"))
    };
    let got = at_skus(finding_rows(&report((0..n).map(&sku).collect()), "", "")).0;
    let mut expected = Vec::new();
    let mut product_level = None;
    for i in 0..n {
        let alone = report(vec![sku(i)]);
        let (of_sku, of_product) = at_skus(finding_rows(&alone, "/skus/0", &format!("/skus/{i}")));
        assert_eq!(
            product_level.get_or_insert_with(|| of_product.clone()),
            &of_product
        );
        expected.extend(of_sku);
    }
    (got, expected)
}

/// The per-SKU rules run over blocks of SKUs: a SKU's findings are the same
/// wherever it stands among hundreds of others (first block, a boundary,
/// the last partial block) as when it is a product's only SKU.
#[test]
fn per_sku_findings_do_not_depend_on_the_skus_place() {
    use crossborder::{Money, Product};
    // The eighth kind is priced in USD, which only Rust can build.
    let clean = json!({"price": 59.9, "netWeight": 0.2, "grossWeight": 0.25});
    let build = |skus: Vec<Value>| -> Product {
        let (mut p, conversion) = Product::from_wire(product_of_skus(skus)).into_parts();
        assert!(conversion.is_empty(), "{conversion}");
        for sku in &mut p.skus {
            if sku.sku_number.as_deref().is_some_and(|s| s.ends_with("-7")) {
                sku.price = Some(Money::new(Decimal::new(899, 2), Currency::USD));
            }
        }
        p
    };
    let validator = Validator::new(RuleSet::standard());
    let context = context();
    let n = 300; // two whole blocks of 128 and a partial one
    let (got, expected) = sku_findings(
        n,
        |i| sku_of_kind(i, &clean),
        |skus| validator.check_product(&build(skus), &context),
    );
    // Every kind but the clean one reports something, in each block.
    assert!(expected.len() >= n * 6 / 8, "{}", expected.len());
    for code in [
        "barcode.invalid",
        "price.not_positive",
        "weight.net_exceeds_gross",
        "weight.not_positive",
        "customs_unit.unknown",
        "required.missing",
        "currency.mismatch",
    ] {
        assert!(
            got.iter()
                .any(|r| r.0 == code && r.1.starts_with("/skus/29")),
            "{code}"
        );
    }
    assert_eq!(got, expected);
}

/// Through `validate_product` (conversion, then the rules over blocks of
/// SKUs), a SKU's findings among 300 are those it has alone, with the rule
/// set's switches and severities, beside the conversion's own (a bad price
/// is one violation, not also a missing price).
#[test]
fn validate_product_per_sku_findings_across_blocks() {
    // The eighth kind has a malformed price.
    let bad_price = json!({"price": "n/a", "netWeight": 0.2, "grossWeight": 0.25});
    let mut rules = RuleSet::standard();
    assert!(rules.disable(&crossborder::Code::new("barcode.invalid")));
    assert!(rules.set_severity(
        &crossborder::Code::new("price.not_positive"),
        Severity::Warning
    ));
    let validator = Validator::new(rules);
    let context = context();
    let (got, expected) = sku_findings(
        300,
        |i| sku_of_kind(i, &bad_price),
        |skus| {
            validator
                .validate_product(product_of_skus(skus), &context)
                .into_parts()
                .1
        },
    );
    assert_eq!(got, expected);
    // What each kind gives in the last block, a partial one (SKUs 292 to
    // 299 are one of each kind).
    let at = |code: &str, field: &str| {
        got.iter()
            .find(|r| r.0 == code && (292..300).any(|n| r.1 == format!("/skus/{n}{field}")))
            .map(|r| r.2)
    };
    assert_eq!(at("price.not_positive", "/price"), Some(Severity::Warning));
    assert_eq!(at("barcode.invalid", "/barcode"), None);
    assert_eq!(at("number.invalid", "/price"), Some(Severity::Error));
    assert_eq!(
        at("weight.net_exceeds_gross", "/netWeight"),
        Some(Severity::Error)
    );
    assert_eq!(
        at("weight.not_positive", "/netWeight"),
        Some(Severity::Error)
    );
    assert_eq!(
        at("customs_unit.unknown", "/customsUnitCode"),
        Some(Severity::Error)
    );
    assert!(got.iter().any(|r| r.0 == "required.missing"
        && r.1 == "/skus/294"
        && r.3.as_deref() == Some("grossWeight")));
    // A bad price is not also a missing one.
    assert!(!got.iter().any(|r| r.0 == "required.missing"
        && r.3.as_deref() == Some("price")
        && r.1 == "/skus/295"));
}
