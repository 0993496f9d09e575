//! Weights and dimensions: [`Weight`] with [`MassUnit`], [`Dimensions`] and
//! [`Length`] with [`LengthUnit`], volumetric weight ([`VolumetricDivisor`])
//! and the roundings carriers apply to it.
//!
//! Quantities compare by what they measure, not field by field: 1000 g equals
//! 1 kg. Conversions use exact decimal factors (1 lb = 453.59237 g, 1 oz =
//! 28.349523125 g, 1 in = 25.4 mm).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::macros::closed_enum;

closed_enum! {
    /// A unit of mass. Reads the API's `massUnit` spelling (`Kilogram`) and the
    /// usual abbreviations and Chinese names, case-insensitively; writes the
    /// API's spelling.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::MassUnit;
    ///
    /// assert_eq!("Kilogram".parse::<MassUnit>()?, MassUnit::Kilogram);
    /// assert_eq!("KGS".parse::<MassUnit>()?, MassUnit::Kilogram);
    /// assert_eq!("lbs".parse::<MassUnit>()?, MassUnit::Pound);
    /// assert_eq!("克".parse::<MassUnit>()?, MassUnit::Gram);
    /// assert_eq!(MassUnit::Ounce.to_string(), "Ounce");
    /// assert_eq!(MassUnit::Ounce.symbol(), "oz");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[derive(Default)]
    pub enum MassUnit("mass unit") {
        /// Kilogram (the API's default).
        #[default]
        Kilogram = "Kilogram" | "kg" | "kgs" | "kilo" | "kilos" | "kilograms" | "kilogramme" | "kilogrammes" | "千克" | "公斤",
        /// Gram.
        Gram = "Gram" | "g" | "grams" | "gramme" | "grammes" | "克",
        /// Avoirdupois pound (453.59237 g).
        Pound = "Pound" | "lb" | "lbs" | "pounds" | "磅",
        /// Avoirdupois ounce (28.349523125 g).
        Ounce = "Ounce" | "oz" | "ounces" | "盎司",
    }
}

impl MassUnit {
    /// Grams in one of this unit, exactly.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::MassUnit;
    /// use rust_decimal::Decimal;
    /// assert_eq!(MassUnit::Pound.grams(), Decimal::new(45359237, 5));
    /// ```
    pub const fn grams(self) -> Decimal {
        match self {
            MassUnit::Kilogram => Decimal::from_parts(1000, 0, 0, false, 0),
            MassUnit::Gram => Decimal::ONE,
            MassUnit::Pound => Decimal::from_parts(45_359_237, 0, 0, false, 5),
            MassUnit::Ounce => Decimal::from_parts(2_579_719_349, 6, 0, false, 9),
        }
    }

    /// The usual symbol: `kg`, `g`, `lb`, `oz`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::MassUnit::Kilogram.symbol(), "kg");
    /// ```
    pub const fn symbol(self) -> &'static str {
        match self {
            MassUnit::Kilogram => "kg",
            MassUnit::Gram => "g",
            MassUnit::Pound => "lb",
            MassUnit::Ounce => "oz",
        }
    }
}

/// What is wrong with a weight or a size.
///
/// # Example
///
/// ```
/// use crossborder::{MassUnit, MeasureError, Weight};
/// use rust_decimal::Decimal;
///
/// let err = Weight::new(Decimal::from(-1), MassUnit::Gram).unwrap_err();
/// assert!(matches!(err, MeasureError::Negative(_)));
/// assert_eq!(err.to_string(), "invalid weight -1 g: a weight cannot be negative");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MeasureError {
    /// A negative weight.
    #[error("invalid weight {input}: a weight cannot be negative", input = crate::echo(.0))]
    Negative(String),
    /// A size that is zero or negative.
    #[error("invalid dimensions {input}: every side must be greater than zero", input = crate::echo(.0))]
    NotPositive(String),
    /// A value too large to convert between units.
    #[error("{input} is too large to measure", input = crate::echo(.0))]
    TooLarge(String),
    /// Text that is not a number followed by a unit.
    #[error("invalid {kind} {input:?}: expected {expected}", input = crate::echo(.input))]
    Parse {
        /// "weight", "dimensions", "length" or "volumetric divisor".
        kind: &'static str,
        /// The text given.
        input: String,
        /// What was expected, in words.
        expected: &'static str,
    },
}

impl MeasureError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{MassUnit, Weight};
    /// use rust_decimal::Decimal;
    /// let err = Weight::new(Decimal::from(-2), MassUnit::Kilogram).unwrap_err();
    /// assert_eq!(err.message_zh(), "重量 -2 kg 无效：重量不能为负数");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            MeasureError::Negative(s) => {
                format!("重量 {s} 无效：重量不能为负数", s = crate::echo(s))
            }
            MeasureError::NotPositive(s) => {
                format!("尺寸 {s} 无效：每条边都必须大于零", s = crate::echo(s))
            }
            MeasureError::TooLarge(s) => format!("{s} 数值过大，无法计量", s = crate::echo(s)),
            MeasureError::Parse { kind, input, .. } => {
                let kind = match *kind {
                    "weight" => "重量",
                    "length" => "长度",
                    "volumetric divisor" => "体积重系数",
                    _ => "尺寸",
                };
                format!(
                    "{kind} {input:?} 无效：应为数字加单位，如 \"1.5 kg\" 或 \"30 x 20 x 10 cm\"",
                    input = crate::echo(input)
                )
            }
        }
    }
}

