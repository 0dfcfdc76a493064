//! Line charts over categories (months): one line per series, each with its own marker shape so
//! the lines differ by more than colour; a missing value breaks the line.

use plotters::element::{Circle, EmptyElement, PathElement, Rectangle, TriangleMarker};
use plotters::prelude::*;

use super::bars::nice_ceiling;
use super::frame;
use super::layout::{Legend, LegendEntry, Swatch, Title};
use super::svg;
use super::theme;

pub struct LineSeries {
    pub name: String,
    /// One value per category; `None` (not computed) leaves a gap.
    pub values: Vec<Option<f64>>,
}

/// Everything a line chart shows, texts already in the reader's language.
pub struct LineChart<'a> {
    pub title: String,
    pub x_title: String,
    pub y_title: String,
    pub categories: Vec<String>,
    pub series: Vec<LineSeries>,
    /// The value axis reaches at least this (100 for percentages), more when the data does.
    pub y_min_top: f64,
    pub empty_message: String,
    pub format_value: &'a dyn Fn(f64) -> String,
}

impl LineChart<'_> {
    fn points(&self) -> impl Iterator<Item = f64> + '_ {
        self.series.iter().flat_map(|s| s.values.iter().flatten().copied()).filter(|v| v.is_finite())
    }

    pub fn is_empty(&self) -> bool {
        self.categories.is_empty() || self.points().next().is_none()
    }

    fn axes(&self) -> frame::Axes<'_> {
        frame::Axes {
            x_title: &self.x_title,
            y_title: &self.y_title,
            categories: &self.categories,
            top: axis_top(self.points().fold(0.0_f64, f64::max), self.y_min_top),
            format_value: self.format_value,
        }
    }
}

/// Renders the chart to a standalone SVG document `width` pixels wide (more if its labels need
/// more: see `frame::min_width`).
pub fn line_chart(chart: &LineChart, width: u32) -> String {
    let mut buf = String::new();
    // A String target never fails; an error would leave a partial chart, never a panic.
    let _ = draw(chart, width.max(frame::min_width(&chart.axes())), &mut buf);
    svg::finish(buf, &chart.title)
}

/// The top of the value axis: `min_top`, or above it in steps of a quarter of it (125%, 150%…),
/// or a nice number when there is no `min_top`.
pub fn axis_top(data_max: f64, min_top: f64) -> f64 {
    let wanted = data_max * 1.05;
    if min_top <= 0.0 {
        return nice_ceiling(wanted);
    }
    if !wanted.is_finite() || wanted <= min_top {
        return min_top;
    }
    let step = min_top / 4.0;
    (wanted / step).ceil() * step
}

