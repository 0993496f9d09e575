//! Chargeable (billable) weight: the greater of actual and volumetric
//! weight, under a carrier's or a mode's rule, for cartons of a shipment or
//! for parcels on their own.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::macros::closed_enum;
use crate::{
    Dimensions, Length, LengthUnit, MassUnit, MeasureError, TransportMode, VolumetricDivisor,
    Weight,
};

closed_enum! {
    /// How each side is rounded before the volume is taken.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::DimensionRounding;
    /// assert_eq!("up_cm".parse::<DimensionRounding>()?, DimensionRounding::UpCm);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum DimensionRounding("dimension rounding" in "shipment::") {
        /// As measured.
        None = "none",
        /// Each side to the nearest whole inch (half an inch rounds up), as
        /// UPS measures.
        NearestInch = "nearest_inch",
        /// Each side up to the next whole centimetre, as sea freight measures.
        UpCm = "up_cm",
    }
}

closed_enum! {
    /// How the chargeable weight is rounded.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::WeightRounding;
    /// assert_eq!("up_0.5kg".parse::<WeightRounding>()?, WeightRounding::UpHalfKg);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum WeightRounding("weight rounding" in "shipment::") {
        /// Not rounded.
        None = "none",
        /// Up to the next 0.5 kg.
        UpHalfKg = "up_0.5kg",
        /// Up to the next whole kg.
        UpKg = "up_1kg",
        /// Up to the next whole lb.
        UpLb = "up_1lb",
    }
}

impl WeightRounding {
    /// The step and its unit, if any.
    fn step(self) -> Option<(Decimal, MassUnit)> {
        match self {
            WeightRounding::None => None,
            WeightRounding::UpHalfKg => Some((Decimal::new(5, 1), MassUnit::Kilogram)),
            WeightRounding::UpKg => Some((Decimal::ONE, MassUnit::Kilogram)),
            WeightRounding::UpLb => Some((Decimal::ONE, MassUnit::Pound)),
        }
    }
}

closed_enum! {
    /// Whether the rule applies to each carton or to the whole shipment.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::WeightBasis;
    /// assert_eq!("shipment".parse::<WeightBasis>()?, WeightBasis::Shipment);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum WeightBasis("weight basis" in "shipment::") {
        /// Each carton is weighed and rounded, and the cartons are added up.
        Carton = "carton" | "piece",
        /// The shipment's totals are compared and rounded once.
        Shipment = "shipment",
    }
}

closed_enum! {
    /// The unit of a chargeable-weight answer.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::ChargeableUnit;
    /// assert_eq!(ChargeableUnit::RevenueTon.to_string(), "rt");
    /// ```
    pub enum ChargeableUnit("chargeable unit" in "shipment::") {
        /// Kilograms.
        Kilogram = "kg",
        /// Pounds.
        Pound = "lb",
        /// Revenue tons (W/M: a cubic metre or a tonne, whichever is more).
        RevenueTon = "rt",
    }
}

closed_enum! {
    /// Which of the two weights set the chargeable weight.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::Dominant;
    /// assert_eq!(Dominant::Volumetric.as_str(), "volumetric");
    /// ```
    pub enum Dominant("dominant weight" in "shipment::") {
        /// The actual (gross) weight.
        Actual = "actual",
        /// The volumetric weight (or, for revenue tons, the volume).
        Volumetric = "volumetric",
    }
}

/// How the volumetric side of a rule is measured.
///
/// # Example
///
/// ```
/// use crossborder::ChargeableRule;
/// use crossborder::shipment::Method;
/// assert!(matches!(ChargeableRule::preset("sea_lcl").unwrap().method, Method::RevenueTon { .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// Volume divided by a divisor, in the divisor's mass unit.
    Volumetric {
        /// The divisor.
        divisor: VolumetricDivisor,
        /// Volumetric weight counts only for a piece larger than this
        /// volume, in the cube of the divisor's length unit (such as the
        /// 1,728 in³ threshold carriers have used for small parcels);
        /// `None`: every piece.
        over_volume: Option<Decimal>,
    },
    /// Revenue tons (W/M): the greater of the volume in cubic metres and
    /// the weight divided by what one cubic metre counts as.
    RevenueTon {
        /// What one cubic metre counts as (1000 kg; 500 kg on some lanes).
        per_cbm: Weight,
    },
}

