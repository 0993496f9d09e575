//! The tax table as data: rows keyed by HS prefix, and the dated figures of
//! each regime (the general VAT rate, the cross-border e-commerce limits and
//! factor, the personal postal articles tiers, waiver and parcel limits).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::macros::closed_enum;
use crate::{Country, Effective, HsPrefix, JsonPointer};

closed_enum! {
    /// The unit of a [`Quantity`]: a count of pieces, a mass or a volume.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::QuantityUnit;
    /// assert_eq!("ML".parse::<QuantityUnit>()?, QuantityUnit::Millilitre);
    /// assert_eq!("毫升".parse::<QuantityUnit>()?, QuantityUnit::Millilitre);
    /// assert_eq!(QuantityUnit::Tonne.to_string(), "t");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum QuantityUnit("quantity unit" in "tax::") {
        /// One unit of the line (a watch, a bottle, a sheet mask).
        Piece = "piece" | "pieces" | "pc" | "pcs" | "件" | "个" | "只" | "片" | "张" | "瓶",
        /// A gram of net weight.
        Gram = "g" | "gram" | "grams" | "克",
        /// A kilogram of net weight.
        Kilogram = "kg" | "kilogram" | "kilograms" | "千克" | "公斤",
        /// A tonne (1,000 kg) of net weight.
        Tonne = "t" | "tonne" | "tonnes" | "吨",
        /// A millilitre of volume.
        Millilitre = "ml" | "millilitre" | "millilitres" | "毫升",
        /// A litre of volume.
        Litre = "l" | "litre" | "litres" | "升",
    }
}

/// What a [`QuantityUnit`] measures.
///
/// # Example
///
/// ```
/// use crossborder::tax::{Measure, QuantityUnit};
/// assert_eq!(QuantityUnit::Litre.measure(), Measure::Volume);
/// assert_eq!(QuantityUnit::Tonne.measure(), Measure::Mass);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Measure {
    /// Pieces: units of the order line.
    Count,
    /// Net weight, from the product's `netWeight`.
    Mass,
    /// Volume, which the customs API does not carry: the caller gives it
    /// ([`super::LineFacts::with_volume`]).
    Volume,
}

impl QuantityUnit {
    /// What the unit measures.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Measure, QuantityUnit};
    /// assert_eq!(QuantityUnit::Piece.measure(), Measure::Count);
    /// ```
    pub const fn measure(self) -> Measure {
        match self {
            QuantityUnit::Piece => Measure::Count,
            QuantityUnit::Gram | QuantityUnit::Kilogram | QuantityUnit::Tonne => Measure::Mass,
            QuantityUnit::Millilitre | QuantityUnit::Litre => Measure::Volume,
        }
    }

    /// How many base units (pieces, grams, millilitres) one of this unit is.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::QuantityUnit;
    /// use rust_decimal::Decimal;
    /// assert_eq!(QuantityUnit::Tonne.base(), Decimal::from(1_000_000));
    /// assert_eq!(QuantityUnit::Litre.base(), Decimal::from(1_000));
    /// ```
    pub const fn base(self) -> Decimal {
        match self {
            QuantityUnit::Piece | QuantityUnit::Gram | QuantityUnit::Millilitre => Decimal::ONE,
            QuantityUnit::Kilogram | QuantityUnit::Litre => {
                Decimal::from_parts(1000, 0, 0, false, 0)
            }
            QuantityUnit::Tonne => Decimal::from_parts(1_000_000, 0, 0, false, 0),
        }
    }
}

