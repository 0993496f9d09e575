//! [`ResidentId`]: the 18-character PRC resident identity number (GB
//! 11643-1999), the identity customs asks of every cross-border e-commerce
//! buyer.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::wire::text::TrimFast;

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
    #[error("invalid resident id {input:?}: it has {chars} characters, 18 are needed", input = crate::echo(.input))]
    Length {
        /// The text given.
        input: String,
        /// How many characters it has.
        chars: usize,
    },
    /// A character other than 17 digits and a final digit or `X`.
    #[error("invalid resident id {input:?}: 17 digits and a final digit or X are expected", input = crate::echo(.input))]
    Characters {
        /// The text given.
        input: String,
    },
    /// Characters 7 to 14 are not a real date.
    #[error("invalid resident id {input:?}: {date:?} is not a valid date of birth", input = crate::echo(.input))]
    BirthDate {
        /// The text given.
        input: String,
        /// The eight date characters.
        date: String,
    },
    /// The last character is not the ISO 7064 MOD 11-2 check of the others.
    #[error("invalid resident id {input:?}: the check character should be {expected}", input = crate::echo(.input))]
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
                format!(
                    "身份证号 {input:?} 无效：应为 18 位，实际 {chars} 位",
                    input = crate::echo(input)
                )
            }
            ResidentIdError::Characters { input } => {
                format!(
                    "身份证号 {input:?} 无效：应为 17 位数字加 1 位数字或 X",
                    input = crate::echo(input)
                )
            }
            ResidentIdError::BirthDate { input, date } => {
                format!(
                    "身份证号 {input:?} 无效：出生日期 {date:?} 不存在",
                    input = crate::echo(input)
                )
            }
            ResidentIdError::CheckCharacter { input, expected } => {
                format!(
                    "身份证号 {input:?} 无效：校验码应为 {expected}",
                    input = crate::echo(input)
                )
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
        let t = text.trim_fast();
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
    #[error("invalid eori {input:?}: a country code and 1 to 15 letters or digits are expected", input = crate::echo(.input))]
    Length {
        /// The text given.
        input: String,
    },
    /// The first two characters are not a country code.
    #[error("invalid eori {input:?}: {prefix:?} is not a country code", input = crate::echo(.input))]
    Country {
        /// The text given.
        input: String,
        /// The first two characters.
        prefix: String,
    },
    /// A character other than a letter or a digit.
    #[error("invalid eori {input:?}: only letters and digits may follow the country code", input = crate::echo(.input))]
    Characters {
        /// The text given.
        input: String,
    },
    /// A `GB` or `XI` number that is not 12 digits after its prefix.
    #[error("invalid eori {input:?}: a GB or XI number is the prefix followed by 12 digits", input = crate::echo(.input))]
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
                format!(
                    "EORI 号 {input:?} 无效：应为国家代码加 1 至 15 位字母或数字",
                    input = crate::echo(input)
                )
            }
            EoriError::Country { input, prefix } => {
                format!(
                    "EORI 号 {input:?} 无效：{prefix:?} 不是国家代码",
                    input = crate::echo(input)
                )
            }
            EoriError::Characters { input } => {
                format!(
                    "EORI 号 {input:?} 无效：国家代码后只能是字母或数字",
                    input = crate::echo(input)
                )
            }
            EoriError::UnitedKingdom { input } => {
                format!(
                    "EORI 号 {input:?} 无效：GB 或 XI 号应为前缀加 12 位数字",
                    input = crate::echo(input)
                )
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

/// The text with ASCII white space removed and letters upper-cased, for the
/// registration numbers below (which are written with spaces, in any case).
fn compact_upper(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The ISO 3166-1 numeric codes of the EU member states, which an IOSS
/// number carries as its digits 3 to 5 (the member state of identification).
const EU_NUMERIC: [(u16, crate::Country); 27] = {
    use crate::Country as C;
    [
        (40, C::AT),
        (56, C::BE),
        (100, C::BG),
        (191, C::HR),
        (196, C::CY),
        (203, C::CZ),
        (208, C::DK),
        (233, C::EE),
        (246, C::FI),
        (250, C::FR),
        (276, C::DE),
        (300, C::GR),
        (348, C::HU),
        (372, C::IE),
        (380, C::IT),
        (428, C::LV),
        (440, C::LT),
        (442, C::LU),
        (470, C::MT),
        (528, C::NL),
        (616, C::PL),
        (620, C::PT),
        (642, C::RO),
        (703, C::SK),
        (705, C::SI),
        (724, C::ES),
        (752, C::SE),
    ]
};

/// An IOSS VAT identification number: `IM` followed by 10 digits, the number
/// a seller or marketplace registered for the EU's Import One-Stop Shop
/// declares with each consignment of intrinsic value up to EUR 150 (Council
/// Directive (EU) 2017/2455; Directive 2006/112/EC art. 369q). Digits 3 to 5
/// are the ISO 3166-1 numeric code of the member state of identification
/// (`IM250...` is France).
///
/// The form is all that can be checked offline: the check digit is each member
/// state's own and is not published, and only the EU's systems know whether a
/// number is registered. Spaces and a lowercase `im` are accepted.
///
/// # Example
///
/// ```
/// use crossborder::{Country, IossNumber};
///
/// let n: IossNumber = "im 250 000 0001".parse()?;
/// assert_eq!(n.as_str(), "IM2500000001");
/// assert_eq!(n.member_state(), Some(Country::FR));
/// assert!("IM25000000".parse::<IossNumber>().is_err()); // 8 digits
/// assert!("IN2500000001".parse::<IossNumber>().is_err()); // an intermediary's number
/// # Ok::<(), crossborder::IossNumberError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IossNumber {
    chars: [u8; 12],
}

/// Why text is not an IOSS number.
///
/// # Example
///
/// ```
/// use crossborder::{IossNumber, IossNumberError};
/// assert!(matches!(IossNumber::parse("IM123"), Err(IossNumberError::Length { .. })));
/// assert!(matches!(IossNumber::parse("GB2500000001"), Err(IossNumberError::Prefix { .. })));
/// assert!(matches!(IossNumber::parse("IM25000000O1"), Err(IossNumberError::Characters { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IossNumberError {
    /// Not 12 characters (spaces not counted).
    #[error(
        "invalid ioss number {input:?}: it has {chars} characters, IM and 10 digits are needed", input = crate::echo(.input)
    )]
    Length {
        /// The text given.
        input: String,
        /// How many characters it has, spaces not counted.
        chars: usize,
    },
    /// It does not start with `IM`.
    #[error("invalid ioss number {input:?}: an IOSS number starts with IM", input = crate::echo(.input))]
    Prefix {
        /// The text given.
        input: String,
    },
    /// Something other than digits after `IM`.
    #[error("invalid ioss number {input:?}: IM must be followed by 10 digits", input = crate::echo(.input))]
    Characters {
        /// The text given.
        input: String,
    },
}

