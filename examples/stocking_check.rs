//! Checks a stocking shipment to an overseas warehouse and prints the report
//! and the chargeable-weight table.
//!
//! ```text
//! cargo run --example stocking_check                              # a built-in shipment with a few problems
//! cargo run --example stocking_check -- shipment.json             # a shipment of yours
//! cargo run --example stocking_check -- shipment.json --as-of 2026-11-20 --rate USD/CNY=7.1 --json
//! ```
//!
//! `--as-of` is the date the rules apply on (default: the shipment's
//! `shipDate`); `--rate FROM/TO=RATE` (repeatable) adds to the shipment's
//! `rates`. `--json` prints one object: `"report"` (the violations, as
//! `quickstart --json` prints them) and `"chargeableWeight"` (`null` when it
//! cannot be computed). Exit status: 0 without errors (warnings pass), 1
//! with errors, 2 for a bad command line or an unreadable file.

use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::NaiveDate;
use crossborder::shipment::{ChargeableWeight, CheckOptions, ShipmentJson, WeightBasis, check};
use crossborder::{Currency, ExchangeRates, Report, parse_currency};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

const SAMPLE: &str = include_str!("samples/stocking_fba_uk.json");

struct Options {
    path: Option<String>,
    as_of: Option<NaiveDate>,
    rates: Vec<(Currency, Currency, Decimal)>,
    json: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        path: None,
        as_of: None,
        rates: Vec::new(),
        json: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => o.json = true,
            "--as-of" => {
                let d = value("--as-of")?;
                o.as_of = Some(
                    NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .map_err(|_| format!("--as-of {d:?}: expected YYYY-MM-DD"))?,
                );
            }
            "--rate" => {
                let r = value("--rate")?;
                let bad = || format!("--rate {r:?}: expected FROM/TO=RATE, such as USD/CNY=7.1");
                let (pair, rate) = r.split_once('=').ok_or_else(bad)?;
                let (from, to) = pair.split_once('/').ok_or_else(bad)?;
                let from = parse_currency(from).map_err(|e| e.to_string())?;
                let to = parse_currency(to).map_err(|e| e.to_string())?;
                let rate = crossborder::wire::parse_decimal(rate).map_err(|_| bad())?;
                if rate <= Decimal::ZERO {
                    return Err(bad());
                }
                o.rates.push((from, to, rate));
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if o.path.is_none() => o.path = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    Ok(o)
}

/// A decimal as the JSON output writes it: rounded half up to 2 places,
/// without trailing zeros.
fn two_places(d: Decimal) -> String {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// The `--json` output, members in the documented order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Output<'a> {
    report: &'a Report,
    chargeable_weight: Option<WeightOut>,
}

#[derive(Serialize)]
struct WeightOut {
    rule: String,
    unit: &'static str,
    total: String,
    dominant: &'static str,
    actual: String,
    volumetric: String,
    cartons: Vec<BoxRow>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BoxRow {
    box_no: Option<u32>,
    actual: String,
    volumetric: String,
    chargeable: Option<String>,
}

/// One row per physical box: box numbers and the carton line's figures.
fn box_rows(weight: &ChargeableWeight, shipment: &crossborder::StockingShipment) -> Vec<BoxRow> {
    let mut rows = Vec::new();
    for (carton, piece) in shipment.cartons.iter().zip(weight.pieces()) {
        for n in 0..carton.count {
            rows.push(BoxRow {
                box_no: carton.box_no.and_then(|b| b.checked_add(n)),
                actual: two_places(piece.actual),
                volumetric: two_places(piece.volumetric),
                chargeable: piece.chargeable.map(|c| c.normalize().to_string()),
            });
        }
    }
    rows
}

fn weight_json(weight: &ChargeableWeight, shipment: &crossborder::StockingShipment) -> WeightOut {
    WeightOut {
        rule: weight.rule().to_owned(),
        unit: weight.unit().as_str(),
        total: weight.total().normalize().to_string(),
        dominant: weight.dominant().as_str(),
        actual: two_places(weight.actual()),
        volumetric: two_places(weight.volumetric()),
        cartons: box_rows(weight, shipment),
    }
}

fn print_report(out: &mut String, report: &Report) {
    if report.is_empty() {
        let _ = writeln!(out, "  no problems found / 未发现问题");
        return;
    }
    let width = |f: &dyn Fn(&crossborder::Violation) -> usize, title: usize| {
        report.iter().map(f).chain([title]).max().unwrap_or(0)
    };
    let wc = width(&|v| v.code().as_str().len(), 4);
    let wp = width(&|v| v.pointer().as_str().chars().count(), 4);
    let _ = writeln!(
        out,
        "  {:<7}  {:<wc$}  {:<wp$}  MESSAGE",
        "LEVEL", "CODE", "PATH"
    );
    for v in report {
        let _ = writeln!(
            out,
            "  {:<7}  {:<wc$}  {:<wp$}  {}",
            v.severity().as_str(),
            v.code().as_str(),
            v.pointer().as_str(),
            v.message_en()
        );
        let _ = writeln!(
            out,
            "  {:<7}  {:<wc$}  {:<wp$}  {}",
            "",
            "",
            "",
            v.message_zh()
        );
    }
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    let _ = writeln!(
        out,
        "  {errors} error(s), {warnings} warning(s) / {errors} 个错误，{warnings} 个警告"
    );
}

fn print_weight(
    out: &mut String,
    weight: Option<&ChargeableWeight>,
    shipment: &crossborder::StockingShipment,
) {
    let Some(w) = weight else {
        let _ = writeln!(
            out,
            "\nchargeable weight: not computed (no rule for the mode, or a carton lacks its size or gross weight)"
        );
        return;
    };
    let unit = w.unit().as_str();
    let _ = writeln!(out, "\nchargeable weight, rule {} ({unit}):", w.rule());
    let _ = writeln!(
        out,
        "  {:>6}  {:>12}  {:>12}  {:>12}",
        "BOX", "ACTUAL", "VOLUMETRIC", "CHARGEABLE"
    );
    for row in box_rows(w, shipment) {
        let box_no = row.box_no.map_or("?".to_owned(), |b| b.to_string());
        let chargeable = row.chargeable.unwrap_or_else(|| "-".to_owned());
        let _ = writeln!(
            out,
            "  {box_no:>6}  {:>12}  {:>12}  {chargeable:>12}",
            row.actual, row.volumetric
        );
    }
    let basis = match w.basis() {
        WeightBasis::Carton => "sum of the boxes",
        WeightBasis::Shipment => "whole shipment",
    };
    let _ = writeln!(
        out,
        "  total {} {unit} ({basis}; actual {} {unit}, volumetric {} {unit}: {} dominates)",
        w.total().normalize(),
        two_places(w.actual()),
        two_places(w.volumetric()),
        w.dominant()
    );
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("stocking_check: {message}");
            }
            eprintln!(
                "usage: stocking_check [FILE] [--as-of YYYY-MM-DD] [--rate FROM/TO=RATE ...] [--json]"
            );
            return ExitCode::from(2);
        }
    };
    let (text, builtin) = match &options.path {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => (t, false),
            Err(e) => {
                eprintln!("stocking_check: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => (SAMPLE.to_owned(), true),
    };
    let doc: ShipmentJson = match serde_json::from_str(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("stocking_check: not a shipment in the JSON form: {e}");
            return ExitCode::from(2);
        }
    };
    let mut check_options = CheckOptions::new();
    if let Some(d) = options.as_of {
        check_options = check_options.as_of(d);
    }
    let mut rates = ExchangeRates::new();
    for (from, to, rate) in &options.rates {
        let _ = rates.insert(*from, *to, *rate);
    }
    check_options = check_options.with_rates(rates);
    let checked = check(&doc, &check_options);
    let mut out = String::new();
    if options.json {
        let value = Output {
            report: checked.report(),
            chargeable_weight: checked
                .chargeable_weight()
                .map(|w| weight_json(w, checked.shipment())),
        };
        match serde_json::to_string_pretty(&value) {
            Ok(s) => {
                let _ = writeln!(out, "{s}");
            }
            Err(e) => {
                eprintln!("stocking_check: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        let s = checked.shipment();
        if builtin {
            let _ = writeln!(
                out,
                "No file given: checking a built-in Amazon FBA UK shipment that has a few problems on purpose\n\
                 (no EORI, an expired MSDS, power banks by express, a heavy box without its label, a packing-list count).\n"
            );
        }
        let as_of = options.as_of.or(s.ship_date);
        let _ = writeln!(
            out,
            "shipment {} to {} ({}), {} by {}, judged as of {}\n",
            s.reference.as_deref().unwrap_or("(no reference)"),
            s.warehouse.code.as_deref().unwrap_or("?"),
            s.warehouse
                .profile
                .as_ref()
                .map_or("no profile", |p| p.name.as_str()),
            s.box_count(),
            s.transport_mode.map_or("?", |m| m.as_str()),
            as_of.map_or("(no date)".to_owned(), |d| d.to_string())
        );
        print_report(&mut out, checked.report());
        print_weight(&mut out, checked.chargeable_weight(), s);
    }
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    if checked.report().has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
