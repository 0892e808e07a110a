//! The kubelet settings that change how a Pod runs, as a `KubeletConfiguration` holds them
//! (k8s.io/kubelet `config/v1beta1`): today `crashLoopBackOff.maxContainerRestartPeriod`
//! (KEP-5593, field from 1.32). Read from the scenario's `cluster.kubelet` or from a
//! kubelet config file, defaulted and validated as the kubelet does at start-up, and turned
//! into the crash-loop back-off curve (`newCrashLoopBackOff`, pkg/kubelet/kubelet.go).

use super::gates::{Gate, GateSet};
use super::version::KubeVersion;
use crate::time::{Millis, MINUTE, SECOND};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The kubelet settings podsim simulates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KubeletConfig {
    #[serde(default, skip_serializing_if = "CrashLoopBackOffConfig::is_empty")]
    pub crash_loop_back_off: CrashLoopBackOffConfig,
}

/// `crashLoopBackOff:` (`CrashLoopBackOffConfig`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CrashLoopBackOffConfig {
    /// The longest a back-off may grow to (1s … 300s); needs KubeletCrashLoopBackOffMax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_container_restart_period: Option<GoDuration>,
}

impl CrashLoopBackOffConfig {
    pub fn is_empty(&self) -> bool {
        self.max_container_restart_period.is_none()
    }
}

impl KubeletConfig {
    pub fn is_empty(&self) -> bool {
        self.crash_loop_back_off.is_empty()
    }
}

/// A Go `time.Duration` as a kubelet config writes it (`30s`, `1m30s`, `2.5m`, `500ms`),
/// kept in nanoseconds as Go keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct GoDuration {
    pub nanos: i128,
}

impl GoDuration {
    pub fn from_millis(ms: Millis) -> Self {
        GoDuration {
            nanos: ms as i128 * 1_000_000,
        }
    }

    /// Go's `time.ParseDuration`.
    pub fn parse(text: &str) -> Result<GoDuration, String> {
        let bad = || format!("time: invalid duration {text:?}");
        let mut s = text;
        let negative = s.starts_with('-');
        s = s.strip_prefix(['-', '+']).unwrap_or(s);
        if s == "0" {
            return Ok(GoDuration { nanos: 0 });
        }
        if s.is_empty() {
            return Err(bad());
        }
        let mut total: f64 = 0.0;
        while !s.is_empty() {
            let num_len = s
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(s.len());
            let number = &s[..num_len];
            if number.is_empty() || number == "." || number.matches('.').count() > 1 {
                return Err(bad());
            }
            let n: f64 = number.parse().map_err(|_| bad())?;
            s = &s[num_len..];
            let unit_len = s
                .find(|c: char| c.is_ascii_digit() || c == '.')
                .unwrap_or(s.len());
            let unit = match &s[..unit_len] {
                "ns" => 1.0,
                "us" | "µs" | "μs" => 1e3,
                "ms" => 1e6,
                "s" => 1e9,
                "m" => 60e9,
                "h" => 3600e9,
                "" => return Err(format!("time: missing unit in duration {text:?}")),
                u => return Err(format!("time: unknown unit {u:?} in duration {text:?}")),
            };
            s = &s[unit_len..];
            total += n * unit;
        }
        if total > 9.2e18 {
            return Err(bad());
        }
        let nanos = total.round() as i128;
        Ok(GoDuration {
            nanos: if negative { -nanos } else { nanos },
        })
    }

    /// Whole virtual milliseconds (podsim's time step), rounded down; negative is 0.
    pub fn millis(self) -> Millis {
        (self.nanos.max(0) / 1_000_000) as Millis
    }

    /// Go's `Duration.Seconds()` printed with `%v`: `0.5`, `301`, `1.5e-06`.
    pub fn seconds_go(self) -> String {
        crate::cluster::go_float(self.nanos as f64 / 1e9)
    }
}

