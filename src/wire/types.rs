//! Serde structs of the customs API, written by hand from the API's field
//! tables (names, order, defaults, meaning). Fields are in the order of those
//! tables, which is the crate's document order; the `fields` tables at the
//! end list the same names in the same order, and a test checks that they
//! agree with what the structs read and write.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use super::{Json, Number, Text, text};

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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
#[non_exhaustive]
pub struct Product {
    /// The product's id in the calling (third-party) system.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub product_id: Option<Text>,
    /// Default name, usually Chinese.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub name: Option<Text>,
    /// English name.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub name_en: Option<Text>,
    /// Every SKU (variant) of the product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skus: Option<Vec<Sku>>,
    /// Currency of every price in the product (**required**; default `"RMB"`, the API's spelling of `CNY`).
    #[serde(deserialize_with = "null_as_default_product_currency")]
    pub currency: Text,
    /// Unit of every weight in the product (**required**; default `"Kilogram"`).
    #[serde(deserialize_with = "null_as_default_product_mass_unit")]
    pub mass_unit: Text,
    /// Unit of `shelfLife`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub time_unit: Option<Text>,
    /// Product barcode (EAN/UPC/GTIN).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub barcode: Option<Text>,
    /// Free text.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
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
    #[serde(deserialize_with = "null_as_default_product_is_combined")]
    pub is_combined: bool,
    /// One of `draft`, `to_check`, `published`, `deleted`, `revoked` (default `"draft"`).
    #[serde(deserialize_with = "null_as_default_product_status")]
    pub status: Text,
    /// The product's category path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Vec<String>>,
    /// Vendor name.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub vendor: Option<Text>,
    /// Country of origin.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub country: Option<Text>,
    /// Shelf life, in `timeUnit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shelf_life: Option<Number>,
    /// Creation time, ISO 8601.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub created_at: Option<Text>,
    /// Last update time, ISO 8601.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub updated_at: Option<Text>,
    /// Logistics mode.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub logistics_mode: Option<Text>,
    /// Shipping cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_cost: Option<Number>,
    /// Days to ship and deliver to the customer's door (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_time: Option<Number>,
    /// HS code: 6 digits internationally, longer national codes (China uses 10).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub hs_code: Option<Text>,
    /// China's tax number for personal postal articles (行邮税号), used in CC clearance.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub personal_postal_articles_tax: Option<Text>,
    /// Ingredients.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub ingredient: Option<Text>,
    /// Model.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub model: Option<Text>,
    /// Specification.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub spec: Option<Text>,
    /// Warranty, in days (an integer; default `365`).
    #[serde(deserialize_with = "null_as_default_product_warranty_period")]
    pub warranty_period: Number,
    /// Clearance mode: `CC`, `BC` or `BBC`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub express_type: Option<Text>,
    /// Default discounted price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<Number>,
    /// Default tax rate, as a fraction (0.091 for 9.1%).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Number>,
    /// Brand name (default `"Other"`).
    #[serde(deserialize_with = "null_as_default_product_brand")]
    pub brand: Text,
    /// The store the product first belonged to.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub store_id: Option<Text>,
    /// Category id (required by some platforms).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub category_id: Option<Text>,
    /// Parts of a combined product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<Component>>,
}

impl Default for Product {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Product {
            product_id: None,
            name: None,
            name_en: None,
            skus: None,
            currency: Text::new("RMB"),
            mass_unit: Text::new("Kilogram"),
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
            status: Text::new("draft"),
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
            warranty_period: Number::from(365u32),
            express_type: None,
            discount: None,
            tax_rate: None,
            brand: Text::new("Other"),
            store_id: None,
            category_id: None,
            components: None,
        }
    }
}

fn null_as_default_product_currency<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    Ok(text::optional(d)?.unwrap_or_else(|| Text::new("RMB")))
}

fn null_as_default_product_mass_unit<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    Ok(text::optional(d)?.unwrap_or_else(|| Text::new("Kilogram")))
}

