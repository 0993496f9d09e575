//! The seller's own exclusions: whole countries, products everywhere, and
//! products for some countries, in an index built for up to 1,000,000
//! products.
//!
//! # Layout
//!
//! - one flat open-addressing table of 32-byte slots (linear probing, load
//!   at most 3/4, any capacity: the home slot is picked by multiply-shift
//!   range reduction of a 64-bit hash). A slot holds a 32-bit hash tag, the
//!   index of the product's country set, the id's length and, for ids of up
//!   to 23 bytes (ASINs, FNSKUs and most SKUs), the id bytes themselves; a
//!   longer id lives in a byte arena and the slot holds its offset. A
//!   look-up of a short id therefore touches one cache line of the table
//!   (plus the neighbours a probe runs into), not a slot, an entry and an
//!   arena;
//! - a probe visits at most 64 slots (its *window*; the table has 64 spare
//!   slots at the end, so a probe never wraps). A product whose window is
//!   full goes to a sorted overflow instead, searched by binary search. Ids
//!   made to share one hash (easy: the hash is fixed and invertible) would
//!   make a plain linear-probing table quadratic to build (40,000 of them
//!   took 16.7 s); here they fill one window and then the overflow, at
//!   O(log n) each. Ordinary ids almost never reach it (about 3 in 10,000);
//!   [`SellerExclusions::overflowed`] counts those that did. A caller that
//!   indexes files other people write can also key the hash
//!   ([`ExclusionsBuilder::with_hash_key`]), so that no one can make ids
//!   collide at all;
//! - in front of the table, a blocked Bloom filter (one 64-byte block per
//!   look-up, 12 bits and 6 probes per product: about 1.5 MB for a million,
//!   false-positive rate about 1 %) answers "not excluded", the usual case,
//!   without touching the table;
//! - country sets are 256-bit bitsets over the 249 ISO 3166-1 countries,
//!   deduplicated: set 0 is "every country" (excluded everywhere), and the
//!   usual exclusion files share a handful of distinct sets.
//!
//! For 1,000,000 products that is 1,333,334 slots x 32 bytes (about 43 MB)
//! and 23,438 filter blocks x 64 bytes (1.5 MB), plus the arena for ids over
//! 23 bytes, measured by
//! [`SellerExclusions::heap_bytes`]. While the table grows (only when the
//! caller gives no size hint) the old and the new table coexist for a
//! moment: peak = old + new. The hash is fixed (no random seed; the key,
//! when the caller gives one, is the only other input), so the index is
//! deterministic; look-ups compare the id bytes, so a hash collision never
//! gives a wrong answer.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use iso_currency::Country;
use serde::{Deserialize, Serialize};

use super::country_set::{CountrySet, alpha2_fast, dense_index};
use super::product::{ProductId, ProductIdError, check_product_id};
use crate::{Code, JsonPointer, Report, Severity, Violation, parse_country};

/// The most distinct products an exclusion index holds (the FBA Export page: "up to 1
/// million non-media products").
///
/// # Example
///
/// ```
/// assert_eq!(crossborder::eligibility::MAX_EXCLUDED_PRODUCTS, 1_000_000);
/// ```
pub const MAX_EXCLUDED_PRODUCTS: usize = 1_000_000;

crate::macros::codes! {
    /// A line of an exclusion file with more than two fields.
    EXCLUSION_BAD_LINE = "exclusion.bad_line";
    /// A line of an exclusion file whose product id is not a [`ProductId`].
    EXCLUSION_BAD_PRODUCT_ID = "exclusion.bad_product_id";
    /// A line of an exclusion file whose country names no country.
    EXCLUSION_BAD_COUNTRY = "exclusion.bad_country";
    /// More distinct products than [`MAX_EXCLUDED_PRODUCTS`].
    EXCLUSION_TOO_MANY_PRODUCTS = "exclusion.too_many_products";
}

/// One exclusion the seller makes.
///
/// Serde: `{"type":"country","country":"CA"}`,
/// `{"type":"product","product":"B0X"}`,
/// `{"type":"product_in","product":"B0X","country":"CA"}`.
///
/// # Example
///
/// ```
/// use crossborder::{Country, ExclusionEntry, ProductId};
/// let e = ExclusionEntry::ProductIn { product: ProductId::new("B0X")?, country: Country::CA };
/// assert_eq!(serde_json::to_string(&e)?, r#"{"type":"product_in","product":"B0X","country":"CA"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ExclusionEntry {
    /// A whole destination country.
    Country {
        /// The country.
        #[serde(with = "crate::country_serde")]
        country: Country,
    },
    /// One product, from every country.
    Product {
        /// The product.
        product: ProductId,
    },
    /// One product, from one country.
    ProductIn {
        /// The product.
        product: ProductId,
        /// The country.
        #[serde(with = "crate::country_serde")]
        country: Country,
    },
}

/// Why exclusions could not be built.
///
/// # Example
///
/// ```
/// use crossborder::ExclusionError;
/// let e = ExclusionError::TooManyProducts { limit: 1_000_000 };
/// assert_eq!(e.to_string(), "too many excluded products: the limit is 1000000");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExclusionError {
    /// More distinct products than the limit.
    #[error("too many excluded products: the limit is {limit}")]
    TooManyProducts {
        /// The limit, [`MAX_EXCLUDED_PRODUCTS`].
        limit: usize,
    },
    /// A product id that is not valid.
    #[error(transparent)]
    ProductId(#[from] ProductIdError),
}

/// How a seller's exclusions bear on one product and one destination.
///
/// # Example
///
/// ```
/// use crossborder::{Country, ExclusionCheck, ExclusionEntry, ProductId, SellerExclusions};
/// let ex = SellerExclusions::from_entries([
///     ExclusionEntry::Country { country: Country::BR },
///     ExclusionEntry::ProductIn { product: ProductId::new("P1")?, country: Country::CA },
/// ])?;
/// assert_eq!(ex.check("P1", Country::CA), ExclusionCheck::ProductExcludedThere);
/// assert_eq!(ex.check("P1", Country::MX), ExclusionCheck::NotExcluded);
/// assert_eq!(ex.check("P2", Country::BR), ExclusionCheck::CountryExcluded);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionCheck {
    /// The seller excludes neither the country nor the product there.
    NotExcluded,
    /// The seller excludes the whole destination country.
    CountryExcluded,
    /// The seller excludes the product from every country.
    ProductExcludedEverywhere,
    /// The seller excludes the product from this country.
    ProductExcludedThere,
}

