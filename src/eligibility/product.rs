//! What the caller knows about a product: [`ProductId`] and [`ProductFacts`].

use std::fmt;
use std::str::FromStr;

use iso_currency::Country;
use serde::{Deserialize, Serialize};

use super::class::{MediaKind, ProductAttribute, RestrictionClass, ReviewStatus};
use crate::{Dimensions, HsCode, Weight};

/// The longest product id, in bytes (Amazon SKUs are at most 40 characters,
/// ASINs 10).
///
/// # Example
///
/// ```
/// let long = "x".repeat(crossborder::eligibility::MAX_PRODUCT_ID_LEN + 1);
/// assert!(crossborder::ProductId::new(&long).is_err());
/// ```
pub const MAX_PRODUCT_ID_LEN: usize = 100;

/// A seller's product identifier (an ASIN, SKU or FNSKU): 1 to 100 bytes, no
/// control characters, no comma (ids are CSV fields in an exclusion file),
/// no white space at either end. Compared byte for byte (case matters).
///
/// # Example
///
/// ```
/// use crossborder::ProductId;
/// let id: ProductId = "B00EXAMPLE".parse()?;
/// assert_eq!(id.as_str(), "B00EXAMPLE");
/// assert!("a,b".parse::<ProductId>().is_err());
/// # Ok::<(), crossborder::ProductIdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProductId(Box<str>);

/// Why text is not a [`ProductId`].
///
/// # Example
///
/// ```
/// use crossborder::{ProductId, ProductIdError};
/// let err = ProductId::new("").unwrap_err();
/// assert_eq!(err, ProductIdError::Empty);
/// assert_eq!(err.to_string(), "invalid product id \"\": it is empty");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProductIdError {
    /// Nothing at all.
    #[error("invalid product id \"\": it is empty")]
    Empty,
    /// More than [`MAX_PRODUCT_ID_LEN`] bytes.
    #[error("invalid product id {input:?}: longer than 100 bytes", input = crate::echo(.0))]
    TooLong(String),
    /// A comma, a control character, or white space at either end.
    #[error(
        "invalid product id {input:?}: no comma, control character or surrounding white space is allowed", input = crate::echo(.0)
    )]
    BadCharacter(String),
}

/// Checks the form of a product id without allocating.
pub(crate) fn check_product_id(s: &str) -> Result<(), ProductIdError> {
    if s.is_empty() {
        return Err(ProductIdError::Empty);
    }
    if s.len() > MAX_PRODUCT_ID_LEN {
        return Err(ProductIdError::TooLong(s.to_owned()));
    }
    let bad_char = s.chars().any(|c| c == ',' || c.is_control());
    let bad_edge = s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace);
    if bad_char || bad_edge {
        return Err(ProductIdError::BadCharacter(s.to_owned()));
    }
    Ok(())
}

impl ProductId {
    /// A product id from text.
    ///
    /// # Errors
    ///
    /// [`ProductIdError`] when the text is empty, too long, or holds a comma,
    /// a control character or surrounding white space.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ProductId;
    /// assert_eq!(ProductId::new("SKU-1")?.as_str(), "SKU-1");
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    pub fn new(s: &str) -> Result<ProductId, ProductIdError> {
        check_product_id(s)?;
        Ok(ProductId(s.into()))
    }

    /// The id as text.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::ProductId;
    /// assert_eq!(ProductId::new("X1")?.as_str(), "X1");
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProductId({:?})", &*self.0)
    }
}

impl FromStr for ProductId {
    type Err = ProductIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProductId::new(s)
    }
}

crate::macros::serde_via_str!(ProductId);

/// What the caller knows about one product, as the eligibility rules need it.
///
/// - `hs_code`: looked up in the policy's HS-to-class table, unless
///   `explicit_classes` is set.
/// - `explicit_classes`: classes the seller sets. When present (even empty)
///   they replace the HS table's answer entirely: the seller's word always
///   wins over the table.
/// - `attributes`: facts HS cannot tell (dangerous goods, lithium batteries,
///   adult, ...); each adds its class, whatever the HS code or explicit
///   classes say.
/// - `dimensions` and `weight`: for the standard-size tier; a product with
///   either missing is *pending* (it cannot be sized) unless another rule
///   already rules it out.
/// - `media`: book, music, video, DVD or not media; adds a media class.
/// - `review`: [`ReviewStatus::Pending`] makes every answer pending.
/// - `origin`: the source country (the marketplace it sells from).
///
/// Serde uses these names in camelCase (`hsCode`, `explicitClasses`); only
/// `id` and `origin` are required.
///
/// # Example
///
/// ```
/// use crossborder::{Country, HsCode, MediaKind, ProductFacts, ProductId};
///
/// let dvd = ProductFacts::new(ProductId::new("DVD-1")?, Country::US)
///     .with_hs_code(HsCode::parse("852349")?)
///     .with_media(MediaKind::Dvd)
///     .with_dimensions("7.5 x 5.3 x 0.6 in".parse()?)
///     .with_weight("0.25 lb".parse()?);
/// let json = serde_json::to_string(&dvd)?;
/// assert!(json.contains(r#""hsCode":"852349""#));
/// assert_eq!(serde_json::from_str::<ProductFacts>(&json)?, dvd);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ProductFacts {
    /// The product's id (ASIN, SKU).
    pub id: ProductId,
    /// The source country: the marketplace the product ships from.
    #[serde(with = "crate::country_serde")]
    pub origin: Country,
    /// The HS code, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<HsCode>,
    /// Classes the seller sets; when present they replace the HS table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explicit_classes: Option<Vec<RestrictionClass>>,
    /// Facts HS cannot tell.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<ProductAttribute>,
    /// The unit's dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<Dimensions>,
    /// The unit's weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
    /// Media kind.
    #[serde(default)]
    pub media: MediaKind,
    /// Review status.
    #[serde(default)]
    pub review: ReviewStatus,
}

