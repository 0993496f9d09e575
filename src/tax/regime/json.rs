//! The parcel's JSON form, read tolerantly: [`ParcelJson`].

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::assess::{Gaps, RegimeAssessment, assess_with};
use super::parcel::{Parcel, ParcelItem, Seller};
use super::rule::{Channel, RegimeTable};
use crate::echo;
use crate::error::Bilingual;
use crate::wire::{Number, NumberError};
use crate::{
    Abn, Arn, Code, Country, Currency, Eori, ExchangeRates, HsCode, IossNumber, JsonPointer,
    Report, Severity, SgGstNumber, UkVatNumber, Violation, parse_country, parse_currency,
};

/// A parcel as JSON: every member optional and kept as written, so that every
/// bad value is reported at its JSON Pointer rather than failing the whole
/// document. Unknown members are ignored.
///
/// ```json
/// {
///   "origin": "CN", "destination": "FR", "date": "2026-08-01",
///   "channel": "courier",
///   "seller": { "ioss": "IM2500000001", "ukVat": null, "auArn": null, "sgOvr": null },
///   "currency": "EUR",
///   "items": [
///     { "description": "silk blouse", "hsCode": "620610", "quantity": 1, "unitValue": "30.00" },
///     { "description": "wool blouse", "hsCode": "620620", "quantity": 2, "unitValue": "25.00" }
///   ],
///   "shipping": "8.00", "insurance": "0", "gift": false,
///   "rates": [{ "from": "USD", "to": "EUR", "rate": "0.92" }]
/// }
/// ```
///
/// - `origin`, `destination`: ISO 3166 codes or names; `date`: `YYYY-MM-DD`
///   (or an ISO 8601 timestamp, read as its date), the day of import;
///   `currency`: ISO 4217 (`RMB` reads as `CNY`). All required.
/// - `channel`: `postal` or `courier`; when left out, the answer is given
///   only if it is the same both ways ([`ParcelJson::assess`]).
/// - `seller`: optional; `ioss`, `ukVat`, `auArn` (or `auAbn`), `sgOvr`,
///   `eori`, each `null` or a string (numbers accepted), checked for form. A
///   malformed number is reported (`regime.registration_invalid`) and treated
///   as absent.
/// - `items`: at least one; `hsCode` (6 to 13 digits, dots and spaces
///   allowed), `quantity` (a whole number from 1), `unitValue` (the value of
///   one unit), optional `description` and `dutyRate` (the tariff rate as a
///   fraction).
/// - `shipping`, `insurance`: optional, 0 by default; `gift`: optional,
///   `false` by default (`true`/`false`, or those words as strings).
/// - `rates`: optional exchange rates, `[{"from", "to", "rate"}]`, needed when
///   `currency` is not the destination's.
/// - Numbers may be JSON numbers or numeric strings, read exactly
///   ([`Number`]); send more than 15 significant digits as a string.
///
/// # Example
///
/// ```
/// use crossborder::tax::ParcelJson;
/// let json = r#"{"origin": "XX", "destination": "GB", "date": "2026-08-01", "channel": "drone",
///   "currency": "USD", "items": [{"hsCode": "85A8", "quantity": 1, "unitValue": -3}]}"#;
/// let p: ParcelJson = serde_json::from_str(json)?;
/// let report = p.to_parcel().unwrap_err();
/// let found: Vec<_> = report.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
/// assert_eq!(found, [
///     ("country.unknown", "/origin"),
///     ("regime.channel_unknown", "/channel"),
///     ("hs_code.invalid", "/items/0/hsCode"),
/// ]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct ParcelJson {
    /// `origin`.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin: Option<String>,
    /// `destination`.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub destination: Option<String>,
    /// `date`.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<String>,
    /// `channel`.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub channel: Option<String>,
    /// `seller`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller: Option<SellerJson>,
    /// `currency`.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency: Option<String>,
    /// `items`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<ItemJson>>,
    /// `shipping`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<Number>,
    /// `insurance`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance: Option<Number>,
    /// `gift`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift: Option<Flag>,
    /// `rates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rates: Option<Vec<RateJson>>,
}

