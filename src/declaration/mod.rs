//! Declaration validation: will customs accept this product, order or payment
//! declaration? Every problem at once, each at its JSON Pointer, with a
//! stable code, a severity and a message in English and Chinese.
//!
//! A [`Validator`] runs a [`RuleSet`] over a declaration in the context the
//! caller gives ([`Context`]: the date, the customs port, the clearance mode,
//! exchange rates, what the buyer already spent this year). It first converts
//! the wire document (reporting every malformed value), then runs every rule
//! that applies to the declaration's clearance mode and is in force on the
//! context's date, and returns one [`crate::Report`] in document
//! order.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::declaration::{Context, Declaration, Validator};
//! use crossborder::{wire, ClearanceMode};
//!
//! let json = r#"{
//!     "name": "蓝牙耳机", "hsCode": "8518300000", "country": "CN", "price": 199,
//!     "netWeight": 0.2, "grossWeight": 0.15, "expressType": "BC", "taxRate": 9.1,
//!     "skus": [{"skuNumber": "A"}, {"skuNumber": "A", "barcode": "6901234567015"}]
//! }"#;
//! let product: wire::Product = serde_json::from_str(json)?;
//! let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
//! let report = Validator::default().validate_product(product, &context).into_parts().1;
//! let codes: Vec<_> = report.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
//! assert_eq!(codes, [
//!     ("sku.duplicate_number", "/skus/1/skuNumber"),
//!     ("barcode.invalid", "/skus/1/barcode"),
//!     ("weight.net_exceeds_gross", "/netWeight"),
//!     ("tax_rate.out_of_range", "/taxRate"),
//! ]);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # The rules
//!
//! [`catalogue`] lists every rule of the crate with its code, severity, modes,
//! date and source; its documentation is generated from the same definitions
//! the code runs, so it cannot drift.

mod builtin;
mod rule;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use builtin::catalogue;
pub use rule::{Findings, OrderInput, ProductInput, Rule, RuleInfo, RuleSet, Scope};

use crate::tax::china::{LineFacts, TaxEngine, TaxTable};
use crate::{
    ClearanceMode, Code, Converted, Country, CustomsPort, DocumentKind, ExchangeRates, Limits, Loc,
    Money, Order, Product, Report, wire,
};

/// Which declaration a document is, by the API endpoint it goes to.
///
/// # Example
///
/// ```
/// use crossborder::declaration::Declaration;
/// assert_eq!(Declaration::OrderUpdate.endpoint(), "PUT /customs/{region}/order");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Declaration {
    /// `POST /customs/{region}/product`.
    Product,
    /// `POST /customs/{region}/order`: a new order.
    Order,
    /// `PUT /customs/{region}/order`: an update of an order.
    OrderUpdate,
    /// `POST /customs/{region}/payment`: the payment declaration.
    Payment,
}

impl Declaration {
    /// The API endpoint.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::Declaration;
    /// assert_eq!(Declaration::Payment.endpoint(), "POST /customs/{region}/payment");
    /// ```
    pub const fn endpoint(self) -> &'static str {
        match self {
            Declaration::Product => "POST /customs/{region}/product",
            Declaration::Order => "POST /customs/{region}/order",
            Declaration::OrderUpdate => "PUT /customs/{region}/order",
            Declaration::Payment => "POST /customs/{region}/payment",
        }
    }

    /// Whether this is an order or order-update declaration.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::Declaration;
    /// assert!(Declaration::OrderUpdate.is_order());
    /// assert!(!Declaration::Payment.is_order());
    /// ```
    pub const fn is_order(self) -> bool {
        matches!(self, Declaration::Order | Declaration::OrderUpdate)
    }
}

/// What the caller knows that the declaration does not say: the date to judge
/// it on, the customs port it goes to, the clearance mode (when the payload
/// has none, or to hold it to one), exchange rates for amounts not in CNY,
/// what the buyer has already spent this year, and where the parcel ships
/// from. The crate reads no clock: the date is always given.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::declaration::Context;
/// use crossborder::{ClearanceMode, Country, CustomsPort, Money};
///
/// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap())
///     .with_port(CustomsPort::Hz)
///     .with_mode(ClearanceMode::Bc)
///     .with_annual_spent("18000 CNY".parse::<Money>()?)
///     .with_ship_from(Country::JP);
/// assert_eq!(context.port(), Some(CustomsPort::Hz));
/// # Ok::<(), crossborder::MoneyError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    as_of: NaiveDate,
    port: Option<CustomsPort>,
    mode: Option<ClearanceMode>,
    rates: ExchangeRates,
    annual_spent: Option<Money>,
    ship_from: Option<Country>,
    /// The caller's China import tax table, compiled; the default when `None`.
    tax: Option<Arc<TaxEngine>>,
    duty_rate: Option<Decimal>,
    line_facts: BTreeMap<usize, LineFacts>,
}

