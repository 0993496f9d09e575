//! The assessment of a parcel: [`RegimeTable::assess`] and its answer,
//! [`RegimeAssessment`].

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::parcel::{Parcel, ParcelItem};
use super::rule::{
    ChargeBasis, ChargeTerms, Destination, DutyTreatment, RegimeRule, RegimeTable, Registration,
    Threshold, ThresholdScope, Valuation, ValueBase, VatCollection,
};
use crate::{
    Code, Country, Currency, ExchangeRates, HsEdition, JsonPointer, Money, MoneyError, Report,
    Severity, Violation, hs,
};

/// How converted values and charges are rounded: once, to the currency's
/// minor unit, half away from zero (customs practice for amounts declared
/// in cents).
///
/// # Example
///
/// ```
/// use crossborder::tax::VALUE_ROUNDING;
/// use rust_decimal::Decimal;
/// assert_eq!(Decimal::new(1005, 3).round_dp_with_strategy(2, VALUE_ROUNDING), Decimal::new(101, 2));
/// ```
pub const VALUE_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// The code of the charge that carries the duty at the caller's tariff rates,
/// when every item that owes duty has one.
///
/// # Example
///
/// ```
/// use crossborder::tax::{ParcelJson, RegimeTable, TARIFF_DUTY_CODE};
/// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "US", "date": "2025-09-01",
///     "channel": "courier", "currency": "USD",
///     "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 40, "dutyRate": "0.25"}]}"#)?;
/// let a = p.assess(RegimeTable::builtin(), &Default::default());
/// assert_eq!(a.charges()[0].code(), TARIFF_DUTY_CODE);
/// assert_eq!(a.charges()[0].amount_text(), "10.00");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub const TARIFF_DUTY_CODE: &str = "customs_duty";

/// A value as a regime compares it: the amount (rounded to the currency's
/// minor unit) and the name of the base.
///
/// # Example
///
/// ```
/// use crossborder::tax::{ParcelJson, RegimeTable, ValueBase};
/// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "GB", "date": "2026-08-01",
///     "channel": "postal", "currency": "GBP", "items": [{"hsCode": "420222", "quantity": 1, "unitValue": 40}]}"#)?;
/// let a = p.assess(RegimeTable::builtin(), &Default::default());
/// let v = a.value().ok_or("no value")?;
/// assert_eq!(v.amount().to_string(), "40 GBP");
/// assert_eq!(v.base(), ValueBase::IntrinsicValue);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssessedValue {
    amount: Money,
    base: ValueBase,
}

impl AssessedValue {
    /// The amount, in the destination's currency.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "GB", "date": "2026-08-01",
    ///     "channel": "postal", "currency": "GBP", "items": [{"hsCode": "420222", "quantity": 1, "unitValue": 40}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.value().map(|v| v.amount().to_string()).as_deref(), Some("40 GBP"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The base it is on.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "GB", "date": "2026-08-01",
    ///     "channel": "postal", "currency": "GBP", "items": [{"hsCode": "420222", "quantity": 1, "unitValue": 40}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.value().map(|v| v.base().as_str()), Some("intrinsic_value"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn base(&self) -> ValueBase {
        self.base
    }

    /// The amount as text with exactly the currency's decimals (`"80.00"`,
    /// `"10000"` for yen), as the answer's JSON writes it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "GB", "date": "2026-08-01",
    ///     "channel": "postal", "currency": "GBP", "items": [{"hsCode": "420222", "quantity": 1, "unitValue": 40}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.value().map(|v| v.amount_text()).as_deref(), Some("40.00"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn amount_text(&self) -> String {
        fixed(self.amount)
    }
}

/// A charge an assessment found, with its amount and the rule that adds it
/// (none for the duty at the caller's tariff rates, [`TARIFF_DUTY_CODE`]).
///
/// # Example
///
/// ```
/// use crossborder::tax::{ParcelJson, RegimeTable};
/// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "DE", "date": "2026-07-01",
///     "channel": "postal", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
/// let a = p.assess(RegimeTable::builtin(), &Default::default());
/// let c = &a.charges()[0];
/// assert_eq!((c.code(), c.amount().to_string().as_str()), ("eu_flat_duty", "3 EUR"));
/// assert!(c.is_duty());
/// assert_eq!(c.rule().map(|r| r.id.as_str()), Some("eu.flat_duty"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssessedCharge<'t> {
    code: &'t str,
    amount: Money,
    duty: bool,
    rule: Option<&'t RegimeRule>,
}

impl<'t> AssessedCharge<'t> {
    /// The charge's code.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "DE", "date": "2026-07-01",
    ///     "channel": "postal", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.charges()[0].code(), "eu_flat_duty");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn code(&self) -> &'t str {
        self.code
    }

    /// Its amount, rounded to the currency's minor unit.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "DE", "date": "2026-07-01",
    ///     "channel": "postal", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.charges()[0].amount().to_string(), "3 EUR");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The amount as text with exactly the currency's decimals, as the
    /// answer's JSON writes it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "DE", "date": "2026-07-01",
    ///     "channel": "postal", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.charges()[0].amount_text(), "3.00");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn amount_text(&self) -> String {
        fixed(self.amount)
    }

    /// Whether it is a customs duty.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "DE", "date": "2026-07-01",
    ///     "channel": "postal", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert!(a.charges()[0].is_duty());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn is_duty(&self) -> bool {
        self.duty
    }

    /// The rule that adds it (none for the tariff duty).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "DE", "date": "2026-07-01",
    ///     "channel": "postal", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.charges()[0].rule().map(|r| r.id.as_str()), Some("eu.flat_duty"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn rule(&self) -> Option<&'t RegimeRule> {
        self.rule
    }
}

/// The answer for one parcel: its value on the regime's base in the
/// destination's currency, whether duty is relieved, who collects the VAT or
/// GST, every charge with its amount, the rules that decided, and a report
/// of every problem (at the parcel JSON's pointers).
///
/// An answer the crate cannot give is `None` and the report says why: the
/// destination has no rule, a rate is missing, a value is negative or
/// malformed. Serializes as the JSON object of `examples/landed_regime.rs`:
/// `{"destination", "date", "value": {"amount", "currency", "base"},
/// "dutyRelief", "vatCollected", "charges": [{"code", "amount",
/// "currency"}], "rules": [{"id", "source", "from", "to"}], "report"}`,
/// amounts as strings with the currency's decimals.
///
/// # Example
///
/// ```
/// use crossborder::tax::{ParcelJson, RegimeTable, VatCollection};
///
/// let p: ParcelJson = serde_json::from_str(r#"{
///   "origin": "CN", "destination": "FR", "date": "2026-08-01", "channel": "courier",
///   "seller": {"ioss": "IM2500000001"}, "currency": "EUR",
///   "items": [{"hsCode": "620610", "quantity": 1, "unitValue": "30.00"},
///             {"hsCode": "620620", "quantity": 2, "unitValue": "25.00"}],
///   "shipping": "8.00", "insurance": "0", "gift": false}"#)?;
/// let a = p.assess(RegimeTable::builtin(), &Default::default());
/// assert_eq!(a.duty_relief(), Some(false));
/// assert_eq!(a.vat_collected(), Some(VatCollection::AtSale));
/// let json = serde_json::to_value(&a)?;
/// assert_eq!(json["value"]["amount"], "80.00");
/// assert_eq!(json["charges"][0]["amount"], "6.00"); // EUR 3 x 2 subheadings
/// assert_eq!(json["charges"][1]["code"], "fr_small_parcel_tax");
/// assert!(a.report().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RegimeAssessment<'t> {
    destination: Option<Country>,
    date: Option<NaiveDate>,
    record: Option<&'t Destination>,
    value: Option<AssessedValue>,
    duty: Option<DutyTreatment>,
    vat: Option<VatCollection>,
    charges: Vec<AssessedCharge<'t>>,
    rules: Vec<&'t RegimeRule>,
    report: Report,
}

