//! Export eligibility (issue 6): one test per class and kind the issue names,
//! plus exclusions, dates, the fast paths and serde.

// Helpers outside `#[test]` functions unwrap too: clippy.toml only covers the tests.
#![allow(clippy::unwrap_used, clippy::panic)]

use chrono::NaiveDate;
use crossborder::{
    ClassRule, ClassSource, Code, Country, CountrySet, Decision, Effective, Eligibility,
    EligibilityStatus, ExclusionCheck, ExclusionEntry, ExclusionScope, HsCode, ImcfDecision,
    ImcfReason, ImportRule, ImportTreatment, InventoryReport, MediaKind, PendingReason, Policy,
    ProductAttribute, ProductFacts, ProductId, Reason, RestrictionClass, RestrictionKind,
    ReviewStatus, SellerExclusions, Severity,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) fn as_of() -> NaiveDate {
    date(2026, 3, 1)
}

/// A small, standard-size product from the US with nothing restricted.
pub(crate) fn plain(id: &str) -> ProductFacts {
    ProductFacts::new(ProductId::new(id).unwrap(), Country::US)
        .with_dimensions("6 x 4 x 4 in".parse().unwrap())
        .with_weight("1 lb".parse().unwrap())
}

pub(crate) fn with_hs(id: &str, hs: &str) -> ProductFacts {
    plain(id).with_hs_code(HsCode::parse(hs).unwrap())
}

pub(crate) fn reasons(d: Decision) -> Vec<Reason> {
    match d {
        Decision::NotEligible { reasons } => reasons,
        other => panic!("expected not eligible, got {other:?}"),
    }
}

pub(crate) fn restrictions(d: Decision) -> Vec<(RestrictionKind, RestrictionClass)> {
    reasons(d)
        .into_iter()
        .filter_map(|r| match r {
            Reason::Restricted(r) => Some((r.kind, r.class)),
            _ => None,
        })
        .collect()
}

/// Every served destination other than the origin.
pub(crate) fn abroad(e: &Eligibility<'_>, origin: Country) -> CountrySet {
    let mut s = e.served();
    s.remove(origin);
    s
}

#[test]
fn laser_pointer_is_ineligible_everywhere_for_export_reasons() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let laser = with_hs("LASER-1", "9013200000");
    let dests = abroad(&e, Country::US);
    assert!(dests.len() > 200);
    for c in dests {
        let rs = reasons(e.check(&laser, c));
        let Reason::Restricted(r) = &rs[0] else {
            panic!("{rs:?}")
        };
        assert_eq!(r.kind, RestrictionKind::Export);
        assert_eq!(r.class, RestrictionClass::LaserPointers);
        assert_eq!(r.rule.as_str(), "/export/5");
        assert_eq!(r.source, crossborder::eligibility::SOURCE_FBA_EXPORT);
        assert!(
            matches!(&r.class_from, ClassSource::HsTable { prefix, .. } if prefix.as_str() == "901320")
        );
    }
    let split = e.destinations(&e.profile(&laser));
    assert!(split.eligible.is_empty());
    assert!(split.pending.is_empty());
    // The same product with another HS code is eligible: the rule reads its input.
    let lens = with_hs("LENS-1", "901310");
    assert_eq!(split.not_eligible, CountrySet::all());
    assert_eq!(e.destinations(&e.profile(&lens)).eligible, dests);
}

#[test]
fn dvd_may_go_from_the_us_to_canada_and_a_book_may_not() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let dvd = plain("DVD-1").with_media(MediaKind::Dvd);
    let music = plain("CD-1").with_hs_code(HsCode::parse("852380").unwrap());
    let book = plain("BOOK-1").with_media(MediaKind::Book);
    assert_eq!(e.check(&dvd, Country::CA), Decision::Eligible);
    assert_eq!(e.check(&music, Country::CA), Decision::Eligible);
    let rs = reasons(e.check(&book, Country::CA));
    assert_eq!(rs.len(), 1);
    let Reason::Restricted(r) = &rs[0] else {
        panic!("{rs:?}")
    };
    assert_eq!(
        (r.kind, r.class),
        (RestrictionKind::Import, RestrictionClass::Books)
    );
    assert_eq!(r.rule.as_str(), "/import/rules/1");
    assert_eq!(
        r.class_from,
        ClassSource::Media {
            media: MediaKind::Book
        }
    );
    // The route rule names the US: a book from elsewhere goes to Canada.
    let mut from_gb = book.clone();
    from_gb.origin = Country::GB;
    assert_eq!(e.check(&from_gb, Country::CA), Decision::Eligible);
    // A book by HS code (4901) is a book too.
    let hs_book = plain("BOOK-2").with_hs_code(HsCode::parse("490199").unwrap());
    assert_eq!(
        restrictions(e.check(&hs_book, Country::CA)),
        vec![(RestrictionKind::Import, RestrictionClass::Books)]
    );
}

