//! Charts: pure functions from data to an SVG string, drawn by plotters' SVGBackend.
//!
//! No Leptos, no DOM: every chart is testable natively, and the same string is what the page
//! shows and what "Download SVG" saves. Texts arrive already translated.

mod bars;
mod capacity;
mod frame;
mod funnel;
mod hbars;
mod lines;
mod quadrant;
mod share_bars;
mod stacked;
mod svg;
pub mod theme;
mod waterfall;

pub use bars::{grouped_bars, BarChart, BarSeries};
pub use capacity::{capacity_lines, CapacityChart, Line, Opening};
pub use funnel::{funnel_chart, FunnelChart, FunnelStepBar};
pub use hbars::{horizontal_bars, HBarChart, MAX_BARS as MAX_HBARS};
pub use lines::{line_chart, LineChart, LineSeries};
pub use quadrant::{quadrant_chart, quadrant_color, QuadrantChart};
pub use share_bars::{share_bars, ShareBarChart, SharePart};
pub use stacked::{stacked_bars, StackSeries, StackedChart};
pub use waterfall::{waterfall_chart, Step, WaterfallChart};
