//! Safety stock abroad: see the [`crate::shipment`] module docs.

use std::collections::HashMap;
use std::fmt;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::flow::Stage;
use super::model::TransportMode;
use crate::macros::closed_enum;
use crate::wire::{Number, text};
use crate::{Code, JsonPointer, Report, Severity, Violation};

/// The projection's horizon: day 0 (`asOf`) to day 365.
///
/// # Example
///
/// ```
/// assert_eq!(crossborder::shipment::HORIZON_DAYS, 365);
/// ```
pub const HORIZON_DAYS: u32 = 365;

closed_enum! {
    /// A stock alert.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::Alert;
    /// assert_eq!(Alert::BelowSafetyStock.as_str(), "below_safety_stock");
    /// ```
    pub enum Alert("stock alert" in "shipment::") {
        /// On hand is below the safety stock today.
        BelowSafetyStock = "below_safety_stock",
        /// The stock runs out before the next inbound arrives (or nothing is inbound).
        StockoutBeforeArrival = "stockout_before_arrival",
    }
}

/// How a SKU's safety stock is given.
///
/// # Example
///
/// ```
/// use crossborder::shipment::SafetyStock;
/// use rust_decimal::Decimal;
/// let s = SafetyStock::Days(Decimal::from(7));
/// assert_eq!(s.units(Decimal::from(8)), Some(Decimal::from(56)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SafetyStock {
    /// So many units.
    Units(Decimal),
    /// So many days of sales.
    Days(Decimal),
    /// A service level (0.5 to 0.9999) with the spread of daily demand and
    /// of the lead time (in days), over a lead time of so many days.
    ServiceLevel {
        /// The probability of not running out during the lead time.
        level: Decimal,
        /// Standard deviation of daily demand, in units.
        demand_sd: Decimal,
        /// Standard deviation of the lead time, in days.
        lead_time_sd: Decimal,
        /// The lead time, in days.
        lead_time_days: Decimal,
    },
}

impl SafetyStock {
    /// The safety stock in units for a daily sales rate; a service level's
    /// is rounded up to whole units. `None` for a level outside 0.5 to
    /// 0.9999 or figures too large.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::SafetyStock;
    /// use rust_decimal::Decimal;
    /// let s = SafetyStock::ServiceLevel {
    ///     level: Decimal::new(95, 2), demand_sd: Decimal::from(3),
    ///     lead_time_sd: Decimal::from(2), lead_time_days: Decimal::from(35),
    /// };
    /// // z(0.95) = 1.6449 x sqrt(35 x 9 + 64 x 4) = 1.6449 x 23.90 = 39.3 -> 40
    /// assert_eq!(s.units(Decimal::from(8)), Some(Decimal::from(40)));
    /// ```
    pub fn units(&self, daily_sales: Decimal) -> Option<Decimal> {
        match *self {
            SafetyStock::Units(u) => Some(u),
            SafetyStock::Days(d) => d.checked_mul(daily_sales),
            SafetyStock::ServiceLevel {
                level,
                demand_sd,
                lead_time_sd,
                lead_time_days,
            } => {
                let z = z_score(level)?;
                let variance = lead_time_days
                    .checked_mul(demand_sd.checked_mul(demand_sd)?)?
                    .checked_add(
                        daily_sales
                            .checked_mul(daily_sales)?
                            .checked_mul(lead_time_sd.checked_mul(lead_time_sd)?)?,
                    )?;
                Some(z.checked_mul(sqrt(variance)?)?.ceil())
            }
        }
    }
}

/// The square root of a non-negative decimal, by Newton's method to the
/// precision a decimal holds.
fn sqrt(a: Decimal) -> Option<Decimal> {
    if a.is_sign_negative() && !a.is_zero() {
        return None;
    }
    if a.is_zero() {
        return Some(Decimal::ZERO);
    }
    let mut x = if a > Decimal::ONE {
        a / Decimal::TWO
    } else {
        Decimal::ONE
    };
    for _ in 0..200 {
        let next = (x + a.checked_div(x)?) / Decimal::TWO;
        if next == x {
            break;
        }
        x = next;
    }
    Some(x)
}

/// Φ(x) - 1/2 for 0 <= x <= 7, by its Taylor series (exact decimals).
fn half_erf(x: Decimal) -> Decimal {
    // (1/sqrt(2 pi)) * sum (-1)^n x^(2n+1) / (2^n n! (2n+1))
    let inv_sqrt_2pi =
        Decimal::from_str_exact("0.3989422804014326779399460599").unwrap_or(Decimal::ZERO);
    let x2 = x * x;
    let mut term = x; // x^(2n+1) / (2^n n!)
    let mut sum = Decimal::ZERO;
    for n in 0u32..400 {
        let piece = term / Decimal::from(2 * n + 1);
        if n % 2 == 0 {
            sum += piece;
        } else {
            sum -= piece;
        }
        term = match term
            .checked_mul(x2)
            .and_then(|t| t.checked_div(Decimal::from(2 * (n + 1))))
        {
            Some(t) => t,
            None => break,
        };
        if term.abs() < Decimal::new(1, 26) {
            break;
        }
    }
    sum * inv_sqrt_2pi
}

