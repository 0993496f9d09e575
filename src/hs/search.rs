//! [`search`]: HS candidates for a product name, in English or Chinese.
//!
//! Two sources of evidence are combined:
//!
//! 1. The everyday-word tables `data/hs/terms_en.csv` and
//!    `data/hs/terms_zh.csv` (term, HS heading or subheading, reason): the
//!    words sellers use that the nomenclature does not ("lipstick",
//!    "power bank", "口红", "充电宝"). English terms match as whole word
//!    sequences of the query (after the same stemming as the descriptions),
//!    Chinese terms as substrings; at each position of the query the longest
//!    term wins.
//! 2. Word matching over the descriptions of headings and subheadings: an
//!    inverted index built once per edition, with lower-casing, simple
//!    English stemming (plurals), stop words, and BM25 weights.
//!
//! 3. A character n-gram fallback for Chinese, when no whole Chinese term
//!    is in the query: single characters and pairs of adjacent characters,
//!    weighted by rarity, matched against the Chinese terms and the Chinese
//!    chapter titles (`data/hs/titles_zh.csv`), cosine-normalised. The best
//!    few give approximate hits ([`SearchHit::approximate`]), scored below
//!    any whole term, so a Chinese query that names a product is not left
//!    without an answer.
//!
//! A heading's subheadings inherit part of a table hit on the heading, and a
//! heading part of its best subheading's score, so the list holds both the
//! subheadings and the headings they belong to. Ties are broken by code.
//!
//! The score buffers (one slot per entry of the edition) live in a
//! [`Searcher`] and are reset only where the previous query wrote, so a
//! query costs what it touches, not the size of the nomenclature. [`search`]
//! and [`search_with`] keep one `Searcher` per edition and thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::{HsEdition, HsEntry, HsLevel, Nomenclature, titles};

const TERMS_EN: &str = include_str!("../../data/hs/terms_en.csv");
const TERMS_ZH: &str = include_str!("../../data/hs/terms_zh.csv");

/// How many hits [`search`] returns at most.
///
/// # Example
///
/// ```
/// use crossborder::hs;
/// assert!(hs::search("steel").len() <= hs::DEFAULT_LIMIT);
/// ```
pub const DEFAULT_LIMIT: usize = 10;

/// Score of a table hit covering the whole query.
const TERM_SCORE: f32 = 20.0;
/// Share of a heading's table score given to each of its subheadings.
const INHERIT_DOWN: f32 = 0.5;
/// Share of a subheading's score given to its heading.
const INHERIT_UP: f32 = 0.9;
/// Each further table row for the same term scores this much less.
const ALTERNATIVE_STEP: f32 = 0.15;
/// BM25 parameters.
const K1: f32 = 1.2;
const B: f32 = 0.5;
/// Longest token kept (longer ones are cut: no real word is longer).
const MAX_TOKEN: usize = 31;
/// Score of the best character n-gram match: below any whole table term
/// (at least `0.6 * TERM_SCORE`) and about a strong description word.
const FUZZY_SCORE: f32 = 8.0;
/// Fallback documents kept: those within this share of the best one ...
const FUZZY_KEEP: f32 = 0.6;
/// ... and at most this many.
const FUZZY_DOCS: usize = 4;
/// A pair of adjacent characters counts this much more than one character.
const BIGRAM: f32 = 2.0;
/// Characters that carry no product meaning in the Chinese titles ("及",
/// "其他", "的", "类似品"); they are left out of the n-grams.
const STOP_HAN: &[char] = &[
    '上', '之', '他', '似', '其', '和', '或', '的', '类', '述', '及', '与', '等', '各', '种',
];

/// Words that carry no product meaning, in descriptions ("of", "other",
/// "n.e.c.") or in seller titles ("new", "hot", "sale").
const STOP_WORDS: &[&str] = &[
    "a",
    "all",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "being",
    "best",
    "but",
    "by",
    "chapter",
    "cheap",
    "containing",
    "cute",
    "do",
    "etc",
    "excluding",
    "fashion",
    "for",
    "free",
    "from",
    "good",
    "having",
    "heading",
    "high",
    "hot",
    "in",
    "including",
    "into",
    "is",
    "it",
    "item",
    "its",
    "kind",
    "made",
    "mainly",
    "nec",
    "new",
    "no",
    "not",
    "of",
    "on",
    "or",
    "other",
    "otherwise",
    "premium",
    "principally",
    "put",
    "quality",
    "sale",
    "set",
    "shipping",
    "similar",
    "solely",
    "style",
    "subheading",
    "such",
    "than",
    "that",
    "the",
    "their",
    "thereof",
    "these",
    "this",
    "those",
    "to",
    "type",
    "up",
    "use",
    "used",
    "whether",
    "which",
    "with",
    "without",
];

/// A candidate of [`search`]: an entry (subheading or heading) and its score.
///
/// # Example
///
/// ```
/// use crossborder::hs;
///
/// let hits = hs::search("bluetooth headphones");
/// let top = hits.first().ok_or("no hit")?;
/// assert_eq!(top.code(), "851830");
/// assert_eq!(top.heading().map(|h| h.code()), Some("8518"));
/// assert!(top.score() > 0.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchHit {
    entry: HsEntry,
    score: f32,
    term: Option<&'static Term>,
    approximate: bool,
}

