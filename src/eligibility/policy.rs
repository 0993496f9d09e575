//! The eligibility policy as data: export-, import- and transport-restricted
//! classes, the standard-size tier, the HS-to-class table and the countries
//! served, each rule with its dates in force and its source.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use iso_currency::Country;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::class::RestrictionClass;
use super::country_set::CountrySet;
use crate::macros::closed_enum;
use crate::{Dimensions, HsCode, JsonPointer, LengthUnit, MassUnit, Weight};

/// The dates a rule is in force: from `from` (inclusive) to `to` (inclusive,
/// the last day in force). Either end may be open: no `from` means the rule
/// applies at any date before `to` (its start is not known, or it has always
/// held), no `to` means it has not ended.
///
/// Serde: `{"from": "2024-01-01", "to": "2025-12-31"}`, both optional;
/// `{}` is in force at every date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::Effective;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let e = Effective::between(d(2024, 1, 1), d(2024, 12, 31))?;
/// assert!(e.contains(d(2024, 12, 31)));
/// assert!(!e.contains(d(2025, 1, 1)));
/// assert!(Effective::since(d(2024, 1, 1)).contains(d(2099, 1, 1)));
/// assert!(Effective::always().contains(d(1990, 1, 1)));
/// assert!(Effective::between(d(2024, 2, 1), d(2024, 1, 1)).is_err());
/// assert_eq!(serde_json::to_string(&Effective::always())?, "{}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawEffective")]
pub struct Effective {
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEffective {
    #[serde(default)]
    from: Option<NaiveDate>,
    #[serde(default)]
    to: Option<NaiveDate>,
}

impl TryFrom<RawEffective> for Effective {
    type Error = EffectiveError;

    fn try_from(r: RawEffective) -> Result<Self, Self::Error> {
        match (r.from, r.to) {
            (Some(from), Some(to)) => Effective::between(from, to),
            (Some(from), None) => Ok(Effective::since(from)),
            (None, Some(to)) => Ok(Effective::until(to)),
            (None, None) => Ok(Effective::always()),
        }
    }
}

/// A period whose last day comes before its first.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::Effective;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let err = Effective::between(d(2024, 2, 1), d(2024, 1, 1)).unwrap_err();
/// assert_eq!(err.to_string(), "invalid period 2024-02-01 to 2024-01-01: it ends before it starts");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EffectiveError {
    /// `to` is before `from`.
    #[error("invalid period {from} to {to}: it ends before it starts")]
    EndsBeforeStart {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
}

impl Effective {
    /// In force at every date: no known start, no end. The default policy's
    /// rules use it (their sources give no date they took effect).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Effective;
    /// assert_eq!(Effective::always().from(), None);
    /// assert!(Effective::always().contains(NaiveDate::MIN));
    /// ```
    pub const fn always() -> Effective {
        Effective {
            from: None,
            to: None,
        }
    }

    /// In force from this day on.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Effective;
    /// let from = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    /// assert_eq!(Effective::since(from).from(), Some(from));
    /// ```
    pub const fn since(from: NaiveDate) -> Effective {
        Effective {
            from: Some(from),
            to: None,
        }
    }

    /// In force at any date up to `to`, included (no known start).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Effective;
    /// let last = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    /// let e = Effective::until(last);
    /// assert!(e.contains(NaiveDate::from_ymd_opt(2001, 1, 1).unwrap()));
    /// assert!(!e.contains(last.succ_opt().unwrap()));
    /// ```
    pub const fn until(to: NaiveDate) -> Effective {
        Effective {
            from: None,
            to: Some(to),
        }
    }

    /// In force from `from` to `to`, both included.
    ///
    /// # Errors
    ///
    /// [`EffectiveError::EndsBeforeStart`] when `to` is before `from`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Effective;
    /// let d = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    /// assert_eq!(Effective::between(d, d)?.to(), Some(d));
    /// # Ok::<(), crossborder::EffectiveError>(())
    /// ```
    pub fn between(from: NaiveDate, to: NaiveDate) -> Result<Effective, EffectiveError> {
        if to < from {
            return Err(EffectiveError::EndsBeforeStart { from, to });
        }
        Ok(Effective {
            from: Some(from),
            to: Some(to),
        })
    }

    /// The first day in force, if known (`None`: in force at any date up
    /// to [`Effective::to`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Effective;
    /// let d = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    /// assert_eq!(Effective::since(d).from(), Some(d));
    /// ```
    pub const fn from(&self) -> Option<NaiveDate> {
        self.from
    }

    /// The last day in force, if it ends.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Effective;
    /// assert_eq!(Effective::since(NaiveDate::MIN).to(), None);
    /// ```
    pub const fn to(&self) -> Option<NaiveDate> {
        self.to
    }

    /// Whether the rule is in force on this day.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Effective;
    /// let d = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    /// assert!(!Effective::since(d).contains(d.pred_opt().unwrap()));
    /// assert!(Effective::until(d).contains(d));
    /// ```
    pub fn contains(&self, as_of: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= as_of) && self.to.is_none_or(|to| as_of <= to)
    }
}

