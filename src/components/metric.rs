//! A headline figure, carrying the `data-metric` / `data-value` pair that tests read
//! (DOMAIN.md §8): the value is plain and unrounded whatever the language.

use leptos::prelude::*;

/// The `data-value` text of a figure: `""` when it is not computed, integers without a point.
pub fn data_value(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_finite() => format!("{x}"),
        _ => String::new(),
    }
}

#[component]
pub fn Metric(
    /// The DOMAIN.md §8 key, e.g. "book.arr".
    #[prop(into)]
    key: String,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] value: Signal<Option<f64>>,
    /// The value as the reader sees it (formatted per language).
    #[prop(into)]
    display: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="metric" data-metric=key data-value=move || data_value(value.get())>
            <span class="metric-label">{move || label.get()}</span>
            <span class="metric-value">{move || display.get()}</span>
        </div>
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