impl SearchHit {
    /// The entry found: a subheading or a heading, or a chapter from the
    /// Chinese character fallback (see [`SearchHit::approximate`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsLevel};
    /// let hits = hs::search("lipstick");
    /// assert_eq!(hits[0].entry().level(), HsLevel::Subheading);
    /// ```
    pub fn entry(&self) -> HsEntry {
        self.entry
    }

    /// The entry's code.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::hs;
    /// assert_eq!(hs::search("口红")[0].code(), "330410");
    /// ```
    pub fn code(&self) -> &'static str {
        self.entry.code()
    }

    /// The entry's English description.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::hs;
    /// assert!(hs::search("lipstick")[0].description().contains("lip make-up"));
    /// ```
    pub fn description(&self) -> &'static str {
        self.entry.description()
    }

    /// The relevance score: higher is better. Only the order of scores of one
    /// query means something.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::hs;
    /// let hits = hs::search("cotton t-shirts");
    /// assert!(hits.windows(2).all(|w| w[0].score() >= w[1].score()));
    /// ```
    pub fn score(&self) -> f32 {
        self.score
    }

    /// The heading of the entry (the entry itself for a heading).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::hs;
    /// assert_eq!(hs::search("power bank")[0].heading().map(|h| h.code()), Some("8507"));
    /// ```
    pub fn heading(&self) -> Option<HsEntry> {
        self.entry.heading()
    }

    /// The everyday-word table term that led to this entry, if any.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::hs;
    /// assert_eq!(hs::search("Power Banks 20000mAh")[0].term(), Some("power bank"));
    /// ```
    pub fn term(&self) -> Option<&'static str> {
        self.term.map(|t| t.text)
    }

    /// Why the table sends the term to this code, if a term led here.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::hs;
    /// assert!(hs::search("power bank")[0].reason().is_some());
    /// ```
    pub fn reason(&self) -> Option<&'static str> {
        self.term.map(|t| t.reason)
    }

    /// Whether the hit comes from the Chinese character fallback: no whole
    /// term of the tables was in the query, and this entry shares characters
    /// with a term ([`SearchHit::term`] says which) or with its chapter's
    /// Chinese title ([`HsEntry::title_zh`]; the entry is then the chapter).
    /// Show such hits as suggestions to confirm.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsLevel};
    /// // "遥控赛车" (a remote-control racing car) is in no table; "遥控车" is.
    /// let hits = hs::search("遥控赛车");
    /// assert!(hits[0].approximate());
    /// assert_eq!(hits[0].term(), Some("遥控车"));
    /// assert_eq!(hits[0].heading().map(|h| h.code()), Some("9503"));
    /// // "软木塞" (a cork stopper) is in no term: chapter 45's title says "软木".
    /// let hits = hs::search("软木塞");
    /// assert_eq!(hits[0].entry().level(), HsLevel::Chapter);
    /// assert_eq!(hits[0].code(), "45");
    /// assert_eq!(hits[0].entry().title_zh(), Some("软木及软木制品"));
    /// assert!(!hs::search("口红")[0].approximate());
    /// ```
    pub fn approximate(&self) -> bool {
        self.approximate
    }
}

/// Searches HS 2022 for a product name, in English or Chinese; at most
/// [`DEFAULT_LIMIT`] hits, best first. An empty or meaningless query gives no
/// hits.
///
/// Reuses a [`Searcher`] kept for the calling thread (one per edition, about
/// 90 KB each, freed when the thread ends).
///
/// # Example
///
/// ```
/// use crossborder::hs;
///
/// let hits = hs::search("Wireless Earbuds");
/// assert_eq!(hits[0].heading().map(|h| h.code()), Some("8518"));
/// let hits = hs::search("手机壳");
/// assert_eq!(hits[0].heading().map(|h| h.code()), Some("4202"));
/// assert!(hs::search("").is_empty());
/// assert!(hs::search("qwzx vbnm").is_empty());
/// ```
pub fn search(query: &str) -> Vec<SearchHit> {
    search_with(query, HsEdition::Hs2022, DEFAULT_LIMIT)
}

/// Searches an edition for a product name; at most `limit` hits, best first,
/// ties broken by code. Reuses the calling thread's [`Searcher`] for the
/// edition, like [`search`].
///
/// # Example
///
/// ```
/// use crossborder::{hs, HsEdition};
///
/// let hits = hs::search_with("sneakers", HsEdition::Hs2017, 3);
/// assert!(hits.len() <= 3);
/// assert_eq!(hits[0].heading().map(|h| h.code()), Some("6404"));
/// assert_eq!(hits[0].entry().edition(), HsEdition::Hs2017);
/// ```
pub fn search_with(query: &str, edition: HsEdition, limit: usize) -> Vec<SearchHit> {
    if limit == 0 {
        return Vec::new();
    }
    thread_local! {
        static SEARCHERS: RefCell<[Option<Searcher>; 2]> = const { RefCell::new([None, None]) };
    }
    let slot = match edition {
        HsEdition::Hs2017 => 0,
        HsEdition::Hs2022 => 1,
    };
    // The thread's searcher is busy only if a search is running on this
    // thread already (it never calls back), or gone while the thread ends:
    // then a fresh one does the job.
    SEARCHERS
        .try_with(|cell| {
            let mut slots = cell.try_borrow_mut().ok()?;
            let searcher = slots[slot].get_or_insert_with(|| Searcher::new(edition));
            Some(searcher.search(query, limit))
        })
        .ok()
        .flatten()
        .unwrap_or_else(|| Searcher::new(edition).search(query, limit))
}

