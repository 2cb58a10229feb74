//! Turning the PATHS of the command line into the list of input files.
//!
//! Files are taken as given (even hidden or git-ignored ones: the user named
//! them); directories are walked recursively with ripgrep's defaults, through
//! the `ignore` crate: hidden files and directories are skipped, `.ignore`
//! files are honoured everywhere, `.gitignore` (and `.git/info/exclude`, the
//! global git excludes) inside git repositories. Include globs then select
//! walked files and exclude globs drop walked files and prune walked
//! directories. `-` (standard input) passes through. The result is sorted and
//! deduplicated, so runs are reproducible whatever order the file system
//! lists directories in. Symbolic links are followed (a link loop is an
//! error naming it); a FIFO, socket or device named on the command line is
//! refused (reading it could block forever), and one met in a walk is not a
//! file to read.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use ignore::WalkBuilder;

use crate::error::{Error, Result};

/// The marker for standard input among paths.
pub const STDIN: &str = "-";

/// Inputs found by [`walk_inputs`], and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Walked {
    /// Sorted and deduplicated.
    pub paths: Vec<PathBuf>,
    /// Paths that do not exist, directories with no input files, entries
    /// that could not be read: the run may go on without them and exit 2.
    pub errors: Vec<Error>,
}

/// The input files for `paths`, failing on the first problem: a path that
/// does not exist ([`Error::Io`] naming it), a directory with no input files
/// ([`Error::Usage`]: `DIR: no input files found`), an unreadable entry or
/// an invalid glob.
pub fn collect_inputs(
    paths: &[PathBuf],
    include: &[String],
    exclude: &[String],
) -> Result<Vec<PathBuf>> {
    let walked = walk_inputs(paths, include, exclude)?;
    match walked.errors.into_iter().next() {
        Some(err) => Err(err),
        None => Ok(walked.paths),
    }
}

/// Like [`collect_inputs`], but keeps going past missing paths, empty
/// directories and unreadable entries, returning them as errors beside the
/// paths found (ARCHITECTURE: an unreadable file among many is reported and
/// the run continues). Fails only on an invalid glob.
pub fn walk_inputs(paths: &[PathBuf], include: &[String], exclude: &[String]) -> Result<Walked> {
    walk_inputs_from(paths, include, exclude, None, false)
}

/// Like [`walk_inputs`], with globs that may also be relative to `base`
/// (an absolute directory): a configuration file's globs are written
/// relative to the file's directory, whatever directory termalign runs in.
/// With `force_exclude`, exclude globs drop files named on the command line
/// too (as ruff's `--force-exclude`): pre-commit names every changed file,
/// and the project's excludes must still hold.
pub fn walk_inputs_from(
    paths: &[PathBuf],
    include: &[String],
    exclude: &[String],
    base: Option<&Path>,
    force_exclude: bool,
) -> Result<Walked> {
    let include = glob_set(include)?;
    let exclude = glob_set(exclude)?;
    let mut walked = Walked::default();
    for path in paths {
        if path.as_os_str() == STDIN {
            walked.paths.push(path.clone());
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) => walked.errors.push(Error::io(path, err)),
            Ok(meta) if meta.is_dir() => walk_dir(path, &include, &exclude, base, &mut walked),
            // A FIFO, a socket or a device: reading it may never end.
            Ok(meta) if !meta.is_file() => walked.errors.push(Error::Usage(format!(
                "{}: not a regular file (a FIFO, socket or device); pipe it to standard input with `-` instead",
                path.display()
            ))),
            Ok(_) if force_exclude && excluded_file(&exclude, base, path) => {}
            Ok(_) => walked.paths.push(path.clone()),
        }
    }
    walked.paths.sort();
    walked.paths.dedup();
    Ok(walked)
}

