//! The process scheduler: every process of every container runs when its wake time comes, in
//! virtual time — shells step through their scripts (a busy loop's slices stand for more and
//! more time), `tail -f` follows its file, children are reaped, PID 1's exit ends its
//! container; and signals: SIGTERM runs a trap or is ignored by PID 1, SIGKILL ends all.

use std::rc::Rc;

use super::fs::FsView;
use super::images::OnTerm;
use super::network::ContainerId;
use super::process::{Body, Pid, Process, Resident};
use super::shell::builtins::{program_name, Cx};
use super::shell::compile::Program;
use super::shell::vm::{Vm, Yield};
use super::{Runtime, RuntimeEvent, Signal, Stream};
use crate::model::TerminatedReason;
use crate::time::Millis;

/// The most processes one container may run at once (a fork bomb stops here).
const MAX_PROCESSES: usize = 64;
/// Busy slices in a row after which each slice stands for a whole second (2¹⁰ ms, capped
/// at 1 s) and the shell runs `LONG_BUSY_BUDGET` steps per slice.
const LONG_BUSY_AFTER: u32 = 10;
/// Sleeps shorter than this (`sleep 0`, `sleep 0.01`) in a loop are simulated as a busy loop.
const SHORT_SLEEP: Millis = 100;

impl Runtime {
    /// Run everything due up to `now`; returns the containers that exited.
    pub fn advance(&mut self, now: Millis) -> Vec<RuntimeEvent> {
        for _ in 0..200_000 {
            let next = self
                .procs
                .values()
                .filter(|p| p.exited.is_none())
                .filter_map(|p| p.wake.filter(|w| *w <= now).map(|w| (w, p.pid)))
                .min();
            let Some((at, pid)) = next else { break };
            self.epoch += 1;
            self.step(pid, at);
        }
        std::mem::take(&mut self.pending)
    }

    pub(super) fn step(&mut self, pid: Pid, clock: Millis) {
        if let Some((at, code)) = self.term_exits.get(&pid).copied() {
            if at <= clock {
                self.term_exits.remove(&pid);
                self.exit_process(pid, code, at);
                return;
            }
        }
        if let Some(at) = self.oom_at.get(&pid).copied() {
            if at <= clock {
                self.oom_at.remove(&pid);
                if let Some(id) = self.procs.get(&pid).map(|p| p.container) {
                    self.container_exit(id, 137, TerminatedReason::OOMKilled, at);
                }
                return;
            }
        }
        let Some(proc_) = self.procs.get_mut(&pid) else {
            return;
        };
        let container = proc_.container;
        match &mut proc_.body {
            Body::Resident(_) => {
                proc_.wake = None;
            }
            Body::Follow { path, pos, .. } => {
                let path = path.clone();
                let from = *pos;
                proc_.wake = Some(clock + 1000);
                let text = self.view(container).and_then(|mut v| v.read(&path).ok());
                if let Some(t) = text {
                    let new_pos = t.len();
                    if new_pos > from && t.is_char_boundary(from) {
                        let fresh = t[from..].to_string();
                        self.log(container, clock, Stream::Stdout, &fresh);
                    }
                    if let Some(Body::Follow { pos, .. }) =
                        self.procs.get_mut(&pid).map(|p| &mut p.body)
                    {
                        *pos = new_pos;
                    }
                }
            }
            Body::Shell(_) => self.step_shell(pid, clock),
        }
    }

    /// The virtual time a busy process's next slice stands for (1 ms, 2 ms, 4 ms … 1 s,
    /// doubling with each busy slice in a row), counting this one.
    pub(super) fn busy_slice(&mut self, pid: Pid) -> Millis {
        let Some(p) = self.procs.get_mut(&pid) else {
            return 1;
        };
        let slice = (1u64 << p.busy.min(LONG_BUSY_AFTER)).min(1000);
        p.busy = p.busy.saturating_add(1);
        slice
    }

