//! The app's shared state and its one reducer: the page, the learner's documents and
//! settings (persisted), what the engine made of the current document (diagnostics, the
//! simulated timeline, lesson goals), and playback. Every view reads from here.

use std::rc::Rc;

use podsim::api::{Diagnostic, Severity};
use podsim::lessons::{GoalReport, Lesson};
use podsim::session::{self, Analysis};
use podsim::sim::scenario::{Action as Fault, ScenarioEvent};
use podsim::sim::Scenario;
use podsim::time::{Millis, MINUTE};
use podsim::views::lanes::{lanes, Lanes};
use podsim::views::summary::{summarize, PodSummary};
use yew::Reducible;

use crate::bridge::editor::EditorDiagnostic;
use crate::catalog;
use crate::i18n::Lang;
use crate::share::Shared;
use crate::storage::{Doc, Saved, Theme};
use crate::SEED_MANIFEST;

/// Where the learner is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Lesson(String),
    Sandbox,
}

impl Page {
    /// The key of the document this page edits.
    pub fn doc_key(&self) -> String {
        match self {
            Page::Lesson(id) => format!("lesson:{id}"),
            _ => "sandbox".into(),
        }
    }

    pub fn route(&self) -> String {
        match self {
            Page::Home => "#/lessons".into(),
            Page::Lesson(id) => format!("#/lesson/{id}"),
            Page::Sandbox => "#/sandbox".into(),
        }
    }

    /// Parse a location hash: `#/lesson/ID`, `#/sandbox`, `#/lessons`; anything else opens
    /// the first lesson (or the sandbox when there is none).
    pub fn from_route(hash: &str) -> Page {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        if let Some(id) = h.strip_prefix("lesson/") {
            if catalog::entry(id).is_some() {
                return Page::Lesson(id.to_string());
            }
        }
        if h == "lessons" {
            return Page::Home;
        }
        if h == "sandbox" || h.starts_with("share/") {
            return Page::Sandbox;
        }
        Page::start()
    }

    /// Where a first visit starts: the first lesson.
    pub fn start() -> Page {
        match catalog::lessons().first() {
            Some(l) => Page::Lesson(l.id.to_string()),
            None => Page::Sandbox,
        }
    }
}

/// Playback speeds (virtual seconds per real second); `MAX_SPEED` plays a lesson's whole
/// span in about five seconds.
pub const SPEEDS: [u32; 4] = [1, 10, 60, MAX_SPEED];
pub const MAX_SPEED: u32 = 9999;

/// What the engine made of one version of a document.
#[derive(Debug, Clone)]
pub struct Computed {
    pub key: String,
    pub text: String,
    pub until: Millis,
    pub analysis: Analysis,
    pub summary: Option<PodSummary>,
    pub goals: Vec<GoalReport>,
    pub lanes: Option<Rc<Lanes>>,
    /// Instants where something happened, for previous/next navigation.
    pub moments: Vec<Millis>,
    /// How long parse → validate → simulate → goals took, in milliseconds.
    pub took_ms: f64,
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

impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        // A new analysis is always a new value; identity is the text and its setting.
        std::ptr::eq(self, other)
    }
}

impl Computed {
    pub fn new(key: &str, text: &str, lesson: Option<&Lesson>, faults: &[ScenarioEvent]) -> Self {
        let started = now_ms();
        let (analysis, goals, until) = match lesson {
            Some(l) => {
                let (a, g) = session::evaluate(l, text, faults);
                (a, g, l.until)
            }
            None => {
                let scenario = Scenario {
                    events: faults.to_vec(),
                    ..Default::default()
                };
                let until = 10 * MINUTE;
                (session::analyze(text, &scenario, until), Vec::new(), until)
            }
        };
        let lanes = analysis.timeline.as_ref().map(|tl| Rc::new(lanes(tl)));
        let moments = analysis
            .timeline
            .as_ref()
            .map(|tl| tl.moments())
            .unwrap_or_default();
        Computed {
            key: key.to_string(),
            text: text.to_string(),
            until,
            summary: analysis.loaded.manifest.as_ref().map(summarize),
            goals,
            lanes,
            moments,
            analysis,
            took_ms: now_ms() - started,
        }
    }

    /// Nothing analysed yet (the state's first value, replaced before anything renders).
    fn placeholder() -> Self {
        Computed {
            key: String::new(),
            text: String::new(),
            until: 0,
            analysis: Analysis {
                loaded: Default::default(),
                timeline: None,
                sim_error: None,
            },
            summary: None,
            goals: Vec::new(),
            lanes: None,
            moments: Vec::new(),
            took_ms: 0.0,
        }
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.analysis.loaded.diagnostics
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics()
            .iter()
            .filter(|d| matches!(d.severity, Severity::Error))
            .count()
    }

    pub fn all_goals_met(&self) -> bool {
        !self.goals.is_empty() && self.goals.iter().all(|g| g.met)
    }

