//! Command-line arguments (clap derive). Contracts: SPEC §2.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use termalign::checks::RuleId;
pub use termalign::config::FailOn;
use termalign::finding::Severity;
pub use termalign::glossary::import::InteropFormat;
use termalign::input::source::Charset;
use termalign::input::StateSet;
use termalign::lang::Lang;
pub use termalign::report::coverage::Grouping;

/// `--rule RULE=LEVEL`, parsed when the command line is.
fn parse_rule_level(spec: &str) -> Result<(RuleId, Option<Severity>), String> {
    termalign::config::parse_rule_level(spec)
}

#[derive(Debug, Parser)]
#[command(
    name = "termalign",
    version,
    about = "Multilingual terminology checks: find glossary terms in translated copy, report what is wrong and inconsistent",
    after_help = "Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage error, unreadable input or invalid glossary."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes (before or after its name).
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalOptions {
    /// Read settings from FILE instead of the termalign.yaml found in the
    /// current directory or the nearest parent.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore any configuration file.
    #[arg(long, global = true)]
    pub isolated: bool,
    /// Print nothing on stderr but errors (no progress bar, no notes).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Never show a progress bar.
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Decode input files that declare no encoding (no byte-order mark, no
    /// XML, PO or HTML declaration) as LABEL (windows-1252, latin1, koi8-r,
    /// gbk, shift_jis, …) instead of UTF-8.
    #[arg(long, global = true, value_name = "LABEL")]
    pub encoding: Option<Charset>,
    /// Which segments of XLIFF, PO and other bilingual files are checked, by
    /// the state the file marks: a comma-separated list of final, review
    /// (needs review, fuzzy), untranslated (new, draft), locked, or all
    /// [default: final,review,untranslated, or the config's `states`].
    #[arg(long, global = true, value_name = "STATES")]
    pub states: Option<StateSet>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint target-language copy against the glossaries.
    Check(CheckArgs),
    /// Bilingual checks on source/target pairs (XLIFF, TMX, PO, TSV, or two
    /// parallel files with --source/--target: by key, or by line).
    Align(AlignArgs),
    /// Coverage and inconsistency tables over a corpus.
    Report(ReportArgs),
    /// List the rules with their default severities and documentation.
    Rules {
        #[arg(long, short = 'f', value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
    },
    /// List the input formats: extensions, what each holds, how it is
    /// detected (a Markdown table).
    Formats,
    /// Validate, list, import or export glossaries.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// Propose candidate terms, ranked, marking what the glossaries know.
    Extract(ExtractArgs),
    /// Show the effective settings (configuration file and command line).
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the effective settings and where each came from (the default).
    #[arg(long)]
    pub show: bool,
    /// Also show the languages that apply to these files.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// yaml: the settings as a termalign.yaml, each value with a comment
    /// saying where it came from; json: `{"value", "from"}` per setting.
    #[arg(long, short = 'f', value_enum, default_value_t = ConfigFormat::Yaml)]
    pub format: ConfigFormat,
    /// Language of the input text [default: en, or the config's `lang`].
    #[arg(long)]
    pub lang: Option<Lang>,
    #[command(flatten)]
    pub glossary: GlossaryOptions,
    /// Set a rule's severity: RULE=error|warning|info|off (repeatable).
    #[arg(long = "rule", value_name = "RULE=SEVERITY", value_parser = parse_rule_level)]
    pub rules: Vec<(RuleId, Option<Severity>)>,
    /// Which findings make the exit code 1 [default: warning, or the
    /// config's `fail-on`].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConfigFormat {
    Yaml,
    Json,
}

/// Options shared by every command that loads glossaries.
#[derive(Debug, Args, Clone)]
pub struct GlossaryOptions {
    /// Add a glossary file (repeatable), beside those the config file names.
    #[arg(long = "glossary", short = 'g', value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,
    /// Do not load the built-in glossaries.
    #[arg(long)]
    pub no_default_glossaries: bool,
}

/// Options of commands that report findings.
#[derive(Debug, Args, Clone)]
pub struct OutputOptions {
    /// Output format [default: table on a terminal, line otherwise].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<OutputFormat>,
    /// Which findings make the exit code 1 [default: warning, or the
    /// config's `fail-on`].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Set a rule's severity: RULE=error|warning|info|off (repeatable).
    #[arg(long = "rule", value_name = "RULE=SEVERITY", value_parser = parse_rule_level)]
    pub rules: Vec<(RuleId, Option<Severity>)>,
    /// Also list the findings that `termalign: ignore` comments silenced
    /// (they never count toward the exit code).
    #[arg(long)]
    pub report_suppressed: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories (walked recursively); `-` reads standard input.
    #[arg(value_name = "PATHS", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Language of the input text (BCP 47) [default: en, or the config's
    /// `lang` and `languages`]; given here, it applies to every file.
    #[arg(long)]
    pub lang: Option<Lang>,
    #[command(flatten)]
    pub glossary: GlossaryOptions,
    #[command(flatten)]
    pub output: OutputOptions,
    /// Rewrite deprecated and forbidden terms whose glossary entry says
    /// `fix: auto`, in place; the findings that remain are reported.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print a unified diff of the changes instead of writing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// Apply the configuration's exclude globs to files named on the
    /// command line too (for pre-commit, which names every changed file).
    #[arg(long)]
    pub force_exclude: bool,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// Bilingual files or directories (walked recursively); `-` reads
    /// standard input.
    #[arg(value_name = "PATHS", required_unless_present = "source")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub pairs: PairOptions,
    #[command(flatten)]
    pub glossary: GlossaryOptions,
    #[command(flatten)]
    pub output: OutputOptions,
}

/// Languages and line-aligned files of bilingual input (`align`, `extract`).
#[derive(Debug, Args, Clone)]
pub struct PairOptions {
    /// Source language [default: the file's (XLIFF, TMX, PO), else the
    /// config's `source-lang`, else zh].
    #[arg(long)]
    pub source_lang: Option<Lang>,
    /// Target language [default: the file's, else the config's
    /// `target-lang`, else en].
    #[arg(long)]
    pub target_lang: Option<Lang>,
    /// Source side of two parallel files (with --target): resource files
    /// (JSON, .properties, .strings, …) pair by key, others line by line.
    #[arg(long, value_name = "FILE", requires = "target")]
    pub source: Option<PathBuf>,
    /// Target side of two parallel files (with --source).
    #[arg(long, value_name = "FILE", requires = "source")]
    pub target: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files or directories (walked recursively); `-` reads standard input.
    #[arg(value_name = "PATHS", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Language of the input text (BCP 47) [default: en, or the config's
    /// `lang` and `languages`]; given here, it applies to every file.
    #[arg(long)]
    pub lang: Option<Lang>,
    /// Group the coverage tables by concept, file or glossary.
    #[arg(long, value_enum, default_value_t = Grouping::Concept)]
    pub by: Grouping,
    /// Exit 1 when overall conformance (approved occurrences over all glossary
    /// occurrences) is below this fraction, e.g. 0.95.
    #[arg(long, value_name = "FRACTION")]
    pub min_conformance: Option<f64>,
    #[command(flatten)]
    pub glossary: GlossaryOptions,
    /// Output format: table, line, json or html [default: table on a
    /// terminal, line otherwise].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<OutputFormat>,
    /// Which findings make the exit code 1 [default: never: a report does
    /// not fail on findings unless asked; the config's `fail-on` is for
    /// check and align].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Set a rule's severity: RULE=error|warning|info|off (repeatable).
    #[arg(long = "rule", value_name = "RULE=SEVERITY", value_parser = parse_rule_level)]
    pub rules: Vec<(RuleId, Option<Severity>)>,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Check glossary files against the format (SPEC §1).
    Validate {
        /// Glossary files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the concepts of the loaded glossaries.
    List {
        #[command(flatten)]
        glossary: GlossaryOptions,
        #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Convert TBX or CSV glossaries into one termalign glossary (YAML).
    ///
    /// What the source leaves open (terms without a status, a language with
    /// no preferred term) is decided so that the output validates, and every
    /// such decision is reported on stderr. See docs/glossary-interop.md.
    Import(ImportArgs),
    /// Write the loaded glossaries as TBX v3 (TBX-Basic) or CSV.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// TBX or CSV files, merged into one glossary (`-` reads standard input).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Input format [default: by file extension, else by content].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<InteropFormat>,
    /// The glossary id [default: the first file's name, as an id].
    #[arg(long, value_name = "GLOSSARY-ID")]
    pub id: Option<String>,
    /// Write the YAML to FILE (replaced whole, never half-written) instead
    /// of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV: the language of `source` columns, or of the first column of a
    /// file without a header row.
    #[arg(long, value_name = "TAG")]
    pub source_lang: Option<Lang>,
    /// CSV: the language of `target` columns, or of the second column of a
    /// file without a header row.
    #[arg(long, value_name = "TAG")]
    pub target_lang: Option<Lang>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub glossary: GlossaryOptions,
    /// Output format [default: by the --output extension, else tbx].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<InteropFormat>,
    /// Write to FILE (replaced whole, never half-written) instead of
    /// standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Line,
    Json,
    Github,
    Sarif,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories (walked recursively); `-` reads standard input.
    /// With --source-lang/--target-lang: bilingual files (XLIFF, TMX, PO,
    /// TSV), whose pairs are pooled.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Language of the input text (BCP 47): en, fr, de, es, nl, ru or zh.
    #[arg(long, default_value = "en")]
    pub lang: Lang,
    /// Output format [default: table on a terminal, tsv otherwise].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ExtractFormat>,
    /// Print the N best candidates, whatever the cut-off.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Override the model's cut-off score (0-1).
    #[arg(long, value_name = "SCORE")]
    pub threshold: Option<f64>,
    /// Bilingual mode: any of these pairs candidates across languages (for
    /// extract, languages come from the command line or the config, not the
    /// files, whose pairs are pooled).
    #[command(flatten)]
    pub pairs: PairOptions,
    #[command(flatten)]
    pub glossary: GlossaryOptions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Table,
    Json,
    Tsv,
    Yaml,
}
