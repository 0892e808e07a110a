//! Probes and lifecycle handlers (validateProbe, validateHandler, validateLifecycle,
//! validateSleepAction): exactly one handler, non-negative timings, successThreshold 1 for
//! liveness and startup, no terminationGracePeriodSeconds on readiness, valid ports, paths
//! and schemes; a sleep within the pod's grace period, zero allowed from 1.33
//! (PodLifecycleSleepActionAllowZero), in each version's words.

use super::names::{port_name, port_num};
use super::Options;
use crate::api::field_error::{BadValue, FieldError};
use crate::cluster::KubeVersion;
use crate::model::{
    HttpGetAction, IntOrString, Lifecycle, LifecycleHandler, Probe, TcpSocketAction,
};

fn port_num_or_name(port: &IntOrString, path: &str, errs: &mut Vec<FieldError>) {
    match port {
        IntOrString::Int(p) => {
            for m in port_num(*p) {
                errs.push(FieldError::invalid(path, BadValue::Int(*p), m));
            }
        }
        IntOrString::String(s) => {
            for m in port_name(s) {
                errs.push(FieldError::invalid(path, BadValue::Str(s.clone()), m));
            }
        }
    }
}

fn http_get(h: &HttpGetAction, path: &str, errs: &mut Vec<FieldError>) {
    if h.path.as_deref().is_none_or(str::is_empty) {
        errs.push(FieldError::required(format!("{path}.path"), ""));
    }
    port_num_or_name(&h.port, &format!("{path}.port"), errs);
    let scheme = h.scheme.as_deref().unwrap_or("");
    if scheme != "HTTP" && scheme != "HTTPS" {
        errs.push(FieldError::not_supported(
            format!("{path}.scheme"),
            BadValue::Str(scheme.into()),
            &["HTTP", "HTTPS"],
        ));
    }
    for h in &h.http_headers {
        if h.name.is_empty()
            || !h
                .name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-')
        {
            errs.push(FieldError::invalid(
                format!("{path}.httpHeaders"),
                BadValue::Str(h.name.clone()),
                "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
            ));
        }
    }
}

fn tcp(t: &TcpSocketAction, path: &str, errs: &mut Vec<FieldError>) {
    port_num_or_name(&t.port, &format!("{path}.port"), errs);
}

/// The handlers of a probe (exec, httpGet, tcpSocket, grpc): exactly one.
fn probe_handler(p: &Probe, path: &str, errs: &mut Vec<FieldError>) {
    let mut n = 0;
    let mut one = |name: &str, present: bool, errs: &mut Vec<FieldError>| -> bool {
        if !present {
            return false;
        }
        if n > 0 {
            errs.push(FieldError::forbidden(
                format!("{path}.{name}"),
                "may not specify more than 1 handler type",
            ));
            return false;
        }
        n += 1;
        true
    };
    if one("exec", p.exec.is_some(), errs) {
        if let Some(e) = &p.exec {
            if e.command.is_empty() {
                errs.push(FieldError::required(format!("{path}.exec.command"), ""));
            }
        }
    }
    if one("httpGet", p.http_get.is_some(), errs) {
        if let Some(h) = &p.http_get {
            http_get(h, &format!("{path}.httpGet"), errs);
        }
    }
    if one("tcpSocket", p.tcp_socket.is_some(), errs) {
        if let Some(t) = &p.tcp_socket {
            tcp(t, &format!("{path}.tcpSocket"), errs);
        }
    }
    if one("grpc", p.grpc.is_some(), errs) {
        if let Some(g) = &p.grpc {
            for m in port_num(g.port) {
                errs.push(FieldError::invalid(
                    format!("{path}.grpc.port"),
                    BadValue::Int(g.port),
                    m,
                ));
            }
        }
    }
    if n == 0 {
        errs.push(FieldError::required(path, "must specify a handler type"));
    }
}

fn nonnegative(v: Option<i64>, path: String, errs: &mut Vec<FieldError>) {
    if let Some(v) = v {
        if v < 0 {
            errs.push(FieldError::invalid(
                path,
                BadValue::Int(v),
                "must be greater than or equal to 0",
            ));
        }
    }
}

