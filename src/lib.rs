//! # crossborder
//!
//! Cross-border e-commerce compliance, as a pure, I/O-free Rust library.
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
mod measure;
mod model;
mod money;
mod number;
mod report;
mod time;
pub mod wire;

pub use barcode::{Gtin, GtinError, GtinKind};
pub use channel::{ChannelDecision, ShippingOrder, SplitPlan, WishPostOrder, plan_split};
pub use country::{
    Country, CountryError, country_alpha2, country_alpha3, country_serde, parse_country,
};
pub use customs_unit::{CustomsUnit, CustomsUnitError};
pub use eligibility::{
    ClassRule, ClassSource, CountrySet, Decision, DestinationGroup, DestinationSplit, Effective,
    EffectiveError, Eligibility, EligibilityStatus, ExclusionCheck, ExclusionEntry, ExclusionError,
    ExclusionScope, ExclusionsBuilder, HsPrefix, HsPrefixError, HsRule, ImcfDecision, ImcfReason,
    ImportPolicy, ImportRule, ImportTreatment, InventoryReport, MediaKind, PendingReason, Policy,
    ProductAttribute, ProductFacts, ProductId, ProductIdError, ProductProfile, ProductReport,
    Reason, Restriction, RestrictionClass, RestrictionKind, ReviewStatus, SellerExclusions,
    ServedRule, SizeRule,
};
pub use enums::{
    ClearanceMode, CustomsPort, DeclarationType, Gender, OrderType, Platform, ProductStatus,
};
pub use error::ParseEnumError;
pub use hs::{
    CodeLengthError, HsCheck, HsChildren, HsCode, HsCodeError, HsEdition, HsEntry, HsLevel, HsPath,
    Jurisdiction, Nomenclature, TradeFlow,
};
pub use identity::{ResidentId, ResidentIdError};
pub use iso_currency::Currency;
pub use measure::{Dimensions, LengthUnit, MassUnit, MeasureError, VolumetricDivisor, Weight};
pub use model::{Component, Converted, DeclarationResult, Order, OrderItem, Party, Product, Sku};
pub use money::{
    CurrencyError, ExchangeRates, Money, MoneyError, api_currency_code, minor_unit, parse_currency,
};
pub use report::{Code, JsonPointer, JsonPointerError, Language, Loc, Report, Severity, Violation};
pub use time::{Timestamp, TimestampError};
pub use wire::DocumentKind;

/// The README's examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
