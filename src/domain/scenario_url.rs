//! A scenario as a URL query string: compact (only what differs from the defaults), versioned,
//! and read back with a typed error for anything malformed, never a panic.

use std::fmt::Write as _;

use super::capacity::CapacityMethod;
use super::dates::iso;
use super::growth::TierGrowth;
use super::plan::{BudgetMode, PlanSettings};
use super::projection::{MAX_HORIZON_MONTHS, MIN_HORIZON_MONTHS};
use super::scenario::{DemoBook, Scenario};
use super::tiers::{ServiceModel, Tier, TierBasis, TierSettings};
use super::triggers::TriggerSettings;

pub const URL_VERSION: &str = "1";
/// Longer input is refused before parsing: no real scenario needs it, and a pasted page of text
/// should not cost memory.
pub const MAX_QUERY_LEN: usize = 8_192;
pub const MAX_TIERS: usize = 16;
pub const MAX_NAME_CHARS: usize = 200;
const MAX_MONTHS_SETTING: u32 = 36;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioUrlError {
    TooLong(usize),
    MissingVersion,
    UnsupportedVersion(String),
    /// A `%` escape that is cut short, not hex, or not UTF-8.
    BadEscape {
        key: String,
    },
    BadNumber {
        key: String,
        value: String,
    },
    OutOfRange {
        key: String,
        value: String,
    },
    BadMethod(String),
    TooManyTiers(usize),
    /// Tier `index` does not have five numbers.
    BadTier {
        index: usize,
        value: String,
    },
    NameTooLong(usize),
}

fn method_code(m: CapacityMethod) -> &'static str {
    match m {
        CapacityMethod::ArrRule => "a",
        CapacityMethod::NeedsBased => "n",
        CapacityMethod::Hybrid => "h",
    }
}

/// Keeps the unreserved characters and escapes every other byte, so the value survives any
/// URL handling.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn unescape(key: &str, s: &str) -> Result<String, ScenarioUrlError> {
    let bad = || ScenarioUrlError::BadEscape { key: key.to_string() };
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or_else(bad)?;
                let hex = std::str::from_utf8(hex).map_err(|_| bad())?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}

fn number(key: &str, value: &str) -> Result<f64, ScenarioUrlError> {
    // The one reader of typed values (DOMAIN.md §0), so a hand-edited link reads like a field.
    super::typed::parse_number(value)
        .ok()
        .ok_or_else(|| ScenarioUrlError::BadNumber { key: key.to_string(), value: value.to_string() })
}

fn months(key: &str, value: &str, range: std::ops::RangeInclusive<u32>) -> Result<u32, ScenarioUrlError> {
    let n: u32 =
        value.parse().map_err(|_| ScenarioUrlError::BadNumber { key: key.to_string(), value: value.to_string() })?;
    if range.contains(&n) {
        Ok(n)
    } else {
        Err(ScenarioUrlError::OutOfRange { key: key.to_string(), value: value.to_string() })
    }
}

