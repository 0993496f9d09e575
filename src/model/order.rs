//! The domain [`Order`], [`OrderItem`], [`Party`] and [`DeclarationResult`].

use iso_currency::Currency;

use super::convert::{Conv, wire_count, wire_money};
use super::product::convert_product;
use super::{Converted, Product};
use crate::wire::text::TrimFast;
use crate::wire::{self, Json, Number, Text};
use crate::{
    ClearanceMode, Code, Country, CustomsPort, DeclarationType, DocumentKind, Gender, Loc, Money,
    OrderType, Platform, Timestamp, api_currency_code,
};

/// An order (or payment) declaration in domain terms.
///
/// Built from the wire with [`Order::from_wire`], or directly with
/// [`Order::new`] and its public fields. Every amount is [`Money`] in the
/// order's [`currency`](Order::currency). Text fields are [`wire::Text`]
/// (short text in place, as in [`Product`]). Serializes back to the API's
/// JSON.
///
/// # Example
///
/// ```
/// use crossborder::{Currency, Order, OrderItem, Platform};
///
/// let mut order = Order::new(Currency::CNY);
/// order.order_id = Some("SO-1".into());
/// order.platform = Some(Platform::Douyin);
/// let mut item = OrderItem::new(Currency::CNY);
/// item.quantity = Some(2);
/// item.price = Some("59.90 CNY".parse()?);
/// order.items.push(item);
/// let json = serde_json::to_value(&order)?;
/// assert_eq!(json["platformName"], "douyin");
/// assert_eq!(json["items"][0]["price"], 59.9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Order {
    /// `orderId`: the order's reference in the ERP.
    pub order_id: Option<Text>,
    /// `clientOrderRef`: the order's reference on the platform.
    pub client_order_ref: Option<Text>,
    /// `clientParentOrderRef`.
    pub client_parent_order_ref: Option<Text>,
    /// `platformTransactionId`: the payment transaction id.
    pub platform_transaction_id: Option<Text>,
    /// `platformName` (required by the API; `None` when absent).
    pub platform: Option<Platform>,
    /// `isSubOrder`.
    pub is_sub_order: bool,
    /// `isDistributionOrder`.
    pub is_distribution_order: bool,
    /// `distributorName`.
    pub distributor_name: Option<Text>,
    /// `orderType`.
    pub order_type: OrderType,
    /// `items`, in document order.
    pub items: Vec<OrderItem>,
    /// `customer`: the buyer (recipient).
    pub customer: Option<Party>,
    /// `customerIdRef`.
    pub customer_id_ref: Option<Text>,
    /// `seller`.
    pub seller: Option<Party>,
    /// `payer`.
    pub payer: Option<Party>,
    /// `status`.
    pub status: Option<Text>,
    /// `trackingReference`.
    pub tracking_reference: Option<Text>,
    /// `destinationCode` (三段码).
    pub destination_code: Option<Text>,
    /// `nodeCode` (集包地).
    pub node_code: Option<Text>,
    /// `expressCompany`.
    pub express_company: Option<Text>,
    /// `expressType`: the clearance mode.
    pub express_type: Option<ClearanceMode>,
    /// `currency`.
    pub currency: Currency,
    /// `customsCode`: the customs port.
    pub customs_port: CustomsPort,
    /// `customsFilingId`.
    pub customs_filing_id: Option<Text>,
    /// `createdAt`.
    pub created_at: Option<Timestamp>,
    /// `updatedAt`.
    pub updated_at: Option<Timestamp>,
    /// `paidAt`.
    pub paid_at: Option<Timestamp>,
    /// `payMethod`.
    pub pay_method: Option<Text>,
    /// `payMerchantName`.
    pub pay_merchant_name: Option<Text>,
    /// `payAmount`: the amount finally paid.
    pub pay_amount: Option<Money>,
    /// `refundAmount` (0 by default).
    pub refund_amount: Money,
    /// `payId`.
    pub pay_id: Option<Text>,
    /// `paymentPayId`.
    pub payment_pay_id: Option<Text>,
    /// `payCustomsNo`.
    pub pay_customs_no: Option<Text>,
    /// `productsTotalTax`.
    pub products_total_tax: Option<Money>,
    /// `shippingCost`.
    pub shipping_cost: Option<Money>,
    /// `shippingTax`.
    pub shipping_tax: Option<Money>,
    /// `shippedDate`.
    pub shipped_date: Option<Timestamp>,
    /// `nonCashDeductionAmount`: paid with points, vouchers, virtual currency.
    pub non_cash_deduction_amount: Option<Money>,
    /// `insuranceFee`.
    pub insurance_fee: Option<Money>,
    /// `customerNote`.
    pub customer_note: Option<Text>,
    /// `deliverySlipUrl`.
    pub delivery_slip_url: Option<Text>,
    /// `campaignTrackingData`, kept as it came.
    pub campaign_tracking_data: Option<Json>,
    /// `discountCode`.
    pub discount_code: Option<Text>,
}

