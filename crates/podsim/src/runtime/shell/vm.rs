//! The shell's virtual machine: runs compiled programs op by op, keeps variables, functions,
//! loops and traps, sends output where `redirect` says (the process log, `$(…)` captures,
//! files), and stops when a command needs virtual time (`sleep`), blocks (`tail -f`, `wait`,
//! a server in the foreground) or exits — to be resumed by the runtime later. Commands that
//! act on the shell itself (`cd`, `trap`, `eval`, functions, `$(…)`) are in `special`.

use super::builtins::{Action, Cx, Outcome};
use super::compile::{compile_cached, Op, Program, RedirKind, SimpleCmd};
use super::expand::{self, Scope};
use super::redirect::{Redirected, Sink};
use crate::runtime::logs::Stream;
use crate::time::Millis;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A command line as the script wrote it, for the record of the files it changed:
/// `rm -f /tmp/healthy`, `echo ok > /tmp/ready`.
fn command_line(argv: &[String], written: &[(bool, String)]) -> String {
    let mut s = argv.join(" ");
    for (append, target) in written {
        s.push_str(if *append { " >> " } else { " > " });
        s.push_str(target);
    }
    s
}

/// Why the VM stopped running.
#[derive(Debug, Clone, PartialEq)]
pub enum Yield {
    /// Resume after this many milliseconds.
    Sleep(Millis),
    Exit(i32),
    /// Run an image program (a server…): in place of the shell when `replace`, else as a
    /// foreground child the shell waits for.
    Program {
        argv: Vec<String>,
        replace: bool,
    },
    /// `tail -f`: follow a file from this byte offset, forever.
    Follow {
        path: String,
        from: usize,
    },
    /// `wait`: until background jobs end.
    WaitChildren,
    /// `cmd &`: start this beside the shell, then resume at once.
    Spawn(Rc<Program>),
    /// `kill`: deliver a signal to a pid, then resume.
    Kill {
        pid: i64,
        signal: String,
    },
    /// Ran its share of steps; resume after 1 ms.
    Budget,
}

#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub(super) prog: Rc<Program>,
    pub(super) pc: usize,
    pub(super) loops: Vec<(Vec<String>, usize)>,
    pub(super) positional: Option<Vec<String>>,
    /// Running a trap handler: exit when it finishes if `then_exit`.
    pub(super) trap: bool,
    /// A subshell `( … )`: the shell's state when it began, put back when it ends (or
    /// `exit`s), so what it assigns, defines or `cd`s to stays inside.
    pub(super) subshell: Option<Box<Outer>>,
}

/// What a subshell changes in its own copy only.
#[derive(Debug, Clone)]
pub(super) struct Outer {
    vars: Rc<BTreeMap<String, String>>,
    functions: BTreeMap<String, Rc<Program>>,
    traps: BTreeMap<String, String>,
    cwd: String,
}

