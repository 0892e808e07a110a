//! The reducer's behaviour, natively: edits, the run kept while the text is invalid,
//! playback, faults, and every path that replaces a document's text.

use super::*;
use crate::share::Link;

fn state_at(hash: &str) -> Rc<AppState> {
    Rc::new(AppState::new(Saved::default(), hash, Lang::En, None))
}

fn sandbox() -> Rc<AppState> {
    state_at("#/sandbox")
}

fn first_lesson() -> &'static str {
    catalog::lessons()[0].id
}

fn link(lesson: Option<&str>, manifest: &str) -> Link {
    Link {
        lesson: lesson.map(str::to_string),
        doc: Doc::new(manifest),
    }
}

const OTHER: &str = "apiVersion: v1
kind: Pod
metadata:
  name: shared-pod
spec:
  containers:
  - name: c
    image: nginx:1.27
";

#[test]
fn seed_manifest_is_summarised() {
    let s = sandbox();
    let summary = s.computed.summary.as_ref().expect("summary");
    assert_eq!(summary.name, "kubenetes-simple-pod");
    assert_eq!(s.computed.error_count(), 0);
    assert!(s.computed.fresh_run().is_some());
}

#[test]
fn edits_recompute_and_keep_the_cursor() {
    let s = sandbox().reduce(Action::Seek(30_000));
    let s = s.reduce(Action::Edit(
        SEED_MANIFEST.replace("kubenetes-simple-pod\n      image", "Bad_Name\n      image"),
    ));
    assert_eq!(s.cursor(), 30_000);
    assert!(s.computed.error_count() > 0);
    assert!(s.computed.fresh_run().is_none());
}

#[test]
fn the_last_valid_run_stays_while_the_text_is_invalid() {
    let s = sandbox();
    let run = s.computed.run.clone().expect("a run");
    // A key half typed: "imag" with no value.
    let half = SEED_MANIFEST.replace("      ports:", "      imag\n      ports:");
    let s = s.reduce(Action::Edit(half.clone()));
    assert!(s.computed.error_count() > 0);
    assert!(s.computed.stale, "marked out of date");
    assert!(
        Rc::ptr_eq(s.computed.run.as_ref().unwrap(), &run),
        "the same run"
    );
    // Still invalid: still the same run.
    let s = s.reduce(Action::Edit(half.replace("imag\n", "imagePull\n")));
    assert!(s.computed.stale);
    assert!(Rc::ptr_eq(s.computed.run.as_ref().unwrap(), &run));
    // Valid again: a run of its own.
    let s = s.reduce(Action::Edit(SEED_MANIFEST.replace("8080", "8081")));
    assert!(!s.computed.stale);
    assert!(!Rc::ptr_eq(s.computed.run.as_ref().unwrap(), &run));
}

#[test]
fn an_invalid_document_opened_shows_no_other_documents_run() {
    let s = sandbox().reduce(Action::Edit("kind: Pod\nspec: [".into()));
    assert!(s.computed.stale);
    let s = s.reduce(Action::Navigate(Page::lesson(first_lesson())));
    let s = s.reduce(Action::Navigate(Page::Sandbox(Origin::Own)));
    assert!(
        s.computed.run.is_none(),
        "a run of an earlier text is only kept while typing"
    );
    assert!(!s.computed.stale);
}

#[test]
fn playback_advances_by_speed_and_stops_at_the_end() {
    let s = sandbox().reduce(Action::SetSpeed(60)).reduce(Action::Play);
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
    let s = sandbox()
        .reduce(Action::Seek(60_000))
        .reduce(Action::AddFault(Fault::DeletePod {
            grace_period_seconds: None,
        }));
    assert_eq!(s.doc().events.len(), 1);
    assert_eq!(s.doc().events[0].at, 60_000);
    let run = s.computed.fresh_run().expect("a run");
    assert_eq!(run.timeline.deletion.map(|d| d.requested_at), Some(60_000));
}

#[test]
fn each_lesson_and_the_sandbox_keep_their_own_text() {
    let id = first_lesson();
    let s = sandbox().reduce(Action::Edit(OTHER.into()));
    let s = s.reduce(Action::Navigate(Page::lesson(id)));
    let lesson = catalog::find(id).unwrap();
    assert_eq!(s.doc().manifest, lesson.manifest);
    let s = s.reduce(Action::Edit(format!("{}# mine\n", lesson.manifest)));
    let s = s.reduce(Action::Navigate(Page::Sandbox(Origin::Own)));
    assert_eq!(s.doc().manifest, OTHER);
    let s = s.reduce(Action::Navigate(Page::lesson(id)));
    assert!(s.doc().manifest.ends_with("# mine\n"));
}

