//! Computes the China import tax of a customs API order and checks the tax
//! it declares.
//!
//! ```text
//! cargo run --example import_tax                          # a built-in BC order
//! cargo run --example import_tax -- ORDER.json [--mode CC|BC|BBC] [--as-of YYYY-MM-DD]
//!     [--annual-spent AMOUNT] [--duty-rate FRACTION] [--tax-table FILE.json]
//!     [--rate FROM/TO=RATE ...] [--json]
//! ```
//!
//! - `ORDER.json`: an order in the customs API's wire format (the
//!   quickstart's); without it, a built-in order of three lines whose platform
//!   declared 9.1% on a high-end serum.
//! - `--mode`: the clearance mode, when the order's `expressType` is not the
//!   one to judge it in.
//! - `--as-of`: the date (default: today for a file, the sample's own date
//!   for the built-in order).
//! - `--annual-spent`: what the buyer spent this year before this order,
//!   `18000` (CNY) or `2500 USD`.
//! - `--duty-rate 0.10`: the MFN duty rate of every line whose table row has
//!   none (only full rates use it).
//! - `--tax-table FILE.json`: the caller's rows and periods, on top of the
//!   default table.
//! - `--rate USD/CNY=7.1`: an exchange rate, as many as needed.
//! - `--json`: one object, `{"mode", "basis", "lines": [{"path",
//!   "dutiableValue", "duty", "consumptionTax", "vat", "tax", "rate"}],
//!   "shippingTax", "totalTax", "waived", "report"}`; amounts are strings in
//!   CNY with two decimals, `rate` the line's effective combined rate as a
//!   fraction.
//!
//! The report holds the order's format problems, the notes of the tax
//! computation and the check of the declared tax. Exit status: 0 when it has
//! no error, 1 when it has one, 2 for a bad command line or an unreadable
//! file.

use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::NaiveDate;
use crossborder::declaration::Context;
use crossborder::tax::{self, AppliedRate, Basis, RateSource, TaxTable, TaxTableJson};
use crossborder::{ClearanceMode, Code, Currency, ExchangeRates, Language, Money, Order, wire};
use rust_decimal::Decimal;

const SAMPLE: &str = include_str!("samples/order_import_tax.json");
const SAMPLE_DATE: (i32, u32, u32) = (2025, 3, 1);

const USAGE: &str = "usage: import_tax [ORDER.json] [--mode CC|BC|BBC] [--as-of YYYY-MM-DD] \
[--annual-spent AMOUNT] [--duty-rate FRACTION] [--tax-table FILE.json] [--rate FROM/TO=RATE ...] [--json]";

struct Options {
    path: Option<String>,
    mode: Option<ClearanceMode>,
    as_of: Option<NaiveDate>,
    annual_spent: Option<Money>,
    duty_rate: Option<Decimal>,
    tax_table: Option<String>,
    rates: ExchangeRates,
    json: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        path: None,
        mode: None,
        as_of: None,
        annual_spent: None,
        duty_rate: None,
        tax_table: None,
        rates: ExchangeRates::new(),
        json: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => o.json = true,
            "--mode" => {
                let m = value("--mode")?;
                o.mode = Some(m.parse().map_err(|e| format!("--mode: {e}"))?);
            }
            "--as-of" => {
                let d = value("--as-of")?;
                o.as_of = Some(
                    NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .map_err(|_| format!("--as-of {d:?}: expected YYYY-MM-DD"))?,
                );
            }
            "--annual-spent" => {
                let a = value("--annual-spent")?;
                let money = a
                    .parse::<Money>()
                    .or_else(|_| wire::parse_decimal(&a).map(|d| Money::new(d, Currency::CNY)));
                let money = money.ok().filter(|m| !m.is_negative()).ok_or(format!(
                    "--annual-spent {a:?}: expected an amount, such as 18000 or \"2500 USD\""
                ))?;
                o.annual_spent = Some(money);
            }
            "--duty-rate" => {
                let r = value("--duty-rate")?;
                let rate = wire::parse_decimal(&r)
                    .map_err(|_| format!("--duty-rate {r:?}: expected a fraction, such as 0.10"))?;
                if rate.is_sign_negative() || rate > Decimal::ONE {
                    return Err(format!(
                        "--duty-rate {r}: a duty rate is a fraction from 0 to 1 (0.10 for 10%)"
                    ));
                }
                o.duty_rate = Some(rate);
            }
            "--tax-table" => o.tax_table = Some(value("--tax-table")?),
            "--rate" => {
                let spec = value("--rate")?;
                let bad = || format!("--rate {spec:?}: expected FROM/TO=RATE, such as USD/CNY=7.1");
                let (pair, rate) = spec.split_once('=').ok_or_else(bad)?;
                let (from, to) = pair.split_once('/').ok_or_else(bad)?;
                let from = crossborder::parse_currency(from).map_err(|e| format!("--rate: {e}"))?;
                let to = crossborder::parse_currency(to).map_err(|e| format!("--rate: {e}"))?;
                let rate = wire::parse_decimal(rate).map_err(|_| bad())?;
                o.rates
                    .insert(from, to, rate)
                    .map_err(|e| format!("--rate: {e}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if o.path.is_none() => o.path = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    Ok(o)
}

/// Today, from the system clock: the example may read it; the crate never does.
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map_or(NaiveDate::MIN, |t| t.date_naive())
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// The default table with the caller's file on top.
fn tax_table(path: &str) -> Result<TaxTable, String> {
    let text = read(path)?;
    let form: TaxTableJson =
        wire::from_json(text.as_bytes()).map_err(|e| format!("{path} is not a tax table: {e}"))?;
    let own = form
        .to_table()
        .map_err(|r| format!("{path}:\n{}", r.render(Language::English)))?;
    let mut table = TaxTable::china_default();
    table.extend(own);
    Ok(table)
}

fn amount(m: Option<Money>) -> String {
    m.map_or_else(
        || "-".to_owned(),
        |m| {
            let mut a = m.amount().round_dp(2);
            a.rescale(2);
            a.to_string()
        },
    )
}

fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).round_dp(2).normalize())
}