impl RegimeAssessment<'static> {
    /// An answer that decides nothing, for a document that could not be read
    /// at all (text that is not JSON, an array where the parcel's object
    /// belongs): every member unknown, the report saying why. It serializes
    /// like any answer.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeAssessment};
    /// use crossborder::wire;
    ///
    /// let err = wire::from_json::<ParcelJson>(br#"{"items": "none"}"#).unwrap_err();
    /// let a = RegimeAssessment::unread(err.into_report());
    /// let json = serde_json::to_value(&a)?;
    /// assert_eq!(json["dutyRelief"], serde_json::Value::Null);
    /// assert_eq!(json["report"][0]["code"], "json.structure");
    /// assert_eq!(json["report"][0]["path"], "/items");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn unread(report: Report) -> RegimeAssessment<'static> {
        RegimeAssessment {
            destination: None,
            date: None,
            record: None,
            value: None,
            duty: None,
            vat: None,
            charges: Vec::new(),
            rules: Vec::new(),
            report,
        }
    }
}

impl<'t> RegimeAssessment<'t> {
    /// The destination, when it is known.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Country, tax::{ParcelJson, RegimeTable}};
    /// let p: ParcelJson = serde_json::from_str(r#"{"destination": "JP"}"#)?;
    /// assert_eq!(p.assess(RegimeTable::builtin(), &Default::default()).destination(), Some(Country::JP));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn destination(&self) -> Option<Country> {
        self.destination
    }

    /// The day of import, when it is known.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"date": "2026-01-31"}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.date().map(|d| d.to_string()).as_deref(), Some("2026-01-31"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn date(&self) -> Option<NaiveDate> {
        self.date
    }

    /// The destination record that applied (its currency and valuation).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Currency, tax::{ParcelJson, RegimeTable}};
    /// let p: ParcelJson = serde_json::from_str(r#"{"destination": "IT"}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.destination_record().map(|d| d.currency), Some(Currency::EUR));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn destination_record(&self) -> Option<&'t Destination> {
        self.record
    }

    /// The parcel's value on the destination's base, in its currency.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "GB", "date": "2026-08-01",
    ///     "channel": "postal", "currency": "GBP", "items": [{"hsCode": "420222", "quantity": 1, "unitValue": 40}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.value().map(|v| v.amount_text()).as_deref(), Some("40.00"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn value(&self) -> Option<AssessedValue> {
        self.value
    }

    /// The duty treatment: relieved, or due (at the tariff rate or as a flat
    /// duty among the charges).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::tax::{DutyTreatment, ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "US", "date": "2025-03-01",
    ///     "channel": "postal", "currency": "USD", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.duty(), Some(DutyTreatment::Relieved)); // de minimis, before 2025-05-02
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn duty(&self) -> Option<DutyTreatment> {
        self.duty
    }

    /// Whether the parcel owes no duty at all: false whenever any duty,
    /// tariff or flat, is due.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "DE", "date": "2026-07-01",
    ///     "channel": "postal", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.duty_relief(), Some(false)); // the EUR 3 flat duty
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn duty_relief(&self) -> Option<bool> {
        match self.duty {
            Some(DutyTreatment::Relieved) => Some(!self.charges.iter().any(|c| c.duty)),
            Some(DutyTreatment::Due) => Some(false),
            None => self.charges.iter().any(|c| c.duty).then_some(false),
        }
    }

    /// Who collects the VAT or GST.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "GB", "date": "2026-08-01",
    ///     "channel": "postal", "currency": "GBP", "items": [{"hsCode": "420222", "quantity": 1, "unitValue": 40}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.vat_collected().map(|v| v.as_str()), Some("at_sale"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn vat_collected(&self) -> Option<VatCollection> {
        self.vat
    }

    /// Every charge, in the order of the rules that add them, the tariff
    /// duty last.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "DE", "date": "2026-07-01",
    ///     "channel": "postal", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.charges().len(), 1);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn charges(&self) -> &[AssessedCharge<'t>] {
        &self.charges
    }

    /// The rules that decided, in table order.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "US", "date": "2025-06-01",
    ///     "channel": "postal", "currency": "USD", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// let ids: Vec<&str> = a.rules().iter().map(|r| r.id.as_str()).collect();
    /// assert_eq!(ids, ["us.de_minimis_ended_cn_hk", "us.no_vat"]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn rules(&self) -> &[&'t RegimeRule] {
        &self.rules
    }

    /// Every problem, in document order.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "BR", "date": "2026-01-01",
    ///     "channel": "postal", "currency": "USD", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// assert_eq!(a.report().as_slice()[0].code().as_str(), "regime.no_rule");
    /// assert_eq!(a.duty_relief(), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The report, taken out.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str("{}")?;
    /// assert!(p.assess(RegimeTable::builtin(), &Default::default()).into_report().has_errors());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn into_report(self) -> Report {
        self.report
    }
}

impl<'t> RegimeAssessment<'t> {
    /// Whether two answers decide the same: value, duty, VAT, charges and
    /// rules.
    pub(super) fn same_decision(&self, other: &RegimeAssessment<'_>) -> bool {
        self.value == other.value
            && self.duty == other.duty
            && self.vat == other.vat
            && self.charges.len() == other.charges.len()
            && self
                .charges
                .iter()
                .zip(&other.charges)
                .all(|(a, b)| a.code == b.code && a.amount == b.amount)
            && self.rules.len() == other.rules.len()
            && self
                .rules
                .iter()
                .zip(&other.rules)
                .all(|(a, b)| a.id == b.id)
    }

    /// The same answer with nothing decided (the report kept).
    pub(super) fn withheld(mut self) -> RegimeAssessment<'t> {
        self.duty = None;
        self.vat = None;
        self.charges.clear();
        self.rules.clear();
        self
    }

    /// Adds a violation, keeping the report in document order.
    pub(super) fn push_violation(&mut self, v: Violation) {
        self.report.push(v);
        super::sort_report(&mut self.report);
    }
}

