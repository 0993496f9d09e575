//! Stages of a stocking shipment (物流节点追踪) and the warehouse's receipt.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, TimeDelta};

use super::check::{CheckOptions, Findings, emit};
use super::rules::Rule;
use crate::macros::closed_enum;
use crate::{JsonPointer, StockingShipment, Timestamp, TransportMode};

closed_enum! {
    /// The stages of a stocking shipment, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::Stage;
    /// assert_eq!(Stage::ALL.len(), 6);
    /// assert_eq!(Stage::Consolidation.next(), Some(Stage::ExportDeclaration));
    /// assert!(Stage::InventorySynced > Stage::ReceiptPutaway);
    /// assert_eq!(Stage::DestinationClearance.name_zh(), "目的国清关");
    /// ```
    pub enum Stage("stage" in "shipment::") {
        /// Domestic consolidation (国内集货).
        Consolidation = "consolidation",
        /// Export declaration (出口报关).
        ExportDeclaration = "export_declaration",
        /// International first-mile transport (国际运输).
        InternationalTransport = "international_transport",
        /// Destination clearance (目的国清关).
        DestinationClearance = "destination_clearance",
        /// Receipt and putaway at the warehouse (入仓上架).
        ReceiptPutaway = "receipt_putaway",
        /// Inventory synced to the seller's systems (系统同步库存).
        InventorySynced = "inventory_synced",
    }
}

impl Stage {
    /// The stage's position, 0 to 5.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::Stage::InventorySynced.index(), 5);
    /// ```
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The stage after this one.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::Stage::InventorySynced.next(), None);
    /// ```
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    /// The stage's name in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::Stage::Consolidation.name_zh(), "国内集货");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            Stage::Consolidation => "国内集货",
            Stage::ExportDeclaration => "出口报关",
            Stage::InternationalTransport => "国际运输",
            Stage::DestinationClearance => "目的国清关",
            Stage::ReceiptPutaway => "入仓上架",
            Stage::InventorySynced => "系统同步库存",
        }
    }
}

closed_enum! {
    /// An exception recorded on a stage.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::ExceptionKind;
    /// assert_eq!("customs_hold".parse::<ExceptionKind>()?, ExceptionKind::CustomsHold);
    /// # Ok::<(), crossborder::ParseEnumError>(())
    /// ```
    pub enum ExceptionKind("exception kind" in "shipment::") {
        /// Held by customs (扣关).
        CustomsHold = "customs_hold",
        /// Refused at the warehouse (仓库拒收).
        RefusedAtWarehouse = "refused_at_warehouse",
        /// Anything else.
        Other = "other",
    }
}

impl ExceptionKind {
    /// The exception's name in Chinese.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(crossborder::shipment::ExceptionKind::CustomsHold.name_zh(), "海关扣货");
    /// ```
    pub const fn name_zh(self) -> &'static str {
        match self {
            ExceptionKind::CustomsHold => "海关扣货",
            ExceptionKind::RefusedAtWarehouse => "仓库拒收",
            ExceptionKind::Other => "其他异常",
        }
    }
}

/// An exception recorded on a stage, with its note.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{ExceptionKind, StageException};
/// let e = StageException { kind: Some(ExceptionKind::CustomsHold), note: Some("document check".into()) };
/// assert!(e.note.is_some());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageException {
    /// What happened.
    pub kind: Option<ExceptionKind>,
    /// A note.
    pub note: Option<String>,
}

/// One event: the shipment reached a stage at a time.
///
/// # Example
///
/// ```
/// use crossborder::shipment::{Stage, StageEvent};
/// let e = StageEvent::new(Stage::Consolidation, "2026-11-18T09:00:00+08:00".parse()?);
/// assert_eq!(e.stage, Some(Stage::Consolidation));
/// # Ok::<(), crossborder::TimestampError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageEvent {
    /// The stage reached.
    pub stage: Option<Stage>,
    /// When, with its offset.
    pub at: Option<Timestamp>,
    /// An exception recorded on the stage.
    pub exception: Option<StageException>,
}

