//! Word expansion: parameters (`$X`, `${X:-default}`, `$?`, `$#`, `$@`), command
//! substitution (run to completion, its output with trailing newlines removed), arithmetic
//! (`$((i + 1))`), then field splitting of unquoted results. No pathname globbing.

use super::compile::{ParamOp, Piece, Word};

/// What expansion needs from the running shell.
pub trait Scope {
    fn var(&self, name: &str) -> Option<String>;
    fn set_var(&mut self, name: &str, value: String);
    fn positional(&self) -> Vec<String>;
    fn status(&self) -> i32;
    /// Run a command substitution and return its standard output.
    fn substitute(&mut self, prog: &std::rc::Rc<super::compile::Program>) -> String;
}

fn special(scope: &dyn Scope, name: &str) -> Option<String> {
    match name {
        "?" => Some(scope.status().to_string()),
        "#" => Some(scope.positional().len().saturating_sub(1).to_string()),
        "$" => Some("1".into()),
        "!" => Some(String::new()),
        "-" => Some(String::new()),
        "*" | "@" => Some(
            scope
                .positional()
                .iter()
                .skip(1)
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        n if n.chars().all(|c| c.is_ascii_digit()) => {
            let i: usize = n.parse().unwrap_or(usize::MAX);
            scope.positional().get(i).cloned().or(Some(String::new()))
        }
        _ => None,
    }
}

fn lookup(scope: &dyn Scope, name: &str) -> Option<String> {
    special(scope, name).or_else(|| scope.var(name))
}

/// Expand to a single string (assignments, redirection targets, case words).
pub fn expand_one(w: &Word, scope: &mut dyn Scope) -> String {
    let fields = expand(w, scope);
    fields.join(" ")
}

/// Expand to fields.
pub fn expand(w: &Word, scope: &mut dyn Scope) -> Vec<String> {
    let mut fields: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut have = false;
    // Unquoted expansion results split into fields at blanks.
    let push_split = |text: &str, cur: &mut String, have: &mut bool, fields: &mut Vec<String>| {
        for (i, part) in text.split([' ', '\t', '\n']).enumerate() {
            if i > 0 && (*have || !cur.is_empty()) {
                fields.push(std::mem::take(cur));
                *have = false;
            }
            if !part.is_empty() {
                cur.push_str(part);
                *have = true;
            }
        }
    };
    for p in &w.pieces {
        match p {
            Piece::Lit(t) => {
                cur.push_str(t);
                have = true;
            }
            Piece::Quoted(t) => {
                cur.push_str(t);
                have = true;
            }
            Piece::Param { name, quoted, op } => {
                let value = param(scope, name, op);
                if *quoted {
                    if name == "@" {
                        // "$@": one field per positional parameter.
                        let pos: Vec<String> = scope.positional().into_iter().skip(1).collect();
                        for (i, a) in pos.iter().enumerate() {
                            if i > 0 {
                                fields.push(std::mem::take(&mut cur));
                            }
                            cur.push_str(a);
                            have = true;
                        }
                        continue;
                    }
                    cur.push_str(&value);
                    have = true;
                } else {
                    push_split(&value, &mut cur, &mut have, &mut fields);
                }
            }
            Piece::Subst { prog, quoted } => {
                let out = scope.substitute(prog);
                let out = out.trim_end_matches('\n').to_string();
                if *quoted {
                    cur.push_str(&out);
                    have = true;
                } else {
                    push_split(&out, &mut cur, &mut have, &mut fields);
                }
            }
            Piece::Arith(e) => {
                let text = expand_arith_text(e, scope);
                cur.push_str(&match arith(&text, scope) {
                    Ok(v) => v.to_string(),
                    Err(_) => "0".into(),
                });
                have = true;
            }
        }
    }
    if have || !cur.is_empty() {
        fields.push(cur);
    }
    fields
}

fn param(scope: &mut dyn Scope, name: &str, op: &ParamOp) -> String {
    let v = lookup(scope, name);
    let empty = v.as_deref().is_none_or(str::is_empty);
    match op {
        ParamOp::Plain => v.unwrap_or_default(),
        ParamOp::Length => v.unwrap_or_default().chars().count().to_string(),
        ParamOp::Default(w, colon) => {
            if v.is_none() || (*colon && empty) {
                expand_one(w, scope)
            } else {
                v.unwrap_or_default()
            }
        }
        ParamOp::Assign(w, colon) => {
            if v.is_none() || (*colon && empty) {
                let d = expand_one(w, scope);
                scope.set_var(name, d.clone());
                d
            } else {
                v.unwrap_or_default()
            }
        }
        ParamOp::Alternative(w, colon) => {
            if v.is_none() || (*colon && empty) {
                String::new()
            } else {
                expand_one(w, scope)
            }
        }
    }
}

/// `$X` inside arithmetic text.
fn expand_arith_text(e: &str, scope: &dyn Scope) -> String {
    let mut out = String::new();
    let mut chars = e.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            let mut name = String::new();
            if chars.peek() == Some(&'{') {
                chars.next();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    name.push(c);
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c.is_alphanumeric() || c == '_' || (name.is_empty() && "?#".contains(c)) {
                        name.push(c);
                        chars.next();
                        if "?#".contains(c) {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            }
            out.push_str(&lookup(scope, &name).unwrap_or_else(|| "0".into()));
        } else {
            out.push(c);
        }
    }
    out
}

/// Integer arithmetic: + - * / % ( ) comparisons, variables by name.
pub fn arith(text: &str, scope: &dyn Scope) -> Result<i64, String> {
    let tokens: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut p = Arith {
        t: &tokens,
        i: 0,
        scope,
        depth: 0,
    };
    let v = p.cmp()?;
    if p.i != tokens.len() {
        return Err("arithmetic syntax error".into());
    }
    Ok(v)
}

struct Arith<'a> {
    t: &'a [char],
    i: usize,
    scope: &'a dyn Scope,
    depth: usize,
}