impl std::fmt::Display for GoDuration {
    /// Go's `Duration.String()`: `30s`, `1m30s`, `500ms`, `2m0s`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.nanos;
        if n == 0 {
            return f.write_str("0s");
        }
        let sign = if n < 0 { "-" } else { "" };
        let n = n.abs();
        if n < 1_000_000_000 {
            let (v, unit) = if n < 1_000 {
                (n as f64, "ns")
            } else if n < 1_000_000 {
                (n as f64 / 1e3, "µs")
            } else {
                (n as f64 / 1e6, "ms")
            };
            return write!(f, "{sign}{}{unit}", crate::cluster::go_float(v));
        }
        let total_s = n / 1_000_000_000;
        let frac = n % 1_000_000_000;
        let (h, m, s) = (total_s / 3600, (total_s / 60) % 60, total_s % 60);
        let secs = if frac == 0 {
            format!("{s}")
        } else {
            let digits = format!("{frac:09}");
            format!("{s}.{}", digits.trim_end_matches('0'))
        };
        if h > 0 {
            write!(f, "{sign}{h}h{m}m{secs}s")
        } else if m > 0 {
            write!(f, "{sign}{m}m{secs}s")
        } else {
            write!(f, "{sign}{secs}s")
        }
    }
}

impl Serialize for GoDuration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for GoDuration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        GoDuration::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// What the kubelet does with its configuration at start-up: a warning it logs, or the
/// error that stops it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// `invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set`
    MaxPeriodWithoutGate,
    /// `invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: N seconds) must be set between 1s and 300s`
    MaxPeriodOutOfRange(GoDuration),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::MaxPeriodWithoutGate => f.write_str("invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set"),
            ConfigError::MaxPeriodOutOfRange(d) => write!(
                f,
                "invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: {} seconds) must be set between 1s and 300s",
                d.seconds_go()
            ),
        }
    }
}

/// `initialCrashLoopBackOff` (pkg/kubelet/kubelet.go).
pub const INITIAL_CRASH_LOOP_BACKOFF: Millis = 10 * SECOND;
/// `MaxContainerBackOff` (300 s), the default maximum.
pub const MAX_CRASH_LOOP_BACKOFF: Millis = 5 * MINUTE;
/// `reducedInitialCrashLoopBackOff` (ReduceDefaultCrashLoopBackOffDecay).
pub const REDUCED_INITIAL_CRASH_LOOP_BACKOFF: Millis = SECOND;
/// `reducedMaxCrashLoopBackOff` (ReduceDefaultCrashLoopBackOffDecay).
pub const REDUCED_MAX_CRASH_LOOP_BACKOFF: Millis = MINUTE;

/// The kubelet settings after defaulting and validation, as the kubelet runs with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KubeletSettings {
    /// `crashLoopBackOff.maxContainerRestartPeriod` in ms, once defaulted (set only while
    /// KubeletCrashLoopBackOffMax is on).
    pub max_container_restart_period: Option<Millis>,
}

/// Default and validate `config` for version `v` with `gates` (kubelet start-up: lenient
/// decoding, `SetDefaults_KubeletConfiguration`, `ValidateKubeletConfiguration`). Returns the
/// settings and the warnings the kubelet logs.
pub fn settle(
    v: KubeVersion,
    gates: GateSet,
    config: &KubeletConfig,
) -> Result<(KubeletSettings, Vec<String>), ConfigError> {
    let mut warnings = Vec::new();
    let mut period = config.crash_loop_back_off.max_container_restart_period;
    if period.is_some() && v < KubeVersion::V1_32 {
        // The field arrived in k8s.io/kubelet v0.32.0: an older kubelet decodes the file
        // leniently and ignores it.
        warnings.push(
            "using lenient decoding as strict decoding failed: strict decoding error: unknown field \"crashLoopBackOff\""
                .to_string(),
        );
        period = None;
    }
    let max_gate = gates.contains(Gate::KubeletCrashLoopBackOffMax);
    if max_gate {
        let p = period.unwrap_or(GoDuration::from_millis(MAX_CRASH_LOOP_BACKOFF));
        if !(1_000_000_000..=300_000_000_000).contains(&p.nanos) {
            return Err(ConfigError::MaxPeriodOutOfRange(p));
        }
        period = Some(p);
    } else if period.is_some() {
        return Err(ConfigError::MaxPeriodWithoutGate);
    }
    Ok((
        KubeletSettings {
            max_container_restart_period: period.map(|p| p.millis()),
        },
        warnings,
    ))
}

