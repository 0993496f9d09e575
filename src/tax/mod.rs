//! Taxes on cross-border goods: what an order owes China at import, and
//! what a parcel owes its destination under that country's low-value import
//! regime. Both are dated rules as data, computed exactly; every item is
//! here, one level deep (`crossborder::tax::TaxTable`,
//! `crossborder::tax::RegimeTable`).
//!
//! - [China import tax](#china-import-tax): [`assess`] an [`crate::Order`]
//!   against a [`TaxTable`] (the cross-border e-commerce retail import tax
//!   for BC 9610 and BBC 1210, the personal postal articles tax 行邮税 for
//!   CC), and the declaration rules `tax.declared_mismatch` and its
//!   companions that check an order's declared `tax`, `shippingTax` and
//!   `productsTotalTax` against it.
//! - [Destination regimes](#destination-regimes): [`RegimeTable::assess`] a
//!   [`Parcel`] (de minimis, IOSS and its peers, flat duties).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::declaration::Context;
//! use crossborder::tax::{self, Basis};
//! use crossborder::{wire, Order};
//!
//! let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
//!     {"quantity": 2, "price": 199, "product": {"hsCode": "8518300000"}}]}"#)?;
//! let order = Order::from_wire(w).into_result()?;
//! let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
//! let tax = tax::assess(&order, &context);
//! assert_eq!(tax.basis(), Some(Basis::Cbec));
//! assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("36.22 CNY")); // 398 x 9.1%
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # China import tax
//!
//! What an order declared through the customs API owes at
//! import, computed exactly from dated rules, and whether the tax it
//! declares is right.
//!
//! [`assess`] takes a domain [`crate::Order`] and a
//! [`crate::declaration::Context`] (the date, the clearance mode, exchange
//! rates, what the buyer spent this year, the tax table, a duty rate, facts
//! about lines) and gives a [`TaxAssessment`]: per line the dutiable value,
//! duty, consumption tax, VAT and tax, each with the rate and the table row
//! (and its source) that gave it; the shipping tax; the total; whether the
//! tax was waived; the [`Basis`]; and a [`crate::Report`] of everything it
//! had to say. [`TaxAssessment::check_declared`] compares the order's
//! declared `tax`, `shippingTax` and `productsTotalTax` with it; the
//! declaration rules `tax.declared_mismatch`,
//! `tax.declared_mismatch_default_rate` and `tax.declared_unchecked` do so
//! inside [`crate::declaration::Validator`].
//!
//! ## The rules
//!
//! **Cross-border e-commerce retail import (BC 9610, BBC 1210)**, from
//! 2019-01-01 (财关税〔2018〕49号; the method of 财关税〔2016〕18号):
//!
//! - The dutiable value is the transaction price of the goods (before
//!   non-cash deductions: points and coupons stay in the goods value),
//!   delivery and insurance: Σ (price − discount) × quantity +
//!   `shippingCost` + `insuranceFee`.
//! - Within ¥5,000 a transaction and ¥26,000 a person a year: duty 0; VAT
//!   and consumption tax at 70%. With consumption tax rate `c`, VAT rate
//!   `v`, dutiable value `P` and a specific tax `s` per unit of quantity:
//!   base = (P + s × quantity) / (1 − c); consumption tax = (base × c + s ×
//!   quantity) × 70%; VAT = base × v × 70%. The combined rate of an ad
//!   valorem line is (c + v) / (1 − c) × 70%: 9.1% at 13% VAT, 6.3% at 9%,
//!   17.89% for wine (c = 10%), 23.06% for high-end cosmetics (c = 15%).
//! - An order over ¥5,000 that **holds only one item** (one line of
//!   quantity 1) and is below ¥26,000 clears at the **full** rates: duty = P
//!   × d (the MFN rate, from a row's `duty`, the line's facts or the
//!   context: the crate ships no tariff schedule, and a missing rate is
//!   reported, never guessed); base = (P + duty + s × quantity) / (1 − c);
//!   consumption tax = base × c + s × quantity; VAT = base × v.
//! - Over the annual limit, or over ¥5,000 with more than one item: general
//!   trade, reported, no cross-border tax.
//! - Delivery and insurance are shared over the lines in proportion to their
//!   value (by quantity when every line is free) and taxed at each line's
//!   ad valorem rates: the API's `shippingTax`, computed exactly over the
//!   lines and rounded once. A line's own `tax` is on its goods.
//! - Each tax of each line is rounded half up to 0.01 CNY (customs
//!   practice), computed exactly before; a line's tax is the sum of its
//!   rounded taxes, the total the sum of the lines and the shipping tax.
//!
//! **Personal postal articles (CC, 行邮税)**: tax = dutiable price × the
//! tier rate, per line, rounded half up; the dutiable price of a unit is the
//! GAC table's (完税价格表) where the caller gives it
//! ([`LineFacts::with_dutiable_price`]), otherwise the price paid (price −
//! discount); a line of several units is taxed on the unit price × quantity
//! and rounded once. Tiers 13% / 20% / 50% from 2019-04-09 (税委会〔2019〕17号),
//! 15% / 25% / 50% from 2018-11-01, 15% / 30% / 60% from 2016-04-08; earlier
//! dates are reported as not covered. A parcel's tax of ¥50 or less is
//! waived (海关总署公告2010年第43号). The parcel limit is ¥2,000 from
//! 2024-12-01 (海关总署公告2024年第176号); from 2010-09-01 to 2024-11-30,
//! ¥1,000, or ¥800 from Hong Kong, Macao or Taiwan. A parcel over its limit
//! is general trade unless it holds a single indivisible article (reported,
//! taxed as an article). Delivery is not taxed: `shippingTax` is 0.
//!
//! ## The tax table
//!
//! [`TaxTable`] is data: rows keyed by HS prefix ([`TaxRow`]) that set the
//! VAT rate, the consumption tax (ad valorem, specific per quantity, or
//! both), the MFN duty rate and the personal articles tier, each row dated
//! and sourced; the dated figures of both regimes. [`TaxTable::china_default`]
//! is the default; a caller replaces it, or extends it with their own rows
//! ([`TaxTable::extend`]), and passes it with
//! [`crate::declaration::Context::with_tax_table`]. JSON through
//! [`TaxTableJson`]: every bad value reported at its pointer.
//!
//! For each rate a line takes the matching row in force with the longest
//! prefix, a conditional row (whose condition holds) before one without, a
//! later row before an earlier one. A line no row gives a VAT rate takes the
//! general rate (13%), and one no row places in a personal articles tier
//! takes tier 2, "goods not in another tier": both are **guesses**, said in
//! the report (`tax.rate_default`) and in [`RateSource::is_guess`], and a
//! declared tax that differs from a guessed one is a warning, not an error.
//! No row for the consumption tax means none applies (the tax is charged
//! only on its listed goods).
//!
//! ## Decisions where the regulations leave a question
//!
//! - **High-end** (cosmetics 15%, watches 20%, and the 50% tier of both):
//!   the regulations test the dutiable price before VAT, ¥10,000 a watch,
//!   ¥10 a ml or g or ¥15 a piece for cosmetics. The default table tests a
//!   unit's dutiable value (its goods and its share of delivery and
//!   insurance) per piece for watches and **per gram of net weight** for
//!   cosmetics: a proxy, since the API gives net weight, not volume, and
//!   not the count of sheets of a mask. The caller's word
//!   ([`LineFacts::with_high_end`]) beats the proxy; without a net weight
//!   the test cannot be made, the row is not applied and the report says so
//!   (`tax.high_end_undecided`).
//! - **Specific taxes** need a quantity: by mass from the product's net
//!   weight, by volume from the caller ([`LineFacts::with_volume`]). Spirits
//!   are taxed per 500 ml and beer per tonne of 988 litres (消费税暂行条例实施细则
//!   art. 10), since customs measures both in litres; without the volume the
//!   line's tax is not computed (`tax.quantity_missing`).
//! - **Free lines**: a line of value 0 takes no share of delivery; when
//!   every line is free, delivery is shared by quantity.
//! - The **beer class** (¥250 a tonne at ¥3,000 a tonne or more, else ¥220)
//!   is tested on the dutiable value, before duty.
//! - **Batteries and coatings**: 4% only where not exempt; lithium,
//!   nickel-metal hydride and lithium primary batteries have rows at 0, and
//!   lead-acid batteries are taxed from 2016-01-01 (财税〔2015〕16号).
//! - **Gold, silver and platinum jewellery and diamonds** pay consumption
//!   tax at retail, not at import: rows at 0; other jewellery and jade 10%.
//! - **Personal articles tiers before 2019-04-09**: the HS-to-tier rows are
//!   those of 税委会〔2019〕17号; for 2016-04-08 to 2019-04-08 the tier rates
//!   of the time apply to the same tiers. A caller whose goods sat in
//!   another tier then adds a dated row.
//! - **Edible vegetable oils** at 9%: headings 1507 to 1514 and, of 1515,
//!   maize and sesame oil only (castor, tung and jojoba oil are not edible).
//!   Children's picture books (4903) have no row: the general rate is then
//!   used and marked a guess.
//!
//! ## Example
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::declaration::Context;
//! use crossborder::tax::{self, Basis, TaxRow, TaxTable};
//! use crossborder::{wire, Order};
//! use rust_decimal::Decimal;
//!
//! // A ¥5,499 lens alone in its order: full rates, with the caller's MFN duty rate.
//! let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
//!     {"quantity": 1, "price": 5599, "discount": 100, "product": {"hsCode": "9002113900"}}]}"#)?;
//! let order = Order::from_wire(w).into_result()?;
//! let mut table = TaxTable::china_default();
//! let mut own = TaxTable::empty();
//! own.rows.push(TaxRow::new("90021139".parse()?, "Customs Tariff 2024, MFN 6%").with_duty(Decimal::new(6, 2)));
//! table.extend(own);
//! let context = Context::new(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()).with_tax_table(table);
//! let tax = tax::assess(&order, &context);
//! assert_eq!(tax.basis(), Some(Basis::CbecFullRate));
//! let line = &tax.lines()[0];
//! assert_eq!(line.duty().map(|m| m.to_string()).as_deref(), Some("329.94 CNY"));
//! assert_eq!(line.vat().map(|m| m.to_string()).as_deref(), Some("757.76 CNY")); // (5,499 + 329.94) x 13%
//! assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("1087.70 CNY"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Destination regimes
//!
//! Low-value import regimes at the destination, as dated rules: for a parcel
//! from China (or anywhere), on a date, is duty relieved, who collects the
//! VAT or GST (the seller at the sale, the carrier at the border, or nobody),
//! and which flat charges apply?
//!
//! Since 2025 the ground has moved under every seller shipping parcels: the
//! United States ended de minimis for goods of China and Hong Kong on
//! 2025-05-02 and for everyone on 2025-08-29; the EU replaced its EUR 150
//! duty relief with a flat EUR 3 per tariff subheading on 2026-07-01; France
//! adds EUR 2 an article from 2026-03-01; the UK, Australia and Singapore
//! make the seller collect the tax at the sale. The crate answers offline,
//! reproducibly, with the rules in force on the parcel's date.
//!
//! - [`RegimeTable`] is the rules as data ([`Destination`]s and
//!   [`RegimeRule`]s, serde), [`RegimeTable::builtin`] the crate's table;
//!   replace it or extend it like the eligibility
//!   [`Policy`](crate::Policy).
//! - [`Parcel`] (with [`ParcelItem`]s and a [`Seller`]'s registrations) is
//!   what is asked about; [`ParcelJson`] reads its JSON form tolerantly,
//!   every bad value reported at its JSON Pointer.
//! - [`RegimeTable::assess`] (or [`ParcelJson::assess`]) gives a
//!   [`RegimeAssessment`]: the value on the regime's base in the
//!   destination's currency, [`DutyTreatment`], [`VatCollection`], every
//!   [`AssessedCharge`], the deciding rules with source and dates, and a
//!   [`Report`](crate::Report).
//!
//! The crate ships no tariff schedule: where duty is due it says so, and
//! applies the caller's rate (`dutyRate`) when given ([`TARIFF_DUTY_CODE`]).
//!
//! ## How the rules decide
//!
//! A rule covers a destination (a country, or the EU for its 27 members), a
//! period (both ends inclusive) and optionally origins, channels and gift
//! status; goods under its `excluded` HS prefixes are outside it. A rule in
//! scope drops the rules it `supersedes`. Of the rest, **a relief wins**:
//! an item's duty is relieved when any rule relieves it; its VAT is not due
//! when any rule says so, else collected at the sale when any rule says so,
//! else at the border. The parcel owes duty when any item does; its VAT is
//! collected at the border when any item's is. A rule that collects at the
//! sale names the registration that makes it so ([`Registration`]); without
//! it the tax falls to the rule's `unregistered` collection: the border for
//! the EU, the sale still (with a `regime.registration_missing` warning) for
//! the UK, Australia and Singapore, which never tax these parcels at the
//! border.
//!
//! ## Thresholds: inclusive or exclusive, as each source reads
//!
//! | rule | limit | a value equal to it | the source's words |
//! | --- | --- | --- | --- |
//! | `us.de_minimis` | USD 800 fair retail value | relieved | "not exceeding $800" (19 U.S.C. 1321(a)(2)(C)) |
//! | `us.gift` | USD 100 | relieved | "not exceeding $100" (1321(a)(2)(A)) |
//! | `eu.vat_ioss` | EUR 150 intrinsic value | at the sale | "intrinsic value not exceeding EUR 150" (Directive 2006/112/EC art. 369l) |
//! | `eu.duty_relief` | EUR 150 | relieved | "not exceeding EUR 150" (Regulation 1186/2009 art. 23) |
//! | `eu.flat_duty` | EUR 150 | EUR 3 charged | "not exceeding EUR 150" (Regulation (EU) 2026/382) |
//! | `eu.gift` | EUR 45 | relieved | "not exceeding EUR 45" (Directive 2006/79/EC art. 1) |
//! | `eu.vat_low_value` | EUR 22 | not due | "not exceeding EUR 22" (Directive 2009/132/EC art. 23) |
//! | `fr.small_parcel_tax` | EUR 150 | **not** charged | "envois de moins de 150 €" (loi de finances pour 2026, art. 82) |
//! | `gb.low_value` | GBP 135 | at the sale, no duty | "£135 or less" (HMRC) |
//! | `gb.gift` | GBP 39 (VAT), GBP 135 (duty) | not due, relieved | "£39 or less"; duty "over £135" (HMRC) |
//! | `ca.low_value` | CAD 20 value for duty | relieved, not due | "CAD$20 or less" (CBSA CN 20-18) |
//! | `ca.cusma_courier` | CAD 150 (duty), CAD 40 (tax) | relieved, not due | "up to $150" / "up to $40" (CBSA) |
//! | `ca.gift` | CAD 60 | relieved, not due | "worth CAN$60 or less" (CBSA) |
//! | `au.low_value` | AUD 1,000 customs value | at the sale, no duty | "A$1,000 or less" (ATO, Home Affairs) |
//! | `jp.small_value` | JPY 10,000 dutiable value | relieved, not due | "1万円以下" (Customs Tariff Act art. 14(18)) |
//! | `sg.low_value` | SGD 400 per item | at the sale | "up to (and including) S$400" (IRAS) |
//! | `sg.gift`, `sg.import_relief` | SGD 400 CIF | not due | "unless the total CIF is more than S$400" (IRAS) |
//! | `th.de_minimis`, `th.duty_relief` | THB 1,500 CIF | relieved | "not more than THB 1,500" (Thai Customs) |
//!
//! Values are compared in the threshold's currency after conversion with the
//! caller's [`ExchangeRates`](crate::ExchangeRates) and one rounding to the
//! minor unit ([`VALUE_ROUNDING`]); a missing rate is reported, never guessed.
//!
//! ## Example
//!
//! ```
//! use crossborder::tax::{ParcelJson, RegimeTable, VatCollection};
//!
//! let json = r#"{
//!   "origin": "CN", "destination": "FR", "date": "2026-08-01", "channel": "courier",
//!   "seller": {"ioss": "IM2500000001", "ukVat": null, "auArn": null, "sgOvr": null},
//!   "currency": "EUR",
//!   "items": [
//!     {"description": "silk blouse", "hsCode": "620610", "quantity": 1, "unitValue": "30.00"},
//!     {"description": "wool blouse", "hsCode": "620620", "quantity": 2, "unitValue": "25.00"}
//!   ],
//!   "shipping": "8.00", "insurance": "0", "gift": false
//! }"#;
//! let parcel: ParcelJson = serde_json::from_str(json)?;
//! let a = parcel.assess(RegimeTable::builtin(), &Default::default());
//! assert_eq!(a.value().map(|v| v.amount().to_string()).as_deref(), Some("80.00 EUR"));
//! assert_eq!(a.vat_collected(), Some(VatCollection::AtSale)); // through IOSS
//! assert_eq!(a.duty_relief(), Some(false)); // the flat duty is a duty
//! let charges: Vec<(&str, String)> = a.charges().iter().map(|c| (c.code(), c.amount().to_string())).collect();
//! assert_eq!(charges, [("eu_flat_duty", "6 EUR".to_owned()), ("fr_small_parcel_tax", "6 EUR".to_owned())]);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Cookbook
//!
//! ### The same parcel on three dates (time travel)
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::{Country, Currency, ExchangeRates, HsCode};
//! use crossborder::tax::{Channel, Parcel, ParcelItem, RegimeTable};
//! use rust_decimal::Decimal;
//!
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
//! let parcel = Parcel::new(Country::CN, Country::US, day(2025, 3, 1)?, Channel::Postal, Currency::USD)
//!     .with_item(ParcelItem::new(HsCode::parse("851830")?, 1, Decimal::from(25)));
//! let table = RegimeTable::builtin();
//! let rates = ExchangeRates::new();
//! let answer = |p: &Parcel| {
//!     let a = table.assess(p, &rates);
//!     (a.duty_relief(), a.rules().iter().map(|r| r.id.clone()).collect::<Vec<_>>())
//! };
//! assert_eq!(answer(&parcel), (Some(true), vec!["us.de_minimis".into(), "us.no_vat".into()]));
//! let june = answer(&parcel.clone().on(day(2025, 6, 1)?));
//! assert_eq!(june, (Some(false), vec!["us.de_minimis_ended_cn_hk".into(), "us.no_vat".into()]));
//! let september = answer(&parcel.clone().on(day(2025, 9, 1)?));
//! assert_eq!(september.0, Some(false));
//! assert!(september.1.contains(&"us.de_minimis_suspended".to_owned()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Add a rule of your own
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::{Country, Effective};
//! use crossborder::tax::{ChargeBasis, ChargeTerms, ParcelJson, RegimeRule, RegimeTable, Territory, Threshold};
//!
//! let mut table = RegimeTable::builtin().clone();
//! table.rules.push(
//!     RegimeRule::new("it.consignment_fee", Territory::Country(Country::IT),
//!         Effective::since(NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?),
//!         "Legge di bilancio 2026 (own reading)")
//!     .with_charge(ChargeTerms::new("it_consignment_fee",
//!         ChargeBasis::Consignment { amount: "2 EUR".parse()? })
//!         .below(Threshold::inclusive("150 EUR".parse()?))),
//! );
//! let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "IT", "date": "2026-02-01",
//!     "channel": "courier", "currency": "EUR", "items": [{"hsCode": "851830", "quantity": 1, "unitValue": 20}]}"#)?;
//! let a = p.assess(&table, &Default::default());
//! assert_eq!(a.charges()[0].code(), "it_consignment_fee");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Convert with the caller's rates, and see what is missing
//!
//! ```
//! use crossborder::{Currency, ExchangeRates};
//! use crossborder::tax::{ParcelJson, RegimeTable};
//! use rust_decimal::Decimal;
//!
//! let p: ParcelJson = serde_json::from_str(r#"{"origin": "CN", "destination": "AU", "date": "2026-08-01",
//!     "channel": "postal", "currency": "USD", "seller": {"auArn": "500012345678"},
//!     "items": [{"hsCode": "851830", "quantity": 2, "unitValue": "350.00"}]}"#)?;
//! let table = RegimeTable::builtin();
//! let none = p.assess(table, &ExchangeRates::new());
//! assert_eq!(none.report().as_slice()[0].code().as_str(), "regime.rate_missing");
//! let rates = ExchangeRates::new().with_rate(Currency::USD, Currency::AUD, Decimal::new(152, 2))?;
//! let a = p.assess(table, &rates);
//! // USD 700 is AUD 1,064: over AUD 1,000, so duty and GST at the border.
//! assert_eq!(a.value().map(|v| v.amount().to_string()).as_deref(), Some("1064.00 AUD"));
//! assert_eq!(a.duty_relief(), Some(false));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod china;
pub(crate) mod regime;

pub use china::{
    AppliedRate, Basis, CbecPeriod, CcTierPeriod, CcWaiver, Condition, ConsumptionTax, DatedRate,
    LineFacts, LineTax, Measure, ParcelLimit, PostalTaxNumber, Quantity, QuantityError,
    QuantityUnit, RateSource, SpecificTax, TaxAssessment, TaxRow, TaxTable, TaxTableJson, assess,
};
pub use regime::{
    AssessedCharge, AssessedValue, Channel, ChargeBasis, ChargeTerms, ChargeWhen, Destination,
    DutyTerms, DutyTreatment, Flag, GiftScope, ItemJson, Mark, Parcel, ParcelItem, ParcelJson,
    RateJson, RegimeAssessment, RegimeRule, RegimeTable, Registration, Seller, SellerJson,
    TARIFF_DUTY_CODE, Territory, Threshold, ThresholdScope, VALUE_ROUNDING, Valuation, ValueBase,
    VatCollection, VatTerms,
};
