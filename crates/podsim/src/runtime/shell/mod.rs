//! A POSIX-shell subset for container commands: brush-parser parses, `compile` turns the AST
//! into a resumable instruction list (`words` converts its words), `vm` runs it in virtual
//! time, `special` holds the shell's own commands (`cd`, `trap`, `eval`, functions…),
//! `expand` expands words, `builtins` holds the other commands (busybox's, with busybox's
//! messages).

pub mod builtins;
pub mod compile;
pub mod expand;
mod special;
pub mod vm;
mod words;
