// YAML indentation as a learner types a manifest: where Enter puts the next line, when Enter
// ends a list, the indentation unit and list style the document already uses. Plain
// functions over line texts (no CodeMirror), so that node can test them directly
// (tests/e2e/yaml_indent.test.mjs); js/editor.js turns them into editor commands.

/// The parts of one line that indentation depends on.
///   indent  — leading spaces;
///   dash    — column of a sequence item's "-", or -1;
///   keyCol  — column where the line's content starts (after "- " for an item);
///   key     — true when the content is `key:` or `key: value` (a mapping entry);
///   opens   — true when the line ends a key whose value is below it (`key:`, `key: |`);
///   scalarOpens — true when that value is a block scalar (`key: |`, `- >-`);
///   blank   — only spaces; comment — only a comment.
export function lineShape(text) {
  const indent = leadingSpaces(text);
  let rest = text.slice(indent);
  const shape = {
    indent,
    dash: -1,
    keyCol: indent,
    key: false,
    opens: false,
    scalarOpens: false,
    blank: rest.trim() === "",
    comment: rest.startsWith("#"),
  };
  if (shape.blank || shape.comment) return shape;
  if (rest === "-" || rest.startsWith("- ")) {
    shape.dash = indent;
    const after = rest.slice(1);
    shape.keyCol = indent + 1 + leadingSpaces(after);
    rest = after.trimStart();
  }
  const body = withoutComment(rest).trimEnd();
  const colon = keyColon(body);
  shape.key = colon >= 0;
  if (colon >= 0 && colon === body.length - 1) shape.opens = true;
  if (/^[|>][-+0-9]*$/.test(colon >= 0 ? body.slice(colon + 1).trim() : body)) {
    shape.opens = body !== "";
    shape.scalarOpens = shape.opens;
  }
  return shape;
}

function leadingSpaces(text) {
  let n = 0;
  while (n < text.length && text.charCodeAt(n) === 32) n++;
  return n;
}

// The text before a comment (`#` at the start or after a space), outside quotes.
function withoutComment(text) {
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(text[i - 1])) quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i);
    }
  }
  return text;
}

// The index of the `:` that ends a key (followed by a space or the end), outside quotes and
// flow collections; -1 when the text is not a mapping entry.
function keyColon(text) {
  let quote = "";
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(text[i - 1])) quote = c;
    } else if (c === "[" || c === "{") depth++;
    else if ((c === "]" || c === "}") && depth > 0) depth--;
    else if (c === ":" && depth === 0 && (i + 1 === text.length || text[i + 1] === " ")) return i;
  }
  return -1;
}

const isContent = (shape) => !shape.blank && !shape.comment;

/// What Enter does on line `n` (1-based) of a document with `lineCount` lines, read through
/// `lineText(n)`, with the cursor at column `col` (everything after it moves to the new
/// line). `unit` is the indentation unit.
///   { endList: true, indent } — the line is an empty list item ("- "): it becomes a blank
///     line at the column of the key that owns the list (the list ends there);
///   { above: true } — the cursor is in the line's indentation: a blank line opens above
///     and the line keeps its indentation;
///   { indent } — a line break, the new line indented by `indent` spaces.
export function enterAction(lineText, n, col, unit) {
  const text = lineText(n);
  const before = text.slice(0, col);
  const after = text.slice(col);
  const shape = lineShape(before);
  if (shape.dash >= 0 && after.trim() === "" && before.trim() === "-") {
    return { endList: true, indent: listOwnerColumn(lineText, n, shape.dash) };
  }
  if (shape.blank) return after.trim() === "" ? { indent: before.length } : { above: true };
  if (shape.comment) return { indent: shape.indent };
  if (shape.opens) {
    // `- |`: the item's text goes at the item's content column; `key:`/`key: |` one level
    // below the key.
    if (shape.dash >= 0 && !shape.key) return { indent: shape.keyCol };
    return { indent: shape.keyCol + unit };
  }
  // In a list item: a mapping entry continues at the item's content column (the next key of
  // the same item); a plain item (`- sh`) at its dash (for the next "- ").
  if (shape.dash >= 0) return { indent: shape.key ? shape.keyCol : shape.dash };
  return { indent: shape.indent };
}

/// Where Backspace in the indentation of line `n` (cursor at `col`, only spaces before it)
/// takes the cursor: one level out, as the lines above nest — the nearest column below `col`
/// where the closest line above that has one puts a key, an item's dash or content, or its
/// first child (one unit below a `key:`). Without such a line, the previous multiple of
/// `unit`.
export function backspaceColumn(lineText, n, col, unit) {
  for (let i = n - 1; i >= 1 && i >= n - 200; i--) {
    const s = lineShape(lineText(i));
    if (!isContent(s)) continue;
    const levels = [s.indent, s.keyCol];
    if (s.opens) levels.push(s.keyCol + unit);
    const below = levels.filter((c) => c < col);
    if (below.length) return Math.max(...below);
  }
  return col - (col % unit || unit);
}

/// The column of the key that owns the list whose item (dash at `dashCol`) is on line `n`:
/// `containers:` above `- name: web`, or the key of an item (`- ports:`).
export function listOwnerColumn(lineText, n, dashCol) {
  for (let i = n - 1; i >= 1; i--) {
    const s = lineShape(lineText(i));
    if (!isContent(s)) continue;
    if (s.indent < dashCol) return s.keyCol <= dashCol ? s.keyCol : s.indent;
    if (s.indent === dashCol && s.dash < 0) return s.indent;
  }
  return 0;
}

// Lines longer than this are not read for the document's style (a pasted 1 MB line would
// otherwise be scanned at every keystroke).
const LONG_LINE = 1000;

/// The indentation unit the document uses: the most frequent step from a line that opens a
/// block (`key:`) to the line below it (ties: the smaller); 2 when the document has none.
/// Reads at most `limit` lines.
export function detectIndentUnit(lineText, lineCount, limit = 400) {
  const votes = new Map();
  let prev = null;
  for (let i = 1; i <= Math.min(lineCount, limit); i++) {
    const text = lineText(i);
    if (text.length > LONG_LINE) continue;
    const s = lineShape(text);
    if (!isContent(s)) continue;
    if (prev && prev.opens && !prev.scalarOpens) {
      const step = s.indent - prev.keyCol;
      if (step >= 1 && step <= 8) votes.set(step, (votes.get(step) || 0) + 1);
    }
    prev = s;
  }
  let best = 2;
  let most = 0;
  for (const [step, n] of votes) {
    if (n > most || (n === most && step < best)) {
      best = step;
      most = n;
    }
  }
  return best;
}

/// Whether the document writes a list one level below its key (`ports:` then `  - …`: true)
/// or at the key's own column (`ports:` then `- …`: false); null when it has no list.
export function detectListIndented(lineText, lineCount, limit = 400) {
  let indented = 0;
  let flush = 0;
  let prev = null;
  for (let i = 1; i <= Math.min(lineCount, limit); i++) {
    const text = lineText(i);
    if (text.length > LONG_LINE) continue;
    const s = lineShape(text);
    if (!isContent(s)) continue;
    if (prev && prev.opens && prev.key && !prev.scalarOpens && s.dash >= 0) {
      if (s.dash > prev.keyCol) indented++;
      else if (s.dash === prev.keyCol) flush++;
    }
    prev = s;
  }
  if (indented === 0 && flush === 0) return null;
  return indented >= flush;
}
