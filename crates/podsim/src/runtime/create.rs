//! Creating a container instance: its filesystem (the image's files, /etc/hosts, the
//! service-account files), its mounts and environment, and what PID 1 runs — a shell script
//! (a script the shell cannot parse starts, and fails as `sh` does), a resident program of
//! the image, or a busybox applet; an executable the image lacks is a StartError.

use std::rc::Rc;

use super::fs::{self, Fs, Mount};
use super::images::{self, ImageError, ImageSpec};
use super::logs::LogBuffer;
use super::network::ContainerId;
use super::process::{Body, Process, Resident};
use super::shell::builtins::{program_name, APPLETS};
use super::shell::compile::{compile_cached, Piece, Program, SimpleCmd, Word};
use super::shell::vm::Vm;
use super::{ContainerSpec, Runtime, RuntimeContainer, StartError};
use crate::time::Millis;

fn oci_not_found(name: &str) -> String {
    format!(
        "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: \"{name}\": executable file not found in $PATH: unknown"
    )
}

/// Whether `name` runs the image's shell.
pub(super) fn is_shell(name: &str) -> bool {
    matches!(
        name,
        "sh" | "/bin/sh" | "bash" | "/bin/bash" | "ash" | "/bin/ash" | "/bin/busybox"
    )
}

/// A program that runs `argv` literally (no shell parsing), for exec'ing a plain command.
pub(super) fn literal_program(argv: &[String]) -> Program {
    use super::shell::compile::Op;
    Program {
        ops: vec![Op::Run {
            stages: Rc::new(vec![SimpleCmd {
                words: argv
                    .iter()
                    .map(|a| Word {
                        pieces: vec![Piece::Quoted(a.clone())],
                    })
                    .collect(),
                ..Default::default()
            }]),
            tail: true,
        }],
        slots: 0,
    }
}

/// Where the service-account volume is mounted in every container that mounts it.
pub const SERVICE_ACCOUNT_DIR: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

/// PID 1 as a shell VM running `argv` literally (a busybox applet, or `sh` itself when the
/// script cannot run).
fn literal_body(argv: &[String], env: &[(String, String)], cwd: &str) -> Body {
    let prog = Rc::new(literal_program(argv));
    let name = argv.first().cloned().unwrap_or_default();
    Body::Shell(Box::new(Vm::new(prog, vec![name], env, cwd)))
}

/// The token and CA a service-account volume holds (podsim's stand-ins for the real ones).
pub const SERVICE_ACCOUNT_TOKEN: &str = "eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZGxhYiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDpkZWZhdWx0In0.c2ltdWxhdGVk";
pub const SERVICE_ACCOUNT_CA: &str = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIBADAKBggqhkjOPQQDAjAVMRMwEQYDVQQDEwprdWJlcm5ldGVz\n-----END CERTIFICATE-----\n";

/// The files of a service-account volume for `namespace` (what admission projects).
pub fn service_account_files(namespace: &str) -> Vec<(String, String)> {
    vec![
        ("namespace".into(), namespace.to_string()),
        ("token".into(), SERVICE_ACCOUNT_TOKEN.into()),
        ("ca.crt".into(), SERVICE_ACCOUNT_CA.into()),
    ]
}

impl Runtime {
    pub(super) fn base_fs(&self, image: &ImageSpec) -> Fs {
        let mut fs = Fs::new();
        for (p, c) in &image.files {
            fs.put(p, c);
        }
        fs.put("/etc/hostname", &format!("{}\n", self.cfg.pod_name));
        fs.put(
            "/etc/hosts",
            &format!(
                "127.0.0.1\tlocalhost\n{}\t{}\n",
                self.cfg.pod_ip, self.cfg.pod_name
            ),
        );
        fs.put(
            "/etc/resolv.conf",
            &format!(
                "search {ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
                ns = self.cfg.namespace
            ),
        );
        for (name, content) in service_account_files(&self.cfg.namespace) {
            fs.put(&format!("{SERVICE_ACCOUNT_DIR}/{name}"), &content);
        }
        fs
    }