/// The amount with exactly the currency's number of decimals.
pub(crate) fn fixed(amount: Money) -> String {
    let dp = u32::from(amount.currency().exponent().unwrap_or(2));
    let mut a = amount.amount().round_dp_with_strategy(dp, VALUE_ROUNDING);
    a.rescale(dp);
    a.to_string()
}

impl Serialize for RegimeAssessment<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Value<'a>(&'a AssessedValue);
        impl Serialize for Value<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("amount", &fixed(self.0.amount))?;
                m.serialize_entry("currency", self.0.amount.currency().code())?;
                m.serialize_entry("base", self.0.base.as_str())?;
                m.end()
            }
        }
        struct ChargeJson<'a, 't>(&'a AssessedCharge<'t>);
        impl Serialize for ChargeJson<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("code", self.0.code)?;
                m.serialize_entry("amount", &fixed(self.0.amount))?;
                m.serialize_entry("currency", self.0.amount.currency().code())?;
                m.end()
            }
        }
        struct RuleJson<'a>(&'a RegimeRule);
        impl Serialize for RuleJson<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
                let mut m = s.serialize_map(Some(4))?;
                m.serialize_entry("id", &self.0.id)?;
                m.serialize_entry("source", &self.0.source)?;
                m.serialize_entry("from", &day(self.0.from()))?;
                m.serialize_entry("to", &day(self.0.to()))?;
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(9))?;
        m.serialize_entry("destination", &self.destination.map(|c| c.to_string()))?;
        m.serialize_entry("date", &self.date.map(|d| d.format("%Y-%m-%d").to_string()))?;
        m.serialize_entry("value", &self.value.as_ref().map(Value))?;
        m.serialize_entry("dutyRelief", &self.duty_relief())?;
        m.serialize_entry("vatCollected", &self.vat.map(VatCollection::as_str))?;
        let charges: Vec<ChargeJson<'_, '_>> = self.charges.iter().map(ChargeJson).collect();
        m.serialize_entry("charges", &charges)?;
        let rules: Vec<RuleJson<'_>> = self.rules.iter().map(|r| RuleJson(r)).collect();
        m.serialize_entry("rules", &rules)?;
        m.serialize_entry("report", &self.report)?;
        m.end()
    }
}

/// What the JSON reading could not give the assessment: the decision is
/// withheld when `decision` is set, and the checks that need a missing value
/// are skipped.
#[derive(Debug, Default)]
pub(super) struct Gaps {
    /// A value the decision needs is missing or malformed.
    pub(super) decision: bool,
    pub(super) destination: bool,
    pub(super) date: bool,
    pub(super) currency: bool,
    /// Items whose HS code is missing or malformed (a placeholder).
    pub(super) bad_hs: Vec<bool>,
    /// `channel` was not given (the assessment tries both).
    pub(super) channel_missing: bool,
}

impl RegimeTable {
    /// Assesses a parcel with the caller's exchange rates: its value on the
    /// destination's base, duty relieved or due, who collects the VAT or GST,
    /// every charge, the deciding rules, and every problem at once.
    ///
    /// How the rules decide (see [`RegimeRule`]): the rules of the
    /// destination (and of the EU for a member) in force on the parcel's
    /// date and covering its origin, channel and gift status apply, less
    /// those another applicable rule supersedes. For each item, duty is
    /// relieved when any rule relieves it and VAT is not due when any rule
    /// says so, else collected at the sale when any rule says so, else at
    /// the border. The parcel owes duty when any item does, and its VAT is
    /// collected at the border when any item's is, else at the sale, else not
    /// due. A value is compared with a threshold after conversion into the
    /// threshold's currency and rounding to its minor unit
    /// ([`VALUE_ROUNDING`]); [`Threshold::inclusive`] says whether a value
    /// equal to the limit is within.
    ///
    /// Problems are reported, never fatal: a destination with no rule
    /// (`regime.no_rule`), a missing exchange rate (`regime.rate_missing`),
    /// an HS code the nomenclature in force does not know
    /// (`hs_code.unknown`), a negative amount (`regime.amount_negative`),
    /// a zero quantity, no item; a seller without the registration a
    /// sale-taxing regime needs (`regime.registration_missing`, a warning),
    /// duty due with no tariff rate given (`regime.duty_rate_needed`, a
    /// warning), goods outside a relief (`regime.excluded_goods`, a
    /// warning).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{Country, Currency, ExchangeRates, HsCode};
    /// use crossborder::tax::{Channel, Parcel, ParcelItem, RegimeTable, VatCollection};
    /// use rust_decimal::Decimal;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let parcel = Parcel::new(Country::CN, Country::GB, day(2026, 8, 1)?, Channel::Postal, Currency::USD)
    ///     .with_item(ParcelItem::new(HsCode::parse("420222")?, 1, Decimal::from(100)));
    /// let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::GBP, Decimal::new(79, 2))?;
    /// let a = RegimeTable::builtin().assess(&parcel, &rates);
    /// assert_eq!(a.value().map(|v| v.amount().to_string()).as_deref(), Some("79.00 GBP"));
    /// assert_eq!(a.duty_relief(), Some(true));
    /// assert_eq!(a.vat_collected(), Some(VatCollection::AtSale));
    /// // No UK VAT number: still at the sale, with a warning.
    /// assert_eq!(a.report().as_slice()[0].code().as_str(), "regime.registration_missing");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess<'t>(&'t self, parcel: &Parcel, rates: &ExchangeRates) -> RegimeAssessment<'t> {
        assess_with(self, parcel, rates, None, Report::new())
    }
}

/// A small list on the stack, spilling to the heap past `N`: the rules that
/// apply to one parcel, without an allocation for the common case.
struct Small<T: Copy + Default, const N: usize> {
    inline: [T; N],
    len: usize,
    spill: Vec<T>,
}

impl<T: Copy + Default, const N: usize> Small<T, N> {
    fn new() -> Self {
        Small {
            inline: [T::default(); N],
            len: 0,
            spill: Vec::new(),
        }
    }

    fn push(&mut self, v: T) {
        if self.len < N {
            self.inline[self.len] = v;
        } else {
            self.spill.push(v);
        }
        self.len += 1;
    }

    fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.inline[..self.len.min(N)]
            .iter()
            .copied()
            .chain(self.spill.iter().copied())
    }
}

/// A verdict that may be unknown (a value could not be compared).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tri<T> {
    Known(T),
    Unknown,
}

/// The parcel's sums in its own currency, exactly.
struct Sums {
    goods: Decimal,
    shipping: Decimal,
    insurance: Decimal,
}

impl Sums {
    fn valued(&self, v: &Valuation) -> Option<Decimal> {
        let mut x = self.goods.checked_mul(v.goods_factor)?;
        if v.shipping {
            x = x.checked_add(self.shipping)?;
        }
        if v.insurance {
            x = x.checked_add(self.insurance)?;
        }
        Some(x)
    }
}

