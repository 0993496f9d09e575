//! Serde structs of the customs API, written by hand from the API's field
//! tables (names, order, defaults, meaning). Fields are in the order of those
//! tables, which is the crate's document order; the `read_in_place!` tables
//! at the end list the same names in the same order (they generate each
//! struct's reader and give the document order of reports), and a test
//! checks that they agree with what serde writes.

use serde::Serialize;

use super::place::read_in_place;
use super::{Json, Number, Text};

/// A product: the body of `POST /customs/{region}/product`, and `items[].product` of an order.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let p: wire::Product = serde_json::from_str(r#"{"name":"蓝牙耳机","hsCode":"8518.30"}"#)?;
/// assert_eq!(p.currency, "RMB");
/// assert_eq!(p.mass_unit, "Kilogram");
/// assert_eq!(p.warranty_period.decimal().ok(), Some(365.into()));
/// assert_eq!(p.hs_code.as_deref(), Some("8518.30"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Product {
    /// The product's id in the calling (third-party) system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_id: Option<Text>,
    /// Default name, usually Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// English name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<Text>,
    /// Every SKU (variant) of the product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skus: Option<Vec<Sku>>,
    /// Currency of every price in the product (**required**; default `"RMB"`, the API's spelling of `CNY`).
    pub currency: Text,
    /// Unit of every weight in the product (**required**; default `"Kilogram"`).
    pub mass_unit: Text,
    /// Unit of `shelfLife`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_unit: Option<Text>,
    /// Product barcode (EAN/UPC/GTIN).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<Text>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Default selling price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Number>,
    /// Recommended retail price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rrp: Option<Number>,
    /// Group-buying price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_buying_price: Option<Number>,
    /// Default net weight, in `massUnit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net_weight: Option<Number>,
    /// Default gross weight, in `massUnit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gross_weight: Option<Number>,
    /// Image ids, URLs and uploads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<Images>,
    /// On sale or not; `status` takes priority over it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_onsale: Option<bool>,
    /// The product is a bundle of `components` (default `false`).
    pub is_combined: bool,
    /// One of `draft`, `to_check`, `published`, `deleted`, `revoked` (default `"draft"`).
    pub status: Text,
    /// The product's category path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Vec<String>>,
    /// Vendor name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Text>,
    /// Country of origin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Text>,
    /// Shelf life, in `timeUnit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shelf_life: Option<Number>,
    /// Creation time, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// Last update time, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
    /// Logistics mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logistics_mode: Option<Text>,
    /// Shipping cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_cost: Option<Number>,
    /// Days to ship and deliver to the customer's door (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_time: Option<Number>,
    /// HS code: 6 digits internationally, longer national codes (China uses 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<Text>,
    /// China's tax number for personal postal articles (行邮税号), used in CC clearance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personal_postal_articles_tax: Option<Text>,
    /// Ingredients.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingredient: Option<Text>,
    /// Model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<Text>,
    /// Specification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<Text>,
    /// Warranty, in days (an integer; default `365`).
    pub warranty_period: Number,
    /// Clearance mode: `CC`, `BC` or `BBC`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub express_type: Option<Text>,
    /// Default discounted price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<Number>,
    /// Default tax rate, as a fraction (0.091 for 9.1%).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Number>,
    /// Brand name (default `"Other"`).
    pub brand: Text,
    /// The store the product first belonged to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_id: Option<Text>,
    /// Category id (required by some platforms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_id: Option<Text>,
    /// Parts of a combined product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<Component>>,
}

