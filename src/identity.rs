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
