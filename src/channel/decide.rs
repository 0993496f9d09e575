//! The decision: which A-Super channel a shipping order must use, and why.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::model::{Program, ShippingOrder, WishPostOrder};
use crate::macros::closed_enum;
use crate::{
    Code, Currency, ExchangeRates, Language, Loc, Money, MoneyError, Report, Severity, Violation,
};

/// The threshold: an order worth this much or more in USD (its exact value
/// when every amount is in USD; its value rounded to cents when an amount had
/// to be converted) forces STANDARD. Exactly $10.00 counts as "$10 or more".
///
/// # Example
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(crossborder::channel::THRESHOLD_USD, Decimal::new(1000, 2));
/// ```
pub const THRESHOLD_USD: Decimal = Decimal::from_parts(1000, 0, 0, false, 2);

/// The one rounding step, part of currency conversion: when any amount an
/// order's formula adds is in a currency other than USD, the order's USD
/// value (the converted amounts added and multiplied by the quantity, all
/// exactly) is rounded once to cents with this strategy (commercial rounding,
/// half away from zero) before it is compared with [`THRESHOLD_USD`]. An
/// order whose amounts are all in USD is never rounded: its exact value is
/// compared. See the [module docs](super) for why.
///
/// # Example
///
/// ```
/// use rust_decimal::Decimal;
/// use crossborder::channel::VALUE_ROUNDING;
///
/// // 71.99 CNY at 7.2 CNY per USD = $9.99861...: shown and compared as $10.00.
/// let converted = Decimal::new(7199, 2) / Decimal::new(72, 1);
/// assert_eq!(converted.round_dp_with_strategy(2, VALUE_ROUNDING), Decimal::TEN);
/// ```
pub const VALUE_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

closed_enum! {
    /// A WishPost A-Super logistics channel, written as its `otype` code.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::WishPostChannel;
    ///
    /// let c: WishPostChannel = "5001-1".parse()?;
    /// assert_eq!(c, WishPostChannel::Economy);
    /// assert_eq!(c.name(), "A-Super ECONOMY");
    /// assert_eq!(c.name_zh(), "安速派经济");
    /// assert_eq!(WishPostChannel::Standard.to_string(), "5002-1");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum WishPostChannel("wishpost channel" in "channel::") {
        /// A-Super ECONOMY (安速派经济), `otype 5001-1`.
        Economy = "5001-1" | "economy" | "A-Super ECONOMY",
        /// A-Super STANDARD (安速派标准), `otype 5002-1`.
        Standard = "5002-1" | "standard" | "A-Super STANDARD",
    }
}

impl WishPostChannel {
    /// The WishPost `otype` code: `5001-1` or `5002-1`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::channel::WishPostChannel::Standard.code(), "5002-1");
    /// ```
    pub const fn code(self) -> &'static str {
        self.as_str()
    }

    /// The English name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::channel::WishPostChannel::Standard.name(), "A-Super STANDARD");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            WishPostChannel::Economy => "A-Super ECONOMY",
            WishPostChannel::Standard => "A-Super STANDARD",
        }
    }

    /// The Chinese name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::channel::WishPostChannel::Standard.name_zh(), "安速派标准");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            WishPostChannel::Economy => "安速派经济",
            WishPostChannel::Standard => "安速派标准",
        }
    }
}

closed_enum! {
    /// What the rule requires of a shipping order: one cell of the table.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{ChannelRequirement, WishPostChannel};
    ///
    /// assert!(ChannelRequirement::MustEconomy.allows(WishPostChannel::Economy));
    /// assert!(!ChannelRequirement::MustStandard.allows(WishPostChannel::Economy));
    /// assert!(ChannelRequirement::MerchantChoice.allows(WishPostChannel::Standard));
    /// assert_eq!("must_standard".parse::<ChannelRequirement>()?, ChannelRequirement::MustStandard);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum ChannelRequirement("channel requirement" in "channel::") {
        /// Must use A-Super ECONOMY (`5001-1`).
        MustEconomy = "must_economy",
        /// Must use A-Super STANDARD (`5002-1`).
        MustStandard = "must_standard",
        /// The merchant may choose A-Super ECONOMY or STANDARD.
        MerchantChoice = "merchant_choice",
        /// Not governed by the rule: any WishPost channel.
        AnyChannel = "any_channel",
    }
}

