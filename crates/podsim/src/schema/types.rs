//! Building blocks of the schema: a field has a name, a type, docs in both languages and the
//! values it accepts; an object type is a list of fields with its Go struct name (used in the
//! apiserver's decoding errors); a field new in a version says since when.

use crate::cluster::KubeVersion;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

#[derive(Debug, Clone, Copy)]
pub enum Ty {
    Obj(&'static Obj),
    Arr(&'static Ty),
    /// `map[string]string` (labels, annotations, nodeSelector, data).
    StrMap,
    /// `map[string]Quantity` (limits, requests).
    QuantityMap,
    Str,
    Int32,
    Int64,
    Bool,
    /// A number or a name (`port: 8080` / `port: http`).
    IntOrStr,
    Quantity,
    /// Accepted as is, not checked (e.g. securityContext, status).
    Any,
}

impl Ty {
    /// Go's spelling of the type, as encoding/json prints it in errors.
    pub fn go_name(&self) -> String {
        match self {
            Ty::Obj(o) => format!("v1.{}", o.go),
            Ty::Arr(t) => format!("[]{}", t.go_name()),
            Ty::StrMap => "map[string]string".into(),
            Ty::QuantityMap => "v1.ResourceList".into(),
            Ty::Str => "string".into(),
            Ty::Int32 => "int32".into(),
            Ty::Int64 => "int64".into(),
            Ty::Bool => "bool".into(),
            Ty::IntOrStr => "intstr.IntOrString".into(),
            Ty::Quantity => "resource.Quantity".into(),
            Ty::Any => "interface {}".into(),
        }
    }

    /// A short name for docs: `string`, `integer`, `object`, `[]Container`…
    pub fn doc_name(&self) -> String {
        match self {
            Ty::Obj(o) => o.go.to_string(),
            Ty::Arr(t) => format!("[]{}", t.doc_name()),
            Ty::StrMap => "map[string]string".into(),
            Ty::QuantityMap => "map[string]Quantity".into(),
            Ty::Str => "string".into(),
            Ty::Int32 | Ty::Int64 => "integer".into(),
            Ty::Bool => "boolean".into(),
            Ty::IntOrStr => "integer or string".into(),
            Ty::Quantity => "Quantity".into(),
            Ty::Any => "object".into(),
        }
    }
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub en: &'static str,
    pub ko: &'static str,
    /// The values the field accepts (empty: any of its type).
    pub values: &'static [&'static str],
    /// The first Kubernetes version whose API has the field (None: every version podsim
    /// simulates); an older apiserver refuses it as an unknown field.
    pub since: Option<KubeVersion>,
    /// How the learner may drag the field's number in the editor (see `drag`): None for a
    /// field whose number does not change the run.
    pub drag: Option<Drag>,
}

/// What of a field can be dragged in the editor, and within which range. The ranges stay
/// inside what validation accepts; where validation has no upper bound (most durations), the
/// maximum is where dragging stops, not a limit on what may be typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drag {
    /// The field's own integer.
    Int(Range),
    /// Each quantity of a resource map (`limits`, `requests`): cpu in millicores, memory in
    /// MiB ([`CPU_RANGE`], [`MEMORY_RANGE`]); a request stays at or below its limit.
    Resources,
    /// The seconds of every `sleep N` in the field's command line (a shell script included).
    Sleeps(Range),
}

/// The unit a dragged number is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Seconds,
    /// A count (thresholds).
    Times,
    /// Millicores, written `250m`.
    MilliCpu,
    /// Mebibytes, written `128Mi`.
    MiB,
}

impl Unit {
    /// What follows the digits in the manifest: `m`, `Mi` or nothing.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Seconds | Unit::Times => "",
            Unit::MilliCpu => "m",
            Unit::MiB => "Mi",
        }
    }
}

/// The values a drag moves through: from `min` to `max`, `step` at a time (`big_step` with
/// Shift).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: i64,
    pub max: i64,
    pub step: i64,
    pub big_step: i64,
    pub unit: Unit,
}

impl Range {
    pub const fn seconds(min: i64, max: i64) -> Range {
        Range {
            min,
            max,
            step: 1,
            big_step: 10,
            unit: Unit::Seconds,
        }
    }

    pub const fn times(min: i64, max: i64) -> Range {
        Range {
            min,
            max,
            step: 1,
            big_step: 5,
            unit: Unit::Times,
        }
    }
}

/// A resource map's cpu, in millicores.
pub const CPU_RANGE: Range = Range {
    min: 1,
    max: 16_000,
    step: 10,
    big_step: 100,
    unit: Unit::MilliCpu,
};

/// A resource map's memory, in MiB.
pub const MEMORY_RANGE: Range = Range {
    min: 1,
    max: 65_536,
    step: 4,
    big_step: 64,
    unit: Unit::MiB,
};

impl Field {
    /// The same field, new in version `v`.
    pub const fn since(mut self, v: KubeVersion) -> Field {
        self.since = Some(v);
        self
    }

    /// Whether version `v`'s API has the field.
    pub fn exists_in(&self, v: KubeVersion) -> bool {
        self.since.is_none_or(|s| v >= s)
    }

    /// The same field, draggable in the editor.
    pub const fn dragged(self, drag: Drag) -> Field {
        Field {
            drag: Some(drag),
            ..self
        }
    }

    /// Where the field's documentation is found in a table of `field_docs`: `Obj.field`.
    pub fn doc_key(&self, owner: &Obj) -> String {
        format!("{}.{}", owner.go, self.name)
    }

    /// The documentation in `lang` ("" when built without the `field-docs` feature).
    pub fn doc(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ko => self.ko,
        }
    }
}

#[derive(Debug)]
pub struct Obj {
    /// The Go struct's name (`ContainerPort`).
    pub go: &'static str,
    pub fields: &'static [Field],
}

impl Obj {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The field `name` as version `v`'s API knows it.
    pub fn field_in(&self, name: &str, v: KubeVersion) -> Option<&'static Field> {
        self.field(name).filter(|f| f.exists_in(v))
    }
}

/// A field's documentation as built: the text with the `field-docs` feature, otherwise empty
/// (the text is then not in the binary; `Field::doc_key` names it for a table loaded later).
const fn doc(text: &'static str) -> &'static str {
    if cfg!(feature = "field-docs") {
        text
    } else {
        ""
    }
}

/// A field (the usual case).
pub const fn f(name: &'static str, ty: Ty, en: &'static str, ko: &'static str) -> Field {
    Field {
        name,
        ty,
        en: doc(en),
        ko: doc(ko),
        values: &[],
        since: None,
        drag: None,
    }
}

/// A field with a fixed set of accepted values.
pub const fn fv(
    name: &'static str,
    values: &'static [&'static str],
    en: &'static str,
    ko: &'static str,
) -> Field {
    Field {
        name,
        ty: Ty::Str,
        en: doc(en),
        ko: doc(ko),
        values,
        since: None,
        drag: None,
    }
}