/// A non-negative weight in a [`MassUnit`].
///
/// Equality, order and hashing go by mass: `1000 g == 1 kg`. The text form is
/// the number, a space and the unit symbol (`"1.5 kg"`); reading accepts any
/// unit spelling [`MassUnit`] reads, with or without the space.
///
/// # Example
///
/// ```
/// use crossborder::{MassUnit, Weight};
///
/// let a: Weight = "1000 g".parse()?;
/// let b: Weight = "1kg".parse()?;
/// assert_eq!(a, b);
/// assert_eq!(b.to_unit(MassUnit::Gram)?.to_string(), "1000 g");
/// assert!("2.2 lb".parse::<Weight>()? < b);
/// # Ok::<(), crossborder::MeasureError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Weight {
    value: Decimal,
    unit: MassUnit,
    grams: Decimal,
}

impl Weight {
    /// A weight of `value` in `unit`.
    ///
    /// # Errors
    ///
    /// [`MeasureError::Negative`] for a value below zero,
    /// [`MeasureError::TooLarge`] when its mass in grams does not fit a decimal.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{MassUnit, Weight};
    /// use rust_decimal::Decimal;
    /// let w = Weight::new(Decimal::new(25, 1), MassUnit::Kilogram)?;
    /// assert_eq!(w.value(), Decimal::new(25, 1));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn new(value: Decimal, unit: MassUnit) -> Result<Weight, MeasureError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(MeasureError::Negative(format!("{value} {}", unit.symbol())));
        }
        let grams = value
            .checked_mul(unit.grams())
            .ok_or_else(|| MeasureError::TooLarge(format!("{value} {}", unit.symbol())))?;
        Ok(Weight {
            value: value.abs(),
            unit,
            grams,
        })
    }

    /// Zero in a unit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{MassUnit, Weight};
    /// assert!(Weight::zero(MassUnit::Kilogram).is_zero());
    /// ```
    pub const fn zero(unit: MassUnit) -> Weight {
        Weight {
            value: Decimal::ZERO,
            unit,
            grams: Decimal::ZERO,
        }
    }

    /// The number, in [`Weight::unit`].
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Weight;
    /// use rust_decimal::Decimal;
    /// assert_eq!("3 lb".parse::<Weight>()?.value(), Decimal::from(3));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn value(&self) -> Decimal {
        self.value
    }

    /// The unit the weight was given in.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{MassUnit, Weight};
    /// assert_eq!("3 lb".parse::<Weight>()?.unit(), MassUnit::Pound);
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn unit(&self) -> MassUnit {
        self.unit
    }

    /// The mass in grams, exactly.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Weight;
    /// use rust_decimal::Decimal;
    /// assert_eq!("2 oz".parse::<Weight>()?.grams(), Decimal::new(5669904625, 8));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn grams(&self) -> Decimal {
        self.grams
    }

    /// Whether the weight is zero.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Weight;
    /// assert!("0 kg".parse::<Weight>()?.is_zero());
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn is_zero(&self) -> bool {
        self.value.is_zero()
    }

    /// The same mass in another unit. Exact whenever the result has at most 28
    /// decimal places (kg, g and lb to kg or g always are); otherwise rounded to
    /// the 28 significant digits a decimal holds.
    ///
    /// # Errors
    ///
    /// [`MeasureError::TooLarge`] when the result does not fit a decimal.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{MassUnit, Weight};
    /// let w: Weight = "1 lb".parse()?;
    /// assert_eq!(w.to_unit(MassUnit::Kilogram)?.to_string(), "0.45359237 kg");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn to_unit(&self, unit: MassUnit) -> Result<Weight, MeasureError> {
        if unit == self.unit {
            return Ok(*self);
        }
        let value = self
            .grams
            .checked_div(unit.grams())
            .ok_or_else(|| MeasureError::TooLarge(self.to_string()))?
            .normalize();
        Ok(Weight {
            value,
            unit,
            grams: self.grams,
        })
    }

    /// The sum of two weights, in this weight's unit.
    ///
    /// # Errors
    ///
    /// [`MeasureError::TooLarge`] when the sum does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Weight;
    /// let sum = "1 kg".parse::<Weight>()?.checked_add("500 g".parse()?)?;
    /// assert_eq!(sum.to_string(), "1.5 kg");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn checked_add(&self, other: Weight) -> Result<Weight, MeasureError> {
        let other = other.to_unit(self.unit)?;
        let value = self
            .value
            .checked_add(other.value)
            .ok_or_else(|| MeasureError::TooLarge(self.to_string()))?;
        Weight::new(value, self.unit)
    }

    /// This weight times a count (units in a carton, items in an order).
    ///
    /// # Errors
    ///
    /// [`MeasureError::TooLarge`] when the product does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Weight;
    /// assert_eq!("0.25 kg".parse::<Weight>()?.checked_mul(4)?.to_string(), "1.00 kg");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn checked_mul(&self, count: u32) -> Result<Weight, MeasureError> {
        let value = self
            .value
            .checked_mul(Decimal::from(count))
            .ok_or_else(|| MeasureError::TooLarge(self.to_string()))?;
        Weight::new(value, self.unit)
    }
}

