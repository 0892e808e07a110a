//! Navigation like a website's, over URL fragments: following a link inside podlab adds a
//! history entry and shows the new page from its top; Back and Forward (and a fragment typed
//! in the address bar) show the page they lead to; corrections (a visit's start, a share link
//! turned into its copy's page) replace the entry instead of adding one.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::share;
use crate::state::{Action, Dispatch, Page, Route};

thread_local! {
    /// The fragment last acted on or written: Back/Forward fire `popstate`, a fragment typed
    /// in the address bar fires `popstate` and `hashchange`, and one change is acted on once.
    static SEEN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The location's fragment (`#/…`).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

fn seen(route: &str) {
    SEEN.with(|s| *s.borrow_mut() = route.to_string());
}

/// Make the current history entry's fragment `route` (no new entry).
pub fn replace_route(route: &str) {
    seen(route);
    if location_hash() != route {
        if let Some(h) = history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(route));
        }
    }
}

/// Show `page` as a followed link does: a new history entry, the page from its top.
pub fn follow(dispatch: &Dispatch, page: Page) {
    let route = page.route();
    seen(&route);
    if location_hash() != route {
        if let Some(h) = history() {
            let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&route));
        }
    }
    dispatch.dispatch(Action::Navigate(page));
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    // Once the page is drawn: if the link that was followed has gone with the old page, the
    // new page's heading takes the focus (a keyboard or screen reader goes on from there).
    gloo_timers::callback::Timeout::new(0, focus_new_page).forget();
}

fn focus_new_page() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = doc
        .active_element()
        .is_none_or(|el| doc.body().is_some_and(|b| *b == el));
    if !lost {
        return;
    }
    let target = doc
        .query_selector("#lesson-title, main#main")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        let _ = el.focus();
    }
}

/// What a fragment asks the app to do.
pub fn action_for(hash: &str) -> Action {
    match Route::parse(hash) {
        Route::Share(payload) => match share::decode(&payload) {
            Ok(link) => Action::OpenLink(link),
            Err(share::ShareError::Newer) => Action::Notice("share.newer"),
            Err(_) => Action::Notice("share.bad"),
        },
        route => Action::Navigate(route.page()),
    }
}

type Handler = Rc<Closure<dyn FnMut(web_sys::Event)>>;

/// Event listeners, removed when dropped.
pub struct Listeners(Vec<(web_sys::EventTarget, &'static str, Handler)>);

impl Listeners {
    fn listen(&mut self, target: web_sys::EventTarget, name: &'static str, handler: &Handler) {
        let _ = target
            .add_event_listener_with_callback(name, handler.as_ref().as_ref().unchecked_ref());
        self.0.push((target, name, handler.clone()));
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for (target, name, handler) in &self.0 {
            let _ = target.remove_event_listener_with_callback(
                name,
                handler.as_ref().as_ref().unchecked_ref(),
            );
        }
    }
}

/// A plain click on an in-app link (`<a href="#/…">`, lesson texts' links included): the
/// page it leads to.
fn followed_page(e: &web_sys::Event) -> Option<Page> {
    let click = e.dyn_ref::<web_sys::MouseEvent>()?;
    if e.default_prevented()
        || click.button() != 0
        || click.ctrl_key()
        || click.meta_key()
        || click.shift_key()
        || click.alt_key()
    {
        return None;
    }
    let anchor = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href^='#/']")
        .ok()??;
    if anchor.get_attribute("target").is_some() || anchor.get_attribute("download").is_some() {
        return None;
    }
    match Route::parse(&anchor.get_attribute("href")?) {
        Route::Page(page) => Some(page),
        _ => None,
    }
}

/// Follow in-app links with history entries, and show what Back, Forward or a typed fragment
/// leads to.
pub fn watch(dispatch: Dispatch) -> Option<Listeners> {
    let window = web_sys::window()?;
    let document = window.document()?;
    seen(&location_hash());
    let on_history: Handler = {
        let dispatch = dispatch.clone();
        Rc::new(Closure::new(move |_: web_sys::Event| {
            let hash = location_hash();
            // `#main` (the skip link) and the like are places in the page, not pages.
            let a_page = hash.is_empty() || hash == "#" || hash.starts_with("#/");
            if !a_page || SEEN.with(|s| *s.borrow() == hash) {
                return;
            }
            seen(&hash);
            dispatch.dispatch(action_for(&hash));
        }))
    };
    let on_click: Handler = Rc::new(Closure::new(move |e: web_sys::Event| {
        if let Some(page) = followed_page(&e) {
            e.prevent_default();
            follow(&dispatch, page);
        }
    }));
    let mut listeners = Listeners(Vec::new());
    let win: web_sys::EventTarget = window.into();
    listeners.listen(win.clone(), "popstate", &on_history);
    listeners.listen(win, "hashchange", &on_history);
    listeners.listen(document.into(), "click", &on_click);
    Some(listeners)
}
