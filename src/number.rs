//! How the crate reads numbers from JSON: exactly, as decimals.
//!
//! The customs API sends amounts and weights as JSON numbers; some callers send
//! numeric strings. A JSON number reaches serde as an `f64` (unless the caller
//! enabled `serde_json`'s `arbitrary_precision` feature, which this type also
//! reads). [`Number`] turns that `f64` back into the decimal that was written,
//! using the shortest text that reads back as the same `f64`. That is exact for
//! every decimal of **up to 15 significant digits** (`19.99`, `0.1`, `1e-7`,
//! `1234567890.12345`), because an `f64` tells apart all such decimals.
//! Integers are exact up to 2^64. A 16- or 17-significant-digit fraction
//! may come back as a nearby decimal: send it as a string (`"0.12345678901234567"`),
//! which is read exactly, up to the 28 decimal places a `Decimal` holds.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A number field of a wire document, as it was written.
///
/// The wire layer never rejects a document for a bad number: text that is not
/// a number, or a number no `Decimal` can hold, is kept as it came and
/// reported when the document is converted to domain types. Writing a
/// `Number` back gives the same JSON value it was read from: a number stays
/// a number (an integer stays an integer), a string stays a string.
///
/// # Example
///
/// ```
/// use crossborder::wire::Number;
/// use rust_decimal::Decimal;
///
/// let n: Number = serde_json::from_str("19.99")?;
/// assert_eq!(n.decimal()?, Decimal::new(1999, 2));
/// let s: Number = serde_json::from_str("\"0.1\"")?;
/// assert_eq!(s.decimal()?, Decimal::new(1, 1));
/// assert_eq!(serde_json::to_string(&s)?, "\"0.1\"");
/// let bad: Number = serde_json::from_str("\"12,5\"")?;
/// assert!(bad.decimal().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Number(Repr);

#[derive(Clone, Debug, PartialEq)]
enum Repr {
    /// A JSON integer.
    Int(Decimal),
    /// A JSON number written with a fraction or exponent.
    Float(Decimal),
    /// A JSON string.
    Text(String),
    /// A JSON number no `Decimal` holds exactly.
    Unrepresentable(f64),
}

/// Why a [`Number`] is not the value a field needs.
///
/// # Example
///
/// ```
/// use crossborder::wire::{Number, NumberError};
///
/// let n = Number::from_text("abc");
/// assert!(matches!(n.decimal(), Err(NumberError::Invalid(_))));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NumberError {
    /// Text that is not a number.
    #[error(
        "invalid number {0:?}: expected digits with an optional sign, decimal point and exponent"
    )]
    Invalid(String),
    /// A number too large, too small or too precise to hold exactly.
    #[error("number {0} is out of range: at most 28 significant digits and magnitude below 7.9e28")]
    OutOfRange(String),
    /// A fraction where a whole number is needed.
    #[error("number {0} is not a whole number")]
    NotInteger(String),
    /// A negative number where none may be.
    #[error("number {0} is negative")]
    Negative(String),
}

impl NumberError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::NumberError;
    /// let err = NumberError::NotInteger("1.5".into());
    /// assert_eq!(err.message_zh(), "数值 1.5 不是整数");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            NumberError::Invalid(s) => format!("数值 {s:?} 无效：应为数字，可带符号、小数点和指数"),
            NumberError::OutOfRange(s) => {
                format!("数值 {s} 超出范围：最多 28 位有效数字，绝对值小于 7.9e28")
            }
            NumberError::NotInteger(s) => format!("数值 {s} 不是整数"),
            NumberError::Negative(s) => format!("数值 {s} 不能为负数"),
        }
    }

    /// The stable code of this problem (`number.invalid`, ...).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{wire::NumberError, Code};
    /// assert_eq!(NumberError::Negative("-1".into()).code(), Code::NUMBER_NEGATIVE);
    /// ```
    pub fn code(&self) -> crate::Code {
        match self {
            NumberError::Invalid(_) => crate::Code::NUMBER_INVALID,
            NumberError::OutOfRange(_) => crate::Code::NUMBER_OUT_OF_RANGE,
            NumberError::NotInteger(_) => crate::Code::NUMBER_NOT_INTEGER,
            NumberError::Negative(_) => crate::Code::NUMBER_NEGATIVE,
        }
    }
}