/// A carrier's per-piece limits, checked beside the chargeable weight and
/// reported as warnings.
///
/// # Example
///
/// ```
/// use crossborder::ChargeableRule;
/// let ups = ChargeableRule::preset("ups_us_domestic").unwrap().limits.unwrap();
/// assert_eq!(ups.max_weight.map(|w| w.to_string()).as_deref(), Some("150 lb"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PieceLimits {
    /// The carrier.
    pub carrier: String,
    /// Heaviest piece (actual weight).
    pub max_weight: Option<Weight>,
    /// Longest side.
    pub max_length: Option<Length>,
    /// Most length plus girth.
    pub max_length_plus_girth: Option<Length>,
    /// Longest side above which an additional-handling charge applies.
    pub handling_length: Option<Length>,
    /// Second-longest side above which an additional-handling charge applies.
    pub handling_second_side: Option<Length>,
    /// Weight above which an additional-handling charge applies.
    pub handling_weight: Option<Weight>,
    /// Where the limits come from.
    pub source: String,
}

closed_enum! {
    /// Which per-piece limit a piece exceeds.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::LimitKind;
    /// assert!(LimitKind::HandlingWeight.is_surcharge());
    /// assert!(!LimitKind::MaxWeight.is_surcharge());
    /// ```
    pub enum LimitKind("piece limit" in "shipment::") {
        /// Heavier than the carrier carries.
        MaxWeight = "max_weight",
        /// Longer than the carrier carries.
        MaxLength = "max_length",
        /// Length plus girth above the carrier's limit.
        LengthPlusGirth = "length_plus_girth",
        /// Additional handling: longest side.
        HandlingLength = "handling_length",
        /// Additional handling: second-longest side.
        HandlingSecondSide = "handling_second_side",
        /// Additional handling: weight.
        HandlingWeight = "handling_weight",
    }
}

impl LimitKind {
    /// Whether exceeding it costs a surcharge (additional handling) rather
    /// than being refused.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::shipment::LimitKind::HandlingLength.is_surcharge());
    /// ```
    pub const fn is_surcharge(self) -> bool {
        matches!(
            self,
            LimitKind::HandlingLength | LimitKind::HandlingSecondSide | LimitKind::HandlingWeight
        )
    }
}

/// A piece over one of its carrier's limits.
///
/// # Example
///
/// ```
/// use crossborder::ChargeableRule;
/// use crossborder::shipment::{LimitKind, Piece};
/// let rule = ChargeableRule::preset("ups_us_domestic").unwrap();
/// let piece = Piece::new("50 x 10 x 10 in".parse()?, "20 lb".parse()?, 1);
/// let answer = rule.compute(&[piece])?;
/// assert_eq!(answer.exceeded()[0].kind, LimitKind::HandlingLength);
/// assert!(answer.exceeded()[0].message_en().contains("48 in"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitExceeded {
    /// The index of the piece in the list given.
    pub piece: usize,
    /// Which limit.
    pub kind: LimitKind,
    /// The carrier.
    pub carrier: String,
    /// The piece's figure, as text with its unit.
    pub value: String,
    /// The limit, as text with its unit.
    pub limit: String,
}

impl LimitExceeded {
    /// The English message.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let rule = ChargeableRule::preset("ups_us_domestic").ok_or("preset")?;
    /// let answer = rule.compute(&[Piece::new("110 x 10 x 10 in".parse()?, "20 lb".parse()?, 1)])?;
    /// assert!(answer.exceeded()[0].message_en().contains("108 in"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message_en(&self) -> String {
        let (what, consequence) = match self.kind {
            LimitKind::MaxWeight => ("weighs", "the carrier does not take such a piece"),
            LimitKind::MaxLength => (
                "has a longest side of",
                "the carrier does not take such a piece",
            ),
            LimitKind::LengthPlusGirth => (
                "has a length plus girth of",
                "the carrier does not take such a piece",
            ),
            LimitKind::HandlingLength => (
                "has a longest side of",
                "an additional-handling charge applies",
            ),
            LimitKind::HandlingSecondSide => (
                "has a second-longest side of",
                "an additional-handling charge applies",
            ),
            LimitKind::HandlingWeight => ("weighs", "an additional-handling charge applies"),
        };
        format!(
            "the piece {what} {}, over {}'s {}: {consequence}",
            self.value, self.carrier, self.limit
        )
    }

    /// The Chinese message.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let rule = ChargeableRule::preset("express_metric").unwrap();
    /// let answer = rule.compute(&[Piece::new("60 x 60 x 60 cm".parse()?, "80 kg".parse()?, 1)])?;
    /// assert!(answer.exceeded()[0].message_zh().contains("70 kg"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message_zh(&self) -> String {
        let (what, consequence) = match self.kind {
            LimitKind::MaxWeight => ("重量", "承运商不收此类件"),
            LimitKind::MaxLength => ("最长边", "承运商不收此类件"),
            LimitKind::LengthPlusGirth => ("长度加周长", "承运商不收此类件"),
            LimitKind::HandlingLength => ("最长边", "将收取额外处理费"),
            LimitKind::HandlingSecondSide => ("次长边", "将收取额外处理费"),
            LimitKind::HandlingWeight => ("重量", "将收取额外处理费"),
        };
        format!(
            "该件{what} {}，超过 {} 的限制 {}：{consequence}",
            self.value, self.carrier, self.limit
        )
    }
}

