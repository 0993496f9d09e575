//! Reading the wire structs in place.
//!
//! `#[derive(Deserialize)]` builds every field of a struct in a local of its
//! own, assembles the struct from them at the end (a default struct is built
//! too, for the fields that were absent), and hands the struct up through
//! every layer by value: a SKU of several hundred bytes is copied four or
//! five times before it lands in its `Vec`. The wire structs are read
//! instead into a value that already holds every default, each field
//! straight into its place, and each element of an array straight into its
//! slot in the `Vec`.
//!
//! What is read is the same as with derive: members by their API names,
//! unknown members ignored, a member named twice refused (`duplicate field`),
//! an object only (an array where an object belongs is refused with the
//! same message), and a `null` where a field has a default leaves the
//! default.

use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};

use super::{Json, Number, Text, text};

/// Where a visitor puts a field's value (`None` for `null`): hands it back
/// ([`Back`]), or writes it into its place, so that only `()` travels back
/// through the deserializer's layers: an optional field (`&mut Option<T>`)
/// or a field with a default (`&mut T`, which `null` leaves).
pub(crate) trait Sink<T> {
    type Out;
    fn put(self, value: Option<T>) -> Self::Out;
}

/// Hands the value back.
pub(crate) struct Back;

impl<T> Sink<T> for Back {
    type Out = Option<T>;

    #[inline]
    fn put(self, value: Option<T>) -> Option<T> {
        value
    }
}

impl<T> Sink<T> for &mut Option<T> {
    type Out = ();

    #[inline]
    fn put(self, value: Option<T>) {
        *self = value;
    }
}

impl<T> Sink<T> for &mut T {
    type Out = ();

    #[inline]
    fn put(self, value: Option<T>) {
        if let Some(v) = value {
            *self = v;
        }
    }
}

/// A value read into a place that holds the field's default.
pub(crate) trait ReadInto<'de> {
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error>;
}

/// The seed that reads a value into `self.0`.
pub(crate) struct Place<'a, T>(pub(crate) &'a mut T);

impl<'de, T: ReadInto<'de>> DeserializeSeed<'de> for Place<'_, T> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        T::read_into(self.0, d)
    }
}

impl<'de> ReadInto<'de> for Option<Text> {
    #[inline]
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
        text::read_into(d, place)
    }
}

/// A text field with a default: `null` leaves the default.
impl<'de> ReadInto<'de> for Text {
    #[inline]
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
        text::read_into(d, place)
    }
}

impl<'de> ReadInto<'de> for Option<Number> {
    #[inline]
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
        crate::number::read_into(d, place)
    }
}

/// A number field with a default: `null` leaves the default.
impl<'de> ReadInto<'de> for Number {
    #[inline]
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
        crate::number::read_into(d, place)
    }
}

impl<'de> ReadInto<'de> for Option<bool> {
    #[inline]
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
        *place = Option::<bool>::deserialize(d)?;
        Ok(())
    }
}

/// A flag with a default: `null` leaves the default.
impl<'de> ReadInto<'de> for bool {
    #[inline]
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
        if let Some(b) = Option::<bool>::deserialize(d)? {
            *place = b;
        }
        Ok(())
    }
}

impl<'de> ReadInto<'de> for Option<Vec<String>> {
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
        *place = Option::<Vec<String>>::deserialize(d)?;
        Ok(())
    }
}

impl<'de> ReadInto<'de> for Option<Json> {
    fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
        *place = Option::<Json>::deserialize(d)?;
        Ok(())
    }
}

/// What goes in an `Option` of a wire struct: the struct itself, or a box
/// of it (`OrderItem::product`).
pub(crate) trait Slot<'de>: Sized {
    fn fresh() -> Self;
    fn read<D: Deserializer<'de>>(&mut self, d: D) -> Result<(), D::Error>;
}

/// An optional struct (`null` is absent), read into a fresh default.
pub(crate) fn read_option<'de, T: Slot<'de>, D: Deserializer<'de>>(
    place: &mut Option<T>,
    d: D,
) -> Result<(), D::Error> {
    d.deserialize_option(OptionVisitor(place))
}

struct OptionVisitor<'a, T>(&'a mut Option<T>);

impl<'de, T: Slot<'de>> Visitor<'de> for OptionVisitor<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.0.insert(T::fresh()).read(d)
    }
}

/// An optional array of structs (`null` is absent), each element read in
/// its slot of the `Vec`.
pub(crate) fn read_option_vec<'de, T: Slot<'de>, D: Deserializer<'de>>(
    place: &mut Option<Vec<T>>,
    d: D,
) -> Result<(), D::Error> {
    d.deserialize_option(OptionVecVisitor(place))
}

struct OptionVecVisitor<'a, T>(&'a mut Option<Vec<T>>);

impl<'de, T: Slot<'de>> Visitor<'de> for OptionVecVisitor<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(VecVisitor(self.0.insert(Vec::new())))
    }
}

struct VecVisitor<'a, T>(&'a mut Vec<T>);

/// The bytes of the largest block `malloc` implementations keep in their
/// fast per-size caches (glibc: up to 1,032).
const SMALL_BLOCK: usize = 1000;

