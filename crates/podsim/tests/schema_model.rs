//! The schema (what the API accepts, with the apiserver's field names) and the typed model
//! (what the engine and the stored-object view read) agree: an object with every schema
//! field set survives decoding into the model and encoding back, field by field. A field
//! the model names differently (`clusterIp` for `clusterIP`) would be dropped silently.

use podsim::model::{ConfigMap, Pod, Service};
use podsim::schema::{self, Obj, Ty};
use serde_json::{json, Map, Value};

/// A value of type `ty`, every field of every object set; objects nest at most `depth` deep.
fn sample(ty: &Ty, values: &[&str], depth: usize) -> Value {
    match ty {
        Ty::Obj(o) => sample_obj(o, depth),
        Ty::Arr(t) => json!([sample(t, values, depth)]),
        Ty::StrMap => json!({"k": "v"}),
        Ty::QuantityMap => json!({"cpu": "1"}),
        Ty::Str => json!(values.first().copied().unwrap_or("x")),
        Ty::Int32 | Ty::Int64 => json!(1),
        Ty::Bool => json!(true),
        Ty::IntOrStr => json!(8080),
        Ty::Quantity => json!("1"),
        Ty::Any => json!({}),
    }
}

fn sample_obj(o: &Obj, depth: usize) -> Value {
    let mut m = Map::new();
    if depth == 0 {
        return Value::Object(m);
    }
    for f in o.fields {
        m.insert(f.name.into(), sample(&f.ty, f.values, depth - 1));
    }
    Value::Object(m)
}

/// Field paths in `want` that `got` lacks.
fn missing(want: &Value, got: &Value, path: &str, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let p = format!("{path}.{k}");
                match g.get(k) {
                    Some(gv) => missing(wv, gv, &p, out),
                    None => out.push(p),
                }
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if let (Some(wv), Some(gv)) = (w.first(), g.first()) {
                missing(wv, gv, &format!("{path}[0]"), out);
            } else if !w.is_empty() {
                out.push(format!("{path}[0]"));
            }
        }
        _ => {}
    }
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(kind: &str) -> Vec<String> {
    let mut want = sample_obj(schema::root(kind).expect("kind"), 8);
    // A written status is ignored on create (the kubelet reports it): not part of the model.
    want.as_object_mut().map(|o| o.remove("status"));
    let typed: T = serde_json::from_value(want.clone())
        .unwrap_or_else(|e| panic!("{kind}: the model does not read the schema's sample: {e}"));
    let got = serde_json::to_value(&typed).expect("encode");
    let mut out = Vec::new();
    missing(&want, &got, kind, &mut out);
    out
}

#[test]
fn every_schema_field_survives_the_model() {
    let mut lost = round_trip::<Pod>("Pod");
    lost.extend(round_trip::<Service>("Service"));
    lost.extend(round_trip::<ConfigMap>("ConfigMap"));
    assert!(
        lost.is_empty(),
        "fields the model drops:\n{}",
        lost.join("\n")
    );
}