/// The WishPost channels a [`ChannelRequirement`] allows: exactly some
/// A-Super channels, or any WishPost channel at all.
///
/// Serializes as the list of A-Super channels (`[{"code": "5001-1", "name":
/// "A-Super ECONOMY", "nameZh": "安速派经济"}, ...]`) or as the string
/// `"any"`.
///
/// # Example
///
/// ```
/// use crossborder::channel::{AllowedChannels, ChannelRequirement, WishPostChannel};
///
/// let choice = ChannelRequirement::MerchantChoice.channels();
/// assert_eq!(choice.a_super(), Some(&[WishPostChannel::Economy, WishPostChannel::Standard][..]));
/// let any = ChannelRequirement::AnyChannel.channels();
/// assert_eq!(any, AllowedChannels::Any);
/// assert_eq!(any.a_super(), None); // not a choice between the two A-Super channels
/// assert_eq!(serde_json::to_string(&any)?, r#""any""#);
/// assert_eq!(
///     serde_json::to_string(&ChannelRequirement::MustEconomy.channels())?,
///     r#"[{"code":"5001-1","name":"A-Super ECONOMY","nameZh":"安速派经济"}]"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AllowedChannels {
    /// Exactly these A-Super channels: one when it is required, both when
    /// the merchant may choose.
    Only(&'static [WishPostChannel]),
    /// Any WishPost channel: the A-Super rule does not govern the shipping
    /// order. WishPost offers more channels than the two A-Super ones; the
    /// crate does not list them.
    Any,
}

impl AllowedChannels {
    /// The A-Super channels to choose from; `None` for
    /// [`AllowedChannels::Any`], which is not limited to them.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{ChannelRequirement, WishPostChannel};
    /// assert_eq!(ChannelRequirement::MustStandard.channels().a_super(), Some(&[WishPostChannel::Standard][..]));
    /// ```
    pub const fn a_super(self) -> Option<&'static [WishPostChannel]> {
        match self {
            AllowedChannels::Only(c) => Some(c),
            AllowedChannels::Any => None,
        }
    }

    /// Whether any WishPost channel may be used.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::ChannelRequirement;
    /// assert!(ChannelRequirement::AnyChannel.channels().is_any());
    /// assert!(!ChannelRequirement::MerchantChoice.channels().is_any());
    /// ```
    pub const fn is_any(self) -> bool {
        matches!(self, AllowedChannels::Any)
    }
}

impl Serialize for AllowedChannels {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AllowedChannels::Any => s.serialize_str("any"),
            AllowedChannels::Only(channels) => s.collect_seq(channels.iter().map(|c| ChannelOut {
                code: c.code(),
                name: c.name(),
                name_zh: c.name_zh(),
            })),
        }
    }
}

impl ChannelRequirement {
    /// The channels allowed: the A-Super channel that must be used, both
    /// A-Super channels for the merchant's choice, or
    /// [`AllowedChannels::Any`] for [`ChannelRequirement::AnyChannel`] (any
    /// WishPost channel, not a choice between the two A-Super ones).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{AllowedChannels, ChannelRequirement, WishPostChannel};
    /// assert_eq!(ChannelRequirement::MustStandard.channels(), AllowedChannels::Only(&[WishPostChannel::Standard]));
    /// assert_eq!(ChannelRequirement::AnyChannel.channels(), AllowedChannels::Any);
    /// ```
    pub const fn channels(self) -> AllowedChannels {
        match self {
            ChannelRequirement::MustEconomy => AllowedChannels::Only(&[WishPostChannel::Economy]),
            ChannelRequirement::MustStandard => AllowedChannels::Only(&[WishPostChannel::Standard]),
            ChannelRequirement::MerchantChoice => {
                AllowedChannels::Only(&[WishPostChannel::Economy, WishPostChannel::Standard])
            }
            ChannelRequirement::AnyChannel => AllowedChannels::Any,
        }
    }

    /// Whether the channel may be used.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{ChannelRequirement, WishPostChannel};
    /// assert!(ChannelRequirement::AnyChannel.allows(WishPostChannel::Economy));
    /// ```
    pub const fn allows(self, channel: WishPostChannel) -> bool {
        match self {
            ChannelRequirement::MustEconomy => matches!(channel, WishPostChannel::Economy),
            ChannelRequirement::MustStandard => matches!(channel, WishPostChannel::Standard),
            ChannelRequirement::MerchantChoice | ChannelRequirement::AnyChannel => true,
        }
    }

    /// Whether the shipping order may ship A-Super ECONOMY (everything but
    /// [`ChannelRequirement::MustStandard`]). The planner's measure of
    /// "better".
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::ChannelRequirement;
    /// assert!(!ChannelRequirement::MustStandard.allows_economy());
    /// ```
    pub const fn allows_economy(self) -> bool {
        !matches!(self, ChannelRequirement::MustStandard)
    }
}

closed_enum! {
    /// The row of the rule table a shipping order falls in.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::RuleRow;
    /// assert_eq!(RuleRow::NotGoverned.to_string(), "not_governed");
    /// ```
    pub enum RuleRow("rule row" in "channel::") {
        /// At least one UI order with an effective First-Mile price.
        UnificationInitiative = "unification_initiative",
        /// A+ orders (a UI order with a pending price counts as one), none UI.
        AdvancedLogistics = "advanced_logistics",
        /// No A+ order at all ("optional A+").
        NotGoverned = "not_governed",
    }
}

