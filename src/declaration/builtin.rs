//! The crate's own declaration rules, and their catalogue.
//!
//! Each rule is declared once in `builtin_rules!` below, with its code,
//! severity, scope, modes, date, what it checks and its source. The macro
//! makes the rule type, its `Code` constant, its entry in [`catalogue`] and the
//! row of the catalogue table in the documentation, so code and docs cannot
//! disagree.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::rule::{Findings, OrderInput, ProductInput, Rule, RuleInfo, Scope};
use super::{Declaration, catalogue_date};
use crate::MoneyError;
use crate::hs::{self, DeclarationForm, HsEdition, Jurisdiction};
use crate::model::convert::SkuDropped;
use crate::tax::china::{DeclaredField, DeclaredKind};
use crate::wire::Text;
use crate::wire::text::TrimFast;
use crate::{
    ClearanceMode, Code, Currency, CustomsUnit, Gtin, Loc, Money, Order, ResidentId, Sku, Weight,
    echo, minor_unit,
};

macro_rules! modes_text {
    () => {
        "all"
    };
    ($($m:ident),+) => {
        concat!($(stringify!($m), " "),+)
    };
}

macro_rules! mode {
    (CC) => {
        ClearanceMode::Cc
    };
    (BC) => {
        ClearanceMode::Bc
    };
    (BBC) => {
        ClearanceMode::Bbc
    };
}

macro_rules! builtin_rules {
    ($(
        $ty:ident / $konst:ident {
            code: $code:literal,
            severity: $sev:ident,
            scope: $scope:ident,
            modes: [$($mode:ident),*],
            since: $since:literal,
            checks: $checks:literal,
            source: $source:literal,
            product: $product:expr,
            $(skus: $skus:expr,)?
            order: $order:expr $(,)?
        }
    )+) => {
        impl Code {
            $(
                #[doc = concat!("`", $code, "`: ", $checks)]
                ///
                /// # Example
                ///
                /// ```
                #[doc = concat!("assert_eq!(crossborder::Code::", stringify!($konst), ".as_str(), \"", $code, "\");")]
                /// ```
                pub const $konst: Code = Code::new($code);
            )+
        }

        $(
            struct $ty;

            impl Rule for $ty {
                fn info(&self) -> RuleInfo {
                    RuleInfo::new(Code::$konst, crate::Severity::$sev, Scope::$scope, $checks, $source)
                        .modes(&[$(mode!($mode)),*])
                        .since_opt(catalogue_date($since))
                }

                fn check_product(&self, input: &ProductInput<'_>, out: &mut Findings<'_>) {
                    let check: Option<fn(&ProductInput<'_>, &mut Findings<'_>)> = $product;
                    if let Some(check) = check {
                        check(input, out);
                    }
                }

                #[allow(unused_variables)] // the rules without a SKU part
                fn check_skus(
                    &self,
                    input: &ProductInput<'_>,
                    first: usize,
                    skus: &[Sku],
                    out: &mut Findings<'_>,
                ) {
                    $(
                        let check: fn(&ProductInput<'_>, Skus<'_>, &mut Findings<'_>) = $skus;
                        check(input, Skus { first, skus }, out);
                    )?
                }

                fn check_order(&self, input: &OrderInput<'_>, out: &mut Findings<'_>) {
                    let check: Option<fn(&OrderInput<'_>, &mut Findings<'_>)> = $order;
                    if let Some(check) = check {
                        check(input, out);
                    }
                }
            }
        )+

        pub(super) fn all() -> Vec<Arc<dyn Rule>> {
            vec![$(Arc::new($ty)),+]
        }

        /// Every rule of the crate, in the order they run.
        ///
        /// | code | severity | scope | modes | in force from | checks | source |
        /// | --- | --- | --- | --- | --- | --- | --- |
        #[doc = concat!($(
            "| `", $code, "` | ", stringify!($sev), " | ", stringify!($scope), " | ",
            modes_text!($($mode),*), " | ", $since, " | ", $checks, " | ", $source, " |\n"
        ),+)]
        ///
        /// Dates are the first day a rule is in force; a rule without one
        /// follows from the API or a standard and always applies. Modes name
        /// the clearance modes a rule applies to; a rule limited to some modes
        /// does not run when a declaration's mode is unknown.
        ///
        /// # Example
        ///
        /// ```
        /// use crossborder::declaration::catalogue;
        /// let codes: Vec<_> = catalogue().iter().map(|r| r.code().as_str()).collect();
        /// assert!(codes.contains(&"order.pay_amount_mismatch"));
        /// assert!(codes.windows(2).all(|w| w[0] != w[1]));
        /// ```
        pub fn catalogue() -> &'static [RuleInfo] {
            static CATALOGUE: std::sync::OnceLock<Vec<RuleInfo>> = std::sync::OnceLock::new();
            CATALOGUE.get_or_init(|| all().iter().map(|r| r.info()).collect())
        }
    };
}