fn null_as_default_product_is_combined<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or_default())
}

fn null_as_default_product_status<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    Ok(text::optional(d)?.unwrap_or_else(|| Text::new("draft")))
}

fn null_as_default_product_warranty_period<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Number, D::Error> {
    Ok(Option::<Number>::deserialize(d)?.unwrap_or_else(|| Number::from(365u32)))
}

fn null_as_default_product_brand<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    Ok(text::optional(d)?.unwrap_or_else(|| Text::new("Other")))
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
#[non_exhaustive]
pub struct Sku {
    /// The SKU's number.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
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
    #[serde(deserialize_with = "null_as_default_sku_cost")]
    pub cost: Number,
    /// Image ids, URLs and uploads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<Images>,
    /// Barcode (EAN-8, EAN-13, UPC-A or GTIN-14).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub barcode: Option<Text>,
    /// Colour.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub color: Option<Text>,
    /// Size.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
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
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub model: Option<Text>,
    /// Specification.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub spec: Option<Text>,
    /// Customs quantity unit (China customs unit code such as `011`, or its Chinese name).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub customs_unit_code: Option<Text>,
    /// Customs declaration unit (申报单位).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub customs_unit_code_package: Option<Text>,
    /// Customs weight unit code (default `"035"`, kilogram).
    #[serde(deserialize_with = "null_as_default_sku_customs_unit_code_weight")]
    pub customs_unit_code_weight: Text,
    /// Available stock (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_stock: Option<Number>,
    /// Warehouse stock (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warehouse_stock: Option<Number>,
    /// Warehouse holding the stock.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub warehouse: Option<Text>,
}

impl Default for Sku {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Sku {
            sku_number: None,
            price: None,
            rrp: None,
            group_buying_price: None,
            cost: Number::from_decimal(Decimal::new(0, 1)),
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
            customs_unit_code_weight: Text::new("035"),
            available_stock: None,
            warehouse_stock: None,
            warehouse: None,
        }
    }
}

fn null_as_default_sku_cost<'de, D: Deserializer<'de>>(d: D) -> Result<Number, D::Error> {
    Ok(Option::<Number>::deserialize(d)?
        .unwrap_or_else(|| Number::from_decimal(Decimal::new(0, 1))))
}

