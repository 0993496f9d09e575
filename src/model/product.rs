//! The domain [`Product`], [`Sku`] and [`Component`].

use iso_currency::Currency;
use rust_decimal::Decimal;

use super::Converted;
use super::convert::{Conv, wire_count, wire_list, wire_money};
use crate::wire::{self, Number, Text};
use crate::{
    ClearanceMode, Code, Country, DocumentKind, HsCode, Loc, MassUnit, Money, ProductStatus,
    Timestamp, Weight, api_currency_code,
};

/// A product declaration in domain terms: every value typed and valid.
///
/// Built from the wire with [`Product::from_wire`] (every format problem
/// reported at once), or directly in Rust with [`Product::new`] and its
/// public fields. Serializes back to the customs API's JSON (through
/// [`wire::Product`]).
///
/// Amounts are [`Money`] in the product's [`currency`](Product::currency);
/// weights are [`Weight`]s, written back in [`mass_unit`](Product::mass_unit).
/// A SKU without weights of its own holds the product's (see [`Sku`]).
///
/// Text fields are [`wire::Text`]: a code, an id or a short name (up to 22
/// bytes) is held in place, without a heap allocation, so converting a wire
/// product moves its texts rather than copying them.
///
/// Barcodes, customs unit codes and tax numbers stay text here on purpose:
/// whether a barcode must be a GTIN, or a unit a China customs code, is a
/// declaration rule ([`crate::declaration`]) a caller may switch off (internal
/// barcodes, other customs territories), so the domain value keeps what was
/// given. [`crate::Gtin`] and [`crate::CustomsUnit`] read them when needed.
///
/// # Example
///
/// ```
/// use crossborder::{Currency, HsCode, Product, Sku};
///
/// let mut p = Product::new(Currency::CNY);
/// p.name = Some("蓝牙耳机".into());
/// p.hs_code = Some(HsCode::parse("8518.30")?);
/// p.price = Some("199 CNY".parse()?);
/// let mut sku = Sku::new(Currency::CNY);
/// sku.sku_number = Some("EAR-1".into());
/// p.skus.push(sku);
///
/// let json = serde_json::to_value(&p)?;
/// assert_eq!(json["currency"], "RMB");
/// assert_eq!(json["hsCode"], "851830");
/// assert_eq!(json["skus"][0]["skuNumber"], "EAR-1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Product {
    /// `productId`: the product's id in the calling system.
    pub product_id: Option<Text>,
    /// `name`: default name, usually Chinese.
    pub name: Option<Text>,
    /// `nameEn`: English name.
    pub name_en: Option<Text>,
    /// `skus`: every SKU, in document order.
    pub skus: Vec<Sku>,
    /// `currency`: the currency of every amount (the API writes CNY as `RMB`).
    pub currency: Currency,
    /// `massUnit`: the unit weights are written in.
    pub mass_unit: MassUnit,
    /// `timeUnit`: unit of the shelf life.
    pub time_unit: Option<Text>,
    /// `barcode`.
    pub barcode: Option<Text>,
    /// `description`.
    pub description: Option<Text>,
    /// `price`: default selling price.
    pub price: Option<Money>,
    /// `rrp`: recommended retail price.
    pub rrp: Option<Money>,
    /// `groupBuyingPrice`.
    pub group_buying_price: Option<Money>,
    /// `netWeight`: default net weight.
    pub net_weight: Option<Weight>,
    /// `grossWeight`: default gross weight.
    pub gross_weight: Option<Weight>,
    /// `images`.
    pub images: Option<wire::Images>,
    /// `isOnsale`.
    pub is_onsale: Option<bool>,
    /// `isCombined`: a bundle of [`components`](Product::components).
    pub is_combined: bool,
    /// `status`.
    pub status: ProductStatus,
    /// `category`: the category path.
    pub category: Vec<String>,
    /// `vendor`.
    pub vendor: Option<Text>,
    /// `country`: country of origin.
    pub country: Option<Country>,
    /// `shelfLife`, in [`time_unit`](Product::time_unit).
    pub shelf_life: Option<Decimal>,
    /// `createdAt`.
    pub created_at: Option<Timestamp>,
    /// `updatedAt`.
    pub updated_at: Option<Timestamp>,
    /// `logisticsMode`.
    pub logistics_mode: Option<Text>,
    /// `shippingCost`.
    pub shipping_cost: Option<Money>,
    /// `shippingTime`: days to deliver.
    pub shipping_time: Option<u32>,
    /// `hsCode`.
    pub hs_code: Option<HsCode>,
    /// `personalPostalArticlesTax`: China's personal postal articles tax number (行邮税号).
    pub personal_postal_articles_tax: Option<Text>,
    /// `ingredient`.
    pub ingredient: Option<Text>,
    /// `model`.
    pub model: Option<Text>,
    /// `spec`.
    pub spec: Option<Text>,
    /// `warrantyPeriod`, in days.
    pub warranty_period: u32,
    /// `expressType`: the clearance mode.
    pub express_type: Option<ClearanceMode>,
    /// `discount`: default discounted price.
    pub discount: Option<Money>,
    /// `taxRate`: default tax rate, a fraction.
    pub tax_rate: Option<Decimal>,
    /// `brand`.
    pub brand: Text,
    /// `storeId`.
    pub store_id: Option<Text>,
    /// `categoryId`.
    pub category_id: Option<Text>,
    /// `components`: the parts of a combined product.
    pub components: Vec<Component>,
}

