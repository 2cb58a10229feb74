//! Locating findings: a check's draft becomes a finding with raw byte
//! offsets, line and column in its file, the severity the settings give,
//! and the suppression directive that silences it, if any; a directive that
//! silenced nothing becomes an `unused-suppression` finding.

use super::Engine;
use crate::checks::{Draft, RuleId};
use crate::finding::{Excerpt, Finding, Location, Locator, Severity, Suppression};
use crate::input::SourceFile;
use crate::suppress::{Scope, Suppressions};

impl Engine {
    /// Turns drafts into findings located in their files, and sets apart
    /// those that `termalign: ignore` directives silence: (counted,
    /// suppressed), each sorted. `directives` are those of `file` and, for
    /// two parallel files, the source file and its own. A directive that
    /// silenced nothing becomes an `unused-suppression` finding.
    pub(super) fn locate(
        &self,
        mut drafts: Vec<Draft>,
        file: &SourceFile,
        (file_directives, source): (&Suppressions, Option<(&SourceFile, &Suppressions)>),
        (source_lang, target_lang): (&str, &str),
    ) -> (Vec<Finding>, Vec<Finding>) {
        // Which directives silenced something: [file's, source file's].
        let mut used = [
            vec![false; file_directives.directives().len()],
            vec![false; source.map_or(0, |(_, d)| d.directives().len())],
        ];
        // In order of position, so each file's lines are walked once for
        // columns (a one-line file with many findings stays linear).
        drafts.sort_by_key(|d| (d.on_source, d.span.start));
        // One locator per file for findings and one for the related spans
        // of the other side, each fed in about increasing order.
        let mut file_at = Locator::new(file);
        let mut file_related = Locator::new(file);
        let mut source_locators = source.map(|(src, _)| (Locator::new(src), Locator::new(src)));
        let mut findings: Vec<Finding> = Vec::with_capacity(drafts.len());
        for d in drafts {
            let Some(severity) = self.rules.severity(d.rule.id) else {
                continue;
            };
            let severity = d.at_most.map_or(severity, |ceiling| severity.min(ceiling));
            // Where the finding points and where its related span does: two
            // parallel files point into each other, one file into itself.
            let (at, other, directives, side) = match (&mut source_locators, source) {
                (Some((src_at, _)), Some((_, directives))) if d.on_source => {
                    (src_at, &mut file_related, directives, 1)
                }
                (Some((_, src_related)), _) => (&mut file_at, src_related, file_directives, 0),
                _ => (&mut file_at, &mut file_related, file_directives, 0),
            };
            if directives.in_directive(d.span) {
                // The words of a directive (`ignore xizang`) are not prose.
                continue;
            }
            let concept = d.concept.map(|c| self.set.concept(c));
            let location = at.locate(d.span);
            let suppressing = directives.suppressing_index(
                location.line,
                d.rule.name(),
                concept.map_or("", |c| c.key.as_str()),
            );
            let suppressed = suppressing.map(|k| {
                used[side][k] = true;
                let directive = &directives.directives()[k];
                Suppression {
                    line: directive.line,
                    file_wide: directive.scope == Scope::File,
                    reason: directive.reason.clone(),
                }
            });
            let language = if d.on_source {
                source_lang
            } else {
                target_lang
            };
            findings.push(Finding {
                location,
                rule: d.rule.id,
                severity,
                glossary: concept.map(|c| self.set.glossary(c.glossary).id.clone()),
                concept: concept.map(|c| c.id.clone()),
                language: language.to_owned(),
                found: at.file().text[d.span.range()].to_owned(),
                suggestions: d.suggestions,
                message: d.message,
                note: d.note,
                segment: d.pair.map(|p| p.id),
                related: d.related.map(|r| other.locate(r)),
                replacement: d.replacement,
                context: Some(Excerpt::new(at.file(), d.span)),
                suppressed,
            });
        }
        if let Some(severity) = self.rules.severity(RuleId::UnusedSuppression) {
            let sides = std::iter::once((file, file_directives, target_lang))
                .chain(source.map(|(src, directives)| (src, directives, source_lang)));
            for ((here, directives, language), used) in sides.zip(&used) {
                for (directive, _) in directives
                    .directives()
                    .iter()
                    .zip(used)
                    .filter(|(_, &used)| !used)
                {
                    findings.push(unused_suppression(here, directive, severity, language));
                }
            }
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.into_iter().partition(|f| f.suppressed.is_none())
    }
}

/// The `unused-suppression` finding of a directive that silenced nothing.
fn unused_suppression(
    file: &SourceFile,
    directive: &crate::suppress::Directive,
    severity: Severity,
    language: &str,
) -> Finding {
    let text = file.text[directive.span.range()].trim_end().to_owned();
    Finding {
        location: Location::new(file, directive.span),
        rule: RuleId::UnusedSuppression,
        severity,
        glossary: None,
        concept: None,
        language: language.to_owned(),
        message: format!("`{text}` silences nothing here: remove it, or fix its targets"),
        found: file.text[directive.span.range()].to_owned(),
        suggestions: Vec::new(),
        note: None,
        segment: None,
        related: None,
        replacement: None,
        context: Some(Excerpt::new(file, directive.span)),
        suppressed: None,
    }
}
