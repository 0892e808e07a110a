//! Positions in the source: byte offset → 1-based line and column (in characters) and the
//! UTF-16 offset CodeMirror counts in; char offset → byte offset.

#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
}

/// A resolved position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub col: u32,
    pub utf16: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { text, starts }
    }

    /// Clamp to the text and to a char boundary.
    pub fn clamp(&self, byte: usize) -> usize {
        let mut b = byte.min(self.text.len());
        while b > 0 && !self.text.is_char_boundary(b) {
            b -= 1;
        }
        b
    }

    pub fn position(&self, byte: usize) -> Position {
        let b = self.clamp(byte);
        let line = self.starts.partition_point(|&s| s <= b).max(1);
        let start = self.starts[line - 1];
        let col = self.text[start..b].chars().count() as u32 + 1;
        let utf16 = self.text[..b].encode_utf16().count();
        Position {
            line: line as u32,
            col,
            utf16,
        }
    }

    /// Byte offset of a character offset.
    pub fn byte_of_char(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map(|(b, _)| b)
            .unwrap_or(self.text.len())
    }

    /// Byte offset of a 1-based line and column (in chars).
    pub fn byte_of_line_col(&self, line: u32, col: u32) -> usize {
        let Some(&start) = self.starts.get((line.max(1) - 1) as usize) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(col.max(1) as usize - 1)
            .map(|(b, _)| start + b)
            .unwrap_or_else(|| start + rest.find('\n').unwrap_or(rest.len()))
    }

    /// Byte offset of a UTF-16 offset.
    pub fn byte_of_utf16(&self, utf16: usize) -> usize {
        let mut units = 0;
        for (b, c) in self.text.char_indices() {
            if units >= utf16 {
                return b;
            }
            units += c.len_utf16();
        }
        self.text.len()
    }

    /// The end of the line containing `byte` (before its newline).
    pub fn line_end(&self, byte: usize) -> usize {
        let b = self.clamp(byte);
        b + self.text[b..].find('\n').unwrap_or(self.text.len() - b)
    }

    pub fn text(&self) -> &'a str {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_and_utf16() {
        let text = "a: 1\n# 한글 🚀\nb: 2\n";
        let idx = LineIndex::new(text);
        let b = text.find("b:").unwrap();
        assert_eq!(
            idx.position(b),
            Position {
                line: 3,
                col: 1,
                utf16: 5 + 7 + 1
            }
        );
        let rocket = text.find('🚀').unwrap();
        assert_eq!(idx.position(rocket).col, 6);
        assert_eq!(idx.byte_of_utf16(idx.position(b).utf16), b);
        assert_eq!(idx.byte_of_line_col(3, 1), b);
        assert_eq!(idx.byte_of_char(3), 3);
        assert_eq!(idx.clamp(rocket + 1), rocket);
    }
}