/// A line of an [`Order`]. Its amounts are in the order's currency; its
/// product's amounts in the product's own.
///
/// # Example
///
/// ```
/// use crossborder::{Currency, OrderItem};
/// let mut item = OrderItem::new(Currency::CNY);
/// item.quantity = Some(1);
/// assert!(item.refund_amount.is_zero());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct OrderItem {
    /// `itemId`.
    pub item_id: Option<Text>,
    /// `product`.
    pub product: Option<Box<Product>>,
    /// `quantity`.
    pub quantity: Option<u32>,
    /// `price`: unit price actually charged.
    pub price: Option<Money>,
    /// `discount`: unit discount.
    pub discount: Option<Money>,
    /// `tax`: tax of this line.
    pub tax: Option<Money>,
    /// `distributorName`.
    pub distributor_name: Option<Text>,
    /// `distributorId`.
    pub distributor_id: Option<Text>,
    /// `refundAmount` (0 by default).
    pub refund_amount: Money,
}

/// A party of an order: the customer, the seller or the payer (the API's
/// `Address`).
///
/// `tin` stays text: it is a PRC resident identity number only for Chinese
/// buyers in BC/BBC declarations, where the `identity.invalid` rule checks it
/// with [`crate::ResidentId`]; a seller's or a foreign party's tax id has
/// other forms.
///
/// # Example
///
/// ```
/// use crossborder::{Country, Party};
/// let mut buyer = Party::default();
/// buyer.first_name = Some("小明".into());
/// buyer.country = Some(Country::CN);
/// assert_eq!(buyer.to_wire().country.as_deref(), Some("CN"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Party {
    /// `firstName`.
    pub first_name: Option<Text>,
    /// `lastName`.
    pub last_name: Option<Text>,
    /// `address1`.
    pub address1: Option<Text>,
    /// `address2`.
    pub address2: Option<Text>,
    /// `city`.
    pub city: Option<Text>,
    /// `state`.
    pub state: Option<Text>,
    /// `country`.
    pub country: Option<Country>,
    /// `zip`.
    pub zip: Option<Text>,
    /// `tin`: taxpayer id; for Chinese buyers the resident identity number.
    pub tin: Option<Text>,
    /// `phone`.
    pub phone: Option<Text>,
    /// `countryCode`.
    pub country_code: Option<Text>,
    /// `email`.
    pub email: Option<Text>,
    /// `age`.
    pub age: Option<u32>,
    /// `gender`.
    pub gender: Option<Gender>,
    /// `chineseId` (deprecated by the API: use `tin`).
    pub chinese_id: Option<Text>,
}