builtin_rules! {
    RequiredMissing / REQUIRED_MISSING {
        code: "required.missing",
        severity: Error,
        scope: Both,
        modes: [],
        since: "",
        checks: "the fields customs needs are present: a product's name, HS code, origin, price and weights (and the personal postal articles tax number in CC); an order's id, platform, items and customer, and in BC/BBC the buyer's identity, the platform transaction id, the payment references and time; a payment's id, amount, time and references. The violation points at the object and names the missing field in its value",
        source: "customs API v1.58.0, field tables of POST /customs/{region}/product and /order; 三单对碰 (order, payment, waybill) of 商财发〔2018〕486号",
        product: Some(required_product),
        skus: required_skus,
        order: Some(required_order),
    }
    ClearanceModeMismatch / CLEARANCE_MODE_MISMATCH {
        code: "clearance_mode.mismatch",
        severity: Error,
        scope: Both,
        modes: [],
        since: "",
        checks: "the payload's expressType agrees with the clearance mode the caller declares under",
        source: "customs API v1.58.0, field tables of POST /customs/{region}/product and /order",
        product: Some(|i, out| mode_mismatch(i.product.express_type, i.context.mode(), i.at, out)),
        order: Some(|i, out| mode_mismatch(i.order.express_type, i.context.mode(), &Loc::ROOT, out)),
    }
    ClearanceModeMissing / CLEARANCE_MODE_MISSING {
        code: "clearance_mode.missing",
        severity: Warning,
        scope: Both,
        modes: [],
        since: "",
        checks: "a clearance mode is known (expressType, or the caller's); without one the mode-specific rules are not run",
        source: "customs API v1.58.0, field tables of POST /customs/{region}/product and /order",
        product: Some(|i, out| {
            if i.item.is_none() && i.mode.is_none() {
                out.add(i.at, None, "no clearance mode (expressType CC, BC or BBC): the rules of each mode were not checked", "未指定清关模式（expressType 为 CC、BC 或 BBC）：未检查各模式的规则");
            }
        }),
        order: Some(|i, out| {
            if i.mode.is_none() {
                out.add(&Loc::ROOT, None, "no clearance mode (expressType CC, BC or BBC): the rules of each mode were not checked", "未指定清关模式（expressType 为 CC、BC 或 BBC）：未检查各模式的规则");
            }
        }),
    }
    CustomsPortMismatch / CUSTOMS_PORT_MISMATCH {
        code: "customs_port.mismatch",
        severity: Error,
        scope: Orders,
        modes: [],
        since: "",
        checks: "an order's customsCode is the customs port ({region}) the declaration is sent to",
        source: "customs API v1.58.0, field table of POST and PUT /customs/{region}/order",
        product: None,
        order: Some(port_mismatch),
    }
    CurrencyMismatch / CURRENCY_MISMATCH {
        code: "currency.mismatch",
        severity: Error,
        scope: Both,
        modes: [],
        since: "",
        checks: "every amount is in the document's currency (a product's amounts in its currency, an order's in the order's); the API has one currency field per document, so values built in Rust must not mix them",
        source: "customs API v1.58.0, field tables of POST /customs/{region}/product and /order: currency applies to every amount",
        product: Some(currency_mismatch_product),
        skus: currency_mismatch_skus,
        order: Some(currency_mismatch_order),
    }
    HsCodeLength / HS_CODE_LENGTH {
        code: "hs_code.length",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "the HS code has the 10 digits (8 tariff + 2 statistical) that every cross-border e-commerce document carries: product registration, order, inventory list. 13 digits (with the 3 inspection digits) belong only on the general-trade customs declaration form (报关单, since 2018-08-01) and are reported here too",
        source: "GACC announcement 2018 No. 60 (海关总署公告2018年第60号, declaration form rules: 13-digit commodity numbers on the 报关单 from 2018-08-01); GACC announcement 2016 No. 26 (海关总署公告2016年第26号, cross-border e-commerce import messages: the inventory's 10-digit commodity code gcode)",
        product: Some(hs_length),
        order: None,
    }
    HsCodeUnknown / HS_CODE_UNKNOWN {
        code: "hs_code.unknown",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "the HS code's subheading exists in the edition in force on the context's date (HS 2022 from 2022-01-01); the message names the nearest existing parent and, from the product's name, the best search candidates",
        source: "HS 2022 / HS 2017 nomenclature (WCO, via UN Comtrade; data/hs)",
        product: Some(|i, out| hs_exists(i, out, false)),
        order: None,
    }
    HsCodeOtherEdition / HS_CODE_OTHER_EDITION {
        code: "hs_code.other_edition",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "the HS code is not one that exists only in the other edition (an HS 2017 subheading on a declaration judged after 2022-01-01); the message offers the subheadings of the same heading in force",
        source: "HS 2022 / HS 2017 nomenclature (WCO, via UN Comtrade; data/hs)",
        product: Some(|i, out| hs_exists(i, out, true)),
        order: None,
    }
    WeightNetExceedsGross / WEIGHT_NET_EXCEEDS_GROSS {
        code: "weight.net_exceeds_gross",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "net weight is not above gross weight, for the product and for each SKU after it inherits the product's weights",
        source: "customs API (netWeight, grossWeight); GAC declaration form rules",
        product: Some(net_exceeds_gross),
        skus: net_exceeds_gross_skus,
        order: None,
    }
    WeightNotPositive / WEIGHT_NOT_POSITIVE {
        code: "weight.not_positive",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "weights that are given are above zero",
        source: "GAC declaration form rules (net and gross weight)",
        product: Some(weight_not_positive),
        skus: weight_not_positive_skus,
        order: None,
    }
    PriceNotPositive / PRICE_NOT_POSITIVE {
        code: "price.not_positive",
        severity: Error,
        scope: Both,
        modes: [],
        since: "",
        checks: "prices that are given (product, SKU, recommended retail, order line) are above zero",
        source: "customs API v1.58.0, field tables of POST /customs/{region}/product and /order",
        product: Some(price_not_positive_product),
        skus: price_not_positive_skus,
        order: Some(price_not_positive_order),
    }
    DiscountExceedsPrice / DISCOUNT_EXCEEDS_PRICE {
        code: "discount.exceeds_price",
        severity: Error,
        scope: Both,
        modes: [],
        since: "",
        checks: "a product's discounted price is not above its price, and an order line's unit discount is neither negative nor above its unit price",
        source: "customs API v1.58.0, field tables of POST /customs/{region}/product and /order",
        product: Some(discount_product),
        order: Some(discount_order),
    }
    QuantityNotPositive / QUANTITY_NOT_POSITIVE {
        code: "quantity.not_positive",
        severity: Error,
        scope: Orders,
        modes: [],
        since: "",
        checks: "every order line's quantity is at least 1",
        source: "customs API v1.58.0, field table of POST and PUT /customs/{region}/order",
        product: None,
        order: Some(quantity_not_positive),
    }
    TaxRateOutOfRange / TAX_RATE_OUT_OF_RANGE {
        code: "tax_rate.out_of_range",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "taxRate is a fraction from 0 to 1 (0.091 for 9.1%); a value such as 9.1 is reported as a likely percentage",
        source: "customs API (taxRate); 财关税〔2018〕49号 (9.1% combined rate)",
        product: Some(tax_rate),
        order: None,
    }
    SkuDuplicateNumber / SKU_DUPLICATE_NUMBER {
        code: "sku.duplicate_number",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "SKU numbers are unique within a product",
        source: "customs API v1.58.0, field table of POST /customs/{region}/product",
        product: Some(duplicate_sku),
        skus: sku_numbers,
        order: None,
    }
    BarcodeInvalid / BARCODE_INVALID {
        code: "barcode.invalid",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "barcodes of products, SKUs and components are EAN-8, UPC-A, EAN-13 or GTIN-14 with a correct check digit",
        source: "GS1 General Specifications (mod-10 check digit)",
        product: Some(barcodes),
        skus: barcodes_skus,
        order: None,
    }
    CustomsUnitUnknown / CUSTOMS_UNIT_UNKNOWN {
        code: "customs_unit.unknown",
        severity: Error,
        scope: Products,
        modes: [],
        since: "",
        checks: "customsUnitCode, customsUnitCodePackage and customsUnitCodeWeight are China customs unit codes (or their Chinese names)",
        source: "GAC customs unit code table (海关计量单位代码)",
        product: None,
        skus: customs_units,
        order: None,
    }
    TimestampOutOfOrder / TIMESTAMP_OUT_OF_ORDER {
        code: "timestamp.out_of_order",
        severity: Error,
        scope: Both,
        modes: [],
        since: "",
        checks: "updatedAt and paidAt are not before createdAt",
        source: "customs API v1.58.0, field tables of POST /customs/{region}/product and /order",
        product: Some(|i, out| {
            let p = i.product;
            before(p.created_at, p.updated_at, &i.at.field("updatedAt"), "updatedAt", out);
        }),
        order: Some(|i, out| {
            let o = i.order;
            before(o.created_at, o.updated_at, &Loc::ROOT.field("updatedAt"), "updatedAt", out);
            before(o.created_at, o.paid_at, &Loc::ROOT.field("paidAt"), "paidAt", out);
        }),
    }
    AmountOverflow / AMOUNT_OVERFLOW {
        code: "amount.overflow",
        severity: Error,
        scope: Orders,
        modes: [],
        since: "",
        checks: "the order's amounts and quantities can be added up (their totals fit a 28-digit decimal)",
        source: "customs API v1.58.0, field table of POST and PUT /customs/{region}/order",
        product: None,
        order: Some(|i, out| {
            if i.order.items.iter().all(|it| it.price.is_some() && it.quantity.is_some()) && i.sums().err() == Some(SumError::Overflow) {
                out.add(&Loc::ROOT.field("items"), None, "the order's amounts are too large to add up", "订单金额过大，无法求和");
            }
        }),
    }
    PayAmountMismatch / PAY_AMOUNT_MISMATCH {
        code: "order.pay_amount_mismatch",
        severity: Error,
        scope: Orders,
        modes: [],
        since: "",
        checks: "payAmount equals the sum of (price - discount) x quantity, plus shipping, taxes and insurance, less non-cash deductions, within one minor unit",
        source: "customs API (payAmount); 支付单 and 订单 amounts must agree (商财发〔2018〕486号)",
        product: None,
        order: Some(pay_amount),
    }
    TotalTaxMismatch / TOTAL_TAX_MISMATCH {
        code: "order.total_tax_mismatch",
        severity: Error,
        scope: Orders,
        modes: [],
        since: "",
        checks: "productsTotalTax equals the sum of the lines' tax, within one minor unit",
        source: "customs API v1.58.0, field table of POST and PUT /customs/{region}/order",
        product: None,
        order: Some(total_tax),
    }
    IdentityInvalid / IDENTITY_INVALID {
        code: "identity.invalid",
        severity: Error,
        scope: Orders,
        modes: [BC, BBC],
        since: "2019-01-01",
        checks: "the buyer's and payer's PRC resident identity numbers have 18 characters, a real date of birth and a correct ISO 7064 MOD 11-2 check character",
        source: "GB 11643-1999 (check character: ISO 7064 MOD 11-2); 商财发〔2018〕486号 (buyer identity for cross-border e-commerce retail import)",
        product: None,
        order: Some(identities),
    }
    PayerMismatch / PAYER_MISMATCH {
        code: "order.payer_mismatch",
        severity: Error,
        scope: Orders,
        modes: [BC, BBC],
        since: "2019-01-01",
        checks: "the orderer is the payer: the payer's identity number is the customer's. The regulation asks for an authenticated orderer, or else orderer = payer; platforms and the customs API's users require orderer = payer for every order, and this rule applies that",
        source: "财关税〔2016〕18号 (订购人身份信息认证；未认证的，订购人与支付人应当为同一人); 商财发〔2018〕486号; platform requirement (orderer = payer)",
        product: None,
        order: Some(payer_mismatch),
    }
    ExchangeRateMissing / EXCHANGE_RATE_MISSING {
        code: "exchange_rate.missing",
        severity: Error,
        scope: Orders,
        modes: [CC, BC, BBC],
        since: "",
        checks: "an order in another currency than CNY can be converted with the rates the caller supplied, so the limits can be checked",
        source: "crate policy: rates come from the caller and are never guessed",
        product: None,
        order: Some(rate_missing),
    }
    LimitTransaction / LIMIT_TRANSACTION {
        code: "limit.transaction",
        severity: Error,
        scope: Orders,
        modes: [BC, BBC],
        since: "2019-01-01",
        checks: "one transaction's dutiable value is at most ¥5,000: Σ (price - discount) x quantity + shippingCost + insuranceFee, with nonCashDeductionAmount not subtracted (customs counts points and coupons in the goods value); unless the order holds only one item and is below ¥26,000",
        source: "财关税〔2018〕49号; dutiable value (goods, freight, insurance) of 财关税〔2016〕18号",
        product: None,
        order: Some(|i, out| transaction_limit(i, out, false)),
    }
    LimitTransactionSingleItem / LIMIT_TRANSACTION_SINGLE_ITEM {
        code: "limit.transaction_single_item",
        severity: Warning,
        scope: Orders,
        modes: [BC, BBC],
        since: "2019-01-01",
        checks: "an order that holds only one item, over ¥5,000 but below ¥26,000, may still clear as cross-border e-commerce, but taxed at the full goods rates and counting toward the annual limit",
        source: "财关税〔2018〕49号 (订单下仅一件商品)",
        product: None,
        order: Some(|i, out| transaction_limit(i, out, true)),
    }
    LimitAnnual / LIMIT_ANNUAL {
        code: "limit.annual",
        severity: Error,
        scope: Orders,
        modes: [BC, BBC],
        since: "2019-01-01",
        checks: "the buyer's spending this year (given by the caller) plus this transaction is at most ¥26,000",
        source: "财关税〔2018〕49号",
        product: None,
        order: Some(annual_limit),
    }
    LimitParcel / LIMIT_PARCEL {
        code: "limit.parcel",
        severity: Error,
        scope: Orders,
        modes: [CC],
        since: "2010-09-01",
        checks: "a personal parcel's goods are worth at most the limit in force on the date: ¥2,000 from 2024-12-01; from 2010-09-01 to 2024-11-30, ¥1,000, or ¥800 from Hong Kong, Macao or Taiwan; unless it holds a single indivisible article",
        source: "海关总署公告2010年第43号; 海关总署公告2024年第176号 (¥2,000 from 2024-12-01)",
        product: None,
        order: Some(|i, out| parcel_limit(i, out, false)),
    }
    LimitParcelSingleItem / LIMIT_PARCEL_SINGLE_ITEM {
        code: "limit.parcel_single_item",
        severity: Warning,
        scope: Orders,
        modes: [CC],
        since: "2010-09-01",
        checks: "a parcel over the limit in force that holds a single indivisible article may clear if it is for personal use",
        source: "海关总署公告2010年第43号; 海关总署公告2024年第176号",
        product: None,
        order: Some(|i, out| parcel_limit(i, out, true)),
    }
    TaxDeclaredMismatch / TAX_DECLARED_MISMATCH {
        code: "tax.declared_mismatch",
        severity: Error,
        scope: Orders,
        modes: [CC, BC, BBC],
        since: "2016-04-08",
        checks: "each item's tax, shippingTax and productsTotalTax agree, within ¥0.01 a line, with the import tax computed from the tax table (tax), where every rate came from a row of the table: cross-border e-commerce with duty 0 and VAT and consumption tax at 70%, or full rates for an order that holds only one item over ¥5,000; personal articles at the tier rate, ¥50 or less waived. The message says which is off, by how much, and how the tax was computed",
        source: "财关税〔2018〕49号; 财关税〔2016〕18号; 税委会〔2019〕17号; 海关总署公告2010年第43号",
        product: None,
        order: Some(|i, out| declared_tax(i, out, DeclaredKind::Mismatch)),
    }
    TaxDeclaredMismatchDefaultRate / TAX_DECLARED_MISMATCH_DEFAULT_RATE {
        code: "tax.declared_mismatch_default_rate",
        severity: Warning,
        scope: Orders,
        modes: [CC, BC, BBC],
        since: "2016-04-08",
        checks: "the same, where a rate is a guess: the general 13% VAT rate (or the personal articles tier of other goods) for an HS code no row of the table lists, or a high-end test that could not be made",
        source: "财关税〔2018〕49号; 增值税法 art. 10; 税委会〔2019〕17号",
        product: None,
        order: Some(|i, out| declared_tax(i, out, DeclaredKind::MismatchGuess)),
    }
    TaxDeclaredUnchecked / TAX_DECLARED_UNCHECKED {
        code: "tax.declared_unchecked",
        severity: Warning,
        scope: Orders,
        modes: [CC, BC, BBC],
        since: "2016-04-08",
        checks: "a declared tax that cannot be checked is said so: an order that holds only one item over ¥5,000, taxed at full rates, without an MFN duty rate in the table or the context; a specific consumption tax without the quantity it needs",
        source: "财关税〔2018〕49号 (full rates: duty at the MFN rate); 消费税暂行条例",
        product: None,
        order: Some(|i, out| declared_tax(i, out, DeclaredKind::Unchecked)),
    }
}

