//! The period picker: last 12 months, this quarter, last quarter, a month, or a custom range,
//! kept in `settings.renewal_period` (and so saved with the settings).

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::dates::{add_months, first_of_month, iso};
use crate::domain::period::{Period, PeriodChoice};
use crate::i18n::Msg;
use crate::pages::widgets::DateRange;
use crate::state::AppState;

const KINDS: [(&str, Msg); 5] = [
    ("last12", Msg::RenPeriodLast12),
    ("this_quarter", Msg::RenPeriodThisQuarter),
    ("last_quarter", Msg::RenPeriodLastQuarter),
    ("month", Msg::RenPeriodMonth),
    ("custom", Msg::Custom),
];

fn kind_of(choice: PeriodChoice) -> &'static str {
    match choice {
        PeriodChoice::Last12Months => "last12",
        PeriodChoice::ThisQuarter => "this_quarter",
        PeriodChoice::LastQuarter => "last_quarter",
        PeriodChoice::Month { .. } => "month",
        PeriodChoice::Custom { .. } => "custom",
    }
}

/// `YYYY-MM` (or `YYYY-M`) → (year, month).
fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.trim().split_once('-')?;
    let (year, month) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
    ((1900..=9999).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}

#[component]
pub fn PeriodPicker(period: Memo<Period>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let choice = Memo::new(move |_| state.settings.with(|s| s.renewal_period));
    let set = move |c: PeriodChoice| state.set_renewal_period(c);
    let bad_month = RwSignal::new(false);
    let on_kind = move |ev| {
        let next = match event_target_value(&ev).as_str() {
            "this_quarter" => PeriodChoice::ThisQuarter,
            "last_quarter" => PeriodChoice::LastQuarter,
            "month" => {
                // The last whole month before D's.
                let m = add_months(first_of_month(state.as_of.get_untracked()), -1);
                PeriodChoice::Month { year: m.year(), month: m.month() }
            }
            "custom" => {
                let p = period.get_untracked();
                PeriodChoice::Custom { from: p.from, to: p.to }
            }
            _ => PeriodChoice::Last12Months,
        };
        bad_month.set(false);
        set(next);
    };
    let on_month = move |ev| match parse_month(&event_target_value(&ev)) {
        Some((year, month)) => {
            bad_month.set(false);
            set(PeriodChoice::Month { year, month });
        }
        None => bad_month.set(true),
    };
    let month_text = move || match choice.get() {
        PeriodChoice::Month { year, month } => format!("{year:04}-{month:02}"),
        _ => String::new(),
    };
    let options = move || {
        KINDS
            .iter()
            .map(|&(value, msg)| {
                view! {
                    <option value=value selected=move || kind_of(choice.get()) == value>
                        {state.text(msg)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="lr-controls period-picker" role="group" aria-label=state.text(Msg::RenPeriodLabel)>
            <label class="range-field">
                <span class="control-label">{state.text(Msg::RenPeriodLabel)}</span>
                <select data-testid="period-kind" data-field="renewals.period" on:change=on_kind prop:value=move || kind_of(choice.get())>
                    {options}
                </select>
            </label>
            <Show when=move || matches!(choice.get(), PeriodChoice::Month { .. })>
                <label class="range-field">
                    <span>{state.text(Msg::Month)}</span>
                    <input type="text" inputmode="numeric" placeholder="YYYY-MM" maxlength="7" size="8"
                        data-testid="period-month" data-field="renewals.period_month" prop:value=month_text
                        aria-invalid=move || bad_month.get().to_string() on:change=on_month />
                </label>
            </Show>
            <Show when=move || matches!(choice.get(), PeriodChoice::Custom { .. })>
                <DateRange value=period testid="period"
                    on_change=move |p: Period| set(PeriodChoice::Custom { from: p.from, to: p.to }) />
            </Show>
            <span class="period-range" data-testid="period-range" data-from=move || iso(period.get().from)
                data-to=move || iso(period.get().to)>
                {move || format!("{} — {}", iso(period.get().from), iso(period.get().to))}
            </span>
        </div>
        <Show when=move || bad_month.get()>
            <p class="field-error" role="alert">{state.text(Msg::RenPeriodBadMonth)}</p>
        </Show>
    }
}
