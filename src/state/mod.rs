//! The app's one state: the book, the settings and what every page derives from them, shared
//! through context.
//!
//! Pages read the book and the settings (`ReadSignal`s) and change them only through the named
//! methods of `edits.rs` (`set_tier_settings`, `assign_owner`, `replace_book`, …); each method
//! tells the saver how soon its change must reach storage. `storage.rs` owns every storage key,
//! `saver.rs` the flush. The figures several pages share (the snapshot, the default-period due
//! set, the tier figures) are computed here once.

pub mod book_slots;
mod edits;
mod other_tab;
mod saver;
pub mod storage;

use chrono::NaiveDate;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

pub use book_slots::StorageStatus;
pub use saver::Urgency;

use crate::domain::correlation::activity_renewal;
use crate::domain::dates::iso;
use crate::domain::period::Period;
use crate::domain::renewals::{due_set, tally, DueTerm};
use crate::domain::revenue::forecast::{renewal_forecast, Forecast};
use crate::domain::settings::effective_as_of;
use crate::domain::snapshot::Snapshot;
use crate::domain::tiers::{tier_figures, TierFigures, TierSettings};
use crate::domain::typed::parse_date;
use crate::domain::AsOfRules;
use crate::domain::{Book, Settings};
use crate::i18n::{t, tr, Lang, Msg, Tpl};
use crate::route::Route;
use crate::web;
use saver::Saver;

/// Everything the pages share. All fields are `Copy` handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub settings: ReadSignal<Settings>,
    pub book: ReadSignal<Book>,
    settings_w: WriteSignal<Settings>,
    book_w: WriteSignal<Book>,
    /// The `?asof=` of the link the app was opened with, while it is in the URL.
    pub url_as_of: RwSignal<Option<NaiveDate>>,
    /// A `?asof=` that was not a date, to say so.
    pub bad_url_as_of: RwSignal<Option<String>>,
    pub as_of: Memo<NaiveDate>,
    /// The as-of rules alone, so a figure that needs only them does not follow every setting.
    pub rules: Memo<AsOfRules>,
    /// Each account as of D (arr, stage, tier, health): computed once, read by every page.
    pub snapshot: Memo<Snapshot>,
    /// The snapshot before the tiers (every view's tier is 0): what a figure that reads no
    /// tier follows, so that new tier thresholds do not recompute it.
    pub untiered: Memo<Snapshot>,
    /// The tier settings alone, so that what reads them follows no other setting.
    pub tiers: Memo<TierSettings>,
    /// The currency symbol alone, so that what writes amounts follows no other setting.
    pub currency: Memo<String>,
    /// The terms due in the default period (the last 12 months), decided as of D.
    pub default_due: Memo<Vec<DueTerm>>,
    /// Accounts, ARR and renewal figures per tier over the default period.
    pub tier_figures: Memo<Vec<TierFigures>>,
    /// The renewal forecast of the next 12 months (DOMAIN.md §9): the Revenue page shows it,
    /// the Capacity page may take its logo churn. Computed only when read.
    pub forecast: Memo<Forecast>,
    pub route: RwSignal<Route>,
    /// What persistence is doing (saved, full, damaged…), for the notice.
    pub storage: RwSignal<StorageStatus>,
    saver: StoredValue<Saver, LocalStorage>,
    base: StoredValue<String>,
}

impl AppState {
    /// A state on the given book and settings that writes nothing to storage (component tests,
    /// benchmarks).
    pub fn new(
        lang: Lang,
        settings: Settings,
        (book, storage): (Book, StorageStatus),
        base: String,
        route: Route,
    ) -> Self {
        Self::build(lang, settings, book, storage, Saver::detached(), base, route)
    }

    /// The app's state: the stored book and settings, saved from now on.
    pub fn open(lang: Lang, base: String, route: Route) -> Self {
        let load_start = web::now_ms();
        let (book, status, slots) = book_slots::open();
        web::mark("data-load-ms", &format!("{:.1}", web::now_ms() - load_start));
        let mut settings = storage::load_settings();
        if !storage::has_settings() {
            // A first visit: the currency a reader of this language most likely means.
            settings.currency = match lang {
                Lang::Zh => "¥".into(),
                Lang::En => "$".into(),
            };
        }
        let state = Self::build(lang, settings, book, status, Saver::attached(slots), base, route);
        saver::install(state);
        state
    }

