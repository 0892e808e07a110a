//! The app's shared state and its one reducer: the page, the learner's documents, settings and
//! progress (persisted, see `storage`), what the engine made of the current document
//! ([`computed`]), playback, and the one-off notices. Components get narrow props cut from it
//! and a [`Dispatch`] to send [`Action`]s back.
//!
//! - [`route`]: pages, which copy of a document is open, and their URL fragments.
//! - [`computed`]: the analysis of the current text and the run on screen.
//! - [`predictions`]: the prediction open on a lesson page (predict, then run).
//! - [`cluster`]: the cluster a document runs on (version, gates, kubelet settings).
//! - [`progress`]: saved progress imported from a file, merged in.
//! - [`why`]: the Why panel's change and the step hovered or focused.

pub mod cluster;
pub mod computed;
pub mod predictions;
pub mod progress;
pub mod route;
pub mod why;

use std::borrow::Cow;
use std::rc::Rc;

use podsim::cluster::kubelet_config::GoDuration;
use podsim::cluster::{ClusterSpec, KubeVersion};
use podsim::lessons::Lesson;
use podsim::sim::scenario::{Action as Fault, ScenarioEvent};
use podsim::time::Millis;
use yew::{Reducible, UseReducerDispatcher, UseReducerHandle};

use crate::catalog;
use crate::i18n::Lang;
use crate::share::Link;
use crate::storage::{Doc, Saved, Theme};
use crate::SEED_MANIFEST;
pub use computed::{Computed, Run};
use podsim::lessons::predictions::Ask;
pub use predictions::PredictAction;
pub use route::{Origin, Page, Route};
pub use why::Why;

/// The shared state and its dispatcher, as the root component holds it.
pub type Store = UseReducerHandle<AppState>;
/// What components get to send actions (compares equal across renders).
pub type Dispatch = UseReducerDispatcher<AppState>;

/// Playback speeds (virtual seconds per real second); `MAX_SPEED` plays a lesson's whole
/// span in about five seconds.
pub const SPEEDS: [u32; 4] = [1, 10, 60, MAX_SPEED];
pub const MAX_SPEED: u32 = 9999;

/// The kubectl views, by the id kept in the settings.
pub const TABS: [&str; 5] = ["get", "describe", "events", "logs", "status"];

/// On a phone, the one region on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Lesson,
    Editor,
    Run,
}

/// A message for the learner above the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A sentence (an i18n key).
    Say(&'static str),
    /// The document's text was replaced (reset, solution, a newer link): it can be undone.
    Replaced,
    /// A share link was opened in its own copy; the learner's own text is kept.
    SharedOpened,
    /// A share link would replace a shared copy the learner has edited: open it or keep it?
    LinkWaiting,
    /// A progress file was imported: what it did.
    Imported(progress::Imported),
}

/// A document as it was before the app replaced its text, to bring it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Replaced {
    pub key: String,
    pub doc: Doc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub saved: Saved,
    pub lang: Lang,
    pub page: Page,
    pub computed: Rc<Computed>,
    pub playing: bool,
    pub notice: Option<Notice>,
    /// Bumped whenever the editor must take its text from the state (navigation, reset,
    /// solution, share link, undo), as opposed to the learner typing.
    pub revision: u64,
    /// The region shown on a phone.
    pub pane: Pane,
    /// A share link waiting for the learner's answer (see [`Notice::LinkWaiting`]).
    pub waiting: Option<Rc<Link>>,
    /// What the last replacement of a document's text replaced.
    pub undo: Option<Rc<Replaced>>,
    /// The prediction open on the lesson page, if any.
    pub predict: Option<Rc<predictions::Open>>,
    /// Predictions put aside unanswered during this visit (`lesson/prediction`).
    pub put_aside: std::collections::BTreeSet<String>,
    /// The solution is shown as a diff against the learner's text.
    pub diff: bool,
    /// Shown in the /embed/ widget: no predictions are asked there.
    pub embedded: bool,
    /// The version the run is compared with (its default gates and settings), if any.
    pub compare: Option<KubeVersion>,
    /// The cluster picker is open.
    pub cluster_open: bool,
    /// The Why panel: the change explained and the step hovered or focused.
    pub why: Why,
}

