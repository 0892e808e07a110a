//! What the engine made of one version of a document: its problems, the lesson's goals and
//! the run to show — this text's own run when it is valid, else the last valid run of the
//! same document, kept on screen and marked out of date while the learner types.

use std::rc::Rc;

use podsim::api::{Diagnostic, Loaded, Severity};
use podsim::lessons::{GoalReport, Lesson};
use podsim::session;
use podsim::sim::scenario::ScenarioEvent;
use podsim::sim::{Scenario, Timeline};
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

impl PartialEq for Run {
    fn eq(&self, other: &Self) -> bool {
        // A run is made once per valid text and shared: the same run is the same value.
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
    /// Analyse `text` (the document `key`, in `lesson` if any, with its `faults`). `previous`
    /// is what was shown before: when this text is invalid and `previous` was for the same
    /// document, its run stays on screen, marked out of date.
    pub fn new(
        key: &str,
        text: &str,
        lesson: Option<&Lesson>,
        faults: &[ScenarioEvent],
        previous: Option<&Computed>,
        opened: &[podsim::why::ChangeRef],
    ) -> Self {
        let started = now_ms();
        let (analysis, goals, until) = match lesson {
            Some(l) => {
                let (a, g) = session::evaluate(l, text, faults);
                // `explained` goals look at the explanations opened in this run.
                let g = if opened.is_empty() {
                    g
                } else {
                    session::goals_opened(l, &a, opened)
                };
                (a, g, l.until)
            }
            None => {
                let scenario = Scenario {
                    events: faults.to_vec(),
                    ..Default::default()
                };
                (
                    session::analyze(text, &scenario, SANDBOX_UNTIL),
                    Vec::new(),
                    SANDBOX_UNTIL,
                )
            }
        };
        let summary = analysis.loaded.manifest.as_ref().map(summarize);
        let (run, stale) = match analysis.timeline {
            Some(timeline) => {
                let lanes = Rc::new(lanes(&timeline));
                let run = Run {
                    moments: timeline.moments(),
                    lanes,
                    summary: summary.clone(),
                    timeline,
                };
                (Some(Rc::new(run)), false)
            }
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
