//! The Harmonized System: the [`HsCode`] value type, and the HS 2022 and
//! HS 2017 nomenclatures built into the crate.
//!
//! - [`HsCode`] checks a code's *form* (6 to 13 digits, an existing chapter).
//! - [`check`] checks that its subheading *exists* in an [`HsEdition`], and
//!   when not, gives the nearest parent, the entry of the other edition and
//!   the candidates of the same heading ([`HsCheck`]).
//! - [`Jurisdiction::check_length`] checks the national digits' count on a
//!   [`DeclarationForm`] (China 10 on cross-border e-commerce documents, 13
//!   on the general-trade customs declaration form; US 10; EU 8 or 10).
//! - [`lookup`] / [`Nomenclature`] give an [`HsEntry`]: description, level,
//!   parent, children, and the [`HsPath`] section > chapter > heading >
//!   subheading.
//! - [`search`] / [`search_with`] find candidates for a product name in
//!   English or Chinese ([`SearchHit`]); a Chinese name with no whole term
//!   in the tables still gets approximate candidates from the characters it
//!   shares with a term or a chapter's Chinese title
//!   ([`SearchHit::approximate`], [`HsEntry::title_zh`]). A [`Searcher`]
//!   keeps the score buffers between queries (the free functions keep one
//!   per thread).
//!
//! The nomenclatures are the UN Comtrade standalone descriptions published
//! by the `datasets/harmonized-system` project under the ODC Public Domain
//! Dedication and Licence 1.0 (see `data/hs/README.md`); they are not the
//! WCO legal text. They are embedded in the binary and parsed once, on first
//! use; nothing is read at run time. The everyday words sellers use
//! ("power bank", "口红") come from the crate's own tables
//! `data/hs/terms_en.csv` and `data/hs/terms_zh.csv` (term, code, reason),
//! and the Chinese titles of sections and chapters from its
//! `data/hs/titles_zh.csv`.
//!
//! # Cookbook
//!
//! ## Is this declared code real?
//!
//! ```
//! use crossborder::{hs, HsCode, HsEdition, JsonPointer};
//!
//! let code: HsCode = "8517.12.0000".parse()?;
//! let result = hs::check(code, HsEdition::Hs2022);
//! assert!(!result.exists());
//! // It is an HS 2017 code (smartphones moved to 8517.13 in HS 2022).
//! assert_eq!(result.other_edition().map(|e| e.edition()), Some(HsEdition::Hs2017));
//! assert!(result.candidates().any(|c| c.code() == "851713"));
//! // One call turns it into a report entry at the field's JSON Pointer.
//! let violation = result.violation(JsonPointer::root().field("hsCode")).ok_or("none")?;
//! assert_eq!(violation.code().as_str(), "hs_code.other_edition");
//! assert!(violation.message_en().contains("from HS 2017; not in HS 2022"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Does the code have the right length for this declaration?
//!
//! ```
//! use crossborder::{DeclarationForm, HsCode, Jurisdiction};
//!
//! let code: HsCode = "6109100000".parse()?;
//! // A cross-border e-commerce product registration, order or inventory list:
//! assert!(Jurisdiction::China.accepts(&code, DeclarationForm::CrossBorderEcommerce));
//! // The general-trade customs declaration form (报关单) adds 3 inspection digits:
//! let err = Jurisdiction::China
//!     .check_length(&code, DeclarationForm::ImportDeclaration)
//!     .unwrap_err();
//! assert_eq!(err.expected(), 13);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Describe a code and walk the hierarchy
//!
//! ```
//! use crossborder::{hs, HsEdition};
//!
//! let entry = hs::lookup("6109.10", HsEdition::Hs2022).ok_or("unknown code")?;
//! assert_eq!(entry.description(), "T-shirts, singlets and other vests; of cotton, knitted or crocheted");
//! assert_eq!(entry.path().to_string(), "XI > 61 > 6109 > 610910");
//! let siblings: Vec<&str> = entry.parent().ok_or("no parent")?.children().map(|e| e.code()).collect();
//! assert_eq!(siblings, ["610910", "610990"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Suggest codes for a product name
//!
//! ```
//! use crossborder::{hs, HsEdition};
//!
//! let hits = hs::search("Wireless Bluetooth Earbuds");
//! assert_eq!(hits[0].code(), "851830");
//! assert_eq!(hits[0].term(), Some("earbuds")); // from data/hs/terms_en.csv
//!
//! let hits = hs::search_with("男士运动鞋", HsEdition::Hs2022, 3);
//! assert_eq!(hits[0].heading().map(|h| h.code()), Some("6404"));
//!
//! assert!(hs::search("").is_empty());
//!
//! // No whole term: the characters it shares with one (遥控车) still lead
//! // to toys, flagged as approximate.
//! let hits = hs::search("遥控赛车");
//! assert_eq!(hits[0].heading().map(|h| h.code()), Some("9503"));
//! assert!(hits[0].approximate());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Search many names: keep a searcher
//!
//! ```
//! use crossborder::{hs::Searcher, HsEdition};
//!
//! let mut searcher = Searcher::new(HsEdition::Hs2022); // one per worker
//! let names = ["蓝牙耳机", "Cotton T-Shirt", "power bank"];
//! let headings: Vec<Option<&str>> = names
//!     .iter()
//!     .map(|n| searcher.search(n, 1).first().and_then(|h| h.heading()).map(|h| h.code()))
//!     .collect();
//! assert_eq!(headings, [Some("8518"), Some("6109"), Some("8507")]);
//! ```
mod check;
mod code;
mod edition;
mod nomenclature;
mod search;
mod titles;

pub use check::{HsCheck, NotFound, check};
pub use code::{HsCode, HsCodeError};
pub use edition::{CodeLengthError, DeclarationForm, HsEdition, Jurisdiction};
pub use nomenclature::{HsChildren, HsEntry, HsLevel, HsPath, Nomenclature};
pub use search::{DEFAULT_LIMIT, SearchHit, Searcher, search, search_with};

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
