//! # crossborder
//!
//! Cross-border e-commerce compliance for sellers who ship from China to the
//! world, and for the ERP, marketplace-middleware and logistics services that
//! work for them: typed, exact models of the customs API's payloads;
//! declaration validation that reports every problem at once, at its JSON
//! path, with a stable code and a message in English and Chinese; the HS 2022
//! and HS 2017 nomenclatures with search by product name; China's import
//! tax (cross-border e-commerce and personal postal articles) as dated
//! rules, with the check of the tax an order declares; rule engines for the
//! WishPost A-Super channel and its "$10 split"; checks of stocking
//! shipments to overseas warehouses, with chargeable weight and safety
//! stock; and the low-value import regimes of the destinations (de minimis,
//! IOSS, flat duties) as dated rules.
//!
//! The crate is pure: it reads no files, opens no sockets, reads no clock and
//! no environment. The date, exchange rates and tables come in as arguments,
//! so every answer is reproducible and every engine can be shared between
//! threads. Money and weights are [`rust_decimal::Decimal`], never `f64`.
//!
//! ## Quick example
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::declaration::{Context, Declaration, Validator};
//! use crossborder::{wire, CustomsPort, Severity};
//!
//! let json = r#"{
//!     "orderId": "SO-1", "platformName": "douyin", "expressType": "BC", "customsCode": "HZ",
//!     "items": [{"quantity": 2, "price": 199.0, "product":
//!         {"name": "蓝牙耳机", "hsCode": "8518300000", "country": "CN", "netWeight": 0.06, "grossWeight": 0.12}}],
//!     "customer": {"tin": "330106199003071236"},
//!     "platformTransactionId": "420000", "payId": "P1", "paymentPayId": "W1",
//!     "paidAt": "2024-05-01T10:02:00+08:00", "payAmount": 388.0
//! }"#;
//! let order: wire::Order = serde_json::from_str(json)?;
//! let context = Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_port(CustomsPort::Hz);
//! let checked = Validator::default().validate_order(order, Declaration::Order, &context);
//! let report = checked.report();
//! assert_eq!(report.len(), 1);
//! let v = &report.as_slice()[0];
//! assert_eq!(v.code().as_str(), "order.pay_amount_mismatch");
//! assert_eq!(v.pointer().as_str(), "/payAmount");
//! assert_eq!(v.severity(), Severity::Error);
//! assert!(v.message_en().contains("10.00 CNY lower than the computed 398.00 CNY"));
//! assert!(v.message_zh().contains("少 10.00 CNY"));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Overview
//!
//! | area | types |
//! | --- | --- |
//! | the API's JSON, field for field | [`wire`]: [`wire::Product`], [`wire::Order`], ..., [`wire::Number`] (exact decimals) |
//! | domain values built from it | [`Product`], [`Sku`], [`Component`], [`Order`], [`OrderItem`], [`Party`], [`DeclarationResult`]; [`Converted`] |
//! | value types | [`HsCode`], [`Money`] + [`Currency`] + [`ExchangeRates`], [`Weight`], [`Dimensions`], [`Timestamp`], [`Country`], [`Gtin`], [`ResidentId`], [`Eori`], [`CustomsUnit`]; [`EU_MEMBERS`] |
//! | the API's closed sets | [`ClearanceMode`], [`ProductStatus`], [`Platform`], [`OrderType`], [`CustomsPort`], [`DeclarationType`], [`Gender`] |
//! | one report type | [`Report`] of [`Violation`]s: [`Code`], [`Severity`], [`JsonPointer`], message in [`Language::English`] and [`Language::Chinese`] |
//! | declaration validation | [`declaration`]: [`declaration::Validator`], [`declaration::RuleSet`], [`declaration::Rule`], [`declaration::catalogue`] |
//! | HS nomenclature | [`hs`]: [`hs::check`], [`hs::lookup`], [`hs::search`], [`hs::Searcher`], [`HsEdition`], [`Jurisdiction`], [`DeclarationForm`] |
//! | WishPost A-Super channel | [`channel`]: [`WishPostOrder`] + [`Program`], [`ShippingOrder`], [`ChannelDecision`] + [`ChannelRequirement`], [`plan_split`], JSON [`ShippingOrderJson`], [`OrderBatchJson`] |
//! | overseas-warehouse stocking | [`shipment`]: [`StockingShipment`], [`SkuRegistration`], [`Carton`], [`WarehouseProfile`], [`TransportMode`], [`Incoterm`], [`shipment::check`], [`shipment::catalogue`], [`shipment::Stage`], safety stock [`shipment::read_inventory`] → [`shipment::Projection`]; [`ChargeableRule`] and [`ChargeableWeight`] on their own |
//! | export eligibility | [`eligibility`]: [`Policy`], [`ProductFacts`], [`SellerExclusions`], [`Eligibility`], [`Decision`] |
//! | China import tax | [`tax`]: [`tax::assess`] → [`tax::TaxAssessment`] of [`tax::LineTax`]es; [`tax::TaxTable`] of [`tax::TaxRow`]s (data, JSON through [`tax::TaxTableJson`]); [`tax::LineFacts`] |
//! | destination regimes | [`tax`]: [`tax::RegimeTable`], [`tax::Parcel`], [`tax::ParcelJson`], [`tax::RegimeAssessment`]; registrations [`IossNumber`], [`UkVatNumber`], [`Arn`], [`Abn`], [`SgGstNumber`] |
//!
//! ## Where to import from
//!
//! One rule, the same for every area:
//!
//! - **Every public item of an area is in its module, one level deep**:
//!   `crossborder::channel::Program`, `crossborder::channel::ShippingOrderJson`,
//!   `crossborder::declaration::Validator`, `crossborder::eligibility::Policy`,
//!   `crossborder::hs::SearchHit`, `crossborder::shipment::InventoryJson`,
//!   `crossborder::tax::TaxTable`, `crossborder::tax::RegimeTable`,
//!   `crossborder::wire::Order`. No area has a public submodule, so that
//!   path always works and is never longer (a test holds every area to it).
//! - **The root re-exports** the value types every area shares (`HsCode`,
//!   `Money`, `Currency`, `Country`, `Weight`, `Report`, `Violation`, ...),
//!   the domain model (`Product`, `Order`, ...), and every type and function
//!   of the two engines whose names stand on their own, `channel` and
//!   `eligibility`, and the main types of stocking (`StockingShipment`,
//!   `Carton`, `ChargeableRule`, ...): `crossborder::Program`, `crossborder::ChannelRequirement`,
//!   `crossborder::ShippingOrderJson`, `crossborder::Policy` are the same
//!   types as their module paths. Their constants stay in the module
//!   (`crossborder::channel::THRESHOLD_USD`,
//!   `crossborder::eligibility::SOURCE_FBA_EXPORT`).
//! - `declaration` (`Validator`, `Context`, `Rule`, ...) and `hs`'s
//!   functions (`hs::search`, `hs::check`) are imported from their module:
//!   their names would be ambiguous at the root.
//!
//! ```
//! use crossborder::channel::{ChannelRequirement, Program, ShippingOrderJson};
//! use crossborder::declaration::Validator;
//! use crossborder::eligibility::Policy;
//!
//! // The root paths name the same types.
//! let _: crossborder::Program = Program::AdvancedLogistics;
//! let _: crossborder::ChannelRequirement = ChannelRequirement::AnyChannel;
//! let _: crossborder::ShippingOrderJson = ShippingOrderJson::default();
//! let _: crossborder::Policy = Policy::fba_export_default();
//! let _ = Validator::default();
//! ```
//!
//! Every fallible step reports the same way: a [`Report`] of violations in
//! document order, each with a stable code that is never renamed once
//! released, a severity, an RFC 6901 JSON Pointer into the caller's JSON, the
//! offending value and a message in English and Chinese.
//!
//! ## Cookbook
//!
//! ### Read a payload, find every format problem, write it back
//!
//! ```
//! use crossborder::{wire, Product};
//!
//! let json = r#"{"name":"T恤","hsCode":"6109.1O","currency":"RMB","price":"59.90","netWeight":-0.2}"#;
//! let wire: wire::Product = serde_json::from_str(json)?; // never fails for a bad *value*
//! let converted = Product::from_wire(wire.clone());
//! let problems: Vec<_> = converted.report().iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
//! assert_eq!(problems, [("weight.negative", "/netWeight"), ("hs_code.invalid", "/hsCode")]);
//! // The wire struct writes back what it read, numeric strings included.
//! assert_eq!(serde_json::to_value(&wire)?["price"], "59.90");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ### Build a declaration in Rust
//!
//! ```
//! use crossborder::{Currency, HsCode, Product, Sku};
//!
//! let mut product = Product::new(Currency::CNY);
//! product.name = Some("纯棉T恤".into());
//! product.hs_code = Some(HsCode::parse("6109.10.0000")?);
//! product.price = Some("59.90 CNY".parse()?);
//! product.net_weight = Some("200 g".parse()?);
//! let mut sku = Sku::new(Currency::CNY);
//! sku.sku_number = Some("TEE-M".into());
//! product.skus.push(sku);
//! let json = serde_json::to_value(&product)?;
//! assert_eq!(json["currency"], "RMB"); // the API's spelling of CNY
//! assert_eq!(json["netWeight"], 0.2); // written in the product's massUnit, kg
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Tune the rules, add your own
//!
//! ```
//! use crossborder::declaration::{RuleSet, Validator};
//! use crossborder::{ClearanceMode, Code, Severity};
//!
//! let mut rules = RuleSet::for_mode(ClearanceMode::Bbc); // the default set of one mode
//! rules.disable(&Code::CUSTOMS_UNIT_UNKNOWN);
//! rules.set_severity(&Code::BARCODE_INVALID, Severity::Warning);
//! // rules.add(MyRule); -- any type implementing declaration::Rule
//! let validator = Validator::new(rules);
//! assert!(!validator.rules().is_enabled(&Code::CUSTOMS_UNIT_UNKNOWN));
//! ```
//!
//! ### Check a declared HS code, or suggest one
//!
//! ```
//! use crossborder::{hs, DeclarationForm, HsCode, HsEdition, JsonPointer, Jurisdiction};
//!
//! let code: HsCode = "8517.12.0000".parse()?;
//! let result = hs::check(code, HsEdition::Hs2022); // does its subheading exist?
//! assert!(!result.exists()); // an HS 2017 code: smartphones are 8517.13 now
//! assert!(result.candidates().any(|c| c.code() == "851713"));
//! let v = result.violation(JsonPointer::root().field("hsCode")).ok_or("none")?;
//! assert_eq!(v.code().as_str(), "hs_code.other_edition");
//! // 10 digits on a cross-border e-commerce order; 13 only on the general-trade 报关单
//! assert!(Jurisdiction::China.check_length(&code, DeclarationForm::CrossBorderEcommerce).is_ok());
//!
//! let hits = hs::search("wireless earbuds"); // or hs::search("蓝牙耳机")
//! assert_eq!(hits[0].code(), "851830");
//! assert_eq!(hits[0].entry().path().to_string(), "XVI > 85 > 8518 > 851830");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Compute China's import tax, and check the tax an order declares
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::declaration::Context;
//! use crossborder::tax::{self, Basis};
//! use crossborder::{wire, Order};
//!
//! let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "shippingCost": 20, "insuranceFee": 2,
//!     "items": [{"quantity": 2, "price": 199, "tax": 36.22, "product": {"hsCode": "8518300000"}},
//!               {"quantity": 1, "price": 100, "tax": 6.3, "product": {"hsCode": "4901990000"}}],
//!     "productsTotalTax": 42.52, "shippingTax": 0}"#)?;
//! let order = Order::from_wire(w).into_result()?;
//! let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
//! let tax = tax::assess(&order, &context);
//! assert_eq!(tax.basis(), Some(Basis::Cbec));
//! assert_eq!(tax.lines()[0].rate().map(|r| r.to_string()).as_deref(), Some("0.091")); // 13% x 70%
//! assert_eq!(tax.lines()[1].rate().map(|r| r.to_string()).as_deref(), Some("0.063")); // books: 9% x 70%
//! assert_eq!(tax.shipping_tax().map(|m| m.to_string()).as_deref(), Some("1.88 CNY"));
//! let report = tax.check_declared(&order, context.rates());
//! assert_eq!(report.as_slice()[0].pointer().as_str(), "/shippingTax"); // declared 0, due 1.88
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Add your MFN duty rates to the tax table (for full rates)
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::declaration::Context;
//! use crossborder::tax::{self, TaxTable, TaxTableJson};
//! use crossborder::{wire, Order};
//!
//! let own: TaxTableJson = serde_json::from_str(r#"{"rows": [{"prefix": "9102",
//!     "duty": "0.08", "effective": {"from": "2025-01-01"}, "source": "our tariff review 2025"}]}"#)?;
//! let mut table = TaxTable::china_default();
//! table.extend(own.to_table().map_err(|r| r.to_string())?);
//! let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()).with_tax_table(table);
//! let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
//!     {"quantity": 1, "price": 12000, "product": {"hsCode": "9102110000"}}]}"#)?;
//! let order = Order::from_wire(w).into_result()?;
//! let tax = tax::assess(&order, &context); // one item over ¥5,000: full rates
//! assert_eq!(tax.lines()[0].duty().map(|m| m.to_string()).as_deref(), Some("960.00 CNY"));
//! assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("6306.00 CNY"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Exact money, with the caller's rates
//!
//! ```
//! use crossborder::{Currency, ExchangeRates, Money};
//! use rust_decimal::{Decimal, RoundingStrategy};
//!
//! let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::CNY, Decimal::new(7_1, 1))?;
//! let price: Money = "23.90 RMB".parse()?;
//! let usd = price.convert(Currency::USD, &rates)?.round(RoundingStrategy::MidpointAwayFromZero);
//! assert_eq!(usd.to_string(), "3.37 USD");
//! assert!(price.checked_add(usd).is_err()); // never a silent sum of two currencies
//! # Ok::<(), crossborder::MoneyError>(())
//! ```
//!
//! ### Check a stocking shipment before it leaves for the warehouse
//!
//! ```
//! use crossborder::shipment::{check, ShipmentJson, CheckOptions};
//!
//! let mut doc: serde_json::Value = serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stocking_sample.json")))?;
//! doc["cartons"][0]["marks"]["reference"] = serde_json::Value::Null; // a carton without its PO mark
//! doc["incoterm"] = "DDU".into();
//! let shipment: ShipmentJson = serde_json::from_value(doc)?;
//! let report = check(&shipment, &CheckOptions::new()).into_parts().1;
//! let found: Vec<_> = report.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
//! assert_eq!(found, [
//!     ("incoterm.legacy_ddu", "/incoterm"),
//!     ("carton.reference_mismatch", "/cartons/0/marks/reference"),
//! ]);
//! assert_eq!(serde_json::to_value(&shipment)?["incoterm"], "DDU"); // written back as read
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ### Chargeable weight of a parcel, without a shipment
//!
//! ```
//! use crossborder::ChargeableRule;
//! use crossborder::shipment::{Dominant, Piece};
//!
//! let rule = ChargeableRule::preset("express_metric").ok_or("preset")?;
//! let parcel = Piece::new("50 x 40 x 30 cm".parse()?, "11.9 kg".parse()?, 1);
//! let weight = rule.compute(&[parcel])?;
//! assert_eq!(weight.total().to_string(), "12"); // 12 kg volumetric beats 11.9 kg actual
//! assert_eq!(weight.dominant(), Dominant::Volumetric);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### When will a SKU run out abroad?
//!
//! ```
//! use crossborder::shipment::{self, InventoryJson};
//!
//! let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01",
//!     "leadTimeDays": {"express": 7, "sea_lcl": 35}, "targetDaysOfCover": 60,
//!     "skus": [{"sku": "EAR-BLK", "onHand": 120, "dailySales": "8", "safetyStock": {"days": 7}}],
//!     "inbound": [{"stage": "international_transport", "eta": "2026-12-09", "lines": [{"sku": "EAR-BLK", "quantity": 240}]}]}"#)?;
//! let (inventory, report) = shipment::read_inventory(&json);
//! assert!(report.is_empty());
//! let inventory = inventory.ok_or("no asOf")?;
//! let projection = inventory.project();
//! let ear = &projection.skus()[0];
//! assert_eq!(ear.stockout_date.map(|d| d.to_string()).as_deref(), Some("2027-01-15"));
//! assert_eq!(ear.modes[1].latest_ship_by.map(|d| d.to_string()).as_deref(), Some("2026-12-05")); // by sea
//! assert_eq!(ear.suggested_quantity.to_string(), "176");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### What a parcel owes at its destination, on a date
//!
//! ```
//! use crossborder::tax::{ParcelJson, RegimeTable, VatCollection};
//!
//! let json = r#"{"origin": "CN", "destination": "GB", "date": "2026-08-01", "channel": "postal",
//!     "seller": {"ukVat": "GB123456782"}, "currency": "GBP",
//!     "items": [{"hsCode": "851830", "quantity": 1, "unitValue": "135.00"}]}"#;
//! let parcel: ParcelJson = serde_json::from_str(json)?;
//! let a = parcel.assess(RegimeTable::builtin(), &Default::default());
//! assert_eq!(a.duty_relief(), Some(true)); // GBP 135 or less: no duty
//! assert_eq!(a.vat_collected(), Some(VatCollection::AtSale)); // charged by the seller
//! assert_eq!(a.rules()[0].id, "gb.low_value");
//! assert!(a.report().is_empty());
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ### Show a report to a Chinese-speaking seller
//!
//! ```
//! use crossborder::{wire, Language, Product};
//!
//! let w: wire::Product = serde_json::from_str(r#"{"currency":"YUAN"}"#)?;
//! let report = Product::from_wire(w).into_parts().1;
//! let text = report.render(Language::Chinese);
//! assert!(text.contains("未知币种 \"YUAN\""));
//! assert!(text.ends_with("1 个错误，0 个警告\n"));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Crate features
//!
//! None: everything is always built. Minimum Rust 1.88.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod macros;

