//! The shell's own commands, which act on the shell itself rather than on the world: calling
//! a function, `exit`, `export`/`unset`, `cd`/`pwd`, `trap`, `shift`, `eval`, `exec`, `read`, a
//! nested `sh -c`, and running a `$(…)` substitution to completion. Every other command is a
//! busybox applet in `builtins`.

use super::builtins::{self, Action, Cx, Outcome};
use super::compile::{compile_cached, Program};
use super::vm::{Frame, Vm, Yield};
use std::rc::Rc;

impl Vm {
    /// One command: functions and shell builtins here, the rest in `builtins`.
    pub(super) fn command(
        &mut self,
        argv: &[String],
        assigns: &[(String, String)],
        stdin: Option<String>,
        tail: bool,
        cx: &mut Cx,
    ) -> Outcome {
        let name = argv[0].as_str();
        let args = &argv[1..];
        if let Some(f) = self.functions.get(name).cloned() {
            let mut pos = vec![name.to_string()];
            pos.extend(args.iter().cloned());
            self.frames.push(Frame::new(f, Some(pos)));
            return Outcome::ok("");
        }
        match name {
            "exit" => {
                let code = args
                    .first()
                    .and_then(|a| a.parse::<i32>().ok())
                    .unwrap_or(self.status)
                    & 0xff;
                return Outcome::action(code, Action::Exit(code));
            }
            "export" | "readonly" | "local" => {
                for a in args {
                    if let Some((k, v)) = a.split_once('=') {
                        Rc::make_mut(&mut self.vars).insert(k.to_string(), v.to_string());
                    }
                }
                return Outcome::ok("");
            }
            "unset" => {
                for a in args {
                    Rc::make_mut(&mut self.vars).remove(a);
                }
                return Outcome::ok("");
            }
            "set" | "shopt" | "ulimit" | "umask" | "hash" | "alias" => return Outcome::ok(""),
            "cd" => {
                let target = args.first().cloned().unwrap_or_else(|| "/root".into());
                let path = crate::runtime::fs::normalize(&self.cwd, &target);
                if cx.fs.is_dir(&path) {
                    self.cwd = path;
                    return Outcome::ok("");
                }
                return Outcome::err(
                    2,
                    format!("sh: cd: can't cd to {target}: No such file or directory\n"),
                );
            }
            "pwd" => return Outcome::ok(&format!("{}\n", self.cwd)),
            "trap" => {
                match args {
                    [] => {
                        let mut s = String::new();
                        for (k, v) in &self.traps {
                            s.push_str(&format!("trap -- '{v}' {k}\n"));
                        }
                        return Outcome::ok(&s);
                    }
                    [action, sigs @ ..] => {
                        for sig in sigs {
                            let sig = match sig.trim_start_matches("SIG") {
                                "15" => "TERM".to_string(),
                                "2" => "INT".to_string(),
                                "0" => "EXIT".to_string(),
                                s => s.to_string(),
                            };
                            if action == "-" {
                                self.traps.remove(&sig);
                            } else {
                                self.traps.insert(sig, action.clone());
                            }
                        }
                    }
                }
                return Outcome::ok("");
            }
            "shift" => {
                let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1);
                if let Some(f) = self
                    .frames
                    .iter_mut()
                    .rev()
                    .find(|f| f.positional.is_some())
                {
                    if let Some(p) = f.positional.as_mut() {
                        for _ in 0..n.min(p.len().saturating_sub(1)) {
                            p.remove(1);
                        }
                    }
                }
                return Outcome::ok("");
            }
            "eval" => {
                let script = args.join(" ");
                return match compile_cached(&script) {
                    Ok(p) => {
                        self.frames.push(Frame::new(p, None));
                        Outcome::ok("")
                    }
                    Err(e) => Outcome::err(2, format!("sh: {}\n", e.0)),
                };
            }
            "sh" | "/bin/sh" | "bash" | "/bin/bash" | "ash" | "/bin/ash" if cx.image.shell => {
                return self.nested_shell(args, cx);
            }
            "exec" => {
                if args.is_empty() {
                    return Outcome::ok("");
                }
                if builtins::is_program(&args[0], cx) {
                    return Outcome::action(
                        0,
                        Action::Program {
                            argv: args.to_vec(),
                            replace: true,
                        },
                    );
                }
                let o = self.command(args, assigns, stdin, false, cx);
                let code = o.status;
                return Outcome {
                    action: Some(Action::Exit(code)),
                    ..o
                };
            }
            "read" => {
                return match stdin {
                    Some(text) if !text.is_empty() => {
                        let line = text.lines().next().unwrap_or("").to_string();
                        if let Some(var) = args.iter().find(|a| !a.starts_with('-')) {
                            Rc::make_mut(&mut self.vars).insert(var.clone(), line);
                        }
                        Outcome::ok("")
                    }
                    _ => Outcome::err(1, String::new()),
                }
            }
            "__arith" => {
                let v = args
                    .first()
                    .and_then(|a| a.parse::<i64>().ok())
                    .unwrap_or(0);
                return Outcome::err(i32::from(v == 0), String::new());
            }
            _ => {}
        }
        let env = if assigns.is_empty() {
            self.vars.clone()
        } else {
            let mut e = (*self.vars).clone();
            for (k, v) in assigns {
                e.insert(k.clone(), v.clone());
            }
            Rc::new(e)
        };
        let mut o = builtins::run(name, args, stdin, &env, &self.cwd, cx);
        if let Some(Action::Program { replace, .. }) = &mut o.action {
            // The last command of the script execs its program (sh -c 'server' is the server).
            *replace = *replace || (tail && self.frames.len() == 1);
        }
        o
    }

    fn nested_shell(&mut self, args: &[String], cx: &mut Cx) -> Outcome {
        let mut it = args.iter();
        let mut script: Option<String> = None;
        let mut rest = Vec::new();
        while let Some(a) = it.next() {
            if a == "-c" {
                script = it.next().cloned();
                rest.extend(it.by_ref().cloned());
                break;
            } else if a.starts_with('-') {
                continue;
            } else {
                // sh FILE args…
                let path = crate::runtime::fs::normalize(&self.cwd, a);
                match cx.fs.read(&path) {
                    Ok(text) => {
                        script = Some(text);
                        rest.push(a.clone());
                        rest.extend(it.by_ref().cloned());
                    }
                    Err(_) => {
                        return Outcome::err(
                            2,
                            format!("sh: can't open '{a}': No such file or directory\n"),
                        )
                    }
                }
                break;
            }
        }
        let Some(script) = script else {
            // An interactive shell without a terminal reads EOF and exits.
            return Outcome::ok("");
        };
        match compile_cached(&script) {
            Ok(p) => {
                let mut pos = if rest.is_empty() {
                    vec!["sh".to_string()]
                } else {
                    rest
                };
                if pos.is_empty() {
                    pos.push("sh".into());
                }
                self.frames.push(Frame::new(p, Some(pos)));
                Outcome::ok("")
            }
            Err(e) => Outcome::err(2, format!("sh: {}\n", e.0.trim_start_matches("sh: "))),
        }
    }

    /// `$(…)`: run to completion (sleeps inside take no virtual time), capture stdout.
    pub(super) fn substitute(&mut self, prog: &Rc<Program>, cx: &mut Cx) -> String {
        if self.subst_depth > 8 {
            return String::new();
        }
        let mut sub = self.fork(prog.clone());
        sub.captures.push(String::new());
        sub.subst_depth = self.subst_depth + 1;
        for _ in 0..64 {
            match sub.run(cx) {
                Yield::Exit(_) => break,
                Yield::Sleep(_) | Yield::Budget | Yield::Spawn(_) | Yield::Kill { .. } => continue,
                _ => break,
            }
        }
        for (s, t) in std::mem::take(&mut sub.output) {
            self.output.push((s, t));
        }
        self.status = sub.status;
        sub.captures.pop().unwrap_or_default()
    }
}