// ---------- helpers ----------

fn missing(out: &mut Findings<'_>, at: &Loc<'_>, field: &str) {
    out.add(
        at,
        Some(field),
        format!("required field {field:?} is missing"),
        format!("缺少必填字段 {field:?}"),
    );
}

fn blank(s: &Option<Text>) -> bool {
    s.as_ref().is_none_or(Text::is_blank)
}

fn not_positive_money(m: Option<&Money>) -> bool {
    m.is_some_and(|m| m.amount() <= Decimal::ZERO)
}

// ---------- product rules ----------

/// A block of a product's SKUs, `product.skus[first..first + skus.len()]`,
/// as [`Rule::check_skus`] receives it.
#[derive(Clone, Copy)]
struct Skus<'a> {
    first: usize,
    skus: &'a [Sku],
}

impl<'a> Skus<'a> {
    /// Each SKU with its index in the product.
    fn iter(self) -> impl Iterator<Item = (usize, &'a Sku)> {
        let first = self.first;
        self.skus
            .iter()
            .enumerate()
            .map(move |(n, sku)| (first.saturating_add(n), sku))
    }
}

fn required_product(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    let at = i.at;
    if blank(&p.name) && blank(&p.name_en) {
        missing(out, at, "name");
    }
    if p.hs_code.is_none() {
        missing(out, at, "hsCode");
    }
    if p.country.is_none() {
        missing(out, at, "country");
    }
    let (price_needed, net_needed, gross_needed) = inherited_needed(i);
    if p.skus.is_empty() {
        for (needed, field) in [
            (price_needed, "price"),
            (net_needed, "netWeight"),
            (gross_needed, "grossWeight"),
        ] {
            if needed {
                missing(out, at, field);
            }
        }
    }
    if i.mode == Some(ClearanceMode::Cc) && blank(&p.personal_postal_articles_tax) {
        missing(out, at, "personalPostalArticlesTax");
    }
}

/// Whether a SKU must give its own price, net and gross weight: the
/// product (or the order's line, for the price) gives none.
fn inherited_needed(i: &ProductInput<'_>) -> (bool, bool, bool) {
    let p = i.product;
    let item_price = i.item.is_some_and(|it| it.price.is_some());
    (
        p.price.is_none() && !item_price,
        p.net_weight.is_none(),
        p.gross_weight.is_none(),
    )
}

/// The three fields a SKU may inherit from its product, each SKU in one pass.
fn required_skus(i: &ProductInput<'_>, skus: Skus<'_>, out: &mut Findings<'_>) {
    let (price_needed, net_needed, gross_needed) = inherited_needed(i);
    if !(price_needed || net_needed || gross_needed) {
        return;
    }
    let at = i.at.field("skus");
    for (n, sku) in skus.iter() {
        for (needed, field, bit) in [
            (
                price_needed && sku.price.is_none(),
                "price",
                SkuDropped::PRICE,
            ),
            (
                net_needed && sku.net_weight.is_none(),
                "netWeight",
                SkuDropped::NET_WEIGHT,
            ),
            (
                gross_needed && sku.gross_weight.is_none(),
                "grossWeight",
                SkuDropped::GROSS_WEIGHT,
            ),
        ] {
            // A value given but not kept is the conversion's finding, not
            // a missing one.
            if needed && !i.sku_dropped(n, bit) {
                missing(out, &at.index(n), field);
            }
        }
    }
}

