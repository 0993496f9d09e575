//! Macros shared by the value types: serde through `Display`/`FromStr`, and the
//! closed-set enums of the API.

/// Implements `Serialize` through `Display` and `Deserialize` through `FromStr`,
/// so the wire format of a value type is its text.
macro_rules! serde_via_str {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a string holding a ", stringify!($ty)))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse::<$ty>().map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}
pub(crate) use serde_via_str;

/// Declares a closed-set enum of the API with its wire spellings: `as_str`,
/// `ALL`, case-insensitive `FromStr` (wire spelling or aliases), `Display`
/// (wire spelling) and serde through them.
macro_rules! closed_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($kind:literal $(in $module:literal)?) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $wire:literal $(| $alias:literal)*
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order the API documents them.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("let all = crossborder::", $($module,)? stringify!($name), "::ALL;")]
            /// assert!(!all.is_empty());
            #[doc = concat!("assert!(all.iter().all(|v| v.as_str().parse::<crossborder::", $($module,)? stringify!($name), ">() == Ok(*v)));")]
            /// ```
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The API's spelling of this value (also its text form).
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("for v in crossborder::", $($module,)? stringify!($name), "::ALL {")]
            ///     assert_eq!(v.as_str(), v.to_string());
            /// }
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ParseEnumError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = $crate::wire::text::TrimFast::trim_fast(s);
                $(
                    if t.eq_ignore_ascii_case($wire) $(|| t.eq_ignore_ascii_case($alias))* {
                        return Ok($name::$variant);
                    }
                )+
                Err($crate::ParseEnumError::new($kind, s, &[$($wire),+]))
            }
        }

        $crate::macros::serde_via_str!($name);
    };
}
pub(crate) use closed_enum;

/// Declares stable report codes as `Code` constants, each with its docs and
/// an example.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $konst:ident = $code:literal;)+) => {
        impl Code {
            $(
                $(#[doc = $doc])*
                ///
                /// # Example
                ///
                /// ```
                #[doc = concat!("assert_eq!(crossborder::Code::", stringify!($konst), ".as_str(), \"", $code, "\");")]
                /// ```
                pub const $konst: Code = Code::new($code);
            )+
        }
    };
}
pub(crate) use codes;
