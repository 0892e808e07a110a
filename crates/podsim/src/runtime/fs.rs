//! Filesystems: each container instance has its own (from its image, reset on restart);
//! volumes (emptyDir, configMap) are shared by the containers that mount them and outlive
//! container restarts. A `FsView` is one container's view: its files plus its mounts.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fs {
    pub files: BTreeMap<String, String>,
    pub dirs: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsError {
    NotFound,
    IsDir,
    NotDir,
    ReadOnly,
}

/// A mount of a volume into a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    pub volume: String,
    pub path: String,
    pub read_only: bool,
}

/// Normalise `path` against `cwd`: absolute, no `.`/`..`, no trailing slash.
pub fn normalize(cwd: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{}/{path}", cwd.trim_end_matches('/'))
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    }
}

impl Fs {
    pub fn new() -> Self {
        let mut fs = Fs::default();
        for d in [
            "/",
            "/tmp",
            "/etc",
            "/var",
            "/root",
            "/home",
            "/usr",
            "/bin",
            "/dev",
            "/proc",
            "/var/run",
            "/var/run/secrets",
            "/var/run/secrets/kubernetes.io",
        ] {
            fs.dirs.insert(d.to_string());
        }
        fs
    }

    pub fn mkdir_p(&mut self, path: &str) {
        let mut cur = String::new();
        for p in path.split('/').filter(|p| !p.is_empty()) {
            cur.push('/');
            cur.push_str(p);
            self.dirs.insert(cur.clone());
        }
        self.dirs.insert("/".into());
    }

    pub fn put(&mut self, path: &str, content: &str) {
        self.mkdir_p(parent(path));
        self.files.insert(path.to_string(), content.to_string());
    }
}

pub struct FsView<'a> {
    pub local: &'a mut Fs,
    pub volumes: &'a mut BTreeMap<String, Fs>,
    pub mounts: &'a [Mount],
    /// How many writes, removals and mkdirs went through this view (the runtime uses it to
    /// tell whether an exec changed the world).
    pub writes: u32,
    /// Files that came into being or went away through this view, in order (a write to a
    /// file that exists already is no such change): the runtime keeps them as facts, to
    /// explain why a probe that reads a file started failing or passing.
    pub journal: Vec<FileChange>,
}

/// A file created or removed, and by which command when the shell knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The path as the container sees it.
    pub path: String,
    /// Created (true) or removed (false).
    pub created: bool,
    /// The command line that did it (`rm -f /tmp/healthy`), stamped by the shell.
    pub command: Option<Rc<str>>,
}

enum Target<'m> {
    Local(String),
    Volume(&'m Mount, String),
}

impl<'a> FsView<'a> {
    pub fn new(
        local: &'a mut Fs,
        volumes: &'a mut BTreeMap<String, Fs>,
        mounts: &'a [Mount],
    ) -> Self {
        FsView {
            local,
            volumes,
            mounts,
            writes: 0,
            journal: Vec::new(),
        }
    }

    /// Name the command that made the changes recorded since `mark` (those not named yet).
    pub fn stamp(&mut self, mark: usize, command: impl FnOnce() -> String) {
        if self.journal.len() <= mark {
            return;
        }
        let command: Rc<str> = Rc::from(command());
        for c in &mut self.journal[mark..] {
            c.command.get_or_insert_with(|| command.clone());
        }
    }

    fn note(&mut self, path: &str, created: bool) {
        self.journal.push(FileChange {
            path: path.to_string(),
            created,
            command: None,
        });
    }

