//! Capacity over the months of a projection: lines of required FTE and available capacity,
//! with the months positions must be opened marked on the time axis. The same function draws
//! one scenario or several overlaid (each scenario a colour, required solid, capacity dashed).

use plotters::element::{EmptyElement, Polygon, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::nice_ceiling;
use super::layout::{self, fit, text_width, Legend, LegendEntry, Swatch, Title};
use super::svg;
use super::theme::{self, font};

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

    fn top(&self) -> f64 {
        let data_max =
            self.lines.iter().flat_map(|l| l.values.iter().copied()).filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
        // Headroom above the highest line for the "+n" labels of the openings.
        nice_ceiling(data_max * 1.15)
    }

    fn widest_month(&self) -> f64 {
        (0..=self.months.max(1)).map(|m| text_width(&(self.month_label)(m), theme::LABEL_PX)).fold(0.0, f64::max)
    }
}

/// The plot's height (the title above and the legend below add theirs).
pub fn plot_height(width: u32) -> u32 {
    (f64::from(width) * 0.55).clamp(260.0, 380.0) as u32
}

const MARGIN_LEFT: u32 = 8;
const MARGIN_RIGHT: u32 = 24;

fn y_area(c: &CapacityChart) -> u32 {
    let top = c.top();
    let ticks = (0..=20).map(|k| text_width(&short(top * f64::from(k) / 20.0), theme::LABEL_PX)).fold(0.0, f64::max);
    let title = if c.y_title.is_empty() { 0.0 } else { theme::AXIS_TITLE_PX * 1.3 + 6.0 };
    (ticks + 14.0 + title).ceil() as u32
}

/// The narrowest the chart is drawn: three month labels side by side.
pub fn min_width(c: &CapacityChart) -> u32 {
    let plot = 3.0 * (c.widest_month() + 12.0);
    (MARGIN_LEFT + MARGIN_RIGHT + y_area(c) + plot.ceil() as u32).max(layout::MIN_WIDTH)
}

