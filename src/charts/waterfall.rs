//! A waterfall: a total bar, then steps that float from where the running total stands (up for
//! a gain, down for a loss), then the closing total. The ARR bridge draws one.

use plotters::element::{Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::nice_ceiling;
use super::frame;
use super::layout::{text_width, Placer, Title};
use super::svg;
use super::theme::{self, font};

/// One bar: a total (from zero) or a step (a change of the running total).
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Total(f64),
    /// Positive adds, negative takes away.
    Change(f64),
}

pub struct WaterfallChart<'a> {
    pub title: String,
    pub y_title: String,
    pub categories: Vec<String>,
    pub steps: Vec<Step>,
    pub empty_message: String,
    pub format_value: &'a dyn Fn(f64) -> String,
}

impl WaterfallChart<'_> {
    /// Each bar's (bottom, top) in value units.
    pub fn spans(&self) -> Vec<(f64, f64)> {
        let mut level = 0.0_f64;
        self.steps
            .iter()
            .map(|s| match *s {
                Step::Total(v) => {
                    level = v;
                    (0.0, v)
                }
                Step::Change(d) => {
                    let from = level;
                    level += d;
                    (from.min(level), from.max(level))
                }
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.spans().iter().all(|(lo, hi)| *lo == 0.0 && *hi == 0.0)
    }

    fn axes(&self) -> frame::Axes<'_> {
        let top = nice_ceiling(self.spans().iter().map(|s| s.1).fold(0.0, f64::max) * 1.12).max(1.0);
        frame::Axes {
            x_title: "",
            y_title: &self.y_title,
            categories: &self.categories,
            top,
            format_value: self.format_value,
        }
    }
}

/// Renders the chart to a standalone SVG document `width` pixels wide (more if its labels need
/// more: see `frame::min_width`).
pub fn waterfall_chart(chart: &WaterfallChart, width: u32) -> String {
    let mut buf = String::new();
    // A String target never fails; an error would leave a partial chart, never a panic.
    let _ = draw(chart, width.max(frame::min_width(&chart.axes())), &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &WaterfallChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let axes = c.axes();
    let top = axes.top;
    let spans = c.spans();
    let title = Title::new(&c.title, width);
    let height = title.height() + frame::body_height(width);
    let root = SVGBackend::with_string(buf, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let area = title.draw(&root)?;
    let mut cc = frame::category_frame(&area, &axes)?;
    if c.is_empty() {
        frame::empty_message(&cc, &c.empty_message, c.categories.len().max(1), top)?;
        root.present()?;
        return Ok(());
    }
    let (left, right) = (0.15, 0.85);
    let mut placer = Placer::default();
    let mut labels = Vec::new();
    for (i, (step, &(lo, hi))) in c.steps.iter().zip(&spans).enumerate() {
        let (color, value) = match *step {
            Step::Total(v) => (theme::series_color(0), v),
            Step::Change(d) if d >= 0.0 => (theme::HEALTH_GREEN, d),
            Step::Change(d) => (theme::HEALTH_RED, d),
        };
        let x = i as f64;
        let (lo, hi) = (lo.max(0.0).min(top), hi.max(0.0).min(top));
        if hi > lo {
            cc.draw_series(std::iter::once(Rectangle::new([(x + left, lo), (x + right, hi)], color.filled())))?;
            let (l, t) = cc.backend_coord(&(x + left, hi));
            let (r, b) = cc.backend_coord(&(x + right, lo));
            placer.block((f64::from(l), f64::from(t), f64::from(r), f64::from(b)));
        }
        let text = match step {
            Step::Change(d) if *d > 0.0 => format!("+{}", (c.format_value)(value)),
            Step::Change(d) if *d < 0.0 => format!("−{}", (c.format_value)(-value)),
            _ => (c.format_value)(value),
        };
        labels.push((cc.backend_coord(&(x + 0.5, hi)), text));
    }
    // Each value over its bar; one that would cover another steps up, or is left out.
    let label_font = font(theme::SMALL_PX).color(&theme::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
    let ceiling = frame::label_ceiling(&cc);
    for ((x, y), text) in labels {
        let w = text_width(&text, theme::SMALL_PX);
        if let Some(b) = placer.above(f64::from(x), f64::from(y) - 2.0, w, theme::SMALL_PX * 1.1, ceiling) {
            root.draw(&Text::new(text, (x, b.round() as i32), label_font.clone()))?;
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

    #[test]
    fn steps_float_from_the_running_total() {
        let c = WaterfallChart {
            title: "ARR bridge".into(),
            y_title: "ARR".into(),
            categories: ["Start", "New", "Expansion", "Contraction", "Churn", "End"].map(String::from).to_vec(),
            steps: vec![
                Step::Total(100.0),
                Step::Change(30.0),
                Step::Change(10.0),
                Step::Change(-5.0),
                Step::Change(-20.0),
                Step::Total(115.0),
            ],
            empty_message: "No ARR".into(),
            format_value: &money,
        };
        assert_eq!(
            c.spans(),
            vec![(0.0, 100.0), (100.0, 130.0), (130.0, 140.0), (135.0, 140.0), (115.0, 135.0), (0.0, 115.0)]
        );
        let svg = waterfall_chart(&c, W);
        for text in ["<title>ARR bridge</title>", "Start", "Churn", "+$30", "−$20", "$115"] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(!svg.contains("No ARR"));
    }

    #[test]
    fn an_empty_bridge_says_so() {
        let c = WaterfallChart {
            title: "t".into(),
            y_title: "y".into(),
            categories: vec!["Start".into(), "End".into()],
            steps: vec![Step::Total(0.0), Step::Total(0.0)],
            empty_message: "No ARR in this period".into(),
            format_value: &money,
        };
        assert!(c.is_empty());
        assert!(waterfall_chart(&c, W).contains("No ARR in this period"));
    }
}
