//! Capacity over the months of a projection: lines of required FTE and available capacity,
//! with the months positions must be opened marked on the time axis. The same function draws
//! one scenario or several overlaid (each scenario a colour, required solid, capacity dashed).

use plotters::element::{EmptyElement, Polygon, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::nice_ceiling;
use super::svg;
use super::theme::{self, FONT};

pub const WIDTH: u32 = 720;
/// The plot's height; the legend below adds a row per line of entries.
pub const HEIGHT: u32 = 400;

/// One line: a value per month from month 0.
pub struct Line {
    pub name: String,
    pub values: Vec<f64>,
    /// Index into the palette (a scenario's colour).
    pub color: usize,
    /// Dashed and without point markers: capacity; solid with round markers: the need.
    pub dashed: bool,
}

/// Positions to open in a month, drawn as a triangle on the time axis labelled `+count`.
pub struct Opening {
    pub month: u32,
    pub count: u32,
    pub color: usize,
}

/// Everything the chart shows, texts already in the reader's language.
pub struct CapacityChart<'a> {
    pub title: String,
    pub x_title: String,
    pub y_title: String,
    /// The last month (the x axis runs 0..=months).
    pub months: u32,
    pub lines: Vec<Line>,
    pub openings: Vec<Opening>,
    /// The legend entry of the triangles.
    pub openings_name: String,
    pub empty_message: String,
    /// Tick label of month m (e.g. "M6" or "2026-01").
    pub month_label: &'a dyn Fn(u32) -> String,
}

impl CapacityChart<'_> {
    pub fn is_empty(&self) -> bool {
        !self.lines.iter().flat_map(|l| &l.values).any(|v| v.is_finite() && *v != 0.0)
            && self.openings.iter().all(|o| o.count == 0)
    }
}

/// Renders the chart to a standalone SVG document.
pub fn capacity_lines(chart: &CapacityChart) -> String {
    let mut buf = String::new();
    // Only I/O errors can come from the backend, which a String never raises; a failure would
    // leave a partial chart, never a panic.
    let _ = draw(chart, &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &CapacityChart, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let entries = legend_entries(c);
    let rows = legend_rows(&entries, WIDTH - 2 * LEGEND_PAD);
    let legend_height = if rows.is_empty() { 0 } else { rows.len() as u32 * LEGEND_ROW + LEGEND_PAD };
    let root = SVGBackend::with_string(buf, (WIDTH, HEIGHT + legend_height)).into_drawing_area();
    root.fill(&WHITE)?;
    let (plot, legend) = root.split_vertically(HEIGHT);
    let months = c.months.max(1);
    let data_max =
        c.lines.iter().flat_map(|l| l.values.iter().copied()).filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
    // Headroom above the highest line for the "+n" labels of the openings.
    let top = nice_ceiling(data_max * 1.15);
    let label_font = (FONT, theme::LABEL_SIZE).into_font().color(&theme::INK);
    let step = tick_step(months);
    let mut cc = ChartBuilder::on(&plot)
        .caption(&c.title, (FONT, theme::TITLE_SIZE).into_font().color(&theme::INK))
        .margin(14)
        .margin_right(24)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(-0.3f64..f64::from(months) + 0.3, 0f64..top)?;
    cc.configure_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| short(*v))
        .x_desc(c.x_title.as_str())
        .y_desc(c.y_title.as_str())
        .axis_desc_style((FONT, theme::AXIS_TITLE_SIZE).into_font().color(&theme::MUTED))
        .label_style(label_font.clone())
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme::GRID)
        .axis_style(theme::MUTED)
        .draw()?;
    for m in (0..=months).step_by(step as usize) {
        cc.plotting_area().draw(
            &(EmptyElement::at((f64::from(m), 0.0))
                + Text::new((c.month_label)(m), (0, 6), label_font.clone().pos(Pos::new(HPos::Center, VPos::Top)))),
        )?;
    }
    if c.is_empty() {
        cc.plotting_area().draw(&Text::new(
            c.empty_message.clone(),
            (f64::from(months) / 2.0, top / 2.0),
            (FONT, 15.0).into_font().color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        root.present()?;
        return Ok(());
    }

    for line in &c.lines {
        let color = theme::series_color(line.color);
        let points: Vec<(f64, f64)> = line
            .values
            .iter()
            .enumerate()
            .filter(|(m, v)| v.is_finite() && *m as u32 <= months)
            .map(|(m, v)| (m as f64, v.min(top)))
            .collect();
        let style = color.stroke_width(2);
        if line.dashed {
            cc.draw_series(DashedLineSeries::new(points, 6, 4, style))?;
        } else {
            cc.draw_series(LineSeries::new(points.iter().copied(), style))?;
            cc.draw_series(points.iter().map(|&p| Circle::new(p, 2, color.filled())))?;
        }
    }

    let count_font = (FONT, 11.0).into_font().color(&theme::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
    for o in c.openings.iter().filter(|o| o.count > 0 && o.month <= months) {
        let color = theme::series_color(o.color);
        let marker = EmptyElement::at((f64::from(o.month), 0.0))
            + Polygon::new(vec![(0, -10), (-6, 0), (6, 0)], color.filled())
            + Text::new(format!("+{}", o.count), (0, -12), count_font.clone());
        cc.draw_series(std::iter::once(marker))?;
    }
    draw_legend(&legend, &entries, &rows)?;
    root.present()?;
    Ok(())
}

const LEGEND_ROW: u32 = 22;
const LEGEND_PAD: u32 = 14;
const SWATCH: i32 = 22;

enum Swatch {
    Solid(RGBColor),
    Dashed(RGBColor),
    Triangle,
}

struct LegendEntry<'a> {
    swatch: Swatch,
    text: &'a str,
}

fn legend_entries<'a>(c: &'a CapacityChart) -> Vec<LegendEntry<'a>> {
    if c.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<LegendEntry> = c
        .lines
        .iter()
        .map(|l| {
            let color = theme::series_color(l.color);
            LegendEntry { swatch: if l.dashed { Swatch::Dashed(color) } else { Swatch::Solid(color) }, text: &l.name }
        })
        .collect();
    if c.openings.iter().any(|o| o.count > 0 && o.month <= c.months.max(1)) {
        out.push(LegendEntry { swatch: Swatch::Triangle, text: &c.openings_name });
    }
    out
}

