//! Books in and out (issue 4): CSV import with validation, CSV export, JSON backup, demo book.

pub mod columns;
pub mod decode;
pub mod parse;
pub mod table;
