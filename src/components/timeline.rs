//! The visual timeline (SVG): one lane per container (init, sidecar, app) with waiting /
//! running / terminated segments labelled by reason, restart markers, a row of probe ticks per
//! probe kind (● success, ✗ failure, ▲ unknown), a lane per Pod condition, a phase band, and
//! event markers (drawn by `timeline_lanes`). Here: the SVG at its box's width, first framing
//! the span where things happen; the playhead, which scrubs (press on the lanes, then drag
//! anywhere, with a mouse, pen or finger; or arrow keys); zoom (around the pointer for the
//! wheel, around the playhead for buttons and keys) and pan; hover details and the legend.
//! Shapes, patterns and labels carry the meaning, so it reads without colour.

use super::timeline_lanes::{layout, Geometry, TimelineLanes};
use super::timeline_legend::Legend;
use super::timeline_marks::TimelineMarks;
use super::timeline_overlay::{self, Overlay};
use crate::chart::Window;
use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Run};
use podsim::time::{clock, Millis, SECOND};
use podsim::why::{ChangeRef, Mark};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The width drawn before the timeline's box has been measured.
const FIRST_WIDTH: f64 = 640.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    pub run: Rc<Run>,
    pub until: Millis,
    /// The playhead.
    pub cursor: Millis,
    /// The document's key: another document frames its run afresh.
    pub doc: String,
    /// How many faults the run has: adding or removing one frames the run afresh.
    pub faults: usize,
    pub dispatch: Dispatch,
    /// What an open prediction lays over the run (`timeline_overlay`).
    #[prop_or_default]
    pub overlay: Option<Rc<Overlay>>,
    /// Draw the "why?" marks (focusable, they open the Why panel of the run on screen).
    #[prop_or_default]
    pub why: bool,
    /// The change the Why panel explains.
    #[prop_or_default]
    pub open: Option<ChangeRef>,
    /// The marks of the Why panel's step hovered or focused.
    #[prop_or_default]
    pub highlight: Rc<Vec<Mark>>,
    /// What the field under the editor's cursor caused.
    #[prop_or_default]
    pub caused: Rc<Vec<Mark>>,
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

