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

/// `test` / `[`: `-o` binds loosest, then `-a`, then `!` (POSIX's XSI operators); each is a
/// loop rather than a recursion, so thousands of them cannot overflow the stack.
pub(super) fn test_expr(a: &[&str], cx: &mut Cx, cwd: &str) -> Result<bool, String> {
    let logical = |x: &&str| *x == "-a" || *x == "-o";
    let combined = match a {
        // Three arguments with a binary operator in the middle compare (`[ "$x" = -o ]`).
        [_, op, _] => logical(op),
        _ => a.len() >= 4 && a.iter().any(logical),
    };
    if !combined {
        return test_term(a, cx, cwd);
    }
    let mut any = false;
    for alternative in a.split(|x| *x == "-o") {
        let mut all = true;
        for term in alternative.split(|x| *x == "-a") {
            all &= test_term(term, cx, cwd)?;
        }
        any |= all;
    }
    Ok(any)
}

/// One term of a `test` expression: its leading `!`s, then a string, a unary or a binary test.
fn test_term(a: &[&str], cx: &mut Cx, cwd: &str) -> Result<bool, String> {
    let nots = a.iter().take_while(|x| **x == "!").count();
    let negate = nots % 2 == 1;
    let path = |p: &str| normalize(cwd, p);
    let value = match &a[nots..] {
        [] => false,
        [s] => !s.is_empty(),
        [op, v] => match *op {
            "-n" => !v.is_empty(),
            "-z" => v.is_empty(),
            "-e" | "-r" | "-w" | "-x" => cx.fs.exists(&path(v)),
            "-f" => {
                let p = path(v);
                cx.fs.exists(&p) && !cx.fs.is_dir(&p)
            }
            "-d" => cx.fs.is_dir(&path(v)),
            "-s" => cx.fs.read(&path(v)).is_ok_and(|c| !c.is_empty()),
            _ => return Err(format!("{op}: unknown operand")),
        },
        [l, op, r] => {
            let num = |s: &str| {
                s.trim()
                    .parse::<i64>()
                    .map_err(|_| format!("invalid number '{s}'"))
            };
            match *op {
                "=" | "==" => l == r,
                "!=" => l != r,
                "-eq" => num(l)? == num(r)?,
                "-ne" => num(l)? != num(r)?,
                "-lt" => num(l)? < num(r)?,
                "-le" => num(l)? <= num(r)?,
                "-gt" => num(l)? > num(r)?,
                "-ge" => num(l)? >= num(r)?,
                _ => return Err(format!("{op}: unknown operand")),
            }
        }
        _ => return Err("syntax error".into()),
    };
    Ok(value != negate)
}
