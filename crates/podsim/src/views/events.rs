//! `kubectl get events` for the pod: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE — oldest first.

use super::tabwriter;
use crate::kubelet::events::EventType;
use crate::sim::Timeline;
use crate::time::{human_duration, Millis};
use std::fmt::Write;

pub fn get_events(tl: &Timeline, t: Millis) -> String {
    let events = tl.events_at(t);
    if events.is_empty() {
        return format!("No resources found in {} namespace.\n", tl.namespace);
    }
    let mut text = String::from("LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n");
    for e in events {
        let _ = writeln!(
            text,
            "{}\t{}\t{}\tpod/{}\t{}",
            human_duration(t as i64 - e.last_ms as i64),
            match e.type_ {
                EventType::Normal => "Normal",
                EventType::Warning => "Warning",
            },
            e.reason,
            tl.pod_name,
            e.message.trim()
        );
    }
    tabwriter::format(&text, 6, 3)
}