impl Product {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: Product = Product {
        product_id: None,
        name: None,
        name_en: None,
        skus: None,
        currency: Text::inline("RMB"),
        mass_unit: Text::inline("Kilogram"),
        time_unit: None,
        barcode: None,
        description: None,
        price: None,
        rrp: None,
        group_buying_price: None,
        net_weight: None,
        gross_weight: None,
        images: None,
        is_onsale: None,
        is_combined: false,
        status: Text::inline("draft"),
        category: None,
        vendor: None,
        country: None,
        shelf_life: None,
        created_at: None,
        updated_at: None,
        logistics_mode: None,
        shipping_cost: None,
        shipping_time: None,
        hs_code: None,
        personal_postal_articles_tax: None,
        ingredient: None,
        model: None,
        spec: None,
        warranty_period: Number::int(365),
        express_type: None,
        discount: None,
        tax_rate: None,
        brand: Text::inline("Other"),
        store_id: None,
        category_id: None,
        components: None,
    };
}

impl Default for Product {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Product::DEFAULT
    }
}

/// A SKU (variant) of a product: `skus[]`.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let s: wire::Sku = serde_json::from_str(r#"{"skuNumber":"A-1","price":19.99}"#)?;
/// assert_eq!(s.customs_unit_code_weight, "035");
/// assert_eq!(s.cost.decimal().ok(), Some(0.into()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Sku {
    /// The SKU's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku_number: Option<Text>,
    /// Selling price of this SKU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Number>,
    /// Recommended retail price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rrp: Option<Number>,
    /// Group-buying price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_buying_price: Option<Number>,
    /// Tax-free sale price (default `0.0`).
    pub cost: Number,
    /// Image ids, URLs and uploads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<Images>,
    /// Barcode (EAN-8, EAN-13, UPC-A or GTIN-14).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<Text>,
    /// Colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<Text>,
    /// Size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<Text>,
    /// Stock level of this SKU (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
    /// On sale or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_onsale: Option<bool>,
    /// Net weight; when absent the product's applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net_weight: Option<Number>,
    /// Gross weight; when absent the product's applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gross_weight: Option<Number>,
    /// Overrides the product's shipping cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_cost: Option<Number>,
    /// Overrides the product's shipping time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_time: Option<Number>,
    /// Model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<Text>,
    /// Specification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<Text>,
    /// Customs quantity unit (China customs unit code such as `011`, or its Chinese name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customs_unit_code: Option<Text>,
    /// Customs declaration unit (申报单位).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customs_unit_code_package: Option<Text>,
    /// Customs weight unit code (default `"035"`, kilogram).
    pub customs_unit_code_weight: Text,
    /// Available stock (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_stock: Option<Number>,
    /// Warehouse stock (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warehouse_stock: Option<Number>,
    /// Warehouse holding the stock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warehouse: Option<Text>,
}

impl Sku {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: Sku = Sku {
        sku_number: None,
        price: None,
        rrp: None,
        group_buying_price: None,
        cost: Number::ZERO_POINT_ZERO,
        images: None,
        barcode: None,
        color: None,
        size: None,
        quantity: None,
        is_onsale: None,
        net_weight: None,
        gross_weight: None,
        shipping_cost: None,
        shipping_time: None,
        model: None,
        spec: None,
        customs_unit_code: None,
        customs_unit_code_package: None,
        customs_unit_code_weight: Text::inline("035"),
        available_stock: None,
        warehouse_stock: None,
        warehouse: None,
    };
}

impl Default for Sku {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Sku::DEFAULT
    }
}

/// Image ids, URLs and uploads of a product or SKU.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let i: wire::Images = serde_json::from_str(r#"{"uploads":["https://example.com/a.jpg"]}"#)?;
/// assert_eq!(i.uploads.as_ref().map(Vec::len), Some(1));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Images {
    /// Image ids (in responses).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<String>>,
    /// Image URLs (in responses).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urls: Option<Vec<String>>,
    /// URLs of images to upload (in requests).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uploads: Option<Vec<String>>,
}

impl Images {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: Images = Images {
        ids: None,
        urls: None,
        uploads: None,
    };
}

impl Default for Images {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Images::DEFAULT
    }
}