impl Weight {
    /// This weight rounded up to the next multiple of `step` (in this
    /// weight's unit): carriers bill up to the next 0.5 kg or whole pound.
    /// A weight already on a multiple is unchanged.
    ///
    /// # Errors
    ///
    /// [`MeasureError::NotPositive`] when `step` is not above zero,
    /// [`MeasureError::TooLarge`] when the result does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Weight;
    /// use rust_decimal::Decimal;
    /// let w: Weight = "11.9 kg".parse()?;
    /// assert_eq!(w.round_up_to(Decimal::new(5, 1))?.to_string(), "12 kg");
    /// assert_eq!("12 kg".parse::<Weight>()?.round_up_to(Decimal::new(5, 1))?.to_string(), "12 kg");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn round_up_to(&self, step: Decimal) -> Result<Weight, MeasureError> {
        if step <= Decimal::ZERO {
            return Err(MeasureError::NotPositive(format!(
                "{step} {}",
                self.unit.symbol()
            )));
        }
        let too_large = || MeasureError::TooLarge(self.to_string());
        let steps = self.value.checked_div(step).ok_or_else(too_large)?.ceil();
        let mut value = steps.checked_mul(step).ok_or_else(too_large)?;
        // A quotient rounded in its 28th digit could land one step low.
        if value < self.value {
            value = value.checked_add(step).ok_or_else(too_large)?;
        }
        Weight::new(value.normalize(), self.unit)
    }
}

impl PartialEq for Weight {
    fn eq(&self, other: &Self) -> bool {
        self.grams == other.grams
    }
}

impl Eq for Weight {}

impl PartialOrd for Weight {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Weight {
    fn cmp(&self, other: &Self) -> Ordering {
        self.grams.cmp(&other.grams)
    }
}

impl Hash for Weight {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.grams.normalize().hash(state);
    }
}

impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, self.unit.symbol())
    }
}

/// Splits `"1.5 kg"` / `"1.5kg"` into the number and the unit text.
pub(crate) fn split_quantity(s: &str) -> Option<(&str, &str)> {
    let t = s.trim();
    let at = t.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+')))?;
    let (number, unit) = t.split_at(at);
    let unit = unit.trim();
    (!number.is_empty() && !unit.is_empty()).then_some((number, unit))
}

impl FromStr for Weight {
    type Err = MeasureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MeasureError::Parse {
            kind: "weight",
            input: s.to_owned(),
            expected: "a number and a unit, such as \"1.5 kg\" or \"200g\"",
        };
        let (number, unit) = split_quantity(s).ok_or_else(err)?;
        let value = crate::number::parse_decimal(number).map_err(|_| err())?;
        let unit = unit.parse::<MassUnit>().map_err(|_| err())?;
        Weight::new(value, unit)
    }
}

crate::macros::serde_via_str!(Weight);

closed_enum! {
    /// A unit of length. Reads symbols, English and Chinese names,
    /// case-insensitively; writes the symbol.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::LengthUnit;
    ///
    /// assert_eq!("inches".parse::<LengthUnit>()?, LengthUnit::Inch);
    /// assert_eq!("厘米".parse::<LengthUnit>()?, LengthUnit::Centimetre);
    /// assert_eq!(LengthUnit::Centimetre.to_string(), "cm");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum LengthUnit("length unit") {
        /// Millimetre.
        Millimetre = "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" | "毫米",
        /// Centimetre.
        Centimetre = "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" | "厘米" | "公分",
        /// Metre.
        Metre = "m" | "metre" | "metres" | "meter" | "meters" | "米",
        /// Inch (25.4 mm).
        Inch = "in" | "inch" | "inches" | "\"" | "英寸",
    }
}

impl LengthUnit {
    /// Millimetres in one of this unit, exactly.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::LengthUnit;
    /// use rust_decimal::Decimal;
    /// assert_eq!(LengthUnit::Inch.millimetres(), Decimal::new(254, 1));
    /// ```
    pub const fn millimetres(self) -> Decimal {
        match self {
            LengthUnit::Millimetre => Decimal::ONE,
            LengthUnit::Centimetre => Decimal::TEN,
            LengthUnit::Metre => Decimal::ONE_THOUSAND,
            LengthUnit::Inch => Decimal::from_parts(254, 0, 0, false, 1),
        }
    }
}