pub enum Action {
    Edit(String),
    /// Show a page (an in-app link, Back or Forward).
    Navigate(Page),
    /// Open a share link in its own copy of the lesson's (or the sandbox's) document.
    OpenLink(Link),
    /// Open the waiting link over the edited shared copy (which stays one undo away).
    AcceptLink,
    /// Keep the edited shared copy; drop the waiting link.
    DeclineLink,
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
    SetTab(&'static str),
    ToggleDefaulted,
    AddFault(Fault),
    /// Move fault `i` to another instant (dragged in the faults panel).
    MoveFault(usize, Millis),
    ClearFaults,
    RevealHint,
    ResetDoc,
    ShowSolution,
    /// Bring back the text the last reset, solution or link replaced.
    Undo,
    ShowPane(Pane),
    Notice(&'static str),
    DismissNotice,
    /// Answer, mark, retry or close the open prediction.
    Predict(PredictAction),
    /// Show the lesson's solution as a diff against the learner's text.
    CompareSolution,
    CloseDiff,
    /// Run the document on this Kubernetes version (None: the lesson's, else the newest).
    SetVersion(Option<KubeVersion>),
    /// Set a feature gate (None: back to the version's default).
    SetGate(String, Option<bool>),
    /// The kubelet's `crashLoopBackOff.maxContainerRestartPeriod` (None: unset).
    SetMaxRestart(Option<GoDuration>),
    /// Back to the lesson's (or the default) cluster.
    ResetCluster,
    /// Compare the run with the same text on this version (None: stop comparing).
    CompareWith(Option<KubeVersion>),
    /// Open or close the cluster picker.
    ShowCluster(bool),
    /// Merge saved progress read from a file (None: the file could not be read).
    ImportProgress(Option<Box<Saved>>),
    /// Open the Why panel on a change of the run on screen.
    OpenWhy(podsim::why::ChangeRef),
    CloseWhy,
    /// A step of the explanation is hovered or focused (None: none is).
    WhyStep(Option<usize>),
    /// The editor's cursor is on this field (a path), or on none.
    CursorField(Option<String>),
}

impl AppState {
    /// The state at start-up from what was saved and the location's fragment (a share link
    /// is opened by the caller, through [`Action::OpenLink`]).
    pub fn new(saved: Saved, hash: &str, browser_lang: Lang, notice: Option<&'static str>) -> Self {
        let route = match (Route::parse(hash), &saved.last_page) {
            // No route: back where the learner was last time.
            (Route::Start, Some(last)) => Route::parse(last),
            (route, _) => route,
        };
        let lang = saved.settings.lang.unwrap_or(browser_lang);
        let mut s = AppState {
            saved,
            lang,
            page: Page::Home,
            computed: Rc::new(Computed::empty()),
            playing: false,
            notice: notice.map(Notice::Say),
            revision: 0,
            pane: Pane::Lesson,
            waiting: None,
            undo: None,
            predict: None,
            put_aside: Default::default(),
            diff: false,
            embedded: false,
            compare: None,
            cluster_open: false,
            why: Why::default(),
        };
        s.go(route.page());
        s
    }

    pub fn lesson(&self) -> Option<Rc<Lesson>> {
        catalog::find(self.page.lesson_id()?)
    }

    /// The text a document starts with: its lesson's manifest, or the sandbox's seed.
    fn start_text(&self) -> String {
        self.lesson()
            .map(|l| l.manifest.clone())
            .unwrap_or_else(|| SEED_MANIFEST.to_string())
    }

    /// The saved document of the current page, if it was ever changed.
    fn saved_doc(&self) -> Option<&Doc> {
        self.saved.docs.get(&self.page.doc_key()?)
    }

    /// The document the current page edits (its lesson's start if never changed).
    pub fn doc(&self) -> Cow<'_, Doc> {
        match self.saved_doc() {
            Some(d) => Cow::Borrowed(d),
            None => Cow::Owned(Doc::new(self.start_text())),
        }
    }

    fn doc_mut(&mut self) -> &mut Doc {
        let key = self.page.doc_key().unwrap_or_else(|| "sandbox".into());
        if !self.saved.docs.contains_key(&key) {
            let fresh = Doc::new(self.start_text());
            self.saved.docs.insert(key.clone(), fresh);
        }
        self.saved.docs.entry(key).or_default()
    }

    /// Whether a copy opened from a share link exists beside the current page's own text.
    pub fn has_shared_copy(&self) -> bool {
        self.page
            .with_copy(Origin::Shared)
            .doc_key()
            .is_some_and(|k| self.saved.docs.contains_key(&k))
    }

    /// The playback position (the end of the run until the learner moves it).
    pub fn cursor(&self) -> Millis {
        let until = self.computed.until;
        self.saved_doc()
            .and_then(|d| d.playhead)
            .unwrap_or(until)
            .min(until)
    }

    pub fn speed(&self) -> u32 {
        let speed = self.saved.settings.speed;
        if SPEEDS.contains(&speed) {
            speed
        } else {
            10
        }
    }

    pub fn tab(&self) -> &'static str {
        TABS.iter()
            .copied()
            .find(|t| *t == self.saved.settings.tab)
            .unwrap_or("get")
    }

