//! The example articles the README tour uses, checked with the built-in
//! glossaries: the planted style errors are found, nothing else is, and the
//! clean articles (and the canonical article in ../shared/seed/) stay clean.

mod common;

use common::run;

fn check(args: &[&str]) -> String {
    let mut all = vec!["check", "--format", "line"];
    all.extend_from_slice(args);
    let (stdout, stderr, code) = run(&all);
    format!("exit: {code}\n--- stderr\n{stderr}--- stdout\n{stdout}")
}

#[test]
fn english_markdown_article() {
    insta::assert_snapshot!(check(&["examples/china-eu-dialogue-en.md"]));
}

#[test]
fn french_article() {
    insta::assert_snapshot!(check(&[
        "--lang",
        "fr",
        "examples/dialogue-chine-ue-fr.txt"
    ]));
}

#[test]
fn chinese_article_with_a_traditional_headline_is_clean() {
    let out = check(&["--lang", "zh", "examples/zh-briefing.txt"]);
    assert_eq!(out, "exit: 0\n--- stderr\n--- stdout\n");
}

#[test]
fn clean_english_article_is_clean() {
    assert_eq!(
        check(&["examples/clean-en.txt"]),
        "exit: 0\n--- stderr\n--- stdout\n"
    );
}

#[test]
fn canonical_article_follows_the_house_style() {
    let Some(shared) = common::shared() else {
        return;
    };
    let seed = shared.join("seed/xinhua-2024-06-18-china-eu-human-rights-dialogue.txt");
    let out = check(&[seed.to_str().unwrap()]);
    assert_eq!(out, "exit: 0\n--- stderr\n--- stdout\n");
}
