//! How the crate reads and writes numbers: exactly, as decimals.
//!
//! The customs API sends amounts and weights as JSON numbers; some callers
//! send numeric strings. Through `serde_json` (`from_str`, `from_slice`,
//! `from_reader`, `from_value`), [`Number`] reads each number from **its own
//! text**, through serde_json's `raw_value` mechanism, so nothing passes
//! through an `f64`: `0.12345678901234567` is that decimal, `1e-28` is a valid
//! decimal, and `1e400` or `1e-400` is kept as written and reported as out of
//! range when the document is converted, at its JSON Pointer, instead of
//! failing the document or turning into `0`.
//!
//! Through another serde format (YAML, TOML, MessagePack, ...), or where
//! serde buffers a value first (`#[serde(flatten)]`, untagged enums), a
//! number reaches [`Number`] as an `f64`, which is turned back into the
//! decimal that was written using the shortest text that reads back as the
//! same `f64`. That is exact for every decimal of **up to 15 significant
//! digits**; a longer fraction may come back as a nearby decimal there: send
//! it as a string (`"0.12345678901234567"`), which every format reads
//! exactly. Integers are exact up to 2^64 on that path.
//!
//! Written to JSON, a number is its exact decimal text as a JSON number; to
//! another format, a number when an `f64` holds it exactly, else its text as a
//! string.
//!
//! The number reader uses checked arithmetic only (the module denies
//! `clippy::arithmetic_side_effects`): no input can overflow it.

#![deny(clippy::arithmetic_side_effects)]

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::wire::Text;
use crate::wire::place::{Back, Sink};

/// A number field of a wire document, as it was written.
///
/// The wire layer never rejects a document for a bad number: text that is not
/// a number, or a number no `Decimal` can hold (`1e400`), is kept as it came
/// and reported when the document is converted to domain types. Writing a
/// `Number` back gives the same JSON value it was read from: a number stays a
/// number (an integer stays an integer), a string stays a string.
///
/// Through `serde_json` every number is read from its own text, exactly (see
/// the [module docs](crate::wire#numbers)); structs of your own that
/// `#[derive(Deserialize)]` get the same by using `Number` for their fields.
///
/// # Example
///
/// ```
/// use crossborder::wire::Number;
/// use rust_decimal::Decimal;
///
/// let n: Number = serde_json::from_str("19.99")?;
/// assert_eq!(n.decimal()?, Decimal::new(1999, 2));
/// let long: Number = serde_json::from_str("0.12345678901234567")?;
/// assert_eq!(long.decimal()?, Decimal::new(12345678901234567, 17));
/// let s: Number = serde_json::from_str("\"0.1\"")?;
/// assert_eq!(s.decimal()?, Decimal::new(1, 1));
/// assert_eq!(serde_json::to_string(&s)?, "\"0.1\"");
/// let bad: Number = serde_json::from_str("\"12,5\"")?;
/// assert!(bad.decimal().is_err());
/// let huge: Number = serde_json::from_str("1e400")?; // kept, reported later
/// assert!(huge.decimal().is_err());
/// assert_eq!(serde_json::to_string(&huge)?, "1e400");
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
    /// A JSON string, as written.
    Text(Text),
    /// A JSON number no `Decimal` holds exactly, as written.
    Raw(Box<str>),
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
        "invalid number {input:?}: expected digits with an optional sign, decimal point and exponent", input = crate::echo(.0)
    )]
    Invalid(String),
    /// A number too large, too small or too precise to hold exactly.
    #[error(
        "number {input} is out of range: at most 28 significant digits, 28 decimal places and magnitude below 7.9e28", input = crate::echo(.0)
    )]
    OutOfRange(String),
    /// A fraction where a whole number is needed.
    #[error("number {input} is not a whole number", input = crate::echo(.0))]
    NotInteger(String),
    /// A negative number where none may be.
    #[error("number {input} is negative", input = crate::echo(.0))]
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
            NumberError::Invalid(s) => format!(
                "数值 {s:?} 无效：应为数字，可带符号、小数点和指数",
                s = crate::echo(s)
            ),
            NumberError::OutOfRange(s) => {
                format!(
                    "数值 {s} 超出范围：最多 28 位有效数字、28 位小数，绝对值小于 7.9e28",
                    s = crate::echo(s)
                )
            }
            NumberError::NotInteger(s) => format!("数值 {s} 不是整数", s = crate::echo(s)),
            NumberError::Negative(s) => format!("数值 {s} 不能为负数", s = crate::echo(s)),
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
/// exponent (`"19.99"`, `"-3"`, `"1e-7"`, `"2.5E3"`, `".5"`). Surrounding white
/// space is ignored. Nothing is rounded.
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
/// assert!(parse_decimal("1e-9223372036854775808").is_err()); // no overflow
/// # Ok::<(), crossborder::wire::NumberError>(())
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    match read_exact(text.trim().as_bytes(), Grammar::Lenient) {
        Exact::Value { value, .. } => Ok(value),
        Exact::OutOfRange => Err(NumberError::OutOfRange(text.to_owned())),
        Exact::Invalid => Err(NumberError::Invalid(text.to_owned())),
    }
}

