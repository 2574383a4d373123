//! The shape of the code, checked on every test run so it cannot drift:
//! modules depend on each other without cycles, the layers point down
//! (nothing imports the UI, the model imports nothing of ours), and no
//! source file grows past what a newcomer can find their way in.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module, as its path from the crate root (`["ui", "canvas"]`).
type Module = Vec<String>;

/// Every library source file (the binary under `src/bin` is its own crate)
/// with its module.
fn library_files() -> Vec<(PathBuf, Module)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut folders = vec![src.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                if path != src.join("bin") {
                    folders.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).expect("under src");
            let mut module: Module = relative
                .iter()
                .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                module.pop();
            }
            // Unit tests in files of their own reach anywhere in their
            // module, as those inside a file do (see `code_of`).
            if module.iter().any(|m| m == "tests") {
                continue;
            }
            files.push((path, module));
        }
    }
    files.sort();
    files
}

/// The code of a file without comments, string contents and its unit
/// tests (which may reach anywhere in their module).
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut code = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or_default();
        let mut in_string = false;
        for c in line.chars() {
            if c == '"' {
                in_string = !in_string;
            } else if !in_string {
                code.push(c);
            }
        }
        code.push('\n');
    }
    code
}

/// The code with every grouped import spelled out, one path per `use`:
/// `use super::{a, b::{c, self}};` becomes `use super::a;`, `use
/// super::b::c;` and `use super::b;`.
fn flatten_uses(code: &str) -> String {
    let mut flat = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = find_use(rest) {
        let (before, from_use) = rest.split_at(at);
        flat.push_str(before);
        let Some(end) = from_use.find(';') else {
            rest = from_use;
            break;
        };
        let tree = &from_use["use ".len()..end];
        for path in expand_tree(tree) {
            flat.push_str("use ");
            flat.push_str(&path);
            flat.push_str(";\n");
        }
        rest = &from_use[end + 1..];
    }
    flat.push_str(rest);
    flat
}

/// Where the next `use` statement starts (at its `use` keyword).
fn find_use(code: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = code[from..].find("use ") {
        let at = from + i;
        let starts_word = code[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if starts_word {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// The paths of one use tree (`a::{b, c::{d, self}}`), aliases dropped.
fn expand_tree(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        let path = path.strip_suffix("::self").unwrap_or(path);
        return vec![path.to_owned()];
    };
    let head = tree[..open].trim_end_matches("::").trim();
    let inner = tree[open + 1..]
        .trim_end()
        .strip_suffix('}')
        .unwrap_or(&tree[open + 1..]);
    // The parts at the top level of the braces.
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .flat_map(expand_tree)
        .map(|path| {
            if path == "self" {
                head.to_owned()
            } else if head.is_empty() {
                path
            } else {
                format!("{head}::{path}")
            }
        })
        .collect()
}

/// The modules a file's code names: `crate::…`, `super::…`, `self::…`,
/// and its own child modules, grouped imports included.
fn references(code: &str, module: &Module, modules: &BTreeSet<Module>) -> BTreeSet<Module> {
    let code = &flatten_uses(code);
    let children: BTreeSet<&str> = code
        .lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("pub ").unwrap_or(l.trim());
            let l = l.strip_prefix("pub(crate) ").unwrap_or(l);
            l.strip_prefix("mod ")?.strip_suffix(';')
        })
        .collect();
    let mut found = BTreeSet::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        // An identifier path starting here: a::b::c.
        let starts = (bytes[i].is_alphabetic() || bytes[i] == '_')
            && (i == 0
                || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_' || bytes[i - 1] == ':'));
        if !starts {
            i += 1;
            continue;
        }
        let mut parts = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < bytes.len() && (bytes[j].is_alphanumeric() || bytes[j] == '_') {
                j += 1;
            }
            parts.push(bytes[start..j].iter().collect::<String>());
            if j + 2 < bytes.len()
                && bytes[j] == ':'
                && bytes[j + 1] == ':'
                && (bytes[j + 2].is_alphabetic() || bytes[j + 2] == '_')
            {
                j += 2;
            } else {
                break;
            }
        }
        i = j.max(i + 1);
        if parts.len() < 2 {
            continue;
        }
        // Where the path starts from.
        let mut base: Module = match parts[0].as_str() {
            "crate" => Vec::new(),
            "self" => module.clone(),
            "super" => {
                let mut parent = module.clone();
                parent.pop();
                parent
            }
            child if children.contains(child) => {
                let mut path = module.clone();
                path.push(child.to_owned());
                path
            }
            _ => continue,
        };
        let mut rest = &parts[1..];
        while rest.first().is_some_and(|p| p == "super") {
            base.pop();
            rest = &rest[1..];
        }
        // The deepest module the path names.
        let mut target = base.clone();
        let mut deepest = base;
        for part in rest {
            target.push(part.clone());
            if modules.contains(&target) {
                deepest.clone_from(&target);
            } else {
                break;
            }
        }
        found.insert(deepest);
    }
    found
}

