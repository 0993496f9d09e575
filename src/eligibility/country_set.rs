//! [`CountrySet`]: a set of ISO 3166-1 countries as a 256-bit bitset over a
//! dense index of the 249 countries.

use std::fmt;

use iso_currency::Country;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::country::parse_country;

use Country as C;

/// Every ISO 3166-1 country, in alpha-2 order; a country's position here is its
/// dense index in a [`CountrySet`].
const ALL_COUNTRIES: [Country; COUNT] = [
    C::AD,
    C::AE,
    C::AF,
    C::AG,
    C::AI,
    C::AL,
    C::AM,
    C::AO,
    C::AQ,
    C::AR,
    C::AS,
    C::AT,
    C::AU,
    C::AW,
    C::AX,
    C::AZ,
    C::BA,
    C::BB,
    C::BD,
    C::BE,
    C::BF,
    C::BG,
    C::BH,
    C::BI,
    C::BJ,
    C::BL,
    C::BM,
    C::BN,
    C::BO,
    C::BQ,
    C::BR,
    C::BS,
    C::BT,
    C::BV,
    C::BW,
    C::BY,
    C::BZ,
    C::CA,
    C::CC,
    C::CD,
    C::CF,
    C::CG,
    C::CH,
    C::CI,
    C::CK,
    C::CL,
    C::CM,
    C::CN,
    C::CO,
    C::CR,
    C::CU,
    C::CV,
    C::CW,
    C::CX,
    C::CY,
    C::CZ,
    C::DE,
    C::DJ,
    C::DK,
    C::DM,
    C::DO,
    C::DZ,
    C::EC,
    C::EE,
    C::EG,
    C::EH,
    C::ER,
    C::ES,
    C::ET,
    C::FI,
    C::FJ,
    C::FK,
    C::FM,
    C::FO,
    C::FR,
    C::GA,
    C::GB,
    C::GD,
    C::GE,
    C::GF,
    C::GG,
    C::GH,
    C::GI,
    C::GL,
    C::GM,
    C::GN,
    C::GP,
    C::GQ,
    C::GR,
    C::GS,
    C::GT,
    C::GU,
    C::GW,
    C::GY,
    C::HK,
    C::HM,
    C::HN,
    C::HR,
    C::HT,
    C::HU,
    C::ID,
    C::IE,
    C::IL,
    C::IM,
    C::IN,
    C::IO,
    C::IQ,
    C::IR,
    C::IS,
    C::IT,
    C::JE,
    C::JM,
    C::JO,
    C::JP,
    C::KE,
    C::KG,
    C::KH,
    C::KI,
    C::KM,
    C::KN,
    C::KP,
    C::KR,
    C::KW,
    C::KY,
    C::KZ,
    C::LA,
    C::LB,
    C::LC,
    C::LI,
    C::LK,
    C::LR,
    C::LS,
    C::LT,
    C::LU,
    C::LV,
    C::LY,
    C::MA,
    C::MC,
    C::MD,
    C::ME,
    C::MF,
    C::MG,
    C::MH,
    C::MK,
    C::ML,
    C::MM,
    C::MN,
    C::MO,
    C::MP,
    C::MQ,
    C::MR,
    C::MS,
    C::MT,
    C::MU,
    C::MV,
    C::MW,
    C::MX,
    C::MY,
    C::MZ,
    C::NA,
    C::NC,
    C::NE,
    C::NF,
    C::NG,
    C::NI,
    C::NL,
    C::NO,
    C::NP,
    C::NR,
    C::NU,
    C::NZ,
    C::OM,
    C::PA,
    C::PE,
    C::PF,
    C::PG,
    C::PH,
    C::PK,
    C::PL,
    C::PM,
    C::PN,
    C::PR,
    C::PS,
    C::PT,
    C::PW,
    C::PY,
    C::QA,
    C::RE,
    C::RO,
    C::RS,
    C::RU,
    C::RW,
    C::SA,
    C::SB,
    C::SC,
    C::SD,
    C::SE,
    C::SG,
    C::SH,
    C::SI,
    C::SJ,
    C::SK,
    C::SL,
    C::SM,
    C::SN,
    C::SO,
    C::SR,
    C::SS,
    C::ST,
    C::SV,
    C::SX,
    C::SY,
    C::SZ,
    C::TC,
    C::TD,
    C::TF,
    C::TG,
    C::TH,
    C::TJ,
    C::TK,
    C::TL,
    C::TM,
    C::TN,
    C::TO,
    C::TR,
    C::TT,
    C::TV,
    C::TW,
    C::TZ,
    C::UA,
    C::UG,
    C::UM,
    C::US,
    C::UY,
    C::UZ,
    C::VA,
    C::VC,
    C::VE,
    C::VG,
    C::VI,
    C::VN,
    C::VU,
    C::WF,
    C::WS,
    C::YE,
    C::YT,
    C::ZA,
    C::ZM,
    C::ZW,
];

