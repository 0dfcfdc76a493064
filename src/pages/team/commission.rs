//! Renewal commission: the period, the bands, the optional split with sales, and each
//! owner's commission.

use leptos::prelude::*;

use super::TeamData;
use crate::components::{Cell, Col, DataTable, Money, Row};
use crate::domain::commission::{Commission, CommissionBand, CommissionError};
use crate::domain::dates::iso;
use crate::domain::period::PeriodChoice;
use crate::forms::team_form::{number_text, parse_number, parse_percent, percent_text};
use crate::i18n::{t, Lang, Msg, Tpl};
use crate::state::AppState;

fn error_text(lang: Lang, e: CommissionError) -> &'static str {
    t(
        lang,
        match e {
            CommissionError::BandStart(_) => Msg::ErrBandStart,
            CommissionError::BandRate(_) => Msg::ErrBandRate,
            CommissionError::SameStart(_) => Msg::ErrSameStart,
            CommissionError::CsmShare => Msg::ErrNotPercent,
        },
    )
}

#[component]
pub fn Commissions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let money = Money::new(state);
    let choice = move || {
        state.settings.with(|s| match s.renewal_period {
            PeriodChoice::Last12Months => "last12",
            PeriodChoice::ThisQuarter => "this_quarter",
            PeriodChoice::LastQuarter => "last_quarter",
            _ => "other",
        })
    };
    let on_period = move |ev| {
        let p = match event_target_value(&ev).as_str() {
            "last12" => PeriodChoice::Last12Months,
            "this_quarter" => PeriodChoice::ThisQuarter,
            "last_quarter" => PeriodChoice::LastQuarter,
            _ => return,
        };
        state.set_renewal_period(p);
    };
    let range = move || {
        let p = data.period.get();
        state.tr(Tpl::PeriodRange { from: &iso(p.from), to: &iso(p.to) })
    };
    let options = [("last12", Msg::PeriodLast12), ("this_quarter", Msg::PeriodThisQuarter), ("last_quarter", Msg::PeriodLastQuarter), ("other", Msg::PeriodOther)]
        .into_iter()
        .map(|(v, m)| view! { <option value=v selected=move || choice() == v disabled=v == "other">{state.text(m)}</option> })
        .collect_view();
    let split_on = move || state.settings.with(|s| s.commission.split.enabled);
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        let split = split_on();
        data.commissions.with(|list| {
            let figures = |pick: fn(&Commission) -> f64| {
                money.column(list.iter().filter_map(|r| r.commission.as_ref().map(pick)))
            };
            let (base, csm, sales) = (figures(|c| c.base), figures(|c| c.csm_amount), figures(|c| c.sales_amount));
            let dash = || Cell::text("—");
            list.iter()
                .map(|r| {
                    let c = r.commission;
                    let mut cells = vec![
                        Cell::text(r.owner.clone()),
                        Cell::count(r.renewals.due_count),
                        Cell::count(r.renewals.renewed.len()),
                        Cell::percent(c.map(|c| c.logo_rate)),
                        Cell::percent(c.map(|c| c.rate)),
                        c.map_or_else(dash, |c| Cell::figure(base.fmt(c.base), c.base)),
                        match c {
                            Some(c) => Cell::figure(csm.fmt(c.csm_amount), c.csm_amount),
                            None => Cell::text(t(lang, Msg::NothingDue)),
                        }
                        .metric(format!("owner.{}.commission", r.owner), c.map(|c| c.csm_amount)),
                    ];
                    if split {
                        cells.push(c.map_or_else(dash, |c| Cell::figure(sales.fmt(c.sales_amount), c.sales_amount)));
                    }
                    Row::new(r.owner.clone(), cells).testid("commission-row")
                })
                .collect::<Vec<_>>()
        })
    });
    let cols = Memo::new(move |_| {
        let mut cols = vec![
            Col::name(Msg::ColOwner),
            Col::num(Msg::ColDue),
            Col::num(Msg::ColRenewed),
            Col::num(Msg::ColRenewalRate),
            Col::num(Msg::ColBandRate),
            Col::num(Msg::ColRenewedArr),
            Col::num(Msg::ColCommission),
        ];
        if split_on() {
            cols.push(Col::num(Msg::ColSalesShare));
        }
        cols
    });
    let any_due = move || data.commissions.with(|rs| rs.iter().any(|r| r.commission.is_some()));
    view! {
        <section class="card" data-testid="commission">
            <h2>{state.text(Msg::CommissionTitle)}</h2>
            <div class="period">
                <label for="team-period">{state.text(Msg::Period)}</label>
                <select id="team-period" data-testid="team-period" data-field="renewals.period" on:change=on_period>{options}</select>
                <span class="muted">{range}</span>
            </div>
            <p class="help">{state.text(Msg::PeriodHelp)}</p>
            <p class="help">{state.text(Msg::CommissionHelp)}</p>
            <Bands />
            <Split />
            <Show when=move || !any_due()>
                <p class="muted">{state.text(Msg::CommissionEmpty)}</p>
            </Show>
            // Owners with nothing due keep their row: "not computed" is a figure too (§8).
            <Show when=move || data.commissions.with(|rs| !rs.is_empty())>
                <DataTable cols=cols rows=rows export="commission" testid="commission-table" />
            </Show>
        </section>
    }
}

