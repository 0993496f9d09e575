//! [`Timestamp`]: ISO 8601 times with an offset, and the date-only values the
//! API's users send.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, SecondsFormat};

use crate::wire::text::TrimFast;

/// China Standard Time, the time zone of the customs API: UTC+08:00.
const CHINA_OFFSET_SECONDS: i32 = 8 * 3600;

/// A point in time from the wire: an ISO 8601 / RFC 3339 time with an offset
/// (`2024-05-01T12:30:00+08:00`, `2024-05-01T04:30:00Z`, a space instead of
/// `T`, fractional seconds, `+0800`), or a date alone (`2024-05-01`).
///
/// A date alone is read as midnight China Standard Time (UTC+08:00), the time
/// zone of the customs API, and remembered as a date so it is written back as
/// one. A time without an offset is refused: which zone it meant would be a
/// guess. Equality and order go by the instant.
///
/// # Example
///
/// ```
/// use crossborder::Timestamp;
///
/// let a: Timestamp = "2024-05-01T12:30:00+08:00".parse()?;
/// let b: Timestamp = "2024-05-01T04:30:00Z".parse()?;
/// assert_eq!(a, b);
/// let d: Timestamp = "2024-05-01".parse()?;
/// assert!(d.is_date_only());
/// assert_eq!(d.to_string(), "2024-05-01");
/// assert_eq!(d.datetime().to_rfc3339(), "2024-05-01T00:00:00+08:00");
/// assert!(d < a);
/// # Ok::<(), crossborder::TimestampError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Timestamp {
    at: DateTime<FixedOffset>,
    date_only: bool,
}

/// Why text is not a timestamp.
///
/// # Example
///
/// ```
/// use crossborder::{Timestamp, TimestampError};
/// let err = "2024-05-01 12:00:00".parse::<Timestamp>().unwrap_err();
/// assert!(matches!(err, TimestampError::MissingOffset(_)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimestampError {
    /// A date and time without an offset.
    #[error("invalid timestamp {input:?}: a time needs an offset such as +08:00 or Z", input = crate::echo(.0))]
    MissingOffset(String),
    /// Anything else that is not an ISO 8601 time or date.
    #[error(
        "invalid timestamp {input:?}: expected ISO 8601 such as 2024-05-01T12:30:00+08:00, or a date such as 2024-05-01", input = crate::echo(.0)
    )]
    Invalid(String),
}

impl TimestampError {
    /// The message in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// let err = "yesterday".parse::<crossborder::Timestamp>().unwrap_err();
    /// assert!(err.message_zh().starts_with("时间 \"yesterday\" 无效"));
    /// ```
    pub fn message_zh(&self) -> String {
        match self {
            TimestampError::MissingOffset(s) => {
                format!(
                    "时间 {s:?} 无效：需要时区偏移，如 +08:00 或 Z",
                    s = crate::echo(s)
                )
            }
            TimestampError::Invalid(s) => format!(
                "时间 {s:?} 无效：应为 ISO 8601 格式，如 2024-05-01T12:30:00+08:00，或日期如 2024-05-01",
                s = crate::echo(s)
            ),
        }
    }
}

impl Timestamp {
    /// A timestamp from a chrono time.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::DateTime;
    /// use crossborder::Timestamp;
    /// let t = Timestamp::from_datetime(DateTime::parse_from_rfc3339("2024-01-02T03:04:05+08:00").unwrap());
    /// assert_eq!(t.to_string(), "2024-01-02T03:04:05+08:00");
    /// ```
    pub const fn from_datetime(at: DateTime<FixedOffset>) -> Self {
        Timestamp {
            at,
            date_only: false,
        }
    }

    /// A date, as midnight China Standard Time, written back as a date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::Timestamp;
    /// let d = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
    /// assert_eq!(Timestamp::from_date(d).to_string(), "2024-05-01");
    /// ```
    pub fn from_date(date: NaiveDate) -> Self {
        let offset = china_offset();
        let at = date
            .and_time(NaiveTime::MIN)
            .and_local_timezone(offset)
            .single()
            .unwrap_or_else(|| {
                DateTime::<FixedOffset>::from_naive_utc_and_offset(
                    date.and_time(NaiveTime::MIN),
                    offset,
                )
            });
        Timestamp {
            at,
            date_only: true,
        }
    }

