//! The JSON form of a [`TaxTable`], read tolerantly (numbers or numeric
//! strings, exactly; unknown members ignored) and converted with every bad
//! value reported at its JSON Pointer.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::table::{
    CbecPeriod, CcTierPeriod, CcWaiver, Condition, ConsumptionTax, DatedRate, ParcelLimit,
    PostalTaxNumber, Quantity, SpecificTax, TaxRow, TaxTable,
};
use crate::wire::Number;
use crate::{Code, Country, Effective, HsPrefix, Loc, Report, Severity, Violation};

crate::macros::codes! {
    /// A value of a tax table's JSON is not what the table needs (an HS
    /// prefix, a rate, a quantity, a date, a period, a country, a tier).
    TAX_TABLE_INVALID = "tax_table.invalid";
}

/// A tax table as JSON: every member optional and kept as written, so a bad
/// value is reported at its path rather than failing the whole document.
///
/// ```json
/// {
///   "rows": [
///     {"prefix": "90021139", "description": "camera lenses", "duty": "0.06",
///      "effective": {"from": "2024-01-01"}, "source": "Customs Tariff 2024, MFN"},
///     {"prefix": "3304", "when": {"highEnd": {"atLeast": 10, "per": "1 g"}},
///      "consumption": {"adValorem": 0.15}, "ccTier": 3, "source": "财税〔2016〕103号"},
///     {"prefix": "2208", "consumption": {"adValorem": 0.2, "specific": {"amount": 0.5, "per": "500 ml"}},
///      "source": "消费税暂行条例"}
///   ],
///   "generalVat": [{"rate": 0.13, "effective": {"from": "2019-04-01"}, "source": "..."}],
///   "cbec": [{"transactionLimit": 5000, "annualLimit": 26000, "factor": 0.7, "effective": {"from": "2019-01-01"}, "source": "..."}],
///   "ccTiers": [{"rates": [0.13, 0.2, 0.5], "defaultTier": 2, "effective": {"from": "2019-04-09"}, "source": "..."}],
///   "ccWaiver": [{"upTo": 50, "source": "..."}],
///   "ccParcelLimits": [{"limit": 2000, "from": ["HK"], "effective": {"from": "2024-12-01"}, "source": "..."}],
///   "postalTaxNumbers": [{"number": "09010000", "tier": 3, "source": "..."}]
/// }
/// ```
///
/// - Rates are fractions (`0.13`), amounts CNY; numbers or numeric strings.
/// - A row's `when` is one of `{"highEnd": {"atLeast", "per"}}`,
///   `{"unitValueAtLeast": {"atLeast", "per"}}`, `{"attribute": "..."}`.
/// - `effective` is `{"from", "to"}` (`YYYY-MM-DD`, both optional); left out,
///   the entry is in force at every date. `source` is required.
/// - Every list may be left out. [`TaxTable`] serializes to this form
///   (numbers as strings, nothing lost) and deserializes through it.
///
/// # Example
///
/// ```
/// use crossborder::tax::TaxTableJson;
///
/// let json = r#"{"rows": [
///     {"prefix": "9002.11.39", "duty": "0.06", "source": "Customs Tariff 2024"},
///     {"prefix": "33A", "vat": 1.3, "ccTier": 0, "effective": {"from": "2025-13-01"}}
/// ]}"#;
/// let form: TaxTableJson = serde_json::from_str(json)?;
/// let report = form.to_table().unwrap_err();
/// let found: Vec<_> = report.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
/// assert_eq!(found, [
///     ("tax_table.invalid", "/rows/1/prefix"),
///     ("tax_table.invalid", "/rows/1/vat"),
///     ("tax_table.invalid", "/rows/1/ccTier"),
///     ("tax_table.invalid", "/rows/1/effective/from"),
///     ("required.missing", "/rows/1"),
/// ]);
/// let ok: TaxTableJson = serde_json::from_str(r#"{"rows": [{"prefix": 90021139, "duty": 0.06, "source": "x"}]}"#)?;
/// let table = ok.to_table().map_err(|r| r.to_string())?;
/// assert_eq!(table.rows[0].prefix.as_str(), "90021139");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct TaxTableJson {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rows: Vec<RowJson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    general_vat: Vec<RateJson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cbec: Vec<CbecJson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cc_tiers: Vec<TiersJson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cc_waiver: Vec<WaiverJson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cc_parcel_limits: Vec<LimitJson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    postal_tax_numbers: Vec<PostalJson>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct RowJson {
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    when: Option<ConditionJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    vat: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    consumption: Option<ConsumptionJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duty: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cc_tier: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effective: Option<EffectiveJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct ConditionJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    high_end: Option<ThresholdJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit_value_at_least: Option<ThresholdJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    attribute: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct ThresholdJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_least: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    per: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct ConsumptionJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ad_valorem: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    specific: Option<SpecificJson>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct SpecificJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    per: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
struct EffectiveJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct RateJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rate: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effective: Option<EffectiveJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct CbecJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    transaction_limit: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annual_limit: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    factor: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effective: Option<EffectiveJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct TiersJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rates: Option<Vec<Number>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default_tier: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effective: Option<EffectiveJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct WaiverJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    up_to: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effective: Option<EffectiveJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct LimitJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    limit: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effective: Option<EffectiveJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
struct PostalJson {
    #[serde(
        default,
        deserialize_with = "crate::wire::text::optional_string",
        skip_serializing_if = "Option::is_none"
    )]
    number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tier: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    effective: Option<EffectiveJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

