//! What every fuzz target checks besides "no panic": the invariants the
//! crate promises of a report and of a round trip. A target is a few lines
//! in `fuzz_targets/` that reads the input with one of the crate's readers
//! and hands the result to these helpers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a fuzz target fails loudly

use std::fmt::Debug;

use chrono::NaiveDate;
use crossborder::wire::Json;
use crossborder::{ECHO_MAX_CHARS, JsonPointer, MESSAGE_MAX_CHARS, Report};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The input as text, if it is UTF-8 (JSON and the exclusion files are).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The input read as a JSON document of type `T` the way the crate reads
/// JSON (`wire::from_json`: UTF-8 checked once for the whole text, a
/// byte-order mark skipped), if it is one. (`serde_json::from_slice` does
/// not check the UTF-8 of members it ignores.)
pub fn json<T: DeserializeOwned>(data: &[u8]) -> Option<T> {
    crossborder::wire::from_json(data).ok()
}

/// A date chosen by the input's first byte, from 2015 to 2030, so the
/// rules' effective dates are crossed.
pub fn date(data: &[u8]) -> NaiveDate {
    let day = u64::from(data.first().copied().unwrap_or(0)) * 23;
    NaiveDate::from_ymd_opt(2015, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(day)))
        .unwrap_or(NaiveDate::MIN)
}

/// What every report promises: each pointer is an RFC 6901 pointer, each
/// echoed value is cut to 64 characters (and a marker), each message is
/// at most 1,024 characters (and a marker) and not empty.
pub fn check_report(report: &Report) {
    let marker = "…[+18446744073709551615 chars]".chars().count();
    for v in report {
        let p = v.pointer().as_str();
        assert_eq!(
            p.parse::<JsonPointer>().as_ref().map(JsonPointer::as_str),
            Ok(p)
        );
        if let Some(value) = v.value() {
            assert!(
                value.chars().count() <= ECHO_MAX_CHARS + marker,
                "value {value:?}"
            );
        }
        for m in [v.message_en(), v.message_zh()] {
            assert!(!m.is_empty(), "empty message for {}", v.code());
            assert!(
                m.chars().count() <= MESSAGE_MAX_CHARS + marker,
                "message {m:?}"
            );
        }
    }
    // A report serializes and reads back as itself.
    let json = serde_json::to_string(report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, report);
}

/// Written to JSON and read back, `value` is the same, and so is its JSON.
pub fn json_round_trip<T>(value: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let written = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&written)
        .unwrap_or_else(|e| panic!("cannot read back {written}: {e}"));
    assert_eq!(&back, value, "changed on the way through {written}");
    assert_eq!(serde_json::to_string(&back).unwrap(), written);
}

/// `parse(display(x)) == x` for a value a parser accepted.
pub fn text_round_trip<T, E>(value: &T, parse: impl Fn(&str) -> Result<T, E>)
where
    T: std::fmt::Display + PartialEq + Debug,
    E: Debug,
{
    let shown = value.to_string();
    match parse(&shown) {
        Ok(back) => assert_eq!(&back, value, "{shown:?} reads back differently"),
        Err(e) => panic!("{value:?} is shown as {shown:?}, which does not parse: {e:?}"),
    }
}

/// The input as the crate's free-form JSON value (members in order,
/// numbers exact), to resolve a report's pointers in; `None` when it is not
/// JSON or nests deeper than that value allows.
pub fn document(data: &[u8]) -> Option<Json> {
    json::<Json>(data)
}

/// Every pointer of `report` names a place in `doc`: a value it holds, or
/// a member it lacks (a missing field is reported where it would be). So
/// the first step that does not resolve must be a member of an object (or
/// of a `null` left out), never an index past an array's end nor a step
/// into a string or a number.
pub fn check_pointers(report: &Report, doc: &Json) {
    for v in report {
        let p = v.pointer().as_str();
        let mut node = Some(doc);
        for token in p.split('/').skip(1) {
            let Some(here) = node else { break };
            let token = token.replace("~1", "/").replace("~0", "~");
            node = match here {
                Json::Object(_) => here.get(&token),
                Json::Null => None,
                Json::Array(items) => {
                    let item = token.parse::<usize>().ok().and_then(|i| items.get(i));
                    assert!(
                        item.is_some(),
                        "{} at {p}: no item {token:?} in an array of {}",
                        v.code(),
                        items.len()
                    );
                    item
                }
                _ => panic!("{} at {p}: {token:?} is a step into a scalar", v.code()),
            };
        }
    }
}
