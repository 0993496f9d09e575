//! Stocking flow: stages and events, receipt reconciliation, safety stock.

use chrono::NaiveDate;
use crossborder::TransportMode;
use crossborder::shipment::{
    self, Alert, InboundLine, Inventory, InventoryJson, SafetyStock, StockLevel,
};
use crossborder::shipment::{CheckOptions, ShipmentJson, Stage, StageDurations, check};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("fixtures/stocking_sample.json");
const INVENTORY: &str = include_str!("fixtures/stocking_inventory.json");

/// The shipment sample with the events and receipt of section 7.1.
fn tracked() -> Value {
    let mut d: Value = serde_json::from_str(SAMPLE).unwrap();
    d["events"] = json!([
        { "stage": "consolidation", "at": "2026-11-18T09:00:00+08:00" },
        { "stage": "export_declaration", "at": "2026-11-19T15:30:00+08:00" },
        { "stage": "international_transport", "at": "2026-11-20T22:10:00+08:00" },
        { "stage": "destination_clearance", "at": "2026-11-24T08:00:00-08:00",
          "exception": { "kind": "customs_hold", "note": "document check" } },
        { "stage": "receipt_putaway", "at": "2026-11-27T10:00:00-08:00" }
    ]);
    d["receipt"] = json!({
        "receivedOn": "2026-11-27",
        "lines": [ { "sku": "EAR-BLK", "boxNo": 1, "quantity": 80, "damaged": 0 },
                   { "sku": "EAR-BLK", "boxNo": 2, "quantity": 80, "damaged": 0 },
                   { "sku": "EAR-BLK", "boxNo": 3, "quantity": 80, "damaged": 0 } ]
    });
    d
}

fn found_with(doc: &Value, options: &CheckOptions) -> Vec<(String, String)> {
    let s: ShipmentJson = serde_json::from_value(doc.clone()).unwrap();
    check(&s, options)
        .report()
        .iter()
        .map(|v| (v.code().to_string(), v.pointer().to_string()))
        .collect()
}

fn found(doc: &Value) -> Vec<(String, String)> {
    found_with(doc, &CheckOptions::new())
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect()
}

const HOLD: (&str, &str) = ("stage.exception", "/events/3/exception");

#[test]
fn the_tracked_sample_reports_only_its_customs_hold() {
    assert_eq!(found(&tracked()), pairs(&[HOLD]));
    let s: ShipmentJson = serde_json::from_value(tracked()).unwrap();
    let checked = check(&s, &CheckOptions::new());
    let track = checked.shipment().stages();
    assert_eq!(track.current(), Some(Stage::ReceiptPutaway));
    assert_eq!(track.spans().len(), 5);
    // Destination clearance: 2026-11-24 08:00 -08:00 to 2026-11-27 10:00 -08:00.
    let clearance = track.spans()[3];
    let now = "2026-12-01T00:00:00Z".parse().unwrap();
    assert_eq!(clearance.duration(now).num_hours(), 74);
    let back = serde_json::to_value(&s).unwrap();
    assert_eq!(back["events"][3]["exception"]["kind"], "customs_hold");
    assert_eq!(back["receipt"]["lines"][2]["boxNo"], 3);
}

#[test]
fn stage_skipped() {
    let mut d = tracked();
    d["events"].as_array_mut().unwrap().remove(1);
    assert_eq!(
        found(&d),
        pairs(&[
            ("stage.skipped", "/events/1/stage"),
            ("stage.exception", "/events/2/exception")
        ])
    );
}

#[test]
fn stage_out_of_order() {
    let mut d = tracked();
    d["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({"stage": "international_transport", "at": "2026-11-28T10:00:00-08:00"}));
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("stage.out_of_order", "/events/5/stage")])
    );
}

#[test]
fn stage_time_backwards() {
    let mut d = tracked();
    d["events"][2]["at"] = json!("2026-11-19T10:00:00+08:00");
    assert_eq!(
        found(&d),
        pairs(&[("stage.time_backwards", "/events/2/at"), HOLD])
    );
}