#[test]
fn a_share_link_opens_in_its_own_copy_and_keeps_the_sandbox() {
    let s = sandbox().reduce(Action::Edit(SEED_MANIFEST.replace("8080", "9090")));
    let mine = s.doc().manifest.to_string();
    let s = s.reduce(Action::OpenLink(link(None, OTHER)));
    assert_eq!(s.page, Page::Sandbox(Origin::Shared));
    assert_eq!(s.doc().manifest, OTHER);
    assert_eq!(s.notice, Some(Notice::SharedOpened));
    assert_eq!(s.computed.summary.as_ref().unwrap().name, "shared-pod");
    assert!(s.has_shared_copy());
    let s = s.reduce(Action::Navigate(Page::Sandbox(Origin::Own)));
    assert_eq!(
        s.doc().manifest,
        mine,
        "the learner's text is one click away"
    );
    assert!(s.has_shared_copy());
}

#[test]
fn a_lesson_link_opens_the_lesson_with_its_goals() {
    let id = first_lesson();
    let lesson = catalog::find(id).unwrap();
    let s = sandbox().reduce(Action::OpenLink(link(Some(id), &lesson.solution)));
    assert_eq!(s.page, Page::Lesson(id.into(), Origin::Shared));
    assert_eq!(s.doc().manifest, lesson.solution);
    assert!(s.computed.all_goals_met(), "the lesson's goals, checked");
    assert!(
        !s.saved.is_done(id),
        "a shared solution does not finish the lesson"
    );
    let s = s.reduce(Action::Navigate(Page::lesson(id)));
    assert_eq!(
        s.doc().manifest,
        lesson.manifest,
        "the learner's text untouched"
    );
    // A link to a lesson that does not exist opens in the sandbox, said so.
    let s = s.reduce(Action::OpenLink(link(Some("no-such-lesson"), OTHER)));
    assert_eq!(s.page, Page::Sandbox(Origin::Shared));
    assert_eq!(s.notice, Some(Notice::Say("share.no-lesson")));
}

#[test]
fn a_link_over_an_edited_shared_copy_asks_first() {
    let s = sandbox().reduce(Action::OpenLink(link(None, OTHER)));
    let edited = format!("{OTHER}# my change\n");
    let s = s.reduce(Action::Edit(edited.clone()));
    let newer = OTHER.replace("shared-pod", "newer-pod");
    let s = s.reduce(Action::OpenLink(link(None, &newer)));
    assert_eq!(s.notice, Some(Notice::LinkWaiting));
    assert_eq!(
        s.doc().manifest,
        edited,
        "nothing replaced before the answer"
    );
    let kept = s.clone().reduce(Action::DeclineLink);
    assert_eq!(kept.doc().manifest, edited);
    assert!(kept.waiting.is_none());
    let opened = s.reduce(Action::AcceptLink);
    assert_eq!(opened.doc().manifest, newer);
    assert_eq!(opened.notice, Some(Notice::Replaced));
    let undone = opened.reduce(Action::Undo);
    assert_eq!(undone.doc().manifest, edited, "the edits are one undo away");
}

#[test]
fn an_unedited_shared_copy_is_simply_replaced() {
    let s = sandbox().reduce(Action::OpenLink(link(None, OTHER)));
    let newer = OTHER.replace("shared-pod", "newer-pod");
    let s = s.reduce(Action::OpenLink(link(None, &newer)));
    assert_eq!(s.doc().manifest, newer);
    assert_eq!(s.notice, Some(Notice::SharedOpened));
}

#[test]
fn the_learners_own_text_shared_back_opens_their_own_copy() {
    let s = sandbox();
    let s = s.reduce(Action::OpenLink(link(None, SEED_MANIFEST)));
    // Nothing saved for the sandbox yet: the seed is not the learner's saved text, so a copy.
    assert_eq!(s.page, Page::Sandbox(Origin::Shared));
    let s = s
        .reduce(Action::Navigate(Page::Sandbox(Origin::Own)))
        .reduce(Action::Edit(OTHER.into()))
        .reduce(Action::OpenLink(link(None, OTHER)));
    assert_eq!(s.page, Page::Sandbox(Origin::Own));
}