impl StageEvent {
    /// The shipment reached `stage` at `at`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::shipment::{Stage, StageEvent};
    /// let e = StageEvent::new(Stage::ReceiptPutaway, "2026-11-27T10:00:00-08:00".parse()?);
    /// assert!(e.exception.is_none());
    /// # Ok::<(), crossborder::TimestampError>(())
    /// ```
    pub fn new(stage: Stage, at: Timestamp) -> Self {
        StageEvent {
            stage: Some(stage),
            at: Some(at),
            exception: None,
        }
    }
}

/// One line of the warehouse's receipt.
///
/// # Example
///
/// ```
/// let l = crossborder::shipment::ReceiptLine { sku: Some("A".into()), box_no: Some(1), quantity: Some(80), damaged: 0 };
/// assert_eq!(l.damaged, 0);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReceiptLine {
    /// The SKU.
    pub sku: Option<String>,
    /// The box, where the warehouse counted per box.
    pub box_no: Option<u32>,
    /// Units received, damaged ones included.
    pub quantity: Option<u32>,
    /// Damaged units.
    pub damaged: u32,
}

/// What the warehouse received.
///
/// # Example
///
/// ```
/// let r = crossborder::shipment::Receipt::default();
/// assert!(r.lines.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Receipt {
    /// The day it was received.
    pub received_on: Option<NaiveDate>,
    /// Lines, per SKU or per box and SKU.
    pub lines: Vec<ReceiptLine>,
}

/// Expected durations of each stage per transport mode, in days: the
/// caller's plan, for `stage.overdue`.
///
/// # Example
///
/// ```
/// use crossborder::TransportMode;
/// use crossborder::shipment::{Stage, StageDurations};
/// let mut d = StageDurations::new();
/// d.set(TransportMode::Express, Stage::InternationalTransport, 5);
/// assert_eq!(d.get(TransportMode::Express, Stage::InternationalTransport), Some(5));
/// assert_eq!(d.get(TransportMode::Air, Stage::InternationalTransport), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageDurations {
    days: Vec<(crate::TransportMode, Stage, u32)>,
}

impl StageDurations {
    /// No expectations.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::TransportMode;
    /// use crossborder::shipment::{Stage, StageDurations};
    /// let d = StageDurations::new();
    /// assert_eq!(d.get(TransportMode::Air, Stage::Consolidation), None);
    /// ```
    pub fn new() -> Self {
        StageDurations::default()
    }

    /// Expects `stage` to last at most `days` by `mode`.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::TransportMode;
    /// use crossborder::shipment::{Stage, StageDurations};
    /// let mut d = StageDurations::new();
    /// d.set(TransportMode::SeaLcl, Stage::InternationalTransport, 30);
    /// d.set(TransportMode::SeaLcl, Stage::InternationalTransport, 35); // replaces
    /// assert_eq!(d.get(TransportMode::SeaLcl, Stage::InternationalTransport), Some(35));
    /// ```
    pub fn set(&mut self, mode: crate::TransportMode, stage: Stage, days: u32) {
        self.days.retain(|(m, s, _)| !(*m == mode && *s == stage));
        self.days.push((mode, stage, days));
    }

    /// The expected days of a stage by a mode, if set.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::TransportMode;
    /// use crossborder::shipment::{Stage, StageDurations};
    /// let mut d = StageDurations::new();
    /// d.set(TransportMode::Rail, Stage::DestinationClearance, 4);
    /// assert_eq!(d.get(TransportMode::Rail, Stage::DestinationClearance), Some(4));
    /// ```
    pub fn get(&self, mode: crate::TransportMode, stage: Stage) -> Option<u32> {
        self.days
            .iter()
            .find(|(m, s, _)| *m == mode && *s == stage)
            .map(|(_, _, d)| *d)
    }
}