crate::object_only!(
    TaxTableJson,
    RowJson,
    ConditionJson,
    ThresholdJson,
    ConsumptionJson,
    SpecificJson,
    EffectiveJson,
    RateJson,
    CbecJson,
    TiersJson,
    WaiverJson,
    LimitJson,
    PostalJson,
);

/// Collects the problems of one conversion.
#[derive(Default)]
struct Check {
    report: Report,
}

impl Check {
    fn bad(&mut self, at: &Loc<'_>, value: &str, en: String, zh: String) {
        let v = Violation::new(
            Code::TAX_TABLE_INVALID,
            Severity::Error,
            at.pointer(),
            en,
            zh,
        );
        self.report.push(v.with_value(value));
    }

    fn missing(&mut self, at: &Loc<'_>, field: &str) {
        self.report.push(
            Violation::new(
                Code::REQUIRED_MISSING,
                Severity::Error,
                at.pointer(),
                format!("required field {field:?} is missing"),
                format!("缺少必填字段 {field:?}"),
            )
            .with_value(field),
        );
    }

    fn number(&mut self, at: &Loc<'_>, n: &Number) -> Option<Decimal> {
        match n.decimal() {
            Ok(d) => Some(d),
            Err(e) => {
                let v = Violation::new(
                    e.code(),
                    Severity::Error,
                    at.pointer(),
                    e.to_string(),
                    e.message_zh(),
                );
                self.report.push(v.with_value(n.to_string()));
                None
            }
        }
    }

    /// A fraction from 0, below 1 (`below_one`) or at most 1.
    fn fraction(&mut self, at: &Loc<'_>, n: &Number, below_one: bool) -> Option<Decimal> {
        let d = self.number(at, n)?;
        let ok = !d.is_sign_negative()
            && if below_one {
                d < Decimal::ONE
            } else {
                d <= Decimal::ONE
            };
        if !ok {
            let (en, zh) = if below_one {
                ("from 0 to below 1", "不小于 0 且小于 1")
            } else {
                ("from 0 to 1", "在 0 到 1 之间")
            };
            self.bad(
                at,
                &d.to_string(),
                format!("rate {d} is not a fraction {en} (0.13 for 13%)"),
                format!("税率 {d} 不是{zh}的小数（13% 写作 0.13）"),
            );
            return None;
        }
        Some(d)
    }

    fn amount(&mut self, at: &Loc<'_>, n: &Number) -> Option<Decimal> {
        let d = self.number(at, n)?;
        if d.is_sign_negative() && !d.is_zero() {
            self.bad(
                at,
                &d.to_string(),
                format!("amount {d} is negative"),
                format!("金额 {d} 为负数"),
            );
            return None;
        }
        Some(d)
    }

    fn tier(&mut self, at: &Loc<'_>, n: &Number) -> Option<u8> {
        let d = self.number(at, n)?;
        let tier = u8::try_from(d)
            .ok()
            .filter(|t| *t >= 1 && d.fract().is_zero());
        if tier.is_none() {
            self.bad(
                at,
                &d.to_string(),
                format!("tier {d} is not a whole number from 1"),
                format!("税目 {d} 不是从 1 起的整数"),
            );
        }
        tier
    }

