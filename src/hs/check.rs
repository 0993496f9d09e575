//! [`check`]: does a code's subheading exist in an edition, and if not, what
//! is nearest.

use super::{HsChildren, HsCode, HsEdition, HsEntry, HsLevel};
use crate::{Code, JsonPointer, Severity, Violation};

// The codes `hs_code.unknown`, `hs_code.other_edition` and `hs_code.length`
// are declared with the declaration rules that report them
// (`crate::declaration::catalogue`).

/// Checks that a code's subheading (its first six digits) exists in an
/// edition. The entry point of declaration validation.
///
/// When it does not, the answer carries the nearest existing parent (the
/// heading, else the chapter) and, when the subheading exists in the other
/// edition, that entry; [`HsCheck::candidates`] then lists the subheadings of
/// the same heading in the edition asked for. No allocation unless a message
/// is asked for.
///
/// The national digits after the sixth are not checked here; see
/// [`Jurisdiction::check_length`](crate::Jurisdiction::check_length) for their
/// count.
///
/// # Example
///
/// ```
/// use crossborder::{hs, HsCode, HsEdition};
///
/// let ok = hs::check(HsCode::parse("8518300000")?, HsEdition::Hs2022);
/// assert_eq!(ok.entry().map(|e| e.code()), Some("851830"));
///
/// // Smartphones moved from 8517.12 (HS 2017) to 8517.13 (HS 2022).
/// let old = hs::check(HsCode::parse("851712")?, HsEdition::Hs2022);
/// assert!(!old.exists());
/// assert_eq!(old.other_edition().map(|e| e.edition()), Some(HsEdition::Hs2017));
/// assert!(old.candidates().any(|c| c.code() == "851713"));
/// assert!(old.message_en().contains("from HS 2017; not in HS 2022"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check(code: HsCode, edition: HsEdition) -> HsCheck {
    let hs = edition.nomenclature();
    if let Some(entry) = hs.subheading(code) {
        return HsCheck::Exists(entry);
    }
    let nearest = hs.heading(code).or_else(|| hs.chapter(code));
    let other = edition.other().nomenclature().subheading(code);
    HsCheck::NotFound(NotFound {
        code,
        edition,
        nearest,
        other_edition: other,
    })
}

/// The answer of [`check`].
///
/// # Example
///
/// ```
/// use crossborder::{hs, HsCheck, HsCode, HsEdition, JsonPointer};
///
/// let result = hs::check(HsCode::parse("851899")?, HsEdition::Hs2022);
/// match result {
///     HsCheck::Exists(entry) => unreachable!("{entry}"),
///     HsCheck::NotFound(ref missing) => {
///         assert_eq!(missing.nearest().map(|e| e.code()), Some("8518"));
///     }
/// }
/// let violation = result.violation(JsonPointer::root().field("hsCode")).ok_or("no violation")?;
/// assert_eq!(violation.code().as_str(), "hs_code.unknown");
/// assert_eq!(violation.pointer().as_str(), "/hsCode");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HsCheck {
    /// The subheading exists in the edition asked for.
    Exists(HsEntry),
    /// It does not.
    NotFound(NotFound),
}

/// A subheading that does not exist in the edition asked for: what is known
/// about it.
///
/// # Example
///
/// ```
/// use crossborder::{hs, HsCheck, HsCode, HsEdition};
/// let HsCheck::NotFound(missing) = hs::check(HsCode::parse("880310")?, HsEdition::Hs2022) else {
///     return Err("should be missing".into());
/// };
/// // Heading 88.03 was dropped in HS 2022: the nearest parent is chapter 88.
/// assert_eq!(missing.nearest().map(|e| e.code()), Some("88"));
/// assert_eq!(missing.other_edition().map(|e| e.code()), Some("880310"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFound {
    code: HsCode,
    edition: HsEdition,
    nearest: Option<HsEntry>,
    other_edition: Option<HsEntry>,
}