#[test]
fn stage_exception_on_any_stage() {
    let mut d = tracked();
    d["events"][4]["exception"] = json!({"kind": "refused_at_warehouse", "note": "no PO mark"});
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("stage.exception", "/events/4/exception")])
    );
}

#[test]
fn stage_overdue() {
    let mut plan = StageDurations::new();
    plan.set(TransportMode::Express, Stage::InternationalTransport, 2);
    plan.set(TransportMode::Express, Stage::ReceiptPutaway, 1);
    let options = CheckOptions::new()
        .as_of(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        .with_stage_durations(plan);
    assert_eq!(
        found_with(&tracked(), &options),
        pairs(&[
            ("stage.overdue", "/events/2/stage"),
            HOLD,
            ("stage.overdue", "/events/4/stage")
        ])
    );
}

#[test]
fn receipt_before_putaway() {
    let mut d = tracked();
    d["events"].as_array_mut().unwrap().remove(4);
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("receipt.before_putaway", "/receipt")])
    );
}

#[test]
fn receipt_short_per_box() {
    let mut d = tracked();
    d["receipt"]["lines"][1]["quantity"] = json!(78);
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("receipt.short", "/receipt/lines/1/quantity")])
    );
}

#[test]
fn receipt_box_not_received() {
    let mut d = tracked();
    d["receipt"]["lines"].as_array_mut().unwrap().remove(2);
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("receipt.short", "/receipt/lines")])
    );
}

#[test]
fn receipt_over() {
    let mut d = tracked();
    d["receipt"]["lines"][0]["quantity"] = json!(82);
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("receipt.over", "/receipt/lines/0/quantity")])
    );
}

#[test]
fn receipt_unexpected_sku() {
    let mut d = tracked();
    d["receipt"]["lines"]
        .as_array_mut()
        .unwrap()
        .push(json!({"sku": "CASE-RED", "boxNo": 1, "quantity": 5}));
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("receipt.unexpected_sku", "/receipt/lines/3/sku")])
    );
}

#[test]
fn receipt_unknown_box() {
    let mut d = tracked();
    d["receipt"]["lines"]
        .as_array_mut()
        .unwrap()
        .push(json!({"sku": "EAR-BLK", "boxNo": 9, "quantity": 5}));
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("receipt.unknown_box", "/receipt/lines/3/boxNo")])
    );
}

#[test]
fn receipt_damaged() {
    let mut d = tracked();
    d["receipt"]["lines"][0]["damaged"] = json!(2);
    assert_eq!(
        found(&d),
        pairs(&[HOLD, ("receipt.damaged", "/receipt/lines/0/damaged")])
    );
}

#[test]
fn receipt_per_sku() {
    let mut d = tracked();
    d["receipt"]["lines"] = json!([{"sku": "EAR-BLK", "quantity": 230}]);
    let got = found(&d);
    assert_eq!(
        got,
        pairs(&[HOLD, ("receipt.short", "/receipt/lines/0/quantity")])
    );
    let s: ShipmentJson = serde_json::from_value(d).unwrap();
    let report = check(&s, &CheckOptions::new()).into_parts().1;
    assert!(
        report.as_slice()[1]
            .message_en()
            .contains("received 230 of 240 shipped, 10 short")
    );
}

