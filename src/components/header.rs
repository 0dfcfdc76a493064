//! The header: product name, as-of date, currency, language switch and the navigation.

use leptos::html;
use leptos::prelude::*;

use crate::domain::dates::iso;
use crate::domain::typed::{parse_date, ValueError};
use crate::i18n::{value_error_msg, Lang, Msg};
use crate::route::Route;
use crate::state::{navigate, AppState};

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let problem = RwSignal::new(None::<ValueError>);
    // Applied on Enter or on leaving the field (`change`). Any written form of a date is taken
    // (2026-03-31, 2026/3/31, 2026.3.31, 2026年3月31日) and shown back as ISO; an emptied field
    // means "today"; a refused text says why and changes nothing.
    let on_as_of = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if text.trim().is_empty() {
            problem.set(None);
            state.set_as_of(None);
            return;
        }
        match parse_date(&text) {
            Ok(d) => {
                problem.set(None);
                state.set_as_of(Some(d));
                if let Some(el) =
                    ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
                {
                    el.set_value(&iso(d));
                }
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let message = move || problem.get().map(|e| state.t(value_error_msg(e)));
    // On a phone the menu scrolls sideways: at start, on every page change (and when the labels
    // change language or the window its size) the current page's link is brought to the middle
    // of the menu. Only the menu scrolls, never the page.
    let nav = NodeRef::<html::Nav>::new();
    Effect::new(move |_| {
        state.route.track();
        state.lang.track();
        if let Some(nav) = nav.get() {
            show_current(&nav);
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(nav) = nav.get_untracked() {
            show_current(&nav);
        }
    });
    on_cleanup(move || on_resize.remove());
    let lang_button = move |lang: Lang, msg: Msg| {
        view! {
            <button
                type="button"
                class="lang-btn"
                aria-pressed=move || (state.lang.get() == lang).to_string()
                lang=lang.tag()
                data-testid=format!("lang-{}", lang.tag())
                on:click=move |_| state.lang.set(lang)
            >
                {move || state.t(msg)}
            </button>
        }
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <a class="brand-name" href=move || Route::Book.path(&state.base()) on:click=move |ev| navigate(ev, state, Route::Book)>
                    {state.text(Msg::AppName)}
                </a>
                <span class="brand-tagline">{state.text(Msg::AppTagline)}</span>
            </div>
            <div class="header-controls">
                <label class="as-of" title=move || if state.url_as_of.get().is_some() { state.t(Msg::AsOfFromUrl) } else { "" }>
                    <span>{state.text(Msg::AsOfLabel)}</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        placeholder="YYYY-MM-DD"
                        maxlength="16"
                        data-testid="as-of"
                        data-field="asof"
                        aria-invalid=move || problem.with(Option::is_some).to_string()
                        aria-describedby="as-of-error"
                        title=move || message().unwrap_or_default()
                        class:from-url=move || state.url_as_of.get().is_some()
                        prop:value=move || iso(state.as_of.get())
                        on:change=on_as_of
                    />
                    <span class="field-error header-error" id="as-of-error" role="alert" data-testid="as-of-error"
                        hidden=move || problem.with(Option::is_none)>{message}</span>
                </label>
                // The currency symbol is a setting: the chip opens it.
                <a class="currency" href=move || state.href(Route::Settings) title=state.text(Msg::CurrencyLabel)
                    aria-label=state.text(Msg::CurrencyLabel) data-testid="currency"
                    on:click=move |ev| navigate(ev, state, Route::Settings)>
                    {move || state.settings.with(|s| s.currency.clone())}
                </a>
                <div class="lang-switch" role="group" aria-label=state.text(Msg::LanguageLabel)>
                    {lang_button(Lang::Zh, Msg::LangZh)}
                    {lang_button(Lang::En, Msg::LangEn)}
                </div>
            </div>
            <nav class="app-nav" aria-label=state.text(Msg::MainNav) node_ref=nav>
                {Route::NAV.into_iter().map(|r| view! { <NavLink route=r /> }).collect_view()}
            </nav>
        </header>
    }
}

/// Scrolls the menu (only the menu) so that its current link is in the middle, or as near as
/// the menu's ends allow.
fn show_current(nav: &web_sys::Element) {
    let max = nav.scroll_width() - nav.client_width();
    if max <= 0 {
        return;
    }
    let Ok(Some(link)) = nav.query_selector("[aria-current=\"page\"]") else { return };
    let (n, l) = (nav.get_bounding_client_rect(), link.get_bounding_client_rect());
    let off_centre = (l.left() + l.width() / 2.0) - (n.left() + n.width() / 2.0);
    let target = (f64::from(nav.scroll_left()) + off_centre).round().clamp(0.0, f64::from(max));
    nav.set_scroll_left(target as i32);
}

#[component]
pub fn NavLink(route: Route) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <a
            href=move || state.href(route)
            class="nav-link"
            aria-current=move || (state.route.get() == route).then_some("page")
            data-testid=format!("nav-{}", route.slug())
            on:click=move |ev| navigate(ev, state, route)
        >
            {move || state.t(route.label())}
        </a>
    }
}
