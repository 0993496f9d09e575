//! The split planner: shipping orders for a batch of orders, keeping orders
//! under $10 apart from orders of $10 or more.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::decide::{ChannelDecision, Class, Tally, Valued};
use super::json::{OrderBatchJson, order_index};
use super::model::{MAX_ORDERS_PER_SHIPPING_ORDER, ShippingOrder, WishPostOrder, duplicate};
use crate::{ExchangeRates, Loc, Report};

/// One shipping order of a plan, with its decision.
///
/// # Example
///
/// ```
/// # use crossborder::channel::{plan_split, Program, WishPostOrder};
/// # use crossborder::ExchangeRates;
/// # use chrono::NaiveDate;
/// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
/// };
/// let batch = vec![order("1", "bob", "4 USD")?, order("2", "bob", "15 USD")?, order("3", "amy", "2 USD")?];
/// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
/// let first = &plan.shipments()[0]; // amy's, customers in ascending order
/// assert_eq!(first.shipping_order().customer(), "amy");
/// assert_eq!(first.batch_indices(), [2]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedShipment {
    shipping_order: ShippingOrder,
    decision: ChannelDecision,
    batch_indices: Vec<usize>,
}

impl PlannedShipment {
    /// The shipping order (one customer, 1 to 20 orders).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{plan_split, Program, WishPostOrder};
    /// # use crossborder::ExchangeRates;
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let batch = vec![order("1", "bob", "4 USD")?, order("2", "bob", "15 USD")?, order("3", "amy", "2 USD")?];
    /// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
    /// let ids: Vec<&str> = plan.shipments()[1].shipping_order().orders().iter().map(|o| o.id()).collect();
    /// assert_eq!(ids, ["1"]); // bob's $4 order, kept apart from his $15 one
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shipping_order(&self) -> &ShippingOrder {
        &self.shipping_order
    }

    /// The channel decision for it.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{plan_split, ChannelRequirement, Program, WishPostOrder};
    /// # use crossborder::ExchangeRates;
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let batch = vec![order("1", "bob", "4 USD")?, order("2", "bob", "15 USD")?, order("3", "amy", "2 USD")?];
    /// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
    /// assert_eq!(plan.shipments()[1].decision().requirement(), ChannelRequirement::MerchantChoice);
    /// assert_eq!(plan.shipments()[2].decision().requirement(), ChannelRequirement::MustStandard);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decision(&self) -> &ChannelDecision {
        &self.decision
    }

    /// Where each of its orders was in the batch (index into `orders`), in
    /// the shipping order's order.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{plan_split, Program, WishPostOrder};
    /// # use crossborder::ExchangeRates;
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let batch = vec![order("1", "bob", "4 USD")?, order("2", "bob", "15 USD")?, order("3", "amy", "2 USD")?];
    /// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
    /// let indices: Vec<&[usize]> = plan.shipments().iter().map(|s| s.batch_indices()).collect();
    /// assert_eq!(indices, [&[2][..], &[0], &[1]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn batch_indices(&self) -> &[usize] {
        &self.batch_indices
    }
}

/// What a plan achieved, compared with the *baseline*: each customer's
/// orders shipped together, in batch order, in chunks of 20.
///
/// # Example
///
/// ```
/// # use crossborder::channel::{plan_split, Program, WishPostOrder};
/// # use crossborder::ExchangeRates;
/// # use chrono::NaiveDate;
/// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
/// };
/// let batch = vec![order("1", "bob", "4 USD")?, order("2", "bob", "15 USD")?, order("3", "amy", "2 USD")?];
/// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
/// let s = plan.summary();
/// assert_eq!((s.orders, s.customers, s.shipping_orders), (3, 2, 3));
/// // Together, bob's $4 order would have had to ship STANDARD with his $15 one.
/// assert_eq!((s.baseline_shipping_orders, s.moved_to_economy), (2, 1));
/// assert_eq!(s.orders_left_out, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanSummary {
    /// Orders in the plan.
    pub orders: usize,
    /// Orders left out because of a problem (each one is in the report).
    pub orders_left_out: usize,
    /// Customers in the plan.
    pub customers: usize,
    /// Shipping orders in the plan.
    pub shipping_orders: usize,
    /// Shipping orders in the baseline.
    pub baseline_shipping_orders: usize,
    /// Orders that may ship A-Super ECONOMY in the plan.
    pub economy_orders: usize,
    /// Orders that may ship A-Super ECONOMY in the baseline.
    pub baseline_economy_orders: usize,
    /// Orders the baseline forces onto STANDARD that may ship ECONOMY in the
    /// plan.
    pub moved_to_economy: usize,
}