/// The standard normal quantile of a service level between 0.5 and 0.9999,
/// by bisection on Φ to 1e-12.
fn z_score(level: Decimal) -> Option<Decimal> {
    if level < Decimal::new(5, 1) || level > Decimal::new(9999, 4) {
        return None;
    }
    let target = level - Decimal::new(5, 1);
    let (mut lo, mut hi) = (Decimal::ZERO, Decimal::from(4));
    while hi - lo > Decimal::new(1, 12) {
        let mid = (lo + hi) / Decimal::TWO;
        if half_erf(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(hi.round_dp(10))
}

/// One SKU's stock.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{SafetyStock, StockLevel};
/// use rust_decimal::Decimal;
/// let s = StockLevel::new("EAR-BLK", Decimal::from(120), Decimal::from(8), SafetyStock::Days(Decimal::from(7)));
/// assert_eq!(s.sku, "EAR-BLK");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StockLevel {
    /// The SKU.
    pub sku: String,
    /// Units on hand at the warehouse.
    pub on_hand: Decimal,
    /// Units sold a day (may be fractional).
    pub daily_sales: Decimal,
    /// The safety stock.
    pub safety_stock: SafetyStock,
}

impl StockLevel {
    /// A SKU's stock.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{SafetyStock, StockLevel};
    /// use rust_decimal::Decimal;
    /// let s = StockLevel::new("A", Decimal::from(50), Decimal::new(25, 1), SafetyStock::Units(Decimal::from(20)));
    /// assert_eq!(s.daily_sales.to_string(), "2.5");
    /// ```
    pub fn new(
        sku: impl Into<String>,
        on_hand: Decimal,
        daily_sales: Decimal,
        safety_stock: SafetyStock,
    ) -> Self {
        StockLevel {
            sku: sku.into(),
            on_hand,
            daily_sales,
            safety_stock,
        }
    }
}

/// Units of a SKU on their way, arriving on a day.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::shipment::InboundLine;
/// let l = InboundLine { sku: "EAR-BLK".into(), quantity: 240, eta: NaiveDate::from_ymd_opt(2026, 12, 9).unwrap() };
/// assert_eq!(l.quantity, 240);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboundLine {
    /// The SKU.
    pub sku: String,
    /// Units.
    pub quantity: u64,
    /// Expected arrival at the warehouse.
    pub eta: NaiveDate,
}

/// Stock on hand, inbound lines and lead times: what the projection needs.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{self, InventoryJson};
/// let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "leadTimeDays": {"sea_lcl": 35}, "targetDaysOfCover": 60,
///     "skus": [{"sku": "A", "onHand": 50, "dailySales": "5", "safetyStock": {"units": 20}}]}"#)?;
/// let inventory = shipment::read_inventory(&json).0.ok_or("inventory")?;
/// assert_eq!(inventory.skus.len(), 1);
/// assert_eq!(inventory.lead_times.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inventory {
    /// Day 0 of the projection.
    pub as_of: NaiveDate,
    /// Lead time in days per transport mode, in the order given.
    pub lead_times: Vec<(TransportMode, u32)>,
    /// The days of sales a suggested shipment covers.
    pub target_days_of_cover: Decimal,
    /// The SKUs.
    pub skus: Vec<StockLevel>,
    /// Inbound lines of shipments not yet synced.
    pub inbound: Vec<InboundLine>,
}

/// The figures of one transport mode for one SKU.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{self, InventoryJson};
/// let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "leadTimeDays": {"sea_lcl": 35}, "targetDaysOfCover": 60,
///     "skus": [{"sku": "A", "onHand": 50, "dailySales": "5", "safetyStock": {"units": 20}}]}"#)?;
/// let inventory = shipment::read_inventory(&json).0.ok_or("inventory")?;
/// let p = inventory.project();
/// let sea = p.skus()[0].modes[0];
/// // 50 - 5d < 20 first on day 7: ship by sea 35 days earlier, already past.
/// assert!(sea.overdue);
/// assert_eq!(sea.suggested_quantity.to_string(), "445"); // 5 x (35 + 60) + 20 - 50
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModeFigures {
    /// The mode.
    pub mode: TransportMode,
    /// The latest day to ship by it so that stock stays at or above the
    /// safety stock (`None` without a safety date).
    pub latest_ship_by: Option<NaiveDate>,
    /// Whether that day is already past.
    pub overdue: bool,
    /// The quantity to send by it, counting the demand during its lead time.
    pub suggested_quantity: Decimal,
}

/// One SKU's answer.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::TransportMode;
/// use crossborder::shipment::{Inventory, SafetyStock, StockLevel};
/// use rust_decimal::Decimal;
/// let inv = Inventory {
///     as_of: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
///     lead_times: vec![(TransportMode::SeaLcl, 35)],
///     target_days_of_cover: Decimal::from(60),
///     skus: vec![StockLevel::new("CASE-RED", Decimal::from(500), Decimal::from(5), SafetyStock::Units(Decimal::from(100)))],
///     inbound: vec![],
/// };
/// let p = inv.project();
/// let red = &p.skus()[0];
/// assert_eq!(red.safety_date, NaiveDate::from_ymd_opt(2027, 2, 20));
/// assert_eq!(red.modes[0].latest_ship_by, NaiveDate::from_ymd_opt(2027, 1, 16));
/// assert_eq!(red.suggested_quantity, Decimal::ZERO);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StockAlert<'a> {
    /// The SKU.
    pub sku: &'a str,
    /// The safety stock in units (`None` when it cannot be computed).
    pub safety_stock: Decimal,
    /// The first day the projected stock is below the safety stock.
    pub safety_date: Option<NaiveDate>,
    /// The first day it is at or below zero.
    pub stockout_date: Option<NaiveDate>,
    /// On hand is below the safety stock today.
    pub below_safety_stock: bool,
    /// The stock runs out before the next arrival.
    pub stockout_before_arrival: bool,
    /// The suggested quantity to send.
    pub suggested_quantity: Decimal,
    /// Per transport mode, in the order of the lead times.
    pub modes: Vec<ModeFigures>,
}

