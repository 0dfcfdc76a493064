//! The frame the category charts share (bars, stacked bars, lines): title, value axis from 0
//! with its formatter and grid, one slot per category with its label under the axis, and the
//! "nothing to draw" message.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::{EmptyElement, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::{self, FONT};

pub type Frame<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
pub type FrameError = DrawingAreaErrorKind<std::io::Error>;

pub struct Axes<'c> {
    pub title: &'c str,
    pub x_title: &'c str,
    pub y_title: &'c str,
    pub categories: &'c [String],
    /// The top of the value axis.
    pub top: f64,
    pub format_value: &'c dyn Fn(f64) -> String,
}

/// Many categories (twelve months) get a smaller label so neighbours do not touch.
pub fn category_label_size(n: usize) -> f64 {
    if n > 8 {
        11.0
    } else {
        theme::LABEL_SIZE
    }
}

/// Draws the frame; category `i` spans x = i..i+1.
pub fn category_frame<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    axes: &Axes,
) -> Result<Frame<'a, 'b>, FrameError> {
    let n = axes.categories.len().max(1);
    let mut cc = ChartBuilder::on(root)
        .caption(axes.title, (FONT, theme::TITLE_SIZE).into_font().color(&theme::INK))
        .margin(14)
        .margin_right(24)
        .x_label_area_size(52)
        .y_label_area_size(72)
        .build_cartesian_2d(0f64..n as f64, 0f64..axes.top)?;
    cc.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| (axes.format_value)(*v))
        .x_desc(axes.x_title)
        .y_desc(axes.y_title)
        .axis_desc_style((FONT, theme::AXIS_TITLE_SIZE).into_font().color(&theme::MUTED))
        .label_style((FONT, theme::LABEL_SIZE).into_font().color(&theme::INK))
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme::GRID)
        .axis_style(theme::MUTED)
        .draw()?;
    let label = (FONT, category_label_size(axes.categories.len())).into_font().color(&theme::INK);
    for (i, name) in axes.categories.iter().enumerate() {
        cc.plotting_area().draw(
            &(EmptyElement::at((i as f64 + 0.5, 0.0))
                + Text::new(name.clone(), (0, 8), label.clone().pos(Pos::new(HPos::Center, VPos::Top)))),
        )?;
    }
    Ok(cc)
}

/// The message in the middle of an empty plot.
pub fn empty_message(cc: &Frame, message: &str, categories: usize, top: f64) -> Result<(), FrameError> {
    cc.plotting_area().draw(&Text::new(
        message.to_string(),
        (categories.max(1) as f64 / 2.0, top / 2.0),
        (FONT, 15.0).into_font().color(&theme::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
    ))
}
