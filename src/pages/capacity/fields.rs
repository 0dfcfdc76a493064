//! The page's number field: answers on every keystroke, says when the text is not a number or
//! out of range, and never rewrites what the user is typing (only values set from elsewhere,
//! such as a loaded scenario, replace the text).

use leptos::html::Input;
use leptos::prelude::*;

use crate::app::AppState;
use crate::i18n::Msg;
use crate::forms::input::{field_text_rounded, parse_number, within};

/// How a field shows its number: as stored, or a fraction shown as a percentage.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Unit {
    #[default]
    Plain,
    Percent,
}

impl Unit {
    fn scale(self) -> f64 {
        match self {
            Unit::Plain => 1.0,
            Unit::Percent => 100.0,
        }
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[component]
pub fn NumField(
    /// Visible label; with `bare`, only the accessible name (table cells).
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] value: Signal<Option<f64>>,
    on_set: Callback<Option<f64>>,
    #[prop(optional)] unit: Unit,
    /// Bounds in stored units (a percentage field's 100% is 1.0).
    #[prop(optional)]
    min: Option<f64>,
    #[prop(optional)] max: Option<f64>,
    /// An empty field means "not entered" (sent as `None`) instead of an error.
    #[prop(optional)]
    allow_empty: bool,
    #[prop(optional)] bare: bool,
    /// Decimals shown for a value set from elsewhere (default 4); typed text is kept as typed.
    #[prop(optional)]
    decimals: Option<usize>,
    #[prop(optional, into)] placeholder: Option<Signal<String>>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = NodeRef::<Input>::new();
    let invalid = RwSignal::new(false);
    let scale = unit.scale();
    let text = move || {
        let v = value.get();
        // Keep the user's own text while it means this value ("1." while typing "1.5").
        let current = input.get_untracked().map(|el| el.value());
        match (v, current.as_deref().map(parse_number)) {
            (Some(v), Some(Some(typed))) if same(typed, v * scale) => current.unwrap_or_default(),
            (None, Some(None)) if allow_empty => current.unwrap_or_default(),
            (Some(v), _) => field_text_rounded(v, scale, decimals.unwrap_or(4)),
            (None, _) => String::new(),
        }
    };
    let on_input = move |ev| {
        let raw = event_target_value(&ev);
        if raw.trim().is_empty() {
            invalid.set(!allow_empty);
            if allow_empty {
                on_set.run(None);
            }
            return;
        }
        match parse_number(&raw).map(|x| x / scale) {
            Some(x) if within(x, min, max) => {
                invalid.set(false);
                on_set.run(Some(x));
            }
            _ => invalid.set(true),
        }
    };
    let suffix = (unit == Unit::Percent).then_some("%");
    let field = view! {
        <span class="num-input">
            <input
                node_ref=input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                data-testid=testid
                aria-label=move || bare.then(|| label.get())
                aria-invalid=move || invalid.get().to_string()
                title=move || if invalid.get() { state.t(Msg::CapFieldInvalid) } else { "" }
                placeholder=move || placeholder.map(|p| p.get()).unwrap_or_default()
                prop:value=text
                on:input=on_input
            />
            {suffix.map(|s| view! { <span class="unit">{s}</span> })}
        </span>
    };
    if bare {
        field.into_any()
    } else {
        view! {
            <label class="cap-field">
                <span class="cap-field-label">{move || label.get()}</span>
                {field}
            </label>
        }
        .into_any()
    }
}