/// A search over one edition that keeps its score buffers between queries.
///
/// Each query needs a score per entry of the nomenclature; a `Searcher`
/// allocates them once and afterwards resets only the slots the previous
/// query wrote, so a query costs what it touches, whatever the size of the
/// edition. [`search`] and [`search_with`] use one per edition and thread;
/// make your own to hold one per worker, or to search without any
/// thread-local state. It is `Send` (move it to another thread) but searching
/// takes `&mut self`: one query at a time.
///
/// # Example
///
/// ```
/// use crossborder::HsEdition;
/// use crossborder::hs::{self, Searcher};
///
/// let mut searcher = Searcher::new(HsEdition::Hs2022);
/// for name in ["蓝牙耳机", "cotton t-shirt", "婴儿推车"] {
///     let hits = searcher.search(name, 5);
///     assert_eq!(hits, hs::search_with(name, HsEdition::Hs2022, 5));
/// }
/// assert_eq!(searcher.search("power bank", 1)[0].code(), "850760");
/// assert_eq!(searcher.edition(), HsEdition::Hs2022);
/// ```
#[derive(Clone)]
pub struct Searcher {
    index: &'static Index,
    scratch: Scratch,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("edition", &self.index.hs.edition())
            .finish_non_exhaustive()
    }
}

impl Searcher {
    /// A searcher for an edition. Builds the edition's search index on
    /// first use in the process (a few milliseconds), then allocates the
    /// buffers (about 90 KB).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{hs::Searcher, HsEdition};
    /// let mut s = Searcher::new(HsEdition::Hs2017);
    /// assert_eq!(s.search("lipstick", 1)[0].code(), "330410");
    /// ```
    pub fn new(edition: HsEdition) -> Searcher {
        let index = Index::get(edition);
        Searcher {
            index,
            scratch: Scratch::new(index),
        }
    }

    /// The edition searched.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{hs::Searcher, HsEdition};
    /// assert_eq!(Searcher::new(HsEdition::Hs2017).edition(), HsEdition::Hs2017);
    /// ```
    pub fn edition(&self) -> HsEdition {
        self.index.hs.edition()
    }

    /// Searches for a product name; at most `limit` hits, best first, ties
    /// broken by code: the same answer as [`search_with`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{hs::Searcher, HsEdition};
    /// let mut s = Searcher::new(HsEdition::Hs2022);
    /// assert_eq!(s.search("男士运动鞋", 3)[0].heading().map(|h| h.code()), Some("6404"));
    /// assert!(s.search("lipstick", 0).is_empty());
    /// ```
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<SearchHit> {
        if limit == 0 {
            return Vec::new();
        }
        self.index.search(&mut self.scratch, query, limit)
    }
}

/// One row of a term table.
#[derive(Debug, PartialEq)]
pub(crate) struct Term {
    text: &'static str,
    reason: &'static str,
    /// Stemmed tokens (English) or the lower-cased text (Chinese).
    tokens: Vec<Box<str>>,
    /// The node of the code in this edition; the rows of one term are kept
    /// in table order (first = preferred).
    node: u32,
    /// 0 for the first row of a term, 1 for the next, ...
    rank: u8,
}

struct Index {
    hs: &'static Nomenclature,
    /// Stemmed word -> (doc node, BM25 length factor) for headings and
    /// subheadings.
    postings: HashMap<Box<str>, Vec<(u32, f32)>>,
    docs: f32,
    /// English terms by their first token, longest first.
    en: HashMap<Box<str>, Vec<Term>>,
    /// The Chinese term rows, in table order.
    zh_terms: Vec<Term>,
    /// Chinese terms (indexes into `zh_terms`) by their first character,
    /// longest first.
    zh: HashMap<char, Vec<u32>>,
    /// The character n-gram fallback: gram -> (weight, documents).
    grams: GramIndex,
    fuzzy_docs: Vec<FuzzyDoc>,
}

/// One character (`(c, '\0')`) or two adjacent ones.
type Gram = (char, char);

/// Gram -> (its weight, the fallback documents that have it).
type GramIndex = HashMap<Gram, (f32, Vec<u32>)>;

/// A document of the n-gram fallback: a Chinese term (all its rows) or a
/// chapter's Chinese title.
struct FuzzyDoc {
    /// 1 / the length of its weight vector (cosine normalisation).
    norm: f32,
    target: FuzzyTarget,
}

enum FuzzyTarget {
    /// Indexes into `zh_terms`, first row first.
    Term(Box<[u32]>),
    /// The chapter's node.
    Chapter(u32),
}

static INDEX_2022: OnceLock<Index> = OnceLock::new();
static INDEX_2017: OnceLock<Index> = OnceLock::new();

