//! The hiring plan as a file: CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text
//! right; headers in the reader's language) and the sheets of an .xlsx workbook — the monthly
//! plan, the quarterly and yearly totals, the assumptions — with numbers as numbers and months
//! as dates.

use super::xlsx::{Cell, Sheet};
use crate::domain::dates::{iso, iso_month};
use crate::domain::plan::{BudgetMode, Plan};
use crate::domain::scenario::Scenario;
use crate::i18n::{t, Lang, Msg};

const MONTH_HEADERS: [Msg; 10] = [
    Msg::Month,
    Msg::PlanColPeople,
    Msg::PlanColLeavers,
    Msg::PlanColHires,
    Msg::PlanColOpen,
    Msg::PlanColRequired,
    Msg::PlanColGap,
    Msg::PlanColManagers,
    Msg::PlanColAffordable,
    Msg::PlanColCost,
];

const PERIOD_HEADERS: [Msg; 7] = [
    Msg::Period,
    Msg::Month,
    Msg::PlanColHires,
    Msg::PlanColLeavers,
    Msg::PlanColOpen,
    Msg::PlanColPeopleEnd,
    Msg::PlanColCost,
];

fn texts(lang: Lang, msgs: &[Msg]) -> Vec<Cell> {
    msgs.iter().map(|m| Cell::Text(t(lang, *m).to_string())).collect()
}

fn num(x: f64) -> Cell {
    Cell::Number(x)
}

/// The monthly plan: one row a calendar month.
pub fn month_rows(plan: &Plan, lang: Lang) -> Vec<Vec<Cell>> {
    let mut rows = vec![texts(lang, &MONTH_HEADERS)];
    for m in &plan.months {
        rows.push(vec![
            Cell::Month(m.calendar),
            num(m.people),
            num(f64::from(m.leavers)),
            num(f64::from(m.hires_starting)),
            num(f64::from(m.positions_to_open)),
            num(f64::from(m.required)),
            num(m.gap),
            num(f64::from(m.managers)),
            m.affordable.map_or(Cell::Empty, |n| num(f64::from(n))),
            num((m.cost * 100.0).round() / 100.0),
        ]);
    }
    rows
}

/// The totals per fiscal quarter, then per fiscal year.
pub fn period_rows(plan: &Plan, lang: Lang) -> Vec<Vec<Cell>> {
    let mut rows = vec![texts(lang, &PERIOD_HEADERS)];
    for p in plan.quarters.iter().chain(&plan.years) {
        rows.push(vec![
            Cell::Text(p.period.label()),
            Cell::Text(format!(
                "{} – {}",
                &crate::domain::dates::iso(p.first_month)[..7],
                &crate::domain::dates::iso(p.last_month)[..7]
            )),
            num(f64::from(p.hires)),
            num(f64::from(p.leavers)),
            num(f64::from(p.positions_opened)),
            num(p.end_headcount),
            num((p.cost * 100.0).round() / 100.0),
        ]);
    }
    rows
}

/// The assumptions the plan was made on, one per row: name, value.
pub fn assumption_rows(s: &Scenario, plan: &Plan, lang: Lang) -> Vec<Vec<Cell>> {
    let row = |m: Msg, v: Cell| vec![Cell::Text(t(lang, m).to_string()), v];
    let team = &s.projection.team;
    let mut rows = vec![texts(lang, &[Msg::PlanColAssumption, Msg::PlanColValue])];
    if !s.name.is_empty() {
        rows.push(row(Msg::CapScenarioName, Cell::Text(s.name.clone())));
    }
    if let Some(d) = s.as_of {
        rows.push(row(Msg::AsOfLabel, Cell::Date(d)));
    }
    rows.push(row(Msg::CapArrPerCsm, num(s.capacity.arr_per_csm)));
    rows.push(row(Msg::CapDedicatedThreshold, num(s.capacity.dedicated_threshold)));
    rows.push(row(Msg::PrintHorizon, num(f64::from(s.projection.horizon_months))));
    rows.push(row(Msg::CapStartCsms, num(team.current_csms)));
    rows.push(row(Msg::CapAttrition, num(team.annual_attrition)));
    rows.push(row(Msg::CapRamp, num(f64::from(team.ramp_months))));
    rows.push(row(Msg::CapLeadTime, num(f64::from(team.lead_time_months))));
    rows.push(row(Msg::CapLoadedCost, num(team.loaded_cost)));
    rows.push(row(Msg::PlanFiscalStart, num(f64::from(s.plan.fiscal_start()))));
    rows.push(row(Msg::PlanRecruitingCost, num(s.plan.recruiting_cost_per_hire)));
    if s.plan.managers {
        rows.push(row(Msg::PlanSpan, num(f64::from(s.plan.span_of_control))));
        rows.push(row(Msg::PlanManagerCost, num(s.plan.manager_cost(team.loaded_cost))));
    }
    match s.plan.budget {
        BudgetMode::Off => {}
        BudgetMode::Annual(b) => rows.push(row(Msg::PlanBudgetAmount, num(b))),
        BudgetMode::ShareOfArr(x) => rows.push(row(Msg::PlanBudgetShareOfArr, num(x))),
    }
    rows.push(row(Msg::PlanHires, num(f64::from(plan.totals.hires))));
    rows.push(row(Msg::PlanBackfill, num(f64::from(plan.totals.backfill))));
    rows.push(row(Msg::PlanGrowth, num(f64::from(plan.totals.growth))));
    rows.push(row(Msg::PlanLeavers, num(f64::from(plan.totals.leavers))));
    rows.push(row(Msg::PlanCost, num((plan.totals.cost * 100.0).round() / 100.0)));
    rows
}

