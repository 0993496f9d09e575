//! The domain types of a stocking shipment: [`StockingShipment`] and its
//! parts, and the closed sets they use.
//!
//! These are plain records: every field public, a value that could not be
//! read left out (`None`) after the conversion reported it. Arrays keep the
//! positions of the JSON they came from, so a rule's pointer
//! (`/cartons/2/grossWeight`) is the index of the Rust value.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::chargeable::ChargeableRule;
use super::profile::WarehouseProfile;
use crate::macros::closed_enum;
use crate::{
    Country, Currency, CustomsUnit, Dimensions, ExchangeRates, Gtin, HsCode, Money, Weight,
};

closed_enum! {
    /// How the first mile (头程) travels. `air` is air cargo, `express` an
    /// express courier; both count as air for dangerous goods.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::TransportMode;
    /// assert_eq!("sea_lcl".parse::<TransportMode>()?, TransportMode::SeaLcl);
    /// assert!(TransportMode::Express.is_air());
    /// assert!(!TransportMode::Rail.is_air());
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum TransportMode("transport mode") {
        /// Air cargo.
        Air = "air",
        /// Express courier (DHL, FedEx, UPS).
        Express = "express",
        /// Sea freight, less than a container load.
        SeaLcl = "sea_lcl" | "lcl",
        /// Sea freight, full container load.
        SeaFcl = "sea_fcl" | "fcl",
        /// Rail (China-Europe).
        Rail = "rail",
        /// Road.
        Road = "road" | "truck",
    }
}

impl TransportMode {
    /// Whether the goods fly (air cargo or express): the IATA Dangerous
    /// Goods Regulations apply.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::TransportMode::Air.is_air());
    /// ```
    pub const fn is_air(self) -> bool {
        matches!(self, TransportMode::Air | TransportMode::Express)
    }
}

closed_enum! {
    /// An Incoterms 2020 rule, and the legacy `DDU` (Delivered Duty Unpaid,
    /// dropped in Incoterms 2010), which is judged as [`Incoterm::Dap`] and
    /// written back as `DDU`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Incoterm;
    /// let ddu: Incoterm = "DDU".parse()?;
    /// assert_eq!(ddu.rules_as(), Incoterm::Dap);
    /// assert_eq!(ddu.to_string(), "DDU");
    /// assert!(Incoterm::Ddp.seller_pays_freight());
    /// assert!(!Incoterm::Fob.seller_pays_freight());
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum Incoterm("incoterm") {
        /// Ex Works.
        Exw = "EXW",
        /// Free Carrier.
        Fca = "FCA",
        /// Carriage Paid To.
        Cpt = "CPT",
        /// Carriage and Insurance Paid To.
        Cip = "CIP",
        /// Delivered at Place.
        Dap = "DAP",
        /// Delivered at Place Unloaded.
        Dpu = "DPU",
        /// Delivered Duty Paid.
        Ddp = "DDP",
        /// Free Alongside Ship.
        Fas = "FAS",
        /// Free on Board.
        Fob = "FOB",
        /// Cost and Freight.
        Cfr = "CFR" | "CNF" | "C&F",
        /// Cost, Insurance and Freight.
        Cif = "CIF",
        /// Delivered Duty Unpaid: not an Incoterms 2020 rule; judged as DAP.
        Ddu = "DDU",
    }
}

impl Incoterm {
    /// The Incoterms 2020 rule this one is judged as: itself, or DAP for the
    /// legacy DDU.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Incoterm;
    /// assert_eq!(Incoterm::Cif.rules_as(), Incoterm::Cif);
    /// ```
    pub const fn rules_as(self) -> Incoterm {
        match self {
            Incoterm::Ddu => Incoterm::Dap,
            other => other,
        }
    }

    /// Whether this is the legacy `DDU`.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Incoterm::Ddu.is_legacy());
    /// ```
    pub const fn is_legacy(self) -> bool {
        matches!(self, Incoterm::Ddu)
    }

