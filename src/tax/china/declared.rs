//! The declared tax against the computed: each item's `tax`, the order's
//! `shippingTax` and `productsTotalTax`.

use rust_decimal::Decimal;

use super::assess::{Basis, LineTax, TaxAssessment, two_dp};
use super::table::percent;
use crate::{
    Code, Currency, ExchangeRates, JsonPointer, Money, Order, Report, Severity, Violation,
};

/// Which declaration rule a finding belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DeclaredKind {
    /// Off, and every rate came from a row: `tax.declared_mismatch`.
    Mismatch,
    /// Off, but a rate is a guess: `tax.declared_mismatch_default_rate`.
    MismatchGuess,
    /// Cannot be checked: `tax.declared_unchecked`.
    Unchecked,
}

impl DeclaredKind {
    pub(crate) fn code(self) -> Code {
        match self {
            DeclaredKind::Mismatch => Code::TAX_DECLARED_MISMATCH,
            DeclaredKind::MismatchGuess => Code::TAX_DECLARED_MISMATCH_DEFAULT_RATE,
            DeclaredKind::Unchecked => Code::TAX_DECLARED_UNCHECKED,
        }
    }

    fn severity(self) -> Severity {
        match self {
            DeclaredKind::Mismatch => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// The field a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// `/items/N/tax`.
    Item(usize),
    /// `/shippingTax`.
    ShippingTax,
    /// `/productsTotalTax`.
    ProductsTotalTax,
}

impl Field {
    pub(crate) fn pointer(self) -> JsonPointer {
        match self {
            Field::Item(i) => JsonPointer::root().field("items").index(i).field("tax"),
            Field::ShippingTax => JsonPointer::root().field("shippingTax"),
            Field::ProductsTotalTax => JsonPointer::root().field("productsTotalTax"),
        }
    }
}

/// One finding of the declared-tax check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Declared {
    pub(crate) kind: DeclaredKind,
    pub(crate) field: Field,
    pub(crate) value: String,
    pub(crate) en: String,
    pub(crate) zh: String,
}

fn cent() -> Decimal {
    Decimal::new(1, 2)
}

/// How the line was taxed, in words (English, Chinese).
fn how(a: &TaxAssessment<'_>, line: &LineTax<'_>) -> (String, String) {
    let amount = |m: Option<Money>| m.map_or_else(String::new, |m| two_dp(m.amount()));
    let rate = |r: Option<&super::assess::AppliedRate<'_>>| {
        r.map_or_else(String::new, |r| match r.specific() {
            Some(s) if r.rate().is_zero() => s.to_string(),
            Some(s) => format!("{} + {s}", percent(r.rate())),
            None => percent(r.rate()),
        })
    };
    let (ct, vat) = (amount(line.consumption_tax()), amount(line.vat()));
    let (rc, rv) = (rate(line.consumption_rate()), rate(line.vat_rate()));
    match a.basis() {
        Some(Basis::CbecFullRate) => {
            let (duty, rd) = (amount(line.duty()), rate(line.duty_rate()));
            (
                format!(
                    "cross-border e-commerce at full rates, one item over ¥5,000: duty {rd} {duty} + consumption tax {rc} {ct} + VAT {rv} {vat}"
                ),
                format!(
                    "跨境电商单件超限，按货物税率全额征收：关税 {rd} {duty} + 消费税 {rc} {ct} + 增值税 {rv} {vat}"
                ),
            )
        }
        Some(Basis::PersonalArticles) => {
            let (tier, r) = line
                .cc_rate()
                .map_or((0, String::new()), |(t, r)| (t, percent(r.rate())));
            let value = amount(line.dutiable_value());
            if let Some(w) = a.waived_amount() {
                let w = two_dp(w.amount());
                (
                    format!(
                        "personal postal articles tax, tier {tier} {r} on {value}; the parcel's tax, {w}, is ¥50 or less and waived"
                    ),
                    format!(
                        "行邮税税目 {tier}，{r}，完税价格 {value}；包裹税额 {w} 元在 50 元及以下，予以免征"
                    ),
                )
            } else {
                (
                    format!("personal postal articles tax, tier {tier} {r} on {value}"),
                    format!("行邮税税目 {tier}，{r}，完税价格 {value}"),
                )
            }
        }
        _ => (
            format!(
                "cross-border e-commerce: duty 0, consumption tax {rc} and VAT {rv} at 70%: {ct} + {vat}"
            ),
            format!(
                "跨境电商零售进口：关税 0，消费税 {rc} 和增值税 {rv} 按 70% 征收：{ct} + {vat}"
            ),
        ),
    }
}

