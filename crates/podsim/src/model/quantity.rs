//! Kubernetes resource quantities (`500m`, `128Mi`, `1.5`, `2e3`): parsing and comparison.
//!
//! The text is kept as written; `milli_value` gives the value in thousandths so cpu
//! (`250m`) and memory (`64Mi`) compare exactly.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity(pub String);

/// Why a quantity does not parse: the apiserver's own wording.
pub const QUANTITY_ERROR: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

impl Quantity {
    /// The value ×1000, rounded up, or None when the text is not a quantity.
    pub fn milli_value(&self) -> Option<i128> {
        parse_milli(self.0.trim())
    }

    /// The value in whole units, rounded up (bytes for memory, cores for cpu).
    pub fn value(&self) -> Option<i128> {
        self.milli_value().map(|m| (m + 999).div_euclid(1000))
    }

    pub fn is_valid(&self) -> bool {
        self.milli_value().is_some()
    }
}

fn parse_milli(s: &str) -> Option<i128> {
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let (sign, rest) = match s.as_bytes()[0] {
        b'+' => (1i128, &s[1..]),
        b'-' => (-1i128, &s[1..]),
        _ => (1i128, s),
    };
    let num_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (num, suffix) = rest.split_at(num_end);
    if num.is_empty() || num.matches('.').count() > 1 || num == "." {
        return None;
    }
    let (int_part, frac_part) = match num.split_once('.') {
        Some((i, f)) => (i, f),
        None => (num, ""),
    };
    // value = mantissa * 10^exp10 * 2^exp2 (before the ×1000 for milli)
    let mut mantissa: i128 = 0;
    for c in int_part.chars().chain(frac_part.chars()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(c.to_digit(10)? as i128)?;
        if mantissa > 10i128.pow(30) {
            return None;
        }
    }
    let mut exp10: i32 = -(frac_part.len() as i32);
    let mut exp2: u32 = 0;
    match suffix {
        "" => {}
        "n" => exp10 -= 9,
        "u" => exp10 -= 6,
        "m" => exp10 -= 3,
        "k" => exp10 += 3,
        "M" => exp10 += 6,
        "G" => exp10 += 9,
        "T" => exp10 += 12,
        "P" => exp10 += 15,
        "E" => exp10 += 18,
        "Ki" => exp2 = 10,
        "Mi" => exp2 = 20,
        "Gi" => exp2 = 30,
        "Ti" => exp2 = 40,
        "Pi" => exp2 = 50,
        "Ei" => exp2 = 60,
        other => {
            let exp = other.strip_prefix(['e', 'E'])?;
            let e: i32 = exp.parse().ok()?;
            if !(-30..=30).contains(&e) {
                return None;
            }
            exp10 += e;
        }
    }
    exp10 += 3; // milli
    let mut v = mantissa.checked_mul(1i128.checked_shl(exp2)?)?;
    if exp10 >= 0 {
        v = v.checked_mul(10i128.checked_pow(exp10 as u32)?)?;
    } else {
        let d = 10i128.checked_pow((-exp10) as u32)?;
        v = (v + d - 1) / d; // round up like the apiserver
    }
    Some(sign * v)
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            S(String),
            I(i64),
            F(f64),
        }
        Ok(Quantity(match Raw::deserialize(d)? {
            Raw::S(s) => s,
            Raw::I(i) => i.to_string(),
            Raw::F(f) => f.to_string(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<i128> {
        Quantity(s.into()).milli_value()
    }

    #[test]
    fn parses_common_forms() {
        assert_eq!(m("250m"), Some(250));
        assert_eq!(m("1"), Some(1000));
        assert_eq!(m("1.5"), Some(1500));
        assert_eq!(m("64Mi"), Some(64 * 1024 * 1024 * 1000));
        assert_eq!(m("1G"), Some(1_000_000_000_000));
        assert_eq!(m("2e3"), Some(2_000_000));
        assert_eq!(m("0.1"), Some(100));
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "abc", "1.2.3", "5 Mi", "Mi", "1Q", "1e999", "."] {
            assert_eq!(m(bad), None, "{bad}");
        }
    }
}