/// A positive quantity with its unit: `500 ml`, `1 g`, `988 l`, `1 piece`.
/// The "per" of a specific tax or a price threshold.
///
/// # Example
///
/// ```
/// use crossborder::tax::{Quantity, QuantityUnit};
/// use rust_decimal::Decimal;
/// let q: Quantity = "500 ml".parse()?;
/// assert_eq!(q.value(), Decimal::from(500));
/// assert_eq!(q.unit(), QuantityUnit::Millilitre);
/// assert_eq!(q.to_string(), "500 ml");
/// assert_eq!("988l".parse::<Quantity>()?.to_string(), "988 l");
/// assert!("0 g".parse::<Quantity>().is_err());
/// assert!("five kg".parse::<Quantity>().is_err());
/// # Ok::<(), crossborder::tax::QuantityError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quantity {
    value: Decimal,
    unit: QuantityUnit,
}

/// Text that is not a positive [`Quantity`].
///
/// # Example
///
/// ```
/// use crossborder::tax::Quantity;
/// let err = "-1 g".parse::<Quantity>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid quantity \"-1 g\": expected a positive number and a unit (piece, g, kg, t, ml, l), such as \"500 ml\"");
/// assert!(err.message_zh().contains("500 ml"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid quantity {input:?}: expected a positive number and a unit (piece, g, kg, t, ml, l), such as \"500 ml\"",
    input = crate::echo(.0)
)]
pub struct QuantityError(pub(crate) String);

impl QuantityError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Quantity;
    /// let err = "x".parse::<Quantity>().unwrap_err();
    /// assert!(err.message_zh().starts_with("数量 \"x\" 无效"));
    /// ```
    pub fn message_zh(&self) -> String {
        format!(
            "数量 {:?} 无效：应为正数加单位（piece、g、kg、t、ml、l），如 \"500 ml\"",
            crate::echo(&self.0)
        )
    }
}

impl crate::error::Bilingual for QuantityError {
    fn message_zh(&self) -> String {
        QuantityError::message_zh(self)
    }
}

impl Quantity {
    /// A quantity.
    ///
    /// # Errors
    ///
    /// [`QuantityError`] when `value` is not above zero.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Quantity, QuantityUnit};
    /// use rust_decimal::Decimal;
    /// assert_eq!(Quantity::new(Decimal::ONE, QuantityUnit::Gram)?.to_string(), "1 g");
    /// assert!(Quantity::new(Decimal::ZERO, QuantityUnit::Gram).is_err());
    /// # Ok::<(), crossborder::tax::QuantityError>(())
    /// ```
    pub fn new(value: Decimal, unit: QuantityUnit) -> Result<Quantity, QuantityError> {
        if value <= Decimal::ZERO {
            return Err(QuantityError(format!("{value} {unit}")));
        }
        Ok(Quantity { value, unit })
    }

    /// One piece.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Quantity;
    /// assert_eq!(Quantity::piece().to_string(), "1 piece");
    /// ```
    pub const fn piece() -> Quantity {
        Quantity {
            value: Decimal::ONE,
            unit: QuantityUnit::Piece,
        }
    }

    /// The number.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Quantity;
    /// assert_eq!("1.5 kg".parse::<Quantity>()?.value().to_string(), "1.5");
    /// # Ok::<(), crossborder::tax::QuantityError>(())
    /// ```
    pub const fn value(&self) -> Decimal {
        self.value
    }

    /// The unit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Quantity, QuantityUnit};
    /// assert_eq!("2 t".parse::<Quantity>()?.unit(), QuantityUnit::Tonne);
    /// # Ok::<(), crossborder::tax::QuantityError>(())
    /// ```
    pub const fn unit(&self) -> QuantityUnit {
        self.unit
    }

    /// The quantity in base units (pieces, grams or millilitres); `None` when
    /// it does not fit a decimal.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Quantity;
    /// use rust_decimal::Decimal;
    /// assert_eq!("988 l".parse::<Quantity>()?.in_base(), Some(Decimal::from(988_000)));
    /// # Ok::<(), crossborder::tax::QuantityError>(())
    /// ```
    pub fn in_base(&self) -> Option<Decimal> {
        self.value.checked_mul(self.unit.base())
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value.normalize(), self.unit)
    }
}

