//! The JSON form of a stocking shipment: see the [`crate::shipment`] module docs.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::wire::text;
use crate::wire::{Number, Text};

/// A yes/no member as written: a JSON boolean, or text or a number that the
/// check reads as one (`"true"`, `"yes"`, `1`, `"否"`) or reports.
///
/// # Example
///
/// ```
/// use crossborder::shipment::Flag;
///
/// let f: Flag = serde_json::from_str("true")?;
/// assert_eq!(f.value(), Some(true));
/// let t: Flag = serde_json::from_str("\"no\"")?;
/// assert_eq!(t.value(), Some(false));
/// assert_eq!(serde_json::to_string(&t)?, "\"no\"");
/// let bad: Flag = serde_json::from_str("\"maybe\"")?;
/// assert_eq!(bad.value(), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Flag {
    /// A JSON boolean.
    Bool(bool),
    /// A string or a number, as written.
    Text(String),
    /// A JSON number.
    Number(Number),
}

impl Flag {
    /// The yes or no it says, or `None` when it says neither.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::Flag;
    /// assert_eq!(Flag::Text("是".into()).value(), Some(true));
    /// assert_eq!(Flag::Bool(false).value(), Some(false));
    /// ```
    pub fn value(&self) -> Option<bool> {
        match self {
            Flag::Bool(b) => Some(*b),
            Flag::Text(t) => {
                let t = t.trim();
                if ["true", "yes", "y", "1", "是"]
                    .iter()
                    .any(|w| t.eq_ignore_ascii_case(w))
                {
                    Some(true)
                } else if ["false", "no", "n", "0", "否"]
                    .iter()
                    .any(|w| t.eq_ignore_ascii_case(w))
                {
                    Some(false)
                } else {
                    None
                }
            }
            Flag::Number(n) => match n.decimal() {
                Ok(d) if d.is_zero() => Some(false),
                Ok(d) if d == rust_decimal::Decimal::ONE => Some(true),
                _ => None,
            },
        }
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::Bool(b) => write!(f, "{b}"),
            Flag::Text(t) => f.write_str(t),
            Flag::Number(n) => write!(f, "{n}"),
        }
    }
}

