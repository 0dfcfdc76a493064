//! Health: weights and band limits (editable), the distribution red / yellow / green / none
//! over active accounts, overall (figures) and per tier (a chart). Bands are named in text
//! beside their colour everywhere.

use leptos::prelude::*;

use crate::charts::theme;
use crate::charts::{share_bars, ShareBarChart, SharePart};
use crate::components::{ChartView, Metric};
use crate::domain::health::Band;
use crate::forms::health_form::{HealthField, HealthForm};
use crate::i18n::tier_name;
use crate::i18n::{fmt_count, fmt_percent, t, Msg};
use crate::state::AppState;

use super::widgets::problem_msg;
use super::SegmentsData;

fn band_legend(b: Band) -> Msg {
    match b {
        Band::Red => Msg::SegBandRed,
        Band::Yellow => Msg::SegBandYellow,
        Band::Green => Msg::SegBandGreen,
        Band::None => Msg::SegBandNone,
    }
}

fn band_color(b: Band) -> plotters::style::RGBColor {
    match b {
        Band::Red => theme::HEALTH_RED,
        Band::Yellow => theme::HEALTH_YELLOW,
        Band::Green => theme::HEALTH_GREEN,
        Band::None => theme::HEALTH_NONE,
    }
}

fn field_msg(f: HealthField) -> Msg {
    match f {
        HealthField::ActivityWeight => Msg::ColActivity,
        HealthField::DepthWeight => Msg::ColDepth,
        HealthField::SatisfactionWeight => Msg::ColSatisfaction,
        HealthField::YellowFrom => Msg::SegHYellowFrom,
        HealthField::GreenFrom => Msg::SegHGreenFrom,
    }
}

fn field_slug(f: HealthField) -> &'static str {
    match f {
        HealthField::ActivityWeight => "activity",
        HealthField::DepthWeight => "depth",
        HealthField::SatisfactionWeight => "satisfaction",
        HealthField::YellowFrom => "yellow-from",
        HealthField::GreenFrom => "green-from",
    }
}

#[component]
pub fn Health() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<SegmentsData>();
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let count = |v: f64| fmt_count(v.round() as usize);
        data.health.with(|dist| {
            let mut rows = vec![t(lang, Msg::SegAllTiers).to_string()];
            data.tier_settings.with(|s| rows.extend(s.tiers.iter().map(|tier| tier_name(tier, lang).to_string())));
            let parts = Band::ALL
                .iter()
                .map(|&b| SharePart {
                    name: t(lang, band_legend(b)).into(),
                    color: band_color(b),
                    values: std::iter::once(&dist.overall).chain(&dist.per_tier).map(|p| p.get(b) as f64).collect(),
                })
                .collect();
            share_bars(
                &ShareBarChart {
                    title: t(lang, Msg::ChartHealthTitle).into(),
                    x_title: t(lang, Msg::ColShareAccounts).into(),
                    rows,
                    parts,
                    empty_message: t(lang, Msg::ChartEmpty).into(),
                    format_value: &count,
                },
                width,
            )
        })
    };
    let metric = move |b: Band| {
        let n = move || data.health.with(|d| d.overall.get(b));
        let share = move || {
            data.health.with(|d| {
                let total = d.overall.total();
                (total > 0).then(|| d.overall.get(b) as f64 / total as f64)
            })
        };
        view! {
            <div class=format!("band-metric band-{}", b.key())>
                <Metric key=format!("health.{}", b.key())
                    label=Signal::derive(move || state.t(band_legend(b)))
                    value=Signal::derive(move || Some(n() as f64))
                    display=Signal::derive(move || format!("{} · {}", fmt_count(n()), fmt_percent(share()))) />
            </div>
        }
    };
    view! {
        <p class="help">{state.text(Msg::SegHealthHelp)}</p>
        <HealthEditor />
        <section class="metrics band-metrics">
            {Band::ALL.map(metric).into_iter().collect_view()}
        </section>
        <ChartView svg=chart file_stem="health" />
    }
}

#[component]
fn HealthEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(None::<HealthForm>);
    let form = Memo::new(move |_| {
        draft.get().unwrap_or_else(|| state.settings.with(|s| HealthForm::from_settings(&s.health)))
    });
    let errors = Memo::new(move |_| form.with(|f| f.parse().err().unwrap_or_default()));
    let edit = move |field: HealthField, text: String| {
        let mut f = form.get_untracked();
        f.set(field, text);
        match f.parse() {
            Ok(h) => {
                state.set_health_settings(h);
                draft.set(None);
            }
            Err(_) => draft.set(Some(f)),
        }
    };
    let problem = move |field: HealthField| {
        errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, p)| state.t(problem_msg(*p))))
    };
    let input = move |field: HealthField| {
        let id = format!("health-{}", field_slug(field));
        view! {
            <div class="seg-field">
                <label for=id.clone()>{state.text(field_msg(field))}</label>
                <input id=id.clone() type="text" inputmode="decimal" class="num" maxlength="8"
                    data-testid=id.clone() data-field=id
                    aria-invalid=move || problem(field).is_some().to_string()
                    prop:value=move || form.with(|f| f.text(field).to_string())
                    on:change=move |ev| edit(field, event_target_value(&ev)) />
                {move || problem(field).map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
            </div>
        }
    };
    view! {
        <div class="seg-controls">
            <fieldset class="seg-fieldset">
                <legend>{state.text(Msg::SegHealthWeights)}</legend>
                {input(HealthField::ActivityWeight)}
                {input(HealthField::DepthWeight)}
                {input(HealthField::SatisfactionWeight)}
            </fieldset>
            <fieldset class="seg-fieldset">
                <legend>{state.text(Msg::SegHealthBands)}</legend>
                {input(HealthField::YellowFrom)}
                {input(HealthField::GreenFrom)}
            </fieldset>
        </div>
        <Show when=move || draft.with(Option::is_some)>
            <div class="notice warn seg-draft" role="status">
                <p>{state.text(Msg::SegDraftNotice)}</p>
                <button type="button" class="btn small" on:click=move |_| draft.set(None)>
                    {state.text(Msg::SegDiscard)}
                </button>
            </div>
        </Show>
    }
}