/// A plan: shipping orders with their decisions, a summary, and the report of
/// every order left out.
///
/// # Example
///
/// ```
/// # use crossborder::channel::{plan_split, Program, WishPostOrder};
/// # use crossborder::ExchangeRates;
/// # use chrono::NaiveDate;
/// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
/// };
/// let batch = vec![order("1", "bob", "4 USD")?, order("2", "bob", "15 USD")?, order("3", "amy", "2 USD")?];
/// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
/// assert_eq!(plan.shipments().len(), 3);
/// assert!(plan.report().is_empty());
/// let json = serde_json::to_value(&plan)?;
/// assert_eq!(json["summary"]["movedToEconomy"], 1);
/// assert_eq!(json["shipments"][0]["decision"]["channels"][0]["code"], "5001-1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitPlan {
    shipments: Vec<PlannedShipment>,
    summary: PlanSummary,
    report: Report,
}

impl SplitPlan {
    /// The shipping orders: by customer (ascending), then the customer's
    /// shipping orders that may ship ECONOMY, then those of optional A+
    /// orders of $10 or more, then those that must ship STANDARD; orders
    /// within each in batch order.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{plan_split, Program, WishPostOrder};
    /// # use crossborder::ExchangeRates;
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let batch = vec![order("1", "bob", "4 USD")?, order("2", "bob", "15 USD")?, order("3", "amy", "2 USD")?];
    /// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
    /// let customers: Vec<&str> = plan.shipments().iter().map(|s| s.shipping_order().customer()).collect();
    /// assert_eq!(customers, ["amy", "bob", "bob"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shipments(&self) -> &[PlannedShipment] {
        &self.shipments
    }

    /// The summary.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{plan_split, Program, WishPostOrder};
    /// # use crossborder::ExchangeRates;
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let batch = vec![order("1", "bob", "4 USD")?, order("2", "bob", "15 USD")?, order("3", "amy", "2 USD")?];
    /// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
    /// assert_eq!(plan.summary().economy_orders, 2); // amy's and bob's cheap orders
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn summary(&self) -> &PlanSummary {
        &self.summary
    }

    /// Every order left out of the plan and why, at `/orders/N/...` (N the
    /// order's index in the batch).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::channel::{plan_split, Program, WishPostOrder};
    /// # use crossborder::ExchangeRates;
    /// # use chrono::NaiveDate;
    /// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
    ///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
    ///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
    /// };
    /// let batch = vec![order("1", "bob", "4 USD")?, order("1", "bob", "5 USD")?];
    /// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
    /// // The second order "1" is left out and reported at its index in the batch.
    /// let v = plan.report().iter().next().ok_or("no problem")?;
    /// assert_eq!((v.code().as_str(), v.pointer().as_str()), ("channel.duplicate_order", "/orders/1/id"));
    /// assert_eq!(plan.summary().orders_left_out, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn report(&self) -> &Report {
        &self.report
    }
}

