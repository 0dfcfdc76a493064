//! The pure domain: plain data and functions, no Leptos, no web_sys. DOMAIN.md is its contract.

pub mod board;
pub mod book;
pub mod capacity;
pub mod commission;
pub mod dates;
pub mod economics;
pub mod growth;
pub mod kpi;
pub mod projection;
pub mod scenario;
pub mod scenario_url;
pub mod team;
pub mod triggers;

pub use book::{Account, AsOfRules, Book, BookTotals, Outcome, Term, TermState};
