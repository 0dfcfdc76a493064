//! Plain-Rust models behind the pages' forms and tables — what was typed, what it parses to,
//! which problems to show, in what order rows go — so they are tested natively like the domain.

pub mod health_form;
pub mod number;
pub mod quadrant_form;
pub mod tables;
pub mod tier_form;

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
