//! A waterfall: a total bar, then steps that float from where the running total stands (up for
//! a gain, down for a loss), then the closing total. The ARR bridge draws one.

use plotters::element::{EmptyElement, Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::nice_ceiling;
use super::frame;
use super::svg;
use super::theme::{self, FONT};

pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 400;

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
}

/// Renders the chart to a standalone SVG document.
pub fn waterfall_chart(chart: &WaterfallChart) -> String {
    let mut buf = String::new();
    // A String target never fails; an error would leave a partial chart, never a panic.
    let _ = draw(chart, &mut buf);
    svg::finish(buf, &chart.title)
}

fn draw<'b>(c: &WaterfallChart, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let root = SVGBackend::with_string(buf, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let spans = c.spans();
    let top = nice_ceiling(spans.iter().map(|s| s.1).fold(0.0, f64::max) * 1.12).max(1.0);
    let axes = frame::Axes {
        title: &c.title,
        x_title: "",
        y_title: &c.y_title,
        categories: &c.categories,
        top,
        format_value: c.format_value,
    };
    let mut cc = frame::category_frame(&root, &axes)?;
    if c.is_empty() {
        frame::empty_message(&cc, &c.empty_message, c.categories.len().max(1), top)?;
        root.present()?;
        return Ok(());
    }
    let (left, right) = (0.15, 0.85);
    let label_font = (FONT, 11.0).into_font().color(&theme::INK).pos(Pos::new(HPos::Center, VPos::Bottom));
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
        }
        let text = match step {
            Step::Change(d) if *d > 0.0 => format!("+{}", (c.format_value)(value)),
            Step::Change(d) if *d < 0.0 => format!("−{}", (c.format_value)(-value)),
            _ => (c.format_value)(value),
        };
        cc.plotting_area().draw(&(EmptyElement::at((x + 0.5, hi)) + Text::new(text, (0, -3), label_font.clone())))?;
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
        let svg = waterfall_chart(&c);
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
        assert!(waterfall_chart(&c).contains("No ARR in this period"));
    }
}
