//! The answers: per product and destination, per product for every
//! destination, per inventory, and International Multi-Channel Fulfillment.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use iso_currency::Country;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::class::{
    MediaKind, ProductAttribute, RestrictionClass, RestrictionKind, ReviewStatus, classes_of,
};
use super::country_set::{CountrySet, dense_index};
use super::exclusions::{ExclusionCheck, SellerExclusions};
use super::policy::{HsPrefix, ImportTreatment, Policy, RuleList, mm_sorted};
use super::product::{ProductFacts, ProductId};
use crate::{HsCode, JsonPointer, Language};

const N_CLASSES: usize = 28;
const N_COUNTRIES: usize = 249;

/// Where a product's class comes from.
///
/// Serde: tagged by `"from"`: `{"from":"hs_table","code":"901320","prefix":"901320","rule":"/hsTable/10","source":"..."}`,
/// `{"from":"explicit"}`, `{"from":"attribute","attribute":"dangerous_goods"}`,
/// `{"from":"media","media":"dvd"}`, `{"from":"size","rule":"/standardSize/0","source":"..."}`.
/// Rule pointers use the policy's JSON (camelCase) field names and resolve
/// against `serde_json::to_value(&policy)`.
///
/// # Example
///
/// ```
/// use crossborder::{ClassSource, ProductAttribute};
/// let s = ClassSource::Attribute { attribute: ProductAttribute::Adult };
/// assert_eq!(serde_json::to_string(&s)?, r#"{"from":"attribute","attribute":"adult"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "from",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ClassSource {
    /// A row of the policy's HS table matched the product's HS code.
    HsTable {
        /// The product's code.
        code: HsCode,
        /// The row's prefix.
        prefix: HsPrefix,
        /// The row, as a pointer into the policy (`/hsTable/N`).
        rule: JsonPointer,
        /// The row's source.
        source: String,
    },
    /// The seller set the class explicitly.
    Explicit,
    /// A product attribute.
    Attribute {
        /// The attribute.
        attribute: ProductAttribute,
    },
    /// The product's media kind.
    Media {
        /// The media kind.
        media: MediaKind,
    },
    /// The standard-size tier: the unit is oversize.
    Size {
        /// The size rule, as a pointer into the policy (`/standardSize/N`).
        rule: JsonPointer,
        /// The rule's source.
        source: String,
    },
}

/// A restriction that applies: its kind, the class, how the product got the
/// class, and the rule (a JSON Pointer into the [`Policy`], such as
/// `/export/5`, `/import/rules/1`, `/import/restrictedByDefault/0`,
/// `/transport/2`) with its source.
///
/// # Example
///
/// ```
/// use crossborder::{RestrictionClass, RestrictionKind, Restriction, ClassSource, JsonPointer};
/// let r = Restriction {
///     kind: RestrictionKind::Export,
///     class: RestrictionClass::LaserPointers,
///     class_from: ClassSource::Explicit,
///     rule: JsonPointer::root().field("export").index(5),
///     source: "Amazon FBA Export help page".into(),
/// };
/// assert_eq!(r.rule.as_str(), "/export/5");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Restriction {
    /// Export, import or transport.
    pub kind: RestrictionKind,
    /// The restricted class.
    pub class: RestrictionClass,
    /// How the product got the class.
    pub class_from: ClassSource,
    /// The policy rule that restricts it.
    pub rule: JsonPointer,
    /// The rule's source.
    pub source: String,
}

/// Why a product may not go to a destination.
///
/// Serde: tagged by `"reason"`, snake case: `restricted` (with the
/// [`Restriction`] fields), `not_served`, `domestic`,
/// `seller_excluded_country`, `seller_excluded_product` (with `scope`).
///
/// # Example
///
/// ```
/// use crossborder::{ExclusionScope, Language, Reason};
/// let r = Reason::SellerExcludedProduct { scope: ExclusionScope::ThisCountry };
/// assert_eq!(serde_json::to_string(&r)?, r#"{"reason":"seller_excluded_product","scope":"this_country"}"#);
/// assert_eq!(r.message(Language::English), "the seller excluded this product from this country");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "reason",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Reason {
    /// A policy restriction.
    Restricted(Restriction),
    /// The destination is not among the countries served.
    NotServed,
    /// The destination is the product's own source country: not an export.
    Domestic,
    /// The seller excluded the whole destination country.
    SellerExcludedCountry,
    /// The seller excluded the product.
    SellerExcludedProduct {
        /// From every country, or from this one.
        scope: ExclusionScope,
    },
}

/// Whether a seller excluded a product everywhere or from one country.
///
/// # Example
///
/// ```
/// use crossborder::ExclusionScope;
/// assert_eq!(serde_json::to_string(&ExclusionScope::Everywhere)?, r#""everywhere""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionScope {
    /// From every country.
    Everywhere,
    /// From this destination.
    ThisCountry,
}

