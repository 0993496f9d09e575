//! Prints the exportable inventory report of a small inventory under the
//! default FBA Export policy, with a seller's exclusion file.
//!
//! Run with `cargo run --example export_eligibility`.

use chrono::NaiveDate;
use crossborder::{
    Country, Eligibility, HsCode, ImcfDecision, Language, MediaKind, Policy, ProductAttribute,
    ProductFacts, ProductId, Reason, ReviewStatus, SellerExclusions,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let as_of = NaiveDate::from_ymd_opt(2026, 3, 1).ok_or("bad date")?;
    let policy = Policy::fba_export_default();

    // The seller's exclusion file, as the caller read it (one bad line).
    let file = "product_id,country\nMUG-BLUE,CA\nMUG-BLUE,MX\nTOY-DRONE\nCAM-01,Atlantis\n";
    let (exclusions, problems) = SellerExclusions::parse_csv(file);
    for v in problems.iter() {
        println!(
            "exclusion file: {} [{}] {}",
            v.pointer(),
            v.code(),
            v.message_en()
        );
    }

    let small = |id: &str| -> Result<ProductFacts, Box<dyn std::error::Error>> {
        Ok(ProductFacts::new(ProductId::new(id)?, Country::US)
            .with_dimensions("8 x 6 x 2 in".parse()?)
            .with_weight("1.2 lb".parse()?))
    };
    let inventory = vec![
        small("MUG-BLUE")?.with_hs_code(HsCode::parse("691200")?),
        small("DVD-NATURE")?.with_media(MediaKind::Dvd),
        small("BOOK-ATLAS")?.with_media(MediaKind::Book),
        small("LASER-PTR")?.with_hs_code(HsCode::parse("901320")?),
        small("WINE-RED")?.with_hs_code(HsCode::parse("220421")?),
        small("POWERBANK")?
            .with_hs_code(HsCode::parse("850440")?)
            .with_attribute(ProductAttribute::StandaloneLithiumBattery),
        ProductFacts::new(ProductId::new("MATTRESS-Q")?, Country::US)
            .with_hs_code(HsCode::parse("940421")?)
            .with_dimensions("80 x 60 x 10 in".parse()?)
            .with_weight("55 lb".parse()?),
        small("TOY-DRONE")?,
        small("NEW-ASIN")?.with_review(ReviewStatus::Pending),
        // 8525 89 holds every ordinary camera, so the HS table says nothing;
        // the seller marks this one as surveillance equipment.
        small("CAM-01")?
            .with_hs_code(HsCode::parse("852589")?)
            .with_attribute(ProductAttribute::Surveillance),
        // The HS table says gambling (9504 30, coin-operated games); the
        // seller says it is an arcade racing game with no restricted class.
        small("ARCADE-01")?
            .with_hs_code(HsCode::parse("950430")?)
            .with_explicit_classes([]),
    ];

    let e = Eligibility::new(&policy, &exclusions, as_of);
    let report = e.inventory_report(&inventory);
    println!(
        "Exportable inventory report as of {} ({} destinations served)\n",
        report.as_of,
        e.served().len()
    );
    for (facts, line) in inventory.iter().zip(&report.products) {
        let may: Vec<String> = line.eligible.iter().map(|c| c.to_string()).collect();
        let shown = if may.len() > 8 {
            format!("{} countries ({} ...)", may.len(), may[..8].join(" "))
        } else if may.is_empty() {
            "none".to_owned()
        } else {
            may.join(" ")
        };
        println!("{}: may go to {}", line.product, shown);
        for g in &line.pending {
            let why: Vec<&str> = g
                .reasons
                .iter()
                .map(|r| r.message(Language::English))
                .collect();
            println!(
                "  pending in {} countries: {}",
                g.countries.len(),
                why.join("; ")
            );
        }
        for g in &line.not_eligible {
            let countries: Vec<String> = g.countries.iter().map(|c| c.to_string()).collect();
            let list = if countries.len() > 6 {
                format!("{} countries", countries.len())
            } else {
                countries.join(" ")
            };
            println!("  not to {list}:");
            for r in &g.reasons {
                // A policy restriction also names its rule, as a JSON
                // Pointer into the policy's JSON.
                let rule = match r {
                    Reason::Restricted(x) => format!(" [policy {}]", x.rule),
                    _ => String::new(),
                };
                println!(
                    "    - {}{rule} / {}",
                    r.message(Language::English),
                    r.message(Language::Chinese)
                );
            }
        }
        if let ImcfDecision::Eligible = e.imcf(facts, Country::CA) {
            println!("  International Multi-Channel Fulfillment to CA: yes");
        }
    }
    println!(
        "\nAs JSON (first product):\n{}",
        serde_json::to_string_pretty(&report.products[0].not_eligible)?
    );
    Ok(())
}
