//! Low-value import regimes at the destination, as dated rules: for a parcel
//! from China (or anywhere), on a date, is duty relieved, who collects the
//! VAT or GST (the seller at the sale, the carrier at the border, or nobody),
//! and which flat charges apply?
//!
//! Since 2025 the ground has moved under every seller shipping parcels: the
//! United States ended de minimis for goods of China and Hong Kong on
//! 2025-05-02 and for everyone on 2025-08-29; the EU replaced its EUR 150
//! duty relief with a flat EUR 3 per tariff subheading on 2026-07-01; France
//! adds EUR 2 an article from 2026-03-01; the UK, Australia and Singapore
//! make the seller collect the tax at the sale. This module answers offline,
//! reproducibly, with the rules in force on the parcel's date.
//!
//! - [`RegimeTable`] is the rules as data ([`Destination`]s and
//!   [`RegimeRule`]s, serde), [`RegimeTable::builtin`] the crate's table;
//!   replace it or extend it like the eligibility
//!   [`Policy`](crate::Policy).
//! - [`Parcel`] (with [`ParcelItem`]s and a [`Seller`]'s registrations) is
//!   what is asked about; [`ParcelJson`] reads its JSON form tolerantly,
//!   every bad value reported at its JSON Pointer.
//! - [`RegimeTable::assess`] (or [`ParcelJson::assess`]) gives a
//!   [`RegimeAssessment`]: the value on the regime's base in the
//!   destination's currency, [`DutyTreatment`], [`VatCollection`], every
//!   [`AssessedCharge`], the deciding rules with source and dates, and a
//!   [`Report`].
//!
//! The crate ships no tariff schedule: where duty is due it says so, and
//! applies the caller's rate (`dutyRate`) when given ([`TARIFF_DUTY_CODE`]).
//!
//! # How the rules decide
//!
//! A rule covers a destination (a country, or the EU for its 27 members), a
//! period (both ends inclusive) and optionally origins, channels and gift
//! status; goods under its `excluded` HS prefixes are outside it. A rule in
//! scope drops the rules it `supersedes`. Of the rest, **a relief wins**:
//! an item's duty is relieved when any rule relieves it; its VAT is not due
//! when any rule says so, else collected at the sale when any rule says so,
//! else at the border. The parcel owes duty when any item does; its VAT is
//! collected at the border when any item's is. A rule that collects at the
//! sale names the registration that makes it so ([`Registration`]); without
//! it the tax falls to the rule's `unregistered` collection: the border for
//! the EU, the sale still (with a `regime.registration_missing` warning) for
//! the UK, Australia and Singapore, which never tax these parcels at the
//! border.
//!
//! # Thresholds: inclusive or exclusive, as each source reads
//!
//! | rule | limit | a value equal to it | the source's words |
//! | --- | --- | --- | --- |
//! | `us.de_minimis` | USD 800 fair retail value | relieved | "not exceeding $800" (19 U.S.C. 1321(a)(2)(C)) |
//! | `us.gift` | USD 100 | relieved | "not exceeding $100" (1321(a)(2)(A)) |
//! | `eu.vat_ioss` | EUR 150 intrinsic value | at the sale | "intrinsic value not exceeding EUR 150" (Directive 2006/112/EC art. 369l) |
//! | `eu.duty_relief` | EUR 150 | relieved | "not exceeding EUR 150" (Regulation 1186/2009 art. 23) |
//! | `eu.flat_duty` | EUR 150 | EUR 3 charged | "not exceeding EUR 150" (Regulation (EU) 2026/382) |
//! | `eu.gift` | EUR 45 | relieved | "not exceeding EUR 45" (Directive 2006/79/EC art. 1) |
//! | `eu.vat_low_value` | EUR 22 | not due | "not exceeding EUR 22" (Directive 2009/132/EC art. 23) |
//! | `fr.small_parcel_tax` | EUR 150 | **not** charged | "envois de moins de 150 €" (loi de finances pour 2026, art. 82) |
//! | `gb.low_value` | GBP 135 | at the sale, no duty | "£135 or less" (HMRC) |
//! | `gb.gift` | GBP 39 (VAT), GBP 135 (duty) | not due, relieved | "£39 or less"; duty "over £135" (HMRC) |
//! | `ca.low_value` | CAD 20 value for duty | relieved, not due | "CAD$20 or less" (CBSA CN 20-18) |
//! | `ca.cusma_courier` | CAD 150 (duty), CAD 40 (tax) | relieved, not due | "up to $150" / "up to $40" (CBSA) |
//! | `ca.gift` | CAD 60 | relieved, not due | "worth CAN$60 or less" (CBSA) |
//! | `au.low_value` | AUD 1,000 customs value | at the sale, no duty | "A$1,000 or less" (ATO, Home Affairs) |
//! | `jp.small_value` | JPY 10,000 dutiable value | relieved, not due | "1万円以下" (Customs Tariff Act art. 14(18)) |
//! | `sg.low_value` | SGD 400 per item | at the sale | "up to (and including) S$400" (IRAS) |
//! | `sg.gift`, `sg.import_relief` | SGD 400 CIF | not due | "unless the total CIF is more than S$400" (IRAS) |
//! | `th.de_minimis`, `th.duty_relief` | THB 1,500 CIF | relieved | "not more than THB 1,500" (Thai Customs) |
//!
//! Values are compared in the threshold's currency after conversion with the
//! caller's [`ExchangeRates`](crate::ExchangeRates) and one rounding to the
//! minor unit ([`VALUE_ROUNDING`]); a missing rate is reported, never guessed.
//!
//! # Example
//!
//! ```
//! use crossborder::tax::regime::{ParcelJson, RegimeTable, VatCollection};
//!
//! let json = r#"{
//!   "origin": "CN", "destination": "FR", "date": "2026-08-01", "channel": "courier",
//!   "seller": {"ioss": "IM2500000001", "ukVat": null, "auArn": null, "sgOvr": null},
//!   "currency": "EUR",
//!   "items": [
//!     {"description": "silk blouse", "hsCode": "620610", "quantity": 1, "unitValue": "30.00"},
//!     {"description": "wool blouse", "hsCode": "620620", "quantity": 2, "unitValue": "25.00"}
//!   ],
//!   "shipping": "8.00", "insurance": "0", "gift": false
//! }"#;
//! let parcel: ParcelJson = serde_json::from_str(json)?;
//! let a = parcel.assess(RegimeTable::builtin(), &Default::default());
//! assert_eq!(a.value().map(|v| v.amount().to_string()).as_deref(), Some("80.00 EUR"));
//! assert_eq!(a.vat_collected(), Some(VatCollection::AtSale)); // through IOSS
//! assert_eq!(a.duty_relief(), Some(false)); // the flat duty is a duty
//! let charges: Vec<(&str, String)> = a.charges().iter().map(|c| (c.code(), c.amount().to_string())).collect();
//! assert_eq!(charges, [("eu_flat_duty", "6 EUR".to_owned()), ("fr_small_parcel_tax", "6 EUR".to_owned())]);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Cookbook
//!
//! ## The same parcel on three dates (time travel)
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::{Country, Currency, ExchangeRates, HsCode};
//! use crossborder::tax::regime::{Channel, Parcel, ParcelItem, RegimeTable};
//! use rust_decimal::Decimal;
//!
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
//! let parcel = Parcel::new(Country::CN, Country::US, day(2025, 3, 1)?, Channel::Postal, Currency::USD)
//!     .with_item(ParcelItem::new(HsCode::parse("851830")?, 1, Decimal::from(25)));
//! let table = RegimeTable::builtin();
//! let rates = ExchangeRates::new();
//! let answer = |p: &Parcel| {
//!     let a = table.assess(p, &rates);
//!     (a.duty_relief(), a.rules().iter().map(|r| r.id.clone()).collect::<Vec<_>>())
//! };
//! assert_eq!(answer(&parcel), (Some(true), vec!["us.de_minimis".into(), "us.no_vat".into()]));
//! let june = answer(&parcel.clone().on(day(2025, 6, 1)?));
//! assert_eq!(june, (Some(false), vec!["us.de_minimis_ended_cn_hk".into(), "us.no_vat".into()]));
//! let september = answer(&parcel.clone().on(day(2025, 9, 1)?));
//! assert_eq!(september.0, Some(false));
//! assert!(september.1.contains(&"us.de_minimis_suspended".to_owned()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Add a rule of your own
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::{Country, Effective};
//! use crossborder::tax::regime::{ChargeBasis, ChargeTerms, ParcelJson, RegimeRule, RegimeTable, Territory, Threshold};
//!
//! let mut table = RegimeTable::builtin().clone();
//! table.rules.push(
//!     RegimeRule::new("it.consignment_fee", Territory::Country(Country::IT),
//!         Effective::since(NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?),
//!         "Legge di bilancio 2026 (own reading)")
//!     .with_charge(ChargeTerms::new("it_consignment_fee",
//!         ChargeBasis::Consignment { amount: "2 EUR".parse()? })
//!         .below(Threshold::inclusive("150 EUR".parse()?))),
//! );
//! let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "IT", "date": "2026-02-01",
//!     "channel": "courier", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
//! let a = p.assess(&table, &Default::default());
//! assert_eq!(a.charges()[0].code(), "it_consignment_fee");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Convert with the caller's rates, and see what is missing
//!
//! ```
//! use crossborder::{Currency, ExchangeRates};
//! use crossborder::tax::regime::{ParcelJson, RegimeTable};
//! use rust_decimal::Decimal;
//!
//! let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "AU", "date": "2026-08-01",
//!     "channel": "postal", "currency": "USD", "seller": {"auArn": "500012345678"},
//!     "items": [{"hsCode": "851830", "quantity": 2, "unitValue": "350.00"}]}"#)?;
//! let table = RegimeTable::builtin();
//! let none = p.assess(table, &ExchangeRates::new());
//! assert_eq!(none.report().as_slice()[0].code().as_str(), "regime.rate_missing");
//! let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::AUD, Decimal::new(152, 2))?;
//! let a = p.assess(table, &rates);
//! // USD 700 is AUD 1,064: over AUD 1,000, so duty and GST at the border.
//! assert_eq!(a.value().map(|v| v.amount().to_string()).as_deref(), Some("1064.00 AUD"));
//! assert_eq!(a.duty_relief(), Some(false));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod assess;
mod builtin;
mod json;
mod parcel;
mod rule;