impl IossNumberError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::IossNumber::parse("IM123").unwrap_err();
    /// assert_eq!(err.message_zh(), "IOSS 号 \"IM123\" 无效：应为 IM 加 10 位数字，实际 5 个字符");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            IossNumberError::Length { input, chars } => {
                format!(
                    "IOSS 号 {input:?} 无效：应为 IM 加 10 位数字，实际 {chars} 个字符",
                    input = crate::echo(input)
                )
            }
            IossNumberError::Prefix { input } => {
                format!(
                    "IOSS 号 {input:?} 无效：IOSS 号以 IM 开头",
                    input = crate::echo(input)
                )
            }
            IossNumberError::Characters { input } => {
                format!(
                    "IOSS 号 {input:?} 无效：IM 后应为 10 位数字",
                    input = crate::echo(input)
                )
            }
        }
    }
}

impl IossNumber {
    /// Reads an IOSS number, ignoring spaces and case.
    ///
    /// # Errors
    ///
    /// [`IossNumberError`] saying what is wrong with the form.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::IossNumber::parse("IM3720000123")?.as_str(), "IM3720000123");
    /// # Ok::<(), crossborder::IossNumberError>(())
    /// ```
    pub fn parse(text: &str) -> Result<IossNumber, IossNumberError> {
        let c = compact_upper(text);
        let n = c.chars().count();
        if n != 12 {
            return Err(IossNumberError::Length {
                input: text.to_owned(),
                chars: n,
            });
        }
        if !c.starts_with("IM") {
            return Err(IossNumberError::Prefix {
                input: text.to_owned(),
            });
        }
        if c.len() != 12 || !c.as_bytes()[2..].iter().all(u8::is_ascii_digit) {
            return Err(IossNumberError::Characters {
                input: text.to_owned(),
            });
        }
        let mut chars = [0u8; 12];
        chars.copy_from_slice(c.as_bytes());
        Ok(IossNumber { chars })
    }

