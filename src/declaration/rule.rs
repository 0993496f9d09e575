//! The rule framework: [`Rule`], [`RuleInfo`], [`Findings`], [`RuleSet`].

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Context, Declaration};
use crate::hs::{HsCheck, HsEdition};
use crate::{
    ClearanceMode, Code, HsCode, Loc, Order, OrderItem, Product, Report, Severity, Violation,
};

/// What a rule looks at.
///
/// # Example
///
/// ```
/// use crossborder::declaration::{catalogue, Scope};
/// assert!(catalogue().iter().any(|r| r.scope() == Scope::Orders));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scope {
    /// Products: product declarations, and the products of order items.
    Products,
    /// Orders (order and payment declarations).
    Orders,
    /// Both products and orders.
    Both,
}

impl Scope {
    fn covers(self, wanted: Scope) -> bool {
        self == wanted || self == Scope::Both
    }
}

/// A rule's description: its stable code, default severity, what it checks,
/// the clearance modes it applies to, the date it is in force from, and the
/// regulation or API document it comes from.
///
/// # Example
///
/// ```
/// use crossborder::declaration::{RuleInfo, Scope};
/// use crossborder::{ClearanceMode, Code, Severity};
///
/// const INFO: RuleInfo = RuleInfo::new(
///     Code::new("acme.sku_prefix"),
///     Severity::Warning,
///     Scope::Products,
///     "SKU numbers start with the shop prefix",
///     "ACME internal guideline 7",
/// )
/// .modes(&[ClearanceMode::Bc]);
/// assert_eq!(INFO.code().as_str(), "acme.sku_prefix");
/// assert!(INFO.applies_to(Some(ClearanceMode::Bc)));
/// assert!(!INFO.applies_to(Some(ClearanceMode::Cc)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    code: Code,
    severity: Severity,
    scope: Scope,
    modes: &'static [ClearanceMode],
    effective_from: Option<NaiveDate>,
    checks: &'static str,
    source: &'static str,
}

impl RuleInfo {
    /// A rule for every clearance mode, in force at any date.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::{RuleInfo, Scope};
    /// use crossborder::{Code, Severity};
    /// let info = RuleInfo::new(Code::new("a.b"), Severity::Error, Scope::Orders, "what", "where from");
    /// assert_eq!(info.checks(), "what");
    /// ```
    pub const fn new(
        code: Code,
        severity: Severity,
        scope: Scope,
        checks: &'static str,
        source: &'static str,
    ) -> Self {
        RuleInfo {
            code,
            severity,
            scope,
            modes: &[],
            effective_from: None,
            checks,
            source,
        }
    }

    /// Limits the rule to these clearance modes (none: every mode).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::{RuleInfo, Scope};
    /// use crossborder::{ClearanceMode, Code, Severity};
    /// let info = RuleInfo::new(Code::new("a.b"), Severity::Error, Scope::Orders, "", "")
    ///     .modes(&[ClearanceMode::Cc]);
    /// assert_eq!(info.clearance_modes(), [ClearanceMode::Cc]);
    /// ```
    #[must_use]
    pub const fn modes(mut self, modes: &'static [ClearanceMode]) -> Self {
        self.modes = modes;
        self
    }

    /// Puts the rule in force from a date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{RuleInfo, Scope};
    /// use crossborder::{Code, Severity};
    /// let from = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    /// let info = RuleInfo::new(Code::new("a.b"), Severity::Error, Scope::Orders, "", "").since(from);
    /// assert_eq!(info.effective_from(), Some(from));
    /// ```
    #[must_use]
    pub const fn since(mut self, date: NaiveDate) -> Self {
        self.effective_from = Some(date);
        self
    }

    pub(crate) const fn since_opt(mut self, date: Option<NaiveDate>) -> Self {
        self.effective_from = date;
        self
    }

    /// The stable code of every violation the rule reports.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::catalogue;
    /// assert!(catalogue().iter().any(|r| r.code().as_str() == "weight.net_exceeds_gross"));
    /// ```
    pub const fn code(&self) -> &Code {
        &self.code
    }

    /// The default severity.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{declaration::catalogue, Severity};
    /// let single = catalogue().iter().find(|r| r.code().as_str() == "limit.transaction_single_item").unwrap();
    /// assert_eq!(single.severity(), Severity::Warning);
    /// ```
    pub const fn severity(&self) -> Severity {
        self.severity
    }

    /// What the rule looks at.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::{catalogue, Scope};
    /// let r = catalogue().iter().find(|r| r.code().as_str() == "sku.duplicate_number").unwrap();
    /// assert_eq!(r.scope(), Scope::Products);
    /// ```
    pub const fn scope(&self) -> Scope {
        self.scope
    }