#[test]
fn oversize_mattress_is_ineligible_for_transport() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let mattress = ProductFacts::new(ProductId::new("MATTRESS-Q").unwrap(), Country::US)
        .with_hs_code(HsCode::parse("940421").unwrap())
        .with_dimensions("80 x 60 x 10 in".parse().unwrap())
        .with_weight("55 lb".parse().unwrap());
    let rs = reasons(e.check(&mattress, Country::GB));
    let Reason::Restricted(r) = &rs[0] else {
        panic!("{rs:?}")
    };
    assert_eq!(
        (r.kind, r.class),
        (RestrictionKind::Transport, RestrictionClass::Oversize)
    );
    assert!(
        matches!(&r.class_from, ClassSource::Size { rule, .. } if rule.as_str() == "/standardSize/0")
    );
    assert!(e.destinations(&e.profile(&mattress)).eligible.is_empty());
    // Declared heavy or bulky: a second transport reason.
    let bulky = mattress
        .clone()
        .with_attribute(ProductAttribute::HeavyOrBulky);
    assert_eq!(
        restrictions(e.check(&bulky, Country::GB)),
        vec![
            (RestrictionKind::Transport, RestrictionClass::HeavyOrBulky),
            (RestrictionKind::Transport, RestrictionClass::Oversize),
        ]
    );
}

#[test]
fn standard_size_edges_are_exact() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let sized = |dims: &str, w: &str| {
        ProductFacts::new(ProductId::new("S").unwrap(), Country::US)
            .with_dimensions(dims.parse().unwrap())
            .with_weight(w.parse().unwrap())
    };
    // Exactly at the limits, in inches and in centimetres (45.72 cm = 18 in).
    assert_eq!(
        e.check(&sized("8 x 18 x 14 in", "20 lb"), Country::DE),
        Decision::Eligible
    );
    assert_eq!(
        e.check(&sized("45.72 x 35.56 x 20.32 cm", "9.07 kg"), Country::DE),
        Decision::Eligible
    );
    // Just over: weight (20 lb = 9.07184740 kg), longest, median, shortest.
    for (dims, w) in [
        ("18 x 14 x 8 in", "9.0718475 kg"),
        ("18.001 x 14 x 8 in", "1 lb"),
        ("18 x 14.001 x 8 in", "1 lb"),
        ("18 x 14 x 8.001 in", "1 lb"),
        ("45.73 x 30 x 10 cm", "1 kg"),
    ] {
        assert_eq!(
            restrictions(e.check(&sized(dims, w), Country::DE)),
            vec![(RestrictionKind::Transport, RestrictionClass::Oversize)],
            "{dims} {w}"
        );
    }
}

#[test]
fn standalone_lithium_battery_is_ineligible_for_transport() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let battery = with_hs("BATT-1", "850760");
    assert_eq!(
        restrictions(e.check(&battery, Country::JP)),
        vec![(
            RestrictionKind::Transport,
            RestrictionClass::LithiumBatteries
        )]
    );
    // By attribute, whatever the HS code (a power bank declared as 8504).
    let bank =
        with_hs("BANK-1", "850440").with_attribute(ProductAttribute::StandaloneLithiumBattery);
    assert_eq!(
        restrictions(e.check(&bank, Country::JP)),
        vec![(
            RestrictionKind::Transport,
            RestrictionClass::LithiumBatteries
        )]
    );
    assert_eq!(
        e.check(&with_hs("ADAPTER", "850440"), Country::JP),
        Decision::Eligible
    );
}

#[test]
fn used_motor_oil_is_ineligible_for_transport() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let oil = with_hs("OIL-USED", "271099");
    assert_eq!(
        restrictions(e.check(&oil, Country::MX)),
        vec![(RestrictionKind::Transport, RestrictionClass::UsedOil)]
    );
    let dg = plain("DG").with_attribute(ProductAttribute::DangerousGoods);
    assert_eq!(
        restrictions(e.check(&dg, Country::MX)),
        vec![(RestrictionKind::Transport, RestrictionClass::DangerousGoods)]
    );
}

#[test]
fn alcohol_to_a_destination_that_restricts_it() {
    let mut policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let wine = with_hs("WINE-1", "220421");
    {
        let e = Eligibility::new(&policy, &ex, as_of());
        let rs = reasons(e.check(&wine, Country::DE));
        let Reason::Restricted(r) = &rs[0] else {
            panic!("{rs:?}")
        };
        assert_eq!(
            (r.kind, r.class),
            (RestrictionKind::Import, RestrictionClass::Alcohol)
        );
        assert_eq!(r.rule.as_str(), "/import/restrictedByDefault/0");
    }
    // A destination that allows alcohol: only there.
    policy.import.rules.push(ImportRule {
        destination: Country::GB,
        origin: None,
        class: RestrictionClass::Alcohol,
        treatment: ImportTreatment::Allowed,
        effective: Effective::since(date(2025, 1, 1)),
        source: "test: GB takes wine".into(),
    });
    let e = Eligibility::new(&policy, &ex, as_of());
    assert_eq!(e.check(&wine, Country::GB), Decision::Eligible);
    assert_eq!(
        e.status(&e.profile(&wine), Country::GB),
        EligibilityStatus::Eligible
    );
    assert_eq!(
        e.destinations(&e.profile(&wine)).eligible,
        CountrySet::of(&[Country::GB])
    );
    // Not before the rule took effect.
    let before = Eligibility::new(&policy, &ex, date(2024, 12, 31));
    assert_eq!(
        before.check(&wine, Country::GB).status(),
        EligibilityStatus::NotEligible
    );
}