fn mode_mismatch(
    payload: Option<ClearanceMode>,
    declared: Option<ClearanceMode>,
    at: &Loc<'_>,
    out: &mut Findings<'_>,
) {
    if let (Some(payload), Some(declared)) = (payload, declared)
        && payload != declared
    {
        out.add(
            &at.field("expressType"),
            Some(payload.as_str()),
            format!("expressType is {payload} but the declaration is made under {declared}"),
            format!("expressType 为 {payload}，但申报按 {declared} 进行"),
        );
    }
}

fn port_mismatch(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    if let Some(port) = i.context.port() {
        let given = i.order.customs_port;
        if given != port {
            out.add(
                &Loc::ROOT.field("customsCode"),
                Some(given.as_str()),
                format!(
                    "customsCode is {given} ({}) but the declaration goes to {port} ({})",
                    given.name_en(),
                    port.name_en()
                ),
                format!(
                    "customsCode 为 {given}（{}），但申报口岸为 {port}（{}）",
                    given.name_zh(),
                    port.name_zh()
                ),
            );
        }
    }
}

fn other_currency(
    out: &mut Findings<'_>,
    at: &Loc<'_>,
    m: Option<&Money>,
    currency: Currency,
    whose: (&str, &str),
) {
    if let Some(m) = m.filter(|m| m.currency() != currency) {
        out.add(
            at,
            Some(m.currency().code()),
            format!(
                "{m} is in {} but the {}'s currency is {}",
                m.currency().code(),
                whose.0,
                currency.code()
            ),
            format!(
                "{m} 的币种为 {}，但{}币种为 {}",
                m.currency().code(),
                whose.1,
                currency.code()
            ),
        );
    }
}

fn currency_mismatch_product(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    let whose = ("product", "商品");
    for (field, m) in [
        ("price", p.price.as_ref()),
        ("rrp", p.rrp.as_ref()),
        ("groupBuyingPrice", p.group_buying_price.as_ref()),
        ("shippingCost", p.shipping_cost.as_ref()),
        ("discount", p.discount.as_ref()),
    ] {
        other_currency(out, &i.at.field(field), m, p.currency, whose);
    }
}

fn currency_mismatch_skus(i: &ProductInput<'_>, skus: Skus<'_>, out: &mut Findings<'_>) {
    let currency = i.product.currency;
    let whose = ("product", "商品");
    let at_skus = i.at.field("skus");
    for (n, sku) in skus.iter() {
        let amounts = [
            ("price", sku.price.as_ref()),
            ("rrp", sku.rrp.as_ref()),
            ("groupBuyingPrice", sku.group_buying_price.as_ref()),
            ("cost", Some(&sku.cost)),
            ("shippingCost", sku.shipping_cost.as_ref()),
        ];
        // A clean SKU (the usual case) without building its pointer.
        if amounts
            .iter()
            .all(|(_, m)| m.is_none_or(|m| m.currency() == currency))
        {
            continue;
        }
        let at = at_skus.index(n);
        for (field, m) in amounts {
            other_currency(out, &at.field(field), m, currency, whose);
        }
    }
}

fn currency_mismatch_order(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let o = i.order;
    let whose = ("order", "订单");
    let root = Loc::ROOT;
    let items = root.field("items");
    for (n, item) in o.items.iter().enumerate() {
        let at = items.index(n);
        for (field, m) in [
            ("price", item.price.as_ref()),
            ("discount", item.discount.as_ref()),
            ("tax", item.tax.as_ref()),
            ("refundAmount", Some(&item.refund_amount)),
        ] {
            other_currency(out, &at.field(field), m, o.currency, whose);
        }
    }
    for (field, m) in [
        ("payAmount", o.pay_amount.as_ref()),
        ("refundAmount", Some(&o.refund_amount)),
        ("productsTotalTax", o.products_total_tax.as_ref()),
        ("shippingCost", o.shipping_cost.as_ref()),
        ("shippingTax", o.shipping_tax.as_ref()),
        (
            "nonCashDeductionAmount",
            o.non_cash_deduction_amount.as_ref(),
        ),
        ("insuranceFee", o.insurance_fee.as_ref()),
    ] {
        other_currency(out, &root.field(field), m, o.currency, whose);
    }
}

fn hs_length(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let Some(code) = i.product.hs_code else {
        return;
    };
    // Product registrations and orders alike: the cross-border e-commerce
    // messages carry the 10-digit commodity code, never the 13 digits of
    // the general-trade declaration form.
    let Err(err) = Jurisdiction::China.check_length(&code, DeclarationForm::CrossBorderEcommerce)
    else {
        return;
    };
    let (mut en, mut zh) = (err.message_en(), err.message_zh());
    if code.len() == Jurisdiction::China.code_length(DeclarationForm::ImportDeclaration) {
        en.push_str(
            "; 13 digits (10 + 3 inspection digits) belong on the general-trade customs declaration form (报关单) only",
        );
        zh.push_str("；13 位（10 位加 3 位检验检疫附加编号）仅用于一般贸易报关单");
    }
    out.add(&i.at.field("hsCode"), Some(code.as_str()), en, zh);
}

fn hs_exists(i: &ProductInput<'_>, out: &mut Findings<'_>, other_edition: bool) {
    let Some(code) = i.product.hs_code else {
        return;
    };
    let edition = HsEdition::in_force_on(i.context.as_of());
    let Some(result) = i.hs() else {
        return;
    };
    let Some(found) = result.not_found() else {
        return;
    };
    if found.other_edition().is_some() != other_edition {
        return;
    }
    let mut en = result.message_en();
    let mut zh = result.message_zh();
    let name = [&i.product.name_en, &i.product.name]
        .into_iter()
        .flatten()
        .map(|s| s.trim_fast())
        .find(|s| !s.is_empty());
    if let Some(name) = name {
        // Only whole-term hits: an approximate (character n-gram) hit, or a
        // bare chapter, is too loose to put forward as a code to declare.
        let mut hits = hs::search_with(name, edition, 3);
        hits.retain(|h| !h.approximate());
        if !hits.is_empty() {
            let list = hits
                .iter()
                .map(|h| format!("{} ({})", h.code(), h.description()))
                .collect::<Vec<_>>()
                .join("; ");
            en.push_str(&format!(
                "; by its name {name:?}, consider: {list}",
                name = crate::echo(name)
            ));
            zh.push_str(&format!(
                "；按商品名称 {name:?} 检索，可考虑：{list}",
                name = crate::echo(name)
            ));
        }
    }
    out.add(&i.at.field("hsCode"), Some(code.as_str()), en, zh);
}

fn net_above_gross(out: &mut Findings<'_>, at: &Loc<'_>, net: Weight, gross: Weight) {
    out.add(
        at,
        Some(&net.value().to_string()),
        format!("net weight {net} is above gross weight {gross}"),
        format!("净重 {net} 大于毛重 {gross}"),
    );
}

fn net_exceeds_gross(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    if let (Some(net), Some(gross)) = (p.net_weight, p.gross_weight)
        && net > gross
    {
        net_above_gross(out, &i.at.field("netWeight"), net, gross);
    }
}

fn net_exceeds_gross_skus(i: &ProductInput<'_>, skus: Skus<'_>, out: &mut Findings<'_>) {
    let at_skus = i.at.field("skus");
    for (n, sku) in skus.iter() {
        let (Some(net), Some(gross)) = (sku.net_weight, sku.gross_weight) else {
            continue;
        };
        // Both inherited: already reported on the product.
        if net > gross && !(sku.net_is_inherited() && sku.gross_is_inherited()) {
            let at = at_skus.index(n);
            let field = if sku.net_is_inherited() {
                "grossWeight"
            } else {
                "netWeight"
            };
            net_above_gross(out, &at.field(field), net, gross);
        }
    }
}

fn zero_weight(out: &mut Findings<'_>, at: &Loc<'_>, w: Option<Weight>) {
    if let Some(w) = w.filter(Weight::is_zero) {
        out.add(
            at,
            Some(&w.value().to_string()),
            "a weight must be above zero",
            "重量必须大于零",
        );
    }
}

fn weight_not_positive(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    zero_weight(out, &i.at.field("netWeight"), p.net_weight);
    zero_weight(out, &i.at.field("grossWeight"), p.gross_weight);
}

