//! The figures of the Segments page, one memo each, derived from the app's snapshot. A tier
//! threshold change only puts the accounts in their tiers again (the snapshot's tiers) and
//! recomputes what reads tiers: the tier figures and the health per tier. The industries, the
//! quadrant and its scatter read the untiered snapshot and stay, as do their charts (which
//! follow the currency, not every setting); so does the due set (the book, the date and the
//! as-of rules).

use leptos::prelude::*;

use crate::domain::health::{health_distribution, HealthDistribution};
use crate::domain::industry::{industry_figures, IndustryFigures};
use crate::domain::quadrant::{bin, quadrants, QuadrantFigures, ScatterGrid};
use crate::domain::renewals::DueTerm;
use crate::domain::tiers::{TierFigures, TierSettings};
use crate::state::AppState;

/// Grid of the binned scatter: columns across the ARR decades, rows of fit.
pub const GRID_COLUMNS: usize = 32;
pub const GRID_ROWS: usize = 16;

#[derive(Clone, Copy)]
pub struct SegmentsData {
    /// Due set of the default period (the last 12 months to D): the renewal rates' base.
    pub due: Memo<Vec<DueTerm>>,
    /// The tiers in force (the last valid ones), for their names.
    pub tier_settings: Memo<TierSettings>,
    pub tiers: Memo<Vec<TierFigures>>,
    pub industries: Memo<Vec<IndustryFigures>>,
    pub quadrants: Memo<QuadrantFigures>,
    pub grid: Memo<ScatterGrid>,
    pub health: Memo<HealthDistribution>,
    /// The currency symbol alone, for the charts that write amounts.
    pub currency: Memo<String>,
}

impl SegmentsData {
    pub fn new(state: AppState) -> SegmentsData {
        let due = state.default_due;
        let tier_settings = state.tiers;
        let tiers = state.tier_figures;
        let industries = Memo::new(move |_| {
            state.book.with(|b| state.untiered.with(|snap| due.with(|d| industry_figures(b, snap, d))))
        });
        let quadrant_settings = Memo::new(move |_| state.settings.with(|s| s.quadrant));
        let quadrants = Memo::new(move |_| {
            let settings = quadrant_settings.get();
            state.book.with(|b| state.untiered.with(|snap| quadrants(b, snap, &settings)))
        });
        let grid =
            Memo::new(move |_| state.book.with(|b| state.untiered.with(|snap| bin(b, snap, GRID_COLUMNS, GRID_ROWS))));
        let health = Memo::new(move |_| state.snapshot.with(health_distribution));
        let currency = state.currency;
        SegmentsData { due, tier_settings, tiers, industries, quadrants, grid, health, currency }
    }
}
