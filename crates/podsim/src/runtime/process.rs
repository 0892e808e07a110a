//! Processes inside containers: a shell running a script, a resident program (a server,
//! `stress`), or `tail -f` following a file — with what each does on SIGTERM.

use super::images::{OnTerm, ProgramSpec};
use super::shell::vm::Vm;
use crate::time::Millis;

pub type Pid = u32;

#[derive(Debug, Clone)]
pub enum Body {
    Shell(Box<Vm>),
    /// An image program: serves ports, allocates memory… until signalled.
    Resident(Box<Resident>),
    /// `tail -f`: prints what is appended to `path`.
    Follow {
        path: String,
        pos: usize,
        vm: Box<Vm>,
    },
}

#[derive(Debug, Clone)]
pub struct Resident {
    pub name: String,
    pub spec: ProgramSpec,
    pub args: Vec<String>,
}

impl Resident {
    pub fn on_term(&self) -> OnTerm {
        self.spec.on_term
    }
}

#[derive(Debug, Clone)]
pub struct Process {
    pub pid: Pid,
    pub container: u64,
    pub parent: Option<Pid>,
    pub body: Body,
    /// When it runs next; None: waiting for something (children, a signal).
    pub wake: Option<Millis>,
    /// A shell waiting for this child (`wait`, or a foreground program).
    pub waiting_for: Option<Vec<Pid>>,
    pub exited: Option<i32>,
    /// Consecutive slices that ended by using up the step budget (a busy loop): each one
    /// doubles the virtual time the next slice stands for, up to a second.
    pub busy: u32,
    /// The last slice stopped at something that took no time (`wait` with no children,
    /// `kill`): the next run at the same instant goes on with that slice's step budget.
    pub instant: bool,
}

impl Process {
    /// A process that runs first at `now`.
    pub fn new(pid: Pid, container: u64, parent: Option<Pid>, body: Body, now: Millis) -> Self {
        Process {
            pid,
            container,
            parent,
            body,
            wake: Some(now),
            waiting_for: None,
            exited: None,
            busy: 0,
            instant: false,
        }
    }
}