impl Scenario {
    /// The query string (without `?`): the version, the name, then only the parameters that
    /// differ from version 1's defaults, in a fixed order.
    pub fn to_query(&self) -> String {
        let d = Scenario::default();
        let (c, p, t) = (&self.capacity, &self.projection, &self.projection.team);
        let (dc, dp, dt) = (&d.capacity, &d.projection, &d.projection.team);
        let mut parts = vec![format!("v={URL_VERSION}")];
        if !self.name.is_empty() {
            parts.push(format!("n={}", escape(&self.name)));
        }
        let mut num = |key: &str, x: f64, default: f64| {
            if x != default {
                parts.push(format!("{key}={x}"));
            }
        };
        num("apc", c.arr_per_csm, dc.arr_per_csm);
        num("dt", c.dedicated_threshold, dc.dedicated_threshold);
        num("wd", c.effort.workdays, dc.effort.workdays);
        num("hd", c.effort.hours_per_day, dc.effort.hours_per_day);
        num("ut", c.effort.utilization, dc.effort.utilization);
        num("cs", t.current_csms, dt.current_csms);
        num("at", t.annual_attrition, dt.annual_attrition);
        num("lc", t.loaded_cost, dt.loaded_cost);
        if p.method != dp.method {
            parts.push(format!("m={}", method_code(p.method)));
        }
        // Clamped as the projection reads them, so every link this writes is one it reads.
        for (key, x, default) in [
            ("h", p.horizon_months.clamp(MIN_HORIZON_MONTHS, MAX_HORIZON_MONTHS), dp.horizon_months),
            ("rp", t.ramp_months.min(MAX_MONTHS_SETTING), dt.ramp_months),
            ("lt", t.lead_time_months.min(MAX_MONTHS_SETTING), dt.lead_time_months),
        ] {
            if x != default {
                parts.push(format!("{key}={x}"));
            }
        }
        if self.churn_from_forecast {
            parts.push("fc=1".into());
        }
        // The as-of date the figures were made at: the app reads `asof` itself, so whoever
        // opens the link sees the figures of that day.
        if let Some(d) = self.as_of {
            parts.push(format!("asof={}", iso(d)));
        }
        if let Some(t) = &self.tiers {
            parts.push(format!("tt={}", tier_table_text(t)));
            if t.basis == TierBasis::PotentialArr {
                parts.push("tb=p".into());
            }
        }
        let (pl, dpl) = (&self.plan, &d.plan);
        if pl != dpl {
            let budget = match pl.budget {
                BudgetMode::Off => String::new(),
                BudgetMode::Annual(b) => format!("a{b}"),
                BudgetMode::ShareOfArr(x) => format!("s{x}"),
            };
            parts.push(format!(
                "pl={},{},{},{},{},{}",
                pl.fiscal_year_start_month,
                pl.recruiting_cost_per_hire,
                u8::from(pl.managers),
                pl.span_of_control,
                pl.manager_loaded_cost.map(|c| c.to_string()).unwrap_or_default(),
                budget
            ));
        }
        if let Some(b) = &self.demo {
            parts.push(format!("demo={},{},{}", b.size, b.seed, iso(b.made_for)));
        }
        if let Some(g) = &self.triggers {
            parts.push(format!("tg={},{}", g.first_csm_accounts, g.first_csm_arr));
        }
        if !p.tiers.is_empty() {
            let list: Vec<String> = p
                .tiers
                .iter()
                .map(|g| {
                    format!(
                        "{},{},{},{},{}",
                        g.new_logos_per_month,
                        g.avg_new_arr,
                        g.annual_logo_churn,
                        g.annual_dollar_churn,
                        g.annual_net_expansion
                    )
                })
                .collect();
            parts.push(format!("t={}", list.join(";")));
        }
        parts.join("&")
    }

