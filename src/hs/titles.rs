//! Chinese titles of the HS sections and chapters (`data/hs/titles_zh.csv`),
//! for [`HsEntry::title_zh`](super::HsEntry::title_zh) and the search's
//! character fallback.

use std::sync::OnceLock;

const TITLES_ZH: &str = include_str!("../../data/hs/titles_zh.csv");

/// `(code, title)` sorted by code: sections (`I`..`XXI`) and chapters
/// (`01`..`97`), which never share a code.
fn table() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<(&str, &str)> = TITLES_ZH
            .lines()
            .skip(1)
            .filter_map(|l| l.trim_end_matches('\r').split_once(','))
            .filter(|(code, title)| !code.is_empty() && !title.is_empty())
            .collect();
        rows.sort_unstable_by_key(|&(code, _)| code);
        rows
    })
}

/// The Chinese title of a section or chapter code.
pub(crate) fn title_zh(code: &str) -> Option<&'static str> {
    let t = table();
    t.binary_search_by_key(&code, |&(c, _)| c)
        .ok()
        .map(|i| t[i].1)
}

/// Every chapter `(code, title)`, in code order.
pub(crate) fn chapters() -> impl Iterator<Item = (&'static str, &'static str)> {
    table()
        .iter()
        .copied()
        .filter(|(code, _)| code.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{HsEdition, HsLevel};

    #[test]
    fn every_section_and_chapter_has_one_title() {
        let hs = HsEdition::Hs2022.nomenclature();
        let mut codes: Vec<&str> = table().iter().map(|&(c, _)| c).collect();
        codes.dedup();
        assert_eq!(codes.len(), table().len(), "a code twice");
        for level in [HsLevel::Section, HsLevel::Chapter] {
            for e in hs.entries(level) {
                assert!(title_zh(e.code()).is_some(), "{}", e.code());
            }
        }
        assert_eq!(table().len(), 21 + 96);
        assert_eq!(chapters().count(), 96);
        assert_eq!(title_zh("22"), Some("饮料、酒及醋"));
        assert_eq!(title_zh("XVI").map(|t| t.starts_with("机器")), Some(true));
        assert_eq!(title_zh("77"), None);
    }
}