/// The three sheets of the workbook.
pub fn plan_sheets(s: &Scenario, plan: &Plan, lang: Lang) -> Vec<Sheet> {
    vec![
        Sheet { name: t(lang, Msg::PlanSheetMonths).into(), rows: month_rows(plan, lang), widths: vec![10.0; 10] },
        Sheet { name: t(lang, Msg::PlanSheetPeriods).into(), rows: period_rows(plan, lang), widths: vec![16.0; 7] },
        Sheet {
            name: t(lang, Msg::PlanSheetAssumptions).into(),
            rows: assumption_rows(s, plan, lang),
            widths: vec![28.0, 16.0],
        },
    ]
}

/// The monthly plan as CSV: UTF-8 with a byte-order mark, `YYYY-MM` months, plain numbers.
pub fn plan_csv(plan: &Plan, lang: Lang) -> Vec<u8> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    let mut w = csv::Writer::from_writer(&mut out);
    for row in month_rows(plan, lang) {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Empty => String::new(),
                Cell::Text(s) => s.clone(),
                Cell::Number(x) => format!("{x}"),
                Cell::Date(d) => iso(*d),
                Cell::Month(d) => iso_month(*d),
            })
            .collect();
        let _ = w.write_record(&cells);
    }
    drop(w);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{PlanMonth, PlanTotals};
    use chrono::NaiveDate;

    fn plan() -> Plan {
        let month = |m: u32, people: f64, leavers: u32, hires: u32| PlanMonth {
            month: m,
            calendar: NaiveDate::from_ymd_opt(2026, 7 + m, 1).unwrap(),
            people,
            leavers,
            hires_starting: hires,
            positions_to_open: 0,
            required: 5,
            gap: 5.0 - people,
            managers: 0,
            cost: people * 10_000.0,
            affordable: None,
        };
        Plan {
            months: vec![month(0, 4.0, 0, 0), month(1, 5.0, 0, 1), month(2, 4.0, 1, 0)],
            totals: PlanTotals { hires: 1, leavers: 1, backfill: 1, growth: 0, cost: 90_000.0, ..Default::default() },
            ..Default::default()
        }
    }

    #[test]
    fn csv_has_a_bom_headers_in_the_language_and_plain_numbers() {
        let zh = String::from_utf8(plan_csv(&plan(), Lang::Zh)).unwrap();
        assert!(zh.starts_with('\u{feff}'));
        let mut lines = zh.trim_start_matches('\u{feff}').lines();
        let head = lines.next().unwrap();
        assert!(head.starts_with(t(Lang::Zh, Msg::Month)), "{head}");
        assert_eq!(lines.next(), Some("2026-07,4,0,0,0,5,1,0,,40000"));
        assert_eq!(lines.nth(1), Some("2026-09,4,1,0,0,5,1,0,,40000"));
        let en = String::from_utf8(plan_csv(&plan(), Lang::En)).unwrap();
        assert!(en.contains(t(Lang::En, Msg::PlanColLeavers)));
    }

    #[test]
    fn the_workbook_has_three_sheets_with_months_as_dates_and_numbers_as_numbers() {
        let sheets = plan_sheets(&Scenario::default(), &plan(), Lang::En);
        assert_eq!(sheets.len(), 3);
        assert_eq!(sheets[0].rows.len(), 4, "header + 3 months");
        assert_eq!(sheets[0].rows[1][0], Cell::Month(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()));
        assert_eq!(sheets[0].rows[2][3], Cell::Number(1.0));
        let assumptions = &sheets[2].rows;
        assert!(assumptions
            .iter()
            .any(|r| r[0] == Cell::Text(t(Lang::En, Msg::PlanHires).into()) && r[1] == Cell::Number(1.0)));
    }
}