closed_enum! {
    /// Which formula computed an order's value.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::ValueFormula;
    /// assert_eq!(ValueFormula::Merchant.to_string(), "merchant");
    /// ```
    pub enum ValueFormula("value formula" in "channel::") {
        /// `(merchant price + First-Mile Shipping Price + estimated WishPost shipping) x quantity`:
        /// a UI order whose First-Mile price is effective.
        UnificationInitiative = "unification_initiative",
        /// `(merchant price + merchant shipping) x quantity`: every other order.
        Merchant = "merchant",
    }
}

impl ValueFormula {
    fn text(self, language: Language) -> &'static str {
        match (self, language) {
            (ValueFormula::UnificationInitiative, Language::Chinese) => {
                "(商户价格 + 首程运费 + WishPost 预估运费) x 数量"
            }
            (ValueFormula::Merchant, Language::Chinese) => "(商户价格 + 商户运费) x 数量",
            (ValueFormula::UnificationInitiative, _) => {
                "(merchant price + First-Mile + est. WishPost shipping) x quantity"
            }
            (ValueFormula::Merchant, _) => "(merchant price + merchant shipping) x quantity",
        }
    }
}

closed_enum! {
    /// Whether a First-Mile Shipping Price is in force on the as-of date.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::FirstMileStatus;
    /// assert_eq!("pending".parse::<FirstMileStatus>()?, FirstMileStatus::Pending);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum FirstMileStatus("first-mile status" in "channel::") {
        /// Set less than seven calendar days ago (counting the day it was set).
        Pending = "pending",
        /// In force.
        Effective = "effective",
    }
}

/// How an order counts for the row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Class {
    /// A UI order with an effective First-Mile price.
    Ui,
    /// An A+ order, or a UI order whose price is pending.
    APlus,
    /// An optional A+ order.
    Optional,
}

/// An order's classification and USD value on a date.
#[derive(Clone, Copy, Debug)]
pub(super) struct Valued {
    pub(super) class: Class,
    pub(super) formula: ValueFormula,
    pub(super) first_mile: Option<FirstMileStatus>,
    /// Whether an amount the formula adds had to be converted to USD.
    pub(super) converted: bool,
    /// Exact when nothing was converted; else rounded to cents with
    /// [`VALUE_ROUNDING`].
    pub(super) usd: Decimal,
}

impl Valued {
    /// A placeholder that is never read for a real order.
    pub(super) const ZERO: Valued = Valued {
        class: Class::Optional,
        formula: ValueFormula::Merchant,
        first_mile: None,
        converted: false,
        usd: Decimal::ZERO,
    };

    pub(super) fn at_or_over(&self) -> bool {
        self.usd >= THRESHOLD_USD
    }
}

#[inline]
fn usd(m: Money, rates: &ExchangeRates) -> Result<Decimal, MoneyError> {
    if m.currency() == Currency::USD {
        Ok(m.amount())
    } else {
        rates.apply(m.amount(), m.currency(), Currency::USD)
    }
}

impl WishPostOrder {
    /// The formula, the class and the First-Mile status on `as_of`.
    #[inline]
    fn classify(&self, as_of: NaiveDate) -> (Class, ValueFormula, Option<FirstMileStatus>) {
        let status = self.first_mile.map(|f| f.status(as_of));
        match self.program {
            Program::UnificationInitiative if status == Some(FirstMileStatus::Effective) => {
                (Class::Ui, ValueFormula::UnificationInitiative, status)
            }
            Program::UnificationInitiative | Program::AdvancedLogistics => {
                (Class::APlus, ValueFormula::Merchant, status)
            }
            Program::OptionalAdvancedLogistics => (Class::Optional, ValueFormula::Merchant, status),
        }
    }

