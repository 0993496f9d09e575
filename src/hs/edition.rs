//! [`HsEdition`], [`Jurisdiction`] and [`DeclarationForm`]: which
//! nomenclature, and how long a national code must be on which form.

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
    /// national digits. Together with a [`DeclarationForm`] it says how many
    /// digits a declared code must have (see [`Jurisdiction::code_length`]).
    ///
    /// Reads `CN`/`China`/`中国`, `US`/`USA`/`United States`/`美国`,
    /// `EU`/`European Union`/`欧盟`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{DeclarationForm, HsCode, Jurisdiction};
    ///
    /// let code = HsCode::parse("8518300000")?;
    /// // China's cross-border e-commerce documents carry 10 digits ...
    /// assert!(Jurisdiction::China.accepts(&code, DeclarationForm::CrossBorderEcommerce));
    /// // ... the general-trade customs declaration form (报关单) 13.
    /// assert!(!Jurisdiction::China.accepts(&code, DeclarationForm::ImportDeclaration));
    /// assert_eq!("eu".parse::<Jurisdiction>()?, Jurisdiction::EuropeanUnion);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Jurisdiction("jurisdiction") {
        /// China: the 10-digit commodity code (商品编码: 8 tariff digits and 2
        /// statistical ones) on cross-border e-commerce documents; the
        /// general-trade customs declaration form (报关单) adds the 3
        /// inspection digits (检验检疫附加编号), 13 in all, since 2018-08-01.
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
    /// The document a code is written on. With a [`Jurisdiction`] it decides
    /// how many digits the code has: the direction matters in the European
    /// Union and the United States, the form in China.
    ///
    /// | form | China | United States | European Union |
    /// | --- | --- | --- | --- |
    /// | [`ImportDeclaration`](DeclarationForm::ImportDeclaration) | 13 (进口报关单) | 10 (HTS) | 10 (TARIC) |
    /// | [`ExportDeclaration`](DeclarationForm::ExportDeclaration) | 13 (出口报关单) | 10 (Schedule B) | 8 (CN) |
    /// | [`CrossBorderEcommerce`](DeclarationForm::CrossBorderEcommerce) | 10 | 10 (HTS) | 10 (TARIC) |
    ///
    /// Reads its snake_case name or the Chinese name of the form
    /// (`进口报关单`, `出口报关单`, `跨境电商`); writes the snake_case name.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{DeclarationForm, Jurisdiction};
    /// let cbec = DeclarationForm::CrossBorderEcommerce;
    /// assert_eq!(Jurisdiction::China.code_length(cbec), 10);
    /// assert_eq!(Jurisdiction::China.code_length(DeclarationForm::ImportDeclaration), 13);
    /// assert_eq!(Jurisdiction::EuropeanUnion.code_length(DeclarationForm::ExportDeclaration), 8);
    /// assert_eq!("跨境电商".parse::<DeclarationForm>()?, cbec);
    /// assert_eq!(cbec.to_string(), "cross_border_ecommerce");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum DeclarationForm("declaration form") {
        /// A general-trade import declaration: China's customs declaration
        /// form (进口报关单), a US entry, an EU import declaration.
        ImportDeclaration = "import_declaration" | "进口报关单",
        /// A general-trade export declaration: China's customs declaration
        /// form (出口报关单), the US Electronic Export Information, an EU
        /// export declaration.
        ExportDeclaration = "export_declaration" | "出口报关单",
        /// A cross-border e-commerce retail document. In China (customs
        /// supervision codes 9610, 1210, 1239): the product registration, the
        /// order, the inventory list (申报清单) and the customs API's `hsCode`,
        /// all 10 digits, never 13, whether the goods come in or go out. The
        /// crate models no separate length for the United States and the
        /// European Union: there it is their import declaration's (the EU's
        /// reduced H7 data set for low-value consignments asks only for the
        /// 6-digit subheading; check that case yourself).
        CrossBorderEcommerce = "cross_border_ecommerce" | "cbec" | "跨境电商" | "跨境电子商务",
    }
}

