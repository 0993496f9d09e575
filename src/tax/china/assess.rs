//! The computation: [`assess`] an order against the tax table, giving a
//! [`TaxAssessment`] of [`LineTax`]es.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::facts::LineFacts;
use super::table::{
    CbecPeriod, CcTierPeriod, Condition, DatedRate, Measure, PostalTaxNumber, Quantity,
    SpecificTax, TableList, TaxRow, TaxTable, percent,
};
use crate::declaration::Context;
use crate::macros::closed_enum;
use crate::{
    ClearanceMode, Code, Currency, HsCode, JsonPointer, Money, Order, OrderItem, Report, Severity,
    Violation,
};

crate::macros::codes! {
    /// The tax table has no regime in force on the date (cross-border
    /// e-commerce before 2019-01-01, personal articles before 2016-04-08 in
    /// the default table).
    TAX_DATE_NOT_COVERED = "tax.date_not_covered";
    /// The order is general trade, not a cross-border e-commerce import or a
    /// personal parcel: over the annual limit, over the transaction limit
    /// with more than one item, or a personal parcel over its limit. No tax
    /// is computed.
    TAX_GENERAL_TRADE = "tax.general_trade";
    /// A one-item order over the transaction limit: cross-border e-commerce
    /// at the full rates.
    TAX_FULL_RATE = "tax.full_rate";
    /// A personal parcel over its limit that holds a single indivisible
    /// article: it may clear if for personal use.
    TAX_SINGLE_ARTICLE_OVER_LIMIT = "tax.single_article_over_limit";
    /// Full rates need an MFN duty rate that neither the table nor the
    /// caller gives.
    TAX_DUTY_RATE_MISSING = "tax.duty_rate_missing";
    /// A specific consumption tax needs a quantity (a volume, a net weight)
    /// the order does not give.
    TAX_QUANTITY_MISSING = "tax.quantity_missing";
    /// A rate is a guess: the general VAT rate, or the personal articles
    /// tier of other goods, because no row lists the line's HS code.
    TAX_RATE_DEFAULT = "tax.rate_default";
    /// Whether a line is high-end could not be told (no net weight).
    TAX_HIGH_END_UNDECIDED = "tax.high_end_undecided";
    /// A rate of the table cannot be used (a consumption tax rate not below
    /// 1, a negative rate, a tier the period does not have).
    TAX_RATE_INVALID = "tax.rate_invalid";
    /// A line's value, the delivery or the insurance is negative.
    TAX_VALUE_NEGATIVE = "tax.value_negative";
}

closed_enum! {
    /// On what basis an order is taxed.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Basis;
    /// assert_eq!("cbec_full_rate".parse::<Basis>()?, Basis::CbecFullRate);
    /// assert_eq!(Basis::PersonalArticles.to_string(), "personal_articles");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum Basis("tax basis" in "tax::") {
        /// Cross-border e-commerce within the limits: duty 0, VAT and
        /// consumption tax at 70%.
        Cbec = "cbec",
        /// Cross-border e-commerce, a one-item order over the transaction
        /// limit: duty, VAT and consumption tax in full.
        CbecFullRate = "cbec_full_rate",
        /// General trade: no cross-border e-commerce or personal articles
        /// tax is computed.
        GeneralTrade = "general_trade",
        /// Personal postal articles (CC): the tier rate on the dutiable
        /// price.
        PersonalArticles = "personal_articles",
    }
}

/// Where a rate of a line came from.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::declaration::Context;
/// use crossborder::tax::{self, RateSource};
/// use crossborder::{wire, Order};
///
/// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
///     {"quantity": 1, "price": 80, "product": {"hsCode": "4901990000"}},
///     {"quantity": 1, "price": 30, "product": {"hsCode": "0101210000"}}]}"#)?;
/// let order = Order::from_wire(w).into_result()?;
/// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
/// let tax = tax::assess(&order, &context);
/// let book = tax.lines()[0].vat_rate().unwrap();
/// assert_eq!(book.rate().to_string(), "0.09");
/// assert!(matches!(book.source(), RateSource::Row { .. }));
/// assert!(book.source().text().contains("增值税"));
/// assert_eq!(book.source().pointer().map(|p| p.to_string()).as_deref().map(|p| p.starts_with("/rows/")), Some(true));
/// let horse = tax.lines()[1].vat_rate().unwrap();
/// assert!(horse.source().is_guess()); // no row lists live horses: the general 13%
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RateSource<'t> {
    /// A row of the table (`rows[index]`).
    Row {
        /// Its index in [`TaxTable::rows`].
        index: usize,
        /// The row.
        row: &'t TaxRow,
    },
    /// The general VAT rate, because no row gives the line's HS code one: a
    /// guess.
    GeneralVat {
        /// Its index in [`TaxTable::general_vat`].
        index: usize,
        /// The rate.
        entry: &'t DatedRate,
    },
    /// The personal articles tier of other goods, because no row places the
    /// line's HS code: a guess.
    OtherGoods {
        /// Its index in [`TaxTable::cc_tiers`].
        index: usize,
        /// The period.
        period: &'t CcTierPeriod,
    },
    /// The caller's mapping of the product's personal postal articles tax
    /// number.
    PostalTaxNumber {
        /// Its index in [`TaxTable::postal_tax_numbers`].
        index: usize,
        /// The entry.
        entry: &'t PostalTaxNumber,
    },
    /// The cross-border e-commerce regime (duty 0 within the limits, the
    /// share of VAT and consumption tax).
    Regime {
        /// Its index in [`TaxTable::cbec`].
        index: usize,
        /// The period.
        period: &'t CbecPeriod,
    },
    /// No row lists the line's HS code for this tax: none applies (the
    /// consumption tax is charged only on its listed goods).
    NotListed,
    /// The caller's duty rate ([`LineFacts::with_duty_rate`] or
    /// [`Context::with_duty_rate`]).
    Caller,
}

impl<'t> RateSource<'t> {
    /// The source text a user can look up (a regulation, a document).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert!(line.vat_rate().unwrap().source().text().contains("增值税"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &'t str {
        match self {
            RateSource::Row { row, .. } => &row.source,
            RateSource::GeneralVat { entry, .. } => &entry.source,
            RateSource::OtherGoods { period, .. } => &period.source,
            RateSource::PostalTaxNumber { entry, .. } => &entry.source,
            RateSource::Regime { period, .. } => &period.source,
            RateSource::NotListed => "the tax table lists no such tax for the line's HS code",
            RateSource::Caller => "the caller's duty rate",
        }
    }

    /// The JSON Pointer of the entry in the table's JSON (`/rows/12`,
    /// `/generalVat/1`), where there is one.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// let at = line.vat_rate().unwrap().source().pointer().unwrap();
    /// assert!(at.as_str().starts_with("/rows/"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pointer(&self) -> Option<JsonPointer> {
        let (list, index) = match self {
            RateSource::Row { index, .. } => (TableList::Rows, *index),
            RateSource::GeneralVat { index, .. } => (TableList::GeneralVat, *index),
            RateSource::OtherGoods { index, .. } => (TableList::CcTiers, *index),
            RateSource::PostalTaxNumber { index, .. } => (TableList::PostalTaxNumbers, *index),
            RateSource::Regime { index, .. } => (TableList::Cbec, *index),
            RateSource::NotListed | RateSource::Caller => return None,
        };
        Some(list.pointer(index))
    }

    /// Whether the rate is a guess: the general VAT rate or the tier of other
    /// goods, taken because no row lists the line's HS code.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert!(!line.vat_rate().unwrap().source().is_guess()); // 8518 has a VAT row
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_guess(&self) -> bool {
        matches!(
            self,
            RateSource::GeneralVat { .. } | RateSource::OtherGoods { .. }
        )
    }
}

/// A rate applied to a line, and where it came from.
///
/// # Example
///
/// ```
/// # use chrono::NaiveDate;
/// # use crossborder::declaration::Context;
/// # use crossborder::tax;
/// # use crossborder::{wire, Order};
/// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
/// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
/// # let order = Order::from_wire(w).into_result()?;
/// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
/// let tax = tax::assess(&order, &context);
/// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
/// let vat: &tax::AppliedRate<'_> = line.vat_rate().unwrap();
/// assert_eq!(vat.rate().to_string(), "0.13");
/// assert!(vat.specific().is_none());
/// assert!(!vat.source().is_guess());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppliedRate<'t> {
    rate: Decimal,
    specific: Option<&'t SpecificTax>,
    source: RateSource<'t>,
}

impl<'t> AppliedRate<'t> {
    /// The rate, a fraction (the ad valorem part of a consumption tax).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.vat_rate().unwrap().rate().to_string(), "0.13");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate(&self) -> Decimal {
        self.rate
    }

    /// The specific part of a consumption tax, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::Context;
    /// use crossborder::tax::{self, LineFacts};
    /// use crossborder::{wire, Order};
    /// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
    ///     {"quantity": 2, "price": 300, "product": {"hsCode": "2208300000"}}]}"#)?;
    /// let order = Order::from_wire(w).into_result()?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap())
    ///     .with_line_facts(0, LineFacts::new().with_volume("700 ml".parse()?)?);
    /// let tax = tax::assess(&order, &context);
    /// let ct = tax.lines()[0].consumption_rate().unwrap();
    /// assert_eq!(ct.specific().map(|s| s.to_string()).as_deref(), Some("0.5 CNY per 500 ml"));
    /// // base (600 + 1.4) / 0.8 = 751.75; consumption tax (150.35 + 1.40) x 70%, VAT 97.7275 x 70%
    /// assert_eq!(tax.lines()[0].consumption_tax().map(|m| m.to_string()).as_deref(), Some("106.23 CNY"));
    /// assert_eq!(tax.lines()[0].vat().map(|m| m.to_string()).as_deref(), Some("68.41 CNY"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn specific(&self) -> Option<SpecificTax> {
        self.specific.copied()
    }

    /// Where the rate came from.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert!(matches!(line.consumption_rate().unwrap().source(), tax::RateSource::NotListed));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn source(&self) -> RateSource<'t> {
        self.source
    }
}

/// A line's effective rate, divided out only when asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rate {
    /// The rate itself (a personal articles tier, a free line's ad valorem
    /// rate).
    Given(Decimal),
    /// The exact tax over the dutiable value.
    Ratio { tax: Decimal, value: Decimal },
}

/// Why a line's tax could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Its price or quantity is missing, negative, or in a currency without a
    /// rate.
    Value,
    /// No basis (the order is general trade, or its basis is unknown).
    Basis,
    /// Full rates without an MFN duty rate.
    DutyRate,
    /// A specific tax without its quantity.
    Quantity,
    /// A rate of the table cannot be used.
    Rate,
    /// The amounts do not fit a decimal.
    Overflow,
}

impl Gap {
    pub(crate) fn reason(self) -> (&'static str, &'static str) {
        match self {
            Gap::Value => ("the line's value is not known", "该商品的价值未知"),
            Gap::Basis => ("the order's tax basis is not known", "订单的计税方式未知"),
            Gap::DutyRate => (
                "it is taxed at full rates and no MFN duty rate is given for it",
                "该商品按货物税率全额征税，但未提供最惠国关税税率",
            ),
            Gap::Quantity => (
                "its specific consumption tax needs a quantity the order does not give",
                "其从量消费税所需的数量订单中未提供",
            ),
            Gap::Rate => (
                "a rate of the tax table cannot be used",
                "税率表中的税率无法使用",
            ),
            Gap::Overflow => ("its amounts are too large", "其金额过大"),
        }
    }
}

/// The tax of one order line, in CNY: the dutiable value of its goods, the
/// duty, consumption tax and VAT (each rounded half up to 0.01 CNY; their
/// sum is the line's tax, the API's item `tax`), the effective rate, and the
/// rates applied with their sources. The tax on the line's share of delivery
/// and insurance is not in the line's tax: it is in the order's
/// [`TaxAssessment::shipping_tax`].
///
/// Amounts are `None` when they could not be computed (see the
/// assessment's report) or do not apply (duty, consumption tax and VAT of a
/// personal article, which pays one tax).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::declaration::Context;
/// use crossborder::tax;
/// use crossborder::{wire, Order};
///
/// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BBC", "items": [
///     {"quantity": 1, "price": 580, "product": {"hsCode": "3304990000", "netWeight": 0.05}}]}"#)?;
/// let order = Order::from_wire(w).into_result()?;
/// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
/// let tax = tax::assess(&order, &context);
/// let line = &tax.lines()[0];
/// assert_eq!(line.pointer().as_str(), "/items/0");
/// // ¥11.60 a gram: high-end, 15% consumption tax: (0.15 + 0.13) / 0.85 x 70%
/// assert_eq!(line.rate().map(|r| r.round_dp(4).to_string()).as_deref(), Some("0.2306"));
/// assert_eq!(line.consumption_tax().map(|m| m.to_string()).as_deref(), Some("71.65 CNY"));
/// assert_eq!(line.vat().map(|m| m.to_string()).as_deref(), Some("62.09 CNY"));
/// assert_eq!(line.tax().map(|m| m.to_string()).as_deref(), Some("133.74 CNY"));
/// assert!(line.is_certain());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineTax<'t> {
    index: usize,
    dutiable_value: Option<Decimal>,
    /// (delivery and insurance, this line's weight, all lines' weight):
    /// multiplied and divided when asked for.
    shipping_share: Option<(Decimal, Decimal, Decimal)>,
    duty: Option<Decimal>,
    consumption_tax: Option<Decimal>,
    vat: Option<Decimal>,
    tax: Option<Decimal>,
    rate: Option<Rate>,
    duty_rate: Option<AppliedRate<'t>>,
    consumption_rate: Option<AppliedRate<'t>>,
    vat_rate: Option<AppliedRate<'t>>,
    cc_rate: Option<AppliedRate<'t>>,
    cc_tier: Option<u8>,
    certain: bool,
    gap: Option<Gap>,
}

fn cny(amount: Option<Decimal>) -> Option<Money> {
    amount.map(|a| Money::new(a, Currency::CNY))
}

impl<'t> LineTax<'t> {
    fn new(index: usize) -> Self {
        LineTax {
            index,
            dutiable_value: None,
            shipping_share: None,
            duty: None,
            consumption_tax: None,
            vat: None,
            tax: None,
            rate: None,
            duty_rate: None,
            consumption_rate: None,
            vat_rate: None,
            cc_rate: None,
            cc_tier: None,
            certain: true,
            gap: None,
        }
    }

