//! The words for the domain's named things (stages, health bands, tier names…).

use super::{Lang, Msg};
use crate::domain::health::Band;
use crate::domain::lifecycle::Stage;
use crate::domain::tiers::Tier;
use crate::domain::typed::ValueError;

pub fn stage_label(stage: Stage) -> Msg {
    match stage {
        Stage::Kickoff => Msg::StageKickoff,
        Stage::Launch => Msg::StageLaunch,
        Stage::Adoption => Msg::StageAdoption,
        Stage::Renewal => Msg::StageRenewal,
        Stage::Maintenance => Msg::StageMaintenance,
        Stage::Overdue => Msg::StageOverdue,
        Stage::Churned => Msg::StageChurned,
    }
}

pub fn band_label(band: Band) -> Msg {
    match band {
        Band::Red => Msg::BandRed,
        Band::Yellow => Msg::BandYellow,
        Band::Green => Msg::BandGreen,
        Band::None => Msg::BandNone,
    }
}

/// A tier's name in the language, falling back to the other language's name when one is empty.
pub fn tier_name(tier: &Tier, lang: Lang) -> &str {
    let (first, second) = match lang {
        Lang::Zh => (&tier.name_zh, &tier.name_en),
        Lang::En => (&tier.name_en, &tier.name_zh),
    };
    if first.trim().is_empty() {
        second
    } else {
        first
    }
}

/// Fills `{key}` placeholders in one pass, so a value that happens to contain `{line}` is
/// shown as written instead of being filled in again.
/// Why a typed value was refused (DOMAIN.md §0), for a field or an import row.
pub fn value_error_msg(e: ValueError) -> Msg {
    match e {
        ValueError::Empty => Msg::ReasonRequired,
        ValueError::NotANumber => Msg::ReasonNotANumber,
        ValueError::Negative => Msg::ReasonNegative,
        ValueError::TooLarge => Msg::ReasonTooLarge,
        ValueError::NotAnInteger => Msg::ReasonNotAnInteger,
        ValueError::OutOfRange => Msg::ReasonOutOfRange,
        ValueError::NotADate => Msg::ReasonNotADate,
        ValueError::NoSuchDate => Msg::ReasonNoSuchDate,
        ValueError::YearOutOfRange => Msg::ReasonYearOutOfRange,
        ValueError::SerialOutOfRange => Msg::ReasonSerialOutOfRange,
    }
}

pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let key = &after[..close];
            args.iter().find(|(k, _)| *k == key).map(|(_, v)| (close, *v))
        });
        match hit {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::t;

    #[test]
    fn fills_placeholders_and_leaves_others() {
        assert_eq!(fill("Showing {shown} of {total}", &[("shown", "3"), ("total", "10")]), "Showing 3 of 10");
        assert_eq!(fill("{n} {n} {x}", &[("n", "2")]), "2 2 {x}");
        // A value is never filled in again.
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "B")]), "{b} B");
    }

    #[test]
    fn placeholders_are_the_same_in_both_languages() {
        let names = |s: &str| {
            let mut v: Vec<String> =
                s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
            v.sort();
            v
        };
        for msg in Msg::ALL {
            assert_eq!(names(t(Lang::Zh, *msg)), names(t(Lang::En, *msg)), "{msg:?}");
        }
    }

    #[test]
    fn tier_names_fall_back_to_the_other_language() {
        let mut tier = crate::domain::tiers::TierSettings::default().tiers.remove(0);
        assert_eq!(tier_name(&tier, Lang::Zh), "战略客户");
        tier.name_en = " ".into();
        assert_eq!(tier_name(&tier, Lang::En), "战略客户");
    }
}