    /// The number: `IM` and 10 digits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::IossNumber::parse("im2760000001")?.as_str(), "IM2760000001");
    /// # Ok::<(), crossborder::IossNumberError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.chars).unwrap_or("")
    }

    /// The member state of identification its digits 3 to 5 name, when they
    /// are the ISO 3166-1 numeric code of an EU member (`None` otherwise, for
    /// instance for numbers the United Kingdom issues for Northern Ireland).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, IossNumber};
    /// assert_eq!(IossNumber::parse("IM5280000001")?.member_state(), Some(Country::NL));
    /// assert_eq!(IossNumber::parse("IM9990000001")?.member_state(), None);
    /// # Ok::<(), crossborder::IossNumberError>(())
    /// ```
    pub fn member_state(&self) -> Option<crate::Country> {
        let code = self.chars[2..5]
            .iter()
            .fold(0u16, |a, d| a * 10 + u16::from(d - b'0'));
        EU_NUMERIC
            .iter()
            .find(|(n, _)| *n == code)
            .map(|(_, country)| *country)
    }
}

impl fmt::Display for IossNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for IossNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IossNumber({})", self.as_str())
    }
}

impl FromStr for IossNumber {
    type Err = IossNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IossNumber::parse(s)
    }
}

crate::macros::serde_via_str!(IossNumber);

/// A United Kingdom VAT registration number: `GB` followed by 9 digits, or 12
/// for a branch trader (the 9 digits and a 3-digit branch), whose 8th and 9th
/// digits are the check of the first seven.
///
/// The check (HMRC's "modulus 97"): the first seven digits are weighted 8, 7,
/// 6, 5, 4, 3, 2 and summed, the check number (digits 8 and 9, 00 to 96) is
/// added, and the total is a multiple of 97. Numbers issued from November
/// 2009 in the parallel series starting at 100 use HMRC's "9755" variant: the
/// total plus 55 is a multiple of 97. Both are accepted, the variant only for
/// numbers whose first three digits are 100 or more.
///
/// Reading accepts spaces, lowercase letters, the Northern Ireland prefix
/// `XI` (kept as written) and the bare digits (read as `GB`). The government
/// department and health authority forms (`GBGD...`, `GBHA...`) are not
/// accepted: they do not sell goods to consumers. The check says nothing of
/// whether the number is registered (HMRC's "Check a UK VAT number" does).
///
/// # Example
///
/// ```
/// use crossborder::UkVatNumber;
///
/// let n: UkVatNumber = "GB 123 4567 82".parse()?; // modulus 97
/// assert_eq!(n.as_str(), "GB123456782");
/// assert!("GB123456727".parse::<UkVatNumber>().is_ok()); // the 9755 variant
/// assert!("GB123456783".parse::<UkVatNumber>().is_err()); // wrong check
/// let branch: UkVatNumber = "GB123456782001".parse()?;
/// assert_eq!(branch.branch(), Some("001"));
/// # Ok::<(), crossborder::UkVatNumberError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UkVatNumber {
    chars: [u8; 14],
    len: u8,
}

