//! The default FBA Export policy's facts, checked against the sources
//! (issue 13): the HS-to-class table, media, a missing size, and a caller
//! who lifts or overrides a default rule.

use crossborder::{
    ClassSource, Country, Decision, Eligibility, HsCode, PendingReason, Policy, ProductAttribute,
    ProductFacts, ProductId, Reason, RestrictionClass, RestrictionKind, SellerExclusions,
};

use crate::eligibility::{abroad, as_of, plain, restrictions, with_hs};

/// The classes the default HS table gives a code (no attribute, no media).
fn hs_classes(hs: &str) -> Vec<RestrictionClass> {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    e.profile(&with_hs("P", hs)).classes()
}

/// Item 4: gambling is 9504 30 only; cards and board games are gambling by
/// attribute (an explicit class), never by HS code.
#[test]
fn gambling_by_hs_is_coin_operated_games_only() {
    use RestrictionClass as R;
    assert_eq!(hs_classes("950430"), [R::Gambling]); // slot and casino machines
    assert_eq!(hs_classes("9504300000"), [R::Gambling]);
    assert_eq!(hs_classes("950440"), []); // playing cards
    assert_eq!(hs_classes("950490"), []); // chess, board games, dice
    assert_eq!(hs_classes("950450"), []); // video game consoles
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    assert_eq!(
        e.check(&with_hs("CARDS", "950440"), Country::DE),
        Decision::Eligible
    );
    // A roulette set the seller knows is gambling paraphernalia.
    let roulette = with_hs("ROULETTE", "950490").with_explicit_classes([R::Gambling]);
    assert_eq!(
        restrictions(e.check(&roulette, Country::DE)),
        [(RestrictionKind::Import, R::Gambling)]
    );
}

/// Item 4: 8525 89 holds every ordinary camera, so the table has no
/// surveillance row; surveillance comes from the product's attribute.
#[test]
fn surveillance_is_an_attribute_not_an_hs_row() {
    let policy = Policy::fba_export_default();
    assert!(
        policy
            .hs_table
            .iter()
            .all(|r| r.class != RestrictionClass::SurveillanceEquipment),
        "no HS row may say surveillance"
    );
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let webcam = with_hs("WEBCAM", "852589");
    assert_eq!(e.check(&webcam, Country::DE), Decision::Eligible);
    let spy = webcam.with_attribute(ProductAttribute::Surveillance);
    let Decision::NotEligible { reasons } = e.check(&spy, Country::DE) else {
        panic!("a surveillance camera may not be exported")
    };
    let Reason::Restricted(r) = &reasons[0] else {
        panic!("{reasons:?}")
    };
    assert_eq!(
        (r.kind, r.class),
        (
            RestrictionKind::Export,
            RestrictionClass::SurveillanceEquipment
        )
    );
    assert_eq!(
        r.class_from,
        ClassSource::Attribute {
            attribute: ProductAttribute::Surveillance
        }
    );
}

/// Item 4: food takes the edible fats and oils of chapter 15 (1501 to 1517,
/// wool grease excepted) and the non-alcoholic drinks 2201 and 2202; used
/// oil, glycerol, waxes and degras are not food.
#[test]
fn food_takes_edible_oils_and_soft_drinks_and_nothing_else_of_chapter_15() {
    use RestrictionClass as R;
    for edible in [
        "150110", // lard
        "150410", // fish-liver oils
        "150710", // soya-bean oil
        "150920", // extra virgin olive oil
        "151211", // sunflower oil
        "151590", // sesame and other vegetable oils
        "151610", // hydrogenated fats
        "151710", // margarine
        "220110", // mineral water
        "220210", // soft drinks
        "220299", // other non-alcoholic drinks
    ] {
        assert_eq!(hs_classes(edible), [R::Food], "{edible}");
    }
    assert_eq!(hs_classes("151800"), [R::UsedOil]); // used cooking oil: transport only
    for not_food in [
        "150500", // wool grease, lanolin: not edible
        "152000", // glycerol
        "152110", // vegetable waxes
        "152190", // beeswax
        "152200", // degras
    ] {
        assert_eq!(hs_classes(not_food), [], "{not_food}");
    }
    // Beer stays alcohol, and only alcohol.
    assert_eq!(hs_classes("220300"), [R::Alcohol]);
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    assert_eq!(
        restrictions(e.check(&with_hs("OLIVE", "150920"), Country::JP)),
        [(RestrictionKind::Import, R::Food)]
    );
    assert_eq!(
        e.check(&with_hs("CANDLE-WAX", "152190"), Country::JP),
        Decision::Eligible
    );
}

