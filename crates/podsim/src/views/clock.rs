//! Wall-clock rendering of virtual instants for kubectl's outputs: the pod is created at a
//! fixed moment (so every run prints the same text), and times are formatted as Go's
//! RFC1123Z (`Tue, 24 Nov 2026 09:00:04 +0000`).

use crate::time::Millis;

/// Unix seconds of the pod's creation: Tue, 24 Nov 2026 09:00:00 UTC.
pub const CREATED_AT_UNIX: i64 = 1_795_510_800;

/// Go's `time.RFC1123Z` of the virtual instant `t`.
pub fn rfc1123z(t: Millis) -> String {
    let secs = CREATED_AT_UNIX + (t / 1000) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let wd = WEEKDAYS[days.rem_euclid(7) as usize];
    format!(
        "{wd}, {d:02} {} {y} {:02}:{:02}:{:02} +0000",
        MONTHS[(m - 1) as usize],
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// RFC 3339 (`2026-11-24T09:00:04Z`), as `kubectl get -o yaml` shows times.
pub fn rfc3339(t: Millis) -> String {
    let secs = CREATED_AT_UNIX + (t / 1000) as i64;
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Howard Hinnant's days-from-civil inverse.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_the_creation_instant() {
        assert_eq!(rfc1123z(0), "Tue, 24 Nov 2026 09:00:00 +0000");
        assert_eq!(rfc1123z(4_500), "Tue, 24 Nov 2026 09:00:04 +0000");
        assert_eq!(
            rfc1123z(15 * 3600 * 1000),
            "Wed, 25 Nov 2026 00:00:00 +0000"
        );
        assert_eq!(rfc3339(61_000), "2026-11-24T09:01:01Z");
    }
}