    /// The line's index in the order's `items`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.index(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> usize {
        self.index
    }

    /// The line's JSON Pointer, `/items/N`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.pointer().as_str(), "/items/0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pointer(&self) -> JsonPointer {
        JsonPointer::root().field("items").index(self.index)
    }

    /// The dutiable value of the line's goods: (price − discount) ×
    /// quantity in CNY (for personal articles, the dutiable price ×
    /// quantity).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.dutiable_value().map(|m| m.amount().to_string()).as_deref(), Some("200"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dutiable_value(&self) -> Option<Money> {
        cny(self.dutiable_value)
    }

    /// The line's share of delivery and insurance, exact (in proportion to
    /// its value; by quantity when every line is free).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.shipping_share().map(|m| m.amount().to_string()).as_deref(), Some("10"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shipping_share(&self) -> Option<Money> {
        let (extra, weight, whole) = self.shipping_share?;
        cny(extra.checked_mul(weight).and_then(|x| x.checked_div(whole)))
    }

    /// The customs duty (0 under cross-border e-commerce within the limits).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.duty().map(|m| m.to_string()).as_deref(), Some("0.00 CNY"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn duty(&self) -> Option<Money> {
        cny(self.duty)
    }

    /// The consumption tax.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.consumption_tax().map(|m| m.to_string()).as_deref(), Some("0.00 CNY"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn consumption_tax(&self) -> Option<Money> {
        cny(self.consumption_tax)
    }

    /// The VAT.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.vat().map(|m| m.to_string()).as_deref(), Some("18.20 CNY")); // 200 x 13% x 70%
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat(&self) -> Option<Money> {
        cny(self.vat)
    }

    /// The line's tax: duty + consumption tax + VAT, each rounded; for a
    /// personal article, the article tax (0 when the parcel's tax is
    /// waived).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.tax().map(|m| m.to_string()).as_deref(), Some("18.20 CNY"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tax(&self) -> Option<Money> {
        cny(self.tax)
    }

    /// The effective combined rate, a fraction (0.091 for 9.1%): the line's
    /// exact tax over its dutiable value (for a free line, the ad valorem
    /// rate), unrounded.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.rate().map(|r| r.to_string()).as_deref(), Some("0.091"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate(&self) -> Option<Decimal> {
        match self.rate? {
            Rate::Given(r) => Some(r.normalize()),
            Rate::Ratio { tax, value } => tax.checked_div(value).map(|r| r.normalize()),
        }
    }

    /// The MFN duty rate applied (0 under cross-border e-commerce).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// let duty = line.duty_rate().unwrap();
    /// assert!(duty.rate().is_zero()); // cross-border e-commerce: duty 0
    /// assert!(matches!(duty.source(), tax::RateSource::Regime { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn duty_rate(&self) -> Option<&AppliedRate<'t>> {
        self.duty_rate.as_ref()
    }

    /// The consumption tax applied.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert!(line.consumption_rate().unwrap().rate().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn consumption_rate(&self) -> Option<&AppliedRate<'t>> {
        self.consumption_rate.as_ref()
    }

    /// The VAT rate applied.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert_eq!(line.vat_rate().map(|r| r.rate().to_string()).as_deref(), Some("0.13"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_rate(&self) -> Option<&AppliedRate<'t>> {
        self.vat_rate.as_ref()
    }

    /// The personal postal articles tax rate applied, and its tier.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert!(line.cc_rate().is_none()); // not a personal parcel
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cc_rate(&self) -> Option<(u8, &AppliedRate<'t>)> {
        self.cc_tier.zip(self.cc_rate.as_ref())
    }

    /// Whether every rate came from a row (no default guess, no high-end
    /// test that could not be made).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let line = &tax.lines()[0]; // 2 x ¥100 earbuds, ¥10 delivery
    /// assert!(line.is_certain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_certain(&self) -> bool {
        self.certain
    }

    pub(crate) fn gap(&self) -> Option<Gap> {
        self.gap
    }
}

/// What an order owes China at import, and why.
///
/// Made by [`assess`]. All amounts are CNY, exact decimals: each tax of each
/// line rounded half up to 0.01, the shipping tax computed exactly over the
/// lines and rounded once, the total the sum of the rounded lines and the
/// shipping tax. The report holds every problem and note (the basis, guessed
/// rates, missing duty rates or quantities), each at its JSON Pointer into
/// the order.
///
/// Serializes as `{"mode", "basis", "lines": [{"path", "dutiableValue",
/// "duty", "consumptionTax", "vat", "tax", "rate"}], "shippingTax",
/// "totalTax", "waived", "report"}`, amounts as strings with two decimals,
/// `rate` as a number, `null` for what is not known.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::declaration::Context;
/// use crossborder::tax::{self, Basis};
/// use crossborder::{wire, Order};
/// use rust_decimal::Decimal;
///
/// // A ¥12,000 watch, alone in its order: full rates, with the caller's duty rate.
/// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
///     {"quantity": 1, "price": 12000, "product": {"hsCode": "9102110000"}}]}"#)?;
/// let order = Order::from_wire(w).into_result()?;
/// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()).with_duty_rate(Decimal::new(8, 2));
/// let tax = tax::assess(&order, &context);
/// assert_eq!(tax.basis(), Some(Basis::CbecFullRate));
/// let line = &tax.lines()[0];
/// assert_eq!(line.duty().map(|m| m.to_string()).as_deref(), Some("960.00 CNY"));
/// // (12,000 + 960) / 0.8 = 16,200: consumption tax 20%, VAT 13%
/// assert_eq!(line.consumption_tax().map(|m| m.to_string()).as_deref(), Some("3240.00 CNY"));
/// assert_eq!(line.vat().map(|m| m.to_string()).as_deref(), Some("2106.00 CNY"));
/// assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("6306.00 CNY"));
/// let json = serde_json::to_value(&tax)?;
/// assert_eq!(json["basis"], "cbec_full_rate");
/// assert_eq!(json["lines"][0]["tax"], "6306.00");
/// assert_eq!(json["lines"][0]["rate"], 0.5255);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxAssessment<'t> {
    mode: Option<ClearanceMode>,
    basis: Option<Basis>,
    lines: Vec<LineTax<'t>>,
    dutiable_value: Option<Decimal>,
    shipping_tax: Option<Decimal>,
    total: Option<Decimal>,
    waived: Option<Decimal>,
    report: Report,
}

impl<'t> TaxAssessment<'t> {
    /// The clearance mode the order was taxed in.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// assert_eq!(tax.mode(), Some(crossborder::ClearanceMode::Bc));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mode(&self) -> Option<ClearanceMode> {
        self.mode
    }

    /// The basis, when it could be decided.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// assert_eq!(tax.basis(), Some(tax::Basis::Cbec));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> Option<Basis> {
        self.basis
    }

    /// The lines, in the order's order.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// assert_eq!(tax.lines().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[LineTax<'t>] {
        &self.lines
    }

    /// The dutiable value the limits were tested on: for cross-border
    /// e-commerce the goods (before non-cash deductions), delivery and
    /// insurance; for a personal parcel its articles' dutiable prices.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// assert_eq!(tax.dutiable_value().map(|m| m.amount().to_string()).as_deref(), Some("210")); // goods and delivery
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dutiable_value(&self) -> Option<Money> {
        cny(self.dutiable_value)
    }

    /// The tax on delivery and insurance (the API's `shippingTax`): each
    /// line's share at that line's rates, computed exactly over the lines and
    /// rounded once. 0 for personal articles.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::Context;
    /// use crossborder::tax;
    /// use crossborder::{wire, Order};
    /// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 20, "insuranceFee": 2,
    ///     "nonCashDeductionAmount": 50, "items": [
    ///     {"quantity": 2, "price": 199, "product": {"hsCode": "8518300000"}},
    ///     {"quantity": 1, "price": 100, "product": {"hsCode": "4901990000"}}]}"#)?;
    /// let order = Order::from_wire(w).into_result()?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// // 22 x (398 x 9.1% + 100 x 6.3%) / 498 = 1.8783...
    /// assert_eq!(tax.shipping_tax().map(|m| m.to_string()).as_deref(), Some("1.88 CNY"));
    /// assert_eq!(tax.dutiable_value().map(|m| m.to_string()).as_deref(), Some("520 CNY")); // deductions stay in
    /// assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("44.40 CNY")); // 36.22 + 6.30 + 1.88
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shipping_tax(&self) -> Option<Money> {
        cny(self.shipping_tax)
    }

    /// The tax due: the lines' tax plus the shipping tax (0 when waived);
    /// `None` when any part is not known.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("19.11 CNY")); // 18.20 + 0.91 on delivery
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self) -> Option<Money> {
        cny(self.total)
    }

    /// Whether the personal articles tax was waived (¥50 or less).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// assert!(!tax.is_waived()); // only personal articles are
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_waived(&self) -> bool {
        self.waived.is_some()
    }

    /// The personal articles tax that was waived, if it was.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::Context;
    /// use crossborder::tax;
    /// use crossborder::{wire, Order};
    /// let w: wire::Order = serde_json::from_str(r#"{"expressType": "CC", "items": [
    ///     {"quantity": 1, "price": 200, "product": {"hsCode": "6109100000"}}]}"#)?;
    /// let order = Order::from_wire(w).into_result()?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// assert!(tax.is_waived()); // 200 x 20% = 40: ¥50 or less
    /// assert_eq!(tax.waived_amount().map(|m| m.to_string()).as_deref(), Some("40.00 CNY"));
    /// assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("0.00 CNY"));
    /// assert_eq!(tax.lines()[0].cc_rate().map(|(tier, r)| (tier, r.rate().to_string())), Some((2, "0.20".into())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn waived_amount(&self) -> Option<Money> {
        cny(self.waived)
    }

    /// Every problem and note, in document order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::Context;
    /// use crossborder::tax;
    /// use crossborder::{wire, Order};
    /// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
    ///     {"quantity": 1, "price": 12000, "product": {"hsCode": "9102110000"}}]}"#)?;
    /// let order = Order::from_wire(w).into_result()?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// let codes: Vec<_> = tax.report().iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
    /// assert_eq!(codes, [("tax.full_rate", "/items"), ("tax.duty_rate_missing", "/items/0/product/hsCode")]);
    /// assert_eq!(tax.total(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Adds violations found elsewhere to this answer's report (the order's
    /// format problems, the declared-tax check), keeping it in document
    /// order, so that one report says everything about the order's tax.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::Context;
    /// use crossborder::tax;
    /// use crossborder::{wire, Order};
    /// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
    ///     {"quantity": 1, "price": 100, "tax": 1, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// let order = Order::from_wire(w).into_result()?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let mut tax = tax::assess(&order, &context);
    /// let declared = tax.check_declared(&order, context.rates());
    /// tax.extend_report(declared);
    /// assert_eq!(tax.report().as_slice()[0].pointer().as_str(), "/items/0/tax");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend_report(&mut self, report: Report) {
        self.report.append(report);
        self.report.sort_document_order(crate::DocumentKind::Order);
    }

    /// Keeps only the violations of the report for which `keep` is true
    /// (to drop what another report already says, for instance).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::Context;
    /// use crossborder::tax;
    /// use crossborder::{wire, Order};
    /// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [{"quantity": 1}]}"#)?;
    /// let order = Order::from_wire(w).into_result()?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let mut tax = tax::assess(&order, &context);
    /// assert_eq!(tax.report().as_slice()[0].code().as_str(), "required.missing"); // no price
    /// tax.retain_report(|v| v.code().as_str() != "required.missing");
    /// assert!(tax.report().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retain_report(&mut self, keep: impl FnMut(&Violation) -> bool) {
        self.report.retain(keep);
    }

    /// Whether every line's rates came from rows of the table (no default
    /// guess).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::declaration::Context;
    /// # use crossborder::tax;
    /// # use crossborder::{wire, Order};
    /// # let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 10, "items": [
    /// #     {"quantity": 2, "price": 100, "product": {"hsCode": "8518300000"}}]}"#)?;
    /// # let order = Order::from_wire(w).into_result()?;
    /// # let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let tax = tax::assess(&order, &context);
    /// assert!(tax.is_certain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_certain(&self) -> bool {
        self.lines.iter().all(|l| l.certain)
    }
}

/// A decimal written with two decimals, half up.
pub(crate) fn two_dp(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r.to_string()
}

struct Amount(Option<Decimal>);

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(d) => s.serialize_str(&two_dp(d)),
            None => s.serialize_none(),
        }
    }
}

/// A rate as a JSON number: six decimals at most, trailing zeros dropped.
struct RateNumber(Option<Decimal>);

impl Serialize for RateNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use rust_decimal::prelude::ToPrimitive as _;
        match self.0.and_then(|d| d.round_dp(6).normalize().to_f64()) {
            Some(f) => s.serialize_f64(f),
            None => s.serialize_none(),
        }
    }
}

impl Serialize for LineTax<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("LineTax", 7)?;
        m.serialize_field("path", self.pointer().as_str())?;
        m.serialize_field("dutiableValue", &Amount(self.dutiable_value))?;
        m.serialize_field("duty", &Amount(self.duty))?;
        m.serialize_field("consumptionTax", &Amount(self.consumption_tax))?;
        m.serialize_field("vat", &Amount(self.vat))?;
        m.serialize_field("tax", &Amount(self.tax))?;
        m.serialize_field("rate", &RateNumber(self.rate()))?;
        m.end()
    }
}

impl Serialize for TaxAssessment<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("mode", &self.mode.map(ClearanceMode::as_str))?;
        m.serialize_entry("basis", &self.basis.map(Basis::as_str))?;
        m.serialize_entry("lines", &self.lines)?;
        m.serialize_entry("shippingTax", &Amount(self.shipping_tax))?;
        m.serialize_entry("totalTax", &Amount(self.total))?;
        m.serialize_entry("waived", &self.waived.is_some())?;
        m.serialize_entry("report", &self.report)?;
        m.end()
    }
}

// ---------- the compiled table ----------

/// A [`TaxTable`] with its look-up index: each prefix of the rows as a
/// number (its digits and its length), mapped to the rows of that prefix,
/// so a line finds its rows with one hash look-up per prefix length the
/// table uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TaxEngine {
    table: TaxTable,
    /// (prefix key, conditional, row index), sorted.
    index: Vec<(u64, bool, u32)>,
    /// Prefix key to its range in `index`.
    ranges: HashMap<u64, (u32, u32), BuildHasherDefault<KeyHasher>>,
    /// Bit `n` set: some row has a prefix of `n` digits.
    lengths: u16,
}

/// A hasher for prefix keys, which are small distinct integers: one
/// multiplication (the look-up order is never seen by users).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
}

/// The key of a prefix: its digits as a number, and its length, so `85`
/// and `0085` differ.
fn prefix_key(value: u64, len: usize) -> u64 {
    (value << 4) | len as u64
}

fn digits_key(digits: &str) -> Option<u64> {
    let mut value = 0u64;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u64::from(b - b'0');
    }
    Some(prefix_key(value, digits.len()))
}