    /// Whether the seller pays the main carriage (the C and D rules).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Incoterm::Cpt.seller_pays_freight());
    /// ```
    pub const fn seller_pays_freight(self) -> bool {
        matches!(
            self.rules_as(),
            Incoterm::Cpt
                | Incoterm::Cip
                | Incoterm::Cfr
                | Incoterm::Cif
                | Incoterm::Dap
                | Incoterm::Dpu
                | Incoterm::Ddp
        )
    }

    /// Whether the seller must insure the goods (CIF, CIP).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Incoterm::Cip.seller_insures());
    /// assert!(!crossborder::Incoterm::Ddp.seller_insures());
    /// ```
    pub const fn seller_insures(self) -> bool {
        matches!(self.rules_as(), Incoterm::Cip | Incoterm::Cif)
    }

    /// Whether the buyer pays the main carriage (the E and F rules): a
    /// freight or insurance charge on the seller's invoice is unexpected.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Incoterm::Exw.buyer_pays_freight());
    /// ```
    pub const fn buyer_pays_freight(self) -> bool {
        matches!(
            self.rules_as(),
            Incoterm::Exw | Incoterm::Fca | Incoterm::Fas | Incoterm::Fob
        )
    }
}

closed_enum! {
    /// How a unit's batteries travel with it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::BatteryConfiguration;
    /// assert_eq!("alone".parse::<BatteryConfiguration>()?, BatteryConfiguration::Alone);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum BatteryConfiguration("battery configuration" in "shipment::") {
        /// No battery.
        None = "none",
        /// Installed in the equipment (PI 967 lithium ion, PI 970 lithium metal).
        ContainedInEquipment = "contained_in_equipment",
        /// Packed with the equipment, not installed (PI 966, PI 969).
        PackedWithEquipment = "packed_with_equipment",
        /// Batteries on their own, such as power banks (PI 965, PI 968).
        Alone = "alone" | "standalone",
    }
}

closed_enum! {
    /// A battery's chemistry.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::BatteryChemistry;
    /// assert_eq!("lithium_metal".parse::<BatteryChemistry>()?, BatteryChemistry::LithiumMetal);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum BatteryChemistry("battery chemistry" in "shipment::") {
        /// Lithium ion (and lithium polymer).
        LithiumIon = "lithium_ion" | "li-ion" | "lithium_polymer",
        /// Lithium metal.
        LithiumMetal = "lithium_metal",
        /// Another chemistry (alkaline, NiMH, ...): not a lithium battery.
        Other = "other",
    }
}

closed_enum! {
    /// The IATA packing instruction of a lithium battery by its chemistry and
    /// configuration.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{BatteryChemistry, BatteryConfiguration, PackingInstruction};
    /// assert_eq!(
    ///     PackingInstruction::of(BatteryChemistry::LithiumIon, BatteryConfiguration::PackedWithEquipment),
    ///     Some(PackingInstruction::Pi966)
    /// );
    /// assert_eq!(PackingInstruction::Pi966.to_string(), "PI 966");
    /// ```
    pub enum PackingInstruction("packing instruction" in "shipment::") {
        /// Lithium ion batteries alone.
        Pi965 = "PI 965" | "pi965" | "965",
        /// Lithium ion batteries packed with equipment.
        Pi966 = "PI 966" | "pi966" | "966",
        /// Lithium ion batteries contained in equipment.
        Pi967 = "PI 967" | "pi967" | "967",
        /// Lithium metal batteries alone.
        Pi968 = "PI 968" | "pi968" | "968",
        /// Lithium metal batteries packed with equipment.
        Pi969 = "PI 969" | "pi969" | "969",
        /// Lithium metal batteries contained in equipment.
        Pi970 = "PI 970" | "pi970" | "970",
    }
}

