//! The input formats, one definition each.
//!
//! [`FORMATS`] is the registry: for every [`Format`] its name, the file
//! extensions and content that identify it, whether it holds one language
//! or source/target pairs, its reader, and what `--fix` must respect in it
//! (the characters that mean markup, the escaping a replacement needs).
//! Everything that depends on the format derives from this table: detection
//! ([`detect`]), which files a directory walk takes, the files `align`
//! walks, `--fix`, the pre-commit hooks' file patterns and the README's
//! format table. Adding a format is one reader module plus one entry here;
//! the tests at the bottom fail when an entry is missing or incomplete.
//!
//! Detection: content decides when it is unambiguous (an XML document whose
//! root element is `<xliff>`, `<tmx>` or, Android's, `<resources>`; an HTML
//! document, from
//! `<!DOCTYPE html>` or a root `<html>`, `<head>` or `<body>`; a PO file,
//! whose first line that is neither blank nor a `#` comment is `msgid "…"`
//! or `msgctxt "…"`); otherwise the extension, unless it is shared with other
//! files (`.xml`: only content makes it Android's); a file with no known
//! extension (or standard input) is then taken by weak content evidence
//! (enough Markdown syntax), else it is plain text.

use std::path::Path;

use crate::error::{Error, Result};
use crate::input::{self, Bilingual, Prose, Segment, SourceFile, StateSet};
use crate::suppress::CommentSyntax;
use crate::text::placeholder;

/// The formats termalign reads. Each has one [`FormatDef`] in [`FORMATS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Xliff,
    Tmx,
    Po,
    Tsv,
    Json,
    Properties,
    Strings,
    Stringsdict,
    Android,
    Resx,
    Srt,
    Vtt,
    Yaml,
    Asciidoc,
    Rst,
    Fluent,
    Xcstrings,
}

/// What a file of a format holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sides {
    /// Prose in one language: `check` reads it, `align` does not.
    Monolingual,
    /// Source/target pairs: `align` reads them; `check` reads the targets.
    Bilingual,
}

/// The languages a bilingual reader is asked for: a multilingual TMX holds
/// several, and these pick the pair. `None`: what the file says.
#[derive(Debug, Clone, Copy, Default)]
pub struct PairLanguages<'a> {
    pub source: Option<&'a str>,
    pub target: Option<&'a str>,
}

/// How a format's file is read.
#[derive(Clone, Copy)]
pub enum Reader {
    /// Monolingual prose, as segments mapped into the file.
    Prose(fn(&SourceFile) -> Result<Prose>),
    /// Source/target pairs.
    Pairs(fn(&SourceFile, PairLanguages<'_>) -> Result<Bilingual>),
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Reader::Prose(_) => "Reader::Prose",
            Reader::Pairs(_) => "Reader::Pairs",
        })
    }
}

/// How a replacement is written into a file's text by `--fix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escaping {
    /// As it is (plain text, Markdown, TSV cells).
    Verbatim,
    /// XML and HTML character data: `&`, `<` and `>` as entities.
    XmlText,
    /// Inside a PO string: `\\`, `\"` and `\n`.
    PoString,
    /// Inside a JSON string: `\\`, `\"` and control characters as escapes.
    JsonString,
    /// A Java properties value: `\\`, line breaks and tabs as escapes, and
    /// characters beyond Latin-1 as `\uXXXX` (UTF-16 units), which every
    /// reader of the format understands whatever encoding it assumes.
    PropertiesValue,
    /// Inside a quoted `.strings` value: `\\`, `\"` and `\n`.
    StringsValue,
    /// A YAML scalar of any style (plain, quoted, block): as it is, when
    /// it holds nothing that one of those styles would read otherwise.
    YamlScalar,
    /// Fluent pattern text: as it is, when it holds no brace (a
    /// placeable) and no line break.
    FluentText,
    /// An Android string resource: XML character data whose apostrophes,
    /// double quotes, backslashes, line breaks and tabs are escaped as
    /// aapt2 wants them (`\'`, `\"`, `\\`, `\n`, `\t`).
    AndroidString,
}

impl Escaping {
    /// `text` as it must stand in the file; `None` when it cannot stand
    /// there without requoting what surrounds it.
    pub fn apply(self, text: &str) -> Option<String> {
        Some(match self {
            Escaping::Verbatim => text.to_owned(),
            Escaping::YamlScalar => {
                let needs_quoting = text.starts_with(char::is_whitespace)
                    || text.ends_with(char::is_whitespace)
                    || text.starts_with(['-', '?', '&', '*', '!', '|', '>', '%', '@', '`'])
                    || text.contains(|c: char| {
                        c.is_control()
                            || matches!(
                                c,
                                '\'' | '"' | '\\' | '#' | ':' | ',' | '[' | ']' | '{' | '}'
                            )
                    });
                if needs_quoting {
                    return None;
                }
                text.to_owned()
            }
            Escaping::FluentText => {
                if text.contains(['{', '}', '\n', '\r']) {
                    return None;
                }
                text.to_owned()
            }
            Escaping::XmlText => text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;"),
            Escaping::AndroidString => {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    match c {
                        '&' => out.push_str("&amp;"),
                        '<' => out.push_str("&lt;"),
                        '>' => out.push_str("&gt;"),
                        '\\' => out.push_str("\\\\"),
                        '\'' => out.push_str("\\'"),
                        '"' => out.push_str("\\\""),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        c => out.push(c),
                    }
                }
                out
            }
            Escaping::PoString | Escaping::StringsValue => text
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n"),
            Escaping::JsonString => {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        c if c < ' ' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                        c => out.push(c),
                    }
                }
                out
            }
            Escaping::PropertiesValue => {
                let mut out = String::with_capacity(text.len());
                for c in text.chars() {
                    match c {
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        '\x0c' => out.push_str("\\f"),
                        c if u32::from(c) > 0xFF => {
                            for unit in c.encode_utf16(&mut [0; 2]) {
                                out.push_str(&format!("\\u{unit:04X}"));
                            }
                        }
                        c => out.push(c),
                    }
                }
                out
            }
        })
    }
}

/// How strongly a file's beginning says it is in a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Enough to outweigh the extension (a `<xliff>` root element).
    Decisive,
    /// Enough only when the extension says nothing (Markdown syntax).
    Suggestive,
}

/// A file's beginning, as content sniffing sees it.
#[derive(Debug, Clone, Copy)]
pub struct Head<'a> {
    /// At most [`HEAD`] bytes of decoded text, without a BOM.
    pub text: &'a str,
    /// The local name of the root element (lower case) when the text is an
    /// XML or HTML document; `html` for `<!DOCTYPE html>`.
    pub root: Option<&'a str>,
}

/// A value a file declares for itself (an encoding label), as written, and
/// the offset in the file's text where it stands.
pub type Declaration = (String, usize);