/// Item 5: media are not import-restricted by default. Books go everywhere
/// served except from the US to Canada; music, video and DVD go everywhere.
#[test]
fn books_go_everywhere_but_us_to_canada_and_other_media_everywhere() {
    use crossborder::MediaKind;
    let policy = Policy::fba_export_default();
    assert!(
        policy
            .import
            .restricted_by_default
            .iter()
            .all(|r| !r.class.is_media()),
        "media are not restricted by default"
    );
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let book = plain("BOOK").with_media(MediaKind::Book);
    for c in [
        Country::GB,
        Country::DE,
        Country::JP,
        Country::MX,
        Country::AU,
    ] {
        assert_eq!(e.check(&book, c), Decision::Eligible, "book to {c}");
    }
    let Decision::NotEligible { reasons } = e.check(&book, Country::CA) else {
        panic!("books may not go from the US to Canada")
    };
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    let Reason::Restricted(r) = &reasons[0] else {
        panic!("{reasons:?}")
    };
    assert_eq!(
        (r.kind, r.class, r.rule.as_str()),
        (
            RestrictionKind::Import,
            RestrictionClass::Books,
            "/import/rules/1"
        )
    );
    assert_eq!(r.source, crossborder::eligibility::SOURCE_FBA_EXPORT);
    let split = e.destinations(&e.profile(&book));
    assert_eq!(
        split.eligible,
        abroad(&e, Country::US).difference(crossborder::CountrySet::of(&[Country::CA]))
    );
    // The route rule names the US only.
    let mut from_gb = book.clone();
    from_gb.origin = Country::GB;
    assert_eq!(e.check(&from_gb, Country::CA), Decision::Eligible);
    // A book by HS code is a book too.
    assert_eq!(
        restrictions(e.check(&with_hs("ATLAS", "490199"), Country::CA)),
        [(RestrictionKind::Import, RestrictionClass::Books)]
    );
    assert_eq!(
        e.check(&with_hs("ATLAS", "490199"), Country::GB),
        Decision::Eligible
    );
    for media in [MediaKind::Music, MediaKind::Video, MediaKind::Dvd] {
        let p = plain("M").with_media(media);
        assert_eq!(
            e.destinations(&e.profile(&p)).eligible,
            abroad(&e, Country::US),
            "{media}"
        );
    }
}

/// Item 5: International Multi-Channel Fulfillment takes books, music, video
/// and DVD wherever they are eligible, and nothing else.
#[test]
fn imcf_takes_bmvd_wherever_they_are_eligible() {
    use crossborder::{ImcfDecision, ImcfReason, MediaKind};
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let book = plain("BOOK").with_media(MediaKind::Book);
    assert_eq!(e.imcf(&book, Country::GB), ImcfDecision::Eligible);
    assert_eq!(e.imcf(&book, Country::JP), ImcfDecision::Eligible);
    assert_eq!(
        e.imcf(&with_hs("ATLAS", "490199"), Country::DE),
        ImcfDecision::Eligible
    );
    let ImcfDecision::NotEligible { reasons } = e.imcf(&book, Country::CA) else {
        panic!("not from the US to Canada")
    };
    assert!(
        matches!(&reasons[..], [ImcfReason::NotExportEligible(Reason::Restricted(r))] if r.class == RestrictionClass::Books),
        "{reasons:?}"
    );
    for media in [MediaKind::Music, MediaKind::Video, MediaKind::Dvd] {
        let p = plain("M").with_media(media);
        for c in [Country::CA, Country::GB, Country::DE, Country::BR] {
            assert_eq!(e.imcf(&p, c), ImcfDecision::Eligible, "{media} to {c}");
        }
    }
    assert_eq!(
        e.imcf(&plain("MUG"), Country::GB),
        ImcfDecision::NotEligible {
            reasons: vec![ImcfReason::NotMedia]
        }
    );
}