impl Party {
    /// The identity number: `tin`, or the deprecated `chineseId` when `tin` is
    /// absent or blank.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = crossborder::Party::default();
    /// p.tin = Some(" ".into());
    /// p.chinese_id = Some("11010519491231002X".into());
    /// assert_eq!(p.identity_number(), Some("11010519491231002X"));
    /// ```
    pub fn identity_number(&self) -> Option<&str> {
        fn given(s: &Option<Text>) -> Option<&str> {
            s.as_deref().filter(|s| !s.trim_fast().is_empty())
        }
        given(&self.tin).or_else(|| given(&self.chinese_id))
    }

    /// The wire form.
    ///
    /// # Example
    ///
    /// ```
    /// let mut p = crossborder::Party::default();
    /// p.age = Some(30);
    /// assert_eq!(p.to_wire().age.map(|n| n.to_string()), Some("30".into()));
    /// ```
    // Field by field, in document order.
    #[allow(clippy::field_reassign_with_default)]
    pub fn to_wire(&self) -> wire::Address {
        let mut a = wire::Address::default();
        a.first_name = self.first_name.clone();
        a.last_name = self.last_name.clone();
        a.address1 = self.address1.clone();
        a.address2 = self.address2.clone();
        a.city = self.city.clone();
        a.state = self.state.clone();
        a.country = self.country.map(|c| Text::from(c.to_string()));
        a.zip = self.zip.clone();
        a.tin = self.tin.clone();
        a.phone = self.phone.clone();
        a.country_code = self.country_code.clone();
        a.email = self.email.clone();
        a.age = wire_count(self.age);
        a.gender = self.gender.map(|g| Text::new(g.as_str()));
        a.chinese_id = self.chinese_id.clone();
        a
    }
}

fn convert_party(conv: &mut Conv, loc: &Loc<'_>, w: &mut wire::Address) -> Party {
    let f = |name| loc.field(name);
    Party {
        country: conv.country(&f("country"), w.country.as_ref()),
        age: conv.count(&f("age"), w.age.as_ref()),
        gender: conv.optional_enum(&f("gender"), w.gender.as_ref(), Code::GENDER_UNKNOWN),
        first_name: w.first_name.take(),
        last_name: w.last_name.take(),
        address1: w.address1.take(),
        address2: w.address2.take(),
        city: w.city.take(),
        state: w.state.take(),
        zip: w.zip.take(),
        tin: w.tin.take(),
        phone: w.phone.take(),
        country_code: w.country_code.take(),
        email: w.email.take(),
        chinese_id: w.chinese_id.take(),
    }
}

impl OrderItem {
    /// A line with nothing set but the API's defaults (refund 0 in `currency`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, OrderItem};
    /// assert_eq!(OrderItem::new(Currency::USD).refund_amount.currency(), Currency::USD);
    /// ```
    pub fn new(currency: Currency) -> OrderItem {
        OrderItem {
            item_id: None,
            product: None,
            quantity: None,
            price: None,
            discount: None,
            tax: None,
            distributor_name: None,
            distributor_id: None,
            refund_amount: Money::zero(currency),
        }
    }

    /// The wire form.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, OrderItem};
    /// let mut item = OrderItem::new(Currency::CNY);
    /// item.quantity = Some(2);
    /// assert_eq!(item.to_wire().quantity.map(|n| n.to_string()), Some("2".into()));
    /// ```
    // Field by field, in document order.
    #[allow(clippy::field_reassign_with_default)]
    pub fn to_wire(&self) -> wire::OrderItem {
        let mut i = wire::OrderItem::default();
        i.item_id = self.item_id.clone();
        i.product = self.product.as_ref().map(|p| Box::new(p.to_wire()));
        i.quantity = wire_count(self.quantity);
        i.price = wire_money(self.price.as_ref());
        i.discount = wire_money(self.discount.as_ref());
        i.tax = wire_money(self.tax.as_ref());
        i.distributor_name = self.distributor_name.clone();
        i.distributor_id = self.distributor_id.clone();
        i.refund_amount = Number::from_decimal(self.refund_amount.amount());
        i
    }
}