/// A length in a [`LengthUnit`], greater than zero: a warehouse's or a
/// carrier's limit on a side (`"63.5 cm"`, `"25 in"`).
///
/// Equality and order go by length: 25.4 mm equals 1 in. The text form is
/// the number, a space and the unit symbol.
///
/// # Example
///
/// ```
/// use crossborder::Length;
/// let a: Length = "63.5 cm".parse()?;
/// assert_eq!(a.to_string(), "63.5 cm");
/// assert_eq!(a, "635 mm".parse()?);
/// assert_eq!("25 in".parse::<Length>()?, a); // 25 in is 63.5 cm
/// assert!("25 in".parse::<Length>()? < "64 cm".parse()?);
/// assert!("0 cm".parse::<Length>().is_err());
/// # Ok::<(), crossborder::MeasureError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Length {
    value: Decimal,
    unit: LengthUnit,
    mm: Decimal,
}

impl Length {
    /// A length of `value` in `unit`.
    ///
    /// # Errors
    ///
    /// [`MeasureError::NotPositive`] for zero or less,
    /// [`MeasureError::TooLarge`] when it does not fit in millimetres.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Length, LengthUnit};
    /// use rust_decimal::Decimal;
    /// let l = Length::new(Decimal::from(25), LengthUnit::Inch)?;
    /// assert_eq!(l.millimetres(), Decimal::from(635));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn new(value: Decimal, unit: LengthUnit) -> Result<Length, MeasureError> {
        if value <= Decimal::ZERO {
            return Err(MeasureError::NotPositive(format!("{value} {unit}")));
        }
        let mm = value
            .checked_mul(unit.millimetres())
            .ok_or_else(|| MeasureError::TooLarge(format!("{value} {unit}")))?;
        Ok(Length { value, unit, mm })
    }

    /// The number, in [`Length::unit`].
    ///
    /// # Example
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// assert_eq!("25 in".parse::<crossborder::Length>()?.value(), Decimal::from(25));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn value(&self) -> Decimal {
        self.value
    }

    /// The unit it was given in.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::LengthUnit;
    /// assert_eq!("25 in".parse::<crossborder::Length>()?.unit(), LengthUnit::Inch);
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn unit(&self) -> LengthUnit {
        self.unit
    }

    /// The length in millimetres, exactly.
    ///
    /// # Example
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// assert_eq!("1 in".parse::<crossborder::Length>()?.millimetres(), Decimal::new(254, 1));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn millimetres(&self) -> Decimal {
        self.mm
    }
}

impl PartialEq for Length {
    fn eq(&self, other: &Self) -> bool {
        self.mm == other.mm
    }
}

impl Eq for Length {}

impl PartialOrd for Length {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Length {
    fn cmp(&self, other: &Self) -> Ordering {
        self.mm.cmp(&other.mm)
    }
}

impl Hash for Length {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.mm.normalize().hash(state);
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, self.unit)
    }
}

impl FromStr for Length {
    type Err = MeasureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MeasureError::Parse {
            kind: "length",
            input: s.to_owned(),
            expected: "a number and a unit, such as \"63.5 cm\" or \"25 in\"",
        };
        let (number, unit) = split_quantity(s).ok_or_else(err)?;
        let value = crate::number::parse_decimal(number).map_err(|_| err())?;
        let unit = unit.parse::<LengthUnit>().map_err(|_| err())?;
        Length::new(value, unit)
    }
}

crate::macros::serde_via_str!(Length);

/// The outer size of a unit or a carton: length, width and height, each
/// greater than zero, in one [`LengthUnit`].
///
/// Equality goes by size: 10 x 20 x 30 cm equals 100 x 200 x 300 mm. The text
/// form is `"30 x 20 x 10 cm"`; reading also accepts `*` or `×` between the
/// sides, with or without spaces.
///
/// # Example
///
/// ```
/// use crossborder::{Dimensions, LengthUnit};
/// use rust_decimal::Decimal;
///
/// let d: Dimensions = "30x20x10cm".parse()?;
/// assert_eq!(d.to_string(), "30 x 20 x 10 cm");
/// assert_eq!(d, "300 * 200 * 100 mm".parse()?);
/// assert_eq!(d.sorted_sides(), [Decimal::from(30), Decimal::from(20), Decimal::from(10)]);
/// assert_eq!(d.volume(), Decimal::from(6000));
/// # Ok::<(), crossborder::MeasureError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Dimensions {
    sides: [Decimal; 3],
    unit: LengthUnit,
}

impl Dimensions {
    /// A size from its three sides.
    ///
    /// # Errors
    ///
    /// [`MeasureError::NotPositive`] when a side is zero or negative,
    /// [`MeasureError::TooLarge`] when a side is too large to convert.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, LengthUnit};
    /// use rust_decimal::Decimal;
    /// let d = Dimensions::new(Decimal::from(10), Decimal::from(5), Decimal::from(2), LengthUnit::Inch)?;
    /// assert_eq!(d.length(), Decimal::from(10));
    /// assert!(Dimensions::new(Decimal::ZERO, Decimal::ONE, Decimal::ONE, LengthUnit::Inch).is_err());
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn new(
        length: Decimal,
        width: Decimal,
        height: Decimal,
        unit: LengthUnit,
    ) -> Result<Dimensions, MeasureError> {
        let d = Dimensions {
            sides: [length, width, height],
            unit,
        };
        if d.sides.iter().any(|s| *s <= Decimal::ZERO) {
            return Err(MeasureError::NotPositive(d.to_string()));
        }
        // Every side must convert to millimetres, and the volume in cubic
        // millimetres must fit, so that comparisons never fail later.
        let mm = d.sides_in(LengthUnit::Millimetre);
        let volume = mm.and_then(|[a, b, c]| a.checked_mul(b)?.checked_mul(c));
        if volume.is_none() {
            return Err(MeasureError::TooLarge(d.to_string()));
        }
        Ok(d)
    }