/// Plans WishPost shipping orders for a batch of orders of many customers.
///
/// # What it guarantees
///
/// - One customer per shipping order, 1 to 20 orders each; every good order
///   in exactly one shipping order; bad orders (a missing exchange rate, an
///   order id seen before in the batch, an overflowing value) left out and
///   reported at `/orders/N` (N the index in `orders`), never dropped
///   silently.
/// - No order is worse off than in the baseline (each customer's orders
///   together, in batch order, in chunks of 20) by the planner's measure:
///   an order the baseline lets ship ECONOMY may ship ECONOMY in the plan.
///   ECONOMY may become *required* where the baseline left the merchant a
///   choice (a cheap A+ order placed with cheap UI orders must ship ECONOMY);
///   STANDARD is then no longer open to it.
/// - Deterministic output (see [`SplitPlan::shipments`]).
///
/// # What it optimises
///
/// First, the number of orders that may ship ECONOMY: for each customer it
/// keeps apart (a) orders under $10, (b) optional A+ orders of $10 or more
/// when (a) holds an A+ order (with them, (a) would have to ship STANDARD;
/// alone they may use any channel), and (c) A+ and UI orders of $10 or more,
/// which must ship STANDARD anyway. That lets *every* order under $10 ship
/// ECONOMY, the best any plan can do. Then, within that, few tracking
/// numbers: each group is cut into as few shipping orders of at most 20 as
/// possible, and orders under $10 of every program share shipping orders.
///
/// # What it does not
///
/// It does not weigh the fee of an extra tracking number against the
/// ECONOMY saving (it always splits when the split lets an order ship
/// ECONOMY); it does not know weights, parcel sizes or warehouses; it does
/// not keep an optional A+ order out of a shipping order that becomes
/// must-ECONOMY (it may ship ECONOMY either way); it does not keep a cheap
/// A+ order, which alone would be merchant's choice, away from cheap UI
/// orders that make it must-ECONOMY; and it does not balance
/// the sizes of a group's shipping orders (20, 20, 5 rather than 15, 15,
/// 15).
///
/// # Example
///
/// ```
/// use crossborder::channel::{plan_split, ChannelRequirement, Program, WishPostOrder};
/// use crossborder::ExchangeRates;
/// use chrono::NaiveDate;
///
/// let order = |id: &str, customer: &str, price: &str| -> Result<WishPostOrder, Box<dyn std::error::Error>> {
///     Ok(WishPostOrder::builder(id, customer, Program::AdvancedLogistics)
///         .quantity(1).merchant_price(price.parse()?).merchant_shipping("0 USD".parse()?).build()?)
/// };
/// let batch = vec![
///     order("1", "bob", "4 USD")?,
///     order("2", "bob", "15 USD")?,
///     order("3", "bob", "6 USD")?,
///     order("4", "amy", "2 USD")?,
/// ];
/// let plan = plan_split(batch, NaiveDate::MIN, &ExchangeRates::new());
/// let shape: Vec<(Vec<&str>, ChannelRequirement)> = plan
///     .shipments()
///     .iter()
///     .map(|s| (s.shipping_order().orders().iter().map(|o| o.id()).collect(), s.decision().requirement()))
///     .collect();
/// assert_eq!(shape, [
///     (vec!["4"], ChannelRequirement::MerchantChoice),
///     (vec!["1", "3"], ChannelRequirement::MerchantChoice),
///     (vec!["2"], ChannelRequirement::MustStandard),
/// ]);
/// assert_eq!(plan.summary().moved_to_economy, 2);
/// assert!(plan.report().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_split(
    orders: Vec<WishPostOrder>,
    as_of: NaiveDate,
    rates: &ExchangeRates,
) -> SplitPlan {
    let batch = (0..orders.len()).collect();
    plan_indexed(orders, batch, Report::new(), as_of, rates)
}

impl OrderBatchJson {
    /// Converts the batch and plans it: orders with problems are reported at
    /// their path in this document (`/orders/3/quantity`) and left out; the
    /// rest are planned as by [`plan_split`].
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::channel::OrderBatchJson;
    /// use crossborder::ExchangeRates;
    /// use chrono::NaiveDate;
    ///
    /// let batch: OrderBatchJson = serde_json::from_str(r#"{"orders": [
    ///   {"id": "1", "customer": "c", "program": "A+", "quantity": 1, "currency": "USD",
    ///    "merchantPrice": 4, "merchantShipping": 1},
    ///   {"id": "2", "customer": "c", "program": "A+", "quantity": -2, "currency": "USD",
    ///    "merchantPrice": 4, "merchantShipping": 1}
    /// ]}"#)?;
    /// let plan = batch.plan(NaiveDate::MIN, &ExchangeRates::new());
    /// assert_eq!(plan.summary().orders, 1);
    /// assert_eq!(plan.summary().orders_left_out, 1);
    /// assert_eq!(plan.report().iter().next().map(|v| v.pointer().as_str()), Some("/orders/1/quantity"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn plan(&self, as_of: NaiveDate, rates: &ExchangeRates) -> SplitPlan {
        let (orders, report) = self.to_orders();
        let (batch, orders) = orders.into_iter().unzip();
        let mut plan = plan_indexed(orders, batch, report, as_of, rates);
        plan.summary.orders_left_out = self.orders.len() - plan.summary.orders;
        plan
    }
}

