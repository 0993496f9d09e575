//! Heap allocations of the declaration path, counted by a counting global
//! allocator (which the library itself, `#![forbid(unsafe_code)]`, cannot
//! hold): `cargo test --release -p crossborder-bench --test allocations`.
//!
//! Issue 14 asks for no allocation on a clean document beyond the domain
//! values. The conversion's are checked against the heap blocks the domain
//! value holds, and against the counts reached since the domain's texts are
//! `wire::Text` (moved from the wire value, short ones held in place); the
//! rules' on the clean 2-line order are checked to be none, but for the
//! declared-tax rules' (printed).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../benches/support/mod.rs"]
mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use chrono::NaiveDate;
use crossborder::declaration::{Context, Declaration, RuleSet, Validator};
use crossborder::{Code, CustomsPort, Order, Party, Product, wire};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    ALLOCATIONS.with(|n| n.set(n.get() + 1));
}

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: the caller's contract, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// `f`'s result and the allocations (and reallocations) it made on this thread.
fn counted<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    (value, ALLOCATIONS.with(Cell::get) - before)
}

fn context() -> Context {
    Context::new(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()).with_port(CustomsPort::Hz)
}

/// The bytes of text a [`wire::Text`] holds in place, without a heap block.
const INLINE_TEXT: usize = 22;

/// Heap blocks a domain value holds: every text too long to be held in
/// place, and every non-empty list.
fn blocks_text(t: &wire::Text) -> usize {
    usize::from(t.len() > INLINE_TEXT)
}

fn blocks_str(s: &Option<wire::Text>) -> usize {
    s.as_ref().map_or(0, blocks_text)
}

fn product_blocks(p: &Product) -> usize {
    let texts = [
        &p.product_id,
        &p.name,
        &p.name_en,
        &p.time_unit,
        &p.barcode,
        &p.description,
        &p.vendor,
        &p.logistics_mode,
        &p.personal_postal_articles_tax,
        &p.ingredient,
        &p.model,
        &p.spec,
        &p.store_id,
        &p.category_id,
    ];
    let skus: usize = p
        .skus
        .iter()
        .map(|s| {
            [
                &s.sku_number,
                &s.barcode,
                &s.color,
                &s.size,
                &s.model,
                &s.spec,
                &s.customs_unit_code,
                &s.customs_unit_code_package,
                &s.warehouse,
            ]
            .into_iter()
            .map(blocks_str)
            .sum::<usize>()
                + blocks_text(&s.customs_unit_code_weight)
        })
        .sum();
    texts.into_iter().map(blocks_str).sum::<usize>()
        + blocks_text(&p.brand)
        + usize::from(!p.skus.is_empty())
        + skus
        + p.category.len()
        + usize::from(!p.category.is_empty())
        + usize::from(!p.components.is_empty())
}

fn party_blocks(p: &Party) -> usize {
    [
        &p.first_name,
        &p.last_name,
        &p.address1,
        &p.address2,
        &p.city,
        &p.state,
        &p.zip,
        &p.tin,
        &p.phone,
        &p.country_code,
        &p.email,
        &p.chinese_id,
    ]
    .into_iter()
    .map(blocks_str)
    .sum()
}

/// The heap blocks of an order, less its free-form `campaignTrackingData`
/// (kept as it was read, not allocated again).
fn order_blocks(o: &Order) -> usize {
    let texts = [
        &o.order_id,
        &o.client_order_ref,
        &o.client_parent_order_ref,
        &o.platform_transaction_id,
        &o.distributor_name,
        &o.customer_id_ref,
        &o.status,
        &o.tracking_reference,
        &o.destination_code,
        &o.node_code,
        &o.express_company,
        &o.customs_filing_id,
        &o.pay_method,
        &o.pay_merchant_name,
        &o.pay_id,
        &o.payment_pay_id,
        &o.pay_customs_no,
        &o.customer_note,
        &o.delivery_slip_url,
        &o.discount_code,
    ];
    let items: usize = o
        .items
        .iter()
        .map(|i| {
            [&i.item_id, &i.distributor_name, &i.distributor_id]
                .into_iter()
                .map(blocks_str)
                .sum::<usize>()
                // The boxed product, and its own blocks.
                + i.product.as_deref().map_or(0, |p| 1 + product_blocks(p))
        })
        .sum();
    texts.into_iter().map(blocks_str).sum::<usize>()
        + usize::from(!o.items.is_empty())
        + items
        + [&o.customer, &o.seller, &o.payer]
            .into_iter()
            .flatten()
            .map(party_blocks)
            .sum::<usize>()
}