/// The `seller` object of a parcel.
///
/// # Example
///
/// ```
/// use crossborder::tax::SellerJson;
/// let s: SellerJson = serde_json::from_str(r#"{"ioss": "IM2500000001", "auArn": 500012345678, "ukVat": null}"#)?;
/// assert_eq!(s.au_arn.as_deref(), Some("500012345678"));
/// assert!(s.uk_vat.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct SellerJson {
    /// `ioss`: an IOSS number.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub ioss: Option<String>,
    /// `ukVat`: a UK VAT number.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub uk_vat: Option<String>,
    /// `auArn`: an ATO reference number.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub au_arn: Option<String>,
    /// `auAbn`: an Australian business number.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub au_abn: Option<String>,
    /// `sgOvr`: a Singapore GST registration number.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub sg_ovr: Option<String>,
    /// `eori`: an EORI number.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub eori: Option<String>,
}

/// One element of a parcel's `items`.
///
/// # Example
///
/// ```
/// use crossborder::tax::ItemJson;
/// let i: ItemJson = serde_json::from_str(r#"{"hsCode": "620610", "quantity": "1", "unitValue": 30, "colour": "red"}"#)?;
/// assert_eq!(i.hs_code.as_deref(), Some("620610"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct ItemJson {
    /// `description`.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// `hsCode`.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub hs_code: Option<String>,
    /// `quantity`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
    /// `unitValue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_value: Option<Number>,
    /// `dutyRate`: the tariff duty rate, a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duty_rate: Option<Number>,
}

/// One element of a parcel's `rates`.
///
/// # Example
///
/// ```
/// use crossborder::tax::RateJson;
/// let r: RateJson = serde_json::from_str(r#"{"from": "USD", "to": "EUR", "rate": 0.92}"#)?;
/// assert_eq!(r.from.as_deref(), Some("USD"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct RateJson {
    /// `from`: the currency converted from.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub from: Option<String>,
    /// `to`: the currency converted to.
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<String>,
    /// `rate`: how many `to` one `from` buys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
}

/// A yes/no member as written: a JSON boolean, or text (`"true"`, `"no"`,
/// `1`) kept to be read and reported at its pointer.
///
/// # Example
///
/// ```
/// use crossborder::tax::Flag;
/// let f: Flag = serde_json::from_str(r#""yes""#)?;
/// assert_eq!(f.value(), Some(true));
/// let g: Flag = serde_json::from_str("false")?;
/// assert_eq!(g.value(), Some(false));
/// assert_eq!(serde_json::from_str::<Flag>(r#""maybe""#)?.value(), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// A JSON boolean.
    Bool(bool),
    /// Anything else, as its text.
    Text(String),
}

impl Flag {
    /// The value: a boolean, or `true`/`false`, `yes`/`no`, `1`/`0` as text
    /// (any case); `None` for anything else.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::Flag;
    /// assert_eq!(Flag::Text("No".into()).value(), Some(false));
    /// assert_eq!(Flag::Bool(true).value(), Some(true));
    /// assert_eq!(Flag::Text("2".into()).value(), None);
    /// ```
    pub fn value(&self) -> Option<bool> {
        match self {
            Flag::Bool(b) => Some(*b),
            Flag::Text(t) => {
                let t = t.trim();
                if ["true", "yes", "1"]
                    .iter()
                    .any(|w| t.eq_ignore_ascii_case(w))
                {
                    Some(true)
                } else if ["false", "no", "0"]
                    .iter()
                    .any(|w| t.eq_ignore_ascii_case(w))
                {
                    Some(false)
                } else {
                    None
                }
            }
        }
    }
}