    /// The clearance modes the rule applies to; empty means every mode.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{declaration::catalogue, ClearanceMode};
    /// let r = catalogue().iter().find(|r| r.code().as_str() == "limit.parcel").unwrap();
    /// assert_eq!(r.clearance_modes(), [ClearanceMode::Cc]);
    /// ```
    pub const fn clearance_modes(&self) -> &'static [ClearanceMode] {
        self.modes
    }

    /// Whether the rule applies to a declaration in this mode. A rule limited
    /// to some modes does not apply when the mode is unknown.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{declaration::catalogue, ClearanceMode};
    /// let r = catalogue().iter().find(|r| r.code().as_str() == "limit.transaction").unwrap();
    /// assert!(r.applies_to(Some(ClearanceMode::Bbc)));
    /// assert!(!r.applies_to(None));
    /// ```
    pub fn applies_to(&self, mode: Option<ClearanceMode>) -> bool {
        self.modes.is_empty() || mode.is_some_and(|m| self.modes.contains(&m))
    }

    /// The date the rule is in force from, where it has one.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::catalogue;
    /// let r = catalogue().iter().find(|r| r.code().as_str() == "limit.annual").unwrap();
    /// assert_eq!(r.effective_from().map(|d| d.to_string()).as_deref(), Some("2019-01-01"));
    /// ```
    pub const fn effective_from(&self) -> Option<NaiveDate> {
        self.effective_from
    }

    /// Whether the rule is in force on `date`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::catalogue;
    /// let r = catalogue().iter().find(|r| r.code().as_str() == "limit.annual").unwrap();
    /// assert!(!r.in_force_on(NaiveDate::from_ymd_opt(2018, 12, 31).unwrap()));
    /// ```
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|from| date >= from)
    }

    /// What the rule checks, in a sentence.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::catalogue;
    /// assert!(catalogue().iter().all(|r| !r.checks().is_empty()));
    /// ```
    pub const fn checks(&self) -> &'static str {
        self.checks
    }

    /// The regulation or document the rule comes from.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::catalogue;
    /// let r = catalogue().iter().find(|r| r.code().as_str() == "limit.transaction").unwrap();
    /// assert!(r.source().contains("财关税〔2018〕49号"));
    /// ```
    pub const fn source(&self) -> &'static str {
        self.source
    }
}

/// A product to check, where it stands in the document, and what for.
///
/// # Example
///
/// ```
/// use crossborder::declaration::{Context, Declaration, ProductInput};
/// use crossborder::{Currency, Loc, Product};
/// use chrono::NaiveDate;
///
/// let product = Product::new(Currency::CNY);
/// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
/// let input = ProductInput::new(&product, &context);
/// assert!(input.item.is_none());
/// assert_eq!(input.declaration, Declaration::Product);
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct ProductInput<'a> {
    /// The product.
    pub product: &'a Product,
    /// Where the product is in the wire document (the root for a product
    /// declaration, `/items/N/product` in an order).
    pub at: &'a Loc<'a>,
    /// The order line the product belongs to, in an order declaration.
    pub item: Option<&'a OrderItem>,
    /// The caller's context.
    pub context: &'a Context,
    /// The clearance mode in force for this declaration, if known.
    pub mode: Option<ClearanceMode>,
    /// Which declaration this is.
    pub declaration: Declaration,
    /// The product's HS code looked up in the edition in force
    /// (`hs::check`), once for the rules that need it (`hs_code.unknown`,
    /// `hs_code.other_edition`), with the code and edition it was made for;
    /// `None` without a code.
    hs: Option<(HsCode, HsEdition, HsCheck)>,
    /// Filled by `sku.duplicate_number`'s [`Rule::check_skus`] in a
    /// [`RuleSet`]'s run, while each block of SKUs is in the cache, for its
    /// [`Rule::check_product`]: `None` outside a run.
    sku_numbers: Option<&'a SkuNumbers>,
    /// In `Validator::validate_product`, the SKUs whose own price or weight
    /// was given but could not be kept (by position, with
    /// `model::convert::SkuDropped` bits): the conversion has reported each
    /// at its place, so `required.missing` does not (the merge would drop
    /// it). Empty elsewhere.
    skus_dropped: &'a [(usize, u8)],
}

// A rule may hand a product's input to other threads: it stays `Send`
// and `Sync`.
const _: () = {
    const fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<ProductInput<'static>>();
};

