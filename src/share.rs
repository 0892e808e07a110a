//! Share links: one document (manifest, faults, playhead) and the lesson it belongs to travel
//! in the URL fragment (`#/share/<base64url of JSON>`, docs/formats.md), so nothing is sent to
//! any server. The decoder refuses oversized or malformed fragments, and reads the first
//! version's links.

use crate::state::cluster::ClusterChoice;
use crate::storage::Doc;
use podsim::sim::scenario::ScenarioEvent;
use serde::{Deserialize, Serialize};

/// The longest fragment payload accepted (characters of base64url).
pub const MAX_PAYLOAD: usize = 96 * 1024;
/// The most fault events a link may carry.
pub const MAX_EVENTS: usize = 200;
/// The version this build writes (docs/formats.md); links of versions 1 and 2 are read.
pub const VERSION: u32 = 2;

/// What a share link carries: one document (the same object saved progress keeps, see
/// `storage::Doc`) and where it belongs.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The lesson the link was copied in; None: the sandbox.
    pub lesson: Option<String>,
    pub doc: Doc,
}

/// The JSON inside the fragment. Version 1 had `v`, `manifest` and `events`; version 2 adds
/// `lesson` and `playhead`. Fields a later version adds are ignored.
#[derive(Serialize, Deserialize)]
struct Wire {
    v: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lesson: Option<String>,
    manifest: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    events: Vec<ScenarioEvent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    playhead: Option<u64>,
    /// The cluster (`kubernetes`, `featureGates`, `kubelet`): absent, the default one.
    #[serde(flatten)]
    cluster: ClusterChoice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    TooLarge,
    NotBase64,
    NotUtf8,
    NotAShare,
    /// Made by a newer podlab (a `v` this build does not know).
    Newer,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64url_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let count = chunk.len() + 1;
        for k in 0..count {
            out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
        }
    }
    out
}

pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 {
        return None; // a dangling character cannot come from an encoder
    }
    Some(out)
}

/// The fragment payload for a link (without `#/share/`).
pub fn encode(link: &Link) -> String {
    let wire = Wire {
        v: VERSION,
        lesson: link.lesson.clone(),
        manifest: link.doc.manifest.clone(),
        events: link.doc.events.clone(),
        playhead: link.doc.playhead,
        cluster: link.doc.cluster.clone(),
    };
    let json = serde_json::to_string(&wire).unwrap_or_default();
    base64url_encode(json.as_bytes())
}