#[test]
fn reset_and_solution_can_be_undone() {
    let id = first_lesson();
    let lesson = catalog::find(id).unwrap();
    let s = state_at(&format!("#/lesson/{id}"));
    let mine = format!("{}# mine\n", lesson.manifest);
    let s = s.reduce(Action::Edit(mine.clone()));
    let r0 = s.revision;
    let s = s.reduce(Action::ShowSolution);
    assert_eq!(s.doc().manifest, lesson.solution);
    assert!(s.revision > r0, "the editor takes the new text");
    assert_eq!(s.notice, Some(Notice::Replaced));
    let s = s.reduce(Action::Undo);
    assert_eq!(s.doc().manifest, mine);
    let s = s.reduce(Action::ResetDoc);
    assert_eq!(s.doc().manifest, lesson.manifest);
    let s = s.reduce(Action::Undo);
    assert_eq!(s.doc().manifest, mine);
    // Undo belongs to its document.
    let s = s
        .reduce(Action::ResetDoc)
        .reduce(Action::Navigate(Page::Sandbox(Origin::Own)));
    let before = s.doc().manifest.to_string();
    let s = s.reduce(Action::Undo);
    assert_eq!(s.doc().manifest, before);
}

#[test]
fn a_shared_copy_that_does_not_exist_shows_the_own_text() {
    let s = sandbox().reduce(Action::Navigate(Page::Sandbox(Origin::Shared)));
    assert_eq!(s.page, Page::Sandbox(Origin::Own));
}

#[test]
fn goals_met_in_the_own_copy_finish_the_lesson() {
    let id = first_lesson();
    let lesson = catalog::find(id).unwrap();
    let s = state_at(&format!("#/lesson/{id}")).reduce(Action::Edit(lesson.solution.clone()));
    assert!(s.saved.is_done(id));
    assert_eq!(s.pane, Pane::Lesson);
}

#[test]
fn a_visit_without_a_route_resumes_the_last_page() {
    let saved = Saved {
        last_page: Some("#/sandbox".into()),
        ..Default::default()
    };
    let s = AppState::new(saved, "", Lang::En, None);
    assert_eq!(s.page, Page::Sandbox(Origin::Own));
    let s = AppState::new(Saved::default(), "#/nope", Lang::En, None);
    assert_eq!(s.page, Page::start());
}

#[test]
fn a_prediction_opens_on_an_untouched_lesson_and_its_first_answer_counts() {
    use podsim::lessons::predictions::Guess;
    let s = state_at("#/lesson/phases");
    let open = s.predict.clone().expect("the beforeTask prediction");
    assert_eq!(open.id(), "phase-after-the-job");
    // The run shown stops where the prediction says; seeking moves the mark, not the cursor.
    let shown = open.computed().run.clone().expect("a run");
    assert!(shown.timeline.until <= open.show_until());
    let cursor = s.cursor();
    let s = s.reduce(Action::Seek(20_000));
    assert_eq!(s.predict.as_ref().map(|p| p.mark), Some(20_000));
    assert_eq!(s.cursor(), cursor);
    // A wrong choice, then the right one: the first answer is saved.
    let s = s.reduce(Action::Predict(PredictAction::Answer(Guess::Choice(2))));
    assert_eq!(
        s.predict
            .as_ref()
            .and_then(|p| p.graded.as_ref())
            .map(|g| g.right),
        Some(false)
    );
    let s = s.reduce(Action::Predict(PredictAction::Retry));
    let s = s.reduce(Action::Predict(PredictAction::Answer(Guess::Choice(1))));
    assert_eq!(
        s.predict
            .as_ref()
            .and_then(|p| p.graded.as_ref())
            .map(|g| g.right),
        Some(true)
    );
    assert!(!s.saved.lessons["phases"].predictions["phase-after-the-job"]);
    // Closed: the learner's own run again, and not asked again.
    let s = s.reduce(Action::Predict(PredictAction::Close));
    assert!(s.predict.is_none());
    let s = s.reduce(Action::Navigate(Page::Home));
    let s = s.reduce(Action::Navigate(Page::lesson("phases")));
    assert!(s.predict.is_none());
}

#[test]
fn editing_instead_of_answering_puts_the_prediction_aside() {
    let s = state_at("#/lesson/phases");
    assert!(s.predict.is_some());
    let text = format!("{}\n", s.doc().manifest);
    let s = s.reduce(Action::Edit(text));
    assert!(s.predict.is_none());
    assert!(s
        .saved
        .lessons
        .get("phases")
        .is_none_or(|p| p.predictions.is_empty()));
}