/// The SKU numbers of a product with more than a few SKUs, as
/// `sku.duplicate_number` gathers them block by block: each SKU's position
/// with its number's first 16 bytes as an integer; `None` until its
/// `check_skus` has run. Behind a mutex (locked once a block, never
/// contended) so that a `ProductInput` stays `Send` and `Sync`.
#[derive(Default)]
pub(crate) struct SkuNumbers(std::sync::Mutex<Option<Vec<(u128, usize)>>>);

impl SkuNumbers {
    /// Adds to the list (made with room for `len` SKUs the first time).
    pub(crate) fn add(&self, len: usize, add: impl FnOnce(&mut Vec<(u128, usize)>)) {
        let mut numbers = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        add(numbers.get_or_insert_with(|| Vec::with_capacity(len)));
    }

    /// The list gathered so far, if any, leaving none.
    pub(crate) fn take(&self) -> Option<Vec<(u128, usize)>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    }
}

impl fmt::Debug for SkuNumbers {
    /// The count only: the list can hold a key for each of 100,000 SKUs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self
            .0
            .lock()
            .map_or(0, |numbers| numbers.as_ref().map_or(0, Vec::len));
        write!(f, "SkuNumbers({count})")
    }
}

/// An order to check.
///
/// # Example
///
/// ```
/// use crossborder::declaration::{Context, Declaration, OrderInput};
/// use crossborder::{Currency, Order};
/// use chrono::NaiveDate;
///
/// let order = Order::new(Currency::CNY);
/// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
/// let input = OrderInput::new(&order, Declaration::Order, &context);
/// assert_eq!(input.declaration, Declaration::Order);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct OrderInput<'a> {
    /// The order.
    pub order: &'a Order,
    /// The caller's context.
    pub context: &'a Context,
    /// The clearance mode in force for this declaration, if known.
    pub mode: Option<ClearanceMode>,
    /// Which declaration this is (order create, update, or payment).
    pub declaration: Declaration,
    /// The order's sums, made once on first use and shared by the rules
    /// that need them (arithmetic and limits).
    sums: std::cell::OnceCell<Result<super::builtin::Totals, super::builtin::SumError>>,
    /// The order's China import tax, made once on first use and shared by
    /// the declared-tax rules.
    tax: std::cell::OnceCell<crate::tax::china::TaxAssessment<'a>>,
    /// The declared tax against that assessment, made once and shared by
    /// the three declared-tax rules (each reports its own kind).
    declared: std::cell::OnceCell<Vec<crate::tax::china::Declared>>,
    /// The order's goods and transaction value in CNY, made once for the
    /// limit rules.
    in_cny: std::cell::OnceCell<Option<(crate::Money, crate::Money)>>,
}

impl<'a> ProductInput<'a> {
    /// A product declaration's product, at the document root, in the
    /// context's clearance mode (or the product's own `expressType`). Useful
    /// for testing a rule of one's own.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, ProductInput};
    /// use crossborder::{ClearanceMode, Currency, Product};
    /// let mut product = Product::new(Currency::CNY);
    /// product.express_type = Some(ClearanceMode::Bbc);
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    /// assert_eq!(ProductInput::new(&product, &context).mode, Some(ClearanceMode::Bbc));
    /// ```
    pub fn new(product: &'a Product, context: &'a Context) -> Self {
        ProductInput {
            product,
            at: &Loc::ROOT,
            item: None,
            context,
            mode: context.mode().or(product.express_type),
            declaration: Declaration::Product,
            hs: hs_check(product, context),
            sku_numbers: None,
            skus_dropped: &[],
        }
    }

    /// A product of an order's line, at `at`.
    pub(crate) fn of_item(
        product: &'a Product,
        at: &'a Loc<'a>,
        item: &'a OrderItem,
        context: &'a Context,
        mode: Option<ClearanceMode>,
        declaration: Declaration,
    ) -> Self {
        ProductInput {
            product,
            at,
            item: Some(item),
            context,
            mode,
            declaration,
            hs: hs_check(product, context),
            sku_numbers: None,
            skus_dropped: &[],
        }
    }

    /// Whether the conversion reported or dropped the SKU's own field
    /// (`bit` of `model::convert::SkuDropped`) in this validation.
    pub(crate) fn sku_dropped(&self, sku: usize, bit: u8) -> bool {
        !self.skus_dropped.is_empty()
            && self
                .skus_dropped
                .binary_search_by_key(&sku, |&(n, _)| n)
                .is_ok_and(|at| {
                    self.skus_dropped
                        .get(at)
                        .is_some_and(|&(_, b)| b & bit != 0)
                })
    }

