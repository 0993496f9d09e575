//! Stages of a stocking shipment (物流节点追踪) and the warehouse's receipt.

use chrono::NaiveDate;

use crate::Timestamp;
use crate::macros::closed_enum;

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
    /// See [`StageEvent`].
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
    /// See [`StageDurations`].
    pub fn new() -> Self {
        StageDurations::default()
    }

    /// Expects `stage` to last at most `days` by `mode`.
    ///
    /// # Example
    ///
    /// See [`StageDurations`].
    pub fn set(&mut self, mode: crate::TransportMode, stage: Stage, days: u32) {
        self.days.retain(|(m, s, _)| !(*m == mode && *s == stage));
        self.days.push((mode, stage, days));
    }

    /// The expected days of a stage by a mode, if set.
    ///
    /// # Example
    ///
    /// See [`StageDurations`].
    pub fn get(&self, mode: crate::TransportMode, stage: Stage) -> Option<u32> {
        self.days
            .iter()
            .find(|(m, s, _)| *m == mode && *s == stage)
            .map(|(_, _, d)| *d)
    }
}

pub(super) fn check_flow(
    _s: &crate::StockingShipment,
    _as_of: Option<NaiveDate>,
    _durations: Option<&StageDurations>,
    _out: &mut super::check::Findings,
    _options: &super::check::CheckOptions,
) {
}
