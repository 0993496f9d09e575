//! [`Parcel`], [`ParcelItem`] and [`Seller`]: what a regime is asked about.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::rule::{Channel, Registration};
use crate::{Abn, Arn, Country, Currency, Eori, HsCode, IossNumber, SgGstNumber, UkVatNumber};

/// A parcel sent to a destination: where from and to, on which day (the day
/// of import, which decides the rules in force), by which channel, the
/// seller's registrations, its items and their values in one currency,
/// shipping and insurance, and whether it is a gift between private
/// individuals.
///
/// Amounts are in `currency`. Nothing is checked when a parcel is built:
/// [`RegimeTable::assess`](super::RegimeTable::assess) reports negative
/// amounts, zero quantities, unknown HS codes and missing rates at the JSON
/// Pointers of the parcel's JSON form (`/items/0/unitValue`), as
/// [`ParcelJson`](super::ParcelJson) reads it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{Country, Currency, HsCode};
/// use crossborder::tax::{Channel, Parcel, ParcelItem};
/// use rust_decimal::Decimal;
///
/// let date = NaiveDate::from_ymd_opt(2026, 8, 1).ok_or("date")?;
/// let parcel = Parcel::new(Country::CN, Country::FR, date, Channel::Courier, Currency::EUR)
///     .with_item(ParcelItem::new(HsCode::parse("620610")?, 1, Decimal::new(3000, 2)))
///     .with_shipping(Decimal::new(800, 2));
/// assert_eq!(parcel.goods_value(), Some(Decimal::new(3000, 2)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parcel {
    /// The country the parcel is shipped from.
    pub origin: Country,
    /// The destination country.
    pub destination: Country,
    /// The day of import.
    pub date: NaiveDate,
    /// Post or courier.
    pub channel: Channel,
    /// The seller's registrations.
    pub seller: Seller,
    /// The currency of every amount of the parcel.
    pub currency: Currency,
    /// The items.
    pub items: Vec<ParcelItem>,
    /// Shipping charged for the parcel.
    pub shipping: Decimal,
    /// Insurance charged for the parcel.
    pub insurance: Decimal,
    /// Whether it is a gift between private individuals.
    pub gift: bool,
}

/// One line of a parcel: an HS code, a quantity, the value of one unit and,
/// when the caller knows it, the tariff duty rate (a fraction: `0.12` for
/// 12 %) the crate applies where duty is due. The crate ships no tariff
/// schedule.
///
/// # Example
///
/// ```
/// use crossborder::HsCode;
/// use crossborder::tax::ParcelItem;
/// use rust_decimal::Decimal;
/// let item = ParcelItem::new(HsCode::parse("620620")?, 2, Decimal::new(2500, 2))
///     .with_description("wool blouse")
///     .with_duty_rate(Decimal::new(12, 2));
/// assert_eq!(item.line_value(), Some(Decimal::new(5000, 2)));
/// # Ok::<(), crossborder::HsCodeError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParcelItem {
    /// What it is, for people.
    pub description: Option<String>,
    /// Its HS code.
    pub hs_code: HsCode,
    /// How many units.
    pub quantity: u32,
    /// The value of one unit, in the parcel's currency.
    pub unit_value: Decimal,
    /// The tariff duty rate, a fraction.
    pub duty_rate: Option<Decimal>,
}

impl ParcelItem {
    /// An item.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsCode;
    /// use crossborder::tax::ParcelItem;
    /// use rust_decimal::Decimal;
    /// let item = ParcelItem::new(HsCode::parse("851830")?, 1, Decimal::from(20));
    /// assert!(item.duty_rate.is_none());
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn new(hs_code: HsCode, quantity: u32, unit_value: Decimal) -> ParcelItem {
        ParcelItem {
            description: None,
            hs_code,
            quantity,
            unit_value,
            duty_rate: None,
        }
    }

    /// With a description.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsCode;
    /// use crossborder::tax::ParcelItem;
    /// use rust_decimal::Decimal;
    /// let item = ParcelItem::new(HsCode::parse("851830")?, 1, Decimal::ONE).with_description("earbuds");
    /// assert_eq!(item.description.as_deref(), Some("earbuds"));
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> ParcelItem {
        self.description = Some(description.into());
        self
    }

    /// With the tariff duty rate (a fraction).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsCode;
    /// use crossborder::tax::ParcelItem;
    /// use rust_decimal::Decimal;
    /// let item = ParcelItem::new(HsCode::parse("851830")?, 1, Decimal::ONE).with_duty_rate(Decimal::ZERO);
    /// assert_eq!(item.duty_rate, Some(Decimal::ZERO));
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    #[must_use]
    pub fn with_duty_rate(mut self, rate: Decimal) -> ParcelItem {
        self.duty_rate = Some(rate);
        self
    }

