//! [`HsEdition`], [`Jurisdiction`] and [`TradeFlow`]: which nomenclature, and
//! how long a national code must be.

use super::HsCode;
use crate::macros::closed_enum;
use crate::{Code, JsonPointer, Severity, Violation};

closed_enum! {
    /// An edition of the Harmonized System. HS 2022 is in force (the default);
    /// HS 2017 is kept for declarations still written against it.
    ///
    /// Reads `2022`, `HS2022`, `HS 2022`, `H6` (and the same for 2017), in
    /// any case; writes the year.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsEdition;
    ///
    /// assert_eq!("HS2017".parse::<HsEdition>()?, HsEdition::Hs2017);
    /// assert_eq!(HsEdition::default(), HsEdition::Hs2022);
    /// assert_eq!(HsEdition::Hs2022.to_string(), "2022");
    /// assert_eq!(HsEdition::Hs2022.label(), "HS 2022");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[derive(Default)]
    pub enum HsEdition("hs edition") {
        /// HS 2017 (UN Comtrade H5), in force 2017-2021.
        Hs2017 = "2017" | "HS2017" | "HS 2017" | "HS-2017" | "H5",
        /// HS 2022 (UN Comtrade H6), in force since 1 January 2022 (the default).
        #[default]
        Hs2022 = "2022" | "HS2022" | "HS 2022" | "HS-2022" | "H6",
    }
}

/// HS 2022 entered into force on 1 January 2022 (WCO).
const HS2022_IN_FORCE: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2022, 1, 1) {
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};

impl HsEdition {
    /// The edition's name for messages: `"HS 2022"`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::HsEdition::Hs2017.label(), "HS 2017");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            HsEdition::Hs2017 => "HS 2017",
            HsEdition::Hs2022 => "HS 2022",
        }
    }

    /// The edition in force on a date: HS 2022 from 2022-01-01, HS 2017
    /// before (the crate has no older edition, so dates before 2017 also get
    /// HS 2017).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::HsEdition;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(HsEdition::in_force_on(d(2021, 12, 31)), HsEdition::Hs2017);
    /// assert_eq!(HsEdition::in_force_on(d(2022, 1, 1)), HsEdition::Hs2022);
    /// ```
    pub fn in_force_on(date: chrono::NaiveDate) -> HsEdition {
        if date >= HS2022_IN_FORCE {
            HsEdition::Hs2022
        } else {
            HsEdition::Hs2017
        }
    }

    /// The other edition built into the crate.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsEdition;
    /// assert_eq!(HsEdition::Hs2022.other(), HsEdition::Hs2017);
    /// ```
    pub const fn other(self) -> HsEdition {
        match self {
            HsEdition::Hs2017 => HsEdition::Hs2022,
            HsEdition::Hs2022 => HsEdition::Hs2017,
        }
    }
}

closed_enum! {
    /// A customs territory whose tariff extends the 6-digit HS code with
    /// national digits. Together with a [`TradeFlow`] it says how many digits
    /// a declared code must have (see [`Jurisdiction::code_length`]).
    ///
    /// Reads `CN`/`China`/`中国`, `US`/`USA`/`United States`/`美国`,
    /// `EU`/`European Union`/`欧盟`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, Jurisdiction, TradeFlow};
    ///
    /// let code = HsCode::parse("8518300000")?;
    /// assert!(Jurisdiction::China.accepts(&code, TradeFlow::Export));
    /// assert!(!Jurisdiction::China.accepts(&code, TradeFlow::Import)); // 13 digits there
    /// assert_eq!("eu".parse::<Jurisdiction>()?, Jurisdiction::EuropeanUnion);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Jurisdiction("jurisdiction") {
        /// China: the 10-digit tariff code (税则号列); import declarations add
        /// the 3 inspection digits (检验检疫编码), 13 in all.
        China = "CN" | "CHN" | "China" | "中国",
        /// United States: the 10-digit HTS (imports) or Schedule B (exports)
        /// number.
        UnitedStates = "US" | "USA" | "United States" | "美国",
        /// European Union: the 8-digit Combined Nomenclature (exports), the
        /// 10-digit TARIC code (imports).
        EuropeanUnion = "EU" | "European Union" | "欧盟",
    }
}