fn inventory() -> Inventory {
    let json: InventoryJson = serde_json::from_str(INVENTORY).unwrap();
    let (inv, report) = shipment::read_inventory(&json);
    assert!(report.is_empty(), "{report}");
    inv.unwrap()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn the_inventory_sample_gives_its_figures() {
    let p_inv = inventory();
    let p = p_inv.project();
    let ear = &p.skus()[0];
    assert_eq!(ear.safety_stock, Decimal::from(56));
    assert_eq!(ear.safety_date, day(2027, 1, 9));
    assert_eq!(ear.stockout_date, day(2027, 1, 15));
    assert!(ear.alerts().is_empty());
    let by: Vec<_> = ear
        .modes
        .iter()
        .map(|m| (m.mode.as_str(), m.latest_ship_by))
        .collect();
    assert_eq!(
        by,
        [
            ("express", day(2027, 1, 2)),
            ("air", day(2026, 12, 30)),
            ("sea_lcl", day(2026, 12, 5)),
            ("sea_fcl", day(2026, 12, 10)),
            ("rail", day(2026, 12, 15)),
        ]
    );
    assert_eq!(ear.overdue().count(), 0);
    assert_eq!(ear.suggested_quantity, Decimal::from(176));
    // Per mode, the demand during the lead time: 8 x (7 + 60) + 56 - 360 = 232.
    assert_eq!(ear.modes[0].suggested_quantity, Decimal::from(232));
    let red = &p.skus()[1];
    assert_eq!(red.alerts(), vec![Alert::StockoutBeforeArrival]);
    assert_eq!(red.stockout_date, day(2027, 3, 11));
    assert_eq!(red.safety_date, day(2027, 2, 20));
    assert_eq!(red.modes[2].latest_ship_by, day(2027, 1, 16));
    assert_eq!(red.suggested_quantity, Decimal::ZERO);
}

fn one(on_hand: i64, sales: Decimal, safety: SafetyStock, inbound: &[(u32, u64)]) -> Inventory {
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    Inventory {
        as_of,
        lead_times: vec![(TransportMode::SeaLcl, 35), (TransportMode::Express, 7)],
        target_days_of_cover: Decimal::from(60),
        skus: vec![StockLevel::new("A", Decimal::from(on_hand), sales, safety)],
        inbound: inbound
            .iter()
            .map(|&(d, q)| InboundLine {
                sku: "A".into(),
                quantity: q,
                eta: as_of + chrono::Days::new(u64::from(d)),
            })
            .collect(),
    }
}

#[test]
fn fractional_daily_sales() {
    // 100 - 2.5d: below 20 first on day 33 (17.5), at 0 on day 40.
    let p_inv = one(
        100,
        Decimal::new(25, 1),
        SafetyStock::Units(Decimal::from(20)),
        &[],
    );
    let p = p_inv.project();
    let a = &p.skus()[0];
    assert_eq!(a.safety_date, day(2027, 1, 3));
    assert_eq!(a.stockout_date, day(2027, 1, 10));
    // ceil(2.5 x 60 + 20 - 100) = 70; days of sales: 7 x 2.5 = 17.5 units.
    assert_eq!(a.suggested_quantity, Decimal::from(70));
    let p_inv = one(
        100,
        Decimal::new(25, 1),
        SafetyStock::Days(Decimal::from(7)),
        &[],
    );
    let p = p_inv.project();
    assert_eq!(p.skus()[0].safety_stock, Decimal::new(175, 1));
}

#[test]
fn several_inbound_shipments() {
    // 50 - 5d, +100 on day 8, +100 on day 20: 50-40=10 on day 8 before... arrives, 110 on day 8.
    let p_inv = one(
        50,
        Decimal::from(5),
        SafetyStock::Units(Decimal::from(30)),
        &[(8, 100), (20, 100)],
    );
    let p = p_inv.project();
    let a = &p.skus()[0];
    // Below 30 on day 5 (25), first.
    assert_eq!(a.safety_date, day(2026, 12, 6));
    // Stock: day 8 = 150 - 40 = 110; day 20 = 250 - 100 = 150; at 0 on day 50.
    assert_eq!(a.stockout_date, day(2027, 1, 20));
    assert!(!a.stockout_before_arrival);
    assert_eq!(a.suggested_quantity, Decimal::from(80)); // 300 + 30 - 50 - 200
}

#[test]
fn an_inbound_after_the_stockout_date() {
    let p_inv = one(
        20,
        Decimal::from(5),
        SafetyStock::Units(Decimal::from(10)),
        &[(30, 500)],
    );
    let p = p_inv.project();
    let a = &p.skus()[0];
    assert_eq!(a.stockout_date, day(2026, 12, 5));
    assert!(a.stockout_before_arrival);
    assert_eq!(a.alerts(), vec![Alert::StockoutBeforeArrival]);
    // The safety date is day 3 (5 < 10): ship-by by sea was long ago.
    assert_eq!(a.safety_date, day(2026, 12, 4));
    assert!(a.modes[0].overdue && a.modes[1].overdue);
}

#[test]
fn synced_shipments_and_unknown_skus_in_the_inventory_json() {
    let mut d: Value = serde_json::from_str(INVENTORY).unwrap();
    d["inbound"][0]["stage"] = json!("inventory_synced");
    d["inbound"].as_array_mut().unwrap().push(json!({"stage": "consolidation", "eta": "2027-01-20", "lines": [{"sku": "NEW-1", "quantity": 10}]}));
    let json: InventoryJson = serde_json::from_value(d).unwrap();
    let (inv, report) = shipment::read_inventory(&json);
    let got: Vec<_> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str()))
        .collect();
    assert_eq!(got, [("inventory.unknown_sku", "/inbound/1/lines/0/sku")]);
    let inv = inv.unwrap();
    let p = inv.project();
    // Without the 240 inbound, EAR-BLK runs out on day 15 with nothing coming.
    assert_eq!(p.skus()[0].stockout_date, day(2026, 12, 16));
    assert!(p.skus()[0].stockout_before_arrival);
}

