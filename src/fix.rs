//! `check --fix` (SPEC §6): rewriting occurrences whose term allows it
//! (`fix: auto`) to the preferred term, in place.
//!
//! This module owns three steps, each usable on its own:
//!
//! - [`plan`]: which findings become edits. An edit replaces the raw bytes
//!   `start..end` of a finding (SPEC §5: exactly the bytes of `found`) with
//!   the replacement, encoded as the file is (UTF-8, or UTF-16 LE/BE) and
//!   escaped for its format (`&amp;` in XML and HTML, `\"` in PO strings).
//!   Every other byte — BOM, line endings, neighbouring text — is kept.
//!   A finding whose bytes take in markup (a term split by a tag) is not
//!   edited, since replacing it would delete the tag; nor is one that
//!   overlaps an earlier edit.
//! - [`fix_file`]: the plan applied in memory and the result checked again,
//!   so the findings reported after fixing are those of the new text.
//! - [`write_fixed`]: the new bytes written next to the file and renamed over
//!   it, with the file's permissions, refusing read-only files and
//!   directories and a file that changed since it was read.
//!
//! [`unified_diff`] renders a fix for `--fix --dry-run`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::engine::{Engine, FileResult};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::input::{Format, SourceFile};

/// One replacement of raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Raw byte range in the file, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The bytes written instead (encoded and escaped).
    pub bytes: Vec<u8>,
    /// The text found and the text that replaces it, for messages.
    pub found: String,
    pub replacement: String,
    /// 1-based line and column of the occurrence.
    pub line: usize,
    pub column: usize,
}

/// A finding with a replacement that is not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub column: usize,
    pub found: String,
    pub reason: &'static str,
}

/// The edits for one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Sorted by position, never overlapping.
    pub edits: Vec<Edit>,
    pub skipped: Vec<Skipped>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// `raw` with every edit made.
    pub fn apply(&self, raw: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(raw.len());
        let mut at = 0;
        for edit in &self.edits {
            out.extend_from_slice(&raw[at..edit.start]);
            out.extend_from_slice(&edit.bytes);
            at = edit.end;
        }
        out.extend_from_slice(&raw[at..]);
        out
    }
}

/// The edits that `findings` (of `file`, read as `format`) call for.
/// Findings without a replacement are ignored.
pub fn plan(file: &SourceFile, format: Format, findings: &[Finding]) -> Plan {
    let mut candidates: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.replacement.is_some() && f.location.path == file.path)
        .collect();
    candidates.sort_by_key(|f| (f.location.start, f.location.end));
    let mut plan = Plan::default();
    let mut last_end = 0;
    for f in candidates {
        let l = &f.location;
        let skip = |reason| Skipped {
            line: l.line,
            column: l.column,
            found: f.found.clone(),
            reason,
        };
        let Some(replacement) = &f.replacement else {
            continue;
        };
        if l.start < last_end {
            plan.skipped.push(skip("overlaps another fix"));
            continue;
        }
        if spans_markup(format, &f.found) {
            plan.skipped.push(skip("the occurrence spans markup"));
            continue;
        }
        if l.end > file.raw.len() || l.start > l.end {
            // Cannot happen for findings of this file; never write garbage.
            plan.skipped.push(skip("the finding does not fit the file"));
            continue;
        }
        let Some(escaped) = escape(format, replacement) else {
            plan.skipped.push(skip(
                "the replacement would need quoting or escaping this format's values do not allow here",
            ));
            continue;
        };
        let Some(bytes) = file.encoding.encode(&escaped) else {
            plan.skipped.push(skip(
                "the replacement has characters the file's encoding cannot hold",
            ));
            continue;
        };
        plan.edits.push(Edit {
            start: l.start,
            end: l.end,
            bytes,
            found: f.found.clone(),
            replacement: replacement.clone(),
            line: l.line,
            column: l.column,
        });
        last_end = l.end;
    }
    plan
}

/// Whether the raw bytes of an occurrence hold markup that replacing them
/// would delete: a tag, or Markdown emphasis, code or link syntax. Terms do
/// not contain these characters; an occurrence found across them does.
fn spans_markup(format: Format, found: &str) -> bool {
    found.contains(format.def().markup)
}

