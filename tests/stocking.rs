//! Stocking shipments: the sample of the JSON form, one test per rule at its
//! exact pointer, the ten-problem shipment, chargeable weight, round trips.

use crossborder::shipment::{CheckOptions, ShipmentJson, check};
use crossborder::{Code, Severity};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("fixtures/stocking_sample.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).unwrap()
}

fn found(doc: &Value) -> Vec<(String, String)> {
    let s: ShipmentJson = serde_json::from_value(doc.clone()).unwrap();
    check(&s, &CheckOptions::new())
        .report()
        .iter()
        .map(|v| (v.code().to_string(), v.pointer().to_string()))
        .collect()
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect()
}

/// The sample for the EU (Germany), with an EORI.
fn eu(mut d: Value) -> Value {
    d["warehouse"] = json!({"profile": "amazon_fba_eu", "code": "FRA7", "country": "DE"});
    d["importer"]["eori"] = json!("DE12345678901234");
    d
}

/// The sample for a 3PL with its own limits.
fn generic(mut d: Value, limits: Value) -> Value {
    d["warehouse"] =
        json!({"profile": "generic", "code": "GC-LA", "country": "US", "limits": limits});
    d
}

/// Each carton box holds 40 EAR-BLK and 40 EAR-WHT; documents to match.
fn two_skus(mut d: Value) -> Value {
    let mut white = d["skus"][0].clone();
    white["sku"] = json!("EAR-WHT");
    white["fnsku"] = json!("X00ABCD124");
    d["skus"].as_array_mut().unwrap().push(white);
    d["cartons"][0]["items"] =
        json!([{"sku": "EAR-BLK", "quantity": 40}, {"sku": "EAR-WHT", "quantity": 40}]);
    d["packingList"]["lines"] =
        json!([{"sku": "EAR-BLK", "quantity": 120}, {"sku": "EAR-WHT", "quantity": 120}]);
    d["commercialInvoice"]["lines"] = json!([
        {"sku": "EAR-BLK", "hsCode": "8518300000", "quantity": 120, "unitPrice": "12.50", "amount": "1500.00"},
        {"sku": "EAR-WHT", "hsCode": "8518300000", "quantity": 120, "unitPrice": "12.50", "amount": "1500.00"}
    ]);
    d
}

#[test]
fn the_sample_has_no_problem_and_weighs_36_kg() {
    let s: ShipmentJson = serde_json::from_str(SAMPLE).unwrap();
    let checked = check(&s, &CheckOptions::new());
    assert!(checked.report().is_empty(), "{}", checked.report());
    let w = checked.chargeable_weight().unwrap();
    assert_eq!(w.rule(), "express_metric");
    assert_eq!(w.total().to_string(), "36");
    assert_eq!(w.pieces()[0].chargeable.unwrap().to_string(), "12");
    assert_eq!(w.pieces()[0].volumetric.to_string(), "12");
    assert_eq!(w.pieces()[0].actual.to_string(), "11.9");
}

#[test]
fn the_sample_weighs_81_lb_under_ups_us_domestic() {
    let mut d = sample();
    d["chargeableWeightRule"] = json!("ups_us_domestic");
    let s: ShipmentJson = serde_json::from_value(d).unwrap();
    let checked = check(&s, &CheckOptions::new());
    assert!(checked.report().is_empty(), "{}", checked.report());
    let w = checked.chargeable_weight().unwrap();
    let p = w.pieces()[0];
    assert_eq!(p.volumetric.round_dp(2).to_string(), "23.13");
    assert_eq!(p.actual.round_dp(2).to_string(), "26.24");
    assert_eq!(p.chargeable.unwrap().to_string(), "27");
    assert_eq!(w.total().to_string(), "81");
    assert_eq!(w.dominant().as_str(), "actual");
}

#[test]
fn helpers_make_clean_shipments() {
    for d in [
        eu(sample()),
        generic(sample(), json!({"maxCartonWeight": "30 kg"})),
        two_skus(sample()),
    ] {
        assert_eq!(found(&d), pairs(&[]), "{d}");
    }
}