    fn build(
        lang: Lang,
        settings: Settings,
        book: Book,
        storage: StorageStatus,
        saver: Saver,
        base: String,
        route: Route,
    ) -> Self {
        let (settings, settings_w) = signal(settings);
        let raw = web::query_param("asof");
        let url_date = raw.as_deref().and_then(|r| parse_date(r).ok());
        let url_as_of = RwSignal::new(url_date);
        let bad_url_as_of = RwSignal::new(raw.filter(|_| url_date.is_none()));
        let today = chrono::Local::now().date_naive();
        let as_of = Memo::new(move |_| effective_as_of(url_as_of.get(), settings.with(|s| s.as_of), today));
        let (book, book_w) = signal(book);
        // Only the settings a snapshot depends on: a new currency symbol recomputes nothing,
        // and new tiers only put the accounts in their tiers again.
        let inputs = Memo::new(move |_| settings.with(|s| (s.rules, s.health)));
        let untiered = Memo::new(move |_| {
            let as_of = as_of.get();
            web::measure("snapshot.untiered", || {
                inputs.with(|(rules, health)| book.with(|b| Snapshot::untiered(b, as_of, rules, health)))
            })
        });
        let tiers = Memo::new(move |_| settings.with(|s| s.tiers.clone()));
        // Put in their tiers in place: a threshold change makes no second copy of the views.
        let snapshot = Memo::new_owning(move |old: Option<Snapshot>| {
            web::measure("snapshot.tiered", || {
                untiered.with(|u| {
                    tiers.with(|t| {
                        book.with(|b| match old {
                            Some(mut s) => {
                                let changed = s.retier_from(u, b, t);
                                (s, changed)
                            }
                            None => (u.tiered(b, t), true),
                        })
                    })
                })
            })
        });
        let rules = Memo::new(move |_| settings.with(|s| s.rules));
        let default_due = Memo::new(move |_| {
            let as_of = as_of.get();
            let rules = rules.get();
            book.with(|b| due_set(b, as_of, &rules, &Period::last_12_months(as_of)))
        });
        let tier_figures = Memo::new(move |_| snapshot.with(|s| default_due.with(|d| tier_figures(s, d))));
        let forecast = forecast_memo(book, settings, as_of, rules, snapshot, default_due);
        AppState {
            lang: RwSignal::new(lang),
            settings,
            book,
            settings_w,
            book_w,
            snapshot,
            untiered,
            tiers,
            currency: Memo::new(move |_| settings.with(|s| s.currency.clone())),
            default_due,
            tier_figures,
            forecast,
            url_as_of,
            bad_url_as_of,
            as_of,
            rules,
            route: RwSignal::new(route),
            storage: RwSignal::new(storage),
            saver: StoredValue::new_local(saver),
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

    /// A template's text in the current language with its slots filled; tracks the language.
    pub fn tr(&self, tpl: Tpl) -> String {
        tr(self.lang.get(), tpl)
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

    /// Goes to `route` (client-side), keeping the link's query.
    pub fn go_to(&self, route: Route) {
        if self.route.get_untracked() != route {
            web::push_path(&self.href(route));
            self.route.set(route);
            web::scroll_to_top();
        }
    }
}

/// The forecast on the settings' probabilities; its history choice reads the activity bands and
/// the logo renewal rate of the default period's due terms.
fn forecast_memo(
    book: ReadSignal<Book>,
    settings: ReadSignal<Settings>,
    as_of: Memo<NaiveDate>,
    rules: Memo<AsOfRules>,
    snapshot: Memo<Snapshot>,
    due: Memo<Vec<DueTerm>>,
) -> Memo<Forecast> {
    let chosen = Memo::new(move |_| settings.with(|s| s.forecast));
    let history = Memo::new(move |_| due.with(|d| (book.with(|b| activity_renewal(b, d)), tally(d).logo_rate())));
    Memo::new(move |_| {
        let (as_of, rules, chosen) = (as_of.get(), rules.get(), chosen.get());
        web::measure("revenue.forecast", || {
            history.with(|(bands, logo_rate)| {
                book.with(|b| {
                    snapshot.with(|s| renewal_forecast(b, s, as_of, &rules, &chosen, Some(bands), *logo_rate))
                })
            })
        })
    })
}

/// Client-side navigation for a plain left click; other clicks (new tab…) go to the browser.
pub fn navigate(ev: MouseEvent, state: AppState, route: Route) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    ev.prevent_default();
    state.go_to(route);
}