/// One piece (or `count` identical pieces) to weigh.
///
/// # Example
///
/// ```
/// use crossborder::shipment::Piece;
/// let p = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
/// assert_eq!(p.count, 3);
/// # Ok::<(), crossborder::MeasureError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Outer size.
    pub dimensions: Dimensions,
    /// Actual (gross) weight.
    pub weight: Weight,
    /// How many identical pieces.
    pub count: u32,
}

impl Piece {
    /// `count` pieces of this size and weight.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::Piece;
    /// let p = Piece::new("1 x 1 x 1 m".parse()?, "100 kg".parse()?, 2);
    /// assert_eq!(p.count, 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(dimensions: Dimensions, weight: Weight, count: u32) -> Self {
        Piece {
            dimensions,
            weight,
            count,
        }
    }
}

/// Why a chargeable weight cannot be computed.
///
/// # Example
///
/// ```
/// use crossborder::ChargeableRule;
/// use crossborder::shipment::ChargeableError;
/// let err = ChargeableRule::preset("express_metric").unwrap().compute(&[]).unwrap_err();
/// assert_eq!(err, ChargeableError::NoPieces);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChargeableError {
    /// No pieces were given.
    #[error("no pieces to weigh")]
    NoPieces,
    /// A figure too large to compute with.
    #[error(transparent)]
    Measure(#[from] MeasureError),
    /// The rule's weight rounding is in another unit than its divisor
    /// (`up_1lb` with a divisor in kg).
    #[error("weight rounding {rounding} does not fit a rule in {unit}")]
    RoundingUnit {
        /// The rounding.
        rounding: WeightRounding,
        /// The rule's unit.
        unit: ChargeableUnit,
    },
}

/// A chargeable-weight rule: a preset by name ([`ChargeableRule::preset`])
/// or a caller's own.
///
/// | preset | divisor | dimensions | weight rounding | basis | source |
/// | --- | --- | --- | --- | --- | --- |
/// | `express_metric` | 5000 cm³/kg | as measured | up to 0.5 kg | carton | DHL Express volumetric weight; FedEx and UPS outside the US |
/// | `ups_us_domestic` | 166 in³/lb | nearest inch | up to 1 lb | carton | UPS "Determining billable weight", retail rates |
/// | `ups_us_domestic_daily` | 139 in³/lb | nearest inch | up to 1 lb | carton | UPS daily rates (every package since 2017-12-24) |
/// | `ups_international` | 139 in³/lb | nearest inch | up to 1 lb | carton | UPS international from the US; FedEx |
/// | `iata_air_cargo` | 6000 cm³/kg | as measured | up to 0.5 kg | shipment | IATA air cargo |
/// | `sea_lcl` | 1 m³ = 1000 kg (revenue ton) | up to the cm | none, at least 1 rt | shipment | ocean LCL W/M |
/// | `road` | 1 m³ = 333 kg | as measured | none | shipment | road freight |
///
/// Rail and sea FCL have no preset: their rates are quoted per lane (rail
/// ratios of 1:3000 and 1:6000 are both quoted), so a shipment by those
/// modes names its rule.
///
/// # Example
///
/// ```
/// use crossborder::ChargeableRule;
/// use crossborder::shipment::{Dominant, Piece};
/// use rust_decimal::Decimal;
///
/// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
/// let express = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
/// assert_eq!(express.pieces()[0].chargeable, Some(Decimal::from(12)));
/// assert_eq!(express.total(), Decimal::from(36));
/// assert_eq!(express.dominant(), Dominant::Volumetric);
///
/// let ups = ChargeableRule::preset("ups_us_domestic").ok_or("preset")?.compute(&[carton])?;
/// assert_eq!(ups.pieces()[0].volumetric.round_dp(2), Decimal::new(2313, 2)); // 20 x 16 x 12 in / 166
/// assert_eq!(ups.pieces()[0].chargeable, Some(Decimal::from(27))); // 26.24 lb actual
/// assert_eq!(ups.total(), Decimal::from(81));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChargeableRule {
    /// The preset's name; `None` for a caller's own rule ("custom").
    pub name: Option<String>,
    /// How the volume side is measured.
    pub method: Method,
    /// How sides are rounded.
    pub dimension_rounding: DimensionRounding,
    /// How the chargeable weight is rounded.
    pub weight_rounding: WeightRounding,
    /// Per carton or per shipment.
    pub basis: WeightBasis,
    /// The least that is charged, in the rule's unit (per carton, or for the
    /// shipment).
    pub minimum: Option<Decimal>,
    /// The carrier's per-piece limits.
    pub limits: Option<PieceLimits>,
    /// Where the rule comes from.
    pub source: &'static str,
}

