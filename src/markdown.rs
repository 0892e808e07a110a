//! A small Markdown renderer for lesson texts: headings, paragraphs, lists, block quotes,
//! fenced code, inline code, bold, italics and links. It builds Yew nodes directly — text
//! only ever becomes text nodes, never HTML — so lesson files cannot inject markup.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Strong(Vec<Inline>),
    Em(Vec<Inline>),
    Link(Vec<Inline>, String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    List(bool, Vec<Vec<Inline>>),
    Quote(Vec<Inline>),
    Code(String, String),
}

/// Parse Markdown text into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inlines(&para.join(" "))));
            para.clear();
        }
    };
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("```") {
            flush(&mut para, &mut blocks);
            let lang = rest.trim().to_string();
            let mut code = Vec::new();
            i += 1;
            while i < lines.len() && !lines[i].trim_start().starts_with("```") {
                code.push(lines[i]);
                i += 1;
            }
            blocks.push(Block::Code(lang, code.join("\n")));
            i += 1;
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut para, &mut blocks);
            i += 1;
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if (1..=4).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Heading(
                hashes as u8,
                inlines(trimmed[hashes..].trim()),
            ));
            i += 1;
            continue;
        }
        if let Some(q) = trimmed.strip_prefix('>') {
            flush(&mut para, &mut blocks);
            let mut parts = vec![q.trim()];
            i += 1;
            while i < lines.len() {
                match lines[i].trim_start().strip_prefix('>') {
                    Some(q) => parts.push(q.trim()),
                    None => break,
                }
                i += 1;
            }
            blocks.push(Block::Quote(inlines(&parts.join(" "))));
            continue;
        }
        if let Some((ordered, _)) = list_item(trimmed) {
            flush(&mut para, &mut blocks);
            let mut items: Vec<String> = Vec::new();
            while i < lines.len() {
                let l = lines[i].trim_start();
                if l.is_empty() {
                    break;
                }
                match list_item(l) {
                    Some((o, body)) if o == ordered => items.push(body.to_string()),
                    Some(_) => break,
                    None => {
                        // A continuation line of the previous item.
                        match items.last_mut() {
                            Some(last) if lines[i].starts_with(' ') => {
                                last.push(' ');
                                last.push_str(l);
                            }
                            _ => break,
                        }
                    }
                }
                i += 1;
            }
            blocks.push(Block::List(
                ordered,
                items.iter().map(|s| inlines(s)).collect(),
            ));
            continue;
        }
        para.push(trimmed);
        i += 1;
    }
    flush(&mut para, &mut blocks);
    blocks
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        if let Some(rest) = line[digits..].strip_prefix(". ") {
            return Some((true, rest));
        }
    }
    None
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

/// Render Markdown as Yew nodes.
pub fn render(text: &str) -> Html {
    parse(text)
        .iter()
        .map(|b| match b {
            Block::Heading(1, v) => html! { <h3>{render_inlines(v)}</h3> },
            Block::Heading(2, v) => html! { <h4>{render_inlines(v)}</h4> },
            Block::Heading(_, v) => html! { <h5>{render_inlines(v)}</h5> },
            Block::Paragraph(v) => html! { <p>{render_inlines(v)}</p> },
            Block::Quote(v) => html! { <blockquote>{render_inlines(v)}</blockquote> },
            Block::List(false, items) => html! {
                <ul>{ for items.iter().map(|it| html! { <li>{render_inlines(it)}</li> }) }</ul>
            },
            Block::List(true, items) => html! {
                <ol>{ for items.iter().map(|it| html! { <li>{render_inlines(it)}</li> }) }</ol>
            },
            Block::Code(lang, code) => html! {
                <pre class={classes!("code", (!lang.is_empty()).then(|| format!("lang-{lang}")))}><code>{code.clone()}</code></pre>
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks() {
        let b = parse(
            "# Title\n\nSome *text* and `code`.\n\n- one\n- two\n\n```yaml\na: b\n```\n> note",
        );
        assert_eq!(b.len(), 5);
        assert!(matches!(&b[0], Block::Heading(1, _)));
        assert_eq!(
            b[1],
            Block::Paragraph(vec![
                Inline::Text("Some ".into()),
                Inline::Em(vec![Inline::Text("text".into())]),
                Inline::Text(" and ".into()),
                Inline::Code("code".into()),
                Inline::Text(".".into()),
            ])
        );
        assert!(matches!(&b[2], Block::List(false, items) if items.len() == 2));
        assert_eq!(b[3], Block::Code("yaml".into(), "a: b".into()));
        assert!(matches!(&b[4], Block::Quote(_)));
    }

    #[test]
    fn raw_html_stays_text() {
        let b = parse("<script>alert(1)</script> **<b>x</b>**");
        assert_eq!(
            b[0],
            Block::Paragraph(vec![
                Inline::Text("<script>alert(1)</script> ".into()),
                Inline::Strong(vec![Inline::Text("<b>x</b>".into())]),
            ])
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