/// A part of a combined product: `components[]`.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let c: wire::Component = serde_json::from_str(r#"{"skuNumber":"B-2","quantity":2}"#)?;
/// assert_eq!(c.sku_number.as_deref(), Some("B-2"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Component {
    /// The component's product id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_id: Option<Text>,
    /// The component's SKU number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku_number: Option<Text>,
    /// The component's barcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<Text>,
    /// How many of it the bundle holds (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
}

impl Component {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: Component = Component {
        product_id: None,
        sku_number: None,
        barcode: None,
        quantity: None,
    };
}

impl Default for Component {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Component::DEFAULT
    }
}

/// An order: the body of `POST|PUT /customs/{region}/order` and `POST /customs/{region}/payment`.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let o: wire::Order = serde_json::from_str(r#"{"orderId":"SO-1","platformName":"douyin"}"#)?;
/// assert_eq!(o.customs_code, "SH");
/// assert_eq!(o.order_type, "DEFAULT");
/// assert!(!o.is_sub_order);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Order {
    /// The order's reference in the ERP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<Text>,
    /// Order reference on the e-commerce platform.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_order_ref: Option<Text>,
    /// Parent order reference on the platform.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_parent_order_ref: Option<Text>,
    /// Platform payment transaction id, used for the customs payment declaration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform_transaction_id: Option<Text>,
    /// One of `pdd`, `youzan`, `littleredbook`, `nomad`, `douyin`, `checkout` (**required**).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform_name: Option<Text>,
    /// Whether this is a sub-order (default `false`).
    pub is_sub_order: bool,
    /// Whether this is a distribution order (default `false`).
    pub is_distribution_order: bool,
    /// Distributor name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distributor_name: Option<Text>,
    /// One of `DEFAULT`, `DISTRIBUTOR`, `SUPPLIER` (default `"DEFAULT"`).
    pub order_type: Text,
    /// The ordered products.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<OrderItem>>,
    /// The buyer (recipient).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<Address>,
    /// Buyer's id on the platform.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id_ref: Option<Text>,
    /// The seller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seller: Option<Address>,
    /// The payer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer: Option<Address>,
    /// Order status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Text>,
    /// Parcel tracking number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_reference: Option<Text>,
    /// Sorting code (三段码).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_code: Option<Text>,
    /// Consolidation point (集包地).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_code: Option<Text>,
    /// Carrier, e.g. STO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub express_company: Option<Text>,
    /// Clearance mode: `BC` or `BBC` (or `CC`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub express_type: Option<Text>,
    /// Currency of every amount in the order (**required**; default `"RMB"`).
    pub currency: Text,
    /// Customs office: `ZZ`, `GZ`, `HZ` or `SH` (default `"SH"`).
    pub customs_code: Text,
    /// Filing id returned by customs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customs_filing_id: Option<Text>,
    /// Creation time, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// Last update time, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
    /// Payment time, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_at: Option<Text>,
    /// Payment method.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_method: Option<Text>,
    /// Payment merchant name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_merchant_name: Option<Text>,
    /// Amount finally paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_amount: Option<Number>,
    /// Refunded amount (default `0.0`).
    pub refund_amount: Number,
    /// Payment number from the platform.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_id: Option<Text>,
    /// Payment number from the payment provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_pay_id: Option<Text>,
    /// Payment declaration number from customs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_customs_no: Option<Text>,
    /// Total tax of all products, non-cash deductions included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub products_total_tax: Option<Number>,
    /// Order-level shipping cost (0 when free).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_cost: Option<Number>,
    /// Tax on shipping (0 when free).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_tax: Option<Number>,
    /// Shipping date or time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipped_date: Option<Text>,
    /// Amount paid with points, vouchers or virtual currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_cash_deduction_amount: Option<Number>,
    /// Insurance fee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insurance_fee: Option<Number>,
    /// The customer's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_note: Option<Text>,
    /// URL of the delivery slip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_slip_url: Option<Text>,
    /// Free-form campaign data, kept as it came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_tracking_data: Option<Json>,
    /// Discount code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_code: Option<Text>,
}