/// A SKU (variant) of a [`Product`].
///
/// `net_weight` and `gross_weight` are the SKU's *effective* weights: its own
/// where the wire gave them, the product's otherwise, as the API says. When
/// written back, a SKU weight equal to the product's is left out, which means
/// the same thing.
///
/// # Example
///
/// ```
/// use crossborder::{Currency, Sku};
///
/// let mut sku = Sku::new(Currency::USD);
/// sku.sku_number = Some("TS-RED-M".into());
/// sku.price = Some("12.50 USD".parse()?);
/// assert!(sku.cost.is_zero());
/// assert_eq!(sku.customs_unit_code_weight, "035");
/// # Ok::<(), crossborder::MoneyError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Sku {
    /// `skuNumber`.
    pub sku_number: Option<Text>,
    /// `price`.
    pub price: Option<Money>,
    /// `rrp`.
    pub rrp: Option<Money>,
    /// `groupBuyingPrice`.
    pub group_buying_price: Option<Money>,
    /// `cost`: tax-free sale price (0 by default).
    pub cost: Money,
    /// `images`.
    pub images: Option<wire::Images>,
    /// `barcode`.
    pub barcode: Option<Text>,
    /// `color`.
    pub color: Option<Text>,
    /// `size`.
    pub size: Option<Text>,
    /// `quantity`: stock level.
    pub quantity: Option<u32>,
    /// `isOnsale`.
    pub is_onsale: Option<bool>,
    /// Effective net weight (the SKU's own, or the product's).
    pub net_weight: Option<Weight>,
    /// Effective gross weight (the SKU's own, or the product's).
    pub gross_weight: Option<Weight>,
    /// `shippingCost`: overrides the product's.
    pub shipping_cost: Option<Money>,
    /// `shippingTime`: overrides the product's.
    pub shipping_time: Option<u32>,
    /// `model`.
    pub model: Option<Text>,
    /// `spec`.
    pub spec: Option<Text>,
    /// `customsUnitCode`: customs quantity unit.
    pub customs_unit_code: Option<Text>,
    /// `customsUnitCodePackage`: customs declaration unit.
    pub customs_unit_code_package: Option<Text>,
    /// `customsUnitCodeWeight`: customs weight unit (`035`, kilogram, by default).
    pub customs_unit_code_weight: Text,
    /// `availableStock`.
    pub available_stock: Option<u32>,
    /// `warehouseStock`.
    pub warehouse_stock: Option<u32>,
    /// `warehouse`.
    pub warehouse: Option<Text>,
    /// Which weights were taken from the product rather than given.
    inherited: Inherited,
}

