//! The HS nomenclatures built into the crate: [`Nomenclature`], [`HsEntry`],
//! [`HsLevel`], [`HsPath`].
//!
//! The CSVs under `data/hs/` are embedded with `include_str!` and parsed once,
//! on first use, into arrays sorted by code (binary search, O(log n)).

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use super::{HsCode, HsEdition};

const HS2022_CSV: &str = include_str!("../../data/hs/hs2022.csv");
const HS2017_CSV: &str = include_str!("../../data/hs/hs2017.csv");

/// The level of an entry in the HS hierarchy.
///
/// # Example
///
/// ```
/// use crossborder::{hs, HsEdition, HsLevel};
/// let entry = hs::lookup("8518", HsEdition::Hs2022).ok_or("missing")?;
/// assert_eq!(entry.level(), HsLevel::Heading);
/// assert!(HsLevel::Section < HsLevel::Subheading);
/// assert_eq!(HsLevel::Subheading.name(), "subheading");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HsLevel {
    /// One of the 21 sections, numbered `I` to `XXI`.
    Section,
    /// A 2-digit chapter.
    Chapter,
    /// A 4-digit heading.
    Heading,
    /// A 6-digit subheading.
    Subheading,
}

impl HsLevel {
    /// All levels, from the top.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsEdition, HsLevel};
    /// let hs = HsEdition::Hs2022.nomenclature();
    /// let counts: Vec<usize> = HsLevel::ALL.iter().map(|&l| hs.count(l)).collect();
    /// assert_eq!(counts, [21, 96, 1228, 5612]);
    /// ```
    pub const ALL: [HsLevel; 4] = [
        HsLevel::Section,
        HsLevel::Chapter,
        HsLevel::Heading,
        HsLevel::Subheading,
    ];

    /// The level's name in English.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::HsLevel::Chapter.name(), "chapter");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            HsLevel::Section => "section",
            HsLevel::Chapter => "chapter",
            HsLevel::Heading => "heading",
            HsLevel::Subheading => "subheading",
        }
    }

    /// The level's name in Chinese (类, 章, 品目, 子目).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::HsLevel::Heading.name_zh(), "品目");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            HsLevel::Section => "类",
            HsLevel::Chapter => "章",
            HsLevel::Heading => "品目",
            HsLevel::Subheading => "子目",
        }
    }

    const fn index(self) -> usize {
        match self {
            HsLevel::Section => 0,
            HsLevel::Chapter => 1,
            HsLevel::Heading => 2,
            HsLevel::Subheading => 3,
        }
    }
}

impl fmt::Display for HsLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub(crate) struct Node {
    pub(crate) code: &'static str,
    pub(crate) level: HsLevel,
    pub(crate) parent: Option<u32>,
    pub(crate) description: Cow<'static, str>,
    children: (u32, u32),
}

/// One edition of the nomenclature, parsed from the embedded CSV.
///
/// Get it with [`Nomenclature::get`] or [`HsEdition::nomenclature`]; it lives
/// for the whole program (built once, on first use).
///
/// # Example
///
/// ```
/// use crossborder::{HsEdition, HsLevel, Nomenclature};
///
/// let hs = Nomenclature::get(HsEdition::Hs2022);
/// assert_eq!(hs.count(HsLevel::Heading), 1228);
/// assert_eq!(hs.lookup("6109.10").map(|e| e.code()), Some("610910"));
/// ```
pub struct Nomenclature {
    edition: HsEdition,
    pub(crate) nodes: Vec<Node>,
    children: Vec<u32>,
    /// Per level: (numeric code, node index), sorted by code. Sections are
    /// keyed by their number (I = 1).
    index: [Vec<(u32, u32)>; 4],
}

impl fmt::Debug for Nomenclature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Nomenclature")
            .field("edition", &self.edition)
            .field("entries", &self.nodes.len())
            .finish()
    }
}

static HS2022: OnceLock<Nomenclature> = OnceLock::new();
static HS2017: OnceLock<Nomenclature> = OnceLock::new();

