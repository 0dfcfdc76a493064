//! Horizontal bars: one bar per category, largest at the top, its value written beside it.
//! Long category names (industries…) read better down the side than under columns.

use plotters::element::{EmptyElement, Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::nice_ceiling;
use super::svg;
use super::theme::{self, FONT};

pub const WIDTH: u32 = 720;
/// Most bars drawn; the caller says in `note` when some were left out.
pub const MAX_BARS: usize = 15;
const ROW: u32 = 26;
const NAME_CHARS: usize = 16;

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

/// The chart's height for `n` bars.
pub fn height_for(n: usize) -> u32 {
    (126 + ROW * n.clamp(1, MAX_BARS) as u32).max(236)
}

/// A name cut to fit the label column, with an ellipsis.
fn short_name(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        name.to_string()
    } else {
        let mut s: String = name.chars().take(NAME_CHARS - 1).collect();
        s.push('…');
        s
    }
}

pub fn horizontal_bars(chart: &HBarChart) -> String {
    let mut buf = String::new();
    // Only I/O can fail in plotters' backend, which a String never does.
    let _ = draw(chart, &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &HBarChart, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let n = c.categories.len().min(c.values.len()).min(MAX_BARS);
    let height = height_for(n);
    let root = SVGBackend::with_string(buf, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let values: Vec<f64> = c.values.iter().take(n).map(|v| if v.is_finite() { v.max(0.0) } else { 0.0 }).collect();
    let max = values.iter().copied().fold(0.0, f64::max);
    // Room on the right for the value written beside the longest bar.
    let top = nice_ceiling(max * 1.18);
    let rows = n.max(1) as f64;

    let muted = (FONT, theme::LABEL_SIZE).into_font().color(&theme::MUTED);
    let label_font = (FONT, theme::LABEL_SIZE).into_font().color(&theme::INK);
    let mut cc = ChartBuilder::on(&root)
        .caption(&c.title, (FONT, theme::TITLE_SIZE).into_font().color(&theme::INK))
        .margin(14)
        .margin_right(24)
        .margin_bottom(if c.note.is_some() { 30 } else { 14 })
        .x_label_area_size(44)
        .y_label_area_size(140)
        .build_cartesian_2d(0f64..top, rows..0f64)?;
    cc.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(5)
        .x_label_formatter(&|v| (c.format_value)(*v))
        .x_desc(c.x_title.as_str())
        .axis_desc_style((FONT, theme::AXIS_TITLE_SIZE).into_font().color(&theme::MUTED))
        .label_style(label_font.clone())
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme::GRID)
        .axis_style(theme::MUTED)
        .draw()?;
    if let Some(note) = &c.note {
        root.draw(&Text::new(
            note.clone(),
            (WIDTH as i32 / 2, height as i32 - 12),
            muted.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))?;
    }

    if n == 0 || max <= 0.0 {
        cc.plotting_area().draw(&Text::new(
            c.empty_message.clone(),
            (top / 2.0, rows / 2.0),
            (FONT, 15.0).into_font().color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        root.present()?;
        return Ok(());
    }

    let color = theme::series_color(c.color);
    let right_of = Pos::new(HPos::Left, VPos::Center);
    let left_of = Pos::new(HPos::Right, VPos::Center);
    for (i, (name, &v)) in c.categories.iter().zip(&values).enumerate() {
        let y = i as f64;
        cc.draw_series(std::iter::once(Rectangle::new([(0.0, y + 0.18), (v, y + 0.82)], color.filled())))?;
        let mid = (0.0, y + 0.5);
        cc.plotting_area()
            .draw(&(EmptyElement::at(mid) + Text::new(short_name(name), (-8, 0), label_font.clone().pos(left_of))))?;
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
        let svg = horizontal_bars(&chart(
            &["零售", "SaaS", "A very long industry name indeed"],
            &[900.0, 300.0, 10.0],
            &money,
        ));
        assert!(svg.contains("<title>ARR by industry</title>"));
        for text in ["零售", "SaaS", "A very long ind…", "$900", "$300", "$10", "Top 15 of 20"] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert_eq!(svg.matches("fill=\"#0072B2\"").count(), 3, "{svg}");
        assert!(!svg.contains("No data yet"));
    }

    #[test]
    fn at_most_fifteen_bars() {
        let names: Vec<String> = (0..40).map(|i| format!("I{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let values: Vec<f64> = (0..40).map(|i| 100.0 - i as f64).collect();
        let svg = horizontal_bars(&chart(&refs, &values, &money));
        assert_eq!(svg.matches("fill=\"#0072B2\"").count(), MAX_BARS);
        assert!(svg.contains(">\nI14\n") && !svg.contains(">\nI15\n"));
    }

    #[test]
    fn empty_and_escaped() {
        let svg = horizontal_bars(&chart(&[], &[], &money));
        assert!(svg.contains("No data yet"));
        let svg = horizontal_bars(&chart(&["<script>x</script>"], &[5.0], &money));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }
}
