//! The regime rules as data: [`RegimeTable`], [`Destination`], [`RegimeRule`]
//! and their parts.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::macros::closed_enum;
use crate::{Country, CountrySet, Currency, Effective, HsPrefix, Money};

closed_enum! {
    /// How a parcel travels: by post (the universal postal network) or by
    /// courier (an express carrier). Some rules cover only one: Canada's
    /// higher CUSMA thresholds are for courier shipments, the EU's EUR 3 duty
    /// covers every postal consignment.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Channel;
    /// assert_eq!("post".parse::<Channel>()?, Channel::Postal);
    /// assert_eq!(Channel::Courier.to_string(), "courier");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum Channel("parcel channel" in "tax::") {
        /// By post.
        Postal = "postal" | "post" | "mail",
        /// By courier or express carrier.
        Courier = "courier" | "express",
    }
}

closed_enum! {
    /// The value a regime compares with its threshold, by the name its law
    /// gives it. What it includes (goods only, or with shipping and
    /// insurance) is said by the [`Valuation`] that carries it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::ValueBase;
    /// assert_eq!(ValueBase::IntrinsicValue.as_str(), "intrinsic_value");
    /// assert_eq!("value_for_duty".parse::<ValueBase>()?, ValueBase::ValueForDuty);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum ValueBase("value base" in "tax::") {
        /// The EU's and the UK's intrinsic value: the price of the goods,
        /// without transport and insurance unless they are in the price.
        IntrinsicValue = "intrinsic_value",
        /// The customs value (Australia: the price of the goods, free on
        /// board; Singapore and Thailand: cost, insurance and freight).
        CustomsValue = "customs_value",
        /// Japan's dutiable value (課税価格): cost, insurance and freight.
        DutiableValue = "dutiable_value",
        /// Canada's value for duty.
        ValueForDuty = "value_for_duty",
        /// The United States' fair retail value in the country of shipment.
        FairRetailValue = "fair_retail_value",
    }
}

closed_enum! {
    /// What a rule says of customs duty on a parcel.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::DutyTreatment;
    /// assert_eq!(DutyTreatment::default(), DutyTreatment::Due);
    /// assert_eq!("relieved".parse::<DutyTreatment>()?, DutyTreatment::Relieved);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    #[derive(Default)]
    pub enum DutyTreatment("duty treatment" in "tax::") {
        /// No customs duty.
        Relieved = "relieved",
        /// Customs duty is due (at the tariff rate, which the caller gives).
        #[default]
        Due = "due",
    }
}

closed_enum! {
    /// Who collects the VAT or GST of a parcel: the seller or marketplace at
    /// the sale, the carrier or customs at the border, or nobody.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::VatCollection;
    /// assert_eq!(VatCollection::AtSale.as_str(), "at_sale");
    /// assert_eq!(VatCollection::default(), VatCollection::AtBorder);
    /// ```
    #[derive(Default)]
    pub enum VatCollection("vat collection" in "tax::") {
        /// Charged at the sale by a registered seller or marketplace.
        AtSale = "at_sale",
        /// Collected at import, by the carrier or customs.
        #[default]
        AtBorder = "at_border",
        /// Not due: relieved, or the destination has no VAT or GST.
        NotDue = "not_due",
    }
}

impl VatCollection {
    /// How much this collection tells the carrier to do, for combining the
    /// items of one parcel: at the border (something is collected there)
    /// before at the sale before not due.
    pub(crate) const fn weight(self) -> u8 {
        match self {
            VatCollection::NotDue => 0,
            VatCollection::AtSale => 1,
            VatCollection::AtBorder => 2,
        }
    }
}

closed_enum! {
    /// A seller's registration that moves the collection of VAT or GST from
    /// the border to the sale.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Registration;
    /// assert_eq!("uk_vat".parse::<Registration>()?, Registration::UkVat);
    /// assert_eq!(Registration::Ioss.parcel_member(), "ioss");
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum Registration("registration" in "tax::") {
        /// The EU's Import One-Stop Shop ([`IossNumber`](crate::IossNumber)).
        Ioss = "ioss",
        /// UK VAT ([`UkVatNumber`](crate::UkVatNumber)).
        UkVat = "uk_vat",
        /// Australian GST for low value imported goods: an
        /// [`Arn`](crate::Arn) or an [`Abn`](crate::Abn).
        AuArn = "au_arn",
        /// Singapore's overseas vendor registration
        /// ([`SgGstNumber`](crate::SgGstNumber)).
        SgOvr = "sg_ovr",
    }
}

impl Registration {
    /// The member of the parcel JSON's `seller` object that carries it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Registration;
    /// assert_eq!(Registration::SgOvr.parcel_member(), "sgOvr");
    /// ```
    pub const fn parcel_member(self) -> &'static str {
        match self {
            Registration::Ioss => "ioss",
            Registration::UkVat => "ukVat",
            Registration::AuArn => "auArn",
            Registration::SgOvr => "sgOvr",
        }
    }
}

closed_enum! {
    /// Which parcels a rule covers by their gift status: gifts between
    /// private individuals follow their own rows.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::GiftScope;
    /// assert_eq!(GiftScope::default(), GiftScope::Any);
    /// assert!(GiftScope::Only.covers(true) && !GiftScope::Only.covers(false));
    /// ```
    #[derive(Default)]
    pub enum GiftScope("gift scope" in "tax::") {
        /// Every parcel.
        #[default]
        Any = "any",
        /// Only gifts between private individuals.
        Only = "only",
        /// Every parcel but gifts (sales).
        Excluded = "excluded",
    }
}