impl Order {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: Order = Order {
        order_id: None,
        client_order_ref: None,
        client_parent_order_ref: None,
        platform_transaction_id: None,
        platform_name: None,
        is_sub_order: false,
        is_distribution_order: false,
        distributor_name: None,
        order_type: Text::inline("DEFAULT"),
        items: None,
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
        currency: Text::inline("RMB"),
        customs_code: Text::inline("SH"),
        customs_filing_id: None,
        created_at: None,
        updated_at: None,
        paid_at: None,
        pay_method: None,
        pay_merchant_name: None,
        pay_amount: None,
        refund_amount: Number::ZERO_POINT_ZERO,
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
    };
}

impl Default for Order {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Order::DEFAULT
    }
}

/// A line of an order: `items[]`.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let i: wire::OrderItem = serde_json::from_str(r#"{"quantity":2,"price":"59.90"}"#)?;
/// assert_eq!(i.price.as_ref().map(|n| n.to_string()), Some("59.90".to_owned()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrderItem {
    /// The line's id in the order snapshot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_id: Option<Text>,
    /// The product (its `skus` names the SKU bought).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<Box<Product>>,
    /// Quantity (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
    /// Unit selling price actually charged (not list price, not pre-tax).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Number>,
    /// Unit discount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<Number>,
    /// Tax of this line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax: Option<Number>,
    /// Distributor name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distributor_name: Option<Text>,
    /// Distributor id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distributor_id: Option<Text>,
    /// Refunded amount (default `0.0`).
    pub refund_amount: Number,
}

impl OrderItem {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: OrderItem = OrderItem {
        item_id: None,
        product: None,
        quantity: None,
        price: None,
        discount: None,
        tax: None,
        distributor_name: None,
        distributor_id: None,
        refund_amount: Number::ZERO_POINT_ZERO,
    };
}

impl Default for OrderItem {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        OrderItem::DEFAULT
    }
}

/// A party of an order: `customer`, `seller` or `payer`.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let a: wire::Address = serde_json::from_str(r#"{"firstName":"小明","tin":"11010519491231002X"}"#)?;
/// assert_eq!(a.tin.as_deref(), Some("11010519491231002X"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Address {
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Text>,
    /// Last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Text>,
    /// Address line 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address1: Option<Text>,
    /// Address line 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address2: Option<Text>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<Text>,
    /// State or province.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<Text>,
    /// Country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Text>,
    /// Postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip: Option<Text>,
    /// Taxpayer id; for Chinese buyers the 18-character resident identity number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tin: Option<Text>,
    /// Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<Text>,
    /// Country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<Text>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Age (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<Number>,
    /// `Female`, `Male` or `Custom`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Text>,
    /// Deprecated: use `tin`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chinese_id: Option<Text>,
}

impl Address {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: Address = Address {
        first_name: None,
        last_name: None,
        address1: None,
        address2: None,
        city: None,
        state: None,
        country: None,
        zip: None,
        tin: None,
        phone: None,
        country_code: None,
        email: None,
        age: None,
        gender: None,
        chinese_id: None,
    };
}

impl Default for Address {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Address::DEFAULT
    }
}

/// The body of the declaration-result callback `POST /customs/{store}`.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let r: wire::DeclarationResult = serde_json::from_str(r#"{"region":"HZ","product_sku_number":"A-1","isRegsitered":true}"#)?;
/// assert_eq!(r.product_sku_number.as_deref(), Some("A-1"));
/// assert_eq!(r.is_regsitered, Some(true));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeclarationResult {
    /// The customs port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Text>,
    /// `order`, `product`, `company` or `brand`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration_type: Option<Text>,
    /// Given by customs when the filing succeeds, empty otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration_number: Option<Text>,
    /// Order reference on the platform.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_order_ref: Option<Text>,
    /// The order's reference in the ERP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<Text>,
    /// The SKU number (snake_case on the wire).
    #[serde(rename = "product_sku_number", skip_serializing_if = "Option::is_none")]
    pub product_sku_number: Option<Text>,
    /// The barcode (snake_case on the wire).
    #[serde(rename = "product_barcode", skip_serializing_if = "Option::is_none")]
    pub product_barcode: Option<Text>,
    /// The customs' own message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orig_message: Option<Text>,
    /// True when already registered (the API spells it `isRegsitered`).
    #[serde(rename = "isRegsitered", skip_serializing_if = "Option::is_none")]
    pub is_regsitered: Option<bool>,
}