impl Reason {
    /// The reason in words.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Language, Reason};
    /// assert_eq!(Reason::Domestic.message(Language::Chinese), "目的地即商品来源国，不属于出口");
    /// ```
    pub fn message(&self, language: Language) -> String {
        let zh = matches!(language, Language::Chinese);
        match self {
            Reason::Restricted(r) => {
                if zh {
                    format!(
                        "{}：{}（{}）",
                        r.kind.name_zh(),
                        r.class.name_zh(),
                        r.source
                    )
                } else {
                    format!("{}: {} ({})", r.kind.name_en(), r.class.name_en(), r.source)
                }
            }
            Reason::NotServed if zh => "该目的地不在配送国家/地区之列".to_owned(),
            Reason::NotServed => "the destination is not among the countries served".to_owned(),
            Reason::Domestic if zh => "目的地即商品来源国，不属于出口".to_owned(),
            Reason::Domestic => {
                "the destination is the product's source country: not an export".to_owned()
            }
            Reason::SellerExcludedCountry if zh => "卖家已排除该国家/地区".to_owned(),
            Reason::SellerExcludedCountry => "the seller excluded this country".to_owned(),
            Reason::SellerExcludedProduct { scope } => match (scope, zh) {
                (ExclusionScope::Everywhere, true) => "卖家已从所有国家/地区排除该商品".to_owned(),
                (ExclusionScope::Everywhere, false) => {
                    "the seller excluded this product from every country".to_owned()
                }
                (ExclusionScope::ThisCountry, true) => "卖家已从该国家/地区排除该商品".to_owned(),
                (ExclusionScope::ThisCountry, false) => {
                    "the seller excluded this product from this country".to_owned()
                }
            },
        }
    }
}

/// Why an answer is pending: neither eligible nor ineligible yet.
///
/// # Example
///
/// ```
/// use crossborder::PendingReason;
/// assert_eq!(serde_json::to_string(&PendingReason::NotYetProcessed)?, r#""not_yet_processed""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PendingReason {
    /// The product's review is pending (FBA Export's "ASINs not yet
    /// processed").
    NotYetProcessed,
    /// Dimensions or weight are missing, so the size tier cannot be told,
    /// and nothing else rules the product out.
    SizeUnknown,
}

impl PendingReason {
    /// The reason in words.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Language, PendingReason};
    /// assert_eq!(PendingReason::NotYetProcessed.message(Language::English), "not yet processed: awaiting eligibility review");
    /// ```
    pub fn message(&self, language: Language) -> &'static str {
        match (self, language) {
            (PendingReason::NotYetProcessed, Language::Chinese) => "尚未处理：等待资格审核",
            (PendingReason::NotYetProcessed, _) => "not yet processed: awaiting eligibility review",
            (PendingReason::SizeUnknown, Language::Chinese) => {
                "缺少尺寸或重量，无法判断是否为标准尺寸"
            }
            (PendingReason::SizeUnknown, _) => {
                "dimensions or weight missing: the size tier cannot be told"
            }
        }
    }
}

/// The answer for one product and one destination.
///
/// Serde: tagged by `"status"`: `{"status":"eligible"}`,
/// `{"status":"not_eligible","reasons":[...]}`,
/// `{"status":"pending","reasons":[...]}`.
///
/// # Example
///
/// ```
/// use crossborder::{Decision, EligibilityStatus, PendingReason};
/// let d = Decision::Pending { reasons: vec![PendingReason::NotYetProcessed] };
/// assert_eq!(d.status(), EligibilityStatus::Pending);
/// assert_eq!(serde_json::to_string(&d)?, r#"{"status":"pending","reasons":["not_yet_processed"]}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "status",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Decision {
    /// The product may go there.
    Eligible,
    /// The product may not go there, for every one of these reasons.
    NotEligible {
        /// Every reason, in a fixed order: not served, domestic, export,
        /// import, transport, seller exclusions.
        reasons: Vec<Reason>,
    },
    /// Not yet known.
    Pending {
        /// Why.
        reasons: Vec<PendingReason>,
    },
}

impl Decision {
    /// The status without reasons.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Decision, EligibilityStatus};
    /// assert_eq!(Decision::Eligible.status(), EligibilityStatus::Eligible);
    /// ```
    pub fn status(&self) -> EligibilityStatus {
        match self {
            Decision::Eligible => EligibilityStatus::Eligible,
            Decision::NotEligible { .. } => EligibilityStatus::NotEligible,
            Decision::Pending { .. } => EligibilityStatus::Pending,
        }
    }
}

/// The fast path's answer: the status of a [`Decision`] without its reasons.
///
/// # Example
///
/// ```
/// use crossborder::EligibilityStatus;
/// assert_eq!(serde_json::to_string(&EligibilityStatus::NotEligible)?, r#""not_eligible""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EligibilityStatus {
    /// May go.
    Eligible,
    /// May not go.
    NotEligible,
    /// Not yet known.
    Pending,
}

/// One product against every destination, as three disjoint sets that cover
/// every country.
///
/// # Example
///
/// ```
/// use crossborder::{CountrySet, DestinationSplit};
/// let s = DestinationSplit {
///     eligible: CountrySet::new(),
///     pending: CountrySet::new(),
///     not_eligible: CountrySet::all(),
/// };
/// assert!(s.eligible.is_empty());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DestinationSplit {
    /// Where the product may go.
    pub eligible: CountrySet,
    /// Where the answer is pending.
    pub pending: CountrySet,
    /// Where it may not go (countries not served included).
    pub not_eligible: CountrySet,
}