    /// This input with the SKUs whose fields the conversion did not keep.
    pub(crate) fn with_skus_dropped(self, skus_dropped: &'a [(usize, u8)]) -> Self {
        ProductInput {
            skus_dropped,
            ..self
        }
    }

    /// Where `sku.duplicate_number` gathers the SKU numbers in a
    /// [`RuleSet`]'s run.
    pub(crate) fn sku_numbers(&self) -> Option<&'a SkuNumbers> {
        self.sku_numbers
    }

    /// The product's HS code in the edition in force on the context's date
    /// (`hs::check`): the one made with the input, or made again if the
    /// caller has since changed the product or the context; `None` without
    /// a code.
    pub(crate) fn hs(&self) -> Option<HsCheck> {
        let code = self.product.hs_code?;
        let edition = HsEdition::in_force_on(self.context.as_of());
        match self.hs {
            Some((c, e, check)) if c == code && e == edition => Some(check),
            _ => Some(crate::hs::check(code, edition)),
        }
    }
}

fn hs_check(product: &Product, context: &Context) -> Option<(HsCode, HsEdition, HsCheck)> {
    let code = product.hs_code?;
    let edition = HsEdition::in_force_on(context.as_of());
    Some((code, edition, crate::hs::check(code, edition)))
}

impl<'a> OrderInput<'a> {
    /// An order declaration in the context's clearance mode (or the order's
    /// own `expressType`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Declaration, OrderInput};
    /// use crossborder::{ClearanceMode, Currency, Order};
    /// let order = Order::new(Currency::CNY);
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_mode(ClearanceMode::Bc);
    /// assert_eq!(OrderInput::new(&order, Declaration::Payment, &context).mode, Some(ClearanceMode::Bc));
    /// ```
    pub fn new(order: &'a Order, declaration: Declaration, context: &'a Context) -> Self {
        OrderInput {
            order,
            context,
            mode: context.mode().or(order.express_type),
            declaration,
            sums: std::cell::OnceCell::new(),
            tax: std::cell::OnceCell::new(),
            declared: std::cell::OnceCell::new(),
            in_cny: std::cell::OnceCell::new(),
        }
    }

    /// The order's China import tax in this declaration's mode, made on
    /// first use.
    pub(crate) fn tax(&self) -> &crate::tax::china::TaxAssessment<'a> {
        self.tax
            .get_or_init(|| crate::tax::china::assess_in(self.order, self.context, self.mode))
    }

    /// The findings of the declared-tax check (`tax::china::declared`) on
    /// [`OrderInput::tax`], made on first use.
    pub(crate) fn declared(&self) -> &[crate::tax::china::Declared] {
        self.declared.get_or_init(|| {
            crate::tax::china::declared(self.tax(), self.order, self.context.rates())
        })
    }

    /// The order's goods and transaction value in CNY, made on first use.
    pub(crate) fn in_cny(&self) -> Option<(crate::Money, crate::Money)> {
        *self.in_cny.get_or_init(|| super::builtin::in_cny(self))
    }

    /// The order's sums, made on first use.
    pub(crate) fn sums(&self) -> Result<&super::builtin::Totals, super::builtin::SumError> {
        self.sums
            .get_or_init(|| super::builtin::totals(self.order))
            .as_ref()
            .map_err(|e| *e)
    }
}

/// Where a rule puts what it finds: each finding becomes a [`Violation`]
/// with the rule's code and the severity the rule set gives it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::declaration::{Context, Declaration, Findings, OrderInput, Rule, RuleInfo, RuleSet, Scope, Validator};
/// use crossborder::{wire, Code, Loc, Severity};
///
/// /// A payment is declared only once the order has its tracking reference.
/// struct TrackingFirst;
///
/// impl Rule for TrackingFirst {
///     fn info(&self) -> RuleInfo {
///         RuleInfo::new(Code::new("acme.tracking_missing"), Severity::Warning, Scope::Orders,
///             "payments follow the tracking reference", "ACME guideline 9")
///     }
///     fn check_order(&self, input: &OrderInput<'_>, out: &mut Findings<'_>) {
///         if input.declaration == Declaration::Payment && input.order.tracking_reference.is_none() {
///             let at = Loc::ROOT;
///             out.add(&at.field("trackingReference"), None, "no tracking reference yet", "尚无物流单号");
///         }
///     }
/// }
///
/// let mut rules = RuleSet::standard();
/// rules.add(TrackingFirst);
/// let w: wire::Order = serde_json::from_str(r#"{"orderId": "SO-1"}"#)?;
/// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).ok_or("date")?);
/// let report = Validator::new(rules).validate_order(w, Declaration::Payment, &context).into_parts().1;
/// let v = report.iter().find(|v| v.code().as_str() == "acme.tracking_missing").ok_or("not reported")?;
/// assert_eq!(v.pointer().as_str(), "/trackingReference");
/// assert_eq!(v.message_zh(), "尚无物流单号");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Findings<'a> {
    report: &'a mut Report,
    code: &'a Code,
    severity: Severity,
}