    /// The amounts the formula adds, with their JSON field paths.
    #[inline]
    fn components(&self, formula: ValueFormula) -> [(Money, &'static [&'static str]); 3] {
        match formula {
            ValueFormula::UnificationInitiative => [
                (self.merchant_price, &["merchantPrice"]),
                (
                    self.first_mile
                        .map_or(Money::zero(Currency::USD), |f| f.price()),
                    &["firstMile", "price"],
                ),
                (
                    self.estimated_wishpost_shipping
                        .unwrap_or(Money::zero(Currency::USD)),
                    &["estimatedWishpostShipping"],
                ),
            ],
            ValueFormula::Merchant => [
                (self.merchant_price, &["merchantPrice"]),
                (self.merchant_shipping, &["merchantShipping"]),
                (Money::zero(Currency::USD), &[]),
            ],
        }
    }

    /// Classifies and values the order; `None` when a rate is missing or the
    /// value overflows (then [`WishPostOrder::value_problems`] says which).
    #[inline]
    pub(super) fn valued(&self, as_of: NaiveDate, rates: &ExchangeRates) -> Option<Valued> {
        let (class, formula, first_mile) = self.classify(as_of);
        let mut sum = Decimal::ZERO;
        let mut converted = false;
        for (m, _) in self.components(formula) {
            let amount = if m.currency() == Currency::USD {
                m.amount()
            } else {
                converted = true;
                rates.apply(m.amount(), m.currency(), Currency::USD).ok()?
            };
            sum = sum.checked_add(amount)?;
        }
        let total = sum.checked_mul(Decimal::from(self.quantity.get()))?;
        // The one rounding step belongs to conversion: all-USD orders keep
        // their exact value ($9.999 is under $10); a converted order's value
        // is rounded once, to cents, here (cents or coarser need no work).
        let usd = if converted && total.scale() > 2 {
            total.round_dp_with_strategy(2, VALUE_ROUNDING)
        } else {
            total
        };
        Some(Valued {
            class,
            formula,
            first_mile,
            converted,
            usd,
        })
    }

    /// Reports every reason [`WishPostOrder::valued`] gave `None`, at `loc`.
    pub(super) fn value_problems(
        &self,
        as_of: NaiveDate,
        rates: &ExchangeRates,
        loc: &Loc<'_>,
        report: &mut Report,
    ) {
        let (_, formula, _) = self.classify(as_of);
        let mut rate_problem = false;
        for (m, path) in self.components(formula) {
            if usd(m, rates).is_ok() {
                continue;
            }
            rate_problem = true;
            let mut p = loc.pointer();
            for f in path {
                p.push_field(f);
            }
            let code = m.currency().code();
            report.push(
                Violation::new(
                    Code::CHANNEL_RATE_MISSING,
                    Severity::Error,
                    p,
                    format!("no exchange rate from {code} to USD was supplied: the rule compares values in USD"),
                    format!("未提供 {code} 兑美元的汇率：渠道规则按美元比较订单价值"),
                )
                .with_value(m.to_string()),
            );
        }
        if !rate_problem && self.valued(as_of, rates).is_none() {
            report.push(Violation::new(
                Code::CHANNEL_AMOUNT_OVERFLOW,
                Severity::Error,
                loc.pointer(),
                format!(
                    "the value of order {:?} is too large to compute exactly",
                    crate::echo(&self.id)
                ),
                format!(
                    "订单 \"{}\" 的价值过大，无法精确计算",
                    crate::echo(&self.id)
                ),
            ));
        }
    }
}

/// The row and the requirement for a set of classified orders: the table.
#[inline]
pub(super) fn table(
    any_ui: bool,
    any_a_plus: bool,
    any_over: bool,
) -> (RuleRow, ChannelRequirement) {
    match (any_ui, any_a_plus, any_over) {
        (true, _, false) => (
            RuleRow::UnificationInitiative,
            ChannelRequirement::MustEconomy,
        ),
        (true, _, true) => (
            RuleRow::UnificationInitiative,
            ChannelRequirement::MustStandard,
        ),
        (false, true, false) => (
            RuleRow::AdvancedLogistics,
            ChannelRequirement::MerchantChoice,
        ),
        (false, true, true) => (RuleRow::AdvancedLogistics, ChannelRequirement::MustStandard),
        (false, false, _) => (RuleRow::NotGoverned, ChannelRequirement::AnyChannel),
    }
}

/// Folds classified orders into the table's inputs.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tally {
    pub(super) any_ui: bool,
    pub(super) any_a_plus: bool,
    pub(super) any_over: bool,
}

impl Tally {
    #[inline]
    pub(super) fn add(&mut self, v: &Valued) {
        match v.class {
            Class::Ui => self.any_ui = true,
            Class::APlus => self.any_a_plus = true,
            Class::Optional => {}
        }
        self.any_over |= v.at_or_over();
    }

    #[inline]
    pub(super) fn outcome(self) -> (RuleRow, ChannelRequirement) {
        table(self.any_ui, self.any_a_plus, self.any_over)
    }
}

impl ShippingOrder {
    /// The requirement alone, without the per-order reasons: the fast path.
    ///
    /// Allocates nothing unless there is a problem to report; amounts already
    /// in USD are not converted (no rate is looked up).
    ///
    /// # Errors
    ///
    /// A [`Report`] when an amount's currency has no rate to USD in `rates`
    /// (`channel.rate_missing`, at the amount's path such as
    /// `/orders/2/merchantPrice`) or a value overflows
    /// (`channel.amount_overflow`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{ChannelRequirement, Program, WishPostOrder};
    /// use crossborder::{ExchangeRates, ShippingOrder};
    /// use chrono::NaiveDate;
    ///
    /// let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    ///     .quantity(3).merchant_price("3.34 USD".parse()?).merchant_shipping("0 USD".parse()?).build()?;
    /// let s = ShippingOrder::new(vec![o])?;
    /// let req = s.requirement(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(req, ChannelRequirement::MustStandard); // 3 x 3.34 = 10.02
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn requirement(
        &self,
        as_of: NaiveDate,
        rates: &ExchangeRates,
    ) -> Result<ChannelRequirement, Report> {
        let mut tally = Tally::default();
        for o in &self.orders {
            match o.valued(as_of, rates) {
                Some(v) => tally.add(&v),
                None => return Err(self.problems(as_of, rates)),
            }
        }
        Ok(tally.outcome().1)
    }

