//! Characters that look like YAML's own: text copied from a web page or a word processor, or
//! typed with a Korean IME in full-width mode, can carry a no-break space (U+00A0), an
//! ideographic space (U+3000), a zero-width one, or a full-width colon (U+FF1A) where YAML
//! needs a space or a `:`. YAML reads them as part of a key or a value, so the apiserver's
//! message (`unknown field "  name"`) names a field that looks right. Here: the hint that
//! says what is really on the line.

use super::Diagnostic;
use crate::text::Text;

/// The look-alikes: the character, its names in English and Korean, and the ASCII character
/// YAML needs in its place.
const LOOK_ALIKES: [(char, &str, &str, char); 10] = [
    ('\u{00A0}', "no-break space", "줄바꿈 없는 공백", ' '),
    (
        '\u{3000}',
        "ideographic (full-width) space",
        "전각 공백",
        ' ',
    ),
    ('\u{200B}', "zero-width space", "폭 없는 공백", ' '),
    (
        '\u{FEFF}',
        "zero-width no-break space (BOM)",
        "폭 없는 줄바꿈 없는 공백(BOM)",
        ' ',
    ),
    ('\u{2002}', "en space", "반각 공백(en space)", ' '),
    ('\u{2003}', "em space", "전각 공백(em space)", ' '),
    (
        '\u{202F}',
        "narrow no-break space",
        "좁은 줄바꿈 없는 공백",
        ' ',
    ),
    ('\u{FF1A}', "full-width colon", "전각 쌍점", ':'),
    ('\u{FF0D}', "full-width hyphen-minus", "전각 하이픈", '-'),
    ('\u{FF03}', "full-width number sign", "전각 샵", '#'),
];

/// The first look-alike on a line.
fn look_alike(line: &str) -> Option<(char, &'static str, &'static str, char)> {
    line.chars()
        .find_map(|c| LOOK_ALIKES.iter().find(|l| l.0 == c).copied())
}

/// For each error on a line that holds an unusual space, the hint that names it (in place of
/// a general one: this is the cause).
pub fn explain(text: &str, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut() {
        let at = d.span.start.min(text.len());
        let (Some(head), Some(tail)) = (text.get(..at), text.get(at..)) else {
            continue;
        };
        // The line, or 4 KB of it on either side of the error (a 1 MB line is refused
        // before it is read).
        let mut start = head
            .rfind('\n')
            .map_or(0, |i| i + 1)
            .max(at.saturating_sub(4096));
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = at + tail.find('\n').unwrap_or(tail.len()).min(4096);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let Some((c, en, ko, ascii)) = text.get(start..end).and_then(look_alike) else {
            continue;
        };
        let code = format!("U+{:04X}", c as u32);
        let (want_en, want_ko) = match ascii {
            ' ' => ("an ordinary space".to_string(), "일반 공백".to_string()),
            a => (format!("`{a}`"), format!("`{a}`")),
        };
        d.hint = Some(Text::new(
            format!(
                "this line has a {en} ({code}) where YAML needs {want_en} (text copied from a \
                 web page or a document, or typed in full-width mode, often carries one): \
                 retype it"
            ),
            format!(
                "이 줄에는 {want_ko} 대신 {ko}({code})이 있습니다(웹 페이지나 문서에서 \
                 복사했거나 전각 모드로 입력한 글에 자주 섞여 있습니다). 다시 입력하세요"
            ),
        ));
    }
}
