//! The one data table: a head made from column specs, numbers right-aligned in tabular
//! figures, a sticky head, sideways scrolling inside its card with a visible cue, keyed rows,
//! paging or "show all", and a CSV export of every row it holds. Styles beside it (table.css).

mod model;

pub use model::{to_csv, Cell, CellButton, Col, Head, Kind, Paging, Row, Sorted};

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_value;
use crate::i18n::{fmt_count, t, Lang, Msg};
use crate::state::AppState;
use crate::web;

/// Rows made on demand: how many there are, and row `i`. A long list (thousands of renewals,
/// a quadrant of 100,000 accounts) builds only the page in view, and every row only when it is
/// exported. `row` reads the page's memos, so the rows in view follow them.
#[derive(Clone)]
pub struct LazyRows {
    pub len: Signal<usize>,
    pub row: Arc<dyn Fn(usize) -> Option<Row> + Send + Sync>,
}

impl LazyRows {
    pub fn new(len: impl Into<Signal<usize>>, row: impl Fn(usize) -> Option<Row> + Send + Sync + 'static) -> Self {
        LazyRows { len: len.into(), row: Arc::new(row) }
    }

    fn of(rows: Signal<Vec<Row>>) -> Self {
        LazyRows::new(Signal::derive(move || rows.with(Vec::len)), move |i| rows.with(|r| r.get(i).cloned()))
    }
}

#[component]
pub fn DataTable(
    #[prop(into)] cols: Signal<Vec<Col>>,
    /// Every row, made up front: for short tables.
    #[prop(optional, into)]
    rows: Option<Signal<Vec<Row>>>,
    /// Rows made on demand, for long lists (instead of `rows`).
    #[prop(optional)]
    lazy: Option<LazyRows>,
    /// Rows per page; without it every row shows.
    #[prop(optional)]
    page_size: Option<usize>,
    /// The CSV file's name without extension; without it there is no export button.
    #[prop(optional)]
    export: Option<&'static str>,
    /// Names the table for tests (`data-testid`) and its controls (`<testid>-next`, …).
    #[prop(optional)]
    testid: &'static str,
    /// Extra classes on the `<table>`.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] caption: Option<Msg>,
    /// A totals row.
    #[prop(optional, into)]
    foot: Option<Signal<Vec<Cell>>>,
    /// Shown instead of the table when there are no rows.
    #[prop(optional)]
    empty: Option<Msg>,
    /// The order the rows are in, for a sortable table (with `on_sort`).
    #[prop(optional, into)]
    sort: Option<Signal<Sorted>>,
    /// Makes every head a button: called with the column clicked; the page re-sorts its rows.
    #[prop(optional, into)]
    on_sort: Option<Callback<usize>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let paging = RwSignal::new(Paging::new(page_size.unwrap_or(usize::MAX)));
    let source = lazy.or_else(|| rows.map(LazyRows::of)).unwrap_or_else(|| LazyRows::new(0, |_| None));
    let total = Memo::new({
        let len = source.len;
        move |_| len.get()
    });
    let range = Memo::new(move |_| paging.get().range(total.get()));
    let make = StoredValue::new(source.row);
    let shown = move || {
        let r = range.get();
        make.with_value(|f| r.filter_map(|i| f(i)).collect::<Vec<_>>())
    };

    let head_row = move || {
        let lang = state.lang.get();
        let order = sort.map(|s| s.get());
        cols.get().into_iter().enumerate().map(|(i, c)| head_cell(lang, c, i, order, on_sort)).collect_view()
    };
    let body = move || {
        view! {
            <For each=shown key=Row::fingerprint let:row>
                {row_view(state, cols, row)}
            </For>
        }
    };
    let foot_row = move || {
        foot.map(|f| {
            let cells = f.get();
            let cols = cols.get();
            view! { <tfoot><tr>{cells.into_iter().zip(cols).map(|(cell, col)| cell_view(state, &col, cell)).collect_view()}</tr></tfoot> }
        })
    };
    let download = move |_| {
        let lang = state.lang.get_untracked();
        let cols = cols.get_untracked();
        let heads: Vec<String> = cols.iter().map(|c| head_text(lang, &c.head)).collect();
        let n = total.get_untracked();
        let all: Vec<Row> = untrack(|| make.with_value(|f| (0..n).filter_map(|i| f(i)).collect()));
        let bytes = to_csv(&heads, &cols, &all);
        let name = format!("{}.csv", export.unwrap_or("table"));
        if let Err(e) = web::download_bytes(&bytes, "text/csv;charset=utf-8", &name) {
            web_sys::console::warn_1(&e);
        }
    };
    let tid = move |suffix: &str| format!("{testid}-{suffix}");
    let pager = move || {
        let p = paging.get();
        let n = total.get();
        let needed = page_size.is_some_and(|size| n > size);
        let r = range.get();
        let range_text =
            if r.is_empty() { "0".to_string() } else { format!("{}–{}", fmt_count(r.start + 1), fmt_count(r.end)) };
        view! {
            <div class="dt-bar">
                <span class="dt-range" data-testid=tid("range")>
                    {range_text} " / " {fmt_count(n)}
                </span>
                {needed.then(|| {
                    let last = p.pages(n) - 1;
                    let cur = p.current(n);
                    view! {
                        <span class="dt-pager" role="group" aria-label=state.text(Msg::TablePages)>
                            <button type="button" class="btn small" data-testid=tid("prev") disabled={p.all || cur == 0}
                                on:click=move |_| paging.update(|p| p.page = p.current(n).saturating_sub(1))>
                                {state.text(Msg::TablePrev)}
                            </button>
                            <button type="button" class="btn small" data-testid=tid("next") disabled={p.all || cur >= last}
                                on:click=move |_| paging.update(|p| p.page = (p.current(n) + 1).min(last))>
                                {state.text(Msg::TableNext)}
                            </button>
                            <button type="button" class="btn small" data-testid=tid("all") aria-pressed=p.all.to_string()
                                on:click=move |_| paging.update(|p| p.all = !p.all)>
                                {state.text(if p.all { Msg::TableShowPages } else { Msg::TableShowAll })}
                            </button>
                        </span>
                    }
                })}
                {export.map(|_| view! {
                    <button type="button" class="btn small dt-csv" data-testid=tid("csv") on:click=download>
                        {state.text(Msg::ExportCsv)}
                    </button>
                })}
            </div>
        }
    };
    let has_bar = page_size.is_some() || export.is_some();
    let has_rows = move || total.get() > 0 || empty.is_none();
    view! {
        <div class="dt" data-testid=testid data-total=move || total.get()>
            <Show when=has_rows
                fallback=move || view! { <p class="dt-empty">{move || empty.map(|m| state.t(m))}</p> }>
                <div class="table-wrap" role="region" tabindex="0"
                    aria-label=move || caption.map(|m| state.t(m)).unwrap_or_else(|| state.t(Msg::TableRegion))>
                    <table class=format!("dt-table {class}")>
                        {caption.map(|m| view! { <caption>{state.text(m)}</caption> })}
                        <thead><tr>{head_row}</tr></thead>
                        <tbody>{body}</tbody>
                        {foot_row}
                    </table>
                </div>
                {has_bar.then(pager)}
            </Show>
        </div>
    }
}