/// Which number texts [`read_exact`] accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grammar {
    /// RFC 8259: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    Json,
    /// Also a leading `+`, leading zeros, and `.5` or `5.`.
    Lenient,
}

/// What reading a number's text found.
#[derive(Debug, PartialEq)]
enum Exact {
    /// The exact value; `float` when written with a fraction or exponent.
    Value { value: Decimal, float: bool },
    /// A number, but none a `Decimal` holds exactly.
    OutOfRange,
    /// Not a number.
    Invalid,
}

/// Significant digits the mantissa accumulator takes: 10^38 < 2^128, so
/// `m * 10 + d` cannot wrap while fewer digits have been read.
const MAX_MANTISSA_DIGITS: u32 = 38;
/// The most decimal places a `Decimal` holds.
const MAX_SCALE: u32 = 28;

/// Digits read into a mantissa.
#[derive(Default)]
struct Digits {
    /// The mantissa while it has at most 19 significant digits (the usual
    /// case: u64 arithmetic).
    small: u64,
    /// The mantissa once it has more.
    large: Option<u128>,
    /// Significant digits taken (leading zeros are not).
    significant: u32,
    /// All digits seen.
    count: u32,
    /// More than [`MAX_MANTISSA_DIGITS`] significant digits.
    overflow: bool,
}

/// Significant digits a `u64` mantissa takes: 10^19 < 2^64.
const SMALL_DIGITS: u32 = 19;

impl Digits {
    /// Reads ASCII digits from the front of `s`, returning the rest.
    fn take<'a>(&mut self, mut s: &'a [u8]) -> &'a [u8] {
        while let Some((&c, rest)) = s.split_first() {
            let d = c.wrapping_sub(b'0');
            if d > 9 {
                break;
            }
            self.count = self.count.saturating_add(1);
            if self.significant > 0 || d != 0 {
                if self.significant < SMALL_DIGITS {
                    // Cannot wrap: fewer than 19 digits so far.
                    self.small = self.small.wrapping_mul(10).wrapping_add(u64::from(d));
                } else if self.significant < MAX_MANTISSA_DIGITS {
                    // Cannot wrap: fewer than 38 digits so far.
                    let m = self.large.unwrap_or(u128::from(self.small));
                    self.large = Some(m.wrapping_mul(10).wrapping_add(u128::from(d)));
                } else {
                    self.overflow = true;
                }
                self.significant = self.significant.saturating_add(1);
            }
            s = rest;
        }
        s
    }

    fn mantissa(&self) -> u128 {
        self.large.unwrap_or(u128::from(self.small))
    }
}

/// Reads a number's text exactly, without an `f64` and without any
/// arithmetic that can overflow, whatever the text.
fn read_exact(t: &[u8], grammar: Grammar) -> Exact {
    let (negative, s) = match t.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) if grammar == Grammar::Lenient => (false, rest),
        _ => (false, t),
    };
    let mut digits = Digits::default();
    let after_int = digits.take(s);
    let int_digits = digits.count;
    if grammar == Grammar::Json && (int_digits == 0 || (int_digits > 1 && s.first() == Some(&b'0')))
    {
        return Exact::Invalid;
    }
    let mut float = false;
    let mut scale: u32 = 0;
    let mut s = after_int;
    if let Some((b'.', rest)) = s.split_first() {
        float = true;
        s = digits.take(rest);
        let frac_digits = digits.count.saturating_sub(int_digits);
        if grammar == Grammar::Json && frac_digits == 0 {
            return Exact::Invalid;
        }
        scale = frac_digits;
    }
    if digits.count == 0 {
        return Exact::Invalid;
    }
    let mut exponent: Option<i64> = None;
    if let Some((b'e' | b'E', rest)) = s.split_first() {
        float = true;
        let (exp_negative, rest) = match rest.split_first() {
            Some((b'-', r)) => (true, r),
            Some((b'+', r)) => (false, r),
            _ => (false, rest),
        };
        let mut e: i64 = 0;
        let mut seen = false;
        let mut r = rest;
        while let Some((&c, tail)) = r.split_first() {
            let Some(d) = char::from(c).to_digit(10) else {
                break;
            };
            seen = true;
            e = e.saturating_mul(10).saturating_add(i64::from(d));
            r = tail;
        }
        if !seen {
            return Exact::Invalid;
        }
        s = r;
        exponent = Some(if exp_negative { e.saturating_neg() } else { e });
    }
    if !s.is_empty() {
        return Exact::Invalid;
    }
    if digits.overflow {
        return Exact::OutOfRange;
    }
    let value = match exponent {
        None => scaled(digits.mantissa(), scale, negative),
        Some(exp) => scientific(digits.mantissa(), scale, exp, negative),
    };
    match value {
        Some(value) => Exact::Value { value, float },
        None => Exact::OutOfRange,
    }
}

