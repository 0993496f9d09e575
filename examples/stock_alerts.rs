//! Safety-stock alerts for the SKUs at an overseas warehouse.
//!
//! ```text
//! cargo run --example stock_alerts                   # a built-in inventory
//! cargo run --example stock_alerts -- stock.json     # an inventory of yours
//! cargo run --example stock_alerts -- stock.json --json
//! ```
//!
//! The inventory JSON: `asOf`, `leadTimeDays` (per transport mode),
//! `targetDaysOfCover`, `skus` (`sku`, `onHand`, `dailySales`,
//! `safetyStock` as `units`, `days` or a service level) and `inbound`
//! (shipments with their `stage`, `eta` and `lines`). `--json` prints one
//! object: `asOf`, `skus` (safety stock, safety and stockout dates, alerts,
//! latest ship-by date per mode, overdue modes, suggested quantities) and
//! `report`. Exit status: 0, or 1 when the inventory has errors, 2 for a bad
//! command line or an unreadable file.

use std::fmt::Write as _;
use std::process::ExitCode;

use crossborder::Report;
use crossborder::shipment::{self, InventoryJson, StockAlert};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

const SAMPLE: &str = include_str!("samples/stock_inventory.json");

/// A JSON object whose members keep their order (the modes of `leadTimeDays`).
struct Ordered<V>(Vec<(&'static str, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SkuOut {
    sku: String,
    safety_stock: String,
    safety_date: Option<String>,
    stockout_date: Option<String>,
    alerts: Vec<&'static str>,
    latest_ship_by: Ordered<Option<String>>,
    overdue: Vec<&'static str>,
    suggested_quantity: String,
    suggested_quantity_by_mode: Ordered<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Output<'a> {
    as_of: Option<String>,
    skus: Vec<SkuOut>,
    report: &'a Report,
}

fn sku_out(a: &StockAlert<'_>) -> SkuOut {
    SkuOut {
        sku: a.sku.to_owned(),
        safety_stock: a.safety_stock.normalize().to_string(),
        safety_date: a.safety_date.map(|d| d.to_string()),
        stockout_date: a.stockout_date.map(|d| d.to_string()),
        alerts: a.alerts().iter().map(|x| x.as_str()).collect(),
        latest_ship_by: Ordered(
            a.modes
                .iter()
                .map(|m| (m.mode.as_str(), m.latest_ship_by.map(|d| d.to_string())))
                .collect(),
        ),
        overdue: a.overdue().map(|m| m.as_str()).collect(),
        suggested_quantity: a.suggested_quantity.normalize().to_string(),
        suggested_quantity_by_mode: Ordered(
            a.modes
                .iter()
                .map(|m| {
                    (
                        m.mode.as_str(),
                        m.suggested_quantity.normalize().to_string(),
                    )
                })
                .collect(),
        ),
    }
}

fn main() -> ExitCode {
    let mut path = None;
    let mut as_json = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => as_json = true,
            "-h" | "--help" => {
                eprintln!("usage: stock_alerts [FILE] [--json]");
                return ExitCode::from(2);
            }
            flag if flag.starts_with("--") => {
                eprintln!(
                    "stock_alerts: unknown option {flag}\nusage: stock_alerts [FILE] [--json]"
                );
                return ExitCode::from(2);
            }
            p if path.is_none() => path = Some(p.to_owned()),
            extra => {
                eprintln!("stock_alerts: unexpected argument {extra:?}");
                return ExitCode::from(2);
            }
        }
    }
    let text = match &path {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("stock_alerts: cannot read {p}: {e}");
                return ExitCode::from(2);
            }
        },
        None => SAMPLE.to_owned(),
    };
    let json: InventoryJson = match serde_json::from_str(&text) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("stock_alerts: not an inventory JSON: {e}");
            return ExitCode::from(2);
        }
    };
    let (inventory, report) = shipment::read_inventory(&json);
    let projection = inventory.as_ref().map(|i| i.project());
    let alerts: &[StockAlert<'_>] = projection.as_ref().map_or(&[], |p| p.skus());
    let mut out = String::new();
    if as_json {
        let value = Output {
            as_of: inventory.as_ref().map(|i| i.as_of.to_string()),
            skus: alerts.iter().map(sku_out).collect(),
            report: &report,
        };
        match serde_json::to_string_pretty(&value) {
            Ok(s) => {
                let _ = writeln!(out, "{s}");
            }
            Err(e) => {
                eprintln!("stock_alerts: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        if path.is_none() {
            let _ = writeln!(
                out,
                "No file given: the built-in inventory of five SKUs at an overseas warehouse.\n"
            );
        }
        if let Some(i) = &inventory {
            let _ = writeln!(
                out,
                "stock as of {} (target cover {} days)\n",
                i.as_of,
                i.target_days_of_cover.normalize()
            );
        }
        let _ = writeln!(
            out,
            "  {:<10} {:>7} {:>8} {:>11} {:>11} {:>9}  ALERTS / LATEST SHIP-BY",
            "SKU", "ON HAND", "SAFETY", "SAFETY DAY", "STOCKOUT", "SUGGEST"
        );
        let on_hand = |sku: &str| {
            inventory
                .as_ref()
                .and_then(|i| i.skus.iter().find(|s| s.sku == sku))
                .map_or("?".to_owned(), |s| s.on_hand.normalize().to_string())
        };
        for a in alerts {
            let date = |d: Option<chrono::NaiveDate>| d.map_or("-".to_owned(), |d| d.to_string());
            let mut flags: Vec<String> = a.alerts().iter().map(|x| x.as_str().to_owned()).collect();
            for m in &a.modes {
                let late = if m.overdue { " (overdue)" } else { "" };
                flags.push(format!("{} {}{late}", m.mode, date(m.latest_ship_by)));
            }
            let _ = writeln!(
                out,
                "  {:<10} {:>7} {:>8} {:>11} {:>11} {:>9}  {}",
                a.sku,
                on_hand(a.sku),
                a.safety_stock.normalize(),
                date(a.safety_date),
                date(a.stockout_date),
                a.suggested_quantity.normalize(),
                flags.join(", ")
            );
        }
        if !report.is_empty() {
            let _ = writeln!(out, "\n{}", report.render(crossborder::Language::English));
        }
    }
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
