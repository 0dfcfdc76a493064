//! The value × fit quadrant: its two thresholds (editable), the binned chart, and the four
//! named quadrants plus the unscored accounts as cards that open their account list.

use leptos::prelude::*;

use crate::charts::{quadrant_chart, QuadrantChart};
use crate::components::ChartView;
use crate::domain::quadrant::Quadrant;
use crate::forms::quadrant_form::{QuadrantField, QuadrantForm};
use crate::i18n::{fmt_count, fmt_money, t, tr, Msg, Tpl};
use crate::state::AppState;

use super::data::{GRID_COLUMNS, GRID_ROWS};
use super::quadrant_list::{Group, MemberList};
use super::widgets::problem_msg;
use super::SegmentsData;
use crate::components::money;

pub fn name_msg(q: Quadrant) -> Msg {
    match q {
        Quadrant::Panda => Msg::SegQPanda,
        Quadrant::Potential => Msg::SegQPotential,
        Quadrant::Tool => Msg::SegQTool,
        Quadrant::Oasis => Msg::SegQOasis,
    }
}

fn where_msg(q: Quadrant) -> Msg {
    match q {
        Quadrant::Panda => Msg::SegQPandaWhere,
        Quadrant::Potential => Msg::SegQPotentialWhere,
        Quadrant::Tool => Msg::SegQToolWhere,
        Quadrant::Oasis => Msg::SegQOasisWhere,
    }
}

fn strategy_msg(q: Quadrant) -> Msg {
    match q {
        Quadrant::Panda => Msg::SegQPandaStrategy,
        Quadrant::Potential => Msg::SegQPotentialStrategy,
        Quadrant::Tool => Msg::SegQToolStrategy,
        Quadrant::Oasis => Msg::SegQOasisStrategy,
    }
}

#[component]
pub fn Quadrants() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<SegmentsData>();
    let selected = RwSignal::new(None::<Group>);
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let currency = data.currency.get();
        let format = |v: f64| fmt_money(lang, v, &currency);
        data.quadrants.with(|f| {
            data.grid.with(|g| {
                let labels =
                    Quadrant::ALL.map(|q| format!("{} · {}", t(lang, name_msg(q)), fmt_count(f.cell(q).accounts)));
                quadrant_chart(
                    &QuadrantChart {
                        title: t(lang, Msg::ChartQuadrantTitle).into(),
                        x_title: t(lang, Msg::ChartQuadrantX).into(),
                        y_title: t(lang, Msg::ColFit).into(),
                        grid: g,
                        value_threshold: f.value_threshold,
                        fit_threshold: f.fit_threshold,
                        quadrant_labels: labels,
                        binned_note: tr(
                            lang,
                            Tpl::ChartQuadrantBinned {
                                cols: &GRID_COLUMNS.to_string(),
                                rows: &GRID_ROWS.to_string(),
                                max: &fmt_count(g.max_count as usize),
                            },
                        ),
                        empty_message: t(lang, Msg::ChartQuadrantEmpty).into(),
                        format_money: &format,
                    },
                    width,
                )
            })
        })
    };
    let card = move |q: Quadrant| {
        let cell = move || data.quadrants.with(|f| (f.cell(q).accounts, f.cell(q).arr));
        let group = Group::Quadrant(q);
        view! {
            <button
                type="button"
                class=format!("quad-card quad-{}", q.key())
                aria-pressed=move || (selected.get() == Some(group)).to_string()
                data-testid=format!("quadrant-{}", q.key())
                on:click=move |_| selected.update(|s| *s = if *s == Some(group) { None } else { Some(group) })
            >
                <span class="quad-name">{state.text(name_msg(q))}</span>
                <span class="quad-where">{state.text(where_msg(q))}</span>
                <span class="quad-figures" data-metric=format!("quadrant.{}.accounts", q.key())
                    data-value=move || cell().0.to_string()>
                    <strong>{move || fmt_count(cell().0)}</strong>
                    " · " {move || money(state, cell().1)}
                </span>
                <span class="quad-strategy">{state.text(strategy_msg(q))}</span>
            </button>
        }
    };
    let unscored = move || data.quadrants.with(|f| (f.unscored.accounts, f.unscored.arr));
    view! {
        <p class="help">{state.text(Msg::SegQuadrantHelp)}</p>
        <ThresholdControls />
        <ChartView svg=chart file_stem="value-fit" />
        <div class="quad-grid" role="group" aria-label=state.text(Msg::SegQuadrantTitle)>
            {card(Quadrant::Potential)}
            {card(Quadrant::Panda)}
            {card(Quadrant::Tool)}
            {card(Quadrant::Oasis)}
        </div>
        <button
            type="button"
            class="quad-card quad-unscored"
            aria-pressed=move || (selected.get() == Some(Group::Unscored)).to_string()
            data-testid="quadrant-unscored"
            on:click=move |_| selected.update(|s| *s = if *s == Some(Group::Unscored) { None } else { Some(Group::Unscored) })
        >
            <span class="quad-name">{state.text(Msg::SegUnscored)}</span>
            <span class="quad-figures" data-metric="quadrant.unscored" data-value=move || unscored().0.to_string()>
                <strong>{move || fmt_count(unscored().0)}</strong>
                " · " {move || money(state, unscored().1)}
            </span>
            <span class="quad-strategy">{state.text(Msg::SegUnscoredHelp)}</span>
        </button>
        <MemberList selected=selected />
    }
}

