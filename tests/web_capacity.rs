//! Browser tests of the Capacity page (wasm-bindgen-test in headless Chromium): the page mounted
//! on a small hand-built book, its figures answering inputs, and its scenarios in storage.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use cs_planner::domain::{Account, Book, Outcome, Settings, Term};
use cs_planner::i18n::Lang;
use cs_planner::pages::capacity::CapacityPage;
use cs_planner::route::Route;
use cs_planner::state::storage::{DRAFT_KEY, SCENARIOS_KEY};
use cs_planner::state::AppState;
use cs_planner::state::StorageStatus;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn account(id: &str, owner: &str, arr: f64) -> Account {
    Account {
        id: id.into(),
        name: id.into(),
        owner: owner.into(),
        terms: vec![Term { start: d("2025-01-01"), end: d("2025-12-31"), arr, outcome: Outcome::Open }],
        ..Default::default()
    }
}

/// Two strategic accounts (400K) owned by Ann, and 30 long-tail accounts (1K each, unowned).
fn book() -> Book {
    let mut accounts = vec![account("S1", "Ann", 150_000.0), account("S2", "Ann", 250_000.0)];
    accounts.extend((0..30).map(|i| account(&format!("T{i}"), "", 1_000.0)));
    Book { accounts }
}

fn mount(book: Book) -> (web_sys::HtmlElement, impl Drop) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let settings = Settings { as_of: Some(d("2025-06-30")), ..Default::default() };
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let state = AppState::new(Lang::En, settings, (book, StorageStatus::Ok), "/".into(), Route::Capacity);
        provide_context(state);
        view! { <CapacityPage /> }
    });
    (host, handle)
}

fn value(host: &web_sys::HtmlElement, key: &str) -> String {
    host.query_selector(&format!("[data-metric=\"{key}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no metric {key}"))
        .get_attribute("data-value")
        .unwrap_or_default()
}

fn number(host: &web_sys::HtmlElement, key: &str) -> f64 {
    value(host, key).parse().unwrap_or_else(|_| panic!("{key} is not a number: {:?}", value(host, key)))
}

fn el<T: JsCast>(host: &web_sys::HtmlElement, selector: &str) -> T {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element {selector}")).unchecked_into()
}

fn type_into(host: &web_sys::HtmlElement, testid: &str, text: &str) {
    let input: web_sys::HtmlInputElement = el(host, &format!("[data-testid=\"{testid}\"]"));
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    // A typed value is applied when the field is left (or on Enter, or after a pause).
    input.dispatch_event(&web_sys::Event::new("blur").unwrap()).unwrap();
}

