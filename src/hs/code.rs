//! [`HsCode`]: a Harmonized System code of 6 to 13 digits, stored inline.

use std::fmt;
use std::str::FromStr;

use crate::wire::text::TrimFast;

/// The most digits a code may have: China's 10-digit commodity code plus the
/// 3 inspection digits of the general-trade customs declaration form.
const MAX_DIGITS: usize = 13;
/// The fewest: the international subheading.
const MIN_DIGITS: usize = 6;

/// A Harmonized System code: 6 digits (chapter, heading, subheading), then an
/// optional national extension up to 13 digits in all (China 10, or 13 on
/// the general-trade customs declaration form; US 10; EU CN 8, TARIC 10).
///
/// Reading normalises the written forms seen in the wild: `8518.30`,
/// `8518 30 00`, `8518.30.0000` all read as digits. The chapter must be 01 to
/// 97 and not 77 (reserved). An `HsCode` is `Copy` and never allocates; its
/// text and serde form are the bare digits.
///
/// Whether the code exists in the nomenclature is a separate question; this
/// type checks only its form.
///
/// # Example
///
/// ```
/// use crossborder::HsCode;
///
/// let code: HsCode = "8518.30.0000".parse()?;
/// assert_eq!(code.as_str(), "8518300000");
/// assert_eq!(code.chapter(), "85");
/// assert_eq!(code.heading(), "8518");
/// assert_eq!(code.subheading(), "851830");
/// assert_eq!(code.national_extension(), Some("0000"));
/// assert_eq!(code.to_string(), "8518300000");
/// # Ok::<(), crossborder::HsCodeError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HsCode {
    digits: [u8; MAX_DIGITS],
    len: u8,
}

/// Why text is not an HS code.
///
/// # Example
///
/// ```
/// use crossborder::{HsCode, HsCodeError};
///
/// let err = "85A8".parse::<HsCode>().unwrap_err();
/// assert!(matches!(err, HsCodeError::InvalidCharacter { character: 'A', .. }));
/// assert_eq!(err.to_string(), r#"invalid hs code "85A8": only digits are allowed, found 'A'"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HsCodeError {
    /// Nothing but white space.
    #[error("invalid hs code {input:?}: it is empty", input = crate::echo(.input))]
    Empty {
        /// The text given.
        input: String,
    },
    /// A character other than a digit, or a separator (`.` or space) in the
    /// wrong place.
    #[error("invalid hs code {input:?}: only digits are allowed, found {character:?}", input = crate::echo(.input))]
    InvalidCharacter {
        /// The text given.
        input: String,
        /// The first character that is not allowed.
        character: char,
    },
    /// Fewer than 6 digits.
    #[error("invalid hs code {input:?}: {digits} digits, at least 6 are needed", input = crate::echo(.input))]
    TooShort {
        /// The text given.
        input: String,
        /// How many digits it has.
        digits: usize,
    },
    /// More than 13 digits.
    #[error("invalid hs code {input:?}: {digits} digits, at most 13 are allowed", input = crate::echo(.input))]
    TooLong {
        /// The text given.
        input: String,
        /// How many digits it has.
        digits: usize,
    },
    /// Chapter 77, reserved for future use in the HS.
    #[error("invalid hs code {input:?}: chapter 77 is reserved and holds no goods", input = crate::echo(.input))]
    ReservedChapter {
        /// The text given.
        input: String,
    },
    /// A chapter outside 01 to 97.
    #[error(
        "invalid hs code {input:?}: chapter {chapter:02} does not exist, chapters run from 01 to 97", input = crate::echo(.input)
    )]
    UnknownChapter {
        /// The text given.
        input: String,
        /// The chapter it names.
        chapter: u8,
    },
}

