//! Restriction classes and the product attributes and kinds that lead to them.

use crate::macros::closed_enum;

closed_enum! {
    /// Which of the three kinds of restriction of Amazon's FBA Export page a
    /// class belongs to.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::RestrictionKind;
    /// assert_eq!("import".parse::<RestrictionKind>()?, RestrictionKind::Import);
    /// assert_eq!(RestrictionKind::Transport.name_zh(), "运输限制");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum RestrictionKind("restriction kind") {
        /// The source country forbids the export, for every destination.
        Export = "export",
        /// The destination forbids the import, country by country.
        Import = "import",
        /// The goods cannot travel (size, dangerous goods, batteries, used oil).
        Transport = "transport",
    }
}

impl RestrictionKind {
    /// English name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::RestrictionKind::Export.name_en(), "export restriction");
    /// ```
    pub const fn name_en(self) -> &'static str {
        match self {
            RestrictionKind::Export => "export restriction",
            RestrictionKind::Import => "import restriction",
            RestrictionKind::Transport => "transport restriction",
        }
    }

    /// Chinese name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::RestrictionKind::Export.name_zh(), "出口限制");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            RestrictionKind::Export => "出口限制",
            RestrictionKind::Import => "进口限制",
            RestrictionKind::Transport => "运输限制",
        }
    }
}

closed_enum! {
    /// A class of products that a policy may restrict: every class Amazon's
    /// FBA Export help page ([`SOURCE_FBA_EXPORT`](crate::eligibility::SOURCE_FBA_EXPORT))
    /// lists under export, import and transport restrictions, plus the two
    /// media classes of its Canada note (books; music, video and DVD), which
    /// are import classes assessed route by route.
    ///
    /// Each class has one [`RestrictionKind`]. "Weapons" appear on the page
    /// under both export and import restrictions: [`RestrictionClass::Weapons`]
    /// is the export class; the import list's components and accessories are
    /// [`RestrictionClass::WeaponComponents`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{RestrictionClass, RestrictionKind};
    /// let c: RestrictionClass = "laser_pointers".parse()?;
    /// assert_eq!(c, RestrictionClass::LaserPointers);
    /// assert_eq!(c.kind(), RestrictionKind::Export);
    /// assert_eq!(c.name_zh(), "激光指示器和相关商品");
    /// assert_eq!(RestrictionClass::ALL.len(), 28);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum RestrictionClass("restriction class") {
        /// Weapons (export).
        Weapons = "weapons",
        /// Imitation weapons (export).
        ImitationWeapons = "imitation_weapons",
        /// Plants, plant products, seeds and soil (export).
        Plants = "plants",
        /// Animals and certain animal products (export).
        Animals = "animals",
        /// Surveillance equipment (export).
        SurveillanceEquipment = "surveillance_equipment",
        /// Laser pointers and related products (export).
        LaserPointers = "laser_pointers",
        /// Alcohol (import).
        Alcohol = "alcohol",
        /// Weapon components and accessories: defence sprays, BB, airsoft and
        /// paintball guns and parts, scopes, holsters, carrying cases (import).
        WeaponComponents = "weapon_components",
        /// Chemicals: pesticides, fertilisers, insecticides, industrial and
        /// automotive chemicals, certain cleaners (import).
        Chemicals = "chemicals",
        /// Food, pet food included (import).
        Food = "food",
        /// Medicines and supplements, pet supplements included (import).
        MedicinesSupplements = "medicines_supplements",
        /// Medical devices: diagnostic kits, medical alert devices, sex
        /// determination kits (import).
        MedicalDevices = "medical_devices",
        /// Drug paraphernalia (import).
        DrugParaphernalia = "drug_paraphernalia",
        /// Adult products (import).
        AdultProducts = "adult_products",
        /// Alcohol brewing equipment (import).
        BrewingEquipment = "brewing_equipment",
        /// Baby walkers (import).
        BabyWalkers = "baby_walkers",
        /// Baby self-feeding devices (import).
        BabySelfFeeding = "baby_self_feeding",
        /// Car seats (import).
        CarSeats = "car_seats",
        /// Cryptographic electronic equipment (import).
        CryptographicEquipment = "cryptographic_equipment",
        /// Gambling items and paraphernalia (import).
        Gambling = "gambling",
        /// Imitation currency (import).
        ImitationCurrency = "imitation_currency",
        /// Books (media, import: assessed by route).
        Books = "books",
        /// Music, video and DVD (media, import: assessed by route).
        MusicVideoDvd = "music_video_dvd",
        /// Heavy or bulky items such as mattresses or beds (transport).
        HeavyOrBulky = "heavy_or_bulky",
        /// Units that are not standard-size (transport; derived from
        /// dimensions and weight).
        Oversize = "oversize",
        /// Dangerous goods (transport).
        DangerousGoods = "dangerous_goods",
        /// Large or standalone lithium-ion batteries (transport).
        LithiumBatteries = "lithium_batteries",
        /// Used oil, such as cooking or motor oil (transport).
        UsedOil = "used_oil",
    }
}