#[test]
fn the_sample_writes_back_as_it_was_read() {
    let mut d = sample();
    d["incoterm"] = json!("DDU");
    let s: ShipmentJson = serde_json::from_value(d.clone()).unwrap();
    let back = serde_json::to_value(&s).unwrap();
    // Every non-null member comes back as written (nulls read as absent).
    fn strip(v: &Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k.clone(), strip(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
            other => other.clone(),
        }
    }
    assert_eq!(back, strip(&d));
    assert_eq!(back["incoterm"], "DDU");
    assert_eq!(back["skus"][0]["unitValue"], "12.50");
    assert_eq!(back["cartons"][0]["boxNo"], 1);
}

macro_rules! rule_case {
    ($name:ident, $doc:expr, [$(($code:literal, $ptr:literal)),* $(,)?]) => {
        #[test]
        fn $name() {
            let doc: Value = $doc;
            assert_eq!(found(&doc), pairs(&[$(($code, $ptr)),*]), "{doc}");
        }
    };
}

/// The document with the member at `pointer` set (added if absent).
fn with(mut d: Value, pointer: &str, value: Value) -> Value {
    if let Some(slot) = d.pointer_mut(pointer) {
        *slot = value;
        return d;
    }
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let object = d.pointer_mut(parent).and_then(Value::as_object_mut);
    object
        .unwrap_or_else(|| panic!("{pointer}"))
        .insert(key.to_owned(), value);
    d
}

fn without(mut d: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    d.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key)
        .unwrap();
    d
}