impl StockAlert<'_> {
    /// The alerts that are raised, in the order of [`Alert::ALL`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{self, InventoryJson};
    /// let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "leadTimeDays": {"sea_lcl": 35}, "targetDaysOfCover": 60,
    ///     "skus": [{"sku": "A", "onHand": 50, "dailySales": "5", "safetyStock": {"units": 20}}]}"#)?;
    /// let inventory = shipment::read_inventory(&json).0.ok_or("inventory")?;
    /// let p = inventory.project();
    /// let names: Vec<_> = p.skus()[0].alerts().iter().map(|a| a.as_str()).collect();
    /// assert_eq!(names, ["stockout_before_arrival"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn alerts(&self) -> Vec<Alert> {
        let mut out = Vec::new();
        if self.below_safety_stock {
            out.push(Alert::BelowSafetyStock);
        }
        if self.stockout_before_arrival {
            out.push(Alert::StockoutBeforeArrival);
        }
        out
    }

    /// The modes whose latest ship-by date is already past.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{self, InventoryJson};
    /// let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "leadTimeDays": {"sea_lcl": 35}, "targetDaysOfCover": 60,
    ///     "skus": [{"sku": "A", "onHand": 50, "dailySales": "5", "safetyStock": {"units": 20}}]}"#)?;
    /// let inventory = shipment::read_inventory(&json).0.ok_or("inventory")?;
    /// let p = inventory.project();
    /// assert_eq!(p.skus()[0].overdue().map(|m| m.as_str()).collect::<Vec<_>>(), ["sea_lcl"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overdue(&self) -> impl Iterator<Item = TransportMode> + '_ {
        self.modes.iter().filter(|m| m.overdue).map(|m| m.mode)
    }
}

/// The answer of [`Inventory::project`]: one [`StockAlert`] per SKU, in
/// the order given.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{self, InventoryJson};
/// let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "leadTimeDays": {"sea_lcl": 35}, "targetDaysOfCover": 60,
///     "skus": [{"sku": "A", "onHand": 50, "dailySales": "5", "safetyStock": {"units": 20}}]}"#)?;
/// let inventory = shipment::read_inventory(&json).0.ok_or("inventory")?;
/// let p = inventory.project();
/// assert_eq!(p.skus()[0].stockout_date.map(|d| d.to_string()).as_deref(), Some("2026-12-11"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection<'a> {
    skus: Vec<StockAlert<'a>>,
}

impl<'a> Projection<'a> {
    /// Every SKU's answer.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{self, InventoryJson};
    /// let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "leadTimeDays": {"sea_lcl": 35}, "targetDaysOfCover": 60,
    ///     "skus": [{"sku": "A", "onHand": 50, "dailySales": "5", "safetyStock": {"units": 20}}]}"#)?;
    /// let inventory = shipment::read_inventory(&json).0.ok_or("inventory")?;
    /// assert_eq!(inventory.project().skus()[0].sku, "A");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn skus(&self) -> &[StockAlert<'a>] {
        &self.skus
    }
}

/// The first day in `from..=to` with `base - r x d <= limit` (`strict`:
/// `< limit`), computed directly (no walk over the days) and exactly: the
/// three figures are brought to one scale as integers when they fit, else
/// through decimal division checked by multiplication.
fn first_day(
    base: Decimal,
    r: Decimal,
    limit: Decimal,
    strict: bool,
    from: u32,
    to: u32,
) -> Option<u32> {
    if let Some(day) = first_day_int(base, r, limit, strict, from, to) {
        return day;
    }
    let hits = |d: u32| {
        let level = r
            .checked_mul(Decimal::from(d))
            .map_or(Decimal::MIN, |used| base - used);
        if strict {
            level < limit
        } else {
            level <= limit
        }
    };
    if hits(from) {
        return Some(from);
    }
    if r <= Decimal::ZERO {
        return None;
    }
    // base - r d <= limit  <=>  d >= (base - limit) / r
    let q = (base - limit).checked_div(r)?;
    let guess = if strict {
        q.floor() + Decimal::ONE
    } else {
        q.ceil()
    };
    let mut day = u32::try_from(
        guess
            .max(Decimal::from(from))
            .min(Decimal::from(to) + Decimal::ONE),
    )
    .ok()?;
    // A quotient rounded in its last digit could land one day off.
    while day > from && hits(day - 1) {
        day -= 1;
    }
    while day <= to && !hits(day) {
        day += 1;
    }
    (day <= to).then_some(day)
}

/// `n / d` rounded down, for n >= 0 and d > 0: in 64 bits when both fit
/// (a hardware division; the 128-bit one is a library call).
fn div_floor(n: i128, d: i128) -> i128 {
    match (u64::try_from(n), u64::try_from(d)) {
        (Ok(n), Ok(d)) => i128::from(n / d),
        _ => n / d,
    }
}

/// `n / d` rounded up, for n > 0 and d > 0.
fn div_ceil(n: i128, d: i128) -> i128 {
    match (u64::try_from(n), u64::try_from(d)) {
        (Ok(n), Ok(d)) => i128::from(n.div_ceil(d)),
        _ => (n + d - 1) / d,
    }
}

