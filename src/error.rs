//! Error types shared by several value types.

use std::fmt;

/// The error for text that is none of a closed set's values (a clearance
/// mode, a product status, a platform, ...).
///
/// # Example
///
/// ```
/// use crossborder::ClearanceMode;
///
/// let err = "XB".parse::<ClearanceMode>().unwrap_err();
/// assert_eq!(err.kind(), "clearance mode");
/// assert_eq!(err.input(), "XB");
/// assert_eq!(err.to_string(), r#"unknown clearance mode "XB": expected one of CC, BC, BBC"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseEnumError {
    kind: &'static str,
    input: String,
    expected: &'static [&'static str],
}

impl ParseEnumError {
    pub(crate) fn new(kind: &'static str, input: &str, expected: &'static [&'static str]) -> Self {
        ParseEnumError {
            kind,
            input: input.to_owned(),
            expected,
        }
    }

    /// What was being read, in words ("clearance mode").
    ///
    /// # Example
    ///
    /// ```
    /// let err = "x".parse::<crossborder::Gender>().unwrap_err();
    /// assert_eq!(err.kind(), "gender");
    /// ```
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The text that did not match.
    ///
    /// # Example
    ///
    /// ```
    /// let err = "x".parse::<crossborder::Gender>().unwrap_err();
    /// assert_eq!(err.input(), "x");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The values that would have matched, in the API's spelling.
    ///
    /// # Example
    ///
    /// ```
    /// let err = "x".parse::<crossborder::Gender>().unwrap_err();
    /// assert_eq!(err.expected(), ["Female", "Male", "Custom"]);
    /// ```
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl ParseEnumError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = "XB".parse::<crossborder::ClearanceMode>().unwrap_err();
    /// assert_eq!(err.message_zh(), "未知的清关模式 \"XB\"：应为 CC、BC、BBC 之一");
    /// ```
    pub fn message_zh(&self) -> String {
        let kind = match self.kind {
            "clearance mode" => "清关模式",
            "product status" => "商品状态",
            "platform" => "平台",
            "order type" => "订单类型",
            "customs port" => "海关口岸",
            "declaration type" => "申报类型",
            "gender" => "性别",
            "mass unit" => "重量单位",
            "length unit" => "长度单位",
            "severity" => "严重程度",
            "quantity unit" => "计量单位",
            "tax basis" => "计税方式",
            other => other,
        };
        format!(
            "未知的{kind} {:?}：应为 {} 之一",
            crate::echo(&self.input),
            self.expected.join("、")
        )
    }
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?}: expected one of {}",
            self.kind,
            crate::echo(&self.input),
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for ParseEnumError {}

/// A parse error that also says what is wrong in Chinese: every format error
/// the wire-to-domain conversion reports. Each type keeps its inherent
/// `message_zh`, documented with it; this trait lets the conversion treat
/// them alike.
pub(crate) trait Bilingual: fmt::Display {
    /// The message in Chinese.
    fn message_zh(&self) -> String;
}

macro_rules! bilingual {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl Bilingual for $ty {
                fn message_zh(&self) -> String {
                    <$ty>::message_zh(self)
                }
            }
        )+
    };
}

bilingual!(
    ParseEnumError,
    crate::HsCodeError,
    crate::CurrencyError,
    crate::CountryError,
    crate::TimestampError,
    crate::MeasureError,
    crate::wire::NumberError,
    crate::EoriError,
    crate::IossNumberError,
    crate::UkVatNumberError,
    crate::ArnError,
    crate::AbnError,
    crate::SgGstNumberError,
);
