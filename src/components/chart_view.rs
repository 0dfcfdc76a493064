//! A chart on a page: the SVG from `charts`, drawn at the width of its box, with buttons to
//! save it as SVG or PNG.
//!
//! The box's width is measured when it is mounted and again whenever it changes (a
//! `ResizeObserver`: a window resize, a panel opening, the scrollbar coming and going), and the
//! chart is drawn for that width; the SVG is shown at its own size, so its text reads at the
//! size it was drawn at. A chart that needs more room than the box draws itself wider, and the
//! box scrolls sideways with a fade on the side that has more.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::DOWNLOAD_WIDTH;
use crate::i18n::Msg;
use crate::state::AppState;
use crate::web;

/// The observer of a chart's box, kept (with its callback) until the chart goes.
struct Observer {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

/// The usable width of `el` in whole pixels (rounded down, so the SVG never overflows it by a
/// fraction); `None` when it is not laid out (hidden).
fn measure(el: &web_sys::Element) -> Option<u32> {
    let w = el.get_bounding_client_rect().width();
    (w >= 1.0).then(|| w.floor() as u32)
}

/// Shows the chart `svg` draws for a width in CSS pixels (a document made by `crate::charts`,
/// whose texts are escaped there), and offers it for download as `file_stem.svg` /
/// `file_stem.png`, drawn at `DOWNLOAD_WIDTH`.
#[component]
pub fn ChartView<F>(
    /// Draws the chart `width` pixels wide; reads the signals the chart follows.
    svg: F,
    /// File name without extension, e.g. "tier-share".
    file_stem: &'static str,
) -> impl IntoView
where
    F: Fn(u32) -> String + Send + Sync + 'static,
{
    let state = expect_context::<AppState>();
    let draw = Callback::new(svg);
    let holder = NodeRef::<html::Div>::new();
    let width = RwSignal::new(None::<u32>);
    let shown = Memo::new(move |_| width.get().map(|w| draw.run(w)).unwrap_or_default());
    let more_left = RwSignal::new(false);
    let more_right = RwSignal::new(false);
    let observer = StoredValue::new_local(None::<Observer>);

    // Which sides have more to scroll to (none when the chart fits).
    let update_cue = move |el: &web_sys::Element| {
        let max = el.scroll_width() - el.client_width();
        let at = el.scroll_left();
        let (left, right) = (max > 1 && at > 1, max > 1 && at < max - 1);
        if more_left.try_get_untracked() != Some(left) {
            more_left.try_set(left);
        }
        if more_right.try_get_untracked() != Some(right) {
            more_right.try_set(right);
        }
    };

    // Measure on mount, then follow the box.
    Effect::new(move |_| {
        let Some(el) = holder.get() else { return };
        let el: web_sys::Element = el.into();
        width.set(Some(measure(&el).unwrap_or(DOWNLOAD_WIDTH)));
        if observer.with_value(Option::is_some) {
            return;
        }
        let target = el.clone();
        // Redrawn on the next frame, not in the observer's callback: a redrawing changes the
        // box's height, which the browser would report as a resize loop.
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let target = target.clone();
            request_animation_frame(move || {
                if let Some(w) = measure(&target) {
                    if width.try_get_untracked().is_some_and(|old| old != Some(w)) {
                        width.try_set(Some(w));
                    }
                }
                update_cue(&target);
            });
        });
        match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            Ok(o) => {
                o.observe(&el);
                observer.set_value(Some(Observer { observer: o, _on_resize: on_resize }));
            }
            Err(e) => web_sys::console::warn_1(&e),
        }
    });
    on_cleanup(move || {
        observer.try_update_value(|o| {
            if let Some(o) = o.take() {
                o.observer.disconnect();
            }
        });
    });
    // After each drawing, whether it scrolls.
    Effect::new(move |_| {
        shown.track();
        if let Some(el) = holder.get() {
            update_cue(&el.into());
        }
    });

    let download = move || untrack(|| draw.run(DOWNLOAD_WIDTH));
    let save_svg = move |_| {
        if let Err(e) = web::download_bytes(download().as_bytes(), "image/svg+xml", &format!("{file_stem}.svg")) {
            web_sys::console::warn_1(&e);
        }
    };
    let save_png = move |_| {
        if let Err(e) = download_png(&download(), &format!("{file_stem}.png")) {
            web_sys::console::warn_1(&e);
        }
    };
    let scrolls = move || more_left.get() || more_right.get();
    view! {
        <figure class="chart" class:more-left=move || more_left.get() class:more-right=move || more_right.get()
            data-chart-pending=move || width.with(Option::is_none).then_some("")>
            <div class="chart-frame">
                // The SVG comes from plotters, which escapes every text it draws.
                <div class="chart-svg" node_ref=holder inner_html=move || shown.get()
                    tabindex=move || scrolls().then_some("0")
                    on:scroll=move |ev| {
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            update_cue(&el);
                        }
                    }></div>
            </div>
            <figcaption class="chart-actions">
                <button type="button" class="btn small" on:click=save_svg data-testid=format!("{file_stem}-svg")>
                    {state.text(Msg::DownloadSvg)}
                </button>
                <button type="button" class="btn small" on:click=save_png data-testid=format!("{file_stem}-png")>
                    {state.text(Msg::DownloadPng)}
                </button>
            </figcaption>
        </figure>
    }
}

/// The `viewBox` size of a chart SVG, for rasterising it.
fn view_box_size(svg: &str) -> (f64, f64) {
    let parsed = svg.split("viewBox=\"").nth(1).and_then(|rest| {
        let mut it = rest.split('"').next()?.split_whitespace().skip(2).map(|n| n.parse::<f64>().ok());
        Some((it.next()??, it.next()??))
    });
    parsed.unwrap_or((720.0, 400.0))
}

/// Rasterises the SVG at twice its size on a white background and saves it as PNG.
fn download_png(svg: &str, file_name: &str) -> Result<(), JsValue> {
    const SCALE: f64 = 2.0;
    let (w, h) = view_box_size(svg);
    // Charts carry their size; an image needs one to be drawn at.
    let sized = if svg.starts_with("<svg width=") {
        svg.to_string()
    } else {
        svg.replacen("<svg ", &format!("<svg width=\"{w}\" height=\"{h}\" "), 1)
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&sized));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web::document().ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    canvas.set_width((w * SCALE) as u32);
    canvas.set_height((h * SCALE) as u32);
    let img = web_sys::HtmlImageElement::new()?;
    let name = file_name.to_string();
    let (img2, url2) = (img.clone(), url.clone());
    let onload = Closure::once_into_js(move || {
        let result = (|| -> Result<(), JsValue> {
            let ctx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2d context"))?.dyn_into()?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, w * SCALE, h * SCALE);
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w * SCALE, h * SCALE)?;
            let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
                if let Some(blob) = blob {
                    let _ = web::download_blob(&blob, &name);
                }
            });
            canvas.to_blob(on_blob.unchecked_ref())?;
            Ok(())
        })();
        let _ = web_sys::Url::revoke_object_url(&url2);
        if let Err(e) = result {
            web_sys::console::warn_1(&e);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}