impl Index {
    fn get(edition: HsEdition) -> &'static Index {
        match edition {
            HsEdition::Hs2022 => INDEX_2022.get_or_init(|| Index::build(edition)),
            HsEdition::Hs2017 => INDEX_2017.get_or_init(|| Index::build(edition)),
        }
    }

    fn build(edition: HsEdition) -> Index {
        let hs = edition.nomenclature();
        let mut postings: HashMap<Box<str>, Vec<(u32, f32)>> = HashMap::new();
        let mut lengths: Vec<(u32, usize)> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for (id, node) in hs.nodes.iter().enumerate() {
            if !matches!(node.level, HsLevel::Heading | HsLevel::Subheading) {
                continue;
            }
            words.clear();
            for_each_word(&affirmed(&node.description), |w, _| {
                if !is_stop(w) {
                    words.push(w.to_owned());
                }
            });
            lengths.push((id as u32, words.len()));
            words.sort_unstable();
            words.dedup();
            for w in &words {
                postings
                    .entry(w.as_str().into())
                    .or_default()
                    .push((id as u32, 0.0));
            }
        }
        let docs = lengths.len() as f32;
        let avg = lengths.iter().map(|&(_, l)| l as f32).sum::<f32>() / docs.max(1.0);
        let mut factor = vec![0.0f32; hs.nodes.len()];
        for &(id, len) in &lengths {
            factor[id as usize] = (K1 + 1.0) / (1.0 + K1 * (1.0 - B + B * len as f32 / avg));
        }
        for list in postings.values_mut() {
            for p in list.iter_mut() {
                p.1 = factor[p.0 as usize];
            }
        }
        let mut en: HashMap<Box<str>, Vec<Term>> = HashMap::new();
        for term in parse_terms(hs, TERMS_EN, Script::Latin) {
            if let Some(first) = term.tokens.first() {
                en.entry(first.clone()).or_default().push(term);
            }
        }
        let zh_terms = parse_terms(hs, TERMS_ZH, Script::Han);
        let mut zh: HashMap<char, Vec<u32>> = HashMap::new();
        for (i, term) in zh_terms.iter().enumerate() {
            if let Some(first) = term.tokens.first().and_then(|t| t.chars().next()) {
                zh.entry(first).or_default().push(i as u32);
            }
        }
        // Longest first; the rows of one term stay together in table order.
        for list in en.values_mut() {
            list.sort_by_key(|t| std::cmp::Reverse(t.tokens.len()));
        }
        for list in zh.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(zh_terms[i as usize].tokens[0].len()));
        }
        let (grams, fuzzy_docs) = build_fuzzy(hs, &zh_terms);
        Index {
            hs,
            postings,
            docs,
            en,
            zh_terms,
            zh,
            grams,
            fuzzy_docs,
        }
    }

    fn search(&'static self, s: &mut Scratch, query: &str, limit: usize) -> Vec<SearchHit> {
        s.reset();
        let lower = query.to_lowercase();
        for_each_word(&lower, |w, end| {
            let mut t = Token::default();
            t.set(w, end);
            s.tokens.push(t)
        });

        // 1. Table terms. A term's weight grows with the share of the query
        // it covers (an English word is one unit, a Chinese character half
        // a unit) and, a little, with its position: product names put the
        // head noun last in both languages ("iPhone 15 手机壳" is a case).
        let content = s.tokens.iter().filter(|t| !is_stop(t.as_str())).count() as f32;
        let han = lower
            .chars()
            .filter(|c| !c.is_ascii() && c.is_alphanumeric())
            .count() as f32;
        let units = content + 0.5 * han;
        let weight = |covered: f32, end: usize| {
            let share = (covered / units.max(covered)).min(1.0);
            let position = end as f32 / lower.len().max(1) as f32;
            TERM_SCORE * (0.6 + 0.3 * share + 0.1 * position)
        };
        let mut i = 0;
        while i < s.tokens.len() {
            match self.longest_en(&s.tokens[i..]) {
                Some((len, rows)) => {
                    let span = &s.tokens[i..i + len];
                    let covered = span.iter().filter(|t| !is_stop(t.as_str())).count().max(1);
                    let end = span.last().map_or(0, |t| t.end);
                    let w = weight(covered as f32, end);
                    s.term_hits.extend(rows.map(|t| (t, w)));
                    for t in &mut s.tokens[i..i + len] {
                        t.in_term = true;
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        let mut zh_hit = false;
        if han > 0.0 {
            let mut at = 0;
            while let Some(c) = lower[at..].chars().next() {
                match self.longest_zh(&lower[at..]) {
                    Some((bytes, rows)) => {
                        let chars = lower[at..at + bytes]
                            .chars()
                            .filter(|c| !c.is_ascii())
                            .count();
                        let w = weight(0.5 * chars as f32, at + bytes);
                        s.term_hits.extend(rows.map(|t| (t, w)));
                        zh_hit = true;
                        at += bytes;
                    }
                    None => at += c.len_utf8(),
                }
            }
        }
        let acc = &mut s.acc;
        for &(t, w) in &s.term_hits {
            self.term_scores(t, w, |node, w| acc.add(node, w, Some(t), false));
        }

        // 2. Words of the descriptions (BM25), each distinct word once.
        // Words inside a table term have had their say: "camera drone" is
        // a drone, and "camera" must not pull the camera subheadings over it.
        // (Distinct by sorting the positions: no quadratic scan on a long
        // query; then back in query order.)
        let tokens = &s.tokens;
        s.words.extend(
            (0..tokens.len() as u32)
                .filter(|&k| !tokens[k as usize].in_term && !is_stop(tokens[k as usize].as_str())),
        );
        s.words.sort_by(|&a, &b| {
            tokens[a as usize]
                .as_str()
                .cmp(tokens[b as usize].as_str())
                .then(a.cmp(&b))
        });
        s.words
            .dedup_by(|a, b| tokens[*a as usize].as_str() == tokens[*b as usize].as_str());
        s.words.sort_unstable();
        for &k in &s.words {
            let w = s.tokens[k as usize].as_str();
            let Some(list) = self.postings.get(w) else {
                continue;
            };
            let df = list.len() as f32;
            let idf = (1.0 + (self.docs - df + 0.5) / (df + 0.5)).ln();
            for &(doc, factor) in list {
                s.acc.add(doc, idf * factor, None, false);
            }
        }

        // 3. No whole Chinese term: characters and pairs of them.
        if !zh_hit && han > 0.0 {
            self.fuzzy(s, &lower);
        }

        // 4. Headings share their best subheading's score.
        let acc = &mut s.acc;
        for k in 0..acc.touched.len() {
            let id = acc.touched[k];
            let entry = self.hs.entry(id);
            if entry.level() == HsLevel::Subheading
                && let Some(parent) = entry.parent()
            {
                let sc = acc.score[id as usize] * INHERIT_UP;
                let pid = parent.node_id();
                if sc > acc.score[pid as usize] {
                    let term = acc.term[id as usize];
                    let approximate = acc.approximate[id as usize];
                    acc.raise(pid, sc, term, approximate);
                }
            }
        }

        s.hits(self.hs, limit)
    }

    /// The scores a table row gives: to its code, less for an alternative
    /// row, and part of it to each subheading when the code is a heading.
    fn term_scores(&self, t: &Term, w: f32, mut f: impl FnMut(u32, f32)) {
        let w = w * (1.0 - ALTERNATIVE_STEP * f32::from(t.rank)).max(0.3);
        f(t.node, w);
        let entry = self.hs.entry(t.node);
        if entry.level() == HsLevel::Heading {
            for child in entry.children() {
                f(child.node_id(), w * INHERIT_DOWN);
            }
        }
    }

    /// The n-gram fallback: scores every document sharing a gram with the
    /// query, keeps the best few, and scores their codes.
    fn fuzzy(&'static self, s: &mut Scratch, lower: &str) {
        s.grams.clear();
        for_each_gram(lower, |g| s.grams.push(g));
        s.grams.sort_unstable();
        s.grams.dedup();
        for &g in &s.grams {
            let Some((w, docs)) = self.grams.get(&g) else {
                continue;
            };
            for &d in docs {
                let slot = &mut s.fuzzy[d as usize];
                if *slot == 0.0 {
                    s.fuzzy_touched.push(d);
                }
                *slot += w;
            }
        }
        // Cosine similarity, up to the query's norm (the same for all).
        let mut best: Vec<(f32, u32)> = Vec::with_capacity(FUZZY_DOCS + 1);
        for &d in &s.fuzzy_touched {
            let sim = s.fuzzy[d as usize] * self.fuzzy_docs[d as usize].norm;
            // Keep the FUZZY_DOCS best, ties to the earlier document.
            let pos = best
                .iter()
                .position(|&(bs, bd)| sim > bs || (sim == bs && d < bd))
                .unwrap_or(best.len());
            if pos < FUZZY_DOCS {
                best.insert(pos, (sim, d));
                best.truncate(FUZZY_DOCS);
            }
        }
        let Some(&(top, _)) = best.first() else {
            return;
        };
        // Several documents may point at one code (婴儿奶粉 and 婴儿米粉 at
        // 1901.10): it gets the best of them, not their sum.
        let hits = &mut s.fuzzy_hits;
        for &(sim, d) in &best {
            if sim < FUZZY_KEEP * top {
                break;
            }
            let w = FUZZY_SCORE * sim / top;
            match &self.fuzzy_docs[d as usize].target {
                FuzzyTarget::Term(rows) => {
                    for &r in rows.iter() {
                        let t = &self.zh_terms[r as usize];
                        self.term_scores(t, w, |node, w| hits.push((node, w, Some(t))));
                    }
                }
                FuzzyTarget::Chapter(node) => hits.push((*node, w, None)),
            }
        }
        hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        hits.dedup_by_key(|h| h.0);
        for &(node, w, term) in hits.iter() {
            s.acc.add(node, w, term, true);
        }
    }

    fn longest_en<'a>(
        &'a self,
        tokens: &[Token],
    ) -> Option<(usize, impl Iterator<Item = &'a Term> + use<'a>)> {
        let list = self.en.get(tokens.first()?.as_str())?;
        let best = list.iter().find(|t| {
            t.tokens.len() <= tokens.len()
                && t.tokens
                    .iter()
                    .zip(tokens)
                    .all(|(a, b)| a.as_ref() == b.as_str())
        })?;
        let len = best.tokens.len();
        let text = best.text;
        Some((len, list.iter().filter(move |t| t.text == text)))
    }

    fn longest_zh<'a>(
        &'a self,
        rest: &str,
    ) -> Option<(usize, impl Iterator<Item = &'a Term> + use<'a>)> {
        let list = self.zh.get(&rest.chars().next()?)?;
        let terms = &self.zh_terms;
        let best = list
            .iter()
            .map(|&i| &terms[i as usize])
            .find(|t| rest.starts_with(t.tokens[0].as_ref()))?;
        let text = best.text;
        Some((
            best.tokens[0].len(),
            list.iter()
                .map(move |&i| &terms[i as usize])
                .filter(move |t| t.text == text),
        ))
    }
}

/// The n-gram fallback's documents (each Chinese term, each chapter title)
/// and their grams, weighted `ln(1 + documents / documents with the gram)`,
/// twice for a pair.
fn build_fuzzy(hs: &'static Nomenclature, zh_terms: &[Term]) -> (GramIndex, Vec<FuzzyDoc>) {
    let mut texts: Vec<(String, FuzzyTarget)> = Vec::new();
    let mut by_text: HashMap<&str, usize> = HashMap::new();
    let mut rows: Vec<Vec<u32>> = Vec::new();
    for (i, t) in zh_terms.iter().enumerate() {
        let k = *by_text.entry(t.text).or_insert_with(|| {
            rows.push(Vec::new());
            rows.len() - 1
        });
        rows[k].push(i as u32);
    }
    for list in rows {
        let text = zh_terms[list[0] as usize].tokens[0].to_string();
        texts.push((text, FuzzyTarget::Term(list.into_boxed_slice())));
    }
    for (code, title) in titles::chapters() {
        if let Some(e) = hs.lookup(code) {
            texts.push((affirmed_zh(title), FuzzyTarget::Chapter(e.node_id())));
        }
    }
    let mut grams: GramIndex = HashMap::new();
    let mut doc_grams: Vec<Vec<Gram>> = Vec::with_capacity(texts.len());
    for (d, (text, _)) in texts.iter().enumerate() {
        let mut g: Vec<Gram> = Vec::new();
        for_each_gram(text, |x| g.push(x));
        g.sort_unstable();
        g.dedup();
        for &x in &g {
            grams.entry(x).or_default().1.push(d as u32);
        }
        doc_grams.push(g);
    }
    let n = texts.len() as f32;
    for (g, (w, docs)) in grams.iter_mut() {
        let pair = if g.1 == '\0' { 1.0 } else { BIGRAM };
        *w = pair * (1.0 + n / docs.len() as f32).ln();
    }
    let docs = texts
        .into_iter()
        .zip(doc_grams)
        .map(|((_, target), g)| {
            let len = g
                .iter()
                .filter_map(|x| grams.get(x))
                .map(|(w, _)| w * w)
                .sum::<f32>()
                .sqrt();
            FuzzyDoc {
                norm: if len > 0.0 { 1.0 / len } else { 0.0 },
                target,
            }
        })
        .collect();
    (grams, docs)
}

/// Calls `f` with each Han character of the text and each pair of adjacent
/// ones; anything else, and the characters of [`STOP_HAN`], separate runs.
fn for_each_gram(text: &str, mut f: impl FnMut(Gram)) {
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if !is_han(c) || STOP_HAN.contains(&c) {
            prev = None;
            continue;
        }
        f((c, '\0'));
        if let Some(p) = prev {
            f((p, c));
        }
        prev = Some(c);
    }
}

