//! The crate promises an example on every public item. rustdoc's
//! `missing_doc_code_examples` lint would check it, but it is nightly-only,
//! so this test reads the sources instead: every `pub` item (function,
//! method, struct, enum, trait, type alias, constant, static) outside test
//! code must have, in its own doc comment, a Rust code block (a fence with no
//! info string, or `rust`, `no_run`, `should_panic`). "See [`Other`]" is not
//! an example. Items written by a macro are checked in the macro, where
//! their docs are.
//!
//! The scan is textual, so it errs on the strict side: a `pub fn` in an
//! `impl` of a private type is checked too (give it an example, or make it
//! `pub(crate)`).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Whether a doc line opens a Rust code block.
fn opens_rust_block(doc: &str) -> bool {
    let Some(info) = doc.trim().strip_prefix("```") else {
        return false;
    };
    let info = info.trim();
    info.is_empty()
        || info
            .split(',')
            .map(str::trim)
            .all(|t| matches!(t, "rust" | "no_run" | "should_panic") || t.starts_with("edition"))
}

/// The item a line declares, if it is a public item that needs an example:
/// `(kind, name)`.
fn public_item(line: &str) -> Option<(&'static str, String)> {
    let rest = line.trim_start().strip_prefix("pub ")?;
    let mut rest = rest.trim_start();
    // Qualifiers before the keyword.
    for q in ["const fn ", "async fn ", "unsafe fn ", "extern \"C\" fn "] {
        if let Some(r) = rest.strip_prefix(q) {
            rest = r;
            return ident(rest).map(|n| ("fn", n));
        }
    }
    for (kw, kind) in [
        ("fn ", "fn"),
        ("struct ", "struct"),
        ("enum ", "enum"),
        ("trait ", "trait"),
        ("type ", "type"),
        ("const ", "const"),
        ("static ", "static"),
        ("union ", "union"),
    ] {
        if let Some(r) = rest.strip_prefix(kw) {
            return ident(r).map(|n| (kind, n));
        }
    }
    None
}

/// The identifier at the start of `s`; `None` for a macro variable (`$name`).
fn ident(s: &str) -> Option<String> {
    let name: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Public items without an example in one file: `(line number, kind, name)`.
fn items_without_example(text: &str) -> Vec<(usize, &'static str, String)> {
    let mut missing = Vec::new();
    let mut doc_has_example = false;
    let mut in_doc = false;
    let mut in_block = false;
    let mut attr_depth = 0i32;
    let mut skip_depth: Option<i32> = None;
    let mut pending_cfg_test = false;
    let mut brace_depth = 0i32;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(start) = skip_depth {
            brace_depth += braces(line);
            if brace_depth <= start {
                skip_depth = None;
            }
            continue;
        }
        if attr_depth > 0 {
            attr_depth += brackets(line);
            continue;
        }
        if let Some(doc) = line.strip_prefix("///") {
            if !in_doc {
                in_doc = true;
                doc_has_example = false;
                in_block = false;
            }
            if doc.trim().starts_with("```") {
                if !in_block && opens_rust_block(doc) {
                    doc_has_example = true;
                }
                in_block = !in_block;
            }
            continue;
        }
        if line.starts_with("#[") || line.starts_with("#![") {
            if line.starts_with("#[cfg(test)]") || line.starts_with("#[cfg(doctest)]") {
                pending_cfg_test = true;
            }
            attr_depth = brackets(line);
            continue;
        }
        if line.starts_with("//") || line.is_empty() && !in_doc {
            continue;
        }
        if pending_cfg_test {
            pending_cfg_test = false;
            // Skip the whole item (a test module, a doctest-only struct).
            let start = brace_depth;
            brace_depth += braces(line);
            if brace_depth > start {
                skip_depth = Some(start);
            }
            in_doc = false;
            continue;
        }
        if let Some((kind, name)) = public_item(raw)
            && !(in_doc && doc_has_example)
        {
            missing.push((n + 1, kind, name));
        }
        brace_depth += braces(line);
        in_doc = false;
    }
    missing
}

fn braces(line: &str) -> i32 {
    count(line, '{', '}')
}

fn brackets(line: &str) -> i32 {
    count(line, '[', ']')
}

/// Opening minus closing delimiters, outside string literals and comments.
fn count(line: &str, open: char, close: char) -> i32 {
    let mut depth = 0;
    let mut in_str = false;
    let mut prev = ' ';
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if in_str {
            if c == '"' && prev != '\\' {
                in_str = false;
            }
        } else if c == '"' {
            in_str = true;
        } else if c == '/' && chars.peek() == Some(&'/') {
            break;
        } else if c == '\'' {
            // A char literal such as '{': skip it.
            let rest: String = chars.clone().take(3).collect();
            if rest.len() >= 2 && rest.chars().nth(1) == Some('\'') {
                chars.next();
                chars.next();
            }
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
        }
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
    }
    depth
}

#[test]
fn every_public_item_has_an_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 20, "{files:?}");
    let mut missing = Vec::new();
    let mut items = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        items += text.lines().filter(|l| public_item(l).is_some()).count();
        for (line, kind, name) in items_without_example(&text) {
            let rel = f.strip_prefix(&root).unwrap().display();
            missing.push(format!("src/{rel}:{line}: {kind} {name}"));
        }
    }
    assert!(items > 400, "the scan found only {items} public items");
    assert!(
        missing.is_empty(),
        "{} of {items} public items have no example in their docs:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The scanner itself: it must see what a reader of the docs would miss.
#[test]
fn the_example_scan_tells_an_example_from_a_reference() {
    let text = r#"
/// Documented, with an example.
///
/// ```
/// assert!(true);
/// ```
#[derive(Debug)]
pub struct Good;

/// Only points elsewhere.
///
/// See [`Good`].
#[serde(
    rename_all = "camelCase",
)]
pub struct Pointer {
    /// Fields need none.
    pub field: u8,
}

impl Pointer {
    /// JSON is not Rust.
    ///
    /// ```json
    /// {"a": 1}
    /// ```
    pub const fn json(&self) -> u8 { 1 }

    pub(crate) fn private(&self) {}
}

#[cfg(test)]
mod tests {
    pub fn helper() {}
}
"#;
    let found: Vec<(&str, String)> = items_without_example(text)
        .into_iter()
        .map(|(_, k, n)| (k, n))
        .collect();
    assert_eq!(
        found,
        [("struct", "Pointer".to_owned()), ("fn", "json".to_owned())]
    );
}