impl TaxEngine {
    pub(crate) fn new(table: TaxTable) -> TaxEngine {
        let mut lengths = 0u16;
        let mut index: Vec<(u64, bool, u32)> = table
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let p = r.prefix.as_str();
                lengths |= 1 << p.len();
                Some((digits_key(p)?, r.when.is_some(), u32::try_from(i).ok()?))
            })
            .collect();
        index.sort_unstable();
        let mut ranges: HashMap<u64, (u32, u32), BuildHasherDefault<KeyHasher>> =
            HashMap::default();
        for (i, e) in index.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            ranges
                .entry(e.0)
                .and_modify(|r| r.1 = i + 1)
                .or_insert((i, i + 1));
        }
        TaxEngine {
            table,
            index,
            ranges,
            lengths,
        }
    }

    /// The engine of the default table, built once.
    pub(crate) fn standard() -> &'static TaxEngine {
        static STANDARD: OnceLock<TaxEngine> = OnceLock::new();
        STANDARD.get_or_init(|| TaxEngine::new(TaxTable::china_default()))
    }

    pub(crate) fn table(&self) -> &TaxTable {
        &self.table
    }

    /// The rows whose prefix starts `code`: longest prefix first, then
    /// conditional rows, then later rows.
    fn candidates<'s>(&'s self, code: &str) -> impl Iterator<Item = (usize, &'s TaxRow)> + 's {
        // The keys of the code's prefixes, longest first.
        let mut keys = [0u64; 12];
        let mut n = 0;
        let mut value = 0u64;
        for (i, b) in code.bytes().take(12).enumerate() {
            if !b.is_ascii_digit() {
                break;
            }
            value = value * 10 + u64::from(b - b'0');
            let len = i + 1;
            if len >= 2 && self.lengths & (1 << len) != 0 {
                keys[n] = prefix_key(value, len);
                n += 1;
            }
        }
        keys[..n].reverse();
        (0..n).flat_map(move |k| {
            let (start, end) = self.ranges.get(&keys[k]).copied().unwrap_or((0, 0));
            let rows = self.index.get(start as usize..end as usize).unwrap_or(&[]);
            rows.iter().rev().filter_map(move |e| {
                let i = e.2 as usize;
                self.table.rows.get(i).map(|r| (i, r))
            })
        })
    }
}

// ---------- the computation ----------

/// What a condition test needs to know about a line.
struct LineView<'a> {
    facts: Option<&'a LineFacts>,
    /// Dutiable value of one unit, CNY, as a fraction (numerator,
    /// denominator above 0), so that a threshold is tested exactly.
    unit_value: Option<(Decimal, Decimal)>,
    item: &'a OrderItem,
}

impl LineView<'_> {
    /// One unit's quantity in the base of `measure` (pieces, g, ml).
    fn unit_quantity(&self, measure: Measure) -> Option<Decimal> {
        match measure {
            Measure::Count => Some(Decimal::ONE),
            Measure::Mass => unit_grams(self.item),
            Measure::Volume => self
                .facts
                .and_then(|f| f.volume())
                .and_then(|v| v.in_base()),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Test {
    Met,
    NotMet,
    /// Cannot be told: the quantity of this measure is missing.
    Undecided(Measure),
}

fn at_least(view: &LineView<'_>, at_least: Decimal, per: &Quantity) -> Test {
    let Some(unit_qty) = view.unit_quantity(per.unit().measure()) else {
        return Test::Undecided(per.unit().measure());
    };
    let (Some((num, den)), Some(per_base)) = (view.unit_value, per.in_base()) else {
        return Test::NotMet;
    };
    // num / den / unit_qty x per_base >= at_least, without dividing.
    let left = num.checked_mul(per_base);
    let right = at_least
        .checked_mul(unit_qty)
        .and_then(|r| r.checked_mul(den));
    match (left, right) {
        (Some(l), Some(r)) if l >= r => Test::Met,
        _ => Test::NotMet,
    }
}

fn test(when: &Condition, view: &LineView<'_>) -> Test {
    match when {
        Condition::HighEnd { at_least: t, per } => match view.facts.and_then(LineFacts::high_end) {
            Some(true) => Test::Met,
            Some(false) => Test::NotMet,
            None => at_least(view, *t, per),
        },
        Condition::UnitValueAtLeast { at_least: t, per } => at_least(view, *t, per),
        Condition::Attribute(a) => {
            if view.facts.is_some_and(|f| f.has_attribute(a)) {
                Test::Met
            } else {
                Test::NotMet
            }
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Want {
    vat: bool,
    consumption: bool,
    duty: bool,
    tier: bool,
}

/// The rows that give a line each of its rates (indices and rows; the
/// values are read from the rows).
#[derive(Clone, Copy, Default)]
struct Found<'t> {
    vat: Option<(usize, &'t TaxRow)>,
    consumption: Option<(usize, &'t TaxRow)>,
    duty: Option<(usize, &'t TaxRow)>,
    tier: Option<(usize, &'t TaxRow)>,
    /// A conditional row that could not be tested, and on what.
    undecided: Option<(&'t TaxRow, Measure)>,
    /// A conditional row was tested: the answer depends on the line.
    tested: bool,
}

/// The rows found for each HS code of one order, so the lines of an order
/// that share a code look it up once. Where no conditional row was tested
/// the rows hold for every line of the code; where one was, they hold for
/// the lines that agree on what a test reads: no caller facts, the same
/// unit value and the same unit net weight (the order's totals, the date
/// and the rates wanted are the same for all its lines).
#[derive(Default)]
struct Lookups<'t> {
    seen: Few<Seen<'t>, 8>,
}

struct Seen<'t> {
    /// [`HsCode::key`].
    code: u128,
    /// What a test read.
    tested: Option<Tested>,
    found: Found<'t>,
    /// The rates of a cross-border line without facts at these rows, once
    /// a line has had them without a finding.
    rates: Option<Cached<'t>>,
}

/// A cross-border line's rates, as [`cbec_line`] makes them for a line
/// without facts, without a finding and without a specific tax: the same
/// for every such line of the same rows (the date, the basis, the general
/// VAT rate, the caller's duty rate and the factor are the order's).
#[derive(Clone, Copy)]
struct Cached<'t> {
    vat: AppliedRate<'t>,
    consumption: AppliedRate<'t>,
    duty: AppliedRate<'t>,
    /// The set of rates in the order's [`Plans`].
    plan: usize,
}

/// What the conditional rows of a look-up read of a line without facts:
/// its unit value and its unit net weight in grams.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Tested {
    unit: Decimal,
    grams: Option<Decimal>,
}

impl Tested {
    /// `==`, first on the bits (the same bits are the same values).
    fn same(&self, o: &Tested) -> bool {
        let bits = |t: &Tested| (t.unit.serialize(), t.grams.map(|g| g.serialize()));
        bits(self) == bits(o) || self == o
    }
}

impl<'t> Lookups<'t> {
    /// The rows of `code` for a line whose unit value is `unit`: the index
    /// of the entry that holds them (see [`Lookups::found`]), or the rows
    /// where they are not kept.
    #[allow(clippy::too_many_arguments)]
    fn entry(
        &mut self,
        engine: &'t TaxEngine,
        code: Option<&HsCode>,
        date: NaiveDate,
        want: Want,
        unit: Decimal,
        view: &mut LineView<'_>,
        unit_value: &mut dyn FnMut() -> Option<(Decimal, Decimal)>,
    ) -> Result<usize, Found<'t>> {
        let Some(code) = code else {
            return Err(Found::default());
        };
        let code_key = code.key();
        // The common case first: the code's first entry has no test.
        if let Some(k) = self.seen.iter().position(|e| e.code == code_key)
            && self.seen.get(k).is_some_and(|e| e.tested.is_none())
        {
            return Ok(k);
        }
        self.entry_tested(engine, code, date, want, unit, view, unit_value)
    }

    /// [`Lookups::entry`] where the code's first entry has a test, or it
    /// has none.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn entry_tested(
        &mut self,
        engine: &'t TaxEngine,
        code: &HsCode,
        date: NaiveDate,
        want: Want,
        unit: Decimal,
        view: &mut LineView<'_>,
        unit_value: &mut dyn FnMut() -> Option<(Decimal, Decimal)>,
    ) -> Result<usize, Found<'t>> {
        let code_key = code.key();
        let mut tested: Option<Tested> = None;
        for (k, e) in self.seen.iter().enumerate() {
            if e.code != code_key {
                continue;
            }
            match &e.tested {
                None => return Ok(k),
                Some(t) if view.facts.is_none() => {
                    let now = tested.get_or_insert_with(|| Tested {
                        unit,
                        grams: unit_grams(view.item),
                    });
                    if t.same(now) {
                        return Ok(k);
                    }
                }
                Some(_) => {}
            }
        }
        let found = find(engine, code.as_str(), date, want, view, unit_value);
        let tested = if !found.tested {
            None
        } else if view.facts.is_none() {
            Some(tested.unwrap_or_else(|| Tested {
                unit,
                grams: unit_grams(view.item),
            }))
        } else {
            return Err(found);
        };
        if self.seen.len() >= 64 {
            return Err(found);
        }
        self.seen.push(Seen {
            code: code_key,
            tested,
            found,
            rates: None,
        });
        Ok(self.seen.len() - 1)
    }

    fn found(&self, k: usize) -> Found<'t> {
        self.seen.get(k).map(|e| e.found).unwrap_or_default()
    }

    fn rates(&self, k: usize) -> Option<&Cached<'t>> {
        self.seen.get(k).and_then(|e| e.rates.as_ref())
    }

    fn keep_rates(&mut self, k: usize, rates: Cached<'t>) {
        if let Some(e) = self.seen.get_mut(k) {
            e.rates = Some(rates);
        }
    }
}

fn find<'t>(
    engine: &'t TaxEngine,
    code: &str,
    date: NaiveDate,
    want: Want,
    view: &mut LineView<'_>,
    unit_value: &mut dyn FnMut() -> Option<(Decimal, Decimal)>,
) -> Found<'t> {
    let mut found = Found::default();
    for (i, row) in engine.candidates(code) {
        let needed = (want.vat && found.vat.is_none() && row.vat.is_some())
            || (want.consumption && found.consumption.is_none() && row.consumption.is_some())
            || (want.duty && found.duty.is_none() && row.duty.is_some())
            || (want.tier && found.tier.is_none() && row.cc_tier.is_some());
        if !needed || !row.effective.contains(date) {
            continue;
        }
        if let Some(when) = &row.when {
            found.tested = true;
            if view.unit_value.is_none() {
                view.unit_value = unit_value();
            }
            match test(when, view) {
                Test::Met => {}
                Test::NotMet => continue,
                Test::Undecided(m) => {
                    found.undecided.get_or_insert((row, m));
                    continue;
                }
            }
        }
        if want.vat && found.vat.is_none() && row.vat.is_some() {
            found.vat = Some((i, row));
        }
        if want.consumption && found.consumption.is_none() && row.consumption.is_some() {
            found.consumption = Some((i, row));
        }
        if want.duty && found.duty.is_none() && row.duty.is_some() {
            found.duty = Some((i, row));
        }
        if want.tier && found.tier.is_none() && row.cc_tier.is_some() {
            found.tier = Some((i, row));
        }
        let done = (!want.vat || found.vat.is_some())
            && (!want.consumption || found.consumption.is_some())
            && (!want.duty || found.duty.is_some())
            && (!want.tier || found.tier.is_some());
        if done {
            break;
        }
    }
    found
}

/// A line's goods in CNY.
#[derive(Clone, Copy)]
struct Value {
    /// (price - discount) x quantity.
    goods: Decimal,
    /// price - discount.
    unit: Decimal,
    quantity: u32,
}

/// 0.00.
const ZERO_CENTS: Decimal = Decimal::from_parts(0, 0, 0, false, 2);

/// Half up to 0.01 CNY (customs practice), written with two decimals.
fn round(d: Decimal) -> Decimal {
    if d.is_zero() {
        return ZERO_CENTS;
    }
    // Integer arithmetic on the mantissa for the common case (a
    // non-negative amount of at most 28 decimal places), the library's
    // rounding otherwise.
    let (m, scale) = (d.mantissa(), d.scale());
    if m > 0
        && scale > 2
        && let Some(p) = 10i128.checked_pow(scale - 2)
        && let Some(q) = m.checked_add(p / 2).map(|x| x / p)
        && let Ok(r) = Decimal::try_from_i128_with_scale(q, 2)
    {
        return r;
    }
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

/// Writes `1234.5` as `1234.50`: amounts in messages.
fn shown(d: Decimal) -> String {
    two_dp(d)
}

struct Run<'t, 'c> {
    order: &'c Order,
    context: &'c Context,
    engine: &'t TaxEngine,
    date: NaiveDate,
    report: Report,
}

impl Run<'_, '_> {
    fn push(&mut self, code: Code, severity: Severity, at: JsonPointer, en: String, zh: String) {
        self.report.push(Violation::new(code, severity, at, en, zh));
    }

    fn item_at(index: usize) -> JsonPointer {
        JsonPointer::root().field("items").index(index)
    }

    fn hs_at(&self, index: usize) -> JsonPointer {
        let at = Self::item_at(index);
        match self.order.items.get(index).and_then(|i| i.product.as_ref()) {
            Some(p) if p.hs_code.is_some() => at.field("product").field("hsCode"),
            _ => at,
        }
    }

    /// A money amount of the order in CNY, exactly.
    #[inline]
    fn to_cny(&self, m: Money) -> Option<Decimal> {
        // The usual amount, without the call.
        if m.currency() == Currency::CNY {
            return Some(m.amount());
        }
        m.convert(Currency::CNY, self.context.rates())
            .ok()
            .map(|m| m.amount())
    }
}

fn hs_of(item: &OrderItem) -> Option<&HsCode> {
    item.product.as_ref().and_then(|p| p.hs_code.as_ref())
}

fn hs_text(item: &OrderItem) -> String {
    hs_of(item).map_or_else(|| "(none)".to_owned(), |c| c.as_str().to_owned())
}

/// Net weight of one unit in grams: the product's, or its only SKU's.
fn unit_grams(item: &OrderItem) -> Option<Decimal> {
    let p = item.product.as_ref()?;
    let only_sku = match p.skus.as_slice() {
        [only] => only.net_weight,
        _ => None,
    };
    let w = p.net_weight.or(only_sku)?;
    Some(w.grams())
}

/// Taxes an order: the cross-border e-commerce retail import tax (BC, BBC)
/// or the personal postal articles tax (CC), in the context's clearance mode
/// (or the order's `expressType`), on the context's date, with the context's
/// tax table ([`Context::with_tax_table`]; the default otherwise), exchange
/// rates, the buyer's spending this year, duty rate and line facts.
///
/// Never fails: what cannot be computed is `None` in the answer and said in
/// its report.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::declaration::Context;
/// use crossborder::tax::{self, Basis};
/// use crossborder::{wire, Money, Order};
///
/// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
///     {"quantity": 1, "price": 3000, "product": {"hsCode": "8517130000"}}]}"#)?;
/// let order = Order::from_wire(w).into_result()?;
/// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap())
///     .with_annual_spent("24000 CNY".parse::<Money>()?);
/// let tax = tax::assess(&order, &context);
/// assert_eq!(tax.basis(), Some(Basis::GeneralTrade)); // 24,000 + 3,000 > 26,000
/// assert_eq!(tax.total(), None);
/// assert!(tax.report().iter().any(|v| v.code().as_str() == "tax.general_trade"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess<'t>(order: &Order, context: &'t Context) -> TaxAssessment<'t> {
    assess_in(order, context, context.mode().or(order.express_type))
}

