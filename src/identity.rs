//! [`ResidentId`]: the 18-character PRC resident identity number (GB
//! 11643-1999), the identity customs asks of every cross-border e-commerce
//! buyer.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

/// A PRC resident identity number whose date of birth and ISO 7064 MOD 11-2
/// check character are right: 6 digits of region, 8 of birth date
/// (`YYYYMMDD`), 3 of sequence, 1 check character (`0`-`9` or `X` for 10).
///
/// # Example
///
/// ```
/// use crossborder::ResidentId;
///
/// let id: ResidentId = "11010519491231002x".parse()?;
/// assert_eq!(id.as_str(), "11010519491231002X");
/// assert_eq!(id.birth_date().to_string(), "1949-12-31");
/// assert_eq!(id.region(), "110105");
/// assert!("110105194912310021".parse::<ResidentId>().is_err()); // wrong check character
/// # Ok::<(), crossborder::ResidentIdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ResidentId {
    chars: [u8; 18],
    birth: NaiveDate,
}

/// Why text is not a resident identity number.
///
/// # Example
///
/// ```
/// use crossborder::{ResidentId, ResidentIdError};
/// assert!(matches!(ResidentId::parse("1101051949123100"), Err(ResidentIdError::Length { .. })));
/// assert!(matches!(ResidentId::parse("110105194902300021"), Err(ResidentIdError::BirthDate { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResidentIdError {
    /// Not 18 characters.
    #[error("invalid resident id {input:?}: it has {chars} characters, 18 are needed")]
    Length {
        /// The text given.
        input: String,
        /// How many characters it has.
        chars: usize,
    },
    /// A character other than 17 digits and a final digit or `X`.
    #[error("invalid resident id {input:?}: 17 digits and a final digit or X are expected")]
    Characters {
        /// The text given.
        input: String,
    },
    /// Characters 7 to 14 are not a real date.
    #[error("invalid resident id {input:?}: {date:?} is not a valid date of birth")]
    BirthDate {
        /// The text given.
        input: String,
        /// The eight date characters.
        date: String,
    },
    /// The last character is not the ISO 7064 MOD 11-2 check of the others.
    #[error("invalid resident id {input:?}: the check character should be {expected}")]
    CheckCharacter {
        /// The text given.
        input: String,
        /// The check character the other characters call for.
        expected: char,
    },
}

impl ResidentIdError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::ResidentId::parse("110105194912310021").unwrap_err();
    /// assert_eq!(err.message_zh(), "身份证号 \"110105194912310021\" 无效：校验码应为 X");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            ResidentIdError::Length { input, chars } => {
                format!("身份证号 {input:?} 无效：应为 18 位，实际 {chars} 位")
            }
            ResidentIdError::Characters { input } => {
                format!("身份证号 {input:?} 无效：应为 17 位数字加 1 位数字或 X")
            }
            ResidentIdError::BirthDate { input, date } => {
                format!("身份证号 {input:?} 无效：出生日期 {date:?} 不存在")
            }
            ResidentIdError::CheckCharacter { input, expected } => {
                format!("身份证号 {input:?} 无效：校验码应为 {expected}")
            }
        }
    }
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

