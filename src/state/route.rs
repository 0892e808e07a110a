//! Where the learner is: the pages (the lesson list, a lesson, the sandbox), which copy of a
//! page's document is open (the learner's own, or one opened from a share link), and the URL
//! fragment of each (`#/lessons`, `#/lesson/ID`, `#/lesson/ID/shared`, `#/sandbox`,
//! `#/sandbox/shared`; a share link is `#/share/PAYLOAD`).

use crate::catalog;

/// Which copy of a page's document is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The learner's own text.
    Own,
    /// A copy opened from a share link (the learner's own text is kept beside it).
    Shared,
}

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Page {
    /// The lesson list.
    Home,
    Lesson(String, Origin),
    Sandbox(Origin),
}

/// What a URL fragment asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Page(Page),
    /// `#/share/PAYLOAD`: a share link to open.
    Share(String),
    /// No route, or one podlab does not know: where a visit starts.
    Start,
}

impl Page {
    pub fn lesson(id: &str) -> Page {
        Page::Lesson(id.to_string(), Origin::Own)
    }

    /// Where a first visit starts: the first lesson (the sandbox when there is none).
    pub fn start() -> Page {
        match catalog::lessons().first() {
            Some(l) => Page::lesson(l.id),
            None => Page::Sandbox(Origin::Own),
        }
    }

    /// The key of the document this page edits (None: the lesson list edits none).
    pub fn doc_key(&self) -> Option<String> {
        let (place, copy) = match self {
            Page::Home => return None,
            Page::Lesson(id, copy) => (format!("lesson:{id}"), copy),
            Page::Sandbox(copy) => ("sandbox".to_string(), copy),
        };
        Some(match copy {
            Origin::Own => place,
            Origin::Shared => format!("shared:{place}"),
        })
    }

    pub fn copy(&self) -> Origin {
        match self {
            Page::Home => Origin::Own,
            Page::Lesson(_, c) | Page::Sandbox(c) => *c,
        }
    }

    /// The same page with the other copy of its document.
    pub fn with_copy(&self, copy: Origin) -> Page {
        match self {
            Page::Home => Page::Home,
            Page::Lesson(id, _) => Page::Lesson(id.clone(), copy),
            Page::Sandbox(_) => Page::Sandbox(copy),
        }
    }

    pub fn lesson_id(&self) -> Option<&str> {
        match self {
            Page::Lesson(id, _) => Some(id),
            _ => None,
        }
    }

    /// The URL fragment of the page.
    pub fn route(&self) -> String {
        let shared = match self.copy() {
            Origin::Own => "",
            Origin::Shared => "/shared",
        };
        match self {
            Page::Home => "#/lessons".into(),
            Page::Lesson(id, _) => format!("#/lesson/{id}{shared}"),
            Page::Sandbox(_) => format!("#/sandbox{shared}"),
        }
    }
}

impl Route {
    /// Parse a URL fragment. A lesson that does not exist is the start.
    pub fn parse(hash: &str) -> Route {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        if let Some(payload) = h.strip_prefix("share/") {
            return Route::Share(payload.to_string());
        }
        let (h, copy) = match h.strip_suffix("/shared") {
            Some(rest) => (rest, Origin::Shared),
            None => (h.trim_end_matches('/'), Origin::Own),
        };
        if let Some(id) = h.strip_prefix("lesson/") {
            if catalog::entry(id).is_some() {
                return Route::Page(Page::Lesson(id.to_string(), copy));
            }
            return Route::Start;
        }
        match h {
            "lessons" if copy == Origin::Own => Route::Page(Page::Home),
            "sandbox" => Route::Page(Page::Sandbox(copy)),
            _ => Route::Start,
        }
    }

    /// The page a fragment shows (a share link's page is decided when it is opened).
    pub fn page(&self) -> Page {
        match self {
            Route::Page(p) => p.clone(),
            Route::Share(_) | Route::Start => Page::start(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        let first = catalog::lessons()[0].id;
        for page in [
            Page::Home,
            Page::lesson(first),
            Page::Lesson(first.to_string(), Origin::Shared),
            Page::Sandbox(Origin::Own),
            Page::Sandbox(Origin::Shared),
        ] {
            assert_eq!(Route::parse(&page.route()), Route::Page(page.clone()));
        }
    }

    #[test]
    fn old_and_odd_fragments() {
        let first = catalog::lessons()[0].id;
        // The first version's deep links.
        assert_eq!(
            Route::parse(&format!("#/lesson/{first}")),
            Route::Page(Page::lesson(first))
        );
        assert_eq!(
            Route::parse("#/sandbox"),
            Route::Page(Page::Sandbox(Origin::Own))
        );
        assert_eq!(Route::parse("#/lessons"), Route::Page(Page::Home));
        assert_eq!(Route::parse("#/share/abc"), Route::Share("abc".into()));
        for odd in [
            "",
            "#",
            "#/",
            "#/nope",
            "#/lesson/does-not-exist",
            "#/lessons/shared",
        ] {
            assert_eq!(Route::parse(odd), Route::Start, "{odd}");
        }
        assert_eq!(Route::Start.page(), Page::start());
        assert_eq!(Page::start(), Page::lesson(first));
    }

    #[test]
    fn each_page_and_copy_has_its_own_document() {
        let keys: Vec<_> = [
            Page::lesson("a"),
            Page::Lesson("a".into(), Origin::Shared),
            Page::lesson("b"),
            Page::Sandbox(Origin::Own),
            Page::Sandbox(Origin::Shared),
        ]
        .iter()
        .map(|p| p.doc_key().unwrap())
        .collect();
        assert_eq!(
            keys,
            [
                "lesson:a",
                "shared:lesson:a",
                "lesson:b",
                "sandbox",
                "shared:sandbox"
            ]
        );
        assert_eq!(Page::Home.doc_key(), None);
    }
}