/// [`assess`] in a given clearance mode.
pub(crate) fn assess_in<'t>(
    order: &Order,
    context: &'t Context,
    mode: Option<ClearanceMode>,
) -> TaxAssessment<'t> {
    let engine = context.tax_engine();
    let mut run = Run {
        order,
        context,
        engine,
        date: context.as_of(),
        report: Report::new(),
    };
    let mut a = TaxAssessment {
        mode,
        basis: None,
        lines: (0..order.items.len()).map(LineTax::new).collect(),
        dutiable_value: None,
        shipping_tax: None,
        total: None,
        waived: None,
        report: Report::new(),
    };
    match mode {
        None => run.push(
            Code::CLEARANCE_MODE_MISSING,
            Severity::Error,
            JsonPointer::root(),
            "no clearance mode (expressType CC, BC or BBC, or the caller's): the tax cannot be computed".into(),
            "未指定清关模式（expressType 为 CC、BC 或 BBC）：无法计算税款".into(),
        ),
        Some(ClearanceMode::Cc) => personal_articles(&mut run, &mut a),
        Some(_) => cross_border(&mut run, &mut a),
    }
    for line in &mut a.lines {
        if line.tax.is_none() && line.gap.is_none() {
            line.gap = Some(Gap::Basis);
        }
    }
    a.report = run.report;
    a.report.sort_document_order(crate::DocumentKind::Order);
    a
}

/// The lines' goods in CNY, each `None` when it cannot be known (reported).
fn values(run: &mut Run<'_, '_>) -> Few<Option<Value>, 16> {
    let mut rate_reported = false;
    let mut out = Few::for_len(run.order.items.len());
    for (i, item) in run.order.items.iter().enumerate() {
        let (Some(price), Some(quantity)) = (item.price, item.quantity) else {
            let field = if item.price.is_none() {
                "price"
            } else {
                "quantity"
            };
            run.report.push(
                Violation::new(
                    Code::REQUIRED_MISSING,
                    Severity::Error,
                    Run::item_at(i),
                    format!(
                        "required field {field:?} is missing: the line's tax cannot be computed"
                    ),
                    format!("缺少必填字段 {field:?}：无法计算该商品税款"),
                )
                .with_value(field),
            );
            out.push(None);
            continue;
        };
        let discount = item.discount.unwrap_or(Money::zero(price.currency()));
        let (Some(p), Some(d)) = (run.to_cny(price), run.to_cny(discount)) else {
            if !rate_reported {
                rate_reported = true;
                let c = price.currency().code();
                run.report.push(
                    Violation::new(
                        Code::EXCHANGE_RATE_MISSING,
                        Severity::Error,
                        JsonPointer::root().field("currency"),
                        format!("no exchange rate from {c} to CNY was supplied: the tax in CNY cannot be computed"),
                        format!("未提供 {c} 兑人民币汇率：无法计算人民币税款"),
                    )
                    .with_value(c),
                );
            }
            out.push(None);
            continue;
        };
        let Some(unit) = difference(p, d) else {
            out.push(None);
            continue;
        };
        if unit.is_sign_negative() && !unit.is_zero() {
            run.push(
                Code::TAX_VALUE_NEGATIVE,
                Severity::Error,
                Run::item_at(i).field("discount"),
                format!("the unit discount is above the unit price: the line's value, {} CNY a unit, is negative and is not taxed", shown(unit)),
                format!("单件折扣高于单价：该商品单件价值 {} CNY 为负，不予计税", shown(unit)),
            );
            out.push(None);
            continue;
        }
        // One unit: the product would be `unit` itself (a zero product is 0
        // at scale 0, so zero is left to the multiplication).
        let goods = if quantity == 1 && !unit.is_zero() {
            Some(unit)
        } else {
            times(unit, quantity)
        };
        let Some(goods) = goods else {
            run.push(
                Code::AMOUNT_OVERFLOW,
                Severity::Error,
                Run::item_at(i),
                "the line's amounts are too large to compute its tax".into(),
                "该商品金额过大，无法计算税款".into(),
            );
            out.push(None);
            continue;
        };
        out.push(Some(Value {
            goods,
            unit,
            quantity,
        }));
    }
    out
}

/// `p - d` as `Decimal::checked_sub` gives it, to the scale: in integers
/// for a non-negative `d` below a `p` above 0 (the aligned difference at
/// the larger scale, where it is below 2^96), by `Decimal` otherwise.
fn difference(p: Decimal, d: Decimal) -> Option<Decimal> {
    if p.is_sign_negative() || d.is_sign_negative() || p.is_zero() {
        return p.checked_sub(d);
    }
    let s = p.scale().max(d.scale());
    if d.scale() == s && p.scale() == s {
        // At one scale: the mantissas' difference (`p` itself for a 0).
        let (a, b) = (p.mantissa(), d.mantissa());
        if a >= b {
            return Exact {
                m: a.unsigned_abs() - b.unsigned_abs(),
                s,
            }
            .decimal();
        }
    }
    if d.is_zero() {
        return Some(p);
    }
    let aligned = |x: Decimal| product(x.mantissa().unsigned_abs(), pow10(s - x.scale())?);
    match (aligned(p), aligned(d)) {
        (Some(a), Some(b)) if a >= b && a < U96 => Exact { m: a - b, s }.decimal(),
        _ => p.checked_sub(d),
    }
}

/// `unit x quantity` as `Decimal::checked_mul` gives it, to the scale: in
/// integers for a unit above 0 (0 is 0 at scale 0), by `Decimal` otherwise.
fn times(unit: Decimal, quantity: u32) -> Option<Decimal> {
    if unit.is_sign_negative() || unit.is_zero() || quantity == 0 {
        return unit.checked_mul(Decimal::from(quantity));
    }
    let m = product(unit.mantissa().unsigned_abs(), u128::from(quantity)).filter(|m| *m < U96);
    match m {
        Some(m) => Exact { m, s: unit.scale() }.decimal(),
        None => unit.checked_mul(Decimal::from(quantity)),
    }
}

/// An order-level amount (delivery, insurance) in CNY: 0 when absent; `None`
/// (reported) when negative or without a rate.
fn order_amount(run: &mut Run<'_, '_>, field: &'static str, m: Option<Money>) -> Option<Decimal> {
    let Some(m) = m else {
        return Some(Decimal::ZERO);
    };
    let d = run.to_cny(m)?;
    if d.is_sign_negative() && !d.is_zero() {
        run.push(
            Code::TAX_VALUE_NEGATIVE,
            Severity::Error,
            JsonPointer::root().field(field),
            format!("{field} {m} is negative: the tax cannot be computed"),
            format!("{field} {m} 为负数：无法计算税款"),
        );
        return None;
    }
    Some(d)
}

fn date_not_covered(run: &mut Run<'_, '_>, what_en: &str, what_zh: &str) {
    let date = run.date;
    run.push(
        Code::TAX_DATE_NOT_COVERED,
        Severity::Error,
        JsonPointer::root(),
        format!("the tax table has no {what_en} in force on {date}: the tax is not computed"),
        format!("税率表中没有 {date} 有效的{what_zh}：不计算税款"),
    );
}

fn single_item(order: &Order) -> bool {
    order.items.len() == 1 && order.items[0].quantity == Some(1)
}

fn cross_border<'t>(run: &mut Run<'t, '_>, a: &mut TaxAssessment<'t>) {
    let engine = run.engine;
    let Some((period_index, period)) = engine.table().cbec_on(run.date) else {
        date_not_covered(
            run,
            "cross-border e-commerce retail import regime (the default covers 2019-01-01 on, 财关税〔2018〕49号)",
            "跨境电商零售进口税收政策（默认自 2019-01-01 起，财关税〔2018〕49号）",
        );
        return;
    };
    let values = values(run);
    for (line, v) in a.lines.iter_mut().zip(values.iter()) {
        match v {
            Some(v) => line.dutiable_value = Some(v.goods),
            None => line.gap = Some(Gap::Value),
        }
    }
    let shipping = order_amount(run, "shippingCost", run.order.shipping_cost);
    let insurance = order_amount(run, "insuranceFee", run.order.insurance_fee);
    let (Some(shipping), Some(insurance)) = (shipping, insurance) else {
        return;
    };
    if values.iter().any(Option::is_none) {
        return;
    }
    let lines = values;
    // Σ from 0 (0 + x is x), in integers while it can.
    let mut sum = Acc::Empty;
    let mut units = 0u64;
    for v in lines.iter().flatten() {
        sum.add(v.goods);
        units += u64::from(v.quantity);
    }
    let Some(goods) = sum.value() else {
        overflow(run);
        return;
    };
    let Some(extra) = shipping.checked_add(insurance) else {
        overflow(run);
        return;
    };
    let Some(value) = goods.checked_add(extra) else {
        overflow(run);
        return;
    };
    a.dutiable_value = Some(value);
    let spent = match run.context.annual_spent() {
        Some(s) => match run.to_cny(s) {
            Some(d) => Some(d),
            None => {
                let c = s.currency().code();
                run.push(
                    Code::EXCHANGE_RATE_MISSING,
                    Severity::Error,
                    JsonPointer::root(),
                    format!("no exchange rate from {c} to CNY was supplied for the buyer's spending this year: the annual limit is not checked"),
                    format!("未提供 {c} 兑人民币汇率，无法换算购买人本年已消费金额：未核对年度限额"),
                );
                None
            }
        },
        None => None,
    };
    let year_total = spent.and_then(|s| s.checked_add(value));
    let (tl, al) = (period.transaction_limit, period.annual_limit);
    let over_year = year_total.is_some_and(|t| t > al);
    let single = single_item(run.order);
    // The value as written and the pointer, only for a finding.
    let shown_value = || shown(value);
    let items_at = || JsonPointer::root().field("items");
    let basis = if value > tl {
        if !single {
            let v = shown_value();
            run.push(
                Code::TAX_GENERAL_TRADE,
                Severity::Error,
                items_at(),
                format!("the transaction's dutiable value, {v} CNY (goods, delivery and insurance; non-cash deductions not subtracted), is over the ¥{} limit and the order holds more than one item: it cannot clear as cross-border e-commerce (general trade); no cross-border tax is computed", whole(tl)),
                format!("本次交易完税价格 {v} CNY（货款、运费和保费，不扣除非现金抵扣）超过单次 {} 元限额，且订单不止一件商品：不能按跨境电商零售进口（应按一般贸易）；不计算跨境电商税款", whole(tl)),
            );
            Basis::GeneralTrade
        } else if value >= al {
            let v = shown_value();
            run.push(
                Code::TAX_GENERAL_TRADE,
                Severity::Error,
                items_at(),
                format!("the transaction's dutiable value, {v} CNY, is not below the ¥{} annual limit: even an order that holds only one item is general trade; no cross-border tax is computed", whole(al)),
                format!("本次交易完税价格 {v} CNY 不低于年度 {} 元限额：即使订单下仅一件商品也应按一般贸易；不计算跨境电商税款", whole(al)),
            );
            Basis::GeneralTrade
        } else if over_year {
            annual(run, spent, value, year_total, al);
            Basis::GeneralTrade
        } else {
            let v = shown_value();
            run.push(
                Code::TAX_FULL_RATE,
                Severity::Warning,
                items_at(),
                format!("the transaction's dutiable value, {v} CNY, is over the ¥{} limit and the order holds only one item: it clears as cross-border e-commerce taxed at the full rates (duty at the MFN rate, VAT and consumption tax in full) and counts toward the ¥{} annual limit", whole(tl), whole(al)),
                format!("本次交易完税价格 {v} CNY 超过单次 {} 元限额，订单下仅一件商品：可按跨境电商零售进口，按货物税率全额征收关税、增值税和消费税，并计入年度 {} 元限额", whole(tl), whole(al)),
            );
            Basis::CbecFullRate
        }
    } else if over_year {
        annual(run, spent, value, year_total, al);
        Basis::GeneralTrade
    } else {
        Basis::Cbec
    };
    a.basis = Some(basis);
    if basis == Basis::GeneralTrade {
        return;
    }
    let full = basis == Basis::CbecFullRate;
    let factor = if full { Decimal::ONE } else { period.factor };
    let general = engine.table().general_vat_on(run.date);
    // Σ value_i x rate_i (or Σ quantity_i x rate_i when every line is free):
    // the shipping tax is extra x this / goods, computed once.
    let by_quantity = goods.is_zero();
    let mut plans = Plans::default();
    let mut lookups = Lookups::default();
    let mut weighted = Some(Decimal::ZERO);
    let mut total = Some(Sum::Zero);
    for (i, v) in lines.iter().flatten().enumerate() {
        let item = &run.order.items[i];
        let facts = run.context.line_facts(i);
        let mut view = LineView {
            facts,
            unit_value: None,
            item,
        };
        // A unit's goods and its share of delivery and insurance: unit x
        // (goods + extra) / goods, or extra / units when every line is free.
        let mut unit_value = || {
            if by_quantity {
                Some((extra, Decimal::from(units.max(1))))
            } else {
                Some((v.unit.checked_mul(value)?, goods))
            }
        };
        let want = Want {
            vat: true,
            consumption: true,
            duty: full,
            tier: false,
        };
        let entry = lookups.entry(
            engine,
            hs_of(item),
            run.date,
            want,
            v.unit,
            &mut view,
            &mut unit_value,
        );
        let line = &mut a.lines[i];
        line.shipping_share = Some(if by_quantity {
            (
                extra,
                Decimal::from(v.quantity),
                Decimal::from(units.max(1)),
            )
        } else {
            (extra, v.goods, goods)
        });
        // The line's share of delivery is taxed at its ad valorem rate r:
        // the shipping tax is extra x Σ goods_i r_i / goods, computed
        // exactly (r made once per distinct set of rates).
        let weight = if by_quantity {
            Decimal::from(v.quantity)
        } else {
            v.goods
        };
        let known = match entry {
            Ok(k) if facts.is_none() => lookups.rates(k),
            _ => None,
        };
        if let Some(rates) = known
            && let Some(tax) = cbec_line_fast(line, v.goods, weight, rates, &mut plans)
        {
            if let Some(t) = &mut total {
                t.add_fen(tax);
            }
            continue;
        }
        let result = match known {
            Some(rates) => cbec_line_cached(run, v, rates, factor, line, &plans),
            None => {
                let found = match entry {
                    Ok(k) => lookups.found(k),
                    Err(found) => found,
                };
                let result = cbec_line(
                    run,
                    i,
                    v,
                    &view,
                    &found,
                    general,
                    full,
                    factor,
                    (period_index, period),
                    line,
                    &mut plans,
                );
                if let (
                    Ok(k),
                    Ok(Priced {
                        cached: Some(c), ..
                    }),
                ) = (entry, &result)
                    && facts.is_none()
                {
                    lookups.keep_rates(k, *c);
                }
                result
            }
        };
        match result {
            Ok(Priced {
                plan,
                rates: (d, c, vat_rate),
                sq,
                taxes,
                ..
            }) => {
                let r = plans.weigh(plan, weight);
                if r.is_none() {
                    weighted = None;
                }
                let done = taxes.done();
                if let Some(t) = &mut total {
                    t.add(done.tax);
                }
                line.duty = Some(done.duty);
                line.consumption_tax = Some(done.consumption);
                line.vat = Some(done.vat);
                line.tax = Some(done.tax);
                // An ad valorem line's exact tax over its value is r itself.
                line.rate = if v.goods.is_zero() || sq.is_zero() {
                    r.map(Rate::Given)
                } else {
                    exact_tax(v.goods, sq, d, c, vat_rate, factor).map(|tax| Rate::Ratio {
                        tax,
                        value: v.goods,
                    })
                };
            }
            Err(gap) => {
                weighted = None;
                total = None;
                line.gap = Some(gap);
            }
        }
    }
    let weighted = weighted.and_then(|_| plans.weighted());
    let shipping_tax = weighted.and_then(|w| {
        if extra.is_zero() {
            return Some(round(Decimal::ZERO));
        }
        let denominator = if by_quantity {
            Decimal::from(units.max(1))
        } else {
            goods
        };
        extra.checked_mul(w)?.checked_div(denominator).map(round)
    });
    if weighted.is_some() && shipping_tax.is_none() {
        overflow(run);
    }
    a.shipping_tax = shipping_tax;
    a.total = total
        .and_then(Sum::value)
        .zip(shipping_tax)
        .and_then(|(t, s)| t.checked_add(s));
}