/// Which of a SKU's weights came from its product during conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Inherited {
    net: bool,
    gross: bool,
}

/// A part of a combined product.
///
/// # Example
///
/// ```
/// use crossborder::Component;
/// let mut c = Component::default();
/// c.sku_number = Some("CABLE-1".into());
/// c.quantity = Some(2);
/// assert_eq!(c.quantity, Some(2));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Component {
    /// `productId`.
    pub product_id: Option<Text>,
    /// `skuNumber`.
    pub sku_number: Option<Text>,
    /// `barcode`.
    pub barcode: Option<Text>,
    /// `quantity`.
    pub quantity: Option<u32>,
}

impl Product {
    /// A product with nothing set but the currency and the API's defaults
    /// (kilograms, status `draft`, warranty 365 days, brand `Other`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, MassUnit, Product, ProductStatus};
    /// let p = Product::new(Currency::CNY);
    /// assert_eq!(p.mass_unit, MassUnit::Kilogram);
    /// assert_eq!(p.status, ProductStatus::Draft);
    /// assert_eq!(p.warranty_period, 365);
    /// assert_eq!(p.brand, "Other");
    /// ```
    pub fn new(currency: Currency) -> Product {
        Product {
            product_id: None,
            name: None,
            name_en: None,
            skus: Vec::new(),
            currency,
            mass_unit: MassUnit::Kilogram,
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
            status: ProductStatus::Draft,
            category: Vec::new(),
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
            warranty_period: 365,
            express_type: None,
            discount: None,
            tax_rate: None,
            brand: Text::inline("Other"),
            store_id: None,
            category_id: None,
            components: Vec::new(),
        }
    }

