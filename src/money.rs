//! [`Money`]: an exact decimal amount in an ISO 4217 currency, the API's
//! `RMB` spelling, and [`ExchangeRates`] the caller supplies.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use iso_currency::Currency;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::wire::text::TrimFast;

/// The error for text that is not a currency code.
///
/// # Example
///
/// ```
/// let err = crossborder::parse_currency("YUAN").unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown currency "YUAN": expected an ISO 4217 code such as CNY or USD (RMB is read as CNY)"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown currency {input:?}: expected an ISO 4217 code such as CNY or USD (RMB is read as CNY)", input = crate::echo(.0)
)]
pub struct CurrencyError(String);

impl CurrencyError {
    /// The text that was not a currency.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::parse_currency("??").unwrap_err().input(), "??");
    /// ```
    pub fn input(&self) -> &str {
        &self.0
    }
}

impl CurrencyError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::parse_currency("YUAN").unwrap_err();
    /// assert_eq!(err.message_zh(), "未知币种 \"YUAN\"：应为 ISO 4217 代码，如 CNY 或 USD（RMB 视为 CNY）");
    /// ```
    pub fn message_zh(&self) -> String {
        format!(
            "未知币种 {:?}：应为 ISO 4217 代码，如 CNY 或 USD（RMB 视为 CNY）",
            crate::echo(&self.0)
        )
    }
}

/// Reads a currency: an ISO 4217 code in any case, or the API's `RMB`
/// (read as `CNY`). Surrounding white space is ignored.
///
/// # Errors
///
/// [`CurrencyError`] when the text is no ISO 4217 code.
///
/// # Example
///
/// ```
/// use crossborder::{parse_currency, Currency};
///
/// assert_eq!(parse_currency("RMB")?, Currency::CNY);
/// assert_eq!(parse_currency("usd")?, Currency::USD);
/// assert!(parse_currency("XXY").is_err());
/// # Ok::<(), crossborder::CurrencyError>(())
/// ```
pub fn parse_currency(s: &str) -> Result<Currency, CurrencyError> {
    let t = s.trim_fast();
    if t.len() != 3 || !t.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(CurrencyError(s.to_owned()));
    }
    let mut buf = [0u8; 3];
    for (d, b) in buf.iter_mut().zip(t.bytes()) {
        *d = b.to_ascii_uppercase();
    }
    let upper = std::str::from_utf8(&buf).map_err(|_| CurrencyError(s.to_owned()))?;
    if upper == "RMB" {
        return Ok(Currency::CNY);
    }
    Currency::from_code(upper).ok_or_else(|| CurrencyError(s.to_owned()))
}

/// The code the customs API writes for a currency: `RMB` for `CNY`, the ISO
/// 4217 code for every other.
///
/// # Example
///
/// ```
/// use crossborder::{api_currency_code, Currency};
///
/// assert_eq!(api_currency_code(Currency::CNY), "RMB");
/// assert_eq!(api_currency_code(Currency::EUR), "EUR");
/// ```
pub fn api_currency_code(currency: Currency) -> &'static str {
    if currency == Currency::CNY {
        "RMB"
    } else {
        currency.code()
    }
}

/// The size of one minor unit of a currency (0.01 for CNY, 1 for JPY).
/// Currencies without a minor unit in ISO 4217 (gold, SDR, ...) count as 0.01.
///
/// # Example
///
/// ```
/// use crossborder::{minor_unit, Currency};
/// use rust_decimal::Decimal;
///
/// assert_eq!(minor_unit(Currency::CNY), Decimal::new(1, 2));
/// assert_eq!(minor_unit(Currency::JPY), Decimal::ONE);
/// ```
pub fn minor_unit(currency: Currency) -> Decimal {
    Decimal::new(1, u32::from(currency.exponent().unwrap_or(2)))
}