/// Values in the currencies rules compare them in, converted and rounded
/// once, computed on demand; a missing rate is reported once per currency.
struct Values<'a> {
    sums: Sums,
    from: Currency,
    rates: &'a ExchangeRates,
    /// Keyed by the valuation's address (a destination's or a rule's, both
    /// borrowed from the table for the whole assessment) and the currency.
    cache: [Option<(*const Valuation, Currency, Option<Decimal>)>; 4],
    missing: [Option<Currency>; 4],
    overflow: bool,
}

impl Values<'_> {
    /// The parcel's value on a valuation, in a currency (`None`: no rate, or
    /// overflow; both reported).
    fn get(&mut self, v: &Valuation, to: Currency, report: &mut Report) -> Option<Decimal> {
        for (cv, cc, value) in self.cache.iter().flatten() {
            if std::ptr::eq(*cv, v) && *cc == to {
                return *value;
            }
        }
        let value = match self.sums.valued(v) {
            Some(exact) => self.convert(exact, to, report),
            None => {
                self.overflow = true;
                None
            }
        };
        if let Some(slot) = self.cache.iter_mut().find(|s| s.is_none()) {
            *slot = Some((v as *const Valuation, to, value));
        }
        value
    }

    /// An amount of the parcel's currency in another, rounded once.
    fn convert(&mut self, exact: Decimal, to: Currency, report: &mut Report) -> Option<Decimal> {
        match self.rates.apply(exact, self.from, to) {
            Ok(x) => Some(round(x, to)),
            Err(MoneyError::MissingRate { .. }) => {
                self.note_missing(to, report);
                None
            }
            Err(_) => {
                self.overflow = true;
                None
            }
        }
    }

    fn note_missing(&mut self, to: Currency, report: &mut Report) {
        if self.missing.iter().flatten().any(|c| *c == to) {
            return;
        }
        if let Some(slot) = self.missing.iter_mut().find(|s| s.is_none()) {
            *slot = Some(to);
        }
        report.push(rate_missing(self.from, to));
    }
}

fn round(x: Decimal, currency: Currency) -> Decimal {
    let dp = u32::from(currency.exponent().unwrap_or(2));
    if x.scale() <= dp {
        x
    } else {
        x.round_dp_with_strategy(dp, VALUE_ROUNDING)
    }
}

fn items_ptr(i: usize, field: &str) -> JsonPointer {
    JsonPointer::root().field("items").index(i).field(field)
}

fn error(code: Code, path: JsonPointer, en: String, zh: String) -> Violation {
    Violation::new(code, Severity::Error, path, en, zh)
}

fn warning(code: Code, path: JsonPointer, en: String, zh: String) -> Violation {
    Violation::new(code, Severity::Warning, path, en, zh)
}

fn rate_missing(from: Currency, to: Currency) -> Violation {
    error(
        Code::REGIME_RATE_MISSING,
        JsonPointer::root().field("currency"),
        format!(
            "no exchange rate from {} to {}: the parcel's value cannot be compared with the \
             regime's thresholds; give the rate in \"rates\"",
            from.code(),
            to.code()
        ),
        format!(
            "缺少 {} 兑 {} 的汇率：无法将包裹价值与该制度的门槛比较；请在 \"rates\" 中提供汇率",
            from.code(),
            to.code()
        ),
    )
    .with_value(from.code())
}

fn negative(path: JsonPointer, value: Decimal) -> Violation {
    error(
        Code::REGIME_AMOUNT_NEGATIVE,
        path,
        format!(
            "negative amount {value}: values, shipping, insurance and rates cannot be below zero"
        ),
        format!("金额 {value} 为负数：价值、运费、保险费和税率不能小于零"),
    )
    .with_value(value.to_string())
}

fn no_rule(country: Country, date: NaiveDate, what: &str, what_zh: &str) -> Violation {
    warning(
        Code::REGIME_NO_RULE,
        JsonPointer::root().field("destination"),
        format!(
            "no {what} rule for {country} in force on {date} in the table: the crate cannot say \
             whether duty or tax is due; add the destination's rules to the table"
        ),
        format!(
            "规则表中没有 {country} 在 {date} 有效的{what_zh}规则：无法判断是否应缴关税或税款；\
             请在规则表中加入该目的地的规则"
        ),
    )
    .with_value(country.to_string())
}

fn overflow() -> Violation {
    error(
        Code::REGIME_AMOUNT_OVERFLOW,
        JsonPointer::root().field("items"),
        "the parcel's amounts are too large to compute exactly".to_owned(),
        "包裹金额过大，无法精确计算".to_owned(),
    )
}

/// The assessment, with what the JSON reading could not give (`gaps`) and
/// its report so far.
pub(super) fn assess_with<'t>(
    table: &'t RegimeTable,
    parcel: &Parcel,
    rates: &ExchangeRates,
    gaps: Option<&Gaps>,
    mut report: Report,
) -> RegimeAssessment<'t> {
    let gap = |f: fn(&Gaps) -> bool| gaps.is_some_and(f);
    let mut answer = RegimeAssessment {
        destination: (!gap(|g| g.destination)).then_some(parcel.destination),
        date: (!gap(|g| g.date)).then_some(parcel.date),
        record: None,
        value: None,
        duty: None,
        vat: None,
        charges: Vec::new(),
        rules: Vec::new(),
        report: Report::new(),
    };
    let blocked = check_values(parcel, gaps, &mut report) || gap(|g| g.decision);
    decide(
        table,
        parcel,
        rates,
        gaps,
        blocked,
        &mut answer,
        &mut report,
    );
    super::sort_report(&mut report);
    answer.report = report;
    answer
}

/// The checks that need no rule: amounts, quantities, HS codes. Returns
/// whether they make a decision impossible.
fn check_values(parcel: &Parcel, gaps: Option<&Gaps>, report: &mut Report) -> bool {
    let mut blocked = false;
    if parcel.items.is_empty() && gaps.is_none_or(|g| !g.decision) {
        report.push(error(
            Code::REGIME_NO_ITEMS,
            JsonPointer::root().field("items"),
            "the parcel has no item: a regime is decided on the parcel's goods".to_owned(),
            "包裹没有任何商品：制度判断需要包裹内的商品".to_owned(),
        ));
        blocked = true;
    }
    let edition = HsEdition::in_force_on(parcel.date);
    for (i, item) in parcel.items.iter().enumerate() {
        let bad_hs = gaps.is_some_and(|g| g.bad_hs.get(i).copied().unwrap_or(true));
        if !bad_hs {
            let check = hs::check(item.hs_code, edition);
            if !check.exists()
                && let Some(v) = check.violation(items_ptr(i, "hsCode"))
            {
                report.push(v);
            }
        }
        if item.quantity == 0 {
            report.push(
                error(
                    Code::REGIME_QUANTITY_INVALID,
                    items_ptr(i, "quantity"),
                    "invalid quantity 0: an item has at least one unit".to_owned(),
                    "数量 0 无效：每个商品至少 1 件".to_owned(),
                )
                .with_value("0"),
            );
            blocked = true;
        }
        if item.unit_value.is_sign_negative() && !item.unit_value.is_zero() {
            report.push(negative(items_ptr(i, "unitValue"), item.unit_value));
            blocked = true;
        }
        if let Some(r) = item.duty_rate
            && r.is_sign_negative()
            && !r.is_zero()
        {
            report.push(negative(items_ptr(i, "dutyRate"), r));
            blocked = true;
        }
    }
    for (field, v) in [
        ("shipping", parcel.shipping),
        ("insurance", parcel.insurance),
    ] {
        if v.is_sign_negative() && !v.is_zero() {
            report.push(negative(JsonPointer::root().field(field), v));
            blocked = true;
        }
    }
    blocked
}