    /// Converts a wire product, collecting every format problem (bad HS code,
    /// unknown currency, negative weight, bad date, ...) at its JSON Pointer,
    /// in document order. A bad value is reported and then treated as absent,
    /// so the API's default applies where it has one; amounts are absent when
    /// the currency is bad, weights when the mass unit is.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{wire, Code, Product};
    ///
    /// let w: wire::Product = serde_json::from_str(
    ///     r#"{"hsCode":"85A8","currency":"XXY","netWeight":-1,"skus":[{"price":"abc"}]}"#,
    /// )?;
    /// let converted = Product::from_wire(w);
    /// let found: Vec<_> = converted.report().iter().map(|v| (v.code().as_str(), v.pointer().as_str())).collect();
    /// assert_eq!(found, [
    ///     ("number.invalid", "/skus/0/price"),
    ///     ("currency.unknown", "/currency"),
    ///     ("weight.negative", "/netWeight"),
    ///     ("hs_code.invalid", "/hsCode"),
    /// ]);
    /// assert!(converted.into_result().is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_wire(mut wire: wire::Product) -> Converted<Product> {
        Product::from_wire_in(&mut wire)
    }

    /// [`Product::from_wire`] on a wire product left in place (its texts and
    /// lists taken, the rest dropped by the caller), so that the validator
    /// does not move the wire product once more.
    pub(crate) fn from_wire_in(wire: &mut wire::Product) -> Converted<Product> {
        Product::from_wire_noting(wire, &mut Vec::new())
    }

    /// [`Product::from_wire_in`], noting in `skus_dropped` the SKUs whose
    /// own price or weight was given but not kept ([`Conv::skus_dropped`]).
    pub(crate) fn from_wire_noting(
        wire: &mut wire::Product,
        skus_dropped: &mut Vec<(usize, u8)>,
    ) -> Converted<Product> {
        let mut conv = Conv::default();
        let product = convert_product(&mut conv, &Loc::ROOT, wire);
        let mut report = std::mem::take(&mut conv.report);
        report.sort_document_order(DocumentKind::Product);
        *skus_dropped = std::mem::take(&mut conv.skus_dropped);
        Converted::with_dropped(product, report, conv.dropped)
    }

    /// The wire form of this product, as the customs API expects it.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, Product};
    /// let w = Product::new(Currency::USD).to_wire();
    /// assert_eq!(w.currency, "USD");
    /// assert_eq!(w.status, "draft");
    /// ```
    // Field by field, in document order.
    #[allow(clippy::field_reassign_with_default)]
    pub fn to_wire(&self) -> wire::Product {
        let unit = self.mass_unit;
        let mut w = wire::Product::default();
        w.product_id = self.product_id.clone();
        w.name = self.name.clone();
        w.name_en = self.name_en.clone();
        w.skus =
            (!self.skus.is_empty()).then(|| self.skus.iter().map(|s| s.to_wire(self)).collect());
        w.currency = Text::new(api_currency_code(self.currency));
        w.mass_unit = Text::new(unit.as_str());
        w.time_unit = self.time_unit.clone();
        w.barcode = self.barcode.clone();
        w.description = self.description.clone();
        w.price = wire_money(self.price.as_ref());
        w.rrp = wire_money(self.rrp.as_ref());
        w.group_buying_price = wire_money(self.group_buying_price.as_ref());
        w.net_weight = wire_weight(self.net_weight, unit);
        w.gross_weight = wire_weight(self.gross_weight, unit);
        w.images.clone_from(&self.images);
        w.is_onsale = self.is_onsale;
        w.is_combined = self.is_combined;
        w.status = Text::new(self.status.as_str());
        w.category = wire_list(&self.category);
        w.vendor = self.vendor.clone();
        w.country = self.country.map(|c| Text::from(c.to_string()));
        w.shelf_life = self.shelf_life.map(Number::from_decimal);
        w.created_at = self.created_at.map(|t| Text::from(t.to_string()));
        w.updated_at = self.updated_at.map(|t| Text::from(t.to_string()));
        w.logistics_mode = self.logistics_mode.clone();
        w.shipping_cost = wire_money(self.shipping_cost.as_ref());
        w.shipping_time = wire_count(self.shipping_time);
        w.hs_code = self.hs_code.map(|c| Text::from(c.to_string()));
        w.personal_postal_articles_tax = self.personal_postal_articles_tax.clone();
        w.ingredient = self.ingredient.clone();
        w.model = self.model.clone();
        w.spec = self.spec.clone();
        w.warranty_period = Number::from(self.warranty_period);
        w.express_type = self.express_type.map(|m| Text::new(m.as_str()));
        w.discount = wire_money(self.discount.as_ref());
        w.tax_rate = self.tax_rate.map(Number::from_decimal);
        w.brand = self.brand.clone();
        w.store_id = self.store_id.clone();
        w.category_id = self.category_id.clone();
        w.components = (!self.components.is_empty())
            .then(|| self.components.iter().map(Component::to_wire).collect());
        w
    }
}

/// A weight written in the product's unit. Converting a valid weight to
/// another unit divides its (fitting) mass in grams by at least one, so it
/// cannot overflow; the fallback keeps the value should that ever change.
fn wire_weight(w: Option<Weight>, unit: MassUnit) -> Option<Number> {
    w.map(|w| Number::from_decimal(w.to_unit(unit).map_or(w.value(), |v| v.value())))
}

