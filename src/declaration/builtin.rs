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
use crate::{
    ClearanceMode, Code, Country, Currency, CustomsUnit, Gtin, Loc, Money, Order, ResidentId,
    Weight, minor_unit,
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
        product: Some(customs_units),
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
        checks: "the person who orders is the person who pays: the payer's identity number is the customer's",
        source: "商财发〔2018〕486号 (订购人与支付人一致)",
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
        checks: "one transaction (goods, delivery and insurance) is at most ¥5,000, unless it is a single indivisible item below ¥26,000",
        source: "财关税〔2018〕49号; dutiable value of 财关税〔2016〕18号",
        product: None,
        order: Some(|i, out| transaction_limit(i, out, false)),
    }
    LimitTransactionSingleItem / LIMIT_TRANSACTION_SINGLE_ITEM {
        code: "limit.transaction_single_item",
        severity: Warning,
        scope: Orders,
        modes: [BC, BBC],
        since: "2019-01-01",
        checks: "a single indivisible item over ¥5,000 but below ¥26,000 may still clear as cross-border e-commerce, but at the full general-trade tax and counting toward the annual limit",
        source: "财关税〔2018〕49号",
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
        checks: "a personal parcel's goods are worth at most ¥1,000 (¥800 from Hong Kong, Macao or Taiwan), unless it is a single indivisible item",
        source: "海关总署公告2010年第43号",
        product: None,
        order: Some(|i, out| parcel_limit(i, out, false)),
    }
    LimitParcelSingleItem / LIMIT_PARCEL_SINGLE_ITEM {
        code: "limit.parcel_single_item",
        severity: Warning,
        scope: Orders,
        modes: [CC],
        since: "2010-09-01",
        checks: "a single indivisible item over the parcel limit may clear if it is for personal use",
        source: "海关总署公告2010年第43号",
        product: None,
        order: Some(|i, out| parcel_limit(i, out, true)),
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

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn not_positive_money(m: Option<&Money>) -> bool {
    m.is_some_and(|m| m.amount() <= Decimal::ZERO)
}

// ---------- product rules ----------

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
    let item_price = i.item.is_some_and(|it| it.price.is_some());
    let skus = at.field("skus");
    if p.price.is_none() && !item_price {
        if p.skus.is_empty() {
            missing(out, at, "price");
        }
        for (n, sku) in p.skus.iter().enumerate() {
            if sku.price.is_none() {
                missing(out, &skus.index(n), "price");
            }
        }
    }
    for (field, product_weight, sku_weight) in [
        (
            "netWeight",
            p.net_weight,
            (|s: &crate::Sku| s.net_weight) as fn(&crate::Sku) -> Option<Weight>,
        ),
        ("grossWeight", p.gross_weight, |s: &crate::Sku| {
            s.gross_weight
        }),
    ] {
        if product_weight.is_some() {
            continue;
        }
        if p.skus.is_empty() {
            missing(out, at, field);
        }
        for (n, sku) in p.skus.iter().enumerate() {
            if sku_weight(sku).is_none() {
                missing(out, &skus.index(n), field);
            }
        }
    }
    if i.mode == Some(ClearanceMode::Cc) && blank(&p.personal_postal_articles_tax) {
        missing(out, at, "personalPostalArticlesTax");
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
        ("price", p.price),
        ("rrp", p.rrp),
        ("groupBuyingPrice", p.group_buying_price),
        ("shippingCost", p.shipping_cost),
        ("discount", p.discount),
    ] {
        other_currency(out, &i.at.field(field), m.as_ref(), p.currency, whose);
    }
    let skus = i.at.field("skus");
    for (n, sku) in p.skus.iter().enumerate() {
        let at = skus.index(n);
        for (field, m) in [
            ("price", sku.price),
            ("rrp", sku.rrp),
            ("groupBuyingPrice", sku.group_buying_price),
            ("cost", Some(sku.cost)),
            ("shippingCost", sku.shipping_cost),
        ] {
            other_currency(out, &at.field(field), m.as_ref(), p.currency, whose);
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
            ("price", item.price),
            ("discount", item.discount),
            ("tax", item.tax),
            ("refundAmount", Some(item.refund_amount)),
        ] {
            other_currency(out, &at.field(field), m.as_ref(), o.currency, whose);
        }
    }
    for (field, m) in [
        ("payAmount", o.pay_amount),
        ("refundAmount", Some(o.refund_amount)),
        ("productsTotalTax", o.products_total_tax),
        ("shippingCost", o.shipping_cost),
        ("shippingTax", o.shipping_tax),
        ("nonCashDeductionAmount", o.non_cash_deduction_amount),
        ("insuranceFee", o.insurance_fee),
    ] {
        other_currency(out, &root.field(field), m.as_ref(), o.currency, whose);
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
    let result = hs::check(code, edition);
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
        .map(|s| s.trim())
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
            en.push_str(&format!("; by its name {name:?}, consider: {list}"));
            zh.push_str(&format!("；按商品名称 {name:?} 检索，可考虑：{list}"));
        }
    }
    out.add(&i.at.field("hsCode"), Some(code.as_str()), en, zh);
}

