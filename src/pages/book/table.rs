//! The accounts table. Only the rows in view are in the DOM (about fifty), whatever the size
//! of the book: a spacer above and below stands in for the rest.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{BookView, Column, Editing};
use crate::domain::book_query::Sort;
use crate::domain::dates::iso;
use crate::domain::health::Band;
use crate::i18n::{band_label, fmt_count, stage_label, t, tier_name, Lang, Msg, Scale, Tpl};
use crate::state::AppState;

/// Row height in px; must match `.book-table tbody tr` in style/book.css.
pub const ROW_HEIGHT: f64 = 36.0;
/// Rows rendered beyond the visible ones, above and below, so fast scrolling shows no gap.
const OVERSCAN: usize = 10;
/// Enough rows for a tall window.
const WINDOW_ROWS: usize = 40;

#[component]
pub fn AccountTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    let scroll_top = RwSignal::new(0.0_f64);
    let scroller = NodeRef::<html::Div>::new();

    // A new filter or order starts at the top.
    Effect::new(move |_| {
        view.filter.track();
        view.sort.track();
        if let Some(el) = scroller.get_untracked() {
            el.set_scroll_top(0);
        }
        scroll_top.set(0.0);
    });

    let window = Memo::new(move |_| {
        let n = view.rows.with(Vec::len);
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN).min(n);
        let last = (first + WINDOW_ROWS + 2 * OVERSCAN).min(n);
        (first, last, n)
    });

    let on_scroll = move |ev: leptos::ev::Event| {
        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            scroll_top.set(el.scroll_top() as f64);
        }
    };

    let all_shown_selected = move || {
        view.rows.with(|rows| {
            !rows.is_empty()
                && view.selected.with(|sel| {
                    state
                        .book
                        .with(|b| rows.iter().all(|&i| b.accounts.get(i as usize).is_some_and(|a| sel.contains(&a.id))))
                })
        })
    };
    let toggle_all = move |_| {
        let select = !all_shown_selected();
        view.selected.update(|sel| {
            state.book.with(|b| {
                view.rows.with(|rows| {
                    for a in rows.iter().filter_map(|&i| b.accounts.get(i as usize)) {
                        let id = &a.id;
                        if select {
                            sel.insert(id.clone());
                        } else {
                            sel.remove(id);
                        }
                    }
                })
            })
        });
    };

    let header = move || {
        view.columns.get().into_iter().map(move |col| {
            let sort_key = col.sort_key();
            let aria_sort = move || match (sort_key, view.sort.get()) {
                (Some(k), s) if s.key == k => if s.descending { "descending" } else { "ascending" },
                _ => "none",
            };
            let click = move |_| {
                if let Some(key) = sort_key {
                    view.sort.update(|s| {
                        *s = if s.key == key { Sort { key, descending: !s.descending } } else { Sort { key, descending: col.numeric() } };
                    });
                }
            };
            view! {
                <th scope="col" class:num=col.numeric() aria-sort=aria_sort>
                    {match sort_key {
                        Some(_) => view! {
                            <button type="button" class="sort-btn" on:click=click data-testid=format!("sort-{col:?}")>
                                {move || state.t(col.label())}
                                <span class="sort-mark" aria-hidden="true">{move || match aria_sort() { "ascending" => "▲", "descending" => "▼", _ => "" }}</span>
                            </button>
                        }.into_any(),
                        None => view! { <span>{move || state.t(col.label())}</span> }.into_any(),
                    }}
                </th>
            }
        }).collect_view()
    };

    // One unit for the whole ARR column, chosen from the book's typical ARR, so rows compare
    // at a glance and the unit does not change while scrolling.
    // Only the settings the cells show: another setting changing (the first edit of a demo
    // book forgets which demo it was) draws no row again.
    let currency = state.currency;
    let tiers = Memo::new(move |_| state.settings.with(|s| s.tiers.tiers.clone()));
    let arr_scale = Memo::new(move |_| {
        let lang = state.lang.get();
        state.snapshot.with(|s| Scale::for_column(lang, s.views.iter().map(|v| v.arr)))
    });
    let body = move || {
        let (first, last, _) = window.get();
        let arr_scale = arr_scale.get();
        let lang = state.lang.get();
        let columns = view.columns.get();
        let currency = currency.get();
        let as_of = state.as_of.get();
        let tiers = tiers.get();
        // The book as the rows were taken from it: a change reaches the table a task later.
        view.settled.table.track();
        view.rows.with(|rows| {
            state.book.with_untracked(|b| {
                state.snapshot.with_untracked(|snap| {
                    rows[first..last]
                        .iter()
                        .filter_map(|&i| {
                            let i = i as usize;
                            let a = b.accounts.get(i)?;
                            let v = snap.views.get(i).copied();
                            let id = a.id.clone();
                            let checked = view.selected.with(|s| s.contains(&id));
                            let cells = columns
                                .iter()
                                .map(|&col| {
                                    let text: String = match col {
                                        Column::Name => String::new(),
                                        Column::Id => a.id.clone(),
                                        Column::Owner => {
                                            if a.owner.is_empty() {
                                                t(lang, Msg::Unassigned).to_string()
                                            } else {
                                                a.owner.clone()
                                            }
                                        }
                                        Column::Industry => a.industry.clone(),
                                        Column::Region => a.region.clone(),
                                        Column::Tier => v
                                            .and_then(|v| tiers.get(v.tier))
                                            .map(|tier| tier_name(tier, lang).to_string())
                                            .unwrap_or_default(),
                                        Column::Stage => {
                                            v.map(|v| t(lang, stage_label(v.stage)).to_string()).unwrap_or_default()
                                        }
                                        Column::Arr => v.map(|v| arr_scale.money(v.arr, &currency)).unwrap_or_default(),
                                        Column::Health => String::new(),
                                        Column::End => a.current_term(as_of).map(|t| iso(t.end)).unwrap_or_default(),
                                        Column::LastTouch => a.last_touch.map(iso).unwrap_or_default(),
                                        Column::GoLive => a.go_live.map(iso).unwrap_or_default(),
                                        Column::Fit => a.fit.map(|x| format!("{x:.0}")).unwrap_or_default(),
                                        Column::Activity => a.activity.map(|x| format!("{x:.0}")).unwrap_or_default(),
                                    };
                                    match col {
                                        Column::Name => {
                                            let name = a.name.clone();
                                            view! {
                                                <td class="name">
                                                    <button type="button" class="link-btn" title=name.clone()
                                                        data-row=i>{name.clone()}</button>
                                                </td>
                                            }
                                            .into_any()
                                        }
                                        Column::Health => health_cell(
                                            lang,
                                            v.and_then(|v| v.health),
                                            v.map_or(Band::None, |v| v.band),
                                        ),
                                        _ => {
                                            let title = text.clone();
                                            view! { <td class:num=col.numeric() title=title>{text}</td> }.into_any()
                                        }
                                    }
                                })
                                .collect_view();
                            Some(view! {
                                <tr class:selected=checked data-id=id.clone()>
                                    <td class="check">
                                        <input type="checkbox" aria-label=t(lang, Msg::SelectRow) prop:checked=checked
                                            />
                                    </td>
                                    {cells}
                                </tr>
                            })
                        })
                        .collect_view()
                })
            })
        })
    };

    // One listener for every row (a row drawn again attaches none): a name opens its account,
    // a row's checkbox selects it.
    let on_body_click = move |ev: leptos::ev::MouseEvent| {
        let row = closest(ev.target(), "button[data-row]").and_then(|b| b.get_attribute("data-row"));
        if let Some(i) = row.and_then(|r| r.parse().ok()) {
            view.editing.set(Some(Editing::Existing(i)));
        }
    };
    let on_body_change = move |ev: leptos::ev::Event| {
        if closest(ev.target(), "td.check input").is_none() {
            return;
        }
        if let Some(id) = closest(ev.target(), "tr[data-id]").and_then(|tr| tr.get_attribute("data-id")) {
            view.selected.update(|s| {
                if !s.remove(&id) {
                    s.insert(id);
                }
            });
        }
    };

    let pad = move |top: bool| {
        let (first, last, n) = window.get();
        let rows = if top { first } else { n - last };
        format!("height:{}px", rows as f64 * ROW_HEIGHT)
    };

    view! {
        <div class="table-scroll" node_ref=scroller on:scroll=on_scroll tabindex="0"
            role="region" aria-label=state.text(Msg::NavBook) data-testid="book-table">
            <table class="book-table">
                <thead>
                    <tr>
                        <th scope="col" class="check">
                            <input type="checkbox" aria-label=state.text(Msg::SelectAllShown)
                                title=state.text(Msg::SelectAllShown)
                                prop:checked=all_shown_selected on:change=toggle_all data-testid="select-all" />
                        </th>
                        {header}
                    </tr>
                </thead>
                <tbody on:click=on_body_click on:change=on_body_change>
                    <tr class="spacer" aria-hidden="true" style=move || pad(true)></tr>
                    {body}
                    <tr class="spacer" aria-hidden="true" style=move || pad(false)></tr>
                </tbody>
            </table>
            <Show when=move || view.rows.with(Vec::is_empty)>
                <p class="no-match">{state.text(Msg::BookNoMatch)}</p>
            </Show>
        </div>
        <p class="table-count" data-testid="shown-count">
            {move || {
                let (_, _, n) = window.get();
                let total = state.book.with(|b| b.accounts.len());
                state.tr(Tpl::BookShowing { shown: &fmt_count(n), total: &fmt_count(total) })
            }}
        </p>
    }
}

/// The nearest element to `target` (itself included) that matches `selector`.
fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// Health as a coloured value with its band's word, so colour is never the only cue.
fn health_cell(lang: Lang, health: Option<f64>, band: Band) -> AnyView {
    let class = format!("health health-{}", band.key());
    let label = t(lang, band_label(band));
    match health {
        Some(h) => view! {
            <td class="num">
                <span class=class title=label><span class="dot" aria-hidden="true"></span>{format!("{h:.0}")}<span class="sr-only">{format!(" {label}")}</span></span>
            </td>
        }
        .into_any(),
        None => view! { <td class="num"><span class=class title=label>"—"</span></td> }.into_any(),
    }
}
