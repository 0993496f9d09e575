//! Stocking flow: stages, receipt, safety stock.
