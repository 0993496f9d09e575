//! The closed sets of the customs API: clearance modes, product status,
//! platforms, order types, customs ports, declaration types and gender.
//!
//! Each reads its API spelling case-insensitively, writes the API spelling,
//! and serializes through that text.

use crate::macros::closed_enum;

closed_enum! {
    /// How goods clear China customs: the payload's `expressType`.
    ///
    /// - `CC`: personal postal or express articles (行邮), taxed with the
    ///   personal postal articles tax; used for samples.
    /// - `BC`: cross-border e-commerce retail import shipped directly
    ///   (customs supervision code 9610).
    /// - `BBC`: cross-border e-commerce retail import from bonded stock
    ///   (code 1210).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ClearanceMode;
    ///
    /// let mode: ClearanceMode = "bbc".parse()?;
    /// assert_eq!(mode, ClearanceMode::Bbc);
    /// assert_eq!(mode.to_string(), "BBC");
    /// assert!(mode.is_cross_border_ecommerce());
    /// assert_eq!(mode.supervision_code(), Some("1210"));
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum ClearanceMode("clearance mode") {
        /// Personal postal articles (行邮).
        Cc = "CC",
        /// Cross-border e-commerce retail import, direct shipping (9610).
        Bc = "BC",
        /// Cross-border e-commerce retail import, bonded stock (1210).
        Bbc = "BBC",
    }
}

impl ClearanceMode {
    /// Whether the mode is cross-border e-commerce retail import (BC or BBC),
    /// to which the ¥5,000 and ¥26,000 limits apply.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!crossborder::ClearanceMode::Cc.is_cross_border_ecommerce());
    /// ```
    pub const fn is_cross_border_ecommerce(self) -> bool {
        matches!(self, ClearanceMode::Bc | ClearanceMode::Bbc)
    }

    /// The China customs supervision code of the mode (9610 for BC, 1210 for
    /// BBC; CC has none).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::ClearanceMode::Bc.supervision_code(), Some("9610"));
    /// assert_eq!(crossborder::ClearanceMode::Cc.supervision_code(), None);
    /// ```
    pub const fn supervision_code(self) -> Option<&'static str> {
        match self {
            ClearanceMode::Cc => None,
            ClearanceMode::Bc => Some("9610"),
            ClearanceMode::Bbc => Some("1210"),
        }
    }

    /// The mode's name in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::ClearanceMode::Cc.name_zh(), "个人行邮");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            ClearanceMode::Cc => "个人行邮",
            ClearanceMode::Bc => "跨境电商直购进口",
            ClearanceMode::Bbc => "跨境电商保税进口",
        }
    }
}

closed_enum! {
    /// A product's `status` in the customs API (default `draft`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ProductStatus;
    ///
    /// assert_eq!("to_check".parse::<ProductStatus>()?, ProductStatus::ToCheck);
    /// assert_eq!(ProductStatus::default().as_str(), "draft");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[derive(Default)]
    pub enum ProductStatus("product status") {
        /// Not yet submitted (the default).
        #[default]
        Draft = "draft",
        /// Waiting for review.
        ToCheck = "to_check",
        /// Published.
        Published = "published",
        /// Deleted.
        Deleted = "deleted",
        /// Revoked.
        Revoked = "revoked",
    }
}

closed_enum! {
    /// The e-commerce platform of an order (`platformName`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Platform;
    ///
    /// assert_eq!("Douyin".parse::<Platform>()?, Platform::Douyin);
    /// assert_eq!(Platform::LittleRedBook.to_string(), "littleredbook");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[non_exhaustive]
    pub enum Platform("platform") {
        /// Pinduoduo (拼多多).
        Pdd = "pdd",
        /// Youzan (有赞).
        Youzan = "youzan",
        /// Xiaohongshu / Little Red Book (小红书).
        LittleRedBook = "littleredbook",
        /// Nomad.
        Nomad = "nomad",
        /// Douyin (抖音).
        Douyin = "douyin",
        /// Checkout.
        Checkout = "checkout",
    }
}

