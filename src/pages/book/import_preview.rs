//! The import preview: what a file will become, before anything changes. The column mapping
//! can be corrected, every rejected row is listed with its line, column and reason, and the
//! person chooses to replace the book or merge into it. The file is read and its rows checked
//! a slice at a time (`import_run.rs`), with a progress line meanwhile.

use std::sync::Arc;

use leptos::prelude::*;

use super::import_mapping::MappingTable;
use super::import_report::{ProgressLine, ReportView};
use super::import_run::{after_frame, mark_preview_shown, Cost, Phase, Runner};
use super::transfer::{encoding_from, replace_book, Pending};
use super::BookView;
use crate::domain::Settings;
use crate::i18n::{fmt_count, Msg, Tpl};
use crate::io::{self, ColumnMapping, Encoding, Mode};
use crate::pages::{lazy, Kernels};
use crate::state::AppState;

/// The preview of a file waiting to be imported. Its code (reading CSV and Excel files, the
/// mapping, the checks) is fetched when the first file is chosen (pages/lazy.rs).
#[component]
pub fn ImportPreview() -> impl IntoView {
    let pending = expect_context::<RwSignal<Option<Pending>>>();
    move || {
        pending.get().map(|p| {
            lazy::when_loaded(|| Box::pin(load_import()), move || lazy::now(preview(p.clone())).and_then(Result::ok))
        })
    }
}

lazy::split_fn!(
    import,
    load_import,
    pub(crate) fn preview(p: Pending) {
        match p {
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
        }
    }
);

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

/// A file read and checked within this time shows its preview at once, whole.
const SHOW_AFTER: std::time::Duration = std::time::Duration::from_millis(200);

/// The sheet read from the file, once it is (an `Arc`: the check of its rows holds it too).
pub type SheetRead = Option<Arc<Result<io::Sheet, io::FileError>>>;
/// The report of its rows with the current mapping, once checked.
pub type Checked = Option<Result<io::ImportReport, io::MappingError>>;