    /// Hints revealed in the current lesson.
    pub fn hints_shown(&self) -> usize {
        self.page.lesson_id().map_or(0, |id| self.saved.hints(id))
    }

    /// Analyse the current document again; `keep_run`: the run on screen may stay (marked
    /// out of date) while the new text is invalid.
    fn recompute(&mut self, keep_run: bool) {
        let Some(key) = self.page.doc_key() else {
            self.computed = Rc::new(Computed::empty());
            return;
        };
        let lesson = self.lesson();
        let doc = self.doc();
        let previous = keep_run.then_some(&*self.computed);
        let spec = cluster::effective(&doc.cluster, lesson.as_deref());
        let other = self.compare.map(|v| ClusterSpec {
            kubernetes: Some(v),
            ..Default::default()
        });
        let opened = self.opened(&doc.manifest, &doc.events);
        let computed = Computed::new(
            &key,
            &doc.manifest,
            lesson.as_deref(),
            &doc.events,
            (&spec, other.as_ref()),
            previous,
            &opened,
        );
        let same_run = match (&self.computed.run, &computed.run) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        };
        if !same_run {
            self.why.close();
            let field = self.why.field.take();
            self.why
                .point_at(computed.run.as_ref().map(|r| &r.timeline), field);
        }
        self.computed = Rc::new(computed);
        if let (Page::Lesson(id, Origin::Own), true) = (&self.page, self.computed.all_goals_met()) {
            let id = id.clone();
            self.saved.progress_mut(&id).done = true;
            self.ask(Ask::AfterGoals);
        }
    }

    /// Open the lesson's next prediction asked at `when`, unless one is open or every such
    /// prediction was answered (or put aside this visit).
    fn ask(&mut self, when: Ask) {
        // An embedded widget shows the run; predictions belong to the lesson's own page.
        if self.predict.is_some() || self.embedded {
            return;
        }
        let (Some(lesson), Page::Lesson(id, Origin::Own)) = (self.lesson(), &self.page) else {
            return;
        };
        let answered = self.saved.lessons.get(id).map(|p| &p.predictions);
        let index = predictions::next_to_ask(&lesson, when, |p| {
            answered.is_some_and(|a| a.contains_key(p))
                || self.put_aside.contains(&format!("{id}/{p}"))
        });
        if let Some(i) = index {
            self.predict = predictions::open(lesson, i).map(Rc::new);
        }
    }

    /// The playhead shown: the open prediction's mark, or the document's cursor.
    pub fn shown_cursor(&self) -> Millis {
        match self.started_prediction() {
            Some(p) => p.mark,
            None => self.cursor(),
        }
    }

    /// The open prediction whose run is on screen.
    pub fn started_prediction(&self) -> Option<&Rc<predictions::Open>> {
        self.predict.as_ref().filter(|p| p.started)
    }

    fn predict(&mut self, action: PredictAction) {
        let Some(open) = self.predict.take() else {
            return;
        };
        let mut open = Rc::unwrap_or_clone(open);
        match action {
            PredictAction::Mark(t) => open.mark = t.min(open.computed().until),
            PredictAction::Answer(guess) => {
                open.graded = predictions::answer(&open, guess);
                if let Some(g) = &open.graded {
                    let id = open.id().to_string();
                    let lesson = open.lesson.id.clone();
                    self.saved
                        .progress_mut(&lesson)
                        .predictions
                        .entry(id)
                        .or_insert(g.right);
                }
            }
            PredictAction::Start => open.started = true,
            PredictAction::Retry => {
                open.graded = None;
                open.mark = open.show_until();
            }
            PredictAction::Close => {
                self.put_aside
                    .insert(format!("{}/{}", open.lesson.id, open.id()));
                return;
            }
        }
        self.predict = Some(Rc::new(open));
    }

    /// The explanations opened in this lesson in the run of `manifest` with `events`.
    fn opened(&self, manifest: &str, events: &[ScenarioEvent]) -> Vec<podsim::why::ChangeRef> {
        let Some(id) = self.page.lesson_id() else {
            return Vec::new();
        };
        let Some(p) = self.saved.lessons.get(id) else {
            return Vec::new();
        };
        if p.explained.is_empty() {
            return Vec::new();
        }
        let run = crate::storage::run_key(manifest, events);
        p.explained
            .iter()
            .filter(|e| e.run == run)
            .map(|e| e.change)
            .collect()
    }

    /// The learner opened "why?" on `change`: kept with the lesson's progress (for its
    /// `explained` goals), the goals checked again.
    fn record_opened(&mut self, change: podsim::why::ChangeRef) {
        let (Some(id), Some(_)) = (self.page.lesson_id().map(str::to_string), self.lesson()) else {
            return;
        };
        let doc = self.doc().into_owned();
        let run = crate::storage::run_key(&doc.manifest, &doc.events);
        let entry = crate::storage::Explained { run, change };
        let p = self.saved.progress_mut(&id);
        if p.explained.contains(&entry) {
            return;
        }
        p.explained.push(entry);
        let over = p
            .explained
            .len()
            .saturating_sub(crate::storage::EXPLAINED_KEPT);
        p.explained.drain(..over);
        // The goals again, the run (and the open panel) kept.
        let why = self.why.clone();
        self.recompute(true);
        if let Some(run) = self.computed.run.clone() {
            self.why = why;
            let field = self.why.field.take();
            self.why.point_at(Some(&run.timeline), field);
        }
    }

    /// Show `page` (a copy that does not exist shows the learner's own text).
    fn go(&mut self, page: Page) {
        let page = match page.copy() {
            Origin::Shared
                if !page
                    .doc_key()
                    .is_some_and(|k| self.saved.docs.contains_key(&k)) =>
            {
                page.with_copy(Origin::Own)
            }
            _ => page,
        };
        // What was said about the page left behind no longer applies.
        if !matches!(self.notice, Some(Notice::Say(_))) {
            self.notice = None;
        }
        self.waiting = None;
        self.pane = match page {
            Page::Lesson(_, Origin::Own) => Pane::Lesson,
            _ => Pane::Editor,
        };
        self.page = page;
        self.playing = false;
        self.revision += 1;
        self.saved.last_page = Some(self.page.route());
        self.predict = None;
        self.diff = false;
        self.recompute(false);
        // A lesson opened untouched: predict first.
        if self.predict.is_none()
            && self
                .saved_doc()
                .is_none_or(|d| d.manifest == self.start_text())
        {
            self.ask(Ask::BeforeTask);
        }
    }

    fn set_cursor(&mut self, t: Millis) {
        let until = self.computed.until;
        self.doc_mut().playhead = Some(t.min(until));
    }

    /// Replace the current document, keeping what it was one [`Action::Undo`] away.
    fn replace_doc(&mut self, doc: Doc) {
        let Some(key) = self.page.doc_key() else {
            return;
        };
        let before = self.doc().into_owned();
        if before == doc {
            return;
        }
        self.undo = Some(Rc::new(Replaced { key, doc: before }));
        *self.doc_mut() = doc;
        self.notice = Some(Notice::Replaced);
        self.revision += 1;
        self.recompute(false);
    }

    /// Open `link` in the shared copy of its page.
    fn open_link(&mut self, link: Link) {
        let page = shared_page(&link);
        if link.lesson.is_some() && page.lesson_id().is_none() {
            self.notice = Some(Notice::Say("share.no-lesson"));
        }
        let own = page.with_copy(Origin::Own);
        let (Some(own_key), Some(shared_key)) = (own.doc_key(), page.doc_key()) else {
            return;
        };
        let same = |d: &Doc| {
            d.manifest == link.doc.manifest
                && d.events == link.doc.events
                && d.cluster == link.doc.cluster
        };
        // The learner's own text, shared back: nothing to keep apart.
        if self.saved.docs.get(&own_key).is_some_and(same) {
            self.go(own);
            return;
        }
        match self.saved.docs.get(&shared_key) {
            Some(copy) if same(copy) => self.go(page),
            Some(copy) if copy.edited_since_shared() => {
                self.go(page);
                self.waiting = Some(Rc::new(link));
                self.notice = Some(Notice::LinkWaiting);
            }
            _ => {
                self.saved.docs.insert(shared_key, shared_doc(link.doc));
                self.go(page);
                if self.notice.is_none() {
                    self.notice = Some(Notice::SharedOpened);
                }
            }
        }
        self.pane = Pane::Editor;
    }
}