impl FromStr for Quantity {
    type Err = QuantityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || QuantityError(s.to_owned());
        let (number, unit) = crate::measure::split_quantity(s).ok_or_else(err)?;
        let value = crate::number::parse_decimal(number).map_err(|_| err())?;
        let unit: QuantityUnit = unit.parse().map_err(|_| err())?;
        Quantity::new(value, unit).map_err(|_| err())
    }
}

crate::macros::serde_via_str!(Quantity);

/// When a conditional [`TaxRow`] applies to a line.
///
/// A row with a condition is preferred to a row without one for the same HS
/// prefix. "Unit value" is the dutiable value of one unit of the line in
/// CNY, before VAT: for cross-border e-commerce its goods value and its share
/// of delivery and insurance (the dutiable value of 财关税〔2016〕18号
/// includes both), for personal articles its dutiable price.
///
/// # Example
///
/// ```
/// use crossborder::tax::{Condition, Quantity};
/// use rust_decimal::Decimal;
/// let cosmetics = Condition::HighEnd { at_least: Decimal::TEN, per: "1 g".parse()? };
/// assert!(cosmetics.to_string().contains("10 CNY per 1 g"));
/// # Ok::<(), crossborder::tax::QuantityError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Condition {
    /// The line is "high-end" in the sense of the consumption tax (high-end
    /// cosmetics, watches): the caller's word where it gives one
    /// ([`super::LineFacts::with_high_end`]), else the regulation's price
    /// test, unit value at least `at_least` CNY per `per`. Cosmetics are
    /// tested per gram of net weight, a proxy for the regulation's "per ml or
    /// g, or ¥15 per piece" (a sheet mask needs the caller's word).
    HighEnd {
        /// The threshold, CNY.
        at_least: Decimal,
        /// Per what.
        per: Quantity,
    },
    /// The unit value is at least `at_least` CNY per `per` (the beer classes:
    /// ¥3,000 a tonne).
    UnitValueAtLeast {
        /// The threshold, CNY.
        at_least: Decimal,
        /// Per what.
        per: Quantity,
    },
    /// The caller gives the line this attribute
    /// ([`super::LineFacts::with_attribute`]), such as `television_camera`.
    Attribute(String),
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::HighEnd { at_least, per } => {
                write!(f, "high-end (unit value at least {at_least} CNY per {per})")
            }
            Condition::UnitValueAtLeast { at_least, per } => {
                write!(f, "unit value at least {at_least} CNY per {per}")
            }
            Condition::Attribute(a) => write!(f, "attribute {:?}", crate::echo(a)),
        }
    }
}

/// A specific (per-quantity) consumption tax: `amount` CNY per `per`.
///
/// # Example
///
/// ```
/// use crossborder::tax::SpecificTax;
/// use rust_decimal::Decimal;
/// let spirits = SpecificTax { amount: Decimal::new(5, 1), per: "500 ml".parse()? };
/// assert_eq!(spirits.to_string(), "0.5 CNY per 500 ml");
/// # Ok::<(), crossborder::tax::QuantityError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpecificTax {
    /// CNY per `per`.
    pub amount: Decimal,
    /// The quantity the amount is charged on.
    pub per: Quantity,
}

impl fmt::Display for SpecificTax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} CNY per {}", self.amount.normalize(), self.per)
    }
}

/// The import consumption tax of a row: ad valorem, specific, or both
/// (compound, as spirits: 20% plus ¥0.5 per 500 ml).
///
/// # Example
///
/// ```
/// use crossborder::tax::ConsumptionTax;
/// use rust_decimal::Decimal;
/// let wine = ConsumptionTax::ad_valorem(Decimal::new(10, 2));
/// assert_eq!(wine.to_string(), "10%");
/// assert!(wine.specific.is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConsumptionTax {
    /// The ad valorem rate, a fraction below 1 (0 for a purely specific tax).
    pub ad_valorem: Decimal,
    /// The specific part, if any.
    pub specific: Option<SpecificTax>,
}