/// An HS code prefix for the HS-to-class table: 2 to 12 digits (a chapter
/// `93`, a heading `2203`, a subheading `901320`, or longer). Reads the
/// written forms `2530 90` and `8525.89` as digits.
///
/// # Example
///
/// ```
/// use crossborder::{HsCode, HsPrefix};
/// let p: HsPrefix = "9013 20".parse()?;
/// assert_eq!(p.as_str(), "901320");
/// assert!(p.matches(&HsCode::parse("9013200000")?));
/// assert!(!p.matches(&HsCode::parse("901310")?));
/// assert!("9".parse::<HsPrefix>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HsPrefix {
    digits: [u8; 12],
    len: u8,
}

/// Why text is not an [`HsPrefix`].
///
/// # Example
///
/// ```
/// use crossborder::HsPrefix;
/// let err = "9A".parse::<HsPrefix>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid hs prefix \"9A\": expected 2 to 12 digits");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid hs prefix {input:?}: expected 2 to 12 digits", input = crate::echo(.0))]
pub struct HsPrefixError(String);

impl HsPrefix {
    /// Reads a prefix; dots and spaces between digits are dropped.
    ///
    /// # Errors
    ///
    /// [`HsPrefixError`] for anything but 2 to 12 digits.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsPrefix;
    /// assert_eq!(HsPrefix::parse("85.07.60")?.as_str(), "850760");
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    pub fn parse(text: &str) -> Result<HsPrefix, HsPrefixError> {
        let mut digits = [0u8; 12];
        let mut len = 0usize;
        for b in text.trim().bytes() {
            match b {
                b'0'..=b'9' => {
                    if len == 12 {
                        return Err(HsPrefixError(text.to_owned()));
                    }
                    digits[len] = b;
                    len += 1;
                }
                b'.' | b' ' => {}
                _ => return Err(HsPrefixError(text.to_owned())),
            }
        }
        if len < 2 {
            return Err(HsPrefixError(text.to_owned()));
        }
        Ok(HsPrefix {
            digits,
            len: len as u8,
        })
    }

    /// The digits.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsPrefix;
    /// assert_eq!(HsPrefix::parse("93")?.as_str(), "93");
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits[..self.len as usize]).unwrap_or("")
    }

    /// Whether an HS code starts with this prefix.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, HsPrefix};
    /// assert!(HsPrefix::parse("93")?.matches(&HsCode::parse("930320")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn matches(&self, code: &HsCode) -> bool {
        code.starts_with(self.as_str())
    }

    /// [`HsPrefix::matches`] on a code's ASCII digits, without reading
    /// either as text again: the destination regimes test every item
    /// against every excluded prefix of every rule in scope.
    pub(crate) fn matches_digits(&self, digits: &[u8]) -> bool {
        let p = &self.digits[..usize::from(self.len)];
        p.len() <= digits.len() && p.iter().zip(digits).all(|(a, b)| a == b)
    }
}

impl fmt::Display for HsPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for HsPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HsPrefix({})", self.as_str())
    }
}

impl FromStr for HsPrefix {
    type Err = HsPrefixError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        HsPrefix::parse(s)
    }
}

crate::macros::serde_via_str!(HsPrefix);

/// A class restricted for every destination (an export or transport rule),
/// or restricted by default in every destination (an import rule).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{ClassRule, Effective, RestrictionClass};
/// let rule = ClassRule::new(
///     RestrictionClass::LaserPointers,
///     Effective::since(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
///     "my compliance team",
/// );
/// assert_eq!(rule.source, "my compliance team");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassRule {
    /// The class.
    pub class: RestrictionClass,
    /// When the rule is in force.
    pub effective: Effective,
    /// Where the rule comes from: a regulation, a marketplace's or carrier's
    /// page and its date, a standard, or the caller's own review.
    pub source: String,
}

impl ClassRule {
    /// A rule.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{ClassRule, Effective, RestrictionClass};
    /// let r = ClassRule::new(RestrictionClass::Alcohol, Effective::since(NaiveDate::MIN), "x");
    /// assert_eq!(r.class, RestrictionClass::Alcohol);
    /// ```
    pub fn new(class: RestrictionClass, effective: Effective, source: impl Into<String>) -> Self {
        ClassRule {
            class,
            effective,
            source: source.into(),
        }
    }
}

closed_enum! {
    /// What an [`ImportRule`] says about a class on its route.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ImportTreatment;
    /// assert_eq!("allowed".parse::<ImportTreatment>()?, ImportTreatment::Allowed);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum ImportTreatment("import treatment") {
        /// The destination takes the class.
        Allowed = "allowed",
        /// The destination does not take the class.
        Restricted = "restricted",
    }
}