    /// The full decision: the requirement, the row of the table, every
    /// order's USD value and formula, and the order that forced STANDARD.
    ///
    /// # Errors
    ///
    /// As [`ShippingOrder::requirement`]: every missing rate at once.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{ChannelRequirement, Program, RuleRow, WishPostOrder};
    /// use crossborder::{Currency, ExchangeRates, ShippingOrder};
    /// use chrono::NaiveDate;
    /// use rust_decimal::Decimal;
    ///
    /// let cny = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "buyer", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 CNY".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![cny("1", "36 CNY")?, cny("2", "72 CNY")?])?;
    /// let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))?;
    /// let d = s.decide(NaiveDate::MIN, &rates)?;
    /// assert_eq!(d.requirement(), ChannelRequirement::MustStandard);
    /// assert_eq!(d.rule(), RuleRow::AdvancedLogistics);
    /// assert_eq!(d.forced_by(), Some("2"));
    /// assert_eq!(d.orders()[0].usd().to_string(), "5.00");
    /// assert_eq!(d.orders()[1].usd().to_string(), "10.00");
    /// assert_eq!(d.split_candidates().collect::<Vec<_>>(), ["1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide(
        &self,
        as_of: NaiveDate,
        rates: &ExchangeRates,
    ) -> Result<ChannelDecision, Report> {
        let mut valued = Vec::with_capacity(self.orders.len());
        for o in &self.orders {
            match o.valued(as_of, rates) {
                Some(v) => valued.push(v),
                None => return Err(self.problems(as_of, rates)),
            }
        }
        Ok(ChannelDecision::from_valued(
            as_of,
            self.orders.iter().zip(valued),
        ))
    }

    fn problems(&self, as_of: NaiveDate, rates: &ExchangeRates) -> Report {
        let mut report = Report::new();
        let root = Loc::ROOT;
        let orders = root.field("orders");
        for (i, o) in self.orders.iter().enumerate() {
            o.value_problems(as_of, rates, &orders.index(i), &mut report);
        }
        report
    }
}

/// One order's part in a decision: its value in USD and how it was computed.
///
/// # Example
///
/// ```
/// use crossborder::channel::{Program, ValueFormula, WishPostOrder};
/// use crossborder::{ExchangeRates, ShippingOrder};
/// use chrono::NaiveDate;
///
/// let o = WishPostOrder::builder("7", "c", Program::AdvancedLogistics)
///     .quantity(2).merchant_price("4 USD".parse()?).merchant_shipping("0.5 USD".parse()?).build()?;
/// let d = ShippingOrder::new(vec![o])?.decide(NaiveDate::MIN, &ExchangeRates::new())?;
/// let v = &d.orders()[0];
/// assert_eq!((v.order_id(), v.usd().to_string().as_str()), ("7", "9.00"));
/// assert_eq!(v.formula(), ValueFormula::Merchant);
/// assert!(!v.at_or_over_threshold());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderValue {
    order_id: String,
    program: Program,
    formula: ValueFormula,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_mile: Option<FirstMileStatus>,
    usd: Decimal,
    #[serde(default)]
    converted: bool,
    at_or_over_threshold: bool,
}

