//! The roster: people with role, FTE, start date and loaded cost, kept in the settings.

use leptos::prelude::*;

use super::TeamData;
use crate::components::Metric;
use crate::domain::dates::iso;
use crate::forms::team_form::{PersonDraft, PersonField, PersonProblem, MAX_NAME_CHARS};
use crate::i18n::{fmt_money, role_from_key, role_key, role_label, t, tr, Lang, Msg, Tpl, ROLES};
use crate::state::AppState;

fn problem_text(lang: Lang, p: PersonProblem) -> String {
    let msg = match p {
        PersonProblem::Required => Msg::ErrRequired,
        PersonProblem::TooLong => return tr(lang, Tpl::ErrTooLong { max: &MAX_NAME_CHARS.to_string() }),
        PersonProblem::DuplicateName => Msg::ErrDuplicatePerson,
        PersonProblem::NotANumber => Msg::ErrNotANumber,
        PersonProblem::FteRange => Msg::ErrFteRange,
        PersonProblem::NotADate => Msg::ErrNotADate,
        PersonProblem::Negative => Msg::ErrNegative,
    };
    t(lang, msg).to_string()
}

/// Which person the form is open for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Editing {
    New,
    Existing(usize),
}

#[component]
pub fn Roster() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let editing = RwSignal::new(None::<Editing>);
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    let remove = move |i: usize| {
        let mut removed = None;
        state.edit_roster(|roster| {
            if i < roster.len() {
                removed = Some(roster.remove(i));
            }
        });
        if let Some(person) = removed {
            let text = state.tr(Tpl::RosterRemovedToast { name: &person.name });
            data.toaster.show_undo(text, move || {
                let p = person.clone();
                state.edit_roster(|roster| {
                    let at = i.min(roster.len());
                    roster.insert(at, p);
                });
            });
        }
        editing.set(None);
    };
    let rows = move || {
        state.settings.with(|s| s.roster.clone()).into_iter().enumerate().map(|(i, p)| {
            let cost = p.loaded_cost.map(money).unwrap_or_else(|| "—".into());
            view! {
                <tr data-testid="roster-row">
                    <td>{p.name.clone()}</td>
                    <td>{state.text(role_label(p.role))}</td>
                    <td class="num">{format!("{}", p.fte)}</td>
                    <td>{p.start.map(iso).unwrap_or_else(|| "—".into())}</td>
                    <td class="num">{cost}</td>
                    <td class="actions">
                        <button type="button" class="btn small" on:click=move |_| editing.set(Some(Editing::Existing(i)))>{state.text(Msg::Edit)}</button>
                        <button type="button" class="btn small" on:click=move |_| remove(i)>{state.text(Msg::Remove)}</button>
                    </td>
                </tr>
            }
        }).collect_view()
    };
    let has_people = move || state.settings.with(|s| !s.roster.is_empty());
    view! {
        <section class="card" data-testid="roster">
            <h2>{state.text(Msg::RosterTitle)}</h2>
            <div class="metrics">
                <Metric key="team.csm_headcount" label=Signal::derive(state.text(Msg::RosterHeadcount))
                    value=Signal::derive(move || Some(data.headcount.get()))
                    display=Signal::derive(move || format!("{}", (data.headcount.get() * 100.0).round() / 100.0)) />
            </div>
            <Show when=has_people fallback=move || view! { <p class="muted">{state.text(Msg::RosterEmpty)}</p> }>
                <div class="table-wrap">
                    <table class="dt-table">
                        <thead><tr>
                            <th>{state.text(Msg::RosterName)}</th>
                            <th>{state.text(Msg::RosterRole)}</th>
                            <th class="num">{state.text(Msg::RosterFte)}</th>
                            <th>{state.text(Msg::RosterStart)}</th>
                            <th class="num">{state.text(Msg::RosterCost)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || editing.get().is_none()>
                <button type="button" class="btn" data-testid="roster-add" on:click=move |_| editing.set(Some(Editing::New))>
                    {state.text(Msg::RosterAdd)}
                </button>
            </Show>
            {move || editing.get().map(|e| view! { <PersonForm editing=e close=Callback::new(move |_| editing.set(None)) /> })}
        </section>
    }
}