/// What one destination says about one class, optionally only for goods from
/// one origin (a route rule such as "books may not go from the US to
/// Canada").
///
/// Resolution for a (class, origin, destination) on a date: among the rules in
/// force for that destination and class, those naming the origin beat those
/// naming none; among equals, `restricted` beats `allowed`. With no rule, the
/// class is restricted when it is in
/// [`ImportPolicy::restricted_by_default`], allowed otherwise. The default
/// policy restricts its 15 import classes by default (a class goes to a
/// destination only where a rule allows it); media are not restricted by
/// default, only on the route its rule names (books from the US to Canada).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Country, Effective, ImportRule, ImportTreatment, RestrictionClass};
/// let rule = ImportRule {
///     destination: Country::CA,
///     origin: Some(Country::US),
///     class: RestrictionClass::Books,
///     treatment: ImportTreatment::Restricted,
///     effective: Effective::since(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
///     source: "Amazon FBA Export help page".into(),
/// };
/// assert_eq!(serde_json::from_str::<ImportRule>(&serde_json::to_string(&rule)?)?, rule);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportRule {
    /// The destination country.
    #[serde(with = "crate::country_serde")]
    pub destination: Country,
    /// Only goods from this source country; `None` for goods from anywhere.
    #[serde(default, with = "opt_country", skip_serializing_if = "Option::is_none")]
    pub origin: Option<Country>,
    /// The class.
    pub class: RestrictionClass,
    /// Allowed or restricted.
    pub treatment: ImportTreatment,
    /// When the rule is in force.
    pub effective: Effective,
    /// Where the rule comes from.
    pub source: String,
}

mod opt_country {
    use iso_currency::Country;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(c: &Option<Country>, s: S) -> Result<S::Ok, S::Error> {
        match c {
            Some(c) => s.collect_str(c),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Country>, D::Error> {
        let text = Option::<std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.map(|t| crate::parse_country(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Import restrictions: the classes every destination restricts unless a
/// rule allows them (the conservative default), and the per-destination
/// rules.
///
/// # Example
///
/// ```
/// use crossborder::{Policy, RestrictionClass};
/// let p = Policy::fba_export_default();
/// assert!(p.import.restricted_by_default.iter().any(|r| r.class == RestrictionClass::Alcohol));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ImportPolicy {
    /// Classes restricted in every destination unless an [`ImportRule`]
    /// allows them there (JSON `restrictedByDefault`, may be left out).
    #[serde(default)]
    pub restricted_by_default: Vec<ClassRule>,
    /// Per-destination (and per-route) rules (may be left out).
    #[serde(default)]
    pub rules: Vec<ImportRule>,
}

/// The standard-size tier: a unit is standard-size when it weighs at most
/// `max_weight` and its sides, sorted longest first, are each at most the
/// sorted sides of `max_sides` (longest, median, shortest). Anything else is
/// oversize. Compared exactly, in grams and millimetres.
///
/// # Example
///
/// ```
/// use crossborder::{Policy, Weight};
/// let p = Policy::fba_export_default();
/// assert_eq!(p.standard_size[0].max_weight, "20 lb".parse::<Weight>()?);
/// # Ok::<(), crossborder::MeasureError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SizeRule {
    /// Heaviest standard-size unit.
    pub max_weight: Weight,
    /// Largest standard-size sides (compared sorted).
    pub max_sides: Dimensions,
    /// When the rule is in force.
    pub effective: Effective,
    /// Where the rule comes from.
    pub source: String,
}

impl SizeRule {
    /// Whether a unit of this size and weight is standard-size.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Policy;
    /// let rule = &Policy::fba_export_default().standard_size[0];
    /// assert!(rule.is_standard(&"18 x 14 x 8 in".parse()?, &"20 lb".parse()?));
    /// assert!(!rule.is_standard(&"18.01 x 14 x 8 in".parse()?, &"1 lb".parse()?));
    /// assert!(!rule.is_standard(&"1 x 1 x 1 in".parse()?, &"20.01 lb".parse()?));
    /// assert!(rule.is_standard(&"45.72 x 35.56 x 20.32 cm".parse()?, &"9 kg".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_standard(&self, dimensions: &Dimensions, weight: &Weight) -> bool {
        self.is_standard_mm(mm_sorted(&self.max_sides), mm_sorted(dimensions), weight)
    }

    /// [`SizeRule::is_standard`] with both sizes already in sorted
    /// millimetres (`None`: too large to convert, never standard-size).
    pub(crate) fn is_standard_mm(
        &self,
        max_mm: Option<[Decimal; 3]>,
        unit_mm: Option<[Decimal; 3]>,
        weight: &Weight,
    ) -> bool {
        if *weight > self.max_weight {
            return false;
        }
        let (Some(unit), Some(max)) = (unit_mm, max_mm) else {
            return false;
        };
        unit.iter().zip(max.iter()).all(|(u, m)| u <= m)
    }
}

/// Sides in millimetres, longest first (exact for mm, cm, m and inches).
pub(crate) fn mm_sorted(d: &Dimensions) -> Option<[Decimal; 3]> {
    d.to_unit(LengthUnit::Millimetre)
        .ok()
        .map(|d| d.sorted_sides())
}

/// One row of the HS-to-class table: codes starting with `prefix` are in
/// `class`. A code takes the classes of **every** matching row (not only the
/// longest), so `210690` is both food (`21`) and medicines and supplements
/// (`2106 90`).
///
/// # Example
///
/// ```
/// use crossborder::{HsRule, Policy, RestrictionClass};
/// let p = Policy::fba_export_default();
/// let row: &HsRule = p.hs_table.iter().find(|r| r.prefix.as_str() == "901320").unwrap();
/// assert_eq!(row.class, RestrictionClass::LaserPointers);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HsRule {
    /// The HS prefix.
    pub prefix: HsPrefix,
    /// The class of the codes under it.
    pub class: RestrictionClass,
    /// When the row is in force.
    pub effective: Effective,
    /// Where the row comes from.
    pub source: String,
}

/// Countries served: the destinations products may go to at all.
///
/// # Example
///
/// ```
/// use crossborder::{Country, Policy};
/// let p = Policy::fba_export_default();
/// assert!(p.served[0].countries.contains(Country::CA));
/// assert!(!p.served[0].countries.contains(Country::KP));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServedRule {
    /// The countries.
    pub countries: CountrySet,
    /// When they are served.
    pub effective: Effective,
    /// Where the list comes from.
    pub source: String,
}

/// The whole eligibility policy, as data: load it (serde), replace it, or
/// extend it by pushing rules onto its lists. Every rule carries its dates in
/// force and its source; answers take an as-of date.
///
/// - `export`: classes the source country forbids, for every destination.
/// - `import`: see [`ImportPolicy`] and [`ImportRule`].
/// - `transport`: classes that cannot travel, for every destination
///   ([`RestrictionClass::Oversize`] is what the size tier derives).
/// - `standard_size` (JSON `standardSize`): the size tier(s); a unit is
///   oversize when any rule in force says it is not standard-size.
/// - `hs_table` (JSON `hsTable`): HS prefix to class; every matching row
///   applies.
/// - `served`: destinations served (the union of the rules in force).
///
/// The list a rule sits in decides the kind of restriction reported: a class
/// put in `export` is reported as an export restriction.
///
/// JSON field names are camelCase (`import.restrictedByDefault`,
/// `standardSize`, `hsTable`, `maxWeight`, `maxSides`); the rule pointers in
/// answers (such as `/import/restrictedByDefault/0`) use them and resolve
/// against `serde_json::to_value(&policy)`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{ClassRule, Effective, Policy, RestrictionClass};
///
/// let mut policy = Policy::fba_export_default();
/// policy.export.push(ClassRule::new(
///     RestrictionClass::CryptographicEquipment,
///     Effective::since(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()),
///     "internal export-control review",
/// ));
/// let json = serde_json::to_string(&policy)?;
/// assert_eq!(serde_json::from_str::<Policy>(&json)?, policy);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// Export-restricted classes.
    #[serde(default)]
    pub export: Vec<ClassRule>,
    /// Import restrictions.
    #[serde(default)]
    pub import: ImportPolicy,
    /// Transport-restricted classes.
    #[serde(default)]
    pub transport: Vec<ClassRule>,
    /// The standard-size tier.
    #[serde(default)]
    pub standard_size: Vec<SizeRule>,
    /// HS prefix to class.
    #[serde(default)]
    pub hs_table: Vec<HsRule>,
    /// Countries served.
    #[serde(default)]
    pub served: Vec<ServedRule>,
}