#[test]
fn seller_excluded_country() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::from_entries([ExclusionEntry::Country {
        country: Country::BR,
    }])
    .unwrap();
    let e = Eligibility::new(&policy, &ex, as_of());
    let mug = plain("MUG");
    assert_eq!(
        e.check(&mug, Country::BR),
        Decision::NotEligible {
            reasons: vec![Reason::SellerExcludedCountry]
        }
    );
    assert_eq!(e.check(&mug, Country::AR), Decision::Eligible);
    assert!(
        !e.destinations(&e.profile(&mug))
            .eligible
            .contains(Country::BR)
    );
}

#[test]
fn product_excluded_for_one_country_only() {
    let policy = Policy::fba_export_default();
    let (ex, report) = SellerExclusions::parse_csv("sku,country\nMUG,CA\nTOY\n");
    assert!(report.is_empty(), "{report:?}");
    let e = Eligibility::new(&policy, &ex, as_of());
    let mug = plain("MUG");
    assert_eq!(
        e.check(&mug, Country::CA),
        Decision::NotEligible {
            reasons: vec![Reason::SellerExcludedProduct {
                scope: ExclusionScope::ThisCountry
            }]
        }
    );
    assert_eq!(e.check(&mug, Country::MX), Decision::Eligible);
    let split = e.destinations(&e.profile(&mug));
    assert_eq!(
        split.eligible,
        abroad(&e, Country::US).difference(CountrySet::of(&[Country::CA]))
    );
    // Excluded everywhere.
    let toy = plain("TOY");
    assert_eq!(
        e.check(&toy, Country::MX),
        Decision::NotEligible {
            reasons: vec![Reason::SellerExcludedProduct {
                scope: ExclusionScope::Everywhere
            }]
        }
    );
    assert!(e.destinations(&e.profile(&toy)).eligible.is_empty());
}

#[test]
fn pending_product_is_neither_eligible_nor_ineligible() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let new = plain("NEW-ASIN").with_review(ReviewStatus::Pending);
    assert_eq!(
        e.check(&new, Country::CA),
        Decision::Pending {
            reasons: vec![PendingReason::NotYetProcessed]
        }
    );
    assert_eq!(
        e.status(&e.profile(&new), Country::CA),
        EligibilityStatus::Pending
    );
    let split = e.destinations(&e.profile(&new));
    assert!(split.eligible.is_empty());
    assert_eq!(split.pending, abroad(&e, Country::US));
    // Size unknown: pending too, unless something else rules it out.
    let no_size = ProductFacts::new(ProductId::new("NOSIZE").unwrap(), Country::US);
    assert_eq!(
        e.check(&no_size, Country::CA),
        Decision::Pending {
            reasons: vec![PendingReason::SizeUnknown]
        }
    );
    let no_size_laser = no_size.with_hs_code(HsCode::parse("901320").unwrap());
    assert_eq!(
        e.check(&no_size_laser, Country::CA).status(),
        EligibilityStatus::NotEligible
    );
}

#[test]
fn explicit_class_overrides_the_hs_table() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    // 9504 30 maps to gambling; a coin-operated arcade racing game is not.
    let coin_op = with_hs("ARCADE", "950430");
    assert_eq!(
        restrictions(e.check(&coin_op, Country::DE)),
        vec![(RestrictionKind::Import, RestrictionClass::Gambling)]
    );
    let arcade = coin_op.clone().with_explicit_classes([]);
    assert_eq!(e.check(&arcade, Country::DE), Decision::Eligible);
    // And the other way: a mug the seller knows is a brewing kit.
    let kit = with_hs("KIT", "691200").with_explicit_classes([RestrictionClass::BrewingEquipment]);
    let rs = reasons(e.check(&kit, Country::DE));
    let Reason::Restricted(r) = &rs[0] else {
        panic!("{rs:?}")
    };
    assert_eq!(r.class, RestrictionClass::BrewingEquipment);
    assert_eq!(r.class_from, ClassSource::Explicit);
}

