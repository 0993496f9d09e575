//! [`Text`], the text of a wire field, and the reader of text fields that
//! also accept a JSON number (for the wire structs and the channel JSON):
//! ERPs often send ids, postal codes and phone numbers (`"orderId": 12345`,
//! `"zip": 200000`) as numbers. Rejecting the whole document for that would
//! hide every other problem, so the number is read as its text. It is
//! written back as a string.
//!
//! An HS code sent as a number loses its leading zero (`0101210000` becomes
//! `101210000`); the declaration rules then report its length.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::place::{Back, Sink};

/// How many bytes of text a [`Text`] holds without a heap allocation.
const INLINE: usize = 22;

/// The text of a wire field: a string that holds up to 22 bytes (a currency,
/// a unit, a code, an HS code, most ids and short names) in place, without a
/// heap allocation, and longer text on the heap. It reads like a `&str`
/// (through `Deref`), compares with `str` and `String`, and is built from
/// either with `into()`.
///
/// A JSON number in a text field (`"zip": 200000`) is read as its text.
///
/// # Example
///
/// ```
/// use crossborder::wire::Text;
///
/// let code: Text = "6109100000".into();
/// assert_eq!(code, "6109100000");
/// assert_eq!(code.len(), 10); // a `str` method, through `Deref`
/// let long = Text::from("纯棉圆领短袖T恤，白色，M 码，含吊牌");
/// assert!(long.starts_with("纯棉"));
/// let zip: Text = serde_json::from_str("200000")?;
/// assert_eq!(zip.as_str(), "200000");
/// assert_eq!(serde_json::to_string(&zip)?, "\"200000\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Inline(Inline),
    Heap(Box<str>),
}

/// Text held in place: `len` bytes at the front of `buf`, valid UTF-8 (only
/// ever copied from a `str`), the rest zero. `buf` comes first and the
/// whole is 8-aligned, so the UTF-8 check of [`Text::as_str`] starts on a
/// word boundary (its fast path for ASCII); the length's unused values are
/// the niche that tells the heap variant (and `None`) apart, so a `Text`
/// is as small as a `String`.
#[derive(Clone, Copy)]
#[repr(C, align(8))]
struct Inline {
    buf: [u8; INLINE],
    len: Len,
}

/// The length of inline text, 0 to [`INLINE`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
#[rustfmt::skip]
enum Len {
    L0, L1, L2, L3, L4, L5, L6, L7, L8, L9, L10, L11, L12, L13, L14, L15, L16,
    L17, L18, L19, L20, L21, L22,
}

impl Len {
    #[rustfmt::skip]
    const ALL: [Len; INLINE + 1] = [
        Len::L0, Len::L1, Len::L2, Len::L3, Len::L4, Len::L5, Len::L6, Len::L7,
        Len::L8, Len::L9, Len::L10, Len::L11, Len::L12, Len::L13, Len::L14,
        Len::L15, Len::L16, Len::L17, Len::L18, Len::L19, Len::L20, Len::L21,
        Len::L22,
    ];

    /// `n` (at most [`INLINE`]; longer is cut).
    const fn of(n: usize) -> Len {
        Len::ALL[if n < INLINE { n } else { INLINE }]
    }

    const fn get(self) -> usize {
        self as usize
    }
}

const _: () = assert!(std::mem::size_of::<Option<Text>>() == std::mem::size_of::<String>());