    /// Quantity times unit value, exactly (`None` on overflow).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::HsCode;
    /// use crossborder::tax::ParcelItem;
    /// use rust_decimal::Decimal;
    /// let item = ParcelItem::new(HsCode::parse("851830")?, 3, Decimal::new(333, 2));
    /// assert_eq!(item.line_value(), Some(Decimal::new(999, 2)));
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn line_value(&self) -> Option<Decimal> {
        self.unit_value.checked_mul(Decimal::from(self.quantity))
    }
}

/// The seller's registrations and identifiers, each checked for its form
/// when read. A registration moves the collection of VAT or GST to the sale
/// where the destination's rule says so ([`Registration`]).
///
/// # Example
///
/// ```
/// use crossborder::tax::{Registration, Seller};
/// let seller = Seller::default().with_ioss("IM2500000001".parse()?);
/// assert!(seller.has(Registration::Ioss));
/// assert!(!seller.has(Registration::UkVat));
/// # Ok::<(), crossborder::IossNumberError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seller {
    /// IOSS number (JSON `ioss`).
    pub ioss: Option<IossNumber>,
    /// UK VAT number (JSON `ukVat`).
    pub uk_vat: Option<UkVatNumber>,
    /// ATO reference number (JSON `auArn`).
    pub au_arn: Option<Arn>,
    /// Australian business number, for a vendor with a full GST registration
    /// (JSON `auAbn`).
    pub au_abn: Option<Abn>,
    /// Singapore GST registration number (JSON `sgOvr`).
    pub sg_ovr: Option<SgGstNumber>,
    /// EORI number (JSON `eori`), for the record: no rule of the table
    /// depends on it.
    pub eori: Option<Eori>,
}

impl Seller {
    /// Whether the seller has a registration (an ARN or an ABN for
    /// [`Registration::AuArn`]).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{Registration, Seller};
    /// let s = Seller { au_abn: Some("51824753556".parse()?), ..Seller::default() };
    /// assert!(s.has(Registration::AuArn));
    /// # Ok::<(), crossborder::AbnError>(())
    /// ```
    pub fn has(&self, registration: Registration) -> bool {
        match registration {
            Registration::Ioss => self.ioss.is_some(),
            Registration::UkVat => self.uk_vat.is_some(),
            Registration::AuArn => self.au_arn.is_some() || self.au_abn.is_some(),
            Registration::SgOvr => self.sg_ovr.is_some(),
        }
    }

    /// With an IOSS number.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Seller;
    /// assert!(Seller::default().with_ioss("IM2500000001".parse()?).ioss.is_some());
    /// # Ok::<(), crossborder::IossNumberError>(())
    /// ```
    #[must_use]
    pub fn with_ioss(mut self, ioss: IossNumber) -> Seller {
        self.ioss = Some(ioss);
        self
    }

    /// With a UK VAT number.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Seller;
    /// assert!(Seller::default().with_uk_vat("GB123456782".parse()?).uk_vat.is_some());
    /// # Ok::<(), crossborder::UkVatNumberError>(())
    /// ```
    #[must_use]
    pub fn with_uk_vat(mut self, vat: UkVatNumber) -> Seller {
        self.uk_vat = Some(vat);
        self
    }

    /// With an ARN.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Seller;
    /// assert!(Seller::default().with_au_arn("500012345678".parse()?).au_arn.is_some());
    /// # Ok::<(), crossborder::ArnError>(())
    /// ```
    #[must_use]
    pub fn with_au_arn(mut self, arn: Arn) -> Seller {
        self.au_arn = Some(arn);
        self
    }

    /// With a Singapore GST registration number.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Seller;
    /// assert!(Seller::default().with_sg_ovr("M90371234X".parse()?).sg_ovr.is_some());
    /// # Ok::<(), crossborder::SgGstNumberError>(())
    /// ```
    #[must_use]
    pub fn with_sg_ovr(mut self, number: SgGstNumber) -> Seller {
        self.sg_ovr = Some(number);
        self
    }
}

impl Parcel {
    /// A parcel with no item, no registration, no shipping or insurance,
    /// not a gift.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Currency};
    /// use crossborder::tax::{Channel, Parcel};
    /// let p = Parcel::new(Country::CN, Country::US, NaiveDate::MIN, Channel::Postal, Currency::USD);
    /// assert!(p.items.is_empty() && !p.gift);
    /// ```
    pub fn new(
        origin: Country,
        destination: Country,
        date: NaiveDate,
        channel: Channel,
        currency: Currency,
    ) -> Parcel {
        Parcel {
            origin,
            destination,
            date,
            channel,
            seller: Seller::default(),
            currency,
            items: Vec::new(),
            shipping: Decimal::ZERO,
            insurance: Decimal::ZERO,
            gift: false,
        }
    }