impl DeclarationResult {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: DeclarationResult = DeclarationResult {
        region: None,
        declaration_type: None,
        declaration_number: None,
        client_order_ref: None,
        order_id: None,
        product_sku_number: None,
        product_barcode: None,
        orig_message: None,
        is_regsitered: None,
    };
}

impl Default for DeclarationResult {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        DeclarationResult::DEFAULT
    }
}

/// The response envelope of every endpoint.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let r: wire::Response = serde_json::from_str(r#"{"code":200,"message":"ok","data":{"order":{"orderId":"SO-1"}}}"#)?;
/// assert_eq!(r.data.and_then(|d| d.order).and_then(|o| o.order_id).as_deref(), Some("SO-1"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Response {
    /// Status: 200 success, 400 invalid input, 500 the customs information could not be saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Number>,
    /// Message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    /// Debugging information from downstream calls, kept as it came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connector_responses: Option<Json>,
    /// Response time in milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_time: Option<Number>,
    /// The payload: `product`, `products`, `order` or `orders`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<ResponseData>,
}

impl Response {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: Response = Response {
        code: None,
        message: None,
        connector_responses: None,
        response_time: None,
        data: None,
    };
}

impl Default for Response {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Response::DEFAULT
    }
}

/// The `data` object of a response.
///
/// # Example
///
/// ```
/// use crossborder::wire;
///
/// let d: wire::ResponseData = serde_json::from_str(r#"{"products":[{"name":"A"},{"name":"B"}]}"#)?;
/// assert_eq!(d.products.map(|p| p.len()), Some(2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseData {
    /// One product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<Box<Product>>,
    /// Several products.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<Product>>,
    /// One order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Box<Order>>,
    /// Several orders.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orders: Option<Vec<Order>>,
}

impl ResponseData {
    /// Every field absent, so every documented default applies: a constant,
    /// so that a fresh value is one copy.
    const DEFAULT: ResponseData = ResponseData {
        product: None,
        products: None,
        order: None,
        orders: None,
    };
}

impl Default for ResponseData {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        ResponseData::DEFAULT
    }
}

/// The JSON names of each object's fields, in document order: the tables
/// the readers below are generated from.
pub(crate) mod fields {
    pub(crate) use super::{ADDRESS, COMPONENT, IMAGES, ORDER, ORDER_ITEM, PRODUCT, SKU};
}

read_in_place!(
    Product,
    "Product",
    PRODUCT {
        product_id: "productId",
        name: "name",
        name_en: "nameEn",
        skus: "skus",
        currency: "currency",
        mass_unit: "massUnit",
        time_unit: "timeUnit",
        barcode: "barcode",
        description: "description",
        price: "price",
        rrp: "rrp",
        group_buying_price: "groupBuyingPrice",
        net_weight: "netWeight",
        gross_weight: "grossWeight",
        images: "images",
        is_onsale: "isOnsale",
        is_combined: "isCombined",
        status: "status",
        category: "category",
        vendor: "vendor",
        country: "country",
        shelf_life: "shelfLife",
        created_at: "createdAt",
        updated_at: "updatedAt",
        logistics_mode: "logisticsMode",
        shipping_cost: "shippingCost",
        shipping_time: "shippingTime",
        hs_code: "hsCode",
        personal_postal_articles_tax: "personalPostalArticlesTax",
        ingredient: "ingredient",
        model: "model",
        spec: "spec",
        warranty_period: "warrantyPeriod",
        express_type: "expressType",
        discount: "discount",
        tax_rate: "taxRate",
        brand: "brand",
        store_id: "storeId",
        category_id: "categoryId",
        components: "components",
    }
);