/// Converts a wire product in its place (taking its texts and lists, so
/// that a product in an order's box is not moved out of it).
pub(crate) fn convert_product(conv: &mut Conv, loc: &Loc<'_>, w: &mut wire::Product) -> Product {
    let f = |name| loc.field(name);
    // Currency and mass unit first: every amount and weight depends on them.
    let currency = conv.currency(&f("currency"), &w.currency);
    let mass_unit = conv.mass_unit(&f("massUnit"), &w.mass_unit);
    let net_weight = conv.weight(&f("netWeight"), w.net_weight.as_ref(), mass_unit);
    let gross_weight = conv.weight(&f("grossWeight"), w.gross_weight.as_ref(), mass_unit);
    let money =
        |conv: &mut Conv, name, raw: &Option<Number>| conv.money(&f(name), raw.as_ref(), currency);

    let skus_loc = f("skus");
    let skus = w
        .skus
        .take()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let at = skus_loc.index(i);
            convert_sku(
                conv,
                (i, &at),
                s,
                currency,
                mass_unit,
                net_weight,
                gross_weight,
            )
        })
        .collect();
    let components_loc = f("components");
    let components = w
        .components
        .take()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, c)| Component {
            quantity: conv.count(
                &components_loc.index(i).field("quantity"),
                c.quantity.as_ref(),
            ),
            product_id: c.product_id,
            sku_number: c.sku_number,
            barcode: c.barcode,
        })
        .collect();

    Product {
        price: money(conv, "price", &w.price),
        rrp: money(conv, "rrp", &w.rrp),
        group_buying_price: money(conv, "groupBuyingPrice", &w.group_buying_price),
        status: conv
            .required_enum(&f("status"), &w.status, Code::STATUS_UNKNOWN)
            .unwrap_or_default(),
        country: conv.country(&f("country"), w.country.as_ref()),
        shelf_life: conv.decimal(&f("shelfLife"), w.shelf_life.as_ref()),
        created_at: conv.timestamp(&f("createdAt"), w.created_at.as_ref()),
        updated_at: conv.timestamp(&f("updatedAt"), w.updated_at.as_ref()),
        shipping_cost: money(conv, "shippingCost", &w.shipping_cost),
        shipping_time: conv.count(&f("shippingTime"), w.shipping_time.as_ref()),
        hs_code: conv.hs_code(&f("hsCode"), w.hs_code.as_ref()),
        warranty_period: conv
            .count(&f("warrantyPeriod"), Some(&w.warranty_period))
            .unwrap_or(365),
        express_type: conv.optional_enum(
            &f("expressType"),
            w.express_type.as_ref(),
            Code::CLEARANCE_MODE_UNKNOWN,
        ),
        discount: money(conv, "discount", &w.discount),
        tax_rate: conv.decimal(&f("taxRate"), w.tax_rate.as_ref()),
        product_id: w.product_id.take(),
        name: w.name.take(),
        name_en: w.name_en.take(),
        skus,
        currency: currency.unwrap_or(Currency::CNY),
        mass_unit: mass_unit.unwrap_or_default(),
        time_unit: w.time_unit.take(),
        barcode: w.barcode.take(),
        description: w.description.take(),
        net_weight,
        gross_weight,
        images: w.images.take(),
        is_onsale: w.is_onsale,
        is_combined: w.is_combined,
        category: w.category.take().unwrap_or_default(),
        vendor: w.vendor.take(),
        logistics_mode: w.logistics_mode.take(),
        personal_postal_articles_tax: w.personal_postal_articles_tax.take(),
        ingredient: w.ingredient.take(),
        model: w.model.take(),
        spec: w.spec.take(),
        brand: std::mem::take(&mut w.brand),
        store_id: w.store_id.take(),
        category_id: w.category_id.take(),
        components,
    }
}