impl HsCodeError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::HsCode::parse("8518").unwrap_err();
    /// assert_eq!(err.message_zh(), "HS 编码 \"8518\" 无效：只有 4 位数字，至少需要 6 位");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            HsCodeError::Empty { .. } => "HS 编码为空".to_owned(),
            HsCodeError::InvalidCharacter { input, character } => {
                format!(
                    "HS 编码 {input:?} 无效：只能包含数字，发现 {character:?}",
                    input = crate::echo(input)
                )
            }
            HsCodeError::TooShort { input, digits } => {
                format!(
                    "HS 编码 {input:?} 无效：只有 {digits} 位数字，至少需要 6 位",
                    input = crate::echo(input)
                )
            }
            HsCodeError::TooLong { input, digits } => {
                format!(
                    "HS 编码 {input:?} 无效：有 {digits} 位数字，最多 13 位",
                    input = crate::echo(input)
                )
            }
            HsCodeError::ReservedChapter { input } => {
                format!(
                    "HS 编码 {input:?} 无效：第 77 章为保留章，不含任何商品",
                    input = crate::echo(input)
                )
            }
            HsCodeError::UnknownChapter { input, chapter } => {
                format!(
                    "HS 编码 {input:?} 无效：第 {chapter:02} 章不存在，章号为 01 至 97",
                    input = crate::echo(input)
                )
            }
        }
    }
}

impl HsCode {
    /// Reads an HS code. The same as `str::parse`, usable where a `FromStr`
    /// bound is awkward.
    ///
    /// # Errors
    ///
    /// [`HsCodeError`] when the text is not 6 to 13 digits (separated by
    /// single dots or spaces at most) of an existing chapter.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsCode;
    /// assert_eq!(HsCode::parse("8518 30 00")?.as_str(), "85183000");
    /// assert!(HsCode::parse("7701.10").is_err());
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn parse(text: &str) -> Result<HsCode, HsCodeError> {
        let input = || text.to_owned();
        let t = text.trim_fast();
        if t.is_empty() {
            return Err(HsCodeError::Empty { input: input() });
        }
        let mut digits = [0u8; MAX_DIGITS];
        let mut len = 0usize;
        let mut prev_sep = true; // no separator may lead
        for c in t.chars() {
            match c {
                '0'..='9' => {
                    if len < MAX_DIGITS {
                        digits[len] = c as u8;
                    }
                    len += 1;
                    prev_sep = false;
                }
                '.' | ' ' if !prev_sep => prev_sep = true,
                _ => {
                    return Err(HsCodeError::InvalidCharacter {
                        input: input(),
                        character: c,
                    });
                }
            }
        }
        if prev_sep {
            // trailing separator ("8518.")
            let last = t.chars().last().unwrap_or('.');
            return Err(HsCodeError::InvalidCharacter {
                input: input(),
                character: last,
            });
        }
        if len < MIN_DIGITS {
            return Err(HsCodeError::TooShort {
                input: input(),
                digits: len,
            });
        }
        if len > MAX_DIGITS {
            return Err(HsCodeError::TooLong {
                input: input(),
                digits: len,
            });
        }
        let chapter = (digits[0] - b'0') * 10 + (digits[1] - b'0');
        if chapter == 77 {
            return Err(HsCodeError::ReservedChapter { input: input() });
        }
        if !(1..=97).contains(&chapter) {
            return Err(HsCodeError::UnknownChapter {
                input: input(),
                chapter,
            });
        }
        Ok(HsCode {
            digits,
            len: len as u8,
        })
    }