fn convert_item(
    conv: &mut Conv,
    loc: &Loc<'_>,
    mut w: wire::OrderItem,
    currency: Option<Currency>,
) -> OrderItem {
    let f = |name| loc.field(name);
    let money =
        |conv: &mut Conv, name, raw: &Option<Number>| conv.money(&f(name), raw.as_ref(), currency);
    let product_loc = f("product");
    OrderItem {
        product: w
            .product
            .as_deref_mut()
            .map(|p| Box::new(convert_product(conv, &product_loc, p))),
        quantity: conv.count(&f("quantity"), w.quantity.as_ref()),
        price: money(conv, "price", &w.price),
        discount: money(conv, "discount", &w.discount),
        tax: money(conv, "tax", &w.tax),
        refund_amount: conv
            .money(&f("refundAmount"), Some(&w.refund_amount), currency)
            .unwrap_or(Money::zero(currency.unwrap_or(Currency::CNY))),
        item_id: w.item_id,
        distributor_name: w.distributor_name,
        distributor_id: w.distributor_id,
    }
}

impl Order {
    /// An order with nothing set but the currency and the API's defaults
    /// (type `DEFAULT`, customs port `SH`, refund 0).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, CustomsPort, Order, OrderType};
    /// let o = Order::new(Currency::CNY);
    /// assert_eq!(o.customs_port, CustomsPort::Sh);
    /// assert_eq!(o.order_type, OrderType::Default);
    /// ```
    pub fn new(currency: Currency) -> Order {
        Order {
            order_id: None,
            client_order_ref: None,
            client_parent_order_ref: None,
            platform_transaction_id: None,
            platform: None,
            is_sub_order: false,
            is_distribution_order: false,
            distributor_name: None,
            order_type: OrderType::Default,
            items: Vec::new(),
            customer: None,
            customer_id_ref: None,
            seller: None,
            payer: None,
            status: None,
            tracking_reference: None,
            destination_code: None,
            node_code: None,
            express_company: None,
            express_type: None,
            currency,
            customs_port: CustomsPort::Sh,
            customs_filing_id: None,
            created_at: None,
            updated_at: None,
            paid_at: None,
            pay_method: None,
            pay_merchant_name: None,
            pay_amount: None,
            refund_amount: Money::zero(currency),
            pay_id: None,
            payment_pay_id: None,
            pay_customs_no: None,
            products_total_tax: None,
            shipping_cost: None,
            shipping_tax: None,
            shipped_date: None,
            non_cash_deduction_amount: None,
            insurance_fee: None,
            customer_note: None,
            delivery_slip_url: None,
            campaign_tracking_data: None,
            discount_code: None,
        }
    }

