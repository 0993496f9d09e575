//! Peer benchmarks of `crossborder` (see `benches/peer.rs`); no library code.
