//! Domain types built from the wire: [`Product`], [`Sku`], [`Component`],
//! [`Order`], [`OrderItem`], [`Party`], [`DeclarationResult`], and the
//! [`Converted`] result of a conversion.

pub(crate) mod convert;
mod order;
mod product;

pub use order::{DeclarationResult, Order, OrderItem, Party};
pub use product::{Component, Product, Sku};

use crate::Report;

/// The result of converting a wire document: the domain value and the report
/// of every format problem found on the way.
///
/// A bad value is reported and then treated as absent, so the value is always
/// there; [`Converted::into_result`] gives it only when the report holds no
/// error.
///
/// # Example
///
/// ```
/// use crossborder::{wire, Product};
///
/// let ok: wire::Product = serde_json::from_str(r#"{"hsCode":"851830"}"#)?;
/// let product = Product::from_wire(ok).into_result().expect("clean");
/// assert_eq!(product.hs_code.map(|c| c.to_string()), Some("851830".into()));
///
/// let bad: wire::Product = serde_json::from_str(r#"{"hsCode":"85"}"#)?;
/// let converted = Product::from_wire(bad);
/// assert_eq!(converted.report().len(), 1);
/// assert_eq!(converted.value().hs_code, None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Converted<T> {
    value: T,
    report: Report,
    /// Given values the conversion had to leave out (see `Conv::dropped`).
    dropped: Vec<crate::JsonPointer>,
}

impl<T> Converted<T> {
    pub(crate) fn new(value: T, report: Report) -> Self {
        Converted {
            value,
            report,
            dropped: Vec::new(),
        }
    }

    /// A conversion's result: the value, its report, and the pointers of
    /// given values it had to leave out.
    pub(crate) fn with_dropped(value: T, report: Report, dropped: Vec<crate::JsonPointer>) -> Self {
        Converted {
            value,
            report,
            dropped,
        }
    }

    /// Replaces the report with what `merge` makes of the value, the
    /// conversion's report and the pointers of the given values it left
    /// out, which are forgotten. The value stays where it is (a large
    /// struct, not moved).
    pub(crate) fn merge_report(
        &mut self,
        merge: impl FnOnce(&T, Report, &[crate::JsonPointer]) -> Report,
    ) {
        let conversion = std::mem::take(&mut self.report);
        let dropped = std::mem::take(&mut self.dropped);
        self.report = merge(&self.value, conversion, &dropped);
    }

    /// The value, with bad fields left out (absent or at their default).
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{wire, Product};
    /// let c = Product::from_wire(wire::Product::default());
    /// assert!(c.value().skus.is_empty());
    /// ```
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The report of every format problem, in document order.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{wire, Product};
    /// assert!(Product::from_wire(wire::Product::default()).report().is_empty());
    /// ```
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Whether the conversion found nothing to report.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{wire, Product};
    /// assert!(Product::from_wire(wire::Product::default()).is_clean());
    /// ```
    pub fn is_clean(&self) -> bool {
        self.report.is_empty()
    }

    /// The value and the report.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{wire, Product};
    /// let (product, report) = Product::from_wire(wire::Product::default()).into_parts();
    /// assert!(report.is_empty());
    /// assert_eq!(product.brand, "Other");
    /// ```
    pub fn into_parts(self) -> (T, Report) {
        (self.value, self.report)
    }

    /// The value when the report holds no error.
    ///
    /// # Errors
    ///
    /// The report, when it holds at least one error.
    ///
    /// # Example
    ///
    /// ```
    /// # use crossborder::{wire, Product};
    /// let w: wire::Product = serde_json::from_str(r#"{"currency":"ABC"}"#)?;
    /// let report = Product::from_wire(w).into_result().unwrap_err();
    /// assert_eq!(report.iter().next().map(|v| v.code().as_str()), Some("currency.unknown"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn into_result(self) -> Result<T, Report> {
        if self.report.has_errors() {
            Err(self.report)
        } else {
            Ok(self.value)
        }
    }
}

/// Serde for domain types goes through their wire form, so a domain value
/// serializes to exactly the JSON the customs API expects, and reading one
/// fails with the conversion report's messages when any value is bad.
macro_rules! serde_via_wire {
    ($ty:ty, $wire:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.to_wire().serialize(s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let wire = <$wire as serde::Deserialize>::deserialize(d)?;
                <$ty>::from_wire(wire).into_result().map_err(|report| {
                    let first = report
                        .errors()
                        .next()
                        .map(|v| format!("{} at {}", v.message_en(), v.pointer()));
                    serde::de::Error::custom(first.unwrap_or_default())
                })
            }
        }
    };
}

serde_via_wire!(Product, crate::wire::Product);
serde_via_wire!(Order, crate::wire::Order);
serde_via_wire!(DeclarationResult, crate::wire::DeclarationResult);
