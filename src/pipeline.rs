//! Running a command over files: collecting inputs, reading each file with
//! the reader for its format, and checking it. One bad file is reported and
//! the rest are still checked; the caller decides the exit code.

use std::path::{Path, PathBuf};

use crate::config::Provenance;
use crate::engine::{Engine, FileResult};
use crate::error::{Error, Result};
use crate::input::source::Decoding;
use crate::input::{self, Bilingual, Format, PairLanguages, SourceFile};
use crate::lang::{ChosenLanguage, LanguageFrom};

/// An input: where it comes from, and how its bytes are decoded.
#[derive(Debug, Clone)]
pub struct InputSource {
    pub place: Place,
    pub decoding: Decoding,
}

/// Where an input comes from.
#[derive(Debug, Clone)]
pub enum Place {
    Path(PathBuf),
    /// Standard input, already read.
    Stdin(Vec<u8>),
}

impl InputSource {
    /// The file at `path`, read as UTF-8 unless it says otherwise.
    pub fn file(path: impl Into<PathBuf>) -> InputSource {
        InputSource {
            place: Place::Path(path.into()),
            decoding: Decoding::default(),
        }
    }

    /// Standard input, already read.
    pub fn stdin(bytes: Vec<u8>) -> InputSource {
        InputSource {
            place: Place::Stdin(bytes),
            decoding: Decoding::default(),
        }
    }

    /// The same input, decoded as `decoding` says.
    pub fn decoded(self, decoding: Decoding) -> InputSource {
        InputSource { decoding, ..self }
    }

    pub fn read(&self) -> Result<SourceFile> {
        match &self.place {
            Place::Path(p) => SourceFile::read_with(p, self.decoding),
            Place::Stdin(bytes) => SourceFile::decode("-", bytes.clone(), self.decoding),
        }
    }

    pub fn path(&self) -> &Path {
        match &self.place {
            Place::Path(p) => p,
            Place::Stdin(_) => Path::new("-"),
        }
    }

    pub fn is_stdin(&self) -> bool {
        matches!(self.place, Place::Stdin(_))
    }
}

/// The format of a file, from its content and name.
pub fn detect_format(file: &SourceFile) -> Format {
    input::detect(&file.path, &file.text)
}