/// One stage the shipment went through: when it began (its event) and
/// when it ended (the next accepted event), if it has.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{StockingShipment, TransportMode};
/// use crossborder::shipment::{Stage, StageDurations, StageEvent};
/// let mut s = StockingShipment::new("PO-1");
/// s.events.push(StageEvent::new(Stage::Consolidation, "2026-11-18T09:00:00+08:00".parse()?));
/// s.events.push(StageEvent::new(Stage::ExportDeclaration, "2026-11-19T09:00:00+08:00".parse()?));
/// let track = s.stages();
/// let first = track.spans()[0];
/// assert_eq!(first.stage, Stage::Consolidation);
/// assert_eq!(first.to, Some("2026-11-19T09:00:00+08:00".parse()?));
/// # Ok::<(), crossborder::TimestampError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageSpan {
    /// The stage.
    pub stage: Stage,
    /// The index of its event in `events`.
    pub event: usize,
    /// When the shipment reached it.
    pub from: Timestamp,
    /// When the shipment moved on, if it has.
    pub to: Option<Timestamp>,
}

impl StageSpan {
    /// Time spent in the stage: to the next stage, or for the current one
    /// to `now`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{StockingShipment, TransportMode};
    /// use crossborder::shipment::{Stage, StageDurations, StageEvent};
    /// let mut s = StockingShipment::new("PO-1");
    /// s.events.push(StageEvent::new(Stage::Consolidation, "2026-11-18T09:00:00+08:00".parse()?));
    /// s.events.push(StageEvent::new(Stage::ExportDeclaration, "2026-11-19T09:00:00+08:00".parse()?));
    /// let track = s.stages();
    /// let now = "2026-11-30T09:00:00+08:00".parse()?;
    /// assert_eq!(track.spans()[0].duration(now).num_hours(), 24);
    /// assert_eq!(track.spans()[1].duration(now).num_days(), 11);
    /// # Ok::<(), crossborder::TimestampError>(())
    /// ```
    pub fn duration(&self, now: Timestamp) -> TimeDelta {
        let end = self.to.unwrap_or(now);
        end.datetime().signed_duration_since(self.from.datetime())
    }
}

/// The stages a shipment went through, from its events: the events that
/// move it forward one stage at a time, in order (events out of order, or
/// without a stage or a time, are left out, and reported by the check).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use crossborder::{StockingShipment, Timestamp, TransportMode};
/// use crossborder::shipment::{Stage, StageDurations, StageEvent};
///
/// let mut s = StockingShipment::new("PO-1");
/// s.events.push(StageEvent::new(Stage::Consolidation, "2026-11-18T09:00:00+08:00".parse()?));
/// s.events.push(StageEvent::new(Stage::ExportDeclaration, "2026-11-19T15:30:00+08:00".parse()?));
/// let track = s.stages();
/// assert_eq!(track.current(), Some(Stage::ExportDeclaration));
/// let now: Timestamp = "2026-11-25T15:30:00+08:00".parse()?;
/// assert_eq!(track.spans()[0].duration(now).num_hours(), 30);
/// let mut plan = StageDurations::new();
/// plan.set(TransportMode::Express, Stage::ExportDeclaration, 2);
/// let late = track.overdue(&plan, TransportMode::Express, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
/// assert_eq!(late, [(Stage::ExportDeclaration, 6)]);
/// # Ok::<(), crossborder::TimestampError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageTrack {
    spans: Vec<StageSpan>,
}

impl StageTrack {
    /// The stage the shipment is in: the last one reached.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{StockingShipment, TransportMode};
    /// use crossborder::shipment::{Stage, StageDurations, StageEvent};
    /// let mut s = StockingShipment::new("PO-1");
    /// s.events.push(StageEvent::new(Stage::Consolidation, "2026-11-18T09:00:00+08:00".parse()?));
    /// s.events.push(StageEvent::new(Stage::ExportDeclaration, "2026-11-19T09:00:00+08:00".parse()?));
    /// let track = s.stages();
    /// assert_eq!(track.current(), Some(Stage::ExportDeclaration));
    /// # Ok::<(), crossborder::TimestampError>(())
    /// ```
    pub fn current(&self) -> Option<Stage> {
        self.spans.last().map(|s| s.stage)
    }

    /// Each stage reached, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{StockingShipment, TransportMode};
    /// use crossborder::shipment::{Stage, StageDurations, StageEvent};
    /// let mut s = StockingShipment::new("PO-1");
    /// s.events.push(StageEvent::new(Stage::Consolidation, "2026-11-18T09:00:00+08:00".parse()?));
    /// s.events.push(StageEvent::new(Stage::ExportDeclaration, "2026-11-19T09:00:00+08:00".parse()?));
    /// let track = s.stages();
    /// assert_eq!(track.spans().len(), 2);
    /// # Ok::<(), crossborder::TimestampError>(())
    /// ```
    pub fn spans(&self) -> &[StageSpan] {
        &self.spans
    }

