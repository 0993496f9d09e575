//! [`CustomsUnit`]: China customs units of measurement (海关计量单位代码).

use std::fmt;
use std::str::FromStr;

use crate::wire::text::TrimFast;

/// The China customs units of measurement: (code, Chinese name).
const UNITS: &[(&str, &str)] = &[
    ("001", "台"),
    ("002", "座"),
    ("003", "辆"),
    ("004", "艘"),
    ("005", "架"),
    ("006", "套"),
    ("007", "个"),
    ("008", "只"),
    ("009", "头"),
    ("010", "张"),
    ("011", "件"),
    ("012", "支"),
    ("013", "枝"),
    ("014", "根"),
    ("015", "条"),
    ("016", "把"),
    ("017", "块"),
    ("018", "卷"),
    ("019", "副"),
    ("020", "片"),
    ("021", "组"),
    ("022", "份"),
    ("023", "幅"),
    ("025", "双"),
    ("026", "对"),
    ("027", "棵"),
    ("028", "株"),
    ("029", "井"),
    ("030", "米"),
    ("031", "盘"),
    ("032", "平方米"),
    ("033", "立方米"),
    ("034", "筒"),
    ("035", "千克"),
    ("036", "克"),
    ("037", "盆"),
    ("038", "万个"),
    ("039", "具"),
    ("040", "百副"),
    ("041", "百支"),
    ("042", "百把"),
    ("043", "百个"),
    ("044", "百片"),
    ("045", "刀"),
    ("046", "疋"),
    ("047", "公担"),
    ("048", "扇"),
    ("049", "百枝"),
    ("050", "千只"),
    ("051", "千块"),
    ("052", "千盒"),
    ("053", "千枝"),
    ("054", "千个"),
    ("055", "亿支"),
    ("056", "亿个"),
    ("057", "万套"),
    ("058", "千张"),
    ("059", "万张"),
    ("060", "千伏安"),
    ("061", "千瓦"),
    ("062", "千瓦时"),
    ("063", "千升"),
    ("067", "英尺"),
    ("070", "吨"),
    ("071", "长吨"),
    ("072", "短吨"),
    ("073", "司马担"),
    ("074", "司马斤"),
    ("075", "斤"),
    ("076", "磅"),
    ("077", "担"),
    ("078", "英担"),
    ("079", "短担"),
    ("080", "两"),
    ("081", "市担"),
    ("083", "盎司"),
    ("084", "克拉"),
    ("085", "市尺"),
    ("086", "码"),
    ("088", "英寸"),
    ("089", "寸"),
    ("095", "升"),
    ("096", "毫升"),
    ("097", "英加仑"),
    ("098", "美加仑"),
    ("099", "立方英尺"),
    ("101", "立方尺"),
    ("110", "平方码"),
    ("111", "平方英尺"),
    ("112", "平方尺"),
    ("115", "英制马力"),
    ("116", "公制马力"),
    ("118", "令"),
    ("120", "箱"),
    ("121", "批"),
    ("122", "罐"),
    ("123", "桶"),
    ("124", "扎"),
    ("125", "包"),
    ("126", "箩"),
    ("127", "打"),
    ("128", "筐"),
    ("129", "罗"),
    ("130", "匹"),
    ("131", "册"),
    ("132", "本"),
    ("133", "发"),
    ("134", "枚"),
    ("135", "捆"),
    ("136", "袋"),
    ("139", "粒"),
    ("140", "盒"),
    ("141", "合"),
    ("142", "瓶"),
    ("143", "千支"),
    ("144", "万双"),
    ("145", "万粒"),
    ("146", "千粒"),
    ("147", "千米"),
    ("148", "千英尺"),
    ("149", "百万贝可"),
    ("163", "部"),
];

/// Index of [`UNITS`] by numeric code, plus one (0: no such code), built at
/// compile time.
const BY_CODE: [u8; 1000] = {
    let mut table = [0u8; 1000];
    let mut i = 0;
    while i < UNITS.len() {
        let b = UNITS[i].0.as_bytes();
        let n = (b[0] - b'0') as usize * 100 + (b[1] - b'0') as usize * 10 + (b[2] - b'0') as usize;
        table[n] = (i + 1) as u8;
        i += 1;
    }
    table
};

