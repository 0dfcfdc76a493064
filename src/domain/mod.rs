//! The pure domain: plain data and functions, no Leptos, no web_sys. DOMAIN.md is its contract.

pub mod book;
pub mod dates;
pub mod settings;

pub use book::{Account, AsOfRules, Book, BookTotals, Outcome, Term, TermState};
pub use settings::Settings;