/// The replacement as it must be written in a file of `format`, if it
/// can be.
fn escape(format: Format, text: &str) -> Option<String> {
    format.def().escaping.apply(text)
}

/// A file fixed in memory.
#[derive(Debug)]
pub struct Fixed {
    pub plan: Plan,
    /// The new contents (the same bytes as the input when the plan is empty).
    pub file: SourceFile,
    /// The check of the new contents: what remains.
    pub result: FileResult,
    /// The check of the contents as read (what stands if writing fails).
    pub before: FileResult,
}

/// Checks `file` as monolingual prose in `language`, applies the fixes, and
/// checks the fixed text again.
pub fn fix_file(
    engine: &Engine,
    file: &SourceFile,
    language: crate::pipeline::LanguageChoice<'_>,
) -> Result<Fixed> {
    let format = crate::pipeline::detect_format(file);
    let before = crate::pipeline::check_file(engine, file, language)?;
    let plan = plan(file, format, &before.findings);
    if plan.is_empty() {
        return Ok(Fixed {
            plan,
            file: file.clone(),
            result: before.clone(),
            before,
        });
    }
    let fixed = file.with_bytes(plan.apply(&file.raw))?;
    let result = crate::pipeline::check_file(engine, &fixed, language)?;
    Ok(Fixed {
        plan,
        file: fixed,
        result,
        before,
    })
}

/// Replaces the file at `path` with `fixed`, provided it still holds
/// `original` (the bytes that were checked).
///
/// The bytes go to a temporary file in the same directory, which is then
/// renamed over the original, so a reader never sees half a file and a
/// failure leaves the original as it was. The new file gets the original's
/// permissions (and, where allowed, its owner). A symbolic link is followed
/// and its target replaced.
///
/// Refused, with the file untouched: a file whose permissions make it
/// read-only, a file in a directory without write permission, a file that
/// changed since it was read. The first two are decided on the permission
/// bits, not on whether the system would let the write through: running as
/// root, a rename in a `r-x` directory succeeds, and termalign still
/// respects what the bits say.
pub fn write_fixed(path: &Path, original: &[u8], fixed: &[u8]) -> Result<()> {
    write_fixed_in(path, original, fixed, None)
}

/// [`write_fixed`] with the temporary file in `temp_dir` instead of the
/// file's directory (tests use it to make creating that file fail).
fn write_fixed_in(
    path: &Path,
    original: &[u8],
    fixed: &[u8],
    temp_dir: Option<&Path>,
) -> Result<()> {
    let refuse = |message: String| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, message),
        )
    };
    let target = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
    let metadata = std::fs::metadata(&target).map_err(|e| Error::io(path, e))?;
    if metadata.permissions().readonly() {
        return Err(refuse("the file is read-only; not fixed".into()));
    }
    let dir: PathBuf = match temp_dir {
        Some(d) => d.to_path_buf(),
        None => target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(".")),
    };
    if std::fs::metadata(&dir).is_ok_and(|m| m.permissions().readonly()) {
        return Err(refuse(format!(
            "directory {} is read-only; not fixed",
            dir.display()
        )));
    }
    let io_error = |what: &str, e: std::io::Error| {
        Error::io(
            path,
            std::io::Error::new(e.kind(), format!("{what}: {e}; not fixed")),
        )
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".termalign-fix-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| {
            io_error(
                &format!("cannot create a temporary file in {}", dir.display()),
                e,
            )
        })?;
    temp.write_all(fixed)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| io_error("cannot write the temporary file", e))?;
    std::fs::set_permissions(temp.path(), metadata.permissions())
        .map_err(|e| io_error("cannot copy the file's permissions", e))?;
    keep_owner(temp.path(), &metadata);
    // Last look before the rename: someone (an editor, another fixer) may
    // have written the file while it was being checked.
    let current = std::fs::read(&target).map_err(|e| Error::io(path, e))?;
    if current != original {
        return Err(refuse(
            "the file changed since it was read; not fixed".into(),
        ));
    }
    temp.persist(&target)
        .map_err(|e| io_error("cannot replace the file", e.error))?;
    Ok(())
}

