//! Export eligibility, destination by destination, after Amazon's FBA
//! Export program ([`SOURCE_FBA_EXPORT`]): may a product go there, and if
//! not, why?
//!
//! Four things can stop a product: the source country forbids the export
//! (for every destination), the destination forbids the import (country by
//! country, and for media route by route), the goods cannot travel (oversize,
//! dangerous goods, lithium batteries, used oil), or the seller excluded the
//! country or the product. A product whose review is pending is "not yet
//! processed": neither eligible nor ineligible.
//!
//! - [`RestrictionClass`] (with [`RestrictionKind`]) names what is
//!   restricted; [`ProductFacts`] says what a product is (HS code, explicit
//!   classes, [`ProductAttribute`]s, size, [`MediaKind`], [`ReviewStatus`],
//!   origin).
//! - [`Policy`] is the rules as data, each with its dates in force
//!   ([`Effective`]) and its source; [`Policy::fba_export_default`] encodes
//!   the FBA Export page (import classes restricted unless a rule allows
//!   them for the destination; media restricted only on the route the page
//!   names, books from the US to Canada), Amazon's standard-size tier and a
//!   default HS table. [`Policy::lift`], [`Policy::remove_hs_rows`] and
//!   [`Policy::apply`] (with [`PolicyChanges`], as data) take a default rule
//!   out or override it; [`Policy::extend`] adds rules.
//! - [`SellerExclusions`] indexes up to 1,000,000 excluded products.
//! - [`Eligibility`] reads a policy as of a date, with a seller's
//!   exclusions, and answers: [`Eligibility::check`] (one destination, every
//!   reason), [`Eligibility::destinations`] (every destination, bitsets),
//!   [`Eligibility::inventory_report`] (the exportable inventory report) and
//!   [`Eligibility::imcf`] (International Multi-Channel Fulfillment).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::{Country, Decision, Eligibility, HsCode, Policy, ProductFacts, ProductId, SellerExclusions};
//!
//! let policy = Policy::fba_export_default();
//! let (exclusions, report) = SellerExclusions::parse_csv("product_id,country\nMUG-1,MX\n");
//! assert!(report.is_empty());
//! let e = Eligibility::new(&policy, &exclusions, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
//!
//! let mug = ProductFacts::new(ProductId::new("MUG-1")?, Country::US)
//!     .with_hs_code(HsCode::parse("691200")?)
//!     .with_dimensions("6 x 4 x 4 in".parse()?)
//!     .with_weight("1 lb".parse()?);
//! assert_eq!(e.check(&mug, Country::CA), Decision::Eligible);
//! assert!(matches!(e.check(&mug, Country::MX), Decision::NotEligible { .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod check;
mod class;
mod country_set;
mod exclusions;
mod policy;
mod product;

pub use check::{
    ClassSource, Decision, DestinationGroup, DestinationSplit, Eligibility, EligibilityStatus,
    ExclusionScope, ImcfDecision, ImcfReason, InventoryReport, PendingReason, ProductProfile,
    ProductReport, Reason, Restriction,
};
pub use class::{MediaKind, ProductAttribute, RestrictionClass, RestrictionKind, ReviewStatus};
pub use country_set::{Countries, CountrySet};
pub use exclusions::{
    ExclusionCheck, ExclusionEntry, ExclusionError, ExclusionsBuilder, MAX_EXCLUDED_PRODUCTS,
    SellerExclusions,
};
pub use policy::{
    ClassRule, Effective, EffectiveError, HsPrefix, HsPrefixError, HsRule, ImportPolicy,
    ImportRule, ImportTreatment, Policy, PolicyChanges, SOURCE_FBA_EXPORT, SOURCE_HS_TABLE,
    SOURCE_SERVED, SOURCE_SIZE_TIERS, ServedRule, SizeRule,
};
pub use product::{MAX_PRODUCT_ID_LEN, ProductFacts, ProductId, ProductIdError};