/// Item 5: the Canada rule for music, video and DVD still means something:
/// a caller who restricts media by default keeps Canada open to them.
#[test]
fn canada_stays_open_to_dvds_for_a_caller_who_restricts_media_by_default() {
    use crossborder::{ClassRule, Effective, MediaKind};
    let mut policy = Policy::fba_export_default();
    policy.import.restricted_by_default.push(ClassRule::new(
        RestrictionClass::MusicVideoDvd,
        Effective::always(),
        "own review: media case by case",
    ));
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let dvd = plain("DVD").with_media(MediaKind::Dvd);
    assert_eq!(
        e.destinations(&e.profile(&dvd)).eligible,
        crossborder::CountrySet::of(&[Country::CA])
    );
}

/// Item 6: a product without dimensions or weight, and nothing else against
/// it, is pending (size unknown); the README's eligibility section and the
/// docs of `Eligibility::check` say so.
#[test]
fn a_missing_size_is_pending_size_unknown_and_the_docs_say_so() {
    let policy = Policy::fba_export_default();
    let ex = SellerExclusions::new();
    let e = Eligibility::new(&policy, &ex, as_of());
    let id = || ProductId::new("MUG").unwrap();
    let pending = Decision::Pending {
        reasons: vec![PendingReason::SizeUnknown],
    };
    let bare = ProductFacts::new(id(), Country::US).with_hs_code(HsCode::parse("691200").unwrap());
    let no_weight = bare
        .clone()
        .with_dimensions("5 x 4 x 4 in".parse().unwrap());
    let no_dims = bare.clone().with_weight("1 lb".parse().unwrap());
    for p in [&bare, &no_weight, &no_dims] {
        assert_eq!(e.check(p, Country::DE), pending);
    }
    assert_eq!(
        e.check(&no_weight.with_weight("1 lb".parse().unwrap()), Country::DE),
        Decision::Eligible
    );
    // The docs say it where a reader looks.
    let readme = include_str!("../README.md");
    let section = readme
        .split("\n## Export eligibility\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap();
    assert!(section.contains("pending (size unknown)"), "README");
    let src = include_str!("../src/eligibility/check.rs");
    let before = &src[..src.find("pub fn check(").unwrap()];
    let docs: Vec<&str> = before
        .trim_end()
        .lines()
        .rev()
        .take_while(|l| l.trim_start().starts_with("///"))
        .collect();
    let docs = docs.concat();
    assert!(
        docs.contains("*pending (size unknown)*"),
        "Eligibility::check docs"
    );
    assert!(docs.contains("PendingReason::SizeUnknown"));
}

/// Item 11: a caller lifts alcohol from the default restrictions and
/// restricts it for one destination, in Rust and as JSON; the answers point
/// at the caller's rule in the changed policy.
#[test]
fn a_caller_lifts_alcohol_and_restricts_it_for_one_destination() {
    use crossborder::{Effective, ImportRule, ImportTreatment, PolicyChanges};
    let ex = SellerExclusions::new();
    let wine = with_hs("WINE", "220421");
    let default = Policy::fba_export_default();
    {
        let e = Eligibility::new(&default, &ex, as_of());
        assert_eq!(
            restrictions(e.check(&wine, Country::DE)),
            [(RestrictionKind::Import, RestrictionClass::Alcohol)]
        );
    }
    // In Rust: lift, then add the caller's rule.
    let mut own = default.clone();
    assert_eq!(own.lift(RestrictionClass::Alcohol), 1);
    assert!(
        own.import
            .restricted_by_default
            .iter()
            .all(|r| r.class != RestrictionClass::Alcohol)
    );
    own.import.rules.push(ImportRule {
        destination: Country::SA,
        origin: None,
        class: RestrictionClass::Alcohol,
        treatment: ImportTreatment::Restricted,
        effective: Effective::always(),
        source: "own review: SA".into(),
    });
    // As JSON, the same changes give the same policy.
    let changes: PolicyChanges = serde_json::from_str(
        r#"{"lift": ["alcohol"], "add": {"import": {"rules": [
            {"destination": "SA", "class": "alcohol", "treatment": "restricted",
             "effective": {}, "source": "own review: SA"}]}}}"#,
    )
    .unwrap();
    let mut from_json = default.clone();
    assert_eq!(from_json.apply(changes), 1);
    assert_eq!(from_json, own);

    let e = Eligibility::new(&own, &ex, as_of());
    for c in [Country::DE, Country::GB, Country::JP, Country::CA] {
        assert_eq!(e.check(&wine, c), Decision::Eligible, "wine to {c}");
    }
    let Decision::NotEligible { reasons } = e.check(&wine, Country::SA) else {
        panic!("restricted in SA")
    };
    let Reason::Restricted(r) = &reasons[0] else {
        panic!("{reasons:?}")
    };
    assert_eq!(
        (r.kind, r.class),
        (RestrictionKind::Import, RestrictionClass::Alcohol)
    );
    assert_eq!(r.source, "own review: SA");
    // The pointer names the caller's rule in the changed policy's JSON.
    let json = serde_json::to_value(&own).unwrap();
    let rule = json.pointer(r.rule.as_str()).unwrap();
    assert_eq!(rule["destination"], "SA");
    assert_eq!(rule["source"], "own review: SA");
    // The fast paths agree: every served destination abroad but SA.
    let split = e.destinations(&e.profile(&wine));
    let mut abroad_but_sa = e.served();
    abroad_but_sa.remove(Country::US);
    abroad_but_sa.remove(Country::SA);
    assert_eq!(split.eligible, abroad_but_sa);
    // The default policy itself is unchanged.
    assert!(
        default
            .import
            .restricted_by_default
            .iter()
            .any(|r| r.class == RestrictionClass::Alcohol)
    );
}

