//! Stacked bar charts: one bar per category, its segments one per series, the total on top.

use plotters::element::{Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::nice_ceiling;
use super::frame;
use super::layout::{text_width, Legend, LegendEntry, Placer, Swatch, Title};
use super::svg;
use super::theme::{self, font};

pub struct StackSeries {
    pub name: String,
    pub color: RGBColor,
    /// One value per category; negative and non-finite values are drawn as nothing.
    pub values: Vec<f64>,
}

/// Everything a stacked bar chart shows, texts already in the reader's language.
pub struct StackedChart<'a> {
    pub title: String,
    pub x_title: String,
    pub y_title: String,
    pub categories: Vec<String>,
    /// Bottom segment first.
    pub series: Vec<StackSeries>,
    /// A fixed top of the value axis (100 for percentages); `None` rounds the data maximum up.
    pub y_max: Option<f64>,
    pub empty_message: String,
    pub format_value: &'a dyn Fn(f64) -> String,
}

fn drawn(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

impl StackedChart<'_> {
    /// The height of each category's bar.
    pub fn totals(&self) -> Vec<f64> {
        (0..self.categories.len())
            .map(|i| self.series.iter().map(|s| drawn(s.values.get(i).copied().unwrap_or(0.0))).sum())
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.totals().iter().all(|t| *t == 0.0)
    }

    fn axes(&self) -> frame::Axes<'_> {
        let top = self.y_max.unwrap_or_else(|| nice_ceiling(self.totals().iter().copied().fold(0.0, f64::max) * 1.12));
        frame::Axes {
            x_title: &self.x_title,
            y_title: &self.y_title,
            categories: &self.categories,
            top,
            format_value: self.format_value,
        }
    }
}

