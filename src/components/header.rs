//! The header: product name, as-of date, currency, language switch and the navigation.

use leptos::prelude::*;

use crate::app::{navigate, AppState};
use crate::domain::dates::{iso, parse_iso};
use crate::i18n::{Lang, Msg};
use crate::route::Route;

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let invalid = RwSignal::new(false);
    let on_as_of = move |ev| {
        let text = event_target_value(&ev);
        // An emptied field means "today". Dates are ISO in both languages, so the field is
        // text, not the browser's locale-formatted date picker.
        let date = parse_iso(&text);
        invalid.set(date.is_none() && !text.trim().is_empty());
        if !invalid.get_untracked() {
            state.set_as_of(date);
        }
    };
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
                        maxlength="10"
                        data-testid="as-of"
                        aria-invalid=move || invalid.get().to_string()
                        title=move || if invalid.get() { state.t(Msg::SettingsInvalidDate) } else { "" }
                        class:from-url=move || state.url_as_of.get().is_some()
                        prop:value=move || iso(state.as_of.get())
                        on:change=on_as_of
                    />
                </label>
                <span class="currency" title=state.text(Msg::CurrencyLabel) data-testid="currency">
                    {move || state.settings.with(|s| s.currency.clone())}
                </span>
                <div class="lang-switch" role="group" aria-label=state.text(Msg::LanguageLabel)>
                    {lang_button(Lang::Zh, Msg::LangZh)}
                    {lang_button(Lang::En, Msg::LangEn)}
                </div>
            </div>
            <nav class="app-nav" aria-label=state.text(Msg::MainNav)>
                {Route::NAV.into_iter().map(|r| view! { <NavLink route=r /> }).collect_view()}
            </nav>
        </header>
    }
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
