//! [`WarehouseProfile`]: a destination warehouse's carton and label rules,
//! with presets for Amazon FBA and a caller's own limits.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::CartonLabel;
use crate::{Country, Dimensions, Effective, Length, LengthUnit, MassUnit, SizeRule, Weight};

/// The longest-side rule of a profile.
///
/// # Example
///
/// ```
/// use crossborder::WarehouseProfile;
/// use crossborder::shipment::SideRule;
/// assert!(matches!(WarehouseProfile::amazon_fba_us().max_side, Some(SideRule::SeveralStandardUnits { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SideRule {
    /// No side of any carton longer than this.
    Always(Length),
    /// No side longer than this, unless the carton holds a single unit that
    /// is itself longer (Amazon EU and UK: 63.5 cm).
    UnlessOneLongerUnit(Length),
    /// No side longer than this for a carton of several units that are all
    /// standard-size (Amazon US: 25 in); oversize units and single units are
    /// exempt.
    SeveralStandardUnits {
        /// The limit.
        max: Length,
        /// What a standard-size unit is.
        standard: SizeRule,
    },
}

impl SideRule {
    /// The length limit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::WarehouseProfile;
    /// let side = WarehouseProfile::amazon_fba_eu().max_side.unwrap();
    /// assert_eq!(side.limit().to_string(), "63.5 cm");
    /// ```
    pub fn limit(&self) -> Length {
        match self {
            SideRule::Always(l) | SideRule::UnlessOneLongerUnit(l) => *l,
            SideRule::SeveralStandardUnits { max, .. } => *max,
        }
    }
}

/// A heavy-carton label rule: a carton heavier than `over` carries `label`
/// (any heavy-carton label when `None`). When several apply, the one with
/// the highest threshold is the label required.
///
/// # Example
///
/// ```
/// use crossborder::WarehouseProfile;
/// use crossborder::shipment::CartonLabel;
/// let us = WarehouseProfile::amazon_fba_us();
/// assert_eq!(us.heavy_labels[1].label, Some(CartonLabel::MechLift));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeavyLabel {
    /// The weight above which the label is needed.
    pub over: Weight,
    /// The label; `None`: any heavy-carton label.
    pub label: Option<CartonLabel>,
}

/// A destination warehouse's carton and label rules.
///
/// The presets encode Amazon's inbound requirements (Seller Central help
/// 201022330 for the US, 200141510 for Europe); figures marked secondary in
/// [`WarehouseProfile::notes`] come from forwarders' summaries, not from
/// Amazon, and are fields a caller can change. [`WarehouseProfile::generic`]
/// has no limits: set the fields, or give `warehouse.limits` in the JSON.
///
/// # Example
///
/// ```
/// use crossborder::{WarehouseProfile, Weight};
///
/// let us = WarehouseProfile::amazon_fba_us();
/// assert_eq!(us.max_carton_weight, Some("50 lb".parse::<Weight>()?));
/// let mut goodcang = WarehouseProfile::generic();
/// goodcang.max_carton_weight = Some("30 kg".parse()?);
/// goodcang.consecutive_box_numbers = true;
/// assert_eq!(WarehouseProfile::preset("amazon_fba_uk").map(|p| p.name), Some("amazon_fba_uk".to_owned()));
/// # Ok::<(), crossborder::MeasureError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct WarehouseProfile {
    /// The profile's name (`amazon_fba_us`, ..., `generic`, or the caller's).
    pub name: String,
    /// Amazon's rules apply: FNSKU on every unit, one shipment ID on every box.
    pub amazon: bool,
    /// The destination country, where the profile fixes it (UK: GB).
    pub country: Option<Country>,
    /// Heaviest carton.
    pub max_carton_weight: Option<Weight>,
    /// Whether a carton holding a single unit heavier than the limit is exempt.
    pub single_heavy_unit_exempt: bool,
    /// Heavy-carton labels.
    pub heavy_labels: Vec<HeavyLabel>,
    /// Longest side.
    pub max_side: Option<SideRule>,
    /// Heaviest carton holding jewellery or watches.
    pub jewellery_max_weight: Option<Weight>,
    /// Most units in one carton.
    pub max_units_per_carton: Option<u32>,
    /// Box numbers run from 1 without a gap (Goodcang).
    pub consecutive_box_numbers: bool,
    /// Several SKUs may share a carton.
    pub mixed_skus: bool,
    /// Every SKU registration needs a sales link (Goodcang, 4PX).
    pub sales_link_required: bool,
    /// Where the figures come from, and which are secondary.
    pub notes: &'static str,
}