#[component]
fn PersonForm(editing: Editing, close: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let index = match editing {
        Editing::Existing(i) => Some(i),
        Editing::New => None,
    };
    let start = index
        .and_then(|i| state.settings.with_untracked(|s| s.roster.get(i).map(PersonDraft::from_person)))
        .unwrap_or_else(PersonDraft::new);
    let draft = RwSignal::new(start);
    let errors = RwSignal::new(Vec::<(PersonField, PersonProblem)>::new());
    let error_of = move |f: PersonField| {
        let lang = state.lang.get();
        errors.with(|es| es.iter().find(|(ef, _)| *ef == f).map(|(_, p)| problem_text(lang, *p)))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = state.settings.with_untracked(|s| draft.with_untracked(|d| d.parse(&s.roster, index)));
        match parsed {
            Ok(person) => {
                state.edit_roster(|roster| match index {
                    Some(i) if i < roster.len() => roster[i] = person,
                    _ => roster.push(person),
                });
                close.run(());
            }
            Err(es) => errors.set(es),
        }
    };
    type Get = fn(&PersonDraft) -> &String;
    type Set = fn(&mut PersonDraft) -> &mut String;
    let fields: [(Msg, PersonField, Get, Set, &str, &str); 4] = [
        (Msg::RosterName, PersonField::Name, |d| &d.name, |d| &mut d.name, "text", ""),
        (Msg::RosterFte, PersonField::Fte, |d| &d.fte, |d| &mut d.fte, "decimal", "1"),
        (Msg::RosterStart, PersonField::Start, |d| &d.start, |d| &mut d.start, "numeric", "YYYY-MM-DD"),
        (Msg::RosterCost, PersonField::LoadedCost, |d| &d.loaded_cost, |d| &mut d.loaded_cost, "decimal", ""),
    ];
    let role = view! {
            <div class="form-field">
                <label for="person-role">{state.text(Msg::RosterRole)}</label>
                <select id="person-role" data-testid="person-role" data-field="person.Role" on:change=move |ev| {
                    if let Some(r) = role_from_key(&event_target_value(&ev)) { draft.update(|d| d.role = r) }
                }>
                    {ROLES.into_iter().map(|r| view! {
                        <option value=role_key(r) selected=move || draft.with(|d| d.role == r)>{state.text(role_label(r))}</option>
                    }).collect_view()}
                </select>
            </div>
    };
    let mut inputs: Vec<AnyView> = fields.into_iter().map(|(label, field, get, set, mode, placeholder)| {
        let id = format!("person-{field:?}");
        let err = move || error_of(field);
        view! {
            <div class="form-field" class:invalid=move || err().is_some()>
                <label for=id.clone()>{state.text(label)}</label>
                <input id=id.clone() type="text" inputmode=mode placeholder=placeholder
                    data-testid=format!("person-{field:?}") data-field=format!("person.{field:?}")
                    aria-invalid=move || err().is_some().to_string()
                    prop:value=move || draft.with(|d| get(d).clone())
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| *set(d) = v) } />
                {move || err().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                {(field == PersonField::LoadedCost).then(|| view! { <p class="help">{state.text(Msg::RosterCostHelp)}</p> })}
            </div>
        }.into_any()
    }).collect();
    // Name, then role, then the figures.
    inputs.insert(1, role.into_any());
    view! {
        <form class="person-form" data-testid="person-form" on:submit=on_submit novalidate>
            <h3>{move || state.t(if index.is_some() { Msg::RosterEditTitle } else { Msg::RosterNewTitle })}</h3>
            <div class="form-grid">
                {inputs}
            </div>
            <div class="form-actions">
                <button type="submit" class="btn primary" data-testid="person-save">{state.text(Msg::Save)}</button>
                <button type="button" class="btn" on:click=move |_| close.run(())>{state.text(Msg::Cancel)}</button>
            </div>
        </form>
    }
}
