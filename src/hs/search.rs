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
//! A heading's subheadings inherit part of a table hit on the heading, and a
//! heading part of its best subheading's score, so the list holds both the
//! subheadings and the headings they belong to. Ties are broken by code.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{HsEdition, HsEntry, HsLevel, Nomenclature};

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
}

impl SearchHit {
    /// The entry found: a subheading or a heading.
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
}

/// Searches HS 2022 for a product name, in English or Chinese; at most
/// [`DEFAULT_LIMIT`] hits, best first. An empty or meaningless query gives no
/// hits.
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
/// ties broken by code.
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
    Index::get(edition).search(query, limit)
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
    /// Chinese terms by their first character, longest first.
    zh: HashMap<char, Vec<Term>>,
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
        let mut zh: HashMap<char, Vec<Term>> = HashMap::new();
        for term in parse_terms(hs, TERMS_ZH, Script::Han) {
            if let Some(first) = term.tokens.first().and_then(|t| t.chars().next()) {
                zh.entry(first).or_default().push(term);
            }
        }
        // Longest first; the rows of one term stay together in table order.
        for list in en.values_mut() {
            list.sort_by_key(|t| std::cmp::Reverse(t.tokens.len()));
        }
        for list in zh.values_mut() {
            list.sort_by_key(|t| std::cmp::Reverse(t.tokens[0].len()));
        }
        Index {
            hs,
            postings,
            docs,
            en,
            zh,
        }
    }

    fn search(&'static self, query: &str, limit: usize) -> Vec<SearchHit> {
        let lower = query.to_lowercase();
        let mut tokens: Vec<Token> = Vec::with_capacity(8);
        for_each_word(&lower, |w, end| {
            let mut t = Token::default();
            t.set(w, end);
            tokens.push(t)
        });

        let mut acc = Accumulator::new(self.hs.nodes.len());

        // 1. Table terms. A term's weight grows with the share of the query
        // it covers (an English word is one unit, a Chinese character half
        // a unit) and, a little, with its position: product names put the
        // head noun last in both languages ("iPhone 15 手机壳" is a case).
        let content = tokens.iter().filter(|t| !is_stop(t.as_str())).count() as f32;
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
        let mut term_hits: Vec<(&'static Term, f32)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_en(&tokens[i..]) {
                Some((len, rows)) => {
                    let span = &tokens[i..i + len];
                    let covered = span.iter().filter(|t| !is_stop(t.as_str())).count().max(1);
                    let end = span.last().map_or(0, |t| t.end);
                    let w = weight(covered as f32, end);
                    term_hits.extend(rows.map(|t| (t, w)));
                    for t in &mut tokens[i..i + len] {
                        t.in_term = true;
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
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
                        term_hits.extend(rows.map(|t| (t, w)));
                        at += bytes;
                    }
                    None => at += c.len_utf8(),
                }
            }
        }
        for &(t, s) in &term_hits {
            let s = s * (1.0 - ALTERNATIVE_STEP * f32::from(t.rank)).max(0.3);
            acc.add(t.node, s, Some(t));
            let entry = self.hs.entry(t.node);
            if entry.level() == HsLevel::Heading {
                for child in entry.children() {
                    acc.add(child.node_id(), s * INHERIT_DOWN, Some(t));
                }
            }
        }

        // 2. Words of the descriptions (BM25), each distinct word once.
        // Words inside a table term have had their say: "camera drone" is
        // a drone, and "camera" must not pull the camera subheadings over it.
        let mut seen: Vec<&str> = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let w = t.as_str();
            if t.in_term || is_stop(w) || seen.contains(&w) {
                continue;
            }
            seen.push(w);
            let Some(list) = self.postings.get(w) else {
                continue;
            };
            let df = list.len() as f32;
            let idf = (1.0 + (self.docs - df + 0.5) / (df + 0.5)).ln();
            for &(doc, factor) in list {
                acc.add(doc, idf * factor, None);
            }
        }

        // 3. Headings share their best subheading's score.
        let touched = acc.touched.len();
        for k in 0..touched {
            let id = acc.touched[k];
            let entry = self.hs.entry(id);
            if entry.level() == HsLevel::Subheading
                && let Some(parent) = entry.parent()
            {
                let s = acc.score[id as usize] * INHERIT_UP;
                let pid = parent.node_id();
                if s > acc.score[pid as usize] {
                    let term = acc.term[id as usize];
                    acc.raise(pid, s, term);
                }
            }
        }

        acc.into_hits(self.hs, limit)
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
        let best = list
            .iter()
            .find(|t| rest.starts_with(t.tokens[0].as_ref()))?;
        let text = best.text;
        Some((
            best.tokens[0].len(),
            list.iter().filter(move |t| t.text == text),
        ))
    }
}

/// Scores per node, with the list of nodes touched (so only those are read).
struct Accumulator {
    score: Vec<f32>,
    term: Vec<Option<&'static Term>>,
    touched: Vec<u32>,
}

impl Accumulator {
    fn new(nodes: usize) -> Accumulator {
        Accumulator {
            score: vec![0.0; nodes],
            term: vec![None; nodes],
            touched: Vec::with_capacity(256),
        }
    }

    fn add(&mut self, id: u32, s: f32, term: Option<&'static Term>) {
        let slot = &mut self.score[id as usize];
        if *slot == 0.0 {
            self.touched.push(id);
        }
        *slot += s;
        if let Some(t) = term {
            let cur = &mut self.term[id as usize];
            if cur.is_none() {
                *cur = Some(t);
            }
        }
    }

    fn raise(&mut self, id: u32, s: f32, term: Option<&'static Term>) {
        if self.score[id as usize] == 0.0 {
            self.touched.push(id);
        }
        self.score[id as usize] = s;
        if self.term[id as usize].is_none() {
            self.term[id as usize] = term;
        }
    }

    fn into_hits(self, hs: &'static Nomenclature, limit: usize) -> Vec<SearchHit> {
        let mut hits: Vec<SearchHit> = self
            .touched
            .iter()
            .filter(|&&id| self.score[id as usize] > 0.0)
            .map(|&id| SearchHit {
                entry: hs.entry(id),
                score: self.score[id as usize],
                term: self.term[id as usize],
            })
            .collect();
        let order = |a: &SearchHit, b: &SearchHit| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.entry.code().cmp(b.entry.code()))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits
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
#[derive(Default)]
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
