//! The model: orders, their programs and First-Mile prices, shipping orders.

use std::collections::BTreeSet;
use std::num::NonZeroU32;

use chrono::{Days, NaiveDate};

use super::decide::FirstMileStatus;
use crate::macros::closed_enum;
use crate::{Code, JsonPointer, Loc, Money, Report, Severity, Violation};

/// Source of the A-Super channel rule: Wish's merchant notes on the
/// Unification Initiative, "Fulfillment policy for relevant orders" (the
/// WishPost logistics channel selection criteria), as LianLian Global
/// republishes them in Chinese and English.
///
/// # Example
///
/// ```
/// assert!(crossborder::channel::SOURCE_CHANNEL_RULE.contains("https://global.lianlianpay.com/"));
/// ```
pub const SOURCE_CHANNEL_RULE: &str = "Wish merchant notes, Unification Initiative: \
     \"Fulfillment policy for relevant orders\" (WishPost logistics channel selection \
     criteria), republished by LianLian Global: https://global.lianlianpay.com/channel/44-35864.html";

/// Source of the 7-day pending First-Mile Shipping Price: Wish's merchant
/// notes on the Unification Initiative, as LianLian Global republishes them.
///
/// # Example
///
/// ```
/// assert!(crossborder::channel::SOURCE_FIRST_MILE.contains("7 calendar days"));
/// ```
pub const SOURCE_FIRST_MILE: &str = "Wish merchant notes, Unification Initiative: the First-Mile \
     Shipping Price becomes effective after 7 calendar days, republished by LianLian Global: \
     https://global.lianlianpay.com/channel/56-35859.html";

/// Source of the 20-order limit: Wish Merchant Help Center, "Providing Wish
/// Order ID when fulfilling WishPost orders" (one WishPost tracking number
/// for up to 20 order IDs shipping to the same customer).
///
/// # Example
///
/// ```
/// assert!(crossborder::channel::SOURCE_ORDERS_PER_SHIPPING_ORDER.contains("merchantfaq.wish.com"));
/// ```
pub const SOURCE_ORDERS_PER_SHIPPING_ORDER: &str = "Wish Merchant Help Center, \"Providing Wish \
     Order ID when fulfilling WishPost orders\" (up to 20 order IDs to the same customer per \
     tracking number): https://merchantfaq.wish.com/hc/en-us/articles/360009816953";

/// How many calendar days a First-Mile Shipping Price stays pending, counting
/// the day it was set ([`SOURCE_FIRST_MILE`]).
///
/// # Example
///
/// ```
/// assert_eq!(crossborder::channel::FIRST_MILE_PENDING_DAYS, 7);
/// ```
pub const FIRST_MILE_PENDING_DAYS: u64 = 7;

/// The most orders one WishPost shipping order (one tracking number) may hold
/// ([`SOURCE_ORDERS_PER_SHIPPING_ORDER`]).
///
/// # Example
///
/// ```
/// assert_eq!(crossborder::channel::MAX_ORDERS_PER_SHIPPING_ORDER, 20);
/// ```
pub const MAX_ORDERS_PER_SHIPPING_ORDER: usize = 20;

closed_enum! {
    /// The logistics program an order is in, as the merchant dashboard flags it.
    ///
    /// A Unification Initiative order is always an Advanced Logistics (A+)
    /// order too; the enum names the most specific program, so an order has
    /// exactly one. An order outside A+ altogether is governed like an
    /// optional A+ order (any WishPost channel): use
    /// [`Program::OptionalAdvancedLogistics`] for it.
    ///
    /// JSON spellings: `unification_initiative` (or `ui`), `a_plus` (or `A+`,
    /// `advanced_logistics`), `optional_a_plus` (or `optional`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::Program;
    ///
    /// assert_eq!("UI".parse::<Program>()?, Program::UnificationInitiative);
    /// assert_eq!("A+".parse::<Program>()?, Program::AdvancedLogistics);
    /// assert_eq!(Program::OptionalAdvancedLogistics.to_string(), "optional_a_plus");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum Program("program" in "channel::") {
        /// Flagged "Unification Initiative" (合并计划) and A+.
        UnificationInitiative = "unification_initiative" | "ui" | "unification",
        /// An Advanced Logistics Program (A+ 物流计划) order, not UI.
        AdvancedLogistics = "a_plus" | "A+" | "advanced_logistics",
        /// An optional A+ order: not an A+ order, any WishPost channel.
        OptionalAdvancedLogistics = "optional_a_plus" | "optional" | "optional_advanced_logistics",
    }
}