impl Frame {
    pub(super) fn new(prog: Rc<Program>, positional: Option<Vec<String>>) -> Self {
        let slots = prog.slots;
        Frame {
            prog,
            pc: 0,
            loops: vec![(Vec::new(), 0); slots],
            positional,
            trap: false,
            subshell: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Vm {
    pub(super) frames: Vec<Frame>,
    /// Shell variables, shared copy-on-write with the container's environment.
    pub vars: Rc<BTreeMap<String, String>>,
    pub status: i32,
    pub(super) functions: BTreeMap<String, Rc<Program>>,
    pub traps: BTreeMap<String, String>,
    /// Signals that arrived and wait for the next command boundary.
    pub pending_signals: Vec<String>,
    pub cwd: String,
    /// Output for the process (stdout/stderr), drained by the runtime.
    pub output: Vec<(Stream, String)>,
    /// Active `$(…)` captures.
    pub(super) captures: Vec<String>,
    pub ops_run: u64,
    /// How deep substitutions nest.
    pub(super) subst_depth: usize,
    /// Bytes written to `output` in the current slice.
    slice_output: usize,
    /// Steps run in the current slice.
    slice_steps: u32,
    /// Steps this VM runs before it yields (`BUDGET`, or less for a long busy loop).
    pub budget: u32,
    /// The redirections of the compound commands being run, outermost first.
    pub(super) redirects: Vec<Redirected>,
}

/// Steps a VM runs before it yields its share of the CPU.
pub const BUDGET: u32 = 1000;
/// Steps per slice once a loop has been busy long enough that each slice stands for a whole
/// second (`Scheduler::busy_slice`): what it does repeats, so a few turns of it per second
/// show the same behaviour (its output, what it notices) at a tenth of the cost — a
/// half-typed `sleep` in a `while true` loop must not stall the editor.
pub const LONG_BUSY_BUDGET: u32 = 100;
/// Expanding text takes time too: every this many bytes a command's words and assignments
/// expand to count as one more step, so a loop whose variable grows without end
/// (`i=$i+1`) slows like a busy loop instead of copying megabytes at one instant (a fuzzed
/// manifest took 1.5 s to simulate ten minutes of it).
pub const STEP_BYTES: usize = 256;
/// Bytes of output a VM writes before it yields its share: writing takes time too, so a loop
/// that floods its log is slowed like a busy loop instead of writing millions of lines at
/// one instant.
pub const SLICE_OUTPUT: usize = 4096;

impl Vm {
    pub fn new(
        prog: Rc<Program>,
        positional: Vec<String>,
        env: &[(String, String)],
        cwd: &str,
    ) -> Self {
        Self::with_vars(
            prog,
            positional,
            Rc::new(env.iter().cloned().collect()),
            cwd,
        )
    }

    /// A VM sharing an existing variable map (copied only if the script assigns).
    pub fn with_vars(
        prog: Rc<Program>,
        positional: Vec<String>,
        vars: Rc<BTreeMap<String, String>>,
        cwd: &str,
    ) -> Self {
        Vm {
            frames: vec![Frame::new(prog, Some(positional))],
            vars,
            status: 0,
            functions: BTreeMap::new(),
            traps: BTreeMap::new(),
            pending_signals: Vec::new(),
            cwd: cwd.to_string(),
            output: Vec::new(),
            captures: Vec::new(),
            ops_run: 0,
            subst_depth: 0,
            slice_output: 0,
            slice_steps: 0,
            budget: BUDGET,
            redirects: Vec::new(),
        }
    }

    /// A child shell for a background job: same variables and functions, its own program.
    pub fn fork(&self, prog: Rc<Program>) -> Vm {
        let mut v = Vm::new(prog, self.positional(), &[], &self.cwd);
        v.vars = self.vars.clone();
        v.functions = self.functions.clone();
        v
    }

    pub(super) fn positional(&self) -> Vec<String> {
        self.frames
            .iter()
            .rev()
            .find_map(|f| f.positional.clone())
            .unwrap_or_default()
    }

    pub(super) fn emit(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        if stream == Stream::Stdout {
            if let Some(c) = self.captures.last_mut() {
                c.push_str(text);
                return;
            }
        }
        self.slice_output += text.len();
        self.output.push((stream, text.to_string()));
    }

    /// Resume after a yield: set `$?` from what happened.
    pub fn resume_with(&mut self, status: i32) {
        self.status = status;
    }

    /// A signal arrived. Returns whether the shell has a trap for it.
    pub fn signal(&mut self, name: &str) -> bool {
        if self.traps.contains_key(name) {
            self.pending_signals.push(name.to_string());
            true
        } else {
            false
        }
    }

    /// Run a new slice until something needs the world.
    pub fn run(&mut self, cx: &mut Cx) -> Yield {
        self.slice_steps = 0;
        self.slice_output = 0;
        self.run_on(cx)
    }

    /// Go on with the current slice after something that took no time (`wait` with nothing to
    /// wait for, `kill`): its steps count against the same budget, so a loop of such commands
    /// uses it up and yields like any busy loop instead of spinning at one instant.
    pub fn run_on(&mut self, cx: &mut Cx) -> Yield {
        loop {
            if let Some(sig) = self.pending_signals.pop() {
                if let Some(action) = self.traps.get(&sig).cloned() {
                    match compile_cached(&action) {
                        Ok(p) => {
                            let mut f = Frame::new(p, None);
                            f.trap = true;
                            self.frames.push(f);
                        }
                        Err(e) => self.emit(Stream::Stderr, &format!("{}\n", e.0)),
                    }
                }
            }
            self.slice_steps += 1;
            self.ops_run += 1;
            if self.slice_steps > self.budget || self.slice_output > SLICE_OUTPUT {
                return Yield::Budget;
            }
            let Some(frame) = self.frames.last_mut() else {
                return Yield::Exit(self.status);
            };
            let Some(op) = frame.prog.ops.get(frame.pc).cloned() else {
                if let Some(outer) = self.frames.pop().and_then(|f| f.subshell) {
                    self.leave_subshell(*outer);
                }
                if self.frames.is_empty() {
                    return Yield::Exit(self.status);
                }
                continue;
            };
            frame.pc += 1;
            match op {
                Op::Jmp(t) => frame.pc = t,
                Op::JmpIfFail(t) => {
                    if self.status != 0 {
                        frame.pc = t;
                    }
                }
                Op::JmpIfOk(t) => {
                    if self.status == 0 {
                        frame.pc = t;
                    }
                }
                Op::Not => self.status = i32::from(self.status == 0),
                Op::ForInit { words, slot } => {
                    let mut values = Vec::new();
                    for w in &words {
                        values.extend(expand::expand(w, &mut VmScope { vm: self, cx }));
                    }
                    if let Some(f) = self.frames.last_mut() {
                        if let Some(l) = f.loops.get_mut(slot) {
                            *l = (values, 0);
                        }
                    }
                    self.status = 0;
                }
                Op::ForNext { slot, var, end } => {
                    let next = self.frames.last_mut().and_then(|f| {
                        let l = f.loops.get_mut(slot)?;
                        let v = l.0.get(l.1).cloned();
                        l.1 += 1;
                        Some(v)
                    });
                    match next.flatten() {
                        Some(v) => {
                            Rc::make_mut(&mut self.vars).insert(var, v);
                        }
                        None => {
                            if let Some(f) = self.frames.last_mut() {
                                f.pc = end;
                            }
                        }
                    }
                }
                Op::Case { word, arms, end } => {
                    let value = expand::expand_one(&word, &mut VmScope { vm: self, cx });
                    let mut target = end;
                    'arms: for (pats, at) in &arms {
                        for p in pats {
                            let pat = expand::expand_one(p, &mut VmScope { vm: self, cx });
                            if glob_match(&pat, &value) {
                                target = *at;
                                break 'arms;
                            }
                        }
                    }
                    if let Some(f) = self.frames.last_mut() {
                        f.pc = target;
                    }
                    self.status = 0;
                }
                Op::DefineFn(name, prog) => {
                    self.functions.insert(name, prog);
                    self.status = 0;
                }
                Op::Redirect { redirs, end } => {
                    let at = self.frames.last().map_or(0, |f| f.pc.saturating_sub(1));
                    if !self.open_redirects(&redirs, at, end, cx) {
                        if let Some(f) = self.frames.last_mut() {
                            f.pc = end;
                        }
                    }
                }
                Op::Subshell(prog) => {
                    let mut f = Frame::new(prog, Some(self.positional()));
                    f.subshell = Some(Box::new(Outer {
                        vars: self.vars.clone(),
                        functions: self.functions.clone(),
                        traps: std::mem::take(&mut self.traps),
                        cwd: self.cwd.clone(),
                    }));
                    self.frames.push(f);
                }
                Op::Background(prog) => {
                    self.status = 0;
                    return Yield::Spawn(prog);
                }
                Op::Run { stages, tail } => {
                    if let Some(y) = self.run_stages(&stages, tail, cx) {
                        return y;
                    }
                }
            }
        }
    }

    fn run_stages(&mut self, stages: &[SimpleCmd], tail: bool, cx: &mut Cx) -> Option<Yield> {
        let mut stdin: Option<String> = None;
        let n = stages.len();
        for (i, cmd) in stages.iter().enumerate() {
            let last = i + 1 == n;
            // Expand assignments and words.
            let mut assigns = Vec::new();
            for (name, w) in &cmd.assigns {
                assigns.push((
                    name.clone(),
                    expand::expand_one(w, &mut VmScope { vm: self, cx }),
                ));
            }
            let mut argv = Vec::new();
            for w in &cmd.words {
                argv.extend(expand::expand(w, &mut VmScope { vm: self, cx }));
            }
            let bytes: usize = assigns.iter().map(|(_, v)| v.len()).sum::<usize>()
                + argv.iter().map(String::len).sum::<usize>();
            self.slice_steps = self
                .slice_steps
                .saturating_add(u32::try_from(bytes / STEP_BYTES).unwrap_or(u32::MAX));
            if argv.is_empty() {
                for (k, v) in assigns {
                    Rc::make_mut(&mut self.vars).insert(k, v);
                }
                self.status = 0;
                continue;
            }
            // Files this command creates or removes are stamped with its command line.
            let mark = cx.fs.journal.len();
            let mut written: Vec<(bool, String)> = Vec::new();
            // Redirections.
            let mut out_sink = if last {
                Sink::Out(Stream::Stdout)
            } else {
                Sink::Null
            };
            let mut err_sink = Sink::Out(Stream::Stderr);
            let mut pipe_out = !last;
            for r in &cmd.redirs {
                let target = expand::expand_one(&r.target, &mut VmScope { vm: self, cx });
                match (&r.kind, r.fd) {
                    (RedirKind::Read, _) => {
                        if let Some(doc) = target.strip_prefix("\u{0}heredoc:") {
                            stdin = Some(doc.to_string());
                        } else {
                            let path = crate::runtime::fs::normalize(&self.cwd, &target);
                            match cx.fs.read(&path) {
                                Ok(c) => stdin = Some(c),
                                Err(_) => {
                                    self.emit(Stream::Stderr, &format!("sh: can't open '{target}': No such file or directory\n"));
                                    self.status = 1;
                                    return None;
                                }
                            }
                        }
                    }
                    (RedirKind::Dup(to), fd) => {
                        if fd == 2 && *to == 1 {
                            err_sink = out_sink.clone();
                        } else if fd == 1 && *to == 2 {
                            out_sink = err_sink.clone();
                            pipe_out = false;
                        }
                    }
                    (kind, fd) => {
                        let append = matches!(kind, RedirKind::Append);
                        let sink = self.open_sink(&target, append, cx)?;
                        if matches!(sink, Sink::File { .. }) {
                            written.push((append, target.clone()));
                        }
                        match fd {
                            2 => err_sink = sink,
                            3 => {
                                out_sink = sink.clone();
                                err_sink = sink;
                                pipe_out = false;
                            }
                            _ => {
                                out_sink = sink;
                                pipe_out = false;
                            }
                        }
                    }
                }
            }
            let outcome = self.command(&argv, &assigns, stdin.take(), tail && last && n == 1, cx);
            let Outcome {
                status,
                stdout,
                stderr,
                action,
            } = outcome;
            if pipe_out {
                stdin = Some(stdout.clone());
            } else {
                self.route(&out_sink, &stdout, cx);
            }
            self.route(&err_sink, &stderr, cx);
            cx.fs.stamp(mark, || command_line(&argv, &written));
            self.status = status;
            if let Some(a) = action {
                if let Some(y) = self.act(a) {
                    return Some(y);
                }
            }
        }
        None
    }

    /// A subshell ended: the shell's own state again; the status stays the subshell's.
    fn leave_subshell(&mut self, outer: Outer) {
        self.vars = outer.vars;
        self.functions = outer.functions;
        self.traps = outer.traps;
        self.cwd = outer.cwd;
    }

    fn act(&mut self, a: Action) -> Option<Yield> {
        match a {
            Action::Sleep(ms) => Some(Yield::Sleep(ms)),
            Action::Exit(code) => {
                self.status = code;
                // `exit` in a subshell ends the subshell, with that status.
                while let Some(f) = self.frames.pop() {
                    if let Some(outer) = f.subshell {
                        self.leave_subshell(*outer);
                        return None;
                    }
                }
                Some(Yield::Exit(code))
            }
            Action::Follow { path, from } => Some(Yield::Follow { path, from }),
            Action::Wait => Some(Yield::WaitChildren),
            Action::Kill { pid, signal } => Some(Yield::Kill { pid, signal }),
            Action::Program { argv, replace } => Some(Yield::Program { argv, replace }),
        }
    }
}

pub(super) struct VmScope<'v, 'c, 'a> {
    pub(super) vm: &'v mut Vm,
    pub(super) cx: &'c mut Cx<'a>,
}

impl Scope for VmScope<'_, '_, '_> {
    fn var(&self, name: &str) -> Option<String> {
        self.vm.vars.get(name).cloned()
    }
    fn set_var(&mut self, name: &str, value: String) {
        Rc::make_mut(&mut self.vm.vars).insert(name.to_string(), value);
    }
    fn positional(&self) -> Vec<String> {
        self.vm.positional()
    }
    fn status(&self) -> i32 {
        self.vm.status
    }
    fn substitute(&mut self, prog: &Rc<Program>) -> String {
        self.vm.substitute(prog, self.cx)
    }
}