impl GiftScope {
    /// Whether a parcel that is (or is not) a gift is covered.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::GiftScope;
    /// assert!(GiftScope::Excluded.covers(false));
    /// assert!(!GiftScope::Excluded.covers(true));
    /// ```
    pub const fn covers(self, gift: bool) -> bool {
        match self {
            GiftScope::Any => true,
            GiftScope::Only => gift,
            GiftScope::Excluded => !gift,
        }
    }

    fn is_any(&self) -> bool {
        *self == GiftScope::Any
    }
}

closed_enum! {
    /// What a threshold is compared with: the whole consignment's value, or
    /// the value of each unit (Singapore's low-value goods: each item's
    /// entry value).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::ThresholdScope;
    /// assert_eq!(ThresholdScope::default(), ThresholdScope::Consignment);
    /// ```
    #[derive(Default)]
    pub enum ThresholdScope("threshold scope" in "tax::") {
        /// The consignment's value.
        #[default]
        Consignment = "consignment",
        /// Each unit's value.
        Unit = "unit",
    }
}

/// How the value a rule compares is built from a parcel: its [`ValueBase`],
/// whether shipping and insurance are added to the goods, and a factor on
/// the goods (Japan values goods imported for personal use at 60 % of their
/// overseas retail price).
///
/// Serde: `{"base": "intrinsic_value"}`, with `"shipping": true`,
/// `"insurance": true`, `"goodsFactor": "0.6"` where they apply.
///
/// # Example
///
/// ```
/// use crossborder::tax::{Valuation, ValueBase};
/// let v = Valuation::goods_only(ValueBase::IntrinsicValue);
/// assert_eq!(serde_json::to_string(&v)?, r#"{"base":"intrinsic_value"}"#);
/// let cif = Valuation::cif(ValueBase::CustomsValue);
/// assert!(cif.shipping && cif.insurance);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Valuation {
    /// The name of the value.
    pub base: ValueBase,
    /// Whether the parcel's shipping is added.
    #[serde(default, skip_serializing_if = "is_false")]
    pub shipping: bool,
    /// Whether the parcel's insurance is added.
    #[serde(default, skip_serializing_if = "is_false")]
    pub insurance: bool,
    /// The factor on the value of the goods (1 unless the law says
    /// otherwise).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub goods_factor: Decimal,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn one() -> Decimal {
    Decimal::ONE
}

fn is_one(d: &Decimal) -> bool {
    *d == Decimal::ONE
}

impl Valuation {
    /// The goods only, at their price.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Valuation, ValueBase};
    /// assert!(!Valuation::goods_only(ValueBase::ValueForDuty).shipping);
    /// ```
    pub const fn goods_only(base: ValueBase) -> Valuation {
        Valuation {
            base,
            shipping: false,
            insurance: false,
            goods_factor: Decimal::ONE,
        }
    }

    /// Cost, insurance and freight: the goods with shipping and insurance.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Valuation, ValueBase};
    /// assert!(Valuation::cif(ValueBase::DutiableValue).insurance);
    /// ```
    pub const fn cif(base: ValueBase) -> Valuation {
        Valuation {
            base,
            shipping: true,
            insurance: true,
            goods_factor: Decimal::ONE,
        }
    }

    /// This valuation with a factor on the goods.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Valuation, ValueBase};
    /// use rust_decimal::Decimal;
    /// let v = Valuation::cif(ValueBase::DutiableValue).with_goods_factor(Decimal::new(6, 1));
    /// assert_eq!(v.goods_factor, Decimal::new(6, 1));
    /// ```
    #[must_use]
    pub const fn with_goods_factor(mut self, factor: Decimal) -> Valuation {
        self.goods_factor = factor;
        self
    }
}

/// A value limit: the parcel is *within* it when its value is at most the
/// limit (`inclusive`, the law says "not exceeding" or "or less") or below
/// the limit (not `inclusive`, the law says "under" or "less than").
///
/// Serde: `{"limit": "150 EUR", "inclusive": true}`, with
/// `"per": "unit"` for a limit on each unit's value.
///
/// # Example
///
/// ```
/// use crossborder::tax::Threshold;
/// use rust_decimal::Decimal;
/// let up_to = Threshold::inclusive("150 EUR".parse()?);
/// assert!(up_to.admits(Decimal::from(150)));
/// let under = Threshold::exclusive("150 EUR".parse()?);
/// assert!(!under.admits(Decimal::from(150)));
/// assert!(under.admits(Decimal::new(14999, 2)));
/// # Ok::<(), crossborder::MoneyError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Threshold {
    /// The limit, in the currency the value is compared in.
    pub limit: Money,
    /// Whether a value equal to the limit is within.
    pub inclusive: bool,
    /// What is compared: the consignment (the default) or each unit.
    #[serde(default, skip_serializing_if = "is_consignment")]
    pub per: ThresholdScope,
}

fn is_consignment(s: &ThresholdScope) -> bool {
    *s == ThresholdScope::Consignment
}