/// Whether the parcel does not cross a customs border: from the destination
/// itself, or between two EU members.
fn is_domestic(origin: Country, destination: Country, dest_in_eu: bool) -> bool {
    origin == destination || (dest_in_eu && crate::is_eu_member(origin))
}

#[allow(clippy::too_many_lines)]
fn decide<'t>(
    table: &'t RegimeTable,
    parcel: &Parcel,
    rates: &ExchangeRates,
    gaps: Option<&Gaps>,
    blocked: bool,
    answer: &mut RegimeAssessment<'t>,
    report: &mut Report,
) {
    let gap = |f: fn(&Gaps) -> bool| gaps.is_some_and(f);
    if gap(|g| g.destination) {
        return;
    }
    let dest = parcel.destination;
    let Some(record) = table.destination_for(dest) else {
        if !gap(|g| g.date) {
            report.push(no_rule(dest, parcel.date, "low-value import", "低价值进口"));
        } else {
            report.push(
                no_rule(dest, NaiveDate::MIN, "low-value import", "低价值进口")
                    .with_value(dest.to_string()),
            );
        }
        return;
    };
    answer.record = Some(record);
    let currency_known = !gap(|g| g.currency);
    // Values: only from amounts that are all known and not negative.
    let sums = if currency_known && !blocked {
        let goods = parcel.goods_value();
        match goods {
            Some(goods) => Some(Sums {
                goods,
                shipping: parcel.shipping,
                insurance: parcel.insurance,
            }),
            None => {
                report.push(overflow());
                return;
            }
        }
    } else {
        None
    };
    let have_values = sums.is_some();
    let mut values = Values {
        sums: sums.unwrap_or(Sums {
            goods: Decimal::ZERO,
            shipping: Decimal::ZERO,
            insurance: Decimal::ZERO,
        }),
        from: parcel.currency,
        rates,
        cache: [None; 4],
        missing: [None; 4],
        overflow: false,
    };
    if have_values {
        if let Some(v) = values.get(&record.valuation, record.currency, report) {
            answer.value = Some(AssessedValue {
                amount: Money::new(v, record.currency),
                base: record.valuation.base,
            });
        }
    } else if currency_known
        && parcel.currency != record.currency
        && rates.rate(parcel.currency, record.currency).is_none()
        && rates.rate(record.currency, parcel.currency).is_none()
    {
        values.note_missing(record.currency, report);
    }
    if gap(|g| g.date) {
        return;
    }
    let date = parcel.date;
    let dest_in_eu = crate::is_eu_member(dest);
    let in_force = |r: &RegimeRule| {
        r.destination.contains_known(dest, dest_in_eu) && r.effective.contains(date)
    };
    // The rules in force for the destination, then those of them that
    // cover this parcel.
    let mut any_in_force = false;
    let mut scoped: Small<usize, 16> = Small::new();
    for (i, r) in table.rules.iter().enumerate() {
        if !in_force(r) {
            continue;
        }
        any_in_force = true;
        if r.origins.is_none_or(|o| o.contains(parcel.origin))
            && (r.channels.is_empty() || r.channels.contains(&parcel.channel))
            && r.gifts.covers(parcel.gift)
        {
            scoped.push(i);
        }
    }
    if !any_in_force {
        report.push(no_rule(dest, date, "low-value import", "低价值进口"));
        return;
    }
    if blocked {
        return;
    }
    if is_domestic(parcel.origin, dest, dest_in_eu) {
        report.push(
            warning(
                Code::REGIME_NOT_IMPORT,
                JsonPointer::root().field("origin"),
                format!(
                    "a parcel from {} to {dest} crosses no customs border: no import regime applies",
                    parcel.origin
                ),
                format!("从 {} 寄往 {dest} 的包裹不跨关境：不适用进口制度", parcel.origin),
            )
            .with_value(parcel.origin.to_string()),
        );
        return;
    }

    // Less the rules another one in scope supersedes.
    let mut applicable: Small<usize, 16> = Small::new();
    for i in scoped.iter() {
        let id = &table.rules[i].id;
        let superseded = scoped
            .iter()
            .any(|j| j != i && table.rules[j].supersedes.iter().any(|s| s == id));
        if !superseded {
            applicable.push(i);
        }
    }

    // Per item: duty and VAT, then the parcel's.
    let mut duty_parcel = ParcelVerdict::<DutyTreatment>::default();
    let mut vat_parcel = ParcelVerdict::<VatCollection>::default();
    let any_duty_rule = applicable.iter().any(|i| table.rules[i].duty.is_some());
    let any_vat_rule = applicable.iter().any(|i| table.rules[i].vat.is_some());
    let mut judged: Vec<Judged> = Vec::with_capacity(parcel.items.len());
    let mut seen = Consignment::default();
    for (n, item) in parcel.items.iter().enumerate() {
        let j = judge(
            table,
            &applicable,
            record,
            parcel,
            item,
            &mut Ctx {
                values: &mut values,
                seen: &mut seen,
                report,
            },
        );
        duty_parcel.add(j.duty_verdict, |a, b| {
            if a == DutyTreatment::Due || b == DutyTreatment::Due {
                DutyTreatment::Due
            } else {
                DutyTreatment::Relieved
            }
        });
        vat_parcel.add(
            j.vat_verdict,
            |a, b| if a.weight() >= b.weight() { a } else { b },
        );
        if let (Some(by), true) = (
            j.excluded_by,
            j.duty_verdict == Tri::Known(DutyTreatment::Due)
                || j.vat_verdict == Tri::Known(VatCollection::AtBorder),
        ) {
            report.push(excluded_goods(n, item, &table.rules[by]));
        }
        judged.push(j);
    }
    if values.overflow {
        report.push(overflow());
        return;
    }
    answer.duty = if any_duty_rule {
        duty_parcel.result(|x| x == DutyTreatment::Due)
    } else {
        report.push(no_rule(dest, date, "duty", "关税"));
        None
    };
    answer.vat = if any_vat_rule {
        vat_parcel.result(|x| x == VatCollection::AtBorder)
    } else {
        report.push(no_rule(dest, date, "VAT or GST", "增值税或消费税"));
        None
    };

    // The rules that decided: those giving the parcel's answer for an item
    // whose own answer it is.
    let mut deciding: Small<usize, 16> = Small::new();
    let mut missing_registration: Option<Registration> = None;
    for j in &judged {
        if let (Some(p), Tri::Known(x)) = (answer.duty, j.duty_verdict)
            && p == x
        {
            j.duty.deciders_into(x, &mut deciding);
        }
        if let (Some(p), Tri::Known(x)) = (answer.vat, j.vat_verdict)
            && p == x
        {
            j.vat.deciders_into(x, &mut deciding);
            if x == VatCollection::AtSale {
                missing_registration = missing_registration.or(j.missing_registration);
            }
        }
    }
    if let Some(reg) = missing_registration {
        report.push(registration_missing(reg));
    }
    let item_due = |n: usize| {
        judged
            .get(n)
            .is_some_and(|j| j.duty_verdict == Tri::Known(DutyTreatment::Due))
    };

    // Charges.
    let mut replaced = false;
    let mut charge_rules: Small<usize, 8> = Small::new();
    for (k, i) in applicable.iter().enumerate() {
        let r = &table.rules[i];
        for c in &r.charges {
            if c.duty && answer.duty == Some(DutyTreatment::Relieved) {
                continue;
            }
            if !charge_applies(c, parcel) {
                continue;
            }
            let admitted = match &c.threshold {
                None => Some(true),
                Some(t) => match t.per {
                    ThresholdScope::Consignment => {
                        let v = r.valuation.as_ref().unwrap_or(&record.valuation);
                        if have_values {
                            values.get(v, t.currency(), report).map(|x| t.admits(x))
                        } else {
                            None
                        }
                    }
                    ThresholdScope::Unit => {
                        let mut all = Some(true);
                        for item in &parcel.items {
                            match unit_within(t, r, record, item, &mut values, report) {
                                Tri::Known(false) => all = Some(false),
                                Tri::Unknown if all == Some(true) => all = None,
                                _ => {}
                            }
                        }
                        all
                    }
                },
            };
            if admitted != Some(true) {
                continue;
            }
            let counted = |n: usize| match judged.get(n) {
                Some(j) if k < 64 => !j.excludes(k),
                Some(_) => parcel
                    .items
                    .get(n)
                    .is_some_and(|item| !excluded_by(r, item.hs_code.as_str().as_bytes())),
                None => false,
            };
            let Some(amount) = charge_amount(c, record, parcel, &counted, &mut values, report)
            else {
                continue;
            };
            replaced |= c.replaces_tariff_duty;
            answer.charges.push(AssessedCharge {
                code: &c.code,
                amount,
                duty: c.duty,
                rule: Some(r),
            });
            charge_rules.push(i);
        }
    }
    if values.overflow {
        report.push(overflow());
        answer.charges.clear();
        return;
    }

    // The tariff duty, at the caller's rates.
    if answer.duty == Some(DutyTreatment::Due) && !replaced && have_values {
        // Sum of rate x line over the items that owe duty; their customs
        // value is the line (times the goods factor) plus its share of
        // shipping and insurance, in proportion to its value.
        let mut rated = Some(Decimal::ZERO);
        for (n, item) in parcel.items.iter().enumerate() {
            if !item_due(n) {
                continue;
            }
            match item.duty_rate {
                Some(rate) => {
                    rated =
                        rated.and_then(|t| t.checked_add(item.line_value()?.checked_mul(rate)?));
                }
                None => {
                    report.push(duty_rate_needed(n));
                    rated = None;
                }
            }
        }
        let dv = &record.duty_valuation;
        let total = rated.and_then(|r| with_extra(r, &values.sums, dv));
        if let Some(t) = total
            && let Some(amount) = values.convert(t, record.currency, report)
        {
            answer.charges.push(AssessedCharge {
                code: TARIFF_DUTY_CODE,
                amount: Money::new(amount, record.currency),
                duty: true,
                rule: None,
            });
        }
    }

    for i in charge_rules.iter() {
        mark(&mut deciding, i);
    }
    // In table order.
    let mut rules: Vec<&RegimeRule> = deciding.iter().map(|i| &table.rules[i]).collect();
    rules.sort_unstable_by_key(|r| (*r as *const RegimeRule) as usize);
    answer.rules = rules;
}

