// Hostile inputs shared by the reliability tests, the complexity benchmark
// (`benches/complexity.rs` includes this file by path) and the exclusion
// index's unit tests (with `include!`, so no inner attributes here):
// products with many SKUs, and exclusion ids that all have one 64-bit hash.

/// A product declaration with `skus` SKUs, each with its own `skuNumber`,
/// as JSON text. With `bad_prices`, every SKU's price is malformed and the
/// product has none, so the conversion reports one bad value per SKU and
/// the required-field rule one missing price per SKU (which the merge must
/// drop): the two passes the merge reconciles are both as long as the list.
pub(crate) fn product_with_skus(skus: usize, bad_prices: bool) -> String {
    let mut s = String::with_capacity(skus * 80 + 200);
    s.push_str(
        r#"{"name":"T恤","hsCode":"6109100011","country":"CN","currency":"CNY","expressType":"BC","taxRate":0.091,"netWeight":0.2,"grossWeight":0.25,"#,
    );
    if !bad_prices {
        s.push_str(r#""price":59.9,"#);
    }
    s.push_str(r#""skus":["#);
    for i in 0..skus {
        if i > 0 {
            s.push(',');
        }
        if bad_prices {
            s.push_str(&format!(r#"{{"skuNumber":"SKU-{i:06}","price":"n/a"}}"#));
        } else {
            s.push_str(&format!(r#"{{"skuNumber":"SKU-{i:06}","price":59.9}}"#));
        }
    }
    s.push_str("]}");
    s
}

// ---- the exclusion index's hash, inverted ----
//
// The index hashes an id with an FxHash-style step per 8-byte chunk,
// `h = (h.rotate_left(5) ^ chunk) * K` starting from `h = len`, then a
// MurmurHash3 finaliser (a bijection). Two ids of one length whose chunk
// steps end in the same state therefore have the same 64-bit hash. For a
// 16-byte id `a ++ b`, the state is `(rotl((rotl(16, 5) ^ a) * K, 5) ^ b) * K`:
// for any first chunk `a` there is exactly one `b` that reaches a chosen
// state, and about one `a` in 3,300 makes that `b` printable text a product
// id may hold.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// The multiplicative inverse of `K` modulo 2^64 (Newton's iteration).
const fn inverse(k: u64) -> u64 {
    let mut x = k; // correct to 3 bits for odd k
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(k.wrapping_mul(x)));
        i += 1;
    }
    x
}

const K_INV: u64 = inverse(K);

/// Whether all 8 bytes are printable ASCII other than space, `,` and `#`.
fn printable(w: u64) -> bool {
    w.to_le_bytes()
        .iter()
        .all(|&b| (0x21..=0x7e).contains(&b) && b != b',' && b != b'#')
}

/// The 8 bytes of the `n`-th first chunk: base-62 digits, so every chunk
/// is distinct and starts with an alphanumeric character.
fn first_chunk(mut n: u64) -> u64 {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut bytes = [0u8; 8];
    for b in &mut bytes {
        *b = DIGITS[(n % 62) as usize];
        n /= 62;
    }
    u64::from_le_bytes(bytes)
}

/// `count` distinct 16-byte product ids that all have the same 64-bit
/// hash in the exclusion index (and so the same slot, tag and Bloom
/// block). Deterministic.
pub(crate) fn colliding_ids(count: usize) -> Vec<String> {
    const TARGET: u64 = 0x0123_4567_89ab_cdef;
    let start = 16u64.rotate_left(5);
    let need = TARGET.wrapping_mul(K_INV);
    let mut out = Vec::with_capacity(count);
    let mut n = 0u64;
    while out.len() < count {
        let a = first_chunk(n);
        n += 1;
        let state = (start ^ a).wrapping_mul(K);
        let b = state.rotate_left(5) ^ need;
        if printable(b) {
            let mut id = a.to_le_bytes().to_vec();
            id.extend_from_slice(&b.to_le_bytes());
            // Printable ASCII is UTF-8.
            out.push(String::from_utf8(id).unwrap_or_default());
        }
    }
    out
}

/// `count` ordinary 16-byte ids, for comparison with [`colliding_ids`].
pub(crate) fn ordinary_ids(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("ORD-{i:012}")).collect()
}

/// An exclusion file with one line per id, each excluded everywhere.
pub(crate) fn exclusion_file(ids: &[String]) -> String {
    let mut s = String::with_capacity(ids.len() * 17);
    for id in ids {
        s.push_str(id);
        s.push('\n');
    }
    s
}

/// A stocking shipment with `skus` registered SKUs, one box of one unit
/// each, every SKU on the packing list, the invoice and the receipt, as
/// JSON text; the last SKU is one short on the packing list (one
/// `documents.packing_list_quantity`, and nothing else). Built on `sample`, the text of
/// `tests/fixtures/stocking_sample.json`, with its stages up to receipt.
pub(crate) fn shipment_with_skus(sample: &str, skus: usize) -> String {
    use serde_json::{Value, json};
    let mut d: Value = serde_json::from_str(sample).unwrap();
    let sku = d["skus"][0].clone();
    let marks = d["cartons"][0]["marks"].clone();
    let (mut regs, mut cartons, mut packing, mut invoice, mut receipt) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..skus {
        let code = format!("S-{i:06}");
        let mut k = sku.clone();
        k["sku"] = json!(code);
        k["fnsku"] = json!(format!("X00{i:07}"));
        // An EAN-13 of its own: 690 and nine digits, and its check digit.
        let body = format!("690{i:09}");
        let sum: u32 = body
            .bytes()
            .rev()
            .enumerate()
            .map(|(p, d)| u32::from(d - b'0') * if p % 2 == 0 { 3 } else { 1 })
            .sum();
        k["barcode"] = json!(format!("{body}{}", (10 - sum % 10) % 10));
        regs.push(k);
        cartons.push(json!({"boxNo": i + 1, "marks": marks, "grossWeight": "1",
            "netWeight": "0.5", "dimensions": {"length": 10, "width": 10, "height": 10},
            "items": [{"sku": code, "quantity": 1}]}));
        let q = if i + 1 == skus { 0 } else { 1 };
        packing.push(json!({"sku": code, "quantity": q}));
        invoice.push(json!({"sku": code, "hsCode": "8518300000", "quantity": 1,
            "unitPrice": "12.50", "amount": "12.50"}));
        receipt.push(json!({"sku": code, "quantity": 1}));
    }
    d["skus"] = json!(regs);
    d["cartons"] = json!(cartons);
    d["packingList"]["lines"] = json!(packing);
    d["packingList"]["cartons"] = json!(skus);
    d["packingList"]["netWeight"] = json!(format!(
        "{}.{}",
        skus / 2,
        if skus % 2 == 1 { 5 } else { 0 }
    ));
    d["packingList"]["grossWeight"] = json!(skus);
    d["commercialInvoice"]["lines"] = json!(invoice);
    d["commercialInvoice"]["total"] = json!(format!(
        "{}.{:02}",
        skus * 25 / 2,
        if skus % 2 == 1 { 50 } else { 0 }
    ));
    d["declaration"]["lines"][0]["quantity"] = json!(skus);
    d["declaration"]["lines"][0]["amount"] = d["commercialInvoice"]["total"].clone();
    d["events"] = json!([
        { "stage": "consolidation", "at": "2026-11-18T09:00:00+08:00" },
        { "stage": "export_declaration", "at": "2026-11-19T15:30:00+08:00" },
        { "stage": "international_transport", "at": "2026-11-20T22:10:00+08:00" },
        { "stage": "destination_clearance", "at": "2026-11-24T08:00:00-08:00" },
        { "stage": "receipt_putaway", "at": "2026-11-27T10:00:00-08:00" }
    ]);
    d["receipt"] = json!({"receivedOn": "2026-11-27", "lines": receipt});
    d.to_string()
}