fn null_as_default_sku_customs_unit_code_weight<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Text, D::Error> {
    Ok(text::optional(d)?.unwrap_or_else(|| Text::new("035")))
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
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

impl Default for Images {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Images {
            ids: None,
            urls: None,
            uploads: None,
        }
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
#[non_exhaustive]
pub struct Component {
    /// The component's product id.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub product_id: Option<Text>,
    /// The component's SKU number.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub sku_number: Option<Text>,
    /// The component's barcode.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub barcode: Option<Text>,
    /// How many of it the bundle holds (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
}

impl Default for Component {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Component {
            product_id: None,
            sku_number: None,
            barcode: None,
            quantity: None,
        }
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
#[non_exhaustive]
pub struct Order {
    /// The order's reference in the ERP.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub order_id: Option<Text>,
    /// Order reference on the e-commerce platform.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub client_order_ref: Option<Text>,
    /// Parent order reference on the platform.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub client_parent_order_ref: Option<Text>,
    /// Platform payment transaction id, used for the customs payment declaration.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub platform_transaction_id: Option<Text>,
    /// One of `pdd`, `youzan`, `littleredbook`, `nomad`, `douyin`, `checkout` (**required**).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub platform_name: Option<Text>,
    /// Whether this is a sub-order (default `false`).
    #[serde(deserialize_with = "null_as_default_order_is_sub_order")]
    pub is_sub_order: bool,
    /// Whether this is a distribution order (default `false`).
    #[serde(deserialize_with = "null_as_default_order_is_distribution_order")]
    pub is_distribution_order: bool,
    /// Distributor name.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub distributor_name: Option<Text>,
    /// One of `DEFAULT`, `DISTRIBUTOR`, `SUPPLIER` (default `"DEFAULT"`).
    #[serde(deserialize_with = "null_as_default_order_order_type")]
    pub order_type: Text,
    /// The ordered products.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<OrderItem>>,
    /// The buyer (recipient).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<Address>,
    /// Buyer's id on the platform.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub customer_id_ref: Option<Text>,
    /// The seller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seller: Option<Address>,
    /// The payer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer: Option<Address>,
    /// Order status.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub status: Option<Text>,
    /// Parcel tracking number.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub tracking_reference: Option<Text>,
    /// Sorting code (三段码).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub destination_code: Option<Text>,
    /// Consolidation point (集包地).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub node_code: Option<Text>,
    /// Carrier, e.g. STO.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub express_company: Option<Text>,
    /// Clearance mode: `BC` or `BBC` (or `CC`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub express_type: Option<Text>,
    /// Currency of every amount in the order (**required**; default `"RMB"`).
    #[serde(deserialize_with = "null_as_default_order_currency")]
    pub currency: Text,
    /// Customs office: `ZZ`, `GZ`, `HZ` or `SH` (default `"SH"`).
    #[serde(deserialize_with = "null_as_default_order_customs_code")]
    pub customs_code: Text,
    /// Filing id returned by customs.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub customs_filing_id: Option<Text>,
    /// Creation time, ISO 8601.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub created_at: Option<Text>,
    /// Last update time, ISO 8601.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub updated_at: Option<Text>,
    /// Payment time, ISO 8601.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub paid_at: Option<Text>,
    /// Payment method.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub pay_method: Option<Text>,
    /// Payment merchant name.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub pay_merchant_name: Option<Text>,
    /// Amount finally paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_amount: Option<Number>,
    /// Refunded amount (default `0.0`).
    #[serde(deserialize_with = "null_as_default_order_refund_amount")]
    pub refund_amount: Number,
    /// Payment number from the platform.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub pay_id: Option<Text>,
    /// Payment number from the payment provider.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub payment_pay_id: Option<Text>,
    /// Payment declaration number from customs.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
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
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub shipped_date: Option<Text>,
    /// Amount paid with points, vouchers or virtual currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_cash_deduction_amount: Option<Number>,
    /// Insurance fee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insurance_fee: Option<Number>,
    /// The customer's note.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub customer_note: Option<Text>,
    /// URL of the delivery slip.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub delivery_slip_url: Option<Text>,
    /// Free-form campaign data, kept as it came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_tracking_data: Option<Json>,
    /// Discount code.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub discount_code: Option<Text>,
}

impl Default for Order {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Order {
            order_id: None,
            client_order_ref: None,
            client_parent_order_ref: None,
            platform_transaction_id: None,
            platform_name: None,
            is_sub_order: false,
            is_distribution_order: false,
            distributor_name: None,
            order_type: Text::new("DEFAULT"),
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
            currency: Text::new("RMB"),
            customs_code: Text::new("SH"),
            customs_filing_id: None,
            created_at: None,
            updated_at: None,
            paid_at: None,
            pay_method: None,
            pay_merchant_name: None,
            pay_amount: None,
            refund_amount: Number::from_decimal(Decimal::new(0, 1)),
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
}

fn null_as_default_order_is_sub_order<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or_default())
}

fn null_as_default_order_is_distribution_order<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or_default())
}

fn null_as_default_order_order_type<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    Ok(text::optional(d)?.unwrap_or_else(|| Text::new("DEFAULT")))
}

fn null_as_default_order_currency<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    Ok(text::optional(d)?.unwrap_or_else(|| Text::new("RMB")))
}

fn null_as_default_order_customs_code<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    Ok(text::optional(d)?.unwrap_or_else(|| Text::new("SH")))
}

