//! A funnel: one centred horizontal bar per step, its width in proportion to the step's count,
//! the step's name on the left and its figures on the right.

use plotters::element::{Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::svg;
use super::theme::{self, FONT};

pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 400;

pub struct FunnelStepBar {
    pub label: String,
    pub count: usize,
    /// Shown beside the bar, e.g. "42 · 60% of start".
    pub note: String,
}

/// Everything a funnel shows, texts already in the reader's language.
pub struct FunnelChart {
    pub title: String,
    /// First step first.
    pub steps: Vec<FunnelStepBar>,
    pub empty_message: String,
}

impl FunnelChart {
    pub fn is_empty(&self) -> bool {
        self.steps.iter().all(|s| s.count == 0)
    }
}

/// Renders the chart to a standalone SVG document.
pub fn funnel_chart(chart: &FunnelChart) -> String {
    let mut buf = String::new();
    // A String target never fails; an error would leave a partial chart, never a panic.
    let _ = draw(chart, &mut buf);
    svg::finish(buf, &chart.title)
}

// The layout in pixels: names on the left, bars in the middle, figures on the right.
const LABEL_RIGHT: i32 = 170;
const BAR_LEFT: i32 = 180;
const BAR_WIDTH: i32 = 360;
const NOTE_LEFT: i32 = BAR_LEFT + BAR_WIDTH + 12;
const TOP: i32 = 52;
const BOTTOM: i32 = 20;

/// Pixel width of a bar for `count` when the widest step has `max`; a non-empty step stays visible.
pub fn bar_width(count: usize, max: usize) -> i32 {
    if max == 0 || count == 0 {
        return 0;
    }
    ((count as f64 / max as f64) * BAR_WIDTH as f64).round().max(2.0) as i32
}

fn draw<'b>(c: &FunnelChart, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let root = SVGBackend::with_string(buf, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let title_font = (FONT, theme::TITLE_SIZE).into_font().color(&theme::INK);
    root.draw(&Text::new(c.title.clone(), (WIDTH as i32 / 2, 14), title_font.pos(Pos::new(HPos::Center, VPos::Top))))?;
    if c.is_empty() {
        root.draw(&Text::new(
            c.empty_message.clone(),
            (WIDTH as i32 / 2, HEIGHT as i32 / 2),
            (FONT, 15.0).into_font().color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        root.present()?;
        return Ok(());
    }
    let n = c.steps.len().max(1) as i32;
    let row = (HEIGHT as i32 - TOP - BOTTOM) / n;
    let bar_height = (row as f64 * 0.72) as i32;
    let max = c.steps.iter().map(|s| s.count).max().unwrap_or(0);
    let centre = BAR_LEFT + BAR_WIDTH / 2;
    // Larger than the axis labels of other charts: these texts are the chart's content.
    let label_font = (FONT, 15.0).into_font().color(&theme::INK);
    let note_font = (FONT, 15.0).into_font().color(&theme::MUTED);
    let color = theme::series_color(0);
    for (i, step) in c.steps.iter().enumerate() {
        let y0 = TOP + i as i32 * row + (row - bar_height) / 2;
        let mid = y0 + bar_height / 2;
        let w = bar_width(step.count, max);
        if w > 0 {
            // Each step a little lighter, so the eye reads down the funnel.
            let shade = 1.0 - 0.12 * i as f64;
            root.draw(&Rectangle::new(
                [(centre - w / 2, y0), (centre - w / 2 + w, y0 + bar_height)],
                color.mix(shade.max(0.4)).filled(),
            ))?;
        }
        root.draw(&Text::new(
            step.label.clone(),
            (LABEL_RIGHT, mid),
            label_font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        root.draw(&Text::new(
            step.note.clone(),
            (NOTE_LEFT, mid),
            note_font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(counts: &[usize]) -> FunnelChart {
        FunnelChart {
            title: "Cohort funnel".into(),
            steps: counts
                .iter()
                .enumerate()
                .map(|(i, &count)| FunnelStepBar {
                    label: format!("Step {i}"),
                    count,
                    note: format!("{count} accounts"),
                })
                .collect(),
            empty_message: "No account started in this window".into(),
        }
    }

    fn bar_widths(svg: &str) -> Vec<i32> {
        svg.split("<rect")
            .skip(2) // the background
            .filter_map(|r| r.split(" width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect()
    }

    #[test]
    fn one_bar_per_non_empty_step_in_proportion() {
        let svg = funnel_chart(&chart(&[10, 5, 5, 2, 0]));
        assert!(svg.contains("<title>Cohort funnel</title>"));
        for text in ["Step 0", "Step 4", "10 accounts", "0 accounts"] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert_eq!(bar_widths(&svg), [360, 180, 180, 72], "{svg}");
        assert!(!svg.contains("No account started"));
    }

    #[test]
    fn widths() {
        assert_eq!(bar_width(0, 10), 0);
        assert_eq!(bar_width(10, 10), BAR_WIDTH);
        assert_eq!(bar_width(1, 100_000), 2, "a tiny step stays visible");
        assert_eq!(bar_width(3, 0), 0);
    }

    #[test]
    fn an_empty_funnel_says_so() {
        let svg = funnel_chart(&chart(&[0, 0, 0, 0, 0]));
        assert!(svg.contains("No account started in this window"));
        assert!(bar_widths(&svg).is_empty());
    }

    #[test]
    fn user_text_is_escaped() {
        let mut c = chart(&[1]);
        c.steps[0].label = "<i>\"x\"".into();
        let svg = funnel_chart(&c);
        assert!(!svg.contains("<i>") && svg.contains("&lt;i&gt;"));
    }
}
