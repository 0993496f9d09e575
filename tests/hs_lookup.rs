//! The embedded nomenclatures: counts, hierarchy, look-up, `check` and
//! edition changes, against the CSVs the crate ships.

// Helpers outside #[test] functions are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use crossborder::hs::{self, HsCheck};
use crossborder::{
    Code, DeclarationForm, HsCode, HsEdition, HsLevel, JsonPointer, Jurisdiction, Nomenclature,
};

fn code(text: &str) -> HsCode {
    HsCode::parse(text).unwrap()
}

/// The rows of a shipped CSV (code, level), read independently of the crate's
/// own parser.
fn csv_rows(edition: HsEdition) -> Vec<(String, String)> {
    let path = match edition {
        HsEdition::Hs2022 => "data/hs/hs2022.csv",
        HsEdition::Hs2017 => "data/hs/hs2017.csv",
    };
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let mut f = l.split(',');
            (f.next().unwrap().to_owned(), f.next().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn counts_match_the_data_readme() {
    let hs22 = Nomenclature::get(HsEdition::Hs2022);
    assert_eq!(hs22.count(HsLevel::Section), 21);
    assert_eq!(hs22.count(HsLevel::Chapter), 96);
    assert_eq!(hs22.count(HsLevel::Heading), 1228);
    assert_eq!(hs22.count(HsLevel::Subheading), 5612);
    let hs17 = Nomenclature::get(HsEdition::Hs2017);
    assert_eq!(hs17.count(HsLevel::Section), 21);
    assert_eq!(hs17.count(HsLevel::Chapter), 96);
    assert_eq!(hs17.count(HsLevel::Heading), 1222);
    assert_eq!(hs17.count(HsLevel::Subheading), 5387);
}

#[test]
fn every_row_of_the_csv_is_found_at_its_level_with_its_parent() {
    for edition in HsEdition::ALL.iter().copied() {
        let rows = csv_rows(edition);
        assert!(rows.len() > 6700);
        for (c, level) in &rows {
            let e = hs::lookup(c, edition).unwrap_or_else(|| panic!("{c} in {edition}"));
            assert_eq!(e.code(), c);
            let want = match level.as_str() {
                "section" => HsLevel::Section,
                "2" => HsLevel::Chapter,
                "4" => HsLevel::Heading,
                "6" => HsLevel::Subheading,
                other => panic!("level {other}"),
            };
            assert_eq!(e.level(), want, "{c}");
            assert!(!e.description().is_empty(), "{c}");
            match e.parent() {
                None => assert_eq!(want, HsLevel::Section),
                Some(p) => {
                    if want != HsLevel::Chapter {
                        assert!(c.starts_with(p.code()), "{c} under {}", p.code());
                        assert_eq!(p.code().len() + 2, c.len());
                    }
                    assert!(
                        p.children().any(|ch| ch == e),
                        "{c} among its parent's children"
                    );
                }
            }
            assert_eq!(
                e.path().len(),
                HsLevel::ALL.iter().position(|&l| l == want).unwrap() + 1
            );
            assert_eq!(e.path().last(), Some(e));
        }
    }
}

#[test]
fn children_are_complete_and_in_code_order() {
    let hs22 = Nomenclature::get(HsEdition::Hs2022);
    let sum: usize = hs22
        .entries(HsLevel::Heading)
        .map(|h| h.children().len())
        .sum();
    assert_eq!(sum, 5612);
    let chapters: usize = hs22
        .entries(HsLevel::Section)
        .map(|s| s.children().len())
        .sum();
    assert_eq!(chapters, 96);
    let xv = hs::lookup("XV", HsEdition::Hs2022).unwrap();
    assert_eq!(xv.children().len(), 11); // 72-83 without 77
    for h in hs22.entries(HsLevel::Heading) {
        let codes: Vec<&str> = h.children().map(|c| c.code()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted);
    }
}

#[test]
fn path_runs_from_section_to_subheading() {
    let e = hs::lookup("640411", HsEdition::Hs2022).unwrap();
    let path = e.path();
    assert_eq!(path.to_string(), "XII > 64 > 6404 > 640411");
    assert!(
        path.section()
            .unwrap()
            .description()
            .starts_with("Footwear")
    );
    assert_eq!(path.heading().unwrap().children().len(), 3);
}

#[test]
fn lookup_reads_written_forms_and_rejects_the_rest() {
    let hs = HsEdition::Hs2022;
    assert_eq!(hs::lookup(" 8518.30 ", hs).unwrap().code(), "851830");
    assert_eq!(hs::lookup("8518 30 00 00", hs).unwrap().code(), "851830");
    assert_eq!(hs::lookup("0101210000123", hs).unwrap().code(), "010121");
    assert_eq!(hs::lookup("xxi", hs).unwrap().code(), "XXI");
    for bad in [
        "",
        "8",
        "851",
        "85183",
        "8518300",
        "01012100001234",
        "XXII",
        "IIII",
        "85-18",
        "耳机",
    ] {
        assert!(hs::lookup(bad, hs).is_none(), "{bad:?}");
    }
}

#[test]
fn check_finds_national_codes_on_their_first_six_digits() {
    let c = hs::check(code("6109100010"), HsEdition::Hs2022);
    assert!(c.exists());
    assert_eq!(c.entry().unwrap().code(), "610910");
    assert_eq!(c.message_en(), "");
    assert!(c.violation(JsonPointer::root()).is_none());
}

#[test]
fn unknown_subheading_reports_its_heading_and_candidates() {
    let c = hs::check(code("6109990000"), HsEdition::Hs2022);
    assert!(!c.exists());
    assert_eq!(c.nearest().unwrap().code(), "6109");
    assert!(c.other_edition().is_none());
    let cands: Vec<&str> = c.candidates().map(|e| e.code()).collect();
    assert_eq!(cands, ["610910", "610990"]);
    assert_eq!(c.report_code(), Some(Code::HS_CODE_UNKNOWN));
    assert!(c.message_en().contains("does not exist in HS 2022"));
    assert!(c.message_zh().contains("在 HS 2022 中不存在"));
    assert!(c.message_zh().contains("品目 6109"));
    let v = c.violation(JsonPointer::root().field("hsCode")).unwrap();
    assert_eq!(v.value(), Some("6109990000"));
}

#[test]
fn unknown_heading_falls_back_to_the_chapter() {
    // 6118 does not exist in either edition (chapter 61 ends at 6117).
    let c = hs::check(code("611810"), HsEdition::Hs2022);
    assert_eq!(c.nearest().unwrap().code(), "61");
    assert_eq!(c.candidates().len(), 0);
}

/// Subheadings present in one edition only, computed from the shipped CSVs.
fn only_in(edition: HsEdition) -> Vec<String> {
    let other: std::collections::BTreeSet<String> = csv_rows(edition.other())
        .into_iter()
        .filter(|(_, l)| l == "6")
        .map(|(c, _)| c)
        .collect();
    csv_rows(edition)
        .into_iter()
        .filter(|(c, l)| l == "6" && !other.contains(c))
        .map(|(c, _)| c)
        .collect()
}

#[test]
fn edition_changes_match_the_data_readme() {
    let old = only_in(HsEdition::Hs2017);
    let new = only_in(HsEdition::Hs2022);
    assert_eq!(old.len(), 145);
    assert_eq!(new.len(), 370);
    for c in &old {
        let r = hs::check(code(c), HsEdition::Hs2022);
        assert_eq!(r.other_edition().map(|e| e.code()), Some(c.as_str()));
        assert_eq!(r.report_code(), Some(Code::HS_CODE_OTHER_EDITION));
        assert!(
            r.message_en().contains("is from HS 2017; not in HS 2022"),
            "{c}"
        );
        // Every candidate is an HS 2022 subheading of the same heading.
        for cand in r.candidates() {
            assert_eq!(cand.edition(), HsEdition::Hs2022);
            assert_eq!(&cand.code()[..4], &c[..4]);
            assert_eq!(cand.level(), HsLevel::Subheading);
        }
    }
    for c in &new {
        let r = hs::check(code(c), HsEdition::Hs2017);
        assert_eq!(
            r.other_edition().map(|e| e.edition()),
            Some(HsEdition::Hs2022),
            "{c}"
        );
        assert!(r.message_en().contains("is from HS 2022; not in HS 2017"));
    }
}

#[test]
fn smartphones_moved_from_851712_to_851713() {
    let r = hs::check(code("8517120000"), HsEdition::Hs2022);
    let HsCheck::NotFound(m) = r else {
        panic!("851712 is HS 2017 only")
    };
    assert_eq!(m.nearest().unwrap().code(), "8517");
    assert!(
        m.other_edition()
            .unwrap()
            .description()
            .contains("cellular networks")
    );
    let cands: Vec<&str> = m.candidates().map(|e| e.code()).collect();
    assert!(
        cands.contains(&"851713") && cands.contains(&"851714"),
        "{cands:?}"
    );
    assert!(r.message_en().starts_with(
        "hs code \"8517120000\": subheading 851712 is from HS 2017; not in HS 2022; nearest: heading 8517"
    ));
    assert!(
        r.message_en()
            .contains("candidates in HS 2022 heading 8517: 851711, 851713")
    );
    assert!(r.message_zh().contains("属于 HS 2017，HS 2022 中已不存在"));
    // And the new code is fine in HS 2022 but not in HS 2017.
    assert!(hs::check(code("851713"), HsEdition::Hs2022).exists());
    assert_eq!(
        hs::check(code("851713"), HsEdition::Hs2017).report_code(),
        Some(Code::HS_CODE_OTHER_EDITION)
    );
}

#[test]
fn drones_got_heading_8806_and_8803_was_dropped() {
    assert!(hs::lookup("8806", HsEdition::Hs2022).is_some());
    assert!(hs::lookup("8806", HsEdition::Hs2017).is_none());
    // 880390 (other parts of aircraft) is HS 2017 only, and its heading too.
    let r = hs::check(code("880390"), HsEdition::Hs2022);
    assert_eq!(r.nearest().unwrap().level(), HsLevel::Chapter);
    assert_eq!(r.other_edition().unwrap().code(), "880390");
    assert_eq!(r.candidates().len(), 0);
}

#[test]
fn jurisdiction_lengths() {
    use DeclarationForm::{CrossBorderEcommerce as Cbec, ExportDeclaration, ImportDeclaration};
    let cn13 = code("8518300000123");
    let ten = code("8518300000");
    let eight = code("85183000");
    // China: the form decides, not the direction. 13 digits only on the
    // general-trade customs declaration form (报关单), import or export;
    // cross-border e-commerce documents carry 10, whichever way goods go.
    assert!(Jurisdiction::China.accepts(&cn13, ImportDeclaration));
    assert!(Jurisdiction::China.accepts(&cn13, ExportDeclaration));
    assert!(!Jurisdiction::China.accepts(&ten, ImportDeclaration));
    assert!(!Jurisdiction::China.accepts(&ten, ExportDeclaration));
    assert!(Jurisdiction::China.accepts(&ten, Cbec));
    assert!(!Jurisdiction::China.accepts(&cn13, Cbec));
    assert!(Jurisdiction::UnitedStates.accepts(&ten, ImportDeclaration));
    assert!(Jurisdiction::UnitedStates.accepts(&ten, ExportDeclaration));
    assert!(Jurisdiction::UnitedStates.accepts(&ten, Cbec));
    assert!(Jurisdiction::EuropeanUnion.accepts(&eight, ExportDeclaration));
    assert!(Jurisdiction::EuropeanUnion.accepts(&ten, ImportDeclaration));
    assert!(Jurisdiction::EuropeanUnion.accepts(&ten, Cbec));
    assert!(!Jurisdiction::EuropeanUnion.accepts(&eight, ImportDeclaration));
    let err = Jurisdiction::China
        .check_length(&ten, ImportDeclaration)
        .unwrap_err();
    assert_eq!(err.expected(), 13);
    assert_eq!(err.form(), ImportDeclaration);
    assert!(err.message_zh().contains("报关单") && err.message_zh().contains("13 位"));
    let err = Jurisdiction::China.check_length(&cn13, Cbec).unwrap_err();
    assert_eq!(err.expected(), 10);
    assert_eq!(
        err.violation(JsonPointer::root().field("hsCode")).code(),
        &Code::HS_CODE_LENGTH
    );
    assert_eq!("中国".parse::<Jurisdiction>().unwrap(), Jurisdiction::China);
    for form in DeclarationForm::ALL {
        assert_eq!(form.to_string().parse::<DeclarationForm>().unwrap(), *form);
    }
    assert_eq!(
        "进口报关单".parse::<DeclarationForm>().unwrap(),
        ImportDeclaration
    );
    // No bare "import": the word that used to mean 13 digits for China.
    assert!("import".parse::<DeclarationForm>().is_err());
}

#[test]
fn edition_text() {
    for (t, e) in [
        ("2022", HsEdition::Hs2022),
        ("hs2022", HsEdition::Hs2022),
        ("HS 2017", HsEdition::Hs2017),
        ("h5", HsEdition::Hs2017),
    ] {
        assert_eq!(t.parse::<HsEdition>().unwrap(), e);
        assert_eq!(e.to_string().parse::<HsEdition>().unwrap(), e);
    }
    assert!("2012".parse::<HsEdition>().is_err());
    assert_eq!(
        serde_json::to_string(&HsEdition::Hs2017).unwrap(),
        "\"2017\""
    );
}