fn draw<'b>(c: &LineChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let axes = c.axes();
    let top = axes.top;
    let n = c.categories.len().max(1);
    let title = Title::new(&c.title, width);
    let entries = if c.is_empty() {
        Vec::new()
    } else {
        c.series
            .iter()
            .enumerate()
            .map(|(s, series)| LegendEntry { swatch: Swatch::Line(theme::series_color(s)), text: series.name.clone() })
            .collect()
    };
    let legend = Legend::new(entries, width);
    let (root, area) = frame::canvas(buf, width, &title, &legend)?;
    let mut cc = frame::category_frame(&area, &axes)?;
    if c.is_empty() {
        frame::empty_message(&cc, &c.empty_message, n, top)?;
        root.present()?;
        return Ok(());
    }
    for (s, series) in c.series.iter().enumerate() {
        let color = theme::series_color(s);
        let at = |i: usize, v: f64| (i as f64 + 0.5, v.min(top));
        // Runs of consecutive values, each drawn as one path.
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (i, v) in series.values.iter().enumerate() {
            match v.filter(|v| v.is_finite()) {
                Some(v) => runs.last_mut().map(|r| r.push(at(i, v))).unwrap_or(()),
                None => runs.push(Vec::new()),
            }
        }
        runs.retain(|r| r.len() > 1);
        cc.draw_series(runs.into_iter().map(|r| PathElement::new(r, color.stroke_width(2))))?;
        let points: Vec<(f64, f64)> = series
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| at(i, v)))
            .collect();
        // Circle, triangle, square, then again.
        match s % 3 {
            0 => cc.draw_series(points.into_iter().map(|p| Circle::new(p, 4, color.filled())))?,
            1 => cc.draw_series(points.into_iter().map(|p| TriangleMarker::new(p, 5, color.filled())))?,
            _ => cc.draw_series(
                points.into_iter().map(|p| EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], color.filled())),
            )?,
        };
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: u32 = crate::charts::DOWNLOAD_WIDTH;

    fn pct(v: f64) -> String {
        format!("{v:.0}%")
    }

    fn chart<'a>(series: Vec<(&str, Vec<Option<f64>>)>, fmt: &'a dyn Fn(f64) -> String) -> LineChart<'a> {
        LineChart {
            title: "Renewal by month".into(),
            x_title: "Month of end".into(),
            y_title: "Rate (%)".into(),
            categories: vec!["Jan".into(), "Feb".into(), "Mar".into(), "Apr".into()],
            series: series.into_iter().map(|(n, values)| LineSeries { name: n.into(), values }).collect(),
            y_min_top: 100.0,
            empty_message: "No decided renewals".into(),
            format_value: fmt,
        }
    }

    const BLUE: &str = "#0072B2";
    const ORANGE: &str = "#E69F00";

    #[test]
    fn lines_break_at_missing_values() {
        let svg = line_chart(
            &chart(
                vec![
                    ("Logo", vec![Some(80.0), Some(90.0), None, Some(70.0)]),
                    ("NRR", vec![Some(110.0), Some(95.0), Some(100.0), Some(120.0)]),
                ],
                &pct,
            ),
            W,
        );
        for text in ["<title>Renewal by month</title>", "Jan", "Apr", "Logo", "NRR", "Month of end"] {
            assert!(svg.contains(text), "missing {text}");
        }
        let polylines: Vec<&str> = svg.split("<polyline").skip(1).collect();
        // Logo: one run of two points (the lone April point is a marker only), plus its legend
        // stroke; NRR: one run of four, plus its legend stroke.
        let blue_lines = polylines.iter().filter(|p| p.contains(BLUE)).count();
        let orange_lines = polylines.iter().filter(|p| p.contains(ORANGE)).count();
        assert_eq!((blue_lines, orange_lines), (2, 2), "{svg}");
        // Markers: three blue circles plus the legend's, four orange triangles.
        assert_eq!(svg.matches("<circle").count(), 3 + 2, "{svg}");
        assert_eq!(svg.matches("<polygon").count(), 4);
        // 120% lifts the axis above 100.
        assert!(svg.contains("150%"), "{svg}");
        assert!(!svg.contains("175%"));
        assert!(!svg.contains("No decided renewals"));
    }

    #[test]
    fn nothing_computed_says_so() {
        let svg = line_chart(&chart(vec![("Logo", vec![None; 4])], &pct), W);
        assert!(svg.contains("No decided renewals"));
        assert!(!svg.contains("stroke-width=\"2\""));
        assert!(line_chart(&chart(vec![], &pct), W).contains("No decided renewals"));
    }

    #[test]
    fn axis_tops() {
        assert_eq!(axis_top(80.0, 100.0), 100.0);
        assert_eq!(axis_top(120.0, 100.0), 150.0);
        assert_eq!(axis_top(0.0, 100.0), 100.0);
        assert_eq!(axis_top(7.0, 0.0), 10.0);
    }

    #[test]
    fn user_text_is_escaped() {
        let svg = line_chart(&chart(vec![("<b>&", vec![Some(1.0); 4])], &pct), W);
        assert!(!svg.contains("<b>") && svg.contains("&lt;b&gt;&amp;"));
    }
}
