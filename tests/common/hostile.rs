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
