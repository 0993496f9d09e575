//! Countries: [`Country`] (ISO 3166-1, re-exported by `iso_currency`), read from
//! alpha-2, alpha-3, the English name or a common Chinese name.

use std::sync::OnceLock;

use crate::wire::text::TrimFast;

pub use iso_currency::Country;

/// The error for text that names no country.
///
/// # Example
///
/// ```
/// let err = crossborder::parse_country("Atlantis").unwrap_err();
/// assert_eq!(err.input(), "Atlantis");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown country {input:?}: expected an ISO 3166 alpha-2 or alpha-3 code or an English name", input = crate::echo(.0))]
pub struct CountryError(String);

impl CountryError {
    /// The text that named no country.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::parse_country("XX").unwrap_err().input(), "XX");
    /// ```
    pub fn input(&self) -> &str {
        &self.0
    }
}

impl CountryError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::parse_country("Atlantis").unwrap_err();
    /// assert_eq!(err.message_zh(), "未知国家或地区 \"Atlantis\"：应为 ISO 3166 二位或三位代码或英文名称");
    /// ```
    pub fn message_zh(&self) -> String {
        format!(
            "未知国家或地区 {:?}：应为 ISO 3166 二位或三位代码或英文名称",
            crate::echo(&self.0)
        )
    }
}

