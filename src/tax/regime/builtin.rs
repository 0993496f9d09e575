//! The crate's regime table: every destination and dated rule the crate
//! knows, each with its primary source.

use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::rule::{
    Channel, ChargeBasis, ChargeTerms, ChargeWhen, Destination, DutyTerms, GiftScope, RegimeRule,
    RegimeTable, Registration, Territory, Threshold, Valuation, ValueBase, VatCollection, VatTerms,
};
use crate::{Country, CountrySet, Currency, Effective, Money};

/// HS prefixes of alcoholic beverages (beer, wine, vermouth, other fermented
/// beverages, ethyl alcohol and spirits).
const ALCOHOL: [&str; 6] = ["2203", "2204", "2205", "2206", "2207", "2208"];
/// Tobacco and manufactured tobacco substitutes, e-cigarette products.
const TOBACCO: &str = "24";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn money(units: i64, currency: Currency) -> Money {
    Money::new(Decimal::from(units), currency)
}

fn upto(units: i64, currency: Currency) -> Threshold {
    Threshold::inclusive(money(units, currency))
}

fn since(y: i32, m: u32, d: u32) -> Effective {
    Effective::since(day(y, m, d))
}

fn until(y: i32, m: u32, d: u32) -> Effective {
    Effective::until(day(y, m, d))
}

fn between(from: (i32, u32, u32), to: (i32, u32, u32)) -> Effective {
    Effective::between(day(from.0, from.1, from.2), day(to.0, to.1, to.2))
        .unwrap_or(Effective::always())
}

/// Excludes HS prefixes; the prefixes here are literals of 2 to 6 digits.
fn excluding(rule: RegimeRule, prefixes: &[&str]) -> RegimeRule {
    let fallback = rule.clone();
    rule.excluding(prefixes).unwrap_or(fallback)
}

