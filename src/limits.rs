//! [`Limits`]: the largest document a service accepts, checked before any
//! conversion or rule runs, so an oversized upload is refused with one clear
//! violation instead of being validated at length.

use std::fmt;

use serde::ser::{self, Serialize};

use crate::{Code, JsonPointer, Report, Severity, Violation};

crate::macros::codes! {
    /// A document is larger than the [`Limits`] the caller set: too many
    /// SKUs, order lines or cartons in one array, or too long a text.
    LIMIT_EXCEEDED = "limit.exceeded";
}

/// The largest document a service accepts: the most SKUs, order lines
/// (`items`) and cartons in one array, and the longest text (in bytes, as it
/// is held in memory). Every limit is off by default; a service that reads
/// what its users upload sets those it needs.
///
/// [`Limits::check`] walks any wire document (anything `Serialize` with the
/// wire's member names: [`crate::wire::Product`], [`crate::wire::Order`],
/// a channel [`ShippingOrderJson`](crate::channel::ShippingOrderJson),
/// and the documents other engines read) and stops at the first limit
/// exceeded, with one `limit.exceeded` violation at its pointer. Arrays are
/// recognised by their member name: `skus` (a product's, and the product of
/// each order line), `items` and `cartons`. The check runs after the JSON is
/// parsed (bound the size of the request body before that) and before the
/// conversion, whose report of a 100,000-SKU document would be as long as
/// the document. [`Validator::with_limits`](crate::declaration::Validator::with_limits)
/// runs it first thing.
///
/// # Example
///
/// ```
/// use crossborder::{Code, Limits, wire};
///
/// let limits = Limits::none().with_max_skus(1_000).with_max_string_bytes(4_096);
/// let skus: Vec<_> = (0..1_001).map(|i| serde_json::json!({"skuNumber": format!("S{i}")})).collect();
/// let product: wire::Product = serde_json::from_value(serde_json::json!({"name": "T恤", "skus": skus}))?;
/// let report = limits.check(&product).unwrap_err();
/// assert_eq!(report.len(), 1);
/// let v = &report.as_slice()[0];
/// assert_eq!(v.code(), &Code::LIMIT_EXCEEDED);
/// assert_eq!(v.pointer().as_str(), "/skus");
/// assert_eq!(v.message_en(), "1001 SKUs at /skus: this service accepts at most 1000");
///
/// let name = "名".repeat(2_000); // 6,000 bytes
/// let product: wire::Product = serde_json::from_value(serde_json::json!({"name": name}))?;
/// let report = limits.check(&product).unwrap_err();
/// assert_eq!(report.as_slice()[0].pointer().as_str(), "/name");
///
/// // Off by default.
/// assert!(Limits::default().check(&product).is_ok());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Limits {
    max_skus: Option<usize>,
    max_items: Option<usize>,
    max_cartons: Option<usize>,
    max_string_bytes: Option<usize>,
}

impl Limits {
    /// No limit at all (the default).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Limits::none().is_none());
    /// ```
    pub const fn none() -> Limits {
        Limits {
            max_skus: None,
            max_items: None,
            max_cartons: None,
            max_string_bytes: None,
        }
    }

    /// At most `n` SKUs in one `skus` array.
    ///
    /// # Example
    ///
    /// ```
    /// let l = crossborder::Limits::none().with_max_skus(500);
    /// assert_eq!(l.max_skus(), Some(500));
    /// ```
    #[must_use]
    pub const fn with_max_skus(mut self, n: usize) -> Limits {
        self.max_skus = Some(n);
        self
    }

    /// At most `n` order lines in one `items` array.
    ///
    /// # Example
    ///
    /// ```
    /// let l = crossborder::Limits::none().with_max_items(200);
    /// assert_eq!(l.max_items(), Some(200));
    /// ```
    #[must_use]
    pub const fn with_max_items(mut self, n: usize) -> Limits {
        self.max_items = Some(n);
        self
    }

    /// At most `n` cartons in one `cartons` array.
    ///
    /// # Example
    ///
    /// ```
    /// let l = crossborder::Limits::none().with_max_cartons(1_000);
    /// assert_eq!(l.max_cartons(), Some(1_000));
    /// ```
    #[must_use]
    pub const fn with_max_cartons(mut self, n: usize) -> Limits {
        self.max_cartons = Some(n);
        self
    }