pub use assess::{
    AssessedCharge, AssessedValue, RegimeAssessment, TARIFF_DUTY_CODE, VALUE_ROUNDING,
};
pub use json::{Flag, ItemJson, ParcelJson, RateJson, SellerJson};
pub use parcel::{Parcel, ParcelItem, Seller};
pub use rule::{
    Channel, ChargeBasis, ChargeTerms, ChargeWhen, Destination, DutyTerms, DutyTreatment,
    GiftScope, Mark, RegimeRule, RegimeTable, Registration, Territory, Threshold, ThresholdScope,
    Valuation, ValueBase, VatCollection, VatTerms,
};

use crate::{Code, JsonPointer, Report, Severity, Violation};

crate::macros::codes! {
    /// The table has no rule for the destination (or for its duty, or its
    /// VAT) in force on the date: the crate cannot say what is due.
    REGIME_NO_RULE = "regime.no_rule";
    /// The parcel crosses no customs border (within one country, or between
    /// two EU members).
    REGIME_NOT_IMPORT = "regime.not_import";
    /// No exchange rate from the parcel's currency to the one a threshold is
    /// in.
    REGIME_RATE_MISSING = "regime.rate_missing";
    /// An exchange rate in `rates` is zero or negative.
    REGIME_RATE_INVALID = "regime.rate_invalid";
    /// A value, shipping, insurance or duty rate is negative.
    REGIME_AMOUNT_NEGATIVE = "regime.amount_negative";
    /// A quantity is zero or not a whole number.
    REGIME_QUANTITY_INVALID = "regime.quantity_invalid";
    /// The parcel has no item.
    REGIME_NO_ITEMS = "regime.no_items";
    /// The parcel's amounts are too large to compute exactly.
    REGIME_AMOUNT_OVERFLOW = "regime.amount_overflow";
    /// A member the assessment needs is missing.
    REGIME_MISSING_FIELD = "regime.missing_field";
    /// `date` is not `YYYY-MM-DD`.
    REGIME_DATE_INVALID = "regime.date_invalid";
    /// `channel` is not `postal` or `courier`.
    REGIME_CHANNEL_UNKNOWN = "regime.channel_unknown";
    /// `gift` is not a yes or no.
    REGIME_GIFT_INVALID = "regime.gift_invalid";
    /// A registration number (IOSS, UK VAT, ARN, ABN, Singapore GST, EORI)
    /// has the wrong form.
    REGIME_REGISTRATION_INVALID = "regime.registration_invalid";
    /// The tax is charged at the sale and the parcel carries no registration
    /// of the seller: the seller or its marketplace must be registered.
    REGIME_REGISTRATION_MISSING = "regime.registration_missing";
    /// Duty is due at the tariff rate and the item has no `dutyRate`.
    REGIME_DUTY_RATE_NEEDED = "regime.duty_rate_needed";
    /// An item's goods are outside a relief (excise goods, designated
    /// articles).
    REGIME_EXCLUDED_GOODS = "regime.excluded_goods";
    /// A regime table is inconsistent ([`RegimeTable::check`]).
    REGIME_TABLE_INVALID = "regime.table_invalid";
}

