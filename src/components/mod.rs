//! Reusable pieces of the UI.

mod chart_view;
mod header;
mod metric;

pub use chart_view::ChartView;
pub use header::{Header, NavLink};
pub use metric::{data_value, Metric};