fn weight_not_positive_skus(i: &ProductInput<'_>, skus: Skus<'_>, out: &mut Findings<'_>) {
    let at_skus = i.at.field("skus");
    for (n, sku) in skus.iter() {
        let at = at_skus.index(n);
        if !sku.net_is_inherited() {
            zero_weight(out, &at.field("netWeight"), sku.net_weight);
        }
        if !sku.gross_is_inherited() {
            zero_weight(out, &at.field("grossWeight"), sku.gross_weight);
        }
    }
}

fn price_not_positive(out: &mut Findings<'_>, at: &Loc<'_>, m: Option<&Money>) {
    if not_positive_money(m) {
        let text = m.map(|m| m.amount().to_string()).unwrap_or_default();
        out.add(
            at,
            Some(&text),
            format!("price {text} must be above zero"),
            format!("价格 {text} 必须大于零"),
        );
    }
}

fn price_not_positive_product(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    price_not_positive(out, &i.at.field("price"), p.price.as_ref());
    price_not_positive(out, &i.at.field("rrp"), p.rrp.as_ref());
}

fn price_not_positive_skus(i: &ProductInput<'_>, skus: Skus<'_>, out: &mut Findings<'_>) {
    let at_skus = i.at.field("skus");
    for (n, sku) in skus.iter() {
        let at = at_skus.index(n);
        price_not_positive(out, &at.field("price"), sku.price.as_ref());
        price_not_positive(out, &at.field("rrp"), sku.rrp.as_ref());
    }
}

fn price_not_positive_order(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let items = Loc::ROOT.field("items");
    for (n, item) in i.order.items.iter().enumerate() {
        price_not_positive(out, &items.index(n).field("price"), item.price.as_ref());
    }
}

fn discount_product(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    // A product's `discount` is a discounted price.
    if let (Some(discounted), Some(price)) = (p.discount, p.price)
        && discounted.currency() == price.currency()
        && discounted.amount() > price.amount()
    {
        out.add(
            &i.at.field("discount"),
            Some(&discounted.amount().to_string()),
            format!("discounted price {discounted} is above the price {price}"),
            format!("折后价 {discounted} 高于原价 {price}"),
        );
    }
}

fn discount_order(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let items = Loc::ROOT.field("items");
    for (n, item) in i.order.items.iter().enumerate() {
        let Some(discount) = item.discount else {
            continue;
        };
        let at_item = items.index(n);
        let at = at_item.field("discount");
        if discount.is_negative() {
            out.add(
                &at,
                Some(&discount.amount().to_string()),
                format!("unit discount {discount} is negative"),
                format!("单件折扣 {discount} 为负数"),
            );
        } else if let Some(price) = item.price.filter(|p| discount.amount() > p.amount()) {
            out.add(
                &at,
                Some(&discount.amount().to_string()),
                format!("unit discount {discount} is above the unit price {price}"),
                format!("单件折扣 {discount} 高于单价 {price}"),
            );
        }
    }
}

fn quantity_not_positive(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let items = Loc::ROOT.field("items");
    for (n, item) in i.order.items.iter().enumerate() {
        if item.quantity == Some(0) {
            out.add(
                &items.index(n).field("quantity"),
                Some("0"),
                "quantity must be at least 1",
                "数量必须至少为 1",
            );
        }
    }
}

fn tax_rate(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let Some(rate) = i.product.tax_rate else {
        return;
    };
    if rate >= Decimal::ZERO && rate <= Decimal::ONE {
        return;
    }
    let text = rate.to_string();
    let (en, zh) = if rate > Decimal::ONE && rate <= Decimal::ONE_HUNDRED {
        let fraction = rate / Decimal::ONE_HUNDRED;
        (
            format!(
                "tax rate {rate} looks like a percentage: write it as a fraction, {fraction} for {rate}%"
            ),
            format!("税率 {rate} 像是百分数：应写成小数，{rate}% 即 {fraction}"),
        )
    } else {
        (
            format!("tax rate {rate} is not a fraction from 0 to 1"),
            format!("税率 {rate} 不在 0 到 1 之间"),
        )
    };
    out.add(&i.at.field("taxRate"), Some(&text), en, zh);
}

fn duplicate_sku(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let skus = &i.product.skus;
    let at_skus = i.at.field("skus");
    let number = |n: usize| {
        skus.get(n)
            .and_then(|s| s.sku_number.as_deref())
            .map(TrimFast::trim_fast)
            .filter(|s| !s.is_empty())
    };
    let report = |out: &mut Findings<'_>, n: usize, first: usize, number: &str| {
        let at = at_skus.index(n);
        let earlier = at_skus.index(first).pointer();
        let shown = echo(number);
        out.add(
            &at.field("skuNumber"),
            Some(number),
            format!("SKU number {shown:?} is already used at {earlier}"),
            format!("SKU 编号 {shown:?} 与 {earlier} 重复"),
        );
    };
    // A few SKUs (the usual product): each against the earlier ones, which
    // needs no allocation; the same findings, in the same order.
    if skus.len() <= SMALL_SKU_COUNT {
        for n in 1..skus.len() {
            let Some(this) = number(n) else { continue };
            if let Some(first) = (0..n).find(|&m| number(m) == Some(this)) {
                report(out, n, first, this);
            }
        }
        return;
    }
    // Every (number, position), sorted: equal numbers end up side by side,
    // the first SKU of each number leading its run. O(n log n) for n SKUs,
    // not a rescan of the earlier SKUs for each one; and no hash, so
    // nothing for a caller to flood. Sorted on the number's first 16 bytes
    // as an integer (then the position), so that only numbers sharing those
    // are compared on their bytes (which stand in the SKUs, far apart). In
    // a `RuleSet`'s run, `sku_numbers` has gathered the list block by block,
    // in document order, which the usual numbered SKUs keep sorted.
    let gathered = i.sku_numbers().and_then(super::rule::SkuNumbers::take);
    let mut numbered = gathered.unwrap_or_else(|| {
        let mut all = Vec::new();
        gather_numbers(Skus { first: 0, skus }, &mut all);
        all
    });
    let bytes = |n: usize| {
        skus.get(n)
            .and_then(|s| s.sku_number.as_ref())
            .map_or(&[][..], Text::trimmed_bytes)
    };
    numbered.sort_unstable();
    // (the repeat, the first of its number), in document order.
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    for run in numbered.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        // Numbers that share their first 16 bytes: in the order of their
        // whole bytes, each number's SKUs still in document order.
        run.sort_by(|a, b| bytes(a.1).cmp(bytes(b.1)).then(a.1.cmp(&b.1)));
        for same in run.chunk_by(|a, b| bytes(a.1) == bytes(b.1)) {
            if let [(_, first), rest @ ..] = same {
                repeats.extend(rest.iter().map(|&(_, n)| (n, *first)));
            }
        }
    }
    repeats.sort_unstable();
    for (n, first) in repeats {
        if let Some(this) = number(n) {
            report(out, n, first, this);
        }
    }
}

/// The SKU part of `sku.duplicate_number`: in a `RuleSet`'s run of a
/// product of more than [`SMALL_SKU_COUNT`] SKUs, gathers each block's
/// numbers for [`duplicate_sku`] while the block is in the cache.
fn sku_numbers(i: &ProductInput<'_>, skus: Skus<'_>, _: &mut Findings<'_>) {
    if i.product.skus.len() <= SMALL_SKU_COUNT {
        return;
    }
    if let Some(numbers) = i.sku_numbers() {
        numbers.add(i.product.skus.len(), |to| gather_numbers(skus, to));
    }
}

/// Each non-blank SKU number of `skus` as (its first 16 bytes, its SKU's
/// position), added to `to`.
fn gather_numbers(skus: Skus<'_>, to: &mut Vec<(u128, usize)>) {
    for (n, sku) in skus.iter() {
        if let Some(number) = sku.sku_number.as_ref().filter(|t| !t.is_blank()) {
            to.push((number.trimmed_key(), n));
        }
    }
}

/// Up to this many SKUs, [`duplicate_sku`] compares each with the earlier
/// ones (at most 120 comparisons) instead of sorting a list of them.
const SMALL_SKU_COUNT: usize = 16;

fn barcode(out: &mut Findings<'_>, at: &Loc<'_>, code: &Option<Text>) {
    let Some(text) = code.as_ref().filter(|t| !t.is_blank()).map(Text::as_str) else {
        return;
    };
    if let Err(e) = Gtin::parse(text) {
        out.add(at, Some(text), e.to_string(), e.message_zh());
    }
}