    /// Converts a wire order, collecting every format problem at its JSON
    /// Pointer (`/items/0/product/hsCode`, `/paidAt`, ...), in document order.
    /// A bad value is reported and then treated as absent.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{wire, Order};
    ///
    /// let w: wire::Order = serde_json::from_str(
    ///     r#"{"platformName":"temu","items":[{"quantity":1.5,"product":{"hsCode":"7701.10"}}],"paidAt":"yesterday"}"#,
    /// )?;
    /// let converted = Order::from_wire(w);
    /// let found: Vec<_> = converted.report().iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
    /// assert_eq!(found, [
    ///     ("platform.unknown", "/platformName"),
    ///     ("hs_code.invalid", "/items/0/product/hsCode"),
    ///     ("number.not_integer", "/items/0/quantity"),
    ///     ("timestamp.invalid", "/paidAt"),
    /// ]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_wire(mut wire: wire::Order) -> Converted<Order> {
        Order::from_wire_in(&mut wire)
    }

    /// [`Order::from_wire`] on a wire order left in place (its texts and
    /// lists taken, the rest dropped by the caller), so that the validator
    /// does not move the wire order once more.
    pub(crate) fn from_wire_in(wire: &mut wire::Order) -> Converted<Order> {
        let mut conv = Conv::default();
        let order = convert_order(&mut conv, &Loc::ROOT, wire);
        let mut report = std::mem::take(&mut conv.report);
        report.sort_document_order(DocumentKind::Order);
        Converted::with_dropped(order, report, conv.dropped)
    }

    /// The wire form of this order, as the customs API expects it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, Order};
    /// let w = Order::new(Currency::CNY).to_wire();
    /// assert_eq!(w.currency, "RMB");
    /// assert_eq!(w.customs_code, "SH");
    /// ```
    // Field by field, in document order.
    #[allow(clippy::field_reassign_with_default)]
    pub fn to_wire(&self) -> wire::Order {
        let mut o = wire::Order::default();
        o.order_id = self.order_id.clone();
        o.client_order_ref = self.client_order_ref.clone();
        o.client_parent_order_ref = self.client_parent_order_ref.clone();
        o.platform_transaction_id = self.platform_transaction_id.clone();
        o.platform_name = self.platform.map(|p| Text::new(p.as_str()));
        o.is_sub_order = self.is_sub_order;
        o.is_distribution_order = self.is_distribution_order;
        o.distributor_name = self.distributor_name.clone();
        o.order_type = Text::new(self.order_type.as_str());
        o.items =
            (!self.items.is_empty()).then(|| self.items.iter().map(OrderItem::to_wire).collect());
        o.customer = self.customer.as_ref().map(Party::to_wire);
        o.customer_id_ref = self.customer_id_ref.clone();
        o.seller = self.seller.as_ref().map(Party::to_wire);
        o.payer = self.payer.as_ref().map(Party::to_wire);
        o.status = self.status.clone();
        o.tracking_reference = self.tracking_reference.clone();
        o.destination_code = self.destination_code.clone();
        o.node_code = self.node_code.clone();
        o.express_company = self.express_company.clone();
        o.express_type = self.express_type.map(|m| Text::new(m.as_str()));
        o.currency = Text::new(api_currency_code(self.currency));
        o.customs_code = Text::new(self.customs_port.as_str());
        o.customs_filing_id = self.customs_filing_id.clone();
        o.created_at = self.created_at.map(|t| Text::from(t.to_string()));
        o.updated_at = self.updated_at.map(|t| Text::from(t.to_string()));
        o.paid_at = self.paid_at.map(|t| Text::from(t.to_string()));
        o.pay_method = self.pay_method.clone();
        o.pay_merchant_name = self.pay_merchant_name.clone();
        o.pay_amount = wire_money(self.pay_amount.as_ref());
        o.refund_amount = Number::from_decimal(self.refund_amount.amount());
        o.pay_id = self.pay_id.clone();
        o.payment_pay_id = self.payment_pay_id.clone();
        o.pay_customs_no = self.pay_customs_no.clone();
        o.products_total_tax = wire_money(self.products_total_tax.as_ref());
        o.shipping_cost = wire_money(self.shipping_cost.as_ref());
        o.shipping_tax = wire_money(self.shipping_tax.as_ref());
        o.shipped_date = self.shipped_date.map(|t| Text::from(t.to_string()));
        o.non_cash_deduction_amount = wire_money(self.non_cash_deduction_amount.as_ref());
        o.insurance_fee = wire_money(self.insurance_fee.as_ref());
        o.customer_note = self.customer_note.clone();
        o.delivery_slip_url = self.delivery_slip_url.clone();
        o.campaign_tracking_data
            .clone_from(&self.campaign_tracking_data);
        o.discount_code = self.discount_code.clone();
        o
    }
}