    /// Reads a query string (a leading `?` is allowed). Keys it does not know, such as `asof`,
    /// are left for others; a missing parameter takes its default.
    pub fn from_query(query: &str) -> Result<Scenario, ScenarioUrlError> {
        if query.len() > MAX_QUERY_LEN {
            return Err(ScenarioUrlError::TooLong(query.len()));
        }
        let mut pairs = Vec::new();
        for part in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            pairs.push((key, unescape(key, value)?));
        }
        match pairs.iter().find(|(k, _)| *k == "v") {
            None => return Err(ScenarioUrlError::MissingVersion),
            Some((_, v)) if v != URL_VERSION => return Err(ScenarioUrlError::UnsupportedVersion(v.clone())),
            Some(_) => {}
        }
        let mut s = Scenario::default();
        for (key, value) in &pairs {
            let (key, value) = (*key, value.as_str());
            let c = &mut s.capacity;
            let p = &mut s.projection;
            match key {
                "n" => {
                    let chars = value.chars().count();
                    if chars > MAX_NAME_CHARS {
                        return Err(ScenarioUrlError::NameTooLong(chars));
                    }
                    s.name = value.to_string();
                }
                "apc" => c.arr_per_csm = number(key, value)?,
                "dt" => c.dedicated_threshold = number(key, value)?,
                "wd" => c.effort.workdays = number(key, value)?,
                "hd" => c.effort.hours_per_day = number(key, value)?,
                "ut" => c.effort.utilization = number(key, value)?,
                "cs" => p.team.current_csms = number(key, value)?,
                "at" => p.team.annual_attrition = number(key, value)?,
                "lc" => p.team.loaded_cost = number(key, value)?,
                "m" => {
                    p.method = CapacityMethod::ALL
                        .into_iter()
                        .find(|m| method_code(*m) == value)
                        .ok_or_else(|| ScenarioUrlError::BadMethod(value.to_string()))?
                }
                "h" => p.horizon_months = months(key, value, MIN_HORIZON_MONTHS..=MAX_HORIZON_MONTHS)?,
                "rp" => p.team.ramp_months = months(key, value, 0..=MAX_MONTHS_SETTING)?,
                "lt" => p.team.lead_time_months = months(key, value, 0..=MAX_MONTHS_SETTING)?,
                "t" => p.tiers = tiers(value)?,
                "fc" => s.churn_from_forecast = value == "1",
                "asof" => {
                    s.as_of =
                        Some(super::typed::parse_date(value).map_err(|_| ScenarioUrlError::BadNumber {
                            key: key.to_string(),
                            value: value.to_string(),
                        })?)
                }
                "tt" => {
                    let basis = s.tiers.as_ref().map(|t| t.basis).unwrap_or_default();
                    s.tiers = Some(TierSettings { tiers: tier_table(value)?, basis });
                }
                "tb" => {
                    let basis = if value == "p" { TierBasis::PotentialArr } else { TierBasis::Arr };
                    let tiers = s.tiers.take().unwrap_or_default();
                    s.tiers = Some(TierSettings { basis, ..tiers });
                }
                "tg" => s.triggers = Some(triggers(value)?),
                "demo" => s.demo = Some(demo_book(value)?),
                "pl" => s.plan = plan_settings(value)?,
                _ => {}
            }
        }
        Ok(s)
    }
}

fn model_code(m: ServiceModel) -> &'static str {
    match m {
        ServiceModel::HighTouch => "h",
        ServiceModel::LowTouch => "l",
        ServiceModel::TechTouch => "t",
    }
}