/// Destinations that share the same reasons.
///
/// # Example
///
/// ```
/// use crossborder::{Country, CountrySet, DestinationGroup, Reason};
/// let g = DestinationGroup { countries: CountrySet::of(&[Country::CA]), reasons: vec![Reason::SellerExcludedCountry] };
/// assert_eq!(g.countries.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DestinationGroup<R> {
    /// The destinations.
    pub countries: CountrySet,
    /// Their shared reasons.
    pub reasons: Vec<R>,
}

/// One line of the exportable inventory report: the destinations a product
/// may go to, those pending, and the reasons for the rest (destinations with
/// identical reasons grouped, groups in order of their first country).
/// The report covers the destinations served other than the product's own
/// origin: countries not served and the origin appear in no list.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Country, Eligibility, Policy, ProductFacts, ProductId, SellerExclusions};
/// let policy = Policy::fba_export_default();
/// let ex = SellerExclusions::new();
/// let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
/// let p = ProductFacts::new(ProductId::new("MUG")?, Country::US)
///     .with_dimensions("5 x 4 x 4 in".parse()?)
///     .with_weight("1 lb".parse()?);
/// let line = e.product_report(&p);
/// assert!(line.eligible.contains(Country::CA));
/// assert!(!line.eligible.contains(Country::US));
/// assert!(line.not_eligible.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductReport {
    /// The product.
    pub product: ProductId,
    /// Destinations it may go to.
    pub eligible: CountrySet,
    /// Destinations pending, grouped by reasons.
    pub pending: Vec<DestinationGroup<PendingReason>>,
    /// Served destinations it may not go to, grouped by reasons.
    pub not_eligible: Vec<DestinationGroup<Reason>>,
}

/// The exportable inventory report: one [`ProductReport`] per product, in
/// the order given, as of a date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Eligibility, Policy, SellerExclusions};
/// let policy = Policy::fba_export_default();
/// let ex = SellerExclusions::new();
/// let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
/// let report = e.inventory_report(&[]);
/// assert!(report.products.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InventoryReport {
    /// The date the rules were read as of.
    pub as_of: NaiveDate,
    /// One line per product.
    pub products: Vec<ProductReport>,
}

/// Why a product may not use International Multi-Channel Fulfillment to a
/// destination.
///
/// # Example
///
/// ```
/// use crossborder::ImcfReason;
/// assert_eq!(serde_json::to_string(&ImcfReason::NotMedia)?, r#"{"imcf":"not_media"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "imcf",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ImcfReason {
    /// Only books, music, video and DVD (BMVD) may use it.
    NotMedia,
    /// The product is not FBA Export-eligible there.
    NotExportEligible(Reason),
}

/// The International Multi-Channel Fulfillment answer for one product and one
/// destination: books, music, video and DVD only, and only where the product
/// is export-eligible.
///
/// # Example
///
/// ```
/// use crossborder::{ImcfDecision, ImcfReason};
/// let d = ImcfDecision::NotEligible { reasons: vec![ImcfReason::NotMedia] };
/// assert_eq!(serde_json::to_string(&d)?, r#"{"status":"not_eligible","reasons":[{"imcf":"not_media"}]}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "status",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ImcfDecision {
    /// It may.
    Eligible,
    /// It may not, for these reasons.
    NotEligible {
        /// Every reason.
        reasons: Vec<ImcfReason>,
    },
    /// The product is media but its export answer is pending.
    Pending {
        /// Why.
        reasons: Vec<PendingReason>,
    },
}

/// Import restrictions compiled for one origin: the restricted-class mask of
/// each destination, and the destinations restricting each class.
#[derive(Clone, Debug)]
struct Routes {
    by_dest: Vec<u64>,
    by_class: Vec<CountrySet>,
}

/// A product as the fast path needs it: its class mask and the facts that
/// decide pending answers, computed once by [`Eligibility::profile`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Country, EligibilityStatus, Eligibility, HsCode, Policy, ProductFacts, ProductId, SellerExclusions};
/// let policy = Policy::fba_export_default();
/// let ex = SellerExclusions::new();
/// let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
/// let laser = ProductFacts::new(ProductId::new("LASER")?, Country::US).with_hs_code(HsCode::parse("901320")?);
/// let profile = e.profile(&laser);
/// assert_eq!(e.status(&profile, Country::CA), EligibilityStatus::NotEligible);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ProductProfile<'p> {
    id: &'p str,
    origin: Country,
    mask: u64,
    routes: usize,
    review: ReviewStatus,
    size_unknown: bool,
}

impl ProductProfile<'_> {
    /// The product's classes.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Eligibility, HsCode, Policy, ProductFacts, ProductId, RestrictionClass, SellerExclusions};
    /// let policy = Policy::fba_export_default();
    /// let ex = SellerExclusions::new();
    /// let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    /// let p = ProductFacts::new(ProductId::new("W")?, Country::US).with_hs_code(HsCode::parse("220421")?);
    /// assert_eq!(e.profile(&p).classes(), vec![RestrictionClass::Alcohol]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn classes(&self) -> Vec<RestrictionClass> {
        classes_of(self.mask).collect()
    }
}