fn lb(v: i64) -> Option<Weight> {
    Weight::new(Decimal::from(v), MassUnit::Pound).ok()
}

fn inches(v: i64) -> Option<Length> {
    Length::new(Decimal::from(v), LengthUnit::Inch).ok()
}

fn ups_limits() -> PieceLimits {
    PieceLimits {
        carrier: "UPS".to_owned(),
        max_weight: lb(150),
        max_length: inches(108),
        max_length_plus_girth: inches(165),
        handling_length: inches(48),
        handling_second_side: inches(30),
        handling_weight: lb(50),
        source: "UPS: weight and size limits (150 lb, 108 in, 165 in length plus girth); additional handling (over 48 in longest side, 30 in second side, 50 lb)".to_owned(),
    }
}

fn dhl_limits() -> PieceLimits {
    PieceLimits {
        carrier: "DHL Express".to_owned(),
        max_weight: Weight::new(Decimal::from(70), MassUnit::Kilogram).ok(),
        max_length: None,
        max_length_plus_girth: None,
        handling_length: None,
        handling_second_side: None,
        handling_weight: None,
        source:
            "DHL Express: at most 70 kg a piece (a secondary figure from forwarders' summaries)"
                .to_owned(),
    }
}

impl ChargeableRule {
    /// The names [`ChargeableRule::preset`] knows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::ChargeableRule::PRESETS.contains(&"iata_air_cargo"));
    /// ```
    pub const PRESETS: &'static [&'static str] = &[
        "express_metric",
        "ups_us_domestic",
        "ups_us_domestic_daily",
        "ups_international",
        "iata_air_cargo",
        "sea_lcl",
        "road",
    ];

    /// A preset by name (see the table above).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// assert_eq!(ChargeableRule::preset("road").map(|r| r.name_or_custom().to_owned()).as_deref(), Some("road"));
    /// assert!(ChargeableRule::preset("rail").is_none());
    /// ```
    pub fn preset(name: &str) -> Option<ChargeableRule> {
        let volumetric = |divisor, over_volume| Method::Volumetric {
            divisor,
            over_volume,
        };
        let (method, dims, weight, basis, minimum, limits, source) = match name.trim() {
            "express_metric" => (
                volumetric(VolumetricDivisor::EXPRESS, None),
                DimensionRounding::None,
                WeightRounding::UpHalfKg,
                WeightBasis::Carton,
                None,
                Some(dhl_limits()),
                "DHL Express: volumetric weight = L x W x H (cm) / 5000, billed up to the next 0.5 kg; FedEx and UPS outside the US use the same divisor",
            ),
            "ups_us_domestic" => (
                volumetric(VolumetricDivisor::US_166, None),
                DimensionRounding::NearestInch,
                WeightRounding::UpLb,
                WeightBasis::Carton,
                None,
                Some(ups_limits()),
                "UPS: determining billable weight (retail rates: divisor 166, each side to the nearest whole inch, weights up to the next pound)",
            ),
            "ups_us_domestic_daily" => (
                volumetric(VolumetricDivisor::US_139, None),
                DimensionRounding::NearestInch,
                WeightRounding::UpLb,
                WeightBasis::Carton,
                None,
                Some(ups_limits()),
                "UPS daily rates: divisor 139 for every US domestic package since 2017-12-24 (from 2017-01-08 to 2017-12-23, 139 over 1,728 cubic inches and 166 at or below); sides to the nearest whole inch, weights up to the next pound",
            ),
            "ups_international" => (
                volumetric(VolumetricDivisor::US_139, None),
                DimensionRounding::NearestInch,
                WeightRounding::UpLb,
                WeightBasis::Carton,
                None,
                Some(ups_limits()),
                "UPS: international shipments from the US (divisor 139); FedEx uses 139 as well",
            ),
            "iata_air_cargo" => (
                volumetric(VolumetricDivisor::AIR_CARGO, None),
                DimensionRounding::None,
                WeightRounding::UpHalfKg,
                WeightBasis::Shipment,
                None,
                None,
                "IATA air cargo: 6000 cm3 per kg (166 in3 per lb), the shipment's weight up to the next 0.5 kg",
            ),
            "sea_lcl" => (
                Method::RevenueTon {
                    per_cbm: Weight::new(Decimal::from(1000), MassUnit::Kilogram)
                        .unwrap_or(Weight::zero(MassUnit::Kilogram)),
                },
                DimensionRounding::UpCm,
                WeightRounding::None,
                WeightBasis::Shipment,
                Some(Decimal::ONE),
                None,
                "ocean LCL freight by revenue ton (W/M): 1 CBM = 1000 kg, at least 1 revenue ton",
            ),
            "road" => (
                volumetric(
                    VolumetricDivisor::per_cubic_metre(Decimal::from(333), MassUnit::Kilogram),
                    None,
                ),
                DimensionRounding::None,
                WeightRounding::None,
                WeightBasis::Shipment,
                None,
                None,
                "road freight: 1 CBM = 333 kg",
            ),
            _ => return None,
        };
        Some(ChargeableRule {
            name: Some(name.trim().to_owned()),
            method,
            dimension_rounding: dims,
            weight_rounding: weight,
            basis,
            minimum,
            limits,
            source,
        })
    }

    /// The preset of a transport mode: express `express_metric`, air
    /// `iata_air_cargo`, sea LCL `sea_lcl`, road `road`; rail and sea FCL
    /// have none.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{ChargeableRule, TransportMode};
    /// assert!(ChargeableRule::for_mode(TransportMode::Rail).is_none());
    /// assert!(ChargeableRule::for_mode(TransportMode::Air).is_some());
    /// ```
    pub fn for_mode(mode: TransportMode) -> Option<ChargeableRule> {
        let name = match mode {
            TransportMode::Express => "express_metric",
            TransportMode::Air => "iata_air_cargo",
            TransportMode::SeaLcl => "sea_lcl",
            TransportMode::Road => "road",
            TransportMode::Rail | TransportMode::SeaFcl => return None,
        };
        ChargeableRule::preset(name)
    }

    /// A caller's volumetric rule: this divisor, sides as measured, no
    /// rounding, per carton, no minimum, no piece limits. Change the
    /// fields to taste.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{ChargeableRule, LengthUnit, MassUnit, VolumetricDivisor};
    /// use crossborder::shipment::{Piece, WeightBasis};
    /// use rust_decimal::Decimal;
    /// let mut rail = ChargeableRule::volumetric(VolumetricDivisor::new(Decimal::from(6000), LengthUnit::Centimetre, MassUnit::Kilogram));
    /// rail.basis = WeightBasis::Shipment;
    /// let answer = rail.compute(&[Piece::new("60 x 50 x 40 cm".parse()?, "15 kg".parse()?, 2)])?;
    /// assert_eq!(answer.total(), Decimal::from(40));
    /// assert_eq!(answer.rule(), "custom");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn volumetric(divisor: VolumetricDivisor) -> ChargeableRule {
        ChargeableRule {
            name: None,
            method: Method::Volumetric {
                divisor,
                over_volume: None,
            },
            dimension_rounding: DimensionRounding::None,
            weight_rounding: WeightRounding::None,
            basis: WeightBasis::Carton,
            minimum: None,
            limits: None,
            source: "the caller's rule",
        }
    }

    /// A caller's revenue-ton rule: one cubic metre counts as `per_cbm`,
    /// for the whole shipment, sides as measured, no minimum.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// use rust_decimal::Decimal;
    /// let lane = ChargeableRule::revenue_ton("500 kg".parse()?);
    /// let answer = lane.compute(&[Piece::new("100 x 100 x 100 cm".parse()?, "600 kg".parse()?, 1)])?;
    /// assert_eq!(answer.total(), Decimal::new(12, 1)); // 600 kg / 500 kg > 1 CBM
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revenue_ton(per_cbm: Weight) -> ChargeableRule {
        ChargeableRule {
            name: None,
            method: Method::RevenueTon { per_cbm },
            dimension_rounding: DimensionRounding::None,
            weight_rounding: WeightRounding::None,
            basis: WeightBasis::Shipment,
            minimum: None,
            limits: None,
            source: "the caller's rule",
        }
    }

    /// The preset's name, or `custom`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::ChargeableRule::preset("sea_lcl").unwrap().name_or_custom(), "sea_lcl");
    /// ```
    pub fn name_or_custom(&self) -> &str {
        self.name.as_deref().unwrap_or("custom")
    }

    /// The unit of the answer: the divisor's mass unit (kg or lb), or
    /// revenue tons.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::ChargeableUnit;
    /// assert_eq!(ChargeableRule::preset("ups_international").unwrap().unit(), ChargeableUnit::Pound);
    /// ```
    pub fn unit(&self) -> ChargeableUnit {
        match self.method {
            Method::Volumetric { divisor, .. } => match divisor.mass_unit() {
                MassUnit::Pound | MassUnit::Ounce => ChargeableUnit::Pound,
                MassUnit::Kilogram | MassUnit::Gram => ChargeableUnit::Kilogram,
            },
            Method::RevenueTon { .. } => ChargeableUnit::RevenueTon,
        }
    }

    fn mass_unit(&self) -> MassUnit {
        match self.unit() {
            ChargeableUnit::Pound => MassUnit::Pound,
            _ => MassUnit::Kilogram,
        }
    }

    fn round(&self, value: Decimal) -> Result<Decimal, ChargeableError> {
        let Some((step, step_unit)) = self.weight_rounding.step() else {
            return Ok(value);
        };
        let unit = self.unit();
        if unit == ChargeableUnit::RevenueTon || step_unit != self.mass_unit() {
            return Err(ChargeableError::RoundingUnit {
                rounding: self.weight_rounding,
                unit,
            });
        }
        Ok(Weight::new(value, step_unit)?.round_up_to(step)?.value())
    }

    fn with_minimum(&self, value: Decimal) -> Decimal {
        match self.minimum {
            Some(m) if m > value => m,
            _ => value,
        }
    }

    fn measured(&self, d: &Dimensions) -> Result<Dimensions, MeasureError> {
        match self.dimension_rounding {
            DimensionRounding::None => Ok(*d),
            DimensionRounding::NearestInch => {
                d.rounded(LengthUnit::Inch, RoundingStrategy::MidpointAwayFromZero)
            }
            DimensionRounding::UpCm => {
                d.rounded(LengthUnit::Centimetre, RoundingStrategy::ToPositiveInfinity)
            }
        }
    }

    /// The chargeable weight of these pieces: each piece's actual,
    /// volumetric and (per carton) chargeable weight, the totals, which one
    /// dominated, and the carrier's per-piece limits each piece exceeds.
    /// Exact decimals throughout; identical pieces (`count` > 1) count once
    /// each.
    ///
    /// # Errors
    ///
    /// [`ChargeableError::NoPieces`] for an empty list,
    /// [`ChargeableError::RoundingUnit`] for a rounding in another unit than
    /// the rule's, [`ChargeableError::Measure`] for figures too large.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert_eq!(w.total().to_string(), "36");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(&self, pieces: &[Piece]) -> Result<ChargeableWeight, ChargeableError> {
        if pieces.is_empty() {
            return Err(ChargeableError::NoPieces);
        }
        let too_large =
            || ChargeableError::Measure(MeasureError::TooLarge("the shipment's totals".into()));
        let mut rows = Vec::with_capacity(pieces.len());
        let mut exceeded = Vec::new();
        let (mut actual_total, mut volumetric_total, mut applied_total, mut charged_total) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (index, piece) in pieces.iter().enumerate() {
            let measured = self.measured(&piece.dimensions)?;
            let (actual, volumetric, applies) = match self.method {
                Method::Volumetric {
                    divisor,
                    over_volume,
                } => {
                    let actual = piece.weight.to_unit(self.mass_unit())?.value();
                    let volumetric = measured.volumetric_weight(divisor)?.value();
                    let applies = match over_volume {
                        Some(v) => measured.to_unit(divisor.length_unit())?.volume() > v,
                        None => true,
                    };
                    (actual, volumetric, applies)
                }
                Method::RevenueTon { per_cbm } => {
                    let cbm = measured.to_unit(LengthUnit::Metre)?.volume().normalize();
                    let tonnes = piece
                        .weight
                        .grams()
                        .checked_div(per_cbm.grams())
                        .ok_or_else(too_large)?
                        .normalize();
                    (tonnes, cbm, true)
                }
            };
            let applied = if applies { volumetric } else { Decimal::ZERO };
            let chargeable = match self.basis {
                WeightBasis::Carton => Some(self.with_minimum(self.round(actual.max(applied))?)),
                WeightBasis::Shipment => None,
            };
            let n = Decimal::from(piece.count);
            let add = |total: &mut Decimal, v: Decimal| -> Result<(), ChargeableError> {
                *total = v
                    .checked_mul(n)
                    .and_then(|x| total.checked_add(x))
                    .ok_or_else(too_large)?;
                Ok(())
            };
            add(&mut actual_total, actual)?;
            add(&mut volumetric_total, volumetric)?;
            add(&mut applied_total, applied)?;
            if let Some(c) = chargeable {
                add(&mut charged_total, c)?;
            }
            if let Some(limits) = &self.limits {
                check_limits(limits, index, &measured, &piece.weight, &mut exceeded);
            }
            rows.push(PieceWeight {
                actual,
                volumetric,
                chargeable,
                count: piece.count,
            });
        }
        let total = match self.basis {
            WeightBasis::Carton => charged_total,
            WeightBasis::Shipment => {
                self.with_minimum(self.round(actual_total.max(applied_total))?)
            }
        };
        let dominant = if applied_total > actual_total {
            Dominant::Volumetric
        } else {
            Dominant::Actual
        };
        Ok(ChargeableWeight {
            rule: self.name_or_custom().to_owned(),
            unit: self.unit(),
            basis: self.basis,
            pieces: rows,
            actual: actual_total.normalize(),
            volumetric: volumetric_total.normalize(),
            total: total.normalize(),
            dominant,
            exceeded,
        })
    }
}

