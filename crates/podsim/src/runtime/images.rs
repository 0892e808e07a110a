//! Images: the catalog as data (data/images.yaml plus a scenario's own), image references
//! parsed and normalised the way container runtimes do (`nginx` → `docker.io/library/nginx:latest`),
//! and the registry's answers: the image's size and pull time, not found, or an invalid name.

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// How a program answers SIGTERM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum OnTerm {
    /// Exit with this code.
    Exit(i32),
    /// No handler: as PID 1 it keeps running until SIGKILL.
    Ignore,
}

impl Default for OnTerm {
    fn default() -> Self {
        OnTerm::Exit(143)
    }
}

impl<'de> Deserialize<'de> for OnTerm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            N(i32),
            S(String),
        }
        match Raw::deserialize(d)? {
            Raw::N(n) => Ok(OnTerm::Exit(n)),
            Raw::S(s) if s == "ignore" => Ok(OnTerm::Ignore),
            Raw::S(s) => Err(serde::de::Error::custom(format!(
                "onTerm: expected a number or \"ignore\", got {s:?}"
            ))),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HttpSpec {
    pub port: u16,
    /// A flag that overrides the port (`--http-port 9000`).
    #[serde(default)]
    pub port_flag: Option<String>,
    #[serde(default)]
    pub routes: BTreeMap<String, u16>,
    #[serde(default = "not_found")]
    pub default: u16,
    /// `/healthz` answers 200 for this many seconds after start, then 500.
    #[serde(default)]
    pub healthy_for: Option<u64>,
}

fn not_found() -> u16 {
    404
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PortSpec {
    pub port: u16,
    #[serde(default)]
    pub port_flag: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StressSpec {}

/// What one executable of an image does when run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProgramSpec {
    /// A wrapper (docker-entrypoint.sh) that runs its arguments.
    #[serde(default)]
    pub exec: bool,
    #[serde(default)]
    pub http: Option<HttpSpec>,
    #[serde(default)]
    pub tcp: Option<PortSpec>,
    #[serde(default)]
    pub grpc: Option<PortSpec>,
    #[serde(default)]
    pub stress: Option<StressSpec>,
    /// Exit at once with this code.
    #[serde(default)]
    pub exit: Option<i32>,
    #[serde(default)]
    pub warmup_ms: u64,
    #[serde(default)]
    pub on_term: OnTerm,
    /// Lines the program logs when it starts.
    #[serde(default)]
    pub banner: Vec<String>,
    /// The log line when its port is taken (`{port}` is replaced).
    #[serde(default)]
    pub bind_error: Option<String>,
    /// Behaviours chosen by the first argument (agnhost liveness, netexec…).
    #[serde(default)]
    pub subcommands: BTreeMap<String, ProgramSpec>,
}

/// One image of the catalog.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImageSpec {
    pub repository: String,
    pub tags: Vec<String>,
    #[serde(default)]
    pub size_bytes: u64,
    #[serde(default)]
    pub pull_ms: u64,
    #[serde(default)]
    pub entrypoint: Vec<String>,
    #[serde(default)]
    pub cmd: Vec<String>,
    /// Has /bin/sh (and the busybox commands).
    #[serde(default = "yes")]
    pub shell: bool,
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    #[serde(default)]
    pub programs: BTreeMap<String, ProgramSpec>,
}

fn yes() -> bool {
    true
}

/// What the registry says about an image that exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageInfo {
    /// `docker.io/library/nginx`
    pub repository: String,
    pub tag: String,
    /// `sha256:…`
    pub digest: String,
    pub size_bytes: u64,
    pub pull_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageError {
    /// The reference cannot be parsed (kubelet: InvalidImageName).
    InvalidImageName(String),
    /// The registry has no such image (ErrImagePull), with the runtime's message.
    NotFound(String),
}

/// A parsed image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl ImageRef {
    /// `docker.io/library/nginx:latest`, as containerd names it.
    pub fn canonical(&self) -> String {
        match (&self.tag, &self.digest) {
            (_, Some(d)) => format!("{}@{d}", self.repository),
            (Some(t), None) => format!("{}:{t}", self.repository),
            (None, None) => format!("{}:latest", self.repository),
        }
    }
}