impl PackingInstruction {
    /// The instruction for a lithium battery; `None` for other chemistries
    /// and for no battery.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{BatteryChemistry, BatteryConfiguration, PackingInstruction};
    /// assert_eq!(PackingInstruction::of(BatteryChemistry::Other, BatteryConfiguration::Alone), None);
    /// ```
    pub const fn of(
        chemistry: BatteryChemistry,
        configuration: BatteryConfiguration,
    ) -> Option<Self> {
        use BatteryConfiguration as C;
        use PackingInstruction as P;
        match (chemistry, configuration) {
            (_, C::None) | (BatteryChemistry::Other, _) => None,
            (BatteryChemistry::LithiumIon, C::Alone) => Some(P::Pi965),
            (BatteryChemistry::LithiumIon, C::PackedWithEquipment) => Some(P::Pi966),
            (BatteryChemistry::LithiumIon, C::ContainedInEquipment) => Some(P::Pi967),
            (BatteryChemistry::LithiumMetal, C::Alone) => Some(P::Pi968),
            (BatteryChemistry::LithiumMetal, C::PackedWithEquipment) => Some(P::Pi969),
            (BatteryChemistry::LithiumMetal, C::ContainedInEquipment) => Some(P::Pi970),
        }
    }

    /// Whether the batteries travel alone (PI 965, PI 968): always fully
    /// regulated dangerous goods since 2022-04-01.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::shipment::PackingInstruction::Pi968.is_alone());
    /// ```
    pub const fn is_alone(self) -> bool {
        matches!(self, PackingInstruction::Pi965 | PackingInstruction::Pi968)
    }
}

closed_enum! {
    /// A document held for a SKU.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::GoodsDocument;
    /// assert_eq!("SDS".parse::<GoodsDocument>()?, GoodsDocument::Msds);
    /// assert_eq!(GoodsDocument::Un383Summary.name_zh(), "UN38.3 测试概要");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum GoodsDocument("document kind" in "shipment::") {
        /// Material safety data sheet (MSDS/SDS).
        Msds = "msds" | "sds",
        /// UN38.3 test summary of a lithium battery.
        Un383Summary = "un38_3_summary" | "un38.3",
        /// Air transport identification report (航空运输条件鉴定书).
        AirTransportReport = "air_transport_report",
        /// Magnetic test report (磁检报告).
        MagneticReport = "magnetic_report",
        /// Non-dangerous-goods report (非危险品鉴定).
        NonDgReport = "non_dg_report",
    }
}

impl GoodsDocument {
    /// The document's name in English.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::GoodsDocument::Msds.name_en(), "MSDS/SDS");
    /// ```
    pub const fn name_en(self) -> &'static str {
        match self {
            GoodsDocument::Msds => "MSDS/SDS",
            GoodsDocument::Un383Summary => "UN38.3 test summary",
            GoodsDocument::AirTransportReport => "air transport identification report",
            GoodsDocument::MagneticReport => "magnetic test report",
            GoodsDocument::NonDgReport => "non-dangerous-goods report",
        }
    }

    /// The document's name in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::GoodsDocument::MagneticReport.name_zh(), "磁检报告");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            GoodsDocument::Msds => "MSDS/SDS 安全数据表",
            GoodsDocument::Un383Summary => "UN38.3 测试概要",
            GoodsDocument::AirTransportReport => "航空运输条件鉴定书",
            GoodsDocument::MagneticReport => "磁检报告",
            GoodsDocument::NonDgReport => "非危险品鉴定",
        }
    }
}

closed_enum! {
    /// A heavy-carton label.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::CartonLabel;
    /// assert_eq!("Team Lift".parse::<CartonLabel>()?, CartonLabel::TeamLift);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum CartonLabel("carton label" in "shipment::") {
        /// "Team Lift" (Amazon US, over 50 lb).
        TeamLift = "team_lift" | "team lift",
        /// "Mech Lift" (Amazon US, over 100 lb).
        MechLift = "mech_lift" | "mech lift",
        /// "Heavy Package" on top and sides (Amazon EU and UK, over 15 kg).
        HeavyPackage = "heavy_package" | "heavy package",
    }
}

