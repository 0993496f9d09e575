//! The wire layer: serde structs that mirror the customs API's JSON exactly.
//!
//! Field names are the API's (camelCase, and the callback's two snake_case
//! fields); every documented default applies when a field is absent or
//! `null`; unknown fields are ignored. Every field is public: these are plain
//! records of what was sent, without invariants. Values that are bad for the
//! domain (an unknown currency, a malformed HS code or date, a negative
//! weight, text in a number field) are kept as they came, so that
//! [`crate::Product::from_wire`] and [`crate::Order::from_wire`] can report
//! every one of them at once, each at its JSON Pointer.
//!
//! Writing a wire struct gives back the same JSON values for every known
//! field: numbers stay exact numbers, strings stay strings, absent optional
//! fields stay absent. Fields with a default are always written. A `null`
//! reads as absent. A JSON number in a text field (`"orderId": 12345`,
//! `"zip": 200000`, as some ERPs send them) is read as its text rather than
//! rejecting the document, and written back as a string. A value of another
//! JSON type (an object where a string belongs, a string where an array
//! belongs) is a structural error that `serde_json` reports with its line and
//! column, and [`from_json`] at its JSON Pointer.
//!
//! Text fields are [`Text`]: up to 22 bytes in place, without a heap
//! allocation, longer text on the heap; build one with `"...".into()`.
//!
//! # Reading a document
//!
//! [`from_json`] reads JSON bytes as the crate means them to be read: a
//! UTF-8 byte-order mark is skipped, and what stops reading (not JSON, an
//! array where an object belongs, a member named twice) comes back as one
//! [`JsonError`] with its line, column and JSON Pointer, which
//! [`JsonError::to_violation`] turns into the crate's [`crate::Violation`].
//! `serde_json::from_str`, `from_slice`, `from_reader` and `from_value` read
//! the same values; only their errors lack the pointer.
//!
//! # Numbers
//!
//! Through `serde_json`, every number field ([`Number`], and the numbers of
//! free-form [`Json`]) is read from the number's own text, through
//! serde_json's `raw_value` feature (which this crate enables): exact at any
//! length, `1e-28` accepted, and `1e400` or `1e-400` kept as written and
//! reported as out of range at its pointer by the conversion, never a failed
//! document or a silent `0`. Written to JSON, a number is its exact decimal.
//! Structs of your own get the same by using [`Number`] for their number
//! fields, with `#[derive(Deserialize)]` as usual.
//!
//! Through other serde formats, and where serde buffers values first
//! (`#[serde(flatten)]`, untagged enums), numbers reach [`Number`] as `f64`:
//! exact up to 15 significant digits, and written back as a number when an
//! `f64` holds it exactly, else as a numeric string. Send longer amounts as
//! strings there.
//!
//! # Objects, never arrays
//!
//! `#[derive(Deserialize)]` reads a struct from a JSON array too, by
//! position. The wire structs read only from objects: an array where an
//! object belongs is a structural error. [`object_only!`] does the same for a
//! struct of your own (derive with `#[serde(remote = "Self")]`, then invoke
//! it); derived structs already refuse a member named twice.
//!
//! # Example
//!
//! ```
//! use crossborder::wire;
//!
//! let json = r#"{"name":"T恤","hsCode":"6109.10","price":"59.90","skus":[{"skuNumber":"TS-1","netWeight":0.2}]}"#;
//! let product: wire::Product = serde_json::from_str(json)?;
//! assert_eq!(product.currency, "RMB"); // the documented default
//! let back = serde_json::to_value(&product)?;
//! assert_eq!(back["price"], "59.90");
//! assert_eq!(back["skus"][0]["netWeight"], 0.2);
//! assert_eq!(back["currency"], "RMB");
//! # Ok::<(), serde_json::Error>(())
//! ```

mod json;
mod object;
mod order;
pub(crate) mod place;
mod read;
pub(crate) mod text;
mod types;

pub use crate::number::{Number, NumberError, parse_decimal};
#[doc(inline)]
pub use crate::object_only;
pub use json::Json;
pub use object::ObjectOnly;
pub use order::DocumentKind;
pub(crate) use order::document_key;
pub use read::{JsonError, JsonErrorKind, from_json};
pub use text::Text;
pub(crate) use types::fields;
pub use types::{
    Address, Component, DeclarationResult, Images, Order, OrderItem, Product, Response,
    ResponseData, Sku,
};
