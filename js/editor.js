// podlab's editor bridge: CodeMirror 6 with YAML highlighting, bundled by esbuild into
// build/editor.js and exposed as `window.PodlabEditor`. Rust (src/bridge/editor.rs) calls
// it through wasm-bindgen: text goes in and out (`show(key, text)`: the document shown and
// its text now); diagnostics, completions and hover docs are computed by the engine in Rust
// and pushed here as JSON. Enter, Tab and Backspace indent as YAML nests (the rules are in
// js/yaml_indent.js). No HTML is ever built from text: every string lands in the DOM through
// textContent.

import {
  EditorView,
  keymap,
  hoverTooltip,
  showPanel,
  lineNumbers,
  highlightActiveLineGutter,
  highlightSpecialChars,
  drawSelection,
  highlightActiveLine,
} from "@codemirror/view";
import {
  EditorState,
  EditorSelection,
  Compartment,
  StateEffect,
  StateField,
  Prec,
} from "@codemirror/state";
import { StyleModule } from "style-mod";
import { setDiagnostics, lintGutter, lintKeymap, diagnosticCount } from "@codemirror/lint";
import { autocompletion, completionKeymap, pickedCompletion } from "@codemirror/autocomplete";
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  undo,
  redo,
  isolateHistory,
} from "@codemirror/commands";
import { yaml as yamlMode } from "@codemirror/legacy-modes/mode/yaml";
import { oneDark } from "@codemirror/theme-one-dark";
import { whyFields, markFields, cursorReporter } from "./highlight.js";
import {
  StreamLanguage,
  foldService,
  syntaxHighlighting,
  defaultHighlightStyle,
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentUnit,
  getIndentUnit,
} from "@codemirror/language";
import {
  enterAction,
  backspaceColumn,
  detectIndentUnit,
  detectListIndented,
  lineShape,
} from "./yaml_indent.js";
import { scrubbing } from "./scrub.js";
import { showDiff } from "./merge_loader.js";
import { download, readFile } from "./progress_file.js";

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