fn valid_component(c: &str) -> bool {
    !c.is_empty()
        && c.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        && c.as_bytes()[0].is_ascii_alphanumeric()
        && c.as_bytes()[c.len() - 1].is_ascii_alphanumeric()
}

/// Parse and normalise a reference; Err carries the kubelet's InvalidImageName message.
pub fn parse_ref(image: &str) -> Result<ImageRef, String> {
    let invalid = |why: &str| {
        format!("Failed to apply default image tag \"{image}\": couldn't parse image name \"{image}\": {why}")
    };
    if image.is_empty()
        || image.len() > 255
        || image.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(invalid("invalid reference format"));
    }
    let (rest, digest) = match image.split_once('@') {
        Some((r, d)) => {
            let hex = d.strip_prefix("sha256:").unwrap_or("");
            if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(invalid("invalid reference format"));
            }
            (r, Some(d.to_string()))
        }
        None => (image, None),
    };
    let last_slash = rest.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (name, tag) = match rest[last_slash..].rfind(':') {
        Some(i) => (&rest[..last_slash + i], Some(&rest[last_slash + i + 1..])),
        None => (rest, None),
    };
    if let Some(t) = tag {
        let ok = !t.is_empty()
            && t.len() <= 128
            && t.as_bytes()[0] != b'.'
            && t.as_bytes()[0] != b'-'
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
        if !ok {
            return Err(invalid("invalid reference format"));
        }
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    let registry = if parts.len() > 1
        && (parts[0].contains('.') || parts[0].contains(':') || parts[0] == "localhost")
    {
        Some(parts.remove(0).to_string())
    } else {
        None
    };
    if parts
        .iter()
        .any(|p| p.chars().any(|c| c.is_ascii_uppercase()))
    {
        return Err(invalid(&format!(
            "invalid reference format: repository name ({}) must be lowercase",
            parts.join("/")
        )));
    }
    if parts.is_empty() || !parts.iter().all(|p| valid_component(p)) {
        return Err(invalid("invalid reference format"));
    }
    let mut path = parts.join("/");
    let registry = registry.unwrap_or_else(|| "docker.io".into());
    if registry == "docker.io" && !path.contains('/') {
        path = format!("library/{path}");
    }
    Ok(ImageRef {
        repository: format!("{registry}/{path}"),
        tag: tag.map(str::to_string),
        digest,
    })
}

const CATALOG: &str = include_str!("../../data/images.yaml");

/// One image of the built-in catalog: its repository and its entry's text, parsed the first
/// time the image is looked up (a pod uses a few of the catalog's images, and parsing YAML is
/// most of a cold start's cost in the browser).
struct Entry {
    repository: &'static str,
    text: &'static str,
    spec: OnceLock<Option<ImageSpec>>,
}

/// The catalog file cut into its top-level list items (`- repository: …` and the lines
/// indented under it), each a YAML list of one image.
fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut starts: Vec<usize> = Vec::new();
        let mut at = 0;
        for line in CATALOG.split_inclusive('\n') {
            if line.starts_with("- ") {
                starts.push(at);
            }
            at += line.len();
        }
        starts.push(CATALOG.len());
        starts
            .windows(2)
            .filter_map(|w| {
                let text = &CATALOG[w[0]..w[1]];
                let repository = text.lines().find_map(|l| {
                    let l = l.strip_prefix("- ").unwrap_or(l).trim_start();
                    l.strip_prefix("repository:")
                        .map(|r| r.trim().trim_matches('"'))
                })?;
                Some(Entry {
                    repository,
                    text,
                    spec: OnceLock::new(),
                })
            })
            .collect()
    })
}

/// The built-in image with this repository, if there is one.
fn builtin(repository: &str) -> Option<&'static ImageSpec> {
    let e = entries().iter().find(|e| e.repository == repository)?;
    e.spec
        .get_or_init(|| {
            crate::yaml::from_yaml_str::<Vec<ImageSpec>>(e.text)
                .ok()
                .and_then(|v| v.into_iter().next())
        })
        .as_ref()
}

/// The whole built-in catalog, every image parsed.
pub fn builtin_catalog() -> Vec<&'static ImageSpec> {
    entries()
        .iter()
        .filter_map(|e| builtin(e.repository))
        .collect()
}