impl HsEdition {
    /// The nomenclature of this edition (the same as [`Nomenclature::get`]).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsEdition, HsLevel};
    /// assert_eq!(HsEdition::Hs2017.nomenclature().count(HsLevel::Subheading), 5387);
    /// ```
    pub fn nomenclature(self) -> &'static Nomenclature {
        Nomenclature::get(self)
    }
}

impl Nomenclature {
    /// The nomenclature of an edition, parsed on first use.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsEdition, HsLevel, Nomenclature};
    /// let hs = Nomenclature::get(HsEdition::Hs2022);
    /// assert_eq!(hs.count(HsLevel::Section), 21);
    /// assert_eq!(hs.count(HsLevel::Chapter), 96);
    /// ```
    pub fn get(edition: HsEdition) -> &'static Nomenclature {
        match edition {
            HsEdition::Hs2022 => HS2022.get_or_init(|| Nomenclature::parse(edition, HS2022_CSV)),
            HsEdition::Hs2017 => HS2017.get_or_init(|| Nomenclature::parse(edition, HS2017_CSV)),
        }
    }

    fn parse(edition: HsEdition, csv: &'static str) -> Nomenclature {
        let mut nodes: Vec<Node> = Vec::with_capacity(7000);
        let mut index: [Vec<(u32, u32)>; 4] = Default::default();
        // Rows are depth first, so a parent always comes before its children:
        // remember the last node seen at each level.
        let mut last: [Option<u32>; 4] = [None; 4];
        for line in csv.lines().skip(1) {
            let Some((code, level, parent, description)) = split_row(line) else {
                continue;
            };
            let (level, key) = match level {
                "section" => (HsLevel::Section, roman_to_number(code)),
                "2" => (HsLevel::Chapter, digits_key(code)),
                "4" => (HsLevel::Heading, digits_key(code)),
                "6" => (HsLevel::Subheading, digits_key(code)),
                _ => continue,
            };
            let Some(key) = key else { continue };
            let parent = match level {
                HsLevel::Section => None,
                _ => last[level.index() - 1].filter(|&p| nodes[p as usize].code == parent),
            };
            let id = nodes.len() as u32;
            nodes.push(Node {
                code,
                level,
                parent,
                description,
                children: (0, 0),
            });
            index[level.index()].push((key, id));
            last[level.index()] = Some(id);
        }
        for list in &mut index {
            list.sort_unstable();
        }
        // Children lists: group node ids by parent, in code order.
        let mut by_parent: Vec<(u32, u32)> = nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.parent.map(|p| (p, i as u32)))
            .collect();
        by_parent.sort_unstable_by_key(|&(p, i)| (p, nodes[i as usize].code));
        let children: Vec<u32> = by_parent.iter().map(|&(_, i)| i).collect();
        let mut start = 0usize;
        while start < by_parent.len() {
            let p = by_parent[start].0;
            let mut end = start;
            while end < by_parent.len() && by_parent[end].0 == p {
                end += 1;
            }
            nodes[p as usize].children = (start as u32, end as u32);
            start = end;
        }
        Nomenclature {
            edition,
            nodes,
            children,
            index,
        }
    }

    /// The edition.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsEdition, Nomenclature};
    /// assert_eq!(Nomenclature::get(HsEdition::Hs2017).edition(), HsEdition::Hs2017);
    /// ```
    pub fn edition(&self) -> HsEdition {
        self.edition
    }

    /// How many entries there are at a level.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsEdition, HsLevel};
    /// assert_eq!(HsEdition::Hs2022.nomenclature().count(HsLevel::Subheading), 5612);
    /// ```
    pub fn count(&self, level: HsLevel) -> usize {
        self.index[level.index()].len()
    }

    /// The entries of a level, in code order (sections in their order I to
    /// XXI).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsEdition, HsLevel};
    /// let hs = HsEdition::Hs2022.nomenclature();
    /// let first = hs.entries(HsLevel::Chapter).next().map(|e| e.code());
    /// assert_eq!(first, Some("01"));
    /// ```
    pub fn entries(
        &'static self,
        level: HsLevel,
    ) -> impl ExactSizeIterator<Item = HsEntry> + Clone + 'static {
        self.index[level.index()]
            .iter()
            .map(move |&(_, id)| HsEntry { table: self, id })
    }

    /// Finds an entry by its written code: a section numeral (`XVI`), a
    /// chapter (`85`), a heading (`8518`, `85.18`), a subheading (`851830`,
    /// `8518.30`). A national code of 8 to 13 digits finds its subheading (its
    /// first six digits). Anything else finds nothing.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsEdition, HsLevel};
    /// let hs = HsEdition::Hs2022.nomenclature();
    /// assert_eq!(hs.lookup("xvi").map(|e| e.level()), Some(HsLevel::Section));
    /// assert_eq!(hs.lookup("85.18").map(|e| e.code()), Some("8518"));
    /// assert_eq!(hs.lookup("8518.30.0000").map(|e| e.code()), Some("851830"));
    /// assert!(hs.lookup("851712").is_none()); // HS 2017 only
    /// assert!(hs.lookup("hello").is_none());
    /// ```
    pub fn lookup(&'static self, code: &str) -> Option<HsEntry> {
        let text = code.trim();
        let mut digits = [0u8; 13];
        let mut len = 0usize;
        let mut all_digits = true;
        for b in text.bytes() {
            match b {
                b'0'..=b'9' => {
                    if len == digits.len() {
                        return None;
                    }
                    digits[len] = b;
                    len += 1;
                }
                b'.' | b' ' => {}
                _ => {
                    all_digits = false;
                    break;
                }
            }
        }
        if !all_digits {
            let n = roman_to_number(text)?;
            return self.find(HsLevel::Section, n);
        }
        let level = match len {
            2 => HsLevel::Chapter,
            4 => HsLevel::Heading,
            6 | 8..=13 => HsLevel::Subheading,
            _ => return None,
        };
        let take = len.min(6);
        let key = digits[..take]
            .iter()
            .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
        self.find(level, key)
    }

    /// The subheading of a code (its first six digits), if it exists in this
    /// edition.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, HsEdition};
    /// let code = HsCode::parse("8518300000")?;
    /// let entry = HsEdition::Hs2022.nomenclature().subheading(code).ok_or("missing")?;
    /// assert_eq!(entry.code(), "851830");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subheading(&'static self, code: HsCode) -> Option<HsEntry> {
        self.find(HsLevel::Subheading, code_key(&code, 6))
    }

    /// The heading of a code (its first four digits), if it exists in this
    /// edition.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, HsEdition};
    /// let code = HsCode::parse("851830")?;
    /// let heading = HsEdition::Hs2022.nomenclature().heading(code).ok_or("missing")?;
    /// assert_eq!(heading.code(), "8518");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn heading(&'static self, code: HsCode) -> Option<HsEntry> {
        self.find(HsLevel::Heading, code_key(&code, 4))
    }

    /// The chapter of a code (its first two digits), if it exists in this
    /// edition.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{HsCode, HsEdition};
    /// let code = HsCode::parse("851830")?;
    /// let chapter = HsEdition::Hs2022.nomenclature().chapter(code).ok_or("missing")?;
    /// assert_eq!(chapter.code(), "85");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chapter(&'static self, code: HsCode) -> Option<HsEntry> {
        self.find(HsLevel::Chapter, code_key(&code, 2))
    }

    fn find(&'static self, level: HsLevel, key: u32) -> Option<HsEntry> {
        let list = &self.index[level.index()];
        list.binary_search_by_key(&key, |&(k, _)| k)
            .ok()
            .map(|i| HsEntry {
                table: self,
                id: list[i].1,
            })
    }

    pub(crate) fn entry(&'static self, id: u32) -> HsEntry {
        HsEntry { table: self, id }
    }

    fn node(&self, id: u32) -> &Node {
        &self.nodes[id as usize]
    }
}