    fn sides_in(&self, unit: LengthUnit) -> Option<[Decimal; 3]> {
        if unit == self.unit {
            return Some(self.sides);
        }
        let mut out = [Decimal::ZERO; 3];
        for (o, s) in out.iter_mut().zip(self.sides) {
            let mm = s.checked_mul(self.unit.millimetres())?;
            // Into millimetres (the checks' common unit) no division.
            *o = if unit == LengthUnit::Millimetre {
                mm
            } else {
                mm.checked_div(unit.millimetres())?
            }
            .normalize();
        }
        Some(out)
    }

    /// The first side given (length).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Dimensions;
    /// use rust_decimal::Decimal;
    /// assert_eq!("5 x 6 x 7 cm".parse::<Dimensions>()?.length(), Decimal::from(5));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn length(&self) -> Decimal {
        self.sides[0]
    }

    /// The second side given (width).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Dimensions;
    /// use rust_decimal::Decimal;
    /// assert_eq!("5 x 6 x 7 cm".parse::<Dimensions>()?.width(), Decimal::from(6));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn width(&self) -> Decimal {
        self.sides[1]
    }

    /// The third side given (height).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Dimensions;
    /// use rust_decimal::Decimal;
    /// assert_eq!("5 x 6 x 7 cm".parse::<Dimensions>()?.height(), Decimal::from(7));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn height(&self) -> Decimal {
        self.sides[2]
    }

    /// The unit of the sides.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Dimensions, LengthUnit};
    /// assert_eq!("5 x 6 x 7 in".parse::<Dimensions>()?.unit(), LengthUnit::Inch);
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn unit(&self) -> LengthUnit {
        self.unit
    }

    /// The sides from longest to shortest: `[longest, median, shortest]`.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Dimensions;
    /// use rust_decimal::Decimal;
    /// let d: Dimensions = "5 x 9 x 7 cm".parse()?;
    /// assert_eq!(d.sorted_sides(), [Decimal::from(9), Decimal::from(7), Decimal::from(5)]);
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn sorted_sides(&self) -> [Decimal; 3] {
        let mut s = self.sides;
        s.sort_unstable_by(|a, b| b.cmp(a));
        s
    }

    /// The same size in another unit (exact for mm, cm, m and inches to mm or
    /// cm; otherwise to 28 significant digits).
    ///
    /// # Errors
    ///
    /// [`MeasureError::TooLarge`] when a side does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, LengthUnit};
    /// let d: Dimensions = "10 x 10 x 10 in".parse()?;
    /// assert_eq!(d.to_unit(LengthUnit::Centimetre)?.to_string(), "25.4 x 25.4 x 25.4 cm");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn to_unit(&self, unit: LengthUnit) -> Result<Dimensions, MeasureError> {
        let sides = self
            .sides_in(unit)
            .ok_or_else(|| MeasureError::TooLarge(self.to_string()))?;
        Ok(Dimensions { sides, unit })
    }

    /// Length x width x height, in the cube of [`Dimensions::unit`].
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Dimensions;
    /// use rust_decimal::Decimal;
    /// assert_eq!("2 x 3 x 4 m".parse::<Dimensions>()?.volume(), Decimal::from(24));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn volume(&self) -> Decimal {
        let [a, b, c] = self.sides;
        // Checked at construction in millimetres, which is the largest figure.
        a.checked_mul(b)
            .and_then(|ab| ab.checked_mul(c))
            .unwrap_or(Decimal::MAX)
    }

    /// The volumetric ("dimensional") weight: volume divided by a divisor,
    /// such as 5000 cm³/kg for express or 139 in³/lb for US carriers. Not
    /// rounded: carriers round up in their own ways.
    ///
    /// # Errors
    ///
    /// [`MeasureError::TooLarge`] when the result does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, VolumetricDivisor};
    /// let d: Dimensions = "50 x 40 x 30 cm".parse()?;
    /// assert_eq!(d.volumetric_weight(VolumetricDivisor::EXPRESS)?.to_string(), "12 kg");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn volumetric_weight(&self, divisor: VolumetricDivisor) -> Result<Weight, MeasureError> {
        let d = self.to_unit(divisor.length_unit)?;
        divisor.weight_of_volume(d.volume())
    }

    /// The same size in `unit` with each side rounded to a whole number by
    /// `strategy`: carriers bill by sides rounded to the nearest whole inch
    /// (`MidpointAwayFromZero`) or up to the next whole centimetre
    /// (`ToPositiveInfinity`). A side that would round to zero counts as
    /// one whole unit.
    ///
    /// # Errors
    ///
    /// [`MeasureError::TooLarge`] when a side does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, LengthUnit};
    /// use rust_decimal::RoundingStrategy;
    /// let d: Dimensions = "50 x 40 x 30 cm".parse()?;
    /// let inches = d.rounded(LengthUnit::Inch, RoundingStrategy::MidpointAwayFromZero)?;
    /// assert_eq!(inches.to_string(), "20 x 16 x 12 in");
    /// let up = "10.2 x 3 x 0.4 cm".parse::<Dimensions>()?.rounded(LengthUnit::Centimetre, RoundingStrategy::ToPositiveInfinity)?;
    /// assert_eq!(up.to_string(), "11 x 3 x 1 cm");
    /// let thin = "20 x 10 x 0.3 in".parse::<Dimensions>()?.rounded(LengthUnit::Inch, RoundingStrategy::MidpointAwayFromZero)?;
    /// assert_eq!(thin.to_string(), "20 x 10 x 1 in");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn rounded(
        &self,
        unit: LengthUnit,
        strategy: rust_decimal::RoundingStrategy,
    ) -> Result<Dimensions, MeasureError> {
        let d = self.to_unit(unit)?;
        // A side never rounds to nothing: it is at least one whole unit.
        let [a, b, c] = d.sides.map(|s| {
            s.round_dp_with_strategy(0, strategy)
                .normalize()
                .max(Decimal::ONE)
        });
        Dimensions::new(a, b, c, unit)
    }

    /// Length plus girth: the longest side plus twice each of the other two,
    /// in [`Dimensions::unit`] (a carrier's per-piece limit).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Dimensions;
    /// use rust_decimal::Decimal;
    /// let d: Dimensions = "20 x 16 x 12 in".parse()?;
    /// assert_eq!(d.length_plus_girth(), Decimal::from(76));
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn length_plus_girth(&self) -> Decimal {
        let [l, w, h] = self.sorted_sides();
        // Bounded by the volume check made at construction.
        l.checked_add(w.checked_mul(Decimal::TWO).unwrap_or(Decimal::MAX))
            .and_then(|x| x.checked_add(h.checked_mul(Decimal::TWO)?))
            .unwrap_or(Decimal::MAX)
    }
}

