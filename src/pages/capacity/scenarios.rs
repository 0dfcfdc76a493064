//! Saved scenarios: save, load, rename, delete, pick for comparison; share the working one as a
//! link; and a link's scenario, which is shown but never saved over anything without asking.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::header;
use super::model::{Incoming, Model};
use super::need::method_name;
use crate::domain::dates::iso;
use crate::domain::scenario::DemoBook;
use crate::forms::NameError;
use crate::i18n::{fmt_count, Msg, Tpl};
use crate::route::Route;
use crate::state::{navigate, AppState};
use crate::web;

pub const MAX_COMPARED: usize = 4;

fn name_error(e: NameError) -> Msg {
    match e {
        NameError::Empty => Msg::CapNameEmpty,
        NameError::TooLong => Msg::CapNameTooLong,
        NameError::Taken => Msg::CapNameTaken,
        NameError::Full => Msg::CapListFull,
    }
}

/// The link to the Capacity page with the working scenario's parameters (never the book), and
/// the as-of date when one is set, so the receiver computes for the same day.
fn share_link(state: AppState, query: &str) -> String {
    let origin = web::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let pinned = state.url_as_of.get_untracked().is_some() || state.settings.with_untracked(|s| s.as_of.is_some());
    let asof = if pinned { format!("asof={}&", iso(state.as_of.get_untracked())) } else { String::new() };
    format!("{origin}{}?{asof}{query}", Route::Capacity.path(&state.base()))
}

/// Best effort: the link is also shown in a field to copy by hand.
fn copy_to_clipboard(text: &str) -> bool {
    let Some(nav) = web::window().map(|w| w.navigator()) else { return false };
    let clipboard = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard")).ok().filter(|c| c.is_object());
    let write = clipboard.as_ref().and_then(|c| js_sys::Reflect::get(c, &JsValue::from_str("writeText")).ok());
    match (clipboard, write.and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())) {
        (Some(c), Some(f)) => f.call1(&c, &JsValue::from_str(text)).is_ok(),
        _ => false,
    }
}

/// Takes the scenario's parameters out of the address bar once the user has decided, keeping
/// the app's `?asof=`.
fn clear_link(state: AppState) {
    let keep = state.url_as_of.get_untracked().map(|d| format!("asof={}", iso(d))).unwrap_or_default();
    web::replace_query(&keep);
}