#[test]
fn a_service_level_safety_stock() {
    let s = SafetyStock::ServiceLevel {
        level: Decimal::new(95, 2),
        demand_sd: Decimal::from(3),
        lead_time_sd: Decimal::ZERO,
        lead_time_days: Decimal::from(16),
    };
    // z(0.95) x sqrt(16 x 9) = 1.6449 x 12 = 19.74 -> 20 units.
    assert_eq!(s.units(Decimal::from(8)), Some(Decimal::from(20)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn more_inbound_never_moves_the_dates_earlier(
        on_hand in 0i64..2000, sales in 0i64..3000, safety in 0i64..500,
        inbound in prop::collection::vec((0u32..400, 1u64..1000), 0..5),
        extra in (0u32..400, 1u64..1000),
    ) {
        let r = Decimal::new(sales, 2);
        let base_inv = one(on_hand, r, SafetyStock::Units(Decimal::from(safety)), &inbound);
    let base = base_inv.project();
        let mut more = inbound.clone();
        more.push(extra);
        let with_inv = one(on_hand, r, SafetyStock::Units(Decimal::from(safety)), &more);
    let with = with_inv.project();
        let later = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
            (Some(a), Some(b)) => b >= a,
            (None, Some(_)) => false,
            _ => true,
        };
        prop_assert!(later(base.skus()[0].stockout_date, with.skus()[0].stockout_date));
        prop_assert!(later(base.skus()[0].safety_date, with.skus()[0].safety_date));
    }

    #[test]
    fn more_sales_never_move_the_dates_later(
        on_hand in 0i64..2000, sales in 0i64..3000, more_sales in 1i64..3000, safety in 0i64..500,
        inbound in prop::collection::vec((0u32..400, 1u64..1000), 0..5),
    ) {
        let safety = SafetyStock::Units(Decimal::from(safety));
        let base_inv = one(on_hand, Decimal::new(sales, 2), safety, &inbound);
    let base = base_inv.project();
        let faster_inv = one(on_hand, Decimal::new(sales + more_sales, 2), safety, &inbound);
    let faster = faster_inv.project();
        let earlier = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
            (Some(a), Some(b)) => b <= a,
            (Some(_), None) => false,
            _ => true,
        };
        prop_assert!(earlier(base.skus()[0].stockout_date, faster.skus()[0].stockout_date));
        prop_assert!(earlier(base.skus()[0].safety_date, faster.skus()[0].safety_date));
    }

    #[test]
    fn the_dates_match_a_day_by_day_walk(
        on_hand in -50i64..500, sales in 0i64..2000, safety in 0i64..200,
        inbound in prop::collection::vec((0u32..120, 1u64..300), 0..4),
    ) {
        let r = Decimal::new(sales, 2);
        let p_inv = one(on_hand, r, SafetyStock::Units(Decimal::from(safety)), &inbound);
    let p = p_inv.project();
        let level = |d: u32| {
            let arrived: u64 = inbound.iter().filter(|(x, _)| *x <= d).map(|(_, q)| q).sum();
            Decimal::from(on_hand) - r * Decimal::from(d) + Decimal::from(arrived)
        };
        let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let walk = |pred: &dyn Fn(Decimal) -> bool| (0..=365u32).find(|d| pred(level(*d))).map(|d| as_of + chrono::Days::new(u64::from(d)));
        prop_assert_eq!(p.skus()[0].stockout_date, walk(&|l| l <= Decimal::ZERO));
        prop_assert_eq!(p.skus()[0].safety_date, walk(&|l| l < Decimal::from(safety)));
    }
}