/// A caller's changes to a policy, as data: classes to lift, HS rows to
/// remove, lists to replace and rules to add; see [`Policy::apply`] for the
/// order they are applied in. Every member may be left out of the JSON.
///
/// # Example
///
/// ```
/// use crossborder::{Policy, PolicyChanges, RestrictionClass};
///
/// let changes: PolicyChanges = serde_json::from_str(
///     r#"{"lift": ["laser_pointers"], "removeHs": ["901320"]}"#,
/// )?;
/// assert_eq!(changes.lift, [RestrictionClass::LaserPointers]);
/// let mut policy = Policy::fba_export_default();
/// assert_eq!(policy.apply(changes.clone()), 2); // one export rule, one HS row
/// assert_eq!(serde_json::from_str::<PolicyChanges>(&serde_json::to_string(&changes)?)?, changes);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PolicyChanges {
    /// Classes whose every rule is taken out ([`Policy::lift`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lift: Vec<RestrictionClass>,
    /// HS prefixes whose rows are taken out ([`Policy::remove_hs_rows`];
    /// JSON `removeHs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_hs: Vec<HsPrefix>,
    /// When given, replaces the standard-size tier (JSON `standardSize`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_size: Option<Vec<SizeRule>>,
    /// When given, replaces the served list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub served: Option<Vec<ServedRule>>,
    /// Rules appended last ([`Policy::extend`]).
    #[serde(default)]
    pub add: Policy,
}

/// The lists of a [`Policy`] that answers point into, and the one place
/// their JSON names live: a rule pointer is built here from the serde field
/// names (camelCase), so answers' pointers resolve against
/// `serde_json::to_value(&policy)` (a unit test below checks every list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RuleList {
    /// `/export/N`.
    Export,
    /// `/import/restrictedByDefault/N`.
    ImportDefault,
    /// `/import/rules/N`.
    ImportRules,
    /// `/transport/N`.
    Transport,
    /// `/standardSize/N`.
    StandardSize,
    /// `/hsTable/N`.
    HsTable,
}

