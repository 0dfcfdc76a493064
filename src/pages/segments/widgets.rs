//! Small pieces the Segments sections share: money in the reader's language and currency,
//! the message of a form problem, figure cells that carry `data-metric`.

use leptos::prelude::*;

use crate::components::data_value;
use crate::forms::Problem;
use crate::i18n::{fmt_money, Msg};
use crate::state::AppState;

/// Money as the reader reads it (tracks the language and the currency symbol).
pub fn money(state: AppState, amount: f64) -> String {
    state.settings.with(|s| fmt_money(state.lang.get(), amount, &s.currency))
}

/// Health or fit (0–100) with one decimal; "—" when not computed.
pub fn score(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let s = format!("{v:.1}");
            s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
        }
        _ => "—".into(),
    }
}

/// A message template with `{name}` slots filled.
pub fn fill(template: &str, slots: &[(&str, String)]) -> String {
    slots.iter().fold(template.to_string(), |s, (name, value)| s.replace(&format!("{{{name}}}"), value))
}

pub fn problem_msg(p: Problem) -> Msg {
    match p {
        Problem::Required => Msg::SegErrRequired,
        Problem::NotANumber => Msg::SegErrNotANumber,
        Problem::Negative => Msg::SegErrNegative,
        Problem::NotPositive => Msg::SegErrNotPositive,
        Problem::NotWholeDays => Msg::SegErrNotWholeDays,
        Problem::OutOfPercentRange => Msg::SegErrOutOfPercentRange,
        Problem::NotBelowPrevious => Msg::SegErrNotBelowPrevious,
        Problem::LastNotZero => Msg::SegErrLastNotZero,
        Problem::Unnamed => Msg::SegErrUnnamed,
        Problem::BandsOutOfOrder => Msg::SegErrBandsOutOfOrder,
        Problem::AllWeightsZero => Msg::SegErrAllWeightsZero,
    }
}

/// A table cell holding a headline figure (DOMAIN.md §8).
#[component]
pub fn FigureCell(
    #[prop(into)] key: String,
    #[prop(into)] value: Signal<Option<f64>>,
    #[prop(into)] display: Signal<String>,
) -> impl IntoView {
    view! {
        <td class="num" data-metric=key data-value=move || data_value(value.get())>
            {move || display.get()}
        </td>
    }
}
