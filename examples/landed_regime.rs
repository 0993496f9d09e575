//! What applies to a parcel at its destination: duty relief, who collects the
//! VAT or GST, every flat charge, and the dated rules that decided.
//!
//! ```text
//! cargo run --example landed_regime                                  # the built-in parcel
//! cargo run --example landed_regime -- parcel.json                   # your parcel
//! cargo run --example landed_regime -- parcel.json --rate USD/EUR=0.92 --json
//! ```
//!
//! The parcel is the JSON of `crossborder::tax::ParcelJson`; its
//! optional `rates` are used with those given by `--rate FROM/TO=RATE` (which
//! win for the same pair). With `--json` the answer is one JSON object:
//! `{"destination", "date", "value": {"amount", "currency", "base"},
//! "dutyRelief", "vatCollected", "charges": [{"code", "amount", "currency"}],
//! "rules": [{"id", "source", "from", "to"}], "report": [...]}`, amounts as
//! strings with the currency's decimals.
//!
//! Exit status: 0 when an answer was printed (problems, a document that is
//! not JSON included, are in its report), 2 when the command line or the file
//! could not be read.

use std::process::ExitCode;

use crossborder::tax::{DutyTreatment, ParcelJson, RegimeAssessment, RegimeTable, VatCollection};
use crossborder::{ExchangeRates, parse_currency, wire, wire::Number};

/// The built-in parcel: the sample of the regime docs (France, 2026-08-01,
/// IOSS).
const SAMPLE: &str = include_str!("landed_regime.json");

const USAGE: &str = "usage: landed_regime [PARCEL.json] [--rate FROM/TO=RATE ...] [--json]";

struct Args {
    path: Option<String>,
    rates: ExchangeRates,
    json: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        path: None,
        rates: ExchangeRates::new(),
        json: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => args.json = true,
            "--rate" => {
                let spec = it.next().ok_or("--rate needs FROM/TO=RATE")?;
                add_rate(&mut args.rates, &spec)?;
            }
            s if s.starts_with("--rate=") => add_rate(&mut args.rates, &s["--rate=".len()..])?,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}\n{USAGE}")),
            s => {
                if args.path.replace(s.to_owned()).is_some() {
                    return Err(format!("one parcel file at a time\n{USAGE}"));
                }
            }
        }
    }
    Ok(args)
}

/// `USD/EUR=0.92`: one USD buys 0.92 EUR.
fn add_rate(rates: &mut ExchangeRates, spec: &str) -> Result<(), String> {
    let bad = || format!("invalid rate {spec:?}: expected FROM/TO=RATE, such as USD/EUR=0.92");
    let (pair, rate) = spec.split_once('=').ok_or_else(bad)?;
    let (from, to) = pair.split_once('/').ok_or_else(bad)?;
    let from = parse_currency(from).map_err(|e| e.to_string())?;
    let to = parse_currency(to).map_err(|e| e.to_string())?;
    let rate = Number::from_text(rate.trim())
        .decimal()
        .map_err(|_| bad())?;
    rates.insert(from, to, rate).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let text = match &args.path {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {path:?}: {e}");
                return ExitCode::from(2);
            }
        },
        None => SAMPLE.to_owned(),
    };
    // Text that is not JSON, or an array where the parcel's object belongs,
    // is an answer too: nothing decided, the report saying where.
    let answer = match wire::from_json::<ParcelJson>(text.as_bytes()) {
        Ok(parcel) => parcel.assess(RegimeTable::builtin(), &args.rates),
        Err(e) => RegimeAssessment::unread(e.into_report()),
    };
    if args.json {
        match serde_json::to_string_pretty(&answer) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("cannot write the answer: {e}");
                return ExitCode::from(2);
            }
        }
        return ExitCode::SUCCESS;
    }

    let or_unknown = |s: Option<String>| s.unwrap_or_else(|| "unknown".to_owned());
    println!(
        "Parcel to {} on {}",
        or_unknown(answer.destination().map(|c| c.to_string())),
        or_unknown(answer.date().map(|d| d.to_string()))
    );
    match answer.value() {
        Some(v) => println!(
            "  value:    {} {} ({})",
            v.amount_text(),
            v.amount().currency().code(),
            v.base().as_str().replace('_', " ")
        ),
        None => println!("  value:    unknown"),
    }
    let duty = match (answer.duty(), answer.duty_relief()) {
        (_, Some(true)) => "relieved".to_owned(),
        (Some(DutyTreatment::Due), _) if answer.charges().iter().any(|c| c.is_duty()) => {
            "due (see the charges)".to_owned()
        }
        (_, Some(false)) => "due at the tariff rate".to_owned(),
        _ => "unknown".to_owned(),
    };
    println!("  duty:     {duty}");
    let vat = match answer.vat_collected() {
        Some(VatCollection::AtSale) => "charged at the sale by the seller or marketplace",
        Some(VatCollection::AtBorder) => "collected at the border",
        Some(VatCollection::NotDue) => "not due",
        None => "unknown",
    };
    println!("  VAT/GST:  {vat}");
    if answer.charges().is_empty() {
        println!("  charges:  none");
    }
    for (n, c) in answer.charges().iter().enumerate() {
        println!(
            "  {:<9} {} {} {} ({})",
            if n == 0 { "charges:" } else { "" },
            c.code(),
            c.amount_text(),
            c.amount().currency().code(),
            c.rule()
                .map_or("the caller's tariff rates", |r| r.id.as_str())
        );
    }
    println!("  rules:");
    for r in answer.rules() {
        let day = |d: Option<chrono::NaiveDate>| d.map_or("..".to_owned(), |d| d.to_string());
        println!("    {} [{} to {}]", r.id, day(r.from()), day(r.to()));
        println!("      {}", r.source);
    }
    if answer.report().is_empty() {
        println!("  report:   no problem");
    } else {
        println!("  report:");
        for line in answer.report().to_string().lines() {
            println!("    {line}");
        }
    }
    ExitCode::SUCCESS
}