/// What went wrong with a money operation.
///
/// # Example
///
/// ```
/// use crossborder::{Currency, Money, MoneyError};
/// use rust_decimal::Decimal;
///
/// let a = Money::new(Decimal::ONE, Currency::CNY);
/// let b = Money::new(Decimal::ONE, Currency::USD);
/// assert!(matches!(a.checked_add(b), Err(MoneyError::CurrencyMismatch { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// Two amounts in different currencies were combined.
    #[error("cannot combine {left} and {right} amounts: convert one first")]
    CurrencyMismatch {
        /// The currency of the left operand.
        left: &'static str,
        /// The currency of the right operand.
        right: &'static str,
    },
    /// The result does not fit a decimal (about 7.9 x 10^28).
    #[error("money arithmetic overflowed")]
    Overflow,
    /// No exchange rate between the two currencies was supplied.
    #[error("no exchange rate from {from} to {to} was supplied")]
    MissingRate {
        /// The currency converted from.
        from: &'static str,
        /// The currency converted to.
        to: &'static str,
    },
    /// An exchange rate is zero or negative.
    #[error("invalid exchange rate {rate} from {from} to {to}: a rate must be positive")]
    InvalidRate {
        /// The currency converted from.
        from: &'static str,
        /// The currency converted to.
        to: &'static str,
        /// The rate given.
        rate: Decimal,
    },
    /// Text that is not an amount and a currency.
    #[error("invalid money {input:?}: expected an amount and a currency code, such as \"19.99 CNY\"", input = crate::echo(.0))]
    Parse(String),
}

