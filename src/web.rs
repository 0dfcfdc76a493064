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

/// Runs `f` in a task of its own, soon: `scheduler.postTask` where there is one (no 4 ms
/// clamp, as nested `setTimeout`s have), else `setTimeout(0)`.
pub fn next_task(f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let global = js_sys::global();
    let post_task =
        js_sys::Reflect::get(&global, &"scheduler".into()).ok().filter(|s| s.is_object()).and_then(|scheduler| {
            let post = js_sys::Reflect::get(&scheduler, &"postTask".into()).ok()?;
            Some((scheduler, post.dyn_into::<js_sys::Function>().ok()?))
        });
    if let Some((scheduler, post)) = post_task {
        if post.call1(&scheduler, &callback).is_ok() {
            return;
        }
    }
    if let Some(window) = window() {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Runs `f` when the browser is idle (`requestIdleCallback`), at the latest after `timeout_ms`;
/// where there is no such call, after `timeout_ms`.
pub fn when_idle(f: impl FnOnce() + 'static, timeout_ms: u32) {
    let Some(window) = window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(timeout_ms);
    if window.request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            i32::try_from(timeout_ms).unwrap_or(i32::MAX),
        );
    }
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

// `Intl.Collator` and `Array.prototype.sort` with a JavaScript comparator, declared here with
// `catch` so a browser without them (or a failure) is an error to fall back from, not a throw.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = Collator)]
    type Collator;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Collator", catch)]
    fn new_collator(locale: &str, options: &JsValue) -> Result<Collator, JsValue>;

    /// The collator's comparison, bound to it (usable as a sort comparator).
    #[wasm_bindgen(method, getter, catch)]
    fn compare(this: &Collator) -> Result<js_sys::Function, JsValue>;

    /// An array of strings, to sort with a JavaScript comparator.
    #[wasm_bindgen(extends = js_sys::Array)]
    type Strings;

    #[wasm_bindgen(method, js_name = sort, catch)]
    fn sort_with(this: &Strings, compare: &js_sys::Function) -> Result<js_sys::Array, JsValue>;
}

/// Joins the strings `collate` sends into JavaScript and reads back.
const SEPARATOR: &str = "\u{1f}";

/// The longest run of digits `collate` pads numbers to.
const MAX_PAD: usize = 24;

/// The order of `values` by the browser's `Intl.Collator` for `tag`, as indices into `values`:
/// numbers by value ("Company 2" before "Company 10") and, for zh-CN, Chinese in pinyin order —
/// the order of `Intl.Collator(tag, { numeric: true })`. The whole list is sorted in one call
/// into JavaScript, by the collator's own comparison (never a call per comparison). Numbers
/// (ASCII and full-width digits) are padded with zeros first and compared as text: the same
/// order as the `numeric` option, which costs two to three times more. Values equal but for
/// leading zeros ("a01", "a1") follow their raw text. `None` when the browser cannot (the
/// caller then sorts natively).
pub fn collate(tag: &str, values: &[&str]) -> Option<Vec<u32>> {
    if values.len() < 2 {
        return Some((0..values.len() as u32).collect());
    }
    measure("collate", || collate_js(tag, values)).ok()
}

/// A short list of distinct texts (owners, industries) in the order of `collate`, natural
/// order (`natural_cmp`) where the browser cannot.
pub fn collated(tag: &str, mut values: Vec<String>) -> Vec<String> {
    use crate::domain::natural::{is_permutation, natural_permutation};
    let refs: Vec<&str> = values.iter().map(String::as_str).collect();
    let order =
        collate(tag, &refs).filter(|o| is_permutation(o, refs.len())).unwrap_or_else(|| natural_permutation(&refs));
    let mut slots: Vec<Option<String>> = values.drain(..).map(Some).collect();
    order.into_iter().filter_map(|i| slots.get_mut(i as usize).and_then(Option::take)).collect()
}

fn collate_js(tag: &str, values: &[&str]) -> Result<Vec<u32>, JsValue> {
    use crate::domain::natural::{longest_digit_run, pad_numbers, TextMap};
    const NONE: u32 = u32::MAX;
    // Numbers padded to the longest run; a run too long to pad every number to (an id of 40
    // digits) leaves the numbers to the collator's slower `numeric` option.
    let width = values.iter().map(|v| longest_digit_run(v)).max().unwrap_or(0);
    let padded = width <= MAX_PAD;
    let keys: Vec<std::borrow::Cow<str>> =
        values.iter().map(|v| if padded { pad_numbers(v, width) } else { std::borrow::Cow::Borrowed(*v) }).collect();
    // Each distinct key once; values with the same key are chained from its first one.
    let mut first: TextMap<&str, u32> = TextMap::default();
    first.reserve(keys.len());
    let mut next = vec![NONE; keys.len()];
    let mut last = vec![NONE; keys.len()];
    let mut distinct: Vec<&str> = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let i = i as u32;
        match first.get(key.as_ref()) {
            Some(&head) => {
                let tail = last[head as usize];
                next[tail as usize] = i;
                last[head as usize] = i;
            }
            None => {
                first.insert(key.as_ref(), i);
                last[i as usize] = i;
                distinct.push(key.as_ref());
            }
        }
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &JsValue::from_str("numeric"), &JsValue::from_bool(!padded))?;
    let collator = Collator::new_collator(tag, &options)?;
    // Joined into one string and split in JavaScript: one crossing each way, not one per value.
    // (A value holding the separator, a control character no name has, is sorted natively.)
    if distinct.iter().any(|v| v.contains(SEPARATOR)) {
        return Err(JsValue::NULL);
    }
    let array = js_sys::JsString::from(distinct.join(SEPARATOR)).split(SEPARATOR);
    // The sort itself, measured apart for the benchmark.
    let sorted = measure("collate.sort", || array.unchecked_into::<Strings>().sort_with(&collator.compare()?))?;
    let mut out: Vec<u32> = Vec::with_capacity(values.len());
    let mut place = |key: &str| -> Result<(), JsValue> {
        let head = first.get(key).copied().ok_or(JsValue::NULL)?;
        let start = out.len();
        let mut i = head;
        while i != NONE {
            out.push(i);
            i = next[i as usize];
        }
        crate::domain::sort::sort_by_key(&mut out[start..], |&i| values[i as usize]);
        Ok(())
    };
    for key in String::from(sorted.join(SEPARATOR)).split(SEPARATOR) {
        place(key)?;
    }
    Ok(out)
}