impl OrderValue {
    /// The order id.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let o = WishPostOrder::builder("7", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("4 USD".parse()?).merchant_shipping("0.5 USD".parse()?).build()?;
    /// let d = ShippingOrder::new(vec![o])?.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(d.orders()[0].order_id(), "7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn order_id(&self) -> &str {
        &self.order_id
    }

    /// The order's program.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let o = WishPostOrder::builder("7", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("4 USD".parse()?).merchant_shipping("0.5 USD".parse()?).build()?;
    /// let d = ShippingOrder::new(vec![o])?.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(d.orders()[0].program(), Program::AdvancedLogistics);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn program(&self) -> Program {
        self.program
    }

    /// The formula that computed the value.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, ValueFormula, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let o = WishPostOrder::builder("7", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("4 USD".parse()?).merchant_shipping("0.5 USD".parse()?).build()?;
    /// let d = ShippingOrder::new(vec![o])?.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(d.orders()[0].formula(), ValueFormula::Merchant); // (4 + 0.5) x 2
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn formula(&self) -> ValueFormula {
        self.formula
    }

    /// The First-Mile price's status on the as-of date, when the order has one.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{FirstMileStatus, Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let set_on = NaiveDate::from_ymd_opt(2026, 11, 1).ok_or("date")?;
    /// let o = WishPostOrder::builder("8", "c", Program::UnificationInitiative)
    ///     .quantity(1).merchant_price("2 USD".parse()?).merchant_shipping("0 USD".parse()?)
    ///     .first_mile("1 USD".parse()?, set_on).estimated_wishpost_shipping("1 USD".parse()?).build()?;
    /// let s = ShippingOrder::new(vec![o])?;
    /// let on = |d| NaiveDate::from_ymd_opt(2026, 11, d).ok_or("date");
    /// assert_eq!(s.decide(on(7)?, &ExchangeRates::new())?.orders()[0].first_mile(), Some(FirstMileStatus::Pending));
    /// assert_eq!(s.decide(on(8)?, &ExchangeRates::new())?.orders()[0].first_mile(), Some(FirstMileStatus::Effective));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn first_mile(&self) -> Option<FirstMileStatus> {
        self.first_mile
    }

    /// The value in USD that was compared with [`THRESHOLD_USD`], written
    /// with at least two decimals: the exact value when every amount is in
    /// USD (`9.999` stays `9.999`), the value rounded once to cents with
    /// [`VALUE_ROUNDING`] when an amount was converted (see
    /// [`OrderValue::converted`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let o = WishPostOrder::builder("7", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("4 USD".parse()?).merchant_shipping("0.5 USD".parse()?).build()?;
    /// let d = ShippingOrder::new(vec![o])?.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(d.orders()[0].usd().to_string(), "9.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn usd(&self) -> Decimal {
        self.usd
    }

    /// Whether an amount the order's formula adds is in a currency other than
    /// USD, so that the value was converted and rounded once to cents.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{Program, WishPostOrder};
    /// use crossborder::{Currency, ExchangeRates, ShippingOrder};
    /// use chrono::NaiveDate;
    /// use rust_decimal::Decimal;
    ///
    /// let order = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "c", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![order("usd", "9.999 USD")?, order("cny", "71.99 CNY")?])?;
    /// let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))?;
    /// let d = s.decide(NaiveDate::MIN, &rates)?;
    /// assert!(!d.orders()[0].converted());
    /// assert_eq!(d.orders()[0].usd().to_string(), "9.999"); // exact: under $10
    /// assert!(d.orders()[1].converted());
    /// assert_eq!(d.orders()[1].usd().to_string(), "10.00"); // $9.99861... rounded once
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn converted(&self) -> bool {
        self.converted
    }

    /// Whether the value is $10.00 or more.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let o = WishPostOrder::builder("7", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("4 USD".parse()?).merchant_shipping("0.5 USD".parse()?).build()?;
    /// let d = ShippingOrder::new(vec![o])?.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert!(!d.orders()[0].at_or_over_threshold()); // $9.00
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn at_or_over_threshold(&self) -> bool {
        self.at_or_over_threshold
    }
}

/// Which channel a shipping order must use on a date, and why.
///
/// Serializes as an object with the requirement, its `channels` (the A-Super
/// channels with code and names, or `"any"`; see [`AllowedChannels`]), the
/// rule row, the as-of date, every order's value, the
/// order that forced STANDARD, the orders a split would move to ECONOMY, and
/// the `reason` in English and Chinese (the `channels` and `reason` members
/// are derived and ignored when read back).
///
/// # Example
///
/// ```
/// use crossborder::channel::{Program, WishPostOrder};
/// use crossborder::{ExchangeRates, Language, ShippingOrder};
/// use chrono::NaiveDate;
///
/// let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
///     .quantity(1).merchant_price("9.99 USD".parse()?).merchant_shipping("0 USD".parse()?).build()?;
/// let d = ShippingOrder::new(vec![o])?.decide(NaiveDate::MIN, &ExchangeRates::new())?;
/// assert!(d.reason(Language::English).starts_with("merchant's choice"));
/// let json = serde_json::to_value(&d)?;
/// assert_eq!(json["requirement"], "merchant_choice");
/// assert_eq!(json["channels"][0]["code"], "5001-1");
/// assert_eq!(json["orders"][0]["usd"], "9.99");
/// let back: crossborder::ChannelDecision = serde_json::from_value(json)?;
/// assert_eq!(back, d);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelDecision {
    requirement: ChannelRequirement,
    rule: RuleRow,
    as_of: NaiveDate,
    orders: Vec<OrderValue>,
    #[serde(default)]
    forced_by: Option<String>,
}

impl ChannelDecision {
    pub(super) fn from_valued<'a>(
        as_of: NaiveDate,
        valued: impl Iterator<Item = (&'a WishPostOrder, Valued)>,
    ) -> Self {
        let mut tally = Tally::default();
        let mut orders = Vec::with_capacity(valued.size_hint().0);
        for (o, v) in valued {
            tally.add(&v);
            let mut usd = v.usd;
            if usd.scale() < 2 {
                usd.rescale(2);
            }
            orders.push(OrderValue {
                order_id: o.id.clone(),
                program: o.program,
                formula: v.formula,
                first_mile: v.first_mile,
                usd,
                converted: v.converted,
                at_or_over_threshold: v.at_or_over(),
            });
        }
        let (rule, requirement) = tally.outcome();
        let forced_by = if requirement == ChannelRequirement::MustStandard {
            orders
                .iter()
                .filter(|v| v.at_or_over_threshold)
                .max_by(|a, b| a.usd.cmp(&b.usd).then_with(|| b.order_id.cmp(&a.order_id)))
                .map(|v| v.order_id.clone())
        } else {
            None
        };
        ChannelDecision {
            requirement,
            rule,
            as_of,
            orders,
            forced_by,
        }
    }

