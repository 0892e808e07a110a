//! The commands a container's shell can run — busybox's applets, with busybox's output and
//! error messages (`cat: can't open '/tmp/healthy': No such file or directory`) — plus the
//! image's own programs (servers), which the runtime starts as resident processes. The text
//! applets' workings are in `text`, the network applets in `net`.

mod net;
mod text;

use crate::runtime::fs::{normalize, FsError, FsView};
use crate::runtime::images::ImageSpec;
use crate::runtime::network::Network;
use crate::time::Millis;
use net::{curl, nslookup, resolve_host, wget};
use std::collections::BTreeMap;
pub use text::date;
use text::{printf, sleep_ms, test_expr, unescape};

/// What a command can touch.
pub struct Cx<'a> {
    pub fs: FsView<'a>,
    pub net: &'a Network,
    /// The virtual time the command runs at.
    pub clock: Millis,
    pub hostname: &'a str,
    pub image: &'a ImageSpec,
    /// Set when a command read the clock (`date`): its output depends on the instant.
    pub read_clock: bool,
}

impl Cx<'_> {
    /// Whether the commands run so far wrote to the filesystem or read the clock: their
    /// answers may differ next time.
    pub fn touched_world(&self) -> bool {
        self.fs.writes > 0 || self.read_clock
    }
}

/// Something the command needs beyond returning a status.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Sleep(Millis),
    Exit(i32),
    Follow { path: String, from: usize },
    Wait,
    Kill { pid: i64, signal: String },
    Program { argv: Vec<String>, replace: bool },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    pub action: Option<Action>,
}

impl Outcome {
    pub fn ok(out: &str) -> Self {
        Outcome {
            status: 0,
            stdout: out.to_string(),
            ..Default::default()
        }
    }
    pub fn err(status: i32, err: String) -> Self {
        Outcome {
            status,
            stderr: err,
            ..Default::default()
        }
    }
    pub fn action(status: i32, a: Action) -> Self {
        Outcome {
            status,
            action: Some(a),
            ..Default::default()
        }
    }
    pub(super) fn with(status: i32, stdout: String, stderr: String) -> Self {
        Outcome {
            status,
            stdout,
            stderr,
            action: None,
        }
    }
}

pub fn fs_error_text(e: &FsError) -> &'static str {
    match e {
        FsError::NotFound => "nonexistent directory",
        FsError::IsDir => "Is a directory",
        FsError::NotDir => "Not a directory",
        FsError::ReadOnly => "Read-only file system",
    }
}

/// The busybox applets podlab knows.
pub const APPLETS: &[&str] = &[
    "echo", "printf", "sleep", "touch", "rm", "mkdir", "cat", "ls", "test", "[", "true", "false",
    ":", "env", "printenv", "date", "hostname", "nslookup", "wget", "nc", "tail", "head", "wc",
    "grep", "kill", "wait", "seq", "basename", "dirname", "whoami", "id", "uname", "yes", "stress",
];

/// `/bin/sleep` → `sleep`.
fn applet(name: &str) -> &str {
    let base = name.rsplit('/').next().unwrap_or(name);
    if name.starts_with('/')
        && !matches!(name, n if n.starts_with("/bin/") || n.starts_with("/usr/bin/") || n.starts_with("/sbin/") || n.starts_with("/usr/sbin/") || n.starts_with("/usr/local/bin/"))
    {
        return name;
    }
    base
}

/// Whether `name` is one of the image's programs (run by the runtime, not here).
pub fn is_program(name: &str, cx: &Cx) -> bool {
    program_name(name, cx.image).is_some()
}

/// The key of the image program `name` refers to.
pub fn program_name<'i>(name: &str, image: &'i ImageSpec) -> Option<&'i str> {
    image.programs.keys().map(String::as_str).find(|k| {
        *k == name
            || k.rsplit('/').next() == Some(name.rsplit('/').next().unwrap_or(name))
                && (name.contains('/') || !k.contains('/') || k.starts_with("./"))
    })
}

fn has_tool(image: &ImageSpec, tool: &str) -> bool {
    // curl ships with the Debian-based server images, not with busybox or alpine.
    match tool {
        "curl" => image.repository.contains("nginx"),
        _ => image.shell,
    }
}

