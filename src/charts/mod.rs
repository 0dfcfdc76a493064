//! Charts: pure functions from data to an SVG string, drawn by plotters' SVGBackend.
//!
//! No Leptos, no DOM: every chart is testable natively, and the same string is what the page
//! shows and what "Download SVG" saves. Texts arrive already translated.

mod bars;
mod capacity;
mod svg;
pub mod theme;

pub use bars::{grouped_bars, BarChart, BarSeries};
pub use capacity::{capacity_lines, CapacityChart, Line, Opening};