impl Text {
    /// The text `s`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::wire::Text::new("RMB").as_str(), "RMB");
    /// ```
    #[inline]
    pub fn new(s: &str) -> Text {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            copy_short(&mut buf, s.as_bytes());
            Text(Repr::Inline(Inline {
                buf,
                len: Len::of(s.len()),
            }))
        } else {
            Text::heap(s)
        }
    }

    /// Text longer than fits in place.
    #[inline(never)]
    fn heap(s: &str) -> Text {
        Text(Repr::Heap(s.into()))
    }

    /// The text `s` of at most 22 bytes, for constants (a longer one fails
    /// to compile in a constant, and panics elsewhere).
    pub(crate) const fn inline(s: &str) -> Text {
        let bytes = s.as_bytes();
        assert!(bytes.len() <= INLINE, "Text::inline takes at most 22 bytes");
        let mut buf = [0u8; INLINE];
        let mut len = 0;
        while len < bytes.len() && len < INLINE {
            buf[len] = bytes[len];
            len += 1;
        }
        Text(Repr::Inline(Inline {
            buf,
            len: Len::of(len),
        }))
    }

    /// The text as a `&str`.
    ///
    /// # Example
    ///
    /// ```
    /// let t = crossborder::wire::Text::from(String::from("SO-1"));
    /// assert_eq!(t.as_str(), "SO-1");
    /// ```
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Only ever filled from a whole `str`, so always valid.
            Repr::Inline(inline) => std::str::from_utf8(inline.bytes()).unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }

    /// The text as a `String` (without copying when it is on the heap).
    ///
    /// # Example
    ///
    /// ```
    /// let t = crossborder::wire::Text::from("A-1");
    /// assert_eq!(t.into_string(), "A-1");
    /// ```
    pub fn into_string(self) -> String {
        match self.0 {
            Repr::Inline(_) => self.as_str().to_owned(),
            Repr::Heap(s) => s.into_string(),
        }
    }
}

impl Inline {
    #[inline]
    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len.get()).unwrap_or_default()
    }
}

impl Text {
    /// Whether the text is empty or only white space (as `str::trim`
    /// finds it), without the UTF-8 check of inline text when it starts
    /// with a visible ASCII character, as the usual value does.
    #[inline]
    pub(crate) fn is_blank(&self) -> bool {
        match self.bytes().first() {
            Some(b) if visible(b) => false,
            None => true,
            Some(_) => self.as_str().trim().is_empty(),
        }
    }

    /// The bytes of the text trimmed as `str::trim` trims it, without the
    /// UTF-8 check of inline text when the text starts and ends with a
    /// visible ASCII character, as the usual id does.
    #[inline]
    pub(crate) fn trimmed_bytes(&self) -> &[u8] {
        let bytes = self.bytes();
        match (bytes.first(), bytes.last()) {
            (Some(a), Some(z)) if visible(a) && visible(z) => bytes,
            _ => self.as_str().trim().as_bytes(),
        }
    }

    /// The first 16 bytes of [`Text::trimmed_bytes`], zero-padded, as a
    /// big-endian integer: a sort key that orders texts as their trimmed
    /// bytes do, except that texts sharing their first 16 bytes (or
    /// differing only in trailing zero bytes) share a key. Inline text that
    /// needs no trimming is read straight from its buffer, whose unused
    /// bytes are zero.
    #[inline]
    pub(crate) fn trimmed_key(&self) -> u128 {
        if let Repr::Inline(inline) = &self.0
            && let (Some(a), Some(z)) = (inline.bytes().first(), inline.bytes().last())
            && visible(a)
            && visible(z)
            && let Some(front) = inline.buf.first_chunk::<16>()
        {
            return u128::from_be_bytes(*front);
        }
        let bytes = self.trimmed_bytes();
        let mut key = [0u8; 16];
        let n = bytes.len().min(16);
        if let (Some(to), Some(from)) = (key.get_mut(..n), bytes.get(..n)) {
            to.copy_from_slice(from);
        }
        u128::from_be_bytes(key)
    }

    /// The text's bytes, without the UTF-8 check that `as_str` makes of
    /// inline text (for comparing and hashing).
    #[inline]
    fn bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline(inline) => inline.bytes(),
            Repr::Heap(s) => s.as_bytes(),
        }
    }
}

/// Copies `b` (at most [`INLINE`] bytes) to the front of `buf` with two
/// fixed-size, possibly overlapping copies, which compile to a few moves
/// where a copy of variable length is a call to `memcpy`.
#[inline]
fn copy_short(buf: &mut [u8; INLINE], b: &[u8]) {
    fn two<const N: usize>(buf: &mut [u8; INLINE], b: &[u8]) {
        let n = b.len();
        let tail = n.saturating_sub(N);
        if let (Some(d), Some(s)) = (buf.get_mut(..N), b.get(..N)) {
            d.copy_from_slice(s);
        }
        if let (Some(d), Some(s)) = (buf.get_mut(tail..tail + N), b.get(tail..)) {
            d.copy_from_slice(s);
        }
    }
    match b.len() {
        16.. => two::<16>(buf, b),
        8.. => two::<8>(buf, b),
        4.. => two::<4>(buf, b),
        _ => {
            for (d, s) in buf.iter_mut().zip(b) {
                *d = *s;
            }
        }
    }
}

