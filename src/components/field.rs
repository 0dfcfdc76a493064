//! The one input of a typed value (DOMAIN.md §0). What is typed is read by `forms::field::Spec`
//! (the one parser) and applied on Enter, on leaving the field, or after a short pause — never
//! a partial or invalid value: a refused text says why under the field, in the user's language,
//! and the last valid value stays in force (and in storage). A value set from elsewhere (a
//! loaded scenario, a prefill from the book) is shown the way a person of that language writes
//! it (`150万` / `1.5M`); the text being typed is never rewritten under the cursor.

use std::time::Duration;

use leptos::html::Input;
use leptos::prelude::*;

use crate::forms::field::{Invalid, Kind, Spec};
use crate::state::AppState;

/// How long typing must pause before the value is applied.
const PAUSE: Duration = Duration::from_millis(700);

/// How a field shows its number: as stored, or a fraction shown as a percentage.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Unit {
    #[default]
    Plain,
    /// Money: `150万` / `1.5M`.
    Money,
    Percent,
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
    /// Whole numbers only.
    #[prop(optional)]
    whole: bool,
    #[prop(optional)] bare: bool,
    /// Decimals shown for a value set from elsewhere; typed text is kept as typed.
    #[prop(optional)]
    decimals: Option<usize>,
    #[prop(optional, into)] placeholder: Option<Signal<String>>,
    /// The stable name tests and people's scripts find the field by (DOMAIN.md §8).
    #[prop(into)]
    field: String,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kind = match unit {
        _ if whole => Kind::Count,
        Unit::Plain => Kind::Number,
        Unit::Money => Kind::Amount,
        Unit::Percent => Kind::Percent,
    };
    let spec = Spec { kind, min, max, optional: allow_empty, decimals };
    let input = NodeRef::<Input>::new();
    let problem = RwSignal::new(None::<Invalid>);
    // Bumped on every keystroke: a pending pause-apply checks it is still the latest.
    let typed = StoredValue::new(0u64);
    let text = move || {
        let (v, lang) = (value.get(), state.lang.get());
        // Keep the person's own text while it means this value ("1." while typing "1.5").
        let current = input.get_untracked().map(|el| el.value());
        match (v, current.as_deref().map(|c| spec.read(c))) {
            (Some(v), Some(Ok(Some(typed)))) if same(typed, v) => current.unwrap_or_default(),
            (None, Some(Ok(None))) => current.unwrap_or_default(),
            (Some(v), _) => spec.show(v, lang),
            (None, _) => String::new(),
        }
    };
    // Applies the field's text if it is valid; says why not otherwise. `tidy` rewrites a valid
    // text the way the language writes it (on Enter and on leaving the field).
    // Only text the person typed is applied: focusing and leaving a field that shows a rounded
    // prefill (296,188 for 296,187.5) changes nothing.
    let dirty = StoredValue::new(false);
    let apply = move |tidy: bool| {
        let Some(el) = input.get_untracked() else { return };
        if !dirty.get_value() {
            return;
        }
        match spec.read(&el.value()) {
            Ok(v) => {
                dirty.set_value(false);
                problem.set(None);
                let changed = match (v, value.get_untracked()) {
                    (Some(a), Some(b)) => !same(a, b),
                    (None, None) => false,
                    _ => true,
                };
                if changed {
                    on_set.run(v);
                }
                if tidy {
                    el.set_value(&v.map(|v| spec.show(v, state.lang.get_untracked())).unwrap_or_default());
                }
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let on_input = move |_| {
        dirty.set_value(true);
        let n = typed.get_value() + 1;
        typed.set_value(n);
        // A message about the text before stays until the new text is judged.
        set_timeout(
            move || {
                if typed.try_get_value() == Some(n) {
                    apply(false);
                }
            },
            PAUSE,
        );
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            typed.set_value(typed.get_value() + 1);
            apply(true);
        }
    };
    let on_blur = move |_| {
        typed.set_value(typed.get_value() + 1);
        apply(true);
    };
    let message = move || problem.get().map(|p| spec.message(p, state.lang.get()));
    let suffix = (unit == Unit::Percent).then_some("%");
    let error_id = format!("err-{testid}");
    let field_view = view! {
        <span class="num-input">
            <input
                node_ref=input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                data-testid=testid
                data-field=field
                aria-label=move || bare.then(|| label.get())
                aria-invalid=move || problem.with(Option::is_some).to_string()
                aria-describedby=error_id.clone()
                title=move || message().unwrap_or_default()
                placeholder=move || placeholder.map(|p| p.get()).unwrap_or_default()
                prop:value=text
                on:input=on_input
                on:keydown=on_key
                on:blur=on_blur
            />
            {suffix.map(|s| view! { <span class="unit">{s}</span> })}
        </span>
        <span class="field-error" id=error_id role="alert" hidden=move || problem.with(Option::is_none)>{message}</span>
    };
    if bare {
        view! { <span class="field-cell">{field_view}</span> }.into_any()
    } else {
        view! {
            <label class="cap-field">
                <span class="cap-field-label">{move || label.get()}</span>
                {field_view}
            </label>
        }
        .into_any()
    }
}
