//! The WishPost A-Super channel rule (the "$10 split") and a split planner.
//!
//! A WishPost *shipping order* (one tracking number) holds up to 20
//! marketplace *orders* of one customer. Which A-Super channel it must use
//! depends on each order's value in USD and on the programs the orders are
//! in. The source is Wish's merchant notes on the Unification Initiative
//! (合并计划), "Fulfillment policy for relevant orders" (the WishPost
//! logistics channel selection criteria), as LianLian Global republishes
//! them ([`SOURCE_CHANNEL_RULE`]); the 7-day pending First-Mile price is
//! from the same notes ([`SOURCE_FIRST_MILE`]):
//!
//! | the shipping order contains | every order's value < $10 | at least one order's value >= $10 |
//! | --- | --- | --- |
//! | at least one UI order (effective First-Mile price) | must use A-Super ECONOMY (`5001-1`) | must use A-Super STANDARD (`5002-1`) |
//! | A+ orders, none of them UI | merchant may choose ECONOMY or STANDARD | must use STANDARD |
//! | no A+ order ("optional A+") | any WishPost channel | any WishPost channel |
//!
//! # How an order's value is computed
//!
//! - A Unification Initiative (UI) order whose First-Mile Shipping Price is
//!   **effective** on the as-of date:
//!   `(merchant price + First-Mile Shipping Price + estimated WishPost shipping) x quantity`
//!   ([`ValueFormula::UnificationInitiative`]).
//! - Every other order, including a UI order whose First-Mile price is still
//!   **pending**: `(merchant price + merchant shipping) x quantity`
//!   ([`ValueFormula::Merchant`]). A UI order with a pending price is treated
//!   exactly like an ordinary A+ order: it is not governed by the UI rule
//!   (LianLian Global channel notes).
//!
//! A First-Mile Shipping Price set on day `D` is pending on `D` and the six
//! days after it (seven calendar days, counting the day it was set) and
//! effective from `D + 7` on; see [`FirstMilePrice::effective_from`].
//!
//! # Currency and the one rounding step
//!
//! The rounding step belongs to currency conversion, and nowhere else:
//!
//! - **Every amount in USD** (the amounts the order's formula adds): the
//!   order's value is the exact sum times the quantity, never rounded. An
//!   order of 3 x $3.333 is worth $9.999, under $10; a single $9.995 unit is
//!   worth $9.995, under $10. For USD input the rule is exactly Wish's,
//!   whatever the number of decimals.
//! - **Any amount in another currency** (a zero amount too: it needs a rate
//!   as well): each such amount is converted to USD with the caller's
//!   [`ExchangeRates`](crate::ExchangeRates) *without* rounding; the
//!   components (USD ones included) are added and multiplied by the quantity
//!   exactly; then the **order's value** is rounded **once**, to cents, with
//!   [`RoundingStrategy::MidpointAwayFromZero`](rust_decimal::RoundingStrategy)
//!   ([`VALUE_ROUNDING`]), and that rounded value is compared with $10.00
//!   ([`OrderValue::converted`] says which orders were).
//!
//! Why round a converted value: WishPost and the merchant dashboard show and
//! compare order values in cents, with ordinary commercial rounding; a CNY
//! order worth $9.9986 is a "$10.00" order on every screen the merchant sees,
//! so the crate calls it $10.00 too. Why the order's value and not each
//! converted amount or each unit: rounding once, at the end, keeps the
//! rounding error from piling up per component or per unit (3 x 23.99 CNY at
//! 7.2 is $9.9958, so $10.00, STANDARD; rounding each unit first would give
//! 3 x $3.33 = $9.99). Only the fractions of a cent that conversion creates
//! are rounded; a USD amount the merchant typed is taken at its word.
//!
//! The honest consequence is an asymmetry at the boundary: $9.999 in USD is
//! under $10 (merchant's choice, or ECONOMY for a UI order), while 71.99 CNY
//! at 7.2 CNY per USD ($9.99861...) is $10.00 and STANDARD. `$10.00` exactly
//! is ">= $10": STANDARD.
//!
//! # How each cell of the table is decided, for mixed shipping orders
//!
//! Every order is first *classified* on the as-of date: a UI order with an
//! effective First-Mile price counts as UI; a UI order with a pending price and
//! an A+ order count as plain A+; an optional A+ order counts as not A+. Then:
//!
//! - **Row** ([`RuleRow`]): the first that matches of "at least one UI order"
//!   (so UI + plain A+ + optional is the UI row), "at least one A+ order" (so
//!   plain A+ + optional is the A+ row), else "not governed".
//! - **Column**: the values of *every* order in the shipping order count,
//!   each computed with its own formula, optional A+ orders included. Wish's
//!   note says "for all corresponding Order IDs" in the shipping order; the crate
//!   reads it literally, so an optional order of $10 or more in a governed
//!   shipping order forces STANDARD on it (the planner keeps such orders
//!   apart; see [`plan_split`]).
//! - In the not-governed row values are still computed and reported, but the
//!   answer is [`ChannelRequirement::AnyChannel`] whatever they are: any
//!   WishPost channel, not a choice between the two A-Super ones
//!   ([`AllowedChannels::Any`]).
//!
//! # Example
//!
//! ```
//! use crossborder::channel::{AllowedChannels, ChannelRequirement, Program, WishPostChannel, WishPostOrder};
//! use crossborder::{ExchangeRates, ShippingOrder};
//! use chrono::NaiveDate;
//!
//! let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).ok_or("bad date");
//! let cheap = WishPostOrder::builder("1001", "buyer-7", Program::UnificationInitiative)
//!     .quantity(1)
//!     .merchant_price("3.33 USD".parse()?)
//!     .merchant_shipping("0 USD".parse()?)
//!     .first_mile("3.33 USD".parse()?, day(1)?)
//!     .estimated_wishpost_shipping("3.33 USD".parse()?)
//!     .build()?;
//! let shipping = ShippingOrder::new(vec![cheap])?;
//! let rates = ExchangeRates::new();
//!
//! // Still pending on the 7th: an ordinary A+ order worth $3.33, merchant's choice.
//! let d = shipping.decide(day(7)?, &rates)?;
//! assert_eq!(d.requirement(), ChannelRequirement::MerchantChoice);
//! // Effective on the 8th: 3.33 + 3.33 + 3.33 = $9.99, must use ECONOMY.
//! let d = shipping.decide(day(8)?, &rates)?;
//! assert_eq!(d.requirement(), ChannelRequirement::MustEconomy);
//! assert_eq!(d.requirement().channels(), AllowedChannels::Only(&[WishPostChannel::Economy]));
//! assert_eq!(d.orders()[0].usd().to_string(), "9.99");
//! assert!(!d.orders()[0].converted()); // all USD: the exact value, never rounded
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # JSON
//!
//! Shipping orders ([`ShippingOrderJson`]) and batches of orders
//! ([`OrderBatchJson`]) are read tolerantly and converted with every problem
//! reported at its JSON Pointer:
//!
//! ```json
//! {
//!   "trackingNumber": "UG000123456CN",
//!   "orders": [
//!     {
//!       "id": "6a1f0c", "customer": "buyer-7", "program": "unification_initiative",
//!       "quantity": 1, "currency": "USD",
//!       "merchantPrice": 3.33, "merchantShipping": "0.50",
//!       "firstMile": { "price": "3.33", "setOn": "2026-11-01" },
//!       "estimatedWishpostShipping": 3.33
//!     }
//!   ]
//! }
//! ```
//!
//! - **Amounts** are JSON numbers or strings, read exactly (through
//!   [`crate::wire::Number`]): `3.33`, `"3.33"`, in the order's `currency`.
//!   An amount in another currency than the order's is written as money
//!   text, amount then code: `"23.90 CNY"`. A number of more than 15
//!   significant digits should be sent as a string (see [`crate::wire`]).
//!   The crate writes amounts back as strings, so nothing is lost.
//! - `currency` is an ISO 4217 code (`RMB` reads as `CNY`); it may be left out
//!   only when every amount carries its own code.
//! - `program` is `unification_initiative` (or `ui`), `a_plus` (or `A+`) or
//!   `optional_a_plus` (or `optional`); see [`Program`].
//! - `firstMile` and `estimatedWishpostShipping` are required on UI orders,
//!   optional elsewhere. `setOn` is a `YYYY-MM-DD` date.
//! - `id` and `customer` may be strings or integers.
//! - Unknown members are ignored.
//!
//! A batch for the planner is `{"orders": [...]}` with the same order objects.
//!
//! ## Example
//!
//! ```
//! use crossborder::channel::ShippingOrderJson;
//! use crossborder::Code;
//!
//! let json = r#"{"orders": [
//!   {"id": 1, "customer": "a", "program": "A+", "quantity": 0, "currency": "USD",
//!    "merchantPrice": "9.99", "merchantShipping": -1},
//!   {"id": 2, "customer": "a", "program": "A+", "quantity": 1, "currency": "XYZ",
//!    "merchantPrice": 1, "merchantShipping": 0}
//! ]}"#;
//! let wire: ShippingOrderJson = serde_json::from_str(json)?;
//! let report = wire.to_shipping_order().unwrap_err();
//! let found: Vec<_> = report.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
//! assert_eq!(found, [
//!     ("channel.quantity_invalid", "/orders/0/quantity"),
//!     ("channel.amount_negative", "/orders/0/merchantShipping"),
//!     ("currency.unknown", "/orders/1/currency"),
//! ]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod decide;
mod json;
mod model;
mod plan;