impl Threshold {
    /// A limit a value may reach ("not exceeding", "or less").
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Threshold;
    /// assert!(Threshold::inclusive("135 GBP".parse()?).inclusive);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub const fn inclusive(limit: Money) -> Threshold {
        Threshold {
            limit,
            inclusive: true,
            per: ThresholdScope::Consignment,
        }
    }

    /// A limit a value must stay under ("less than", "under").
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Threshold;
    /// assert!(!Threshold::exclusive("150 EUR".parse()?).inclusive);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub const fn exclusive(limit: Money) -> Threshold {
        Threshold {
            limit,
            inclusive: false,
            per: ThresholdScope::Consignment,
        }
    }

    /// This threshold applied to each unit's value.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Threshold, ThresholdScope};
    /// let t = Threshold::inclusive("400 SGD".parse()?).per_unit();
    /// assert_eq!(t.per, ThresholdScope::Unit);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub const fn per_unit(mut self) -> Threshold {
        self.per = ThresholdScope::Unit;
        self
    }

    /// Whether a value (in the limit's currency) is within the limit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Threshold;
    /// use rust_decimal::Decimal;
    /// assert!(!Threshold::inclusive("20 CAD".parse()?).admits(Decimal::new(2001, 2)));
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn admits(&self, value: Decimal) -> bool {
        if self.inclusive {
            value <= self.limit.amount()
        } else {
            value < self.limit.amount()
        }
    }

    /// The currency the value is compared in.
    pub(crate) fn currency(&self) -> Currency {
        self.limit.currency()
    }
}

/// What a rule says about customs duty: the treatment of a parcel within its
/// threshold (or of every parcel, without one) and of a parcel above it.
///
/// Serde: `{"threshold": {...}, "within": "relieved", "above": "due"}`
/// (`above` defaults to `due`).
///
/// # Example
///
/// ```
/// use crossborder::tax::{DutyTerms, DutyTreatment, Threshold};
/// let t = DutyTerms::relieved_within(Threshold::inclusive("800 USD".parse()?));
/// assert_eq!(t.within, DutyTreatment::Relieved);
/// assert_eq!(DutyTerms::due().within, DutyTreatment::Due);
/// # Ok::<(), crossborder::MoneyError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DutyTerms {
    /// The threshold (none: every parcel is within).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    /// The treatment within the threshold.
    pub within: DutyTreatment,
    /// The treatment above it, and of goods the rule excludes.
    #[serde(default)]
    pub above: DutyTreatment,
}

impl DutyTerms {
    /// Duty relieved up to a threshold, due above it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{DutyTerms, DutyTreatment, Threshold};
    /// let t = DutyTerms::relieved_within(Threshold::inclusive("20 CAD".parse()?));
    /// assert_eq!(t.above, DutyTreatment::Due);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub const fn relieved_within(threshold: Threshold) -> DutyTerms {
        DutyTerms {
            threshold: Some(threshold),
            within: DutyTreatment::Relieved,
            above: DutyTreatment::Due,
        }
    }

    /// Duty due on every parcel.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::tax::DutyTerms::due().threshold.is_none());
    /// ```
    pub const fn due() -> DutyTerms {
        DutyTerms {
            threshold: None,
            within: DutyTreatment::Due,
            above: DutyTreatment::Due,
        }
    }

    /// No duty on any parcel (goods the rule excludes excepted).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{DutyTerms, DutyTreatment};
    /// assert_eq!(DutyTerms::relieved().within, DutyTreatment::Relieved);
    /// ```
    pub const fn relieved() -> DutyTerms {
        DutyTerms {
            threshold: None,
            within: DutyTreatment::Relieved,
            above: DutyTreatment::Due,
        }
    }
}

/// What a rule says about VAT or GST: who collects it within the threshold
/// (or on every parcel, without one) and above it, and, when it is collected
/// at the sale, the seller registration that makes it so and what happens
/// without it.
///
/// `unregistered` is where the tax falls when the rule says `at_sale`, names
/// a `registration` and the seller lacks it: `at_border` where the border is
/// the fallback (the EU without IOSS), `at_sale` where the law taxes the
/// sale and never the border (the UK up to GBP 135, Australia up to AUD
/// 1,000, Singapore up to SGD 400); the crate then warns that the seller or
/// its marketplace must be registered.
///
/// Serde: `{"threshold": {...}, "within": "at_sale", "above": "at_border",
/// "registration": "ioss", "unregistered": "at_border"}` (`above` and
/// `unregistered` default to `at_border`).
///
/// # Example
///
/// ```
/// use crossborder::tax::{Registration, Threshold, VatCollection, VatTerms};
/// let uk = VatTerms::at_sale_within(Threshold::inclusive("135 GBP".parse()?), Registration::UkVat)
///     .unregistered(VatCollection::AtSale);
/// assert_eq!(uk.unregistered, VatCollection::AtSale);
/// assert_eq!(VatTerms::not_due().within, VatCollection::NotDue);
/// # Ok::<(), crossborder::MoneyError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VatTerms {
    /// The threshold (none: every parcel is within).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    /// Who collects within the threshold.
    pub within: VatCollection,
    /// Who collects above it, and for goods the rule excludes.
    #[serde(default)]
    pub above: VatCollection,
    /// The registration that puts the collection at the sale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    /// Who collects when the seller lacks the registration.
    #[serde(default)]
    pub unregistered: VatCollection,
}

