//! From brush-parser's AST to a flat instruction list with a program counter, so that a
//! script can stop in the middle (`sleep 30`) and resume later in virtual time. Words are
//! parsed into pieces (literal, quoted, `$VAR`, `$(…)`) once, in `words`, not at every run.

use super::words::{lit, parse_word, redir, simple};
use brush_parser::ast;
use std::rc::Rc;

/// A piece of a word, before expansion.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Unquoted text (subject to field splitting when it came from an expansion).
    Lit(String),
    /// Quoted text: no splitting.
    Quoted(String),
    Param {
        name: String,
        quoted: bool,
        op: ParamOp,
    },
    Subst {
        prog: Rc<Program>,
        quoted: bool,
    },
    Arith(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ParamOp {
    Plain,
    /// `${X:-word}` (`colon`: also when empty)
    Default(Word, bool),
    /// `${X:=word}`
    Assign(Word, bool),
    /// `${X:+word}`
    Alternative(Word, bool),
    /// `${#X}`
    Length,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Word {
    pub pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RedirKind {
    Read,
    Write,
    Append,
    /// `2>&1`: duplicate the target fd.
    Dup(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Redir {
    pub fd: u32,
    pub kind: RedirKind,
    pub target: Word,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SimpleCmd {
    pub assigns: Vec<(String, Word)>,
    pub words: Vec<Word>,
    pub redirs: Vec<Redir>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Run one pipeline stage list (a single command when `len == 1`). `tail`: the last
    /// thing the top-level script does (an `exec` for long-running programs).
    Run {
        stages: Rc<Vec<SimpleCmd>>,
        tail: bool,
    },
    Not,
    Jmp(usize),
    JmpIfFail(usize),
    JmpIfOk(usize),
    ForInit {
        words: Vec<Word>,
        slot: usize,
    },
    ForNext {
        slot: usize,
        var: String,
        end: usize,
    },
    /// Jump to the first arm whose pattern matches, else to `end`.
    Case {
        word: Word,
        arms: Vec<(Vec<Word>, usize)>,
        end: usize,
    },
    DefineFn(String, Rc<Program>),
    /// `cmd &`: start it beside the script.
    Background(Rc<Program>),
    /// `( list )`: run it with a copy of the shell's state.
    Subshell(Rc<Program>),
    /// A compound command's redirections (`{ …; } > f`, `while …; done >> log`): they apply
    /// to what the ops up to `end` write, however they get there.
    Redirect {
        redirs: Vec<Redir>,
        end: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Program {
    pub ops: Vec<Op>,
    pub slots: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError(pub String);

pub(super) fn parser_options() -> brush_parser::ParserOptions {
    brush_parser::ParserOptions {
        sh_mode: true,
        ..Default::default()
    }
}

thread_local! {
    static CACHE: std::cell::RefCell<CompileCache> = std::cell::RefCell::new(CompileCache::new());
}

type CompileCache = std::collections::HashMap<String, Result<Rc<Program>, CompileError>>;

/// `compile`, remembering up to 256 scripts (probes run the same few commands forever; a
/// container restarting in a loop runs the same script, and a script that does not parse
/// need not be parsed again to fail again).
pub fn compile_cached(script: &str) -> Result<Rc<Program>, CompileError> {
    if let Some(p) = CACHE.with(|c| c.borrow().get(script).cloned()) {
        return p;
    }
    let p = compile(script).map(Rc::new);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 256 {
            c.clear();
        }
        c.insert(script.to_string(), p.clone());
    });
    p
}

/// Parse and compile a script.
pub fn compile(script: &str) -> Result<Program, CompileError> {
    if script.len() > 64 * 1024 {
        return Err(CompileError("script too long".into()));
    }
    let options = parser_options();
    let tokens = brush_parser::uncached_tokenize_str(script, &options.tokenizer_options())
        .map_err(|inner| match inner {
            // Expansions in expansions (`$(`, `${`) recurse in the tokenizer, which stops at
            // 64 levels (vendor/brush-parser) instead of overflowing the stack.
            brush_parser::TokenizerError::NestedTooDeeply => CompileError(NESTED_TOO_DEEPLY.into()),
            inner => CompileError(syntax_message(&brush_parser::ParseError::Tokenizing {
                inner,
                position: None,
            })),
        })?;
    // The parser descends once per nested command: hundreds of `(` would overflow the stack
    // (a page's wasm has 1 MB) before the compiler's own depth limit is reached.
    if nesting(&tokens) > MAX_DEPTH {
        return Err(CompileError(NESTED_TOO_DEEPLY.into()));
    }
    let ast = brush_parser::parse_tokens(&tokens, &options)
        .map_err(|e| CompileError(syntax_message(&e)))?;
    let mut c = Compiler::default();
    for cmd in &ast.complete_commands {
        c.list(cmd, 0)?;
    }
    // Mark a final lone command as the script's tail call.
    if let Some(Op::Run { stages, tail }) = c.ops.last_mut() {
        if stages.len() == 1 {
            *tail = true;
        }
    }
    Ok(Program {
        ops: c.ops,
        slots: c.slots,
    })
}

/// How deeply a script's commands nest, from its tokens, at the most: each `(`, `{`, `if`,
/// `while`, `until`, `for`, `select` and `case` opens a level that its `)`, `}`, `fi`, `done`
/// or `esac` closes (a case pattern's `)` closes nothing; a keyword used as a plain word
/// only counts more, never less).
fn nesting(tokens: &[brush_parser::Token]) -> usize {
    use brush_parser::Token;
    let mut open: Vec<&str> = Vec::new();
    let mut most = 0;
    for t in tokens {
        let (opens, closes) = match t {
            Token::Operator(s, _) => match s.as_str() {
                "(" | "((" => (Some("("), None),
                ")" | "))" => (None, Some("(")),
                _ => (None, None),
            },
            Token::Word(s, _) => match s.as_str() {
                "{" => (Some("{"), None),
                "}" => (None, Some("{")),
                "if" => (Some("if"), None),
                "fi" => (None, Some("if")),
                "while" | "until" | "for" | "select" => (Some("loop"), None),
                "done" => (None, Some("loop")),
                "case" => (Some("case"), None),
                "esac" => (None, Some("case")),
                _ => (None, None),
            },
        };
        if let Some(kind) = opens {
            open.push(kind);
            most = most.max(open.len());
        } else if closes.is_some() && open.last().copied() == closes {
            open.pop();
        }
    }
    most
}

/// A parse error in busybox ash's words (ash.c `raise_error_syntax`).
fn syntax_message(e: &brush_parser::ParseError) -> String {
    use brush_parser::{ParseError, TokenizerError};
    let words = match e {
        ParseError::Tokenizing { inner, .. } => match inner {
            TokenizerError::UnterminatedSingleQuote(_)
            | TokenizerError::UnterminatedDoubleQuote(_)
            | TokenizerError::UnterminatedAnsiCQuote(_) => "unterminated quoted string",
            TokenizerError::UnterminatedBackquote(_) => "EOF in backquote substitution",
            TokenizerError::UnterminatedEscapeSequence
            | TokenizerError::UnterminatedExtendedGlob(_)
            | TokenizerError::UnterminatedVariable
            | TokenizerError::UnterminatedCommandSubstitution
            | TokenizerError::UnterminatedExpansion
            | TokenizerError::UnterminatedHereDocuments(..) => "unexpected end of file",
            _ => "unexpected token",
        },
        ParseError::ParsingAtEndOfInput => "unexpected end of file",
        ParseError::ParsingNear(_) => "unexpected token",
    };
    format!("syntax error: {words}")
}

#[derive(Default)]
struct Compiler {
    ops: Vec<Op>,
    slots: usize,
    /// The loops being compiled, outermost first: where `continue` jumps, and the jumps of
    /// `break` waiting for the loop's end.
    loops: Vec<Loop>,
}

struct Loop {
    top: usize,
    breaks: Vec<usize>,
}

const MAX_DEPTH: usize = 64;
/// What `sh` says of a script nested deeper than `MAX_DEPTH`.
const NESTED_TOO_DEEPLY: &str = "nested too deeply";

impl Compiler {
    fn here(&self) -> usize {
        self.ops.len()
    }

    fn patch(&mut self, at: usize, target: usize) {
        match &mut self.ops[at] {
            Op::Jmp(t) | Op::JmpIfFail(t) | Op::JmpIfOk(t) => *t = target,
            Op::ForNext { end, .. } => *end = target,
            Op::Case { end, .. } => *end = target,
            Op::Redirect { end, .. } => *end = target,
            _ => {}
        }
    }

    fn list(&mut self, list: &ast::CompoundList, depth: usize) -> Result<(), CompileError> {
        if depth > MAX_DEPTH {
            return Err(CompileError(NESTED_TOO_DEEPLY.into()));
        }
        for item in &list.0 {
            let ast::CompoundListItem(and_or, sep) = item;
            if matches!(sep, ast::SeparatorOperator::Async) {
                let mut sub = Compiler::default();
                sub.and_or(and_or, depth + 1)?;
                self.ops.push(Op::Background(Rc::new(Program {
                    ops: sub.ops,
                    slots: sub.slots,
                })));
            } else {
                self.and_or(and_or, depth + 1)?;
            }
        }
        Ok(())
    }

    fn and_or(&mut self, l: &ast::AndOrList, depth: usize) -> Result<(), CompileError> {
        self.pipeline(&l.first, depth)?;
        for next in &l.additional {
            let (p, jump) = match next {
                ast::AndOr::And(p) => (p, Op::JmpIfFail(0)),
                ast::AndOr::Or(p) => (p, Op::JmpIfOk(0)),
            };
            let at = self.here();
            self.ops.push(jump);
            self.pipeline(p, depth)?;
            let end = self.here();
            self.patch(at, end);
        }
        Ok(())
    }

    fn pipeline(&mut self, p: &ast::Pipeline, depth: usize) -> Result<(), CompileError> {
        if p.seq.len() == 1 {
            self.command(&p.seq[0], depth)?;
        } else {
            let mut stages = Vec::new();
            for c in &p.seq {
                match c {
                    ast::Command::Simple(s) => stages.push(simple(s)?),
                    // Compound commands inside a pipeline run as a stage of their own.
                    _ => {
                        return Err(CompileError(
                            "sh: only simple commands are supported in pipelines here".into(),
                        ))
                    }
                }
            }
            self.ops.push(Op::Run {
                stages: Rc::new(stages),
                tail: false,
            });
        }
        if p.bang {
            self.ops.push(Op::Not);
        }
        Ok(())
    }

    /// The loop that ends at `end` is compiled: its `break`s jump there.
    fn end_loop(&mut self, end: usize) {
        if let Some(done) = self.loops.pop() {
            for at in done.breaks {
                self.patch(at, end);
            }
        }
    }

    /// `break [n]` and `continue [n]` as jumps out of (or back to the top of) the `n`th
    /// enclosing loop; None when `cmd` is not one of them. Outside a loop they do nothing.
    fn loop_control(&mut self, cmd: &SimpleCmd) -> Option<()> {
        if !cmd.assigns.is_empty() || !cmd.redirs.is_empty() {
            return None;
        }
        let literal = |w: &Word| match w.pieces.as_slice() {
            [Piece::Lit(s)] => Some(s.clone()),
            _ => None,
        };
        let (name, levels) = match cmd.words.as_slice() {
            [name] => (literal(name)?, 1),
            [name, n] => (literal(name)?, literal(n)?.parse::<usize>().ok()?.max(1)),
            _ => return None,
        };
        if name != "break" && name != "continue" {
            return None;
        }
        let Some(target) = self.loops.len().checked_sub(levels.min(self.loops.len())) else {
            return Some(());
        };
        let at = self.here();
        match self.loops.get_mut(target) {
            Some(l) if name == "continue" => {
                let top = l.top;
                self.ops.push(Op::Jmp(top));
            }
            Some(l) => {
                l.breaks.push(at);
                self.ops.push(Op::Jmp(0));
            }
            None => {}
        }
        Some(())
    }

    fn command(&mut self, c: &ast::Command, depth: usize) -> Result<(), CompileError> {
        match c {
            ast::Command::Simple(s) => {
                let cmd = simple(s)?;
                if self.loop_control(&cmd).is_none() {
                    self.ops.push(Op::Run {
                        stages: Rc::new(vec![cmd]),
                        tail: false,
                    });
                }
            }
            ast::Command::Compound(cc, None) => self.compound(cc, depth)?,
            ast::Command::Compound(cc, Some(list)) => {
                // `while …; done >> log`: the redirections hold while the pc is inside.
                let redirs = list.0.iter().map(redir).collect::<Result<Vec<_>, _>>()?;
                let at = self.here();
                self.ops.push(Op::Redirect { redirs, end: 0 });
                self.compound(cc, depth)?;
                let end = self.here();
                self.patch(at, end);
            }
            ast::Command::Function(f) => {
                let mut sub = Compiler::default();
                let ast::FunctionBody(body, _) = &f.body;
                sub.compound(body, depth + 1)?;
                self.ops.push(Op::DefineFn(
                    f.fname.value.clone(),
                    Rc::new(Program {
                        ops: sub.ops,
                        slots: sub.slots,
                    }),
                ));
            }
            ast::Command::ExtendedTest(..) => {
                return Err(CompileError("sh: [[: not found".into()));
            }
        }
        Ok(())
    }

    fn compound(&mut self, cc: &ast::CompoundCommand, depth: usize) -> Result<(), CompileError> {
        match cc {
            ast::CompoundCommand::BraceGroup(b) => self.list(&b.list, depth + 1),
            ast::CompoundCommand::Subshell(s) => {
                let mut sub = Compiler::default();
                sub.list(&s.list, depth + 1)?;
                self.ops.push(Op::Subshell(Rc::new(Program {
                    ops: sub.ops,
                    slots: sub.slots,
                })));
                Ok(())
            }
            ast::CompoundCommand::IfClause(i) => {
                let mut ends = Vec::new();
                self.list(&i.condition, depth + 1)?;
                let mut skip = self.here();
                self.ops.push(Op::JmpIfFail(0));
                self.list(&i.then, depth + 1)?;
                for e in i.elses.iter().flatten() {
                    ends.push(self.here());
                    self.ops.push(Op::Jmp(0));
                    let here = self.here();
                    self.patch(skip, here);
                    match &e.condition {
                        Some(cond) => {
                            self.list(cond, depth + 1)?;
                            skip = self.here();
                            self.ops.push(Op::JmpIfFail(0));
                            self.list(&e.body, depth + 1)?;
                        }
                        None => {
                            self.list(&e.body, depth + 1)?;
                            skip = usize::MAX;
                        }
                    }
                }
                let end = self.here();
                if skip != usize::MAX {
                    self.patch(skip, end);
                }
                for at in ends {
                    self.patch(at, end);
                }
                Ok(())
            }
            ast::CompoundCommand::WhileClause(w) | ast::CompoundCommand::UntilClause(w) => {
                let until = matches!(cc, ast::CompoundCommand::UntilClause(_));
                let ast::WhileOrUntilClauseCommand(cond, body, _) = w;
                let top = self.here();
                self.loops.push(Loop {
                    top,
                    breaks: Vec::new(),
                });
                self.list(cond, depth + 1)?;
                let exit = self.here();
                self.ops.push(if until {
                    Op::JmpIfOk(0)
                } else {
                    Op::JmpIfFail(0)
                });
                self.list(&body.list, depth + 1)?;
                self.ops.push(Op::Jmp(top));
                let end = self.here();
                self.patch(exit, end);
                self.end_loop(end);
                // A loop's own status is 0 when the body never ran.
                Ok(())
            }
            ast::CompoundCommand::ForClause(f) => {
                let slot = self.slots;
                self.slots += 1;
                let words = match &f.values {
                    Some(ws) => ws.iter().map(parse_word).collect::<Result<Vec<_>, _>>()?,
                    None => vec![Word {
                        pieces: vec![Piece::Param {
                            name: "@".into(),
                            quoted: true,
                            op: ParamOp::Plain,
                        }],
                    }],
                };
                self.ops.push(Op::ForInit { words, slot });
                let top = self.here();
                self.ops.push(Op::ForNext {
                    slot,
                    var: f.variable_name.clone(),
                    end: 0,
                });
                self.loops.push(Loop {
                    top,
                    breaks: Vec::new(),
                });
                self.list(&f.body.list, depth + 1)?;
                self.ops.push(Op::Jmp(top));
                let end = self.here();
                self.patch(top, end);
                self.end_loop(end);
                Ok(())
            }
            ast::CompoundCommand::CaseClause(c) => {
                let word = parse_word(&c.value)?;
                let at = self.here();
                self.ops.push(Op::Case {
                    word,
                    arms: Vec::new(),
                    end: 0,
                });
                let mut arms = Vec::new();
                let mut ends = Vec::new();
                for item in &c.cases {
                    let pats = item
                        .patterns
                        .iter()
                        .map(parse_word)
                        .collect::<Result<Vec<_>, _>>()?;
                    arms.push((pats, self.here()));
                    if let Some(cmd) = &item.cmd {
                        self.list(cmd, depth + 1)?;
                    }
                    ends.push(self.here());
                    self.ops.push(Op::Jmp(0));
                }
                let end = self.here();
                for e in ends {
                    self.patch(e, end);
                }
                if let Op::Case {
                    arms: a, end: e, ..
                } = &mut self.ops[at]
                {
                    *a = arms;
                    *e = end;
                }
                Ok(())
            }
            ast::CompoundCommand::Arithmetic(a) => {
                self.ops.push(Op::Run {
                    stages: Rc::new(vec![SimpleCmd {
                        words: vec![
                            lit("__arith"),
                            Word {
                                pieces: vec![Piece::Arith(a.expr.value.clone())],
                            },
                        ],
                        ..Default::default()
                    }]),
                    tail: false,
                });
                Ok(())
            }
            _ => Err(CompileError(
                "sh: this shell construct is not supported here".into(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_the_examples() {
        for s in [
            "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600",
            "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done",
            "while true; do echo \"logging\" >> /opt/logs.txt; sleep 1; done",
            "echo The app is running! && sleep 3600",
            "if [ -f /x ]; then echo a; elif false; then echo b; else echo c; fi",
            "for i in 1 2 3; do echo $i; done",
            "case $X in a|b) echo ab;; *) echo other;; esac",
            "f() { echo hi; }; f",
            "trap 'exit 0' TERM; sleep 3600 & wait",
        ] {
            let p = compile(s).unwrap_or_else(|e| panic!("{s}: {e:?}"));
            assert!(!p.ops.is_empty(), "{s}");
        }
    }

    #[test]
    fn syntax_errors() {
        assert!(compile("if true; then echo").is_err());
        assert!(compile("echo 'unterminated").is_err());
    }

    #[test]
    fn words_keep_quoting() {
        let p = compile("echo \"a $B\" 'c d' e$(echo f)").unwrap();
        let Op::Run { stages, .. } = &p.ops[0] else {
            panic!()
        };
        let w = &stages[0].words;
        assert_eq!(w.len(), 4);
        assert_eq!(w[2].pieces, vec![Piece::Quoted("c d".into())]);
        assert!(matches!(&w[1].pieces[1], Piece::Param { name, quoted: true, .. } if name == "B"));
        assert!(matches!(&w[3].pieces[1], Piece::Subst { .. }));
    }
}