impl Serialize for Flag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Flag::Bool(b) => s.serialize_bool(*b),
            Flag::Text(t) => s.serialize_str(t),
            Flag::Number(n) => n.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Flag;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true or false")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Flag, E> {
                Ok(Flag::Bool(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Flag, E> {
                Ok(Flag::Text(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Flag, E> {
                Ok(Flag::Number(Number::from_i64(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Flag, E> {
                Ok(Flag::Number(Number::from_u64(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Flag, E> {
                Ok(Flag::Number(Number::from_f64(v)))
            }
        }
        d.deserialize_any(V)
    }
}

/// `liquid` as written: `false` (or `null`: not a liquid), `true` (a liquid
/// of unknown volume), a volume in millilitres, or `{"volumeMl": 250}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::LiquidJson;
/// let v: LiquidJson = serde_json::from_str(r#"{"volumeMl": "250"}"#)?;
/// assert!(matches!(v, LiquidJson::Object { .. }));
/// assert_eq!(serde_json::to_string(&v)?, r#"{"volumeMl":"250"}"#);
/// let n: LiquidJson = serde_json::from_str("100")?;
/// assert!(matches!(n, LiquidJson::Volume(_)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum LiquidJson {
    /// `true`, `false`, or their text.
    Flag(Flag),
    /// A number, or a numeric string: the volume in ml.
    Volume(Number),
    /// `{"volumeMl": ...}`.
    Object {
        /// `volumeMl`.
        volume_ml: Option<Number>,
    },
}

impl Serialize for LiquidJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            LiquidJson::Flag(f) => f.serialize(s),
            LiquidJson::Volume(n) => n.serialize(s),
            LiquidJson::Object { volume_ml } => {
                let mut m = s.serialize_map(None)?;
                if let Some(v) = volume_ml {
                    m.serialize_entry("volumeMl", v)?;
                }
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for LiquidJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LiquidJson;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true, false, a volume in ml or {\"volumeMl\": ...}")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<LiquidJson, E> {
                Ok(LiquidJson::Flag(Flag::Bool(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LiquidJson, E> {
                if Flag::Text(v.to_owned()).value().is_some()
                    && crate::wire::parse_decimal(v).is_err()
                {
                    Ok(LiquidJson::Flag(Flag::Text(v.to_owned())))
                } else {
                    Ok(LiquidJson::Volume(Number::from_text(v)))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LiquidJson, E> {
                Ok(LiquidJson::Volume(Number::from_i64(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LiquidJson, E> {
                Ok(LiquidJson::Volume(Number::from_u64(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<LiquidJson, E> {
                Ok(LiquidJson::Volume(Number::from_f64(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LiquidJson, A::Error> {
                let mut volume_ml = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == crate::number::ARBITRARY_PRECISION_KEY {
                        let text: String = map.next_value()?;
                        return Ok(LiquidJson::Volume(Number::from_text(text)));
                    }
                    if key == "volumeMl" {
                        volume_ml = map.next_value::<Option<Number>>()?;
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                Ok(LiquidJson::Object { volume_ml })
            }
        }
        d.deserialize_any(V)
    }
}

/// `chargeableWeightRule` as written: a preset's name, or a rule object.
///
/// # Example
///
/// ```
/// use crossborder::shipment::RuleJson;
/// let named: RuleJson = serde_json::from_str("\"express_metric\"")?;
/// assert_eq!(named, RuleJson::Name("express_metric".into()));
/// let custom: RuleJson = serde_json::from_str(r#"{"divisor": "5000 cm3/kg", "basis": "carton"}"#)?;
/// assert!(matches!(custom, RuleJson::Custom(_)));
/// assert_eq!(serde_json::to_string(&custom)?, r#"{"divisor":"5000 cm3/kg","basis":"carton"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum RuleJson {
    /// A preset's name (`express_metric`, `ups_us_domestic`, ...).
    Name(String),
    /// A caller's own rule.
    Custom(RuleObjectJson),
}

/// A caller's chargeable-weight rule as JSON: a volumetric rule
/// (`divisor`, `dimensionRounding`, `weightRounding`, `basis`, `minimum`) or
/// a revenue-ton rule (`perCbm`, `minimum`, `dimensionRounding`).
///
/// # Example
///
/// ```
/// use crossborder::shipment::RuleObjectJson;
/// let r: RuleObjectJson = serde_json::from_str(r#"{"perCbm": "1000 kg", "minimum": "1 rt"}"#)?;
/// assert_eq!(r.per_cbm.as_deref(), Some("1000 kg"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct RuleObjectJson {
    /// `divisor`: `"5000 cm3/kg"`, `"166 in3/lb"`, or `"333 kg/m3"`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub divisor: Option<Text>,
    /// `perCbm`: the weight one cubic metre counts as, for a revenue-ton rule (`"1000 kg"`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub per_cbm: Option<Text>,
    /// `dimensionRounding`: `none`, `nearest_inch` or `up_cm`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub dimension_rounding: Option<Text>,
    /// `weightRounding`: `none`, `up_0.5kg`, `up_1kg` or `up_1lb`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub weight_rounding: Option<Text>,
    /// `basis`: `carton` or `shipment`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub basis: Option<Text>,
    /// `minimum`: `"1 kg"`, or `"1 rt"` for a revenue-ton rule.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub minimum: Option<Text>,
}

impl Serialize for RuleJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RuleJson::Name(n) => s.serialize_str(n),
            RuleJson::Custom(r) => r.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for RuleJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RuleJson;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a rule's name or a rule object")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RuleJson, E> {
                Ok(RuleJson::Name(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RuleJson, A::Error> {
                RuleObjectJson::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RuleJson::Custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// A list of text members, each a string or a number (read as its text).
#[derive(Deserialize)]
#[serde(transparent)]
struct TextItem(#[serde(deserialize_with = "text::optional")] Option<Text>);

fn text_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Option<Text>>>, D::Error> {
    let items: Option<Vec<TextItem>> = Option::deserialize(d)?;
    Ok(items.map(|v| v.into_iter().map(|t| t.0).collect()))
}

/// A stocking shipment as JSON: the document [`crate::shipment::check`] reads.
///
/// # Example
///
/// ```
/// use crossborder::shipment::ShipmentJson;
/// let v: ShipmentJson = serde_json::from_str(r#"{"reference": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.reference.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"reference":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct ShipmentJson {
    /// `reference`: the shipment's PO or reference number, which every carton's mark carries.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub reference: Option<Text>,
    /// `warehouse`: the destination warehouse and its profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warehouse: Option<WarehouseJson>,
    /// `transportMode`: `air`, `express`, `sea_lcl`, `sea_fcl`, `rail` or `road`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub transport_mode: Option<Text>,
    /// `incoterm`: an Incoterms 2020 code, or the legacy `DDU`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub incoterm: Option<Text>,
    /// `shipDate`: `YYYY-MM-DD`, the date the rules apply on unless the caller gives another.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub ship_date: Option<Text>,
    /// `importer`: the importer of record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub importer: Option<ImporterJson>,
    /// `chargeableWeightRule`: a preset's name or a rule object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chargeable_weight_rule: Option<RuleJson>,
    /// `dangerousGoods`: the shipment is booked and declared as dangerous goods (default false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dangerous_goods: Option<Flag>,
    /// `rates`: exchange rates for comparing amounts in different currencies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rates: Option<Vec<RateJson>>,
    /// `skus`: the SKU registrations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skus: Option<Vec<SkuJson>>,
    /// `cartons`: the cartons, each line `count` identical boxes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cartons: Option<Vec<CartonJson>>,
    /// `packingList`: the packing list (装箱单).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packing_list: Option<PackingListJson>,
    /// `commercialInvoice`: the commercial invoice (商业发票).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commercial_invoice: Option<InvoiceJson>,
    /// `declaration`: the export customs declaration (报关单).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration: Option<DeclarationJson>,
    /// `events`: the stages the shipment went through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<EventJson>>,
    /// `receipt`: what the warehouse received.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt: Option<ReceiptJson>,
}

/// `warehouse`: `{"profile": "amazon_fba_us", "code": "ONT8", "country": "US"}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::WarehouseJson;
/// let v: WarehouseJson = serde_json::from_str(r#"{"profile": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.profile.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"profile":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct WarehouseJson {
    /// `profile`: `amazon_fba_us`, `amazon_fba_eu`, `amazon_fba_uk` or `generic`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub profile: Option<Text>,
    /// `code`: the warehouse's own code (`ONT8`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub code: Option<Text>,
    /// `country`: the destination country, ISO 3166.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub country: Option<Text>,
    /// `limits`: a `generic` profile's limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limits: Option<LimitsJson>,
}

/// `warehouse.limits`: a caller's own limits, quantities with their unit as text (`"30 kg"`, `"63.5 cm"`).
///
/// # Example
///
/// ```
/// use crossborder::shipment::LimitsJson;
/// let v: LimitsJson = serde_json::from_str(r#"{"maxCartonWeight": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.max_carton_weight.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"maxCartonWeight":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct LimitsJson {
    /// `maxCartonWeight`: heaviest carton (`"30 kg"`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub max_carton_weight: Option<Text>,
    /// `maxSide`: longest side of a carton (`"60 cm"`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub max_side: Option<Text>,
    /// `heavyLabelOver`: a carton over this weight carries a heavy-carton label.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub heavy_label_over: Option<Text>,
    /// `maxUnitsPerCarton`: most units in one carton.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_units_per_carton: Option<Number>,
    /// `consecutiveBoxNumbers`: box numbers run from 1 without a gap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consecutive_box_numbers: Option<Flag>,
    /// `mixedSkus`: several SKUs may share a carton (default true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mixed_skus: Option<Flag>,
    /// `salesLinkRequired`: every SKU registration has a sales link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sales_link_required: Option<Flag>,
}

/// `importer`: `{"name": ..., "eori": ..., "taxId": ...}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::ImporterJson;
/// let v: ImporterJson = serde_json::from_str(r#"{"name": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.name.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"name":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct ImporterJson {
    /// `name`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub name: Option<Text>,
    /// `eori`: the EORI number, needed for EU and UK destinations.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub eori: Option<Text>,
    /// `taxId`: the importer's tax number.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub tax_id: Option<Text>,
}

/// One of `rates`: `{"from": "USD", "to": "CNY", "rate": "7.1"}`, one `from` buys `rate` `to`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::RateJson;
/// let v: RateJson = serde_json::from_str(r#"{"from": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.from.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"from":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct RateJson {
    /// `from`: a currency code.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub from: Option<Text>,
    /// `to`: a currency code.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub to: Option<Text>,
    /// `rate`: how many `to` one `from` buys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
}

/// One SKU registration (SKU 预登记).
///
/// # Example
///
/// ```
/// use crossborder::shipment::SkuJson;
/// let v: SkuJson = serde_json::from_str(r#"{"sku": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.sku.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"sku":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct SkuJson {
    /// `sku`: the seller's code.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub sku: Option<Text>,
    /// `nameCn`: Chinese name.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub name_cn: Option<Text>,
    /// `nameEn`: English name.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub name_en: Option<Text>,
    /// `barcode`: the unit's EAN/UPC/GTIN.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub barcode: Option<Text>,
    /// `fnsku`: Amazon's FNSKU (`X00` and 7 letters or digits) or the ASIN for commingled stock.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub fnsku: Option<Text>,
    /// `brand`, or none.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub brand: Option<Text>,
    /// `salesLink`: a page where the product is sold.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub sales_link: Option<Text>,
    /// `hsCode`: China's 10-digit export code.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub hs_code: Option<Text>,
    /// `importHsCode`: the destination's code, 6 to 10 digits.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub import_hs_code: Option<Text>,
    /// `origin`: country of origin.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub origin: Option<Text>,
    /// `unitValue`: declared value of one unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_value: Option<Number>,
    /// `currency`: of `unitValue`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub currency: Option<Text>,
    /// `unitWeight`: weight of one unit, in `massUnit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_weight: Option<Number>,
    /// `massUnit`: `kg`, `g`, `lb`, `oz` (or the API's spellings).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub mass_unit: Option<Text>,
    /// `dimensions` of one unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<DimensionsJson>,
    /// `battery`: the unit's batteries, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub battery: Option<BatteryJson>,
    /// `liquid`: `null`/`false`, `true`, a volume in ml, or `{"volumeMl": 250}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liquid: Option<LiquidJson>,
    /// `powder`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub powder: Option<Flag>,
    /// `magnetic`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub magnetic: Option<Flag>,
    /// `flammable`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flammable: Option<Flag>,
    /// `jewelleryOrWatch`: jewellery or a watch (some profiles limit such cartons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jewellery_or_watch: Option<Flag>,
    /// `lotManaged`: every carton line gives its lot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot_managed: Option<Flag>,
    /// `expiryManaged`: every carton line gives its expiry date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry_managed: Option<Flag>,
    /// `documents` held for the SKU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<DocumentJson>>,
}

/// `dimensions`: `{"length": 50, "width": 40, "height": 30, "unit": "cm"}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::DimensionsJson;
/// let v: DimensionsJson = serde_json::from_str(r#"{"length": "12.50"}"#)?;
/// assert_eq!(v.length.as_ref().and_then(|n| n.decimal().ok()), Some(rust_decimal::Decimal::new(1250, 2)));
/// assert_eq!(serde_json::to_string(&v)?, r#"{"length":"12.50"}"#); // written as it was read
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct DimensionsJson {
    /// `length`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<Number>,
    /// `width`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<Number>,
    /// `height`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<Number>,
    /// `unit`: `cm`, `mm`, `m` or `in`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub unit: Option<Text>,
}

/// `battery`: configuration, chemistry, energy, count and state of charge.
///
/// # Example
///
/// ```
/// use crossborder::shipment::BatteryJson;
/// let v: BatteryJson = serde_json::from_str(r#"{"configuration": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.configuration.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"configuration":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct BatteryJson {
    /// `configuration`: `none`, `contained_in_equipment`, `packed_with_equipment` or `alone`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub configuration: Option<Text>,
    /// `chemistry`: `lithium_ion`, `lithium_metal` or `other`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub chemistry: Option<Text>,
    /// `wattHours`: per battery (lithium ion).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watt_hours: Option<Number>,
    /// `lithiumGrams`: lithium content per battery (lithium metal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lithium_grams: Option<Number>,
    /// `cell`: the figures are of single cells, not batteries (default false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<Flag>,
    /// `count`: batteries per unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<Number>,
    /// `stateOfCharge`: in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_of_charge: Option<Number>,
}

/// One of `documents`: `{"kind": "msds", "issuedOn": "2025-03-01"}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::DocumentJson;
/// let v: DocumentJson = serde_json::from_str(r#"{"kind": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.kind.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"kind":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct DocumentJson {
    /// `kind`: `msds`, `un38_3_summary`, `air_transport_report`, `magnetic_report` or `non_dg_report`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub kind: Option<Text>,
    /// `issuedOn`: `YYYY-MM-DD`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub issued_on: Option<Text>,
}

/// One line of `cartons`: `count` identical boxes numbered from `boxNo`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::CartonJson;
/// let v: CartonJson = serde_json::from_str(r#"{"boxNo": "12.50"}"#)?;
/// assert_eq!(v.box_no.as_ref().and_then(|n| n.decimal().ok()), Some(rust_decimal::Decimal::new(1250, 2)));
/// assert_eq!(serde_json::to_string(&v)?, r#"{"boxNo":"12.50"}"#); // written as it was read
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct CartonJson {
    /// `boxNo`: the first box's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub box_no: Option<Number>,
    /// `count`: how many identical boxes (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<Number>,
    /// `marks`: what the box is labelled with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marks: Option<MarksJson>,
    /// `grossWeight` of one box, in `massUnit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gross_weight: Option<Number>,
    /// `netWeight` of one box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net_weight: Option<Number>,
    /// `massUnit`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub mass_unit: Option<Text>,
    /// `dimensions` of one box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<DimensionsJson>,
    /// `items`: the contents of one box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<ItemJson>>,
}

/// `marks`: `{"reference": "PO-...", "shipmentId": "FBA15XYZ", "labels": ["team_lift"]}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::MarksJson;
/// let v: MarksJson = serde_json::from_str(r#"{"reference": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.reference.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"reference":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct MarksJson {
    /// `reference`: the PO or reference number (箱唛).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub reference: Option<Text>,
    /// `shipmentId`: Amazon's shipment ID.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub shipment_id: Option<Text>,
    /// `labels`: `team_lift`, `mech_lift`, `heavy_package`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text_list"
    )]
    pub labels: Option<Vec<Option<Text>>>,
}

/// One of a carton's `items`: `{"sku": ..., "quantity": 80, "lot": null, "expiry": null}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::ItemJson;
/// let v: ItemJson = serde_json::from_str(r#"{"sku": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.sku.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"sku":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct ItemJson {
    /// `sku`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub sku: Option<Text>,
    /// `quantity` in one box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
    /// `lot`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub lot: Option<Text>,
    /// `expiry`: `YYYY-MM-DD`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub expiry: Option<Text>,
}

/// `packingList`: carton count, total weights and quantities per SKU.
///
/// # Example
///
/// ```
/// use crossborder::shipment::PackingListJson;
/// let v: PackingListJson = serde_json::from_str(r#"{"cartons": "12.50"}"#)?;
/// assert_eq!(v.cartons.as_ref().and_then(|n| n.decimal().ok()), Some(rust_decimal::Decimal::new(1250, 2)));
/// assert_eq!(serde_json::to_string(&v)?, r#"{"cartons":"12.50"}"#); // written as it was read
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct PackingListJson {
    /// `cartons`: how many boxes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cartons: Option<Number>,
    /// `netWeight`: total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net_weight: Option<Number>,
    /// `grossWeight`: total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gross_weight: Option<Number>,
    /// `massUnit`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub mass_unit: Option<Text>,
    /// `lines`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<PackingLineJson>>,
}

/// One of the packing list's `lines`: `{"sku": ..., "quantity": 240}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::PackingLineJson;
/// let v: PackingLineJson = serde_json::from_str(r#"{"sku": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.sku.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"sku":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct PackingLineJson {
    /// `sku`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub sku: Option<Text>,
    /// `quantity`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
}

/// `commercialInvoice`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::InvoiceJson;
/// let v: InvoiceJson = serde_json::from_str(r#"{"number": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.number.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"number":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct InvoiceJson {
    /// `number`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub number: Option<Text>,
    /// `currency` of every amount.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub currency: Option<Text>,
    /// `freight` charged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freight: Option<Number>,
    /// `insurance` charged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insurance: Option<Number>,
    /// `total`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Number>,
    /// `lines`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<InvoiceLineJson>>,
}

/// One of the invoice's `lines`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::InvoiceLineJson;
/// let v: InvoiceLineJson = serde_json::from_str(r#"{"sku": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.sku.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"sku":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct InvoiceLineJson {
    /// `sku`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub sku: Option<Text>,
    /// `description`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub description: Option<Text>,
    /// `hsCode`: China's or the destination's code (matched at 6 digits).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub hs_code: Option<Text>,
    /// `quantity`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
    /// `unitPrice`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<Number>,
    /// `amount`: quantity x unit price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Number>,
}

/// `declaration`: the export customs declaration, one line per HS code.
///
/// # Example
///
/// ```
/// use crossborder::shipment::DeclarationJson;
/// let v: DeclarationJson = serde_json::from_str(r#"{"currency": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.currency.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"currency":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct DeclarationJson {
    /// `currency` of the amounts.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub currency: Option<Text>,
    /// `lines`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<DeclarationLineJson>>,
}

/// One of the declaration's `lines`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::DeclarationLineJson;
/// let v: DeclarationLineJson = serde_json::from_str(r#"{"hsCode": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.hs_code.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"hsCode":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct DeclarationLineJson {
    /// `hsCode`: 10 digits.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub hs_code: Option<Text>,
    /// `name`: the goods' name (Chinese).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub name: Option<Text>,
    /// `quantity`, in `unit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
    /// `unit`: a China customs unit code (`007` 个, `035` kg, `036` g).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub unit: Option<Text>,
    /// `amount`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Number>,
    /// `skus`: the SKUs the line covers (optional).
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text_list"
    )]
    pub skus: Option<Vec<Option<Text>>>,
}

/// One of `events`: `{"stage": "consolidation", "at": "2026-11-18T09:00:00+08:00"}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::EventJson;
/// let v: EventJson = serde_json::from_str(r#"{"stage": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.stage.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"stage":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct EventJson {
    /// `stage`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub stage: Option<Text>,
    /// `at`: ISO 8601 with an offset.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub at: Option<Text>,
    /// `exception` recorded on the stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception: Option<ExceptionJson>,
}

/// An event's `exception`: `{"kind": "customs_hold", "note": "document check"}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::ExceptionJson;
/// let v: ExceptionJson = serde_json::from_str(r#"{"kind": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.kind.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"kind":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct ExceptionJson {
    /// `kind`: `customs_hold`, `refused_at_warehouse` or `other`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub kind: Option<Text>,
    /// `note`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub note: Option<Text>,
}

/// `receipt`: what the warehouse received.
///
/// # Example
///
/// ```
/// use crossborder::shipment::ReceiptJson;
/// let v: ReceiptJson = serde_json::from_str(r#"{"receivedOn": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.received_on.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"receivedOn":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct ReceiptJson {
    /// `receivedOn`: `YYYY-MM-DD`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub received_on: Option<Text>,
    /// `lines`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<ReceiptLineJson>>,
}

/// One of the receipt's `lines`: `{"sku": ..., "boxNo": 1, "quantity": 80, "damaged": 0}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::ReceiptLineJson;
/// let v: ReceiptLineJson = serde_json::from_str(r#"{"sku": 12345, "notAMember": true}"#)?;
/// assert_eq!(v.sku.as_deref(), Some("12345")); // a number read as its text
/// assert_eq!(serde_json::to_string(&v)?, r#"{"sku":"12345"}"#); // unknown members are not kept
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct ReceiptLineJson {
    /// `sku`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional"
    )]
    pub sku: Option<Text>,
    /// `boxNo`: the box, where the warehouse counted per box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub box_no: Option<Number>,
    /// `quantity` received (damaged units included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
    /// `damaged` units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub damaged: Option<Number>,
}

crate::object_only!(
    RuleObjectJson,
    ShipmentJson,
    WarehouseJson,
    LimitsJson,
    ImporterJson,
    RateJson,
    SkuJson,
    DimensionsJson,
    BatteryJson,
    DocumentJson,
    CartonJson,
    MarksJson,
    ItemJson,
    PackingListJson,
    PackingLineJson,
    InvoiceJson,
    InvoiceLineJson,
    DeclarationJson,
    DeclarationLineJson,
    EventJson,
    ExceptionJson,
    ReceiptJson,
    ReceiptLineJson,
);
