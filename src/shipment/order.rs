//! Document order for a shipment's report: members in the order of the JSON
//! form, array elements by index, unknown members after known ones.

use crate::{Report, Violation};

/// The members of each object of the JSON form, in their order; an object
/// is named by the member path that leads to it, indices left out.
fn members(context: &str) -> &'static [&'static str] {
    match context {
        "" => &[
            "reference",
            "warehouse",
            "transportMode",
            "incoterm",
            "shipDate",
            "importer",
            "chargeableWeightRule",
            "dangerousGoods",
            "rates",
            "skus",
            "cartons",
            "packingList",
            "commercialInvoice",
            "declaration",
            "events",
            "receipt",
        ],
        "warehouse" => &["profile", "code", "country", "limits"],
        "warehouse/limits" => &[
            "maxCartonWeight",
            "maxSide",
            "heavyLabelOver",
            "maxUnitsPerCarton",
            "consecutiveBoxNumbers",
            "mixedSkus",
            "salesLinkRequired",
        ],
        "importer" => &["name", "eori", "taxId"],
        "chargeableWeightRule" => &[
            "divisor",
            "perCbm",
            "dimensionRounding",
            "weightRounding",
            "basis",
            "minimum",
        ],
        "rates" => &["from", "to", "rate"],
        "skus" => &[
            "sku",
            "nameCn",
            "nameEn",
            "barcode",
            "fnsku",
            "brand",
            "salesLink",
            "hsCode",
            "importHsCode",
            "origin",
            "unitValue",
            "currency",
            "unitWeight",
            "massUnit",
            "dimensions",
            "battery",
            "liquid",
            "powder",
            "magnetic",
            "flammable",
            "jewelleryOrWatch",
            "lotManaged",
            "expiryManaged",
            "documents",
        ],
        "skus/dimensions" | "cartons/dimensions" => &["length", "width", "height", "unit"],
        "skus/battery" => &[
            "configuration",
            "chemistry",
            "wattHours",
            "lithiumGrams",
            "cell",
            "count",
            "stateOfCharge",
        ],
        "skus/liquid" => &["volumeMl"],
        "skus/documents" => &["kind", "issuedOn"],
        "cartons" => &[
            "boxNo",
            "count",
            "marks",
            "grossWeight",
            "netWeight",
            "massUnit",
            "dimensions",
            "items",
        ],
        "cartons/marks" => &["reference", "shipmentId", "labels"],
        "cartons/items" => &["sku", "quantity", "lot", "expiry"],
        "packingList" => &["cartons", "netWeight", "grossWeight", "massUnit", "lines"],
        "packingList/lines" => &["sku", "quantity"],
        "commercialInvoice" => &[
            "number",
            "currency",
            "freight",
            "insurance",
            "total",
            "lines",
        ],
        "commercialInvoice/lines" => &[
            "sku",
            "description",
            "hsCode",
            "quantity",
            "unitPrice",
            "amount",
        ],
        "declaration" => &["currency", "lines"],
        "declaration/lines" => &["hsCode", "name", "quantity", "unit", "amount", "skus"],
        "events" => &["stage", "at", "exception"],
        "events/exception" => &["kind", "note"],
        "receipt" => &["receivedOn", "lines"],
        "receipt/lines" => &["sku", "boxNo", "quantity", "damaged"],
        _ => &[],
    }
}

/// The sort key of a pointer: per token, the member's position (unknown
/// members after the known ones, by name) or the element's index.
fn key(pointer: &str) -> Vec<(u32, u64, String)> {
    let mut context = String::new();
    let mut out = Vec::new();
    for token in pointer.split('/').skip(1) {
        if let Ok(i) = token.parse::<u64>() {
            out.push((0, i, String::new()));
            continue;
        }
        let known = members(&context);
        match known.iter().position(|m| *m == token) {
            Some(p) => out.push((0, p as u64, String::new())),
            None => out.push((1, 0, token.to_owned())),
        }
        if !context.is_empty() {
            context.push('/');
        }
        context.push_str(token);
    }
    out
}

/// The violations in document order; violations at the same place keep the
/// order they were found in.
pub(super) fn sorted(violations: Vec<Violation>) -> Report {
    if violations.len() < 2 {
        return violations.into_iter().collect();
    }
    let mut keyed: Vec<_> = violations
        .into_iter()
        .enumerate()
        .map(|(i, v)| ((key(v.pointer().as_str()), i), v))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, v)| v).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_order_then_indices() {
        let mut v = vec![
            key("/declaration/lines/0/amount"),
            key("/cartons/1/grossWeight"),
            key("/cartons/0/netWeight"),
            key("/cartons/0/grossWeight"),
            key("/packingList/netWeight"),
            key("/packingList/grossWeight"),
            key("/reference"),
            key("/zzz"),
        ];
        let want = v.clone();
        v.sort();
        assert_eq!(v[0], want[6]);
        assert_eq!(v[1], want[3]);
        assert_eq!(v[2], want[2]);
        assert_eq!(v[3], want[1]);
        assert_eq!(v[4], want[4]); // packing list: net before gross
        assert_eq!(v[7], want[7]);
    }
}
