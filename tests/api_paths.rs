//! One import convention (issue 13, item 8), as the crate docs state it:
//! every public item of an area is in its module, one level deep (no area
//! has a public submodule); the root re-exports every type and function of
//! `channel` and `eligibility`.

use std::any::TypeId;

/// The names a module re-exports with `pub use path::{a, b};` or
/// `pub use path::a;` statements whose path starts with `from`.
fn reexports(source: &str, from: &str) -> Vec<String> {
    let mut names = Vec::new();
    for stmt in source.split(';') {
        let Some(rest) = stmt.trim_start().strip_prefix("pub use ") else {
            continue;
        };
        if !from.is_empty() && !rest.starts_with(from) {
            continue;
        }
        let list = match rest.split_once('{') {
            Some((_, list)) => list.trim_end().trim_end_matches('}'),
            None => rest.rsplit("::").next().unwrap_or(rest),
        };
        names.extend(
            list.split(',')
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
        );
    }
    names
}

fn source(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn no_area_has_a_public_submodule() {
    // Every area the crate root declares, read from `src/lib.rs`, so that
    // a new area is held to the rule too.
    let areas: Vec<String> = source("src/lib.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';').to_owned())
        .collect();
    for want in [
        "channel",
        "declaration",
        "eligibility",
        "hs",
        "shipment",
        "tax",
        "wire",
    ] {
        assert!(areas.iter().any(|a| a == want), "{want} not in {areas:?}");
    }
    for area in &areas {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(area);
        let text = if dir.is_dir() {
            source(&format!("src/{area}/mod.rs"))
        } else {
            source(&format!("src/{area}.rs"))
        };
        let public: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("pub mod "))
            .collect();
        assert!(public.is_empty(), "{area}: {public:?}");
    }
}

#[test]
fn the_root_reexports_every_type_and_function_of_channel_and_eligibility() {
    let lib = source("src/lib.rs");
    for area in ["channel", "eligibility"] {
        let module = reexports(&source(&format!("src/{area}/mod.rs")), "");
        assert!(module.len() > 15, "{area}: {module:?}");
        let root = reexports(&lib, &format!("{area}::"));
        let missing: Vec<&String> = module
            .iter()
            // Constants stay in their module.
            .filter(|n| {
                !n.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            })
            .filter(|n| !root.contains(n))
            .collect();
        assert!(missing.is_empty(), "not at the root: {area}::{missing:?}");
    }
}

#[test]
fn channel_types_are_reachable_like_eligibility_and_declaration_types() {
    // The module path, one level deep, for every area.
    use crossborder::channel::{
        AllowedChannels, ChannelRequirement, FirstMileJson, OrderBatchJson, OrderJson, Program,
        ShippingOrderJson,
    };
    use crossborder::declaration::{Findings, Validator};
    use crossborder::eligibility::{Policy, PolicyChanges};
    // And the root, for channel and eligibility.
    assert_eq!(
        TypeId::of::<crossborder::Program>(),
        TypeId::of::<Program>()
    );
    assert_eq!(
        TypeId::of::<crossborder::ChannelRequirement>(),
        TypeId::of::<ChannelRequirement>()
    );
    assert_eq!(
        TypeId::of::<crossborder::AllowedChannels>(),
        TypeId::of::<AllowedChannels>()
    );
    assert_eq!(
        TypeId::of::<crossborder::ShippingOrderJson>(),
        TypeId::of::<ShippingOrderJson>()
    );
    assert_eq!(
        TypeId::of::<crossborder::OrderBatchJson>(),
        TypeId::of::<OrderBatchJson>()
    );
    assert_eq!(
        TypeId::of::<crossborder::OrderJson>(),
        TypeId::of::<OrderJson>()
    );
    assert_eq!(
        TypeId::of::<crossborder::FirstMileJson>(),
        TypeId::of::<FirstMileJson>()
    );
    assert_eq!(TypeId::of::<crossborder::Policy>(), TypeId::of::<Policy>());
    assert_eq!(
        TypeId::of::<crossborder::PolicyChanges>(),
        TypeId::of::<PolicyChanges>()
    );
    let _ = Validator::default();
    let _ = TypeId::of::<Findings<'static>>();
    // The function too.
    let plan = crossborder::plan_split(
        Vec::new(),
        chrono::NaiveDate::MIN,
        &crossborder::ExchangeRates::new(),
    );
    assert!(plan.shipments().is_empty());
}

/// The parser of the source check reads both forms of `pub use`.
#[test]
fn the_reexport_scan_reads_lists_and_single_names() {
    let text = "pub use a::{B, c_fn, D};\npub use x::Y;\nuse z::W;\npub use a::E;";
    assert_eq!(reexports(text, "a::"), ["B", "c_fn", "D", "E"]);
    assert_eq!(reexports(text, ""), ["B", "c_fn", "D", "Y", "E"]);
}