/// `min,model,accounts per CSM,ARR per CSM,hours,cadence,zh,en` per tier, `;` between tiers;
/// an empty field is "not set"; a name is written only when it differs from the default
/// table's name at that place (escaped twice: the whole value is unescaped once first).
fn tier_table_text(t: &TierSettings) -> String {
    let defaults = TierSettings::default();
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    t.tiers
        .iter()
        .enumerate()
        .map(|(i, tier)| {
            let default = defaults.tiers.get(i);
            let name = |own: &str, def: Option<&str>| {
                if def == Some(own) {
                    String::new()
                } else {
                    escape(&escape(own))
                }
            };
            format!(
                "{},{},{},{},{},{},{},{}",
                tier.min_arr,
                model_code(tier.service_model),
                tier.accounts_per_csm,
                opt(tier.arr_per_csm),
                opt(tier.hours_per_account),
                tier.cadence_days.map(|c| c.to_string()).unwrap_or_default(),
                name(&tier.name_zh, default.map(|d| d.name_zh.as_str())),
                name(&tier.name_en, default.map(|d| d.name_en.as_str())),
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

fn tier_table(value: &str) -> Result<Vec<Tier>, ScenarioUrlError> {
    let list: Vec<&str> = value.split(';').collect();
    if list.len() > MAX_TIERS {
        return Err(ScenarioUrlError::TooManyTiers(list.len()));
    }
    let defaults = TierSettings::default();
    list.into_iter()
        .enumerate()
        .map(|(index, text)| {
            let bad = || ScenarioUrlError::BadTier { index, value: text.to_string() };
            let f: Vec<&str> = text.split(',').collect();
            let [min, model, apc, arrpc, hours, cadence, zh, en] = f[..] else { return Err(bad()) };
            let num = |x: &str| number("tt", x).map_err(|_| bad());
            let opt = |x: &str| if x.is_empty() { Ok(None) } else { num(x).map(Some) };
            let default = defaults.tiers.get(index);
            let name = |x: &str, def: Option<&String>| -> Result<String, ScenarioUrlError> {
                if x.is_empty() {
                    Ok(def.cloned().unwrap_or_else(|| format!("#{}", index + 1)))
                } else {
                    unescape("tt", x)
                }
            };
            Ok(Tier {
                name_zh: name(zh, default.map(|d| &d.name_zh))?,
                name_en: name(en, default.map(|d| &d.name_en))?,
                min_arr: num(min)?,
                service_model: match model {
                    "h" => ServiceModel::HighTouch,
                    "l" => ServiceModel::LowTouch,
                    "t" => ServiceModel::TechTouch,
                    _ => return Err(bad()),
                },
                accounts_per_csm: num(apc)?,
                arr_per_csm: opt(arrpc)?,
                hours_per_account: opt(hours)?,
                cadence_days: if cadence.is_empty() { None } else { Some(num(cadence)?.max(0.0).round() as u32) },
            })
        })
        .collect()
}

/// `fiscal start,recruiting cost,managers 0/1,span,manager cost,budget` where the budget is
/// empty (off), `a<amount>` or `s<share>`.
fn plan_settings(value: &str) -> Result<PlanSettings, ScenarioUrlError> {
    let bad = || ScenarioUrlError::BadNumber { key: "pl".into(), value: value.to_string() };
    let f: Vec<&str> = value.split(',').collect();
    let [fy, rc, mgr, span, mcost, budget] = f[..] else { return Err(bad()) };
    let num = |x: &str| number("pl", x);
    Ok(PlanSettings {
        fiscal_year_start_month: months("pl", fy, 1..=12)?,
        recruiting_cost_per_hire: num(rc)?,
        managers: mgr == "1",
        span_of_control: months("pl", span, 1..=1000)?,
        manager_loaded_cost: if mcost.is_empty() { None } else { Some(num(mcost)?) },
        budget: match budget.split_at_checked(1) {
            None => BudgetMode::Off,
            Some(("a", x)) => BudgetMode::Annual(num(x)?),
            Some(("s", x)) => BudgetMode::ShareOfArr(num(x)?),
            Some(_) => return Err(bad()),
        },
    })
}

fn demo_book(value: &str) -> Result<DemoBook, ScenarioUrlError> {
    let bad = || ScenarioUrlError::BadNumber { key: "demo".into(), value: value.to_string() };
    let mut it = value.splitn(3, ',');
    let (Some(size), Some(seed), Some(day)) = (it.next(), it.next(), it.next()) else { return Err(bad()) };
    Ok(DemoBook {
        size: size.parse().ok().filter(|n| (1..=100_000).contains(n)).ok_or_else(bad)?,
        seed: seed.parse().map_err(|_| bad())?,
        made_for: super::typed::parse_date(day).map_err(|_| bad())?,
    })
}

fn triggers(value: &str) -> Result<TriggerSettings, ScenarioUrlError> {
    let bad = || ScenarioUrlError::BadNumber { key: "tg".into(), value: value.to_string() };
    let (accounts, arr) = value.split_once(',').ok_or_else(bad)?;
    Ok(TriggerSettings {
        first_csm_accounts: number("tg", accounts)?.max(0.0).round() as usize,
        first_csm_arr: number("tg", arr)?,
    })
}

fn tiers(value: &str) -> Result<Vec<TierGrowth>, ScenarioUrlError> {
    let list: Vec<&str> = value.split(';').collect();
    if list.len() > MAX_TIERS {
        return Err(ScenarioUrlError::TooManyTiers(list.len()));
    }
    list.into_iter()
        .enumerate()
        .map(|(index, tier)| {
            let bad = || ScenarioUrlError::BadTier { index, value: tier.to_string() };
            let xs: Vec<f64> = tier.split(',').map(|x| number("t", x).map_err(|_| bad())).collect::<Result<_, _>>()?;
            match xs[..] {
                [new, avg, logo, dollar, expansion] => Ok(TierGrowth {
                    new_logos_per_month: new,
                    avg_new_arr: avg,
                    annual_logo_churn: logo,
                    annual_dollar_churn: dollar,
                    annual_net_expansion: expansion,
                }),
                _ => Err(bad()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::capacity::CapacityMethod;
    use crate::domain::growth::TierGrowth;

    fn sample() -> Scenario {
        let mut s = Scenario { name: "激进 plan & more=1".into(), ..Default::default() };
        s.capacity.arr_per_csm = 1_000_000.0;
        s.capacity.effort.utilization = 0.8;
        s.projection.method = CapacityMethod::NeedsBased;
        s.projection.horizon_months = 24;
        s.projection.team.current_csms = 3.5;
        s.projection.team.lead_time_months = 0;
        s.projection.tiers = vec![
            TierGrowth {
                new_logos_per_month: 2.5,
                avg_new_arr: 12_000.0,
                annual_logo_churn: 0.1,
                annual_dollar_churn: 0.15,
                annual_net_expansion: 0.2,
            },
            TierGrowth::default(),
        ];
        s.churn_from_forecast = true;
        s.as_of = crate::domain::dates::parse_iso("2026-03-31");
        let mut tiers = crate::domain::tiers::TierSettings::default();
        tiers.tiers[0].accounts_per_csm = 5.0;
        tiers.tiers[1].name_en = "Key, large; & more".into();
        tiers.tiers[1].name_zh = "重点 客户".into();
        tiers.tiers[2].arr_per_csm = Some(1.5e6);
        tiers.tiers[2].hours_per_account = Some(12.5);
        tiers.tiers[3].cadence_days = Some(365);
        tiers.basis = crate::domain::tiers::TierBasis::PotentialArr;
        s.tiers = Some(tiers);
        s.triggers = Some(crate::domain::triggers::TriggerSettings { first_csm_accounts: 3, first_csm_arr: 80_000.0 });
        s.demo =
            Some(DemoBook { seed: 2026, size: 1000, made_for: crate::domain::dates::parse_iso("2026-03-31").unwrap() });
        s
    }

    #[test]
    fn round_trip() {
        let s = sample();
        let q = s.to_query();
        assert_eq!(Scenario::from_query(&q), Ok(s.clone()));
        assert_eq!(Scenario::from_query(&format!("?asof=2025-01-01&{q}")), Ok(s.clone()));
        assert!(!q.contains(' ') && !q.contains('激'));
        assert!(q.contains("&fc=1"), "the forecast-churn choice travels: {q}");
        assert!(q.contains("&asof=2026-03-31"), "the as-of date travels: {q}");
        assert!(q.contains("&demo=1000,2026,2026-03-31"), "which demo book travels: {q}");
        let annual = Scenario {
            plan: PlanSettings { budget: BudgetMode::Annual(1.5e6), ..Default::default() },
            ..Default::default()
        };
        assert_eq!(Scenario::from_query(&annual.to_query()), Ok(annual.clone()));
        assert_eq!(
            Scenario::from_query("v=1&pl=4,0,0,8,,x1"),
            Err(ScenarioUrlError::BadNumber { key: "pl".into(), value: "4,0,0,8,,x1".into() })
        );
        // Default tier names are not written: a typical link stays short enough for a chat.
        let typical = Scenario {
            as_of: s.as_of,
            tiers: Some(crate::domain::tiers::TierSettings::default()),
            triggers: Some(Default::default()),
            ..Default::default()
        }
        .to_query();
        assert!(typical.len() < 160, "{} chars: {typical}", typical.len());
    }

    #[test]
    fn defaults_encode_to_the_version_alone() {
        assert_eq!(Scenario::default().to_query(), "v=1");
        assert_eq!(Scenario::from_query("v=1"), Ok(Scenario::default()));
        let q = "v=1&n=A+b%2Fc&apc=1000000&m=a&h=36&t=1,2,0.1,0.2,0.3";
        let s = Scenario::from_query(q).unwrap();
        assert_eq!(s.name, "A b/c");
        assert_eq!(s.capacity.arr_per_csm, 1_000_000.0);
        assert_eq!(s.projection.method, CapacityMethod::ArrRule);
        assert_eq!(s.projection.horizon_months, 36);
        assert_eq!(s.projection.tiers[0].annual_net_expansion, 0.3);
        assert_eq!(s.projection.team.loaded_cost, 120_000.0);
    }

    #[test]
    fn garbage_gives_typed_errors() {
        use ScenarioUrlError::*;
        let e = |q: &str| Scenario::from_query(q).unwrap_err();
        assert_eq!(e(""), MissingVersion);
        assert_eq!(e("apc=1"), MissingVersion);
        assert_eq!(e("v=2"), UnsupportedVersion("2".into()));
        assert_eq!(e("v=1&apc=lots"), BadNumber { key: "apc".into(), value: "lots".into() });
        assert_eq!(e("v=1&apc=NaN"), BadNumber { key: "apc".into(), value: "NaN".into() });
        assert_eq!(e("v=1&cs=inf"), BadNumber { key: "cs".into(), value: "inf".into() });
        assert_eq!(e("v=1&h=6"), OutOfRange { key: "h".into(), value: "6".into() });
        assert_eq!(e("v=1&h=-1"), BadNumber { key: "h".into(), value: "-1".into() });
        assert_eq!(e("v=1&m=x"), BadMethod("x".into()));
        assert_eq!(e("v=1&n=%E6%BF"), BadEscape { key: "n".into() });
        assert_eq!(e("v=1&n=%4"), BadEscape { key: "n".into() });
        assert_eq!(e("v=1&n=%zz"), BadEscape { key: "n".into() });
        assert_eq!(e("v=1&t=1,2,3"), BadTier { index: 0, value: "1,2,3".into() });
        assert_eq!(e("v=1&t=1,2,3,4,5;a,b"), BadTier { index: 1, value: "a,b".into() });
        assert_eq!(e(&format!("v=1&t={}", ["0,0,0,0,0"; 17].join(";"))), TooManyTiers(17));
        assert_eq!(e(&format!("v=1&n={}", "x".repeat(201))), NameTooLong(201));
        assert_eq!(e(&"&".repeat(9_000)), TooLong(9_000));
        // Odd but harmless shapes parse.
        assert!(Scenario::from_query("v=1&&flag&=x&n").is_ok());
        let mut odd = Scenario::default();
        odd.projection.horizon_months = 6;
        odd.projection.team.lead_time_months = 99;
        let back = Scenario::from_query(&odd.to_query()).unwrap();
        assert_eq!((back.projection.horizon_months, back.projection.team.lead_time_months), (12, 36));
    }

    #[test]
    fn never_panics_on_cut_or_mangled_queries() {
        let q = sample().to_query();
        for cut in 0..=q.len() {
            if let Some(prefix) = q.get(..cut) {
                let _ = Scenario::from_query(prefix);
            }
        }
        for (i, junk) in ["%", "%%", "=", ";", ",", "\u{0}", "é"].iter().enumerate() {
            let mut mangled = q.clone();
            mangled.insert_str((i * 7) % q.len(), junk);
            let _ = Scenario::from_query(&mangled);
        }
    }
}
