//! The JSON form to domain types, every bad value reported at its pointer
//! and treated as absent.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::chargeable::{ChargeableRule, DimensionRounding, Method, WeightBasis, WeightRounding};
use super::flow::{ExceptionKind, Receipt, ReceiptLine, Stage, StageEvent, StageException};
use super::json::{self, Flag, LiquidJson, RuleJson};
use super::model::*;
use super::profile::{HeavyLabel, SideRule, WarehouseProfile};
use super::rules::Rule;
use crate::echo;
use crate::model::convert::Conv;
use crate::wire::{Number, Text};
use crate::{
    Code, Currency, CustomsUnit, Dimensions, ExchangeRates, Gtin, Length, LengthUnit, Loc,
    MassUnit, Money, StockingShipment, VolumetricDivisor, Weight,
};

pub(super) struct Reader {
    pub(super) conv: Conv,
}

fn given(raw: &Option<Text>) -> Option<&str> {
    raw.as_deref().filter(|s| !s.trim().is_empty())
}

fn text(raw: &Option<Text>) -> Option<String> {
    given(raw).map(|s| s.trim().to_owned())
}

/// `YYYY-MM-DD` exactly (ten ASCII characters), as numbers; `None` for any
/// other text, which chrono then reads as before.
fn plain_date(t: &str) -> Option<(i32, u32, u32)> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    Some((i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?))
}

impl Reader {
    fn error(&mut self, loc: &Loc<'_>, code: Code, value: &str, en: String, zh: String) {
        self.conv.error(loc, code, value, en, zh);
    }

    fn date(&mut self, loc: &Loc<'_>, raw: &Option<Text>) -> Option<NaiveDate> {
        let t = given(raw)?;
        let t_trim = t.trim();
        // The usual form read directly (chrono's format parser costs more
        // than the rest of a registration); anything else through chrono.
        let parsed = match plain_date(t_trim) {
            Some((y, m, d)) => NaiveDate::from_ymd_opt(y, m, d),
            None => NaiveDate::parse_from_str(t_trim, "%Y-%m-%d").ok(),
        };
        match parsed.ok_or(()) {
            Ok(d) => Some(d),
            Err(_) => {
                self.error(
                    loc,
                    Code::SHIPMENT_DATE_INVALID,
                    t,
                    format!("invalid date {:?}: expected YYYY-MM-DD", echo(t)),
                    format!("日期 {:?} 无效：应为 YYYY-MM-DD", echo(t)),
                );
                None
            }
        }
    }

    fn flag(&mut self, loc: &Loc<'_>, raw: &Option<Flag>) -> Option<bool> {
        let f = raw.as_ref()?;
        let v = f.value();
        if v.is_none() {
            let t = f.to_string();
            self.error(
                loc,
                Code::SHIPMENT_FLAG_INVALID,
                &t,
                format!("invalid flag {:?}: expected true or false", echo(&t)),
                format!("标志 {:?} 无效：应为 true 或 false", echo(&t)),
            );
        }
        v
    }