impl NotFound {
    /// The code checked, as given (all its digits).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCheck, HsCode, HsEdition};
    /// let HsCheck::NotFound(m) = hs::check(HsCode::parse("85189900")?, HsEdition::Hs2022) else { return Err("".into()) };
    /// assert_eq!(m.code().as_str(), "85189900");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> HsCode {
        self.code
    }

    /// The edition it was checked against.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCheck, HsCode, HsEdition};
    /// let HsCheck::NotFound(m) = hs::check(HsCode::parse("851899")?, HsEdition::Hs2017) else { return Err("".into()) };
    /// assert_eq!(m.edition(), HsEdition::Hs2017);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn edition(&self) -> HsEdition {
        self.edition
    }

    /// The nearest existing parent in that edition: the heading, or if the
    /// heading does not exist either, the chapter.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCheck, HsCode, HsEdition};
    /// let HsCheck::NotFound(m) = hs::check(HsCode::parse("610999")?, HsEdition::Hs2022) else { return Err("".into()) };
    /// assert_eq!(m.nearest().map(|e| e.code()), Some("6109"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nearest(&self) -> Option<HsEntry> {
        self.nearest
    }

    /// The subheading in the other edition, when it exists there (an HS 2017
    /// code checked against HS 2022, or the reverse).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCheck, HsCode, HsEdition};
    /// let HsCheck::NotFound(m) = hs::check(HsCode::parse("851713")?, HsEdition::Hs2017) else { return Err("".into()) };
    /// assert_eq!(m.other_edition().map(|e| e.edition()), Some(HsEdition::Hs2022));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn other_edition(&self) -> Option<HsEntry> {
        self.other_edition
    }

    /// The subheadings of the nearest heading in the edition checked against,
    /// in code order (none when only the chapter exists).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCheck, HsCode, HsEdition};
    /// let HsCheck::NotFound(m) = hs::check(HsCode::parse("851712")?, HsEdition::Hs2022) else { return Err("".into()) };
    /// assert!(m.candidates().any(|c| c.code() == "851713"));
    /// assert!(m.candidates().all(|c| c.code().starts_with("8517")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn candidates(&self) -> HsChildren {
        match self.nearest.filter(|e| e.level() == HsLevel::Heading) {
            Some(h) => h.children(),
            None => HsEntry::no_children(self.edition),
        }
    }
}

