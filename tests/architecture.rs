//! The layers of docs/architecture.md, enforced: each top-level module of
//! the library imports only modules of lower layers (so there is no import
//! circle), and the library never prints. A new module must be given a
//! layer here and in the doc.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Bottom first. A module may import any module of a lower layer, none of
/// its own or a higher one.
const LAYERS: &[&[&str]] = &[
    &["span"],
    &["error", "rule", "lang", "emit"],
    &["text", "yaml", "suppress"],
    &["input"],
    &["glossary", "walk"],
    &["matcher", "lexicon", "finding"],
    &["fuzzy"],
    &["checks"],
    &["engine"],
    &["config", "term_lookup"],
    &["pipeline", "extract"],
    &["fix", "report"],
    &["session"],
];

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` has no layer in tests/architecture.rs"))
}

/// The top-level modules each top-level module of src/ names as
/// `crate::…`, outside tests and comments.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = common::root().join("src");
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "bin") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let module = top_module(&src, &path);
            if module == "lib" {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let set = deps.entry(module.clone()).or_default();
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (i, _) in line.match_indices("crate::") {
                    let name: String = line[i + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != module {
                        set.insert(name);
                    }
                }
            }
        }
    }
    deps
}

fn top_module(src: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn modules_import_only_lower_layers() {
    let mut wrong = Vec::new();
    for (module, deps) in imports() {
        for dep in deps {
            if layer_of(&dep) >= layer_of(&module) {
                wrong.push(format!("{module} imports {dep}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers of docs/architecture.md:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_module_has_a_layer_and_a_doc() {
    let src = common::root().join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    for line in lib.lines() {
        let Some(name) = line
            .trim()
            .strip_prefix("pub mod ")
            .or_else(|| line.trim().strip_prefix("mod "))
            .and_then(|r| r.strip_suffix(';'))
        else {
            continue;
        };
        layer_of(name);
        let file = src.join(format!("{name}.rs"));
        let file = if file.exists() {
            file
        } else {
            src.join(name).join("mod.rs")
        };
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("//!"),
            "{}: no //! module doc",
            file.display()
        );
    }
}