/// An entry's width in pixels at the label size: CJK characters are about one em wide, others
/// a little over half.
fn entry_width(text: &str) -> u32 {
    let em = theme::LABEL_SIZE;
    let text: f64 = text.chars().map(|ch| if ch >= '\u{2E80}' { em } else { em * 0.58 }).sum();
    SWATCH as u32 + 8 + text.ceil() as u32 + 18
}

/// Entries flowed into rows no wider than `width` (a too-wide entry gets a row of its own).
fn legend_rows(entries: &[LegendEntry], width: u32) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = 0;
    for (i, e) in entries.iter().enumerate() {
        let w = entry_width(e.text);
        match rows.last_mut() {
            Some(row) if used + w <= width => row.push(i),
            _ => {
                rows.push(vec![i]);
                used = 0;
            }
        }
        used += w;
    }
    rows
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    entries: &[LegendEntry],
    rows: &[Vec<usize>],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font = (FONT, theme::LABEL_SIZE).into_font().color(&theme::INK).pos(Pos::new(HPos::Left, VPos::Center));
    for (r, row) in rows.iter().enumerate() {
        let y = (r as u32 * LEGEND_ROW + LEGEND_ROW / 2) as i32;
        let mut x = LEGEND_PAD as i32 + 56;
        for &i in row {
            let e = &entries[i];
            match e.swatch {
                Swatch::Solid(color) => {
                    area.draw(&PathElement::new(vec![(x, y), (x + SWATCH, y)], color.stroke_width(2)))?;
                    area.draw(&Circle::new((x + SWATCH / 2, y), 3, color.filled()))?;
                }
                Swatch::Dashed(color) => {
                    for (a, b) in [(0, 6), (9, 15), (18, SWATCH)] {
                        area.draw(&PathElement::new(vec![(x + a, y), (x + b, y)], color.stroke_width(2)))?;
                    }
                }
                Swatch::Triangle => {
                    let (cx, cy) = (x + SWATCH / 2, y + 4);
                    area.draw(&Polygon::new(vec![(cx, cy - 10), (cx - 6, cy), (cx + 6, cy)], theme::INK.filled()))?;
                }
            }
            area.draw(&Text::new(e.text.to_string(), (x + SWATCH + 8, y), font.clone()))?;
            x += entry_width(e.text) as i32;
        }
    }
    Ok(())
}

