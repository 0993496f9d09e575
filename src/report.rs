//! The one report type of the crate: [`Violation`], [`Code`], [`Severity`],
//! [`JsonPointer`] and [`Report`].
//!
//! Every engine in the crate reports problems the same way: a flat list of
//! violations in document order, each with a stable machine code, a severity,
//! an RFC 6901 JSON Pointer into the *wire* document, the offending value where
//! there is one, and a message in English and in Chinese.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How serious a [`Violation`] is.
///
/// Errors make a declaration fail ([`Report::into_result`]); warnings are
/// reported but let it pass. `Error` orders above `Warning`.
///
/// # Example
///
/// ```
/// use crossborder::Severity;
///
/// assert_eq!("error".parse::<Severity>()?, Severity::Error);
/// assert_eq!(Severity::Warning.to_string(), "warning");
/// assert!(Severity::Error > Severity::Warning);
/// # Ok::<(), crossborder::ParseEnumError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Reported, but does not fail the declaration.
    Warning,
    /// Fails the declaration.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and text: `error` or `warning`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Severity::Error.as_str(), "error");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = crate::ParseEnumError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("error") {
            Ok(Severity::Error)
        } else if t.eq_ignore_ascii_case("warning") {
            Ok(Severity::Warning)
        } else {
            Err(crate::ParseEnumError::new(
                "severity",
                s,
                &["error", "warning"],
            ))
        }
    }
}

crate::macros::serde_via_str!(Severity);

/// A stable machine code for a kind of problem, such as `hs_code.invalid`.
///
/// Codes are dotted lowercase names: the subject, then what is wrong with it.
/// A released code is never renamed. The codes the crate emits are the
/// associated constants of this type; a caller's own rules make theirs with
/// [`Code::new`].
///
/// # Example
///
/// ```
/// use crossborder::Code;
///
/// assert_eq!(Code::HS_CODE_INVALID.as_str(), "hs_code.invalid");
/// let mine = Code::new("acme.sku_prefix");
/// assert_eq!(mine.to_string(), "acme.sku_prefix");
/// assert_ne!(mine, Code::HS_CODE_INVALID);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(Cow<'static, str>);

impl Code {
    /// A code from a static string (usable in `const`).
    ///
    /// # Example
    ///
    /// ```
    /// const MINE: crossborder::Code = crossborder::Code::new("acme.rule");
    /// assert_eq!(MINE.as_str(), "acme.rule");
    /// ```
    pub const fn new(code: &'static str) -> Self {
        Code(Cow::Borrowed(code))
    }

    /// A code from an owned string, for codes built at run time.
    ///
    /// # Example
    ///
    /// ```
    /// let c = crossborder::Code::owned(format!("acme.{}", "rule"));
    /// assert_eq!(c, crossborder::Code::new("acme.rule"));
    /// ```
    pub fn owned(code: String) -> Self {
        Code(Cow::Owned(code))
    }

