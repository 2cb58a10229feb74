//! `termalign glossary import`: TBX and CSV glossaries to termalign YAML.
//!
//! Each reader ([`tbx`], [`csv`]) turns a file into a [`Draft`]: concepts,
//! language sections and terms as the file has them, statuses and types
//! only where it gives them, with the position of each. [`import`] then
//! makes the drafts into one glossary that is valid under SPEC §1, deciding
//! what the source left open, and returns every decision that changed or
//! dropped something as a [`Warning`] (the library never prints; the binary
//! does). The output is checked with [`load_set`]
//! before it is returned, so an import never yields a file that termalign
//! would refuse.
//!
//! What the validator requires, and how the importer gets there:
//!
//! - **Ids.** Concept ids are the entry's `id` attribute (or CSV `concept`
//!   column) slugified to `[a-z0-9-]+`, else `c1`, `c2`, … by position;
//!   a repeated id gets `-2`, `-3`, … (a warning says so).
//! - **Languages.** A section's tag is the lower-cased primary subtag of
//!   `xml:lang` (`en-US` → `en`), because text is checked with primary
//!   tags; sections of one concept with the same primary subtag merge. A
//!   tag that is not a language tag at all drops its section, with a warning.
//! - **A preferred term per language.** TBX and CSV terms often carry no
//!   status. A term without one is *admitted*; a language section with no
//!   preferred term gets its first non-deprecated term made preferred. When
//!   that term had no status this is the obvious reading and is reported as
//!   one count per file (saying how many sections had several terms, whose
//!   others became admitted); when the source said `admitted`, the warning
//!   names the term.
//! - **Only deprecated terms in a language.** No term may be made preferred
//!   without inventing usage, and the validator will not take a language
//!   without one, so such a section is written *as YAML comments* in its
//!   concept (a concept left with nothing else is commented out whole), with
//!   the reason above it: nothing is lost, the output loads, and a reviewer
//!   who adds a preferred term can uncomment the rest. A warning names it.
//! - **The same term twice.** A repeat in one language of one concept, and a
//!   term that another concept already has (unless both are deprecated or
//!   forbidden, which SPEC §1 allows), are dropped at their later
//!   occurrence, with a warning naming both places. "The same" is judged by
//!   the validator's own folding.
//! - **Empty terms** are dropped with a warning; concepts with no terms left
//!   are left out.
//!
//! Texts (terms, notes, definitions) have their runs of white space,
//! line breaks included, collapsed to one space: TBX files are
//! pretty-printed, and a term never means its indentation.

pub mod csv;
pub mod tbx;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use super::model::{Status, TermType};
use super::validate::is_language_tag;
use super::write::{ConceptDoc, GlossaryDoc, TermDoc};
use super::{load_set, GlossarySource};
use crate::error::{Error, Result};
use crate::input::SourceFile;
use crate::lang::primary_subtag;
use crate::text::{fold_str, Fold};

/// The formats `glossary import` reads and `glossary export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InteropFormat {
    /// TBX (v2 `martif` or v3 `tbx` on import, DCA or DCT style; v3
    /// TBX-Basic on export).
    Tbx,
    /// Comma-separated values (RFC 4180), with or without a header row.
    Csv,
}

impl InteropFormat {
    pub fn name(self) -> &'static str {
        match self {
            InteropFormat::Tbx => "tbx",
            InteropFormat::Csv => "csv",
        }
    }

    /// The format of `path` by its extension, else by its first character
    /// (`<` is XML).
    pub fn detect(path: &Path, text: &str) -> InteropFormat {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("tbx" | "xml" | "tbxm") => InteropFormat::Tbx,
            Some("csv" | "tsv") => InteropFormat::Csv,
            _ if text.trim_start().starts_with('<') => InteropFormat::Tbx,
            _ => InteropFormat::Csv,
        }
    }

    /// The format a file name asks for by its extension, if any.
    pub fn from_extension(path: &Path) -> Option<InteropFormat> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "tbx" | "xml" | "tbxm" => Some(InteropFormat::Tbx),
            "csv" => Some(InteropFormat::Csv),
            _ => None,
        }
    }
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The format of every file; detected per file when `None`.
    pub format: Option<InteropFormat>,
    /// The glossary id; by default the first file's name, slugified.
    pub id: Option<String>,
    /// Language of CSV `source` columns (and of the first column of a file
    /// without a header row).
    pub source_lang: Option<String>,
    /// Language of CSV `target` columns (and of the second column of a file
    /// without a header row).
    pub target_lang: Option<String>,
}

