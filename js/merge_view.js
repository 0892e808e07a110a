// The solution shown as a diff (issue 21): @codemirror/merge, in its own bundle
// (build/merge_view.js), fetched from the same origin the first time a learner asks for it, so
// that the first load does not grow (js/merge_loader.js loads it). Two read-only documents: the
// learner's text and the lesson's solution — side by side on a wide screen (MergeView), inline
// on a narrow one (unifiedMergeView). This bundle carries its own copy of CodeMirror; nothing
// of it mixes with the main editor's extensions.

import { MergeView, unifiedMergeView } from "@codemirror/merge";
import { EditorView, lineNumbers } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { StyleModule } from "style-mod";

// The same Content-Security-Policy arrangement as js/editor.js: styles go into an adopted
// stylesheet, never an inline <style>.
const mountStyles = StyleModule.mount;
const adoptingRoot = {
  ownerDocument: document,
  get adoptedStyleSheets() {
    return document.adoptedStyleSheets;
  },
  set adoptedStyleSheets(sheets) {
    document.adoptedStyleSheets = sheets;
  },
};
StyleModule.mount = (root, modules, options) =>
  mountStyles.call(StyleModule, root === document ? adoptingRoot : root, modules, options);

const readOnly = (label) => [
  lineNumbers(),
  EditorView.lineWrapping,
  EditorState.readOnly.of(true),
  EditorView.editable.of(false),
  EditorView.contentAttributes.of({ "aria-label": String(label || "") }),
];

window.PodlabMerge = {
  // Show `mine` against `solution` inside `parent`; returns { destroy }.
  open(parent, options) {
    const mine = String(options.mine ?? "");
    const solution = String(options.solution ?? "");
    const labels = options.labels || {};
    if (options.narrow) {
      const view = new EditorView({
        parent,
        state: EditorState.create({
          doc: solution,
          extensions: [
            readOnly(labels.solution),
            unifiedMergeView({ original: mine, mergeControls: false, gutter: true }),
          ],
        }),
      });
      return { destroy: () => view.destroy() };
    }
    const view = new MergeView({
      parent,
      a: { doc: mine, extensions: readOnly(labels.mine) },
      b: { doc: solution, extensions: readOnly(labels.solution) },
      gutter: true,
      highlightChanges: true,
    });
    return { destroy: () => view.destroy() };
  },
};
