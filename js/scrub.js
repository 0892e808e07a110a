// Numbers you can drag: every number of the manifest that changes the run is underlined in the
// editor and can be scrubbed in place — dragged sideways with a mouse or a finger, or stepped
// with Alt+ArrowUp / Alt+ArrowDown when the cursor is on it (Shift: bigger steps). Which numbers,
// and their ranges, come from the engine (podsim's schema::drag, through `draggables(text)`,
// JSON); nothing about Kubernetes is decided here. The text is rewritten as the number moves
// (the app re-simulates once per frame), and one drag is one undo step: at its end the editor
// goes back to the state the drag started from and records the whole change once.

import { EditorView, Decoration, keymap } from "@codemirror/view";
import { StateField, Prec, Transaction } from "@codemirror/state";
import { isolateHistory } from "@codemirror/commands";

// Pixels of sideways movement per step, and before a press counts as a drag.
const PX_PER_STEP = 8;
const DEAD_ZONE = 4;

function readList(json, len) {
  let list;
  try {
    list = JSON.parse(typeof json === "string" && json !== "" ? json : "[]");
  } catch (_e) {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const int = (n) => (Number.isFinite(n) ? Math.trunc(n) : null);
  const out = [];
  for (const d of list) {
    const [from, to, value, min, max, step, big] = [d.from, d.to, d.value, d.min, d.max, d.step, d.big].map(int);
    if ([from, to, value, min, max, step, big].includes(null)) continue;
    if (from < 0 || to <= from || to > len || min > max || step <= 0 || big <= 0) continue;
    if (out.length && out[out.length - 1].to > from) continue;
    out.push({
      from,
      to,
      value,
      min,
      max,
      step,
      big,
      suffix: typeof d.suffix === "string" ? d.suffix : "",
      name: String(d.name || ""),
    });
  }
  return out;
}

const clampTo = (d, v) => Math.max(d.min, Math.min(d.max, v));

// The scrubbing extension; `source(text)` answers the draggable numbers of `text` as JSON.
export function scrubbing(source) {
  const numbers = StateField.define({
    create: (state) => readList(source(state.doc.toString()), state.doc.length),
    update: (list, tr) => (tr.docChanged ? readList(source(tr.state.doc.toString()), tr.state.doc.length) : list),
    provide: (field) =>
      EditorView.decorations.from(field, (list) =>
        Decoration.set(
          list.map((d) =>
            Decoration.mark({
              class: "cm-podlab-scrub",
              attributes: { "data-scrub": d.name, title: `${d.name}: ${d.min}–${d.max}${d.suffix}` },
            }).range(d.from, d.to),
          ),
        ),
      ),
  });

  const at = (state, pos) => state.field(numbers, false)?.find((d) => d.from <= pos && pos <= d.to) || null;

  // Write value `v` over the number `d` whose text now ends at `to`.
  const write = (view, d, to, v, record) => {
    const insert = `${v}${d.suffix}`;
    view.dispatch({
      changes: { from: d.from, to, insert },
      annotations: record ? [isolateHistory.of("full")] : [Transaction.addToHistory.of(false)],
      userEvent: "input.drag",
    });
    return d.from + insert.length;
  };

  // A press on a number: a drag if it moves sideways, else a click that places the cursor.
  let drag = null;
  const end = (view, commit) => {
    const s = drag;
    drag = null;
    if (!s) return;
    view.dom.classList.remove("cm-podlab-scrubbing");
    if (!s.moved) {
      if (commit) {
        const pos = view.posAtCoords({ x: s.x0, y: s.y0 }) ?? s.d.from;
        view.dispatch({ selection: { anchor: pos } });
        view.focus();
      }
      return;
    }
    if (s.value === s.d.value && s.to === s.d.to) return;
    // Back to the state the drag started from (the moves never reach the history: history
    // entries mapped through them would be damaged), then the whole drag as one step.
    view.setState(s.start);
    if (commit && s.value !== s.d.value) {
      write(view, s.d, s.d.to, s.value, true);
      view.focus();
    } else {
      // The text is the same as before the drag: the app re-reads it all the same.
      view.dispatch({ changes: { from: s.d.from, to: s.d.to, insert: view.state.sliceDoc(s.d.from, s.d.to) }, annotations: Transaction.addToHistory.of(false) });
    }
  };
  const move = (view, event) => {
    const s = drag;
    if (!s || event.pointerId !== s.id) return;
    const dx = event.clientX - s.x0;
    if (!s.moved && Math.abs(dx) < DEAD_ZONE) return;
    if (!s.moved) {
      s.moved = true;
      view.dom.classList.add("cm-podlab-scrubbing");
    }
    const steps = Math.trunc(dx / PX_PER_STEP);
    const v = clampTo(s.d, s.d.value + steps * (event.shiftKey ? s.d.big : s.d.step));
    if (v === s.value) return;
    s.value = v;
    s.to = write(view, s.d, s.to, v, false);
    event.preventDefault();
  };

  const handlers = EditorView.domEventHandlers({
    pointerdown(event, view) {
      if (event.button !== 0 || drag) return false;
      const el = event.target instanceof Element ? event.target.closest(".cm-podlab-scrub") : null;
      if (!el) return false;
      const d = at(view.state, view.posAtDOM(el));
      if (!d) return false;
      drag = { start: view.state, id: event.pointerId, x0: event.clientX, y0: event.clientY, d, value: d.value, to: d.to, moved: false };
      try {
        view.contentDOM.setPointerCapture(event.pointerId);
      } catch (_e) {
        // A synthetic event without an active pointer: the document listeners below do.
      }
      return false;
    },
    pointermove(event, view) {
      move(view, event);
      return drag !== null && drag.moved;
    },
    pointerup(event, view) {
      if (!drag || event.pointerId !== drag.id) return false;
      end(view, true);
      return false;
    },
    pointercancel(event, view) {
      if (drag && event.pointerId === drag.id) end(view, false);
      return false;
    },
    // CodeMirror's own selection by mouse would start on a press: the press is ours.
    mousedown(event) {
      if (event.button !== 0) return false;
      const el = event.target instanceof Element ? event.target.closest(".cm-podlab-scrub") : null;
      if (!el) return false;
      event.preventDefault();
      return true;
    },
  });

  // Alt+ArrowUp / Alt+ArrowDown on a number (Shift: a big step): one undo step per press.
  const stepKey = (sign, big) => (view) => {
    const sel = view.state.selection.main;
    const d = at(view.state, sel.head);
    if (!d || !at(view.state, sel.anchor)) return false;
    const v = clampTo(d, d.value + sign * (big ? d.big : d.step));
    if (v !== d.value) {
      const to = write(view, d, d.to, v, true);
      view.dispatch({ selection: { anchor: Math.min(sel.head, to) } });
    }
    return true;
  };
  const keys = keymap.of([
    { key: "Alt-ArrowUp", run: stepKey(1, false) },
    { key: "Alt-ArrowDown", run: stepKey(-1, false) },
    { key: "Shift-Alt-ArrowUp", run: stepKey(1, true) },
    { key: "Shift-Alt-ArrowDown", run: stepKey(-1, true) },
  ]);

  const theme = EditorView.baseTheme({
    // touch-action applies to boxes, not to inline spans: inline-block, so that a finger on a
    // number drags it and a finger anywhere else scrolls the editor as usual.
    ".cm-podlab-scrub": {
      display: "inline-block",
      touchAction: "none",
      cursor: "ew-resize",
      textDecoration: "underline dotted",
      textUnderlineOffset: "3px",
    },
    "&.cm-podlab-scrubbing, &.cm-podlab-scrubbing *": { cursor: "ew-resize", userSelect: "none" },
    ".cm-podlab-scrub:hover, &.cm-podlab-scrubbing .cm-podlab-scrub": { backgroundColor: "rgba(37, 99, 235, 0.15)" },
  });

  return [numbers, Prec.highest(handlers), Prec.high(keys), theme];
}
