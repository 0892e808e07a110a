//! Stable identifiers the cluster would make up — the pod's UID, container IDs, the
//! `kube-api-access-xxxxx` volume name — derived from the pod's name so every run of the
//! same manifest prints the same text.

/// FNV-1a, 64 bit.
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// A UUID-shaped uid for the pod.
pub fn pod_uid(namespace: &str, name: &str) -> String {
    let a = fnv(format!("{namespace}/{name}").as_bytes());
    let b = fnv(format!("{name}/{namespace}/uid").as_bytes());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// A UUID-shaped uid for any object: the pod's is `pod_uid`; a Service's or ConfigMap's is
/// derived the same way from its kind as well.
pub fn object_uid(kind: &str, namespace: &str, name: &str) -> String {
    match kind {
        "Pod" => pod_uid(namespace, name),
        _ => pod_uid(namespace, &format!("{kind}/{name}")),
    }
}

/// The `metadata.resourceVersion` the apiserver gives the `nth` object created from the
/// manifest: etcd's revision, a decimal string, the same on every run of the same pod.
pub fn resource_version(pod_uid: &str, nth: usize) -> String {
    (100_000 + fnv(pod_uid.as_bytes()) % 800_000 + nth as u64).to_string()
}

/// A 64-hex-digit id (container IDs) from the pod uid and a number.
pub fn hex_id(uid: &str, n: u64) -> String {
    let mut out = String::with_capacity(64);
    let mut h = fnv(uid.as_bytes()) ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for _ in 0..4 {
        h = h.wrapping_mul(0x100_0000_01b3).rotate_left(17) ^ 0xcbf2_9ce4_8422_2325;
        out.push_str(&format!("{h:016x}"));
    }
    out
}

/// The ServiceAccount admission's volume name, `kube-api-access-xxxxx`.
pub fn api_access_volume_name(uid: &str) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    let mut h = fnv(uid.as_bytes());
    let mut s = String::from("kube-api-access-");
    for _ in 0..5 {
        s.push(ALPHABET[(h % ALPHABET.len() as u64) as usize] as char);
        h /= ALPHABET.len() as u64;
    }
    s
}

/// The pod's IP on the node's pod network.
pub fn pod_ip(uid: &str) -> String {
    format!("10.244.0.{}", 2 + fnv(uid.as_bytes()) % 250)
}

/// A Service's cluster IP.
pub fn service_ip(name: &str) -> String {
    let h = fnv(name.as_bytes());
    format!("10.96.{}.{}", h % 200, 10 + (h >> 8) % 240)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_shaped() {
        let a = pod_uid("default", "web");
        assert_eq!(a, pod_uid("default", "web"));
        assert_ne!(a, pod_uid("default", "db"));
        let parts: Vec<_> = a.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
        assert_eq!(hex_id(&a, 1).len(), 64);
        assert_eq!(
            api_access_volume_name(&a).len(),
            "kube-api-access-".len() + 5
        );
    }
}
