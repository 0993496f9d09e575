//! Overseas-warehouse stocking shipments (海外仓备货): SKU pre-registration,
//! cartons and their marks, the three documents (packing list, commercial
//! invoice, export declaration), special goods by transport mode, the
//! importer, chargeable weight, the stages of the flow and the warehouse's
//! receipt; and [safety stock abroad](#safety-stock-abroad).
//!
//! A seller in China sends cartons ahead of the orders to a 3PL (Goodcang,
//! Winit, 4PX, ShipBob) or to Amazon FBA. [`check`] reads a shipment in its
//! [JSON form](#the-json-form) and reports every problem at once, each at its JSON
//! Pointer with a stable code, a severity and a message in English and
//! Chinese, in the crate's [`Report`](crate::Report); [`check_shipment`]
//! does the same for a [`StockingShipment`] built in Rust. Every rule is
//! listed, with its source and date, in [`catalogue`]. A check that needs a
//! value that is missing, malformed or belongs to an unregistered SKU is
//! skipped, so one problem is reported once, where it is.
//!
//! # The JSON form
//!
//! ```json
//! {
//!   "reference": "PO-20261120-01",
//!   "warehouse": { "profile": "amazon_fba_us", "code": "ONT8", "country": "US" },
//!   "transportMode": "express", "incoterm": "DDP", "shipDate": "2026-11-20",
//!   "importer": { "name": "Example Trading LLC", "eori": null, "taxId": "12-3456789" },
//!   "chargeableWeightRule": "express_metric",
//!   "skus": [{ "sku": "EAR-BLK", "nameCn": "蓝牙耳机", "nameEn": "Bluetooth earphones",
//!              "barcode": "6901234567892", "fnsku": "X00ABCD123", "salesLink": "https://example.com/p/1",
//!              "hsCode": "8518300000", "origin": "CN", "unitValue": "12.50", "currency": "USD",
//!              "unitWeight": "0.12", "massUnit": "kg",
//!              "dimensions": { "length": 10, "width": 8, "height": 4, "unit": "cm" },
//!              "battery": { "configuration": "contained_in_equipment", "chemistry": "lithium_ion",
//!                           "wattHours": "1.9", "count": 1, "stateOfCharge": 30 },
//!              "magnetic": true,
//!              "documents": [{ "kind": "msds", "issuedOn": "2025-03-01" }] }],
//!   "cartons": [{ "boxNo": 1, "count": 3, "marks": { "reference": "PO-20261120-01", "shipmentId": "FBA15XYZ" },
//!                 "grossWeight": "11.9", "netWeight": "10.2", "massUnit": "kg",
//!                 "dimensions": { "length": 50, "width": 40, "height": 30, "unit": "cm" },
//!                 "items": [{ "sku": "EAR-BLK", "quantity": 80 }] }],
//!   "packingList": { "cartons": 3, "netWeight": "30.6", "grossWeight": "35.7", "massUnit": "kg",
//!                    "lines": [{ "sku": "EAR-BLK", "quantity": 240 }] },
//!   "commercialInvoice": { "number": "CI-8812", "currency": "USD", "freight": "0", "insurance": "0",
//!                          "total": "3000.00", "lines": [{ "sku": "EAR-BLK", "hsCode": "8518300000",
//!                          "quantity": 240, "unitPrice": "12.50", "amount": "3000.00" }] },
//!   "declaration": { "currency": "USD", "lines": [{ "hsCode": "8518300000", "name": "蓝牙耳机",
//!                    "quantity": 240, "unit": "007", "amount": "3000.00" }] }
//! }
//! ```
//!
//! - `warehouse.profile`: `amazon_fba_us`, `amazon_fba_eu`, `amazon_fba_uk`
//!   or `generic` with `warehouse.limits` (`maxCartonWeight`, `maxSide`,
//!   `heavyLabelOver`, `maxUnitsPerCarton`, `consecutiveBoxNumbers`,
//!   `mixedSkus`, `salesLinkRequired`; quantities with their unit as text,
//!   `"30 kg"`, `"63.5 cm"`). See [`WarehouseProfile`].
//! - `transportMode`: `air`, `express`, `sea_lcl`, `sea_fcl`, `rail`, `road`.
//! - `incoterm`: an Incoterms 2020 code, or the legacy `DDU` (judged as DAP,
//!   with a warning, and written back as `DDU`).
//! - `rates`: `[{"from": "USD", "to": "CNY", "rate": "7.1"}]`, for comparing
//!   amounts in different currencies; a rate that is needed and missing is
//!   reported, never guessed.
//! - `marks.labels`: `team_lift`, `mech_lift`, `heavy_package`.
//! - `count` on a carton: that many identical boxes, numbered from `boxNo`.
//! - `massUnit` defaults to `kg` and a dimensions `unit` to `cm`, as the
//!   customs API's do.
//! - `dangerousGoods: true`: the shipment is booked and declared as
//!   dangerous goods (batteries alone by air, flammable goods).
//! - `chargeableWeightRule`: a preset's name or a rule object (see
//!   [`ChargeableRule`]); absent, the transport mode's
//!   preset.
//! - The date the rules apply on is `shipDate` unless the caller gives
//!   another ([`CheckOptions::as_of`]).
//! - `events`: `[{"stage": "consolidation", "at": "2026-11-18T09:00:00+08:00",
//!   "exception": {"kind": "customs_hold", "note": "..."}}]`, the stages in
//!   order ([`Stage`]); `receipt`: `{"receivedOn": "2026-11-27", "lines":
//!   [{"sku": "EAR-BLK", "boxNo": 1, "quantity": 80, "damaged": 0}]}`.
//!
//! ## Reading and writing it
//!
//! The JSON form of a stocking shipment, read tolerantly and written back as
//! it was read.
//!
//! Every member is optional and kept as written, so that a bad value is
//! reported at its JSON Pointer by [`crate::shipment::check`] rather than
//! failing the whole document: amounts, weights and counts are
//! [`Number`](crate::wire::Number)s (JSON numbers or numeric strings, exact), text members also
//! take a number (`"sku": 12345` reads as `"12345"`), flags take `true`,
//! `false` or their text, and unknown members are ignored. A value of the
//! wrong JSON kind where an object or an array belongs (a string for
//! `cartons`, an array for `warehouse` or for a carton) is a structural
//! error that `serde_json` reports with its line and column, and
//! [`crate::wire::from_json`] at its JSON Pointer: an object is never read
//! from an array by position. `null` reads as absent.
//!
//! Writing a struct back gives the same JSON values for every known member:
//! numbers stay numbers (a string stays a string), units, codes and `DDU`
//! stay as they were written.
//!
//! ### Example
//!
//! ```
//! use crossborder::shipment::ShipmentJson;
//!
//! let json = r#"{"reference": "PO-1", "incoterm": "DDU", "cartons": [
//!     {"boxNo": 1, "grossWeight": "11.90", "massUnit": "kg", "items": [{"sku": 1001, "quantity": 80}]}
//! ], "somethingElse": [1, 2]}"#;
//! let shipment: ShipmentJson = serde_json::from_str(json)?;
//! let back = serde_json::to_value(&shipment)?;
//! assert_eq!(back["incoterm"], "DDU");
//! assert_eq!(back["cartons"][0]["grossWeight"], "11.90");
//! assert_eq!(back["cartons"][0]["boxNo"], 1);
//! assert_eq!(back["cartons"][0]["items"][0]["sku"], "1001");
//! assert!(back.get("somethingElse").is_none());
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Example
//!
//! ```
//! use crossborder::shipment::{check, ShipmentJson, CheckOptions};
//!
//! let mut doc: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stocking_sample.json")))?;
//! let shipment: ShipmentJson = serde_json::from_value(doc.clone())?;
//! let checked = check(&shipment, &CheckOptions::new());
//! assert!(checked.report().is_empty());
//! assert_eq!(checked.chargeable_weight().map(|w| w.total().to_string()).as_deref(), Some("36"));
//!
//! // The packing list says 250: one violation, where it is.
//! doc["packingList"]["lines"][0]["quantity"] = 250.into();
//! let report = check(&serde_json::from_value(doc)?, &CheckOptions::new()).into_parts().1;
//! let found: Vec<_> = report.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
//! assert_eq!(found, [("documents.packing_list_quantity", "/packingList/lines/0/quantity")]);
//! assert!(report.as_slice()[0].message_en().contains("the cartons hold 240"));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Safety stock abroad
//!
//! Safety stock abroad (安全库存预警): per SKU, the safety stock, the
//! projected stock with inbound arrivals, the safety and stockout dates, the
//! alerts, the latest ship-by date per transport mode and the quantity to
//! send.
//!
//! ## The projection
//!
//! Day `d` = 0 is `asOf`. The safety stock is S = `units`, or `days` x the
//! daily sales r, or for a service level S = z x sqrt(L x sd_demand² + r² x
//! sd_leadtime²) rounded up to whole units (z the standard normal quantile
//! of the level, L the lead time in days). The stock on day d is on hand -
//! r x d + every inbound quantity whose `eta` is on or before that day (an
//! arrival counts from the start of its day); inbound lines of shipments
//! already `inventory_synced` are in the stock on hand and are left out.
//! The stockout date is the first day, within 365 days (day 0 to day 365),
//! on which the stock is at or below 0; the safety date the first day on
//! which it is below S. Both are computed directly between arrivals, never
//! day by day. Alerts: `below_safety_stock` when on hand < S today;
//! `stockout_before_arrival` when the stockout date comes before the next
//! inbound `eta` after `asOf` (or nothing is inbound). The latest ship-by
//! date of a mode is the safety date less its lead time (none without a
//! safety date), overdue when before `asOf`. The suggested quantity is
//! max(0, ceil(r x targetDaysOfCover + S - on hand - inbound not yet
//! arrived)), "not yet arrived" being lines whose `eta` is after `asOf`;
//! per mode, the demand during its lead time L is added: max(0, ceil(r x
//! (L plus targetDaysOfCover) + S - on hand - inbound not yet arrived)).
//! Exact decimals throughout; daily sales may be fractional.
//!
//! ## Example
//!
//! ```
//! use crossborder::shipment::{self, Alert, InventoryJson};
//!
//! let json: InventoryJson = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stocking_inventory.json")))?;
//! let (inventory, report) = shipment::read_inventory(&json);
//! assert!(report.is_empty());
//! let inventory = inventory.ok_or("inventory")?;
//! let projection = inventory.project();
//! let ear = &projection.skus()[0];
//! assert_eq!(ear.safety_stock.to_string(), "56");
//! assert_eq!(ear.safety_date.map(|d| d.to_string()).as_deref(), Some("2027-01-09"));
//! assert_eq!(ear.stockout_date.map(|d| d.to_string()).as_deref(), Some("2027-01-15"));
//! assert_eq!(ear.suggested_quantity.to_string(), "176");
//! let red = &projection.skus()[1];
//! assert_eq!(red.alerts(), vec![Alert::StockoutBeforeArrival]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chargeable;
mod check;
mod convert;
mod flow;
mod json;
mod model;
mod order;
mod profile;
mod rules;
mod special;
mod stock;