read_in_place!(
    Sku,
    "Sku",
    SKU {
        sku_number: "skuNumber",
        price: "price",
        rrp: "rrp",
        group_buying_price: "groupBuyingPrice",
        cost: "cost",
        images: "images",
        barcode: "barcode",
        color: "color",
        size: "size",
        quantity: "quantity",
        is_onsale: "isOnsale",
        net_weight: "netWeight",
        gross_weight: "grossWeight",
        shipping_cost: "shippingCost",
        shipping_time: "shippingTime",
        model: "model",
        spec: "spec",
        customs_unit_code: "customsUnitCode",
        customs_unit_code_package: "customsUnitCodePackage",
        customs_unit_code_weight: "customsUnitCodeWeight",
        available_stock: "availableStock",
        warehouse_stock: "warehouseStock",
        warehouse: "warehouse",
    }
);

read_in_place!(
    Images,
    "Images",
    IMAGES {
        ids: "ids",
        urls: "urls",
        uploads: "uploads",
    }
);

read_in_place!(
    Component,
    "Component",
    COMPONENT {
        product_id: "productId",
        sku_number: "skuNumber",
        barcode: "barcode",
        quantity: "quantity",
    }
);

read_in_place!(
    Order,
    "Order",
    ORDER {
        order_id: "orderId",
        client_order_ref: "clientOrderRef",
        client_parent_order_ref: "clientParentOrderRef",
        platform_transaction_id: "platformTransactionId",
        platform_name: "platformName",
        is_sub_order: "isSubOrder",
        is_distribution_order: "isDistributionOrder",
        distributor_name: "distributorName",
        order_type: "orderType",
        items: "items",
        customer: "customer",
        customer_id_ref: "customerIdRef",
        seller: "seller",
        payer: "payer",
        status: "status",
        tracking_reference: "trackingReference",
        destination_code: "destinationCode",
        node_code: "nodeCode",
        express_company: "expressCompany",
        express_type: "expressType",
        currency: "currency",
        customs_code: "customsCode",
        customs_filing_id: "customsFilingId",
        created_at: "createdAt",
        updated_at: "updatedAt",
        paid_at: "paidAt",
        pay_method: "payMethod",
        pay_merchant_name: "payMerchantName",
        pay_amount: "payAmount",
        refund_amount: "refundAmount",
        pay_id: "payId",
        payment_pay_id: "paymentPayId",
        pay_customs_no: "payCustomsNo",
        products_total_tax: "productsTotalTax",
        shipping_cost: "shippingCost",
        shipping_tax: "shippingTax",
        shipped_date: "shippedDate",
        non_cash_deduction_amount: "nonCashDeductionAmount",
        insurance_fee: "insuranceFee",
        customer_note: "customerNote",
        delivery_slip_url: "deliverySlipUrl",
        campaign_tracking_data: "campaignTrackingData",
        discount_code: "discountCode",
    }
);

read_in_place!(
    OrderItem,
    "OrderItem",
    ORDER_ITEM {
        item_id: "itemId",
        product: "product",
        quantity: "quantity",
        price: "price",
        discount: "discount",
        tax: "tax",
        distributor_name: "distributorName",
        distributor_id: "distributorId",
        refund_amount: "refundAmount",
    }
);

read_in_place!(
    Address,
    "Address",
    ADDRESS {
        first_name: "firstName",
        last_name: "lastName",
        address1: "address1",
        address2: "address2",
        city: "city",
        state: "state",
        country: "country",
        zip: "zip",
        tin: "tin",
        phone: "phone",
        country_code: "countryCode",
        email: "email",
        age: "age",
        gender: "gender",
        chinese_id: "chineseId",
    }
);

