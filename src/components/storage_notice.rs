//! What persistence has to tell: storage missing, a damaged or newer saved book, a full quota,
//! another tab's changes. Each notice says what happened and offers the way out.

use leptos::prelude::*;

use crate::domain::dates::iso;
use crate::i18n::{fmt_count, Msg, Tpl};
use crate::io::{backup, Backup};
use crate::state::storage;
use crate::state::AppState;
use crate::state::StorageStatus;
use crate::web;

/// Downloads the whole book, settings and scenarios as a JSON backup.
pub fn download_backup(state: AppState) {
    let settings = state.settings.with_untracked(|s| serde_json::to_value(s).unwrap_or_default());
    let b = Backup::new(chrono::Utc::now(), state.book.get_untracked(), settings, storage::load_scenarios_raw());
    let name = format!("cs-planner-backup-{}.json", iso(state.as_of.get_untracked()));
    let _ = web::download_bytes(backup::to_json(&b).as_bytes(), "application/json", &name);
}

#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let backup_button = move || {
        view! {
            <button type="button" class="btn small" on:click=move |_| download_backup(state)>{state.text(Msg::BackupExport)}</button>
        }
    };
    move || {
        let status = state.storage.get();
        let notice = |class: &'static str, body: AnyView| {
            view! {
            <div class=format!("notice {class} storage-notice") role="alert" data-testid="storage-notice">{body}</div>
        }.into_any()
        };
        match status {
            StorageStatus::Ok => None,
            StorageStatus::Unavailable => Some(notice("warn", view! {
                <span>{state.text(Msg::StorageUnavailable)}</span> " " {backup_button()}
            }.into_any())),
            StorageStatus::Quota { chars } => Some(notice("error", view! {
                <span>{state.text(Msg::StorageQuota)}</span> " "
                <span>{move || state.tr(Tpl::StorageBookSize { chars: &fmt_count(chars) })}</span> " "
                {backup_button()}
            }.into_any())),
            StorageStatus::GoodStale => Some(notice("warn", view! { <span>{state.text(Msg::StorageGoodStale)}</span> }.into_any())),
            StorageStatus::SaveFailed => Some(notice("error", view! {
                <span>{state.text(Msg::StorageSaveFailed)}</span> " " {backup_button()}
            }.into_any())),
            StorageStatus::ReadOnly { readable, .. } => Some(notice("warn", view! {
                <span>{move || state.t(if readable { Msg::StorageNewer } else { Msg::StorageNewerUnreadable })}</span>
            }.into_any())),
            StorageStatus::Damaged { error, good, good_saved_at } => {
                let message = error.message().unwrap_or(Msg::StorageCorrupt);
                let has_good = good.is_some();
                let good = StoredValue::new(good);
                let use_good = move |_| {
                    if let Some(book) = good.get_value() {
                        state.take_stored_book(*book);
                    }
                };
                let start_over = move |_| {
                    state.keep_this_book();
                };
                let download_raw = move |_| {
                    if let Some(raw) = state.raw_stored_book() {
                        let _ = web::download_bytes(raw.as_bytes(), "text/plain;charset=utf-8", "cs-planner-damaged-book.txt");
                    }
                };
                let at = good_saved_at.unwrap_or_default();
                Some(notice("error", view! {
                    <span>{move || state.t(message)}</span>
                    <div class="notice-actions">
                        <Show when=move || has_good>
                            <button type="button" class="btn small primary" on:click=use_good data-testid="use-good-copy">
                                {state.text(Msg::StorageUseGood)} " " {
                                    let at = at.clone();
                                    move || state.tr(Tpl::StorageGoodSavedAt { at: &at })
                                }
                            </button>
                        </Show>
                        <button type="button" class="btn small" on:click=download_raw data-testid="download-raw">{state.text(Msg::StorageDownloadRaw)}</button>
                        <button type="button" class="btn small" on:click=start_over data-testid="start-over">{state.text(Msg::StorageStartOver)}</button>
                    </div>
                }.into_any()))
            }
            StorageStatus::OtherTab { theirs } => {
                let theirs = StoredValue::new(theirs);
                let load_theirs = move |_| {
                    state.take_stored_book(*theirs.get_value());
                };
                let keep_mine = move |_| state.keep_this_book();
                Some(notice("warn", view! {
                    <span>{state.text(Msg::StorageOtherTab)}</span>
                    <div class="notice-actions">
                        <button type="button" class="btn small primary" on:click=load_theirs data-testid="load-theirs">{state.text(Msg::StorageLoadTheirs)}</button>
                        <button type="button" class="btn small" on:click=keep_mine data-testid="keep-mine">{state.text(Msg::StorageKeepMine)}</button>
                    </div>
                }.into_any()))
            }
        }
    }
}