impl Program {
    /// The program's name in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::channel::Program::UnificationInitiative.name_zh(), "合并计划");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            Program::UnificationInitiative => "合并计划",
            Program::AdvancedLogistics => "A+ 物流计划",
            Program::OptionalAdvancedLogistics => "可选 A+ 物流计划",
        }
    }
}

/// A First-Mile Shipping Price (首程运费) and the day it was set.
///
/// The price is *pending* for [`FIRST_MILE_PENDING_DAYS`] calendar days,
/// counting the day it was set, and *effective* from then on: a price set on
/// 1 November is pending from 1 to 7 November and effective from 8 November.
/// An as-of date before the day it was set is pending too (the price did not
/// exist yet).
///
/// # Example
///
/// ```
/// use crossborder::channel::{FirstMilePrice, FirstMileStatus};
/// use chrono::NaiveDate;
///
/// let set_on = NaiveDate::from_ymd_opt(2026, 11, 1).ok_or("date")?;
/// let fm = FirstMilePrice::new("1.50 USD".parse()?, set_on);
/// assert_eq!(fm.effective_from(), NaiveDate::from_ymd_opt(2026, 11, 8));
/// assert_eq!(fm.status(NaiveDate::from_ymd_opt(2026, 11, 7).ok_or("date")?), FirstMileStatus::Pending);
/// assert_eq!(fm.status(NaiveDate::from_ymd_opt(2026, 11, 8).ok_or("date")?), FirstMileStatus::Effective);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FirstMilePrice {
    price: Money,
    set_on: NaiveDate,
}

impl FirstMilePrice {
    /// A price and the day it was set.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::FirstMilePrice;
    /// # use chrono::NaiveDate;
    /// let fm = FirstMilePrice::new("2 USD".parse()?, NaiveDate::MIN);
    /// assert_eq!(fm.price().to_string(), "2 USD");
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub const fn new(price: Money, set_on: NaiveDate) -> Self {
        FirstMilePrice { price, set_on }
    }

    /// The price.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::FirstMilePrice;
    /// # use chrono::NaiveDate;
    /// assert!(FirstMilePrice::new("0 USD".parse()?, NaiveDate::MIN).price().is_zero());
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub const fn price(&self) -> Money {
        self.price
    }

    /// The day the price was set.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::FirstMilePrice;
    /// # use chrono::NaiveDate;
    /// assert_eq!(FirstMilePrice::new("0 USD".parse()?, NaiveDate::MIN).set_on(), NaiveDate::MIN);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub const fn set_on(&self) -> NaiveDate {
        self.set_on
    }

    /// The first day the price is effective: the day it was set plus
    /// [`FIRST_MILE_PENDING_DAYS`]. `None` only past the end of the calendar
    /// (the price then never becomes effective).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::FirstMilePrice;
    /// # use chrono::NaiveDate;
    /// let fm = FirstMilePrice::new("1 USD".parse()?, NaiveDate::from_ymd_opt(2026, 2, 25).ok_or("date")?);
    /// assert_eq!(fm.effective_from(), NaiveDate::from_ymd_opt(2026, 3, 4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn effective_from(&self) -> Option<NaiveDate> {
        self.set_on
            .checked_add_days(Days::new(FIRST_MILE_PENDING_DAYS))
    }

    /// Whether the price is pending or effective on `as_of`.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{FirstMilePrice, FirstMileStatus};
    /// # use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
    /// assert_eq!(FirstMilePrice::new("1 USD".parse()?, d).status(d), FirstMileStatus::Pending);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self, as_of: NaiveDate) -> FirstMileStatus {
        match self.effective_from() {
            Some(from) if as_of >= from => FirstMileStatus::Effective,
            _ => FirstMileStatus::Pending,
        }
    }
}