impl ResidentId {
    /// Reads an identity number (a lowercase `x` is accepted and written as
    /// `X`).
    ///
    /// # Errors
    ///
    /// [`ResidentIdError`] saying what is wrong.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::ResidentId::parse("330106199003071236").is_ok());
    /// ```
    pub fn parse(text: &str) -> Result<ResidentId, ResidentIdError> {
        let t = text.trim();
        let n = t.chars().count();
        if n != 18 {
            return Err(ResidentIdError::Length {
                input: text.to_owned(),
                chars: n,
            });
        }
        if t.len() != 18 {
            // 18 characters, but not all ASCII.
            return Err(ResidentIdError::Characters {
                input: text.to_owned(),
            });
        }
        let mut chars = [0u8; 18];
        chars.copy_from_slice(t.as_bytes());
        chars[17] = chars[17].to_ascii_uppercase();
        if !chars[..17].iter().all(u8::is_ascii_digit)
            || !(chars[17].is_ascii_digit() || chars[17] == b'X')
        {
            return Err(ResidentIdError::Characters {
                input: text.to_owned(),
            });
        }
        let num = |r: std::ops::Range<usize>| {
            chars[r]
                .iter()
                .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'))
        };
        let birth = i32::try_from(num(6..10))
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, num(10..12), num(12..14)))
            .ok_or_else(|| ResidentIdError::BirthDate {
                input: text.to_owned(),
                date: t[6..14].to_owned(),
            })?;
        let sum: u32 = chars[..17]
            .iter()
            .zip(WEIGHTS)
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        let expected = CHECK[(sum % 11) as usize];
        if chars[17] != expected {
            return Err(ResidentIdError::CheckCharacter {
                input: text.to_owned(),
                expected: char::from(expected),
            });
        }
        Ok(ResidentId { chars, birth })
    }

    /// The 18 characters, with a capital `X`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::ResidentId::parse("330106199003071236")?.as_str(), "330106199003071236");
    /// # Ok::<(), crossborder::ResidentIdError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.chars).unwrap_or("")
    }

    /// The date of birth.
    ///
    /// # Example
    ///
    /// ```
    /// let id = crossborder::ResidentId::parse("330106199003071236")?;
    /// assert_eq!(id.birth_date().to_string(), "1990-03-07");
    /// # Ok::<(), crossborder::ResidentIdError>(())
    /// ```
    pub fn birth_date(&self) -> NaiveDate {
        self.birth
    }

    /// The six-digit administrative region code of registration.
    ///
    /// # Example
    ///
    /// ```
    /// let id = crossborder::ResidentId::parse("330106199003071236")?;
    /// assert_eq!(id.region(), "330106");
    /// # Ok::<(), crossborder::ResidentIdError>(())
    /// ```
    pub fn region(&self) -> &str {
        &self.as_str()[..6]
    }
}

impl fmt::Display for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Identity numbers are personal data: show only region and check.
        write!(
            f,
            "ResidentId({}********{})",
            &self.as_str()[..6],
            &self.as_str()[14..]
        )
    }
}

impl FromStr for ResidentId {
    type Err = ResidentIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ResidentId::parse(s)
    }
}

crate::macros::serde_via_str!(ResidentId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_example_and_lowercase_x() {
        let id = ResidentId::parse("11010519491231002X").unwrap();
        assert_eq!(
            id.birth_date(),
            NaiveDate::from_ymd_opt(1949, 12, 31).unwrap()
        );
        assert_eq!(ResidentId::parse("11010519491231002x").unwrap(), id);
    }

    #[test]
    fn each_check_character_is_needed() {
        let body = "33010619900307123";
        let good = ResidentId::parse("330106199003071236").unwrap();
        for c in "0123456789X".chars() {
            let r = ResidentId::parse(&format!("{body}{c}"));
            assert_eq!(r.is_ok(), c == '6', "{c}");
        }
        assert_eq!(good.region(), "330106");
    }

    #[test]
    fn bad_dates_lengths_and_characters() {
        assert!(matches!(
            ResidentId::parse("330106199013071236"),
            Err(ResidentIdError::BirthDate { .. })
        ));
        assert!(matches!(
            ResidentId::parse("33010619900307123"),
            Err(ResidentIdError::Length { chars: 17, .. })
        ));
        assert!(matches!(
            ResidentId::parse("3301061990030712X6"),
            Err(ResidentIdError::Characters { .. })
        ));
        assert!(matches!(
            ResidentId::parse("３３０１０６１９９００３０７１２３６"),
            Err(ResidentIdError::Characters { .. })
        ));
    }

    #[test]
    fn debug_hides_the_middle() {
        let id = ResidentId::parse("330106199003071236").unwrap();
        assert_eq!(format!("{id:?}"), "ResidentId(330106********1236)");
    }
}

