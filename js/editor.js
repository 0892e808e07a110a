// podlab's editor bridge: CodeMirror 6 with YAML highlighting, bundled by esbuild into
// build/editor.js and exposed as `window.PodlabEditor`. Rust (src/bridge/editor.rs) calls
// it through wasm-bindgen: text goes in and out; diagnostics, completions and hover docs are
// computed by the engine in Rust and pushed here as JSON. No HTML is ever built from text:
// every string lands in the DOM through textContent.

import {
  EditorView,
  keymap,
  hoverTooltip,
  lineNumbers,
  highlightActiveLineGutter,
  highlightSpecialChars,
  drawSelection,
  highlightActiveLine,
} from "@codemirror/view";
import { EditorState, Compartment } from "@codemirror/state";
import { StyleModule } from "style-mod";

// Content-Security-Policy: the page allows no inline <style>. CodeMirror's style-mod puts its
// rules into a <style> element for a document, but into a constructed, adopted stylesheet
// (which CSP allows) for a shadow root. Hand it a document stand-in without a <head>, so the
// document gets an adopted stylesheet too.
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
import { yaml as yamlMode } from "@codemirror/legacy-modes/mode/yaml";
import { oneDark } from "@codemirror/theme-one-dark";
import {
  StreamLanguage,
  foldService,
  syntaxHighlighting,
  defaultHighlightStyle,
  indentOnInput,
  bracketMatching,
  foldGutter,
  foldKeymap,
} from "@codemirror/language";

// YAML highlighting with CodeMirror's stream tokenizer for YAML: a fraction of the Lezer
// grammar's size and start-up cost, and enough for manifests (keys, strings, numbers,
// comments, anchors, documents).
const yamlLanguage = StreamLanguage.define(yamlMode);

// Folding by indentation, as YAML nests: a key with a block value (`spec:`) or a sequence
// item (`- name: web`) folds the lines below it that are indented deeper — and, under a key,
// the sequence items written at the key's own indentation (`containers:` then `- name`).
const isItem = (text) => /^\s*-(\s|$)/.test(text);
const opensBlock = (text) => /:\s*(#.*)?$/.test(text) || isItem(text);
const indentOf = (text) => text.search(/\S/);
const foldYaml = foldService.of((state, lineStart) => {
  const line = state.doc.lineAt(lineStart);
  const own = indentOf(line.text);
  if (own < 0 || line.text.trimStart().startsWith("#") || !opensBlock(line.text)) return null;
  let last = null;
  for (let n = line.number + 1; n <= state.doc.lines; n++) {
    const next = state.doc.line(n);
    const i = indentOf(next.text);
    if (i < 0) continue;
    const child = i > own || (i === own && !isItem(line.text) && isItem(next.text));
    if (!child) break;
    last = next;
  }
  return last ? { from: line.to, to: last.to } : null;
});
import { setDiagnostics, lintGutter, lintKeymap } from "@codemirror/lint";
import {
  autocompletion,
  completionKeymap,
  closeBrackets,
  closeBracketsKeymap,
} from "@codemirror/autocomplete";
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  undo,
  redo,
  isolateHistory,
} from "@codemirror/commands";

// The editing basics (CodeMirror's basicSetup without the search panel, which the
// browser's own find covers, to keep the bundle small).
const basics = [
  lineNumbers(),
  highlightActiveLineGutter(),
  // Also the spaces that are not spaces (no-break, en/em, full-width), which YAML reads as
  // part of a key or value: shown as a red dot, as control characters are.
  highlightSpecialChars({ addSpecialChars: /[\u00a0\u2002\u2003\u202f\u3000]/ }),
  history(),
  foldGutter(),
  drawSelection(),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  closeBrackets(),
  highlightActiveLine(),
  keymap.of([
    ...closeBracketsKeymap,
    ...defaultKeymap,
    ...historyKeymap,
    ...foldKeymap,
    ...completionKeymap,
    ...lintKeymap,
    indentWithTab,
  ]),
];

function parseJson(text, fallback) {
  if (typeof text !== "string" || text === "") return fallback;
  try {
    return JSON.parse(text);
  } catch (_e) {
    return fallback;
  }
}

function clamp(n, lo, hi) {
  return Math.max(lo, Math.min(hi, n | 0));
}

// Smallest single change turning `a` into `b`: keeps the cursor, selection and undo history
// meaningful when Rust pushes a new text (e.g. a lesson reset or a hint applied).
function minimalChange(a, b) {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { from: start, to: endA, insert: b.slice(start, endB) };
}

function ariaAttributes(label, description) {
  return EditorView.contentAttributes.of({
    "aria-label": String(label || "Pod YAML editor"),
    "aria-description": String(description || "Tab indents. Press Escape, then Tab, to leave the editor."),
  });
}

