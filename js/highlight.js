// The "why?" panel's field highlighting in the editor: the YAML fields a step read (spans
// from the engine, UTF-16 offsets) are marked while the step is hovered or focused; and the
// cursor's position is reported (once per animation frame at most) so that the timeline can
// mark what the field under it caused. Bundled into build/editor.js by js/editor.js.

import { StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView } from "@codemirror/view";

const setFields = StateEffect.define();
const fieldMark = Decoration.mark({ class: "cm-why-field", attributes: { "data-why-field": "" } });

// The marked ranges, moved along with edits until the app sends the next set.
export const whyFields = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setFields)) value = e.value;
    return value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Mark `ranges` ([[from, to], …], UTF-16 offsets) in `view`, the first one scrolled into view
// when asked; an empty list clears the marks.
export function markFields(view, ranges, scroll) {
  const len = view.state.doc.length;
  const clean = (Array.isArray(ranges) ? ranges : [])
    .map((r) => [Math.max(0, Math.min(len, Number(r[0]) || 0)), Math.max(0, Math.min(len, Number(r[1]) || 0))])
    .filter(([from, to]) => to > from)
    // A scalar's value alone is a few characters: mark its key too (`periodSeconds: 5`).
    .map(([from, to]) => {
      const line = view.state.doc.lineAt(from);
      const lead = /^\s*(- )?/.exec(line.text)[0].length;
      return [Math.min(from, line.from + lead), to];
    })
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const current = view.state.field(whyFields, false);
  if (clean.length === 0 && (!current || current.size === 0)) return;
  const effects = [setFields.of(Decoration.set(clean.map(([from, to]) => fieldMark.range(from, to))))];
  if (scroll && clean.length > 0) effects.push(EditorView.scrollIntoView(clean[0][0], { y: "nearest" }));
  view.dispatch({ effects });
}

// Report the main cursor's position to `onCursor` when the selection moves (coalesced per
// animation frame).
export function cursorReporter(onCursor) {
  let pending = false;
  return EditorView.updateListener.of((update) => {
    if (!update.selectionSet || pending || typeof onCursor() !== "function") return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const report = onCursor();
      if (typeof report === "function") report(update.view.state.selection.main.head);
    });
  });
}