impl RuleList {
    /// Every list (for tests that resolve each one).
    #[cfg(test)]
    pub(crate) const ALL: [RuleList; 6] = [
        RuleList::Export,
        RuleList::ImportDefault,
        RuleList::ImportRules,
        RuleList::Transport,
        RuleList::StandardSize,
        RuleList::HsTable,
    ];

    /// The JSON path of the list, field by field.
    const fn path(self) -> &'static [&'static str] {
        match self {
            RuleList::Export => &["export"],
            RuleList::ImportDefault => &["import", "restrictedByDefault"],
            RuleList::ImportRules => &["import", "rules"],
            RuleList::Transport => &["transport"],
            RuleList::StandardSize => &["standardSize"],
            RuleList::HsTable => &["hsTable"],
        }
    }

    /// The pointer to rule `index` of this list.
    pub(crate) fn pointer(self, index: usize) -> JsonPointer {
        self.path()
            .iter()
            .fold(JsonPointer::root(), |p, f| p.field(f))
            .index(index)
    }
}

/// Source of the default export, import and transport classes and of the
/// Canada media rules: Amazon's FBA Export help page, as its text stood on
/// 2024-01-01.
///
/// # Example
///
/// ```
/// use crossborder::eligibility::SOURCE_FBA_EXPORT;
/// use crossborder::Policy;
/// let p = Policy::fba_export_default();
/// assert!(p.export.iter().all(|r| r.source == SOURCE_FBA_EXPORT));
/// assert!(SOURCE_FBA_EXPORT.contains("sellercentral.amazon.com"));
/// ```
pub const SOURCE_FBA_EXPORT: &str = "Amazon Seller Central help, \"FBA Export\" \
     (https://sellercentral.amazon.com/gp/help/external/200149570), text of 2024-01-01";
/// Source of the default HS-to-class table: this crate's reading of the FBA
/// Export classes onto HS 2022 headings and subheadings (the classes that
/// an HS code cannot tell are left to product attributes).
///
/// # Example
///
/// ```
/// use crossborder::eligibility::SOURCE_HS_TABLE;
/// use crossborder::Policy;
/// let p = Policy::fba_export_default();
/// assert!(p.hs_table.iter().all(|r| r.source == SOURCE_HS_TABLE));
/// ```
pub const SOURCE_HS_TABLE: &str = "crossborder default table: FBA Export classes on \
     HS 2022 (WCO Harmonized System, 2022 edition) headings and subheadings";
/// Source of the standard-size tier: Amazon's US product size tiers (large
/// standard-size: at most 20 lb, 18 x 14 x 8 in).
///
/// # Example
///
/// ```
/// use crossborder::eligibility::SOURCE_SIZE_TIERS;
/// use crossborder::Policy;
/// let p = Policy::fba_export_default();
/// assert_eq!(p.standard_size[0].source, SOURCE_SIZE_TIERS);
/// ```
pub const SOURCE_SIZE_TIERS: &str = "Amazon Seller Central help, \"Product size tiers\" \
     (https://sellercentral.amazon.com/gp/help/external/201105770), large standard-size";
/// Source of the default served list: the crate's own list, since Amazon's
/// FBA Export page says "more than 100 countries and regions" but names none.
///
/// # Example
///
/// ```
/// use crossborder::eligibility::SOURCE_SERVED;
/// use crossborder::Policy;
/// let p = Policy::fba_export_default();
/// assert_eq!(p.served[0].source, SOURCE_SERVED);
/// ```
pub const SOURCE_SERVED: &str = "crossborder default: every ISO 3166-1 country except US-embargoed \
     (EAR part 746: CU, IR, KP, SY) and uninhabited territories (AQ, BV, GS, HM, TF, UM); \
     the FBA Export help page names no list";