impl VatTerms {
    /// Charged at the sale by a seller with `registration` up to a threshold
    /// (at the border without it, and above it).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Registration, Threshold, VatCollection, VatTerms};
    /// let eu = VatTerms::at_sale_within(Threshold::inclusive("150 EUR".parse()?), Registration::Ioss);
    /// assert_eq!(eu.unregistered, VatCollection::AtBorder);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub const fn at_sale_within(threshold: Threshold, registration: Registration) -> VatTerms {
        VatTerms {
            threshold: Some(threshold),
            within: VatCollection::AtSale,
            above: VatCollection::AtBorder,
            registration: Some(registration),
            unregistered: VatCollection::AtBorder,
        }
    }

    /// Not due up to a threshold, at the border above it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Threshold, VatCollection, VatTerms};
    /// let t = VatTerms::not_due_within(Threshold::inclusive("39 GBP".parse()?));
    /// assert_eq!(t.above, VatCollection::AtBorder);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub const fn not_due_within(threshold: Threshold) -> VatTerms {
        VatTerms {
            threshold: Some(threshold),
            within: VatCollection::NotDue,
            above: VatCollection::AtBorder,
            registration: None,
            unregistered: VatCollection::AtBorder,
        }
    }

    /// Collected at the border on every parcel.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{VatCollection, VatTerms};
    /// assert_eq!(VatTerms::at_border().within, VatCollection::AtBorder);
    /// ```
    pub const fn at_border() -> VatTerms {
        VatTerms {
            threshold: None,
            within: VatCollection::AtBorder,
            above: VatCollection::AtBorder,
            registration: None,
            unregistered: VatCollection::AtBorder,
        }
    }

    /// Not due on any parcel (a destination without VAT or GST).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{VatCollection, VatTerms};
    /// assert_eq!(VatTerms::not_due().above, VatCollection::NotDue);
    /// ```
    pub const fn not_due() -> VatTerms {
        VatTerms {
            threshold: None,
            within: VatCollection::NotDue,
            above: VatCollection::NotDue,
            registration: None,
            unregistered: VatCollection::NotDue,
        }
    }

    /// These terms with another fallback for unregistered sellers.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Registration, Threshold, VatCollection, VatTerms};
    /// let au = VatTerms::at_sale_within(Threshold::inclusive("1000 AUD".parse()?), Registration::AuArn)
    ///     .unregistered(VatCollection::AtSale);
    /// assert_eq!(au.unregistered, VatCollection::AtSale);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub const fn unregistered(mut self, collection: VatCollection) -> VatTerms {
        self.unregistered = collection;
        self
    }
}

/// How a flat charge is counted, and its amount.
///
/// Serde (flattened into [`ChargeTerms`], tagged by `per`):
/// `{"per": "subheading", "amount": "3 EUR", "digits": 6}`,
/// `{"per": "article", "amount": "2 EUR"}`, `{"per": "consignment",
/// "amount": "5 EUR"}`, `{"per": "value", "rate": "0.10"}`.
///
/// # Example
///
/// ```
/// use crossborder::tax::ChargeBasis;
/// let b: ChargeBasis = serde_json::from_str(r#"{"per": "subheading", "amount": "3 EUR"}"#)?;
/// assert!(matches!(b, ChargeBasis::Subheading { digits: 6, .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "per", rename_all = "snake_case")]
pub enum ChargeBasis {
    /// `amount` for each distinct tariff subheading in the parcel: the
    /// first `digits` digits of the items' HS codes (6, the HS subheading,
    /// unless said otherwise; a code with fewer digits counts with those it
    /// has).
    Subheading {
        /// The amount per subheading.
        amount: Money,
        /// How many digits make a subheading.
        #[serde(default = "six")]
        digits: u8,
    },
    /// `amount` for each article: each unit of each item.
    Article {
        /// The amount per article.
        amount: Money,
    },
    /// `amount` once per consignment.
    Consignment {
        /// The amount per consignment.
        amount: Money,
    },
    /// `rate` times the parcel's customs value (its destination's duty
    /// valuation), rounded to the currency's minor unit.
    Value {
        /// The rate, as a fraction (`0.10` for 10 %).
        rate: Decimal,
    },
}

fn six() -> u8 {
    6
}

/// When a charge applies beyond its rule's scope and threshold: when the
/// seller has `registration`, or the parcel travels by one of `orChannels`
/// (either suffices); with neither given, always.
///
/// # Example
///
/// ```
/// use crossborder::tax::{Channel, ChargeWhen, Registration};
/// let w = ChargeWhen::registered_or(Registration::Ioss, &[Channel::Postal]);
/// assert_eq!(serde_json::to_string(&w)?, r#"{"registration":"ioss","orChannels":["postal"]}"#);
/// assert!(ChargeWhen::default().registration.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargeWhen {
    /// The registration that makes the charge apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    /// Channels on which the charge applies without the registration.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub or_channels: Vec<Channel>,
}

impl ChargeWhen {
    /// Applies when the seller has the registration or the parcel travels by
    /// one of the channels.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ChargeWhen, Registration};
    /// assert!(ChargeWhen::registered_or(Registration::Ioss, &[]).or_channels.is_empty());
    /// ```
    pub fn registered_or(registration: Registration, channels: &[Channel]) -> ChargeWhen {
        ChargeWhen {
            registration: Some(registration),
            or_channels: channels.to_vec(),
        }
    }

    fn is_always(&self) -> bool {
        self.registration.is_none() && self.or_channels.is_empty()
    }
}

