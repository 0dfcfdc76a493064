//! Settings: the as-of date, the currency symbol, the language.

use leptos::prelude::*;

use crate::app::AppState;
use crate::domain::dates::{iso, parse_iso};
use crate::domain::settings::clean_currency;
use crate::i18n::{Lang, Msg};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let date_error = RwSignal::new(false);
    let on_date = move |ev| {
        let text = event_target_value(&ev);
        match parse_iso(&text) {
            Some(d) => {
                date_error.set(false);
                state.set_as_of(Some(d));
            }
            None if text.trim().is_empty() => {
                date_error.set(false);
                state.set_as_of(None);
            }
            None => date_error.set(true),
        }
    };
    let on_currency = move |ev| {
        if let Some(c) = clean_currency(&event_target_value(&ev)) {
            state.settings.update(|s| s.currency = c);
        }
    };
    view! {
        <h1>{state.text(Msg::SettingsTitle)}</h1>
        <form class="settings" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="set-asof">{state.text(Msg::AsOfLabel)}</label>
                <input id="set-asof" type="text" inputmode="numeric" placeholder="YYYY-MM-DD" maxlength="10" data-testid="settings-as-of"
                    prop:value=move || state.settings.with(|s| s.as_of.map(iso).unwrap_or_default())
                    on:change=on_date
                    aria-invalid=move || date_error.get().to_string() />
                <button type="button" class="btn small" on:click=move |_| state.set_as_of(None)>
                    {state.text(Msg::SettingsToday)}
                </button>
                <p class="help">{state.text(Msg::SettingsAsOfHelp)}</p>
                <Show when=move || date_error.get()>
                    <p class="field-error" role="alert">{state.text(Msg::SettingsInvalidDate)}</p>
                </Show>
            </div>
            <div class="field">
                <label for="set-currency">{state.text(Msg::CurrencyLabel)}</label>
                <input id="set-currency" type="text" maxlength="4" size="4" data-testid="settings-currency"
                    prop:value=move || state.settings.with(|s| s.currency.clone())
                    on:change=on_currency />
                <p class="help">{state.text(Msg::SettingsCurrencyHelp)}</p>
            </div>
            <div class="field">
                <label for="set-lang">{state.text(Msg::LanguageLabel)}</label>
                <select id="set-lang" on:change=move |ev| {
                    if let Some(l) = Lang::from_tag(&event_target_value(&ev)) { state.lang.set(l) }
                }>
                    <option value="zh-CN" selected=move || state.lang.get() == Lang::Zh>{state.text(Msg::LangZh)}</option>
                    <option value="en" selected=move || state.lang.get() == Lang::En>{state.text(Msg::LangEn)}</option>
                </select>
            </div>
        </form>
    }
}
