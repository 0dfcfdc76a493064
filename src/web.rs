//! Thin, panic-free wrappers over the browser APIs the app needs.

use wasm_bindgen::{JsCast, JsValue};

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// The document's base URI (set by `<base href>` from Trunk's public URL).
pub fn base_uri() -> String {
    document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_else(|| "/".to_string())
}

pub fn location_path() -> String {
    window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

pub fn location_search() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The value of `name` in the URL's query string, percent-decoded.
pub fn query_param(name: &str) -> Option<String> {
    let search = location_search();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// Replaces the URL's query string without a navigation (and without a history entry).
pub fn replace_query(search: &str) {
    if let Some(w) = window() {
        let path = location_path();
        let url = if search.is_empty() { path } else { format!("{path}?{search}") };
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

pub fn push_path(path_and_query: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(path_and_query));
    }
}

pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else { return Vec::new() };
    let mut out: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if out.is_empty() {
        out.extend(nav.language());
    }
    out
}

pub fn set_document_lang(tag: &str) {
    if let Some(el) = document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", tag);
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Saves `data` as a file named `file_name` through a temporary object URL.
pub fn download_bytes(data: &[u8], mime: &str, file_name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(data).into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    download_blob(&blob, file_name)
}

pub fn download_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), JsValue> {
    let doc = document().ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Milliseconds since the page started, for the startup mark the benchmark reads.
pub fn now_ms() -> f64 {
    window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Sets a `data-*` attribute on <body>: marks the benchmarks and end-to-end tests read.
pub fn mark(name: &str, value: &str) {
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = body.set_attribute(name, value);
    }
}

/// Runs `f` as the User Timing measure `name` (only the latest is kept), so `make bench` can
/// read how long a recompute took inside the browser.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let start_mark = format!("{name}.start");
    let perf = window().and_then(|w| w.performance()).filter(|p| p.mark(&start_mark).is_ok());
    let out = f();
    if let Some(perf) = perf {
        perf.clear_measures_with_measure_name(name);
        let _ = perf.measure_with_start_mark(name, &start_mark);
    }
    out
}