/// Amounts of ¥ limits as people write them: `5,000`.
pub(crate) fn whole(d: Decimal) -> String {
    let n = d.normalize();
    let text = n.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

fn annual(
    run: &mut Run<'_, '_>,
    spent: Option<Decimal>,
    value: Decimal,
    total: Option<Decimal>,
    limit: Decimal,
) {
    let (s, v, t) = (
        spent.map_or_else(String::new, shown),
        shown(value),
        total.map_or_else(String::new, shown),
    );
    run.push(
        Code::TAX_GENERAL_TRADE,
        Severity::Error,
        JsonPointer::root().field("items"),
        format!("the buyer has spent {s} CNY this year; with this transaction's {v} CNY that is {t} CNY, over the ¥{} annual limit: general trade, not a cross-border e-commerce import; no cross-border tax is computed", whole(limit)),
        format!("购买人今年已消费 {s} CNY，加上本次 {v} CNY 共 {t} CNY，超过年度 {} 元限额：应按一般贸易，不属于跨境电商零售进口；不计算跨境电商税款", whole(limit)),
    );
}

fn overflow(run: &mut Run<'_, '_>) {
    run.push(
        Code::AMOUNT_OVERFLOW,
        Severity::Error,
        JsonPointer::root().field("items"),
        "the order's amounts are too large to compute its tax".into(),
        "订单金额过大，无法计算税款".into(),
    );
}

/// A line's taxes and what they were computed at.
struct Priced<'t> {
    /// Its set of rates in the order's [`Plans`].
    plan: usize,
    /// Its duty, consumption tax and VAT rates.
    rates: (Decimal, Decimal, Decimal),
    /// The specific part of the consumption tax, CNY (0 when none).
    sq: Decimal,
    taxes: Taxes,
    /// Its rates, for the lines of the same rows, where they hold for
    /// them (no finding, no specific tax).
    cached: Option<Cached<'t>>,
}

/// The rounded taxes of a line.
#[derive(Clone, Copy, Debug)]
struct LineDone {
    duty: Decimal,
    consumption: Decimal,
    vat: Decimal,
    tax: Decimal,
}

fn applied<'t>(rate: Decimal, source: RateSource<'t>) -> AppliedRate<'t> {
    AppliedRate {
        rate,
        specific: None,
        source,
    }
}

fn undecided_note(run: &mut Run<'_, '_>, i: usize, row: &TaxRow, measure: Measure) {
    let when = row
        .when
        .as_ref()
        .map_or_else(String::new, ToString::to_string);
    let (what_en, what_zh) = match measure {
        Measure::Mass => (
            "the product has no net weight (netWeight)",
            "商品没有净重（netWeight）",
        ),
        Measure::Volume => (
            "the caller gave no volume for the line",
            "调用方未提供该商品的容量",
        ),
        Measure::Count => ("its quantity is unknown", "其数量未知"),
    };
    run.push(
        Code::TAX_HIGH_END_UNDECIDED,
        Severity::Warning,
        Run::item_at(i),
        format!("the row {} applies only when the line is {when}, which cannot be told: {what_en}; it was not applied", row.prefix),
        format!("税率表 {} 行仅适用于 {when} 的商品，无法判断：{what_zh}；未适用该行", row.prefix),
    );
}

/// A cross-border line's rates (set on `line`) and taxes.
#[allow(clippy::too_many_arguments)]
fn cbec_line<'t>(
    run: &mut Run<'t, '_>,
    i: usize,
    v: &Value,
    view: &LineView<'_>,
    found: &Found<'t>,
    general: Option<(usize, &'t DatedRate)>,
    full: bool,
    factor: Decimal,
    (period_index, period): (usize, &'t CbecPeriod),
    line: &mut LineTax<'t>,
    plans: &mut Plans,
) -> Result<Priced<'t>, Gap> {
    let item = &run.order.items[i];
    let mut certain = true;
    if let Some((row, m)) = found.undecided {
        certain = false;
        undecided_note(run, i, row, m);
    }
    // VAT: a row, or the general rate (a guess, said so).
    let vat = match (found.vat, general) {
        (Some((index, row)), _) => Some(applied(
            row.vat.unwrap_or_default(),
            RateSource::Row { index, row },
        )),
        (None, Some((index, entry))) => {
            certain = false;
            let at = run.hs_at(i);
            let r = percent(entry.rate);
            let (en, zh) = match hs_of(item) {
                Some(code) => (
                    format!(
                        "no row of the tax table gives HS {code} a VAT rate: the general {r} was used, a guess (the reduced rate applies to grain, edible vegetable oils, books and other listed goods)"
                    ),
                    format!(
                        "税率表中没有 HS {code} 的增值税税率：按一般税率 {r} 计算，系推定（粮食、食用植物油、图书等列名货物适用低税率）"
                    ),
                ),
                None => (
                    format!("the line has no HS code: the general VAT rate {r} was used, a guess"),
                    format!("该商品没有 HS 编码：按一般增值税税率 {r} 计算，系推定"),
                ),
            };
            run.push(Code::TAX_RATE_DEFAULT, Severity::Warning, at, en, zh);
            Some(applied(entry.rate, RateSource::GeneralVat { index, entry }))
        }
        (None, None) => None,
    };
    let consumption = match found.consumption {
        Some((index, row)) => AppliedRate {
            rate: row.consumption.map_or(Decimal::ZERO, |c| c.ad_valorem),
            specific: row.consumption.as_ref().and_then(|c| c.specific.as_ref()),
            source: RateSource::Row { index, row },
        },
        None => applied(Decimal::ZERO, RateSource::NotListed),
    };
    let facts = run.context.line_facts(i);
    let duty = if full {
        match (
            found.duty,
            facts.and_then(LineFacts::duty_rate),
            run.context.duty_rate(),
        ) {
            (_, Some(d), _) => Some(applied(d, RateSource::Caller)),
            (Some((index, row)), None, _) => Some(applied(
                row.duty.unwrap_or_default(),
                RateSource::Row { index, row },
            )),
            (None, None, Some(d)) => Some(applied(d, RateSource::Caller)),
            (None, None, None) => None,
        }
    } else {
        Some(applied(
            Decimal::ZERO,
            RateSource::Regime {
                index: period_index,
                period,
            },
        ))
    };
    line.certain = certain;
    line.vat_rate = vat;
    line.consumption_rate = Some(consumption);
    line.duty_rate = duty;
    let Some(vat) = vat else {
        date_not_covered(run, "general VAT rate", "一般增值税税率");
        return Err(Gap::Rate);
    };
    let Some(duty) = duty else {
        let code = hs_text(item);
        run.push(
            Code::TAX_DUTY_RATE_MISSING,
            Severity::Error,
            run.hs_at(i),
            format!("no MFN duty rate for HS {code}: the order is taxed at full rates and the crate ships no tariff schedule; give the rate in a row of the tax table (duty) or in the context"),
            format!("没有 HS {code} 的最惠国关税税率：订单按货物税率全额征税，本库不含关税税则；请在税率表（duty）或上下文中提供"),
        );
        return Err(Gap::DutyRate);
    };
    let (c, r_v, d) = (consumption.rate, vat.rate, duty.rate);
    let negative = |x: Decimal| x.is_sign_negative() && !x.is_zero();
    if at_least_one(c) || negative(c) || negative(r_v) || negative(d) || negative(factor) {
        let at = run.hs_at(i);
        run.push(
            Code::TAX_RATE_INVALID,
            Severity::Error,
            at,
            format!("a rate for HS {} cannot be used (consumption tax {c}, VAT {r_v}, duty {d}, factor {factor}): rates are fractions from 0, a consumption tax below 1", hs_text(item)),
            format!("HS {} 的税率无法使用（消费税 {c}，增值税 {r_v}，关税 {d}，比例 {factor}）：税率应为不小于 0 的小数，消费税税率小于 1", hs_text(item)),
        );
        return Err(Gap::Rate);
    }
    // The specific part: amount x (the line's quantity in `per` units).
    let sq = match consumption.specific {
        None => Decimal::ZERO,
        Some(s) => {
            let measure = s.per.unit().measure();
            let unit_qty = view.unit_quantity(measure);
            let sq = unit_qty.and_then(|u| {
                u.checked_mul(Decimal::from(v.quantity))?
                    .checked_mul(s.amount)?
                    .checked_div(s.per.in_base()?)
            });
            match sq {
                Some(sq) => sq,
                None => {
                    let (en, zh) = match measure {
                        Measure::Volume => (
                            "the volume of one unit, which the customs API does not carry: the caller gives it (line facts)",
                            "单件容量，海关接口中没有该字段：由调用方提供（line facts）",
                        ),
                        _ => (
                            "the product's net weight (netWeight)",
                            "商品净重（netWeight）",
                        ),
                    };
                    run.push(
                        Code::TAX_QUANTITY_MISSING,
                        Severity::Error,
                        Run::item_at(i),
                        format!("the consumption tax of HS {} includes {s}, which needs {en}: not computed", hs_text(item)),
                        format!("HS {} 的消费税含从量部分 {s}，需要{zh}：未计算", hs_text(item)),
                    );
                    return Err(Gap::Quantity);
                }
            }
        }
    };
    let plan = plans.index(d, c, r_v, factor);
    let Some(taxes) = plans.amounts(plan, v.goods, sq, d, c, r_v, factor) else {
        overflow(run);
        return Err(Gap::Overflow);
    };
    let cached = (certain && consumption.specific.is_none()).then_some(Cached {
        vat,
        consumption,
        duty,
        plan,
    });
    Ok(Priced {
        plan,
        rates: (d, c, r_v),
        sq,
        taxes,
        cached,
    })
}

/// [`cbec_line`] and its line's amounts for the common line: without facts,
/// at rows whose rates are known, its amounts in integers ([`Fast`]), its
/// set's combined rate known. Its tax in fen; `None`, having changed
/// nothing, where any of that does not hold.
fn cbec_line_fast<'t>(
    line: &mut LineTax<'t>,
    goods: Decimal,
    weight: Decimal,
    rates: &Cached<'t>,
    plans: &mut Plans,
) -> Option<u128> {
    let plan = plans.made.get_mut(rates.plan)?;
    let r = plan.combined?;
    let f = plan.fast.as_ref()?.fens(goods)?;
    line.certain = true;
    line.vat_rate = Some(rates.vat);
    line.consumption_rate = Some(rates.consumption);
    line.duty_rate = Some(rates.duty);
    line.duty = from_fen(f.duty);
    line.consumption_tax = from_fen(f.consumption);
    line.vat = from_fen(f.vat);
    line.tax = from_fen(f.tax);
    // Ad valorem: the exact tax over the value is r itself.
    line.rate = Some(Rate::Given(r));
    plan.weight.add(weight);
    Some(f.tax)
}

/// [`cbec_line`] for a line without facts at rows whose rates are known.
fn cbec_line_cached<'t>(
    run: &mut Run<'t, '_>,
    v: &Value,
    rates: &Cached<'t>,
    factor: Decimal,
    line: &mut LineTax<'t>,
    plans: &Plans,
) -> Result<Priced<'t>, Gap> {
    line.certain = true;
    line.vat_rate = Some(rates.vat);
    line.consumption_rate = Some(rates.consumption);
    line.duty_rate = Some(rates.duty);
    let (d, c, r_v) = (rates.duty.rate, rates.consumption.rate, rates.vat.rate);
    let sq = Decimal::ZERO;
    let Some(taxes) = plans.amounts(rates.plan, v.goods, sq, d, c, r_v, factor) else {
        overflow(run);
        return Err(Gap::Overflow);
    };
    Ok(Priced {
        plan: rates.plan,
        rates: (d, c, r_v),
        sq,
        taxes,
        cached: None,
    })
}

/// `x / y` rounded half up to 0.01, computed exactly: both are finite
/// decimals, so the quotient is a fraction of two integers, rounded with
/// integer arithmetic (no 28-digit division, and a quotient that lands on
/// half a fen is rounded as the exact value says). `None` for a negative
/// operand, a zero divisor or an overflow.
fn div_round(x: Decimal, y: Decimal) -> Option<Decimal> {
    let (xm, ym) = (x.mantissa(), y.mantissa());
    if xm < 0 || ym <= 0 {
        return None;
    }
    let pow = |n: u32| 10i128.checked_pow(n);
    // x / y x 100 = xm x 10^(ys + 2) / (ym x 10^xs)
    let num = xm.checked_mul(pow(y.scale() + 2)?)?;
    let den = ym.checked_mul(pow(x.scale())?)?;
    // Half up: floor((2 num + den) / (2 den)).
    let q = num
        .checked_mul(2)?
        .checked_add(den)?
        .checked_div(den.checked_mul(2)?)?;
    Decimal::try_from_i128_with_scale(q, 2).ok()
}