fn convert_order(conv: &mut Conv, loc: &Loc<'_>, w: &mut wire::Order) -> Order {
    let f = |name| loc.field(name);
    let currency = conv.currency(&f("currency"), &w.currency);
    let money =
        |conv: &mut Conv, name, raw: &Option<Number>| conv.money(&f(name), raw.as_ref(), currency);
    let items_loc = f("items");
    let items = w
        .items
        .take()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, item)| convert_item(conv, &items_loc.index(i), item, currency))
        .collect();
    let party = |conv: &mut Conv, name, raw: &mut Option<wire::Address>| {
        raw.as_mut().map(|a| convert_party(conv, &f(name), a))
    };
    Order {
        platform: conv.optional_enum(
            &f("platformName"),
            w.platform_name.as_ref(),
            Code::PLATFORM_UNKNOWN,
        ),
        order_type: conv
            .required_enum(&f("orderType"), &w.order_type, Code::ORDER_TYPE_UNKNOWN)
            .unwrap_or_default(),
        items,
        customer: party(conv, "customer", &mut w.customer),
        seller: party(conv, "seller", &mut w.seller),
        payer: party(conv, "payer", &mut w.payer),
        express_type: conv.optional_enum(
            &f("expressType"),
            w.express_type.as_ref(),
            Code::CLEARANCE_MODE_UNKNOWN,
        ),
        currency: currency.unwrap_or(Currency::CNY),
        customs_port: conv
            .required_enum(
                &f("customsCode"),
                &w.customs_code,
                Code::CUSTOMS_PORT_UNKNOWN,
            )
            .unwrap_or_default(),
        created_at: conv.timestamp(&f("createdAt"), w.created_at.as_ref()),
        updated_at: conv.timestamp(&f("updatedAt"), w.updated_at.as_ref()),
        paid_at: conv.timestamp(&f("paidAt"), w.paid_at.as_ref()),
        pay_amount: money(conv, "payAmount", &w.pay_amount),
        refund_amount: conv
            .money(&f("refundAmount"), Some(&w.refund_amount), currency)
            .unwrap_or(Money::zero(currency.unwrap_or(Currency::CNY))),
        products_total_tax: money(conv, "productsTotalTax", &w.products_total_tax),
        shipping_cost: money(conv, "shippingCost", &w.shipping_cost),
        shipping_tax: money(conv, "shippingTax", &w.shipping_tax),
        shipped_date: conv.timestamp(&f("shippedDate"), w.shipped_date.as_ref()),
        non_cash_deduction_amount: money(
            conv,
            "nonCashDeductionAmount",
            &w.non_cash_deduction_amount,
        ),
        insurance_fee: money(conv, "insuranceFee", &w.insurance_fee),
        order_id: w.order_id.take(),
        client_order_ref: w.client_order_ref.take(),
        client_parent_order_ref: w.client_parent_order_ref.take(),
        platform_transaction_id: w.platform_transaction_id.take(),
        is_sub_order: w.is_sub_order,
        is_distribution_order: w.is_distribution_order,
        distributor_name: w.distributor_name.take(),
        customer_id_ref: w.customer_id_ref.take(),
        status: w.status.take(),
        tracking_reference: w.tracking_reference.take(),
        destination_code: w.destination_code.take(),
        node_code: w.node_code.take(),
        express_company: w.express_company.take(),
        customs_filing_id: w.customs_filing_id.take(),
        pay_method: w.pay_method.take(),
        pay_merchant_name: w.pay_merchant_name.take(),
        pay_id: w.pay_id.take(),
        payment_pay_id: w.payment_pay_id.take(),
        pay_customs_no: w.pay_customs_no.take(),
        customer_note: w.customer_note.take(),
        delivery_slip_url: w.delivery_slip_url.take(),
        campaign_tracking_data: w.campaign_tracking_data.take(),
        discount_code: w.discount_code.take(),
    }
}