/// CJK Unified Ideographs and Extension A.
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// A Chinese title without its exclusions: "（铁道及电车道车辆除外）".
fn affirmed_zh(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find('（') {
        out.push_str(&rest[..open]);
        let group = &rest[open..];
        let close = group
            .find('）')
            .map_or(group.len(), |i| i + '）'.len_utf8());
        let inner = &group[..close];
        if !inner.contains("除外") {
            out.push_str(inner);
        }
        rest = &group[close..];
    }
    out.push_str(rest);
    out
}

/// A searcher's buffers: the scores per node and per fallback document, the
/// lists of slots written (so only those are read and reset), and the
/// query's tokens and term hits.
#[derive(Clone)]
struct Scratch {
    acc: Accumulator,
    fuzzy: Vec<f32>,
    fuzzy_touched: Vec<u32>,
    fuzzy_hits: Vec<(u32, f32, Option<&'static Term>)>,
    grams: Vec<Gram>,
    tokens: Vec<Token>,
    /// Positions in `tokens` of the distinct description words.
    words: Vec<u32>,
    term_hits: Vec<(&'static Term, f32)>,
    hits: Vec<SearchHit>,
}

impl Scratch {
    fn new(index: &Index) -> Scratch {
        Scratch {
            acc: Accumulator::new(index.hs.nodes.len()),
            fuzzy: vec![0.0; index.fuzzy_docs.len()],
            fuzzy_touched: Vec::with_capacity(64),
            fuzzy_hits: Vec::with_capacity(64),
            grams: Vec::with_capacity(16),
            tokens: Vec::with_capacity(8),
            words: Vec::with_capacity(8),
            term_hits: Vec::with_capacity(16),
            hits: Vec::with_capacity(256),
        }
    }

    /// Undoes what the previous query wrote: O(slots written).
    fn reset(&mut self) {
        self.acc.reset();
        for &d in &self.fuzzy_touched {
            self.fuzzy[d as usize] = 0.0;
        }
        self.fuzzy_touched.clear();
        self.fuzzy_hits.clear();
        self.tokens.clear();
        self.words.clear();
        self.term_hits.clear();
        self.hits.clear();
    }

    /// The `limit` best hits, best first, ties broken by code.
    fn hits(&mut self, hs: &'static Nomenclature, limit: usize) -> Vec<SearchHit> {
        let acc = &self.acc;
        self.hits.extend(
            acc.touched
                .iter()
                .filter(|&&id| acc.score[id as usize] > 0.0)
                .map(|&id| SearchHit {
                    entry: hs.entry(id),
                    score: acc.score[id as usize],
                    term: acc.term[id as usize],
                    approximate: acc.approximate[id as usize],
                }),
        );
        let order = |a: &SearchHit, b: &SearchHit| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.entry.code().cmp(b.entry.code()))
        };
        if self.hits.len() > limit {
            self.hits.select_nth_unstable_by(limit - 1, order);
            self.hits.truncate(limit);
        }
        self.hits.sort_unstable_by(order);
        self.hits.clone()
    }
}