    /// The code as text.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Code::CURRENCY_UNKNOWN.as_str(), "currency.unknown");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Format problems found while reading a wire document. Rule codes are
// declared with their rules (`crate::declaration::catalogue`).
crate::macros::codes! {
    /// A number field holds text that is not a number.
    NUMBER_INVALID = "number.invalid";
    /// A number is too large, too small or too precise for the field.
    NUMBER_OUT_OF_RANGE = "number.out_of_range";
    /// An integer field holds a fraction.
    NUMBER_NOT_INTEGER = "number.not_integer";
    /// A count or integer field that cannot be negative is negative.
    NUMBER_NEGATIVE = "number.negative";
    /// The HS code is malformed (not digits, wrong length, reserved chapter).
    HS_CODE_INVALID = "hs_code.invalid";
    /// The currency is not an ISO 4217 code (nor the API's `RMB`).
    CURRENCY_UNKNOWN = "currency.unknown";
    /// The mass unit is not one the crate knows.
    MASS_UNIT_UNKNOWN = "mass_unit.unknown";
    /// A weight is negative.
    WEIGHT_NEGATIVE = "weight.negative";
    /// A timestamp is not ISO 8601 with an offset, nor a date.
    TIMESTAMP_INVALID = "timestamp.invalid";
    /// The country is not an ISO 3166 code or name.
    COUNTRY_UNKNOWN = "country.unknown";
    /// `expressType` is not `CC`, `BC` or `BBC`.
    CLEARANCE_MODE_UNKNOWN = "clearance_mode.unknown";
    /// The product `status` is not one of the API's values.
    STATUS_UNKNOWN = "status.unknown";
    /// `platformName` is not one of the API's platforms.
    PLATFORM_UNKNOWN = "platform.unknown";
    /// `orderType` is not `DEFAULT`, `DISTRIBUTOR` or `SUPPLIER`.
    ORDER_TYPE_UNKNOWN = "order_type.unknown";
    /// `customsCode` (or a callback's `region`) is not a known customs port.
    CUSTOMS_PORT_UNKNOWN = "customs_port.unknown";
    /// `declarationType` is not `order`, `product`, `company` or `brand`.
    DECLARATION_TYPE_UNKNOWN = "declaration_type.unknown";
    /// `gender` is not `Female`, `Male` or `Custom`.
    GENDER_UNKNOWN = "gender.unknown";
    /// The document is not JSON (bad syntax, truncated, not UTF-8).
    JSON_SYNTAX = "json.syntax";
    /// The document is JSON but not of the document's shape (an array where
    /// an object belongs, an object where text belongs).
    JSON_STRUCTURE = "json.structure";
    /// An object names the same member twice.
    JSON_DUPLICATE_MEMBER = "json.duplicate_member";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Code::owned)
    }
}

/// An RFC 6901 JSON Pointer into the wire document, such as `/skus/2/netWeight`.
///
/// The empty pointer `""` is the whole document. Tokens are escaped as the RFC
/// says (`~` as `~0`, `/` as `~1`), so any pointer this type prints resolves
/// with `serde_json::Value::pointer`.
///
/// # Example
///
/// ```
/// use crossborder::JsonPointer;
///
/// let p = JsonPointer::root().field("skus").index(2).field("netWeight");
/// assert_eq!(p.as_str(), "/skus/2/netWeight");
/// assert_eq!("/skus/2/netWeight".parse::<JsonPointer>()?, p);
/// assert_eq!(p.tokens().collect::<Vec<_>>(), ["skus", "2", "netWeight"]);
/// # Ok::<(), crossborder::JsonPointerError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPointer(String);

/// The error for text that is not an RFC 6901 JSON Pointer.
///
/// # Example
///
/// ```
/// let err = "skus/0".parse::<crossborder::JsonPointer>().unwrap_err();
/// assert!(err.to_string().contains("must start with"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonPointerError {
    /// A non-empty pointer must start with `/`.
    #[error("invalid json pointer {input:?}: a non-empty pointer must start with \"/\"", input = crate::echo(.0))]
    MissingSlash(String),
    /// `~` may only be followed by `0` or `1`.
    #[error("invalid json pointer {input:?}: \"~\" must be followed by \"0\" or \"1\"", input = crate::echo(.0))]
    BadEscape(String),
}

impl JsonPointer {
    /// The pointer to the whole document (`""`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::JsonPointer::root().as_str(), "");
    /// ```
    pub fn root() -> Self {
        JsonPointer(String::new())
    }

    /// This pointer with one more object member name, escaped as needed.
    ///
    /// # Example
    ///
    /// ```
    /// let p = crossborder::JsonPointer::root().field("a/b");
    /// assert_eq!(p.as_str(), "/a~1b");
    /// ```
    #[must_use]
    pub fn field(mut self, name: &str) -> Self {
        self.push_field(name);
        self
    }