/// The language to check a monolingual input in, and how firmly it was
/// chosen (SPEC §2: the command line, then the file's own declaration, then
/// the configuration and the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageChoice<'a> {
    /// Given on the command line: wins over what the file declares.
    Given(&'a str),
    /// From the configuration: used when the file declares no language of
    /// its own.
    Fallback(&'a str),
    /// Nothing chose it: used when the file declares none and its text
    /// cannot be identified reliably.
    Default(&'a str),
}

impl<'a> LanguageChoice<'a> {
    /// The choice of a setting `tag` that came `from` there.
    pub fn new(tag: &'a str, from: &Provenance) -> Self {
        match from {
            Provenance::CommandLine => LanguageChoice::Given(tag),
            Provenance::Config(_) => LanguageChoice::Fallback(tag),
            Provenance::Default => LanguageChoice::Default(tag),
        }
    }

    /// The language of `file`, which declares `declared` (HTML `lang`, a
    /// bilingual file's target language), and whether it was identified
    /// from `text`. A declared tag is validated and canonicalized like
    /// every other.
    pub fn resolve(
        self,
        file: &SourceFile,
        declared: Option<&str>,
        text: impl FnOnce() -> String,
    ) -> Result<ChosenLanguage> {
        Ok(match (self, declared) {
            (LanguageChoice::Given(tag), _) => ChosenLanguage::new(tag, LanguageFrom::CommandLine),
            (_, Some(tag)) => {
                ChosenLanguage::new(canonical_declared(file, tag)?, LanguageFrom::Declared)
            }
            (LanguageChoice::Fallback(tag), None) => ChosenLanguage::new(tag, LanguageFrom::Config),
            (LanguageChoice::Default(tag), None) => match path_convention(file)
                .map(|lang| ChosenLanguage::new(lang.into_string(), LanguageFrom::Convention))
            {
                Some(conventional) => conventional,
                None => match crate::lang::identify(&text()) {
                    // Only a guess that changes the language counts as one.
                    Some(lang) if lang.primary() != crate::lang::primary_subtag(tag) => {
                        ChosenLanguage::new(lang.into_string(), LanguageFrom::Identified)
                    }
                    _ => ChosenLanguage::new(tag, LanguageFrom::Default),
                },
            },
        })
    }
}

/// The locale a resource file's path names (`fr.json`, `values-fr/`,
/// `messages_fr.properties`): the convention of formats whose values are
/// by key, and of those only.
fn path_convention(file: &SourceFile) -> Option<crate::lang::Lang> {
    detect_format(file)
        .def()
        .keyed
        .then(|| crate::lang::from_resource_path(&file.path))
        .flatten()
}

/// A language tag a file declares, canonical, or an error naming the file.
fn canonical_declared(file: &SourceFile, tag: &str) -> Result<String> {
    crate::lang::Lang::parse(tag)
        .map(crate::lang::Lang::into_string)
        .map_err(|invalid| {
            Error::input(file.origin(0), format!("its declared language: {invalid}"))
        })
}

/// Checks one input as monolingual prose.
pub fn check_one(
    engine: &Engine,
    source: &InputSource,
    language: LanguageChoice<'_>,
) -> Result<FileResult> {
    check_file(engine, &source.read()?, language)
}

/// Checks a file already read as monolingual prose.
pub fn check_file(
    engine: &Engine,
    file: &SourceFile,
    language: LanguageChoice<'_>,
) -> Result<FileResult> {
    let format = detect_format(file);
    let prose = format.read_document_in(file, engine.states())?;
    let language = language.resolve(file, prose.language.as_deref(), || head_text(&prose))?;
    let mut result = engine.check_document(file, &prose, &language.tag);
    result.language = Some(language);
    Ok(result)
}

/// The beginning of a file's prose, enough to identify its language.
pub(crate) fn head_text(prose: &input::Prose) -> String {
    let mut text = String::new();
    for s in &prose.segments {
        if text.len() > crate::lang::IDENTIFY_HEAD {
            break;
        }
        text.push_str(&s.text.text);
        text.push('\n');
    }
    text
}

/// The languages `file` is checked in as `check` (`choice`) and, when it is
/// bilingual, as `align` (`languages`) checks it: what `config --show FILE`
/// tells.
pub fn file_languages(
    file: &SourceFile,
    choice: LanguageChoice<'_>,
    languages: &AlignLanguages,
) -> Result<crate::lang::FileLanguage> {
    let format = detect_format(file);
    let prose = format.read_document(file)?;
    let language = choice.resolve(file, prose.language.as_deref(), || head_text(&prose))?;
    let source = match format.def().sides() {
        input::Sides::Bilingual => {
            let bilingual = format.read_pairs(file, PairLanguages::default())?;
            Some(languages.resolve(file, &bilingual)?.0)
        }
        input::Sides::Monolingual => None,
    };
    Ok(crate::lang::FileLanguage {
        path: file.path.clone(),
        language,
        source,
    })
}

/// Checks every input, each in the language `language_of` gives for its
/// path (as given; `-` for standard input) and where that language came
/// from, in parallel; results and errors
/// come back in input order, and `done` is called after each input (for a
/// progress bar).
pub fn check_each(
    engine: &Engine,
    sources: &[InputSource],
    language_of: &(dyn Fn(&Path) -> (String, Provenance) + Sync),
    done: &(dyn Fn(&Path) + Sync),
) -> (Vec<FileResult>, Vec<Error>) {
    in_parallel(
        sources,
        &|source| {
            let (tag, from) = language_of(source.path());
            check_one(engine, source, LanguageChoice::new(&tag, &from))
        },
        done,
    )
}

/// Runs `run` on every input, in parallel (rayon, one thread per core);
/// results and errors come back in input order, so output does not depend
/// on which thread finished first. `done` is called from the worker
/// threads, in completion order.
fn in_parallel(
    sources: &[InputSource],
    run: &(dyn Fn(&InputSource) -> Result<FileResult> + Sync),
    done: &(dyn Fn(&Path) + Sync),
) -> (Vec<FileResult>, Vec<Error>) {
    use rayon::prelude::*;
    let outcomes: Vec<Result<FileResult>> = sources
        .par_iter()
        .map(|source| {
            let outcome = run(source);
            done(source.path());
            outcome
        })
        .collect();
    let mut results = Vec::new();
    let mut errors = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok(r) => results.push(r),
            Err(e) => errors.push(e),
        }
    }
    (results, errors)
}

