//! Hiring triggers (seed 004) as alerts that say why, with their thresholds editable.

use leptos::prelude::*;

use super::model::Model;
use super::{label, money};
use crate::components::{NumField, Unit};
use crate::domain::triggers::HiringAlert;
use crate::i18n::{fmt_count, tier_name, Msg, Tpl};
use crate::state::AppState;

#[component]
pub fn Alerts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let text = move |alert: &HiringAlert| match alert {
        HiringAlert::FirstCsm { large_accounts, min_accounts, min_arr } => state.tr(Tpl::CapAlertFirstCsm {
            n: &fmt_count(*large_accounts),
            min: &fmt_count(*min_accounts),
            arr: &money(state, *min_arr),
        }),
        HiringAlert::UncoveredTier { tier, tier_arr, threshold, accounts } => {
            let name = state.settings.with(|s| {
                s.tiers.tiers.get(*tier).map(|t| tier_name(t, state.lang.get()).to_string()).unwrap_or_default()
            });
            state.tr(Tpl::CapAlertUncoveredTier {
                tier: &name,
                arr: &money(state, *tier_arr),
                threshold: &money(state, *threshold),
                n: &fmt_count(*accounts),
            })
        }
    };
    let triggers = move || state.settings.with(|s| s.triggers.clone());
    view! {
        <section class="cap-section" aria-labelledby="cap-alerts-h">
            <h2 id="cap-alerts-h">{state.text(Msg::CapAlertsTitle)}</h2>
            <ul class="cap-alerts" data-testid="cap-alerts">
                {move || {
                    let alerts = model.alerts.get();
                    if alerts.is_empty() {
                        view! { <li class="cap-alert none">{state.text(Msg::CapNoAlerts)}</li> }.into_any()
                    } else {
                        alerts.iter().map(|a| view! { <li class="cap-alert" role="status">{text(a)}</li> }).collect_view().into_any()
                    }
                }}
            </ul>
            <details class="cap-more no-print">
                <summary>{state.text(Msg::CapTriggerSettings)}</summary>
                <div class="cap-inline">
                    <NumField label=label(state, Msg::CapTriggerAccounts)
                        value=Signal::derive(move || Some(triggers().first_csm_accounts as f64))
                        on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x {
                            state.edit_hiring_triggers(|t| t.first_csm_accounts = x.round().max(1.0) as usize)
                        })
                        min=1.0 max=1000.0 whole=true field="triggers.first_csm_accounts" testid="cap-trigger-accounts" />
                    <NumField label=label(state, Msg::CapTriggerArr)
                        value=Signal::derive(move || Some(triggers().first_csm_arr))
                        on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { state.edit_hiring_triggers(|t| t.first_csm_arr = x) })
                        min=0.0 field="triggers.first_csm_arr" unit=Unit::Money testid="cap-trigger-arr" />
                </div>
                <p class="cap-note">{state.text(Msg::CapTriggerNote)}</p>
            </details>
        </section>
    }
}
