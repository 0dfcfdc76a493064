//! Code fetched when it is first needed. The release build (scripts/build_wasm.py, with
//! `--cfg split_pages`) cuts the wasm at the functions declared with [`split_fn!`]: every page
//! but the Book, and the Book's import preview, live in chunks of their own that the start does
//! not download. Other builds (the browser tests, a debug build) keep one wasm, and the same
//! functions are plain ones behind the same async signature, so the code that draws a page is
//! the same either way.

use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
pub use leptos::wasm_split::SplitLoaderError;

use crate::i18n::Msg;
use crate::state::AppState;

/// Declares `fn $name(args) -> Result<AnyView, SplitLoaderError>` as a split point of chunk
/// `$chunk`, and `$load` (of the same visibility), which fetches that chunk. Both are async and report a chunk that
/// could not be fetched as an error (never a panic, which would stop the app); in a build
/// without splitting both are ready at once.
macro_rules! split_fn {
    ($chunk:ident, $load:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        #[cfg(split_pages)]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, preload($load), fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<AnyView, $crate::pages::lazy::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(split_pages))]
        $vis async fn $name($($arg: $ty),*) -> Result<AnyView, $crate::pages::lazy::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(split_pages))]
        $vis async fn $load() -> Result<(), $crate::pages::lazy::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use split_fn;

/// The future's output if it is ready at its first poll: a split function whose chunk is
/// loaded, or any split function in a build without splitting.
pub fn now<T>(fut: impl Future<Output = T>) -> Option<T> {
    let mut fut = pin!(fut);
    match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

/// A chunk's loader, started anew by "Try again".
type Loader = fn() -> Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Loading,
    Failed,
    Loaded,
}

/// `draw()` now if the chunk `load` fetches is there, else "Loading…" until it is; if it cannot
/// be fetched (offline before the service worker has the files), says so with a "Try again".
/// The view is drawn under the reactive owner this is called under (the pages read their
/// context), never in the task that waits for the chunk.
pub fn when_loaded(load: Loader, draw: impl Fn() -> Option<AnyView> + Send + Sync + 'static) -> AnyView {
    let mut first = load();
    if matches!(now(first.as_mut()), Some(Ok(()))) {
        return draw().into_any();
    }
    let part = RwSignal::new(Part::Loading);
    // The same future goes on (a second one would start the fetch anew).
    wait(first, part);
    let retry = move |_| {
        part.set(Part::Loading);
        wait(load(), part);
    };
    let state = expect_context::<AppState>();
    (move || match part.get() {
        Part::Loaded => {
            let view = draw().into_any();
            // When a page that waited for its chunk is drawn (the start-up benchmark's deep link).
            crate::web::mark("data-chunk-drawn-ms", &format!("{:.1}", crate::web::now_ms()));
            view
        }
        Part::Loading => view! { <p class="part-loading" role="status">{state.text(Msg::PartLoading)}</p> }.into_any(),
        Part::Failed => view! {
            <p class="notice error" role="alert" data-testid="part-failed">
                {state.text(Msg::PartFailed)} " "
                <button type="button" class="btn" on:click=retry>{state.text(Msg::PartRetry)}</button>
            </p>
        }
        .into_any(),
    })
    .into_any()
}

fn wait(load: Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>, part: RwSignal<Part>) {
    leptos::task::spawn_local(async move {
        let loaded = load.await.is_ok();
        part.try_set(if loaded { Part::Loaded } else { Part::Failed });
    });
}
