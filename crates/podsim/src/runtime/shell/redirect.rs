//! Where the shell's output goes: a command's `>`, `>>` and `2>&1` (the sinks), and a
//! compound command's redirections (`while …; done >> log`, `{ …; } > f`), which hold for
//! every op inside it — functions it calls included — while its frame's pc is in its range.

use super::builtins::{self, Cx};
use super::compile::{Program, Redir, RedirKind};
use super::expand;
use super::vm::{Vm, VmScope};
use crate::runtime::logs::Stream;
use std::rc::Rc;

/// Where a command's output goes.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Sink {
    Out(Stream),
    File { path: String, append: bool },
    Null,
}

/// A compound command's redirections while it runs: the frame and op range they hold in.
#[derive(Debug, Clone)]
pub(super) struct Redirected {
    frame: usize,
    /// The frame's program, so that a later frame at the same depth is not taken for it
    /// (held, so that its address cannot be reused by another).
    prog: Rc<Program>,
    at: usize,
    end: usize,
    out: Option<Sink>,
    err: Option<Sink>,
}

impl Vm {
    /// Where `> target` (or `>> target`) sends output: the file, truncated now unless
    /// appending, or the null device, stdout or stderr by name. None (and status 1) when the
    /// file cannot be created.
    pub(super) fn open_sink(&mut self, target: &str, append: bool, cx: &mut Cx) -> Option<Sink> {
        match target {
            "/dev/null" => return Some(Sink::Null),
            "/dev/stdout" => return Some(Sink::Out(Stream::Stdout)),
            "/dev/stderr" => return Some(Sink::Out(Stream::Stderr)),
            _ => {}
        }
        let path = crate::runtime::fs::normalize(&self.cwd, target);
        if !append {
            if let Err(e) = cx.fs.write(&path, "", false) {
                self.emit(
                    Stream::Stderr,
                    &format!(
                        "sh: can't create {target}: {}\n",
                        builtins::fs_error_text(&e)
                    ),
                );
                self.status = 1;
                return None;
            }
        }
        Some(Sink::File { path, append: true })
    }

    /// A compound command's redirections, from `Op::Redirect` at `at` up to `end`: they hold
    /// while the frame running them is inside that range (a `break` out of it, an `exit`
    /// from a subshell or the end of the block all end them). False when a file cannot be
    /// created: then the command does not run, as in sh.
    pub(super) fn open_redirects(
        &mut self,
        redirs: &[Redir],
        at: usize,
        end: usize,
        cx: &mut Cx,
    ) -> bool {
        self.prune_redirects();
        let (mut out, mut err) = (None, None);
        for r in redirs {
            let target = expand::expand_one(&r.target, &mut VmScope { vm: self, cx });
            match (&r.kind, r.fd) {
                // Standard input of a whole loop (`done < file`) is not simulated.
                (RedirKind::Read, _) => {}
                (RedirKind::Dup(1), 2) => {
                    err = Some(out.clone().unwrap_or(Sink::Out(Stream::Stdout)))
                }
                (RedirKind::Dup(2), 1) => {
                    out = Some(err.clone().unwrap_or(Sink::Out(Stream::Stderr)))
                }
                (RedirKind::Dup(_), _) => {}
                (kind, fd) => {
                    let append = matches!(kind, RedirKind::Append);
                    let Some(sink) = self.open_sink(&target, append, cx) else {
                        return false;
                    };
                    match fd {
                        2 => err = Some(sink),
                        3 => {
                            out = Some(sink.clone());
                            err = Some(sink);
                        }
                        _ => out = Some(sink),
                    }
                }
            }
        }
        let Some(prog) = self.frames.last().map(|f| f.prog.clone()) else {
            return true;
        };
        let frame = self.frames.len() - 1;
        self.redirects.push(Redirected {
            frame,
            prog,
            at,
            end,
            out,
            err,
        });
        true
    }

    /// Forget the compound redirections whose block has been left.
    fn prune_redirects(&mut self) {
        let frames = &self.frames;
        self.redirects.retain(|r| {
            frames
                .get(r.frame)
                .is_some_and(|f| Rc::ptr_eq(&f.prog, &r.prog) && f.pc > r.at + 1 && f.pc <= r.end)
        });
    }

    /// Where `stream` goes now: through the redirections of the compound commands the
    /// shell is inside, innermost first.
    fn resolve(&mut self, stream: Stream) -> Sink {
        self.prune_redirects();
        let mut current = stream;
        for r in self.redirects.iter().rev() {
            let to = match current {
                Stream::Stdout => &r.out,
                Stream::Stderr => &r.err,
            };
            match to {
                Some(Sink::Out(s)) => current = *s,
                Some(other) => return other.clone(),
                None => {}
            }
        }
        Sink::Out(current)
    }

    pub(super) fn route(&mut self, sink: &Sink, text: &str, cx: &mut Cx) {
        if text.is_empty() {
            return;
        }
        let resolved;
        let sink = match sink {
            Sink::Out(stream) if !self.redirects.is_empty() => {
                resolved = self.resolve(*stream);
                &resolved
            }
            other => other,
        };
        match sink {
            Sink::Out(s) => self.emit(*s, text),
            Sink::Null => {}
            Sink::File { path, append } => {
                if let Err(e) = cx.fs.write(path, text, *append) {
                    self.emit(
                        Stream::Stderr,
                        &format!("sh: can't create {path}: {}\n", builtins::fs_error_text(&e)),
                    );
                }
            }
        }
    }
}
