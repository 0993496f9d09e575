//! The JSON form of shipping orders and batches of orders, read tolerantly
//! and converted with every problem reported at its JSON Pointer. The
//! format is documented in the [channel module docs](super#json).

use chrono::NaiveDate;
use serde::de;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::OrderBuilder;
use super::model::{
    Program, ShippingOrder, WishPostOrder, finish_shipping_order, missing, quantity_invalid,
};
use crate::wire::{Number, NumberError};
use crate::{Code, Currency, Loc, Money, Report, Severity, Violation, parse_currency};

/// One order as JSON: every member optional and kept as written, so that a
/// bad value is reported at its path rather than failing the whole document.
///
/// # Example
///
/// ```
/// use crossborder::channel::OrderJson;
/// let o: OrderJson = serde_json::from_str(r#"{"id": "1", "quantity": "2"}"#)?;
/// assert_eq!(o.id.as_deref(), Some("1"));
/// assert!(o.to_order().is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderJson {
    /// `id`: the order id on the merchant dashboard.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// `customer`: who the order goes to.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub customer: Option<String>,
    /// `program`: see [`Program`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// `quantity`: a whole number, at least 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
    /// `currency`: the currency of the amounts written without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `merchantPrice`: of one unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_price: Option<Number>,
    /// `merchantShipping`: of one unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_shipping: Option<Number>,
    /// `firstMile`: the First-Mile Shipping Price and the day it was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_mile: Option<FirstMileJson>,
    /// `estimatedWishpostShipping`: of one unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_wishpost_shipping: Option<Number>,
}

/// `firstMile` as JSON: `{"price": "1.20", "setOn": "2026-11-01"}`.
///
/// # Example
///
/// ```
/// use crossborder::channel::FirstMileJson;
/// let f: FirstMileJson = serde_json::from_str(r#"{"price": 1.2, "setOn": "2026-11-01"}"#)?;
/// assert_eq!(f.set_on.as_deref(), Some("2026-11-01"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirstMileJson {
    /// `price`: of one unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Number>,
    /// `setOn`: `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_on: Option<String>,
}

/// A shipping order as JSON: `{"trackingNumber": ..., "orders": [...]}`.
///
/// # Example
///
/// ```
/// use crossborder::channel::ShippingOrderJson;
/// let json = r#"{"trackingNumber": "UG000123456CN", "orders": [
///   {"id": "1", "customer": "c", "program": "A+", "quantity": 2, "currency": "USD",
///    "merchantPrice": "3.50", "merchantShipping": 0}
/// ]}"#;
/// let wire: ShippingOrderJson = serde_json::from_str(json)?;
/// assert_eq!(wire.tracking_number.as_deref(), Some("UG000123456CN"));
/// let shipping = wire.to_shipping_order().map_err(|r| r.to_string())?;
/// assert_eq!(shipping.tracking_number(), Some("UG000123456CN"));
/// // Written back, amounts are strings: nothing is lost.
/// assert_eq!(serde_json::to_value(&shipping)?["orders"][0]["merchantPrice"], "3.50");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShippingOrderJson {
    /// `trackingNumber`: the WishPost tracking number, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// `orders`.
    #[serde(default)]
    pub orders: Vec<OrderJson>,
}

/// A batch of orders for the planner, as JSON: `{"orders": [...]}`.
///
/// # Example
///
/// ```
/// use crossborder::channel::OrderBatchJson;
/// let b: OrderBatchJson = serde_json::from_str(r#"{"orders": [{"id": "1"}]}"#)?;
/// let (orders, report) = b.to_orders();
/// assert!(orders.is_empty());
/// assert!(report.has_errors());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderBatchJson {
    /// `orders`.
    #[serde(default)]
    pub orders: Vec<OrderJson>,
}

