//! Reusable pieces of the UI.

mod chart_view;
mod header;
mod metric;
mod storage_notice;

pub use chart_view::ChartView;
pub use header::{Header, NavLink};
pub use metric::{data_value, Metric};
pub use storage_notice::{download_backup, StorageNotice};
