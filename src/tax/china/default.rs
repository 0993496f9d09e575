//! The default China import tax table: the general and reduced VAT rates,
//! the import consumption tax categories a cross-border e-commerce catalogue
//! meets, the personal postal articles tiers by HS code, and the dated
//! figures of both regimes. Every row names its source.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::table::{
    CbecPeriod, CcTierPeriod, CcWaiver, Condition, ConsumptionTax, DatedRate, ParcelLimit,
    Quantity, QuantityUnit, SpecificTax, TaxRow, TaxTable,
};
use crate::{Country, Effective, HsPrefix};

/// The standard VAT rate from 2019-04-01, and the VAT Law that keeps it.
pub(crate) const SOURCE_VAT_2019: &str = "财政部 税务总局 海关总署公告2019年第39号 (13% and 9% from 2019-04-01); \
     增值税法 art. 10 (in force 2026-01-01, same rates)";
const SOURCE_VAT_2018: &str = "财税〔2018〕32号 (16% and 10% from 2018-05-01 to 2019-03-31)";
const SOURCE_VAT_REDUCED: &str = "增值税暂行条例 art. 2 (2) and 增值税法 art. 10 (2): the reduced rate for \
     grain, edible vegetable oils, books, newspapers and magazines; 13%/9% from 2019-04-01 \
     (财政部 税务总局 海关总署公告2019年第39号), 16%/10% before (财税〔2018〕32号)";
const SOURCE_VAT_STANDARD: &str = "增值税暂行条例 art. 2 (1) and 增值税法 art. 10 (1): the standard rate; \
     no good of these headings is on the reduced-rate list; 13% from 2019-04-01 \
     (财政部 税务总局 海关总署公告2019年第39号), 16% before (财税〔2018〕32号)";
const SOURCE_CT_ALCOHOL: &str = "消费税暂行条例, 税目税率表: 白酒 20% + ¥0.5 per 500 g or 500 ml, \
     beer ¥250 a tonne (¥3,000 a tonne or more) or ¥220, 其他酒 10%; 实施细则 art. 10 (988 litres of beer to the tonne)";
const SOURCE_CT_COSMETICS: &str = "财税〔2016〕103号 (high-end cosmetics 15% from 2016-10-01: at least ¥10 per ml or g, \
     or ¥15 per piece, before VAT)";
const SOURCE_CT_2006: &str = "财税〔2006〕33号 (from 2006-04-01: high-end watches, ¥10,000 or more each, 20%; golf balls and equipment 10%)";
const SOURCE_CT_JEWELLERY: &str = "消费税暂行条例, 税目税率表 (precious jewellery and jade 10%); \
     gold, silver and platinum jewellery and diamonds are taxed at retail, not at import \
     (财税〔1994〕95号, 财税〔2001〕176号, 财税〔2003〕86号)";
const SOURCE_CT_BATTERIES: &str = "财税〔2015〕16号 (batteries and coatings 4% from 2015-02-01; lithium, nickel-metal \
     hydride and mercury-free primary batteries exempt; lead-acid batteries from 2016-01-01; coatings of at most \
     420 g/l VOC exempt)";
const SOURCE_CT_ECIG: &str =
    "财政部 海关总署 税务总局公告2022年第33号 (e-cigarettes 36% at import from 2022-11-01)";
const SOURCE_CBEC: &str = "财关税〔2018〕49号 (from 2019-01-01: ¥5,000 a transaction, ¥26,000 a person a year, \
     duty 0, VAT and consumption tax at 70%); method and dutiable value of 财关税〔2016〕18号";
const SOURCE_CC_2019: &str =
    "税委会〔2019〕17号 (personal postal articles tax 13%, 20%, 50% from 2019-04-09)";
const SOURCE_CC_2018: &str = "税委会〔2018〕49号 (15%, 25%, 50% from 2018-11-01)";
const SOURCE_CC_2016: &str = "税委会〔2016〕2号 (15%, 30%, 60% from 2016-04-08)";
const SOURCE_CC_TIERS: &str = "税委会〔2019〕17号, 进境物品进口税税率表 (tier 1: books, IT products, food and drink, \
     gold and silver, furniture, toys and games, medicines; tier 3: tobacco, alcohol, precious jewellery and jade, \
     golf, high-end watches and cosmetics; tier 2: the rest)";
const SOURCE_CC_WAIVER: &str = "海关总署公告2010年第43号, clause 1 (tax of ¥50 or less waived); \
     not amended by 海关总署公告2024年第176号 as far as found";