/// A flat charge a rule adds: its code (`eu_flat_duty`,
/// `fr_small_parcel_tax`, or the caller's own), how it is counted, the
/// threshold under which it applies, when it applies, and whether it is a
/// customs duty (so that a parcel paying it has no duty relief) and replaces
/// the tariff duty.
///
/// A charge that is a duty is not charged on a parcel whose duty is
/// relieved: a relief from import duty covers every duty.
///
/// Serde: `{"code": "eu_flat_duty", "per": "subheading", "amount": "3 EUR",
/// "threshold": {...}, "when": {...}, "duty": true, "replacesTariffDuty":
/// true}`.
///
/// # Example
///
/// ```
/// use crossborder::tax::{ChargeBasis, ChargeTerms, Threshold};
/// let fr = ChargeTerms::new("fr_small_parcel_tax", ChargeBasis::Article { amount: "2 EUR".parse()? })
///     .below(Threshold::exclusive("150 EUR".parse()?));
/// assert!(!fr.duty);
/// let json = serde_json::to_string(&fr)?;
/// assert!(json.contains(r#""per":"article""#));
/// assert_eq!(serde_json::from_str::<ChargeTerms>(&json)?, fr);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargeTerms {
    /// The charge's code in answers.
    pub code: String,
    /// How it is counted, and its amount.
    #[serde(flatten)]
    pub basis: ChargeBasis,
    /// The threshold the parcel must be within (none: every parcel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    /// When it applies.
    #[serde(default, skip_serializing_if = "ChargeWhen::is_always")]
    pub when: ChargeWhen,
    /// Whether it is a customs duty.
    #[serde(default, skip_serializing_if = "is_false")]
    pub duty: bool,
    /// Whether it replaces the duty at the tariff rate.
    #[serde(default, skip_serializing_if = "is_false")]
    pub replaces_tariff_duty: bool,
}

impl ChargeTerms {
    /// A charge that always applies, is not a duty, and has no threshold.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ChargeBasis, ChargeTerms};
    /// let c = ChargeTerms::new("my_fee", ChargeBasis::Consignment { amount: "1 EUR".parse()? });
    /// assert_eq!(c.code, "my_fee");
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    pub fn new(code: impl Into<String>, basis: ChargeBasis) -> ChargeTerms {
        ChargeTerms {
            code: code.into(),
            basis,
            threshold: None,
            when: ChargeWhen::default(),
            duty: false,
            replaces_tariff_duty: false,
        }
    }

    /// This charge, only for parcels within a threshold.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ChargeBasis, ChargeTerms, Threshold};
    /// let c = ChargeTerms::new("x", ChargeBasis::Consignment { amount: "1 EUR".parse()? })
    ///     .below(Threshold::inclusive("150 EUR".parse()?));
    /// assert!(c.threshold.is_some());
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn below(mut self, threshold: Threshold) -> ChargeTerms {
        self.threshold = Some(threshold);
        self
    }

    /// This charge, only when `when` says so.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ChargeBasis, ChargeTerms, ChargeWhen, Registration};
    /// let c = ChargeTerms::new("x", ChargeBasis::Consignment { amount: "1 EUR".parse()? })
    ///     .when(ChargeWhen::registered_or(Registration::Ioss, &[]));
    /// assert_eq!(c.when.registration, Some(Registration::Ioss));
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn when(mut self, when: ChargeWhen) -> ChargeTerms {
        self.when = when;
        self
    }

    /// This charge as a customs duty that replaces the tariff duty (or only
    /// adds to it, with `replaces` false).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ChargeBasis, ChargeTerms};
    /// let c = ChargeTerms::new("x", ChargeBasis::Consignment { amount: "1 EUR".parse()? }).as_duty(true);
    /// assert!(c.duty && c.replaces_tariff_duty);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn as_duty(mut self, replaces: bool) -> ChargeTerms {
        self.duty = true;
        self.replaces_tariff_duty = replaces;
        self
    }
}

/// Where a rule applies: one country, or the European Union (its 27
/// members, [`EU_MEMBERS`](crate::EU_MEMBERS)). A member's own additions
/// (France's small-parcel tax) are rules of that country, applied on top of
/// the EU's.
///
/// Text and serde: `"EU"` or a country code (`"FR"`).
///
/// # Example
///
/// ```
/// use crossborder::Country;
/// use crossborder::tax::Territory;
/// let eu: Territory = "EU".parse()?;
/// assert!(eu.contains(Country::FR) && !eu.contains(Country::GB));
/// assert_eq!("fr".parse::<Territory>()?, Territory::Country(Country::FR));
/// assert_eq!(Territory::Country(Country::GB).to_string(), "GB");
/// # Ok::<(), crossborder::CountryError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Territory {
    /// One country.
    Country(Country),
    /// The European Union.
    EuropeanUnion,
}

impl Territory {
    /// Whether a country is (in) this territory.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::Country;
    /// use crossborder::tax::Territory;
    /// assert!(Territory::Country(Country::US).contains(Country::US));
    /// ```
    pub fn contains(&self, country: Country) -> bool {
        match self {
            Territory::Country(c) => *c == country,
            Territory::EuropeanUnion => crate::is_eu_member(country),
        }
    }

    /// [`Territory::contains`] with the country's EU membership known.
    pub(crate) fn contains_known(&self, country: Country, in_eu: bool) -> bool {
        match self {
            Territory::Country(c) => *c == country,
            Territory::EuropeanUnion => in_eu,
        }
    }
}

impl fmt::Display for Territory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Territory::Country(c) => write!(f, "{c}"),
            Territory::EuropeanUnion => f.write_str("EU"),
        }
    }
}

impl FromStr for Territory {
    type Err = crate::CountryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("EU") {
            Ok(Territory::EuropeanUnion)
        } else {
            crate::parse_country(s).map(Territory::Country)
        }
    }
}

crate::macros::serde_via_str!(Territory);