    /// What the rule requires.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{ChannelRequirement, Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "c", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![order("1", "4 USD")?, order("2", "12 USD")?])?;
    /// let d = s.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(d.requirement(), ChannelRequirement::MustStandard); // order 2 is $12
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn requirement(&self) -> ChannelRequirement {
        self.requirement
    }

    /// The row of the table that applied.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, RuleRow, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "c", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![order("1", "4 USD")?, order("2", "12 USD")?])?;
    /// let d = s.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(d.rule(), RuleRow::AdvancedLogistics);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rule(&self) -> RuleRow {
        self.rule
    }

    /// The date the decision was made for.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "c", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![order("1", "4 USD")?, order("2", "12 USD")?])?;
    /// let d = s.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(d.as_of(), NaiveDate::MIN);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Every order's value, in the shipping order's order.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "c", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![order("1", "4 USD")?, order("2", "12 USD")?])?;
    /// let d = s.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// let ids: Vec<&str> = d.orders().iter().map(|v| v.order_id()).collect();
    /// assert_eq!(ids, ["1", "2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn orders(&self) -> &[OrderValue] {
        &self.orders
    }

    /// The order that forced STANDARD: the most valuable order worth $10.00
    /// or more (the smallest id among equals, so the answer does not depend on
    /// the order of orders). `None` unless the requirement is
    /// [`ChannelRequirement::MustStandard`].
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "c", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![order("1", "4 USD")?, order("2", "12 USD")?])?;
    /// let d = s.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert_eq!(d.forced_by(), Some("2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forced_by(&self) -> Option<&str> {
        self.forced_by.as_deref()
    }

    /// The orders worth less than $10.00 that STANDARD is forced on: moved to
    /// a shipping order of their own, they could use ECONOMY. Empty unless
    /// the requirement is [`ChannelRequirement::MustStandard`].
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "c", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![order("1", "4 USD")?, order("2", "12 USD")?])?;
    /// let d = s.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// // Order 1 ($4) could ship ECONOMY in a shipping order of its own.
    /// assert_eq!(d.split_candidates().collect::<Vec<_>>(), ["1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split_candidates(&self) -> impl Iterator<Item = &str> + '_ {
        let forced = self.requirement == ChannelRequirement::MustStandard;
        self.orders
            .iter()
            .filter(move |v| forced && !v.at_or_over_threshold)
            .map(|v| v.order_id.as_str())
    }

    /// Why, in words: the requirement, the row, the order that decided it,
    /// each order's value and formula, and the split that would help.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::{ExchangeRates, Language, ShippingOrder};
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, "c", Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let s = ShippingOrder::new(vec![order("1", "4 USD")?, order("2", "12 USD")?])?;
    /// let d = s.decide(NaiveDate::MIN, &ExchangeRates::new())?;
    /// assert!(d.reason(Language::English).starts_with("must use A-Super STANDARD (5002-1)"));
    /// assert!(d.reason(Language::Chinese).contains("拆分"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self, language: Language) -> String {
        let zh = matches!(language, Language::Chinese);
        let mut out = String::new();
        let forced = self
            .forced_by
            .as_deref()
            .and_then(|id| self.orders.iter().find(|v| v.order_id == id));
        let _ = match (self.rule, self.requirement, zh) {
            (RuleRow::UnificationInitiative, ChannelRequirement::MustEconomy, false) => write!(
                out,
                "must use A-Super ECONOMY (5001-1): the shipping order holds a Unification Initiative order with an effective First-Mile price and every order is worth less than $10.00"
            ),
            (RuleRow::UnificationInitiative, ChannelRequirement::MustEconomy, true) => write!(
                out,
                "必须使用安速派经济（5001-1）：运单含首程运费已生效的合并计划订单，且所有订单价值均低于 10.00 美元"
            ),
            (RuleRow::AdvancedLogistics, ChannelRequirement::MerchantChoice, false) => write!(
                out,
                "merchant's choice of A-Super ECONOMY (5001-1) or STANDARD (5002-1): A+ orders, none under the Unification Initiative rule, every order worth less than $10.00"
            ),
            (RuleRow::AdvancedLogistics, ChannelRequirement::MerchantChoice, true) => write!(
                out,
                "商户可选安速派经济（5001-1）或安速派标准（5002-1）：运单为 A+ 物流计划订单，无适用合并计划规则的订单，且所有订单价值均低于 10.00 美元"
            ),
            (row, ChannelRequirement::MustStandard, false) => {
                let why = if row == RuleRow::UnificationInitiative {
                    "the shipping order holds a Unification Initiative order with an effective First-Mile price"
                } else {
                    "the shipping order holds A+ orders"
                };
                match forced {
                    Some(v) => write!(
                        out,
                        "must use A-Super STANDARD (5002-1): {why} and order {:?} is worth ${}, at least $10.00",
                        v.order_id, v.usd
                    ),
                    None => write!(out, "must use A-Super STANDARD (5002-1): {why}"),
                }
            }
            (row, ChannelRequirement::MustStandard, true) => {
                let why = if row == RuleRow::UnificationInitiative {
                    "运单含首程运费已生效的合并计划订单"
                } else {
                    "运单含 A+ 物流计划订单"
                };
                match forced {
                    Some(v) => write!(
                        out,
                        "必须使用安速派标准（5002-1）：{why}，且订单 \"{}\" 价值 {} 美元，不低于 10.00 美元",
                        v.order_id, v.usd
                    ),
                    None => write!(out, "必须使用安速派标准（5002-1）：{why}"),
                }
            }
            (_, _, false) => write!(
                out,
                "any WishPost channel: no order is an Advanced Logistics (A+) order, so the A-Super rule does not apply"
            ),
            (_, _, true) => write!(
                out,
                "可使用任意 WishPost 渠道：运单中没有 A+ 物流计划订单，不适用安速派渠道规则"
            ),
        };
        out.push_str(if zh {
            "。订单价值："
        } else {
            ". Order values: "
        });
        for (i, v) in self.orders.iter().enumerate() {
            if i > 0 {
                out.push_str(if zh { "；" } else { "; " });
            }
            let _ = write!(
                out,
                "{} ${} = {}",
                v.order_id,
                v.usd,
                v.formula.text(language)
            );
            if v.program == Program::UnificationInitiative
                && v.first_mile == Some(FirstMileStatus::Pending)
            {
                out.push_str(if zh {
                    "（合并计划订单，首程运费待生效，按普通 A+ 订单计算）"
                } else {
                    " (UI order, First-Mile price still pending: valued as an ordinary A+ order)"
                });
            }
            if v.converted {
                out.push_str(if zh {
                    "（已换算为美元，并四舍五入到分）"
                } else {
                    " (converted to USD, then rounded once to cents)"
                });
            }
        }
        let cheap: Vec<&str> = self.split_candidates().collect();
        if !cheap.is_empty() {
            let list = cheap.join(", ");
            let _ = if zh {
                write!(
                    out,
                    "。将低于 10 美元的订单（{list}）拆分到单独的运单，即可使用安速派经济"
                )
            } else {
                write!(
                    out,
                    ". Splitting the orders under $10.00 ({list}) into a shipping order of their own would let them use A-Super ECONOMY"
                )
            };
        }
        out.push_str(if zh { "。" } else { "." });
        out
    }
}