/// Something the importer changed, guessed or dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    /// 1-based line and column, when the warning is about one place.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// The result of an import: the glossary, as a document and as YAML.
#[derive(Debug, Clone)]
pub struct Imported {
    pub doc: GlossaryDoc,
    pub yaml: String,
    pub warnings: Vec<Warning>,
}

impl Imported {
    /// Concepts written (not counting commented-out ones).
    pub fn concept_count(&self) -> usize {
        self.doc
            .concepts
            .iter()
            .filter(|c| c.commented_out.is_none())
            .count()
    }

    /// Terms written (not counting commented-out ones).
    pub fn term_count(&self) -> usize {
        self.doc
            .concepts
            .iter()
            .filter(|c| c.commented_out.is_none())
            .flat_map(|c| &c.terms)
            .map(|(_, terms)| terms.len())
            .sum()
    }
}

/// A file as read, before the importer's decisions.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub path: PathBuf,
    /// What the file is, for the output's `source` (`TBX v3`, `CSV`).
    pub kind: String,
    /// The document's own language (TBX root `xml:lang`), which picks the
    /// definition when only language sections have one.
    pub language: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub concepts: Vec<DraftConcept>,
    /// Warnings found while reading.
    pub warnings: Vec<Warning>,
}

/// A concept as read.
#[derive(Debug, Clone, Default)]
pub struct DraftConcept {
    pub id: Option<String>,
    pub at: (usize, usize),
    pub domain: Option<String>,
    /// (language of the section it came from, or `None` for the concept
    /// level; text).
    pub definitions: Vec<(Option<String>, String)>,
    pub notes: Vec<String>,
    pub languages: Vec<DraftLanguage>,
}

/// A language section as read.
#[derive(Debug, Clone, Default)]
pub struct DraftLanguage {
    /// The tag as written (`en-US`).
    pub tag: String,
    pub at: (usize, usize),
    pub terms: Vec<DraftTerm>,
}

/// A term as read.
#[derive(Debug, Clone, Default)]
pub struct DraftTerm {
    pub text: String,
    pub at: (usize, usize),
    /// `None`: the file gives no status.
    pub status: Option<Status>,
    pub term_type: Option<TermType>,
    pub notes: Vec<String>,
}

/// Reads `files` and makes one valid glossary of them.
pub fn import(files: &[SourceFile], options: &ImportOptions) -> Result<Imported> {
    let mut drafts = Vec::new();
    for file in files {
        let format = options
            .format
            .unwrap_or_else(|| InteropFormat::detect(&file.path, &file.text));
        drafts.push(match format {
            InteropFormat::Tbx => tbx::read(file)?,
            InteropFormat::Csv => csv::read(file, options)?,
        });
    }
    let id = match &options.id {
        Some(id) => {
            if !is_id(id) {
                return Err(Error::InvalidGlossaryId { id: id.clone() });
            }
            id.clone()
        }
        None => files
            .first()
            .and_then(|f| f.path.file_stem())
            .map(|s| slugify(&s.to_string_lossy()))
            .filter(|s| !s.is_empty() && s != "-")
            .unwrap_or_else(|| "imported".to_owned()),
    };
    let (doc, warnings) = Finisher::default().finish(id, drafts);
    let yaml = doc.to_yaml();
    // The importer's promise is a file that loads: hold it to that here
    // rather than hand the user a glossary that `check` would refuse.
    if let Err(errors) = load_set(&[GlossarySource {
        path: "<imported>".into(),
        text: yaml.clone(),
    }]) {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        return Err(Error::Usage(format!(
            "the imported glossary does not validate (a termalign bug; please report it with the input file):\n{}",
            lines.join("\n")
        )));
    }
    Ok(Imported {
        doc,
        yaml,
        warnings,
    })
}