/// Reads decimal text exactly: digits with an optional sign, decimal point and
/// exponent (`"19.99"`, `"-3"`, `"1e-7"`, `"2.5E3"`). Surrounding white space
/// is ignored. Nothing is rounded.
///
/// # Errors
///
/// [`NumberError::Invalid`] for text that is not a number,
/// [`NumberError::OutOfRange`] for one a `Decimal` cannot hold exactly.
///
/// # Example
///
/// ```
/// use crossborder::wire::parse_decimal;
/// use rust_decimal::Decimal;
///
/// assert_eq!(parse_decimal("1e-7")?, Decimal::new(1, 7));
/// assert_eq!(parse_decimal(" 19.99 ")?, Decimal::new(1999, 2));
/// assert!(parse_decimal("19,99").is_err());
/// assert!(parse_decimal("1e40").is_err());
/// # Ok::<(), crossborder::wire::NumberError>(())
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let t = text.trim();
    if !syntax_ok(t) {
        return Err(NumberError::Invalid(text.to_owned()));
    }
    let parsed = if t.contains(['e', 'E']) {
        scientific_exact(t)
    } else {
        Decimal::from_str_exact(t).ok()
    };
    parsed.ok_or_else(|| NumberError::OutOfRange(text.to_owned()))
}

/// Whether the text is a JSON-like number (so a failed parse means range).
fn syntax_ok(t: &str) -> bool {
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (mantissa, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let int_ok = int.bytes().all(|c| c.is_ascii_digit());
    let frac_ok = frac.is_none_or(|f| f.bytes().all(|c| c.is_ascii_digit()));
    let some_digit = !int.is_empty() || frac.is_some_and(|f| !f.is_empty());
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|c| c.is_ascii_digit())
    });
    int_ok && frac_ok && some_digit && exp_ok
}

/// `Decimal::from_scientific` rounds when the result has too many digits; we
/// want exactness, so the exponent is applied to the integer mantissa here.
/// The text has passed [`syntax_ok`].
fn scientific_exact(t: &str) -> Option<Decimal> {
    let (mantissa, exp) = t.split_once(['e', 'E'])?;
    let exp: i64 = exp.parse().ok()?;
    let m = Decimal::from_str_exact(mantissa).ok()?;
    let mut mant = m.mantissa();
    if mant == 0 {
        return Some(Decimal::ZERO);
    }
    // value = mant * 10^e10
    let mut e10 = exp.checked_sub(i64::from(m.scale()))?;
    while mant % 10 == 0 {
        mant /= 10;
        e10 = e10.checked_add(1)?;
    }
    if e10 >= 0 {
        let factor = 10i128.checked_pow(u32::try_from(e10).ok()?)?;
        Decimal::try_from_i128_with_scale(mant.checked_mul(factor)?, 0).ok()
    } else {
        let scale = u32::try_from(-e10).ok()?;
        if scale > 28 {
            return None;
        }
        Decimal::try_from_i128_with_scale(mant, scale).ok()
    }
}

/// The decimal an `f64` was written as: the shortest text that reads back as
/// the same `f64` (what Rust's `Display` prints), read exactly.
fn decimal_from_f64(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    let mut buf = StackStr::<48>::new();
    if fmt::write(&mut buf, format_args!("{v}")).is_err() {
        return None; // longer than any exact Decimal
    }
    Decimal::from_str_exact(buf.as_str()).ok()
}

/// A JSON number written with a fraction (`199.0`) keeps one fraction digit,
/// so that it is written back as `199.0`, not `199`, even after passing
/// through the domain types.
fn with_fraction_digit(d: Decimal) -> Decimal {
    if d.scale() > 0 {
        return d;
    }
    let mut r = d;
    r.rescale(1);
    if r == d && r.scale() == 1 { r } else { d }
}

