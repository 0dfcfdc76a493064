//! The Renewals page (DOMAIN.md §4): a period, its due set and rates, the renewal calendar,
//! the overdue and upcoming lists, and the activity ↔ renewal link.
//!
//! Every figure is a memo here; the sections only lay them out. A period change reruns the
//! period's memos only: the calendar and the lists depend on D, not on the period.

mod activity;
mod calendar;
mod lists;
mod metrics;
mod period;

use leptos::prelude::*;

use crate::domain::correlation::{activity_renewal, ActivityRenewal};
use crate::domain::health::Band;
use crate::domain::period::Period;
use crate::domain::renewal_calendar::{
    overdue_list, pending_set, renewal_calendar, upcoming_list, CalendarMonth, RenewalRow,
};
use crate::domain::renewals::{by_end_month, due_set, tally, MonthTally, RenewalTally};
use crate::domain::{Book, Settings};
use crate::i18n::Msg;
use crate::state::AppState;

/// Rows per page of the overdue and upcoming lists.
pub const LIST_PAGE: usize = 25;

/// One line of a list, with the account's name and owner read from the book.
#[derive(Clone, Debug, PartialEq)]
pub struct ListLine {
    pub row: RenewalRow,
    pub name: String,
    pub owner: String,
}

/// Every row of a list, with names and owners read from the book.
fn lines(book: &Book, rows: Vec<RenewalRow>) -> Vec<ListLine> {
    rows.into_iter()
        .filter_map(|row| {
            let a = book.accounts.get(row.account)?;
            Some(ListLine { row, name: a.name.clone(), owner: a.owner.trim().to_string() })
        })
        .collect()
}

fn sum_months(months: &[CalendarMonth]) -> Option<CalendarMonth> {
    let mut total = *months.first()?;
    for m in &months[1..] {
        for band in Band::ALL {
            *total.terms.get_mut(band) += m.terms.get(band);
            *total.arr.get_mut(band) += m.arr.get(band);
        }
    }
    Some(total)
}

/// The page's figures, each a memo.
#[derive(Clone, Copy)]
pub struct RenewalsModel {
    pub period: Memo<Period>,
    pub tally: Memo<RenewalTally>,
    pub months: Memo<Vec<MonthTally>>,
    pub pending: Memo<usize>,
    pub activity: Memo<ActivityRenewal>,
    pub calendar: Memo<Vec<CalendarMonth>>,
    /// The calendar's twelve months added up (its `month` is the first month's).
    pub calendar_total: Memo<Option<CalendarMonth>>,
    pub overdue: Memo<Vec<ListLine>>,
    pub upcoming: Memo<Vec<ListLine>>,
}

impl RenewalsModel {
    pub fn new(state: AppState) -> Self {
        let choice = Memo::new(move |_| state.settings.with(|s: &Settings| s.renewal_period));
        let rules = Memo::new(move |_| state.settings.with(|s| s.rules));
        let period = Memo::new(move |_| choice.get().resolve(state.as_of.get()));
        let due = Memo::new(move |_| {
            let (as_of, rules, period) = (state.as_of.get(), rules.get(), period.get());
            state.book.with(|b| due_set(b, as_of, &rules, &period))
        });
        let tally = Memo::new(move |_| due.with(|d| tally(d)));
        let months = Memo::new(move |_| {
            let period = period.get();
            due.with(|d| by_end_month(d, &period))
        });
        let pending = Memo::new(move |_| {
            let period = period.get();
            state.snapshot.with(|s| state.book.with(|b| pending_set(b, s, &period).len()))
        });
        let activity = Memo::new(move |_| due.with(|d| state.book.with(|b| activity_renewal(b, d))));
        let calendar = Memo::new(move |_| state.snapshot.with(|s| state.book.with(|b| renewal_calendar(b, s))));
        let calendar_total = Memo::new(move |_| calendar.with(|months| sum_months(months)));
        let overdue = Memo::new(move |_| state.snapshot.with(|s| state.book.with(|b| lines(b, overdue_list(b, s)))));
        let upcoming = Memo::new(move |_| {
            state.snapshot.with(|s| state.book.with(|b| lines(b, upcoming_list(b, s, s.rules.renewal_window_days))))
        });
        RenewalsModel { period, tally, months, pending, activity, calendar, calendar_total, overdue, upcoming }
    }
}

#[component]
pub fn RenewalsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = RenewalsModel::new(state);
    let empty = Memo::new(move |_| state.book.with(|b| b.accounts.is_empty()));
    view! {
        <h1>{state.text(Msg::NavRenewals)}</h1>
        <p class="lr-lead">{state.text(Msg::RenIntro)}</p>
        <Show when=move || empty.get()>
            <p class="notice" data-testid="renewals-empty">{state.text(Msg::RenEmptyBook)}</p>
        </Show>
        <period::PeriodPicker period=model.period />
        <metrics::MetricsSection model=model />
        <calendar::CalendarSection model=model />
        <lists::ListsSection model=model />
        <activity::ActivitySection model=model />
    }
}
