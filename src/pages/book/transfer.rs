//! Books in and out, from the Book page: import (file picker or drop), export CSV, JSON backup,
//! and the demo book. Every change is one book update with an undo.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::BookView;
use crate::domain::dates::iso;
use crate::domain::scenario::DemoBook;
use crate::domain::Book;
use crate::i18n::{fmt_count, Lang, Msg, Tpl};
use crate::io::{self, backup, demo, Encoding};
use crate::state::AppState;
use crate::web;

/// What a dropped or chosen file turned out to be, waiting for the user's confirmation.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Csv {
        name: String,
        bytes: std::sync::Arc<Vec<u8>>,
    },
    Backup {
        name: String,
        backup: Box<io::Backup>,
    },
    /// A JSON file that is not a backup this version can restore.
    BadBackup {
        name: String,
        error: io::BackupError,
    },
    /// The browser could not read the file.
    Unreadable {
        name: String,
    },
}

/// Demo book sizes offered; the first is the one-click default.
pub const DEMO_SIZES: [usize; 5] = [1_000, 200, 10_000, 50_000, 100_000];

/// Reads a chosen or dropped file into `pending`. The time it was chosen is marked on <body>
/// (`data-import-file-ms`) for the benchmark; the preview marks when it is shown.
pub fn read_file(file: web_sys::File, pending: RwSignal<Option<Pending>>) {
    web::mark("data-import-file-ms", &format!("{:.1}", web::now_ms()));
    let name = file.name();
    spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let next = match result {
            Ok(buf) => {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                classify(name, bytes)
            }
            Err(_) => Pending::Unreadable { name },
        };
        pending.set(Some(next));
    });
}

/// A JSON file is a backup (or says why it is not); anything else is read as CSV.
fn classify(name: String, bytes: Vec<u8>) -> Pending {
    let looks_json = name.to_lowercase().ends_with(".json")
        || bytes.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| *b == b'{');
    if !looks_json {
        return Pending::Csv { name, bytes: std::sync::Arc::new(bytes) };
    }
    match std::str::from_utf8(&bytes).map_err(|_| io::BackupError::NotJson).and_then(backup::from_json) {
        Ok(b) => Pending::Backup { name, backup: Box::new(b) },
        Err(error) => Pending::BadBackup { name, error },
    }
}

/// The first file of a drop or a file input.
pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}