impl ConsumptionTax {
    /// An ad valorem tax only.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::ConsumptionTax;
    /// use rust_decimal::Decimal;
    /// assert_eq!(ConsumptionTax::ad_valorem(Decimal::new(15, 2)).ad_valorem, Decimal::new(15, 2));
    /// ```
    pub const fn ad_valorem(rate: Decimal) -> ConsumptionTax {
        ConsumptionTax {
            ad_valorem: rate,
            specific: None,
        }
    }
}

impl fmt::Display for ConsumptionTax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.ad_valorem.is_zero(), &self.specific) {
            (_, None) => write!(f, "{}", percent(self.ad_valorem)),
            (true, Some(s)) => write!(f, "{s}"),
            (false, Some(s)) => write!(f, "{} + {s}", percent(self.ad_valorem)),
        }
    }
}

/// A rate as a percentage, such as `9.1%` or `17.89%` (two decimals at most).
pub(crate) fn percent(rate: Decimal) -> String {
    let p = rate
        .checked_mul(Decimal::ONE_HUNDRED)
        .map_or(rate, |p| p.round_dp(2).normalize());
    format!("{p}%")
}

/// One row of the tax table: goods whose HS code starts with `prefix` (and,
/// for a conditional row, that meet `when`) take the rates the row sets.
/// A row sets any of the VAT rate, the consumption tax, the MFN duty rate
/// and the personal postal articles tier; the others come from other rows.
///
/// For each of the four, a line takes the row in force on the date that
/// sets it and matches the line: the longest prefix wins, then a row with a
/// condition (when it holds) over one without, then the later row in the
/// table (so a caller's rows appended with [`TaxTable::extend`] win over the
/// default's).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::tax::TaxRow;
/// use crossborder::{Effective, HsPrefix};
/// use rust_decimal::Decimal;
///
/// let row = TaxRow::new("9002 11 39".parse::<HsPrefix>()?, "Customs Tariff 2024, MFN")
///     .with_duty(Decimal::new(6, 2))
///     .with_effective(Effective::since(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()));
/// assert_eq!(row.prefix.as_str(), "90021139");
/// assert_eq!(row.duty, Some(Decimal::new(6, 2)));
/// assert_eq!(row.vat, None);
/// # Ok::<(), crossborder::HsPrefixError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxRow {
    /// The HS prefix.
    pub prefix: HsPrefix,
    /// What the row covers, in words.
    pub description: Option<String>,
    /// The condition, for a conditional row.
    pub when: Option<Condition>,
    /// Import VAT rate, a fraction.
    pub vat: Option<Decimal>,
    /// Import consumption tax.
    pub consumption: Option<ConsumptionTax>,
    /// MFN customs duty rate, a fraction (used only at full rates; the crate
    /// ships no tariff schedule, so the default table has none).
    pub duty: Option<Decimal>,
    /// Personal postal articles tier (1, 2, 3: 13%, 20%, 50% from
    /// 2019-04-09).
    pub cc_tier: Option<u8>,
    /// When the row is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

impl TaxRow {
    /// A row that sets nothing yet, in force at every date.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::TaxRow;
    /// let row = TaxRow::new("2208".parse()?, "own review");
    /// assert!(row.vat.is_none() && row.consumption.is_none() && row.cc_tier.is_none());
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    pub fn new(prefix: HsPrefix, source: impl Into<String>) -> TaxRow {
        TaxRow {
            prefix,
            description: None,
            when: None,
            vat: None,
            consumption: None,
            duty: None,
            cc_tier: None,
            effective: Effective::always(),
            source: source.into(),
        }
    }

    /// The same row with a description.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::TaxRow;
    /// let row = TaxRow::new("2203".parse()?, "x").with_description("beer");
    /// assert_eq!(row.description.as_deref(), Some("beer"));
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    #[must_use]
    pub fn with_description(mut self, text: impl Into<String>) -> TaxRow {
        self.description = Some(text.into());
        self
    }