/// An exact decimal amount in a currency.
///
/// Arithmetic is checked: combining two currencies is an error, never a panic
/// and never a silent sum. Rounding always names its strategy. The text form
/// is the amount, a space and the ISO code (`"19.99 CNY"`); reading also
/// accepts the code first and the API's `RMB`.
///
/// # Example
///
/// ```
/// use crossborder::{Currency, Money};
/// use rust_decimal::Decimal;
///
/// let price: Money = "19.99 RMB".parse()?;
/// assert_eq!(price.currency(), Currency::CNY);
/// let total = price.checked_mul(Decimal::from(3))?.checked_add("0.03 CNY".parse()?)?;
/// assert_eq!(total.to_string(), "60.00 CNY");
/// # Ok::<(), crossborder::MoneyError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An amount in a currency.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, Money};
    /// use rust_decimal::Decimal;
    ///
    /// let m = Money::new(Decimal::new(1999, 2), Currency::USD);
    /// assert_eq!(m.to_string(), "19.99 USD");
    /// ```
    pub const fn new(amount: Decimal, currency: Currency) -> Self {
        Money { amount, currency }
    }

    /// Zero in a currency.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, Money};
    /// assert!(Money::zero(Currency::EUR).is_zero());
    /// ```
    pub const fn zero(currency: Currency) -> Self {
        Money {
            amount: Decimal::ZERO,
            currency,
        }
    }

    /// The amount.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Currency, Money};
    /// # use rust_decimal::Decimal;
    /// assert_eq!(Money::new(Decimal::TEN, Currency::USD).amount(), Decimal::TEN);
    /// ```
    pub const fn amount(&self) -> Decimal {
        self.amount
    }

    /// The currency.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Currency, Money};
    /// # use rust_decimal::Decimal;
    /// assert_eq!(Money::new(Decimal::TEN, Currency::USD).currency(), Currency::USD);
    /// ```
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Whether the amount is zero.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Money;
    /// assert!("0.00 CNY".parse::<Money>()?.is_zero());
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    /// Whether the amount is below zero.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Money;
    /// assert!("-1 CNY".parse::<Money>()?.is_negative());
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency.code(),
                right: other.currency.code(),
            })
        }
    }

    /// The sum of two amounts in the same currency.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] for different currencies,
    /// [`MoneyError::Overflow`] when the sum does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Money;
    /// let a: Money = "0.10 USD".parse()?;
    /// let b: Money = "0.20 USD".parse()?;
    /// assert_eq!(a.checked_add(b)?, "0.30 USD".parse()?);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// The difference of two amounts in the same currency.
    ///
    /// # Errors
    ///
    /// As [`Money::checked_add`].
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Money;
    /// let a: Money = "1 USD".parse()?;
    /// assert_eq!(a.checked_sub("0.01 USD".parse()?)?.to_string(), "0.99 USD");
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        let amount = self
            .amount
            .checked_sub(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// The amount times a factor (a quantity, a rate).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the product does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Money;
    /// # use rust_decimal::Decimal;
    /// let unit: Money = "3.34 USD".parse()?;
    /// assert_eq!(unit.checked_mul(Decimal::from(3))?.to_string(), "10.02 USD");
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, MoneyError> {
        let amount = self
            .amount
            .checked_mul(factor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// The amount rounded to the currency's minor unit (two decimals for most)
    /// with the named strategy.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Money;
    /// use rust_decimal::RoundingStrategy;
    /// let m: Money = "1.005 USD".parse()?;
    /// assert_eq!(m.round(RoundingStrategy::MidpointNearestEven).to_string(), "1.00 USD");
    /// assert_eq!(m.round(RoundingStrategy::MidpointAwayFromZero).to_string(), "1.01 USD");
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn round(self, strategy: RoundingStrategy) -> Money {
        let dp = u32::from(self.currency.exponent().unwrap_or(2));
        self.round_dp(dp, strategy)
    }

    /// The amount rounded to `dp` decimal places with the named strategy.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Money;
    /// use rust_decimal::RoundingStrategy;
    /// let m: Money = "2.5 USD".parse()?;
    /// assert_eq!(m.round_dp(0, RoundingStrategy::MidpointNearestEven).to_string(), "2 USD");
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn round_dp(self, dp: u32, strategy: RoundingStrategy) -> Money {
        Money::new(
            self.amount.round_dp_with_strategy(dp, strategy),
            self.currency,
        )
    }

    /// This amount in another currency, with a rate from `rates`. The result is
    /// not rounded: round it once, where the rule that uses it says how.
    ///
    /// # Errors
    ///
    /// [`MoneyError::MissingRate`] when `rates` has no rate between the two
    /// currencies, [`MoneyError::Overflow`] when the result does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, ExchangeRates, Money};
    /// use rust_decimal::Decimal;
    ///
    /// let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))?;
    /// let cny: Money = "72 CNY".parse()?;
    /// assert_eq!(cny.convert(Currency::USD, &rates)?.amount(), Decimal::TEN);
    /// assert!(cny.convert(Currency::EUR, &rates).is_err());
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn convert(self, to: Currency, rates: &ExchangeRates) -> Result<Money, MoneyError> {
        if self.currency == to {
            return Ok(self);
        }
        let amount = rates.apply(self.amount, self.currency, to)?;
        Ok(Money::new(amount, to))
    }
}

impl PartialOrd for Money {
    /// Amounts compare only within one currency; different currencies are
    /// unordered (`None`).
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if self.currency == other.currency {
            Some(self.amount.cmp(&other.amount))
        } else {
            None
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency.code())
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MoneyError::Parse(s.to_owned());
        let mut parts = s.split_whitespace();
        let (a, b) = match (parts.next(), parts.next(), parts.next()) {
            (Some(a), Some(b), None) => (a, b),
            _ => return Err(err()),
        };
        let (amount, code) = if a.starts_with(|c: char| c.is_ascii_alphabetic()) {
            (b, a)
        } else {
            (a, b)
        };
        let currency = parse_currency(code).map_err(|_| err())?;
        let amount = crate::number::parse_decimal(amount).map_err(|_| err())?;
        Ok(Money::new(amount, currency))
    }
}

crate::macros::serde_via_str!(Money);

/// Exchange rates the caller supplies (the crate does no I/O and never guesses
/// a rate).
///
/// A rate from `A` to `B` is how many `B` one `A` buys. Converting from `B`
/// to `A` when only `A`→`B` is known divides by that rate (28 significant
/// digits); a pair with neither direction is [`MoneyError::MissingRate`].
/// Serializes as a list of `{"from", "to", "rate"}` objects.
///
/// # Example
///
/// ```
/// use crossborder::{Currency, ExchangeRates};
/// use rust_decimal::Decimal;
///
/// let rates = ExchangeRates::new()
///     .with_rate(Currency::USD, Currency::CNY, Decimal::new(71, 1))?
///     .with_rate(Currency::EUR, Currency::CNY, Decimal::new(78, 1))?;
/// assert_eq!(rates.rate(Currency::USD, Currency::CNY), Some(Decimal::new(71, 1)));
/// assert_eq!(rates.rate(Currency::USD, Currency::EUR), None);
/// # Ok::<(), crossborder::MoneyError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExchangeRates {
    rates: BTreeMap<(Currency, Currency), Decimal>,
}

