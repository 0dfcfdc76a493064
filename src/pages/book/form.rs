//! Adding and editing an account: a panel with a message under each field that is wrong.

use leptos::prelude::*;

use super::{BookView, Editing};
use crate::domain::dates::{add_days, add_months, iso};
use crate::domain::validate::{next_id, Field, Problem};
use crate::forms::account_form::{AccountDraft, DraftError, DraftField, DraftProblem, OutcomeKind, TermDraft};
use crate::i18n::{t, tr, Lang, Msg, Tpl};
use crate::state::AppState;

/// The words for a problem, in the reader's language.
pub fn problem_text(lang: Lang, problem: DraftProblem) -> String {
    let msg = match problem {
        DraftProblem::NotANumber | DraftProblem::Invalid(Problem::NotFinite) => Msg::ErrNotANumber,
        DraftProblem::NotAWholeNumber => Msg::ErrNotWhole,
        DraftProblem::NotADate => Msg::ErrNotADate,
        DraftProblem::DateRequired => Msg::ErrDateRequired,
        DraftProblem::Invalid(p) => match p {
            Problem::Required => Msg::ErrRequired,
            Problem::TooLong { max } => return tr(lang, Tpl::ErrTooLong { max: &max.to_string() }),
            Problem::NotPercent => Msg::ErrNotPercent,
            Problem::Negative => Msg::ErrNegative,
            Problem::NotFinite => Msg::ErrNotANumber,
            Problem::EndNotAfterStart => Msg::ErrEndNotAfterStart,
            Problem::OverlapsPrevious => Msg::ErrOverlaps,
            Problem::OutcomeBeforeStart => Msg::ErrOutcomeBeforeStart,
            Problem::FollowsUnrenewed => Msg::ErrFollowsUnrenewed,
            Problem::DuplicateId => Msg::ErrDuplicateId,
        },
    };
    t(lang, msg).to_string()
}

type Read = fn(&AccountDraft) -> &String;
type Write = fn(&mut AccountDraft) -> &mut String;

/// (label, field, read, write, input mode) of each plain text field, in form order.
const FIELDS: [(Msg, DraftField, Read, Write, &str); 15] = [
    (Msg::ColName, DraftField::Account(Field::Name), |d| &d.name, |d| &mut d.name, "text"),
    (Msg::ColId, DraftField::Account(Field::Id), |d| &d.id, |d| &mut d.id, "text"),
    (Msg::ColOwner, DraftField::Account(Field::Id), |d| &d.owner, |d| &mut d.owner, "text"),
    (Msg::ColIndustry, DraftField::Account(Field::Id), |d| &d.industry, |d| &mut d.industry, "text"),
    (Msg::ColRegion, DraftField::Account(Field::Id), |d| &d.region, |d| &mut d.region, "text"),
    (
        Msg::ColPotentialArr,
        DraftField::Account(Field::PotentialArr),
        |d| &d.potential_arr,
        |d| &mut d.potential_arr,
        "decimal",
    ),
    (Msg::ColFit, DraftField::Account(Field::Fit), |d| &d.fit, |d| &mut d.fit, "decimal"),
    (Msg::ColActivity, DraftField::Account(Field::Activity), |d| &d.activity, |d| &mut d.activity, "decimal"),
    (Msg::ColDepth, DraftField::Account(Field::Depth), |d| &d.depth, |d| &mut d.depth, "decimal"),
    (
        Msg::ColSatisfaction,
        DraftField::Account(Field::Satisfaction),
        |d| &d.satisfaction,
        |d| &mut d.satisfaction,
        "decimal",
    ),
    (
        Msg::ColHealthOverride,
        DraftField::Account(Field::HealthOverride),
        |d| &d.health_override,
        |d| &mut d.health_override,
        "decimal",
    ),
    (Msg::ColGoLive, DraftField::GoLive, |d| &d.go_live, |d| &mut d.go_live, "numeric"),
    (Msg::ColLastTouch, DraftField::LastTouch, |d| &d.last_touch, |d| &mut d.last_touch, "numeric"),
    (Msg::ColReferrals, DraftField::Referrals, |d| &d.referrals, |d| &mut d.referrals, "numeric"),
    (
        Msg::ColExpansion,
        DraftField::Account(Field::ExpansionArr),
        |d| &d.expansion_arr,
        |d| &mut d.expansion_arr,
        "decimal",
    ),
];

