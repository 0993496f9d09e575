//! The seller's own exclusions: whole countries, products everywhere, and
//! products for some countries, in an index built for up to 1,000,000
//! products.
//!
//! # Layout
//!
//! - one flat open-addressing table of 32-byte slots (linear probing, load
//!   at most 3/4, any capacity: the slot is picked by multiply-shift range
//!   reduction of a 64-bit hash). A slot holds a 32-bit hash tag, the index
//!   of the product's country set, the id's length and, for ids of up to 23
//!   bytes (ASINs, FNSKUs and most SKUs), the id bytes themselves; a longer
//!   id lives in a byte arena and the slot holds its offset. A look-up of a
//!   short id therefore touches one cache line of the table (plus the
//!   neighbours a probe runs into), not a slot, an entry and an arena;
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
//! moment: peak = old + new. The hash is fixed (no random seed), so the index
//! is deterministic; look-ups compare the id bytes, so a hash collision
//! never gives a wrong answer.

use std::collections::BTreeMap;

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
    slots: Vec<Slot>,
    len: usize,
    arena: Vec<u8>,
    sets: Vec<CountrySet>,
    filter: Vec<Block>,
}

impl Default for SellerExclusions {
    fn default() -> Self {
        SellerExclusions::new()
    }
}

/// A fixed 64-bit hash of the id bytes (FxHash-style mixing with a
/// MurmurHash3 finaliser). No random seed, so builds are reproducible.
#[inline]
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64;
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
            len: 0,
            arena: Vec::new(),
            sets: vec![CountrySet::all()],
            filter: Vec::new(),
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
        let mut b = ExclusionsBuilder::with_capacity(text.len() / 12);
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
                        format!("第 {n} 行：商品编号 {id:?} 无效（不能为空、超过 100 字节、含逗号或控制字符）"),
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
                                format!("第 {n} 行：无法识别的国家/地区 {c:?}"),
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
            Some(e) => self.sets.get(e.set as usize).copied().unwrap_or_default(),
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
        self.find(product.as_bytes())
            .is_some_and(|e| e.set == EVERYWHERE)
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
            Some(e) if e.set == EVERYWHERE => ExclusionCheck::ProductExcludedEverywhere,
            Some(e) => {
                let hit = dense_index(destination).is_some_and(|i| {
                    self.sets
                        .get(e.set as usize)
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
    /// capacities: slots x 32 + filter blocks x 64 + arena bytes + sets x 32.
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
    }

    /// The entries, as [`ExclusionEntry`] values: countries first (alpha-2
    /// order), then products in table order (fixed by the hash: the same on
    /// every run), each as `Product` or as one `ProductIn` per country
    /// (alpha-2 order).
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
        let products = self.slots.iter().filter(|e| e.len != 0).flat_map(move |e| {
            let id = std::str::from_utf8(self.id_of(e))
                .ok()
                .and_then(|s| ProductId::new(s).ok());
            let mut out = Vec::new();
            if let Some(product) = id {
                if e.set == EVERYWHERE {
                    out.push(ExclusionEntry::Product { product });
                } else if let Some(set) = self.sets.get(e.set as usize) {
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

    #[inline]
    fn find(&self, id: &[u8]) -> Option<&Slot> {
        if self.slots.is_empty() {
            return None;
        }
        let h = hash(id);
        if !self.filter.is_empty() && !may_contain(&self.filter, h) {
            return None;
        }
        let tag = h as u32;
        let mut i = reduce(h, self.slots.len());
        loop {
            let s = self.slots.get(i)?;
            if s.len == 0 {
                return None;
            }
            if s.tag == tag && s.len as usize == id.len() && self.id_of(s) == id {
                return Some(s);
            }
            i += 1;
            if i == self.slots.len() {
                i = 0;
            }
        }
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
    for s in ix.slots.iter().filter(|s| s.len != 0) {
        let h = hash(id_bytes(&ix.arena, s));
        let b = reduce(h, blocks);
        let mut bits = filter_bits(h);
        for _ in 0..FILTER_K {
            let pos = (bits & 511) as usize;
            bits >>= 9;
            filter[b].0[pos >> 6] |= 1 << (pos & 63);
        }
    }
    filter
}

/// Maps a hash onto `0..n` (Lemire's multiply-shift), using its high bits.
#[inline]
fn reduce(h: u64, n: usize) -> usize {
    ((u128::from(h) * n as u128) >> 64) as usize
}

/// Slots for `n` products at load 3/4.
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
#[derive(Debug, Default)]
pub struct ExclusionsBuilder {
    index: Option<SellerExclusions>,
    set_ids: BTreeMap<CountrySet, u32>,
    singles: Vec<u32>,
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
        index.slots = vec![EMPTY; capacity_for(products)];
        let mut set_ids = BTreeMap::new();
        set_ids.insert(CountrySet::all(), EVERYWHERE);
        ExclusionsBuilder {
            index: Some(index),
            set_ids,
            singles: vec![u32::MAX; 249],
        }
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
        ix.arena.shrink_to_fit();
        // A size hint well above the count (an exclusion file with many
        // countries per product) would leave the table mostly empty.
        let want = capacity_for(ix.len);
        if ix.slots.len() > want * 2 {
            rehash(&mut ix, want);
        }
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
        let h = hash(id);
        let tag = h as u32;
        let n = ix.slots.len();
        let mut i = reduce(h, n);
        loop {
            let s = ix.slots[i];
            if s.len == 0 {
                break;
            }
            if s.tag == tag && s.len as usize == id.len() && id_bytes(&ix.arena, &s) == id {
                // Known product: widen its set.
                if s.set == EVERYWHERE {
                    return Ok(());
                }
                let new_set = match country {
                    None => EVERYWHERE,
                    Some(c) => {
                        let mut set = ix.sets[s.set as usize];
                        set.insert(c);
                        self.set_id(set, &mut ix.sets)
                    }
                };
                ix.slots[i].set = new_set;
                return Ok(());
            }
            i += 1;
            if i == n {
                i = 0;
            }
        }
        if ix.len >= MAX_EXCLUDED_PRODUCTS {
            return Err(ExclusionError::TooManyProducts {
                limit: MAX_EXCLUDED_PRODUCTS,
            });
        }
        let set = match (dense, country) {
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
        };
        let mut slot = Slot {
            tag,
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
        ix.slots[i] = slot;
        ix.len += 1;
        if ix.len * 4 > ix.slots.len() * 3 {
            grow(ix);
        }
        Ok(())
    }
}

/// Doubles the table and re-inserts every product.
fn grow(ix: &mut SellerExclusions) {
    let n = ix.slots.len() * 2;
    rehash(ix, n);
}

/// Moves every product into a table of `n` slots.
fn rehash(ix: &mut SellerExclusions, n: usize) {
    let mut slots = vec![EMPTY; n];
    for s in ix.slots.iter().filter(|s| s.len != 0) {
        let mut i = reduce(hash(id_bytes(&ix.arena, s)), n);
        while slots[i].len != 0 {
            i += 1;
            if i == n {
                i = 0;
            }
        }
        slots[i] = *s;
    }
    ix.slots = slots;
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
        assert_eq!(ex.slots.len(), capacity_for(1000));
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
            assert!(may_contain(&ex.filter, hash(format!("SKU{i}").as_bytes())));
        }
        let false_positives = (0..100_000)
            .filter(|i| may_contain(&ex.filter, hash(format!("OTHER{i}").as_bytes())))
            .count();
        // About 1 % expected; 3 % would mean the filter is not doing its job.
        assert!(false_positives < 3_000, "{false_positives}");
    }
}
