//! Which way the app's modules depend on each other, checked.
//!
//! The top-level modules of `src/` are of three kinds: feature folders
//! (each directory: `article/`, `map/`, `print/`, `shell/`, `kiosk/`,
//! `pages/`), the split points (`parts.rs`), and leaf modules (every other
//! file: `state.rs`, `language.rs`, `text.rs`, `kiosk_mode.rs`… and the
//! generated `i18n`). The crate root (`lib.rs`) and `prerender.rs` put the
//! app together and may name anything.
//!
//! Two rules, read from every `crate::…` and `super::…` path in `src/`
//! (grouped `use crate::{a, b::c}` trees, paths in expressions and inside
//! macros such as `view!` alike):
//!
//! - no cycle: no module reaches itself through the modules it names (a
//!   feature folder that names another never gets named back, directly or
//!   through others, and nothing names the crate root's own items);
//! - leaf modules name no feature folder and no split point.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

mod paths;

use paths::{declared_modules, module_path, root_reexports, walk};

/// The crate root's own items (`App`…), as a node of the graph.
const ROOT: &str = "lib";
/// Modules that put the app together: they may name any module.
const ASSEMBLY: &[&str] = &[ROOT, "prerender"];
/// The split points: named by the pages that download a part, and naming
/// the features each part holds.
const SPLIT_POINTS: &str = "parts";

/// One module's source: its path under `src/` and its text.
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

/// What a top-level module is, for the rules above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Feature,
    SplitPoints,
    Leaf,
    Assembly,
}

/// The top-level modules and which of them each one names, with the first
/// file that names it (for messages).
pub struct Graph {
    kinds: BTreeMap<String, Kind>,
    edges: BTreeMap<String, BTreeMap<String, PathBuf>>,
}

impl Graph {
    /// The graph of `sources` (paths relative to `src/`, `lib.rs` among them).
    pub fn of(sources: &[Source]) -> Result<Graph, String> {
        let root = sources
            .iter()
            .find(|s| s.path == Path::new("lib.rs"))
            .ok_or("no lib.rs among the sources")?;
        let root_tokens = parse(root)?;
        let modules = declared_modules(root_tokens.clone());
        let reexports = root_reexports(root_tokens);
        let mut kinds: BTreeMap<String, Kind> = BTreeMap::new();
        kinds.insert(ROOT.to_owned(), Kind::Assembly);
        for module in &modules {
            let is_folder = sources
                .iter()
                .any(|s| s.path.starts_with(module) && s.path.components().count() > 1);
            let kind = if ASSEMBLY.contains(&module.as_str()) {
                Kind::Assembly
            } else if module == SPLIT_POINTS {
                Kind::SplitPoints
            } else if is_folder {
                Kind::Feature
            } else {
                Kind::Leaf
            };
            kinds.insert(module.clone(), kind);
        }
        let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
        // The root puts every module together.
        let all: BTreeMap<String, PathBuf> = modules
            .iter()
            .map(|m| (m.clone(), root.path.clone()))
            .collect();
        edges.insert(ROOT.to_owned(), all);
        for source in sources {
            let here = module_path(&source.path);
            let Some(top) = here.first() else {
                continue; // lib.rs: above.
            };
            let mut paths = BTreeSet::new();
            walk(parse(source)?, &here, &mut paths);
            for path in paths {
                let Some(first) = path.first() else { continue };
                let target = if modules.contains(first) {
                    first.clone()
                } else if let Some(module) = reexports.get(first) {
                    module.clone()
                } else {
                    ROOT.to_owned()
                };
                if &target != top {
                    edges
                        .entry(top.clone())
                        .or_default()
                        .entry(target)
                        .or_insert_with(|| source.path.clone());
                }
            }
        }
        Ok(Graph { kinds, edges })
    }

    /// Every cycle, one per group of modules that reach each other, each
    /// written `a → b (src/a/x.rs) → a (src/b.rs)`.
    pub fn cycles(&self) -> Vec<String> {
        let mut reported: BTreeSet<String> = BTreeSet::new();
        let mut cycles = Vec::new();
        for start in self.kinds.keys() {
            if reported.contains(start) {
                continue;
            }
            if let Some(cycle) = self.path_back(start) {
                reported.extend(cycle.iter().cloned());
                cycles.push(self.describe(&cycle));
            }
        }
        cycles
    }

    /// Each leaf module that names a feature folder or the split points:
    /// `state → map (src/state.rs)`.
    pub fn leaves_naming_features(&self) -> Vec<String> {
        let mut found = Vec::new();
        for (from, targets) in &self.edges {
            if self.kinds.get(from) != Some(&Kind::Leaf) {
                continue;
            }
            for (to, file) in targets {
                if matches!(self.kinds.get(to), Some(Kind::Feature | Kind::SplitPoints)) {
                    found.push(format!("{from} → {to} (src/{})", file.display()));
                }
            }
        }
        found
    }

