//! Document order: where a JSON Pointer falls in a wire document, so that
//! violations found by different passes can be listed in one deterministic
//! order, the order of the API's field tables.

use super::fields;
use crate::JsonPointer;

/// Which wire document a report's pointers point into.
///
/// # Example
///
/// ```
/// use crossborder::{Code, DocumentKind, JsonPointer, Report, Severity, Violation};
///
/// let at = |p: &str| Violation::new(Code::new("x.y"), Severity::Error, p.parse().unwrap(), "", "");
/// let mut report: Report = [at("/currency"), at("/skus/10/price"), at("/skus/2/price"), at("/name")]
///     .into_iter()
///     .collect();
/// report.sort_document_order(DocumentKind::Product);
/// let order: Vec<_> = report.iter().map(|v| v.pointer().as_str()).collect();
/// assert_eq!(order, ["/name", "/skus/2/price", "/skus/10/price", "/currency"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DocumentKind {
    /// A product declaration (`wire::Product`).
    Product,
    /// An order or payment declaration (`wire::Order`).
    Order,
}

#[derive(Clone, Copy)]
enum Shape {
    Product,
    Sku,
    Images,
    Component,
    Order,
    OrderItem,
    Address,
    ArrayOf(Element),
    Leaf,
}

#[derive(Clone, Copy)]
enum Element {
    Sku,
    Component,
    OrderItem,
}

/// One step of a document-order key: known members and indices by position,
/// unknown members after them by name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum KeyPart {
    Rank(u64),
    Name(String),
}

fn members(shape: Shape) -> &'static [&'static str] {
    match shape {
        Shape::Product => fields::PRODUCT,
        Shape::Sku => fields::SKU,
        Shape::Images => fields::IMAGES,
        Shape::Component => fields::COMPONENT,
        Shape::Order => fields::ORDER,
        Shape::OrderItem => fields::ORDER_ITEM,
        Shape::Address => fields::ADDRESS,
        Shape::ArrayOf(_) | Shape::Leaf => &[],
    }
}

fn child(shape: Shape, name: &str) -> Shape {
    match (shape, name) {
        (Shape::Product, "skus") => Shape::ArrayOf(Element::Sku),
        (Shape::Product, "components") => Shape::ArrayOf(Element::Component),
        (Shape::Product | Shape::Sku, "images") => Shape::Images,
        (Shape::Order, "items") => Shape::ArrayOf(Element::OrderItem),
        (Shape::Order, "customer" | "seller" | "payer") => Shape::Address,
        (Shape::OrderItem, "product") => Shape::Product,
        _ => Shape::Leaf,
    }
}

pub(crate) fn document_key(kind: DocumentKind, pointer: &JsonPointer) -> Vec<KeyPart> {
    let mut shape = match kind {
        DocumentKind::Product => Shape::Product,
        DocumentKind::Order => Shape::Order,
    };
    let mut key = Vec::new();
    for token in pointer.tokens() {
        match shape {
            Shape::ArrayOf(element) => {
                key.push(match token.parse::<u64>() {
                    Ok(i) => KeyPart::Rank(i),
                    Err(_) => KeyPart::Name(token.into_owned()),
                });
                shape = match element {
                    Element::Sku => Shape::Sku,
                    Element::Component => Shape::Component,
                    Element::OrderItem => Shape::OrderItem,
                };
            }
            Shape::Leaf => {
                key.push(KeyPart::Name(token.into_owned()));
            }
            object => {
                let names = members(object);
                key.push(match names.iter().position(|n| *n == token) {
                    Some(i) => KeyPart::Rank(i as u64),
                    None => KeyPart::Name(token.to_string()),
                });
                shape = child(object, &token);
            }
        }
    }
    key
}