/// Longest id stored inline in a slot.
const INLINE: usize = 23;

/// One slot of the table; `len == 0` marks an empty slot (ids are never
/// empty).
#[derive(Clone, Copy, Debug)]
#[repr(C, align(32))]
struct Slot {
    tag: u32,
    set: u32,
    len: u8,
    /// The id when `len <= INLINE`; otherwise its arena offset (4 bytes LE).
    data: [u8; INLINE],
}

const EMPTY: Slot = Slot {
    tag: 0,
    set: 0,
    len: 0,
    data: [0; INLINE],
};

/// The index of the "every country" set.
const EVERYWHERE: u32 = 0;

/// A seller's exclusions, indexed for fast look-up (see the module docs for
/// the layout and its memory).
///
/// # Example
///
/// ```
/// use crossborder::{Country, CountrySet, SellerExclusions};
/// let (ex, report) = SellerExclusions::parse_csv("product_id,country\nB01,CA\nB01,MX\nB02\n");
/// assert!(report.is_empty());
/// assert_eq!(ex.len(), 2);
/// assert_eq!(ex.product_exclusions("B01"), CountrySet::of(&[Country::CA, Country::MX]));
/// assert_eq!(ex.product_exclusions("B02"), CountrySet::all());
/// assert!(ex.product_exclusions("B03").is_empty());
/// ```
#[derive(Clone, Debug)]
pub struct SellerExclusions {
    countries: CountrySet,
    /// `homes + WINDOW` slots (or none): an id's home is one of the first
    /// `homes`, and its window the `WINDOW` slots from there, so a probe
    /// never wraps.
    slots: Vec<Slot>,
    homes: usize,
    /// Products in `slots` (the others are in `overflow`).
    in_table: usize,
    len: usize,
    arena: Vec<u8>,
    sets: Vec<CountrySet>,
    filter: Vec<Block>,
    /// Products whose window was full when they came, sorted by id: a
    /// flood of ids with one hash ends here, where a look-up costs
    /// O(log n) whatever the hashes.
    overflow: Vec<(OverflowKey, u32)>,
    key: [u64; 2],
}

/// The most slots a probe visits: an id is in the table within `WINDOW`
/// slots of its home, or in the overflow. At load 3/4 an ordinary id
/// seldom needs more (about 3 in 10,000 ids, in runs of linear probing
/// longer than 64 slots); 32 would send ten times as many to the overflow.
const WINDOW: usize = 64;

impl Default for SellerExclusions {
    fn default() -> Self {
        SellerExclusions::new()
    }
}