/// A destination the table knows: its territory, the currency its values are
/// compared in, how its headline value is built (the value an answer reports),
/// and its customs value for duty at the tariff rate and for charges on the
/// value.
///
/// A country's own record is used when there is one; otherwise the record of
/// a territory that contains it (the EU's for every member).
///
/// # Example
///
/// ```
/// use crossborder::{Country, Currency};
/// use crossborder::tax::{RegimeTable, ValueBase};
/// let d = RegimeTable::builtin().destination_for(Country::DE).ok_or("no record")?;
/// assert_eq!(d.currency, Currency::EUR);
/// assert_eq!(d.valuation.base, ValueBase::IntrinsicValue);
/// assert!(d.duty_valuation.shipping);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Destination {
    /// The territory.
    pub territory: Territory,
    /// The currency of its thresholds and of the value reported.
    #[serde(with = "currency_code")]
    pub currency: Currency,
    /// The headline value: what the regime's main threshold compares.
    pub valuation: Valuation,
    /// The customs value the tariff duty and value-based charges apply to.
    pub duty_valuation: Valuation,
    /// Where the valuation comes from.
    pub source: String,
}

mod currency_code {
    use crate::Currency;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(c: &Currency, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(c.code())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Currency, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        crate::parse_currency(&text).map_err(serde::de::Error::custom)
    }
}

/// A mark a rule's source carries when its facts are not settled:
/// `[unverified: ...]` or `[conflicting: ...]`. Such rules ship with the
/// mark in their `source` and can be replaced like any other.
///
/// # Example
///
/// ```
/// use crossborder::tax::{Mark, RegimeTable};
/// let fr = RegimeTable::builtin().rule("fr.small_parcel_tax").ok_or("missing")?;
/// assert_eq!(fr.mark(), Some(Mark::Unverified));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A fact of the rule could not be confirmed from a primary source.
    Unverified,
    /// Sources disagree.
    Conflicting,
}