    /// All the digits, as text.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// assert_eq!(HsCode::parse("6109.10")?.as_str(), "610910");
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).unwrap_or("")
    }

    /// The code as one number, its digit bytes and its length: equal for
    /// equal codes and only for them (a key compared in one step).
    pub(crate) fn key(&self) -> u128 {
        let mut bytes = [0u8; 16];
        bytes[..MAX_DIGITS].copy_from_slice(&self.digits);
        bytes[15] = self.len;
        u128::from_le_bytes(bytes)
    }

    /// How many digits (6 to 13).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// assert_eq!(HsCode::parse("6109100000")?.len(), 10);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    #[allow(clippy::len_without_is_empty)] // an HsCode is never empty
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// The chapter: the first 2 digits.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// assert_eq!(HsCode::parse("010121")?.chapter(), "01");
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn chapter(&self) -> &str {
        &self.as_str()[..2]
    }

    /// The chapter as a number (1 to 97).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// assert_eq!(HsCode::parse("010121")?.chapter_number(), 1);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn chapter_number(&self) -> u8 {
        (self.digits[0] - b'0') * 10 + (self.digits[1] - b'0')
    }

    /// The heading: the first 4 digits.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// assert_eq!(HsCode::parse("851830")?.heading(), "8518");
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn heading(&self) -> &str {
        &self.as_str()[..4]
    }

    /// The international subheading: the first 6 digits.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// assert_eq!(HsCode::parse("8518300000")?.subheading(), "851830");
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn subheading(&self) -> &str {
        &self.as_str()[..6]
    }

    /// The national extension: the digits after the sixth, if any.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// assert_eq!(HsCode::parse("8518300000")?.national_extension(), Some("0000"));
    /// assert_eq!(HsCode::parse("851830")?.national_extension(), None);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn national_extension(&self) -> Option<&str> {
        let s = self.as_str();
        (s.len() > MIN_DIGITS).then(|| &s[MIN_DIGITS..])
    }

    /// The 6-digit international code of this code.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// let code = HsCode::parse("8518300000")?;
    /// assert_eq!(code.to_subheading(), HsCode::parse("851830")?);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    #[must_use]
    pub fn to_subheading(&self) -> HsCode {
        let mut digits = [0u8; MAX_DIGITS];
        digits[..MIN_DIGITS].copy_from_slice(&self.digits[..MIN_DIGITS]);
        HsCode {
            digits,
            len: MIN_DIGITS as u8,
        }
    }

    /// Whether the code starts with these digits (a chapter, heading or
    /// subheading prefix such as `"8507"` or `"850760"`).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::HsCode;
    /// let code = HsCode::parse("8507600010")?;
    /// assert!(code.starts_with("850760"));
    /// assert!(!code.starts_with("8506"));
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.as_str().starts_with(prefix)
    }
}

impl fmt::Display for HsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for HsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HsCode({})", self.as_str())
    }
}

impl FromStr for HsCode {
    type Err = HsCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        HsCode::parse(s)
    }
}

crate::macros::serde_via_str!(HsCode);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_forms_normalise() {
        for (text, digits) in [
            ("851830", "851830"),
            ("8518.30", "851830"),
            ("8518 30 00", "85183000"),
            ("8518.30.0000", "8518300000"),
            (" 8518.30.00.00 ", "8518300000"),
            ("0101210000123", "0101210000123"),
        ] {
            assert_eq!(HsCode::parse(text).unwrap().as_str(), digits, "{text}");
        }
    }

    #[test]
    fn bad_codes_say_why() {
        use HsCodeError as E;
        assert!(matches!(HsCode::parse("  "), Err(E::Empty { .. })));
        assert!(matches!(
            HsCode::parse("8518"),
            Err(E::TooShort { digits: 4, .. })
        ));
        assert!(matches!(
            HsCode::parse("85183000001234"),
            Err(E::TooLong { digits: 14, .. })
        ));
        assert!(matches!(
            HsCode::parse("770100"),
            Err(E::ReservedChapter { .. })
        ));
        assert!(matches!(
            HsCode::parse("980100"),
            Err(E::UnknownChapter { chapter: 98, .. })
        ));
        assert!(matches!(
            HsCode::parse("000100"),
            Err(E::UnknownChapter { chapter: 0, .. })
        ));
        assert!(matches!(
            HsCode::parse("8518..30"),
            Err(E::InvalidCharacter { character: '.', .. })
        ));
        assert!(matches!(
            HsCode::parse(".851830"),
            Err(E::InvalidCharacter { character: '.', .. })
        ));
        assert!(matches!(
            HsCode::parse("851830."),
            Err(E::InvalidCharacter { character: '.', .. })
        ));
        assert!(matches!(
            HsCode::parse("8518-30"),
            Err(E::InvalidCharacter { character: '-', .. })
        ));
        assert!(matches!(
            HsCode::parse("８５１８３０"),
            Err(E::InvalidCharacter { .. })
        ));
    }

    #[test]
    fn is_small_and_ordered() {
        assert!(std::mem::size_of::<HsCode>() <= 14);
        let a = HsCode::parse("851830").unwrap();
        let b = HsCode::parse("85183000").unwrap();
        let c = HsCode::parse("851840").unwrap();
        assert!(a < b && b < c);
    }
}
