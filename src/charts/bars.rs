//! Grouped bar charts: one group per category, one bar per series, value labels on the bars.

use plotters::element::{Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame;
use super::layout::{text_width, Legend, LegendEntry, Placer, Swatch, Title};
use super::svg;
use super::theme::{self, font};

pub struct BarSeries {
    pub name: String,
    pub values: Vec<f64>,
}

/// Everything a bar chart shows, texts already in the reader's language.
pub struct BarChart<'a> {
    pub title: String,
    pub x_title: String,
    pub y_title: String,
    pub categories: Vec<String>,
    pub series: Vec<BarSeries>,
    /// A fixed top of the value axis (100 for percentages); `None` rounds the data maximum up.
    pub y_max: Option<f64>,
    /// Shown in the plot area when there is nothing to draw.
    pub empty_message: String,
    /// Formats axis ticks and value labels (money in 万 or K, percentages…).
    pub format_value: &'a dyn Fn(f64) -> String,
}

impl BarChart<'_> {
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty() || !self.series.iter().flat_map(|s| &s.values).any(|v| v.is_finite() && *v != 0.0)
    }

    fn top(&self) -> f64 {
        let data_max =
            self.series.iter().flat_map(|s| s.values.iter().copied()).filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
        self.y_max.unwrap_or_else(|| nice_ceiling(data_max * 1.1))
    }

    fn axes(&self) -> frame::Axes<'_> {
        frame::Axes {
            x_title: &self.x_title,
            y_title: &self.y_title,
            categories: &self.categories,
            top: self.top(),
            format_value: self.format_value,
        }
    }
}

/// Renders the chart to a standalone SVG document `width` pixels wide (more if its labels need
/// more: see `frame::min_width`).
pub fn grouped_bars(chart: &BarChart, width: u32) -> String {
    let mut buf = String::new();
    // The only backend errors plotters can raise come from I/O, which a String target never
    // does; a failure would leave a partial chart, never a panic.
    let _ = draw(chart, width.max(frame::min_width(&chart.axes())), &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &BarChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let axes = c.axes();
    let top = axes.top;
    let n = c.categories.len().max(1);
    let title = Title::new(&c.title, width);
    let entries = c
        .series
        .iter()
        .enumerate()
        .map(|(s, series)| LegendEntry { swatch: Swatch::Block(theme::series_color(s)), text: series.name.clone() })
        .collect();
    let legend = Legend::new(if c.is_empty() { Vec::new() } else { entries }, width);
    let (root, area) = frame::canvas(buf, width, &title, &legend)?;
    let mut cc = frame::category_frame(&area, &axes)?;
    if c.is_empty() {
        frame::empty_message(&cc, &c.empty_message, n, top)?;
        root.present()?;
        return Ok(());
    }

    let k = c.series.len().max(1) as f64;
    let bar = 0.7 / k;
    let x0 = |s: usize, i: usize| i as f64 + 0.15 + s as f64 * bar;
    let mut placer = Placer::default();
    for (s, series) in c.series.iter().enumerate() {
        let color = theme::series_color(s);
        let bars: Vec<Rectangle<(f64, f64)>> = series
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(i, &v)| Rectangle::new([(x0(s, i), 0.0), (x0(s, i) + bar * 0.92, v.min(top))], color.filled()))
            .collect();
        for (i, &v) in series.values.iter().enumerate().filter(|(_, v)| v.is_finite()) {
            let (l, t) = cc.backend_coord(&(x0(s, i), v.min(top)));
            let (r, b) = cc.backend_coord(&(x0(s, i) + bar * 0.92, 0.0));
            placer.block((f64::from(l), f64::from(t), f64::from(r), f64::from(b)));
        }
        cc.draw_series(bars)?;
    }
    // Values over their bars where there is room; the axis tells the rest.
    let value_font = font(theme::SMALL_PX).color(&theme::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
    let ceiling = frame::label_ceiling(&cc);
    for (s, series) in c.series.iter().enumerate() {
        for (i, &v) in series.values.iter().enumerate().filter(|(_, v)| v.is_finite()) {
            let text = (c.format_value)(v);
            let (x, y) = cc.backend_coord(&(x0(s, i) + bar * 0.46, v.min(top)));
            let w = text_width(&text, theme::SMALL_PX);
            if let Some(b) = placer.above(f64::from(x), f64::from(y) - 2.0, w, theme::SMALL_PX * 1.1, ceiling) {
                root.draw(&Text::new(text, (x, b.round() as i32), value_font.clone()))?;
            }
        }
    }
    root.present()?;
    Ok(())
}

/// The next "nice" number (1, 2, 2.5, 5 × 10^k) at or above `x`; 1 for nothing to show.
pub fn nice_ceiling(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|&v| v >= x - 1e-9).unwrap_or(10.0 * magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: u32 = crate::charts::DOWNLOAD_WIDTH;

    fn pct(v: f64) -> String {
        format!("{v:.0}%")
    }

    fn chart<'a>(categories: &[&str], values: &[(&str, &[f64])], fmt: &'a dyn Fn(f64) -> String) -> BarChart<'a> {
        BarChart {
            title: "Share by tier".into(),
            x_title: "Tier".into(),
            y_title: "Share (%)".into(),
            categories: categories.iter().map(|s| s.to_string()).collect(),
            series: values.iter().map(|(n, v)| BarSeries { name: n.to_string(), values: v.to_vec() }).collect(),
            y_max: Some(100.0),
            empty_message: "No data yet".into(),
            format_value: fmt,
        }
    }

    fn count(svg: &str, needle: &str) -> usize {
        svg.matches(needle).count()
    }

    #[test]
    fn draws_one_bar_per_value_with_labels_and_titles() {
        let svg = grouped_bars(
            &chart(
                &["战略客户", "Key", "Growth"],
                &[("Accounts", &[10.0, 30.0, 60.0]), ("ARR", &[55.0, 30.0, 15.0])],
                &pct,
            ),
            W,
        );
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("<title>Share by tier</title>"));
        for text in ["战略客户", "Key", "Growth", "Tier", "Share (%)", "Accounts", "ARR", "55%", "60%"] {
            assert!(svg.contains(text), "missing {text}");
        }
        // 6 bars, 2 legend swatches, in the first two palette colours.
        let blue = "fill=\"#0072B2\"";
        let orange = "fill=\"#E69F00\"";
        assert_eq!(count(&svg, blue), 4, "{svg}");
        assert_eq!(count(&svg, orange), 4);
        assert!(!svg.contains("No data yet"));
    }

    #[test]
    fn empty_chart_says_so_and_draws_no_bars() {
        let svg = grouped_bars(&chart(&["A", "B"], &[("Accounts", &[0.0, 0.0])], &pct), W);
        assert!(svg.contains("No data yet"));
        assert_eq!(count(&svg, "fill=\"#0072B2\""), 0);
        let none = grouped_bars(&chart(&[], &[], &pct), W);
        assert!(none.contains("No data yet"));
    }

    #[test]
    fn user_text_is_escaped() {
        let svg = grouped_bars(&chart(&["<img src=x onerror=alert(1)>"], &[("S", &[5.0])], &pct), W);
        assert!(!svg.contains("<img"));
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(21.0), 25.0);
        assert_eq!(nice_ceiling(180_000.0), 200_000.0);
        assert_eq!(nice_ceiling(100.0), 100.0);
    }
}
