//! The page's two charts as memos' inputs: one scenario's required and available capacity with
//! its openings, and the saved scenarios overlaid.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::charts::{capacity_lines, CapacityChart, Line, Opening};
use crate::domain::dates::{add_months, iso_month};
use crate::domain::projection::{PlannedHire, Projection};
use crate::domain::scenario::ScenarioColumn;
use crate::i18n::{t, Lang, Msg};

/// The calendar month of projection month `m`, e.g. "2026-01". Written by hand: chrono's
/// strftime machinery would add its parser to the bundle for one pattern.
pub fn month_label(as_of: NaiveDate, m: u32) -> String {
    iso_month(add_months(as_of, m as i32))
}

fn openings(hires: &[PlannedHire], color: usize) -> Vec<Opening> {
    let mut by_month: BTreeMap<u32, u32> = BTreeMap::new();
    for h in hires {
        *by_month.entry(h.open_month).or_default() += h.count;
    }
    by_month.into_iter().map(|(month, count)| Opening { month, count, color }).collect()
}

/// A chart whose title names what it shows (the scenario) and whose months are calendar months,
/// so a downloaded SVG or PNG says what it is on its own.
/// Drawn `width` pixels wide (see `charts`).
fn chart(
    lang: Lang,
    as_of: NaiveDate,
    months: u32,
    title: String,
    lines: Vec<Line>,
    openings: Vec<Opening>,
    width: u32,
) -> String {
    let m = move |i: u32| month_label(as_of, i);
    capacity_lines(
        &CapacityChart {
            title,
            x_title: t(lang, Msg::Month).into(),
            y_title: t(lang, Msg::CapChartY).into(),
            months,
            lines,
            openings,
            openings_name: t(lang, Msg::CapChartOpenings).into(),
            empty_message: t(lang, Msg::CapChartEmpty).into(),
            month_label: &m,
        },
        width,
    )
}

pub fn projection_chart(lang: Lang, as_of: NaiveDate, p: &Projection, name: &str, width: u32) -> String {
    let months = p.months.last().map_or(12, |m| m.month);
    let lines = vec![
        Line {
            name: t(lang, Msg::CapRequiredFte).into(),
            values: p.months.iter().map(|m| m.required_fte).collect(),
            color: 0,
            dashed: false,
        },
        Line {
            name: t(lang, Msg::CapEffectiveCapacity).into(),
            values: p.months.iter().map(|m| m.effective_capacity).collect(),
            color: 1,
            dashed: true,
        },
    ];
    let title = if name.trim().is_empty() {
        t(lang, Msg::CapChartTitle).to_string()
    } else {
        format!("{} · {name}", t(lang, Msg::CapChartTitle))
    };
    chart(lang, as_of, months, title, lines, openings(&p.hires, 0), width)
}

pub fn compare_chart(lang: Lang, as_of: NaiveDate, cols: &[ScenarioColumn], width: u32) -> String {
    let months = cols.iter().filter_map(|c| c.projection.months.last()).map(|m| m.month).max().unwrap_or(12);
    let mut lines = Vec::new();
    let mut marks = Vec::new();
    for (i, c) in cols.iter().enumerate() {
        let name = &c.summary.name;
        lines.push(Line {
            name: format!("{name} · {}", t(lang, Msg::CapRequiredShort)),
            values: c.projection.months.iter().map(|m| m.required_fte).collect(),
            color: i,
            dashed: false,
        });
        lines.push(Line {
            name: format!("{name} · {}", t(lang, Msg::CapCapacityShort)),
            values: c.projection.months.iter().map(|m| m.effective_capacity).collect(),
            color: i,
            dashed: true,
        });
        marks.extend(openings(&c.projection.hires, i));
    }
    let names: Vec<&str> = cols.iter().map(|c| c.summary.name.as_str()).collect();
    let title = format!("{} · {}", t(lang, Msg::CapCompareChartTitle), names.join(" / "));
    chart(lang, as_of, months, title, lines, marks, width)
}
