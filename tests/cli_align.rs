//! `termalign align` end to end: every bilingual reader on a fixture written
//! for the purpose, the pair rules, and snapshots of every output format.

mod common;

use common::{fixture, rel, run};
use termalign::report::json::JsonReport;

fn align(args: &[&str]) -> (String, String, i32) {
    let glossary = rel(&fixture("checks/glossary.yaml"));
    let mut all = vec!["align", "--no-default-glossaries", "--glossary", &glossary];
    all.extend_from_slice(args);
    run(&all)
}

/// `line:col rule segment found` for each finding of one input.
fn findings(args: &[&str]) -> Vec<String> {
    let mut args = args.to_vec();
    args.extend_from_slice(&["--format", "json"]);
    let (stdout, stderr, code) = align(&args);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    let doc: JsonReport = serde_json::from_str(&stdout).expect("json");
    doc.findings
        .iter()
        .map(|f| {
            let raw = std::fs::read(common::root().join(&f.path)).unwrap();
            assert_eq!(
                &raw[f.start..f.end],
                f.found.as_bytes(),
                "start..end are `found`"
            );
            if let Some(r) = &f.related {
                let raw = std::fs::read(common::root().join(&r.path)).unwrap();
                assert_eq!(&raw[r.start..r.end], r.found.as_bytes());
            }
            format!(
                "{}:{} {} {} {}",
                f.line,
                f.column,
                f.rule,
                f.segment.as_deref().unwrap_or("-"),
                f.found
            )
        })
        .collect()
}

#[test]
fn xliff_1_2() {
    let input = rel(&fixture("align/briefing.xlf"));
    assert_eq!(
        findings(&[&input]),
        [
            "7:21 deprecated-term spokesperson foreign ministry spokesman",
            "7:113 deprecated-term spokesperson Tibet Autonomous Region",
            // 重慶 (Traditional) is the concept of 重庆.
            "10:20 missing-target-term chongqing 重慶",
            // Left in Chinese: untranslated, and then not also missing.
            "15:45 untranslated-term macao 澳门",
            // No target at all: one finding for the segment. The
            // translate="no" unit is skipped, and the unit whose source term
            // spans an inline tag (<g>欧盟</g>对外行动署 is one concept, not
            // also 欧盟) has a correct target.
            "26:17 unfinished-segment todo 欧盟代表团访问了西藏。",
        ]
    );
}

#[test]
fn xliff_2_0() {
    let input = rel(&fixture("align/dialogue-2.0.xlf"));
    assert_eq!(
        findings(&[&input]),
        [
            "14:25 deprecated-term u1#s2 Macau",
            "19:29 missing-target-term u2 深圳",
            "20:37 misspelled-term u2 Shenzen",
        ]
    );
}

#[test]
fn tmx() {
    let input = rel(&fixture("align/memory.tmx"));
    assert_eq!(
        findings(&[&input]),
        [
            "11:34 deprecated-term t2 Chungking",
            "14:34 missing-target-term 3 欧盟",
        ]
    );
}

#[test]
fn po_with_fuzzy_untranslated_and_continued_strings() {
    let input = rel(&fixture("align/messages.po"));
    assert_eq!(
        findings(&[&input]),
        [
            "10:9 deprecated-term 1 foreign ministry spokesman",
            "13:8 needs-review 2 欧盟对外行动署",
            "16:8 unfinished-segment 3 澳门",
            "23:2 deprecated-term 4 Tibet \"\n\"Autonomous Region",
        ]
    );
}

#[test]
fn tsv() {
    let input = rel(&fixture("align/pairs.tsv"));
    assert_eq!(
        findings(&[&input]),
        [
            "2:9 deprecated-term 2 Macau",
            "3:1 missing-target-term 3 深圳"
        ]
    );
}

#[test]
fn parallel_files_point_into_each_side() {
    let source = rel(&fixture("align/parallel.zh.txt"));
    let target = rel(&fixture("align/parallel.en.txt"));
    let (stdout, _, code) = align(&["--source", &source, "--target", &target, "--format", "json"]);
    assert_eq!(code, 1);
    let doc: JsonReport = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc.findings.len(), 1);
    let f = &doc.findings[0];
    assert_eq!(
        (f.rule.as_str(), f.path.as_str()),
        ("missing-target-term", source.as_str())
    );
    assert_eq!(
        (f.found.as_str(), f.segment.as_deref()),
        ("欧盟", Some("2"))
    );
    assert_eq!(f.language, "zh");
}