/// A lithium or other battery in a unit.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{Battery, BatteryChemistry, BatteryConfiguration, PackingInstruction};
/// use rust_decimal::Decimal;
/// let mut b = Battery::default();
/// b.configuration = Some(BatteryConfiguration::ContainedInEquipment);
/// b.chemistry = Some(BatteryChemistry::LithiumIon);
/// b.watt_hours = Some(Decimal::new(19, 1));
/// assert_eq!(b.packing_instruction(), Some(PackingInstruction::Pi967));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Battery {
    /// How the battery travels with the unit.
    pub configuration: Option<BatteryConfiguration>,
    /// Its chemistry.
    pub chemistry: Option<BatteryChemistry>,
    /// Watt-hours per battery (lithium ion).
    pub watt_hours: Option<Decimal>,
    /// Lithium content in grams per battery (lithium metal).
    pub lithium_grams: Option<Decimal>,
    /// Whether the figures are of single cells rather than batteries.
    pub cell: bool,
    /// Batteries per unit.
    pub count: Option<u32>,
    /// State of charge, in percent.
    pub state_of_charge: Option<Decimal>,
}

impl Battery {
    /// The IATA packing instruction, when chemistry and configuration are
    /// known and it is a lithium battery.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::Battery::default().packing_instruction(), None);
    /// ```
    pub fn packing_instruction(&self) -> Option<PackingInstruction> {
        PackingInstruction::of(self.chemistry?, self.configuration?)
    }

    /// Whether this is a lithium battery (ion or metal) that travels with the
    /// unit.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!crossborder::shipment::Battery::default().is_lithium());
    /// ```
    pub fn is_lithium(&self) -> bool {
        self.packing_instruction().is_some()
    }
}

/// A document held for a SKU, with its issue date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::shipment::{GoodsDocument, HeldDocument};
/// let d = HeldDocument::new(GoodsDocument::Msds, NaiveDate::from_ymd_opt(2025, 3, 1));
/// assert_eq!(d.kind, Some(GoodsDocument::Msds));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeldDocument {
    /// Which document.
    pub kind: Option<GoodsDocument>,
    /// When it was issued.
    pub issued_on: Option<NaiveDate>,
}

impl HeldDocument {
    /// A document of a kind, issued on a date (if known).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{GoodsDocument, HeldDocument};
    /// assert_eq!(HeldDocument::new(GoodsDocument::Msds, None).issued_on, None);
    /// ```
    pub fn new(kind: GoodsDocument, issued_on: Option<NaiveDate>) -> Self {
        HeldDocument {
            kind: Some(kind),
            issued_on,
        }
    }
}

/// A SKU registered with the warehouse before it ships (SKU 预登记): what the
/// warehouses' product APIs ask for.
///
/// # Example
///
/// ```
/// use crossborder::SkuRegistration;
/// let mut sku = SkuRegistration::new("EAR-BLK");
/// sku.unit_weight = Some("0.12 kg".parse()?);
/// sku.dimensions = Some("10 x 8 x 4 cm".parse()?);
/// assert_eq!(sku.sku.as_deref(), Some("EAR-BLK"));
/// # Ok::<(), crossborder::MeasureError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SkuRegistration {
    /// The seller's SKU code.
    pub sku: Option<String>,
    /// Chinese name.
    pub name_cn: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// The unit's product barcode, check digit verified.
    pub barcode: Option<Gtin>,
    /// Amazon's FNSKU (or the ASIN for commingled stock), as given.
    pub fnsku: Option<String>,
    /// Brand, if any.
    pub brand: Option<String>,
    /// A page where the product is sold.
    pub sales_link: Option<String>,
    /// China's 10-digit export HS code.
    pub hs_code: Option<HsCode>,
    /// The destination's HS code (6 to 10 digits).
    pub import_hs_code: Option<HsCode>,
    /// Country of origin.
    pub origin: Option<Country>,
    /// Declared value of one unit.
    pub unit_value: Option<Money>,
    /// Weight of one unit.
    pub unit_weight: Option<Weight>,
    /// Size of one unit.
    pub dimensions: Option<Dimensions>,
    /// Batteries, if any.
    pub battery: Option<Battery>,
    /// A liquid: its volume in millilitres where known (`Some(None)`: a
    /// liquid of unknown volume).
    pub liquid: Option<Option<Decimal>>,
    /// A powder.
    pub powder: bool,
    /// Magnetic.
    pub magnetic: bool,
    /// Flammable.
    pub flammable: bool,
    /// Jewellery or a watch.
    pub jewellery_or_watch: bool,
    /// Carton lines give the lot.
    pub lot_managed: bool,
    /// Carton lines give the expiry date.
    pub expiry_managed: bool,
    /// Documents held, in the order given.
    pub documents: Vec<HeldDocument>,
}