    /// At most `n` bytes in any text: a member's value or an object key.
    ///
    /// # Example
    ///
    /// ```
    /// let l = crossborder::Limits::none().with_max_string_bytes(4_096);
    /// assert_eq!(l.max_string_bytes(), Some(4_096));
    /// ```
    #[must_use]
    pub const fn with_max_string_bytes(mut self, n: usize) -> Limits {
        self.max_string_bytes = Some(n);
        self
    }

    /// The most SKUs, if limited.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Limits::none().max_skus(), None);
    /// ```
    pub const fn max_skus(&self) -> Option<usize> {
        self.max_skus
    }

    /// The most order lines, if limited.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Limits::none().max_items(), None);
    /// ```
    pub const fn max_items(&self) -> Option<usize> {
        self.max_items
    }

    /// The most cartons, if limited.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Limits::none().max_cartons(), None);
    /// ```
    pub const fn max_cartons(&self) -> Option<usize> {
        self.max_cartons
    }

    /// The longest text in bytes, if limited.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Limits::none().max_string_bytes(), None);
    /// ```
    pub const fn max_string_bytes(&self) -> Option<usize> {
        self.max_string_bytes
    }

    /// Whether no limit is set.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!crossborder::Limits::none().with_max_items(10).is_none());
    /// ```
    pub const fn is_none(&self) -> bool {
        self.max_skus.is_none()
            && self.max_items.is_none()
            && self.max_cartons.is_none()
            && self.max_string_bytes.is_none()
    }

    /// Checks a wire document against the limits, stopping at the first
    /// one exceeded (arrays are checked before their elements are walked).
    ///
    /// # Errors
    ///
    /// A report with one `limit.exceeded` violation (severity error) at the
    /// array or text that is too large, with its size as the value.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Limits, wire};
    /// let order: wire::Order = serde_json::from_str(r#"{"orderId": "SO-1", "items": [{}, {}, {}]}"#)?;
    /// let report = Limits::none().with_max_items(2).check(&order).unwrap_err();
    /// assert_eq!(report.as_slice()[0].pointer().as_str(), "/items");
    /// assert_eq!(report.as_slice()[0].value(), Some("3"));
    /// assert!(Limits::none().with_max_items(3).check(&order).is_ok());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn check<T: Serialize + ?Sized>(&self, document: &T) -> Result<(), Report> {
        if self.is_none() {
            return Ok(());
        }
        let mut walker = Walker {
            limits: self,
            path: Vec::new(),
        };
        match document.serialize(&mut walker) {
            Ok(()) => Ok(()),
            Err(Stop::Exceeded(v)) => Err(std::iter::once(*v).collect()),
            // A document that cannot serialize is not this check's to judge.
            Err(Stop::Other(_)) => Ok(()),
        }
    }
}

/// One step of the path being walked.
#[derive(Clone, Debug)]
enum Seg {
    Field(&'static str),
    Key(String),
    Index(usize),
}

struct Walker<'l> {
    limits: &'l Limits,
    path: Vec<Seg>,
}

/// Why the walk stopped.
#[derive(Debug)]
enum Stop {
    Exceeded(Box<Violation>),
    Other(String),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Exceeded(v) => f.write_str(v.message_en()),
            Stop::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Stop::Other(msg.to_string())
    }
}

/// What a limited array holds, in English and Chinese.
#[derive(Clone, Copy)]
enum Array {
    Skus,
    Items,
    Cartons,
}