impl ExchangeRates {
    /// No rates at all.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::ExchangeRates::new().is_empty());
    /// ```
    pub fn new() -> Self {
        ExchangeRates::default()
    }

    /// These rates with one more (replacing an earlier rate for the same pair).
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidRate`] when the rate is not positive.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, ExchangeRates};
    /// use rust_decimal::Decimal;
    /// assert!(ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::ZERO).is_err());
    /// ```
    pub fn with_rate(
        mut self,
        from: Currency,
        to: Currency,
        rate: Decimal,
    ) -> Result<Self, MoneyError> {
        self.insert(from, to, rate)?;
        Ok(self)
    }

    /// Adds or replaces one rate in place.
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidRate`] when the rate is not positive.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, ExchangeRates};
    /// use rust_decimal::Decimal;
    /// let mut r = ExchangeRates::new();
    /// r.insert(Currency::HKD, Currency::CNY, Decimal::new(92, 2))?;
    /// assert_eq!(r.len(), 1);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn insert(
        &mut self,
        from: Currency,
        to: Currency,
        rate: Decimal,
    ) -> Result<(), MoneyError> {
        if rate <= Decimal::ZERO {
            return Err(MoneyError::InvalidRate {
                from: from.code(),
                to: to.code(),
                rate,
            });
        }
        self.rates.insert((from, to), rate);
        Ok(())
    }

    /// The rate given for `from`→`to`, if any (the inverse is not consulted).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, ExchangeRates};
    /// assert_eq!(ExchangeRates::new().rate(Currency::USD, Currency::CNY), None);
    /// ```
    pub fn rate(&self, from: Currency, to: Currency) -> Option<Decimal> {
        self.rates.get(&(from, to)).copied()
    }

    /// How many rates there are.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::ExchangeRates::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.rates.len()
    }

    /// Whether there are no rates.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::ExchangeRates::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rates.is_empty()
    }

    /// Converts an amount, using the direct rate or dividing by the inverse.
    ///
    /// # Errors
    ///
    /// [`MoneyError::MissingRate`] or [`MoneyError::Overflow`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, ExchangeRates};
    /// use rust_decimal::Decimal;
    /// let r = ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::from(8))?;
    /// assert_eq!(r.apply(Decimal::from(2), Currency::USD, Currency::CNY)?, Decimal::from(16));
    /// assert_eq!(r.apply(Decimal::from(16), Currency::CNY, Currency::USD)?, Decimal::from(2));
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn apply(
        &self,
        amount: Decimal,
        from: Currency,
        to: Currency,
    ) -> Result<Decimal, MoneyError> {
        if from == to {
            return Ok(amount);
        }
        if let Some(rate) = self.rate(from, to) {
            return amount.checked_mul(rate).ok_or(MoneyError::Overflow);
        }
        if let Some(inverse) = self.rate(to, from) {
            return amount.checked_div(inverse).ok_or(MoneyError::Overflow);
        }
        Err(MoneyError::MissingRate {
            from: from.code(),
            to: to.code(),
        })
    }

    /// Every rate as `(from, to, rate)`, in a fixed order.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, ExchangeRates};
    /// use rust_decimal::Decimal;
    /// let r = ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::from(7))?;
    /// assert_eq!(r.iter().count(), 1);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (Currency, Currency, Decimal)> + '_ {
        self.rates.iter().map(|(&(f, t), &r)| (f, t, r))
    }
}

