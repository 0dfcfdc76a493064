//! The pages and their paths under the base path (e.g. `/cs-planner/book`).
//!
//! Path routing, not hash routing: every page has a real URL that reads well when shared.
//! Static hosting answers a reload on a deep link because the build writes a copy of
//! index.html at each page's path (and 404.html for anything else); see scripts/post_build.py.

use crate::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Book,
    Segments,
    Lifecycle,
    Renewals,
    Revenue,
    Capacity,
    Team,
    Board,
    Settings,
    NotFound,
}

impl Route {
    /// The pages in navigation order.
    pub const NAV: [Route; 9] = [
        Route::Book,
        Route::Segments,
        Route::Lifecycle,
        Route::Renewals,
        Route::Revenue,
        Route::Capacity,
        Route::Team,
        Route::Board,
        Route::Settings,
    ];

    /// The path segment after the base path.
    pub fn slug(self) -> &'static str {
        match self {
            Route::Book => "book",
            Route::Segments => "segments",
            Route::Lifecycle => "lifecycle",
            Route::Renewals => "renewals",
            Route::Revenue => "revenue",
            Route::Capacity => "capacity",
            Route::Team => "team",
            Route::Board => "board",
            Route::Settings => "settings",
            Route::NotFound => "404",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Route::Book => Msg::NavBook,
            Route::Segments => Msg::NavSegments,
            Route::Lifecycle => Msg::NavLifecycle,
            Route::Renewals => Msg::NavRenewals,
            Route::Revenue => Msg::NavRevenue,
            Route::Capacity => Msg::NavCapacity,
            Route::Team => Msg::NavTeam,
            Route::Board => Msg::NavBoard,
            Route::Settings => Msg::NavSettings,
            Route::NotFound => Msg::NotFoundTitle,
        }
    }

    /// The page at `path` (the URL's path, without query) under `base` ("/cs-planner/").
    /// The base itself is the Book page.
    pub fn from_path(base: &str, path: &str) -> Route {
        let base = base.trim_end_matches('/');
        let Some(rest) = path.strip_prefix(base) else { return Route::NotFound };
        let rest = rest.trim_matches('/');
        let rest = rest.strip_suffix("index.html").unwrap_or(rest).trim_end_matches('/');
        if rest.is_empty() {
            return Route::Book;
        }
        Route::NAV.into_iter().find(|r| r.slug() == rest).unwrap_or(Route::NotFound)
    }

    /// The path of this page under `base`, e.g. `/cs-planner/segments`.
    pub fn path(self, base: &str) -> String {
        format!("{}/{}", base.trim_end_matches('/'), self.slug())
    }
}

/// The base path from the document's base URI: `http://host/cs-planner/x` → `/cs-planner/`.
pub fn base_path_of(base_uri: &str) -> String {
    let after_scheme = base_uri.split_once("://").map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    match path.rfind('/') {
        Some(i) => path[..=i].to_string(),
        None => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_pages() {
        let base = "/cs-planner/";
        assert_eq!(Route::from_path(base, "/cs-planner/"), Route::Book);
        assert_eq!(Route::from_path(base, "/cs-planner"), Route::Book);
        assert_eq!(Route::from_path(base, "/cs-planner/index.html"), Route::Book);
        assert_eq!(Route::from_path(base, "/cs-planner/segments"), Route::Segments);
        assert_eq!(Route::from_path(base, "/cs-planner/segments/"), Route::Segments);
        assert_eq!(Route::from_path(base, "/cs-planner/board/index.html"), Route::Board);
        assert_eq!(Route::from_path(base, "/cs-planner/nope"), Route::NotFound);
        assert_eq!(Route::from_path(base, "/elsewhere/book"), Route::NotFound);
        assert_eq!(Route::from_path("/", "/team"), Route::Team);
    }

    #[test]
    fn every_page_round_trips_through_its_path() {
        for base in ["/cs-planner/", "/", "/a/b/"] {
            for r in Route::NAV {
                assert_eq!(Route::from_path(base, &r.path(base)), r, "{base} {r:?}");
            }
        }
        assert_eq!(Route::Capacity.path("/cs-planner/"), "/cs-planner/capacity");
    }

    #[test]
    fn base_path_from_base_uri() {
        assert_eq!(base_path_of("http://127.0.0.1:8080/cs-planner/"), "/cs-planner/");
        assert_eq!(base_path_of("https://x.github.io/cs-planner/book?asof=2025-01-01"), "/cs-planner/");
        assert_eq!(base_path_of("https://example.com/"), "/");
        assert_eq!(base_path_of("https://example.com"), "/");
    }
}