const SOURCE_CC_LIMIT_2010: &str =
    "海关总署公告2010年第43号, clause 2 (¥1,000 a parcel; ¥800 from Hong Kong, Macao or Taiwan)";
const SOURCE_CC_LIMIT_2024: &str =
    "海关总署公告2024年第176号 (¥2,000 an inbound parcel, from anywhere, from 2024-12-01)";

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

const fn rate(hundredths: i64) -> Decimal {
    Decimal::from_parts(hundredths as u32, 0, 0, false, 2)
}

fn prefix(p: &str) -> Option<HsPrefix> {
    HsPrefix::parse(p).ok()
}

fn between(from: NaiveDate, to: NaiveDate) -> Effective {
    Effective::between(from, to).unwrap_or(Effective::since(from))
}

fn qty(value: i64, unit: QuantityUnit) -> Option<Quantity> {
    Quantity::new(Decimal::from(value), unit).ok()
}

/// HS prefixes of goods at the standard rate, in headings a cross-border
/// catalogue meets where no good is on the reduced-rate list.
const STANDARD_VAT: &[&str] = &[
    "16", "17", "1803", "1804", "1805", "1806", "19", "20", "21", "22", "30", "33", "34", "3922",
    "3923", "3924", "3926", "4014", "4015", "42", "4818", "61", "62", "63", "64", "65", "6911",
    "6912", "6913", "7013", "7103", "7104", "7113", "7114", "7116", "7117", "7323", "82", "83",
    "8414", "8415", "8418", "8422", "8443", "8450", "8451", "8467", "8471", "8473", "8504", "8506",
    "8507", "8508", "8509", "8510", "8513", "8516", "8517", "8518", "8519", "8521", "8525", "8527",
    "8528", "8543", "90", "91", "92", "94", "95", "96",
];

/// HS prefixes of goods at the reduced rate: grain (cereals), edible
/// vegetable oils, books, newspapers and magazines.
const REDUCED_VAT: &[(&str, &str)] = &[
    ("10", "cereals (grain)"),
    ("1507", "soya-bean oil"),
    ("1508", "groundnut oil"),
    ("1509", "olive oil"),
    ("1510", "other olive oils"),
    ("1511", "palm oil"),
    ("1512", "sunflower-seed, safflower and cotton-seed oil"),
    ("1513", "coconut, palm kernel and babassu oil"),
    ("1514", "rape, colza and mustard oil"),
    ("151521", "crude maize (corn) oil"),
    ("151529", "maize (corn) oil"),
    ("151550", "sesame oil"),
    ("4901", "printed books, brochures and leaflets"),
    ("4902", "newspapers, journals and periodicals"),
];

/// Personal postal articles tiers by HS prefix (税委会〔2019〕17号).
const CC_TIERS: &[(&str, u8)] = &[
    // Tier 1: books and printed matter, IT products, food and drink, gold and
    // silver, furniture, toys, games and festive goods, medicines.
    ("49", 1),
    ("8471", 1),
    ("85258", 1),
    ("02", 1),
    ("03", 1),
    ("04", 1),
    ("07", 1),
    ("08", 1),
    ("09", 1),
    ("10", 1),
    ("11", 1),
    ("1501", 1),
    ("1502", 1),
    ("1503", 1),
    ("1504", 1),
    ("1505", 1),
    ("1506", 1),
    ("1507", 1),
    ("1508", 1),
    ("1509", 1),
    ("1510", 1),
    ("1511", 1),
    ("1512", 1),
    ("1513", 1),
    ("1514", 1),
    ("1515", 1),
    ("1516", 1),
    ("1517", 1),
    ("16", 1),
    ("17", 1),
    ("18", 1),
    ("19", 1),
    ("20", 1),
    ("21", 1),
    ("2201", 1),
    ("2202", 1),
    ("30", 1),
    ("7106", 1),
    ("7108", 1),
    ("9401", 1),
    ("9402", 1),
    ("9403", 1),
    ("9503", 1),
    ("9504", 1),
    ("9505", 1),
    // Tier 3: tobacco, alcohol, precious jewellery and jade, golf.
    ("24", 3),
    ("2203", 3),
    ("2204", 3),
    ("2205", 3),
    ("2206", 3),
    ("2207", 3),
    ("2208", 3),
    ("7101", 3),
    ("7102", 3),
    ("7103", 3),
    ("7104", 3),
    ("7113", 3),
    ("7114", 3),
    ("7116", 3),
    ("950631", 3),
    ("950632", 3),
    ("950639", 3),
    // Tier 2, named: textiles, electrical appliances, bicycles, sporting
    // goods and fishing gear, and chapters of other goods that hold none of
    // tier 1 or 3 (high-end cosmetics and watches are conditional rows).
    ("33", 2),
    ("34", 2),
    ("39", 2),
    ("40", 2),
    ("42", 2),
    ("50", 2),
    ("51", 2),
    ("52", 2),
    ("53", 2),
    ("54", 2),
    ("55", 2),
    ("56", 2),
    ("57", 2),
    ("58", 2),
    ("59", 2),
    ("60", 2),
    ("61", 2),
    ("62", 2),
    ("63", 2),
    ("64", 2),
    ("65", 2),
    ("66", 2),
    ("67", 2),
    ("69", 2),
    ("70", 2),
    ("73", 2),
    ("82", 2),
    ("83", 2),
    ("84", 2),
    ("85", 2),
    ("8712", 2),
    ("90", 2),
    ("91", 2),
    ("92", 2),
    ("96", 2),
    ("9506", 2),
    ("9507", 2),
];

