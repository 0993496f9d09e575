//! The Harmonized System: the [`HsCode`] value type, and the HS 2022 and
//! HS 2017 nomenclatures built into the crate.
//!
//! PLACEHOLDER
mod check;
mod code;
mod edition;
mod nomenclature;
mod search;

pub use check::{check, HsCheck, NotFound};
pub use code::{HsCode, HsCodeError};
pub use edition::{CodeLengthError, HsEdition, Jurisdiction, TradeFlow};
pub use nomenclature::{HsChildren, HsEntry, HsLevel, HsPath, Nomenclature};
pub use search::{search, search_with, SearchHit, DEFAULT_LIMIT};

/// Finds an entry of an edition by its written code: a section numeral
/// (`XVI`), a chapter (`85`), a heading (`8518`), a subheading (`851830`,
/// `8518.30`), or a national code of 8 to 13 digits (its subheading).
///
/// The same as [`Nomenclature::lookup`] on [`HsEdition::nomenclature`].
///
/// # Example
///
/// ```
/// use crossborder::{hs, HsEdition};
/// let e = hs::lookup("8518.30", HsEdition::Hs2022).ok_or("missing")?;
/// assert_eq!(e.code(), "851830");
/// assert!(hs::lookup("851712", HsEdition::Hs2022).is_none());
/// assert!(hs::lookup("851712", HsEdition::Hs2017).is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lookup(code: &str, edition: HsEdition) -> Option<HsEntry> {
    edition.nomenclature().lookup(code)
}