/// A carrier's volumetric divisor: so many cubic length units per mass unit.
///
/// # Example
///
/// ```
/// use crossborder::{LengthUnit, MassUnit, VolumetricDivisor};
/// use rust_decimal::Decimal;
/// let ups = VolumetricDivisor::new(Decimal::from(139), LengthUnit::Inch, MassUnit::Pound);
/// assert_eq!(ups, VolumetricDivisor::US_139);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VolumetricDivisor {
    volume_per_mass_unit: Decimal,
    length_unit: LengthUnit,
    mass_unit: MassUnit,
    /// Mass units per `volume_per_mass_unit` (1 for a divisor such as
    /// 5000 cm³/kg; 333 for road freight's 1 m³ = 333 kg), so that a ratio
    /// given per cubic metre stays exact.
    mass_per: Decimal,
}

impl VolumetricDivisor {
    /// 5000 cm³/kg, usual for express couriers.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, VolumetricDivisor};
    /// let d: Dimensions = "50 x 40 x 30 cm".parse()?;
    /// assert_eq!(d.volumetric_weight(VolumetricDivisor::EXPRESS)?.to_string(), "12 kg");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const EXPRESS: VolumetricDivisor = VolumetricDivisor {
        volume_per_mass_unit: Decimal::from_parts(5000, 0, 0, false, 0),
        length_unit: LengthUnit::Centimetre,
        mass_unit: MassUnit::Kilogram,
        mass_per: Decimal::ONE,
    };
    /// 6000 cm³/kg, the IATA air-cargo divisor.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, VolumetricDivisor};
    /// let d: Dimensions = "60 x 50 x 40 cm".parse()?;
    /// assert_eq!(d.volumetric_weight(VolumetricDivisor::AIR_CARGO)?.to_string(), "20 kg");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const AIR_CARGO: VolumetricDivisor = VolumetricDivisor {
        volume_per_mass_unit: Decimal::from_parts(6000, 0, 0, false, 0),
        length_unit: LengthUnit::Centimetre,
        mass_unit: MassUnit::Kilogram,
        mass_per: Decimal::ONE,
    };
    /// 139 in³/lb (US carriers' daily rates).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, VolumetricDivisor};
    /// let d: Dimensions = "139 x 1 x 1 in".parse()?;
    /// assert_eq!(d.volumetric_weight(VolumetricDivisor::US_139)?.to_string(), "1 lb");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const US_139: VolumetricDivisor = VolumetricDivisor {
        volume_per_mass_unit: Decimal::from_parts(139, 0, 0, false, 0),
        length_unit: LengthUnit::Inch,
        mass_unit: MassUnit::Pound,
        mass_per: Decimal::ONE,
    };
    /// 166 in³/lb (US carriers' retail rates).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, VolumetricDivisor};
    /// let d: Dimensions = "166 x 2 x 1 in".parse()?;
    /// assert_eq!(d.volumetric_weight(VolumetricDivisor::US_166)?.to_string(), "2 lb");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const US_166: VolumetricDivisor = VolumetricDivisor {
        volume_per_mass_unit: Decimal::from_parts(166, 0, 0, false, 0),
        length_unit: LengthUnit::Inch,
        mass_unit: MassUnit::Pound,
        mass_per: Decimal::ONE,
    };

    /// A divisor of `volume_per_mass_unit` cubic `length_unit` per `mass_unit`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{LengthUnit, MassUnit, VolumetricDivisor};
    /// use rust_decimal::Decimal;
    /// let d = VolumetricDivisor::new(Decimal::from(8000), LengthUnit::Centimetre, MassUnit::Kilogram);
    /// assert_ne!(d, VolumetricDivisor::EXPRESS);
    /// ```
    pub const fn new(
        volume_per_mass_unit: Decimal,
        length_unit: LengthUnit,
        mass_unit: MassUnit,
    ) -> Self {
        VolumetricDivisor {
            volume_per_mass_unit,
            length_unit,
            mass_unit,
            mass_per: Decimal::ONE,
        }
    }

    /// A ratio given as mass per cubic metre, as road and sea freight quote
    /// it: 1 m³ counts as `mass` (road: 333 kg). Kept exact: the volume in
    /// m³ is multiplied by the mass, never divided by a rounded divisor.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Dimensions, MassUnit, VolumetricDivisor};
    /// use rust_decimal::Decimal;
    /// let road = VolumetricDivisor::per_cubic_metre(Decimal::from(333), MassUnit::Kilogram);
    /// let d: Dimensions = "100 x 100 x 50 cm".parse()?;
    /// assert_eq!(d.volumetric_weight(road)?.to_string(), "166.5 kg");
    /// assert_eq!(road.to_string(), "333 kg/m3");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub const fn per_cubic_metre(mass: Decimal, mass_unit: MassUnit) -> Self {
        VolumetricDivisor {
            volume_per_mass_unit: Decimal::ONE,
            length_unit: LengthUnit::Metre,
            mass_unit,
            mass_per: mass,
        }
    }

    /// The unit of length the volume is measured in (cm for 5000 cm³/kg).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{LengthUnit, VolumetricDivisor};
    /// assert_eq!(VolumetricDivisor::US_166.length_unit(), LengthUnit::Inch);
    /// ```
    pub const fn length_unit(&self) -> LengthUnit {
        self.length_unit
    }

    /// The unit of the volumetric weight it gives (kg for 5000 cm³/kg).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{MassUnit, VolumetricDivisor};
    /// assert_eq!(VolumetricDivisor::US_139.mass_unit(), MassUnit::Pound);
    /// ```
    pub const fn mass_unit(&self) -> MassUnit {
        self.mass_unit
    }

    /// The volumetric weight of a volume given in the cube of
    /// [`VolumetricDivisor::length_unit`], not rounded.
    ///
    /// # Errors
    ///
    /// [`MeasureError::TooLarge`] when the result does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::VolumetricDivisor;
    /// use rust_decimal::Decimal;
    /// let w = VolumetricDivisor::EXPRESS.weight_of_volume(Decimal::from(60000))?;
    /// assert_eq!(w.to_string(), "12 kg");
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn weight_of_volume(&self, volume: Decimal) -> Result<Weight, MeasureError> {
        let too_large = || MeasureError::TooLarge(format!("{volume} {}3", self.length_unit));
        let value = volume
            .checked_mul(self.mass_per)
            .ok_or_else(too_large)?
            .checked_div(self.volume_per_mass_unit)
            .ok_or_else(too_large)?
            .normalize();
        Weight::new(value, self.mass_unit)
    }
}

