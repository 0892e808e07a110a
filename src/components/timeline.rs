//! The visual timeline (SVG): one lane per container (init, sidecar, app) with waiting /
//! running / terminated segments labelled by reason, restart markers, a row of probe ticks per
//! probe kind (● success, ✗ failure, ▲ unknown), lanes for PodScheduled, Initialized,
//! ContainersReady and Ready, a phase band, and event markers (drawn by `timeline_lanes`).
//! Here: the SVG at its box's width, the cursor, which scrubs (press on the lanes, then drag
//! anywhere, with a mouse, pen or finger; or arrow keys),
//! zoom and pan with buttons, the wheel or +/−, hover details and the legend. Shapes,
//! patterns and labels carry the meaning, so it reads without colour.

use super::app::Store;
use super::timeline_lanes::{layout, Geometry, TimelineLanes};
use crate::chart::Window;
use crate::i18n::t;
use crate::state::Action;
use podsim::time::{clock, SECOND};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The width drawn before the timeline's box has been measured.
const FIRST_WIDTH: f64 = 640.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub store: Store,
}

/// A resize observer and the callback it calls, which must live as long as it.
type WidthWatch = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Call `on_width` with the element's content width now and whenever it changes.
fn watch_width(el: &web_sys::Element, on_width: impl Fn(f64) + 'static) -> Option<WidthWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let px = entry.content_rect().width();
            if px > 0.0 {
                on_width(px);
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some((observer, callback))
}

/// Show the detail (the SVG `<title>`) of the shape under the pointer, or of its group.
fn show_detail(e: &MouseEvent, hover: &UseStateHandle<String>) {
    let Some(target) = e
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    else {
        return;
    };
    let title_of = |el: &web_sys::Element| {
        el.query_selector("title")
            .ok()
            .flatten()
            .and_then(|t| t.text_content())
    };
    if let Some(text) =
        title_of(&target).or_else(|| target.parent_element().and_then(|p| title_of(&p)))
    {
        hover.set(text);
    }
}

/// Seeks the cursor to a pointer's `clientX`.
type SeekTo = Rc<dyn Fn(f64)>;

/// Where a pointer at `client_x` is along the SVG, in its viewBox units (`width` wide).
fn view_x(svg: &web_sys::Element, client_x: f64, width: f64) -> Option<f64> {
    let rect = svg.get_bounding_client_rect();
    (rect.width() > 0.0).then(|| (client_x - rect.left()) / rect.width() * width)
}

/// Where the event is along the SVG it was delivered to.
fn svg_x(e: &MouseEvent, width: f64) -> Option<f64> {
    let svg = e.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    view_x(&svg, e.client_x() as f64, width)
}

/// The window's pointer listeners for a drag begun on the lanes: moves seek while a button
/// or finger is down; lifting it (or the browser cancelling the pointer) ends the drag.
/// Dropping the returned value removes them.
struct DragListeners {
    moved: Closure<dyn FnMut(web_sys::PointerEvent)>,
    ended: Closure<dyn FnMut(web_sys::PointerEvent)>,
}

impl Drop for DragListeners {
    fn drop(&mut self) {
        if let Some(win) = web_sys::window() {
            let _ = win.remove_event_listener_with_callback(
                "pointermove",
                self.moved.as_ref().unchecked_ref(),
            );
            for name in ["pointerup", "pointercancel"] {
                let _ = win
                    .remove_event_listener_with_callback(name, self.ended.as_ref().unchecked_ref());
            }
        }
    }
}

fn watch_drag(dragging: Rc<RefCell<Option<SeekTo>>>) -> Option<DragListeners> {
    let win = web_sys::window()?;
    let moved = {
        let dragging = dragging.clone();
        Closure::<dyn FnMut(web_sys::PointerEvent)>::new(move |e: web_sys::PointerEvent| {
            let seek = dragging.borrow().clone();
            match seek {
                Some(_) if e.buttons() == 0 => *dragging.borrow_mut() = None,
                Some(seek) => seek(e.client_x() as f64),
                None => {}
            }
        })
    };
    let ended = Closure::<dyn FnMut(web_sys::PointerEvent)>::new(move |_| {
        *dragging.borrow_mut() = None;
    });
    let _ = win.add_event_listener_with_callback("pointermove", moved.as_ref().unchecked_ref());
    for name in ["pointerup", "pointercancel"] {
        let _ = win.add_event_listener_with_callback(name, ended.as_ref().unchecked_ref());
    }
    Some(DragListeners { moved, ended })
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let until = store.computed.until;
    let window = use_state(|| Window::all(until));
    // A new document or a longer lesson: show everything again.
    {
        let window = window.clone();
        use_effect_with((store.computed.key.clone(), until), move |(_, until)| {
            window.set(Window::all(*until));
        });
    }
    let hover = use_state(String::new);
    let svg = use_node_ref();
    let dragging: Rc<RefCell<Option<SeekTo>>> = use_mut_ref(|| None);
    {
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let listeners = watch_drag(dragging);
            move || drop(listeners)
        });
    }
    let boxed = use_node_ref();
    let width = use_state_eq(|| FIRST_WIDTH);
    {
        let boxed = boxed.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            let observer = boxed
                .cast::<web_sys::Element>()
                .and_then(|el| watch_width(&el, move |px| width.set(px.round())));
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    let g = Geometry::for_width(*width);
    let Some(lanes) = store.computed.lanes.clone() else {
        return html! {};
    };
    let w = *window;
    let cursor = store.cursor();

    let height = layout(&lanes).height;
    let cursor_x = w.x(cursor, g.x0, g.x1);
    // Seek to where the pointer is along the lanes: left of them is the window's start, right
    // of them its end, so a drag that leaves the SVG keeps scrubbing to either end.
    let seek_to = {
        let store = store.clone();
        let svg = svg.clone();
        Rc::new(move |client_x: f64| {
            if let Some(vx) = svg
                .cast::<web_sys::Element>()
                .and_then(|svg| view_x(&svg, client_x, g.w))
            {
                store.dispatch(Action::Seek(w.t(vx, g.x0, g.x1)));
            }
        })
    };
    // Pointer events serve mouse, pen and touch alike: pressing on the lanes seeks (and shows
    // the detail of what is under the finger, as hovering does for a mouse); dragging, from
    // there, scrubs until the button or finger is lifted, wherever the pointer goes (the
    // window's listeners, see `watch_drag`).
    let onpointerdown = {
        let hover = hover.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            show_detail(&e, &hover);
            let on_lanes = svg_x(&e, g.w).is_some_and(|vx| vx >= g.x0);
            if on_lanes {
                seek_to(e.client_x() as f64);
                *dragging.borrow_mut() = Some(seek_to.clone());
            }
        })
    };
    let onpointermove = {
        let hover = hover.clone();
        Callback::from(move |e: PointerEvent| {
            if e.buttons() == 0 {
                show_detail(&e, &hover);
            }
        })
    };
    let onkeydown = {
        let store = store.clone();
        let window = window.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = if e.shift_key() { 10 * SECOND } else { SECOND };
            let now = store.cursor();
            match e.key().as_str() {
                "ArrowRight" => store.dispatch(Action::Seek(now + step)),
                "ArrowLeft" => store.dispatch(Action::Seek(now.saturating_sub(step))),
                "Home" => store.dispatch(Action::Seek(0)),
                "End" => store.dispatch(Action::Seek(until)),
                "+" | "=" => window.set(window.zoom(0.5, now, until)),
                "-" => window.set(window.zoom(2.0, now, until)),
                _ => return,
            }
            e.prevent_default();
        })
    };
    let onwheel = {
        let window = window.clone();
        let store = store.clone();
        Callback::from(move |e: WheelEvent| {
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                let f = if e.delta_y() < 0.0 { 0.8 } else { 1.25 };
                window.set(window.zoom(f, store.cursor(), until));
            } else if e.shift_key() {
                e.prevent_default();
                window.set(window.pan(if e.delta_y() < 0.0 { -0.1 } else { 0.1 }, until));
            }
        })
    };
    let zoom = |f: f64| {
        let window = window.clone();
        let store = store.clone();
        Callback::from(move |_| window.set(window.zoom(f, store.cursor(), until)))
    };
    let pan = |share: f64| {
        let window = window.clone();
        Callback::from(move |_| window.set(window.pan(share, until)))
    };
    let reset = {
        let window = window.clone();
        Callback::from(move |_| window.set(Window::all(until)))
    };
    html! {
        <div class="timeline" data-testid="timeline" ref={boxed}>
            <div class="timeline-tools" role="group" aria-label={t(lang, "timeline")}>
                <button type="button" onclick={pan(-0.5)} aria-label={t(lang, "pan.left")}>{"←"}</button>
                <button type="button" onclick={zoom(0.5)} aria-label={t(lang, "zoom.in")} data-testid="zoom-in">{"+"}</button>
                <button type="button" onclick={zoom(2.0)} aria-label={t(lang, "zoom.out")} data-testid="zoom-out">{"−"}</button>
                <button type="button" onclick={reset} aria-label={t(lang, "zoom.reset")}>{"↺"}</button>
                <button type="button" onclick={pan(0.5)} aria-label={t(lang, "pan.right")}>{"→"}</button>
                <span class="window-label" data-testid="window">{format!("{} – {}", clock(w.start), clock(w.end))}</span>
            </div>
            <svg viewBox={format!("0 0 {} {height:.0}", g.w)} role="img" tabindex="0"
                 aria-label={format!("{} {} – {}; {} {}", t(lang, "timeline"), clock(w.start), clock(w.end), t(lang, "cursor"), clock(cursor))}
                 {onpointerdown} {onpointermove} {onkeydown} {onwheel} ref={svg} data-testid="timeline-svg">
                <defs>
                    <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                    </pattern>
                    <pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse">
                        <circle cx="2.5" cy="2.5" r="1" class="dot-fill" />
                    </pattern>
                </defs>
                <TimelineLanes lanes={lanes.clone()} window={w} geometry={g} {lang} />
                <line class="cursor" x1={format!("{cursor_x:.1}")} x2={format!("{cursor_x:.1}")} y1="0" y2={format!("{height:.0}")} />
            </svg>
            <p class="hover-detail" aria-live="polite" data-testid="hover-detail">{(*hover).clone()}</p>
            <details class="legend">
                <summary>{t(lang, "legend")}</summary>
                <ul>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-ready" width="28" height="12" /></svg>{" "}{t(lang, "legend.ready")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-running" width="28" height="12" /></svg>{" "}{t(lang, "legend.running")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-pending" width="28" height="12" /></svg>{" "}{t(lang, "legend.pending")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-blocked" width="28" height="12" /></svg>{" "}{t(lang, "legend.blocked")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-completed" width="28" height="12" /></svg>{" "}{t(lang, "legend.completed")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-failed" width="28" height="12" /></svg>{" "}{t(lang, "legend.failed")}</li>
                    <li>{t(lang, "legend.marks")}</li>
                </ul>
            </details>
        </div>
    }
}
