//! The Kubernetes minor versions podsim simulates, 1.31 to 1.37: a typed value read from
//! `"1.31"`, `v1.31`, `1.31.4` (the patch release is not modelled) or an unquoted YAML
//! number `1.31`, and written back as `"1.31"`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Kubernetes minor version podsim knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KubeVersion {
    V1_31,
    V1_32,
    V1_33,
    V1_34,
    V1_35,
    V1_36,
    V1_37,
}

impl KubeVersion {
    /// Every version podsim simulates, oldest first.
    pub const ALL: [KubeVersion; 7] = [
        KubeVersion::V1_31,
        KubeVersion::V1_32,
        KubeVersion::V1_33,
        KubeVersion::V1_34,
        KubeVersion::V1_35,
        KubeVersion::V1_36,
        KubeVersion::V1_37,
    ];
    /// The newest version podsim knows: the default cluster.
    pub const NEWEST: KubeVersion = KubeVersion::V1_37;
    /// The oldest.
    pub const OLDEST: KubeVersion = KubeVersion::V1_31;

    /// The minor number (31 for 1.31).
    pub fn minor(self) -> u32 {
        31 + self.index() as u32
    }

    /// Position in [`Self::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// `1.31`.
    pub fn as_str(self) -> &'static str {
        match self {
            KubeVersion::V1_31 => "1.31",
            KubeVersion::V1_32 => "1.32",
            KubeVersion::V1_33 => "1.33",
            KubeVersion::V1_34 => "1.34",
            KubeVersion::V1_35 => "1.35",
            KubeVersion::V1_36 => "1.36",
            KubeVersion::V1_37 => "1.37",
        }
    }

    /// The version of minor number `minor`, if podsim simulates it.
    pub fn from_minor(minor: u32) -> Option<Self> {
        minor
            .checked_sub(31)
            .and_then(|i| Self::ALL.get(i as usize).copied())
    }

    /// Read `1.31`, `v1.31` or `1.31.4` (the patch number is accepted and not modelled).
    pub fn parse(text: &str) -> Result<Self, VersionError> {
        let t = text.trim();
        let t = t.strip_prefix('v').unwrap_or(t);
        let mut parts = t.split('.');
        let (major, minor) = (parts.next(), parts.next());
        let patch_ok = match parts.next() {
            None => true,
            Some(p) => !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()),
        };
        let number = |s: Option<&str>| {
            s.filter(|s| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
                .and_then(|s| s.parse::<u32>().ok())
        };
        match (
            number(major),
            number(minor),
            patch_ok && parts.next().is_none(),
        ) {
            (Some(1), Some(m), true) => {
                Self::from_minor(m).ok_or_else(|| VersionError::Unsupported(text.trim().into()))
            }
            _ => Err(VersionError::NotAVersion(text.trim().into())),
        }
    }
}

impl Default for KubeVersion {
    fn default() -> Self {
        KubeVersion::NEWEST
    }
}

impl std::fmt::Display for KubeVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a version could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionError {
    /// Not of the form `1.N`.
    NotAVersion(String),
    /// A Kubernetes version podsim does not simulate.
    Unsupported(String),
}

impl VersionError {
    /// What podlab says, in English and Korean.
    pub fn text(&self) -> crate::text::Text {
        let (oldest, newest) = (KubeVersion::OLDEST, KubeVersion::NEWEST);
        match self {
            VersionError::NotAVersion(t) => crate::text::Text::new(
                format!("{t:?} is not a Kubernetes version: write one like \"1.34\" ({oldest} to {newest})"),
                format!("{t:?}은(는) 쿠버네티스 버전 형식이 아님. \"1.34\"처럼 씀 ({oldest}~{newest})"),
            ),
            VersionError::Unsupported(t) => crate::text::Text::new(
                format!("podsim simulates Kubernetes {oldest} to {newest}, not {t}"),
                format!("podsim이 시뮬레이션하는 쿠버네티스 버전은 {oldest}~{newest}임 ({t}은(는) 지원하지 않음)"),
            ),
        }
    }
}

impl std::fmt::Display for VersionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl Serialize for KubeVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for KubeVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Text(String),
            // `kubernetes: 1.31` unquoted is a YAML number.
            Number(f64),
        }
        let text = match Written::deserialize(d)? {
            Written::Text(t) => t,
            Written::Number(n) => format!("{n:.2}"),
        };
        KubeVersion::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_ways_a_version_is_written() {
        for (text, want) in [
            ("1.31", KubeVersion::V1_31),
            ("v1.34", KubeVersion::V1_34),
            ("1.37.0", KubeVersion::V1_37),
            (" 1.35 ", KubeVersion::V1_35),
        ] {
            assert_eq!(KubeVersion::parse(text), Ok(want), "{text}");
        }
        assert_eq!(
            KubeVersion::parse("1.30"),
            Err(VersionError::Unsupported("1.30".into()))
        );
        assert_eq!(
            KubeVersion::parse("1.38"),
            Err(VersionError::Unsupported("1.38".into()))
        );
        for bad in ["", "1", "latest", "1.x", "2.31", "1.31.", "1.31.0.1"] {
            assert!(
                matches!(KubeVersion::parse(bad), Err(VersionError::NotAVersion(_))),
                "{bad:?}"
            );
        }
        assert_eq!(KubeVersion::V1_33.minor(), 33);
        assert_eq!(KubeVersion::from_minor(36), Some(KubeVersion::V1_36));
        assert_eq!(KubeVersion::default(), KubeVersion::V1_37);
    }

    #[test]
    fn an_unquoted_yaml_number_is_read_too() {
        let v: KubeVersion = serde_json::from_str("1.32").unwrap();
        assert_eq!(v, KubeVersion::V1_32);
        let v: KubeVersion = serde_json::from_str("\"1.36\"").unwrap();
        assert_eq!(v, KubeVersion::V1_36);
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"1.36\"");
        // 1.30 written as a number is 1.3: not a version podsim simulates either way.
        assert!(serde_json::from_str::<KubeVersion>("1.3").is_err());
    }
}