    /// The modules `from` names.
    pub fn named_by(&self, from: &str) -> Vec<&str> {
        self.edges
            .get(from)
            .map(|t| t.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// A shortest way from `start` back to itself (breadth first), as the
    /// modules passed, `start` first.
    fn path_back(&self, start: &str) -> Option<Vec<String>> {
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for next in self.named_by(node) {
                if next == start {
                    let mut cycle = vec![node.to_owned()];
                    let mut at = node;
                    while at != start {
                        at = came_from[at];
                        cycle.push(at.to_owned());
                    }
                    cycle.reverse();
                    return Some(cycle);
                }
                if !came_from.contains_key(next) {
                    came_from.insert(next, node);
                    queue.push_back(next);
                }
            }
        }
        None
    }

    fn describe(&self, cycle: &[String]) -> String {
        let mut text = cycle[0].clone();
        for (i, from) in cycle.iter().enumerate() {
            let to = &cycle[(i + 1) % cycle.len()];
            let file = &self.edges[from][to];
            text.push_str(&format!(" → {to} (src/{})", file.display()));
        }
        text
    }
}

/// Every `.rs` file under `dir`, with its path relative to `dir`, except
/// `main.rs` (the binary: its `crate` is another crate).
pub fn read_sources(dir: &Path) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(dir).map_err(|e| e.to_string())?;
                if relative == Path::new("main.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                sources.push(Source {
                    path: relative.to_path_buf(),
                    text,
                });
            }
        }
    }
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(sources)
}

fn parse(source: &Source) -> Result<TokenStream, String> {
    source
        .text
        .parse()
        .map_err(|e| format!("src/{}: {e:?}", source.path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(files: &[(&str, &str)]) -> Vec<Source> {
        files
            .iter()
            .map(|(path, text)| Source {
                path: PathBuf::from(path),
                text: (*text).to_owned(),
            })
            .collect()
    }

    const ROOT_RS: &str = "pub mod kiosk; pub mod kiosk_mode; pub mod map; pub mod parts; \
        pub mod shell; pub mod state; pub use state::{CitiesData, ColumnData}; pub fn App() {}";

    fn graph(files: &[(&str, &str)]) -> Graph {
        let mut all = vec![("lib.rs", ROOT_RS)];
        all.extend_from_slice(files);
        Graph::of(&sources(&all)).unwrap()
    }

    #[test]
    fn the_app_has_no_cycle_and_its_leaves_name_no_feature() {
        let src = crate::root().join("src");
        let graph = Graph::of(&read_sources(&src).unwrap()).unwrap();
        assert_eq!(graph.cycles(), Vec::<String>::new(), "modules in a cycle");
        assert_eq!(
            graph.leaves_naming_features(),
            Vec::<String>::new(),
            "leaf modules naming a feature folder or the split points"
        );
        // The graph is read at all: the split points name what they hold.
        assert!(graph.named_by("parts").contains(&"print"));
    }

    #[test]
    fn a_cycle_through_other_modules_is_named_with_its_files() {
        let graph = graph(&[
            ("map/partner_map.rs", "fn f() { crate::kiosk::is_kiosk(); }"),
            ("kiosk/mod.rs", "use crate::parts;"),
            ("parts.rs", "use crate::map::partners_view::PartnersView;"),
            ("shell/mod.rs", ""),
            ("state.rs", ""),
            ("kiosk_mode.rs", ""),
        ]);
        assert_eq!(
            graph.cycles(),
            ["kiosk → parts (src/kiosk/mod.rs) → map (src/parts.rs) → kiosk (src/map/partner_map.rs)"]
        );
    }

    #[test]
    fn grouped_uses_and_paths_inside_macros_are_read() {
        let graph = graph(&[
            (
                "map/partners_view.rs",
                "use crate::{kiosk_mode::KioskAttract, shell::data_notice::{self, DataNotices}};
                 fn v() { view! { <p disabled=crate::state::ahead_of_time()/> } }",
            ),
            ("shell/mod.rs", "use crate::{map};"),
        ]);
        assert_eq!(graph.named_by("map"), ["kiosk_mode", "shell", "state"]);
        assert_eq!(
            graph.cycles(),
            ["map → shell (src/map/partners_view.rs) → map (src/shell/mod.rs)"]
        );
    }

    #[test]
    fn super_counts_only_when_it_leaves_the_folder() {
        let graph = graph(&[
            (
                "kiosk/mod.rs",
                "use super::parts::run_kiosk; mod tests { use super::*; }",
            ),
            (
                "kiosk/runner.rs",
                "use super::Kiosk; use super::super::state::Today;",
            ),
            ("map/mod.rs", "pub use self::markers::Marker;"),
        ]);
        assert_eq!(graph.named_by("kiosk"), ["parts", "state"]);
        assert_eq!(graph.named_by("map"), Vec::<&str>::new());
    }

    #[test]
    fn the_roots_items_are_the_root_unless_it_reexports_them() {
        let graph = graph(&[
            ("kiosk/runner.rs", "use crate::CitiesData;"),
            ("shell/mod.rs", "fn f() { crate::App(); }"),
        ]);
        assert_eq!(graph.named_by("kiosk"), ["state"]);
        assert_eq!(
            graph.cycles(),
            ["lib → shell (src/lib.rs) → lib (src/shell/mod.rs)"]
        );
    }

    #[test]
    fn a_leaf_naming_a_feature_or_the_split_points_is_named() {
        let graph = graph(&[
            (
                "kiosk_mode.rs",
                "use crate::kiosk::Runner; use crate::parts::PartMissing;",
            ),
            ("state.rs", "use crate::kiosk_mode::Kiosk;"),
            ("kiosk/mod.rs", ""),
        ]);
        assert_eq!(
            graph.leaves_naming_features(),
            [
                "kiosk_mode → kiosk (src/kiosk_mode.rs)",
                "kiosk_mode → parts (src/kiosk_mode.rs)"
            ]
        );
    }
}