fn barcodes(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    barcode(out, &i.at.field("barcode"), &p.barcode);
    let components = i.at.field("components");
    for (n, c) in p.components.iter().enumerate() {
        barcode(out, &components.index(n).field("barcode"), &c.barcode);
    }
}

fn barcodes_skus(i: &ProductInput<'_>, skus: Skus<'_>, out: &mut Findings<'_>) {
    let at_skus = i.at.field("skus");
    for (n, sku) in skus.iter() {
        barcode(out, &at_skus.index(n).field("barcode"), &sku.barcode);
    }
}

fn customs_units(i: &ProductInput<'_>, skus: Skus<'_>, out: &mut Findings<'_>) {
    let at_skus = i.at.field("skus");
    for (n, sku) in skus.iter() {
        let at = at_skus.index(n);
        for (field, value) in [
            ("customsUnitCode", sku.customs_unit_code.as_deref()),
            (
                "customsUnitCodePackage",
                sku.customs_unit_code_package.as_deref(),
            ),
            (
                "customsUnitCodeWeight",
                Some(sku.customs_unit_code_weight.as_str()),
            ),
        ] {
            let Some(text) = value.filter(|s| !s.trim_fast().is_empty()) else {
                continue;
            };
            if let Err(e) = CustomsUnit::parse(text) {
                out.add(&at.field(field), Some(text), e.to_string(), e.message_zh());
            }
        }
    }
}

fn before(
    created: Option<crate::Timestamp>,
    later: Option<crate::Timestamp>,
    at: &Loc<'_>,
    field: &str,
    out: &mut Findings<'_>,
) {
    if let (Some(created), Some(later)) = (created, later)
        && later < created
    {
        out.add(
            at,
            Some(&later.to_string()),
            format!("{field} {later} is before createdAt {created}"),
            format!("{field} {later} 早于 createdAt {created}"),
        );
    }
}

// ---------- order rules ----------

fn required_order(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let o = i.order;
    let root = Loc::ROOT;
    let ecommerce = i.mode.is_some_and(ClearanceMode::is_cross_border_ecommerce);
    if blank(&o.order_id) {
        missing(out, &root, "orderId");
    }
    if o.platform.is_none() {
        missing(out, &root, "platformName");
    }
    match i.declaration {
        Declaration::Payment => {
            if o.pay_amount.is_none() {
                missing(out, &root, "payAmount");
            }
            if o.paid_at.is_none() {
                missing(out, &root, "paidAt");
            }
            if blank(&o.payment_pay_id) {
                missing(out, &root, "paymentPayId");
            }
            if blank(&o.platform_transaction_id) {
                missing(out, &root, "platformTransactionId");
            }
            if ecommerce {
                let payer = o.payer.as_ref().or(o.customer.as_ref());
                if payer.and_then(|p| p.identity_number()).is_none() {
                    match (&o.payer, &o.customer) {
                        (Some(_), _) => missing(out, &root.field("payer"), "tin"),
                        (None, Some(_)) => missing(out, &root.field("customer"), "tin"),
                        (None, None) => missing(out, &root, "payer"),
                    }
                }
            }
        }
        _ => {
            if o.items.is_empty() {
                missing(out, &root, "items");
            }
            let items = root.field("items");
            for (n, item) in o.items.iter().enumerate() {
                let at = items.index(n);
                if item.quantity.is_none() {
                    missing(out, &at, "quantity");
                }
                if item.price.is_none() {
                    missing(out, &at, "price");
                }
                if item.product.is_none() {
                    missing(out, &at, "product");
                }
            }
            match &o.customer {
                None => missing(out, &root, "customer"),
                Some(c) if ecommerce && c.identity_number().is_none() => {
                    missing(out, &root.field("customer"), "tin");
                }
                Some(_) => {}
            }
            if ecommerce {
                for (field, value) in [
                    ("platformTransactionId", &o.platform_transaction_id),
                    ("payId", &o.pay_id),
                    ("paymentPayId", &o.payment_pay_id),
                ] {
                    if blank(value) {
                        missing(out, &root, field);
                    }
                }
                if o.pay_amount.is_none() {
                    missing(out, &root, "payAmount");
                }
                if o.paid_at.is_none() {
                    missing(out, &root, "paidAt");
                }
            }
        }
    }
}

/// The order's sums, in its currency: goods (sum of (price - discount) x
/// quantity) and line taxes.
#[derive(Clone, Debug)]
pub(crate) struct Totals {
    goods: Money,
    line_tax: Option<Money>,
}

/// Why the order's sums cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SumError {
    /// A total does not fit a decimal.
    Overflow,
    /// Amounts in different currencies (reported by `currency.mismatch`).
    Mismatch,
}

impl From<MoneyError> for SumError {
    fn from(e: MoneyError) -> Self {
        match e {
            MoneyError::CurrencyMismatch { .. } => SumError::Mismatch,
            _ => SumError::Overflow,
        }
    }
}

pub(crate) fn totals(o: &Order) -> Result<Totals, SumError> {
    let mut goods = Money::zero(o.currency);
    let mut tax = Some(Money::zero(o.currency));
    for item in &o.items {
        let (Some(price), Some(qty)) = (item.price, item.quantity) else {
            continue;
        };
        let discount = item.discount.unwrap_or(Money::zero(price.currency()));
        let unit = price.checked_sub(discount)?;
        goods = goods.checked_add(unit.checked_mul(Decimal::from(qty))?)?;
        tax = match (tax, item.tax) {
            (Some(sum), Some(t)) => Some(sum.checked_add(t)?),
            _ => None,
        };
    }
    Ok(Totals {
        goods,
        line_tax: tax,
    })
}

/// Whether every line has what the arithmetic needs.
fn lines_complete(o: &Order) -> bool {
    !o.items.is_empty()
        && o.items
            .iter()
            .all(|it| it.price.is_some() && it.quantity.is_some())
}

/// How far `given` is from `expected`, when that is more than one minor
/// unit: (English, Chinese) such as ("7.00 CNY lower", "少 7.00 CNY"). `None`
/// when within tolerance, or when the difference itself overflows.
fn off_by(given: Money, expected: Money) -> Option<(String, String)> {
    let diff = given.checked_sub(expected).ok()?.amount();
    if diff.abs() <= minor_unit(given.currency()) {
        return None;
    }
    let (en, zh) = if diff > Decimal::ZERO {
        ("higher", "多")
    } else {
        ("lower", "少")
    };
    let abs = shown(Money::new(diff.abs(), given.currency()));
    Some((format!("{abs} {en}"), format!("{zh} {abs}")))
}

fn pay_amount(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let o = i.order;
    let Some(paid) = o.pay_amount else {
        return;
    };
    if !lines_complete(o) {
        return;
    }
    let Ok(t) = i.sums() else {
        return;
    };
    let zero = Money::zero(o.currency);
    let taxes = o.products_total_tax.or(t.line_tax).unwrap_or(zero);
    let parts = [
        o.shipping_cost.unwrap_or(zero),
        taxes,
        o.shipping_tax.unwrap_or(zero),
        o.insurance_fee.unwrap_or(zero),
    ];
    let deductions = o.non_cash_deduction_amount.unwrap_or(zero);
    let expected = parts
        .iter()
        .try_fold(t.goods, |sum, m| sum.checked_add(*m))
        .and_then(|sum| sum.checked_sub(deductions));
    let Ok(expected) = expected else {
        return;
    };
    if let Some((diff_en, diff_zh)) = off_by(paid, expected) {
        let (paid, expected) = (shown(paid), shown(expected));
        let [shipping, taxes, shipping_tax, insurance] = parts;
        out.add(
            &Loc::ROOT.field("payAmount"),
            Some(&paid.amount().to_string()),
            format!(
                "payAmount {paid} is {diff_en} than the computed {expected} (goods {} + shipping {} + taxes {} + shipping tax {} + insurance {} - non-cash deductions {})",
                shown(t.goods).amount(), shown(shipping).amount(), shown(taxes).amount(), shown(shipping_tax).amount(), shown(insurance).amount(), shown(deductions).amount()
            ),
            format!(
                "payAmount {paid} 比计算值 {expected} {diff_zh}（货款 {} + 运费 {} + 税费 {} + 运费税 {} + 保费 {} - 非现金抵扣 {}）",
                shown(t.goods).amount(), shown(shipping).amount(), shown(taxes).amount(), shown(shipping_tax).amount(), shown(insurance).amount(), shown(deductions).amount()
            ),
        );
    }
}