#[component]
fn CsvPreview(name: String, bytes: Arc<Vec<u8>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    let pending = expect_context::<RwSignal<Option<Pending>>>();
    let engine = Kernels::get();
    let mode = RwSignal::new(Mode::Merge);
    // An .xlsx workbook's sheets (Excel, WPS); `None` for CSV text.
    let sheets = io::workbook_sheets(&bytes);
    let is_workbook = sheets.is_some();
    let bytes = StoredValue::new(bytes);
    let force = StoredValue::new(None::<Encoding>);
    let chosen_sheet = StoredValue::new(0usize);
    let sheet = RwSignal::new(SheetRead::None);
    let report = RwSignal::new(Checked::None);
    // The mapping the rows are read with: the guess, one remembered for this header, or the
    // person's corrections.
    let current = RwSignal::new(ColumnMapping::default());
    let name_for_rejects = StoredValue::new(name.clone());
    let cost = StoredValue::new(Cost::default());
    let (reading, checking) = (Runner::new(cost), Runner::new(cost));
    // The preview appears whole once the file is read and checked, or with its progress if
    // that takes longer than `SHOW_AFTER`: no half-drawn panel in between.
    let shown = RwSignal::new(false);
    set_timeout(
        move || {
            let _ = shown.try_set(true);
        },
        SHOW_AFTER,
    );
    let finished = move || {
        shown.set(true);
        mark_preview_shown(cost);
    };

    // The rows checked with `mapping`, a slice at a time; the report shown meanwhile is the last
    // one, and the import waits for the new one.
    let check = move |mapping: ColumnMapping| {
        let Some(Some(read)) = sheet.try_get_untracked() else { return };
        let Ok(s) = read.as_ref() else { return };
        match io::ImportJob::new(s, mapping) {
            Err(e) => {
                checking.stop();
                report.set(Some(Err(e)));
                finished();
            }
            Ok(mut job) => checking.start(
                Phase::Checking,
                move |stop| match read.as_ref() {
                    Ok(s) => ((engine.check)(&mut job, s, stop), job.fraction(s)),
                    Err(_) => (None, 1.0),
                },
                move |rep| {
                    report.set(Some(Ok(rep)));
                    finished();
                },
            ),
        }
    };
    // The file read as a table, a slice at a time; then its rows checked with the mapping
    // guessed from its header, or the one the person chose for this header before.
    let read = move || {
        let Some(bytes) = bytes.try_get_value() else { return };
        let mut job = io::ReadJob::table(force.get_value(), chosen_sheet.get_value());
        reading.start(
            Phase::Reading,
            move |stop| ((engine.read)(&mut job, &bytes, stop), job.fraction()),
            move |read: Result<io::Sheet, io::FileError>| {
                let mapping = read.as_ref().ok().map(|s| {
                    crate::state::storage::load_import_mapping(&s.headers).unwrap_or_else(|| s.mapping.clone())
                });
                sheet.set(Some(Arc::new(read)));
                match mapping {
                    Some(m) => {
                        current.set(m.clone());
                        check(m);
                    }
                    None => {
                        checking.stop();
                        report.set(None);
                        finished();
                    }
                }
            },
        );
    };
    read();
    let running = move || reading.progress.with(Option::is_some) || checking.progress.with(Option::is_some);
    let importable = move || !running() && report.with(|r| matches!(r, Some(Ok(rep)) if !rep.accounts.is_empty()));
    let confirm = move |_| {
        if !importable() {
            return;
        }
        crate::web::mark("data-import-confirm-ms", &format!("{:.1}", crate::web::now_ms()));
        // Taken, not copied: the preview closes.
        let Some(Some(Ok(rep))) = report.try_update_untracked(Option::take) else { return };
        // A mapping the person corrected is remembered for the next file with this header.
        sheet.with_untracked(|s| {
            if let Some(Ok(s)) = s.as_deref() {
                let chosen = current.get_untracked();
                if chosen != s.mapping {
                    crate::state::storage::save_import_mapping(&s.headers, &chosen);
                }
            }
        });
        let (book, counts) = state.book.with_untracked(|b| io::apply(b, rep.accounts, mode.get_untracked()));
        let lang = state.lang.get_untracked();
        replace_book(state, view, book, state.tr(Tpl::ImportedToast { summary: &io::merge_summary(&counts, lang) }));
        pending.set(None);
        after_frame(|| crate::web::mark("data-import-shown-ms", &format!("{:.1}", crate::web::now_ms())));
    };

    let file_problem = move || {
        let lang = state.lang.get();
        sheet.with(|s| s.as_deref().and_then(|s| s.as_ref().err()).map(|e| io::describe_file_error(e, lang)))
    };
    let mapping_problem = move || {
        let lang = state.lang.get();
        report.with(|r| match r {
            Some(Err(e)) => Some(io::describe_mapping_error(e, lang)),
            _ => None,
        })
    };
    let progress = Signal::derive(move || reading.progress.get().or_else(|| checking.progress.get()));

    move || {
        if !shown.get() {
            return None;
        }
        let (name, sheets) = (name.clone(), sheets.clone());
        Some(view! {
        <Shell name>
            <div class="import-options">
                {sheets.filter(|s| s.len() > 1).map(|names| view! {
                    <label>{state.text(Msg::ImportSheet)}
                        <select data-testid="import-sheet" on:change=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                chosen_sheet.set_value(i);
                                read();
                            }
                        }>
                            {names.into_iter().enumerate().map(|(i, n)| view! { <option value=i.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </label>
                })}
                <Show when=move || !is_workbook>
                <label>{state.text(Msg::ImportEncodingLabel)}
                    <select data-testid="import-encoding" on:change=move |ev| {
                        force.set_value(encoding_from(&event_target_value(&ev)));
                        read();
                    }>
                        <option value="">{state.text(Msg::ImportEncodingAuto)}</option>
                        <option value="utf8">"UTF-8"</option>
                        <option value="gb18030">"GBK / GB18030"</option>
                    </select>
                </label>
                <span class="encoding-note" data-testid="import-encoding-note">{move || {
                    let lang = state.lang.get();
                    sheet.with(|s| s.as_deref().and_then(|s| s.as_ref().ok()).map(|s| io::encoding_note(s.encoding, s.had_errors, lang)))
                }}</span>
                </Show>
            </div>
            <ProgressLine progress />
            {move || file_problem().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            {move || mapping_problem().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            <MappingTable sheet current on_change=Callback::new(check) />
            <ReportView report />
            <Show when=move || report.with(|r| matches!(r, Some(Ok(rep)) if rep.rejected_rows > 0))>
                <button type="button" class="btn small" data-testid="download-rejected" on:click=move |_| {
                    let lang = state.lang.get_untracked();
                    let bytes = sheet.with_untracked(|s| report.with_untracked(|r| match (s.as_deref(), r) {
                        (Some(Ok(s)), Some(Ok(rep))) => Some(io::rejected_rows_csv(s, rep, lang)),
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
        })
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