fn walk_dir(
    root: &Path,
    include: &GlobSet,
    exclude: &GlobSet,
    base: Option<&Path>,
    walked: &mut Walked,
) {
    let before = walked.paths.len();
    let prune_root = root.to_path_buf();
    let prune_exclude = exclude.clone();
    let prune_base = base.map(Path::to_path_buf);
    let walker = WalkBuilder::new(root)
        // A linked file or directory is walked like the real one; a link
        // loop is an error naming it.
        .follow_links(true)
        .filter_entry(move |entry| {
            entry.depth() == 0
                || !matches(
                    &prune_exclude,
                    &prune_root,
                    prune_base.as_deref(),
                    entry.path(),
                )
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let path = entry.path();
                // Without include globs, a walk takes the files termalign can
                // read (by extension), not images or binaries beside them,
                // nor tool manifests such as package.json.
                let included = if include.is_empty() {
                    crate::input::format::walk_takes(path)
                } else {
                    matches(include, root, base, path)
                };
                if is_file && included {
                    walked.paths.push(path.to_path_buf());
                }
            }
            Err(err) => walked.errors.push(walk_error(root, err)),
        }
    }
    if walked.paths.len() == before {
        walked.errors.push(Error::Usage(format!(
            "{}: no input files found",
            root.display()
        )));
    }
}

/// Whether a walked `path` matches: globs are tried against its file name
/// (`*.md`), its path below the walked `root` (`drafts/**`) and its path as
/// walked (`docs/drafts/*.md`), with `*` not crossing `/`, as in gitignore;
/// and, given a `base`, its path below it.
fn matches(set: &GlobSet, root: &Path, base: Option<&Path>, path: &Path) -> bool {
    if set.is_empty() {
        return false;
    }
    path.file_name().is_some_and(|name| set.is_match(name))
        || path.strip_prefix(root).is_ok_and(|rel| set.is_match(rel))
        || set.is_match(path)
        || base.is_some_and(|base| {
            std::path::absolute(path)
                .ok()
                .and_then(|abs| abs.strip_prefix(base).ok().map(|rel| set.is_match(rel)))
                .unwrap_or(false)
        })
}

/// Whether a file named on the command line, or a directory above it, is
/// excluded (`drafts/**` and `drafts` both drop `drafts/a.md`).
/// Only directories the user could mean are looked at: those of a relative
/// path as written, or those below `base`, never `/tmp` above a project.
fn excluded_file(exclude: &GlobSet, base: Option<&Path>, path: &Path) -> bool {
    let absolute = std::path::absolute(path).ok();
    let stop: Option<&Path> = if path.is_relative() {
        None
    } else {
        base.filter(|b| absolute.as_deref().is_some_and(|a| a.starts_with(b)))
    };
    if path.is_absolute() && stop.is_none() {
        return matches(exclude, Path::new(""), base, path);
    }
    path.ancestors()
        .take_while(|p| !p.as_os_str().is_empty() && Some(*p) != stop)
        .any(|p| matches(exclude, Path::new(""), base, p))
}

fn glob_set(patterns: &[String]) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = GlobBuilder::new(pattern)
            .literal_separator(true)
            .build()
            .map_err(|err| Error::Usage(format!("invalid glob {pattern:?}: {err}")))?;
        builder.add(glob);
    }
    builder
        .build()
        .map_err(|err| Error::Usage(format!("invalid globs: {err}")))
}

