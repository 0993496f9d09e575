//! Property tests for the nomenclature: look-up, `check` and `search` never
//! panic on any input and agree with each other.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use crossborder::hs::{self, Searcher};
use crossborder::{HsCode, HsEdition, HsLevel};
use proptest::prelude::*;

fn edition() -> impl Strategy<Value = HsEdition> {
    prop::sample::select(HsEdition::ALL.to_vec())
}

fn hs_code() -> impl Strategy<Value = String> {
    (
        (1u8..=97).prop_filter("77 is reserved", |c| *c != 77),
        "[0-9]{4,11}",
    )
        .prop_map(|(chapter, rest)| format!("{chapter:02}{rest}"))
}

proptest! {
    #[test]
    fn lookup_never_panics(text in any::<String>(), e in edition()) {
        if let Some(entry) = hs::lookup(&text, e) {
            prop_assert_eq!(entry.edition(), e);
            prop_assert_eq!(hs::lookup(entry.code(), e), Some(entry));
        }
    }

    #[test]
    fn check_agrees_with_lookup(digits in hs_code(), e in edition()) {
        let code = HsCode::parse(&digits).unwrap();
        let result = hs::check(code, e);
        let sub = hs::lookup(code.subheading(), e);
        prop_assert_eq!(result.entry(), sub);
        prop_assert_eq!(result.exists(), result.message_en().is_empty());
        prop_assert_eq!(result.exists(), result.message_zh().is_empty());
        if !result.exists() {
            // The nearest parent is the heading if it exists, else the chapter.
            let want = hs::lookup(code.heading(), e).or_else(|| hs::lookup(code.chapter(), e));
            prop_assert_eq!(result.nearest(), want);
            prop_assert_eq!(result.other_edition(), hs::lookup(code.subheading(), e.other()));
            for c in result.candidates() {
                prop_assert_eq!(c.level(), HsLevel::Subheading);
                prop_assert!(c.code().starts_with(code.heading()));
            }
            prop_assert!(result.message_en().contains(code.as_str()));
        }
    }

    #[test]
    fn search_never_panics_and_is_ranked(query in any::<String>(), limit in 0usize..20, e in edition()) {
        let hits = hs::search_with(&query, e, limit);
        prop_assert!(hits.len() <= limit);
        for w in hits.windows(2) {
            prop_assert!(w[0].score() >= w[1].score());
        }
        for h in &hits {
            prop_assert!(h.score() > 0.0 && h.score().is_finite());
            prop_assert_eq!(h.entry().edition(), e);
            // Headings and subheadings; a chapter only from the Chinese fallback.
            let level = h.entry().level();
            prop_assert!(
                matches!(level, HsLevel::Heading | HsLevel::Subheading)
                    || (level == HsLevel::Chapter && h.approximate())
            );
        }
    }

    #[test]
    fn search_of_mixed_words_never_panics(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "cotton", "t-shirt", "T恤", "耳机", "phone", "case", "手机壳", "of", "women's",
                "steel", "Ü", "（", "2024", "-", "s", "ies", "shoes", "鞋",
            ]),
            0..8,
        )
    ) {
        let query = words.concat();
        let spaced = words.join(" ");
        let _ = hs::search(&query);
        let hits = hs::search(&spaced);
        prop_assert!(hits.len() <= hs::DEFAULT_LIMIT);
    }

    /// A searcher that has answered other queries answers the next one as a
    /// fresh searcher does: resetting only the slots a query wrote leaves
    /// nothing behind.
    #[test]
    fn a_reused_searcher_answers_like_a_fresh_one(
        queries in prop::collection::vec(
            prop_oneof![
                any::<String>(),
                prop::collection::vec(
                    prop::sample::select(vec![
                        "steel", "cotton", "t-shirt", "of", "phone case", "蓝牙耳机", "遥控赛车",
                        "软木塞", "婴儿", "酒", "power bank", "shoes", "鞋", "rubber", "油画", "玩具",
                        "toy scooter", "cork",
                    ]),
                    0..5,
                )
                .prop_map(|w| w.join(" ")),
            ],
            1..6,
        ),
        limit in 1usize..15,
        e in edition(),
    ) {
        let mut reused = Searcher::new(e);
        for q in &queries {
            let fresh = Searcher::new(e).search(q, limit);
            prop_assert_eq!(&reused.search(q, limit), &fresh, "{:?}", q);
            prop_assert_eq!(&hs::search_with(q, e, limit), &fresh, "{:?}", q);
        }
    }
}
