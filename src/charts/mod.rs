//! Charts: pure functions from data to an SVG string, drawn by plotters' SVGBackend.
//!
//! No Leptos, no DOM: every chart is testable natively. Texts arrive already translated.
//!
//! Every chart is drawn for a width in pixels: the page passes its container's width (see
//! `components/chart_view.rs`) and shows the SVG at exactly that size, so text drawn at 12 px
//! reads as 12 px on a phone and on a laptop. A chart that cannot show its labels that narrow
//! draws itself at its own minimum width instead, and the page lets it scroll sideways.
//! Downloads and prints use `DOWNLOAD_WIDTH`.

mod bars;
mod capacity;
mod frame;
mod funnel;
mod hbars;
mod layout;
mod lines;
mod quadrant;
mod share_bars;
mod stacked;
mod svg;
pub mod theme;
mod waterfall;

pub use bars::{grouped_bars, BarChart, BarSeries};
pub use capacity::{capacity_lines, CapacityChart, Line, Opening};
pub use funnel::{funnel_chart, FunnelChart, FunnelStepBar};
pub use hbars::{horizontal_bars, HBarChart, MAX_BARS as MAX_HBARS};
pub use layout::DOWNLOAD_WIDTH;
pub use lines::{line_chart, LineChart, LineSeries};
pub use quadrant::{quadrant_chart, quadrant_color, QuadrantChart};
pub use share_bars::{share_bars, ShareBarChart, SharePart};
pub use stacked::{stacked_bars, StackSeries, StackedChart};
pub use waterfall::{waterfall_chart, Step, WaterfallChart};

/// Every chart drawn narrow (a phone) and wide: no text under 12 px, none running off the
/// SVG, and the SVG as wide as asked when the chart fits.
#[cfg(test)]
mod width_tests {
    use super::*;
    use crate::domain::quadrant::ScatterGrid;

    struct TextTag {
        x: f64,
        anchor: String,
        size: f64,
        rotated: bool,
        text: String,
    }

    fn attr(tag: &str, name: &str) -> Option<String> {
        Some(tag.split(&format!(" {name}=\"")).nth(1)?.split('"').next()?.to_string())
    }

    fn texts(svg: &str) -> Vec<TextTag> {
        svg.split("<text ")
            .skip(1)
            .map(|t| {
                let (tag, rest) = t.split_once('>').unwrap();
                let tag = &format!(" {tag}");
                let text = rest.split("</text>").next().unwrap().trim().to_string();
                TextTag {
                    x: attr(tag, "x").unwrap().parse().unwrap(),
                    anchor: attr(tag, "text-anchor").unwrap(),
                    size: attr(tag, "font-size").unwrap().parse().unwrap(),
                    rotated: tag.contains("transform="),
                    text: text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"),
                }
            })
            .collect()
    }

    fn width_of(svg: &str) -> u32 {
        attr(svg, "width").unwrap().parse().unwrap()
    }

    /// Checks the texts of `svg`; returns its width.
    fn check(name: &str, svg: &str) -> u32 {
        let width = f64::from(width_of(svg));
        let all = texts(svg);
        assert!(!all.is_empty(), "{name}: no text");
        for t in &all {
            assert!(t.size >= 11.999, "{name}: \"{}\" at {} px", t.text, t.size);
            if t.rotated {
                continue;
            }
            let w = layout::text_width(&t.text, t.size);
            let (left, right) = match t.anchor.as_str() {
                "start" => (t.x, t.x + w),
                "end" => (t.x - w, t.x),
                _ => (t.x - w / 2.0, t.x + w / 2.0),
            };
            assert!(
                left >= -1.0 && right <= width + 1.0,
                "{name}: \"{}\" runs off a {width} px chart: {left}..{right}",
                t.text
            );
        }
        width as u32
    }

    fn money(v: f64) -> String {
        if v >= 1e6 {
            format!("¥{:.1}M", v / 1e6)
        } else {
            format!("¥{:.0}K", v / 1e3)
        }
    }

    fn pct(v: f64) -> String {
        format!("{v:.0}%")
    }

    fn months(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{}-{:02}", 2026 + (i + 6) / 12, (i + 6) % 12 + 1)).collect()
    }

