//! The app works offline and updates on request: `register_service_worker` registers the
//! service worker (`sw.js` under the base path, written for each build by
//! `scripts/post_build.py` from `public/sw.js`), and `UpdateNotice` says so when a newer build
//! has installed while the page runs, with a Reload button that switches to it.
//!
//! Nothing here can stop the app: where service workers are unavailable (plain http on another
//! host than localhost, a browser without them) or registering fails, the app runs as before.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use crate::i18n::Msg;
use crate::route::base_path_of;
use crate::state::AppState;
use crate::web;

/// At most one update check per this many milliseconds when the tab becomes visible again.
const CHECK_EVERY_MS: f64 = 60_000.0;

thread_local! {
    /// The registration, once the browser has made it.
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// A newer build is installed and waits: the notice shows.
    static UPDATE_READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// Set by the Reload button: the next change of controller reloads the page, once.
    static RELOADING: Cell<bool> = const { Cell::new(false) };
    /// When the last update check on a visibility change ran (`performance.now()`).
    static LAST_CHECK: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

/// `navigator.serviceWorker`, where the browser offers it (secure contexts only).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

fn reload() {
    if let Some(w) = web::window() {
        let _ = w.location().reload();
    }
}

/// Adds `f` as a listener of `event` for the page's lifetime.
fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut() + 'static) {
    let listener = Closure::<dyn FnMut()>::new(f);
    if target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).is_ok() {
        listener.forget();
    }
}

/// Registers `<base>sw.js` with the base path as its scope; does nothing where service
/// workers are unavailable. Called once, when the app starts.
pub fn register_service_worker() {
    let Some(container) = container() else { return };
    let base = base_path_of(&web::base_uri());
    let options = RegistrationOptions::new();
    options.set_scope(&base);
    let promise = container.register_with_options(&format!("{base}sw.js"), &options);
    // The Reload button asked the waiting worker to take over: reload once it has.
    listen(&container, "controllerchange", || {
        if RELOADING.with(|r| r.replace(false)) {
            reload();
        }
    });
    spawn_local(async move {
        let Ok(value) = JsFuture::from(promise).await else { return };
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else { return };
        watch(&registration);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

/// Follows the registration: a newer build waiting already, one installing now, one found
/// later; and checks for one when the tab becomes visible again.
fn watch(registration: &ServiceWorkerRegistration) {
    for worker in [registration.waiting(), registration.installing()].into_iter().flatten() {
        track(worker);
    }
    let reg = registration.clone();
    listen(registration, "updatefound", move || {
        if let Some(worker) = reg.installing() {
            track(worker);
        }
    });
    if let Some(document) = web::document() {
        let reg = registration.clone();
        let doc = document.clone();
        listen(&document, "visibilitychange", move || {
            let now = web::now_ms();
            if !doc.hidden() && now - LAST_CHECK.with(Cell::get) >= CHECK_EVERY_MS {
                LAST_CHECK.with(|c| c.set(now));
                check_for_update(&reg);
            }
        });
    }
}

/// Offers `worker` once it has installed (at once if it has, and waits).
fn track(worker: ServiceWorker) {
    let w = worker.clone();
    listen(&worker, "statechange", move || {
        if w.state() == ServiceWorkerState::Installed {
            installed();
        }
    });
    if worker.state() == ServiceWorkerState::Installed {
        installed();
    }
}

/// A newer build has installed. With no controller this is the first visit's worker, which
/// takes the page over by itself: nothing to offer.
fn installed() {
    if container().and_then(|c| c.controller()).is_some() {
        UPDATE_READY.with(|s| s.set(true));
    }
}

fn check_for_update(registration: &ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        // Offline, or the host is down: the check fails quietly and the next one tries again.
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Lets the waiting worker take over, then reloads (see `controllerchange` above). With no
/// worker waiting (another tab switched already), a plain reload runs the new build.
fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    let Some(worker) = waiting else { return reload() };
    RELOADING.with(|r| r.set(true));
    if worker.post_message(&JsValue::from_str("SKIP_WAITING")).is_err() {
        RELOADING.with(|r| r.set(false));
        reload();
    }
}

/// "An update is available" with Reload (and Dismiss: the notice returns on the next start
/// while the new build still waits).
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ready = UPDATE_READY.with(Clone::clone);
    move || {
        let dismiss = ready.clone();
        ready.get().then(|| {
            view! {
                <div class="notice update-notice" role="status" data-testid="update-notice">
                    <span>{state.text(Msg::UpdateAvailable)}</span>
                    <div class="notice-actions">
                        <button type="button" class="btn small primary" on:click=move |_| apply_update() data-testid="update-reload">
                            {state.text(Msg::UpdateReload)}
                        </button>
                        <button type="button" class="btn small" on:click=move |_| dismiss.set(false) data-testid="update-dismiss">
                            {state.text(Msg::Dismiss)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