class Editor {
  constructor(parent, options) {
    this.onChange = options.onChange || (() => {});
    this.complete = options.complete || null;
    this.hover = options.hover || null;
    this.pending = false;
    this.theme = new Compartment();
    this.dark = Boolean(options.dark);
    const self = this;

    const completionSource = (context) => {
      if (!self.complete) return null;
      const word = context.matchBefore(/[A-Za-z0-9_.\-/]*/);
      if (!context.explicit && word && word.from === word.to) {
        // Offer completions at the start of a line (field names) and after ": " (values).
        const line = context.state.doc.lineAt(context.pos);
        const before = line.text.slice(0, context.pos - line.from);
        if (!/^\s*(- )?$/.test(before) && !/:\s$/.test(before)) return null;
      }
      const reply = parseJson(self.complete(context.state.doc.toString(), context.pos), []);
      if (!Array.isArray(reply) || reply.length === 0) return null;
      return {
        from: word ? word.from : context.pos,
        options: reply.map((o) => ({
          label: String(o.label),
          apply: o.apply === undefined ? undefined : String(o.apply),
          type: o.type ? String(o.type) : undefined,
          detail: o.detail ? String(o.detail) : undefined,
          info: o.info ? String(o.info) : undefined,
        })),
        validFor: /^[A-Za-z0-9_.\-/]*$/,
      };
    };

    const hover = hoverTooltip((view, pos) => {
      if (!self.hover) return null;
      const info = parseJson(self.hover(view.state.doc.toString(), pos), null);
      if (!info || typeof info !== "object") return null;
      const len = view.state.doc.length;
      return {
        pos: clamp(info.from ?? pos, 0, len),
        end: clamp(info.to ?? pos, 0, len),
        above: true,
        create() {
          const dom = document.createElement("div");
          dom.className = "cm-podlab-hover";
          const title = document.createElement("div");
          title.className = "cm-podlab-hover-title";
          title.textContent = String(info.title || "");
          const body = document.createElement("div");
          body.className = "cm-podlab-hover-body";
          body.textContent = String(info.body || "");
          dom.append(title, body);
          return { dom };
        },
      };
    });

    this.aria = new Compartment();
    this.extensions = [
          basics,
          yamlLanguage,
          foldYaml,
          lintGutter(),
          autocompletion({ override: [completionSource], activateOnTyping: true }),
          hover,
          EditorState.tabSize.of(2),
          EditorView.lineWrapping,
          this.theme.of(this.dark ? oneDark : []),
          EditorView.contentAttributes.of({ "data-testid": "yaml-editor" }),
          this.aria.of(ariaAttributes(options.ariaLabel, options.ariaDescription)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) self.schedule();
          }),
        ];
    this.hasDiagnostics = false;
    this.view = new EditorView({
      parent: parent || undefined,
      state: EditorState.create({ doc: options.doc || "", extensions: this.extensions }),
    });
  }

  // Coalesce edits: Rust hears about the text once per animation frame at most. A lone
  // keystroke goes at once (a microtask after CodeMirror's update), so the redraw lands in the
  // very next frame; more edits in the same frame wait for the next animation frame together.
  schedule() {
    if (this.pending) return;
    this.pending = true;
    const flush = () => {
      this.pending = false;
      this.flushedThisFrame = true;
      requestAnimationFrame(() => {
        this.flushedThisFrame = false;
      });
      this.onChange(this.view.state.doc.toString());
    };
    if (this.flushedThisFrame) requestAnimationFrame(flush);
    else queueMicrotask(flush);
  }

  get dom() {
    return this.view.dom;
  }

  getText() {
    return this.view.state.doc.toString();
  }

  setText(text) {
    const current = this.getText();
    if (current === text) return;
    // Its own undo step: never merged with the learner's typing just before or after.
    this.view.dispatch({
      changes: minimalChange(current, String(text)),
      annotations: isolateHistory.of("full"),
      userEvent: "input.replace",
    });
  }

  // Replace the whole document and start a fresh undo history (another lesson's text).
  load(text) {
    const state = EditorState.create({ doc: String(text), extensions: this.extensions });
    this.view.setState(state);
  }

  setAria(label, description) {
    this.view.dispatch({ effects: this.aria.reconfigure(ariaAttributes(label, description)) });
  }

  setDiagnostics(json) {
    const list = parseJson(json, []);
    const len = this.view.state.doc.length;
    const diagnostics = (Array.isArray(list) ? list : []).map((d) => {
      const from = clamp(d.from, 0, len);
      return {
        from,
        to: clamp(Math.max(d.to, from), from, len),
        severity: d.severity === "warning" ? "warning" : d.severity === "info" ? "info" : "error",
        message: String(d.message || ""),
      };
    });
    // Nothing shown and nothing to show: no transaction (the common case at start-up).
    if (diagnostics.length === 0 && !this.hasDiagnostics) return;
    this.hasDiagnostics = diagnostics.length > 0;
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  setDark(dark) {
    if (Boolean(dark) === this.dark) return;
    this.dark = Boolean(dark);
    this.view.dispatch({
      effects: this.theme.reconfigure(this.dark ? oneDark : []),
    });
  }

  cursor() {
    return this.view.state.selection.main.head;
  }

  setCursor(pos) {
    const p = clamp(pos, 0, this.view.state.doc.length);
    this.view.dispatch({ selection: { anchor: p }, scrollIntoView: true });
  }

  undo() {
    return undo(this.view);
  }

  redo() {
    return redo(this.view);
  }

  focus() {
    this.view.focus();
  }

  // After this the Rust callbacks are gone: forget them, so that a completion, hover or
  // change flush still pending in CodeMirror's timers cannot call into them.
  destroy() {
    this.onChange = () => {};
    this.complete = null;
    this.hover = null;
    this.view.destroy();
  }
}

window.PodlabEditor = {
  create(parent, options) {
    return new Editor(parent, options || {});
  },
};
// The start-up script waits for this bundle before it starts the app.
dispatchEvent(new Event("podlab-editor"));
