//! What the import preview says about the file: the progress while it is read and checked,
//! then the summary (accounts, rows imported and rejected) and every rejected row's problems.
//!
//! The report is read from its signal, never copied: the confirm takes the accounts out of it.

use leptos::prelude::*;

use super::import_preview::Checked;
use super::import_run::{Phase, Progress};
use crate::i18n::{fmt_count, Msg, Tpl};
use crate::io;
use crate::state::AppState;

/// Rejected rows listed; the rest are counted.
const ERRORS_SHOWN: usize = 200;

/// "Reading the file… 40%", with a bar, while a job runs.
#[component]
pub fn ProgressLine(progress: Signal<Progress>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let percent = move || progress.with(|p| p.map_or(0, |(_, f)| (f.clamp(0.0, 1.0) * 100.0).floor() as u32));
    let text = move || {
        let pct = percent().to_string();
        match progress.get() {
            Some((Phase::Reading, _)) => state.tr(Tpl::ImportReading { pct: &pct }),
            Some((Phase::Checking, _)) => state.tr(Tpl::ImportChecking { pct: &pct }),
            None => String::new(),
        }
    };
    view! {
        <Show when=move || progress.with(Option::is_some)>
            <p class="import-progress" role="status" data-testid="import-progress" data-percent=percent>
                <progress max="100" value=percent></progress>
                " "
                <span>{text}</span>
            </p>
        </Show>
    }
}

#[component]
pub fn ReportView(report: RwSignal<Checked>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        report.with(|r| {
            let Some(Ok(rep)) = r else { return None };
            let count = rep.errors.len();
            let lines =
                rep.errors.iter().take(ERRORS_SHOWN).map(|e| view! { <li>{io::describe(e, lang)}</li> }).collect_view();
            let summary = io::summary(rep, lang);
            let generated = io::generated_ids_note(rep, lang).map(|n| format!(" {n}"));
            let rejected_title =
                state.tr(Tpl::ImportRejectedTitle { rows: &fmt_count(rep.rejected_rows), problems: &fmt_count(count) });
            let more = (count > ERRORS_SHOWN)
                .then(|| state.tr(Tpl::ImportMoreNotShown { n: &fmt_count(count - ERRORS_SHOWN) }));
            Some(view! {
                <p class="import-summary" data-testid="import-summary" data-accounts=rep.accounts.len() data-rejected=rep.rejected_rows>
                    {summary}{generated}
                </p>
                {(count != 0).then(|| view! {
                    <details class="rejected" open>
                        <summary>{rejected_title}</summary>
                        <ul data-testid="import-errors">{lines}</ul>
                        {more.map(|m| view! { <p class="help">{m}</p> })}
                    </details>
                })}
                {rep.accounts.is_empty().then(|| view! { <p class="notice warn">{state.text(Msg::ImportNothing)}</p> })}
            })
        })
    }
}
