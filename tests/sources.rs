//! Sources a user can open (issue 13, item 7): rule sources, docs, README,
//! CHANGELOG and examples cite public documents (a regulation number, a
//! marketplace's help page and its date, a standard), never a file outside
//! the crate that a docs.rs reader cannot open.

use std::path::{Path, PathBuf};

use crossborder::Policy;

/// How a citation of an unpublished working file reads: a numbered input
/// file, the reference page of domain rules, the shared folder. Specific
/// enough that a hash's random key or the plants class is not one.
/// Written in pieces so that this file does not match the patterns it
/// looks for.
const PRIVATE_CITATIONS: &[&str] = &[
    concat!("se", "ed 0"),
    concat!("se", "eds 0"),
    concat!("the se", "ed's"),
    concat!("the se", "ed page"),
    concat!("domain", "-rules"),
    concat!("stocking", ".md"),
    concat!("import-tax", ".md"),
    concat!("shared", "/reference"),
    concat!("shared", "/se", "eds"),
    concat!("../", "shared"),
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p
            .extension()
            .is_some_and(|e| e == "rs" || e == "md" || e == "json" || e == "toml")
        {
            out.push(p);
        }
    }
}

#[test]
fn no_doc_or_source_cites_a_file_outside_the_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = vec![root.join("README.md"), root.join("CHANGELOG.md")];
    for dir in ["src", "examples", "benches", "tests"] {
        files(&root.join(dir), &mut all);
    }
    let this = root.join("tests/sources.rs");
    let mut found = Vec::new();
    for f in all.iter().filter(|f| **f != this) {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            for c in PRIVATE_CITATIONS {
                if lower.contains(c) {
                    let rel = f.strip_prefix(root).unwrap().display();
                    found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "citations a reader cannot open:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_default_eligibility_rule_names_a_public_source() {
    let p = Policy::fba_export_default();
    let json = serde_json::to_value(&p).unwrap();
    let mut sources = Vec::new();
    collect_sources(&json, &mut sources);
    assert!(sources.len() > 50, "{}", sources.len());
    for s in sources {
        assert!(
            s.contains("https://") || s.starts_with("crossborder default"),
            "{s}"
        );
        assert!(
            !s.contains(".md") && !s.to_lowercase().contains(concat!("se", "ed")),
            "{s}"
        );
    }
    // The FBA Export page with the date of its text.
    assert!(crossborder::eligibility::SOURCE_FBA_EXPORT.contains("2024-01-01"));
    assert!(
        crossborder::eligibility::SOURCE_FBA_EXPORT
            .contains("https://sellercentral.amazon.com/gp/help/external/200149570")
    );
}

fn collect_sources<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                match (k.as_str(), v.as_str()) {
                    ("source", Some(s)) => out.push(s),
                    _ => collect_sources(v, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_sources(v, out)),
        _ => {}
    }
}

#[test]
fn declaration_rule_sources_name_documents_not_working_files() {
    let rules = crossborder::declaration::catalogue();
    assert!(rules.len() > 20);
    for r in rules {
        let s = r.source();
        assert!(!s.is_empty(), "{}", r.code());
        for c in PRIVATE_CITATIONS {
            assert!(!s.to_lowercase().contains(c), "{}: {s}", r.code());
        }
        assert!(!s.contains(".md"), "{}: {s}", r.code());
    }
}

#[test]
fn channel_sources_are_pages_with_addresses() {
    for s in [
        crossborder::channel::SOURCE_CHANNEL_RULE,
        crossborder::channel::SOURCE_FIRST_MILE,
        crossborder::channel::SOURCE_ORDERS_PER_SHIPPING_ORDER,
    ] {
        assert!(s.contains("https://"), "{s}");
    }
}
