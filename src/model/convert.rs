//! The conversion helper: parses one wire field at a time into a domain value,
//! recording a violation for every bad value and treating that value as absent.

use std::str::FromStr;

use iso_currency::Currency;
use rust_decimal::Decimal;

use crate::error::Bilingual;
use crate::wire::text::TrimFast;
use crate::wire::{Number, NumberError, Text};
use crate::{
    Code, Country, HsCode, Loc, MassUnit, MeasureError, Money, ParseEnumError, Report, Severity,
    Timestamp, Violation, Weight, parse_country, parse_currency,
};

/// Collects the violations of one conversion.
#[derive(Default)]
pub(crate) struct Conv {
    pub(crate) report: Report,
    /// Values that were given and well-formed but could not be kept because
    /// the currency or mass unit they depend on was bad (already reported).
    /// Rules must not call them missing.
    pub(crate) dropped: Vec<crate::JsonPointer>,
    /// The SKUs (by position in their product) whose own price, net or
    /// gross weight was given but not kept (reported, or in `dropped`), as
    /// [`SkuDropped`] bits, in SKU order: the missing-field rule need not
    /// report them missing as well.
    pub(crate) skus_dropped: Vec<(usize, u8)>,
}

/// Bits of [`Conv::skus_dropped`].
pub(crate) struct SkuDropped;

impl SkuDropped {
    pub(crate) const PRICE: u8 = 1;
    pub(crate) const NET_WEIGHT: u8 = 2;
    pub(crate) const GROSS_WEIGHT: u8 = 4;
}

/// Text that only means "not given": absent, empty or white space.
fn given(raw: Option<&Text>) -> Option<&str> {
    let s = raw?.as_str();
    match s.as_bytes().first() {
        // The usual value: it starts with a visible ASCII character.
        Some(&b) if b > b' ' && b.is_ascii() => Some(s),
        _ => (!s.trim_fast().is_empty()).then_some(s),
    }
}

impl Conv {
    /// Notes the SKU at `index` whose price, net or gross weight (in that
    /// order in `lost`) was given but not kept.
    #[cold]
    pub(crate) fn note_sku_dropped(&mut self, index: usize, [price, net, gross]: [bool; 3]) {
        let bit = |lost: bool, bit: u8| if lost { bit } else { 0 };
        let bits = bit(price, SkuDropped::PRICE)
            | bit(net, SkuDropped::NET_WEIGHT)
            | bit(gross, SkuDropped::GROSS_WEIGHT);
        self.skus_dropped.push((index, bits));
    }

    pub(crate) fn error(&mut self, loc: &Loc<'_>, code: Code, value: &str, en: String, zh: String) {
        self.report
            .push(Violation::new(code, Severity::Error, loc.pointer(), en, zh).with_value(value));
    }

    /// The parsed value; or, for a parse error, a violation at `loc` (with
    /// the code `code` gives for it, the offending value and both messages)
    /// and `None`, so the bad value is treated as absent. The value is only
    /// written out as text when there is an error: a clean document's
    /// numbers are never formatted.
    fn keep<T, E: Bilingual>(
        &mut self,
        loc: &Loc<'_>,
        value: impl std::fmt::Display,
        parsed: Result<T, E>,
        code: impl FnOnce(&E) -> Code,
    ) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(
                    loc,
                    code(&e),
                    &value.to_string(),
                    e.to_string(),
                    e.message_zh(),
                );
                None
            }
        }
    }

    pub(crate) fn hs_code(&mut self, loc: &Loc<'_>, raw: Option<&Text>) -> Option<HsCode> {
        let text = given(raw)?;
        self.keep(loc, text, HsCode::parse(text), |_| Code::HS_CODE_INVALID)
    }

    /// A closed-set value that must be given (a field with a default).
    pub(crate) fn required_enum<T>(&mut self, loc: &Loc<'_>, raw: &str, code: Code) -> Option<T>
    where
        T: FromStr<Err = ParseEnumError>,
    {
        self.keep(loc, raw, raw.parse::<T>(), |_| code)
    }

    /// A closed-set value that may be absent.
    pub(crate) fn optional_enum<T>(
        &mut self,
        loc: &Loc<'_>,
        raw: Option<&Text>,
        code: Code,
    ) -> Option<T>
    where
        T: FromStr<Err = ParseEnumError>,
    {
        let text = given(raw)?;
        self.required_enum(loc, text, code)
    }

    pub(crate) fn currency(&mut self, loc: &Loc<'_>, raw: &str) -> Option<Currency> {
        self.keep(loc, raw, parse_currency(raw), |_| Code::CURRENCY_UNKNOWN)
    }

    pub(crate) fn mass_unit(&mut self, loc: &Loc<'_>, raw: &str) -> Option<MassUnit> {
        self.required_enum(loc, raw, Code::MASS_UNIT_UNKNOWN)
    }

    pub(crate) fn country(&mut self, loc: &Loc<'_>, raw: Option<&Text>) -> Option<Country> {
        let text = given(raw)?;
        self.keep(loc, text, parse_country(text), |_| Code::COUNTRY_UNKNOWN)
    }

    pub(crate) fn timestamp(&mut self, loc: &Loc<'_>, raw: Option<&Text>) -> Option<Timestamp> {
        let text = given(raw)?;
        self.keep(loc, text, text.parse::<Timestamp>(), |_| {
            Code::TIMESTAMP_INVALID
        })
    }

    pub(crate) fn decimal(&mut self, loc: &Loc<'_>, raw: Option<&Number>) -> Option<Decimal> {
        let n = raw?;
        self.keep(loc, n, n.decimal(), NumberError::code)
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
        let weight = Weight::new(value, unit.unwrap_or(MassUnit::Kilogram));
        let weight = self.keep(loc, value, weight, |e| match e {
            MeasureError::Negative(_) => Code::WEIGHT_NEGATIVE,
            _ => Code::NUMBER_OUT_OF_RANGE,
        })?;
        if unit.is_none() {
            self.dropped.push(loc.pointer());
        }
        unit.map(|_| weight)
    }

    pub(crate) fn count(&mut self, loc: &Loc<'_>, raw: Option<&Number>) -> Option<u32> {
        let n = raw?;
        self.keep(loc, n, n.count(), NumberError::code)
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