impl Serialize for Flag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Flag::Bool(b) => s.serialize_bool(*b),
            Flag::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Flag;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a boolean (or its text)")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Flag, E> {
                Ok(Flag::Bool(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Flag, E> {
                Ok(Flag::Text(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Flag, E> {
                Ok(Flag::Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Flag, E> {
                Ok(Flag::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Flag, E> {
                Ok(Flag::Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

crate::object_only!(ParcelJson, SellerJson, ItemJson, RateJson);

/// The conversion of one document: the parcel (with placeholders where a
/// value was missing or bad), what is missing, the rates and the report.
pub(super) struct Converted {
    pub(super) parcel: Parcel,
    pub(super) gaps: Gaps,
    pub(super) rates: ExchangeRates,
    pub(super) report: Report,
}

fn field(name: &str) -> JsonPointer {
    JsonPointer::root().field(name)
}

fn missing(path: JsonPointer, name: &str, zh: &str) -> Violation {
    Violation::new(
        Code::REGIME_MISSING_FIELD,
        Severity::Error,
        path,
        format!("missing {name:?}: the regime assessment needs it"),
        format!("缺少{zh}（{name}）：制度判断需要该字段"),
    )
}

fn bad<E: Bilingual>(code: Code, path: JsonPointer, value: &str, e: &E) -> Violation {
    Violation::new(code, Severity::Error, path, e.to_string(), e.message_zh()).with_value(value)
}

/// Text that only means "not given": absent, empty or white space.
fn given(t: Option<&String>) -> Option<&str> {
    t.map(String::as_str).filter(|s| !s.trim().is_empty())
}

impl ParcelJson {
    /// The parcel, or every problem with the document.
    ///
    /// # Errors
    ///
    /// A [`Report`] with every format problem: missing members, unknown
    /// countries or currency, a bad date or channel, a malformed HS code,
    /// number or registration number. Domain problems (negative values, a
    /// missing rate, unknown HS codes) are the assessment's to report.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::ParcelJson;
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "US", "date": "2025-06-01",
    ///     "channel": "postal", "currency": "USD", "items": [{"hsCode": "8518.30", "quantity": 1, "unitValue": 20}]}"#)?;
    /// let parcel = p.to_parcel().map_err(|r| r.to_string())?;
    /// assert_eq!(parcel.items[0].hs_code.as_str(), "851830");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_parcel(&self) -> Result<Parcel, Report> {
        let mut c = self.convert();
        if c.gaps.channel_missing {
            c.report
                .push(missing(field("channel"), "channel", "运输渠道"));
            super::sort_report(&mut c.report);
        }
        if c.report.has_errors() {
            Err(c.report)
        } else {
            Ok(c.parcel)
        }
    }

    /// The exchange rates the document carries in `rates` (the bad ones left
    /// out; [`ParcelJson::assess`] reports them).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, tax::ParcelJson};
    /// let p: ParcelJson = serde_json::from_str(r#"{"rates": [{"from": "USD", "to": "EUR", "rate": "0.92"}]}"#)?;
    /// assert_eq!(p.rates().rate(Currency::USD, Currency::EUR).map(|r| r.to_string()).as_deref(), Some("0.92"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn rates(&self) -> ExchangeRates {
        let mut report = Report::new();
        self.read_rates(&mut report)
    }

    /// Reads and assesses the parcel in one step, with the document's `rates`
    /// and the caller's (the caller's win for the same pair): every format
    /// problem and every assessment problem in one report, in document
    /// order. Where a value the decision needs is missing or malformed, the
    /// decision is withheld (`None`) and the checks that can still be made
    /// are made: an unknown HS code, a negative value, a missing rate, a
    /// destination with no rule.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::{ParcelJson, RegimeTable};
    /// let p: ParcelJson = serde_json::from_str(r#"{"origin": "XX", "destination": "FR", "date": "2026-08-01",
    ///     "channel": "postal", "currency": "USD",
    ///     "items": [{"hsCode": "610999", "quantity": 1, "unitValue": -5}]}"#)?;
    /// let a = p.assess(RegimeTable::builtin(), &Default::default());
    /// let found: Vec<_> = a.report().iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
    /// assert_eq!(found, [
    ///     ("country.unknown", "/origin"),
    ///     ("regime.rate_missing", "/currency"),
    ///     ("hs_code.unknown", "/items/0/hsCode"),
    ///     ("regime.amount_negative", "/items/0/unitValue"),
    /// ]);
    /// assert_eq!(a.duty_relief(), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    ///
    /// A parcel without `channel` is assessed by post and by courier: when
    /// the two answers agree (most destinations do not look at the channel)
    /// that answer is given, with a `regime.missing_field` warning; when they
    /// differ (the EU's flat duty covers postal consignments, Canada's CUSMA
    /// thresholds courier ones) the decision is withheld and the warning is
    /// an error.
    pub fn assess<'t>(
        &self,
        table: &'t RegimeTable,
        rates: &ExchangeRates,
    ) -> RegimeAssessment<'t> {
        let mut c = self.convert();
        let mut all = c.rates;
        for (from, to, rate) in rates.iter() {
            let _ = all.insert(from, to, rate);
        }
        if !c.gaps.channel_missing {
            return assess_with(table, &c.parcel, &all, Some(&c.gaps), c.report);
        }
        c.parcel.channel = Channel::Postal;
        let postal = assess_with(table, &c.parcel, &all, Some(&c.gaps), c.report.clone());
        c.parcel.channel = Channel::Courier;
        let courier = assess_with(table, &c.parcel, &all, Some(&c.gaps), Report::new());
        let agree = postal.same_decision(&courier);
        let severity = if agree {
            Severity::Warning
        } else {
            Severity::Error
        };
        let (en, zh) = if agree {
            (
                "missing \"channel\": the answer is the same by post and by courier",
                "缺少运输渠道（channel）：邮政与快递的结果相同",
            )
        } else {
            (
                "missing \"channel\": the answer differs by post and by courier; give postal or courier",
                "缺少运输渠道（channel）：邮政与快递的结果不同；请提供 postal 或 courier",
            )
        };
        let mut answer = if agree { postal } else { postal.withheld() };
        answer.push_violation(Violation::new(
            Code::REGIME_MISSING_FIELD,
            severity,
            field("channel"),
            en,
            zh,
        ));
        answer
    }

    pub(super) fn convert(&self) -> Converted {
        let mut report = Report::new();
        let mut gaps = Gaps::default();
        let country =
            |name: &str, zh: &str, raw: Option<&String>, report: &mut Report| match given(raw) {
                None => {
                    report.push(missing(field(name), name, zh));
                    None
                }
                Some(t) => match parse_country(t) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        report.push(bad(Code::COUNTRY_UNKNOWN, field(name), t, &e));
                        None
                    }
                },
            };
        let origin = country("origin", "起运国", self.origin.as_ref(), &mut report);
        let destination = country(
            "destination",
            "目的国",
            self.destination.as_ref(),
            &mut report,
        );
        let date = match given(self.date.as_ref()) {
            None => {
                report.push(missing(field("date"), "date", "进口日期"));
                None
            }
            Some(t) => {
                match NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
                    .ok()
                    .or_else(|| t.parse::<crate::Timestamp>().ok().map(|ts| ts.date()))
                {
                    Some(d) => Some(d),
                    None => {
                        report.push(
                        Violation::new(
                            Code::REGIME_DATE_INVALID,
                            Severity::Error,
                            field("date"),
                            format!(
                                "invalid date {:?}: expected YYYY-MM-DD (or an ISO 8601 timestamp)",
                                echo(t)
                            ),
                            format!("日期 \"{}\" 无效：应为 YYYY-MM-DD（或 ISO 8601 时间戳）", echo(t)),
                        )
                        .with_value(t),
                    );
                        None
                    }
                }
            }
        };
        let channel = match given(self.channel.as_ref()) {
            None => {
                // Decided by the assessment: many answers do not depend on
                // the channel (see ParcelJson::assess).
                gaps.channel_missing = true;
                None
            }
            Some(t) => match t.parse::<Channel>() {
                Ok(c) => Some(c),
                Err(_) => {
                    report.push(
                        Violation::new(
                            Code::REGIME_CHANNEL_UNKNOWN,
                            Severity::Error,
                            field("channel"),
                            format!("unknown channel {:?}: expected postal or courier", echo(t)),
                            format!("未知渠道 \"{}\"：应为 postal 或 courier", echo(t)),
                        )
                        .with_value(t),
                    );
                    None
                }
            },
        };
        let seller = self.read_seller(&mut report);
        let currency = match given(self.currency.as_ref()) {
            None => {
                report.push(missing(field("currency"), "currency", "币种"));
                None
            }
            Some(t) => match parse_currency(t) {
                Ok(c) => Some(c),
                Err(e) => {
                    report.push(bad(Code::CURRENCY_UNKNOWN, field("currency"), t, &e));
                    None
                }
            },
        };
        let mut items = Vec::new();
        let mut items_ok = true;
        match &self.items {
            None => {
                report.push(missing(field("items"), "items", "商品列表"));
                items_ok = false;
            }
            Some(list) => {
                for (i, it) in list.iter().enumerate() {
                    if let Some((item, ok, hs_ok)) = read_item(i, it, &mut report) {
                        items_ok &= ok;
                        gaps.bad_hs.push(!hs_ok);
                        items.push(item);
                    }
                }
            }
        }
        let amount = |name: &str, raw: Option<&Number>, report: &mut Report| match raw {
            None => Some(Decimal::ZERO),
            Some(n) => read_number(field(name), n, report),
        };
        let shipping = amount("shipping", self.shipping.as_ref(), &mut report);
        let insurance = amount("insurance", self.insurance.as_ref(), &mut report);
        let gift = match &self.gift {
            None => Some(false),
            Some(f) => match f.value() {
                Some(b) => Some(b),
                None => {
                    let t = match f {
                        Flag::Text(t) => t.as_str(),
                        Flag::Bool(_) => "",
                    };
                    report.push(
                        Violation::new(
                            Code::REGIME_GIFT_INVALID,
                            Severity::Error,
                            field("gift"),
                            format!("invalid gift flag {:?}: expected true or false", echo(t)),
                            format!("礼品标记 \"{}\" 无效：应为 true 或 false", echo(t)),
                        )
                        .with_value(t),
                    );
                    None
                }
            },
        };
        let rates = self.read_rates(&mut report);
        gaps.destination = destination.is_none();
        gaps.date = date.is_none();
        gaps.currency = currency.is_none();
        gaps.decision = origin.is_none()
            || destination.is_none()
            || date.is_none()
            || (channel.is_none() && !gaps.channel_missing)
            || currency.is_none()
            || !items_ok
            || shipping.is_none()
            || insurance.is_none()
            || gift.is_none();
        let parcel = Parcel {
            origin: origin.unwrap_or(Country::CN),
            destination: destination.unwrap_or(Country::CN),
            date: date.unwrap_or(NaiveDate::MIN),
            channel: channel.unwrap_or(Channel::Postal),
            seller,
            currency: currency.unwrap_or(Currency::USD),
            items,
            shipping: shipping.unwrap_or_default(),
            insurance: insurance.unwrap_or_default(),
            gift: gift.unwrap_or(false),
        };
        Converted {
            parcel,
            gaps,
            rates,
            report,
        }
    }

    fn read_seller(&self, report: &mut Report) -> Seller {
        let mut seller = Seller::default();
        let Some(s) = &self.seller else {
            return seller;
        };
        fn reg<T, E: Bilingual>(
            name: &str,
            raw: Option<&String>,
            parse: fn(&str) -> Result<T, E>,
            report: &mut Report,
        ) -> Option<T> {
            let t = given(raw)?;
            match parse(t) {
                Ok(v) => Some(v),
                Err(e) => {
                    report.push(bad(
                        Code::REGIME_REGISTRATION_INVALID,
                        JsonPointer::root().field("seller").field(name),
                        t,
                        &e,
                    ));
                    None
                }
            }
        }
        seller.ioss = reg("ioss", s.ioss.as_ref(), IossNumber::parse, report);
        seller.uk_vat = reg("ukVat", s.uk_vat.as_ref(), UkVatNumber::parse, report);
        seller.au_arn = reg("auArn", s.au_arn.as_ref(), Arn::parse, report);
        seller.au_abn = reg("auAbn", s.au_abn.as_ref(), Abn::parse, report);
        seller.sg_ovr = reg("sgOvr", s.sg_ovr.as_ref(), SgGstNumber::parse, report);
        seller.eori = reg("eori", s.eori.as_ref(), Eori::parse, report);
        seller
    }

    fn read_rates(&self, report: &mut Report) -> ExchangeRates {
        let mut rates = ExchangeRates::new();
        let Some(list) = &self.rates else {
            return rates;
        };
        for (i, r) in list.iter().enumerate() {
            let at = |f: &str| JsonPointer::root().field("rates").index(i).field(f);
            let cur = |f: &str, raw: Option<&String>, report: &mut Report| match given(raw) {
                None => {
                    report.push(missing(at(f), f, "币种"));
                    None
                }
                Some(t) => match parse_currency(t) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        report.push(bad(Code::CURRENCY_UNKNOWN, at(f), t, &e));
                        None
                    }
                },
            };
            let from = cur("from", r.from.as_ref(), report);
            let to = cur("to", r.to.as_ref(), report);
            let rate = match &r.rate {
                None => {
                    report.push(missing(at("rate"), "rate", "汇率"));
                    None
                }
                Some(n) => read_number(at("rate"), n, report),
            };
            if let (Some(from), Some(to), Some(rate)) = (from, to, rate)
                && rates.insert(from, to, rate).is_err()
            {
                report.push(
                    Violation::new(
                        Code::REGIME_RATE_INVALID,
                        Severity::Error,
                        at("rate"),
                        format!("invalid exchange rate {rate}: a rate must be positive"),
                        format!("汇率 {rate} 无效：汇率必须为正数"),
                    )
                    .with_value(rate.to_string()),
                );
            }
        }
        rates
    }
}

/// A number, or a report at its pointer.
fn read_number(path: JsonPointer, n: &Number, report: &mut Report) -> Option<Decimal> {
    match n.decimal() {
        Ok(d) => Some(d),
        Err(e) => {
            report.push(bad(NumberError::code(&e), path, &n.to_string(), &e));
            None
        }
    }
}

/// One item: the item (with placeholders), whether everything the decision
/// needs is there, and whether its HS code is.
fn read_item(i: usize, it: &ItemJson, report: &mut Report) -> Option<(ParcelItem, bool, bool)> {
    let at = |f: &str| JsonPointer::root().field("items").index(i).field(f);
    let hs = match given(it.hs_code.as_ref()) {
        None => {
            report.push(missing(at("hsCode"), "hsCode", "HS 编码"));
            None
        }
        Some(t) => match HsCode::parse(t) {
            Ok(c) => Some(c),
            Err(e) => {
                report.push(bad(Code::HS_CODE_INVALID, at("hsCode"), t, &e));
                None
            }
        },
    };
    let quantity = match &it.quantity {
        None => {
            report.push(missing(at("quantity"), "quantity", "数量"));
            None
        }
        Some(n) => match n.count() {
            Ok(q) => Some(q),
            Err(_) => {
                let t = n.to_string();
                report.push(
                    Violation::new(
                        Code::REGIME_QUANTITY_INVALID,
                        Severity::Error,
                        at("quantity"),
                        format!(
                            "invalid quantity {:?}: a quantity is a whole number of at least 1",
                            echo(&t)
                        ),
                        format!("数量 \"{}\" 无效：数量必须是不小于 1 的整数", echo(&t)),
                    )
                    .with_value(&t),
                );
                None
            }
        },
    };
    let unit_value = match &it.unit_value {
        None => {
            report.push(missing(at("unitValue"), "unitValue", "单价"));
            None
        }
        Some(n) => read_number(at("unitValue"), n, report),
    };
    let (duty_rate, rate_ok) = match &it.duty_rate {
        None => (None, true),
        Some(n) => match read_number(at("dutyRate"), n, report) {
            Some(r) => (Some(r), true),
            None => (None, false),
        },
    };
    let ok = hs.is_some() && quantity.is_some() && unit_value.is_some() && rate_ok;
    let hs_ok = hs.is_some();
    // A missing or malformed code stands in as any valid one: the item is
    // flagged, and nothing reads its code.
    let hs_code = match hs {
        Some(c) => c,
        None => HsCode::parse("010121").ok()?,
    };
    let item = ParcelItem {
        description: it.description.clone(),
        hs_code,
        quantity: quantity.unwrap_or(1),
        unit_value: unit_value.unwrap_or_default(),
        duty_rate,
    };
    Some((item, ok, hs_ok))
}

impl From<&Parcel> for ParcelJson {
    fn from(p: &Parcel) -> Self {
        let text = |d: Decimal| Number::from_text(d.to_string());
        let s = &p.seller;
        let seller = SellerJson {
            ioss: s.ioss.map(|v| v.to_string()),
            uk_vat: s.uk_vat.map(|v| v.to_string()),
            au_arn: s.au_arn.map(|v| v.to_string()),
            au_abn: s.au_abn.map(|v| v.to_string()),
            sg_ovr: s.sg_ovr.map(|v| v.to_string()),
            eori: s.eori.as_ref().map(ToString::to_string),
        };
        ParcelJson {
            origin: Some(p.origin.to_string()),
            destination: Some(p.destination.to_string()),
            date: Some(p.date.format("%Y-%m-%d").to_string()),
            channel: Some(p.channel.as_str().to_owned()),
            seller: (seller != SellerJson::default()).then_some(seller),
            currency: Some(p.currency.code().to_owned()),
            items: Some(
                p.items
                    .iter()
                    .map(|i| ItemJson {
                        description: i.description.clone(),
                        hs_code: Some(i.hs_code.as_str().to_owned()),
                        quantity: Some(Number::from(i.quantity)),
                        unit_value: Some(text(i.unit_value)),
                        duty_rate: i.duty_rate.map(text),
                    })
                    .collect(),
            ),
            shipping: Some(text(p.shipping)),
            insurance: Some(text(p.insurance)),
            gift: Some(Flag::Bool(p.gift)),
            rates: None,
        }
    }
}

/// A parcel writes its JSON form, amounts as strings (nothing is lost), and
/// reads it back through [`ParcelJson::to_parcel`].
impl Serialize for Parcel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ParcelJson::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Parcel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ParcelJson::deserialize(d)?
            .to_parcel()
            .map_err(de::Error::custom)
    }
}
