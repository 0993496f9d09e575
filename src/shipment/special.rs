//! [`SpecialGoodsTable`]: what special goods need by transport mode, as
//! dated, sourced data a caller replaces or extends.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::{GoodsDocument, PackingInstruction, SkuRegistration, TransportMode};
use crate::Effective;
use crate::macros::closed_enum;

closed_enum! {
    /// A kind of special goods a registration can be.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::SpecialGoods;
    /// assert_eq!("lithium_battery".parse::<SpecialGoods>()?, SpecialGoods::LithiumBattery);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum SpecialGoods("special goods" in "shipment::") {
        /// A lithium battery (ion or metal) in any configuration.
        LithiumBattery = "lithium_battery",
        /// Lithium batteries on their own (PI 965, PI 968).
        LithiumBatteryAlone = "lithium_battery_alone",
        /// Magnetic goods.
        Magnetic = "magnetic",
        /// Liquids.
        Liquid = "liquid",
        /// Powders.
        Powder = "powder",
        /// Flammable goods.
        Flammable = "flammable",
    }
}

impl SpecialGoods {
    /// Whether a registration is goods of this kind.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::SkuRegistration;
    /// use crossborder::shipment::SpecialGoods;
    /// let mut s = SkuRegistration::new("A");
    /// s.magnetic = true;
    /// assert!(SpecialGoods::Magnetic.applies_to(&s));
    /// assert!(!SpecialGoods::Liquid.applies_to(&s));
    /// ```
    pub fn applies_to(self, sku: &SkuRegistration) -> bool {
        match self {
            SpecialGoods::LithiumBattery => sku.packing_instruction().is_some(),
            SpecialGoods::LithiumBatteryAlone => sku
                .packing_instruction()
                .is_some_and(PackingInstruction::is_alone),
            SpecialGoods::Magnetic => sku.magnetic,
            SpecialGoods::Liquid => sku.liquid.is_some(),
            SpecialGoods::Powder => sku.powder,
            SpecialGoods::Flammable => sku.flammable,
        }
    }
}

/// One row of the table: goods of `goods` travelling by one of `modes` need
/// `document`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{GoodsDocument, SpecialGoods, SpecialGoodsTable};
/// let t = SpecialGoodsTable::default();
/// assert!(t.documents.iter().any(|r| r.goods == SpecialGoods::Magnetic && r.document == GoodsDocument::MagneticReport));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRequirement {
    /// The goods.
    pub goods: SpecialGoods,
    /// The transport modes the row applies to.
    pub modes: Vec<TransportMode>,
    /// The document needed.
    pub document: GoodsDocument,
    /// When the row is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

/// A state-of-charge limit by air for one packing instruction.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{PackingInstruction, SpecialGoodsTable};
/// let t = SpecialGoodsTable::default();
/// let pi966 = t.state_of_charge.iter().find(|r| r.instruction == PackingInstruction::Pi966).unwrap();
/// assert_eq!(pi966.over_watt_hours.map(|d| d.to_string()).as_deref(), Some("2.7"));
/// assert!(pi966.required);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StateOfChargeLimit {
    /// The packing instruction.
    pub instruction: PackingInstruction,
    /// The highest state of charge, in percent.
    pub max_percent: Decimal,
    /// The limit applies only to cells and batteries above this energy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub over_watt_hours: Option<Decimal>,
    /// Required (an error) or recommended (a warning).
    pub required: bool,
    /// When the limit is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub source: String,
}

/// The Section II limits of IATA's lithium battery packing instructions for
/// batteries packed with or contained in equipment (PI 966, 967, 969, 970):
/// above them, the goods are fully regulated dangerous goods.
///
/// # Example
///
/// ```
/// use crossborder::shipment::SpecialGoodsTable;
/// use rust_decimal::Decimal;
/// let s = &SpecialGoodsTable::default().section_ii[0];
/// assert_eq!(s.ion_battery_wh, Decimal::from(100));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SectionIiLimits {
    /// Lithium-ion cell, watt-hours.
    pub ion_cell_wh: Decimal,
    /// Lithium-ion battery, watt-hours.
    pub ion_battery_wh: Decimal,
    /// Lithium-metal cell, grams of lithium.
    pub metal_cell_g: Decimal,
    /// Lithium-metal battery, grams of lithium.
    pub metal_battery_g: Decimal,
    /// When the limits are in force.
    pub effective: Effective,
    /// Where they come from.
    pub source: String,
}

