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
//! column.
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
mod read;
pub(crate) mod text;
mod types;

pub use crate::number::{Number, NumberError, parse_decimal};
#[doc(inline)]
pub use crate::object_only;
pub use json::Json;
pub use object::ObjectOnly;
pub use read::{JsonError, JsonErrorKind, from_json};
pub use text::Text;
pub(crate) use types::fields;
pub use types::{
    Address, Component, DeclarationResult, Images, Order, OrderItem, Product, Response,
    ResponseData, Sku,
};
pub use order::DocumentKind;
pub(crate) use order::document_key;
