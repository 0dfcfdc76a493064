//! The forms layer: plain-Rust models of what people type on the pages — the text of a field,
//! what it parses to (always through `domain::typed`, the one reader of typed values), which
//! problems to show and how a value is written back — and the working state of the Capacity
//! page (the scenario being edited, the saved list). No Leptos and no DOM, so everything here is
//! tested natively; the pages keep these in signals and the state module applies them.

pub mod account_form;
pub mod field;
pub mod health_form;
pub mod number;
pub mod quadrant_form;
pub mod saved_scenarios;
pub mod scenario_draft;
pub mod tables;
pub mod team_form;
pub mod tier_form;

#[cfg(test)]
mod capacity_timing;

pub use saved_scenarios::{NameError, SavedScenarios};
pub use scenario_draft::Draft;

/// What is wrong with one typed value; each has a message in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// Empty where a value is required.
    Required,
    NotANumber,
    Negative,
    NotPositive,
    NotWholeDays,
    /// Outside 0–100.
    OutOfPercentRange,
    /// A tier threshold not below the tier above's.
    NotBelowPrevious,
    /// The last tier's threshold is not 0.
    LastNotZero,
    /// Neither a Chinese nor an English name.
    Unnamed,
    /// The yellow limit is not below the green limit.
    BandsOutOfOrder,
    /// Every health weight is 0.
    AllWeightsZero,
}