pub use decide::{
    AllowedChannels, ChannelDecision, ChannelRequirement, FirstMileStatus, OrderValue, RuleRow,
    THRESHOLD_USD, VALUE_ROUNDING, ValueFormula, WishPostChannel,
};
pub use json::{FirstMileJson, OrderBatchJson, OrderJson, ShippingOrderJson};
pub use model::{
    FIRST_MILE_PENDING_DAYS, FirstMilePrice, MAX_ORDERS_PER_SHIPPING_ORDER, OrderBuilder, Program,
    SOURCE_CHANNEL_RULE, SOURCE_FIRST_MILE, SOURCE_ORDERS_PER_SHIPPING_ORDER, ShippingOrder,
    WishPostOrder,
};
pub use plan::{PlanSummary, PlannedShipment, SplitPlan, plan_split};

use crate::Code;

crate::macros::codes! {
    /// A shipping order holds no order.
    CHANNEL_EMPTY_SHIPPING_ORDER = "channel.empty_shipping_order";
    /// A shipping order holds more than 20 orders.
    CHANNEL_TOO_MANY_ORDERS = "channel.too_many_orders";
    /// A shipping order holds orders for different customers.
    CHANNEL_MIXED_CUSTOMERS = "channel.mixed_customers";
    /// The same order id appears twice (in a shipping order or a batch).
    CHANNEL_DUPLICATE_ORDER = "channel.duplicate_order";
    /// An order's quantity is zero, negative or not a whole number.
    CHANNEL_QUANTITY_INVALID = "channel.quantity_invalid";
    /// An amount (price, shipping) is negative.
    CHANNEL_AMOUNT_NEGATIVE = "channel.amount_negative";
    /// A field the rule needs is missing (an order id, a price, a UI order's
    /// First-Mile price, ...).
    CHANNEL_MISSING_FIELD = "channel.missing_field";
    /// No exchange rate to USD was supplied for an amount's currency.
    CHANNEL_RATE_MISSING = "channel.rate_missing";
    /// An order's value does not fit a decimal.
    CHANNEL_AMOUNT_OVERFLOW = "channel.amount_overflow";
    /// The `program` is none of the known programs.
    CHANNEL_PROGRAM_UNKNOWN = "channel.program_unknown";
    /// A date (the First-Mile price's `setOn`) is not `YYYY-MM-DD`.
    CHANNEL_DATE_INVALID = "channel.date_invalid";
}
