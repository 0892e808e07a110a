//! Pure geometry for the visual timeline: the time window (the first view on the span where
//! things happen, zoom and pan), time ↔ x mapping, axis ticks at round durations, and thinning
//! of probe ticks so a long run stays light.

use podsim::kubelet::prober::ProbeResult;
use podsim::time::{Millis, MINUTE, SECOND};
use podsim::views::lanes::{Lanes, ProbeTick};

/// The shortest first view.
const MIN_FIRST_VIEW: Millis = 30 * SECOND;
/// Round steps for the end of a first view.
const VIEW_STEPS: [Millis; 8] = [
    10 * SECOND,
    15 * SECOND,
    30 * SECOND,
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    30 * MINUTE,
];

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

    /// The first view of a run: from the start to where things have happened — the last
    /// change of a state, condition or phase, or the first time each event is recorded —
    /// stopping at the third restart when a container keeps restarting (the back-off's
    /// growth is then in view), with room after it. The whole run when that is most of it.
    pub fn first_view(lanes: &Lanes, until: Millis) -> Self {
        let all = Window::all(until);
        let starts = |segs: &[podsim::views::lanes::Segment]| {
            segs.iter().map(|s| s.start).collect::<Vec<_>>()
        };
        let mut changes: Vec<Millis> = lanes
            .containers
            .iter()
            .flat_map(|c| starts(&c.segments))
            .chain(lanes.conditions.iter().flat_map(|c| starts(&c.segments)))
            .chain(starts(&lanes.phase))
            .chain(lanes.events.iter().filter(|e| e.count <= 1).map(|e| e.t))
            .chain(lanes.deleted_at)
            .chain(lanes.gone_at)
            .collect();
        changes.sort_unstable();
        let mut restarts: Vec<Millis> = lanes
            .containers
            .iter()
            .flat_map(|c| c.starts.iter().skip(1).map(|(t, _)| *t))
            .collect();
        restarts.sort_unstable();
        let last = match restarts.get(2) {
            Some(third) => *third,
            None => changes.last().copied().unwrap_or(0),
        };
        let wanted = (last + (last / 4).max(10 * SECOND)).max(MIN_FIRST_VIEW);
        let end = VIEW_STEPS
            .iter()
            .map(|step| wanted.div_ceil(*step) * step)
            .find(|end| end - wanted <= wanted / 3)
            .unwrap_or(wanted);
        if end >= until.saturating_mul(3) / 4 {
            all
        } else {
            Window { start: 0, end }
        }
    }

    /// Zoom by `factor` around the instant at `center` when it is in view (it stays where it
    /// is on screen), else around the middle of the view.
    pub fn zoom_at(&self, factor: f64, center: Millis, until: Millis) -> Self {
        let center = if self.contains(center) {
            center
        } else {
            self.start + self.span() / 2
        };
        self.zoom(factor, center, until)
    }

    /// The view moved to show `t` (a playhead that left it): `t` a quarter from the edge it
    /// crossed, the span kept. Unchanged when `t` is in view.
    pub fn follow(&self, t: Millis, until: Millis) -> Self {
        if self.contains(t) {
            return *self;
        }
        let span = self.span();
        let start = if t > self.end {
            t.saturating_sub(span * 3 / 4)
        } else {
            t.saturating_sub(span / 4)
        };
        Window {
            start,
            end: start + span,
        }
        .clamp_to(until)
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

/// The width of a character of the timeline's 11 px labels, with room to spare.
pub const LABEL_CHAR: f64 = 7.0;

/// The label that fits a bar `width` pixels wide (11 px text, [`LABEL_CHAR`] a character,
/// 6 px of margin): the whole label, else its start and "…" if four characters or more fit.
pub fn fit_label(label: &str, width: f64) -> Option<String> {
    let fits = ((width - 6.0) / LABEL_CHAR).floor();
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

    fn lanes_with(segments: &[(Millis, Millis)], restarts: &[Millis], until: Millis) -> Lanes {
        use podsim::text::Text;
        use podsim::views::lanes::{ContainerLane, Segment, SegmentKind};
        Lanes {
            until,
            containers: vec![ContainerLane {
                name: "app".into(),
                role: "app".into(),
                segments: segments
                    .iter()
                    .map(|&(start, end)| Segment {
                        start,
                        end,
                        kind: SegmentKind::Running,
                        label: "Running".into(),
                        detail: Text::default(),
                    })
                    .collect(),
                starts: std::iter::once(0)
                    .chain(restarts.iter().copied())
                    .enumerate()
                    .map(|(i, t)| (t, i as u32))
                    .collect(),
                probes: Vec::new(),
            }],
            conditions: Vec::new(),
            phase: Vec::new(),
            events: Vec::new(),
            deleted_at: None,
            gone_at: None,
            final_phase: None,
        }
    }

    #[test]
    fn the_first_view_frames_where_things_happen() {
        // Started at 3 s, nothing after: the start-up, not two quiet minutes.
        let quiet = lanes_with(&[(0, 3_000), (3_000, 120_000)], &[], 120_000);
        assert_eq!(
            Window::first_view(&quiet, 120_000),
            Window {
                start: 0,
                end: 30_000
            }
        );
        // A crash loop over ten minutes: up to the third restart and a little after.
        let restarts = [11_000, 32_000, 73_000, 155_000, 320_000];
        let segs: Vec<_> = std::iter::once(0)
            .chain(restarts)
            .zip(restarts.iter().copied().chain([600_000]))
            .collect();
        let crash = lanes_with(&segs, &restarts, 600_000);
        let w = Window::first_view(&crash, 600_000);
        assert_eq!(w.start, 0);
        assert!(w.contains(73_000) && w.end <= 120_000, "{w:?}");
        // Changes until late in the run: the whole run.
        let busy = lanes_with(&[(0, 80_000), (80_000, 120_000)], &[], 120_000);
        assert_eq!(Window::first_view(&busy, 120_000), Window::all(120_000));
    }

    #[test]
    fn zoom_keeps_the_playhead_in_place_or_zooms_on_the_middle() {
        let w = Window {
            start: 0,
            end: 100_000,
        };
        let z = w.zoom_at(0.5, 80_000, 600_000);
        assert_eq!(z.span(), 50_000);
        assert_eq!(
            z.x(80_000, 0.0, 100.0),
            w.x(80_000, 0.0, 100.0),
            "stays put"
        );
        // Out of view: around the middle.
        let z = w.zoom_at(0.5, 500_000, 600_000);
        assert_eq!(
            z,
            Window {
                start: 25_000,
                end: 75_000
            }
        );
    }

    #[test]
    fn the_view_follows_a_playhead_that_leaves_it() {
        let w = Window {
            start: 0,
            end: 30_000,
        };
        assert_eq!(w.follow(10_000, 120_000), w);
        let later = w.follow(70_000, 120_000);
        assert_eq!(
            later,
            Window {
                start: 47_500,
                end: 77_500
            }
        );
        assert_eq!(
            w.follow(120_000, 120_000),
            Window {
                start: 90_000,
                end: 120_000
            }
        );
        assert_eq!(
            later.follow(5_000, 120_000),
            Window {
                start: 0,
                end: 30_000
            }
        );
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
            fit_label("CrashLoopBackOff", 6.0 + LABEL_CHAR * 16.0).as_deref(),
            Some("CrashLoopBackOff")
        );
        assert_eq!(
            fit_label("CrashLoopBackOff", 6.0 + LABEL_CHAR * 6.0).as_deref(),
            Some("Crash…")
        );
        assert_eq!(fit_label("CrashLoopBackOff", 6.0 + LABEL_CHAR * 3.5), None);
        assert_eq!(fit_label("True", 34.0).as_deref(), Some("True"));
        assert_eq!(fit_label("True", 33.0), None);
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
