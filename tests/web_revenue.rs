//! Browser tests of the Revenue page (issue 16): on the demo book at three as-of dates, the ARR
//! bridge shown on the page closes (end = start + new + expansion − contraction − churn, to
//! the cent) and its end equals the book's ARR less the accounts whose first term has not
//! started; the forecast's figures are there and consistent.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use chrono::NaiveDate;
use cs_planner::domain::{AsOfRules, Book, Settings};
use cs_planner::i18n::Lang;
use cs_planner::io::demo;
use cs_planner::pages;
use cs_planner::route::Route;
use cs_planner::state::{AppState, StorageStatus};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn d(s: &str) -> NaiveDate {
    cs_planner::domain::dates::parse_iso(s).unwrap()
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

fn mount(book: Book, as_of: NaiveDate, lang: Lang) -> (web_sys::HtmlElement, impl Drop) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let slot: Rc<Cell<Option<AppState>>> = Rc::new(Cell::new(None));
    let out = slot.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let settings = Settings { as_of: Some(as_of), ..Settings::default() };
        let state = AppState::new(lang, settings, (book, StorageStatus::Ok), "/".into(), Route::Revenue);
        provide_context(state);
        out.set(Some(state));
        view! { <main>{pages::render(Route::Revenue)}</main> }
    });
    (host, handle)
}

fn num(host: &web_sys::HtmlElement, key: &str) -> f64 {
    let el = host.query_selector(&format!("[data-metric=\"{key}\"]")).unwrap().unwrap_or_else(|| panic!("no {key}"));
    let v = el.get_attribute("data-value").unwrap();
    v.parse().unwrap_or_else(|_| panic!("{key} = {v:?}"))
}

#[wasm_bindgen_test]
async fn the_bridge_closes_and_ends_at_the_books_arr_at_three_dates() {
    let rules = AsOfRules::default();
    let generated_on = d("2026-06-30");
    let book = demo::generate(7, 1_000, generated_on, Lang::En);
    for as_of in ["2025-12-31", "2026-03-15", "2026-06-30"].map(d) {
        let (host, _app) = mount(book.clone(), as_of, Lang::En);
        tick().await;
        let start = num(&host, "bridge.start_arr");
        let end = num(&host, "bridge.end_arr");
        let moved = num(&host, "bridge.new") + num(&host, "bridge.expansion")
            - num(&host, "bridge.contraction")
            - num(&host, "bridge.churn");
        assert!((start + moved - end).abs() < 0.005, "{as_of}: {start} + {moved} ≠ {end}");
        // book.arr counts active accounts; the bridge only those whose first term has started.
        let not_started: f64 = book
            .accounts
            .iter()
            .filter(|a| a.first_term().is_some_and(|t| t.start > as_of) && a.is_active(as_of, &rules))
            .map(|a| a.arr(as_of))
            .sum();
        let book_arr = book.totals(as_of, &rules).arr;
        assert!(end > 0.0, "{as_of}: the demo book has ARR");
        assert!(
            (end - (book_arr - not_started)).abs() < 0.005,
            "{as_of}: end {end}, book.arr {book_arr} less {not_started}"
        );
        // The forecast: expected within the 10–90% range, within the due ARR.
        let (due, expected) = (num(&host, "forecast.due_arr"), num(&host, "forecast.expected_arr"));
        let (p10, p90) = (num(&host, "forecast.p10"), num(&host, "forecast.p90"));
        assert!(due > 0.0 && expected > 0.0 && expected <= due, "{as_of}: {expected} of {due}");
        assert!(p10 <= expected && expected <= p90 && p90 <= due + 0.005, "{as_of}: {p10} {expected} {p90}");
        assert!((num(&host, "forecast.grr") - expected / due).abs() < 1e-9);
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn an_empty_book_shows_zeros_and_no_forecast_rate() {
    let (host, _app) = mount(Book::default(), d("2026-06-30"), Lang::Zh);
    tick().await;
    assert_eq!(num(&host, "bridge.end_arr"), 0.0);
    assert_eq!(num(&host, "forecast.due_count"), 0.0);
    let grr = host.query_selector("[data-metric=\"forecast.grr\"]").unwrap().unwrap();
    assert_eq!(grr.get_attribute("data-value").as_deref(), Some(""), "no rate without a due ARR");
    assert!(host.query_selector("[data-testid=revenue-empty]").unwrap().is_some());
    host.remove();
}