#[component]
pub fn TransferBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    let pending = expect_context::<RwSignal<Option<Pending>>>();
    let size = RwSignal::new(DEMO_SIZES[0]);

    let on_file = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(file) = first_file(input.files()) {
                read_file(file, pending);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        }
    };
    // The export's language: the app's unless the person picks the other (the import reads both).
    let export_lang = RwSignal::new(None::<Lang>);
    let export_csv = move |_| {
        let lang = export_lang.get_untracked().unwrap_or_else(|| state.lang.get_untracked());
        let bytes = state.book.with_untracked(|b| io::export_csv_in(b, lang));
        let name = format!("cs-planner-{}.csv", iso(state.as_of.get_untracked()));
        let _ = web::download_bytes(&bytes, "text/csv;charset=utf-8", &name);
    };
    let export_backup = move |_| crate::components::download_backup(state);
    let load_now = move || {
        let n = size.get_untracked();
        let made_for = state.as_of.get_untracked();
        let book = demo::generate(demo::DEMO_SEED, n, made_for, state.lang.get_untracked());
        let before = state.book.get_untracked();
        state.load_demo_book(book, DemoBook { seed: demo::DEMO_SEED, size: n, made_for });
        view.selected.set(Default::default());
        let message = state.tr(Tpl::DemoLoadedToast { n: &fmt_count(n) });
        view.toaster.show_undo(message, move || state.replace_book(before.clone()));
    };
    // Over a book with accounts, the demo asks first (in the page: `window.confirm` would block).
    let asking = RwSignal::new(false);
    let demo_button = NodeRef::<html::Button>::new();
    let load_demo = move |_| {
        if state.book.with_untracked(|b| b.accounts.is_empty()) {
            load_now();
        } else {
            asking.set(true);
        }
    };
    let answer = Callback::new(move |replace: bool| {
        asking.set(false);
        if replace {
            load_now();
        }
        if let Some(button) = demo_button.get_untracked() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="transfer" role="group" aria-label=state.text(Msg::DataActions)>
            <label class="btn file-btn">
                {state.text(Msg::ImportOpen)}
                <input type="file" accept=".csv,.txt,.tsv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file" on:change=on_file />
            </label>
            <span class="export">
                <button type="button" class="btn" on:click=export_csv data-testid="export-csv">{state.text(Msg::ExportCsv)}</button>
                <select aria-label=state.text(Msg::ExportLanguage) data-testid="export-lang" data-field="export.language"
                    on:change=move |ev| export_lang.set(Lang::from_tag(&event_target_value(&ev)))>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() selected=move || export_lang.get().unwrap_or_else(|| state.lang.get()) == l>
                            {state.text(if l == Lang::Zh { Msg::LangZh } else { Msg::LangEn })}
                        </option>
                    }).collect_view()}
                </select>
            </span>
            <button type="button" class="btn" on:click=export_backup data-testid="export-backup">{state.text(Msg::BackupExport)}</button>
            <span class="demo">
                <button type="button" class="btn" on:click=load_demo data-testid="load-demo" node_ref=demo_button
                    aria-expanded=move || asking.get().to_string()>{state.text(Msg::DemoLoad)}</button>
                <select aria-label=state.text(Msg::DemoSize) data-testid="demo-size"
                    on:change=move |ev| if let Ok(n) = event_target_value(&ev).parse() { size.set(n) }>
                    {DEMO_SIZES.into_iter().map(|n| view! { <option value=n.to_string()>{fmt_count(n)}</option> }).collect_view()}
                </select>
            </span>
        </div>
        <Show when=move || asking.get()>
            <DemoQuestion size answer />
        </Show>
        <p class="help drop-help">{state.text(Msg::ImportDrop)}</p>
    }
}

/// "Replace my N accounts with the demo book?", in the page under the buttons. Focus moves to
/// it; Escape or Cancel keeps the book.
#[component]
fn DemoQuestion(size: RwSignal<usize>, answer: Callback<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let panel = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            let _ = el.focus();
        }
    });
    let count = move || fmt_count(state.book.with(|b| b.accounts.len()));
    view! {
        <div class="notice warn demo-confirm" role="alertdialog" tabindex="-1" node_ref=panel
            aria-labelledby="demo-confirm-title" aria-describedby="demo-confirm-body" data-testid="demo-confirm"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { answer.run(false) }>
            <p id="demo-confirm-title"><strong>{state.text(Msg::DemoReplaceTitle)}</strong></p>
            <p id="demo-confirm-body">
                {move || state.tr(Tpl::DemoReplaceBody { n: &count(), size: &fmt_count(size.get()) })}
            </p>
            <div class="notice-actions" style="display:flex;flex-wrap:wrap;gap:0.5rem">
                <button type="button" class="btn danger" data-testid="demo-confirm-replace" on:click=move |_| answer.run(true)>
                    {move || state.tr(Tpl::DemoReplaceConfirm { n: &count() })}
                </button>
                <button type="button" class="btn" data-testid="demo-confirm-cancel" on:click=move |_| answer.run(false)>
                    {state.text(Msg::Cancel)}
                </button>
            </div>
        </div>
    }
}

/// Swaps in a new book, keeping the old one for undo.
pub fn replace_book(state: AppState, view: BookView, book: Book, message: String) {
    let before = state.book.get_untracked();
    state.replace_book(book);
    view.selected.set(Default::default());
    view.toaster.show_undo(message, move || state.replace_book(before.clone()));
}

/// An `Encoding` choice from a `<select>` value ("" = detect).
pub fn encoding_from(value: &str) -> Option<Encoding> {
    match value {
        "utf8" => Some(Encoding::Utf8),
        "gb18030" => Some(Encoding::Gb18030),
        _ => None,
    }
}
