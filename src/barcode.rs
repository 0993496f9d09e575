//! [`Gtin`]: EAN-8, UPC-A, EAN-13 and GTIN-14 barcodes with their GS1 mod-10
//! check digit.

use std::fmt;
use std::str::FromStr;

use crate::macros::closed_enum;
use crate::wire::text::TrimFast;

closed_enum! {
    /// The kind of a GTIN barcode, by its length.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Gtin, GtinKind};
    /// assert_eq!(Gtin::parse("6901234567014")?.kind(), GtinKind::Ean13);
    /// # Ok::<(), crossborder::GtinError>(())
    /// ```
    pub enum GtinKind("barcode kind") {
        /// EAN-8 (8 digits).
        Ean8 = "EAN-8",
        /// UPC-A (12 digits).
        UpcA = "UPC-A",
        /// EAN-13 (13 digits).
        Ean13 = "EAN-13",
        /// GTIN-14 (14 digits).
        Gtin14 = "GTIN-14",
    }
}

/// A GTIN barcode whose GS1 check digit is right.
///
/// # Example
///
/// ```
/// use crossborder::Gtin;
///
/// let g: Gtin = "6901234567014".parse()?;
/// assert_eq!(g.as_str(), "6901234567014");
/// assert!("6901234567015".parse::<Gtin>().is_err());
/// assert!(Gtin::parse("036000291452").is_ok()); // UPC-A
/// assert!(Gtin::parse("96385074").is_ok()); // EAN-8
/// # Ok::<(), crossborder::GtinError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gtin {
    digits: [u8; 14],
    len: u8,
}

/// Why text is not a GTIN.
///
/// # Example
///
/// ```
/// use crossborder::{Gtin, GtinError};
/// assert!(matches!(Gtin::parse("12345"), Err(GtinError::Length { .. })));
/// assert!(matches!(Gtin::parse("6901234567015"), Err(GtinError::CheckDigit { expected: '4', .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GtinError {
    /// Not 8, 12, 13 or 14 digits.
    #[error("invalid barcode {input:?}: a GTIN has 8, 12, 13 or 14 digits, found {digits}", input = crate::echo(.input))]
    Length {
        /// The text given.
        input: String,
        /// How many characters it has.
        digits: usize,
    },
    /// A character other than a digit.
    #[error("invalid barcode {input:?}: only digits are allowed", input = crate::echo(.input))]
    NotDigits {
        /// The text given.
        input: String,
    },
    /// The last digit is not the GS1 check digit of the others.
    #[error("invalid barcode {input:?}: the check digit should be {expected}", input = crate::echo(.input))]
    CheckDigit {
        /// The text given.
        input: String,
        /// The check digit the other digits call for.
        expected: char,
    },
}

impl GtinError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = crossborder::Gtin::parse("6901234567015").unwrap_err();
    /// assert_eq!(err.message_zh(), "条码 \"6901234567015\" 无效：校验位应为 4");
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            GtinError::Length { input, digits } => {
                format!(
                    "条码 {input:?} 无效：GTIN 应为 8、12、13 或 14 位数字，实际 {digits} 位",
                    input = crate::echo(input)
                )
            }
            GtinError::NotDigits { input } => format!(
                "条码 {input:?} 无效：只能包含数字",
                input = crate::echo(input)
            ),
            GtinError::CheckDigit { input, expected } => {
                format!(
                    "条码 {input:?} 无效：校验位应为 {expected}",
                    input = crate::echo(input)
                )
            }
        }
    }
}

/// The GS1 mod-10 check digit of `body` (all digits but the last).
fn check_digit(body: &[u8]) -> u8 {
    // Weights 3,1,3,1... from the rightmost digit of the body.
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl Gtin {
    /// Reads a GTIN, checking its length, digits and check digit.
    ///
    /// # Errors
    ///
    /// [`GtinError`] saying which of the three is wrong.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Gtin::parse("10012345678902").is_ok()); // GTIN-14
    /// ```
    pub fn parse(text: &str) -> Result<Gtin, GtinError> {
        let t = text.trim_fast();
        if !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(GtinError::NotDigits {
                input: text.to_owned(),
            });
        }
        let len = t.len();
        if !matches!(len, 8 | 12 | 13 | 14) {
            return Err(GtinError::Length {
                input: text.to_owned(),
                digits: t.chars().count(),
            });
        }
        let bytes = t.as_bytes();
        let expected = check_digit(&bytes[..len - 1]);
        if bytes[len - 1] - b'0' != expected {
            return Err(GtinError::CheckDigit {
                input: text.to_owned(),
                expected: char::from(b'0' + expected),
            });
        }
        let mut digits = [0u8; 14];
        digits[..len].copy_from_slice(bytes);
        Ok(Gtin {
            digits,
            len: len as u8,
        })
    }

    /// The digits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Gtin::parse(" 96385074 ")?.as_str(), "96385074");
    /// # Ok::<(), crossborder::GtinError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).unwrap_or("")
    }

    /// The kind, by length.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Gtin, GtinKind};
    /// assert_eq!(Gtin::parse("036000291452")?.kind(), GtinKind::UpcA);
    /// # Ok::<(), crossborder::GtinError>(())
    /// ```
    pub fn kind(&self) -> GtinKind {
        match self.len {
            8 => GtinKind::Ean8,
            12 => GtinKind::UpcA,
            13 => GtinKind::Ean13,
            _ => GtinKind::Gtin14,
        }
    }
}

impl fmt::Display for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Gtin({})", self.as_str())
    }
}

impl FromStr for Gtin {
    type Err = GtinError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Gtin::parse(s)
    }
}

crate::macros::serde_via_str!(Gtin);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_good_codes() {
        // Published examples: UPC-A of a cereal box, an EAN-13 ISBN, EAN-8, GTIN-14.
        for code in [
            "036000291452",
            "9780306406157",
            "96385074",
            "10012345678902",
            "4006381333931",
        ] {
            assert!(Gtin::parse(code).is_ok(), "{code}");
        }
    }

    #[test]
    fn every_wrong_check_digit_is_caught() {
        let good = "9780306406157";
        for d in b'0'..=b'9' {
            let mut s = good.as_bytes().to_vec();
            s[12] = d;
            let s = String::from_utf8(s).unwrap();
            assert_eq!(Gtin::parse(&s).is_ok(), d == b'7', "{s}");
        }
    }

    #[test]
    fn bad_shapes() {
        assert!(matches!(Gtin::parse(""), Err(GtinError::Length { .. })));
        assert!(matches!(
            Gtin::parse("97803064061X"),
            Err(GtinError::NotDigits { .. })
        ));
        assert!(matches!(
            Gtin::parse("123456789"),
            Err(GtinError::Length { digits: 9, .. })
        ));
    }
}