/// Common names that are not the ISO short names: everyday English forms and
/// the Chinese names sellers write in the API's `country` field.
const ALIASES: &[(&str, &str)] = &[
    ("united states", "US"),
    ("usa", "US"),
    ("u.s.", "US"),
    ("u.s.a.", "US"),
    ("america", "US"),
    ("united kingdom", "GB"),
    ("uk", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("south korea", "KR"),
    ("korea", "KR"),
    ("republic of korea", "KR"),
    ("north korea", "KP"),
    ("russia", "RU"),
    ("vietnam", "VN"),
    ("taiwan", "TW"),
    ("iran", "IR"),
    ("syria", "SY"),
    ("laos", "LA"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("tanzania", "TZ"),
    ("moldova", "MD"),
    ("czech republic", "CZ"),
    ("czechia", "CZ"),
    ("macau", "MO"),
    ("macao", "MO"),
    ("turkey", "TR"),
    ("türkiye", "TR"),
    ("turkiye", "TR"),
    ("ivory coast", "CI"),
    ("netherlands", "NL"),
    ("the netherlands", "NL"),
    ("holland", "NL"),
    ("uae", "AE"),
    ("mainland china", "CN"),
    ("prc", "CN"),
    ("people's republic of china", "CN"),
    ("hong kong sar", "HK"),
    ("中国", "CN"),
    ("中国大陆", "CN"),
    ("中华人民共和国", "CN"),
    ("美国", "US"),
    ("英国", "GB"),
    ("日本", "JP"),
    ("韩国", "KR"),
    ("朝鲜", "KP"),
    ("德国", "DE"),
    ("法国", "FR"),
    ("意大利", "IT"),
    ("西班牙", "ES"),
    ("葡萄牙", "PT"),
    ("荷兰", "NL"),
    ("比利时", "BE"),
    ("卢森堡", "LU"),
    ("瑞士", "CH"),
    ("奥地利", "AT"),
    ("瑞典", "SE"),
    ("挪威", "NO"),
    ("丹麦", "DK"),
    ("芬兰", "FI"),
    ("冰岛", "IS"),
    ("爱尔兰", "IE"),
    ("波兰", "PL"),
    ("捷克", "CZ"),
    ("斯洛伐克", "SK"),
    ("匈牙利", "HU"),
    ("罗马尼亚", "RO"),
    ("保加利亚", "BG"),
    ("希腊", "GR"),
    ("克罗地亚", "HR"),
    ("斯洛文尼亚", "SI"),
    ("爱沙尼亚", "EE"),
    ("拉脱维亚", "LV"),
    ("立陶宛", "LT"),
    ("乌克兰", "UA"),
    ("俄罗斯", "RU"),
    ("土耳其", "TR"),
    ("以色列", "IL"),
    ("阿联酋", "AE"),
    ("沙特阿拉伯", "SA"),
    ("沙特", "SA"),
    ("卡塔尔", "QA"),
    ("科威特", "KW"),
    ("埃及", "EG"),
    ("南非", "ZA"),
    ("尼日利亚", "NG"),
    ("肯尼亚", "KE"),
    ("摩洛哥", "MA"),
    ("加拿大", "CA"),
    ("墨西哥", "MX"),
    ("巴西", "BR"),
    ("阿根廷", "AR"),
    ("智利", "CL"),
    ("哥伦比亚", "CO"),
    ("秘鲁", "PE"),
    ("澳大利亚", "AU"),
    ("澳洲", "AU"),
    ("新西兰", "NZ"),
    ("新加坡", "SG"),
    ("马来西亚", "MY"),
    ("泰国", "TH"),
    ("越南", "VN"),
    ("印度尼西亚", "ID"),
    ("印尼", "ID"),
    ("菲律宾", "PH"),
    ("柬埔寨", "KH"),
    ("缅甸", "MM"),
    ("老挝", "LA"),
    ("印度", "IN"),
    ("巴基斯坦", "PK"),
    ("孟加拉国", "BD"),
    ("斯里兰卡", "LK"),
    ("尼泊尔", "NP"),
    ("蒙古", "MN"),
    ("哈萨克斯坦", "KZ"),
    ("香港", "HK"),
    ("中国香港", "HK"),
    ("澳门", "MO"),
    ("中国澳门", "MO"),
    ("台湾", "TW"),
    ("中国台湾", "TW"),
];

struct Tables {
    /// (lower-case key, country): alpha-2, alpha-3, English names, aliases.
    keys: Vec<(String, Country)>,
    /// (country, alpha-3), sorted by country.
    alpha3: Vec<(Country, &'static str)>,
    /// Countries by alpha-2 code, at (first letter x 26 + second letter).
    by_alpha2: Vec<Option<Country>>,
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut keys = Vec::new();
        let mut alpha3 = Vec::new();
        let mut by_alpha2 = vec![None; 26 * 26];
        for entry in iso_country::data::all() {
            let Ok(country) = entry.alpha2.parse::<Country>() else {
                continue;
            };
            keys.push((entry.alpha2.to_lowercase(), country));
            keys.push((entry.alpha3.to_lowercase(), country));
            keys.push((normalise(entry.name), country));
            keys.push((normalise(country.name()), country));
            alpha3.push((country, entry.alpha3));
            if let [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = *entry.alpha2.as_bytes() {
                by_alpha2[usize::from(a - b'A') * 26 + usize::from(b - b'A')] = Some(country);
            }
        }
        for (alias, alpha2) in ALIASES {
            if let Ok(country) = alpha2.parse::<Country>() {
                keys.push((normalise(alias), country));
            }
        }
        keys.sort();
        keys.dedup_by(|a, b| a.0 == b.0);
        alpha3.sort();
        Tables {
            keys,
            alpha3,
            by_alpha2,
        }
    })
}

/// Reads a country from its ISO 3166-1 alpha-2 code (`CN`), alpha-3 code
/// (`CHN`), English name (`China`, `United States of America`), a common
/// English alias (`USA`, `UK`, `South Korea`, `Vietnam`, `Taiwan`) or a common
/// Chinese name (`中国`, `美国`, `日本`, `香港`, ...), case-insensitively.
///
/// # Errors
///
/// [`CountryError`] when the text names no country.
///
/// # Example
///
/// ```
/// use crossborder::{parse_country, Country};
///
/// assert_eq!(parse_country("cn")?, Country::CN);
/// assert_eq!(parse_country("CHN")?, Country::CN);
/// assert_eq!(parse_country("china")?, Country::CN);
/// assert_eq!(parse_country("United States")?, Country::US);
/// assert_eq!(parse_country("德国")?, Country::DE);
/// assert!(parse_country("Narnia").is_err());
/// # Ok::<(), crossborder::CountryError>(())
/// ```
pub fn parse_country(s: &str) -> Result<Country, CountryError> {
    // Alpha-2 codes, the common case, without allocating.
    if let [a, b] = *s.trim_fast().as_bytes()
        && a.is_ascii_alphabetic()
        && b.is_ascii_alphabetic()
    {
        let slot = usize::from(a.to_ascii_uppercase() - b'A') * 26
            + usize::from(b.to_ascii_uppercase() - b'A');
        if let Some(country) = tables().by_alpha2.get(slot).copied().flatten() {
            return Ok(country);
        }
    }
    let key = normalise(s);
    if key.is_empty() {
        return Err(CountryError(s.to_owned()));
    }
    let keys = &tables().keys;
    keys.binary_search_by(|(k, _)| k.as_str().cmp(&key))
        .map(|i| keys[i].1)
        .map_err(|_| CountryError(s.to_owned()))
}

/// The ISO 3166-1 alpha-2 code of a country (`"CN"`).
///
/// # Example
///
/// ```
/// use crossborder::{country_alpha2, Country};
/// assert_eq!(country_alpha2(Country::CN), "CN");
/// ```
pub fn country_alpha2(country: Country) -> String {
    country.to_string()
}

/// The ISO 3166-1 alpha-3 code of a country (`"CHN"`).
///
/// # Example
///
/// ```
/// use crossborder::{country_alpha3, Country};
/// assert_eq!(country_alpha3(Country::US), Some("USA"));
/// ```
pub fn country_alpha3(country: Country) -> Option<&'static str> {
    let t = &tables().alpha3;
    t.binary_search_by(|(c, _)| c.cmp(&country))
        .ok()
        .map(|i| t[i].1)
}

/// Serde helpers that write a [`Country`] as its alpha-2 code and read it with
/// [`parse_country`]: `#[serde(with = "crossborder::country_serde")]`.
///
/// # Example
///
/// ```
/// use crossborder::Country;
///
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Dest {
///     #[serde(with = "crossborder::country_serde")]
///     country: Country,
/// }
/// let d: Dest = serde_json::from_str(r#"{"country":"Germany"}"#)?;
/// assert_eq!(d.country, Country::DE);
/// assert_eq!(serde_json::to_string(&d)?, r#"{"country":"DE"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub mod country_serde {
    use super::{Country, parse_country};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the alpha-2 code.
    ///
    /// # Errors
    ///
    /// Only those of the serializer.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Country;
    ///
    /// #[derive(serde::Serialize)]
    /// struct Dest {
    ///     #[serde(serialize_with = "crossborder::country_serde::serialize")]
    ///     country: Country,
    /// }
    /// assert_eq!(serde_json::to_string(&Dest { country: Country::CN })?, r#"{"country":"CN"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn serialize<S: Serializer>(country: &Country, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(country)
    }

    /// Reads anything [`parse_country`] reads.
    ///
    /// # Errors
    ///
    /// When the text names no country.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Country;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Dest {
    ///     #[serde(deserialize_with = "crossborder::country_serde::deserialize")]
    ///     country: Country,
    /// }
    /// let d: Dest = serde_json::from_str(r#"{"country":"中国"}"#)?;
    /// assert_eq!(d.country, Country::CN);
    /// assert!(serde_json::from_str::<Dest>(r#"{"country":"Atlantis"}"#).is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Country, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        parse_country(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_country_reads_by_all_three_forms() {
        let mut n = 0;
        for e in iso_country::data::all() {
            let Ok(c) = e.alpha2.parse::<Country>() else {
                continue;
            };
            n += 1;
            assert_eq!(parse_country(e.alpha2).unwrap(), c);
            assert_eq!(parse_country(&e.alpha3.to_lowercase()).unwrap(), c);
            assert_eq!(
                parse_country(&e.name.to_uppercase()).unwrap(),
                c,
                "{}",
                e.name
            );
            assert_eq!(country_alpha3(c), Some(e.alpha3));
            assert_eq!(country_alpha2(c), e.alpha2);
        }
        assert!(n >= 240, "{n}");
    }

    #[test]
    fn aliases_and_rejections() {
        assert_eq!(parse_country("  u.s.a. ").unwrap(), Country::US);
        assert_eq!(parse_country("Hong  Kong").unwrap(), Country::HK);
        assert_eq!(parse_country("中国香港").unwrap(), Country::HK);
        for bad in ["", " ", "ZZ", "Chna", "中"] {
            assert!(parse_country(bad).is_err(), "{bad:?}");
        }
    }
}