impl<'de, T: Slot<'de>> Visitor<'de> for VecVisitor<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let items = self.0;
        match seq.size_hint() {
            Some(n) => items.reserve(n.min(1024)),
            // Room for as many elements as fit in a small allocation (at
            // least one), rather than `Vec`'s four: a SKU or a product is
            // several hundred bytes, a product holds one SKU more often than
            // not, and allocators serve small blocks much faster than large.
            None => {
                items.reserve_exact((SMALL_BLOCK / std::mem::size_of::<T>().max(1)).clamp(1, 4))
            }
        }
        while seq.next_element_seed(PushSeed(&mut *items))?.is_some() {}
        Ok(())
    }
}

/// Reads the next element of an array into a default pushed for it (only
/// once the array is known to hold one more).
struct PushSeed<'a, T>(&'a mut Vec<T>);

impl<'de, T: Slot<'de>> DeserializeSeed<'de> for PushSeed<'_, T> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.0.extend(std::iter::once_with(T::fresh));
        match self.0.last_mut() {
            Some(slot) => slot.read(d),
            None => Ok(()),
        }
    }
}

/// Writes, for a wire struct with every field public and a `Default` that
/// holds every documented default: the table of its JSON member names in
/// document order (`$table`), and `Deserialize` reading it in place (see the
/// module docs).
macro_rules! read_in_place {
    ($ty:ident, $name:literal, $table:ident { $($field:ident: $json:literal),+ $(,)? }) => {
        /// The JSON names of the struct's fields, in document order.
        pub(crate) const $table: &[&str] = &[$($json),+];

        const _: () = {
            use ::serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
            use $crate::wire::place::{Place, ReadInto, Slot};

            #[allow(non_camel_case_types)]
            #[derive(Clone, Copy)]
            enum Field {
                $($field),+
            }

            const ALL: &[Field] = &[$(Field::$field),+];

            /// A member name: `Some` field, or `None` for one to ignore.
            struct Key;

            impl<'de> DeserializeSeed<'de> for Key {
                type Value = Option<Field>;

                #[inline]
                fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Field>, D::Error> {
                    d.deserialize_identifier(self)
                }
            }

            impl<'de> Visitor<'de> for Key {
                type Value = Option<Field>;

                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("field identifier")
                }

                #[inline]
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<Field>, E> {
                    Ok(match v {
                        $($json => Some(Field::$field),)+
                        _ => None,
                    })
                }

                fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Option<Field>, E> {
                    match ::std::str::from_utf8(v) {
                        Ok(s) => self.visit_str(s),
                        Err(_) => Ok(None),
                    }
                }

                fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<Field>, E> {
                    Ok(usize::try_from(v).ok().and_then(|i| ALL.get(i)).copied())
                }
            }

            struct Fields<'a>(&'a mut $ty);

            impl<'de> Visitor<'de> for Fields<'_> {
                type Value = ();

                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(concat!("an object (struct ", $name, ")"))
                }

                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                    let target = self.0;
                    let mut seen: u64 = 0;
                    while let Some(key) = map.next_key_seed(Key)? {
                        let Some(field) = key else {
                            map.next_value::<de::IgnoredAny>()?;
                            continue;
                        };
                        let bit = 1u64 << (field as u32);
                        if seen & bit != 0 {
                            let name = $table.get(field as usize).copied().unwrap_or_default();
                            return Err(de::Error::duplicate_field(name));
                        }
                        seen |= bit;
                        match field {
                            $(Field::$field => map.next_value_seed(Place(&mut target.$field))?,)+
                        }
                    }
                    Ok(())
                }
            }

            impl<'de> ReadInto<'de> for $ty {
                fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
                    d.deserialize_struct($name, $table, Fields(place))
                }
            }

            impl<'de> Slot<'de> for $ty {
                #[inline]
                fn fresh() -> Self {
                    <$ty>::DEFAULT
                }

                fn read<D: Deserializer<'de>>(&mut self, d: D) -> Result<(), D::Error> {
                    <$ty as ReadInto<'de>>::read_into(self, d)
                }
            }

            impl<'de> Slot<'de> for Box<$ty> {
                #[inline]
                fn fresh() -> Self {
                    Box::new(<$ty>::DEFAULT)
                }

                fn read<D: Deserializer<'de>>(&mut self, d: D) -> Result<(), D::Error> {
                    <$ty as ReadInto<'de>>::read_into(self, d)
                }
            }

            impl<'de> ReadInto<'de> for Option<$ty> {
                fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
                    $crate::wire::place::read_option(place, d)
                }
            }

            impl<'de> ReadInto<'de> for Option<Box<$ty>> {
                fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
                    $crate::wire::place::read_option(place, d)
                }
            }

            impl<'de> ReadInto<'de> for Option<Vec<$ty>> {
                fn read_into<D: Deserializer<'de>>(place: &mut Self, d: D) -> Result<(), D::Error> {
                    $crate::wire::place::read_option_vec(place, d)
                }
            }

            impl<'de> ::serde::Deserialize<'de> for $ty {
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    // Read in the place of the result, which is not moved.
                    let mut result: Result<Self, D::Error> = Ok(<$ty>::DEFAULT);
                    if let Ok(value) = &mut result {
                        if let Err(e) = <$ty as ReadInto<'de>>::read_into(value, d) {
                            result = Err(e);
                        }
                    }
                    result
                }
            }
        };
    };
}

pub(crate) use read_in_place;