/// `newCrashLoopBackOff`: the back-off's (initial, max) from the gates and the settings.
pub fn crash_loop_backoff(gates: GateSet, settings: &KubeletSettings) -> (Millis, Millis) {
    let (mut initial, mut max) = (INITIAL_CRASH_LOOP_BACKOFF, MAX_CRASH_LOOP_BACKOFF);
    if gates.contains(Gate::ReduceDefaultCrashLoopBackOffDecay) {
        initial = REDUCED_INITIAL_CRASH_LOOP_BACKOFF;
        max = REDUCED_MAX_CRASH_LOOP_BACKOFF;
    }
    if gates.contains(Gate::KubeletCrashLoopBackOffMax) {
        // "operator-invoked configuration always has precedence if valid"
        if let Some(p) = settings.max_container_restart_period {
            max = p;
            initial = initial.min(max);
        }
    }
    (initial, max)
}

/// A kubelet configuration file (`--config`): `apiVersion: kubelet.config.k8s.io/v1beta1`,
/// `kind: KubeletConfiguration`, its `featureGates` and the settings podsim simulates. The
/// other fields a real file holds are accepted and named in the notes as not simulated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KubeletConfigFile {
    pub feature_gates: std::collections::BTreeMap<String, bool>,
    pub config: KubeletConfig,
    /// Fields podsim reads but does not simulate.
    pub notes: Vec<String>,
}

/// Read a kubelet configuration file.
pub fn read_file(text: &str) -> Result<KubeletConfigFile, String> {
    let value: serde_json::Value = crate::yaml::from_yaml_str(text)?;
    let serde_json::Value::Object(fields) = value else {
        return Err(
            "a kubelet configuration file is a mapping (kind: KubeletConfiguration)".into(),
        );
    };
    let mut out = KubeletConfigFile::default();
    for (key, v) in fields {
        match key.as_str() {
            "kind" if v == "KubeletConfiguration" => {}
            "kind" => return Err(format!("kind {v} is not KubeletConfiguration")),
            "apiVersion" if v == "kubelet.config.k8s.io/v1beta1" => {}
            "apiVersion" => {
                return Err(format!(
                    "apiVersion {v} is not kubelet.config.k8s.io/v1beta1"
                ))
            }
            "featureGates" => {
                out.feature_gates =
                    serde_json::from_value(v).map_err(|e| format!("featureGates: {e}"))?;
            }
            "crashLoopBackOff" => {
                out.config.crash_loop_back_off =
                    serde_json::from_value(v).map_err(|e| format!("crashLoopBackOff: {e}"))?;
            }
            other => out.notes.push(format!(
                "podsim does not simulate kubelet setting {other}: ignored"
            )),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        for (text, nanos) in [
            ("30s", 30_000_000_000i128),
            ("1m30s", 90_000_000_000),
            ("2.5m", 150_000_000_000),
            ("500ms", 500_000_000),
            ("0", 0),
            ("1h", 3_600_000_000_000),
        ] {
            assert_eq!(
                GoDuration::parse(text).map(|d| d.nanos),
                Ok(nanos),
                "{text}"
            );
        }
        assert_eq!(
            GoDuration::parse("30").unwrap_err(),
            "time: missing unit in duration \"30\""
        );
        assert_eq!(
            GoDuration::parse("3d").unwrap_err(),
            "time: unknown unit \"d\" in duration \"3d\""
        );
        assert!(GoDuration::parse("").is_err());
        assert!(GoDuration::parse("s").is_err());
        assert_eq!(GoDuration::parse("90s").unwrap().to_string(), "1m30s");
        assert_eq!(GoDuration::parse("300s").unwrap().to_string(), "5m0s");
        assert_eq!(GoDuration::parse("500ms").unwrap().to_string(), "500ms");
        assert_eq!(GoDuration::parse("1.5s").unwrap().to_string(), "1.5s");
    }

    #[test]
    fn a_kubelet_config_file() {
        let f = read_file(
            "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nfeatureGates:\n  KubeletCrashLoopBackOffMax: true\ncrashLoopBackOff:\n  maxContainerRestartPeriod: 45s\nmaxPods: 50\n",
        )
        .unwrap();
        assert_eq!(
            f.feature_gates.get("KubeletCrashLoopBackOffMax"),
            Some(&true)
        );
        assert_eq!(
            f.config.crash_loop_back_off.max_container_restart_period,
            Some(GoDuration::parse("45s").unwrap())
        );
        assert_eq!(
            f.notes,
            ["podsim does not simulate kubelet setting maxPods: ignored"]
        );
        assert!(read_file("kind: Pod")
            .unwrap_err()
            .contains("KubeletConfiguration"));
        assert!(
            read_file("crashLoopBackOff: {maxContainerRestartPeriod: 10}")
                .unwrap_err()
                .contains("crashLoopBackOff")
        );
    }
}
