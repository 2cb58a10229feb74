//! The one place YAML is parsed (glossaries and configuration files), so the
//! YAML library can be swapped without touching the rest. serde_yaml turns a
//! document into typed data and reports syntax errors and unknown keys with
//! their position; a second pass over yaml-rust2's parser events records where
//! every node starts, so that validation errors found later (a duplicate id, a
//! missing preferred term) can name the line and column of the node at fault.
//!
//! [`scalars`] serves the YAML i18n reader (`input::yaml_i18n`): every
//! scalar of a document with its style, key path and start offset.

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

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

/// `line:column` as the YAML parser reports it, kept inside `text`: at the
/// end of a file without a final line break it names the line after the
/// last, which does not exist; the end of the last line is meant.
fn within_text(text: &str, line: usize, column: usize) -> (usize, usize) {
    let lines = text.lines().count().max(1);
    if line <= lines {
        return (line, column);
    }
    let last = text.lines().last().unwrap_or_default();
    (lines, last.chars().count() + 1)
}

/// Parses `text` (the contents of `path`) into `T` and records node positions.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<(T, Positions), YamlError> {
    let value: T = serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| within_text(text, l.line(), l.column()))
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
    // serde_yaml keeps the last of two equal keys: the first would be
    // lost without a word.
    if let Some((key, (line, column), (first_line, _))) = recorder.duplicate {
        return Err(YamlError {
            origin: Origin::new(path, line, column),
            message: format!(
                "duplicate key `{key}` (first at line {first_line}): the first would be lost"
            ),
        });
    }
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

/// A key a mapping repeats: the key, where it stands again, and where it
/// first stood (line, column).
type RepeatedKey = (String, (usize, usize), (usize, usize));

#[derive(Default)]
struct Recorder {
    stack: Vec<Frame>,
    starts: HashMap<NodePath, (usize, usize)>,
    /// The first key a mapping repeats.
    duplicate: Option<RepeatedKey>,
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
                        let first = *self.starts.entry(format!("{p}#key")).or_insert(at);
                        if first != at && self.duplicate.is_none() {
                            self.duplicate = Some((value.clone(), at, first));
                        }
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

/// How a scalar is written (YAML 1.2 §7.3, §8.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// A `|` block.
    Literal,
    /// A `>` block.
    Folded,
}

/// One scalar of a YAML stream, as the parser reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// The scalar's value, escapes decoded and lines folded.
    pub value: String,
    pub style: ScalarStyle,
    /// The byte offset where the parser saw it start: the opening quote of
    /// a quoted scalar, the first character of a plain one or of a block
    /// scalar's content, the value after a tag.
    pub start: usize,
    /// The byte offset of the parser's next event: the scalar ends at or
    /// before it.
    pub bound: usize,
    /// The keys (and sequence indexes) above it; a value's path ends with
    /// its own key.
    pub path: Vec<String>,
    /// Whether it is a mapping key rather than a value.
    pub is_key: bool,
    /// Its tag's suffix (`str` for `!!str`), if it has one.
    pub tag: Option<String>,
}

/// Every scalar of `text`, in document order; a syntax error as its byte
/// offset and message. Aliases are not followed (their values are read
/// where they are defined).
pub fn scalars(text: &str) -> Result<Vec<Scalar>, (usize, String)> {
    let mut collector = Collector {
        offsets: CharOffsets::new(text),
        stack: Vec::new(),
        scalars: Vec::new(),
    };
    let mut parser = Parser::new_from_str(text);
    parser.load(&mut collector, true).map_err(|e| {
        (
            collector.offsets.byte(e.marker().index()),
            e.info().to_owned(),
        )
    })?;
    Ok(collector.scalars)
}

/// Char indexes (what yaml-rust2's markers count) to byte offsets, for
/// indexes that mostly grow.
struct CharOffsets<'a> {
    text: &'a str,
    char_index: usize,
    byte: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            char_index: 0,
            byte: 0,
        }
    }

    fn byte(&mut self, char_index: usize) -> usize {
        if char_index < self.char_index {
            self.char_index = 0;
            self.byte = 0;
        }
        for c in self.text[self.byte..].chars() {
            if self.char_index == char_index {
                break;
            }
            self.byte += c.len_utf8();
            self.char_index += 1;
        }
        self.byte
    }
}

enum Container {
    Map { key: Option<String> },
    Seq { index: usize },
}

struct Collector<'a> {
    offsets: CharOffsets<'a>,
    /// Open containers, each with the path segment it was entered by.
    stack: Vec<(Option<String>, Container)>,
    scalars: Vec<Scalar>,
}

impl Collector<'_> {
    fn path(&self) -> Vec<String> {
        self.stack.iter().filter_map(|(s, _)| s.clone()).collect()
    }

    /// The path segment of a node starting here, `None` at the top or
    /// for a key; and whether it is a key.
    fn place(&mut self) -> (Option<String>, bool) {
        match self.stack.last_mut() {
            None => (None, false),
            Some((_, Container::Map { key: None })) => (None, true),
            Some((_, Container::Map { key: Some(k) })) => (Some(k.clone()), false),
            Some((_, Container::Seq { index })) => {
                *index += 1;
                (Some((*index - 1).to_string()), false)
            }
        }
    }

    /// A value (a scalar, alias or container) has ended.
    fn value_done(&mut self) {
        if let Some((_, Container::Map { key })) = self.stack.last_mut() {
            *key = None;
        }
    }
}

