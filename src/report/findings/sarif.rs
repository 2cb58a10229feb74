//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards (GitHub code
//! scanning, Azure DevOps, the VS Code SARIF viewer). The structs here are
//! the wire format, apart from the core types.
//!
//! - One run; `tool.driver.rules[]` has every rule of the registry, in
//!   [`CHECKS`] order, built from its [`RuleMeta`] (summary, why, example,
//!   fix), whatever was turned on; results point at their rule by `ruleId`
//!   and `ruleIndex`.
//! - `columnKind` is `unicodeCodePoints`: columns count Unicode scalar
//!   values, as everywhere in termalign (SPEC §5). A region has
//!   `startLine`/`startColumn`/`endLine`/`endColumn` (end column exclusive,
//!   as SARIF defines it) and `byteOffset`/`byteLength`, raw byte offsets
//!   into the file (`start`/`end` of SPEC §5), which describe the same bytes.
//! - Severities map to levels: error → `error`, warning → `warning`,
//!   info → `note`.
//! - `properties` of a result carry `glossary`, `concept`, `language`,
//!   `found`, `suggestions`, and `segment`/`note` when present.
//! - `fixes`: the replacement `check --fix` would make (`"auto": true` in the
//!   fix's properties), otherwise one fix per suggestion.
//! - Relative paths become relative URI references, absolute ones `file://`
//!   URIs; characters outside RFC 3986 are percent-encoded.
//! - With `--report-suppressed`, silenced findings follow the others as
//!   results with SARIF's own `suppressions: [{"kind": "inSource"}]`
//!   (and the directive's reason as `justification`), which dashboards such
//!   as GitHub code scanning show as dismissed rather than open.

use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::checks::{RuleMeta, CHECKS};
use crate::emit::Emit;
use crate::finding::{Finding, Location, Severity};
use crate::report::Report;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A SARIF log.
#[derive(Debug, Serialize, Deserialize)]
pub struct SarifLog {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub version: String,
    pub runs: Vec<Run>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    /// One invocation: whether it ran to the end with every input checked
    /// (SPEC §2), and a notification for each input that was not.
    #[serde(default)]
    pub invocations: Vec<Invocation>,
    pub column_kind: String,
    pub artifacts: Vec<Artifact>,
    pub results: Vec<SarifResult>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tool_execution_notifications: Vec<Notification>,
}

