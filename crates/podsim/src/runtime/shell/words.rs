//! From brush-parser's words to the compiled program's: a simple command's words,
//! assignments and redirections, and each word's pieces (literal, quoted, `$VAR` and its
//! operators, `$(…)`, `$((…))`, `~` as ash expands it), converted once at compile time.

use super::compile::{
    compile, parser_options, CompileError, ParamOp, Piece, Redir, RedirKind, SimpleCmd, Word,
};
use brush_parser::ast;
use brush_parser::word::{self, Parameter, ParameterExpr, SpecialParameter, WordPiece};
use std::rc::Rc;

pub(super) fn lit(s: &str) -> Word {
    Word {
        pieces: vec![Piece::Lit(s.into())],
    }
}

pub(super) fn simple(s: &ast::SimpleCommand) -> Result<SimpleCmd, CompileError> {
    let mut out = SimpleCmd::default();
    let mut items: Vec<&ast::CommandPrefixOrSuffixItem> = Vec::new();
    if let Some(p) = &s.prefix {
        items.extend(p.0.iter());
    }
    let name_index = items.len();
    if let Some(suffix) = &s.suffix {
        items.extend(suffix.0.iter());
    }
    let mut words: Vec<Word> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i == name_index {
            if let Some(w) = &s.word_or_name {
                words.push(parse_word(w)?);
            }
        }
        match it {
            ast::CommandPrefixOrSuffixItem::Word(w) => words.push(parse_word(w)?),
            ast::CommandPrefixOrSuffixItem::AssignmentWord(a, w) => {
                if words.is_empty() && i < name_index {
                    if let (ast::AssignmentName::VariableName(n), ast::AssignmentValue::Scalar(v)) =
                        (&a.name, &a.value)
                    {
                        out.assigns.push((n.clone(), parse_word(v)?));
                        continue;
                    }
                }
                words.push(parse_word(w)?);
            }
            ast::CommandPrefixOrSuffixItem::IoRedirect(r) => out.redirs.push(redir(r)?),
            ast::CommandPrefixOrSuffixItem::ProcessSubstitution(..) => {
                return Err(CompileError("sh: syntax error: unexpected \"(\"".into()))
            }
        }
    }
    if items.len() == name_index {
        if let Some(w) = &s.word_or_name {
            words.push(parse_word(w)?);
        }
    }
    out.words = words;
    Ok(out)
}

pub(super) fn redir(r: &ast::IoRedirect) -> Result<Redir, CompileError> {
    match r {
        ast::IoRedirect::File(fd, kind, target) => {
            let default_fd = match kind {
                ast::IoFileRedirectKind::Read | ast::IoFileRedirectKind::DuplicateInput => 0,
                _ => 1,
            };
            let fd = fd.map(|f| f as u32).unwrap_or(default_fd);
            let target_word = match target {
                ast::IoFileRedirectTarget::Filename(w)
                | ast::IoFileRedirectTarget::Duplicate(w) => parse_word(w)?,
                ast::IoFileRedirectTarget::Fd(f) => lit(&f.to_string()),
                ast::IoFileRedirectTarget::ProcessSubstitution(..) => {
                    return Err(CompileError("sh: syntax error: unexpected \"(\"".into()))
                }
            };
            let kind = match kind {
                ast::IoFileRedirectKind::Read => RedirKind::Read,
                ast::IoFileRedirectKind::Append => RedirKind::Append,
                ast::IoFileRedirectKind::DuplicateOutput
                | ast::IoFileRedirectKind::DuplicateInput => {
                    let to = match target {
                        ast::IoFileRedirectTarget::Fd(f) => *f as u32,
                        ast::IoFileRedirectTarget::Duplicate(w) => {
                            w.value.trim().parse().unwrap_or(1)
                        }
                        _ => 1,
                    };
                    RedirKind::Dup(to)
                }
                _ => RedirKind::Write,
            };
            Ok(Redir {
                fd,
                kind,
                target: target_word,
            })
        }
        ast::IoRedirect::OutputAndError(w, append) => Ok(Redir {
            fd: 3, // both: handled as stdout+stderr
            kind: if *append {
                RedirKind::Append
            } else {
                RedirKind::Write
            },
            target: parse_word(w)?,
        }),
        ast::IoRedirect::HereDocument(fd, doc) => Ok(Redir {
            fd: fd.map(|f| f as u32).unwrap_or(0),
            kind: RedirKind::Read,
            target: Word {
                pieces: vec![Piece::Quoted(format!("\u{0}heredoc:{}", doc.doc.value))],
            },
        }),
        ast::IoRedirect::HereString(fd, w) => Ok(Redir {
            fd: fd.map(|f| f as u32).unwrap_or(0),
            kind: RedirKind::Read,
            target: Word {
                pieces: vec![Piece::Quoted(format!("\u{0}heredoc:{}\n", w.value))],
            },
        }),
    }
}

/// Parse a word into pieces.
pub fn parse_word(w: &ast::Word) -> Result<Word, CompileError> {
    let pieces = word::parse(&w.value, &parser_options())
        .map_err(|_| CompileError(format!("sh: syntax error: bad substitution in {}", w.value)))?;
    let mut out = Vec::new();
    for p in pieces {
        convert(p.piece, false, &mut out)?;
    }
    Ok(Word { pieces: out })
}

