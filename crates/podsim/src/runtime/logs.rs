//! Container logs: every line a container instance writes, with its virtual time and stream,
//! bounded so that a chatty loop cannot exhaust memory.

use crate::time::Millis;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    pub t: Millis,
    pub stream: Stream,
    pub text: String,
}

/// The most lines kept per container instance (older ones are dropped first).
pub const MAX_LINES: usize = 5_000;

#[derive(Debug, Clone, Default)]
pub struct LogBuffer {
    pub lines: Vec<LogLine>,
    /// Text written without a final newline yet, per stream.
    partial: [String; 2],
}

impl LogBuffer {
    /// Append output; complete lines become log lines.
    pub fn write(&mut self, t: Millis, stream: Stream, text: &str) {
        let slot = match stream {
            Stream::Stdout => 0,
            Stream::Stderr => 1,
        };
        let mut rest = text;
        while let Some(i) = rest.find('\n') {
            let mut line = std::mem::take(&mut self.partial[slot]);
            line.push_str(&rest[..i]);
            self.push(LogLine {
                t,
                stream,
                text: line,
            });
            rest = &rest[i + 1..];
        }
        self.partial[slot].push_str(rest);
    }

    /// Flush a dangling partial line (the process exited).
    pub fn flush(&mut self, t: Millis) {
        for (slot, stream) in [(0, Stream::Stdout), (1, Stream::Stderr)] {
            if !self.partial[slot].is_empty() {
                let text = std::mem::take(&mut self.partial[slot]);
                self.push(LogLine { t, stream, text });
            }
        }
    }

    fn push(&mut self, line: LogLine) {
        if self.lines.len() >= MAX_LINES {
            let cut = MAX_LINES / 10;
            self.lines.drain(..cut);
        }
        self.lines.push(line);
    }
}