#[allow(clippy::too_many_arguments)]
fn convert_sku(
    conv: &mut Conv,
    (index, loc): (usize, &Loc<'_>),
    w: wire::Sku,
    currency: Option<Currency>,
    mass_unit: Option<MassUnit>,
    product_net: Option<Weight>,
    product_gross: Option<Weight>,
) -> Sku {
    let f = |name| loc.field(name);
    let money =
        |conv: &mut Conv, name, raw: &Option<Number>| conv.money(&f(name), raw.as_ref(), currency);
    let own_net = conv.weight(&f("netWeight"), w.net_weight.as_ref(), mass_unit);
    let own_gross = conv.weight(&f("grossWeight"), w.gross_weight.as_ref(), mass_unit);
    let price = money(conv, "price", &w.price);
    // Given but not kept: each reported (or dropped) at its place already.
    let lost = [
        w.price.is_some() && price.is_none(),
        w.net_weight.is_some() && own_net.is_none(),
        w.gross_weight.is_some() && own_gross.is_none(),
    ];
    if lost.contains(&true) {
        conv.note_sku_dropped(index, lost);
    }
    Sku {
        inherited: Inherited {
            net: own_net.is_none() && product_net.is_some(),
            gross: own_gross.is_none() && product_gross.is_some(),
        },
        net_weight: own_net.or(product_net),
        gross_weight: own_gross.or(product_gross),
        price,
        rrp: money(conv, "rrp", &w.rrp),
        group_buying_price: money(conv, "groupBuyingPrice", &w.group_buying_price),
        cost: conv
            .money(&f("cost"), Some(&w.cost), currency)
            .unwrap_or(Money::zero(currency.unwrap_or(Currency::CNY))),
        quantity: conv.count(&f("quantity"), w.quantity.as_ref()),
        shipping_cost: money(conv, "shippingCost", &w.shipping_cost),
        shipping_time: conv.count(&f("shippingTime"), w.shipping_time.as_ref()),
        available_stock: conv.count(&f("availableStock"), w.available_stock.as_ref()),
        warehouse_stock: conv.count(&f("warehouseStock"), w.warehouse_stock.as_ref()),
        sku_number: w.sku_number,
        images: w.images,
        barcode: w.barcode,
        color: w.color,
        size: w.size,
        is_onsale: w.is_onsale,
        model: w.model,
        spec: w.spec,
        customs_unit_code: w.customs_unit_code,
        customs_unit_code_package: w.customs_unit_code_package,
        customs_unit_code_weight: w.customs_unit_code_weight,
        warehouse: w.warehouse,
    }
}

impl Sku {
    /// Reads a word of every field, one after the other as they lie in
    /// memory, and returns a count made of them (of no use but to keep the
    /// reads). [`crate::declaration::RuleSet`] does this for each block of
    /// a large product's SKUs before its rules read them: a rule reads a
    /// few fields of each SKU, 520 bytes apart, which the processor cannot
    /// fetch ahead, while this pass reads every cache line in order, which
    /// it streams. The destructuring names every field, so that a field
    /// added to `Sku` is not forgotten here.
    pub(crate) fn prime(&self) -> usize {
        let Sku {
            sku_number,
            price,
            rrp,
            group_buying_price,
            cost,
            images,
            barcode,
            color,
            size,
            quantity,
            is_onsale,
            net_weight,
            gross_weight,
            shipping_cost,
            shipping_time,
            model,
            spec,
            customs_unit_code,
            customs_unit_code_package,
            customs_unit_code_weight,
            available_stock,
            warehouse_stock,
            warehouse,
            inherited,
        } = self;
        let present = [
            images.is_some(),
            quantity.is_some(),
            shipping_time.is_some(),
            available_stock.is_some(),
            warehouse_stock.is_some(),
            sku_number.is_some(),
            barcode.is_some(),
            color.is_some(),
            size.is_some(),
            model.is_some(),
            spec.is_some(),
            customs_unit_code.is_some(),
            customs_unit_code_package.is_some(),
            warehouse.is_some(),
            net_weight.is_some(),
            gross_weight.is_some(),
            price.is_some(),
            rrp.is_some(),
            group_buying_price.is_some(),
            shipping_cost.is_some(),
            is_onsale.is_some(),
            inherited.net,
            customs_unit_code_weight.is_blank(),
        ];
        present.iter().filter(|&&p| p).count() + cost.amount().scale() as usize
    }

    /// Whether the net weight was taken from the product during conversion.
    pub(crate) fn net_is_inherited(&self) -> bool {
        self.inherited.net
    }

    /// Whether the gross weight was taken from the product during conversion.
    pub(crate) fn gross_is_inherited(&self) -> bool {
        self.inherited.gross
    }

    /// A SKU with nothing set but the API's defaults (cost 0 in `currency`,
    /// customs weight unit `035`).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, Sku};
    /// assert_eq!(Sku::new(Currency::CNY).cost.currency(), Currency::CNY);
    /// ```
    pub fn new(currency: Currency) -> Sku {
        Sku {
            sku_number: None,
            price: None,
            rrp: None,
            group_buying_price: None,
            cost: Money::zero(currency),
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
            inherited: Inherited::default(),
        }
    }

    /// The wire form of this SKU within `product`. Weights are written in the
    /// product's unit; a weight the SKU took from the product during
    /// conversion, and that still equals the product's, is left out (it
    /// inherits again). Weights set in Rust are always written.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Currency, Product, Sku};
    /// use crossborder::wire;
    /// let w: wire::Product = serde_json::from_str(r#"{"netWeight":0.5,"skus":[{},{"netWeight":0.3}]}"#)?;
    /// let p = Product::from_wire(w).into_result().unwrap();
    /// assert_eq!(p.skus[0].net_weight, Some("500 g".parse().unwrap())); // inherited
    /// assert_eq!(p.skus[0].to_wire(&p).net_weight, None); // and left out again
    /// assert_eq!(p.skus[1].to_wire(&p).net_weight.map(|n| n.to_string()), Some("0.3".into()));
    /// let mut mine = Sku::new(Currency::CNY);
    /// mine.net_weight = Some("500 g".parse().unwrap());
    /// assert_eq!(mine.to_wire(&p).net_weight.map(|n| n.to_string()), Some("0.5".into()));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    // Field by field, in document order.
    #[allow(clippy::field_reassign_with_default)]
    pub fn to_wire(&self, product: &Product) -> wire::Sku {
        // An inherited weight that still equals the product's is left out;
        // a weight the SKU was given, or that was changed since, is written.
        let own = |w: Option<Weight>, was_inherited: bool, product_w: Option<Weight>| {
            if was_inherited && w == product_w {
                None
            } else {
                wire_weight(w, product.mass_unit)
            }
        };
        let mut s = wire::Sku::default();
        s.sku_number = self.sku_number.clone();
        s.price = wire_money(self.price.as_ref());
        s.rrp = wire_money(self.rrp.as_ref());
        s.group_buying_price = wire_money(self.group_buying_price.as_ref());
        s.cost = Number::from_decimal(self.cost.amount());
        s.images.clone_from(&self.images);
        s.barcode = self.barcode.clone();
        s.color = self.color.clone();
        s.size = self.size.clone();
        s.quantity = wire_count(self.quantity);
        s.is_onsale = self.is_onsale;
        s.net_weight = own(self.net_weight, self.inherited.net, product.net_weight);
        s.gross_weight = own(
            self.gross_weight,
            self.inherited.gross,
            product.gross_weight,
        );
        s.shipping_cost = wire_money(self.shipping_cost.as_ref());
        s.shipping_time = wire_count(self.shipping_time);
        s.model = self.model.clone();
        s.spec = self.spec.clone();
        s.customs_unit_code = self.customs_unit_code.clone();
        s.customs_unit_code_package = self.customs_unit_code_package.clone();
        s.customs_unit_code_weight = self.customs_unit_code_weight.clone();
        s.available_stock = wire_count(self.available_stock);
        s.warehouse_stock = wire_count(self.warehouse_stock);
        s.warehouse = self.warehouse.clone();
        s
    }
}

impl Component {
    /// The wire form.
    ///
    /// # Example
    ///
    /// ```
    /// let mut c = crossborder::Component::default();
    /// c.quantity = Some(3);
    /// assert_eq!(c.to_wire().quantity.map(|n| n.to_string()), Some("3".into()));
    /// ```
    // Field by field, in document order.
    #[allow(clippy::field_reassign_with_default)]
    pub fn to_wire(&self) -> wire::Component {
        let mut c = wire::Component::default();
        c.product_id = self.product_id.clone();
        c.sku_number = self.sku_number.clone();
        c.barcode = self.barcode.clone();
        c.quantity = wire_count(self.quantity);
        c
    }
}
