//! Inline Markdown for the short texts the app renders at run time — the hints beside the
//! engine's diagnostics and the predictions' questions and explanations: `code`, **bold**,
//! *italics* and links, on one line. It builds Yew nodes directly — text only ever becomes
//! text nodes, never HTML — so no text can inject markup. The lessons' long prose (bodies,
//! hints) is not rendered here: it is made at build time (`crate::lesson_text`).

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Strong(Vec<Inline>),
    Em(Vec<Inline>),
    Link(Vec<Inline>, String),
}

/// Parse inline markup.
pub fn inlines(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    let flush = |buf: &mut String, out: &mut Vec<Inline>| {
        if !buf.is_empty() {
            out.push(Inline::Text(std::mem::take(buf)));
        }
    };
    let find = |from: usize, pat: &[char]| -> Option<usize> {
        (from..chars.len().saturating_sub(pat.len() - 1)).find(|&k| chars[k..].starts_with(pat))
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            if let Some(end) = find(i + 1, &['`']) {
                flush(&mut buf, &mut out);
                out.push(Inline::Code(chars[i + 1..end].iter().collect()));
                i = end + 1;
                continue;
            }
        }
        if c == '*' && chars.get(i + 1) == Some(&'*') {
            if let Some(end) = find(i + 2, &['*', '*']) {
                flush(&mut buf, &mut out);
                let inner: String = chars[i + 2..end].iter().collect();
                out.push(Inline::Strong(inlines(&inner)));
                i = end + 2;
                continue;
            }
        }
        if (c == '*' || c == '_') && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
            if word_start {
                if let Some(end) = find(i + 1, &[c]) {
                    if end > i + 1 {
                        flush(&mut buf, &mut out);
                        let inner: String = chars[i + 1..end].iter().collect();
                        out.push(Inline::Em(inlines(&inner)));
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        if c == '[' {
            if let Some(close) = find(i + 1, &[']']) {
                if chars.get(close + 1) == Some(&'(') {
                    if let Some(end) = find(close + 2, &[')']) {
                        flush(&mut buf, &mut out);
                        let label: String = chars[i + 1..close].iter().collect();
                        let url: String = chars[close + 2..end].iter().collect();
                        out.push(Inline::Link(inlines(&label), url));
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        buf.push(c);
        i += 1;
    }
    flush(&mut buf, &mut out);
    out
}

/// Only links that cannot run script: http(s) to other sites, and in-app `#/` links.
fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    (u.starts_with("https://") || u.starts_with("http://") || u.starts_with("#/")).then_some(u)
}

fn render_inlines(items: &[Inline]) -> Html {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(t) => html! { {t.clone()} },
            Inline::Code(c) => html! { <code>{c.clone()}</code> },
            Inline::Strong(v) => html! { <strong>{render_inlines(v)}</strong> },
            Inline::Em(v) => html! { <em>{render_inlines(v)}</em> },
            Inline::Link(v, url) => match safe_url(url) {
                Some(u) if u.starts_with("#/") => html! { <a href={u.to_string()}>{render_inlines(v)}</a> },
                Some(u) => html! {
                    <a href={u.to_string()} target="_blank" rel="noopener noreferrer">{render_inlines(v)}</a>
                },
                None => render_inlines(v),
            },
        })
        .collect()
}

/// Render one line of inline Markdown (`code`, emphasis, links) as Yew nodes: a hint.
pub fn render_inline(text: &str) -> Html {
    render_inlines(&inlines(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_and_raw_html_as_text() {
        assert_eq!(
            inlines("Some *text* and `code`, **<b>x</b>** [a](#/lesson/x)"),
            vec![
                Inline::Text("Some ".into()),
                Inline::Em(vec![Inline::Text("text".into())]),
                Inline::Text(" and ".into()),
                Inline::Code("code".into()),
                Inline::Text(", ".into()),
                Inline::Strong(vec![Inline::Text("<b>x</b>".into())]),
                Inline::Text(" ".into()),
                Inline::Link(vec![Inline::Text("a".into())], "#/lesson/x".into()),
            ]
        );
    }

    #[test]
    fn unsafe_links_are_dropped() {
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(
            safe_url("https://kubernetes.io"),
            Some("https://kubernetes.io")
        );
        assert_eq!(safe_url("#/lesson/x"), Some("#/lesson/x"));
    }

    #[test]
    fn korean_text_and_snake_case_survive() {
        let b = inlines("파드의 `restartPolicy`는 snake_case_name 그대로");
        assert_eq!(b.len(), 3);
        assert_eq!(b[2], Inline::Text("는 snake_case_name 그대로".into()));
    }
}