/// An error of the walk as a library error naming the path it is about.
fn walk_error(root: &Path, err: ignore::Error) -> Error {
    let path = error_path(&err).unwrap_or(root).to_path_buf();
    let message = err.to_string();
    match err.into_io_error() {
        Some(io) => Error::io(path, io),
        // A syntax error in an ignore file: not I/O, but the user must hear
        // of it, since files may be walked that they meant to ignore.
        None => Error::Usage(format!("{}: {message}", path.display())),
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A directory tree: a git repository with a .gitignore, an .ignore,
    /// hidden files and directories, and a few formats.
    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in [
            ".git",
            "docs/drafts",
            "docs/api",
            ".hidden-dir",
            "build",
            "empty",
            "secret",
        ] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        for (file, text) in [
            (".gitignore", "build/\n*.log\n"),
            ("docs/.ignore", "api/\n"),
            ("README.md", "x"),
            ("notes.txt", "x"),
            ("debug.log", "x"),
            (".hidden.md", "x"),
            (".hidden-dir/a.md", "x"),
            ("build/out.html", "x"),
            ("secret/.only-hidden.md", "x"),
            ("docs/guide.md", "x"),
            ("docs/index.html", "x"),
            ("docs/drafts/wip.md", "x"),
            ("docs/api/ref.md", "x"),
        ] {
            fs::write(root.join(file), text).unwrap();
        }
        dir
    }

    fn rel(root: &Path, paths: Vec<PathBuf>) -> Vec<String> {
        paths
            .into_iter()
            .map(|p| {
                p.strip_prefix(root)
                    .map(|r| r.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_else(|_| p.to_string_lossy().into_owned())
            })
            .collect()
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn walks_with_ripgrep_defaults_and_globs() {
        let dir = tree();
        let root = dir.path();
        let cases: &[(&[&str], &[&str], &[&str])] = &[
            (
                &[],
                &[],
                &[
                    "README.md",
                    "docs/drafts/wip.md",
                    "docs/guide.md",
                    "docs/index.html",
                    "notes.txt",
                ],
            ),
            (
                &["*.md"],
                &[],
                &["README.md", "docs/drafts/wip.md", "docs/guide.md"],
            ),
            (
                &["*.md", "*.html"],
                &["drafts"],
                &["README.md", "docs/guide.md", "docs/index.html"],
            ),
            (
                &["*.md"],
                &["docs/drafts/**"],
                &["README.md", "docs/guide.md"],
            ),
            (&[], &["*.txt", "docs"], &["README.md"]),
            // `*` does not cross `/`: `docs/*.md` is not `docs/drafts/wip.md`.
            (&["docs/*.md"], &[], &["docs/guide.md"]),
        ];
        for (include, exclude, want) in cases {
            let got = collect_inputs(&[root.to_path_buf()], &strings(include), &strings(exclude))
                .unwrap();
            assert_eq!(
                rel(root, got),
                *want,
                "include {include:?} exclude {exclude:?}"
            );
        }
    }

    #[test]
    fn gitignore_needs_a_git_repository() {
        let dir = tree();
        fs::remove_dir(dir.path().join(".git")).unwrap();
        let got = collect_inputs(&[dir.path().to_path_buf()], &strings(&["*.log"]), &[]).unwrap();
        assert_eq!(rel(dir.path(), got), ["debug.log"]);
    }

    #[test]
    fn files_are_taken_as_given_and_stdin_passes_through() {
        let dir = tree();
        let root = dir.path();
        let paths = vec![
            root.join("debug.log"),
            root.join(".hidden.md"),
            PathBuf::from("-"),
            root.join("docs/guide.md"),
            root.join("docs"),
        ];
        // Globs select walked files only.
        let got = collect_inputs(&paths, &strings(&["*.html"]), &strings(&["*.md"])).unwrap();
        assert_eq!(
            rel(root, got),
            // Path order: absolute paths before `-`.
            [
                ".hidden.md",
                "debug.log",
                "docs/guide.md",
                "docs/index.html",
                "-"
            ]
        );
    }

    #[test]
    fn a_named_directory_is_walked_even_if_ignored() {
        // As in ripgrep: naming `build` overrides the `build/` rule above it.
        let dir = tree();
        let got = collect_inputs(&[dir.path().join("build")], &[], &[]).unwrap();
        assert_eq!(rel(dir.path(), got), ["build/out.html"]);
    }

    #[test]
    fn output_is_sorted_and_deduplicated() {
        let dir = tree();
        let root = dir.path();
        let paths = vec![
            root.join("docs"),
            root.join("docs/guide.md"),
            root.join("docs"),
        ];
        let got = collect_inputs(&paths, &[], &[]).unwrap();
        assert_eq!(
            rel(root, got),
            ["docs/drafts/wip.md", "docs/guide.md", "docs/index.html"]
        );
    }

    #[test]
    fn missing_path_is_an_io_error_naming_it() {
        let dir = tree();
        let missing = dir.path().join("nope.md");
        let err = collect_inputs(std::slice::from_ref(&missing), &[], &[]).unwrap_err();
        match &err {
            Error::Io { path, .. } => assert_eq!(path, &missing),
            other => panic!("expected Io, got {other:?}"),
        }
        assert!(err.to_string().starts_with(&missing.display().to_string()));
    }

    #[test]
    fn directory_without_inputs_is_a_usage_error() {
        let dir = tree();
        let cases = [
            (dir.path().join("empty"), Vec::new()),
            (dir.path().join("secret"), Vec::new()),
            (dir.path().join("docs"), strings(&["*.pdf"])),
        ];
        for (path, include) in cases {
            let err = collect_inputs(std::slice::from_ref(&path), &include, &[]).unwrap_err();
            assert!(matches!(err, Error::Usage(_)), "{err:?}");
            assert_eq!(
                err.to_string(),
                format!("{}: no input files found", path.display())
            );
        }
    }

    #[test]
    fn walk_inputs_keeps_going_past_errors() {
        let dir = tree();
        let root = dir.path();
        let paths = vec![
            root.join("nope"),
            root.join("empty"),
            root.join("notes.txt"),
        ];
        let walked = walk_inputs(&paths, &[], &[]).unwrap();
        assert_eq!(rel(root, walked.paths), ["notes.txt"]);
        assert_eq!(walked.errors.len(), 2);
        assert!(matches!(walked.errors[0], Error::Io { .. }));
        assert!(matches!(walked.errors[1], Error::Usage(_)));
    }

    #[test]
    fn globs_may_be_relative_to_a_base_directory() {
        // A configuration file at the root says `docs/drafts/**`; the walk
        // starts below it, at `docs/drafts`'s parent, by absolute path.
        let dir = tree();
        let root = dir.path().canonicalize().unwrap();
        let walked = walk_inputs_from(
            &[root.join("docs")],
            &[],
            &strings(&["docs/drafts/**"]),
            Some(&root),
            false,
        )
        .unwrap();
        assert_eq!(
            rel(&root, walked.paths),
            ["docs/guide.md", "docs/index.html"]
        );
        let walked = walk_inputs_from(
            &[root.join("docs")],
            &strings(&["docs/*.md"]),
            &[],
            Some(&root),
            false,
        )
        .unwrap();
        assert_eq!(rel(&root, walked.paths), ["docs/guide.md"]);
    }

    #[test]
    fn force_exclude_drops_named_files() {
        let dir = tree();
        let root = dir.path().canonicalize().unwrap();
        let named = vec![
            root.join("docs/drafts/wip.md"),
            root.join("docs/guide.md"),
            root.join("notes.txt"),
        ];
        for (exclude, force, want) in [
            (&["docs/drafts/**"][..], false, 3),
            (&["docs/drafts/**"], true, 2),
            (&["drafts"], true, 2),
            (&["*.txt"], true, 2),
            // A directory above the project is not the project's to exclude.
            (&["tmp", ".tmp*"], true, 3),
        ] {
            let walked =
                walk_inputs_from(&named, &[], &strings(exclude), Some(&root), force).unwrap();
            assert_eq!(walked.paths.len(), want, "{exclude:?} {force}");
        }
    }

    #[test]
    fn invalid_glob_is_a_usage_error() {
        let err = collect_inputs(&[PathBuf::from("-")], &strings(&["a[b"]), &[]).unwrap_err();
        assert!(
            matches!(err, Error::Usage(ref m) if m.contains("a[b")),
            "{err:?}"
        );
    }
}
