//! The shell: opens the stored state, provides it to the pages and lays them out.
//!
//! Data flows one way: the book and the settings (`state::AppState`, changed only through its
//! named methods) → derived figures (memos) → views.

use leptos::prelude::*;

use crate::components::{register_service_worker, Header, StorageNotice, UpdateNotice};
use crate::i18n::{Lang, Msg};
use crate::pages;
use crate::route::{base_path_of, Route};
use crate::state::{storage, AppState};
use crate::web;

pub fn mount() {
    // When the wasm has been fetched, compiled and started: the start-up benchmark splits the
    // time to the first page there (download + compile, then the app's own start and render).
    web::mark("data-main-ms", &format!("{:.1}", web::now_ms()));
    leptos::mount::mount_to_body(App);
    // Offline start and "update available" (components/update_notice.rs); not in the browser
    // tests, which mount `App` themselves.
    register_service_worker();
}

#[component]
pub fn App() -> impl IntoView {
    let base = base_path_of(&web::base_uri());
    let route = Route::from_path(&base, &web::location_path());
    let lang = storage::load_lang().unwrap_or_else(|| {
        let preferred = web::preferred_languages();
        Lang::from_browser(preferred.iter().map(String::as_str))
    });
    let state = AppState::open(lang, base, route);
    provide_context(state);
    // The loops over the whole book that pages in a chunk run, kept in the main wasm.
    provide_context(pages::Kernels::default());

    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        state.route.set(Route::from_path(&state.base(), &web::location_path()));
    });
    on_cleanup(move || popstate.remove());

    Effect::new(move |_| {
        let lang = state.lang.get();
        storage::save_lang(lang);
        web::set_document_lang(lang.tag());
    });
    Effect::new(move |_| {
        let page = state.t(state.route.get().label());
        web::set_title(&format!("{page} · {}", state.t(Msg::AppName)));
    });

    view! {
        <Header />
        <main id="main" class="page" data-route=move || state.route.get().slug()>
            <UrlNotice />
            <StorageNotice />
            <UpdateNotice />
            {move || pages::render(state.route.get())}
        </main>
        {
            // The mark the start-up benchmark and the end-to-end tests wait for.
            Effect::new(move |_| {
                if let Some(body) = web::document().and_then(|d| d.body()) {
                    let _ = body.set_attribute("data-ready", &format!("{:.1}", web::now_ms()));
                }
                // The other pages' code, fetched once the first page is shown (pages/lazy.rs).
                web::when_idle(pages::prefetch, 2000);
            });
        }
    }
}

/// Says so when the link's `?asof=` is not a date.
#[component]
fn UrlNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.bad_url_as_of.get().map(|raw| {
            view! {
                <p class="notice warn" role="status">
                    {state.text(Msg::AsOfBadUrl)} " " <code>{raw.clone()}</code>
                </p>
            }
        })
    }
}