#[test]
fn converting_and_checking_a_clean_document_allocates_only_the_domain_values() {
    let validator = Validator::default();
    let context = context();
    // Once first, so that the lazily built tables (HS nomenclature,
    // countries) are not counted.
    let warm: wire::Order = wire::from_json(support::ORDER_2.as_bytes()).unwrap();
    let _ = validator.validate_order(warm, Declaration::Order, &context);
    let warm: wire::Product = wire::from_json(support::PRODUCT_3SKU.as_bytes()).unwrap();
    let _ = validator.validate_product(warm, &context);

    let w: wire::Product = wire::from_json(support::PRODUCT_3SKU.as_bytes()).unwrap();
    let (product, conversion) = counted(|| Product::from_wire(w));
    assert!(product.is_clean());
    let blocks = product_blocks(product.value());
    assert!(
        conversion <= blocks,
        "product conversion: {conversion} allocations for {blocks} heap blocks"
    );
    // Only the SKU list, converted in the wire list's block (which shrinks
    // to fit the smaller domain SKUs); the long English name is moved.
    assert!(
        conversion <= 1,
        "product conversion: {conversion} allocations (limit 1)"
    );
    let (report, rules) = counted(|| validator.check_product(product.value(), &context));
    println!(
        "3-SKU product: conversion {conversion} allocations ({blocks} heap blocks in the domain value), rules {rules} ({} findings)",
        report.len()
    );

    let w: wire::Order = wire::from_json(support::ORDER_2.as_bytes()).unwrap();
    let (order, conversion) = counted(|| Order::from_wire(w));
    assert!(order.is_clean());
    let blocks = order_blocks(order.value());
    assert!(
        conversion <= blocks,
        "order conversion: {conversion} allocations for {blocks} heap blocks"
    );
    // The line list and each line's SKU list (shrunk in place), and each
    // line's boxed product; every text is moved or held in place.
    assert!(
        conversion <= 5,
        "order conversion: {conversion} allocations (limit 5)"
    );
    let (report, rules) =
        counted(|| validator.check_order(order.value(), Declaration::Order, &context));
    assert!(report.is_empty(), "{report:?}");
    // A clean order: the rules allocate nothing but the declared-tax
    // rules' tax assessment (`tax::assess`), which holds its lines (the
    // assessment's own values) on the heap; its working lists of a few
    // lines, codes and rates stand in place.
    assert!(
        rules <= 1,
        "2-line order, rules: {rules} allocations (limit 1, the tax assessment's lines)"
    );
    let mut without_tax = RuleSet::standard();
    for code in [
        "tax.declared_mismatch",
        "tax.declared_mismatch_default_rate",
        "tax.declared_unchecked",
    ] {
        assert!(without_tax.disable(&Code::new(code)), "{code}");
    }
    let without_tax = Validator::new(without_tax);
    let (report, other_rules) =
        counted(|| without_tax.check_order(order.value(), Declaration::Order, &context));
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(
        other_rules, 0,
        "the rules other than the declared-tax ones allocated on a clean order"
    );
    println!(
        "2-line order: conversion {conversion} allocations ({blocks} heap blocks in the domain value), rules {rules} (clean; {other_rules} without the declared-tax rules)"
    );
    let (checked, all) = counted(|| {
        let w: wire::Order = wire::from_json(support::ORDER_2.as_bytes()).unwrap();
        validator.validate_order(w, Declaration::Order, &context)
    });
    assert!(checked.report().is_empty());
    // The wire value's blocks (lists, boxes, long texts, the free-form
    // campaign data), the conversion's 5 and the tax assessment's 1.
    assert!(
        all <= 27,
        "2-line order, parse and full path: {all} allocations (limit 27)"
    );
    println!("2-line order, parse and full path: {all} allocations");
}
