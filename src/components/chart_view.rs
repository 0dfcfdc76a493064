//! A chart on a page: the SVG from `charts`, with buttons to save it as SVG or PNG.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Msg;
use crate::state::AppState;
use crate::web;

/// Shows `svg` (a document made by `crate::charts`, whose texts are escaped there) and offers
/// it for download as `file_stem.svg` / `file_stem.png`.
#[component]
pub fn ChartView(
    #[prop(into)] svg: Signal<String>,
    /// File name without extension, e.g. "tier-share".
    file_stem: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let save_svg = move |_| {
        let text = svg.get_untracked();
        if let Err(e) = web::download_bytes(text.as_bytes(), "image/svg+xml", &format!("{file_stem}.svg")) {
            web_sys::console::warn_1(&e);
        }
    };
    let save_png = move |_| {
        if let Err(e) = download_png(&svg.get_untracked(), &format!("{file_stem}.png")) {
            web_sys::console::warn_1(&e);
        }
    };
    view! {
        <figure class="chart">
            // The SVG comes from plotters, which escapes every text it draws.
            <div class="chart-svg" inner_html=move || svg.get()></div>
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
    let sized = svg.replacen("<svg ", &format!("<svg width=\"{w}\" height=\"{h}\" "), 1);
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
