//! The value × fit quadrant as a binned scatter: one circle per non-empty cell of the grid,
//! its area the number of accounts in the cell, so 100,000 accounts never make 100,000 nodes.
//! x is ARR on a log scale (whole decades), y is fit 0–100; the two threshold lines split the
//! plane into the four named quadrants.

use plotters::element::{Circle, DashedPathElement, EmptyElement, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::quadrant::{quadrant_of, Quadrant, ScatterGrid};

use super::layout::{self, fit, text_width, wrap, Placer, Title};
use super::svg;
use super::theme::{self, font};

const MARGIN_LEFT: u32 = 8;
/// Room right of the plot for the fit threshold's number.
const MARGIN_RIGHT: u32 = 30;
const X_AREA: u32 = 50;
const NAME_PX: f64 = 14.0;

/// Everything the quadrant chart shows, texts already in the reader's language.
pub struct QuadrantChart<'a> {
    pub title: String,
    pub x_title: String,
    pub y_title: String,
    pub grid: &'a ScatterGrid,
    /// `None` when there is no threshold (no active accounts): no line is drawn.
    pub value_threshold: Option<f64>,
    pub fit_threshold: f64,
    /// In `Quadrant::ALL` order: Panda, Potential, Tool, Oasis (name and count).
    pub quadrant_labels: [String; 4],
    /// Says the chart is binned, e.g. "Binned: 40 × 20 cells; circle area = accounts (max 57)".
    pub binned_note: String,
    pub empty_message: String,
    pub format_money: &'a dyn Fn(f64) -> String,
}

/// Colour of each quadrant's circles (palette order: Panda blue, Potential green, Tool grey-ish
/// sky, Oasis vermillion).
pub fn quadrant_color(q: Quadrant) -> RGBColor {
    match q {
        Quadrant::Panda => theme::SERIES[0],
        Quadrant::Potential => theme::SERIES[2],
        Quadrant::Tool => theme::SERIES[4],
        Quadrant::Oasis => theme::SERIES[5],
    }
}

/// The y axis: its numbers and its rotated title.
fn y_area(c: &QuadrantChart) -> u32 {
    let title = if c.y_title.is_empty() { 0.0 } else { theme::AXIS_TITLE_PX * 1.3 + 6.0 };
    (text_width("100", theme::LABEL_PX) + 14.0 + title).ceil() as u32
}

fn name_width(c: &QuadrantChart, q: Quadrant) -> f64 {
    text_width(&c.quadrant_labels[q as usize], NAME_PX) + 8.0
}

/// The two names of a band side by side, with room between them.
fn band_width(c: &QuadrantChart) -> f64 {
    let top = name_width(c, Quadrant::Potential) + name_width(c, Quadrant::Panda);
    let bottom = name_width(c, Quadrant::Tool) + name_width(c, Quadrant::Oasis);
    top.max(bottom) + 24.0
}

/// The narrowest the chart is drawn: a plot of 220 px, or as wide as a band's two names
/// stacked (the longer one alone on its line).
pub fn min_width(c: &QuadrantChart) -> u32 {
    let widest = Quadrant::ALL.iter().map(|&q| name_width(c, q)).fold(0.0, f64::max) + 16.0;
    let plot = widest.max(220.0);
    (f64::from(MARGIN_LEFT + MARGIN_RIGHT + y_area(c)) + plot).ceil().max(f64::from(layout::MIN_WIDTH)) as u32
}