/// `given` against `computed` (CNY): when further apart than `tolerance`,
/// ("12.30 CNY higher", "多 12.30 CNY").
fn off(given: Decimal, computed: Decimal, tolerance: Decimal) -> Option<(String, String)> {
    let diff = given.checked_sub(computed)?;
    if diff.abs() <= tolerance {
        return None;
    }
    let abs = two_dp(diff.abs());
    Some(if diff > Decimal::ZERO {
        (format!("{abs} CNY higher"), format!("多 {abs} CNY"))
    } else {
        (format!("{abs} CNY lower"), format!("少 {abs} CNY"))
    })
}

fn to_cny(m: Option<Money>, rates: &ExchangeRates) -> Option<Option<Decimal>> {
    match m {
        None => Some(None),
        Some(m) => m
            .convert(Currency::CNY, rates)
            .ok()
            .map(|m| Some(m.amount())),
    }
}

/// Every finding of the declared-tax check, in document order.
pub(crate) fn declared(
    a: &TaxAssessment<'_>,
    order: &Order,
    rates: &ExchangeRates,
) -> Vec<Declared> {
    let mut out = Vec::new();
    let basis = match a.basis() {
        Some(b) if b != Basis::GeneralTrade => b,
        _ => return out,
    };
    let declares = order.items.iter().any(|i| i.tax.is_some())
        || order.shipping_tax.is_some()
        || order.products_total_tax.is_some();
    if !declares || order.items.len() != a.lines().len() {
        return out;
    }
    let lines = a.lines();
    let tolerance_lines = cent()
        .checked_mul(Decimal::from(lines.len().max(1)))
        .unwrap_or(cent());
    let mut unchecked_any = false;
    for (item, line) in order.items.iter().zip(lines) {
        let Some(Some(given)) = to_cny(item.tax, rates) else {
            continue;
        };
        let field = Field::Item(line.index());
        let Some(computed) = line.tax() else {
            unchecked_any = true;
            let (why_en, why_zh) = line.gap().map_or(("", ""), super::assess::Gap::reason);
            out.push(Declared {
                kind: DeclaredKind::Unchecked,
                field,
                value: two_dp(given),
                en: format!(
                    "the declared tax {} CNY cannot be checked: {why_en}",
                    two_dp(given)
                ),
                zh: format!("申报税额 {} CNY 无法核对：{why_zh}", two_dp(given)),
            });
            continue;
        };
        let computed = computed.amount();
        if let Some((diff_en, diff_zh)) = off(given, computed, cent()) {
            let (how_en, how_zh) = how(a, line);
            out.push(Declared {
                kind: if line.is_certain() {
                    DeclaredKind::Mismatch
                } else {
                    DeclaredKind::MismatchGuess
                },
                field,
                value: two_dp(given),
                en: format!(
                    "the declared tax {} CNY is {diff_en} than the computed {} CNY ({how_en})",
                    two_dp(given),
                    two_dp(computed)
                ),
                zh: format!(
                    "申报税额 {} CNY 比计算值 {} CNY {diff_zh}（{how_zh}）",
                    two_dp(given),
                    two_dp(computed)
                ),
            });
        }
    }
    let certain = a.is_certain();
    let kind = if certain {
        DeclaredKind::Mismatch
    } else {
        DeclaredKind::MismatchGuess
    };
    // shippingTax.
    if let Some(Some(given)) = to_cny(order.shipping_tax, rates) {
        match a.shipping_tax() {
            Some(computed) => {
                let computed = computed.amount();
                if let Some((diff_en, diff_zh)) = off(given, computed, tolerance_lines) {
                    let (en, zh) = if basis == Basis::PersonalArticles {
                        (
                            "personal postal articles tax is charged on the articles' dutiable prices, not on delivery".to_owned(),
                            "行邮税按物品完税价格计征，不对运费征税".to_owned(),
                        )
                    } else {
                        let share = a
                            .lines()
                            .iter()
                            .filter_map(LineTax::shipping_share)
                            .try_fold(Decimal::ZERO, |s, m| s.checked_add(m.amount()))
                            .map_or_else(String::new, two_dp);
                        (
                            format!(
                                "the tax on delivery and insurance, {share} CNY shared over the lines by value and taxed at each line's rates, computed exactly and rounded once"
                            ),
                            format!(
                                "运费和保费 {share} CNY 按货值分摊到各商品、按各商品税率计税，精确计算后一次舍入"
                            ),
                        )
                    };
                    out.push(Declared {
                        kind,
                        field: Field::ShippingTax,
                        value: two_dp(given),
                        en: format!(
                            "shippingTax {} CNY is {diff_en} than the computed {} CNY ({en})",
                            two_dp(given),
                            two_dp(computed)
                        ),
                        zh: format!(
                            "shippingTax {} CNY 比计算值 {} CNY {diff_zh}（{zh}）",
                            two_dp(given),
                            two_dp(computed)
                        ),
                    });
                }
            }
            None if !unchecked_any => {
                unchecked_any = true;
                out.push(unchecked(Field::ShippingTax, given, a));
            }
            None => {}
        }
    }
    // productsTotalTax.
    if let Some(Some(given)) = to_cny(order.products_total_tax, rates) {
        let sum = lines
            .iter()
            .try_fold(Decimal::ZERO, |s, l| s.checked_add(l.tax()?.amount()));
        match sum {
            Some(computed) => {
                if let Some((diff_en, diff_zh)) = off(given, computed, tolerance_lines) {
                    out.push(Declared {
                        kind,
                        field: Field::ProductsTotalTax,
                        value: two_dp(given),
                        en: format!(
                            "productsTotalTax {} CNY is {diff_en} than the computed tax of the lines, {} CNY",
                            two_dp(given),
                            two_dp(computed)
                        ),
                        zh: format!(
                            "productsTotalTax {} CNY 比各商品计算税额之和 {} CNY {diff_zh}",
                            two_dp(given),
                            two_dp(computed)
                        ),
                    });
                }
            }
            None if !unchecked_any => out.push(unchecked(Field::ProductsTotalTax, given, a)),
            None => {}
        }
    }
    out
}