/// `[a-z0-9-]+`, as SPEC §1 requires of ids.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `s` as an id: ASCII letters lower-cased, digits kept, every other run of
/// characters one `-`, no `-` at either end. May be empty.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Runs of white space (line breaks, tabs, NBSP…) as one space, trimmed.
pub fn collapse_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A status value from TBX (`administrativeStatus`, `normativeAuthorization`,
/// `usageStatus`) or CSV: `preferredTerm-admn-sts`, `preferredTerm`,
/// `preferred`, … Unknown values give `None`.
pub fn parse_status(value: &str) -> Option<Status> {
    let v = value.trim();
    let v = v.strip_suffix("-admn-sts").unwrap_or(v);
    let v = v.strip_suffix("Term").unwrap_or(v);
    let v = v.to_ascii_lowercase().replace(['-', '_', ' '], "");
    Some(match v.as_str() {
        "preferred" | "standardized" => Status::Preferred,
        // Legally or otherwise regulated terms are fine to use, but say
        // nothing about which one to prefer.
        "admitted" | "legal" | "regulated" => Status::Admitted,
        "deprecated" | "superseded" | "notrecommended" | "obsolete" => Status::Deprecated,
        "forbidden" => Status::Forbidden,
        _ => return None,
    })
}

/// A term type from TBX `termType` or CSV: `fullForm`, `short-form`,
/// `acronym`, … Unknown values give `None`.
pub fn parse_term_type(value: &str) -> Option<TermType> {
    let v = value
        .trim()
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "");
    Some(match v.as_str() {
        // TBX-Basic's `phrase` is a full expression in its own right.
        "fullform" | "phrase" => TermType::FullForm,
        "shortform" | "shortcut" | "clippedterm" => TermType::ShortForm,
        "abbreviation" | "acronym" | "initialism" | "abbreviatedformfor" => TermType::Abbreviation,
        "variant" | "transcribedform" | "transliteratedform" => TermType::Variant,
        _ => return None,
    })
}

/// One language's terms while the finisher works on a concept.
struct Lang {
    tag: String,
    terms: Vec<DraftTerm>,
}

/// Language sections of one file whose first term was made preferred
/// because no term had a status: counted, and reported once.
#[derive(Default)]
struct Unmarked {
    sections: usize,
    /// Those with other usable terms, which became admitted.
    several: usize,
}

#[derive(Default)]
struct Finisher {
    warnings: Vec<Warning>,
    ids: HashSet<String>,
    languages: Vec<String>,
}

impl Finisher {
    fn warn(&mut self, path: &Path, at: Option<(usize, usize)>, message: String) {
        self.warnings.push(Warning {
            path: path.to_path_buf(),
            position: at,
            message,
        });
    }

