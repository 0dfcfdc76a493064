//! Browser tests of the Segments page: mounted with a hand-built book, edited like a user
//! would, and read through the `data-metric` / `data-value` figures.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use chrono::NaiveDate;
use cs_planner::domain::{Account, Book, Outcome, Settings, Term};
use cs_planner::i18n::Lang;
use cs_planner::pages::segments::SegmentsPage;
use cs_planner::route::Route;
use cs_planner::state::AppState;
use cs_planner::state::StorageStatus;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn year(arr: f64, outcome: Outcome) -> Vec<Term> {
    vec![Term { start: d("2025-01-01"), end: d("2025-12-31"), arr, outcome }]
}

/// As of 2025-06-30, default tiers: Strategic a, Key b, Growth c, Long tail d; e has churned.
/// Median arr of the active accounts = (8,000 + 30,000) / 2 = 19,000.
fn book() -> Book {
    let acc = |name: &str, owner: &str, industry: &str, arr: f64| Account {
        id: name.into(),
        name: name.into(),
        owner: owner.into(),
        industry: industry.into(),
        terms: year(arr, Outcome::Open),
        ..Default::default()
    };
    Book {
        accounts: vec![
            // Panda, green.
            Account { fit: Some(80.0), health_override: Some(80.0), ..acc("<b>Alpha</b>", "Ann", "SaaS", 150_000.0) },
            // Oasis, red.
            Account { fit: Some(20.0), activity: Some(30.0), ..acc("Beta", "", "Retail", 30_000.0) },
            // Potential, no health.
            Account { fit: Some(60.0), ..acc("Gamma", "Bo", "saas", 8_000.0) },
            // Unscored, yellow.
            Account { health_override: Some(50.0), ..acc("Delta", "Bo", "", 1_000.0) },
            Account {
                fit: Some(90.0),
                terms: vec![Term {
                    start: d("2024-01-01"),
                    end: d("2024-12-31"),
                    arr: 500_000.0,
                    outcome: Outcome::Churned(d("2024-12-01")),
                }],
                ..acc("Churned", "Ann", "SaaS", 0.0)
            },
        ],
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn mount(book: Book) -> (web_sys::HtmlElement, impl Drop, AppState) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let settings = Settings { as_of: Some(d("2025-06-30")), ..Default::default() };
    let slot = Rc::new(Cell::new(None));
    let out = slot.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let state = AppState::new(Lang::En, settings, (book, StorageStatus::Ok), "/".into(), Route::Segments);
        provide_context(state);
        out.set(Some(state));
        view! { <SegmentsPage /> }
    });
    let state = slot.get().expect("mounted");
    (host, handle, state)
}

fn value(host: &web_sys::HtmlElement, key: &str) -> String {
    host.query_selector(&format!("[data-metric=\"{key}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no figure {key}"))
        .get_attribute("data-value")
        .unwrap_or_default()
}

/// How many elements under `root` match (querySelectorAll without web-sys' NodeList feature).
fn count(root: &web_sys::Element, selector: &str) -> u32 {
    let f: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into()).unwrap().unchecked_into();
    let list = f.call1(root, &selector.into()).unwrap();
    js_sys::Reflect::get(&list, &"length".into()).unwrap().as_f64().unwrap() as u32
}

fn input(host: &web_sys::HtmlElement, testid: &str) -> web_sys::HtmlInputElement {
    host.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no input {testid}"))
        .unchecked_into()
}

