//! Horizontal bars: one bar per category, largest at the top, its value written beside it.
//! Long category names (industries…) read better down the side than under columns.

use plotters::element::{EmptyElement, Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{self, fit, text_width, wrap, Title};
use super::svg;
use super::theme::{self, font};

/// Most bars drawn; the caller says in `note` when some were left out.
pub const MAX_BARS: usize = 15;
const ROW: u32 = 28;
/// The name column never takes more than this share of the width; longer names are cut.
const NAME_SHARE: f64 = 0.36;
const MARGIN: u32 = 10;

/// Everything a horizontal bar chart shows, texts already in the reader's language.
pub struct HBarChart<'a> {
    pub title: String,
    pub x_title: String,
    pub categories: Vec<String>,
    pub values: Vec<f64>,
    /// Index into the palette.
    pub color: usize,
    /// A line under the title, e.g. "top 15 of 40 industries by ARR".
    pub note: Option<String>,
    pub empty_message: String,
    pub format_value: &'a dyn Fn(f64) -> String,
}

impl HBarChart<'_> {
    fn count(&self) -> usize {
        self.categories.len().min(self.values.len()).min(MAX_BARS)
    }

    fn values(&self) -> Vec<f64> {
        self.values.iter().take(self.count()).map(|v| if v.is_finite() { v.max(0.0) } else { 0.0 }).collect()
    }

    fn widest_value(&self) -> f64 {
        self.values().iter().map(|v| text_width(&(self.format_value)(*v), theme::LABEL_PX)).fold(0.0, f64::max)
    }
}

/// The narrowest the chart is drawn: names (cut to 9 characters or so), a bar and its value.
pub fn min_width(c: &HBarChart) -> u32 {
    let names = text_width("Mmmmmmm…", theme::LABEL_PX);
    ((names + 120.0 + c.widest_value() + 12.0) as u32 + 2 * MARGIN).max(layout::MIN_WIDTH)
}