impl fmt::Display for VolumetricDivisor {
    /// `5000 cm3/kg`, `166 in3/lb`, or for a ratio per cubic metre `333 kg/m3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mass_per == Decimal::ONE {
            write!(
                f,
                "{} {}3/{}",
                self.volume_per_mass_unit.normalize(),
                self.length_unit,
                self.mass_unit.symbol()
            )
        } else {
            write!(
                f,
                "{} {}/{}3",
                self.mass_per.normalize(),
                self.mass_unit.symbol(),
                self.length_unit
            )
        }
    }
}

impl FromStr for VolumetricDivisor {
    type Err = MeasureError;

    /// Reads `5000 cm3/kg`, `166 in3/lb`, `139 in³/lb`, or a mass per cubic
    /// metre: `333 kg/m3`, `1000 kg/cbm`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MeasureError::Parse {
            kind: "volumetric divisor",
            input: s.to_owned(),
            expected: "a divisor such as \"5000 cm3/kg\" or \"166 in3/lb\", or a ratio such as \"333 kg/m3\"",
        };
        let (number, unit) = split_quantity(s).ok_or_else(err)?;
        let value = crate::number::parse_decimal(number).map_err(|_| err())?;
        if value <= Decimal::ZERO {
            return Err(err());
        }
        let (top, bottom) = unit.split_once('/').ok_or_else(err)?;
        let cube = |t: &str| {
            let t = t.trim();
            let t = t
                .strip_suffix('3')
                .or_else(|| t.strip_suffix('³'))
                .unwrap_or(t);
            t.trim().parse::<LengthUnit>().ok()
        };
        let (top, bottom) = (top.trim(), bottom.trim());
        if let (Some(length), Ok(mass)) = (cube(top), bottom.parse::<MassUnit>()) {
            return Ok(VolumetricDivisor::new(value, length, mass));
        }
        let per_cbm = bottom.eq_ignore_ascii_case("cbm") || cube(bottom) == Some(LengthUnit::Metre);
        match top.parse::<MassUnit>() {
            Ok(mass) if per_cbm => Ok(VolumetricDivisor::per_cubic_metre(value, mass)),
            _ => Err(err()),
        }
    }
}