/// What special goods need by transport mode: the documents, the state of
/// charge by air, the Section II limits, and how long an MSDS is accepted.
///
/// Rules are data with dates and sources: [`SpecialGoodsTable::default`]
/// is the crate's table (IATA DGR 67th edition, 2026); a caller replaces
/// it or [`SpecialGoodsTable::extend`]s it, from Rust or from its JSON
/// (camelCase names, as it serializes).
///
/// | goods | air / express | sea, rail, road |
/// | --- | --- | --- |
/// | lithium battery, any configuration (ion or metal) | UN38.3 test summary (from 2020-01-01), MSDS, air transport report | UN38.3 test summary (from 2020-01-01), MSDS |
/// | magnetic | magnetic test report | - |
/// | liquid | MSDS, non-dangerous-goods report | MSDS |
/// | powder | air transport report | - |
///
/// # Example
///
/// ```
/// use crossborder::shipment::{SpecialGoodsTable, StateOfChargeLimit};
///
/// let mut table = SpecialGoodsTable::default();
/// let json = serde_json::to_string(&table)?;
/// let back: SpecialGoodsTable = serde_json::from_str(&json)?;
/// assert_eq!(back, table);
/// // A forwarder that accepts an MSDS for 2 years only:
/// table.msds_validity_years = 2;
/// table.extend(serde_json::from_str(r#"{"documents": [{"goods": "powder", "modes": ["sea_lcl"],
///     "document": "msds", "effective": {"from": "2026-06-01"}, "source": "our forwarder"}]}"#)?);
/// assert_eq!(table.documents.last().map(|r| r.source.as_str()), Some("our forwarder"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SpecialGoodsTable {
    /// Documents needed by goods and mode.
    pub documents: Vec<DocumentRequirement>,
    /// State-of-charge limits by air.
    pub state_of_charge: Vec<StateOfChargeLimit>,
    /// Section II limits (the last one in force is used).
    pub section_ii: Vec<SectionIiLimits>,
    /// Years an MSDS is accepted from its issue date (default 3, a figure
    /// forwarders give; carriers set their own).
    pub msds_validity_years: u32,
}

const AIR: &[TransportMode] = &[TransportMode::Air, TransportMode::Express];
const SURFACE: &[TransportMode] = &[
    TransportMode::SeaLcl,
    TransportMode::SeaFcl,
    TransportMode::Rail,
    TransportMode::Road,
];

fn date(y: i32, m: u32, d: u32) -> Effective {
    NaiveDate::from_ymd_opt(y, m, d).map_or(Effective::always(), Effective::since)
}

impl Default for SpecialGoodsTable {
    fn default() -> Self {
        const UN383_AIR: &str = "IATA DGR 67th edition (2026), 3.9.2.6.1(e): the UN38.3 test summary is made available for every lithium cell and battery from 2020-01-01";
        const UN383_SEA: &str = "IMDG Code 2.9.4.7 (Amendment 39-18): the UN38.3 test summary is made available from 2020-01-01";
        const MSDS: &str = "carriers' and forwarders' acceptance rules for special goods: an MSDS/SDS for batteries and liquids";
        const AIR_REPORT: &str = "CAAC air transport identification (航空运输条件鉴定书) asked by Chinese airlines and forwarders for batteries and powders";
        let row = |goods, modes: &[TransportMode], document, effective, source: &str| {
            DocumentRequirement {
                goods,
                modes: modes.to_vec(),
                document,
                effective,
                source: source.to_owned(),
            }
        };
        use GoodsDocument as D;
        use SpecialGoods as G;
        let always = Effective::always();
        SpecialGoodsTable {
            documents: vec![
                row(G::LithiumBattery, AIR, D::Un383Summary, date(2020, 1, 1), UN383_AIR),
                row(G::LithiumBattery, AIR, D::Msds, always, MSDS),
                row(G::LithiumBattery, AIR, D::AirTransportReport, always, AIR_REPORT),
                row(G::LithiumBattery, SURFACE, D::Un383Summary, date(2020, 1, 1), UN383_SEA),
                row(G::LithiumBattery, SURFACE, D::Msds, always, MSDS),
                row(
                    G::Magnetic,
                    AIR,
                    D::MagneticReport,
                    always,
                    "IATA DGR 67th edition, PI 953: magnetized material is ordinary cargo only when the field at 2.1 m is below 0.159 A/m, shown by a magnetic test report",
                ),
                row(G::Liquid, AIR, D::Msds, always, MSDS),
                row(
                    G::Liquid,
                    AIR,
                    D::NonDgReport,
                    always,
                    "airlines' acceptance of liquids as general cargo: a non-dangerous-goods report (非危险品鉴定)",
                ),
                row(G::Liquid, SURFACE, D::Msds, always, MSDS),
                row(G::Powder, AIR, D::AirTransportReport, always, AIR_REPORT),
            ],
            state_of_charge: vec![
                StateOfChargeLimit {
                    instruction: PackingInstruction::Pi965,
                    max_percent: Decimal::from(30),
                    over_watt_hours: None,
                    required: true,
                    effective: date(2016, 4, 1),
                    source: "IATA DGR, PI 965: lithium ion cells and batteries alone at a state of charge not exceeding 30% (since 2016-04-01)".to_owned(),
                },
                StateOfChargeLimit {
                    instruction: PackingInstruction::Pi966,
                    max_percent: Decimal::from(30),
                    over_watt_hours: Some(Decimal::new(27, 1)),
                    required: true,
                    effective: date(2026, 1, 1),
                    source: "IATA DGR 67th edition (2026), PI 966: cells and batteries over 2.7 Wh packed with equipment at a state of charge not exceeding 30% from 2026-01-01 (recommended at or below 2.7 Wh)".to_owned(),
                },
                StateOfChargeLimit {
                    instruction: PackingInstruction::Pi967,
                    max_percent: Decimal::from(30),
                    over_watt_hours: None,
                    required: false,
                    effective: date(2026, 1, 1),
                    source: "IATA DGR 67th edition (2026), PI 967: a state of charge not exceeding 30% is recommended for batteries contained in equipment".to_owned(),
                },
            ],
            section_ii: vec![SectionIiLimits {
                ion_cell_wh: Decimal::from(20),
                ion_battery_wh: Decimal::from(100),
                metal_cell_g: Decimal::ONE,
                metal_battery_g: Decimal::TWO,
                effective: Effective::always(),
                source: "IATA DGR 67th edition, PI 966, 967, 969 and 970 Section II: lithium ion cells at most 20 Wh, batteries at most 100 Wh; lithium metal cells at most 1 g, batteries at most 2 g".to_owned(),
            }],
            msds_validity_years: 3,
        }
    }
}

