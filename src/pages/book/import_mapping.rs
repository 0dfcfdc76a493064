//! The import preview's table: the file's first rows under its header, each column with the
//! field it feeds, which the person can change.
//!
//! The table is drawn once per sheet and language; a choice changes the select alone (each
//! option's `selected` is written when drawn, not followed). Each select is drawn with its
//! chosen option only and gets the others as soon as the person reaches for it, or else once
//! the preview is on screen, one select per task: 23 options in each of 25 columns cost the
//! browser more style and layout than the rest of the preview.

use leptos::prelude::*;

use super::import_preview::SheetRead;
use super::import_run::after_frame;
use crate::i18n::{t, tr, Msg, Tpl};
use crate::io::{ColumnMapping, Field};
use crate::state::AppState;
use crate::web::next_task;

/// Rows of the file shown in the preview table.
const PREVIEW_ROWS: usize = 8;

/// `on_change` gets the mapping after the person's choice (`current` holds it too).
#[component]
pub fn MappingTable(
    sheet: RwSignal<SheetRead>,
    current: RwSignal<ColumnMapping>,
    on_change: Callback<ColumnMapping>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let read = sheet.get()?;
        let s = read.as_ref().as_ref().ok()?;
        let mapping = current.get_untracked();
        // Per select: it has all its options.
        let full: Vec<RwSignal<bool>> = s.headers.iter().map(|_| RwSignal::new(false)).collect();
        fill_later(full.clone());
        let heads = s
            .headers
            .iter()
            .enumerate()
            .map(|(col, header)| {
                let chosen = mapping.columns.get(col).copied().flatten();
                let full = full[col];
                let fill = move || {
                    if !full.get_untracked() {
                        full.set(true);
                    }
                };
                // The options before and after the chosen one ("ignored" is first).
                let at = chosen.map_or(0, |f| f as usize + 1);
                let option = move |i: usize| match i.checked_sub(1).map(|k| Field::ALL[k]) {
                    None => view! { <option value="" selected=chosen.is_none()>{t(lang, Msg::ImportColumnIgnored)}</option> },
                    Some(f) => view! { <option value=f.header() selected=chosen == Some(f)>{f.label(lang)}</option> },
                };
                let options = move |range: std::ops::Range<usize>| {
                    move || full.get().then(|| range.clone().map(option).collect_view())
                };
                let choose = move |ev| {
                    let value = event_target_value(&ev);
                    let field = Field::ALL.into_iter().find(|f| f.header() == value);
                    let mut m = current.get_untracked();
                    if let Some(slot) = m.columns.get_mut(col) {
                        *slot = field;
                    }
                    current.set(m.clone());
                    on_change.run(m);
                };
                view! {
                    <th>
                        <div class="col-header" title=header.clone()>{header.clone()}</div>
                        <select on:change=choose data-testid=format!("map-{col}")
                            on:focus=move |_| fill() on:pointerdown=move |_| fill() on:mousedown=move |_| fill()>
                            {options(0..at)}
                            {option(at)}
                            {options(at + 1..Field::ALL.len() + 1)}
                        </select>
                    </th>
                }
            })
            .collect_view();
        let rows = s
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|row| {
                let cells = (0..s.headers.len())
                    .map(|i| {
                        let v = row.cell(i).unwrap_or("").to_string();
                        let title = v.clone();
                        view! { <td title=title>{v}</td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row" class="line">{row.line}</th>{cells}</tr> }
            })
            .collect_view();
        let shown = s.rows.len().min(PREVIEW_ROWS);
        Some(view! {
            <h3>{tr(lang, Tpl::ImportPreviewRows { n: &shown.to_string() })}</h3>
            <div class="preview-scroll">
                <table class="preview-table">
                    <thead><tr><th class="line">"#"</th>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    }
}

/// Gives each select its options after the frame that shows the table, one select per task.
fn fill_later(mut full: Vec<RwSignal<bool>>) {
    fn next(mut rest: Vec<RwSignal<bool>>) {
        let Some(full) = rest.pop() else { return };
        // A table drawn again (another sheet, language) has signals of its own.
        if full.try_get_untracked() == Some(false) {
            full.set(true);
        }
        next_task(move || next(rest));
    }
    full.reverse();
    after_frame(move || next(full));
}
