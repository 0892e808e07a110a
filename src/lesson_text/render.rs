//! Lesson prose (a body, a hint) from Markdown to HTML, at build time (native only: the wasm
//! never carries this parser). CommonMark by pulldown-cmark, written out here tag by tag, so
//! the markup is exactly what the styles expect and nothing else:
//! - raw HTML (blocks and inline) stays text: `<script>` shows as `<script>`;
//! - links lead only to the app's own pages (`#/…`, plain) or to http(s) sites (a new tab,
//!   no opener); any other address (`javascript:`, `data:`) leaves the link's text alone;
//! - images show their alt text, never load;
//! - headings start at `<h3>` (the page's and the lesson's titles come first);
//! - fenced code is `<pre class="code lang-LANG"><code>`, as the editor's colours expect.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Text for a double-quoted HTML attribute.
pub fn escape(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

/// Text for an HTML element.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// An address a lesson may link to: the app's own pages and http(s) sites.
fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    (u.starts_with("https://") || u.starts_with("http://") || u.starts_with("#/")).then_some(u)
}

fn heading(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h3",
        HeadingLevel::H2 => "h4",
        _ => "h5",
    }
}

/// Markdown to HTML, block by block (a body, a hint).
pub fn render(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    // What each open link or image closes with ("" for one shown as its text only).
    let mut closers: Vec<&'static str> = Vec::new();
    let mut in_code_block = false;
    let mut image_depth = 0usize;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level, .. } => {
                    out.push('<');
                    out.push_str(heading(level));
                    out.push('>');
                }
                Tag::BlockQuote(_) => out.push_str("<blockquote>"),
                Tag::CodeBlock(kind) => {
                    in_code_block = true;
                    let lang = match &kind {
                        CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                        CodeBlockKind::Indented => "",
                    };
                    if lang.is_empty() {
                        out.push_str("<pre class=\"code\"><code>");
                    } else {
                        out.push_str(&format!("<pre class=\"code lang-{}\"><code>", escape(lang)));
                    }
                }
                Tag::HtmlBlock => out.push_str("<p>"),
                Tag::List(Some(start)) if start != 1 => {
                    out.push_str(&format!("<ol start=\"{start}\">"))
                }
                Tag::List(Some(_)) => out.push_str("<ol>"),
                Tag::List(None) => out.push_str("<ul>"),
                Tag::Item => out.push_str("<li>"),
                Tag::Table(_) => out.push_str("<table>"),
                Tag::TableHead => out.push_str("<thead><tr>"),
                Tag::TableRow => out.push_str("<tr>"),
                Tag::TableCell => out.push_str("<td>"),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Strikethrough => out.push_str("<del>"),
                Tag::Link { dest_url, .. } => match safe_url(&dest_url) {
                    Some(u) if u.starts_with("#/") => {
                        out.push_str(&format!("<a href=\"{}\">", escape(u)));
                        closers.push("</a>");
                    }
                    Some(u) => {
                        out.push_str(&format!(
                            "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">",
                            escape(u)
                        ));
                        closers.push("</a>");
                    }
                    None => closers.push(""),
                },
                Tag::Image { .. } => image_depth += 1,
                // Not enabled (footnotes, definition lists, metadata…): their text only.
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::HtmlBlock => out.push_str("</p>"),
                TagEnd::Heading(level) => {
                    out.push_str("</");
                    out.push_str(heading(level));
                    out.push('>');
                }
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>"),
                TagEnd::CodeBlock => {
                    in_code_block = false;
                    // The block's last line break is the fence's, not the code's.
                    if out.ends_with('\n') {
                        out.pop();
                    }
                    out.push_str("</code></pre>");
                }
                TagEnd::List(true) => out.push_str("</ol>"),
                TagEnd::List(false) => out.push_str("</ul>"),
                TagEnd::Item => out.push_str("</li>"),
                TagEnd::Table => out.push_str("</tbody></table>"),
                TagEnd::TableHead => out.push_str("</tr></thead><tbody>"),
                TagEnd::TableRow => out.push_str("</tr>"),
                TagEnd::TableCell => out.push_str("</td>"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</del>"),
                TagEnd::Link => out.push_str(closers.pop().unwrap_or("")),
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                _ => {}
            },
            // Raw HTML is text like any other.
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&escape_text(&t))
            }
            Event::Code(c) => {
                out.push_str("<code>");
                out.push_str(&escape_text(&c));
                out.push_str("</code>");
            }
            Event::SoftBreak if in_code_block => out.push('\n'),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak if image_depth > 0 => out.push(' '),
            Event::HardBreak => out.push_str("<br>"),
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                out.push_str(&escape_text(&t))
            }
            Event::Rule => out.push_str("<hr>"),
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_inlines() {
        let html = render(
            "# Title\n\nSome *text* and `code`,\n**bold** snake_case_name.\n\n- one\n- two\n\n1. a\n2. b\n\n```yaml\na: b\n```\n\n> note",
        );
        assert_eq!(
            html,
            "<h3>Title</h3>\
             <p>Some <em>text</em> and <code>code</code>, <strong>bold</strong> snake_case_name.</p>\
             <ul><li>one</li><li>two</li></ul>\
             <ol><li>a</li><li>b</li></ol>\
             <pre class=\"code lang-yaml\"><code>a: b</code></pre>\
             <blockquote><p>note</p></blockquote>"
        );
    }

    #[test]
    fn raw_html_stays_text() {
        let html =
            render("<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> and **<b>x</b>**");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(
            html.contains("<strong>&lt;b&gt;x&lt;/b&gt;</strong>"),
            "{html}"
        );
    }

    #[test]
    fn links_lead_only_to_the_app_or_to_web_sites() {
        assert_eq!(
            render("[a](#/lesson/x) [b](https://kubernetes.io) [c](javascript:alert(1)) [d](data:text/html,x)"),
            "<p><a href=\"#/lesson/x\">a</a> \
             <a href=\"https://kubernetes.io\" target=\"_blank\" rel=\"noopener noreferrer\">b</a> c d</p>"
        );
        // An attribute cannot be closed from inside the address.
        let html = render("[x](https://a.example/\"onmouseover=\"alert(1))");
        assert!(!html.contains("\"onmouseover"), "{html}");
        // Images are their alt text.
        assert_eq!(
            render("![alt *text*](https://x.example/i.png)"),
            "<p>alt <em>text</em></p>"
        );
    }

    #[test]
    fn code_keeps_its_lines_and_escapes() {
        assert_eq!(
            render("```\nif a < b && c:\n  x\n```"),
            "<pre class=\"code\"><code>if a &lt; b &amp;&amp; c:\n  x</code></pre>"
        );
    }

    #[test]
    fn korean_text_survives() {
        assert_eq!(
            render("파드의 `restartPolicy`는\n그대로임."),
            "<p>파드의 <code>restartPolicy</code>는 그대로임.</p>"
        );
    }
}
