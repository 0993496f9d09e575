//! The integration tests, one binary: each area is a module, so the crate is
//! linked once rather than once a file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

mod api_paths;
mod channel;
mod channel_api;
mod channel_props;
mod conversion;
mod declaration_rules;
mod doc_examples;
mod eligibility;
mod eligibility_defaults;
mod eligibility_props;
mod hs_lookup;
mod hs_properties;
mod hs_search;
mod import_tax;
mod import_tax_props;
mod properties;
mod regime;
mod regime_props;
mod reliability;
mod sources;
mod stocking;
mod stocking_flow;
mod stocking_props;
mod wire_reliability;
mod wire_roundtrip;