impl PartialEq for Dimensions {
    fn eq(&self, other: &Self) -> bool {
        self.sides_in(LengthUnit::Millimetre) == other.sides_in(LengthUnit::Millimetre)
    }
}

impl Eq for Dimensions {}

impl fmt::Display for Dimensions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [l, w, h] = self.sides;
        write!(f, "{l} x {w} x {h} {}", self.unit)
    }
}

impl FromStr for Dimensions {
    type Err = MeasureError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MeasureError::Parse {
            kind: "dimensions",
            input: s.to_owned(),
            expected: "three sides and a unit, such as \"30 x 20 x 10 cm\"",
        };
        let mut parts = s.split(['x', 'X', '*', '×']);
        let (a, b, c) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(a), Some(b), Some(c), None) => (a, b, c),
            _ => return Err(err()),
        };
        let (c, unit) = split_quantity(c).ok_or_else(err)?;
        let unit = unit.parse::<LengthUnit>().map_err(|_| err())?;
        let side = |t: &str| crate::number::parse_decimal(t).map_err(|_| err());
        Dimensions::new(side(a)?, side(b)?, side(c)?, unit)
    }
}

crate::macros::serde_via_str!(Dimensions);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_compare_by_mass() {
        let kg: Weight = "1 kg".parse().unwrap();
        let g: Weight = "1000 g".parse().unwrap();
        let g2: Weight = "1000.000 Gram".parse().unwrap();
        assert_eq!(kg, g);
        assert_eq!(g, g2);
        let lb: Weight = "1 lb".parse().unwrap();
        let oz: Weight = "16 oz".parse().unwrap();
        assert_eq!(lb, oz);
        assert!(lb < kg);
        use std::collections::HashSet;
        let set: HashSet<Weight> = [kg, g, g2].into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn weight_text_round_trips() {
        for s in ["1.5 kg", "0 g", "2.25 lb", "0.5 oz"] {
            let w: Weight = s.parse().unwrap();
            assert_eq!(w.to_string(), s);
        }
        for s in ["1.5", "kg", "1.5 stone", "-1 kg", "", "1..5 kg"] {
            assert!(s.parse::<Weight>().is_err(), "{s}");
        }
    }

    #[test]
    fn conversions_are_exact() {
        let lb: Weight = "1 lb".parse().unwrap();
        assert_eq!(
            lb.to_unit(MassUnit::Gram).unwrap().value(),
            Decimal::new(45359237, 5)
        );
        let kg: Weight = "2.5 kg".parse().unwrap();
        assert_eq!(
            kg.to_unit(MassUnit::Gram).unwrap().value(),
            Decimal::from(2500)
        );
    }

    #[test]
    fn huge_weights_are_errors_not_panics() {
        assert!(matches!(
            Weight::new(Decimal::MAX, MassUnit::Kilogram),
            Err(MeasureError::TooLarge(_))
        ));
        let w = Weight::new(Decimal::MAX / Decimal::from(1000), MassUnit::Kilogram).unwrap();
        assert!(w.checked_mul(u32::MAX).is_err());
    }

    #[test]
    fn dimensions_parse_compare_and_volumetric() {
        let d: Dimensions = "50 × 40 × 30 cm".parse().unwrap();
        assert_eq!(d, "500x400x300mm".parse().unwrap());
        assert_eq!(
            d.volumetric_weight(VolumetricDivisor::AIR_CARGO)
                .unwrap()
                .value(),
            Decimal::from(10)
        );
        let inches: Dimensions = "18 x 14 x 8 in".parse().unwrap();
        assert_eq!(
            inches
                .volumetric_weight(VolumetricDivisor::US_139)
                .unwrap()
                .value()
                .round_dp(4),
            Decimal::new(145036, 4)
        );
        for bad in [
            "1 x 2 cm",
            "1 x 2 x 3",
            "0 x 1 x 1 cm",
            "1 x 2 x 3 x 4 cm",
            "a x b x c cm",
        ] {
            assert!(bad.parse::<Dimensions>().is_err(), "{bad}");
        }
    }
}
