//! Browser tests of the Team and Board pages: per-owner figures from a hand-built book, a
//! rebalance applied and undone, "contact done" and its undo, and the time both pages take to
//! recompute and render a 10,000-account book.
#![cfg(target_arch = "wasm32")]

use cs_planner::domain::book::{Account, Book, Outcome, Term};
use cs_planner::domain::dates::parse_iso;
use cs_planner::domain::Settings;
use cs_planner::i18n::Lang;
use cs_planner::pages;
use cs_planner::route::Route;
use cs_planner::state::AppState;
use cs_planner::state::StorageStatus;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const AS_OF: &str = "2025-06-30";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn tick() {
    sleep(10).await;
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn find(host: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::Element> {
    host.query_selector(selector).unwrap()
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement =
        find(host, selector).unwrap_or_else(|| panic!("no element {selector}")).unchecked_into();
    el.click();
}

fn metric(host: &web_sys::HtmlElement, key: &str) -> String {
    find(host, &format!("[data-metric='{key}']"))
        .unwrap_or_else(|| panic!("no metric {key}"))
        .get_attribute("data-value")
        .unwrap_or_default()
}

fn metric_f64(host: &web_sys::HtmlElement, key: &str) -> f64 {
    metric(host, key).parse().unwrap_or_else(|_| panic!("{key} is not a number"))
}

fn count(host: &web_sys::HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

/// Mounts one page over `book` as of 2025-06-30, in English; returns the host and the state.
fn mount(book: Book, route: Route) -> (web_sys::HtmlElement, AppState) {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let settings = Settings { as_of: parse_iso(AS_OF), ..Settings::default() };
    let state = AppState::new(Lang::En, settings, (book, StorageStatus::Ok), "/".into(), route);
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <main>{move || pages::render(state.route.get())}</main> }
    });
    std::mem::forget(handle);
    (host, state)
}

fn d(s: &str) -> chrono::NaiveDate {
    parse_iso(s).unwrap()
}

fn account(id: &str, owner: &str, terms: Vec<Term>) -> Account {
    Account { id: id.into(), name: format!("Acct {id}"), owner: owner.into(), terms, ..Default::default() }
}

fn open(arr: f64) -> Term {
    Term { start: d("2025-01-01"), end: d("2025-12-31"), arr, outcome: Outcome::Open }
}

/// Ann: 12 strategic accounts (load 1.2, overloaded). Bob: 2 strategic (0.2, light), one
/// renewed in the last 12 months 100,000 → 120,000. One key account unassigned.
fn book() -> Book {
    let mut accounts: Vec<Account> =
        (0..12).map(|i| account(&format!("a{i}"), "Ann", vec![open(100_000.0 + 1_000.0 * i as f64)])).collect();
    accounts.push(account("b0", "Bob", vec![open(150_000.0)]));
    accounts.push(account(
        "b1",
        "Bob",
        vec![
            Term {
                start: d("2024-01-01"),
                end: d("2024-12-31"),
                arr: 100_000.0,
                outcome: Outcome::Renewed(d("2024-12-01")),
            },
            open(120_000.0),
        ],
    ));
    accounts.push(account("u0", "", vec![open(30_000.0)]));
    Book { accounts }
}

