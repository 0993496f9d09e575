//! Property: adding an exclusion or a restriction never makes a product
//! eligible anywhere it was not (issue 6).

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use crossborder::{
    ClassRule, ClassSource, Country, CountrySet, Decision, Effective, Eligibility,
    EligibilityStatus, ExclusionEntry, HsCode, HsPrefix, HsRule, ImportRule, ImportTreatment,
    MediaKind, Policy, ProductAttribute, ProductFacts, ProductId, RestrictionClass, ReviewStatus,
    SellerExclusions,
};
use proptest::prelude::*;

const COUNTRIES: &[Country] = &[
    Country::US,
    Country::CA,
    Country::MX,
    Country::DE,
    Country::GB,
    Country::JP,
    Country::CN,
    Country::KP,
];
const IDS: &[&str] = &["A", "B", "C", "D"];
/// Codes in export, transport and import classes (alcohol, food, medicines,
/// books, DVDs), and a mug (no class).
const HS: &[&str] = &[
    "901320", "852349", "490199", "220421", "220300", "180632", "300490", "850760", "691200",
    "210690", "852589", "940421",
];

fn country() -> impl Strategy<Value = Country> {
    prop::sample::select(COUNTRIES)
}

/// Any class, biased towards those the generated products carry, so that
/// a new rule often bites.
fn class() -> impl Strategy<Value = RestrictionClass> {
    use RestrictionClass as R;
    prop_oneof![
        3 => prop::sample::select(&[R::Alcohol, R::Books, R::MusicVideoDvd, R::Food, R::MedicinesSupplements, R::Oversize][..]),
        1 => prop::sample::select(RestrictionClass::ALL),
    ]
}

fn effective() -> impl Strategy<Value = Effective> {
    prop_oneof![
        2 => Just(Effective::always()),
        1 => Just(Effective::until(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())),
        3 => Just(Effective::since(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap())),
        1 => Just(Effective::since(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())),
        1 => Just(
            Effective::between(
                NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
            )
            .unwrap()
        ),
    ]
}

fn product() -> impl Strategy<Value = ProductFacts> {
    (
        prop::sample::select(IDS),
        prop::sample::select(&[Country::US, Country::CN, Country::CA][..]),
        prop::option::of(prop::sample::select(HS)),
        prop_oneof![3 => Just(None), 1 => prop::collection::vec(class(), 0..3).prop_map(Some)],
        prop_oneof![3 => Just(Vec::new()), 1 => prop::collection::vec(prop::sample::select(ProductAttribute::ALL), 1..3)],
        prop_oneof![2 => Just(MediaKind::NotMedia), 1 => prop::sample::select(MediaKind::ALL)],
        prop_oneof![
            1 => Just(None),
            4 => Just(Some(("6 x 4 x 4 in", "1 lb"))),
            1 => Just(Some(("30 x 20 x 10 in", "30 lb")))
        ],
        prop_oneof![4 => Just(ReviewStatus::Processed), 1 => Just(ReviewStatus::Pending)],
    )
        .prop_map(|(id, origin, hs, explicit, attrs, media, size, review)| {
            let mut p = ProductFacts::new(ProductId::new(id).unwrap(), origin)
                .with_media(media)
                .with_review(review);
            if let Some(hs) = hs {
                p = p.with_hs_code(HsCode::parse(hs).unwrap());
            }
            if let Some(classes) = explicit {
                p = p.with_explicit_classes(classes);
            }
            for a in attrs {
                p = p.with_attribute(a);
            }
            if let Some((d, w)) = size {
                p = p.with_dimensions(d.parse().unwrap()).with_weight(w.parse().unwrap());
            }
            p
        })
}

fn exclusion() -> impl Strategy<Value = ExclusionEntry> {
    prop_oneof![
        country().prop_map(|country| ExclusionEntry::Country { country }),
        prop::sample::select(IDS).prop_map(|id| ExclusionEntry::Product {
            product: ProductId::new(id).unwrap()
        }),
        (prop::sample::select(IDS), country()).prop_map(|(id, country)| {
            ExclusionEntry::ProductIn {
                product: ProductId::new(id).unwrap(),
                country,
            }
        }),
    ]
}