/// One marketplace order (one order ID on the merchant dashboard), as the
/// channel rule sees it. Valid by construction: built with
/// [`WishPostOrder::builder`] or read from JSON.
///
/// A UI order always carries its First-Mile price and the estimated WishPost
/// shipping; other orders may carry them (they are then ignored by the rule).
///
/// # Example
///
/// ```
/// use crossborder::channel::{Program, WishPostOrder};
///
/// let order = WishPostOrder::builder("1001", "buyer-7", Program::AdvancedLogistics)
///     .quantity(3)
///     .merchant_price("3.34 USD".parse()?)
///     .merchant_shipping("0 USD".parse()?)
///     .build()?;
/// assert_eq!(order.quantity().get(), 3);
/// assert_eq!(order.program(), Program::AdvancedLogistics);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WishPostOrder {
    pub(super) id: String,
    pub(super) customer: String,
    pub(super) program: Program,
    pub(super) quantity: NonZeroU32,
    pub(super) merchant_price: Money,
    pub(super) merchant_shipping: Money,
    pub(super) first_mile: Option<FirstMilePrice>,
    pub(super) estimated_wishpost_shipping: Option<Money>,
}

impl WishPostOrder {
    /// An empty order left behind when the planner moves an order out.
    pub(super) const PLACEHOLDER: WishPostOrder = WishPostOrder {
        id: String::new(),
        customer: String::new(),
        program: Program::OptionalAdvancedLogistics,
        quantity: NonZeroU32::MIN,
        merchant_price: Money::zero(crate::Currency::USD),
        merchant_shipping: Money::zero(crate::Currency::USD),
        first_mile: None,
        estimated_wishpost_shipping: None,
    };

    /// Starts building an order with its id, customer and program.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{Program, WishPostOrder};
    /// let err = WishPostOrder::builder("1", "c", Program::AdvancedLogistics).build().unwrap_err();
    /// assert!(err.contains_code(&crossborder::Code::CHANNEL_MISSING_FIELD));
    /// ```
    pub fn builder(
        id: impl Into<String>,
        customer: impl Into<String>,
        program: Program,
    ) -> OrderBuilder {
        OrderBuilder {
            id: id.into(),
            customer: customer.into(),
            program,
            quantity: None,
            merchant_price: None,
            merchant_shipping: None,
            first_mile: None,
            estimated_wishpost_shipping: None,
        }
    }

    /// The order id.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let o = WishPostOrder::builder("1001", "c", Program::OptionalAdvancedLogistics)
    ///     .quantity(1).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert_eq!(o.id(), "1001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The customer the order goes to.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let o = WishPostOrder::builder("1001", "buyer-7", Program::OptionalAdvancedLogistics)
    ///     .quantity(1).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert_eq!(o.customer(), "buyer-7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn customer(&self) -> &str {
        &self.customer
    }

    /// The program.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    ///     .quantity(1).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert_eq!(o.program(), Program::AdvancedLogistics);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn program(&self) -> Program {
        self.program
    }

    /// The quantity (never zero).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert_eq!(o.quantity().get(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn quantity(&self) -> NonZeroU32 {
        self.quantity
    }

    /// The merchant's price of one unit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("9.99 CNY".parse()?).merchant_shipping("1 CNY".parse()?).build()?;
    /// assert_eq!(o.merchant_price().to_string(), "9.99 CNY");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn merchant_price(&self) -> Money {
        self.merchant_price
    }

    /// The merchant's shipping price of one unit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("9.99 CNY".parse()?).merchant_shipping("1 CNY".parse()?).build()?;
    /// assert_eq!(o.merchant_shipping().to_string(), "1 CNY");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn merchant_shipping(&self) -> Money {
        self.merchant_shipping
    }

    /// The First-Mile Shipping Price and the day it was set, if any (always
    /// present on a UI order).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert!(o.first_mile().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn first_mile(&self) -> Option<FirstMilePrice> {
        self.first_mile
    }

    /// The estimated WishPost shipping of one unit, if any (always present on
    /// a UI order).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    ///     .quantity(2).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?)
    ///     .estimated_wishpost_shipping("2.5 USD".parse()?).build()?;
    /// assert_eq!(o.estimated_wishpost_shipping().map(|m| m.to_string()).as_deref(), Some("2.5 USD"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn estimated_wishpost_shipping(&self) -> Option<Money> {
        self.estimated_wishpost_shipping
    }
}

