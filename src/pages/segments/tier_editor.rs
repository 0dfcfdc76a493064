//! The editable tier table. Edits are kept as typed (`TierForm`); a valid table is applied to
//! the settings at once (and saved with them), an invalid one stays on screen with a message
//! per field and is not applied, so nothing typed is lost.

use leptos::prelude::*;

use crate::domain::tiers::{ServiceModel, TierBasis};
use crate::forms::tier_form::{has_error, Field, FieldError, TierForm, TierRow};
use crate::i18n::{t, tr, Lang, Msg, Tpl};
use crate::state::AppState;

use super::widgets::problem_msg;

/// The form on screen and how to change it; `Copy`, so every handler can hold it.
#[derive(Clone, Copy)]
struct Editor {
    state: AppState,
    /// `None` = the form mirrors the settings.
    draft: RwSignal<Option<TierForm>>,
    form: Memo<TierForm>,
    errors: Memo<Vec<FieldError>>,
}

impl Editor {
    fn new(state: AppState) -> Editor {
        let draft = RwSignal::new(None::<TierForm>);
        let form = Memo::new(move |_| {
            draft.get().unwrap_or_else(|| state.settings.with(|s| TierForm::from_settings(&s.tiers)))
        });
        let errors = Memo::new(move |_| form.with(|f| f.parse().err().unwrap_or_default()));
        Editor { state, draft, form, errors }
    }

    /// Applies a change to the form; applies the form to the settings when it is valid.
    fn edit(self, change: impl FnOnce(&mut TierForm)) {
        let mut form = self.form.get_untracked();
        change(&mut form);
        match form.parse() {
            Ok(tiers) => {
                self.state.set_tier_settings(tiers);
                self.draft.set(None);
            }
            Err(_) => self.draft.set(Some(form)),
        }
    }

    fn row_text(self, i: usize, get: fn(&TierRow) -> &String) -> String {
        self.form.with(|f| f.rows.get(i).map(|r| get(r).clone()).unwrap_or_default())
    }

    fn invalid(self, i: usize, field: Field) -> bool {
        self.errors.with(|e| has_error(e, i, field))
    }

    /// The message of the first problem of a field, for its tooltip.
    fn title(self, i: usize, field: Field) -> &'static str {
        let lang = self.state.lang.get();
        self.errors.with(|e| {
            e.iter()
                .find(|e| e.tier == Some(i) && e.field == Some(field))
                .map_or("", |e| t(lang, problem_msg(e.problem)))
        })
    }
}

fn field_label(field: Field) -> Msg {
    match field {
        Field::Name => Msg::SegColTierName,
        Field::MinArr => Msg::SegColThreshold,
        Field::AccountsPerCsm => Msg::SegColAccountsPerCsm,
        Field::ArrPerCsm => Msg::SegColArrPerCsm,
        Field::CadenceDays => Msg::SegColCadence,
        Field::HoursPerAccount => Msg::ColHoursPerAccount,
    }
}

fn model_msg(m: ServiceModel) -> Msg {
    match m {
        ServiceModel::HighTouch => Msg::ModelHighTouch,
        ServiceModel::LowTouch => Msg::ModelLowTouch,
        ServiceModel::TechTouch => Msg::ModelTechTouch,
    }
}

const MODELS: [(ServiceModel, &str); 3] = [
    (ServiceModel::HighTouch, "high_touch"),
    (ServiceModel::LowTouch, "low_touch"),
    (ServiceModel::TechTouch, "tech_touch"),
];