/// A 64-bit hash of the id bytes (FxHash-style mixing with a MurmurHash3
/// finaliser), keyed by the caller's key (`[0, 0]` without one). No random
/// seed, so builds are reproducible; the hash is fast, not a defence: with
/// the key known (or none), ids with one hash are easy to make, and the
/// bounded window is what caps their cost.
#[inline]
fn hash(bytes: &[u8], key: [u64; 2]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64 ^ key[0];
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^= key[1];
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

impl SellerExclusions {
    /// No exclusions.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::SellerExclusions::new().is_empty());
    /// ```
    pub fn new() -> SellerExclusions {
        SellerExclusions {
            countries: CountrySet::new(),
            slots: Vec::new(),
            homes: 0,
            in_table: 0,
            len: 0,
            arena: Vec::new(),
            sets: vec![CountrySet::all()],
            filter: Vec::new(),
            overflow: Vec::new(),
            key: [0, 0],
        }
    }

    /// Builds the index from entries.
    ///
    /// # Errors
    ///
    /// [`ExclusionError::TooManyProducts`] past [`MAX_EXCLUDED_PRODUCTS`]
    /// distinct products.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ExclusionEntry, ProductId, SellerExclusions};
    /// let ex = SellerExclusions::from_entries([
    ///     ExclusionEntry::Product { product: ProductId::new("B02")? },
    /// ])?;
    /// assert_eq!(ex.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_entries<I>(entries: I) -> Result<SellerExclusions, ExclusionError>
    where
        I: IntoIterator<Item = ExclusionEntry>,
    {
        let iter = entries.into_iter();
        let mut b = ExclusionsBuilder::with_capacity(iter.size_hint().0);
        for e in iter {
            match e {
                ExclusionEntry::Country { country } => b.exclude_country(country),
                ExclusionEntry::Product { product } => b.exclude_product(&product)?,
                ExclusionEntry::ProductIn { product, country } => {
                    b.exclude_product_in(&product, country)?
                }
            }
        }
        Ok(b.build())
    }

    /// Reads an exclusion file the caller has read into memory: one line per
    /// exclusion, `product_id` (excluded everywhere) or `product_id,country`
    /// (excluded from that country; alpha-2, alpha-3 or a name). An optional
    /// header line (`product_id`, `sku`, `asin`, `seller-sku` or `fnsku` as
    /// its first field), blank lines and lines starting with `#` are
    /// skipped; fields are trimmed; fields are not quoted.
    ///
    /// Bad lines are skipped and reported, one [`Violation`] each (severity
    /// error), with codes `exclusion.bad_line` (more than two fields),
    /// `exclusion.bad_product_id`, `exclusion.bad_country` and
    /// `exclusion.too_many_products` (once, at the first product past the
    /// limit; later new products are dropped). The pointer is `/lines/N`,
    /// with `N` the **0-based** index of the line in the text, as if the file
    /// were a JSON array of lines; the messages give the 1-based line number
    /// editors show. Good lines are kept: the index is usable even when the
    /// report has errors.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Code, Country, SellerExclusions};
    /// let (ex, report) = SellerExclusions::parse_csv("B01,CA\nB02,Atlantis\nB03,CA,x\n");
    /// assert_eq!(ex.len(), 1);
    /// let v: Vec<_> = report.iter().collect();
    /// assert_eq!(v[0].code(), &Code::EXCLUSION_BAD_COUNTRY);
    /// assert_eq!(v[0].pointer().as_str(), "/lines/1");
    /// assert_eq!(v[1].code(), &Code::EXCLUSION_BAD_LINE);
    /// assert_eq!(v[1].message_en(), "line 3: expected `product_id` or `product_id,country`, found 3 fields");
    /// ```
    pub fn parse_csv(text: &str) -> (SellerExclusions, Report) {
        SellerExclusions::read_csv(text, ExclusionsBuilder::with_capacity(text.len() / 12))
    }

    /// [`SellerExclusions::parse_csv`] with the index's hash keyed by
    /// `key` (see [`ExclusionsBuilder::with_hash_key`]): a service that
    /// reads files its users upload can draw the key at random, once per
    /// process or per file, so that no one can write ids that collide.
    /// The answers are the same for every key.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ExclusionCheck, SellerExclusions};
    /// let text = "B01,CA\nB02\n";
    /// let (plain, _) = SellerExclusions::parse_csv(text);
    /// let (keyed, report) = SellerExclusions::parse_csv_with_key(text, 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c834);
    /// assert!(report.is_empty());
    /// for id in ["B01", "B02", "B03"] {
    ///     assert_eq!(keyed.check(id, Country::CA), plain.check(id, Country::CA));
    /// }
    /// assert_eq!(keyed.check("B01", Country::CA), ExclusionCheck::ProductExcludedThere);
    /// ```
    pub fn parse_csv_with_key(text: &str, key: u128) -> (SellerExclusions, Report) {
        SellerExclusions::read_csv(
            text,
            ExclusionsBuilder::with_capacity(text.len() / 12).with_hash_key(key),
        )
    }

    fn read_csv(text: &str, mut b: ExclusionsBuilder) -> (SellerExclusions, Report) {
        let mut report = Report::new();
        let mut seen_content = false;
        let mut over_limit = false;
        for (index, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let mut fields = trimmed.split(',').map(str::trim);
            let id = fields.next().unwrap_or("");
            let country = fields.next();
            let extra = fields.count();
            if !seen_content {
                seen_content = true;
                if is_header(id) {
                    continue;
                }
            }
            let pointer = || JsonPointer::root().field("lines").index(index);
            let n = index + 1;
            if extra > 0 {
                report.push(
                    Violation::new(
                        Code::EXCLUSION_BAD_LINE,
                        Severity::Error,
                        pointer(),
                        format!(
                            "line {n}: expected `product_id` or `product_id,country`, found {} fields",
                            extra + 2
                        ),
                        format!("第 {n} 行：应为“商品编号”或“商品编号,国家”，实际有 {} 个字段", extra + 2),
                    )
                    .with_value(line),
                );
                continue;
            }
            if let Err(e) = check_product_id(id) {
                report.push(
                    Violation::new(
                        Code::EXCLUSION_BAD_PRODUCT_ID,
                        Severity::Error,
                        pointer(),
                        format!("line {n}: {e}"),
                        format!("第 {n} 行：商品编号 {id:?} 无效（不能为空、超过 100 字节、含逗号或控制字符）", id = crate::echo(id)),
                    )
                    .with_value(id),
                );
                continue;
            }
            let country = match country {
                None | Some("") => None,
                Some(c) => match alpha2_fast(c).map(Ok).unwrap_or_else(|| parse_country(c)) {
                    Ok(country) => Some(country),
                    Err(e) => {
                        report.push(
                            Violation::new(
                                Code::EXCLUSION_BAD_COUNTRY,
                                Severity::Error,
                                pointer(),
                                format!("line {n}: {e}"),
                                format!("第 {n} 行：无法识别的国家/地区 {c:?}", c = crate::echo(c)),
                            )
                            .with_value(c),
                        );
                        continue;
                    }
                },
            };
            let added = match country {
                None => b.add(id.as_bytes(), None),
                Some(c) => b.add(id.as_bytes(), Some(c)),
            };
            if added.is_err() && !over_limit {
                over_limit = true;
                report.push(
                    Violation::new(
                        Code::EXCLUSION_TOO_MANY_PRODUCTS,
                        Severity::Error,
                        pointer(),
                        format!(
                            "line {n}: more than {MAX_EXCLUDED_PRODUCTS} distinct products; this and later new products are ignored"
                        ),
                        format!("第 {n} 行：超过 {MAX_EXCLUDED_PRODUCTS} 个不同商品，此行及之后的新商品被忽略"),
                    )
                    .with_value(id),
                );
            }
        }
        (b.build(), report)
    }

    /// Countries the seller excludes entirely.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ExclusionEntry, SellerExclusions};
    /// let ex = SellerExclusions::from_entries([ExclusionEntry::Country { country: Country::RU }])?;
    /// assert!(ex.excluded_countries().contains(Country::RU));
    /// # Ok::<(), crossborder::ExclusionError>(())
    /// ```
    pub fn excluded_countries(&self) -> CountrySet {
        self.countries
    }

    /// The countries a product is excluded from: every country when it is
    /// excluded everywhere, empty when it is not in the index. Does not
    /// include [`SellerExclusions::excluded_countries`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::SellerExclusions;
    /// let (ex, _) = SellerExclusions::parse_csv("B02\n");
    /// assert_eq!(ex.product_exclusions("B02").len(), 249);
    /// ```
    #[inline]
    pub fn product_exclusions(&self, product: &str) -> CountrySet {
        match self.find(product.as_bytes()) {
            Some(set) => self.sets.get(set as usize).copied().unwrap_or_default(),
            None => CountrySet::new(),
        }
    }

    /// Whether the product is excluded from every country (as opposed to
    /// from a few, or not at all).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::SellerExclusions;
    /// let (ex, _) = SellerExclusions::parse_csv("B02\nB03,CA\n");
    /// assert!(ex.is_excluded_everywhere("B02"));
    /// assert!(!ex.is_excluded_everywhere("B03"));
    /// ```
    pub fn is_excluded_everywhere(&self, product: &str) -> bool {
        self.find(product.as_bytes()) == Some(EVERYWHERE)
    }

    /// How the exclusions bear on one product and one destination: the
    /// country first, then the product everywhere, then the product there.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ExclusionCheck, SellerExclusions};
    /// let (ex, _) = SellerExclusions::parse_csv("B02\n");
    /// assert_eq!(ex.check("B02", Country::CA), ExclusionCheck::ProductExcludedEverywhere);
    /// ```
    #[inline]
    pub fn check(&self, product: &str, destination: Country) -> ExclusionCheck {
        if self.countries.contains(destination) {
            return ExclusionCheck::CountryExcluded;
        }
        match self.find(product.as_bytes()) {
            Some(EVERYWHERE) => ExclusionCheck::ProductExcludedEverywhere,
            Some(set) => {
                let hit = dense_index(destination).is_some_and(|i| {
                    self.sets
                        .get(set as usize)
                        .is_some_and(|s| s.contains_index(i))
                });
                if hit {
                    ExclusionCheck::ProductExcludedThere
                } else {
                    ExclusionCheck::NotExcluded
                }
            }
            None => ExclusionCheck::NotExcluded,
        }
    }

    /// How many distinct products are excluded (everywhere or somewhere).
    ///
    /// # Example
    ///
    /// ```
    /// let (ex, _) = crossborder::SellerExclusions::parse_csv("A\nA,CA\nB\n");
    /// assert_eq!(ex.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no product is excluded (countries may still be).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::SellerExclusions::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many distinct country sets the products use (set 0, "every
    /// country", always counts).
    ///
    /// # Example
    ///
    /// ```
    /// let (ex, _) = crossborder::SellerExclusions::parse_csv("A,CA\nB,CA\nC,MX\n");
    /// assert_eq!(ex.distinct_country_sets(), 3);
    /// ```
    pub fn distinct_country_sets(&self) -> usize {
        self.sets.len()
    }

    /// The heap memory the index holds, in bytes, from its buffers'
    /// capacities: slots x 32 + filter blocks x 64 + arena bytes + sets x 32,
    /// plus, for products in the overflow (none for ordinary ids), 24 bytes
    /// and the id's bytes each.
    ///
    /// # Example
    ///
    /// ```
    /// let (ex, _) = crossborder::SellerExclusions::parse_csv("B0000000001\n");
    /// assert!(ex.heap_bytes() >= 32 + 32);
    /// ```
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.filter.capacity() * std::mem::size_of::<Block>()
            + self.arena.capacity()
            + self.sets.capacity() * std::mem::size_of::<CountrySet>()
            + self.overflow.capacity() * std::mem::size_of::<(OverflowKey, u32)>()
            + self
                .overflow
                .iter()
                .map(|(k, _)| k.heap_bytes())
                .sum::<usize>()
    }

    /// How many products did not fit their window of the table and were
    /// put in the sorted overflow instead: 0 for ordinary ids, and most
    /// of a flood of ids made to share one hash. The answers do not
    /// depend on it; it tells a service that a file was built to collide.
    ///
    /// # Example
    ///
    /// ```
    /// let (ex, _) = crossborder::SellerExclusions::parse_csv("A\nB\nC\n");
    /// assert_eq!(ex.overflowed(), 0);
    /// ```
    pub fn overflowed(&self) -> usize {
        self.overflow.len()
    }

    /// The entries, as [`ExclusionEntry`] values: countries first (alpha-2
    /// order), then products in table order (fixed by the hash and its key:
    /// the same on every run), then those of the overflow in id order, each
    /// as `Product` or as one `ProductIn` per country (alpha-2 order).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{ExclusionEntry, SellerExclusions};
    /// let (ex, _) = SellerExclusions::parse_csv("A,CA\nB\n");
    /// let back = SellerExclusions::from_entries(ex.entries())?;
    /// assert_eq!(back.entries().count(), 2);
    /// # Ok::<(), crossborder::ExclusionError>(())
    /// ```
    pub fn entries(&self) -> impl Iterator<Item = ExclusionEntry> + '_ {
        let countries = self
            .countries
            .iter()
            .map(|country| ExclusionEntry::Country { country });
        let table = self
            .slots
            .iter()
            .filter(|e| e.len != 0)
            .map(|e| (std::borrow::Cow::Borrowed(self.id_of(e)), e.set));
        let overflow = self.overflow.iter().map(|(k, set)| {
            let mut buf = [0; ID_BUF];
            (
                std::borrow::Cow::Owned(k.id_in(&mut buf).into_owned()),
                *set,
            )
        });
        let products = table.chain(overflow).flat_map(move |(id, set_id)| {
            let id = std::str::from_utf8(&id)
                .ok()
                .and_then(|s| ProductId::new(s).ok());
            let mut out = Vec::new();
            if let Some(product) = id {
                if set_id == EVERYWHERE {
                    out.push(ExclusionEntry::Product { product });
                } else if let Some(set) = self.sets.get(set_id as usize) {
                    for country in set.iter() {
                        out.push(ExclusionEntry::ProductIn {
                            product: product.clone(),
                            country,
                        });
                    }
                }
            }
            out
        });
        countries.chain(products)
    }

    /// The id bytes of a full slot.
    #[inline]
    fn id_of<'s>(&'s self, slot: &'s Slot) -> &'s [u8] {
        id_bytes(&self.arena, slot)
    }

    /// The country set of a product, if it is in the index.
    #[inline]
    fn find(&self, id: &[u8]) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let h = hash(id, self.key);
        if !self.filter.is_empty() && !may_contain(&self.filter, h) {
            return None;
        }
        let tag = h as u32;
        let home = reduce(h, self.homes);
        for s in self.slots.get(home..home + WINDOW)? {
            // An empty slot in the window: the id would be here or before.
            if s.len == 0 {
                return None;
            }
            if s.tag == tag && s.len as usize == id.len() && self.id_of(s) == id {
                return Some(s.set);
            }
        }
        // A full window: the id, if present, is in the overflow.
        let (head, tail) = OverflowKey::split(id);
        self.overflow
            .binary_search_by(|(k, _)| k.head.cmp(&head).then_with(|| (*k.tail).cmp(tail)))
            .ok()
            .and_then(|i| self.overflow.get(i))
            .map(|(_, set)| *set)
    }
}

