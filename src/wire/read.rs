//! [`from_json`]: a wire document from JSON bytes, with a structural error
//! as a violation at its JSON Pointer, line and column.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::{Code, JsonPointer, Report, Severity, Violation};

/// What kind of structural problem a [`JsonError`] is.
///
/// # Example
///
/// ```
/// use crossborder::wire::{self, JsonErrorKind};
/// let err = wire::from_json::<wire::Product>(b"{\"name\": ").unwrap_err();
/// assert_eq!(err.kind(), JsonErrorKind::Syntax);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsonErrorKind {
    /// Not JSON: bad syntax, a truncated document, text that is not UTF-8.
    Syntax,
    /// JSON, but not the document's shape: an array where an object belongs,
    /// an object where text belongs, a string where a boolean belongs.
    Structure,
    /// An object names the same member twice (which value was meant is
    /// unknown, so neither is taken).
    DuplicateMember,
}

/// A document that could not be read: the one violation that stops reading,
/// with the line and column (as `serde_json` counts them: bytes, from 1) and
/// the JSON Pointer of the value where it was found.
///
/// # Example
///
/// ```
/// use crossborder::wire::{self, JsonErrorKind};
///
/// let json = br#"{"skus": [{"skuNumber": "A-1", "skuNumber": "A-2"}]}"#;
/// let err = wire::from_json::<wire::Product>(json).unwrap_err();
/// assert_eq!(err.kind(), JsonErrorKind::DuplicateMember);
/// assert_eq!(err.pointer().as_str(), "/skus/0/skuNumber");
/// assert_eq!((err.line(), err.column()), (1, 42));
/// let v = err.to_violation();
/// assert_eq!(v.code().as_str(), "json.duplicate_member");
/// assert!(v.message_en().contains("line 1, column 42"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    kind: JsonErrorKind,
    line: usize,
    column: usize,
    pointer: JsonPointer,
    detail: String,
}

impl JsonError {
    /// What kind of problem this is.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire::{self, JsonErrorKind};
    /// let err = wire::from_json::<wire::Order>(br#"{"items": {"quantity": 1}}"#).unwrap_err();
    /// assert_eq!(err.kind(), JsonErrorKind::Structure); // an object where an array belongs
    /// ```
    pub fn kind(&self) -> JsonErrorKind {
        self.kind
    }

    /// The line, from 1.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire;
    /// let err = wire::from_json::<wire::Product>(b"{\n  \"name\": \"T\",\n  \"price\": }").unwrap_err();
    /// assert_eq!(err.line(), 3);
    /// ```
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column, in bytes, from 1.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire;
    /// let err = wire::from_json::<wire::Product>(br#"{"name": "T", "price": }"#).unwrap_err();
    /// assert_eq!((err.line(), err.column()), (1, 24));
    /// ```
    pub fn column(&self) -> usize {
        self.column
    }

    /// The JSON Pointer of the value where reading stopped.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire;
    /// let err = wire::from_json::<wire::Order>(br#"{"items": [{"product": {"skus": 3}}]}"#).unwrap_err();
    /// assert_eq!(err.pointer().as_str(), "/items/0/product/skus");
    /// ```
    pub fn pointer(&self) -> &JsonPointer {
        &self.pointer
    }

    /// The stable code: `json.syntax`, `json.structure` or
    /// `json.duplicate_member`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{wire, Code};
    /// let err = wire::from_json::<wire::Order>(br#"{"customer": ["Zhang", "San"]}"#).unwrap_err();
    /// assert_eq!(err.code(), Code::JSON_STRUCTURE);
    /// assert_eq!(err.pointer().as_str(), "/customer");
    /// ```
    pub fn code(&self) -> Code {
        match self.kind {
            JsonErrorKind::Syntax => Code::JSON_SYNTAX,
            JsonErrorKind::Structure => Code::JSON_STRUCTURE,
            JsonErrorKind::DuplicateMember => Code::JSON_DUPLICATE_MEMBER,
        }
    }

    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire;
    /// let err = wire::from_json::<wire::Product>(b"[]").unwrap_err();
    /// assert!(err.message_zh().starts_with("第 1 行第 2 列"));
    /// ```
    pub fn message_zh(&self) -> String {
        let what = match self.kind {
            JsonErrorKind::Syntax => "不是有效的 JSON",
            JsonErrorKind::Structure => "JSON 结构不符",
            JsonErrorKind::DuplicateMember => "对象中的成员重复",
        };
        format!(
            "第 {} 行第 {} 列：{what}（{}）",
            self.line, self.column, self.detail
        )
    }

