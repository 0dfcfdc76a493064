//! The KPI scorecard: a preset, the lines with editable targets and weights, and the
//! attainment and score of the team and of each owner.

use leptos::prelude::*;

use super::{Scores, TeamData};
use crate::components::{Cell, Col, DataTable, Row};
use crate::domain::kpi::{
    attainment, KpiDimension, KpiLine, Score, Scorecard as Card, ScorecardError, ScorecardPreset,
};
use crate::forms::team_form::{number_text, parse_number, parse_target, target_text, target_unit, TargetUnit};
use crate::i18n::{dimension_label, fmt_money, fmt_percent, preset_label, t, tr, Lang, Msg, Tpl};
use crate::state::AppState;

/// An actual in its dimension's unit.
pub fn actual_text(lang: Lang, d: KpiDimension, v: Option<f64>, currency: &str) -> String {
    match (v, target_unit(d)) {
        (None, _) => "—".into(),
        (Some(v), TargetUnit::Percent) => fmt_percent(Some(v)),
        (Some(v), TargetUnit::Money) => fmt_money(lang, v, currency),
        (Some(v), TargetUnit::Points) => format!("{v:.1}"),
        (Some(v), TargetUnit::Count) => number_text(v),
    }
}

fn error_text(lang: Lang, e: ScorecardError) -> String {
    match e {
        ScorecardError::WeightsSum { actual } => {
            tr(lang, Tpl::WeightsSum { sum: &number_text((actual * 100.0).round() / 100.0) })
        }
        ScorecardError::InvalidWeight(_) => t(lang, Msg::ErrWeight).into(),
        ScorecardError::Duplicate(_) => t(lang, Msg::ErrDuplicateDimension).into(),
    }
}

#[component]
pub fn Scorecard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let presets = ScorecardPreset::ALL
        .into_iter()
        .map(|p| {
            view! {
                <button type="button" class="btn small" data-testid=format!("preset-{p:?}")
                    aria-pressed=move || state.settings.with(|s| s.scorecard == Card::preset(p)).to_string()
                    on:click=move |_| state.edit_scorecard(|c| *c = Card::preset(p))>
                    {state.text(preset_label(p))}
                </button>
            }
        })
        .collect_view();
    let status = move || {
        let lang = state.lang.get();
        match state.settings.with(|s| s.scorecard.validate()) {
            Ok(()) => {
                view! { <p class="notice ok" data-testid="weights-status">{t(lang, Msg::WeightsOk)}</p> }.into_any()
            }
            Err(e) => {
                view! { <p class="notice error" role="alert" data-testid="weights-status">{error_text(lang, e)}</p> }
                    .into_any()
            }
        }
    };
    // Rows are rebuilt only when lines come or go, so editing one keeps the focus elsewhere.
    let count = Memo::new(move |_| state.settings.with(|s| s.scorecard.lines.len()));
    let lines = move || (0..count.get()).map(|i| view! { <LineRow index=i /> }).collect_view();
    let missing = move || {
        state.settings.with(|s| {
            KpiDimension::ALL
                .into_iter()
                .filter(|d| !s.scorecard.lines.iter().any(|l| l.dimension == *d))
                .collect::<Vec<_>>()
        })
    };
    let add = move |ev| {
        let key = event_target_value(&ev);
        if let Some(d) = KpiDimension::ALL.into_iter().find(|d| format!("{d:?}") == key) {
            state.edit_scorecard(|c| c.lines.push(KpiLine { dimension: d, target: d.default_target(), weight: 0.0 }));
        }
    };
    view! {
        <section class="card" data-testid="scorecard">
            <h2>{state.text(Msg::ScorecardTitle)}</h2>
            <div class="presets" role="group">
                <span>{state.text(Msg::ScorecardPreset)}</span>
                {presets}
            </div>
            <p class="help">{state.text(Msg::ScorecardHelp)}</p>
            <div class="table-wrap">
                <table class="dt-table">
                    <thead><tr>
                        <th>{state.text(Msg::ColDimension)}</th>
                        <th>{state.text(Msg::ColTarget)}</th>
                        <th>{state.text(Msg::ColWeight)}</th>
                        <th class="num">{state.text(Msg::ColTeamActual)}</th>
                        <th class="num">{state.text(Msg::ColAttainment)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{lines}</tbody>
                </table>
            </div>
            <div class="row-actions">
                <Show when=move || !missing().is_empty()>
                    <select data-testid="add-dimension" aria-label=state.text(Msg::AddDimension) on:change=add prop:value="">
                        <option value="">{state.text(Msg::AddDimension)}</option>
                        {move || missing().into_iter().map(|d| view! { <option value=format!("{d:?}")>{state.text(dimension_label(d))}</option> }).collect_view()}
                    </select>
                </Show>
            </div>
            {status}
            <ScoreTable />
        </section>
    }
}

