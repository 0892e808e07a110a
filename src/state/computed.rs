//! What the engine made of one version of a document: its problems, the lesson's goals and
//! the run to show — this text's own run when it is valid, else the last valid run of the
//! same document, kept on screen and marked out of date while the learner types.

use std::rc::Rc;

use podsim::api::{Diagnostic, Loaded, Severity};
use podsim::cluster::ClusterSpec;
use podsim::lessons::{GoalReport, Lesson};
use podsim::session;
use podsim::sim::scenario::ScenarioEvent;
use podsim::sim::{Difference, Scenario, Timeline};
use podsim::time::{Millis, MINUTE};
use podsim::views::lanes::{lanes, Lanes};
use podsim::views::summary::{summarize, PodSummary};

/// How long a sandbox document is simulated.
pub const SANDBOX_UNTIL: Millis = 10 * MINUTE;

/// A simulated run, as the result region shows it.
#[derive(Debug)]
pub struct Run {
    pub timeline: Timeline,
    pub lanes: Rc<Lanes>,
    /// Instants where something happened, for previous/next navigation.
    pub moments: Vec<Millis>,
    pub summary: Option<PodSummary>,
}

impl Run {
    /// A run to show, from its timeline.
    pub fn of(timeline: Timeline, summary: Option<PodSummary>) -> Self {
        Run {
            moments: timeline.moments(),
            lanes: Rc::new(lanes(&timeline)),
            summary,
            timeline,
        }
    }
}

impl PartialEq for Run {
    fn eq(&self, other: &Self) -> bool {
        // A run is made once per valid text and shared: the same run is the same value.
        std::ptr::eq(self, other)
    }
}

/// The same text on a second cluster, for the compare view (`session::compare`).
#[derive(Debug)]
pub struct Compared {
    /// The second cluster.
    pub other: ClusterSpec,
    /// Its run, when the text is valid there and the cluster starts.
    pub run: Option<Rc<Run>>,
    /// Why it did not run (a refused cluster, in the kubelet's words).
    pub sim_error: Option<String>,
    /// The second apiserver's answer to the text.
    pub diagnostics: Vec<Diagnostic>,
    /// The first instant the two runs differ (None: the same all along, or one did not run).
    pub first: Option<Difference>,
    /// The two apiservers answer the text differently.
    pub validation_differs: bool,
}

impl PartialEq for Compared {
    fn eq(&self, other: &Self) -> bool {
        // Made once per analysis: the same comparison is the same value.
        std::ptr::eq(self, other)
    }
}

#[derive(Debug)]
pub struct Computed {
    /// The document's key.
    pub key: String,
    pub text: String,
    /// How long the run lasts (the lesson's span, or the sandbox's).
    pub until: Millis,
    /// The parse and validation of this text.
    pub loaded: Loaded,
    /// What was read of the Pod (even from an invalid manifest, when it decodes).
    pub summary: Option<PodSummary>,
    /// The run shown: this text's, or — while this text is invalid — the last valid one.
    pub run: Option<Rc<Run>>,
    /// The run shown belongs to an earlier text.
    pub stale: bool,
    /// Why this valid text was not simulated (e.g. too big).
    pub sim_error: Option<String>,
    pub goals: Rc<Vec<GoalReport>>,
    /// How long parse → validate → simulate → goals took, in milliseconds.
    pub took_ms: f64,
    /// The cluster this text ran on.
    pub cluster: ClusterSpec,
    /// The same text on the cluster the learner compares with.
    pub compared: Option<Rc<Compared>>,
}

impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        // A new analysis is always a new value.
        std::ptr::eq(self, other)
    }
}

/// A monotonic clock in milliseconds: the page's `performance.now()` in the browser.
pub(crate) fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
            .unwrap_or(0.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        use std::time::Instant;
        static START: OnceLock<Instant> = OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}

impl Computed {
    /// Analyse `text` (the document `key`, in `lesson` if any, with its `faults`) on
    /// `cluster`, and on `compare_with` too when the learner compares. `previous` is what was
    /// shown before: when this text is invalid and `previous` was for the same document, its
    /// run stays on screen, marked out of date. `opened`: the "why?" explanations opened in
    /// this run (for `explained` goals).
    pub fn new(
        key: &str,
        text: &str,
        lesson: Option<&Lesson>,
        faults: &[ScenarioEvent],
        (cluster, compare_with): (&ClusterSpec, Option<&ClusterSpec>),
        previous: Option<&Computed>,
        opened: &[podsim::why::ChangeRef],
    ) -> Self {
        let started = now_ms();
        let (mut scenario, until) = match lesson {
            Some(l) => (l.scenario.clone(), l.until),
            None => (Scenario::default(), SANDBOX_UNTIL),
        };
        scenario.cluster = cluster.clone();
        scenario.events.extend(faults.iter().cloned());
        let (analysis, compared) = match compare_with {
            Some(other) => {
                let c = session::compare(text, &scenario, cluster, other, until);
                let validation_differs = c.validation_differs();
                let right = c.right;
                let compared = Compared {
                    other: other.clone(),
                    run: right.timeline.map(|tl| Rc::new(Run::of(tl, None))),
                    sim_error: right.sim_error,
                    diagnostics: right.loaded.diagnostics,
                    first: c.first,
                    validation_differs,
                };
                (c.left, Some(Rc::new(compared)))
            }
            None => (session::analyze(text, &scenario, until), None),
        };
        // `explained` goals look at the explanations opened in this run.
        let goals = lesson.map_or_else(Vec::new, |l| {
            if opened.is_empty() {
                session::goals(l, &analysis)
            } else {
                session::goals_opened(l, &analysis, opened)
            }
        });
        let summary = analysis.loaded.manifest.as_ref().map(summarize);
        let (run, stale) = match analysis.timeline {
            Some(timeline) => (Some(Rc::new(Run::of(timeline, summary.clone()))), false),
            None => match previous.filter(|p| p.key == key && p.until == until) {
                Some(p) => (p.run.clone(), p.run.is_some()),
                None => (None, false),
            },
        };
        Computed {
            key: key.to_string(),
            text: text.to_string(),
            until,
            loaded: analysis.loaded,
            summary,
            run,
            stale,
            sim_error: analysis.sim_error,
            goals: Rc::new(goals),
            took_ms: now_ms() - started,
            cluster: cluster.clone(),
            compared,
        }
    }

    /// Nothing analysed (the lesson list has no document).
    pub fn empty() -> Self {
        Computed {
            key: String::new(),
            text: String::new(),
            until: 0,
            loaded: Loaded::default(),
            summary: None,
            run: None,
            stale: false,
            sim_error: None,
            goals: Rc::new(Vec::new()),
            took_ms: 0.0,
            cluster: ClusterSpec::default(),
            compared: None,
        }
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.loaded.diagnostics
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics()
            .iter()
            .filter(|d| matches!(d.severity, Severity::Error))
            .count()
    }

    pub fn is_valid(&self) -> bool {
        self.loaded.defaulted.is_some()
    }

    pub fn all_goals_met(&self) -> bool {
        !self.goals.is_empty() && self.goals.iter().all(|g| g.met)
    }

    /// This text's own run (not an earlier one kept on screen).
    pub fn fresh_run(&self) -> Option<&Rc<Run>> {
        self.run.as_ref().filter(|_| !self.stale)
    }
}
