//! Line charts over categories (months): one line per series, each with its own marker shape so
//! the lines differ by more than colour; a missing value breaks the line.

use plotters::element::{Circle, EmptyElement, PathElement, Rectangle, TriangleMarker};
use plotters::prelude::*;

use super::bars::nice_ceiling;
use super::frame;
use super::svg;
use super::theme::{self, FONT};

pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 400;

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
}

/// Renders the chart to a standalone SVG document.
pub fn line_chart(chart: &LineChart) -> String {
    let mut buf = String::new();
    // A String target never fails; an error would leave a partial chart, never a panic.
    let _ = draw(chart, &mut buf);
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

fn draw<'b>(c: &LineChart, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let root = SVGBackend::with_string(buf, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let n = c.categories.len().max(1);
    let data_max = c.points().fold(0.0_f64, f64::max);
    let top = axis_top(data_max, c.y_min_top);
    let axes = frame::Axes {
        title: &c.title,
        x_title: &c.x_title,
        y_title: &c.y_title,
        categories: &c.categories,
        top,
        format_value: c.format_value,
    };
    let mut cc = frame::category_frame(&root, &axes)?;
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
        let anno = match s % 3 {
            0 => cc.draw_series(points.into_iter().map(|p| Circle::new(p, 4, color.filled())))?,
            1 => cc.draw_series(points.into_iter().map(|p| TriangleMarker::new(p, 5, color.filled())))?,
            _ => cc.draw_series(
                points.into_iter().map(|p| EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], color.filled())),
            )?,
        };
        anno.label(series.name.as_str()).legend(move |(x, y)| {
            EmptyElement::at((x, y))
                + PathElement::new(vec![(0, 0), (16, 0)], color.stroke_width(2))
                + Circle::new((8, 0), 3, color.filled())
        });
    }
    cc.configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .label_font((FONT, theme::LABEL_SIZE).into_font().color(&theme::INK))
        .background_style(WHITE.mix(0.9))
        .border_style(theme::GRID)
        .draw()?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let svg = line_chart(&chart(
            vec![
                ("Logo", vec![Some(80.0), Some(90.0), None, Some(70.0)]),
                ("NRR", vec![Some(110.0), Some(95.0), Some(100.0), Some(120.0)]),
            ],
            &pct,
        ));
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
        let svg = line_chart(&chart(vec![("Logo", vec![None; 4])], &pct));
        assert!(svg.contains("No decided renewals"));
        assert!(!svg.contains("stroke-width=\"2\""));
        assert!(line_chart(&chart(vec![], &pct)).contains("No decided renewals"));
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
        let svg = line_chart(&chart(vec![("<b>&", vec![Some(1.0); 4])], &pct));
        assert!(!svg.contains("<b>") && svg.contains("&lt;b&gt;&amp;"));
    }
}
