//! Share bars (100 % stacked, horizontal): one bar per row (all accounts, then each tier), split into
//! parts (health bands…) that each carry their count as text, with a legend naming every part,
//! so colour is never the only cue.

use plotters::element::{EmptyElement, Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{self, fit, text_width, Legend, LegendEntry, Swatch, Title};
use super::svg;
use super::theme::{self, font};

const ROW: u32 = 44;
const MARGIN: u32 = 10;
/// The row names never take more than this share of the width; longer names are cut.
const NAME_SHARE: f64 = 0.3;

pub struct SharePart {
    pub name: String,
    pub color: RGBColor,
    /// One value per row.
    pub values: Vec<f64>,
}

pub struct ShareBarChart<'a> {
    pub title: String,
    pub x_title: String,
    pub rows: Vec<String>,
    pub parts: Vec<SharePart>,
    pub empty_message: String,
    /// The label inside a part (a count…); only drawn where the part is wide enough.
    pub format_value: &'a dyn Fn(f64) -> String,
}

/// Renders the chart to a standalone SVG document `width` pixels wide (at least
/// `layout::MIN_WIDTH`).
pub fn share_bars(chart: &ShareBarChart, width: u32) -> String {
    let mut buf = String::new();
    // Only I/O can fail in plotters' backend, which a String never does.
    let _ = draw(chart, width.max(layout::MIN_WIDTH), &mut buf);
    svg::finish(buf, &chart.title)
}

/// White text on dark parts, ink on light ones (the yellow and sky blue of the palette).
fn text_on(color: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = color;
    let luma = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luma > 150.0 {
        theme::INK
    } else {
        WHITE
    }
}

fn draw<'b>(c: &ShareBarChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let n = c.rows.len();
    let title = Title::new(&c.title, width);
    let entries =
        c.parts.iter().map(|p| LegendEntry { swatch: Swatch::Block(p.color), text: p.name.clone() }).collect();
    let legend = Legend::new(entries, width);
    let x_area = 50;
    let body = ROW * n.max(1) as u32 + x_area + 10;
    let height = title.height() + legend.height() + body;
    let root = SVGBackend::with_string(buf, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let area = title.draw(&root)?;
    // The legend names every part, so colour is never the only cue.
    let area = legend.draw(&area)?;

    let names_px = c.rows.iter().map(|s| text_width(s, theme::LABEL_PX)).fold(0.0, f64::max);
    let names_max = f64::from(width) * NAME_SHARE;
    let name_area = (names_px.min(names_max) + 14.0).max(40.0) as u32;
    let label_font = font(theme::LABEL_PX).color(&theme::INK);
    let mut cc = ChartBuilder::on(&area)
        .margin_top(4)
        .margin_left(MARGIN)
        .margin_right(MARGIN + 14)
        .margin_bottom(6)
        .x_label_area_size(x_area)
        .y_label_area_size(name_area)
        .build_cartesian_2d(0f64..100f64, n.max(1) as f64..0f64)?;
    let (plot_w, _) = cc.plotting_area().dim_in_pixel();
    cc.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(if plot_w < 240 { 3 } else { 6 })
        .x_label_formatter(&|v| format!("{v:.0}%"))
        .x_desc(c.x_title.as_str())
        .axis_desc_style(font(theme::AXIS_TITLE_PX).color(&theme::MUTED))
        .label_style(label_font.clone())
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme::GRID)
        .axis_style(theme::MUTED)
        .draw()?;

    let totals: Vec<f64> =
        (0..n).map(|i| c.parts.iter().filter_map(|p| p.values.get(i)).filter(|v| v.is_finite()).sum()).collect();
    if totals.iter().all(|t| *t <= 0.0) {
        cc.plotting_area().draw(&Text::new(
            fit(&c.empty_message, theme::MESSAGE_PX, f64::from(plot_w)),
            (50.0, n.max(1) as f64 / 2.0),
            font(theme::MESSAGE_PX).color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    let px_per_pct = f64::from(plot_w) / 100.0;
    let centre = Pos::new(HPos::Center, VPos::Center);
    let name_max = f64::from(name_area) - 12.0;
    for (i, name) in c.rows.iter().enumerate() {
        let y = i as f64;
        cc.plotting_area().draw(
            &(EmptyElement::at((0.0, y + 0.5))
                + Text::new(
                    fit(name, theme::LABEL_PX, name_max),
                    (-8, 0),
                    label_font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
                )),
        )?;
        let total = totals[i];
        if total <= 0.0 {
            continue;
        }
        let mut from = 0.0;
        for part in &c.parts {
            let v = part.values.get(i).copied().filter(|v| v.is_finite() && *v > 0.0).unwrap_or(0.0);
            if v == 0.0 {
                continue;
            }
            let to = from + v / total * 100.0;
            cc.draw_series(std::iter::once(Rectangle::new([(from, y + 0.15), (to, y + 0.85)], part.color.filled())))?;
            let label = (c.format_value)(v);
            if (to - from) * px_per_pct >= text_width(&label, theme::SMALL_PX) + 6.0 {
                let font = font(theme::SMALL_PX).color(&text_on(part.color)).pos(centre);
                cc.plotting_area().draw(&Text::new(label, ((from + to) / 2.0, y + 0.5), font))?;
            }
            from = to;
        }
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: u32 = crate::charts::DOWNLOAD_WIDTH;

    fn count(v: f64) -> String {
        format!("{v:.0}")
    }

    fn chart<'a>(
        rows: &[&str],
        parts: Vec<(&str, RGBColor, Vec<f64>)>,
        f: &'a dyn Fn(f64) -> String,
    ) -> ShareBarChart<'a> {
        ShareBarChart {
            title: "Health by tier".into(),
            x_title: "Share of accounts".into(),
            rows: rows.iter().map(|s| s.to_string()).collect(),
            parts: parts.into_iter().map(|(n, color, values)| SharePart { name: n.into(), color, values }).collect(),
            empty_message: "No data yet".into(),
            format_value: f,
        }
    }

    #[test]
    fn parts_with_counts_and_a_legend() {
        let svg = share_bars(
            &chart(
                &["全部", "战略客户"],
                vec![
                    ("风险 Red", theme::HEALTH_RED, vec![10.0, 0.0]),
                    ("关注 Yellow", theme::HEALTH_YELLOW, vec![30.0, 2.0]),
                    ("健康 Green", theme::HEALTH_GREEN, vec![60.0, 8.0]),
                ],
                &count,
            ),
            W,
        );
        for text in [
            "Health by tier",
            "全部",
            "战略客户",
            "风险 Red",
            "关注 Yellow",
            "健康 Green",
            ">\n60\n",
            ">\n30\n",
            ">\n8\n",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        // Red: legend + one part (the tier has none); yellow and green: legend + two parts.
        assert_eq!(svg.matches("fill=\"#D55E00\"").count(), 2, "{svg}");
        assert_eq!(svg.matches("fill=\"#E69F00\"").count(), 3);
        assert_eq!(svg.matches("fill=\"#009E73\"").count(), 3);
        assert!(!svg.contains("No data yet"));
    }

    #[test]
    fn empty_rows_say_so_and_text_is_escaped() {
        let svg = share_bars(&chart(&["<i>All</i>"], vec![("A&B", theme::HEALTH_NONE, vec![0.0])], &count), W);
        assert!(svg.contains("No data yet"));
        assert!(svg.contains("&lt;i&gt;All&lt;/i&gt;") && svg.contains("A&amp;B"));
        assert!(!svg.contains("<i>"));
    }
}