impl OrderJson {
    /// The order, or every problem with it (pointers relative to the order
    /// object: `/quantity`).
    ///
    /// # Errors
    ///
    /// A [`Report`] with every problem: missing members, bad numbers, an
    /// unknown `currency` (`currency.unknown`) or `program`, a bad date,
    /// a zero, negative or fractional quantity, negative amounts.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::OrderJson;
    /// let o: OrderJson = serde_json::from_str(
    ///     r#"{"id": "1", "customer": "c", "program": "A+", "quantity": 2,
    ///         "merchantPrice": "23.90 CNY", "merchantShipping": "0 CNY"}"#)?;
    /// let order = o.to_order().map_err(|r| r.to_string())?;
    /// assert_eq!(order.merchant_price().to_string(), "23.90 CNY");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_order(&self) -> Result<WishPostOrder, Report> {
        let mut report = Report::new();
        match self.convert_at(&Loc::ROOT, &mut report) {
            Some(o) if report.is_empty() => Ok(o),
            _ => Err(report),
        }
    }

    pub(super) fn convert_at(&self, loc: &Loc<'_>, report: &mut Report) -> Option<WishPostOrder> {
        let before = report.len();
        let program = match &self.program {
            None => {
                report.push(missing(
                    loc.field("program").pointer(),
                    "program",
                    "物流计划",
                ));
                Program::OptionalAdvancedLogistics
            }
            Some(text) => match text.parse::<Program>() {
                Ok(p) => p,
                Err(_) => {
                    report.push(
                        Violation::new(
                            Code::CHANNEL_PROGRAM_UNKNOWN,
                            Severity::Error,
                            loc.field("program").pointer(),
                            format!("unknown program {text:?}: expected unification_initiative, a_plus or optional_a_plus", text = crate::echo(text)),
                            format!("未知物流计划 \"{text}\"：应为 unification_initiative、a_plus 或 optional_a_plus", text = crate::echo(text)),
                        )
                        .with_value(text.as_str()),
                    );
                    Program::OptionalAdvancedLogistics
                }
            },
        };
        let mut currency = match &self.currency {
            None => OrderCurrency::Missing { reported: false },
            Some(text) => match parse_currency(text) {
                Ok(c) => OrderCurrency::Known(c),
                Err(_) => {
                    report.push(
                        Violation::new(
                            Code::CURRENCY_UNKNOWN,
                            Severity::Error,
                            loc.field("currency").pointer(),
                            format!("unknown currency {text:?}: expected an ISO 4217 code such as USD or CNY", text = crate::echo(text)),
                            format!("未知币种 \"{text}\"：应为 ISO 4217 代码，如 USD 或 CNY", text = crate::echo(text)),
                        )
                        .with_value(text.as_str()),
                    );
                    OrderCurrency::Bad
                }
            },
        };
        let mut b = WishPostOrder::builder(
            self.id.clone().unwrap_or_default(),
            self.customer.clone().unwrap_or_default(),
            program,
        );
        if let Some(q) = &self.quantity {
            let at = loc.field("quantity");
            b = b.quantity(match q.count() {
                Ok(q) => q,
                Err(_) => {
                    report.push(quantity_invalid(at.pointer(), &q.to_string()));
                    1
                }
            });
        }
        let amount = |field: &'static str,
                      n: &Option<Number>,
                      cur: &mut OrderCurrency,
                      report: &mut Report|
         -> Option<Money> {
            n.as_ref()
                .map(|n| read_amount(loc, &[field], n, cur, report))
        };
        if let Some(m) = amount("merchantPrice", &self.merchant_price, &mut currency, report) {
            b = b.merchant_price(m);
        }
        if let Some(m) = amount(
            "merchantShipping",
            &self.merchant_shipping,
            &mut currency,
            report,
        ) {
            b = b.merchant_shipping(m);
        }
        if let Some(fm) = &self.first_mile {
            let fm_loc = loc.field("firstMile");
            let price = match &fm.price {
                Some(n) => read_amount(loc, &["firstMile", "price"], n, &mut currency, report),
                None => {
                    report.push(missing(
                        fm_loc.field("price").pointer(),
                        "price",
                        "首程运费",
                    ));
                    Money::zero(Currency::USD)
                }
            };
            let set_on = match &fm.set_on {
                None => {
                    report.push(missing(
                        fm_loc.field("setOn").pointer(),
                        "setOn",
                        "首程运费设定日期",
                    ));
                    NaiveDate::MIN
                }
                Some(t) => match NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d") {
                    Ok(d) => d,
                    Err(_) => {
                        report.push(
                            Violation::new(
                                Code::CHANNEL_DATE_INVALID,
                                Severity::Error,
                                fm_loc.field("setOn").pointer(),
                                format!(
                                    "invalid date {t:?}: expected YYYY-MM-DD",
                                    t = crate::echo(t)
                                ),
                                format!("日期 \"{t}\" 无效：应为 YYYY-MM-DD", t = crate::echo(t)),
                            )
                            .with_value(t.as_str()),
                        );
                        NaiveDate::MIN
                    }
                },
            };
            b = b.first_mile(price, set_on);
        }
        if let Some(m) = amount(
            "estimatedWishpostShipping",
            &self.estimated_wishpost_shipping,
            &mut currency,
            report,
        ) {
            b = b.estimated_wishpost_shipping(m);
        }
        let order = builder_at(b, loc, report);
        if report.len() != before {
            return None;
        }
        order
    }
}