    /// The error as the crate's one violation type.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{wire, Severity};
    /// let v = wire::from_json::<wire::Product>(b"[]").unwrap_err().to_violation();
    /// assert_eq!(v.code().as_str(), "json.structure");
    /// assert_eq!(v.severity(), Severity::Error);
    /// assert!(v.pointer().is_root());
    /// assert!(v.message_zh().contains("JSON 结构不符"));
    /// ```
    pub fn to_violation(&self) -> Violation {
        Violation::new(
            self.code(),
            Severity::Error,
            self.pointer.clone(),
            self.to_string(),
            self.message_zh(),
        )
    }

    /// A report holding [`JsonError::to_violation`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::wire;
    /// let report = wire::from_json::<wire::Product>(b"{").unwrap_err().into_report();
    /// assert!(report.has_errors());
    /// ```
    pub fn into_report(self) -> Report {
        std::iter::once(self.to_violation()).collect()
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            JsonErrorKind::Syntax => "not valid JSON",
            JsonErrorKind::Structure => "JSON of the wrong shape",
            JsonErrorKind::DuplicateMember => "a member named twice",
        };
        write!(
            f,
            "{what} at line {}, column {}: {}",
            self.line, self.column, self.detail
        )
    }
}

impl std::error::Error for JsonError {}

/// Reads a wire document (or any type that derives `Deserialize`) from JSON
/// bytes, as the crate reads every document (and faster than
/// `serde_json::from_slice`, which checks each string's UTF-8 separately
/// where this checks the document once): a UTF-8 byte-order mark is
/// skipped, numbers are read exactly ([`crate::wire::Number`]), unknown
/// members are ignored, and a bad *value* is kept for the conversion to
/// report. What stops reading is structural, and comes back as a
/// [`JsonError`] with its kind, line, column and JSON Pointer: text that is
/// not JSON, an array where an object belongs, a member named twice.
///
/// # Errors
///
/// The [`JsonError`] where reading stopped.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let bytes = "\u{feff}{\"name\": \"T恤\", \"price\": 59.90}".as_bytes();
/// let product: wire::Product = wire::from_json(bytes)?;
/// assert_eq!(product.name.as_deref(), Some("T恤"));
///
/// let err = wire::from_json::<wire::Product>(br#"{"name": "a", "name": "b"}"#).unwrap_err();
/// assert_eq!(err.pointer().as_str(), "/name");
/// # Ok::<(), wire::JsonError>(())
/// ```
pub fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, JsonError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        JsonError {
            kind: JsonErrorKind::Syntax,
            line,
            column,
            pointer: pointer_at(bytes, e.valid_up_to(), Refused::Nothing),
            detail: "the text is not UTF-8".to_owned(),
        }
    })?;
    // As `serde_json::from_str`, without moving the value once more.
    let mut de = serde_json::Deserializer::from_str(text);
    match T::deserialize(&mut de) {
        Ok(value) => match de.end() {
            Ok(()) => Ok(value),
            Err(e) => Err(json_error(text, &e)),
        },
        Err(e) => Err(json_error(text, &e)),
    }
}

/// The most characters of serde_json's description kept in a [`JsonError`].
const DETAIL_MAX_CHARS: usize = 200;

