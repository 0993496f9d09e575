//! Properties of the stocking-shipment checks and of chargeable weight.

use crossborder::shipment::{
    CheckOptions, DimensionRounding, Piece, ShipmentJson, WeightBasis, WeightRounding, check,
};
use crossborder::{ChargeableRule, Dimensions, LengthUnit, MassUnit, VolumetricDivisor, Weight};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

const SAMPLE: &str = include_str!("fixtures/stocking_sample.json");

/// Any JSON value, a few levels deep, with the kinds of leaves the form uses.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9)
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-zA-Z0-9 ._/-]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("0"),
            Just("-1"),
            Just("1e40"),
            Just("kg"),
            Just("DDU"),
            Just("2026-02-30")
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every pointer to a member or element of a document.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

fn sides() -> impl Strategy<Value = Dimensions> {
    (1i64..20_000, 1i64..20_000, 1i64..20_000).prop_map(|(a, b, c)| {
        Dimensions::new(
            Decimal::new(a, 2),
            Decimal::new(b, 2),
            Decimal::new(c, 2),
            LengthUnit::Centimetre,
        )
        .unwrap()
    })
}

fn pieces() -> impl Strategy<Value = Vec<Piece>> {
    prop::collection::vec(
        (sides(), 0i64..100_000, 1u32..5).prop_map(|(d, g, n)| {
            Piece::new(
                d,
                Weight::new(Decimal::new(g, 3), MassUnit::Kilogram).unwrap(),
                n,
            )
        }),
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_panic_on_any_json(v in any_json()) {
        if let Ok(s) = serde_json::from_value::<ShipmentJson>(v) {
            let _ = check(&s, &CheckOptions::new());
        }
    }

    #[test]
    fn no_panic_when_any_member_of_the_sample_is_replaced(pick in any::<prop::sample::Index>(), v in any_json()) {
        let mut doc: Value = serde_json::from_str(SAMPLE).unwrap();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let p = &all[pick.index(all.len())];
        *doc.pointer_mut(p).unwrap() = v;
        if let Ok(s) = serde_json::from_value::<ShipmentJson>(doc) {
            let checked = check(&s, &CheckOptions::new());
            // Every pointer reported is well formed and in document order is deterministic.
            let again = check(&s, &CheckOptions::new());
            prop_assert_eq!(checked.report(), again.report());
        }
    }

    #[test]
    fn chargeable_is_at_least_actual_and_volumetric(ps in pieces(), preset in 0usize..7) {
        let rule = ChargeableRule::preset(ChargeableRule::PRESETS[preset]).unwrap();
        let w = rule.compute(&ps).unwrap();
        match rule.basis {
            WeightBasis::Carton => {
                for p in w.pieces() {
                    let c = p.chargeable.unwrap();
                    prop_assert!(c >= p.actual, "{c} < actual {}", p.actual);
                    prop_assert!(c >= p.volumetric, "{c} < volumetric {}", p.volumetric);
                }
            }
            WeightBasis::Shipment => {
                prop_assert!(w.total() >= w.actual());
                prop_assert!(w.total() >= w.volumetric());
            }
        }
    }

    #[test]
    fn rounding_never_lowers_the_result(ps in pieces(), divisor in 1000i64..10_000, basis in any::<bool>()) {
        let d = VolumetricDivisor::new(Decimal::from(divisor), LengthUnit::Centimetre, MassUnit::Kilogram);
        let mut plain = ChargeableRule::volumetric(d);
        plain.basis = if basis { WeightBasis::Carton } else { WeightBasis::Shipment };
        let base = plain.compute(&ps).unwrap().total();
        for rounding in [WeightRounding::UpHalfKg, WeightRounding::UpKg] {
            let mut r = plain.clone();
            r.weight_rounding = rounding;
            prop_assert!(r.compute(&ps).unwrap().total() >= base);
        }
        let mut up = plain.clone();
        up.dimension_rounding = DimensionRounding::UpCm;
        prop_assert!(up.compute(&ps).unwrap().total() >= base);
        up.weight_rounding = WeightRounding::UpHalfKg;
        prop_assert!(up.compute(&ps).unwrap().total() >= base);
    }
}