    /// This pointer with one more array index.
    ///
    /// # Example
    ///
    /// ```
    /// let p = crossborder::JsonPointer::root().field("items").index(0);
    /// assert_eq!(p.as_str(), "/items/0");
    /// ```
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.push_index(index);
        self
    }

    /// Appends an object member name in place.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = crossborder::JsonPointer::root();
    /// p.push_field("m~n");
    /// assert_eq!(p.as_str(), "/m~0n");
    /// ```
    pub fn push_field(&mut self, name: &str) {
        self.0.reserve(name.len() + 1);
        self.0.push('/');
        for c in name.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                c => self.0.push(c),
            }
        }
    }

    /// Appends an array index in place.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = crossborder::JsonPointer::root();
    /// p.push_index(12);
    /// assert_eq!(p.as_str(), "/12");
    /// ```
    pub fn push_index(&mut self, index: usize) {
        use fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = write!(self.0, "/{index}");
    }

    /// The pointer as RFC 6901 text.
    ///
    /// # Example
    ///
    /// ```
    /// let p = crossborder::JsonPointer::root().field("payAmount");
    /// assert_eq!(p.as_str(), "/payAmount");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The unescaped reference tokens, first to last.
    ///
    /// # Example
    ///
    /// ```
    /// let p: crossborder::JsonPointer = "/a~1b/0".parse()?;
    /// assert_eq!(p.tokens().collect::<Vec<_>>(), ["a/b", "0"]);
    /// # Ok::<(), crossborder::JsonPointerError>(())
    /// ```
    pub fn tokens(&self) -> impl Iterator<Item = Cow<'_, str>> + '_ {
        self.0.split('/').skip(1).map(|t| {
            if t.contains('~') {
                Cow::Owned(t.replace("~1", "/").replace("~0", "~"))
            } else {
                Cow::Borrowed(t)
            }
        })
    }

    /// Whether this is the root pointer `""`.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::JsonPointer::root().is_root());
    /// ```
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for JsonPointer {
    type Err = JsonPointerError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if !s.is_empty() && !s.starts_with('/') {
            return Err(JsonPointerError::MissingSlash(s.to_owned()));
        }
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
                return Err(JsonPointerError::BadEscape(s.to_owned()));
            }
        }
        Ok(JsonPointer(s.to_owned()))
    }
}

crate::macros::serde_via_str!(JsonPointer);

/// A location in a wire document, built on the stack while a document is
/// walked, and turned into a [`JsonPointer`] only when there is something to
/// report. Walking a clean document therefore allocates nothing for paths.
///
/// # Example
///
/// ```
/// use crossborder::Loc;
///
/// let root = Loc::ROOT;
/// let skus = root.field("skus");
/// let second = skus.index(1);
/// assert_eq!(second.field("netWeight").pointer().as_str(), "/skus/1/netWeight");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Loc<'a> {
    parent: Option<&'a Loc<'a>>,
    seg: Seg<'a>,
}

#[derive(Clone, Copy, Debug)]
enum Seg<'a> {
    Root,
    Field(&'a str),
    Index(usize),
}

impl<'a> Loc<'a> {
    /// The root of the document.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Loc::ROOT.pointer().is_root());
    /// ```
    pub const ROOT: Loc<'static> = Loc {
        parent: None,
        seg: Seg::Root,
    };

    /// The member `name` of the object at this location.
    ///
    /// # Example
    ///
    /// ```
    /// let l = crossborder::Loc::ROOT;
    /// assert_eq!(l.field("hsCode").pointer().as_str(), "/hsCode");
    /// ```
    pub fn field(&'a self, name: &'a str) -> Loc<'a> {
        Loc {
            parent: Some(self),
            seg: Seg::Field(name),
        }
    }

    /// The element `index` of the array at this location.
    ///
    /// # Example
    ///
    /// ```
    /// let l = crossborder::Loc::ROOT;
    /// let items = l.field("items");
    /// assert_eq!(items.index(3).pointer().as_str(), "/items/3");
    /// ```
    pub fn index(&'a self, index: usize) -> Loc<'a> {
        Loc {
            parent: Some(self),
            seg: Seg::Index(index),
        }
    }

    /// The JSON Pointer of this location.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Loc::ROOT.pointer().is_root());
    /// ```
    pub fn pointer(&self) -> JsonPointer {
        let mut p = match self.parent {
            Some(parent) => parent.pointer(),
            None => JsonPointer::root(),
        };
        match self.seg {
            Seg::Root => {}
            Seg::Field(name) => p.push_field(name),
            Seg::Index(i) => p.push_index(i),
        }
        p
    }
}