/// A fixed-size text buffer so that reading a number does not allocate.
struct StackStr<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> StackStr<N> {
    fn new() -> Self {
        StackStr {
            buf: [0; N],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl<const N: usize> fmt::Write for StackStr<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > N {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The `f64` nearest a decimal, through its text (correctly rounded).
fn f64_from_decimal(d: Decimal) -> f64 {
    let mut buf = StackStr::<48>::new();
    let _ = fmt::write(&mut buf, format_args!("{d}"));
    buf.as_str().parse().unwrap_or(f64::NAN)
}

impl Number {
    /// A number from a decimal, written back as a JSON number (an integer when
    /// the decimal has no fraction digits).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::Number;
    /// use rust_decimal::Decimal;
    ///
    /// assert_eq!(serde_json::to_string(&Number::from_decimal(Decimal::new(1999, 2)))?, "19.99");
    /// assert_eq!(serde_json::to_string(&Number::from_decimal(Decimal::from(5)))?, "5");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_decimal(value: Decimal) -> Self {
        if value.scale() == 0 {
            Number(Repr::Int(value))
        } else {
            Number(Repr::Float(value))
        }
    }

    /// A number given as text, kept as written and parsed when read.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::Number;
    /// assert_eq!(Number::from_text("7.5").as_text(), Some("7.5"));
    /// ```
    pub fn from_text(text: impl Into<String>) -> Self {
        Number(Repr::Text(text.into()))
    }

    /// The text, when the number was given as a JSON string.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::Number;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Number::from_decimal(Decimal::ONE).as_text(), None);
    /// ```
    pub fn as_text(&self) -> Option<&str> {
        match &self.0 {
            Repr::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The exact decimal value.
    ///
    /// # Errors
    ///
    /// [`NumberError::Invalid`] for text that is not a number,
    /// [`NumberError::OutOfRange`] for a number no `Decimal` holds exactly.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::Number;
    /// use rust_decimal::Decimal;
    /// let n: Number = serde_json::from_str("1e-7")?;
    /// assert_eq!(n.decimal()?, Decimal::new(1, 7));
    /// let huge: Number = serde_json::from_str("1e40")?;
    /// assert!(huge.decimal().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decimal(&self) -> Result<Decimal, NumberError> {
        match &self.0 {
            Repr::Int(d) | Repr::Float(d) => Ok(*d),
            Repr::Text(t) => parse_decimal(t),
            Repr::Unrepresentable(f) => Err(NumberError::OutOfRange(f.to_string())),
        }
    }

    /// The value as a whole number that is not negative and fits a `u32`
    /// (quantities, days, stock levels). `3.0` counts as whole.
    ///
    /// # Errors
    ///
    /// As [`Number::decimal`], and [`NumberError::NotInteger`],
    /// [`NumberError::Negative`] or [`NumberError::OutOfRange`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::{Number, NumberError};
    /// let n: Number = serde_json::from_str("3")?;
    /// assert_eq!(n.count()?, 3);
    /// let f: Number = serde_json::from_str("1.5")?;
    /// assert!(matches!(f.count(), Err(NumberError::NotInteger(_))));
    /// let neg: Number = serde_json::from_str("-1")?;
    /// assert!(matches!(neg.count(), Err(NumberError::Negative(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn count(&self) -> Result<u32, NumberError> {
        let d = self.decimal()?;
        if !d.fract().is_zero() {
            return Err(NumberError::NotInteger(self.to_string()));
        }
        if d.is_sign_negative() && !d.is_zero() {
            return Err(NumberError::Negative(self.to_string()));
        }
        use rust_decimal::prelude::ToPrimitive as _;
        d.to_u32()
            .ok_or_else(|| NumberError::OutOfRange(self.to_string()))
    }
}

impl Number {
    pub(crate) fn from_i64(v: i64) -> Self {
        Number(Repr::Int(Decimal::from(v)))
    }

    pub(crate) fn from_u64(v: u64) -> Self {
        Number(Repr::Int(Decimal::from(v)))
    }

    pub(crate) fn from_f64(v: f64) -> Self {
        match decimal_from_f64(v) {
            Some(d) => Number(Repr::Float(with_fraction_digit(d))),
            None => Number(Repr::Unrepresentable(v)),
        }
    }

    /// A number from `serde_json`'s `arbitrary_precision` text.
    pub(crate) fn from_exact_text(text: &str) -> Self {
        let float = text.contains(['.', 'e', 'E']);
        match parse_decimal(text) {
            Ok(d) if float => Number(Repr::Float(d)),
            Ok(d) => Number(Repr::Int(d)),
            Err(_) => Number(Repr::Unrepresentable(text.parse().unwrap_or(f64::NAN))),
        }
    }
}

impl From<Decimal> for Number {
    fn from(value: Decimal) -> Self {
        Number::from_decimal(value)
    }
}

impl From<u32> for Number {
    fn from(value: u32) -> Self {
        Number(Repr::Int(Decimal::from(value)))
    }
}

impl fmt::Display for Number {
    /// The number as it was written (a JSON string without its quotes).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Int(d) | Repr::Float(d) => write!(f, "{d}"),
            Repr::Text(t) => f.write_str(t),
            Repr::Unrepresentable(v) => write!(f, "{v:e}"),
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::Int(d) => {
                if let Ok(i) = i64::try_from(*d) {
                    s.serialize_i64(i)
                } else if let Ok(u) = u64::try_from(*d) {
                    s.serialize_u64(u)
                } else {
                    s.serialize_f64(f64_from_decimal(*d))
                }
            }
            Repr::Float(d) => s.serialize_f64(f64_from_decimal(*d)),
            Repr::Text(t) => s.serialize_str(t),
            Repr::Unrepresentable(v) => s.serialize_f64(*v),
        }
    }
}

/// The key under which `serde_json`'s `arbitrary_precision` feature passes a
/// number's text.
pub(crate) const ARBITRARY_PRECISION_KEY: &str = "$serde_json::private::Number";

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Number;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a string holding a number")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
                Ok(Number::from_i64(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
                Ok(Number::from_u64(v))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
                Ok(Number::from_f64(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
                Ok(Number(Repr::Text(v.to_owned())))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Number, E> {
                Ok(Number(Repr::Text(v)))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Number, A::Error> {
                // serde_json with `arbitrary_precision` hands a number over as
                // a one-entry map holding its exact text.
                let key: Option<String> = map.next_key()?;
                if key.as_deref() != Some(ARBITRARY_PRECISION_KEY) {
                    return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
                }
                let text: String = map.next_value()?;
                Ok(Number::from_exact_text(&text))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Number {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn json_numbers_read_exactly_at_the_edges() {
        let cases = [
            ("19.99", Decimal::new(1999, 2)),
            ("0.1", Decimal::new(1, 1)),
            ("1e-7", Decimal::new(1, 7)),
            ("0.3", Decimal::new(3, 1)),
            ("123456789012.345", Decimal::new(123456789012345, 3)),
            ("999999999999999", Decimal::from(999_999_999_999_999i64)),
            ("0.000000000000001", Decimal::new(1, 15)),
            ("-42.5", Decimal::new(-425, 1)),
            ("18446744073709551615", Decimal::from(u64::MAX)),
        ];
        for (json, want) in cases {
            assert_eq!(read(json).decimal().unwrap(), want, "{json}");
        }
    }

    #[test]
    fn fifteen_significant_digits_are_always_exact() {
        // Every 15-digit mantissa at several scales reads back unchanged.
        let mut m: i64 = 100_000_000_000_007;
        for _ in 0..2000 {
            m = (m * 7919 + 13) % 900_000_000_000_000 + 100_000_000_000_000;
            for scale in [0u32, 2, 7, 14] {
                let d = Decimal::new(m, scale);
                let json = d.to_string();
                assert_eq!(read(&json).decimal().unwrap(), d, "{json}");
            }
        }
    }

    #[test]
    fn seventeen_digit_amounts_are_documented_as_inexact_but_strings_are_exact() {
        let as_number = read("0.12345678901234567");
        // Read through f64: the nearest 17-digit decimal, not necessarily the text.
        assert!(as_number.decimal().is_ok());
        let as_text = read("\"0.12345678901234567\"");
        assert_eq!(
            as_text.decimal().unwrap(),
            Decimal::new(12345678901234567, 17)
        );
    }

    #[test]
    fn writes_back_the_same_json_value() {
        for json in [
            "19.99",
            "5",
            "5.0",
            "1e-7",
            "-0.5",
            "1e30",
            "\"19.99\"",
            "\"abc\"",
            "0",
            "18446744073709551615",
            "100000000000000000000",
        ] {
            let n = read(json);
            let out = serde_json::to_string(&n).unwrap();
            let a: serde_json::Value = serde_json::from_str(json).unwrap();
            let b: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(a, b, "{json} -> {out}");
        }
    }

    #[test]
    fn out_of_range_and_invalid_are_kept_and_reported() {
        assert!(matches!(
            read("1e40").decimal(),
            Err(NumberError::OutOfRange(_))
        ));
        assert!(matches!(
            read("1e-40").decimal(),
            Err(NumberError::OutOfRange(_))
        ));
        for bad in [
            "", "abc", "1,5", "--1", "1e", "e5", ".", "1.2.3", "0x10", "NaN", "inf",
        ] {
            assert!(
                matches!(parse_decimal(bad), Err(NumberError::Invalid(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            parse_decimal("1e400"),
            Err(NumberError::OutOfRange(_))
        ));
    }

    #[test]
    fn text_scientific_and_signs() {
        assert_eq!(parse_decimal("2.5E3").unwrap(), Decimal::from(2500));
        assert_eq!(parse_decimal("+7").unwrap(), Decimal::from(7));
        assert_eq!(parse_decimal("-1e-2").unwrap(), Decimal::new(-1, 2));
        assert_eq!(parse_decimal(".5").unwrap(), Decimal::new(5, 1));
        assert!(matches!(
            parse_decimal("1.50e-30"),
            Err(NumberError::OutOfRange(_))
        ));
        assert_eq!(parse_decimal("100e-30").unwrap(), Decimal::new(1, 28));
    }

    #[test]
    fn counts() {
        assert_eq!(read("3.0").count().unwrap(), 3);
        assert_eq!(read("\"12\"").count().unwrap(), 12);
        assert!(matches!(
            read("4294967296").count(),
            Err(NumberError::OutOfRange(_))
        ));
        assert!(matches!(
            read("1e30").count(),
            Err(NumberError::OutOfRange(_))
        ));
        assert_eq!(read("-0").count().unwrap(), 0);
    }

    #[test]
    fn non_numbers_are_type_errors() {
        assert!(serde_json::from_str::<Number>("true").is_err());
        assert!(serde_json::from_str::<Number>("{\"a\":1}").is_err());
        assert!(serde_json::from_str::<Number>("[1]").is_err());
    }
}