/// Scores per node, with the list of nodes touched (so only those are read
/// and reset).
#[derive(Clone)]
struct Accumulator {
    score: Vec<f32>,
    term: Vec<Option<&'static Term>>,
    approximate: Vec<bool>,
    touched: Vec<u32>,
}

impl Accumulator {
    fn new(nodes: usize) -> Accumulator {
        Accumulator {
            score: vec![0.0; nodes],
            term: vec![None; nodes],
            approximate: vec![false; nodes],
            touched: Vec::with_capacity(256),
        }
    }

    fn reset(&mut self) {
        for &id in &self.touched {
            let id = id as usize;
            self.score[id] = 0.0;
            self.term[id] = None;
            self.approximate[id] = false;
        }
        self.touched.clear();
    }

    fn add(&mut self, id: u32, s: f32, term: Option<&'static Term>, approximate: bool) {
        let i = id as usize;
        if self.score[i] == 0.0 {
            self.touched.push(id);
        }
        self.score[i] += s;
        if let Some(t) = term
            && self.term[i].is_none()
        {
            self.term[i] = Some(t);
        }
        self.approximate[i] |= approximate;
    }

    fn raise(&mut self, id: u32, s: f32, term: Option<&'static Term>, approximate: bool) {
        let i = id as usize;
        if self.score[i] == 0.0 {
            self.touched.push(id);
        }
        self.score[i] = s;
        if self.term[i].is_none() {
            self.term[i] = term;
        }
        self.approximate[i] |= approximate;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Han,
}

/// Reads a `term,code,reason` table for an edition.
fn parse_terms(hs: &'static Nomenclature, csv: &'static str, script: Script) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for line in csv.lines().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, ',');
        let (Some(text), Some(code), reason) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let reason = reason.unwrap_or("");
        let reason = reason
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .unwrap_or(reason);
        // A subheading new in HS 2022 (smartphones, 8517.13) falls back to
        // its heading in HS 2017; a heading new in HS 2022 (drones, 88.06)
        // leaves the row out.
        let Some(entry) = hs
            .lookup(code)
            .or_else(|| code.get(..4).and_then(|h| hs.lookup(h)))
        else {
            continue;
        };
        let tokens: Vec<Box<str>> = match script {
            Script::Latin => {
                let mut v = Vec::new();
                for_each_word(&text.to_lowercase(), |w, _| v.push(w.into()));
                v
            }
            Script::Han => vec![text.to_lowercase().into()],
        };
        if tokens.is_empty() {
            continue;
        }
        let rank = out
            .iter()
            .rev()
            .take_while(|t| t.text == text)
            .count()
            .min(u8::MAX as usize) as u8;
        out.push(Term {
            text,
            reason,
            tokens,
            node: entry.node_id(),
            rank,
        });
    }
    out
}

