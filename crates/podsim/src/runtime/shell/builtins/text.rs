//! The text applets' workings: `printf`'s format, `sleep`'s durations, `date`'s clock and
//! `test`/`[`'s expressions, worded as busybox words them.

use super::Cx;
use crate::runtime::fs::normalize;
use crate::time::{Millis, HOUR, MINUTE, SECOND};

pub(super) fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
        .replace("\\t", "\t")
        .replace("\\\\", "\\")
}

pub(super) fn printf(fmt: &str, args: &[String]) -> String {
    let fmt = unescape(fmt);
    let mut out = String::new();
    let mut i = 0;
    let chars: Vec<char> = fmt.chars().collect();
    let mut k = 0;
    loop {
        while i < chars.len() {
            if chars[i] == '%' && i + 1 < chars.len() {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_ascii_digit() || "-.".contains(chars[j])) {
                    j += 1;
                }
                match chars.get(j) {
                    Some('%') => out.push('%'),
                    Some('s') | Some('d') | Some('i') | Some('u') | Some('x') | Some('c') => {
                        out.push_str(args.get(k).map(String::as_str).unwrap_or(""));
                        k += 1;
                    }
                    _ => out.push('%'),
                }
                i = j + 1;
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        if k == 0 || k >= args.len() {
            break;
        }
        i = 0;
    }
    out
}

pub(super) fn sleep_ms(a: &str) -> Option<Millis> {
    let (num, unit) = match a.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => (&a[..i], &a[i..]),
        None => (a, ""),
    };
    let v: f64 = num.parse().ok()?;
    if !(0.0..=1e9).contains(&v) {
        return None;
    }
    let mult = match unit {
        "" | "s" => SECOND,
        "m" => MINUTE,
        "h" => HOUR,
        "d" => 24 * HOUR,
        _ => return None,
    } as f64;
    Some((v * mult).round() as Millis)
}

/// busybox `date`: `Tue Nov 24 09:00:05 UTC 2026`.
pub fn date(clock: Millis) -> String {
    let rfc = crate::views::clock::rfc1123z(clock);
    // "Tue, 24 Nov 2026 09:00:05 +0000" → "Tue Nov 24 09:00:05 UTC 2026"
    let parts: Vec<&str> = rfc.split_whitespace().collect();
    match parts.as_slice() {
        [wd, day, mon, year, time, _] => {
            let day: u32 = day.parse().unwrap_or(1);
            format!(
                "{} {mon} {day:2} {time} UTC {year}",
                wd.trim_end_matches(',')
            )
        }
        _ => rfc,
    }
}

pub(super) fn test_expr(a: &[&str], cx: &mut Cx, cwd: &str) -> Result<bool, String> {
    let path = |p: &str| normalize(cwd, p);
    match a {
        [] => Ok(false),
        ["!", rest @ ..] => test_expr(rest, cx, cwd).map(|b| !b),
        [s] => Ok(!s.is_empty()),
        [op, v] => match *op {
            "-n" => Ok(!v.is_empty()),
            "-z" => Ok(v.is_empty()),
            "-e" | "-r" | "-w" | "-x" => Ok(cx.fs.exists(&path(v))),
            "-f" => {
                let p = path(v);
                Ok(cx.fs.exists(&p) && !cx.fs.is_dir(&p))
            }
            "-d" => Ok(cx.fs.is_dir(&path(v))),
            "-s" => Ok(cx.fs.read(&path(v)).is_ok_and(|c| !c.is_empty())),
            _ => Err(format!("{op}: unknown operand")),
        },
        [l, op, r] => {
            let num = |s: &str| {
                s.trim()
                    .parse::<i64>()
                    .map_err(|_| format!("invalid number '{s}'"))
            };
            match *op {
                "=" | "==" => Ok(l == r),
                "!=" => Ok(l != r),
                "-eq" => Ok(num(l)? == num(r)?),
                "-ne" => Ok(num(l)? != num(r)?),
                "-lt" => Ok(num(l)? < num(r)?),
                "-le" => Ok(num(l)? <= num(r)?),
                "-gt" => Ok(num(l)? > num(r)?),
                "-ge" => Ok(num(l)? >= num(r)?),
                _ => Err(format!("{op}: unknown operand")),
            }
        }
        _ => {
            if let Some(i) = a.iter().position(|x| *x == "-a" || *x == "-o") {
                let l = test_expr(&a[..i], cx, cwd)?;
                let r = test_expr(&a[i + 1..], cx, cwd)?;
                return Ok(if a[i] == "-a" { l && r } else { l || r });
            }
            Err("syntax error".into())
        }
    }
}
