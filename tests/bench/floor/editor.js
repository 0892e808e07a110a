// The floor's editor: CodeMirror 6 with the extensions podlab's editor uses (line numbers,
// history and keys, YAML highlighting, lint markers, completion, hover), nothing else.
import { EditorView, keymap, lineNumbers, hoverTooltip } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { history, defaultKeymap, historyKeymap } from "@codemirror/commands";
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { yaml } from "@codemirror/legacy-modes/mode/yaml";
import { linter, lintGutter } from "@codemirror/lint";
import { autocompletion } from "@codemirror/autocomplete";

window.makeFloorEditor = (parent) =>
  new EditorView({
    state: EditorState.create({
      doc: "apiVersion: v1\nkind: Pod\n",
      extensions: [
        lineNumbers(),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        StreamLanguage.define(yaml),
        syntaxHighlighting(defaultHighlightStyle),
        linter(() => []),
        lintGutter(),
        autocompletion({ override: [() => null] }),
        hoverTooltip(() => null),
      ],
    }),
    parent,
  });
dispatchEvent(new Event("floor-editor"));