impl Context {
    /// A context for judging declarations as of `as_of`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
    /// assert_eq!(crossborder::declaration::Context::new(d).as_of(), d);
    /// ```
    pub fn new(as_of: NaiveDate) -> Self {
        Context {
            as_of,
            port: None,
            mode: None,
            rates: ExchangeRates::new(),
            annual_spent: None,
            ship_from: None,
            tax: None,
            duty_rate: None,
            line_facts: BTreeMap::new(),
        }
    }

    /// The customs port (`{region}`) the declaration is sent to; an order's
    /// `customsCode` must match it.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::{declaration::Context, CustomsPort};
    /// let c = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_port(CustomsPort::Gz);
    /// assert_eq!(c.port(), Some(CustomsPort::Gz));
    /// ```
    #[must_use]
    pub fn with_port(mut self, port: CustomsPort) -> Self {
        self.port = Some(port);
        self
    }

    /// The clearance mode: used when the payload has no `expressType`, and
    /// checked against it when it has one.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::{declaration::Context, ClearanceMode};
    /// let c = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_mode(ClearanceMode::Cc);
    /// assert_eq!(c.mode(), Some(ClearanceMode::Cc));
    /// ```
    #[must_use]
    pub fn with_mode(mut self, mode: ClearanceMode) -> Self {
        self.mode = Some(mode);
        self
    }