read_in_place!(
    DeclarationResult,
    "DeclarationResult",
    DECLARATION_RESULT {
        region: "region",
        declaration_type: "declarationType",
        declaration_number: "declarationNumber",
        client_order_ref: "clientOrderRef",
        order_id: "orderId",
        product_sku_number: "product_sku_number",
        product_barcode: "product_barcode",
        orig_message: "origMessage",
        is_regsitered: "isRegsitered",
    }
);

read_in_place!(
    Response,
    "Response",
    RESPONSE {
        code: "code",
        message: "message",
        connector_responses: "connectorResponses",
        response_time: "responseTime",
        data: "data",
    }
);

read_in_place!(
    ResponseData,
    "ResponseData",
    RESPONSE_DATA {
        product: "product",
        products: "products",
        order: "order",
        orders: "orders",
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use serde_json::{Map, Value, json};

    /// Every name of `table` is read as a field of `T` (named twice, it is
    /// refused as that field's duplicate) and written back under the same
    /// name, and a value with every field set is written in the table's
    /// order: the tables that read a document and sort its reports agree
    /// with what serde writes.
    fn agrees_with_serialize<T: DeserializeOwned + Serialize>(table: &[&str]) {
        let candidates = [json!("1"), json!(1), json!(true), json!([]), json!({})];
        let mut all = Map::new();
        for &name in table {
            let twice = format!(r#"{{"{name}": null, "{name}": null}}"#);
            let err = serde_json::from_str::<T>(&twice)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                err.starts_with(&format!("duplicate field `{name}`")),
                "{name}: {err}"
            );
            let written_back = |v: &Value| {
                serde_json::from_value::<T>(json!({ name: v }))
                    .is_ok_and(|t| serde_json::to_value(&t).unwrap().get(name).is_some())
            };
            let value = candidates
                .iter()
                .find(|v| written_back(v))
                .unwrap_or_else(|| panic!("{name}: no value reads and writes back"));
            all.insert(name.to_owned(), value.clone());
        }
        let t: T = serde_json::from_value(Value::Object(all)).unwrap();
        let text = serde_json::to_string(&t).unwrap();
        let Ok(Json::Object(members)) = serde_json::from_str::<Json>(&text) else {
            panic!("not an object: {text}");
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, table);
    }

    #[test]
    fn the_field_tables_are_the_names_serde_writes_in_order() {
        agrees_with_serialize::<Product>(PRODUCT);
        agrees_with_serialize::<Sku>(SKU);
        agrees_with_serialize::<Images>(IMAGES);
        agrees_with_serialize::<Component>(COMPONENT);
        agrees_with_serialize::<Order>(ORDER);
        agrees_with_serialize::<OrderItem>(ORDER_ITEM);
        agrees_with_serialize::<Address>(ADDRESS);
        agrees_with_serialize::<DeclarationResult>(DECLARATION_RESULT);
        agrees_with_serialize::<Response>(RESPONSE);
        agrees_with_serialize::<ResponseData>(RESPONSE_DATA);
    }

    #[test]
    fn null_leaves_a_default_and_unknown_members_are_ignored() {
        let p: Product =
            serde_json::from_str(r#"{"currency": null, "warrantyPeriod": null, "isCombined": null, "x": [1, {"y": 2}], "skus": [{"cost": null}, {}]}"#)
                .unwrap();
        assert_eq!(
            p,
            Product {
                skus: Some(vec![Sku::default(), Sku::default()]),
                ..Product::default()
            }
        );
        let o: Order =
            serde_json::from_str(r#"{"customer": null, "items": null, "payer": {}}"#).unwrap();
        assert_eq!(o.customer, None);
        assert_eq!(o.items, None);
        assert_eq!(o.payer, Some(Address::default()));
        let r: ResponseData =
            serde_json::from_str(r#"{"product": {"name": "a"}, "orders": []}"#).unwrap();
        assert_eq!(r.product.and_then(|p| p.name).as_deref(), Some("a"));
        assert_eq!(r.orders, Some(vec![]));
    }
}