    /// The stages that lasted, or have lasted as of `as_of` (the current
    /// one), longer than expected for the mode, with the days spent. Days
    /// are whole days between the stage's start and its end, each in its
    /// own time zone; the current stage counts to `as_of`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{StockingShipment, TransportMode};
    /// use crossborder::shipment::{Stage, StageDurations, StageEvent};
    /// let mut s = StockingShipment::new("PO-1");
    /// s.events.push(StageEvent::new(Stage::Consolidation, "2026-11-18T09:00:00+08:00".parse()?));
    /// s.events.push(StageEvent::new(Stage::ExportDeclaration, "2026-11-19T09:00:00+08:00".parse()?));
    /// let track = s.stages();
    /// let mut plan = StageDurations::new();
    /// plan.set(TransportMode::Air, Stage::ExportDeclaration, 3);
    /// let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
    /// assert_eq!(track.overdue(&plan, TransportMode::Air, on), [(Stage::ExportDeclaration, 6)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overdue(
        &self,
        expected: &StageDurations,
        mode: TransportMode,
        as_of: NaiveDate,
    ) -> Vec<(Stage, i64)> {
        self.overdue_spans(expected, mode, as_of)
            .into_iter()
            .map(|(span, days, _)| (span.stage, days))
            .collect()
    }

    fn overdue_spans(
        &self,
        expected: &StageDurations,
        mode: TransportMode,
        as_of: NaiveDate,
    ) -> Vec<(StageSpan, i64, u32)> {
        let mut out = Vec::new();
        for span in &self.spans {
            let Some(max) = expected.get(mode, span.stage) else {
                continue;
            };
            let end = span.to.map_or(as_of, |t| t.datetime().date_naive());
            let days = end
                .signed_duration_since(span.from.datetime().date_naive())
                .num_days();
            if days > i64::from(max) {
                out.push((*span, days, max));
            }
        }
        out
    }
}

impl StockingShipment {
    /// The stages the shipment went through, from its `events`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use crossborder::{StockingShipment, TransportMode};
    /// use crossborder::shipment::{Stage, StageDurations, StageEvent};
    /// let mut s = StockingShipment::new("PO-1");
    /// s.events.push(StageEvent::new(Stage::Consolidation, "2026-11-18T09:00:00+08:00".parse()?));
    /// s.events.push(StageEvent::new(Stage::ExportDeclaration, "2026-11-19T09:00:00+08:00".parse()?));
    /// let track = s.stages();
    /// assert_eq!(track.current(), Some(Stage::ExportDeclaration));
    /// # Ok::<(), crossborder::TimestampError>(())
    /// ```
    pub fn stages(&self) -> StageTrack {
        let mut spans: Vec<StageSpan> = Vec::new();
        for (i, e) in self.events.iter().enumerate() {
            let (Some(stage), Some(at)) = (e.stage, e.at) else {
                continue;
            };
            if let Some(last) = spans.last_mut() {
                if stage <= last.stage || at < last.from {
                    continue;
                }
                last.to = Some(at);
            }
            spans.push(StageSpan {
                stage,
                event: i,
                from: at,
                to: None,
            });
        }
        StageTrack { spans }
    }
}

fn at(parts: &[&str], index: Option<usize>, tail: &[&str]) -> JsonPointer {
    let mut p = JsonPointer::root();
    for f in parts {
        p.push_field(f);
    }
    if let Some(i) = index {
        p.push_index(i);
    }
    for f in tail {
        p.push_field(f);
    }
    p
}

