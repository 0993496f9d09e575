//! Destination regimes: each row of the table on both sides of each
//! threshold and each date, the parcel JSON, the answer's JSON shape.

use crossborder::tax::{ParcelJson, RegimeTable};
use crossborder::{Currency, ExchangeRates};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::common::fixture;

/// The answer as the example's JSON.
fn answer(parcel: &Value) -> Value {
    answer_with(parcel, &ExchangeRates::new())
}

fn answer_with(parcel: &Value, rates: &ExchangeRates) -> Value {
    let p: ParcelJson = serde_json::from_value(parcel.clone()).unwrap();
    serde_json::to_value(p.assess(RegimeTable::builtin(), rates)).unwrap()
}

/// A parcel of one item of `value` (a string) in the destination's
/// currency.
fn one(dest: &str, date: &str, origin: &str, channel: &str, currency: &str, value: &str) -> Value {
    json!({
        "origin": origin, "destination": dest, "date": date, "channel": channel,
        "currency": currency,
        "items": [{"hsCode": "851830", "quantity": 1, "unitValue": value}]
    })
}

fn with(mut v: Value, key: &str, x: Value) -> Value {
    v[key] = x;
    v
}

fn duty(a: &Value) -> Option<bool> {
    a["dutyRelief"].as_bool()
}

fn vat(a: &Value) -> Option<&str> {
    a["vatCollected"].as_str()
}

fn rules(a: &Value) -> Vec<&str> {
    a["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect()
}

fn charges(a: &Value) -> Vec<(String, String)> {
    a["charges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap().to_owned(),
                format!(
                    "{} {}",
                    c["amount"].as_str().unwrap(),
                    c["currency"].as_str().unwrap()
                ),
            )
        })
        .collect()
}

