//! Running the rules over a shipment: [`CheckOptions`], [`ShipmentCheck`],
//! [`check`] and [`check_shipment`].

use std::collections::{HashMap, HashSet};

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use super::chargeable::{ChargeableRule, ChargeableWeight, Piece};
use super::convert::Reader;
use super::flow::StageDurations;
use super::json::ShipmentJson;
use super::model::*;
use super::profile::{SideRule, WarehouseProfile};
use super::rules::Rule;
use super::special::SpecialGoodsTable;
use crate::echo;
use crate::hs::{self, HsEdition};
use crate::{
    Code, Country, Currency, ExchangeRates, JsonPointer, MassUnit, Money, Report, Severity,
    StockingShipment, Violation, Weight, minor_unit,
};

/// What the caller knows that the shipment does not say: the date to judge
/// on (default: the shipment's `shipDate`), exchange rates added to the
/// shipment's own, the weight tolerance for cartons, the special-goods
/// table, a warehouse profile of its own, expected stage durations, and
/// rules switched off or given another severity.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Code, Currency, ExchangeRates, Severity};
/// use crossborder::shipment::CheckOptions;
/// use rust_decimal::Decimal;
///
/// let options = CheckOptions::new()
///     .as_of(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
///     .with_rates(ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::new(71, 1))?)
///     .with_weight_tolerance("0.2 kg".parse()?)
///     .disable(Code::INCOTERM_LEGACY_DDU)
///     .severity(Code::CARTON_TOO_MANY_UNITS, Severity::Warning);
/// assert!(!options.is_enabled(&Code::INCOTERM_LEGACY_DDU));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    as_of: Option<NaiveDate>,
    rates: ExchangeRates,
    tolerance: Option<Weight>,
    special: Option<SpecialGoodsTable>,
    profile: Option<WarehouseProfile>,
    durations: Option<StageDurations>,
    disabled: Vec<Code>,
    severities: Vec<(Code, Severity)>,
}

impl CheckOptions {
    /// The defaults: the shipment's own date and rates, no tolerance, the
    /// crate's special-goods table, every rule at its default severity.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::shipment::CheckOptions::new().is_enabled(&crossborder::Code::CARTON_OVERWEIGHT));
    /// ```
    pub fn new() -> Self {
        CheckOptions::default()
    }

    /// Judge as of this date instead of the shipment's `shipDate`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::shipment::CheckOptions;
    /// let o = CheckOptions::new().as_of(NaiveDate::from_ymd_opt(2026, 11, 20).ok_or("date")?);
    /// assert!(o.is_enabled(&crossborder::Code::CARTON_OVERWEIGHT));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_of(mut self, date: NaiveDate) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Exchange rates added to the shipment's own (replacing a rate the
    /// shipment gives for the same pair).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, ExchangeRates};
    /// use crossborder::shipment::CheckOptions;
    /// use rust_decimal::Decimal;
    /// let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::new(71, 1))?;
    /// let o = CheckOptions::new().with_rates(rates);
    /// assert!(o.is_enabled(&crossborder::Code::DOCUMENTS_RATE_MISSING));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_rates(mut self, rates: ExchangeRates) -> Self {
        self.rates = rates;
        self
    }

    /// How much a carton's gross weight may fall below its units' registered
    /// weights (default 0).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::CheckOptions;
    /// let o = CheckOptions::new().with_weight_tolerance("0.2 kg".parse()?);
    /// assert!(o.is_enabled(&crossborder::Code::CARTON_GROSS_BELOW_CONTENTS));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_weight_tolerance(mut self, tolerance: Weight) -> Self {
        self.tolerance = Some(tolerance);
        self
    }

    /// A special-goods table instead of [`SpecialGoodsTable::default`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{CheckOptions, SpecialGoodsTable};
    /// let o = CheckOptions::new().with_special_goods(SpecialGoodsTable::empty());
    /// # let _ = o;
    /// ```
    #[must_use]
    pub fn with_special_goods(mut self, table: SpecialGoodsTable) -> Self {
        self.special = Some(table);
        self
    }

    /// A warehouse profile that replaces the one the shipment names.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::WarehouseProfile;
    /// use crossborder::shipment::CheckOptions;
    /// let mut goodcang = WarehouseProfile::generic();
    /// goodcang.consecutive_box_numbers = true;
    /// let o = CheckOptions::new().with_profile(goodcang);
    /// # let _ = o;
    /// ```
    #[must_use]
    pub fn with_profile(mut self, profile: WarehouseProfile) -> Self {
        self.profile = Some(profile);
        self
    }

    /// Expected stage durations per transport mode, for `stage.overdue`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::TransportMode;
    /// use crossborder::shipment::{CheckOptions, Stage, StageDurations};
    /// let mut d = StageDurations::new();
    /// d.set(TransportMode::SeaLcl, Stage::InternationalTransport, 30);
    /// let o = CheckOptions::new().with_stage_durations(d);
    /// # let _ = o;
    /// ```
    #[must_use]
    pub fn with_stage_durations(mut self, durations: StageDurations) -> Self {
        self.durations = Some(durations);
        self
    }

    /// Switches a rule off.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{shipment::CheckOptions, Code};
    /// let o = CheckOptions::new().disable(Code::INCOTERM_LEGACY_DDU);
    /// assert!(!o.is_enabled(&Code::INCOTERM_LEGACY_DDU));
    /// ```
    #[must_use]
    pub fn disable(mut self, code: Code) -> Self {
        self.disabled.push(code);
        self
    }

    /// Gives a rule another severity.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{shipment::CheckOptions, Code, Severity};
    /// let o = CheckOptions::new().severity(Code::CARTON_TOO_MANY_UNITS, Severity::Warning);
    /// assert!(o.is_enabled(&Code::CARTON_TOO_MANY_UNITS));
    /// ```
    #[must_use]
    pub fn severity(mut self, code: Code, severity: Severity) -> Self {
        self.severities.push((code, severity));
        self
    }

    /// Whether a rule is switched on.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{shipment::CheckOptions, Code};
    /// assert!(CheckOptions::new().is_enabled(&Code::CARTON_OVERWEIGHT));
    /// ```
    pub fn is_enabled(&self, code: &Code) -> bool {
        !self.disabled.contains(code)
    }
}

/// The answer of [`check`] and [`check_shipment`]: the shipment as read, the
/// report of every problem in document order, and the chargeable weight
/// (when a rule applies and every carton has its size and gross weight).
///
/// # Example
///
/// ```
/// use crossborder::shipment::{check, ShipmentJson, CheckOptions};
/// let shipment: ShipmentJson = serde_json::from_str(r#"{"reference": "PO-1", "transportMode": "express"}"#)?;
/// let checked = check(&shipment, &CheckOptions::new());
/// assert!(checked.report().has_errors()); // no warehouse, SKUs or cartons
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ShipmentCheck {
    shipment: StockingShipment,
    report: Report,
    chargeable: Option<ChargeableWeight>,
}

impl ShipmentCheck {
    /// The shipment, with bad values left out.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{check, ShipmentJson, CheckOptions};
    /// let shipment: ShipmentJson = serde_json::from_str(r#"{"reference": "PO-1", "transportMode": "express"}"#)?;
    /// let checked = check(&shipment, &CheckOptions::new());
    /// assert_eq!(checked.shipment().reference.as_deref(), Some("PO-1"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn shipment(&self) -> &StockingShipment {
        &self.shipment
    }

    /// Every problem, in document order.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{check, ShipmentJson, CheckOptions};
    /// let shipment: ShipmentJson = serde_json::from_str(r#"{"reference": "PO-1", "transportMode": "express"}"#)?;
    /// let checked = check(&shipment, &CheckOptions::new());
    /// assert!(checked.report().iter().any(|v| v.pointer().as_str() == "/cartons"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The chargeable weight, where it could be computed.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{check, ShipmentJson, CheckOptions};
    /// let shipment: ShipmentJson = serde_json::from_str(r#"{"reference": "PO-1", "transportMode": "express"}"#)?;
    /// let checked = check(&shipment, &CheckOptions::new());
    /// assert!(checked.chargeable_weight().is_none()); // no cartons to weigh
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn chargeable_weight(&self) -> Option<&ChargeableWeight> {
        self.chargeable.as_ref()
    }

    /// The three parts.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{check, ShipmentJson, CheckOptions};
    /// let (shipment, report, weight) = check(&ShipmentJson::default(), &CheckOptions::new()).into_parts();
    /// assert!(shipment.cartons.is_empty() && report.has_errors() && weight.is_none());
    /// ```
    pub fn into_parts(self) -> (StockingShipment, Report, Option<ChargeableWeight>) {
        (self.shipment, self.report, self.chargeable)
    }
}

