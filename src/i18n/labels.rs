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
        Stage::Churned => Msg::Churned,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tier_names_fall_back_to_the_other_language() {
        let mut tier = crate::domain::tiers::TierSettings::default().tiers.remove(0);
        assert_eq!(tier_name(&tier, Lang::Zh), "战略客户");
        tier.name_en = " ".into();
        assert_eq!(tier_name(&tier, Lang::En), "战略客户");
    }
}
