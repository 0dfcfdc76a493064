//! A page that is not built yet says in one sentence what it will show.

use leptos::prelude::*;

use crate::app::AppState;
use crate::i18n::Msg;
use crate::route::Route;

pub fn page(route: Route, sentence: Msg) -> AnyView {
    let state = expect_context::<AppState>();
    view! {
        <h1>{move || state.t(route.label())}</h1>
        <p class="soon">{move || state.t(sentence)}</p>
    }
    .into_any()
}
