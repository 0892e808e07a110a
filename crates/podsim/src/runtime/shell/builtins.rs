//! The commands a container's shell can run — busybox's applets, with busybox's output and
//! error messages (`cat: can't open '/tmp/healthy': No such file or directory`) — plus the
//! image's own programs (servers), which the runtime starts as resident processes.

use crate::runtime::fs::{normalize, FsError, FsView};
use crate::runtime::images::ImageSpec;
use crate::runtime::network::{HttpOutcome, HttpRequest, Network};
use crate::time::{Millis, HOUR, MINUTE, SECOND};
use crate::views::clock::CREATED_AT_UNIX;
use std::collections::BTreeMap;

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
    fn with(status: i32, stdout: String, stderr: String) -> Self {
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

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
        .replace("\\t", "\t")
        .replace("\\\\", "\\")
}

fn printf(fmt: &str, args: &[String]) -> String {
    let fmt = unescape(fmt);
    let mut out = String::new();
    let mut i = 0;
    let chars: Vec<char> = fmt.chars().collect();
    let mut k = 0;
    loop {
        while i < chars.len() {
            if chars[i] == '%' && i + 1 < chars.len() {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_ascii_digit() || "-.".contains(chars[j])) {
                    j += 1;
                }
                match chars.get(j) {
                    Some('%') => out.push('%'),
                    Some('s') | Some('d') | Some('i') | Some('u') | Some('x') | Some('c') => {
                        out.push_str(args.get(k).map(String::as_str).unwrap_or(""));
                        k += 1;
                    }
                    _ => out.push('%'),
                }
                i = j + 1;
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        if k == 0 || k >= args.len() {
            break;
        }
        i = 0;
    }
    out
}

fn sleep_ms(a: &str) -> Option<Millis> {
    let (num, unit) = match a.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => (&a[..i], &a[i..]),
        None => (a, ""),
    };
    let v: f64 = num.parse().ok()?;
    if !(0.0..=1e9).contains(&v) {
        return None;
    }
    let mult = match unit {
        "" | "s" => SECOND,
        "m" => MINUTE,
        "h" => HOUR,
        "d" => 24 * HOUR,
        _ => return None,
    } as f64;
    Some((v * mult).round() as Millis)
}

/// busybox `date`: `Tue Nov 24 09:00:05 UTC 2026`.
pub fn date(clock: Millis) -> String {
    let secs = CREATED_AT_UNIX + (clock / 1000) as i64;
    let rfc = crate::views::clock::rfc1123z(clock);
    // "Tue, 24 Nov 2026 09:00:05 +0000" → "Tue Nov 24 09:00:05 UTC 2026"
    let parts: Vec<&str> = rfc.split_whitespace().collect();
    let _ = secs;
    match parts.as_slice() {
        [wd, day, mon, year, time, _] => {
            let day: u32 = day.parse().unwrap_or(1);
            format!(
                "{} {mon} {day:2} {time} UTC {year}",
                wd.trim_end_matches(',')
            )
        }
        _ => rfc,
    }
}

fn test_expr(a: &[&str], cx: &mut Cx, cwd: &str) -> Result<bool, String> {
    let path = |p: &str| normalize(cwd, p);
    match a {
        [] => Ok(false),
        ["!", rest @ ..] => test_expr(rest, cx, cwd).map(|b| !b),
        [s] => Ok(!s.is_empty()),
        [op, v] => match *op {
            "-n" => Ok(!v.is_empty()),
            "-z" => Ok(v.is_empty()),
            "-e" | "-r" | "-w" | "-x" => Ok(cx.fs.exists(&path(v))),
            "-f" => {
                let p = path(v);
                Ok(cx.fs.exists(&p) && !cx.fs.is_dir(&p))
            }
            "-d" => Ok(cx.fs.is_dir(&path(v))),
            "-s" => Ok(cx.fs.read(&path(v)).is_ok_and(|c| !c.is_empty())),
            _ => Err(format!("{op}: unknown operand")),
        },
        [l, op, r] => {
            let num = |s: &str| {
                s.trim()
                    .parse::<i64>()
                    .map_err(|_| format!("invalid number '{s}'"))
            };
            match *op {
                "=" | "==" => Ok(l == r),
                "!=" => Ok(l != r),
                "-eq" => Ok(num(l)? == num(r)?),
                "-ne" => Ok(num(l)? != num(r)?),
                "-lt" => Ok(num(l)? < num(r)?),
                "-le" => Ok(num(l)? <= num(r)?),
                "-gt" => Ok(num(l)? > num(r)?),
                "-ge" => Ok(num(l)? >= num(r)?),
                _ => Err(format!("{op}: unknown operand")),
            }
        }
        _ => {
            if let Some(i) = a.iter().position(|x| *x == "-a" || *x == "-o") {
                let l = test_expr(&a[..i], cx, cwd)?;
                let r = test_expr(&a[i + 1..], cx, cwd)?;
                return Ok(if a[i] == "-a" { l && r } else { l || r });
            }
            Err("syntax error".into())
        }
    }
}

const DNS_HEADER: &str =
    "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n";

fn nslookup(args: &[String], cx: &Cx) -> Outcome {
    let Some(name) = args.iter().find(|a| !a.starts_with('-')) else {
        return Outcome::err(1, "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n".into());
    };
    match cx.net.resolve(name) {
        Some((fqdn, ip)) => Outcome::ok(&format!(
            "{DNS_HEADER}Name:      {name}\nAddress 1: {ip} {fqdn}\n"
        )),
        None => Outcome::with(
            1,
            DNS_HEADER.to_string(),
            format!("nslookup: can't resolve '{name}'\n"),
        ),
    }
}

