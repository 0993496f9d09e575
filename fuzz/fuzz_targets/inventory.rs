//! An inventory (`shipment::InventoryJson`): read, then every SKU's
//! stock projected and its alerts raised. The report is well-formed, its
//! pointers name places in the input, reading and projecting are
//! deterministic, the JSON form round-trips, and every projection belongs
//! to a SKU of the inventory, in its order.
#![no_main]

use crossborder::shipment::{self, InventoryJson};
use crossborder_fuzz::{check_pointers, check_report, document, json, json_round_trip};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(form) = json::<InventoryJson>(data) else {
        return;
    };
    let (inventory, report) = shipment::read_inventory(&form);
    check_report(&report);
    if let Some(doc) = document(data) {
        check_pointers(&report, &doc);
    }
    assert_eq!(
        shipment::read_inventory(&form),
        (inventory.clone(), report),
        "not deterministic"
    );
    if let Some(inventory) = &inventory {
        let projection = inventory.project();
        assert_eq!(inventory.project(), projection, "not deterministic");
        let skus: Vec<&str> = projection.skus().iter().map(|a| a.sku).collect();
        let want: Vec<&str> = inventory.skus.iter().map(|s| s.sku.as_str()).collect();
        assert_eq!(skus, want);
        for a in projection.skus() {
            let alerts = a.alerts();
            assert_eq!(
                alerts.len(),
                usize::from(a.below_safety_stock) + usize::from(a.stockout_before_arrival)
            );
            assert!(!a.suggested_quantity.is_sign_negative() || a.suggested_quantity.is_zero());
            let _ = a.overdue().count();
        }
    }
    json_round_trip(&form);
});