    fn finish(mut self, id: String, drafts: Vec<Draft>) -> (GlossaryDoc, Vec<Warning>) {
        let names: Vec<String> = drafts
            .iter()
            .map(|d| {
                let name = d
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| d.path.display().to_string());
                format!("{name} ({})", d.kind)
            })
            .collect();
        let mut sources = vec![format!("Imported from {}.", names.join(", "))];
        let mut title = None;
        let mut concepts = Vec::new();
        let mut number = 0;
        for mut draft in drafts {
            self.warnings.append(&mut draft.warnings);
            title = title.or(draft.title.take());
            if let Some(s) = draft.source.take() {
                sources.push(s);
            }
            let mut unmarked = Unmarked::default();
            for concept in std::mem::take(&mut draft.concepts) {
                number += 1;
                if let Some(c) = self.concept(&draft, concept, number, &mut unmarked) {
                    concepts.push(c);
                }
            }
            if unmarked.sections > 0 {
                let sections = |n: usize| {
                    if n == 1 {
                        "1 language section".to_owned()
                    } else {
                        format!("{n} language sections")
                    }
                };
                let mut message = format!(
                    "no term has a status in {}: the first term of each is imported as preferred",
                    sections(unmarked.sections)
                );
                if unmarked.several > 0 {
                    message.push_str(&format!(
                        ", the others (in the {} with more than one) as admitted",
                        sections(unmarked.several)
                    ));
                }
                self.warn(&draft.path, None, message);
            }
        }
        // In file order, then by position; a file's summary last.
        let order: Vec<PathBuf> = names_order(&self.warnings);
        self.warnings.sort_by_key(|w| {
            (
                order.iter().position(|p| *p == w.path),
                w.position.is_none(),
                w.position,
            )
        });
        let doc = GlossaryDoc {
            header: vec![
                format!(
                    "Imported by `termalign glossary import` from {}.",
                    names.join(", ")
                ),
                "Review the statuses before relying on this glossary: where the source gave".into(),
                "none, the first term of each language was made preferred and the others".into(),
                "admitted. Run `termalign glossary validate` on it after editing.".into(),
            ],
            glossary: id,
            title,
            version: None,
            source: Some(sources.join(" ")),
            languages: std::mem::take(&mut self.languages),
            concepts,
        };
        (doc, self.warnings)
    }

    fn concept(
        &mut self,
        draft: &Draft,
        dc: DraftConcept,
        number: usize,
        unmarked: &mut Unmarked,
    ) -> Option<ConceptDoc> {
        let path = draft.path.as_path();
        let id = self.unique_id(path, &dc, number);

        // Language sections by primary subtag, in the order first seen.
        let mut langs: Vec<Lang> = Vec::new();
        for dl in dc.languages {
            let tag = primary_subtag(dl.tag.trim()).into_owned();
            if !is_language_tag(&tag) {
                self.warn(
                    path,
                    Some(dl.at),
                    format!(
                        "`{}` is not a language tag: the {} term(s) of this section are not imported",
                        dl.tag,
                        dl.terms.len()
                    ),
                );
                continue;
            }
            match langs.iter_mut().find(|l| l.tag == tag) {
                Some(l) => l.terms.extend(dl.terms),
                None => langs.push(Lang {
                    tag,
                    terms: dl.terms,
                }),
            }
        }

        // Empty terms and repeats within the concept. A term another concept
        // has too is kept: a glossary may hold homonyms (SPEC §1).
        for lang in &mut langs {
            let mut local: HashMap<String, usize> = HashMap::new();
            let mut kept = Vec::new();
            for mut t in std::mem::take(&mut lang.terms) {
                t.text = collapse_space(&t.text);
                if t.text.is_empty() {
                    self.warn(path, Some(t.at), "empty term: not imported".to_owned());
                    continue;
                }
                let folded = fold_str(&t.text, Fold::CASE_ONLY);
                if let Some(&line) = local.get(&folded) {
                    self.warn(
                        path,
                        Some(t.at),
                        format!(
                            "`{}` (`{}`) is already a term of this concept (line {line}): the repeat is not imported",
                            t.text, lang.tag
                        ),
                    );
                    continue;
                }
                local.insert(folded, t.at.0);
                kept.push(t);
            }
            lang.terms = kept;
        }
        langs.retain(|l| !l.terms.is_empty());

        // Statuses: a preferred term in every language, or the language is
        // kept only as comments.
        let mut terms = Vec::new();
        let mut commented = Vec::new();
        for lang in langs {
            let mut docs: Vec<TermDoc> = lang.terms.iter().map(term_doc).collect();
            let has_preferred = lang
                .terms
                .iter()
                .any(|t| t.status == Some(Status::Preferred));
            if !has_preferred {
                let first = lang
                    .terms
                    .iter()
                    .position(|t| t.status.is_none_or(|s| s.is_approved()));
                match first {
                    Some(i) => {
                        docs[i].status = Status::Preferred;
                        match lang.terms[i].status {
                            None => {
                                unmarked.sections += 1;
                                let approved = lang
                                    .terms
                                    .iter()
                                    .filter(|t| t.status.is_none_or(|s| s.is_approved()))
                                    .count();
                                if approved > 1 {
                                    unmarked.several += 1;
                                }
                            }
                            Some(s) => self.warn(
                                path,
                                Some(lang.terms[i].at),
                                format!(
                                    "concept `{id}` has no preferred term in `{}`: `{}` ({s} in the source) is imported as preferred",
                                    lang.tag, lang.terms[i].text
                                ),
                            ),
                        }
                    }
                    None => {
                        let list: Vec<&str> = lang.terms.iter().map(|t| t.text.as_str()).collect();
                        self.warn(
                            path,
                            Some(lang.terms[0].at),
                            format!(
                                "every `{}` term of concept `{id}` is deprecated ({}), and a language needs a preferred term: kept as comments in the output",
                                lang.tag,
                                list.join(", ")
                            ),
                        );
                        let reason = format!(
                            "`{}`: every term is deprecated in the source and none is preferred; add a preferred term, then uncomment:",
                            lang.tag
                        );
                        // Declared, so that uncommenting them is enough.
                        if !self.languages.contains(&lang.tag) {
                            self.languages.push(lang.tag.clone());
                        }
                        commented.push((lang.tag, docs, reason));
                        continue;
                    }
                }
            }
            if !self.languages.contains(&lang.tag) {
                self.languages.push(lang.tag.clone());
            }
            terms.push((lang.tag, docs));
        }
        if terms.is_empty() && commented.is_empty() {
            self.warn(
                path,
                Some(dc.at),
                format!("concept `{id}` has no terms: not imported"),
            );
            return None;
        }

        let definition = pick_definition(&dc.definitions, draft.language.as_deref());
        let note = (!dc.notes.is_empty()).then(|| dc.notes.join("\n"));
        let commented_out = terms.is_empty().then(|| {
            format!("`{id}`: no language has a term that is not deprecated; kept as comments:")
        });
        Some(ConceptDoc {
            id,
            domain: dc
                .domain
                .map(|d| collapse_space(&d))
                .filter(|d| !d.is_empty()),
            definition,
            note,
            terms,
            commented,
            commented_out,
        })
    }

    fn unique_id(&mut self, path: &Path, dc: &DraftConcept, number: usize) -> String {
        let base = dc
            .id
            .as_deref()
            .map(slugify)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("c{number}"));
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        if id != base {
            self.warn(
                path,
                Some(dc.at),
                format!("concept id `{base}` is already used: this concept is imported as `{id}`"),
            );
        }
        self.ids.insert(id.clone());
        id
    }
}

