//! A POSIX-shell subset for container commands: brush-parser parses, `compile` turns the AST
//! into a resumable instruction list, `vm` runs it in virtual time, `expand` expands words,
//! `builtins` holds the commands (busybox's, with busybox's messages).

pub mod builtins;
pub mod compile;
pub mod expand;
pub mod vm;
