//! Generated documentation stays in step with the code: `docs/checks.md` is
//! exactly what `termalign rules --format markdown` prints. Regenerate with
//! `cargo run -- rules --format markdown > docs/checks.md`.

mod common;

#[test]
fn checks_md_is_generated_from_the_rules() {
    let on_disk = std::fs::read_to_string(common::root().join("docs/checks.md")).unwrap();
    assert!(
        on_disk == termalign::checks::rules_markdown(),
        "docs/checks.md is out of date: run `cargo run -- rules --format markdown > docs/checks.md`"
    );
}