    fn closed<T>(&mut self, loc: &Loc<'_>, raw: &Option<Text>, code: Code) -> Option<T>
    where
        T: std::str::FromStr<Err = crate::ParseEnumError>,
    {
        let t = given(raw)?;
        match t.parse::<T>() {
            Ok(v) => Some(v),
            Err(e) => {
                let en = e.to_string();
                let zh = e.message_zh();
                self.error(loc, code, t, en, zh);
                None
            }
        }
    }

    fn count(&mut self, loc: &Loc<'_>, raw: &Option<Number>) -> Option<u32> {
        self.conv.count(loc, raw.as_ref())
    }

    fn decimal(&mut self, loc: &Loc<'_>, raw: &Option<Number>) -> Option<Decimal> {
        self.conv.decimal(loc, raw.as_ref())
    }

    fn mass_unit(&mut self, loc: &Loc<'_>, raw: &Option<Text>) -> Option<MassUnit> {
        match given(raw) {
            None => Some(MassUnit::Kilogram),
            Some(t) => self.conv.mass_unit(loc, t),
        }
    }

    fn weight(
        &mut self,
        loc: &Loc<'_>,
        raw: &Option<Number>,
        unit: Option<MassUnit>,
    ) -> Option<Weight> {
        self.conv.weight(loc, raw.as_ref(), unit)
    }

    fn currency(&mut self, loc: &Loc<'_>, raw: &Option<Text>) -> Option<Currency> {
        self.conv.currency(loc, given(raw)?)
    }

    fn money(
        &mut self,
        loc: &Loc<'_>,
        raw: &Option<Number>,
        currency: Option<Currency>,
    ) -> Option<Money> {
        self.conv.money(loc, raw.as_ref(), currency)
    }

    fn dimensions(
        &mut self,
        loc: &Loc<'_>,
        raw: &Option<json::DimensionsJson>,
    ) -> Option<Dimensions> {
        let d = raw.as_ref()?;
        let unit = match given(&d.unit) {
            None => Some(LengthUnit::Centimetre),
            Some(t) => self
                .closed::<LengthUnit>(
                    &loc.field("unit"),
                    &d.unit,
                    Code::SHIPMENT_LENGTH_UNIT_UNKNOWN,
                )
                .or_else(|| {
                    let _ = t;
                    None
                }),
        };
        let mut sides = [Decimal::ZERO; 3];
        let mut ok = true;
        for (i, (name, raw)) in [
            ("length", &d.length),
            ("width", &d.width),
            ("height", &d.height),
        ]
        .into_iter()
        .enumerate()
        {
            let at = loc.field(name);
            match self.decimal(&at, raw) {
                Some(v) if v > Decimal::ZERO => sides[i] = v,
                Some(v) => {
                    self.error(
                        &at,
                        Code::SHIPMENT_DIMENSIONS_NOT_POSITIVE,
                        &v.to_string(),
                        format!("invalid {name} {v}: every side must be greater than zero"),
                        format!("尺寸 {v} 无效：每条边都必须大于零"),
                    );
                    ok = false;
                }
                None => ok = false,
            }
        }
        let unit = unit?;
        if !ok {
            return None;
        }
        match Dimensions::new(sides[0], sides[1], sides[2], unit) {
            Ok(d) => Some(d),
            Err(e) => {
                let en = e.to_string();
                let zh = e.message_zh();
                self.error(loc, Code::NUMBER_OUT_OF_RANGE, "", en, zh);
                None
            }
        }
    }

    fn limit<T: std::str::FromStr<Err = crate::MeasureError>>(
        &mut self,
        loc: &Loc<'_>,
        raw: &Option<Text>,
    ) -> Option<T> {
        let t = given(raw)?;
        match t.parse::<T>() {
            Ok(v) => Some(v),
            Err(e) => {
                let en = e.to_string();
                let zh = e.message_zh();
                self.error(loc, Code::WAREHOUSE_LIMIT_INVALID, t, en, zh);
                None
            }
        }
    }
}

impl Reader {
    pub(super) fn new() -> Self {
        Reader {
            conv: Conv::default(),
        }
    }