fn builder_at(b: OrderBuilder, loc: &Loc<'_>, report: &mut Report) -> Option<WishPostOrder> {
    b.build_at(loc, report)
}

/// The order's `currency` member as read so far.
enum OrderCurrency {
    Known(Currency),
    Missing { reported: bool },
    Bad,
}

/// Reads one amount: a number in the order's currency, or money text. A bad
/// amount is reported and read as zero (the order is dropped anyway).
fn read_amount(
    loc: &Loc<'_>,
    path: &[&str],
    n: &Number,
    currency: &mut OrderCurrency,
    report: &mut Report,
) -> Money {
    let pointer = || {
        let mut p = loc.pointer();
        for f in path {
            p.push_field(f);
        }
        p
    };
    let placeholder = Money::zero(Currency::USD);
    match n.decimal() {
        Ok(d) => match currency {
            OrderCurrency::Known(c) => Money::new(d, *c),
            OrderCurrency::Bad => placeholder,
            OrderCurrency::Missing { reported } => {
                if !*reported {
                    *reported = true;
                    report.push(
                        missing(loc.field("currency").pointer(), "currency", "币种")
                            .with_value(n.to_string()),
                    );
                }
                placeholder
            }
        },
        Err(e) => {
            if let Some(text) = n.as_text() {
                if let Ok(m) = text.parse::<Money>() {
                    return m;
                }
                let mut parts = text.split_whitespace();
                if let (Some(a), Some(c), None) = (parts.next(), parts.next(), parts.next()) {
                    let (amount, code) = if a.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
                        (c, a)
                    } else {
                        (a, c)
                    };
                    if crate::wire::parse_decimal(amount).is_ok() && parse_currency(code).is_err() {
                        report.push(
                            Violation::new(
                                Code::CURRENCY_UNKNOWN,
                                Severity::Error,
                                pointer(),
                                format!("unknown currency {code:?} in amount {text:?}: expected an ISO 4217 code such as USD or CNY", text = crate::echo(text), code = crate::echo(code)),
                                format!("金额 \"{text}\" 中的币种 \"{code}\" 未知：应为 ISO 4217 代码，如 USD 或 CNY", text = crate::echo(text), code = crate::echo(code)),
                            )
                            .with_value(text),
                        );
                        return placeholder;
                    }
                }
            }
            let (code, en, zh) = match e {
                NumberError::OutOfRange(_) => (
                    Code::NUMBER_OUT_OF_RANGE,
                    format!(
                        "amount {} is out of range: at most 28 significant digits",
                        crate::echo(&n.to_string())
                    ),
                    format!(
                        "金额 {} 超出范围：最多 28 位有效数字",
                        crate::echo(&n.to_string())
                    ),
                ),
                _ => (
                    Code::NUMBER_INVALID,
                    format!(
                        "invalid amount {:?}: expected a number such as 19.99 or money text such as \"19.99 CNY\"",
                        crate::echo(&n.to_string())
                    ),
                    format!(
                        "金额 \"{}\" 无效：应为数字（如 19.99）或带币种的金额（如 \"19.99 CNY\"）",
                        crate::echo(&n.to_string())
                    ),
                ),
            };
            report.push(
                Violation::new(code, Severity::Error, pointer(), en, zh).with_value(n.to_string()),
            );
            placeholder
        }
    }
}

