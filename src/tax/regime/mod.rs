//! Destination regimes: see the [`crate::tax`] module docs.

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
    /// use crossborder::tax::RegimeTable;
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