impl SkuRegistration {
    /// A registration with only its SKU code.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::SkuRegistration::new("A-1").hs_code.is_none());
    /// ```
    pub fn new(sku: impl Into<String>) -> Self {
        SkuRegistration {
            sku: Some(sku.into()),
            ..SkuRegistration::default()
        }
    }

    /// The lithium battery's packing instruction, if the unit has one.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::SkuRegistration::new("A").packing_instruction(), None);
    /// ```
    pub fn packing_instruction(&self) -> Option<PackingInstruction> {
        self.battery.as_ref()?.packing_instruction()
    }
}

/// What a carton is labelled with.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{CartonLabel, Marks};
/// let m = Marks { reference: Some("PO-1".into()), labels: vec![CartonLabel::TeamLift], ..Marks::default() };
/// assert!(m.labels.contains(&CartonLabel::TeamLift));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// The PO or reference number (箱唛).
    pub reference: Option<String>,
    /// Amazon's shipment ID.
    pub shipment_id: Option<String>,
    /// Heavy-carton labels.
    pub labels: Vec<CartonLabel>,
}

/// One line of a carton's contents.
///
/// # Example
///
/// ```
/// use crossborder::shipment::CartonItem;
/// let item = CartonItem::new("EAR-BLK", 80);
/// assert_eq!(item.quantity, Some(80));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CartonItem {
    /// The SKU.
    pub sku: Option<String>,
    /// Units in one box.
    pub quantity: Option<u32>,
    /// Lot.
    pub lot: Option<String>,
    /// Expiry date.
    pub expiry: Option<NaiveDate>,
}

impl CartonItem {
    /// A line of `quantity` units of `sku`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::CartonItem::new("A", 1).sku.as_deref(), Some("A"));
    /// ```
    pub fn new(sku: impl Into<String>, quantity: u32) -> Self {
        CartonItem {
            sku: Some(sku.into()),
            quantity: Some(quantity),
            ..CartonItem::default()
        }
    }
}

/// A line of `count` identical cartons numbered from `box_no`: marks,
/// weights and size of one box, and one box's contents.
///
/// # Example
///
/// ```
/// use crossborder::Carton;
/// use crossborder::shipment::CartonItem;
/// let mut c = Carton::new(1, 3);
/// c.gross_weight = Some("11.9 kg".parse()?);
/// c.items.push(CartonItem::new("EAR-BLK", 80));
/// assert_eq!(c.box_numbers(), Some(1..=3));
/// assert_eq!(c.units(), 80);
/// # Ok::<(), crossborder::MeasureError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Carton {
    /// The first box's number.
    pub box_no: Option<u32>,
    /// How many identical boxes (at least 1).
    pub count: u32,
    /// The marks on each box.
    pub marks: Marks,
    /// Gross weight of one box.
    pub gross_weight: Option<Weight>,
    /// Net weight of one box.
    pub net_weight: Option<Weight>,
    /// Size of one box.
    pub dimensions: Option<Dimensions>,
    /// Contents of one box.
    pub items: Vec<CartonItem>,
}

impl Carton {
    /// `count` boxes numbered from `box_no`, with nothing else known yet.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Carton::new(4, 1).box_numbers(), Some(4..=4));
    /// ```
    pub fn new(box_no: u32, count: u32) -> Self {
        Carton {
            box_no: Some(box_no),
            count,
            marks: Marks::default(),
            gross_weight: None,
            net_weight: None,
            dimensions: None,
            items: Vec::new(),
        }
    }