impl Default for Text {
    /// The empty text.
    fn default() -> Self {
        Text(Repr::Inline(Inline {
            buf: [0; INLINE],
            len: Len::L0,
        }))
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        if s.len() <= INLINE {
            Text::new(&s)
        } else {
            Text(Repr::Heap(s.into_boxed_str()))
        }
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Text::new(s)
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.into_string()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.bytes() == other.as_bytes()
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.bytes() == other.as_bytes()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self.as_bytes() == other.bytes()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        self.as_bytes() == other.bytes()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_bytes() == other.bytes()
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        // The order of `str`, which is the order of its bytes.
        self.bytes().cmp(other.bytes())
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(TextVisitor(Back))? {
            Some(t) => Ok(t),
            None => Err(de::Error::invalid_type(
                de::Unexpected::Unit,
                &TextVisitor(Back),
            )),
        }
    }
}

struct TextVisitor<S>(S);

impl<'de, S: Sink<Text>> Visitor<'de> for TextVisitor<S> {
    type Value = S::Out;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string (or a number, read as its text)")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Text::new(v))))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Text::from(v))))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Text::new(&v.to_string()))))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Text::new(&v.to_string()))))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(self.0.put(Some(Text::new(&v.to_string()))))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.0.put(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.0.put(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        // serde_json's `arbitrary_precision` hands numbers over as a map; any
        // other object is not text.
        let text = crate::number::arbitrary_precision_text(map, &self)?;
        Ok(self.0.put(Some(Text::new(&text))))
    }
}

/// An optional text field: a string, a number (as its text), or `null`.
pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Text>, D::Error> {
    d.deserialize_any(TextVisitor(Back))
}

/// [`optional`] written into its place (`&mut Option<Text>`), or into a
/// field with a default (`&mut Text`, which `null` leaves).
#[inline]
pub(crate) fn read_into<'de, D: Deserializer<'de>, S: Sink<Text, Out = ()>>(
    d: D,
    place: S,
) -> Result<(), D::Error> {
    d.deserialize_any(TextVisitor(place))
}

/// An optional text field read into a `String` (for JSON forms outside the
/// wire structs).
pub(crate) fn optional_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(optional(d)?.map(Text::into_string))
}

/// `str::trim`, with the usual case first: a text that starts and ends
/// with a visible ASCII character (every Unicode white space is either at
/// most a space or outside ASCII) is its own trim, without the walk over
/// Unicode white space. The codes, units, numbers and enum names the API
/// carries almost always are.
/// A visible ASCII character: text that starts and ends with one has no
/// white space to trim, ASCII or Unicode.
#[inline]
fn visible(b: &u8) -> bool {
    *b > b' ' && b.is_ascii()
}

pub(crate) trait TrimFast {
    /// The text without leading and trailing white space, as `str::trim`.
    fn trim_fast(&self) -> &str;
}

