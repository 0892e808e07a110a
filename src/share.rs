//! Share links: the manifest and the scenario's faults travel in the URL fragment
//! (`#/share/<base64url of JSON>`), so nothing is sent to any server. The decoder refuses
//! oversized or malformed fragments.

use podsim::sim::scenario::ScenarioEvent;
use serde::{Deserialize, Serialize};

/// The longest fragment payload accepted (characters of base64url).
pub const MAX_PAYLOAD: usize = 96 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    pub v: u32,
    pub manifest: String,
    #[serde(default)]
    pub events: Vec<ScenarioEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    TooLarge,
    NotBase64,
    NotUtf8,
    NotAShare,
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

pub fn encode(shared: &Shared) -> String {
    let json = serde_json::to_string(shared).unwrap_or_default();
    base64url_encode(json.as_bytes())
}

pub fn decode(payload: &str) -> Result<Shared, ShareError> {
    if payload.len() > MAX_PAYLOAD {
        return Err(ShareError::TooLarge);
    }
    let bytes = base64url_decode(payload).ok_or(ShareError::NotBase64)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotUtf8)?;
    let shared: Shared = serde_json::from_str(&text).map_err(|_| ShareError::NotAShare)?;
    if shared.v != 1 || shared.events.len() > 200 {
        return Err(ShareError::NotAShare);
    }
    Ok(shared)
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

    #[test]
    fn share_round_trips() {
        let s = Shared {
            v: 1,
            manifest: "apiVersion: v1\nkind: Pod\n".into(),
            events: vec![],
        };
        assert_eq!(decode(&encode(&s)), Ok(s));
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