fn mark(d: &mut Small<usize, 16>, i: usize) {
    if !d.iter().any(|x| x == i) {
        d.push(i);
    }
}

/// What the applicable rules say of one item.
struct Judged {
    duty: ItemVerdict<DutyTreatment>,
    vat: ItemVerdict<VatCollection>,
    duty_verdict: Tri<DutyTreatment>,
    vat_verdict: Tri<VatCollection>,
    /// Bit `k`: the `k`-th applicable rule excludes the item's goods.
    excluded: u64,
    /// The first rule with terms that excludes the item's goods.
    excluded_by: Option<usize>,
    /// A registration whose absence left the tax at the sale.
    missing_registration: Option<Registration>,
}

impl Judged {
    /// Whether the `k`-th applicable rule excludes the item, for `k` under
    /// 64 (past it, ask [`excluded_by`]).
    fn excludes(&self, k: usize) -> bool {
        k < 64 && self.excluded & (1 << k) != 0
    }
}

/// Whether a rule excludes goods of this HS code (its digits).
fn excluded_by(rule: &RegimeRule, code: &[u8]) -> bool {
    rule.excluded.iter().any(|p| p.matches_digits(code))
}

/// Whether the parcel is within each applicable rule's consignment
/// thresholds, computed once for all its items: `[k][0]` duty, `[k][1]`
/// VAT, for the `k`-th applicable rule (the first 24).
#[derive(Default)]
struct Consignment {
    within: [[Option<Tri<bool>>; 2]; 24],
}

/// What judging an item works with.
struct Ctx<'a, 'v, 'r> {
    values: &'a mut Values<'v>,
    seen: &'a mut Consignment,
    report: &'r mut Report,
}

impl Ctx<'_, '_, '_> {
    /// [`within`], remembered per rule and aspect for consignment
    /// thresholds (which do not depend on the item).
    fn within(
        &mut self,
        k: usize,
        aspect: usize,
        threshold: Option<&Threshold>,
        rule: &RegimeRule,
        record: &Destination,
        item: &ParcelItem,
    ) -> Tri<bool> {
        let cacheable = threshold.is_some_and(|t| t.per == ThresholdScope::Consignment) && k < 24;
        if cacheable && let Some(known) = self.seen.within[k][aspect] {
            return known;
        }
        let v = within(threshold, rule, record, item, self.values, self.report);
        if cacheable {
            self.seen.within[k][aspect] = Some(v);
        }
        v
    }
}