    /// Exchange rates for converting amounts in other currencies to CNY.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::{declaration::Context, Currency, ExchangeRates};
    /// use rust_decimal::Decimal;
    /// let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::new(72, 1))?;
    /// let c = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_rates(rates);
    /// assert_eq!(c.rates().len(), 1);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn with_rates(mut self, rates: ExchangeRates) -> Self {
        self.rates = rates;
        self
    }

    /// What the buyer has spent on cross-border e-commerce imports this year,
    /// before this order (for the ¥26,000 annual limit; without it the annual
    /// limit is not checked).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::{declaration::Context, Money};
    /// let c = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_annual_spent("100 CNY".parse::<Money>()?);
    /// assert!(c.annual_spent().is_some());
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn with_annual_spent(mut self, spent: Money) -> Self {
        self.annual_spent = Some(spent);
        self
    }

    /// Where the parcel ships from (for CC's ¥800 limit on parcels from Hong
    /// Kong, Macao and Taiwan); when not given, the order's seller country.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::{declaration::Context, Country};
    /// let c = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_ship_from(Country::HK);
    /// assert_eq!(c.ship_from(), Some(Country::HK));
    /// ```
    #[must_use]
    pub fn with_ship_from(mut self, country: Country) -> Self {
        self.ship_from = Some(country);
        self
    }

    /// The date declarations are judged on.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    /// assert_eq!(crossborder::declaration::Context::new(d).as_of(), d);
    /// ```
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The customs port, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// assert_eq!(crossborder::declaration::Context::new(NaiveDate::MIN).port(), None);
    /// ```
    pub fn port(&self) -> Option<CustomsPort> {
        self.port
    }

    /// The clearance mode, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// assert_eq!(crossborder::declaration::Context::new(NaiveDate::MIN).mode(), None);
    /// ```
    pub fn mode(&self) -> Option<crate::ClearanceMode> {
        self.mode
    }

    /// The exchange rates.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// assert!(crossborder::declaration::Context::new(NaiveDate::MIN).rates().is_empty());
    /// ```
    pub fn rates(&self) -> &ExchangeRates {
        &self.rates
    }

    /// The buyer's spending this year before this order, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// assert_eq!(crossborder::declaration::Context::new(NaiveDate::MIN).annual_spent(), None);
    /// ```
    pub fn annual_spent(&self) -> Option<Money> {
        self.annual_spent
    }

    /// Where the parcel ships from, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// assert_eq!(crossborder::declaration::Context::new(NaiveDate::MIN).ship_from(), None);
    /// ```
    pub fn ship_from(&self) -> Option<Country> {
        self.ship_from
    }

    /// The China import tax table for [`crate::tax::assess`] and the
    /// declared-tax and limit rules, instead of
    /// [`TaxTable::china_default`]. Its look-up index is built here, once.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::declaration::Context;
    /// use crossborder::tax::{TaxRow, TaxTable};
    /// use rust_decimal::Decimal;
    /// let mut table = TaxTable::china_default();
    /// table.rows.push(TaxRow::new("90021139".parse()?, "Customs Tariff 2024, MFN").with_duty(Decimal::new(6, 2)));
    /// let c = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_tax_table(table);
    /// assert!(c.tax_table().rows.iter().any(|r| r.duty.is_some()));
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    #[must_use]
    pub fn with_tax_table(mut self, table: TaxTable) -> Self {
        self.tax = Some(Arc::new(TaxEngine::new(table)));
        self
    }

    /// The China import tax table in use: the caller's, or the default.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::tax::TaxTable;
    /// let c = crossborder::declaration::Context::new(NaiveDate::MIN);
    /// assert_eq!(c.tax_table(), &TaxTable::china_default());
    /// ```
    pub fn tax_table(&self) -> &TaxTable {
        self.tax_engine().table()
    }

    pub(crate) fn tax_engine(&self) -> &TaxEngine {
        match &self.tax {
            Some(engine) => engine,
            None => TaxEngine::standard(),
        }
    }

    /// The MFN duty rate (a fraction) of every line taxed at full rates
    /// whose table row gives none.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use rust_decimal::Decimal;
    /// let c = crossborder::declaration::Context::new(NaiveDate::MIN).with_duty_rate(Decimal::new(1, 1));
    /// assert_eq!(c.duty_rate(), Some(Decimal::new(1, 1)));
    /// ```
    #[must_use]
    pub fn with_duty_rate(mut self, rate: Decimal) -> Self {
        self.duty_rate = Some(rate);
        self
    }

    /// The duty rate, if given.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use rust_decimal::Decimal;
    /// let c = crossborder::declaration::Context::new(NaiveDate::MIN);
    /// assert_eq!(c.duty_rate(), None);
    /// assert_eq!(c.with_duty_rate(Decimal::ONE).duty_rate(), Some(Decimal::ONE));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn duty_rate(&self) -> Option<Decimal> {
        self.duty_rate
    }

    /// Facts about the order line at `index` (of `items`) that the order
    /// does not carry: high-end or not, volume, the GAC dutiable price, a
    /// duty rate, attributes.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::tax::LineFacts;
    /// let c = crossborder::declaration::Context::new(NaiveDate::MIN)
    ///     .with_line_facts(0, LineFacts::new().with_high_end(true));
    /// assert_eq!(c.line_facts(0).and_then(LineFacts::high_end), Some(true));
    /// assert!(c.line_facts(1).is_none());
    /// ```
    #[must_use]
    pub fn with_line_facts(mut self, index: usize, facts: LineFacts) -> Self {
        self.line_facts.insert(index, facts);
        self
    }

    /// The facts given for the line at `index`.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use crossborder::tax::LineFacts;
    /// let c = crossborder::declaration::Context::new(NaiveDate::MIN).with_line_facts(2, LineFacts::new().with_attribute("x"));
    /// assert!(c.line_facts(2).is_some_and(|f| f.has_attribute("x")));
    /// assert!(c.line_facts(0).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line_facts(&self, index: usize) -> Option<&LineFacts> {
        self.line_facts.get(&index)
    }
}

/// Runs a [`RuleSet`] over declarations. Build it once and share it: it is
/// `Send + Sync` and holds no per-declaration state.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::declaration::{Context, Declaration, Validator};
/// use crossborder::wire;
///
/// let order: wire::Order = serde_json::from_str(r#"{"orderId":"SO-1","platformName":"douyin","expressType":"BC",
///     "items":[{"quantity":1,"price":100}],"payAmount":90}"#)?;
/// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
/// let checked = Validator::default().validate_order(order, Declaration::Order, &context);
/// assert!(checked.report().has_errors());
/// assert!(checked.report().iter().any(|v| v.code().as_str() == "order.pay_amount_mismatch"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Validator {
    rules: RuleSet,
    limits: Limits,
}

impl Validator {
    /// A validator running these rules.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::{RuleSet, Validator};
    /// use crossborder::ClearanceMode;
    /// let v = Validator::new(RuleSet::for_mode(ClearanceMode::Bc));
    /// assert!(v.rules().iter().count() > 10);
    /// ```
    pub fn new(rules: RuleSet) -> Self {
        Validator {
            rules,
            limits: Limits::none(),
        }
    }