impl<'a> Findings<'a> {
    pub(crate) fn new(report: &'a mut Report, code: &'a Code, severity: Severity) -> Self {
        Findings {
            report,
            code,
            severity,
        }
    }

    /// Reports a problem at `at`, with the offending value and the message in
    /// English and Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Declaration, Findings, OrderInput, Rule, RuleInfo, RuleSet, Scope, Validator};
    /// use crossborder::{wire, Code, Loc, Severity};
    ///
    /// /// A payment is declared only once the order has its tracking reference.
    /// struct TrackingFirst;
    ///
    /// impl Rule for TrackingFirst {
    ///     fn info(&self) -> RuleInfo {
    ///         RuleInfo::new(Code::new("acme.tracking_missing"), Severity::Warning, Scope::Orders,
    ///             "payments follow the tracking reference", "ACME guideline 9")
    ///     }
    ///     fn check_order(&self, input: &OrderInput<'_>, out: &mut Findings<'_>) {
    ///         if input.declaration == Declaration::Payment && input.order.tracking_reference.is_none() {
    ///             let at = Loc::ROOT;
    ///             out.add(&at.field("trackingReference"), None, "no tracking reference yet", "尚无物流单号");
    ///         }
    ///     }
    /// }
    ///
    /// // The rule set decides the severity: the rule's default, or the caller's.
    /// let mut rules = RuleSet::standard();
    /// rules.add(TrackingFirst);
    /// rules.set_severity(&Code::new("acme.tracking_missing"), Severity::Error);
    /// let w: wire::Order = serde_json::from_str(r#"{"orderId": "SO-1"}"#)?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).ok_or("date")?);
    /// let report = Validator::new(rules).validate_order(w, Declaration::Payment, &context).into_parts().1;
    /// let v = report.iter().find(|v| v.code().as_str() == "acme.tracking_missing").ok_or("not reported")?;
    /// assert_eq!(v.severity(), Severity::Error);
    /// assert_eq!(v.value(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(
        &mut self,
        at: &Loc<'_>,
        value: Option<&str>,
        en: impl Into<String>,
        zh: impl Into<String>,
    ) {
        let mut v = Violation::new(self.code.clone(), self.severity, at.pointer(), en, zh);
        if let Some(value) = value {
            v = v.with_value(value);
        }
        self.report.push(v);
    }
}