/// How many countries there are.
const COUNT: usize = 249;

/// Dense index of each ISO 3166-1 numeric code, `NONE` where there is no
/// country (and for `Country::Unspecified`).
const NONE: u8 = u8::MAX;
const DENSE: [u8; 1000] = {
    let mut t = [NONE; 1000];
    let mut i = 0;
    while i < COUNT {
        t[ALL_COUNTRIES[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// The dense index (0..249) of a country, `None` for `Country::Unspecified`.
#[inline]
pub(crate) fn dense_index(country: Country) -> Option<usize> {
    let n = country as usize;
    match DENSE.get(n) {
        Some(&i) if i != NONE => Some(i as usize),
        _ => None,
    }
}

/// The country at a dense index.
#[inline]
pub(crate) fn country_at(index: usize) -> Option<Country> {
    ALL_COUNTRIES.get(index).copied()
}

/// A set of countries: 256 bits, `Copy`, no allocation. Iteration and the
/// serde form (a JSON array of alpha-2 codes) go in alpha-2 order, so the
/// order users see never changes between runs.
///
/// `Country::Unspecified` is never a member: inserting it does nothing.
///
/// # Example
///
/// ```
/// use crossborder::{Country, CountrySet};
///
/// let mut set = CountrySet::new();
/// set.insert(Country::DE);
/// set.insert(Country::CA);
/// assert!(set.contains(Country::CA));
/// assert_eq!(set.len(), 2);
/// assert_eq!(set.iter().collect::<Vec<_>>(), vec![Country::CA, Country::DE]);
/// assert_eq!(serde_json::to_string(&set)?, r#"["CA","DE"]"#);
/// assert_eq!(CountrySet::all().len(), 249);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CountrySet {
    bits: [u64; 4],
}

impl CountrySet {
    /// The empty set.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::CountrySet::new().is_empty());
    /// ```
    pub const fn new() -> CountrySet {
        CountrySet { bits: [0; 4] }
    }

    /// Every ISO 3166-1 country (249).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// assert!(CountrySet::all().contains(Country::ZW));
    /// ```
    pub const fn all() -> CountrySet {
        // 249 = 3 * 64 + 57.
        CountrySet {
            bits: [u64::MAX, u64::MAX, u64::MAX, (1u64 << (COUNT - 192)) - 1],
        }
    }

    /// A set holding these countries.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// let set = CountrySet::of(&[Country::US, Country::CA]);
    /// assert_eq!(set.len(), 2);
    /// ```
    pub fn of(countries: &[Country]) -> CountrySet {
        countries.iter().copied().collect()
    }

    /// Adds a country; returns whether it was new.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// let mut set = CountrySet::new();
    /// assert!(set.insert(Country::JP));
    /// assert!(!set.insert(Country::JP));
    /// ```
    #[inline]
    pub fn insert(&mut self, country: Country) -> bool {
        match dense_index(country) {
            Some(i) => {
                let had = self.bits[i >> 6] & (1 << (i & 63)) != 0;
                self.bits[i >> 6] |= 1 << (i & 63);
                !had
            }
            None => false,
        }
    }

    /// Removes a country; returns whether it was there.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// let mut set = CountrySet::all();
    /// assert!(set.remove(Country::US));
    /// assert!(!set.contains(Country::US));
    /// ```
    #[inline]
    pub fn remove(&mut self, country: Country) -> bool {
        match dense_index(country) {
            Some(i) => {
                let had = self.bits[i >> 6] & (1 << (i & 63)) != 0;
                self.bits[i >> 6] &= !(1 << (i & 63));
                had
            }
            None => false,
        }
    }

    /// Whether the country is in the set.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// assert!(!CountrySet::new().contains(Country::US));
    /// ```
    #[inline]
    pub fn contains(&self, country: Country) -> bool {
        match dense_index(country) {
            Some(i) => self.contains_index(i),
            None => false,
        }
    }

    #[inline]
    pub(crate) fn contains_index(&self, i: usize) -> bool {
        self.bits[(i >> 6) & 3] & (1 << (i & 63)) != 0
    }

    /// How many countries the set holds.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// assert_eq!(CountrySet::of(&[Country::FR, Country::FR]).len(), 1);
    /// ```
    pub const fn len(&self) -> usize {
        (self.bits[0].count_ones()
            + self.bits[1].count_ones()
            + self.bits[2].count_ones()
            + self.bits[3].count_ones()) as usize
    }

    /// Whether the set is empty.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::CountrySet::new().is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        (self.bits[0] | self.bits[1] | self.bits[2] | self.bits[3]) == 0
    }

    /// The countries in either set.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// let a = CountrySet::of(&[Country::US]).union(CountrySet::of(&[Country::CA]));
    /// assert_eq!(a.len(), 2);
    /// ```
    #[inline]
    #[must_use]
    pub const fn union(self, other: CountrySet) -> CountrySet {
        let (a, b) = (self.bits, other.bits);
        CountrySet {
            bits: [a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3]],
        }
    }

    /// The countries in both sets.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// let a = CountrySet::all().intersection(CountrySet::of(&[Country::CA]));
    /// assert_eq!(a, CountrySet::of(&[Country::CA]));
    /// ```
    #[inline]
    #[must_use]
    pub const fn intersection(self, other: CountrySet) -> CountrySet {
        let (a, b) = (self.bits, other.bits);
        CountrySet {
            bits: [a[0] & b[0], a[1] & b[1], a[2] & b[2], a[3] & b[3]],
        }
    }

    /// The countries in `self` but not in `other`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// let a = CountrySet::of(&[Country::CA, Country::MX]).difference(CountrySet::of(&[Country::CA]));
    /// assert_eq!(a, CountrySet::of(&[Country::MX]));
    /// ```
    #[inline]
    #[must_use]
    pub const fn difference(self, other: CountrySet) -> CountrySet {
        let (a, b) = (self.bits, other.bits);
        CountrySet {
            bits: [a[0] & !b[0], a[1] & !b[1], a[2] & !b[2], a[3] & !b[3]],
        }
    }

    /// The countries, in alpha-2 order.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet};
    /// let set = CountrySet::of(&[Country::US, Country::AU]);
    /// assert_eq!(set.iter().next(), Some(Country::AU));
    /// ```
    pub fn iter(&self) -> Countries {
        Countries {
            bits: self.bits,
            word: 0,
        }
    }
}

/// The countries of a [`CountrySet`], in alpha-2 order (from
/// [`CountrySet::iter`]).
///
/// # Example
///
/// ```
/// use crossborder::{Country, CountrySet};
/// let mut it = CountrySet::of(&[Country::CA]).iter();
/// assert_eq!(it.next(), Some(Country::CA));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct Countries {
    bits: [u64; 4],
    word: usize,
}