closed_enum! {
    /// Which way the goods cross the jurisdiction's border: the declaration a
    /// code is written on. It decides the code length where the jurisdiction
    /// uses different tariffs for the two (China, European Union).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Jurisdiction, TradeFlow};
    /// assert_eq!(Jurisdiction::EuropeanUnion.code_length(TradeFlow::Export), 8);
    /// assert_eq!("import".parse::<TradeFlow>()?, TradeFlow::Import);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum TradeFlow("trade flow") {
        /// An export declaration (goods leaving the jurisdiction).
        Export = "export" | "出口",
        /// An import declaration (goods entering the jurisdiction).
        Import = "import" | "进口",
    }
}

impl Jurisdiction {
    /// How many digits a code must have on a declaration of this flow:
    /// China 10 (export) or 13 (import); United States 10; European Union 8
    /// (CN, export) or 10 (TARIC, import).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Jurisdiction, TradeFlow};
    /// assert_eq!(Jurisdiction::China.code_length(TradeFlow::Import), 13);
    /// assert_eq!(Jurisdiction::China.code_length(TradeFlow::Export), 10);
    /// assert_eq!(Jurisdiction::UnitedStates.code_length(TradeFlow::Import), 10);
    /// assert_eq!(Jurisdiction::EuropeanUnion.code_length(TradeFlow::Import), 10);
    /// ```
    pub const fn code_length(self, flow: TradeFlow) -> usize {
        match (self, flow) {
            (Jurisdiction::China, TradeFlow::Import) => 13,
            (Jurisdiction::China, TradeFlow::Export) => 10,
            (Jurisdiction::UnitedStates, _) => 10,
            (Jurisdiction::EuropeanUnion, TradeFlow::Export) => 8,
            (Jurisdiction::EuropeanUnion, TradeFlow::Import) => 10,
        }
    }

    /// The tariff's name, for messages (`"China import declaration code"`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Jurisdiction, TradeFlow};
    /// assert_eq!(Jurisdiction::EuropeanUnion.tariff_name(TradeFlow::Import), "EU TARIC code");
    /// ```
    pub const fn tariff_name(self, flow: TradeFlow) -> &'static str {
        match (self, flow) {
            (Jurisdiction::China, TradeFlow::Import) => "China import declaration code",
            (Jurisdiction::China, TradeFlow::Export) => "China tariff code",
            (Jurisdiction::UnitedStates, TradeFlow::Import) => "US HTS code",
            (Jurisdiction::UnitedStates, TradeFlow::Export) => "US Schedule B code",
            (Jurisdiction::EuropeanUnion, TradeFlow::Export) => "EU Combined Nomenclature code",
            (Jurisdiction::EuropeanUnion, TradeFlow::Import) => "EU TARIC code",
        }
    }

    const fn tariff_name_zh(self, flow: TradeFlow) -> &'static str {
        match (self, flow) {
            (Jurisdiction::China, TradeFlow::Import) => "中国进口报关商品编码",
            (Jurisdiction::China, TradeFlow::Export) => "中国税则号列",
            (Jurisdiction::UnitedStates, TradeFlow::Import) => "美国 HTS 编码",
            (Jurisdiction::UnitedStates, TradeFlow::Export) => "美国 Schedule B 编码",
            (Jurisdiction::EuropeanUnion, TradeFlow::Export) => "欧盟 CN 编码",
            (Jurisdiction::EuropeanUnion, TradeFlow::Import) => "欧盟 TARIC 编码",
        }
    }

    /// Whether the code has the length this jurisdiction wants on a
    /// declaration of this flow. Only the length: whether its first six digits
    /// exist is [`check`](crate::hs::check)'s question.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, Jurisdiction, TradeFlow};
    /// let code = HsCode::parse("8518300000123")?;
    /// assert!(Jurisdiction::China.accepts(&code, TradeFlow::Import));
    /// assert!(!Jurisdiction::UnitedStates.accepts(&code, TradeFlow::Import));
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn accepts(self, code: &HsCode, flow: TradeFlow) -> bool {
        code.len() == self.code_length(flow)
    }

    /// Checks the code's length for a declaration of this flow.
    ///
    /// # Errors
    ///
    /// [`CodeLengthError`] when the code does not have
    /// [`code_length`](Jurisdiction::code_length) digits.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, Jurisdiction, TradeFlow};
    /// let code = HsCode::parse("85183000")?;
    /// let err = Jurisdiction::China.check_length(&code, TradeFlow::Import).unwrap_err();
    /// assert_eq!(err.expected(), 13);
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"hs code "85183000" has 8 digits, a China import declaration code has 13"#
    /// );
    /// assert!(Jurisdiction::EuropeanUnion.check_length(&code, TradeFlow::Export).is_ok());
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn check_length(self, code: &HsCode, flow: TradeFlow) -> Result<(), CodeLengthError> {
        if self.accepts(code, flow) {
            Ok(())
        } else {
            Err(CodeLengthError {
                code: *code,
                jurisdiction: self,
                flow,
            })
        }
    }
}