/// A declaration rule. The crate's own rules implement it, and so can a
/// caller's, to run beside them in a [`RuleSet`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::declaration::{Context, Findings, ProductInput, Rule, RuleInfo, RuleSet, Scope, Validator};
/// use crossborder::{wire, Code, Severity};
///
/// /// Every SKU number starts with the shop's prefix.
/// struct SkuPrefix;
///
/// impl Rule for SkuPrefix {
///     fn info(&self) -> RuleInfo {
///         RuleInfo::new(Code::new("acme.sku_prefix"), Severity::Warning, Scope::Products,
///             "SKU numbers start with ACME-", "ACME guideline 7")
///     }
///     fn check_product(&self, input: &ProductInput<'_>, out: &mut Findings<'_>) {
///         let skus = input.at.field("skus");
///         for (i, sku) in input.product.skus.iter().enumerate() {
///             if let Some(n) = sku.sku_number.as_deref().filter(|n| !n.starts_with("ACME-")) {
///                 let at = skus.index(i);
///                 out.add(&at.field("skuNumber"), Some(n), "missing the ACME- prefix", "缺少 ACME- 前缀");
///             }
///         }
///     }
/// }
///
/// let mut rules = RuleSet::standard();
/// rules.add(SkuPrefix);
/// let validator = Validator::new(rules);
/// let w: wire::Product = serde_json::from_str(r#"{"skus":[{"skuNumber":"X-1"}]}"#)?;
/// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
/// let report = validator.validate_product(w, &context).into_parts().1;
/// assert!(report.iter().any(|v| v.code().as_str() == "acme.sku_prefix" && v.pointer().as_str() == "/skus/0/skuNumber"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait Rule: Send + Sync {
    /// The rule's description.
    fn info(&self) -> RuleInfo;

    /// Checks one product (with [`Scope::Products`]).
    fn check_product(&self, input: &ProductInput<'_>, out: &mut Findings<'_>) {
        let _ = (input, out);
    }

    /// Checks some of a product's SKUs (with [`Scope::Products`]): `skus`
    /// is `input.product.skus[first..first + skus.len()]`, and a SKU's
    /// place in the document is `input.at.field("skus").index(first + n)`.
    ///
    /// A rule that looks at one SKU at a time does it here rather than in
    /// [`Rule::check_product`]. A [`RuleSet`] runs every rule's
    /// `check_skus` over blocks of SKUs small enough to stay in the
    /// processor's cache, then every rule's `check_product`, so that a
    /// product of 100,000 SKUs is read from memory once for all its rules
    /// rather than once per rule. The blocks come in document order, the
    /// first SKUs first. The findings are the same either way: a report is
    /// sorted in document order (where two rules report at one place, the
    /// findings of `check_skus` come before those of `check_product`, and
    /// those of one rule's `check_skus` in the order of its blocks).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Findings, ProductInput, Rule, RuleInfo, RuleSet, Scope, Validator};
    /// use crossborder::{wire, Code, Severity, Sku};
    ///
    /// /// Every SKU number starts with the shop's prefix.
    /// struct SkuPrefix;
    ///
    /// impl Rule for SkuPrefix {
    ///     fn info(&self) -> RuleInfo {
    ///         RuleInfo::new(Code::new("acme.sku_prefix"), Severity::Warning, Scope::Products,
    ///             "SKU numbers start with ACME-", "ACME guideline 7")
    ///     }
    ///     fn check_skus(&self, input: &ProductInput<'_>, first: usize, skus: &[Sku], out: &mut Findings<'_>) {
    ///         let at = input.at.field("skus");
    ///         for (n, sku) in skus.iter().enumerate() {
    ///             if let Some(number) = sku.sku_number.as_deref().filter(|s| !s.starts_with("ACME-")) {
    ///                 let at = at.index(first + n);
    ///                 out.add(&at.field("skuNumber"), Some(number), "missing the ACME- prefix", "缺少 ACME- 前缀");
    ///             }
    ///         }
    ///     }
    /// }
    ///
    /// let mut rules = RuleSet::standard();
    /// rules.add(SkuPrefix);
    /// let skus: Vec<String> = (0..1000).map(|n| format!(r#"{{"skuNumber":"ACME-{n}"}}"#)).collect();
    /// let mut text = format!(r#"{{"skus":[{}]}}"#, skus.join(","));
    /// text = text.replace("ACME-700", "X-700");
    /// let w: wire::Product = serde_json::from_str(&text)?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    /// let report = Validator::new(rules).validate_product(w, &context).into_parts().1;
    /// let found: Vec<_> = report.iter().filter(|v| v.code().as_str() == "acme.sku_prefix").collect();
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].pointer().as_str(), "/skus/700/skuNumber");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn check_skus(
        &self,
        input: &ProductInput<'_>,
        first: usize,
        skus: &[crate::Sku],
        out: &mut Findings<'_>,
    ) {
        let _ = (input, first, skus, out);
    }

    /// Checks one order (with [`Scope::Orders`]).
    fn check_order(&self, input: &OrderInput<'_>, out: &mut Findings<'_>) {
        let _ = (input, out);
    }
}

/// SKUs per block in [`RuleSet::run_product`]: 128 domain SKUs are about
/// 66 KB, with their texts well inside a core's level-2 cache.
const SKU_BLOCK: usize = 128;

/// Beyond this many SKUs (a megabyte of them), [`RuleSet::run_product`]
/// reads each block in memory order before its rules do
/// ([`crate::Sku::prime`]): a product that large is no longer in a core's
/// cache after its conversion.
const PRIME_ABOVE: usize = 2048;

#[derive(Clone)]
struct Entry {
    rule: Arc<dyn Rule>,
    info: RuleInfo,
    severity: Severity,
    enabled: bool,
}

