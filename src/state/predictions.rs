//! Predict, then run: the prediction open on the current lesson page, its two runs (cut at
//! `showUntil` while unanswered, and whole), its true answer (computed by the engine from the
//! whole run) and the learner's graded guess. When one opens: a `beforeTask` prediction as
//! the lesson opens untouched, an `afterGoals` one once every goal is met — each until it has
//! been answered once (saved progress keeps the first answer: that is what counts as right)
//! or put aside for this visit. A wrong guess never blocks: the learner continues or retries.

use std::rc::Rc;

use podsim::lessons::predictions::{answer_from, grade, Answer, Ask, Grade, Guess};
use podsim::lessons::{Lesson, Prediction};
use podsim::session;
use podsim::time::Millis;
use podsim::views::lanes::lanes;
use podsim::views::summary::summarize;

use super::computed::{Computed, Run};

/// What the learner does with an open prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PredictAction {
    /// Answer it (a *when* guess is the instant marked on the timeline).
    Answer(Guess),
    /// Mark an instant on the timeline (the playhead of the prediction's run).
    Mark(Millis),
    /// Hide the rest again and answer once more (the first answer still counts).
    Retry,
    /// Start an offered prediction: its run replaces the learner's on screen.
    Start,
    /// Back to the lesson (answered or not).
    Close,
}

/// The prediction open on screen.
#[derive(Debug, Clone)]
pub struct Open {
    pub lesson: Rc<Lesson>,
    /// Its index in the lesson's predictions.
    pub index: usize,
    /// The run shown while unanswered: simulated only up to `showUntil`, so nothing after it
    /// exists on screen.
    pub shown: Rc<Computed>,
    /// The whole run, shown once answered.
    pub whole: Rc<Computed>,
    /// The true answer, or why the engine has none (a mistake in the lesson).
    pub answer: Result<Answer, String>,
    /// The instant marked on the timeline (the playhead of the run shown).
    pub mark: Millis,
    /// The learner's last guess, graded.
    pub graded: Option<Grade>,
    /// Started: its run is on screen. A `beforeTask` prediction starts at once (the lesson's
    /// own run would tell the answer); an `afterGoals` one is offered beside the learner's
    /// finished run until the learner starts it.
    pub started: bool,
}

impl PartialEq for Open {
    fn eq(&self, other: &Self) -> bool {
        // Each change makes a new value.
        std::ptr::eq(self, other)
    }
}

impl Open {
    pub fn prediction(&self) -> &Prediction {
        // `index` comes from the lesson's own list (see `open`).
        &self.lesson.predictions[self.index.min(self.lesson.predictions.len() - 1)]
    }

    pub fn show_until(&self) -> Millis {
        self.prediction().show_until.0
    }

    /// What the result region shows: the cut run until answered, then the whole one.
    pub fn computed(&self) -> &Rc<Computed> {
        if self.graded.is_some() {
            &self.whole
        } else {
            &self.shown
        }
    }

    /// The saved-progress key of the prediction.
    pub fn id(&self) -> &str {
        &self.prediction().id
    }
}

/// A run of `text` in the lesson's scenario up to `until`, as the result region shows it.
fn run_of(key: &str, text: &str, lesson: &Lesson, until: Millis) -> Computed {
    let analysis = session::analyze(text, &lesson.scenario, until);
    let summary = analysis.loaded.manifest.as_ref().map(summarize);
    let run = analysis.timeline.map(|timeline| {
        Rc::new(Run {
            moments: timeline.moments(),
            lanes: Rc::new(lanes(&timeline)),
            summary: summary.clone(),
            timeline,
        })
    });
    let mut c = Computed::empty();
    c.key = key.to_string();
    c.text = text.to_string();
    c.until = lesson.until;
    c.loaded = analysis.loaded;
    c.summary = summary;
    c.run = run;
    c.sim_error = analysis.sim_error;
    c
}

/// Open prediction `index` of `lesson`: simulate its manifest, cut and whole, and compute its
/// true answer. None for an index the lesson does not have.
pub fn open(lesson: Rc<Lesson>, index: usize) -> Option<Open> {
    let p = lesson.predictions.get(index)?;
    let text = p.manifest_text(&lesson);
    let key = format!("predict:{}:{}", lesson.id, p.id);
    let shown = run_of(&key, text, &lesson, p.show_until.0.min(lesson.until));
    // Another key: the timeline frames the whole run afresh once it is revealed.
    let whole = run_of(&format!("{key}:whole"), text, &lesson, lesson.until);
    let answer = match whole.run.as_ref() {
        Some(run) => answer_from(p, &run.timeline).map_err(|e| e.to_string()),
        None => Err(whole
            .sim_error
            .clone()
            .unwrap_or_else(|| "the prediction's manifest does not run".into())),
    };
    let mark = p.show_until.0.min(lesson.until);
    Some(Open {
        shown: Rc::new(shown),
        whole: Rc::new(whole),
        answer,
        mark,
        graded: None,
        started: p.ask == Ask::BeforeTask,
        index,
        lesson,
    })
}

/// The first prediction of `lesson` asked at `ask` that `settled` (answered, or put aside)
/// does not cover.
pub fn next_to_ask(lesson: &Lesson, ask: Ask, settled: impl Fn(&str) -> bool) -> Option<usize> {
    lesson
        .predictions
        .iter()
        .position(|p| p.ask == ask && !settled(&p.id))
}

/// Grade `guess` against the open prediction (None when the prediction has no answer to grade
/// against, or the guess is of another kind).
pub fn answer(open: &Open, guess: Guess) -> Option<Grade> {
    let truth = open.answer.as_ref().ok()?;
    grade(open.prediction(), truth, guess).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use podsim::lessons::predictions::Value;

    #[test]
    fn lesson_5s_predictions_open_cut_and_grade() {
        let lesson = catalog::find("liveness").expect("lesson 5");
        let i = next_to_ask(&lesson, Ask::AfterGoals, |_| false).expect("an afterGoals one");
        let o = open(lesson.clone(), i).expect("opens");
        // The run shown stops at showUntil; the whole run goes on.
        let cut = o.shown.run.as_ref().expect("a run");
        let whole = o.whole.run.as_ref().expect("a run");
        assert!(cut.timeline.until <= o.show_until());
        assert!(whole.timeline.until > o.show_until());
        let Ok(Answer {
            value: Value::Instant(truth),
            ..
        }) = o.answer.clone()
        else {
            panic!("a when answer: {:?}", o.answer);
        };
        assert!(answer(&o, Guess::Instant(truth + 2000)).is_some_and(|g| g.right));
        assert!(answer(&o, Guess::Instant(truth / 2)).is_some_and(|g| !g.right));
        // Answered ones are not asked again.
        let id = o.id().to_string();
        assert_eq!(
            next_to_ask(&lesson, Ask::AfterGoals, |p| p == id),
            None,
            "lesson 5 has one afterGoals prediction"
        );
    }
}