#[component]
pub fn IncomingBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let confirming = RwSignal::new(false);
    let existing =
        move || model.incoming.with(|i| i.as_ref().and_then(|i| model.saved.with(|s| s.position(&i.scenario.name))));
    let take = move || {
        confirming.set(false);
        clear_link(state);
        model.incoming.set(None);
    };
    let save_new = move |_| {
        if let Some(Incoming { scenario, .. }) = model.incoming.get_untracked() {
            let fallback = state.t(Msg::CapScenarioDefaultName);
            let name = model.saved.with_untracked(|s| s.unique_name(&scenario.name, fallback));
            model.saved.update(|s| {
                let _ = s.save_new(scenario.clone(), &name);
            });
            model.draft.update(|d| d.scenario.name = name);
            take();
        }
    };
    let replace = move |_| {
        if let (Some(i), Some(inc)) = (existing(), model.incoming.get_untracked()) {
            model.saved.update(|s| {
                s.replace(i, inc.scenario.clone());
            });
            take();
        }
    };
    let dismiss = move |_| {
        if let Some(inc) = model.incoming.get_untracked() {
            take();
            state.set_tier_settings(inc.previous_tiers);
            state.edit_hiring_triggers(|t| *t = inc.previous_triggers);
            model.load(inc.previous);
        }
    };
    view! {
        {move || model.bad_link.get().map(|why| view! {
            <p class="notice warn" role="status" data-testid="cap-bad-link">{state.text(Msg::CapBadLink)} " " <code>{why.clone()}</code></p>
        })}
        <Show when=move || model.incoming.with(Option::is_some)>
            <div class="notice cap-incoming" role="status" data-testid="cap-incoming">
                <p>{move || state.tr(Tpl::CapIncoming { name: &model.incoming.with(|i| i.as_ref().map(|i| i.scenario.name.clone()).unwrap_or_default()) })}</p>
                <NoBookHelp />
                <div class="cap-actions">
                    <button type="button" class="btn primary" data-testid="cap-incoming-save" on:click=save_new>{state.text(Msg::CapSaveAsNew)}</button>
                    <Show when=move || existing().is_some() && !confirming.get()>
                        <button type="button" class="btn" data-testid="cap-incoming-replace" on:click=move |_| confirming.set(true)>{state.text(Msg::CapReplaceSaved)}</button>
                    </Show>
                    <Show when=move || confirming.get()>
                        <span class="cap-confirm">{state.text(Msg::CapReplaceConfirm)}</span>
                        <button type="button" class="btn danger" data-testid="cap-incoming-replace-yes" on:click=replace>{state.text(Msg::CapReplaceYes)}</button>
                        <button type="button" class="btn" on:click=move |_| confirming.set(false)>{state.text(Msg::Cancel)}</button>
                    </Show>
                    <button type="button" class="btn" data-testid="cap-incoming-dismiss" on:click=dismiss>{state.text(Msg::CapBackToDraft)}</button>
                </div>
            </div>
        </Show>
    }
}

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let link = RwSignal::new(None::<(String, bool)>);
    let save = move |_| {
        let draft_name = model.draft.with_untracked(|d| d.scenario.name.clone());
        let typed = name.get_untracked();
        let wanted = if typed.trim().is_empty() { draft_name } else { typed };
        let fallback = state.t(Msg::CapScenarioDefaultName);
        let wanted =
            if wanted.trim().is_empty() { model.saved.with_untracked(|s| s.unique_name("", fallback)) } else { wanted };
        let scenario = model.scenario.get_untracked();
        let mut result = Ok(0);
        model.saved.update(|s| result = s.save_new(scenario, &wanted));
        match result {
            Ok(i) => {
                let saved_name =
                    model.saved.with_untracked(|s| s.list.get(i).map(|x| x.name.clone()).unwrap_or_default());
                model.draft.update(|d| d.scenario.name = saved_name);
                name.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(name_error(e))),
        }
    };
    let share = move |_| {
        let url = share_link(state, &model.scenario.with_untracked(|s| s.to_query()));
        let copied = copy_to_clipboard(&url);
        link.set(Some((url, copied)));
    };
    let print = move |_| {
        if let Some(w) = web::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="cap-scenario-bar no-print">
            <label class="cap-field">
                <span class="cap-field-label">{state.text(Msg::CapScenarioName)}</span>
                <input type="text" maxlength="200" data-testid="cap-scenario-name" data-field="scenario.name"
                    placeholder=move || model.draft.with(|d| d.scenario.name.clone())
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <button type="button" class="btn primary" data-testid="cap-save" on:click=save>{state.text(Msg::CapSaveScenario)}</button>
            <button type="button" class="btn" data-testid="cap-share" on:click=share>{state.text(Msg::CapShare)}</button>
            <button type="button" class="btn" data-testid="cap-print" on:click=print>{state.text(Msg::CapPrint)}</button>
        </div>
        {move || error.get().map(|m| view! { <p class="field-error" role="alert">{move || state.t(m)}</p> })}
        {move || link.get().map(|(url, copied)| view! {
            <div class="cap-share no-print">
                <input type="text" readonly data-testid="cap-share-url" prop:value=url.clone()
                    aria-label=state.text(Msg::CapShareLink) on:focus=move |ev| {
                        if let Some(el) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) { el.select() }
                    } />
                <span class="cap-note">{move || state.t(if copied { Msg::CapShareCopied } else { Msg::CapShareCopyHand })}</span>
            </div>
        })}
    }
}

