//! The pure domain: plain data and functions, no Leptos, no web_sys. DOMAIN.md is its contract.

pub mod book;
pub mod correlation;
pub mod dates;
pub mod funnel;
pub mod health;
pub mod industry;
pub mod lifecycle;
pub mod period;
pub mod quadrant;
pub mod renewal_calendar;
pub mod renewals;
pub mod settings;
pub mod snapshot;
pub mod stage_matrix;
pub mod stats;
pub mod tiers;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod timing;

pub use book::{Account, AsOfRules, Book, BookTotals, Outcome, Term, TermState};
pub use settings::Settings;