/// A host name as the pod sees it: localhost, the pod IP, a Service name, or unknown.
fn resolve_host(host: &str, net: &Network) -> Option<String> {
    if host == "localhost"
        || host == "127.0.0.1"
        || host == net.pod_ip
        || host.parse::<std::net::Ipv4Addr>().is_ok()
    {
        return Some(host.to_string());
    }
    net.resolve(host).map(|(_, ip)| ip)
}

fn split_url(url: &str) -> Option<(String, String, u16, String)> {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s.to_string(), r),
        None => ("http".to_string(), url),
    };
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (h.to_string(), p.parse().ok()?),
        None => (
            hostport.to_string(),
            if scheme == "https" { 443 } else { 80 },
        ),
    };
    Some((scheme, host, port, path))
}

fn http_get(url: &str, cx: &Cx) -> Result<(String, u16, String), (String, String)> {
    let Some((scheme, host, port, path)) = split_url(url) else {
        return Err(("bad url".into(), url.to_string()));
    };
    let Some(ip) = resolve_host(&host, cx.net) else {
        return Err(("bad address".into(), host));
    };
    let ip = if ip == "localhost" {
        "127.0.0.1".to_string()
    } else {
        ip
    };
    // Services have no endpoints in this single-pod world unless they are this pod.
    let target = if cx.net.services.values().any(|v| v == &ip) {
        cx.net.pod_ip.clone()
    } else {
        ip.clone()
    };
    let req = HttpRequest {
        host: Some(target),
        port,
        path,
        scheme,
        headers: vec![],
    };
    match cx.net.http(&req, cx.clock) {
        HttpOutcome::Response { status, body } => {
            Ok((format!("{host}:{port} ({ip}:{port})"), status, body))
        }
        HttpOutcome::Error(e) if e.contains("refused") => Err(("refused".into(), ip)),
        HttpOutcome::Error(_) => Err(("timeout".into(), ip)),
    }
}

fn status_text(s: u16) -> &'static str {
    match s {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "",
    }
}

fn wget(args: &[String], cx: &mut Cx, cwd: &str) -> Outcome {
    let quiet = args
        .iter()
        .any(|a| a == "-q" || a == "-qO-" || a == "--quiet");
    let spider = args.iter().any(|a| a == "--spider");
    let mut out_file: Option<String> = None;
    let mut url = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-O" {
            out_file = it.next().cloned();
        } else if let Some(f) = a.strip_prefix("-qO") {
            out_file = Some(f.to_string());
        } else if a == "-T" || a == "-t" {
            it.next();
        } else if !a.starts_with('-') {
            url = Some(a.clone());
        }
    }
    let Some(url) = url else {
        return Outcome::err(1, "BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] URL...\n".into());
    };
    match http_get(&url, cx) {
        Err((kind, who)) => {
            let msg = match kind.as_str() {
                "bad address" => format!("wget: bad address '{who}'\n"),
                "refused" => {
                    format!("wget: can't connect to remote host ({who}): Connection refused\n")
                }
                "timeout" => "wget: download timed out\n".into(),
                _ => format!("wget: bad URL '{who}'\n"),
            };
            let connecting = if kind == "bad address" {
                String::new()
            } else {
                format!("Connecting to {url}\n")
            };
            Outcome::with(
                1,
                String::new(),
                if quiet { msg } else { connecting + &msg },
            )
        }
        Ok((conn, status, body)) => {
            let mut err = if quiet {
                String::new()
            } else {
                format!("Connecting to {conn}\n")
            };
            if status >= 400 {
                err.push_str(&format!(
                    "wget: server returned error: HTTP/1.1 {status} {}\n",
                    status_text(status)
                ));
                return Outcome::with(1, String::new(), err);
            }
            if spider {
                if !quiet {
                    err.push_str("remote file exists\n");
                }
                return Outcome::with(0, String::new(), err);
            }
            match out_file.as_deref() {
                Some("-") => Outcome::with(0, format!("{body}\n"), err),
                other => {
                    let name = other.map(str::to_string).unwrap_or_else(|| {
                        let last = url.rsplit('/').next().unwrap_or("");
                        if last.is_empty() || !url.trim_start_matches("http://").contains('/') {
                            "index.html".into()
                        } else {
                            last.to_string()
                        }
                    });
                    let _ = cx
                        .fs
                        .write(&normalize(cwd, &name), &format!("{body}\n"), false);
                    if !quiet {
                        err.push_str(&format!("saving to '{name}'\n{name}             100% |********************************|    {}  0:00:00 ETA\n'{name}' saved\n", body.len() + 1));
                    }
                    Outcome::with(0, String::new(), err)
                }
            }
        }
    }
}

fn curl(args: &[String], cx: &Cx) -> Outcome {
    let fail = args
        .iter()
        .any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('f'));
    let Some(url) = args.iter().find(|a| !a.starts_with('-')) else {
        return Outcome::err(
            2,
            "curl: try 'curl --help' or 'curl --manual' for more information\n".into(),
        );
    };
    match http_get(url, cx) {
        Err((kind, who)) => match kind.as_str() {
            "bad address" => Outcome::err(6, format!("curl: (6) Could not resolve host: {who}\n")),
            "refused" => {
                let port = split_url(url).map(|u| u.2).unwrap_or(80);
                Outcome::err(7, format!("curl: (7) Failed to connect to {who} port {port} after 0 ms: Couldn't connect to server\n"))
            }
            _ => Outcome::err(
                28,
                "curl: (28) Connection timed out after 1001 milliseconds\n".into(),
            ),
        },
        Ok((_, status, body)) => {
            if fail && status >= 400 {
                return Outcome::err(
                    22,
                    format!("curl: (22) The requested URL returned error: {status}\n"),
                );
            }
            Outcome::ok(&body)
        }
    }
}