/// Why text is not a UK VAT number.
///
/// # Example
///
/// ```
/// use crossborder::{UkVatNumber, UkVatNumberError};
/// assert!(matches!(UkVatNumber::parse("GB12345678"), Err(UkVatNumberError::Length { .. })));
/// assert!(matches!(UkVatNumber::parse("FR123456782"), Err(UkVatNumberError::Characters { .. })));
/// assert!(matches!(UkVatNumber::parse("GB123456783"), Err(UkVatNumberError::Check { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UkVatNumberError {
    /// Neither 9 nor 12 digits.
    #[error(
        "invalid uk vat number {input:?}: it has {digits} digits, 9 (or 12 for a branch) are needed", input = crate::echo(.input)
    )]
    Length {
        /// The text given.
        input: String,
        /// How many digits it has.
        digits: usize,
    },
    /// A prefix other than `GB` or `XI`, or characters other than digits.
    #[error("invalid uk vat number {input:?}: GB (or XI) and digits are expected", input = crate::echo(.input))]
    Characters {
        /// The text given.
        input: String,
    },
    /// Digits 8 and 9 are not the check of the first seven.
    #[error("invalid uk vat number {input:?}: digits 8 and 9 are not the check of the first seven", input = crate::echo(.input))]
    Check {
        /// The text given.
        input: String,
    },
}

impl UkVatNumberError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::UkVatNumber::parse("GB123456783").unwrap_err();
    /// assert_eq!(err.message_zh(), "英国增值税号 \"GB123456783\" 无效：第 8、9 位不是前 7 位的校验码");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            UkVatNumberError::Length { input, digits } => format!(
                "英国增值税号 {input:?} 无效：应为 9 位数字（分支机构 12 位），实际 {digits} 位",
                input = crate::echo(input)
            ),
            UkVatNumberError::Characters { input } => {
                format!(
                    "英国增值税号 {input:?} 无效：应为 GB（或 XI）加数字",
                    input = crate::echo(input)
                )
            }
            UkVatNumberError::Check { input } => {
                format!(
                    "英国增值税号 {input:?} 无效：第 8、9 位不是前 7 位的校验码",
                    input = crate::echo(input)
                )
            }
        }
    }
}

impl UkVatNumber {
    /// Reads a UK VAT number (see the type's docs for what is accepted).
    ///
    /// # Errors
    ///
    /// [`UkVatNumberError`] saying what is wrong.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::UkVatNumber;
    /// assert_eq!(UkVatNumber::parse("831495816")?.as_str(), "GB831495816");
    /// assert_eq!(UkVatNumber::parse("xi 831 4958 16")?.as_str(), "XI831495816");
    /// # Ok::<(), crossborder::UkVatNumberError>(())
    /// ```
    pub fn parse(text: &str) -> Result<UkVatNumber, UkVatNumberError> {
        let c = compact_upper(text);
        let (prefix, digits) = if c.starts_with("GB") || c.starts_with("XI") {
            c.split_at(2)
        } else {
            ("GB", c.as_str())
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(UkVatNumberError::Characters {
                input: text.to_owned(),
            });
        }
        if digits.len() != 9 && digits.len() != 12 {
            return Err(UkVatNumberError::Length {
                input: text.to_owned(),
                digits: digits.len(),
            });
        }
        let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        if !uk_vat_check_ok(&d) {
            return Err(UkVatNumberError::Check {
                input: text.to_owned(),
            });
        }
        let mut chars = [0u8; 14];
        chars[..2].copy_from_slice(prefix.as_bytes());
        chars[2..2 + digits.len()].copy_from_slice(digits.as_bytes());
        Ok(UkVatNumber {
            chars,
            len: (2 + digits.len()) as u8,
        })
    }