fn children_iter(table: &'static Nomenclature, (start, end): (u32, u32)) -> HsChildren {
    HsChildren {
        table,
        ids: table.children[start as usize..end as usize].iter(),
    }
}

/// The children of an entry, in code order: the iterator of
/// [`HsEntry::children`] and [`HsCheck::candidates`](crate::HsCheck::candidates).
///
/// # Example
///
/// ```
/// # use crossborder::{hs, HsEdition};
/// let heading = hs::lookup("6109", HsEdition::Hs2022).ok_or("missing")?;
/// let children = heading.children();
/// assert_eq!(children.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct HsChildren {
    table: &'static Nomenclature,
    ids: std::slice::Iter<'static, u32>,
}

impl Iterator for HsChildren {
    type Item = HsEntry;

    fn next(&mut self) -> Option<HsEntry> {
        self.ids.next().map(|&id| self.table.entry(id))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ids.size_hint()
    }
}

impl ExactSizeIterator for HsChildren {}

impl DoubleEndedIterator for HsChildren {
    fn next_back(&mut self) -> Option<HsEntry> {
        self.ids.next_back().map(|&id| self.table.entry(id))
    }
}

fn code_key(code: &HsCode, digits: usize) -> u32 {
    code.as_str().as_bytes()[..digits]
        .iter()
        .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
}