    /// One chart of each kind with the app's longest texts, at `width`.
    fn all_charts(width: u32) -> Vec<(&'static str, String)> {
        let tiers: Vec<String> = ["战略客户", "重点客户", "成长客户", "长尾客户"].map(String::from).to_vec();
        let bars = grouped_bars(
            &BarChart {
                title: "各层级客户数占比与 ARR 占比".into(),
                x_title: "层级".into(),
                y_title: "占比 (%)".into(),
                categories: tiers.clone(),
                series: vec![
                    BarSeries { name: "客户数占比".into(), values: vec![2.0, 10.0, 31.0, 56.0] },
                    BarSeries { name: "ARR 占比".into(), values: vec![41.0, 30.0, 20.0, 9.0] },
                ],
                y_max: Some(100.0),
                empty_message: "暂无数据".into(),
                format_value: &pct,
            },
            width,
        );
        let stacked = stacked_bars(
            &StackedChart {
                title: "ARR up for renewal by month and health".into(),
                x_title: "Month of end date".into(),
                y_title: "ARR".into(),
                categories: months(12),
                series: ["At risk", "Watch", "Healthy", "No score"]
                    .iter()
                    .enumerate()
                    .map(|(i, n)| StackSeries {
                        name: n.to_string(),
                        color: theme::series_color(i),
                        values: (0..12).map(|m| 150_000.0 + 40_000.0 * ((m * 7 + i) % 5) as f64).collect(),
                    })
                    .collect(),
                y_max: None,
                empty_message: "Nothing due".into(),
                format_value: &money,
            },
            width,
        );
        let lines = line_chart(
            &LineChart {
                title: "Renewal rates by month of contract end".into(),
                x_title: "Month of end date".into(),
                y_title: "Rate (%)".into(),
                categories: months(12),
                series: ["Logo renewal rate", "GRR", "NRR"]
                    .iter()
                    .map(|n| LineSeries {
                        name: n.to_string(),
                        values: (0..12).map(|m| Some(80.0 + (m * 3 % 40) as f64)).collect(),
                    })
                    .collect(),
                y_min_top: 100.0,
                empty_message: "No decided renewals".into(),
                format_value: &pct,
            },
            width,
        );
        let bridge = waterfall_chart(
            &WaterfallChart {
                title: "ARR bridge · 2025-07-01 – 2026-06-30".into(),
                y_title: "ARR".into(),
                categories: ["Start", "New", "Expansion", "Contraction", "Churn", "End"].map(String::from).to_vec(),
                steps: vec![
                    Step::Total(10_400_000.0),
                    Step::Change(1_230_000.0),
                    Step::Change(820_000.0),
                    Step::Change(-310_000.0),
                    Step::Change(-1_050_000.0),
                    Step::Total(11_090_000.0),
                ],
                empty_message: "No ARR".into(),
                format_value: &money,
            },
            width,
        );
        let mut periods = vec!["Start".to_string()];
        periods.extend(months(12));
        periods.push("End".into());
        let steps = waterfall_chart(
            &WaterfallChart {
                title: "ARR by period".into(),
                y_title: "ARR".into(),
                steps: std::iter::once(Step::Total(10_400_000.0))
                    .chain((0..12).map(|m| Step::Change(if m % 3 == 0 { -90_000.0 } else { 120_000.0 })))
                    .chain(std::iter::once(Step::Total(11_000_000.0)))
                    .collect(),
                categories: periods,
                empty_message: "No ARR".into(),
                format_value: &money,
            },
            width,
        );
        let industries: Vec<String> =
            ["Financial services & insurance", "零售与消费品", "Manufacturing", "Healthcare", "Software"]
                .map(String::from)
                .to_vec();
        let hbars = horizontal_bars(
            &HBarChart {
                title: "ARR by industry".into(),
                x_title: "ARR".into(),
                categories: industries,
                values: vec![4_560_000.0, 3_360_000.0, 2_190_000.0, 910_000.0, 48_100.0],
                color: 0,
                note: Some("Top 15 of 23 industries by ARR; the others are in the table".into()),
                empty_message: "No data yet".into(),
                format_value: &money,
            },
            width,
        );
        let share = share_bars(
            &ShareBarChart {
                title: "Health by tier (share of active accounts)".into(),
                x_title: "Share of active accounts".into(),
                rows: ["All accounts", "Strategic", "Key", "Growth", "Long tail"].map(String::from).to_vec(),
                parts: ["Red · at risk", "Yellow · watch", "Green · healthy", "No score"]
                    .iter()
                    .enumerate()
                    .map(|(i, n)| SharePart {
                        name: n.to_string(),
                        color: theme::series_color(i),
                        values: vec![120.0, 3.0, 10.0, 40.0, 67.0],
                    })
                    .collect(),
                empty_message: "No data yet".into(),
                format_value: &|v| format!("{v:.0}"),
            },
            width,
        );
        let grid = ScatterGrid {
            columns: 40,
            rows: 20,
            log10_arr_from: 3.0,
            log10_arr_to: 7.0,
            counts: (0..800).map(|i| (i * 7 % 13) as u32).collect(),
            max_count: 12,
        };
        let quadrant = quadrant_chart(
            &QuadrantChart {
                title: "Value × fit of active accounts".into(),
                x_title: "ARR (log scale)".into(),
                y_title: "Fit".into(),
                grid: &grid,
                value_threshold: Some(25_000.0),
                fit_threshold: 60.0,
                quadrant_labels: ["Panda · 123", "Potential · 456", "Tool · 78", "Oasis · 90"].map(String::from),
                binned_note: "Binned: 40 × 20 cells; circle area = accounts (max 12)".into(),
                empty_message: "No scored accounts".into(),
                format_money: &money,
            },
            width,
        );
        let funnel = funnel_chart(
            &FunnelChart {
                title: "Cohort funnel of accounts started in the window".into(),
                steps: ["Kickoff", "Onboarding done", "Adoption", "First renewal", "Expansion"]
                    .iter()
                    .enumerate()
                    .map(|(i, n)| FunnelStepBar {
                        label: n.to_string(),
                        count: 100 - i * 17,
                        note: format!("{} ({:.1}%)", 100 - i * 17, 100.0 - i as f64 * 17.0),
                    })
                    .collect(),
                empty_message: "No account started in this window".into(),
            },
            width,
        );
        let label = |m: u32| format!("2026-{:02}", m % 12 + 1);
        let capacity = capacity_lines(
            &CapacityChart {
                title: "Required vs available capacity · Hybrid plan with growth".into(),
                x_title: "Month".into(),
                y_title: "FTE".into(),
                months: 12,
                lines: vec![
                    Line {
                        name: "Required FTE".into(),
                        values: (0..13).map(|m| 7.4 + m as f64 * 0.01).collect(),
                        color: 0,
                        dashed: false,
                    },
                    Line { name: "Effective capacity".into(), values: vec![8.0; 13], color: 1, dashed: true },
                ],
                openings: vec![Opening { month: 1, count: 1, color: 0 }],
                openings_name: "Positions opened".into(),
                empty_message: "Nothing to project".into(),
                month_label: &label,
            },
            width,
        );
        vec![
            ("bars", bars),
            ("stacked", stacked),
            ("lines", lines),
            ("bridge", bridge),
            ("steps", steps),
            ("hbars", hbars),
            ("share", share),
            ("quadrant", quadrant),
            ("funnel", funnel),
            ("capacity", capacity),
        ]
    }