/// The taxes of a line of dutiable value `p` with specific part `sq`, each
/// rounded half up from its exact value: duty = p x d; base = (p + duty +
/// sq) / (1 - c); consumption tax = (base x c + sq) x factor; VAT = base x
/// v x factor.
///
/// In integers where every step is exact ([`Exact`]), with `Decimal`
/// otherwise: the two give the same answer, to the scale.
fn amounts(
    p: Decimal,
    sq: Decimal,
    d: Decimal,
    c: Decimal,
    v: Decimal,
    factor: Decimal,
) -> Option<LineDone> {
    amounts_exact(p, sq, d, c, v, factor).or_else(|| amounts_decimal(p, sq, d, c, v, factor))
}

/// 2^96: `Decimal` holds mantissas below it.
const U96: u128 = 1 << 96;

/// 10^0 to 10^38.
const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

fn pow10(n: u32) -> Option<u128> {
    POW10.get(n as usize).copied()
}

/// `a / b` for `b` above 0, in 64 bits when both fit (one instruction
/// instead of a 128-bit division routine).
fn quotient(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => u128::from(a / b),
        _ => a / b,
    }
}

/// `a x b`, in one 64-bit multiplication when both fit (the product then
/// cannot overflow), `None` on an overflow.
fn product(a: u128, b: u128) -> Option<u128> {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => Some(u128::from(a) * u128::from(b)),
        _ => a.checked_mul(b),
    }
}

/// A non-negative decimal as its mantissa and scale, with the arithmetic
/// of `Decimal` where `Decimal` is exact: a product or a sum whose
/// mantissa is below 2^96 at a scale of at most 28 is the `Decimal` one,
/// to the scale (zero times anything is 0 at scale 0; zero plus `x` is
/// `x`), and anything else is `None`, for the caller to do in `Decimal`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Exact {
    m: u128,
    s: u32,
}

impl Exact {
    fn of(d: Decimal) -> Option<Exact> {
        Some(Exact {
            m: u128::try_from(d.mantissa()).ok()?,
            s: d.scale(),
        })
    }

    fn checked(m: u128, s: u32) -> Option<Exact> {
        (m < U96 && s <= 28).then_some(Exact { m, s })
    }

    fn is_zero(self) -> bool {
        self.m == 0
    }

    /// As a `Decimal` (`None` from 2^96 or over scale 28).
    fn decimal(self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(i128::try_from(self.m).ok()?, self.s).ok()
    }

    fn mul(self, o: Exact) -> Option<Exact> {
        if self.is_zero() || o.is_zero() {
            return Some(Exact { m: 0, s: 0 });
        }
        Exact::checked(product(self.m, o.m)?, self.s + o.s)
    }

    fn add(self, o: Exact) -> Option<Exact> {
        if self.is_zero() {
            return Some(o);
        }
        if o.is_zero() {
            return Some(self);
        }
        let (a, b, s) = if self.s >= o.s {
            (self.m, product(o.m, pow10(self.s - o.s)?)?, self.s)
        } else {
            (product(self.m, pow10(o.s - self.s)?)?, o.m, o.s)
        };
        Exact::checked(a.checked_add(b)?, s)
    }

    /// `1 - self`, for `0 < self < 1`.
    fn one_minus(self) -> Option<Exact> {
        Exact::checked(pow10(self.s)?.checked_sub(self.m)?, self.s)
    }

    /// Half up to 0.01, in fen: [`round`].
    fn fen(self) -> Option<u128> {
        if self.s <= 2 {
            product(self.m, pow10(2 - self.s)?)
        } else {
            let p = pow10(self.s - 2)?;
            Some(quotient(self.m.checked_add(p / 2)?, p))
        }
    }

    /// `self / y` half up to 0.01, in fen: [`div_round`], including where
    /// it gives up (its 128-bit products overflow).
    fn div_fen(self, y: Exact) -> Option<u128> {
        if y.is_zero() {
            return None;
        }
        let num = product(self.m, pow10(y.s + 2)?)?;
        let den = product(y.m, pow10(self.s)?)?;
        // div_round computes in i128: stay within it.
        let (n2, d2) = (product(num, 2)?.checked_add(den)?, product(den, 2)?);
        let max = i128::MAX.unsigned_abs();
        if n2 > max || d2 > max {
            return None;
        }
        Some(quotient(n2, d2))
    }
}

/// An amount in fen as a `Decimal` of scale 2 (`None` from 2^96 fen).
fn from_fen(fen: u128) -> Option<Decimal> {
    if fen >= U96 {
        return None;
    }
    // Three 32-bit words of a mantissa below 2^96.
    let word = |shift: u32| u32::try_from((fen >> shift) & 0xffff_ffff).unwrap_or(0);
    Some(Decimal::from_parts(word(0), word(32), word(64), false, 2))
}

/// `x` in fen when it is a non-negative amount of scale 2.
fn fen_of(x: Decimal) -> Option<u128> {
    if x.scale() == 2 && !x.is_sign_negative() {
        u128::try_from(x.mantissa()).ok()
    } else {
        None
    }
}

/// A sum of amounts from 0, in fen while every amount is a non-negative
/// `Decimal` of scale 2 and the sum is below 2^96 (where `Decimal` adds
/// exactly at scale 2), in `Decimal` from there on: the sum `Decimal`
/// gives, to the scale.
#[derive(Clone, Copy, Debug)]
enum Sum {
    Zero,
    Fen(u128),
    Other(Option<Decimal>),
}

impl Sum {
    /// `add` of `fen` as a `Decimal` of scale 2, for `fen` below 2^96.
    fn add_fen(&mut self, fen: u128) {
        *self = match *self {
            Sum::Zero => Sum::Fen(fen),
            Sum::Fen(f) => match f.checked_add(fen) {
                Some(s) if s < U96 => Sum::Fen(s),
                _ => Sum::Other(
                    from_fen(f)
                        .zip(from_fen(fen))
                        .and_then(|(t, x)| t.checked_add(x)),
                ),
            },
            Sum::Other(t) => Sum::Other(t.zip(from_fen(fen)).and_then(|(t, x)| t.checked_add(x))),
        }
    }

    fn add(&mut self, x: Decimal) {
        *self = match *self {
            // 0 + x is x, whatever its scale.
            Sum::Zero => fen_of(x).map_or(Sum::Other(Some(x)), Sum::Fen),
            Sum::Fen(f) => match fen_of(x).and_then(|m| f.checked_add(m)) {
                Some(s) if s < U96 => Sum::Fen(s),
                _ => Sum::Other(from_fen(f).and_then(|t| t.checked_add(x))),
            },
            Sum::Other(t) => Sum::Other(t.and_then(|t| t.checked_add(x))),
        }
    }

    fn value(self) -> Option<Decimal> {
        match self {
            Sum::Zero => Some(Decimal::ZERO),
            Sum::Fen(f) => from_fen(f),
            Sum::Other(t) => t,
        }
    }
}

/// Whether `c` is 1 or more, without a `Decimal` comparison.
fn at_least_one(c: Decimal) -> bool {
    !c.is_sign_negative() && pow10(c.scale()).is_some_and(|p| c.mantissa().unsigned_abs() >= p)
}

/// [`amounts_decimal`] in integers, `None` where a step would not be exact
/// (or an operand is negative): the caller then does it in `Decimal`.
fn amounts_exact(
    p: Decimal,
    sq: Decimal,
    d: Decimal,
    c: Decimal,
    v: Decimal,
    factor: Decimal,
) -> Option<LineDone> {
    let (p, sq, d, c, v, factor) = (
        Exact::of(p)?,
        Exact::of(sq)?,
        Exact::of(d)?,
        Exact::of(c)?,
        Exact::of(v)?,
        Exact::of(factor)?,
    );
    let duty = p.mul(d)?;
    let gross = p.add(duty)?.add(sq)?;
    let (ct, vat) = if c.is_zero() {
        let ct = if sq.is_zero() {
            0
        } else {
            sq.mul(factor)?.fen()?
        };
        (ct, gross.mul(v)?.mul(factor)?.fen()?)
    } else {
        let y = c.one_minus()?;
        let ct_num = gross.mul(c)?.add(sq.mul(y)?)?.mul(factor)?;
        let vat_num = gross.mul(v)?.mul(factor)?;
        (ct_num.div_fen(y)?, vat_num.div_fen(y)?)
    };
    let duty = duty.fen()?;
    Some(LineDone {
        duty: from_fen(duty)?,
        consumption: from_fen(ct)?,
        vat: from_fen(vat)?,
        tax: from_fen(duty.checked_add(ct)?.checked_add(vat)?)?,
    })
}

/// [`amounts`] in `Decimal`.
fn amounts_decimal(
    p: Decimal,
    sq: Decimal,
    d: Decimal,
    c: Decimal,
    v: Decimal,
    factor: Decimal,
) -> Option<LineDone> {
    let duty = if d.is_zero() {
        Decimal::ZERO
    } else {
        p.checked_mul(d)?
    };
    let gross = match (duty.is_zero(), sq.is_zero()) {
        (true, true) => p,
        (false, true) => p.checked_add(duty)?,
        _ => p.checked_add(duty)?.checked_add(sq)?,
    };
    let (ct, vat) = if c.is_zero() {
        let ct = if sq.is_zero() {
            ZERO_CENTS
        } else {
            round(sq.checked_mul(factor)?)
        };
        (ct, round(gross.checked_mul(v)?.checked_mul(factor)?))
    } else {
        // ct = factor (gross c + sq (1 - c)) / (1 - c); VAT = gross v factor / (1 - c)
        let y = Decimal::ONE.checked_sub(c)?;
        let ct_num = gross
            .checked_mul(c)?
            .checked_add(sq.checked_mul(y)?)?
            .checked_mul(factor)?;
        let vat_num = gross.checked_mul(v)?.checked_mul(factor)?;
        let exact = |num: Decimal| div_round(num, y).or_else(|| num.checked_div(y).map(round));
        (exact(ct_num)?, exact(vat_num)?)
    };
    let duty_r = round(duty);
    Some(LineDone {
        duty: duty_r,
        consumption: ct,
        vat,
        tax: duty_r.checked_add(ct)?.checked_add(vat)?,
    })
}

/// The exact tax of a line (before rounding), for its effective rate and
/// its part of the shipping tax when it has a specific tax.
fn exact_tax(
    p: Decimal,
    sq: Decimal,
    d: Decimal,
    c: Decimal,
    v: Decimal,
    factor: Decimal,
) -> Option<Decimal> {
    let duty = p.checked_mul(d)?;
    let gross = p.checked_add(duty)?.checked_add(sq)?;
    let base = if c.is_zero() {
        gross
    } else {
        gross.checked_div(Decimal::ONE.checked_sub(c)?)?
    };
    let ct = base.checked_mul(c)?.checked_add(sq)?.checked_mul(factor)?;
    let vat = base.checked_mul(v)?.checked_mul(factor)?;
    duty.checked_add(ct)?.checked_add(vat)
}

/// The sets of rates of an order (duty, consumption tax, VAT, factor),
/// each made once (an order's lines share a few): its combined rate, the
/// weight (goods, or units) of its lines, and its rates as integers for
/// the lines' amounts. The shipping tax is Σ rate x weight over the sets.
#[derive(Default)]
struct Plans {
    made: Few<Plan, 8>,
}

struct Plan {
    key: RatesKey,
    /// [`combined`].
    combined: Option<Decimal>,
    /// The weight of the lines at these rates (`Empty` before the first).
    weight: Acc,
    /// The rates as integers ([`Fast`]), `None` where they do not fit.
    fast: Option<Fast>,
}

/// Duty, consumption tax, VAT and factor, each as its mantissa and scale
/// ([`rate_key`]).
type RatesKey = [u128; 4];

/// `x`'s mantissa and scale in one integer: two keys are equal when the
/// mantissas and the scales are (0.1 and 0.10 are two sets, which is
/// harmless; 0 and -0 are one).
fn rate_key(x: Decimal) -> u128 {
    // Flags (sign and scale) in the low 32 bits, the mantissa above.
    let bits = u128::from_le_bytes(x.serialize());
    if bits >> 32 == 0 {
        bits & !(1 << 31)
    } else {
        bits
    }
}

impl Plans {
    /// The index of the set of these rates, made if new.
    fn index(&mut self, d: Decimal, c: Decimal, v: Decimal, factor: Decimal) -> usize {
        let key = [rate_key(d), rate_key(c), rate_key(v), rate_key(factor)];
        // Word by word (an array comparison would call memcmp).
        let same = |p: &Plan| {
            p.key[0] == key[0] && p.key[1] == key[1] && p.key[2] == key[2] && p.key[3] == key[3]
        };
        if let Some(k) = self.made.iter().position(same) {
            return k;
        }
        self.made.push(Plan {
            key,
            combined: combined(d, c, v, factor),
            weight: Acc::Empty,
            fast: Fast::new(d, c, v, factor),
        });
        self.made.len() - 1
    }

    /// [`amounts`] at rates of set `k`: in integers from the set's
    /// [`Fast`] where it can (a 0 and a -0 rate are one set, and one to
    /// the integers).
    #[allow(clippy::too_many_arguments)]
    fn amounts(
        &self,
        k: usize,
        p: Decimal,
        sq: Decimal,
        d: Decimal,
        c: Decimal,
        v: Decimal,
        factor: Decimal,
    ) -> Option<Taxes> {
        if sq.is_zero()
            && let Some(f) = self.made.get(k).and_then(|p| p.fast.as_ref())
            && let Some(f) = f.fens(p)
        {
            return Some(Taxes::Fen(f));
        }
        amounts(p, sq, d, c, v, factor).map(Taxes::Decimal)
    }

    /// `weight` added to set `k`'s lines; its combined rate.
    fn weigh(&mut self, k: usize, weight: Decimal) -> Option<Decimal> {
        let plan = self.made.get_mut(k)?;
        plan.weight.add(weight);
        plan.combined
    }

    /// Σ rate x weight over the sets that have lines, exact (`None` if a
    /// rate or a sum could not be made).
    fn weighted(&self) -> Option<Decimal> {
        self.made
            .iter()
            .filter(|p| !matches!(p.weight, Acc::Empty))
            .try_fold(Decimal::ZERO, |sum, p| {
                sum.checked_add(p.combined?.checked_mul(p.weight.value()?)?)
            })
    }
}

/// A list whose first `N` items stand in place, the rest on the heap: the
/// working lists of an assessment (its lines' values, the codes and the
/// sets of rates it meets) allocate nothing for the usual order.
struct Few<T, const N: usize> {
    first: [Option<T>; N],
    more: Vec<T>,
    len: usize,
}

impl<T, const N: usize> Default for Few<T, N> {
    fn default() -> Self {
        Few {
            first: std::array::from_fn(|_| None),
            more: Vec::new(),
            len: 0,
        }
    }
}

impl<T, const N: usize> Few<T, N> {
    /// Room for `n` items: on the heap, at once, for those past `N`.
    fn for_len(n: usize) -> Self {
        let mut few = Few::default();
        few.more.reserve_exact(n.saturating_sub(N));
        few
    }

    fn push(&mut self, item: T) {
        match self.first.get_mut(self.len) {
            Some(slot) => *slot = Some(item),
            None => self.more.push(item),
        }
        self.len += 1;
    }