/// Renders the chart to a standalone SVG document `width` pixels wide (or `min_width`).
pub fn quadrant_chart(chart: &QuadrantChart, width: u32) -> String {
    let mut buf = String::new();
    // Only I/O can fail in plotters' backend, which a String never does.
    let _ = draw(chart, width.max(min_width(chart)), &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &QuadrantChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let g = c.grid;
    let (x0, x1) = (g.log10_arr_from, g.log10_arr_to.max(g.log10_arr_from + 1.0));
    let title = Title::new(&c.title, width);
    let show_note = g.max_count > 0 && !c.binned_note.is_empty();
    let note_lines =
        if show_note { wrap(&c.binned_note, theme::SMALL_PX, f64::from(width) - 24.0, 2) } else { Vec::new() };
    let note_line = (theme::SMALL_PX * 1.3).round() as u32;
    let note_height = note_lines.len() as u32 * note_line + 8;
    let body = (f64::from(width) * 0.72).clamp(340.0, 460.0) as u32;
    let height = title.height() + body + note_height;
    let root = SVGBackend::with_string(buf, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let area = title.draw(&root)?;
    let (area, note_area) = area.split_vertically(body);

    // Bands above 100 and below 0 hold the quadrant names, clear of the circles: one line when
    // a band's two names fit side by side, two (one name each) when they do not.
    let y_area = y_area(c);
    let plot_w = f64::from(width.saturating_sub(MARGIN_LEFT + MARGIN_RIGHT + y_area));
    let stacked = band_width(c) > plot_w;
    let name_line = (NAME_PX * 1.35).round();
    let band_px = if stacked { 2.0 * name_line + 8.0 } else { name_line + 10.0 };
    let plot_h = f64::from(body.saturating_sub(X_AREA + 10 + 4));
    let band = 100.0 * band_px / (plot_h - 2.0 * band_px).max(60.0);

    let label_font = font(theme::LABEL_PX).color(&theme::INK);
    let muted = font(theme::SMALL_PX).color(&theme::MUTED);
    let mut cc = ChartBuilder::on(&area)
        .margin_top(10)
        .margin_left(MARGIN_LEFT)
        .margin_right(MARGIN_RIGHT)
        .margin_bottom(4)
        .x_label_area_size(X_AREA)
        .y_label_area_size(y_area)
        .build_cartesian_2d(x0..x1, -band..100.0 + band)?;
    cc.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| {
            if (0.0..=100.0).contains(v) {
                format!("{v:.0}")
            } else {
                String::new()
            }
        })
        .x_desc(c.x_title.as_str())
        .y_desc(c.y_title.as_str())
        .axis_desc_style(font(theme::AXIS_TITLE_PX).color(&theme::MUTED))
        .label_style(label_font.clone())
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme::GRID)
        .axis_style(theme::MUTED)
        .draw()?;

    // Under the axis: the value threshold first (it matters most), then the decades as money
    // ($100, $1K, $10K…) where they do not run into it or each other.
    let mut axis_row = Placer::default();
    let centre_top = Pos::new(HPos::Center, VPos::Top);
    let label_h = theme::LABEL_PX * 1.2;
    let mut axis_label = |x: f64, text: String, style: TextStyle| -> Result<(), Box<dyn std::error::Error + 'b>> {
        let (px, py) = cc.backend_coord(&(x, -band));
        let w = text_width(&text, theme::LABEL_PX);
        let bottom = f64::from(py) + 8.0 + label_h;
        // Only the first spot: a label that would overlap is left out.
        if axis_row.above(f64::from(px), bottom, w + 6.0, label_h, bottom - label_h - 1.0).is_some() {
            root.draw(&Text::new(text, (px, py + 8), style.pos(centre_top)))?;
        }
        Ok(())
    };
    let threshold_x = c.value_threshold.filter(|v| v.is_finite()).map(|v| v.max(1.0).log10().clamp(x0, x1));
    if let (Some(x), Some(v)) = (threshold_x, c.value_threshold) {
        axis_label(x, (c.format_money)(v), font(theme::LABEL_PX).style(FontStyle::Bold).color(&theme::INK))?;
    }
    for k in (x0.round() as i32)..=(x1.round() as i32) {
        axis_label(f64::from(k), (c.format_money)(10f64.powi(k)), label_font.clone())?;
    }
    for k in (x0.round() as i32)..=(x1.round() as i32) {
        let x = f64::from(k);
        cc.draw_series(std::iter::once(PathElement::new(vec![(x, 0.0), (x, 100.0)], theme::GRID)))?;
    }

    if g.max_count == 0 {
        cc.plotting_area().draw(&Text::new(
            fit(&c.empty_message, theme::MESSAGE_PX, plot_w - 8.0),
            ((x0 + x1) / 2.0, 50.0),
            font(theme::MESSAGE_PX).color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        root.present()?;
        return Ok(());
    }

    // Under the chart (when there are circles), so that nobody reads a circle as one account.
    for (i, line) in note_lines.iter().enumerate() {
        note_area.draw(&Text::new(
            line.clone(),
            (width as i32 / 2, 2 + (i as u32 * note_line) as i32),
            muted.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }

    // Circle radius in pixels: the fullest cell's circle just fills its cell, so neighbours
    // barely touch.
    let (plot_wpx, plot_hpx) = cc.plotting_area().dim_in_pixel();
    let cell_px = (f64::from(plot_wpx) / g.columns.max(1) as f64).min(f64::from(plot_hpx) / g.rows.max(1) as f64);
    let max_r = (cell_px * 0.55).clamp(3.0, 22.0);
    let vt = c.value_threshold.unwrap_or(f64::INFINITY);
    for row in 0..g.rows {
        let (fit_lo, fit_hi) = g.row_fit(row);
        for column in 0..g.columns {
            let count = g.count(column, row);
            if count == 0 {
                continue;
            }
            let (arr_lo, arr_hi) = g.column_arr(column);
            let (cx, cy) = (((arr_lo * arr_hi).sqrt()).log10(), (fit_lo + fit_hi) / 2.0);
            let q = quadrant_of(10f64.powf(cx), cy, vt, c.fit_threshold);
            let r = (max_r * (f64::from(count) / f64::from(g.max_count)).sqrt()).max(2.0);
            cc.draw_series(std::iter::once(Circle::new((cx, cy), r, quadrant_color(q).mix(0.75).filled())))?;
        }
    }

    // Threshold lines, dashed; the fit threshold's number right of the plot.
    let line = ShapeStyle::from(&theme::INK).stroke_width(2);
    if let Some(x) = threshold_x {
        cc.plotting_area().draw(&DashedPathElement::new(vec![(x, -band), (x, 100.0 + band)], 6, 4, line))?;
    }
    let fit_t = c.fit_threshold.clamp(0.0, 100.0);
    cc.plotting_area().draw(&DashedPathElement::new(vec![(x0, fit_t), (x1, fit_t)], 6, 4, line))?;
    cc.plotting_area().draw(
        &(EmptyElement::at((x1, fit_t))
            + Text::new(format!("{fit_t:.0}"), (4, 0), muted.clone().pos(Pos::new(HPos::Left, VPos::Center)))),
    )?;

    // The quadrant names in the plot's corners: Potential top-left, Panda top-right,
    // Tool bottom-left, Oasis bottom-right; stacked, the left name on the upper line.
    let name_font = font(NAME_PX).style(FontStyle::Bold);
    let (top_mid, bottom_mid) = (100.0 + band / 2.0, -band / 2.0);
    let half = (name_line / 2.0) as i32;
    let (upper, lower) = if stacked { (-half, half) } else { (0, 0) };
    let name_max = plot_w - 16.0;
    let corners = [
        (Quadrant::Panda, (x1, top_mid), (-8, lower), HPos::Right),
        (Quadrant::Potential, (x0, top_mid), (8, upper), HPos::Left),
        (Quadrant::Tool, (x0, bottom_mid), (8, upper), HPos::Left),
        (Quadrant::Oasis, (x1, bottom_mid), (-8, lower), HPos::Right),
    ];
    for (q, at, offset, h) in corners {
        let font = name_font.clone().color(&quadrant_color(q).mix(1.0)).pos(Pos::new(h, VPos::Center));
        let text = fit(&c.quadrant_labels[q as usize], NAME_PX, name_max);
        cc.plotting_area().draw(&(EmptyElement::at(at) + Text::new(text, offset, font)))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: u32 = crate::charts::DOWNLOAD_WIDTH;

    fn money(v: f64) -> String {
        if v >= 1000.0 {
            format!("${}K", v / 1000.0)
        } else {
            format!("${v}")
        }
    }

    fn grid(counts: Vec<u32>, columns: usize, rows: usize) -> ScatterGrid {
        let max_count = counts.iter().copied().max().unwrap_or(0);
        ScatterGrid { columns, rows, log10_arr_from: 3.0, log10_arr_to: 5.0, counts, max_count }
    }

    fn chart<'a>(g: &'a ScatterGrid, labels: [&str; 4], f: &'a dyn Fn(f64) -> String) -> QuadrantChart<'a> {
        QuadrantChart {
            title: "Value × fit".into(),
            x_title: "ARR (log scale)".into(),
            y_title: "Fit".into(),
            grid: g,
            value_threshold: Some(5_000.0),
            fit_threshold: 50.0,
            quadrant_labels: labels.map(String::from),
            binned_note: "Binned: 2 × 2 cells".into(),
            empty_message: "No scored accounts".into(),
            format_money: f,
        }
    }

    #[test]
    fn one_circle_per_non_empty_cell_with_names_lines_and_note() {
        // 2 × 2 cells, row 0 = low fit: (col 0, row 0) 1, (col 0, row 1) 2, (col 1, row 0) 5.
        let g = grid(vec![1, 5, 2, 0], 2, 2);
        let zh = ["大熊猫 Panda · 0", "潜力牛 · 2", "工具型 · 1", "绿洲 · 5"];
        let svg = quadrant_chart(&chart(&g, zh, &money), W);
        assert_eq!(svg.matches("<circle").count(), 3, "{svg}");
        for text in zh.iter().copied().chain(["Binned: 2 × 2 cells", "$1K", "$10K", "$100K", "$5K", "ARR (log scale)"])
        {
            assert!(svg.contains(text), "missing {text}");
        }
        // Two dashed threshold lines.
        assert!(svg.matches("<polyline").count() + svg.matches("<line").count() >= 2);
        assert!(!svg.contains("No scored accounts"));
    }

    #[test]
    fn a_hundred_thousand_accounts_stay_a_grid() {
        let g = grid(vec![2_500; 40 * 20], 40, 20);
        let svg = quadrant_chart(&chart(&g, ["Panda", "Potential", "Tool", "Oasis"], &money), W);
        assert_eq!(svg.matches("<circle").count(), 800);
        assert!(svg.len() < 400_000, "{} bytes", svg.len());
    }

    #[test]
    fn empty_grid_says_so() {
        let g = grid(vec![0; 4], 2, 2);
        let svg = quadrant_chart(&chart(&g, ["Panda", "Potential", "Tool", "Oasis"], &money), W);
        assert!(svg.contains("No scored accounts"));
        assert_eq!(svg.matches("<circle").count(), 0);
    }

    #[test]
    fn labels_are_escaped() {
        let g = grid(vec![1, 0, 0, 0], 2, 2);
        let svg = quadrant_chart(&chart(&g, ["<b>P</b>", "B", "C", "D"], &money), W);
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;b&gt;P&lt;/b&gt;"));
    }
}