fn digits_key(code: &str) -> Option<u32> {
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    code.parse().ok()
}

/// I..XXI (any case) to 1..21.
fn roman_to_number(text: &str) -> Option<u32> {
    const NUMERALS: [&str; 21] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI",
    ];
    NUMERALS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(text))
        .map(|i| i as u32 + 1)
}

/// Splits one RFC 4180 row of `code,level,parent,description`. Only the last
/// field may be quoted in the embedded files; doubled quotes inside are
/// undone.
fn split_row(
    line: &'static str,
) -> Option<(&'static str, &'static str, &'static str, Cow<'static, str>)> {
    let mut parts = line.splitn(4, ',');
    let code = parts.next()?;
    let level = parts.next()?;
    let parent = parts.next()?;
    let rest = parts.next()?;
    let description = match rest.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if inner.contains("\"\"") => Cow::Owned(inner.replace("\"\"", "\"")),
        Some(inner) => Cow::Borrowed(inner),
        None => Cow::Borrowed(rest),
    };
    Some((code, level, parent, description))
}

/// One entry of the nomenclature: a section, chapter, heading or subheading
/// of an edition. `Copy`; its texts borrow the embedded data.
///
/// # Example
///
/// ```
/// use crossborder::{hs, HsEdition, HsLevel};
///
/// let entry = hs::lookup("851830", HsEdition::Hs2022).ok_or("missing")?;
/// assert_eq!(entry.level(), HsLevel::Subheading);
/// assert!(entry.description().starts_with("Headphones and earphones"));
/// assert_eq!(entry.parent().map(|p| p.code()), Some("8518"));
/// let path: Vec<&str> = entry.path().iter().map(|e| e.code()).collect();
/// assert_eq!(path, ["XVI", "85", "8518", "851830"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct HsEntry {
    table: &'static Nomenclature,
    id: u32,
}

impl PartialEq for HsEntry {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.table.edition == other.table.edition
    }
}

impl Eq for HsEntry {}

impl std::hash::Hash for HsEntry {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.table.edition.hash(state);
        self.id.hash(state);
    }
}

impl fmt::Debug for HsEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HsEntry")
            .field("edition", &self.edition())
            .field("level", &self.level())
            .field("code", &self.code())
            .field("description", &self.description())
            .finish()
    }
}

impl fmt::Display for HsEntry {
    /// `8518 Microphones and stands therefor; ...`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.description())
    }
}