#[wasm_bindgen_test]
async fn owner_figures_and_a_rebalance_applied_then_undone() {
    let (host, state) = mount(book(), Route::Team);
    tick().await;
    assert_eq!(metric(&host, "owner.Ann.accounts"), "12");
    assert_eq!(metric_f64(&host, "owner.Ann.arr"), 1_266_000.0);
    assert!((metric_f64(&host, "owner.Ann.load") - 1.2).abs() < 1e-9);
    assert!((metric_f64(&host, "owner.Bob.load") - 0.2).abs() < 1e-9);
    assert_eq!(metric(&host, "owner.Bob.arr"), "270000");
    // Bob renewed 1 of 1 due: 8% of 120,000. Ann had nothing due.
    assert!((metric_f64(&host, "owner.Bob.commission") - 9_600.0).abs() < 1e-6);
    assert_eq!(metric(&host, "owner.Ann.commission"), "");
    assert_eq!(metric(&host, "unassigned.1.accounts"), "1");
    let ann_row = find(&host, "[data-metric='owner.Ann.load']").unwrap().text_content().unwrap_or_default();
    assert!(ann_row.contains("Overloaded"), "the band is said in words: {ann_row}");

    // One move: Ann's lowest-ARR account to Bob, then Ann is at 1.1, no longer over.
    assert_eq!(count(&host, "[data-testid=move-row]"), 1);
    let row = find(&host, "[data-testid=move-row]").unwrap().text_content().unwrap_or_default();
    assert!(row.contains("Acct a0") && row.contains("Ann → Bob"), "{row}");
    click(&host, "[data-testid=rebalance-apply]");
    tick().await;
    assert_eq!(state.book.with_untracked(|b| b.accounts[0].owner.clone()), "Bob");
    assert_eq!(metric(&host, "owner.Ann.accounts"), "11");
    assert_eq!(metric(&host, "owner.Bob.accounts"), "3");
    assert!(find(&host, "[data-testid=rebalance-none]").is_some(), "nothing left to propose");
    click(&host, "[data-testid=undo]");
    tick().await;
    assert_eq!(state.book.with_untracked(|b| b.clone()), book(), "undo restores the book");
    assert_eq!(metric(&host, "owner.Ann.accounts"), "12");
    assert_eq!(count(&host, "[data-testid=move-row]"), 1);
    host.remove();
}

#[wasm_bindgen_test]
async fn weights_that_do_not_add_up_say_so_and_a_roster_entry_is_checked() {
    let (host, state) = mount(book(), Route::Team);
    tick().await;
    let weight: web_sys::HtmlInputElement = find(&host, "[data-testid=kpi-weight-0]").unwrap().unchecked_into();
    weight.set_value("45");
    weight.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    let status = find(&host, "[data-testid=weights-status]").unwrap().text_content().unwrap_or_default();
    assert!(status.contains("Weights add up to 95, not 100"), "{status}");
    assert!(find(&host, "[data-testid=score-table]").is_none(), "no score while the weights are off");
    click(&host, "[data-testid=preset-Method]");
    tick().await;
    assert!(find(&host, "[data-testid=score-table]").is_some());
    assert_eq!(state.settings.with_untracked(|s| s.scorecard.lines.len()), 4);

    click(&host, "[data-testid=roster-add]");
    tick().await;
    let fte: web_sys::HtmlInputElement = find(&host, "[data-testid=person-Fte]").unwrap().unchecked_into();
    fte.set_value("2");
    fte.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    click(&host, "[data-testid=person-save]");
    tick().await;
    let errors = host.query_selector_all("[data-testid=person-form] .field-error").unwrap().length();
    assert_eq!(errors, 2, "name required, FTE out of range");
    let name: web_sys::HtmlInputElement = find(&host, "[data-testid=person-Name]").unwrap().unchecked_into();
    name.set_value("Cy");
    name.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    fte.set_value("0.5");
    fte.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    click(&host, "[data-testid=person-save]");
    tick().await;
    assert_eq!(state.settings.with_untracked(|s| s.roster.len()), 1);
    assert_eq!(metric(&host, "team.csm_headcount"), "0.5");

    // The unassigned key account goes to Cy, and comes back.
    let owner: web_sys::HtmlInputElement = find(&host, "[data-testid=assign-tier-1]").unwrap().unchecked_into();
    owner.set_value("Cy");
    owner.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    click(&host, "[data-testid=assign-tier-1-go]");
    tick().await;
    assert_eq!(metric(&host, "owner.Cy.accounts"), "1");
    assert!(find(&host, "[data-testid=unassigned-1]").is_none());
    click(&host, "[data-testid=undo]");
    tick().await;
    assert_eq!(metric(&host, "unassigned.1.accounts"), "1");
    assert!(find(&host, "[data-metric='owner.Cy.accounts']").is_none());
    host.remove();
}