rule_case!(
    shipment_missing_field,
    without(sample(), "/shipDate"),
    [("shipment.missing_field", "/shipDate")]
);
rule_case!(
    incoterm_legacy_ddu,
    with(sample(), "/incoterm", json!("DDU")),
    [("incoterm.legacy_ddu", "/incoterm")]
);
rule_case!(
    registration_not_registered,
    with(sample(), "/cartons/0/items/0/sku", json!("EAR-BLU")),
    [("registration.not_registered", "/cartons/0/items/0/sku")]
);
rule_case!(
    registration_not_registered_on_the_invoice,
    with(sample(), "/commercialInvoice/lines/0/sku", json!("EAR-BLU")),
    [(
        "registration.not_registered",
        "/commercialInvoice/lines/0/sku"
    )]
);
rule_case!(
    registration_duplicate_sku,
    {
        let mut d = sample();
        let copy = d["skus"][0].clone();
        d["skus"].as_array_mut().unwrap().push(copy);
        d
    },
    [("registration.duplicate_sku", "/skus/1/sku")]
);
rule_case!(
    registration_missing_field,
    without(sample(), "/skus/0/nameEn"),
    [("registration.missing_field", "/skus/0/nameEn")]
);
rule_case!(
    registration_missing_sales_link_where_required,
    without(
        generic(sample(), json!({"salesLinkRequired": true})),
        "/skus/0/salesLink"
    ),
    [("registration.missing_field", "/skus/0/salesLink")]
);
rule_case!(
    registration_not_positive,
    with(sample(), "/skus/0/unitWeight", json!("0")),
    [("registration.not_positive", "/skus/0/unitWeight")]
);
rule_case!(
    registration_barcode_invalid,
    with(sample(), "/skus/0/barcode", json!("6901234567893")),
    [("registration.barcode_invalid", "/skus/0/barcode")]
);
rule_case!(
    registration_fnsku_missing,
    without(sample(), "/skus/0/fnsku"),
    [("registration.fnsku_missing", "/skus/0/fnsku")]
);
rule_case!(
    registration_fnsku_invalid,
    with(sample(), "/skus/0/fnsku", json!("Y00ABCD123")),
    [("registration.fnsku_invalid", "/skus/0/fnsku")]
);
rule_case!(
    registration_hs_code_length,
    with(sample(), "/skus/0/hsCode", json!("85183000")),
    [("registration.hs_code_length", "/skus/0/hsCode")]
);
rule_case!(
    registration_hs_code_unknown,
    with(sample(), "/skus/0/hsCode", json!("8518990000")),
    [("registration.hs_code_unknown", "/skus/0/hsCode")]
);
rule_case!(
    carton_missing_field,
    without(sample(), "/cartons/0/netWeight"),
    [("carton.missing_field", "/cartons/0/netWeight")]
);
rule_case!(
    carton_count_zero,
    with(sample(), "/cartons/0/count", json!(0)),
    [("carton.count_zero", "/cartons/0/count")]
);
rule_case!(
    carton_reference_mismatch,
    with(
        sample(),
        "/cartons/0/marks/reference",
        json!("PO-20261120-02")
    ),
    [("carton.reference_mismatch", "/cartons/0/marks/reference")]
);
rule_case!(
    carton_without_po_mark,
    without(sample(), "/cartons/0/marks/reference"),
    [("carton.reference_mismatch", "/cartons/0/marks/reference")]
);
rule_case!(
    carton_shipment_id_mismatch,
    without(sample(), "/cartons/0/marks/shipmentId"),
    [("carton.shipment_id_mismatch", "/cartons/0/marks/shipmentId")]
);
rule_case!(
    carton_box_number_duplicate,
    {
        let mut d = sample();
        let mut second = d["cartons"][0].clone();
        d["cartons"][0]["count"] = json!(2);
        second["boxNo"] = json!(2);
        second["count"] = json!(1);
        d["cartons"].as_array_mut().unwrap().push(second);
        d
    },
    [("carton.box_number_duplicate", "/cartons/1/boxNo")]
);
rule_case!(
    carton_box_numbers_not_consecutive,
    with(
        generic(sample(), json!({"consecutiveBoxNumbers": true})),
        "/cartons/0/boxNo",
        json!(2)
    ),
    [("carton.box_numbers_not_consecutive", "/cartons/0/boxNo")]
);
rule_case!(
    carton_net_exceeds_gross,
    with(
        with(sample(), "/cartons/0/netWeight", json!("12")),
        "/packingList/netWeight",
        json!("36")
    ),
    [("carton.net_exceeds_gross", "/cartons/0/netWeight")]
);
rule_case!(
    carton_gross_below_contents,
    with(sample(), "/skus/0/unitWeight", json!("0.15")),
    [("carton.gross_below_contents", "/cartons/0/grossWeight")]
);
rule_case!(
    carton_overweight,
    {
        let d = with(eu(sample()), "/cartons/0/grossWeight", json!("23.5"));
        let d = with(d, "/cartons/0/marks/labels", json!(["heavy_package"]));
        with(d, "/packingList/grossWeight", json!("70.5"))
    },
    [("carton.overweight", "/cartons/0/grossWeight")]
);
rule_case!(
    carton_jewellery_overweight,
    {
        let d = with(eu(sample()), "/cartons/0/grossWeight", json!("16"));
        let d = with(d, "/cartons/0/marks/labels", json!(["heavy_package"]));
        let mut d = with(d, "/packingList/grossWeight", json!("48"));
        d["skus"][0]["jewelleryOrWatch"] = json!(true);
        d
    },
    [("carton.jewellery_overweight", "/cartons/0/grossWeight")]
);
rule_case!(
    carton_side_too_long,
    with(sample(), "/cartons/0/dimensions/length", json!(70)),
    [("carton.side_too_long", "/cartons/0/dimensions")]
);
rule_case!(
    carton_heavy_label_missing,
    with(
        with(eu(sample()), "/cartons/0/grossWeight", json!("16")),
        "/packingList/grossWeight",
        json!("48")
    ),
    [("carton.heavy_label_missing", "/cartons/0/marks/labels")]
);
rule_case!(
    carton_too_many_units,
    generic(sample(), json!({"maxUnitsPerCarton": 50})),
    [("carton.too_many_units", "/cartons/0/items")]
);
rule_case!(
    carton_mixed_skus,
    generic(two_skus(sample()), json!({"mixedSkus": false})),
    [("carton.mixed_skus", "/cartons/0/items/1/sku")]
);
rule_case!(
    carton_expiry_mixed,
    with(
        sample(),
        "/cartons/0/items",
        json!([{"sku": "EAR-BLK", "quantity": 40, "expiry": "2027-01-01"}, {"sku": "EAR-BLK", "quantity": 40, "expiry": "2027-06-01"}])
    ),
    [("carton.expiry_mixed", "/cartons/0/items/1/expiry")]
);
rule_case!(
    carton_lot_missing,
    with(sample(), "/skus/0/lotManaged", json!(true)),
    [("carton.lot_missing", "/cartons/0/items/0/lot")]
);
rule_case!(
    carton_expiry_missing,
    with(sample(), "/skus/0/expiryManaged", json!(true)),
    [("carton.expiry_missing", "/cartons/0/items/0/expiry")]
);
rule_case!(
    documents_missing,
    without(sample(), "/declaration"),
    [("documents.missing", "/declaration")]
);
rule_case!(
    documents_missing_field,
    without(sample(), "/commercialInvoice/lines/0/unitPrice"),
    [(
        "documents.missing_field",
        "/commercialInvoice/lines/0/unitPrice"
    )]
);
rule_case!(
    documents_packing_list_quantity,
    with(sample(), "/packingList/lines/0/quantity", json!(250)),
    [(
        "documents.packing_list_quantity",
        "/packingList/lines/0/quantity"
    )]
);
rule_case!(
    documents_invoice_quantity,
    {
        let d = with(sample(), "/commercialInvoice/lines/0/quantity", json!(250));
        let d = with(d, "/commercialInvoice/lines/0/amount", json!("3125.00"));
        with(d, "/commercialInvoice/total", json!("3125.00"))
    },
    [(
        "documents.invoice_quantity",
        "/commercialInvoice/lines/0/quantity"
    )]
);
rule_case!(
    documents_invoice_hs_code,
    with(
        sample(),
        "/commercialInvoice/lines/0/hsCode",
        json!("8517130000")
    ),
    [(
        "documents.invoice_hs_code",
        "/commercialInvoice/lines/0/hsCode"
    )]
);
rule_case!(
    documents_invoice_hs_code_matches_at_six_digits,
    with(
        sample(),
        "/commercialInvoice/lines/0/hsCode",
        json!("8518.30.20")
    ),
    []
);
rule_case!(
    documents_invoice_arithmetic,
    with(
        with(
            sample(),
            "/commercialInvoice/lines/0/amount",
            json!("3100.00")
        ),
        "/commercialInvoice/total",
        json!("3100.00")
    ),
    [(
        "documents.invoice_arithmetic",
        "/commercialInvoice/lines/0/amount"
    )]
);
rule_case!(
    documents_invoice_total,
    with(sample(), "/commercialInvoice/total", json!("3100.00")),
    [("documents.invoice_total", "/commercialInvoice/total")]
);
rule_case!(
    documents_invoice_charge_unexpected,
    {
        let d = with(sample(), "/incoterm", json!("FOB"));
        let d = with(d, "/commercialInvoice/freight", json!("100"));
        with(d, "/commercialInvoice/total", json!("3100.00"))
    },
    [(
        "documents.invoice_charge_unexpected",
        "/commercialInvoice/freight"
    )]
);
rule_case!(
    documents_packing_list_totals,
    with(sample(), "/packingList/cartons", json!(4)),
    [("documents.packing_list_totals", "/packingList/cartons")]
);
rule_case!(
    documents_packing_list_gross_weight,
    with(sample(), "/packingList/grossWeight", json!("35.6")),
    [("documents.packing_list_totals", "/packingList/grossWeight")]
);
rule_case!(
    documents_declaration_hs_code,
    with(sample(), "/declaration/lines/0/hsCode", json!("8517130000")),
    [(
        "documents.declaration_hs_code",
        "/declaration/lines/0/hsCode"
    )]
);
rule_case!(
    documents_declaration_name,
    with(sample(), "/declaration/lines/0/name", json!("耳机")),
    [("documents.declaration_name", "/declaration/lines/0/name")]
);
rule_case!(
    documents_declaration_quantity,
    with(sample(), "/declaration/lines/0/quantity", json!(250)),
    [(
        "documents.declaration_quantity",
        "/declaration/lines/0/quantity"
    )]
);
rule_case!(
    documents_declaration_quantity_by_net_weight,
    with(
        with(sample(), "/declaration/lines/0/unit", json!("035")),
        "/declaration/lines/0/quantity",
        json!("28.9")
    ),
    [(
        "documents.declaration_quantity",
        "/declaration/lines/0/quantity"
    )]
);
rule_case!(
    documents_declaration_net_weight_agrees,
    with(
        with(sample(), "/declaration/lines/0/unit", json!("035")),
        "/declaration/lines/0/quantity",
        json!("28.8")
    ),
    []
);
rule_case!(
    documents_declaration_amount,
    with(sample(), "/declaration/lines/0/amount", json!("2900.00")),
    [(
        "documents.declaration_amount",
        "/declaration/lines/0/amount"
    )]
);
rule_case!(
    documents_declared_value_low,
    {
        let d = with(
            sample(),
            "/commercialInvoice/lines/0/unitPrice",
            json!("12.00"),
        );
        let d = with(d, "/commercialInvoice/lines/0/amount", json!("2880.00"));
        let d = with(d, "/commercialInvoice/total", json!("2880.00"));
        with(d, "/declaration/lines/0/amount", json!("2880.00"))
    },
    [(
        "documents.declared_value_low",
        "/commercialInvoice/lines/0/unitPrice"
    )]
);
rule_case!(
    documents_rate_missing,
    with(
        with(sample(), "/declaration/currency", json!("CNY")),
        "/declaration/lines/0/amount",
        json!("21300.00")
    ),
    [("documents.rate_missing", "/declaration/lines/0/amount")]
);
rule_case!(
    documents_rate_given_compares,
    {
        let mut d = with(
            with(sample(), "/declaration/currency", json!("CNY")),
            "/declaration/lines/0/amount",
            json!("21300.00"),
        );
        d["rates"] = json!([{"from": "USD", "to": "CNY", "rate": "7.1"}]);
        d
    },
    []
);
rule_case!(
    special_document_missing,
    {
        let mut d = sample();
        d["skus"][0]["documents"].as_array_mut().unwrap().remove(1);
        d
    },
    [("special.document_missing", "/skus/0/documents")]
);
rule_case!(
    special_msds_expired,
    with(
        sample(),
        "/skus/0/documents/0/issuedOn",
        json!("2023-11-20")
    ),
    [("special.msds_expired", "/skus/0/documents/0/issuedOn")]
);
rule_case!(
    special_msds_valid_the_day_before,
    with(
        sample(),
        "/skus/0/documents/0/issuedOn",
        json!("2023-11-21")
    ),
    []
);
rule_case!(
    special_state_of_charge,
    {
        let d = with(
            sample(),
            "/skus/0/battery/configuration",
            json!("packed_with_equipment"),
        );
        let d = with(d, "/skus/0/battery/wattHours", json!("5"));
        with(d, "/skus/0/battery/stateOfCharge", json!(40))
    },
    [("special.state_of_charge", "/skus/0/battery/stateOfCharge")]
);
rule_case!(
    special_state_of_charge_at_or_below_2_7_wh_is_not_required,
    {
        let d = with(
            sample(),
            "/skus/0/battery/configuration",
            json!("packed_with_equipment"),
        );
        let d = with(d, "/skus/0/battery/wattHours", json!("2.7"));
        with(d, "/skus/0/battery/stateOfCharge", json!(40))
    },
    []
);
rule_case!(
    special_state_of_charge_before_2026,
    {
        let d = with(
            sample(),
            "/skus/0/battery/configuration",
            json!("packed_with_equipment"),
        );
        let d = with(d, "/skus/0/battery/wattHours", json!("5"));
        let d = with(d, "/skus/0/documents/0/issuedOn", json!("2025-03-01"));
        let d = with(d, "/shipDate", json!("2025-12-31"));
        with(d, "/skus/0/battery/stateOfCharge", json!(40))
    },
    []
);
rule_case!(
    special_state_of_charge_advised,
    with(sample(), "/skus/0/battery/stateOfCharge", json!(40)),
    [(
        "special.state_of_charge_advised",
        "/skus/0/battery/stateOfCharge"
    )]
);
rule_case!(
    special_battery_alone_regulated,
    with(sample(), "/skus/0/battery/configuration", json!("alone")),
    [
        (
            "special.cargo_aircraft_only",
            "/skus/0/battery/configuration"
        ),
        (
            "special.battery_alone_regulated",
            "/skus/0/battery/configuration"
        )
    ]
);
rule_case!(
    special_cargo_aircraft_only,
    {
        let mut d = with(sample(), "/skus/0/battery/configuration", json!("alone"));
        d["dangerousGoods"] = json!(true);
        d
    },
    [(
        "special.cargo_aircraft_only",
        "/skus/0/battery/configuration"
    )]
);
rule_case!(
    special_section_ii_exceeded,
    with(sample(), "/skus/0/battery/wattHours", json!("120")),
    [("special.section_ii_exceeded", "/skus/0/battery/wattHours")]
);
rule_case!(
    special_flammable,
    with(sample(), "/skus/0/flammable", json!(true)),
    [("special.flammable", "/skus/0/flammable")]
);
rule_case!(
    importer_eori_missing,
    with(
        sample(),
        "/warehouse",
        json!({"profile": "amazon_fba_uk", "code": "LTN4"})
    ),
    [("importer.eori_missing", "/importer/eori")]
);
rule_case!(
    importer_eori_of_another_region,
    with(
        with(sample(), "/warehouse", json!({"profile": "amazon_fba_uk"})),
        "/importer/eori",
        json!("DE12345678901234")
    ),
    [("importer.eori_invalid", "/importer/eori")]
);
rule_case!(
    importer_eori_malformed,
    with(
        with(sample(), "/warehouse", json!({"profile": "amazon_fba_uk"})),
        "/importer/eori",
        json!("GB1234")
    ),
    [("importer.eori_invalid", "/importer/eori")]
);
rule_case!(
    chargeable_rule_missing,
    without(
        with(sample(), "/transportMode", json!("rail")),
        "/chargeableWeightRule"
    ),
    [("chargeable.rule_missing", "/chargeableWeightRule")]
);
rule_case!(
    chargeable_piece_limit,
    {
        let d = generic(sample(), json!({}));
        let d = with(d, "/chargeableWeightRule", json!("ups_us_domestic"));
        with(
            d,
            "/cartons/0/dimensions",
            json!({"length": 280, "width": 20, "height": 20, "unit": "cm"}),
        )
    },
    [
        ("chargeable.piece_limit", "/cartons/0"),
        ("chargeable.additional_handling", "/cartons/0")
    ]
);
rule_case!(
    chargeable_additional_handling,
    {
        let d = generic(sample(), json!({}));
        let d = with(d, "/chargeableWeightRule", json!("ups_us_domestic"));
        with(
            d,
            "/cartons/0/dimensions",
            json!({"length": 130, "width": 40, "height": 30, "unit": "cm"}),
        )
    },
    [("chargeable.additional_handling", "/cartons/0")]
);