fn null_as_default_order_refund_amount<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Number, D::Error> {
    Ok(Option::<Number>::deserialize(d)?
        .unwrap_or_else(|| Number::from_decimal(Decimal::new(0, 1))))
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
#[non_exhaustive]
pub struct OrderItem {
    /// The line's id in the order snapshot.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
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
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub distributor_name: Option<Text>,
    /// Distributor id.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub distributor_id: Option<Text>,
    /// Refunded amount (default `0.0`).
    #[serde(deserialize_with = "null_as_default_order_item_refund_amount")]
    pub refund_amount: Number,
}

impl Default for OrderItem {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        OrderItem {
            item_id: None,
            product: None,
            quantity: None,
            price: None,
            discount: None,
            tax: None,
            distributor_name: None,
            distributor_id: None,
            refund_amount: Number::from_decimal(Decimal::new(0, 1)),
        }
    }
}

fn null_as_default_order_item_refund_amount<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Number, D::Error> {
    Ok(Option::<Number>::deserialize(d)?
        .unwrap_or_else(|| Number::from_decimal(Decimal::new(0, 1))))
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
#[non_exhaustive]
pub struct Address {
    /// First name.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub first_name: Option<Text>,
    /// Last name.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub last_name: Option<Text>,
    /// Address line 1.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub address1: Option<Text>,
    /// Address line 2.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub address2: Option<Text>,
    /// City.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub city: Option<Text>,
    /// State or province.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub state: Option<Text>,
    /// Country.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub country: Option<Text>,
    /// Postal code.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub zip: Option<Text>,
    /// Taxpayer id; for Chinese buyers the 18-character resident identity number.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub tin: Option<Text>,
    /// Phone number.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub phone: Option<Text>,
    /// Country code.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub country_code: Option<Text>,
    /// Email address.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub email: Option<Text>,
    /// Age (an integer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<Number>,
    /// `Female`, `Male` or `Custom`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub gender: Option<Text>,
    /// Deprecated: use `tin`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub chinese_id: Option<Text>,
}

impl Default for Address {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Address {
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
        }
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
#[non_exhaustive]
pub struct DeclarationResult {
    /// The customs port.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub region: Option<Text>,
    /// `order`, `product`, `company` or `brand`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub declaration_type: Option<Text>,
    /// Given by customs when the filing succeeds, empty otherwise.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub declaration_number: Option<Text>,
    /// Order reference on the platform.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub client_order_ref: Option<Text>,
    /// The order's reference in the ERP.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub order_id: Option<Text>,
    /// The SKU number (snake_case on the wire).
    #[serde(
        rename = "product_sku_number",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub product_sku_number: Option<Text>,
    /// The barcode (snake_case on the wire).
    #[serde(
        rename = "product_barcode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub product_barcode: Option<Text>,
    /// The customs' own message.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub orig_message: Option<Text>,
    /// True when already registered (the API spells it `isRegsitered`).
    #[serde(rename = "isRegsitered", skip_serializing_if = "Option::is_none")]
    pub is_regsitered: Option<bool>,
}

impl Default for DeclarationResult {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        DeclarationResult {
            region: None,
            declaration_type: None,
            declaration_number: None,
            client_order_ref: None,
            order_id: None,
            product_sku_number: None,
            product_barcode: None,
            orig_message: None,
            is_regsitered: None,
        }
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
#[non_exhaustive]
pub struct Response {
    /// Status: 200 success, 400 invalid input, 500 the customs information could not be saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Number>,
    /// Message.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
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

impl Default for Response {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        Response {
            code: None,
            message: None,
            connector_responses: None,
            response_time: None,
            data: None,
        }
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
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

impl Default for ResponseData {
    /// Every field absent, so every documented default applies.
    fn default() -> Self {
        ResponseData {
            product: None,
            products: None,
            order: None,
            orders: None,
        }
    }
}

/// The JSON names of each object's fields, in document order.
pub(crate) mod fields {
    pub(crate) const PRODUCT: &[&str] = &[
        "productId",
        "name",
        "nameEn",
        "skus",
        "currency",
        "massUnit",
        "timeUnit",
        "barcode",
        "description",
        "price",
        "rrp",
        "groupBuyingPrice",
        "netWeight",
        "grossWeight",
        "images",
        "isOnsale",
        "isCombined",
        "status",
        "category",
        "vendor",
        "country",
        "shelfLife",
        "createdAt",
        "updatedAt",
        "logisticsMode",
        "shippingCost",
        "shippingTime",
        "hsCode",
        "personalPostalArticlesTax",
        "ingredient",
        "model",
        "spec",
        "warrantyPeriod",
        "expressType",
        "discount",
        "taxRate",
        "brand",
        "storeId",
        "categoryId",
        "components",
    ];
    pub(crate) const SKU: &[&str] = &[
        "skuNumber",
        "price",
        "rrp",
        "groupBuyingPrice",
        "cost",
        "images",
        "barcode",
        "color",
        "size",
        "quantity",
        "isOnsale",
        "netWeight",
        "grossWeight",
        "shippingCost",
        "shippingTime",
        "model",
        "spec",
        "customsUnitCode",
        "customsUnitCodePackage",
        "customsUnitCodeWeight",
        "availableStock",
        "warehouseStock",
        "warehouse",
    ];
    pub(crate) const IMAGES: &[&str] = &["ids", "urls", "uploads"];
    pub(crate) const COMPONENT: &[&str] = &["productId", "skuNumber", "barcode", "quantity"];
    pub(crate) const ORDER: &[&str] = &[
        "orderId",
        "clientOrderRef",
        "clientParentOrderRef",
        "platformTransactionId",
        "platformName",
        "isSubOrder",
        "isDistributionOrder",
        "distributorName",
        "orderType",
        "items",
        "customer",
        "customerIdRef",
        "seller",
        "payer",
        "status",
        "trackingReference",
        "destinationCode",
        "nodeCode",
        "expressCompany",
        "expressType",
        "currency",
        "customsCode",
        "customsFilingId",
        "createdAt",
        "updatedAt",
        "paidAt",
        "payMethod",
        "payMerchantName",
        "payAmount",
        "refundAmount",
        "payId",
        "paymentPayId",
        "payCustomsNo",
        "productsTotalTax",
        "shippingCost",
        "shippingTax",
        "shippedDate",
        "nonCashDeductionAmount",
        "insuranceFee",
        "customerNote",
        "deliverySlipUrl",
        "campaignTrackingData",
        "discountCode",
    ];
    pub(crate) const ORDER_ITEM: &[&str] = &[
        "itemId",
        "product",
        "quantity",
        "price",
        "discount",
        "tax",
        "distributorName",
        "distributorId",
        "refundAmount",
    ];
    pub(crate) const ADDRESS: &[&str] = &[
        "firstName",
        "lastName",
        "address1",
        "address2",
        "city",
        "state",
        "country",
        "zip",
        "tin",
        "phone",
        "countryCode",
        "email",
        "age",
        "gender",
        "chineseId",
    ];
}

crate::object_only!(
    Product,
    Sku,
    Images,
    Component,
    Order,
    OrderItem,
    Address,
    DeclarationResult,
    Response,
    ResponseData,
);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::{self, Visitor};

    /// A deserializer that only records the field names a struct asks for.
    struct FieldNames<'a>(&'a mut &'static [&'static str]);

    impl<'de> Deserializer<'de> for FieldNames<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    fn names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
        let mut fields: &'static [&'static str] = &[];
        let _ = T::deserialize(FieldNames(&mut fields));
        fields
    }

    #[test]
    fn the_field_tables_are_the_structs_fields_in_order() {
        // The document-order tables are kept by hand beside the structs:
        // this keeps them in step.
        assert_eq!(names::<Product>(), fields::PRODUCT);
        assert_eq!(names::<Sku>(), fields::SKU);
        assert_eq!(names::<Images>(), fields::IMAGES);
        assert_eq!(names::<Component>(), fields::COMPONENT);
        assert_eq!(names::<Order>(), fields::ORDER);
        assert_eq!(names::<OrderItem>(), fields::ORDER_ITEM);
        assert_eq!(names::<Address>(), fields::ADDRESS);
    }
}
