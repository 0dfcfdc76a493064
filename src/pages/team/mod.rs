//! The Team page: roster, each owner's book and load, the rebalance proposal, the KPI
//! scorecard and renewal commission (DOMAIN.md §7). The figures are memos here; the parts
//! only lay them out.

mod commission;
mod owners;
mod rebalance;
mod roster;
mod scorecard;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::components::{Toaster, UndoToast};
use crate::domain::commission::{commission, owner_renewals, Commission, OwnerRenewals};
use crate::domain::kpi::{KpiActuals, Score, ScorecardError};
use crate::domain::owner_book::{kpi_inputs, team_books, TeamBooks};
use crate::domain::period::Period;
use crate::domain::rebalance::{rebalance, Move};
use crate::domain::renewals::{due_set, DueTerm};
use crate::domain::team::{csm_headcount, OwnedAccount};
use crate::i18n::Msg;
use crate::state::AppState;

/// One owner's commission line; `None` when nothing was due.
#[derive(Clone, Debug, PartialEq)]
pub struct CommissionRow {
    pub owner: String,
    pub renewals: OwnerRenewals,
    pub commission: Option<Commission>,
}

/// (owner, score) rows then the team's, or why the card cannot score.
pub type Scores = Result<(Vec<(String, Score)>, Score), ScorecardError>;

/// The page's figures, shared by its parts. All `Copy` handles.
#[derive(Clone, Copy)]
pub struct TeamData {
    pub books: Memo<TeamBooks>,
    /// The proposal, each move with the book index of its account.
    pub moves: Memo<Vec<(usize, Move)>>,
    pub period: Memo<Period>,
    pub scores: Memo<Scores>,
    /// The team's actuals, shown even while the weights do not add up.
    pub team_actuals: Memo<KpiActuals>,
    pub commissions: Memo<Vec<CommissionRow>>,
    pub headcount: Memo<f64>,
    pub toaster: Toaster,
}

impl TeamData {
    pub fn new(state: AppState) -> Self {
        let apc = Memo::new(move |_| {
            state.settings.with(|s| s.tiers.tiers.iter().map(|t| t.accounts_per_csm).collect::<Vec<f64>>())
        });
        let bands = Memo::new(move |_| state.settings.with(|s| s.load_bands.clone()));
        let books = Memo::new(move |_| {
            apc.with(|apc| {
                bands.with(|bands| state.book.with(|b| state.snapshot.with(|s| team_books(b, s, apc, bands))))
            })
        });
        let moves = Memo::new(move |_| {
            books.with(|t| {
                let plain: Vec<OwnedAccount> = t.owned.iter().map(|(_, a)| a.clone()).collect();
                let moves = apc.with(|apc| bands.with(|bands| rebalance(&plain, apc, bands)));
                moves.into_iter().filter_map(|m| t.owned.get(m.account).map(|(i, _)| (*i, m))).collect()
            })
        });
        let period = Memo::new(move |_| {
            let as_of = state.as_of.get();
            state.settings.with(|s| s.renewal_period.resolve(as_of))
        });
        let rules = Memo::new(move |_| state.settings.with(|s| s.rules));
        let due: Memo<Vec<DueTerm>> = Memo::new(move |_| {
            let (as_of, rules, period) = (state.as_of.get(), rules.get(), period.get());
            state.book.with(|b| due_set(b, as_of, &rules, &period))
        });
        let cohort = Memo::new(move |_| {
            let as_of = state.as_of.get();
            state.settings.with(|s| s.funnel.window(as_of))
        });
        let inputs = Memo::new(move |_| {
            let cohort = cohort.get();
            due.with(|due| state.book.with(|b| state.snapshot.with(|s| kpi_inputs(b, s, due, &cohort))))
        });
        let card = Memo::new(move |_| state.settings.with(|s| s.scorecard.clone()));
        let scores = Memo::new(move |_| {
            card.with(|card| {
                inputs.with(|(owners, team)| {
                    let rows = owners
                        .iter()
                        .map(|(o, k)| card.score(&k.actuals()).map(|s| (o.clone(), s)))
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok((rows, card.score(&team.actuals())?))
                })
            })
        });
        let team_actuals = Memo::new(move |_| inputs.with(|(_, team)| team.actuals()));
        let settings = Memo::new(move |_| state.settings.with(|s| s.commission.clone()));
        let commissions = Memo::new(move |_| {
            let mut by_owner: BTreeMap<String, OwnerRenewals> =
                due.with(|due| state.book.with(|b| owner_renewals(b, due)));
            by_owner.remove("");
            books.with(|t| {
                for o in &t.owners {
                    by_owner.entry(o.owner.clone()).or_default();
                }
            });
            settings.with(|s| {
                by_owner
                    .into_iter()
                    .map(|(owner, renewals)| {
                        let c = commission(&renewals, s);
                        CommissionRow { owner, renewals, commission: c }
                    })
                    .collect()
            })
        });
        let headcount = Memo::new(move |_| {
            books.with(|t| state.settings.with(|s| csm_headcount(&s.roster, t.owners.iter().map(|o| o.owner.as_str()))))
        });
        TeamData { books, moves, period, scores, team_actuals, commissions, headcount, toaster: Toaster::new() }
    }
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = TeamData::new(state);
    provide_context(data);
    let empty = move || state.book.with(|b| b.accounts.is_empty());
    view! {
        <div class="team-page">
            <h1>{state.text(Msg::NavTeam)}</h1>
            <Show when=empty>
                <p class="notice" data-testid="team-empty">{state.text(Msg::TeamEmptyBook)}</p>
            </Show>
            <roster::Roster />
            <Show when=move || !empty()>
                <owners::OwnerBooks />
                <owners::UnassignedAccounts />
                <rebalance::Rebalance />
                <scorecard::Scorecard />
                <commission::Commissions />
            </Show>
            <UndoToast toaster=data.toaster />
        </div>
    }
}