fn check_limits(
    limits: &PieceLimits,
    piece: usize,
    measured: &Dimensions,
    weight: &Weight,
    out: &mut Vec<LimitExceeded>,
) {
    let mut push = |kind, value: String, limit: String| {
        out.push(LimitExceeded {
            piece,
            kind,
            carrier: limits.carrier.clone(),
            value,
            limit,
        });
    };
    let in_unit = |l: &Length, mm: Decimal| {
        let v = mm
            .checked_div(l.unit().millimetres())
            .unwrap_or(mm)
            .round_dp(2)
            .normalize();
        format!("{v} {}", l.unit())
    };
    let mm = measured
        .to_unit(LengthUnit::Millimetre)
        .map(|d| d.sorted_sides())
        .ok();
    let girth_mm = measured
        .length_plus_girth()
        .checked_mul(measured.unit().millimetres());
    let weighs = |limit: &Weight| {
        let v = weight
            .to_unit(limit.unit())
            .map(|w| w.value().round_dp(2).normalize())
            .unwrap_or(weight.value());
        format!("{v} {}", limit.unit().symbol())
    };
    if let Some(max) = &limits.max_weight
        && weight > max
    {
        push(LimitKind::MaxWeight, weighs(max), max.to_string());
    }
    if let Some([longest, second, _]) = mm {
        if let Some(max) = &limits.max_length
            && longest > max.millimetres()
        {
            push(LimitKind::MaxLength, in_unit(max, longest), max.to_string());
        }
        if let (Some(max), Some(g)) = (&limits.max_length_plus_girth, girth_mm)
            && g > max.millimetres()
        {
            push(LimitKind::LengthPlusGirth, in_unit(max, g), max.to_string());
        }
        if let Some(max) = &limits.handling_length
            && longest > max.millimetres()
        {
            push(
                LimitKind::HandlingLength,
                in_unit(max, longest),
                max.to_string(),
            );
        }
        if let Some(max) = &limits.handling_second_side
            && second > max.millimetres()
        {
            push(
                LimitKind::HandlingSecondSide,
                in_unit(max, second),
                max.to_string(),
            );
        }
    }
    if let Some(max) = &limits.handling_weight
        && weight > max
    {
        push(LimitKind::HandlingWeight, weighs(max), max.to_string());
    }
}

