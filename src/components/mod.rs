//! Reusable pieces of the UI.

mod chart_view;
mod field;
mod header;
mod metric;
mod money;
mod storage_notice;
mod table;
mod toast;
mod update_notice;

pub use chart_view::ChartView;
pub use field::{NumField, Unit};
pub use header::{Header, NavLink};
pub use metric::{data_value, FigureCell, Metric};
pub use money::{money, Money, MoneyColumn};
pub use storage_notice::{download_backup, StorageNotice};
pub use table::{Cell, CellButton, Col, DataTable, Head, Kind, LazyRows, Row, Sorted};
pub use toast::{Toaster, UndoToast};
pub use update_notice::{register_service_worker, UpdateNotice};