/// Renders the chart to a standalone SVG document `width` pixels wide (more if its labels need
/// more: see `frame::min_width`).
pub fn stacked_bars(chart: &StackedChart, width: u32) -> String {
    let mut buf = String::new();
    // A String target never fails; an error would leave a partial chart, never a panic.
    let _ = draw(chart, width.max(frame::min_width(&chart.axes())), &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &StackedChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let axes = c.axes();
    let top = axes.top;
    let n = c.categories.len().max(1);
    let totals = c.totals();
    let title = Title::new(&c.title, width);
    // One series needs no legend: the axis title says what it is.
    let entries = if c.series.len() > 1 && !c.is_empty() {
        c.series.iter().map(|s| LegendEntry { swatch: Swatch::Block(s.color), text: s.name.clone() }).collect()
    } else {
        Vec::new()
    };
    let legend = Legend::new(entries, width);
    let (root, area) = frame::canvas(buf, width, &title, &legend)?;
    let mut cc = frame::category_frame(&area, &axes)?;
    if c.is_empty() {
        frame::empty_message(&cc, &c.empty_message, n, top)?;
        root.present()?;
        return Ok(());
    }

    let (left, right) = (0.18, 0.82);
    let mut base = vec![0.0_f64; c.categories.len()];
    for series in &c.series {
        let color = series.color;
        let mut bars = Vec::new();
        for (i, b) in base.iter_mut().enumerate() {
            let v = drawn(series.values.get(i).copied().unwrap_or(0.0));
            if v > 0.0 {
                let x = i as f64;
                bars.push(Rectangle::new([(x + left, (*b).min(top)), (x + right, (*b + v).min(top))], color.filled()));
                *b += v;
            }
        }
        cc.draw_series(bars)?;
    }
    // Totals over the bars where there is room; the axis tells the rest.
    let mut placer = Placer::default();
    for (i, &total) in totals.iter().enumerate().filter(|(_, t)| **t > 0.0) {
        let (l, t) = cc.backend_coord(&(i as f64 + left, total.min(top)));
        let (r, b) = cc.backend_coord(&(i as f64 + right, 0.0));
        placer.block((f64::from(l), f64::from(t), f64::from(r), f64::from(b)));
    }
    let total_font = font(theme::SMALL_PX).color(&theme::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
    let ceiling = frame::label_ceiling(&cc);
    for (i, &total) in totals.iter().enumerate().filter(|(_, t)| **t > 0.0) {
        let text = (c.format_value)(total);
        let (x, y) = cc.backend_coord(&(i as f64 + 0.5, total.min(top)));
        let w = text_width(&text, theme::SMALL_PX);
        if let Some(b) = placer.above(f64::from(x), f64::from(y) - 2.0, w, theme::SMALL_PX * 1.1, ceiling) {
            root.draw(&Text::new(text, (x, b.round() as i32), total_font.clone()))?;
        }
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

    fn chart<'a>(values: [[f64; 3]; 2], fmt: &'a dyn Fn(f64) -> String) -> StackedChart<'a> {
        StackedChart {
            title: "ARR up for renewal".into(),
            x_title: "Month".into(),
            y_title: "ARR".into(),
            categories: vec!["2025-07".into(), "2025-08".into(), "2025-09".into()],
            series: vec![
                StackSeries { name: "At risk".into(), color: theme::HEALTH_RED, values: values[0].to_vec() },
                StackSeries { name: "Healthy".into(), color: theme::HEALTH_GREEN, values: values[1].to_vec() },
            ],
            y_max: None,
            empty_message: "Nothing due".into(),
            format_value: fmt,
        }
    }

    const RED: &str = "fill=\"#D55E00\"";
    const GREEN: &str = "fill=\"#009E73\"";

    #[test]
    fn segments_stack_with_totals_on_top() {
        let c = chart([[100.0, 0.0, 50.0], [200.0, 300.0, 0.0]], &money);
        assert_eq!(c.totals(), [300.0, 300.0, 50.0]);
        let svg = stacked_bars(&c, W);
        assert!(svg.starts_with("<svg") && svg.contains("<title>ARR up for renewal</title>"));
        for text in ["2025-07", "2025-09", "Month", "At risk", "Healthy", "$300", "$50"] {
            assert!(svg.contains(text), "missing {text}");
        }
        // Zero segments are not drawn: 2 red + 2 green bars, and one legend swatch each.
        assert_eq!(svg.matches(RED).count(), 3, "{svg}");
        assert_eq!(svg.matches(GREEN).count(), 3);
        assert!(!svg.contains("Nothing due"));
    }

    #[test]
    fn the_second_segment_starts_where_the_first_ends() {
        // One category only, so the bar's pixel edges can be read back.
        let c = StackedChart {
            categories: vec!["A".into()],
            series: vec![
                StackSeries { name: "low".into(), color: theme::HEALTH_RED, values: vec![1.0] },
                StackSeries { name: "high".into(), color: theme::HEALTH_GREEN, values: vec![3.0] },
            ],
            ..chart([[0.0; 3]; 2], &money)
        };
        let svg = stacked_bars(&c, W);
        let rect_of = |fill: &str| -> (i32, i32) {
            // The bar, not the legend's swatch above the plot.
            let tag = svg.split("<rect").filter(|r| r.contains(fill)).last().unwrap();
            let attr = |name: &str| -> i32 {
                tag.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
            };
            (attr("y"), attr("height"))
        };
        let (red_y, red_h) = rect_of(RED);
        let (green_y, green_h) = rect_of(GREEN);
        assert!((green_y + green_h - red_y).abs() <= 1, "stacked: {red_y} {green_y} {green_h}");
        assert!((green_h - 3 * red_h).abs() <= 4, "heights in proportion: {red_h} {green_h}");
    }

    #[test]
    fn one_series_has_no_legend_and_a_fixed_top() {
        let c = StackedChart {
            series: vec![StackSeries {
                name: "Renewal rate".into(),
                color: theme::HEALTH_GREEN,
                values: vec![96.0, 50.0, 0.0],
            }],
            y_max: Some(100.0),
            ..chart([[0.0; 3]; 2], &money)
        };
        let svg = stacked_bars(&c, W);
        assert!(!svg.contains("Renewal rate"), "no legend");
        assert_eq!(svg.matches(GREEN).count(), 2, "two bars, no swatch");
        assert!(svg.contains("$100") && !svg.contains("$120"), "the axis stops at 100");
    }

    #[test]
    fn empty_chart_says_so() {
        let svg = stacked_bars(&chart([[0.0; 3]; 2], &money), W);
        assert!(svg.contains("Nothing due"));
        assert_eq!(svg.matches(RED).count(), 0);
        let none = StackedChart { categories: vec![], series: vec![], ..chart([[0.0; 3]; 2], &money) };
        assert!(stacked_bars(&none, W).contains("Nothing due"));
    }

    #[test]
    fn negative_and_nan_values_draw_nothing() {
        let c = chart([[f64::NAN, -5.0, 0.0], [0.0, 0.0, 0.0]], &money);
        assert!(c.is_empty());
        assert!(!stacked_bars(&c, W).contains("NaN"));
    }

    #[test]
    fn user_text_is_escaped() {
        let mut c = chart([[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]], &money);
        c.categories[0] = "<script>".into();
        let svg = stacked_bars(&c, W);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
    }
}