#[derive(Serialize)]
struct RateEntry {
    from: String,
    to: String,
    rate: String,
}

impl Serialize for ExchangeRates {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(|(f, t, rate)| RateEntry {
            from: f.code().to_owned(),
            to: t.code().to_owned(),
            rate: rate.to_string(),
        }))
    }
}

impl<'de> Deserialize<'de> for ExchangeRates {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let entries = Vec::<RateEntryIn>::deserialize(d)?;
        let mut rates = ExchangeRates::new();
        for e in entries {
            let from = parse_currency(&e.from).map_err(D::Error::custom)?;
            let to = parse_currency(&e.to).map_err(D::Error::custom)?;
            let rate = e.rate.decimal().map_err(D::Error::custom)?;
            rates.insert(from, to, rate).map_err(D::Error::custom)?;
        }
        Ok(rates)
    }
}

#[derive(Deserialize)]
struct RateEntryIn {
    from: String,
    to: String,
    rate: crate::number::Number,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_reads_rmb_and_any_case() {
        assert_eq!(parse_currency("RMB").unwrap(), Currency::CNY);
        assert_eq!(parse_currency(" rmb ").unwrap(), Currency::CNY);
        assert_eq!(parse_currency("cny").unwrap(), Currency::CNY);
        assert_eq!(parse_currency("Jpy").unwrap(), Currency::JPY);
        for bad in ["", "US", "USDX", "U$D", "元", "ZZZ"] {
            assert!(parse_currency(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn mismatched_currencies_never_add() {
        let a: Money = "1 CNY".parse().unwrap();
        let b: Money = "1 USD".parse().unwrap();
        assert_eq!(
            a.checked_add(b),
            Err(MoneyError::CurrencyMismatch {
                left: "CNY",
                right: "USD"
            })
        );
        assert_eq!(a.partial_cmp(&b), None);
    }

    #[test]
    fn overflow_is_an_error() {
        let max = Money::new(Decimal::MAX, Currency::USD);
        assert_eq!(max.checked_add(max), Err(MoneyError::Overflow));
        assert_eq!(max.checked_mul(Decimal::TWO), Err(MoneyError::Overflow));
    }

    #[test]
    fn text_round_trips_and_accepts_code_first() {
        let m: Money = "USD 19.99".parse().unwrap();
        assert_eq!(m.to_string(), "19.99 USD");
        assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
        assert!("19.99".parse::<Money>().is_err());
        assert!("19.99 USD extra".parse::<Money>().is_err());
        assert!("abc USD".parse::<Money>().is_err());
    }

    #[test]
    fn conversion_uses_supplied_rates_only() {
        let rates = ExchangeRates::new()
            .with_rate(Currency::USD, Currency::CNY, Decimal::new(725, 2))
            .unwrap();
        let usd: Money = "10 USD".parse().unwrap();
        assert_eq!(
            usd.convert(Currency::CNY, &rates).unwrap().amount(),
            Decimal::new(7250, 2)
        );
        assert_eq!(
            usd.convert(Currency::EUR, &rates),
            Err(MoneyError::MissingRate {
                from: "USD",
                to: "EUR"
            })
        );
    }

    #[test]
    fn rates_serde_round_trip() {
        let rates = ExchangeRates::new()
            .with_rate(Currency::USD, Currency::CNY, Decimal::new(725, 2))
            .unwrap();
        let json = serde_json::to_string(&rates).unwrap();
        assert_eq!(json, r#"[{"from":"USD","to":"CNY","rate":"7.25"}]"#);
        let back: ExchangeRates = serde_json::from_str(&json).unwrap();
        assert_eq!(back, rates);
        let from_number: ExchangeRates =
            serde_json::from_str(r#"[{"from":"RMB","to":"USD","rate":0.138}]"#).unwrap();
        assert_eq!(
            from_number.rate(Currency::CNY, Currency::USD),
            Some(Decimal::new(138, 3))
        );
    }
}