impl Arith<'_> {
    fn peek(&self) -> Option<char> {
        self.t.get(self.i).copied()
    }
    fn eat2(&mut self, a: char, b: char) -> bool {
        if self.t.get(self.i) == Some(&a) && self.t.get(self.i + 1) == Some(&b) {
            self.i += 2;
            true
        } else {
            false
        }
    }
    fn cmp(&mut self) -> Result<i64, String> {
        let l = self.sum()?;
        let ops = [('<', '='), ('>', '='), ('=', '='), ('!', '=')];
        for (a, b) in ops {
            if self.eat2(a, b) {
                let r = self.sum()?;
                return Ok(i64::from(match (a, b) {
                    ('<', '=') => l <= r,
                    ('>', '=') => l >= r,
                    ('=', '=') => l == r,
                    _ => l != r,
                }));
            }
        }
        match self.peek() {
            Some('<') => {
                self.i += 1;
                Ok(i64::from(l < self.sum()?))
            }
            Some('>') => {
                self.i += 1;
                Ok(i64::from(l > self.sum()?))
            }
            _ => Ok(l),
        }
    }
    fn sum(&mut self) -> Result<i64, String> {
        let mut v = self.prod()?;
        while let Some(c) = self.peek() {
            match c {
                '+' => {
                    self.i += 1;
                    v = v.wrapping_add(self.prod()?);
                }
                '-' => {
                    self.i += 1;
                    v = v.wrapping_sub(self.prod()?);
                }
                _ => break,
            }
        }
        Ok(v)
    }
    fn prod(&mut self) -> Result<i64, String> {
        let mut v = self.atom()?;
        while let Some(c) = self.peek() {
            match c {
                '*' => {
                    self.i += 1;
                    v = v.wrapping_mul(self.atom()?);
                }
                '/' | '%' => {
                    self.i += 1;
                    let d = self.atom()?;
                    if d == 0 {
                        return Err("divide by zero".into());
                    }
                    v = if c == '/' {
                        v.wrapping_div(d)
                    } else {
                        v.wrapping_rem(d)
                    };
                }
                _ => break,
            }
        }
        Ok(v)
    }
    fn atom(&mut self) -> Result<i64, String> {
        self.depth += 1;
        if self.depth > 64 {
            return Err("too deep".into());
        }
        let r = match self.peek() {
            Some('(') => {
                self.i += 1;
                let v = self.cmp()?;
                if self.peek() != Some(')') {
                    return Err("missing )".into());
                }
                self.i += 1;
                Ok(v)
            }
            Some('-') => {
                self.i += 1;
                Ok(self.atom()?.wrapping_neg())
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.i;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.i += 1;
                }
                let s: String = self.t[start..self.i].iter().collect();
                s.parse().map_err(|_| "number too large".to_string())
            }
            Some(c) if c.is_alphabetic() || c == '_' => {
                let start = self.i;
                while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    self.i += 1;
                }
                let name: String = self.t[start..self.i].iter().collect();
                Ok(self
                    .scope
                    .var(&name)
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0))
            }
            _ => Err("arithmetic syntax error".into()),
        };
        self.depth -= 1;
        r
    }
}