    #[test]
    fn a_phone_wide_chart_keeps_its_text_legible_and_inside() {
        for (name, svg) in all_charts(360) {
            let width = check(name, &svg);
            assert_eq!(width, 360, "{name} fits a phone");
        }
    }

    #[test]
    fn charts_follow_the_width_they_are_given() {
        for width in [560, DOWNLOAD_WIDTH, 1150] {
            for (name, svg) in all_charts(width) {
                assert_eq!(check(name, &svg), width, "{name} at {width}");
            }
        }
        // Narrower than a phone, a chart may keep a little more than it is given.
        for (name, svg) in all_charts(300) {
            let drawn = check(name, &svg);
            assert!((300..=380).contains(&drawn), "{name} at 300: {drawn}");
        }
    }

    #[test]
    fn too_narrow_a_chart_draws_at_its_minimum() {
        // Ten long tier names cannot share 300 px: the chart is wider, and the page scrolls it.
        let names: Vec<String> = (0..10).map(|i| format!("Enterprise tier {i}")).collect();
        let svg = grouped_bars(
            &BarChart {
                title: "Share".into(),
                x_title: String::new(),
                y_title: String::new(),
                categories: names,
                series: vec![BarSeries { name: "Accounts".into(), values: vec![10.0; 10] }],
                y_max: Some(100.0),
                empty_message: String::new(),
                format_value: &pct,
            },
            300,
        );
        assert!(check("many names", &svg) > 300);
    }
}