    /// The box numbers this line takes: `box_no` to `box_no + count - 1`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut c = crossborder::Carton::new(1, 1);
    /// c.box_no = None;
    /// assert_eq!(c.box_numbers(), None);
    /// ```
    pub fn box_numbers(&self) -> Option<std::ops::RangeInclusive<u32>> {
        let first = self.box_no?;
        let last = first.checked_add(self.count.checked_sub(1)?)?;
        Some(first..=last)
    }

    /// Units in one box (the lines whose quantity is known).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Carton::new(1, 1).units(), 0);
    /// ```
    pub fn units(&self) -> u64 {
        self.items
            .iter()
            .filter_map(|i| i.quantity)
            .map(u64::from)
            .sum()
    }
}

/// One line of the packing list.
///
/// # Example
///
/// ```
/// let l = crossborder::shipment::PackingLine { sku: Some("A".into()), quantity: Some(2) };
/// assert_eq!(l.quantity, Some(2));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackingLine {
    /// The SKU.
    pub sku: Option<String>,
    /// Units in the shipment.
    pub quantity: Option<u32>,
}

/// The packing list (装箱单).
///
/// # Example
///
/// ```
/// let pl = crossborder::shipment::PackingList::default();
/// assert!(pl.lines.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackingList {
    /// Number of boxes.
    pub cartons: Option<u32>,
    /// Total net weight.
    pub net_weight: Option<Weight>,
    /// Total gross weight.
    pub gross_weight: Option<Weight>,
    /// Quantities per SKU.
    pub lines: Vec<PackingLine>,
}

/// One line of the commercial invoice.
///
/// # Example
///
/// ```
/// let l = crossborder::shipment::InvoiceLine::default();
/// assert!(l.amount.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InvoiceLine {
    /// The SKU.
    pub sku: Option<String>,
    /// Description of the goods.
    pub description: Option<String>,
    /// HS code (China's or the destination's).
    pub hs_code: Option<HsCode>,
    /// Units.
    pub quantity: Option<u32>,
    /// Price of one unit.
    pub unit_price: Option<Money>,
    /// Quantity x unit price.
    pub amount: Option<Money>,
}

/// The commercial invoice (商业发票).
///
/// # Example
///
/// ```
/// let ci = crossborder::shipment::CommercialInvoice::default();
/// assert!(ci.currency.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommercialInvoice {
    /// Invoice number.
    pub number: Option<String>,
    /// Currency of every amount.
    pub currency: Option<Currency>,
    /// Freight charged.
    pub freight: Option<Money>,
    /// Insurance charged.
    pub insurance: Option<Money>,
    /// Total.
    pub total: Option<Money>,
    /// Lines.
    pub lines: Vec<InvoiceLine>,
}

/// One line of the export declaration: the goods of one HS code.
///
/// # Example
///
/// ```
/// let l = crossborder::shipment::DeclarationLine::default();
/// assert!(l.skus.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeclarationLine {
    /// 10-digit HS code.
    pub hs_code: Option<HsCode>,
    /// Name of the goods.
    pub name: Option<String>,
    /// Quantity, in `unit`.
    pub quantity: Option<Decimal>,
    /// China customs unit (`007` 个, `035` kg, `036` g).
    pub unit: Option<CustomsUnit>,
    /// Declared amount.
    pub amount: Option<Money>,
    /// The SKUs the line covers, where given.
    pub skus: Vec<Option<String>>,
}

/// The export customs declaration (报关单).
///
/// # Example
///
/// ```
/// let d = crossborder::shipment::ExportDeclaration::default();
/// assert!(d.lines.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportDeclaration {
    /// Currency of the amounts.
    pub currency: Option<Currency>,
    /// One line per HS code.
    pub lines: Vec<DeclarationLine>,
}