    /// The time with its offset.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Timestamp;
    /// let t: Timestamp = "2024-05-01T12:00:00-05:00".parse()?;
    /// assert_eq!(t.datetime().offset().local_minus_utc(), -5 * 3600);
    /// # Ok::<(), crossborder::TimestampError>(())
    /// ```
    pub const fn datetime(&self) -> DateTime<FixedOffset> {
        self.at
    }

    /// The calendar date in the timestamp's own offset.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Timestamp;
    /// let t: Timestamp = "2024-05-01T23:30:00+08:00".parse()?;
    /// assert_eq!(t.date().to_string(), "2024-05-01");
    /// # Ok::<(), crossborder::TimestampError>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.at.date_naive()
    }

    /// Whether it was given as a date alone.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::Timestamp;
    /// assert!(!"2024-05-01T00:00:00Z".parse::<Timestamp>()?.is_date_only());
    /// # Ok::<(), crossborder::TimestampError>(())
    /// ```
    pub const fn is_date_only(&self) -> bool {
        self.date_only
    }
}

#[allow(clippy::expect_used)] // a constant offset well inside ±24 hours
fn china_offset() -> FixedOffset {
    FixedOffset::east_opt(CHINA_OFFSET_SECONDS).expect("UTC+08:00 is a valid offset")
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.at.cmp(&other.at)
    }
}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.at.timestamp().hash(state);
        self.at.timestamp_subsec_nanos().hash(state);
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.date_only {
            write!(f, "{}", self.at.format("%Y-%m-%d"))
        } else {
            f.write_str(&self.at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        }
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim_fast();
        // ISO 8601 without expanded years: four digits, then `-`. chrono's
        // `%Y` also reads `-204` or `12345`, which `Display` would write
        // back as `-0204` or not at all.
        let year = t.as_bytes().get(..5);
        if !year.is_some_and(|y| y[..4].iter().all(u8::is_ascii_digit) && y[4] == b'-') {
            return Err(TimestampError::Invalid(s.to_owned()));
        }
        if let Ok(at) = DateTime::parse_from_rfc3339(t) {
            return Ok(Timestamp::from_datetime(at));
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f%z",
            "%Y-%m-%d %H:%M:%S%.f%z",
            "%Y-%m-%dT%H:%M%z",
            "%Y-%m-%d %H:%M%z",
        ] {
            if let Ok(at) = DateTime::parse_from_str(t, format) {
                return Ok(Timestamp::from_datetime(at));
            }
        }
        if t.len() == 10
            && let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        {
            return Ok(Timestamp::from_date(date));
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ] {
            if chrono::NaiveDateTime::parse_from_str(t, format).is_ok() {
                return Err(TimestampError::MissingOffset(s.to_owned()));
            }
        }
        Err(TimestampError::Invalid(s.to_owned()))
    }
}

crate::macros::serde_via_str!(Timestamp);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms() {
        let want: Timestamp = "2024-05-01T04:30:00Z".parse().unwrap();
        for s in [
            "2024-05-01T12:30:00+08:00",
            "2024-05-01 12:30:00+08:00",
            "2024-05-01T12:30:00.000+08:00",
            "2024-05-01T12:30:00+0800",
            "2024-05-01T12:30+08:00",
            "2024-05-01t04:30:00z",
        ] {
            assert_eq!(s.parse::<Timestamp>().unwrap(), want, "{s}");
        }
    }

    #[test]
    fn rejected_forms() {
        for s in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-02-30",
            "2024-05-01T25:00:00Z",
            "05/01/2024",
        ] {
            assert!(
                matches!(s.parse::<Timestamp>(), Err(TimestampError::Invalid(_))),
                "{s}"
            );
        }
        assert!(matches!(
            "2024-05-01T12:30:00".parse::<Timestamp>(),
            Err(TimestampError::MissingOffset(_))
        ));
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "2024-05-01T12:30:00+08:00",
            "2024-05-01T12:30:00.250Z",
            "2024-05-01",
        ] {
            let t: Timestamp = s.parse().unwrap();
            assert_eq!(t.to_string(), s);
            assert_eq!(t.to_string().parse::<Timestamp>().unwrap(), t);
        }
    }
}
