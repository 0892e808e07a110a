//! What a prediction asks, in words, in English and Korean: labels for the app and the
//! lines of `podsim lesson FILE --predictions` (`the 1st restart of web`,
//! `web의 1번째 재시작`).

use super::super::goals::Dur;
use super::about::{Count, Moment, Question};
use crate::text::Text;
use crate::time::{clock, Millis};

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// ` after 1m00s` / ` (1m00s 이후)`, or nothing.
fn after_text(after: &Option<Dur>) -> (String, String) {
    match after {
        Some(Dur(t)) => (
            format!(" after {}", clock(*t)),
            format!(" ({} 이후)", clock(*t)),
        ),
        None => (String::new(), String::new()),
    }
}

impl Moment {
    /// What the learner is asked to mark, in words: `the 1st restart of web`.
    pub fn describe(&self) -> Text {
        match self {
            Moment::Restart { container, nth } => Text::new(
                format!("the {} restart of {container}", ordinal(*nth)),
                format!("{container}의 {nth}번째 재시작"),
            ),
            Moment::Started { container, after } => {
                let (en, ko) = after_text(after);
                Text::new(
                    format!("{container} starts{en}"),
                    format!("{container} 시작{ko}"),
                )
            }
            Moment::Terminated {
                container,
                reason,
                exit_code,
                after,
            } => {
                let (en_after, ko_after) = after_text(after);
                let how = match (reason, exit_code) {
                    (Some(r), Some(c)) => format!(" ({r}, exit code {c})"),
                    (Some(r), None) => format!(" ({r})"),
                    (None, Some(c)) => format!(" (exit code {c})"),
                    (None, None) => String::new(),
                };
                let how_ko = how.replace("exit code", "종료 코드");
                Text::new(
                    format!("{container} exits{how}{en_after}"),
                    format!("{container} 종료{how_ko}{ko_after}"),
                )
            }
            Moment::Event {
                reason,
                contains,
                after,
            } => {
                let (en_after, ko_after) = after_text(after);
                let with = contains
                    .as_ref()
                    .map(|c| format!(" \"{c}\""))
                    .unwrap_or_default();
                Text::new(
                    format!("the first {reason} event{with}{en_after}"),
                    format!("첫 {reason} 이벤트{with}{ko_after}"),
                )
            }
            Moment::Condition {
                condition,
                status,
                after,
            } => {
                let (en_after, ko_after) = after_text(after);
                Text::new(
                    format!("{} turns {}{en_after}", condition.as_str(), status.as_str()),
                    format!(
                        "{} 컨디션이 {} 상태가 되는 시점{ko_after}",
                        condition.as_str(),
                        status.as_str()
                    ),
                )
            }
            Moment::Phase { phase, after } => {
                let (en_after, ko_after) = after_text(after);
                Text::new(
                    format!("the phase becomes {}{en_after}", phase.as_str()),
                    format!("파드가 {} 단계에 들어가는 시점{ko_after}", phase.as_str()),
                )
            }
            Moment::Probe {
                container,
                probe,
                result,
                nth,
                after,
            } => {
                let (en_after, ko_after) = after_text(after);
                Text::new(
                    format!(
                        "the {} {} of {container}'s {} probe{en_after}",
                        ordinal(*nth),
                        result.as_str(),
                        probe.as_str()
                    ),
                    format!(
                        "{container}의 {} 프로브 {nth}번째 {}{ko_after}",
                        probe.as_str(),
                        result.as_str()
                    ),
                )
            }
        }
    }
}

impl Count {
    /// What the learner is asked to count, in words, by the instant `by`.
    pub fn describe(&self, by: Millis) -> Text {
        let by = clock(by);
        match self {
            Count::Restarts { container } => Text::new(
                format!("restarts of {container} by {by}"),
                format!("{by}까지 {container}의 재시작 횟수"),
            ),
            Count::Events { reason, contains } => {
                let with = contains
                    .as_ref()
                    .map(|c| format!(" \"{c}\""))
                    .unwrap_or_default();
                Text::new(
                    format!("{reason} events{with} by {by}"),
                    format!("{by}까지 {reason} 이벤트{with} 횟수"),
                )
            }
            Count::ProbeResults {
                container,
                probe,
                result,
            } => Text::new(
                format!(
                    "{} results of {container}'s {} probe by {by}",
                    result.as_str(),
                    probe.as_str()
                ),
                format!(
                    "{by}까지 {container}의 {} 프로브 {} 횟수",
                    probe.as_str(),
                    result.as_str()
                ),
            ),
        }
    }
}

impl Question {
    /// What the learner is asked, in words.
    pub fn describe(&self) -> Text {
        let at = clock(self.at());
        match self {
            Question::Phase { .. } => {
                Text::new(format!("the phase at {at}"), format!("{at} 시점의 단계"))
            }
            Question::Status { .. } => {
                Text::new(format!("the STATUS at {at}"), format!("{at} 시점의 STATUS"))
            }
            Question::Condition { condition, .. } => Text::new(
                format!("{} at {at}", condition.as_str()),
                format!("{at} 시점의 {}", condition.as_str()),
            ),
            Question::ContainerState { container, .. } => Text::new(
                format!("the state of {container} at {at}"),
                format!("{at} 시점의 {container} 상태"),
            ),
        }
    }
}
