//! The plan's downloads: CSV (UTF-8 with a byte-order mark) and an .xlsx workbook, named after
//! the scenario and the as-of date.

use leptos::prelude::*;

use super::super::model::Model;
use crate::domain::dates::iso;
use crate::i18n::Msg;
use crate::io::{plan_export, xlsx};
use crate::state::AppState;
use crate::web;

/// `cs-planner-plan-<scenario>-<as-of>`, with only the characters a file name keeps everywhere.
fn file_stem(name: &str, as_of: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .to_string();
    if clean.is_empty() {
        format!("cs-planner-plan-{as_of}")
    } else {
        format!("cs-planner-plan-{clean}-{as_of}")
    }
}

#[component]
pub fn ExportButtons() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let stem = move || {
        let name = model.scenario.with_untracked(|s| s.name.clone());
        file_stem(&name, &iso(state.as_of.get_untracked()))
    };
    let csv = move |_| {
        let lang = state.lang.get_untracked();
        let bytes = model.plan.with_untracked(|p| plan_export::plan_csv(p, lang));
        let _ = web::download_bytes(&bytes, "text/csv;charset=utf-8", &format!("{}.csv", stem()));
    };
    let workbook = move |_| {
        let lang = state.lang.get_untracked();
        let sheets =
            model.scenario.with_untracked(|s| model.plan.with_untracked(|p| plan_export::plan_sheets(s, p, lang)));
        let bytes = xlsx::workbook(&sheets);
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        let _ = web::download_bytes(&bytes, mime, &format!("{}.xlsx", stem()));
    };
    view! {
        <div class="cap-actions no-print">
            <button type="button" class="btn" data-testid="plan-export-csv" on:click=csv>{state.text(Msg::PlanExportCsv)}</button>
            <button type="button" class="btn" data-testid="plan-export-xlsx" on:click=workbook>{state.text(Msg::PlanExportXlsx)}</button>
        </div>
    }
}
