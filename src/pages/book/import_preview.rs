//! The import preview: what a file will become, before anything changes. The column mapping
//! can be corrected, every rejected row is listed with its line, column and reason, and the
//! person chooses to replace the book or merge into it.

use std::sync::Arc;

use leptos::prelude::*;

use super::transfer::{encoding_from, replace_book, Pending};
use super::BookView;
use crate::domain::Settings;
use crate::i18n::{fmt_count, tr, Lang, Msg, Tpl};
use crate::io::{self, ColumnMapping, Encoding, Field, Mode};
use crate::state::AppState;

/// Rows of the file shown in the preview table.
const PREVIEW_ROWS: usize = 8;
/// Rejected rows listed; the rest are counted.
const ERRORS_SHOWN: usize = 200;

#[component]
pub fn ImportPreview() -> impl IntoView {
    let pending = expect_context::<RwSignal<Option<Pending>>>();
    move || {
        pending.get().map(|p| match p {
            Pending::Csv { name, bytes } => view! { <CsvPreview name bytes /> }.into_any(),
            Pending::Backup { name, backup } => view! { <BackupPreview name backup=*backup /> }.into_any(),
            Pending::BadBackup { name, error } => {
                let state = expect_context::<AppState>();
                let message = move || io::describe_backup_error(&error, state.lang.get());
                view! { <Failure name message=Signal::derive(message) /> }.into_any()
            }
            Pending::Unreadable { name } => {
                let state = expect_context::<AppState>();
                view! { <Failure name message=Signal::derive(move || String::from(state.t(Msg::ImportReadFailed))) /> }
                    .into_any()
            }
        })
    }
}

#[component]
fn Shell(name: String, children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = expect_context::<RwSignal<Option<Pending>>>();
    view! {
        <div class="panel-backdrop" on:click=move |_| pending.set(None)></div>
        <aside class="panel wide" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-preview"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { pending.set(None) }>
            <h2 id="import-title">{state.text(Msg::ImportTitle)}</h2>
            <p class="file-name">{move || state.tr(Tpl::ImportFileLabel { name: &name })}</p>
            {children()}
        </aside>
    }
}

#[component]
fn Failure(name: String, message: Signal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = expect_context::<RwSignal<Option<Pending>>>();
    view! {
        <Shell name>
            <p class="notice error" role="alert" data-testid="import-error">{move || message.get()}</p>
            <div class="form-actions">
                <button type="button" class="btn" on:click=move |_| pending.set(None)>{state.text(Msg::ImportClose)}</button>
            </div>
        </Shell>
    }
}

