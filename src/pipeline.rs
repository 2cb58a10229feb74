//! Running a command over files: collecting inputs, reading each file with
//! the reader for its format, and checking it. One bad file is reported and
//! the rest are still checked; the caller decides the exit code.

use std::path::{Path, PathBuf};

use crate::engine::{Engine, FileResult};
use crate::error::{Error, Result};
use crate::input::{self, Bilingual, Format, Segment, SourceFile};

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

/// The prose segments of a monolingual file. Bilingual formats read as
/// prose give their target side (the text a monolingual check is about).
pub fn read_segments(file: &SourceFile, format: Format) -> Result<Vec<Segment>> {
    Ok(match format {
        Format::Text => input::plain::read(file),
        Format::Markdown => input::markdown::read(file)?,
        Format::Html => input::html::read(file)?,
        Format::Xliff | Format::Tmx | Format::Po | Format::Tsv => {
            read_bilingual(file, format, None, None)?
                .pairs
                .into_iter()
                .filter_map(|p| {
                    p.target.map(|text| Segment {
                        id: Some(p.id),
                        text,
                    })
                })
                .collect()
        }
    })
}

/// The segment pairs of a bilingual file. `source_lang`/`target_lang` pick
/// the pair of languages in a multilingual TMX.
pub fn read_bilingual(
    file: &SourceFile,
    format: Format,
    source_lang: Option<&str>,
    target_lang: Option<&str>,
) -> Result<Bilingual> {
    match format {
        Format::Xliff => input::xliff::read(file),
        Format::Tmx => input::tmx::read(file, source_lang, target_lang),
        Format::Po => input::po::read(file),
        Format::Tsv => input::tsv::read(file),
        other => Err(Error::Usage(format!(
            "{}: {} is not a bilingual format (align reads XLIFF, TMX, PO, TSV, or --source/--target files)",
            file.path.display(),
            other.name()
        ))),
    }
}

/// The format of a file, from its content and name.
pub fn detect_format(file: &SourceFile) -> Format {
    input::detect::detect(&file.path, &file.text)
}

/// Checks one input as monolingual prose in `language`.
pub fn check_one(engine: &Engine, source: &InputSource, language: &str) -> Result<FileResult> {
    check_file(engine, &source.read()?, language)
}

/// Checks a file already read as monolingual prose in `language`.
pub fn check_file(engine: &Engine, file: &SourceFile, language: &str) -> Result<FileResult> {
    let format = detect_format(file);
    let segments = read_segments(file, format)?;
    Ok(engine.check_document(file, &segments, language))
}

/// Checks every input; returns results in input order and the errors of the
/// inputs that could not be checked.
pub fn check_all(
    engine: &Engine,
    sources: &[InputSource],
    language: &str,
) -> (Vec<FileResult>, Vec<Error>) {
    check_each(engine, sources, &|_| language.to_owned(), &|_| {})
}

/// Like [`check_all`], with each file's language from `language_of` (its
/// path as given; `-` for standard input), and `done` called after each
/// input (for a progress bar).
pub fn check_each(
    engine: &Engine,
    sources: &[InputSource],
    language_of: &(dyn Fn(&Path) -> String + Sync),
    done: &(dyn Fn(&Path) + Sync),
) -> (Vec<FileResult>, Vec<Error>) {
    let mut results = Vec::new();
    let mut errors = Vec::new();
    for source in sources {
        let path = source.path();
        match check_one(engine, source, &language_of(path)) {
            Ok(r) => results.push(r),
            Err(e) => errors.push(e),
        }
        done(path);
    }
    (results, errors)
}
