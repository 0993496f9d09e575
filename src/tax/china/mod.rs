//! China import tax: what an order declared through the customs API owes at
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
//! # The rules
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
//! # The tax table
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
//! # Decisions where the regulations leave a question
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
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::declaration::Context;
//! use crossborder::tax::china::{self, Basis, TaxRow, TaxTable};
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
//! let tax = china::assess(&order, &context);
//! assert_eq!(tax.basis(), Some(Basis::CbecFullRate));
//! let line = &tax.lines()[0];
//! assert_eq!(line.duty().map(|m| m.to_string()).as_deref(), Some("329.94 CNY"));
//! assert_eq!(line.vat().map(|m| m.to_string()).as_deref(), Some("757.76 CNY")); // (5,499 + 329.94) x 13%
//! assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("1087.70 CNY"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod assess;
mod declared;
mod default;
mod facts;
mod json;
mod table;

pub use assess::{AppliedRate, Basis, LineTax, RateSource, TaxAssessment, assess};
pub use facts::LineFacts;
pub use json::TaxTableJson;
pub use table::{
    CbecPeriod, CcTierPeriod, CcWaiver, Condition, ConsumptionTax, DatedRate, Measure, ParcelLimit,
    PostalTaxNumber, Quantity, QuantityError, QuantityUnit, SpecificTax, TaxRow, TaxTable,
};

pub(crate) use assess::{TaxEngine, assess_in, whole};
pub(crate) use declared::{Declared, DeclaredKind, Field as DeclaredField, declared};
pub(crate) use table::percent;
