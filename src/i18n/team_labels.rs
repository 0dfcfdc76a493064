//! The words for the Team and Board pages' named things: roles, load bands, KPI dimensions,
//! presets, and a priority row's reason as a sentence.

use super::{t, tr, Lang, Msg, Tpl};
use crate::domain::board::PriorityReason;
use crate::domain::kpi::{KpiDimension, ScorecardPreset};
use crate::domain::team::{LoadBand, Role};

pub const ROLES: [Role; 5] = [Role::Csm, Role::RenewalBd, Role::Implementation, Role::Support, Role::Ops];

pub fn role_label(role: Role) -> Msg {
    match role {
        Role::Csm => Msg::RoleCsm,
        Role::RenewalBd => Msg::RoleRenewalBd,
        Role::Implementation => Msg::RoleImplementation,
        Role::Support => Msg::RoleSupport,
        Role::Ops => Msg::RoleOps,
    }
}

/// The `<select>` value of a role.
pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Csm => "csm",
        Role::RenewalBd => "renewal_bd",
        Role::Implementation => "implementation",
        Role::Support => "support",
        Role::Ops => "ops",
    }
}

pub fn role_from_key(key: &str) -> Option<Role> {
    ROLES.into_iter().find(|r| role_key(*r) == key)
}

pub fn load_band_label(band: LoadBand) -> Msg {
    match band {
        LoadBand::Light => Msg::LoadLight,
        LoadBand::Balanced => Msg::LoadBalanced,
        LoadBand::Overloaded => Msg::LoadOverloaded,
    }
}

pub fn dimension_label(d: KpiDimension) -> Msg {
    match d {
        KpiDimension::LogoRenewalRate => Msg::LogoRenewalRate,
        KpiDimension::Grr => Msg::Grr,
        KpiDimension::Nrr => Msg::Nrr,
        KpiDimension::RenewedAmount => Msg::DimRenewedAmount,
        KpiDimension::ExpansionAmount => Msg::DimExpansion,
        KpiDimension::AverageActivity => Msg::DimActivity,
        KpiDimension::AverageHealth => Msg::ColAvgHealth,
        KpiDimension::GoLiveRate => Msg::GoLiveRate,
        KpiDimension::Referrals => Msg::ColReferrals,
    }
}

pub fn preset_label(p: ScorecardPreset) -> Msg {
    match p {
        ScorecardPreset::Early => Msg::PresetEarly,
        ScorecardPreset::Method => Msg::PresetMethod,
        ScorecardPreset::Replication => Msg::PresetReplication,
        ScorecardPreset::ClassicThree => Msg::PresetClassic,
    }
}

/// Why an account is on the priority list, as a sentence.
pub fn reason_text(lang: Lang, reason: PriorityReason) -> String {
    let text = reason_words(lang, reason);
    // The table has no plural forms; English alone needs "1 day".
    if lang == Lang::En && text.contains(" 1 days") {
        text.replace(" 1 days", " 1 day")
    } else {
        text
    }
}

fn reason_words(lang: Lang, reason: PriorityReason) -> String {
    let n = |v: i64| v.to_string();
    match reason {
        PriorityReason::Overdue { days_past_end } => tr(lang, Tpl::ReasonOverdue { n: &n(days_past_end) }),
        PriorityReason::RenewalWindow { days_to_end: 0 } => t(lang, Msg::ReasonRenewalToday).to_string(),
        PriorityReason::RenewalWindow { days_to_end } => tr(lang, Tpl::ReasonRenewal { n: &n(days_to_end) }),
        PriorityReason::RedHealth => t(lang, Msg::ReasonRed).to_string(),
        PriorityReason::StalledKickoff { days_since_start } => tr(lang, Tpl::ReasonStalled { n: &n(days_since_start) }),
        PriorityReason::ContactDue { days_since_touch: None, cadence_days } => {
            tr(lang, Tpl::ReasonContactNever { cadence: &cadence_days.to_string() })
        }
        PriorityReason::ContactDue { days_since_touch: Some(d), cadence_days } => {
            tr(lang, Tpl::ReasonContactDue { n: &n(d), cadence: &cadence_days.to_string() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_sentences_in_both_languages() {
        use PriorityReason::*;
        assert_eq!(reason_text(Lang::En, Overdue { days_past_end: 12 }), "Term ended 12 days ago, not renewed");
        assert_eq!(reason_text(Lang::Zh, RenewalWindow { days_to_end: 5 }), "合同 5 天后到期");
        assert_eq!(reason_text(Lang::En, RenewalWindow { days_to_end: 0 }), "Term ends today");
        assert_eq!(reason_text(Lang::En, RenewalWindow { days_to_end: 1 }), "Term ends in 1 day");
        assert_eq!(reason_text(Lang::En, Overdue { days_past_end: 11 }), "Term ended 11 days ago, not renewed");
        assert_eq!(
            reason_text(Lang::En, ContactDue { days_since_touch: Some(61), cadence_days: 60 }),
            "61 days since the last contact (cadence 60 days)"
        );
        assert_eq!(
            reason_text(Lang::Zh, ContactDue { days_since_touch: None, cadence_days: 30 }),
            "从未联系（联系周期 30 天）"
        );
        for lang in Lang::ALL {
            for r in [RedHealth, StalledKickoff { days_since_start: 61 }] {
                assert!(!reason_text(lang, r).contains('{'));
            }
        }
    }

    #[test]
    fn role_keys_round_trip() {
        for r in ROLES {
            assert_eq!(role_from_key(role_key(r)), Some(r));
        }
        assert_eq!(role_from_key("boss"), None);
    }
}
