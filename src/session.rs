//! One run of termalign: the settings, the glossaries and the engine built
//! from them, and the commands (`check`, `align`, `report`, `fix`,
//! `extract`) as library calls.
//!
//! A [`Session`] is the one way to run a command: the CLI turns its
//! arguments into [`Settings`], opens a session, calls one method and
//! prints what comes back; an editor server calls the same methods. Every
//! command returns what it found *and* the errors of the inputs it could not
//! read, so one bad file never hides the findings of the others; nothing
//! here prints.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::config::{Provenance, Setting, Settings};
use crate::engine::{Engine, FileResult};
use crate::error::{Error, Result};
use crate::extract::bilingual::{self, Alignment};
use crate::extract::{self, Document, Extraction};
use crate::finding::Severity;
use crate::fix;
use crate::glossary::{builtin, load_set, GlossarySet, GlossarySource};
use crate::input::source::Decoding;
use crate::input::{format, Bilingual, PairLanguages, Sides, SourceFile};
use crate::lang::Lang;
use crate::pipeline::{self, AlignLanguages, InputSource, LanguageChoice};
use crate::report::{Coverage, Report};
use crate::walk;

/// Called after each input is done (from worker threads), for a progress
/// display.
pub type Progress<'a> = &'a (dyn Fn(&Path) + Sync);

/// What a command found, and the inputs it could not read.
#[derive(Debug)]
pub struct Outcome {
    pub report: Report,
    /// Inputs that could not be read or parsed, in input order: the run
    /// went on without them, and it failed.
    pub errors: Vec<Error>,
}

/// How a run ends, for the exit code (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No finding at or above the fail-on level.
    Clean,
    /// Findings at or above the fail-on level.
    Findings,
    /// An input could not be checked.
    Failed,
}

impl Outcome {
    /// The report, with the inputs that could not be checked recorded in
    /// it for the emitters, and the errors themselves.
    pub fn into_report(self) -> (Report, Vec<Error>) {
        (self.report.with_failures(&self.errors), self.errors)
    }

    /// How the run ends when findings at `fail_on` or above fail it
    /// (`None`: findings never do).
    pub fn status(&self, fail_on: Option<Severity>) -> Status {
        status(&self.errors, self.report.fails(fail_on))
    }
}

/// [`Status`] from the errors of a run and whether its findings fail it.
pub fn status(errors: &[Error], failed: bool) -> Status {
    if !errors.is_empty() {
        Status::Failed
    } else if failed {
        Status::Findings
    } else {
        Status::Clean
    }
}

/// Which files a directory walk takes when no include glob says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// Every format termalign reads.
    AllFormats,
    /// Only bilingual formats (`align`).
    Bilingual,
}

/// One file fixed by [`Session::fix`].
#[derive(Debug)]
pub struct FixedFile {
    pub path: PathBuf,
    /// Occurrences replaced (or, dry run, that would be).
    pub edits: usize,
    /// Fixes not applied, and why.
    pub skipped: Vec<fix::Skipped>,
    /// The unified diff, on a dry run with edits.
    pub diff: Option<String>,
}

/// What [`Session::fix`] did.
#[derive(Debug)]
pub struct FixOutcome {
    /// What remains after fixing (what stands in files that were not written).
    pub outcome: Outcome,
    /// Every input that was read, in input order.
    pub files: Vec<FixedFile>,
}

impl FixOutcome {
    /// Occurrences fixed, over all files.
    pub fn edits(&self) -> usize {
        self.files.iter().map(|f| f.edits).sum()
    }

    /// Files with at least one fix.
    pub fn files_changed(&self) -> usize {
        self.files.iter().filter(|f| f.edits > 0).count()
    }
}

/// Settings, glossaries and the engine that checks with them.
pub struct Session {
    settings: Settings,
    engine: Engine,
    /// Whether any glossary was loaded: `extract` marks known terms only
    /// then; every other command needs one.
    has_glossaries: bool,
}

impl Session {
    /// How input files are decoded: the settings' `encoding` for files that
    /// declare none.
    fn decoding(&self) -> Decoding {
        Decoding {
            fallback: self.settings.encoding.value,
        }
    }

    /// Loads the glossaries the settings name (the built-in ones unless
    /// turned off) and builds the engine. Every error of a failed load is
    /// returned; having no glossary at all is one.
    pub fn new(settings: Settings) -> Result<Session, Vec<Error>> {
        let set = load_glossaries(&settings)?;
        if set.glossaries.is_empty() {
            return Err(vec![Error::NoGlossaries]);
        }
        Ok(Session::with_glossaries(settings, set))
    }

