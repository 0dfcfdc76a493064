//! The user's settings that change what figures mean: the as-of date, the currency symbol and
//! the as-of rules. Later sections (tiers, health, capacity…) add theirs here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::board::BoardSettings;
use super::book::AsOfRules;
use super::capacity::CapacitySettings;
use super::commission::CommissionSettings;
use super::economics::EconomicsSettings;
use super::funnel::FunnelSettings;
use super::health::HealthSettings;
use super::kpi::Scorecard;
use super::period::PeriodChoice;
use super::quadrant::QuadrantSettings;
use super::revenue::forecast::ForecastSettings;
use super::scenario::DemoBook;
use super::team::{LoadBands, Person};
use super::tiers::TierSettings;
use super::triggers::TriggerSettings;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None` = today.
    pub as_of: Option<NaiveDate>,
    /// Display only; amounts are never converted.
    pub currency: String,
    pub rules: AsOfRules,
    pub tiers: TierSettings,
    pub health: HealthSettings,
    pub quadrant: QuadrantSettings,
    pub funnel: FunnelSettings,
    /// The period the Renewals page (and per-owner figures) look at.
    pub renewal_period: PeriodChoice,
    /// The team (DOMAIN.md §7); feeds the capacity page's current headcount.
    pub roster: Vec<Person>,
    pub load_bands: LoadBands,
    pub capacity: CapacitySettings,
    pub triggers: TriggerSettings,
    pub economics: EconomicsSettings,
    pub scorecard: Scorecard,
    pub commission: CommissionSettings,
    pub board: BoardSettings,
    /// The renewal forecast's probabilities (DOMAIN.md §9).
    pub forecast: ForecastSettings,
    /// The book is this demo book, unchanged since it was loaded (a share link says so).
    pub demo: Option<DemoBook>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            as_of: None,
            currency: "$".into(),
            rules: AsOfRules::default(),
            tiers: TierSettings::default(),
            health: HealthSettings::default(),
            quadrant: QuadrantSettings::default(),
            funnel: FunnelSettings::default(),
            renewal_period: PeriodChoice::default(),
            roster: Vec::new(),
            load_bands: LoadBands::default(),
            capacity: CapacitySettings::default(),
            triggers: TriggerSettings::default(),
            economics: EconomicsSettings::default(),
            scorecard: Scorecard::default(),
            commission: CommissionSettings::default(),
            board: BoardSettings::default(),
            forecast: ForecastSettings::default(),
            demo: None,
        }
    }
}

pub const MAX_CURRENCY_CHARS: usize = 4;

/// A currency symbol as typed: trimmed, at most four characters, never empty.
pub fn clean_currency(input: &str) -> Option<String> {
    let s = input.trim();
    (!s.is_empty() && s.chars().count() <= MAX_CURRENCY_CHARS).then(|| s.to_string())
}

/// The date every figure is computed for: the link's `?asof=` wins, then the setting, then today.
pub fn effective_as_of(url: Option<NaiveDate>, setting: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    url.or(setting).unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn url_beats_setting_beats_today() {
        let today = d("2026-11-22");
        assert_eq!(effective_as_of(Some(d("2025-01-31")), Some(d("2024-06-30")), today), d("2025-01-31"));
        assert_eq!(effective_as_of(None, Some(d("2024-06-30")), today), d("2024-06-30"));
        assert_eq!(effective_as_of(None, None, today), today);
    }

    #[test]
    fn currency_is_trimmed_and_bounded() {
        assert_eq!(clean_currency(" ¥ "), Some("¥".into()));
        assert_eq!(clean_currency("HK$"), Some("HK$".into()));
        assert_eq!(clean_currency(""), None);
        assert_eq!(clean_currency("EURO$"), None);
    }

    #[test]
    fn old_settings_without_new_fields_still_load() {
        let s: Settings = serde_json::from_str(r#"{"currency":"¥"}"#).unwrap();
        assert_eq!(s.currency, "¥");
        assert_eq!(s.rules.grace_days, 30);
        assert_eq!(s.as_of, None);
    }
}