fn codes(a: &Value) -> Vec<(String, String)> {
    a["report"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["code"].as_str().unwrap().to_owned(),
                v["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn has_code(a: &Value, code: &str) -> bool {
    codes(a).iter().any(|(c, _)| c == code)
}

fn ioss() -> Value {
    json!({"ioss": "IM2500000001"})
}

// ---------------------------------------------------------------- the sample

#[test]
fn the_sample_of_the_issue_france_2026_08_01_ioss() {
    let p: Value = serde_json::from_str(&fixture("parcel_fr_ioss.json")).unwrap();
    let a = answer(&p);
    assert_eq!(a["destination"], "FR");
    assert_eq!(a["date"], "2026-08-01");
    assert_eq!(
        a["value"],
        json!({"amount": "80.00", "currency": "EUR", "base": "intrinsic_value"})
    );
    assert_eq!(duty(&a), Some(false));
    assert_eq!(vat(&a), Some("at_sale"));
    assert_eq!(
        charges(&a),
        [
            ("eu_flat_duty".into(), "6.00 EUR".into()),
            ("fr_small_parcel_tax".into(), "6.00 EUR".into())
        ]
    );
    assert_eq!(
        rules(&a),
        [
            "eu.vat_ioss",
            "eu.duty_relief_abolished",
            "eu.flat_duty",
            "fr.small_parcel_tax"
        ]
    );
    assert_eq!(a["report"], json!([]));
    // Each rule carries its source and dates.
    let flat = &a["rules"][2];
    assert_eq!(flat["from"], "2026-07-01");
    assert_eq!(flat["to"], "2028-07-01");
    assert!(flat["source"].as_str().unwrap().contains("2026/382"));
    assert_eq!(a["rules"][0]["to"], Value::Null);
}

#[test]
fn the_answer_has_exactly_the_members_of_the_contract() {
    let p: Value = serde_json::from_str(&fixture("parcel_fr_ioss.json")).unwrap();
    let a = answer(&p);
    let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = [
        "destination",
        "date",
        "value",
        "dutyRelief",
        "vatCollected",
        "charges",
        "rules",
        "report",
    ];
    let mut got = keys.clone();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);
    let c = a["charges"][0].as_object().unwrap();
    assert_eq!(c.len(), 3);
    let r = a["rules"][0].as_object().unwrap();
    assert_eq!(
        r.keys().map(String::as_str).collect::<Vec<_>>().len(),
        4,
        "{r:?}"
    );
}

#[test]
fn the_eu_switch_on_2026_07_01() {
    let p: Value = serde_json::from_str(&fixture("parcel_fr_ioss.json")).unwrap();
    let before = answer(&with(p.clone(), "date", json!("2026-06-30")));
    assert_eq!(duty(&before), Some(true));
    assert_eq!(vat(&before), Some("at_sale"));
    assert_eq!(
        charges(&before),
        [("fr_small_parcel_tax".into(), "6.00 EUR".into())]
    );
    assert_eq!(
        rules(&before),
        ["eu.vat_ioss", "eu.duty_relief", "fr.small_parcel_tax"]
    );
    let after = answer(&with(p, "date", json!("2026-07-01")));
    assert_eq!(duty(&after), Some(false));
    assert_eq!(
        charges(&after)[0],
        ("eu_flat_duty".into(), "6.00 EUR".into())
    );
}

// ---------------------------------------------------------------- United States

#[test]
fn us_three_step_history_for_a_chinese_parcel() {
    let p = |date| one("US", date, "CN", "postal", "USD", "25.00");
    let march = answer(&p("2025-03-01"));
    let june = answer(&p("2025-06-01"));
    let september = answer(&p("2025-09-01"));
    assert_eq!(duty(&march), Some(true));
    assert_eq!(rules(&march), ["us.de_minimis", "us.no_vat"]);
    assert_eq!(duty(&june), Some(false));
    assert_eq!(rules(&june), ["us.de_minimis_ended_cn_hk", "us.no_vat"]);
    assert_eq!(duty(&september), Some(false));
    assert_eq!(
        rules(&september),
        [
            "us.de_minimis_ended_cn_hk",
            "us.de_minimis_suspended",
            "us.no_vat"
        ]
    );
    for a in [&march, &june, &september] {
        assert_eq!(vat(a), Some("not_due"));
        assert_eq!(a["value"]["base"], "fair_retail_value");
    }
    // Three different answers.
    assert_ne!(march, june);
    assert_ne!(june, september);
    // The day before and the day of each step.
    assert_eq!(duty(&answer(&p("2025-05-01"))), Some(true));
    assert_eq!(duty(&answer(&p("2025-05-02"))), Some(false));
    // Duty due with no tariff rate given: said, at the item.
    assert!(codes(&june).contains(&("regime.duty_rate_needed".into(), "/items/0/dutyRate".into())));
}

#[test]
fn us_hong_kong_is_china_macao_is_not() {
    assert_eq!(
        duty(&answer(&one(
            "US",
            "2025-05-02",
            "HK",
            "courier",
            "USD",
            "10"
        ))),
        Some(false)
    );
    assert_eq!(
        duty(&answer(&one(
            "US",
            "2025-05-02",
            "MO",
            "courier",
            "USD",
            "10"
        ))),
        Some(true)
    );
    // Everyone from 2025-08-29.
    assert_eq!(
        duty(&answer(&one(
            "US",
            "2025-08-28",
            "MO",
            "courier",
            "USD",
            "10"
        ))),
        Some(true)
    );
    assert_eq!(
        duty(&answer(&one(
            "US",
            "2025-08-29",
            "MO",
            "courier",
            "USD",
            "10"
        ))),
        Some(false)
    );
}

#[test]
fn us_800_dollars_is_inclusive() {
    let at = answer(&one("US", "2025-03-01", "DE", "courier", "USD", "800.00"));
    let over = answer(&one("US", "2025-03-01", "DE", "courier", "USD", "800.01"));
    assert_eq!(duty(&at), Some(true));
    assert_eq!(duty(&over), Some(false));
    // Before the USD 800 took effect (2016-03-10) the table has no duty rule.
    let old = answer(&one("US", "2016-03-09", "DE", "courier", "USD", "10"));
    assert_eq!(duty(&old), None);
    assert!(has_code(&old, "regime.no_rule"));
    assert_eq!(vat(&old), Some("not_due"));
    assert_eq!(
        duty(&answer(&one(
            "US",
            "2016-03-10",
            "DE",
            "courier",
            "USD",
            "10"
        ))),
        Some(true)
    );
}

#[test]
fn us_gifts_of_100_dollars_stay_free() {
    let gift = |v: &str, date: &str| {
        answer(&with(
            one("US", date, "CN", "postal", "USD", v),
            "gift",
            json!(true),
        ))
    };
    assert_eq!(duty(&gift("100.00", "2025-09-01")), Some(true));
    assert_eq!(
        rules(&gift("100.00", "2025-09-01")),
        ["us.gift", "us.no_vat"]
    );
    assert_eq!(duty(&gift("100.01", "2025-09-01")), Some(false));
    // A gift over USD 100 never had the USD 800.
    assert_eq!(duty(&gift("100.01", "2025-03-01")), Some(false));
}

#[test]
fn us_section_122_surcharge_in_its_150_days() {
    let p = |date| one("US", date, "DE", "courier", "USD", "50.00");
    for (date, charged) in [
        ("2026-02-23", false),
        ("2026-02-24", true),
        ("2026-07-23", true),
        ("2026-07-24", false),
    ] {
        let a = answer(&p(date));
        let c = charges(&a);
        assert_eq!(
            c.contains(&("us_section_122_surcharge".into(), "5.00 USD".into())),
            charged,
            "{date}: {c:?}"
        );
    }
    // A gift within USD 100 owes no duty at all, so no surcharge.
    let gift = answer(&with(p("2026-03-01"), "gift", json!(true)));
    assert_eq!(duty(&gift), Some(true));
    assert!(charges(&gift).is_empty());
}

#[test]
fn us_statutory_repeal_from_2027_07_01() {
    let a = answer(&one("US", "2027-07-01", "DE", "courier", "USD", "10"));
    assert!(rules(&a).contains(&"us.de_minimis_repealed"));
    assert_eq!(duty(&a), Some(false));
    let b = answer(&one("US", "2027-06-30", "DE", "courier", "USD", "10"));
    assert!(!rules(&b).contains(&"us.de_minimis_repealed"));
}

#[test]
fn the_callers_tariff_rate_gives_the_duty() {
    let mut p = one("US", "2025-09-01", "CN", "courier", "USD", "40.00");
    p["items"][0]["dutyRate"] = json!("0.25");
    let a = answer(&p);
    assert_eq!(charges(&a), [("customs_duty".into(), "10.00 USD".into())]);
    assert!(!has_code(&a, "regime.duty_rate_needed"));
}

// ---------------------------------------------------------------- European Union

#[test]
fn eu_ioss_up_to_150_euros_inclusive() {
    let p = |v: &str| {
        with(
            one("DE", "2026-03-01", "CN", "courier", "EUR", v),
            "seller",
            ioss(),
        )
    };
    let at = answer(&p("150.00"));
    assert_eq!(vat(&at), Some("at_sale"));
    assert_eq!(duty(&at), Some(true)); // the EUR 150 duty relief, before 2026-07-01
    let over = answer(&p("150.01"));
    assert_eq!(vat(&over), Some("at_border"));
    assert_eq!(duty(&over), Some(false));
    // Without IOSS the border is the fallback, and nothing is warned.
    let plain = answer(&one("DE", "2026-03-01", "CN", "courier", "EUR", "20"));
    assert_eq!(vat(&plain), Some("at_border"));
    assert!(!has_code(&plain, "regime.registration_missing"));
}

#[test]
fn eu_vat_before_and_after_2021_07_01() {
    let p = |date, v| with(one("DE", date, "CN", "courier", "EUR", v), "seller", ioss());
    assert_eq!(vat(&answer(&p("2021-06-30", "22.00"))), Some("not_due"));
    assert_eq!(vat(&answer(&p("2021-06-30", "22.01"))), Some("at_border"));
    assert_eq!(vat(&answer(&p("2021-07-01", "22.00"))), Some("at_sale"));
}

#[test]
fn eu_flat_duty_for_ioss_and_postal_consignments_only() {
    let courier = |v: &str| one("IT", "2026-07-01", "CN", "courier", "EUR", v);
    // IOSS: EUR 3, and no tariff duty asked for.
    let a = answer(&with(courier("150.00"), "seller", ioss()));
    assert_eq!(charges(&a), [("eu_flat_duty".into(), "3.00 EUR".into())]);
    assert!(!has_code(&a, "regime.duty_rate_needed"));
    // Over EUR 150: no flat duty; the tariff duty at its rate, and IOSS no
    // longer applies.
    let b = answer(&with(courier("150.01"), "seller", ioss()));
    assert!(charges(&b).is_empty());
    assert!(has_code(&b, "regime.duty_rate_needed"));
    assert_eq!(vat(&b), Some("at_border"));
    // By courier without IOSS: the tariff duty.
    let c = answer(&courier("20.00"));
    assert!(charges(&c).is_empty());
    assert_eq!(duty(&c), Some(false));
    assert!(has_code(&c, "regime.duty_rate_needed"));
    // By post without IOSS: the flat duty (Regulation (EU) 2026/382).
    let d = answer(&one("IT", "2026-07-01", "CN", "postal", "EUR", "20.00"));
    assert_eq!(charges(&d), [("eu_flat_duty".into(), "3.00 EUR".into())]);
    assert_eq!(vat(&d), Some("at_border"));
}

#[test]
fn eu_flat_duty_counts_distinct_subheadings_and_ends_after_2028_07_01() {
    let p = |date: &str| {
        json!({
            "origin": "CN", "destination": "ES", "date": date, "channel": "courier",
            "seller": {"ioss": "IM7240000001"}, "currency": "EUR",
            "items": [
                {"hsCode": "620610", "quantity": 1, "unitValue": 30},
                {"hsCode": "62062000", "quantity": 2, "unitValue": 25},
                {"hsCode": "620620", "quantity": 1, "unitValue": 5},
                {"hsCode": "851830", "quantity": 3, "unitValue": 10}
            ]
        })
    };
    let a = answer(&p("2028-07-01"));
    assert_eq!(charges(&a), [("eu_flat_duty".into(), "9.00 EUR".into())]);
    let b = answer(&p("2028-07-02"));
    assert!(charges(&b).is_empty());
    assert_eq!(duty(&b), Some(false));
}

#[test]
fn eu_gifts_of_45_euros() {
    let gift = |date, v| {
        with(
            one("NL", date, "CN", "postal", "EUR", v),
            "gift",
            json!(true),
        )
    };
    let at = answer(&gift("2026-08-01", "45.00"));
    assert_eq!((duty(&at), vat(&at)), (Some(true), Some("not_due")));
    assert!(charges(&at).is_empty()); // gifts are not distance sales
    let over = answer(&gift("2026-08-01", "45.01"));
    assert_eq!((duty(&over), vat(&over)), (Some(false), Some("at_border")));
    // Before 2026-07-01 the EUR 150 relief covered gifts too.
    let old = answer(&gift("2026-06-30", "100.00"));
    assert_eq!((duty(&old), vat(&old)), (Some(true), Some("at_border")));
}

#[test]
fn eu_excise_goods_and_perfume_stay_outside() {
    let mut p = with(
        one("FR", "2026-06-30", "CN", "courier", "EUR", "20"),
        "seller",
        ioss(),
    );
    p["items"][0]["hsCode"] = json!("330300");
    let a = answer(&p);
    assert_eq!(duty(&a), Some(false)); // perfume: no negligible-value relief
    assert_eq!(vat(&a), Some("at_sale")); // but IOSS takes it
    assert!(codes(&a).contains(&("regime.excluded_goods".into(), "/items/0/hsCode".into())));
    p["items"][0]["hsCode"] = json!("220421");
    let wine = answer(&p);
    assert_eq!(vat(&wine), Some("at_border")); // excise goods: no IOSS
}

#[test]
fn eu_members_share_the_rules_and_intra_eu_is_no_import() {
    let pl = answer(&with(
        one("PL", "2026-08-01", "CN", "postal", "EUR", "10"),
        "seller",
        ioss(),
    ));
    assert_eq!(pl["value"]["currency"], "EUR");
    assert_eq!(charges(&pl), [("eu_flat_duty".into(), "3.00 EUR".into())]);
    let domestic = answer(&one("FR", "2026-08-01", "DE", "postal", "EUR", "10"));
    assert!(has_code(&domestic, "regime.not_import"));
    assert_eq!(duty(&domestic), None);
}

// ---------------------------------------------------------------- France

#[test]
fn france_small_parcel_tax_from_2026_03_01_under_150_euros() {
    let p = |date, v| one("FR", date, "CN", "courier", "EUR", v);
    assert!(charges(&answer(&p("2026-02-28", "20"))).is_empty());
    assert_eq!(
        charges(&answer(&p("2026-03-01", "20"))),
        [("fr_small_parcel_tax".into(), "2.00 EUR".into())]
    );
    assert_eq!(
        charges(&answer(&p("2026-03-01", "149.99"))),
        [("fr_small_parcel_tax".into(), "2.00 EUR".into())]
    );
    // "moins de 150 €": EUR 150.00 itself is not taxed.
    assert!(charges(&answer(&p("2026-03-01", "150.00"))).is_empty());
    // Not in Germany.
    assert!(
        charges(&answer(&one(
            "DE",
            "2026-03-01",
            "CN",
            "courier",
            "EUR",
            "20"
        )))
        .is_empty()
    );
}

// ---------------------------------------------------------------- United Kingdom

#[test]
fn uk_135_pounds_at_sale_with_and_without_a_uk_vat_registration() {
    let p = |v: &str| one("GB", "2026-08-01", "CN", "postal", "GBP", v);
    let unregistered = answer(&p("135.00"));
    assert_eq!(
        (duty(&unregistered), vat(&unregistered)),
        (Some(true), Some("at_sale"))
    );
    assert_eq!(
        codes(&unregistered),
        [("regime.registration_missing".into(), "/seller/ukVat".into())]
    );
    let registered = answer(&with(
        p("135.00"),
        "seller",
        json!({"ukVat": "GB123456782"}),
    ));
    assert_eq!(vat(&registered), Some("at_sale"));
    assert!(codes(&registered).is_empty());
    let over = answer(&with(
        p("135.01"),
        "seller",
        json!({"ukVat": "GB123456782"}),
    ));
    assert_eq!((duty(&over), vat(&over)), (Some(false), Some("at_border")));
    // Before 2021-01-01 the table has no UK rule.
    let old = answer(&p("20"));
    assert_eq!(rules(&old), ["gb.low_value"]);
    let before = answer(&one("GB", "2020-12-31", "CN", "postal", "GBP", "20"));
    assert!(has_code(&before, "regime.no_rule"));
    assert_eq!(before["dutyRelief"], Value::Null);
}

#[test]
fn uk_gifts_39_and_135_pounds() {
    let gift = |v: &str| {
        with(
            one("GB", "2026-08-01", "CN", "postal", "GBP", v),
            "gift",
            json!(true),
        )
    };
    let a = answer(&gift("39.00"));
    assert_eq!((duty(&a), vat(&a)), (Some(true), Some("not_due")));
    let b = answer(&gift("39.01"));
    assert_eq!((duty(&b), vat(&b)), (Some(true), Some("at_border")));
    let c = answer(&gift("135.01"));
    assert_eq!((duty(&c), vat(&c)), (Some(false), Some("at_border")));
    assert_eq!(rules(&a), ["gb.gift"]);
}

#[test]
fn uk_excise_goods_always_at_the_border_and_a_bad_number_is_reported() {
    let mut p = with(
        one("GB", "2026-08-01", "CN", "postal", "GBP", "20"),
        "seller",
        json!({"ukVat": "GB123456783"}),
    );
    p["items"][0]["hsCode"] = json!("240220");
    let a = answer(&p);
    assert_eq!((duty(&a), vat(&a)), (Some(false), Some("at_border")));
    assert_eq!(
        codes(&a),
        [
            ("regime.registration_invalid".into(), "/seller/ukVat".into()),
            ("regime.excluded_goods".into(), "/items/0/hsCode".into()),
            ("regime.duty_rate_needed".into(), "/items/0/dutyRate".into()),
        ]
    );
}

// ---------------------------------------------------------------- Canada

#[test]
fn canada_from_china_20_dollars_not_the_cusma_tiers() {
    let p = |v: &str| one("CA", "2026-08-01", "CN", "courier", "CAD", v);
    let at = answer(&p("20.00"));
    assert_eq!((duty(&at), vat(&at)), (Some(true), Some("not_due")));
    assert_eq!(at["value"]["base"], "value_for_duty");
    let over = answer(&p("20.01"));
    assert_eq!((duty(&over), vat(&over)), (Some(false), Some("at_border")));
    let thirty = answer(&p("30.00"));
    assert_eq!(duty(&thirty), Some(false)); // not CAD 150: the goods come from China
}

#[test]
fn canada_cusma_courier_tiers_for_the_us_and_mexico() {
    let p = |date, channel, v| one("CA", date, "US", channel, "CAD", v);
    let before = answer(&p("2020-06-30", "courier", "30.00"));
    assert_eq!(duty(&before), Some(false));
    let a = answer(&p("2020-07-01", "courier", "30.00"));
    assert_eq!((duty(&a), vat(&a)), (Some(true), Some("not_due")));
    assert_eq!(rules(&a), ["ca.cusma_courier"]);
    let forty = answer(&p("2020-07-01", "courier", "40.00"));
    assert_eq!(vat(&forty), Some("not_due"));
    let over_forty = answer(&p("2020-07-01", "courier", "40.01"));
    assert_eq!(
        (duty(&over_forty), vat(&over_forty)),
        (Some(true), Some("at_border"))
    );
    assert_eq!(
        duty(&answer(&p("2020-07-01", "courier", "150.00"))),
        Some(true)
    );
    assert_eq!(
        duty(&answer(&p("2020-07-01", "courier", "150.01"))),
        Some(false)
    );
    // By post the US and Mexico have CAD 20 too.
    assert_eq!(
        duty(&answer(&p("2020-07-01", "postal", "30.00"))),
        Some(false)
    );
    assert_eq!(
        duty(&answer(&one(
            "CA",
            "2020-07-01",
            "MX",
            "courier",
            "CAD",
            "100"
        ))),
        Some(true)
    );
}

#[test]
fn canada_gifts_of_60_dollars() {
    let gift = |v: &str| {
        with(
            one("CA", "2026-08-01", "CN", "postal", "CAD", v),
            "gift",
            json!(true),
        )
    };
    let a = answer(&gift("60.00"));
    assert_eq!((duty(&a), vat(&a)), (Some(true), Some("not_due")));
    let b = answer(&gift("60.01"));
    assert_eq!((duty(&b), vat(&b)), (Some(false), Some("at_border")));
}

// ---------------------------------------------------------------- Australia

#[test]
fn australia_1000_dollars_with_and_without_an_arn() {
    let p = |v: &str| one("AU", "2026-08-01", "CN", "postal", "AUD", v);
    let without = answer(&p("1000.00"));
    assert_eq!(
        (duty(&without), vat(&without)),
        (Some(true), Some("at_sale"))
    );
    assert_eq!(
        codes(&without),
        [("regime.registration_missing".into(), "/seller/auArn".into())]
    );
    let with_arn = answer(&with(
        p("1000.00"),
        "seller",
        json!({"auArn": "5000 1234 5678"}),
    ));
    assert!(codes(&with_arn).is_empty());
    let with_abn = answer(&with(
        p("1000.00"),
        "seller",
        json!({"auAbn": "51 824 753 556"}),
    ));
    assert!(codes(&with_abn).is_empty());
    let over = answer(&with(
        p("1000.01"),
        "seller",
        json!({"auArn": "500012345678"}),
    ));
    assert_eq!((duty(&over), vat(&over)), (Some(false), Some("at_border")));
    assert_eq!(over["value"]["base"], "customs_value");
    // Shipping is not in the customs value.
    let shipped = answer(&with(p("1000.00"), "shipping", json!("50")));
    assert_eq!(duty(&shipped), Some(true));
    // From 2018-07-01.
    assert!(has_code(
        &answer(&one("AU", "2018-06-30", "CN", "postal", "AUD", "10")),
        "regime.no_rule"
    ));
}

#[test]
fn australia_tobacco_and_alcohol_always_at_the_border_and_gifts() {
    let mut p = with(
        one("AU", "2026-08-01", "CN", "postal", "AUD", "30"),
        "seller",
        json!({"auArn": "500012345678"}),
    );
    p["items"][0]["hsCode"] = json!("240311");
    let a = answer(&p);
    assert_eq!((duty(&a), vat(&a)), (Some(false), Some("at_border")));
    let gift = answer(&with(
        one("AU", "2026-08-01", "CN", "postal", "AUD", "1000.00"),
        "gift",
        json!(true),
    ));
    assert_eq!((duty(&gift), vat(&gift)), (Some(true), Some("not_due")));
    assert!(codes(&gift).is_empty());
}

// ---------------------------------------------------------------- Japan

#[test]
fn japan_10000_yen_dutiable_value_inclusive() {
    let p = |goods: &str, shipping: &str| {
        with(
            one("JP", "2026-08-01", "CN", "postal", "JPY", goods),
            "shipping",
            json!(shipping),
        )
    };
    // 15,000 x 60 % + 1,000 shipping = 10,000.
    let at = answer(&p("15000", "1000"));
    assert_eq!(
        at["value"],
        json!({"amount": "10000", "currency": "JPY", "base": "dutiable_value"})
    );
    assert_eq!((duty(&at), vat(&at)), (Some(true), Some("not_due")));
    // 15,002 x 60 % + 1,000 = 10,001.2, rounded to 10,001 yen.
    let over = answer(&p("15002", "1000"));
    assert_eq!(over["value"]["amount"], "10001");
    assert_eq!((duty(&over), vat(&over)), (Some(false), Some("at_border")));
    // Knitted clothing is outside the exemption.
    let mut knit = p("1000", "0");
    knit["items"][0]["hsCode"] = json!("611020");
    assert_eq!(duty(&answer(&knit)), Some(false));
}

// ---------------------------------------------------------------- Singapore

#[test]
fn singapore_400_dollars_per_item_at_sale_from_2023() {
    let p = |v: &str| one("SG", "2026-08-01", "CN", "postal", "SGD", v);
    let ovr = json!({"sgOvr": "M90371234X"});
    let at = answer(&with(p("400.00"), "seller", ovr.clone()));
    assert_eq!((duty(&at), vat(&at)), (Some(true), Some("at_sale")));
    assert!(codes(&at).is_empty());
    let over = answer(&with(p("400.01"), "seller", ovr.clone()));
    assert_eq!(vat(&over), Some("at_border"));
    let without = answer(&p("100"));
    assert_eq!(vat(&without), Some("at_sale"));
    assert_eq!(
        codes(&without),
        [("regime.registration_missing".into(), "/seller/sgOvr".into())]
    );
    // Two items of SGD 300: each within, so at the sale.
    let mut two = with(p("300"), "seller", ovr);
    two["items"][0]["quantity"] = json!(2);
    assert_eq!(vat(&answer(&two)), Some("at_sale"));
}

#[test]
fn singapore_before_2023_gifts_and_dutiable_goods() {
    let p = |date, v: &str| one("SG", date, "CN", "postal", "SGD", v);
    assert_eq!(vat(&answer(&p("2022-12-31", "400.00"))), Some("not_due"));
    assert_eq!(vat(&answer(&p("2022-12-31", "400.01"))), Some("at_border"));
    let gift = answer(&with(p("2026-08-01", "400.00"), "gift", json!(true)));
    assert_eq!(vat(&gift), Some("not_due"));
    let mut liquor = p("2026-08-01", "50");
    liquor["items"][0]["hsCode"] = json!("220830");
    let a = answer(&liquor);
    assert_eq!((duty(&a), vat(&a)), (Some(false), Some("at_border")));
}

// ---------------------------------------------------------------- Thailand

#[test]
fn thailand_vat_from_2024_07_05_duty_relief_until_2025_12_31() {
    let p = |date, v: &str| one("TH", date, "CN", "postal", "THB", v);
    let a = answer(&p("2024-07-04", "1500.00"));
    assert_eq!((duty(&a), vat(&a)), (Some(true), Some("not_due")));
    let b = answer(&p("2024-07-04", "1500.01"));
    assert_eq!((duty(&b), vat(&b)), (Some(false), Some("at_border")));
    let c = answer(&p("2024-07-05", "1500.00"));
    assert_eq!((duty(&c), vat(&c)), (Some(true), Some("at_border")));
    let d = answer(&p("2025-12-31", "1500.00"));
    assert_eq!(duty(&d), Some(true));
    let e = answer(&p("2026-01-01", "100.00"));
    assert_eq!((duty(&e), vat(&e)), (Some(false), Some("at_border")));
}

// ---------------------------------------------------------------- reporting

#[test]
fn a_destination_with_no_rule_says_so() {
    let a = answer(&one("BR", "2026-08-01", "CN", "postal", "USD", "10"));
    assert_eq!(
        codes(&a),
        [("regime.no_rule".into(), "/destination".into())]
    );
    assert_eq!(a["dutyRelief"], Value::Null);
    assert_eq!(a["vatCollected"], Value::Null);
    assert_eq!(a["value"], Value::Null);
    assert_eq!(a["rules"], json!([]));
}

#[test]
fn every_problem_at_its_pointer_all_at_once() {
    let p = json!({
        "origin": "Atlantis", "destination": "FR", "date": "2026-08-01", "channel": "postal",
        "seller": {"ioss": "IM123"},
        "currency": "USD",
        "items": [
            {"hsCode": "610999", "quantity": 1, "unitValue": "-5"},
            {"hsCode": "620610", "quantity": 0, "unitValue": "abc"}
        ],
        "shipping": -1,
        "extra": {"ignored": true}
    });
    let a = answer(&p);
    assert_eq!(
        codes(&a),
        [
            ("country.unknown".into(), "/origin".into()),
            ("regime.registration_invalid".into(), "/seller/ioss".into()),
            ("regime.rate_missing".into(), "/currency".into()),
            ("hs_code.unknown".into(), "/items/0/hsCode".into()),
            ("regime.amount_negative".into(), "/items/0/unitValue".into()),
            ("regime.quantity_invalid".into(), "/items/1/quantity".into()),
            ("number.invalid".into(), "/items/1/unitValue".into()),
            ("regime.amount_negative".into(), "/shipping".into()),
        ]
    );
    assert_eq!(a["dutyRelief"], Value::Null);
}

#[test]
fn missing_members_and_rates_from_the_parcel_or_the_caller() {
    let a = answer(&json!({}));
    let missing: Vec<String> = codes(&a)
        .into_iter()
        .filter(|(c, _)| c == "regime.missing_field")
        .map(|(_, p)| p)
        .collect();
    assert_eq!(
        missing,
        [
            "/origin",
            "/destination",
            "/date",
            "/channel",
            "/currency",
            "/items"
        ]
    );
    let usd = one("FR", "2026-08-01", "CN", "postal", "USD", "100.00");
    assert!(has_code(&answer(&usd), "regime.rate_missing"));
    let in_parcel = with(
        usd.clone(),
        "rates",
        json!([{"from": "USD", "to": "EUR", "rate": "0.92"}]),
    );
    let a = answer(&in_parcel);
    assert_eq!(a["value"]["amount"], "92.00");
    // The inverse rate serves too, and the caller's rate wins over the parcel's.
    let rates = ExchangeRates::new()
        .with_rate(Currency::EUR, Currency::USD, Decimal::new(125, 2))
        .unwrap();
    assert_eq!(answer_with(&usd, &rates)["value"]["amount"], "80.00");
    let both = ExchangeRates::new()
        .with_rate(Currency::USD, Currency::EUR, Decimal::new(5, 1))
        .unwrap();
    assert_eq!(answer_with(&in_parcel, &both)["value"]["amount"], "50.00");
    // A bad rate is reported at its pointer.
    let bad = with(
        usd,
        "rates",
        json!([{"from": "USD", "to": "EUR", "rate": 0}]),
    );
    assert!(codes(&answer(&bad)).contains(&("regime.rate_invalid".into(), "/rates/0/rate".into())));
}

#[test]
fn numbers_or_strings_and_tolerant_members() {
    let p = json!({
        "origin": "china", "destination": "gb", "date": " 2026-08-01 ", "channel": "Post",
        "currency": "gbp", "gift": "no",
        "items": [{"hsCode": "8518.30", "quantity": "2", "unitValue": 10.5, "colour": "blue"}],
        "shipping": 3, "insurance": "0.50"
    });
    let a = answer(&p);
    assert_eq!(a["value"]["amount"], "21.00");
    assert_eq!(vat(&a), Some("at_sale"));
    let bad_gift = answer(&with(p, "gift", json!("perhaps")));
    assert!(codes(&bad_gift).contains(&("regime.gift_invalid".into(), "/gift".into())));
    assert_eq!(bad_gift["dutyRelief"], Value::Null);
}

// ---------------------------------------------------------------- data

#[test]
fn the_table_round_trips_through_json_and_is_consistent() {
    let t = RegimeTable::builtin();
    assert!(t.check().is_empty(), "{}", t.check());
    let json = serde_json::to_string(t).unwrap();
    let back: RegimeTable = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, t);
    // The marks the sources call for are in the data.
    let marked: Vec<&str> = t
        .rules
        .iter()
        .filter(|r| r.mark().is_some())
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        marked,
        [
            "us.de_minimis_suspended",
            "us.section_122",
            "fr.small_parcel_tax",
            "jp.small_value"
        ]
    );
    // Every pointer of the check resolves.
    let mut bad = t.clone();
    bad.rules[3].supersedes.push("nowhere".into());
    let report = bad.check();
    let value = serde_json::to_value(&bad).unwrap();
    for v in &report {
        assert!(
            value.pointer(v.pointer().as_str()).is_some(),
            "{}",
            v.pointer()
        );
    }
}