    /// The number with its prefix (`GB` or `XI`) and no spaces.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::UkVatNumber::parse("GB 782 2375 17")?.as_str(), "GB782237517");
    /// # Ok::<(), crossborder::UkVatNumberError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.chars[..usize::from(self.len)]).unwrap_or("")
    }

    /// The 3-digit branch of a branch trader's 12-digit number.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::UkVatNumber::parse("GB782237517")?.branch(), None);
    /// # Ok::<(), crossborder::UkVatNumberError>(())
    /// ```
    pub fn branch(&self) -> Option<&str> {
        (self.len == 14).then(|| &self.as_str()[11..])
    }

    /// Whether it is written with the Northern Ireland prefix `XI`.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::UkVatNumber::parse("XI782237517")?.is_northern_ireland());
    /// # Ok::<(), crossborder::UkVatNumberError>(())
    /// ```
    pub fn is_northern_ireland(&self) -> bool {
        self.chars.starts_with(b"XI")
    }
}

/// HMRC's modulus 97 check on the first nine digits, or its 9755 variant for
/// numbers of the series that restarted at 100 nnnn nn.
fn uk_vat_check_ok(d: &[u32]) -> bool {
    const WEIGHTS: [u32; 7] = [8, 7, 6, 5, 4, 3, 2];
    let weighted: u32 = d.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    let check = d[7] * 10 + d[8];
    if check > 96 {
        return false;
    }
    let total = weighted + check;
    let first_three = d[0] * 100 + d[1] * 10 + d[2];
    total.is_multiple_of(97) || (first_three >= 100 && (total + 55).is_multiple_of(97))
}

impl fmt::Display for UkVatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for UkVatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UkVatNumber({})", self.as_str())
    }
}

impl FromStr for UkVatNumber {
    type Err = UkVatNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UkVatNumber::parse(s)
    }
}

crate::macros::serde_via_str!(UkVatNumber);

/// An ATO reference number (ARN): the 12-digit number the Australian Taxation
/// Office gives a non-resident vendor or marketplace registered for GST under
/// the simplified registration, which it reports as the "vendor ID" of low
/// value imported goods (ATO, "GST on low value imported goods", information
/// for transporters and customs brokers: "a 12-digit ARN ... or an 11-digit
/// ABN"; see [`Abn`] for the other form).
///
/// No check digit is published for the ARN: 12 digits is the form. Spaces are
/// accepted.
///
/// # Example
///
/// ```
/// use crossborder::Arn;
/// let arn: Arn = "5000 1234 5678".parse()?;
/// assert_eq!(arn.as_str(), "500012345678");
/// assert!("50001234567".parse::<Arn>().is_err()); // 11 digits: an ABN's length
/// # Ok::<(), crossborder::ArnError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Arn {
    digits: [u8; 12],
}

/// Why text is not an ARN.
///
/// # Example
///
/// ```
/// let err = crossborder::Arn::parse("5000-1234").unwrap_err();
/// assert_eq!(err.to_string(), "invalid arn \"5000-1234\": 12 digits are needed");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid arn {input:?}: 12 digits are needed", input = crate::echo(.0))]
pub struct ArnError(String);

impl ArnError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::Arn::parse("123").unwrap_err();
    /// assert_eq!(err.message_zh(), "澳大利亚 ARN \"123\" 无效：应为 12 位数字");
    /// ```
    pub fn message_zh(&self) -> String {
        format!("澳大利亚 ARN {:?} 无效：应为 12 位数字", self.0)
    }
}

impl Arn {
    /// Reads an ARN, ignoring spaces.
    ///
    /// # Errors
    ///
    /// [`ArnError`] unless the text is 12 digits.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Arn::parse("500012345678").is_ok());
    /// ```
    pub fn parse(text: &str) -> Result<Arn, ArnError> {
        let c = compact_upper(text);
        if c.len() != 12 || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ArnError(text.to_owned()));
        }
        let mut digits = [0u8; 12];
        digits.copy_from_slice(c.as_bytes());
        Ok(Arn { digits })
    }

    /// The 12 digits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Arn::parse("5000 1234 5678")?.as_str(), "500012345678");
    /// # Ok::<(), crossborder::ArnError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).unwrap_or("")
    }
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Arn({})", self.as_str())
    }
}

