//! Unit economics per tier and overall (seed 002): LTV, LTV/CAC and CAC payback, from the
//! gross margin, the lifetime (from logo churn, or entered) and an entered CAC.

use leptos::prelude::*;

use super::header;
use super::model::Model;
use super::{label, money};
use crate::components::{data_value, Metric};
use crate::components::{NumField, Unit};
use crate::domain::economics::UnitEconomics;
use crate::i18n::{fmt_count, tier_name, Msg};
use crate::state::AppState;

fn years(v: Option<f64>) -> String {
    v.map(|x| format!("{:.1}", x)).unwrap_or_else(|| "—".into())
}

fn ratio(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.2}×")).unwrap_or_else(|| "—".into())
}

fn months(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_else(|| "—".into())
}

#[component]
pub fn Economics() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let econ = move || state.settings.with(|s| s.economics.clone());
    let overall = move || model.economics.with(|(o, _)| *o);
    let cash = move |v: Option<f64>| v.map(|x| money(state, x)).unwrap_or_else(|| "—".into());
    // Rows stay put and their cells follow the memos, so a CAC typed in a row keeps its focus.
    let cell = move |key: String,
                     get: Box<dyn Fn() -> Option<f64> + Send + Sync>,
                     show: fn(AppState, Option<f64>) -> String| {
        let get = std::sync::Arc::new(get);
        let g2 = get.clone();
        view! { <td class="num" data-metric=key data-value=move || data_value(get())>{move || show(state, g2())}</td> }
    };
    let cash_of = |s: AppState, v: Option<f64>| v.map(|x| money(s, x)).unwrap_or_else(|| "—".into());
    // `None` = overall, `Some(i)` = tier i.
    let econ_of = move |tier: Option<usize>| -> UnitEconomics {
        model.economics.with(|(all, tiers)| match tier {
            None => *all,
            Some(i) => tiers.get(i).copied().unwrap_or_default(),
        })
    };
    let row = move |tier: Option<usize>| {
        let name = move || match tier {
            None => state.t(Msg::CapOverall).to_string(),
            Some(i) => state
                .settings
                .with(|s| s.tiers.tiers.get(i).map(|t| tier_name(t, state.lang.get()).to_string()).unwrap_or_default()),
        };
        let accounts = move || match tier {
            None => model.overall.with(|o| o.active_accounts),
            Some(i) => model.tier_figures.with(|f| f.get(i).map_or(0, |f| f.accounts)),
        };
        let prefix = tier.map_or_else(|| "economics.all".to_string(), |i| format!("economics.tier.{i}"));
        let cac_cell = match tier {
            None => view! { <td class="num">{move || cash(econ().cac_per_account)}</td> }.into_any(),
            Some(i) => view! {
                <td><NumField bare=true allow_empty=true label=Signal::derive(move || format!("{} · {}", name(), state.t(Msg::CapCacCol)))
                    value=Signal::derive(move || econ().tier_cac.get(i).copied().flatten())
                    on_set=Callback::new(move |x: Option<f64>| state.edit_unit_economics(|e| {
                        if e.tier_cac.len() <= i { e.tier_cac.resize(i + 1, None) }
                        e.tier_cac[i] = x;
                    }))
                    min=0.0 decimals=0 placeholder=Signal::derive(move || econ().cac_per_account.map(|c| money(state, c)).unwrap_or_else(|| state.t(Msg::CapNotSet).to_string()))
                    field=format!("economics.{i}.cac") unit=Unit::Money testid=format!("cap-tier-{i}-cac") /></td>
            }.into_any(),
        };
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td class="num">{move || fmt_count(accounts())}</td>
                <td class="num">{move || cash(econ_of(tier).avg_arr)}</td>
                <td class="num">{move || years(econ_of(tier).lifetime_years)}</td>
                {cell(format!("{prefix}.ltv"), Box::new(move || econ_of(tier).ltv), cash_of)}
                {cac_cell}
                {cell(format!("{prefix}.ltv_cac"), Box::new(move || econ_of(tier).ltv_cac), |_, v| ratio(v))}
                {cell(format!("{prefix}.payback_months"), Box::new(move || econ_of(tier).payback_months), |_, v| months(v))}
            </tr>
        }
    };
    let count = Memo::new(move |_| model.tier_figures.with(Vec::len));
    let rows = move || std::iter::once(None).chain((0..count.get()).map(Some)).map(row).collect_view();
    view! {
        <div class="cap-inline">
            <NumField label=label(state, Msg::CapGrossMargin)
                value=Signal::derive(move || Some(econ().gross_margin))
                on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { state.edit_unit_economics(|e| e.gross_margin = x) })
                unit=Unit::Percent min=0.0 max=1.0 field="economics.gross_margin" testid="cap-margin" />
            <NumField label=label(state, Msg::CapLifetime) allow_empty=true
                value=Signal::derive(move || econ().lifetime_years)
                on_set=Callback::new(move |x: Option<f64>| state.edit_unit_economics(|e| e.lifetime_years = x))
                min=0.0 max=100.0 placeholder=label(state, Msg::CapFromChurn) field="economics.lifetime_years" testid="cap-lifetime" />
            <NumField label=label(state, Msg::CapCac) allow_empty=true
                value=Signal::derive(move || econ().cac_per_account)
                on_set=Callback::new(move |x: Option<f64>| state.edit_unit_economics(|e| e.cac_per_account = x))
                min=0.0 placeholder=label(state, Msg::CapNotSet) field="economics.cac_per_account" unit=Unit::Money testid="cap-cac" />
        </div>
        <div class="metrics">
            <Metric key="economics.ltv" label=Signal::derive(state.text(Msg::CapLtv))
                value=Signal::derive(move || overall().ltv) display=Signal::derive(move || cash(overall().ltv)) />
            <Metric key="economics.ltv_cac" label=Signal::derive(state.text(Msg::CapLtvCac))
                value=Signal::derive(move || overall().ltv_cac) display=Signal::derive(move || ratio(overall().ltv_cac)) />
            <Metric key="economics.payback_months" label=Signal::derive(state.text(Msg::CapPayback))
                value=Signal::derive(move || overall().payback_months) display=Signal::derive(move || months(overall().payback_months)) />
        </div>
        <div class="table-wrap">
            <table class="dt-table cap-table" data-testid="cap-economics">
                {header(state, &[(Some(Msg::CapSegment), false), (Some(Msg::BookActive), true), (Some(Msg::CapAvgArr), true), (Some(Msg::CapLifetimeCol), true), (Some(Msg::CapLtv), true), (Some(Msg::CapCacCol), true), (Some(Msg::CapLtvCac), true), (Some(Msg::CapPayback), true)])}
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="cap-note">{state.text(Msg::CapEconomicsNote)}</p>
    }
}