#[component]
pub fn TierEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = Editor::new(state);
    let on_basis = move |ev| {
        let basis = match event_target_value(&ev).as_str() {
            "potential_arr" => TierBasis::PotentialArr,
            _ => TierBasis::Arr,
        };
        ed.edit(|f| f.basis = basis);
    };
    let add = move |_| ed.edit(|f| f.add_tier(t(Lang::Zh, Msg::SegNewTier), t(Lang::En, Msg::SegNewTier)));
    let is_basis = move |b: TierBasis| ed.form.with(|f| f.basis == b);
    view! {
        <h3>{state.text(Msg::SegTierRulesTitle)}</h3>
        <p class="help">{state.text(Msg::SegTierHelp)}</p>
        <div class="seg-inline-field">
            <label for="tier-basis">{state.text(Msg::SegTierBasis)}</label>
            <select id="tier-basis" data-testid="tier-basis" data-field="tiers.basis" on:change=on_basis>
                <option value="arr" selected=move || is_basis(TierBasis::Arr)>{state.text(Msg::SegBasisArr)}</option>
                <option value="potential_arr" selected=move || is_basis(TierBasis::PotentialArr)>
                    {state.text(Msg::SegBasisPotential)}
                </option>
            </select>
        </div>
        <div class="table-wrap">
            <table class="dt-table tier-editor stack-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{state.text(Msg::ColTier)}</th>
                        <th scope="col">{state.text(Msg::SegColNameZh)}</th>
                        <th scope="col">{state.text(Msg::SegColNameEn)}</th>
                        <th scope="col">{state.text(Msg::SegColThreshold)}</th>
                        <th scope="col">{state.text(Msg::ColServiceModel)}</th>
                        <th scope="col">{state.text(Msg::SegColAccountsPerCsm)}</th>
                        <th scope="col">{state.text(Msg::SegColArrPerCsm)}</th>
                        <th scope="col">{state.text(Msg::SegColCadence)}</th>
                        <th scope="col"><span class="visually-hidden">{state.text(Msg::SegRemoveTierLabel)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || 0..ed.form.with(|f| f.rows.len()) key=|i| *i let:i>
                        <EditorRow ed=ed i=i />
                    </For>
                </tbody>
            </table>
        </div>
        <div class="seg-actions">
            <button type="button" class="btn small" data-testid="tier-add" on:click=add>
                {state.text(Msg::SegAddTier)}
            </button>
        </div>
        <Show when=move || ed.draft.with(Option::is_some)>
            <div class="notice warn seg-draft" role="alert" data-testid="tier-errors">
                <p>{state.text(Msg::SegDraftNotice)}</p>
                <ul>
                    {move || {
                        let lang = state.lang.get();
                        ed.errors.get().into_iter().map(|e| {
                            let place = match (e.tier, e.field) {
                                (Some(i), Some(field)) => format!(
                                    "{} · {}: ",
                                    tr(lang, Tpl::SegTierN { n: &(i + 1).to_string() }),
                                    t(lang, field_label(field)),
                                ),
                                _ => String::new(),
                            };
                            let text = if e.tier.is_none() { t(lang, Msg::SegErrNoTiers) } else { t(lang, problem_msg(e.problem)) };
                            view! { <li>{place}{text}</li> }
                        }).collect_view()
                    }}
                </ul>
                <button type="button" class="btn small" data-testid="tier-discard" on:click=move |_| ed.draft.set(None)>
                    {state.text(Msg::SegDiscard)}
                </button>
            </div>
        </Show>
    }
}

/// What a text cell of a tier row edits.
struct Cell {
    field: Field,
    label: Msg,
    get: fn(&TierRow) -> &String,
    set: fn(&mut TierRow, String),
    /// In the input's `data-testid`: `tier-{i}-{slug}`.
    slug: &'static str,
    /// In the input's `data-field`: `tier.{i}.{key}` (DOMAIN.md §8).
    key: &'static str,
    placeholder: Option<Msg>,
}

const CELLS_BEFORE_MODEL: [Cell; 3] = [
    Cell {
        field: Field::Name,
        label: Msg::SegColNameZh,
        get: |r| &r.name_zh,
        set: |r, v| r.name_zh = v,
        slug: "name-zh",
        key: "name_zh",
        placeholder: None,
    },
    Cell {
        field: Field::Name,
        label: Msg::SegColNameEn,
        get: |r| &r.name_en,
        set: |r, v| r.name_en = v,
        slug: "name-en",
        key: "name_en",
        placeholder: None,
    },
    Cell {
        field: Field::MinArr,
        label: Msg::SegColThreshold,
        get: |r| &r.min_arr,
        set: |r, v| r.min_arr = v,
        slug: "min-arr",
        key: "threshold",
        placeholder: None,
    },
];