/// Shell pattern matching for `case`: `*`, `?`, `[…]` and alternatives already split.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    fn m(p: &[char], t: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('*') => (0..=t.len()).any(|i| m(&p[1..], &t[i..])),
            Some('?') => !t.is_empty() && m(&p[1..], &t[1..]),
            Some('[') => {
                let Some(close) = p.iter().position(|&c| c == ']') else {
                    return !t.is_empty() && t[0] == '[' && m(&p[1..], &t[1..]);
                };
                if t.is_empty() {
                    return false;
                }
                let set = &p[1..close];
                let (neg, set) = match set.first() {
                    Some('!') | Some('^') => (true, &set[1..]),
                    _ => (false, set),
                };
                let mut hit = false;
                let mut i = 0;
                while i < set.len() {
                    if i + 2 < set.len() && set[i + 1] == '-' {
                        hit |= set[i] <= t[0] && t[0] <= set[i + 2];
                        i += 3;
                    } else {
                        hit |= set[i] == t[0];
                        i += 1;
                    }
                }
                hit != neg && m(&p[close + 1..], &t[1..])
            }
            Some(c) => !t.is_empty() && t[0] == *c && m(&p[1..], &t[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    if p.len() > 256 {
        return pattern == text;
    }
    m(&p, &t)
}