    fn quantity(&mut self, at: &Loc<'_>, text: &str) -> Option<Quantity> {
        match text.parse::<Quantity>() {
            Ok(q) => Some(q),
            Err(e) => {
                self.bad(at, text, e.to_string(), e.message_zh());
                None
            }
        }
    }

    fn date(&mut self, at: &Loc<'_>, text: &str) -> Option<NaiveDate> {
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.bad(
                    at,
                    text,
                    format!("invalid date {:?}: expected YYYY-MM-DD", crate::echo(text)),
                    format!("日期 {:?} 无效：应为 YYYY-MM-DD", crate::echo(text)),
                );
                None
            }
        }
    }

    fn effective(&mut self, at: &Loc<'_>, e: Option<&EffectiveJson>) -> Effective {
        let Some(e) = e else {
            return Effective::always();
        };
        let at = at.field("effective");
        let from = e
            .from
            .as_deref()
            .and_then(|t| self.date(&at.field("from"), t));
        let to = e.to.as_deref().and_then(|t| self.date(&at.field("to"), t));
        match (from, to) {
            (Some(f), Some(t)) => match Effective::between(f, t) {
                Ok(e) => e,
                Err(err) => {
                    self.bad(
                        &at,
                        &format!("{f} to {t}"),
                        err.to_string(),
                        format!("期间 {f} 至 {t} 无效：结束早于开始"),
                    );
                    Effective::since(f)
                }
            },
            (Some(f), None) => Effective::since(f),
            (None, Some(t)) => Effective::until(t),
            (None, None) => Effective::always(),
        }
    }

    fn source(&mut self, at: &Loc<'_>, s: Option<&String>) -> String {
        match s.map(|s| s.trim()).filter(|s| !s.is_empty()) {
            Some(s) => s.to_owned(),
            None => {
                self.missing(at, "source");
                String::new()
            }
        }
    }

    fn threshold(&mut self, at: &Loc<'_>, t: &ThresholdJson) -> Option<(Decimal, Quantity)> {
        let amount = match &t.at_least {
            Some(n) => self.amount(&at.field("atLeast"), n),
            None => {
                self.missing(at, "atLeast");
                None
            }
        };
        let per = match &t.per {
            Some(p) => self.quantity(&at.field("per"), p),
            None => Some(Quantity::piece()),
        };
        amount.zip(per)
    }

    fn condition(&mut self, at: &Loc<'_>, c: &ConditionJson) -> Option<Condition> {
        let given = usize::from(c.high_end.is_some())
            + usize::from(c.unit_value_at_least.is_some())
            + usize::from(c.attribute.is_some());
        if given != 1 {
            self.bad(
                at,
                "when",
                "a condition is exactly one of highEnd, unitValueAtLeast or attribute".into(),
                "条件应为 highEnd、unitValueAtLeast、attribute 三者之一".into(),
            );
            return None;
        }
        if let Some(t) = &c.high_end {
            let (at_least, per) = self.threshold(&at.field("highEnd"), t)?;
            return Some(Condition::HighEnd { at_least, per });
        }
        if let Some(t) = &c.unit_value_at_least {
            let (at_least, per) = self.threshold(&at.field("unitValueAtLeast"), t)?;
            return Some(Condition::UnitValueAtLeast { at_least, per });
        }
        c.attribute.clone().map(Condition::Attribute)
    }

    fn row(&mut self, at: &Loc<'_>, r: &RowJson) -> Option<TaxRow> {
        let before = self.report.len();
        let prefix = match r.prefix.as_deref() {
            Some(p) => match HsPrefix::parse(p) {
                Ok(p) => Some(p),
                Err(e) => {
                    self.bad(
                        &at.field("prefix"),
                        p,
                        e.to_string(),
                        format!("HS 前缀 {:?} 无效：应为 2 到 12 位数字", crate::echo(p)),
                    );
                    None
                }
            },
            None => {
                self.missing(at, "prefix");
                None
            }
        };
        let when = r
            .when
            .as_ref()
            .and_then(|c| self.condition(&at.field("when"), c));
        let vat = r
            .vat
            .as_ref()
            .and_then(|n| self.fraction(&at.field("vat"), n, true));
        let consumption = r.consumption.as_ref().and_then(|c| {
            let at = at.field("consumption");
            let ad_valorem = match &c.ad_valorem {
                Some(n) => self.fraction(&at.field("adValorem"), n, true),
                None => Some(Decimal::ZERO),
            };
            let specific = match &c.specific {
                None => None,
                Some(s) => {
                    let at = at.field("specific");
                    let amount = match &s.amount {
                        Some(n) => self.amount(&at.field("amount"), n),
                        None => {
                            self.missing(&at, "amount");
                            None
                        }
                    };
                    let per = match &s.per {
                        Some(p) => self.quantity(&at.field("per"), p),
                        None => {
                            self.missing(&at, "per");
                            None
                        }
                    };
                    Some(SpecificTax {
                        amount: amount?,
                        per: per?,
                    })
                }
            };
            Some(ConsumptionTax {
                ad_valorem: ad_valorem?,
                specific,
            })
        });
        let duty = r
            .duty
            .as_ref()
            .and_then(|n| self.amount(&at.field("duty"), n));
        let cc_tier = r
            .cc_tier
            .as_ref()
            .and_then(|n| self.tier(&at.field("ccTier"), n));
        let effective = self.effective(at, r.effective.as_ref());
        let source = self.source(at, r.source.as_ref());
        if self.report.len() > before {
            return None;
        }
        Some(TaxRow {
            prefix: prefix?,
            description: r.description.clone(),
            when,
            vat,
            consumption,
            duty,
            cc_tier,
            effective,
            source,
        })
    }
}

