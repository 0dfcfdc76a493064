//! The pure domain: plain data and functions, no Leptos, no web_sys. DOMAIN.md is its contract.

pub mod board;
pub mod board_matrix;
pub mod book;
pub mod book_edit;
pub mod book_query;
pub mod capacity;
pub mod commission;
pub mod correlation;
pub mod dates;
pub mod economics;
pub mod funnel;
pub mod growth;
pub mod health;
pub mod industry;
pub mod kpi;
pub mod lifecycle;
pub mod natural;
pub mod owner_book;
pub mod period;
pub mod plan;
pub mod projection;
pub mod quadrant;
pub mod rebalance;
pub mod renewal_calendar;
pub mod renewals;
pub mod revenue;
pub mod scenario;
pub mod scenario_diff;
pub mod scenario_url;
pub mod settings;
pub mod snapshot;
pub mod sort;
pub mod stage_matrix;
pub mod stats;
pub mod team;
pub mod tiers;
pub mod triggers;
pub mod typed;
pub mod validate;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod timing;

pub use book::{Account, AsOfRules, Book, BookTotals, Outcome, Term, TermState};
pub use settings::Settings;