/// Every month up to 12, then every 3rd or 6th so the labels never crowd.
fn tick_step(months: u32) -> u32 {
    match months {
        // Calendar-month labels (2026-06) are wide: every other month up to a year.
        0..=12 => 2,
        13..=24 => 3,
        _ => 6,
    }
}

/// Axis numbers: FTE are small, so one decimal at most.
fn short(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(i: u32) -> String {
        format!("M{i}")
    }

    fn chart<'a>(lines: Vec<Line>, openings: Vec<Opening>, label: &'a dyn Fn(u32) -> String) -> CapacityChart<'a> {
        CapacityChart {
            title: "Required vs available".into(),
            x_title: "Month".into(),
            y_title: "FTE".into(),
            months: 12,
            lines,
            openings,
            openings_name: "Positions opened".into(),
            empty_message: "Nothing to project".into(),
            month_label: label,
        }
    }

    fn line(name: &str, values: Vec<f64>, color: usize, dashed: bool) -> Line {
        Line { name: name.into(), values, color, dashed }
    }

    #[test]
    fn draws_both_lines_the_openings_and_a_legend() {
        let need: Vec<f64> = (0..=12).map(|i| 2.0 + i as f64 * 0.25).collect();
        let have = vec![2.0; 13];
        let svg = capacity_lines(&chart(
            vec![line("Required FTE", need, 0, false), line("Effective capacity", have, 1, true)],
            vec![Opening { month: 3, count: 2, color: 0 }, Opening { month: 7, count: 1, color: 0 }],
            &m,
        ));
        assert!(svg.starts_with("<svg"), "{svg}");
        for text in [
            "Required vs available",
            "Required FTE",
            "Effective capacity",
            "Positions opened",
            "+2",
            "+1",
            "M0",
            "M12",
            "FTE",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        // The need: 13 round markers plus one in the legend, in the first palette colour.
        assert_eq!(svg.matches("<circle").count(), 14, "{svg}");
        // The capacity line is dashed: many short segments in the second colour.
        assert!(svg.matches("stroke=\"#E69F00\"").count() > 5);
        // Two triangles on the axis and one in the legend.
        assert_eq!(svg.matches("<polygon").count(), 3);
        assert!(!svg.contains("Nothing to project"));
    }

    #[test]
    fn empty_projection_says_so() {
        let svg = capacity_lines(&chart(vec![line("Required", vec![0.0; 13], 0, false)], vec![], &m));
        assert!(svg.contains("Nothing to project"));
        assert_eq!(svg.matches("<circle").count(), 0);
    }

    #[test]
    fn long_horizons_thin_the_ticks_and_text_is_escaped() {
        let mut c = chart(vec![line("<b>A</b>", vec![1.0; 37], 2, false)], vec![], &m);
        c.months = 36;
        let svg = capacity_lines(&c);
        assert!(svg.contains("M36") && svg.contains("M6") && !svg.contains(">M5<"));
        assert!(!svg.contains("<b>") && svg.contains("&lt;b&gt;A&lt;/b&gt;"));
        // Values past the horizon and non-numbers are skipped, not drawn off the chart.
        let c = chart(
            vec![line("A", vec![1.0, f64::NAN, 2.0, 9.0, 9.0], 0, false)],
            vec![Opening { month: 40, count: 3, color: 0 }],
            &m,
        );
        let svg = capacity_lines(&c);
        assert_eq!(svg.matches("<circle").count(), 5, "4 finite points and the legend");
        assert!(!svg.contains("+3"));
    }

    #[test]
    fn a_long_legend_wraps_below_the_plot() {
        let lines: Vec<Line> =
            (0..8).map(|i| line(&format!("方案 {} · required", i / 2), vec![1.0; 13], i / 2, i % 2 == 1)).collect();
        let one = capacity_lines(&chart(vec![line("A", vec![1.0; 13], 0, false)], vec![], &m));
        let many = capacity_lines(&chart(lines, vec![Opening { month: 1, count: 1, color: 3 }], &m));
        let height = |svg: &str| -> u32 {
            let vb = svg.split("viewBox=\"").nth(1).unwrap().split('"').next().unwrap();
            vb.split_whitespace().nth(3).unwrap().parse().unwrap()
        };
        assert_eq!(height(&one), HEIGHT + LEGEND_ROW + LEGEND_PAD);
        assert!(height(&many) >= HEIGHT + 3 * LEGEND_ROW, "{}", height(&many));
        assert!(many.contains("方案 3 · required") && many.contains("Positions opened"));
    }
}