pub use chargeable::{
    ChargeableError, ChargeableRule, ChargeableUnit, ChargeableWeight, DimensionRounding, Dominant,
    LimitExceeded, LimitKind, Method, Piece, PieceLimits, PieceWeight, WeightBasis, WeightRounding,
};
pub use check::{CheckOptions, ShipmentCheck, check, check_shipment};
pub use flow::{
    ExceptionKind, Receipt, ReceiptLine, Stage, StageDurations, StageEvent, StageException,
    StageSpan, StageTrack,
};
pub use json::{
    BatteryJson, CartonJson, DeclarationJson, DeclarationLineJson, DimensionsJson, DocumentJson,
    EventJson, ExceptionJson, Flag, ImporterJson, InvoiceJson, InvoiceLineJson, ItemJson,
    LimitsJson, LiquidJson, MarksJson, PackingLineJson, PackingListJson, RateJson, ReceiptJson,
    ReceiptLineJson, RuleJson, RuleObjectJson, ShipmentJson, SkuJson, WarehouseJson,
};
pub use model::{
    Battery, BatteryChemistry, BatteryConfiguration, Carton, CartonItem, CartonLabel,
    CommercialInvoice, DeclarationLine, ExportDeclaration, GoodsDocument, HeldDocument, Importer,
    Incoterm, InvoiceLine, Marks, PackingInstruction, PackingLine, PackingList, SkuRegistration,
    StockingShipment, TransportMode, Warehouse,
};
pub use profile::{HeavyLabel, SideRule, WarehouseProfile};
pub use rules::{RuleInfo, catalogue};
pub use special::{
    DocumentRequirement, SectionIiLimits, SpecialGoods, SpecialGoodsTable, StateOfChargeLimit,
};
pub use stock::{
    Alert, HORIZON_DAYS, InboundJson, InboundLine, InboundLineJson, Inventory, InventoryJson,
    LeadTimesJson, ModeFigures, Projection, SafetyStock, SafetyStockJson, StockAlert, StockJson,
    StockLevel, read_inventory,
};

