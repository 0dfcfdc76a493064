//! Settings: the as-of date, the currency symbol, the language.

use leptos::prelude::*;

use crate::domain::dates::iso;
use crate::domain::settings::clean_currency;
use crate::domain::typed::{parse_date, ValueError};
use crate::i18n::{value_error_msg, Lang, Msg};
use crate::state::AppState;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let date_error = RwSignal::new(None::<ValueError>);
    let on_date = move |ev| {
        let text = event_target_value(&ev);
        match parse_date(&text) {
            Ok(d) => {
                date_error.set(None);
                state.set_as_of(Some(d));
            }
            Err(ValueError::Empty) => {
                date_error.set(None);
                state.set_as_of(None);
            }
            Err(e) => date_error.set(Some(e)),
        }
    };
    let on_currency = move |ev| {
        if let Some(c) = clean_currency(&event_target_value(&ev)) {
            state.set_currency(c);
        }
    };
    view! {
        <h1>{state.text(Msg::NavSettings)}</h1>
        <form class="settings" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="set-asof">{state.text(Msg::AsOfLabel)}</label>
                <input id="set-asof" type="text" inputmode="numeric" placeholder="YYYY-MM-DD" maxlength="16" data-testid="settings-as-of" data-field="settings.asof"
                    prop:value=move || state.settings.with(|s| s.as_of.map(iso).unwrap_or_default())
                    on:change=on_date
                    aria-invalid=move || date_error.with(Option::is_some).to_string() />
                <button type="button" class="btn small" on:click=move |_| state.set_as_of(None)>
                    {state.text(Msg::SettingsToday)}
                </button>
                <p class="help">{state.text(Msg::SettingsAsOfHelp)}</p>
                {move || date_error.get().map(|e| view! { <p class="field-error" role="alert">{state.t(value_error_msg(e))}</p> })}
            </div>
            <div class="field">
                <label for="set-currency">{state.text(Msg::CurrencyLabel)}</label>
                <input id="set-currency" type="text" maxlength="4" size="4" data-testid="settings-currency" data-field="currency"
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
