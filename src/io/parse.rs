//! Cell values as people write them in spreadsheets (DOMAIN.md §1): the one reader of typed
//! values (`domain::typed`, DOMAIN.md §0) plus what only a sheet has, Excel serial day numbers.

pub use crate::domain::typed::{
    parse_amount, parse_count, parse_score, round_cents, ValueError, MAX_AMOUNT, MAX_EXCEL_SERIAL,
};

/// A date cell: every written form of §0, or an Excel serial day number.
pub use crate::domain::typed::parse_date_cell as parse_date;