/// The usual JSON number, read in one pass: an integer or a plain decimal
/// fraction (no exponent) of at most 19 digits, which a `u64` mantissa
/// holds. `None` sends every other text (and anything that is not a JSON
/// number) to [`read_exact`], which gives the same value for these.
#[inline]
fn read_plain(t: &[u8]) -> Option<Number> {
    let (negative, body) = match t.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, t),
    };
    // At most 19 digits and a decimal point.
    if body.len() > 20 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut digits: u32 = 0;
    let mut point: Option<u32> = None;
    for &c in body {
        let d = c.wrapping_sub(b'0');
        if d <= 9 {
            // Cannot wrap: fewer than 19 digits so far (10^19 < 2^64).
            if digits == SMALL_DIGITS {
                return None;
            }
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d));
            digits = digits.wrapping_add(1);
        } else if c == b'.' && point.is_none() {
            point = Some(digits);
        } else {
            return None;
        }
    }
    let int_digits = point.unwrap_or(digits);
    let scale = digits.wrapping_sub(int_digits);
    // JSON's grammar: digits before the point, no leading zero, digits after
    // a point.
    if int_digits == 0 || (int_digits > 1 && body.first() == Some(&b'0')) {
        return None;
    }
    if point.is_some() && scale == 0 {
        return None;
    }
    let lo = u32::try_from(mantissa & u64::from(u32::MAX)).ok()?;
    let mid = u32::try_from(mantissa.checked_shr(32)?).ok()?;
    let value = Decimal::from_parts(lo, mid, 0, negative && mantissa != 0, scale);
    Some(Number(if point.is_some() {
        Repr::Float(value)
    } else {
        Repr::Int(value)
    }))
}

/// `±mantissa × 10^-scale`, when a `Decimal` holds it.
fn scaled(mantissa: u128, scale: u32, negative: bool) -> Option<Decimal> {
    if mantissa == 0 {
        return Some(Decimal::new(0, scale.min(MAX_SCALE)));
    }
    if scale > MAX_SCALE {
        return None;
    }
    if let Ok(small) = u64::try_from(mantissa) {
        // The usual case: no 96-bit check needed.
        let lo = u32::try_from(small & u64::from(u32::MAX)).ok()?;
        let mid = u32::try_from(small.checked_shr(32)?).ok()?;
        return Some(Decimal::from_parts(lo, mid, 0, negative, scale));
    }
    let m = i128::try_from(mantissa).ok()?;
    let m = if negative { m.checked_neg()? } else { m };
    Decimal::try_from_i128_with_scale(m, scale).ok()
}

/// `±mantissa × 10^(exponent - scale)`, exactly: the exponent is applied to
/// the integer mantissa (`Decimal::from_scientific` would round).
fn scientific(mut mantissa: u128, scale: u32, exponent: i64, negative: bool) -> Option<Decimal> {
    if mantissa == 0 {
        return Some(Decimal::ZERO);
    }
    let mut e10 = exponent.saturating_sub(i64::from(scale));
    while mantissa.is_multiple_of(10) {
        mantissa = mantissa.checked_div(10)?;
        e10 = e10.saturating_add(1);
    }
    if e10 >= 0 {
        let factor = 10u128.checked_pow(u32::try_from(e10).ok()?)?;
        scaled(mantissa.checked_mul(factor)?, 0, negative)
    } else {
        scaled(mantissa, u32::try_from(e10.checked_neg()?).ok()?, negative)
    }
}

/// The decimal an `f64` was written as: the shortest text that reads back as
/// the same `f64` (what Rust's `Display` prints), read exactly. The reader
/// for formats that hand numbers over as `f64`.
pub(crate) fn decimal_from_f64(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    let mut buf = StackStr::<48>::new();
    if fmt::write(&mut buf, format_args!("{v}")).is_err() {
        return None; // longer than any exact Decimal
    }
    Decimal::from_str_exact(buf.as_str()).ok()
}

/// A JSON number written with a fraction or exponent (`199.0`, `1e2`) keeps
/// at least one fraction digit, so that it is written back as a number with
/// a fraction (`199.0`, `100.0`), not as an integer, even after passing
/// through the domain types.
fn with_fraction_digit(d: Decimal) -> Decimal {
    if d.scale() > 0 {
        return d;
    }
    let mut r = d;
    r.rescale(1);
    if r == d && r.scale() == 1 { r } else { d }
}