/// Reads a shipment in its JSON form and checks it: every malformed value
/// and every rule of [`super::catalogue`] that fails, each at its JSON
/// Pointer, in document order, and the chargeable weight.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{check, ShipmentJson, CheckOptions};
///
/// let json = r#"{"reference": "PO-9", "warehouse": {"profile": "amazon_fba_us"}, "transportMode": "express",
///   "incoterm": "DDU", "shipDate": "2026-11-20",
///   "skus": [{"sku": "MUG", "nameCn": "马克杯", "nameEn": "Mug", "barcode": "6901234567892", "fnsku": "X00MUG0001",
///             "hsCode": "6912001000", "origin": "CN", "unitValue": 3, "currency": "USD",
///             "unitWeight": 0.4, "massUnit": "kg", "dimensions": {"length": 10, "width": 10, "height": 12, "unit": "cm"}}],
///   "cartons": [{"boxNo": 1, "marks": {"reference": "PO-8", "shipmentId": "FBA1"}, "grossWeight": 9, "netWeight": 8,
///                "massUnit": "kg", "dimensions": {"length": 40, "width": 30, "height": 30, "unit": "cm"},
///                "items": [{"sku": "MUG", "quantity": 20}]}],
///   "packingList": {"cartons": 1, "netWeight": 8, "grossWeight": 9, "massUnit": "kg", "lines": [{"sku": "MUG", "quantity": 20}]},
///   "commercialInvoice": {"currency": "USD", "total": 60, "lines": [{"sku": "MUG", "quantity": 20, "unitPrice": 3, "amount": 60}]},
///   "declaration": {"currency": "USD", "lines": [{"hsCode": "6912001000", "name": "马克杯", "quantity": 20, "unit": "007", "amount": 60}]}
/// }"#;
/// let shipment: ShipmentJson = serde_json::from_str(json)?;
/// let checked = check(&shipment, &CheckOptions::new());
/// let found: Vec<_> = checked.report().iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
/// assert_eq!(found, [
///     ("incoterm.legacy_ddu", "/incoterm"),
///     ("carton.reference_mismatch", "/cartons/0/marks/reference"),
/// ]);
/// assert_eq!(checked.chargeable_weight().map(|w| w.total().to_string()).as_deref(), Some("9"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn check(json: &ShipmentJson, options: &CheckOptions) -> ShipmentCheck {
    let mut reader = Reader::new();
    let shipment = reader.shipment(json);
    let conversion = reader.conv.report;
    let dropped = reader.conv.dropped;
    let mut given: Vec<JsonPointer> = conversion.iter().map(|v| v.pointer().clone()).collect();
    given.extend(dropped);
    given.sort();
    run(shipment, conversion, &given, options)
}

/// Checks a shipment built in Rust (no conversion step). Pointers name
/// where each value would stand in the JSON form.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{check_shipment, CheckOptions};
/// use crossborder::StockingShipment;
/// let report = check_shipment(StockingShipment::new("PO-1"), &CheckOptions::new()).into_parts().1;
/// assert!(report.iter().any(|v| v.pointer().as_str() == "/transportMode"));
/// ```
pub fn check_shipment(shipment: StockingShipment, options: &CheckOptions) -> ShipmentCheck {
    run(shipment, Report::new(), &[], options)
}

fn run(
    shipment: StockingShipment,
    conversion: Report,
    given: &[JsonPointer],
    options: &CheckOptions,
) -> ShipmentCheck {
    let default_table;
    let table = match &options.special {
        Some(t) => t,
        None => {
            default_table = SpecialGoodsTable::default();
            &default_table
        }
    };
    let mut rates = shipment.rates.clone();
    for (from, to, rate) in options.rates.iter() {
        let _ = rates.insert(from, to, rate);
    }
    let profile = options
        .profile
        .as_ref()
        .or(shipment.warehouse.profile.as_ref());
    let mut c = Checker {
        s: &shipment,
        options,
        as_of: options.as_of.or(shipment.ship_date),
        profile,
        table,
        rates,
        out: Vec::new(),
        reported_pairs: Vec::new(),
        index: HashMap::with_capacity(shipment.skus.len()),
        hs_ok: vec![true; shipment.skus.len()],
    };
    c.run();
    let chargeable = c.chargeable();
    super::flow::check_flow(
        &shipment,
        c.as_of,
        options.durations.as_ref(),
        &mut c.out,
        options,
    );
    let mut rule_violations = std::mem::take(&mut c.out);
    // A "missing" finding for a value that was given but malformed (already
    // reported) is dropped: the problem is reported once.
    rule_violations.retain(|(rule, v)| !(is_missing_rule(*rule) && was_given(given, v.pointer())));
    let mut all: Vec<Violation> = conversion.into_iter().collect();
    all.extend(rule_violations.into_iter().map(|(_, v)| v));
    let report = super::order::sorted(all);
    ShipmentCheck {
        shipment,
        report,
        chargeable,
    }
}

/// Whether the conversion reported or dropped a value at `at` or inside it
/// (`given` is sorted).
fn was_given(given: &[JsonPointer], at: &JsonPointer) -> bool {
    let at = at.as_str();
    let from = given.partition_point(|g| g.as_str() < at);
    given[from..]
        .iter()
        .take_while(|g| g.as_str().starts_with(at))
        .any(|g| g.as_str().len() == at.len() || g.as_str()[at.len()..].starts_with('/'))
}

fn is_missing_rule(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::ShipmentMissingField
            | Rule::RegistrationMissingField
            | Rule::CartonMissingField
            | Rule::DocumentsMissingField
            | Rule::CartonLotMissing
            | Rule::CartonExpiryMissing
            | Rule::ImporterEoriMissing
    )
}

/// The findings of one run, with the rule that made each.
pub(crate) type Findings = Vec<(Rule, Violation)>;

/// Adds a finding unless its rule is off or not yet in force.
#[allow(clippy::too_many_arguments)] // one finding's parts, kept flat for the call sites
pub(crate) fn emit(
    out: &mut Findings,
    options: &CheckOptions,
    as_of: Option<NaiveDate>,
    rule: Rule,
    at: JsonPointer,
    value: Option<&str>,
    en: String,
    zh: String,
) {
    let code = rule.code();
    if !options.is_enabled(&code) {
        return;
    }
    let info = &super::rules::catalogue()[rule.index()];
    if let (Some(from), Some(date)) = (info.effective_from(), as_of)
        && date < from
    {
        return;
    }
    let severity = options
        .severities
        .iter()
        .rev()
        .find(|(c, _)| *c == code)
        .map_or(info.severity(), |(_, s)| *s);
    let mut v = Violation::new(code, severity, at, en, zh);
    if let Some(value) = value {
        v = v.with_value(value);
    }
    out.push((rule, v));
}

struct Checker<'a> {
    s: &'a StockingShipment,
    options: &'a CheckOptions,
    as_of: Option<NaiveDate>,
    profile: Option<&'a WarehouseProfile>,
    table: &'a SpecialGoodsTable,
    rates: ExchangeRates,
    out: Findings,
    reported_pairs: Vec<(Currency, Currency)>,
    index: HashMap<&'a str, usize>,
    /// Per registration: its hsCode and importHsCode (where given) have the
    /// right length and exist, so documents can be compared with them.
    hs_ok: Vec<bool>,
}