    /// The same row, conditional.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Condition, TaxRow};
    /// let row = TaxRow::new("852589".parse()?, "x").with_condition(Condition::Attribute("television_camera".into()));
    /// assert!(row.when.is_some());
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    #[must_use]
    pub fn with_condition(mut self, when: Condition) -> TaxRow {
        self.when = Some(when);
        self
    }

    /// The same row with a VAT rate.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::TaxRow;
    /// use rust_decimal::Decimal;
    /// let row = TaxRow::new("4901".parse()?, "x").with_vat(Decimal::new(9, 2));
    /// assert_eq!(row.vat, Some(Decimal::new(9, 2)));
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    #[must_use]
    pub fn with_vat(mut self, rate: Decimal) -> TaxRow {
        self.vat = Some(rate);
        self
    }

    /// The same row with a consumption tax.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ConsumptionTax, TaxRow};
    /// use rust_decimal::Decimal;
    /// let row = TaxRow::new("2204".parse()?, "x").with_consumption(ConsumptionTax::ad_valorem(Decimal::new(1, 1)));
    /// assert_eq!(row.consumption.map(|c| c.ad_valorem), Some(Decimal::new(1, 1)));
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    #[must_use]
    pub fn with_consumption(mut self, tax: ConsumptionTax) -> TaxRow {
        self.consumption = Some(tax);
        self
    }

    /// The same row with an MFN duty rate.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::TaxRow;
    /// use rust_decimal::Decimal;
    /// assert_eq!(TaxRow::new("9102".parse()?, "x").with_duty(Decimal::new(8, 2)).duty, Some(Decimal::new(8, 2)));
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    #[must_use]
    pub fn with_duty(mut self, rate: Decimal) -> TaxRow {
        self.duty = Some(rate);
        self
    }

    /// The same row with a personal postal articles tier.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::TaxRow;
    /// assert_eq!(TaxRow::new("9503".parse()?, "x").with_cc_tier(1).cc_tier, Some(1));
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    #[must_use]
    pub fn with_cc_tier(mut self, tier: u8) -> TaxRow {
        self.cc_tier = Some(tier);
        self
    }

    /// The same row with its dates in force.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::tax::TaxRow;
    /// use crossborder::Effective;
    /// let from = NaiveDate::from_ymd_opt(2022, 11, 1).unwrap();
    /// let row = TaxRow::new("240412".parse()?, "x").with_effective(Effective::since(from));
    /// assert!(!row.effective.contains(NaiveDate::from_ymd_opt(2022, 10, 31).unwrap()));
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    #[must_use]
    pub fn with_effective(mut self, effective: Effective) -> TaxRow {
        self.effective = effective;
        self
    }
}

/// A rate in force over a period: the general VAT rate.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::tax::TaxTable;
/// let t = TaxTable::china_default();
/// let (_, vat) = t.general_vat_on(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()).unwrap();
/// assert_eq!(vat.rate.to_string(), "0.13");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedRate {
    /// The rate, a fraction.
    pub rate: Decimal,
    /// When it is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

/// The cross-border e-commerce retail import regime of a period: the limits
/// on one transaction and on a person's year (on the dutiable value, CNY),
/// and the share of VAT and consumption tax charged within them.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::tax::TaxTable;
/// let t = TaxTable::china_default();
/// let (_, p) = t.cbec_on(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).unwrap();
/// assert_eq!((p.transaction_limit.to_string(), p.annual_limit.to_string()), ("5000".into(), "26000".into()));
/// assert_eq!(p.factor.to_string(), "0.7");
/// assert!(t.cbec_on(NaiveDate::from_ymd_opt(2018, 12, 31).unwrap()).is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CbecPeriod {
    /// One transaction at most, inclusive.
    pub transaction_limit: Decimal,
    /// One person's year at most, inclusive.
    pub annual_limit: Decimal,
    /// The share of VAT and consumption tax charged (0.7).
    pub factor: Decimal,
    /// When it is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