/// The stage and receipt rules.
pub(super) fn check_flow(
    s: &StockingShipment,
    as_of: Option<NaiveDate>,
    durations: Option<&StageDurations>,
    out: &mut Findings,
    options: &CheckOptions,
) {
    let mut add = |rule: Rule, p: JsonPointer, value: Option<&str>, en: String, zh: String| {
        emit(out, options, as_of, rule, p, value, en, zh);
    };
    let mut last: Option<(Stage, usize)> = None;
    let mut last_at: Option<Timestamp> = None;
    for (i, e) in s.events.iter().enumerate() {
        if let Some(stage) = e.stage {
            let expected = last.map_or(Some(Stage::Consolidation), |(l, _)| l.next());
            match (last, expected) {
                (Some((l, _)), _) if stage <= l => {
                    let (en, zh) = if stage == l {
                        (
                            format!(
                                "{stage} is recorded again: the shipment moves forward one stage at a time"
                            ),
                            format!("{} 重复记录：货件只能逐级向前推进", stage.name_zh()),
                        )
                    } else {
                        (
                            format!("the shipment goes back from {l} to {stage}"),
                            format!("货件从{}退回到{}", l.name_zh(), stage.name_zh()),
                        )
                    };
                    add(
                        Rule::StageOutOfOrder,
                        at(&["events"], Some(i), &["stage"]),
                        Some(stage.as_str()),
                        en,
                        zh,
                    );
                }
                (_, Some(want)) if stage > want => {
                    let skipped: Vec<&str> = Stage::ALL[want.index()..stage.index()]
                        .iter()
                        .map(|s| s.as_str())
                        .collect();
                    let skipped_zh: Vec<&str> = Stage::ALL[want.index()..stage.index()]
                        .iter()
                        .map(|s| s.name_zh())
                        .collect();
                    add(
                        Rule::StageSkipped,
                        at(&["events"], Some(i), &["stage"]),
                        Some(stage.as_str()),
                        format!(
                            "the shipment reaches {stage} without {}",
                            skipped.join(", ")
                        ),
                        format!(
                            "货件跳过了{}，直接到{}",
                            skipped_zh.join("、"),
                            stage.name_zh()
                        ),
                    );
                    last = Some((stage, i));
                }
                _ => last = Some((stage, i)),
            }
        }
        if let Some(t) = e.at {
            match last_at {
                Some(prev) if t < prev => add(
                    Rule::StageTimeBackwards,
                    at(&["events"], Some(i), &["at"]),
                    Some(&t.to_string()),
                    format!("{t} is earlier than the event before it ({prev})"),
                    format!("{t} 早于上一个节点的时间（{prev}）"),
                ),
                _ => last_at = Some(t),
            }
        }
        if let Some(x) = &e.exception {
            let kind = x.kind.map_or("exception", |k| k.as_str());
            let kind_zh = x.kind.map_or("异常", |k| k.name_zh());
            let note = x
                .note
                .as_deref()
                .map(|n| crate::echo(n).to_string())
                .unwrap_or_default();
            let stage = e.stage.map_or("a stage", |s| s.as_str());
            add(
                Rule::StageException,
                at(&["events"], Some(i), &["exception"]),
                Some(kind),
                format!("{kind} recorded on {stage}: {note}"),
                format!(
                    "{}节点记录了{kind_zh}：{note}",
                    e.stage.map_or("", |s| s.name_zh())
                ),
            );
        }
    }
    let track = s.stages();
    if let (Some(plan), Some(mode), Some(on)) = (durations, s.transport_mode, as_of) {
        for (span, days, max) in track.overdue_spans(plan, mode, on) {
            let now = if span.to.is_some() {
                "took"
            } else {
                "has taken"
            };
            add(
                Rule::StageOverdue,
                at(&["events"], Some(span.event), &["stage"]),
                Some(span.stage.as_str()),
                format!(
                    "{} {now} {days} days, more than the {max} expected by {mode}",
                    span.stage
                ),
                format!(
                    "{}已用 {days} 天，超过 {mode} 预期的 {max} 天",
                    span.stage.name_zh()
                ),
            );
        }
    }
    let Some(receipt) = &s.receipt else { return };
    if !s.events.is_empty() && track.current().is_none_or(|c| c < Stage::ReceiptPutaway) {
        let current = track.current().map_or("no stage", |c| c.as_str());
        add(
            Rule::ReceiptBeforePutaway,
            at(&["receipt"], None, &[]),
            Some(current),
            format!(
                "a receipt is only accepted once the shipment has reached receipt_putaway; it is at {current}"
            ),
            format!("货件尚未到达入仓上架节点（当前：{current}），不能接受收货单"),
        );
        return;
    }
    reconcile(s, receipt, &mut add);
}