/// The sources cited so far, numbered in order of first use.
#[derive(Default)]
struct Sources(Vec<String>);

impl Sources {
    /// The entry's pointer and its source's footnote number.
    fn cite(&mut self, source: &RateSource<'_>) -> String {
        if let RateSource::NotListed = source {
            return "no row: none".to_owned();
        }
        if let RateSource::Caller = source {
            return "--duty-rate".to_owned();
        }
        let text = source.text().to_owned();
        let n = match self.0.iter().position(|t| *t == text) {
            Some(i) => i + 1,
            None => {
                self.0.push(text);
                self.0.len()
            }
        };
        let at = source
            .pointer()
            .map_or_else(String::new, |p| format!("{p} "));
        let guess = if source.is_guess() { ", a guess" } else { "" };
        format!("{at}[{n}]{guess}")
    }
}

fn describe(name: &str, r: &AppliedRate<'_>, sources: &mut Sources) -> String {
    let rate = match r.specific() {
        Some(s) if r.rate().is_zero() => s.to_string(),
        Some(s) => format!("{} + {s}", percent(r.rate())),
        None => percent(r.rate()),
    };
    format!("{name} {rate} ({})", sources.cite(&r.source()))
}

fn basis_text(b: Option<Basis>) -> &'static str {
    match b {
        Some(Basis::Cbec) => {
            "cross-border e-commerce: duty 0, VAT and consumption tax at 70% / 跨境电商：关税 0，增值税和消费税按 70%"
        }
        Some(Basis::CbecFullRate) => {
            "cross-border e-commerce at full rates: one item over ¥5,000 / 跨境电商单件超限：按货物税率全额征收"
        }
        Some(Basis::GeneralTrade) => {
            "general trade: no cross-border tax / 一般贸易：不计算跨境电商税款"
        }
        Some(Basis::PersonalArticles) => "personal postal articles tax / 行邮税",
        _ => "not known / 未知",
    }
}

