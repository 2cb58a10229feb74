//! Configuration files (`termalign.yaml`, SPEC §2) and the effective
//! settings of a run.
//!
//! This module owns three things:
//!
//! - finding the file ([`discover`]: the current directory or the nearest
//!   parent that has one);
//! - reading it ([`Config::load`]): unknown keys and bad values are errors
//!   with file, line and column, every one of them reported, and nothing is
//!   half-applied;
//! - layering it under the command line ([`Settings::resolve`]): built-in
//!   defaults, then the file, then command-line options, each value keeping
//!   where it came from ([`Provenance`]) so that `termalign config --show`
//!   can say why a setting has the value it has.
//!
//! ```yaml
//! glossaries: [terms/house.yaml]   # relative to this file's directory
//! default-glossaries: false        # default: true, or false when glossaries are named
//! lang: en                         # language of monolingual input
//! source-lang: zh                  # align
//! target-lang: en
//! include: ["*.md"]                # globs, relative to this file's directory
//! exclude: ["drafts/**"]
//! rules: {misspelled-term: off, case-mismatch: info}
//! fail-on: warning
//! encoding: windows-1252           # files that declare none; default: UTF-8
//! states: final,review             # segments checked; default: all but locked
//! languages:                       # per-path languages: the first match wins
//!   - {glob: "**/*.zh.md", lang: zh}
//!   - {glob: "fr/**", lang: fr}
//! ```
//!
//! Globs use gitignore's conventions (`*` does not cross `/`, `**` does); a
//! glob without `/` matches a file name anywhere, one with `/` the path
//! below the configuration file's directory.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobMatcher};
use serde::Deserialize;

use crate::engine::RuleSettings;
use crate::error::{Error, Origin};
use crate::finding::Severity;
use crate::input::source::Charset;
use crate::input::StateSet;
use crate::lang::Lang;
use crate::rule::RuleId;
use crate::yaml::{self, Positions};

/// The name of the configuration file.
pub const FILE_NAME: &str = "termalign.yaml";

/// The language of monolingual input when nothing says otherwise (SPEC §2).
pub const DEFAULT_LANG: &str = "en";
/// `align`'s default source language (SPEC §2).
pub const DEFAULT_SOURCE_LANG: &str = "zh";
/// `align`'s default target language (SPEC §2).
pub const DEFAULT_TARGET_LANG: &str = "en";

/// The file as written; every key is optional, and an unknown key is an
/// error (a typo like `exlcude:` must not be silently ignored).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    glossaries: Option<Vec<String>>,
    default_glossaries: Option<bool>,
    lang: Option<String>,
    source_lang: Option<String>,
    target_lang: Option<String>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    rules: Option<BTreeMap<String, Level>>,
    fail_on: Option<FailOn>,
    encoding: Option<String>,
    states: Option<String>,
    languages: Option<Vec<RawLanguage>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLanguage {
    glob: String,
    lang: Option<String>,
    source_lang: Option<String>,
    target_lang: Option<String>,
}

/// A rule's level, in `rules:` and `--rule RULE=LEVEL`: a severity, or
/// `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl std::str::FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Level, String> {
        match s {
            "error" => Ok(Level::Error),
            "warning" => Ok(Level::Warning),
            "info" => Ok(Level::Info),
            "off" => Ok(Level::Off),
            other => Err(format!("`{other}` is not error, warning, info or off")),
        }
    }
}

impl Level {
    /// The severity findings get, or `None` when the rule is off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// `RULE=LEVEL` (`--rule deprecated-term=off`): the rule and its severity
/// (`None`: off).
pub fn parse_rule_level(spec: &str) -> Result<(RuleId, Option<Severity>), String> {
    let Some((rule, level)) = spec.split_once('=') else {
        return Err(format!("takes RULE=SEVERITY, got `{spec}`"));
    };
    let rule = rule.parse::<RuleId>().map_err(|e| e.to_string())?;
    let level = level.parse::<Level>().map_err(|e| format!("{rule}: {e}"))?;
    Ok((rule, level.severity()))
}

/// Which findings make the exit code 1 (SPEC §2 `--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The lowest severity that fails, or `None` for `never`.
    pub fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// termalign's built-in default.
    Default,
    /// A key of the configuration file.
    Config(Origin),
    /// An option on the command line.
    CommandLine,
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Provenance::Default => f.write_str("default"),
            Provenance::Config(origin) => write!(f, "{origin}"),
            Provenance::CommandLine => f.write_str("command line"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub from: Provenance,
}

impl<T> Setting<T> {
    pub fn default(value: T) -> Self {
        Setting {
            value,
            from: Provenance::Default,
        }
    }