impl SpecialGoodsTable {
    /// A table with nothing in it (every special-goods check passes).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::shipment::SpecialGoodsTable::empty().documents.is_empty());
    /// ```
    pub fn empty() -> Self {
        SpecialGoodsTable {
            documents: Vec::new(),
            state_of_charge: Vec::new(),
            section_ii: Vec::new(),
            msds_validity_years: 3,
        }
    }

    /// Adds another table's rows after this one's (its MSDS validity is
    /// kept only if `other` changes it from the default).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::SpecialGoodsTable;
    /// let mut table = SpecialGoodsTable::default();
    /// let n = table.documents.len();
    /// table.extend(SpecialGoodsTable::default());
    /// assert_eq!(table.documents.len(), 2 * n);
    /// ```
    pub fn extend(&mut self, other: SpecialGoodsTable) {
        self.documents.extend(other.documents);
        self.state_of_charge.extend(other.state_of_charge);
        self.section_ii.extend(other.section_ii);
        if other.msds_validity_years != 3 {
            self.msds_validity_years = other.msds_validity_years;
        }
    }

    /// The documents a registration needs for a mode on a date, in table
    /// order, without repeats.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{SkuRegistration, TransportMode};
    /// use crossborder::shipment::{GoodsDocument, SpecialGoodsTable};
    /// let mut s = SkuRegistration::new("A");
    /// s.liquid = Some(None);
    /// let on = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    /// let needs: Vec<_> = SpecialGoodsTable::default().required(&s, TransportMode::Air, on).map(|(d, _)| d).collect();
    /// assert_eq!(needs, [GoodsDocument::Msds, GoodsDocument::NonDgReport]);
    /// ```
    pub fn required<'a>(
        &'a self,
        sku: &'a SkuRegistration,
        mode: TransportMode,
        on: NaiveDate,
    ) -> impl Iterator<Item = (GoodsDocument, &'a DocumentRequirement)> + 'a {
        self.documents
            .iter()
            .enumerate()
            .filter(move |(_, r)| {
                r.modes.contains(&mode) && r.effective.contains(on) && r.goods.applies_to(sku)
            })
            .filter(move |(i, r)| {
                // Skip a document an earlier row already asked for.
                !self.documents[..*i].iter().any(|e| {
                    e.document == r.document
                        && e.modes.contains(&mode)
                        && e.effective.contains(on)
                        && e.goods.applies_to(sku)
                })
            })
            .map(|(_, r)| (r.document, r))
    }

    /// The Section II limits in force on a date (the last row that is).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let t = crossborder::shipment::SpecialGoodsTable::default();
    /// assert!(t.section_ii_on(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).is_some());
    /// ```
    pub fn section_ii_on(&self, on: NaiveDate) -> Option<&SectionIiLimits> {
        self.section_ii
            .iter()
            .rev()
            .find(|s| s.effective.contains(on))
    }
}