/// Builds a [`WishPostOrder`], checking every field at once.
///
/// [`OrderBuilder::build`] reports problems with JSON Pointers relative to
/// the order object (`/quantity`, `/firstMile/price`), in the field names of
/// the JSON form. To build a whole shipping order from builders, with each
/// problem at `/orders/N/...` as in the JSON form, use
/// [`ShippingOrder::from_builders`].
///
/// # Example
///
/// ```
/// use crossborder::channel::{Program, WishPostOrder};
/// use crossborder::Code;
///
/// let err = WishPostOrder::builder("1", "c", Program::UnificationInitiative)
///     .quantity(0)
///     .merchant_price("-1 USD".parse()?)
///     .merchant_shipping("0 USD".parse()?)
///     .build()
///     .unwrap_err();
/// let codes: Vec<_> = err.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
/// assert_eq!(codes, [
///     ("channel.quantity_invalid", "/quantity"),
///     ("channel.amount_negative", "/merchantPrice"),
///     ("channel.missing_field", "/firstMile"),
///     ("channel.missing_field", "/estimatedWishpostShipping"),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub struct OrderBuilder {
    id: String,
    customer: String,
    program: Program,
    quantity: Option<u32>,
    merchant_price: Option<Money>,
    merchant_shipping: Option<Money>,
    first_mile: Option<FirstMilePrice>,
    estimated_wishpost_shipping: Option<Money>,
}

impl OrderBuilder {
    /// The quantity (must not be zero).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let b = WishPostOrder::builder("1", "c", Program::AdvancedLogistics).quantity(2);
    /// # let _ = b;
    /// ```
    pub fn quantity(mut self, quantity: u32) -> Self {
        self.quantity = Some(quantity);
        self
    }

    /// The merchant's price of one unit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let b = WishPostOrder::builder("1", "c", Program::AdvancedLogistics).merchant_price("1 USD".parse()?);
    /// # let _ = b;
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn merchant_price(mut self, price: Money) -> Self {
        self.merchant_price = Some(price);
        self
    }

    /// The merchant's shipping price of one unit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let b = WishPostOrder::builder("1", "c", Program::AdvancedLogistics).merchant_shipping("1 USD".parse()?);
    /// # let _ = b;
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn merchant_shipping(mut self, shipping: Money) -> Self {
        self.merchant_shipping = Some(shipping);
        self
    }

    /// The First-Mile Shipping Price of one unit and the day it was set.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use chrono::NaiveDate;
    /// let b = WishPostOrder::builder("1", "c", Program::UnificationInitiative)
    ///     .first_mile("1 USD".parse()?, NaiveDate::MIN);
    /// # let _ = b;
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn first_mile(mut self, price: Money, set_on: NaiveDate) -> Self {
        self.first_mile = Some(FirstMilePrice::new(price, set_on));
        self
    }

    /// The estimated WishPost shipping of one unit.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let b = WishPostOrder::builder("1", "c", Program::UnificationInitiative)
    ///     .estimated_wishpost_shipping("2 USD".parse()?);
    /// # let _ = b;
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn estimated_wishpost_shipping(mut self, shipping: Money) -> Self {
        self.estimated_wishpost_shipping = Some(shipping);
        self
    }