/// The page a link opens: its lesson's shared copy (the sandbox's when the lesson is unknown).
fn shared_page(link: &Link) -> Page {
    match link.lesson.as_deref() {
        Some(id) if catalog::entry(id).is_some() => Page::Lesson(id.to_string(), Origin::Shared),
        _ => Page::Sandbox(Origin::Shared),
    }
}

/// A document opened from a link, remembering the text it came with.
fn shared_doc(doc: Doc) -> Doc {
    Doc {
        shared: Some(doc.manifest.clone()),
        ..doc
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        // While a prediction is open, the playhead is its mark on the prediction's run.
        let action = match (s.started_prediction(), action) {
            (Some(_), Action::Seek(t)) => Action::Predict(PredictAction::Mark(t)),
            (Some(p), Action::StepEvent(next)) => {
                let now = p.mark;
                let run = p.computed().run.clone();
                let moments = run.as_ref().map(|r| r.moments.as_slice()).unwrap_or(&[]);
                let target = if next {
                    moments.iter().copied().find(|&m| m > now)
                } else {
                    moments.iter().rev().copied().find(|&m| m < now)
                };
                match target {
                    Some(t) => Action::Predict(PredictAction::Mark(t)),
                    None => return self,
                }
            }
            (Some(_), Action::Play | Action::Tick(_)) => return self,
            (_, action) => action,
        };
        match action {
            Action::Edit(text) => {
                if s.page == Page::Home || text == s.doc().manifest {
                    return self;
                }
                s.doc_mut().manifest = text;
                // Editing instead of answering: the prediction waits for another visit.
                if s.started_prediction().is_some_and(|p| p.graded.is_none()) {
                    s.predict(PredictAction::Close);
                }
                s.recompute(true);
            }
            Action::Navigate(page) => {
                if page == s.page {
                    return self;
                }
                s.go(page);
            }
            Action::OpenLink(link) => s.open_link(link),
            Action::AcceptLink => {
                let Some(link) = s.waiting.take() else {
                    return self;
                };
                let link = Rc::unwrap_or_clone(link);
                let page = shared_page(&link);
                if s.page != page {
                    s.go(page);
                }
                s.replace_doc(shared_doc(link.doc));
            }
            Action::DeclineLink => {
                s.waiting = None;
                s.notice = None;
            }
            Action::SetLang(lang) => {
                s.lang = lang;
                let run = s.computed.run.clone();
                s.why.relang(run.as_ref().map(|r| &r.timeline), lang);
                s.saved.settings.lang = Some(lang);
            }
            Action::SetTheme(theme) => s.saved.settings.theme = theme,
            Action::Seek(t) => {
                if s.page == Page::Home {
                    return self;
                }
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
            Action::SetSpeed(speed) => s.saved.settings.speed = speed,
            Action::StepEvent(next) => {
                let Some(run) = s.computed.run.clone() else {
                    return self;
                };
                let now = s.cursor();
                let target = if next {
                    run.moments.iter().copied().find(|&m| m > now)
                } else {
                    run.moments.iter().rev().copied().find(|&m| m < now)
                };
                if let Some(t) = target {
                    s.set_cursor(t);
                }
                s.playing = false;
            }
            Action::SetTab(tab) => s.saved.settings.tab = tab.to_string(),
            Action::ToggleDefaulted => {
                s.saved.settings.show_defaulted = !s.saved.settings.show_defaulted
            }
            Action::AddFault(fault) => {
                if s.page == Page::Home {
                    return self;
                }
                let at = s.cursor();
                s.doc_mut().events.push(ScenarioEvent { at, action: fault });
                s.recompute(false);
            }
            Action::MoveFault(i, at) => {
                if s.page == Page::Home || s.doc().events.get(i).is_none() {
                    return self;
                }
                let at = at.min(s.computed.until);
                if let Some(e) = s.doc_mut().events.get_mut(i) {
                    e.at = at;
                }
                s.recompute(false);
            }
            Action::ClearFaults => {
                if s.page == Page::Home {
                    return self;
                }
                s.doc_mut().events.clear();
                s.recompute(false);
            }
            Action::RevealHint => {
                let Some(lesson) = s.lesson() else {
                    return self;
                };
                let p = s.saved.progress_mut(&lesson.id);
                let count = crate::catalog::entry(&lesson.id).map_or(0, |e| e.hints);
                p.hints = (p.hints + 1).min(count);
            }
            Action::ResetDoc => {
                if s.page == Page::Home {
                    return self;
                }
                // The text starts afresh; the cluster chosen stays (a setting, not the text).
                let fresh = Doc {
                    cluster: s.doc().cluster.clone(),
                    ..Doc::new(s.start_text())
                };
                s.replace_doc(fresh);
            }
            Action::ShowSolution => {
                let Some(lesson) = s.lesson() else {
                    return self;
                };
                let doc = Doc {
                    manifest: lesson.solution.clone(),
                    ..s.doc().into_owned()
                };
                s.replace_doc(doc);
                s.diff = false;
            }
            Action::Undo => {
                let Some(replaced) = s.undo.take() else {
                    return self;
                };
                if s.page.doc_key().as_ref() != Some(&replaced.key) {
                    s.undo = Some(replaced);
                    return self;
                }
                *s.doc_mut() = replaced.doc.clone();
                s.notice = None;
                s.revision += 1;
                s.recompute(false);
            }
            Action::ShowPane(pane) => s.pane = pane,
            Action::Notice(key) => s.notice = Some(Notice::Say(key)),
            Action::OpenWhy(change) => {
                let Some(run) = s.computed.run.clone() else {
                    return self;
                };
                s.why.open(&run.timeline, change, s.lang);
                if !s.computed.stale {
                    s.record_opened(change);
                }
            }
            Action::CloseWhy => s.why.close(),
            Action::CursorField(field) => {
                if s.why.field == field {
                    return self;
                }
                let run = s.computed.run.clone();
                s.why.point_at(run.as_ref().map(|r| &r.timeline), field);
            }
            Action::WhyStep(step) => {
                if s.why.step == step {
                    return self;
                }
                s.why.step = step;
            }
            Action::DismissNotice => {
                s.notice = None;
                s.waiting = None;
            }
            Action::Predict(action) => s.predict(action),
            Action::CompareSolution => {
                if s.lesson().is_none() {
                    return self;
                }
                s.diff = true;
                s.pane = Pane::Editor;
            }
            Action::CloseDiff => s.diff = false,
            Action::SetVersion(v) => {
                if s.page == Page::Home {
                    return self;
                }
                cluster::set_version(&mut s.doc_mut().cluster, v);
                s.recompute(false);
            }
            Action::SetGate(name, on) => {
                if s.page == Page::Home {
                    return self;
                }
                let v = s.computed.cluster.version();
                cluster::set_gate(&mut s.doc_mut().cluster, v, &name, on);
                s.recompute(false);
            }
            Action::SetMaxRestart(period) => {
                if s.page == Page::Home {
                    return self;
                }
                cluster::set_max_restart(&mut s.doc_mut().cluster, period);
                s.recompute(false);
            }
            Action::ResetCluster => {
                if s.page == Page::Home || s.doc().cluster.is_default() {
                    return self;
                }
                s.doc_mut().cluster = Default::default();
                s.recompute(false);
            }
            Action::ShowCluster(open) => {
                if s.cluster_open == open {
                    return self;
                }
                s.cluster_open = open;
            }
            Action::CompareWith(v) => {
                if s.compare == v {
                    return self;
                }
                s.compare = v;
                s.recompute(false);
            }
            Action::ImportProgress(file) => match file {
                Some(file) => {
                    let (merged, report) = progress::merge(&s.saved, *file);
                    s.saved = merged;
                    s.notice = Some(Notice::Imported(report));
                    s.recompute(false);
                }
                None => s.notice = Some(Notice::Say("progress.bad")),
            },
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests;