/// One dated rule of a destination's low-value import regime.
///
/// **Scope**: the destination (a country or the EU), the dates in force
/// ([`Effective`], both ends inclusive), and optionally the origins (the
/// country the parcel comes from), the channels and the gift status it
/// covers. Goods whose HS code starts with a prefix in `excluded` are outside
/// the rule (excise goods, for instance): for them the rule gives its
/// `above` treatment. `valuation` overrides the destination's for this
/// rule's thresholds.
///
/// **Terms**: what it says of duty (`duty`), of VAT or GST (`vat`), and the
/// flat charges it adds (`charges`); any of them may be absent.
///
/// **Precedence**: a rule in scope drops the rules whose ids it lists in
/// `supersedes` (the end of de minimis for goods of China supersedes the
/// general de minimis rule). Among the rules left, a relief wins: duty is
/// relieved on an item when any rule relieves it, VAT is not due when any
/// rule says so, else collected at the sale when any rule says so, else at
/// the border. Reliefs are cumulative in law (the EU's EUR 45 gift relief and
/// its EUR 150 negligible-value relief); a rule that takes a relief away says
/// so with `supersedes`.
///
/// **Source**: `source` names the regulation, notice or authority page, with
/// `[unverified: ...]` or `[conflicting: ...]` where the facts are not
/// settled ([`RegimeRule::mark`]); `note` says more.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Country, CountrySet, Effective};
/// use crossborder::tax::{DutyTerms, RegimeRule, Territory};
///
/// let ended = RegimeRule::new(
///     "us.de_minimis_ended_cn_hk",
///     Territory::Country(Country::US),
///     Effective::since(NaiveDate::from_ymd_opt(2025, 5, 2).ok_or("date")?),
///     "EO 14256 (2025-04-02)",
/// )
/// .for_origins(CountrySet::of(&[Country::CN, Country::HK]))
/// .with_duty(DutyTerms::due())
/// .superseding(&["us.de_minimis"]);
/// let json = serde_json::to_string(&ended)?;
/// assert_eq!(serde_json::from_str::<RegimeRule>(&json)?, ended);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegimeRule {
    /// A stable id, such as `eu.flat_duty`.
    pub id: String,
    /// Where it applies.
    pub destination: Territory,
    /// When it is in force.
    pub effective: Effective,
    /// Only parcels from these countries (none: from anywhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origins: Option<CountrySet>,
    /// Only parcels by these channels (empty: every channel).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Which parcels by gift status.
    #[serde(default, skip_serializing_if = "GiftScope::is_any")]
    pub gifts: GiftScope,
    /// HS prefixes of goods outside the rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<HsPrefix>,
    /// This rule's own valuation (none: the destination's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valuation: Option<Valuation>,
    /// What it says of customs duty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duty: Option<DutyTerms>,
    /// What it says of VAT or GST.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<VatTerms>,
    /// The flat charges it adds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<ChargeTerms>,
    /// The ids of rules it takes the place of while it is in scope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supersedes: Vec<String>,
    /// Where it comes from, with its mark if any.
    pub source: String,
    /// More about it: what it does not model, what to watch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl RegimeRule {
    /// A rule with a scope and a source, and no terms yet.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{RegimeRule, Territory};
    /// let r = RegimeRule::new("acme.rule", Territory::Country(Country::NZ), Effective::always(), "own review");
    /// assert!(r.duty.is_none() && r.vat.is_none() && r.charges.is_empty());
    /// ```
    pub fn new(
        id: impl Into<String>,
        destination: Territory,
        effective: Effective,
        source: impl Into<String>,
    ) -> RegimeRule {
        RegimeRule {
            id: id.into(),
            destination,
            effective,
            origins: None,
            channels: Vec::new(),
            gifts: GiftScope::Any,
            excluded: Vec::new(),
            valuation: None,
            duty: None,
            vat: None,
            charges: Vec::new(),
            supersedes: Vec::new(),
            source: source.into(),
            note: None,
        }
    }

    /// Only for parcels from these countries.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, CountrySet, Effective};
    /// use crossborder::tax::{RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::CA), Effective::always(), "s")
    ///     .for_origins(CountrySet::of(&[Country::US, Country::MX]));
    /// assert!(r.origins.is_some_and(|o| o.contains(Country::MX)));
    /// ```
    #[must_use]
    pub fn for_origins(mut self, origins: CountrySet) -> RegimeRule {
        self.origins = Some(origins);
        self
    }

    /// Only for parcels by these channels.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{Channel, RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::CA), Effective::always(), "s")
    ///     .for_channels(&[Channel::Courier]);
    /// assert_eq!(r.channels, [Channel::Courier]);
    /// ```
    #[must_use]
    pub fn for_channels(mut self, channels: &[Channel]) -> RegimeRule {
        self.channels = channels.to_vec();
        self
    }

    /// Only for gifts, or only for sales.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{GiftScope, RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::GB), Effective::always(), "s")
    ///     .for_gifts(GiftScope::Only);
    /// assert_eq!(r.gifts, GiftScope::Only);
    /// ```
    #[must_use]
    pub fn for_gifts(mut self, gifts: GiftScope) -> RegimeRule {
        self.gifts = gifts;
        self
    }

    /// Goods under these HS prefixes are outside the rule.
    ///
    /// # Errors
    ///
    /// [`HsPrefixError`](crate::HsPrefixError) for a prefix that is not 2
    /// to 12 digits.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::AU), Effective::always(), "s")
    ///     .excluding(&["24", "2203"])?;
    /// assert_eq!(r.excluded.len(), 2);
    /// # Ok::<(), crossborder::HsPrefixError>(())
    /// ```
    pub fn excluding(mut self, prefixes: &[&str]) -> Result<RegimeRule, crate::HsPrefixError> {
        for p in prefixes {
            self.excluded.push(HsPrefix::parse(p)?);
        }
        Ok(self)
    }

    /// With its own valuation.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{RegimeRule, Territory, Valuation, ValueBase};
    /// let r = RegimeRule::new("x", Territory::Country(Country::SG), Effective::always(), "s")
    ///     .valued(Valuation::goods_only(ValueBase::CustomsValue));
    /// assert!(r.valuation.is_some());
    /// ```
    #[must_use]
    pub fn valued(mut self, valuation: Valuation) -> RegimeRule {
        self.valuation = Some(valuation);
        self
    }

    /// With duty terms.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{DutyTerms, RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::US), Effective::always(), "s")
    ///     .with_duty(DutyTerms::due());
    /// assert!(r.duty.is_some());
    /// ```
    #[must_use]
    pub fn with_duty(mut self, duty: DutyTerms) -> RegimeRule {
        self.duty = Some(duty);
        self
    }

    /// With VAT or GST terms.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{RegimeRule, Territory, VatTerms};
    /// let r = RegimeRule::new("x", Territory::Country(Country::US), Effective::always(), "s")
    ///     .with_vat(VatTerms::not_due());
    /// assert!(r.vat.is_some());
    /// ```
    #[must_use]
    pub fn with_vat(mut self, vat: VatTerms) -> RegimeRule {
        self.vat = Some(vat);
        self
    }

    /// With one more flat charge.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{ChargeBasis, ChargeTerms, RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::IT), Effective::always(), "s")
    ///     .with_charge(ChargeTerms::new("it_fee", ChargeBasis::Consignment { amount: "2 EUR".parse()? }));
    /// assert_eq!(r.charges.len(), 1);
    /// # Ok::<(), crossborder::MoneyError>(())
    /// ```
    #[must_use]
    pub fn with_charge(mut self, charge: ChargeTerms) -> RegimeRule {
        self.charges.push(charge);
        self
    }

    /// Taking the place of the rules with these ids while in scope.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::US), Effective::always(), "s")
    ///     .superseding(&["us.de_minimis"]);
    /// assert_eq!(r.supersedes, ["us.de_minimis"]);
    /// ```
    #[must_use]
    pub fn superseding(mut self, ids: &[&str]) -> RegimeRule {
        self.supersedes.extend(ids.iter().map(|s| (*s).to_owned()));
        self
    }

    /// With a note.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::US), Effective::always(), "s")
    ///     .noting("postal items may pay a specific duty instead");
    /// assert!(r.note.is_some());
    /// ```
    #[must_use]
    pub fn noting(mut self, note: impl Into<String>) -> RegimeRule {
        self.note = Some(note.into());
        self
    }

    /// The mark in its source, if any (`[unverified` or `[conflicting`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Effective};
    /// use crossborder::tax::{Mark, RegimeRule, Territory};
    /// let r = RegimeRule::new("x", Territory::Country(Country::JP), Effective::always(),
    ///     "Japan Customs [unverified: excluded list]");
    /// assert_eq!(r.mark(), Some(Mark::Unverified));
    /// ```
    pub fn mark(&self) -> Option<Mark> {
        if self.source.contains("[unverified") {
            Some(Mark::Unverified)
        } else if self.source.contains("[conflicting") {
            Some(Mark::Conflicting)
        } else {
            None
        }
    }

    /// The first day in force, if known.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::RegimeTable;
    /// let r = RegimeTable::builtin().rule("eu.flat_duty").ok_or("missing")?;
    /// assert_eq!(r.from().map(|d| d.to_string()).as_deref(), Some("2026-07-01"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from(&self) -> Option<NaiveDate> {
        self.effective.from()
    }

    /// The last day in force, if it ends.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::RegimeTable;
    /// let r = RegimeTable::builtin().rule("eu.duty_relief").ok_or("missing")?;
    /// assert_eq!(r.to().map(|d| d.to_string()).as_deref(), Some("2026-06-30"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to(&self) -> Option<NaiveDate> {
        self.effective.to()
    }
}