    pub(super) fn shipment(&mut self, j: &json::ShipmentJson) -> StockingShipment {
        let root = Loc::ROOT;
        let mut s = StockingShipment {
            reference: text(&j.reference),
            ..StockingShipment::default()
        };
        if let Some(w) = &j.warehouse {
            let at = root.field("warehouse");
            s.warehouse = self.warehouse(&at, w);
        }
        s.transport_mode = self.closed(
            &root.field("transportMode"),
            &j.transport_mode,
            Code::TRANSPORT_MODE_UNKNOWN,
        );
        s.incoterm = self.closed(&root.field("incoterm"), &j.incoterm, Code::INCOTERM_UNKNOWN);
        s.ship_date = self.date(&root.field("shipDate"), &j.ship_date);
        if let Some(i) = &j.importer {
            let eori = match given(&i.eori) {
                None => None,
                Some(t) => match crate::Eori::parse(t) {
                    Ok(e) => Some(e),
                    Err(e) => {
                        let en = e.to_string();
                        let zh = e.message_zh();
                        self.error(
                            &root.field("importer").field("eori"),
                            Rule::ImporterEoriInvalid.code(),
                            t,
                            en,
                            zh,
                        );
                        None
                    }
                },
            };
            s.importer = Some(Importer {
                name: text(&i.name),
                eori,
                tax_id: text(&i.tax_id),
            });
        }
        if let Some(rule) = &j.chargeable_weight_rule {
            s.chargeable_rule = self.rule(&root.field("chargeableWeightRule"), rule);
        }
        s.dangerous_goods = self
            .flag(&root.field("dangerousGoods"), &j.dangerous_goods)
            .unwrap_or(false);
        if let Some(rates) = &j.rates {
            s.rates = self.rates(&root.field("rates"), rates);
        }
        if let Some(skus) = &j.skus {
            let at = root.field("skus");
            s.skus = skus
                .iter()
                .enumerate()
                .map(|(i, k)| self.sku(&at.index(i), k))
                .collect();
        }
        if let Some(cartons) = &j.cartons {
            let at = root.field("cartons");
            s.cartons = cartons
                .iter()
                .enumerate()
                .map(|(i, c)| self.carton(&at.index(i), c))
                .collect();
        }
        if let Some(pl) = &j.packing_list {
            s.packing_list = Some(self.packing_list(&root.field("packingList"), pl));
        }
        if let Some(ci) = &j.commercial_invoice {
            s.invoice = Some(self.invoice(&root.field("commercialInvoice"), ci));
        }
        if let Some(d) = &j.declaration {
            s.declaration = Some(self.declaration(&root.field("declaration"), d));
        }
        if let Some(events) = &j.events {
            let at = root.field("events");
            s.events = events
                .iter()
                .enumerate()
                .map(|(i, e)| self.event(&at.index(i), e))
                .collect();
        }
        if let Some(r) = &j.receipt {
            s.receipt = Some(self.receipt(&root.field("receipt"), r));
        }
        s
    }

    fn warehouse(&mut self, at: &Loc<'_>, w: &json::WarehouseJson) -> Warehouse {
        let profile = match given(&w.profile) {
            None => None,
            Some(name) => match WarehouseProfile::preset(name) {
                Some(p) => Some(p),
                None => {
                    self.error(
                        &at.field("profile"),
                        Code::WAREHOUSE_PROFILE_UNKNOWN,
                        name,
                        format!(
                            "unknown warehouse profile {:?}: expected one of {}",
                            echo(name),
                            WarehouseProfile::PRESETS.join(", ")
                        ),
                        format!(
                            "未知的仓库规则 {:?}：应为 {} 之一",
                            echo(name),
                            WarehouseProfile::PRESETS.join("、")
                        ),
                    );
                    None
                }
            },
        };
        let profile = match (profile, &w.limits) {
            (Some(mut p), Some(l)) => {
                self.limits(&at.field("limits"), l, &mut p);
                Some(p)
            }
            (None, Some(l)) if given(&w.profile).is_none() => {
                let mut p = WarehouseProfile::generic();
                self.limits(&at.field("limits"), l, &mut p);
                Some(p)
            }
            (p, _) => p,
        };
        Warehouse {
            profile,
            code: text(&w.code),
            country: self.conv.country(&at.field("country"), w.country.as_ref()),
        }
    }