fn ptr(parts: &[Part<'_>]) -> JsonPointer {
    let mut p = JsonPointer::root();
    for part in parts {
        match part {
            Part::F(name) => p.push_field(name),
            Part::I(i) => p.push_index(*i),
        }
    }
    p
}

#[derive(Clone, Copy)]
enum Part<'a> {
    F(&'a str),
    I(usize),
}
use Part::{F, I};

/// A weight's value in another weight's unit, rounded half up to the
/// decimals of `like` (how a document writes a total).
fn at_scale_of(value: Weight, like: &Weight) -> Option<Decimal> {
    let v = value.to_unit(like.unit()).ok()?.value();
    Some(v.round_dp_with_strategy(like.value().scale(), RoundingStrategy::MidpointAwayFromZero))
}

impl<'a> Checker<'a> {
    fn add(&mut self, rule: Rule, at: &[Part<'_>], value: Option<&str>, en: String, zh: String) {
        emit(
            &mut self.out,
            self.options,
            self.as_of,
            rule,
            ptr(at),
            value,
            en,
            zh,
        );
    }

    /// One finding per member of the object at `at` that is missing
    /// (`(member, missing, its Chinese name)`), at the member's pointer;
    /// `names` names the object in English and Chinese, built only when
    /// something is missing.
    fn missing_fields(
        &mut self,
        rule: Rule,
        at: &[Part<'_>],
        fields: &[(&str, bool, &str)],
        names: impl FnOnce() -> (String, String),
    ) {
        if !fields.iter().any(|f| f.1) {
            return;
        }
        let (what, what_zh) = names();
        for &(field, missing, zh) in fields {
            if missing {
                let mut path = at.to_vec();
                path.push(F(field));
                self.add(
                    rule,
                    &path,
                    Some(field),
                    format!("{what} has no {field}"),
                    format!("{what_zh}缺少{zh}（{field}）"),
                );
            }
        }
    }

    fn sku(&self, code: &str) -> Option<&'a SkuRegistration> {
        self.index.get(code).map(|&i| &self.s.skus[i])
    }

    /// The registration, when its HS codes can be compared with.
    fn sku_hs(&self, code: &str) -> Option<&'a SkuRegistration> {
        self.index
            .get(code)
            .filter(|&&i| self.hs_ok[i])
            .map(|&i| &self.s.skus[i])
    }

    fn run(&mut self) {
        for (i, k) in self.s.skus.iter().enumerate() {
            if let Some(code) = k.sku.as_deref() {
                self.index.entry(code).or_insert(i);
            }
        }
        self.shipment_fields();
        self.registrations();
        self.special_goods();
        self.importer();
        self.cartons();
        self.documents();
    }

    fn shipment_fields(&mut self) {
        let s = self.s;
        let missing = [
            ("reference", s.reference.is_none(), "参考号（PO 号）"),
            (
                "warehouse",
                s.warehouse.profile.is_none() && self.options.profile.is_none(),
                "仓库规则",
            ),
            ("transportMode", s.transport_mode.is_none(), "运输方式"),
            ("incoterm", s.incoterm.is_none(), "贸易术语"),
            ("shipDate", s.ship_date.is_none(), "发货日期"),
            ("skus", s.skus.is_empty(), "SKU 登记"),
            ("cartons", s.cartons.is_empty(), "箱子"),
        ];
        for (name, is_missing, zh) in missing {
            if is_missing {
                let at: &[Part<'_>] = if name == "warehouse" {
                    &[F("warehouse"), F("profile")]
                } else {
                    &[F(name)]
                };
                self.add(
                    Rule::ShipmentMissingField,
                    at,
                    Some(name),
                    format!("the shipment has no {name}"),
                    format!("货件缺少{zh}（{name}）"),
                );
            }
        }
        if let Some(term) = s.incoterm.filter(|t| t.is_legacy()) {
            self.add(
                Rule::IncotermLegacy,
                &[F("incoterm")],
                Some(term.as_str()),
                "DDU is not an Incoterms 2020 rule: judged as DAP (the buyer pays duty and import VAT); write DAP".into(),
                "DDU 不是 Incoterms 2020 术语：按 DAP 处理（买方承担关税和进口增值税），建议改为 DAP".into(),
            );
        }
    }

    fn registrations(&mut self) {
        let s = self.s;
        let amazon = self.profile.is_some_and(|p| p.amazon);
        let sales_link = self.profile.is_some_and(|p| p.sales_link_required);
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(s.skus.len());
        for (i, k) in s.skus.iter().enumerate() {
            let base = [F("skus"), I(i)];
            let name = k.sku.as_deref().unwrap_or("");
            if let Some(code) = k.sku.as_deref()
                && let Some(first) = seen.insert(code, i)
            {
                seen.insert(code, first);
                self.add(
                    Rule::RegistrationDuplicate,
                    &[F("skus"), I(i), F("sku")],
                    Some(code),
                    format!(
                        "SKU {:?} is registered twice (first at /skus/{first})",
                        echo(code)
                    ),
                    format!("SKU {:?} 重复登记（首次在 /skus/{first}）", echo(code)),
                );
            }
            let fields: [(&str, bool, &str); 10] = [
                ("sku", k.sku.is_none(), "SKU 编码"),
                ("nameCn", k.name_cn.is_none(), "中文品名"),
                ("nameEn", k.name_en.is_none(), "英文品名"),
                ("barcode", k.barcode.is_none(), "商品条码"),
                (
                    "salesLink",
                    sales_link && k.sales_link.is_none(),
                    "销售链接",
                ),
                ("hsCode", k.hs_code.is_none(), "HS 编码"),
                ("origin", k.origin.is_none(), "原产国"),
                ("unitValue", k.unit_value.is_none(), "申报单价"),
                ("unitWeight", k.unit_weight.is_none(), "单件重量"),
                ("dimensions", k.dimensions.is_none(), "单件尺寸"),
            ];
            for (field, missing, zh) in fields {
                if missing {
                    self.add(
                        Rule::RegistrationMissingField,
                        &[base[0], base[1], F(field)],
                        Some(field),
                        format!("registration {:?} has no {field}", echo(name)),
                        format!("SKU 登记 {:?} 缺少{zh}（{field}）", echo(name)),
                    );
                }
            }
            if let Some(w) = k.unit_weight.filter(Weight::is_zero) {
                self.add(
                    Rule::RegistrationNotPositive,
                    &[base[0], base[1], F("unitWeight")],
                    Some(&w.to_string()),
                    format!(
                        "registration {:?} has a unit weight of {w}: it must be greater than zero",
                        echo(name)
                    ),
                    format!("SKU 登记 {:?} 的单件重量为 {w}：必须大于零", echo(name)),
                );
            }
            if let Some(v) = k.unit_value.filter(|m| m.amount() <= Decimal::ZERO) {
                self.add(
                    Rule::RegistrationNotPositive,
                    &[base[0], base[1], F("unitValue")],
                    Some(&v.amount().to_string()),
                    format!(
                        "registration {:?} has a unit value of {v}: it must be greater than zero",
                        echo(name)
                    ),
                    format!("SKU 登记 {:?} 的申报单价为 {v}：必须大于零", echo(name)),
                );
            }
            if amazon {
                match k.fnsku.as_deref() {
                    None => self.add(
                        Rule::RegistrationFnskuMissing,
                        &[base[0], base[1], F("fnsku")],
                        Some("fnsku"),
                        format!("registration {:?} has no FNSKU: on Amazon every unit carries its FNSKU unless the SKU is enrolled to use the manufacturer barcode", echo(name)),
                        format!("SKU 登记 {:?} 缺少 FNSKU：亚马逊要求每件商品贴 FNSKU，除非该 SKU 已登记使用制造商条码", echo(name)),
                    ),
                    Some(f) if !fnsku_form(f) => self.add(
                        Rule::RegistrationFnskuInvalid,
                        &[base[0], base[1], F("fnsku")],
                        Some(f),
                        format!("invalid FNSKU {:?}: expected X00 and 7 letters or digits, or an ASIN", echo(f)),
                        format!("FNSKU {:?} 无效：应为 X00 加 7 位字母或数字，或 ASIN", echo(f)),
                    ),
                    Some(_) => {}
                }
            }
            for (field, code, lengths, zh) in [
                (
                    "hsCode",
                    k.hs_code,
                    (10usize, 10usize),
                    "出口 HS 编码应为中国 10 位商品编码",
                ),
                (
                    "importHsCode",
                    k.import_hs_code,
                    (6, 10),
                    "进口 HS 编码应为 6 到 10 位",
                ),
            ] {
                let Some(code) = code else { continue };
                if code.len() < lengths.0 || code.len() > lengths.1 {
                    self.hs_ok[i] = false;
                    let want = if lengths.0 == lengths.1 {
                        format!("China's {}-digit export code", lengths.0)
                    } else {
                        format!("{} to {} digits", lengths.0, lengths.1)
                    };
                    self.add(
                        Rule::RegistrationHsCodeLength,
                        &[base[0], base[1], F(field)],
                        Some(code.as_str()),
                        format!(
                            "{field} \"{code}\" has {} digits: expected {want}",
                            code.len()
                        ),
                        format!("{field} \"{code}\" 为 {} 位：{zh}", code.len()),
                    );
                } else {
                    let result = hs::check(code, HsEdition::Hs2022);
                    if !result.exists() {
                        self.hs_ok[i] = false;
                        self.add(
                            Rule::RegistrationHsCodeUnknown,
                            &[base[0], base[1], F(field)],
                            Some(code.as_str()),
                            result.message_en(),
                            result.message_zh(),
                        );
                    }
                }
            }
        }
    }

    fn special_goods(&mut self) {
        let s = self.s;
        let Some(mode) = s.transport_mode else { return };
        let table = self.table;
        for (i, k) in s.skus.iter().enumerate() {
            let name = k.sku.as_deref().unwrap_or("");
            if let Some(on) = self.as_of {
                let mut msds_needed = false;
                let needs: Vec<(GoodsDocument, String)> = table
                    .required(k, mode, on)
                    .map(|(d, r)| (d, r.source.clone()))
                    .collect();
                for (doc, source) in needs {
                    msds_needed |= doc == GoodsDocument::Msds;
                    if !k.documents.iter().any(|d| d.kind == Some(doc)) {
                        self.add(
                            Rule::SpecialDocumentMissing,
                            &[F("skus"), I(i), F("documents")],
                            Some(doc.as_str()),
                            format!(
                                "{:?} needs a {} to travel by {mode} ({source})",
                                echo(name),
                                doc.name_en()
                            ),
                            format!("{:?} 以 {mode} 方式运输需要{}", echo(name), doc.name_zh()),
                        );
                    }
                }
                if msds_needed {
                    let years = table.msds_validity_years;
                    for (d, doc) in k.documents.iter().enumerate() {
                        let (Some(GoodsDocument::Msds), Some(issued)) = (doc.kind, doc.issued_on)
                        else {
                            continue;
                        };
                        let until =
                            issued.checked_add_months(Months::new(years.saturating_mul(12)));
                        if until.is_none_or(|u| on >= u) {
                            self.add(
                                Rule::SpecialMsdsExpired,
                                &[F("skus"), I(i), F("documents"), I(d), F("issuedOn")],
                                Some(&issued.to_string()),
                                format!("the MSDS of {:?} was issued on {issued}: more than {years} years before {on}, carriers no longer accept it", echo(name)),
                                format!("{:?} 的 MSDS 签发于 {issued}，至 {on} 已超过 {years} 年，承运商不再接受", echo(name)),
                            );
                        }
                    }
                }
            }
            if k.flammable && !s.dangerous_goods {
                self.add(
                    Rule::SpecialFlammable,
                    &[F("skus"), I(i), F("flammable")],
                    Some("true"),
                    format!("{:?} is flammable: dangerous goods, not general cargo; book the shipment as dangerous goods", echo(name)),
                    format!("{:?} 为易燃品：属于危险品，不能按普货运输，须按危险品订舱", echo(name)),
                );
            }
            let (Some(battery), Some(pi)) = (&k.battery, k.packing_instruction()) else {
                continue;
            };
            if !mode.is_air() {
                continue;
            }
            let bat = [F("skus"), I(i), F("battery")];
            if pi.is_alone() {
                self.add(
                    Rule::SpecialCargoAircraftOnly,
                    &[bat[0], bat[1], bat[2], F("configuration")],
                    Some(pi.as_str()),
                    format!("{:?}: lithium batteries alone ({pi}) fly on cargo aircraft only, and many forwarders refuse them", echo(name)),
                    format!("{:?}：单独运输的锂电池（{pi}）仅限货机，许多货代不接", echo(name)),
                );
                if !s.dangerous_goods {
                    self.add(
                        Rule::SpecialAloneRegulated,
                        &[bat[0], bat[1], bat[2], F("configuration")],
                        Some(pi.as_str()),
                        format!("{:?}: lithium batteries alone ({pi}) are fully regulated dangerous goods (class 9, Section IA/IB) since 2022-04-01; book the shipment as dangerous goods", echo(name)),
                        format!("{:?}：自 2022-04-01 起单独运输的锂电池（{pi}）一律按第 9 类危险品（IA/IB 部分）管理，须按危险品订舱", echo(name)),
                    );
                }
            } else if !s.dangerous_goods
                && let Some(limits) = self
                    .as_of
                    .map_or(table.section_ii.last(), |on| table.section_ii_on(on))
            {
                let ion = battery.chemistry == Some(BatteryChemistry::LithiumIon);
                let (field, value, limit, unit) = if ion {
                    (
                        "wattHours",
                        battery.watt_hours,
                        if battery.cell {
                            limits.ion_cell_wh
                        } else {
                            limits.ion_battery_wh
                        },
                        "Wh",
                    )
                } else {
                    (
                        "lithiumGrams",
                        battery.lithium_grams,
                        if battery.cell {
                            limits.metal_cell_g
                        } else {
                            limits.metal_battery_g
                        },
                        "g",
                    )
                };
                if let Some(v) = value.filter(|v| *v > limit) {
                    let what = if battery.cell { "cell" } else { "battery" };
                    self.add(
                            Rule::SpecialSectionIi,
                            &[bat[0], bat[1], bat[2], F(field)],
                            Some(&v.to_string()),
                            format!("{:?}: a {v} {unit} {what} is over the Section II limit of {limit} {unit} ({pi}): fully regulated dangerous goods; book the shipment as such", echo(name)),
                            format!("{:?}：{v} {unit} 超过 {pi} 第 II 部分限值 {limit} {unit}：属于全面管制的危险品，须按危险品订舱", echo(name)),
                        );
                }
            }
            if battery.chemistry != Some(BatteryChemistry::LithiumIon) {
                continue;
            }
            let Some(soc) = battery.state_of_charge else {
                continue;
            };
            let Some(on) = self.as_of else { continue };
            let row = table.state_of_charge.iter().rev().find(|r| {
                r.instruction == pi
                    && r.effective.contains(on)
                    && r.over_watt_hours
                        .is_none_or(|t| battery.watt_hours.is_some_and(|wh| wh > t))
            });
            if let Some(row) = row.filter(|r| soc > r.max_percent) {
                let (rule, word, zh) = if row.required {
                    (Rule::SpecialStateOfCharge, "at most", "不得超过")
                } else {
                    (
                        Rule::SpecialStateOfChargeAdvised,
                        "recommended at most",
                        "建议不超过",
                    )
                };
                let max = row.max_percent;
                self.add(
                    rule,
                    &[bat[0], bat[1], bat[2], F("stateOfCharge")],
                    Some(&soc.to_string()),
                    format!(
                        "{:?}: state of charge {soc}% by air; {pi} is {word} {max}%",
                        echo(name)
                    ),
                    format!("{:?}：空运荷电状态为 {soc}%，{pi} {zh} {max}%", echo(name)),
                );
            }
        }
    }

    fn importer(&mut self) {
        let Some(dest) = self.s.warehouse.destination() else {
            return;
        };
        let uk = dest == Country::GB;
        if !uk && !crate::is_eu_member(dest) {
            return;
        }
        let region = if uk { "the UK" } else { "the EU" };
        let region_zh = if uk { "英国" } else { "欧盟" };
        let eori = self.s.importer.as_ref().and_then(|i| i.eori.as_ref());
        match eori {
            None => self.add(
                Rule::ImporterEoriMissing,
                &[F("importer"), F("eori")],
                Some("eori"),
                format!("goods for {region} need the importer's EORI number"),
                format!("发往{region_zh}的货物需要进口商的 EORI 号"),
            ),
            Some(eori) => {
                let fits = if uk { eori.is_uk() } else { eori.is_eu() };
                if !fits {
                    let (want, want_zh) = if uk {
                        ("a GB (or XI) number from HMRC", "HMRC 签发的 GB（或 XI）号")
                    } else {
                        (
                            "a number issued by an EU member state",
                            "欧盟成员国签发的号码",
                        )
                    };
                    let text = eori.as_str();
                    self.add(
                        Rule::ImporterEoriInvalid,
                        &[F("importer"), F("eori")],
                        Some(text),
                        format!(
                            "EORI {text} was issued by {}: goods for {region} need {want}",
                            crate::country_alpha2(eori.issuing_country())
                        ),
                        format!(
                            "EORI {text} 由 {} 签发：发往{region_zh}的货物需要{want_zh}",
                            crate::country_alpha2(eori.issuing_country())
                        ),
                    );
                }
            }
        }
    }

    fn cartons(&mut self) {
        let s = self.s;
        let profile = self.profile;
        let tolerance = self
            .options
            .tolerance
            .unwrap_or(Weight::zero(MassUnit::Kilogram));
        let first_shipment_id = s
            .cartons
            .iter()
            .find_map(|c| c.marks.shipment_id.as_deref());
        for (i, c) in s.cartons.iter().enumerate() {
            let base = [F("cartons"), I(i)];
            self.missing_fields(
                Rule::CartonMissingField,
                &base,
                &[
                    ("boxNo", c.box_no.is_none(), "箱号"),
                    ("grossWeight", c.gross_weight.is_none(), "毛重"),
                    ("netWeight", c.net_weight.is_none(), "净重"),
                    ("dimensions", c.dimensions.is_none(), "尺寸"),
                    ("items", c.items.is_empty(), "箱内 SKU 明细"),
                ],
                || (format!("carton line {i}"), format!("第 {i} 行箱子")),
            );
            for (j, item) in c.items.iter().enumerate() {
                self.missing_fields(
                    Rule::CartonMissingField,
                    &[base[0], base[1], F("items"), I(j)],
                    &[
                        ("sku", item.sku.is_none(), "SKU"),
                        ("quantity", item.quantity.is_none(), "数量"),
                    ],
                    || {
                        (
                            format!("an item of carton line {i}"),
                            format!("第 {i} 行箱子的明细"),
                        )
                    },
                );
                if let Some(code) = item.sku.as_deref()
                    && self.sku(code).is_none()
                {
                    self.add(
                        Rule::RegistrationNotRegistered,
                        &[base[0], base[1], F("items"), I(j), F("sku")],
                        Some(code),
                        format!(
                            "SKU {:?} in a carton is not pre-registered with the warehouse",
                            echo(code)
                        ),
                        format!("箱内 SKU {:?} 未在仓库预登记", echo(code)),
                    );
                }
            }
            if let Some(reference) = s.reference.as_deref() {
                match c.marks.reference.as_deref() {
                    None => self.add(
                        Rule::CartonReference,
                        &[base[0], base[1], F("marks"), F("reference")],
                        None,
                        format!("carton line {i} has no PO/reference mark: the warehouse cannot match it to {:?}", echo(reference)),
                        format!("第 {i} 行箱子没有 PO/参考号箱唛：仓库无法匹配到 {:?}", echo(reference)),
                    ),
                    Some(mark) if !mark.eq_ignore_ascii_case(reference) => self.add(
                        Rule::CartonReference,
                        &[base[0], base[1], F("marks"), F("reference")],
                        Some(mark),
                        format!("carton mark {:?} is not the shipment's reference {:?}", echo(mark), echo(reference)),
                        format!("箱唛 {:?} 与货件参考号 {:?} 不一致", echo(mark), echo(reference)),
                    ),
                    Some(_) => {}
                }
            }
            if profile.is_some_and(|p| p.amazon) {
                match (c.marks.shipment_id.as_deref(), first_shipment_id) {
                    (None, _) => self.add(
                        Rule::CartonShipmentId,
                        &[base[0], base[1], F("marks"), F("shipmentId")],
                        None,
                        format!("carton line {i} has no Amazon shipment ID label"),
                        format!("第 {i} 行箱子没有亚马逊货件编号（Shipment ID）标签"),
                    ),
                    (Some(id), Some(first)) if id != first => self.add(
                        Rule::CartonShipmentId,
                        &[base[0], base[1], F("marks"), F("shipmentId")],
                        Some(id),
                        format!("carton line {i} carries shipment ID {:?}, the other cartons {:?}: one shipment ID per shipment", echo(id), echo(first)),
                        format!("第 {i} 行箱子的货件编号为 {:?}，其他箱子为 {:?}：同一货件只能有一个编号", echo(id), echo(first)),
                    ),
                    _ => {}
                }
            }
            if let (Some(net), Some(gross)) = (c.net_weight, c.gross_weight)
                && net > gross
            {
                self.add(
                    Rule::CartonNetExceedsGross,
                    &[base[0], base[1], F("netWeight")],
                    Some(&net.value().to_string()),
                    format!("net weight {net} is above gross weight {gross}"),
                    format!("净重 {net} 大于毛重 {gross}"),
                );
            }
            // The registered units of this carton, when every one is known.
            let units: Option<Vec<(&SkuRegistration, u32)>> = c
                .items
                .iter()
                .map(|it| Some((self.sku(it.sku.as_deref()?)?, it.quantity?)))
                .collect();
            let total_units = c.units();
            if let (Some(gross), Some(units)) = (c.gross_weight, &units) {
                let contents = units
                    .iter()
                    .try_fold(Weight::zero(gross.unit()), |acc, (k, q)| {
                        acc.checked_add(k.unit_weight?.checked_mul(*q).ok()?).ok()
                    });
                if let Some(contents) = contents
                    && let Ok(floor) = gross.checked_add(tolerance)
                    && contents > floor
                {
                    let shown = contents
                        .to_unit(gross.unit())
                        .map_or(contents.value(), |w| w.value().round_dp(3).normalize());
                    self.add(
                                Rule::CartonGrossBelowContents,
                                &[base[0], base[1], F("grossWeight")],
                                Some(&gross.value().to_string()),
                                format!("gross weight {gross} is below the {shown} {} its units weigh by their registrations", gross.unit().symbol()),
                                format!("毛重 {gross} 低于按 SKU 登记重量算出的箱内商品重量 {shown} {}", gross.unit().symbol()),
                            );
                }
            }
            let Some(profile) = profile else { continue };
            let single_unit = match (&units, total_units) {
                (Some(u), 1) => u.first().map(|(k, _)| *k),
                _ => None,
            };
            if let (Some(gross), Some(max)) = (c.gross_weight, profile.max_carton_weight)
                && gross > max
            {
                let exempt = profile.single_heavy_unit_exempt
                    && single_unit.is_some_and(|k| k.unit_weight.is_some_and(|w| w > max));
                let unknown = profile.single_heavy_unit_exempt
                    && total_units == 1
                    && single_unit.is_none_or(|k| k.unit_weight.is_none());
                if !exempt && !unknown {
                    self.add(
                        Rule::CartonOverweight,
                        &[base[0], base[1], F("grossWeight")],
                        Some(&gross.value().to_string()),
                        format!(
                            "carton of {gross} is over the {} limit of {max}",
                            profile.name
                        ),
                        format!("箱重 {gross} 超过 {} 的上限 {max}", profile.name),
                    );
                }
            }
            if let (Some(gross), Some(max)) = (c.gross_weight, profile.jewellery_max_weight) {
                let jewellery = c.items.iter().any(|it| {
                    it.sku
                        .as_deref()
                        .and_then(|x| self.sku(x))
                        .is_some_and(|k| k.jewellery_or_watch)
                });
                if jewellery && gross > max {
                    self.add(
                        Rule::CartonJewelleryOverweight,
                        &[base[0], base[1], F("grossWeight")],
                        Some(&gross.value().to_string()),
                        format!("carton of jewellery or watches weighs {gross}, over the {} limit of {max} for them", profile.name),
                        format!("装有珠宝或手表的箱子重 {gross}，超过 {} 对此类箱子的上限 {max}", profile.name),
                    );
                }
            }
            if let (Some(dims), Some(rule)) = (c.dimensions, &profile.max_side) {
                let limit = rule.limit();
                let longest_mm = dims
                    .to_unit(crate::LengthUnit::Millimetre)
                    .ok()
                    .map(|d| d.sorted_sides()[0]);
                if let Some(longest) = longest_mm.filter(|l| *l > limit.millimetres()) {
                    let unit_longer = |k: &SkuRegistration| {
                        k.dimensions
                            .and_then(|d| d.to_unit(crate::LengthUnit::Millimetre).ok())
                            .map(|d| d.sorted_sides()[0] > limit.millimetres())
                    };
                    let breaks = match rule {
                        SideRule::Always(_) => Some(true),
                        SideRule::UnlessOneLongerUnit(_) => {
                            if total_units == 1 {
                                single_unit.and_then(unit_longer).map(|longer| !longer)
                            } else {
                                Some(true)
                            }
                        }
                        SideRule::SeveralStandardUnits { standard, .. } => {
                            if total_units < 2 {
                                Some(false)
                            } else {
                                units.as_ref().and_then(|u| {
                                    u.iter().try_fold(true, |all, (k, _)| {
                                        Some(
                                            all && standard
                                                .is_standard(&k.dimensions?, &k.unit_weight?),
                                        )
                                    })
                                })
                            }
                        }
                    };
                    if breaks == Some(true) {
                        let shown = (longest / limit.unit().millimetres())
                            .round_dp(2)
                            .normalize();
                        self.add(
                            Rule::CartonSideTooLong,
                            &[base[0], base[1], F("dimensions")],
                            Some(&dims.to_string()),
                            format!(
                                "carton's longest side is {shown} {}, over the {} limit of {limit}",
                                limit.unit(),
                                profile.name
                            ),
                            format!(
                                "箱子最长边 {shown} {}，超过 {} 的上限 {limit}",
                                limit.unit(),
                                profile.name
                            ),
                        );
                    }
                }
            }
            if let Some(gross) = c.gross_weight
                && let Some(need) = profile.heavy_label_for(&gross)
            {
                let ok = match need.label {
                    Some(l) => c.marks.labels.contains(&l),
                    None => !c.marks.labels.is_empty(),
                };
                if !ok {
                    let (label, label_zh) = need
                        .label
                        .map_or(("a heavy-carton label", "重货标签".to_owned()), |l| {
                            (l.as_str(), format!("{l} 标签"))
                        });
                    self.add(
                        Rule::CartonHeavyLabel,
                        &[base[0], base[1], F("marks"), F("labels")],
                        None,
                        format!("carton of {gross} is over {} and needs {label}", need.over),
                        format!("箱重 {gross} 超过 {}，需要贴{label_zh}", need.over),
                    );
                }
            }
            if let Some(max) = profile.max_units_per_carton
                && total_units > u64::from(max)
            {
                self.add(
                    Rule::CartonTooManyUnits,
                    &[base[0], base[1], F("items")],
                    Some(&total_units.to_string()),
                    format!(
                        "carton holds {total_units} units, over the {} limit of {max}",
                        profile.name
                    ),
                    format!(
                        "箱内 {total_units} 件，超过 {} 的上限 {max} 件",
                        profile.name
                    ),
                );
            }
            if !profile.mixed_skus {
                let first = c.items.iter().find_map(|it| it.sku.as_deref());
                if let Some((j, other)) = c.items.iter().enumerate().find_map(|(j, it)| {
                    it.sku
                        .as_deref()
                        .filter(|x| Some(*x) != first)
                        .map(|x| (j, x))
                }) {
                    self.add(
                        Rule::CartonMixedSkus,
                        &[base[0], base[1], F("items"), I(j), F("sku")],
                        Some(other),
                        format!(
                            "carton mixes SKUs ({:?} with {:?}); {} takes one SKU a carton",
                            echo(first.unwrap_or("")),
                            echo(other),
                            profile.name
                        ),
                        format!(
                            "箱内混装 SKU（{:?} 与 {:?}）；{} 要求一箱一个 SKU",
                            echo(first.unwrap_or("")),
                            echo(other),
                            profile.name
                        ),
                    );
                }
            }
        }
        // Per-item rules that need the registration, outside the profile.
        for (i, c) in s.cartons.iter().enumerate() {
            // Per SKU, the distinct expiry dates of the carton's items so
            // far, in the order first seen.
            let mut expiries: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
            for (j, item) in c.items.iter().enumerate() {
                let Some(code) = item.sku.as_deref() else {
                    continue;
                };
                if let Some(expiry) = item.expiry {
                    let seen = expiries.entry(code).or_default();
                    // The earliest item with another date.
                    let earlier = seen.iter().copied().find(|d| *d != expiry);
                    if !seen.contains(&expiry) {
                        seen.push(expiry);
                    }
                    if let Some(other) = earlier {
                        self.add(
                            Rule::CartonExpiryMixed,
                            &[F("cartons"), I(i), F("items"), I(j), F("expiry")],
                            Some(&expiry.to_string()),
                            format!("SKU {:?} is in this carton with two expiry dates, {other} and {expiry}", echo(code)),
                            format!("同一箱内 SKU {:?} 有两个有效期：{other} 和 {expiry}", echo(code)),
                        );
                    }
                }
                let Some(k) = self.sku(code) else { continue };
                if k.lot_managed && item.lot.is_none() {
                    self.add(
                        Rule::CartonLotMissing,
                        &[F("cartons"), I(i), F("items"), I(j), F("lot")],
                        Some("lot"),
                        format!(
                            "SKU {:?} is lot-managed: its carton line needs a lot",
                            echo(code)
                        ),
                        format!("SKU {:?} 按批次管理：箱内明细需要批次号", echo(code)),
                    );
                }
                if k.expiry_managed && item.expiry.is_none() {
                    self.add(
                        Rule::CartonExpiryMissing,
                        &[F("cartons"), I(i), F("items"), I(j), F("expiry")],
                        Some("expiry"),
                        format!(
                            "SKU {:?} is expiry-managed: its carton line needs an expiry date",
                            echo(code)
                        ),
                        format!("SKU {:?} 按有效期管理：箱内明细需要有效期", echo(code)),
                    );
                }
            }
        }
        self.box_numbers();
    }

    fn box_numbers(&mut self) {
        let s = self.s;
        let mut ranges: Vec<(u32, u32, usize)> = Vec::with_capacity(s.cartons.len());
        let mut complete = true;
        for (i, c) in s.cartons.iter().enumerate() {
            match c.box_numbers() {
                Some(r) => ranges.push((*r.start(), *r.end(), i)),
                None => complete &= c.count == 0 && c.box_no.is_some(),
            }
        }
        ranges.sort_unstable();
        let mut dup: Vec<(usize, u32)> = Vec::new();
        let mut dup_at: HashSet<usize> = HashSet::new();
        let mut holder: Option<(u32, usize)> = None; // (max end, index)
        for &(start, end, i) in &ranges {
            if let Some((max_end, h)) = holder {
                if start <= max_end {
                    // Report at the later of the two in document order.
                    let at = i.max(h);
                    if dup_at.insert(at) {
                        dup.push((at, start));
                    }
                }
                if end > max_end {
                    holder = Some((end, i));
                }
            } else {
                holder = Some((end, i));
            }
        }
        dup.sort_unstable();
        for (i, n) in dup {
            self.add(
                Rule::CartonBoxDuplicate,
                &[F("cartons"), I(i), F("boxNo")],
                s.cartons[i].box_no.map(|b| b.to_string()).as_deref(),
                format!("box number {n} is used twice"),
                format!("箱号 {n} 重复使用"),
            );
        }
        if !self.profile.is_some_and(|p| p.consecutive_box_numbers) || !complete {
            return;
        }
        let mut expected = 1u32;
        let mut gaps: Vec<(usize, u32, u32)> = Vec::new();
        for &(start, end, i) in &ranges {
            if start > expected {
                gaps.push((i, expected, start));
            }
            expected = expected.max(end.saturating_add(1));
        }
        gaps.sort_unstable();
        for (i, want, got) in gaps {
            let (en, zh) = if want == 1 {
                (
                    format!("box numbers start at {got}, not 1"),
                    format!("箱号从 {got} 开始，应从 1 开始"),
                )
            } else {
                (
                    format!(
                        "box numbers jump from {} to {got}: they must run from 1 without a gap",
                        want - 1
                    ),
                    format!("箱号从 {} 跳到 {got}：箱号须从 1 起连续", want - 1),
                )
            };
            self.add(
                Rule::CartonBoxGap,
                &[F("cartons"), I(i), F("boxNo")],
                Some(&got.to_string()),
                en,
                zh,
            );
        }
    }

    fn convert(&mut self, amount: Money, to: Currency, at: &[Part<'_>]) -> Option<Money> {
        if amount.currency() == to {
            return Some(amount);
        }
        match amount.convert(to, &self.rates) {
            Ok(m) => Some(m),
            Err(_) => {
                let pair = (amount.currency(), to);
                if !self.reported_pairs.contains(&pair) {
                    self.reported_pairs.push(pair);
                    let (f, t) = (pair.0.code(), pair.1.code());
                    self.add(
                        Rule::RateMissing,
                        at,
                        Some(&format!("{f}/{t}")),
                        format!("no exchange rate from {f} to {t} was given: the amounts cannot be compared (add one to rates)"),
                        format!("未提供 {f} 到 {t} 的汇率：无法比较金额（请在 rates 中补充）"),
                    );
                }
                None
            }
        }
    }

    fn documents(&mut self) {
        let s = self.s;
        for (name, missing, zh) in [
            ("packingList", s.packing_list.is_none(), "装箱单"),
            ("commercialInvoice", s.invoice.is_none(), "商业发票"),
            ("declaration", s.declaration.is_none(), "报关单"),
        ] {
            if missing {
                self.add(
                    Rule::DocumentsMissing,
                    &[F(name)],
                    Some(name),
                    format!("the shipment has no {name}"),
                    format!("货件缺少{zh}（{name}）"),
                );
            }
        }
        // Units per SKU in the cartons, in order of first appearance; None
        // when some carton item has no SKU or an unregistered one.
        let mut carton_units: Tally<'_, Option<u64>> = Tally::default();
        let mut cartons_resolved = s.cartons.iter().all(|c| c.count > 0);
        for c in &s.cartons {
            for it in &c.items {
                let Some(code) = it.sku.as_deref() else {
                    cartons_resolved = false;
                    continue;
                };
                if self.sku(code).is_none() {
                    cartons_resolved = false;
                }
                let add = it.quantity.map(|q| u64::from(q) * u64::from(c.count));
                match carton_units.get_mut(code) {
                    // Past u64::MAX units the total is unknown, not wrapped.
                    Some(total) => *total = total.zip(add).and_then(|(a, b)| a.checked_add(b)),
                    None => carton_units.push(code, add),
                }
            }
        }
        // Packing list vs cartons.
        let mut pl_units: Option<Tally<'_, (Option<u64>, usize)>> = None;
        // SKUs whose packing-list quantity disagrees with the cartons
        // (reported): the invoice is compared with the cartons for them.
        let mut pl_wrong: HashSet<&str> = HashSet::new();
        let mut pl_resolved = false;
        if let Some(pl) = &s.packing_list {
            let mut units: Tally<'_, (Option<u64>, usize)> = Tally::default();
            pl_resolved = true;
            for (i, l) in pl.lines.iter().enumerate() {
                self.missing_fields(
                    Rule::DocumentsMissingField,
                    &[F("packingList"), F("lines"), I(i)],
                    &[
                        ("sku", l.sku.is_none(), "SKU"),
                        ("quantity", l.quantity.is_none(), "数量"),
                    ],
                    || (format!("packing-list line {i}"), format!("装箱单第 {i} 行")),
                );
                let Some(code) = l.sku.as_deref() else {
                    pl_resolved = false;
                    continue;
                };
                if self.sku(code).is_none() {
                    pl_resolved = false;
                    self.add(
                        Rule::RegistrationNotRegistered,
                        &[F("packingList"), F("lines"), I(i), F("sku")],
                        Some(code),
                        format!(
                            "SKU {:?} on the packing list is not pre-registered with the warehouse",
                            echo(code)
                        ),
                        format!("装箱单上的 SKU {:?} 未在仓库预登记", echo(code)),
                    );
                }
                let q = l.quantity.map(u64::from);
                match units.get_mut(code) {
                    Some((total, _)) => *total = total.zip(q).map(|(a, b)| a + b),
                    None => units.push(code, (q, i)),
                }
            }
            if cartons_resolved && pl_resolved {
                for &(code, (q, i)) in units.iter() {
                    let in_cartons = carton_units.get(code).map_or(Some(0), |t| *t);
                    if let (Some(q), Some(c)) = (q, in_cartons)
                        && q != c
                    {
                        pl_wrong.insert(code);
                        self.add(
                            Rule::PackingListQuantity,
                            &[F("packingList"), F("lines"), I(i), F("quantity")],
                            Some(&q.to_string()),
                            format!(
                                "the packing list has {q} of {:?}, the cartons hold {c}",
                                echo(code)
                            ),
                            format!("装箱单上 {:?} 为 {q} 件，箱内实际 {c} 件", echo(code)),
                        );
                    }
                }
                for &(code, c) in carton_units.iter() {
                    if !units.contains(code) {
                        let c = c.map_or("some".to_owned(), |c| c.to_string());
                        self.add(
                            Rule::PackingListQuantity,
                            &[F("packingList"), F("lines")],
                            Some(code),
                            format!("the cartons hold {c} of {:?}, which the packing list does not list", echo(code)),
                            format!("箱内有 {c} 件 {:?}，装箱单未列出", echo(code)),
                        );
                    }
                }
            }
            self.packing_list_totals(pl);
            pl_units = Some(units);
        }
        // Invoice vs packing list (or cartons).
        let reference: Option<Tally<'_, Option<u64>>> = match &pl_units {
            Some(u) if pl_resolved => {
                let mut reference = Tally::default();
                for &(k, (q, _)) in u.iter() {
                    let q = if pl_wrong.contains(k) {
                        carton_units.get(k).map_or(Some(0), |t| *t)
                    } else {
                        q
                    };
                    reference.push(k, q);
                }
                Some(reference)
            }
            Some(_) => None,
            None if cartons_resolved => Some(carton_units.clone()),
            None => None,
        };
        let against = if pl_units.is_some() {
            ("packing list", "装箱单")
        } else {
            ("cartons", "箱内")
        };
        let Some(ci) = &s.invoice else {
            self.declaration(None);
            return;
        };
        let mut ci_resolved = true;
        let mut ci_units: Tally<'_, Option<u64>> = Tally::default();
        // SKUs whose invoice lines were found wrong (quantity or
        // arithmetic): the declaration is not compared for their HS code.
        let mut tainted: HashSet<&str> = HashSet::new();
        let currency = ci.currency;
        self.missing_fields(
            Rule::DocumentsMissingField,
            &[F("commercialInvoice")],
            &[
                ("currency", ci.currency.is_none(), "币种"),
                ("total", ci.total.is_none(), "总金额"),
            ],
            || ("the commercial invoice".into(), "商业发票".into()),
        );
        for (j, l) in ci.lines.iter().enumerate() {
            let base = [F("commercialInvoice"), F("lines"), I(j)];
            self.missing_fields(
                Rule::DocumentsMissingField,
                &base,
                &[
                    ("sku", l.sku.is_none(), "SKU"),
                    ("quantity", l.quantity.is_none(), "数量"),
                    ("unitPrice", l.unit_price.is_none(), "单价"),
                    ("amount", l.amount.is_none(), "金额"),
                ],
                || (format!("invoice line {j}"), format!("发票第 {j} 行")),
            );
            let reg = match l.sku.as_deref() {
                None => {
                    ci_resolved = false;
                    None
                }
                Some(code) => {
                    let q = l.quantity.map(u64::from);
                    match ci_units.get_mut(code) {
                        Some(t) => *t = t.zip(q).map(|(a, b)| a + b),
                        None => ci_units.push(code, q),
                    }
                    let reg = self.sku(code);
                    if reg.is_none() {
                        ci_resolved = false;
                        self.add(
                            Rule::RegistrationNotRegistered,
                            &[base[0], base[1], base[2], F("sku")],
                            Some(code),
                            format!(
                                "SKU {:?} on the invoice is not pre-registered with the warehouse",
                                echo(code)
                            ),
                            format!("发票上的 SKU {:?} 未在仓库预登记", echo(code)),
                        );
                    }
                    reg
                }
            };
            let reg_hs = l.sku.as_deref().and_then(|c| self.sku_hs(c));
            if let (Some(k), Some(code)) = (reg_hs, l.hs_code) {
                let registered = [k.hs_code, k.import_hs_code];
                let known: Vec<_> = registered.iter().flatten().collect();
                if !known.is_empty() && !known.iter().any(|r| r.subheading() == code.subheading()) {
                    let reg_text = known
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.add(
                        Rule::InvoiceHsCode,
                        &[base[0], base[1], base[2], F("hsCode")],
                        Some(code.as_str()),
                        format!("invoice HS code {code} is not the registration's ({reg_text}) at the 6-digit level"),
                        format!("发票 HS 编码 {code} 与 SKU 登记的 {reg_text} 前 6 位不一致"),
                    );
                }
            }
            if let (Some(q), Some(price), Some(amount)) = (l.quantity, l.unit_price, l.amount)
                && let Ok(exact) = price.checked_mul(Decimal::from(q))
            {
                let minor = minor_unit(exact.currency());
                let rounded = exact
                    .amount()
                    .round_dp_with_strategy(minor.scale(), RoundingStrategy::MidpointAwayFromZero);
                if amount.amount() != rounded && amount.amount() != exact.amount() {
                    if let Some(code) = l.sku.as_deref() {
                        tainted.insert(code);
                    }
                    self.add(
                        Rule::InvoiceArithmetic,
                        &[base[0], base[1], base[2], F("amount")],
                        Some(&amount.amount().to_string()),
                        format!(
                            "amount {amount} is not {q} x {price} = {} {}",
                            rounded,
                            exact.currency().code()
                        ),
                        format!(
                            "金额 {amount} 不等于 {q} x {price} = {} {}",
                            rounded,
                            exact.currency().code()
                        ),
                    );
                }
            }
            if let (Some(k), Some(price)) = (reg, l.unit_price)
                && let Some(value) = k.unit_value
                && let Some(v) = self.convert(
                    value,
                    price.currency(),
                    &[base[0], base[1], base[2], F("unitPrice")],
                )
                && price.amount() < v.amount()
            {
                let shown = v.round(RoundingStrategy::MidpointAwayFromZero);
                self.add(
                                Rule::DeclaredValueLow,
                                &[base[0], base[1], base[2], F("unitPrice")],
                                Some(&price.amount().to_string()),
                                format!("unit price {price} is below the registered value {shown}: a low declaration may be seized"),
                                format!("单价 {price} 低于 SKU 登记价值 {shown}：低报价值可能被海关查扣"),
                            );
            }
        }
        if let (Some(reference), true) = (&reference, ci_resolved) {
            let mut seen: HashSet<&str> = HashSet::new();
            for (j, l) in ci.lines.iter().enumerate() {
                let Some(code) = l.sku.as_deref() else {
                    continue;
                };
                // Report each SKU once, at its first line.
                if !seen.insert(code) {
                    continue;
                }
                let q = ci_units.get(code).and_then(|t| *t);
                let want = reference.get(code).map_or(Some(0), |t| *t);
                if let (Some(q), Some(want)) = (q, want)
                    && q != want
                {
                    tainted.insert(code);
                    self.add(
                        Rule::InvoiceQuantity,
                        &[F("commercialInvoice"), F("lines"), I(j), F("quantity")],
                        Some(&q.to_string()),
                        format!(
                            "the invoice has {q} of {:?}, the {} {want}",
                            echo(code),
                            against.0
                        ),
                        format!(
                            "发票上 {:?} 为 {q} 件，{}为 {want} 件",
                            echo(code),
                            against.1
                        ),
                    );
                }
            }
            for &(code, want) in reference.iter() {
                if !ci_units.contains(code) {
                    let want = want.map_or("some".to_owned(), |w| w.to_string());
                    self.add(
                        Rule::InvoiceQuantity,
                        &[F("commercialInvoice"), F("lines")],
                        Some(code),
                        format!(
                            "the {} has {want} of {:?}, which the invoice does not list",
                            against.0,
                            echo(code)
                        ),
                        format!("{}有 {want} 件 {:?}，发票未列出", against.1, echo(code)),
                    );
                }
            }
        }
        // Total and charges.
        if let (Some(total), Some(cur)) = (ci.total, currency) {
            let lines: Option<Decimal> = ci
                .lines
                .iter()
                .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.amount?.amount()));
            if let Some(lines) = lines {
                let charges = ci.freight.map_or(Decimal::ZERO, |m| m.amount())
                    + ci.insurance.map_or(Decimal::ZERO, |m| m.amount());
                let want = lines + charges;
                if total.amount() != want {
                    let term = s.incoterm.map_or(String::new(), |t| format!(" under {t}"));
                    self.add(
                        Rule::InvoiceTotal,
                        &[F("commercialInvoice"), F("total")],
                        Some(&total.amount().to_string()),
                        format!("invoice total {total} is not its lines {lines} {c} plus freight and insurance {charges} {c} = {want} {c}{term}", c = cur.code()),
                        format!("发票总额 {total} 不等于明细合计 {lines} {c} 加运费和保险费 {charges} {c} = {want} {c}", c = cur.code()),
                    );
                }
            }
        }
        if let Some(term) = s.incoterm.filter(|t| t.buyer_pays_freight()) {
            for (field, charge, zh) in [
                ("freight", ci.freight, "运费"),
                ("insurance", ci.insurance, "保险费"),
            ] {
                if let Some(m) = charge.filter(|m| !m.is_zero()) {
                    self.add(
                        Rule::InvoiceCharge,
                        &[F("commercialInvoice"), F(field)],
                        Some(&m.amount().to_string()),
                        format!("the invoice charges {field} {m} under {term}: the buyer pays the main carriage"),
                        format!("{term} 条款下发票收取{zh} {m}：主运费由买方承担"),
                    );
                }
            }
        }
        self.declaration(if ci_resolved {
            Some((ci, tainted))
        } else {
            None
        });
    }

    fn packing_list_totals(&mut self, pl: &PackingList) {
        let s = self.s;
        if s.cartons.iter().any(|c| c.count == 0) {
            return;
        }
        if let Some(n) = pl.cartons {
            let boxes = s.box_count();
            if u64::from(n) != boxes {
                self.add(
                    Rule::PackingListTotals,
                    &[F("packingList"), F("cartons")],
                    Some(&n.to_string()),
                    format!("the packing list counts {n} cartons, the shipment has {boxes}"),
                    format!("装箱单为 {n} 箱，实际 {boxes} 箱"),
                );
            }
        }
        for (field, total, pick, zh) in [
            ("netWeight", pl.net_weight, 0, "净重"),
            ("grossWeight", pl.gross_weight, 1, "毛重"),
        ] {
            let Some(total) = total else { continue };
            let sum = s
                .cartons
                .iter()
                .try_fold(Weight::zero(total.unit()), |acc, c| {
                    let w = if pick == 0 {
                        c.net_weight
                    } else {
                        c.gross_weight
                    }?;
                    acc.checked_add(w.checked_mul(c.count).ok()?).ok()
                });
            let Some(sum) = sum else { continue };
            if let Some(v) = at_scale_of(sum, &total)
                && v != total.value()
            {
                let u = total.unit().symbol();
                self.add(
                    Rule::PackingListTotals,
                    &[F("packingList"), F(field)],
                    Some(&total.value().to_string()),
                    format!(
                        "the packing list's {field} is {total}, the cartons' add up to {v} {u}"
                    ),
                    format!("装箱单{zh}为 {total}，各箱合计 {v} {u}"),
                );
            }
        }
    }

    fn declaration(&mut self, invoice: Option<(&CommercialInvoice, HashSet<&str>)>) {
        let s = self.s;
        let Some(d) = &s.declaration else { return };
        self.missing_fields(
            Rule::DocumentsMissingField,
            &[F("declaration")],
            &[("currency", d.currency.is_none(), "币种")],
            || ("the declaration".into(), "报关单".into()),
        );
        for (k, l) in d.lines.iter().enumerate() {
            let base = [F("declaration"), F("lines"), I(k)];
            self.missing_fields(
                Rule::DocumentsMissingField,
                &base,
                &[
                    ("hsCode", l.hs_code.is_none(), "HS 编码"),
                    ("quantity", l.quantity.is_none(), "数量"),
                    ("unit", l.unit.is_none(), "计量单位"),
                    ("amount", l.amount.is_none(), "金额"),
                ],
                || (format!("declaration line {k}"), format!("报关单第 {k} 行")),
            );
            for (m, code) in l.skus.iter().enumerate() {
                if let Some(code) = code.as_deref().filter(|c| self.sku(c).is_none()) {
                    self.add(
                        Rule::RegistrationNotRegistered,
                        &[base[0], base[1], base[2], F("skus"), I(m)],
                        Some(code),
                        format!(
                            "SKU {:?} on the declaration is not pre-registered with the warehouse",
                            echo(code)
                        ),
                        format!("报关单上的 SKU {:?} 未在仓库预登记", echo(code)),
                    );
                }
            }
        }
        let Some((ci, tainted)) = invoice else { return };
        // Group the invoice by the SKUs' registered 10-digit codes.
        struct Group<'g> {
            tainted: bool,
            code: crate::HsCode,
            quantity: Option<u64>,
            net: Option<Weight>,
            amount: Option<Money>,
            names: Vec<&'g str>,
        }
        let mut groups: Vec<Group<'_>> = Vec::new();
        let mut group_of: HashMap<crate::HsCode, usize> = HashMap::new();
        // Each registered name once per group, in the order first seen.
        let mut group_names: HashSet<(crate::HsCode, &str)> = HashSet::new();
        for l in &ci.lines {
            let Some(k) = l.sku.as_deref().and_then(|c| self.sku_hs(c)) else {
                return;
            };
            let Some(code) = k.hs_code.filter(|c| c.len() == 10) else {
                return;
            };
            let g = match group_of.get(&code) {
                Some(&p) => &mut groups[p],
                None => {
                    group_of.insert(code, groups.len());
                    groups.push(Group {
                        tainted: false,
                        code,
                        quantity: Some(0),
                        net: Some(Weight::zero(MassUnit::Kilogram)),
                        amount: ci.currency.map(Money::zero),
                        names: Vec::new(),
                    });
                    let last = groups.len() - 1;
                    &mut groups[last]
                }
            };
            g.tainted |= l.sku.as_deref().is_some_and(|c| tainted.contains(&c));
            g.quantity = g.quantity.zip(l.quantity).map(|(a, b)| a + u64::from(b));
            g.net = match (g.net, k.unit_weight, l.quantity) {
                (Some(n), Some(w), Some(q)) => {
                    w.checked_mul(q).ok().and_then(|x| n.checked_add(x).ok())
                }
                _ => None,
            };
            g.amount = match (g.amount, l.amount) {
                (Some(a), Some(b)) => a.checked_add(b).ok(),
                _ => None,
            };
            if let Some(n) = k.name_cn.as_deref()
                && group_names.insert((code, n))
            {
                g.names.push(n);
            }
        }
        let mut matched = vec![false; groups.len()];
        let mut unmatched_line = false;
        // The declaration's lines per HS code, in document order.
        let mut lines_of: HashMap<crate::HsCode, Vec<usize>> = HashMap::new();
        for (k, l) in d.lines.iter().enumerate() {
            if let Some(code) = l.hs_code {
                lines_of.entry(code).or_default().push(k);
            }
        }
        let a_line_has_no_code = d.lines.iter().any(|l| l.hs_code.is_none());
        for (k, l) in d.lines.iter().enumerate() {
            let base = [F("declaration"), F("lines"), I(k)];
            let Some(code) = l.hs_code else { continue };
            let Some(&gi) = group_of.get(&code) else {
                unmatched_line = true;
                self.add(
                    Rule::DeclarationHsCode,
                    &[base[0], base[1], base[2], F("hsCode")],
                    Some(code.as_str()),
                    format!("declaration line HS code {code} is not the registered code of any goods on the invoice"),
                    format!("报关单 HS 编码 {code} 与发票上任何商品的登记编码都不符"),
                );
                continue;
            };
            let of_code = lines_of.get(&code).map_or(&[][..], Vec::as_slice);
            if of_code.first().is_some_and(|&first| first < k) {
                continue;
            }
            matched[gi] = true;
            // Every line of this code, added up (one line per code is usual).
            let same: Vec<&DeclarationLine> = of_code.iter().map(|&e| &d.lines[e]).collect();
            let g = &groups[gi];
            if let Some(name) = l.name.as_deref()
                && !g.names.is_empty()
                && !g.names.contains(&name)
            {
                let names = listed(&g.names);
                self.add(
                        Rule::DeclarationName,
                        &[base[0], base[1], base[2], F("name")],
                        Some(name),
                        format!("declared name {:?} is not the registered Chinese name of the goods ({names})", echo(name)),
                        format!("申报品名 {:?} 与 SKU 登记的中文品名（{names}）不一致", echo(name)),
                    );
            }
            if g.tainted {
                continue;
            }
            let quantity: Option<Decimal> = same
                .iter()
                .try_fold(Decimal::ZERO, |a, e| a.checked_add(e.quantity?));
            let unit = l.unit.filter(|_| same.iter().all(|e| e.unit == l.unit));
            if let (Some(q), Some(unit)) = (quantity, unit) {
                let weight_unit = match unit.code() {
                    "035" => Some(MassUnit::Kilogram),
                    "036" => Some(MassUnit::Gram),
                    _ => None,
                };
                let want = match weight_unit {
                    Some(mu) => g.net.and_then(|n| {
                        let like = Weight::new(q, mu).ok()?;
                        at_scale_of(n, &like)
                    }),
                    None => g.quantity.map(Decimal::from),
                };
                if let Some(want) = want
                    && want != q
                {
                    let what = if weight_unit.is_some() {
                        format!("net weight {want} {}", unit.name_zh())
                    } else {
                        format!("{want}")
                    };
                    self.add(
                        Rule::DeclarationQuantity,
                        &[base[0], base[1], base[2], F("quantity")],
                        Some(&q.to_string()),
                        format!(
                            "declared quantity {q} ({}) for {code} is not the invoice's {what}",
                            unit.code()
                        ),
                        format!(
                            "{code} 的申报数量 {q}（{}）与发票的 {want} 不一致",
                            unit.name_zh()
                        ),
                    );
                }
            }
            let amount: Option<Money> = same
                .iter()
                .try_fold(None::<Money>, |a, e| {
                    let m = e.amount?;
                    Some(Some(match a {
                        None => m,
                        Some(a) => a.checked_add(m).ok()?,
                    }))
                })
                .flatten();
            if let (Some(declared), Some(invoiced)) = (amount, g.amount)
                && let Some(converted) = self.convert(
                    invoiced,
                    declared.currency(),
                    &[base[0], base[1], base[2], F("amount")],
                )
            {
                let scale = declared
                    .amount()
                    .scale()
                    .max(minor_unit(declared.currency()).scale());
                let want = converted
                    .amount()
                    .round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero);
                if want != declared.amount() {
                    self.add(
                        Rule::DeclarationAmount,
                        &[base[0], base[1], base[2], F("amount")],
                        Some(&declared.amount().to_string()),
                        format!(
                            "declared amount {declared} for {code} is not the invoice's {want} {}",
                            declared.currency().code()
                        ),
                        format!(
                            "{code} 的申报金额 {declared} 与发票的 {want} {} 不一致",
                            declared.currency().code()
                        ),
                    );
                }
            }
        }
        for (g, m) in groups.iter().zip(matched) {
            // A line with a wrong code (reported) explains a code left over.
            if !m && !unmatched_line && !a_line_has_no_code {
                self.add(
                    Rule::DeclarationHsCode,
                    &[F("declaration"), F("lines")],
                    Some(g.code.as_str()),
                    format!(
                        "the invoice has goods of HS code {} that no declaration line declares",
                        g.code
                    ),
                    format!("发票上 HS 编码 {} 的商品在报关单中没有申报", g.code),
                );
            }
        }
    }

    fn chargeable(&mut self) -> Option<ChargeableWeight> {
        let s = self.s;
        let rule: ChargeableRule = match (&s.chargeable_rule, s.transport_mode) {
            (Some(r), _) => r.clone(),
            (None, Some(mode)) => match ChargeableRule::for_mode(mode) {
                Some(r) => r,
                None => {
                    self.add(
                        Rule::ChargeableRuleMissing,
                        &[F("chargeableWeightRule")],
                        Some(mode.as_str()),
                        format!("{mode} has no chargeable-weight preset: name the lane's rule in chargeableWeightRule"),
                        format!("{mode} 没有预设的计费重规则：请在 chargeableWeightRule 中给出线路的规则"),
                    );
                    return None;
                }
            },
            (None, None) => return None,
        };
        let pieces: Option<Vec<Piece>> = s
            .cartons
            .iter()
            .map(|c| {
                Some(Piece::new(c.dimensions?, c.gross_weight?, c.count)).filter(|_| c.count > 0)
            })
            .collect();
        let pieces = pieces?;
        let answer = match rule.compute(&pieces) {
            Ok(a) => a,
            Err(e) => {
                self.add(
                    Rule::ChargeableRuleMissing,
                    &[F("chargeableWeightRule")],
                    None,
                    format!("the chargeable weight cannot be computed: {e}"),
                    "无法计算计费重：规则或数据有误".into(),
                );
                return None;
            }
        };
        for x in answer.exceeded() {
            let rule = if x.kind.is_surcharge() {
                Rule::ChargeableHandling
            } else {
                Rule::ChargeablePieceLimit
            };
            self.add(
                rule,
                &[F("cartons"), I(x.piece)],
                Some(x.kind.as_str()),
                x.message_en(),
                x.message_zh(),
            );
        }
        Some(answer)
    }
}

