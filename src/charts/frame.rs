//! The frame the category charts share (bars, stacked bars, lines, waterfalls): value axis from
//! 0 with its formatter and grid, one slot per category with its label under the axis, and the
//! "nothing to draw" message. The frame is laid out for the width it is drawn at: the value
//! axis as wide as its longest number, category labels on one row, staggered on two when they
//! are too wide for their slot, or (months, quarters) every k-th one.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::{EmptyElement, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{self, fit, text_width};
use super::theme::{self, font};

pub type Frame<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
pub type FrameError = DrawingAreaErrorKind<std::io::Error>;

pub struct Axes<'c> {
    pub x_title: &'c str,
    pub y_title: &'c str,
    pub categories: &'c [String],
    /// The top of the value axis.
    pub top: f64,
    pub format_value: &'c dyn Fn(f64) -> String,
}

const MARGIN_LEFT: u32 = 8;
const MARGIN_RIGHT: u32 = 16;
const MARGIN_TOP: u32 = 8;
const MARGIN_BOTTOM: u32 = 4;
/// The narrowest a bar slot gets.
const MIN_SLOT: f64 = 14.0;
/// Category names staggered on at most this many rows.
const MAX_ROWS: u32 = 3;

/// Many categories (twelve months) get the small size.
fn category_label_px(n: usize) -> f64 {
    if n > 8 {
        theme::SMALL_PX
    } else {
        theme::LABEL_PX
    }
}

/// A time axis (months, quarters; "Start" and "End" may bracket them): every label but the
/// first and last starts with a digit, so some may be left out without losing the thread.
fn sequential(categories: &[String]) -> bool {
    let n = categories.len();
    n >= 4 && categories[1..n - 1].iter().all(|c| c.starts_with(|ch: char| ch.is_ascii_digit()))
}

fn widest_label(categories: &[String], px: f64) -> f64 {
    categories.iter().map(|c| text_width(c, px)).fold(0.0, f64::max)
}

/// Pixels left of the plot: the longest tick number and the rotated axis title.
fn y_area(axes: &Axes) -> u32 {
    let ticks = (0..=20)
        .map(|k| text_width(&(axes.format_value)(axes.top * f64::from(k) / 20.0), theme::LABEL_PX))
        .fold(0.0, f64::max);
    let title = if axes.y_title.is_empty() { 0.0 } else { theme::AXIS_TITLE_PX * 1.3 + 6.0 };
    (ticks + 14.0 + title).ceil() as u32
}

fn min_plot(axes: &Axes) -> f64 {
    let n = axes.categories.len().max(1) as f64;
    // Crowded labels take the small size.
    let label = widest_label(axes.categories, theme::SMALL_PX) + 10.0;
    if sequential(axes.categories) {
        (n * MIN_SLOT).max(3.0 * label)
    } else {
        // Every name shown, on three staggered rows at worst.
        (n * MIN_SLOT).max(n * label / f64::from(MAX_ROWS))
    }
}

/// The narrowest width the frame can be drawn at.
pub fn min_width(axes: &Axes) -> u32 {
    (MARGIN_LEFT + MARGIN_RIGHT + y_area(axes) + min_plot(axes).ceil() as u32).max(layout::MIN_WIDTH)
}

/// The height of the plot with its axes at `width`: flatter on a phone, never squashed.
/// A chart's whole area (to present) and the area left for its plot.
pub type Canvas<'b> = (DrawingArea<SVGBackend<'b>, Shift>, DrawingArea<SVGBackend<'b>, Shift>);