#[test]
fn a_parcel_round_trips_through_its_json() {
    let p: ParcelJson = serde_json::from_str(&fixture("parcel_fr_ioss.json")).unwrap();
    let parcel = p.to_parcel().unwrap();
    let json = serde_json::to_string(&parcel).unwrap();
    let back: crossborder::tax::Parcel = serde_json::from_str(&json).unwrap();
    assert_eq!(back, parcel);
    assert_eq!(
        serde_json::from_str::<Value>(&json).unwrap()["items"][0]["unitValue"],
        "30.00"
    );
}

#[test]
fn without_a_channel_the_answer_is_given_only_when_both_channels_agree() {
    let mut us = one("US", "2025-09-01", "CN", "postal", "USD", "20");
    us.as_object_mut().unwrap().remove("channel");
    let a = answer(&us);
    assert_eq!(duty(&a), Some(false));
    let channel: Vec<_> = a["report"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["path"] == "/channel")
        .collect();
    assert_eq!(channel.len(), 1);
    assert_eq!(channel[0]["severity"], "warning");
    // In the EU from 2026-07-01 the post pays EUR 3, a courier the tariff.
    let mut eu = one("IT", "2026-08-01", "CN", "postal", "EUR", "20");
    eu.as_object_mut().unwrap().remove("channel");
    let b = answer(&eu);
    assert_eq!(b["dutyRelief"], Value::Null);
    assert!(codes(&b).contains(&("regime.missing_field".into(), "/channel".into())));
    assert!(
        b["report"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["path"] == "/channel" && v["severity"] == "error")
    );
}