/// The most characters of a caller's value that the crate copies into a
/// message or into [`Violation::value`]: 64.
///
/// # Example
///
/// ```
/// assert_eq!(crossborder::ECHO_MAX_CHARS, 64);
/// ```
pub const ECHO_MAX_CHARS: usize = 64;

/// The most characters of one message of a [`Violation`]: 1,024. The
/// crate's own messages stay well below it (the values they quote are cut
/// by [`echo`]); a longer message, from a caller's rule, is cut with the
/// same marker.
///
/// # Example
///
/// ```
/// assert_eq!(crossborder::MESSAGE_MAX_CHARS, 1024);
/// ```
pub const MESSAGE_MAX_CHARS: usize = 1024;

/// A caller's text as the crate echoes it back: at most
/// [`ECHO_MAX_CHARS`] characters, then, when it was longer, the marker
/// `…[+N chars]` with the number of characters left out. Every value the
/// crate quotes in a message or a [`Violation::value`] goes through it, so
/// a 10 MB field costs a report 64 characters, not 10 MB three times.
///
/// `Display` writes the text and the marker; `Debug` writes the text
/// quoted and escaped as `str`'s `Debug` does, then the marker outside the
/// quotes, so a cut value cannot be mistaken for a whole one.
///
/// # Example
///
/// ```
/// use crossborder::echo;
///
/// assert_eq!(echo("85A8").to_string(), "85A8");
/// assert_eq!(format!("{:?}", echo("85A8")), r#""85A8""#);
/// let long = "8".repeat(100);
/// assert_eq!(echo(&long).to_string(), format!("{}…[+36 chars]", "8".repeat(64)));
/// assert_eq!(format!("{:?}", echo(&long)), format!("\"{}\"…[+36 chars]", "8".repeat(64)));
/// assert!(echo(&long).is_cut());
/// ```
pub fn echo(text: &str) -> Echo<'_> {
    // A text of at most 64 bytes has at most 64 characters.
    if text.len() <= ECHO_MAX_CHARS {
        return Echo {
            head: text,
            omitted: 0,
        };
    }
    match text.char_indices().nth(ECHO_MAX_CHARS) {
        None => Echo {
            head: text,
            omitted: 0,
        },
        Some((cut, _)) => {
            let (head, rest) = text.split_at(cut);
            Echo {
                head,
                omitted: rest.chars().count(),
            }
        }
    }
}

/// A caller's text cut for echoing, made by [`echo`].
///
/// # Example
///
/// ```
/// let e = crossborder::echo("P-1");
/// assert_eq!(e.head(), "P-1");
/// assert_eq!(e.omitted_chars(), 0);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Echo<'a> {
    head: &'a str,
    omitted: usize,
}

impl<'a> Echo<'a> {
    /// The characters kept, at most [`ECHO_MAX_CHARS`].
    ///
    /// # Example
    ///
    /// ```
    /// let long = "x".repeat(70);
    /// assert_eq!(crossborder::echo(&long).head().len(), 64);
    /// ```
    pub fn head(&self) -> &'a str {
        self.head
    }

    /// How many characters were left out (0 when the text was short).
    ///
    /// # Example
    ///
    /// ```
    /// let long = "字".repeat(70);
    /// assert_eq!(crossborder::echo(&long).omitted_chars(), 6);
    /// ```
    pub fn omitted_chars(&self) -> usize {
        self.omitted
    }

    /// Whether the text was cut.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!crossborder::echo("short").is_cut());
    /// ```
    pub fn is_cut(&self) -> bool {
        self.omitted > 0
    }

    fn marker(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.omitted > 0 {
            write!(f, "…[+{} chars]", self.omitted)?;
        }
        Ok(())
    }
}