/// One piece's figures in the rule's unit.
///
/// # Example
///
/// ```
/// use crossborder::ChargeableRule;
/// use crossborder::shipment::Piece;
/// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
/// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
/// let piece = w.pieces()[0];
/// assert_eq!(piece.actual.to_string(), "11.9");
/// assert_eq!(piece.chargeable.map(|c| c.to_string()).as_deref(), Some("12"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PieceWeight {
    /// Actual weight (revenue tons: the weight divided by what a cubic metre
    /// counts as).
    pub actual: Decimal,
    /// Volumetric weight (revenue tons: the volume in cubic metres).
    pub volumetric: Decimal,
    /// The chargeable weight of one piece, rounded as the rule rounds it;
    /// `None` when the rule's basis is the whole shipment.
    pub chargeable: Option<Decimal>,
    /// How many identical pieces.
    pub count: u32,
}

/// The answer of [`ChargeableRule::compute`].
///
/// # Example
///
/// ```
/// use crossborder::ChargeableRule;
/// use crossborder::shipment::{ChargeableUnit, Piece};
/// use rust_decimal::Decimal;
/// let air = ChargeableRule::preset("iata_air_cargo").ok_or("preset")?;
/// let answer = air.compute(&[Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3)])?;
/// assert_eq!(answer.unit(), ChargeableUnit::Kilogram);
/// assert_eq!(answer.actual(), Decimal::new(357, 1));
/// assert_eq!(answer.volumetric(), Decimal::from(30));
/// assert_eq!(answer.total(), Decimal::from(36)); // 35.7 kg up to the next 0.5 kg
/// assert_eq!(answer.pieces()[0].chargeable, None); // a shipment rule
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChargeableWeight {
    rule: String,
    unit: ChargeableUnit,
    basis: WeightBasis,
    pieces: Vec<PieceWeight>,
    actual: Decimal,
    volumetric: Decimal,
    total: Decimal,
    dominant: Dominant,
    exceeded: Vec<LimitExceeded>,
}

