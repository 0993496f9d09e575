//! What the caller knows about an order line that the customs API does not
//! say: [`LineFacts`].

use rust_decimal::Decimal;

use super::table::{Measure, Quantity, QuantityError};
use crate::Money;

/// Facts about one order line that the order does not carry, given by the
/// caller ([`crate::declaration::Context::with_line_facts`]):
///
/// - whether it is high-end (cosmetics, watches), which beats the price test
///   of the table's conditional rows (a sheet mask of ¥15 or more a piece is
///   high-end whatever its weight);
/// - the volume of one unit, for a specific consumption tax charged by
///   volume (spirits per 500 ml, beer per 988 l);
/// - for personal postal articles, the dutiable price of one unit from the
///   GAC table of dutiable prices (完税价格表), where the article is listed;
/// - the MFN duty rate of the line, for full rates;
/// - attributes that conditional rows name (`television_camera`).
///
/// # Example
///
/// ```
/// use crossborder::tax::LineFacts;
/// use rust_decimal::Decimal;
/// let facts = LineFacts::new()
///     .with_high_end(true)
///     .with_volume("700 ml".parse()?)?
///     .with_duty_rate(Decimal::new(5, 2))
///     .with_attribute("television_camera");
/// assert_eq!(facts.high_end(), Some(true));
/// assert_eq!(facts.volume().map(|v| v.to_string()).as_deref(), Some("700 ml"));
/// assert!(facts.has_attribute("television_camera"));
/// assert!(LineFacts::new().with_volume("1 kg".parse()?).is_err()); // a mass, not a volume
/// # Ok::<(), crossborder::tax::QuantityError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineFacts {
    high_end: Option<bool>,
    volume: Option<Quantity>,
    dutiable_price: Option<Money>,
    duty_rate: Option<Decimal>,
    attributes: Vec<String>,
}

impl LineFacts {
    /// No facts.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::tax::LineFacts::new().high_end(), None);
    /// ```
    pub fn new() -> LineFacts {
        LineFacts::default()
    }

    /// The caller's word on whether the line is high-end.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// assert_eq!(LineFacts::new().with_high_end(false).high_end(), Some(false));
    /// ```
    #[must_use]
    pub fn with_high_end(mut self, high_end: bool) -> LineFacts {
        self.high_end = Some(high_end);
        self
    }

    /// The volume of one unit.
    ///
    /// # Errors
    ///
    /// [`QuantityError`] when the quantity is not a volume (ml, l).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// let f = LineFacts::new().with_volume("0.75 l".parse()?)?;
    /// assert!(f.volume().is_some());
    /// # Ok::<(), crossborder::tax::QuantityError>(())
    /// ```
    pub fn with_volume(mut self, volume: Quantity) -> Result<LineFacts, QuantityError> {
        if volume.unit().measure() != Measure::Volume {
            return Err(QuantityError(volume.to_string()));
        }
        self.volume = Some(volume);
        Ok(self)
    }

    /// The dutiable price of one unit in the GAC table (personal articles).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// let f = LineFacts::new().with_dutiable_price("300 CNY".parse()?);
    /// assert_eq!(f.dutiable_price().map(|m| m.to_string()).as_deref(), Some("300 CNY"));
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn with_dutiable_price(mut self, price: Money) -> LineFacts {
        self.dutiable_price = Some(price);
        self
    }

    /// The MFN duty rate of this line (a fraction), beating the table's and
    /// the context's.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// use rust_decimal::Decimal;
    /// assert_eq!(LineFacts::new().with_duty_rate(Decimal::ZERO).duty_rate(), Some(Decimal::ZERO));
    /// ```
    #[must_use]
    pub fn with_duty_rate(mut self, rate: Decimal) -> LineFacts {
        self.duty_rate = Some(rate);
        self
    }

    /// An attribute that conditional rows may name.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// assert!(!LineFacts::new().with_attribute("a").has_attribute("b"));
    /// ```
    #[must_use]
    pub fn with_attribute(mut self, attribute: impl Into<String>) -> LineFacts {
        self.attributes.push(attribute.into());
        self
    }

    /// The caller's word on whether the line is high-end.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// assert_eq!(LineFacts::new().high_end(), None);
    /// assert_eq!(LineFacts::new().with_high_end(true).high_end(), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn high_end(&self) -> Option<bool> {
        self.high_end
    }

    /// The volume of one unit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// let f = LineFacts::new().with_volume("700 ml".parse()?)?;
    /// assert_eq!(f.volume().map(|v| v.to_string()).as_deref(), Some("700 ml"));
    /// # Ok::<(), crossborder::tax::QuantityError>(())
    /// ```
    pub fn volume(&self) -> Option<Quantity> {
        self.volume
    }

    /// The GAC table's dutiable price of one unit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// assert_eq!(LineFacts::new().dutiable_price(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dutiable_price(&self) -> Option<Money> {
        self.dutiable_price
    }

    /// The line's MFN duty rate.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// use rust_decimal::Decimal;
    /// assert_eq!(LineFacts::new().with_duty_rate(Decimal::new(8, 2)).duty_rate(), Some(Decimal::new(8, 2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn duty_rate(&self) -> Option<Decimal> {
        self.duty_rate
    }

    /// Whether the caller gave the line this attribute.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::LineFacts;
    /// assert!(LineFacts::new().with_attribute("television_camera").has_attribute("television_camera"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn has_attribute(&self, attribute: &str) -> bool {
        self.attributes.iter().any(|a| a == attribute)
    }
}