/// The personal postal articles tax tiers of a period: `rates[0]` is tier 1.
/// `default_tier` is the tier of goods no other tier names ("税目1、3中未包含的
/// 其他商品").
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::tax::TaxTable;
/// let t = TaxTable::china_default();
/// let (_, p) = t.cc_tiers_on(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()).unwrap();
/// assert_eq!(p.rate(2).map(|r| r.to_string()).as_deref(), Some("0.25"));
/// assert_eq!(p.default_tier, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CcTierPeriod {
    /// The tier rates, tier 1 first.
    pub rates: Vec<Decimal>,
    /// The tier of goods no row places.
    pub default_tier: u8,
    /// When it is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

impl CcTierPeriod {
    /// The rate of a tier (1-based), if the period has it.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::tax::TaxTable;
    /// let t = TaxTable::china_default();
    /// let (_, p) = t.cc_tiers_on(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()).unwrap();
    /// assert_eq!(p.rate(3).map(|r| r.to_string()).as_deref(), Some("0.50"));
    /// assert_eq!(p.rate(0), None);
    /// assert_eq!(p.rate(4), None);
    /// ```
    pub fn rate(&self, tier: u8) -> Option<Decimal> {
        usize::from(tier)
            .checked_sub(1)
            .and_then(|i| self.rates.get(i))
            .copied()
    }
}

/// The personal postal articles tax waiver: tax of `up_to` CNY or less on a
/// parcel is not collected.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::tax::TaxTable;
/// let t = TaxTable::china_default();
/// let (_, w) = t.cc_waiver_on(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()).unwrap();
/// assert_eq!(w.up_to.to_string(), "50");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CcWaiver {
    /// The largest tax waived, CNY, inclusive.
    pub up_to: Decimal,
    /// When it is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

/// The value limit of one inbound personal parcel, CNY (of its articles'
/// dutiable prices). `from` limits the rule to parcels from these places;
/// empty means from anywhere. On a date, a limit naming the parcel's origin
/// beats one naming none.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::tax::TaxTable;
/// use crossborder::Country;
/// let t = TaxTable::china_default();
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let limit = |date, from| t.cc_parcel_limit_on(date, from).map(|(_, l)| l.limit.to_string());
/// assert_eq!(limit(d(2024, 6, 1), Some(Country::HK)).as_deref(), Some("800"));
/// assert_eq!(limit(d(2024, 6, 1), Some(Country::JP)).as_deref(), Some("1000"));
/// assert_eq!(limit(d(2025, 1, 1), Some(Country::HK)).as_deref(), Some("2000"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParcelLimit {
    /// The limit, CNY, inclusive.
    pub limit: Decimal,
    /// Only parcels from these places (empty: from anywhere).
    pub from: Vec<Country>,
    /// When it is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

/// A caller's mapping from personal postal articles tax numbers (行邮税号,
/// the product's `personalPostalArticlesTax`) to tiers: a number starting
/// with `number` is in `tier`. It beats the HS rows.
///
/// # Example
///
/// ```
/// use crossborder::tax::PostalTaxNumber;
/// use crossborder::Effective;
/// let n = PostalTaxNumber { number: "0101".into(), tier: 1, effective: Effective::always(), source: "own mapping".into() };
/// assert_eq!(n.tier, 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostalTaxNumber {
    /// The tax number, or its first digits.
    pub number: String,
    /// The tier.
    pub tier: u8,
    /// When it is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