impl fmt::Display for Echo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.head)?;
        self.marker(f)
    }
}

impl fmt::Debug for Echo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.head, f)?;
        self.marker(f)
    }
}

/// `text` cut to `max` characters with [`echo`]'s marker, in place.
pub(crate) fn bound(mut text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    if let Some((cut, _)) = text.char_indices().nth(max) {
        let omitted = text[cut..].chars().count();
        text.truncate(cut);
        use fmt::Write as _;
        let _ = write!(text, "…[+{omitted} chars]");
        text.shrink_to_fit();
    }
    text
}

/// The language of a message.
///
/// # Example
///
/// ```
/// use crossborder::{Code, Language, Severity, JsonPointer, Violation};
///
/// let v = Violation::new(Code::new("x.y"), Severity::Error, JsonPointer::root(), "bad", "错误");
/// assert_eq!(v.message(Language::Chinese), "错误");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// English.
    English,
    /// Simplified Chinese.
    Chinese,
}

/// One problem found in a document: what (a [`Code`]), how bad (a
/// [`Severity`]), where (a [`JsonPointer`] into the wire JSON), the offending
/// value, and a message in English and in Chinese.
///
/// # Example
///
/// ```
/// use crossborder::{Code, JsonPointer, Severity, Violation};
///
/// let v = Violation::new(
///     Code::HS_CODE_INVALID,
///     Severity::Error,
///     JsonPointer::root().field("hsCode"),
///     "invalid hs code \"85A8\": only digits are allowed",
///     "HS 编码 \"85A8\" 无效：只能包含数字",
/// )
/// .with_value("85A8");
/// assert_eq!(v.code(), &Code::HS_CODE_INVALID);
/// assert_eq!(v.pointer().as_str(), "/hsCode");
/// assert_eq!(v.value(), Some("85A8"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    code: Code,
    severity: Severity,
    path: JsonPointer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    message: Message,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Message {
    en: String,
    zh: String,
}

impl Violation {
    /// A violation with its code, severity, location and messages. A
    /// message longer than [`MESSAGE_MAX_CHARS`] characters is cut, with
    /// [`echo`]'s marker.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("acme.x"), Severity::Warning, JsonPointer::root(), "en", "中");
    /// assert_eq!(v.severity(), Severity::Warning);
    /// ```
    pub fn new(
        code: Code,
        severity: Severity,
        path: JsonPointer,
        message_en: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> Self {
        Violation {
            code,
            severity,
            path,
            value: None,
            message: Message {
                en: bound(message_en.into(), MESSAGE_MAX_CHARS),
                zh: bound(message_zh.into(), MESSAGE_MAX_CHARS),
            },
        }
    }

    /// The same violation carrying the offending value, as text, cut to
    /// [`ECHO_MAX_CHARS`] characters by [`echo`] (a longer value keeps its
    /// first 64 characters and the marker `…[+N chars]`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z")
    ///     .with_value("XYZ");
    /// assert_eq!(v.value(), Some("XYZ"));
    /// let huge = "9".repeat(10_000_000);
    /// let v = v.with_value(&huge);
    /// assert_eq!(v.value(), Some(format!("{}…[+9999936 chars]", "9".repeat(64)).as_str()));
    /// ```
    #[must_use]
    pub fn with_value(mut self, value: impl AsRef<str>) -> Self {
        self.value = Some(echo(value.as_ref()).to_string());
        self
    }

    /// The same violation with another severity (rule sets use this to
    /// downgrade or upgrade a rule).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z")
    ///     .with_severity(Severity::Warning);
    /// assert_eq!(v.severity(), Severity::Warning);
    /// ```
    #[must_use]
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The stable code.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z");
    /// assert_eq!(v.code().as_str(), "a.b");
    /// ```
    pub fn code(&self) -> &Code {
        &self.code
    }

    /// The severity.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z");
    /// assert_eq!(v.severity(), Severity::Error);
    /// ```
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Where in the wire document the problem is.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root().field("x"), "e", "z");
    /// assert_eq!(v.pointer().as_str(), "/x");
    /// ```
    pub fn pointer(&self) -> &JsonPointer {
        &self.path
    }