impl ProductFacts {
    /// A product with only its id and origin known: not media, reviewed, no
    /// HS code, size unknown.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ProductFacts, ProductId, ReviewStatus};
    /// let p = ProductFacts::new(ProductId::new("A1")?, Country::US);
    /// assert_eq!(p.review, ReviewStatus::Processed);
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    pub fn new(id: ProductId, origin: Country) -> ProductFacts {
        ProductFacts {
            id,
            origin,
            hs_code: None,
            explicit_classes: None,
            attributes: Vec::new(),
            dimensions: None,
            weight: None,
            media: MediaKind::NotMedia,
            review: ReviewStatus::Processed,
        }
    }

    /// With an HS code.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, HsCode, ProductFacts, ProductId};
    /// let p = ProductFacts::new(ProductId::new("A1")?, Country::US).with_hs_code(HsCode::parse("901320")?);
    /// assert_eq!(p.hs_code.map(|h| h.to_string()), Some("901320".to_string()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_hs_code(mut self, hs: HsCode) -> ProductFacts {
        self.hs_code = Some(hs);
        self
    }

    /// With explicit classes, which replace the HS table's answer.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ProductFacts, ProductId, RestrictionClass};
    /// let p = ProductFacts::new(ProductId::new("A1")?, Country::US)
    ///     .with_explicit_classes([RestrictionClass::Alcohol]);
    /// assert_eq!(p.explicit_classes, Some(vec![RestrictionClass::Alcohol]));
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    #[must_use]
    pub fn with_explicit_classes(
        mut self,
        classes: impl IntoIterator<Item = RestrictionClass>,
    ) -> ProductFacts {
        self.explicit_classes = Some(classes.into_iter().collect());
        self
    }

    /// With one more attribute.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ProductAttribute, ProductFacts, ProductId};
    /// let p = ProductFacts::new(ProductId::new("A1")?, Country::US)
    ///     .with_attribute(ProductAttribute::DangerousGoods);
    /// assert_eq!(p.attributes, vec![ProductAttribute::DangerousGoods]);
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    #[must_use]
    pub fn with_attribute(mut self, attribute: ProductAttribute) -> ProductFacts {
        self.attributes.push(attribute);
        self
    }

    /// With dimensions.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ProductFacts, ProductId};
    /// let p = ProductFacts::new(ProductId::new("A1")?, Country::US).with_dimensions("10 x 8 x 2 in".parse()?);
    /// assert!(p.dimensions.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_dimensions(mut self, dimensions: Dimensions) -> ProductFacts {
        self.dimensions = Some(dimensions);
        self
    }

    /// With a weight.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ProductFacts, ProductId};
    /// let p = ProductFacts::new(ProductId::new("A1")?, Country::US).with_weight("2 lb".parse()?);
    /// assert!(p.weight.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_weight(mut self, weight: Weight) -> ProductFacts {
        self.weight = Some(weight);
        self
    }

    /// With a media kind.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, MediaKind, ProductFacts, ProductId};
    /// let p = ProductFacts::new(ProductId::new("A1")?, Country::US).with_media(MediaKind::Book);
    /// assert_eq!(p.media, MediaKind::Book);
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    #[must_use]
    pub fn with_media(mut self, media: MediaKind) -> ProductFacts {
        self.media = media;
        self
    }

    /// With a review status.
    ///
    /// # Example
    ///
    /// ```
    /// use crossborder::{Country, ProductFacts, ProductId, ReviewStatus};
    /// let p = ProductFacts::new(ProductId::new("A1")?, Country::US).with_review(ReviewStatus::Pending);
    /// assert_eq!(p.review, ReviewStatus::Pending);
    /// # Ok::<(), crossborder::ProductIdError>(())
    /// ```
    #[must_use]
    pub fn with_review(mut self, review: ReviewStatus) -> ProductFacts {
        self.review = review;
        self
    }
}