impl TaxTable {
    /// The default table: VAT 13% (16% before 2019-04-01) by default and 9%
    /// (10%) for grain, edible vegetable oils, books, newspapers and
    /// magazines, with standard-rate rows for the headings a cross-border
    /// catalogue meets; the import consumption tax of high-end cosmetics
    /// (15%, by unit price per gram of net weight as a proxy), high-end
    /// watches (20%, ¥10,000 or more), golf (10%), precious jewellery and
    /// jade (10%), wine and other fermented drinks (10%), spirits (20% +
    /// ¥0.5 per 500 ml), beer (¥250 or ¥220 a tonne of 988 l), batteries and
    /// coatings (4%, with the exemptions), e-cigarettes (36%); the personal
    /// postal articles tiers by HS code, their rates from 2016-04-08, the
    /// ¥50 waiver and the parcel limits; the cross-border e-commerce regime
    /// from 2019-01-01. No MFN duty rates: the crate ships no tariff
    /// schedule, so a caller taxing a one-item order at full rates adds
    /// them.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::tax::TaxTable;
    /// let t = TaxTable::china_default();
    /// assert!(t.rows.iter().all(|r| !r.source.is_empty() && r.duty.is_none()));
    /// assert!(t.rows.iter().any(|r| r.prefix.as_str() == "2208" && r.consumption.is_some()));
    /// ```
    pub fn china_default() -> TaxTable {
        let vat_2018 = between(date(2018, 5, 1), date(2019, 3, 31));
        let vat_2019 = Effective::since(date(2019, 4, 1));
        let mut rows = Vec::new();
        // VAT: the standard and reduced rates, each in two periods.
        for p in STANDARD_VAT.iter().filter_map(|p| prefix(p)) {
            for (effective, r) in [(vat_2018, rate(16)), (vat_2019, rate(13))] {
                rows.push(
                    TaxRow::new(p, SOURCE_VAT_STANDARD)
                        .with_vat(r)
                        .with_effective(effective),
                );
            }
        }
        for (p, what) in REDUCED_VAT {
            let Some(p) = prefix(p) else { continue };
            for (effective, r) in [(vat_2018, rate(10)), (vat_2019, rate(9))] {
                rows.push(
                    TaxRow::new(p, SOURCE_VAT_REDUCED)
                        .with_description(*what)
                        .with_vat(r)
                        .with_effective(effective),
                );
            }
        }
        // Personal postal articles tiers.
        for (p, tier) in CC_TIERS {
            if let Some(p) = prefix(p) {
                rows.push(TaxRow::new(p, SOURCE_CC_TIERS).with_cc_tier(*tier));
            }
        }
        rows.extend(consumption_rows());
        TaxTable {
            rows,
            general_vat: vec![
                DatedRate {
                    rate: rate(16),
                    effective: vat_2018,
                    source: SOURCE_VAT_2018.to_owned(),
                },
                DatedRate {
                    rate: rate(13),
                    effective: vat_2019,
                    source: SOURCE_VAT_2019.to_owned(),
                },
            ],
            cbec: vec![CbecPeriod {
                transaction_limit: Decimal::from(5000),
                annual_limit: Decimal::from(26000),
                factor: Decimal::new(7, 1),
                effective: Effective::since(date(2019, 1, 1)),
                source: SOURCE_CBEC.to_owned(),
            }],
            cc_tiers: vec![
                cc_period(
                    [15, 30, 60],
                    between(date(2016, 4, 8), date(2018, 10, 31)),
                    SOURCE_CC_2016,
                ),
                cc_period(
                    [15, 25, 50],
                    between(date(2018, 11, 1), date(2019, 4, 8)),
                    SOURCE_CC_2018,
                ),
                cc_period(
                    [13, 20, 50],
                    Effective::since(date(2019, 4, 9)),
                    SOURCE_CC_2019,
                ),
            ],
            cc_waiver: vec![CcWaiver {
                up_to: Decimal::from(50),
                effective: Effective::since(date(2010, 9, 1)),
                source: SOURCE_CC_WAIVER.to_owned(),
            }],
            cc_parcel_limits: vec![
                ParcelLimit {
                    limit: Decimal::from(1000),
                    from: Vec::new(),
                    effective: between(date(2010, 9, 1), date(2024, 11, 30)),
                    source: SOURCE_CC_LIMIT_2010.to_owned(),
                },
                ParcelLimit {
                    limit: Decimal::from(800),
                    from: vec![Country::HK, Country::MO, Country::TW],
                    effective: between(date(2010, 9, 1), date(2024, 11, 30)),
                    source: SOURCE_CC_LIMIT_2010.to_owned(),
                },
                ParcelLimit {
                    limit: Decimal::from(2000),
                    from: Vec::new(),
                    effective: Effective::since(date(2024, 12, 1)),
                    source: SOURCE_CC_LIMIT_2024.to_owned(),
                },
            ],
            postal_tax_numbers: Vec::new(),
        }
    }
}