#[test]
fn every_reason_is_reported_in_order() {
    let policy = Policy::fba_export_default();
    let (ex, _) = SellerExclusions::parse_csv("GUN,CA\n");
    let e = Eligibility::new(&policy, &ex, as_of());
    let gun = plain("GUN")
        .with_hs_code(HsCode::parse("930320").unwrap())
        .with_attribute(ProductAttribute::WeaponAccessory)
        .with_attribute(ProductAttribute::DangerousGoods);
    let rs = reasons(e.check(&gun, Country::CA));
    assert_eq!(rs.len(), 4, "{rs:?}");
    assert!(matches!(&rs[0], Reason::Restricted(r) if r.class == RestrictionClass::Weapons));
    assert!(
        matches!(&rs[1], Reason::Restricted(r) if r.class == RestrictionClass::WeaponComponents)
    );
    assert!(matches!(&rs[2], Reason::Restricted(r) if r.class == RestrictionClass::DangerousGoods));
    assert_eq!(
        rs[3],
        Reason::SellerExcludedProduct {
            scope: ExclusionScope::ThisCountry
        }
    );
    // Domestic and not served.
    assert_eq!(
        reasons(e.check(&plain("MUG"), Country::US)),
        vec![Reason::Domestic]
    );
    assert_eq!(
        reasons(e.check(&plain("MUG"), Country::KP)),
        vec![Reason::NotServed]
    );
}

#[test]
fn hs_rows_apply_by_every_matching_prefix() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    // 2106 90: food (21) and medicines and supplements (2106 90).
    let supp = with_hs("VIT", "2106909800");
    assert_eq!(
        e.profile(&supp).classes(),
        vec![
            RestrictionClass::Food,
            RestrictionClass::MedicinesSupplements
        ]
    );
}

#[test]
fn rules_follow_their_dates() {
    let mut policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let pet = with_hs("CAT-FOOD", "230910");
    // A caller's served list with a start date: nothing served before it.
    let mut own = Policy::empty();
    own.served.push(crossborder::ServedRule {
        countries: CountrySet::of(&[Country::CA]),
        effective: Effective::since(date(2025, 1, 1)),
        source: "test: own list".into(),
    });
    let early = Eligibility::new(&own, &ex, date(2024, 12, 31));
    assert!(early.served().is_empty());
    assert_eq!(
        reasons(early.check(&plain("MUG"), Country::CA)),
        vec![Reason::NotServed]
    );
    let later = Eligibility::new(&own, &ex, date(2025, 1, 1));
    assert_eq!(later.check(&plain("MUG"), Country::CA), Decision::Eligible);
    // A rule with no start but an end: in force up to its last day.
    let mut until = Policy::fba_export_default();
    until.export.push(ClassRule::new(
        RestrictionClass::Food,
        Effective::until(date(2020, 12, 31)),
        "test: lifted in 2021",
    ));
    let choc = with_hs("CHOC", "180632").with_explicit_classes([]);
    let food = choc.clone().with_explicit_classes([RestrictionClass::Food]);
    assert_eq!(
        restrictions(Eligibility::new(&until, &ex, date(2015, 1, 1)).check(&food, Country::DE)),
        vec![(RestrictionKind::Export, RestrictionClass::Food)]
    );
    assert_eq!(
        restrictions(Eligibility::new(&until, &ex, date(2021, 1, 1)).check(&food, Country::DE)),
        vec![(RestrictionKind::Import, RestrictionClass::Food)]
    );
    assert_eq!(
        Eligibility::new(&until, &ex, date(2015, 1, 1)).check(&choc, Country::DE),
        Decision::Eligible
    );
    // A rule that ended no longer applies.
    policy
        .import
        .restricted_by_default
        .retain(|r| r.class != RestrictionClass::Food);
    policy.import.restricted_by_default.push(ClassRule::new(
        RestrictionClass::Food,
        Effective::between(date(2024, 1, 1), date(2025, 12, 31)).unwrap(),
        "test: ended",
    ));
    let before = Eligibility::new(&policy, &ex, date(2025, 12, 31));
    let after = Eligibility::new(&policy, &ex, date(2026, 1, 1));
    assert_eq!(
        before.check(&pet, Country::DE).status(),
        EligibilityStatus::NotEligible
    );
    assert_eq!(after.check(&pet, Country::DE), Decision::Eligible);
}

#[test]
fn fast_paths_agree_with_the_full_answer() {
    let policy = Policy::fba_export_default();
    let (ex, _) = SellerExclusions::parse_csv("MUG,CA\nMUG,DE\nTOY\n");
    let ex2 = SellerExclusions::from_entries(ex.entries().chain([ExclusionEntry::Country {
        country: Country::FR,
    }]))
    .unwrap();
    let e = Eligibility::new(&policy, &ex2, as_of());
    let products = vec![
        plain("MUG"),
        plain("TOY"),
        plain("BOOK").with_media(MediaKind::Book),
        plain("DVD").with_media(MediaKind::Dvd),
        with_hs("WINE", "220421"),
        with_hs("LASER", "901320"),
        plain("NEW").with_review(ReviewStatus::Pending),
        ProductFacts::new(ProductId::new("NOSIZE").unwrap(), Country::CN),
    ];
    for p in &products {
        let profile = e.profile(p);
        let split = e.destinations(&profile);
        assert!(split.eligible.intersection(split.pending).is_empty());
        assert_eq!(
            split
                .eligible
                .union(split.pending)
                .union(split.not_eligible),
            CountrySet::all()
        );
        for c in CountrySet::all() {
            let full = e.check(p, c).status();
            assert_eq!(e.status(&profile, c), full, "{} {c}", p.id);
            let in_split = if split.eligible.contains(c) {
                EligibilityStatus::Eligible
            } else if split.pending.contains(c) {
                EligibilityStatus::Pending
            } else {
                EligibilityStatus::NotEligible
            };
            assert_eq!(in_split, full, "{} {c}", p.id);
        }
    }
}

