//! Taxes on cross-border goods, one module per regime:
//!
//! - [`china`]: what an order owes China at import, as dated rules: the
//!   cross-border e-commerce retail import tax (BC 9610, BBC 1210: duty 0,
//!   VAT and consumption tax at 70%, or full rates for an order that holds
//!   only one item over ¥5,000), the personal postal articles tax (CC,
//!   行邮税: dated tiers, the ¥50 waiver, the parcel limit), from a tax table
//!   that is data a caller replaces or extends. The declaration rules
//!   `tax.declared_mismatch` and its companions check an order's declared
//!   `tax`, `shippingTax` and `productsTotalTax` against it.
//! - [`regime`]: at the destination, its low-value import regime (de
//!   minimis, IOSS and its peers, flat duties, as dated rules).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use crossborder::declaration::Context;
//! use crossborder::tax::china::{self, Basis};
//! use crossborder::{wire, Order};
//!
//! let w: wire::Order = serde_json::from_str(r#"{"expressType": "BC", "items": [
//!     {"quantity": 2, "price": 199, "product": {"hsCode": "8518300000"}}]}"#)?;
//! let order = Order::from_wire(w).into_result()?;
//! let context = Context::new(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
//! let tax = china::assess(&order, &context);
//! assert_eq!(tax.basis(), Some(Basis::Cbec));
//! assert_eq!(tax.total().map(|m| m.to_string()).as_deref(), Some("36.22 CNY")); // 398 x 9.1%
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod china;
pub mod regime;