/// Room for an id on the stack (checked ids have at most 100 bytes).
const ID_BUF: usize = 128;

/// An id in the overflow, ordered as its bytes are: the first 16 bytes as
/// one big-endian integer (zero-padded; ids hold no NUL, so the padding
/// cannot tie with a real byte), then the rest. Ids of up to 16 bytes
/// (ASINs, FNSKUs, most SKUs) compare as integers and need no allocation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct OverflowKey {
    head: u128,
    tail: Box<[u8]>,
}

impl OverflowKey {
    fn split(id: &[u8]) -> (u128, &[u8]) {
        let (head, tail) = id.split_at(id.len().min(16));
        let mut bytes = [0u8; 16];
        bytes[..head.len()].copy_from_slice(head);
        (u128::from_be_bytes(bytes), tail)
    }

    fn new(id: &[u8]) -> OverflowKey {
        let (head, tail) = OverflowKey::split(id);
        OverflowKey {
            head,
            tail: tail.into(),
        }
    }

    /// The id's bytes, written into `buf` (on the heap only for an id
    /// longer than the buffer, which a checked id never is).
    fn id_in<'b>(&self, buf: &'b mut [u8; ID_BUF]) -> std::borrow::Cow<'b, [u8]> {
        let head = self.head.to_be_bytes();
        let head_len = if self.tail.is_empty() {
            16 - head.iter().rev().take_while(|&&b| b == 0).count()
        } else {
            16
        };
        let len = head_len + self.tail.len();
        match buf.get_mut(..len) {
            Some(out) => {
                let (h, t) = out.split_at_mut(head_len);
                h.copy_from_slice(&head[..head_len]);
                t.copy_from_slice(&self.tail);
                std::borrow::Cow::Borrowed(out)
            }
            None => {
                let mut id = head[..head_len].to_vec();
                id.extend_from_slice(&self.tail);
                std::borrow::Cow::Owned(id)
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        self.tail.len()
    }
}

