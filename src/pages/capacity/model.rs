//! The Capacity page's state and derived figures: signals for what the user edits, memos for
//! everything computed (by the domain's functions), shared with the page's parts by context.
//!
//! The book-wide work (due set, tier figures, growth defaults) depends only on the book, the
//! as-of date and the settings, so moving a what-if input recomputes the projection alone.

use leptos::prelude::*;

use crate::domain::capacity::{
    arr_rule_fte, hybrid_fte, needs_based_fte, tier_loads, CapacityResult, CapacitySettings, TierLoad,
};
use crate::domain::economics::{economics_by_tier, SegmentFigures, UnitEconomics};
use crate::domain::growth::{growth_defaults, TierGrowth};
use crate::domain::plan::{hiring_plan, Plan};
use crate::domain::projection::{project, Projection};
use crate::domain::renewals::tally;
use crate::domain::scenario::{compare_each, Scenario, ScenarioColumn};
use crate::domain::scenario_diff::{assumption_rows, common_horizon, Row};
use crate::domain::team::{active_owners, csm_headcount};
use crate::domain::tiers::TierFigures;
use crate::domain::tiers::TierSettings;
use crate::domain::triggers::TriggerSettings;
use crate::domain::triggers::{hiring_alerts, tier_ownership, HiringAlert};
use crate::forms::{Draft, SavedScenarios};
use crate::state::storage as store;
use crate::state::AppState;

/// The User Timing measure of the last projection recompute (read by `make bench`).
pub const PROJECTION_MEASURE: &str = "capacity.projection";

/// A scenario that arrived by link, waiting for the user to keep it or not.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub scenario: Scenario,
    /// The draft the link replaced, put back by "dismiss".
    pub previous: Draft,
    /// The tier table and hiring triggers the link replaced, put back by "dismiss".
    pub previous_tiers: TierSettings,
    pub previous_triggers: TriggerSettings,
}

/// The three methods side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct NeedNow {
    pub arr_rule: CapacityResult,
    pub needs: CapacityResult,
    pub hybrid: CapacityResult,
}

#[derive(Clone, Copy)]
pub struct Model {
    pub draft: RwSignal<Draft>,
    /// Bumped when inputs change from outside the fields (a loaded scenario, a reset), so the
    /// fields show the new values; typing never re-renders its own field.
    pub revision: RwSignal<u32>,
    pub saved: RwSignal<SavedScenarios>,
    /// Names of the saved scenarios ticked for comparison, in the order ticked.
    pub compare_names: RwSignal<Vec<String>>,
    pub incoming: RwSignal<Option<Incoming>>,
    /// A `?v=…` in the link that could not be read (its reason, for the notice).
    pub bad_link: RwSignal<Option<String>>,

    pub tier_figures: Memo<Vec<TierFigures>>,
    pub overall: Memo<SegmentFigures>,
    pub loads: Memo<Vec<TierLoad>>,
    pub book_csms: Memo<f64>,
    pub book_growth: Memo<Vec<TierGrowth>>,
    /// The working scenario with the book's defaults filled in: what every figure uses.
    pub scenario: Memo<Scenario>,
    pub capacity: Memo<CapacitySettings>,
    pub need: Memo<NeedNow>,
    pub alerts: Memo<Vec<HiringAlert>>,
    pub projection: Memo<Projection>,
    /// The hiring plan in whole people and calendar months (DOMAIN.md §5).
    pub plan: Memo<Plan>,
    pub economics: Memo<(UnitEconomics, Vec<UnitEconomics>)>,
    pub comparison: Memo<Option<Vec<ScenarioColumn>>>,
    /// The compared scenarios' assumptions, the ones that differ first.
    pub assumptions: Memo<Vec<Row>>,
    /// The compared scenarios as saved (their own horizons).
    pub compared: Memo<Vec<Scenario>>,
    /// The projection chart as printed (at `charts::DOWNLOAD_WIDTH`); the page draws its own at
    /// its width with `projection_chart`.
    pub projection_svg: Memo<String>,
}

