//! Generated documentation stays in step with the code: `docs/checks.md` is
//! exactly what `termalign rules --format markdown` prints (regenerate with
//! `cargo run -- rules --format markdown > docs/checks.md`), and the README's
//! format table what `termalign formats` prints.

mod common;

#[test]
fn checks_md_is_generated_from_the_rules() {
    let on_disk = std::fs::read_to_string(common::root().join("docs/checks.md")).unwrap();
    assert!(
        on_disk == termalign::checks::rules_markdown(),
        "docs/checks.md is out of date: run `cargo run -- rules --format markdown > docs/checks.md`"
    );
}

/// The README's table of input formats is the format registry's
/// (`termalign formats`), between its two marker comments.
#[test]
fn readme_format_table_is_generated_from_the_registry() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let (start, end) = ("<!-- formats:start -->\n", "<!-- formats:end -->");
    let from = readme
        .find(start)
        .expect("README has the formats:start marker")
        + start.len();
    let to = readme[from..]
        .find(end)
        .expect("README has the formats:end marker")
        + from;
    assert!(
        readme[from..to] == termalign::input::format::formats_markdown(),
        "README.md's format table is out of date: paste the output of `cargo run -- formats` between its markers"
    );
}
