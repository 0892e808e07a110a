//! Spaces that are not spaces: text copied from a web page, a word processor or typed with a
//! Korean IME in full-width mode can carry a no-break space (U+00A0), an ideographic space
//! (U+3000) or a zero-width one where YAML needs an ordinary space. YAML reads them as part
//! of a key or a value, so the apiserver's message (`unknown field "  name"`) names a field
//! that looks right. Here: the hint that says what is really on the line.

use super::Diagnostic;
use crate::text::Text;

/// The unusual space characters, with their names in English and Korean.
const SPACES: [(char, &str, &str); 7] = [
    ('\u{00A0}', "no-break space", "줄바꿈 없는 공백"),
    ('\u{3000}', "ideographic (full-width) space", "전각 공백"),
    ('\u{200B}', "zero-width space", "폭 없는 공백"),
    (
        '\u{FEFF}',
        "zero-width no-break space (BOM)",
        "폭 없는 줄바꿈 없는 공백(BOM)",
    ),
    ('\u{2002}', "en space", "반각 공백(en space)"),
    ('\u{2003}', "em space", "전각 공백(em space)"),
    ('\u{202F}', "narrow no-break space", "좁은 줄바꿈 없는 공백"),
];

/// The first unusual space on a line.
fn unusual_space(line: &str) -> Option<(char, &'static str, &'static str)> {
    line.chars()
        .find_map(|c| SPACES.iter().find(|(s, _, _)| *s == c).copied())
}

/// For each error on a line that holds an unusual space, the hint that names it (in place of
/// a general one: this is the cause).
pub fn explain(text: &str, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut() {
        let at = d.span.start.min(text.len());
        let (Some(head), Some(tail)) = (text.get(..at), text.get(at..)) else {
            continue;
        };
        let start = head.rfind('\n').map_or(0, |i| i + 1);
        let end = at + tail.find('\n').unwrap_or(tail.len());
        let Some((c, en, ko)) = text.get(start..end).and_then(unusual_space) else {
            continue;
        };
        let code = format!("U+{:04X}", c as u32);
        d.hint = Some(Text::new(
            format!(
                "this line has a {en} ({code}) where YAML needs an ordinary space (text copied \
                 from a web page or a document often carries one): retype the spaces on this line"
            ),
            format!(
                "이 줄에는 YAML이 일반 공백을 기대하는 곳에 {ko}({code})이 있습니다(웹 페이지나 \
                 문서에서 복사한 글에 자주 섞여 있습니다). 이 줄의 공백을 다시 입력하세요"
            ),
        ));
    }
}