    /// Like [`Session::new`], but no glossary at all is fine: `extract`
    /// proposes terms without knowing any.
    pub fn allowing_no_glossaries(settings: Settings) -> Result<Session, Vec<Error>> {
        let set = load_glossaries(&settings)?;
        Ok(Session::with_glossaries(settings, set))
    }

    /// A session over glossaries already loaded.
    pub fn with_glossaries(settings: Settings, set: GlossarySet) -> Session {
        let has_glossaries = !set.glossaries.is_empty();
        Session {
            engine: Engine::new(set, settings.rule_settings())
                .checking_states(settings.states.value),
            settings,
            has_glossaries,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    pub fn glossaries(&self) -> &GlossarySet {
        self.engine.glossaries()
    }

    /// The inputs for `paths`: files as given, directories walked (with the
    /// settings' include and exclude globs, relative to the configuration's
    /// directory; without include globs, the files of `walk`'s formats),
    /// `-` read from standard input. Paths that cannot be read come back as
    /// errors beside the inputs found, so the rest are still checked. With
    /// `force_exclude`, exclude globs drop named files too. Fails on an
    /// invalid glob or unreadable standard input.
    pub fn inputs(
        &self,
        paths: &[PathBuf],
        walk: Walk,
        force_exclude: bool,
    ) -> Result<(Vec<InputSource>, Vec<Error>)> {
        let include = match walk {
            Walk::Bilingual if self.settings.include.value.is_empty() => {
                format::globs(Sides::Bilingual)
            }
            _ => self.settings.include.value.clone(),
        };
        let walked = walk::walk_inputs_from(
            paths,
            &include,
            &self.settings.exclude.value,
            self.settings.base.as_deref(),
            force_exclude,
        )?;
        let mut sources = Vec::with_capacity(walked.paths.len());
        for path in walked.paths {
            if path.as_os_str() == walk::STDIN {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|e| Error::io("standard input", e))?;
                sources.push(InputSource::stdin(bytes).decoded(self.decoding()));
            } else {
                sources.push(InputSource::file(path).decoded(self.decoding()));
            }
        }
        Ok((sources, walked.errors))
    }

    /// `check`: every input as monolingual prose (bilingual files: their
    /// targets), in parallel; the report carries coverage (the HTML page
    /// shows it).
    pub fn check(&self, sources: &[InputSource], progress: Progress<'_>) -> Outcome {
        let (results, errors) = pipeline::check_each(
            &self.engine,
            sources,
            &|path| self.language_of(path),
            progress,
        );
        self.outcome(results, errors, Some(self.settings.lang.value.as_str()))
    }

    /// `report`: the same run as `check`, for its coverage tables.
    pub fn report(&self, sources: &[InputSource], progress: Progress<'_>) -> Outcome {
        self.check(sources, progress)
    }

    /// `align`: the segment pairs of every bilingual input, and of the
    /// `parallel` pair of line-aligned files (source, target) if given.
    pub fn align(
        &self,
        sources: &[InputSource],
        parallel: Option<(&Path, &Path)>,
        progress: Progress<'_>,
    ) -> Outcome {
        let mut results = Vec::new();
        let mut errors = Vec::new();
        if let Some((source, target)) = parallel {
            let languages = self.align_languages(target);
            let [source, target] =
                [source, target].map(|p| InputSource::file(p).decoded(self.decoding()));
            match pipeline::align_parallel(&self.engine, &source, &target, &languages) {
                Ok(r) => results.push(r),
                Err(e) => errors.push(e),
            }
        }
        let (aligned, align_errors) = pipeline::align_each(
            &self.engine,
            sources,
            &|path| self.align_languages(path),
            progress,
        );
        results.extend(aligned);
        errors.extend(align_errors);
        // Coverage is per target language only when one was asked for;
        // otherwise every language's terms count.
        let target = &self.settings.target_lang;
        let language = (target.from == Provenance::CommandLine).then_some(target.value.as_str());
        self.outcome(results, errors, language)
    }

    /// `check --fix`: rewrites what the glossaries allow (`fix: auto`) in
    /// every input, in parallel, and checks the fixed text again. With
    /// `dry_run`, nothing is written and each file's diff is returned.
    /// Standard input can only be fixed as a dry run.
    pub fn fix(
        &self,
        sources: &[InputSource],
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<FixOutcome> {
        if !dry_run && sources.iter().any(InputSource::is_stdin) {
            return Err(Error::StdinNotFixable);
        }
        use rayon::prelude::*;
        let fixed: Vec<(FixedFile, Result<FileResult>, Option<Error>)> = sources
            .par_iter()
            .map(|source| {
                let outcome = self.fix_one(source, dry_run);
                progress(source.path());
                outcome
            })
            .collect();
        let mut files = Vec::with_capacity(fixed.len());
        let mut results = Vec::with_capacity(fixed.len());
        let mut errors = Vec::new();
        for (file, result, error) in fixed {
            match result {
                Ok(result) => {
                    files.push(file);
                    results.push(result);
                }
                Err(e) => errors.push(e),
            }
            errors.extend(error);
        }
        Ok(FixOutcome {
            outcome: self.outcome(results, errors, Some(self.settings.lang.value.as_str())),
            files,
        })
    }

    /// Fixes one input: what was done, what remains to report, and an error
    /// that kept the fix from being written (the result is then the check
    /// of the file as it stands).
    fn fix_one(
        &self,
        source: &InputSource,
        dry_run: bool,
    ) -> (FixedFile, Result<FileResult>, Option<Error>) {
        let path = source.path();
        let mut done = FixedFile {
            path: path.to_path_buf(),
            edits: 0,
            skipped: Vec::new(),
            diff: None,
        };
        let (language, from) = self.language_of(path);
        let choice = LanguageChoice::new(&language, &from);
        let fixed = match source
            .read()
            .and_then(|file| fix::fix_file(&self.engine, &file, choice).map(|f| (file, f)))
        {
            Ok(pair) => pair,
            Err(e) => return (done, Err(e), None),
        };
        let (original, fixed) = fixed;
        done.skipped = fixed.plan.skipped.clone();
        if fixed.plan.is_empty() {
            return (done, Ok(fixed.result), None);
        }
        if dry_run {
            done.diff = Some(fix::unified_diff(path, &original.text, &fixed.file.text));
        } else if let Err(e) = fix::write_fixed(path, &original.raw, &fixed.file.raw) {
            // Not written: what stands in the file is what was checked first.
            return (done, Ok(fixed.before), Some(e));
        }
        done.edits = fixed.plan.edits.len();
        (done, Ok(fixed.result), None)
    }

    /// `extract`: candidate terms of every input's prose in `language`,
    /// marked with what the glossaries know (when any are loaded).
    pub fn extract(
        &self,
        sources: &[InputSource],
        language: &str,
        options: &extract::Options,
    ) -> Result<(Extraction, LeftOut, Vec<Error>)> {
        let mut errors = Vec::new();
        let mut files: Vec<(String, Vec<String>)> = Vec::new();
        let mut left_out = LeftOut::new();
        for source in sources {
            match read_prose_in(source, language, &mut left_out) {
                Ok(segments) => files.push((source.path().display().to_string(), segments)),
                Err(e) => errors.push(e),
            }
        }
        let docs: Vec<Document<'_>> = files
            .iter()
            .map(|(name, segments)| Document {
                name,
                segments: segments.iter().map(String::as_str).collect(),
            })
            .collect();
        let extraction = extract::extract(&docs, language, self.known_terms(), options)?;
        Ok((extraction, left_out, errors))
    }

    /// `extract` on bilingual input: term pairs from the segment pairs of
    /// every input (pooled) or of the `parallel` pair of files, in the
    /// settings' source and target languages.
    pub fn extract_pairs(
        &self,
        sources: &[InputSource],
        parallel: Option<(&Path, &Path)>,
    ) -> Result<(Alignment, Vec<Error>)> {
        let source_lang = self.settings.source_lang.value.as_str();
        let target_lang = self.settings.target_lang.value.as_str();
        let mut errors = Vec::new();
        let mut input = Bilingual::default();
        if let Some((source, target)) = parallel {
            let s = SourceFile::read_with(source, self.decoding())?;
            let t = SourceFile::read_with(target, self.decoding())?;
            input = crate::input::parallel::read(&s, &t)?;
        }
        let languages = PairLanguages {
            source: Some(source_lang),
            target: Some(target_lang),
        };
        for source in sources {
            let read = source.read().and_then(|file| {
                format::detect(&file.path, &file.text).read_pairs(&file, languages)
            });
            match read {
                Ok(bilingual) => input.pairs.extend(bilingual.pairs),
                Err(e) => errors.push(e),
            }
        }
        let alignment = bilingual::align(&input, source_lang, target_lang, self.known_terms())?;
        Ok((alignment, errors))
    }

    fn known_terms(&self) -> Option<&Engine> {
        self.has_glossaries.then_some(&self.engine)
    }

    /// The languages the file at `path` is checked in, and where each comes
    /// from: the file is read, as check and align read it.
    pub fn file_languages(&self, path: &Path) -> Result<crate::lang::FileLanguage> {
        let file = SourceFile::read_with(path, self.decoding())?;
        let (language, from) = self.language_of(path);
        pipeline::file_languages(
            &file,
            LanguageChoice::new(&language, &from),
            &self.align_languages(path),
        )
    }

    /// The language of a monolingual input at `path` as the settings have
    /// it, and who chose it: the command line (it wins over what the file
    /// declares), the configuration, or nobody (then the file's text may be
    /// identified).
    fn language_of(&self, path: &Path) -> (String, Provenance) {
        let lang = self.settings.languages_for(path).lang;
        (lang.value.into_string(), lang.from)
    }

    /// The languages of one `align` input, by where the settings took them
    /// from: the command line's win over what the file declares, which wins
    /// over the configuration's, then the format's convention, then the
    /// defaults.
    fn align_languages(&self, path: &Path) -> AlignLanguages {
        let langs = self.settings.languages_for(path);
        let from = |s: &crate::config::Setting<Lang>, wanted: fn(&Provenance) -> bool| {
            wanted(&s.from).then(|| s.value.to_string())
        };
        let given = |p: &Provenance| *p == Provenance::CommandLine;
        let configured = |p: &Provenance| matches!(p, Provenance::Config(_));
        AlignLanguages {
            source: from(&langs.source_lang, given),
            target: from(&langs.target_lang, given),
            configured_source: from(&langs.source_lang, configured),
            configured_target: from(&langs.target_lang, configured),
            default_source: langs.source_lang.value.into_string(),
            default_target: langs.target_lang.value.into_string(),
        }
    }

    /// The report of a run's results, with coverage in `language` (`None`:
    /// every language).
    fn outcome(
        &self,
        results: Vec<FileResult>,
        errors: Vec<Error>,
        language: Option<&str>,
    ) -> Outcome {
        // Coverage is cheap (it counts the occurrences the checks
        // collected), so every command builds it.
        let coverage = Coverage::build(&results, self.glossaries(), language);
        Outcome {
            report: Report::build(&results, coverage),
            errors,
        }
    }
}

/// The glossaries the settings name, in priority order (SPEC §1, layered
/// glossaries): the command line's files in the order given, then the
/// configuration's in its order, then the built-in ones unless turned off.
/// A term two glossaries claim belongs to the first; a file named twice
/// counts once. Every error of a failed load is returned.
pub fn load_glossaries(settings: &Settings) -> Result<GlossarySet, Vec<Error>> {
    let mut named: Vec<&Setting<PathBuf>> = settings.glossaries.iter().collect();
    // Stable: within the command line and within the configuration, the
    // order they were written in.
    named.sort_by_key(|g| !matches!(g.from, Provenance::CommandLine));
    // A file named twice (on the command line and in the configuration)
    // is loaded once, where it ranks highest.
    let mut loaded: Vec<PathBuf> = Vec::with_capacity(named.len());
    named.retain(|g| {
        let path = std::fs::canonicalize(&g.value).unwrap_or_else(|_| g.value.clone());
        let first = !loaded.contains(&path);
        loaded.push(path);
        first
    });
    let mut sources = Vec::with_capacity(named.len());
    for glossary in named {
        match (GlossarySource::read(&glossary.value), &glossary.from) {
            (Ok(source), _) => sources.push(source),
            (Err(e), Provenance::Config(origin)) => {
                return Err(vec![Error::NamedGlossary {
                    origin: origin.clone(),
                    error: Box::new(e),
                }])
            }
            (Err(e), _) => return Err(vec![e]),
        }
    }
    if settings.default_glossaries.value {
        sources.extend(builtin::sources());
    }
    load_set(&sources)
}

/// Paragraphs `extract` left out because they are in another language:
/// how many, by primary language subtag.
pub type LeftOut = std::collections::BTreeMap<String, usize>;

/// The prose of `source` that is in `language`: each paragraph in the
/// language it is identified as, else the file's (declared, else
/// identified from its text); paragraphs in another language are counted
/// in `left_out`, so that `中欧` and `La Chine` are not filed under English.
fn read_prose_in(
    source: &InputSource,
    language: &str,
    left_out: &mut LeftOut,
) -> Result<Vec<String>> {
    let file = source.read()?;
    let prose = format::detect(&file.path, &file.text).read_document(&file)?;
    let primary = |tag: &str| crate::lang::primary_subtag(tag).into_owned();
    let wanted = primary(language);
    let file_language = prose.language.as_deref().map(primary).or_else(|| {
        crate::lang::identify(&pipeline::head_text(&prose)).map(|l| primary(l.as_str()))
    });
    let mut kept = Vec::with_capacity(prose.segments.len());
    for segment in prose.segments {
        let text = segment.text.text;
        let paragraph = crate::lang::identify(&text).map(|l| primary(l.as_str()));
        match paragraph.or_else(|| file_language.clone()) {
            Some(other) if other != wanted => *left_out.entry(other).or_default() += 1,
            _ => kept.push(text),
        }
    }
    Ok(kept)
}