/// The rules a [`super::Validator`] runs: the crate's own (all of them with
/// [`RuleSet::standard`], or those of one clearance mode with
/// [`RuleSet::for_mode`]), any of them switched off or given another
/// severity, and a caller's own rules.
///
/// # Example
///
/// ```
/// use crossborder::declaration::RuleSet;
/// use crossborder::{ClearanceMode, Code, Severity};
///
/// let mut rules = RuleSet::for_mode(ClearanceMode::Bc);
/// assert!(rules.disable(&Code::new("barcode.invalid")));
/// assert!(rules.set_severity(&Code::new("timestamp.out_of_order"), Severity::Warning));
/// assert!(!rules.disable(&Code::new("no.such_rule")));
/// assert!(rules.iter().all(|r| r.code().as_str() != "limit.parcel")); // a CC rule
/// ```
#[derive(Clone)]
pub struct RuleSet {
    entries: Vec<Entry>,
    /// The mode of a [`RuleSet::for_mode`] set: the mode a declaration is
    /// judged in when neither the context nor the payload names one.
    mode: Option<ClearanceMode>,
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                self.entries
                    .iter()
                    .map(|e| (e.info.code(), e.severity, e.enabled)),
            )
            .finish()
    }
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::standard()
    }
}

impl RuleSet {
    /// No rules at all.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::declaration::RuleSet::empty().iter().count(), 0);
    /// ```
    pub fn empty() -> Self {
        RuleSet {
            entries: Vec::new(),
            mode: None,
        }
    }

    /// Every rule of the crate, each applying to the clearance modes it names.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::{catalogue, RuleSet};
    /// assert_eq!(RuleSet::standard().iter().count(), catalogue().len());
    /// ```
    pub fn standard() -> Self {
        RuleSet {
            entries: super::builtin::all()
                .into_iter()
                .map(|rule| {
                    let info = rule.info();
                    Entry {
                        severity: info.severity(),
                        info,
                        rule,
                        enabled: true,
                    }
                })
                .collect(),
            mode: None,
        }
    }

    /// The default rule set of one clearance mode: the crate's rules that
    /// apply to it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::RuleSet;
    /// use crossborder::ClearanceMode;
    /// let cc = RuleSet::for_mode(ClearanceMode::Cc);
    /// assert!(cc.iter().any(|r| r.code().as_str() == "limit.parcel"));
    /// assert!(cc.iter().all(|r| r.code().as_str() != "limit.annual"));
    /// ```
    /// The default rule set of one clearance mode: the crate's rules that
    /// apply to it. A declaration whose context and payload name no mode is
    /// judged in this one.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::RuleSet;
    /// use crossborder::ClearanceMode;
    /// let cc = RuleSet::for_mode(ClearanceMode::Cc);
    /// assert!(cc.iter().any(|r| r.code().as_str() == "limit.parcel"));
    /// assert!(cc.iter().all(|r| r.code().as_str() != "limit.annual"));
    /// ```
    pub fn for_mode(mode: ClearanceMode) -> Self {
        let mut set = RuleSet::standard();
        set.entries.retain(|e| e.info.applies_to(Some(mode)));
        set.mode = Some(mode);
        set
    }

    /// The clearance mode of a set made with [`RuleSet::for_mode`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::declaration::RuleSet;
    /// use crossborder::ClearanceMode;
    /// assert_eq!(RuleSet::for_mode(ClearanceMode::Bc).mode(), Some(ClearanceMode::Bc));
    /// assert_eq!(RuleSet::standard().mode(), None);
    /// ```
    pub fn mode(&self) -> Option<ClearanceMode> {
        self.mode
    }