/// Issue 20: the cluster picker's actions re-simulate at once, are kept with the document
/// (per page), survive a reset of the text, and a refused cluster is a message, not a run.
#[test]
fn the_cluster_is_chosen_per_document_and_re_simulates() {
    let s = sandbox();
    assert_eq!(s.computed.cluster.version(), KubeVersion::V1_37);
    let s = s.reduce(Action::SetVersion(Some(KubeVersion::V1_34)));
    assert_eq!(s.computed.cluster.version(), KubeVersion::V1_34);
    assert_eq!(s.doc().cluster.kubernetes, Some(KubeVersion::V1_34));
    assert!(s.computed.fresh_run().is_some());
    // The maximum without its gate (off on 1.34): the kubelet refuses to start.
    let s = s.reduce(Action::SetMaxRestart(Some(GoDuration::from_millis(30_000))));
    assert!(s.computed.run.is_none());
    assert!(s
        .computed
        .sim_error
        .as_deref()
        .is_some_and(|e| e.contains("KubeletCrashLoopBackOffMax not enabled")));
    let s = s.reduce(Action::SetGate(
        "KubeletCrashLoopBackOffMax".into(),
        Some(true),
    ));
    assert!(s.computed.sim_error.is_none() && s.computed.fresh_run().is_some());
    // A reset of the text keeps the cluster; another page has its own.
    let s = s.reduce(Action::ResetDoc);
    assert_eq!(s.doc().cluster.kubernetes, Some(KubeVersion::V1_34));
    let s = s.reduce(Action::Navigate(Page::Lesson(
        first_lesson().to_string(),
        Origin::Own,
    )));
    assert_eq!(s.computed.cluster.version(), KubeVersion::V1_37);
    let s = s.reduce(Action::Navigate(Page::Sandbox(Origin::Own)));
    assert_eq!(s.computed.cluster.version(), KubeVersion::V1_34);
    let s = s.reduce(Action::ResetCluster);
    assert!(s.doc().cluster.is_default());
}

#[test]
fn comparing_runs_the_text_on_a_second_version() {
    let s = sandbox().reduce(Action::CompareWith(Some(KubeVersion::V1_31)));
    let c = s.computed.compared.as_ref().expect("a comparison");
    assert_eq!(c.other.version(), KubeVersion::V1_31);
    assert!(c.run.is_some());
    let s = s.reduce(Action::CompareWith(None));
    assert!(s.computed.compared.is_none());
}

/// A lesson that pins a version starts on it; a version the learner picks wins (the picker
/// then says the lesson's texts follow the pinned one).
#[test]
fn a_pinned_lesson_starts_on_its_version_and_the_learner_may_change_it() {
    let mut lesson = (*catalog::find(first_lesson()).expect("a lesson")).clone();
    lesson.kubernetes = Some(KubeVersion::V1_33);
    let none = cluster::ClusterChoice::default();
    assert_eq!(
        cluster::effective(&none, Some(&lesson)).version(),
        KubeVersion::V1_33
    );
    assert_eq!(cluster::pinned(Some(&lesson)), Some(KubeVersion::V1_33));
    let chosen = cluster::ClusterChoice {
        kubernetes: Some(KubeVersion::V1_37),
        ..Default::default()
    };
    assert_eq!(
        cluster::effective(&chosen, Some(&lesson)).version(),
        KubeVersion::V1_37
    );
    // Gates chosen without a version: on the pinned one.
    let mut gates = cluster::ClusterChoice::default();
    cluster::set_gate(
        &mut gates,
        KubeVersion::V1_33,
        "ReduceDefaultCrashLoopBackOffDecay",
        Some(true),
    );
    let spec = cluster::effective(&gates, Some(&lesson));
    assert_eq!(spec.version(), KubeVersion::V1_33);
    assert!(spec.resolve().is_ok());
}

#[test]
fn a_fault_dragged_to_another_instant_moves_and_stays_in_the_run() {
    use podsim::sim::scenario::Action as Fault;
    let s = sandbox().reduce(Action::Seek(20_000));
    let s = s.reduce(Action::AddFault(Fault::LoseNode));
    assert_eq!(s.doc().events[0].at, 20_000);
    let s = s.reduce(Action::MoveFault(0, 45_000));
    assert_eq!(s.doc().events[0].at, 45_000);
    let s = s.reduce(Action::MoveFault(0, u64::MAX));
    assert_eq!(s.doc().events[0].at, s.computed.until);
    // No such fault: nothing changes.
    let before = s.doc().events.clone();
    let s = s.reduce(Action::MoveFault(3, 1_000));
    assert_eq!(s.doc().events, before);
}