/// A code whose length is wrong for the jurisdiction and trade flow.
///
/// # Example
///
/// ```
/// use crossborder::{HsCode, Jurisdiction, TradeFlow};
/// let code = HsCode::parse("851830")?;
/// let err = Jurisdiction::UnitedStates.check_length(&code, TradeFlow::Import).unwrap_err();
/// assert_eq!(err.code(), code);
/// assert_eq!(err.message_zh(), "HS 编码 \"851830\" 为 6 位，美国 HTS 编码应为 10 位");
/// # Ok::<(), crossborder::HsCodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("hs code \"{code}\" has {} digits, a {} has {}", code.len(), jurisdiction.tariff_name(*flow), jurisdiction.code_length(*flow))]
pub struct CodeLengthError {
    code: HsCode,
    jurisdiction: Jurisdiction,
    flow: TradeFlow,
}

impl CodeLengthError {
    /// The code given.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, TradeFlow};
    /// let code = HsCode::parse("851830")?;
    /// let err = Jurisdiction::China.check_length(&code, TradeFlow::Export).unwrap_err();
    /// assert_eq!(err.code().as_str(), "851830");
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn code(&self) -> HsCode {
        self.code
    }

    /// The jurisdiction asked about.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, TradeFlow};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, TradeFlow::Export).unwrap_err();
    /// assert_eq!(err.jurisdiction(), Jurisdiction::China);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn jurisdiction(&self) -> Jurisdiction {
        self.jurisdiction
    }

    /// The trade flow asked about.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, TradeFlow};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, TradeFlow::Export).unwrap_err();
    /// assert_eq!(err.flow(), TradeFlow::Export);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn flow(&self) -> TradeFlow {
        self.flow
    }

    /// How many digits were expected.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, TradeFlow};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, TradeFlow::Export).unwrap_err();
    /// assert_eq!(err.expected(), 10);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn expected(&self) -> usize {
        self.jurisdiction.code_length(self.flow)
    }

    /// The message in English (the same as `Display`).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, TradeFlow};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, TradeFlow::Export).unwrap_err();
    /// assert_eq!(err.message_en(), r#"hs code "851830" has 6 digits, a China tariff code has 10"#);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, TradeFlow};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, TradeFlow::Import).unwrap_err();
    /// assert_eq!(err.message_zh(), "HS 编码 \"851830\" 为 6 位，中国进口报关商品编码应为 13 位");
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn message_zh(&self) -> String {
        format!(
            "HS 编码 \"{}\" 为 {} 位，{}应为 {} 位",
            self.code,
            self.code.len(),
            self.jurisdiction.tariff_name_zh(self.flow),
            self.expected()
        )
    }

    /// The violation to report at `path`: [`Code::HS_CODE_LENGTH`], severity
    /// error, the code as its value, both messages.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, JsonPointer, Jurisdiction, Severity, TradeFlow};
    /// let err = Jurisdiction::China
    ///     .check_length(&HsCode::parse("8518300000")?, TradeFlow::Import)
    ///     .unwrap_err();
    /// let v = err.violation(JsonPointer::root().field("hsCode"));
    /// assert_eq!(v.code().as_str(), "hs_code.length");
    /// assert_eq!(v.severity(), Severity::Error);
    /// assert_eq!(v.value(), Some("8518300000"));
    /// assert_eq!(v.pointer().as_str(), "/hsCode");
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn violation(&self, path: JsonPointer) -> Violation {
        Violation::new(
            Code::HS_CODE_LENGTH,
            Severity::Error,
            path,
            self.message_en(),
            self.message_zh(),
        )
        .with_value(self.code.as_str())
    }
}