    /// Adds a caller's rule, enabled with its default severity.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::{Context, Declaration, Findings, OrderInput, Rule, RuleInfo, RuleSet, Scope, Validator};
    /// use crossborder::{wire, Code, Loc, Severity};
    ///
    /// /// A payment is declared only once the order has its tracking reference.
    /// struct TrackingFirst;
    ///
    /// impl Rule for TrackingFirst {
    ///     fn info(&self) -> RuleInfo {
    ///         RuleInfo::new(Code::new("acme.tracking_missing"), Severity::Warning, Scope::Orders,
    ///             "payments follow the tracking reference", "ACME guideline 9")
    ///     }
    ///     fn check_order(&self, input: &OrderInput<'_>, out: &mut Findings<'_>) {
    ///         if input.declaration == Declaration::Payment && input.order.tracking_reference.is_none() {
    ///             let at = Loc::ROOT;
    ///             out.add(&at.field("trackingReference"), None, "no tracking reference yet", "尚无物流单号");
    ///         }
    ///     }
    /// }
    ///
    /// let mut rules = RuleSet::standard();
    /// let before = rules.iter().count();
    /// rules.add(TrackingFirst);
    /// assert_eq!(rules.iter().count(), before + 1);
    /// assert!(rules.is_enabled(&Code::new("acme.tracking_missing")));
    /// let w: wire::Order = serde_json::from_str(r#"{"orderId": "SO-1"}"#)?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).ok_or("date")?);
    /// let report = Validator::new(rules).validate_order(w, Declaration::Payment, &context).into_parts().1;
    /// let v = report.iter().find(|v| v.code().as_str() == "acme.tracking_missing").ok_or("not reported")?;
    /// assert_eq!(v.severity(), Severity::Warning); // its default
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, rule: impl Rule + 'static) {
        let info = rule.info();
        self.entries.push(Entry {
            severity: info.severity(),
            info,
            rule: Arc::new(rule),
            enabled: true,
        });
    }

    /// Switches off every rule with this code; false when there is none.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{declaration::RuleSet, Code};
    /// let mut rules = RuleSet::standard();
    /// assert!(rules.disable(&Code::new("customs_unit.unknown")));
    /// assert!(!rules.is_enabled(&Code::new("customs_unit.unknown")));
    /// ```
    pub fn disable(&mut self, code: &Code) -> bool {
        self.update(code, |e| e.enabled = false)
    }

    /// Switches a rule back on; false when there is none with this code.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{declaration::RuleSet, Code};
    /// let mut rules = RuleSet::standard();
    /// rules.disable(&Code::new("barcode.invalid"));
    /// assert!(rules.enable(&Code::new("barcode.invalid")));
    /// assert!(rules.is_enabled(&Code::new("barcode.invalid")));
    /// ```
    pub fn enable(&mut self, code: &Code) -> bool {
        self.update(code, |e| e.enabled = true)
    }

    /// Gives every rule with this code another severity; false when there is
    /// none.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{declaration::RuleSet, Code, Severity};
    /// let mut rules = RuleSet::standard();
    /// assert!(rules.set_severity(&Code::new("barcode.invalid"), Severity::Warning));
    /// ```
    pub fn set_severity(&mut self, code: &Code, severity: Severity) -> bool {
        self.update(code, |e| e.severity = severity)
    }

    /// Whether a rule with this code is there and switched on.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{declaration::RuleSet, Code};
    /// assert!(RuleSet::standard().is_enabled(&Code::new("barcode.invalid")));
    /// ```
    pub fn is_enabled(&self, code: &Code) -> bool {
        self.entries
            .iter()
            .any(|e| e.enabled && e.info.code() == code)
    }

    fn update(&mut self, code: &Code, mut f: impl FnMut(&mut Entry)) -> bool {
        let mut found = false;
        for e in self.entries.iter_mut().filter(|e| e.info.code() == code) {
            f(e);
            found = true;
        }
        found
    }

    /// The rules, in the order they run (switched-off ones included).
    ///
    /// # Example
    ///
    /// ```
    /// let n = crossborder::declaration::RuleSet::standard().iter().count();
    /// assert!(n >= 20);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &RuleInfo> + '_ {
        self.entries.iter().map(|e| &e.info)
    }

    pub(crate) fn run_product(&self, input: &ProductInput<'_>, report: &mut Report) {
        let numbers = SkuNumbers::default();
        let input = &ProductInput {
            sku_numbers: Some(&numbers),
            ..*input
        };
        let as_of = input.context.as_of();
        // Each block of SKUs through every rule while it is in the cache,
        // rather than every SKU through each rule in turn; in document
        // order, so that what the rules gather is in that order too.
        let prime = input.product.skus.len() > PRIME_ABOVE;
        for (b, block) in input.product.skus.chunks(SKU_BLOCK).enumerate() {
            let first = b.saturating_mul(SKU_BLOCK);
            if prime {
                std::hint::black_box(block.iter().map(crate::Sku::prime).sum::<usize>());
            }
            for e in self.active(Scope::Products, input.mode, as_of) {
                let mut out = Findings::new(report, e.info.code(), e.severity);
                e.rule.check_skus(input, first, block, &mut out);
            }
        }
        for e in self.active(Scope::Products, input.mode, as_of) {
            let mut out = Findings::new(report, e.info.code(), e.severity);
            e.rule.check_product(input, &mut out);
        }
    }

    pub(crate) fn run_order(&self, input: &OrderInput<'_>, report: &mut Report) {
        for e in self.active(Scope::Orders, input.mode, input.context.as_of()) {
            let mut out = Findings::new(report, e.info.code(), e.severity);
            e.rule.check_order(input, &mut out);
        }
    }

    fn active(
        &self,
        scope: Scope,
        mode: Option<ClearanceMode>,
        as_of: NaiveDate,
    ) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(move |e| {
            e.enabled
                && e.info.scope().covers(scope)
                && e.info.applies_to(mode)
                && e.info.in_force_on(as_of)
        })
    }
}