/// Renders the chart to a standalone SVG document `width` pixels wide (or `min_width`).
pub fn capacity_lines(chart: &CapacityChart, width: u32) -> String {
    let mut buf = String::new();
    // Only I/O errors can come from the backend, which a String never raises; a failure would
    // leave a partial chart, never a panic.
    let _ = draw(chart, width.max(min_width(chart)), &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &CapacityChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let title = Title::new(&c.title, width);
    let legend = Legend::new(legend_entries(c), width);
    let plot_h = plot_height(width);
    let root = SVGBackend::with_string(buf, (width, title.height() + plot_h + legend.height())).into_drawing_area();
    root.fill(&WHITE)?;
    let area = title.draw(&root)?;
    let (plot, legend_area) = area.split_vertically(plot_h);
    let months = c.months.max(1);
    let top = c.top();
    let label_font = font(theme::LABEL_PX).color(&theme::INK);
    let y_area = y_area(c);
    let plot_w = f64::from(width.saturating_sub(MARGIN_LEFT + MARGIN_RIGHT + y_area)).max(1.0);
    let step = tick_step(months, plot_w / (f64::from(months) + 0.6), c.widest_month() + 12.0);
    let mut cc = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_left(MARGIN_LEFT)
        .margin_right(MARGIN_RIGHT)
        .margin_bottom(4)
        .x_label_area_size(theme::LABEL_PX as u32 + theme::AXIS_TITLE_PX as u32 + 26)
        .y_label_area_size(y_area)
        .build_cartesian_2d(-0.3f64..f64::from(months) + 0.3, 0f64..top)?;
    cc.configure_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| short(*v))
        .x_desc(c.x_title.as_str())
        .y_desc(c.y_title.as_str())
        .axis_desc_style(font(theme::AXIS_TITLE_PX).color(&theme::MUTED))
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
            fit(&c.empty_message, theme::MESSAGE_PX, plot_w - 8.0),
            (f64::from(months) / 2.0, top / 2.0),
            font(theme::MESSAGE_PX).color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
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

    let count_font = font(theme::SMALL_PX).color(&theme::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
    for o in c.openings.iter().filter(|o| o.count > 0 && o.month <= months) {
        let color = theme::series_color(o.color);
        let marker = EmptyElement::at((f64::from(o.month), 0.0))
            + Polygon::new(vec![(0, -10), (-6, 0), (6, 0)], color.filled())
            + Text::new(format!("+{}", o.count), (0, -12), count_font.clone());
        cc.draw_series(std::iter::once(marker))?;
    }
    legend.draw(&legend_area)?;
    root.present()?;
    Ok(())
}

fn legend_entries(c: &CapacityChart) -> Vec<LegendEntry> {
    if c.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<LegendEntry> = c
        .lines
        .iter()
        .map(|l| {
            let color = theme::series_color(l.color);
            LegendEntry {
                swatch: if l.dashed { Swatch::Dashed(color) } else { Swatch::Line(color) },
                text: l.name.clone(),
            }
        })
        .collect();
    if c.openings.iter().any(|o| o.count > 0 && o.month <= c.months.max(1)) {
        out.push(LegendEntry { swatch: Swatch::Triangle(theme::INK), text: c.openings_name.clone() });
    }
    out
}

/// Months between two labels: every month when they fit, else every 2nd, 3rd, 6th or 12th.
/// Calendar-month labels (2026-06) are wide, so a year shows every other month at most.
fn tick_step(months: u32, px_per_month: f64, label: f64) -> u32 {
    let least = match months {
        0..=12 => 2,
        13..=24 => 3,
        _ => 6,
    };
    [1, 2, 3, 6, 12].into_iter().filter(|&s| s >= least).find(|&s| f64::from(s) * px_per_month >= label).unwrap_or(12)
}

/// Axis numbers: FTE are small, so one decimal at most.
fn short(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: u32 = crate::charts::DOWNLOAD_WIDTH;

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
        let svg = capacity_lines(
            &chart(
                vec![line("Required FTE", need, 0, false), line("Effective capacity", have, 1, true)],
                vec![Opening { month: 3, count: 2, color: 0 }, Opening { month: 7, count: 1, color: 0 }],
                &m,
            ),
            W,
        );
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
        let svg = capacity_lines(&chart(vec![line("Required", vec![0.0; 13], 0, false)], vec![], &m), W);
        assert!(svg.contains("Nothing to project"));
        assert_eq!(svg.matches("<circle").count(), 0);
    }

    #[test]
    fn long_horizons_thin_the_ticks_and_text_is_escaped() {
        let mut c = chart(vec![line("<b>A</b>", vec![1.0; 37], 2, false)], vec![], &m);
        c.months = 36;
        let svg = capacity_lines(&c, W);
        assert!(svg.contains("M36") && svg.contains("M6") && !svg.contains(">M5<"));
        assert!(!svg.contains("<b>") && svg.contains("&lt;b&gt;A&lt;/b&gt;"));
        // Values past the horizon and non-numbers are skipped, not drawn off the chart.
        let c = chart(
            vec![line("A", vec![1.0, f64::NAN, 2.0, 9.0, 9.0], 0, false)],
            vec![Opening { month: 40, count: 3, color: 0 }],
            &m,
        );
        let svg = capacity_lines(&c, W);
        assert_eq!(svg.matches("<circle").count(), 5, "4 finite points and the legend");
        assert!(!svg.contains("+3"));
    }

    #[test]
    fn a_long_legend_wraps_below_the_plot() {
        let lines: Vec<Line> =
            (0..8).map(|i| line(&format!("方案 {} · required", i / 2), vec![1.0; 13], i / 2, i % 2 == 1)).collect();
        let one = capacity_lines(&chart(vec![line("A", vec![1.0; 13], 0, false)], vec![], &m), W);
        let many = capacity_lines(&chart(lines, vec![Opening { month: 1, count: 1, color: 3 }], &m), W);
        let height = |svg: &str| -> u32 {
            let vb = svg.split("viewBox=\"").nth(1).unwrap().split('"').next().unwrap();
            vb.split_whitespace().nth(3).unwrap().parse().unwrap()
        };
        let plot = Title::new("Required vs available", W).height() + plot_height(W);
        assert_eq!(height(&one), plot + layout::LEGEND_ROW + layout::LEGEND_PAD);
        assert!(height(&many) >= plot + 3 * layout::LEGEND_ROW, "{}", height(&many));
        // Narrower, the same legend takes more rows.
        let narrow = capacity_lines(
            &chart(
                (0..8).map(|i| line(&format!("方案 {} · required", i / 2), vec![1.0; 13], i / 2, i % 2 == 1)).collect(),
                vec![],
                &m,
            ),
            360,
        );
        let narrow_plot = Title::new("Required vs available", 360).height() + plot_height(360);
        assert!(height(&narrow) - narrow_plot > height(&many) - plot, "{}", height(&narrow));
        assert!(many.contains("方案 3 · required") && many.contains("Positions opened"));
    }
}