    /// The offending value as text, where there is one.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z");
    /// assert_eq!(v.value(), None);
    /// ```
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// The message in the given language.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Language, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "bad", "坏");
    /// assert_eq!(v.message(Language::English), "bad");
    /// ```
    pub fn message(&self, language: Language) -> &str {
        match language {
            Language::English => &self.message.en,
            Language::Chinese => &self.message.zh,
        }
    }

    /// The English message.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "bad", "坏");
    /// assert_eq!(v.message_en(), "bad");
    /// ```
    pub fn message_en(&self) -> &str {
        &self.message.en
    }

    /// The Chinese message.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Severity, Violation};
    /// let v = Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "bad", "坏");
    /// assert_eq!(v.message_zh(), "坏");
    /// ```
    pub fn message_zh(&self) -> &str {
        &self.message.zh
    }
}

impl fmt::Display for Violation {
    /// One line: severity, code, pointer, English message; then the Chinese
    /// message on a second, indented line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_root() {
            "(document)"
        } else {
            self.path.as_str()
        };
        write!(
            f,
            "{:<7} {} at {}: {}\n        {}",
            self.severity, self.code, path, self.message.en, self.message.zh
        )
    }
}

/// A list of [`Violation`]s in document order.
///
/// Serializes as a JSON array of violations. Renders as text with
/// [`Display`](fmt::Display) (both languages) or [`Report::render`] (one
/// language).
///
/// # Example
///
/// ```
/// use crossborder::{Code, JsonPointer, Report, Severity, Violation};
///
/// let mut report = Report::new();
/// assert!(report.is_empty());
/// report.push(Violation::new(Code::new("a.b"), Severity::Warning, JsonPointer::root(), "w", "警告"));
/// assert!(!report.has_errors());
/// assert_eq!(report.warnings().count(), 1);
/// assert!(report.into_result().is_ok());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    /// An empty report.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Report::new().len(), 0);
    /// ```
    pub fn new() -> Self {
        Report::default()
    }

    /// Adds a violation at the end.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Report, Severity, Violation};
    /// let mut r = Report::new();
    /// r.push(Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z"));
    /// assert_eq!(r.len(), 1);
    /// ```
    pub fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// Moves every violation of `other` to the end of this report.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Report, Severity, Violation};
    /// let mut a = Report::new();
    /// let mut b = Report::new();
    /// b.push(Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z"));
    /// a.append(b);
    /// assert_eq!(a.len(), 1);
    /// ```
    pub fn append(&mut self, other: Report) {
        self.violations.extend(other.violations);
    }

    /// The number of violations.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Report::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// Whether there are no violations at all.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Report::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// Whether any violation is an error.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!crossborder::Report::new().has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.violations
            .iter()
            .any(|v| v.severity == Severity::Error)
    }

    /// Every violation, in document order.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Report::new().iter().count(), 0);
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The violations as a slice.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(crossborder::Report::new().as_slice().is_empty());
    /// ```
    pub fn as_slice(&self) -> &[Violation] {
        &self.violations
    }

    /// The violations of one severity.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Report, Severity, Violation};
    /// let mut r = Report::new();
    /// r.push(Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z"));
    /// assert_eq!(r.with_severity(Severity::Error).count(), 1);
    /// assert_eq!(r.with_severity(Severity::Warning).count(), 0);
    /// ```
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Violation> + '_ {
        self.violations
            .iter()
            .filter(move |v| v.severity == severity)
    }

    /// The errors.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Report::new().errors().count(), 0);
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Violation> + '_ {
        self.with_severity(Severity::Error)
    }

    /// The warnings.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::Report::new().warnings().count(), 0);
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> + '_ {
        self.with_severity(Severity::Warning)
    }

    /// Keeps only the violations for which `keep` returns true.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Report, Severity, Violation};
    /// let mut r = Report::new();
    /// r.push(Violation::new(Code::new("a.b"), Severity::Warning, JsonPointer::root(), "e", "z"));
    /// r.retain(|v| v.severity() == Severity::Error);
    /// assert!(r.is_empty());
    /// ```
    pub fn retain(&mut self, keep: impl FnMut(&Violation) -> bool) {
        self.violations.retain(keep);
    }

    /// Whether some violation has this code.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Report, Severity, Violation};
    /// let mut r = Report::new();
    /// r.push(Violation::new(Code::CURRENCY_UNKNOWN, Severity::Error, JsonPointer::root(), "e", "z"));
    /// assert!(r.contains_code(&Code::CURRENCY_UNKNOWN));
    /// ```
    pub fn contains_code(&self, code: &Code) -> bool {
        self.violations.iter().any(|v| &v.code == code)
    }

    /// Sorts the violations into document order: the order of the API's
    /// field tables, array elements by index, unknown members after known
    /// ones. Violations at the same place keep the order they were added in.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Code, DocumentKind, Report, Severity, Violation};
    /// let at = |p: &str| Violation::new(Code::new("x.y"), Severity::Error, p.parse().unwrap(), "", "");
    /// let mut r: Report = [at("/payAmount"), at("/items/0/quantity"), at("/orderId")].into_iter().collect();
    /// r.sort_document_order(DocumentKind::Order);
    /// assert_eq!(r.as_slice()[0].pointer().as_str(), "/orderId");
    /// assert_eq!(r.as_slice()[2].pointer().as_str(), "/payAmount");
    /// ```
    pub fn sort_document_order(&mut self, kind: crate::DocumentKind) {
        if self.violations.len() < 2 {
            return;
        }
        // A missing field sorts where the field would stand.
        let key = |v: &Violation| match (&v.value, v.code == Code::REQUIRED_MISSING) {
            (Some(field), true) => crate::wire::document_key(kind, &v.path.clone().field(field)),
            _ => crate::wire::document_key(kind, &v.path),
        };
        // Already in order (a conversion reports most fields in document
        // order): nothing to move. One key at a time, so a long report
        // needs no list of keys for this.
        let mut previous = None;
        let in_order = self.violations.iter().all(|v| {
            let this = key(v);
            let ok = previous.as_ref().is_none_or(|p| *p <= this);
            previous = Some(this);
            ok
        });
        if in_order {
            return;
        }
        // Sort small (key, index) pairs, then move each violation once.
        let mut keyed: Vec<_> = self
            .violations
            .iter()
            .enumerate()
            .map(|(i, v)| (key(v), i))
            .collect();
        // The index makes every key distinct: an unstable sort keeps the
        // order of violations at the same place.
        keyed.sort_unstable();
        let mut slots: Vec<Option<Violation>> = std::mem::take(&mut self.violations)
            .into_iter()
            .map(Some)
            .collect();
        self.violations = keyed
            .into_iter()
            .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take))
            .collect();
    }

    /// `Ok(self)` when there is no error (warnings pass), `Err(self)` when there
    /// is at least one.
    ///
    /// # Errors
    ///
    /// The whole report, when it holds an error.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Report, Severity, Violation};
    /// let mut r = Report::new();
    /// r.push(Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root(), "e", "z"));
    /// let err = r.into_result().unwrap_err();
    /// assert_eq!(err.len(), 1);
    /// ```
    pub fn into_result(self) -> Result<Report, Report> {
        if self.has_errors() {
            Err(self)
        } else {
            Ok(self)
        }
    }

    /// The report as text in one language: one line a violation, then a
    /// summary line.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{Code, JsonPointer, Language, Report, Severity, Violation};
    /// let mut r = Report::new();
    /// r.push(Violation::new(Code::new("a.b"), Severity::Error, JsonPointer::root().field("x"), "bad x", "x 错误"));
    /// let text = r.render(Language::English);
    /// assert!(text.contains("error   a.b at /x: bad x"));
    /// assert!(text.ends_with("1 error, 0 warnings\n"));
    /// ```
    pub fn render(&self, language: Language) -> String {
        use fmt::Write as _;
        let mut out = String::new();
        for v in &self.violations {
            let path = if v.path.is_root() {
                "(document)"
            } else {
                v.path.as_str()
            };
            let _ = writeln!(
                out,
                "{:<7} {} at {}: {}",
                v.severity,
                v.code,
                path,
                v.message(language)
            );
        }
        out.push_str(&self.summary(language));
        out.push('\n');
        out
    }

    fn summary(&self, language: Language) -> String {
        let errors = self.errors().count();
        let warnings = self.warnings().count();
        match language {
            Language::Chinese => format!("{errors} 个错误，{warnings} 个警告"),
            Language::English => format!(
                "{errors} error{}, {warnings} warning{}",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            ),
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for v in &self.violations {
            writeln!(f, "{v}")?;
        }
        write!(
            f,
            "{} / {}",
            self.summary(Language::English),
            self.summary(Language::Chinese)
        )
    }
}

