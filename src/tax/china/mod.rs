//! China import tax: see the [`crate::tax`] module docs.

mod assess;
mod declared;
mod default;
mod facts;
mod json;
mod table;

pub use assess::{AppliedRate, Basis, LineTax, RateSource, TaxAssessment, assess};
pub use facts::LineFacts;
pub use json::TaxTableJson;
pub use table::{
    CbecPeriod, CcTierPeriod, CcWaiver, Condition, ConsumptionTax, DatedRate, Measure, ParcelLimit,
    PostalTaxNumber, Quantity, QuantityError, QuantityUnit, SpecificTax, TaxRow, TaxTable,
};

pub(crate) use assess::{TaxEngine, assess_in, whole};
pub(crate) use declared::{Declared, DeclaredKind, Field as DeclaredField, declared};
pub(crate) use table::percent;