    /// The order, or every problem with it.
    ///
    /// # Errors
    ///
    /// A [`Report`] listing every problem: an empty id or customer, a missing
    /// or zero quantity, a missing or negative amount, a UI order without its
    /// First-Mile price or estimated WishPost shipping.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// let err = WishPostOrder::builder("", "", Program::AdvancedLogistics).build().unwrap_err();
    /// assert_eq!(err.len(), 5);
    /// ```
    pub fn build(self) -> Result<WishPostOrder, Report> {
        let mut report = Report::new();
        match self.build_at(&Loc::ROOT, &mut report) {
            Some(order) if report.is_empty() => Ok(order),
            _ => Err(report),
        }
    }

    /// Checks every field, reporting at `loc`; the order when nothing is wrong.
    pub(super) fn build_at(self, loc: &Loc<'_>, report: &mut Report) -> Option<WishPostOrder> {
        let before = report.len();
        if self.id.trim().is_empty() {
            report.push(missing(loc.field("id").pointer(), "id", "订单号"));
        }
        if self.customer.trim().is_empty() {
            report.push(missing(loc.field("customer").pointer(), "customer", "客户"));
        }
        let quantity = match self.quantity {
            None => {
                report.push(missing(loc.field("quantity").pointer(), "quantity", "数量"));
                None
            }
            Some(q) => {
                let nz = NonZeroU32::new(q);
                if nz.is_none() {
                    report.push(quantity_invalid(loc.field("quantity").pointer(), "0"));
                }
                nz
            }
        };
        let merchant_price = required_amount(
            loc,
            "merchantPrice",
            "商户设定产品价格",
            self.merchant_price,
            report,
        );
        let merchant_shipping = required_amount(
            loc,
            "merchantShipping",
            "商户运费",
            self.merchant_shipping,
            report,
        );
        let ui = self.program == Program::UnificationInitiative;
        match &self.first_mile {
            Some(fm) => {
                let fm_loc = loc.field("firstMile");
                check_negative(&fm_loc.field("price"), "首程运费", fm.price, report);
            }
            None if ui => report.push(
                missing(loc.field("firstMile").pointer(), "firstMile", "首程运费")
                    .with_value(self.program.as_str()),
            ),
            None => {}
        }
        match self.estimated_wishpost_shipping {
            Some(m) => check_negative(
                &loc.field("estimatedWishpostShipping"),
                "WishPost 预估运费",
                m,
                report,
            ),
            None if ui => report.push(
                missing(
                    loc.field("estimatedWishpostShipping").pointer(),
                    "estimatedWishpostShipping",
                    "WishPost 预估运费",
                )
                .with_value(self.program.as_str()),
            ),
            None => {}
        }
        if report.len() != before {
            return None;
        }
        Some(WishPostOrder {
            id: self.id,
            customer: self.customer,
            program: self.program,
            quantity: quantity?,
            merchant_price: merchant_price?,
            merchant_shipping: merchant_shipping?,
            first_mile: self.first_mile,
            estimated_wishpost_shipping: self.estimated_wishpost_shipping,
        })
    }
}

fn required_amount(
    loc: &Loc<'_>,
    field: &'static str,
    zh: &str,
    amount: Option<Money>,
    report: &mut Report,
) -> Option<Money> {
    let at = loc.field(field);
    match amount {
        None => {
            report.push(missing(at.pointer(), field, zh));
            None
        }
        Some(m) => {
            check_negative(&at, zh, m, report);
            Some(m)
        }
    }
}

fn check_negative(at: &Loc<'_>, zh: &str, m: Money, report: &mut Report) {
    if m.is_negative() {
        report.push(
            Violation::new(
                Code::CHANNEL_AMOUNT_NEGATIVE,
                Severity::Error,
                at.pointer(),
                format!("amount {m} is negative: prices and shipping cannot be below zero"),
                format!("{zh} {m} 为负数：价格和运费不能小于零"),
            )
            .with_value(m.to_string()),
        );
    }
}