/// `a` and `b` as integers at their common scale, and ten to that scale;
/// `None` when they do not fit comfortably in an `i128`.
fn common_scale(a: Decimal, b: Decimal) -> Option<(i128, i128, i128)> {
    let scale = a.scale().max(b.scale());
    let unit = 10i128.checked_pow(scale)?;
    let at = |d: Decimal| -> Option<i128> {
        let f = 10i128.checked_pow(scale - d.scale())?;
        d.mantissa().checked_mul(f).filter(|v| v.abs() < 1 << 100)
    };
    Some((at(a)?, at(b)?, unit))
}

/// [`first_day`] in integers at a common scale; `None` when they do not fit.
fn first_day_int(
    base: Decimal,
    r: Decimal,
    limit: Decimal,
    strict: bool,
    from: u32,
    to: u32,
) -> Option<Option<u32>> {
    let scale = base.scale().max(r.scale()).max(limit.scale());
    let at = |d: Decimal| -> Option<i128> {
        let f = 10i128.checked_pow(scale - d.scale())?;
        d.mantissa().checked_mul(f).filter(|v| v.abs() < 1 << 100)
    };
    let (b, r, l) = (at(base)?, at(r)?, at(limit)?);
    let level = |d: u32| b - r * i128::from(d);
    let hits = |d: u32| if strict { level(d) < l } else { level(d) <= l };
    if hits(from) {
        return Some(Some(from));
    }
    if r <= 0 {
        return Some(None);
    }
    // The least d with b - r d <= l (or < l): d >= (b - l) / r.
    let num = b - l; // > 0 here
    let day = if strict {
        div_floor(num, r) + 1
    } else {
        div_ceil(num, r)
    };
    let day = day.max(i128::from(from));
    Some(u32::try_from(day).ok().filter(|d| *d <= to))
}

/// The dates from `asOf` less the longest lead time to the horizon, worked
/// out once for every SKU (chrono's day arithmetic is the largest cost of
/// a projection otherwise); other offsets through chrono.
struct Dates {
    as_of: NaiveDate,
    first: i64,
    table: Vec<Option<NaiveDate>>,
}

impl Dates {
    fn new(inventory: &Inventory) -> Dates {
        let longest = inventory
            .lead_times
            .iter()
            .map(|&(_, l)| l)
            .max()
            .unwrap_or(0);
        let first = -i64::from(longest.min(3 * HORIZON_DAYS));
        let as_of = inventory.as_of;
        let table = (first..=i64::from(HORIZON_DAYS))
            .map(|o| Dates::compute(as_of, o))
            .collect();
        Dates {
            as_of,
            first,
            table,
        }
    }

    fn compute(as_of: NaiveDate, offset: i64) -> Option<NaiveDate> {
        let days = Days::new(offset.unsigned_abs());
        if offset >= 0 {
            as_of.checked_add_days(days)
        } else {
            as_of.checked_sub_days(days)
        }
    }

    /// `asOf` plus `offset` days.
    fn at(&self, offset: i64) -> Option<NaiveDate> {
        usize::try_from(offset - self.first)
            .ok()
            .and_then(|i| self.table.get(i).copied())
            .unwrap_or_else(|| Dates::compute(self.as_of, offset))
    }
}

/// The size of [`Inventory::project`]'s filter of inbound SKUs: 2^17 bits
/// (16 KiB), a few per cent set for 10,000 inbound SKUs.
const INBOUND_FILTER_WORDS: usize = 1 << 11;

/// FNV-1a of the SKU's bytes, mixed, to a bit of the filter.
fn filter_bit(sku: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in sku.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    // MurmurHash3's finaliser, so that the last bytes reach every bit.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h >> 47) as usize % (INBOUND_FILTER_WORDS * 64)
}