    /// The diagnostics in the editor's terms (UTF-16 offsets), hints in `lang`.
    pub fn editor_diagnostics(&self, lang: Lang) -> Vec<EditorDiagnostic> {
        self.diagnostics()
            .iter()
            .map(|d| EditorDiagnostic {
                from: d.span.from_utf16,
                to: d.span.to_utf16,
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                message: match &d.hint {
                    Some(h) => format!("{} ({})", d.message_in(lang.code()), h.get(lang.code())),
                    None => d.message_in(lang.code()).to_string(),
                },
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub saved: Saved,
    pub lang: Lang,
    pub page: Page,
    pub computed: Rc<Computed>,
    pub playing: bool,
    /// A one-off message for the learner (an i18n key).
    pub notice: Option<&'static str>,
    /// Bumped whenever the editor must take its text from the state (navigation, reset,
    /// solution, share link), as opposed to the learner typing.
    pub revision: u64,
}

pub enum Action {
    Edit(String),
    Navigate(Page),
    SetLang(Lang),
    SetTheme(Theme),
    Seek(Millis),
    Play,
    Pause,
    /// Real milliseconds passed while playing.
    Tick(u32),
    SetSpeed(u32),
    /// Jump to the previous (false) or next (true) moment where something happened.
    StepEvent(bool),
    SetTab(String),
    ToggleDefaulted,
    AddFault(Fault),
    ClearFaults,
    RevealHint,
    ResetDoc,
    ShowSolution,
    LoadShare(Shared),
    Notice(&'static str),
    DismissNotice,
}

impl AppState {
    /// The state at start-up from what was saved and the location hash.
    pub fn new(saved: Saved, hash: &str, browser_lang: Lang, storage_reset: bool) -> Self {
        // No route: back where the learner was last time.
        let hash = match (
            hash.trim_start_matches('#').trim_start_matches('/'),
            &saved.last_page,
        ) {
            ("", Some(last)) => last.clone(),
            _ => hash.to_string(),
        };
        let page = Page::from_route(&hash);
        let lang = saved.lang.unwrap_or(browser_lang);
        let mut s = AppState {
            saved,
            lang,
            page: page.clone(),
            computed: Rc::new(Computed::placeholder()),
            playing: false,
            notice: storage_reset.then_some("storage.reset"),
            revision: 0,
        };
        s.computed = Rc::new(s.compute());
        s
    }

    pub fn lesson(&self) -> Option<Rc<Lesson>> {
        match &self.page {
            Page::Lesson(id) => catalog::find(id),
            _ => None,
        }
    }

    /// The document the current page edits (created from the lesson's start if new).
    pub fn doc(&self) -> Doc {
        let key = self.page.doc_key();
        match self.saved.docs.get(&key) {
            Some(d) => d.clone(),
            None => Doc {
                text: self
                    .lesson()
                    .map(|l| l.manifest.clone())
                    .unwrap_or_else(|| SEED_MANIFEST.to_string()),
                ..Default::default()
            },
        }
    }

    fn doc_mut(&mut self) -> &mut Doc {
        let key = self.page.doc_key();
        let doc = self.doc();
        self.saved.docs.entry(key).or_insert(doc)
    }

    /// The playback position (the end of the run until the learner moves it).
    pub fn cursor(&self) -> Millis {
        self.doc()
            .cursor
            .unwrap_or(self.computed.until)
            .min(self.computed.until)
    }

    pub fn speed(&self) -> u32 {
        if SPEEDS.contains(&self.saved.speed) {
            self.saved.speed
        } else {
            10
        }
    }

    pub fn tab(&self) -> &str {
        match self.saved.tab.as_str() {
            "get" | "describe" | "events" | "logs" | "status" => &self.saved.tab,
            _ => "get",
        }
    }

    fn compute(&self) -> Computed {
        let doc = self.doc();
        Computed::new(
            &self.page.doc_key(),
            &doc.text,
            self.lesson().as_deref(),
            &doc.faults,
        )
    }

    fn recompute(&mut self) {
        self.computed = Rc::new(self.compute());
        if let Page::Lesson(id) = &self.page {
            if self.computed.all_goals_met() {
                self.saved.done.insert(id.clone());
            }
        }
    }

    fn set_cursor(&mut self, t: Millis) {
        let until = self.computed.until;
        self.doc_mut().cursor = Some(t.min(until));
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(text) => {
                if text == s.doc().text {
                    return self;
                }
                s.doc_mut().text = text;
                s.recompute();
            }
            Action::Navigate(page) => {
                if page == s.page {
                    return self;
                }
                s.page = page;
                s.playing = false;
                s.revision += 1;
                s.saved.last_page = Some(s.page.route());
                s.recompute();
            }
            Action::SetLang(lang) => {
                s.lang = lang;
                s.saved.lang = Some(lang);
            }
            Action::SetTheme(theme) => s.saved.theme = theme,
            Action::Seek(t) => {
                s.set_cursor(t);
                s.playing = false;
            }
            Action::Play => {
                if s.cursor() >= s.computed.until {
                    s.set_cursor(0);
                }
                s.playing = true;
            }
            Action::Pause => s.playing = false,
            Action::Tick(real_ms) => {
                if !s.playing {
                    return self;
                }
                let step = match s.speed() {
                    MAX_SPEED => (s.computed.until / 100).max(1000) * real_ms as u64 / 50,
                    speed => real_ms as u64 * speed as u64,
                };
                let t = s.cursor().saturating_add(step);
                s.set_cursor(t);
                if t >= s.computed.until {
                    s.playing = false;
                }
            }
            Action::SetSpeed(speed) => s.saved.speed = speed,
            Action::StepEvent(next) => {
                let now = s.cursor();
                let target = if next {
                    s.computed.moments.iter().copied().find(|&m| m > now)
                } else {
                    s.computed.moments.iter().rev().copied().find(|&m| m < now)
                };
                if let Some(t) = target {
                    s.set_cursor(t);
                }
                s.playing = false;
            }
            Action::SetTab(tab) => s.saved.tab = tab,
            Action::ToggleDefaulted => s.saved.show_defaulted = !s.saved.show_defaulted,
            Action::AddFault(fault) => {
                let at = s.cursor();
                s.doc_mut().faults.push(ScenarioEvent { at, action: fault });
                s.recompute();
            }
            Action::ClearFaults => {
                s.doc_mut().faults.clear();
                s.recompute();
            }
            Action::RevealHint => {
                let n = s.lesson().map(|l| l.hints.len()).unwrap_or(0);
                let d = s.doc_mut();
                d.hints = (d.hints + 1).min(n);
            }
            Action::ResetDoc => {
                let fresh = s
                    .lesson()
                    .map(|l| l.manifest.clone())
                    .unwrap_or_else(|| SEED_MANIFEST.to_string());
                let d = s.doc_mut();
                d.text = fresh;
                d.faults.clear();
                d.cursor = None;
                s.revision += 1;
                s.recompute();
            }
            Action::ShowSolution => {
                if let Some(l) = s.lesson() {
                    s.doc_mut().text = l.solution.clone();
                    s.revision += 1;
                    s.recompute();
                }
            }
            Action::LoadShare(shared) => {
                s.page = Page::Sandbox;
                let d = s.doc_mut();
                d.text = shared.manifest;
                d.faults = shared.events;
                d.cursor = None;
                s.revision += 1;
                s.recompute();
            }
            Action::Notice(key) => s.notice = Some(key),
            Action::DismissNotice => s.notice = None,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(
            Saved::default(),
            "#/sandbox",
            Lang::En,
            false,
        ))
    }

    #[test]
    fn seed_manifest_is_summarised() {
        let s = state();
        let summary = s.computed.summary.as_ref().expect("summary");
        assert_eq!(summary.name, "kubenetes-simple-pod");
        assert_eq!(s.computed.error_count(), 0);
        assert!(s.computed.analysis.timeline.is_some());
    }

    #[test]
    fn edits_recompute_and_keep_the_cursor() {
        let s = state().reduce(Action::Seek(30_000));
        let s = s.reduce(Action::Edit(
            SEED_MANIFEST.replace("kubenetes-simple-pod\n      image", "Bad_Name\n      image"),
        ));
        assert_eq!(s.cursor(), 30_000);
        assert!(s.computed.error_count() > 0);
        assert!(s.computed.analysis.timeline.is_none());
    }

    #[test]
    fn playback_advances_by_speed_and_stops_at_the_end() {
        let s = state().reduce(Action::SetSpeed(60)).reduce(Action::Play);
        let s = s.reduce(Action::Tick(1000));
        assert_eq!(s.cursor(), 60_000);
        let mut s = s;
        for _ in 0..20 {
            s = s.reduce(Action::Tick(1000));
        }
        assert_eq!(s.cursor(), s.computed.until);
        assert!(!s.playing);
    }

    #[test]
    fn faults_land_at_the_cursor() {
        let s = state()
            .reduce(Action::Seek(60_000))
            .reduce(Action::AddFault(Fault::DeletePod {
                grace_period_seconds: None,
            }));
        assert_eq!(s.doc().faults.len(), 1);
        assert_eq!(s.doc().faults[0].at, 60_000);
        let tl = s.computed.analysis.timeline.as_ref().unwrap();
        assert_eq!(tl.deletion.map(|d| d.requested_at), Some(60_000));
    }

    #[test]
    fn routes() {
        assert_eq!(Page::from_route("#/sandbox"), Page::Sandbox);
        assert_eq!(Page::from_route("#/lessons"), Page::Home);
        assert_eq!(Page::from_route("#/nope"), Page::start());
        assert_eq!(Page::from_route(""), Page::start());
        assert_eq!(Page::from_route("#/lesson/does-not-exist"), Page::start());
    }
}