/// The regime rules as data: the destinations the table knows and their
/// rules. Load it (serde), replace it, or extend it with your own rules,
/// as with the eligibility [`Policy`](crate::Policy).
///
/// [`RegimeTable::builtin`] is the crate's table (every destination and date
/// in the README); [`RegimeTable::assess`] answers for a parcel.
///
/// Serde: `{"destinations": [...], "rules": [...]}`, camelCase members.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Country, Effective};
/// use crossborder::tax::{ChargeBasis, ChargeTerms, RegimeRule, RegimeTable, Territory, Threshold};
///
/// let mut table = RegimeTable::builtin().clone();
/// // Italy's EUR 2 a consignment from 2026-01-01, as a caller adds it:
/// table.rules.push(
///     RegimeRule::new("it.consignment_fee", Territory::Country(Country::IT),
///         Effective::since(NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?), "own review")
///     .with_charge(ChargeTerms::new("it_fee", ChargeBasis::Consignment { amount: "2 EUR".parse()? })
///         .below(Threshold::inclusive("150 EUR".parse()?))),
/// );
/// assert!(table.check().is_empty());
/// let json = serde_json::to_string(&table)?;
/// assert_eq!(serde_json::from_str::<RegimeTable>(&json)?, table);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegimeTable {
    /// The destinations (may be left out in JSON).
    #[serde(default)]
    pub destinations: Vec<Destination>,
    /// The rules, in the order answers list them (may be left out).
    #[serde(default)]
    pub rules: Vec<RegimeRule>,
}

impl RegimeTable {
    /// A table with no destination and no rule: every destination then has
    /// "no rule".
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::tax::RegimeTable::empty().rules.is_empty());
    /// ```
    pub fn empty() -> RegimeTable {
        RegimeTable::default()
    }

    /// Appends the destinations and rules of `other` (a destination of a
    /// territory this table already has replaces it). Nothing else is
    /// removed: replace a rule by removing it from `rules`, or supersede it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::RegimeTable;
    /// let own: RegimeTable = serde_json::from_str(r#"{"rules": [{"id": "nz.gst",
    ///     "destination": "NZ", "effective": {"from": "2019-12-01"}, "source": "own review",
    ///     "vat": {"threshold": {"limit": "1000 NZD", "inclusive": true}, "within": "at_sale",
    ///             "registration": "au_arn"}}]}"#)?;
    /// let mut table = RegimeTable::builtin().clone();
    /// let before = table.rules.len();
    /// table.extend(own);
    /// assert_eq!(table.rules.len(), before + 1);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn extend(&mut self, other: RegimeTable) {
        for d in other.destinations {
            match self
                .destinations
                .iter_mut()
                .find(|x| x.territory == d.territory)
            {
                Some(existing) => *existing = d,
                None => self.destinations.push(d),
            }
        }
        self.rules.extend(other.rules);
    }

    /// The destination record for a country: its own, or that of a
    /// territory containing it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, Currency};
    /// use crossborder::tax::RegimeTable;
    /// let t = RegimeTable::builtin();
    /// assert_eq!(t.destination_for(Country::JP).map(|d| d.currency), Some(Currency::JPY));
    /// assert!(t.destination_for(Country::BR).is_none());
    /// ```
    pub fn destination_for(&self, country: Country) -> Option<&Destination> {
        self.destinations
            .iter()
            .find(|d| d.territory == Territory::Country(country))
            .or_else(|| {
                self.destinations
                    .iter()
                    .find(|d| d.territory.contains(country))
            })
    }

    /// The rule with this id.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::RegimeTable;
    /// assert!(RegimeTable::builtin().rule("gb.low_value").is_some());
    /// ```
    pub fn rule(&self, id: &str) -> Option<&RegimeRule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The rules for a country (its own and its territory's) in force on a
    /// date, whatever the parcel, in table order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Country;
    /// use crossborder::tax::RegimeTable;
    /// let d = NaiveDate::from_ymd_opt(2026, 8, 1).ok_or("date")?;
    /// let ids: Vec<&str> = RegimeTable::builtin().rules_in_force(Country::FR, d).map(|r| r.id.as_str()).collect();
    /// assert!(ids.contains(&"eu.flat_duty") && ids.contains(&"fr.small_parcel_tax"));
    /// assert!(!ids.contains(&"eu.duty_relief"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rules_in_force(
        &self,
        country: Country,
        date: NaiveDate,
    ) -> impl Iterator<Item = &RegimeRule> + '_ {
        self.rules
            .iter()
            .filter(move |r| r.destination.contains(country) && r.effective.contains(date))
    }

    /// Problems with the table itself, as a report whose pointers resolve
    /// against `serde_json::to_value(&table)`: two rules with one id
    /// (`regime.table_invalid`), a `supersedes` naming no rule, a rule for a
    /// destination without a record, a subheading charge of fewer than 6 or
    /// more than 13 digits, or a value-based charge with a negative rate.
    /// An empty report means the table is consistent.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::RegimeTable;
    /// assert!(RegimeTable::builtin().check().is_empty());
    /// let mut t = RegimeTable::builtin().clone();
    /// let first = t.rules[0].clone();
    /// t.rules.push(first);
    /// let report = t.check();
    /// assert_eq!(report.len(), 1);
    /// assert!(report.as_slice()[0].pointer().as_str().starts_with("/rules/"));
    /// ```
    pub fn check(&self) -> crate::Report {
        super::check_table(self)
    }
}