pub(super) fn missing(path: JsonPointer, field: &str, zh: &str) -> Violation {
    Violation::new(
        Code::CHANNEL_MISSING_FIELD,
        Severity::Error,
        path,
        format!("missing {field:?}: the channel rule needs it"),
        format!("缺少{zh}（{field}）：渠道规则需要该字段"),
    )
}

pub(super) fn quantity_invalid(path: JsonPointer, value: &str) -> Violation {
    Violation::new(
        Code::CHANNEL_QUANTITY_INVALID,
        Severity::Error,
        path,
        format!(
            "invalid quantity {value:?}: a quantity is a whole number of at least 1",
            value = crate::echo(value)
        ),
        format!(
            "数量 \"{value}\" 无效：数量必须是不小于 1 的整数",
            value = crate::echo(value)
        ),
    )
    .with_value(value)
}

/// A WishPost shipping order: one tracking number, 1 to 20 orders of one
/// customer, no order twice. Valid by construction.
///
/// Decide its channel with [`ShippingOrder::decide`] (the full decision with
/// every order's value) or [`ShippingOrder::requirement`] (the fast path).
///
/// # Example
///
/// ```
/// use crossborder::channel::{Program, WishPostOrder};
/// use crossborder::{Code, ShippingOrder};
///
/// let order = |id: &str, customer: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
///         .quantity(1)
///         .merchant_price("5 USD".parse()?)
///         .merchant_shipping("1 USD".parse()?)
///         .build()?)
/// };
/// let ok = ShippingOrder::new(vec![order("1", "a")?, order("2", "a")?])?;
/// assert_eq!(ok.customer(), "a");
///
/// let err = ShippingOrder::new(vec![order("1", "a")?, order("2", "b")?]).unwrap_err();
/// assert!(err.contains_code(&Code::CHANNEL_MIXED_CUSTOMERS));
/// assert_eq!(err.iter().next().map(|v| v.pointer().as_str()), Some("/orders/1/customer"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShippingOrder {
    pub(super) tracking_number: Option<String>,
    pub(super) orders: Vec<WishPostOrder>,
}

impl ShippingOrder {
    /// A shipping order of these orders (each one valid already; to build
    /// the orders and the shipping order in one step, see
    /// [`ShippingOrder::from_builders`]).
    ///
    /// # Errors
    ///
    /// A [`Report`] with every problem, at `/orders/N/...` as in the JSON
    /// form: no order (`channel.empty_shipping_order`, at `/orders`), more
    /// than 20 (`channel.too_many_orders`), an order for another customer
    /// than the first order's (`channel.mixed_customers`, at
    /// `/orders/N/customer`), an order id seen before
    /// (`channel.duplicate_order`, at `/orders/N/id`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Code, ShippingOrder};
    /// let err = ShippingOrder::new(vec![]).unwrap_err();
    /// assert!(err.contains_code(&Code::CHANNEL_EMPTY_SHIPPING_ORDER));
    /// ```
    pub fn new(orders: Vec<WishPostOrder>) -> Result<Self, Report> {
        finish_shipping_order(orders, None, std::iter::empty(), Report::new())
    }

