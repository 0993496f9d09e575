//! Properties of the destination regimes: assessing never panics, and a
//! value at a threshold is treated as the rule says (inclusive or not), for
//! every thresholded rule of the built-in table.

use chrono::NaiveDate;
use crossborder::tax::{
    Channel, DutyTreatment, GiftScope, ParcelJson, RegimeRule, RegimeTable, Territory, Threshold,
    VatCollection,
};
use crossborder::{Country, ExchangeRates, minor_unit};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn pick(pool: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop::sample::select(pool).prop_map(|s| json!(s))
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|n| json!(n)),
        (-1_000_000i64..100_000_000, 0u32..4)
            .prop_map(|(n, s)| json!(Decimal::new(n, s).to_string())),
        Just(json!("1e40")),
        Just(json!("abc")),
        Just(json!(79228162514264337593543950335u128.to_string())),
        Just(json!(0.1)),
    ]
}

fn item() -> impl Strategy<Value = Value> {
    (
        pick(&[
            "851830", "620610", "62062000", "220421", "240220", "611020", "610999", "85A8", "",
            "0101",
        ]),
        number(),
        number(),
        prop::option::of(number()),
    )
        .prop_map(|(hs, q, v, r)| {
            let mut o = json!({"hsCode": hs, "quantity": q, "unitValue": v});
            if let Some(r) = r {
                o["dutyRate"] = r;
            }
            o
        })
}