fn total_tax(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let o = i.order;
    let Some(total) = o.products_total_tax else {
        return;
    };
    if o.items.is_empty() || o.items.iter().any(|it| it.tax.is_none()) {
        return;
    }
    let sum = o
        .items
        .iter()
        .filter_map(|it| it.tax)
        .try_fold(Money::zero(o.currency), |s, t| s.checked_add(t));
    let Ok(sum) = sum else {
        return;
    };
    if let Some((diff_en, diff_zh)) = off_by(total, sum) {
        let (total, sum) = (shown(total), shown(sum));
        out.add(
            &Loc::ROOT.field("productsTotalTax"),
            Some(&total.amount().to_string()),
            format!("productsTotalTax {total} is {diff_en} than the sum of the lines' tax, {sum}"),
            format!("productsTotalTax {total} 比各商品税额之和 {sum} {diff_zh}"),
        );
    }
}

fn identities(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    // The payer is most often the customer, with the same number: checked
    // once, reported at each.
    let mut last: Option<(&str, Option<(String, String)>)> = None;
    for (field, party) in [("customer", &i.order.customer), ("payer", &i.order.payer)] {
        let Some(party) = party else {
            continue;
        };
        let (id_field, value) = match (&party.tin, &party.chinese_id) {
            (Some(tin), _) if !tin.trim_fast().is_empty() => ("tin", tin.as_str()),
            (_, Some(id)) if !id.trim_fast().is_empty() => ("chineseId", id.as_str()),
            _ => continue,
        };
        let found = match last.take() {
            Some((v, found)) if v == value => found,
            _ => ResidentId::parse(value)
                .err()
                .map(|e| (e.to_string(), e.message_zh())),
        };
        if let Some((en, zh)) = &found {
            let at = Loc::ROOT.field(field);
            out.add(&at.field(id_field), Some(value), en.as_str(), zh.as_str());
        }
        last = Some((value, found));
    }
}

fn payer_mismatch(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let (Some(customer), Some(payer)) = (&i.order.customer, &i.order.payer) else {
        return;
    };
    let (Some(c), Some(p)) = (customer.identity_number(), payer.identity_number()) else {
        return;
    };
    if !c.trim_fast().eq_ignore_ascii_case(p.trim_fast()) {
        let field = if payer
            .tin
            .as_deref()
            .is_some_and(|t| !t.trim_fast().is_empty())
        {
            "tin"
        } else {
            "chineseId"
        };
        let at = Loc::ROOT.field("payer");
        out.add(
            &at.field(field),
            Some(p),
            "the payer is not the customer (the orderer): this rule applies orderer = payer, which platforms require for every cross-border e-commerce order (财关税〔2016〕18号: an authenticated orderer, or else the orderer pays)",
            "支付人与订购人不一致：本规则按“订购人与支付人一致”核对，各平台对每笔跨境电商订单均有此要求（财关税〔2016〕18号：订购人身份须经认证，未认证的，订购人与支付人应当为同一人）",
        );
    }
}

/// The order's goods, and its transaction value (goods, delivery and
/// insurance: the retail price, freight and insurance that 财关税〔2016〕18号
/// makes the dutiable value), in CNY; `None` when that cannot be known
/// (missing lines, missing rate, overflow). Made once per validation
/// (`OrderInput::in_cny`) for the limit rules.
pub(crate) fn in_cny(i: &OrderInput<'_>) -> Option<(Money, Money)> {
    let o = i.order;
    if !lines_complete(o) {
        return None;
    }
    let t = i.sums().ok()?;
    let zero = Money::zero(o.currency);
    let transaction = t
        .goods
        .checked_add(o.shipping_cost.unwrap_or(zero))
        .ok()?
        .checked_add(o.insurance_fee.unwrap_or(zero))
        .ok()?;
    let rates = i.context.rates();
    Some((
        shown(t.goods.convert(Currency::CNY, rates).ok()?),
        shown(transaction.convert(Currency::CNY, rates).ok()?),
    ))
}

/// An amount as people write it: at least the currency's minor-unit digits
/// (`5499.00 CNY`, not `5499.0 CNY`). Never drops a digit.
fn shown(m: Money) -> Money {
    let digits = u32::from(m.currency().exponent().unwrap_or(2));
    let mut amount = m.amount();
    if amount.scale() < digits {
        amount.rescale(digits);
    }
    Money::new(amount, m.currency())
}

/// The order holds only one item (订单下仅一件商品, 财关税〔2018〕49号): one line
/// of quantity 1.
fn holds_one_item(o: &Order) -> bool {
    o.items.len() == 1 && o.items[0].quantity == Some(1)
}

fn rate_missing(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let rates = i.context.rates();
    let missing = |c: Currency| {
        c != Currency::CNY
            && rates.rate(c, Currency::CNY).is_none()
            && rates.rate(Currency::CNY, c).is_none()
    };
    let c = i.order.currency;
    if missing(c) {
        out.add(
            &Loc::ROOT.field("currency"),
            Some(c.code()),
            format!(
                "no exchange rate from {} to CNY was supplied: the limits in CNY cannot be checked",
                c.code()
            ),
            format!("未提供 {} 兑人民币汇率：无法核对人民币限额", c.code()),
        );
    }
    // The buyer's spending this year comes from the caller, in any currency.
    if i.mode.is_some_and(ClearanceMode::is_cross_border_ecommerce)
        && let Some(spent) = i.context.annual_spent()
        && spent.currency() != c
        && missing(spent.currency())
    {
        let sc = spent.currency().code();
        out.add(
            &Loc::ROOT,
            Some(sc),
            format!("no exchange rate from {sc} to CNY was supplied for the buyer's spending this year: the ¥26,000 annual limit cannot be checked"),
            format!("未提供 {sc} 兑人民币汇率，无法换算购买人本年已消费金额：无法核对 26000 元年度限额"),
        );
    }
}

/// The ¥5,000 limit on one transaction's dutiable value, and its exception:
/// an order that holds only one item (订单下仅一件商品), over ¥5,000 but below
/// the ¥26,000 annual limit, may still clear as cross-border e-commerce,
/// taxed at the full goods rates (财关税〔2018〕49号). The error rule reports
/// every other transaction over ¥5,000, a single item of ¥26,000 or more
/// included; the warning rule reports the exception, with the full-rate tax
/// when it can be computed. The limits are those of the context's tax table
/// on the date.
fn transaction_limit(i: &OrderInput<'_>, out: &mut Findings<'_>, single_item_rule: bool) {
    let Some((_, period)) = i.context.tax_table().cbec_on(i.context.as_of()) else {
        return;
    };
    let Some((_, amount)) = i.in_cny() else {
        return;
    };
    let (tl, al) = (period.transaction_limit, period.annual_limit);
    if amount.amount() <= tl {
        return;
    }
    let one_item = holds_one_item(i.order);
    let excepted = one_item && amount.amount() < al;
    if excepted != single_item_rule {
        return;
    }
    let at = Loc::ROOT.field("items");
    let value = amount.amount().to_string();
    let (tl, al) = (crate::tax::china::whole(tl), crate::tax::china::whole(al));
    if single_item_rule {
        let tax = i.tax();
        let (tax_en, tax_zh) = match (tax.basis(), tax.total(), tax.lines()) {
            (Some(crate::tax::Basis::CbecFullRate), Some(total), [line]) => {
                let part = |m: Option<Money>, r: Option<&crate::tax::china::AppliedRate<'_>>| {
                    let rate = r.map_or_else(String::new, |r| crate::tax::china::percent(r.rate()));
                    (
                        rate,
                        m.map_or_else(String::new, |m| shown(m).amount().to_string()),
                    )
                };
                let (rd, d) = part(line.duty(), line.duty_rate());
                let (rc, c) = part(line.consumption_tax(), line.consumption_rate());
                let (rv, v) = part(line.vat(), line.vat_rate());
                let consumption = line.consumption_tax().is_some_and(|m| !m.is_zero());
                let (ct_en, ct_zh) = if consumption {
                    (
                        format!(" + consumption tax {rc} {c}"),
                        format!(" + 消费税 {rc} {c}"),
                    )
                } else {
                    (String::new(), String::new())
                };
                let total = shown(total);
                (
                    format!(" (for this order: duty {rd} {d}{ct_en} + VAT {rv} {v} = {total})"),
                    format!("（本订单：关税 {rd} {d}{ct_zh} + 增值税 {rv} {v} = {total}）"),
                )
            }
            _ => (String::new(), String::new()),
        };
        out.add(
            &at,
            Some(&value),
            format!("the transaction's dutiable value, {amount} (goods before non-cash deductions, delivery and insurance), is over the ¥{tl} limit, but the order holds only one item and is below ¥{al}: it may clear as cross-border e-commerce, taxed at the full goods rates{tax_en}, and counts toward the annual limit"),
            format!("本次交易完税价格 {amount}（货款（不扣除非现金抵扣）、运费和保费）超过单次 {tl} 元限额，但订单下仅一件商品且低于 {al} 元：可按跨境电商零售进口，按货物税率全额征税{tax_zh}，并计入年度限额"),
        );
    } else if one_item {
        out.add(
            &at,
            Some(&value),
            format!("the transaction's dutiable value, {amount}, is ¥{al} or more: over the limit even for an order that holds only one item"),
            format!("本次交易完税价格 {amount} 达到或超过 {al} 元：即使订单下仅一件商品也超过限额"),
        );
    } else {
        out.add(
            &at,
            Some(&value),
            format!("the transaction's dutiable value, {amount} (goods before non-cash deductions, delivery and insurance), is over the ¥{tl} cross-border e-commerce limit, and the order holds more than one item"),
            format!("本次交易完税价格 {amount}（货款（不扣除非现金抵扣）、运费和保费）超过跨境电商单次交易 {tl} 元限额，且订单不止一件商品"),
        );
    }
}

