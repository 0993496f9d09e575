//! Taxes on cross-border parcels: at the destination, its low-value import
//! regime ([`regime`]: de minimis, IOSS and its peers, flat duties, as dated
//! rules).
pub mod regime;
