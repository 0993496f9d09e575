//! Validates customs declarations and prints the report.
//!
//! ```text
//! cargo run --example quickstart                       # the built-in sample product and order
//! cargo run --example quickstart -- order.json         # a product or order declaration of yours
//! cargo run --example quickstart -- order.json --json  # the report as JSON
//! ```
//!
//! Options: `--payment` (check an order document as a payment declaration),
//! `--update` (as an order update, PUT), `--port HZ`, `--mode BC`,
//! `--date 2024-05-01` (the date to judge on; default: today for your files,
//! the sample's own date for the sample), `--lang zh` (messages in Chinese
//! only), `--tax-table FILE.json` (your rows of the China import tax table,
//! on top of the default: MFN duty rates for one-item orders over ¥5,000;
//! the built-in sample brings its own, `samples/tax_table_lens.json`). Exit status: 0 when there is no error (warnings pass), 1 when there
//! is one, 2 for a bad command line or unreadable file.
//!
//! A file is read straight into the wire types with `wire::from_json`: a
//! UTF-8 byte-order mark is skipped, and a document that cannot be read (not
//! JSON, an array where an object belongs, a member named twice) is reported
//! as one violation at its JSON Pointer, with its line and column.

use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::NaiveDate;
use crossborder::declaration::{Context, Declaration, Validator};
use crossborder::tax::{TaxTable, TaxTableJson};
use crossborder::{ClearanceMode, CustomsPort, Language, Report, Severity, wire};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

const SAMPLE_PRODUCT: &str = include_str!("../tests/fixtures/product_5sku.json");
const SAMPLE_ORDER: &str = include_str!("samples/order_lens.json");
/// The sample seller's own tax-table row: the MFN duty rate of the lens,
/// which full rates need and the crate does not ship.
const SAMPLE_TAX_TABLE: &str = include_str!("samples/tax_table_lens.json");
const SAMPLE_DATE: (i32, u32, u32) = (2024, 6, 1);

struct Options {
    path: Option<String>,
    json: bool,
    declaration: Option<Declaration>,
    port: Option<CustomsPort>,
    mode: Option<ClearanceMode>,
    date: Option<NaiveDate>,
    language: Option<Language>,
    tax_table: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        path: None,
        json: false,
        declaration: None,
        port: None,
        mode: None,
        date: None,
        language: None,
        tax_table: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => o.json = true,
            "--payment" => o.declaration = Some(Declaration::Payment),
            "--update" => o.declaration = Some(Declaration::OrderUpdate),
            "--port" => o.port = Some(value("--port")?.parse().map_err(|e| format!("{e}"))?),
            "--mode" => o.mode = Some(value("--mode")?.parse().map_err(|e| format!("{e}"))?),
            "--date" => {
                let d = value("--date")?;
                o.date = Some(
                    NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .map_err(|_| format!("--date {d:?}: expected YYYY-MM-DD"))?,
                );
            }
            "--lang" => {
                o.language = Some(match value("--lang")?.as_str() {
                    "en" => Language::English,
                    "zh" => Language::Chinese,
                    other => return Err(format!("--lang {other:?}: expected en or zh")),
                })
            }
            "--tax-table" => o.tax_table = Some(value("--tax-table")?),
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

/// The members that make a document an order: items, a platform, an order
/// id or a paid amount; anything else is read as a product.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct OrderMarks {
    items: Option<IgnoredAny>,
    platform_name: Option<IgnoredAny>,
    order_id: Option<IgnoredAny>,
    pay_amount: Option<IgnoredAny>,
}
crossborder::wire::object_only!(@deserialize OrderMarks);

fn is_order(m: &OrderMarks) -> bool {
    m.items.is_some() || m.platform_name.is_some() || m.order_id.is_some() || m.pay_amount.is_some()
}

struct Checked {
    title: String,
    declaration: Declaration,
    mode: Option<ClearanceMode>,
    report: Report,
}

/// A document that could not be read, as a report of its one violation.
fn unreadable(e: wire::JsonError, declaration: Declaration) -> Checked {
    Checked {
        title: "document (not read)".to_owned(),
        declaration,
        mode: None,
        report: e.into_report(),
    }
}

fn check(bytes: &[u8], options: &Options, context: &Context, validator: &Validator) -> Checked {
    let marks = match wire::from_json::<OrderMarks>(bytes) {
        Ok(m) => m,
        Err(e) => return unreadable(e, options.declaration.unwrap_or(Declaration::Product)),
    };
    if is_order(&marks) {
        let declaration = options.declaration.unwrap_or(Declaration::Order);
        let order: wire::Order = match wire::from_json(bytes) {
            Ok(o) => o,
            Err(e) => return unreadable(e, declaration),
        };
        let checked = validator.validate_order(order, declaration, context);
        let o = checked.value();
        let title = format!("order {}", o.order_id.as_deref().unwrap_or("(no orderId)"));
        let mode = context.mode().or(o.express_type);
        Checked {
            title,
            declaration,
            mode,
            report: checked.into_parts().1,
        }
    } else {
        let product: wire::Product = match wire::from_json(bytes) {
            Ok(p) => p,
            Err(e) => return unreadable(e, Declaration::Product),
        };
        let checked = validator.validate_product(product, context);
        let p = checked.value();
        let title = format!(
            "product {} {}",
            p.product_id.as_deref().unwrap_or("(no productId)"),
            p.name.as_deref().or(p.name_en.as_deref()).unwrap_or("")
        );
        let mode = context.mode().or(p.express_type);
        Checked {
            title,
            declaration: Declaration::Product,
            mode,
            report: checked.into_parts().1,
        }
    }
}

