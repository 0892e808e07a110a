//! A POSIX-shell subset for container commands: brush-parser parses, `compile` turns the AST
//! into a resumable instruction list (`words` converts its words), `vm` runs it in virtual
//! time, `special` holds the shell's own commands (`cd`, `trap`, `eval`, functions…),
//! `redirect` where output goes, `expand` expands words, and `builtins` holds the other
//! commands (busybox's, with busybox's messages).

pub mod builtins;
pub mod compile;
pub mod expand;
mod redirect;
mod special;
pub mod vm;
mod words;
