//! The seller's own exclusions: whole countries, products everywhere, and
//! products for some countries, in an index built for up to 1,000,000
//! products.
//!
//! # Layout
//!
//! - product ids are stored once, back to back, in one byte arena;
//! - each distinct product is one 16-byte [`Entry`]: a 32-bit hash tag, the
//!   id's offset and length in the arena, and the index of its country set;
//! - an open-addressing table of `u32` slots (power of two, load at most
//!   1/2, linear probing) maps a 64-bit hash of the id to its entry;
//! - country sets are 256-bit bitsets over the 249 ISO 3166-1 countries,
//!   deduplicated: set 0 is "every country" (excluded everywhere), and the
//!   usual exclusion files share a handful of distinct sets.
//!
//! For 1,000,000 ten-byte ids that is 16 MB of entries, 8 MB of slots
//! (2^21 x 4 bytes) and 10 MB of arena: about 34 MB, measured by
//! [`SellerExclusions::heap_bytes`]. The hash is fixed (no random seed), so
//! the index is deterministic; lookups compare the id bytes, so a hash
//! collision never gives a wrong answer.

use std::collections::BTreeMap;

use iso_currency::Country;
use serde::{Deserialize, Serialize};

use super::country_set::{alpha2_fast, dense_index, CountrySet};
use super::product::{check_product_id, ProductId, ProductIdError};
use crate::{parse_country, Code, JsonPointer, Report, Severity, Violation};

/// The most distinct products an exclusion index holds (the seed: "up to 1
/// million non-media products").
pub const MAX_EXCLUDED_PRODUCTS: usize = 1_000_000;

impl Code {
    /// A line of an exclusion file with more than two fields.
    pub const EXCLUSION_BAD_LINE: Code = Code::new("exclusion.bad_line");
    /// A line of an exclusion file whose product id is not a [`ProductId`].
    pub const EXCLUSION_BAD_PRODUCT_ID: Code = Code::new("exclusion.bad_product_id");
    /// A line of an exclusion file whose country names no country.
    pub const EXCLUSION_BAD_COUNTRY: Code = Code::new("exclusion.bad_country");
    /// More distinct products than [`MAX_EXCLUDED_PRODUCTS`].
    pub const EXCLUSION_TOO_MANY_PRODUCTS: Code = Code::new("exclusion.too_many_products");
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
#[serde(tag = "type", rename_all = "snake_case")]
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

#[derive(Clone, Copy, Debug)]
struct Entry {
    tag: u32,
    start: u32,
    len: u32,
    set: u32,
}

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
    slots: Vec<u32>,
    shift: u32,
    entries: Vec<Entry>,
    arena: Vec<u8>,
    sets: Vec<CountrySet>,
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
            shift: 64,
            entries: Vec::new(),
            arena: Vec::new(),
            sets: vec![CountrySet::all()],
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
        self.entries.len()
    }

    /// Whether no product is excluded (countries may still be).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::SellerExclusions::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
    /// capacities: slots x 4 + entries x 16 + arena bytes + sets x 32.
    ///
    /// # Example
    ///
    /// ```
    /// let (ex, _) = crossborder::SellerExclusions::parse_csv("B0000000001\n");
    /// assert!(ex.heap_bytes() >= 11 + 16 + 32);
    /// ```
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<u32>()
            + self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.arena.capacity()
            + self.sets.capacity() * std::mem::size_of::<CountrySet>()
    }

    /// The entries, as [`ExclusionEntry`] values: countries first (alpha-2
    /// order), then products in the order first added, each as `Product`
    /// or as one `ProductIn` per country (alpha-2 order).
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
        let products = self.entries.iter().flat_map(move |e| {
            let id = self
                .arena
                .get(e.start as usize..(e.start + e.len) as usize)
                .and_then(|b| std::str::from_utf8(b).ok())
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

    #[inline]
    fn find(&self, id: &[u8]) -> Option<&Entry> {
        if self.slots.is_empty() {
            return None;
        }
        let h = hash(id);
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize & mask;
        let tag = h as u32;
        loop {
            let s = *self.slots.get(i)?;
            if s == 0 {
                return None;
            }
            let e = self.entries.get(s as usize - 1)?;
            if e.tag == tag
                && e.len as usize == id.len()
                && self.arena.get(e.start as usize..(e.start + e.len) as usize) == Some(id)
            {
                return Some(e);
            }
            i = (i + 1) & mask;
        }
    }
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
        index.entries.reserve(products);
        index.arena.reserve(products * 10);
        let slots = (products * 2).next_power_of_two().max(16);
        index.slots = vec![0; slots];
        index.shift = 64 - slots.trailing_zeros();
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

    /// The finished index (buffers trimmed to size).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::ExclusionsBuilder::new().build().len(), 0);
    /// ```
    pub fn build(mut self) -> SellerExclusions {
        let mut ix = self.index.take().unwrap_or_default();
        ix.entries.shrink_to_fit();
        ix.arena.shrink_to_fit();
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
        let mask = ix.slots.len() - 1;
        let mut i = (h >> ix.shift) as usize & mask;
        loop {
            let s = ix.slots[i];
            if s == 0 {
                break;
            }
            let e = ix.entries[s as usize - 1];
            if e.tag == tag
                && e.len as usize == id.len()
                && &ix.arena[e.start as usize..(e.start + e.len) as usize] == id
            {
                // Known product: widen its set.
                if e.set == EVERYWHERE {
                    return Ok(());
                }
                let new_set = match dense {
                    None => EVERYWHERE,
                    Some(_) => {
                        let mut set = ix.sets[e.set as usize];
                        if let Some(c) = country {
                            set.insert(c);
                        }
                        self.set_id(set, &mut ix.sets)
                    }
                };
                ix.entries[s as usize - 1].set = new_set;
                return Ok(());
            }
            i = (i + 1) & mask;
        }
        if ix.entries.len() >= MAX_EXCLUDED_PRODUCTS {
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
        let start = ix.arena.len() as u32;
        ix.arena.extend_from_slice(id);
        ix.entries.push(Entry {
            tag,
            start,
            len: id.len() as u32,
            set,
        });
        ix.slots[i] = ix.entries.len() as u32;
        if ix.entries.len() * 2 > ix.slots.len() {
            grow(ix);
        }
        Ok(())
    }
}

/// Doubles the slot table and re-inserts every entry.
fn grow(ix: &mut SellerExclusions) {
    let n = ix.slots.len() * 2;
    let shift = 64 - n.trailing_zeros();
    let mut slots = vec![0u32; n];
    let mask = n - 1;
    for (k, e) in ix.entries.iter().enumerate() {
        let id = &ix.arena[e.start as usize..(e.start + e.len) as usize];
        let mut i = (hash(id) >> shift) as usize & mask;
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = k as u32 + 1;
    }
    ix.slots = slots;
    ix.shift = shift;
}