/// The default HS table (HS 2022 prefixes). Classes that an HS code cannot
/// tell are left to product attributes: no row says surveillance (8525 89
/// holds every ordinary camera, webcam and camcorder), car seats (9401 20 is
/// every motor-vehicle seat) or gambling by cards and board games (9504 40,
/// 9504 90); gambling by HS is 9504 30 (coin- and token-operated games)
/// only.
const DEFAULT_HS: &[(&str, RestrictionClass)] = {
    use RestrictionClass as R;
    &[
        ("93", R::Weapons),
        ("06", R::Plants),
        ("1209", R::Plants),
        ("253090", R::Plants),
        ("01", R::Animals),
        ("0506", R::Animals),
        ("0507", R::Animals),
        ("0510", R::Animals),
        ("4301", R::Animals),
        ("901320", R::LaserPointers),
        ("2203", R::Alcohol),
        ("2204", R::Alcohol),
        ("2205", R::Alcohol),
        ("2206", R::Alcohol),
        ("2207", R::Alcohol),
        ("2208", R::Alcohol),
        ("28", R::Chemicals),
        ("29", R::Chemicals),
        ("31", R::Chemicals),
        ("3808", R::Chemicals),
        ("02", R::Food),
        ("03", R::Food),
        ("04", R::Food),
        ("07", R::Food),
        ("08", R::Food),
        ("09", R::Food),
        ("10", R::Food),
        ("11", R::Food),
        ("12", R::Food),
        // Edible fats and oils: 1501 to 1517 but not 1505 (wool grease,
        // lanolin); 1518 is used oil, 1520 to 1522 glycerol, waxes, degras.
        ("1501", R::Food),
        ("1502", R::Food),
        ("1503", R::Food),
        ("1504", R::Food),
        ("1506", R::Food),
        ("1507", R::Food),
        ("1508", R::Food),
        ("1509", R::Food),
        ("1510", R::Food),
        ("1511", R::Food),
        ("1512", R::Food),
        ("1513", R::Food),
        ("1514", R::Food),
        ("1515", R::Food),
        ("1516", R::Food),
        ("1517", R::Food),
        ("16", R::Food),
        ("17", R::Food),
        ("18", R::Food),
        ("19", R::Food),
        ("20", R::Food),
        ("21", R::Food),
        // Waters and soft drinks; 2203 to 2208 are alcohol.
        ("2201", R::Food),
        ("2202", R::Food),
        ("2309", R::Food),
        ("30", R::MedicinesSupplements),
        ("210690", R::MedicinesSupplements),
        ("9018", R::MedicalDevices),
        ("9019", R::MedicalDevices),
        ("9020", R::MedicalDevices),
        ("9021", R::MedicalDevices),
        ("9022", R::MedicalDevices),
        ("3822", R::MedicalDevices),
        ("843840", R::BrewingEquipment),
        ("950430", R::Gambling),
        ("850760", R::LithiumBatteries),
        ("271091", R::UsedOil),
        ("271099", R::UsedOil),
        ("1518", R::UsedOil),
        ("4901", R::Books),
        ("852349", R::MusicVideoDvd),
        ("852380", R::MusicVideoDvd),
    ]
};