/// Converts a list, keeping the entries that are clean.
fn list<J, T>(
    check: &mut Check,
    root: &Loc<'_>,
    name: &str,
    items: &[J],
    mut f: impl FnMut(&mut Check, &Loc<'_>, &J) -> Option<T>,
) -> Vec<T> {
    let at = root.field(name);
    items
        .iter()
        .enumerate()
        .filter_map(|(i, j)| {
            let before = check.report.len();
            let value = f(check, &at.index(i), j);
            value.filter(|_| check.report.len() == before)
        })
        .collect()
}

fn required<T>(check: &mut Check, at: &Loc<'_>, field: &str, v: Option<T>) -> Option<T> {
    if v.is_none() {
        check.missing(at, field);
    }
    v
}

impl TaxTableJson {
    /// The table, or every problem with it, each at its JSON Pointer
    /// (`/rows/3/vat`).
    ///
    /// # Errors
    ///
    /// A [`Report`] of every bad value: an HS prefix that is not 2 to 12
    /// digits, a rate that is not a fraction, a negative amount, a bad
    /// quantity (`500 ml`), date (`YYYY-MM-DD`) or period, an unknown
    /// country, a tier below 1, a condition that is not exactly one kind,
    /// a missing `source` or `prefix`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::TaxTableJson;
    /// let form: TaxTableJson = serde_json::from_str(r#"{"rows": [{"prefix": "2208", "ccTier": "3", "source": "own"}]}"#)?;
    /// let table = form.to_table().map_err(|r| r.to_string())?;
    /// assert_eq!(table.rows[0].cc_tier, Some(3));
    /// let bad: TaxTableJson = serde_json::from_str(r#"{"rows": [{"prefix": "2208", "vat": 13, "source": "own"}]}"#)?;
    /// let report = bad.to_table().unwrap_err();
    /// assert_eq!(report.as_slice()[0].pointer().as_str(), "/rows/0/vat");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_table(&self) -> Result<TaxTable, Report> {
        let mut check = Check::default();
        let root = Loc::ROOT;
        let rows = list(&mut check, &root, "rows", &self.rows, |c, at, r| {
            c.row(at, r)
        });
        let general_vat = list(
            &mut check,
            &root,
            "generalVat",
            &self.general_vat,
            |c, at, r| {
                let rate = r
                    .rate
                    .as_ref()
                    .and_then(|n| c.fraction(&at.field("rate"), n, true));
                let rate = required(c, at, "rate", r.rate.as_ref().map(|_| ())).and(rate);
                let effective = c.effective(at, r.effective.as_ref());
                let source = c.source(at, r.source.as_ref());
                Some(DatedRate {
                    rate: rate?,
                    effective,
                    source,
                })
            },
        );
        let cbec = list(&mut check, &root, "cbec", &self.cbec, |c, at, p| {
            let amount = |c: &mut Check, name: &str, n: &Option<Number>| match n {
                Some(n) => c.amount(&at.field(name), n),
                None => {
                    c.missing(at, name);
                    None
                }
            };
            let transaction_limit = amount(c, "transactionLimit", &p.transaction_limit);
            let annual_limit = amount(c, "annualLimit", &p.annual_limit);
            let factor = match &p.factor {
                Some(n) => c.fraction(&at.field("factor"), n, false),
                None => {
                    c.missing(at, "factor");
                    None
                }
            };
            let effective = c.effective(at, p.effective.as_ref());
            let source = c.source(at, p.source.as_ref());
            Some(CbecPeriod {
                transaction_limit: transaction_limit?,
                annual_limit: annual_limit?,
                factor: factor?,
                effective,
                source,
            })
        });
        let cc_tiers = list(&mut check, &root, "ccTiers", &self.cc_tiers, |c, at, p| {
            let rates: Option<Vec<Decimal>> = match &p.rates {
                Some(rates) => {
                    let at_rates = at.field("rates");
                    let parsed: Vec<_> = rates
                        .iter()
                        .enumerate()
                        .map(|(i, n)| c.fraction(&at_rates.index(i), n, false))
                        .collect();
                    parsed.into_iter().collect()
                }
                None => {
                    c.missing(at, "rates");
                    None
                }
            };
            let default_tier = match &p.default_tier {
                Some(n) => c.tier(&at.field("defaultTier"), n),
                None => Some(2),
            };
            let effective = c.effective(at, p.effective.as_ref());
            let source = c.source(at, p.source.as_ref());
            Some(CcTierPeriod {
                rates: rates?,
                default_tier: default_tier?,
                effective,
                source,
            })
        });
        let cc_waiver = list(
            &mut check,
            &root,
            "ccWaiver",
            &self.cc_waiver,
            |c, at, w| {
                let up_to = match &w.up_to {
                    Some(n) => c.amount(&at.field("upTo"), n),
                    None => {
                        c.missing(at, "upTo");
                        None
                    }
                };
                let effective = c.effective(at, w.effective.as_ref());
                let source = c.source(at, w.source.as_ref());
                Some(CcWaiver {
                    up_to: up_to?,
                    effective,
                    source,
                })
            },
        );
        let cc_parcel_limits = list(
            &mut check,
            &root,
            "ccParcelLimits",
            &self.cc_parcel_limits,
            |c, at, l| {
                let limit = match &l.limit {
                    Some(n) => c.amount(&at.field("limit"), n),
                    None => {
                        c.missing(at, "limit");
                        None
                    }
                };
                let at_from = at.field("from");
                let from: Vec<Country> = l
                    .from
                    .iter()
                    .flatten()
                    .enumerate()
                    .filter_map(|(i, text)| match crate::parse_country(text) {
                        Ok(country) => Some(country),
                        Err(e) => {
                            c.bad(&at_from.index(i), text, e.to_string(), e.message_zh());
                            None
                        }
                    })
                    .collect();
                let effective = c.effective(at, l.effective.as_ref());
                let source = c.source(at, l.source.as_ref());
                Some(ParcelLimit {
                    limit: limit?,
                    from,
                    effective,
                    source,
                })
            },
        );
        let postal_tax_numbers = list(
            &mut check,
            &root,
            "postalTaxNumbers",
            &self.postal_tax_numbers,
            |c, at, p| {
                let number = p
                    .number
                    .as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned);
                let number = required(c, at, "number", number);
                let tier = match &p.tier {
                    Some(n) => c.tier(&at.field("tier"), n),
                    None => {
                        c.missing(at, "tier");
                        None
                    }
                };
                let effective = c.effective(at, p.effective.as_ref());
                let source = c.source(at, p.source.as_ref());
                Some(PostalTaxNumber {
                    number: number?,
                    tier: tier?,
                    effective,
                    source,
                })
            },
        );
        if check.report.is_empty() {
            Ok(TaxTable {
                rows,
                general_vat,
                cbec,
                cc_tiers,
                cc_waiver,
                cc_parcel_limits,
                postal_tax_numbers,
            })
        } else {
            Err(check.report)
        }
    }
}