    /// Builds every order and the shipping order at once, reporting every
    /// problem the way the JSON form does: an order's problems at
    /// `/orders/N/...` (`/orders/1/quantity`, `/orders/0/firstMile`), N the
    /// builder's index, then the shipping order's (count, customers,
    /// duplicate ids) as [`ShippingOrder::new`] reports them, all in
    /// document order.
    ///
    /// # Errors
    ///
    /// A [`Report`] with every problem of every order (see
    /// [`OrderBuilder::build`]) and of the shipping order.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::{Program, ShippingOrder, WishPostOrder};
    ///
    /// let order = |id: &str, customer: &str, quantity: u32| -> Result<_, crossborder::MoneyError> {
    ///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
    ///         .quantity(quantity)
    ///         .merchant_price("4 USD".parse()?)
    ///         .merchant_shipping("1 USD".parse()?))
    /// };
    /// let err = ShippingOrder::from_builders(vec![order("1", "a", 1)?, order("2", "b", 0)?]).unwrap_err();
    /// let found: Vec<_> = err.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
    /// assert_eq!(found, [
    ///     ("channel.quantity_invalid", "/orders/1/quantity"),
    ///     ("channel.mixed_customers", "/orders/1/customer"),
    /// ]);
    /// let ok = ShippingOrder::from_builders(vec![order("1", "a", 1)?, order("2", "a", 2)?])?;
    /// assert_eq!(ok.orders().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_builders(builders: impl IntoIterator<Item = OrderBuilder>) -> Result<Self, Report> {
        let mut report = Report::new();
        let root = Loc::ROOT;
        let at = root.field("orders");
        let mut orders = Vec::new();
        let mut written = Vec::new();
        for (i, b) in builders.into_iter().enumerate() {
            // The shipping-order checks need every order's id and customer,
            // built or not.
            written.push((b.id.clone(), b.customer.clone()));
            if let Some(order) = b.build_at(&at.index(i), &mut report) {
                orders.push(order);
            }
        }
        let written = written
            .iter()
            .map(|(id, c)| (Some(id.as_str()), Some(c.as_str())));
        finish_shipping_order(orders, None, written, report)
    }

    /// The same shipping order with its WishPost tracking number.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::ShippingOrder;
    /// # let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    /// #     .quantity(1).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// let s = ShippingOrder::new(vec![o])?.with_tracking_number("UG0001");
    /// assert_eq!(s.tracking_number(), Some("UG0001"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_tracking_number(mut self, tracking_number: impl Into<String>) -> Self {
        self.tracking_number = Some(tracking_number.into());
        self
    }

    /// The WishPost tracking number, when known.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::ShippingOrder;
    /// # let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    /// #     .quantity(1).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert_eq!(ShippingOrder::new(vec![o])?.tracking_number(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tracking_number(&self) -> Option<&str> {
        self.tracking_number.as_deref()
    }

    /// The orders, in the order given.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::ShippingOrder;
    /// # let o = WishPostOrder::builder("1", "c", Program::AdvancedLogistics)
    /// #     .quantity(1).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert_eq!(ShippingOrder::new(vec![o])?.orders().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn orders(&self) -> &[WishPostOrder] {
        &self.orders
    }

    /// The customer all orders go to.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::ShippingOrder;
    /// # let o = WishPostOrder::builder("1", "buyer", Program::AdvancedLogistics)
    /// #     .quantity(1).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert_eq!(ShippingOrder::new(vec![o])?.customer(), "buyer");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn customer(&self) -> &str {
        self.orders.first().map_or("", |o| o.customer.as_str())
    }

    /// Consumes the shipping order, giving back its orders.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{Program, WishPostOrder};
    /// # use crossborder::ShippingOrder;
    /// # let o = WishPostOrder::builder("1", "buyer", Program::AdvancedLogistics)
    /// #     .quantity(1).merchant_price("1 USD".parse()?).merchant_shipping("1 USD".parse()?).build()?;
    /// assert_eq!(ShippingOrder::new(vec![o])?.into_orders().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_orders(self) -> Vec<WishPostOrder> {
        self.orders
    }
}

/// Every shipping-order-level problem, at `/orders/...`.
pub(super) fn check_shipping_order(orders: &[WishPostOrder], report: &mut Report) {
    if orders.is_empty() {
        let root = Loc::ROOT;
        report.push(Violation::new(
            Code::CHANNEL_EMPTY_SHIPPING_ORDER,
            Severity::Error,
            root.field("orders").pointer(),
            "empty shipping order: a shipping order holds at least one order",
            "运单为空：一个运单至少包含一个订单",
        ));
        return;
    }
    let written = orders
        .iter()
        .map(|o| (Some(o.id.as_str()), Some(o.customer.as_str())));
    check_ids_and_customers(orders.len(), written, report);
}