#[wasm_bindgen_test]
async fn board_matrix_cell_opens_and_contact_done_is_undone() {
    let mut b = book();
    b.accounts[14].last_touch = None; // the unassigned key account: never contacted
    let (host, state) = mount(b, Route::Board);
    tick().await;
    // b1 is in its second term (maintenance); the other strategic accounts are kickoffs.
    assert_eq!(metric(&host, "board.0.kickoff.accounts"), "13");
    assert_eq!(metric(&host, "board.0.maintenance.accounts"), "1");
    assert_eq!(metric(&host, "tier.1.accounts"), "1");
    click(&host, "[data-testid=cell-0-kickoff]");
    tick().await;
    assert_eq!(count(&host, "[data-testid=cell-list] tbody tr"), 13);
    let total = find(&host, "[data-testid=cell-accounts]").unwrap().get_attribute("data-total");
    assert_eq!(total.as_deref(), Some("13"), "the list says its total");
    // 14 kickoffs 180 days after their start (stalled), and b1 never contacted.
    // 15 on the list: 14 stalled (a page of 10 shows) and one contact due.
    assert_eq!(metric(&host, "board.priority.count"), "15");
    let rows = count(&host, "[data-testid=priority-row]");
    assert_eq!(rows, 11);
    let first = find(&host, "[data-testid=priority-row]").unwrap();
    assert!(first.text_content().unwrap_or_default().contains("Still in kickoff 180 days after the start"));
    let id = first.get_attribute("data-key").unwrap();
    click(&host, "[data-testid=contact-done]");
    tick().await;
    let touched = state.book.with_untracked(|b| b.accounts.iter().find(|a| a.id == id).and_then(|a| a.last_touch));
    assert_eq!(touched, Some(d(AS_OF)));
    click(&host, "[data-testid=undo]");
    tick().await;
    let touched = state.book.with_untracked(|b| b.accounts.iter().find(|a| a.id == id).and_then(|a| a.last_touch));
    assert_eq!(touched, None);

    // Ann's board: her matrix, her list, her figures.
    let select: web_sys::HtmlSelectElement = find(&host, "[data-testid=board-owner]").unwrap().unchecked_into();
    select.set_value("Ann");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
    assert_eq!(metric(&host, "board.0.kickoff.accounts"), "12");
    assert_eq!(metric(&host, "owner.Ann.accounts"), "12");
    assert!((metric_f64(&host, "owner.Ann.load") - 1.2).abs() < 1e-9);
    assert_eq!(metric(&host, "board.priority.count"), "12");
    assert_eq!(count(&host, "[data-testid=priority-row]"), 10);
    host.remove();
}

/// The milliseconds from `t0` until the reactive system has run (its effects are microtasks,
/// so they are done when the next task starts), checking that `selector` then matches.
async fn settled(host: &web_sys::HtmlElement, selector: &str, t0: f64) -> f64 {
    sleep(0).await;
    let ms = now() - t0;
    assert!(find(host, selector).is_some(), "{selector} is not shown");
    ms
}

/// Recompute + render of each page when a 10,000-account book arrives, and after one owner
/// change: the time from setting the book to the page showing its figures, median of 5.
/// Prints `BENCH name=ms` lines for scripts/bench/60-team.mjs.
#[wasm_bindgen_test]
async fn both_pages_at_ten_thousand_accounts() {
    let big = cs_planner::io::demo::generate(7, 10_000, d(AS_OF), Lang::En);
    let median = |mut xs: Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    };
    for (route, ready_selector, name) in
        [(Route::Team, "[data-testid=owner-row]", "team"), (Route::Board, "[data-testid=priority-row]", "board")]
    {
        let (host, state) = mount(Book::default(), route);
        tick().await;
        let (mut first, mut edit) = (Vec::new(), Vec::new());
        for run in 0..5 {
            state.replace_book(Book::default());
            tick().await;
            let t0 = now();
            state.replace_book(big.clone());
            first.push(settled(&host, ready_selector, t0).await);
            // A change a user makes: one account's owner, as a rebalance or an assignment would.
            let t0 = now();
            state.move_accounts(&[(run, "Zed Zhang".into())]);
            edit.push(settled(&host, ready_selector, t0).await);
        }
        web_sys::console::log_1(&format!("BENCH {name}_10k_first_render_ms={:.1}", median(first)).into());
        web_sys::console::log_1(&format!("BENCH {name}_10k_one_edit_ms={:.1}", median(edit)).into());
        host.remove();
    }
}
