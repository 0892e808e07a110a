//! Where in the YAML structure a cursor is, read from the text by indentation alone — so it
//! works while the learner is half-way through typing and the document does not parse.

/// The cursor's place: the keys from the document root to the object it is in (`[]` for a
/// sequence item), and whether it sits on a key or on the value of `key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CursorPlace {
    pub path: Vec<String>,
    pub spot: Spot,
    /// The `kind:` of the document the cursor is in, if written.
    pub kind: Option<String>,
    /// Byte range of the word under the cursor.
    pub word: (usize, usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// Typing (or on) a key.
    Key(String),
    /// On the value of this key.
    Value(String),
}

pub(crate) struct Line<'a> {
    pub indent: usize,
    pub dash: Option<usize>,
    /// Indent of the key on this line (after "- ").
    pub key_indent: usize,
    pub key: Option<&'a str>,
    /// Text after "key:".
    pub value: &'a str,
}

pub(crate) fn split_line(line: &str) -> Line<'_> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut rest = &line[indent..];
    let mut dash = None;
    let mut key_indent = indent;
    if rest == "-" || rest.starts_with("- ") {
        dash = Some(indent);
        let after = &rest[1..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        key_indent = indent + 1 + spaces;
        rest = after.trim_start_matches(' ');
    }
    let (key, value) = match find_colon(rest) {
        Some(i) => (
            Some(rest[..i].trim().trim_matches(|c| c == '"' || c == '\'')),
            &rest[i + 1..],
        ),
        None => (None, rest),
    };
    Line {
        indent,
        dash,
        key_indent,
        key,
        value,
    }
}

/// The `:` that ends a key (followed by a space or the end), outside quotes.
fn find_colon(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'#' && (i == 0 || bytes[i - 1] == b' ') => return None,
            None if b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ') => return Some(i),
            None => {}
        }
    }
    None
}

fn is_content(l: &str) -> bool {
    let t = l.trim();
    !t.is_empty() && !t.starts_with('#') && t != "---"
}