/// How a format tells its files from other files with its extension
/// (Android resources and Maven's `pom.xml` are both `.xml`; YAML is
/// configuration too). Named on the command line, a file with the
/// extension is still read as the format (YAML) or told by content
/// (`.xml`). `hook_paths` is the regular expression pre-commit's `files:`
/// holds for it, since a hook cannot look inside files.
#[derive(Debug, Clone, Copy)]
pub enum SharedExtension {
    /// By content: the file is the format only when `sniff` finds it
    /// decisively so; detection by extension passes it over, and a walk
    /// reads each such file's beginning to decide.
    ByContent { hook_paths: &'static str },
    /// By path: a walk takes the files `takes` accepts (a `locales/`
    /// folder); `hook_paths` is the same rule (tested to agree).
    ByPath {
        takes: fn(&Path) -> bool,
        hook_paths: &'static str,
    },
}

impl SharedExtension {
    pub fn hook_paths(self) -> &'static str {
        match self {
            SharedExtension::ByContent { hook_paths }
            | SharedExtension::ByPath { hook_paths, .. } => hook_paths,
        }
    }
}

/// One format's definition.
#[derive(Debug, Clone, Copy)]
pub struct FormatDef {
    pub format: Format,
    /// The name users see (`--format`-style, lower case).
    pub name: &'static str,
    /// What the format is, for the README's format table.
    pub description: &'static str,
    /// File extensions, lower case, without the dot. A directory walk takes
    /// the files with one of these; the first is the usual one.
    pub extensions: &'static [&'static str],
    /// File names with one of those extensions that a directory walk leaves
    /// out (a `*` stands for any run of characters): tool manifests and lock
    /// files, whose values are not prose. Named on the command line, they
    /// are still read.
    pub walk_skips: &'static [&'static str],
    /// `Some` when its extensions are shared with files of other kinds:
    /// how its own are told apart.
    pub shared: Option<SharedExtension>,
    /// What the content says, if anything.
    pub sniff: Option<fn(&Head<'_>) -> Option<Evidence>>,
    pub reader: Reader,
    /// The language a prose file declares for itself (HTML `lang`,
    /// Markdown front matter `lang:`), as written; bilingual readers report
    /// theirs.
    pub declared_language: Option<fn(&str) -> Option<String>>,
    /// The encoding a file declares in the way of its format (PO
    /// `charset`, HTML `<meta charset>`), as written, with its offset; read
    /// from an ASCII view of the file's beginning when it is not UTF-8. An
    /// XML declaration counts in every format (see [`SourceFile`]).
    pub declared_encoding: Option<fn(&str) -> Option<Declaration>>,
    /// Characters that, inside the raw bytes of an occurrence, show that it
    /// spans markup (a term split by a tag): `--fix` leaves it alone, since
    /// replacing it would delete the markup.
    pub markup: &'static [char],
    pub escaping: Escaping,
    /// Whether its texts are strings a program fills in (catalogues,
    /// resource files): their placeholders and inline tags are masked
    /// ([`crate::text::placeholder`]) before anything is checked.
    pub placeholders: bool,
    /// The comment syntaxes the reader reports in [`Prose::comments`] and
    /// [`Bilingual::comments`]: where a `termalign:` directive may stand
    /// besides alone on its line (tested against a sample per format).
    pub comments: &'static [CommentSyntax],
    /// Whether its texts are values by key (resource files), the segment
    /// ids being the keys: `align --source A --target B` then pairs two
    /// such files by key rather than by line ([`input::parallel`]).
    pub keyed: bool,
}

impl FormatDef {
    pub fn sides(&self) -> Sides {
        match self.reader {
            Reader::Prose(_) => Sides::Monolingual,
            Reader::Pairs(_) => Sides::Bilingual,
        }
    }
}