impl FromStr for Arn {
    type Err = ArnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Arn::parse(s)
    }
}

crate::macros::serde_via_str!(Arn);

/// An Australian business number (ABN): 11 digits whose check is the
/// Australian Business Register's: subtract 1 from the first digit, weight the
/// digits 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, and the sum is a multiple of
/// 89. A vendor with a full GST registration reports it as the vendor ID of
/// low value imported goods instead of an [`Arn`].
///
/// # Example
///
/// ```
/// use crossborder::Abn;
/// let abn: Abn = "51 824 753 556".parse()?; // the ATO's own
/// assert_eq!(abn.as_str(), "51824753556");
/// assert!("51 824 753 557".parse::<Abn>().is_err());
/// # Ok::<(), crossborder::AbnError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Abn {
    digits: [u8; 11],
}

/// Why text is not an ABN.
///
/// # Example
///
/// ```
/// use crossborder::{Abn, AbnError};
/// assert!(matches!(Abn::parse("5182475355"), Err(AbnError::Form { .. })));
/// assert!(matches!(Abn::parse("51824753557"), Err(AbnError::Check { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AbnError {
    /// Not 11 digits.
    #[error("invalid abn {input:?}: 11 digits are needed", input = crate::echo(.input))]
    Form {
        /// The text given.
        input: String,
    },
    /// The weighted sum is not a multiple of 89.
    #[error("invalid abn {input:?}: the digits fail the ABN check", input = crate::echo(.input))]
    Check {
        /// The text given.
        input: String,
    },
}

impl AbnError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::Abn::parse("51824753557").unwrap_err();
    /// assert_eq!(err.message_zh(), "澳大利亚 ABN \"51824753557\" 无效：未通过 ABN 校验");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            AbnError::Form { input } => format!(
                "澳大利亚 ABN {input:?} 无效：应为 11 位数字",
                input = crate::echo(input)
            ),
            AbnError::Check { input } => format!(
                "澳大利亚 ABN {input:?} 无效：未通过 ABN 校验",
                input = crate::echo(input)
            ),
        }
    }
}

impl Abn {
    /// Reads an ABN, ignoring spaces.
    ///
    /// # Errors
    ///
    /// [`AbnError`] for anything but 11 digits that pass the check.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Abn::parse("51824753556").is_ok());
    /// ```
    pub fn parse(text: &str) -> Result<Abn, AbnError> {
        const WEIGHTS: [u32; 11] = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
        let c = compact_upper(text);
        if c.len() != 11 || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AbnError::Form {
                input: text.to_owned(),
            });
        }
        let mut digits = [0u8; 11];
        digits.copy_from_slice(c.as_bytes());
        let sum: u32 = digits
            .iter()
            .zip(WEIGHTS)
            .enumerate()
            .map(|(i, (d, w))| {
                let d = u32::from(d - b'0');
                // The first digit is reduced by one; 0 - 1 wraps to 9 in the
                // register's arithmetic only for invalid numbers, which fail
                // the check either way.
                let d = if i == 0 { (d + 9) % 10 } else { d };
                d * w
            })
            .sum();
        if digits[0] == b'0' || !sum.is_multiple_of(89) {
            return Err(AbnError::Check {
                input: text.to_owned(),
            });
        }
        Ok(Abn { digits })
    }

    /// The 11 digits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Abn::parse("51 824 753 556")?.as_str(), "51824753556");
    /// # Ok::<(), crossborder::AbnError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).unwrap_or("")
    }
}

impl fmt::Display for Abn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Abn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Abn({})", self.as_str())
    }
}

impl FromStr for Abn {
    type Err = AbnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Abn::parse(s)
    }
}

crate::macros::serde_via_str!(Abn);