/// Plans `orders`, the order `k` being `/orders/{batch[k]}` of the caller's
/// batch.
fn plan_indexed(
    mut orders: Vec<WishPostOrder>,
    batch: Vec<usize>,
    mut report: Report,
    as_of: NaiveDate,
    rates: &ExchangeRates,
) -> SplitPlan {
    let total = orders.len();
    let root = Loc::ROOT;
    let at = root.field("orders");
    let mut valued: Vec<Option<Valued>> = vec![None; total];
    // Customers in ascending order, each with its orders in batch order.
    let mut members: Vec<Vec<u32>> = Vec::new();
    let mut customer_order: Vec<usize> = Vec::new();
    {
        // Hash sets and maps only find duplicates and group; nothing a
        // caller sees depends on their iteration order.
        let mut ids: HashSet<&str> = HashSet::with_capacity(total);
        let mut groups: HashMap<&str, usize> = HashMap::new();
        let mut problems: Vec<(usize, Report)> = Vec::new();
        for (i, order) in orders.iter().enumerate() {
            let loc = at.index(batch[i]);
            if !ids.insert(order.id.as_str()) {
                let mut r = Report::new();
                r.push(duplicate(loc.field("id").pointer(), &order.id));
                problems.push((batch[i], r));
                continue;
            }
            match order.valued(as_of, rates) {
                Some(v) => {
                    valued[i] = Some(v);
                    let next = members.len();
                    let g = *groups.entry(order.customer.as_str()).or_insert(next);
                    if g == next {
                        members.push(Vec::new());
                    }
                    // `total` fits u32: a batch never holds 4 billion orders.
                    members[g].push(i as u32);
                }
                None => {
                    let mut r = Report::new();
                    order.value_problems(as_of, rates, &loc, &mut r);
                    problems.push((batch[i], r));
                }
            }
        }
        problems.sort_by_key(|(b, _)| *b);
        let had_earlier = !report.is_empty();
        for (_, r) in problems {
            report.append(r);
        }
        if had_earlier {
            // Problems found while reading the batch and while valuing it, in
            // document order.
            let mut all: Vec<_> = std::mem::take(&mut report).into_iter().collect();
            all.sort_by_key(|v| order_index(v.pointer().as_str()));
            report.extend(all);
        }
        let mut names: Vec<(&str, usize)> = groups.into_iter().collect();
        names.sort_unstable();
        customer_order.extend(names.into_iter().map(|(_, g)| g));
    }
    let planned: usize = members.iter().map(Vec::len).sum();
    let mut summary = PlanSummary {
        orders: planned,
        orders_left_out: total - planned,
        customers: members.len(),
        ..PlanSummary::default()
    };
    let mut shipments = Vec::with_capacity(members.len() * 2);
    let mut ctx = Ctx {
        forced: Vec::new(),
        grouped: Vec::new(),
        orders: &mut orders,
        valued: &valued,
        batch: &batch,
        as_of,
        summary: &mut summary,
        shipments: &mut shipments,
    };
    for g in customer_order {
        ctx.plan_customer(&members[g]);
    }
    summary.shipping_orders = shipments.len();
    SplitPlan {
        shipments,
        summary,
        report,
    }
}

/// Which group of a customer's plan an order goes to.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    /// Under $10: may ship ECONOMY.
    Cheap,
    /// Optional A+ of $10 or more, kept apart from cheap A+ orders.
    OptionalDear,
    /// A+ or UI of $10 or more: STANDARD.
    Dear,
}

