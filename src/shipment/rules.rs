//! The stocking-shipment rules and their catalogue.
//!
//! Each rule is declared once in `shipment_rules!` below, with its code,
//! severity, date in force, what it checks and its source. The macro makes
//! its `Code` constant, its entry in [`catalogue`] and the row of the
//! catalogue table, so code and docs cannot disagree.

use chrono::NaiveDate;

use crate::declaration::catalogue_date;
use crate::{Code, Severity};

/// A shipment rule's description: its stable code, default severity, the
/// date it is in force from, what it checks, and the regulation, standard or
/// marketplace page it comes from.
///
/// # Example
///
/// ```
/// use crossborder::shipment::catalogue;
/// let r = catalogue().iter().find(|r| r.code().as_str() == "special.battery_alone_regulated").unwrap();
/// assert_eq!(r.effective_from().map(|d| d.to_string()).as_deref(), Some("2022-04-01"));
/// assert!(r.source().contains("IATA"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    code: Code,
    severity: Severity,
    effective_from: Option<NaiveDate>,
    checks: &'static str,
    source: &'static str,
}

impl RuleInfo {
    /// The stable code of every violation the rule reports.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::shipment::catalogue().iter().any(|r| r.code().as_str() == "carton.overweight"));
    /// ```
    pub fn code(&self) -> &Code {
        &self.code
    }

    /// The default severity.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{shipment::catalogue, Severity};
    /// let r = catalogue().iter().find(|r| r.code().as_str() == "incoterm.legacy_ddu").unwrap();
    /// assert_eq!(r.severity(), Severity::Warning);
    /// ```
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The first day the rule is in force, where it has one.
    ///
    /// # Example
    ///
    /// ```
    /// let r = &crossborder::shipment::catalogue()[0];
    /// assert_eq!(r.effective_from(), None);
    /// ```
    pub fn effective_from(&self) -> Option<NaiveDate> {
        self.effective_from
    }

    /// Whether the rule is in force on a date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::shipment::catalogue;
    /// let r = catalogue().iter().find(|r| r.code().as_str() == "special.battery_alone_regulated").unwrap();
    /// assert!(!r.in_force_on(NaiveDate::from_ymd_opt(2022, 3, 31).unwrap()));
    /// ```
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|from| date >= from)
    }

    /// What the rule checks, in a sentence.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::shipment::catalogue().iter().all(|r| !r.checks().is_empty()));
    /// ```
    pub fn checks(&self) -> &'static str {
        self.checks
    }

    /// Where the rule comes from.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::shipment::catalogue().iter().all(|r| !r.source().is_empty()));
    /// ```
    pub fn source(&self) -> &'static str {
        self.source
    }
}

macro_rules! shipment_rules {
    ($(
        $variant:ident / $konst:ident {
            code: $code:literal,
            severity: $sev:ident,
            since: $since:literal,
            checks: $checks:literal,
            source: $source:literal $(,)?
        }
    )+) => {
        impl Code {
            $(
                #[doc = concat!("`", $code, "`: ", $checks)]
                ///
                /// # Example
                ///
                /// ```
                #[doc = concat!("assert_eq!(crossborder::Code::", stringify!($konst), ".as_str(), \"", $code, "\");")]
                /// ```
                pub const $konst: Code = Code::new($code);
            )+
        }

        /// The rules, by name inside the crate.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Rule {
            $($variant),+
        }

        impl Rule {
            pub(crate) fn code(self) -> Code {
                match self {
                    $(Rule::$variant => Code::$konst),+
                }
            }

            pub(crate) fn index(self) -> usize {
                self as usize
            }
        }

        fn build() -> Vec<RuleInfo> {
            vec![$(
                RuleInfo {
                    code: Code::$konst,
                    severity: Severity::$sev,
                    effective_from: catalogue_date($since),
                    checks: $checks,
                    source: $source,
                }
            ),+]
        }

        /// Every stocking-shipment rule, in the order they run.
        ///
        /// | code | severity | in force from | checks | source |
        /// | --- | --- | --- | --- | --- |
        #[doc = concat!($(
            "| `", $code, "` | ", stringify!($sev), " | ", $since, " | ", $checks, " | ", $source, " |\n"
        ),+)]
        ///
        /// A rule without a date follows from the warehouse's, carrier's or
        /// customs' standing rules and always applies. A check that needs a
        /// value that is missing, malformed or belongs to a SKU that is not
        /// registered is skipped, so each problem is reported once, where it
        /// is.
        ///
        /// # Example
        ///
        /// ```
        /// use crossborder::shipment::catalogue;
        /// let codes: Vec<_> = catalogue().iter().map(|r| r.code().as_str()).collect();
        /// assert!(codes.contains(&"documents.invoice_quantity"));
        /// let mut sorted = codes.clone();
        /// sorted.sort();
        /// sorted.dedup();
        /// assert_eq!(sorted.len(), codes.len());
        /// ```
        pub fn catalogue() -> &'static [RuleInfo] {
            static CATALOGUE: std::sync::OnceLock<Vec<RuleInfo>> = std::sync::OnceLock::new();
            CATALOGUE.get_or_init(build)
        }
    };
}

