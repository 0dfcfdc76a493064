//! Browser tests of the Lifecycle and Renewals pages (issue 6): a hand-built book mounted with
//! the app's state, its figures read from the data-metric / data-value pairs, and a period
//! change that changes them.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use chrono::NaiveDate;
use cs_planner::domain::period::PeriodChoice;
use cs_planner::domain::{Account, Book, Outcome, Settings, Term};
use cs_planner::i18n::Lang;
use cs_planner::pages;
use cs_planner::route::Route;
use cs_planner::state::storage as local;
use cs_planner::state::StorageStatus;
use cs_planner::{app::App, state::AppState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn d(s: &str) -> NaiveDate {
    cs_planner::domain::dates::parse_iso(s).unwrap()
}

fn term(start: &str, end: &str, arr: f64, outcome: Outcome) -> Term {
    Term { start: d(start), end: d(end), arr, outcome }
}

fn acct(name: &str, owner: &str, activity: f64, go_live: Option<&str>, terms: Vec<Term>) -> Account {
    Account {
        id: name.to_lowercase(),
        name: name.into(),
        owner: owner.into(),
        activity: Some(activity),
        go_live: go_live.map(d),
        terms,
        ..Default::default()
    }
}

const AS_OF: &str = "2025-06-30";

/// As of 2025-06-30, the default period is [2024-07-01, 2025-06-30]. Worked out by hand:
/// due = Alpha's and Beta's first terms (renewed), Gamma (churned), Foxtrot (lapsed):
/// 4 terms, 43,000 due; renewed 2; on time 2 (Alpha in December, Beta in January for a
/// February end); early 1 (Beta); GRR 28,000 / 43,000; NRR 30,000 / 43,000. Delta is past its
/// end within grace: pending. Echo ends in 31 days: upcoming, in the renewal stage.
fn book() -> Book {
    use Outcome::*;
    Book {
        accounts: vec![
            acct(
                "Alpha",
                "Ann",
                80.0,
                Some("2024-02-01"),
                vec![
                    term("2024-01-01", "2024-12-31", 10_000.0, Renewed(d("2024-12-15"))),
                    term("2025-01-01", "2025-12-31", 12_000.0, Open),
                ],
            ),
            acct(
                "Beta",
                "Bo",
                60.0,
                Some("2024-04-01"),
                vec![
                    term("2024-03-01", "2025-02-28", 20_000.0, Renewed(d("2025-01-10"))),
                    term("2025-03-01", "2026-02-28", 18_000.0, Open),
                ],
            ),
            acct("Gamma", "Ann", 20.0, None, vec![term("2024-05-01", "2025-04-30", 5_000.0, Churned(d("2025-04-30")))]),
            Account {
                health_override: Some(30.0),
                ..acct(
                    "<b>Delta</b>",
                    "",
                    50.0,
                    Some("2024-07-01"),
                    vec![term("2024-06-01", "2025-06-10", 7_000.0, Open)],
                )
            },
            Account {
                health_override: Some(80.0),
                ..acct("Echo", "Bo", 70.0, Some("2025-05-01"), vec![term("2024-08-01", "2025-07-31", 3_000.0, Open)])
            },
            acct("Foxtrot", "Ann", 10.0, None, vec![term("2023-10-01", "2024-09-30", 8_000.0, Open)]),
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

/// Mounts one page with the app's state over `book`, as of 2025-06-30.
fn mount_page(book: Book, route: Route, lang: Lang) -> (web_sys::HtmlElement, AppState, impl Drop) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let slot: Rc<Cell<Option<AppState>>> = Rc::new(Cell::new(None));
    let out = slot.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let settings = Settings { as_of: Some(d(AS_OF)), ..Settings::default() };
        let state = AppState::new(lang, settings, (book, StorageStatus::Ok), "/".into(), route);
        provide_context(state);
        out.set(Some(state));
        view! { <main>{pages::render(route)}</main> }
    });
    (host, slot.get().unwrap(), handle)
}

fn value(host: &web_sys::HtmlElement, key: &str) -> String {
    let el =
        host.query_selector(&format!("[data-metric=\"{key}\"]")).unwrap().unwrap_or_else(|| panic!("no figure {key}"));
    el.get_attribute("data-value").unwrap()
}

fn num(host: &web_sys::HtmlElement, key: &str) -> f64 {
    let v = value(host, key);
    v.parse().unwrap_or_else(|_| panic!("{key} = {v:?}"))
}

fn shown(host: &web_sys::HtmlElement, key: &str) -> String {
    host.query_selector(&format!("[data-metric=\"{key}\"]")).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn choose(host: &web_sys::HtmlElement, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = host.query_selector(selector).unwrap().unwrap().unchecked_into();
    select.set_value(value);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

fn type_into(host: &web_sys::HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement =
        host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into();
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn renewal_figures_of_a_hand_built_book_and_a_period_change() {
    let (host, state, _app) = mount_page(book(), Route::Renewals, Lang::En);
    tick().await;
    assert_eq!(text(&host, "h1"), "Renewals");
    assert_eq!(num(&host, "renewal.due_count"), 4.0);
    assert_eq!(num(&host, "renewal.due_arr"), 43_000.0);
    assert_eq!(num(&host, "renewal.pending_count"), 1.0);
    assert_eq!(num(&host, "renewal.logo_rate"), 0.5);
    assert_eq!(num(&host, "renewal.ontime_rate"), 0.5);
    assert_eq!(num(&host, "renewal.early_rate"), 0.25);
    assert_eq!(num(&host, "renewal.churn_rate"), 0.5);
    assert!(close(num(&host, "renewal.grr"), 28_000.0 / 43_000.0));
    assert!(close(num(&host, "renewal.nrr"), 30_000.0 / 43_000.0));
    assert_eq!(shown(&host, "renewal.logo_rate"), "50%");
    assert_eq!(shown(&host, "renewal.due_arr").trim(), "Due ARR$43K");
    assert_eq!(text(&host, "[data-testid=period-range]"), "2024-07-01 — 2025-06-30");
    // Activity: 4 due terms with activity (80, 60 renewed; 20, 10 lost), small sample.
    assert_eq!(num(&host, "correlation.n"), 4.0);
    assert!(num(&host, "correlation.r") > 0.9);
    assert!(host.query_selector("[data-testid=small-sample]").unwrap().is_some());
    assert!(text(&host, "[data-testid=not-causation]").contains("Correlation is not causation"));
    // Lists: Delta overdue (its name shown as text, not markup), Echo upcoming.
    let overdue = text(&host, "[data-testid=overdue-list] tbody");
    assert!(overdue.contains("<b>Delta</b>") && overdue.contains("-20"), "{overdue}");
    assert!(host.query_selector("[data-testid=overdue-list] tbody b").unwrap().is_none());
    assert!(text(&host, "[data-testid=upcoming-list] tbody").contains("Echo"));
    assert!(text(&host, "[data-testid=overdue-list]").contains("Unassigned"));
    // Calendar: Echo ends in July 2025 (green); Alpha, Beta's next terms end within 12 months.
    let calendar = text(&host, "[data-testid=renewal-calendar] tbody");
    assert!(calendar.contains("2025-07"), "{calendar}");

    // Last quarter = [2025-01-01, 2025-03-31]: Beta only, renewed early.
    choose(&host, "[data-testid=period-kind]", "last_quarter");
    tick().await;
    assert_eq!(state.settings.get_untracked().renewal_period, PeriodChoice::LastQuarter);
    assert_eq!(text(&host, "[data-testid=period-range]"), "2025-01-01 — 2025-03-31");
    assert_eq!(num(&host, "renewal.due_count"), 1.0);
    assert_eq!(num(&host, "renewal.due_arr"), 20_000.0);
    assert_eq!(num(&host, "renewal.logo_rate"), 1.0);
    assert_eq!(num(&host, "renewal.early_rate"), 1.0);
    assert!(close(num(&host, "renewal.grr"), 0.9));
    assert_eq!(num(&host, "renewal.pending_count"), 0.0);

    // A month: the last whole month before D, May 2025, when nothing was due.
    choose(&host, "[data-testid=period-kind]", "month");
    tick().await;
    assert_eq!(state.settings.get_untracked().renewal_period, PeriodChoice::Month { year: 2025, month: 5 });
    assert_eq!(num(&host, "renewal.due_count"), 0.0);
    for key in ["renewal.logo_rate", "renewal.grr", "renewal.nrr", "renewal.churn_rate", "correlation.r"] {
        assert_eq!(value(&host, key), "", "{key} over an empty due set");
    }
    assert_eq!(shown(&host, "renewal.logo_rate"), "—");
    assert!(host.query_selector("[data-testid=no-due]").unwrap().is_some());
    // Typing another month: April has Gamma's churn.
    type_into(&host, "[data-testid=period-month]", "2025-04");
    tick().await;
    assert_eq!((num(&host, "renewal.due_count"), num(&host, "renewal.logo_rate")), (1.0, 0.0));
    type_into(&host, "[data-testid=period-month]", "2025-13");
    tick().await;
    assert!(host.query_selector("[role=alert]").unwrap().is_some(), "a bad month is refused");

    // Custom: the whole of 2024 has Alpha and Foxtrot.
    choose(&host, "[data-testid=period-kind]", "custom");
    tick().await;
    type_into(&host, "[data-testid=period-from]", "2024-01-01");
    type_into(&host, "[data-testid=period-to]", "2024-12-31");
    tick().await;
    assert_eq!(
        state.settings.get_untracked().renewal_period,
        PeriodChoice::Custom { from: d("2024-01-01"), to: d("2024-12-31") }
    );
    assert_eq!((num(&host, "renewal.due_count"), num(&host, "renewal.due_arr")), (2.0, 18_000.0));
    host.remove();
}

#[wasm_bindgen_test]
async fn lifecycle_figures_and_a_rule_change() {
    let (host, state, _app) = mount_page(book(), Route::Lifecycle, Lang::En);
    tick().await;
    assert_eq!(text(&host, "h1"), "Lifecycle");
    // Alpha, Beta in a later term: maintenance. Gamma churned, Foxtrot lapsed. Delta overdue.
    // Echo ends in 31 days: renewal.
    for (stage, n) in [("maintenance", 2.0), ("churned", 2.0), ("overdue", 1.0), ("renewal", 1.0), ("launch", 0.0)] {
        assert_eq!(num(&host, &format!("stage.{stage}.accounts")), n, "{stage}");
    }
    assert_eq!(num(&host, "stage.churned.arr"), 13_000.0);
    assert_eq!(num(&host, "stage.maintenance.arr"), 30_000.0);
    // Default window [2023-12-31, 2024-12-30]: all but Foxtrot started; Gamma never went live;
    // Echo went live 2025-05-01, still in launch; Delta's first term is undecided.
    let funnel: Vec<f64> = ["started", "live", "past_launch", "decided", "renewed"]
        .iter()
        .map(|s| num(&host, &format!("funnel.{s}.accounts")))
        .collect();
    assert_eq!(funnel, [5.0, 4.0, 3.0, 2.0, 2.0]);
    assert_eq!(num(&host, "funnel.without_go_live"), 1.0);
    assert_eq!(num(&host, "funnel.go_live_rate"), 0.8);
    assert!(text(&host, "[data-testid=stage-tier-matrix]").contains("Strategic"));

    // A 20-day renewal window takes Echo out of the renewal stage, back to launch.
    type_into(&host, "[data-testid=renewal-window-days]", "20");
    tick().await;
    assert_eq!(state.settings.get_untracked().rules.renewal_window_days, 20);
    assert_eq!(num(&host, "stage.renewal.accounts"), 0.0);
    assert_eq!(num(&host, "stage.launch.accounts"), 1.0);
    type_into(&host, "[data-testid=launch-days]", "-5");
    tick().await;
    assert_eq!(state.settings.get_untracked().rules.launch_days, 90, "refused");

    // A cohort window covering only 2024-06: Delta alone.
    type_into(&host, "[data-testid=cohort-from]", "2024-06-01");
    type_into(&host, "[data-testid=cohort-to]", "2024-06-30");
    tick().await;
    assert_eq!(num(&host, "funnel.started.accounts"), 1.0);
    // Backwards is refused with a message, and the window stays.
    type_into(&host, "[data-testid=cohort-from]", "2024-07-01");
    tick().await;
    assert_eq!(num(&host, "funnel.started.accounts"), 1.0);
    assert!(text(&host, "[role=alert]").contains("start date cannot be after"));
    host.remove();
}

#[wasm_bindgen_test]
async fn both_pages_speak_chinese() {
    let (host, _state, _app) = mount_page(book(), Route::Renewals, Lang::Zh);
    tick().await;
    assert_eq!(text(&host, "h1"), "续约");
    assert!(text(&host, "[data-testid=not-causation]").contains("相关不等于因果"));
    assert!(text(&host, "[data-testid=activity-today]").contains("活跃率是客户当前的数值"));
    assert_eq!(num(&host, "renewal.due_arr"), 43_000.0);
    assert_eq!(shown(&host, "renewal.due_arr"), "到期金额$4.3万");
    host.remove();
    let (host, _state, _app) = mount_page(book(), Route::Lifecycle, Lang::Zh);
    tick().await;
    assert_eq!(text(&host, "h1"), "生命周期");
    assert!(text(&host, "[data-testid=stage-table]").contains("维护期"));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_empty_book_shows_dashes_and_the_period_is_saved() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    local::save_lang(Lang::En);
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let _app = leptos::mount::mount_to(host.clone(), App);
    tick().await;
    host.query_selector("[data-testid=nav-renewals]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(text(&host, "h1"), "Renewals");
    assert!(host.query_selector("[data-testid=renewals-empty]").unwrap().is_some());
    assert_eq!(value(&host, "renewal.due_count"), "0");
    assert_eq!(value(&host, "renewal.logo_rate"), "");
    assert_eq!(shown(&host, "renewal.nrr"), "—");
    choose(&host, "[data-testid=period-kind]", "this_quarter");
    tick().await;
    assert_eq!(local::load_settings().renewal_period, PeriodChoice::ThisQuarter, "saved");
    host.query_selector("[data-testid=nav-lifecycle]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(text(&host, "h1"), "Lifecycle");
    assert_eq!(value(&host, "funnel.started.accounts"), "0");
    assert_eq!(value(&host, "funnel.go_live_rate"), "");
    host.remove();
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}