/// The bands, each a lower-inclusive start and a rate, as percentages.
#[component]
fn Bands() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Rows are rebuilt only when bands come or go, so editing one keeps the focus elsewhere.
    let count = Memo::new(move |_| state.settings.with(|s| s.commission.bands.len()));
    let add = move |_| {
        state.edit_commission(|c| {
            let top = c.bands.iter().map(|b| b.from_rate).fold(0.0, f64::max);
            let last_rate = c.bands.iter().map(|b| b.rate).fold(0.0, f64::max);
            c.bands.push(CommissionBand { from_rate: ((top + 1.0) / 2.0 * 100.0).round() / 100.0, rate: last_rate });
        })
    };
    let error = move || {
        let lang = state.lang.get();
        state
            .settings
            .with(|s| s.commission.validate().err())
            .map(|e| view! { <p class="notice error" role="alert">{error_text(lang, e)}</p> })
    };
    view! {
        <div class="table-wrap">
            <table class="dt-table bands" data-testid="bands">
                <thead><tr>
                    <th>{state.text(Msg::BandFrom)}</th>
                    <th>{state.text(Msg::BandRate)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{move || (0..count.get()).map(|i| view! { <BandRow index=i /> }).collect_view()}</tbody>
            </table>
        </div>
        <button type="button" class="btn small" on:click=add>{state.text(Msg::AddBand)}</button>
        {error}
    }
}

#[component]
fn BandRow(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let band = Memo::new(move |_| state.settings.with(|s| s.commission.bands.get(index).copied()));
    let (from_bad, rate_bad) = (RwSignal::new(false), RwSignal::new(false));
    let edit = move |f: fn(&mut CommissionBand, f64), v: Option<f64>, bad: RwSignal<bool>| {
        bad.set(v.is_none());
        if let Some(v) = v {
            state.edit_commission(|c| {
                if let Some(b) = c.bands.get_mut(index) {
                    f(b, v);
                }
            });
        }
    };
    let remove = move |_| {
        state.edit_commission(|c| {
            if index < c.bands.len() {
                c.bands.remove(index);
            }
        })
    };
    move || {
        band.get().map(|b| view! {
        <tr data-testid=format!("band-{index}")>
            <td class="input-cell">"≥ "
                <input type="text" inputmode="decimal" size="5" aria-label=state.text(Msg::BandFrom)
                    aria-invalid=move || from_bad.get().to_string() data-testid=format!("band-{index}-from") data-field=format!("commission.band.{index}.from")
                    prop:value=percent_text(b.from_rate)
                    on:change=move |ev| edit(|b, v| b.from_rate = v, parse_percent(&event_target_value(&ev)), from_bad) />"%"
                <Show when=move || from_bad.get()><p class="field-error" role="alert">{state.text(Msg::ErrBandStart)}</p></Show>
            </td>
            <td class="input-cell">
                <input type="text" inputmode="decimal" size="5" aria-label=state.text(Msg::BandRate)
                    aria-invalid=move || rate_bad.get().to_string() data-testid=format!("band-{index}-rate") data-field=format!("commission.band.{index}.rate")
                    prop:value=percent_text(b.rate)
                    on:change=move |ev| {
                        let v = parse_number(&event_target_value(&ev)).filter(|v| *v >= 0.0).map(|v| v / 100.0);
                        edit(|b, v| b.rate = v, v, rate_bad)
                    } />"%"
                <Show when=move || rate_bad.get()><p class="field-error" role="alert">{state.text(Msg::ErrBandRate)}</p></Show>
            </td>
            <td><button type="button" class="btn small" on:click=remove>{state.text(Msg::Remove)}</button></td>
        </tr>
    })
    }
}

/// The optional split with sales above an ARR threshold.
#[component]
fn Split() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (threshold_bad, share_bad) = (RwSignal::new(false), RwSignal::new(false));
    let split = move || state.settings.with(|s| s.commission.split.clone());
    view! {
        <fieldset class="split">
            <label class="check">
                <input type="checkbox" data-testid="split-enabled" data-field="commission.split.enabled" prop:checked=move || split().enabled
                    on:change=move |ev| { let on = event_target_checked(&ev); state.edit_commission(|c| c.split.enabled = on) } />
                {state.text(Msg::SplitEnable)}
            </label>
            <Show when=move || split().enabled>
                <p class="help">{state.text(Msg::SplitHelp)}</p>
                <label>{state.text(Msg::SplitThreshold)}" "
                    <input type="text" inputmode="decimal" size="10" data-testid="split-threshold" data-field="commission.split.arr_threshold"
                        aria-invalid=move || threshold_bad.get().to_string()
                        prop:value=move || number_text(split().arr_threshold)
                        on:change=move |ev| match parse_number(&event_target_value(&ev)).filter(|v| *v >= 0.0) {
                            Some(v) => { threshold_bad.set(false); state.edit_commission(|c| c.split.arr_threshold = v) }
                            None => threshold_bad.set(true),
                        } />
                </label>
                <Show when=move || threshold_bad.get()><p class="field-error" role="alert">{state.text(Msg::ErrNegative)}</p></Show>
                <label>{state.text(Msg::SplitCsmShare)}" "
                    <input type="text" inputmode="decimal" size="5" data-testid="split-share" data-field="commission.split.csm_share"
                        aria-invalid=move || share_bad.get().to_string()
                        prop:value=move || percent_text(split().csm_share)
                        on:change=move |ev| match parse_percent(&event_target_value(&ev)) {
                            Some(v) => { share_bad.set(false); state.edit_commission(|c| c.split.csm_share = v) }
                            None => share_bad.set(true),
                        } />
                </label>
                <Show when=move || share_bad.get()><p class="field-error" role="alert">{state.text(Msg::ErrNotPercent)}</p></Show>
            </Show>
        </fieldset>
    }
}