shipment_rules! {
    ShipmentMissingField / SHIPMENT_MISSING_FIELD {
        code: "shipment.missing_field",
        severity: Error,
        since: "",
        checks: "the shipment names its reference, warehouse profile, transport mode, Incoterm and ship date, and has SKUs and cartons; the violation points at the missing member and names it in its value",
        source: "overseas-warehouse inbound order APIs (Goodcang inbound_order, Winit inbound order, 4PX fu.wms.inbound.create, Amazon SP-API Fulfillment Inbound v2024-03-20)",
    }
    IncotermLegacy / INCOTERM_LEGACY_DDU {
        code: "incoterm.legacy_ddu",
        severity: Warning,
        since: "",
        checks: "the Incoterm is an Incoterms 2020 rule; the legacy DDU is judged as DAP",
        source: "ICC Incoterms 2020 (DDU was replaced by DAP in Incoterms 2010)",
    }
    RegistrationNotRegistered / REGISTRATION_NOT_REGISTERED {
        code: "registration.not_registered",
        severity: Error,
        since: "",
        checks: "every SKU in a carton, the packing list, the invoice or a declaration line's skus is pre-registered among skus",
        source: "warehouse SKU registration before inbound (Goodcang product registration, 4PX fu.wms.sku.create, Amazon listings)",
    }
    RegistrationDuplicate / REGISTRATION_DUPLICATE_SKU {
        code: "registration.duplicate_sku",
        severity: Error,
        since: "",
        checks: "no SKU is registered twice",
        source: "warehouse SKU registration: one record per seller SKU (Goodcang, 4PX fu.wms.sku.create)",
    }
    RegistrationMissingField / REGISTRATION_MISSING_FIELD {
        code: "registration.missing_field",
        severity: Error,
        since: "",
        checks: "a registration has its SKU code, Chinese and English names, barcode, HS code, origin, unit value, unit weight and dimensions, and a sales link where the profile needs one",
        source: "Goodcang product registration and 4PX fu.wms.sku.create (names, declared value, weight, size, barcode, sales link)",
    }
    RegistrationNotPositive / REGISTRATION_NOT_POSITIVE {
        code: "registration.not_positive",
        severity: Error,
        since: "",
        checks: "a registration's unit weight and unit value are greater than zero",
        source: "Goodcang product registration and 4PX fu.wms.sku.create (weight and declared value above zero)",
    }
    RegistrationBarcodeInvalid / REGISTRATION_BARCODE_INVALID {
        code: "registration.barcode_invalid",
        severity: Error,
        since: "",
        checks: "the barcode is an EAN-8, UPC-A, EAN-13 or GTIN-14 whose check digit is right",
        source: "GS1 General Specifications, 7.9 (check digit calculation)",
    }
    RegistrationFnskuMissing / REGISTRATION_FNSKU_MISSING {
        code: "registration.fnsku_missing",
        severity: Warning,
        since: "",
        checks: "on an Amazon profile, a registration has an FNSKU (units carry it unless the SKU is enrolled to use the manufacturer barcode)",
        source: "Amazon Seller Central help 201022330 and 200141510: FBA product labelling",
    }
    RegistrationFnskuInvalid / REGISTRATION_FNSKU_INVALID {
        code: "registration.fnsku_invalid",
        severity: Error,
        since: "",
        checks: "on an Amazon profile, the FNSKU has Amazon's form: X00 and 7 letters or digits, or an ASIN (B0 and 8 letters or digits, or an ISBN-10) for commingled stock",
        source: "Amazon Seller Central help: FBA product barcode requirements (FNSKU, ASIN)",
    }
    RegistrationHsCodeLength / REGISTRATION_HS_CODE_LENGTH {
        code: "registration.hs_code_length",
        severity: Error,
        since: "",
        checks: "hsCode is China's 10-digit export code and importHsCode has 6 to 10 digits",
        source: "China customs tariff (10-digit commodity codes on export declarations); WCO HS Convention (6-digit subheadings)",
    }
    RegistrationHsCodeUnknown / REGISTRATION_HS_CODE_UNKNOWN {
        code: "registration.hs_code_unknown",
        severity: Error,
        since: "",
        checks: "the subheading of hsCode and importHsCode exists in HS 2022",
        source: "WCO Harmonized System, 2022 edition",
    }
    CartonMissingField / CARTON_MISSING_FIELD {
        code: "carton.missing_field",
        severity: Error,
        since: "",
        checks: "every carton line has its box number, gross and net weight, dimensions and contents, and every item its SKU and quantity",
        source: "carton labelling of overseas warehouses (外箱标明PO号、SKU明细、净重毛重); Amazon box content information (help 202047840)",
    }
    CartonCountZero / CARTON_COUNT_ZERO {
        code: "carton.count_zero",
        severity: Error,
        since: "",
        checks: "a carton line's count of identical boxes is at least 1",
        source: "the JSON form: count boxes numbered from boxNo",
    }
    CartonReference / CARTON_REFERENCE_MISMATCH {
        code: "carton.reference_mismatch",
        severity: Error,
        since: "",
        checks: "every carton carries the shipment's PO or reference number (箱唛), the same as the shipment's reference",
        source: "Goodcang, Winit and 4PX inbound labelling (PO/reference number on every carton)",
    }
    CartonShipmentId / CARTON_SHIPMENT_ID_MISMATCH {
        code: "carton.shipment_id_mismatch",
        severity: Error,
        since: "",
        checks: "on an Amazon profile, every carton carries one and the same shipment ID",
        source: "Amazon Seller Central help 201022330 and 200141510: one shipment ID per box, box ID labels",
    }
    CartonBoxDuplicate / CARTON_BOX_NUMBER_DUPLICATE {
        code: "carton.box_number_duplicate",
        severity: Error,
        since: "",
        checks: "box numbers are unique: a line of count n takes n numbers from its boxNo",
        source: "Winit inbound order (unique, scannable case numbers)",
    }
    CartonBoxGap / CARTON_BOX_NUMBERS_NOT_CONSECUTIVE {
        code: "carton.box_numbers_not_consecutive",
        severity: Error,
        since: "",
        checks: "where the profile says so, box numbers run from 1 without a gap",
        source: "Goodcang inbound order (carton numbers consecutive from 1)",
    }
    CartonNetExceedsGross / CARTON_NET_EXCEEDS_GROSS {
        code: "carton.net_exceeds_gross",
        severity: Error,
        since: "",
        checks: "a carton's net weight is not above its gross weight",
        source: "definition of net and gross weight (packing lists, customs declarations)",
    }
    CartonGrossBelowContents / CARTON_GROSS_BELOW_CONTENTS {
        code: "carton.gross_below_contents",
        severity: Error,
        since: "",
        checks: "a carton's gross weight is at least the sum of its units' registered weights, less the caller's tolerance (default 0)",
        source: "warehouse receiving checks against registered SKU weights (Goodcang, 4PX, ShipBob receiving)",
    }
    CartonOverweight / CARTON_OVERWEIGHT {
        code: "carton.overweight",
        severity: Error,
        since: "",
        checks: "a carton is within the profile's weight limit (Amazon US 50 lb, EU and UK 23 kg), unless it holds one unit that alone is over it",
        source: "Amazon Seller Central help 201022330 (US: 50 lb) and 200141510 (Europe: 23 kg); the caller's limit for a 3PL",
    }
    CartonJewelleryOverweight / CARTON_JEWELLERY_OVERWEIGHT {
        code: "carton.jewellery_overweight",
        severity: Error,
        since: "",
        checks: "a carton holding jewellery or watches is within the profile's limit for them (Amazon US 40 lb, Europe 15 kg: secondary figures)",
        source: "forwarders' summaries of Amazon's jewellery and watch box limits (secondary; a profile field the caller can change)",
    }
    CartonSideTooLong / CARTON_SIDE_TOO_LONG {
        code: "carton.side_too_long",
        severity: Error,
        since: "",
        checks: "a carton's longest side is within the profile's limit (Amazon US 25 in for cartons of several standard-size units; Europe 63.5 cm unless it holds one longer unit)",
        source: "Amazon Seller Central help 201022330 (US) and 200141510 (Europe)",
    }
    CartonHeavyLabel / CARTON_HEAVY_LABEL_MISSING {
        code: "carton.heavy_label_missing",
        severity: Error,
        since: "",
        checks: "a heavy carton carries its label in marks.labels (Amazon US: Team Lift over 50 lb, Mech Lift over 100 lb; Europe: Heavy Package over 15 kg)",
        source: "Amazon Seller Central help 201022330 (US) and 200141510 (Europe)",
    }
    CartonTooManyUnits / CARTON_TOO_MANY_UNITS {
        code: "carton.too_many_units",
        severity: Error,
        since: "",
        checks: "a carton holds at most the profile's units (Amazon: 150, a secondary figure)",
        source: "forwarders' summaries of Amazon's box content limit (secondary; a profile field the caller can change)",
    }
    CartonMixedSkus / CARTON_MIXED_SKUS {
        code: "carton.mixed_skus",
        severity: Error,
        since: "",
        checks: "a carton holds one SKU where the profile forbids mixed SKUs",
        source: "the caller's warehouse profile (mixedSkus: false)",
    }
    CartonExpiryMixed / CARTON_EXPIRY_MIXED {
        code: "carton.expiry_mixed",
        severity: Error,
        since: "",
        checks: "a carton does not hold the same SKU with two expiry dates",
        source: "Amazon Seller Central: expiration-dated products (one expiration date per SKU in a box)",
    }
    CartonLotMissing / CARTON_LOT_MISSING {
        code: "carton.lot_missing",
        severity: Error,
        since: "",
        checks: "a lot-managed SKU's carton line gives its lot",
        source: "warehouse lot management (Goodcang, 4PX batch-managed SKUs)",
    }
    CartonExpiryMissing / CARTON_EXPIRY_MISSING {
        code: "carton.expiry_missing",
        severity: Error,
        since: "",
        checks: "an expiry-managed SKU's carton line gives its expiry date",
        source: "Amazon Seller Central: expiration-dated products; warehouse shelf-life management",
    }
    DocumentsMissing / DOCUMENTS_MISSING {
        code: "documents.missing",
        severity: Error,
        since: "",
        checks: "the shipment has its packing list, commercial invoice and export declaration",
        source: "export clearance of stocking shipments (装箱单、商业发票、报关单 三单一致)",
    }
    DocumentsMissingField / DOCUMENTS_MISSING_FIELD {
        code: "documents.missing_field",
        severity: Error,
        since: "",
        checks: "the documents' lines have their SKU, quantity and amounts, the invoice and declaration their currency and the invoice its total",
        source: "export clearance of stocking shipments (三单一致)",
    }
    PackingListQuantity / DOCUMENTS_PACKING_LIST_QUANTITY {
        code: "documents.packing_list_quantity",
        severity: Error,
        since: "",
        checks: "per SKU, the packing list's quantity equals the units in the cartons",
        source: "三单一致: the packing list describes the cartons",
    }
    InvoiceQuantity / DOCUMENTS_INVOICE_QUANTITY {
        code: "documents.invoice_quantity",
        severity: Error,
        since: "",
        checks: "per SKU, the invoice's quantity equals the packing list's (the cartons', without a packing list)",
        source: "三单一致: the invoice and the packing list describe the same goods",
    }
    InvoiceHsCode / DOCUMENTS_INVOICE_HS_CODE {
        code: "documents.invoice_hs_code",
        severity: Error,
        since: "",
        checks: "an invoice line's HS code matches its SKU's registered hsCode or importHsCode at the 6-digit level",
        source: "WCO HS Convention (the 6-digit subheading is common to every country)",
    }
    InvoiceArithmetic / DOCUMENTS_INVOICE_ARITHMETIC {
        code: "documents.invoice_arithmetic",
        severity: Error,
        since: "",
        checks: "an invoice line's amount is its quantity times its unit price, rounded half away from zero to the currency's minor unit",
        source: "commercial invoice arithmetic; ISO 4217 minor units",
    }
    InvoiceTotal / DOCUMENTS_INVOICE_TOTAL {
        code: "documents.invoice_total",
        severity: Error,
        since: "",
        checks: "the invoice total is the sum of its lines plus the freight and insurance it charges",
        source: "commercial invoice arithmetic; ICC Incoterms 2020 (costs the seller bears)",
    }
    InvoiceCharge / DOCUMENTS_INVOICE_CHARGE_UNEXPECTED {
        code: "documents.invoice_charge_unexpected",
        severity: Warning,
        since: "",
        checks: "an invoice under an E or F rule (EXW, FCA, FAS, FOB) charges no freight or insurance: the buyer pays the main carriage",
        source: "ICC Incoterms 2020, A4/A5 of EXW, FCA, FAS and FOB",
    }
    PackingListTotals / DOCUMENTS_PACKING_LIST_TOTALS {
        code: "documents.packing_list_totals",
        severity: Error,
        since: "",
        checks: "the packing list's carton count and total net and gross weights equal the cartons' (weights compared at the decimals the packing list writes)",
        source: "三单一致: the packing list describes the cartons",
    }
    DeclarationHsCode / DOCUMENTS_DECLARATION_HS_CODE {
        code: "documents.declaration_hs_code",
        severity: Error,
        since: "",
        checks: "every declaration line's 10-digit HS code is the registered hsCode of goods on the invoice, and every such code has a line",
        source: "China customs export declaration (报关单): one line per commodity code; 三单一致",
    }
    DeclarationName / DOCUMENTS_DECLARATION_NAME {
        code: "documents.declaration_name",
        severity: Warning,
        since: "",
        checks: "a declaration line's name is the Chinese name of one of the SKUs it covers",
        source: "China customs export declaration (申报品名 matches the goods); 三单一致",
    }
    DeclarationQuantity / DOCUMENTS_DECLARATION_QUANTITY {
        code: "documents.declaration_quantity",
        severity: Error,
        since: "",
        checks: "a declaration line's quantity equals the invoice's for its HS code, or for a weight unit (035 kg, 036 g) the net weight of those goods by their registered unit weights, at the decimals the line writes",
        source: "China customs export declaration (法定/申报数量 and units); 三单一致",
    }
    DeclarationAmount / DOCUMENTS_DECLARATION_AMOUNT {
        code: "documents.declaration_amount",
        severity: Error,
        since: "",
        checks: "a declaration line's amount equals the invoice amounts for its HS code, converted with the given rates where the currencies differ",
        source: "China customs export declaration (总价); 三单一致",
    }
    DeclaredValueLow / DOCUMENTS_DECLARED_VALUE_LOW {
        code: "documents.declared_value_low",
        severity: Error,
        since: "",
        checks: "an invoice unit price is not below the SKU's registered unit value (a low declaration may be seized)",
        source: "customs valuation (WTO Customs Valuation Agreement, Article 1: the price actually paid); 申报信息不实 risk named by overseas-warehouse guides",
    }
    RateMissing / DOCUMENTS_RATE_MISSING {
        code: "documents.rate_missing",
        severity: Error,
        since: "",
        checks: "an exchange rate is given for every pair of currencies that must be compared (the shipment's rates or the caller's); the comparison is skipped, never guessed",
        source: "the crate's rule: amounts in different currencies are compared only through the caller's rates",
    }
    SpecialDocumentMissing / SPECIAL_DOCUMENT_MISSING {
        code: "special.document_missing",
        severity: Error,
        since: "",
        checks: "special goods have the documents the special-goods table asks for their transport mode (batteries, magnetic goods, liquids, powders)",
        source: "the special-goods table's rows (IATA DGR 67th edition, IMDG Code, carriers' acceptance rules), each with its own date and source",
    }
    SpecialMsdsExpired / SPECIAL_MSDS_EXPIRED {
        code: "special.msds_expired",
        severity: Error,
        since: "",
        checks: "a required MSDS is younger than the table's validity (default 3 years) on the date the rules apply on",
        source: "carriers' and forwarders' acceptance of an MSDS for 3 years from its issue date (secondary; a table parameter)",
    }
    SpecialStateOfCharge / SPECIAL_STATE_OF_CHARGE {
        code: "special.state_of_charge",
        severity: Error,
        since: "",
        checks: "by air, a lithium ion battery is at or below the table's required state of charge (PI 965: 30% since 2016-04-01; PI 966 over 2.7 Wh: 30% from 2026-01-01)",
        source: "IATA DGR, PI 965 and (67th edition, 2026) PI 966",
    }
    SpecialStateOfChargeAdvised / SPECIAL_STATE_OF_CHARGE_ADVISED {
        code: "special.state_of_charge_advised",
        severity: Warning,
        since: "",
        checks: "by air, a lithium ion battery is at or below the table's recommended state of charge (PI 967: 30%)",
        source: "IATA DGR 67th edition (2026), PI 967",
    }
    SpecialAloneRegulated / SPECIAL_BATTERY_ALONE_REGULATED {
        code: "special.battery_alone_regulated",
        severity: Error,
        since: "2022-04-01",
        checks: "by air, lithium batteries alone (PI 965, PI 968) are fully regulated dangerous goods (class 9, Section IA/IB): the shipment must be booked as dangerous goods (dangerousGoods)",
        source: "IATA DGR 63rd edition (2022): Section II of PI 965 and PI 968 removed from 2022-04-01",
    }
    SpecialSectionIi / SPECIAL_SECTION_II_EXCEEDED {
        code: "special.section_ii_exceeded",
        severity: Error,
        since: "",
        checks: "by air, a lithium battery packed with or contained in equipment is within the Section II limits (ion: cell 20 Wh, battery 100 Wh; metal: cell 1 g, battery 2 g), or the shipment is booked as dangerous goods",
        source: "IATA DGR 67th edition, PI 966, 967, 969 and 970 Section II",
    }
    SpecialCargoAircraftOnly / SPECIAL_CARGO_AIRCRAFT_ONLY {
        code: "special.cargo_aircraft_only",
        severity: Warning,
        since: "2016-04-01",
        checks: "by air, lithium batteries alone travel on cargo aircraft only, and many forwarders refuse them",
        source: "IATA DGR, PI 965 and PI 968 (UN 3480 and UN 3090 forbidden on passenger aircraft since 2016-04-01)",
    }
    SpecialFlammable / SPECIAL_FLAMMABLE {
        code: "special.flammable",
        severity: Error,
        since: "",
        checks: "flammable goods do not travel as general cargo by any mode: the shipment must be booked as dangerous goods (dangerousGoods)",
        source: "IATA DGR and IMDG Code, class 3 and class 4 (flammable liquids and solids are dangerous goods)",
    }
    ImporterEoriMissing / IMPORTER_EORI_MISSING {
        code: "importer.eori_missing",
        severity: Error,
        since: "",
        checks: "an importer's EORI number is given where the destination is in the EU or the UK",
        source: "Regulation (EU) No 952/2013 (Union Customs Code), Article 9; HMRC: get an EORI number to import into Great Britain; Amazon Seller Central help 200141510",
    }
    ImporterEoriInvalid / IMPORTER_EORI_INVALID {
        code: "importer.eori_invalid",
        severity: Error,
        since: "",
        checks: "the EORI number has its form (a country code and up to 15 characters) and is of the destination: a member state's for the EU, GB (or XI) for the UK",
        source: "Commission Delegated Regulation (EU) 2015/2446, Annex 12-01 (EORI: country code and up to 15 characters); HMRC EORI guidance",
    }
    ChargeableRuleMissing / CHARGEABLE_RULE_MISSING {
        code: "chargeable.rule_missing",
        severity: Warning,
        since: "",
        checks: "a shipment by rail or sea FCL names its chargeable-weight rule (they have no preset), or its chargeable weight cannot be computed",
        source: "carriers' lane tariffs (rail ratios of 1:3000 and 1:6000 are both quoted; FCL is priced per container)",
    }
    ChargeablePieceLimit / CHARGEABLE_PIECE_LIMIT {
        code: "chargeable.piece_limit",
        severity: Warning,
        since: "",
        checks: "a carton is within the carrier's per-piece limits of the rule (UPS: 150 lb, 108 in longest side, 165 in length plus girth; DHL Express: 70 kg, secondary)",
        source: "UPS weight and size limits; DHL Express piece limits (secondary)",
    }
    ChargeableHandling / CHARGEABLE_ADDITIONAL_HANDLING {
        code: "chargeable.additional_handling",
        severity: Warning,
        since: "",
        checks: "a carton does not cost the carrier's additional-handling charge (UPS: over 48 in longest side, 30 in second side, or 50 lb)",
        source: "UPS additional handling charge",
    }
    StageSkipped / STAGE_SKIPPED {
        code: "stage.skipped",
        severity: Error,
        since: "",
        checks: "the shipment moves one stage at a time, from consolidation: no stage is skipped",
        source: "the stocking flow: consolidation, export declaration, international transport, destination clearance, receipt and putaway, inventory sync (物流节点追踪)",
    }
    StageOutOfOrder / STAGE_OUT_OF_ORDER {
        code: "stage.out_of_order",
        severity: Error,
        since: "",
        checks: "the shipment moves forward only: an event is not a stage already reached",
        source: "the stocking flow (物流节点追踪)",
    }
    StageTimeBackwards / STAGE_TIME_BACKWARDS {
        code: "stage.time_backwards",
        severity: Error,
        since: "",
        checks: "an event's time is not earlier than the event before it",
        source: "the stocking flow (物流节点追踪)",
    }
    StageException / STAGE_EXCEPTION {
        code: "stage.exception",
        severity: Warning,
        since: "",
        checks: "no exception (customs hold, refused at the warehouse, other) is recorded on a stage",
        source: "the stocking flow: exceptions to follow up (资料不齐致清关失败、标签缺失致拒收)",
    }
    StageOverdue / STAGE_OVERDUE {
        code: "stage.overdue",
        severity: Warning,
        since: "",
        checks: "no stage has lasted longer than the caller's expected duration for the transport mode (the current one as of the date the rules apply on)",
        source: "the caller's expected stage durations per transport mode",
    }
    ReceiptBeforePutaway / RECEIPT_BEFORE_PUTAWAY {
        code: "receipt.before_putaway",
        severity: Error,
        since: "",
        checks: "a receipt is only accepted once the shipment has reached receipt and putaway",
        source: "the stocking flow: the warehouse receives and puts away before inventory syncs (入仓上架 → 系统同步库存)",
    }
    ReceiptShort / RECEIPT_SHORT {
        code: "receipt.short",
        severity: Error,
        since: "",
        checks: "the warehouse received every unit shipped, per SKU (per box and SKU where the receipt counts per box)",
        source: "warehouse receipt reconciliation (Goodcang create_grn, ShipBob receiving API 2.0)",
    }
    ReceiptOver / RECEIPT_OVER {
        code: "receipt.over",
        severity: Error,
        since: "",
        checks: "the warehouse received no more units than were shipped, per SKU (per box and SKU where the receipt counts per box)",
        source: "warehouse receipt reconciliation (Goodcang create_grn, ShipBob receiving API 2.0)",
    }
    ReceiptUnexpectedSku / RECEIPT_UNEXPECTED_SKU {
        code: "receipt.unexpected_sku",
        severity: Error,
        since: "",
        checks: "every SKU received was in the shipment (in that box, where the receipt counts per box)",
        source: "warehouse receipt reconciliation (Goodcang create_grn, ShipBob receiving API 2.0)",
    }
    ReceiptUnknownBox / RECEIPT_UNKNOWN_BOX {
        code: "receipt.unknown_box",
        severity: Error,
        since: "",
        checks: "every box received is one of the shipment's box numbers",
        source: "warehouse receipt reconciliation (Winit case numbers, Goodcang create_grn)",
    }
    ReceiptDamaged / RECEIPT_DAMAGED {
        code: "receipt.damaged",
        severity: Warning,
        since: "",
        checks: "no unit was received damaged",
        source: "warehouse receipt reconciliation (ShipBob receiving API 2.0 damaged quantities)",
    }
}