/// The registry: one entry per [`Format`], in the order formats are listed.
pub static FORMATS: &[FormatDef] = &[
    FormatDef {
        format: Format::Text,
        name: "text",
        description: "plain text; every line is prose",
        extensions: &["txt", "text"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Prose(|file| Ok(input::plain::read(file))),
        declared_language: None,
        declared_encoding: None,
        markup: &[],
        escaping: Escaping::Verbatim,
        placeholders: false,
        comments: &[
            CommentSyntax::Hash,
            CommentSyntax::Slashes,
            CommentSyntax::SlashStar,
            CommentSyntax::Html,
        ],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Markdown,
        name: "markdown",
        description: "CommonMark; code, URLs, HTML and front matter skipped",
        extensions: &["md", "markdown"],
        walk_skips: &[],
        sniff: Some(|head| looks_like_markdown(head.text).then_some(Evidence::Suggestive)),
        reader: Reader::Prose(input::markdown::read),
        declared_language: Some(input::markdown::front_matter_lang),
        declared_encoding: None,
        markup: &['<', '>', '*', '`', '[', ']'],
        escaping: Escaping::Verbatim,
        placeholders: false,
        comments: &[CommentSyntax::Html],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Html,
        name: "html",
        description: "HTML; tags, scripts, styles and attributes skipped, entities decoded",
        extensions: &["html", "htm", "xhtml"],
        walk_skips: &[],
        sniff: Some(|head| {
            matches!(head.root, Some("html" | "head" | "body")).then_some(Evidence::Decisive)
        }),
        reader: Reader::Prose(input::html::read),
        declared_language: Some(html_lang),
        declared_encoding: Some(html_meta_charset),
        markup: &['<', '>'],
        escaping: Escaping::XmlText,
        placeholders: false,
        comments: &[CommentSyntax::Html],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Xliff,
        name: "xliff",
        description: "XLIFF 1.2 and 2.x (also SDLXLIFF, MXLIFF): units' source and target",
        extensions: &["xlf", "xliff", "sdlxliff", "mxliff"],
        walk_skips: &[],
        sniff: Some(|head| (head.root == Some("xliff")).then_some(Evidence::Decisive)),
        reader: Reader::Pairs(|file, _| input::xliff::read(file)),
        declared_language: None,
        declared_encoding: None,
        markup: &['<', '>'],
        escaping: Escaping::XmlText,
        placeholders: true,
        comments: &[CommentSyntax::Html, CommentSyntax::Note],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Tmx,
        name: "tmx",
        description: "TMX 1.4 translation memory; `<tuv xml:lang>` per language",
        extensions: &["tmx"],
        walk_skips: &[],
        sniff: Some(|head| (head.root == Some("tmx")).then_some(Evidence::Decisive)),
        reader: Reader::Pairs(|file, langs| input::tmx::read(file, langs.source, langs.target)),
        declared_language: None,
        declared_encoding: None,
        markup: &['<', '>'],
        escaping: Escaping::XmlText,
        placeholders: true,
        comments: &[CommentSyntax::Html, CommentSyntax::Note],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Po,
        name: "po",
        description: "gettext PO and POT catalogues; msgid/msgstr pairs",
        extensions: &["po", "pot"],
        walk_skips: &[],
        sniff: Some(|head| looks_like_po(head.text).then_some(Evidence::Decisive)),
        reader: Reader::Pairs(|file, _| input::po::read(file)),
        declared_language: None,
        declared_encoding: Some(po_charset),
        markup: &[],
        escaping: Escaping::PoString,
        placeholders: true,
        comments: &[CommentSyntax::Hash],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Tsv,
        name: "tsv",
        description: "two tab-separated columns: source, target",
        extensions: &["tsv"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Pairs(|file, _| input::tsv::read(file)),
        declared_language: None,
        declared_encoding: None,
        markup: &[],
        escaping: Escaping::Verbatim,
        placeholders: true,
        comments: &[CommentSyntax::Hash],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Json,
        name: "json",
        description: "JSON message catalogues (i18next, ARB, Chrome `messages.json`): string values by key path",
        extensions: &["json", "arb"],
        walk_skips: &[
            "package.json",
            "package-lock.json",
            "npm-shrinkwrap.json",
            "composer.json",
            "bower.json",
            "tsconfig.json",
            "tsconfig.*.json",
            "jsconfig.json",
            "angular.json",
            "lerna.json",
            "nx.json",
            "turbo.json",
            "deno.json",
            "renovate.json",
            "vercel.json",
            "firebase.json",
            "manifest.json",
        ],
        sniff: None,
        reader: Reader::Prose(input::json::read),
        declared_language: Some(input::json::declared_locale),
        declared_encoding: None,
        // Values are not marked up here; escapes are rewritten whole.
        markup: &[],
        escaping: Escaping::JsonString,
        placeholders: true,
        comments: &[CommentSyntax::Slashes, CommentSyntax::SlashStar],
        keyed: true,
        shared: None,
    },
    FormatDef {
        format: Format::Properties,
        name: "properties",
        description: "Java `.properties` resource bundles: values by key",
        extensions: &["properties"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Prose(input::properties::read),
        declared_language: None,
        declared_encoding: None,
        markup: &[],
        escaping: Escaping::PropertiesValue,
        placeholders: true,
        // `!` comments are reported as `#` ones: they behave alike.
        comments: &[CommentSyntax::Hash],
        keyed: true,
        shared: None,
    },
    FormatDef {
        format: Format::Strings,
        name: "strings",
        description: "iOS and macOS `.strings` files: values by key",
        extensions: &["strings"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Prose(input::strings::read),
        declared_language: None,
        declared_encoding: None,
        markup: &[],
        escaping: Escaping::StringsValue,
        placeholders: true,
        comments: &[CommentSyntax::SlashStar, CommentSyntax::Slashes],
        keyed: true,
        shared: None,
    },
    FormatDef {
        format: Format::Stringsdict,
        name: "stringsdict",
        description: "iOS and macOS `.stringsdict` plurals: format strings and plural forms by key",
        extensions: &["stringsdict"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Prose(input::stringsdict::read),
        declared_language: None,
        declared_encoding: None,
        markup: &['<', '>'],
        escaping: Escaping::XmlText,
        placeholders: true,
        comments: &[CommentSyntax::Html],
        keyed: true,
        shared: None,
    },
    FormatDef {
        format: Format::Android,
        name: "android",
        description: "Android string resources (`<resources>` root): `<string>`, `<plurals>` and `<string-array>` values by name",
        extensions: &["xml"],
        walk_skips: &[],
        // Android keeps its resources in `res/values*/`.
        shared: Some(SharedExtension::ByContent {
            hook_paths: r"(^|/)values[^/]*/[^/]+\.xml$",
        }),
        sniff: Some(|head| (head.root == Some("resources")).then_some(Evidence::Decisive)),
        reader: Reader::Prose(input::android::read),
        declared_language: Some(input::android::declared_locale),
        declared_encoding: None,
        markup: &['<', '>'],
        escaping: Escaping::AndroidString,
        placeholders: true,
        comments: &[CommentSyntax::Html],
        keyed: true,
    },
    FormatDef {
        format: Format::Resx,
        name: "resx",
        description: ".NET `.resx` resources: string `<data>` values by name; typed and binary data skipped, `<comment>`s are notes",
        extensions: &["resx"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Prose(input::resx::read),
        declared_language: None,
        declared_encoding: None,
        markup: &['<', '>'],
        escaping: Escaping::XmlText,
        placeholders: true,
        comments: &[CommentSyntax::Html, CommentSyntax::Note],
        keyed: true,
        shared: None,
    },
    FormatDef {
        format: Format::Srt,
        name: "srt",
        description: "SubRip subtitles: cue text; numbers, timings and inline tags skipped",
        extensions: &["srt"],
        walk_skips: &[],
        sniff: Some(|head| input::subtitles::looks_like_srt(head.text).then_some(Evidence::Decisive)),
        reader: Reader::Prose(input::subtitles::read_srt),
        declared_language: None,
        declared_encoding: None,
        markup: &['<', '>', '{', '}'],
        escaping: Escaping::Verbatim,
        placeholders: false,
        comments: &[],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Vtt,
        name: "webvtt",
        description: "WebVTT subtitles: cue text; header, timings, settings, tags, `STYLE` and `REGION` skipped; `NOTE` blocks are comments",
        extensions: &["vtt"],
        walk_skips: &[],
        sniff: Some(|head| input::subtitles::looks_like_vtt(head.text).then_some(Evidence::Decisive)),
        reader: Reader::Prose(input::subtitles::read_vtt),
        declared_language: None,
        declared_encoding: None,
        markup: &['<', '>'],
        escaping: Escaping::XmlText,
        placeholders: false,
        comments: &[CommentSyntax::Block],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Yaml,
        name: "yaml",
        description: "YAML message catalogues (Rails i18n, Symfony, Hugo): string values by key path; walks and hooks take only files under a `locales`, `locale`, `i18n`, `l10n`, `lang`, `langs` or `translations` folder",
        extensions: &["yml", "yaml"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Prose(input::yaml_i18n::read),
        declared_language: Some(input::yaml_i18n::declared_locale),
        declared_encoding: None,
        markup: &[],
        escaping: Escaping::YamlScalar,
        placeholders: true,
        comments: &[CommentSyntax::Hash],
        keyed: true,
        shared: Some(SharedExtension::ByPath {
            takes: is_catalogue_path,
            hook_paths: CATALOGUE_PATHS,
        }),
    },
    FormatDef {
        format: Format::Asciidoc,
        name: "asciidoc",
        description: "AsciiDoc; listing, literal and passthrough blocks, attributes, macros' targets, monospace and URLs skipped",
        extensions: &["adoc", "asciidoc"],
        walk_skips: &[],
        sniff: Some(|head| looks_like_asciidoc(head.text).then_some(Evidence::Suggestive)),
        reader: Reader::Prose(input::asciidoc::read),
        declared_language: Some(input::asciidoc::declared_lang),
        declared_encoding: None,
        markup: &['*', '_', '#', '`', '+', '{', '}', '[', ']', '<', '>', '^', '~'],
        escaping: Escaping::Verbatim,
        placeholders: false,
        comments: &[CommentSyntax::Slashes, CommentSyntax::Block],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Rst,
        name: "rst",
        description: "reStructuredText; literal blocks, code and other non-prose directives, roles, targets and URLs skipped",
        extensions: &["rst", "rest"],
        walk_skips: &[],
        sniff: Some(|head| looks_like_rst(head.text).then_some(Evidence::Suggestive)),
        reader: Reader::Prose(input::rst::read),
        declared_language: None,
        declared_encoding: None,
        markup: &['*', '`', '|', '[', ']', '<', '>', '_', '\\'],
        escaping: Escaping::Verbatim,
        placeholders: false,
        comments: &[CommentSyntax::Block],
        keyed: false,
        shared: None,
    },
    FormatDef {
        format: Format::Fluent,
        name: "fluent",
        description: "Project Fluent `.ftl` resources: message, term and attribute values by id; placeables skipped, select variants by key",
        extensions: &["ftl"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Prose(input::fluent::read),
        declared_language: None,
        declared_encoding: None,
        markup: &[],
        escaping: Escaping::FluentText,
        placeholders: true,
        comments: &[CommentSyntax::Hash],
        keyed: true,
        shared: None,
    },
    FormatDef {
        format: Format::Xcstrings,
        name: "xcstrings",
        description: "Xcode String Catalogs: each key's source text and one language's translation, plural and device variants by key",
        extensions: &["xcstrings"],
        walk_skips: &[],
        sniff: None,
        reader: Reader::Pairs(input::xcstrings::read),
        declared_language: None,
        declared_encoding: None,
        markup: &[],
        escaping: Escaping::JsonString,
        placeholders: true,
        comments: &[CommentSyntax::Slashes, CommentSyntax::SlashStar],
        keyed: false,
        shared: None,
    },
];

/// [`is_catalogue_path`] as a regular expression, for pre-commit.
const CATALOGUE_PATHS: &str = r"(^|/)(locales?|i18n|l10n|langs?|translations)/(.+/)?[^/]+\.ya?ml$";

/// Whether a YAML file is where catalogues live: under a folder whose name
/// says translations (`config/locales/`, Symfony's `translations/`, Hugo's
/// `i18n/`). Everything else with the extension is configuration (CI,
/// glossaries, `termalign.yaml`, `docker-compose.yml`), and a walk or a
/// hook leaves it; a locale-named file elsewhere (`fr.yml`) is read when
/// named.
fn is_catalogue_path(path: &Path) -> bool {
    const FOLDERS: &[&str] = &[
        "locale",
        "locales",
        "i18n",
        "l10n",
        "lang",
        "langs",
        "translations",
    ];
    path.ancestors().skip(1).any(|dir| {
        dir.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| FOLDERS.contains(&n))
    })
}

impl Format {
    /// This format's definition.
    pub fn def(self) -> &'static FormatDef {
        FORMATS
            .iter()
            .find(|d| d.format == self)
            .expect("every format has a definition (tested)")
    }

    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// The format with this name, as users write it (any ASCII case).
    pub fn from_name(name: &str) -> Option<Format> {
        FORMATS
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(name))
            .map(|d| d.format)
    }

    /// The prose segments of `file`. A bilingual format gives its target
    /// side (the text a monolingual check is about), each segment with its
    /// pair's id.
    pub fn read_prose(self, file: &SourceFile) -> Result<Vec<Segment>> {
        Ok(self.read_document(file)?.segments)
    }

    /// [`Format::read_prose`], with the language the file declares for
    /// that prose (a bilingual file's target language).
    pub fn read_document(self, file: &SourceFile) -> Result<Prose> {
        self.read_document_in(file, StateSet::default())
    }

    /// [`Format::read_document`], keeping of a bilingual file only the
    /// targets of segments whose state is in `states`.
    pub fn read_document_in(self, file: &SourceFile, states: StateSet) -> Result<Prose> {
        match self.def().reader {
            Reader::Prose(read) => {
                let mut prose = Prose {
                    language: self
                        .def()
                        .declared_language
                        .and_then(|declared| declared(crate::span::head(&file.text, HEAD))),
                    ..read(file)?
                };
                if self.def().placeholders {
                    for s in &mut prose.segments {
                        placeholder::mask(&mut s.text.text);
                    }
                }
                Ok(prose)
            }
            Reader::Pairs(_) => {
                let bilingual = self.read_pairs(file, PairLanguages::default())?;
                Ok(Prose {
                    language: bilingual.target_lang,
                    comments: bilingual.comments,
                    segments: bilingual
                        .pairs
                        .into_iter()
                        .filter(|p| states.admits(&p.state))
                        .filter_map(|p| {
                            p.target.map(|text| Segment {
                                id: Some(p.id),
                                text,
                                entry: p.entry,
                            })
                        })
                        .collect(),
                })
            }
        }
    }

    /// The segment pairs of `file`; an error for a monolingual format.
    pub fn read_pairs(self, file: &SourceFile, languages: PairLanguages<'_>) -> Result<Bilingual> {
        match self.def().reader {
            Reader::Pairs(read) => {
                let mut bilingual = read(file, languages)?;
                if self.def().placeholders {
                    for p in &mut bilingual.pairs {
                        placeholder::mask(&mut p.source.text);
                        if let Some(t) = &mut p.target {
                            placeholder::mask(&mut t.text);
                        }
                    }
                }
                Ok(bilingual)
            }
            Reader::Prose(_) => Err(Error::NotBilingual {
                path: file.path.clone(),
                format: self.name(),
            }),
        }
    }
}

/// How much of a file's beginning content sniffing looks at.
pub const HEAD: usize = 64 * 1024;

/// The format of the file at `path` with decoded text `text`.
pub fn detect(path: &Path, text: &str) -> Format {
    let head_text = crate::span::head(text, HEAD).trim_start_matches('\u{feff}');
    let root = root_element(head_text);
    let head = Head {
        text: head_text,
        root: root.as_deref(),
    };
    let evidence = |wanted: Evidence| {
        FORMATS
            .iter()
            .find(|d| d.sniff.and_then(|sniff| sniff(&head)) == Some(wanted))
            .map(|d| d.format)
    };
    evidence(Evidence::Decisive)
        .or_else(|| from_extension(path))
        .or_else(|| evidence(Evidence::Suggestive))
        .unwrap_or(Format::Text)
}

/// The format told by the extension alone: never one whose extension is
/// shared with other files and told by content
/// ([`SharedExtension::ByContent`]).
pub fn from_extension(path: &Path) -> Option<Format> {
    claimed_by(path)
        .filter(|d| !matches!(d.shared, Some(SharedExtension::ByContent { .. })))
        .map(|d| d.format)
}

/// The definition that claims the extension of `path`, shared or not.
fn claimed_by(path: &Path) -> Option<&'static FormatDef> {
    let ext = path.extension()?.to_str()?;
    FORMATS
        .iter()
        .find(|d| d.extensions.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

/// Whether a directory walk takes the file at `path`: one with a format's
/// extension, unless its name is one of that format's `walk_skips` or the
/// path fails a [`SharedExtension::ByPath`] rule; for an extension shared with other
/// files (`.xml`), only when the file's beginning is decisively that
/// format's (an XML file whose root is `<resources>`, not a `pom.xml` or a
/// layout). An unreadable file with such an extension is not taken.
pub fn walk_takes(path: &Path) -> bool {
    walk_takes_with(path, || file_head(path))
}

/// [`walk_takes`], with `head` giving the beginning of the file's text
/// when the extension does not tell.
fn walk_takes_with(path: &Path, head: impl FnOnce() -> Option<String>) -> bool {
    let Some(def) = claimed_by(path) else {
        return false;
    };
    match def.shared {
        Some(SharedExtension::ByPath { takes, .. }) if !takes(path) => return false,
        _ => {}
    }
    if let Some(SharedExtension::ByContent { .. }) = def.shared {
        let Some(text) = head() else {
            return false;
        };
        let text = text.trim_start_matches('\u{feff}');
        let root = root_element(text);
        let head = Head {
            text,
            root: root.as_deref(),
        };
        if def.sniff.and_then(|sniff| sniff(&head)) != Some(Evidence::Decisive) {
            return false;
        }
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    !def.walk_skips
        .iter()
        .any(|pattern| match pattern.split_once('*') {
            Some((prefix, suffix)) => {
                name.len() >= prefix.len() + suffix.len()
                    && name.starts_with(prefix)
                    && name.ends_with(suffix)
            }
            None => name == *pattern,
        })
}

/// `*.EXT` globs for every extension of the formats with `sides`, for a
/// walk that should take only those (`align`'s bilingual files).
pub fn globs(sides: Sides) -> Vec<String> {
    FORMATS
        .iter()
        .filter(|d| d.sides() == sides)
        .flat_map(|d| d.extensions.iter().map(|e| format!("*.{e}")))
        .collect()
}

/// A regular expression matching the file names of every format, as
/// pre-commit's `files:` takes it: `\.(md|markdown|…)$`.
///
/// A format whose extension is shared with other files (`.xml`) is
/// matched by its [`SharedExtension::hook_paths`] instead, after a `|`.
pub fn file_name_pattern() -> String {
    let extensions: Vec<&str> = FORMATS
        .iter()
        .filter(|d| d.shared.is_none())
        .flat_map(|d| d.extensions.iter().copied())
        .collect();
    let mut pattern = format!(r"\.({})$", extensions.join("|"));
    let paths = FORMATS
        .iter()
        .filter_map(|d| d.shared.map(SharedExtension::hook_paths));
    for paths in paths {
        pattern.push('|');
        pattern.push_str(paths);
    }
    pattern
}

/// At most [`HEAD`] bytes of the file at `path`, decoded (UTF-8, or UTF-16
/// with a byte-order mark), for content sniffing; `None` when it cannot be
/// read.
fn file_head(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut raw = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(HEAD as u64)
        .read_to_end(&mut raw)
        .ok()?;
    let (encoding, bom) = encoding_rs::Encoding::for_bom(&raw).unwrap_or((encoding_rs::UTF_8, 0));
    let (text, _) = encoding.decode_without_bom_handling(&raw[bom..]);
    Some(text.into_owned())
}

/// The README's table of input formats, generated from the registry.
pub fn formats_markdown() -> String {
    let mut out = String::from("| format | holds | extensions | also detected by content |\n");
    out.push_str("|---|---|---|---|\n");
    for d in FORMATS {
        let extensions: Vec<String> = d.extensions.iter().map(|e| format!("`.{e}`")).collect();
        let holds = match d.sides() {
            Sides::Monolingual => "prose",
            Sides::Bilingual => "source/target pairs",
        };
        let sniffed = match (d.format, d.sniff.is_some()) {
            _ if matches!(d.shared, Some(SharedExtension::ByContent { .. })) => {
                "yes, and it must: the extension is shared"
            }
            (_, false) => "no",
            (Format::Markdown, true) => "when the extension says nothing",
            (_, true) => "yes, before the extension",
        };
        out.push_str(&format!(
            "| `{}` — {} | {holds} | {} | {sniffed} |\n",
            d.name,
            d.description,
            extensions.join(" ")
        ));
    }
    out
}

/// The `charset` of a `<meta charset="…">` or `<meta http-equiv=…
/// content="text/html; charset=…">` in the first 1024 bytes, where the
/// HTML standard's prescan looks, with its offset.
fn html_meta_charset(head: &str) -> Option<Declaration> {
    let lower = crate::span::head(head, 1024).to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta").map(|k| from + k) {
        let end = lower[at..].find('>').map_or(lower.len(), |k| at + k);
        from = end;
        let Some(k) = lower[at..end].find("charset") else {
            continue;
        };
        let after = at + k + "charset".len();
        let Some(rest) = lower[after..end].trim_start().strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let value_at = end - rest.len();
        let value = crate::input::source::quoted_value(rest).unwrap_or_else(|| {
            let len = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ';' | '"' | '\'' | '/'))
                .unwrap_or(rest.len());
            &rest[..len]
        });
        if !value.is_empty() {
            return Some((value.to_owned(), value_at));
        }
    }
    None
}

/// The `charset` of a PO header's `Content-Type`, with its offset.
fn po_charset(head: &str) -> Option<Declaration> {
    let at = head.find("Content-Type:")?;
    let line_end = head[at..].find('\n').map_or(head.len(), |k| at + k);
    let k = head[at..line_end].to_ascii_lowercase().find("charset=")?;
    let start = at + k + "charset=".len();
    let len = head[start..line_end]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))
        .unwrap_or(line_end - start);
    (len > 0).then(|| (head[start..start + len].to_owned(), start))
}

/// The `lang` attribute of an HTML document's `<html>` start tag, as
/// written.
fn html_lang(head: &str) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    let tag_start = lower.find("<html")?;
    let tag_end = tag_start + lower[tag_start..].find('>')?;
    let tag = &head[tag_start..tag_end];
    let lower_tag = &lower[tag_start..tag_end];
    let mut from = 0;
    while let Some(at) = lower_tag[from..].find("lang").map(|i| from + i) {
        from = at + 4;
        // `lang`, not `xml:lang`'s prefix or `language`; `xml:lang` counts.
        let before = lower_tag[..at].chars().next_back();
        if !before.is_some_and(|c| c.is_whitespace() || c == ':') {
            continue;
        }
        let rest = tag[from..].trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next()?;
        let value = if quote == '"' || quote == '\'' {
            &value[1..1 + value[1..].find(quote)?]
        } else {
            value
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()?
        };
        return (!value.trim().is_empty()).then(|| value.trim().to_owned());
    }
    None
}

/// Whether `head` starts with `prefix`, ignoring ASCII case. Byte-wise, so a
/// multi-byte character right after the prefix cannot split a slice.
fn starts_with_ignore_case(head: &str, prefix: &str) -> bool {
    head.as_bytes()
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The local name of the root element of an XML or HTML document (lower
/// case), or `html` for an HTML doctype; `None` when the text does not start
/// like markup.
fn root_element(head: &str) -> Option<String> {
    let mut rest = head.trim_start();
    loop {
        if !rest.starts_with('<') {
            return None;
        }
        if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>")? + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if starts_with_ignore_case(rest, "<!doctype") {
            // The 9 bytes matched are ASCII: slicing after them is safe.
            let decl = &rest["<!doctype".len()..];
            if starts_with_ignore_case(decl.trim_start(), "html") {
                return Some("html".to_owned());
            }
            // Skip an internal subset `[...]`, which may contain `>`.
            let close = match (decl.find('['), decl.find('>')) {
                (Some(open), Some(gt)) if open < gt => open + decl[open..].find(']')? + 1,
                _ => 0,
            };
            rest = &decl[close + decl[close..].find('>')? + 1..];
        } else {
            let name_len = rest[1..]
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(rest.len() - 1);
            let name = &rest[1..1 + name_len];
            return Some(name.rsplit(':').next().unwrap_or(name).to_lowercase());
        }
        rest = rest.trim_start();
    }
}

/// PO when the first line that is not blank or a comment is a `msgid` or
/// `msgctxt` line (keyword, white space, one quoted string).
fn looks_like_po(head: &str) -> bool {
    let Some(line) = head
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    ["msgid", "msgctxt"].iter().any(|k| {
        line.strip_prefix(k).is_some_and(|r| {
            let r = r.trim_start_matches([' ', '\t']);
            r.len() >= 2 && r.starts_with('"') && r.ends_with('"') && line.len() > k.len() + r.len()
        })
    })
}

/// Weak evidence: Markdown-only syntax (an ATX heading, a code fence, a
/// link or image, a setext underline) together with another kind of
/// Markdown line (a list item, a block quote, or a second strong kind).
fn looks_like_markdown(head: &str) -> bool {
    let mut strong = [false; 4];
    let mut weak = false;
    let mut previous_text = false;
    for line in head.lines().take(400) {
        let t = line.trim_end();
        let hashes = t.len() - t.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            strong[0] = true;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            strong[1] = true;
        }
        if t.contains("](") {
            strong[2] = true;
        }
        if previous_text
            && t.len() >= 3
            && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
        {
            strong[3] = true;
        }
        let l = t.trim_start();
        if l.starts_with("- ") || l.starts_with("* ") || l.starts_with("+ ") || l.starts_with("> ")
        {
            weak = true;
        }
        let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && l[digits..].starts_with(". ") {
            weak = true;
        }
        previous_text = !t.trim().is_empty();
    }
    let strong_kinds = strong.iter().filter(|&&s| s).count();
    strong_kinds >= 2 || (strong_kinds == 1 && weak)
}

/// Weak evidence: a `= Title` first line with an attribute entry
/// (`:toc:`) or a block attribute (`[source,…]`) under it.
fn looks_like_asciidoc(head: &str) -> bool {
    let mut lines = head.lines();
    let title = lines.next().is_some_and(|l| l.starts_with("= "));
    title
        && lines.take(400).any(|l| {
            let l = l.trim_end();
            (l.starts_with(':')
                && l[1..]
                    .find(':')
                    .is_some_and(|k| k > 0 && !l[1..1 + k].contains(' ')))
                || l.starts_with("[source")
                || l.starts_with("[[")
        })
}

/// Weak evidence: an explicit markup line (`.. note::`, `.. _target:`) or
/// a role (`:ref:`…``), which no other format this reads writes.
fn looks_like_rst(head: &str) -> bool {
    head.lines().take(400).any(|l| {
        let l = l.trim_start();
        l.strip_prefix(".. ").is_some_and(|rest| {
            rest.starts_with('_')
                || rest
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.ends_with("::"))
        }) || l.contains(":ref:`")
            || l.contains(":doc:`")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every format, spelt out so that a new variant fails to compile here
    /// until it is listed, and then fails [`every_format_has_one_definition`]
    /// until it has a registry entry.
    fn all_formats() -> Vec<Format> {
        let every = |f: Format| match f {
            Format::Text
            | Format::Markdown
            | Format::Html
            | Format::Xliff
            | Format::Tmx
            | Format::Po
            | Format::Tsv
            | Format::Json
            | Format::Properties
            | Format::Strings
            | Format::Stringsdict
            | Format::Android
            | Format::Resx
            | Format::Srt
            | Format::Vtt
            | Format::Yaml
            | Format::Asciidoc
            | Format::Rst
            | Format::Fluent
            | Format::Xcstrings => f,
        };
        [
            Format::Text,
            Format::Markdown,
            Format::Html,
            Format::Xliff,
            Format::Tmx,
            Format::Po,
            Format::Tsv,
            Format::Json,
            Format::Properties,
            Format::Strings,
            Format::Stringsdict,
            Format::Android,
            Format::Resx,
            Format::Srt,
            Format::Vtt,
            Format::Yaml,
            Format::Asciidoc,
            Format::Rst,
            Format::Fluent,
            Format::Xcstrings,
        ]
        .into_iter()
        .map(every)
        .collect()
    }

    #[test]
    fn every_format_has_one_definition() {
        for format in all_formats() {
            let defs = FORMATS.iter().filter(|d| d.format == format).count();
            assert_eq!(defs, 1, "{format:?} has {defs} registry entries");
        }
        assert_eq!(FORMATS.len(), all_formats().len());
    }

    #[test]
    fn every_definition_is_complete_and_unambiguous() {
        let mut extensions = std::collections::BTreeMap::new();
        for d in FORMATS {
            assert!(!d.name.is_empty() && d.name == d.name.to_lowercase());
            assert!(!d.description.is_empty(), "{}: no description", d.name);
            assert!(!d.extensions.is_empty(), "{}: no extension", d.name);
            for e in d.extensions {
                assert_eq!(*e, e.to_lowercase(), "{}: extension {e}", d.name);
                assert!(!e.starts_with('.'), "{}: extension {e}", d.name);
                if let Some(other) = extensions.insert(*e, d.name) {
                    panic!("extension {e} claimed by {other} and {}", d.name);
                }
            }
            assert_eq!(Format::from_name(d.name), Some(d.format));
            // A file named with its extension is detected as the format;
            // with a shared extension, only with content that says so.
            let path = format!("file.{}", d.extensions[0]);
            if matches!(d.shared, Some(SharedExtension::ByContent { .. })) {
                assert_ne!(detect(Path::new(&path), ""), d.format, "{path}");
                assert!(d.sniff.is_some(), "{}: content must tell", d.name);
            } else {
                assert_eq!(detect(Path::new(&path), ""), d.format, "{path}");
            }
        }
    }

    /// Each reader reports comments of exactly the syntaxes its definition
    /// declares: a sample with one of each must show them all, and nothing
    /// else.
    #[test]
    fn readers_report_the_comments_their_definition_declares() {
        for format in all_formats() {
            let sample = match format {
                Format::Text => "# a\n// b\n/* c */\n<!-- d -->\n",
                Format::Markdown => "<!-- a -->\n\nText <!-- b --> x\n",
                Format::Html => "<p>x<!-- a --></p>",
                Format::Xliff => {
                    r#"<xliff version="1.2"><file source-language="zh" target-language="en"><body><!-- a --><trans-unit id="1"><source>x</source><target>y</target><note>n</note></trans-unit></body></file></xliff>"#
                }
                Format::Tmx => {
                    r#"<tmx version="1.4"><header srclang="zh"/><body><!-- a --><tu><note>n</note><tuv xml:lang="zh"><seg>x</seg></tuv><tuv xml:lang="en"><seg>y</seg></tuv></tu></body></tmx>"#
                }
                Format::Po => "# a\n#. b\nmsgid \"x\"\nmsgstr \"y\"\n",
                Format::Tsv => "# a\nx\ty\n",
                Format::Json => "// a\n{\"k\": /* b */ \"x\"}\n",
                Format::Properties => "# a\n! b\nk = x\n",
                Format::Strings => "/* a */\n\"k\" = \"x\"; // b\n",
                Format::Stringsdict => "<plist><!-- a --><dict><key>k</key><dict><key>NSStringLocalizedFormatKey</key><string>x</string></dict></dict></plist>",
                Format::Android => "<resources><!-- a --><string name=\"k\">x</string></resources>",
                Format::Resx => "<root><!-- a --><data name=\"k\"><value>x</value><comment>n</comment></data></root>",
                Format::Srt => "1\n00:00:01,000 --> 00:00:02,000\nx\n",
                Format::Vtt => "WEBVTT\n\nNOTE a\n\n00:01.000 --> 00:02.000\nx\n",
                Format::Yaml => "# a\nk: x # b\n",
                Format::Asciidoc => "// a\nx\n\n////\nb\n////\n",
                Format::Rst => ".. a\n\nx\n",
                Format::Fluent => "# a\nk = x\n",
                Format::Xcstrings => "// a\n{\"sourceLanguage\": \"en\", /* b */ \"strings\": {\"k\": {\"localizations\": {\"fr\": {\"stringUnit\": {\"value\": \"x\"}}}}}}\n",
            };
            let file = crate::input::testing::file("sample", sample);
            let prose = format.read_document(&file).unwrap();
            let mut seen: Vec<CommentSyntax> = prose.comments.iter().map(|c| c.syntax).collect();
            seen.dedup();
            seen.sort_by_key(|s| format!("{s:?}"));
            seen.dedup();
            let mut declared = format.def().comments.to_vec();
            declared.sort_by_key(|s| format!("{s:?}"));
            assert_eq!(seen, declared, "{format:?}");
            for pair in prose.comments.windows(2) {
                assert!(
                    pair[0].span.end <= pair[1].span.start,
                    "{format:?}: overlap"
                );
            }
            for c in &prose.comments {
                assert!(c.span.contains(c.body), "{format:?}: {c:?}");
            }
            // Keyed formats pair by segment id: every value has its key.
            if format.def().keyed {
                assert!(!prose.segments.is_empty(), "{format:?}");
                assert!(
                    prose.segments.iter().all(|s| s.id.as_deref() == Some("k")),
                    "{format:?}: {:?}",
                    prose.segments
                );
            }
        }
    }

    #[test]
    fn content_then_extension() {
        let cases: &[(&str, &str, Format)] = &[
            ("a.xml", "<?xml version=\"1.0\"?>\n<!-- c -->\n<xliff version=\"1.2\">", Format::Xliff),
            ("a", "\u{feff}<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">", Format::Xliff),
            ("a.txt", "<?xml version=\"1.0\"?><!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\r\n<tmx version=\"1.4\">", Format::Tmx),
            ("a.xml", "<!DOCTYPE tmx [ <!ENTITY x \"<y>\"> ]>\n<tmx>", Format::Tmx),
            ("a.md", "# Translations\n\nmsgid \"x\" is how PO starts", Format::Markdown),
            ("a.txt", "# comment\n#, fuzzy\n\nmsgid \"\"\nmsgstr \"\"\n", Format::Po),
            ("a", "msgctxt \"m\"\nmsgid \"x\"\nmsgstr \"y\"", Format::Po),
            ("a.xlf", "msgidx \"a\"", Format::Xliff),
            ("page", "<!DOCTYPE html>\n<html><body>x</body></html>", Format::Html),
            ("page", "<!doctype HTML><p>x", Format::Html),
            ("page", "<!-- x -->\n<body>x</body>", Format::Html),
            ("page.xml", "<root><p>x</p></root>", Format::Text),
            ("pom.xml", "<?xml version=\"1.0\"?>\n<project><name>x</name></project>", Format::Text),
            ("res/values-fr/strings.xml", "<?xml version=\"1.0\"?>\n<!-- licence -->\n<resources>", Format::Android),
            ("strings.xml", "\u{feff}<resources xmlns:tools=\"t\">", Format::Android),
            ("data.xlf", "<root/>", Format::Xliff),
            ("data.SDLXLIFF", "", Format::Xliff),
            ("t.pot", "", Format::Po),
            ("t.tsv", "a\tb", Format::Tsv),
            ("t.markdown", "text", Format::Markdown),
            ("t.htm", "text", Format::Html),
            ("t.tmx", "", Format::Tmx),
            ("notes.txt", "# Title\n\n- item\n[a](b)", Format::Text),
            ("README", "# Title\n\n- item\n", Format::Markdown),
            ("README", "Title\n=====\n\nSee [docs](docs.md).", Format::Markdown),
            ("-", "1. First point.\n2. Second point.\n- a dash", Format::Text),
            ("-", "Plain prose about Xizang.\n", Format::Text),
            ("guide", "= The Guide\n:toc: left\n\nText.\n", Format::Asciidoc),
            ("guide", "= Not a title\n", Format::Text),
            ("guide", "Guide\n=====\n\n.. note:: Careful.\n", Format::Rst),
            ("guide.txt", "Guide\n=====\n\n.. note:: Careful.\n", Format::Text),
            ("guide.rst", "", Format::Rst),
            ("guide.adoc", "", Format::Asciidoc),
        ];
        for (path, text, want) in cases {
            assert_eq!(detect(Path::new(path), text), *want, "{path}: {text:?}");
        }
    }

    /// Content sniffing sliced `<!doctype` and `html` by byte count, and
    /// panicked when a multi-byte character stood inside those bytes.
    #[test]
    fn multi_byte_text_at_the_start_does_not_panic() {
        let cases: &[(&str, Format)] = &[
            ("<h1>中国外交部</h1>", Format::Text),
            ("<li>Москва</li>", Format::Text),
            ("<!DOCTYPE é€>", Format::Text),
            ("<!DOC中", Format::Text),
            ("<!DOCTYPE htm€>", Format::Text),
            ("<中", Format::Text),
            ("<", Format::Text),
            ("<!doctype", Format::Text),
        ];
        for (text, want) in cases {
            assert_eq!(detect(Path::new("-"), text), *want, "{text:?}");
        }
    }

    #[test]
    fn globs_and_patterns_come_from_the_registry() {
        let bilingual = globs(Sides::Bilingual);
        assert!(bilingual.contains(&"*.sdlxliff".to_owned()));
        assert!(bilingual.contains(&"*.pot".to_owned()));
        assert!(!bilingual.contains(&"*.md".to_owned()));
        let pattern = file_name_pattern();
        assert!(pattern.starts_with(r"\.(txt|text|md|"), "{pattern}");
        let files = regex::Regex::new(&pattern).unwrap();
        for taken in [
            "a.tsv",
            "docs/guide.rst",
            "res/values-fr/strings.xml",
            "config/locales/fr.yml",
        ] {
            assert!(files.is_match(taken), "{taken}: {pattern}");
        }
        for left in ["pom.xml", "ci.yml", ".github/workflows/ci.yml", "main.rs"] {
            assert!(!files.is_match(left), "{left}: {pattern}");
        }
    }

    #[test]
    fn walks_skip_tool_manifests_but_take_catalogues() {
        let cases: &[(&str, bool)] = &[
            ("locales/en/translation.json", true),
            ("app_en.arb", true),
            ("web/package.json", false),
            ("Package-Lock.json", false),
            ("tsconfig.json", false),
            ("tsconfig.app.json", false),
            ("tsconfig.json.txt", true),
            ("my-tsconfig.app.json", true),
            ("_locales/en/messages.json", true),
            ("manifest.json", false),
            ("image.png", false),
            ("notes.txt", true),
            ("config/locales/fr.yml", true),
            ("config/locales/devise.en.yml", true),
            ("translations/messages.fr.yaml", true),
            ("app/i18n/admin.yaml", true),
            ("src/fr/ui.yml", false),
            ("fr.yml", false),
            ("app/Locales/fr.yml", false),
            (".github/workflows/ci.yml", false),
            ("termalign.yaml", false),
            ("glossaries/diplomacy.yaml", false),
            ("docker-compose.yml", false),
            ("config/database.yml", false),
        ];
        for (path, want) in cases {
            assert_eq!(walk_takes(Path::new(path)), *want, "{path}");
        }
    }

    /// `.xml` is shared: a walk takes Android resources, read from the
    /// file's beginning, and leaves Maven, layouts and unreadable files.
    #[test]
    fn walks_take_shared_extensions_by_content() {
        let cases: &[(&str, Option<&str>, bool)] = &[
            (
                "res/values/strings.xml",
                Some("<?xml version=\"1.0\"?>\n<resources>"),
                true,
            ),
            (
                "res/values/colors.xml",
                Some("<!-- c -->\n<resources>"),
                true,
            ),
            ("pom.xml", Some("<?xml version=\"1.0\"?>\n<project>"), false),
            ("res/layout/main.xml", Some("<LinearLayout/>"), false),
            ("data.xml", Some("not markup"), false),
            ("gone.xml", None, false),
            ("notes.txt", None, true),
        ];
        for (path, head, want) in cases {
            let got = walk_takes_with(Path::new(path), || head.map(str::to_owned));
            assert_eq!(got, *want, "{path}");
        }
    }

    /// The YAML path rule's regular expression (what pre-commit sees) and
    /// its function (what a walk asks) agree.
    #[test]
    fn catalogue_path_rule_and_its_pattern_agree() {
        let re = regex::Regex::new(CATALOGUE_PATHS).unwrap();
        for path in [
            "config/locales/fr.yml",
            "config/locales/admin/users.yml",
            "config/locales/devise.en.yml",
            "translations/messages.fr.yaml",
            "app/i18n/admin.yaml",
            "src/fr/ui.yml",
            "fr.yml",
            "pt-BR.yml",
            "es-419.yml",
            "zh_Hans.yaml",
            "messages_fr.yml",
            "lang/x.yml",
            ".github/workflows/ci.yml",
            "termalign.yaml",
            "glossaries/diplomacy.yaml",
            "docker-compose.yml",
            "config/database.yml",
            "app.yml",
            "mkdocs.yml",
            "xx/new.yml",
        ] {
            assert_eq!(
                re.is_match(path),
                is_catalogue_path(Path::new(path)),
                "{path}"
            );
        }
    }

    #[test]
    fn html_declares_its_language() {
        assert_eq!(
            html_lang("<!DOCTYPE html><html lang=\"fr-CA\"><p>x").as_deref(),
            Some("fr-CA")
        );
        assert_eq!(
            html_lang("<HTML xml:lang='zh' dir=ltr>").as_deref(),
            Some("zh")
        );
        assert_eq!(html_lang("<html lang=en>").as_deref(), Some("en"));
        assert_eq!(html_lang("<html data-language=\"x\">"), None);
        assert_eq!(html_lang("<p lang=\"fr\">no html tag</p>"), None);
        assert_eq!(html_lang("<html lang=\"\">"), None);
    }

    #[test]
    fn escaping() {
        let apply = |e: Escaping, text: &str| e.apply(text).unwrap();
        assert_eq!(apply(Escaping::PoString, "a \"b\" \\"), "a \\\"b\\\" \\\\");
        assert_eq!(apply(Escaping::StringsValue, "\"b\"\n"), "\\\"b\\\"\\n");
        assert_eq!(apply(Escaping::Verbatim, "a & b"), "a & b");
        assert_eq!(apply(Escaping::XmlText, "R&D <x>"), "R&amp;D &lt;x&gt;");
        assert_eq!(
            apply(Escaping::AndroidString, "Xi'an \"R&D\" <b> \\ \n\t"),
            "Xi\\'an \\\"R&amp;D\\\" &lt;b&gt; \\\\ \\n\\t"
        );
        assert_eq!(
            apply(Escaping::JsonString, "a \"b\" \\ \n\u{1}é"),
            "a \\\"b\\\" \\\\ \\n\\u0001é"
        );
        assert_eq!(
            apply(Escaping::PropertiesValue, "é 澳门 😀 \\ \n"),
            "é \\u6FB3\\u95E8 \\uD83D\\uDE00 \\\\ \\n"
        );
        assert_eq!(apply(Escaping::YamlScalar, "Macao SAR"), "Macao SAR");
        assert_eq!(
            apply(Escaping::FluentText, "People's Macao"),
            "People's Macao"
        );
        assert_eq!(Escaping::FluentText.apply("{ $x }"), None);
        for needs_quoting in [
            "People's",
            "a: b",
            "x #y",
            " lead",
            "- item",
            "two\nlines",
            "[a]",
        ] {
            assert_eq!(
                Escaping::YamlScalar.apply(needs_quoting),
                None,
                "{needs_quoting:?}"
            );
        }
    }
}
