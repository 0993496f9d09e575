//! HS codes: the [`HsCode`] value type.

mod code;

pub use code::{HsCode, HsCodeError};