/// A carton line's `count` is a number from the document: three billion
/// identical boxes must not make the check walk (or allocate) them one by
/// one. Above a million boxes the receipt is reconciled per SKU.
#[test]
fn billions_of_identical_boxes_are_reconciled_per_sku() {
    let mut d = tracked();
    d["cartons"][0]["count"] = json!(3_000_000_000u64);
    let receipt: Vec<(String, String)> = found(&d)
        .into_iter()
        .filter(|(code, _)| code.starts_with("receipt."))
        .collect();
    // 240 received of 240,000,000,000 shipped: short, once, for the SKU.
    assert_eq!(
        receipt,
        pairs(&[("receipt.short", "/receipt/lines/0/quantity")])
    );
}

/// Every document tallied per SKU through an index (a linear search per
/// line made the check quadratic in a document's SKUs; the complexity
/// benchmark measures the growth): at 5,000 distinct SKUs in cartons,
/// packing list, invoice, declaration and receipt, the one disagreement is
/// reported where it is, and nothing else.
#[test]
fn five_thousand_skus_report_each_disagreement_where_it_is() {
    const N: usize = 5_000;
    let d: Value =
        serde_json::from_str(&crate::common::hostile::shipment_with_skus(SAMPLE, N)).unwrap();
    assert_eq!(
        found(&d),
        [(
            "documents.packing_list_quantity".to_owned(),
            format!("/packingList/lines/{}/quantity", N - 1)
        )]
    );
}

/// A missing member is named in both languages, with the object it is
/// missing from, at the member's pointer.
#[test]
fn missing_members_are_named_with_their_object() {
    let mut d: Value = serde_json::from_str(SAMPLE).unwrap();
    d["commercialInvoice"]
        .as_object_mut()
        .unwrap()
        .remove("total");
    d["commercialInvoice"]["lines"][0]
        .as_object_mut()
        .unwrap()
        .remove("unitPrice");
    d["cartons"][0].as_object_mut().unwrap().remove("netWeight");
    let s: ShipmentJson = serde_json::from_value(d).unwrap();
    let checked = check(&s, &CheckOptions::new());
    let got: Vec<(&str, String, String)> = checked
        .report()
        .iter()
        .filter(|v| v.code().as_str().ends_with("missing_field"))
        .map(|v| {
            (
                v.pointer().as_str(),
                v.message_en().to_owned(),
                v.message_zh().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "/cartons/0/netWeight",
                "carton line 0 has no netWeight".to_owned(),
                "第 0 行箱子缺少净重（netWeight）".to_owned()
            ),
            (
                "/commercialInvoice/total",
                "the commercial invoice has no total".to_owned(),
                "商业发票缺少总金额（total）".to_owned()
            ),
            (
                "/commercialInvoice/lines/0/unitPrice",
                "invoice line 0 has no unitPrice".to_owned(),
                "发票第 0 行缺少单价（unitPrice）".to_owned()
            ),
        ]
    );
}
