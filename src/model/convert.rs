//! The conversion helper: parses one wire field at a time into a domain value,
//! recording a violation for every bad value and treating that value as absent.

use std::str::FromStr;

use iso_currency::Currency;
use rust_decimal::Decimal;

use crate::wire::Number;
use crate::{
    Code, Country, HsCode, Loc, MassUnit, Money, ParseEnumError, Report, Severity, Timestamp,
    Violation, Weight, parse_country, parse_currency,
};

/// Collects the violations of one conversion.
#[derive(Default)]
pub(crate) struct Conv {
    pub(crate) report: Report,
    /// Values that were given and well-formed but could not be kept because
    /// the currency or mass unit they depend on was bad (already reported).
    /// Rules must not call them missing.
    pub(crate) dropped: Vec<crate::JsonPointer>,
}

/// Text that only means "not given": absent, empty or white space.
fn given(raw: Option<&String>) -> Option<&str> {
    raw.map(String::as_str).filter(|s| !s.trim().is_empty())
}

impl Conv {
    pub(crate) fn error(&mut self, loc: &Loc<'_>, code: Code, value: &str, en: String, zh: String) {
        self.report
            .push(Violation::new(code, Severity::Error, loc.pointer(), en, zh).with_value(value));
    }

    pub(crate) fn hs_code(&mut self, loc: &Loc<'_>, raw: Option<&String>) -> Option<HsCode> {
        let text = given(raw)?;
        match HsCode::parse(text) {
            Ok(code) => Some(code),
            Err(e) => {
                self.error(
                    loc,
                    Code::HS_CODE_INVALID,
                    text,
                    e.to_string(),
                    e.message_zh(),
                );
                None
            }
        }
    }

    /// A closed-set value that must be given (a field with a default).
    pub(crate) fn required_enum<T>(&mut self, loc: &Loc<'_>, raw: &str, code: Code) -> Option<T>
    where
        T: FromStr<Err = ParseEnumError>,
    {
        match raw.parse::<T>() {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(loc, code, raw, e.to_string(), e.message_zh());
                None
            }
        }
    }

    /// A closed-set value that may be absent.
    pub(crate) fn optional_enum<T>(
        &mut self,
        loc: &Loc<'_>,
        raw: Option<&String>,
        code: Code,
    ) -> Option<T>
    where
        T: FromStr<Err = ParseEnumError>,
    {
        let text = given(raw)?;
        self.required_enum(loc, text, code)
    }

    pub(crate) fn currency(&mut self, loc: &Loc<'_>, raw: &str) -> Option<Currency> {
        match parse_currency(raw) {
            Ok(c) => Some(c),
            Err(e) => {
                self.error(
                    loc,
                    Code::CURRENCY_UNKNOWN,
                    raw,
                    e.to_string(),
                    e.message_zh(),
                );
                None
            }
        }
    }

    pub(crate) fn mass_unit(&mut self, loc: &Loc<'_>, raw: &str) -> Option<MassUnit> {
        self.required_enum(loc, raw, Code::MASS_UNIT_UNKNOWN)
    }

    pub(crate) fn country(&mut self, loc: &Loc<'_>, raw: Option<&String>) -> Option<Country> {
        let text = given(raw)?;
        match parse_country(text) {
            Ok(c) => Some(c),
            Err(e) => {
                self.error(
                    loc,
                    Code::COUNTRY_UNKNOWN,
                    text,
                    e.to_string(),
                    e.message_zh(),
                );
                None
            }
        }
    }

    pub(crate) fn timestamp(&mut self, loc: &Loc<'_>, raw: Option<&String>) -> Option<Timestamp> {
        let text = given(raw)?;
        match text.parse::<Timestamp>() {
            Ok(t) => Some(t),
            Err(e) => {
                self.error(
                    loc,
                    Code::TIMESTAMP_INVALID,
                    text,
                    e.to_string(),
                    e.message_zh(),
                );
                None
            }
        }
    }

    pub(crate) fn decimal(&mut self, loc: &Loc<'_>, raw: Option<&Number>) -> Option<Decimal> {
        let n = raw?;
        match n.decimal() {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(loc, e.code(), &n.to_string(), e.to_string(), e.message_zh());
                None
            }
        }
    }

    /// An amount: any sign (refunds and deductions are checked by rules, not
    /// here). `None` also when the currency was bad (already reported).
    pub(crate) fn money(
        &mut self,
        loc: &Loc<'_>,
        raw: Option<&Number>,
        currency: Option<Currency>,
    ) -> Option<Money> {
        let amount = self.decimal(loc, raw)?;
        if currency.is_none() {
            self.dropped.push(loc.pointer());
        }
        currency.map(|c| Money::new(amount, c))
    }

    pub(crate) fn weight(
        &mut self,
        loc: &Loc<'_>,
        raw: Option<&Number>,
        unit: Option<MassUnit>,
    ) -> Option<Weight> {
        let value = self.decimal(loc, raw)?;
        // Check the sign even when the unit was bad, so both are reported.
        let unit_or_kg = unit.unwrap_or(MassUnit::Kilogram);
        match Weight::new(value, unit_or_kg) {
            Ok(w) => {
                if unit.is_none() {
                    self.dropped.push(loc.pointer());
                }
                unit.map(|_| w)
            }
            Err(e) => {
                let code = match e {
                    crate::MeasureError::Negative(_) => Code::WEIGHT_NEGATIVE,
                    _ => Code::NUMBER_OUT_OF_RANGE,
                };
                let text = raw.map(ToString::to_string).unwrap_or_default();
                self.error(loc, code, &text, e.to_string(), e.message_zh());
                None
            }
        }
    }

    pub(crate) fn count(&mut self, loc: &Loc<'_>, raw: Option<&Number>) -> Option<u32> {
        let n = raw?;
        match n.count() {
            Ok(c) => Some(c),
            Err(e) => {
                self.error(loc, e.code(), &n.to_string(), e.to_string(), e.message_zh());
                None
            }
        }
    }
}

/// The wire form of an optional amount.
pub(crate) fn wire_money(m: Option<&Money>) -> Option<Number> {
    m.map(|m| Number::from_decimal(m.amount()))
}

/// The wire form of an optional count.
pub(crate) fn wire_count(c: Option<u32>) -> Option<Number> {
    c.map(Number::from)
}

/// The wire form of an optional list: absent when empty.
pub(crate) fn wire_list<T: Clone>(v: &[T]) -> Option<Vec<T>> {
    (!v.is_empty()).then(|| v.to_vec())
}
