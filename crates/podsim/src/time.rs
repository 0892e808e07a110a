//! Virtual time: milliseconds since the Pod was created, duration parsing (`90s`, `5m`, `1h`)
//! and the two duration formats kubectl and the kubelet print (HumanDuration, Go's Duration).

pub use crate::model::Millis;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub const SECOND: Millis = 1000;
pub const MINUTE: Millis = 60 * SECOND;
pub const HOUR: Millis = 60 * MINUTE;

/// A span of virtual time as lessons, scenarios and goals write it: `30s`, `5m`, `1h`,
/// `1m30s`, `250ms`, or a bare number of seconds; written back as `20s`, or `1500ms` when
/// not whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Duration(pub Millis);

impl Duration {
    pub fn millis(self) -> Millis {
        self.0
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_multiple_of(SECOND) {
            write!(f, "{}s", self.0 / SECOND)
        } else {
            write!(f, "{}ms", self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Seconds(u64),
            Text(String),
        }
        let ms = match Written::deserialize(d)? {
            Written::Seconds(secs) => secs
                .checked_mul(SECOND)
                .ok_or_else(|| format!("duration {secs}s is too large")),
            Written::Text(text) => parse_duration(&text),
        };
        ms.map(Duration).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Parse a duration like `90s`, `5m`, `1h`, `1m30s`, `250ms` or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Millis, String> {
    let s = text.trim();
    if s.is_empty() {
        return Err("empty duration".into());
    }
    if let Ok(secs) = s.parse::<u64>() {
        return secs
            .checked_mul(SECOND)
            .ok_or_else(|| format!("duration {s:?} is too large"));
    }
    let mut total: Millis = 0;
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return Err(format!(
                "invalid duration {s:?}: expected a number like 90s, 5m or 1h"
            ));
        }
        let n: u64 = rest[..digits]
            .parse()
            .map_err(|_| format!("duration {s:?} is too large"))?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let unit = match &rest[..unit_len] {
            "ms" => 1,
            "s" => SECOND,
            "m" => MINUTE,
            "h" => HOUR,
            "" => {
                return Err(format!(
                    "invalid duration {s:?}: missing unit (ms, s, m or h)"
                ))
            }
            u => {
                return Err(format!(
                    "invalid duration {s:?}: unknown unit {u:?} (use ms, s, m or h)"
                ))
            }
        };
        rest = &rest[unit_len..];
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(|| format!("duration {s:?} is too large"))?;
    }
    Ok(total)
}

/// kubectl's `HumanDuration` (apimachinery `duration.HumanDuration`), e.g. `59s`, `2m5s`, `3h`.
pub fn human_duration(ms: i64) -> String {
    if ms < -(SECOND as i64) {
        return "<invalid>".into();
    }
    if ms < 0 {
        return "0s".into();
    }
    let seconds = ms / 1000;
    if seconds < 60 * 2 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        if s == 0 {
            return format!("{minutes}m");
        }
        return format!("{minutes}m{s}s");
    }
    if minutes < 60 * 3 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 8 {
        let m = minutes % 60;
        if m == 0 {
            return format!("{hours}h");
        }
        return format!("{hours}h{m}m");
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let h = hours % 24;
        if h == 0 {
            return format!("{}d", hours / 24);
        }
        return format!("{}d{}h", hours / 24, h);
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    if hours < 24 * 365 * 8 {
        let d = (hours / 24) % 365;
        if d == 0 {
            return format!("{}y", hours / 24 / 365);
        }
        return format!("{}y{}d", hours / 24 / 365, d);
    }
    format!("{}y", hours / 24 / 365)
}

/// Go's `time.Duration.String()` for whole milliseconds: `10s`, `1m20s`, `5m0s`, `1.5s`, `0s`.
pub fn go_duration(ms: Millis) -> String {
    if ms == 0 {
        return "0s".into();
    }
    let h = ms / HOUR;
    let m = (ms % HOUR) / MINUTE;
    let s = (ms % MINUTE) / SECOND;
    let frac = ms % SECOND;
    let secs = if frac == 0 {
        format!("{s}s")
    } else {
        let f = format!("{frac:03}");
        format!("{s}.{}s", f.trim_end_matches('0'))
    };
    if ms < SECOND {
        return format!("{ms}ms");
    }
    if h > 0 {
        format!("{h}h{m}m{secs}")
    } else if m > 0 {
        format!("{m}m{secs}")
    } else {
        secs
    }
}

/// A short label for a virtual instant, for charts and logs: `0s`, `1m05s`, `1h02m03s`.
pub fn clock(ms: Millis) -> String {
    let total = ms / SECOND;
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    if h > 0 {
        format!("{h}h{m:02}m{s:02}s")
    } else if m > 0 {
        format!("{m}m{s:02}s")
    } else {
        format!("{s}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_and_write_as_lessons_and_scenarios_write_them() {
        let read = |json: &str| serde_json::from_str::<Duration>(json).map_err(|e| e.to_string());
        assert_eq!(read("\"90s\""), Ok(Duration(90_000)));
        assert_eq!(read("20"), Ok(Duration(20_000)), "a bare number is seconds");
        assert!(read("\"5x\"").is_err());
        assert!(read("18446744073709551615").is_err(), "too large");
        assert_eq!(Duration(20_000).to_string(), "20s");
        assert_eq!(Duration(1_500).to_string(), "1500ms");
    }

    #[test]
    fn parses_durations() {
        assert_eq!(parse_duration("90s"), Ok(90_000));
        assert_eq!(parse_duration("5m"), Ok(300_000));
        assert_eq!(parse_duration("1h"), Ok(3_600_000));
        assert_eq!(parse_duration("1m30s"), Ok(90_000));
        assert_eq!(parse_duration("250ms"), Ok(250));
        assert_eq!(parse_duration("42"), Ok(42_000));
        assert!(parse_duration("5x").is_err());
        assert!(parse_duration("s").is_err());
        assert!(parse_duration("99999999999999999999h").is_err());
    }

    #[test]
    fn human_durations_match_kubectl() {
        let cases = [
            (59, "59s"),
            (119, "119s"),
            (125, "2m5s"),
            (599, "9m59s"),
            (600, "10m"),
            (179 * 60, "179m"),
            (3 * 3600, "3h"),
            (7 * 3600 + 59 * 60, "7h59m"),
            (47 * 3600, "47h"),
            (2 * 86400 + 9 * 3600, "2d9h"),
        ];
        for (secs, want) in cases {
            assert_eq!(human_duration(secs * 1000), want, "{secs}s");
        }
        assert_eq!(human_duration(-500), "0s");
        assert_eq!(human_duration(-5000), "<invalid>");
    }

    #[test]
    fn go_durations() {
        assert_eq!(go_duration(10_000), "10s");
        assert_eq!(go_duration(80_000), "1m20s");
        assert_eq!(go_duration(160_000), "2m40s");
        assert_eq!(go_duration(300_000), "5m0s");
        assert_eq!(go_duration(2_680), "2.68s");
        assert_eq!(go_duration(0), "0s");
    }
}