fn parcel() -> impl Strategy<Value = Value> {
    (
        pick(&["CN", "HK", "US", "MX", "DE", "FR", "XX", ""]),
        pick(&["US", "FR", "DE", "PL", "GB", "CA", "AU", "JP", "SG", "TH", "BR", "EU", "??"]),
        (1990i32..2035, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}"))),
        pick(&["postal", "courier", "drone"]),
        pick(&["USD", "EUR", "GBP", "CAD", "AUD", "JPY", "SGD", "THB", "CNY", "XYZ"]),
        prop::collection::vec(item(), 0..5),
        prop::option::of(number()),
        prop::option::of(pick(&["true", "false", "maybe"])),
        prop::option::of(pick(&["IM2500000001", "IM1", "GB123456782", "500012345678"])),
    )
        .prop_map(|(o, d, date, ch, cur, items, ship, gift, reg)| {
            let mut p = json!({
                "origin": o, "destination": d, "date": date, "channel": ch,
                "currency": cur, "items": items
            });
            if let Some(s) = ship {
                p["shipping"] = s;
            }
            if let Some(g) = gift {
                p["gift"] = g;
            }
            if let Some(r) = reg {
                p["seller"] = json!({"ioss": r.clone(), "ukVat": r.clone(), "auArn": r, "sgOvr": "M90371234X"});
            }
            p["rates"] = json!([{"from": "USD", "to": "EUR", "rate": "0.9"}, {"from": "CNY", "to": "GBP", "rate": "0.11"}]);
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn assessing_never_panics_and_always_serializes(p in parcel()) {
        let parsed: ParcelJson = serde_json::from_value(p).unwrap();
        let a = parsed.assess(RegimeTable::builtin(), &ExchangeRates::new());
        let json = serde_json::to_value(&a).unwrap();
        prop_assert!(json.get("report").is_some());
        // A withheld answer always says why.
        if json["dutyRelief"].is_null() || json["vatCollected"].is_null() {
            prop_assert!(!a.report().is_empty());
        }
        // Every pointer is one the parcel JSON form has.
        for v in a.report() {
            let first = v.pointer().tokens().next().map(|t| t.into_owned()).unwrap_or_default();
            prop_assert!(
                ["origin", "destination", "date", "channel", "seller", "currency", "items",
                 "shipping", "insurance", "gift", "rates"].contains(&first.as_str()),
                "{}", v.pointer()
            );
        }
    }
}

/// A parcel in scope of `rule`, valued `offset` minor units from `t`'s
/// limit, with every registration.
fn parcel_at(rule: &RegimeRule, t: &Threshold, offset: i64) -> Value {
    let table = RegimeTable::builtin();
    let dest = match rule.destination {
        Territory::Country(c) => c,
        Territory::EuropeanUnion => Country::DE,
    };
    let date: NaiveDate = rule
        .from()
        .or(rule.to())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let origin = rule
        .origins
        .and_then(|o| o.iter().next())
        .unwrap_or(Country::CN);
    let channel = rule.channels.first().copied().unwrap_or(Channel::Postal);
    let record = table.destination_for(dest).unwrap();
    let valuation = rule.valuation.unwrap_or(record.valuation);
    let currency = t.limit.currency();
    let value = t.limit.amount() + minor_unit(currency) * Decimal::from(offset);
    let unit = value / valuation.goods_factor;
    let hs = ["851830", "950300", "392690"]
        .into_iter()
        .find(|c| !rule.excluded.iter().any(|p| c.starts_with(p.as_str())))
        .unwrap();
    json!({
        "origin": origin.to_string(), "destination": dest.to_string(),
        "date": date.format("%Y-%m-%d").to_string(), "channel": channel.as_str(),
        "seller": {"ioss": "IM2760000001", "ukVat": "GB123456782", "auArn": "500012345678", "sgOvr": "M90371234X"},
        "currency": currency.code(),
        "items": [{"hsCode": hs, "quantity": 1, "unitValue": unit.to_string()}],
        "gift": rule.gifts == GiftScope::Only
    })
}

/// The table of one rule (and the built-in destinations).
fn only(rule: &RegimeRule) -> RegimeTable {
    RegimeTable {
        destinations: RegimeTable::builtin().destinations.clone(),
        rules: vec![rule.clone()],
    }
}

fn within(t: &Threshold, offset: i64) -> bool {
    if t.inclusive { offset <= 0 } else { offset < 0 }
}

fn check_rule_at(rule: &RegimeRule, offset: i64) -> Result<(), TestCaseError> {
    let table = only(rule);
    // Only values that can be declared (not below zero).
    let fits = |t: &Threshold| {
        t.limit.amount() + minor_unit(t.limit.currency()) * Decimal::from(offset) >= Decimal::ZERO
    };
    if let Some(d) = &rule.duty
        && let Some(t) = &d.threshold
        && fits(t)
    {
        let p: ParcelJson = serde_json::from_value(parcel_at(rule, t, offset)).unwrap();
        let a = p.assess(&table, &ExchangeRates::new());
        let want = if within(t, offset) { d.within } else { d.above };
        prop_assert_eq!(
            a.duty(),
            Some(want),
            "{} duty at {:+}: {}",
            rule.id,
            offset,
            a.report()
        );
        prop_assert_eq!(a.duty_relief(), Some(want == DutyTreatment::Relieved));
    }
    if let Some(v) = &rule.vat
        && let Some(t) = &v.threshold
        && fits(t)
    {
        let p: ParcelJson = serde_json::from_value(parcel_at(rule, t, offset)).unwrap();
        let a = p.assess(&table, &ExchangeRates::new());
        let want = if within(t, offset) { v.within } else { v.above };
        prop_assert_eq!(
            a.vat_collected(),
            Some(want),
            "{} vat at {:+}",
            rule.id,
            offset
        );
        if want == VatCollection::AtSale {
            prop_assert!(!a.report().has_errors(), "{}", a.report());
            prop_assert!(
                !a.report()
                    .contains_code(&crossborder::Code::REGIME_REGISTRATION_MISSING)
            );
        }
    }
    for c in &rule.charges {
        if let Some(t) = c.threshold.as_ref().filter(|t| fits(t)) {
            let p: ParcelJson = serde_json::from_value(parcel_at(rule, t, offset)).unwrap();
            let a = p.assess(&table, &ExchangeRates::new());
            let charged = a.charges().iter().any(|x| x.code() == c.code);
            prop_assert_eq!(
                charged,
                within(t, offset),
                "{} charge at {:+}",
                rule.id,
                offset
            );
        }
    }
    Ok(())
}

fn thresholded() -> Vec<RegimeRule> {
    RegimeTable::builtin()
        .rules
        .iter()
        .filter(|r| {
            r.duty.is_some_and(|d| d.threshold.is_some())
                || r.vat.is_some_and(|v| v.threshold.is_some())
                || r.charges.iter().any(|c| c.threshold.is_some())
        })
        .cloned()
        .collect()
}

#[test]
fn every_threshold_exactly_at_its_limit_and_one_minor_unit_either_side() {
    let rules = thresholded();
    assert!(rules.len() >= 20, "{}", rules.len());
    for r in &rules {
        for offset in [-1, 0, 1] {
            if let Err(e) = check_rule_at(r, offset) {
                panic!("{e}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn thresholds_split_values_where_the_rule_says(i in 0usize..64, offset in -5_000i64..5_000) {
        let rules = thresholded();
        let r = &rules[i % rules.len()];
        check_rule_at(r, offset)?;
    }
}