impl Walker<'_> {
    fn pointer(&self) -> JsonPointer {
        let mut p = JsonPointer::root();
        for seg in &self.path {
            match seg {
                Seg::Field(name) => p.push_field(name),
                Seg::Key(name) => p.push_field(name),
                Seg::Index(i) => p.push_index(*i),
            }
        }
        p
    }

    /// The limited array the current member is, if it is one.
    fn array(&self) -> Option<(Array, usize)> {
        let name = match self.path.last()? {
            Seg::Field(name) => *name,
            Seg::Key(name) => name.as_str(),
            Seg::Index(_) => return None,
        };
        let (kind, max) = match name {
            "skus" => (Array::Skus, self.limits.max_skus?),
            "items" => (Array::Items, self.limits.max_items?),
            "cartons" => (Array::Cartons, self.limits.max_cartons?),
            _ => return None,
        };
        Some((kind, max))
    }

    fn count(&self, len: usize) -> Result<(), Stop> {
        let Some((kind, max)) = self.array() else {
            return Ok(());
        };
        if len <= max {
            return Ok(());
        }
        let at = self.pointer();
        let (en, zh) = match kind {
            Array::Skus => ("SKUs", "个 SKU"),
            Array::Items => ("order lines", "条订单商品"),
            Array::Cartons => ("cartons", "个箱子"),
        };
        Err(Stop::Exceeded(Box::new(
            Violation::new(
                Code::LIMIT_EXCEEDED,
                Severity::Error,
                at.clone(),
                format!("{len} {en} at {at}: this service accepts at most {max}"),
                format!("{at} 处有 {len} {zh}：本服务最多接受 {max} {zh}"),
            )
            .with_value(len.to_string()),
        )))
    }

    fn text(&self, text: &str) -> Result<(), Stop> {
        let Some(max) = self.limits.max_string_bytes else {
            return Ok(());
        };
        if text.len() <= max {
            return Ok(());
        }
        let at = self.pointer();
        let len = text.len();
        let shown = if at.is_root() {
            "the document".to_owned()
        } else {
            at.to_string()
        };
        Err(Stop::Exceeded(Box::new(
            Violation::new(
                Code::LIMIT_EXCEEDED,
                Severity::Error,
                at,
                format!(
                    "the text at {shown} is {len} bytes long: this service accepts at most {max}"
                ),
                format!("{shown} 处的文本长 {len} 字节：本服务最多接受 {max} 字节"),
            )
            .with_value(len.to_string()),
        )))
    }

    fn nested<T: Serialize + ?Sized>(&mut self, seg: Seg, value: &T) -> Result<(), Stop> {
        self.path.push(seg);
        let result = value.serialize(&mut *self);
        self.path.pop();
        result
    }
}

/// A sequence being walked: counts its elements when the length was not
/// given up front.
struct Seq<'w, 'l> {
    walker: &'w mut Walker<'l>,
    index: usize,
    counted: bool,
}

impl Seq<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        if !self.counted {
            self.walker.count(self.index + 1)?;
        }
        let i = self.index;
        self.index += 1;
        self.walker.nested(Seg::Index(i), value)
    }
}

/// An object being walked: the key waiting for its value.
struct Map<'w, 'l> {
    walker: &'w mut Walker<'l>,
    key: Option<String>,
    /// `serde_json`'s raw numbers are structs with one private member: the
    /// member is not a step of the path.
    transparent: bool,
}