#[component]
pub fn AccountForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    let draft = RwSignal::new(AccountDraft::default());
    let errors = RwSignal::new(Vec::<DraftError>::new());

    // Opening the form fills the draft from the account (or a new one).
    Effect::new(move |_| {
        let fresh = match view.editing.get() {
            Some(Editing::Existing(i)) => {
                state.book.with_untracked(|b| b.accounts.get(i).map(AccountDraft::from_account))
            }
            Some(Editing::New) => {
                Some(AccountDraft::new_account(state.book.with_untracked(next_id), state.as_of.get_untracked()))
            }
            None => None,
        };
        if let Some(d) = fresh {
            draft.set(d);
            errors.set(Vec::new());
            // The form covers where the toast sits; an old message has nothing to say here.
            view.toaster.close();
        }
    });

    let error_of = move |field: DraftField| {
        let lang = state.lang.get();
        errors.with(|es| es.iter().find(|e| e.field == field).map(|e| problem_text(lang, e.problem)))
    };
    let close = move || view.editing.set(None);
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let editing = match view.editing.get_untracked() {
            Some(Editing::Existing(i)) => Some(i),
            _ => None,
        };
        let parsed = state.book.with_untracked(|b| draft.with_untracked(|d| d.parse(b, editing)));
        match parsed {
            Ok(account) => {
                state.save_account(editing, account);
                view.toaster.show(state.t(Msg::SavedToast).to_string());
                close();
            }
            Err(es) => errors.set(es),
        }
    };
    let on_delete = move |_| {
        if let Some(Editing::Existing(i)) = view.editing.get_untracked() {
            let Some(id) = state.book.with_untracked(|b| b.accounts.get(i).map(|a| a.id.clone())) else { return };
            let removed = state.delete_accounts(&std::iter::once(id).collect());
            view.toaster.show_undo(state.tr(Tpl::DeletedToast { n: "1" }), move || state.undo_delete(removed.clone()));
            close();
        }
    };
    let add_term = move |_| {
        draft.update(|d| {
            let next = d.terms.last().and_then(|t| crate::domain::typed::parse_date(&t.end).ok()).map(|end| {
                let start = add_days(end, 1);
                (iso(start), iso(add_days(add_months(start, 12), -1)))
            });
            let (start, end) = next.unwrap_or_default();
            if let Some(prev) = d.terms.last_mut() {
                if prev.outcome == OutcomeKind::Open {
                    prev.outcome = OutcomeKind::Renewed;
                }
            }
            d.terms.push(TermDraft { start, end, ..Default::default() });
        })
    };

    let fields = move || {
        FIELDS.into_iter().enumerate().map(|(n, (label, field, get, set, mode))| {
        let id = format!("acct-f{n}");
        // Only the first five share Field::Id as a placeholder for "no rule"; only the real
        // id field shows id errors.
        let field = if (2..=4).contains(&n) { None } else { Some(field) };
        let err = move || field.and_then(error_of);
        view! {
            <div class="form-field" class:invalid=move || err().is_some()>
                <label for=id.clone()>{move || state.t(label)}</label>
                <input id=id.clone() type="text" inputmode=mode
                    placeholder=if matches!(label, Msg::ColGoLive | Msg::ColLastTouch) { "YYYY-MM-DD" } else { "" }
                    data-testid=format!("field-{label:?}") data-field=format!("account.{label:?}")
                    aria-invalid=move || err().is_some().to_string()
                    prop:value=move || draft.with(|d| get(d).clone())
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| *set(d) = v) } />
                {move || err().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
        }
    }).collect_view()
    };

    let terms = move || {
        let n = draft.with(|d| d.terms.len());
        (0..n).map(|i| {
            let term_text = move |f: fn(&TermDraft) -> &String| move || draft.with(|d| d.terms.get(i).map(|t| f(t).clone()).unwrap_or_default());
            let set_term = move |f: fn(&mut TermDraft) -> &mut String| move |ev| {
                let v = event_target_value(&ev);
                draft.update(|d| if let Some(t) = d.terms.get_mut(i) { *f(t) = v });
            };
            let err = move |f: DraftField| move || error_of(f);
            let e_start = err(DraftField::Account(Field::TermStart(i)));
            let e_end = err(DraftField::Account(Field::TermEnd(i)));
            let e_arr = err(DraftField::Account(Field::TermArr(i)));
            let e_on = move || error_of(DraftField::TermOutcomeOn(i)).or_else(|| error_of(DraftField::Account(Field::TermOutcome(i))));
            let outcome = move || draft.with(|d| d.terms.get(i).map(|t| t.outcome).unwrap_or_default());
            view! {
                <fieldset class="term" data-testid=format!("term-{i}")>
                    <legend>{format!("#{}", i + 1)}</legend>
                    <label>{state.text(Msg::TermStart)}
                        <input type="text" placeholder="YYYY-MM-DD" aria-invalid=move || e_start().is_some().to_string()
                            prop:value=term_text(|t| &t.start) on:input=set_term(|t| &mut t.start) /></label>
                    <label>{state.text(Msg::TermEnd)}
                        <input type="text" placeholder="YYYY-MM-DD" aria-invalid=move || e_end().is_some().to_string()
                            prop:value=term_text(|t| &t.end) on:input=set_term(|t| &mut t.end) /></label>
                    <label>{state.text(Msg::TermArr)}
                        <input type="text" inputmode="decimal" aria-invalid=move || e_arr().is_some().to_string()
                            data-testid=format!("term-{i}-arr") data-field=format!("term.{i}.arr")
                            prop:value=term_text(|t| &t.arr) on:input=set_term(|t| &mut t.arr) /></label>
                    <label>{state.text(Msg::TermOutcome)}
                        <select on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let kind = match v.as_str() { "renewed" => OutcomeKind::Renewed, "churned" => OutcomeKind::Churned, _ => OutcomeKind::Open };
                            draft.update(|d| if let Some(t) = d.terms.get_mut(i) { t.outcome = kind });
                        }>
                            <option value="open" selected=move || outcome() == OutcomeKind::Open>{state.text(Msg::OutcomeOpen)}</option>
                            <option value="renewed" selected=move || outcome() == OutcomeKind::Renewed>{state.text(Msg::OutcomeRenewed)}</option>
                            <option value="churned" selected=move || outcome() == OutcomeKind::Churned>{state.text(Msg::Churned)}</option>
                        </select></label>
                    <label>{state.text(Msg::TermOutcomeOn)}
                        <input type="text" placeholder="YYYY-MM-DD" disabled=move || outcome() == OutcomeKind::Open
                            aria-invalid=move || e_on().is_some().to_string()
                            prop:value=term_text(|t| &t.outcome_on) on:input=set_term(|t| &mut t.outcome_on) /></label>
                    <button type="button" class="btn small" on:click=move |_| draft.update(|d| { if i < d.terms.len() { d.terms.remove(i); } })>
                        {state.text(Msg::RemoveTerm)}
                    </button>
                    {move || [e_start(), e_end(), e_arr(), e_on()].into_iter().flatten().map(|e| view! { <p class="field-error" role="alert">{e}</p> }).collect_view()}
                </fieldset>
            }
        }).collect_view()
    };

    move || {
        view.editing.get().map(|editing| {
            let is_new = editing == Editing::New;
            view! {
                <div class="panel-backdrop" on:click=move |_| close()></div>
                <aside class="panel" role="dialog" aria-modal="true" aria-labelledby="account-form-title"
                    data-testid="account-form"
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { close() }>
                    <form on:submit=on_save novalidate>
                        <h2 id="account-form-title">{move || state.t(if is_new { Msg::FormNewTitle } else { Msg::FormEditTitle })}</h2>
                        <Show when=move || errors.with(|e| !e.is_empty())>
                            <p class="notice error" role="alert">{state.text(Msg::FormHasErrors)}</p>
                        </Show>
                        <div class="form-grid">{fields()}</div>
                        <h3>{state.text(Msg::FormTerms)}</h3>
                        {terms}
                        <button type="button" class="btn small" on:click=add_term>{state.text(Msg::AddTerm)}</button>
                        <div class="form-actions">
                            <button type="submit" class="btn primary" data-testid="save-account">{state.text(Msg::Save)}</button>
                            <button type="button" class="btn" on:click=move |_| close()>{state.text(Msg::Cancel)}</button>
                            <Show when=move || !is_new>
                                <button type="button" class="btn danger" on:click=on_delete data-testid="delete-account">{state.text(Msg::Delete)}</button>
                            </Show>
                        </div>
                    </form>
                </aside>
            }
        })
    }
}