use crate::Code;

// Format problems found while reading the JSON form. Rule codes are
// declared with their rules (`catalogue`).
crate::macros::codes! {
    /// A shipment date (`shipDate`, `issuedOn`, `expiry`, `receivedOn`) is not `YYYY-MM-DD`.
    SHIPMENT_DATE_INVALID = "shipment.date_invalid";
    /// A yes/no member is neither true nor false.
    SHIPMENT_FLAG_INVALID = "shipment.flag_invalid";
    /// A dimensions `unit` is not `mm`, `cm`, `m` or `in`.
    SHIPMENT_LENGTH_UNIT_UNKNOWN = "shipment.length_unit_unknown";
    /// A side of a unit's or a carton's dimensions is zero or negative.
    SHIPMENT_DIMENSIONS_NOT_POSITIVE = "shipment.dimensions_not_positive";
    /// An exchange rate in `rates` is zero or negative.
    SHIPMENT_RATE_INVALID = "shipment.rate_invalid";
    /// `transportMode` is not one of `air`, `express`, `sea_lcl`, `sea_fcl`, `rail`, `road`.
    TRANSPORT_MODE_UNKNOWN = "transport_mode.unknown";
    /// `incoterm` is not an Incoterms 2020 code (nor `DDU`).
    INCOTERM_UNKNOWN = "incoterm.unknown";
    /// `warehouse.profile` is not a known profile.
    WAREHOUSE_PROFILE_UNKNOWN = "warehouse.profile_unknown";
    /// A `warehouse.limits` value is not a quantity with its unit (`"30 kg"`).
    WAREHOUSE_LIMIT_INVALID = "warehouse.limit_invalid";
    /// A battery's `configuration` or `chemistry` is not a known value.
    BATTERY_VALUE_UNKNOWN = "battery.value_unknown";
    /// A document's `kind` is not a known document.
    DOCUMENT_KIND_UNKNOWN = "document.kind_unknown";
    /// A carton label is not `team_lift`, `mech_lift` or `heavy_package`.
    CARTON_LABEL_UNKNOWN = "carton.label_unknown";
    /// `chargeableWeightRule` is not a preset's name or a valid rule object.
    CHARGEABLE_RULE_INVALID = "chargeable.rule_invalid";
    /// An event's `stage` is not one of the six stages.
    STAGE_UNKNOWN = "stage.unknown";
    /// An event's `exception.kind` is not `customs_hold`, `refused_at_warehouse` or `other`.
    STAGE_EXCEPTION_UNKNOWN = "stage.exception_unknown";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_codes_do_not_collide_with_rules() {
        let rules: Vec<_> = catalogue().iter().map(|r| r.code().as_str()).collect();
        for c in [
            Code::SHIPMENT_DATE_INVALID,
            Code::TRANSPORT_MODE_UNKNOWN,
            Code::CHARGEABLE_RULE_INVALID,
            Code::STAGE_UNKNOWN,
        ] {
            assert!(!rules.contains(&c.as_str()), "{c}");
        }
    }
}