    /// The same validator refusing documents over `limits` before anything
    /// else runs: [`Validator::validate_product`] and
    /// [`Validator::validate_order`] then give one `limit.exceeded`
    /// violation and an empty product or order (a [`Product::new`] or
    /// [`Order::new`] in CNY). No limit is set by default.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Validator};
    /// use crossborder::{Code, Limits, wire};
    ///
    /// let validator = Validator::default().with_limits(Limits::none().with_max_items(500));
    /// let lines = vec![serde_json::json!({"quantity": 1, "price": 1}); 501];
    /// let order: wire::Order = serde_json::from_value(serde_json::json!({"orderId": "SO-1", "items": lines}))?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    /// let (order, report) = validator
    ///     .validate_order(order, crossborder::declaration::Declaration::Order, &context)
    ///     .into_parts();
    /// assert_eq!(report.len(), 1);
    /// assert_eq!(report.as_slice()[0].code(), &Code::LIMIT_EXCEEDED);
    /// assert!(order.items.is_empty());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The limits documents are held to (none by default).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::Validator;
    /// assert!(Validator::default().limits().is_none());
    /// ```
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The rules.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::Validator;
    /// assert!(Validator::default().rules().iter().count() >= 20);
    /// ```
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Converts and checks a product declaration.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Validator};
    /// use crossborder::wire;
    /// let w: wire::Product = serde_json::from_str(r#"{"name":"T恤","hsCode":"6109.10"}"#)?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    /// let report = Validator::default().validate_product(w, &context).into_parts().1;
    /// assert!(report.iter().any(|v| v.code().as_str() == "hs_code.length"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn validate_product(
        &self,
        mut wire: wire::Product,
        context: &Context,
    ) -> Converted<Product> {
        if let Err(refused) = self.limits.check(&wire) {
            return Converted::new(Product::new(crate::Currency::CNY), refused);
        }
        let mut skus_dropped = Vec::new();
        let mut checked = Product::from_wire_noting(&mut wire, &mut skus_dropped);
        checked.merge_report(|product, conversion, dropped| {
            let rules = self.run_product(product, context, &skus_dropped);
            merge(conversion, rules, dropped, DocumentKind::Product)
        });
        checked
    }

    /// Converts and checks an order, order-update or payment declaration.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Declaration, Validator};
    /// use crossborder::{wire, ClearanceMode};
    ///
    /// let w: wire::Order = serde_json::from_str(r#"{"orderId": "SO-9", "expressType": "BC",
    ///     "items": [{"quantity": 0, "price": 59.9, "product": {"name": "T恤", "hsCode": "6109100000"}}]}"#)?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).ok_or("date")?);
    /// let (order, report) = Validator::default().validate_order(w, Declaration::Order, &context).into_parts();
    /// assert_eq!(order.express_type, Some(ClearanceMode::Bc));
    /// assert!(report.iter().any(|v| v.code().as_str() == "quantity.not_positive" && v.pointer().as_str() == "/items/0/quantity"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate_order(
        &self,
        mut wire: wire::Order,
        declaration: Declaration,
        context: &Context,
    ) -> Converted<Order> {
        if let Err(refused) = self.limits.check(&wire) {
            return Converted::new(Order::new(crate::Currency::CNY), refused);
        }
        let mut checked = Order::from_wire_in(&mut wire);
        checked.merge_report(|order, conversion, dropped| {
            let rules = self.run_order(order, declaration, context);
            merge(conversion, rules, dropped, DocumentKind::Order)
        });
        checked
    }

    /// Checks a product built in Rust (no conversion step).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Validator};
    /// use crossborder::{Currency, Product};
    /// let p = Product::new(Currency::CNY);
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    /// let report = Validator::default().check_product(&p, &context);
    /// assert!(report.iter().any(|v| v.code().as_str() == "required.missing" && v.value() == Some("hsCode")));
    /// ```
    pub fn check_product(&self, product: &Product, context: &Context) -> Report {
        let mut report = self.run_product(product, context, &[]);
        report.sort_document_order(DocumentKind::Product);
        report
    }

    /// The rules' findings on a product, in the order the rules ran (the
    /// merge with the conversion's report sorts once, for both).
    fn run_product(
        &self,
        product: &Product,
        context: &Context,
        skus_dropped: &[(usize, u8)],
    ) -> Report {
        let mut report = Report::new();
        let mut input = ProductInput::new(product, context).with_skus_dropped(skus_dropped);
        input.mode = input.mode.or(self.rules.mode());
        self.rules.run_product(&input, &mut report);
        report
    }

    /// Checks an order built in Rust, and the products of its items.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Declaration, Validator};
    /// use crossborder::{Currency, Order};
    /// let o = Order::new(Currency::CNY);
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    /// let report = Validator::default().check_order(&o, Declaration::Order, &context);
    /// assert!(report.iter().any(|v| v.value() == Some("items")));
    /// ```
    pub fn check_order(
        &self,
        order: &Order,
        declaration: Declaration,
        context: &Context,
    ) -> Report {
        let mut report = self.run_order(order, declaration, context);
        report.sort_document_order(DocumentKind::Order);
        report
    }

    /// The rules' findings on an order and its items' products, unsorted.
    fn run_order(&self, order: &Order, declaration: Declaration, context: &Context) -> Report {
        let mut report = Report::new();
        let mut input = OrderInput::new(order, declaration, context);
        input.mode = input.mode.or(self.rules.mode());
        let mode = input.mode;
        self.rules.run_order(&input, &mut report);
        let items = Loc::ROOT.field("items");
        for (i, item) in order.items.iter().enumerate() {
            let Some(product) = &item.product else {
                continue;
            };
            let at_item = items.index(i);
            let at = at_item.field("product");
            let input = ProductInput::of_item(product, &at, item, context, mode, declaration);
            self.rules.run_product(&input, &mut report);
        }
        report
    }
}