impl HsCheck {
    /// Whether the subheading exists.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCode, HsEdition};
    /// assert!(hs::check(HsCode::parse("610910")?, HsEdition::Hs2022).exists());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exists(&self) -> bool {
        matches!(self, HsCheck::Exists(_))
    }

    /// The subheading, when it exists.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCode, HsEdition};
    /// let c = hs::check(HsCode::parse("6109100010")?, HsEdition::Hs2022);
    /// assert_eq!(c.entry().map(|e| e.code()), Some("610910"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entry(&self) -> Option<HsEntry> {
        match self {
            HsCheck::Exists(e) => Some(*e),
            HsCheck::NotFound(_) => None,
        }
    }

    /// What is known about a missing subheading.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCode, HsEdition};
    /// let c = hs::check(HsCode::parse("610999")?, HsEdition::Hs2022);
    /// assert!(c.not_found().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn not_found(&self) -> Option<&NotFound> {
        match self {
            HsCheck::Exists(_) => None,
            HsCheck::NotFound(m) => Some(m),
        }
    }

    /// The nearest existing parent of a missing subheading (see
    /// [`NotFound::nearest`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCode, HsEdition};
    /// let c = hs::check(HsCode::parse("610999")?, HsEdition::Hs2022);
    /// assert_eq!(c.nearest().map(|e| e.code()), Some("6109"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nearest(&self) -> Option<HsEntry> {
        self.not_found().and_then(NotFound::nearest)
    }

    /// The subheading in the other edition, for a missing subheading that
    /// exists there (see [`NotFound::other_edition`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCode, HsEdition};
    /// let c = hs::check(HsCode::parse("851712")?, HsEdition::Hs2022);
    /// assert_eq!(c.other_edition().map(|e| e.code()), Some("851712"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn other_edition(&self) -> Option<HsEntry> {
        self.not_found().and_then(NotFound::other_edition)
    }

    /// The subheadings of the nearest heading, for a missing subheading (see
    /// [`NotFound::candidates`]); empty when it exists.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCode, HsEdition};
    /// let c = hs::check(HsCode::parse("851712")?, HsEdition::Hs2022);
    /// assert_eq!(c.candidates().len(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn candidates(&self) -> HsChildren {
        match self {
            HsCheck::Exists(e) => HsEntry::no_children(e.edition()),
            HsCheck::NotFound(m) => m.candidates(),
        }
    }

    /// The stable report code: [`Code::HS_CODE_UNKNOWN`] or, for a code of the
    /// other edition, [`Code::HS_CODE_OTHER_EDITION`]; none when it exists.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, Code, HsCode, HsEdition};
    /// let c = hs::check(HsCode::parse("851712")?, HsEdition::Hs2022);
    /// assert_eq!(c.report_code(), Some(Code::HS_CODE_OTHER_EDITION));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report_code(&self) -> Option<Code> {
        let m = self.not_found()?;
        Some(if m.other_edition.is_some() {
            Code::HS_CODE_OTHER_EDITION
        } else {
            Code::HS_CODE_UNKNOWN
        })
    }

    /// The English message for a missing subheading; empty when it exists.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCode, HsEdition};
    /// let c = hs::check(HsCode::parse("610999")?, HsEdition::Hs2022);
    /// assert_eq!(
    ///     c.message_en(),
    ///     "hs code \"610999\": subheading 610999 does not exist in HS 2022; \
    ///      nearest: heading 6109 (T-shirts, singlets and other vests; knitted or crocheted); \
    ///      candidates in HS 2022 heading 6109: 610910, 610990"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message_en(&self) -> String {
        let Some(m) = self.not_found() else {
            return String::new();
        };
        let sub = m.code.subheading();
        let mut out = match m.other_edition {
            Some(o) => format!(
                "hs code \"{}\": subheading {sub} is from {}; not in {}",
                m.code,
                o.edition().label(),
                m.edition.label()
            ),
            None => format!(
                "hs code \"{}\": subheading {sub} does not exist in {}",
                m.code,
                m.edition.label()
            ),
        };
        match m.nearest {
            Some(n) => out.push_str(&format!(
                "; nearest: {} {} ({})",
                n.level().name(),
                n.code(),
                n.description()
            )),
            None => out.push_str("; its chapter does not exist either"),
        }
        push_candidates(&mut out, m, "; candidates in ", ": ", ", ");
        out
    }

    /// The Chinese message for a missing subheading; empty when it exists.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{hs, HsCode, HsEdition};
    /// let c = hs::check(HsCode::parse("851712")?, HsEdition::Hs2022);
    /// assert!(c.message_zh().starts_with("HS 编码 \"851712\"：子目 851712 属于 HS 2017，HS 2022 中已不存在"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message_zh(&self) -> String {
        let Some(m) = self.not_found() else {
            return String::new();
        };
        let sub = m.code.subheading();
        let mut out = match m.other_edition {
            Some(o) => format!(
                "HS 编码 \"{}\"：子目 {sub} 属于 {}，{} 中已不存在",
                m.code,
                o.edition().label(),
                m.edition.label()
            ),
            None => format!(
                "HS 编码 \"{}\"：子目 {sub} 在 {} 中不存在",
                m.code,
                m.edition.label()
            ),
        };
        match m.nearest {
            Some(n) => out.push_str(&format!(
                "；最接近的上级：{} {}",
                n.level().name_zh(),
                n.code()
            )),
            None => out.push_str("；所属章也不存在"),
        }
        push_candidates(&mut out, m, "；", " 可选子目：", "、");
        out
    }

    /// The violation to report for a missing subheading at `path` (with the
    /// code as its value, severity error); none when it exists.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{hs, HsCode, HsEdition, JsonPointer, Severity};
    /// let c = hs::check(HsCode::parse("851712")?, HsEdition::Hs2022);
    /// let v = c.violation(JsonPointer::root().field("goods").index(0).field("hsCode")).ok_or("none")?;
    /// assert_eq!(v.code().as_str(), "hs_code.other_edition");
    /// assert_eq!(v.severity(), Severity::Error);
    /// assert_eq!(v.value(), Some("851712"));
    /// assert!(hs::check(HsCode::parse("851713")?, HsEdition::Hs2022).violation(JsonPointer::root()).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn violation(&self, path: JsonPointer) -> Option<Violation> {
        let code = self.report_code()?;
        let m = self.not_found()?;
        Some(
            Violation::new(
                code,
                Severity::Error,
                path,
                self.message_en(),
                self.message_zh(),
            )
            .with_value(m.code.as_str()),
        )
    }
}

fn push_candidates(out: &mut String, m: &NotFound, lead: &str, colon: &str, sep: &str) {
    let Some(h) = m.nearest.filter(|n| n.level() == HsLevel::Heading) else {
        return;
    };
    out.push_str(lead);
    out.push_str(m.edition.label());
    if lead.starts_with('；') {
        // Chinese: "；HS 2022 品目 8517 可选子目：851711、..."
        out.push(' ');
        out.push_str(HsLevel::Heading.name_zh());
        out.push(' ');
    } else {
        out.push_str(" heading ");
    }
    out.push_str(h.code());
    out.push_str(colon);
    for (i, c) in h.children().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(c.code());
    }
}