/// A stable fake digest for an image.
pub fn digest_of(repository: &str, tag: &str) -> String {
    let mut s = String::from("sha256:");
    let mut h = crate::ids::fnv(format!("{repository}:{tag}").as_bytes());
    for _ in 0..4 {
        h = h.wrapping_mul(0x100_0000_01b3) ^ 0x9e37_79b9_7f4a_7c15;
        s.push_str(&format!("{h:016x}"));
    }
    s
}

/// Look an image up in the catalogs.
pub fn lookup<'a>(
    extra: &'a [ImageSpec],
    image: &str,
) -> Result<(&'a ImageSpec, ImageInfo), ImageError>
where
    'static: 'a,
{
    let r = parse_ref(image).map_err(ImageError::InvalidImageName)?;
    let canonical = r.canonical();
    let spec = extra
        .iter()
        .find(|s| s.repository == r.repository)
        .or_else(|| builtin(&r.repository));
    let Some(spec) = spec else {
        return Err(ImageError::NotFound(format!(
            "rpc error: code = Unknown desc = failed to pull and unpack image \"{canonical}\": failed to resolve reference \"{canonical}\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
        )));
    };
    let tag = r.tag.clone().unwrap_or_else(|| "latest".into());
    if r.digest.is_none() && !spec.tags.iter().any(|t| t == &tag || t == "*") {
        return Err(ImageError::NotFound(format!(
            "rpc error: code = NotFound desc = failed to pull and unpack image \"{canonical}\": failed to resolve reference \"{canonical}\": {canonical}: not found"
        )));
    }
    let digest = r
        .digest
        .clone()
        .unwrap_or_else(|| digest_of(&spec.repository, &tag));
    Ok((
        spec,
        ImageInfo {
            repository: spec.repository.clone(),
            tag,
            digest,
            size_bytes: spec.size_bytes,
            pull_ms: spec.pull_ms,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_references() {
        assert_eq!(
            parse_ref("nginx").unwrap().canonical(),
            "docker.io/library/nginx:latest"
        );
        assert_eq!(
            parse_ref("nginx:1.27").unwrap().canonical(),
            "docker.io/library/nginx:1.27"
        );
        assert_eq!(
            parse_ref("arisu1000/simple-container-app:latest")
                .unwrap()
                .repository,
            "docker.io/arisu1000/simple-container-app"
        );
        assert_eq!(
            parse_ref("registry.k8s.io/e2e-test-images/agnhost:2.40")
                .unwrap()
                .repository,
            "registry.k8s.io/e2e-test-images/agnhost"
        );
        assert_eq!(
            parse_ref("localhost:5000/app").unwrap().repository,
            "localhost:5000/app"
        );
    }

    #[test]
    fn invalid_names() {
        for bad in ["nginx:", "Nginx", "ng inx", "nginx:-x", "", "a//b"] {
            assert!(parse_ref(bad).is_err(), "{bad:?}");
        }
        assert!(parse_ref("Nginx")
            .unwrap_err()
            .contains("must be lowercase"));
    }

    #[test]
    fn the_catalog_cut_into_entries_is_the_catalog() {
        let whole: Vec<ImageSpec> = crate::yaml::from_yaml_str(CATALOG).expect("catalog");
        let parts: Vec<ImageSpec> = builtin_catalog().into_iter().cloned().collect();
        assert!(whole.len() >= 12);
        assert_eq!(
            parts, whole,
            "every image, in order, as the whole file reads"
        );
        for e in entries() {
            assert_eq!(
                builtin(e.repository).map(|s| s.repository.as_str()),
                Some(e.repository)
            );
        }
    }

    #[test]
    fn catalog_parses_and_answers() {
        let (_, info) = lookup(&[], "busybox:1.36").unwrap();
        assert_eq!(info.repository, "docker.io/library/busybox");
        assert!(info.digest.starts_with("sha256:"));
        match lookup(&[], "nginx:does-not-exist") {
            Err(ImageError::NotFound(m)) => {
                assert!(m.ends_with("docker.io/library/nginx:does-not-exist: not found"))
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(lookup(&[], "ngnix"), Err(ImageError::NotFound(m)) if m.contains("pull access denied"))
        );
        assert!(matches!(
            lookup(&[], "nginx:"),
            Err(ImageError::InvalidImageName(_))
        ));
    }
}