impl ChargeableWeight {
    /// The rule's name, or `custom`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert_eq!(w.rule(), "express_metric");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rule(&self) -> &str {
        &self.rule
    }

    /// The unit of every figure.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert_eq!(w.unit().as_str(), "kg");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(&self) -> ChargeableUnit {
        self.unit
    }

    /// Per carton or per shipment.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::{Piece, WeightBasis};
    /// let a = ChargeableRule::preset("road").unwrap().compute(&[Piece::new("1 x 1 x 1 m".parse()?, "100 kg".parse()?, 1)])?;
    /// assert_eq!(a.basis(), WeightBasis::Shipment);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> WeightBasis {
        self.basis
    }

    /// Each piece, in the order given.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert_eq!(w.pieces().len(), 1);
    /// assert_eq!(w.pieces()[0].count, 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pieces(&self) -> &[PieceWeight] {
        &self.pieces
    }

    /// The total actual weight (every piece counted `count` times), not
    /// rounded.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert_eq!(w.actual().to_string(), "35.7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn actual(&self) -> Decimal {
        self.actual
    }

    /// The total volumetric weight, not rounded.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert_eq!(w.volumetric().to_string(), "36");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn volumetric(&self) -> Decimal {
        self.volumetric
    }

    /// The chargeable weight: the sum of the cartons' chargeable weights, or
    /// for a shipment rule the greater total, rounded, at least the minimum.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert_eq!(w.total().to_string(), "36");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self) -> Decimal {
        self.total
    }

    /// Which total is greater: volumetric when the volumetric weight that
    /// counts exceeds the actual weight, else actual.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert_eq!(w.dominant().as_str(), "volumetric");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dominant(&self) -> Dominant {
        self.dominant
    }

    /// The carrier's per-piece limits the pieces exceed, in piece order.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ChargeableRule;
    /// use crossborder::shipment::Piece;
    /// let carton = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 3);
    /// let w = ChargeableRule::preset("express_metric").ok_or("preset")?.compute(&[carton])?;
    /// assert!(w.exceeded().is_empty()); // 11.9 kg is within DHL Express's 70 kg
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exceeded(&self) -> &[LimitExceeded] {
        &self.exceeded
    }
}