/// Units shipped per SKU (in order of first appearance), and per box and
/// SKU (sorted; empty when the shipment has more than
/// [`MAX_BOXES_RECONCILED`] boxes).
type Shipped<'s> = (Vec<(&'s str, u64)>, Vec<(u32, &'s str, u64)>);

/// A receipt is reconciled box by box for shipments of at most this many
/// boxes (identical boxes counted one by one); a larger one, per SKU only,
/// so that a carton line's `count` never makes the check walk billions of
/// boxes.
pub(crate) const MAX_BOXES_RECONCILED: u64 = 1_000_000;

/// `None` when some carton line is incomplete (its problem is reported
/// elsewhere).
fn shipped(s: &StockingShipment) -> Option<Shipped<'_>> {
    let mut per_sku: Vec<(&str, u64)> = Vec::new();
    let mut sku_at: HashMap<&str, usize> = HashMap::new();
    let mut per_box: Vec<(u32, &str, u64)> = Vec::new();
    let expand = s.box_count() <= MAX_BOXES_RECONCILED;
    for c in &s.cartons {
        let boxes = c.box_numbers();
        if c.count == 0 {
            return None;
        }
        for it in &c.items {
            let (code, q) = (it.sku.as_deref()?, it.quantity?);
            let total = u64::from(q) * u64::from(c.count);
            match sku_at.get(code) {
                // Past u64::MAX units the total is unknown, not wrapped.
                Some(&at) => per_sku[at].1 = per_sku[at].1.checked_add(total)?,
                None => {
                    sku_at.insert(code, per_sku.len());
                    per_sku.push((code, total));
                }
            }
            if let Some(r) = boxes.clone().filter(|_| expand) {
                for b in r {
                    per_box.push((b, code, u64::from(q)));
                }
            }
        }
    }
    per_box.sort_unstable();
    Some((per_sku, per_box))
}

type Add<'x> = dyn FnMut(Rule, JsonPointer, Option<&str>, String, String) + 'x;