fn net_exceeds_gross(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    let report = |out: &mut Findings<'_>, at: &Loc<'_>, net: Weight, gross: Weight| {
        out.add(
            at,
            Some(&net.value().to_string()),
            format!("net weight {net} is above gross weight {gross}"),
            format!("净重 {net} 大于毛重 {gross}"),
        );
    };
    if let (Some(net), Some(gross)) = (p.net_weight, p.gross_weight)
        && net > gross
    {
        report(out, &i.at.field("netWeight"), net, gross);
    }
    let skus = i.at.field("skus");
    for (n, sku) in p.skus.iter().enumerate() {
        let (Some(net), Some(gross)) = (sku.net_weight, sku.gross_weight) else {
            continue;
        };
        // Both inherited: already reported on the product.
        if net > gross && !(sku.net_is_inherited() && sku.gross_is_inherited()) {
            let at = skus.index(n);
            let field = if sku.net_is_inherited() {
                "grossWeight"
            } else {
                "netWeight"
            };
            report(out, &at.field(field), net, gross);
        }
    }
}

fn weight_not_positive(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    let zero = |out: &mut Findings<'_>, at: &Loc<'_>, w: Option<Weight>| {
        if let Some(w) = w.filter(Weight::is_zero) {
            out.add(
                at,
                Some(&w.value().to_string()),
                "a weight must be above zero",
                "重量必须大于零",
            );
        }
    };
    zero(out, &i.at.field("netWeight"), p.net_weight);
    zero(out, &i.at.field("grossWeight"), p.gross_weight);
    let skus = i.at.field("skus");
    for (n, sku) in p.skus.iter().enumerate() {
        let at = skus.index(n);
        if !sku.net_is_inherited() {
            zero(out, &at.field("netWeight"), sku.net_weight);
        }
        if !sku.gross_is_inherited() {
            zero(out, &at.field("grossWeight"), sku.gross_weight);
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
    let skus = i.at.field("skus");
    for (n, sku) in p.skus.iter().enumerate() {
        let at = skus.index(n);
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
    for (n, sku) in skus.iter().enumerate() {
        let Some(number) = sku
            .sku_number
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            continue;
        };
        let first = skus[..n]
            .iter()
            .position(|s| s.sku_number.as_deref().map(str::trim) == Some(number));
        if let Some(first) = first {
            let at = at_skus.index(n);
            out.add(
                &at.field("skuNumber"),
                Some(number),
                format!(
                    "SKU number {number:?} is already used at {}",
                    at_skus.index(first).pointer()
                ),
                format!(
                    "SKU 编号 {number:?} 与 {} 重复",
                    at_skus.index(first).pointer()
                ),
            );
        }
    }
}

fn barcode(out: &mut Findings<'_>, at: &Loc<'_>, code: &Option<String>) {
    let Some(text) = code.as_deref().filter(|s| !s.trim().is_empty()) else {
        return;
    };
    if let Err(e) = Gtin::parse(text) {
        out.add(at, Some(text), e.to_string(), e.message_zh());
    }
}

fn barcodes(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let p = i.product;
    barcode(out, &i.at.field("barcode"), &p.barcode);
    let skus = i.at.field("skus");
    for (n, sku) in p.skus.iter().enumerate() {
        barcode(out, &skus.index(n).field("barcode"), &sku.barcode);
    }
    let components = i.at.field("components");
    for (n, c) in p.components.iter().enumerate() {
        barcode(out, &components.index(n).field("barcode"), &c.barcode);
    }
}

fn customs_units(i: &ProductInput<'_>, out: &mut Findings<'_>) {
    let skus = i.at.field("skus");
    for (n, sku) in i.product.skus.iter().enumerate() {
        let at = skus.index(n);
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
            let Some(text) = value.filter(|s| !s.trim().is_empty()) else {
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
    for (field, party) in [("customer", &i.order.customer), ("payer", &i.order.payer)] {
        let Some(party) = party else {
            continue;
        };
        let (id_field, value) = match (&party.tin, &party.chinese_id) {
            (Some(tin), _) if !tin.trim().is_empty() => ("tin", tin),
            (_, Some(id)) if !id.trim().is_empty() => ("chineseId", id),
            _ => continue,
        };
        if let Err(e) = ResidentId::parse(value) {
            let at = Loc::ROOT.field(field);
            out.add(
                &at.field(id_field),
                Some(value),
                e.to_string(),
                e.message_zh(),
            );
        }
    }
}

fn payer_mismatch(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let (Some(customer), Some(payer)) = (&i.order.customer, &i.order.payer) else {
        return;
    };
    let (Some(c), Some(p)) = (customer.identity_number(), payer.identity_number()) else {
        return;
    };
    if !c.trim().eq_ignore_ascii_case(p.trim()) {
        let field = if payer.tin.as_deref().is_some_and(|t| !t.trim().is_empty()) {
            "tin"
        } else {
            "chineseId"
        };
        let at = Loc::ROOT.field("payer");
        out.add(
            &at.field(field),
            Some(p),
            "the payer is not the customer: cross-border e-commerce imports must be paid by the person who orders",
            "支付人与订购人不一致：跨境电商零售进口须由订购人本人支付",
        );
    }
}

/// The order's goods, and its transaction value (goods, delivery and
/// insurance: the retail price, freight and insurance that 财关税〔2016〕18号
/// makes the dutiable value), in CNY; `None` when that cannot be known
/// (missing lines, missing rate, overflow).
fn in_cny(i: &OrderInput<'_>) -> Option<(Money, Money)> {
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

fn single_indivisible(o: &Order) -> bool {
    o.items.len() == 1 && o.items[0].quantity == Some(1)
}

fn cny(amount: i64) -> Money {
    Money::new(Decimal::from(amount), Currency::CNY)
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

/// The ¥5,000 limit on one transaction, and its exception: one indivisible
/// item over ¥5,000 but below the ¥26,000 annual limit may still clear as
/// cross-border e-commerce, taxed in full (财关税〔2018〕49号). The error rule
/// reports every other transaction over ¥5,000, a single item of ¥26,000 or
/// more included; the warning rule reports the exception.
fn transaction_limit(i: &OrderInput<'_>, out: &mut Findings<'_>, single_item_rule: bool) {
    let Some((_, amount)) = in_cny(i) else {
        return;
    };
    if amount.amount() <= cny(5000).amount() {
        return;
    }
    let excepted = single_indivisible(i.order) && amount.amount() < cny(26000).amount();
    if excepted != single_item_rule {
        return;
    }
    let at = Loc::ROOT.field("items");
    let value = amount.amount().to_string();
    if single_item_rule {
        out.add(
            &at,
            Some(&value),
            format!("the transaction, {amount} with delivery and insurance, is over the ¥5,000 limit but is a single indivisible item below ¥26,000: it may clear, taxed at the full general-trade rates, and counts toward the annual limit"),
            format!("本次交易含运费和保费 {amount}，超过单次 5000 元限额，但为低于 26000 元的单件不可分割商品：可以进口，按货物税率全额征税，并计入年度限额"),
        );
    } else if single_indivisible(i.order) {
        out.add(
            &at,
            Some(&value),
            format!("the transaction, {amount} with delivery and insurance, is a single item of ¥26,000 or more: over the limit even for one indivisible item"),
            format!("本次交易含运费和保费 {amount}，为 26000 元及以上的单件商品：即使单件不可分割也超过限额"),
        );
    } else {
        out.add(
            &at,
            Some(&value),
            format!("the transaction, {amount} with delivery and insurance, is over the ¥5,000 cross-border e-commerce limit"),
            format!("本次交易含运费和保费 {amount}，超过跨境电商单次交易 5000 元限额"),
        );
    }
}

fn annual_limit(i: &OrderInput<'_>, out: &mut Findings<'_>) {
    let Some(spent) = i.context.annual_spent() else {
        return;
    };
    let Some((_, amount)) = in_cny(i) else {
        return;
    };
    let Ok(spent) = spent.convert(Currency::CNY, i.context.rates()) else {
        return;
    };
    let Ok(total) = spent.checked_add(amount) else {
        return;
    };
    let (spent, total) = (shown(spent), shown(total));
    if total.amount() > cny(26000).amount() {
        out.add(
            &Loc::ROOT.field("items"),
            Some(&amount.amount().to_string()),
            format!("the buyer has spent {spent} this year; with this {amount} that is {total}, over the ¥26,000 annual limit"),
            format!("购买人今年已消费 {spent}，加上本次 {amount} 共 {total}，超过年度 26000 元限额"),
        );
    }
}

fn parcel_limit(i: &OrderInput<'_>, out: &mut Findings<'_>, single_item_rule: bool) {
    let Some((goods, _)) = in_cny(i) else {
        return;
    };
    let from = i
        .context
        .ship_from()
        .or_else(|| i.order.seller.as_ref().and_then(|s| s.country));
    let hmt = matches!(from, Some(Country::HK | Country::MO | Country::TW));
    let limit = cny(if hmt { 800 } else { 1000 });
    if goods.amount() <= limit.amount() || single_indivisible(i.order) != single_item_rule {
        return;
    }
    let at = Loc::ROOT.field("items");
    let (where_en, where_zh) = if hmt {
        (" from Hong Kong, Macao or Taiwan", "（自港澳台寄出）")
    } else {
        ("", "")
    };
    if single_item_rule {
        out.add(
            &at,
            Some(&goods.amount().to_string()),
            format!("the parcel's goods, {goods}, are over the {limit} limit{where_en}, but it is a single indivisible item: it clears only if it is for personal use"),
            format!("包裹货值 {goods} 超过 {limit} 限额{where_zh}，但为单件不可分割物品：仅在确属自用时可放行"),
        );
    } else {
        out.add(
            &at,
            Some(&goods.amount().to_string()),
            format!("the parcel's goods, {goods}, are over the {limit} limit for personal parcels{where_en}"),
            format!("包裹货值 {goods} 超过个人物品 {limit} 限额{where_zh}"),
        );
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