closed_enum! {
    /// An order's `orderType` (default `DEFAULT`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::OrderType;
    ///
    /// assert_eq!("supplier".parse::<OrderType>()?, OrderType::Supplier);
    /// assert_eq!(OrderType::default().as_str(), "DEFAULT");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[derive(Default)]
    pub enum OrderType("order type") {
        /// An ordinary order (the default).
        #[default]
        Default = "DEFAULT",
        /// A distributor's order.
        Distributor = "DISTRIBUTOR",
        /// A supplier's order.
        Supplier = "SUPPLIER",
    }
}

closed_enum! {
    /// The customs office a declaration goes to: an order's `customsCode`
    /// (default `SH`), the `{region}` of the API's paths, a callback's `region`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::CustomsPort;
    ///
    /// let port: CustomsPort = "hz".parse()?;
    /// assert_eq!(port, CustomsPort::Hz);
    /// assert_eq!(port.name_en(), "Hangzhou");
    /// assert_eq!(CustomsPort::default(), CustomsPort::Sh);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[derive(Default)]
    pub enum CustomsPort("customs port") {
        /// Zhengzhou Xinzheng comprehensive bonded zone.
        Zz = "ZZ",
        /// Guangzhou.
        Gz = "GZ",
        /// Hangzhou.
        Hz = "HZ",
        /// Shanghai (the default).
        #[default]
        Sh = "SH",
    }
}

impl CustomsPort {
    /// The port's name in English.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::CustomsPort::Gz.name_en(), "Guangzhou");
    /// ```
    pub const fn name_en(self) -> &'static str {
        match self {
            CustomsPort::Zz => "Zhengzhou Xinzheng bonded zone",
            CustomsPort::Gz => "Guangzhou",
            CustomsPort::Hz => "Hangzhou",
            CustomsPort::Sh => "Shanghai",
        }
    }

    /// The port's name in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::CustomsPort::Sh.name_zh(), "上海");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            CustomsPort::Zz => "郑州新郑综合保税区",
            CustomsPort::Gz => "广州",
            CustomsPort::Hz => "杭州",
            CustomsPort::Sh => "上海",
        }
    }
}

closed_enum! {
    /// What a declaration result (callback) is about: `declarationType`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::DeclarationType;
    ///
    /// assert_eq!("order".parse::<DeclarationType>()?, DeclarationType::Order);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum DeclarationType("declaration type") {
        /// An order declaration.
        Order = "order",
        /// A product declaration.
        Product = "product",
        /// A company filing.
        Company = "company",
        /// A brand filing.
        Brand = "brand",
    }
}

closed_enum! {
    /// A party's `gender`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Gender;
    ///
    /// assert_eq!("female".parse::<Gender>()?, Gender::Female);
    /// assert_eq!(Gender::Custom.to_string(), "Custom");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum Gender("gender") {
        /// Female.
        Female = "Female",
        /// Male.
        Male = "Male",
        /// Custom.
        Custom = "Custom",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T>(all: &[T])
    where
        T: Copy + std::fmt::Display + std::str::FromStr + PartialEq + std::fmt::Debug,
        T::Err: std::fmt::Debug,
    {
        for v in all {
            assert_eq!(v.to_string().parse::<T>().unwrap(), *v);
            assert_eq!(v.to_string().to_lowercase().parse::<T>().unwrap(), *v);
        }
    }

    #[test]
    fn every_enum_round_trips_through_text() {
        round_trip(ClearanceMode::ALL);
        round_trip(ProductStatus::ALL);
        round_trip(Platform::ALL);
        round_trip(OrderType::ALL);
        round_trip(CustomsPort::ALL);
        round_trip(DeclarationType::ALL);
        round_trip(Gender::ALL);
    }

    #[test]
    fn unknown_values_are_errors_that_quote_the_input() {
        let err = "taobao".parse::<Platform>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown platform \"taobao\": expected one of pdd, youzan, littleredbook, nomad, douyin, checkout"
        );
        assert!("".parse::<ClearanceMode>().is_err());
        assert!("B C".parse::<ClearanceMode>().is_err());
    }

    #[test]
    fn serde_uses_the_api_spelling() {
        assert_eq!(
            serde_json::to_string(&ProductStatus::ToCheck).unwrap(),
            "\"to_check\""
        );
        let p: CustomsPort = serde_json::from_str("\"gz\"").unwrap();
        assert_eq!(p, CustomsPort::Gz);
        assert!(serde_json::from_str::<CustomsPort>("\"BJ\"").is_err());
    }
}