#[component]
fn CsvPreview(name: String, bytes: std::sync::Arc<Vec<u8>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    let pending = expect_context::<RwSignal<Option<Pending>>>();
    let force = RwSignal::new(None::<Encoding>);
    let mode = RwSignal::new(Mode::Merge);
    // An .xlsx workbook's sheets (Excel, WPS); `None` for CSV text.
    let sheets = io::workbook_sheets(&bytes);
    let is_workbook = sheets.is_some();
    let chosen_sheet = RwSignal::new(0usize);
    let sheet = Memo::new(move |_| io::read_table(&bytes, force.get(), chosen_sheet.get()));
    let name_for_rejects = StoredValue::new(name.clone());
    // The person's corrections to the guessed mapping; a new sheet starts from its guess.
    let mapping = RwSignal::new(None::<ColumnMapping>);
    // A file with the same header as one the person mapped by hand before starts from that mapping.
    Effect::new(move |_| {
        let remembered =
            sheet.with(|s| s.as_ref().ok().and_then(|s| crate::state::storage::load_import_mapping(&s.headers)));
        mapping.set(remembered);
    });
    let current_mapping = Memo::new(move |_| {
        mapping.get().or_else(|| sheet.with(|s| s.as_ref().ok().map(|s| s.mapping.clone()))).unwrap_or_default()
    });
    let report =
        Memo::new(move |_| sheet.with(|s| s.as_ref().ok().map(|s| current_mapping.with(|m| io::import(s, m)))));
    let importable = move || report.with(|r| matches!(r, Some(Ok(rep)) if !rep.accounts.is_empty()));
    let confirm = move |_| {
        let Some(Ok(rep)) = report.get_untracked() else { return };
        // A mapping the person corrected is remembered for the next file with this header.
        sheet.with_untracked(|s| {
            if let Ok(s) = s {
                let chosen = current_mapping.get_untracked();
                if chosen != s.mapping {
                    crate::state::storage::save_import_mapping(&s.headers, &chosen);
                }
            }
        });
        let (book, counts) = state.book.with_untracked(|b| io::apply(b, rep.accounts, mode.get_untracked()));
        let lang = state.lang.get_untracked();
        replace_book(state, view, book, state.tr(Tpl::ImportedToast { summary: &io::merge_summary(&counts, lang) }));
        pending.set(None);
    };

    let file_problem = move || {
        let lang = state.lang.get();
        sheet.with(|s| s.as_ref().err().map(|e| io::describe_file_error(e, lang)))
    };
    let mapping_problem = move || {
        let lang = state.lang.get();
        report.with(|r| match r {
            Some(Err(e)) => Some(io::describe_mapping_error(e, lang)),
            _ => None,
        })
    };

    view! {
        <Shell name>
            <div class="import-options">
                {sheets.filter(|s| s.len() > 1).map(|names| view! {
                    <label>{state.text(Msg::ImportSheet)}
                        <select data-testid="import-sheet" on:change=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse::<usize>() { chosen_sheet.set(i) }
                        }>
                            {names.into_iter().enumerate().map(|(i, n)| view! { <option value=i.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </label>
                })}
                <Show when=move || !is_workbook>
                <label>{state.text(Msg::ImportEncodingLabel)}
                    <select data-testid="import-encoding" on:change=move |ev| force.set(encoding_from(&event_target_value(&ev)))>
                        <option value="">{state.text(Msg::ImportEncodingAuto)}</option>
                        <option value="utf8">"UTF-8"</option>
                        <option value="gb18030">"GBK / GB18030"</option>
                    </select>
                </label>
                <span class="encoding-note" data-testid="import-encoding-note">{move || {
                    let lang = state.lang.get();
                    sheet.with(|s| s.as_ref().ok().map(|s| io::encoding_note(s.encoding, s.had_errors, lang)))
                }}</span>
                </Show>
            </div>
            {move || file_problem().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            {move || mapping_problem().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            <MappingTable sheet mapping current_mapping />
            {move || report.with(|r| match r {
                Some(Ok(rep)) => Some(view! { <ReportView report=rep.clone() /> }.into_any()),
                _ => None,
            })}
            <Show when=move || report.with(|r| matches!(r, Some(Ok(rep)) if rep.rejected_rows > 0))>
                <button type="button" class="btn small" data-testid="download-rejected" on:click=move |_| {
                    let lang = state.lang.get_untracked();
                    let bytes = sheet.with_untracked(|s| report.with_untracked(|r| match (s, r) {
                        (Ok(s), Some(Ok(rep))) => Some(io::rejected_rows_csv(s, rep, lang)),
                        _ => None,
                    }));
                    if let Some(bytes) = bytes {
                        let file = name_for_rejects.with_value(|n| {
                            let stem = n.rsplit_once('.').map_or(n.as_str(), |(s, _)| s);
                            format!("{}-rejected.csv", if stem.is_empty() { "import" } else { stem })
                        });
                        let _ = crate::web::download_bytes(&bytes, "text/csv;charset=utf-8", &file);
                    }
                }>{state.text(Msg::ImportDownloadRejected)}</button>
            </Show>
            <fieldset class="import-mode">
                <label><input type="radio" name="import-mode" prop:checked=move || mode.get() == Mode::Merge
                    on:change=move |_| mode.set(Mode::Merge) data-testid="mode-merge" />{state.text(Msg::ImportModeMerge)}</label>
                <label><input type="radio" name="import-mode" prop:checked=move || mode.get() == Mode::Replace
                    on:change=move |_| mode.set(Mode::Replace) data-testid="mode-replace" />{state.text(Msg::ImportModeReplace)}</label>
            </fieldset>
            <div class="form-actions">
                <button type="button" class="btn primary" disabled=move || !importable() on:click=confirm data-testid="import-confirm">
                    {state.text(Msg::ImportApply)}
                </button>
                <button type="button" class="btn" on:click=move |_| pending.set(None)>{state.text(Msg::Cancel)}</button>
            </div>
        </Shell>
    }
}

#[component]
fn MappingTable(
    sheet: Memo<Result<io::Sheet, io::FileError>>,
    mapping: RwSignal<Option<ColumnMapping>>,
    current_mapping: Memo<ColumnMapping>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        sheet.with(|s| {
            let s = s.as_ref().ok()?;
            let heads = s.headers.iter().enumerate().map(|(col, header)| {
                let selected = move || current_mapping.with(|m| m.columns.get(col).copied().flatten());
                let on_change = move |ev| {
                    let value = event_target_value(&ev);
                    let field = Field::ALL.into_iter().find(|f| f.header() == value);
                    let mut m = current_mapping.get_untracked();
                    if let Some(slot) = m.columns.get_mut(col) {
                        *slot = field;
                    }
                    mapping.set(Some(m));
                };
                view! {
                    <th>
                        <div class="col-header" title=header.clone()>{header.clone()}</div>
                        <select on:change=on_change data-testid=format!("map-{col}")>
                            <option value="" selected=move || selected().is_none()>{crate::i18n::t(lang, Msg::ImportColumnIgnored)}</option>
                            {Field::ALL.into_iter().map(|f| view! {
                                <option value=f.header() selected=move || selected() == Some(f)>{f.label(lang)}</option>
                            }).collect_view()}
                        </select>
                    </th>
                }
            }).collect_view();
            let rows = s.rows.iter().take(PREVIEW_ROWS).map(|row| {
                let cells = (0..s.headers.len()).map(|i| {
                    let v = row.cell(i).unwrap_or("").to_string();
                    let title = v.clone();
                    view! { <td title=title>{v}</td> }
                }).collect_view();
                view! { <tr><th scope="row" class="line">{row.line}</th>{cells}</tr> }
            }).collect_view();
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
        })
    }
}

#[component]
fn ReportView(report: io::ImportReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let rep = Arc::new(report);
    let errors = rep.clone();
    let count = rep.errors.len();
    let rows_rejected = rep.rejected_rows;
    let lines = move |lang: Lang| {
        errors.errors.iter().take(ERRORS_SHOWN).map(|e| view! { <li>{io::describe(e, lang)}</li> }).collect_view()
    };
    let rep2 = rep.clone();
    view! {
        <p class="import-summary" data-testid="import-summary" data-accounts=rep.accounts.len() data-rejected=rep.rejected_rows>
            {move || io::summary(&rep2, state.lang.get())}
            {
                let rep = rep.clone();
                move || io::generated_ids_note(&rep, state.lang.get()).map(|n| view! { " " {n} })
            }
        </p>
        <Show when=move || { count != 0 }>
            <details class="rejected" open>
                <summary>{move || state.tr(Tpl::ImportRejectedTitle { rows: &fmt_count(rows_rejected), problems: &fmt_count(count) })}</summary>
                <ul data-testid="import-errors">{
                    let lines = lines.clone();
                    move || lines(state.lang.get())
                }</ul>
                <Show when=move || { count > ERRORS_SHOWN }>
                    <p class="help">{move || state.tr(Tpl::ImportMoreNotShown { n: &fmt_count(count.saturating_sub(ERRORS_SHOWN)) })}</p>
                </Show>
            </details>
        </Show>
        <Show when={
            let empty = rep.accounts.is_empty();
            move || empty
        }>
            <p class="notice warn">{state.text(Msg::ImportNothing)}</p>
        </Show>
    }
}

#[component]
fn BackupPreview(name: String, backup: io::Backup) -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    let pending = expect_context::<RwSignal<Option<Pending>>>();
    let at = {
        use chrono::Timelike;
        let t = backup.exported_at;
        format!("{} {:02}:{:02} UTC", crate::domain::dates::iso(t.date_naive()), t.hour(), t.minute())
    };
    let n = backup.book.accounts.len();
    let backup = StoredValue::new(backup);
    let restore = move |_| {
        let b = backup.get_value();
        // Settings from an older backup fill in what they lack with defaults.
        let settings = serde_json::from_value::<Settings>(b.settings.clone()).ok();
        let before = state.book.get_untracked();
        state.restore_backup(settings, &b.scenarios, b.book);
        view.selected.set(Default::default());
        view.toaster.show_undo(state.t(Msg::RestoredToast).to_string(), move || state.replace_book(before.clone()));
        pending.set(None);
    };
    view! {
        <Shell name>
            <p data-testid="backup-summary">{move || state.tr(Tpl::BackupPreview { at: &at, accounts: &fmt_count(n) })}</p>
            <div class="form-actions">
                <button type="button" class="btn primary" on:click=restore data-testid="backup-confirm">{state.text(Msg::BackupApply)}</button>
                <button type="button" class="btn" on:click=move |_| pending.set(None)>{state.text(Msg::Cancel)}</button>
            </div>
        </Shell>
    }
}