/// What a slot must hold to be a given id, for the builder: its tag and
/// length, and its bytes. For a short id the bytes are padded with zeros as
/// a slot stores them, once, when a slot's tag and length first match, so
/// that a window full of ids of one hash (all tags match) is compared 23
/// bytes at a time without a call to `memcmp`. (Look-ups compare slices:
/// the tag rules out nearly every slot, and building the padded copy would
/// cost them more than it saves.)
struct Probe<'a> {
    tag: u32,
    len: u8,
    padded: Option<[u8; INLINE]>,
    id: &'a [u8],
}

impl<'a> Probe<'a> {
    #[inline]
    fn new(id: &'a [u8], h: u64) -> Probe<'a> {
        Probe {
            tag: h as u32,
            // Ids are checked to be at most 100 bytes.
            len: id.len() as u8,
            padded: None,
            id,
        }
    }

    #[inline]
    fn matches(&mut self, s: &Slot, arena: &[u8]) -> bool {
        if s.tag != self.tag || s.len != self.len {
            return false;
        }
        if self.id.len() > INLINE {
            return id_bytes(arena, s) == self.id;
        }
        let id = self.id;
        let padded = self.padded.get_or_insert_with(|| {
            let mut data = [0; INLINE];
            data[..id.len()].copy_from_slice(id);
            data
        });
        s.data == *padded
    }
}

/// The id bytes of a full slot: inline, or in the arena.
#[inline]
fn id_bytes<'s>(arena: &'s [u8], slot: &'s Slot) -> &'s [u8] {
    let len = slot.len as usize;
    if len <= INLINE {
        slot.data.get(..len).unwrap_or(&[])
    } else {
        let start =
            u32::from_le_bytes([slot.data[0], slot.data[1], slot.data[2], slot.data[3]]) as usize;
        arena.get(start..start + len).unwrap_or(&[])
    }
}

/// One cache line of the Bloom filter.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(64))]
struct Block([u64; 8]);

/// Bits of the Bloom filter per product, and bits set per product.
const FILTER_BITS_PER_KEY: usize = 12;
const FILTER_K: u32 = 6;

/// The six bit positions (0..512) of a hash in its block.
#[inline]
fn filter_bits(h: u64) -> u64 {
    // A second, independent-enough mix of the hash for the positions; the
    // block comes from the high bits of `h` itself.
    h.rotate_left(29).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Whether a hash may be in the filter (false: certainly not).
#[inline]
fn may_contain(filter: &[Block], h: u64) -> bool {
    let Some(block) = filter.get(reduce(h, filter.len())) else {
        return true;
    };
    let mut bits = filter_bits(h);
    for _ in 0..FILTER_K {
        let pos = (bits & 511) as usize;
        bits >>= 9;
        if block.0[pos >> 6] & (1 << (pos & 63)) == 0 {
            return false;
        }
    }
    true
}

/// A blocked Bloom filter over the ids of the table: one 64-byte block per
/// look-up, 12 bits per product (about 1.5 MB for a million, small enough to
/// stay in cache), so a product that is not excluded, the usual case, is
/// answered without touching the table.
fn build_filter(ix: &SellerExclusions) -> Vec<Block> {
    if ix.len == 0 {
        return Vec::new();
    }
    let blocks = (ix.len * FILTER_BITS_PER_KEY).div_ceil(512);
    let mut filter = vec![Block([0; 8]); blocks];
    let mut set_bits = |id: &[u8]| {
        let h = hash(id, ix.key);
        let Some(block) = filter.get_mut(reduce(h, blocks)) else {
            return;
        };
        let mut bits = filter_bits(h);
        for _ in 0..FILTER_K {
            let pos = (bits & 511) as usize;
            bits >>= 9;
            block.0[pos >> 6] |= 1 << (pos & 63);
        }
    };
    for s in ix.slots.iter().filter(|s| s.len != 0) {
        set_bits(id_bytes(&ix.arena, s));
    }
    let mut buf = [0; ID_BUF];
    for (k, _) in &ix.overflow {
        set_bits(&k.id_in(&mut buf));
    }
    filter
}

/// Maps a hash onto `0..n` (Lemire's multiply-shift), using its high bits.
#[inline]
fn reduce(h: u64, n: usize) -> usize {
    ((u128::from(h) * n as u128) >> 64) as usize
}

/// Home slots for `n` products at load 3/4.
fn capacity_for(n: usize) -> usize {
    (n + n / 3 + 1).max(16)
}

fn is_header(first: &str) -> bool {
    [
        "product_id",
        "product id",
        "sku",
        "asin",
        "seller-sku",
        "fnsku",
    ]
    .iter()
    .any(|h| first.eq_ignore_ascii_case(h))
}

/// Builds a [`SellerExclusions`] one exclusion at a time.
///
/// # Example
///
/// ```
/// use crossborder::{Country, ExclusionCheck, ExclusionsBuilder, ProductId};
/// let mut b = ExclusionsBuilder::new();
/// b.exclude_country(Country::BR);
/// b.exclude_product_in(&ProductId::new("P1")?, Country::CA)?;
/// let ex = b.build();
/// assert_eq!(ex.check("P1", Country::CA), ExclusionCheck::ProductExcludedThere);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct ExclusionsBuilder {
    index: Option<SellerExclusions>,
    set_ids: BTreeMap<CountrySet, u32>,
    singles: Vec<u32>,
    /// Products whose window was full, by id (sorted into the index's
    /// overflow when it is built).
    overflow: BTreeMap<OverflowKey, u32>,
}

impl Default for ExclusionsBuilder {
    fn default() -> Self {
        ExclusionsBuilder::new()
    }
}

impl ExclusionsBuilder {
    /// An empty builder.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::ExclusionsBuilder::new().build().is_empty());
    /// ```
    pub fn new() -> ExclusionsBuilder {
        ExclusionsBuilder::with_capacity(0)
    }

