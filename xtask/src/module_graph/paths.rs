//! The paths a module names, read from its tokens: `crate::…`, `super::…`
//! and `self::…` paths (grouped `use` trees and paths inside macros alike),
//! and what the crate root declares and re-exports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// The module a file is: `kiosk/runner.rs` is `kiosk::runner`,
/// `kiosk/mod.rs` is `kiosk`, `lib.rs` the root.
pub(super) fn module_path(path: &Path) -> Vec<String> {
    let mut parts: Vec<String> = path
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The modules the root declares (`mod x;`), and `i18n`, which it includes.
pub(super) fn declared_modules(tokens: TokenStream) -> BTreeSet<String> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut modules: BTreeSet<String> = tokens
        .windows(3)
        .filter_map(|w| match w {
            [TokenTree::Ident(m), TokenTree::Ident(name), TokenTree::Punct(semi)]
                if m == "mod" && semi.as_char() == ';' =>
            {
                Some(name.to_string())
            }
            _ => None,
        })
        .collect();
    modules.insert("i18n".to_owned());
    modules
}

/// The root's `pub use module::{Item, …};`: which module each item is.
pub(super) fn root_reexports(tokens: TokenStream) -> BTreeMap<String, String> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut items = BTreeMap::new();
    for i in 0..tokens.len() {
        let is_use = matches!(&tokens[i], TokenTree::Ident(u) if u == "use");
        let after_pub = i > 0 && matches!(&tokens[i - 1], TokenTree::Ident(p) if p == "pub");
        if !(is_use && after_pub) {
            continue;
        }
        let (paths, _) = path_tail(&tokens, i + 1);
        for path in paths {
            if let (Some(module), Some(item)) = (path.first(), path.last()) {
                items.insert(item.clone(), module.clone());
            }
        }
    }
    items
}

/// Collects every absolute path named in `stream` (in the module `here`)
/// through `crate::`, `super::` or `self::`, inline `mod x { … }` blocks
/// taken into account.
pub(super) fn walk(stream: TokenStream, here: &[String], found: &mut BTreeSet<Vec<String>>) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            TokenTree::Ident(m) if m == "mod" => {
                if let (Some(TokenTree::Ident(name)), Some(TokenTree::Group(body))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    if body.delimiter() == Delimiter::Brace {
                        let mut inner = here.to_vec();
                        inner.push(name.to_string());
                        walk(body.stream(), &inner, found);
                        i += 3;
                        continue;
                    }
                }
            }
            TokenTree::Ident(start)
                if ["crate", "super", "self"].contains(&start.to_string().as_str())
                    && is_path_sep(&tokens, i + 1)
                    && !(i >= 2 && is_path_sep(&tokens, i - 2)) =>
            {
                let mut base: Vec<String> = here.to_vec();
                let mut at = i;
                if start == "crate" {
                    base.clear();
                    at += 3;
                } else {
                    loop {
                        match &tokens[at] {
                            TokenTree::Ident(s) if s == "super" && is_path_sep(&tokens, at + 1) => {
                                base.pop();
                                at += 3;
                            }
                            TokenTree::Ident(s) if s == "self" && is_path_sep(&tokens, at + 1) => {
                                at += 3;
                            }
                            _ => break,
                        }
                    }
                }
                let (paths, end) = path_tail(&tokens, at);
                for path in paths {
                    found.insert(base.iter().cloned().chain(path).collect());
                }
                i = end.max(i + 1);
                continue;
            }
            TokenTree::Group(group) => walk(group.stream(), here, found),
            _ => {}
        }
        i += 1;
    }
}

/// `::` at `at`.
fn is_path_sep(tokens: &[TokenTree], at: usize) -> bool {
    matches!(
        (tokens.get(at), tokens.get(at + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
    )
}

/// The paths a `use` tree (or a plain path) starting at `at` names, and
/// where it ends: `a::b` is one, `a::{b, c::d, self}` three.
fn path_tail(tokens: &[TokenTree], mut at: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    loop {
        match tokens.get(at) {
            Some(TokenTree::Ident(segment)) => {
                if segment != "self" {
                    prefix.push(segment.to_string());
                }
                if is_path_sep(tokens, at + 1) {
                    at += 3;
                } else {
                    return (vec![prefix], at + 1);
                }
            }
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                let mut paths = Vec::new();
                for piece in inner.split(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                {
                    if piece.is_empty() {
                        continue;
                    }
                    for tail in path_tail(piece, 0).0 {
                        paths.push(prefix.iter().cloned().chain(tail).collect());
                    }
                }
                return (paths, at + 1);
            }
            // `a::*`, `a::<T>`, or nothing more.
            _ => return (vec![prefix], at),
        }
    }
}