/// A Singapore GST registration number, such as the one IRAS gives an
/// overseas vendor registered under the overseas vendor registration (OVR)
/// regime, who charges GST on low-value goods at the sale (IRAS, "GST on
/// imports of low-value goods", from 2023-01-01).
///
/// IRAS publishes no check algorithm and its numbers come in more than one
/// form (a UEN such as `200312345A`, or `M` and digits with a check letter
/// such as `M90371234X`), so only the form is checked: 9 or 10 letters and
/// digits once spaces and hyphens are removed, at least one of them a digit.
/// Lowercase letters are upper-cased. IRAS's "GST Registered Business Search"
/// says whether a number is registered.
///
/// # Example
///
/// ```
/// use crossborder::SgGstNumber;
/// let n: SgGstNumber = "m9-0371234-x".parse()?;
/// assert_eq!(n.as_str(), "M90371234X");
/// assert!("200312345A".parse::<SgGstNumber>().is_ok());
/// assert!("M123".parse::<SgGstNumber>().is_err());
/// # Ok::<(), crossborder::SgGstNumberError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SgGstNumber {
    chars: [u8; 10],
    len: u8,
}

/// Why text is not a Singapore GST registration number.
///
/// # Example
///
/// ```
/// let err = crossborder::SgGstNumber::parse("M1").unwrap_err();
/// assert_eq!(err.to_string(), "invalid singapore gst number \"M1\": 9 or 10 letters and digits are expected");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid singapore gst number {input:?}: 9 or 10 letters and digits are expected", input = crate::echo(.0))]
pub struct SgGstNumberError(String);

impl SgGstNumberError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::SgGstNumber::parse("M1").unwrap_err();
    /// assert_eq!(err.message_zh(), "新加坡 GST 注册号 \"M1\" 无效：应为 9 或 10 位字母和数字");
    /// ```
    pub fn message_zh(&self) -> String {
        format!(
            "新加坡 GST 注册号 {:?} 无效：应为 9 或 10 位字母和数字",
            self.0
        )
    }
}

impl SgGstNumber {
    /// Reads a GST registration number, ignoring spaces, hyphens and case.
    ///
    /// # Errors
    ///
    /// [`SgGstNumberError`] for anything but 9 or 10 letters and digits with
    /// at least one digit.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::SgGstNumber::parse("M2-1234567-K")?.as_str(), "M21234567K");
    /// # Ok::<(), crossborder::SgGstNumberError>(())
    /// ```
    pub fn parse(text: &str) -> Result<SgGstNumber, SgGstNumberError> {
        let c: String = compact_upper(text).chars().filter(|&c| c != '-').collect();
        if !(9..=10).contains(&c.len())
            || !c.bytes().all(|b| b.is_ascii_alphanumeric())
            || !c.bytes().any(|b| b.is_ascii_digit())
        {
            return Err(SgGstNumberError(text.to_owned()));
        }
        let mut chars = [0u8; 10];
        chars[..c.len()].copy_from_slice(c.as_bytes());
        Ok(SgGstNumber {
            chars,
            len: c.len() as u8,
        })
    }

    /// The number, upper-case, without spaces or hyphens.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::SgGstNumber::parse("200312345a")?.as_str(), "200312345A");
    /// # Ok::<(), crossborder::SgGstNumberError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.chars[..usize::from(self.len)]).unwrap_or("")
    }
}

impl fmt::Display for SgGstNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for SgGstNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SgGstNumber({})", self.as_str())
    }
}

impl FromStr for SgGstNumber {
    type Err = SgGstNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SgGstNumber::parse(s)
    }
}

crate::macros::serde_via_str!(SgGstNumber);

#[cfg(test)]
mod registration_tests {
    use super::*;

    /// The check number HMRC's modulus 97 gives the first seven digits.
    fn mod97_check(first7: &str) -> u32 {
        let w: u32 = first7
            .bytes()
            .zip([8, 7, 6, 5, 4, 3, 2])
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        (97 - w % 97) % 97
    }