    pub fn command_line(value: T) -> Self {
        Setting {
            value,
            from: Provenance::CommandLine,
        }
    }

    fn config(value: T, origin: Origin) -> Self {
        Setting {
            value,
            from: Provenance::Config(origin),
        }
    }
}

/// One entry of `languages:`: the languages of the files a glob matches.
#[derive(Debug, Clone)]
pub struct LanguageRule {
    pub glob: String,
    pub lang: Option<Lang>,
    pub source_lang: Option<Lang>,
    pub target_lang: Option<Lang>,
    /// Where the entry is in the configuration file.
    pub origin: Origin,
    matcher: GlobMatcher,
    /// Whether the glob has a `/` (else it matches file names anywhere).
    anchored: bool,
}

impl LanguageRule {
    /// Whether the rule applies to `rel`, a path below the configuration
    /// file's directory (or, for a file outside it, the path as given).
    pub fn matches(&self, rel: &Path) -> bool {
        self.matcher.is_match(rel)
            || (!self.anchored && rel.file_name().is_some_and(|n| self.matcher.is_match(n)))
    }
}

/// A configuration file, read and checked.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file, as found or named.
    pub path: PathBuf,
    /// Glossary files, resolved against the file's directory.
    pub glossaries: Vec<Setting<PathBuf>>,
    pub default_glossaries: Option<Setting<bool>>,
    pub lang: Option<Setting<Lang>>,
    pub source_lang: Option<Setting<Lang>>,
    pub target_lang: Option<Setting<Lang>>,
    pub include: Option<Setting<Vec<String>>>,
    pub exclude: Option<Setting<Vec<String>>>,
    /// Rule levels (`None`: off), by rule name.
    pub rules: BTreeMap<RuleId, Setting<Option<Severity>>>,
    pub fail_on: Option<Setting<FailOn>>,
    /// The encoding of input files that declare none.
    pub encoding: Option<Setting<Charset>>,
    /// Which segments of bilingual files are checked, by state.
    pub states: Option<Setting<StateSet>>,
    pub languages: Vec<LanguageRule>,
}