/// The report as a table: severity, code, path, value, message (and the
/// Chinese message under the English one).
fn print_table(out: &mut String, c: &Checked, language: Option<Language>) {
    let mode = c.mode.map_or("mode unknown".to_owned(), |m| {
        format!("{m} ({})", m.name_zh())
    });
    let _ = writeln!(
        out,
        "{}\n  {} · {mode}",
        c.title.trim_end(),
        c.declaration.endpoint()
    );
    if c.report.is_empty() {
        let _ = writeln!(out, "  no problems found / 未发现问题\n");
        return;
    }
    let rows: Vec<[String; 4]> = c
        .report
        .iter()
        .map(|v| {
            let path = if v.pointer().is_root() {
                "/".to_owned()
            } else {
                v.pointer().to_string()
            };
            let mut value = v.value().unwrap_or("").to_owned();
            if value.chars().count() > 24 {
                value = value.chars().take(23).collect::<String>() + "…";
            }
            [v.severity().to_string(), v.code().to_string(), path, value]
        })
        .collect();
    let width = |i: usize, title: &str| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([title.len()])
            .max()
            .unwrap_or(0)
    };
    let w = [
        width(0, "SEVERITY"),
        width(1, "CODE"),
        width(2, "PATH"),
        width(3, "VALUE"),
    ];
    let _ = writeln!(
        out,
        "  {:<w0$}  {:<w1$}  {:<w2$}  {:<w3$}  MESSAGE",
        "SEVERITY",
        "CODE",
        "PATH",
        "VALUE",
        w0 = w[0],
        w1 = w[1],
        w2 = w[2],
        w3 = w[3]
    );
    let indent = 2 + w.iter().map(|x| x + 2).sum::<usize>();
    for (row, v) in rows.iter().zip(c.report.iter()) {
        let pad =
            |s: &str, n: usize| format!("{s}{}", " ".repeat(n.saturating_sub(s.chars().count())));
        let first = match language {
            Some(l) => v.message(l).to_owned(),
            None => v.message_en().to_owned(),
        };
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}  {first}",
            pad(&row[0], w[0]),
            pad(&row[1], w[1]),
            pad(&row[2], w[2]),
            pad(&row[3], w[3])
        );
        if language.is_none() {
            let _ = writeln!(out, "{}{}", " ".repeat(indent), v.message_zh());
        }
    }
    let errors = c.report.with_severity(Severity::Error).count();
    let warnings = c.report.with_severity(Severity::Warning).count();
    let _ = writeln!(
        out,
        "  {errors} error(s), {warnings} warning(s) / {errors} 个错误，{warnings} 个警告\n"
    );
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("quickstart: {message}");
            }
            eprintln!(
                "usage: quickstart [FILE.json] [--json] [--payment|--update] [--port HZ] [--mode BC] [--date YYYY-MM-DD] [--lang en|zh] [--tax-table FILE.json]"
            );
            return ExitCode::from(2);
        }
    };
    let (documents, default_date) = match &options.path {
        Some(path) => match std::fs::read(path) {
            Ok(text) => (vec![text], today()),
            Err(e) => {
                eprintln!("quickstart: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => {
            let (y, m, d) = SAMPLE_DATE;
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
            (
                vec![
                    SAMPLE_PRODUCT.as_bytes().to_vec(),
                    SAMPLE_ORDER.as_bytes().to_vec(),
                ],
                date,
            )
        }
    };
    let mut context = Context::new(options.date.unwrap_or(default_date));
    if let Some(port) = options.port {
        context = context.with_port(port);
    }
    if let Some(mode) = options.mode {
        context = context.with_mode(mode);
    }
    let own_table = match (&options.tax_table, &options.path) {
        (Some(path), _) => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!("quickstart: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
        (None, None) => Some(SAMPLE_TAX_TABLE.to_owned()),
        (None, Some(_)) => None,
    };
    if let Some(text) = own_table {
        let own = serde_json::from_str::<TaxTableJson>(&text)
            .map_err(|e| e.to_string())
            .and_then(|form| form.to_table().map_err(|r| r.render(Language::English)));
        match own {
            Ok(own) => {
                let mut table = TaxTable::china_default();
                table.extend(own);
                context = context.with_tax_table(table);
            }
            Err(e) => {
                eprintln!("quickstart: not a tax table: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let validator = Validator::default();
    let mut out = String::new();
    let mut results = Vec::new();
    for bytes in &documents {
        results.push(check(bytes, &options, &context, &validator));
    }
    if options.json {
        let declarations: Vec<Value> = results
            .iter()
            .map(|c| {
                serde_json::json!({
                    "declaration": c.title,
                    "endpoint": c.declaration.endpoint(),
                    "clearanceMode": c.mode.map(|m| m.as_str()),
                    "report": c.report,
                })
            })
            .collect();
        match serde_json::to_string_pretty(&declarations) {
            Ok(s) => {
                let _ = writeln!(out, "{s}");
            }
            Err(e) => {
                eprintln!("quickstart: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        let _ = writeln!(
            out,
            "crossborder quickstart, judged as of {}\n",
            context.as_of()
        );
        for c in &results {
            print_table(&mut out, c, options.language);
        }
    }
    // One write, and a closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    if results.iter().any(|c| c.report.has_errors()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
