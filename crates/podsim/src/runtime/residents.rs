//! Resident programs: what an image's program does once it runs (data/images.yaml) — a
//! subcommand (agnhost liveness, netexec…), its banner, the ports it serves after its
//! warm-up, an exit code, or `stress` allocating memory until the OOM killer takes it.

use super::network::{ListenKind, Listener};
use super::process::{Body, Pid};
use super::{Runtime, Stream};
use crate::time::Millis;

/// What `stress` uses besides its `--vm-bytes` (its own and its worker's code, libc, stacks):
/// a hog sized exactly at the limit still crosses it, as in a real cgroup.
const STRESS_BASELINE_BYTES: u64 = 2 * 1024 * 1024;

impl Runtime {
    /// Start a resident program: banner, ports (after warm-up), memory.
    pub(super) fn start_resident(&mut self, pid: Pid, now: Millis) {
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        let container = p.container;
        let Body::Resident(r) = &mut p.body else {
            return;
        };
        // A subcommand picks the behaviour (agnhost liveness …).
        if !r.spec.subcommands.is_empty() {
            let sub = r.args.first().cloned().unwrap_or_default();
            match r.spec.subcommands.get(&sub) {
                Some(s) => {
                    r.spec = s.clone();
                    r.name = format!("{} {sub}", r.name);
                }
                None => {
                    let msg = format!("Error: unknown command \"{sub}\" for \"agnhost\"\nRun 'agnhost --help' for usage.\n");
                    self.log(container, now, Stream::Stderr, &msg);
                    self.exit_process(pid, 1, now);
                    return;
                }
            }
        }
        let Some(Body::Resident(r)) = self.procs.get(&pid).map(|p| p.body.clone()) else {
            return;
        };
        let flag = |f: &Option<String>, default: u16| -> u16 {
            f.as_ref()
                .and_then(|flag| {
                    r.args.iter().enumerate().find_map(|(i, a)| {
                        if a == flag {
                            r.args.get(i + 1).and_then(|v| v.parse().ok())
                        } else {
                            a.strip_prefix(&format!("{flag}="))
                                .and_then(|v| v.parse().ok())
                        }
                    })
                })
                .unwrap_or(default)
        };
        let ready_at = now + r.spec.warmup_ms;
        let mut wants: Vec<(u16, ListenKind)> = Vec::new();
        if let Some(h) = &r.spec.http {
            let mut h2 = h.clone();
            h2.port = flag(&h.port_flag, h.port);
            wants.push((h2.port, ListenKind::Http(h2)));
        }
        if let Some(t) = &r.spec.tcp {
            wants.push((flag(&t.port_flag, t.port), ListenKind::Tcp));
        }
        if let Some(g) = &r.spec.grpc {
            wants.push((flag(&g.port_flag, g.port), ListenKind::Grpc));
        }
        // `{port}` in a banner is the port the program really listens on (flags included).
        let first_port = wants.first().map(|w| w.0.to_string()).unwrap_or_default();
        for line in &r.spec.banner {
            let line = line.replace("{port}", &first_port);
            self.log(container, now, Stream::Stdout, &format!("{line}\n"));
        }
        for (port, kind) in wants {
            let l = Listener {
                port,
                owner: container,
                kind,
                started_at: now,
                ready_at,
            };
            if self.net.bind(l).is_err() {
                let msg = r
                    .spec
                    .bind_error
                    .clone()
                    .unwrap_or_else(|| "listen tcp :{port}: bind: address already in use".into())
                    .replace("{port}", &port.to_string());
                self.log(container, now, Stream::Stderr, &format!("{msg}\n"));
                self.exit_process(pid, 1, now);
                return;
            }
        }
        if let Some(code) = r.spec.exit {
            self.exit_process(pid, code, now);
            return;
        }
        if r.spec.stress.is_some() {
            let bytes = stress_bytes(&r.args);
            let limit = self.containers.get(&container).and_then(|c| c.memory_limit);
            self.log(
                container,
                now,
                Stream::Stdout,
                "stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n",
            );
            if let (Some(b), Some(l)) = (bytes, limit) {
                // The container's memory is the hog's allocation plus the programs themselves.
                if b.saturating_add(STRESS_BASELINE_BYTES) > l {
                    self.oom_at.insert(pid, now + 800);
                    if let Some(p) = self.procs.get_mut(&pid) {
                        p.wake = Some(now + 800);
                    }
                    return;
                }
            }
        }
        if let Some(p) = self.procs.get_mut(&pid) {
            p.wake = None;
        }
    }
}

/// `--vm-bytes 150M` → bytes.
fn stress_bytes(args: &[String]) -> Option<u64> {
    let i = args.iter().position(|a| a == "--vm-bytes")?;
    let v = args.get(i + 1)?;
    let (num, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len()));
    let n: u64 = num.parse().ok()?;
    let mult = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" => 1024,
        "M" => 1024 * 1024,
        "G" => 1024 * 1024 * 1024,
        _ => return None,
    };
    n.checked_mul(mult)
}