impl HsEntry {
    fn node(&self) -> &'static Node {
        self.table.node(self.id)
    }

    /// The code: a section numeral (`XVI`) or 2, 4 or 6 digits.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// assert_eq!(hs::lookup("85.18", HsEdition::Hs2022).map(|e| e.code()), Some("8518"));
    /// ```
    pub fn code(&self) -> &'static str {
        self.node().code
    }

    /// The level in the hierarchy.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition, HsLevel};
    /// assert_eq!(hs::lookup("85", HsEdition::Hs2022).map(|e| e.level()), Some(HsLevel::Chapter));
    /// ```
    pub fn level(&self) -> HsLevel {
        self.node().level
    }

    /// The English description (UN Comtrade's standalone text, not the WCO
    /// legal text).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let d = hs::lookup("610910", HsEdition::Hs2022).map(|e| e.description());
    /// assert_eq!(d, Some("T-shirts, singlets and other vests; of cotton, knitted or crocheted"));
    /// ```
    pub fn description(&self) -> &'static str {
        let table: &'static Nomenclature = self.table;
        &table.nodes[self.id as usize].description
    }

    /// The Chinese title of a section or chapter (none for headings and
    /// subheadings). The crate's own short titles, written after those of the
    /// Chinese customs tariff (《中华人民共和国进出口税则》) as of HS 2022 and
    /// given for HS 2017 too (whose titles of chapters 15, 16 and 24 were
    /// shorter): for display and search, not legal text.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let e = hs::lookup("22", HsEdition::Hs2022).ok_or("missing")?;
    /// assert_eq!(e.title_zh(), Some("饮料、酒及醋"));
    /// assert_eq!(hs::lookup("2204", HsEdition::Hs2022).and_then(|e| e.title_zh()), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn title_zh(&self) -> Option<&'static str> {
        match self.level() {
            HsLevel::Section | HsLevel::Chapter => super::titles::title_zh(self.code()),
            HsLevel::Heading | HsLevel::Subheading => None,
        }
    }

    /// The edition this entry belongs to.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let e = hs::lookup("8518", HsEdition::Hs2017).ok_or("missing")?;
    /// assert_eq!(e.edition(), HsEdition::Hs2017);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn edition(&self) -> HsEdition {
        self.table.edition
    }

    /// The entry one level up (none for a section).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let e = hs::lookup("85", HsEdition::Hs2022).ok_or("missing")?;
    /// assert_eq!(e.parent().map(|p| p.code()), Some("XVI"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parent(&self) -> Option<HsEntry> {
        self.node().parent.map(|id| self.table.entry(id))
    }

    /// The entries one level down, in code order.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let e = hs::lookup("8517", HsEdition::Hs2022).ok_or("missing")?;
    /// let codes: Vec<&str> = e.children().map(|c| c.code()).collect();
    /// assert_eq!(codes, ["851711", "851713", "851714", "851718", "851761", "851762", "851769", "851771", "851779"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn children(&self) -> HsChildren {
        children_iter(self.table, self.node().children)
    }

    /// An empty children iterator of the same type as [`HsEntry::children`].
    pub(crate) fn no_children(edition: HsEdition) -> HsChildren {
        children_iter(edition.nomenclature(), (0, 0))
    }

    /// The path from the section down to this entry.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let e = hs::lookup("610910", HsEdition::Hs2022).ok_or("missing")?;
    /// let path = e.path();
    /// assert_eq!(path.section().map(|s| s.code()), Some("XI"));
    /// assert_eq!(path.chapter().map(|s| s.code()), Some("61"));
    /// assert_eq!(path.heading().map(|s| s.code()), Some("6109"));
    /// assert_eq!(path.subheading().map(|s| s.code()), Some("610910"));
    /// assert_eq!(path.to_string(), "XI > 61 > 6109 > 610910");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn path(&self) -> HsPath {
        let mut levels = [None; 4];
        let mut cur = Some(*self);
        while let Some(e) = cur {
            levels[e.level().index()] = Some(e);
            cur = e.parent();
        }
        HsPath { levels }
    }

    /// The heading this entry is in (itself for a heading; none above).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let e = hs::lookup("851830", HsEdition::Hs2022).ok_or("missing")?;
    /// assert_eq!(e.heading().map(|h| h.code()), Some("8518"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn heading(&self) -> Option<HsEntry> {
        match self.level() {
            HsLevel::Heading => Some(*self),
            HsLevel::Subheading => self.parent(),
            _ => None,
        }
    }

    /// The entry with the same code in the other edition, if it exists there.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let e = hs::lookup("851830", HsEdition::Hs2022).ok_or("missing")?;
    /// assert_eq!(e.in_edition(HsEdition::Hs2017).map(|o| o.edition()), Some(HsEdition::Hs2017));
    /// let gone = hs::lookup("851712", HsEdition::Hs2017).ok_or("missing")?;
    /// assert!(gone.in_edition(HsEdition::Hs2022).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_edition(&self, edition: HsEdition) -> Option<HsEntry> {
        edition.nomenclature().lookup(self.code())
    }

    /// The entry's position in its edition's node list.
    pub(crate) fn node_id(&self) -> u32 {
        self.id
    }
}