    /// An empty builder with room for about this many products.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::ExclusionsBuilder::with_capacity(1000).build().is_empty());
    /// ```
    pub fn with_capacity(products: usize) -> ExclusionsBuilder {
        let products = products.min(MAX_EXCLUDED_PRODUCTS);
        let mut index = SellerExclusions::new();
        index.homes = capacity_for(products);
        index.slots = vec![EMPTY; index.homes + WINDOW];
        let mut set_ids = BTreeMap::new();
        set_ids.insert(CountrySet::all(), EVERYWHERE);
        ExclusionsBuilder {
            index: Some(index),
            set_ids,
            singles: vec![u32::MAX; 249],
            overflow: BTreeMap::new(),
        }
    }

    /// The same builder with the index's hash keyed by `key` (`0`, the
    /// default, is the unkeyed hash). The crate reads no entropy: a caller
    /// that indexes ids other people write (an uploaded exclusion file)
    /// can draw a random key, so that no one can make ids that collide.
    /// Without a key the index still cannot be flooded (ids that share a
    /// window go to a sorted overflow, see [`SellerExclusions::overflowed`]),
    /// but with one a flood does not even reach the overflow. Answers do
    /// not depend on the key; the order of [`SellerExclusions::entries`]
    /// does. Products already added are re-indexed under the new key.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ExclusionsBuilder, ProductId};
    /// let mut b = ExclusionsBuilder::with_capacity(2).with_hash_key(0x1234_5678_9abc_def0_0fed_cba9_8765_4321);
    /// b.exclude_product_in(&ProductId::new("P1")?, Country::CA)?;
    /// let ex = b.build();
    /// assert!(ex.product_exclusions("P1").contains(Country::CA));
    /// assert!(ex.product_exclusions("P2").is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_hash_key(mut self, key: u128) -> ExclusionsBuilder {
        if let Some(mut ix) = self.index.take() {
            // The two halves of the key (truncation intended).
            ix.key = [(key >> 64) as u64, key as u64];
            let homes = ix.homes;
            rehash(&mut ix, &mut self.overflow, homes);
            self.index = Some(ix);
        }
        self
    }

    /// Excludes a whole country.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ExclusionsBuilder};
    /// let mut b = ExclusionsBuilder::new();
    /// b.exclude_country(Country::RU);
    /// assert!(b.build().excluded_countries().contains(Country::RU));
    /// ```
    pub fn exclude_country(&mut self, country: Country) {
        if let Some(ix) = self.index.as_mut() {
            ix.countries.insert(country);
        }
    }

