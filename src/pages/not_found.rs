use leptos::prelude::*;

use crate::components::NavLink;
use crate::i18n::Msg;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <h1>{state.text(Msg::NotFoundTitle)}</h1>
        <p>{state.text(Msg::NotFoundBody)}</p>
        <p><NavLink route=Route::Book /></p>
    }
}