fn judge(
    table: &RegimeTable,
    applicable: &Small<usize, 16>,
    record: &Destination,
    parcel: &Parcel,
    item: &ParcelItem,
    ctx: &mut Ctx<'_, '_, '_>,
) -> Judged {
    let mut j = Judged {
        duty: ItemVerdict::default(),
        vat: ItemVerdict::default(),
        duty_verdict: Tri::Unknown,
        vat_verdict: Tri::Unknown,
        excluded: 0,
        excluded_by: None,
        missing_registration: None,
    };
    let code = item.hs_code.as_str().as_bytes();
    for (k, i) in applicable.iter().enumerate() {
        let r = &table.rules[i];
        let excluded = !r.excluded.is_empty() && excluded_by(r, code);
        if excluded && k < 64 {
            j.excluded |= 1 << k;
        }
        if excluded && j.excluded_by.is_none() && (r.duty.is_some() || r.vat.is_some()) {
            j.excluded_by = Some(i);
        }
        if let Some(t) = &r.duty {
            let v = if excluded {
                Tri::Known(t.above)
            } else {
                ctx.within(k, 0, t.threshold.as_ref(), r, record, item)
                    .map(|w| if w { t.within } else { t.above })
            };
            j.duty.add(i, v);
        }
        if let Some(t) = &r.vat {
            let v = if excluded {
                Tri::Known(t.above)
            } else {
                ctx.within(k, 1, t.threshold.as_ref(), r, record, item)
                    .map(|w| {
                        let c = if w { t.within } else { t.above };
                        match t.registration {
                            Some(reg) if c == VatCollection::AtSale && !parcel.seller.has(reg) => {
                                if t.unregistered == VatCollection::AtSale {
                                    j.missing_registration.get_or_insert(reg);
                                }
                                t.unregistered
                            }
                            _ => c,
                        }
                    })
            };
            j.vat.add(i, v);
        }
    }
    // Duty is relieved when any rule relieves it; VAT is not due when any
    // rule says so, else at the sale when any rule says so, else at the
    // border.
    j.duty_verdict = j.duty.result(DutyTreatment::Relieved, |_, b| b);
    j.vat_verdict = j.vat.result(VatCollection::NotDue, |a, b| {
        if a.weight() <= b.weight() { a } else { b }
    });
    j
}

/// One item's verdicts from each rule, and which rules gave them.
struct ItemVerdict<T: Copy + Default> {
    unknown: bool,
    by: Small<(usize, T), 4>,
}

impl<T: Copy + Default> Default for ItemVerdict<T> {
    fn default() -> Self {
        ItemVerdict {
            unknown: false,
            by: Small::new(),
        }
    }
}

impl<T: Copy + Default + PartialEq> ItemVerdict<T> {
    fn add(&mut self, rule: usize, v: Tri<T>) {
        match v {
            Tri::Known(x) => self.by.push((rule, x)),
            Tri::Unknown => self.unknown = true,
        }
    }

    /// The item's verdict: `best` if any rule gives it; else unknown when a
    /// rule could not compare; else the combination of the known verdicts
    /// (unknown when no rule has terms).
    fn result(&self, best: T, combine: impl Fn(T, T) -> T) -> Tri<T> {
        let mut acc: Option<T> = None;
        for (_, x) in self.by.iter() {
            if x == best {
                return Tri::Known(best);
            }
            acc = Some(acc.map_or(x, |a| combine(a, x)));
        }
        if self.unknown {
            return Tri::Unknown;
        }
        acc.map_or(Tri::Unknown, Tri::Known)
    }

    fn deciders_into(&self, verdict: T, into: &mut Small<usize, 16>) {
        for (i, x) in self.by.iter() {
            if x == verdict {
                mark(into, i);
            }
        }
    }
}

/// The parcel's verdict over its items.
struct ParcelVerdict<T: Copy> {
    acc: Option<T>,
    unknown: bool,
}

impl<T: Copy> Default for ParcelVerdict<T> {
    fn default() -> Self {
        ParcelVerdict {
            acc: None,
            unknown: false,
        }
    }
}

impl<T: Copy> ParcelVerdict<T> {
    fn add(&mut self, v: Tri<T>, combine: impl Fn(T, T) -> T) {
        match v {
            Tri::Known(x) => self.acc = Some(self.acc.map_or(x, |a| combine(a, x))),
            Tri::Unknown => self.unknown = true,
        }
    }

    /// The combined verdict; a decisive one (duty due, VAT at the border)
    /// stands even when some item is unknown.
    fn result(&self, is_decisive: impl Fn(T) -> bool) -> Option<T> {
        match self.acc {
            Some(a) if is_decisive(a) => Some(a),
            _ if self.unknown => None,
            a => a,
        }
    }
}

/// Whether an item is within a rule's threshold (known only when the value
/// could be computed).
fn within(
    threshold: Option<&Threshold>,
    rule: &RegimeRule,
    record: &Destination,
    item: &ParcelItem,
    values: &mut Values<'_>,
    report: &mut Report,
) -> Tri<bool> {
    let Some(t) = threshold else {
        return Tri::Known(true);
    };
    match t.per {
        ThresholdScope::Consignment => {
            let v = rule.valuation.as_ref().unwrap_or(&record.valuation);
            match values.get(v, t.currency(), report) {
                Some(x) => Tri::Known(t.admits(x)),
                None => Tri::Unknown,
            }
        }
        ThresholdScope::Unit => unit_within(t, rule, record, item, values, report),
    }
}

/// Whether one unit of an item is within a per-unit threshold.
fn unit_within(
    t: &Threshold,
    rule: &RegimeRule,
    record: &Destination,
    item: &ParcelItem,
    values: &mut Values<'_>,
    report: &mut Report,
) -> Tri<bool> {
    let v = rule.valuation.as_ref().unwrap_or(&record.valuation);
    let Some(exact) = item.unit_value.checked_mul(v.goods_factor) else {
        values.overflow = true;
        return Tri::Unknown;
    };
    match values.convert(exact, t.currency(), report) {
        Some(x) => Tri::Known(t.admits(x)),
        None => Tri::Unknown,
    }
}

impl<T: Copy> Tri<T> {
    fn map<U>(self, f: impl FnOnce(T) -> U) -> Tri<U> {
        match self {
            Tri::Known(x) => Tri::Known(f(x)),
            Tri::Unknown => Tri::Unknown,
        }
    }
}

/// Whether a charge's `when` lets it apply to the parcel.
fn charge_applies(c: &ChargeTerms, parcel: &Parcel) -> bool {
    let w = &c.when;
    if w.registration.is_none() && w.or_channels.is_empty() {
        return true;
    }
    w.registration.is_some_and(|r| parcel.seller.has(r)) || w.or_channels.contains(&parcel.channel)
}

/// An amount proportional to goods (a sum of lines, or of rates times
/// lines) on a valuation: times the goods factor, plus the same proportion
/// of shipping and insurance where the valuation adds them. One division
/// for the whole parcel.
fn with_extra(lines: Decimal, sums: &Sums, v: &Valuation) -> Option<Decimal> {
    let base = lines.checked_mul(v.goods_factor)?;
    let mut extra = Decimal::ZERO;
    if v.shipping {
        extra = extra.checked_add(sums.shipping)?;
    }
    if v.insurance {
        extra = extra.checked_add(sums.insurance)?;
    }
    if extra.is_zero() || sums.goods.is_zero() {
        return Some(base);
    }
    base.checked_add(lines.checked_mul(extra)?.checked_div(sums.goods)?)
}