/// An EORI number (Economic Operators Registration and Identification), the
/// identifier every importer and exporter of the EU and of the United Kingdom
/// declares to customs, checked for its form.
///
/// The form is the one of Commission Implementing Regulation (EU) 2015/2447,
/// Annex 12-01: the two-letter code of the issuing country followed by a
/// unique identifier of up to 15 letters or digits. The United Kingdom issues
/// `GB` followed by 12 digits, and `XI` followed by 12 digits for Northern
/// Ireland (HMRC, "Get an EORI number", GOV.UK). Greece may be written `EL`, the
/// code its VAT numbers use, as well as `GR`. Spaces and lowercase letters are
/// accepted and normalised away.
///
/// The form says nothing of whether the number is registered: only the EU's
/// EORI validation service or HMRC's checker can say that.
///
/// # Example
///
/// ```
/// use crossborder::{Country, Eori};
///
/// let de: Eori = "de 1234567 8901234".parse()?;
/// assert_eq!(de.as_str(), "DE12345678901234");
/// assert_eq!(de.issuing_country(), Country::DE);
/// assert!(de.is_eu());
///
/// let gb: Eori = "GB123456789000".parse()?;
/// assert!(gb.is_uk() && !gb.is_eu());
/// assert!("GB1234".parse::<Eori>().is_err()); // GB takes 12 digits
/// assert!("ZZ12345".parse::<Eori>().is_err()); // not a country
/// # Ok::<(), crossborder::EoriError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Eori {
    /// Upper-case ASCII, no spaces: 2 letters and 1 to 15 letters or digits.
    text: String,
    country: crate::Country,
}

/// Why text is not an EORI number.
///
/// # Example
///
/// ```
/// use crossborder::{Eori, EoriError};
/// assert!(matches!(Eori::parse("FR"), Err(EoriError::Length { .. })));
/// assert!(matches!(Eori::parse("QQ123"), Err(EoriError::Country { .. })));
/// assert!(matches!(Eori::parse("FR12-34"), Err(EoriError::Characters { .. })));
/// assert!(matches!(Eori::parse("GB12345"), Err(EoriError::UnitedKingdom { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EoriError {
    /// Fewer than 3 or more than 17 characters (spaces not counted).
    #[error("invalid eori {input:?}: a country code and 1 to 15 letters or digits are expected")]
    Length {
        /// The text given.
        input: String,
    },
    /// The first two characters are not a country code.
    #[error("invalid eori {input:?}: {prefix:?} is not a country code")]
    Country {
        /// The text given.
        input: String,
        /// The first two characters.
        prefix: String,
    },
    /// A character other than a letter or a digit.
    #[error("invalid eori {input:?}: only letters and digits may follow the country code")]
    Characters {
        /// The text given.
        input: String,
    },
    /// A `GB` or `XI` number that is not 12 digits after its prefix.
    #[error("invalid eori {input:?}: a GB or XI number is the prefix followed by 12 digits")]
    UnitedKingdom {
        /// The text given.
        input: String,
    },
}

impl EoriError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::Eori::parse("GB12345").unwrap_err();
    /// assert_eq!(err.message_zh(), "EORI 号 \"GB12345\" 无效：GB 或 XI 号应为前缀加 12 位数字");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            EoriError::Length { input } => {
                format!("EORI 号 {input:?} 无效：应为国家代码加 1 至 15 位字母或数字")
            }
            EoriError::Country { input, prefix } => {
                format!("EORI 号 {input:?} 无效：{prefix:?} 不是国家代码")
            }
            EoriError::Characters { input } => {
                format!("EORI 号 {input:?} 无效：国家代码后只能是字母或数字")
            }
            EoriError::UnitedKingdom { input } => {
                format!("EORI 号 {input:?} 无效：GB 或 XI 号应为前缀加 12 位数字")
            }
        }
    }
}