    /// Excludes a product from every country.
    ///
    /// # Errors
    ///
    /// [`ExclusionError::TooManyProducts`] past the limit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{ExclusionsBuilder, ProductId};
    /// let mut b = ExclusionsBuilder::new();
    /// b.exclude_product(&ProductId::new("P")?)?;
    /// assert!(b.build().is_excluded_everywhere("P"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclude_product(&mut self, product: &ProductId) -> Result<(), ExclusionError> {
        self.add(product.as_str().as_bytes(), None)
    }

    /// Excludes a product from one country.
    ///
    /// # Errors
    ///
    /// [`ExclusionError::TooManyProducts`] past the limit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ExclusionsBuilder, ProductId};
    /// let mut b = ExclusionsBuilder::new();
    /// b.exclude_product_in(&ProductId::new("P")?, Country::CA)?;
    /// assert!(b.build().product_exclusions("P").contains(Country::CA));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclude_product_in(
        &mut self,
        product: &ProductId,
        country: Country,
    ) -> Result<(), ExclusionError> {
        self.add(product.as_str().as_bytes(), Some(country))
    }

    /// The finished index (buffers trimmed to size: a table more than twice
    /// the size its products need is rebuilt at the right size).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::ExclusionsBuilder::new().build().len(), 0);
    /// ```
    pub fn build(mut self) -> SellerExclusions {
        let mut ix = self.index.take().unwrap_or_default();
        // A size hint well above the count (an exclusion file with many
        // countries per product) would leave the table mostly empty.
        let want = capacity_for(ix.len);
        if ix.homes > want * 2 {
            rehash(&mut ix, &mut self.overflow, want);
        }
        ix.arena.shrink_to_fit();
        ix.overflow = std::mem::take(&mut self.overflow).into_iter().collect();
        ix.filter = build_filter(&ix);
        ix.sets.shrink_to_fit();
        ix
    }

    fn set_id(&mut self, set: CountrySet, sets: &mut Vec<CountrySet>) -> u32 {
        if let Some(&id) = self.set_ids.get(&set) {
            return id;
        }
        let id = sets.len() as u32;
        sets.push(set);
        self.set_ids.insert(set, id);
        id
    }

    /// Adds one exclusion for an already-checked id.
    pub(crate) fn add(
        &mut self,
        id: &[u8],
        country: Option<Country>,
    ) -> Result<(), ExclusionError> {
        let Some(mut ix) = self.index.take() else {
            return Ok(());
        };
        let result = self.add_to(&mut ix, id, country);
        self.index = Some(ix);
        result
    }

    fn add_to(
        &mut self,
        ix: &mut SellerExclusions,
        id: &[u8],
        country: Option<Country>,
    ) -> Result<(), ExclusionError> {
        let dense = match country {
            Some(c) => match dense_index(c) {
                Some(d) => Some(d),
                // `Unspecified` names no country: nothing to exclude.
                None => return Ok(()),
            },
            None => None,
        };
        let h = hash(id, ix.key);
        let mut probe = Probe::new(id, h);
        let home = reduce(h, ix.homes);
        let mut free = None;
        for (i, s) in ix.slots.iter().enumerate().skip(home).take(WINDOW) {
            if s.len == 0 {
                free = Some(i);
                break;
            }
            if probe.matches(s, &ix.arena) {
                // Known product: widen its set.
                let set = self.widen(s.set, country, &mut ix.sets);
                if let Some(slot) = ix.slots.get_mut(i) {
                    slot.set = set;
                }
                return Ok(());
            }
        }
        let Some(i) = free else {
            // The window is full: a flood of one hash, or (rarely) a long
            // run of ordinary ids. The sorted overflow cannot degrade.
            let mut overflow = std::mem::take(&mut self.overflow);
            let added = match overflow.entry(OverflowKey::new(id)) {
                Entry::Occupied(mut e) => {
                    let set = self.widen(*e.get(), country, &mut ix.sets);
                    e.insert(set);
                    Ok(())
                }
                Entry::Vacant(e) => self.new_product(ix, dense, country).map(|set| {
                    e.insert(set);
                }),
            };
            self.overflow = overflow;
            return added;
        };
        let set = self.new_product(ix, dense, country)?;
        place(ix, i, h, id, set);
        ix.in_table += 1;
        if ix.in_table * 4 > ix.homes * 3 {
            grow(ix, &mut self.overflow);
        }
        Ok(())
    }

    /// Counts a new product and gives its set: every country, or the one.
    fn new_product(
        &mut self,
        ix: &mut SellerExclusions,
        dense: Option<usize>,
        country: Option<Country>,
    ) -> Result<u32, ExclusionError> {
        if ix.len >= MAX_EXCLUDED_PRODUCTS {
            return Err(ExclusionError::TooManyProducts {
                limit: MAX_EXCLUDED_PRODUCTS,
            });
        }
        ix.len += 1;
        Ok(match (dense, country) {
            (Some(d), Some(c)) => match self.singles.get(d).copied() {
                Some(id) if id != u32::MAX => id,
                _ => {
                    let id = self.set_id(CountrySet::of(&[c]), &mut ix.sets);
                    if let Some(slot) = self.singles.get_mut(d) {
                        *slot = id;
                    }
                    id
                }
            },
            _ => EVERYWHERE,
        })
    }

    /// The set of a known product after excluding it from `country` too
    /// (`None`: from every country).
    fn widen(&mut self, old: u32, country: Option<Country>, sets: &mut Vec<CountrySet>) -> u32 {
        if old == EVERYWHERE {
            return EVERYWHERE;
        }
        match country {
            None => EVERYWHERE,
            Some(c) => {
                let mut set = sets.get(old as usize).copied().unwrap_or_default();
                set.insert(c);
                self.set_id(set, sets)
            }
        }
    }
}

/// Writes a product into the empty slot `i` (a long id goes to the arena).
fn place(ix: &mut SellerExclusions, i: usize, h: u64, id: &[u8], set: u32) {
    let mut slot = Slot {
        tag: h as u32,
        set,
        len: id.len() as u8,
        data: [0; INLINE],
    };
    if id.len() <= INLINE {
        slot.data[..id.len()].copy_from_slice(id);
    } else {
        let start = ix.arena.len() as u32;
        ix.arena.extend_from_slice(id);
        slot.data[..4].copy_from_slice(&start.to_le_bytes());
    }
    if let Some(s) = ix.slots.get_mut(i) {
        *s = slot;
    }
}

/// Doubles the table and re-inserts every product.
fn grow(ix: &mut SellerExclusions, overflow: &mut BTreeMap<OverflowKey, u32>) {
    let n = ix.homes * 2;
    rehash(ix, overflow, n);
}