    /// With one more item.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::{Country, Currency, HsCode};
    /// # use crossborder::tax::{Channel, Parcel, ParcelItem};
    /// # use rust_decimal::Decimal;
    /// let p = Parcel::new(Country::CN, Country::US, NaiveDate::MIN, Channel::Postal, Currency::USD)
    ///     .with_item(ParcelItem::new(HsCode::parse("851830")?, 1, Decimal::TEN));
    /// assert_eq!(p.items.len(), 1);
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    #[must_use]
    pub fn with_item(mut self, item: ParcelItem) -> Parcel {
        self.items.push(item);
        self
    }

    /// With the seller's registrations.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::{Country, Currency};
    /// # use crossborder::tax::{Channel, Parcel, Registration, Seller};
    /// let p = Parcel::new(Country::CN, Country::FR, NaiveDate::MIN, Channel::Postal, Currency::EUR)
    ///     .with_seller(Seller::default().with_ioss("IM2500000001".parse()?));
    /// assert!(p.seller.has(Registration::Ioss));
    /// # Ok::<(), crossborder::IossNumberError>(())
    /// ```
    #[must_use]
    pub fn with_seller(mut self, seller: Seller) -> Parcel {
        self.seller = seller;
        self
    }

    /// With shipping charged.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::{Country, Currency};
    /// # use crossborder::tax::{Channel, Parcel};
    /// # use rust_decimal::Decimal;
    /// let p = Parcel::new(Country::CN, Country::FR, NaiveDate::MIN, Channel::Postal, Currency::EUR)
    ///     .with_shipping(Decimal::from(8));
    /// assert_eq!(p.shipping, Decimal::from(8));
    /// ```
    #[must_use]
    pub fn with_shipping(mut self, shipping: Decimal) -> Parcel {
        self.shipping = shipping;
        self
    }

    /// With insurance charged.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::{Country, Currency};
    /// # use crossborder::tax::{Channel, Parcel};
    /// # use rust_decimal::Decimal;
    /// let p = Parcel::new(Country::CN, Country::FR, NaiveDate::MIN, Channel::Postal, Currency::EUR)
    ///     .with_insurance(Decimal::ONE);
    /// assert_eq!(p.insurance, Decimal::ONE);
    /// ```
    #[must_use]
    pub fn with_insurance(mut self, insurance: Decimal) -> Parcel {
        self.insurance = insurance;
        self
    }

    /// As a gift between private individuals (or not).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::{Country, Currency};
    /// # use crossborder::tax::{Channel, Parcel};
    /// let p = Parcel::new(Country::CN, Country::GB, NaiveDate::MIN, Channel::Postal, Currency::GBP).as_gift(true);
    /// assert!(p.gift);
    /// ```
    #[must_use]
    pub fn as_gift(mut self, gift: bool) -> Parcel {
        self.gift = gift;
        self
    }

    /// The same parcel on another day (time travel).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::{Country, Currency};
    /// # use crossborder::tax::{Channel, Parcel};
    /// let d = NaiveDate::from_ymd_opt(2025, 6, 1).ok_or("date")?;
    /// let p = Parcel::new(Country::CN, Country::US, NaiveDate::MIN, Channel::Postal, Currency::USD).on(d);
    /// assert_eq!(p.date, d);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn on(mut self, date: NaiveDate) -> Parcel {
        self.date = date;
        self
    }

    /// The value of the goods (the sum of the items' lines), exactly, in the
    /// parcel's currency (`None` on overflow).
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use crossborder::{Country, Currency, HsCode};
    /// # use crossborder::tax::{Channel, Parcel, ParcelItem};
    /// # use rust_decimal::Decimal;
    /// let p = Parcel::new(Country::CN, Country::FR, NaiveDate::MIN, Channel::Postal, Currency::EUR)
    ///     .with_item(ParcelItem::new(HsCode::parse("620610")?, 1, Decimal::from(30)))
    ///     .with_item(ParcelItem::new(HsCode::parse("620620")?, 2, Decimal::from(25)));
    /// assert_eq!(p.goods_value(), Some(Decimal::from(80)));
    /// # Ok::<(), crossborder::HsCodeError>(())
    /// ```
    pub fn goods_value(&self) -> Option<Decimal> {
        self.items
            .iter()
            .try_fold(Decimal::ZERO, |sum, i| sum.checked_add(i.line_value()?))
    }
}