impl Inventory {
    /// The projection of every SKU (see the [module docs](crate::shipment#safety-stock-abroad)).
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{self, InventoryJson};
    /// let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "leadTimeDays": {"sea_lcl": 35}, "targetDaysOfCover": 60,
    ///     "skus": [{"sku": "A", "onHand": 50, "dailySales": "5", "safetyStock": {"units": 20}}]}"#)?;
    /// let inventory = shipment::read_inventory(&json).0.ok_or("inventory")?;
    /// let p = inventory.project();
    /// assert_eq!(p.skus()[0].safety_date.map(|d| d.to_string()).as_deref(), Some("2026-12-08"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn project(&self) -> Projection<'_> {
        // Inbound lines grouped per SKU: (day, quantity), days counted from asOf.
        let mut arrivals: HashMap<&str, Vec<(u32, u64)>> =
            HashMap::with_capacity(self.inbound.len());
        for l in &self.inbound {
            let days = l.eta.signed_duration_since(self.as_of).num_days().max(0);
            let day = u32::try_from(days).unwrap_or(u32::MAX);
            arrivals
                .entry(l.sku.as_str())
                .or_default()
                .push((day, l.quantity));
        }
        for v in arrivals.values_mut() {
            v.sort_unstable();
        }
        // Most SKUs have nothing inbound: a bit per cheap hash of the SKUs
        // that do answers "nothing" for them without the keyed hash of the
        // map (which stays the judge, so crafted SKUs cost no more than a
        // look-up).
        let mut inbound_bits = vec![0u64; INBOUND_FILTER_WORDS];
        for sku in arrivals.keys() {
            let bit = filter_bit(sku);
            inbound_bits[bit / 64] |= 1 << (bit % 64);
        }
        let none: Vec<(u32, u64)> = Vec::new();
        let dates = Dates::new(self);
        let skus = self
            .skus
            .iter()
            .map(|s| {
                let bit = filter_bit(&s.sku);
                let arriving = if inbound_bits[bit / 64] & (1 << (bit % 64)) == 0 {
                    &none
                } else {
                    arrivals.get(s.sku.as_str()).unwrap_or(&none)
                };
                self.project_one(s, arriving, &dates)
            })
            .collect();
        Projection { skus }
    }

    fn project_one<'a>(
        &self,
        s: &'a StockLevel,
        arrivals: &[(u32, u64)],
        dates: &Dates,
    ) -> StockAlert<'a> {
        let r = s.daily_sales.max(Decimal::ZERO);
        let safety = s.safety_stock.units(r).unwrap_or(Decimal::ZERO);
        let mut base = s.on_hand;
        let mut safety_day = None;
        let mut stockout_day = None;
        let mut k = 0;
        // Arrivals on day 0 (or before asOf) count from the start.
        while k < arrivals.len() && arrivals[k].0 == 0 {
            base += Decimal::from(arrivals[k].1);
            k += 1;
        }
        let mut start = 0u32;
        loop {
            let end = arrivals
                .get(k)
                .map_or(HORIZON_DAYS, |a| a.0.saturating_sub(1).min(HORIZON_DAYS));
            if start <= end {
                if safety_day.is_none() {
                    safety_day = first_day(base, r, safety, true, start, end);
                }
                if stockout_day.is_none() {
                    stockout_day = first_day(base, r, Decimal::ZERO, false, start, end);
                }
            }
            if stockout_day.is_some() && safety_day.is_some() {
                break;
            }
            let Some(&(day, _)) = arrivals.get(k) else {
                break;
            };
            if day > HORIZON_DAYS {
                break;
            }
            while k < arrivals.len() && arrivals[k].0 == day {
                base += Decimal::from(arrivals[k].1);
                k += 1;
            }
            start = day;
        }
        let pending: u64 = arrivals.iter().filter(|a| a.0 > 0).map(|a| a.1).sum();
        let next_arrival = arrivals.iter().find(|a| a.0 > 0).map(|a| a.0);
        let stockout_before_arrival = match (stockout_day, next_arrival) {
            (Some(d), Some(a)) => d < a,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let need = r * self.target_days_of_cover + safety - s.on_hand - Decimal::from(pending);
        // need + r x extra, at least 0, rounded up: in integers at one
        // scale when they fit (a Decimal ceiling costs several hardware
        // divisions, six times a SKU), else in decimals.
        let fast = common_scale(need, r);
        let suggest = |extra: u32| {
            if let Some((n, rate, unit)) = fast
                && let Some(v) = rate
                    .checked_mul(i128::from(extra))
                    .and_then(|x| x.checked_add(n))
            {
                return if v <= 0 {
                    Decimal::ZERO
                } else {
                    Decimal::from(div_ceil(v, unit))
                };
            }
            let need = if extra == 0 {
                need
            } else {
                need + r * Decimal::from(extra)
            };
            need.max(Decimal::ZERO).ceil()
        };
        let safety_date = safety_day.and_then(|d| dates.at(i64::from(d)));
        let modes = self
            .lead_times
            .iter()
            .map(|&(mode, lead)| {
                let latest = safety_day
                    .filter(|_| safety_date.is_some())
                    .and_then(|d| dates.at(i64::from(d) - i64::from(lead)));
                ModeFigures {
                    mode,
                    latest_ship_by: latest,
                    overdue: latest.is_some_and(|d| d < self.as_of),
                    suggested_quantity: suggest(lead),
                }
            })
            .collect();
        StockAlert {
            sku: &s.sku,
            safety_stock: safety.normalize(),
            safety_date,
            stockout_date: stockout_day.and_then(|d| dates.at(i64::from(d))),
            below_safety_stock: s.on_hand < safety,
            stockout_before_arrival,
            suggested_quantity: suggest(0),
            modes,
        }
    }
}

/// `leadTimeDays` as written: mode names and days, in their order.
///
/// # Example
///
/// ```
/// use crossborder::shipment::LeadTimesJson;
/// let l: LeadTimesJson = serde_json::from_str(r#"{"sea_lcl": 35, "express": 7}"#)?;
/// assert_eq!(l.0[0].0, "sea_lcl");
/// assert_eq!(serde_json::to_string(&l)?, r#"{"sea_lcl":35,"express":7}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeadTimesJson(pub Vec<(String, Number)>);

impl Serialize for LeadTimesJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de> Deserialize<'de> for LeadTimesJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LeadTimesJson;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of transport modes and days")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LeadTimesJson, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Number>()? {
                    out.push((k, v));
                }
                Ok(LeadTimesJson(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The inventory JSON: `asOf`, `leadTimeDays`, `targetDaysOfCover`, `skus`,
/// `inbound`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::InventoryJson;
/// let j: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "leadTimeDays": {"rail": 25, "air": 10}}"#)?;
/// assert_eq!(serde_json::to_string(&j)?, r#"{"asOf":"2026-12-01","leadTimeDays":{"rail":25,"air":10}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct InventoryJson {
    /// `asOf`: `YYYY-MM-DD`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional_string"
    )]
    pub as_of: Option<String>,
    /// `leadTimeDays`: `{"express": 7, ...}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_time_days: Option<LeadTimesJson>,
    /// `targetDaysOfCover`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_days_of_cover: Option<Number>,
    /// `skus`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skus: Option<Vec<StockJson>>,
    /// `inbound`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbound: Option<Vec<InboundJson>>,
}