/// The projection chart of the draft scenario, `width` pixels wide.
fn projection_chart(state: AppState, draft: RwSignal<Draft>, projection: Memo<Projection>, width: u32) -> String {
    let (lang, as_of) = (state.lang.get(), state.as_of.get());
    let name = draft.with(|d| d.scenario.name.clone());
    projection.with(|p| super::chart::projection_chart(lang, as_of, p, &name, width))
}

impl Model {
    /// The projection chart drawn `width` pixels wide, for the page.
    pub fn projection_chart(&self, state: AppState, width: u32) -> String {
        projection_chart(state, self.draft, self.projection, width)
    }

    pub fn new(state: AppState) -> Model {
        let draft_init =
            store::load_draft().unwrap_or_else(|| Draft::new(state.settings.with_untracked(|s| s.capacity.clone())));
        let draft = RwSignal::new(draft_init);
        let saved = RwSignal::new(SavedScenarios::repaired(store::load_scenarios(), "Scenario"));

        let due = state.default_due;
        let tier_figures = state.tier_figures;
        let overall = Memo::new(move |_| {
            let totals = state.snapshot.with(|s| s.totals());
            due.with(|d| SegmentFigures::overall(&totals, &tally(d)))
        });
        let loads = Memo::new(move |_| state.settings.with(|s| tier_figures.with(|f| tier_loads(&s.tiers, f))));
        let roster = Memo::new(move |_| state.settings.with(|s| s.roster.clone()));
        let book_csms = Memo::new(move |_| {
            roster.with(|r| state.book.with(|b| state.snapshot.with(|s| csm_headcount(r, active_owners(b, s)))))
        });
        let book_growth = Memo::new(move |_| {
            state.book.with(|b| state.snapshot.with(|s| tier_figures.with(|f| growth_defaults(b, s, f))))
        });
        let forecast_churn = Memo::new(move |_| {
            // Read only when the scenario takes its churn from the forecast: the forecast is
            // then computed, and not otherwise.
            draft.with(|d| d.scenario.churn_from_forecast).then(|| state.forecast.with(|f| f.logo_churn)).flatten()
        });
        // Every assumption that changes a figure (DOMAIN.md §5): the tier table, the triggers
        // and the as-of date in force are part of the working scenario, so a saved scenario or
        // a link carries them.
        let in_force = Memo::new(move |_| state.settings.with(|s| (s.tiers.clone(), s.triggers.clone())));
        let scenario = Memo::new(move |_| {
            let mut s = draft.with(|d| book_growth.with(|g| d.effective(g, book_csms.get(), forecast_churn.get())));
            let (tiers, triggers) = in_force.get();
            s.tiers = Some(tiers);
            s.triggers = Some(triggers);
            s.as_of = Some(state.as_of.get());
            s.demo = state.settings.with(|st| st.demo);
            s
        });
        let capacity = Memo::new(move |_| scenario.with(|s| s.capacity.clone()));
        let need = Memo::new(move |_| {
            capacity.with(|c| {
                loads.with(|l| NeedNow {
                    arr_rule: arr_rule_fte(l, c),
                    needs: needs_based_fte(l, c),
                    hybrid: hybrid_fte(l, c),
                })
            })
        });
        let ownership =
            Memo::new(move |_| roster.with(|r| state.book.with(|b| state.snapshot.with(|s| tier_ownership(b, s, r)))));
        let active_arrs =
            Memo::new(move |_| state.snapshot.with(|s| s.active().map(|(_, v)| v.arr).collect::<Vec<f64>>()));
        let alerts = Memo::new(move |_| {
            let threshold = capacity.with(|c| c.dedicated_threshold);
            let triggers = state.settings.with(|s| s.triggers.clone());
            active_arrs.with(|arrs| ownership.with(|o| hiring_alerts(&triggers, threshold, book_csms.get(), arrs, o)))
        });
        let projection = Memo::new(move |_| {
            crate::web::measure(PROJECTION_MEASURE, || {
                scenario.with(|s| loads.with(|l| project(l, &s.capacity, &s.projection)))
            })
        });
        let plan = Memo::new(move |_| {
            let as_of = state.as_of.get();
            scenario.with(|s| projection.with(|p| hiring_plan(p, &s.projection, &s.plan, as_of)))
        });
        let economics = Memo::new(move |_| {
            let tiers: Vec<SegmentFigures> = tier_figures.with(|f| f.iter().map(SegmentFigures::from).collect());
            state.settings.with(|s| overall.with(|o| economics_by_tier(o, &tiers, &s.economics)))
        });
        let compare_names = RwSignal::new(Vec::<String>::new());
        let compared = Memo::new(move |_| {
            saved.with(|s| {
                compare_names.with(|names| {
                    names.iter().filter_map(|n| s.position(n).map(|i| s.list[i].clone())).collect::<Vec<_>>()
                })
            })
        });
        // Results over the horizon every scenario reaches, so no column sums more months.
        let comparison = Memo::new(move |_| {
            let mut chosen = compared.get();
            if let Some(h) = common_horizon(&chosen) {
                for s in &mut chosen {
                    s.projection.horizon_months = h;
                }
            }
            loads.with(|l| tier_figures.with(|f| compare_each(&chosen, |s| s.loads(l, f)).ok()))
        });
        let assumptions = Memo::new(move |_| compared.with(|c| assumption_rows(c)));

        let projection_svg =
            Memo::new(move |_| projection_chart(state, draft, projection, crate::charts::DOWNLOAD_WIDTH));
        let model = Model {
            draft,
            revision: RwSignal::new(0),
            saved,
            compare_names,
            incoming: RwSignal::new(None),
            bad_link: RwSignal::new(None),
            tier_figures,
            overall,
            loads,
            book_csms,
            book_growth,
            scenario,
            capacity,
            need,
            alerts,
            projection,
            plan,
            economics,
            comparison,
            assumptions,
            compared,
            projection_svg,
        };
        model.persist();
        model
    }