fn json_error(text: &str, e: &serde_json::Error) -> JsonError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    // serde_json quotes the offending text (`invalid type: string "…"`):
    // keep the detail short, as every echo is.
    let detail = crate::report::bound(
        full.strip_suffix(&suffix).unwrap_or(&full).to_owned(),
        DETAIL_MAX_CHARS,
    );
    let kind = match e.classify() {
        serde_json::error::Category::Data if detail.starts_with("duplicate field") => {
            JsonErrorKind::DuplicateMember
        }
        serde_json::error::Category::Data => JsonErrorKind::Structure,
        _ => JsonErrorKind::Syntax,
    };
    let offset = offset_of(text.as_bytes(), e.line(), e.column());
    // A syntax error's column is that of the character that could not be
    // read: the scan stops before it.
    let offset = if kind == JsonErrorKind::Syntax {
        offset.saturating_sub(1)
    } else {
        offset
    };
    JsonError {
        kind,
        line: e.line(),
        column: e.column(),
        pointer: pointer_at(
            text.as_bytes(),
            offset,
            match kind {
                JsonErrorKind::Structure
                    if detail.starts_with("invalid type: map")
                        || detail.starts_with("invalid type: sequence") =>
                {
                    Refused::Container
                }
                JsonErrorKind::Structure => Refused::Scalar,
                _ => Refused::Nothing,
            },
        ),
        detail,
    }
}

/// Line and column (bytes, from 1) of a byte offset.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, offset - start + 1)
}

/// The byte offset just after serde_json's (line, column).
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes
            .get(start..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
        {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start + column).min(bytes.len())
}

enum Frame {
    /// `key`: the member being read; `nested`: its value is an array or
    /// object.
    Object { key: Option<String>, nested: bool },
    Array {
        index: usize,
        started: bool,
        nested: bool,
    },
}

/// How a structural error relates to the text before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refused {
    /// Not a structural error: the pointer is where the scan stopped.
    Nothing,
    /// A value of another type, not an array or object.
    Scalar,
    /// An array or object where something else belongs.
    Container,
}

/// The JSON Pointer of the value being read at `offset`: a light scan of
/// the text before it. For a structural error: when the last thing read was
/// an opening bracket, the error is about that array or object itself; when
/// it was a closing one, serde_json may have read past the end of the object
/// whose last member was refused (as it does after a refused value), so the
/// error is about that member, unless the refused value is the array or
/// object just closed.
fn pointer_at(bytes: &[u8], offset: usize, refused: Refused) -> JsonPointer {
    let container = refused != Refused::Nothing;
    let text = bytes.get(..offset).unwrap_or(bytes);
    let mut stack: Vec<Frame> = Vec::new();
    let mut awaiting_key = false;
    let mut last_open = false;
    let mut last_closed: Option<Frame> = None;
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'{' => {
                start_value(&mut stack, true);
                stack.push(Frame::Object {
                    key: None,
                    nested: false,
                });
                awaiting_key = true;
                i += 1;
            }
            b'[' => {
                start_value(&mut stack, true);
                stack.push(Frame::Array {
                    index: 0,
                    started: false,
                    nested: false,
                });
                awaiting_key = false;
                i += 1;
            }
            b'}' | b']' => {
                last_closed = stack.pop();
                awaiting_key = false;
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Array { index, .. }) => *index += 1,
                    Some(Frame::Object { key, .. }) => {
                        *key = None;
                        awaiting_key = true;
                    }
                    None => {}
                }
                i += 1;
            }
            b':' => {
                awaiting_key = false;
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut escaped = false;
                while let Some(&c) = text.get(i) {
                    match c {
                        b'"' => break,
                        b'\\' => {
                            escaped = true;
                            i += 2;
                        }
                        _ => i += 1,
                    }
                }
                i += 1;
                if awaiting_key && let Some(Frame::Object { key, .. }) = stack.last_mut() {
                    let quoted = text.get(start..i.min(text.len())).unwrap_or_default();
                    *key = Some(member_name(quoted, escaped));
                } else {
                    start_value(&mut stack, false);
                }
            }
            _ => {
                start_value(&mut stack, false);
                while text.get(i).is_some_and(|c| {
                    !matches!(c, b',' | b']' | b'}' | b':' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    i += 1;
                }
            }
        }
        last_open = matches!(b, b'{' | b'[');
        if !matches!(b, b'}' | b']') {
            last_closed = None;
        }
    }
    if container && last_open {
        stack.pop();
    }
    if container && let Some(frame) = last_closed {
        let (has_member, nested) = match &frame {
            Frame::Object { key, nested } => (key.is_some(), *nested),
            Frame::Array {
                started, nested, ..
            } => (*started, *nested),
        };
        // A refused scalar is the closed object's last member; a refused
        // array or object is that member when it was one, else the object
        // just closed.
        if has_member && (refused == Refused::Scalar || nested) {
            stack.push(frame);
        }
    }
    let mut pointer = JsonPointer::root();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => pointer.push_field(k),
            Frame::Object { key: None, .. } => break,
            Frame::Array { index, .. } => pointer.push_index(*index),
        }
    }
    pointer
}