fn head_text(lang: Lang, head: &Head) -> String {
    match head {
        Head::Msg(m) => t(lang, *m).to_string(),
        Head::Text(s) => s.clone(),
        Head::None => String::new(),
    }
}

fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Num => "num",
        Kind::Name => "name",
        Kind::Text => "",
    }
}

fn head_cell(lang: Lang, col: Col, index: usize, order: Option<Sorted>, on_sort: Option<Callback<usize>>) -> AnyView {
    let class = format!("{} {}", kind_class(col.kind), col.class);
    let note = col.note.map(|m| t(lang, m));
    let text = head_text(lang, &col.head);
    match on_sort.filter(|_| col.head != Head::None) {
        Some(on_sort) => {
            let (aria, arrow) = match order {
                Some(o) if o.col == index && o.descending => ("descending", "▼"),
                Some(o) if o.col == index => ("ascending", "▲"),
                _ => ("none", ""),
            };
            view! {
                <th scope="col" class=class title=note aria-sort=aria>
                    <button type="button" class="sort-btn" on:click=move |_| on_sort.run(index)>
                        {text} <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
            .into_any()
        }
        None => view! { <th scope="col" class=class title=note>{text}</th> }.into_any(),
    }
}

fn row_view(state: AppState, cols: Signal<Vec<Col>>, row: Row) -> impl IntoView {
    let cols = cols.get_untracked();
    let class = row.class.clone();
    let (key, testid) = (row.key.clone(), (!row.testid.is_empty()).then_some(row.testid));
    let cells = row.cells.into_iter().zip(cols.iter()).map(|(cell, col)| cell_view(state, col, cell)).collect_view();
    view! { <tr class=class data-key=key data-testid=testid>{cells}</tr> }
}

fn cell_view(state: AppState, col: &Col, cell: Cell) -> AnyView {
    let class = format!("{} {} {}", kind_class(col.kind), col.class, cell.class);
    let metric = cell.metric.clone();
    // Figures carry their plain value; a §8 figure that is not computed carries "".
    let value = (metric.is_some() || cell.value.is_some()).then(|| data_value(cell.value));
    let (title, testid) = (cell.title, (!cell.testid.is_empty()).then_some(cell.testid));
    let sub = cell.sub.map(|s| view! { <span class="sub">{s}</span> });
    let button = cell.button.map(|b| {
        let on = b.on_click.clone();
        view! {
            <button type="button" class="btn small" data-testid=b.testid on:click=move |_| on()>
                {state.text(b.label)}
            </button>
        }
    });
    let text = (!cell.text.is_empty()).then(|| view! { <span class="main">{cell.text}</span> });
    if col.kind == Kind::Name {
        view! { <th scope="row" class=class title=title data-testid=testid data-metric=metric data-value=value>{text}{sub}{button}</th> }
            .into_any()
    } else {
        view! { <td class=class title=title data-testid=testid data-metric=metric data-value=value>{text}{sub}{button}</td> }
            .into_any()
    }
}
