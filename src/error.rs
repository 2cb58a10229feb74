//! Library errors. Every error about user input carries an [`Origin`] (file,
//! line, column) so the binary can print `file:line:col: message`.

use std::fmt;
use std::path::PathBuf;

/// A position in a user's file: 1-based line, 1-based column counted in
/// Unicode scalar values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Origin {
    pub fn new(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Origin {
            path: path.into(),
            line,
            column,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A glossary file is malformed or breaks a rule of SPEC §1.
    #[error("{origin}: invalid glossary: {message}")]
    Glossary { origin: Origin, message: String },

    /// A configuration file is malformed.
    #[error("{origin}: invalid configuration: {message}")]
    Config { origin: Origin, message: String },

    /// An input file cannot be parsed (malformed XML, unterminated PO string, …).
    #[error("{origin}: {message}")]
    Input { origin: Origin, message: String },

    /// An input file is not valid text in its encoding: at 1-based `line`
    /// and `column` (of the text decoded before it), byte `offset`.
    #[error("{}:{line}:{column}: invalid {encoding} at byte offset {offset}", path.display())]
    Encoding {
        path: PathBuf,
        encoding: &'static str,
        offset: usize,
        line: usize,
        column: usize,
    },

    /// A file could not be read or written. The I/O error is part of the
    /// message (one line, naming the file), not a separate cause.
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },

    /// A file given to a command that needs source/target pairs holds
    /// prose in one language.
    #[error("{path}: {format} is not a bilingual format (align reads XLIFF, TMX, PO, TSV, or a pair of parallel files)")]
    NotBilingual { path: PathBuf, format: &'static str },

    /// A multilingual file holds several target languages and none was
    /// named.
    #[error("{}: several target languages ({})", path.display(), languages.join(", "))]
    SeveralTargetLanguages {
        path: PathBuf,
        languages: Vec<String>,
    },

    /// A glossary id given for an import is not of the form `[a-z0-9-]+`.
    #[error("`{id}`: a glossary id must match [a-z0-9-]+")]
    InvalidGlossaryId { id: String },

    /// A CSV glossary does not say which languages its columns hold, and
    /// they were not given.
    #[error("{}: {reason}: give the {} language", path.display(), missing.join(" and "))]
    ImportLanguagesUnknown {
        path: PathBuf,
        reason: &'static str,
        /// `source`, `target` or both.
        missing: Vec<&'static str>,
    },

    /// No glossary was loaded: there is nothing to check against.
    #[error("no glossaries loaded")]
    NoGlossaries,

    /// A glossary that a configuration file names cannot be read.
    #[error("{origin}: the glossary named here cannot be read")]
    NamedGlossary {
        origin: Origin,
        #[source]
        error: Box<Error>,
    },

    /// `--fix` was asked to rewrite standard input in place.
    #[error("standard input cannot be fixed in place")]
    StdinNotFixable,

    /// `extract` has no tokenizer for the language (the message names the
    /// supported ones).
    #[error("{0}")]
    UnsupportedLanguage(String),

    /// Options that do not fit together, or a value that is not allowed.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            error,
        }
    }

    /// The file an error is about and, where known, the 1-based line and
    /// column in it.
    pub fn position(&self) -> (Option<&std::path::Path>, Option<(usize, usize)>) {
        match self {
            Error::Glossary { origin, .. }
            | Error::Config { origin, .. }
            | Error::Input { origin, .. }
            | Error::NamedGlossary { origin, .. } => {
                (Some(&origin.path), Some((origin.line, origin.column)))
            }
            Error::Encoding {
                path, line, column, ..
            } => (Some(path), Some((*line, *column))),
            Error::Io { path, .. } => (Some(path), None),
            Error::NotBilingual { path, .. } | Error::SeveralTargetLanguages { path, .. } => {
                (Some(path), None)
            }
            Error::ImportLanguagesUnknown { path, .. } => (Some(path), None),
            Error::NoGlossaries
            | Error::InvalidGlossaryId { .. }
            | Error::StdinNotFixable
            | Error::UnsupportedLanguage(_)
            | Error::Usage(_) => (None, None),
        }
    }

    /// Text that is not valid `encoding` at byte `offset`; `before` is the
    /// text decoded up to there, which gives the line and column.
    pub fn encoding(
        path: impl Into<PathBuf>,
        encoding: &'static str,
        offset: usize,
        before: &str,
    ) -> Self {
        let lines = crate::span::LineIndex::new(before);
        let (line, column) = lines.line_col(before, before.len());
        Error::Encoding {
            path: path.into(),
            encoding,
            offset,
            line,
            column,
        }
    }

    pub fn input(origin: Origin, message: impl Into<String>) -> Self {
        Error::Input {
            origin,
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