/// Merges the conversion's report with the rules', and sorts the whole into
/// document order. A rule's "missing" is dropped for a field that was given:
/// one the conversion reported as malformed (or another violation already
/// points at), one it had to leave out because the currency or mass unit it
/// depends on was bad, or a SKU's price or weight whose product-level value
/// (which it would inherit) was left out.
///
/// The pointers are looked up in ordered sets, so merging n violations
/// costs O(n log n), not a scan of the conversion's report per rule
/// finding.
fn merge(
    conversion: Report,
    rules: Report,
    dropped: &[crate::JsonPointer],
    kind: DocumentKind,
) -> Report {
    use std::collections::BTreeSet;
    if rules.is_empty() {
        return conversion;
    }
    // Only a rule's "missing" can be a duplicate: without one (a clean
    // document, or findings of other kinds), every finding is kept, and
    // no set is built.
    if !rules.iter().any(|v| v.code() == &Code::REQUIRED_MISSING) {
        let mut merged = if conversion.is_empty() {
            rules
        } else {
            let mut merged = conversion;
            merged.extend(rules);
            merged
        };
        merged.sort_document_order(kind);
        return merged;
    }
    let dropped_set: BTreeSet<&str> = dropped.iter().map(crate::JsonPointer::as_str).collect();
    let mut given: BTreeSet<&str> = conversion.iter().map(|c| c.pointer().as_str()).collect();
    given.extend(dropped_set.iter().copied());
    let mut keep = Vec::with_capacity(rules.len());
    for v in &rules {
        let duplicate = v.code() == &Code::REQUIRED_MISSING
            && v.value().is_some_and(|field| {
                let at = v.pointer().clone().field(field);
                given.contains(at.as_str())
                    || product_level(v.pointer(), field)
                        .is_some_and(|p| dropped_set.contains(p.as_str()))
            });
        if !duplicate {
            given.insert(v.pointer().as_str());
        }
        keep.push(!duplicate);
    }
    drop(given);
    // Every finding of the rules repeats one of the conversion (a bad price
    // on every SKU, reported missing as well): the conversion's report, in
    // document order already, is the whole answer.
    if !keep.contains(&true) {
        return conversion;
    }
    let mut merged = conversion;
    merged.extend(
        rules
            .into_iter()
            .zip(keep)
            .filter_map(|(v, keep)| keep.then_some(v)),
    );
    merged.sort_document_order(kind);
    merged
}

/// For a field of a SKU (`.../skus/N` and `price`), the same field of its
/// product (`.../price`), whose value the SKU would fall back on.
fn product_level(at: &crate::JsonPointer, field: &str) -> Option<crate::JsonPointer> {
    let text = at.as_str();
    let cut = text.rfind("/skus/")?;
    let index = &text[cut + "/skus/".len()..];
    if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text[..cut]
        .parse::<crate::JsonPointer>()
        .ok()
        .map(|p| p.field(field))
}

/// Parses a catalogue date (`YYYY-MM-DD`, or empty for none) at compile time.
pub(crate) const fn catalogue_date(s: &str) -> Option<NaiveDate> {
    const fn digit(b: &[u8], i: usize) -> u32 {
        (b[i] - b'0') as u32
    }
    let b = s.as_bytes();
    if b.len() != 10 {
        return None;
    }
    let y = digit(b, 0) * 1000 + digit(b, 1) * 100 + digit(b, 2) * 10 + digit(b, 3);
    let m = digit(b, 5) * 10 + digit(b, 6);
    let d = digit(b, 8) * 10 + digit(b, 9);
    NaiveDate::from_ymd_opt(y as i32, m, d)
}