impl RestrictionClass {
    /// The kind of restriction this class falls under.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{RestrictionClass, RestrictionKind};
    /// assert_eq!(RestrictionClass::UsedOil.kind(), RestrictionKind::Transport);
    /// assert_eq!(RestrictionClass::Books.kind(), RestrictionKind::Import);
    /// ```
    pub const fn kind(self) -> RestrictionKind {
        use RestrictionClass as R;
        match self {
            R::Weapons
            | R::ImitationWeapons
            | R::Plants
            | R::Animals
            | R::SurveillanceEquipment
            | R::LaserPointers => RestrictionKind::Export,
            R::HeavyOrBulky
            | R::Oversize
            | R::DangerousGoods
            | R::LithiumBatteries
            | R::UsedOil => RestrictionKind::Transport,
            _ => RestrictionKind::Import,
        }
    }

    /// Whether this is one of the two media classes (books; music, video and
    /// DVD), the only ones International Multi-Channel Fulfillment takes.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::RestrictionClass;
    /// assert!(RestrictionClass::Books.is_media());
    /// assert!(!RestrictionClass::Food.is_media());
    /// ```
    pub const fn is_media(self) -> bool {
        matches!(
            self,
            RestrictionClass::Books | RestrictionClass::MusicVideoDvd
        )
    }