/// Amazon's FNSKU form: `X00` and 7 letters or digits, or an ASIN (`B0`
/// and 8 letters or digits, or an ISBN-10).
fn fnsku_form(f: &str) -> bool {
    let b = f.as_bytes();
    if b.len() != 10
        || !b
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    f.starts_with("X00")
        || f.starts_with("B0")
        || (b[..9].iter().all(u8::is_ascii_digit) && (b[9].is_ascii_digit() || b[9] == b'X'))
}

/// Names for a message: the first five, then how many more.
fn listed(names: &[&str]) -> String {
    let shown: Vec<String> = names.iter().take(5).map(|n| echo(n).to_string()).collect();
    let mut out = shown.join("、");
    if names.len() > 5 {
        out.push_str(&format!(" … (+{})", names.len() - 5));
    }
    out
}

/// Figures per SKU in the order the SKUs first appear, found through a hash
/// index, so that tallying n lines costs O(n) however many SKUs they name
/// (a linear search per line was quadratic in a document's SKUs).
#[derive(Clone, Debug)]
struct Tally<'a, V> {
    rows: Vec<(&'a str, V)>,
    index: HashMap<&'a str, usize>,
}

impl<V> Default for Tally<'_, V> {
    fn default() -> Self {
        Tally {
            rows: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<'a, V> Tally<'a, V> {
    fn get(&self, key: &str) -> Option<&V> {
        self.index.get(key).map(|&i| &self.rows[i].1)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.index.get(key).map(|&i| &mut self.rows[i].1)
    }

    fn contains(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// Adds a row for a key that has none (the caller checked).
    fn push(&mut self, key: &'a str, value: V) {
        self.index.insert(key, self.rows.len());
        self.rows.push((key, value));
    }

    fn iter(&self) -> std::slice::Iter<'_, (&'a str, V)> {
        self.rows.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnsku_forms() {
        assert!(fnsku_form("X00ABCD123"));
        assert!(fnsku_form("B07XJ8C8F5"));
        assert!(fnsku_form("030640615X"));
        assert!(!fnsku_form("X00ABCD12"));
        assert!(!fnsku_form("x00abcd123"));
        assert!(!fnsku_form("Z00ABCD123"));
    }
}