fn param_name(p: &Parameter) -> String {
    match p {
        Parameter::Positional(n) => n.to_string(),
        Parameter::Special(s) => match s {
            SpecialParameter::AllPositionalParameters { concatenate: true } => "*".into(),
            SpecialParameter::AllPositionalParameters { concatenate: false } => "@".into(),
            SpecialParameter::PositionalParameterCount => "#".into(),
            SpecialParameter::LastExitStatus => "?".into(),
            SpecialParameter::CurrentOptionFlags => "-".into(),
            SpecialParameter::ProcessId => "$".into(),
            SpecialParameter::LastBackgroundProcessId => "!".into(),
            SpecialParameter::ShellName => "0".into(),
        },
        Parameter::Named(n) => n.clone(),
        Parameter::NamedWithIndex { name, .. } | Parameter::NamedWithAllIndices { name, .. } => {
            name.clone()
        }
    }
}

fn word_of(text: &Option<String>) -> Result<Word, CompileError> {
    match text {
        None => Ok(Word::default()),
        Some(t) => parse_word(&ast::Word {
            value: t.clone(),
            loc: None,
        }),
    }
}

fn convert(p: WordPiece, quoted: bool, out: &mut Vec<Piece>) -> Result<(), CompileError> {
    match p {
        WordPiece::Text(t) => out.push(if quoted {
            Piece::Quoted(t)
        } else {
            Piece::Lit(t)
        }),
        WordPiece::SingleQuotedText(t) | WordPiece::AnsiCQuotedText(t) => {
            out.push(Piece::Quoted(t))
        }
        WordPiece::EscapeSequence(s) => {
            let c = s.strip_prefix('\\').unwrap_or(&s).to_string();
            out.push(Piece::Quoted(
                if quoted && !"$`\"\\\n".contains(c.as_str()) {
                    s.clone()
                } else {
                    c
                },
            ));
        }
        WordPiece::DoubleQuotedSequence(inner) | WordPiece::GettextDoubleQuotedSequence(inner) => {
            if inner.is_empty() {
                out.push(Piece::Quoted(String::new()));
            }
            for i in inner {
                convert(i.piece, true, out)?;
            }
        }
        WordPiece::TildeExpansion(t) => out.push(Piece::Lit(tilde(&t))),
        WordPiece::ParameterExpansion(expr) => {
            let (name, op) = match expr {
                ParameterExpr::Parameter { parameter, .. } => {
                    (param_name(&parameter), ParamOp::Plain)
                }
                ParameterExpr::UseDefaultValues {
                    parameter,
                    test_type,
                    default_value,
                    ..
                } => (
                    param_name(&parameter),
                    ParamOp::Default(
                        word_of(&default_value)?,
                        matches!(test_type, word::ParameterTestType::UnsetOrNull),
                    ),
                ),
                ParameterExpr::AssignDefaultValues {
                    parameter,
                    test_type,
                    default_value,
                    ..
                } => (
                    param_name(&parameter),
                    ParamOp::Assign(
                        word_of(&default_value)?,
                        matches!(test_type, word::ParameterTestType::UnsetOrNull),
                    ),
                ),
                ParameterExpr::UseAlternativeValue {
                    parameter,
                    test_type,
                    alternative_value,
                    ..
                } => (
                    param_name(&parameter),
                    ParamOp::Alternative(
                        word_of(&alternative_value)?,
                        matches!(test_type, word::ParameterTestType::UnsetOrNull),
                    ),
                ),
                ParameterExpr::ParameterLength { parameter, .. } => {
                    (param_name(&parameter), ParamOp::Length)
                }
                other => {
                    // Other operators: expand to the plain value.
                    let text = format!("{other:?}");
                    let name = text
                        .split("Named(\"")
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .unwrap_or("")
                        .to_string();
                    (name, ParamOp::Plain)
                }
            };
            out.push(Piece::Param { name, quoted, op });
        }
        WordPiece::CommandSubstitution(s) | WordPiece::BackquotedCommandSubstitution(s) => {
            out.push(Piece::Subst {
                prog: Rc::new(compile(&s)?),
                quoted,
            });
        }
        WordPiece::ArithmeticExpression(e) => out.push(Piece::Arith(e.value)),
    }
    Ok(())
}

/// A tilde prefix as busybox ash expands it: `~` and `~root` are root's home (containers run
/// as root here); ash knows no other user and no directory stack (`~+`, `~-`, `~N`), so
/// those stay as written.
fn tilde(t: &word::TildeExpr) -> String {
    use word::TildeExpr as T;
    match t {
        T::Home => "/root".into(),
        T::UserHome(user) if user == "root" => "/root".into(),
        T::UserHome(user) => format!("~{user}"),
        T::WorkingDir => "~+".into(),
        T::OldWorkingDir => "~-".into(),
        T::NthDirFromTopOfDirStack { n, plus_used } => {
            format!("~{}{n}", if *plus_used { "+" } else { "" })
        }
        T::NthDirFromBottomOfDirStack { n } => format!("~-{n}"),
    }
}