#[test]
fn imcf_takes_media_only_where_export_eligible() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let book = plain("BOOK").with_media(MediaKind::Book);
    let dvd = plain("DVD").with_media(MediaKind::Dvd);
    assert_eq!(e.imcf(&dvd, Country::CA), ImcfDecision::Eligible);
    assert_eq!(e.imcf(&dvd, Country::DE), ImcfDecision::Eligible);
    assert_eq!(e.imcf(&book, Country::DE), ImcfDecision::Eligible);
    // Media, but not export-eligible: books may not go from the US to
    // Canada, and a caller's policy may restrict DVDs in Germany.
    let mut strict = policy.clone();
    strict.import.rules.push(ImportRule {
        destination: Country::DE,
        origin: None,
        class: RestrictionClass::MusicVideoDvd,
        treatment: ImportTreatment::Restricted,
        effective: Effective::always(),
        source: "test: DE takes no DVDs".into(),
    });
    let strict = Eligibility::new(&strict, &ex, as_of());
    for (e, p, c, class) in [
        (&strict, &dvd, Country::DE, RestrictionClass::MusicVideoDvd),
        (&e, &book, Country::CA, RestrictionClass::Books),
    ] {
        let ImcfDecision::NotEligible { reasons } = e.imcf(p, c) else {
            panic!("{} {c}", p.id)
        };
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert!(
            matches!(&reasons[0], ImcfReason::NotExportEligible(Reason::Restricted(r)) if r.class == class && r.kind == RestrictionKind::Import),
            "{reasons:?}"
        );
    }
    assert_eq!(
        e.imcf(&plain("MUG"), Country::DE),
        ImcfDecision::NotEligible {
            reasons: vec![ImcfReason::NotMedia]
        }
    );
    let video = plain("FILM")
        .with_media(MediaKind::Video)
        .with_review(ReviewStatus::Pending);
    assert_eq!(
        e.imcf(&video, Country::DE),
        ImcfDecision::Pending {
            reasons: vec![PendingReason::NotYetProcessed]
        }
    );
}