impl RegimeTable {
    /// The crate's table: every destination and dated rule in the README's
    /// table, each with its primary source, built once.
    ///
    /// Destinations: the EU (27 members) with France's additions, the United
    /// Kingdom, the United States, Canada, Australia, Japan, Singapore and
    /// Thailand.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::regime::RegimeTable;
    /// let t = RegimeTable::builtin();
    /// assert_eq!(t.destinations.len(), 8);
    /// assert!(t.rule("eu.flat_duty").is_some());
    /// ```
    pub fn builtin() -> &'static RegimeTable {
        builtin::builtin()
    }
}

/// The order of a parcel JSON's members, for reports in document order.
fn member_rank(name: &str) -> u8 {
    const ORDER: [&str; 11] = [
        "origin",
        "destination",
        "date",
        "channel",
        "seller",
        "currency",
        "items",
        "shipping",
        "insurance",
        "gift",
        "rates",
    ];
    ORDER
        .iter()
        .position(|m| *m == name)
        .map_or(u8::MAX, |p| p as u8)
}

fn sub_rank(parent: &str, name: &str) -> u8 {
    let order: &[&str] = match parent {
        "seller" => &["ioss", "ukVat", "auArn", "auAbn", "sgOvr", "eori"],
        "items" => &["description", "hsCode", "quantity", "unitValue", "dutyRate"],
        "rates" => &["from", "to", "rate"],
        _ => &[],
    };
    order
        .iter()
        .position(|m| *m == name)
        .map_or(u8::MAX, |p| p as u8)
}