/// A fixed-size text buffer so that reading or writing a number does not
/// allocate.
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
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl<const N: usize> fmt::Write for StackStr<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let dest = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dest.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl Number {
    /// A number from a decimal, written back as a JSON number (an integer when
    /// the decimal has no fraction digits), exactly.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::Number;
    /// use rust_decimal::Decimal;
    ///
    /// assert_eq!(serde_json::to_string(&Number::from_decimal(Decimal::new(1999, 2)))?, "19.99");
    /// assert_eq!(serde_json::to_string(&Number::from_decimal(Decimal::from(5)))?, "5");
    /// let big = Decimal::from_str_exact("12345678901234567.89").unwrap();
    /// assert_eq!(serde_json::to_string(&Number::from_decimal(big))?, "12345678901234567.89");
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
        Number(Repr::Text(Text::from(text.into())))
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
    /// use crossborder::wire::{Number, NumberError};
    /// use rust_decimal::Decimal;
    /// let n: Number = serde_json::from_str("1e-7")?;
    /// assert_eq!(n.decimal()?, Decimal::new(1, 7));
    /// let tiny: Number = serde_json::from_str("1e-28")?;
    /// assert_eq!(tiny.decimal()?, Decimal::new(1, 28));
    /// let huge: Number = serde_json::from_str("1e40")?;
    /// assert!(matches!(huge.decimal(), Err(NumberError::OutOfRange(_))));
    /// let too_small: Number = serde_json::from_str("1e-400")?;
    /// assert!(matches!(too_small.decimal(), Err(NumberError::OutOfRange(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decimal(&self) -> Result<Decimal, NumberError> {
        match &self.0 {
            Repr::Int(d) | Repr::Float(d) => Ok(*d),
            Repr::Text(t) => parse_decimal(t),
            Repr::Raw(t) => Err(NumberError::OutOfRange(t.to_string())),
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
        // The usual count: a JSON integer that fits.
        if let Repr::Int(d) = &self.0
            && let Ok(n) = u32::try_from(d.mantissa())
        {
            return Ok(n);
        }
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
    /// `0.0`, the default of the wire's refund and cost fields.
    pub(crate) const ZERO_POINT_ZERO: Number =
        Number(Repr::Float(Decimal::from_parts(0, 0, 0, false, 1)));

    /// A whole number, for constants.
    pub(crate) const fn int(v: u32) -> Number {
        Number(Repr::Int(Decimal::from_parts(v, 0, 0, false, 0)))
    }

    pub(crate) fn from_i64(v: i64) -> Self {
        Number(Repr::Int(Decimal::from(v)))
    }

    pub(crate) fn from_u64(v: u64) -> Self {
        Number(Repr::Int(Decimal::from(v)))
    }

    /// The `f64` path, for formats that hand numbers over as `f64`.
    pub(crate) fn from_f64(v: f64) -> Self {
        match decimal_from_f64(v) {
            Some(d) => Number(Repr::Float(with_fraction_digit(d))),
            // `1e300`, or a non-finite value (a format other than JSON may
            // have one): kept as text, reported as out of range, written
            // back as a string where it is not a JSON number.
            None => Number(Repr::Raw(v.to_string().into_boxed_str())),
        }
    }

    /// A number from the text of a JSON number (`serde_json`'s raw value, or
    /// its `arbitrary_precision` text): exact; kept as written when no
    /// `Decimal` holds it. `None` when the text is not a JSON number.
    #[inline]
    pub(crate) fn from_json_number(text: &str) -> Option<Self> {
        match read_plain(text.as_bytes()) {
            Some(n) => Some(n),
            None => Number::from_json_number_exact(text),
        }
    }

    /// [`Number::from_json_number`] for every text but the usual number.
    #[inline(never)]
    fn from_json_number_exact(text: &str) -> Option<Self> {
        match read_exact(text.as_bytes(), Grammar::Json) {
            Exact::Value { value, float: true } => {
                Some(Number(Repr::Float(with_fraction_digit(value))))
            }
            Exact::Value { value, .. } => Some(Number(Repr::Int(value))),
            Exact::OutOfRange => Some(Number(Repr::Raw(text.into()))),
            Exact::Invalid => None,
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
            Repr::Raw(t) => f.write_str(t),
        }
    }
}

/// The struct name and field under which `serde_json` (with its `raw_value`
/// feature, which this crate enables) passes a value's own JSON text, in both
/// directions.
pub(crate) const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The key under which `serde_json`'s `arbitrary_precision` feature passes a
/// number's text.
pub(crate) const ARBITRARY_PRECISION_KEY: &str = "$serde_json::private::Number";

/// Where a serializer writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// serde_json's writer, which writes a raw value's text as it is.
    JsonText,
    /// serde_json's `Value` builder, whose numbers are `f64`s.
    JsonValue,
    /// Any other format.
    Other,
}