/// The China import tax table, as data: load it (serde, through
/// [`super::TaxTableJson`]), replace it, or extend it by pushing rows and
/// periods onto its lists. Every row and period carries its dates in force
/// and its source.
///
/// - `rows`: [`TaxRow`]s keyed by HS prefix;
/// - `general_vat` (JSON `generalVat`): the VAT rate of goods no row gives
///   one, a guess the answers mark;
/// - `cbec`: the cross-border e-commerce limits and factor ([`CbecPeriod`]);
/// - `cc_tiers`, `cc_waiver`, `cc_parcel_limits`, `postal_tax_numbers`: the
///   personal postal articles tax.
///
/// Where several periods of one list are in force on a date, the last one
/// wins, so a caller's appended entry overrides the default's.
///
/// # Example
///
/// ```
/// use crossborder::tax::{TaxRow, TaxTable};
/// use rust_decimal::Decimal;
///
/// let mut table = TaxTable::china_default();
/// let rows = table.rows.len();
/// let mut own = TaxTable::empty();
/// own.rows.push(TaxRow::new("90021139".parse()?, "Customs Tariff 2024, MFN").with_duty(Decimal::new(6, 2)));
/// table.extend(own);
/// assert_eq!(table.rows.len(), rows + 1);
/// let json = serde_json::to_string(&table)?;
/// assert_eq!(serde_json::from_str::<TaxTable>(&json)?, table);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TaxTable {
    /// Rows keyed by HS prefix.
    pub rows: Vec<TaxRow>,
    /// The general VAT rate, by period.
    pub general_vat: Vec<DatedRate>,
    /// The cross-border e-commerce regime, by period.
    pub cbec: Vec<CbecPeriod>,
    /// The personal postal articles tiers, by period.
    pub cc_tiers: Vec<CcTierPeriod>,
    /// The personal postal articles waiver, by period.
    pub cc_waiver: Vec<CcWaiver>,
    /// The inbound personal parcel limits, by period and origin.
    pub cc_parcel_limits: Vec<ParcelLimit>,
    /// Tax numbers to tiers.
    pub postal_tax_numbers: Vec<PostalTaxNumber>,
}

/// The lists of a [`TaxTable`] that answers point into, with their JSON
/// names (one place, so the pointers resolve against the table's JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableList {
    Rows,
    GeneralVat,
    Cbec,
    CcTiers,
    PostalTaxNumbers,
}

impl TableList {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            TableList::Rows => "rows",
            TableList::GeneralVat => "generalVat",
            TableList::Cbec => "cbec",
            TableList::CcTiers => "ccTiers",
            TableList::PostalTaxNumbers => "postalTaxNumbers",
        }
    }

    pub(crate) fn pointer(self, index: usize) -> JsonPointer {
        JsonPointer::root().field(self.name()).index(index)
    }
}

/// The last entry in force on `date`.
fn last_in_force<T>(
    list: &[T],
    date: NaiveDate,
    effective: impl Fn(&T) -> &Effective,
) -> Option<(usize, &T)> {
    list.iter()
        .enumerate()
        .rev()
        .find(|(_, e)| effective(e).contains(date))
}

impl TaxTable {
    /// An empty table: no rows, no periods (every date is then not covered).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::tax::TaxTable::empty().rows.is_empty());
    /// ```
    pub fn empty() -> TaxTable {
        TaxTable::default()
    }

