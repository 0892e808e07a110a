//! The network applets: `nslookup` against the cluster DNS, `wget` and `curl` against the
//! pod's network and its Services, with busybox's (and curl's) output and errors.

use super::{Cx, Outcome};
use crate::runtime::fs::normalize;
use crate::runtime::network::{HttpOutcome, HttpRequest, Network};

const DNS_HEADER: &str =
    "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n";

pub(super) fn nslookup(args: &[String], cx: &Cx) -> Outcome {
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
pub(super) fn resolve_host(host: &str, net: &Network) -> Option<String> {
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

/// Why a fetch got no response.
enum FetchError {
    /// The URL does not parse.
    BadUrl(String),
    /// The host name resolves to nothing.
    BadAddress(String),
    /// Nothing listens there (the address it tried).
    Refused(String),
    TimedOut,
}

/// A response: `host:port (ip:port)` as wget prints the connection, the status, the body.
struct Fetched {
    connection: String,
    status: u16,
    body: String,
}

fn http_get(url: &str, cx: &Cx) -> Result<Fetched, FetchError> {
    let Some((scheme, host, port, path)) = split_url(url) else {
        return Err(FetchError::BadUrl(url.to_string()));
    };
    let Some(ip) = resolve_host(&host, cx.net) else {
        return Err(FetchError::BadAddress(host));
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
        HttpOutcome::Response { status, body } => Ok(Fetched {
            connection: format!("{host}:{port} ({ip}:{port})"),
            status,
            body,
        }),
        HttpOutcome::Error(e) if e.contains("refused") => Err(FetchError::Refused(ip)),
        HttpOutcome::Error(_) => Err(FetchError::TimedOut),
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

pub(super) fn wget(args: &[String], cx: &mut Cx, cwd: &str) -> Outcome {
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
        Err(e) => {
            let msg = match &e {
                FetchError::BadAddress(host) => format!("wget: bad address '{host}'\n"),
                FetchError::Refused(ip) => {
                    format!("wget: can't connect to remote host ({ip}): Connection refused\n")
                }
                FetchError::TimedOut => "wget: download timed out\n".into(),
                FetchError::BadUrl(url) => format!("wget: bad URL '{url}'\n"),
            };
            let connecting = if matches!(e, FetchError::BadAddress(_)) {
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
        Ok(Fetched {
            connection,
            status,
            body,
        }) => {
            let mut err = if quiet {
                String::new()
            } else {
                format!("Connecting to {connection}\n")
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

pub(super) fn curl(args: &[String], cx: &Cx) -> Outcome {
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
        Err(e) => match e {
            FetchError::BadAddress(host) => {
                Outcome::err(6, format!("curl: (6) Could not resolve host: {host}\n"))
            }
            FetchError::Refused(ip) => {
                let port = split_url(url).map(|u| u.2).unwrap_or(80);
                Outcome::err(7, format!("curl: (7) Failed to connect to {ip} port {port} after 0 ms: Couldn't connect to server\n"))
            }
            FetchError::BadUrl(_) | FetchError::TimedOut => Outcome::err(
                28,
                "curl: (28) Connection timed out after 1001 milliseconds\n".into(),
            ),
        },
        Ok(Fetched { status, body, .. }) => {
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