fn w(value: i64, scale: u32, unit: MassUnit) -> Weight {
    Weight::new(Decimal::new(value, scale), unit).unwrap_or(Weight::zero(unit))
}

fn len(value: i64, scale: u32, unit: LengthUnit) -> Option<Length> {
    Length::new(Decimal::new(value, scale), unit).ok()
}

/// Amazon's standard-size tier: at most 20 lb and 18 x 14 x 8 in.
fn amazon_standard_size() -> Option<SizeRule> {
    let sides = Dimensions::new(
        Decimal::from(18),
        Decimal::from(14),
        Decimal::from(8),
        LengthUnit::Inch,
    )
    .ok()?;
    Some(SizeRule {
        max_weight: w(20, 0, MassUnit::Pound),
        max_sides: sides,
        effective: Effective::always(),
        source: "Amazon Seller Central: product size tiers (standard size at most 20 lb, 18 x 14 x 8 in)"
            .to_owned(),
    })
}

impl WarehouseProfile {
    /// Amazon FBA in the US: cartons at most 50 lb unless one unit is
    /// heavier; "Team Lift" over 50 lb, "Mech Lift" over 100 lb; at most
    /// 25 in a side for cartons of several standard-size units; jewellery and
    /// watches at most 40 lb and 150 units a carton (secondary figures).
    ///
    /// # Example
    ///
    /// ```
    /// let us = crossborder::WarehouseProfile::amazon_fba_us();
    /// assert!(us.amazon);
    /// assert_eq!(us.max_units_per_carton, Some(150));
    /// ```
    pub fn amazon_fba_us() -> Self {
        WarehouseProfile {
            name: "amazon_fba_us".to_owned(),
            amazon: true,
            country: Some(Country::US),
            max_carton_weight: Some(w(50, 0, MassUnit::Pound)),
            single_heavy_unit_exempt: true,
            heavy_labels: vec![
                HeavyLabel {
                    over: w(50, 0, MassUnit::Pound),
                    label: Some(CartonLabel::TeamLift),
                },
                HeavyLabel {
                    over: w(100, 0, MassUnit::Pound),
                    label: Some(CartonLabel::MechLift),
                },
            ],
            max_side: len(25, 0, LengthUnit::Inch).and_then(|max| {
                amazon_standard_size()
                    .map(|standard| SideRule::SeveralStandardUnits { max, standard })
            }),
            jewellery_max_weight: Some(w(40, 0, MassUnit::Pound)),
            max_units_per_carton: Some(150),
            consecutive_box_numbers: false,
            mixed_skus: true,
            sales_link_required: false,
            notes: "Amazon Seller Central help 201022330 (shipment packing requirements, US); the jewellery and watch limit (40 lb) and 150 units a carton are secondary figures from forwarders' summaries",
        }
    }

    fn amazon_europe(name: &str, country: Option<Country>) -> Self {
        WarehouseProfile {
            name: name.to_owned(),
            amazon: true,
            country,
            max_carton_weight: Some(w(23, 0, MassUnit::Kilogram)),
            single_heavy_unit_exempt: true,
            heavy_labels: vec![HeavyLabel {
                over: w(15, 0, MassUnit::Kilogram),
                label: Some(CartonLabel::HeavyPackage),
            }],
            max_side: len(635, 1, LengthUnit::Centimetre).map(SideRule::UnlessOneLongerUnit),
            jewellery_max_weight: Some(w(15, 0, MassUnit::Kilogram)),
            max_units_per_carton: Some(150),
            consecutive_box_numbers: false,
            mixed_skus: true,
            sales_link_required: false,
            notes: "Amazon Seller Central help 200141510 (packaging and shipment requirements, Europe); the jewellery and watch limit (15 kg) and 150 units a carton are secondary figures from forwarders' summaries",
        }
    }