const CELLS_AFTER_MODEL: [Cell; 3] = [
    Cell {
        field: Field::AccountsPerCsm,
        label: Msg::SegColAccountsPerCsm,
        get: |r| &r.accounts_per_csm,
        set: |r, v| r.accounts_per_csm = v,
        slug: "per-csm",
        key: "accounts_per_csm",
        placeholder: None,
    },
    Cell {
        field: Field::ArrPerCsm,
        label: Msg::SegColArrPerCsm,
        get: |r| &r.arr_per_csm,
        set: |r, v| r.arr_per_csm = v,
        slug: "arr-per-csm",
        key: "arr_per_csm",
        placeholder: Some(Msg::SegPlaceholderGlobal),
    },
    Cell {
        field: Field::CadenceDays,
        label: Msg::SegColCadence,
        get: |r| &r.cadence_days,
        set: |r, v| r.cadence_days = v,
        slug: "cadence",
        key: "cadence_days",
        placeholder: Some(Msg::SegPlaceholderNone),
    },
];

/// One text input of a tier row.
fn text_cell(ed: Editor, i: usize, cell: Cell) -> impl IntoView {
    let Cell { field, label, get, set, slug, key, placeholder } = cell;
    let state = ed.state;
    let numeric = !matches!(field, Field::Name);
    view! {
        <td data-label=state.text(label)>
            <input
                type="text"
                class:num=numeric
                inputmode=if numeric { "decimal" } else { "text" }
                maxlength="60"
                data-testid=format!("tier-{i}-{slug}")
                data-field=format!("tier.{i}.{key}")
                aria-label=move || format!("{} · {}", state.tr(Tpl::SegTierN { n: &(i + 1).to_string() }), state.t(label))
                placeholder=move || placeholder.map(|m| state.t(m)).unwrap_or("")
                aria-invalid=move || ed.invalid(i, field).to_string()
                title=move || ed.title(i, field)
                prop:value=move || ed.row_text(i, get)
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    ed.edit(|f| if let Some(row) = f.rows.get_mut(i) { set(row, text) });
                }
            />
        </td>
    }
}

#[component]
fn EditorRow(ed: Editor, i: usize) -> impl IntoView {
    let state = ed.state;
    let model = move || ed.form.with(|f| f.rows.get(i).map(|r| r.service_model));
    let on_model = move |ev| {
        let value = event_target_value(&ev);
        if let Some((m, _)) = MODELS.iter().find(|(_, v)| *v == value) {
            let m = *m;
            ed.edit(|f| {
                if let Some(row) = f.rows.get_mut(i) {
                    row.service_model = m
                }
            });
        }
    };
    let only_one = move || ed.form.with(|f| f.rows.len() <= 1);
    view! {
        <tr>
            <th scope="row" class="tier-index">{i + 1}</th>
            {CELLS_BEFORE_MODEL.map(|c| text_cell(ed, i, c)).into_iter().collect_view()}
            <td data-label=state.text(Msg::ColServiceModel)>
                <select
                    data-testid=format!("tier-{i}-model") data-field=format!("tier.{i}.service_model")
                    aria-label=move || format!("{} · {}", state.tr(Tpl::SegTierN { n: &(i + 1).to_string() }), state.t(Msg::ColServiceModel))
                    on:change=on_model
                >
                    {MODELS.iter().map(|&(m, v)| view! {
                        <option value=v selected=move || model() == Some(m)>{state.text(model_msg(m))}</option>
                    }).collect_view()}
                </select>
            </td>
            {CELLS_AFTER_MODEL.map(|c| text_cell(ed, i, c)).into_iter().collect_view()}
            <td class="row-action">
                <button
                    type="button"
                    class="btn small ghost"
                    data-testid=format!("tier-{i}-remove")
                    aria-label=move || format!("{} · {}", state.tr(Tpl::SegTierN { n: &(i + 1).to_string() }), state.t(Msg::SegRemoveTierLabel))
                    disabled=only_one
                    on:click=move |_| ed.edit(|f| f.remove_tier(i))
                >
                    {state.text(Msg::SegRemoveTier)}
                </button>
            </td>
        </tr>
    }
}
