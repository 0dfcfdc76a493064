//! Each owner's book (accounts, ARR, health mix, renewals due in 90 days, load with its band)
//! and the unassigned accounts by tier, with a way to give them to someone.

use leptos::prelude::*;

use super::TeamData;
use crate::components::{Cell, Col, DataTable, Money, Row};
use crate::domain::book_edit::assign_unassigned;
use crate::domain::health::Band;
use crate::domain::team::{LoadBand, Role};
use crate::i18n::{band_label, fmt_count, load_band_label, t, tier_name, Msg, Tpl};
use crate::state::AppState;

/// The dot class (table.css) of a health band's column.
fn band_class(b: Band) -> &'static str {
    match b {
        Band::Red => "band-red",
        Band::Yellow => "band-yellow",
        Band::Green => "band-green",
        Band::None => "band-none",
    }
}

/// How a load band reads in the table: overloaded stands out, light is quieter; the band is
/// always said in words too.
fn load_class(band: LoadBand) -> &'static str {
    match band {
        LoadBand::Overloaded => "load bad",
        LoadBand::Balanced => "load",
        LoadBand::Light => "load muted",
    }
}

fn owner_columns() -> Vec<Col> {
    let mut cols = vec![Col::name(Msg::ColOwner), Col::num(Msg::ColAccounts), Col::num(Msg::ColArr)];
    // The health mix: one column per band, its head naming the band beside its colour.
    cols.extend(Band::ALL.map(|b| Col::num(band_label(b)).class(band_class(b)).note(Msg::OwnerHealthMix)));
    cols.push(Col::num(Msg::OwnerDueSoon));
    cols.push(Col::num(Msg::OwnerLoad));
    cols
}

#[component]
pub fn OwnerBooks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let money = Money::new(state);
    let help = move || {
        state.settings.with(|s| {
            state.tr(Tpl::LoadHelp {
                over: &s.load_bands.overloaded_above.to_string(),
                light: &s.load_bands.light_below.to_string(),
            })
        })
    };
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        data.books.with(|books| {
            let arr = money.column(books.owners.iter().map(|o| o.arr));
            let due = money.column(books.owners.iter().map(|o| o.due_soon_arr));
            books
                .owners
                .iter()
                .map(|o| {
                    let key = |k: &str| format!("owner.{}.{k}", o.owner);
                    let mut cells = vec![
                        Cell::text(o.owner.clone()),
                        Cell::count(o.accounts).metric(key("accounts"), Some(o.accounts as f64)),
                        Cell::figure(arr.fmt(o.arr), o.arr).metric(key("arr"), Some(o.arr)),
                    ];
                    cells.extend(Band::ALL.map(|b| Cell::count(o.health.get(b))));
                    cells.push(Cell::count(o.due_soon_count).sub(due.fmt(o.due_soon_arr)));
                    cells.push(
                        Cell::text(format!("{:.2} · {}", o.load, t(lang, load_band_label(o.band))))
                            .metric(key("load"), Some(o.load))
                            .class(load_class(o.band)),
                    );
                    Row::new(o.owner.clone(), cells).testid("owner-row")
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card" data-testid="owner-books">
            <h2>{state.text(Msg::OwnersTitle)}</h2>
            <p class="help">{help}</p>
            <DataTable cols=owner_columns() rows=rows export="owner-books" testid="owner-table" empty=Msg::OwnersEmpty />
        </section>
    }
}

#[component]
pub fn UnassignedAccounts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let money = Money::new(state);
    // Who can take accounts: the roster's CSMs and the owners already in the book.
    let names = Memo::new(move |_| {
        let mut names: Vec<String> =
            state.settings.with(|s| s.roster.iter().filter(|p| p.role == Role::Csm).map(|p| p.name.clone()).collect());
        data.books.with(|t| names.extend(t.owners.iter().map(|o| o.owner.clone())));
        crate::domain::sort::sort_by(&mut names, |a, b| a.cmp(b));
        names.dedup();
        // Natural order, and pinyin order for Chinese names (the browser's collator).
        crate::web::collated(state.lang.get().tag(), names)
    });
    let assign = move |tier: usize, owner: String| {
        if owner.trim().is_empty() {
            return;
        }
        let moves =
            state.book.with_untracked(|b| state.snapshot.with_untracked(|s| assign_unassigned(b, s, tier, &owner)));
        let changes = state.move_accounts(&moves);
        let text = state.tr(Tpl::AssignedToast { n: &fmt_count(changes.len()) });
        data.toaster.show_undo(text, move || state.undo_move_accounts(&changes));
    };
    let rows = move || {
        let lang = state.lang.get();
        let tiers = state.settings.with(|s| s.tiers.tiers.clone());
        let unassigned = data.books.with(|t| t.unassigned.clone());
        let arr = money.column(unassigned.iter().map(|u| u.arr));
        unassigned.into_iter().enumerate().filter(|(_, u)| u.accounts > 0).map(|(i, u)| {
            let name = tiers.get(i).map(|t| tier_name(t, lang).to_string()).unwrap_or_default();
            let owner = RwSignal::new(String::new());
            view! {
                <tr data-testid=format!("unassigned-{i}")>
                    <th scope="row">{name}</th>
                    <td class="num" data-metric=format!("unassigned.{i}.accounts") data-value=u.accounts.to_string()>{fmt_count(u.accounts)}</td>
                    <td class="num">{arr.fmt(u.arr)}</td>
                    <td class="assign"><div class="assign-row">
                        <input type="text" list="team-owner-names" data-testid=format!("assign-tier-{i}")
                            aria-label=state.text(Msg::AssignTo) placeholder=state.text(Msg::AssignTo)
                            prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev)) />
                        <button type="button" class="btn small" data-testid=format!("assign-tier-{i}-go")
                            disabled=move || owner.with(|o| o.trim().is_empty())
                            on:click=move |_| assign(i, owner.get_untracked())>{state.text(Msg::Assign)}</button>
                    </div></td>
                </tr>
            }
        }).collect_view()
    };
    let none = move || data.books.with(|t| t.unassigned_total() == 0);
    view! {
        <section class="card" data-testid="unassigned">
            <h2>{state.text(Msg::UnassignedTitle)}</h2>
            <Show when=move || !none() fallback=move || view! { <p class="muted">{state.text(Msg::UnassignedNone)}</p> }>
                <p class="help">{state.text(Msg::UnassignedHelp)}</p>
                <datalist id="team-owner-names">
                    {move || names.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                </datalist>
                <div class="table-wrap">
                    <table class="dt-table">
                        <thead><tr>
                            <th>{state.text(Msg::ColTier)}</th>
                            <th class="num">{state.text(Msg::ColAccounts)}</th>
                            <th class="num">{state.text(Msg::ColArr)}</th>
                            <th>{state.text(Msg::AssignTo)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
