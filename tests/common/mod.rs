//! Helpers shared by the integration tests.

#![allow(dead_code, clippy::unwrap_used)] // each test crate uses some of them

/// The text of `tests/fixtures/{name}`.
pub(crate) fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// `tests/fixtures/{name}` as a JSON value.
pub(crate) fn fixture_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&fixture(name)).unwrap()
}

pub(crate) mod hostile;