    fn limits(&mut self, at: &Loc<'_>, l: &json::LimitsJson, p: &mut WarehouseProfile) {
        if let Some(w) = self.limit::<Weight>(&at.field("maxCartonWeight"), &l.max_carton_weight) {
            p.max_carton_weight = Some(w);
        }
        if let Some(len) = self.limit::<Length>(&at.field("maxSide"), &l.max_side) {
            p.max_side = Some(SideRule::Always(len));
        }
        if let Some(w) = self.limit::<Weight>(&at.field("heavyLabelOver"), &l.heavy_label_over) {
            p.heavy_labels = vec![HeavyLabel {
                over: w,
                label: None,
            }];
        }
        if let Some(n) = self.count(&at.field("maxUnitsPerCarton"), &l.max_units_per_carton) {
            p.max_units_per_carton = Some(n);
        }
        if let Some(b) = self.flag(
            &at.field("consecutiveBoxNumbers"),
            &l.consecutive_box_numbers,
        ) {
            p.consecutive_box_numbers = b;
        }
        if let Some(b) = self.flag(&at.field("mixedSkus"), &l.mixed_skus) {
            p.mixed_skus = b;
        }
        if let Some(b) = self.flag(&at.field("salesLinkRequired"), &l.sales_link_required) {
            p.sales_link_required = b;
        }
    }

    fn rule(&mut self, at: &Loc<'_>, rule: &RuleJson) -> Option<ChargeableRule> {
        let bad = |r: &mut Reader, at: &Loc<'_>, value: &str, en: String, zh: String| {
            r.error(at, Code::CHARGEABLE_RULE_INVALID, value, en, zh);
        };
        match rule {
            RuleJson::Name(name) => {
                let preset = ChargeableRule::preset(name);
                if preset.is_none() {
                    bad(
                        self,
                        at,
                        name,
                        format!(
                            "unknown chargeable-weight rule {:?}: expected one of {}, or a rule object",
                            echo(name),
                            ChargeableRule::PRESETS.join(", ")
                        ),
                        format!(
                            "未知的计费重规则 {:?}：应为 {} 之一，或自定义规则对象",
                            echo(name),
                            ChargeableRule::PRESETS.join("、")
                        ),
                    );
                }
                preset
            }
            RuleJson::Custom(o) => {
                let dims = self.closed::<DimensionRounding>(
                    &at.field("dimensionRounding"),
                    &o.dimension_rounding,
                    Code::CHARGEABLE_RULE_INVALID,
                );
                let weight = self.closed::<WeightRounding>(
                    &at.field("weightRounding"),
                    &o.weight_rounding,
                    Code::CHARGEABLE_RULE_INVALID,
                );
                let basis = self.closed::<WeightBasis>(
                    &at.field("basis"),
                    &o.basis,
                    Code::CHARGEABLE_RULE_INVALID,
                );
                let mut failed = (given(&o.dimension_rounding).is_some() && dims.is_none())
                    || (given(&o.weight_rounding).is_some() && weight.is_none())
                    || (given(&o.basis).is_some() && basis.is_none());
                let mut rule = if let Some(per) = given(&o.per_cbm) {
                    match per.parse::<Weight>() {
                        Ok(w) if !w.is_zero() => Some(ChargeableRule::revenue_ton(w)),
                        _ => {
                            bad(
                                self,
                                &at.field("perCbm"),
                                per,
                                format!(
                                    "invalid perCbm {:?}: expected a weight such as \"1000 kg\"",
                                    echo(per)
                                ),
                                format!("perCbm {:?} 无效：应为重量，如 \"1000 kg\"", echo(per)),
                            );
                            None
                        }
                    }
                } else if let Some(div) = given(&o.divisor) {
                    match div.parse::<VolumetricDivisor>() {
                        Ok(d) => Some(ChargeableRule::volumetric(d)),
                        Err(e) => {
                            let en = e.to_string();
                            let zh = e.message_zh();
                            bad(self, &at.field("divisor"), div, en, zh);
                            None
                        }
                    }
                } else {
                    bad(self, at, "", "a chargeable-weight rule object needs a divisor (\"5000 cm3/kg\") or perCbm (\"1000 kg\")".into(), "计费重规则对象需要 divisor（如 \"5000 cm3/kg\"）或 perCbm（如 \"1000 kg\"）".into());
                    None
                };
                if let Some(r) = rule.as_mut() {
                    if let Some(d) = dims {
                        r.dimension_rounding = d;
                    }
                    if let Some(w) = weight {
                        r.weight_rounding = w;
                    }
                    if let Some(b) = basis {
                        r.basis = b;
                    }
                    if matches!(r.method, Method::RevenueTon { .. })
                        && r.basis == WeightBasis::Carton
                    {
                        bad(
                            self,
                            &at.field("basis"),
                            "carton",
                            "a revenue-ton rule applies to the whole shipment".into(),
                            "按计费吨（W/M）的规则只适用于整票货".into(),
                        );
                        failed = true;
                    }
                    if let Some(m) = given(&o.minimum) {
                        let unit = r.unit();
                        let (number, suffix) = m.trim().split_at(
                            m.trim()
                                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                                .unwrap_or(m.trim().len()),
                        );
                        let value = crate::wire::parse_decimal(number).ok();
                        let unit_ok = match unit {
                            super::chargeable::ChargeableUnit::RevenueTon => {
                                suffix.trim().eq_ignore_ascii_case("rt")
                            }
                            _ => suffix
                                .trim()
                                .parse::<MassUnit>()
                                .is_ok_and(|u| u.symbol() == unit.as_str()),
                        };
                        match value {
                            Some(v) if unit_ok => r.minimum = Some(v),
                            _ => {
                                bad(
                                    self,
                                    &at.field("minimum"),
                                    m,
                                    format!(
                                        "invalid minimum {:?}: expected a figure in {} such as \"1 {}\"",
                                        echo(m),
                                        unit,
                                        unit
                                    ),
                                    format!(
                                        "最低计费 {:?} 无效：应为以 {} 计的数值，如 \"1 {}\"",
                                        echo(m),
                                        unit,
                                        unit
                                    ),
                                );
                                failed = true;
                            }
                        }
                    }
                    if let Some((_, step_unit)) = weight.and_then(|w| match w {
                        WeightRounding::UpLb => Some((w, "lb")),
                        WeightRounding::UpHalfKg | WeightRounding::UpKg => Some((w, "kg")),
                        WeightRounding::None => None,
                    }) && step_unit != r.unit().as_str()
                    {
                        bad(
                            self,
                            &at.field("weightRounding"),
                            r.weight_rounding.as_str(),
                            format!(
                                "weight rounding {} does not fit a rule in {}",
                                r.weight_rounding,
                                r.unit()
                            ),
                            format!(
                                "重量取整方式 {} 与规则单位 {} 不符",
                                r.weight_rounding,
                                r.unit()
                            ),
                        );
                        failed = true;
                    }
                }
                if failed { None } else { rule }
            }
        }
    }