fn annual_limit(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let Some((_, period)) = i.context.tax_table().cbec_on(i.context.as_of()) else {
        return;
    };
    let Some(spent) = i.context.annual_spent() else {
        return;
    };
    let Some((_, amount)) = i.in_cny() else {
        return;
    };
    let Ok(spent) = spent.convert(Currency::CNY, i.context.rates()) else {
        return;
    };
    let Ok(total) = spent.checked_add(amount) else {
        return;
    };
    let (spent, total) = (shown(spent), shown(total));
    if total.amount() > period.annual_limit {
        let al = crate::tax::china::whole(period.annual_limit);
        out.add(
            &Loc::ROOT.field("items"),
            Some(&amount.amount().to_string()),
            format!("the buyer has spent {spent} this year; with this {amount} that is {total}, over the ¥{al} annual limit"),
            format!("购买人今年已消费 {spent}，加上本次 {amount} 共 {total}，超过年度 {al} 元限额"),
        );
    }
}

/// The parcel limit in force on the context's date (from the context's tax
/// table): ¥2,000 from anywhere from 2024-12-01, ¥1,000 or ¥800 from Hong
/// Kong, Macao or Taiwan before. A parcel that holds a single indivisible
/// article (the wording of 海关总署公告2010年第43号) is the warning rule's.
fn parcel_limit(i: &OrderInput<'_>, out: &mut Findings<'_>, single_item_rule: bool) {
    let Some((goods, _)) = i.in_cny() else {
        return;
    };
    let from = i
        .context
        .ship_from()
        .or_else(|| i.order.seller.as_ref().and_then(|s| s.country));
    let Some((_, rule)) = i
        .context
        .tax_table()
        .cc_parcel_limit_on(i.context.as_of(), from)
    else {
        return;
    };
    if goods.amount() <= rule.limit || holds_one_item(i.order) != single_item_rule {
        return;
    }
    let at = Loc::ROOT.field("items");
    let limit = crate::tax::china::whole(rule.limit);
    let source = &rule.source;
    let (where_en, where_zh) = if rule.from.is_empty() {
        (String::new(), String::new())
    } else {
        let places: Vec<String> = rule.from.iter().map(ToString::to_string).collect();
        (
            format!(" from {}", places.join(", ")),
            format!("（寄自 {}）", places.join("、")),
        )
    };
    if single_item_rule {
        out.add(
            &at,
            Some(&goods.amount().to_string()),
            format!("the parcel's goods, {goods}, are over the ¥{limit} limit of an inbound personal parcel{where_en} ({source}), but it holds a single indivisible article: it clears only if it is for personal use"),
            format!("包裹货值 {goods} 超过进境个人物品 {limit} 元限值{where_zh}（{source}），但仅有一件不可分割物品：仅在确属自用时可放行"),
        );
    } else {
        out.add(
            &at,
            Some(&goods.amount().to_string()),
            format!("the parcel's goods, {goods}, are over the ¥{limit} limit of an inbound personal parcel{where_en} ({source})"),
            format!("包裹货值 {goods} 超过进境个人物品 {limit} 元限值{where_zh}（{source}）"),
        );
    }
}

/// The declared tax against the computed one (`crate::tax`): the
/// findings of one kind, from the check made once for the three rules.
fn declared_tax(i: &OrderInput<'_>, out: &mut Findings<'_>, kind: DeclaredKind) {
    let items = Loc::ROOT.field("items");
    for d in i.declared().iter().filter(|d| d.kind == kind) {
        let (en, zh) = (d.en.as_str(), d.zh.as_str());
        match d.field {
            DeclaredField::Item(n) => {
                let item = items.index(n);
                out.add(&item.field("tax"), Some(&d.value), en, zh);
            }
            DeclaredField::ShippingTax => {
                out.add(&Loc::ROOT.field("shippingTax"), Some(&d.value), en, zh);
            }
            DeclaredField::ProductsTotalTax => {
                out.add(&Loc::ROOT.field("productsTotalTax"), Some(&d.value), en, zh);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_the_rules() {
        let cat = catalogue();
        assert_eq!(cat.len(), all().len());
        let mut codes: Vec<_> = cat.iter().map(|r| r.code().as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), cat.len(), "codes are unique");
        for r in cat {
            assert!(!r.source().is_empty() && !r.checks().is_empty());
        }
    }

    /// `sku.duplicate_number` on its own (gathering the numbers in its
    /// `check_product`) and in a `RuleSet`'s run (gathered block by block
    /// in its `check_skus`) finds the same repeats.
    #[test]
    fn duplicate_numbers_gathered_or_not() {
        use crate::declaration::{Context, RuleSet};
        let numbers: Vec<String> = (0..400)
            .map(|i| match i % 9 {
                0 => format!("R-{}", i % 7),
                1 => " R-3 ".to_owned(),
                2 => "LONG-PREFIX-ABCDEFG-1".to_owned(),
                3 => "LONG-PREFIX-ABCDEFG-2".to_owned(),
                4 => String::new(),
                _ => format!("U-{i}"),
            })
            .collect();
        let skus: Vec<String> = numbers
            .iter()
            .map(|n| format!(r#"{{"skuNumber":"{n}"}}"#))
            .collect();
        let w: crate::wire::Product =
            serde_json::from_str(&format!(r#"{{"skus":[{}]}}"#, skus.join(","))).unwrap();
        let product = crate::Product::from_wire(w).into_parts().0;
        let context = Context::new(chrono::NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
        let input = ProductInput::new(&product, &context);
        let pointers = |report: &crate::Report| -> Vec<String> {
            report
                .iter()
                .filter(|v| v.code() == &Code::SKU_DUPLICATE_NUMBER)
                .map(|v| v.pointer().as_str().to_owned())
                .collect()
        };
        let mut alone = crate::Report::new();
        SkuDuplicateNumber.check_product(
            &input,
            &mut Findings::new(
                &mut alone,
                &Code::SKU_DUPLICATE_NUMBER,
                crate::Severity::Error,
            ),
        );
        let mut run = crate::Report::new();
        RuleSet::standard().run_product(&input, &mut run);
        let expected: Vec<String> = (0..numbers.len())
            .filter(|&n| {
                let this = numbers[n].trim();
                !this.is_empty() && numbers[..n].iter().any(|m| m.trim() == this)
            })
            .map(|n| format!("/skus/{n}/skuNumber"))
            .collect();
        assert!(expected.len() > 150, "{}", expected.len());
        assert_eq!(pointers(&alone), expected);
        assert_eq!(pointers(&run), expected);
    }

    #[test]
    fn catalogue_dates_parse() {
        assert_eq!(catalogue_date(""), None);
        assert_eq!(
            catalogue_date("2019-01-01"),
            chrono::NaiveDate::from_ymd_opt(2019, 1, 1)
        );
        let date = |code: &str| {
            catalogue()
                .iter()
                .find(|r| r.code().as_str() == code)
                .and_then(RuleInfo::effective_from)
                .map(|d| d.to_string())
        };
        assert_eq!(date("limit.transaction").as_deref(), Some("2019-01-01"));
        assert_eq!(date("limit.parcel").as_deref(), Some("2010-09-01"));
        assert_eq!(date("identity.invalid").as_deref(), Some("2019-01-01"));
        assert_eq!(date("barcode.invalid"), None);
    }
}