fn unchecked(field: Field, given: Decimal, a: &TaxAssessment<'_>) -> Declared {
    let (why_en, why_zh) = a
        .lines()
        .iter()
        .find_map(|l| l.gap().map(|g| (l.index(), g.reason())))
        .map_or((String::new(), String::new()), |(i, (en, zh))| {
            (
                format!("line /items/{i}: {en}"),
                format!("第 /items/{i} 行：{zh}"),
            )
        });
    Declared {
        kind: DeclaredKind::Unchecked,
        field,
        value: two_dp(given),
        en: format!(
            "the declared {} CNY cannot be checked: {why_en}",
            two_dp(given)
        ),
        zh: format!("申报金额 {} CNY 无法核对：{why_zh}", two_dp(given)),
    }
}

impl TaxAssessment<'_> {
    /// Checks the tax an order declares (each item's `tax`, `shippingTax`,
    /// `productsTotalTax`, converted to CNY with `rates`) against this
    /// assessment: within ¥0.01 for a line, ¥0.01 a line for the two order
    /// sums. A difference is `tax.declared_mismatch` (an error) where every
    /// rate came from a row of the table, `tax.declared_mismatch_default_rate`
    /// (a warning) where a rate is a guess; a declared amount that cannot be
    /// checked (a full-rate line without a duty rate) is
    /// `tax.declared_unchecked` (a warning). Nothing is reported for an
    /// order that declares no tax, or is general trade. These are the
    /// findings of the declaration rules of the same codes.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::declaration::Context;
    /// use crossborder::tax;
    /// use crossborder::{wire, Order};
    ///
    /// let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
    ///     {"quantity": 1, "price": 580, "tax": 52.78, "product": {"hsCode": "3304990000", "netWeight": 0.05}}],
    ///     "productsTotalTax": 52.78}"#)?;
    /// let order = Order::from_wire(w).into_result()?;
    /// let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
    /// let report = tax::assess(&order, &context).check_declared(&order, context.rates());
    /// let found: Vec<_> = report.iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
    /// assert_eq!(found, [("tax.declared_mismatch", "/items/0/tax"), ("tax.declared_mismatch", "/productsTotalTax")]);
    /// assert!(report.as_slice()[0].message_en().contains("80.96 CNY lower than the computed 133.74 CNY"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_declared(&self, order: &Order, rates: &ExchangeRates) -> Report {
        let mut report: Report = declared(self, order, rates)
            .into_iter()
            .map(|d| {
                Violation::new(
                    d.kind.code(),
                    d.kind.severity(),
                    d.field.pointer(),
                    d.en,
                    d.zh,
                )
                .with_value(d.value)
            })
            .collect();
        report.sort_document_order(crate::DocumentKind::Order);
        report
    }
}