/// The 27 member states of the European Union, in alphabetical order of their
/// ISO 3166-1 alpha-2 codes, as they stand since the United Kingdom left on
/// 2020-02-01 (Treaty on European Union, art. 52; Withdrawal Agreement,
/// OJ L 29, 31.1.2020).
///
/// The EU is one customs territory and one VAT area for import purposes
/// (Regulation (EU) No 952/2013, the Union Customs Code): a rule written "for the
/// EU" applies to each of these.
///
/// # Example
///
/// ```
/// use crossborder::{Country, EU_MEMBERS};
/// assert_eq!(EU_MEMBERS.len(), 27);
/// assert!(EU_MEMBERS.contains(&Country::FR));
/// assert!(!EU_MEMBERS.contains(&Country::GB));
/// ```
pub const EU_MEMBERS: [Country; 27] = [
    Country::AT,
    Country::BE,
    Country::BG,
    Country::CY,
    Country::CZ,
    Country::DE,
    Country::DK,
    Country::EE,
    Country::ES,
    Country::FI,
    Country::FR,
    Country::GR,
    Country::HR,
    Country::HU,
    Country::IE,
    Country::IT,
    Country::LT,
    Country::LU,
    Country::LV,
    Country::MT,
    Country::NL,
    Country::PL,
    Country::PT,
    Country::RO,
    Country::SE,
    Country::SI,
    Country::SK,
];

/// Whether the country is a member state of the European Union today (see
/// [`EU_MEMBERS`]).
///
/// # Example
///
/// ```
/// use crossborder::{is_eu_member, Country};
/// assert!(is_eu_member(Country::DE));
/// assert!(!is_eu_member(Country::GB)); // left on 2020-02-01
/// assert!(!is_eu_member(Country::NO)); // EEA, not EU
/// ```
pub fn is_eu_member(country: Country) -> bool {
    EU_MEMBERS.contains(&country)
}

#[cfg(test)]
mod eu_tests {
    use super::*;

    #[test]
    fn members_are_sorted_unique_and_exclude_leavers() {
        let codes: Vec<String> = EU_MEMBERS.iter().map(|c| country_alpha2(*c)).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for outside in [
            Country::GB,
            Country::CH,
            Country::NO,
            Country::IS,
            Country::TR,
        ] {
            assert!(!is_eu_member(outside), "{outside:?}");
        }
    }
}