fn type_into(host: &web_sys::HtmlElement, testid: &str, text: &str) {
    let el = input(host, testid);
    el.set_value(text);
    el.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

fn click(host: &web_sys::HtmlElement, testid: &str) {
    let el: web_sys::HtmlElement = host
        .query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element {testid}"))
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn figures_of_a_hand_built_book() {
    let (host, _app, _state) = mount(book());
    tick().await;
    let tiers: Vec<(String, String)> =
        (0..4).map(|i| (value(&host, &format!("tier.{i}.accounts")), value(&host, &format!("tier.{i}.arr")))).collect();
    assert_eq!(
        tiers,
        [("1", "150000"), ("1", "30000"), ("1", "8000"), ("1", "1000")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let quadrants: Vec<String> =
        ["q1", "q2", "q3", "q4"].iter().map(|q| value(&host, &format!("quadrant.{q}.accounts"))).collect();
    assert_eq!(quadrants, ["1", "1", "0", "1"]);
    assert_eq!(value(&host, "quadrant.unscored"), "1");
    let health: Vec<String> =
        ["red", "yellow", "green", "none"].iter().map(|b| value(&host, &format!("health.{b}"))).collect();
    assert_eq!(health, ["1", "1", "1", "1"]);
    // Four charts, each drawn.
    assert_eq!(count(&host, ".chart-svg svg"), 4);
    // Industries are grouped case-insensitively: SaaS (2 active), Retail, unspecified.
    let industry_rows = count(&host, "[data-testid=industry-table] tbody tr");
    assert_eq!(industry_rows, 3);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_threshold_edit_moves_accounts_and_an_invalid_one_is_held_back() {
    let (host, _app, state) = mount(book());
    tick().await;
    // Key from 20,000 up to 40,000 (typed the Chinese way): Beta (30,000) drops to Growth.
    type_into(&host, "tier-1-min-arr", "4万");
    tick().await;
    assert_eq!(value(&host, "tier.1.accounts"), "0");
    assert_eq!(value(&host, "tier.2.accounts"), "2");
    assert_eq!(value(&host, "tier.2.arr"), "38000");
    assert_eq!(state.settings.with_untracked(|s| s.tiers.tiers[1].min_arr), 40_000.0);
    assert_eq!(input(&host, "tier-1-min-arr").value(), "40000");

    // Not below Strategic: shown, marked, not applied.
    type_into(&host, "tier-1-min-arr", "200000");
    tick().await;
    assert_eq!(input(&host, "tier-1-min-arr").value(), "200000", "what was typed stays");
    assert_eq!(input(&host, "tier-1-min-arr").get_attribute("aria-invalid").as_deref(), Some("true"));
    let errors = host.query_selector("[data-testid=tier-errors]").unwrap().expect("the problems are listed");
    assert!(errors.text_content().unwrap_or_default().contains("below the threshold of the tier above"));
    assert_eq!(value(&host, "tier.2.accounts"), "2", "figures keep the last valid tiers");
    assert_eq!(state.settings.with_untracked(|s| s.tiers.tiers[1].min_arr), 40_000.0);

    click(&host, "tier-discard");
    tick().await;
    assert_eq!(input(&host, "tier-1-min-arr").value(), "40000");
    assert!(host.query_selector("[data-testid=tier-errors]").unwrap().is_none());

    // Removing the last tier makes Growth the catch-all: Delta joins it.
    click(&host, "tier-3-remove");
    tick().await;
    assert_eq!(value(&host, "tier.2.accounts"), "3");
    assert!(host.query_selector("[data-metric=\"tier.3.accounts\"]").unwrap().is_none());
    host.remove();
}

/// A tier threshold change only puts the accounts in their tiers again: the snapshot before
/// the tiers (what the industries, the quadrant and its scatter read) is not recomputed, and a
/// change that moves no account leaves the snapshot as it was.
#[wasm_bindgen_test]
async fn a_threshold_change_recomputes_only_the_tiers() {
    let (host, _app, state) = mount(book());
    tick().await;
    let untiered_runs = Rc::new(Cell::new(0));
    let snapshot_runs = Rc::new(Cell::new(0));
    let owner = Owner::new();
    let (u, s) = (untiered_runs.clone(), snapshot_runs.clone());
    owner.with(|| {
        Effect::new(move |_| {
            state.untiered.track();
            u.set(u.get() + 1);
        });
        Effect::new(move |_| {
            state.snapshot.track();
            s.set(s.get() + 1);
        });
    });
    tick().await;
    assert_eq!((untiered_runs.get(), snapshot_runs.get()), (1, 1));
    // Key from 40,000: Beta (30,000) drops to Growth.
    type_into(&host, "tier-1-min-arr", "40000");
    tick().await;
    assert_eq!(value(&host, "tier.2.accounts"), "2");
    assert_eq!((untiered_runs.get(), snapshot_runs.get()), (1, 2), "only the tiers");
    assert_eq!(state.snapshot.with_untracked(|s| s.views.iter().map(|v| v.tier).collect::<Vec<_>>()), [0, 2, 2, 3, 0]);
    assert_eq!(state.untiered.with_untracked(|s| s.views[1].arr), 30_000.0);
    // Key from 35,000: no account lies between 35,000 and 40,000; nothing that reads the
    // snapshot runs again.
    type_into(&host, "tier-1-min-arr", "35000");
    tick().await;
    assert_eq!(state.settings.with_untracked(|s| s.tiers.tiers[1].min_arr), 35_000.0);
    assert_eq!((untiered_runs.get(), snapshot_runs.get()), (1, 2), "no account moved");
    owner.cleanup();
    host.remove();
}

#[wasm_bindgen_test]
async fn quadrant_thresholds_and_the_account_list() {
    let (host, _app, _state) = mount(book());
    tick().await;
    // A fixed value line at 5,000: Gamma (8,000, fit 60) becomes a Panda.
    click(&host, "value-fixed");
    tick().await;
    type_into(&host, "value-amount", "5000");
    tick().await;
    assert_eq!(value(&host, "quadrant.q1.accounts"), "2");
    assert_eq!(value(&host, "quadrant.q2.accounts"), "0");
    // Fit threshold above every score: no one has high fit.
    type_into(&host, "fit-threshold", "95");
    tick().await;
    assert_eq!(value(&host, "quadrant.q4.accounts"), "3");
    type_into(&host, "fit-threshold", "150");
    tick().await;
    assert_eq!(value(&host, "quadrant.q4.accounts"), "3", "an out-of-range fit is not applied");
    type_into(&host, "fit-threshold", "50");
    tick().await;

    click(&host, "quadrant-q1");
    tick().await;
    let list = host.query_selector("[data-testid=quadrant-list]").unwrap().expect("a list opens");
    assert_eq!(count(&list, "tbody tr"), 2);
    // User text is text: the name's markup is shown, not interpreted.
    let first = list.query_selector("tbody tr th").unwrap().unwrap();
    assert_eq!(first.text_content().as_deref(), Some("<b>Alpha</b>"));
    assert!(list.query_selector("b").unwrap().is_none());
    click(&host, "quadrant-q1");
    tick().await;
    assert!(host.query_selector("[data-testid=quadrant-list]").unwrap().is_none());
    host.remove();
}

#[wasm_bindgen_test]
async fn health_limits_move_accounts_between_bands() {
    let (host, _app, _state) = mount(book());
    tick().await;
    // Green from 85: Alpha (80) turns yellow.
    type_into(&host, "health-green-from", "85");
    tick().await;
    assert_eq!(value(&host, "health.green"), "0");
    assert_eq!(value(&host, "health.yellow"), "2");
    // Yellow above green is refused.
    type_into(&host, "health-yellow-from", "90");
    tick().await;
    assert_eq!(value(&host, "health.yellow"), "2");
    assert_eq!(input(&host, "health-yellow-from").get_attribute("aria-invalid").as_deref(), Some("true"));
    host.remove();
}

#[wasm_bindgen_test]
async fn an_empty_book_says_so_and_shows_zeros() {
    let (host, _app, _state) = mount(Book::default());
    tick().await;
    assert!(host.query_selector("[data-testid=segments-empty]").unwrap().is_some());
    assert_eq!(value(&host, "tier.0.accounts"), "0");
    assert_eq!(value(&host, "quadrant.unscored"), "0");
    assert_eq!(value(&host, "health.none"), "0");
    host.remove();
}
