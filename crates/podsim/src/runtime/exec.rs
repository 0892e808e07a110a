//! Running a command in a running container (`kubectl exec`, exec probes, exec hooks), to
//! completion or its timeout: a busybox applet directly when it needs neither time nor the
//! world, else a shell running the command literally.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::create::{is_shell, literal_program};
use super::fs::FsView;
use super::images::ImageSpec;
use super::network::ContainerId;
use super::shell::builtins::{program_name, Cx, APPLETS};
use super::shell::vm::{Vm, Yield};
use super::{ExecOutcome, Runtime, Signal};
use crate::time::Millis;

const EXEC_OUTPUT_MAX: usize = 10 * 1024;

impl Runtime {
    /// Run a command in a running container (exec probe, exec hook), to completion.
    pub fn exec(
        &mut self,
        id: ContainerId,
        argv: &[String],
        timeout_ms: Millis,
        now: Millis,
    ) -> ExecOutcome {
        let not_started = |msg: String| ExecOutcome {
            exit_code: None,
            output: msg,
            could_not_start: true,
            duration_ms: 0,
        };
        let Some(c) = self.containers.get(&id).filter(|c| c.alive) else {
            return not_started("container not running".into());
        };
        let Some(name) = argv.first() else {
            return not_started("rpc error: code = Unknown desc = failed to exec in container: no command specified".into());
        };
        let image = c.image.clone();
        let env_map = c.env_map.clone();
        let cwd = c.cwd.clone();
        let applet = name.rsplit('/').next().unwrap_or(name);
        let runnable = image.shell
            && (is_shell(name)
                || APPLETS.contains(&applet)
                || program_name(name, &image).is_some());
        let prog = if runnable {
            Rc::new(literal_program(argv))
        } else {
            return not_started(format!(
                "rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: \"{name}\": executable file not found in $PATH: unknown"
            ));
        };
        if !is_shell(name) && program_name(name, &image).is_none() {
            // A plain command (cat, test, ls…): no shell needed.
            if let Some(o) = self.exec_applet(id, argv, &image, &env_map, &cwd, now) {
                return o;
            }
        }
        let mut vm = Vm::with_vars(prog, vec![name.clone()], env_map, &cwd);
        let mut elapsed: Millis = 0;
        let mut output = String::new();
        let mut result = None;
        let mut kills = Vec::new();
        let mut touched = false;
        for _ in 0..10_000 {
            let (y, journal) = {
                let Some(c) = self.containers.get_mut(&id) else {
                    break;
                };
                let mut cx = Cx {
                    fs: FsView::new(&mut c.fs, &mut self.volumes, &c.mounts),
                    net: &self.net,
                    clock: now + elapsed,
                    hostname: &self.cfg.pod_name,
                    image: &image,
                    read_clock: false,
                };
                let y = vm.run(&mut cx);
                touched |= cx.touched_world();
                (y, std::mem::take(&mut cx.fs.journal))
            };
            if !journal.is_empty() {
                self.note_files(id, now + elapsed, super::FileOrigin::Exec, journal);
            }
            for (_, t) in vm.output.drain(..) {
                if output.len() < EXEC_OUTPUT_MAX {
                    output.push_str(&t);
                }
            }
            match y {
                Yield::Exit(code) => {
                    result = Some(code);
                    break;
                }
                Yield::Sleep(d) => {
                    elapsed = elapsed.saturating_add(d);
                    vm.resume_with(0);
                }
                Yield::Budget => elapsed += 1,
                Yield::Kill { pid, signal } => {
                    kills.push((pid, signal));
                    vm.resume_with(0);
                }
                Yield::Spawn(_) | Yield::WaitChildren => vm.resume_with(0),
                Yield::Program { .. } | Yield::Follow { .. } => {
                    elapsed = timeout_ms;
                }
            }
            if elapsed >= timeout_ms {
                break;
            }
        }
        output.truncate(output.floor_char_boundary(EXEC_OUTPUT_MAX));
        // An exec that wrote, read the clock, took time or signalled may answer differently
        // next time: the world is no longer the one earlier answers were given in.
        if touched || elapsed > 0 || !kills.is_empty() {
            self.epoch += 1;
        }
        for (pid, signal) in kills {
            if pid == 1 {
                let sig = if signal == "KILL" {
                    Signal::Kill
                } else {
                    Signal::Term
                };
                self.signal(id, sig, now + elapsed.min(timeout_ms));
            }
        }
        let timed_out = result.is_none() || elapsed > timeout_ms;
        ExecOutcome {
            exit_code: if timed_out { None } else { result },
            output,
            could_not_start: false,
            duration_ms: elapsed.min(timeout_ms.max(elapsed)),
        }
    }

    /// Run one busybox applet directly (the common exec probe); None when it needs time or
    /// the world (sleep, tail -f, kill…), which the shell path handles.
    fn exec_applet(
        &mut self,
        id: ContainerId,
        argv: &[String],
        image: &ImageSpec,
        env: &BTreeMap<String, String>,
        cwd: &str,
        now: Millis,
    ) -> Option<ExecOutcome> {
        let c = self.containers.get_mut(&id)?;
        let mut cx = Cx {
            fs: FsView::new(&mut c.fs, &mut self.volumes, &c.mounts),
            net: &self.net,
            clock: now,
            hostname: &self.cfg.pod_name,
            image,
            read_clock: false,
        };
        let o = super::shell::builtins::run(&argv[0], &argv[1..], None, env, cwd, &mut cx);
        if cx.touched_world() {
            self.epoch += 1;
        }
        cx.fs.stamp(0, || argv.join(" "));
        let journal = std::mem::take(&mut cx.fs.journal);
        drop(cx);
        if !journal.is_empty() {
            self.note_files(id, now, super::FileOrigin::Exec, journal);
        }
        if o.action.is_some() {
            return None;
        }
        let mut output = o.stdout;
        output.push_str(&o.stderr);
        output.truncate(output.floor_char_boundary(EXEC_OUTPUT_MAX));
        Some(ExecOutcome {
            exit_code: Some(o.status),
            output,
            could_not_start: false,
            duration_ms: 0,
        })
    }
}