impl Policy {
    /// An empty policy: nothing restricted, nothing served, no size tier, no
    /// HS table. Every destination is then "not served".
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Policy::empty().export.is_empty());
    /// ```
    pub fn empty() -> Policy {
        Policy::default()
    }

    /// Appends every rule of `other` to this policy's lists (a caller's own
    /// rules on top of the default, for instance). Nothing is removed: to
    /// take a default rule out or override it, use [`Policy::lift`],
    /// [`Policy::remove_hs_rows`] or [`Policy::apply`] (or assign to a
    /// list's field).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Policy;
    /// let own: Policy = serde_json::from_str(
    ///     r#"{"export":[{"class":"food","effective":{"from":"2025-01-01"},"source":"own review"}]}"#,
    /// )?;
    /// let mut policy = Policy::fba_export_default();
    /// let before = policy.export.len();
    /// policy.extend(own);
    /// assert_eq!(policy.export.len(), before + 1);
    /// assert_eq!(policy.export.last().map(|r| r.source.as_str()), Some("own review"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extend(&mut self, other: Policy) {
        self.export.extend(other.export);
        self.import
            .restricted_by_default
            .extend(other.import.restricted_by_default);
        self.import.rules.extend(other.import.rules);
        self.transport.extend(other.transport);
        self.standard_size.extend(other.standard_size);
        self.hs_table.extend(other.hs_table);
        self.served.extend(other.served);
    }

    /// Takes every rule that restricts or allows `class` out of the policy:
    /// its export and transport rules, its default import restriction and
    /// its per-destination import rules. Nothing restricts the class after
    /// that, until a rule is added for it: lift a default, then add your own
    /// rule to override it (see [`Policy::apply`]).
    ///
    /// The HS table keeps its rows for the class: products are still *in*
    /// the class, so a rule added for it afterwards applies to them. Returns
    /// how many rules were removed.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Decision, Eligibility, HsCode, Policy, ProductFacts, ProductId, RestrictionClass, SellerExclusions};
    ///
    /// let mut policy = Policy::fba_export_default();
    /// assert_eq!(policy.lift(RestrictionClass::Alcohol), 1); // its default import restriction
    /// let ex = SellerExclusions::new();
    /// let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    /// let wine = ProductFacts::new(ProductId::new("WINE")?, Country::FR)
    ///     .with_hs_code(HsCode::parse("220421")?)
    ///     .with_dimensions("14 x 4 x 4 in".parse()?)
    ///     .with_weight("3.5 lb".parse()?);
    /// assert_eq!(e.check(&wine, Country::DE), Decision::Eligible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lift(&mut self, class: RestrictionClass) -> usize {
        let before = self.rule_count();
        self.export.retain(|r| r.class != class);
        self.transport.retain(|r| r.class != class);
        self.import
            .restricted_by_default
            .retain(|r| r.class != class);
        self.import.rules.retain(|r| r.class != class);
        before - self.rule_count()
    }

    /// Takes the HS table's rows with exactly this prefix out (every class
    /// they map to); a longer or shorter prefix is another row. Returns how
    /// many rows were removed.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsPrefix, Policy};
    /// let mut policy = Policy::fba_export_default();
    /// // Soil and earths n.e.c. are a judgement call: this seller's are potting grit.
    /// assert_eq!(policy.remove_hs_rows(HsPrefix::parse("2530 90")?), 1);
    /// assert_eq!(policy.remove_hs_rows(HsPrefix::parse("2530 90")?), 0);
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    pub fn remove_hs_rows(&mut self, prefix: HsPrefix) -> usize {
        let before = self.hs_table.len();
        self.hs_table.retain(|r| r.prefix != prefix);
        before - self.hs_table.len()
    }

    /// Applies a caller's [`PolicyChanges`] in this order: lift each class
    /// ([`Policy::lift`]), remove each HS prefix ([`Policy::remove_hs_rows`]),
    /// replace the standard-size tier and the served list where the changes
    /// give them, then append the rules to add ([`Policy::extend`]). So a
    /// default rule is overridden by lifting its class and adding your own.
    /// Returns how many rules were removed.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Decision, Eligibility, HsCode, Policy, PolicyChanges, ProductFacts, ProductId, SellerExclusions};
    ///
    /// // Alcohol: not restricted everywhere by default, only where we know it is.
    /// let changes: PolicyChanges = serde_json::from_str(r#"{
    ///     "lift": ["alcohol"],
    ///     "add": {"import": {"rules": [{"destination": "SA", "class": "alcohol",
    ///         "treatment": "restricted", "effective": {}, "source": "our SA review"}]}}
    /// }"#)?;
    /// let mut policy = Policy::fba_export_default();
    /// assert_eq!(policy.apply(changes), 1);
    /// let ex = SellerExclusions::new();
    /// let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    /// let wine = ProductFacts::new(ProductId::new("WINE")?, Country::FR)
    ///     .with_hs_code(HsCode::parse("220421")?)
    ///     .with_dimensions("14 x 4 x 4 in".parse()?)
    ///     .with_weight("3.5 lb".parse()?);
    /// assert_eq!(e.check(&wine, Country::DE), Decision::Eligible);
    /// assert!(matches!(e.check(&wine, Country::SA), Decision::NotEligible { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, changes: PolicyChanges) -> usize {
        let mut removed = 0;
        for class in changes.lift {
            removed += self.lift(class);
        }
        for prefix in changes.remove_hs {
            removed += self.remove_hs_rows(prefix);
        }
        if let Some(sizes) = changes.standard_size {
            removed += self.standard_size.len();
            self.standard_size = sizes;
        }
        if let Some(served) = changes.served {
            removed += self.served.len();
            self.served = served;
        }
        self.extend(changes.add);
        removed
    }

    fn rule_count(&self) -> usize {
        self.export.len()
            + self.transport.len()
            + self.import.restricted_by_default.len()
            + self.import.rules.len()
    }

    /// The default policy: the restrictions of Amazon's FBA Export help page
    /// ([`SOURCE_FBA_EXPORT`]), Amazon's standard-size tier
    /// ([`SOURCE_SIZE_TIERS`]), the crate's HS table ([`SOURCE_HS_TABLE`])
    /// and its served list ([`SOURCE_SERVED`]).
    ///
    /// No rule has a known in-force date (the page's text is of 2024-01-01,
    /// which is when it was read, not when its rules took effect), so every
    /// rule is [`Effective::always`]: the answers are the same at any as-of
    /// date, and each rule's `source` keeps the page's date. Rules a caller
    /// adds with their own dates still follow them.
    ///
    /// - export: weapons, imitation weapons, plants, animals, surveillance
    ///   equipment, laser pointers;
    /// - import, restricted by default in every destination (conservative:
    ///   restricted unless a rule allows it there): the page's 15 import
    ///   classes, alcohol through imitation currency;
    /// - media (books; music, video and DVD) are **not** restricted by
    ///   default: the page's note on them restricts one route and confirms
    ///   one, and nothing more. `/import/rules/1` restricts books from the
    ///   US to Canada; `/import/rules/0` allows music, video and DVD into
    ///   Canada (the default already does; the rule keeps Canada open to
    ///   them for a caller who restricts media by default). A book goes to
    ///   every destination served except from the US to Canada; music, video
    ///   and DVD go everywhere served; International Multi-Channel
    ///   Fulfillment takes them wherever they are eligible
    ///   ([`Eligibility::imcf`](crate::Eligibility::imcf));
    /// - transport: heavy or bulky, oversize, dangerous goods, lithium
    ///   batteries, used oil;
    /// - standard size: at most 20 lb and 18 x 14 x 8 in;
    /// - the default HS table;
    /// - served: 239 countries ([`SOURCE_SERVED`]).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Policy, RestrictionClass};
    /// let p = Policy::fba_export_default();
    /// assert_eq!(p.export.len(), 6);
    /// assert!(p.transport.iter().any(|r| r.class == RestrictionClass::Oversize));
    /// ```
    pub fn fba_export_default() -> Policy {
        use RestrictionClass as R;
        let always = Effective::always();
        let class_rules = |classes: &[R]| -> Vec<ClassRule> {
            classes
                .iter()
                .map(|c| ClassRule::new(*c, always, SOURCE_FBA_EXPORT))
                .collect()
        };
        let export = class_rules(&[
            R::Weapons,
            R::ImitationWeapons,
            R::Plants,
            R::Animals,
            R::SurveillanceEquipment,
            R::LaserPointers,
        ]);
        let restricted_by_default = class_rules(&[
            R::Alcohol,
            R::WeaponComponents,
            R::Chemicals,
            R::Food,
            R::MedicinesSupplements,
            R::MedicalDevices,
            R::DrugParaphernalia,
            R::AdultProducts,
            R::BrewingEquipment,
            R::BabyWalkers,
            R::BabySelfFeeding,
            R::CarSeats,
            R::CryptographicEquipment,
            R::Gambling,
            R::ImitationCurrency,
        ]);
        let rule = |class, origin, treatment| ImportRule {
            destination: Country::CA,
            origin,
            class,
            treatment,
            effective: always,
            source: SOURCE_FBA_EXPORT.to_owned(),
        };
        let rules = vec![
            rule(R::MusicVideoDvd, None, ImportTreatment::Allowed),
            rule(R::Books, Some(Country::US), ImportTreatment::Restricted),
        ];
        let transport = class_rules(&[
            R::HeavyOrBulky,
            R::Oversize,
            R::DangerousGoods,
            R::LithiumBatteries,
            R::UsedOil,
        ]);
        let standard_size = match (
            Weight::new(Decimal::from(20), MassUnit::Pound),
            Dimensions::new(
                Decimal::from(18),
                Decimal::from(14),
                Decimal::from(8),
                LengthUnit::Inch,
            ),
        ) {
            (Ok(max_weight), Ok(max_sides)) => vec![SizeRule {
                max_weight,
                max_sides,
                effective: always,
                source: SOURCE_SIZE_TIERS.to_owned(),
            }],
            _ => Vec::new(),
        };
        // Written in HS 2022 prefixes, but not tied to HS 2022's start: the
        // caller gives the codes, and may replace the table.
        let hs = Effective::always();
        let hs_table = DEFAULT_HS
            .iter()
            .filter_map(|(p, class)| {
                Some(HsRule {
                    prefix: HsPrefix::parse(p).ok()?,
                    class: *class,
                    effective: hs,
                    source: SOURCE_HS_TABLE.to_owned(),
                })
            })
            .collect();
        let not_served = CountrySet::of(&[
            Country::CU,
            Country::IR,
            Country::KP,
            Country::SY,
            Country::AQ,
            Country::BV,
            Country::GS,
            Country::HM,
            Country::TF,
            Country::UM,
        ]);
        let served = vec![ServedRule {
            countries: CountrySet::all().difference(not_served),
            effective: always,
            source: SOURCE_SERVED.to_owned(),
        }];
        Policy {
            export,
            import: ImportPolicy {
                restricted_by_default,
                rules,
            },
            transport,
            standard_size,
            hs_table,
            served,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_hs_table_parses_every_row() {
        assert_eq!(
            Policy::fba_export_default().hs_table.len(),
            DEFAULT_HS.len()
        );
    }

    /// The pointers answers carry are built from [`RuleList`]: each list's
    /// JSON path must be a real field of the serialized policy (the camelCase
    /// serde names), so a renamed field cannot leave pointers dangling.
    #[test]
    fn every_rule_list_pointer_resolves_in_the_policy_json() {
        let p = Policy::fba_export_default();
        let json = serde_json::to_value(&p).unwrap();
        let lens = [
            p.export.len(),
            p.import.restricted_by_default.len(),
            p.import.rules.len(),
            p.transport.len(),
            p.standard_size.len(),
            p.hs_table.len(),
        ];
        for (list, len) in RuleList::ALL.into_iter().zip(lens) {
            assert!(len > 0, "{list:?} is empty in the default policy");
            for i in 0..len {
                let ptr = list.pointer(i);
                assert!(json.pointer(ptr.as_str()).is_some(), "{ptr}");
            }
            assert!(json.pointer(list.pointer(len).as_str()).is_none());
        }
    }

    #[test]
    fn default_rules_apply_at_every_date() {
        let p = Policy::fba_export_default();
        let json = serde_json::to_value(&p).unwrap();
        // Every `effective` in the default policy is `{}`: no invented dates.
        let text = json.to_string();
        assert!(!text.contains(r#""from":"#), "{text}");
        assert!(text.contains(r#""effective":{}"#));
        assert!(SOURCE_FBA_EXPORT.contains("2024-01-01"));
    }

    #[test]
    fn default_rule_kinds_match_their_lists() {
        let p = Policy::fba_export_default();
        use super::super::class::RestrictionKind as K;
        assert!(p.export.iter().all(|r| r.class.kind() == K::Export));
        assert!(p.transport.iter().all(|r| r.class.kind() == K::Transport));
        assert!(
            p.import
                .restricted_by_default
                .iter()
                .all(|r| r.class.kind() == K::Import)
        );
    }
}
