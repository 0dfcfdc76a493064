//! Timing of the Segments page after a tier threshold change, on demo books of 10,000 and
//! 100,000 accounts: recompute (snapshot and every figure) + render (DOM and the four charts)
//! + style and layout. Run in release, in headless Chromium:
//!
//!     cargo test --release --target wasm32-unknown-unknown --test bench_segments -- --include-ignored --nocapture
//!
//! `make bench` (scripts/bench/30-segments.mjs) measures the same on the served release build.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use chrono::NaiveDate;
use cs_planner::domain::Settings;
use cs_planner::i18n::Lang;
use cs_planner::io::demo::generate;
use cs_planner::pages::segments::SegmentsPage;
use cs_planner::route::Route;
use cs_planner::state::AppState;
use cs_planner::state::StorageStatus;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Lets every queued reactive task run (they are microtasks; a timeout comes after them all).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn time_threshold_change(n: usize) -> (f64, f64) {
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let book = generate(2025, n, as_of, Lang::En);
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let settings = Settings { as_of: Some(as_of), ..Default::default() };
    let slot = Rc::new(Cell::new(None));
    let out = slot.clone();
    let t0 = now();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let state = AppState::new(Lang::En, settings, (book, StorageStatus::Ok), "/".into(), Route::Segments);
        provide_context(state);
        out.set(Some(state));
        view! { <SegmentsPage /> }
    });
    settle().await;
    let _ = host.offset_height();
    let first = now() - t0;
    let input: web_sys::HtmlInputElement =
        host.query_selector("[data-testid=tier-1-min-arr]").unwrap().unwrap().unchecked_into();
    let figure =
        || host.query_selector("[data-metric=\"tier.1.accounts\"]").unwrap().unwrap().get_attribute("data-value");
    let mut best = f64::INFINITY;
    for (i, threshold) in ["40000", "20000", "30000", "20000", "40000", "20000"].iter().enumerate() {
        let before = figure();
        let t = now();
        input.set_value(threshold);
        input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
        settle().await;
        let _ = host.offset_height();
        let took = now() - t;
        assert_ne!(figure(), before, "run {i}: the figure changed");
        best = best.min(took);
    }
    drop(handle);
    host.remove();
    let _ = slot;
    (first, best)
}

#[wasm_bindgen_test]
#[ignore = "timing: run in release with --include-ignored --nocapture"]
async fn threshold_change_at_10_000_and_100_000_accounts() {
    for n in [10_000, 100_000] {
        let (first, change) = time_threshold_change(n).await;
        console_log!("segments {n} accounts: first render {first:.1} ms, threshold change (best of 6) {change:.1} ms");
    }
}