/// The module graph: who names whom.
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let files = library_files();
    let modules: BTreeSet<Module> = files.iter().map(|(_, m)| m.clone()).collect();
    files
        .iter()
        .map(|(path, module)| {
            let text = std::fs::read_to_string(path).expect("readable");
            let refs = references(&code_of(&text), module, &modules);
            (module.clone(), refs)
        })
        .collect()
}

#[test]
fn grouped_imports_count_as_the_modules_they_name() {
    let module: Module = vec!["ui".into(), "app".into()];
    let modules: BTreeSet<Module> = [
        vec!["ui"],
        vec!["ui", "app"],
        vec!["ui", "canvas"],
        vec!["ui", "canvas", "paint"],
        vec!["model"],
        vec!["model", "nav"],
        vec!["draw"],
        vec!["draw", "style"],
    ]
    .into_iter()
    .map(|m| m.into_iter().map(str::to_owned).collect())
    .collect();
    let code = "use super::{canvas::{self, paint::Painted}, Other};\n\
                pub(crate) use crate::{\n    model::{nav::Direction as D, Map},\n    draw,\n};\n\
                fn f() { let _ = crate::draw::style::X; }\n";
    let found: BTreeSet<String> = references(code, &module, &modules)
        .into_iter()
        .map(|m| m.join("::"))
        .collect();
    let expected: BTreeSet<String> = [
        "ui::canvas",
        "ui::canvas::paint",
        "ui",
        "model::nav",
        "model",
        "draw",
        "draw::style",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn no_two_modules_depend_on_each_other_even_through_others() {
    // Each dependency between two modules counts between the siblings
    // that hold them (ui::canvas::cards → ui::app::files counts as
    // canvas → app within ui); a module and its own parts are one thing.
    let mut siblings: BTreeMap<(Module, String), BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in graph() {
        for to in targets {
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            let (Some(a), Some(b)) = (from.get(common), to.get(common)) else {
                continue;
            };
            siblings
                .entry((from[..common].to_vec(), a.clone()))
                .or_default()
                .insert(b.clone());
        }
    }
    // Depth-first search for a way back to where it started.
    let mut cycles = Vec::new();
    for (parent, start) in siblings.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            let next = siblings
                .get(&(parent.clone(), at.clone()))
                .cloned()
                .unwrap_or_default();
            for n in next {
                if n == *start {
                    cycles.push(format!("{}: {} → {n}", parent.join("::"), path.join(" → ")));
                } else if seen.insert(n.clone()) {
                    let mut longer = path.clone();
                    longer.push(n.clone());
                    stack.push((n, longer));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn layers_point_down() {
    for (module, targets) in graph() {
        let first = module.first().map(String::as_str);
        for target in &targets {
            let to = target.first().map(String::as_str);
            // Nothing outside the UI depends on it.
            assert!(
                first == Some("ui") || to != Some("ui") || module.is_empty(),
                "{} imports the UI ({})",
                module.join("::"),
                target.join("::")
            );
            // The model stands on nothing else of ours.
            if first == Some("model") {
                assert_eq!(to, Some("model"), "the model imports {}", target.join("::"));
            }
            // Versions (diff and merge) are pure functions of maps.
            if first == Some("versions") {
                assert!(
                    matches!(to, Some("versions" | "model" | "words")),
                    "{} imports {}",
                    module.join("::"),
                    target.join("::")
                );
            }
            // Citations are pure: the map's sources in, styled text out.
            if first == Some("cite") {
                assert!(
                    matches!(to, Some("cite" | "model" | "words")),
                    "{} imports {}",
                    module.join("::"),
                    target.join("::")
                );
            }
            // Formats are pure conversions: no files, no screen.
            if first == Some("format") {
                assert!(
                    matches!(to, Some("format" | "cite" | "model" | "words")),
                    "{} imports {}",
                    module.join("::"),
                    target.join("::")
                );
            }
        }
    }
}

#[test]
fn no_source_file_is_too_long_to_find_ones_way_in() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders = vec![src];
    let mut long = Vec::new();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let lines = std::fs::read_to_string(&path)
                    .expect("readable")
                    .lines()
                    .count();
                if lines > 900 {
                    long.push(format!("{} ({lines} lines)", path.display()));
                }
            }
        }
    }
    assert!(long.is_empty(), "split by responsibility: {long:?}");
}