    pub(super) fn step_shell(&mut self, pid: Pid, clock: Millis) {
        let Some(proc_) = self.procs.get_mut(&pid) else {
            return;
        };
        let container = proc_.container;
        let long_busy = proc_.busy >= LONG_BUSY_AFTER;
        let go_on = std::mem::take(&mut proc_.instant);
        let Body::Shell(vm) = &mut proc_.body else {
            return;
        };
        vm.budget = if long_busy {
            super::shell::vm::LONG_BUSY_BUDGET
        } else {
            super::shell::vm::BUDGET
        };
        let mut vm = std::mem::replace(
            vm,
            Box::new(Vm::new(Rc::new(Program::default()), vec![], &[], "/")),
        );
        let (y, journal) = {
            let Some(c) = self.containers.get_mut(&container) else {
                return;
            };
            let mut cx = Cx {
                fs: FsView::new(&mut c.fs, &mut self.volumes, &c.mounts),
                net: &self.net,
                clock,
                hostname: &self.cfg.pod_name,
                image: &c.image,
                read_clock: false,
            };
            let y = if go_on {
                vm.run_on(&mut cx)
            } else {
                vm.run(&mut cx)
            };
            let journal = std::mem::take(&mut cx.fs.journal);
            for (s, t) in vm.output.drain(..) {
                c.logs.write(clock, s, &t);
            }
            (y, journal)
        };
        if !journal.is_empty() {
            self.note_files(container, clock, super::FileOrigin::Process, journal);
        }
        let mut next_wake = None;
        let mut exit = None;
        let mut become_body = None;
        let mut instant = false;
        match y {
            Yield::Sleep(d) if d >= SHORT_SLEEP => {
                next_wake = Some(clock.saturating_add(d));
                vm.resume_with(0);
                if let Some(p) = self.procs.get_mut(&pid) {
                    p.busy = 0;
                }
            }
            Yield::Sleep(d) => {
                // `sleep 0` (or a few ms) in a loop spins nearly as fast as a busy loop, and
                // is simulated as one: the sleep, or the busy slice if longer.
                next_wake = Some(clock + d.max(self.busy_slice(pid)));
                vm.resume_with(0);
            }
            Yield::Budget => {
                // A busy loop: its observable behaviour repeats, so later slices stand for
                // more virtual time (1 ms, 2 ms, 4 ms … 1 s) instead of burning real time.
                next_wake = Some(clock + self.busy_slice(pid));
            }
            Yield::Exit(code) => exit = Some(code),
            Yield::Program { argv, replace } => {
                let image = self
                    .containers
                    .get(&container)
                    .map(|c| c.image.clone())
                    .unwrap_or_default();
                let key = program_name(&argv[0], &image)
                    .unwrap_or(&argv[0])
                    .to_string();
                let spec = image.programs.get(&key).cloned().unwrap_or_default();
                let resident = Resident {
                    name: key,
                    spec,
                    args: argv[1..].to_vec(),
                };
                if replace {
                    become_body = Some(Body::Resident(Box::new(resident)));
                } else {
                    let child = self.spawn(
                        container,
                        Some(pid),
                        Body::Resident(Box::new(resident)),
                        clock,
                    );
                    if let Some(p) = self.procs.get_mut(&pid) {
                        p.waiting_for = Some(vec![child]);
                    }
                    self.start_resident(child, clock);
                }
            }
            Yield::Follow { path, from } => {
                become_body = Some(Body::Follow {
                    path,
                    pos: from,
                    vm: vm.clone(),
                });
            }
            Yield::WaitChildren => {
                let children: Vec<Pid> = self
                    .procs
                    .values()
                    .filter(|p| p.parent == Some(pid) && p.exited.is_none())
                    .map(|p| p.pid)
                    .collect();
                if children.is_empty() {
                    next_wake = Some(clock);
                    instant = true;
                    vm.resume_with(0);
                } else if let Some(p) = self.procs.get_mut(&pid) {
                    p.waiting_for = Some(children);
                }
            }
            Yield::Spawn(prog) => {
                let live = self
                    .procs
                    .values()
                    .filter(|p| p.container == container && p.exited.is_none())
                    .count();
                if live >= MAX_PROCESSES {
                    self.log(
                        container,
                        clock,
                        Stream::Stderr,
                        "sh: can't fork: Resource temporarily unavailable\n",
                    );
                    vm.resume_with(2);
                } else {
                    let child_vm = vm.fork(prog);
                    self.spawn(container, Some(pid), Body::Shell(Box::new(child_vm)), clock);
                }
                // Starting a process takes time; a loop that only spawns backs off like a busy loop.
                next_wake = Some(clock + self.busy_slice(pid));
            }
            Yield::Kill {
                pid: target,
                signal,
            } => {
                let sig = if signal == "KILL" {
                    Signal::Kill
                } else {
                    Signal::Term
                };
                let pid1 = self.containers.get(&container).map(|c| c.pid1);
                let is_pid1 = target == 1 || Some(target as Pid) == pid1;
                let status = if is_pid1 && pid1 == Some(pid) && sig == Signal::Term {
                    // The shell signals itself: its trap runs right after `kill`.
                    vm.signal("TERM");
                    0
                } else if is_pid1 {
                    self.signal(container, sig, clock);
                    0
                } else if self
                    .procs
                    .get(&(target as Pid))
                    .is_some_and(|p| p.container == container && p.exited.is_none())
                {
                    let code = if sig == Signal::Kill { 137 } else { 143 };
                    self.exit_process(target as Pid, code, clock);
                    0
                } else {
                    self.log(
                        container,
                        clock,
                        Stream::Stderr,
                        &format!("sh: kill: can't kill pid {target}: No such process\n"),
                    );
                    1
                };
                vm.resume_with(status);
                next_wake = Some(clock);
                instant = true;
            }
        }
        if let Some(code) = exit {
            if let Some(p) = self.procs.get_mut(&pid) {
                p.body = Body::Shell(vm);
            }
            self.exit_process(pid, code, clock);
            return;
        }
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        if p.exited.is_some() {
            return;
        }
        match become_body {
            Some(Body::Resident(r)) => {
                p.body = Body::Resident(r);
                p.wake = None;
                self.start_resident(pid, clock);
            }
            Some(Body::Follow { path, pos, .. }) => {
                p.body = Body::Follow { path, pos, vm };
                p.wake = Some(clock + 1000);
            }
            _ => {
                p.body = Body::Shell(vm);
                p.wake = next_wake;
                p.instant = instant;
            }
        }
    }