/// Which serializer `S` is.
pub(crate) fn target<S: ?Sized>() -> Target {
    let name = std::any::type_name::<S>();
    if name.starts_with("&mut serde_json::ser::Serializer<") {
        Target::JsonText
    } else if name == "serde_json::value::ser::Serializer" {
        Target::JsonValue
    } else {
        Target::Other
    }
}

/// Writes `text`, the text of a JSON number: verbatim as a JSON number to
/// JSON text; as the nearest `f64` into a `serde_json::Value`; elsewhere as
/// an `f64` when that is exact (`exact`), else as a string.
fn serialize_number_text<S: Serializer>(s: S, text: &str, exact: bool) -> Result<S::Ok, S::Error> {
    let nearest = || text.parse::<f64>().ok().filter(|f| f.is_finite());
    match target::<S>() {
        Target::JsonText => {
            let mut st = s.serialize_struct(RAW_VALUE_TOKEN, 1)?;
            st.serialize_field(RAW_VALUE_TOKEN, text)?;
            st.end()
        }
        Target::JsonValue => match nearest() {
            Some(f) => s.serialize_f64(f),
            None => s.serialize_str(text),
        },
        Target::Other => match nearest().filter(|_| exact) {
            Some(f) => s.serialize_f64(f),
            None => s.serialize_str(text),
        },
    }
}

/// Whether an `f64` holds `d` exactly, so that the `f64` path reads it back.
fn f64_exact(d: Decimal, text: &str) -> bool {
    text.parse::<f64>()
        .is_ok_and(|f| f.is_finite() && decimal_from_f64(f) == Some(d))
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::Int(d) if i64::try_from(*d).is_ok() => {
                s.serialize_i64(i64::try_from(*d).unwrap_or_default())
            }
            Repr::Int(d) if u64::try_from(*d).is_ok() => {
                s.serialize_u64(u64::try_from(*d).unwrap_or_default())
            }
            Repr::Int(d) | Repr::Float(d) => {
                let mut buf = StackStr::<48>::new();
                fmt::write(&mut buf, format_args!("{d}")).map_err(serde::ser::Error::custom)?;
                let exact = target::<S>() == Target::Other && f64_exact(*d, buf.as_str());
                serialize_number_text(s, buf.as_str(), exact)
            }
            Repr::Text(t) => s.serialize_str(t),
            Repr::Raw(t) if Number::from_json_number(t).is_some() => {
                serialize_number_text(s, t, false)
            }
            Repr::Raw(t) => s.serialize_str(t),
        }
    }
}

/// What a one-entry map handed to a number visitor carries.
enum MapKey {
    /// serde_json's raw value: the value's own JSON text follows.
    Raw,
    /// serde_json's `arbitrary_precision` number: its text follows.
    ArbitraryPrecision,
    /// Any other key: a real object.
    Other,
}

struct MapKeySeed;