/// The paths of `warnings` in the order they first appear.
fn names_order(warnings: &[Warning]) -> Vec<PathBuf> {
    let mut order: Vec<PathBuf> = Vec::new();
    for w in warnings {
        if !order.contains(&w.path) {
            order.push(w.path.clone());
        }
    }
    order
}

fn term_doc(t: &DraftTerm) -> TermDoc {
    let mut doc = TermDoc::new(t.text.clone());
    // Admitted until a language is found to lack a preferred term.
    doc.status = t.status.unwrap_or(Status::Admitted);
    doc.term_type = t.term_type.unwrap_or_default();
    let notes: Vec<String> = t
        .notes
        .iter()
        .map(|n| collapse_space(n))
        .filter(|n| !n.is_empty())
        .collect();
    doc.note = (!notes.is_empty()).then(|| notes.join("\n"));
    doc
}

/// The concept's own definition; else the one in the document's language;
/// else the first.
fn pick_definition(
    definitions: &[(Option<String>, String)],
    doc_lang: Option<&str>,
) -> Option<String> {
    let usable = || {
        definitions
            .iter()
            .map(|(lang, text)| (lang, collapse_space(text)))
            .filter(|(_, text)| !text.is_empty())
    };
    let doc_lang = doc_lang.map(primary_subtag);
    let in_doc_lang = |lang: &Option<String>| {
        doc_lang.is_some() && lang.as_deref().map(primary_subtag) == doc_lang
    };
    usable()
        .find(|(lang, _)| lang.is_none())
        .or_else(|| usable().find(|(lang, _)| in_doc_lang(lang)))
        .or_else(|| usable().next())
        .map(|(_, text)| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, status: Option<Status>) -> DraftTerm {
        DraftTerm {
            text: text.into(),
            at: (1, 1),
            status,
            ..DraftTerm::default()
        }
    }

    fn concept(id: Option<&str>, langs: Vec<(&str, Vec<DraftTerm>)>) -> DraftConcept {
        DraftConcept {
            id: id.map(Into::into),
            at: (1, 1),
            languages: langs
                .into_iter()
                .map(|(tag, terms)| DraftLanguage {
                    tag: tag.into(),
                    at: (1, 1),
                    terms,
                })
                .collect(),
            ..DraftConcept::default()
        }
    }

    fn finish(concepts: Vec<DraftConcept>) -> (GlossaryDoc, Vec<String>) {
        let draft = Draft {
            path: "in.tbx".into(),
            kind: "TBX v3".into(),
            concepts,
            ..Draft::default()
        };
        let (doc, warnings) = Finisher::default().finish("g".into(), vec![draft]);
        let yaml = doc.to_yaml();
        load_set(&[GlossarySource {
            path: "out.yaml".into(),
            text: yaml.clone(),
        }])
        .unwrap_or_else(|e| panic!("{e:?}\n{yaml}"));
        (doc, warnings.iter().map(|w| w.message.clone()).collect())
    }

    fn statuses(doc: &GlossaryDoc, concept: usize, lang: &str) -> Vec<(String, Status)> {
        doc.concepts[concept]
            .terms
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, ts)| ts.iter().map(|t| (t.term.clone(), t.status)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn values_map_to_statuses_and_types() {
        use Status::*;
        for (v, want) in [
            ("preferredTerm-admn-sts", Some(Preferred)),
            ("admittedTerm-admn-sts", Some(Admitted)),
            ("deprecatedTerm-admn-sts", Some(Deprecated)),
            ("supersededTerm-admn-sts", Some(Deprecated)),
            ("standardizedTerm", Some(Preferred)),
            ("legalTerm-admn-sts", Some(Admitted)),
            ("notRecommended", Some(Deprecated)),
            ("obsolete", Some(Deprecated)),
            ("preferred", Some(Preferred)),
            (" Deprecated ", Some(Deprecated)),
            ("forbidden", Some(Forbidden)),
            ("maybe", None),
        ] {
            assert_eq!(parse_status(v), want, "{v}");
        }
        for (v, want) in [
            ("fullForm", Some(TermType::FullForm)),
            ("full-form", Some(TermType::FullForm)),
            ("shortcut", Some(TermType::ShortForm)),
            ("short-form", Some(TermType::ShortForm)),
            ("acronym", Some(TermType::Abbreviation)),
            ("initialism", Some(TermType::Abbreviation)),
            ("variant", Some(TermType::Variant)),
            ("symbol", None),
        ] {
            assert_eq!(parse_term_type(v), want, "{v}");
        }
        assert_eq!(slugify("eid-Oracle-67"), "eid-oracle-67");
        assert_eq!(slugify("_Concept 12 / b_"), "concept-12-b");
        assert_eq!(slugify("西藏"), "");
        assert_eq!(collapse_space(" a\n\t\tb \u{A0}c "), "a b c");
    }

    #[test]
    fn the_first_usable_term_is_made_preferred() {
        let (doc, warnings) = finish(vec![
            concept(
                Some("a"),
                vec![("en", vec![term("one", None), term("two", None)])],
            ),
            concept(
                Some("b"),
                vec![(
                    "EN-us",
                    vec![
                        term("old", Some(Status::Deprecated)),
                        term("ok", Some(Status::Admitted)),
                        term("fine", None),
                    ],
                )],
            ),
        ]);
        assert_eq!(
            statuses(&doc, 0, "en"),
            [
                ("one".into(), Status::Preferred),
                ("two".into(), Status::Admitted)
            ]
        );
        assert_eq!(
            statuses(&doc, 1, "en"),
            [
                ("old".into(), Status::Deprecated),
                ("ok".into(), Status::Preferred),
                ("fine".into(), Status::Admitted)
            ]
        );
        assert_eq!(doc.languages, ["en"]);
        assert!(
            warnings[0].contains("`ok` (admitted in the source) is imported as preferred"),
            "{warnings:?}"
        );
        assert_eq!(
            warnings[1],
            "no term has a status in 1 language section: the first term of each is imported as preferred, the others (in the 1 language section with more than one) as admitted"
        );
    }

    #[test]
    fn all_deprecated_languages_become_comments() {
        let (doc, warnings) = finish(vec![
            concept(
                Some("mixed"),
                vec![
                    ("en", vec![term("data bus", Some(Status::Preferred))]),
                    ("fr", vec![term("bus de données", Some(Status::Deprecated))]),
                ],
            ),
            concept(
                Some("gone"),
                vec![("en", vec![term("old bus", Some(Status::Deprecated))])],
            ),
        ]);
        assert_eq!(doc.concepts[0].terms.len(), 1);
        assert_eq!(doc.concepts[0].commented.len(), 1);
        assert!(doc.concepts[1].commented_out.is_some());
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        let yaml = doc.to_yaml();
        assert!(
            yaml.contains("      # fr:\n      #   - term: bus de données\n"),
            "{yaml}"
        );
        assert!(yaml.contains("  # - id: gone\n"), "{yaml}");
    }

    #[test]
    fn repeats_and_ids_are_resolved_and_homonyms_kept() {
        let (doc, warnings) = finish(vec![
            concept(
                Some("x"),
                vec![("en", vec![term("Bus", None), term("bus", None)])],
            ),
            concept(
                Some("X"),
                vec![("en", vec![term("BUS", None), term("coach", None)])],
            ),
            concept(
                None,
                vec![
                    (
                        "en",
                        vec![term("old", Some(Status::Deprecated)), term("current", None)],
                    ),
                    ("fr", vec![term("  ", None), term("vieux", None)]),
                ],
            ),
            concept(
                None,
                vec![
                    (
                        "en",
                        vec![term("old", Some(Status::Deprecated)), term("new", None)],
                    ),
                    ("x-klingon", vec![term("tlhIngan", None)]),
                ],
            ),
        ]);
        let ids: Vec<&str> = doc.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["x", "x-2", "c3", "c4"]);
        assert_eq!(statuses(&doc, 0, "en"), [("Bus".into(), Status::Preferred)]);
        // A homonym (`bus` in two concepts) is kept in both.
        assert_eq!(
            statuses(&doc, 1, "en"),
            [
                ("BUS".into(), Status::Preferred),
                ("coach".into(), Status::Admitted)
            ]
        );
        assert_eq!(
            statuses(&doc, 3, "en"),
            [
                ("old".into(), Status::Deprecated),
                ("new".into(), Status::Preferred)
            ]
        );
        let all = warnings.join("\n");
        assert!(
            all.contains("`bus` (`en`) is already a term of this concept"),
            "{all}"
        );
        assert!(
            all.contains("concept id `x` is already used: this concept is imported as `x-2`"),
            "{all}"
        );
        assert!(!all.contains("`BUS`"), "{all}");
        assert!(all.contains("empty term"), "{all}");
        assert!(all.contains("`x-klingon` is not a language tag"), "{all}");
    }

    #[test]
    fn definitions_prefer_the_concept_then_the_document_language() {
        let defs = vec![
            (Some("es".to_owned()), "una".to_owned()),
            (Some("en-GB".to_owned()), "one\n  def".to_owned()),
        ];
        assert_eq!(
            pick_definition(&defs, Some("en")).as_deref(),
            Some("one def")
        );
        assert_eq!(pick_definition(&defs, Some("de")).as_deref(), Some("una"));
        let mut with_concept = defs.clone();
        with_concept.push((None, "concept".into()));
        assert_eq!(
            pick_definition(&with_concept, Some("en")).as_deref(),
            Some("concept")
        );
        assert_eq!(pick_definition(&[], None), None);
    }
}