/// Gives the new file the original's owner and group, where the system
/// allows it (root may; others keep their own, which is what they could
/// write anyway).
#[cfg(unix)]
fn keep_owner(path: &Path, original: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::chown(path, Some(original.uid()), Some(original.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &std::fs::Metadata) {}

/// A unified diff of a fix, with `a/PATH` and `b/PATH` headers (`git apply`
/// and `patch -p1` take it for UTF-8 files; a UTF-16 file is shown decoded).
pub fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let name = path.display().to_string();
    let (a, b) = if path.is_absolute() {
        (name.clone(), name)
    } else {
        (format!("a/{name}"), format!("b/{name}"))
    };
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RuleSettings;
    use crate::glossary::{load_set, GlossarySource};
    use crate::rule::RuleId;

    const GLOSSARY: &str = "\
glossary: t
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
      zh: [澳门]
  - id: amp
    terms:
      en:
        - Bosnia & Herzegovina
        - {term: Bosnia-Hercegovina, status: deprecated, fix: auto}
  - id: tibet
    terms:
      en:
        - Xizang
        - {term: Tibet, status: deprecated}
";

    fn engine() -> Engine {
        let set = load_set(&[GlossarySource {
            path: "t.yaml".into(),
            text: GLOSSARY.into(),
        }])
        .unwrap();
        Engine::new(set, RuleSettings::default())
    }

    fn fixed_bytes(name: &str, raw: Vec<u8>) -> (Vec<u8>, Fixed) {
        let file = SourceFile::from_bytes(name, raw).unwrap();
        let fixed = fix_file(
            &engine(),
            &file,
            crate::pipeline::LanguageChoice::Given("en"),
        )
        .unwrap();
        (fixed.file.raw.clone(), fixed)
    }

    fn utf16le(text: &str) -> Vec<u8> {
        let mut raw = vec![0xFF, 0xFE];
        raw.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        raw
    }

    fn utf16be(text: &str) -> Vec<u8> {
        let mut raw = vec![0xFE, 0xFF];
        raw.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        raw
    }

    /// Every byte but the replaced ones is kept: line endings, BOM,
    /// encoding, text in other scripts.
    #[test]
    fn fixes_preserve_every_other_byte() {
        let cases: Vec<(&str, Vec<u8>, Vec<u8>)> = vec![
            (
                "crlf.txt",
                b"Macau\r\nin Macau,\r\nMacao\r\n".to_vec(),
                b"Macao\r\nin Macao,\r\nMacao\r\n".to_vec(),
            ),
            (
                "bom.txt",
                b"\xEF\xBB\xBFMacau\n".to_vec(),
                b"\xEF\xBB\xBFMacao\n".to_vec(),
            ),
            (
                "mixed.txt",
                "澳门（Macau）是特别行政区。\r\nMacau\u{3000}x\n"
                    .as_bytes()
                    .to_vec(),
                "澳门（Macao）是特别行政区。\r\nMacao\u{3000}x\n"
                    .as_bytes()
                    .to_vec(),
            ),
            (
                "no-final-newline.txt",
                b"Tibet and Macau".to_vec(),
                b"Tibet and Macao".to_vec(),
            ),
            ("le.txt", utf16le("重 Macau\r\n"), utf16le("重 Macao\r\n")),
            ("be.txt", utf16be("Macau 重"), utf16be("Macao 重")),
        ];
        for (name, input, want) in cases {
            let (got, fixed) = fixed_bytes(name, input);
            assert_eq!(got, want, "{name}");
            // What remains is the check of the new text.
            assert!(
                fixed
                    .result
                    .findings
                    .iter()
                    .all(|f| f.rule != RuleId::DeprecatedTerm || f.found == "Tibet"),
                "{name}: {:?}",
                fixed.result.findings
            );
        }
    }

    #[test]
    fn replacements_are_escaped_for_their_format() {
        let (got, _) = fixed_bytes("a.html", b"<p>Bosnia-Hercegovina &amp; more</p>\n".to_vec());
        assert_eq!(got, b"<p>Bosnia &amp; Herzegovina &amp; more</p>\n");
        assert_eq!(
            escape(Format::Po, "a \"b\" \\").unwrap(),
            "a \\\"b\\\" \\\\"
        );
        assert_eq!(escape(Format::Text, "a & b").unwrap(), "a & b");
        assert_eq!(escape(Format::Yaml, "People's"), None);
    }

    /// Bilingual files are checked (and fixed) on their target side only.
    #[test]
    fn bilingual_targets_are_fixed_in_place() {
        let po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n#: a.c:1\nmsgid \"Macau\"\nmsgstr \"Macau \\\"SAR\\\"\"\n";
        let (got, _) = fixed_bytes("a.po", po.as_bytes().to_vec());
        assert_eq!(
            String::from_utf8(got).unwrap(),
            po.replace("msgstr \"Macau", "msgstr \"Macao"),
            "msgid untouched"
        );
        let xliff = "<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body>\r\n<trans-unit id=\"1\"><source>Macau</source><target>Bosnia-Hercegovina, Macau</target></trans-unit>\r\n</body></file></xliff>\r\n";
        let (got, _) = fixed_bytes("a.xlf", xliff.as_bytes().to_vec());
        assert_eq!(
            String::from_utf8(got).unwrap(),
            xliff.replace(
                "<target>Bosnia-Hercegovina, Macau</target>",
                "<target>Bosnia &amp; Herzegovina, Macao</target>"
            )
        );
    }

    #[test]
    fn markup_inside_an_occurrence_is_not_deleted() {
        let file = SourceFile::from_bytes("a.html", b"<p>Ma<b></b>cau</p>".to_vec()).unwrap();
        let mut f = crate::pipeline::check_file(
            &engine(),
            &file,
            crate::pipeline::LanguageChoice::Given("en"),
        )
        .unwrap();
        // Whatever the reader finds, a finding whose bytes hold a tag is
        // never rewritten.
        if let Some(first) = f.findings.first_mut() {
            first.found = "Ma<b></b>cau".into();
        }
        let p = plan(&file, Format::Html, &f.findings);
        assert!(p.edits.is_empty());
    }

    #[test]
    fn markdown_emphasis_inside_an_occurrence_is_kept() {
        assert!(spans_markup(Format::Markdown, "Ma**cau**"));
        assert!(spans_markup(Format::Html, "Ma<b>cau"));
        assert!(!spans_markup(Format::Markdown, "Macau"));
        assert!(!spans_markup(Format::Text, "a*b"));
    }

    #[test]
    fn terms_without_fix_auto_are_left_alone() {
        let (got, fixed) = fixed_bytes("t.txt", b"Tibet\n".to_vec());
        assert_eq!(got, b"Tibet\n");
        assert!(fixed.plan.is_empty());
        assert_eq!(fixed.result.findings.len(), 1);
    }

    fn write_case(text: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "a.txt")
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn writing_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, path) = write_case(b"Macau");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_fixed(&path, b"Macau", b"Macao").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"Macao");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let (dir, path) = write_case(b"Macau, edited meanwhile");
        let err = write_fixed(&path, b"Macau", b"Macao").unwrap_err();
        assert!(
            err.to_string().contains("changed since it was read"),
            "{err}"
        );
        assert!(err.to_string().starts_with(&path.display().to_string()));
        assert_eq!(std::fs::read(&path).unwrap(), b"Macau, edited meanwhile");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_read_only_file_is_not_written() {
        let (dir, path) = write_case(b"Macau");
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&path, perms).unwrap();
        let err = write_fixed(&path, b"Macau", b"Macao").unwrap_err();
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"Macau");
        assert!(leftovers(dir.path()).is_empty());
    }

    /// When the temporary file cannot be made (here: its directory does not
    /// exist, which fails for root too), the error names the file and the
    /// original is untouched.
    #[test]
    fn a_failed_temporary_file_leaves_the_original() {
        let (dir, path) = write_case(b"Macau");
        let missing = dir.path().join("no-such-dir");
        let err = write_fixed_in(&path, b"Macau", b"Macao", Some(&missing)).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(
            message.contains("cannot create a temporary file"),
            "{message}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"Macau");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed() {
        let (dir, path) = write_case(b"Macau");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        write_fixed(&link, b"Macau", b"Macao").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&path).unwrap(), b"Macao");
    }

    #[test]
    fn diffs_are_unified_with_git_style_headers() {
        let diff = unified_diff(Path::new("docs/a.txt"), "x\nMacau\ny\n", "x\nMacao\ny\n");
        assert_eq!(
            diff,
            "--- a/docs/a.txt\n+++ b/docs/a.txt\n@@ -1,3 +1,3 @@\n x\n-Macau\n+Macao\n y\n"
        );
    }
}
