//! Building blocks of the schema: a field has a name, a type, docs in both languages and the
//! values it accepts; an object type is a list of fields with its Go struct name (used in the
//! apiserver's decoding errors).

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
}

impl Field {
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
}

/// A field (the usual case).
pub const fn f(name: &'static str, ty: Ty, en: &'static str, ko: &'static str) -> Field {
    Field {
        name,
        ty,
        en,
        ko,
        values: &[],
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
        en,
        ko,
        values,
    }
}