fn cc_period(rates: [i64; 3], effective: Effective, source: &str) -> CcTierPeriod {
    CcTierPeriod {
        rates: rates.iter().map(|r| rate(*r)).collect(),
        default_tier: 2,
        effective,
        source: source.to_owned(),
    }
}

/// The import consumption tax rows (and the tiers that go with a condition).
fn consumption_rows() -> Vec<TaxRow> {
    let mut rows = Vec::new();
    let mut push = |p: &str, what: &str, source: &str, f: &dyn Fn(TaxRow) -> TaxRow| {
        if let Some(p) = prefix(p) {
            rows.push(f(TaxRow::new(p, source).with_description(what)));
        }
    };
    let ad = |hundredths| ConsumptionTax::ad_valorem(rate(hundredths));
    // High-end cosmetics: unit price per gram of net weight, a proxy for the
    // regulation's "per ml or g, or ¥15 per piece".
    if let Some(per_gram) = qty(1, QuantityUnit::Gram) {
        let high_end = Condition::HighEnd {
            at_least: Decimal::TEN,
            per: per_gram,
        };
        for (p, what) in [
            ("3303", "perfumes and toilet waters, high-end"),
            (
                "3304",
                "beauty, make-up and skin-care preparations, high-end",
            ),
        ] {
            push(p, what, SOURCE_CT_COSMETICS, &|r| {
                r.with_condition(high_end.clone())
                    .with_consumption(ad(15))
                    .with_cc_tier(3)
                    .with_effective(Effective::since(date(2016, 10, 1)))
            });
        }
    }
    let watch = Condition::HighEnd {
        at_least: Decimal::from(10_000),
        per: Quantity::piece(),
    };
    for (p, what) in [
        ("9101", "watches with cases of precious metal, high-end"),
        ("9102", "wrist-watches and pocket-watches, high-end"),
    ] {
        push(p, what, SOURCE_CT_2006, &|r| {
            r.with_condition(watch.clone())
                .with_consumption(ad(20))
                .with_cc_tier(3)
                .with_effective(Effective::since(date(2006, 4, 1)))
        });
    }
    for (p, what) in [
        ("950631", "golf clubs"),
        ("950632", "golf balls"),
        ("950639", "other golf equipment"),
    ] {
        push(p, what, SOURCE_CT_2006, &|r| {
            r.with_consumption(ad(10))
                .with_effective(Effective::since(date(2006, 4, 1)))
        });
    }
    for (p, what) in [
        ("7101", "pearls"),
        ("7103", "precious and semi-precious stones (jade)"),
        ("7104", "synthetic or reconstructed stones"),
        ("7113", "jewellery other than of gold, silver or platinum"),
        ("7116", "articles of pearls and precious stones"),
    ] {
        push(p, what, SOURCE_CT_JEWELLERY, &|r| {
            r.with_consumption(ad(10))
        });
    }
    for (p, what) in [
        ("7102", "diamonds: taxed at retail, none at import"),
        (
            "711311",
            "silver jewellery: taxed at retail, none at import",
        ),
        (
            "711319",
            "gold and platinum jewellery: taxed at retail, none at import",
        ),
    ] {
        push(p, what, SOURCE_CT_JEWELLERY, &|r| r.with_consumption(ad(0)));
    }
    for (p, what) in [
        ("2204", "wine (其他酒)"),
        ("2205", "vermouth (其他酒)"),
        (
            "2206",
            "other fermented beverages: cider, sake (其他酒; yellow wine is ¥240 a tonne, a caller's row)",
        ),
    ] {
        push(p, what, SOURCE_CT_ALCOHOL, &|r| r.with_consumption(ad(10)));
    }
    if let Some(per_500ml) = qty(500, QuantityUnit::Millilitre) {
        push("2208", "spirits (白酒)", SOURCE_CT_ALCOHOL, &|r| {
            r.with_consumption(ConsumptionTax {
                ad_valorem: rate(20),
                specific: Some(SpecificTax {
                    amount: Decimal::new(5, 1),
                    per: per_500ml,
                }),
            })
        });
    }
    if let Some(tonne) = qty(988, QuantityUnit::Litre) {
        let beer = |amount| ConsumptionTax {
            ad_valorem: Decimal::ZERO,
            specific: Some(SpecificTax {
                amount: Decimal::from(amount),
                per: tonne,
            }),
        };
        push(
            "2203",
            "beer of ¥3,000 a tonne or more (甲类啤酒)",
            SOURCE_CT_ALCOHOL,
            &|r| {
                r.with_condition(Condition::UnitValueAtLeast {
                    at_least: Decimal::from(3000),
                    per: tonne,
                })
                .with_consumption(beer(250))
            },
        );
        push(
            "2203",
            "beer below ¥3,000 a tonne (乙类啤酒)",
            SOURCE_CT_ALCOHOL,
            &|r| r.with_consumption(beer(220)),
        );
    }
    for (p, what) in [
        ("3208", "paints and varnishes in a non-aqueous medium"),
        ("3209", "paints and varnishes in an aqueous medium"),
        ("3210", "other paints and varnishes"),
    ] {
        push(p, what, SOURCE_CT_BATTERIES, &|r| {
            r.with_consumption(ad(4))
                .with_effective(Effective::since(date(2015, 2, 1)))
        });
    }
    for (p, what, from) in [
        (
            "850710",
            "lead-acid accumulators for starting engines",
            date(2016, 1, 1),
        ),
        ("850720", "other lead-acid accumulators", date(2016, 1, 1)),
        ("850730", "nickel-cadmium accumulators", date(2015, 2, 1)),
    ] {
        push(p, what, SOURCE_CT_BATTERIES, &|r| {
            r.with_consumption(ad(4))
                .with_effective(Effective::since(from))
        });
    }
    for (p, what) in [
        ("850650", "lithium primary cells: exempt"),
        ("850750", "nickel-metal hydride accumulators: exempt"),
        ("850760", "lithium-ion accumulators: exempt"),
    ] {
        push(p, what, SOURCE_CT_BATTERIES, &|r| r.with_consumption(ad(0)));
    }
    for (p, what) in [
        ("240412", "e-cigarette liquids and pods"),
        ("854340", "e-cigarettes and personal vaporisers"),
    ] {
        push(p, what, SOURCE_CT_ECIG, &|r| {
            r.with_consumption(ad(36))
                .with_effective(Effective::since(date(2022, 11, 1)))
        });
    }
    // Not a consumption tax row, but a condition on a tier: television
    // cameras share subheadings 8525 81 to 89 with digital cameras.
    push(
        "85258",
        "television cameras (tier 2; digital cameras and camcorders are tier 1)",
        SOURCE_CC_TIERS,
        &|r| {
            r.with_condition(Condition::Attribute("television_camera".into()))
                .with_cc_tier(2)
        },
    );
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefix_parses() {
        let t = TaxTable::china_default();
        let expected = STANDARD_VAT.len() * 2 + REDUCED_VAT.len() * 2 + CC_TIERS.len();
        assert!(t.rows.len() > expected, "{} rows", t.rows.len());
        assert_eq!(
            t.rows
                .iter()
                .filter(|r| r.consumption.is_none() && r.when.is_none())
                .count(),
            expected
        );
    }

    #[test]
    fn rates_are_fractions() {
        let t = TaxTable::china_default();
        for r in &t.rows {
            for v in [r.vat, r.consumption.map(|c| c.ad_valorem)]
                .into_iter()
                .flatten()
            {
                assert!(v >= Decimal::ZERO && v < Decimal::ONE, "{:?}", r);
            }
            if let Some(tier) = r.cc_tier {
                assert!((1..=3).contains(&tier));
            }
        }
    }
}