/// The eligibility engine: a [`Policy`] read as of one date, with a seller's
/// [`SellerExclusions`]. Building it compiles the rules in force into class
/// masks and country bitsets; every answer after that is pure.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Country, Decision, Eligibility, HsCode, MediaKind, Policy, ProductFacts, ProductId, SellerExclusions};
///
/// let policy = Policy::fba_export_default();
/// let exclusions = SellerExclusions::new();
/// let e = Eligibility::new(&policy, &exclusions, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
/// let dvd = ProductFacts::new(ProductId::new("DVD-1")?, Country::US)
///     .with_media(MediaKind::Dvd)
///     .with_dimensions("7.5 x 5.3 x 0.6 in".parse()?)
///     .with_weight("0.25 lb".parse()?);
/// assert_eq!(e.check(&dvd, Country::CA), Decision::Eligible);
/// let book = dvd.clone().with_media(MediaKind::Book);
/// assert!(matches!(e.check(&book, Country::CA), Decision::NotEligible { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Eligibility<'a> {
    policy: &'a Policy,
    exclusions: &'a SellerExclusions,
    as_of: NaiveDate,
    export_mask: u64,
    transport_mask: u64,
    export_rule: [u32; N_CLASSES],
    transport_rule: [u32; N_CLASSES],
    served: CountrySet,
    hs_by_chapter: Vec<Vec<u32>>,
    /// Size rules in force, with their limits in sorted millimetres.
    sizes: Vec<(u32, Option<[Decimal; 3]>)>,
    routes_default: Routes,
    routes_by_origin: Vec<(Country, Routes)>,
}

const NO_RULE: u32 = u32::MAX;

impl<'a> Eligibility<'a> {
    /// Compiles the policy's rules in force on `as_of`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Eligibility, Policy, SellerExclusions};
    /// let policy = Policy::fba_export_default();
    /// let ex = SellerExclusions::new();
    /// let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    /// assert_eq!(e.as_of(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    /// ```
    pub fn new(policy: &'a Policy, exclusions: &'a SellerExclusions, as_of: NaiveDate) -> Self {
        let mut export_mask = 0;
        let mut export_rule = [NO_RULE; N_CLASSES];
        for (i, r) in policy.export.iter().enumerate() {
            if r.effective.contains(as_of) {
                export_mask |= r.class.bit();
                let slot = &mut export_rule[r.class as usize];
                if *slot == NO_RULE {
                    *slot = i as u32;
                }
            }
        }
        let mut transport_mask = 0;
        let mut transport_rule = [NO_RULE; N_CLASSES];
        for (i, r) in policy.transport.iter().enumerate() {
            if r.effective.contains(as_of) {
                transport_mask |= r.class.bit();
                let slot = &mut transport_rule[r.class as usize];
                if *slot == NO_RULE {
                    *slot = i as u32;
                }
            }
        }
        let served = policy
            .served
            .iter()
            .filter(|r| r.effective.contains(as_of))
            .fold(CountrySet::new(), |acc, r| acc.union(r.countries));
        let mut hs_by_chapter = vec![Vec::new(); 100];
        for (i, r) in policy.hs_table.iter().enumerate() {
            if r.effective.contains(as_of) {
                let ch = chapter_of(r.prefix.as_str());
                if let Some(v) = hs_by_chapter.get_mut(ch) {
                    v.push(i as u32);
                }
            }
        }
        let sizes = policy
            .standard_size
            .iter()
            .enumerate()
            .filter(|(_, r)| r.effective.contains(as_of))
            .map(|(i, r)| (i as u32, mm_sorted(&r.max_sides)))
            .collect();
        let mut origins: Vec<Country> = policy
            .import
            .rules
            .iter()
            .filter(|r| r.effective.contains(as_of))
            .filter_map(|r| r.origin)
            .collect();
        origins.sort();
        origins.dedup();
        let routes_default = compile_routes(policy, as_of, None);
        let routes_by_origin = origins
            .into_iter()
            .map(|o| (o, compile_routes(policy, as_of, Some(o))))
            .collect();
        Eligibility {
            policy,
            exclusions,
            as_of,
            export_mask,
            transport_mask,
            export_rule,
            transport_rule,
            served,
            hs_by_chapter,
            sizes,
            routes_default,
            routes_by_origin,
        }
    }