impl Jurisdiction {
    /// How many digits a code must have on this form: see the table at
    /// [`DeclarationForm`]. China 13 on the general-trade customs declaration
    /// form (import or export, since 2018-08-01) and 10 on cross-border
    /// e-commerce documents; United States 10; European Union 8 (CN, export)
    /// or 10 (TARIC, import).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{DeclarationForm, Jurisdiction};
    /// assert_eq!(Jurisdiction::China.code_length(DeclarationForm::ImportDeclaration), 13);
    /// assert_eq!(Jurisdiction::China.code_length(DeclarationForm::ExportDeclaration), 13);
    /// assert_eq!(Jurisdiction::China.code_length(DeclarationForm::CrossBorderEcommerce), 10);
    /// assert_eq!(Jurisdiction::UnitedStates.code_length(DeclarationForm::ImportDeclaration), 10);
    /// assert_eq!(Jurisdiction::EuropeanUnion.code_length(DeclarationForm::ImportDeclaration), 10);
    /// ```
    pub const fn code_length(self, form: DeclarationForm) -> usize {
        use DeclarationForm as F;
        match (self, form) {
            (Jurisdiction::China, F::ImportDeclaration | F::ExportDeclaration) => 13,
            (Jurisdiction::China, F::CrossBorderEcommerce) => 10,
            (Jurisdiction::UnitedStates, _) => 10,
            (Jurisdiction::EuropeanUnion, F::ExportDeclaration) => 8,
            (Jurisdiction::EuropeanUnion, F::ImportDeclaration | F::CrossBorderEcommerce) => 10,
        }
    }

    /// The code's name on this form, for messages (`"China customs
    /// declaration code"`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{DeclarationForm, Jurisdiction};
    /// assert_eq!(Jurisdiction::EuropeanUnion.tariff_name(DeclarationForm::ImportDeclaration), "EU TARIC code");
    /// assert_eq!(
    ///     Jurisdiction::China.tariff_name(DeclarationForm::CrossBorderEcommerce),
    ///     "China cross-border e-commerce commodity code"
    /// );
    /// ```
    pub const fn tariff_name(self, form: DeclarationForm) -> &'static str {
        use DeclarationForm as F;
        match (self, form) {
            (Jurisdiction::China, F::ImportDeclaration | F::ExportDeclaration) => {
                "China customs declaration code"
            }
            (Jurisdiction::China, F::CrossBorderEcommerce) => {
                "China cross-border e-commerce commodity code"
            }
            (Jurisdiction::UnitedStates, F::ImportDeclaration | F::CrossBorderEcommerce) => {
                "US HTS code"
            }
            (Jurisdiction::UnitedStates, F::ExportDeclaration) => "US Schedule B code",
            (Jurisdiction::EuropeanUnion, F::ExportDeclaration) => "EU Combined Nomenclature code",
            (Jurisdiction::EuropeanUnion, F::ImportDeclaration | F::CrossBorderEcommerce) => {
                "EU TARIC code"
            }
        }
    }

    const fn tariff_name_zh(self, form: DeclarationForm) -> &'static str {
        use DeclarationForm as F;
        match (self, form) {
            (Jurisdiction::China, F::ImportDeclaration | F::ExportDeclaration) => {
                "中国报关单商品编号"
            }
            (Jurisdiction::China, F::CrossBorderEcommerce) => "中国跨境电商商品编码",
            (Jurisdiction::UnitedStates, F::ImportDeclaration | F::CrossBorderEcommerce) => {
                "美国 HTS 编码"
            }
            (Jurisdiction::UnitedStates, F::ExportDeclaration) => "美国 Schedule B 编码",
            (Jurisdiction::EuropeanUnion, F::ExportDeclaration) => "欧盟 CN 编码",
            (Jurisdiction::EuropeanUnion, F::ImportDeclaration | F::CrossBorderEcommerce) => {
                "欧盟 TARIC 编码"
            }
        }
    }

    /// Whether the code has the length this jurisdiction wants on this form.
    /// Only the length: whether its first six digits exist is
    /// [`check`](crate::hs::check)'s question.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{DeclarationForm, HsCode, Jurisdiction};
    /// let code = HsCode::parse("8518300000123")?;
    /// assert!(Jurisdiction::China.accepts(&code, DeclarationForm::ImportDeclaration));
    /// assert!(!Jurisdiction::China.accepts(&code, DeclarationForm::CrossBorderEcommerce));
    /// assert!(!Jurisdiction::UnitedStates.accepts(&code, DeclarationForm::ImportDeclaration));
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn accepts(self, code: &HsCode, form: DeclarationForm) -> bool {
        code.len() == self.code_length(form)
    }

    /// Checks the code's length for this form.
    ///
    /// # Errors
    ///
    /// [`CodeLengthError`] when the code does not have
    /// [`code_length`](Jurisdiction::code_length) digits.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{DeclarationForm, HsCode, Jurisdiction};
    /// let code = HsCode::parse("8518300000101")?;
    /// let err = Jurisdiction::China
    ///     .check_length(&code, DeclarationForm::CrossBorderEcommerce)
    ///     .unwrap_err();
    /// assert_eq!(err.expected(), 10);
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"hs code "8518300000101" has 13 digits, a China cross-border e-commerce commodity code has 10"#
    /// );
    /// assert!(Jurisdiction::China.check_length(&code, DeclarationForm::ImportDeclaration).is_ok());
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn check_length(self, code: &HsCode, form: DeclarationForm) -> Result<(), CodeLengthError> {
        if self.accepts(code, form) {
            Ok(())
        } else {
            Err(CodeLengthError {
                code: *code,
                jurisdiction: self,
                form,
            })
        }
    }
}