/// The path of an entry: its section, chapter, heading and subheading (as far
/// down as the entry goes). `Copy`.
///
/// # Example
///
/// ```
/// # use crossborder::{hs, HsEdition};
/// let path = hs::lookup("8518", HsEdition::Hs2022).ok_or("missing")?.path();
/// assert_eq!(path.len(), 3);
/// assert!(path.subheading().is_none());
/// assert_eq!(path.last().map(|e| e.code()), Some("8518"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HsPath {
    levels: [Option<HsEntry>; 4],
}

impl HsPath {
    /// The section.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let path = hs::lookup("01", HsEdition::Hs2022).ok_or("missing")?.path();
    /// assert_eq!(path.section().map(|e| e.code()), Some("I"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn section(&self) -> Option<HsEntry> {
        self.levels[0]
    }

    /// The chapter.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let path = hs::lookup("0101", HsEdition::Hs2022).ok_or("missing")?.path();
    /// assert_eq!(path.chapter().map(|e| e.code()), Some("01"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chapter(&self) -> Option<HsEntry> {
        self.levels[1]
    }

    /// The heading.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let path = hs::lookup("010121", HsEdition::Hs2022).ok_or("missing")?.path();
    /// assert_eq!(path.heading().map(|e| e.code()), Some("0101"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn heading(&self) -> Option<HsEntry> {
        self.levels[2]
    }

    /// The subheading.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let path = hs::lookup("010121", HsEdition::Hs2022).ok_or("missing")?.path();
    /// assert_eq!(path.subheading().map(|e| e.code()), Some("010121"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subheading(&self) -> Option<HsEntry> {
        self.levels[3]
    }

    /// How many levels the path has (1 for a section, 4 for a subheading).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// assert_eq!(hs::lookup("XVI", HsEdition::Hs2022).ok_or("missing")?.path().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[allow(clippy::len_without_is_empty)] // a path is never empty
    pub fn len(&self) -> usize {
        self.levels.iter().flatten().count()
    }

    /// The deepest entry (the one the path was taken from).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let path = hs::lookup("85", HsEdition::Hs2022).ok_or("missing")?.path();
    /// assert_eq!(path.last().map(|e| e.code()), Some("85"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last(&self) -> Option<HsEntry> {
        self.levels.iter().rev().flatten().next().copied()
    }

    /// The entries from the section down.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsEdition};
    /// let path = hs::lookup("8518", HsEdition::Hs2022).ok_or("missing")?.path();
    /// let codes: Vec<&str> = path.iter().map(|e| e.code()).collect();
    /// assert_eq!(codes, ["XVI", "85", "8518"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = HsEntry> + '_ {
        self.levels.iter().flatten().copied()
    }
}

impl fmt::Display for HsPath {
    /// The codes joined by ` > `: `XI > 61 > 6109 > 610910`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(" > ")?;
            }
            f.write_str(e.code())?;
        }
        Ok(())
    }
}
