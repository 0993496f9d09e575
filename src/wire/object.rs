//! Objects, never arrays: a JSON object type that `serde` derive would also
//! read from an array, by position, reads only from an object.
//!
//! `#[derive(Deserialize)]` on a struct accepts a JSON array as the struct's
//! fields in order: `["P-1","蓝牙耳机"]` would be a product named 蓝牙耳机,
//! `"customer": ["Zhang","San"]` an address, `[]` a default product. Wherever
//! the API has an object, an array is a structural error (serde_json reports
//! it with its line and column, and [`crate::wire::from_json`] at its JSON
//! Pointer).
//!
//! For a struct of your own: derive as usual, add `remote = "Self"` to its
//! `#[serde(...)]` attribute (serde then writes its derived code as inherent
//! functions), and invoke [`object_only!`](crate::wire::object_only) for it,
//! which writes the `Deserialize` impl (objects only) and the `Serialize`
//! impl (unchanged). Derived structs also reject a repeated member name
//! (`duplicate field`), which [`crate::wire::from_json`] reports at its
//! pointer too.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};

/// Implements `Deserialize` (from a JSON object only, never an array) and
/// `Serialize` (as derived) for a struct that derives both with
/// `#[serde(remote = "Self")]`. See the [module docs](crate::wire#objects-never-arrays).
///
/// # Example
///
/// ```
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Debug, PartialEq, Serialize, Deserialize)]
/// #[serde(rename_all = "camelCase", remote = "Self")]
/// struct Carton {
///     carton_id: String,
///     #[serde(default)]
///     weight: Option<crossborder::wire::Number>,
/// }
/// crossborder::wire::object_only!(Carton);
///
/// let c: Carton = serde_json::from_str(r#"{"cartonId": "C-1", "weight": 12.5}"#)?;
/// assert_eq!(c.carton_id, "C-1");
/// assert_eq!(serde_json::to_string(&c)?, r#"{"cartonId":"C-1","weight":12.5}"#);
/// let err = serde_json::from_str::<Carton>(r#"["C-1", 12.5]"#).unwrap_err();
/// assert!(err.to_string().starts_with("invalid type: sequence, expected an object"));
/// let dup = serde_json::from_str::<Carton>(r#"{"cartonId": "C-1", "cartonId": "C-2"}"#).unwrap_err();
/// assert!(dup.to_string().starts_with("duplicate field `cartonId`"));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// A struct that only derives `Deserialize` (with `remote = "Self"`) takes
/// `object_only!(@deserialize Type)`, which writes the `Deserialize` impl
/// alone.
#[macro_export]
macro_rules! object_only {
    (@deserialize $($ty:ty),+ $(,)?) => {
        $(
            impl<'de> ::serde::Deserialize<'de> for $ty {
                fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                    <$ty>::deserialize($crate::wire::ObjectOnly::new(d))
                }
            }
        )+
    };
    ($($ty:ty),+ $(,)?) => {
        $crate::object_only!(@deserialize $($ty),+);
        $(
            impl ::serde::Serialize for $ty {
                fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                    <$ty>::serialize(self, s)
                }
            }
        )+
    };
}

/// A deserializer that reads a struct from a map (a JSON object) only: the
/// adapter behind [`object_only!`](crate::wire::object_only). Every other
/// request passes through unchanged.
///
/// # Example
///
/// ```
/// use crossborder::wire::ObjectOnly;
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Pair { a: u8, b: u8 }
///
/// let mut json = serde_json::Deserializer::from_str("[1, 2]");
/// assert!(Pair::deserialize(ObjectOnly::new(&mut json)).is_err());
/// let mut json = serde_json::Deserializer::from_str(r#"{"a": 1, "b": 2}"#);
/// assert_eq!(Pair::deserialize(ObjectOnly::new(&mut json)).map(|p| p.a + p.b).ok(), Some(3));
/// ```
#[derive(Debug)]
pub struct ObjectOnly<D>(D);

impl<D> ObjectOnly<D> {
    /// Wraps a deserializer.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::ObjectOnly;
    /// use serde::Deserialize;
    ///
    /// let mut json = serde_json::Deserializer::from_str(r#"{"a": 1}"#);
    /// let value = std::collections::BTreeMap::<String, u8>::deserialize(ObjectOnly::new(&mut json));
    /// assert_eq!(value.ok().and_then(|m| m.get("a").copied()), Some(1));
    /// ```
    pub fn new(d: D) -> Self {
        ObjectOnly(d)
    }
}

/// Passes a map through to the struct's visitor and refuses a sequence.
struct MapOnly<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for MapOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object (")?;
        self.0.expecting(f)?;
        f.write_str(")")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(map)
    }
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method($($arg,)* visitor)
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, MapOnly(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }
}

#[cfg(test)]
mod tests {
    use crate::wire;

    #[test]
    fn arrays_are_never_objects() {
        // The reproducers of the reliability review.
        assert!(serde_json::from_str::<wire::Product>(r#"["P-1","蓝牙耳机"]"#).is_err());
        assert!(serde_json::from_str::<wire::Product>("[]").is_err());
        let err = serde_json::from_str::<wire::Order>(r#"{"customer": ["Zhang","San"]}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("invalid type: sequence, expected an object"),
            "{err}"
        );
        assert!(err.ends_with("line 1 column 14"), "{err}");
        for json in [
            r#"{"skus": [["A-1", 19.99]]}"#,
            r#"{"images": ["a.jpg"]}"#,
            r#"{"components": [[]]}"#,
        ] {
            assert!(
                serde_json::from_str::<wire::Product>(json).is_err(),
                "{json}"
            );
        }
        for json in [
            r#"{"items": [["I-1"]]}"#,
            r#"{"items": [{"product": []}]}"#,
            r#"{"payer": []}"#,
        ] {
            assert!(serde_json::from_str::<wire::Order>(json).is_err(), "{json}");
        }
        assert!(serde_json::from_str::<wire::Response>(r#"{"data": []}"#).is_err());
        assert!(serde_json::from_str::<wire::DeclarationResult>(r#"["HZ"]"#).is_err());
        // Objects still read, through every entry point.
        let v: serde_json::Value =
            serde_json::from_str(r#"{"customer": {"firstName": "San"}}"#).unwrap();
        let o: wire::Order = serde_json::from_value(v).unwrap();
        assert_eq!(
            o.customer.and_then(|c| c.first_name).as_deref(),
            Some("San")
        );
    }
}