    /// Create and start a container instance. `spec.command` and `spec.args` are run as given
    /// (the kubelet has expanded their `$(VAR)` references already).
    pub fn start_container(
        &mut self,
        spec: ContainerSpec,
        now: Millis,
    ) -> Result<ContainerId, StartError> {
        self.epoch += 1;
        let (image, _) =
            images::lookup(&self.cfg.extra_images, &spec.image).map_err(|e| StartError {
                message: match e {
                    ImageError::InvalidImageName(m) | ImageError::NotFound(m) => m,
                },
            })?;
        let image = image.clone();
        let (entry, cmd) = if !spec.command.is_empty() {
            (spec.command.clone(), spec.args.clone())
        } else if !spec.args.is_empty() {
            (image.entrypoint.clone(), spec.args.clone())
        } else {
            (image.entrypoint.clone(), image.cmd.clone())
        };
        let argv: Vec<String> = entry.into_iter().chain(cmd).collect();
        if argv.is_empty() {
            return Err(StartError {
                message: "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown".into(),
            });
        }
        let id = self.next_id;
        self.next_id += 1;
        let mut fs = self.base_fs(&image);
        let cwd = spec
            .working_dir
            .clone()
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| "/".into());
        fs.mkdir_p(&cwd);
        let mounts: Vec<Mount> = spec
            .mounts
            .iter()
            .map(|m| Mount {
                volume: m.volume.clone(),
                path: fs::normalize("/", &m.path),
                read_only: m.read_only,
            })
            .collect();
        for m in &mounts {
            fs.mkdir_p(&m.path);
            self.volumes.entry(m.volume.clone()).or_insert_with(|| {
                let mut v = Fs::default();
                v.dirs.insert("/".into());
                v
            });
        }
        let mut env = vec![
            (
                "PATH".to_string(),
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
            ),
            ("HOME".into(), "/root".into()),
            // The runtime sets HOSTNAME before the image's and the kubelet's variables.
            ("HOSTNAME".into(), self.cfg.pod_name.clone()),
        ];
        env.extend(spec.env.iter().cloned());
        let pid = self.next_pid;
        self.next_pid += 1;
        self.containers.insert(
            id,
            RuntimeContainer {
                image: Rc::new(image.clone()),
                fs,
                mounts,
                logs: LogBuffer::default(),
                env_map: Rc::new(env.iter().cloned().collect()),
                cwd: cwd.clone(),
                pid1: pid,
                alive: true,
                memory_limit: spec.memory_limit_bytes,
            },
        );
        let body = match self.body_for(id, &argv, &image, &env, &cwd) {
            Ok(b) => b,
            Err(message) => {
                if let Some(c) = self.containers.get_mut(&id) {
                    c.alive = false;
                }
                return Err(StartError { message });
            }
        };
        self.procs
            .insert(pid, Process::new(pid, id, None, body, now));
        if let Some(Body::Resident(_)) = self.procs.get(&pid).map(|p| &p.body) {
            self.start_resident(pid, now);
        }
        Ok(id)
    }

    /// What PID 1 runs for `argv`.
    pub(super) fn body_for(
        &mut self,
        id: ContainerId,
        argv: &[String],
        image: &ImageSpec,
        env: &[(String, String)],
        cwd: &str,
    ) -> Result<Body, String> {
        let name = argv[0].as_str();
        if is_shell(name) && image.shell {
            if let Some(body) = self.shell_script(id, name, &argv[1..], env, cwd) {
                return Ok(body);
            }
            // The shell starts but cannot run the script (a file it cannot open, a syntax
            // error): its own `sh` says why on stderr and exits 2, as busybox sh does.
            return Ok(literal_body(argv, env, cwd));
        }
        if let Some(key) = program_name(name, image) {
            let spec = image.programs.get(key).cloned().unwrap_or_default();
            if spec.exec {
                // An entrypoint wrapper that execs its arguments (or the image's CMD).
                let inner: Vec<String> = if argv.len() > 1 {
                    argv[1..].to_vec()
                } else {
                    image.cmd.clone()
                };
                if inner.is_empty() {
                    return Err(oci_not_found(name));
                }
                return self.body_for(id, &inner, image, env, cwd);
            }
            return Ok(Body::Resident(Box::new(Resident {
                name: key.to_string(),
                spec,
                args: argv[1..].to_vec(),
            })));
        }
        let applet = name.rsplit('/').next().unwrap_or(name);
        if image.shell && APPLETS.contains(&applet) {
            return Ok(literal_body(argv, env, cwd));
        }
        Err(oci_not_found(name))
    }

    /// PID 1 as a shell running its script (`sh -c SCRIPT ARGS…` or `sh FILE ARGS…`); None
    /// when the shell cannot read or parse it.
    pub(super) fn shell_script(
        &mut self,
        id: ContainerId,
        name: &str,
        args: &[String],
        env: &[(String, String)],
        cwd: &str,
    ) -> Option<Body> {
        let mut it = args.iter();
        let mut script = None;
        let mut rest: Vec<String> = Vec::new();
        while let Some(a) = it.next() {
            if a == "-c" {
                script = it.next().cloned();
                rest.extend(it.by_ref().cloned());
                break;
            } else if !a.starts_with('-') {
                let path = fs::normalize(cwd, a);
                script = Some(self.view(id)?.read(&path).ok()?);
                rest.push(a.clone());
                rest.extend(it.by_ref().cloned());
                break;
            }
        }
        let prog = compile_cached(&script.unwrap_or_default()).ok()?;
        let positional = if rest.is_empty() {
            vec![name.to_string()]
        } else {
            rest
        };
        Some(Body::Shell(Box::new(Vm::new(prog, positional, env, cwd))))
    }
}