/// An input that could not be checked.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub level: String,
    pub message: Message,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub locations: Vec<NotificationLocation>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationLocation {
    pub physical_location: NotificationPlace,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationPlace {
    pub artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub region: Option<PointRegion>,
}

/// A position without an extent (where a file failed to parse).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PointRegion {
    pub start_line: usize,
    pub start_column: usize,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Tool {
    pub driver: ToolComponent,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ToolComponent {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub information_uri: Option<String>,
    pub version: String,
    pub semantic_version: String,
    pub rules: Vec<ReportingDescriptor>,
}

/// A rule.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    pub id: String,
    pub name: String,
    pub short_description: Message,
    pub full_description: Message,
    pub help: MultiformatMessage,
    pub default_configuration: Configuration,
    pub properties: RuleProperties,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Configuration {
    pub level: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RuleProperties {
    /// Whether the rule needs bilingual input (`align`).
    pub bilingual: bool,
    pub tags: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Message {
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct MultiformatMessage {
    pub text: String,
    pub markdown: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Artifact {
    pub location: ArtifactLocation,
    /// `analysisTarget`: every file checked is listed, with findings or not.
    pub roles: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: String,
    pub rule_index: usize,
    pub level: String,
    pub message: Message,
    pub locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub related_locations: Vec<SarifLocation>,
    pub properties: ResultProperties,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub fixes: Vec<Fix>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub suppressions: Vec<SarifSuppression>,
}

/// A result silenced in the source (`termalign: ignore`).
#[derive(Debug, Serialize, Deserialize)]
pub struct SarifSuppression {
    /// Always `inSource`.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub justification: Option<String>,
}

/// termalign's own data about a result.
#[derive(Debug, Serialize, Deserialize)]
pub struct ResultProperties {
    pub glossary: Option<String>,
    pub concept: Option<String>,
    pub language: String,
    pub found: String,
    pub suggestions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub segment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<usize>,
    pub physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub message: Option<Message>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    pub region: Region,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ArtifactLocation {
    pub uri: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub index: Option<usize>,
}

/// A region given both as text (lines and code-point columns) and as bytes.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_offset: usize,
    pub byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub snippet: Option<ArtifactContent>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ArtifactContent {
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub description: Message,
    pub artifact_changes: Vec<ArtifactChange>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub properties: Option<FixProperties>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FixProperties {
    /// `check --fix` makes this change by itself (the term's `fix: auto`).
    pub auto: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactChange {
    pub artifact_location: ArtifactLocation,
    pub replacements: Vec<Replacement>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Replacement {
    pub deleted_region: Region,
    pub inserted_content: ArtifactContent,
}

/// `deprecated-term` → `DeprecatedTerm` (SARIF's `name` is an identifier).
fn pascal_case(rule: &str) -> String {
    rule.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(meta: &RuleMeta) -> ReportingDescriptor {
    let mut tags = vec!["terminology".to_owned()];
    if meta.bilingual {
        tags.push("bilingual".to_owned());
    }
    ReportingDescriptor {
        id: meta.name().to_owned(),
        name: pascal_case(meta.name()),
        short_description: Message {
            text: meta.summary.to_owned(),
        },
        full_description: Message {
            text: format!("{} {}", meta.summary, meta.why),
        },
        help: MultiformatMessage {
            text: format!(
                "{}\n\nWhy: {}\n\nExample: {}\n\nHow to fix: {}",
                meta.summary, meta.why, meta.example, meta.fix
            ),
            markdown: format!(
                "{}\n\n**Why:** {}\n\n**Example:** {}\n\n**How to fix:** {}",
                meta.summary, meta.why, meta.example, meta.fix
            ),
        },
        default_configuration: Configuration {
            level: level(meta.severity).to_owned(),
        },
        properties: RuleProperties {
            bilingual: meta.bilingual,
            tags,
        },
    }
}

/// A path as a URI reference (RFC 3986): `/` separators, everything but
/// unreserved characters, sub-delimiters, `@` and `/` percent-encoded (`:`
/// too, so a first segment never reads as a scheme); absolute paths as
/// `file://` URIs.
pub fn path_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut encoded = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => encoded.push(b as char),
            b'-' | b'.' | b'_' | b'~' | b'/' | b'@' => encoded.push(b as char),
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' => {
                encoded.push(b as char)
            }
            _ => encoded.push_str(&format!("%{b:02X}")),
        }
    }
    if path.is_absolute() {
        let slash = if encoded.starts_with('/') { "" } else { "/" };
        format!("file://{slash}{encoded}")
    } else {
        encoded
    }
}

/// The project's home page or repository, once Cargo.toml names one.
fn information_uri() -> Option<String> {
    [
        option_env!("CARGO_PKG_HOMEPAGE"),
        option_env!("CARGO_PKG_REPOSITORY"),
    ]
    .into_iter()
    .flatten()
    .find(|u| !u.is_empty())
    .map(str::to_owned)
}

fn region(l: &Location, snippet: Option<&str>) -> Region {
    Region {
        start_line: l.line,
        start_column: l.column,
        end_line: l.end_line,
        end_column: l.end_column,
        byte_offset: l.start,
        byte_length: l.end - l.start,
        snippet: snippet.map(|s| ArtifactContent { text: s.to_owned() }),
    }
}

/// Builds the SARIF log of a report; `show_suppressed` adds the silenced
/// findings as suppressed results.
pub fn log(report: &Report, show_suppressed: bool) -> SarifLog {
    // Every file checked (the coverage lists them all, findings or not),
    // and every file a finding points into.
    let checked = report.coverage.files.iter().map(|f| &f.path);
    let pointed = report
        .findings
        .iter()
        .chain(report.suppressed.iter().filter(|_| show_suppressed))
        .flat_map(|f| std::iter::once(&f.location).chain(f.related.as_ref()))
        .map(|l| &l.path);
    let mut uris: Vec<String> = checked.chain(pointed).map(|p| path_uri(p)).collect();
    uris.sort();
    uris.dedup();
    let artifact = |l: &Location| {
        let uri = path_uri(&l.path);
        ArtifactLocation {
            index: uris.binary_search(&uri).ok(),
            uri,
        }
    };
    let suppressed = report.suppressed.iter().filter(|_| show_suppressed);
    let results = report
        .findings
        .iter()
        .chain(suppressed)
        .map(|f| result(f, &artifact))
        .collect();
    SarifLog {
        schema: SCHEMA.to_owned(),
        version: "2.1.0".to_owned(),
        runs: vec![Run {
            tool: Tool {
                driver: ToolComponent {
                    name: "termalign".to_owned(),
                    information_uri: information_uri(),
                    version: env!("CARGO_PKG_VERSION").to_owned(),
                    semantic_version: env!("CARGO_PKG_VERSION").to_owned(),
                    rules: CHECKS.iter().map(|c| rule(c.meta())).collect(),
                },
            },
            invocations: vec![invocation(report)],
            column_kind: "unicodeCodePoints".to_owned(),
            artifacts: uris
                .iter()
                .map(|uri| Artifact {
                    location: ArtifactLocation {
                        uri: uri.clone(),
                        index: None,
                    },
                    roles: vec!["analysisTarget".to_owned()],
                })
                .collect(),
            results,
        }],
    }
}

/// The run's invocation: successful unless an input could not be checked.
fn invocation(report: &Report) -> Invocation {
    Invocation {
        execution_successful: report.failures.is_empty(),
        tool_execution_notifications: report
            .failures
            .iter()
            .map(|failure| Notification {
                level: "error".to_owned(),
                message: Message {
                    text: failure.message.clone(),
                },
                locations: failure
                    .path
                    .iter()
                    .map(|path| NotificationLocation {
                        physical_location: NotificationPlace {
                            artifact_location: ArtifactLocation {
                                uri: path_uri(path),
                                index: None,
                            },
                            region: failure.position.map(|(line, column)| PointRegion {
                                start_line: line,
                                start_column: column,
                            }),
                        },
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn result(f: &Finding, artifact: &dyn Fn(&Location) -> ArtifactLocation) -> SarifResult {
    let rule_index = f.rule.index();
    let fix = |text: &str, auto: bool| Fix {
        description: Message {
            text: format!("Replace `{}` with `{text}`", f.found),
        },
        artifact_changes: vec![ArtifactChange {
            artifact_location: artifact(&f.location),
            replacements: vec![Replacement {
                deleted_region: region(&f.location, None),
                inserted_content: ArtifactContent {
                    text: text.to_owned(),
                },
            }],
        }],
        properties: auto.then_some(FixProperties { auto }),
    };
    let fixes = match &f.replacement {
        Some(r) => vec![fix(r, true)],
        None => f.suggestions.iter().map(|s| fix(s, false)).collect(),
    };
    SarifResult {
        rule_id: f.rule.name().to_owned(),
        rule_index,
        level: level(f.severity).to_owned(),
        message: Message {
            text: f.message.clone(),
        },
        locations: vec![SarifLocation {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact(&f.location),
                region: region(&f.location, Some(&f.found)),
            },
            message: None,
        }],
        related_locations: f
            .related
            .iter()
            .map(|r| SarifLocation {
                id: Some(1),
                physical_location: PhysicalLocation {
                    artifact_location: artifact(r),
                    region: region(r, None),
                },
                message: Some(Message {
                    text: "the source-language occurrence".to_owned(),
                }),
            })
            .collect(),
        properties: ResultProperties {
            glossary: f.glossary.clone(),
            concept: f.concept.clone(),
            language: f.language.clone(),
            found: f.found.clone(),
            suggestions: f.suggestions.clone(),
            segment: f.segment.clone(),
            note: f.note.clone(),
        },
        fixes,
        suppressions: f
            .suppressed
            .iter()
            .map(|s| SarifSuppression {
                kind: "inSource".to_owned(),
                justification: s.reason.clone(),
            })
            .collect(),
    }
}

/// The SARIF log; `show_suppressed` adds the silenced findings.
pub struct SarifEmitter {
    pub show_suppressed: bool,
}

impl Emit<Report> for SarifEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &log(report, self.show_suppressed))?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri(Path::new("docs/a b.txt")), "docs/a%20b.txt");
        assert_eq!(path_uri(Path::new("c:d/é#1")), "c%3Ad/%C3%A9%231");
        assert_eq!(path_uri(Path::new("/tmp/x y")), "file:///tmp/x%20y");
        assert_eq!(path_uri(Path::new("-")), "-");
    }

    #[test]
    fn rule_names_are_identifiers() {
        assert_eq!(pascal_case("missing-target-term"), "MissingTargetTerm");
    }
}
