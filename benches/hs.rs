//! HS nomenclature: code look-up and `check` (target < 100 ns), and search
//! over the evaluation set (target: median < 20 µs per query). The search is
//! timed three ways in one run: with fresh score buffers per query (what
//! every query paid before the buffers were kept), through `hs::search_with`
//! (the thread's kept searcher) and through an own `hs::Searcher`.
//!
//! `cargo bench --bench hs -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use crossborder::hs::{self, Searcher};
use crossborder::{HsCode, HsEdition, Nomenclature};

const EVAL: &str = include_str!("../tests/fixtures/hs_eval.csv");

/// The evaluation set's (query, expected heading) pairs. No query or heading
/// contains a comma or a quote, so splitting on commas reads them.
fn eval_queries() -> Vec<(String, String)> {
    EVAL.lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split(',');
            Some((f.next()?.to_owned(), f.next()?.to_owned()))
        })
        .collect()
}

/// Whether the expected heading is among the hits (as a heading, or the
/// heading of a subheading).
fn hit(hits: &[hs::SearchHit], heading: &str) -> bool {
    hits.iter()
        .any(|h| h.code() == heading || h.heading().is_some_and(|e| e.code() == heading))
}

fn lookup(c: &mut Criterion) {
    let hs22 = Nomenclature::get(HsEdition::Hs2022);
    let (Ok(code), Ok(old)) = (HsCode::parse("8518300000"), HsCode::parse("851712")) else {
        unreachable!("both codes are well-formed");
    };
    c.bench_function("hs/lookup_text_subheading", |b| {
        b.iter(|| {
            let e = hs22.lookup(black_box("8518.30"));
            assert_eq!(e.map(|e| e.code()), Some("851830"));
        })
    });
    c.bench_function("hs/subheading_by_hscode", |b| {
        b.iter(|| {
            let e = hs22.subheading(black_box(code));
            assert!(e.is_some());
        })
    });
    c.bench_function("hs/check_exists", |b| {
        b.iter(|| {
            let r = hs::check(black_box(code), HsEdition::Hs2022);
            assert!(r.exists());
        })
    });
    c.bench_function("hs/check_other_edition", |b| {
        b.iter(|| {
            let r = hs::check(black_box(old), HsEdition::Hs2022);
            assert!(r.other_edition().is_some());
        })
    });
}

fn search(c: &mut Criterion) {
    let queries = eval_queries();
    // Build the indexes outside the timing, and learn which queries find
    // their heading in the top 5 (the eval test asserts the rate).
    let known: Vec<bool> = queries
        .iter()
        .map(|(q, heading)| hit(&hs::search_with(q, HsEdition::Hs2022, 5), heading))
        .collect();
    assert!(known.iter().filter(|k| **k).count() * 100 >= queries.len() * 85);
    // The median and the slowest query, printed once (criterion reports the mean).
    let mut times: Vec<f64> = queries
        .iter()
        .map(|(q, _)| {
            let n = 200;
            let start = Instant::now();
            for _ in 0..n {
                black_box(hs::search_with(black_box(q), HsEdition::Hs2022, 5));
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "hs/search per eval query: median {:.2} µs, p90 {:.2} µs, max {:.2} µs ({} queries)",
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1],
        times.len()
    );
    let mut i = 0;
    c.bench_function("hs/search_eval_round_robin", |b| {
        b.iter(|| {
            let k = i % queries.len();
            i += 1;
            let (q, heading) = &queries[k];
            let hits = hs::search_with(black_box(q), HsEdition::Hs2022, 5);
            assert_eq!(hit(&hits, heading), known[k], "{q}");
            black_box(hits)
        })
    });
    let mut i = 0;
    c.bench_function("hs/search_eval_fresh_buffers", |b| {
        b.iter(|| {
            let k = i % queries.len();
            i += 1;
            let (q, heading) = &queries[k];
            let hits = Searcher::new(HsEdition::Hs2022).search(black_box(q), 5);
            assert_eq!(hit(&hits, heading), known[k], "{q}");
            black_box(hits)
        })
    });
    let mut i = 0;
    let mut searcher = Searcher::new(HsEdition::Hs2022);
    c.bench_function("hs/searcher_eval_round_robin", |b| {
        b.iter(|| {
            let k = i % queries.len();
            i += 1;
            let (q, heading) = &queries[k];
            let hits = searcher.search(black_box(q), 5);
            assert_eq!(hit(&hits, heading), known[k], "{q}");
            black_box(hits)
        })
    });
    c.bench_function("hs/search_chinese_fallback", |b| {
        b.iter(|| {
            let hits = hs::search(black_box("遥控赛车"));
            assert!(hits[0].approximate());
            assert_eq!(hits[0].heading().map(|h| h.code()), Some("9503"));
        })
    });
    c.bench_function("hs/search_bluetooth_headphones", |b| {
        b.iter(|| {
            let hits = hs::search(black_box("Wireless Bluetooth Headphones Over Ear"));
            assert_eq!(hits[0].code(), "851830");
        })
    });
    c.bench_function("hs/search_chinese", |b| {
        b.iter(|| {
            let hits = hs::search(black_box("男士运动鞋透气"));
            assert_eq!(hits[0].heading().map(|h| h.code()), Some("6404"));
        })
    });
}

criterion_group!(benches, lookup, search);
criterion_main!(benches);
