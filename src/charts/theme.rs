//! Colours and type for every chart.
//!
//! The palette is Okabe & Ito's, chosen to stay distinguishable for the common forms of colour
//! blindness; series also differ by position, never by colour alone.
//!
//! Sizes are in pixels of the SVG, which the page shows at its own size (one SVG pixel is one
//! CSS pixel; see `components/chart_view.rs`), so a 13 px label reads as 13 px on any screen.

use plotters::style::{FontDesc, IntoFont, RGBColor};

/// Okabe–Ito, in the order series take them.
pub const SERIES: [RGBColor; 7] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(240, 228, 66),  // yellow
];

/// Health bands: red / yellow / green / none, from the same palette.
pub const HEALTH_RED: RGBColor = RGBColor(213, 94, 0);
pub const HEALTH_YELLOW: RGBColor = RGBColor(230, 159, 0);
pub const HEALTH_GREEN: RGBColor = RGBColor(0, 158, 115);
pub const HEALTH_NONE: RGBColor = RGBColor(160, 160, 160);

pub const INK: RGBColor = RGBColor(33, 37, 41);
pub const MUTED: RGBColor = RGBColor(108, 117, 125);
pub const GRID: RGBColor = RGBColor(226, 230, 234);

/// A font stack that has CJK glyphs on every common system.
pub const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/// The chart's title (a long one wraps, and may step down to `TITLE_MIN_PX`).
pub const TITLE_PX: f64 = 17.0;
pub const TITLE_MIN_PX: f64 = 14.0;
/// Axis numbers, category names, legends.
pub const LABEL_PX: f64 = 13.0;
pub const AXIS_TITLE_PX: f64 = 13.0;
/// The smallest text any chart draws: values on bars, notes, a crowded axis.
pub const SMALL_PX: f64 = 12.0;
/// "Nothing to draw" in the middle of an empty plot.
pub const MESSAGE_PX: f64 = 15.0;

/// plotters' SVG backend writes a font's size divided by 1.24; asking for `px × 1.24` puts
/// `font-size="px"` in the SVG.
const PLOTTERS_EM: f64 = 1.24;

/// The chart font at `px` pixels as drawn in the SVG.
pub fn font(px: f64) -> FontDesc<'static> {
    (FONT, px * PLOTTERS_EM).into_font()
}

pub fn series_color(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}