/// The importer of record.
///
/// # Example
///
/// ```
/// let i = crossborder::shipment::Importer::default();
/// assert!(i.eori.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Importer {
    /// Name.
    pub name: Option<String>,
    /// EORI number.
    pub eori: Option<crate::Eori>,
    /// Tax number.
    pub tax_id: Option<String>,
}

/// The destination warehouse.
///
/// # Example
///
/// ```
/// use crossborder::WarehouseProfile;
/// use crossborder::shipment::Warehouse;
/// let w = Warehouse { profile: Some(WarehouseProfile::amazon_fba_uk()), ..Warehouse::default() };
/// assert_eq!(w.destination(), Some(crossborder::Country::GB));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Warehouse {
    /// Its profile: carton and label rules.
    pub profile: Option<WarehouseProfile>,
    /// Its code (`ONT8`).
    pub code: Option<String>,
    /// Its country.
    pub country: Option<Country>,
}

impl Warehouse {
    /// The destination country: the warehouse's, else its profile's.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::Warehouse::default().destination(), None);
    /// ```
    pub fn destination(&self) -> Option<Country> {
        self.country
            .or_else(|| self.profile.as_ref().and_then(|p| p.country))
    }
}

/// A stocking shipment to an overseas warehouse: the SKU registrations, the
/// cartons, the three documents (packing list, commercial invoice, export
/// declaration), and what is needed to judge them.
///
/// Build one in Rust, or read the JSON form with [`super::check`]
/// (which converts it and reports every bad value at its pointer).
///
/// # Example
///
/// ```
/// use crossborder::{StockingShipment, TransportMode};
/// let mut s = StockingShipment::new("PO-1");
/// s.transport_mode = Some(TransportMode::SeaLcl);
/// assert_eq!(s.reference.as_deref(), Some("PO-1"));
/// assert!(s.cartons.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StockingShipment {
    /// PO or reference number; every carton's mark carries it.
    pub reference: Option<String>,
    /// Destination warehouse.
    pub warehouse: Warehouse,
    /// First-mile transport mode.
    pub transport_mode: Option<TransportMode>,
    /// Incoterm of the sale.
    pub incoterm: Option<Incoterm>,
    /// Ship date: the date the rules apply on unless the caller gives one.
    pub ship_date: Option<NaiveDate>,
    /// Importer of record.
    pub importer: Option<Importer>,
    /// The chargeable-weight rule named by the shipment (`None`: the
    /// transport mode's preset).
    pub chargeable_rule: Option<ChargeableRule>,
    /// Booked and declared as dangerous goods.
    pub dangerous_goods: bool,
    /// Exchange rates given with the shipment.
    pub rates: ExchangeRates,
    /// SKU registrations.
    pub skus: Vec<SkuRegistration>,
    /// Cartons.
    pub cartons: Vec<Carton>,
    /// Packing list.
    pub packing_list: Option<PackingList>,
    /// Commercial invoice.
    pub invoice: Option<CommercialInvoice>,
    /// Export declaration.
    pub declaration: Option<ExportDeclaration>,
    /// Stage events, in the order given.
    pub events: Vec<super::flow::StageEvent>,
    /// The warehouse's receipt.
    pub receipt: Option<super::flow::Receipt>,
}

impl StockingShipment {
    /// An empty shipment with its reference.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::StockingShipment::new("PO-1").skus.is_empty());
    /// ```
    pub fn new(reference: impl Into<String>) -> Self {
        StockingShipment {
            reference: Some(reference.into()),
            ..StockingShipment::default()
        }
    }

    /// Physical boxes: the sum of the cartons' counts.
    ///
    /// # Example
    ///
    /// ```
    /// let mut s = crossborder::StockingShipment::new("PO-1");
    /// s.cartons.push(crossborder::Carton::new(1, 3));
    /// assert_eq!(s.box_count(), 3);
    /// ```
    pub fn box_count(&self) -> u64 {
        self.cartons.iter().map(|c| u64::from(c.count)).sum()
    }
}