/// One more restriction of any kind (never an `allowed` rule or a served
/// country, which are not restrictions).
#[derive(Clone, Debug)]
enum Tighten {
    Exclude(ExclusionEntry),
    Export(RestrictionClass, Effective),
    Transport(RestrictionClass, Effective),
    ImportDefault(RestrictionClass, Effective),
    ImportRule(Country, Option<Country>, RestrictionClass, Effective),
    HsRow(&'static str, RestrictionClass, Effective),
}

fn tighten() -> impl Strategy<Value = Tighten> {
    prop_oneof![
        exclusion().prop_map(Tighten::Exclude),
        (class(), effective()).prop_map(|(c, e)| Tighten::Export(c, e)),
        (class(), effective()).prop_map(|(c, e)| Tighten::Transport(c, e)),
        (class(), effective()).prop_map(|(c, e)| Tighten::ImportDefault(c, e)),
        (country(), prop::option::of(country()), class(), effective())
            .prop_map(|(d, o, c, e)| Tighten::ImportRule(d, o, c, e)),
        (
            prop::sample::select(&["69", "6912", "85", "8523", "9401"][..]),
            class(),
            effective()
        )
            .prop_map(|(p, c, e)| Tighten::HsRow(p, c, e)),
    ]
}

fn apply(policy: &mut Policy, exclusions: &mut Vec<ExclusionEntry>, t: Tighten) {
    match t {
        Tighten::Exclude(e) => exclusions.push(e),
        Tighten::Export(c, e) => policy.export.push(ClassRule::new(c, e, "prop")),
        Tighten::Transport(c, e) => policy.transport.push(ClassRule::new(c, e, "prop")),
        Tighten::ImportDefault(c, e) => policy
            .import
            .restricted_by_default
            .push(ClassRule::new(c, e, "prop")),
        Tighten::ImportRule(destination, origin, class, effective) => {
            policy.import.rules.push(ImportRule {
                destination,
                origin,
                class,
                treatment: ImportTreatment::Restricted,
                effective,
                source: "prop".into(),
            })
        }
        Tighten::HsRow(p, class, effective) => policy.hs_table.push(HsRule {
            prefix: HsPrefix::parse(p).unwrap(),
            class,
            effective,
            source: "prop".into(),
        }),
    }
}

fn eligible_everywhere(
    policy: &Policy,
    exclusions: &[ExclusionEntry],
    p: &ProductFacts,
) -> (CountrySet, Vec<EligibilityStatus>) {
    let ex = SellerExclusions::from_entries(exclusions.iter().cloned()).unwrap();
    let e = Eligibility::new(policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    let split = e.destinations(&e.profile(p));
    let full = COUNTRIES.iter().map(|c| e.check(p, *c).status()).collect();
    (split.eligible, full)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tightening_never_makes_a_product_eligible(
        products in prop::collection::vec(product(), 1..4),
        base in prop::collection::vec(exclusion(), 0..4),
        extra in prop::collection::vec(tighten(), 1..6),
    ) {
        let policy = Policy::fba_export_default();
        let mut tighter = policy.clone();
        let mut more = base.clone();
        for t in extra {
            apply(&mut tighter, &mut more, t);
        }
        for p in &products {
            let (before, before_full) = eligible_everywhere(&policy, &base, p);
            let (after, after_full) = eligible_everywhere(&tighter, &more, p);
            prop_assert!(after.difference(before).is_empty(), "{p:?}: newly eligible in {:?}", after.difference(before));
            for (b, a) in before_full.iter().zip(&after_full) {
                if *a == EligibilityStatus::Eligible {
                    prop_assert_eq!(*b, EligibilityStatus::Eligible);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The bitset fast path, the per-destination fast path and the full
    /// answer agree for every country.
    #[test]
    fn fast_paths_agree_with_check(
        products in prop::collection::vec(product(), 1..4),
        exclusions in prop::collection::vec(exclusion(), 0..6),
    ) {
        let policy = Policy::fba_export_default();
        let ex = SellerExclusions::from_entries(exclusions).unwrap();
        let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        for p in &products {
            let profile = e.profile(p);
            let split = e.destinations(&profile);
            for c in CountrySet::all() {
                let full = e.check(p, c).status();
                prop_assert_eq!(e.status(&profile, c), full);
                let from_split = if split.eligible.contains(c) {
                    EligibilityStatus::Eligible
                } else if split.pending.contains(c) {
                    EligibilityStatus::Pending
                } else {
                    EligibilityStatus::NotEligible
                };
                prop_assert_eq!(from_split, full);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever rules a caller adds, every rule pointer in an answer
    /// resolves in the policy's JSON to a rule of the reported class.
    #[test]
    fn rule_pointers_resolve_in_any_policy(
        products in prop::collection::vec(product(), 1..4),
        extra in prop::collection::vec(tighten(), 0..6),
    ) {
        let mut policy = Policy::fba_export_default();
        let mut exclusions = Vec::new();
        for t in extra {
            apply(&mut policy, &mut exclusions, t);
        }
        let json = serde_json::to_value(&policy).unwrap();
        let ex = SellerExclusions::from_entries(exclusions).unwrap();
        let e = Eligibility::new(&policy, &ex, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        for p in &products {
            for c in COUNTRIES {
                let Decision::NotEligible { reasons } = e.check(p, *c) else { continue };
                for r in reasons {
                    let crossborder::Reason::Restricted(r) = r else { continue };
                    let rule = json.pointer(r.rule.as_str());
                    prop_assert!(rule.is_some(), "{} does not resolve", r.rule);
                    prop_assert_eq!(&rule.unwrap()["class"], &serde_json::to_value(r.class).unwrap());
                    if let ClassSource::HsTable { rule, .. } | ClassSource::Size { rule, .. } = &r.class_from {
                        prop_assert!(json.pointer(rule.as_str()).is_some(), "{} does not resolve", rule);
                    }
                }
            }
        }
    }
}