// YAML highlighting with CodeMirror's stream tokenizer for YAML rather than the Lezer grammar
// (@codemirror/lang-yaml): 30 KB less to load (11 KB gzip) for the same help to the learner
// here, where indentation, folding and completion do not come from the grammar (see
// BENCHMARKS.md, "The editor's YAML mode"). One thing the tokenizer gets wrong is fixed
// below: the text of a block scalar in a list (`- |`, the shell scripts of the lessons) and
// a block scalar's lines that start with `#` or a quote are text, not keys or comments.
const yamlTokens = {
  ...yamlMode,
  token(stream, state) {
    if (stream.sol() && state.literal) {
      if (stream.indentation() > state.keyCol || /^\s*$/.test(stream.string)) {
        stream.skipToEnd();
        return "string";
      }
      state.literal = false;
    }
    if (stream.sol()) {
      const item = /^(\s*)-\s+[|>][-+0-9]*\s*(#.*)?$/.exec(stream.string);
      if (item) {
        state.literal = true;
        state.keyCol = item[1].length;
        stream.skipToEnd();
        return "meta";
      }
    }
    return yamlMode.token(stream, state);
  },
};
const yamlLanguage = StreamLanguage.define(yamlTokens);

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

// The indentation unit is the one the document uses (2 spaces when it shows none): Tab,
// Shift+Tab, Backspace in the indentation and Enter all step by it.
const lineReader = (state) => (n) => state.doc.line(n).text;
const documentUnit = indentUnit.compute(["doc"], (state) =>
  " ".repeat(detectIndentUnit(lineReader(state), state.doc.lines)),
);

// Enter, as YAML nests: one level deeper after `key:`, at the item's content column inside a
// list item, and on an empty item (`- `) the list ends (js/yaml_indent.js has the rules).
function yamlEnter(view) {
  const { state } = view;
  if (state.readOnly) return false;
  const unit = getIndentUnit(state);
  const tr = state.changeByRange((range) => {
    const line = state.doc.lineAt(range.from);
    const last = state.doc.lineAt(range.to);
    const before = line.text.slice(0, range.from - line.from);
    const after = last.text.slice(range.to - last.from);
    const text = (n) => (n === line.number ? before + after : state.doc.line(n).text);
    const act = enterAction(text, line.number, before.length, unit);
    if (act.endList) {
      const insert = " ".repeat(act.indent);
      return {
        changes: { from: line.from, to: last.to, insert },
        range: EditorSelection.cursor(line.from + insert.length),
      };
    }
    if (act.above) {
      return {
        changes: { from: line.from, to: range.to, insert: "\n" + before },
        range: EditorSelection.cursor(line.from + 1 + before.length),
      };
    }
    const from = line.from + before.replace(/\s+$/, "").length;
    const to = range.to + (after.length - after.replace(/^\s+/, "").length);
    const insert = "\n" + " ".repeat(act.indent);
    return { changes: { from, to, insert }, range: EditorSelection.cursor(from + insert.length) };
  });
  view.dispatch(state.update(tr, { scrollIntoView: true, userEvent: "input" }));
  return true;
}

// Backspace in a line's indentation goes one level out as the lines above nest (from an
// item's keys to its dash, from a child to its key), not to the previous multiple of the
// unit (`- name` puts keys at column 6 in a four-space document).
function yamlBackspace(view) {
  const { state } = view;
  if (state.readOnly) return false;
  const unit = getIndentUnit(state);
  for (const range of state.selection.ranges) {
    const line = state.doc.lineAt(range.head);
    const col = range.head - line.from;
    if (!range.empty || col === 0 || /[^ ]/.test(line.text.slice(0, col))) return false;
  }
  const tr = state.changeByRange((range) => {
    const line = state.doc.lineAt(range.head);
    const col = range.head - line.from;
    const to = backspaceColumn((n) => state.doc.line(n).text, line.number, col, unit);
    return {
      changes: { from: line.from + to, to: range.head },
      range: EditorSelection.cursor(line.from + to),
    };
  });
  view.dispatch(state.update(tr, { scrollIntoView: true, userEvent: "delete.backward" }));
  return true;
}

// Accepting a key that opens a block (`livenessProbe`, `ports`): the key, then the next line
// indented for its first child (`- ` first for a list of objects, placed as the document
// places its lists). A scalar key leaves the cursor after `key: `.
function applyKey(option) {
  return (view, completion, from, to) => {
    const { state } = view;
    const line = state.doc.lineAt(from);
    let end = to;
    while (end < line.to && /[A-Za-z0-9_.\-/]/.test(state.sliceDoc(end, end + 1))) end++;
    let insert;
    if (state.sliceDoc(end, line.to).trim() !== "") {
      // Renaming a key that already has its value: the name only.
      insert = option.label;
    } else if (option.block) {
      const shape = lineShape(state.sliceDoc(line.from, from) + option.apply);
      const unit = getIndentUnit(state);
      let indent = shape.keyCol + unit;
      let item = "";
      if (option.block === "seq") {
        item = "- ";
        if (detectListIndented(lineReader(state), state.doc.lines) === false) indent = shape.keyCol;
      }
      insert = option.apply + "\n" + " ".repeat(indent) + item;
      end = line.to;
    } else {
      insert = option.apply;
      end = line.to;
    }
    view.dispatch({
      changes: { from, to: end, insert },
      selection: { anchor: from + insert.length },
      scrollIntoView: true,
      userEvent: "input.complete",
      annotations: pickedCompletion.of(completion),
    });
  };
}

// The editing basics (CodeMirror's basicSetup without the search panel, which the
// browser's own find covers, to keep the bundle small). No automatic closing of quotes and
// brackets: in YAML and in the shell text inside it (`trap 'echo "x"; exit 0' TERM`) an
// inserted closing quote corrupts the text as often as it helps.
const basics = [
  lineNumbers(),
  highlightActiveLineGutter(),
  // Also the spaces that are not spaces (no-break, the typographic spaces, full-width),
  // which YAML reads as part of a key or value: shown as a red dot, as control characters
  // are; a tab as an arrow across its width.
  highlightSpecialChars({ addSpecialChars: /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/ }),
  history(),
  foldGutter(),
  drawSelection(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  highlightActiveLine(),
  documentUnit,
  keymap.of([
    { key: "Enter", run: yamlEnter },
    { key: "Backspace", run: yamlBackspace },
  ]),
  keymap.of([
    ...defaultKeymap,
    ...historyKeymap,
    ...foldKeymap,
    ...completionKeymap,
    ...lintKeymap,
    indentWithTab,
  ]),
];

// A field's docs: its path and type, then its explanation (text only, never HTML).
// The fields' documentation is not in the wasm: the engine names each field's key and the
// language, and the table of that language (field-docs.LANG.json, written at build time from
// the engine's schema) is fetched from the site once, when the editor first needs it.
const fieldDocTables = new Map();
function fieldDocs(lang) {
  const code = lang === "ko" ? "ko" : "en";
  if (!fieldDocTables.has(code)) {
    const base = document.querySelector('meta[name="podlab-base"]')?.content || "/";
    const table = fetch(`${base}field-docs.${code}.json`)
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .catch(() => {
        fieldDocTables.delete(code); // offline and not cached yet: ask again next time
        return {};
      });
    fieldDocTables.set(code, table);
  }
  return fieldDocTables.get(code);
}

/// A reply of the engine's with its documentation filled in from the fetched table.
async function withDoc(reply) {
  if (!reply || !reply.key) return reply;
  const doc = (await fieldDocs(reply.lang))[reply.key];
  return typeof doc === "string" ? { ...reply, doc } : reply;
}

function docsDom(info) {
  const dom = document.createElement("div");
  dom.className = "cm-podlab-hover";
  const title = document.createElement("div");
  title.className = "cm-podlab-hover-title";
  title.textContent = String(info.title || "");
  const body = document.createElement("div");
  body.className = "cm-podlab-hover-body";
  body.textContent = (info.doc ? String(info.doc) : "") + String(info.body || "").replace(info.doc ? /^/ : /^\n/, "");
  dom.append(title, body);
  return dom;
}

// The docs panel shown after a touch: set by a tap on a field, gone when the text changes
// or a tap lands where there are no docs.
const setDocsPanel = StateEffect.define();
const docsPanel = StateField.define({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setDocsPanel)) value = e.value;
    return tr.docChanged ? null : value;
  },
  provide: (field) =>
    showPanel.from(field, (info) =>
      info
        ? () => {
            const dom = docsDom(info);
            dom.classList.add("cm-podlab-docs-panel");
            dom.setAttribute("role", "status");
            dom.dataset.testid = "field-docs";
            return { dom, top: false };
          }
        : null,
    ),
});

