//! Browser tests (wasm-bindgen-test in headless Chromium): what needs a real DOM and storage.
#![cfg(target_arch = "wasm32")]

use cs_planner::app::App;
use cs_planner::domain::Settings;
use cs_planner::i18n::Lang;
use cs_planner::state::storage as local;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets the reactive system run its effects.
async fn tick() {
    gloo_timers_tick().await;
}

async fn gloo_timers_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn mount_app() -> (web_sys::HtmlElement, impl Drop) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    (host, handle)
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement =
        host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element {selector}")).unchecked_into();
    el.click();
}

fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

#[wasm_bindgen_test]
fn settings_and_language_survive_a_round_trip_through_local_storage() {
    storage().clear().unwrap();
    assert_eq!(local::load_lang(), None);
    local::save_lang(Lang::En);
    assert_eq!(local::load_lang(), Some(Lang::En));
    assert_eq!(storage().get_item(local::LANG_KEY).unwrap().as_deref(), Some("\"en\""));

    let s = Settings {
        currency: "¥".into(),
        as_of: cs_planner::domain::dates::parse_iso("2025-06-30"),
        ..Settings::default()
    };
    local::save_settings(&s);
    assert_eq!(local::load_settings(), s);
}

#[wasm_bindgen_test]
fn unreadable_settings_fall_back_to_defaults() {
    storage().set_item(local::SETTINGS_KEY, "{not json").unwrap();
    assert_eq!(local::load_settings(), Settings::default());
    storage().set_item(local::LANG_KEY, "\"klingon\"").unwrap();
    assert_eq!(local::load_lang(), None);
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn clicking_the_language_switch_changes_the_text_and_is_saved() {
    storage().clear().unwrap();
    local::save_lang(Lang::Zh);
    let (host, _app) = mount_app();
    tick().await;
    let zh = text(&host, "[data-testid=nav-book]");
    assert_eq!(zh, "客户档案");
    click(&host, "[data-testid=lang-en]");
    tick().await;
    assert_eq!(text(&host, "[data-testid=nav-book]"), "Book");
    assert_eq!(local::load_lang(), Some(Lang::En));
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    host.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_nav_link_shows_that_page_without_reloading() {
    storage().clear().unwrap();
    local::save_lang(Lang::En);
    let (host, _app) = mount_app();
    tick().await;
    click(&host, "[data-testid=nav-settings]");
    tick().await;
    assert_eq!(text(&host, "h1"), "Settings");
    assert_eq!(
        host.query_selector("[data-testid=nav-settings]").unwrap().unwrap().get_attribute("aria-current").as_deref(),
        Some("page")
    );
    assert!(web_sys::window().unwrap().location().pathname().unwrap().ends_with("/settings"));
    click(&host, "[data-testid=nav-segments]");
    tick().await;
    assert_eq!(text(&host, "h1"), "Segments");
    assert!(host.query_selector(".chart-svg svg").unwrap().is_some(), "the chart is drawn");
    host.remove();
}

#[wasm_bindgen_test]
async fn an_invalid_as_of_date_is_refused_with_a_message() {
    storage().clear().unwrap();
    local::save_lang(Lang::En);
    let (host, _app) = mount_app();
    tick().await;
    let input: web_sys::HtmlInputElement =
        host.query_selector("[data-testid=as-of]").unwrap().unwrap().unchecked_into();
    input.set_value("2025-02-30");
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(local::load_settings().as_of, None, "nothing saved");
    input.set_value("2025-03-31");
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(local::load_settings().as_of, cs_planner::domain::dates::parse_iso("2025-03-31"));
    host.remove();
}