/// The last step of building a shipping order from orders converted one by
/// one, with `report` holding the orders' own problems: the shipping-order
/// checks (on the orders when they all converted, else on the orders as
/// `written`, `(id, customer)` each, so that nothing goes unreported), then
/// the shipping order or every problem in document order.
pub(super) fn finish_shipping_order<'a>(
    orders: Vec<WishPostOrder>,
    tracking_number: Option<String>,
    written: impl ExactSizeIterator<Item = (Option<&'a str>, Option<&'a str>)> + Clone,
    mut report: Report,
) -> Result<ShippingOrder, Report> {
    if report.is_empty() {
        check_shipping_order(&orders, &mut report);
    } else {
        check_written_orders(written.len(), written, &mut report);
    }
    if report.is_empty() {
        Ok(ShippingOrder {
            tracking_number,
            orders,
        })
    } else {
        Err(report)
    }
}

/// The shipping-order checks on orders as written, for a shipping order
/// whose orders also have problems of their own: appended to `report` and
/// merged with what it holds in document order (by the order index in the
/// pointer).
fn check_written_orders<'a>(
    count: usize,
    written: impl Iterator<Item = (Option<&'a str>, Option<&'a str>)> + Clone,
    report: &mut Report,
) {
    let mut extra = Report::new();
    check_ids_and_customers(count, written, &mut extra);
    let mut all: Vec<Violation> = std::mem::take(report).into_iter().collect();
    all.extend(extra);
    all.sort_by_key(|v| super::json::order_index(v.pointer().as_str()));
    report.extend(all);
}

/// More than 20 orders, an order for another customer than the first
/// order's, an order id seen before; `(id, customer)` of each order, either
/// missing or empty when it was not given (it is then reported as missing
/// elsewhere, and skipped here).
fn check_ids_and_customers<'a>(
    count: usize,
    written: impl Iterator<Item = (Option<&'a str>, Option<&'a str>)> + Clone,
    report: &mut Report,
) {
    let root = Loc::ROOT;
    let at = root.field("orders");
    if count > MAX_ORDERS_PER_SHIPPING_ORDER {
        report.push(
            Violation::new(
                Code::CHANNEL_TOO_MANY_ORDERS,
                Severity::Error,
                at.pointer(),
                format!(
                    "{count} orders in one shipping order: at most {MAX_ORDERS_PER_SHIPPING_ORDER} order ids may share a tracking number",
                ),
                format!(
                    "一个运单含 {count} 个订单：同一运单号最多包含 {MAX_ORDERS_PER_SHIPPING_ORDER} 个订单号",
                ),
            )
            .with_value(count.to_string()),
        );
    }
    let given = |t: Option<&'a str>| t.filter(|t| !t.trim().is_empty());
    let first = written.clone().find_map(|(_, c)| given(c));
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (i, (id, customer)) in written.enumerate() {
        let at_i = at.index(i);
        if let (Some(c), Some(f)) = (given(customer), first)
            && c != f
        {
            report.push(mixed_customer(at_i.field("customer").pointer(), c, f));
        }
        if let Some(id) = given(id)
            && !seen.insert(id)
        {
            report.push(duplicate(at_i.field("id").pointer(), id));
        }
    }
}

pub(super) fn mixed_customer(path: JsonPointer, customer: &str, first: &str) -> Violation {
    Violation::new(
        Code::CHANNEL_MIXED_CUSTOMERS,
        Severity::Error,
        path,
        format!("order for customer {customer:?} in a shipping order for {first:?}: one shipping order goes to one customer", customer = crate::echo(customer), first = crate::echo(first)),
        format!("客户 \"{customer}\" 的订单出现在客户 \"{first}\" 的运单中：一个运单只能发给同一客户", customer = crate::echo(customer), first = crate::echo(first)),
    )
    .with_value(customer)
}

pub(super) fn duplicate(path: JsonPointer, id: &str) -> Violation {
    Violation::new(
        Code::CHANNEL_DUPLICATE_ORDER,
        Severity::Error,
        path,
        format!(
            "order {id:?} appears twice: each order ships once",
            id = crate::echo(id)
        ),
        format!(
            "订单 \"{id}\" 重复出现：每个订单只能发货一次",
            id = crate::echo(id)
        ),
    )
    .with_value(id)
}