#[test]
fn every_rule_of_the_catalogue_has_a_test_here() {
    let source = include_str!("stocking.rs");
    let flows = include_str!("stocking_flow.rs");
    for rule in crossborder::shipment::catalogue() {
        let quoted = format!("\"{}\"", rule.code());
        assert!(
            source.contains(&quoted) || flows.contains(&quoted),
            "no test for {}",
            rule.code()
        );
    }
}

#[test]
fn every_bad_value_at_its_pointer_all_at_once() {
    let mut d = sample();
    d["transportMode"] = json!("boat");
    d["shipDate"] = json!("20/11/2026");
    d["skus"][0]["unitValue"] = json!("12,50");
    d["skus"][0]["dimensions"]["width"] = json!(0);
    d["skus"][0]["battery"]["chemistry"] = json!("plutonium");
    d["cartons"][0]["massUnit"] = json!("stone");
    d["cartons"][0]["marks"]["labels"] = json!(["fragile"]);
    d["commercialInvoice"]["currency"] = json!("XXY");
    d["chargeableWeightRule"] = json!("by_magic");
    d["unknownMember"] = json!({"ignored": true});
    let got = found(&d);
    assert_eq!(
        got,
        pairs(&[
            ("transport_mode.unknown", "/transportMode"),
            ("shipment.date_invalid", "/shipDate"),
            ("chargeable.rule_invalid", "/chargeableWeightRule"),
            ("number.invalid", "/skus/0/unitValue"),
            (
                "shipment.dimensions_not_positive",
                "/skus/0/dimensions/width"
            ),
            ("battery.value_unknown", "/skus/0/battery/chemistry"),
            ("carton.label_unknown", "/cartons/0/marks/labels/0"),
            ("mass_unit.unknown", "/cartons/0/massUnit"),
            ("currency.unknown", "/commercialInvoice/currency"),
        ])
    );
}