    /// The date the rules are read as of.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Eligibility, Policy, SellerExclusions};
    /// let (p, x) = (Policy::empty(), SellerExclusions::new());
    /// let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// assert_eq!(Eligibility::new(&p, &x, d).as_of(), d);
    /// ```
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The countries served on the as-of date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Eligibility, Policy, SellerExclusions};
    /// let (p, x) = (Policy::fba_export_default(), SellerExclusions::new());
    /// let e = Eligibility::new(&p, &x, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert!(e.served().contains(Country::CA));
    /// ```
    pub fn served(&self) -> CountrySet {
        self.served
    }

    /// The product's class mask and the facts the fast path needs.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Eligibility, Policy, ProductAttribute, ProductFacts, ProductId, RestrictionClass, SellerExclusions};
    /// let (p, x) = (Policy::fba_export_default(), SellerExclusions::new());
    /// let e = Eligibility::new(&p, &x, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let f = ProductFacts::new(ProductId::new("A")?, Country::US).with_attribute(ProductAttribute::Adult);
    /// assert!(e.profile(&f).classes().contains(&RestrictionClass::AdultProducts));
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    pub fn profile<'p>(&self, facts: &'p ProductFacts) -> ProductProfile<'p> {
        let mut mask = 0u64;
        self.for_each_class(facts, |c, _| mask |= c.bit());
        let size_unknown = (facts.dimensions.is_none() || facts.weight.is_none())
            && !self.sizes.is_empty()
            && self.transport_mask & RestrictionClass::Oversize.bit() != 0;
        let routes = self
            .routes_by_origin
            .iter()
            .position(|(o, _)| *o == facts.origin)
            .unwrap_or(usize::MAX);
        ProductProfile {
            id: facts.id.as_str(),
            origin: facts.origin,
            mask,
            routes,
            review: facts.review,
            size_unknown,
        }
    }

    fn routes(&self, index: usize) -> &Routes {
        self.routes_by_origin
            .get(index)
            .map(|(_, r)| r)
            .unwrap_or(&self.routes_default)
    }

    /// Calls `f` for every class of the product with where it comes from
    /// (built lazily: the closure gets a thunk-free source only when needed).
    fn for_each_class(
        &self,
        facts: &ProductFacts,
        mut f: impl FnMut(RestrictionClass, &dyn Fn() -> ClassSource),
    ) {
        match &facts.explicit_classes {
            Some(classes) => {
                for c in classes {
                    f(*c, &|| ClassSource::Explicit);
                }
            }
            None => {
                if let Some(code) = facts.hs_code {
                    let ch = code.chapter_number() as usize;
                    for &i in self.hs_by_chapter.get(ch).map(Vec::as_slice).unwrap_or(&[]) {
                        if let Some(row) = self.policy.hs_table.get(i as usize)
                            && row.prefix.matches(&code)
                        {
                            f(row.class, &|| ClassSource::HsTable {
                                code,
                                prefix: row.prefix,
                                rule: RuleList::HsTable.pointer(i as usize),
                                source: row.source.clone(),
                            });
                        }
                    }
                }
            }
        }
        for a in &facts.attributes {
            let attribute = *a;
            f(a.class(), &|| ClassSource::Attribute { attribute });
        }
        if let Some(c) = facts.media.class() {
            let media = facts.media;
            f(c, &|| ClassSource::Media { media });
        }
        if let (Some(d), Some(w)) = (&facts.dimensions, &facts.weight) {
            let unit_mm = if self.sizes.is_empty() {
                None
            } else {
                mm_sorted(d)
            };
            for &(i, max_mm) in &self.sizes {
                if let Some(rule) = self.policy.standard_size.get(i as usize)
                    && !rule.is_standard_mm(max_mm, unit_mm, w)
                {
                    f(RestrictionClass::Oversize, &|| ClassSource::Size {
                        rule: RuleList::StandardSize.pointer(i as usize),
                        source: rule.source.clone(),
                    });
                    break;
                }
            }
        }
    }

    /// The fast path for one product and one destination: the status only.
    /// Agrees with [`Eligibility::check`]'s status.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, EligibilityStatus, Eligibility, Policy, ProductFacts, ProductId, SellerExclusions};
    /// let (p, x) = (Policy::fba_export_default(), SellerExclusions::new());
    /// let e = Eligibility::new(&p, &x, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let f = ProductFacts::new(ProductId::new("A")?, Country::US)
    ///     .with_dimensions("5 x 4 x 4 in".parse()?)
    ///     .with_weight("1 lb".parse()?);
    /// assert_eq!(e.status(&e.profile(&f), Country::DE), EligibilityStatus::Eligible);
    /// assert_eq!(e.status(&e.profile(&f), Country::US), EligibilityStatus::NotEligible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn status(&self, product: &ProductProfile<'_>, destination: Country) -> EligibilityStatus {
        let Some(d) = dense_index(destination) else {
            return EligibilityStatus::NotEligible;
        };
        if !self.served.contains_index(d) || destination == product.origin {
            return EligibilityStatus::NotEligible;
        }
        if product.review == ReviewStatus::Pending {
            return EligibilityStatus::Pending;
        }
        if product.mask & (self.export_mask | self.transport_mask) != 0
            || self
                .routes(product.routes)
                .by_dest
                .get(d)
                .is_some_and(|m| m & product.mask != 0)
            || self.exclusions.check(product.id, destination) != ExclusionCheck::NotExcluded
        {
            return EligibilityStatus::NotEligible;
        }
        if product.size_unknown {
            return EligibilityStatus::Pending;
        }
        EligibilityStatus::Eligible
    }

    /// The fast path for one product and every destination at once, with
    /// bitsets: one OR per restricted class and one exclusion look-up.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Eligibility, Policy, ProductFacts, ProductId, SellerExclusions};
    /// let (p, x) = (Policy::fba_export_default(), SellerExclusions::new());
    /// let e = Eligibility::new(&p, &x, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let f = ProductFacts::new(ProductId::new("A")?, Country::US)
    ///     .with_dimensions("5 x 4 x 4 in".parse()?)
    ///     .with_weight("1 lb".parse()?);
    /// let split = e.destinations(&e.profile(&f));
    /// assert_eq!(split.eligible, e.served().difference(crossborder::CountrySet::of(&[Country::US])));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn destinations(&self, product: &ProductProfile<'_>) -> DestinationSplit {
        let mut open = self.served;
        open.remove(product.origin);
        if product.review == ReviewStatus::Pending {
            return DestinationSplit {
                eligible: CountrySet::new(),
                pending: open,
                not_eligible: CountrySet::all().difference(open),
            };
        }
        let ok = if product.mask & (self.export_mask | self.transport_mask) != 0 {
            CountrySet::new()
        } else {
            let routes = self.routes(product.routes);
            let mut blocked = self
                .exclusions
                .excluded_countries()
                .union(self.exclusions.product_exclusions(product.id));
            let mut m = product.mask;
            while m != 0 {
                let c = m.trailing_zeros() as usize;
                m &= m - 1;
                if let Some(set) = routes.by_class.get(c) {
                    blocked = blocked.union(*set);
                }
            }
            open.difference(blocked)
        };
        let (eligible, pending) = if product.size_unknown {
            (CountrySet::new(), ok)
        } else {
            (ok, CountrySet::new())
        };
        DestinationSplit {
            eligible,
            pending,
            not_eligible: CountrySet::all().difference(ok),
        }
    }

    /// The answer for one product and one destination, with every reason.
    ///
    /// - [`Decision::NotEligible`], with every reason in a fixed order (not
    ///   served, domestic, export, import, transport, seller exclusions),
    ///   when anything rules the product out there.
    /// - [`Decision::Pending`] when the answer is not known yet: the
    ///   product's review is pending ([`PendingReason::NotYetProcessed`]),
    ///   or its **size is unknown**. A product without dimensions or without
    ///   a weight that nothing else rules out is *pending (size unknown)*
    ///   ([`PendingReason::SizeUnknown`]), not eligible, because the
    ///   standard-size tier cannot be told; this is the most common answer
    ///   for a product record that lacks dimensions. Give both
    ///   ([`ProductFacts::with_dimensions`], [`ProductFacts::with_weight`])
    ///   to get eligible or not. A restriction that does not depend on size
    ///   still makes the product not eligible.
    /// - [`Decision::Eligible`] otherwise.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Decision, Eligibility, HsCode, PendingReason, Policy, ProductFacts, ProductId, Reason, RestrictionKind, SellerExclusions};
    /// let (p, x) = (Policy::fba_export_default(), SellerExclusions::new());
    /// let e = Eligibility::new(&p, &x, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let laser = ProductFacts::new(ProductId::new("L")?, Country::US).with_hs_code(HsCode::parse("901320")?);
    /// let Decision::NotEligible { reasons } = e.check(&laser, Country::DE) else { panic!() };
    /// assert!(matches!(&reasons[0], Reason::Restricted(r) if r.kind == RestrictionKind::Export));
    ///
    /// // A mug without dimensions: pending (size unknown) until they are given.
    /// let mug = ProductFacts::new(ProductId::new("MUG")?, Country::US).with_hs_code(HsCode::parse("691200")?);
    /// assert_eq!(e.check(&mug, Country::DE), Decision::Pending { reasons: vec![PendingReason::SizeUnknown] });
    /// let mug = mug.with_dimensions("5 x 4 x 4 in".parse()?).with_weight("1 lb".parse()?);
    /// assert_eq!(e.check(&mug, Country::DE), Decision::Eligible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(&self, facts: &ProductFacts, destination: Country) -> Decision {
        let profile = self.profile(facts);
        self.explain(facts, &profile, destination)
    }

    fn explain(
        &self,
        facts: &ProductFacts,
        profile: &ProductProfile<'_>,
        destination: Country,
    ) -> Decision {
        let mut reasons = Vec::new();
        let dense = dense_index(destination);
        if !dense.is_some_and(|d| self.served.contains_index(d)) {
            reasons.push(Reason::NotServed);
        }
        if destination == facts.origin {
            reasons.push(Reason::Domestic);
        }
        if facts.review == ReviewStatus::Pending {
            // Not yet processed: only the destination itself can rule it out.
            if !reasons.is_empty() {
                return Decision::NotEligible { reasons };
            }
            return Decision::Pending {
                reasons: vec![PendingReason::NotYetProcessed],
            };
        }
        let mut export = Vec::new();
        let mut import = Vec::new();
        let mut transport = Vec::new();
        let routes = self.routes(profile.routes);
        let mut seen = 0u64;
        self.for_each_class(facts, |class, source| {
            let bit = class.bit();
            if seen & bit != 0 {
                return;
            }
            let c = class as usize;
            if self.export_mask & bit != 0 {
                seen |= bit;
                let i = self.export_rule[c] as usize;
                export.push(self.restriction(RestrictionKind::Export, class, source(), i));
            } else if self.transport_mask & bit != 0 {
                seen |= bit;
                let i = self.transport_rule[c] as usize;
                transport.push(self.restriction(RestrictionKind::Transport, class, source(), i));
            } else if dense.is_some_and(|d| routes.by_dest.get(d).is_some_and(|m| m & bit != 0)) {
                seen |= bit;
                let (rule, src) = self.import_rule(class, facts.origin, destination);
                import.push(Reason::Restricted(Restriction {
                    kind: RestrictionKind::Import,
                    class,
                    class_from: source(),
                    rule,
                    source: src,
                }));
            }
        });
        reasons.extend(export);
        reasons.extend(import);
        reasons.extend(transport);
        if self.exclusions.excluded_countries().contains(destination) {
            reasons.push(Reason::SellerExcludedCountry);
        }
        match self.exclusions.check(facts.id.as_str(), destination) {
            ExclusionCheck::ProductExcludedEverywhere => {
                reasons.push(Reason::SellerExcludedProduct {
                    scope: ExclusionScope::Everywhere,
                })
            }
            ExclusionCheck::ProductExcludedThere => reasons.push(Reason::SellerExcludedProduct {
                scope: ExclusionScope::ThisCountry,
            }),
            ExclusionCheck::CountryExcluded => {
                // Country reported above; the product may also be excluded.
                if self.exclusions.is_excluded_everywhere(facts.id.as_str()) {
                    reasons.push(Reason::SellerExcludedProduct {
                        scope: ExclusionScope::Everywhere,
                    });
                } else if self
                    .exclusions
                    .product_exclusions(facts.id.as_str())
                    .contains(destination)
                {
                    reasons.push(Reason::SellerExcludedProduct {
                        scope: ExclusionScope::ThisCountry,
                    });
                }
            }
            ExclusionCheck::NotExcluded => {}
        }
        if !reasons.is_empty() {
            return Decision::NotEligible { reasons };
        }
        if profile.size_unknown {
            return Decision::Pending {
                reasons: vec![PendingReason::SizeUnknown],
            };
        }
        Decision::Eligible
    }

    fn restriction(
        &self,
        kind: RestrictionKind,
        class: RestrictionClass,
        class_from: ClassSource,
        index: usize,
    ) -> Reason {
        let (list, rules) = if kind == RestrictionKind::Export {
            (RuleList::Export, &self.policy.export)
        } else {
            (RuleList::Transport, &self.policy.transport)
        };
        Reason::Restricted(Restriction {
            kind,
            class,
            class_from,
            rule: list.pointer(index),
            source: rules
                .get(index)
                .map(|r| r.source.clone())
                .unwrap_or_default(),
        })
    }

    /// The import rule that restricts `class` on this route (the resolution
    /// of [`super::policy::ImportRule`]).
    fn import_rule(
        &self,
        class: RestrictionClass,
        origin: Country,
        destination: Country,
    ) -> (JsonPointer, String) {
        let best = best_import_rule(
            self.policy,
            self.as_of,
            class,
            Some(origin),
            destination,
            |o| self.routes_by_origin.iter().any(|(x, _)| *x == o),
        );
        if let Some(i) = best {
            let src = self
                .policy
                .import
                .rules
                .get(i)
                .map(|r| r.source.clone())
                .unwrap_or_default();
            return (RuleList::ImportRules.pointer(i), src);
        }
        let i = self
            .policy
            .import
            .restricted_by_default
            .iter()
            .position(|r| r.class == class && r.effective.contains(self.as_of))
            .unwrap_or(0);
        let src = self
            .policy
            .import
            .restricted_by_default
            .get(i)
            .map(|r| r.source.clone())
            .unwrap_or_default();
        (RuleList::ImportDefault.pointer(i), src)
    }

    /// The exportable-inventory line of one product.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Eligibility, Policy, ProductFacts, ProductId, ReviewStatus, SellerExclusions};
    /// let (p, x) = (Policy::fba_export_default(), SellerExclusions::new());
    /// let e = Eligibility::new(&p, &x, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let f = ProductFacts::new(ProductId::new("NEW")?, Country::US).with_review(ReviewStatus::Pending);
    /// let line = e.product_report(&f);
    /// assert!(line.eligible.is_empty());
    /// assert_eq!(line.pending.len(), 1);
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    pub fn product_report(&self, facts: &ProductFacts) -> ProductReport {
        let profile = self.profile(facts);
        let split = self.destinations(&profile);
        let mut pending: Vec<DestinationGroup<PendingReason>> = Vec::new();
        let mut not_eligible: Vec<DestinationGroup<Reason>> = Vec::new();
        let mut candidates = self.served;
        candidates.remove(facts.origin);
        for country in candidates.difference(split.eligible).iter() {
            match self.explain(facts, &profile, country) {
                Decision::Eligible => {}
                Decision::Pending { reasons } => add_to_group(&mut pending, country, reasons),
                Decision::NotEligible { reasons } => {
                    add_to_group(&mut not_eligible, country, reasons)
                }
            }
        }
        ProductReport {
            product: facts.id.clone(),
            eligible: split.eligible,
            pending,
            not_eligible,
        }
    }

    /// The exportable inventory report of a whole inventory.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Eligibility, Policy, ProductFacts, ProductId, SellerExclusions};
    /// let (p, x) = (Policy::fba_export_default(), SellerExclusions::new());
    /// let e = Eligibility::new(&p, &x, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let inv = vec![ProductFacts::new(ProductId::new("A")?, Country::US)];
    /// assert_eq!(e.inventory_report(&inv).products.len(), 1);
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    pub fn inventory_report(&self, inventory: &[ProductFacts]) -> InventoryReport {
        InventoryReport {
            as_of: self.as_of,
            products: inventory.iter().map(|f| self.product_report(f)).collect(),
        }
    }

    /// International Multi-Channel Fulfillment for one product and one
    /// destination: books, music, video and DVD (BMVD) only (by media kind,
    /// explicit class or HS table), wherever the product is export-eligible.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Eligibility, ImcfDecision, ImcfReason, MediaKind, Policy, ProductFacts, ProductId, SellerExclusions};
    /// let (p, x) = (Policy::fba_export_default(), SellerExclusions::new());
    /// let e = Eligibility::new(&p, &x, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// let mug = ProductFacts::new(ProductId::new("MUG")?, Country::US)
    ///     .with_dimensions("5 x 4 x 4 in".parse()?)
    ///     .with_weight("1 lb".parse()?);
    /// assert_eq!(e.imcf(&mug, Country::DE), ImcfDecision::NotEligible { reasons: vec![ImcfReason::NotMedia] });
    /// let book = mug.clone().with_media(MediaKind::Book);
    /// assert_eq!(e.imcf(&book, Country::GB), ImcfDecision::Eligible);
    /// // Books may not go from the US to Canada, so neither may IMCF take them there.
    /// assert!(matches!(e.imcf(&book, Country::CA), ImcfDecision::NotEligible { .. }));
    /// let dvd = mug.clone().with_media(MediaKind::Dvd);
    /// assert_eq!(e.imcf(&dvd, Country::CA), ImcfDecision::Eligible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn imcf(&self, facts: &ProductFacts, destination: Country) -> ImcfDecision {
        let profile = self.profile(facts);
        let media = RestrictionClass::Books.bit() | RestrictionClass::MusicVideoDvd.bit();
        let mut reasons = Vec::new();
        if profile.mask & media == 0 {
            reasons.push(ImcfReason::NotMedia);
        }
        match self.explain(facts, &profile, destination) {
            Decision::Eligible => {}
            Decision::NotEligible { reasons: r } => {
                reasons.extend(r.into_iter().map(ImcfReason::NotExportEligible));
            }
            Decision::Pending { reasons: p } => {
                if reasons.is_empty() {
                    return ImcfDecision::Pending { reasons: p };
                }
            }
        }
        if reasons.is_empty() {
            ImcfDecision::Eligible
        } else {
            ImcfDecision::NotEligible { reasons }
        }
    }
}