impl ShippingOrderJson {
    /// The shipping order, or every problem with it (pointers into this
    /// document: `/orders/3/quantity`).
    ///
    /// # Errors
    ///
    /// A [`Report`] with every problem of every order (see
    /// [`OrderJson::to_order`]) and of the shipping order (see
    /// [`ShippingOrder::new`]).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::ShippingOrderJson;
    /// let wire: ShippingOrderJson = serde_json::from_str(r#"{"orders": [
    ///   {"id": "1", "customer": "a", "program": "A+", "quantity": 1, "currency": "USD", "merchantPrice": 4, "merchantShipping": 0},
    ///   {"id": "1", "customer": "b", "program": "A+", "quantity": 1, "currency": "USD", "merchantPrice": 4, "merchantShipping": 0}
    /// ]}"#)?;
    /// let report = wire.to_shipping_order().unwrap_err();
    /// let found: Vec<_> = report.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
    /// assert_eq!(found, [
    ///     ("channel.mixed_customers", "/orders/1/customer"),
    ///     ("channel.duplicate_order", "/orders/1/id"),
    /// ]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_shipping_order(&self) -> Result<ShippingOrder, Report> {
        let mut report = Report::new();
        let root = Loc::ROOT;
        let at = root.field("orders");
        let mut orders = Vec::with_capacity(self.orders.len());
        for (i, o) in self.orders.iter().enumerate() {
            if let Some(order) = o.convert_at(&at.index(i), &mut report) {
                orders.push(order);
            }
        }
        let written = self
            .orders
            .iter()
            .map(|o| (o.id.as_deref(), o.customer.as_deref()));
        finish_shipping_order(orders, self.tracking_number.clone(), written, report)
    }
}

/// The order index of a pointer `/orders/N/...` (`None`, first, for `/orders`).
pub(super) fn order_index(pointer: &str) -> Option<usize> {
    pointer
        .strip_prefix("/orders/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|n| n.parse().ok())
}

impl OrderBatchJson {
    /// Every good order with its index in `orders`, and a report of every
    /// bad one (at `/orders/N/...`). Bad orders are left out, never dropped
    /// silently.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::OrderBatchJson;
    /// let batch: OrderBatchJson = serde_json::from_str(r#"{"orders": [
    ///   {"id": "1", "customer": "a", "program": "A+", "quantity": 1, "currency": "USD", "merchantPrice": 4, "merchantShipping": 0},
    ///   {"id": "2", "customer": "b", "program": "A+", "quantity": 1.5, "currency": "USD", "merchantPrice": 4, "merchantShipping": 0}
    /// ]}"#)?;
    /// let (orders, report) = batch.to_orders();
    /// assert_eq!(orders.len(), 1);
    /// assert_eq!((orders[0].0, orders[0].1.id()), (0, "1")); // index in the batch, order
    /// assert_eq!(report.iter().next().map(|v| v.pointer().as_str()), Some("/orders/1/quantity"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_orders(&self) -> (Vec<(usize, WishPostOrder)>, Report) {
        let mut report = Report::new();
        let root = Loc::ROOT;
        let at = root.field("orders");
        let mut orders = Vec::with_capacity(self.orders.len());
        for (i, o) in self.orders.iter().enumerate() {
            if let Some(order) = o.convert_at(&at.index(i), &mut report) {
                orders.push((i, order));
            }
        }
        (orders, report)
    }
}

fn amount_json(m: Money, currency: Currency) -> Number {
    if m.currency() == currency {
        Number::from_text(m.amount().to_string())
    } else {
        Number::from_text(m.to_string())
    }
}

impl From<&WishPostOrder> for OrderJson {
    fn from(o: &WishPostOrder) -> Self {
        let c = o.merchant_price.currency();
        OrderJson {
            id: Some(o.id.clone()),
            customer: Some(o.customer.clone()),
            program: Some(o.program.as_str().to_owned()),
            quantity: Some(Number::from(o.quantity.get())),
            currency: Some(c.code().to_owned()),
            merchant_price: Some(amount_json(o.merchant_price, c)),
            merchant_shipping: Some(amount_json(o.merchant_shipping, c)),
            first_mile: o.first_mile.map(|f| FirstMileJson {
                price: Some(amount_json(f.price(), c)),
                set_on: Some(f.set_on().format("%Y-%m-%d").to_string()),
            }),
            estimated_wishpost_shipping: o.estimated_wishpost_shipping.map(|m| amount_json(m, c)),
        }
    }
}

impl From<&ShippingOrder> for ShippingOrderJson {
    fn from(s: &ShippingOrder) -> Self {
        ShippingOrderJson {
            tracking_number: s.tracking_number.clone(),
            orders: s.orders.iter().map(OrderJson::from).collect(),
        }
    }
}

impl Serialize for WishPostOrder {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        OrderJson::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for WishPostOrder {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        OrderJson::deserialize(d)?
            .to_order()
            .map_err(de::Error::custom)
    }
}

impl Serialize for ShippingOrder {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ShippingOrderJson::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for ShippingOrder {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ShippingOrderJson::deserialize(d)?
            .to_shipping_order()
            .map_err(de::Error::custom)
    }
}