/// A stemmed word kept on the stack, with the byte offset where it ends in
/// the query.
#[derive(Clone, Default)]
struct Token {
    buf: [u8; MAX_TOKEN + 1],
    len: u8,
    end: usize,
    in_term: bool,
}

impl Token {
    fn set(&mut self, w: &str, end: usize) {
        let n = w.len().min(self.buf.len());
        self.buf[..n].copy_from_slice(&w.as_bytes()[..n]);
        self.len = n as u8;
        self.end = end;
    }

    fn as_str(&self) -> &str {
        // Only ASCII is ever stored.
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or("")
    }
}

/// Calls `f` with each stemmed ASCII word of lower-cased text. Anything not
/// an ASCII letter or digit separates words ("t-shirt" gives "t", "shirt";
/// "women's" gives "women", "s"); numbers are dropped (`20000mah` is kept,
/// `2024` is not).
fn for_each_word(text: &str, mut f: impl FnMut(&str, usize)) {
    let bytes = text.as_bytes();
    let mut buf = [0u8; MAX_TOKEN + 1];
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let raw = &bytes[start..i];
        if raw.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let n = raw.len().min(MAX_TOKEN);
        for (d, s) in buf.iter_mut().zip(&raw[..n]) {
            *d = s.to_ascii_lowercase();
        }
        let word = std::str::from_utf8(&buf[..n]).unwrap_or("");
        let (base, add_y) = stem(word);
        let m = base.len();
        if add_y {
            // "batteries", "scrunchie" -> "battery", "scrunchy"
            buf[m] = b'y';
        }
        f(
            std::str::from_utf8(&buf[..m + usize::from(add_y)]).unwrap_or(""),
            i,
        );
    }
}