fn reconcile(s: &StockingShipment, r: &Receipt, add: &mut Add<'_>) {
    let line = |i: usize, f: &str| at(&["receipt", "lines"], Some(i), &[f]);
    for (i, l) in r.lines.iter().enumerate() {
        if l.damaged > 0 {
            let sku = l.sku.as_deref().unwrap_or("?");
            add(
                Rule::ReceiptDamaged,
                line(i, "damaged"),
                Some(&l.damaged.to_string()),
                format!("{} of {:?} received damaged", l.damaged, crate::echo(sku)),
                format!("{:?} 有 {} 件到货破损", crate::echo(sku), l.damaged),
            );
        }
    }
    let Some((per_sku, per_box)) = shipped(s) else {
        return;
    };
    let by_box = !r.lines.is_empty()
        && r.lines.iter().all(|l| l.box_no.is_some())
        && s.box_count() <= MAX_BOXES_RECONCILED;
    let compare =
        |add: &mut Add<'_>, p: JsonPointer, what: &str, what_zh: &str, got: u64, want: u64| {
            if got < want {
                add(
                    Rule::ReceiptShort,
                    p,
                    Some(&got.to_string()),
                    format!(
                        "{what}: received {got} of {want} shipped, {} short",
                        want - got
                    ),
                    format!(
                        "{what_zh}：发货 {want} 件，仅收到 {got} 件，短少 {} 件",
                        want - got
                    ),
                );
            } else if got > want {
                add(
                    Rule::ReceiptOver,
                    p,
                    Some(&got.to_string()),
                    format!(
                        "{what}: received {got}, {} more than the {want} shipped",
                        got - want
                    ),
                    format!(
                        "{what_zh}：发货 {want} 件，收到 {got} 件，多出 {} 件",
                        got - want
                    ),
                );
            }
        };
    if by_box {
        // At most MAX_BOXES_RECONCILED of them (`by_box`).
        let boxes: HashSet<u32> = s
            .cartons
            .iter()
            .filter_map(|c| c.box_numbers())
            .flatten()
            .collect();
        let known_box = |b: u32| boxes.contains(&b);
        let want_of: HashMap<(u32, &str), u64> =
            per_box.iter().map(|&(b, k, q)| ((b, k), q)).collect();
        // What the receipt says per box and SKU (`None` once a line has no
        // quantity).
        let mut got_of: HashMap<(u32, &str), Option<u64>> = HashMap::new();
        for l in &r.lines {
            if let (Some(b), Some(code)) = (l.box_no, l.sku.as_deref()) {
                let got = got_of.entry((b, code)).or_insert(Some(0));
                *got = got.zip(l.quantity).map(|(a, q)| a + u64::from(q));
            }
        }
        let mut seen: HashSet<(u32, &str)> = HashSet::new();
        for (i, l) in r.lines.iter().enumerate() {
            let (Some(b), Some(code)) = (l.box_no, l.sku.as_deref()) else {
                continue;
            };
            if !known_box(b) {
                add(
                    Rule::ReceiptUnknownBox,
                    line(i, "boxNo"),
                    Some(&b.to_string()),
                    format!("box {b} is not one of the shipment's boxes"),
                    format!("箱号 {b} 不属于本货件"),
                );
                continue;
            }
            let want = want_of.get(&(b, code)).copied();
            let Some(want) = want else {
                add(
                    Rule::ReceiptUnexpectedSku,
                    line(i, "sku"),
                    Some(code),
                    format!(
                        "{:?} was received in box {b}, which did not hold it",
                        crate::echo(code)
                    ),
                    format!("箱 {b} 中收到 {:?}，但该箱未发此 SKU", crate::echo(code)),
                );
                continue;
            };
            if !seen.insert((b, code)) {
                continue;
            }
            if let Some(&Some(got)) = got_of.get(&(b, code)) {
                let what = format!("box {b}, {:?}", crate::echo(code));
                let what_zh = format!("箱 {b} 的 {:?}", crate::echo(code));
                compare(add, line(i, "quantity"), &what, &what_zh, got, want);
            }
        }
        for &(b, code, want) in &per_box {
            if !seen.contains(&(b, code)) && !got_of.contains_key(&(b, code)) {
                add(
                    Rule::ReceiptShort,
                    at(&["receipt", "lines"], None, &[]),
                    Some(&format!("{b}")),
                    format!(
                        "box {b} ({want} of {:?}) was not received",
                        crate::echo(code)
                    ),
                    format!("箱 {b}（{:?} {want} 件）未收到", crate::echo(code)),
                );
            }
        }
        return;
    }
    let want_of: HashMap<&str, u64> = per_sku.iter().copied().collect();
    let mut got_of: HashMap<&str, Option<u64>> = HashMap::new();
    for l in &r.lines {
        if let Some(code) = l.sku.as_deref() {
            let got = got_of.entry(code).or_insert(Some(0));
            *got = got.zip(l.quantity).map(|(a, q)| a + u64::from(q));
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, l) in r.lines.iter().enumerate() {
        let Some(code) = l.sku.as_deref() else {
            continue;
        };
        if !seen.insert(code) {
            continue;
        }
        let Some(&want) = want_of.get(code) else {
            add(
                Rule::ReceiptUnexpectedSku,
                line(i, "sku"),
                Some(code),
                format!(
                    "{:?} was received but is not in the shipment",
                    crate::echo(code)
                ),
                format!("收到 {:?}，但本货件未发此 SKU", crate::echo(code)),
            );
            continue;
        };
        if let Some(&Some(got)) = got_of.get(code) {
            compare(
                add,
                line(i, "quantity"),
                &format!("{:?}", crate::echo(code)),
                &format!("{:?}", crate::echo(code)),
                got,
                want,
            );
        }
    }
    for &(code, want) in &per_sku {
        if !got_of.contains_key(code) {
            add(
                Rule::ReceiptShort,
                at(&["receipt", "lines"], None, &[]),
                Some(code),
                format!("{:?} ({want} shipped) was not received", crate::echo(code)),
                format!("{:?}（发货 {want} 件）未收到", crate::echo(code)),
            );
        }
    }
}