impl<'w, 'l> ser::Serializer for &'w mut Walker<'l> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Seq<'w, 'l>;
    type SerializeTuple = Seq<'w, 'l>;
    type SerializeTupleStruct = Seq<'w, 'l>;
    type SerializeTupleVariant = Seq<'w, 'l>;
    type SerializeMap = Map<'w, 'l>;
    type SerializeStruct = Map<'w, 'l>;
    type SerializeStructVariant = Map<'w, 'l>;

    fn serialize_bool(self, _: bool) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u128(self, _: u128) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        self.text(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Stop> {
        match self.limits.max_string_bytes {
            Some(max) if v.len() > max => self.text(&String::from_utf8_lossy(v)),
            _ => Ok(()),
        }
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.nested(Seg::Field(variant), value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'w, 'l>, Stop> {
        if let Some(len) = len {
            self.count(len)?;
        }
        Ok(Seq {
            walker: self,
            index: 0,
            counted: len.is_some(),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'w, 'l>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'w, 'l>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Seq<'w, 'l>, Stop> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'w, 'l>, Stop> {
        Ok(Map {
            walker: self,
            key: None,
            transparent: false,
        })
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Map<'w, 'l>, Stop> {
        Ok(Map {
            walker: self,
            key: None,
            transparent: name.starts_with("$serde_json::private::"),
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Map<'w, 'l>, Stop> {
        Ok(Map {
            walker: self,
            key: None,
            transparent: false,
        })
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Stop> {
        match self.limits.max_string_bytes {
            Some(_) => self.text(&value.to_string()),
            None => Ok(()),
        }
    }
}

macro_rules! seq_impl {
    ($($tr:ident :: $method:ident),+) => {
        $(
            impl ser::$tr for Seq<'_, '_> {
                type Ok = ();
                type Error = Stop;
                fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                    self.element(value)
                }
                fn end(self) -> Result<(), Stop> {
                    Ok(())
                }
            }
        )+
    };
}

seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Map<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        let mut text = KeyText(String::new());
        key.serialize(&mut text)?;
        self.walker.text(&text.0)?;
        self.key = Some(text.0);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let key = self.key.take().unwrap_or_default();
        self.walker.nested(Seg::Key(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStruct for Map<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        if self.transparent {
            value.serialize(&mut *self.walker)
        } else {
            self.walker.nested(Seg::Field(name), value)
        }
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Map<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.walker.nested(Seg::Field(name), value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

/// Writes a map key as text: a string as it is, a number or a bool as its
/// digits or word; anything else has no text.
struct KeyText(String);

macro_rules! key_display {
    ($($method:ident: $ty:ty),+) => {
        $(
            fn $method(self, v: $ty) -> Result<(), Stop> {
                self.0 = v.to_string();
                Ok(())
            }
        )+
    };
}

impl ser::Serializer for &mut KeyText {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = ser::Impossible<(), Stop>;
    type SerializeTuple = ser::Impossible<(), Stop>;
    type SerializeTupleStruct = ser::Impossible<(), Stop>;
    type SerializeTupleVariant = ser::Impossible<(), Stop>;
    type SerializeMap = ser::Impossible<(), Stop>;
    type SerializeStruct = ser::Impossible<(), Stop>;
    type SerializeStructVariant = ser::Impossible<(), Stop>;

    key_display!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_char: char, serialize_str: &str
    );

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Stop> {
        self.0 = String::from_utf8_lossy(v).into_owned();
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Stop> {
        self.0 = variant.to_owned();
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Stop> {
        Err(Stop::Other("a map key must be text".to_owned()))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Err(Stop::Other("a map key must be text".to_owned()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop::Other("a map key must be text".to_owned()))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop::Other("a map key must be text".to_owned()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop::Other("a map key must be text".to_owned()))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop::Other("a map key must be text".to_owned()))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Stop> {
        Err(Stop::Other("a map key must be text".to_owned()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop::Other("a map key must be text".to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire;

    fn product(json: serde_json::Value) -> wire::Product {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn no_limit_accepts_anything() {
        let p = product(
            serde_json::json!({"name": "x".repeat(100_000), "skus": vec![serde_json::json!({}); 1000]}),
        );
        assert!(Limits::none().check(&p).is_ok());
    }

    #[test]
    fn the_skus_of_an_order_line_product_are_limited() {
        let order: wire::Order = serde_json::from_value(serde_json::json!({
            "items": [{"product": {"skus": [{}, {}]}}, {"product": {"skus": [{}, {}, {}]}}]
        }))
        .unwrap();
        let report = Limits::none().with_max_skus(2).check(&order).unwrap_err();
        let v = &report.as_slice()[0];
        assert_eq!(v.pointer().as_str(), "/items/1/product/skus");
        assert_eq!(
            v.message_zh(),
            "/items/1/product/skus 处有 3 个 SKU：本服务最多接受 2 个 SKU"
        );
        assert!(Limits::none().with_max_skus(3).check(&order).is_ok());
    }

    #[test]
    fn a_long_text_deep_in_the_document_is_found() {
        let p = product(serde_json::json!({
            "skus": [{"skuNumber": "A"}, {"skuNumber": "B", "color": "c".repeat(65)}]
        }));
        let report = Limits::none()
            .with_max_string_bytes(64)
            .check(&p)
            .unwrap_err();
        let v = &report.as_slice()[0];
        assert_eq!(v.pointer().as_str(), "/skus/1/color");
        assert_eq!(v.value(), Some("65"));
        assert_eq!(
            v.message_en(),
            "the text at /skus/1/color is 65 bytes long: this service accepts at most 64"
        );
        assert!(Limits::none().with_max_string_bytes(65).check(&p).is_ok());
    }

    #[test]
    fn a_long_key_of_free_form_json_is_found() {
        let order: wire::Order = serde_json::from_value(serde_json::json!({
            "campaignTrackingData": {"k".repeat(100): 1}
        }))
        .unwrap();
        let report = Limits::none()
            .with_max_string_bytes(50)
            .check(&order)
            .unwrap_err();
        assert_eq!(
            report.as_slice()[0].pointer().as_str(),
            "/campaignTrackingData"
        );
    }
}