fn add_to_group<R: PartialEq>(
    groups: &mut Vec<DestinationGroup<R>>,
    country: Country,
    reasons: Vec<R>,
) {
    if let Some(g) = groups.iter_mut().find(|g| g.reasons == reasons) {
        g.countries.insert(country);
    } else {
        groups.push(DestinationGroup {
            countries: CountrySet::of(&[country]),
            reasons,
        });
    }
}

fn chapter_of(prefix: &str) -> usize {
    prefix
        .get(..2)
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(0)
}

/// The winning import rule for (class, origin, destination): rules naming
/// the origin beat rules naming none; among equals, `restricted` beats
/// `allowed`, then the earlier rule. `origin_named` says whether any rule in
/// force names this origin (when none does, only origin-free rules apply).
fn best_import_rule(
    policy: &Policy,
    as_of: NaiveDate,
    class: RestrictionClass,
    origin: Option<Country>,
    destination: Country,
    origin_named: impl Fn(Country) -> bool,
) -> Option<usize> {
    let origin = origin.filter(|o| origin_named(*o));
    let mut best: Option<(u8, u8, usize)> = None;
    for (i, r) in policy.import.rules.iter().enumerate() {
        if r.class != class || r.destination != destination || !r.effective.contains(as_of) {
            continue;
        }
        let spec = match (r.origin, origin) {
            (None, _) => 0,
            (Some(a), Some(b)) if a == b => 1,
            _ => continue,
        };
        let restr = u8::from(r.treatment == ImportTreatment::Restricted);
        if best.is_none_or(|(s, t, _)| (spec, restr) > (s, t)) {
            best = Some((spec, restr, i));
        }
    }
    best.map(|(_, _, i)| i)
}