fn table(out: &mut String, order: &Order, a: &tax::TaxAssessment<'_>, as_of: NaiveDate) {
    let report = a.report();
    let mode = a.mode().map_or("mode unknown".to_owned(), |m| {
        format!("{m} ({})", m.name_zh())
    });
    let _ = writeln!(
        out,
        "order {} · {mode} · as of {as_of}\n  basis: {} ({})\n",
        order.order_id.as_deref().unwrap_or("(no orderId)"),
        a.basis().map_or("-", |b| b.as_str()),
        basis_text(a.basis())
    );
    let rows: Vec<[String; 8]> = a
        .lines()
        .iter()
        .map(|l| {
            let hs = order.items[l.index()]
                .product
                .as_ref()
                .and_then(|p| p.hs_code)
                .map_or_else(|| "-".to_owned(), |c| c.to_string());
            [
                l.pointer().to_string(),
                hs,
                amount(l.dutiable_value()),
                amount(l.duty()),
                amount(l.consumption_tax()),
                amount(l.vat()),
                amount(l.tax()),
                l.rate().map_or_else(|| "-".to_owned(), percent),
            ]
        })
        .collect();
    let titles = [
        "LINE",
        "HS",
        "DUTIABLE",
        "DUTY",
        "CONS. TAX",
        "VAT",
        "TAX",
        "RATE",
    ];
    let widths: Vec<usize> = (0..titles.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([titles[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[&str]| {
        let mut s = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            let w = widths[i];
            if i < 2 {
                let _ = write!(s, " {c:<w$}");
            } else {
                let _ = write!(s, " {c:>w$}");
            }
        }
        s
    };
    let _ = writeln!(out, "{}", line(&titles));
    let mut sources = Sources::default();
    for (row, l) in rows.iter().zip(a.lines()) {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{}", line(&cells));
        let indent = " ".repeat(widths[0] + 3);
        let mut rates = Vec::new();
        for (name, r) in [
            ("duty", l.duty_rate()),
            ("consumption tax", l.consumption_rate()),
            ("VAT", l.vat_rate()),
        ] {
            if let Some(r) = r {
                rates.push(describe(name, r, &mut sources));
            }
        }
        if let Some((tier, r)) = l.cc_rate() {
            rates.push(describe(&format!("tier {tier}"), r, &mut sources));
        }
        if !rates.is_empty() {
            let _ = writeln!(out, "{indent}{}", rates.join(" · "));
        }
    }
    let _ = writeln!(
        out,
        "\n  dutiable value {} · shipping tax {} · total tax {}{}",
        amount(a.dutiable_value()),
        amount(a.shipping_tax()),
        amount(a.total()),
        match a.waived_amount() {
            Some(w) => format!(
                " (waived: {} is ¥50 or less / 税额在 50 元及以下，免征)",
                amount(Some(w))
            ),
            None => String::new(),
        }
    );
    if !sources.0.is_empty() {
        let _ = writeln!(out, "\n  sources:");
        for (i, text) in sources.0.iter().enumerate() {
            let _ = writeln!(out, "  [{}] {text}", i + 1);
        }
    }
    if report.is_empty() {
        let _ = writeln!(out, "\n  no problems found / 未发现问题");
    } else {
        let _ = writeln!(out);
        for v in report {
            let at = if v.pointer().is_root() {
                "/".to_owned()
            } else {
                v.pointer().to_string()
            };
            let _ = writeln!(
                out,
                "  {:<7} {} at {at}: {}\n          {}",
                v.severity(),
                v.code(),
                v.message_en(),
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
}

/// The answer for a document that could not be read as an order.
fn unreadable(report: crossborder::Report, json: bool) -> ExitCode {
    let out = if json {
        let value = serde_json::json!({
            "mode": null, "basis": null, "lines": [], "shippingTax": null,
            "totalTax": null, "waived": false, "report": report,
        });
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    } else {
        report.render(Language::English)
    };
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    ExitCode::from(1)
}

fn run() -> Result<ExitCode, (u8, String)> {
    let options = parse_args().map_err(|m| {
        if m.is_empty() {
            (2, USAGE.to_owned())
        } else {
            (2, format!("import_tax: {m}\n{USAGE}"))
        }
    })?;
    let (text, default_date) = match &options.path {
        Some(path) => (
            read(path).map_err(|e| (2, format!("import_tax: {e}")))?,
            today(),
        ),
        None => {
            let (y, m, d) = SAMPLE_DATE;
            (
                SAMPLE.to_owned(),
                NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN),
            )
        }
    };
    let wire: wire::Order = match wire::from_json(text.as_bytes()) {
        Ok(w) => w,
        // Not an order at all (not JSON, an array, a member named twice):
        // the same answer, with nothing computed and the reason reported.
        Err(e) => return Ok(unreadable(e.into_report(), options.json)),
    };
    let (order, conversion) = Order::from_wire(wire).into_parts();
    let as_of = options.as_of.unwrap_or(default_date);
    let mut context = Context::new(as_of).with_rates(options.rates.clone());
    if let Some(mode) = options.mode {
        context = context.with_mode(mode);
    }
    if let Some(spent) = options.annual_spent {
        context = context.with_annual_spent(spent);
    }
    if let Some(rate) = options.duty_rate {
        context = context.with_duty_rate(rate);
    }
    if let Some(path) = &options.tax_table {
        context =
            context.with_tax_table(tax_table(path).map_err(|e| (2, format!("import_tax: {e}")))?);
    }
    let mut assessment = tax::assess(&order, &context);
    let declared = assessment.check_declared(&order, context.rates());
    // A price the conversion reported as malformed is not "missing" too.
    let given: Vec<String> = conversion.iter().map(|v| v.pointer().to_string()).collect();
    assessment.retain_report(|v| {
        v.code() != &Code::REQUIRED_MISSING
            || v.value()
                .is_none_or(|field| !given.contains(&v.pointer().clone().field(field).to_string()))
    });
    assessment.extend_report(conversion);
    assessment.extend_report(declared);
    let mut out = String::new();
    if options.json {
        let text = serde_json::to_string_pretty(&assessment)
            .map_err(|e| (2, format!("import_tax: {e}")))?;
        let _ = writeln!(out, "{text}");
    } else {
        table(&mut out, &order, &assessment, as_of);
    }
    // One write, and a closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    Ok(if assessment.report().has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err((code, message)) => {
            eprintln!("{message}");
            ExitCode::from(code)
        }
    }
}