/// Where the pointer of `e` is along the SVG (Yew delegates events to the page's root, so
/// the event's current target is not the SVG: its element is taken from the ref).
fn svg_x(svg: &NodeRef, e: &MouseEvent, width: f64) -> Option<f64> {
    let svg = svg.cast::<web_sys::Element>()?;
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

/// What the timeline shows and why: the visible span, whether it is still the automatic
/// first view (which then follows each new run) or the learner's, and what it was worked out
/// for.
struct View {
    window: Window,
    auto: bool,
    doc: String,
    until: Millis,
    faults: usize,
    run: Rc<Run>,
    cursor: Millis,
}

impl View {
    /// Bring the view up to date with `props`: another document, or a fault added or removed,
    /// frames the run afresh; so does a new run of the same document unless the learner chose
    /// the view; a playhead that moved out of view is followed.
    fn update(&mut self, props: &TimelineProps) -> Window {
        if self.doc != props.doc || self.until != props.until || self.faults != props.faults {
            // An open prediction's run shows its whole span: the part hidden until the
            // learner answers is where the answer is marked.
            let hiding = props
                .overlay
                .as_ref()
                .is_some_and(|o| o.hidden_after.is_some());
            *self = View {
                window: if hiding {
                    Window::all(props.until)
                } else {
                    Window::first_view(&props.run.lanes, props.until)
                },
                auto: true,
                doc: props.doc.clone(),
                until: props.until,
                faults: props.faults,
                run: props.run.clone(),
                cursor: props.cursor,
            };
        } else if !Rc::ptr_eq(&self.run, &props.run) {
            if self.auto {
                self.window = Window::first_view(&props.run.lanes, props.until);
            }
            self.run = props.run.clone();
        }
        if self.cursor != props.cursor {
            if !self.window.contains(props.cursor) {
                self.window = self.window.follow(props.cursor, props.until);
                self.auto = false;
            }
            self.cursor = props.cursor;
        }
        self.window
    }
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let until = props.until;
    let lanes = props.run.lanes.clone();
    let cursor = props.cursor;
    let redraw = use_force_update();
    // The visible span, worked out during the render (no second render per edit).
    let view = {
        let (doc, run, faults) = (props.doc.clone(), props.run.clone(), props.faults);
        use_mut_ref(move || View {
            window: Window::first_view(&run.lanes, until),
            auto: true,
            doc,
            until,
            faults,
            run,
            cursor,
        })
    };
    let w = view.borrow_mut().update(props);
    // A learner's zoom or pan: their view from now on.
    let set_window = {
        let view = view.clone();
        let redraw = redraw.clone();
        Rc::new(move |window: Window| {
            let mut v = view.borrow_mut();
            v.window = window;
            v.auto = false;
            drop(v);
            redraw.force_update();
        })
    };
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

    let height = layout(&lanes).height;
    let cursor_x = w.x(cursor, g.x0, g.x1);
    // Seek to where the pointer is along the lanes: left of them is the window's start, right
    // of them its end, so a drag that leaves the SVG keeps scrubbing to either end.
    let seek_to = {
        let dispatch = props.dispatch.clone();
        let svg = svg.clone();
        Rc::new(move |client_x: f64| {
            if let Some(vx) = svg
                .cast::<web_sys::Element>()
                .and_then(|svg| view_x(&svg, client_x, g.w))
            {
                dispatch.dispatch(Action::Seek(w.t(vx, g.x0, g.x1)));
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
        let svg = svg.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            show_detail(&e, &hover);
            let on_lanes = svg_x(&svg, &e, g.w).is_some_and(|vx| vx >= g.x0);
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
        let dispatch = props.dispatch.clone();
        let set_window = set_window.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = if e.shift_key() { 10 * SECOND } else { SECOND };
            match e.key().as_str() {
                "ArrowRight" => dispatch.dispatch(Action::Seek(cursor + step)),
                "ArrowLeft" => dispatch.dispatch(Action::Seek(cursor.saturating_sub(step))),
                "Home" => dispatch.dispatch(Action::Seek(0)),
                "End" => dispatch.dispatch(Action::Seek(until)),
                "+" | "=" => set_window(w.zoom_at(0.5, cursor, until)),
                "-" => set_window(w.zoom_at(2.0, cursor, until)),
                _ => return,
            }
            e.prevent_default();
        })
    };
    // Ctrl (or ⌘) + wheel zooms around the instant under the pointer; Shift + wheel pans.
    let onwheel = {
        let set_window = set_window.clone();
        let svg = svg.clone();
        Callback::from(move |e: WheelEvent| {
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                let f = if e.delta_y() < 0.0 { 0.8 } else { 1.25 };
                let at = svg_x(&svg, &e, g.w).map_or(cursor, |vx| w.t(vx, g.x0, g.x1));
                set_window(w.zoom(f, at, until));
            } else if e.shift_key() {
                e.prevent_default();
                set_window(w.pan(if e.delta_y() < 0.0 { -0.1 } else { 0.1 }, until));
            }
        })
    };
    let zoom = |f: f64| {
        let set_window = set_window.clone();
        Callback::from(move |_| set_window(w.zoom_at(f, cursor, until)))
    };
    let pan = |share: f64| {
        let set_window = set_window.clone();
        Callback::from(move |_| set_window(w.pan(share, until)))
    };
    let reset = {
        let set_window = set_window.clone();
        Callback::from(move |_| set_window(Window::all(until)))
    };
    let whole = w == Window::all(until);
    let beyond = (cursor > w.end).then(|| {
        let x = g.x1 + 4.0;
        html! {
            <g class="playhead-beyond" data-testid="playhead-beyond">
                <path d={format!("M{x:.1} 6L{:.1} 11L{x:.1} 16Z", x + 7.0)} />
                <title>{format!("{} {}", t(lang, "playhead.beyond"), clock(cursor))}</title>
            </g>
        }
    });
    html! {
        <div class="timeline" data-testid="timeline" ref={boxed}>
            <div class="timeline-tools" role="group" aria-label={t(lang, "timeline.view")}>
                <button type="button" onclick={pan(-0.5)} aria-label={t(lang, "pan.left")} data-testid="pan-left">{"←"}</button>
                <button type="button" onclick={zoom(0.5)} aria-label={t(lang, "zoom.in")} data-testid="zoom-in">{"+"}</button>
                <button type="button" onclick={zoom(2.0)} aria-label={t(lang, "zoom.out")} data-testid="zoom-out">{"−"}</button>
                <button type="button" onclick={pan(0.5)} aria-label={t(lang, "pan.right")} data-testid="pan-right">{"→"}</button>
                <button type="button" onclick={reset} disabled={whole} data-testid="zoom-reset">{t(lang, "zoom.reset")}</button>
                <span class="window-label" data-testid="window">{format!("{} – {} / {}", clock(w.start), clock(w.end), clock(until))}</span>
            </div>
            <svg class="chart" viewBox={format!("0 0 {} {height:.0}", g.w)} role={if props.why { "group" } else { "img" }} tabindex="0"
                 aria-label={format!("{} {} – {}; {} {}", t(lang, "timeline"), clock(w.start), clock(w.end), t(lang, "cursor"), clock(cursor))}
                 {onpointerdown} {onpointermove} {onkeydown} {onwheel} ref={svg} data-testid="timeline-svg">
                <TimelineLanes lanes={lanes.clone()} window={w} geometry={g} {lang} />
                if props.why {
                    <TimelineMarks run={props.run.clone()} window={w} geometry={g} {lang}
                                   open={props.open} highlight={props.highlight.clone()}
                                   caused={props.caused.clone()} dispatch={props.dispatch.clone()} />
                }
                { for props.overlay.as_ref().map(|o| timeline_overlay::draw(o, w, g, height)) }
                if w.contains(cursor) {
                    <line class="cursor" x1={format!("{cursor_x:.1}")} x2={format!("{cursor_x:.1}")} y1="0" y2={format!("{height:.0}")} />
                }
                { for beyond }
            </svg>
            <p class="hover-detail" aria-live="polite" data-testid="hover-detail">{(*hover).clone()}</p>
            <Legend {lang} />
        </div>
    }
}
