//! `termalign config --show`: the effective settings and where each came
//! from, so a surprising result can be traced to a line of `termalign.yaml`
//! or to an option.
//!
//! `--format yaml` (the default) prints the settings as a `termalign.yaml`
//! would hold them, each value followed by a comment naming its origin:
//! `default`, `FILE:LINE:COL` or `command line`. Values are written as JSON
//! scalars and flow sequences, which are valid YAML, so the output can be
//! read back. `--format json` prints
//! `{"config": PATH|null, "settings": {KEY: {"value", "from"}, ...},
//! "files": [...]}` with the same keys. Given PATHS, both also say which
//! languages apply to each file.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;
use serde_json::{json, Value};

use termalign::checks::CHECKS;
use termalign::config::{FailOn, FileLanguages, Setting, Settings};
use termalign::input::source::Charset;
use termalign::lang::{ChosenLanguage, FileLanguage};
use termalign::session::Session;

use super::{overrides, resolve_settings};
use crate::args::{ConfigArgs, ConfigFormat, GlobalOptions};
use crate::EXIT_CLEAN;

pub(crate) fn run(args: ConfigArgs, global: &GlobalOptions) -> Result<u8> {
    // `--show` is the only action, and the default one.
    let _ = args.show;
    let cli = overrides(&args.glossary, args.lang.clone(), &args.rules, args.fail_on);
    let settings = resolve_settings(global, cli, FailOn::Warning)?;
    // The files named are read, so what they declare and what their text
    // says count, as in check and align.
    let mut files: Vec<File<'_>> = Vec::new();
    if !args.paths.is_empty() {
        let session =
            Session::allowing_no_glossaries(settings.clone()).map_err(super::glossary_errors)?;
        for path in &args.paths {
            let read = session.file_languages(path)?;
            files.push((path.as_path(), settings.languages_for(path), read));
        }
    }
    let text = match args.format {
        ConfigFormat::Yaml => yaml(&settings, &files),
        ConfigFormat::Json => {
            let mut s = serde_json::to_string_pretty(&as_json(&settings, &files))?;
            s.push('\n');
            s
        }
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(EXIT_CLEAN)
}

/// Every rule with its effective level and where that came from.
fn rules(settings: &Settings) -> Vec<(&'static str, String, String)> {
    CHECKS
        .iter()
        .map(|c| {
            let meta = c.meta();
            match settings.rules.get(&meta.id) {
                Some(s) => (meta.name(), level(s.value), s.from.to_string()),
                None => (meta.name(), meta.severity.to_string(), "default".to_owned()),
            }
        })
        .collect()
}

fn level(severity: Option<termalign::finding::Severity>) -> String {
    severity.map_or("off".to_owned(), |s| s.to_string())
}

fn scalar<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A file named on the command line: its path, the languages the settings
/// give it, and those it is checked in once read.
type File<'p> = (&'p Path, FileLanguages, FileLanguage);