    /// Appends every row and period of `other` (a caller's own, on top of
    /// the default). Among equals, the appended ones win.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{TaxRow, TaxTable};
    /// let mut table = TaxTable::china_default();
    /// let mut own = TaxTable::empty();
    /// own.rows.push(TaxRow::new("2208".parse()?, "own review").with_cc_tier(3));
    /// let n = table.rows.len();
    /// table.extend(own);
    /// assert_eq!(table.rows.len(), n + 1);
    /// assert_eq!(table.rows.last().map(|r| r.source.as_str()), Some("own review"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend(&mut self, other: TaxTable) {
        self.rows.extend(other.rows);
        self.general_vat.extend(other.general_vat);
        self.cbec.extend(other.cbec);
        self.cc_tiers.extend(other.cc_tiers);
        self.cc_waiver.extend(other.cc_waiver);
        self.cc_parcel_limits.extend(other.cc_parcel_limits);
        self.postal_tax_numbers.extend(other.postal_tax_numbers);
    }

    /// The general VAT rate in force on `date`, and its index in
    /// `general_vat`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::tax::TaxTable;
    /// let t = TaxTable::china_default();
    /// let rate = |y, m, d| t.general_vat_on(NaiveDate::from_ymd_opt(y, m, d).unwrap()).map(|(_, r)| r.rate.to_string());
    /// assert_eq!(rate(2019, 3, 31).as_deref(), Some("0.16"));
    /// assert_eq!(rate(2019, 4, 1).as_deref(), Some("0.13"));
    /// ```
    pub fn general_vat_on(&self, date: NaiveDate) -> Option<(usize, &DatedRate)> {
        last_in_force(&self.general_vat, date, |e| &e.effective)
    }

    /// The cross-border e-commerce regime in force on `date`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::tax::TaxTable;
    /// let t = TaxTable::china_default();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(t.cbec_on(d(2025, 1, 1)).map(|(i, p)| (i, p.factor.to_string())), Some((0, "0.7".into())));
    /// assert!(t.cbec_on(d(2018, 12, 31)).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cbec_on(&self, date: NaiveDate) -> Option<(usize, &CbecPeriod)> {
        last_in_force(&self.cbec, date, |e| &e.effective)
    }

    /// The personal postal articles tiers in force on `date`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::tax::TaxTable;
    /// let t = TaxTable::china_default();
    /// assert!(t.cc_tiers_on(NaiveDate::from_ymd_opt(2016, 4, 7).unwrap()).is_none());
    /// let (_, p) = t.cc_tiers_on(NaiveDate::from_ymd_opt(2016, 4, 8).unwrap()).unwrap();
    /// assert_eq!(p.rate(3).map(|r| r.to_string()).as_deref(), Some("0.60"));
    /// ```
    pub fn cc_tiers_on(&self, date: NaiveDate) -> Option<(usize, &CcTierPeriod)> {
        last_in_force(&self.cc_tiers, date, |e| &e.effective)
    }

    /// The personal postal articles waiver in force on `date`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::tax::TaxTable;
    /// let t = TaxTable::china_default();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(t.cc_waiver_on(d(2025, 1, 1)).map(|(_, w)| w.up_to.to_string()).as_deref(), Some("50"));
    /// assert!(t.cc_waiver_on(d(2010, 8, 31)).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cc_waiver_on(&self, date: NaiveDate) -> Option<(usize, &CcWaiver)> {
        last_in_force(&self.cc_waiver, date, |e| &e.effective)
    }

    /// The parcel limit in force on `date` for a parcel from `from` (or of
    /// unknown origin): a limit naming the origin beats one naming none.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::tax::TaxTable;
    /// let t = TaxTable::china_default();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// use crossborder::Country;
    /// let limit = |date, from| t.cc_parcel_limit_on(date, from).map(|(_, l)| l.limit.to_string());
    /// assert_eq!(limit(d(2024, 11, 30), Some(Country::MO)).as_deref(), Some("800"));
    /// assert_eq!(limit(d(2024, 11, 30), None).as_deref(), Some("1000"));
    /// assert_eq!(limit(d(2024, 12, 1), Some(Country::MO)).as_deref(), Some("2000"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cc_parcel_limit_on(
        &self,
        date: NaiveDate,
        from: Option<Country>,
    ) -> Option<(usize, &ParcelLimit)> {
        let in_force = |l: &&ParcelLimit| l.effective.contains(date);
        let named = from.and_then(|c| {
            self.cc_parcel_limits
                .iter()
                .enumerate()
                .rev()
                .find(|(_, l)| in_force(l) && l.from.contains(&c))
        });
        named.or_else(|| {
            self.cc_parcel_limits
                .iter()
                .enumerate()
                .rev()
                .find(|(_, l)| in_force(l) && l.from.is_empty())
        })
    }
}