mod barcode;
pub mod channel;
mod country;
mod customs_unit;
pub mod declaration;
pub mod eligibility;
mod enums;
mod error;
pub mod hs;
mod identity;
mod limits;
mod measure;
mod model;
mod money;
mod number;
mod report;
pub mod shipment;
pub mod tax;
mod time;
pub mod wire;

pub use barcode::{Gtin, GtinError, GtinKind};
pub use channel::{
    AllowedChannels, ChannelDecision, ChannelRequirement, FirstMileJson, FirstMilePrice,
    FirstMileStatus, OrderBatchJson, OrderBuilder, OrderJson, OrderValue, PlanSummary,
    PlannedShipment, Program, RuleRow, ShippingOrder, ShippingOrderJson, SplitPlan, ValueFormula,
    WishPostChannel, WishPostOrder, plan_split,
};
pub use country::{
    Country, CountryError, EU_MEMBERS, country_alpha2, country_alpha3, country_serde, is_eu_member,
    parse_country,
};
pub use customs_unit::{CustomsUnit, CustomsUnitError};
pub use eligibility::{
    ClassRule, ClassSource, Countries, CountrySet, Decision, DestinationGroup, DestinationSplit,
    Effective, EffectiveError, Eligibility, EligibilityStatus, ExclusionCheck, ExclusionEntry,
    ExclusionError, ExclusionScope, ExclusionsBuilder, HsPrefix, HsPrefixError, HsRule,
    ImcfDecision, ImcfReason, ImportPolicy, ImportRule, ImportTreatment, InventoryReport,
    MediaKind, PendingReason, Policy, PolicyChanges, ProductAttribute, ProductFacts, ProductId,
    ProductIdError, ProductProfile, ProductReport, Reason, Restriction, RestrictionClass,
    RestrictionKind, ReviewStatus, SellerExclusions, ServedRule, SizeRule,
};
pub use enums::{
    ClearanceMode, CustomsPort, DeclarationType, Gender, OrderType, Platform, ProductStatus,
};
pub use error::ParseEnumError;
pub use hs::{
    CodeLengthError, DeclarationForm, HsCheck, HsChildren, HsCode, HsCodeError, HsEdition, HsEntry,
    HsLevel, HsPath, Jurisdiction, Nomenclature,
};
pub use identity::{
    Abn, AbnError, Arn, ArnError, Eori, EoriError, IossNumber, IossNumberError, ResidentId,
    ResidentIdError, SgGstNumber, SgGstNumberError, UkVatNumber, UkVatNumberError,
};
pub use iso_currency::Currency;
pub use limits::Limits;
pub use measure::{
    Dimensions, Length, LengthUnit, MassUnit, MeasureError, VolumetricDivisor, Weight,
};
pub use model::{Component, Converted, DeclarationResult, Order, OrderItem, Party, Product, Sku};
pub use money::{
    CurrencyError, ExchangeRates, Money, MoneyError, api_currency_code, minor_unit, parse_currency,
};
pub use report::{
    Code, ECHO_MAX_CHARS, Echo, JsonPointer, JsonPointerError, Language, Loc, MESSAGE_MAX_CHARS,
    Report, Severity, Violation, echo,
};
pub use shipment::{
    Carton, ChargeableRule, ChargeableWeight, Incoterm, SkuRegistration, StockingShipment,
    TransportMode, WarehouseProfile,
};
pub use time::{Timestamp, TimestampError};
pub use wire::DocumentKind;

/// The README's examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