// A tab is drawn as an arrow across its width, on a red tint: YAML does not allow tabs in
// indentation, and a tab looks like spaces otherwise.
const visibleTabs = EditorView.baseTheme({
  ".cm-tab": { backgroundColor: "rgba(220, 38, 38, 0.12)", position: "relative" },
  ".cm-tab::before": {
    content: '"→"',
    position: "absolute",
    left: "0",
    color: "#dc2626",
  },
  ".cm-podlab-docs-panel": { padding: "0.3rem 0.6rem", maxHeight: "30vh", overflowY: "auto" },
});

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
    this.draggables = options.draggables || null;
    this.onCursor = typeof options.onCursor === "function" ? options.onCursor : null;
    this.pending = false;
    // The document the editor shows, and the editor states (text, selection, undo history)
    // of the documents shown before, to come back to.
    this.key = String(options.key ?? "");
    this.stored = new Map();
    this.theme = new Compartment();
    this.dark = Boolean(options.dark);
    const self = this;

    const completionSource = async (context) => {
      if (!self.complete) return null;
      const word = context.matchBefore(/[A-Za-z0-9_.\-/]*/);
      if (!context.explicit && word && word.from === word.to) {
        // Offer completions at the start of a line (field names) and after ": " (values).
        const line = context.state.doc.lineAt(context.pos);
        const before = line.text.slice(0, context.pos - line.from);
        if (!/^\s*(- )?$/.test(before) && !/:\s$/.test(before)) return null;
      }
      const parsed = parseJson(self.complete(context.state.doc.toString(), context.pos), []);
      if (!Array.isArray(parsed) || parsed.length === 0) return null;
      const reply = await Promise.all(parsed.map(withDoc));
      return {
        from: word ? word.from : context.pos,
        options: reply.map((o) => ({
          label: String(o.label),
          apply:
            o.apply === undefined
              ? undefined
              : applyKey({
                  label: String(o.label),
                  apply: String(o.apply),
                  block: o.block === "map" || o.block === "seq" ? o.block : null,
                }),
          type: o.type ? String(o.type) : undefined,
          detail: o.detail ? String(o.detail) : undefined,
          info: o.info ? String(o.info) : o.doc ? String(o.doc) : undefined,
        })),
        validFor: /^[A-Za-z0-9_.\-/]*$/,
      };
    };

    // Field docs. With a mouse: a tooltip above the hovered word, gone once the text changes.
    // After a touch: a panel docked at the bottom of the editor (it stays in view), so that
    // the docs never cover the line being edited (on a phone a tap both places the cursor
    // and asks for the docs).
    const docsAt = async (state, pos) => {
      if (!self.hover) return null;
      const info = parseJson(self.hover(state.doc.toString(), pos), null);
      return info && typeof info === "object" ? withDoc(info) : null;
    };
    const hover = hoverTooltip(
      async (view, pos) => {
        if (self.lastPointer === "touch") return null;
        const info = await docsAt(view.state, pos);
        if (!info) return null;
        const len = view.state.doc.length;
        return {
          pos: clamp(info.from ?? pos, 0, len),
          end: clamp(info.to ?? pos, 0, len),
          above: true,
          create: () => ({ dom: docsDom(info) }),
        };
      },
      { hideOn: (tr) => tr.docChanged },
    );
    const touchDocs = EditorView.domEventHandlers({
      pointerdown(event) {
        self.lastPointer = event.pointerType;
        return false;
      },
      // A mouse moving again (a laptop with a touch screen): tooltips again.
      pointermove(event) {
        if (event.pointerType === "mouse") self.lastPointer = "mouse";
        return false;
      },
      pointerup(event, view) {
        if (event.pointerType !== "touch") return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        const asked = view.state;
        (pos === null ? Promise.resolve(null) : docsAt(asked, pos)).then((info) => {
          // Not for a text that changed meanwhile, nor for an editor that is gone.
          if (view.state.doc !== asked.doc || !view.dom.isConnected) return;
          if (info || view.state.field(docsPanel, false)) view.dispatch({ effects: setDocsPanel.of(info) });
        });
        return false;
      },
      // Escape, then Tab, leaves the editor — also when that Escape closes a completion list
      // (CodeMirror's own Escape handling does not run when a keymap used the key).
      keydown(event, view) {
        if (event.key === "Escape") view.setTabFocusMode(2000);
        return false;
      },
    });

    this.aria = new Compartment();
    this.ariaText = [options.ariaLabel, options.ariaDescription];
    this.extensions = [
          basics,
          yamlLanguage,
          foldYaml,
          lintGutter(),
          autocompletion({ override: [completionSource], activateOnTyping: true }),
          hover,
          docsPanel,
          scrubbing((text) => (self.draggables ? self.draggables(text) : "[]")),
          Prec.highest(touchDocs),
          visibleTabs,
          EditorState.tabSize.of(2),
          EditorView.lineWrapping,
          this.theme.of(this.dark ? oneDark : []),
          EditorView.contentAttributes.of({ "data-testid": "yaml-editor" }),
          whyFields,
          cursorReporter(() => self.onCursor),
          this.aria.of(ariaAttributes(options.ariaLabel, options.ariaDescription)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            // The learner's own edit (or own undo): Ctrl+Z outside the editor no longer
            // concerns the app's replacement.
            if (!self.routing && !update.transactions.some((tr) => tr.isUserEvent("input.replace"))) {
              self.outsideUndo = null;
            }
            self.schedule();
          }),
        ];
    this.view = new EditorView({
      parent: parent || undefined,
      state: EditorState.create({ doc: options.doc || "", extensions: this.extensions }),
    });
    // Ctrl+Z right after the app replaced the text (a reset button, a solution, a share link)
    // undoes that replacement even though the focus is on the button, not in the editor;
    // Ctrl+Y (or Ctrl+Shift+Z) then redoes it. Nowhere else does Ctrl+Z reach the editor
    // from outside: not in a text field, and not once the learner has edited again.
    this.outsideUndo = null;
    this.routing = false;
    this.onDocumentKey = (event) => this.undoFromOutside(event);
    document.addEventListener("keydown", this.onDocumentKey);
  }

  undoFromOutside(event) {
    if (!this.outsideUndo || event.defaultPrevented || event.altKey) return;
    if (!(event.ctrlKey || event.metaKey)) return;
    const target = event.target;
    if (
      target instanceof Element &&
      (this.view.dom.contains(target) || target.closest("input, textarea, select, [contenteditable]"))
    ) {
      return;
    }
    const key = String(event.key).toLowerCase();
    const run = (command, next) => {
      this.routing = true;
      try {
        command(this.view);
      } finally {
        this.routing = false;
      }
      this.outsideUndo = next;
      event.preventDefault();
    };
    if (key === "z" && !event.shiftKey && this.outsideUndo === "undo") run(undo, "redo");
    else if ((key === "y" || (key === "z" && event.shiftKey)) && this.outsideUndo === "redo") run(redo, "undo");
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

  // The text of the document is now `text`: one undo step (never merged with the learner's
  // typing just before or after), so that Ctrl+Z brings back what was there.
  setText(text) {
    const current = this.getText();
    text = String(text);
    if (current === text) return;
    this.view.dispatch({
      changes: minimalChange(current, text),
      annotations: isolateHistory.of("full"),
      userEvent: "input.replace",
    });
    this.outsideUndo = "undo";
  }

  // The editor shows document `key` (a lesson, the sandbox) and its text is now `text`. The
  // same document: one undo step (a reset, a solution, a share link). Another document: the
  // editor keeps the one it leaves (text, selection, undo history) and takes back the state
  // it had for `key`, if any, with `text` applied as one undo step when it differs.
  show(key, text) {
    key = String(key);
    if (key === this.key) {
      this.setText(text);
      return;
    }
    this.stored.delete(this.key);
    this.stored.set(this.key, this.view.state);
    // A dozen documents at most (the oldest goes first).
    if (this.stored.size > 24) this.stored.delete(this.stored.keys().next().value);
    const back = this.stored.get(key);
    this.stored.delete(key);
    this.key = key;
    if (back) {
      this.view.setState(back);
      this.outsideUndo = null;
      // The theme and the accessible name may have changed meanwhile.
      this.view.dispatch({
        effects: [
          this.theme.reconfigure(this.dark ? oneDark : []),
          this.aria.reconfigure(ariaAttributes(this.ariaText[0], this.ariaText[1])),
        ],
      });
      this.setText(text);
    } else {
      this.view.setState(EditorState.create({ doc: String(text), extensions: this.extensions }));
      this.outsideUndo = null;
    }
  }

  setAria(label, description) {
    this.ariaText = [label, description];
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
    if (diagnostics.length === 0 && diagnosticCount(this.view.state) === 0) return;
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  setDark(dark) {
    if (Boolean(dark) === this.dark) return;
    this.dark = Boolean(dark);
    this.view.dispatch({
      effects: this.theme.reconfigure(this.dark ? oneDark : []),
    });
  }

  // The fields a "why?" step read: [[from, to], …] as JSON (UTF-16 offsets); "[]" clears.
  setHighlights(json, scroll) {
    markFields(this.view, parseJson(json, []), Boolean(scroll));
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
    document.removeEventListener("keydown", this.onDocumentKey);
    this.onChange = () => {};
    this.complete = null;
    this.hover = null;
    this.draggables = null;
    this.onCursor = null;
    this.view.destroy();
  }
}

window.PodlabEditor = {
  create(parent, options) {
    return new Editor(parent, options || {});
  },
  showDiff,
  download,
  readFile,
};
// The start-up script waits for this bundle before it starts the app.
dispatchEvent(new Event("podlab-editor"));
