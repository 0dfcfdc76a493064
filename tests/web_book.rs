//! Browser tests of the Book page: add through the form, messages per field, delete and undo.
#![cfg(target_arch = "wasm32")]

use cs_planner::app::App;
use cs_planner::i18n::Lang;
use cs_planner::state::storage as local;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn el<T: JsCast>(host: &web_sys::HtmlElement, selector: &str) -> T {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element {selector}")).unchecked_into()
}

fn find(host: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::Element> {
    host.query_selector(selector).unwrap()
}

fn type_into(host: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = el(host, selector);
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

/// The table's rows once it shows `want` of them, or what it shows after about a second: an
/// edit reaches the table a task or two after the click (`pages/book/settle.rs`).
async fn rows_once(host: &web_sys::HtmlElement, want: u32) -> u32 {
    let count = || host.query_selector_all(".book-table tbody tr[data-id]").map_or(0, |l| l.length());
    for _ in 0..100 {
        if count() == want {
            break;
        }
        tick().await;
    }
    count()
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    el::<web_sys::HtmlElement>(host, selector).click();
}

fn metric(host: &web_sys::HtmlElement, key: &str) -> String {
    el::<web_sys::Element>(host, &format!("[data-metric='{key}']")).get_attribute("data-value").unwrap_or_default()
}

async fn mount_book() -> web_sys::HtmlElement {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    local::save_lang(Lang::En);
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    std::mem::forget(handle);
    tick().await;
    click(&host, "[data-testid=nav-book]");
    tick().await;
    host
}

async fn add(host: &web_sys::HtmlElement, name: &str, arr: &str) {
    click(host, "[data-testid=add-account]");
    tick().await;
    type_into(host, "[data-testid=field-ColName]", name);
    type_into(host, "[data-testid=term-0-arr]", arr);
    click(host, "[data-testid=save-account]");
    tick().await;
}

#[wasm_bindgen_test]
async fn an_empty_book_says_how_to_start_and_the_form_adds_accounts() {
    let host = mount_book().await;
    assert!(find(&host, "[data-testid=empty-book]").is_some());
    assert_eq!(metric(&host, "book.accounts"), "0");
    add(&host, "Acme", "$12,000").await;
    add(&host, "北京云帆", "8000").await;
    assert!(find(&host, "[data-testid=empty-book]").is_none());
    assert_eq!(metric(&host, "book.accounts"), "2");
    assert_eq!(metric(&host, "book.arr"), "20000");
    assert_eq!(rows_once(&host, 2).await, 2);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_bad_field_gets_its_own_message_and_nothing_is_saved() {
    let host = mount_book().await;
    click(&host, "[data-testid=add-account]");
    tick().await;
    type_into(&host, "[data-testid=field-ColFit]", "very");
    click(&host, "[data-testid=save-account]");
    tick().await;
    let errors: Vec<String> = {
        let list = host.query_selector_all(".field-error").unwrap();
        (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
    };
    assert!(errors.contains(&"Not a number.".to_string()), "{errors:?}");
    assert!(errors.contains(&"Required.".to_string()), "{errors:?}");
    assert!(find(&host, "[data-testid=account-form]").is_some(), "the form stays open");
    assert_eq!(metric(&host, "book.accounts"), "0");
    host.remove();
}

#[wasm_bindgen_test]
async fn search_filters_rows_and_delete_can_be_undone() {
    let host = mount_book().await;
    for (name, arr) in [("Acme Robotics", "150000"), ("Beta Foods", "9000"), ("Acme Labs", "3000")] {
        add(&host, name, arr).await;
    }
    type_into(&host, "[data-testid=book-search]", "acme");
    tick().await;
    assert_eq!(rows_once(&host, 2).await, 2);

    click(&host, "[data-testid=select-all]");
    tick().await;
    click(&host, "[data-testid=delete-selected]");
    tick().await;
    assert_eq!(metric(&host, "book.accounts"), "1");
    click(&host, "[data-testid=undo]");
    tick().await;
    assert_eq!(metric(&host, "book.accounts"), "3");
    assert_eq!(metric(&host, "book.arr"), "162000");
    host.remove();
}