fn compile_routes(policy: &Policy, as_of: NaiveDate, origin: Option<Country>) -> Routes {
    let default_mask = policy
        .import
        .restricted_by_default
        .iter()
        .filter(|r| r.effective.contains(as_of))
        .fold(0u64, |m, r| m | r.class.bit());
    let mut by_dest = vec![default_mask; N_COUNTRIES];
    // (destination, class) -> (specificity, restricted), the best rule so far.
    let mut best: BTreeMap<(usize, usize), (u8, u8)> = BTreeMap::new();
    for r in &policy.import.rules {
        if !r.effective.contains(as_of) {
            continue;
        }
        let spec = match (r.origin, origin) {
            (None, _) => 0,
            (Some(a), Some(b)) if a == b => 1,
            _ => continue,
        };
        let Some(d) = dense_index(r.destination) else {
            continue;
        };
        let restr = u8::from(r.treatment == ImportTreatment::Restricted);
        let e = best.entry((d, r.class as usize)).or_insert((spec, restr));
        if (spec, restr) > *e {
            *e = (spec, restr);
        }
    }
    for ((d, c), (_, restr)) in best {
        if let Some(m) = by_dest.get_mut(d) {
            if restr == 1 {
                *m |= 1u64 << c;
            } else {
                *m &= !(1u64 << c);
            }
        }
    }
    let mut by_class = vec![CountrySet::new(); N_CLASSES];
    for (d, m) in by_dest.iter().enumerate() {
        let mut bits = *m;
        while bits != 0 {
            let c = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let (Some(set), Some(country)) =
                (by_class.get_mut(c), super::country_set::country_at(d))
            {
                set.insert(country);
            }
        }
    }
    Routes { by_dest, by_class }
}
