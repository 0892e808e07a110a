//! YAML text → a tree of nodes where every node (and every mapping key) knows its source
//! span, multi-document, with bounded input size, nesting and alias expansion. Parsing is
//! done by serde-saphyr (maintained, panic-free, fuzzed); `position` turns byte offsets into
//! line/column and the UTF-16 offsets the editor uses; `tagged` reads and writes enums
//! written with their kind beside their fields.

pub mod node;
pub mod parse;
pub mod position;
pub mod tagged;

pub use node::{Node, Value};
pub use parse::{from_yaml_str, parse_documents, YamlError, MAX_INPUT_BYTES};
pub use position::LineIndex;
