//! A funnel: one centred horizontal bar per step, its width in proportion to the step's count,
//! the step's name on the left and its figures on the right.

use plotters::element::{Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{self, fit, text_width, Title};
use super::svg;
use super::theme::{self, font};

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

/// Renders the chart to a standalone SVG document `width` pixels wide (at least
/// `layout::MIN_WIDTH`).
pub fn funnel_chart(chart: &FunnelChart, width: u32) -> String {
    let mut buf = String::new();
    // A String target never fails; an error would leave a partial chart, never a panic.
    let _ = draw(chart, width.max(layout::MIN_WIDTH), &mut buf);
    svg::finish(buf, &chart.title)
}

/// Larger than the axis labels of other charts: these texts are the chart's content.
const TEXT_PX: f64 = 15.0;
const SIDE: i32 = 12;
const GAP: i32 = 12;
/// The narrowest bar span beside the texts; narrower, the texts go above each bar.
const MIN_SPAN: i32 = 120;
const ROW: i32 = 56;
const STACKED_ROW: i32 = 60;

/// Pixel width of a bar for `count` when the widest step has `max` and fills `span`; a
/// non-empty step stays visible.
pub fn bar_width(count: usize, max: usize, span: i32) -> i32 {
    if max == 0 || count == 0 {
        return 0;
    }
    ((count as f64 / max as f64) * f64::from(span)).round().max(2.0) as i32
}

/// Where things go: names on the left, bars in the middle, figures on the right; or, when
/// that leaves the bars too little room, each step's name and figures on a line above its bar.
struct Columns {
    stacked: bool,
    label_right: i32,
    bar_left: i32,
    span: i32,
    note_left: i32,
    label_max: f64,
}

fn columns(c: &FunnelChart, width: u32) -> Columns {
    let w = width as i32;
    let label_w = c.steps.iter().map(|s| text_width(&s.label, TEXT_PX)).fold(0.0, f64::max);
    let note_w = c.steps.iter().map(|s| text_width(&s.note, TEXT_PX)).fold(0.0, f64::max);
    let label_col = label_w.min(f64::from(w) * 0.3).ceil() as i32;
    let note_col = note_w.ceil() as i32;
    let span = (w - 2 * SIDE - label_col - note_col - 2 * GAP).min(420);
    if span >= MIN_SPAN {
        // The three columns centred as a block.
        let used = label_col + GAP + span + GAP + note_col;
        let left = (w - used) / 2;
        Columns {
            stacked: false,
            label_right: left + label_col,
            bar_left: left + label_col + GAP,
            span,
            note_left: left + label_col + GAP + span + GAP,
            label_max: f64::from(label_col),
        }
    } else {
        let span = w - 2 * SIDE;
        Columns {
            stacked: true,
            label_right: SIDE,
            bar_left: SIDE,
            span,
            note_left: w - SIDE,
            label_max: f64::from(span) - note_w - 12.0,
        }
    }
}

fn draw<'b>(c: &FunnelChart, width: u32, buf: &'b mut String) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let title = Title::new(&c.title, width);
    let cols = columns(c, width);
    let n = c.steps.len().max(1) as i32;
    let row = if cols.stacked { STACKED_ROW } else { ROW };
    let top = title.height() as i32 + 4;
    let height = (top + n * row + 12).max(title.height() as i32 + 160) as u32;
    let root = SVGBackend::with_string(buf, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    title.draw(&root)?;
    if c.is_empty() {
        root.draw(&Text::new(
            fit(&c.empty_message, theme::MESSAGE_PX, f64::from(width) - 24.0),
            (width as i32 / 2, (top + height as i32) / 2),
            font(theme::MESSAGE_PX).color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        root.present()?;
        return Ok(());
    }
    let max = c.steps.iter().map(|s| s.count).max().unwrap_or(0);
    let label_font = font(TEXT_PX).color(&theme::INK);
    let note_font = font(TEXT_PX).color(&theme::MUTED);
    let color = theme::series_color(0);
    let line = (TEXT_PX * 1.4) as i32;
    for (i, step) in c.steps.iter().enumerate() {
        let row_top = top + i as i32 * row;
        let (text_mid, bar_top, bar_height, centre) = if cols.stacked {
            // Name and figures on a line, the bar under them from the left edge.
            (row_top + line / 2, row_top + line, row - line - 12, None)
        } else {
            let bar_height = (f64::from(row) * 0.72) as i32;
            let y0 = row_top + (row - bar_height) / 2;
            (y0 + bar_height / 2, y0, bar_height, Some(cols.bar_left + cols.span / 2))
        };
        let w = bar_width(step.count, max, cols.span);
        if w > 0 {
            // Each step a little lighter, so the eye reads down the funnel.
            let shade = 1.0 - 0.12 * i as f64;
            let left = centre.map_or(cols.bar_left, |c| c - w / 2);
            root.draw(&Rectangle::new(
                [(left, bar_top), (left + w, bar_top + bar_height)],
                color.mix(shade.max(0.4)).filled(),
            ))?;
        }
        let (label_pos, note_pos) = if cols.stacked {
            (Pos::new(HPos::Left, VPos::Center), Pos::new(HPos::Right, VPos::Center))
        } else {
            (Pos::new(HPos::Right, VPos::Center), Pos::new(HPos::Left, VPos::Center))
        };
        root.draw(&Text::new(
            fit(&step.label, TEXT_PX, cols.label_max),
            (cols.label_right, text_mid),
            label_font.clone().pos(label_pos),
        ))?;
        root.draw(&Text::new(step.note.clone(), (cols.note_left, text_mid), note_font.clone().pos(note_pos)))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: u32 = crate::charts::DOWNLOAD_WIDTH;

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
        let svg = funnel_chart(&chart(&[10, 5, 5, 2, 0]), W);
        assert!(svg.contains("<title>Cohort funnel</title>"));
        for text in ["Step 0", "Step 4", "10 accounts", "0 accounts"] {
            assert!(svg.contains(text), "missing {text}");
        }
        // The widest step fills the span (at most 420 px), the others in proportion.
        assert_eq!(bar_widths(&svg), [420, 210, 210, 84], "{svg}");
        assert!(!svg.contains("No account started"));
    }

    #[test]
    fn widths() {
        assert_eq!(bar_width(0, 10, 360), 0);
        assert_eq!(bar_width(10, 10, 360), 360);
        assert_eq!(bar_width(5, 10, 200), 100);
        assert_eq!(bar_width(1, 100_000, 360), 2, "a tiny step stays visible");
        assert_eq!(bar_width(3, 0, 360), 0);
    }

    #[test]
    fn an_empty_funnel_says_so() {
        let svg = funnel_chart(&chart(&[0, 0, 0, 0, 0]), W);
        assert!(svg.contains("No account started in this window"));
        assert!(bar_widths(&svg).is_empty());
    }

    #[test]
    fn user_text_is_escaped() {
        let mut c = chart(&[1]);
        c.steps[0].label = "<i>\"x\"".into();
        let svg = funnel_chart(&c, W);
        assert!(!svg.contains("<i>") && svg.contains("&lt;i&gt;"));
    }
}
