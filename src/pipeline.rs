//! Running a command over files: collecting inputs, reading each file with
//! the reader for its format, and checking it. One bad file is reported and
//! the rest are still checked; the caller decides the exit code.

use std::path::{Path, PathBuf};

use crate::engine::{Engine, FileResult};
use crate::error::{Error, Result};
use crate::input::{Format, Segment, SourceFile};

/// Where an input comes from.
#[derive(Debug, Clone)]
pub enum InputSource {
    Path(PathBuf),
    /// Standard input, already read.
    Stdin(Vec<u8>),
}

impl InputSource {
    pub fn read(&self) -> Result<SourceFile> {
        match self {
            InputSource::Path(p) => SourceFile::read(p),
            InputSource::Stdin(bytes) => SourceFile::from_bytes("-", bytes.clone()),
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            InputSource::Path(p) => p,
            InputSource::Stdin(_) => Path::new("-"),
        }
    }
}

/// The prose segments of a monolingual file.
pub fn read_segments(file: &SourceFile, format: Format) -> Result<Vec<Segment>> {
    // Readers for markup formats are added with their modules.
    let _ = format;
    Ok(vec![Segment {
        id: None,
        text: crate::text::MappedText::borrowed(
            &file.text,
            crate::span::Span::new(0, file.text.len()),
        ),
    }])
}

/// The format of a file, from its content and name.
pub fn detect_format(_file: &SourceFile) -> Format {
    Format::Text
}

/// Checks one input as monolingual prose in `language`.
pub fn check_one(engine: &Engine, source: &InputSource, language: &str) -> Result<FileResult> {
    let file = source.read()?;
    let format = detect_format(&file);
    let segments = read_segments(&file, format)?;
    Ok(engine.check_document(&file, &segments, language))
}

/// Checks every input; returns results in input order and the errors of the
/// inputs that could not be checked.
pub fn check_all(
    engine: &Engine,
    sources: &[InputSource],
    language: &str,
) -> (Vec<FileResult>, Vec<Error>) {
    let mut results = Vec::new();
    let mut errors = Vec::new();
    for source in sources {
        match check_one(engine, source, language) {
            Ok(r) => results.push(r),
            Err(e) => errors.push(e),
        }
    }
    (results, errors)
}