/// One line of the card: its target and weight as typed, and the team's figures.
#[component]
fn LineRow(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let line_memo = Memo::new(move |_| state.settings.with(|s| s.scorecard.lines.get(index).copied()));
    let line = move || line_memo.get();
    let target_bad = RwSignal::new(false);
    let weight_bad = RwSignal::new(false);
    let team_actual = move || line().and_then(|l| data.team_actuals.with(|a| a.get(l.dimension)));
    let on_target = move |ev| {
        let Some(l) = line() else { return };
        match parse_target(l.dimension, &event_target_value(&ev)) {
            Some(v) => {
                target_bad.set(false);
                state.edit_scorecard(|c| {
                    if let Some(x) = c.lines.get_mut(index) {
                        x.target = v
                    }
                });
            }
            None => target_bad.set(true),
        }
    };
    let on_weight = move |ev| match parse_number(&event_target_value(&ev)).filter(|v| *v >= 0.0) {
        Some(v) => {
            weight_bad.set(false);
            state.edit_scorecard(|c| {
                if let Some(x) = c.lines.get_mut(index) {
                    x.weight = v
                }
            });
        }
        None => weight_bad.set(true),
    };
    let remove = move |_| {
        state.edit_scorecard(|c| {
            if index < c.lines.len() {
                c.lines.remove(index);
            }
        })
    };
    move || {
        line().map(|l| {
        let d = l.dimension;
        let unit = match target_unit(d) { TargetUnit::Percent => "%", _ => "" };
        let currency = state.settings.with(|s| s.currency.clone());
        view! {
            <tr data-testid=format!("kpi-line-{index}")>
                <th scope="row">{state.text(dimension_label(d))}</th>
                <td class="input-cell">
                    <input type="text" inputmode="decimal" size="9" data-testid=format!("kpi-target-{index}") data-field=format!("kpi.{index}.target")
                        aria-label=state.text(Msg::ColTarget) aria-invalid=move || target_bad.get().to_string()
                        prop:value=target_text(d, l.target) on:change=on_target />{unit}
                    <Show when=move || target_bad.get()><p class="field-error" role="alert">{state.text(Msg::ErrTarget)}</p></Show>
                </td>
                <td class="input-cell">
                    <input type="text" inputmode="decimal" size="4" data-testid=format!("kpi-weight-{index}") data-field=format!("kpi.{index}.weight")
                        aria-label=state.text(Msg::ColWeight) aria-invalid=move || weight_bad.get().to_string()
                        prop:value=number_text(l.weight) on:change=on_weight />
                    <Show when=move || weight_bad.get()><p class="field-error" role="alert">{state.text(Msg::ErrWeight)}</p></Show>
                </td>
                <td class="num">{move || actual_text(state.lang.get(), d, team_actual(), &currency)}</td>
                <td class="num">{move || fmt_percent(team_actual().and_then(|a| line().and_then(|l| attainment(a, l.target))))}</td>
                <td><button type="button" class="btn small" on:click=remove>{state.text(Msg::Remove)}</button></td>
            </tr>
        }
    })
    }
}

/// The score of `who` ("" is the team), when the card scores.
fn score_of<'a>(scores: &'a Scores, who: &str) -> Option<&'a Score> {
    let (owners, team) = scores.as_ref().ok()?;
    if who.is_empty() {
        Some(team)
    } else {
        owners.iter().find(|(o, _)| o == who).map(|(_, s)| s)
    }
}