/// One of `skus`: `{"sku", "onHand", "dailySales", "safetyStock"}`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::StockJson;
/// let s: StockJson = serde_json::from_str(r#"{"sku": "A", "onHand": "12", "safetyStock": {"days": 7}}"#)?;
/// assert_eq!(s.sku.as_deref(), Some("A"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct StockJson {
    /// `sku`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional_string"
    )]
    pub sku: Option<String>,
    /// `onHand`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_hand: Option<Number>,
    /// `dailySales`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily_sales: Option<Number>,
    /// `safetyStock`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safety_stock: Option<SafetyStockJson>,
}

/// `safetyStock`: `{"units": 100}`, `{"days": 7}`, or `{"serviceLevel":
/// 0.95, "demandSd": 3, "leadTimeSd": 2, "leadTimeDays": 35}` (or `"mode":
/// "sea_lcl"` for that mode's lead time).
///
/// # Example
///
/// ```
/// use crossborder::shipment::SafetyStockJson;
/// let s: SafetyStockJson = serde_json::from_str(r#"{"units": 100}"#)?;
/// assert!(s.units.is_some());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct SafetyStockJson {
    /// `units`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<Number>,
    /// `days` of sales.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<Number>,
    /// `serviceLevel`, such as 0.95.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_level: Option<Number>,
    /// `demandSd`: standard deviation of daily demand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demand_sd: Option<Number>,
    /// `leadTimeSd`: standard deviation of the lead time, in days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_time_sd: Option<Number>,
    /// `leadTimeDays`: the lead time the service level covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_time_days: Option<Number>,
    /// `mode`: take the lead time of this mode from `leadTimeDays`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional_string"
    )]
    pub mode: Option<String>,
}

/// One of `inbound`: a shipment on its way.
///
/// # Example
///
/// ```
/// use crossborder::shipment::InboundJson;
/// let i: InboundJson = serde_json::from_str(r#"{"reference": "PO-1", "eta": "2026-12-09", "lines": []}"#)?;
/// assert_eq!(i.eta.as_deref(), Some("2026-12-09"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct InboundJson {
    /// `reference`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional_string"
    )]
    pub reference: Option<String>,
    /// `stage`: shipments at `inventory_synced` are in the stock on hand.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional_string"
    )]
    pub stage: Option<String>,
    /// `eta`: `YYYY-MM-DD`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional_string"
    )]
    pub eta: Option<String>,
    /// `lines`: `[{"sku", "quantity"}]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<InboundLineJson>>,
}

/// One of an inbound shipment's `lines`.
///
/// # Example
///
/// ```
/// use crossborder::shipment::InboundLineJson;
/// let l: InboundLineJson = serde_json::from_str(r#"{"sku": "A", "quantity": 240}"#)?;
/// assert!(l.quantity.is_some());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct InboundLineJson {
    /// `sku`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "text::optional_string"
    )]
    pub sku: Option<String>,
    /// `quantity`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Number>,
}

crate::object_only!(
    InventoryJson,
    StockJson,
    SafetyStockJson,
    InboundJson,
    InboundLineJson
);

crate::macros::codes! {
    /// A member the inventory needs is missing (`asOf`, a SKU's `sku`, `onHand`, `dailySales` or `safetyStock`, an inbound `eta`).
    INVENTORY_MISSING_FIELD = "inventory.missing_field";
    /// An inbound line's SKU has no row in `skus`.
    INVENTORY_UNKNOWN_SKU = "inventory.unknown_sku";
    /// A safety stock is none of units, days or a service level between 0.5 and 0.9999 with its spreads and lead time.
    INVENTORY_SAFETY_STOCK_INVALID = "inventory.safety_stock_invalid";
}

struct Read {
    report: Report,
}

impl Read {
    fn bad(&mut self, at: JsonPointer, code: Code, value: &str, en: String, zh: String) {
        self.report
            .push(Violation::new(code, Severity::Error, at, en, zh).with_value(value));
    }

    fn missing(&mut self, at: JsonPointer, field: &str) {
        let p = at.field(field);
        self.bad(
            p,
            Code::INVENTORY_MISSING_FIELD,
            field,
            format!("{field} is missing"),
            format!("缺少 {field}"),
        );
    }

    fn number(&mut self, at: JsonPointer, n: &Option<Number>, nonneg: bool) -> Option<Decimal> {
        let n = n.as_ref()?;
        match n.decimal() {
            Ok(d) if nonneg && d.is_sign_negative() && !d.is_zero() => {
                let e = crate::wire::NumberError::Negative(n.to_string());
                self.bad(at, e.code(), &n.to_string(), e.to_string(), e.message_zh());
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.bad(at, e.code(), &n.to_string(), e.to_string(), e.message_zh());
                None
            }
        }
    }

    fn date(&mut self, at: JsonPointer, t: &Option<String>) -> Option<NaiveDate> {
        let t = t.as_deref()?.trim();
        match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.bad(
                    at,
                    Code::SHIPMENT_DATE_INVALID,
                    t,
                    format!("invalid date {:?}: expected YYYY-MM-DD", crate::echo(t)),
                    format!("日期 {:?} 无效：应为 YYYY-MM-DD", crate::echo(t)),
                );
                None
            }
        }
    }
}