#[test]
fn inventory_report_groups_destinations_and_round_trips() {
    let policy = Policy::fba_export_default();
    let (ex, _) = SellerExclusions::parse_csv("MUG,CA\n");
    let e = Eligibility::new(&policy, &ex, as_of());
    let inv = vec![
        plain("MUG"),
        with_hs("LASER", "901320"),
        plain("DVD").with_media(MediaKind::Dvd),
    ];
    let report = e.inventory_report(&inv);
    assert_eq!(report.products.len(), 3);
    let mug = &report.products[0];
    assert_eq!(mug.product.as_str(), "MUG");
    assert!(!mug.eligible.contains(Country::CA));
    assert!(mug.eligible.contains(Country::MX));
    let ca = mug
        .not_eligible
        .iter()
        .find(|g| g.countries.contains(Country::CA))
        .unwrap();
    assert_eq!(ca.countries, CountrySet::of(&[Country::CA]));
    let laser = &report.products[1];
    assert!(laser.eligible.is_empty());
    // One group: every served destination abroad (the origin is not listed).
    assert_eq!(laser.not_eligible.len(), 1);
    assert_eq!(laser.not_eligible[0].countries, abroad(&e, Country::US));
    assert!(
        matches!(&laser.not_eligible[0].reasons[0], Reason::Restricted(r) if r.class == RestrictionClass::LaserPointers)
    );
    // A DVD goes everywhere abroad, nothing to explain.
    let dvd = &report.products[2];
    assert_eq!(dvd.eligible, abroad(&e, Country::US));
    assert!(dvd.not_eligible.is_empty());
    assert!(dvd.pending.is_empty());
    let json = serde_json::to_string(&report).unwrap();
    let back: InventoryReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn policy_and_facts_round_trip_through_serde() {
    let policy = Policy::fba_export_default();
    let json = serde_json::to_string(&policy).unwrap();
    assert!(json.contains(r#""prefix":"901320","class":"laser_pointers""#));
    assert_eq!(serde_json::from_str::<Policy>(&json).unwrap(), policy);
    let facts = with_hs("X", "850760")
        .with_attribute(ProductAttribute::LargeLithiumBattery)
        .with_explicit_classes([RestrictionClass::DangerousGoods])
        .with_review(ReviewStatus::Pending);
    let json = serde_json::to_string(&facts).unwrap();
    assert!(json.contains(r#""hsCode":"850760""#), "{json}");
    assert!(
        json.contains(r#""explicitClasses":["dangerous_goods"]"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<ProductFacts>(&json).unwrap(), facts);
    // The policy's own names are camelCase too.
    let value = serde_json::to_value(&policy).unwrap();
    for field in [
        "/standardSize/0/maxWeight",
        "/standardSize/0/maxSides",
        "/hsTable/0",
        "/import/restrictedByDefault/0",
        "/import/rules/0",
    ] {
        assert!(value.pointer(field).is_some(), "{field}");
    }
    let minimal: ProductFacts =
        serde_json::from_str(r#"{"id":"A1","origin":"United States"}"#).unwrap();
    assert_eq!(minimal.origin, Country::US);
    assert_eq!(minimal.media, MediaKind::NotMedia);
    // A bad period is refused.
    let bad =
        r#"{"class":"alcohol","effective":{"from":"2025-01-02","to":"2025-01-01"},"source":"x"}"#;
    assert!(serde_json::from_str::<ClassRule>(bad).is_err());
    // A caller's own policy, loaded from JSON.
    let own: Policy = serde_json::from_str(
        r#"{"export":[{"class":"food","effective":{"from":"2020-01-01"},"source":"own"}],
            "served":[{"countries":["CA","MX"],"effective":{"from":"2020-01-01"},"source":"own"}]}"#,
    )
    .unwrap();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&own, &ex, as_of());
    // No size tier in this policy: size does not matter.
    assert_eq!(e.check(&plain("MUG"), Country::CA), Decision::Eligible);
    assert_eq!(
        e.check(&plain("MUG"), Country::DE),
        Decision::NotEligible {
            reasons: vec![Reason::NotServed]
        }
    );
    assert_eq!(
        // This policy has no HS table: the seller's classes decide.
        restrictions(e.check(
            &with_hs("CHOC", "180632").with_explicit_classes([RestrictionClass::Food]),
            Country::CA
        )),
        vec![(RestrictionKind::Export, RestrictionClass::Food)]
    );
}

#[test]
fn exclusion_file_reports_bad_lines() {
    let text = "# FBA Export exclusion file\r\nProduct_ID,Country\r\nB01,CA\r\n\r\nB02,CAN\r\nB03,加拿大\r\nB04,Atlantis\r\n,CA\r\nB05,CA,extra\r\nB06\r\nB 07 ,  mx \r\n";
    let (ex, report) = SellerExclusions::parse_csv(text);
    let got: Vec<(&str, &str, Severity)> = report
        .iter()
        .map(|v| (v.code().as_str(), v.pointer().as_str(), v.severity()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("exclusion.bad_country", "/lines/6", Severity::Error),
            ("exclusion.bad_product_id", "/lines/7", Severity::Error),
            ("exclusion.bad_line", "/lines/8", Severity::Error),
        ]
    );
    let v = report.iter().next().unwrap();
    assert_eq!(v.value(), Some("Atlantis"));
    assert!(v.message_en().starts_with("line 7: "));
    assert!(v.message_zh().starts_with("第 7 行"));
    assert_eq!(
        report.iter().nth(2).unwrap().code(),
        &Code::EXCLUSION_BAD_LINE
    );
    assert_eq!(ex.len(), 5);
    for id in ["B01", "B02", "B03"] {
        assert_eq!(
            ex.check(id, Country::CA),
            ExclusionCheck::ProductExcludedThere,
            "{id}"
        );
    }
    assert_eq!(
        ex.check("B06", Country::JP),
        ExclusionCheck::ProductExcludedEverywhere
    );
    assert_eq!(
        ex.check("B 07", Country::MX),
        ExclusionCheck::ProductExcludedThere
    );
    assert_eq!(ex.check("B04", Country::CA), ExclusionCheck::NotExcluded);
}

#[test]
fn exclusion_index_finds_every_product_after_growing() {
    let n = 50_000;
    let entries = (0..n).map(|i| {
        let product = ProductId::new(&format!("SKU-{i:07}")).unwrap();
        if i % 3 == 0 {
            ExclusionEntry::Product { product }
        } else {
            ExclusionEntry::ProductIn {
                product,
                country: if i % 2 == 0 { Country::CA } else { Country::MX },
            }
        }
    });
    // No size hint: the table starts small and grows.
    let ex = SellerExclusions::from_entries(entries.filter(|_| true)).unwrap();
    assert_eq!(ex.len(), n);
    assert_eq!(ex.distinct_country_sets(), 3);
    for i in 0..n {
        let id = format!("SKU-{i:07}");
        let want = if i % 3 == 0 {
            ExclusionCheck::ProductExcludedEverywhere
        } else if i % 2 == 0 {
            ExclusionCheck::ProductExcludedThere
        } else {
            ExclusionCheck::NotExcluded
        };
        assert_eq!(ex.check(&id, Country::CA), want, "{id}");
        assert_eq!(
            ex.check(&format!("sku-{i:07}"), Country::CA),
            ExclusionCheck::NotExcluded
        );
    }
    assert!(ex.heap_bytes() > n * 16);
}

#[test]
fn exclusion_index_stops_at_one_million_products() {
    let mut text = String::with_capacity(12 * 1_000_002);
    for i in 0..1_000_001u32 {
        text.push_str(&format!("P{i:09}\n"));
    }
    text.push_str("P000000000,CA\n");
    let (ex, report) = SellerExclusions::parse_csv(&text);
    assert_eq!(ex.len(), 1_000_000);
    let v: Vec<_> = report.iter().collect();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].code(), &Code::EXCLUSION_TOO_MANY_PRODUCTS);
    assert_eq!(v[0].pointer().as_str(), "/lines/1000000");
    assert!(ex.is_excluded_everywhere("P000999999"));
    assert!(!ex.is_excluded_everywhere("P001000000"));
}

#[test]
fn answers_have_a_stable_json_shape_and_round_trip() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let book = plain("BOOK").with_media(MediaKind::Book);
    let d = e.check(&book, Country::CA);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["status"], "not_eligible");
    assert_eq!(json["reasons"][0]["reason"], "restricted");
    assert_eq!(json["reasons"][0]["kind"], "import");
    assert_eq!(json["reasons"][0]["class"], "books");
    assert_eq!(json["reasons"][0]["rule"], "/import/rules/1");
    assert_eq!(json["reasons"][0]["classFrom"]["from"], "media");
    assert!(
        json["reasons"][0].get("class_from").is_none(),
        "field names are camelCase"
    );
    assert_eq!(serde_json::from_value::<Decision>(json).unwrap(), d);
    let imcf = e.imcf(&book, Country::CA);
    let json = serde_json::to_string(&imcf).unwrap();
    assert_eq!(serde_json::from_str::<ImcfDecision>(&json).unwrap(), imcf);
    let split = e.destinations(&e.profile(&book));
    let json = serde_json::to_string(&split).unwrap();
    assert_eq!(
        serde_json::from_str::<crossborder::DestinationSplit>(&json).unwrap(),
        split
    );
}

/// Products that between them hit every kind of reason and every way a
/// product gets a class: export via the HS table and via attribute, import
/// by default and by route rule, media by kind and by HS code, transport by
/// size tier, HS code and attribute (lithium, used oil, dangerous goods),
/// explicit classes, and exclusions.
fn reason_spread() -> Vec<ProductFacts> {
    vec![
        with_hs("LASER", "901320"),
        with_hs("GUN", "930320").with_attribute(ProductAttribute::WeaponAccessory),
        plain("REPLICA").with_attribute(ProductAttribute::ImitationWeapon),
        with_hs("SEEDS", "120991"),
        with_hs("CAM", "852589").with_attribute(ProductAttribute::Surveillance),
        with_hs("SLOT", "950430"),
        with_hs("WINE", "220421"),
        with_hs("VIT", "2106909800"),
        with_hs("PESTICIDE", "380891"),
        plain("ADULT").with_attribute(ProductAttribute::Adult),
        plain("CRYPTO").with_attribute(ProductAttribute::Cryptographic),
        plain("BOOK").with_media(MediaKind::Book),
        with_hs("BOOK-HS", "490199"),
        plain("DVD").with_media(MediaKind::Dvd),
        with_hs("CD-HS", "852380"),
        ProductFacts::new(ProductId::new("MATTRESS").unwrap(), Country::US)
            .with_hs_code(HsCode::parse("940421").unwrap())
            .with_dimensions("80 x 60 x 10 in".parse().unwrap())
            .with_weight("55 lb".parse().unwrap())
            .with_attribute(ProductAttribute::HeavyOrBulky),
        with_hs("BATT", "850760"),
        with_hs("BANK", "850440").with_attribute(ProductAttribute::StandaloneLithiumBattery),
        with_hs("OIL", "271099"),
        with_hs("FRYER-OIL", "151800"),
        plain("DG").with_attribute(ProductAttribute::DangerousGoods),
        with_hs("KIT", "691200").with_explicit_classes([RestrictionClass::BrewingEquipment]),
        plain("MUG"),
        plain("NEW").with_review(ReviewStatus::Pending),
    ]
}

const SPREAD_DESTINATIONS: &[Country] = &[
    Country::CA,
    Country::MX,
    Country::DE,
    Country::GB,
    Country::JP,
    Country::US,
    Country::KP,
];

/// Every rule pointer an answer carries resolves in the policy's own JSON,
/// to the rule it names (same class, prefix and source).
#[test]
fn every_rule_pointer_in_an_answer_resolves_against_the_policy_json() {
    let mut policy = Policy::fba_export_default();
    // A caller's rules, appended after the defaults, are pointed at too.
    policy.import.rules.push(ImportRule {
        destination: Country::JP,
        origin: Some(Country::US),
        class: RestrictionClass::MusicVideoDvd,
        treatment: ImportTreatment::Restricted,
        effective: Effective::since(date(2025, 1, 1)),
        source: "test: JP route".into(),
    });
    policy.import.rules.push(ImportRule {
        destination: Country::JP,
        origin: None,
        class: RestrictionClass::MusicVideoDvd,
        treatment: ImportTreatment::Allowed,
        effective: Effective::always(),
        source: "test: JP takes DVDs".into(),
    });
    let json = serde_json::to_value(&policy).unwrap();
    let (ex, _) = SellerExclusions::parse_csv("MUG,CA\n");
    let e = Eligibility::new(&policy, &ex, as_of());
    let mut lists = std::collections::BTreeSet::new();
    let mut check = |r: &crossborder::Restriction| {
        let rule = json
            .pointer(r.rule.as_str())
            .unwrap_or_else(|| panic!("{} does not resolve", r.rule));
        assert_eq!(
            rule["class"],
            serde_json::to_value(r.class).unwrap(),
            "{}",
            r.rule
        );
        assert_eq!(rule["source"], r.source.as_str(), "{}", r.rule);
        let list = r.rule.as_str().rsplit_once('/').unwrap().0.to_owned();
        lists.insert(list);
        match &r.class_from {
            ClassSource::HsTable {
                rule,
                prefix,
                source,
                ..
            } => {
                let row = json
                    .pointer(rule.as_str())
                    .unwrap_or_else(|| panic!("{rule} does not resolve"));
                assert_eq!(row["prefix"], prefix.as_str());
                assert_eq!(row["class"], serde_json::to_value(r.class).unwrap());
                assert_eq!(row["source"], source.as_str());
                lists.insert(rule.as_str().rsplit_once('/').unwrap().0.to_owned());
            }
            ClassSource::Size { rule, source } => {
                let row = json
                    .pointer(rule.as_str())
                    .unwrap_or_else(|| panic!("{rule} does not resolve"));
                assert!(row.get("maxWeight").is_some(), "{rule}: {row}");
                assert_eq!(row["source"], source.as_str());
                lists.insert(rule.as_str().rsplit_once('/').unwrap().0.to_owned());
            }
            ClassSource::Explicit | ClassSource::Attribute { .. } | ClassSource::Media { .. } => {}
        }
    };
    let spread = reason_spread();
    for p in &spread {
        for &c in SPREAD_DESTINATIONS {
            if let Decision::NotEligible { reasons } = e.check(p, c) {
                for r in &reasons {
                    if let Reason::Restricted(r) = r {
                        check(r);
                    }
                }
            }
        }
        for group in e.product_report(p).not_eligible {
            for r in &group.reasons {
                if let Reason::Restricted(r) = r {
                    check(r);
                }
            }
        }
    }
    // The spread reached every list an answer can point into.
    assert_eq!(
        lists.into_iter().collect::<Vec<_>>(),
        vec![
            "/export",
            "/hsTable",
            "/import/restrictedByDefault",
            "/import/rules",
            "/standardSize",
            "/transport",
        ]
    );
}

/// The default policy knows no in-force dates: it answers the same in 2019,
/// on the eve of its source page's date, and in 2026.
#[test]
fn default_policy_answers_the_same_at_any_date() {
    let policy = Policy::fba_export_default();
    let (ex, _) = SellerExclusions::parse_csv("MUG,CA\n");
    let now = Eligibility::new(&policy, &ex, as_of());
    assert_eq!(now.served().len(), 239);
    for day in [date(2019, 6, 1), date(2023, 12, 31), date(1990, 1, 1)] {
        let then = Eligibility::new(&policy, &ex, day);
        assert_eq!(then.served(), now.served(), "{day}");
        for p in &reason_spread() {
            for c in CountrySet::all() {
                assert_eq!(then.check(p, c), now.check(p, c), "{day} {} {c}", p.id);
            }
            let (a, b) = (then.product_report(p), now.product_report(p));
            assert_eq!(a, b, "{day} {}", p.id);
        }
    }
    // Export restrictions do not vanish before 2024 (the old default's bug).
    let then = Eligibility::new(&policy, &ex, date(2023, 12, 31));
    assert_eq!(
        restrictions(then.check(&with_hs("LASER", "901320"), Country::DE)),
        vec![(RestrictionKind::Export, RestrictionClass::LaserPointers)]
    );
    // The source page's date stays in the rules' source text.
    assert!(
        policy
            .export
            .iter()
            .all(|r| r.source.contains("2024-01-01"))
    );
    assert!(
        policy
            .export
            .iter()
            .all(|r| r.effective == Effective::always())
    );
}