fn click(host: &web_sys::HtmlElement, testid: &str) {
    el::<web_sys::HtmlElement>(host, &format!("[data-testid=\"{testid}\"]")).click();
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[wasm_bindgen_test]
async fn the_three_methods_answer_their_assumptions() {
    storage().clear().unwrap();
    let (host, _app) = mount(book());
    tick().await;
    // 430K / 2M; 2/10 + 30/1,000; strategic 400K reaches the threshold: ⌈0.2⌉ = 1 dedicated,
    // long tail pooled 30K / 2M.
    assert!(close(number(&host, "capacity.arr_rule.fte"), 0.215));
    assert!(close(number(&host, "capacity.needs.fte"), 0.23));
    assert!(close(number(&host, "capacity.hybrid.fte"), 1.015));
    assert_eq!(number(&host, "capacity.headcount"), 1.0, "Ann, while the roster is empty");

    click(&host, "cap-apc-1m");
    tick().await;
    assert!(close(number(&host, "capacity.arr_rule.fte"), 0.43));
    // Accounts per CSM of the strategic tier, edited in place: 2/5 + 30/1,000.
    type_into(&host, "cap-tier-0-apc", "5");
    tick().await;
    assert!(close(number(&host, "capacity.needs.fte"), 0.43));
    // Text that is not a number is refused and said so; the figure stays.
    type_into(&host, "cap-tier-0-apc", "five");
    tick().await;
    let field: web_sys::HtmlInputElement = el(&host, "[data-testid=\"cap-tier-0-apc\"]");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(close(number(&host, "capacity.needs.fte"), 0.43));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_projection_moves_with_a_growth_input_and_economics_need_a_cac() {
    storage().clear().unwrap();
    let (host, _app) = mount(book());
    tick().await;
    let before = number(&host, "projection.required_fte_end");
    type_into(&host, "cap-g-0-new", "2");
    type_into(&host, "cap-g-0-avg", "150000");
    tick().await;
    let after = number(&host, "projection.required_fte_end");
    // Every account started in the last 12 months, so the book's defaults grow both tiers:
    // strategic 400K + 2 logos × 200K = 800K → 1 dedicated CSM, long tail 30K + 30 × 1K → 0.03.
    // 2 new strategic logos a month × 150K: 4.0M / 2M → 2 dedicated CSMs.
    assert!(close(before, 1.03) && close(after, 2.03), "{before} → {after}");
    assert!(number(&host, "projection.hires") >= 1.0);
    // No due terms and no CAC: LTV and LTV/CAC are not computed.
    assert_eq!(value(&host, "economics.ltv"), "");
    assert_eq!(value(&host, "economics.ltv_cac"), "");
    type_into(&host, "cap-lifetime", "3");
    type_into(&host, "cap-cac", "12000");
    tick().await;
    // avg arr 430K / 32; LTV = avg × 0.8 × 3.
    let avg = 430_000.0 / 32.0;
    assert!(close(number(&host, "economics.ltv"), avg * 0.8 * 3.0));
    assert!(close(number(&host, "economics.payback_months"), 12_000.0 / (avg / 12.0 * 0.8)));
    host.remove();
}

#[wasm_bindgen_test]
async fn scenarios_are_saved_under_their_own_key_and_a_link_never_overwrites_them() {
    storage().clear().unwrap();
    let (host, app) = mount(book());
    tick().await;
    type_into(&host, "cap-scenario-name", "Plan A");
    click(&host, "cap-save");
    tick().await;
    let stored = storage().get_item(SCENARIOS_KEY).unwrap().unwrap_or_default();
    assert!(stored.contains("Plan A"), "{stored}");
    drop(app);
    host.remove();

    // A link to a scenario of the same name at $1M per CSM.
    let history = web_sys::window().unwrap().history().unwrap();
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?asof=2025-06-30&v=1&n=Plan%20A&apc=1000000&m=a")),
        )
        .unwrap();
    let (host, _app) = mount(book());
    tick().await;
    assert!(host.query_selector("[data-testid=cap-incoming]").unwrap().is_some());
    assert!(close(number(&host, "capacity.arr_rule.fte"), 0.43), "the link's parameters are shown");
    let stored_now = storage().get_item(SCENARIOS_KEY).unwrap().unwrap_or_default();
    assert_eq!(stored, stored_now, "nothing saved is touched");
    // Replacing asks first.
    click(&host, "cap-incoming-replace");
    tick().await;
    assert_eq!(storage().get_item(SCENARIOS_KEY).unwrap().unwrap_or_default(), stored);
    click(&host, "cap-incoming-replace-yes");
    tick().await;
    let replaced = storage().get_item(SCENARIOS_KEY).unwrap().unwrap_or_default();
    assert!(replaced.contains("1000000"), "{replaced}");
    assert!(host.query_selector("[data-testid=cap-incoming]").unwrap().is_none());
    // The link's parameters left the address bar; the as-of date stayed.
    assert_eq!(web_sys::window().unwrap().location().search().unwrap(), "?asof=2025-06-30");
    assert!(storage().get_item(DRAFT_KEY).unwrap().is_some());
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)).unwrap();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_seed_example_of_unit_economics_is_reproduced_from_its_inputs() {
    storage().clear().unwrap();
    // Seed 002: arr 100,000, margin 100%, a 3-year life, CAC 120,000.
    let book = Book { accounts: (0..10).map(|i| account(&format!("A{i}"), "Ann", 100_000.0)).collect() };
    let (host, _app) = mount(book);
    tick().await;
    type_into(&host, "cap-margin", "100");
    type_into(&host, "cap-lifetime", "3");
    type_into(&host, "cap-cac", "120,000");
    tick().await;
    assert!(close(number(&host, "economics.ltv"), 300_000.0));
    assert!(close(number(&host, "economics.ltv_cac"), 2.5));
    assert!(close(number(&host, "economics.payback_months"), 14.4));
    // A tier's own CAC replaces the overall one for that tier only.
    type_into(&host, "cap-tier-0-cac", "60000");
    tick().await;
    assert!(close(number(&host, "economics.tier.0.ltv_cac"), 5.0));
    assert!(close(number(&host, "economics.ltv_cac"), 2.5));
    // Emptied, it follows the overall CAC again.
    type_into(&host, "cap-tier-0-cac", "");
    tick().await;
    assert!(close(number(&host, "economics.tier.0.ltv_cac"), 2.5));
    host.remove();
}