impl TrimFast for str {
    #[inline]
    fn trim_fast(&self) -> &str {
        match (self.as_bytes().first(), self.as_bytes().last()) {
            (Some(a), Some(z)) if visible(a) && visible(z) => self,
            _ => self.trim(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_inline_and_long_text_on_the_heap() {
        let short = Text::new("6109100000");
        assert!(matches!(
            short.0,
            Repr::Inline(Inline { len: Len::L10, .. })
        ));
        let edge = Text::new("纯棉圆领短袖T"); // 7 x 3 bytes + 1
        assert!(matches!(edge.0, Repr::Inline(Inline { len: Len::L19, .. })));
        let long = Text::new("2024-05-01T10:00:00+08:00");
        assert!(matches!(long.0, Repr::Heap(_)));
        for t in [short, edge, long] {
            assert_eq!(Text::new(t.as_str()), t);
            assert_eq!(Text::from(t.as_str().to_owned()).as_str(), t.as_str());
        }
        assert_eq!(Text::default(), "");
        assert_eq!(std::mem::size_of::<Text>(), std::mem::size_of::<String>());
    }

    #[test]
    fn text_of_every_short_length_is_kept_whole() {
        let source = "0123456789abcdefghijkl";
        for n in 0..=INLINE {
            let t = Text::new(&source[..n]);
            assert!(matches!(t.0, Repr::Inline(_)));
            assert_eq!(t.as_str(), &source[..n]);
        }
        assert_eq!(Text::new("白色").as_str(), "白色");
        assert_eq!(Text::new("纯棉圆领短袖T").as_str(), "纯棉圆领短袖T");
    }

    #[test]
    fn constant_text_is_the_same_text() {
        for s in [
            "",
            "RMB",
            "035",
            "Kilogram",
            "纯棉圆领短袖T",
            "1234567890123456789012",
        ] {
            assert_eq!(Text::inline(s), Text::new(s));
            assert_eq!(Text::inline(s).as_str(), s);
        }
    }

    #[test]
    fn numbers_are_read_as_their_text_and_other_values_are_errors() {
        let read = |j: &str| serde_json::from_str::<Text>(j);
        assert_eq!(read("12345").unwrap(), "12345");
        assert_eq!(read("-7").unwrap(), "-7");
        assert_eq!(read("\"a\\u00e9\"").unwrap(), "aé");
        assert!(read("null").is_err());
        assert!(read("true").is_err());
        assert!(read("[\"a\"]").is_err());
        assert!(read("{\"a\":\"b\"}").is_err());
        assert!(read(r#"{"$serde_json::private::Number":"abc"}"#).is_err());
        assert_eq!(
            read(r#"{"$serde_json::private::Number":"12"}"#).unwrap(),
            "12"
        );
    }

    #[test]
    fn trim_fast_is_trim() {
        use super::TrimFast;
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\n",
            "RMB",
            "\u{3000}RMB",
            "RMB\u{a0}",
            "\u{85}x",
            "x\u{2028}",
            "\u{1}x",
            "x\u{7f}",
            "纯棉",
            " 纯棉 ",
            "\u{1c}a\u{1f}",
            "~!",
        ] {
            assert_eq!(s.trim_fast(), s.trim(), "{s:?}");
        }
    }

    /// The key of the trimmed text made the long way: its first 16 bytes,
    /// zero-padded, big-endian.
    fn key_of(s: &str) -> u128 {
        let mut key = [0u8; 16];
        for (k, b) in key.iter_mut().zip(s.trim().bytes()) {
            *k = b;
        }
        u128::from_be_bytes(key)
    }

    #[test]
    fn trimmed_keys_of_inline_and_heap_text() {
        for s in [
            "",
            "  ",
            "A",
            "A\u{0}",
            " A ",
            "SKU-000001",
            "SKU-1 ",
            " SKU-1",
            "SKU-1\u{3000}",
            "SIXTEEN-BYTES-16",
            "SIXTEEN-BYTES-16\u{0}",
            "TWENTY-TWO-BYTES-22.2",
            "TWENTY-THREE-BYTES-23.3",
            "\u{3000}LONG-PREFIX-ABCDEFG\u{3000}",
            "纯棉圆领短袖T",
        ] {
            assert_eq!(Text::new(s).trimmed_key(), key_of(s), "{s:?}");
        }
        assert!(Text::new("A").trimmed_key() < Text::new("B").trimmed_key());
        assert!(Text::new("A").trimmed_key() < Text::new("AA").trimmed_key());
    }

    proptest::proptest! {
        #[test]
        fn trimmed_key_is_the_trimmed_texts_first_bytes(s in "[ \u{0}-\u{7f}\u{3000}a-z纯]{0,30}") {
            proptest::prop_assert_eq!(Text::new(&s).trimmed_key(), key_of(&s));
        }

        #[test]
        fn trim_fast_agrees_with_trim(s in "[ \t\r\n\u{0}-\u{7f}\u{85}\u{a0}\u{3000}a-z纯]{0,6}") {
            use super::TrimFast;
            proptest::prop_assert_eq!(s.trim_fast(), s.trim());
        }
    }
}