    pub(super) fn spawn(
        &mut self,
        container: ContainerId,
        parent: Option<Pid>,
        body: Body,
        now: Millis,
    ) -> Pid {
        let pid = self.next_pid;
        self.next_pid += 1;
        self.procs
            .insert(pid, Process::new(pid, container, parent, body, now));
        pid
    }

    pub(super) fn exit_process(&mut self, pid: Pid, code: i32, at: Millis) {
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        if p.exited.is_some() {
            return;
        }
        p.exited = Some(code);
        p.wake = None;
        let container = p.container;
        let parent = p.parent;
        if self
            .containers
            .get(&container)
            .is_some_and(|c| c.pid1 == pid)
        {
            self.container_exit(container, code, TerminatedReason::of_exit(code), at);
            return;
        }
        // A finished child is reaped; PID 1 goes with its container.
        self.procs.remove(&pid);
        if let Some(pp) = parent {
            if let Some(parent) = self.procs.get_mut(&pp) {
                if let Some(w) = &mut parent.waiting_for {
                    w.retain(|c| *c != pid);
                    if w.is_empty() {
                        parent.waiting_for = None;
                        parent.wake = Some(at);
                        if let Body::Shell(vm) = &mut parent.body {
                            vm.resume_with(code);
                        }
                    }
                }
            }
        }
    }

    pub(super) fn container_exit(
        &mut self,
        id: ContainerId,
        code: i32,
        reason: TerminatedReason,
        at: Millis,
    ) {
        let Some(c) = self.containers.get_mut(&id) else {
            return;
        };
        if !c.alive {
            return;
        }
        c.alive = false;
        c.logs.flush(at);
        for p in self.procs.values_mut().filter(|p| p.container == id) {
            if p.exited.is_none() {
                p.exited = Some(code);
                p.wake = None;
            }
        }
        self.procs.retain(|_, p| p.container != id);
        self.net.release(id);
        self.pending.push(RuntimeEvent::Exited {
            id,
            exit_code: code,
            reason,
            signal: None,
            at,
        });
    }

    /// Send a signal to the container's PID 1 (SIGKILL ends everything at once).
    /// What container `id`'s PID 1 would do with SIGTERM now.
    pub fn term_response(&self, id: ContainerId) -> super::TermResponse {
        use super::TermResponse;
        let Some(p) = self
            .containers
            .get(&id)
            .filter(|c| c.alive)
            .and_then(|c| self.procs.get(&c.pid1))
        else {
            return TermResponse::NotRunning;
        };
        match &p.body {
            Body::Resident(r) => match r.on_term() {
                OnTerm::Exit(_) => TermResponse::Exits,
                OnTerm::Ignore => TermResponse::Ignored,
            },
            Body::Shell(vm) if vm.traps.contains_key("TERM") => TermResponse::Trapped,
            Body::Shell(_) | Body::Follow { .. } => TermResponse::Ignored,
        }
    }

    pub fn signal(&mut self, id: ContainerId, sig: Signal, now: Millis) {
        self.epoch += 1;
        let Some(pid1) = self.containers.get(&id).filter(|c| c.alive).map(|c| c.pid1) else {
            return;
        };
        match sig {
            Signal::Kill => self.container_exit(id, 137, TerminatedReason::Error, now),
            Signal::Term => {
                let Some(p) = self.procs.get_mut(&pid1) else {
                    return;
                };
                match &mut p.body {
                    Body::Resident(r) => {
                        if let OnTerm::Exit(code) = r.on_term() {
                            self.term_exits.insert(pid1, (now + 100, code));
                            p.wake = Some(now + 100);
                        }
                    }
                    Body::Shell(vm) => {
                        if vm.signal("TERM") && p.waiting_for.is_some() {
                            // `wait` (or a foreground program) is interrupted by a trapped signal.
                            p.waiting_for = None;
                            p.wake = Some(now);
                        }
                        // Otherwise PID 1 ignores it, or the trap runs after the current command.
                    }
                    Body::Follow { .. } => {}
                }
            }
        }
    }
}