/// Moves every product, of the table and of the overflow, into a table of
/// `homes` home slots: the products of the table first, in table order, then
/// those of the overflow, in id order, each in the first empty slot of its
/// window, or in the overflow when the window is full. So an empty slot in
/// a window still means that no product of that window is in the overflow.
fn rehash(ix: &mut SellerExclusions, overflow: &mut BTreeMap<OverflowKey, u32>, homes: usize) {
    let old_slots = std::mem::replace(&mut ix.slots, vec![EMPTY; homes + WINDOW]);
    let old_overflow = std::mem::take(overflow);
    let old_arena = std::mem::take(&mut ix.arena);
    ix.homes = homes;
    ix.in_table = 0;
    let mut put = |ix: &mut SellerExclusions, id: &[u8], set: u32| {
        let h = hash(id, ix.key);
        let home = reduce(h, homes);
        let free = ix
            .slots
            .iter()
            .enumerate()
            .skip(home)
            .take(WINDOW)
            .find(|(_, s)| s.len == 0)
            .map(|(i, _)| i);
        match free {
            Some(i) => {
                place(ix, i, h, id, set);
                ix.in_table += 1;
            }
            None => {
                overflow.insert(OverflowKey::new(id), set);
            }
        }
    };
    for s in old_slots.iter().filter(|s| s.len != 0) {
        put(ix, id_bytes(&old_arena, s), s.set);
    }
    let mut buf = [0; ID_BUF];
    for (k, set) in &old_overflow {
        put(ix, &k.id_in(&mut buf), *set);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_oversized_hint_is_trimmed_at_build() {
        let mut b = ExclusionsBuilder::with_capacity(1_000_000);
        for i in 0..1000 {
            b.add(format!("SKU{i}").as_bytes(), Some(Country::CA))
                .unwrap();
        }
        let ex = b.build();
        assert_eq!(ex.homes, capacity_for(1000));
        assert_eq!(ex.slots.len(), capacity_for(1000) + WINDOW);
        for i in 0..1000 {
            assert!(
                ex.product_exclusions(&format!("SKU{i}"))
                    .contains(Country::CA)
            );
        }
    }

    #[test]
    fn bloom_filter_rejects_most_absent_ids_and_never_a_present_one() {
        let mut b = ExclusionsBuilder::with_capacity(100_000);
        for i in 0..100_000 {
            b.add(format!("SKU{i}").as_bytes(), None).unwrap();
        }
        let ex = b.build();
        assert_eq!(
            ex.filter.len(),
            (100_000 * FILTER_BITS_PER_KEY).div_ceil(512)
        );
        for i in 0..100_000 {
            assert!(may_contain(
                &ex.filter,
                hash(format!("SKU{i}").as_bytes(), [0, 0])
            ));
        }
        let false_positives = (0..100_000)
            .filter(|i| may_contain(&ex.filter, hash(format!("OTHER{i}").as_bytes(), [0, 0])))
            .count();
        // About 1 % expected; 3 % would mean the filter is not doing its job.
        assert!(false_positives < 3_000, "{false_positives}");
    }

    #[allow(dead_code)]
    mod hostile {
        include!("../../tests/common/hostile.rs");
    }

    #[test]
    fn the_colliding_ids_share_one_hash() {
        let ids = hostile::colliding_ids(500);
        let h = hash(ids[0].as_bytes(), [0, 0]);
        assert!(ids.iter().all(|id| hash(id.as_bytes(), [0, 0]) == h));
        let distinct: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
        assert!(ids.iter().all(|id| check_product_id(id).is_ok()));
        // A key breaks the collision.
        let key = [0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210];
        let keyed: std::collections::BTreeSet<_> =
            ids.iter().map(|id| hash(id.as_bytes(), key)).collect();
        assert_eq!(keyed.len(), ids.len());
    }

    /// A flood of one hash goes to the overflow and every answer stays
    /// right; with a key, nothing overflows and the answers are the same.
    #[test]
    fn a_flood_of_one_hash_overflows_and_answers_stay_right() {
        let flood = hostile::colliding_ids(3_000);
        let ordinary = hostile::ordinary_ids(3_000);
        let mut text = String::new();
        for (i, id) in flood.iter().chain(&ordinary).enumerate() {
            match i % 3 {
                0 => text.push_str(&format!("{id}\n")),
                1 => text.push_str(&format!("{id},CA\n{id},MX\n")),
                _ => text.push_str(&format!("{id},BR\n")),
            }
        }
        let (plain, report) = SellerExclusions::parse_csv(&text);
        assert!(report.is_empty());
        assert_eq!(plain.len(), 6_000);
        assert!(
            plain.overflowed() >= 3_000 - WINDOW,
            "{}",
            plain.overflowed()
        );
        let (keyed, _) = SellerExclusions::parse_csv_with_key(&text, 0xdead_beef_0bad_cafe_1234);
        assert_eq!(keyed.overflowed(), 0);
        for (i, id) in flood.iter().chain(&ordinary).enumerate() {
            let want = match i % 3 {
                0 => CountrySet::all(),
                1 => CountrySet::of(&[Country::CA, Country::MX]),
                _ => CountrySet::of(&[Country::BR]),
            };
            assert_eq!(plain.product_exclusions(id), want, "{id}");
            assert_eq!(keyed.product_exclusions(id), want, "{id}");
            assert_eq!(plain.is_excluded_everywhere(id), i % 3 == 0);
        }
        // Absent ids, including ones with the flood's hash.
        for id in hostile::colliding_ids(3_100).iter().skip(3_000) {
            assert!(plain.product_exclusions(id).is_empty());
            assert_eq!(plain.check(id, Country::CA), ExclusionCheck::NotExcluded);
        }
        // The entries hold every product once, and rebuild the same index.
        let back = SellerExclusions::from_entries(plain.entries()).unwrap();
        assert_eq!(back.len(), 6_000);
        for id in flood.iter().chain(&ordinary) {
            assert_eq!(back.product_exclusions(id), plain.product_exclusions(id));
        }
        // Deterministic: the same text gives the same entries, in order.
        let (again, _) = SellerExclusions::parse_csv(&text);
        assert!(again.entries().eq(plain.entries()));
    }

    /// Growing the table (no size hint) re-places overflowed products
    /// where they now fit, keeping "an empty slot means absent" true.
    #[test]
    fn growing_with_a_flood_keeps_every_product() {
        let flood = hostile::colliding_ids(200);
        let mut b = ExclusionsBuilder::new();
        for (i, id) in flood.iter().enumerate() {
            b.add(id.as_bytes(), None).unwrap();
            // Ordinary ids between them make the table grow.
            for k in 0..50 {
                b.add(format!("G{i}-{k}").as_bytes(), Some(Country::CA))
                    .unwrap();
            }
        }
        let ex = b.build();
        assert_eq!(ex.len(), 200 * 51);
        for (i, id) in flood.iter().enumerate() {
            assert!(ex.is_excluded_everywhere(id));
            for k in 0..50 {
                assert_eq!(
                    ex.product_exclusions(&format!("G{i}-{k}")),
                    CountrySet::of(&[Country::CA])
                );
            }
        }
        assert!(ex.product_exclusions("G0-50").is_empty());
    }

    /// Ordinary ids at the table's highest load seldom need the overflow
    /// (a run of more than `WINDOW` full slots), and those that do are
    /// found there.
    #[test]
    fn ordinary_ids_seldom_overflow() {
        let n = 200_000;
        let mut b = ExclusionsBuilder::with_capacity(n);
        for i in 0..n {
            b.add(format!("SKU-{i}").as_bytes(), None).unwrap();
        }
        let ex = b.build();
        assert_eq!(ex.homes, capacity_for(n));
        assert!(ex.overflowed() < n / 1000, "{}", ex.overflowed());
        for (k, _) in &ex.overflow {
            let mut buf = [0; ID_BUF];
            let id = k.id_in(&mut buf);
            assert!(ex.is_excluded_everywhere(std::str::from_utf8(&id).unwrap()));
        }
        assert!((0..n).all(|i| ex.is_excluded_everywhere(&format!("SKU-{i}"))));
    }

    #[test]
    fn a_default_builder_keeps_what_it_is_given() {
        let mut b = ExclusionsBuilder::default();
        b.add(b"P", None).unwrap();
        assert!(b.build().is_excluded_everywhere("P"));
    }
}