#[derive(Serialize)]
struct ChannelOut {
    code: &'static str,
    name: &'static str,
    #[serde(rename = "nameZh")]
    name_zh: &'static str,
}

#[derive(Serialize)]
struct ReasonOut {
    en: String,
    zh: String,
}

impl Serialize for ChannelDecision {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ChannelDecision", 8)?;
        st.serialize_field("requirement", &self.requirement)?;
        st.serialize_field("channels", &self.requirement.channels())?;
        st.serialize_field("rule", &self.rule)?;
        st.serialize_field("asOf", &self.as_of)?;
        st.serialize_field("orders", &self.orders)?;
        st.serialize_field("forcedBy", &self.forced_by)?;
        let split: Vec<&str> = self.split_candidates().collect();
        st.serialize_field("splitCandidates", &split)?;
        st.serialize_field(
            "reason",
            &ReasonOut {
                en: self.reason(Language::English),
                zh: self.reason(Language::Chinese),
            },
        )?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_every_input() {
        use ChannelRequirement::*;
        use RuleRow::*;
        // (any UI, any A+, any >= $10) -> cell, written out from the table.
        let cells = [
            ((true, false, false), (UnificationInitiative, MustEconomy)),
            ((true, true, false), (UnificationInitiative, MustEconomy)),
            ((true, false, true), (UnificationInitiative, MustStandard)),
            ((true, true, true), (UnificationInitiative, MustStandard)),
            ((false, true, false), (AdvancedLogistics, MerchantChoice)),
            ((false, true, true), (AdvancedLogistics, MustStandard)),
            ((false, false, false), (NotGoverned, AnyChannel)),
            ((false, false, true), (NotGoverned, AnyChannel)),
        ];
        for ((ui, a_plus, over), want) in cells {
            assert_eq!(table(ui, a_plus, over), want, "{ui} {a_plus} {over}");
        }
    }

    #[test]
    fn threshold_is_ten_dollars_and_rounding_is_half_up() {
        assert_eq!(THRESHOLD_USD, Decimal::TEN);
        assert_eq!(THRESHOLD_USD.to_string(), "10.00");
        let half_cent = Decimal::new(99_995, 4);
        assert_eq!(
            half_cent.round_dp_with_strategy(2, VALUE_ROUNDING),
            Decimal::TEN
        );
    }
}