/// Reads the inventory JSON: the inventory (`None` when `asOf` is missing
/// or malformed), and every problem at its pointer: malformed values,
/// missing members, a safety stock that is not one of its forms, an inbound
/// SKU without a row in `skus` (`inventory.unknown_sku`). A SKU whose row
/// has a problem is left out of the inventory; an inbound line with one is
/// too.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{self, InventoryJson};
/// let json: InventoryJson = serde_json::from_str(r#"{"asOf": "2026-12-01", "skus": [],
///     "inbound": [{"eta": "2026-12-09", "lines": [{"sku": "NEW-1", "quantity": 10}]}]}"#)?;
/// let (inventory, report) = shipment::read_inventory(&json);
/// assert!(inventory.is_some());
/// assert_eq!(report.as_slice()[0].code().as_str(), "inventory.unknown_sku");
/// assert_eq!(report.as_slice()[0].pointer().as_str(), "/inbound/0/lines/0/sku");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn read_inventory(json: &InventoryJson) -> (Option<Inventory>, Report) {
    let mut r = Read {
        report: Report::new(),
    };
    let root = JsonPointer::root();
    let as_of = match &json.as_of {
        None => {
            r.missing(root.clone(), "asOf");
            None
        }
        t => r.date(root.clone().field("asOf"), t),
    };
    let mut lead_times = Vec::new();
    if let Some(l) = &json.lead_time_days {
        for (name, days) in &l.0 {
            let at = root.clone().field("leadTimeDays").field(name);
            let mode = match name.parse::<TransportMode>() {
                Ok(m) => Some(m),
                Err(e) => {
                    r.bad(
                        at.clone(),
                        Code::TRANSPORT_MODE_UNKNOWN,
                        name,
                        e.to_string(),
                        e.message_zh(),
                    );
                    None
                }
            };
            let days = match days.count() {
                Ok(d) => Some(d),
                Err(e) => {
                    r.bad(
                        at,
                        e.code(),
                        &days.to_string(),
                        e.to_string(),
                        e.message_zh(),
                    );
                    None
                }
            };
            if let (Some(m), Some(d)) = (mode, days) {
                lead_times.push((m, d));
            }
        }
    }
    let target = r
        .number(
            root.clone().field("targetDaysOfCover"),
            &json.target_days_of_cover,
            true,
        )
        .unwrap_or(Decimal::ZERO);
    let mut skus = Vec::new();
    let mut known: HashMap<&str, ()> = HashMap::new();
    for (i, s) in json.skus.iter().flatten().enumerate() {
        let at = root.clone().field("skus").index(i);
        if let Some(code) = s.sku.as_deref() {
            known.insert(code, ());
        }
        let before = r.report.len();
        for (field, missing) in [
            ("sku", s.sku.is_none()),
            ("onHand", s.on_hand.is_none()),
            ("dailySales", s.daily_sales.is_none()),
            ("safetyStock", s.safety_stock.is_none()),
        ] {
            if missing {
                r.missing(at.clone(), field);
            }
        }
        let on_hand = r.number(at.clone().field("onHand"), &s.on_hand, false);
        let daily = r.number(at.clone().field("dailySales"), &s.daily_sales, true);
        let safety = s
            .safety_stock
            .as_ref()
            .and_then(|j| safety(&mut r, at.clone().field("safetyStock"), j, &lead_times));
        if let (Some(code), Some(on_hand), Some(daily), Some(safety), true) = (
            s.sku.as_deref(),
            on_hand,
            daily,
            safety,
            r.report.len() == before,
        ) {
            skus.push(StockLevel::new(code, on_hand, daily, safety));
        }
    }
    let mut inbound = Vec::new();
    for (i, b) in json.inbound.iter().flatten().enumerate() {
        let at = root.clone().field("inbound").index(i);
        let stage = match b.stage.as_deref() {
            None => None,
            Some(t) => match t.parse::<Stage>() {
                Ok(s) => Some(s),
                Err(e) => {
                    r.bad(
                        at.clone().field("stage"),
                        Code::STAGE_UNKNOWN,
                        t,
                        e.to_string(),
                        e.message_zh(),
                    );
                    None
                }
            },
        };
        let eta = match &b.eta {
            None => {
                r.missing(at.clone(), "eta");
                None
            }
            t => r.date(at.clone().field("eta"), t),
        };
        for (j, l) in b.lines.iter().flatten().enumerate() {
            let lat = at.clone().field("lines").index(j);
            let q = match &l.quantity {
                None => {
                    r.missing(lat.clone(), "quantity");
                    None
                }
                Some(n) => match n.count() {
                    Ok(q) => Some(u64::from(q)),
                    Err(e) => {
                        r.bad(
                            lat.clone().field("quantity"),
                            e.code(),
                            &n.to_string(),
                            e.to_string(),
                            e.message_zh(),
                        );
                        None
                    }
                },
            };
            let Some(code) = l.sku.as_deref() else {
                r.missing(lat, "sku");
                continue;
            };
            if !known.contains_key(code) {
                r.bad(
                    lat.field("sku"),
                    Code::INVENTORY_UNKNOWN_SKU,
                    code,
                    format!(
                        "inbound SKU {:?} has no row in skus: its stock is not projected",
                        crate::echo(code)
                    ),
                    format!(
                        "在途 SKU {:?} 在 skus 中没有库存记录：未做预测",
                        crate::echo(code)
                    ),
                );
                continue;
            }
            if stage == Some(Stage::InventorySynced) {
                continue;
            }
            if let (Some(q), Some(eta)) = (q, eta) {
                inbound.push(InboundLine {
                    sku: code.to_owned(),
                    quantity: q,
                    eta,
                });
            }
        }
    }
    let inventory = as_of.map(|as_of| Inventory {
        as_of,
        lead_times,
        target_days_of_cover: target,
        skus,
        inbound,
    });
    (inventory, r.report)
}