/// Locate the cursor at byte offset `at` of `text`.
pub fn locate(text: &str, at: usize) -> CursorPlace {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    let line_start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = at + text[at..].find('\n').unwrap_or(text.len() - at);
    let line = &text[line_start..line_end];
    let col = at - line_start;
    let here = split_line(line);

    // The word under the cursor.
    let is_word = |c: char| c.is_alphanumeric() || "_-./".contains(c);
    let ws = line[..col]
        .rfind(|c: char| !is_word(c))
        .map(|i| i + 1)
        .unwrap_or(0);
    let we = col
        + line[col..]
            .find(|c: char| !is_word(c))
            .unwrap_or(line.len() - col);
    let word = (line_start + ws, line_start + we);

    // Key or value position?
    let colon = find_colon(&line[here.key_indent.min(line.len())..]).map(|i| i + here.key_indent);
    let spot = match (colon, here.key) {
        (Some(c), Some(k)) if col > c => Spot::Value(k.to_string()),
        (_, Some(k)) => Spot::Key(k.to_string()),
        (_, None) => Spot::Key(line[here.key_indent.min(col)..col].trim().to_string()),
    };
    // The indent of the key being typed: the line's own, or the cursor column on a blank line.
    let blank = line.trim().is_empty();
    let mut cur = if blank { col } else { here.key_indent };
    let mut path: Vec<String> = Vec::new();
    if here.dash.is_some() && !blank {
        path.push("[]".into());
        cur = here.dash.unwrap_or(cur);
    }
    let mut need_seq_parent = here.dash.is_some() && !blank;

    // Walk up.
    let doc_start = text[..line_start]
        .rmatch_indices("\n---")
        .next()
        .map(|(i, _)| i + 4)
        .unwrap_or(0);
    let above = &text[doc_start..line_start];
    for l in above.lines().rev() {
        if !is_content(l) {
            continue;
        }
        let p = split_line(l);
        if need_seq_parent {
            // The key that owns the sequence: at the dash's indent or less, with no value.
            if p.dash.is_none() && p.key_indent <= cur {
                if let Some(k) = p.key {
                    path.push(k.to_string());
                    cur = p.indent;
                    need_seq_parent = false;
                    continue;
                }
            }
            if p.dash.is_some()
                && p.key_indent < cur
                && p.key.is_some()
                && p.value.trim().is_empty()
            {
                // "- ports:" style: the key of a parent item owns the sequence.
                if let Some(k) = p.key {
                    path.push(k.to_string());
                    path.push("[]".into());
                    cur = p.dash.unwrap_or(p.indent);
                    need_seq_parent = true;
                    continue;
                }
            }
            continue;
        }
        if p.key_indent < cur
            || (p.dash.is_some() && p.dash.unwrap_or(0) < cur && p.key_indent <= cur)
        {
            match p.dash {
                Some(d) if p.key_indent == cur => {
                    // A sibling key in the same sequence item: we are in that item.
                    path.push("[]".into());
                    cur = d;
                    need_seq_parent = true;
                }
                Some(d) => {
                    if let Some(k) = p.key.filter(|_| p.value.trim().is_empty()) {
                        path.push(k.to_string());
                    }
                    path.push("[]".into());
                    cur = d;
                    need_seq_parent = true;
                }
                None => {
                    if let Some(k) = p.key {
                        path.push(k.to_string());
                        cur = p.indent;
                    }
                }
            }
        }
        if cur == 0 && !need_seq_parent {
            break;
        }
    }
    path.reverse();
    // Drop a trailing "[]" owner mix-ups: a path never starts with "[]".
    while path.first().is_some_and(|p| p == "[]") {
        path.remove(0);
    }

    let kind = text[doc_start..]
        .split("\n---")
        .next()
        .unwrap_or("")
        .lines()
        .find_map(|l| l.strip_prefix("kind:"))
        .map(|k| k.trim().trim_matches(|c| c == '"' || c == '\'').to_string());
    CursorPlace {
        path,
        spot,
        kind,
        word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> CursorPlace {
        let i = text.find(marker).expect("marker");
        let t = text.replacen(marker, "", 1);
        locate(&t, i)
    }

    #[test]
    fn key_in_a_container() {
        let text = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    ima|\n";
        let p = at(text, "|");
        assert_eq!(p.path, ["spec", "containers", "[]"]);
        assert_eq!(p.spot, Spot::Key("ima".into()));
        assert_eq!(p.kind.as_deref(), Some("Pod"));
    }

    #[test]
    fn value_of_a_field() {
        let text = "spec:\n  restartPolicy: |\n";
        let p = at(text, "|");
        assert_eq!(p.path, ["spec"]);
        assert_eq!(p.spot, Spot::Value("restartPolicy".into()));
    }

    #[test]
    fn nested_probe_and_zero_indent_sequences() {
        let text = "spec:\n  containers:\n  - name: web\n    livenessProbe:\n      httpGet:\n        pa|\n";
        assert_eq!(
            at(text, "|").path,
            ["spec", "containers", "[]", "livenessProbe", "httpGet"]
        );
        let text = "spec:\n  containers:\n  - name: web\n    ports:\n    - containerPort: 80\n      pro|\n";
        assert_eq!(
            at(text, "|").path,
            ["spec", "containers", "[]", "ports", "[]"]
        );
        let text = "spec:\n    containers:\n    - name: a\n      image: b\n    - na|\n";
        assert_eq!(at(text, "|").path, ["spec", "containers", "[]"]);
    }

    #[test]
    fn blank_line_uses_the_cursor_column() {
        let text = "metadata:\n  name: x\n  |\nspec: {}\n";
        assert_eq!(at(text, "|").path, ["metadata"]);
        let text = "metadata:\n  name: x\n|\n";
        assert!(at(text, "|").path.is_empty());
    }

    #[test]
    fn korean_comments_do_not_confuse_it() {
        let text = "# 파드 예제\nspec:\n  # 컨테이너 목록\n  containers:\n  - name: 한글|\n";
        let p = at(text, "|");
        assert_eq!(p.path, ["spec", "containers", "[]"]);
        assert_eq!(p.spot, Spot::Value("name".into()));
    }
}