    fn len(&self) -> usize {
        self.len
    }

    fn get(&self, k: usize) -> Option<&T> {
        match self.first.get(k) {
            Some(slot) => slot.as_ref(),
            None => self.more.get(k - N),
        }
    }

    fn get_mut(&mut self, k: usize) -> Option<&mut T> {
        match self.first.get_mut(k) {
            Some(slot) => slot.as_mut(),
            None => self.more.get_mut(k - N),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        let placed = self.first.get(..self.len.min(N)).unwrap_or_default();
        placed.iter().flatten().chain(&self.more)
    }
}

/// A running `Decimal` sum, `checked_add` from its first term: in integers
/// ([`Exact::add`]) while every term is non-negative and the sum exact, in
/// `Decimal` from there on, so it is the sum `Decimal` gives, to the scale.
#[derive(Clone, Copy, Debug)]
enum Acc {
    /// No term yet.
    Empty,
    Exact(Exact),
    Decimal(Option<Decimal>),
}

impl Acc {
    #[inline]
    fn add(&mut self, x: Decimal) {
        // The common term: at the sum's scale ([`Exact::add`] then adds
        // the mantissas).
        if let Acc::Exact(e) = self
            && !x.is_sign_negative()
            && x.scale() == e.s
            && let Some(t) = e.m.checked_add(x.mantissa().unsigned_abs())
            && t < U96
        {
            e.m = t;
            return;
        }
        self.add_slow(x);
    }

    #[cold]
    #[inline(never)]
    fn add_slow(&mut self, x: Decimal) {
        let e = if x.is_sign_negative() {
            None
        } else {
            Exact::of(x)
        };
        *self = match *self {
            Acc::Empty => e.map_or(Acc::Decimal(Some(x)), Acc::Exact),
            Acc::Exact(s) => match e.and_then(|e| s.add(e)) {
                Some(t) => Acc::Exact(t),
                None => Acc::Decimal(s.decimal().and_then(|s| s.checked_add(x))),
            },
            Acc::Decimal(t) => Acc::Decimal(t.and_then(|t| t.checked_add(x))),
        }
    }

    /// The sum; 0 when empty (`Decimal::ZERO + x` is `x`).
    fn value(self) -> Option<Decimal> {
        match self {
            Acc::Empty => Some(Decimal::ZERO),
            Acc::Exact(e) => e.decimal(),
            Acc::Decimal(t) => t,
        }
    }
}

/// A set of rates as integers, for the amounts of a line without a
/// specific tax: the steps of [`amounts_exact`] with the products of the
/// rates made once (`c x factor`, `v x factor`, `1 + d`, `1 - c`).
#[derive(Clone, Copy, Debug)]
struct Fast {
    d: Exact,
    /// `1 + d` when `d` is not 0.
    gross: Option<Exact>,
    /// `c x factor`.
    ct: Exact,
    /// `v x factor`.
    vat: Exact,
    /// `1 - c` when `c` is not 0.
    y: Option<Exact>,
}

impl Fast {
    /// `None` for a factor of 0: `amounts_exact` may then give up on a
    /// product before the factor, where `x x 0` here is 0.
    fn new(d: Decimal, c: Decimal, v: Decimal, factor: Decimal) -> Option<Fast> {
        let (d, c, v, f) = (
            Exact::of(d)?,
            Exact::of(c)?,
            Exact::of(v)?,
            Exact::of(factor)?,
        );
        if f.is_zero() {
            return None;
        }
        let gross = if d.is_zero() {
            None
        } else {
            Some(Exact {
                m: pow10(d.s)?.checked_add(d.m)?,
                s: d.s,
            })
        };
        let y = if c.is_zero() {
            None
        } else {
            Some(c.one_minus()?)
        };
        Some(Fast {
            d,
            gross,
            ct: c.mul(f)?,
            vat: v.mul(f)?,
            y,
        })
    }

    /// [`amounts_exact`] of a line of value `p` without a specific tax, in
    /// fen: `None` where it would be `None` (or a step here would not be
    /// exact).
    ///
    /// Where `amounts_exact` multiplies the gross by `c` and then by the
    /// factor, this multiplies it by `c x factor`: the same mantissa and
    /// scale, and with a factor above 0, a product within 2^96 and scale 28
    /// has partial products that are (a 0 is 0 at scale 0 either way, and
    /// the gross only meets products).
    fn fens(&self, p: Decimal) -> Option<Fens> {
        self.fens64(p).or_else(|| self.fens128(p))
    }

    /// [`Fast::fens128`] in 64 bits, for a value above 0 whose steps fit
    /// them (`None` otherwise, for the 128-bit steps to decide): the same
    /// steps, each exact where it gives an answer.
    #[inline]
    fn fens64(&self, p: Decimal) -> Option<Fens> {
        let pm = u64::try_from(p.mantissa()).ok().filter(|m| *m > 0)?;
        let ps = p.scale();
        let (duty, gross) = match self.gross {
            None => (0, (pm, ps)),
            Some(g) => {
                let duty = mul64((pm, ps), self.d)?;
                let gross = mul64((pm, ps), g)?;
                (fen64(duty)?, gross)
            }
        };
        let vat = mul64(gross, self.vat)?;
        let (ct, vat) = match self.y {
            None => (0, fen64(vat)?),
            Some(y) => (div_fen64(mul64(gross, self.ct)?, y)?, div_fen64(vat, y)?),
        };
        let tax = duty.checked_add(ct)?.checked_add(vat)?;
        Some(Fens {
            duty: duty.into(),
            consumption: ct.into(),
            vat: vat.into(),
            tax: tax.into(),
        })
    }

    /// The amounts in 128 bits.
    fn fens128(&self, p: Decimal) -> Option<Fens> {
        let p = Exact::of(p)?;
        let duty = p.mul(self.d)?;
        let gross = match self.gross {
            None => p,
            Some(g) => Exact::checked(product(p.m, g.m)?, p.s + g.s)?,
        };
        let (ct, vat) = match self.y {
            None => (0, gross.mul(self.vat)?.fen()?),
            Some(y) => (
                gross.mul(self.ct)?.div_fen(y)?,
                gross.mul(self.vat)?.div_fen(y)?,
            ),
        };
        let duty = duty.fen()?;
        let tax = duty.checked_add(ct)?.checked_add(vat)?;
        (tax < U96).then_some(Fens {
            duty,
            consumption: ct,
            vat,
            tax,
        })
    }
}

/// 10^0 to 10^19.
fn pow10_64(n: u32) -> Option<u64> {
    POW10.get(n as usize).and_then(|p| u64::try_from(*p).ok())
}

/// [`Exact::mul`] of a 64-bit mantissa and scale, `None` where it does
/// not fit 64 bits or scale 28 (a 0 is 0 at scale 0).
fn mul64((m, s): (u64, u32), e: Exact) -> Option<(u64, u32)> {
    let em = u64::try_from(e.m).ok()?;
    if m == 0 || em == 0 {
        return Some((0, 0));
    }
    let s = s + e.s;
    (s <= 28).then_some(())?;
    Some((m.checked_mul(em)?, s))
}

/// [`Exact::fen`] in 64 bits.
fn fen64((m, s): (u64, u32)) -> Option<u64> {
    if s <= 2 {
        m.checked_mul(pow10_64(2 - s)?)
    } else {
        let p = pow10_64(s - 2)?;
        Some(m.checked_add(p / 2)? / p)
    }
}

/// [`Exact::div_fen`] in 64 bits (its quotient then fits `i128` too).
fn div_fen64((m, s): (u64, u32), y: Exact) -> Option<u64> {
    let ym = u64::try_from(y.m).ok().filter(|m| *m > 0)?;
    let num = m.checked_mul(pow10_64(y.s + 2)?)?;
    let den = ym.checked_mul(pow10_64(s)?)?;
    let n2 = num.checked_mul(2)?.checked_add(den)?;
    Some(n2 / den.checked_mul(2)?)
}

/// A line's rounded taxes in fen, each below 2^96.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fens {
    duty: u128,
    consumption: u128,
    vat: u128,
    tax: u128,
}

/// A line's rounded taxes, in fen or as decimals.
#[derive(Clone, Copy, Debug)]
enum Taxes {
    Fen(Fens),
    Decimal(LineDone),
}

impl Taxes {
    fn done(self) -> LineDone {
        match self {
            Taxes::Fen(f) => {
                let d = |x: u128| from_fen(x).unwrap_or(Decimal::ZERO);
                LineDone {
                    duty: d(f.duty),
                    consumption: d(f.consumption),
                    vat: d(f.vat),
                    tax: d(f.tax),
                }
            }
            Taxes::Decimal(l) => l,
        }
    }
}

/// The ad valorem combined rate of a line, the rate of its share of
/// delivery: d + (1 + d)(c + v) / (1 - c) x factor.
fn combined(d: Decimal, c: Decimal, v: Decimal, factor: Decimal) -> Option<Decimal> {
    let mut r = Decimal::ONE
        .checked_add(d)?
        .checked_mul(c.checked_add(v)?)?;
    if !c.is_zero() {
        r = r.checked_div(Decimal::ONE.checked_sub(c)?)?;
    }
    r.checked_mul(factor)?.checked_add(d)
}