fn probe(p: &Probe, path: &str, errs: &mut Vec<FieldError>) {
    probe_handler(p, path, errs);
    nonnegative(
        p.initial_delay_seconds,
        format!("{path}.initialDelaySeconds"),
        errs,
    );
    nonnegative(p.timeout_seconds, format!("{path}.timeoutSeconds"), errs);
    nonnegative(p.period_seconds, format!("{path}.periodSeconds"), errs);
    nonnegative(
        p.success_threshold,
        format!("{path}.successThreshold"),
        errs,
    );
    nonnegative(
        p.failure_threshold,
        format!("{path}.failureThreshold"),
        errs,
    );
    if let Some(g) = p.termination_grace_period_seconds {
        if g <= 0 {
            errs.push(FieldError::invalid(
                format!("{path}.terminationGracePeriodSeconds"),
                BadValue::Int(g),
                "must be greater than 0",
            ));
        }
    }
}

pub fn liveness_or_startup(p: &Option<Probe>, path: &str, errs: &mut Vec<FieldError>) {
    let Some(p) = p else { return };
    probe(p, path, errs);
    let s = p.success_threshold();
    if s != 1 {
        errs.push(FieldError::invalid(
            format!("{path}.successThreshold"),
            BadValue::Int(s),
            "must be 1",
        ));
    }
}

pub fn readiness(p: &Option<Probe>, path: &str, errs: &mut Vec<FieldError>) {
    let Some(p) = p else { return };
    probe(p, path, errs);
    if let Some(g) = p.termination_grace_period_seconds {
        errs.push(FieldError::invalid(
            format!("{path}.terminationGracePeriodSeconds"),
            BadValue::Int(g),
            "must not be set for readinessProbes",
        ));
    }
}

/// `validateSleepAction`, reported on `…sleep` with the seconds as the value.
fn sleep(
    seconds: i64,
    grace: Option<i64>,
    path: String,
    opts: &Options,
    errs: &mut Vec<FieldError>,
) {
    // A missing grace period is reported elsewhere.
    let Some(g) = grace else { return };
    let message = if opts.sleep_zero {
        (seconds < 0 || seconds > g).then(|| {
            format!("must be non-negative and less than terminationGracePeriodSeconds ({g})")
        })
    } else if seconds <= 0 || seconds > g {
        Some(if opts.version >= KubeVersion::V1_32 {
            format!("must be greater than 0 and less than terminationGracePeriodSeconds ({g}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.")
        } else {
            format!("must be greater than 0 and less than terminationGracePeriodSeconds ({g})")
        })
    } else {
        None
    };
    if let Some(m) = message {
        errs.push(FieldError::invalid(path, BadValue::Int(seconds), m));
    }
}

fn lifecycle_handler(
    h: &LifecycleHandler,
    path: &str,
    grace: Option<i64>,
    opts: &Options,
    errs: &mut Vec<FieldError>,
) {
    let mut n = 0;
    for (name, present) in [
        ("exec", h.exec.is_some()),
        ("httpGet", h.http_get.is_some()),
        ("tcpSocket", h.tcp_socket.is_some()),
        ("sleep", h.sleep.is_some()),
    ] {
        if !present {
            continue;
        }
        if n > 0 {
            errs.push(FieldError::forbidden(
                format!("{path}.{name}"),
                "may not specify more than 1 handler type",
            ));
            continue;
        }
        n += 1;
        match name {
            "exec" => {
                if h.exec.as_ref().is_some_and(|e| e.command.is_empty()) {
                    errs.push(FieldError::required(format!("{path}.exec.command"), ""));
                }
            }
            "httpGet" => {
                if let Some(g) = &h.http_get {
                    http_get(g, &format!("{path}.httpGet"), errs);
                }
            }
            "tcpSocket" => {
                if let Some(t) = &h.tcp_socket {
                    tcp(t, &format!("{path}.tcpSocket"), errs);
                }
            }
            _ => {
                if let Some(s) = &h.sleep {
                    sleep(s.seconds, grace, format!("{path}.sleep"), opts, errs);
                }
            }
        }
    }
    if n == 0 {
        errs.push(FieldError::required(path, "must specify a handler type"));
    }
}

pub fn lifecycle(
    l: &Lifecycle,
    path: &str,
    grace: Option<i64>,
    opts: &Options,
    errs: &mut Vec<FieldError>,
) {
    if let Some(h) = &l.post_start {
        lifecycle_handler(h, &format!("{path}.postStart"), grace, opts, errs);
    }
    if let Some(h) = &l.pre_stop {
        lifecycle_handler(h, &format!("{path}.preStop"), grace, opts, errs);
    }
}