struct Ctx<'a> {
    /// Scratch, reused per customer: whether the baseline forces STANDARD.
    forced: Vec<bool>,
    /// Scratch, reused per customer: (group, position among its orders).
    grouped: Vec<(Group, usize)>,
    orders: &'a mut [WishPostOrder],
    valued: &'a [Option<Valued>],
    batch: &'a [usize],
    as_of: NaiveDate,
    summary: &'a mut PlanSummary,
    shipments: &'a mut Vec<PlannedShipment>,
}

impl Ctx<'_> {
    fn value(&self, i: u32) -> Valued {
        // Only valued orders are members of a customer.
        self.valued[i as usize].unwrap_or(Valued::ZERO)
    }

    fn plan_customer(&mut self, members: &[u32]) {
        // Baseline: batch order, chunks of 20.
        let mut baseline_forced = std::mem::take(&mut self.forced);
        baseline_forced.clear();
        baseline_forced.resize(members.len(), false);
        for (chunk_no, chunk) in members.chunks(MAX_ORDERS_PER_SHIPPING_ORDER).enumerate() {
            self.summary.baseline_shipping_orders += 1;
            let mut tally = Tally::default();
            for &i in chunk {
                tally.add(&self.value(i));
            }
            if tally.outcome().1.allows_economy() {
                self.summary.baseline_economy_orders += chunk.len();
            } else {
                let base = chunk_no * MAX_ORDERS_PER_SHIPPING_ORDER;
                for f in &mut baseline_forced[base..base + chunk.len()] {
                    *f = true;
                }
            }
        }
        let cheap_a_plus = members.iter().any(|&i| {
            let v = self.value(i);
            !v.at_or_over() && v.class != Class::Optional
        });
        let group_of = |v: &Valued| match (v.at_or_over(), v.class) {
            (false, _) => Group::Cheap,
            (true, Class::Optional) if cheap_a_plus => Group::OptionalDear,
            (true, Class::Optional) => Group::Cheap,
            (true, _) => Group::Dear,
        };
        // (group, position among the customer's orders): sorting keeps batch
        // order within a group.
        let mut order = std::mem::take(&mut self.grouped);
        order.clear();
        order.extend(
            members
                .iter()
                .enumerate()
                .map(|(k, &i)| (group_of(&self.value(i)), k)),
        );
        order.sort_unstable();
        let mut g_start = 0;
        while g_start < order.len() {
            let group = order[g_start].0;
            let mut g_end = g_start + 1;
            while g_end < order.len() && order[g_end].0 == group {
                g_end += 1;
            }
            for chunk in order[g_start..g_end].chunks(MAX_ORDERS_PER_SHIPPING_ORDER) {
                self.ship(chunk, members, &baseline_forced);
            }
            g_start = g_end;
        }
        self.forced = baseline_forced;
        self.grouped = order;
    }

    fn ship(&mut self, chunk: &[(Group, usize)], members: &[u32], baseline_forced: &[bool]) {
        let mut orders = Vec::with_capacity(chunk.len());
        let mut valued = Vec::with_capacity(chunk.len());
        let mut batch_indices = Vec::with_capacity(chunk.len());
        for &(_, k) in chunk {
            let i = members[k] as usize;
            // Each member is shipped once, so the placeholder left behind is
            // never read.
            orders.push(std::mem::replace(
                &mut self.orders[i],
                WishPostOrder::PLACEHOLDER,
            ));
            valued.push(self.value(members[k]));
            batch_indices.push(self.batch[i]);
        }
        let decision = ChannelDecision::from_valued(self.as_of, orders.iter().zip(valued));
        if decision.requirement().allows_economy() {
            self.summary.economy_orders += orders.len();
            self.summary.moved_to_economy +=
                chunk.iter().filter(|&&(_, k)| baseline_forced[k]).count();
        }
        self.shipments.push(PlannedShipment {
            shipping_order: ShippingOrder {
                tracking_number: None,
                orders,
            },
            decision,
            batch_indices,
        });
    }
}