    /// Amazon FBA in the EU: cartons at most 23 kg unless one unit is
    /// heavier; "Heavy Package" over 15 kg; at most 63.5 cm a side unless
    /// one unit is longer; jewellery and watches at most 15 kg, 150 units a
    /// carton (secondary figures). The destination country comes from the
    /// warehouse.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::WarehouseProfile::amazon_fba_eu().country, None);
    /// ```
    pub fn amazon_fba_eu() -> Self {
        WarehouseProfile::amazon_europe("amazon_fba_eu", None)
    }

    /// Amazon FBA in the UK: the European rules, destination GB.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::WarehouseProfile::amazon_fba_uk().country, Some(crossborder::Country::GB));
    /// ```
    pub fn amazon_fba_uk() -> Self {
        WarehouseProfile::amazon_europe("amazon_fba_uk", Some(Country::GB))
    }

    /// A profile without limits (a 3PL such as Goodcang, Winit or 4PX):
    /// set its fields to the warehouse's rules.
    ///
    /// # Example
    ///
    /// ```
    /// let g = crossborder::WarehouseProfile::generic();
    /// assert!(g.max_carton_weight.is_none() && g.mixed_skus);
    /// ```
    pub fn generic() -> Self {
        WarehouseProfile {
            name: "generic".to_owned(),
            amazon: false,
            country: None,
            max_carton_weight: None,
            single_heavy_unit_exempt: false,
            heavy_labels: Vec::new(),
            max_side: None,
            jewellery_max_weight: None,
            max_units_per_carton: None,
            consecutive_box_numbers: false,
            mixed_skus: true,
            sales_link_required: false,
            notes: "the caller's own limits",
        }
    }

    /// A preset by name: `amazon_fba_us`, `amazon_fba_eu`, `amazon_fba_uk`
    /// or `generic`.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::WarehouseProfile::preset("amazon_fba_jp").is_none());
    /// ```
    pub fn preset(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "amazon_fba_us" => Some(WarehouseProfile::amazon_fba_us()),
            "amazon_fba_eu" => Some(WarehouseProfile::amazon_fba_eu()),
            "amazon_fba_uk" => Some(WarehouseProfile::amazon_fba_uk()),
            "generic" => Some(WarehouseProfile::generic()),
            _ => None,
        }
    }

    /// The names [`WarehouseProfile::preset`] knows.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::WarehouseProfile::PRESETS.len(), 4);
    /// ```
    pub const PRESETS: &'static [&'static str] =
        &["amazon_fba_us", "amazon_fba_eu", "amazon_fba_uk", "generic"];

    /// The heavy-carton label a carton of this gross weight needs, if any:
    /// the rule with the highest threshold below the weight.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::WarehouseProfile;
    /// use crossborder::shipment::CartonLabel;
    /// let us = WarehouseProfile::amazon_fba_us();
    /// assert_eq!(us.heavy_label_for(&"120 lb".parse()?).and_then(|h| h.label), Some(CartonLabel::MechLift));
    /// assert!(us.heavy_label_for(&"50 lb".parse()?).is_none());
    /// # Ok::<(), crossborder::MeasureError>(())
    /// ```
    pub fn heavy_label_for(&self, gross: &Weight) -> Option<&HeavyLabel> {
        self.heavy_labels
            .iter()
            .filter(|h| *gross > h.over)
            .max_by(|a, b| a.over.cmp(&b.over))
    }
}

#[allow(dead_code)]
fn _date(_: NaiveDate) {}