#[test]
fn a_timestamp_reads_as_its_date() {
    let p = one(
        "US",
        "2025-05-02T00:30:00-04:00",
        "CN",
        "postal",
        "USD",
        "20",
    );
    let a = answer(&p);
    assert_eq!(a["date"], "2025-05-02");
    assert_eq!(duty(&a), Some(false));
    let bad = answer(&one("US", "02/05/2025", "CN", "postal", "USD", "20"));
    assert!(codes(&bad).contains(&("regime.date_invalid".into(), "/date".into())));
}

#[test]
fn first_days_of_the_sale_taxing_regimes() {
    let day = |dest: &str, date: &str, cur: &str| {
        vat(&answer(&one(dest, date, "CN", "postal", cur, "50"))).map(str::to_owned)
    };
    assert_eq!(day("SG", "2022-12-31", "SGD").as_deref(), Some("not_due"));
    assert_eq!(day("SG", "2023-01-01", "SGD").as_deref(), Some("at_sale"));
    assert_eq!(day("AU", "2018-06-30", "AUD"), None);
    assert_eq!(day("AU", "2018-07-01", "AUD").as_deref(), Some("at_sale"));
    assert_eq!(day("GB", "2020-12-31", "GBP"), None);
    assert_eq!(day("GB", "2021-01-01", "GBP").as_deref(), Some("at_sale"));
}