fn text(d: Decimal) -> Number {
    Number::from_text(d.normalize().to_string())
}

fn effective_json(e: &Effective) -> Option<EffectiveJson> {
    let json = EffectiveJson {
        from: e.from().map(|d| d.to_string()),
        to: e.to().map(|d| d.to_string()),
    };
    (json.from.is_some() || json.to.is_some()).then_some(json)
}

fn threshold_json(at_least: Decimal, per: &Quantity) -> ThresholdJson {
    ThresholdJson {
        at_least: Some(text(at_least)),
        per: Some(per.to_string()),
    }
}

impl From<&TaxTable> for TaxTableJson {
    fn from(t: &TaxTable) -> Self {
        TaxTableJson {
            rows: t
                .rows
                .iter()
                .map(|r| RowJson {
                    prefix: Some(r.prefix.as_str().to_owned()),
                    description: r.description.clone(),
                    when: r.when.as_ref().map(|c| match c {
                        Condition::HighEnd { at_least, per } => ConditionJson {
                            high_end: Some(threshold_json(*at_least, per)),
                            ..ConditionJson::default()
                        },
                        Condition::UnitValueAtLeast { at_least, per } => ConditionJson {
                            unit_value_at_least: Some(threshold_json(*at_least, per)),
                            ..ConditionJson::default()
                        },
                        Condition::Attribute(a) => ConditionJson {
                            attribute: Some(a.clone()),
                            ..ConditionJson::default()
                        },
                    }),
                    vat: r.vat.map(text),
                    consumption: r.consumption.map(|c| ConsumptionJson {
                        ad_valorem: Some(text(c.ad_valorem)),
                        specific: c.specific.map(|s| SpecificJson {
                            amount: Some(text(s.amount)),
                            per: Some(s.per.to_string()),
                        }),
                    }),
                    duty: r.duty.map(text),
                    cc_tier: r.cc_tier.map(|t| Number::from(u32::from(t))),
                    effective: effective_json(&r.effective),
                    source: Some(r.source.clone()),
                })
                .collect(),
            general_vat: t
                .general_vat
                .iter()
                .map(|r| RateJson {
                    rate: Some(text(r.rate)),
                    effective: effective_json(&r.effective),
                    source: Some(r.source.clone()),
                })
                .collect(),
            cbec: t
                .cbec
                .iter()
                .map(|p| CbecJson {
                    transaction_limit: Some(text(p.transaction_limit)),
                    annual_limit: Some(text(p.annual_limit)),
                    factor: Some(text(p.factor)),
                    effective: effective_json(&p.effective),
                    source: Some(p.source.clone()),
                })
                .collect(),
            cc_tiers: t
                .cc_tiers
                .iter()
                .map(|p| TiersJson {
                    rates: Some(p.rates.iter().map(|r| text(*r)).collect()),
                    default_tier: Some(Number::from(u32::from(p.default_tier))),
                    effective: effective_json(&p.effective),
                    source: Some(p.source.clone()),
                })
                .collect(),
            cc_waiver: t
                .cc_waiver
                .iter()
                .map(|w| WaiverJson {
                    up_to: Some(text(w.up_to)),
                    effective: effective_json(&w.effective),
                    source: Some(w.source.clone()),
                })
                .collect(),
            cc_parcel_limits: t
                .cc_parcel_limits
                .iter()
                .map(|l| LimitJson {
                    limit: Some(text(l.limit)),
                    from: (!l.from.is_empty())
                        .then(|| l.from.iter().map(ToString::to_string).collect()),
                    effective: effective_json(&l.effective),
                    source: Some(l.source.clone()),
                })
                .collect(),
            postal_tax_numbers: t
                .postal_tax_numbers
                .iter()
                .map(|p| PostalJson {
                    number: Some(p.number.clone()),
                    tier: Some(Number::from(u32::from(p.tier))),
                    effective: effective_json(&p.effective),
                    source: Some(p.source.clone()),
                })
                .collect(),
        }
    }
}

impl Serialize for TaxTable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TaxTableJson::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for TaxTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let form = <TaxTableJson as Deserialize>::deserialize(d)?;
        form.to_table().map_err(|report| {
            serde::de::Error::custom(format!(
                "invalid tax table:\n{}",
                report.render(crate::Language::English)
            ))
        })
    }
}