/// A code whose length is wrong for the jurisdiction and declaration form.
///
/// # Example
///
/// ```
/// use crossborder::{HsCode, Jurisdiction, DeclarationForm};
/// let code = HsCode::parse("851830")?;
/// let err = Jurisdiction::UnitedStates.check_length(&code, DeclarationForm::ImportDeclaration).unwrap_err();
/// assert_eq!(err.code(), code);
/// assert_eq!(err.message_zh(), "HS 编码 \"851830\" 为 6 位，美国 HTS 编码应为 10 位");
/// # Ok::<(), crossborder::HsCodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("hs code \"{code}\" has {} digits, a {} has {}", code.len(), jurisdiction.tariff_name(*form), jurisdiction.code_length(*form))]
pub struct CodeLengthError {
    code: HsCode,
    jurisdiction: Jurisdiction,
    form: DeclarationForm,
}

impl CodeLengthError {
    /// The code given.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, DeclarationForm};
    /// let code = HsCode::parse("851830")?;
    /// let err = Jurisdiction::China.check_length(&code, DeclarationForm::CrossBorderEcommerce).unwrap_err();
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
    /// # use crossborder::{HsCode, Jurisdiction, DeclarationForm};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, DeclarationForm::CrossBorderEcommerce).unwrap_err();
    /// assert_eq!(err.jurisdiction(), Jurisdiction::China);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn jurisdiction(&self) -> Jurisdiction {
        self.jurisdiction
    }

    /// The declaration form asked about.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, DeclarationForm};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, DeclarationForm::CrossBorderEcommerce).unwrap_err();
    /// assert_eq!(err.form(), DeclarationForm::CrossBorderEcommerce);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn form(&self) -> DeclarationForm {
        self.form
    }

    /// How many digits were expected.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, DeclarationForm};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, DeclarationForm::CrossBorderEcommerce).unwrap_err();
    /// assert_eq!(err.expected(), 10);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn expected(&self) -> usize {
        self.jurisdiction.code_length(self.form)
    }

    /// The message in English (the same as `Display`).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{HsCode, Jurisdiction, DeclarationForm};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, DeclarationForm::CrossBorderEcommerce).unwrap_err();
    /// assert_eq!(err.message_en(), r#"hs code "851830" has 6 digits, a China cross-border e-commerce commodity code has 10"#);
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
    /// # use crossborder::{HsCode, Jurisdiction, DeclarationForm};
    /// let err = Jurisdiction::China.check_length(&HsCode::parse("851830")?, DeclarationForm::ImportDeclaration).unwrap_err();
    /// assert_eq!(err.message_zh(), "HS 编码 \"851830\" 为 6 位，中国报关单商品编号应为 13 位");
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn message_zh(&self) -> String {
        format!(
            "HS 编码 \"{}\" 为 {} 位，{}应为 {} 位",
            self.code,
            self.code.len(),
            self.jurisdiction.tariff_name_zh(self.form),
            self.expected()
        )
    }

    /// The violation to report at `path`: [`Code::HS_CODE_LENGTH`], severity
    /// error, the code as its value, both messages.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, JsonPointer, Jurisdiction, Severity, DeclarationForm};
    /// let err = Jurisdiction::China
    ///     .check_length(&HsCode::parse("8518300000")?, DeclarationForm::ImportDeclaration)
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