    #[test]
    fn uk_vat_published_examples_and_each_wrong_check() {
        // 782 2375 17 and 831 4958 16 are worked examples of the modulus 97
        // check in UK accountancy guides; 123 4567 82 follows from it.
        for good in [
            "GB782237517",
            "GB831495816",
            "GB123456782",
            "gb 123 4567 82",
        ] {
            assert!(UkVatNumber::parse(good).is_ok(), "{good}");
        }
        let ok: Vec<u32> = (0..100)
            .filter(|c| UkVatNumber::parse(&format!("GB1234567{c:02}")).is_ok())
            .collect();
        // 82 by modulus 97, 27 by 9755 (82 - 55): nothing else.
        assert_eq!(ok, [27, 82]);
        assert_eq!(mod97_check("1234567"), 82);
    }

    #[test]
    fn uk_vat_9755_only_for_the_new_series_and_checks_in_range() {
        // 099 9999: an old-series number; only its modulus 97 check passes.
        let old = "0999999";
        let c = mod97_check(old);
        assert!(UkVatNumber::parse(&format!("{old}{c:02}")).is_ok());
        let variant = (c + 42) % 97; // what 9755 would give
        assert!(UkVatNumber::parse(&format!("{old}{variant:02}")).is_err());
        // A check of 97 to 99 never passes, even when the sum would divide.
        let wrap = "0000000"; // sum 0: check 00; 97 would also divide
        assert!(UkVatNumber::parse(&format!("{wrap}00")).is_ok());
        assert!(UkVatNumber::parse(&format!("{wrap}97")).is_err());
    }

    #[test]
    fn uk_vat_forms() {
        assert_eq!(
            UkVatNumber::parse("123456782").unwrap().as_str(),
            "GB123456782"
        );
        let b = UkVatNumber::parse("GB 123 4567 82 123").unwrap();
        assert_eq!(b.branch(), Some("123"));
        assert!(matches!(
            UkVatNumber::parse("GBGD001"),
            Err(UkVatNumberError::Characters { .. })
        ));
        assert!(matches!(
            UkVatNumber::parse("GB1234567821"),
            Err(UkVatNumberError::Length { digits: 10, .. })
        ));
        let x = UkVatNumber::parse("XI123456782").unwrap();
        assert!(x.is_northern_ireland());
        assert_eq!(x.to_string().parse::<UkVatNumber>().unwrap(), x);
    }

    #[test]
    fn ioss_forms_and_member_states() {
        let n = IossNumber::parse("IM2500000001").unwrap();
        assert_eq!(n.member_state(), Some(crate::Country::FR));
        assert_eq!(n.to_string().parse::<IossNumber>().unwrap(), n);
        for (code, country) in EU_NUMERIC {
            let t = format!("IM{code:03}0000001");
            assert_eq!(IossNumber::parse(&t).unwrap().member_state(), Some(country));
            assert!(crate::is_eu_member(country));
        }
        assert!(matches!(
            IossNumber::parse("IM250000000１"),
            Err(IossNumberError::Characters { .. })
        ));
        assert!(matches!(
            IossNumber::parse(""),
            Err(IossNumberError::Length { chars: 0, .. })
        ));
    }

    #[test]
    fn abn_and_arn() {
        assert!(Abn::parse("51824753556").is_ok());
        // Every single-digit change of a valid ABN fails its check.
        let good = b"51824753556";
        for i in 0..11 {
            for d in b'0'..=b'9' {
                if d == good[i] {
                    continue;
                }
                let mut t = *good;
                t[i] = d;
                let s = std::str::from_utf8(&t).unwrap();
                assert!(Abn::parse(s).is_err(), "{s}");
            }
        }
        assert!(Arn::parse("500 012 345 678").is_ok());
        assert!(Arn::parse("5000123456789").is_err());
        assert!(Arn::parse("50001234567A").is_err());
    }

    #[test]
    fn singapore_forms() {
        assert!(SgGstNumber::parse("M90371234X").is_ok());
        assert!(SgGstNumber::parse("53012345D").is_ok());
        assert!(SgGstNumber::parse("ABCDEFGHIJ").is_err()); // no digit
        assert!(SgGstNumber::parse("M9037123456").is_err()); // 11
        assert!(SgGstNumber::parse("M9037_234X").is_err());
    }
}