fn yaml(settings: &Settings, files: &[File<'_>]) -> String {
    let mut out = String::new();
    let mut line = |text: String, from: &dyn std::fmt::Display| {
        out.push_str(&format!("{text}  # {from}\n"));
    };
    let config = settings
        .config
        .as_ref()
        .map_or("none".to_owned(), |p| p.display().to_string());
    line(
        format!(
            "# effective settings; configuration file: {config}\nconfig: {}",
            settings
                .config
                .as_ref()
                .map_or("null".to_owned(), |p| scalar(&p.display().to_string()))
        ),
        &"--config, or the nearest termalign.yaml",
    );
    line(
        format!("default-glossaries: {}", settings.default_glossaries.value),
        &settings.default_glossaries.from,
    );
    if settings.glossaries.is_empty() {
        line("glossaries: []".to_owned(), &"default");
    } else {
        out.push_str("glossaries:\n");
        for g in &settings.glossaries {
            out.push_str(&format!(
                "  - {}  # {}\n",
                scalar(&g.value.display().to_string()),
                g.from
            ));
        }
    }
    for (key, s) in [
        ("lang", &settings.lang),
        ("source-lang", &settings.source_lang),
        ("target-lang", &settings.target_lang),
    ] {
        out.push_str(&format!("{key}: {}  # {}\n", scalar(&s.value), s.from));
    }
    for (key, s) in [
        ("include", &settings.include),
        ("exclude", &settings.exclude),
    ] {
        out.push_str(&format!("{key}: {}  # {}\n", scalar(&s.value), s.from));
    }
    out.push_str("rules:\n");
    for (name, level, from) in rules(settings) {
        out.push_str(&format!("  {name}: {level}  # {from}\n"));
    }
    out.push_str(&format!(
        "fail-on: {}  # {} (check and align; report has its own --fail-on)\n",
        settings.fail_on.value.as_str(),
        settings.fail_on.from
    ));
    out.push_str(&format!(
        "encoding: {}  # {} (files that declare none)\n",
        encoding_name(&settings.encoding.value),
        settings.encoding.from
    ));
    out.push_str(&format!(
        "states: {}  # {} (segments of bilingual files checked)\n",
        settings.states.value.names(),
        settings.states.from
    ));
    if settings.languages.is_empty() {
        out.push_str("languages: []  # default\n");
    } else {
        out.push_str("languages:\n");
        for rule in &settings.languages {
            out.push_str(&format!(
                "  - {}  # {}\n",
                scalar(&language_rule(rule)),
                rule.origin
            ));
        }
    }
    if !files.is_empty() {
        out.push_str("# the languages of the files named\nfiles:\n");
        for (path, langs, read) in files {
            out.push_str(&format!("  {}:\n", scalar(&path.display().to_string())));
            for (key, s) in [
                ("lang", &langs.lang),
                ("source-lang", &langs.source_lang),
                ("target-lang", &langs.target_lang),
            ] {
                out.push_str(&format!("    {key}: {}  # {}\n", scalar(&s.value), s.from));
            }
            out.push_str(&format!(
                "    checked-lang: {}  # {}\n",
                scalar(&read.language.tag),
                read.language.from
            ));
            if let Some(source) = &read.source {
                out.push_str(&format!(
                    "    aligned-source-lang: {}  # {}\n",
                    scalar(&source.tag),
                    source.from
                ));
            }
        }
    }
    out
}

fn language_rule(rule: &termalign::config::LanguageRule) -> Value {
    let mut v = json!({"glob": rule.glob});
    for (key, value) in [
        ("lang", &rule.lang),
        ("source-lang", &rule.source_lang),
        ("target-lang", &rule.target_lang),
    ] {
        if let Some(value) = value {
            v[key] = json!(value);
        }
    }
    v
}

/// The encoding files that declare none are read in.
fn encoding_name(encoding: &Option<Charset>) -> &'static str {
    encoding.map_or("UTF-8", Charset::name)
}

fn setting<T: serde::Serialize>(s: &Setting<T>) -> Value {
    json!({"value": s.value, "from": s.from.to_string()})
}

fn as_json(settings: &Settings, files: &[File<'_>]) -> Value {
    let rules: serde_json::Map<String, Value> = rules(settings)
        .into_iter()
        .map(|(name, level, from)| (name.to_owned(), json!({"value": level, "from": from})))
        .collect();
    let languages: Vec<Value> = settings
        .languages
        .iter()
        .map(|r| {
            let mut v = language_rule(r);
            v["from"] = json!(r.origin.to_string());
            v
        })
        .collect();
    let glossaries: Vec<Value> = settings
        .glossaries
        .iter()
        .map(|g| json!({"value": g.value.display().to_string(), "from": g.from.to_string()}))
        .collect();
    let files: Vec<Value> = files
        .iter()
        .map(|(path, l, read)| {
            let chosen = |c: &ChosenLanguage| json!({"value": c.tag, "from": c.from.to_string()});
            json!({
                "path": path.display().to_string(),
                "lang": setting(&l.lang),
                "source-lang": setting(&l.source_lang),
                "target-lang": setting(&l.target_lang),
                "checked-lang": chosen(&read.language),
                "aligned-source-lang": read.source.as_ref().map(chosen),
            })
        })
        .collect();
    json!({
        "config": settings.config.as_ref().map(|p| p.display().to_string()),
        "settings": {
            "default-glossaries": setting(&settings.default_glossaries),
            "glossaries": glossaries,
            "lang": setting(&settings.lang),
            "source-lang": setting(&settings.source_lang),
            "target-lang": setting(&settings.target_lang),
            "include": setting(&settings.include),
            "exclude": setting(&settings.exclude),
            "rules": rules,
            "fail-on": {"value": settings.fail_on.value.as_str(), "from": settings.fail_on.from.to_string()},
            "encoding": {"value": encoding_name(&settings.encoding.value), "from": settings.encoding.from.to_string()},
            "states": {"value": settings.states.value.names(), "from": settings.states.from.to_string()},
            "languages": languages,
        },
        "files": files,
    })
}
