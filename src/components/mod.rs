//! Reusable pieces of the UI.

mod chart_view;
mod field;
mod header;
mod metric;
mod storage_notice;
mod undo_toast;

pub use chart_view::ChartView;
pub use field::{NumField, Unit};
pub use header::{Header, NavLink};
pub use metric::{data_value, Metric};
pub use storage_notice::{download_backup, StorageNotice};
pub use undo_toast::{Toaster, UndoToast};