/// Item 11: the other overrides: an export class lifted and an HS row
/// removed, the size tier replaced, each from JSON changes.
#[test]
fn a_caller_overrides_export_rules_hs_rows_and_the_size_tier() {
    use crossborder::PolicyChanges;
    let ex = SellerExclusions::new();
    let mut policy = Policy::fba_export_default();
    let removed = policy.apply(
        serde_json::from_str::<PolicyChanges>(
            r#"{"lift": ["laser_pointers"], "removeHs": ["2530 90"],
                "standardSize": [{"maxWeight": "30 lb", "maxSides": "24 x 18 x 12 in",
                                  "effective": {}, "source": "own carrier"}]}"#,
        )
        .unwrap(),
    );
    assert_eq!(removed, 3); // an export rule, an HS row, the size rule
    let e = Eligibility::new(&policy, &ex, as_of());
    // Lifted: a laser pointer keeps its class, nothing restricts it.
    let laser = with_hs("LASER", "901320");
    assert_eq!(
        e.profile(&laser).classes(),
        [RestrictionClass::LaserPointers]
    );
    assert_eq!(e.check(&laser, Country::DE), Decision::Eligible);
    // The HS row is gone; the other plant rows stay.
    assert_eq!(e.profile(&with_hs("GRIT", "253090")).classes(), []);
    assert_eq!(
        e.profile(&with_hs("BONSAI", "060290")).classes(),
        [RestrictionClass::Plants]
    );
    // The caller's size tier replaces Amazon's: 22 x 16 x 10 in at 25 lb is standard now.
    let big = ProductFacts::new(ProductId::new("BIG").unwrap(), Country::US)
        .with_dimensions("22 x 16 x 10 in".parse().unwrap())
        .with_weight("25 lb".parse().unwrap());
    assert_eq!(e.check(&big, Country::DE), Decision::Eligible);
    let default = Policy::fba_export_default();
    let e = Eligibility::new(&default, &ex, as_of());
    assert_eq!(
        restrictions(e.check(&big, Country::DE)),
        [(RestrictionKind::Transport, RestrictionClass::Oversize)]
    );
}
