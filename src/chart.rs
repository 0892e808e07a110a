//! Pure geometry for the visual timeline: the time window (zoom and pan), time ↔ x mapping,
//! axis ticks at round durations, and thinning of probe ticks so a long run stays light.

use podsim::kubelet::prober::ProbeResult;
use podsim::time::{Millis, MINUTE, SECOND};
use podsim::views::lanes::ProbeTick;

/// The visible span of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: Millis,
    pub end: Millis,
}

impl Window {
    pub fn all(until: Millis) -> Self {
        Window {
            start: 0,
            end: until.max(1000),
        }
    }

    pub fn span(&self) -> Millis {
        self.end.saturating_sub(self.start).max(1)
    }

    /// Zoom by `factor` (< 1 zooms in) around `center`, staying inside [0, until].
    pub fn zoom(&self, factor: f64, center: Millis, until: Millis) -> Self {
        let span =
            ((self.span() as f64) * factor).clamp(5_000.0, until.max(5_000) as f64) as Millis;
        let left_share = if self.span() > 0 {
            (center.saturating_sub(self.start)) as f64 / self.span() as f64
        } else {
            0.5
        };
        let start = center.saturating_sub((span as f64 * left_share.clamp(0.0, 1.0)) as Millis);
        Window {
            start,
            end: start + span,
        }
        .clamp_to(until)
    }

    /// Move by a share of the span (negative: earlier).
    pub fn pan(&self, share: f64, until: Millis) -> Self {
        let delta = (self.span() as f64 * share.abs()) as Millis;
        let start = if share < 0.0 {
            self.start.saturating_sub(delta)
        } else {
            self.start + delta
        };
        Window {
            start,
            end: start + self.span(),
        }
        .clamp_to(until)
    }

    fn clamp_to(self, until: Millis) -> Self {
        let until = until.max(1000);
        let span = self.span().min(until);
        let start = self.start.min(until - span);
        Window {
            start,
            end: start + span,
        }
    }

    /// x of an instant, for a chart from `x0` to `x1`.
    pub fn x(&self, t: Millis, x0: f64, x1: f64) -> f64 {
        let f = (t as f64 - self.start as f64) / self.span() as f64;
        x0 + f.clamp(-0.01, 1.01) * (x1 - x0)
    }

    /// The instant at x.
    pub fn t(&self, x: f64, x0: f64, x1: f64) -> Millis {
        let f = ((x - x0) / (x1 - x0)).clamp(0.0, 1.0);
        self.start + (f * self.span() as f64) as Millis
    }

    pub fn contains(&self, t: Millis) -> bool {
        t >= self.start && t <= self.end
    }
}

/// Axis ticks: round steps (1s … 1h) giving about `target` ticks in the window.
pub fn ticks(w: &Window, target: usize) -> Vec<Millis> {
    const STEPS: [Millis; 12] = [
        SECOND,
        2 * SECOND,
        5 * SECOND,
        10 * SECOND,
        15 * SECOND,
        30 * SECOND,
        MINUTE,
        2 * MINUTE,
        5 * MINUTE,
        10 * MINUTE,
        30 * MINUTE,
        60 * MINUTE,
    ];
    let ideal = w.span() / target.max(1) as u64;
    let step = STEPS
        .iter()
        .copied()
        .find(|&s| s >= ideal)
        .unwrap_or(60 * MINUTE);
    let first = w.start.div_ceil(step) * step;
    (0..)
        .map(|k| first + k * step)
        .take_while(|&t| t <= w.end)
        .collect()
}

fn severity(r: ProbeResult) -> u8 {
    match r {
        ProbeResult::Success => 0,
        ProbeResult::Unknown => 1,
        ProbeResult::Failure => 2,
    }
}

/// At most one tick per `buckets` slice of the window, keeping the worst result of each
/// slice, so thousands of probe runs draw as a readable row.
pub fn thin<'a>(ticks: &'a [ProbeTick], w: &Window, buckets: usize) -> Vec<&'a ProbeTick> {
    let buckets = buckets.max(1) as u64;
    let mut out: Vec<(u64, &ProbeTick)> = Vec::new();
    for p in ticks.iter().filter(|p| w.contains(p.t)) {
        let b = (p.t - w.start) * buckets / w.span().max(1);
        match out.last_mut() {
            Some((lb, kept)) if *lb == b => {
                if severity(p.result) > severity(kept.result) {
                    *kept = p;
                }
            }
            _ => out.push((b, p)),
        }
    }
    out.into_iter().map(|(_, p)| p).collect()
}

/// The label that fits a bar `width` pixels wide (9 px text, about 6.2 px a character with
/// its margin): the whole label, else its start and "…" if four characters or more fit.
pub fn fit_label(label: &str, width: f64) -> Option<String> {
    let fits = ((width - 6.0) / 6.2).floor();
    let n = label.chars().count();
    if fits >= n as f64 {
        Some(label.to_string())
    } else if fits >= 4.0 {
        Some(label.chars().take(fits as usize - 1).chain(['…']).collect())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use podsim::kubelet::prober::ProbeKind;

    #[test]
    fn zoom_and_pan_stay_inside() {
        let w = Window::all(600_000);
        let z = w.zoom(0.5, 300_000, 600_000);
        assert_eq!(z.span(), 300_000);
        assert!(z.contains(300_000));
        let p = z.pan(1.0, 600_000);
        assert_eq!(p.end, 600_000);
        let p = z.pan(-5.0, 600_000);
        assert_eq!(p.start, 0);
        assert_eq!(w.zoom(0.0001, 0, 600_000).span(), 5_000);
        assert_eq!(w.zoom(10.0, 0, 600_000), w);
    }

    #[test]
    fn x_and_t_are_inverse() {
        let w = Window {
            start: 10_000,
            end: 20_000,
        };
        assert_eq!(w.x(15_000, 0.0, 100.0), 50.0);
        assert_eq!(w.t(50.0, 0.0, 100.0), 15_000);
    }

    #[test]
    fn labels_are_cut_to_fit() {
        assert_eq!(
            fit_label("CrashLoopBackOff", 200.0).as_deref(),
            Some("CrashLoopBackOff")
        );
        assert_eq!(
            fit_label("CrashLoopBackOff", 6.0 + 6.2 * 16.0).as_deref(),
            Some("CrashLoopBackOff")
        );
        assert_eq!(
            fit_label("CrashLoopBackOff", 6.0 + 6.2 * 6.0).as_deref(),
            Some("Crash…")
        );
        assert_eq!(fit_label("CrashLoopBackOff", 6.0 + 6.2 * 3.5), None);
        assert_eq!(fit_label("True", 31.0).as_deref(), Some("True"));
        assert_eq!(fit_label("True", 30.0), None);
        assert_eq!(fit_label("", 1.0).as_deref(), None);
    }

    #[test]
    fn ticks_are_round() {
        let t = ticks(&Window::all(600_000), 8);
        assert_eq!(t, vec![0, 120_000, 240_000, 360_000, 480_000, 600_000]);
    }

    #[test]
    fn thinning_keeps_failures() {
        let mk = |t, result| ProbeTick {
            t,
            probe: ProbeKind::Liveness,
            result,
            output: String::new(),
        };
        let ticks = vec![
            mk(0, ProbeResult::Success),
            mk(1000, ProbeResult::Failure),
            mk(2000, ProbeResult::Success),
            mk(9000, ProbeResult::Success),
        ];
        let w = Window {
            start: 0,
            end: 10_000,
        };
        let kept = thin(&ticks, &w, 2);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].result, ProbeResult::Failure);
    }
}