fn safety(
    r: &mut Read,
    at: JsonPointer,
    j: &SafetyStockJson,
    lead_times: &[(TransportMode, u32)],
) -> Option<SafetyStock> {
    let invalid = |r: &mut Read, at: JsonPointer, en: &str, zh: &str| {
        r.bad(
            at,
            Code::INVENTORY_SAFETY_STOCK_INVALID,
            "",
            en.to_owned(),
            zh.to_owned(),
        );
    };
    if let Some(u) = r.number(at.clone().field("units"), &j.units, true) {
        return Some(SafetyStock::Units(u));
    }
    if let Some(d) = r.number(at.clone().field("days"), &j.days, true) {
        return Some(SafetyStock::Days(d));
    }
    if j.service_level.is_none() {
        if j.units.is_none() && j.days.is_none() {
            invalid(
                r,
                at,
                "safetyStock needs units, days, or serviceLevel with demandSd, leadTimeSd and leadTimeDays (or mode)",
                "safetyStock 需要 units、days，或 serviceLevel 加 demandSd、leadTimeSd 和 leadTimeDays（或 mode）",
            );
        }
        return None;
    }
    let level = r.number(at.clone().field("serviceLevel"), &j.service_level, true)?;
    if level < Decimal::new(5, 1) || level > Decimal::new(9999, 4) {
        invalid(
            r,
            at.field("serviceLevel"),
            "serviceLevel must be between 0.5 and 0.9999",
            "serviceLevel 应在 0.5 到 0.9999 之间",
        );
        return None;
    }
    let demand_sd = r.number(at.clone().field("demandSd"), &j.demand_sd, true);
    let lead_time_sd = r.number(at.clone().field("leadTimeSd"), &j.lead_time_sd, true);
    let lead = match (
        r.number(at.clone().field("leadTimeDays"), &j.lead_time_days, true),
        j.mode.as_deref(),
    ) {
        (Some(l), _) => Some(l),
        (None, Some(m)) => {
            let found = m
                .parse::<TransportMode>()
                .ok()
                .and_then(|mode| lead_times.iter().find(|(x, _)| *x == mode))
                .map(|(_, d)| Decimal::from(*d));
            if found.is_none() {
                invalid(
                    r,
                    at.clone().field("mode"),
                    "mode names no lead time of leadTimeDays",
                    "mode 在 leadTimeDays 中没有对应的提前期",
                );
            }
            found
        }
        (None, None) => None,
    };
    match (demand_sd, lead_time_sd, lead) {
        (Some(demand_sd), Some(lead_time_sd), Some(lead_time_days)) => {
            Some(SafetyStock::ServiceLevel {
                level,
                demand_sd,
                lead_time_sd,
                lead_time_days,
            })
        }
        _ => {
            invalid(
                r,
                at,
                "a service level needs demandSd, leadTimeSd and leadTimeDays (or mode)",
                "服务水平法需要 demandSd、leadTimeSd 和 leadTimeDays（或 mode）",
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn z_scores_of_common_service_levels() {
        for (p, z) in [
            (90, "1.2815515655"),
            (95, "1.644853627"),
            (99, "2.326347874"),
        ] {
            let got = z_score(Decimal::new(p, 2)).unwrap();
            assert_eq!(
                got.round_dp(8),
                Decimal::from_str_exact(z).unwrap().round_dp(8),
                "{p}"
            );
        }
        assert_eq!(
            z_score(Decimal::new(5, 1)).unwrap().round_dp(8),
            Decimal::ZERO
        );
        assert!(z_score(Decimal::ONE).is_none());
    }

    #[test]
    fn sqrt_is_exact_for_squares() {
        assert_eq!(sqrt(Decimal::from(144)).unwrap(), Decimal::from(12));
        assert_eq!(sqrt(Decimal::new(25, 2)).unwrap(), Decimal::new(5, 1));
    }

    #[test]
    fn first_day_finds_the_crossing() {
        // 360 - 8d < 56 first on day 39; <= 0 first on day 45.
        assert_eq!(
            first_day(
                Decimal::from(360),
                Decimal::from(8),
                Decimal::from(56),
                true,
                8,
                365
            ),
            Some(39)
        );
        assert_eq!(
            first_day(
                Decimal::from(360),
                Decimal::from(8),
                Decimal::ZERO,
                false,
                8,
                365
            ),
            Some(45)
        );
        // Fractional sales: 10 - 0.4d <= 0 on day 25.
        assert_eq!(
            first_day(
                Decimal::from(10),
                Decimal::new(4, 1),
                Decimal::ZERO,
                false,
                0,
                365
            ),
            Some(25)
        );
        assert_eq!(
            first_day(
                Decimal::from(10),
                Decimal::ZERO,
                Decimal::ZERO,
                false,
                0,
                365
            ),
            None
        );
    }
}