    /// Storage follows the signals. The first run only reads (so an unreadable stored list is
    /// not replaced by an empty one before the user saves anything), and a scenario opened by
    /// link is not stored as the draft until the user keeps it.
    fn persist(self) {
        let saved = self.saved;
        Effect::new(move |first: Option<()>| {
            saved.with(|s| {
                if first.is_some() {
                    store::save_scenarios(&s.list)
                }
            })
        });
        let (draft, incoming) = (self.draft, self.incoming);
        Effect::new(move |first: Option<()>| {
            draft.with(|d| {
                if first.is_some() && incoming.with(Option::is_none) {
                    store::save_draft(d)
                }
            })
        });
    }

    /// Edits the draft from a field; capacity edits also become the user's capacity settings
    /// (the defaults of the next fresh draft and of other pages).
    pub fn edit(self, state: AppState, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
        let capacity = self.draft.with_untracked(|d| d.scenario.capacity.clone());
        state.set_capacity_settings(capacity);
    }

    /// Replaces the whole draft (load, reset, link) and refreshes every field.
    pub fn load(self, draft: Draft) {
        self.draft.set(draft);
        self.revision.update(|r| *r += 1);
    }

    /// Opens a saved or shared scenario: every assumption it holds is restored — its tier
    /// table and hiring triggers become the ones in force, its as-of date the app's — and its
    /// inputs fill the fields. An older scenario without them keeps the ones in force.
    pub fn open(self, state: AppState, scenario: Scenario) {
        if let Some(tiers) = scenario.tiers.clone() {
            state.set_tier_settings(tiers);
        }
        if let Some(triggers) = scenario.triggers.clone() {
            state.edit_hiring_triggers(|t| *t = triggers);
        }
        if let Some(d) = scenario.as_of.filter(|d| *d != state.as_of.get_untracked()) {
            state.set_as_of(Some(d));
        }
        self.load(Draft::from_scenario(scenario));
    }
}