/// Ten independent problems, each reported once, in document order.
#[test]
fn a_ten_problem_shipment_gives_its_ten_violations_in_document_order() {
    let mut d = sample();
    d["incoterm"] = json!("DDU"); // 1
    d["skus"][0]["barcode"] = json!("6901234567890"); // 2
    d["skus"][0]["flammable"] = json!(true); // 3
    d["skus"][0]["documents"].as_array_mut().unwrap().remove(3); // 4: magnetic report
    d["cartons"][0]["marks"]["reference"] = json!("PO-20261119-07"); // 5
    d["cartons"][0]["netWeight"] = json!("12.2"); // 6 (and the list's net total to match)
    d["packingList"]["netWeight"] = json!("36.6");
    d["packingList"]["cartons"] = json!(2); // 7
    d["commercialInvoice"]["total"] = json!("3010.00"); // 8
    d["declaration"]["lines"][0]["name"] = json!("耳机"); // 9
    d["declaration"]["lines"][0]["amount"] = json!("2990.00"); // 10
    let s: ShipmentJson = serde_json::from_value(d).unwrap();
    let report = check(&s, &CheckOptions::new()).into_parts().1;
    let got: Vec<_> = report
        .iter()
        .map(|v| (v.code().to_string(), v.pointer().to_string()))
        .collect();
    assert_eq!(
        got,
        pairs(&[
            ("incoterm.legacy_ddu", "/incoterm"),
            ("registration.barcode_invalid", "/skus/0/barcode"),
            ("special.flammable", "/skus/0/flammable"),
            ("special.document_missing", "/skus/0/documents"),
            ("carton.reference_mismatch", "/cartons/0/marks/reference"),
            ("carton.net_exceeds_gross", "/cartons/0/netWeight"),
            ("documents.packing_list_totals", "/packingList/cartons"),
            ("documents.invoice_total", "/commercialInvoice/total"),
            ("documents.declaration_name", "/declaration/lines/0/name"),
            (
                "documents.declaration_amount",
                "/declaration/lines/0/amount"
            ),
        ])
    );
    assert_eq!(report.warnings().count(), 2);
    let missing = report
        .iter()
        .find(|v| v.code() == &Code::SPECIAL_DOCUMENT_MISSING)
        .unwrap();
    assert_eq!(missing.value(), Some("magnetic_report"));
    assert_eq!(missing.severity(), Severity::Error);
    assert!(missing.message_zh().contains("磁检报告"));
}

