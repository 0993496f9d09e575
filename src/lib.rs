//! # crossborder
//!
//! Cross-border e-commerce compliance, as a pure, I/O-free Rust library.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod macros;

mod country;
pub mod eligibility;
mod enums;
mod error;
pub mod hs;
mod measure;
mod money;
mod number;
mod report;
mod time;

pub use country::{
    country_alpha2, country_alpha3, country_serde, parse_country, Country, CountryError,
};
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
pub use hs::{HsCode, HsCodeError};
pub use iso_currency::Currency;
pub use measure::{Dimensions, LengthUnit, MassUnit, MeasureError, VolumetricDivisor, Weight};
pub use money::{
    api_currency_code, minor_unit, parse_currency, CurrencyError, ExchangeRates, Money, MoneyError,
};
pub use report::{Code, JsonPointer, JsonPointerError, Language, Loc, Report, Severity, Violation};
pub use time::{Timestamp, TimestampError};

/// The wire layer: serde structs that mirror the customs API's JSON exactly.
pub mod wire {
    pub use crate::number::{parse_decimal, Number, NumberError};
}