    /// English name, as the FBA Export page words it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::RestrictionClass;
    /// assert_eq!(RestrictionClass::UsedOil.name_en(), "used oil, such as cooking oil or motor oil");
    /// ```
    pub const fn name_en(self) -> &'static str {
        use RestrictionClass as R;
        match self {
            R::Weapons => "weapons",
            R::ImitationWeapons => "imitation weapons",
            R::Plants => "plants, plant products, seeds and soil",
            R::Animals => "animals and certain animal products",
            R::SurveillanceEquipment => "surveillance equipment",
            R::LaserPointers => "laser pointers and related products",
            R::Alcohol => "alcohol",
            R::WeaponComponents => "weapons, weapon components and weapon accessories",
            R::Chemicals => "chemicals",
            R::Food => "food, including pet food",
            R::MedicinesSupplements => "medicines and supplements, including pet supplements",
            R::MedicalDevices => "medical devices",
            R::DrugParaphernalia => "drug paraphernalia",
            R::AdultProducts => "adult products",
            R::BrewingEquipment => "alcohol brewing equipment",
            R::BabyWalkers => "baby walkers",
            R::BabySelfFeeding => "baby self-feeding devices",
            R::CarSeats => "car seats",
            R::CryptographicEquipment => "cryptographic electronic equipment",
            R::Gambling => "gambling-related items and paraphernalia",
            R::ImitationCurrency => "imitation currency",
            R::Books => "books",
            R::MusicVideoDvd => "music, videos and DVDs",
            R::HeavyOrBulky => "heavy or bulky items such as mattresses or beds",
            R::Oversize => "oversize units (not standard-size)",
            R::DangerousGoods => "dangerous goods",
            R::LithiumBatteries => "large or standalone lithium-ion batteries",
            R::UsedOil => "used oil, such as cooking oil or motor oil",
        }
    }

    /// Chinese name, as the Chinese FBA Export page (亚马逊物流出口) words it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::RestrictionClass;
    /// assert_eq!(RestrictionClass::Alcohol.name_zh(), "酒类");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        use RestrictionClass as R;
        match self {
            R::Weapons => "武器",
            R::ImitationWeapons => "仿制武器",
            R::Plants => "植物、植物商品、种子和泥土",
            R::Animals => "动物和某些动物制品",
            R::SurveillanceEquipment => "监控设备",
            R::LaserPointers => "激光指示器和相关商品",
            R::Alcohol => "酒类",
            R::WeaponComponents => "武器、武器组件和武器配件",
            R::Chemicals => "化学品",
            R::Food => "食品（含宠物食品）",
            R::MedicinesSupplements => "药品和补充剂（含宠物补充剂）",
            R::MedicalDevices => "医疗器械",
            R::DrugParaphernalia => "药物用具",
            R::AdultProducts => "成人用品",
            R::BrewingEquipment => "酿酒设备",
            R::BabyWalkers => "婴儿学步车",
            R::BabySelfFeeding => "婴儿自行喂养设备",
            R::CarSeats => "汽车座椅",
            R::CryptographicEquipment => "密码电子设备",
            R::Gambling => "赌博相关商品和用具",
            R::ImitationCurrency => "仿真货币",
            R::Books => "图书",
            R::MusicVideoDvd => "音乐、影视和 DVD",
            R::HeavyOrBulky => "重型或大件商品，如床垫或床",
            R::Oversize => "大件商品（非标准尺寸）",
            R::DangerousGoods => "危险品",
            R::LithiumBatteries => "较大或独立的锂离子电池",
            R::UsedOil => "二手油，如食用油或机油",
        }
    }

    /// The class's bit in a class mask (fewer than 64 classes).
    #[inline]
    pub(crate) const fn bit(self) -> u64 {
        1u64 << (self as u32)
    }
}

/// Iterates the classes of a mask, in declaration order.
pub(crate) fn classes_of(mask: u64) -> impl Iterator<Item = RestrictionClass> {
    RestrictionClass::ALL
        .iter()
        .copied()
        .filter(move |c| mask & c.bit() != 0)
}

closed_enum! {
    /// A fact about a product that its HS code cannot tell, set by the seller;
    /// each leads to one [`RestrictionClass`] ([`ProductAttribute::class`]).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{ProductAttribute, RestrictionClass};
    /// let a: ProductAttribute = "standalone_lithium_battery".parse()?;
    /// assert_eq!(a.class(), RestrictionClass::LithiumBatteries);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum ProductAttribute("product attribute") {
        /// Classified as dangerous goods (hazmat).
        DangerousGoods = "dangerous_goods",
        /// Is, or ships with, a standalone lithium-ion battery.
        StandaloneLithiumBattery = "standalone_lithium_battery",
        /// Contains a large lithium-ion battery.
        LargeLithiumBattery = "large_lithium_battery",
        /// An adult product.
        Adult = "adult",
        /// An imitation weapon (replica, toy gun that looks real).
        ImitationWeapon = "imitation_weapon",
        /// Cryptographic electronic equipment.
        Cryptographic = "cryptographic",
        /// Drug paraphernalia.
        DrugParaphernalia = "drug_paraphernalia",
        /// A baby walker.
        BabyWalker = "baby_walker",
        /// A baby self-feeding device.
        BabySelfFeeding = "baby_self_feeding",
        /// A child car seat.
        ChildCarSeat = "child_car_seat",
        /// A weapon accessory: defence spray, scope, holster, carrying case,
        /// BB, airsoft or paintball gun or part.
        WeaponAccessory = "weapon_accessory",
        /// Imitation currency.
        ImitationCurrency = "imitation_currency",
        /// Heavy or bulky (a mattress, a bed), whatever its measured size.
        HeavyOrBulky = "heavy_or_bulky",
        /// Used oil (cooking or motor oil).
        UsedOil = "used_oil",
        /// Surveillance equipment.
        Surveillance = "surveillance",
    }
}