/// The document-order key of a pointer into a parcel's JSON: the member's
/// rank, the array index (plus one), the sub-member's rank. The parcel's
/// member names need no RFC 6901 escaping, so the text is read as it is.
fn doc_key(pointer: &str) -> (u8, u32, u8) {
    let mut parts = pointer.split('/');
    let _root = parts.next();
    let top = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    let third = parts.next().unwrap_or("");
    let rank = if top.is_empty() {
        0
    } else {
        member_rank(top).saturating_add(1)
    };
    if second.is_empty() {
        return (rank, 0, 0);
    }
    if second.bytes().all(|b| b.is_ascii_digit()) {
        let i = second.bytes().fold(0u32, |a, d| {
            a.saturating_mul(10).saturating_add(u32::from(d - b'0'))
        });
        return (rank, i.saturating_add(1), sub_rank(top, third));
    }
    (rank, 0, sub_rank(top, second).saturating_add(1))
}

/// Sorts a parcel report into document order (violations at one place keep
/// the order they were added in); a report already in order is left as it
/// is.
pub(crate) fn sort_report(report: &mut Report) {
    if report.len() < 2 {
        return;
    }
    let mut sorted = true;
    let mut last = (0, 0, 0);
    for v in report.iter() {
        let k = doc_key(v.pointer().as_str());
        if k < last {
            sorted = false;
            break;
        }
        last = k;
    }
    if sorted {
        return;
    }
    let mut all: Vec<Violation> = std::mem::take(report).into_iter().collect();
    all.sort_by_cached_key(|v| doc_key(v.pointer().as_str()));
    report.extend(all);
}