/// A report is an error (the `Err` of [`Report::into_result`]), so `?` can
/// pass it on.
impl std::error::Error for Report {}

impl IntoIterator for Report {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl FromIterator<Violation> for Report {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Report {
            violations: iter.into_iter().collect(),
        }
    }
}

impl Extend<Violation> for Report {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        self.violations.extend(iter);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_and_parses_back() {
        let p = JsonPointer::root().field("a/b").field("c~d").index(7);
        assert_eq!(p.as_str(), "/a~1b/c~0d/7");
        let back: JsonPointer = p.as_str().parse().unwrap();
        assert_eq!(back, p);
        assert_eq!(back.tokens().collect::<Vec<_>>(), ["a/b", "c~d", "7"]);
    }

    #[test]
    fn pointer_rejects_bad_text() {
        assert!(matches!(
            "x".parse::<JsonPointer>(),
            Err(JsonPointerError::MissingSlash(_))
        ));
        assert!(matches!(
            "/a~2".parse::<JsonPointer>(),
            Err(JsonPointerError::BadEscape(_))
        ));
        assert!(matches!(
            "/a~".parse::<JsonPointer>(),
            Err(JsonPointerError::BadEscape(_))
        ));
        assert_eq!("".parse::<JsonPointer>().unwrap(), JsonPointer::root());
    }