/// Languages for one `align` input, in SPEC §2's order: what the command
/// line says, what the file declares (XLIFF, TMX, PO), what the
/// configuration says, what the format's convention says (gettext: English
/// msgids), the defaults (zh -> en).
#[derive(Debug, Clone)]
pub struct AlignLanguages {
    /// From the command line.
    pub source: Option<String>,
    pub target: Option<String>,
    /// From the configuration file (globally or for the file's path).
    pub configured_source: Option<String>,
    pub configured_target: Option<String>,
    pub default_source: String,
    pub default_target: String,
}

impl Default for AlignLanguages {
    fn default() -> Self {
        AlignLanguages {
            source: None,
            target: None,
            configured_source: None,
            configured_target: None,
            default_source: crate::config::DEFAULT_SOURCE_LANG.to_owned(),
            default_target: crate::config::DEFAULT_TARGET_LANG.to_owned(),
        }
    }
}

impl AlignLanguages {
    /// The source and target languages of a bilingual `file` that
    /// declares what `declared` says.
    pub fn resolve(
        &self,
        file: &SourceFile,
        declared: &Bilingual,
    ) -> Result<(ChosenLanguage, ChosenLanguage)> {
        let declared_source = declared
            .source_lang
            .as_deref()
            .map(|t| canonical_declared(file, t))
            .transpose()?;
        let declared_target = declared
            .target_lang
            .as_deref()
            .map(|t| canonical_declared(file, t))
            .transpose()?;
        let chosen = |tag: &Option<String>, from| tag.clone().map(|t| ChosenLanguage::new(t, from));
        let source = chosen(&self.source, LanguageFrom::CommandLine)
            .or(declared_source.map(|t| ChosenLanguage::new(t, LanguageFrom::Declared)))
            .or_else(|| chosen(&self.configured_source, LanguageFrom::Config))
            .or_else(|| {
                declared
                    .conventional_source
                    .map(|t| ChosenLanguage::new(t, LanguageFrom::Convention))
            })
            .unwrap_or_else(|| ChosenLanguage::new(&self.default_source, LanguageFrom::Default));
        let target = chosen(&self.target, LanguageFrom::CommandLine)
            .or(declared_target.map(|t| ChosenLanguage::new(t, LanguageFrom::Declared)))
            .or_else(|| chosen(&self.configured_target, LanguageFrom::Config))
            .unwrap_or_else(|| ChosenLanguage::new(&self.default_target, LanguageFrom::Default));
        Ok((source, target))
    }
}

/// Aligns one bilingual file (XLIFF, TMX, PO, TSV).
pub fn align_one(
    engine: &Engine,
    source: &InputSource,
    languages: &AlignLanguages,
) -> Result<FileResult> {
    let file = source.read()?;
    let format = detect_format(&file);
    let mut bilingual = format.read_pairs(
        &file,
        PairLanguages {
            source: languages.source.as_deref(),
            target: languages.target.as_deref(),
        },
    )?;
    bilingual.pairs.retain(|p| engine.states().admits(&p.state));
    let (source_lang, target_lang) = languages.resolve(&file, &bilingual)?;
    let mut result =
        engine.check_bilingual(&file, None, &bilingual, &source_lang.tag, &target_lang.tag);
    result.source_language = Some(source_lang);
    result.language = Some(target_lang);
    Ok(result)
}

