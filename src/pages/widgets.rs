//! Small pieces the Lifecycle and Renewals pages share: names of stages, bands and tiers in
//! the reader's language, money in the book's currency, a date-range field and a days field.

use leptos::prelude::*;

use crate::domain::dates::iso;
use crate::domain::period::Period;
use crate::i18n::{tier_name, Msg};
use crate::state::AppState;

/// The tiers' names in the language, highest tier first.
pub fn tier_names(state: AppState) -> Vec<String> {
    let lang = state.lang.get();
    state.settings.with(|s| s.tiers.tiers.iter().map(|t| tier_name(t, lang).to_string()).collect())
}

/// Two ISO date fields for a range. Calls `on_change` only with a valid range; says why not
/// otherwise.
#[component]
pub fn DateRange(
    #[prop(into)] value: Signal<Period>,
    #[prop(into)] on_change: Callback<Period>,
    /// Prefix of the fields' test ids: `{testid}-from`, `{testid}-to`.
    testid: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<Msg>);
    let (from_text, to_text) = (RwSignal::new(None::<String>), RwSignal::new(None::<String>));
    let commit = move || {
        let current = value.get_untracked();
        let read = |text: Option<String>, fallback| match text {
            Some(t) => crate::domain::typed::parse_date(&t).ok(),
            None => Some(fallback),
        };
        let from = read(from_text.get_untracked(), current.from);
        let to = read(to_text.get_untracked(), current.to);
        match (from, to) {
            (Some(from), Some(to)) => match Period::new(from, to) {
                Some(p) => {
                    error.set(None);
                    from_text.set(None);
                    to_text.set(None);
                    on_change.run(p);
                }
                None => error.set(Some(Msg::RangeBackwards)),
            },
            _ => error.set(Some(Msg::SettingsInvalidDate)),
        }
    };
    let field = move |label: Msg, text: RwSignal<Option<String>>, pick: fn(Period) -> chrono::NaiveDate, id: String| {
        view! {
            <label class="range-field">
                <span>{state.text(label)}</span>
                <input type="text" inputmode="numeric" placeholder="YYYY-MM-DD" maxlength="16" data-testid=id.clone() data-field=id
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || text.get().unwrap_or_else(|| iso(pick(value.get())))
                    on:change=move |ev| { text.set(Some(event_target_value(&ev))); commit(); } />
            </label>
        }
    };
    view! {
        <span class="date-range">
            {field(Msg::RangeFrom, from_text, |p| p.from, format!("{testid}-from"))}
            {field(Msg::RangeTo, to_text, |p| p.to, format!("{testid}-to"))}
        </span>
        {move || error.get().map(|m| view! { <p class="field-error" role="alert">{state.text(m)}</p> })}
    }
}

/// A whole number of days, 0 to 730, for one of the as-of rules.
#[component]
pub fn DaysField(
    label: Msg,
    help: Msg,
    #[prop(into)] value: Signal<i64>,
    #[prop(into)] on_change: Callback<i64>,
    testid: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let invalid = RwSignal::new(false);
    let on_input = move |ev| {
        let days = crate::domain::typed::parse_count(&event_target_value(&ev))
            .ok()
            .map(i64::from)
            .filter(|d| (0..=730).contains(d));
        invalid.set(days.is_none());
        if let Some(d) = days {
            on_change.run(d);
        }
    };
    view! {
        <div class="field">
            <label for=testid>{state.text(label)}</label>
            <input id=testid type="number" min="0" max="730" step="1" inputmode="numeric" data-testid=testid data-field=testid
                prop:value=move || value.get().to_string()
                aria-invalid=move || invalid.get().to_string()
                on:change=on_input />
            <p class="help">{state.text(help)}</p>
            <Show when=move || invalid.get()>
                <p class="field-error" role="alert">{state.text(Msg::LcRulesInvalid)}</p>
            </Show>
        </div>
    }
}