    fn rates(&mut self, at: &Loc<'_>, rates: &[json::RateJson]) -> ExchangeRates {
        let mut out = ExchangeRates::new();
        for (i, r) in rates.iter().enumerate() {
            let item = at.index(i);
            let from = self.currency(&item.field("from"), &r.from);
            let to = self.currency(&item.field("to"), &r.to);
            let rate = self.decimal(&item.field("rate"), &r.rate);
            if let (Some(from), Some(to), Some(rate)) = (from, to, rate)
                && let Err(e) = out.insert(from, to, rate)
            {
                self.error(
                    &item.field("rate"),
                    Code::SHIPMENT_RATE_INVALID,
                    &rate.to_string(),
                    e.to_string(),
                    format!("汇率 {rate} 无效：汇率必须为正数"),
                );
            }
        }
        out
    }

    fn sku(&mut self, at: &Loc<'_>, k: &json::SkuJson) -> SkuRegistration {
        let mut s = SkuRegistration {
            sku: text(&k.sku),
            name_cn: text(&k.name_cn),
            name_en: text(&k.name_en),
            fnsku: text(&k.fnsku),
            brand: text(&k.brand),
            sales_link: text(&k.sales_link),
            ..SkuRegistration::default()
        };
        if let Some(b) = given(&k.barcode) {
            match Gtin::parse(b) {
                Ok(g) => s.barcode = Some(g),
                Err(e) => {
                    let en = e.to_string();
                    let zh = e.message_zh();
                    self.error(
                        &at.field("barcode"),
                        Rule::RegistrationBarcodeInvalid.code(),
                        b,
                        en,
                        zh,
                    );
                }
            }
        }
        s.hs_code = self.conv.hs_code(&at.field("hsCode"), k.hs_code.as_ref());
        s.import_hs_code = self
            .conv
            .hs_code(&at.field("importHsCode"), k.import_hs_code.as_ref());
        s.origin = self.conv.country(&at.field("origin"), k.origin.as_ref());
        let currency = self.currency(&at.field("currency"), &k.currency);
        if k.unit_value.is_some() && given(&k.currency).is_none() {
            self.error(
                &at.field("currency"),
                Code::CURRENCY_UNKNOWN,
                "",
                "no currency for unitValue: expected an ISO 4217 code such as USD or CNY".into(),
                "unitValue 缺少币种：应为 ISO 4217 代码，如 USD 或 CNY".into(),
            );
        }
        s.unit_value = self.money(&at.field("unitValue"), &k.unit_value, currency);
        let unit = self.mass_unit(&at.field("massUnit"), &k.mass_unit);
        s.unit_weight = self.weight(&at.field("unitWeight"), &k.unit_weight, unit);
        s.dimensions = self.dimensions(&at.field("dimensions"), &k.dimensions);
        if let Some(b) = &k.battery {
            let bat = at.field("battery");
            s.battery = Some(Battery {
                configuration: self.closed(
                    &bat.field("configuration"),
                    &b.configuration,
                    Code::BATTERY_VALUE_UNKNOWN,
                ),
                chemistry: self.closed(
                    &bat.field("chemistry"),
                    &b.chemistry,
                    Code::BATTERY_VALUE_UNKNOWN,
                ),
                watt_hours: self.decimal(&bat.field("wattHours"), &b.watt_hours),
                lithium_grams: self.decimal(&bat.field("lithiumGrams"), &b.lithium_grams),
                cell: self.flag(&bat.field("cell"), &b.cell).unwrap_or(false),
                count: self.count(&bat.field("count"), &b.count),
                state_of_charge: self.decimal(&bat.field("stateOfCharge"), &b.state_of_charge),
            });
        }
        s.liquid = match &k.liquid {
            None => None,
            Some(LiquidJson::Flag(f)) => match self.flag(&at.field("liquid"), &Some(f.clone())) {
                Some(true) => Some(None),
                _ => None,
            },
            Some(LiquidJson::Volume(n)) => {
                Some(self.decimal(&at.field("liquid"), &Some(n.clone())))
            }
            Some(LiquidJson::Object { volume_ml }) => {
                let l = at.field("liquid");
                Some(self.decimal(&l.field("volumeMl"), volume_ml))
            }
        };
        s.powder = self.flag(&at.field("powder"), &k.powder).unwrap_or(false);
        s.magnetic = self
            .flag(&at.field("magnetic"), &k.magnetic)
            .unwrap_or(false);
        s.flammable = self
            .flag(&at.field("flammable"), &k.flammable)
            .unwrap_or(false);
        s.jewellery_or_watch = self
            .flag(&at.field("jewelleryOrWatch"), &k.jewellery_or_watch)
            .unwrap_or(false);
        s.lot_managed = self
            .flag(&at.field("lotManaged"), &k.lot_managed)
            .unwrap_or(false);
        s.expiry_managed = self
            .flag(&at.field("expiryManaged"), &k.expiry_managed)
            .unwrap_or(false);
        if let Some(docs) = &k.documents {
            let list = at.field("documents");
            s.documents = docs
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let item = list.index(i);
                    HeldDocument {
                        kind: self.closed(
                            &item.field("kind"),
                            &d.kind,
                            Code::DOCUMENT_KIND_UNKNOWN,
                        ),
                        issued_on: self.date(&item.field("issuedOn"), &d.issued_on),
                    }
                })
                .collect();
        }
        s
    }

    fn carton(&mut self, at: &Loc<'_>, c: &json::CartonJson) -> Carton {
        let box_no = self.count(&at.field("boxNo"), &c.box_no);
        let count = match self.count(&at.field("count"), &c.count) {
            Some(0) => {
                self.error(
                    &at.field("count"),
                    Rule::CartonCountZero.code(),
                    "0",
                    "a carton line's count must be at least 1".into(),
                    "箱数（count）至少为 1".into(),
                );
                0
            }
            Some(n) => n,
            // Absent: one box. Malformed (reported): unknown, like zero.
            None if c.count.is_some() => 0,
            None => 1,
        };
        let mut marks = Marks::default();
        if let Some(m) = &c.marks {
            let mat = at.field("marks");
            marks.reference = text(&m.reference);
            marks.shipment_id = text(&m.shipment_id);
            if let Some(labels) = &m.labels {
                let lat = mat.field("labels");
                for (i, l) in labels.iter().enumerate() {
                    if let Some(label) =
                        self.closed::<CartonLabel>(&lat.index(i), l, Code::CARTON_LABEL_UNKNOWN)
                    {
                        marks.labels.push(label);
                    }
                }
            }
        }
        let unit = self.mass_unit(&at.field("massUnit"), &c.mass_unit);
        let gross_weight = self.weight(&at.field("grossWeight"), &c.gross_weight, unit);
        let net_weight = self.weight(&at.field("netWeight"), &c.net_weight, unit);
        let dimensions = self.dimensions(&at.field("dimensions"), &c.dimensions);
        let mut items = Vec::new();
        if let Some(list) = &c.items {
            let iat = at.field("items");
            items = list
                .iter()
                .enumerate()
                .map(|(i, it)| {
                    let item = iat.index(i);
                    CartonItem {
                        sku: text(&it.sku),
                        quantity: self.count(&item.field("quantity"), &it.quantity),
                        lot: text(&it.lot),
                        expiry: self.date(&item.field("expiry"), &it.expiry),
                    }
                })
                .collect();
        }
        Carton {
            box_no,
            count,
            marks,
            gross_weight,
            net_weight,
            dimensions,
            items,
        }
    }

    fn packing_list(&mut self, at: &Loc<'_>, p: &json::PackingListJson) -> PackingList {
        let unit = self.mass_unit(&at.field("massUnit"), &p.mass_unit);
        let mut pl = PackingList {
            cartons: self.count(&at.field("cartons"), &p.cartons),
            net_weight: self.weight(&at.field("netWeight"), &p.net_weight, unit),
            gross_weight: self.weight(&at.field("grossWeight"), &p.gross_weight, unit),
            lines: Vec::new(),
        };
        if let Some(lines) = &p.lines {
            let lat = at.field("lines");
            pl.lines = lines
                .iter()
                .enumerate()
                .map(|(i, l)| PackingLine {
                    sku: text(&l.sku),
                    quantity: self.count(&lat.index(i).field("quantity"), &l.quantity),
                })
                .collect();
        }
        pl
    }

    fn invoice(&mut self, at: &Loc<'_>, c: &json::InvoiceJson) -> CommercialInvoice {
        let currency = self.currency(&at.field("currency"), &c.currency);
        let mut ci = CommercialInvoice {
            number: text(&c.number),
            currency,
            freight: self.money(&at.field("freight"), &c.freight, currency),
            insurance: self.money(&at.field("insurance"), &c.insurance, currency),
            total: self.money(&at.field("total"), &c.total, currency),
            lines: Vec::new(),
        };
        if let Some(lines) = &c.lines {
            let lat = at.field("lines");
            ci.lines = lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let item = lat.index(i);
                    InvoiceLine {
                        sku: text(&l.sku),
                        description: text(&l.description),
                        hs_code: self.conv.hs_code(&item.field("hsCode"), l.hs_code.as_ref()),
                        quantity: self.count(&item.field("quantity"), &l.quantity),
                        unit_price: self.money(&item.field("unitPrice"), &l.unit_price, currency),
                        amount: self.money(&item.field("amount"), &l.amount, currency),
                    }
                })
                .collect();
        }
        ci
    }

    fn declaration(&mut self, at: &Loc<'_>, d: &json::DeclarationJson) -> ExportDeclaration {
        let currency = self.currency(&at.field("currency"), &d.currency);
        let mut out = ExportDeclaration {
            currency,
            lines: Vec::new(),
        };
        if let Some(lines) = &d.lines {
            let lat = at.field("lines");
            out.lines = lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let item = lat.index(i);
                    let unit = match given(&l.unit) {
                        None => None,
                        Some(t) => match CustomsUnit::parse(t) {
                            Ok(u) => Some(u),
                            Err(e) => {
                                let en = e.to_string();
                                let zh = e.message_zh();
                                self.error(
                                    &item.field("unit"),
                                    Code::CUSTOMS_UNIT_UNKNOWN,
                                    t,
                                    en,
                                    zh,
                                );
                                None
                            }
                        },
                    };
                    let quantity = match self.decimal(&item.field("quantity"), &l.quantity) {
                        Some(q) if q.is_sign_negative() && !q.is_zero() => {
                            self.error(
                                &item.field("quantity"),
                                Code::NUMBER_NEGATIVE,
                                &q.to_string(),
                                format!("number {q} is negative"),
                                format!("数值 {q} 不能为负数"),
                            );
                            None
                        }
                        q => q,
                    };
                    DeclarationLine {
                        hs_code: self.conv.hs_code(&item.field("hsCode"), l.hs_code.as_ref()),
                        name: text(&l.name),
                        quantity,
                        unit,
                        amount: self.money(&item.field("amount"), &l.amount, currency),
                        skus: l
                            .skus
                            .as_ref()
                            .map_or_else(Vec::new, |v| v.iter().map(text).collect()),
                    }
                })
                .collect();
        }
        out
    }

    fn event(&mut self, at: &Loc<'_>, e: &json::EventJson) -> StageEvent {
        let exception = e.exception.as_ref().map(|x| StageException {
            kind: self.closed::<ExceptionKind>(
                &at.field("exception").field("kind"),
                &x.kind,
                Code::STAGE_EXCEPTION_UNKNOWN,
            ),
            note: text(&x.note),
        });
        StageEvent {
            stage: self.closed::<Stage>(&at.field("stage"), &e.stage, Code::STAGE_UNKNOWN),
            at: self.conv.timestamp(&at.field("at"), e.at.as_ref()),
            exception,
        }
    }

    fn receipt(&mut self, at: &Loc<'_>, r: &json::ReceiptJson) -> Receipt {
        let mut out = Receipt {
            received_on: self.date(&at.field("receivedOn"), &r.received_on),
            lines: Vec::new(),
        };
        if let Some(lines) = &r.lines {
            let lat = at.field("lines");
            out.lines = lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let item = lat.index(i);
                    ReceiptLine {
                        sku: text(&l.sku),
                        box_no: self.count(&item.field("boxNo"), &l.box_no),
                        quantity: self.count(&item.field("quantity"), &l.quantity),
                        damaged: self.count(&item.field("damaged"), &l.damaged).unwrap_or(0),
                    }
                })
                .collect();
        }
        out
    }
}

#[cfg(test)]
mod date_tests {
    use chrono::NaiveDate;

    /// The direct reading gives chrono's answer for every ten-character
    /// text it takes, valid dates or not.
    #[test]
    fn plain_dates_read_as_chrono_reads_them() {
        let mut texts: Vec<String> = [
            "2026-12-01",
            "2024-02-29",
            "2025-02-29",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "0000-01-01",
            "9999-12-31",
            "2026-1-011",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for y in [1999, 2000, 2100, 2026] {
            for m in 0..=13 {
                for d in [0, 1, 28, 29, 30, 31, 32] {
                    texts.push(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        for t in &texts {
            let direct =
                super::plain_date(t).and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            let chrono = NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
            if super::plain_date(t).is_some() {
                assert_eq!(direct, chrono, "{t}");
            }
        }
        assert!(super::plain_date("2026-1-011").is_none());
        assert!(super::plain_date("+2026-12-01").is_none());
    }
}