/// The description without what it excludes: "(not knitted or crocheted)",
/// "(other than swimwear)", "(excluding medicaments)", ", other than vacuum
/// cleaners of heading 8508": words there must not make the entry match.
/// Lower-cased.
fn affirmed(description: &str) -> String {
    const NEGATIONS: [&str; 5] = ["not ", "other than ", "excluding ", "except ", "but not "];
    let text = description.to_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let open = rest.starts_with('(');
        let body = if open { &rest[1..] } else { rest };
        if NEGATIONS.iter().any(|n| body.starts_with(n)) {
            // Skip to the end of the group (a parenthesis) or the clause.
            let mut depth = usize::from(open);
            let mut end = rest.len();
            for (i, c) in rest.char_indices().skip(usize::from(open)) {
                match c {
                    '(' => depth += 1,
                    ')' if depth > 0 => {
                        depth -= 1;
                        if depth == 0 && open {
                            end = i + 1;
                            break;
                        }
                    }
                    ')' | ';' | ',' if depth == 0 => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            out.push(' ');
            rest = &rest[end..];
            continue;
        }
        // Copy up to the next word start.
        let mut chars = rest.char_indices();
        let mut next = rest.len();
        if let Some((_, c)) = chars.next() {
            out.push(c);
            let word = c.is_ascii_alphanumeric();
            for (i, c) in chars {
                if c == '('
                    || (!word && c.is_ascii_alphanumeric())
                    || (word && !c.is_ascii_alphanumeric())
                {
                    next = i;
                    break;
                }
                out.push(c);
            }
        }
        rest = &rest[next..];
    }
    out
}

/// Plural endings off: "headphones" -> "headphone", "watches" -> "watch",
/// "dresses" -> "dress". Words in "-ies" and "-ie" both end in "y", so
/// "batteries" meets "battery" and "scrunchies" meets "scrunchie": the
/// second value says to append the "y" to the first.
fn stem(w: &str) -> (&str, bool) {
    let n = w.len();
    if n <= 3 {
        return (w, false);
    }
    if n > 4
        && let Some(s) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ie"))
    {
        return (s, true);
    }
    for end in ["sses", "ches", "shes", "xes", "zes"] {
        if w.ends_with(end) {
            return (&w[..n - 2], false);
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return (w, false);
    }
    (w.strip_suffix('s').unwrap_or(w), false)
}

/// Stop words, and single letters ("t" of "t-shirt", "s" of "women's"),
/// which count only inside table terms.
fn is_stop(w: &str) -> bool {
    w.len() < 2 || STOP_WORDS.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_word(&text.to_lowercase(), |w, _| v.push(w.to_owned()));
        v
    }

    #[test]
    fn a_searcher_can_move_between_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Searcher>();
        send_sync::<SearchHit>();
    }

    #[test]
    fn titles_lose_their_exclusions() {
        assert_eq!(
            affirmed_zh("车辆及其零件、附件（铁道及电车道车辆除外）"),
            "车辆及其零件、附件"
        );
        assert_eq!(affirmed_zh("回收（废碎）纸或纸板"), "回收（废碎）纸或纸板");
        assert_eq!(affirmed_zh("开（未闭合"), "开（未闭合");
        assert_eq!(affirmed_zh("甲（乙除外"), "甲");
        let mut grams = Vec::new();
        for_each_gram("铁道及电车道 x 软木", |g| grams.push(g));
        assert_eq!(
            grams,
            [
                ('铁', '\0'),
                ('道', '\0'),
                ('铁', '道'),
                ('电', '\0'),
                ('车', '\0'),
                ('电', '车'),
                ('道', '\0'),
                ('车', '道'),
                ('软', '\0'),
                ('木', '\0'),
                ('软', '木'),
            ]
        );
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn exclusions_are_not_indexed() {
        assert_eq!(
            words(&affirmed(
                "Dresses; women's, of cotton (not knitted or crocheted)"
            )),
            ["dress", "women", "s", "of", "cotton"]
        );
        assert_eq!(
            words(&affirmed(
                "Appliances; with motor, other than vacuum cleaners of heading 8508"
            )),
            ["appliance", "with", "motor"]
        );
        assert_eq!(
            words(&affirmed(
                "Footwear; (other than sportswear (incl. x)), soles; knotted"
            )),
            ["footwear", "sole", "knotted"]
        );
        assert_eq!(
            words(&affirmed("Knots; nothing (note)")),
            ["knot", "nothing", "note"]
        );
    }

    #[test]
    fn word_forms_meet() {
        assert_eq!(words("Headphones"), words("headphone"));
        assert_eq!(words("T-Shirts"), words("t-shirt"));
        assert_eq!(words("watches"), ["watch"]);
        assert_eq!(words("dresses"), ["dress"]);
        assert_eq!(words("batteries"), ["battery"]);
        assert_eq!(words("Scrunchies"), words("scrunchie"));
        assert_eq!(words("hoodies"), words("hoodie"));
        assert_eq!(words("tie ties"), ["tie", "tie"]);
        assert_eq!(words("glass"), ["glass"]);
        assert_eq!(words("Women's"), ["women", "s"]);
        assert_eq!(words("20000mAh 2024"), ["20000mah"]);
        assert_eq!(words("耳机 x"), ["x"]);
        assert!(is_stop("x") && is_stop("of") && !is_stop("cotton"));
    }
}
