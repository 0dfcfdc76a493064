//! The Segments page (issue 5): ARR tiers, industries, the value × fit quadrant and health.
//! The page lays out sections; each reads the memos of `SegmentsData`.

mod data;
mod health;
mod industries;
mod quadrant;
mod quadrant_list;
mod tier_editor;
mod tiers;
mod widgets;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::AppState;

pub use data::SegmentsData;

#[component]
pub fn SegmentsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = SegmentsData::new(state);
    provide_context(data);
    let empty = Memo::new(move |_| state.book.with(|b| b.accounts.is_empty()));
    view! {
        <div class="segments">
            <h1>{state.text(Msg::NavSegments)}</h1>
            <p class="lead">{state.text(Msg::SegIntro)}</p>
            <Show when=move || empty.get()>
                <p class="notice" role="status" data-testid="segments-empty">{state.text(Msg::SegEmptyBook)}</p>
            </Show>
            <section class="seg-section" aria-labelledby="seg-tiers">
                <h2 id="seg-tiers">{state.text(Msg::SegTiersTitle)}</h2>
                <tier_editor::TierEditor />
                <tiers::TierFigures />
            </section>
            <section class="seg-section" aria-labelledby="seg-industries">
                <h2 id="seg-industries">{state.text(Msg::SegIndustriesTitle)}</h2>
                <industries::Industries />
            </section>
            <section class="seg-section" aria-labelledby="seg-quadrant">
                <h2 id="seg-quadrant">{state.text(Msg::SegQuadrantTitle)}</h2>
                <quadrant::Quadrants />
            </section>
            <section class="seg-section" aria-labelledby="seg-health">
                <h2 id="seg-health">{state.text(Msg::ColHealth)}</h2>
                <health::Health />
            </section>
        </div>
    }
}