#[component]
pub fn SavedList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let renaming = RwSignal::new(None::<(usize, String)>);
    let deleting = RwSignal::new(None::<usize>);
    let rename_error = RwSignal::new(None::<Msg>);
    let count = Memo::new(move |_| model.saved.with(|s| s.list.len()));
    let row = move |i: usize| {
        let scenario = move || model.saved.with(|s| s.list.get(i).cloned()).unwrap_or_default();
        let name = move || scenario().name;
        let ticked = move || model.compare_names.with(|c| c.contains(&name()));
        let full = move || model.compare_names.with(|c| c.len() >= MAX_COMPARED);
        let toggle = move |_| {
            let n = name();
            model.compare_names.update(|c| {
                if let Some(p) = c.iter().position(|x| *x == n) {
                    c.remove(p);
                } else if c.len() < MAX_COMPARED {
                    c.push(n);
                }
            });
        };
        let commit_rename = move || {
            if let Some((_, typed)) = renaming.get_untracked() {
                let old = name();
                let mut result = Ok(());
                model.saved.update(|s| result = s.rename(i, &typed));
                match result {
                    Ok(()) => {
                        let new = name();
                        model
                            .compare_names
                            .update(|c| c.iter_mut().filter(|x| **x == old).for_each(|x| *x = new.clone()));
                        renaming.set(None);
                        rename_error.set(None);
                    }
                    Err(e) => rename_error.set(Some(name_error(e))),
                }
            }
        };
        let remove = move |_| {
            let n = name();
            model.saved.update(|s| {
                s.delete(i);
            });
            model.compare_names.update(|c| c.retain(|x| *x != n));
            deleting.set(None);
        };
        view! {
            <tr data-testid=format!("cap-saved-{i}")>
                <td><input type="checkbox" data-testid=format!("cap-compare-{i}") prop:checked=ticked
                    prop:disabled=move || !ticked() && full() on:change=toggle
                    aria-label=move || state.tr(Tpl::CapCompareThis { name: &name() }) /></td>
                <td class="cap-saved-name">
                    {move || match renaming.get() {
                        Some((r, text)) if r == i => view! {
                            <input type="text" maxlength="200" data-testid=format!("cap-rename-input-{i}") prop:value=text
                                aria-label=state.text(Msg::CapScenarioName)
                                on:input=move |ev| renaming.set(Some((i, event_target_value(&ev))))
                                on:keydown=move |ev| if ev.key() == "Enter" { commit_rename() } />
                            <button type="button" class="btn small" data-testid=format!("cap-rename-ok-{i}") on:click=move |_| commit_rename()>{state.text(Msg::Save)}</button>
                            <button type="button" class="btn small" on:click=move |_| { renaming.set(None); rename_error.set(None) }>{state.text(Msg::Cancel)}</button>
                        }.into_any(),
                        _ => view! { <span>{name}</span> }.into_any(),
                    }}
                </td>
                <td>{move || state.t(method_name(scenario().projection.method))}</td>
                <td class="num">{move || state.tr(Tpl::MonthsN { n: &scenario().projection.horizon_months.to_string() })}</td>
                <td class="cap-row-actions">
                    <button type="button" class="btn small" data-testid=format!("cap-load-{i}")
                        on:click=move |_| model.open(state, scenario())>{state.text(Msg::CapLoad)}</button>
                    <button type="button" class="btn small" data-testid=format!("cap-rename-{i}")
                        on:click=move |_| renaming.set(Some((i, name())))>{state.text(Msg::CapRename)}</button>
                    {move || if deleting.get() == Some(i) {
                        view! {
                            <button type="button" class="btn small danger" data-testid=format!("cap-delete-yes-{i}") on:click=remove>{state.text(Msg::CapDeleteConfirm)}</button>
                            <button type="button" class="btn small" on:click=move |_| deleting.set(None)>{state.text(Msg::Cancel)}</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="btn small" data-testid=format!("cap-delete-{i}") on:click=move |_| deleting.set(Some(i))>{state.text(Msg::Delete)}</button> }.into_any()
                    }}
                </td>
            </tr>
        }
    };
    view! {
        {move || rename_error.get().map(|m| view! { <p class="field-error" role="alert">{move || state.t(m)}</p> })}
        <Show when=move || { count.get() > 0 } fallback=move || view! { <p class="cap-note">{state.text(Msg::CapNoSaved)}</p> }>
            <div class="table-wrap no-print">
                <table class="dt-table cap-table cap-saved" data-testid="cap-saved">
                    {header(state, &[(Some(Msg::CapCompare), false), (Some(Msg::CapScenarioName), false), (Some(Msg::CapMethod), false), (Some(Msg::CapHorizon), true), (None, false)])}
                    <tbody>{move || (0..count.get()).map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}

/// A link opened on a browser with no book: the figures would all be zero. A link made on the
/// demo book offers that very book; one made on a real book says that links never carry the
/// book, and offers an import or the demo book.
#[component]
fn NoBookHelp() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let empty = Memo::new(move |_| state.book.with(|b| b.accounts.is_empty()));
    let demo = move || model.incoming.with(|i| i.as_ref().and_then(|i| i.scenario.demo));
    let load = move |_| {
        let lang = state.lang.get_untracked();
        let wanted = demo().unwrap_or(DemoBook {
            seed: crate::io::demo::DEMO_SEED,
            size: 1_000,
            made_for: state.as_of.get_untracked(),
        });
        let book = crate::io::demo::generate(wanted.seed, wanted.size, wanted.made_for, lang);
        state.load_demo_book(book, wanted);
    };
    move || {
        empty.get().then(|| {
            let text = match demo() {
                Some(b) => state.tr(Tpl::CapLinkDemo { n: &fmt_count(b.size) }),
                None => state.t(Msg::CapLinkRealBook).to_string(),
            };
            view! {
                <p data-testid="cap-link-no-book">{text}</p>
                <div class="cap-actions">
                    <button type="button" class="btn primary" data-testid="cap-link-load-demo" on:click=load>
                        {state.text(Msg::CapLinkLoadDemo)}
                    </button>
                    <a class="btn" href=move || state.href(Route::Book) data-testid="cap-link-import"
                        on:click=move |ev| navigate(ev, state, Route::Book)>{state.text(Msg::CapLinkImport)}</a>
                </div>
            }
        })
    }
}
