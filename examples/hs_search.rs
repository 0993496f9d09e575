//! Finds HS 2022 candidates for a product name.
//!
//! ```text
//! cargo run --example hs_search -- "bluetooth headphones"
//! cargo run --example hs_search -- --edition 2017 --limit 5 "蓝牙耳机"
//! cargo run --example hs_search -- "遥控赛车"   # no whole term: approximate hits
//! ```

use std::process::ExitCode;

use crossborder::HsEdition;
use crossborder::hs;

fn main() -> ExitCode {
    let mut edition = HsEdition::Hs2022;
    let mut limit = hs::DEFAULT_LIMIT;
    let mut words = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--edition" => match args.next().map(|e| e.parse::<HsEdition>()) {
                Some(Ok(e)) => edition = e,
                Some(Err(err)) => return usage(&err.to_string()),
                None => return usage("--edition needs a value"),
            },
            "--limit" => match args.next().map(|n| n.parse::<usize>()) {
                Some(Ok(n)) => limit = n,
                _ => return usage("--limit needs a number"),
            },
            "-h" | "--help" => return usage(""),
            _ => words.push(arg),
        }
    }
    if words.is_empty() {
        return usage("give a product name");
    }
    let query = words.join(" ");
    let hits = hs::search_with(&query, edition, limit);
    if hits.is_empty() {
        println!("no {} candidates for {query:?}", edition.label());
        return ExitCode::SUCCESS;
    }
    println!("{} candidates for {query:?}:", edition.label());
    for (i, hit) in hits.iter().enumerate() {
        let entry = hit.entry();
        println!(
            "{:>2}. {:<6} {:>6.2}  {}",
            i + 1,
            hit.code(),
            hit.score(),
            hit.description()
        );
        println!("    path: {}", entry.path());
        match (hit.approximate(), hit.term(), hit.reason()) {
            (false, Some(term), Some(reason)) => println!("    via table term {term:?}: {reason}"),
            (true, Some(term), Some(reason)) => {
                println!("    approximate: shares characters with table term {term:?}: {reason}")
            }
            (true, None, _) => match entry.title_zh() {
                Some(title) => {
                    println!("    approximate: shares characters with the chapter title {title:?}")
                }
                None => println!("    approximate"),
            },
            _ => {}
        }
    }
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("error: {problem}");
    }
    eprintln!("usage: hs_search [--edition 2022|2017] [--limit N] PRODUCT NAME...");
    if problem.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