/// Renders the chart to a standalone SVG document `width` pixels wide (or `min_width`).
pub fn horizontal_bars(chart: &HBarChart, width: u32) -> String {
    let mut buf = String::new();
    // Only I/O can fail in plotters' backend, which a String never does.
    let _ = draw(chart, width.max(min_width(chart)), &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &HBarChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let n = c.count();
    let values = c.values();
    let max = values.iter().copied().fold(0.0, f64::max);
    let title = Title::new(&c.title, width);
    let note_lines =
        c.note.as_deref().map(|t| wrap(t, theme::SMALL_PX, f64::from(width) - 24.0, 2)).unwrap_or_default();
    let note_line = (theme::SMALL_PX * 1.3).round() as u32;
    let note_height = if note_lines.is_empty() { 0 } else { note_lines.len() as u32 * note_line + 6 };
    let x_area = 50;
    let body = ROW * n.clamp(1, MAX_BARS) as u32 + x_area + 8;
    let height = title.height() + body.max(120) + note_height + 6;
    let root = SVGBackend::with_string(buf, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let area = title.draw(&root)?;
    let (area, note_area) = area.split_vertically(body.max(120));

    // The name column: as wide as the longest name, within its share of the width.
    let names_px = c.categories.iter().take(n).map(|s| text_width(s, theme::LABEL_PX)).fold(0.0, f64::max);
    let names_max = (f64::from(width) * NAME_SHARE).max(text_width("Mmmmmmm…", theme::LABEL_PX));
    let name_area = (names_px.min(names_max) + 14.0).max(40.0) as u32;
    // Room right of the longest bar for its value.
    let plot_w = f64::from(width.saturating_sub(name_area + 2 * MARGIN + 8)).max(1.0);
    let value_w = c.widest_value() + 10.0;
    let share = (value_w / plot_w).min(0.6);
    // Not rounded to a nice number, which could halve the bars: the ticks are nice anyway.
    let top = if max > 0.0 { max / (1.0 - share) * 1.02 } else { 1.0 };
    let rows = n.max(1) as f64;

    let label_font = font(theme::LABEL_PX).color(&theme::INK);
    // The last tick's number is centred on the plot's right edge.
    let tick_half = (text_width(&(c.format_value)(top), theme::LABEL_PX) / 2.0).ceil() as u32;
    let mut cc = ChartBuilder::on(&area)
        .margin_top(4)
        .margin_left(MARGIN)
        .margin_right((MARGIN + 8).max(tick_half + 4))
        .margin_bottom(4)
        .x_label_area_size(x_area)
        .y_label_area_size(name_area)
        .build_cartesian_2d(0f64..top, rows..0f64)?;
    cc.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(if plot_w < 260.0 { 3 } else { 5 })
        .x_label_formatter(&|v| (c.format_value)(*v))
        .x_desc(c.x_title.as_str())
        .axis_desc_style(font(theme::AXIS_TITLE_PX).color(&theme::MUTED))
        .label_style(label_font.clone())
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme::GRID)
        .axis_style(theme::MUTED)
        .draw()?;
    let muted = font(theme::SMALL_PX).color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Top));
    for (i, line) in note_lines.iter().enumerate() {
        note_area.draw(&Text::new(line.clone(), (width as i32 / 2, (i as u32 * note_line) as i32), muted.clone()))?;
    }

    if n == 0 || max <= 0.0 {
        cc.plotting_area().draw(&Text::new(
            fit(&c.empty_message, theme::MESSAGE_PX, plot_w),
            (top / 2.0, rows / 2.0),
            font(theme::MESSAGE_PX).color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        root.present()?;
        return Ok(());
    }

    let color = theme::series_color(c.color);
    let right_of = Pos::new(HPos::Left, VPos::Center);
    let left_of = Pos::new(HPos::Right, VPos::Center);
    let name_max = f64::from(name_area) - 12.0;
    for (i, (name, &v)) in c.categories.iter().zip(&values).enumerate() {
        let y = i as f64;
        cc.draw_series(std::iter::once(Rectangle::new([(0.0, y + 0.18), (v, y + 0.82)], color.filled())))?;
        let mid = (0.0, y + 0.5);
        cc.plotting_area().draw(
            &(EmptyElement::at(mid)
                + Text::new(fit(name, theme::LABEL_PX, name_max), (-8, 0), label_font.clone().pos(left_of))),
        )?;
        cc.plotting_area().draw(
            &(EmptyElement::at((v, y + 0.5))
                + Text::new((c.format_value)(v), (5, 0), label_font.clone().pos(right_of))),
        )?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: u32 = crate::charts::DOWNLOAD_WIDTH;

    fn money(v: f64) -> String {
        format!("${v:.0}")
    }

    fn chart<'a>(names: &[&str], values: &[f64], f: &'a dyn Fn(f64) -> String) -> HBarChart<'a> {
        HBarChart {
            title: "ARR by industry".into(),
            x_title: "ARR".into(),
            categories: names.iter().map(|s| s.to_string()).collect(),
            values: values.to_vec(),
            color: 0,
            note: Some("Top 15 of 20".into()),
            empty_message: "No data yet".into(),
            format_value: f,
        }
    }

    #[test]
    fn one_bar_and_two_labels_per_category() {
        let svg = horizontal_bars(
            &chart(&["零售", "SaaS", "A very long industry name indeed"], &[900.0, 300.0, 10.0], &money),
            W,
        );
        assert!(svg.contains("<title>ARR by industry</title>"));
        for text in ["零售", "SaaS", "A very long industry name indeed", "$900", "$300", "$10", "Top 15 of 20"] {
            assert!(svg.contains(text), "missing {text}");
        }
        // Narrow, a long name is cut to its column.
        let narrow =
            horizontal_bars(&chart(&["零售", "A very long industry name indeed"], &[900.0, 10.0], &money), 300);
        assert!(narrow.contains("A very long") && narrow.contains('…'), "{narrow}");
        assert!(!narrow.contains("name indeed"));
        assert_eq!(svg.matches("fill=\"#0072B2\"").count(), 3, "{svg}");
        assert!(!svg.contains("No data yet"));
    }

    #[test]
    fn at_most_fifteen_bars() {
        let names: Vec<String> = (0..40).map(|i| format!("I{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let values: Vec<f64> = (0..40).map(|i| 100.0 - i as f64).collect();
        let svg = horizontal_bars(&chart(&refs, &values, &money), W);
        assert_eq!(svg.matches("fill=\"#0072B2\"").count(), MAX_BARS);
        assert!(svg.contains(">\nI14\n") && !svg.contains(">\nI15\n"));
    }

    #[test]
    fn empty_and_escaped() {
        let svg = horizontal_bars(&chart(&[], &[], &money), W);
        assert!(svg.contains("No data yet"));
        let svg = horizontal_bars(&chart(&["<script>x</script>"], &[5.0], &money), W);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }
}
