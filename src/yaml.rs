//! The one place YAML is parsed (glossaries and configuration files), so the
//! YAML library can be swapped without touching the rest. serde_yaml turns a
//! document into typed data and reports syntax errors and unknown keys with
//! their position; a second pass over yaml-rust2's parser events records where
//! every node starts, so that validation errors found later (a duplicate id, a
//! missing preferred term) can name the line and column of the node at fault.

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::error::Origin;

/// A path to a node: map keys and sequence indexes, e.g. `concepts.3.id`.
pub type NodePath = String;

/// Where each node of a YAML document starts, by [`NodePath`].
#[derive(Debug, Default, Clone)]
pub struct Positions {
    path: std::path::PathBuf,
    starts: HashMap<NodePath, (usize, usize)>,
}

impl Positions {
    /// The origin of the node at `path`, or of its nearest ancestor that has
    /// one (the document start as a last resort).
    pub fn origin(&self, path: &str) -> Origin {
        let mut p = path;
        loop {
            if let Some(&(line, column)) = self.starts.get(p) {
                return Origin::new(&self.path, line, column);
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => {
                    let (line, column) = self.starts.get("").copied().unwrap_or((1, 1));
                    return Origin::new(&self.path, line, column);
                }
            }
        }
    }
}

/// A YAML parse error, with its position.
#[derive(Debug)]
pub struct YamlError {
    pub origin: Origin,
    pub message: String,
}

/// Parses `text` (the contents of `path`) into `T` and records node positions.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<(T, Positions), YamlError> {
    let value: T = serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        YamlError {
            origin: Origin::new(path, line, column),
            message: clean_message(&e.to_string()),
        }
    })?;
    let mut recorder = Recorder::default();
    let mut parser = Parser::new_from_str(text);
    // serde_yaml accepted the document, so yaml-rust2 failing here would only
    // cost us positions, never correctness.
    let _ = parser.load(&mut recorder, false);
    Ok((
        value,
        Positions {
            path: path.to_path_buf(),
            starts: recorder.starts,
        },
    ))
}

/// serde_yaml appends " at line L column C" to messages; the origin says that.
fn clean_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

enum Frame {
    Map { key: Option<String>, path: String },
    Seq { index: usize, path: String },
}

#[derive(Default)]
struct Recorder {
    stack: Vec<Frame>,
    starts: HashMap<NodePath, (usize, usize)>,
}

impl Recorder {
    /// The path of a node about to start here, or `None` for a map key.
    fn next_path(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Map { key: None, .. }) => None,
            Some(Frame::Map { key: Some(k), path }) => {
                let p = join(path, k);
                Some(p)
            }
            Some(Frame::Seq { index, path }) => {
                let p = join(path, &index.to_string());
                *index += 1;
                Some(p)
            }
        }
    }

    fn node_done(&mut self) {
        if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
            *key = None;
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let at = (mark.line(), mark.col() + 1);
        match ev {
            Event::Scalar(value, ..) => match self.next_path() {
                None => {
                    // A map key: remember it for the value that follows.
                    if let Some(Frame::Map { key, path }) = self.stack.last_mut() {
                        let p = join(path, &value);
                        self.starts.entry(format!("{p}#key")).or_insert(at);
                        *key = Some(value);
                    }
                }
                Some(p) => {
                    self.starts.entry(p).or_insert(at);
                    self.node_done();
                }
            },
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let path = self.next_path().unwrap_or_default();
                self.starts.entry(path.clone()).or_insert(at);
                let frame = if matches!(ev, Event::MappingStart(..)) {
                    Frame::Map { key: None, path }
                } else {
                    Frame::Seq { index: 0, path }
                };
                self.stack.push(frame);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.node_done();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_node_positions() {
        let text = "a: 1\nlist:\n  - x\n  - k: v\n    m: [1, 2]\n";
        let (_, pos): (serde_yaml::Value, _) = parse(Path::new("f.yaml"), text).unwrap();
        assert_eq!(pos.origin("a"), Origin::new("f.yaml", 1, 4));
        assert_eq!(pos.origin("list.0"), Origin::new("f.yaml", 3, 5));
        assert_eq!(pos.origin("list.1.m.1"), Origin::new("f.yaml", 5, 12));
        assert_eq!(pos.origin("list.1.k#key"), Origin::new("f.yaml", 4, 5));
        assert_eq!(pos.origin("list.9.q"), Origin::new("f.yaml", 3, 3));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse::<serde_yaml::Value>(Path::new("g.yaml"), "a: [1,\nb: 2\n").unwrap_err();
        assert_eq!(err.origin.path, Path::new("g.yaml"));
        assert!(err.origin.line >= 1);
    }
}
