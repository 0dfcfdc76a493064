//! The value × fit quadrant as a binned scatter: one circle per non-empty cell of the grid,
//! its area the number of accounts in the cell, so 100,000 accounts never make 100,000 nodes.
//! x is ARR on a log scale (whole decades), y is fit 0–100; the two threshold lines split the
//! plane into the four named quadrants.

use plotters::element::{Circle, DashedPathElement, EmptyElement, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::quadrant::{quadrant_of, Quadrant, ScatterGrid};

use super::svg;
use super::theme::{self, FONT};

pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 500;
/// Empty bands above 100 and below 0 hold the quadrant names, clear of the circles.
const Y_BAND: f64 = 9.0;

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

pub fn quadrant_chart(chart: &QuadrantChart) -> String {
    let mut buf = String::new();
    // Only I/O can fail in plotters' backend, which a String never does.
    let _ = draw(chart, &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &QuadrantChart, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let root = SVGBackend::with_string(buf, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let g = c.grid;
    let (x0, x1) = (g.log10_arr_from, g.log10_arr_to.max(g.log10_arr_from + 1.0));
    let label_font = (FONT, theme::LABEL_SIZE).into_font().color(&theme::INK);
    let muted = (FONT, 12.0).into_font().color(&theme::MUTED);
    let mut cc = ChartBuilder::on(&root)
        .caption(&c.title, (FONT, theme::TITLE_SIZE).into_font().color(&theme::INK))
        .margin(14)
        .margin_right(30)
        .margin_bottom(30)
        .x_label_area_size(50)
        .y_label_area_size(56)
        .build_cartesian_2d(x0..x1, -Y_BAND..100.0 + Y_BAND)?;
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
        .axis_desc_style((FONT, theme::AXIS_TITLE_SIZE).into_font().color(&theme::MUTED))
        .label_style(label_font.clone())
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme::GRID)
        .axis_style(theme::MUTED)
        .draw()?;

    // Decade ticks, labelled as money: $100, $1K, $10K…
    let decades = (x0.round() as i32)..=(x1.round() as i32);
    let centre_top = Pos::new(HPos::Center, VPos::Top);
    for k in decades {
        let x = f64::from(k);
        cc.draw_series(std::iter::once(PathElement::new(vec![(x, 0.0), (x, 100.0)], theme::GRID)))?;
        cc.plotting_area().draw(
            &(EmptyElement::at((x, -Y_BAND))
                + Text::new((c.format_money)(10f64.powi(k)), (0, 8), label_font.clone().pos(centre_top))),
        )?;
    }

    if g.max_count == 0 {
        cc.plotting_area().draw(&Text::new(
            c.empty_message.clone(),
            ((x0 + x1) / 2.0, 50.0),
            (FONT, 15.0).into_font().color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        root.present()?;
        return Ok(());
    }

    // Under the axis title (when there are circles), so that nobody reads a circle as one account.
    root.draw(&Text::new(
        c.binned_note.clone(),
        (WIDTH as i32 / 2, HEIGHT as i32 - 12),
        muted.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;

    // Circle radius in pixels: the fullest cell's circle just fills its cell, so neighbours
    // barely touch.
    let (plot_w, plot_h) = cc.plotting_area().dim_in_pixel();
    let cell_px = (f64::from(plot_w) / g.columns.max(1) as f64).min(f64::from(plot_h) / g.rows.max(1) as f64);
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

    // Threshold lines, dashed, with their values.
    let line = ShapeStyle::from(&theme::INK).stroke_width(2);
    if let Some(v) = c.value_threshold.filter(|v| v.is_finite()) {
        let x = v.max(1.0).log10().clamp(x0, x1);
        cc.plotting_area().draw(&DashedPathElement::new(vec![(x, -Y_BAND), (x, 100.0 + Y_BAND)], 6, 4, line))?;
        cc.plotting_area().draw(
            &(EmptyElement::at((x, -Y_BAND / 2.0))
                + Text::new((c.format_money)(v), (5, 0), muted.clone().pos(Pos::new(HPos::Left, VPos::Center)))),
        )?;
    }
    let fit = c.fit_threshold.clamp(0.0, 100.0);
    cc.plotting_area().draw(&DashedPathElement::new(vec![(x0, fit), (x1, fit)], 6, 4, line))?;
    cc.plotting_area().draw(
        &(EmptyElement::at((x1, fit))
            + Text::new(format!("{fit:.0}"), (4, 0), muted.clone().pos(Pos::new(HPos::Left, VPos::Center)))),
    )?;

    // The quadrant names in the plot's corners: Potential top-left, Panda top-right,
    // Tool bottom-left, Oasis bottom-right.
    let name_font = (FONT, 14.0).into_font().style(FontStyle::Bold);
    let (top, bottom) = (100.0 + Y_BAND / 2.0, -Y_BAND / 2.0);
    let corners = [
        (Quadrant::Panda, (x1, top), (-8, 0), Pos::new(HPos::Right, VPos::Center)),
        (Quadrant::Potential, (x0, top), (8, 0), Pos::new(HPos::Left, VPos::Center)),
        (Quadrant::Tool, (x0, bottom), (8, 0), Pos::new(HPos::Left, VPos::Center)),
        (Quadrant::Oasis, (x1, bottom), (-8, 0), Pos::new(HPos::Right, VPos::Center)),
    ];
    for (q, at, offset, pos) in corners {
        let font = name_font.clone().color(&quadrant_color(q).mix(1.0)).pos(pos);
        cc.plotting_area()
            .draw(&(EmptyElement::at(at) + Text::new(c.quadrant_labels[q as usize].clone(), offset, font)))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let svg = quadrant_chart(&chart(&g, zh, &money));
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
        let svg = quadrant_chart(&chart(&g, ["Panda", "Potential", "Tool", "Oasis"], &money));
        assert_eq!(svg.matches("<circle").count(), 800);
        assert!(svg.len() < 400_000, "{} bytes", svg.len());
    }

    #[test]
    fn empty_grid_says_so() {
        let g = grid(vec![0; 4], 2, 2);
        let svg = quadrant_chart(&chart(&g, ["Panda", "Potential", "Tool", "Oasis"], &money));
        assert!(svg.contains("No scored accounts"));
        assert_eq!(svg.matches("<circle").count(), 0);
    }

    #[test]
    fn labels_are_escaped() {
        let g = grid(vec![1, 0, 0, 0], 2, 2);
        let svg = quadrant_chart(&chart(&g, ["<b>P</b>", "B", "C", "D"], &money));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;b&gt;P&lt;/b&gt;"));
    }
}