impl Iterator for Countries {
    type Item = Country;

    fn next(&mut self) -> Option<Country> {
        while self.word < 4 {
            let w = self.bits[self.word];
            if w != 0 {
                let bit = w.trailing_zeros() as usize;
                self.bits[self.word] &= w - 1;
                return country_at(self.word * 64 + bit);
            }
            self.word += 1;
        }
        None
    }
}

impl IntoIterator for CountrySet {
    type Item = Country;
    type IntoIter = Countries;

    fn into_iter(self) -> Countries {
        self.iter()
    }
}

impl FromIterator<Country> for CountrySet {
    fn from_iter<I: IntoIterator<Item = Country>>(iter: I) -> Self {
        let mut set = CountrySet::new();
        for c in iter {
            set.insert(c);
        }
        set
    }
}

impl Extend<Country> for CountrySet {
    fn extend<I: IntoIterator<Item = Country>>(&mut self, iter: I) {
        for c in iter {
            self.insert(c);
        }
    }
}

impl fmt::Debug for CountrySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.iter().map(|c| c.to_string()))
            .finish()
    }
}

impl Serialize for CountrySet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(|c| c.to_string()))
    }
}

impl<'de> Deserialize<'de> for CountrySet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = Vec::<std::borrow::Cow<'de, str>>::deserialize(d)?;
        let mut set = CountrySet::new();
        for n in names {
            set.insert(parse_country(&n).map_err(serde::de::Error::custom)?);
        }
        Ok(set)
    }
}

/// Reads an upper-case alpha-2 code without allocating; `None` when it is
/// not one.
pub(crate) fn alpha2_fast(text: &str) -> Option<Country> {
    let b = text.as_bytes();
    if b.len() != 2 || !b[0].is_ascii_uppercase() || !b[1].is_ascii_uppercase() {
        return None;
    }
    match text.parse::<Country>() {
        Ok(c) if dense_index(c).is_some() => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_index_matches_alpha2_order_and_covers_every_country() {
        let mut names: Vec<String> = ALL_COUNTRIES.iter().map(|c| c.to_string()).collect();
        let sorted = {
            let mut s = names.clone();
            s.sort();
            s
        };
        assert_eq!(names, sorted);
        names.dedup();
        assert_eq!(names.len(), COUNT);
        assert_eq!(iso_country::data::all().len(), COUNT);
        for (i, c) in ALL_COUNTRIES.iter().enumerate() {
            assert_eq!(dense_index(*c), Some(i));
            assert_eq!(alpha2_fast(&c.to_string()), Some(*c));
        }
        assert_eq!(dense_index(Country::Unspecified), None);
        assert_eq!(alpha2_fast("XX"), None);
        assert_eq!(alpha2_fast("us"), None);
        assert_eq!(CountrySet::all().iter().count(), COUNT);
    }
}