    #[test]
    fn loc_builds_pointer_lazily() {
        let root = Loc::ROOT;
        let items = root.field("items");
        let first = items.index(0);
        let product = first.field("product");
        assert_eq!(
            product.field("hsCode").pointer().as_str(),
            "/items/0/product/hsCode"
        );
    }

    #[test]
    fn report_into_result_splits_on_errors() {
        let w = Violation::new(
            Code::new("a"),
            Severity::Warning,
            JsonPointer::root(),
            "w",
            "w",
        );
        let e = Violation::new(
            Code::new("b"),
            Severity::Error,
            JsonPointer::root(),
            "e",
            "e",
        );
        let only_w: Report = vec![w.clone()].into_iter().collect();
        assert_eq!(only_w.clone().into_result(), Ok(only_w));
        let both: Report = vec![w, e].into_iter().collect();
        assert_eq!(both.clone().into_result(), Err(both));
    }

    #[test]
    fn report_serializes_as_array() {
        let r: Report = vec![
            Violation::new(
                Code::CURRENCY_UNKNOWN,
                Severity::Error,
                JsonPointer::root().field("currency"),
                "unknown currency \"XXY\"",
                "未知币种 \"XXY\"",
            )
            .with_value("XXY"),
        ]
        .into_iter()
        .collect();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json[0]["code"], "currency.unknown");
        assert_eq!(json[0]["severity"], "error");
        assert_eq!(json[0]["path"], "/currency");
        assert_eq!(json[0]["value"], "XXY");
        assert_eq!(json[0]["message"]["zh"], "未知币种 \"XXY\"");
        let back: Report = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn severity_text_round_trips() {
        for s in [Severity::Error, Severity::Warning] {
            assert_eq!(s.to_string().parse::<Severity>().unwrap(), s);
        }
        assert!("fatal".parse::<Severity>().is_err());
    }
}