/// The result of a declaration, as customs reports it through the callback
/// `POST /customs/{store}`.
///
/// # Example
///
/// ```
/// use crossborder::{wire, CustomsPort, DeclarationResult, DeclarationType};
///
/// let w: wire::DeclarationResult = serde_json::from_str(
///     r#"{"region":"HZ","declarationType":"product","declarationNumber":"DN123","product_sku_number":"A-1"}"#,
/// )?;
/// let result = DeclarationResult::from_wire(w).into_result().unwrap();
/// assert_eq!(result.region, Some(CustomsPort::Hz));
/// assert_eq!(result.declaration_type, Some(DeclarationType::Product));
/// assert!(result.succeeded());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeclarationResult {
    /// `region`: the customs port.
    pub region: Option<CustomsPort>,
    /// `declarationType`.
    pub declaration_type: Option<DeclarationType>,
    /// `declarationNumber`: given by customs when the filing succeeds.
    pub declaration_number: Option<Text>,
    /// `clientOrderRef`.
    pub client_order_ref: Option<Text>,
    /// `orderId`.
    pub order_id: Option<Text>,
    /// `product_sku_number`.
    pub product_sku_number: Option<Text>,
    /// `product_barcode`.
    pub product_barcode: Option<Text>,
    /// `origMessage`: customs' own message.
    pub orig_message: Option<Text>,
    /// `isRegsitered` (sic): already registered.
    pub is_registered: Option<bool>,
}

impl DeclarationResult {
    /// Reads the callback body, reporting an unknown region or declaration
    /// type at its pointer.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{wire, DeclarationResult};
    /// let w: wire::DeclarationResult = serde_json::from_str(r#"{"region":"BJ"}"#)?;
    /// let c = DeclarationResult::from_wire(w);
    /// assert_eq!(c.report().iter().next().map(|v| v.pointer().as_str()), Some("/region"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_wire(w: wire::DeclarationResult) -> Converted<DeclarationResult> {
        let mut conv = Conv::default();
        let root = Loc::ROOT;
        let value = DeclarationResult {
            region: conv.optional_enum(
                &root.field("region"),
                w.region.as_ref(),
                Code::CUSTOMS_PORT_UNKNOWN,
            ),
            declaration_type: conv.optional_enum(
                &root.field("declarationType"),
                w.declaration_type.as_ref(),
                Code::DECLARATION_TYPE_UNKNOWN,
            ),
            declaration_number: w.declaration_number,
            client_order_ref: w.client_order_ref,
            order_id: w.order_id,
            product_sku_number: w.product_sku_number,
            product_barcode: w.product_barcode,
            orig_message: w.orig_message,
            is_registered: w.is_regsitered,
        };
        Converted::new(value, conv.report)
    }

    /// Whether customs accepted the filing: a declaration number was given.
    ///
    /// # Example
    ///
    /// ```
    /// let mut r = crossborder::DeclarationResult::default();
    /// assert!(!r.succeeded());
    /// r.declaration_number = Some("DN1".into());
    /// assert!(r.succeeded());
    /// ```
    pub fn succeeded(&self) -> bool {
        self.declaration_number
            .as_deref()
            .is_some_and(|n| !n.trim().is_empty())
    }

    /// The wire form.
    ///
    /// # Example
    ///
    /// ```
    /// let mut r = crossborder::DeclarationResult::default();
    /// r.is_registered = Some(true);
    /// assert_eq!(r.to_wire().is_regsitered, Some(true));
    /// ```
    pub fn to_wire(&self) -> wire::DeclarationResult {
        wire::DeclarationResult {
            region: self.region.map(|r| Text::new(r.as_str())),
            declaration_type: self.declaration_type.map(|t| Text::new(t.as_str())),
            declaration_number: self.declaration_number.clone(),
            client_order_ref: self.client_order_ref.clone(),
            order_id: self.order_id.clone(),
            product_sku_number: self.product_sku_number.clone(),
            product_barcode: self.product_barcode.clone(),
            orig_message: self.orig_message.clone(),
            is_regsitered: self.is_registered,
        }
    }
}