impl Eori {
    /// Reads an EORI number, ignoring spaces and case.
    ///
    /// # Errors
    ///
    /// [`EoriError`] saying what is wrong with the form.
    ///
    /// # Example
    ///
    /// ```
    /// let n = crossborder::Eori::parse("xi123456789000")?;
    /// assert_eq!(n.as_str(), "XI123456789000");
    /// # Ok::<(), crossborder::EoriError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Eori, EoriError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let n = compact.chars().count();
        if !(3..=17).contains(&n) {
            return Err(EoriError::Length {
                input: text.to_owned(),
            });
        }
        if !compact.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(EoriError::Characters {
                input: text.to_owned(),
            });
        }
        let (prefix, rest) = compact.split_at(2);
        let country = match prefix {
            "XI" => Some(crate::Country::GB),
            "EL" => Some(crate::Country::GR),
            p if p.bytes().all(|b| b.is_ascii_uppercase()) => p.parse().ok(),
            _ => None,
        };
        let Some(country) = country else {
            return Err(EoriError::Country {
                input: text.to_owned(),
                prefix: prefix.to_owned(),
            });
        };
        if country == crate::Country::GB
            && (rest.len() != 12 || !rest.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(EoriError::UnitedKingdom {
                input: text.to_owned(),
            });
        }
        Ok(Eori {
            text: compact,
            country,
        })
    }

    /// The number, upper-case and without spaces.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Eori::parse("nl 123456789")?.as_str(), "NL123456789");
    /// # Ok::<(), crossborder::EoriError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The country that issued it (`XI` is the United Kingdom, `EL` Greece).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Eori};
    /// assert_eq!(Eori::parse("XI123456789000")?.issuing_country(), Country::GB);
    /// assert_eq!(Eori::parse("EL123456789")?.issuing_country(), Country::GR);
    /// # Ok::<(), crossborder::EoriError>(())
    /// ```
    pub fn issuing_country(&self) -> crate::Country {
        self.country
    }

    /// Whether an EU member state issued it.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Eori::parse("FR12345678901234")?.is_eu());
    /// # Ok::<(), crossborder::EoriError>(())
    /// ```
    pub fn is_eu(&self) -> bool {
        crate::is_eu_member(self.country)
    }

    /// Whether the United Kingdom issued it (`GB`, or `XI` for Northern Ireland).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Eori::parse("GB123456789000")?.is_uk());
    /// # Ok::<(), crossborder::EoriError>(())
    /// ```
    pub fn is_uk(&self) -> bool {
        self.country == crate::Country::GB
    }
}

impl fmt::Display for Eori {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Eori {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Eori({})", self.text)
    }
}

impl FromStr for Eori {
    type Err = EoriError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Eori::parse(s)
    }
}

crate::macros::serde_via_str!(Eori);

#[cfg(test)]
mod eori_tests {
    use super::*;
    use crate::Country;

    #[test]
    fn lengths_at_the_edges() {
        assert!(Eori::parse("FR1").is_ok());
        assert!(Eori::parse("DE123456789012345").is_ok()); // 2 + 15
        assert!(matches!(
            Eori::parse("DE1234567890123456"),
            Err(EoriError::Length { .. })
        ));
        assert!(matches!(Eori::parse("DE"), Err(EoriError::Length { .. })));
        assert!(matches!(Eori::parse(""), Err(EoriError::Length { .. })));
    }

    #[test]
    fn united_kingdom_numbers_are_twelve_digits() {
        assert_eq!(
            Eori::parse("GB 1234 5678 9000").unwrap().issuing_country(),
            Country::GB
        );
        for bad in ["GB12345678900", "GB1234567890000", "GB12345678900A", "XI1"] {
            assert!(
                matches!(Eori::parse(bad), Err(EoriError::UnitedKingdom { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn prefixes_and_characters() {
        assert!(matches!(
            Eori::parse("1D12345"),
            Err(EoriError::Country { .. })
        ));
        assert!(matches!(
            Eori::parse("DE12345é"),
            Err(EoriError::Characters { .. })
        ));
        let round: Eori = Eori::parse("at eos1000012345").unwrap();
        assert_eq!(round.to_string().parse::<Eori>().unwrap(), round);
        assert!(!Eori::parse("CH123456").unwrap().is_eu()); // Swiss numbers exist too
    }
}
