//! [`Json`]: a free-form JSON value kept exactly as it came.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Number;
use crate::number::{ARBITRARY_PRECISION_KEY, RAW_VALUE_TOKEN};

/// A free-form JSON value (`campaignTrackingData`, `connectorResponses`),
/// kept as it came: object members in their order, numbers exact (read from
/// their own text through `serde_json`, so `1e400` or a 20-digit amount is
/// kept as written), nested at most 128 levels deep. A small value type of
/// the crate's own, so that the wire types do not tie their callers to
/// `serde_json::Value`'s number model.
///
/// # Example
///
/// ```
/// use crossborder::wire::Json;
///
/// let v: Json = serde_json::from_str(r#"{"utm":"spring","ids":[1,2.5,null,true]}"#)?;
/// assert_eq!(v.get("utm"), Some(&Json::String("spring".into())));
/// assert_eq!(serde_json::to_string(&v)?, r#"{"utm":"spring","ids":[1,2.5,null,true]}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Json {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exact.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in document order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object (the first, if repeated); `None` for
    /// other values.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::Json;
    /// let v = Json::Object(vec![("a".into(), Json::Bool(true))]);
    /// assert_eq!(v.get("a"), Some(&Json::Bool(true)));
    /// assert_eq!(v.get("b"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => n.serialize(s),
            Json::String(t) => s.serialize_str(t),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // serde_json answers with the value's own text (its raw value), which
        // is read here with every number exact; other formats call
        // `visit_newtype_struct`.
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, JsonVisitor)
    }
}

/// The first key of a map handed to [`JsonVisitor`].
enum Key {
    Raw,
    ArbitraryPrecision,
    Member(String),
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(match v {
            RAW_VALUE_TOKEN => Key::Raw,
            ARBITRARY_PRECISION_KEY => Key::ArbitraryPrecision,
            _ => Key::Member(v.to_owned()),
        })
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key, E> {
        Ok(match v.as_str() {
            RAW_VALUE_TOKEN => Key::Raw,
            ARBITRARY_PRECISION_KEY => Key::ArbitraryPrecision,
            _ => Key::Member(v),
        })
    }
}

/// Reads a string value, lent where the format lends it.
struct RawSeed;

impl<'de> DeserializeSeed<'de> for RawSeed {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for RawSeed {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON text")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        RawParser { s: v, i: 0 }.document().map_err(E::custom)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<Json, D2::Error> {
        d.deserialize_any(self)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Json, D2::Error> {
        Json::deserialize(d)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(Number::from_i64(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(Number::from_u64(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(Number::from_f64(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        match map.next_key_seed(KeySeed)? {
            None => return Ok(Json::Object(members)),
            Some(Key::Raw) => return map.next_value_seed(RawSeed),
            Some(Key::ArbitraryPrecision) => {
                // `arbitrary_precision`'s map: a number only when it holds
                // one number's text, and nothing else.
                let text: String = map.next_value()?;
                return match (Number::from_json_number(&text), map.next_key::<String>()?) {
                    (Some(n), None) => Ok(Json::Number(n)),
                    _ => Err(de::Error::invalid_value(
                        de::Unexpected::Map,
                        &"a number's text in serde_json's arbitrary-precision map",
                    )),
                };
            }
            Some(Key::Member(key)) => members.push((key, map.next_value()?)),
        }
        while let Some(key) = map.next_key::<String>()? {
            let value: Json = map.next_value()?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

/// The most nested arrays and objects a free-form value may hold (as
/// `serde_json`'s own limit).
const MAX_DEPTH: u32 = 128;

/// Reads a value from its JSON text, which serde_json has already checked:
/// numbers exact, members in order, strings unescaped by serde_json.
struct RawParser<'a> {
    s: &'a str,
    i: usize,
}

impl RawParser<'_> {
    fn document(mut self) -> Result<Json, String> {
        let v = self.value(0)?;
        self.ws();
        if self.i == self.s.len() {
            Ok(v)
        } else {
            Err(self.unexpected())
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn unexpected(&self) -> String {
        format!("unexpected JSON text at byte {}", self.i)
    }

    fn eat(&mut self, c: u8) -> Result<(), String> {
        self.ws();
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.s.get(self.i..).is_some_and(|r| r.starts_with(word)) {
            self.i += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: u32) -> Result<Json, String> {
        self.ws();
        match self.peek() {
            Some(b'{') => {
                let depth = self.nest(depth)?;
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                    return Ok(Json::Object(members));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    self.eat(b':')?;
                    let value = self.value(depth)?;
                    members.push((key, value));
                    self.ws();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Json::Object(members));
                        }
                        _ => return Err(self.unexpected()),
                    }
                }
            }
            Some(b'[') => {
                let depth = self.nest(depth)?;
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(b']') {
                    self.i += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth)?);
                    self.ws();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(self.unexpected()),
                    }
                }
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.i;
                while matches!(
                    self.peek(),
                    Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                ) {
                    self.i += 1;
                }
                let text = self.s.get(start..self.i).unwrap_or_default();
                Number::from_json_number(text)
                    .map(Json::Number)
                    .ok_or_else(|| format!("invalid number {:?}", crate::echo(text)))
            }
            _ => Err(self.unexpected()),
        }
    }

    fn nest(&self, depth: u32) -> Result<u32, String> {
        if depth >= MAX_DEPTH {
            Err(format!(
                "free-form JSON nested more than {MAX_DEPTH} levels deep"
            ))
        } else {
            Ok(depth + 1)
        }
    }

    /// A string at the cursor (which is on its opening quote).
    fn string(&mut self) -> Result<String, String> {
        if self.peek() != Some(b'"') {
            return Err(self.unexpected());
        }
        let start = self.i;
        self.i += 1;
        let mut escaped = false;
        loop {
            match self.peek() {
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    self.i += 2;
                }
                Some(_) => self.i += 1,
                None => return Err(self.unexpected()),
            }
        }
        self.i += 1;
        let quoted = self.s.get(start..self.i).ok_or_else(|| self.unexpected())?;
        if escaped {
            serde_json::from_str(quoted).map_err(|e| e.to_string())
        } else {
            Ok(quoted
                .get(1..quoted.len() - 1)
                .unwrap_or_default()
                .to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_form_numbers_are_exact_and_objects_stay_objects() {
        let text = r#"{"a":1e400,"b":0.12345678901234567,"c":{"$serde_json::private::Number":"abc"},"d":["x\"y",true,null,-0.5],"e":{}}"#;
        let v: Json = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), text);
        let b = v.get("b").unwrap();
        assert!(
            matches!(b, Json::Number(n) if n.decimal().unwrap().to_string() == "0.12345678901234567")
        );
        assert!(matches!(v.get("c"), Some(Json::Object(m)) if m.len() == 1));
        let from_value: Json = serde_json::from_value(
            serde_json::from_str::<serde_json::Value>(r#"{"k":[1,2.5]}"#).unwrap(),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&from_value).unwrap(),
            r#"{"k":[1,2.5]}"#
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(serde_json::from_str::<Json>(&deep).is_err());
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(serde_json::from_str::<Json>(&ok).is_ok());
    }
}