#[test]
fn options_switch_rules_off_and_change_severity() {
    let d = with(sample(), "/incoterm", json!("DDU"));
    let s: ShipmentJson = serde_json::from_value(d).unwrap();
    let off = check(&s, &CheckOptions::new().disable(Code::INCOTERM_LEGACY_DDU));
    assert!(off.report().is_empty());
    let up = check(
        &s,
        &CheckOptions::new().severity(Code::INCOTERM_LEGACY_DDU, Severity::Error),
    );
    assert!(up.report().has_errors());
}

#[test]
fn a_caller_tolerance_lets_a_light_carton_pass() {
    let d = with(sample(), "/skus/0/unitWeight", json!("0.15"));
    let s: ShipmentJson = serde_json::from_value(d).unwrap();
    let checked = check(
        &s,
        &CheckOptions::new().with_weight_tolerance("0.1 kg".parse().unwrap()),
    );
    assert!(checked.report().is_empty(), "{}", checked.report());
}

#[test]
fn a_rule_can_count_volumetric_weight_only_above_a_volume() {
    use crossborder::shipment::{Method, Piece};
    use crossborder::{ChargeableRule, VolumetricDivisor};
    // A historic carrier rule: at or below 1,728 in³ the actual weight, above it / 194.
    let mut rule = ChargeableRule::volumetric(VolumetricDivisor::new(
        194.into(),
        crossborder::LengthUnit::Inch,
        crossborder::MassUnit::Pound,
    ));
    rule.method = Method::Volumetric {
        divisor: VolumetricDivisor::new(
            194.into(),
            crossborder::LengthUnit::Inch,
            crossborder::MassUnit::Pound,
        ),
        over_volume: Some(1728.into()),
    };
    let small = Piece::new(
        "12 x 12 x 12 in".parse().unwrap(),
        "1 lb".parse().unwrap(),
        1,
    );
    let large = Piece::new(
        "12 x 12 x 13 in".parse().unwrap(),
        "1 lb".parse().unwrap(),
        1,
    );
    assert_eq!(rule.compute(&[small]).unwrap().total().to_string(), "1");
    let w = rule.compute(&[large]).unwrap();
    assert_eq!(w.total().round_dp(3).to_string(), "9.649"); // 1872 / 194
}

#[test]
fn ups_daily_rates_use_139_for_every_package() {
    use crossborder::ChargeableRule;
    use crossborder::shipment::Piece;
    let rule = ChargeableRule::preset("ups_us_domestic_daily").unwrap();
    let small = Piece::new(
        "12 x 12 x 10 in".parse().unwrap(),
        "1 lb".parse().unwrap(),
        1,
    );
    // 1440 in³ / 139 = 10.36 lb -> 11 lb, even below 1,728 in³.
    assert_eq!(rule.compute(&[small]).unwrap().total().to_string(), "11");
}