fn with_alcohol_tobacco(extra: &[&'static str]) -> Vec<&'static str> {
    let mut v: Vec<&str> = ALCOHOL.to_vec();
    v.push(TOBACCO);
    v.extend_from_slice(extra);
    v
}

static BUILTIN: OnceLock<RegimeTable> = OnceLock::new();

/// The table, built once.
pub(super) fn builtin() -> &'static RegimeTable {
    BUILTIN.get_or_init(build)
}

fn destinations() -> Vec<Destination> {
    use ValueBase as B;
    vec![
        Destination {
            territory: Territory::EuropeanUnion,
            currency: Currency::EUR,
            valuation: Valuation::goods_only(B::IntrinsicValue),
            duty_valuation: Valuation::cif(B::CustomsValue),
            source: "intrinsic value: Commission Delegated Regulation (EU) 2015/2446 art. 1(48) \
                     (the price of the goods, without transport and insurance unless included in \
                     the price); customs value with transport and insurance to the place of entry: \
                     Regulation (EU) No 952/2013 (Union Customs Code) arts. 70-71"
                .into(),
        },
        Destination {
            territory: Territory::Country(Country::GB),
            currency: Currency::GBP,
            valuation: Valuation::goods_only(B::IntrinsicValue),
            duty_valuation: Valuation::cif(B::CustomsValue),
            source:
                "HMRC, 'VAT and overseas goods sold directly to customers in the UK' (GOV.UK): \
                     the GBP 135 limit is on the intrinsic value of the consignment, transport and \
                     insurance excluded; duty on the customs value with postage, packaging and \
                     insurance ('Tax and customs for goods sent from abroad')"
                    .into(),
        },
        Destination {
            territory: Territory::Country(Country::US),
            currency: Currency::USD,
            valuation: Valuation::goods_only(B::FairRetailValue),
            duty_valuation: Valuation::goods_only(B::CustomsValue),
            source: "19 U.S.C. 1321 and 19 CFR 10.151 (fair retail value in the country of \
                     shipment); 19 U.S.C. 1401a (transaction value, international freight and \
                     insurance excluded)"
                .into(),
        },
        Destination {
            territory: Territory::Country(Country::CA),
            currency: Currency::CAD,
            valuation: Valuation::goods_only(B::ValueForDuty),
            duty_valuation: Valuation::goods_only(B::ValueForDuty),
            source: "CBSA Customs Notice 20-18 (2020-05-02): thresholds on the value for duty; \
                     Customs Act s. 48 (transportation from the place of direct shipment excluded)"
                .into(),
        },
        Destination {
            territory: Territory::Country(Country::AU),
            currency: Currency::AUD,
            valuation: Valuation::goods_only(B::CustomsValue),
            duty_valuation: Valuation::goods_only(B::CustomsValue),
            source: "ATO, 'GST on low value imported goods': the customs value excludes transport \
                     and insurance costs from the place of export to Australia"
                .into(),
        },
        Destination {
            territory: Territory::Country(Country::JP),
            currency: Currency::JPY,
            valuation: Valuation::cif(B::DutiableValue).with_goods_factor(Decimal::new(6, 1)),
            duty_valuation: Valuation::cif(B::DutiableValue).with_goods_factor(Decimal::new(6, 1)),
            source: "Customs Tariff Act (関税定率法) art. 4 (dutiable value: cost, insurance and \
                     freight); Cabinet Order art. 1-13: goods imported by an individual for \
                     personal use are valued at 60 % of the overseas retail price \
                     [unverified: the crate applies the 60 % to every parcel, as to a consumer's \
                     purchase]"
                .into(),
        },
        Destination {
            territory: Territory::Country(Country::SG),
            currency: Currency::SGD,
            valuation: Valuation::cif(B::CustomsValue),
            duty_valuation: Valuation::cif(B::CustomsValue),
            source: "IRAS, 'GST on imported low-value goods': the GST import relief threshold of \
                     SGD 400 is on the total cost, insurance and freight (CIF)"
                .into(),
        },
        Destination {
            territory: Territory::Country(Country::TH),
            currency: Currency::THB,
            valuation: Valuation::cif(B::CustomsValue),
            duty_valuation: Valuation::cif(B::CustomsValue),
            source: "Thai Customs Department: the THB 1,500 limit is on the CIF value \
                     (Ministry of Finance notification of 2024-06-19)"
                .into(),
        },
    ]
}

fn build() -> RegimeTable {
    let mut rules = Vec::new();
    rules.extend(united_states());
    rules.extend(european_union());
    rules.extend(france());
    rules.extend(united_kingdom());
    rules.extend(canada());
    rules.extend(australia());
    rules.extend(japan());
    rules.extend(singapore());
    rules.extend(thailand());
    RegimeTable {
        destinations: destinations(),
        rules,
    }
}

fn united_states() -> Vec<RegimeRule> {
    let us = Territory::Country(Country::US);
    let usd = Currency::USD;
    vec![
        RegimeRule::new(
            "us.de_minimis",
            us,
            between((2016, 3, 10), (2027, 6, 30)),
            "19 U.S.C. 1321(a)(2)(C), as amended by the Trade Facilitation and Trade \
             Enforcement Act of 2015 (from 2016-03-10): articles of an aggregate fair retail \
             value not exceeding USD 800 imported by one person on one day, free of duty and tax; \
             repealed for commercial shipments from 2027-07-01",
        )
        .for_gifts(GiftScope::Excluded)
        .with_duty(DutyTerms::relieved_within(upto(800, usd))),
        RegimeRule::new(
            "us.de_minimis_ended_cn_hk",
            us,
            since(2025, 5, 2),
            "Executive Order 14256 of 2025-04-02 (90 FR 14899); CBP notice of 2025-04-28: no \
             de minimis for products of the People's Republic of China, including Hong Kong, \
             entered on or after 12:01 a.m. EDT on 2025-05-02, by post or otherwise",
        )
        .for_origins(CountrySet::of(&[Country::CN, Country::HK]))
        .for_gifts(GiftScope::Excluded)
        .with_duty(DutyTerms::due())
        .superseding(&["us.de_minimis"])
        .noting(
            "Postal items paid a duty set by the executive orders (ad valorem, or a specific \
             duty per item) instead of the tariff; the crate reports the duty as due and applies \
             the caller's rate. Products of Macao are not covered.",
        ),
        RegimeRule::new(
            "us.de_minimis_suspended",
            us,
            since(2025, 8, 29),
            "Executive Order 14324 of 2025-07-30 (90 FR 37775), CBP notice FR Doc 2025-16802 \
             (90 FR 42418): de minimis suspended for all countries from 2025-08-29; continued \
             from 2026-02-24 by the Executive Order of 2026-02-20 'Continuing the Suspension of \
             Duty-Free De Minimis Treatment for All Countries' (CBP CSMS, 2026-02-23). Postal \
             items: a duty at the origin's IEEPA rate, or until 2026-02-28 a specific duty of \
             USD 80 (rate under 16 %), 160 (16 to 25 %) or 200 (over 25 %) per item \
             [unverified: the band of each origin]",
        )
        .for_gifts(GiftScope::Excluded)
        .with_duty(DutyTerms::due())
        .superseding(&["us.de_minimis"])
        .noting(
            "The postal specific duty is the carrier's election and depends on the origin's \
             IEEPA rate on the day; the crate does not compute it.",
        ),
        RegimeRule::new(
            "us.de_minimis_repealed",
            us,
            since(2027, 7, 1),
            "One Big Beautiful Bill Act, Pub. L. 119-21 (2025-07-04): 19 U.S.C. 1321(a)(2)(C) \
             repealed for commercial shipments from 2027-07-01",
        )
        .for_gifts(GiftScope::Excluded)
        .with_duty(DutyTerms::due()),
        RegimeRule::new(
            "us.gift",
            us,
            Effective::always(),
            "19 U.S.C. 1321(a)(2)(A): bona fide gifts of a fair retail value not exceeding \
             USD 100, free of duty; not suspended by Executive Orders 14256 and 14324, which \
             suspend 1321(a)(2)(C) only",
        )
        .for_gifts(GiftScope::Only)
        .with_duty(DutyTerms::relieved_within(upto(100, usd))),
        RegimeRule::new(
            "us.no_vat",
            us,
            Effective::always(),
            "The United States levies no value-added tax or GST on imports; state sales taxes \
             are collected by sellers and marketplaces (South Dakota v. Wayfair, 585 U.S. 162 \
             (2018)) and are outside this table",
        )
        .with_vat(VatTerms::not_due()),
        RegimeRule::new(
            "us.section_122",
            us,
            between((2026, 2, 24), (2026, 7, 23)),
            "Proclamation of 2026-02-20 under Section 122 of the Trade Act of 1974 (19 U.S.C. \
             2132); CBP CSMS #67844987: a 10 % ad valorem duty (HTSUS 9903.03.01) on goods \
             entered from 12:01 a.m. EST on 2026-02-24 until 12:01 a.m. EDT on 2026-07-24 \
             [unverified: a rise to 15 % was announced on 2026-02-21 and not proclaimed when \
             the CSMS was issued]",
        )
        .with_charge(
            ChargeTerms::new(
                "us_section_122_surcharge",
                ChargeBasis::Value {
                    rate: Decimal::new(10, 2),
                },
            )
            .as_duty(false),
        )
        .noting(
            "The exempt goods (HTSUS 9903.03.02 to 9903.03.11: certain agricultural products, \
             pharmaceuticals, electronics, vehicles, USMCA goods, ...) are not modelled: remove \
             or supersede the rule for them.",
        ),
    ]
}

fn european_union() -> Vec<RegimeRule> {
    let eu = Territory::EuropeanUnion;
    let eur = Currency::EUR;
    vec![
        excluding(
            RegimeRule::new(
                "eu.vat_low_value",
                eu,
                until(2021, 6, 30),
                "Council Directive 2009/132/EC arts. 22-24 (repealed from 2021-07-01 by Council \
                 Directive (EU) 2017/2455): import VAT exemption for goods of a total value not \
                 exceeding EUR 22 (each member state set between EUR 10 and 22), mail order \
                 excepted where the state chose",
            )
            .for_gifts(GiftScope::Excluded)
            .with_vat(VatTerms::not_due_within(upto(22, eur))),
            &with_alcohol_tobacco(&["3303"]),
        ),
        excluding(
            RegimeRule::new(
                "eu.vat_ioss",
                eu,
                since(2021, 7, 1),
                "Council Directive (EU) 2017/2455, amending Directive 2006/112/EC (arts. \
                 143(1)(ca) and 369l to 369x): VAT is due from the first euro; on distance sales \
                 of goods imported in consignments of an intrinsic value not exceeding EUR 150, \
                 except goods subject to excise duty, a seller or marketplace registered for the \
                 Import One-Stop Shop charges it at the sale and the import is exempt; \
                 otherwise it is due at import",
            )
            .for_gifts(GiftScope::Excluded)
            .with_vat(VatTerms::at_sale_within(upto(150, eur), Registration::Ioss)),
            &with_alcohol_tobacco(&["2710", "2711"]),
        ),
        excluding(
            RegimeRule::new(
                "eu.duty_relief",
                eu,
                until(2026, 6, 30),
                "Council Regulation (EC) No 1186/2009 arts. 23-24: consignments of negligible \
                 value, a total intrinsic value not exceeding EUR 150, sent directly from a third \
                 country, free of import duty (alcoholic products, perfumes and toilet waters, \
                 tobacco excepted); abolished from 2026-07-01 by Council Regulation (EU) \
                 2026/382",
            )
            .with_duty(DutyTerms::relieved_within(upto(150, eur))),
            &with_alcohol_tobacco(&["3303"]),
        ),
        RegimeRule::new(
            "eu.duty_relief_abolished",
            eu,
            since(2026, 7, 1),
            "Council Regulation (EU) 2026/382 of 2026-02-11 (OJ L, 2026/382, 18.2.2026): the \
             threshold-based relief of Regulation (EC) No 1186/2009 arts. 23-24 is eliminated; \
             goods of any value owe customs duty",
        )
        .with_duty(DutyTerms::due()),
        RegimeRule::new(
            "eu.flat_duty",
            eu,
            between((2026, 7, 1), (2028, 7, 1)),
            "Council Regulation (EU) 2026/382 of 2026-02-11 and Commission Delegated Regulation \
             (EU) 2026/1022: from 2026-07-01 until 2028-07-01, a customs duty of EUR 3 on each \
             distinct item, by tariff subheading, of a distance-sale consignment of an \
             intrinsic value not exceeding EUR 150 whose import VAT is declared through the \
             Import One-Stop Shop or which travels as a postal consignment (a silk and two \
             wool blouses: 2 subheadings, EUR 6); other such consignments owe duty at the \
             tariff rate",
        )
        .for_gifts(GiftScope::Excluded)
        .with_charge(
            ChargeTerms::new(
                "eu_flat_duty",
                ChargeBasis::Subheading {
                    amount: money(3, eur),
                    digits: 6,
                },
            )
            .below(upto(150, eur))
            .when(ChargeWhen::registered_or(
                Registration::Ioss,
                &[Channel::Postal],
            ))
            .as_duty(true),
        )
        .noting(
            "Subheadings are counted at 6 digits (the reduced H7 dataset); a declaration with \
             the full H1 dataset classifies at 10 digits and may count more: set the charge's \
             digits. Extendable after 2028-07-01.",
        ),
        RegimeRule::new(
            "eu.gift",
            eu,
            Effective::always(),
            "Council Directive 2006/79/EC art. 1 (VAT) and Council Regulation (EC) No 1186/2009 \
             arts. 25-27 (duty): occasional consignments of a non-commercial character sent by \
             one private individual to another, of a total value not exceeding EUR 45, free of \
             VAT and duty (tobacco, alcohol, perfume, coffee and tea only within per-consignment \
             quantities)",
        )
        .for_gifts(GiftScope::Only)
        .with_duty(DutyTerms::relieved_within(upto(45, eur)))
        .with_vat(VatTerms::not_due_within(upto(45, eur)))
        .noting(
            "The quantity limits of Regulation (EC) No 1186/2009 art. 27 are not modelled; \
             gifts over EUR 45 may pay a flat 2.5 % duty up to EUR 700 (Regulation (EEC) \
             No 2658/87, Annex I, Part One, Section II D), which the caller gives as the rate.",
        ),
    ]
}

fn france() -> Vec<RegimeRule> {
    vec![
        RegimeRule::new(
            "fr.small_parcel_tax",
            Territory::Country(Country::FR),
            since(2026, 3, 1),
            "Loi de finances pour 2026, art. 82 (taxe sur les petits colis), in force \
             2026-03-01: EUR 2 per article of goods in consignments of less than EUR 150 from \
             outside the EU, owed by the import-VAT debtor, on top of the EU's duty \
             (service-public.gouv.fr, 2026-02-20) [unverified: 'article' read as each unit; it \
             may mean each distinct article]",
        )
        .for_gifts(GiftScope::Excluded)
        .with_charge(
            ChargeTerms::new(
                "fr_small_parcel_tax",
                ChargeBasis::Article {
                    amount: money(2, Currency::EUR),
                },
            )
            .below(Threshold::exclusive(money(150, Currency::EUR))),
        )
        .noting(
            "Also owed on consignments to Monaco, Guadeloupe, Martinique and La Réunion, which \
             this table does not cover; announced as transitional, to end when an EU handling \
             fee applies (by 2026-12-31 at the latest), which no text fixes yet.",
        ),
    ]
}

fn united_kingdom() -> Vec<RegimeRule> {
    let gb = Territory::Country(Country::GB);
    let gbp = Currency::GBP;
    vec![
        excluding(
            RegimeRule::new(
                "gb.low_value",
                gb,
                since(2021, 1, 1),
                "HMRC, 'VAT and overseas goods sold directly to customers in the UK' and 'Tax \
                 and customs for goods sent from abroad' (GOV.UK), from 2021-01-01: consignments \
                 of goods worth GBP 135 or less (excise goods excepted) owe no customs duty, and \
                 the seller or online marketplace charges the VAT at the sale, never at the \
                 border; above GBP 135, duty and import VAT at the border. The relief is to end \
                 by March 2029 at the latest (Budget, 2025-11-26)",
            )
            .for_gifts(GiftScope::Excluded)
            .with_duty(DutyTerms::relieved_within(upto(135, gbp)))
            .with_vat(
                VatTerms::at_sale_within(upto(135, gbp), Registration::UkVat)
                    .unregistered(VatCollection::AtSale),
            ),
            &with_alcohol_tobacco(&["2710"]),
        ),
        excluding(
            RegimeRule::new(
                "gb.gift",
                gb,
                since(2021, 1, 1),
                "HMRC, 'Tax and customs for goods sent from abroad' (GOV.UK): gifts worth GBP 39 \
                 or less owe no VAT; gifts owe Customs Duty when worth more than GBP 135; excise \
                 goods always owe duty",
            )
            .for_gifts(GiftScope::Only)
            .with_duty(DutyTerms::relieved_within(upto(135, gbp)))
            .with_vat(VatTerms::not_due_within(upto(39, gbp))),
            &with_alcohol_tobacco(&["2710"]),
        ),
    ]
}

fn canada() -> Vec<RegimeRule> {
    let ca = Territory::Country(Country::CA);
    let cad = Currency::CAD;
    vec![
        excluding(
            RegimeRule::new(
                "ca.low_value",
                ca,
                Effective::always(),
                "CBSA Customs Notice 20-18 (2020-05-02); Postal Imports Remission Order and \
                 Courier Imports Remission Order: goods of a value for duty of CAD 20 or less \
                 are free of duty and taxes, by mail from any country and by courier from \
                 countries other than the United States and Mexico; above, both are due \
                 (alcoholic beverages and tobacco excepted)",
            )
            .for_gifts(GiftScope::Excluded)
            .with_duty(DutyTerms::relieved_within(upto(20, cad)))
            .with_vat(VatTerms::not_due_within(upto(20, cad))),
            &with_alcohol_tobacco(&[]),
        ),
        excluding(
            RegimeRule::new(
                "ca.cusma_courier",
                ca,
                since(2020, 7, 1),
                "CBSA Customs Notice 20-18 (2020-05-02), CUSMA in force 2020-07-01: goods \
                 shipped by courier from the United States or Mexico are free of duty up to \
                 CAD 150 and of taxes up to CAD 40 (value for duty); the thresholds follow the \
                 place of direct shipment, not the origin of the goods",
            )
            .for_origins(CountrySet::of(&[Country::US, Country::MX]))
            .for_channels(&[Channel::Courier])
            .for_gifts(GiftScope::Excluded)
            .with_duty(DutyTerms::relieved_within(upto(150, cad)))
            .with_vat(VatTerms::not_due_within(upto(40, cad)))
            .superseding(&["ca.low_value"]),
            &with_alcohol_tobacco(&[]),
        ),
        excluding(
            RegimeRule::new(
                "ca.gift",
                ca,
                Effective::always(),
                "CBSA, 'Receiving gifts in the mail' (Customs Tariff item 9816.00.00): a gift \
                 from a friend or relative worth CAD 60 or less is free of duty and tax; above, \
                 duty and taxes on the amount over CAD 60 (tobacco and alcoholic beverages \
                 excepted)",
            )
            .for_gifts(GiftScope::Only)
            .with_duty(DutyTerms::relieved_within(upto(60, cad)))
            .with_vat(VatTerms::not_due_within(upto(60, cad))),
            &with_alcohol_tobacco(&[]),
        ),
    ]
}

fn australia() -> Vec<RegimeRule> {
    let au = Territory::Country(Country::AU);
    let aud = Currency::AUD;
    vec![
        excluding(
            RegimeRule::new(
                "au.low_value",
                au,
                since(2018, 7, 1),
                "ATO, 'GST on low value imported goods' (A New Tax System (Goods and Services \
                 Tax) Act 1999, Division 84, from 2018-07-01); Department of Home Affairs: \
                 goods of a customs value of AUD 1,000 or less pass the border without duty or \
                 GST, and registered vendors and marketplaces charge the 10 % GST at the sale \
                 (vendor ID: ARN or ABN); over AUD 1,000, duty and GST at the border; tobacco \
                 and alcoholic beverages always at the border",
            )
            .for_gifts(GiftScope::Excluded)
            .with_duty(DutyTerms::relieved_within(upto(1000, aud)))
            .with_vat(
                VatTerms::at_sale_within(upto(1000, aud), Registration::AuArn)
                    .unregistered(VatCollection::AtSale),
            ),
            &with_alcohol_tobacco(&[]),
        ),
        excluding(
            RegimeRule::new(
                "au.gift",
                au,
                since(2018, 7, 1),
                "Department of Home Affairs: consignments of a customs value of AUD 1,000 or \
                 less are not taxable importations (tobacco and alcoholic beverages excepted); a \
                 gift is not a supply, so no GST is charged at a sale",
            )
            .for_gifts(GiftScope::Only)
            .with_duty(DutyTerms::relieved_within(upto(1000, aud)))
            .with_vat(VatTerms::not_due_within(upto(1000, aud))),
            &with_alcohol_tobacco(&[]),
        ),
    ]
}

fn japan() -> Vec<RegimeRule> {
    let jpy = Currency::JPY;
    vec![excluding(
        RegimeRule::new(
            "jp.small_value",
            Territory::Country(Country::JP),
            Effective::always(),
            "Customs Tariff Act (関税定率法) art. 14(18) and its Cabinet Order art. 16-3; Japan \
             Customs, Customs Answer 1006: goods of a total customs value of JPY 10,000 or less \
             are exempt from customs duty and consumption tax, except designated articles \
             (among them alcohol, tobacco, leather bags, leather footwear, knitted clothing, \
             leather gloves) [unverified: the excluded list]",
        )
        .with_duty(DutyTerms::relieved_within(upto(10_000, jpy)))
        .with_vat(VatTerms::not_due_within(upto(10_000, jpy))),
        &with_alcohol_tobacco(&[
            "420211", "420221", "420231", "420291", "420329", "6403", "61",
        ]),
    )
    .noting(
        "Liquor and tobacco taxes stay due whatever the value. A reform taxing low-value \
         sales at the seller is planned [unverified start date].",
    )]
}

fn singapore() -> Vec<RegimeRule> {
    let sg = Territory::Country(Country::SG);
    let sgd = Currency::SGD;
    let air_or_post = [Channel::Postal, Channel::Courier];
    let dutiable = with_alcohol_tobacco(&["2710", "8703", "8711"]);
    vec![
        excluding(
            RegimeRule::new(
                "sg.import_relief",
                sg,
                until(2022, 12, 31),
                "Singapore Customs: GST import relief for goods imported by post or air of a \
                 total CIF value not exceeding SGD 400 (intoxicating liquors and tobacco \
                 excepted)",
            )
            .for_channels(&air_or_post)
            .with_vat(VatTerms::not_due_within(upto(400, sgd))),
            &dutiable,
        ),
        excluding(
            RegimeRule::new(
                "sg.low_value",
                sg,
                since(2023, 1, 1),
                "IRAS, 'GST on imports of low-value goods', from 2023-01-01: goods valued up to \
                 and including SGD 400, not dutiable, imported by air or post, on which a vendor \
                 or marketplace registered under the overseas vendor registration regime \
                 charges GST at the sale; Goods and Services Tax Act 1993 s. 18A (each item's \
                 entry value: its price less transport and insurance)",
            )
            .for_channels(&air_or_post)
            .for_gifts(GiftScope::Excluded)
            .valued(Valuation::goods_only(ValueBase::CustomsValue))
            .with_vat(
                VatTerms::at_sale_within(
                    Threshold::inclusive(money(400, sgd)).per_unit(),
                    Registration::SgOvr,
                )
                .unregistered(VatCollection::AtSale),
            ),
            &dutiable,
        )
        .noting(
            "Overseas vendors must register when their global turnover exceeds SGD 1 million \
             and their sales of low-value goods and remote services to Singapore consumers \
             SGD 100,000; a smaller vendor selling without a registered marketplace charges no \
             GST, and the parcel then passes the border under the SGD 400 relief.",
        ),
        excluding(
            RegimeRule::new(
                "sg.gift",
                sg,
                since(2023, 1, 1),
                "IRAS, 'GST on imported low-value goods' (consumers): no GST is payable to \
                 Singapore Customs on goods imported by air or post unless their total CIF value \
                 is more than SGD 400",
            )
            .for_channels(&air_or_post)
            .for_gifts(GiftScope::Only)
            .with_vat(VatTerms::not_due_within(upto(400, sgd))),
            &dutiable,
        ),
        excluding(
            RegimeRule::new(
                "sg.duty",
                sg,
                Effective::always(),
                "Singapore Customs: customs and excise duties are levied only on intoxicating \
                 liquors, tobacco products, motor vehicles and petroleum products",
            )
            .with_duty(DutyTerms::relieved()),
            &dutiable,
        ),
    ]
}

fn thailand() -> Vec<RegimeRule> {
    let th = Territory::Country(Country::TH);
    let thb = Currency::THB;
    vec![
        RegimeRule::new(
            "th.de_minimis",
            th,
            until(2024, 7, 4),
            "Thai Customs Department Notification No. 191/2561 (2018): goods of a CIF value not \
             exceeding THB 1,500 are free of import duty, and so of import VAT (Revenue Code \
             s. 81(2)(c))",
        )
        .with_duty(DutyTerms::relieved_within(upto(1500, thb)))
        .with_vat(VatTerms::not_due_within(upto(1500, thb))),
        RegimeRule::new(
            "th.vat_all_imports",
            th,
            since(2024, 7, 5),
            "Thai Customs Department Notification No. 116/2567 and Ministry of Finance \
             notification of 2024-06-19 (from 2024-07-05), extended to 2025-12-31 by \
             notification 232/2567 and made permanent from 2026-01-01 by Customs Department \
             Announcement No. 219/2568: 7 % VAT on every import from THB 1, collected at the \
             border",
        )
        .with_vat(VatTerms::at_border()),
        RegimeRule::new(
            "th.duty_relief",
            th,
            between((2024, 7, 5), (2025, 12, 31)),
            "Ministry of Finance notification of 2024-06-19 under the Customs Tariff Decree \
             B.E. 2530 s. 12: goods of a CIF value over THB 1 and not more than THB 1,500 stay \
             free of import duty, until 2025-12-31",
        )
        .with_duty(DutyTerms::relieved_within(upto(1500, thb))),
        RegimeRule::new(
            "th.duty_relief_ended",
            th,
            since(2026, 1, 1),
            "Thai Customs Department Announcement No. 219/2568 (Royal Gazette, 2025-12-11): \
             from 2026-01-01 the duty exemption covers only goods of a customs value not over \
             THB 1, which ends the THB 1,500 threshold",
        )
        .with_duty(DutyTerms::due()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_unique_id_a_destination_record_and_a_source() {
        let t = builtin();
        let mut ids: Vec<&str> = t.rules.iter().map(|r| r.id.as_str()).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
        for r in &t.rules {
            assert!(!r.source.is_empty(), "{}", r.id);
            assert!(
                t.destinations
                    .iter()
                    .any(|d| match (d.territory, r.destination) {
                        (a, b) if a == b => true,
                        (Territory::EuropeanUnion, Territory::Country(c)) => crate::is_eu_member(c),
                        _ => false,
                    }),
                "{}",
                r.id
            );
            // Every excluded prefix survived parsing.
            assert!(r.excluded.iter().all(|p| p.as_str().len() >= 2), "{}", r.id);
        }
        // The rules with exclusions kept every one of them.
        let au = t.rule("au.low_value").map(|r| r.excluded.len());
        assert_eq!(au, Some(7));
        let jp = t.rule("jp.small_value").map(|r| r.excluded.len());
        assert_eq!(jp, Some(14));
    }

    #[test]
    fn dates_parse() {
        for r in &builtin().rules {
            assert_ne!(r.from(), Some(NaiveDate::MIN), "{}", r.id);
            if let (Some(a), Some(b)) = (r.from(), r.to()) {
                assert!(a <= b, "{}", r.id);
            }
        }
        assert_eq!(
            builtin().rule("us.section_122").and_then(|r| r.to()),
            Some(day(2026, 7, 23))
        );
    }
}
