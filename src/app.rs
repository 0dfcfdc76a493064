//! The app: its state, shared through context, and the shell that lays out the pages.
//!
//! Data flows one way: the book and the settings (signals) → derived figures (memos in the
//! pages) → views. Persistence follows the signals in effects; nothing else writes storage.

use chrono::NaiveDate;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::components::{Header, StorageNotice};
use crate::domain::dates::{iso, parse_iso};
use crate::domain::settings::effective_as_of;
use crate::domain::snapshot::Snapshot;
use crate::domain::{Book, Settings};
use crate::i18n::{t, Lang, Msg};
use crate::pages;
use crate::route::{base_path_of, Route};
use crate::store::book_sync::{self, StorageStatus};
use crate::store::local;
use crate::web;

/// Everything the pages share. All fields are `Copy` handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub settings: RwSignal<Settings>,
    pub book: RwSignal<Book>,
    /// The `?asof=` of the link the app was opened with, while it is in the URL.
    pub url_as_of: RwSignal<Option<NaiveDate>>,
    /// A `?asof=` that was not a date, to say so.
    pub bad_url_as_of: RwSignal<Option<String>>,
    pub as_of: Memo<NaiveDate>,
    /// Each account as of D (arr, stage, tier, health): computed once, read by every page.
    pub snapshot: Memo<Snapshot>,
    pub route: RwSignal<Route>,
    /// What persistence is doing (saved, full, damaged…), for the notice.
    pub storage: RwSignal<StorageStatus>,
    base: StoredValue<String>,
}

impl AppState {
    pub fn new(lang: Lang, settings: Settings, (book, storage): (Book, StorageStatus), base: String, route: Route) -> Self {
        let settings = RwSignal::new(settings);
        let raw = web::query_param("asof");
        let url_date = raw.as_deref().and_then(parse_iso);
        let url_as_of = RwSignal::new(url_date);
        let bad_url_as_of = RwSignal::new(raw.filter(|_| url_date.is_none()));
        let today = chrono::Local::now().date_naive();
        let as_of = Memo::new(move |_| {
            effective_as_of(url_as_of.get(), settings.with(|s| s.as_of), today)
        });
        let book = RwSignal::new(book);
        // Only the settings a snapshot depends on: a new currency symbol recomputes nothing.
        let inputs = Memo::new(move |_| settings.with(|s| (s.rules, s.health, s.tiers.clone())));
        let snapshot = Memo::new(move |_| {
            let as_of = as_of.get();
            inputs.with(|(rules, health, tiers)| {
                book.with(|b| Snapshot::new(b, as_of, rules, health, tiers))
            })
        });
        AppState {
            lang: RwSignal::new(lang),
            settings,
            book,
            snapshot,
            url_as_of,
            bad_url_as_of,
            as_of,
            route: RwSignal::new(route),
            storage: RwSignal::new(storage),
            base: StoredValue::new(base),
        }
    }

    /// The text of `msg` in the current language (tracks the language).
    pub fn t(&self, msg: Msg) -> &'static str {
        t(self.lang.get(), msg)
    }

    /// The text of `msg` as a view or attribute that follows the language. Every use shares
    /// one closure type, so a page with a hundred labels adds no code per label.
    pub fn text(&self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || t(lang.get(), msg)
    }

    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// The link to a page, keeping the query (`?asof=`) the app was opened with.
    pub fn href(&self, route: Route) -> String {
        let search = match self.url_as_of.get() {
            Some(d) => format!("?asof={}", iso(d)),
            None => String::new(),
        };
        format!("{}{search}", route.path(&self.base()))
    }

    /// Sets the as-of date as a setting (`None` = today). A `?asof=` in the URL would hide the
    /// change, so it leaves the URL.
    pub fn set_as_of(&self, date: Option<NaiveDate>) {
        self.settings.update(|s| s.as_of = date);
        if self.url_as_of.get_untracked().is_some() || self.bad_url_as_of.get_untracked().is_some() {
            self.url_as_of.set(None);
            self.bad_url_as_of.set(None);
            web::replace_query("");
        }
    }
}

/// Client-side navigation for a plain left click; other clicks (new tab…) go to the browser.
pub fn navigate(ev: MouseEvent, state: AppState, route: Route) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    ev.prevent_default();
    if state.route.get_untracked() != route {
        web::push_path(&state.href(route));
        state.route.set(route);
        web::scroll_to_top();
    }
}

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let base = base_path_of(&web::base_uri());
    let route = Route::from_path(&base, &web::location_path());
    let lang = local::load_lang().unwrap_or_else(|| {
        let preferred = web::preferred_languages();
        Lang::from_browser(preferred.iter().map(String::as_str))
    });
    let load_start = web::now_ms();
    let opened = book_sync::open();
    web::mark("data-load-ms", &format!("{:.1}", web::now_ms() - load_start));
    let state = AppState::new(lang, local::load_settings(), opened, base.clone(), route);
    provide_context(state);
    crate::persist::install(state);

    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        state.route.set(Route::from_path(&state.base(), &web::location_path()));
    });
    on_cleanup(move || popstate.remove());

    Effect::new(move |_| {
        let lang = state.lang.get();
        local::save_lang(lang);
        web::set_document_lang(lang.tag());
    });
    Effect::new(move |_| state.settings.with(local::save_settings));
    Effect::new(move |_| {
        let page = state.t(state.route.get().label());
        web::set_title(&format!("{page} · {}", state.t(Msg::AppName)));
    });

    view! {
        <Header />
        <main id="main" class="page" data-route=move || state.route.get().slug()>
            <UrlNotice />
            <StorageNotice />
            {move || pages::render(state.route.get())}
        </main>
        {
            // The mark the start-up benchmark and the end-to-end tests wait for.
            Effect::new(move |_| {
                if let Some(body) = web::document().and_then(|d| d.body()) {
                    let _ = body.set_attribute("data-ready", &format!("{:.1}", web::now_ms()));
                }
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