impl Config {
    /// Reads and checks the configuration file at `path`.
    pub fn load(path: &Path) -> Result<Config, Vec<Error>> {
        let bytes = std::fs::read(path).map_err(|e| vec![Error::io(path, e)])?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let before = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
            vec![Error::encoding(path, "UTF-8", valid, before)]
        })?;
        Config::parse(path, text.trim_start_matches('\u{FEFF}'))
    }

    /// Checks the text of a configuration file; `path` names it in errors
    /// and is the base of its relative paths. Every error is returned, each
    /// with its position.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Vec<Error>> {
        let config_error = |origin: Origin, message: String| Error::Config { origin, message };
        // A file of nothing but comments is an empty document, which serde
        // would reject as "not a map": it simply sets nothing.
        let (raw, positions) = if is_blank_yaml(text) {
            (RawConfig::default(), Positions::default())
        } else {
            yaml::parse::<RawConfig>(path, text)
                .map_err(|e| vec![config_error(e.origin, e.message)])?
        };
        let at = |node: &str| positions_origin(&positions, path, node);
        let mut errors = Vec::new();
        let dir = base_dir(path);

        let mut config = Config {
            path: path.to_path_buf(),
            ..Config::default()
        };
        for (i, g) in raw.glossaries.iter().flatten().enumerate() {
            let origin = at(&format!("glossaries.{i}"));
            if g.trim().is_empty() {
                errors.push(config_error(origin, "empty glossary path".into()));
                continue;
            }
            config.glossaries.push(Setting::config(dir.join(g), origin));
        }
        config.default_glossaries = raw
            .default_glossaries
            .map(|v| Setting::config(v, at("default-glossaries")));
        for (key, value, slot) in [
            ("lang", raw.lang, &mut config.lang),
            ("source-lang", raw.source_lang, &mut config.source_lang),
            ("target-lang", raw.target_lang, &mut config.target_lang),
        ] {
            if let Some(tag) = value {
                match Lang::parse(&tag) {
                    Ok(lang) => *slot = Some(Setting::config(lang, at(key))),
                    Err(invalid) => errors.push(config_error(at(key), invalid.to_string())),
                }
            }
        }
        for (key, value, slot) in [
            ("include", raw.include, &mut config.include),
            ("exclude", raw.exclude, &mut config.exclude),
        ] {
            if let Some(globs) = value {
                for (i, glob) in globs.iter().enumerate() {
                    if let Err(message) = compile_glob(glob) {
                        errors.push(config_error(at(&format!("{key}.{i}")), message));
                    }
                }
                *slot = Some(Setting::config(globs, at(key)));
            }
        }
        for (name, level) in raw.rules.into_iter().flatten() {
            let rule = match name.parse::<RuleId>() {
                Ok(rule) => rule,
                Err(unknown) => {
                    errors.push(config_error(
                        at(&format!("rules.{name}#key")),
                        unknown.to_string(),
                    ));
                    continue;
                }
            };
            let origin = at(&format!("rules.{name}"));
            config
                .rules
                .insert(rule, Setting::config(level.severity(), origin));
        }
        config.fail_on = raw.fail_on.map(|v| Setting::config(v, at("fail-on")));
        if let Some(label) = raw.encoding {
            match label.parse::<Charset>() {
                Ok(charset) => config.encoding = Some(Setting::config(charset, at("encoding"))),
                Err(message) => errors.push(config_error(at("encoding"), message)),
            }
        }
        if let Some(states) = raw.states {
            match states.parse::<StateSet>() {
                Ok(set) => config.states = Some(Setting::config(set, at("states"))),
                Err(message) => errors.push(config_error(at("states"), message)),
            }
        }
        for (i, entry) in raw.languages.into_iter().flatten().enumerate() {
            let node = format!("languages.{i}");
            let origin = at(&node);
            if entry.lang.is_none() && entry.source_lang.is_none() && entry.target_lang.is_none() {
                errors.push(config_error(
                    origin.clone(),
                    format!(
                        "`{}`: a languages entry needs lang, source-lang or target-lang",
                        entry.glob
                    ),
                ));
            }
            let mut ok = true;
            let mut parse = |key: &str, tag: Option<String>| match tag.as_deref().map(Lang::parse) {
                Some(Err(invalid)) => {
                    errors.push(config_error(
                        at(&format!("{node}.{key}")),
                        invalid.to_string(),
                    ));
                    ok = false;
                    None
                }
                parsed => parsed.and_then(Result::ok),
            };
            let lang = parse("lang", entry.lang);
            let source_lang = parse("source-lang", entry.source_lang);
            let target_lang = parse("target-lang", entry.target_lang);
            match compile_glob(&entry.glob) {
                Ok(glob) if ok => config.languages.push(LanguageRule {
                    anchored: entry.glob.contains('/'),
                    matcher: glob.compile_matcher(),
                    glob: entry.glob,
                    lang,
                    source_lang,
                    target_lang,
                    origin,
                }),
                Ok(_) => {}
                Err(message) => errors.push(config_error(at(&format!("{node}.glob")), message)),
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            errors.sort_by_key(|e| match e {
                Error::Config { origin, .. } => (origin.line, origin.column),
                _ => (0, 0),
            });
            Err(errors)
        }
    }
}

/// The nearest `termalign.yaml` in `start` or one of its parents.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

fn positions_origin(positions: &Positions, path: &Path, node: &str) -> Origin {
    let origin = positions.origin(node);
    // Positions of a blank file have no path; name the file anyway.
    if origin.path.as_os_str().is_empty() {
        Origin::new(path, origin.line, origin.column)
    } else {
        origin
    }
}

/// Whether `text` holds no YAML node: only blank lines, comments and
/// document markers.
fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// The directory relative paths in the file at `path` are based on.
fn base_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::new(),
    }
}