/// The drawing area of a category chart: `width` wide, white, with `title` and `legend` drawn
/// at its top and room for the plot below them.
pub fn canvas<'b>(
    buf: &'b mut String,
    width: u32,
    title: &layout::Title,
    legend: &layout::Legend,
) -> Result<Canvas<'b>, Box<dyn std::error::Error + 'b>> {
    let height = title.height() + legend.height() + body_height(width);
    let root = SVGBackend::with_string(buf, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let area = title.draw(&root)?;
    let area = legend.draw(&area)?;
    Ok((root, area))
}

pub fn body_height(width: u32) -> u32 {
    (f64::from(width) * 0.55).clamp(260.0, 360.0) as u32
}

struct LabelPlan {
    px: f64,
    /// 1, or 2 or 3 for staggered labels.
    rows: u32,
    /// Every `step`-th label is drawn (and the last).
    step: usize,
    /// The widest a label may be.
    max: f64,
}

fn plan(axes: &Axes, plot_w: f64) -> LabelPlan {
    let n = axes.categories.len().max(1);
    let slot = plot_w / n as f64;
    let px = category_label_px(n);
    if widest_label(axes.categories, px) + 6.0 <= slot {
        return LabelPlan { px, rows: 1, step: 1, max: slot };
    }
    let px = theme::SMALL_PX;
    let widest = widest_label(axes.categories, px);
    if widest + 6.0 <= slot {
        LabelPlan { px, rows: 1, step: 1, max: slot }
    } else if widest + 10.0 <= 2.0 * slot || (widest + 10.0 <= 3.0 * slot && !sequential(axes.categories)) {
        let rows = if widest + 10.0 <= 2.0 * slot { 2 } else { 3 };
        LabelPlan { px, rows, step: 1, max: f64::from(rows) * slot - 10.0 }
    } else if !sequential(axes.categories) {
        LabelPlan { px, rows: MAX_ROWS, step: 1, max: f64::from(MAX_ROWS) * slot - 10.0 }
    } else {
        let step = ((widest + 10.0) / slot).ceil().max(1.0) as usize;
        LabelPlan { px, rows: 1, step, max: step as f64 * slot - 6.0 }
    }
}

/// The categories whose label is drawn: all, or every `step`-th and the last.
fn shown(n: usize, step: usize) -> Vec<usize> {
    if step <= 1 || n == 0 {
        return (0..n).collect();
    }
    let mut v: Vec<usize> = (0..n).step_by(step).collect();
    let last = n - 1;
    if v.last() != Some(&last) {
        if v.len() > 1 && v.last().is_some_and(|&p| last - p < step) {
            v.pop();
        }
        v.push(last);
    }
    v
}

fn x_area(axes: &Axes, plan: &LabelPlan) -> u32 {
    let line = (plan.px * 1.3).round();
    let title = if axes.x_title.is_empty() { 0.0 } else { theme::AXIS_TITLE_PX * 1.3 + 8.0 };
    (8.0 + f64::from(plan.rows) * line + title + 4.0).ceil() as u32
}

/// Draws the frame in `area` (under the title and legend); category `i` spans x = i..i+1.
pub fn category_frame<'a, 'b>(
    area: &'a DrawingArea<SVGBackend<'b>, Shift>,
    axes: &Axes,
) -> Result<Frame<'a, 'b>, FrameError> {
    let n = axes.categories.len().max(1);
    let (w, _) = area.dim_in_pixel();
    let y_area = y_area(axes);
    let plot_w = f64::from(w.saturating_sub(MARGIN_LEFT + MARGIN_RIGHT + y_area)).max(1.0);
    let plan = plan(axes, plot_w);
    let mut cc = ChartBuilder::on(area)
        .margin_top(MARGIN_TOP)
        .margin_bottom(MARGIN_BOTTOM)
        .margin_left(MARGIN_LEFT)
        .margin_right(MARGIN_RIGHT)
        .x_label_area_size(x_area(axes, &plan))
        .y_label_area_size(y_area)
        .build_cartesian_2d(0f64..n as f64, 0f64..axes.top)?;
    cc.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| (axes.format_value)(*v))
        .x_desc(axes.x_title)
        .y_desc(axes.y_title)
        .axis_desc_style(font(theme::AXIS_TITLE_PX).color(&theme::MUTED))
        .label_style(font(theme::LABEL_PX).color(&theme::INK))
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme::GRID)
        .axis_style(theme::MUTED)
        .draw()?;
    let label = font(plan.px).color(&theme::INK).pos(Pos::new(HPos::Center, VPos::Top));
    let line = (plan.px * 1.3).round() as i32;
    // A label wider than its slot (staggered, or every k-th) stays inside the chart.
    let (left, right) = (area.get_base_pixel().0 + 2, area.get_base_pixel().0 + w as i32 - 2);
    for i in shown(axes.categories.len(), plan.step) {
        let row = (i % plan.rows as usize) as i32;
        let text = fit(&axes.categories[i], plan.px, plan.max);
        let half = (text_width(&text, plan.px) / 2.0).ceil() as i32;
        let (x, _) = cc.backend_coord(&(i as f64 + 0.5, 0.0));
        let dx = (right - half - x).min(0) + (left + half - x).max(0);
        cc.plotting_area()
            .draw(&(EmptyElement::at((i as f64 + 0.5, 0.0)) + Text::new(text, (dx, 8 + row * line), label.clone())))?;
    }
    Ok(cc)
}

/// The highest a value label may reach: a little above the plot.
pub fn label_ceiling(cc: &Frame) -> f64 {
    let (_, y) = cc.plotting_area().get_pixel_range();
    f64::from(y.start) - 6.0
}

/// The message in the middle of an empty plot.
pub fn empty_message(cc: &Frame, message: &str, categories: usize, top: f64) -> Result<(), FrameError> {
    let (x, _) = cc.plotting_area().get_pixel_range();
    let max = f64::from(x.end - x.start) - 8.0;
    cc.plotting_area().draw(&Text::new(
        fit(message, theme::MESSAGE_PX, max),
        (categories.max(1) as f64 / 2.0, top / 2.0),
        font(theme::MESSAGE_PX).color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn time_axes_may_thin_their_labels() {
        assert!(sequential(&strings(&["2026-01", "2026-02", "2026-03", "2026-04"])));
        assert!(sequential(&strings(&["Start", "2026-02", "2026-03", "End"])));
        assert!(!sequential(&strings(&["Strategic", "Key", "Growth", "Long tail"])));
        assert_eq!(shown(5, 1), [0, 1, 2, 3, 4]);
        assert_eq!(shown(13, 3), [0, 3, 6, 9, 12]);
        assert_eq!(shown(12, 3), [0, 3, 6, 11]);
        assert_eq!(shown(14, 4), [0, 4, 8, 13]);
    }

    #[test]
    fn labels_go_on_one_row_staggered_rows_or_every_kth() {
        let fmt = |v: f64| format!("{v:.0}");
        let names = strings(&["Onboarding", "Adoption", "Expansion", "Renewal"]);
        let axes = Axes { x_title: "", y_title: "", categories: &names, top: 100.0, format_value: &fmt };
        assert_eq!(plan(&axes, 600.0).rows, 1);
        assert_eq!(plan(&axes, 260.0).rows, 2);
        assert_eq!(plan(&axes, 150.0).rows, 3);
        let months: Vec<String> = (1..=12).map(|m| format!("2026-{m:02}")).collect();
        let axes = Axes { categories: &months, ..axes };
        let p = plan(&axes, 240.0);
        assert_eq!((p.rows, p.step > 1), (1, true));
        assert!(min_width(&axes) <= 360, "{}", min_width(&axes));
    }
}