impl MarkedEventReceiver for Collector<'_> {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let at = self.offsets.byte(mark.index());
        if let Some(last) = self.scalars.last_mut() {
            if last.bound == usize::MAX {
                last.bound = at.max(last.start);
            }
        }
        match ev {
            Event::Scalar(value, style, _, tag) => {
                let (segment, is_key) = self.place();
                let mut path = self.path();
                path.extend(segment);
                let style = match style {
                    TScalarStyle::SingleQuoted => ScalarStyle::SingleQuoted,
                    TScalarStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
                    TScalarStyle::Literal => ScalarStyle::Literal,
                    TScalarStyle::Folded => ScalarStyle::Folded,
                    _ => ScalarStyle::Plain,
                };
                if is_key {
                    if let Some((_, Container::Map { key })) = self.stack.last_mut() {
                        *key = Some(value.clone());
                    }
                } else {
                    self.value_done();
                }
                self.scalars.push(Scalar {
                    value,
                    style,
                    start: at,
                    bound: usize::MAX,
                    path,
                    is_key,
                    tag: tag.map(|t| t.suffix),
                });
            }
            Event::Alias(_) => {
                if let (_, true) = self.place() {
                    // An alias as a key: nothing to read under it.
                    if let Some((_, Container::Map { key })) = self.stack.last_mut() {
                        *key = Some("*".to_owned());
                    }
                } else {
                    self.value_done();
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let (segment, _) = self.place();
                let container = if matches!(ev, Event::MappingStart(..)) {
                    Container::Map { key: None }
                } else {
                    Container::Seq { index: 0 }
                };
                self.stack.push((segment, container));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.value_done();
            }
            Event::StreamEnd => {
                if let Some(last) = self.scalars.last_mut() {
                    last.bound = last.bound.min(self.offsets.text.len());
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_have_styles_paths_and_byte_offsets() {
        let text = "é: 1\nfr:\n  a: 'x'\n  b:\n  - \"y\"\n  - |\n    z\n  c: !!str w\n";
        let got = scalars(text).unwrap();
        let find = |v: &str| got.iter().find(|s| s.value == v).unwrap();
        assert_eq!(find("é").start, 0);
        assert!(find("é").is_key);
        assert_eq!(find("1").path, ["é"]);
        let x = find("x");
        assert_eq!(
            (x.style, &text[x.start..x.start + 3]),
            (ScalarStyle::SingleQuoted, "'x'")
        );
        assert_eq!(x.path, ["fr", "a"]);
        let y = find("y");
        assert_eq!(
            (y.style, y.path.clone()),
            (
                ScalarStyle::DoubleQuoted,
                vec!["fr".into(), "b".into(), "0".into()]
            )
        );
        assert_eq!(&text[y.start..y.start + 1], "\"");
        let z = find("z\n");
        assert_eq!(
            (z.style, &text[z.start..z.start + 1]),
            (ScalarStyle::Literal, "z")
        );
        assert_eq!(z.path, ["fr", "b", "1"]);
        let w = find("w");
        assert_eq!(
            (w.tag.as_deref(), &text[w.start..w.start + 1]),
            (Some("str"), "w")
        );
        assert!(got
            .iter()
            .all(|s| s.bound >= s.start && s.bound <= text.len()));
    }

    #[test]
    fn scalar_syntax_errors_have_byte_offsets() {
        let (at, message) = scalars("a: \"é\nb: [\n").unwrap_err();
        assert!(at <= 12, "{at}");
        assert!(!message.is_empty());
    }

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
    fn a_repeated_key_is_an_error_at_its_second_place() {
        type Terms =
            std::collections::BTreeMap<String, std::collections::BTreeMap<String, Vec<String>>>;
        // A map type keeps the last of two equal keys without a word.
        let text = "terms:\n  en: [A]\n  fr: [B]\n  en: [C]\n";
        let err = parse::<Terms>(Path::new("d.yaml"), text).unwrap_err();
        assert_eq!((err.origin.line, err.origin.column), (4, 3));
        assert!(
            err.message.contains("duplicate key `en` (first at line 2)"),
            "{}",
            err.message
        );
        // The same key in two items of a list is no repetition.
        assert!(parse::<serde_yaml::Value>(Path::new("d.yaml"), "- en: x\n- en: y\n").is_ok());
    }

    #[test]
    fn errors_at_the_end_of_a_file_without_a_line_break_stay_in_it() {
        let text = "a:\n  b: [x";
        let err = parse::<serde_yaml::Value>(Path::new("e.yaml"), text).unwrap_err();
        assert_eq!(
            (err.origin.line, err.origin.column),
            (2, 8),
            "{}",
            err.message
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse::<serde_yaml::Value>(Path::new("g.yaml"), "a: [1,\nb: 2\n").unwrap_err();
        assert_eq!(err.origin.path, Path::new("g.yaml"));
        assert!(err.origin.line >= 1);
    }
}