/// Marks the start of a value (`nested`: an array or object) in the
/// innermost array or object.
fn start_value(stack: &mut [Frame], is_nested: bool) {
    match stack.last_mut() {
        Some(Frame::Array {
            started, nested, ..
        }) => {
            *started = true;
            *nested = is_nested;
        }
        Some(Frame::Object { nested, .. }) => *nested = is_nested,
        None => {}
    }
}

/// A member name from its quoted text (possibly cut short).
fn member_name(quoted: &[u8], escaped: bool) -> String {
    let text = String::from_utf8_lossy(quoted);
    if escaped && let Ok(name) = serde_json::from_str::<String>(&text) {
        return name;
    }
    text.trim_start_matches('"')
        .trim_end_matches('"')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire;

    fn err<T: DeserializeOwned + fmt::Debug>(json: &str) -> JsonError {
        from_json::<T>(json.as_bytes()).unwrap_err()
    }

    #[test]
    fn structural_errors_come_with_their_pointer_line_and_column() {
        let e = err::<wire::Product>(
            "{\n  \"skus\": [\n    {\"skuNumber\": \"A\"},\n    {\"isOnsale\": \"yes\"}\n  ]\n}",
        );
        assert_eq!(e.kind(), JsonErrorKind::Structure);
        assert_eq!(e.pointer().as_str(), "/skus/1/isOnsale");
        assert_eq!((e.line(), e.column()), (4, 22));
        let e =
            err::<wire::Order>(r#"{"items": [{"product": {"name": "a"}}, {"product": ["P-1"]}]}"#);
        assert_eq!(e.pointer().as_str(), "/items/1/product");
        let e = err::<wire::Order>(r#"{"customer": {"firstName": "a", "firstName": "b"}}"#);
        assert_eq!(e.kind(), JsonErrorKind::DuplicateMember);
        assert_eq!(e.pointer().as_str(), "/customer/firstName");
        let e = err::<wire::Product>(r#"{"na\"me": 1, "skus": [{"price": 1}, {"cost": }]}"#);
        assert_eq!(e.kind(), JsonErrorKind::Syntax);
        assert_eq!(e.pointer().as_str(), "/skus/1/cost");
        let e = err::<wire::Product>("[\"P-1\", \"蓝牙耳机\"]");
        assert_eq!(
            (e.kind(), e.pointer().as_str()),
            (JsonErrorKind::Structure, "")
        );
        let e = from_json::<wire::Product>(b"{\"name\": \"\xff\"}").unwrap_err();
        assert_eq!((e.kind(), e.column()), (JsonErrorKind::Syntax, 11));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let p: wire::Product = from_json("\u{feff}{\"name\":\"a\"}".as_bytes()).unwrap();
        assert_eq!(p.name.as_deref(), Some("a"));
    }
}