/// Run a command (not a shell builtin, not a function).
pub fn run(
    name: &str,
    args: &[String],
    stdin: Option<String>,
    env: &BTreeMap<String, String>,
    cwd: &str,
    cx: &mut Cx,
) -> Outcome {
    if program_name(name, cx.image).is_some() {
        let mut argv = vec![name.to_string()];
        argv.extend(args.iter().cloned());
        return Outcome::action(
            0,
            Action::Program {
                argv,
                replace: false,
            },
        );
    }
    let cmd = applet(name);
    if !cx.image.shell || !(APPLETS.contains(&cmd) || cmd == "curl" && has_tool(cx.image, "curl")) {
        return Outcome::err(127, format!("sh: {name}: not found\n"));
    }
    let path = |p: &str| normalize(cwd, p);
    match cmd {
        "true" | ":" => Outcome::ok(""),
        "false" => Outcome::err(1, String::new()),
        "echo" => {
            let mut newline = true;
            let mut escapes = false;
            let mut words = args;
            while let Some(first) = words.first() {
                match first.as_str() {
                    "-n" => newline = false,
                    "-e" => escapes = true,
                    "-E" => escapes = false,
                    "-ne" | "-en" => {
                        newline = false;
                        escapes = true
                    }
                    _ => break,
                }
                words = &words[1..];
            }
            let mut s = words.join(" ");
            if escapes {
                s = unescape(&s);
            }
            if newline {
                s.push('\n');
            }
            Outcome::ok(&s)
        }
        "printf" => match args.split_first() {
            None => Outcome::err(1, "printf: usage: printf FORMAT [ARGUMENT]...\n".into()),
            Some((fmt, rest)) => Outcome::ok(&printf(fmt, rest)),
        },
        "sleep" => {
            let mut total: Millis = 0;
            if args.is_empty() {
                return Outcome::err(1, "sleep: usage: sleep [N]...\n".into());
            }
            for a in args {
                if a == "infinity" || a == "inf" {
                    total = Millis::MAX / 4;
                    break;
                }
                match sleep_ms(a) {
                    Some(ms) => total = total.saturating_add(ms),
                    None => return Outcome::err(1, format!("sleep: invalid number '{a}'\n")),
                }
            }
            Outcome::action(0, Action::Sleep(total))
        }
        "touch" => {
            let mut err = String::new();
            for a in args.iter().filter(|a| !a.starts_with('-')) {
                let p = path(a);
                if !cx.fs.exists(&p) {
                    if let Err(e) = cx.fs.write(&p, "", false) {
                        err.push_str(&format!(
                            "touch: {a}: {}\n",
                            match e {
                                FsError::NotFound => "No such file or directory",
                                other => fs_error_text(&other),
                            }
                        ));
                    }
                }
            }
            Outcome::with(i32::from(!err.is_empty()), String::new(), err)
        }
        "rm" => {
            let force = args.iter().any(|a| a.starts_with('-') && a.contains('f'));
            let recursive = args
                .iter()
                .any(|a| a.starts_with('-') && (a.contains('r') || a.contains('R')));
            let mut err = String::new();
            for a in args.iter().filter(|a| !a.starts_with('-')) {
                match cx.fs.remove(&path(a), recursive) {
                    Ok(()) => {}
                    Err(FsError::NotFound) if force => {}
                    Err(FsError::NotFound) => err.push_str(&format!(
                        "rm: can't remove '{a}': No such file or directory\n"
                    )),
                    Err(FsError::IsDir) => err.push_str(&format!("rm: '{a}' is a directory\n")),
                    Err(e) => {
                        err.push_str(&format!("rm: can't remove '{a}': {}\n", fs_error_text(&e)))
                    }
                }
            }
            Outcome::with(i32::from(!err.is_empty()), String::new(), err)
        }
        "mkdir" => {
            let parents = args.iter().any(|a| a == "-p");
            let mut err = String::new();
            for a in args.iter().filter(|a| !a.starts_with('-')) {
                let p = path(a);
                if cx.fs.is_dir(&p) {
                    if !parents {
                        err.push_str(&format!(
                            "mkdir: can't create directory '{a}': File exists\n"
                        ));
                    }
                    continue;
                }
                if let Err(e) = cx.fs.mkdir(&p, parents) {
                    err.push_str(&format!(
                        "mkdir: can't create directory '{a}': {}\n",
                        match e {
                            FsError::NotFound => "No such file or directory",
                            other => fs_error_text(&other),
                        }
                    ));
                }
            }
            Outcome::with(i32::from(!err.is_empty()), String::new(), err)
        }
        "cat" => {
            let files: Vec<&String> = args
                .iter()
                .filter(|a| !a.starts_with('-') || a.as_str() == "-")
                .collect();
            if files.is_empty() {
                return Outcome::ok(&stdin.unwrap_or_default());
            }
            let (mut out, mut err) = (String::new(), String::new());
            for f in files {
                if f == "-" {
                    out.push_str(stdin.as_deref().unwrap_or(""));
                    continue;
                }
                match cx.fs.read(&path(f)) {
                    Ok(c) => out.push_str(&c),
                    Err(FsError::IsDir) => err.push_str("cat: read error: Is a directory\n"),
                    Err(_) => err.push_str(&format!(
                        "cat: can't open '{f}': No such file or directory\n"
                    )),
                }
            }
            Outcome::with(i32::from(!err.is_empty()), out, err)
        }
        "ls" => {
            let all = args.iter().any(|a| a.starts_with('-') && a.contains('a'));
            let targets: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
            let targets: Vec<String> = if targets.is_empty() {
                vec![cwd.to_string()]
            } else {
                targets.iter().map(|s| s.to_string()).collect()
            };
            let (mut out, mut err) = (String::new(), String::new());
            let many = targets.len() > 1;
            for t in &targets {
                let p = path(t);
                match cx.fs.list(&p) {
                    Ok(names) => {
                        if many {
                            out.push_str(&format!("{t}:\n"));
                        }
                        for n in names.iter().filter(|n| all || !n.starts_with('.')) {
                            out.push_str(n);
                            out.push('\n');
                        }
                    }
                    Err(FsError::NotDir) => out.push_str(&format!("{t}\n")),
                    Err(_) => err.push_str(&format!("ls: {t}: No such file or directory\n")),
                }
            }
            Outcome::with(i32::from(!err.is_empty()), out, err)
        }
        "test" | "[" => {
            let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
            if cmd == "[" {
                if a.last() != Some(&"]") {
                    return Outcome::err(2, "sh: missing ]\n".into());
                }
                a.pop();
            }
            match test_expr(&a, cx, cwd) {
                Ok(true) => Outcome::ok(""),
                Ok(false) => Outcome::err(1, String::new()),
                Err(e) => Outcome::err(2, format!("sh: {e}\n")),
            }
        }
        "env" | "printenv" => {
            if let Some(v) = args.first() {
                return match env.get(v) {
                    Some(val) => Outcome::ok(&format!("{val}\n")),
                    None => Outcome::err(1, String::new()),
                };
            }
            let mut s = String::new();
            for (k, v) in env {
                if k.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                {
                    s.push_str(&format!("{k}={v}\n"));
                }
            }
            Outcome::ok(&s)
        }
        "date" => {
            cx.read_clock = true;
            Outcome::ok(&format!("{}\n", date(cx.clock)))
        }
        "hostname" => Outcome::ok(&format!("{}\n", cx.hostname)),
        "whoami" => Outcome::ok("root\n"),
        "id" => Outcome::ok("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n"),
        "uname" => Outcome::ok(if args.iter().any(|a| a == "-a") {
            "Linux node01 6.8.0 #1 SMP x86_64 GNU/Linux\n"
        } else {
            "Linux\n"
        }),
        "basename" => Outcome::ok(&format!(
            "{}\n",
            args.first()
                .map(|a| a.trim_end_matches('/').rsplit('/').next().unwrap_or(""))
                .unwrap_or("")
        )),
        "dirname" => Outcome::ok(&format!(
            "{}\n",
            args.first()
                .map(|a| match a.trim_end_matches('/').rfind('/') {
                    Some(0) => "/",
                    Some(i) => &a[..i],
                    None => ".",
                })
                .unwrap_or(".")
        )),
        "seq" => {
            let nums: Vec<i64> = args.iter().filter_map(|a| a.parse().ok()).collect();
            let (from, to) = match nums.as_slice() {
                [n] => (1, *n),
                [a, b, ..] => (*a, *b),
                _ => return Outcome::err(1, "seq: usage: seq [FIRST [INC]] LAST\n".into()),
            };
            let mut s = String::new();
            for i in from..=to.min(from + 100_000) {
                s.push_str(&format!("{i}\n"));
            }
            Outcome::ok(&s)
        }
        "yes" => Outcome::ok(&"y\n".repeat(1000)),
        "nslookup" => nslookup(args, cx),
        "wget" => wget(args, cx, cwd),
        "curl" => curl(args, cx),
        "nc" => {
            let zero = args.iter().any(|a| a.starts_with('-') && a.contains('z'));
            let rest: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
            let (host, port) = match rest.as_slice() {
                [h, p, ..] => (h.as_str(), p.parse::<u16>().unwrap_or(0)),
                _ => return Outcome::err(1, "BusyBox v1.36.1 (2023-06-27) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT\n".into()),
            };
            let host = resolve_host(host, cx.net);
            match host {
                None => Outcome::err(1, format!("nc: bad address '{}'\n", rest[0])),
                Some(h) => match cx.net.tcp(Some(&h), port, cx.clock) {
                    Ok(()) => Outcome::ok(""),
                    Err(_) if zero => Outcome::err(1, String::new()),
                    Err(_) => Outcome::err(
                        1,
                        format!("nc: can't connect to remote host ({h}): Connection refused\n"),
                    ),
                },
            }
        }
        "tail" | "head" => {
            let follow = cmd == "tail"
                && args.iter().any(|a| {
                    a == "-f"
                        || a == "-F"
                        || (a.starts_with('-') && a.contains('f') && !a.starts_with("--"))
                });
            let mut n: usize = 10;
            let mut files = Vec::new();
            let mut it = args.iter().peekable();
            while let Some(a) = it.next() {
                if a == "-n" {
                    n = it
                        .next()
                        .and_then(|v| v.trim_start_matches('+').parse().ok())
                        .unwrap_or(10);
                } else if let Some(v) = a.strip_prefix("-n") {
                    n = v.parse().unwrap_or(10);
                } else if a.starts_with('-')
                    && a[1..].chars().all(|c| c.is_ascii_digit())
                    && a.len() > 1
                {
                    n = a[1..].parse().unwrap_or(10);
                } else if !a.starts_with('-') {
                    files.push(a.clone());
                }
            }
            // `tail -F` on a missing file says so once, then keeps retrying.
            let mut stderr = String::new();
            let text = match files.first() {
                None => stdin.unwrap_or_default(),
                Some(f) => match cx.fs.read(&path(f)) {
                    Ok(c) => c,
                    Err(_) if follow && args.iter().any(|a| a == "-F") => {
                        stderr = format!("tail: can't open '{f}': No such file or directory\n");
                        String::new()
                    }
                    Err(_) => {
                        return Outcome::err(
                            1,
                            format!("{cmd}: can't open '{f}': No such file or directory\n"),
                        )
                    }
                },
            };
            let lines: Vec<&str> = text.lines().collect();
            let pick: Vec<&str> = if cmd == "head" {
                lines.iter().take(n).copied().collect()
            } else {
                lines
                    .iter()
                    .skip(lines.len().saturating_sub(n))
                    .copied()
                    .collect()
            };
            let mut out = pick.join("\n");
            if !out.is_empty() {
                out.push('\n');
            }
            if follow {
                if let Some(f) = files.first() {
                    return Outcome {
                        status: 0,
                        stdout: out,
                        stderr,
                        action: Some(Action::Follow {
                            path: path(f),
                            from: text.len(),
                        }),
                    };
                }
            }
            Outcome::ok(&out)
        }
        "wc" => {
            let text = match args.iter().find(|a| !a.starts_with('-')) {
                Some(f) => cx.fs.read(&path(f)).unwrap_or_default(),
                None => stdin.unwrap_or_default(),
            };
            if args.iter().any(|a| a == "-l") {
                Outcome::ok(&format!("{}\n", text.matches('\n').count()))
            } else {
                Outcome::ok(&format!(
                    "{} {} {}\n",
                    text.matches('\n').count(),
                    text.split_whitespace().count(),
                    text.len()
                ))
            }
        }
        "grep" => {
            let quiet = args.iter().any(|a| a == "-q");
            let invert = args.iter().any(|a| a == "-v");
            let rest: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
            let Some(pat) = rest.first() else {
                return Outcome::err(2, "BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] PATTERN [FILE]...\n".into());
            };
            let text = match rest.get(1) {
                Some(f) => match cx.fs.read(&path(f)) {
                    Ok(t) => t,
                    Err(_) => {
                        return Outcome::err(2, format!("grep: {f}: No such file or directory\n"))
                    }
                },
                None => stdin.unwrap_or_default(),
            };
            let hits: Vec<&str> = text
                .lines()
                .filter(|l| l.contains(pat.as_str()) != invert)
                .collect();
            let status = i32::from(hits.is_empty());
            if quiet {
                return Outcome::with(status, String::new(), String::new());
            }
            let mut out = hits.join("\n");
            if !out.is_empty() {
                out.push('\n');
            }
            Outcome::with(status, out, String::new())
        }
        "kill" => {
            let mut signal = "TERM".to_string();
            let mut pids = Vec::new();
            for a in args {
                if let Some(s) = a.strip_prefix('-') {
                    signal = match s.trim_start_matches("SIG") {
                        "9" | "KILL" => "KILL".into(),
                        "15" | "TERM" => "TERM".into(),
                        "2" | "INT" => "INT".into(),
                        "s" => continue,
                        other => other.to_string(),
                    };
                } else if let Ok(p) = a.parse::<i64>() {
                    pids.push(p);
                }
            }
            match pids.first() {
                Some(pid) => Outcome::action(0, Action::Kill { pid: *pid, signal }),
                None => Outcome::err(1, "kill: usage: kill [-s SIG | -SIG] PID...\n".into()),
            }
        }
        "wait" => Outcome::action(0, Action::Wait),
        "stress" => {
            let mut argv = vec![name.to_string()];
            argv.extend(args.iter().cloned());
            Outcome::action(
                0,
                Action::Program {
                    argv,
                    replace: false,
                },
            )
        }
        _ => Outcome::err(127, format!("sh: {name}: not found\n")),
    }
}