    fn target<'m>(&self, path: &str, mounts: &'m [Mount]) -> Target<'m> {
        let best = mounts
            .iter()
            .filter(|m| {
                path == m.path || path.starts_with(&format!("{}/", m.path.trim_end_matches('/')))
            })
            .max_by_key(|m| m.path.len());
        match best {
            Some(m) => {
                let rel = path[m.path.trim_end_matches('/').len()..].to_string();
                Target::Volume(m, if rel.is_empty() { "/".into() } else { rel })
            }
            None => Target::Local(path.to_string()),
        }
    }

    fn with<R>(&mut self, path: &str, f: impl FnOnce(&mut Fs, &str, bool) -> R) -> R {
        let mounts = self.mounts;
        match self.target(path, mounts) {
            Target::Local(p) => f(self.local, &p, false),
            Target::Volume(m, rel) => {
                let vol = self.volumes.entry(m.volume.clone()).or_insert_with(|| {
                    let mut v = Fs::default();
                    v.dirs.insert("/".into());
                    v
                });
                f(vol, &rel, m.read_only)
            }
        }
    }

    pub fn read(&mut self, path: &str) -> Result<String, FsError> {
        self.with(path, |fs, p, _| {
            if let Some(c) = fs.files.get(p) {
                Ok(c.clone())
            } else if fs.dirs.contains(p) {
                Err(FsError::IsDir)
            } else {
                Err(FsError::NotFound)
            }
        })
    }

    pub fn exists(&mut self, path: &str) -> bool {
        self.with(path, |fs, p, _| {
            fs.files.contains_key(p) || fs.dirs.contains(p)
        })
    }

    pub fn is_dir(&mut self, path: &str) -> bool {
        let is_mount = self
            .mounts
            .iter()
            .any(|m| m.path.trim_end_matches('/') == path);
        is_mount || self.with(path, |fs, p, _| fs.dirs.contains(p))
    }

    pub fn write(&mut self, path: &str, content: &str, append: bool) -> Result<(), FsError> {
        self.writes += 1;
        let parent_ok = {
            let par = parent(path).to_string();
            self.is_dir(&par)
        };
        self.with(path, |fs, p, ro| {
            if ro {
                return Err(FsError::ReadOnly);
            }
            if fs.dirs.contains(p) {
                return Err(FsError::IsDir);
            }
            if !parent_ok && !fs.dirs.contains(parent(p)) {
                return Err(FsError::NotFound);
            }
            if let Some(entry) = fs.files.get_mut(p) {
                if append {
                    entry.push_str(content);
                } else {
                    *entry = content.to_string();
                }
                return Ok(false);
            }
            fs.files.insert(p.to_string(), content.to_string());
            Ok(true)
        })
        .map(|created| {
            if created {
                self.note(path, true);
            }
        })
    }

    pub fn remove(&mut self, path: &str, recursive: bool) -> Result<(), FsError> {
        self.writes += 1;
        self.with(path, |fs, p, ro| {
            if ro {
                return Err(FsError::ReadOnly);
            }
            if fs.files.remove(p).is_some() {
                return Ok(());
            }
            if fs.dirs.contains(p) {
                if !recursive {
                    return Err(FsError::IsDir);
                }
                let prefix = format!("{}/", p.trim_end_matches('/'));
                fs.files.retain(|k, _| !k.starts_with(&prefix));
                fs.dirs.retain(|k| k != p && !k.starts_with(&prefix));
                return Ok(());
            }
            Err(FsError::NotFound)
        })
        .inspect(|()| self.note(path, false))
    }

    pub fn mkdir(&mut self, path: &str, parents: bool) -> Result<(), FsError> {
        self.writes += 1;
        let parent_exists = {
            let par = parent(path).to_string();
            self.is_dir(&par)
        };
        self.with(path, |fs, p, ro| {
            if ro {
                return Err(FsError::ReadOnly);
            }
            if fs.files.contains_key(p) {
                return Err(FsError::NotDir);
            }
            if !parents && !parent_exists && !fs.dirs.contains(parent(p)) {
                return Err(FsError::NotFound);
            }
            fs.mkdir_p(p);
            Ok(())
        })
    }

    /// Names directly inside a directory (files and directories, mounts included), sorted.
    pub fn list(&mut self, path: &str) -> Result<Vec<String>, FsError> {
        if !self.is_dir(path) {
            return if self.exists(path) {
                Err(FsError::NotDir)
            } else {
                Err(FsError::NotFound)
            };
        }
        let mut names: BTreeSet<String> = self.with(path, |fs, p, _| {
            let prefix = if p == "/" {
                "/".to_string()
            } else {
                format!("{p}/")
            };
            fs.files
                .keys()
                .chain(fs.dirs.iter())
                .filter_map(|k| k.strip_prefix(&prefix))
                .filter(|rest| !rest.is_empty() && !rest.contains('/'))
                .map(str::to_string)
                .collect()
        });
        let prefix = if path == "/" {
            "/".to_string()
        } else {
            format!("{path}/")
        };
        for m in self.mounts {
            if let Some(rest) = m.path.strip_prefix(&prefix) {
                if !rest.is_empty() && !rest.contains('/') {
                    names.insert(rest.to_string());
                }
            }
        }
        Ok(names.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize("/", "tmp/x"), "/tmp/x");
        assert_eq!(normalize("/a/b", "../c"), "/a/c");
        assert_eq!(normalize("/", "/x/./y/"), "/x/y");
    }

    #[test]
    fn volumes_are_shared_and_read_only_is_enforced() {
        let mut a = Fs::new();
        let mut b = Fs::new();
        let mut vols = BTreeMap::new();
        let rw = [Mount {
            volume: "data".into(),
            path: "/opt".into(),
            read_only: false,
        }];
        let ro = [Mount {
            volume: "data".into(),
            path: "/data".into(),
            read_only: true,
        }];
        FsView::new(&mut a, &mut vols, &rw)
            .write("/opt/logs.txt", "x\n", true)
            .unwrap();
        let mut vb = FsView::new(&mut b, &mut vols, &ro);
        assert_eq!(vb.read("/data/logs.txt").unwrap(), "x\n");
        assert_eq!(vb.write("/data/y", "", false), Err(FsError::ReadOnly));
        assert_eq!(vb.read("/opt/logs.txt"), Err(FsError::NotFound));
        assert_eq!(vb.list("/data").unwrap(), ["logs.txt"]);
    }
}