/// A China customs unit of measurement, read from its three-digit code
/// (`011`) or its Chinese name (`件`), as the API's `customsUnitCode` fields
/// allow. The text form is the code.
///
/// Source: the GAC customs unit code table (海关计量单位代码表), as used in
/// customs declarations.
///
/// # Example
///
/// ```
/// use crossborder::CustomsUnit;
///
/// let u: CustomsUnit = "件".parse()?;
/// assert_eq!(u.code(), "011");
/// assert_eq!(u.name_zh(), "件");
/// assert_eq!("035".parse::<CustomsUnit>()?.name_zh(), "千克");
/// assert!("999".parse::<CustomsUnit>().is_err());
/// # Ok::<(), crossborder::CustomsUnitError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomsUnit(u8);

/// The error for text that is no China customs unit.
///
/// # Example
///
/// ```
/// let err = "pcs".parse::<crossborder::CustomsUnit>().unwrap_err();
/// assert_eq!(err.input(), "pcs");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown customs unit {input:?}: expected a China customs unit code such as 011 or its Chinese name such as 件", input = crate::echo(.0)
)]
pub struct CustomsUnitError(String);

impl CustomsUnitError {
    /// The text given.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!("?".parse::<crossborder::CustomsUnit>().unwrap_err().input(), "?");
    /// ```
    pub fn input(&self) -> &str {
        &self.0
    }

    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = "pcs".parse::<crossborder::CustomsUnit>().unwrap_err();
    /// assert!(err.message_zh().starts_with("未知的海关计量单位"));
    /// ```
    pub fn message_zh(&self) -> String {
        format!(
            "未知的海关计量单位 {:?}：应为海关计量单位代码（如 011）或中文名称（如 件）",
            crate::echo(&self.0)
        )
    }
}

impl CustomsUnit {
    /// Reads a unit from its code or Chinese name.
    ///
    /// # Errors
    ///
    /// [`CustomsUnitError`] when the text is neither.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::CustomsUnit::parse(" 双 ")?.code(), "025");
    /// # Ok::<(), crossborder::CustomsUnitError>(())
    /// ```
    pub fn parse(text: &str) -> Result<CustomsUnit, CustomsUnitError> {
        let t = text.trim_fast();
        // Codes, the common case, by direct index; names by a scan.
        if let [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] = *t.as_bytes() {
            let n =
                usize::from(a - b'0') * 100 + usize::from(b - b'0') * 10 + usize::from(c - b'0');
            return match BY_CODE.get(n).copied() {
                Some(slot) if slot > 0 => Ok(CustomsUnit(slot - 1)),
                _ => Err(CustomsUnitError(text.to_owned())),
            };
        }
        UNITS
            .iter()
            .position(|(code, name)| *code == t || *name == t)
            .and_then(|i| u8::try_from(i).ok())
            .map(CustomsUnit)
            .ok_or_else(|| CustomsUnitError(text.to_owned()))
    }

    fn entry(self) -> (&'static str, &'static str) {
        UNITS.get(usize::from(self.0)).copied().unwrap_or(("", ""))
    }

    /// The three-digit code.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::CustomsUnit::parse("千克")?.code(), "035");
    /// # Ok::<(), crossborder::CustomsUnitError>(())
    /// ```
    pub fn code(self) -> &'static str {
        self.entry().0
    }

    /// The Chinese name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::CustomsUnit::parse("142")?.name_zh(), "瓶");
    /// # Ok::<(), crossborder::CustomsUnitError>(())
    /// ```
    pub fn name_zh(self) -> &'static str {
        self.entry().1
    }
}

impl fmt::Display for CustomsUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for CustomsUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CustomsUnit({} {})", self.code(), self.name_zh())
    }
}

impl FromStr for CustomsUnit {
    type Err = CustomsUnitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CustomsUnit::parse(s)
    }
}

crate::macros::serde_via_str!(CustomsUnit);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_round_trip() {
        for (i, (code, name)) in UNITS.iter().enumerate() {
            let u = CustomsUnit::parse(code).unwrap();
            assert_eq!(usize::from(u.0), i);
            assert_eq!(CustomsUnit::parse(name).unwrap(), u, "{name}");
            assert_eq!(u.to_string().parse::<CustomsUnit>().unwrap(), u);
        }
        assert!(UNITS.len() < 256);
    }

    #[test]
    fn the_common_e_commerce_units() {
        for (code, name) in [
            ("006", "套"),
            ("007", "个"),
            ("011", "件"),
            ("025", "双"),
            ("035", "千克"),
            ("140", "盒"),
            ("142", "瓶"),
        ] {
            assert_eq!(CustomsUnit::parse(code).unwrap().name_zh(), name);
        }
        for bad in ["", "11", "0111", "024", "pcs", "PCS"] {
            assert!(CustomsUnit::parse(bad).is_err(), "{bad}");
        }
    }
}