#[test]
fn parallel_files_must_have_as_many_lines() {
    let source = rel(&fixture("align/parallel.zh.txt"));
    let target = rel(&fixture("align/pairs.tsv"));
    let (stdout, stderr, code) = align(&["--source", &source, "--target", &target]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(stderr.contains('2') && stderr.contains('3'), "{stderr}");
}

#[test]
fn languages_come_from_the_command_line_first() {
    // Read as en -> zh, the Chinese terms are targets and the English ones
    // sources: the findings change completely.
    let input = rel(&fixture("align/pairs.tsv"));
    let (stdout, _, _) = align(&[
        &input,
        "--source-lang",
        "en",
        "--target-lang",
        "zh",
        "--format",
        "line",
    ]);
    assert!(!stdout.contains("deprecated-term"), "{stdout}");
}

#[test]
fn monolingual_input_is_a_usage_error() {
    let input = rel(&fixture("formats/briefing.txt"));
    let (stdout, stderr, code) = align(&[&input]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(stderr.contains("not a bilingual format"), "{stderr}");
}

#[test]
fn malformed_xliff_is_a_positioned_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.xlf");
    std::fs::write(
        &bad,
        "<xliff version=\"1.2\"><file source-language=\"zh\"><body>\n<trans-unit id=\"1\"><source>西藏</target></trans-unit></body></file></xliff>\n",
    )
    .unwrap();
    let (stdout, stderr, code) = align(&[bad.to_str().unwrap()]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(stderr.contains("bad.xlf:2:"), "{stderr}");
}

fn snapshot(format: &str) -> String {
    let input = rel(&fixture("align/briefing.xlf"));
    let (stdout, stderr, code) = align(&[&input, "--format", format]);
    format!("exit: {code}\n--- stderr\n{stderr}--- stdout\n{stdout}")
}

#[test]
fn snapshot_table() {
    insta::assert_snapshot!(snapshot("table"));
}

#[test]
fn snapshot_line() {
    insta::assert_snapshot!(snapshot("line"));
}

#[test]
fn snapshot_json() {
    insta::assert_snapshot!(snapshot("json"));
}

#[test]
fn snapshot_github() {
    insta::assert_snapshot!(snapshot("github"));
}

#[test]
fn snapshot_sarif() {
    insta::assert_snapshot!(snapshot("sarif"));
}

#[test]
fn snapshot_html() {
    insta::assert_snapshot!(snapshot("html"));
}

/// Every XLIFF, TMX and PO file of the interop set (written by other
/// projects) aligns: exit 0 or 1, never a crash or an unexplained error.
/// The three-language TMX needs its target language named.
#[test]
#[allow(clippy::print_stderr)] // says why the test did nothing
fn interop_files_align() {
    let Some(shared) = common::shared() else {
        eprintln!("skipped: ../shared/ is not beside the checkout");
        return;
    };
    let mut seen = 0;
    for dir in ["xliff12", "xliff20", "tmx", "po"] {
        let mut paths: Vec<_> = std::fs::read_dir(shared.join("data/interop").join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            let path = path.to_str().unwrap().to_owned();
            let mut args = vec![path.as_str(), "--format", "json"];
            if path.contains("weblate-3lang") {
                args.extend_from_slice(&["--source-lang", "en", "--target-lang", "cs"]);
            }
            let (stdout, stderr, code) = align(&args);
            assert!(code == 0 || code == 1, "{path}: exit {code}: {stderr}");
            let doc: JsonReport = serde_json::from_str(&stdout).unwrap();
            assert!(doc.summary.segments > 0, "{path}: no segments");
            seen += 1;
        }
    }
    assert!(seen >= 14, "only {seen} interop files");
}

#[test]
fn config_languages_apply_where_the_file_declares_none() {
    // pairs.tsv declares no languages: the configuration's en -> zh makes
    // the Chinese side the target, as --source-lang/--target-lang would.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("termalign.yaml");
    std::fs::write(&config, "source-lang: en\ntarget-lang: zh\n").unwrap();
    let input = rel(&fixture("align/pairs.tsv"));
    let config = config.to_str().unwrap();
    let (with_config, _, _) = align(&["--config", config, &input, "--format", "line"]);
    let (flags, _, _) = align(&[
        &input,
        "--source-lang",
        "en",
        "--target-lang",
        "zh",
        "--format",
        "line",
    ]);
    assert_eq!(with_config, flags);
    assert!(!with_config.contains("deprecated-term"), "{with_config}");
    // A file's own declaration wins over the configuration: the XLIFF says
    // zh -> en.
    let xlf = rel(&fixture("align/briefing.xlf"));
    let (stdout, _, _) = align(&["--config", config, &xlf, "--format", "line"]);
    assert!(stdout.contains("missing-target-term"), "{stdout}");
}

#[test]
fn repeated_segment_ids_keep_their_own_findings() {
    // Two XLIFF <file>s may both have a unit "1": each pair is still checked
    // against its own target, and the repeat is told apart in the output.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two-files.xlf");
    std::fs::write(
        &path,
        r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="zh" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>澳门</source><target>Macao</target></trans-unit>
</body></file>
<file original="b" source-language="zh" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>深圳</source><target>the city</target></trans-unit>
</body></file>
</xliff>
"#,
    )
    .unwrap();
    let (stdout, _, code) = align(&[path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let doc: JsonReport = serde_json::from_str(&stdout).unwrap();
    let got: Vec<(&str, &str, Option<&str>)> = doc
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.found.as_str(), f.segment.as_deref()))
        .collect();
    assert_eq!(got, [("missing-target-term", "深圳", Some("1@2"))]);
}

/// Segment states are read, not ignored (SPEC §4): a target marked as not
/// translated yet or an empty one is `unfinished-segment` (never a
/// `missing-target-term` error), one awaiting review `needs-review`.
#[test]
fn segment_states_and_empty_targets() {
    let input = rel(&fixture("align/states.xlf"));
    assert_eq!(
        findings(&[&input]),
        [
            "6:17 unfinished-segment new 澳门",
            "10:17 needs-review review 澳门",
            "14:17 unfinished-segment empty 澳门",
            "18:17 unfinished-segment blank 澳门",
        ]
    );
    let input = rel(&fixture("align/states-2.0.xlf"));
    assert_eq!(findings(&[&input]), ["5:40 unfinished-segment draft 澳门"]);
}

/// Placeholders are not words: a term inside `%(…)s`, `{…}`, `{{ … }}`,
/// `${…}`, `%{…}`, a tag or a code span is no finding, while the prose
/// around them and the text of ICU plural branches is checked, at exact
/// columns.
#[test]
fn placeholders_are_masked_and_plural_branches_checked() {
    let po = rel(&fixture("align/placeholders.po"));
    assert_eq!(
        findings(&[&po]),
        [
            "9:86 deprecated-term 1 Macau",
            "12:32 deprecated-term 2 Macau",
            "12:53 deprecated-term 2 Macau",
        ]
    );
}

/// SDLXLIFF's per-segment confirmation levels and locks, memoQ's
/// `mq:status` and XLIFF 1.2 `state-qualifier` are segment states: drafts
/// and empty targets are unfinished, rejected, pretranslated and fuzzy
/// segments await review, locked segments are not checked unless asked.
#[test]
fn tool_segment_states_and_the_states_option() {
    let sdl = rel(&fixture("align/trados.sdlxliff"));
    let memoq = rel(&fixture("align/memoq.xlf"));
    let rules = |found: Vec<String>| -> Vec<String> {
        found
            .into_iter()
            .map(|f| f.split(' ').take(3).collect::<Vec<_>>().join(" "))
            .collect()
    };
    assert_eq!(
        rules(findings(&[&sdl])),
        [
            "9:72 unfinished-segment a1#2",
            "10:34 deprecated-term a1#1",
            "10:71 deprecated-term a1#2",
            "15:38 needs-review a2#3",
            "16:34 deprecated-term a2#3",
            "27:38 unfinished-segment a4#5",
        ]
    );
    assert_eq!(
        rules(findings(&["--states", "final,locked", &sdl])),
        ["10:34 deprecated-term a1#1", "22:34 deprecated-term a3#4"]
    );
    assert_eq!(
        rules(findings(&[&memoq]))
            .into_iter()
            .filter(|f| !f.contains("deprecated-term"))
            .collect::<Vec<_>>(),
        [
            "8:54 needs-review 2",
            "9:51 unfinished-segment 3",
            "10:28 needs-review 4",
        ]
    );
    let (_, stderr, code) = align(&["--states", "draft", &sdl]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown segment state `draft`"), "{stderr}");
}

/// Issue 12: a Chinese place name inside another word is not in the
/// source, so the translation owes nothing for it: 大理 (Dali) inside 伟大
/// 理论 and 大同 (Datong) inside 扩大同 raised a false `missing-target-term`
/// error each. Where the name is a word, it is still required.
#[test]
fn chinese_terms_inside_other_words_owe_the_translation_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("g.yaml"),
        "glossary: places\nconcepts:\n  - id: dali\n    terms:\n      zh: [大理]\n      en: [Dali]\n  - id: datong\n    terms:\n      zh: [大同]\n      en: [Datong]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pairs.tsv"),
        "坚持马克思主义伟大理论\tUphold the great theory of Marxism\n扩大同各国的合作\tExpand cooperation with all countries\n他去了大理\tHe went to the city\n",
    )
    .unwrap();
    let out = common::termalign()
        .current_dir(dir.path())
        .args([
            "--isolated",
            "align",
            "--no-default-glossaries",
            "-g",
            "g.yaml",
            "--source-lang",
            "zh",
            "--target-lang",
            "en",
            "--format",
            "line",
            "pairs.tsv",
        ])
        .output()
        .unwrap();
    let (stdout, stderr, code) = common::outcome(out);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        ["pairs.tsv:3:4: error[missing-target-term] `大理` (places/dali) is not translated with a glossary term in the target; use `Dali` (segment 3)"],
        "{stdout}"
    );
}