fn personal_articles<'t>(run: &mut Run<'t, '_>, a: &mut TaxAssessment<'t>) {
    let engine = run.engine;
    let Some((period_index, period)) = engine.table().cc_tiers_on(run.date) else {
        date_not_covered(
            run,
            "personal postal articles tax rates (the default covers 2016-04-08 on)",
            "进境物品进口税税率（默认自 2016-04-08 起）",
        );
        return;
    };
    let values = values(run);
    let mut dutiable = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let facts = run.context.line_facts(i);
        // The GAC table's price where the caller gives it, else the price paid.
        let unit = match (facts.and_then(LineFacts::dutiable_price), v) {
            (Some(m), Some(_)) => run.to_cny(m),
            (None, Some(v)) => Some(v.unit),
            (_, None) => None,
        };
        let d = unit
            .zip(v.as_ref())
            .and_then(|(u, v)| Some((u, u.checked_mul(Decimal::from(v.quantity))?)));
        a.lines[i].dutiable_value = d.map(|d| d.1);
        if d.is_none() {
            a.lines[i].gap = Some(Gap::Value);
        }
        dutiable.push(d);
    }
    if dutiable.iter().any(Option::is_none) {
        return;
    }
    let Some(goods) = dutiable
        .iter()
        .flatten()
        .try_fold(Decimal::ZERO, |s, (_, d)| s.checked_add(*d))
    else {
        overflow(run);
        return;
    };
    a.dutiable_value = Some(goods);
    // The parcel limit.
    let from = run
        .context
        .ship_from()
        .or_else(|| run.order.seller.as_ref().and_then(|s| s.country));
    if let Some((_, limit)) = engine.table().cc_parcel_limit_on(run.date, from)
        && goods > limit.limit
    {
        let g = shown(goods);
        let l = whole(limit.limit);
        let (where_en, where_zh) = if limit.from.is_empty() {
            (String::new(), String::new())
        } else {
            let places: Vec<String> = limit.from.iter().map(|c| c.to_string()).collect();
            (
                format!(" from {}", places.join(", ")),
                format!("（寄自 {}）", places.join("、")),
            )
        };
        let items_at = JsonPointer::root().field("items");
        if single_item(run.order) {
            run.push(
                Code::TAX_SINGLE_ARTICLE_OVER_LIMIT,
                Severity::Warning,
                items_at,
                format!("the parcel's articles, {g} CNY, are over the ¥{l} limit of an inbound personal parcel{where_en} ({}), but it holds a single indivisible article: it may clear as a personal article if it is for personal use", limit.source),
                format!("包裹物品价值 {g} CNY 超过进境个人物品 {l} 元限值{where_zh}（{}），但仅有一件不可分割物品：经海关审核确属自用的，可按个人物品放行", limit.source),
            );
        } else {
            run.push(
                Code::TAX_GENERAL_TRADE,
                Severity::Error,
                items_at,
                format!("the parcel's articles, {g} CNY, are over the ¥{l} limit of an inbound personal parcel{where_en} ({}): it must be returned or declared as goods; no personal articles tax is computed", limit.source),
                format!("包裹物品价值 {g} CNY 超过进境个人物品 {l} 元限值{where_zh}（{}）：应退运或按货物办理通关；不计算行邮税", limit.source),
            );
            a.basis = Some(Basis::GeneralTrade);
            return;
        }
    }
    a.basis = Some(Basis::PersonalArticles);
    let mut total = Some(Decimal::ZERO);
    let mut lookups = Lookups::default();
    for (i, d) in dutiable.iter().enumerate() {
        let Some((unit, value)) = *d else { continue };
        let item = &run.order.items[i];
        let facts = run.context.line_facts(i);
        let mut view = LineView {
            facts,
            unit_value: Some((unit, Decimal::ONE)),
            item,
        };
        let postal = item
            .product
            .as_ref()
            .and_then(|p| p.personal_postal_articles_tax.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .and_then(|n| {
                engine
                    .table()
                    .postal_tax_numbers
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, e)| e.effective.contains(run.date) && n.starts_with(e.number.trim()))
            });
        let mut certain = true;
        let (tier, source) = match postal {
            Some((index, entry)) => (entry.tier, RateSource::PostalTaxNumber { index, entry }),
            None => {
                let want = Want {
                    tier: true,
                    ..Want::default()
                };
                let found = match lookups.entry(
                    engine,
                    hs_of(item),
                    run.date,
                    want,
                    unit,
                    &mut view,
                    &mut || Some((unit, Decimal::ONE)),
                ) {
                    Ok(k) => lookups.found(k),
                    Err(found) => found,
                };
                if let Some((row, m)) = found.undecided {
                    certain = false;
                    undecided_note(run, i, row, m);
                }
                match found.tier {
                    Some((index, row)) => (
                        row.cc_tier.unwrap_or(period.default_tier),
                        RateSource::Row { index, row },
                    ),
                    None => {
                        certain = false;
                        let r = period
                            .rate(period.default_tier)
                            .map_or_else(String::new, percent);
                        let t = period.default_tier;
                        let (en, zh) = match hs_of(item) {
                            Some(code) => (
                                format!(
                                    "no row of the tax table places HS {code} in a personal postal articles tier: tier {t} ({r}), goods not in another tier, was used, a guess"
                                ),
                                format!(
                                    "税率表中没有 HS {code} 的行邮税税目：按其他物品税目 {t}（{r}）计算，系推定"
                                ),
                            ),
                            None => (
                                format!(
                                    "the line has no HS code: tier {t} ({r}), goods not in another tier, was used, a guess"
                                ),
                                format!(
                                    "该商品没有 HS 编码：按其他物品税目 {t}（{r}）计算，系推定"
                                ),
                            ),
                        };
                        let at = run.hs_at(i);
                        run.push(Code::TAX_RATE_DEFAULT, Severity::Warning, at, en, zh);
                        (
                            period.default_tier,
                            RateSource::OtherGoods {
                                index: period_index,
                                period,
                            },
                        )
                    }
                }
            }
        };
        let line = &mut a.lines[i];
        line.certain = certain;
        let Some(rate) = period.rate(tier).filter(|r| !r.is_sign_negative()) else {
            let at = run.hs_at(i);
            run.push(
                Code::TAX_RATE_INVALID,
                Severity::Error,
                at,
                format!("HS {} is placed in tier {tier}, which the personal articles rates in force on {} do not have", hs_text(item), run.date),
                format!("HS {} 被归入税目 {tier}，但 {} 有效的行邮税税率中没有该税目", hs_text(item), run.date),
            );
            line.gap = Some(Gap::Rate);
            total = None;
            continue;
        };
        line.cc_tier = Some(tier);
        line.cc_rate = Some(applied(rate, source));
        line.rate = Some(Rate::Given(rate));
        match value.checked_mul(rate) {
            Some(t) => {
                let t = round(t);
                line.tax = Some(t);
                total = total.and_then(|s| s.checked_add(t));
            }
            None => {
                line.gap = Some(Gap::Overflow);
                total = None;
            }
        }
    }
    a.shipping_tax = Some(round(Decimal::ZERO));
    let Some(total) = total else {
        return;
    };
    let waiver = engine.table().cc_waiver_on(run.date);
    if let Some((_, w)) = waiver
        && total <= w.up_to
    {
        a.waived = Some(total);
        for line in &mut a.lines {
            if line.tax.is_some() {
                line.tax = Some(round(Decimal::ZERO));
            }
        }
        a.total = Some(round(Decimal::ZERO));
    } else {
        a.total = Some(total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past its `N` placed items a `Few` goes on in its heap part, and reads
    /// back as a list: every index, in order, changes included.
    #[test]
    fn a_few_holds_any_number_in_order() {
        for n in [0usize, 1, 3, 4, 5, 9, 40] {
            let mut few: Few<String, 4> = Few::for_len(n / 2);
            for i in 0..n {
                few.push(i.to_string());
            }
            assert_eq!(few.len(), n);
            if let Some(last) = n.checked_sub(1).and_then(|k| few.get_mut(k)) {
                last.push('!');
            }
            let want: Vec<String> = (0..n)
                .map(|i| {
                    if i + 1 == n {
                        format!("{i}!")
                    } else {
                        i.to_string()
                    }
                })
                .collect();
            assert_eq!(few.iter().cloned().collect::<Vec<_>>(), want);
            for (i, w) in want.iter().enumerate() {
                assert_eq!(few.get(i), Some(w));
            }
            assert_eq!(few.get(n), None);
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn div_round_is_exact_at_half_a_fen() {
        // 0.45 x 10% x 70% / 0.9 = 0.035 exactly: half up is 0.04. A
        // reciprocal of 0.9 to 28 digits would give 0.0349999... and 0.03.
        assert_eq!(div_round(d("0.0315"), d("0.9")), Some(d("0.04")));
        assert_eq!(div_round(d("0.04095"), d("0.9")), Some(d("0.05"))); // 0.0455
        assert_eq!(div_round(d("1"), d("3")), Some(d("0.33")));
        assert_eq!(div_round(d("2"), d("3")), Some(d("0.67")));
        assert_eq!(div_round(d("0"), d("0.85")), Some(d("0.00")));
        assert_eq!(div_round(d("1"), d("0")), None);
        assert_eq!(div_round(d("-1"), d("0.9")), None);
        // Agrees with a 28-digit division away from ties.
        for cents in [1, 7, 99, 1234, 99_999, 123_456_789] {
            for y in ["0.9", "0.85", "0.8", "0.64", "0.96"] {
                let x = Decimal::new(cents, 2);
                let by_division = round(x / d(y));
                assert_eq!(div_round(x, d(y)), Some(by_division), "{x} / {y}");
            }
        }
    }

    #[test]
    fn a_wine_line_on_half_a_fen_rounds_up() {
        let done = amounts(
            d("0.45"),
            Decimal::ZERO,
            Decimal::ZERO,
            d("0.10"),
            d("0.13"),
            d("0.7"),
        );
        let done = done.unwrap_or(LineDone {
            duty: Decimal::ONE,
            consumption: Decimal::ONE,
            vat: Decimal::ONE,
            tax: Decimal::ONE,
        });
        assert_eq!(done.consumption, d("0.04"));
        assert_eq!(done.vat, d("0.05"));
    }

    fn bits(done: Option<LineDone>) -> Option<[[u8; 16]; 4]> {
        done.map(|l| {
            [
                l.duty.serialize(),
                l.consumption.serialize(),
                l.vat.serialize(),
                l.tax.serialize(),
            ]
        })
    }

    /// A decimal of `m` at scale `s`: large mantissas reach the fallback.
    fn dec(m: u64, s: u32) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(m), s)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The integer path gives what `Decimal` gives, to the scale, and
        /// the line's answer is the `Decimal` one, fast path or not.
        #[test]
        fn exact_amounts_are_the_decimal_ones(
            p in (0u64..10_000_000, 0u32..5),
            big in proptest::prelude::any::<u64>(),
            use_big in 0u8..8,
            sq in (0u64..100_000, 0u32..4),
            d in (0u64..400, 0u32..4),
            c in (0u64..100, 0u32..3),
            v in (0u64..20, 0u32..3),
            factor in proptest::sample::select(vec![(7u64, 1u32), (70, 2), (1, 0), (0, 0), (3, 1)]),
            with_sq in proptest::prelude::any::<bool>(),
        ) {
            let p = if use_big == 0 { dec(big, 2) } else { dec(p.0, p.1) };
            let sq = if with_sq { dec(sq.0, sq.1) } else { Decimal::ZERO };
            // Rates below 1: a consumption tax of c% at scale c.1 (or 0).
            let c = dec(c.0, 2 + c.1);
            let (d, v, factor) = (dec(d.0, 2 + d.1), dec(v.0, 2 + v.1), dec(factor.0, factor.1));
            let slow = bits(amounts_decimal(p, sq, d, c, v, factor));
            let fast = amounts_exact(p, sq, d, c, v, factor);
            if fast.is_some() {
                proptest::prop_assert_eq!(bits(fast), slow);
            }
            proptest::prop_assert_eq!(bits(amounts(p, sq, d, c, v, factor)), slow);
        }

        /// The rates made once into integers give what the integer path
        /// gives, to the scale, and give an answer wherever it does.
        #[test]
        fn fast_amounts_are_the_exact_ones(
            p in (0u64..10_000_000, 0u32..6),
            big in proptest::prelude::any::<u64>(),
            use_big in 0u8..8,
            negative in 0u8..16,
            d in (0u64..400, 0u32..4),
            with_d in proptest::prelude::any::<bool>(),
            c in (0u64..100, 0u32..3),
            v in (0u64..20, 0u32..3),
            factor in proptest::sample::select(vec![(7u64, 1u32), (70, 2), (1, 0), (0, 0), (3, 1)]),
        ) {
            let p = match use_big {
                0 => dec(big, 2),
                1 => Decimal::from_i128_with_scale(i128::from(big) << 30, p.1),
                _ => dec(p.0, p.1),
            };
            let p = if negative == 0 { -p } else { p };
            let d = if with_d { dec(d.0, 2 + d.1) } else { Decimal::ZERO };
            let c = dec(c.0, 2 + c.1);
            let (v, factor) = (dec(v.0, 2 + v.1), dec(factor.0, factor.1));
            let plan = Fast::new(d, c, v, factor);
            if let Some(f) = &plan
                && let Some(short) = f.fens64(p)
            {
                proptest::prop_assert_eq!(Some(short), f.fens128(p));
            }
            if factor.is_zero() {
                proptest::prop_assert!(plan.is_none());
            } else {
                let fast = plan.and_then(|f| f.fens(p)).map(|f| Taxes::Fen(f).done());
                let exact = amounts_exact(p, Decimal::ZERO, d, c, v, factor);
                proptest::prop_assert_eq!(bits(fast), bits(exact));
            }
        }

        /// A running sum is the `Decimal` one, to the scale, from its
        /// first term, over scales, signs and sizes.
        #[test]
        fn running_sums_are_the_decimal_ones(
            xs in proptest::collection::vec(
                (proptest::prelude::any::<u64>(), 0u32..29, 0u8..6, proptest::prelude::any::<bool>()),
                1..12,
            ),
        ) {
            let mut acc = Acc::Empty;
            let mut decimal: Option<Option<Decimal>> = None;
            for (m, s, kind, negative) in xs {
                let m = match kind {
                    0 => i128::from(m) << 32,
                    1 => i128::from(m),
                    2 => 0,
                    _ => i128::from(m % 100_000),
                };
                let s = if kind >= 3 { s % 4 } else { s };
                let x = Decimal::from_i128_with_scale(if negative && kind != 3 { -m } else { m }, s);
                acc.add(x);
                decimal = Some(match decimal {
                    None => Some(x),
                    Some(t) => t.and_then(|t| t.checked_add(x)),
                });
                proptest::prop_assert_eq!(
                    acc.value().map(|d| d.serialize()),
                    decimal.flatten().map(|d| d.serialize())
                );
            }
        }

        /// A line's unit value and goods are `Decimal`'s difference and
        /// product, to the scale.
        #[test]
        fn differences_and_products_are_the_decimal_ones(
            p in (proptest::prelude::any::<u64>(), 0u32..29, 0u8..4),
            d in (proptest::prelude::any::<u64>(), 0u32..29, 0u8..4),
            negative in 0u8..8,
            quantity in proptest::prelude::any::<u32>(),
        ) {
            let x = |(m, s, kind): (u64, u32, u8)| {
                let m = match kind {
                    0 => i128::from(m) << 32,
                    1 => 0,
                    2 => i128::from(m % 10_000),
                    _ => i128::from(m),
                };
                Decimal::from_i128_with_scale(m, if kind == 2 { s % 3 } else { s })
            };
            let (mut p, mut d) = (x(p), x(d));
            match negative {
                0 => p.set_sign_negative(true),
                1 => d.set_sign_negative(true),
                _ => {}
            }
            proptest::prop_assert_eq!(
                difference(p, d).map(|r| r.serialize()),
                p.checked_sub(d).map(|r| r.serialize())
            );
            let q = if negative < 4 { quantity % 4 } else { quantity };
            proptest::prop_assert_eq!(
                times(p, q).map(|r| r.serialize()),
                p.checked_mul(Decimal::from(q)).map(|r| r.serialize())
            );
        }

        /// Two rates have one key exactly when their mantissas and
        /// scales are equal.
        #[test]
        fn rate_keys_are_mantissa_and_scale(
            a in (-1000i64..1000, 0u32..29),
            b in (-1000i64..1000, 0u32..29),
            negative_zero in proptest::prelude::any::<bool>(),
        ) {
            let x = Decimal::new(a.0, a.1);
            let mut y = Decimal::new(b.0, b.1);
            if negative_zero && y.is_zero() {
                y.set_sign_negative(true);
            }
            proptest::prop_assert_eq!(
                rate_key(x) == rate_key(y),
                (x.mantissa(), x.scale()) == (y.mantissa(), y.scale())
            );
        }
    }

    #[test]
    fn a_negative_zero_rate_shares_its_set() {
        let mut plans = Plans::default();
        let mut minus = Decimal::ZERO;
        minus.set_sign_negative(true);
        let (c, v, f) = (d("0.10"), d("0.13"), d("0.7"));
        let a = plans.index(Decimal::ZERO, c, v, f);
        assert_eq!(plans.index(minus, c, v, f), a);
        assert_ne!(plans.index(d("0.0"), c, v, f), a);
        assert_eq!(plans.made.len(), 2);
        let _ = plans.weigh(a, d("10.5"));
        let _ = plans.weigh(a, d("2.25"));
        // Σ rate x weight over the sets with lines: (0.1 + 0.13) / 0.9 x 0.7 x 12.75.
        let r = combined(Decimal::ZERO, c, v, f).unwrap_or_default();
        assert_eq!(plans.weighted(), r.checked_mul(d("12.75")));
    }

    #[test]
    fn exact_amounts_give_way_where_decimal_rounds() {
        // A line of the common kind takes the integer path: a ¥45 wine,
        // base 45 / 0.9 = 50, consumption tax 3.50 and VAT 4.55 at 70%.
        let z = Decimal::ZERO;
        let wine = amounts_exact(d("45.00"), z, z, d("0.10"), d("0.13"), d("0.7"));
        assert_eq!(wine.map(|l| l.tax.to_string()), Some("8.05".to_owned()));
        // 2^96 and over is not a mantissa: the integer path declines.
        let huge = Decimal::MAX;
        assert!(
            amounts_exact(
                huge,
                Decimal::ZERO,
                d("0.5"),
                Decimal::ZERO,
                d("0.13"),
                d("0.7")
            )
            .is_none()
        );
        // A scale over 28 would be rounded by Decimal: declined too.
        let fine = Decimal::from_i128_with_scale(1, 28);
        assert!(
            amounts_exact(
                fine,
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
                d("0.13"),
                d("0.7")
            )
            .is_none()
        );
        assert_eq!(
            bits(amounts(
                fine,
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
                d("0.13"),
                d("0.7")
            )),
            bits(amounts_decimal(
                fine,
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
                d("0.13"),
                d("0.7")
            ))
        );
        // A negative value is left to Decimal.
        assert!(
            amounts_exact(
                d("-1"),
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
                d("0.13"),
                d("0.7")
            )
            .is_none()
        );
    }

    proptest::proptest! {
        /// A running sum in fen is the `Decimal` sum from 0, to the scale,
        /// past 2^96 fen and over amounts of other scales.
        #[test]
        fn sums_in_fen_are_the_decimal_ones(
            xs in proptest::collection::vec(
                (proptest::prelude::any::<u64>(), 0u32..4, 0u8..6, proptest::prelude::any::<bool>()),
                0..12,
            ),
        ) {
            let mut sum = Sum::Zero;
            let mut decimal = Some(Decimal::ZERO);
            for (m, s, big, negative) in xs {
                let m = if big == 0 { i128::from(m) << 32 } else { i128::from(m % 100_000) };
                let scale = if big == 1 { s } else { 2 };
                let x = Decimal::from_i128_with_scale(if negative && big == 2 { -m } else { m }, scale);
                sum.add(x);
                decimal = decimal.and_then(|t| t.checked_add(x));
                proptest::prop_assert_eq!(
                    sum.value().map(|d| d.serialize()),
                    decimal.map(|d| d.serialize())
                );
            }
        }

        #[test]
        fn at_least_one_is_the_comparison(m in proptest::prelude::any::<i64>(), s in 0u32..20) {
            let c = Decimal::new(m, s);
            proptest::prop_assert_eq!(at_least_one(c), c >= Decimal::ONE);
        }
    }
}