pub fn decode(payload: &str) -> Result<Link, ShareError> {
    if payload.len() > MAX_PAYLOAD {
        return Err(ShareError::TooLarge);
    }
    let bytes = base64url_decode(payload).ok_or(ShareError::NotBase64)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotUtf8)?;
    let wire: Wire = serde_json::from_str(&text).map_err(|_| ShareError::NotAShare)?;
    if wire.v == 0 || wire.events.len() > MAX_EVENTS {
        return Err(ShareError::NotAShare);
    }
    if wire.v > VERSION {
        return Err(ShareError::Newer);
    }
    Ok(Link {
        lesson: wire.lesson.filter(|id| !id.is_empty()),
        doc: Doc {
            manifest: wire.manifest,
            events: wire.events,
            playhead: wire.playhead,
            shared: None,
            cluster: wire.cluster,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips() {
        for s in ["", "a", "ab", "abc", "abcd", "파드 🚀"] {
            let e = base64url_encode(s.as_bytes());
            assert!(!e.contains('+') && !e.contains('/') && !e.contains('='));
            assert_eq!(base64url_decode(&e).unwrap(), s.as_bytes());
        }
        assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
    }

    fn payload(json: &str) -> String {
        base64url_encode(json.as_bytes())
    }

    #[test]
    fn share_round_trips() {
        let link = Link {
            lesson: Some("liveness".into()),
            doc: Doc {
                manifest: "apiVersion: v1\nkind: Pod\n".into(),
                events: vec![ScenarioEvent {
                    at: 30_000,
                    action: podsim::sim::scenario::Action::LoseNode,
                }],
                playhead: Some(42_000),
                shared: None,
                cluster: ClusterChoice::default(),
            },
        };
        assert_eq!(decode(&encode(&link)), Ok(link.clone()));
        let json = String::from_utf8(base64url_decode(&encode(&link)).unwrap()).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&json).unwrap(),
            serde_json::json!({"v": 2, "lesson": "liveness", "manifest": "apiVersion: v1\nkind: Pod\n",
                "events": [{"at": "30s", "action": "loseNode"}], "playhead": 42000})
        );
    }

    #[test]
    fn first_version_links_still_open() {
        // As the first version wrote them: no lesson (the sandbox), faults with their times.
        let link = decode(&payload(
            r#"{"v":1,"manifest":"kind: Pod\n","events":[{"at":"20s","action":"killContainer","container":"web"}]}"#,
        ))
        .unwrap();
        assert_eq!(link.lesson, None);
        assert_eq!(link.doc.manifest, "kind: Pod\n");
        assert_eq!(link.doc.events.len(), 1);
        assert_eq!(link.doc.events[0].at, 20_000);
        assert_eq!(link.doc.playhead, None);
        let bare = decode(&payload(r#"{"v":1,"manifest":"kind: Pod"}"#)).unwrap();
        assert!(bare.doc.events.is_empty());
    }

    #[test]
    fn later_fields_are_ignored_and_later_versions_refused() {
        let link = decode(&payload(
            r#"{"v":2,"manifest":"m","kubernetes":"1.31","embed":{"view":"timeline"},"lang":"ko"}"#,
        ))
        .unwrap();
        assert_eq!(link.doc.manifest, "m");
        assert_eq!(
            decode(&payload(r#"{"v":3,"manifest":"m"}"#)),
            Err(ShareError::Newer)
        );
    }

    #[test]
    fn the_cluster_travels_and_unknown_values_open_on_the_default_cluster() {
        let link = decode(&payload(
            r#"{"v":2,"manifest":"m","kubernetes":"1.34","featureGates":{"ReduceDefaultCrashLoopBackOffDecay":true},
                "kubelet":{"crashLoopBackOff":{"maxContainerRestartPeriod":"20s"}}}"#,
        ))
        .unwrap();
        let c = &link.doc.cluster;
        assert_eq!(c.kubernetes, Some(podsim::cluster::KubeVersion::V1_34));
        assert!(c.feature_gates["ReduceDefaultCrashLoopBackOffDecay"]);
        assert!(!c.kubelet.is_empty());
        assert_eq!(decode(&encode(&link)), Ok(link.clone()));
        // A version this build does not know, a value of the wrong type: the default cluster.
        let later = decode(&payload(
            r#"{"v":2,"manifest":"m","kubernetes":"1.99","featureGates":[1]}"#,
        ))
        .unwrap();
        assert_eq!(later.doc.manifest, "m");
        assert!(later.doc.cluster.is_default());
        // A version-1 link has none: the default cluster.
        let old = decode(&payload(r#"{"v":1,"manifest":"kind: Pod"}"#)).unwrap();
        assert!(old.doc.cluster.is_default());
    }

    #[test]
    fn rejects_bad_payloads() {
        assert_eq!(decode("!!!"), Err(ShareError::NotBase64));
        assert_eq!(
            decode(&"A".repeat(MAX_PAYLOAD + 1)),
            Err(ShareError::TooLarge)
        );
        assert_eq!(
            decode(&base64url_encode(&[0xff, 0xfe])),
            Err(ShareError::NotUtf8)
        );
        assert_eq!(
            decode(&base64url_encode(b"{\"x\":1}")),
            Err(ShareError::NotAShare)
        );
        assert_eq!(decode("A"), Err(ShareError::NotBase64));
    }
}