/// Aligns every input, each with the languages `languages_of` gives for its
/// path; results and errors in input order, `done` called after each input.
pub fn align_each(
    engine: &Engine,
    sources: &[InputSource],
    languages_of: &(dyn Fn(&Path) -> AlignLanguages + Sync),
    done: &(dyn Fn(&Path) + Sync),
) -> (Vec<FileResult>, Vec<Error>) {
    in_parallel(
        sources,
        &|source| align_one(engine, source, &languages_of(source.path())),
        done,
    )
}

/// Aligns two parallel files ([`input::parallel`]): two resource files by
/// key, others line by line. Findings point into the target file, except
/// those about the source (`missing-target-term`, a key the target lacks).
pub fn align_parallel(
    engine: &Engine,
    source: &InputSource,
    target: &InputSource,
    languages: &AlignLanguages,
) -> Result<FileResult> {
    let source_file = source.read()?;
    let target_file = target.read()?;
    let mut bilingual = input::parallel::read(&source_file, &target_file)?;
    // Each side is a file of its own: the source's declaration is checked
    // where it stands, and a side nothing names is identified from its text.
    if let Some(tag) = &bilingual.source_lang {
        bilingual.source_lang = Some(canonical_declared(&source_file, tag)?);
    }
    let (mut source_lang, mut target_lang) = languages.resolve(&target_file, &bilingual)?;
    let identified = |side: &dyn Fn(&input::SegmentPair) -> Option<&str>| {
        let mut text = String::new();
        for p in &bilingual.pairs {
            if text.len() > crate::lang::IDENTIFY_HEAD {
                break;
            }
            text.push_str(side(p).unwrap_or_default());
            text.push('\n');
        }
        crate::lang::identify(&text)
            .map(|l| ChosenLanguage::new(l.into_string(), LanguageFrom::Identified))
    };
    let conventional = |file: &SourceFile| {
        path_convention(file)
            .map(|lang| ChosenLanguage::new(lang.into_string(), LanguageFrom::Convention))
    };
    if source_lang.from == LanguageFrom::Default {
        source_lang = conventional(&source_file)
            .or_else(|| identified(&|p| Some(p.source.text.as_str())))
            .unwrap_or(source_lang);
    }
    if target_lang.from == LanguageFrom::Default {
        target_lang = conventional(&target_file)
            .or_else(|| identified(&|p| p.target.as_ref().map(|t| t.text.as_str())))
            .unwrap_or(target_lang);
    }
    let mut result = engine.check_bilingual(
        &target_file,
        Some(&source_file),
        &bilingual,
        &source_lang.tag,
        &target_lang.tag,
    );
    result.source_language = Some(source_lang);
    result.language = Some(target_lang);
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RuleSettings;
    use crate::glossary::{load_set, GlossarySource};

    /// Parallel checking returns results and errors in input order.
    #[test]
    fn results_keep_input_order() {
        let set = load_set(&[GlossarySource {
            path: "g.yaml".into(),
            text: "glossary: g\nconcepts:\n  - id: m\n    terms:\n      en: [Macao, {term: Macau, status: deprecated}]\n".into(),
        }])
        .unwrap();
        let engine = Engine::new(set, RuleSettings::default());
        let dir = tempfile::tempdir().unwrap();
        let mut sources = Vec::new();
        for i in 0..40 {
            let path = dir.path().join(format!("{i:02}.txt"));
            // Uneven sizes, so threads finish out of order.
            let text = "Macau filler text. ".repeat(if i % 7 == 0 { 2000 } else { 1 });
            std::fs::write(&path, text).unwrap();
            sources.push(InputSource::file(path));
            if i % 10 == 5 {
                sources.push(InputSource::file(
                    dir.path().join(format!("missing-{i}.txt")),
                ));
            }
        }
        let (results, errors) = check_each(
            &engine,
            &sources,
            &|_| ("en".into(), Provenance::CommandLine),
            &|_| {},
        );
        let names: Vec<String> = results
            .iter()
            .map(|r| r.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let want: Vec<String> = (0..40).map(|i| format!("{i:02}.txt")).collect();
        assert_eq!(names, want);
        let missing: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(missing.len(), 4);
        assert!(missing[0].contains("missing-5") && missing[3].contains("missing-35"));
    }
}