fn table_error(path: JsonPointer, en: String, zh: String) -> Violation {
    Violation::new(Code::REGIME_TABLE_INVALID, Severity::Error, path, en, zh)
}

/// The checks of [`RegimeTable::check`].
fn check_table(table: &RegimeTable) -> Report {
    let mut report = Report::new();
    let rule_ptr = |i: usize| JsonPointer::root().field("rules").index(i);
    for (i, r) in table.rules.iter().enumerate() {
        if table.rules[..i].iter().any(|x| x.id == r.id) {
            report.push(
                table_error(
                    rule_ptr(i).field("id"),
                    format!("rule id {:?} is used twice: ids must be unique", r.id),
                    format!("规则编号 {:?} 重复：编号必须唯一", r.id),
                )
                .with_value(r.id.as_str()),
            );
        }
        for (k, s) in r.supersedes.iter().enumerate() {
            if !table.rules.iter().any(|x| &x.id == s) {
                report.push(
                    table_error(
                        rule_ptr(i).field("supersedes").index(k),
                        format!(
                            "rule {:?} supersedes {s:?}, which is no rule of the table",
                            r.id
                        ),
                        format!("规则 {:?} 取代的 {s:?} 不在规则表中", r.id),
                    )
                    .with_value(s.as_str()),
                );
            }
        }
        let has_record = table.destinations.iter().any(|d| {
            d.territory == r.destination
                || matches!(
                    (d.territory, r.destination),
                    (Territory::EuropeanUnion, Territory::Country(c)) if crate::is_eu_member(c)
                )
        });
        if !has_record {
            report.push(
                table_error(
                    rule_ptr(i).field("destination"),
                    format!(
                        "rule {:?} is for {}, which has no destination record: its currency and \
                         valuation are unknown",
                        r.id, r.destination
                    ),
                    format!(
                        "规则 {:?} 的目的地 {} 没有目的地记录：币种和估价方式未知",
                        r.id, r.destination
                    ),
                )
                .with_value(r.destination.to_string()),
            );
        }
        for (k, c) in r.charges.iter().enumerate() {
            let bad = match c.basis {
                ChargeBasis::Subheading { digits, .. } => !(6..=13).contains(&digits),
                ChargeBasis::Value { rate } => rate.is_sign_negative() && !rate.is_zero(),
                _ => false,
            };
            if bad {
                report.push(table_error(
                    rule_ptr(i).field("charges").index(k),
                    format!(
                        "charge {:?} of rule {:?}: a subheading has 6 to 13 digits and a rate \
                         cannot be negative",
                        c.code, r.id
                    ),
                    format!(
                        "规则 {:?} 的收费 {:?}：子目为 6 至 13 位，税率不能为负",
                        r.id, c.code
                    ),
                ));
            }
        }
    }
    report
}