/// A charge's amount, rounded to its currency's minor unit.
fn charge_amount(
    c: &ChargeTerms,
    record: &Destination,
    parcel: &Parcel,
    counts: &dyn Fn(usize) -> bool,
    values: &mut Values<'_>,
    report: &mut Report,
) -> Option<Money> {
    let counted = || {
        parcel
            .items
            .iter()
            .enumerate()
            .filter(|(n, _)| counts(*n))
            .map(|(_, i)| i)
    };
    match &c.basis {
        ChargeBasis::Subheading { amount, digits } => {
            let digits = usize::from((*digits).clamp(6, 13));
            let mut seen: Small<&str, 16> = Small::new();
            for item in counted() {
                let code = item.hs_code.as_str();
                let key = &code[..digits.min(code.len())];
                if !seen.iter().any(|k| k == key) {
                    seen.push(key);
                }
            }
            let n = Decimal::from(seen.len);
            per(*amount, n, values)
        }
        ChargeBasis::Article { amount } => {
            let units: u64 = counted().map(|i| u64::from(i.quantity)).sum();
            per(*amount, Decimal::from(units), values)
        }
        ChargeBasis::Consignment { amount } => Some(Money::new(
            round(amount.amount(), amount.currency()),
            amount.currency(),
        )),
        ChargeBasis::Value { rate } => {
            let mut lines = Decimal::ZERO;
            for item in counted() {
                match item.line_value().and_then(|l| lines.checked_add(l)) {
                    Some(b) => lines = b,
                    None => {
                        values.overflow = true;
                        return None;
                    }
                }
            }
            let base = with_extra(lines, &values.sums, &record.duty_valuation);
            let Some(exact) = base.and_then(|b| b.checked_mul(*rate)) else {
                values.overflow = true;
                return None;
            };
            values
                .convert(exact, record.currency, report)
                .map(|x| Money::new(x, record.currency))
        }
    }
}

fn per(amount: Money, n: Decimal, values: &mut Values<'_>) -> Option<Money> {
    match amount.amount().checked_mul(n) {
        Some(x) => Some(Money::new(round(x, amount.currency()), amount.currency())),
        None => {
            values.overflow = true;
            None
        }
    }
}

fn registration_missing(reg: Registration) -> Violation {
    // Fixed texts: this warning is frequent, and the pointer names the
    // member.
    let (en, zh) = match reg {
        Registration::Ioss => (
            "the parcel carries no IOSS number: the VAT of this parcel is charged at the sale, \
             so the seller or its marketplace must be registered and charge it",
            "包裹未带 IOSS 号：此包裹的增值税在销售时收取，卖家或其平台必须注册并收取",
        ),
        Registration::UkVat => (
            "the parcel carries no UK VAT number: in the United Kingdom the VAT of this parcel \
             is charged at the sale, never at the border, so the seller or its online \
             marketplace must be registered for UK VAT and charge it",
            "包裹未带英国增值税号：在英国，此包裹的增值税在销售时收取，不在边境收取，\
             卖家或其在线平台必须注册英国增值税并收取",
        ),
        Registration::AuArn => (
            "the parcel carries no ARN or ABN: in Australia the GST of this parcel is charged at \
             the sale, never at the border, so the vendor or its marketplace must be registered \
             and charge it (a vendor under the AUD 75,000 registration threshold selling without \
             a registered marketplace charges none)",
            "包裹未带 ARN 或 ABN：在澳大利亚，此包裹的 GST 在销售时收取，不在边境收取，\
             卖家或其平台必须注册并收取（营业额低于 75,000 澳元注册门槛且不通过已注册平台销售的卖家无需收取）",
        ),
        Registration::SgOvr => (
            "the parcel carries no Singapore GST number: in Singapore the GST of this parcel is \
             charged at the sale, never at the border, so the vendor or its marketplace must be \
             registered under the overseas vendor regime and charge it (a vendor under the \
             registration thresholds selling without a registered marketplace charges none)",
            "包裹未带新加坡 GST 注册号：在新加坡，此包裹的 GST 在销售时收取，不在边境收取，\
             卖家或其平台必须按海外供应商制度注册并收取（未达注册门槛且不通过已注册平台销售的卖家无需收取）",
        ),
    };
    warning(
        Code::REGIME_REGISTRATION_MISSING,
        JsonPointer::root()
            .field("seller")
            .field(reg.parcel_member()),
        en.to_owned(),
        zh.to_owned(),
    )
}

fn duty_rate_needed(n: usize) -> Violation {
    warning(
        Code::REGIME_DUTY_RATE_NEEDED,
        items_ptr(n, "dutyRate"),
        "customs duty is due on this item at its tariff rate, which the crate does not ship: \
         give the rate as \"dutyRate\" (a fraction, 0.12 for 12 %) to compute the duty"
            .to_owned(),
        "此商品应按税则税率缴纳关税，本库不含税则：请以 \"dutyRate\"（小数，12% 写作 0.12）提供税率以计算关税"
            .to_owned(),
    )
}

fn excluded_goods(n: usize, item: &ParcelItem, rule: &RegimeRule) -> Violation {
    warning(
        Code::REGIME_EXCLUDED_GOODS,
        items_ptr(n, "hsCode"),
        format!(
            "item {n} (HS {}) is outside the relief of rule {}: its duty and tax are due at the \
             border whatever the parcel's value",
            item.hs_code, rule.id
        ),
        format!(
            "第 {n} 项商品（HS {}）不适用规则 {} 的减免：无论包裹价值多少，其关税和税款均在边境缴纳",
            item.hs_code, rule.id
        ),
    )
    .with_value(item.hs_code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_spills_and_keeps_order() {
        let mut s: Small<usize, 2> = Small::new();
        for i in 0..5 {
            s.push(i);
        }
        assert_eq!(s.iter().collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert_eq!(s.iter().nth(3), Some(3));
        assert_eq!(s.iter().count(), 5);
    }

    #[test]
    fn fixed_uses_the_currency_decimals() {
        assert_eq!(fixed(Money::new(Decimal::from(6), Currency::EUR)), "6.00");
        assert_eq!(
            fixed(Money::new(Decimal::new(12345, 1), Currency::JPY)),
            "1235"
        );
        assert_eq!(fixed(Money::new(Decimal::new(5, 3), Currency::USD)), "0.01");
    }

    #[test]
    fn territory_in_eu_is_used_for_eu_rules() {
        use super::super::rule::Territory;
        assert!(Territory::EuropeanUnion.contains_known(Country::PL, true));
        assert!(!Territory::EuropeanUnion.contains_known(Country::PL, false));
    }
}