impl<'de> DeserializeSeed<'de> for MapKeySeed {
    type Value = MapKey;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<MapKey, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for MapKeySeed {
    type Value = MapKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<MapKey, E> {
        Ok(match v {
            RAW_VALUE_TOKEN => MapKey::Raw,
            ARBITRARY_PRECISION_KEY => MapKey::ArbitraryPrecision,
            _ => MapKey::Other,
        })
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<MapKey, E> {
        Ok(MapKey::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<MapKey, E> {
        Ok(MapKey::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<MapKey, E> {
        Ok(MapKey::Other)
    }
}

/// Hands a string value to `f` without copying it where the format lends it.
struct StrSeed<F>(F);

impl<'de, T, F: FnOnce(&str) -> T> DeserializeSeed<'de> for StrSeed<F> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, T, F: FnOnce(&str) -> T> Visitor<'de> for StrSeed<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok((self.0)(v))
    }
}

/// A value's own JSON text, lent by the deserializer where it can.
enum Raw<'de> {
    Lent(&'de str),
    Owned(String),
}

/// Reads [`Raw`]: a small value to hand back through the deserializer,
/// where a number would be a large one.
struct RawSeed;

impl<'de> DeserializeSeed<'de> for RawSeed {
    type Value = Raw<'de>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Raw<'de>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for RawSeed {
    type Value = Raw<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value's JSON text")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Raw<'de>, E> {
        Ok(Raw::Lent(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw<'de>, E> {
        Ok(Raw::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Raw<'de>, E> {
        Ok(Raw::Owned(v))
    }
}

/// The text of serde_json's `arbitrary_precision` number map, when `map` is
/// one and its text is a JSON number; otherwise the error a visitor
/// expecting `expected` gives for an object.
pub(crate) fn arbitrary_precision_text<'de, A: MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> Result<String, A::Error> {
    let not_a_number = || de::Error::invalid_type(de::Unexpected::Map, expected);
    match map.next_key_seed(MapKeySeed)? {
        Some(MapKey::ArbitraryPrecision) => {}
        _ => return Err(not_a_number()),
    }
    let text = map.next_value_seed(StrSeed(|s: &str| {
        Number::from_json_number(s).map(|_| s.to_owned())
    }))?;
    match (text, map.next_key_seed(MapKeySeed)?) {
        (Some(text), None) => Ok(text),
        _ => Err(not_a_number()),
    }
}

/// Reads a number field, or `None` for `null`: through serde_json, from the
/// value's own text (its raw value); through other formats, from what they
/// hand over.
struct NumberVisitor<S>(S);

const EXPECTING: &str = "a number or a string holding a number";

impl<S: Sink<Number>> NumberVisitor<S> {
    /// A number from a value's own JSON text (serde_json's raw value).
    #[inline]
    fn read_raw<E: de::Error>(&self, raw: &str) -> Result<Option<Number>, E> {
        match read_plain(raw.as_bytes()) {
            Some(n) => Ok(Some(n)),
            None => self.read_raw_other(raw),
        }
    }

    /// [`NumberVisitor::read_raw`] for every text but the usual number.
    #[inline(never)]
    fn read_raw_other<E: de::Error>(&self, raw: &str) -> Result<Option<Number>, E> {
        let unexpected = match raw.as_bytes().first() {
            Some(b'-' | b'0'..=b'9') => {
                return Number::from_json_number(raw)
                    .map(Some)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Str(raw), self));
            }
            Some(b'"') => {
                let inner = raw
                    .strip_prefix('"')
                    .and_then(|r| r.strip_suffix('"'))
                    .unwrap_or_default();
                return if inner.contains('\\') {
                    let s: String = serde_json::from_str(raw).map_err(E::custom)?;
                    Ok(Some(Number(Repr::Text(Text::from(s)))))
                } else {
                    Ok(Some(Number(Repr::Text(Text::new(inner)))))
                };
            }
            Some(b'n') => return Ok(None),
            Some(b'{') => {
                // An object is a number only as `arbitrary_precision`'s map
                // holding a valid number's text.
                let mut de = serde_json::Deserializer::from_str(raw);
                return match de::Deserializer::deserialize_map(&mut de, ApVisitor) {
                    Ok(Some(n)) => Ok(Some(n)),
                    _ => Err(E::invalid_type(de::Unexpected::Map, self)),
                };
            }
            Some(b'[') => de::Unexpected::Seq,
            Some(b't') => de::Unexpected::Bool(true),
            Some(b'f') => de::Unexpected::Bool(false),
            _ => de::Unexpected::Unit,
        };
        Err(E::invalid_type(unexpected, self))
    }
}

/// Reads `arbitrary_precision`'s one-entry map from JSON text.
struct ApVisitor;

impl<'de> Visitor<'de> for ApVisitor {
    type Value = Option<Number>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Number>, A::Error> {
        let text = arbitrary_precision_text(map, &self)?;
        Ok(Number::from_json_number(&text))
    }
}

impl<'de, S: Sink<Number>> Visitor<'de> for NumberVisitor<S> {
    type Value = S::Out;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        // A format without serde_json's raw values: the f64 path.
        d.deserialize_any(self)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.0.put(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.0.put(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Number::deserialize(d).map(|n| self.0.put(Some(n)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Number::from_i64(v))))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Number::from_u64(v))))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Ok(self
            .0
            .put(Some(Decimal::try_from_i128_with_scale(v, 0).map_or_else(
                |_| Number(Repr::Raw(v.to_string().into())),
                Number::from_decimal,
            ))))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        match i128::try_from(v) {
            Ok(i) => self.visit_i128(i),
            Err(_) => Ok(self.0.put(Some(Number(Repr::Raw(v.to_string().into()))))),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Number::from_f64(v))))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Number(Repr::Text(Text::new(v))))))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Number(Repr::Text(Text::from(v))))))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        match map.next_key_seed(MapKeySeed)? {
            Some(MapKey::Raw) => {
                // serde_json hands over the value's own text: read exactly.
                let n = match map.next_value_seed(RawSeed)? {
                    Raw::Lent(raw) => self.read_raw(raw)?,
                    Raw::Owned(raw) => self.read_raw(&raw)?,
                };
                Ok(self.0.put(n))
            }
            Some(MapKey::ArbitraryPrecision) => {
                let text = map.next_value_seed(StrSeed(Number::from_json_number))?;
                match (text, map.next_key_seed(MapKeySeed)?) {
                    (Some(n), None) => Ok(self.0.put(Some(n))),
                    _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
                }
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

/// An optional number field: a number, a string (kept as written), or
/// `null` (absent). One call into the deserializer, where
/// `Option<Number>` takes two.
pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Number>, D::Error> {
    // serde_json (with `raw_value`) answers this with the value's own
    // text; other formats call `visit_newtype_struct`, the f64 path.
    d.deserialize_newtype_struct(RAW_VALUE_TOKEN, NumberVisitor(Back))
}

/// [`optional`] written into its place (`&mut Option<Number>`), or into a
/// field with a default (`&mut Number`, which `null` leaves).
#[inline]
pub(crate) fn read_into<'de, D: Deserializer<'de>, S: Sink<Number, Out = ()>>(
    d: D,
    place: S,
) -> Result<(), D::Error> {
    d.deserialize_newtype_struct(RAW_VALUE_TOKEN, NumberVisitor(place))
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        optional(d)?
            .ok_or_else(|| de::Error::invalid_type(de::Unexpected::Unit, &NumberVisitor(Back)))
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
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
            ("0.12345678901234567", Decimal::new(12345678901234567, 17)),
            ("1e-28", Decimal::new(1, 28)),
            ("12345678901234567.89", Decimal::new(1234567890123456789, 2)),
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
    fn seventeen_digit_amounts_are_exact_as_numbers_and_as_strings() {
        let want = Decimal::new(12345678901234567, 17);
        assert_eq!(read("0.12345678901234567").decimal().unwrap(), want);
        assert_eq!(read("\"0.12345678901234567\"").decimal().unwrap(), want);
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
            "1e400",
            "-1e-400",
            "1E+2",
        ] {
            let n = read(json);
            let out = serde_json::to_string(&n).unwrap();
            let a: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
            let b: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
            assert_eq!(a, b, "{json} -> {out}");
            assert_eq!(read(&out), n, "{json} -> {out}");
        }
    }

    #[test]
    fn amounts_are_written_as_their_exact_decimal() {
        for text in [
            "12345678901234567.89",
            "0.1234567890123456789",
            "79228162514264337593543950335",
        ] {
            let d = Decimal::from_str_exact(text).unwrap();
            let out = serde_json::to_string(&Number::from_decimal(d)).unwrap();
            assert_eq!(out, text);
            assert_eq!(read(&out).decimal().unwrap(), d);
        }
    }

    #[test]
    fn out_of_range_and_invalid_are_kept_and_reported() {
        for json in [
            "1e40",
            "1e-40",
            "1e400",
            "1e-400",
            "-1e400",
            "1e-29",
            "123456789012345678901234567890",
        ] {
            assert!(
                matches!(read(json).decimal(), Err(NumberError::OutOfRange(_))),
                "{json}"
            );
        }
        for bad in [
            "", "abc", "1,5", "--1", "1e", "e5", ".", "1.2.3", "0x10", "NaN", "inf", "+", "-",
            "1e+", "1e-", "1 2",
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
    fn exponents_never_overflow() {
        for text in [
            "1e-9223372036854775808",
            "1e9223372036854775807",
            "1e-99999999999999999999999",
            "1e99999999999999999999999",
            "0.5e-9223372036854775808",
            "100000000000000000000000000000000000000000e-9223372036854775808",
            "0e99999999999999999999999",
        ] {
            let parsed = parse_decimal(text);
            assert!(
                matches!(parsed, Err(NumberError::OutOfRange(_))) || parsed == Ok(Decimal::ZERO),
                "{text}: {parsed:?}"
            );
            let _ = serde_json::from_str::<Number>(text).map(|n| n.decimal());
            let _ = serde_json::from_str::<Number>(&format!("\"{text}\"")).map(|n| n.decimal());
        }
    }

    #[test]
    fn text_scientific_and_signs() {
        assert_eq!(parse_decimal("2.5E3").unwrap(), Decimal::from(2500));
        assert_eq!(parse_decimal("+7").unwrap(), Decimal::from(7));
        assert_eq!(parse_decimal("-1e-2").unwrap(), Decimal::new(-1, 2));
        assert_eq!(parse_decimal(".5").unwrap(), Decimal::new(5, 1));
        assert_eq!(parse_decimal("5.").unwrap(), Decimal::from(5));
        assert_eq!(parse_decimal("007").unwrap(), Decimal::from(7));
        assert!(matches!(
            parse_decimal("1.50e-30"),
            Err(NumberError::OutOfRange(_))
        ));
        assert_eq!(parse_decimal("100e-30").unwrap(), Decimal::new(1, 28));
        assert_eq!(parse_decimal("0.50").unwrap().to_string(), "0.50");
    }

    #[test]
    fn the_one_pass_reader_agrees_with_the_exact_reader() {
        // Every text the one-pass reader takes, it reads as `read_exact`
        // does; every other text it leaves to `read_exact`.
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "7",
            "59.9",
            "0.055",
            "-42.50",
            "01",
            "1.",
            ".5",
            "-",
            "",
            "1e5",
            "1.5E-3",
            "+1",
            "00.1",
            "1.2.3",
            "--1",
            "1-",
            "9999999999999999999",
            "18446744073709551615",
            "99999999999999999999",
            "0.1234567890123456789",
            "1234567890.123456789",
            "0.00000000000000000001",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..5000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = (x % 21) as usize;
            let m = x.to_string();
            let m = &m[..digits.min(m.len())];
            let point = (x >> 20) as usize % (m.len() + 2);
            let mut t = String::new();
            if x & 1 == 1 {
                t.push('-');
            }
            for (i, c) in m.chars().enumerate() {
                if i == point {
                    t.push('.');
                }
                t.push(c);
            }
            texts.push(t);
        }
        for t in &texts {
            let exact = match read_exact(t.as_bytes(), Grammar::Json) {
                Exact::Value { value, float } => Some((value, float)),
                _ => None,
            };
            if let Some(n) = read_plain(t.as_bytes()) {
                let float = matches!(n.0, Repr::Float(_));
                let value = n.decimal().unwrap();
                assert_eq!(Some((value, float)), exact, "{t:?}");
                assert_eq!(value.to_string(), exact.unwrap().0.to_string(), "{t:?}");
            }
            assert_eq!(
                Number::from_json_number(t),
                Number::from_json_number_exact(t),
                "{t:?}"
            );
        }
    }

    #[test]
    fn json_numbers_follow_the_json_grammar() {
        for bad in ["+1", "01", ".5", "5.", "1e", "-"] {
            assert_eq!(
                read_exact(bad.as_bytes(), Grammar::Json),
                Exact::Invalid,
                "{bad}"
            );
        }
        assert_eq!(
            read_exact(b"-0.50", Grammar::Json),
            Exact::Value {
                value: Decimal::new(-50, 2),
                float: true
            }
        );
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
        for json in [
            "true",
            "null",
            "{\"a\":1}",
            "[1]",
            r#"{"$serde_json::private::Number":"abc"}"#,
        ] {
            assert!(serde_json::from_str::<Number>(json).is_err(), "{json}");
            let v: serde_json::Value = serde_json::from_str(json).unwrap();
            assert!(serde_json::from_value::<Number>(v).is_err(), "{json}");
        }
        let ap: Number =
            serde_json::from_str(r#"{"$serde_json::private::Number":"1.25"}"#).unwrap();
        assert_eq!(ap.decimal().unwrap(), Decimal::new(125, 2));
    }

    #[test]
    fn every_serde_json_entry_point_reads_the_text() {
        let want = Decimal::new(12345678901234567, 17);
        let json = "0.12345678901234567";
        assert_eq!(
            serde_json::from_str::<Number>(json)
                .unwrap()
                .decimal()
                .unwrap(),
            want
        );
        assert_eq!(
            serde_json::from_slice::<Number>(json.as_bytes())
                .unwrap()
                .decimal()
                .unwrap(),
            want
        );
        assert_eq!(
            serde_json::from_reader::<_, Number>(json.as_bytes())
                .unwrap()
                .decimal()
                .unwrap(),
            want
        );
        let v: serde_json::Value = serde_json::from_str("\"0.5\"").unwrap();
        assert_eq!(
            serde_json::from_value::<Number>(v).unwrap().as_text(),
            Some("0.5")
        );
        let v: serde_json::Value = serde_json::from_str("19.99").unwrap();
        assert_eq!(
            serde_json::from_value::<Number>(v)
                .unwrap()
                .decimal()
                .unwrap(),
            Decimal::new(1999, 2)
        );
        assert!(target::<&mut serde_json::Serializer<Vec<u8>>>() == Target::JsonText);
        assert!(
            target::<&mut serde_json::Serializer<Vec<u8>, serde_json::ser::PrettyFormatter<'_>>>()
                == Target::JsonText
        );
        assert!(target::<serde_json::value::Serializer>() == Target::JsonValue);
        assert_eq!(
            serde_json::to_value(read("19.99")).unwrap(),
            serde_json::json!(19.99)
        );
    }

    #[test]
    fn the_f64_path_for_other_formats() {
        use serde::de::IntoDeserializer;
        use serde::de::value::Error;
        let n =
            Number::deserialize(IntoDeserializer::<Error>::into_deserializer(19.99f64)).unwrap();
        assert_eq!(n.decimal().unwrap(), Decimal::new(1999, 2));
        let n =
            Number::deserialize(IntoDeserializer::<Error>::into_deserializer(f64::NAN)).unwrap();
        assert!(n.decimal().is_err());
        let n = Number::deserialize(IntoDeserializer::<Error>::into_deserializer("0.5")).unwrap();
        assert_eq!(n.as_text(), Some("0.5"));
    }
}