/// The value threshold (median or a fixed amount) and the fit threshold.
#[component]
fn ThresholdControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<SegmentsData>();
    let draft = RwSignal::new(None::<QuadrantForm>);
    let form = Memo::new(move |_| {
        draft.get().unwrap_or_else(|| {
            let median = data.quadrants.with(|f| f.value_threshold);
            state.settings.with(|s| QuadrantForm::from_settings(&s.quadrant, median))
        })
    });
    let errors = Memo::new(move |_| form.with(|f| f.parse().err().unwrap_or_default()));
    let edit = move |change: &dyn Fn(&mut QuadrantForm)| {
        let mut f = form.get_untracked();
        change(&mut f);
        match f.parse() {
            Ok(q) => {
                state.set_quadrant_settings(q);
                draft.set(None);
            }
            Err(_) => draft.set(Some(f)),
        }
    };
    let problem = move |field: QuadrantField| {
        errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, p)| state.t(problem_msg(*p))))
    };
    let threshold_now =
        move || data.quadrants.with(|f| f.value_threshold).map(|v| money(state, v)).unwrap_or_else(|| "—".into());
    view! {
        <div class="seg-controls">
            <fieldset class="seg-fieldset">
                <legend>{state.text(Msg::SegValueThreshold)}</legend>
                <label class="radio">
                    <input type="radio" name="value-threshold" data-testid="value-median"
                        prop:checked=move || form.with(|f| f.median)
                        on:change=move |_| edit(&|f| f.median = true) />
                    {state.text(Msg::SegValueMedian)}
                </label>
                <label class="radio">
                    <input type="radio" name="value-threshold" data-testid="value-fixed"
                        prop:checked=move || form.with(|f| !f.median)
                        on:change=move |_| edit(&|f| f.median = false) />
                    {state.text(Msg::SegValueFixed)}
                </label>
                <input type="text" inputmode="decimal" class="num" maxlength="20" data-testid="value-amount" data-field="quadrant.value_threshold"
                    aria-label=state.text(Msg::SegValueFixed)
                    disabled=move || form.with(|f| f.median)
                    aria-invalid=move || problem(QuadrantField::FixedValue).is_some().to_string()
                    prop:value=move || form.with(|f| f.fixed_value.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); edit(&|f| f.fixed_value = v.clone()) } />
                <span class="help">{state.text(Msg::SegValueNow)} " " {threshold_now}</span>
                {move || problem(QuadrantField::FixedValue).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </fieldset>
            <fieldset class="seg-fieldset">
                <legend>{state.text(Msg::SegFitThreshold)}</legend>
                <input type="text" inputmode="decimal" class="num" maxlength="6" data-testid="fit-threshold" data-field="quadrant.fit_threshold"
                    aria-label=state.text(Msg::SegFitThreshold)
                    aria-invalid=move || problem(QuadrantField::Fit).is_some().to_string()
                    prop:value=move || form.with(|f| f.fit.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); edit(&|f| f.fit = v.clone()) } />
                {move || problem(QuadrantField::Fit).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </fieldset>
        </div>
    }
}
