//! Unit economics per tier and overall (seed 002): LTV, LTV/CAC and CAC payback, from the
//! gross margin, the lifetime (from logo churn, or entered) and an entered CAC.

use leptos::prelude::*;

use super::fields::{NumField, Unit};
use super::header;
use super::model::Model;
use super::{money, label};
use crate::app::AppState;
use crate::components::{data_value, Metric};
use crate::domain::economics::UnitEconomics;
use crate::i18n::{fmt_count, tier_name, Msg};

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
    let cell = move |key: String, v: Option<f64>, text: String| view! { <td class="num" data-metric=key data-value=data_value(v)>{text}</td> };
    let row = move |label: String, accounts: usize, u: UnitEconomics, cac: Option<f64>, prefix: String| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td class="num">{fmt_count(accounts)}</td>
                <td class="num">{cash(u.avg_arr)}</td>
                <td class="num">{years(u.lifetime_years)}</td>
                {cell(format!("{prefix}.ltv"), u.ltv, cash(u.ltv))}
                <td class="num">{cash(cac)}</td>
                {cell(format!("{prefix}.ltv_cac"), u.ltv_cac, ratio(u.ltv_cac))}
                {cell(format!("{prefix}.payback_months"), u.payback_months, months(u.payback_months))}
            </tr>
        }
    };
    let rows = move || {
        let lang = state.lang.get();
        let (all, tiers) = model.economics.get();
        let e = econ();
        let figures = model.tier_figures.get();
        let names: Vec<String> = state.settings.with(|s| s.tiers.tiers.iter().map(|t| tier_name(t, lang).to_string()).collect());
        let mut out = vec![row(state.t(Msg::CapOverall).into(), model.overall.with(|o| o.active_accounts), all, e.cac_per_account, "economics.all".into())];
        for (i, u) in tiers.into_iter().enumerate() {
            let cac = e.tier_cac.get(i).copied().flatten().or(e.cac_per_account);
            let accounts = figures.get(i).map_or(0, |f| f.accounts);
            out.push(row(names.get(i).cloned().unwrap_or_default(), accounts, u, cac, format!("economics.tier.{i}")));
        }
        out.collect_view()
    };
    view! {
        <div class="cap-inline">
            <NumField label=label(state, Msg::CapGrossMargin)
                value=Signal::derive(move || Some(econ().gross_margin))
                on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { state.settings.update(|s| s.economics.gross_margin = x) })
                unit=Unit::Percent min=0.0 max=1.0 testid="cap-margin" />
            <NumField label=label(state, Msg::CapLifetime) allow_empty=true
                value=Signal::derive(move || econ().lifetime_years)
                on_set=Callback::new(move |x: Option<f64>| state.settings.update(|s| s.economics.lifetime_years = x))
                min=0.0 max=100.0 placeholder=label(state, Msg::CapFromChurn) testid="cap-lifetime" />
            <NumField label=label(state, Msg::CapCac) allow_empty=true
                value=Signal::derive(move || econ().cac_per_account)
                on_set=Callback::new(move |x: Option<f64>| state.settings.update(|s| s.economics.cac_per_account = x))
                min=0.0 placeholder=label(state, Msg::CapNotSet) testid="cap-cac" />
        </div>
        <div class="metrics">
            <Metric key="economics.ltv" label=Signal::derive(state.text(Msg::CapLtv))
                value=Signal::derive(move || overall().ltv) display=Signal::derive(move || cash(overall().ltv)) />
            <Metric key="economics.ltv_cac" label=Signal::derive(state.text(Msg::CapLtvCac))
                value=Signal::derive(move || overall().ltv_cac) display=Signal::derive(move || ratio(overall().ltv_cac)) />
            <Metric key="economics.payback_months" label=Signal::derive(state.text(Msg::CapPayback))
                value=Signal::derive(move || overall().payback_months) display=Signal::derive(move || months(overall().payback_months)) />
        </div>
        <div class="table-scroll">
            <table class="cap-table" data-testid="cap-economics">
                {header(state, &[(Some(Msg::CapSegment), false), (Some(Msg::BookActive), true), (Some(Msg::CapAvgArr), true), (Some(Msg::CapLifetimeCol), true), (Some(Msg::CapLtv), true), (Some(Msg::CapCacCol), true), (Some(Msg::CapLtvCac), true), (Some(Msg::CapPayback), true)])}
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="cap-note">{state.text(Msg::CapEconomicsNote)}</p>
    }
}
