//! Taking over a static page (see `prerender`): the page's static copy of the app sits in
//! `<div id="podlab-static" data-route="#/lesson/ID" data-lang="ko">`. The app starts on that
//! page in that language (unless the address names another page) and mounts in place of the
//! copy: Yew empties the element and renders into it in the same task, so the browser never
//! paints an empty page or both at once. The `/embed/` page has `#podlab-embed` instead, where
//! the embeddable widget mounts.

use crate::i18n::Lang;

/// The id of the element holding a static page's copy of the app.
pub const STATIC_ROOT_ID: &str = "podlab-static";

/// A static page the app is taking over.
pub struct StaticRoot {
    pub element: web_sys::Element,
    /// The page it shows, as a URL fragment (`#/lesson/ID`, `#/lessons`).
    pub route: String,
    pub lang: Lang,
}

/// The static copy of the app on this page, if the page is a static one.
pub fn find() -> Option<StaticRoot> {
    let element = web_sys::window()?
        .document()?
        .get_element_by_id(STATIC_ROOT_ID)?;
    let route = element.get_attribute("data-route").unwrap_or_default();
    let lang = match element.get_attribute("data-lang").as_deref() {
        Some("ko") => Lang::Ko,
        _ => Lang::En,
    };
    Some(StaticRoot {
        element,
        route,
        lang,
    })
}

/// The id of the element the embeddable widget mounts in (the `/embed/` page).
pub const EMBED_ROOT_ID: &str = "podlab-embed";

/// The element of the `/embed/` page the widget mounts in, if this is that page.
pub fn embed_root() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(EMBED_ROOT_ID)
}

/// The browser's language, English unless it is Korean.
pub fn browser_lang() -> Lang {
    let lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if lang.starts_with("ko") {
        Lang::Ko
    } else {
        Lang::En
    }
}