/// The score of the team and of each owner, then one person's card line by line: actual,
/// target, attainment, weight and weighted score, each in its own labelled column.
#[component]
fn ScoreTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    // The person whose lines show: "" is the team.
    let who = RwSignal::new(String::new());
    let overview = Memo::new(move |_| {
        let lang = state.lang.get();
        data.scores.with(|r| {
            let Ok((owners, team)) = r else { return Vec::new() };
            let row = |key: String, name: String, metric: String, s: &Score| {
                let score = s.score.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"));
                Row::new(
                    key,
                    vec![
                        Cell::text(name),
                        Cell::text(score).metric(metric, s.score),
                        Cell::figure(number_text(s.covered_weight), s.covered_weight),
                    ],
                )
            };
            let mut rows =
                vec![row(String::new(), t(lang, Msg::Team).to_string(), "team.score".into(), team).class("highlight")];
            rows.extend(owners.iter().map(|(o, s)| row(o.clone(), o.clone(), format!("owner.{o}.score"), s)));
            rows
        })
    });
    let people = move || {
        data.scores
            .with(|r| r.as_ref().ok().map(|(owners, _)| owners.iter().map(|(o, _)| o.clone()).collect::<Vec<_>>()))
    };
    let lines = Memo::new(move |_| {
        let lang = state.lang.get();
        let currency = state.settings.with(|s| s.currency.clone());
        let who = who.get();
        data.scores.with(|r| {
            let Some(score) = score_of(r, &who) else { return Vec::new() };
            score
                .lines
                .iter()
                .map(|l| {
                    let weighted = l.attainment.map(|a| a * l.weight);
                    Row::new(
                        format!("{:?}", l.dimension),
                        vec![
                            Cell::text(t(lang, dimension_label(l.dimension))),
                            Cell::text(actual_text(lang, l.dimension, l.actual, &currency)),
                            Cell::text(actual_text(lang, l.dimension, Some(l.target), &currency)),
                            Cell::text(fmt_percent(l.attainment)),
                            Cell::figure(number_text(l.weight), l.weight),
                            Cell::text(weighted.map_or_else(|| "—".to_string(), |w| format!("{w:.1}"))),
                        ],
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let total = Signal::derive(move || {
        let lang = state.lang.get();
        let who = who.get();
        data.scores.with(|r| {
            let score = score_of(r, &who);
            let text = score.and_then(|s| s.score).map_or_else(|| "—".to_string(), |v| format!("{v:.1}"));
            let partial = score
                .filter(|s| s.score.is_some() && s.covered_weight < 100.0 - 1e-6)
                .map(|s| tr(lang, Tpl::ScorecardPartial { w: &number_text(s.covered_weight) }));
            vec![
                Cell::text(t(lang, Msg::ColScore)),
                Cell::default(),
                Cell::default(),
                Cell::default(),
                Cell::default(),
                Cell::text(text).sub(partial.unwrap_or_default()),
            ]
        })
    });
    let overview_cols = vec![Col::name(Msg::ColOwner), Col::num(Msg::ColScore), Col::num(Msg::ColCoveredWeight)];
    let line_cols = vec![
        Col::name(Msg::ColDimension),
        Col::num(Msg::ColActual),
        Col::num(Msg::ColTarget),
        Col::num(Msg::ColAttainment).note(Msg::AttainmentNote),
        Col::num(Msg::ColWeight),
        Col::num(Msg::ColWeightedScore).note(Msg::WeightedScoreNote),
    ];
    let choose = move |ev| who.set(event_target_value(&ev));
    move || {
        data.scores.with(|r| r.is_ok()).then(|| {
            view! {
                <div class="score-tables">
                    <DataTable cols=overview_cols.clone() rows=overview testid="score-table" class="score-overview" />
                    <div class="score-lines">
                        <label class="score-who">
                            {state.text(Msg::ScoreLinesFor)} " "
                            <select data-testid="score-who" on:change=choose prop:value=move || who.get()>
                                <option value="">{state.text(Msg::Team)}</option>
                                {move || people().unwrap_or_default().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                            </select>
                        </label>
                        <DataTable cols=line_cols.clone() rows=lines foot=total testid="score-lines" />
                    </div>
                </div>
            }
        })
    }
}
