//! The prediction card (predict, then run): the question, the way to answer it — an instant
//! marked on the timeline (*when*), a number (*how many*) or a choice (*which*) — and, once
//! answered, the grade, the true answer, the explanation and the records the answer rests on
//! (the hook for the "why?" chain). A wrong answer is never a dead end: retry or continue.
//! Also the overlay the prediction lays on the timeline (`timeline_overlay`).

use std::rc::Rc;

use podsim::lessons::predictions::{answer::instant, AnswerSpec, Guess};
use yew::prelude::*;

use super::timeline_overlay::{Mark, Overlay};
use crate::i18n::{t, Lang};
use crate::markdown::render_inline;
use crate::state::predictions::Open;
use crate::state::{Action, Dispatch, PredictAction};

#[derive(Properties, PartialEq)]
pub struct PredictionProps {
    pub lang: Lang,
    pub open: Rc<Open>,
    pub dispatch: Dispatch,
}

/// A guess in words.
fn guess_text(spec: &AnswerSpec, g: Guess) -> String {
    match (spec, g) {
        (_, Guess::Instant(t)) => instant(t),
        (_, Guess::Count(n)) => n.to_string(),
        (AnswerSpec::Which { choices, .. }, Guess::Choice(i)) => {
            choices.get(i).cloned().unwrap_or_default()
        }
        (_, Guess::Choice(i)) => i.to_string(),
    }
}

/// What the open prediction draws on the timeline.
pub fn overlay(lang: Lang, open: &Open) -> Overlay {
    let mut marks = Vec::new();
    let when = matches!(open.prediction().answer, AnswerSpec::When { .. });
    match &open.graded {
        None => Overlay {
            hidden_after: Some((open.show_until(), t(lang, "predict.hidden").to_string())),
            marks,
        },
        Some(g) => {
            if let Guess::Instant(at) = g.guess {
                marks.push(Mark {
                    t: at,
                    kind: "guess",
                    label: format!("{} {}", t(lang, "predict.mark.guess"), instant(at)),
                });
            }
            if when {
                marks.push(Mark {
                    t: g.answer.at,
                    kind: "truth",
                    label: format!("{} {}", t(lang, "predict.mark.truth"), instant(g.answer.at)),
                });
            }
            Overlay {
                hidden_after: None,
                marks,
            }
        }
    }
}

#[component]
pub fn PredictionCard(props: &PredictionProps) -> Html {
    let lang = props.lang;
    let code = lang.code();
    let open = &props.open;
    let p = open.prediction();
    let send = |a: PredictAction| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Predict(a)))
    };
    let count = use_state(String::new);
    let ask = match (&p.answer, &open.graded) {
        (_, Some(_)) => Html::default(),
        _ if !open.started => html! {
            <div class="predict-answer">
                <button type="button" class="primary" data-testid="predict-start"
                        onclick={send(PredictAction::Start)}>{t(lang, "predict.start")}</button>
            </div>
        },
        (AnswerSpec::When { .. }, None) => html! {
            <div class="predict-answer">
                <p class="muted">{t(lang, "predict.when")}</p>
                <p>{t(lang, "predict.marked")}{" "}<strong data-testid="predict-mark">{instant(open.mark)}</strong></p>
                <button type="button" class="primary" data-testid="predict-answer"
                        onclick={send(PredictAction::Answer(Guess::Instant(open.mark)))}>
                    {format!("{} {}", t(lang, "predict.answer"), instant(open.mark))}
                </button>
            </div>
        },
        (AnswerSpec::HowMany { .. }, None) => {
            let oninput = {
                let count = count.clone();
                Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    count.set(input.value());
                })
            };
            let n = count.trim().parse::<u32>().ok();
            let onsubmit = {
                let dispatch = props.dispatch.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if let Some(n) = n {
                        dispatch.dispatch(Action::Predict(PredictAction::Answer(Guess::Count(n))));
                    }
                })
            };
            html! {
                <form class="predict-answer" {onsubmit} aria-label={t(lang, "predict.title")}>
                    <label>{t(lang, "predict.count")}{" "}
                        <input type="number" min="0" max="1000" inputmode="numeric" value={(*count).clone()}
                               {oninput} data-testid="predict-count" />
                    </label>
                    <button type="submit" class="primary" disabled={n.is_none()} data-testid="predict-answer">
                        {t(lang, "predict.answer")}
                    </button>
                </form>
            }
        }
        (AnswerSpec::Which { choices, .. }, None) => html! {
            <div class="predict-answer predict-choices" role="group" aria-label={t(lang, "predict.count")}>
                { for choices.iter().enumerate().map(|(i, c)| html! {
                    <button type="button" data-testid={format!("predict-choice-{i}")}
                            onclick={send(PredictAction::Answer(Guess::Choice(i)))}>{c.clone()}</button>
                }) }
            </div>
        },
    };
    let result = open.graded.as_ref().map(|g| {
        let tl = open.whole.run.as_ref().map(|r| &r.timeline);
        html! {
            <div class={classes!("predict-result", if g.right { "right" } else { "wrong" })}
                 role="status" data-testid="predict-result" data-right={g.right.to_string()}>
                <p class="verdict"><strong>{t(lang, if g.right { "predict.right" } else { "predict.wrong" })}</strong></p>
                <p>{t(lang, "predict.you")}{" "}<strong data-testid="predict-guess">{guess_text(&p.answer, g.guess)}</strong>
                   {" · "}{t(lang, "predict.truth")}{" "}<strong data-testid="predict-truth">{g.answer.text().get(code).to_string()}</strong></p>
                <p class="explain" data-testid="predict-explain">{render_inline(p.explain.get(code))}</p>
                if let Some(tl) = tl {
                    // The hook for the "why?" chain: the records the answer rests on.
                    <details class="predict-basis" data-testid="predict-basis">
                        <summary>{t(lang, "predict.basis")}</summary>
                        <ul>
                            { for g.answer.basis.iter().map(|b| html! { <li>{b.describe(tl).get(code).to_string()}</li> }) }
                        </ul>
                    </details>
                }
                <p class="muted">{t(lang, "predict.first")}</p>
            </div>
        }
    });
    let error = open.answer.as_ref().err().map(|e| {
        html! { <p class="status-bad" role="alert">{t(lang, "predict.none")}{" "}{e.clone()}</p> }
    });
    let answered = open.graded.is_some();
    html! {
        <section class="prediction" aria-labelledby="prediction-title" data-testid="prediction"
                 data-id={p.id.clone()} data-answered={answered.to_string()}>
            <h3 id="prediction-title">{t(lang, "predict.title")}</h3>
            <p class="question" data-testid="predict-question">{render_inline(p.question.get(code))}</p>
            if !answered && open.started {
                <p class="muted" data-testid="predict-shown">{format!("{} {}", t(lang, "predict.shown"), instant(open.show_until()))}</p>
            }
            { for error }
            { ask }
            { for result }
            <div class="predict-actions">
                if answered {
                    <button type="button" onclick={send(PredictAction::Retry)} data-testid="predict-retry">{t(lang, "predict.retry")}</button>
                }
                <button type="button" onclick={send(PredictAction::Close)} data-testid="predict-close">
                    {t(lang, if answered { "predict.continue" } else { "predict.skip" })}
                </button>
            </div>
        </section>
    }
}