fn compile_glob(pattern: &str) -> Result<Glob, String> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{pattern}`: {}", e.kind()))
}

/// What the command line said, before the configuration is layered under it.
/// `None` and empty mean "not given".
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub glossaries: Vec<PathBuf>,
    pub no_default_glossaries: bool,
    pub lang: Option<Lang>,
    pub source_lang: Option<Lang>,
    pub target_lang: Option<Lang>,
    /// `--rule RULE=LEVEL` in order (`None`: off); later ones win.
    pub rules: Vec<(RuleId, Option<Severity>)>,
    pub fail_on: Option<FailOn>,
    /// `--encoding`.
    pub encoding: Option<Charset>,
    /// `--states`.
    pub states: Option<StateSet>,
}

/// The effective settings of a run: defaults, then the configuration file,
/// then the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The configuration file in force, if any.
    pub config: Option<PathBuf>,
    /// Glossary files: the configuration's, then `--glossary` ones.
    pub glossaries: Vec<Setting<PathBuf>>,
    pub default_glossaries: Setting<bool>,
    pub lang: Setting<Lang>,
    pub source_lang: Setting<Lang>,
    pub target_lang: Setting<Lang>,
    pub include: Setting<Vec<String>>,
    pub exclude: Setting<Vec<String>>,
    /// Rules whose level is not their default.
    pub rules: BTreeMap<RuleId, Setting<Option<Severity>>>,
    pub fail_on: Setting<FailOn>,
    /// The encoding of input files that declare none (no byte-order mark,
    /// no declaration); `None`: UTF-8.
    pub encoding: Setting<Option<Charset>>,
    /// Which segments of bilingual files are checked, by state.
    pub states: Setting<StateSet>,
    /// Per-path languages, in the configuration's order.
    pub languages: Vec<LanguageRule>,
    /// The absolute directory of the configuration file: globs are relative
    /// to it.
    pub base: Option<PathBuf>,
}

/// The languages of one input file, each with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLanguages {
    pub lang: Setting<Lang>,
    pub source_lang: Setting<Lang>,
    pub target_lang: Setting<Lang>,
}

impl Settings {
    /// Layers `cli` over `config` over the defaults. `fail_on_default` is
    /// the command's own default (`check`: warning).
    pub fn resolve(config: Option<Config>, cli: Overrides, fail_on_default: FailOn) -> Settings {
        let config = config.unwrap_or_default();
        let has_config = !config.path.as_os_str().is_empty();
        let pick = |cli: Option<Lang>, config: Option<Setting<Lang>>, default: &str| match cli {
            Some(v) => Setting::command_line(v),
            None => config.unwrap_or_else(|| {
                Setting::default(Lang::parse(default).expect("the default languages are tags"))
            }),
        };
        // SPEC §2: the built-in glossaries are used unless
        // --no-default-glossaries is given or a config file names its own.
        let default_glossaries = if cli.no_default_glossaries {
            Setting::command_line(false)
        } else if let Some(s) = config.default_glossaries {
            s
        } else if let Some(first) = config.glossaries.first() {
            Setting {
                value: false,
                from: first.from.clone(),
            }
        } else {
            Setting::default(true)
        };
        let mut glossaries = config.glossaries;
        glossaries.extend(cli.glossaries.into_iter().map(Setting::command_line));
        let mut rules = config.rules;
        for (rule, level) in cli.rules {
            rules.insert(rule, Setting::command_line(level));
        }
        let base = if has_config {
            // `termalign.yaml` found right here has an empty parent, which
            // std::path::absolute refuses: it is the current directory.
            let dir = base_dir(&config.path);
            let dir = if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir
            };
            std::path::absolute(dir)
                .ok()
                .map(|p| normalize_lexically(&p))
        } else {
            None
        };
        Settings {
            config: has_config.then_some(config.path),
            glossaries,
            default_glossaries,
            lang: pick(cli.lang, config.lang, DEFAULT_LANG),
            source_lang: pick(cli.source_lang, config.source_lang, DEFAULT_SOURCE_LANG),
            target_lang: pick(cli.target_lang, config.target_lang, DEFAULT_TARGET_LANG),
            include: config.include.unwrap_or(Setting::default(Vec::new())),
            exclude: config.exclude.unwrap_or(Setting::default(Vec::new())),
            rules,
            fail_on: match cli.fail_on {
                Some(f) => Setting::command_line(f),
                None => config.fail_on.unwrap_or(Setting::default(fail_on_default)),
            },
            encoding: match (cli.encoding, config.encoding) {
                (Some(c), _) => Setting::command_line(Some(c)),
                (None, Some(c)) => Setting {
                    value: Some(c.value),
                    from: c.from,
                },
                (None, None) => Setting::default(None),
            },
            states: match cli.states {
                Some(s) => Setting::command_line(s),
                None => config
                    .states
                    .unwrap_or(Setting::default(StateSet::default())),
            },
            languages: config.languages,
            base,
        }
    }

    /// The rule levels for the engine.
    pub fn rule_settings(&self) -> RuleSettings {
        let mut rules = RuleSettings::default();
        for (&rule, setting) in &self.rules {
            rules.set(rule, setting.value);
        }
        rules
    }

    /// The languages of the file at `path` (as given: relative to the
    /// current directory, or absolute). A language given on the command line
    /// applies to every file; otherwise the first `languages:` entry whose
    /// glob matches decides, then the file's top-level keys, then defaults.
    pub fn languages_for(&self, path: &Path) -> FileLanguages {
        let rule = self.language_rule_for(path);
        let choose = |global: &Setting<Lang>, per_path: Option<&Lang>| match (
            &global.from,
            rule,
            per_path,
        ) {
            (Provenance::CommandLine, _, _) => global.clone(),
            (_, Some(rule), Some(lang)) => Setting {
                value: lang.clone(),
                from: Provenance::Config(rule.origin.clone()),
            },
            _ => global.clone(),
        };
        FileLanguages {
            lang: choose(&self.lang, rule.and_then(|r| r.lang.as_ref())),
            source_lang: choose(&self.source_lang, rule.and_then(|r| r.source_lang.as_ref())),
            target_lang: choose(&self.target_lang, rule.and_then(|r| r.target_lang.as_ref())),
        }
    }

    /// The language of monolingual input at `path`.
    pub fn lang_for(&self, path: &Path) -> Lang {
        self.languages_for(path).lang.value
    }

    fn language_rule_for(&self, path: &Path) -> Option<&LanguageRule> {
        if self.languages.is_empty() || path.as_os_str() == crate::walk::STDIN {
            return None;
        }
        let rel = self.relative_to_base(path);
        self.languages.iter().find(|r| r.matches(&rel))
    }

    /// `path` below the configuration's directory, or as given when it is
    /// elsewhere (or there is no configuration file).
    fn relative_to_base(&self, path: &Path) -> PathBuf {
        let Some(base) = &self.base else {
            return path.to_path_buf();
        };
        std::path::absolute(path)
            .ok()
            .map(|abs| normalize_lexically(&abs))
            .and_then(|abs| abs.strip_prefix(base).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| path.to_path_buf())
    }
}

/// Drops `.` and folds `..` without touching the file system, so that
/// `docs/../a.md` and `./a.md` compare as `a.md`.
fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> Lang {
        Lang::parse(tag).unwrap()
    }

    fn parse(text: &str) -> Result<Config, Vec<String>> {
        Config::parse(Path::new("cfg/termalign.yaml"), text)
            .map_err(|errors| errors.iter().map(|e| e.to_string()).collect())
    }

    #[test]
    fn every_key_is_read() {
        let c = parse(
            "\
glossaries: [terms/house.yaml]
default-glossaries: true
lang: fr
source-lang: zh-Hans
target-lang: en-GB
include: ['*.md']
exclude: ['drafts/**']
rules: {misspelled-term: off, case-mismatch: info}
fail-on: error
languages:
  - {glob: '**/*.zh.md', lang: zh}
",
        )
        .unwrap();
        assert_eq!(c.glossaries[0].value, Path::new("cfg/terms/house.yaml"));
        assert_eq!(
            c.glossaries[0].from,
            Provenance::Config(Origin::new("cfg/termalign.yaml", 1, 14))
        );
        assert!(c.default_glossaries.unwrap().value);
        assert_eq!(c.lang.unwrap().value, "fr");
        assert_eq!(c.source_lang.unwrap().value, "zh-Hans");
        assert_eq!(c.target_lang.unwrap().value, "en-GB");
        assert_eq!(c.include.unwrap().value, ["*.md"]);
        assert_eq!(c.exclude.unwrap().value, ["drafts/**"]);
        assert_eq!(c.rules[&RuleId::MisspelledTerm].value, None);
        assert_eq!(c.rules[&RuleId::CaseMismatch].value, Some(Severity::Info));
        assert_eq!(c.fail_on.unwrap().value, FailOn::Error);
        assert_eq!(c.languages[0].lang, Some(lang("zh")));
    }

    #[test]
    fn the_example_file_is_valid() {
        let c = Config::parse(
            Path::new("examples/termalign.yaml"),
            include_str!("../examples/termalign.yaml"),
        )
        .unwrap();
        assert_eq!(c.languages.len(), 2);
        for g in &c.glossaries {
            assert!(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(&g.value)
                    .is_file(),
                "{g:?}"
            );
        }
    }

    #[test]
    fn blank_and_comment_only_files_set_nothing() {
        for text in ["", "\n", "# nothing yet\n", "---\n# x\n"] {
            let c = parse(text).unwrap();
            assert!(c.glossaries.is_empty() && c.lang.is_none(), "{text:?}");
        }
    }

    /// SPEC §2: tags are canonicalized, whatever separator and case the
    /// file wrote.
    #[test]
    fn tags_are_canonical() {
        let c = parse("lang: en_us\nsource-lang: ZH-hans\n").unwrap();
        assert_eq!(c.lang.unwrap().value, "en-US");
        assert_eq!(c.source_lang.unwrap().value, "zh-Hans");
    }

    #[test]
    fn errors_name_their_position() {
        let cases: &[(&str, &str)] = &[
            (
                "lang: en\nexlcude: [x]\n",
                "cfg/termalign.yaml:2:1: invalid configuration: unknown field `exlcude`",
            ),
            (
                "rules:\n  deprecated-term: warn\n",
                "cfg/termalign.yaml:2:20: invalid configuration: rules.deprecated-term: unknown variant `warn`",
            ),
            (
                "rules:\n  deprecated-terms: off\n",
                "cfg/termalign.yaml:2:3: invalid configuration: unknown rule `deprecated-terms`",
            ),
            (
                "fail-on: sometimes\n",
                "cfg/termalign.yaml:1:10: invalid configuration: fail-on: unknown variant `sometimes`",
            ),
            (
                "lang: english\n",
                "cfg/termalign.yaml:1:7: invalid configuration: `english` is not a BCP 47 language tag",
            ),
            (
                "default-glossaries: yes\n",
                "cfg/termalign.yaml:1:21: invalid configuration: default-glossaries: invalid type: string \"yes\", expected a boolean",
            ),
            (
                "include: ['a[b']\n",
                "cfg/termalign.yaml:1:11: invalid configuration: invalid glob `a[b`",
            ),
            (
                "languages:\n  - {glob: '*.md'}\n",
                "cfg/termalign.yaml:2:5: invalid configuration: `*.md`: a languages entry needs",
            ),
            (
                "languages:\n  - {glob: '*.md', lang: zh, lnag: fr}\n",
                "cfg/termalign.yaml:2:30: invalid configuration: languages[0]: unknown field `lnag`",
            ),
            (
                "glossaries: terms.yaml\n",
                "cfg/termalign.yaml:1:13: invalid configuration: glossaries: invalid type: string \"terms.yaml\", expected a sequence",
            ),
            (
                "[1, 2]\n",
                "cfg/termalign.yaml:1:1: invalid configuration: invalid type: sequence, expected struct RawConfig",
            ),
        ];
        for (text, want) in cases {
            let errors = parse(text).unwrap_err();
            assert!(
                errors[0].starts_with(want),
                "{text:?}:\n got {errors:?}\nwant {want}"
            );
        }
    }

    #[test]
    fn all_value_errors_are_reported_at_once() {
        let errors = parse("lang: english\nrules: {nope: off}\ninclude: ['[']\n").unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
    }

    #[test]
    fn discovery_finds_the_nearest_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b/c")).unwrap();
        std::fs::write(root.join(FILE_NAME), "").unwrap();
        std::fs::write(root.join("a/b").join(FILE_NAME), "").unwrap();
        assert_eq!(
            discover(&root.join("a/b/c")),
            Some(root.join("a/b").join(FILE_NAME))
        );
        assert_eq!(discover(&root.join("a")), Some(root.join(FILE_NAME)));
    }

    fn overrides() -> Overrides {
        Overrides::default()
    }

    #[test]
    fn command_line_wins_over_the_file_over_defaults() {
        let config = parse("lang: fr\nfail-on: error\nrules: {case-mismatch: info}\n").unwrap();
        let s = Settings::resolve(Some(config.clone()), overrides(), FailOn::Warning);
        assert_eq!(s.lang.value, "fr");
        assert!(matches!(s.lang.from, Provenance::Config(_)));
        assert_eq!(s.fail_on.value, FailOn::Error);
        assert_eq!(s.source_lang, Setting::default(lang("zh")));

        let cli = Overrides {
            lang: Some(lang("de")),
            fail_on: Some(FailOn::Never),
            rules: vec![(RuleId::CaseMismatch, None)],
            ..overrides()
        };
        let s = Settings::resolve(Some(config), cli, FailOn::Warning);
        assert_eq!(s.lang, Setting::command_line(lang("de")));
        assert_eq!(s.fail_on, Setting::command_line(FailOn::Never));
        assert_eq!(s.rules[&RuleId::CaseMismatch], Setting::command_line(None));
        assert_eq!(s.rule_settings().severity(RuleId::CaseMismatch), None);

        let s = Settings::resolve(None, overrides(), FailOn::Warning);
        assert_eq!(s.lang, Setting::default(lang("en")));
        assert_eq!(s.config, None);
    }

    #[test]
    fn naming_glossaries_turns_the_built_in_ones_off() {
        let named = parse("glossaries: [g.yaml]\n").unwrap();
        let s = Settings::resolve(Some(named.clone()), overrides(), FailOn::Warning);
        assert!(!s.default_glossaries.value);
        let cli = Overrides {
            glossaries: vec!["more.yaml".into()],
            ..overrides()
        };
        let s = Settings::resolve(Some(named), cli, FailOn::Warning);
        let paths: Vec<_> = s.glossaries.iter().map(|g| g.value.clone()).collect();
        assert_eq!(paths, [PathBuf::from("cfg/g.yaml"), "more.yaml".into()]);
        assert_eq!(s.glossaries[1].from, Provenance::CommandLine);

        let both = parse("glossaries: [g.yaml]\ndefault-glossaries: true\n").unwrap();
        let s = Settings::resolve(Some(both), overrides(), FailOn::Warning);
        assert!(s.default_glossaries.value);
        let s = Settings::resolve(
            None,
            Overrides {
                no_default_glossaries: true,
                ..overrides()
            },
            FailOn::Warning,
        );
        assert_eq!(s.default_glossaries, Setting::command_line(false));
    }

    #[test]
    fn per_path_languages_are_relative_to_the_config_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let config = Config::parse(
            &path,
            "lang: en\nlanguages:\n  - {glob: '**/*.zh.md', lang: zh}\n  - {glob: 'fr/**', lang: fr}\n  - {glob: '*.tmx', source-lang: en, target-lang: de}\n",
        )
        .unwrap();
        let s = Settings::resolve(Some(config.clone()), overrides(), FailOn::Warning);
        let root = dir.path();
        let cases = [
            ("docs/guide.md", "en"),
            ("docs/guide.zh.md", "zh"),
            ("guide.zh.md", "zh"),
            ("fr/guide.md", "fr"),
            ("docs/fr/guide.md", "en"),
            ("fr/../docs/x.md", "en"),
        ];
        for (rel, want) in cases {
            assert_eq!(s.lang_for(&root.join(rel)), want, "{rel}");
        }
        let tmx = s.languages_for(&root.join("deep/memory.tmx"));
        assert_eq!(tmx.lang.value, "en");
        assert_eq!(tmx.source_lang.value, "en");
        assert_eq!(tmx.target_lang.value, "de");
        assert_eq!(s.lang_for(Path::new("-")), "en");

        // An explicit --lang applies to every file.
        let cli = Overrides {
            lang: Some(lang("de")),
            ..overrides()
        };
        let s = Settings::resolve(Some(config), cli, FailOn::Warning);
        assert_eq!(s.lang_for(&root.join("guide.zh.md")), "de");
    }

    #[test]
    fn a_file_in_the_current_directory_has_a_base() {
        let config = Config::parse(Path::new(FILE_NAME), "lang: en\n").unwrap();
        let s = Settings::resolve(Some(config), overrides(), FailOn::Warning);
        assert_eq!(
            s.base,
            Some(normalize_lexically(&std::env::current_dir().unwrap()))
        );
    }
}