impl ProductAttribute {
    /// The restriction class this attribute puts the product in.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{ProductAttribute, RestrictionClass};
    /// assert_eq!(ProductAttribute::ChildCarSeat.class(), RestrictionClass::CarSeats);
    /// ```
    pub const fn class(self) -> RestrictionClass {
        use ProductAttribute as A;
        use RestrictionClass as R;
        match self {
            A::DangerousGoods => R::DangerousGoods,
            A::StandaloneLithiumBattery | A::LargeLithiumBattery => R::LithiumBatteries,
            A::Adult => R::AdultProducts,
            A::ImitationWeapon => R::ImitationWeapons,
            A::Cryptographic => R::CryptographicEquipment,
            A::DrugParaphernalia => R::DrugParaphernalia,
            A::BabyWalker => R::BabyWalkers,
            A::BabySelfFeeding => R::BabySelfFeeding,
            A::ChildCarSeat => R::CarSeats,
            A::WeaponAccessory => R::WeaponComponents,
            A::ImitationCurrency => R::ImitationCurrency,
            A::HeavyOrBulky => R::HeavyOrBulky,
            A::UsedOil => R::UsedOil,
            A::Surveillance => R::SurveillanceEquipment,
        }
    }
}

closed_enum! {
    /// Whether a product is media, and which kind.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{MediaKind, RestrictionClass};
    /// assert_eq!("DVD".parse::<MediaKind>()?, MediaKind::Dvd);
    /// assert_eq!(MediaKind::Dvd.class(), Some(RestrictionClass::MusicVideoDvd));
    /// assert_eq!(MediaKind::NotMedia.class(), None);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[derive(Default)]
    pub enum MediaKind("media kind") {
        /// A book.
        Book = "book" | "books",
        /// Music.
        Music = "music",
        /// Video (films, movies).
        Video = "video" | "movie" | "movies" | "film",
        /// A DVD.
        Dvd = "dvd",
        /// Not a media product.
        #[default]
        NotMedia = "not_media" | "none",
    }
}

impl MediaKind {
    /// The media class, `None` for [`MediaKind::NotMedia`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{MediaKind, RestrictionClass};
    /// assert_eq!(MediaKind::Book.class(), Some(RestrictionClass::Books));
    /// ```
    pub const fn class(self) -> Option<RestrictionClass> {
        match self {
            MediaKind::Book => Some(RestrictionClass::Books),
            MediaKind::Music | MediaKind::Video | MediaKind::Dvd => {
                Some(RestrictionClass::MusicVideoDvd)
            }
            MediaKind::NotMedia => None,
        }
    }
}

closed_enum! {
    /// Where a product stands in the marketplace's eligibility review.
    /// [`ReviewStatus::Pending`] is FBA Export's "not yet processed": neither
    /// eligible nor ineligible.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ReviewStatus;
    /// assert_eq!("pending".parse::<ReviewStatus>()?, ReviewStatus::Pending);
    /// assert_eq!(ReviewStatus::default(), ReviewStatus::Processed);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[derive(Default)]
    pub enum ReviewStatus("review status") {
        /// Reviewed: the rules decide.
        #[default]
        Processed = "processed",
        /// Awaiting review ("not yet processed").
        Pending = "pending" | "not_yet_processed",
    }
}
