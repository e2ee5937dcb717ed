//! Functions a screen long: every `fn` in `src/` and `core/src/` (nested
//! ones and components too), measured from its `fn` to its closing brace.

use std::path::{Path, PathBuf};

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use crate::module_graph::read_sources;

/// The longest a function may be, in lines.
const SCREEN: usize = 80;

/// A function and its length in lines.
#[derive(Debug, PartialEq)]
struct Function {
    file: PathBuf,
    name: String,
    lines: usize,
}

/// Every function in `stream`, nested ones included.
fn functions(stream: TokenStream, file: &Path, found: &mut Vec<Function>) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(keyword) if keyword == "fn" => {
                let Some(TokenTree::Ident(name)) = tokens.get(i + 1) else {
                    continue;
                };
                // The body: the first `{ … }` after the name (a signature
                // holds none).
                let body = tokens[i + 2..]
                    .iter()
                    .take_while(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ';'))
                    .find_map(|t| match t {
                        TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => Some(g),
                        _ => None,
                    });
                if let Some(body) = body {
                    let start = keyword.span().start().line;
                    let end = body.span().end().line;
                    found.push(Function {
                        file: file.to_path_buf(),
                        name: name.to_string(),
                        lines: end + 1 - start,
                    });
                }
            }
            TokenTree::Group(group) => functions(group.stream(), file, found),
            _ => {}
        }
    }
}

/// The functions longer than a screen under `dir`, longest first.
fn longer_than_a_screen(dir: &Path) -> Vec<Function> {
    let mut found = Vec::new();
    for source in read_sources(dir).unwrap() {
        let tokens: TokenStream = source.text.parse().unwrap();
        functions(tokens, &dir.join(&source.path), &mut found);
    }
    found.retain(|f| f.lines > SCREEN);
    found.sort_by_key(|f| std::cmp::Reverse(f.lines));
    found
}

#[test]
fn a_function_is_measured_from_fn_to_its_closing_brace() {
    let text =
        "fn short() {\n}\n\nfn outer() {\n    let f = || {\n        fn inner() {}\n    };\n}\n";
    let mut found = Vec::new();
    functions(text.parse().unwrap(), Path::new("x.rs"), &mut found);
    let lengths: Vec<(&str, usize)> = found.iter().map(|f| (f.name.as_str(), f.lines)).collect();
    assert_eq!(lengths, [("short", 2), ("outer", 5), ("inner", 1)]);
}

/// Lists the functions over a screen in `src/` and `core/src/`
/// (`cargo test -p xtask functions_over_a_screen -- --nocapture`).
#[test]
fn functions_over_a_screen() {
    let root = crate::root();
    let mut long = longer_than_a_screen(&root.join("src"));
    long.extend(longer_than_a_screen(&root.join("core/src")));
    for f in &long {
        let file = f.file.strip_prefix(&root).unwrap_or(&f.file);
        println!("{:>4} lines  {}  {}", f.lines, file.display(), f.name);
    }
    assert!(long.is_empty(), "functions over {SCREEN} lines: {long:#?}");
}
