//! Text fields that also accept a JSON number, for the wire structs and the
//! channel JSON: ERPs often send ids, postal codes and phone numbers
//! (`"orderId": 12345`, `"zip": 200000`) as numbers.
//! Rejecting the whole document for that would hide every other problem, so
//! the number is read as its text. It is written back as a string.
//!
//! An HS code sent as a number loses its leading zero (`0101210000` becomes
//! `101210000`); the declaration rules then report its length.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string (or a number, read as its text)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(TextVisitor)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // serde_json's `arbitrary_precision` hands numbers over as a map.
        let key: Option<String> = map.next_key()?;
        if key.as_deref() != Some(crate::number::ARBITRARY_PRECISION_KEY) {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        Ok(Some(map.next_value()?))
    }
}

/// An optional text field: a string, a number (as its text), or `null`.
pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(TextVisitor)
}
