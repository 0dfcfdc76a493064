//! Colours and type for every chart.
//!
//! The palette is Okabe & Ito's, chosen to stay distinguishable for the common forms of colour
//! blindness; series also differ by position, never by colour alone.

use plotters::style::RGBColor;

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

pub const TITLE_SIZE: f64 = 18.0;
pub const LABEL_SIZE: f64 = 13.0;
pub const AXIS_TITLE_SIZE: f64 = 13.0;

pub fn series_color(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}
