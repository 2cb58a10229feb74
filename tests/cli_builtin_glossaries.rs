//! The built-in glossaries fail Chinese and French copy too (issue 12): the
//! Chinese side used to have no deprecated and no forbidden term, so no
//! Chinese text could fail. These run `check` with the built-in glossaries
//! only (no `--glossary`, no `--no-default-glossaries`), on standard input.

mod common;

use serde_json::Value;

/// `termalign check --lang LANG -` on `text` with the built-in glossaries:
/// (findings as `rule found -> first suggestion`, stderr, exit code).
fn check(lang: &str, text: &str) -> (Vec<String>, String, i32) {
    let out = common::termalign()
        .args([
            "--isolated",
            "check",
            "--lang",
            lang,
            "--format",
            "json",
            "-",
        ])
        .write_stdin(text)
        .output()
        .expect("termalign runs");
    let (stdout, stderr, code) = common::outcome(out);
    let json: Value = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    let findings = json["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings array: {stdout}\n{stderr}"))
        .iter()
        .map(|f| {
            format!(
                "{} {} -> {}",
                f["rule"].as_str().unwrap(),
                f["found"].as_str().unwrap(),
                f["suggestions"][0].as_str().unwrap_or("")
            )
        })
        .collect();
    (findings, stderr, code)
}

#[test]
fn chinese_copy_with_a_forbidden_term_fails_and_names_the_preferred_term() {
    let cases = [
        ("北朝鲜代表团抵达北京。", "forbidden-term 北朝鲜 -> 朝鲜"),
        (
            "中港两地合作日益密切。",
            "forbidden-term 中港 -> 内地与香港",
        ),
        (
            "两岸三地的游客越来越多。",
            "forbidden-term 两岸三地 -> 海峡两岸和香港",
        ),
        (
            "世贸组织成员国应当遵守规则。",
            "forbidden-term 世贸组织成员国 -> 世贸组织成员",
        ),
        (
            "台湾政府宣布了新措施。",
            "forbidden-term 台湾政府 -> 台湾当局",
        ),
        (
            "共建“一带一路”战略。",
            "forbidden-term “一带一路”战略 -> “一带一路”倡议",
        ),
    ];
    for (text, expected) in cases {
        let (findings, stderr, code) = check("zh", text);
        assert_eq!(
            (code, findings),
            (1, vec![expected.to_string()]),
            "{text}\n{stderr}"
        );
    }
}

#[test]
fn a_traditional_chinese_forbidden_term_is_found_too() {
    // Traditional forms are folded: 兩岸三地 is 两岸三地.
    let (findings, _, code) = check("zh-TW", "兩岸三地的遊客越來越多。");
    assert_eq!(code, 1);
    assert_eq!(findings, ["forbidden-term 兩岸三地 -> 海峡两岸和香港"]);
}

#[test]
fn correct_chinese_copy_passes() {
    // The preferred terms, and words that contain a short form but are
    // other words (朝鲜半岛, 中澳 for China–Australia, Macao's 内港).
    let text = "内地与香港合作日益密切。朝鲜代表团抵达北京。朝鲜半岛局势缓和。\
                世贸组织成员应当遵守规则。台湾当局宣布了新措施。中澳关系稳定发展。";
    let (findings, stderr, code) = check("zh", text);
    assert_eq!((code, findings), (0, vec![]), "{stderr}");
}

#[test]
fn french_copy_with_a_deprecated_term_fails() {
    let cases = [
        (
            "La Corée du Nord a tiré un missile.",
            "deprecated-term Corée du Nord -> République populaire démocratique de Corée",
        ),
        (
            "Les États membres de l'OMC se réunissent à Genève.",
            "deprecated-term États membres de l'OMC -> membre de l'OMC",
        ),
        (
            "Il est arrivé à Hongkong lundi.",
            "deprecated-term Hongkong -> Hong Kong",
        ),
        (
            "Il est arrivé à Macau lundi.",
            "deprecated-term Macau -> Macao",
        ),
    ];
    for (text, expected) in cases {
        let (findings, stderr, code) = check("fr", text);
        assert_eq!(
            (code, findings),
            (1, vec![expected.to_string()]),
            "{text}\n{stderr}"
        );
    }
}

#[test]
fn correct_french_copy_passes() {
    let text = "La RPDC a tiré un missile. Les membres de l'OMC se réunissent à Genève. \
                Il est arrivé à Hong Kong puis à Macao.";
    let (findings, stderr, code) = check("fr", text);
    assert_eq!((code, findings), (0, vec![]), "{stderr}");
}

#[test]
fn english_plurals_are_matched() {
    // A plural is not the singular on a word boundary: without `forms`
    // these passed silently.
    let (findings, _, code) = check("en", "Foreign ministry spokesmen declined to comment.");
    assert_eq!(code, 1);
    assert_eq!(
        findings,
        ["deprecated-term Foreign ministry spokesmen -> foreign ministry spokespersons"]
    );
    let (findings, _, code) = check("en", "WTO member states met in Geneva.");
    assert_eq!((code, findings.len()), (1, 1), "{findings:?}");
    let (findings, stderr, code) = check(
        "en",
        "The vice foreign ministers met the WTO members before the daily press briefings.",
    );
    assert_eq!((code, findings), (0, vec![]), "{stderr}");
}

/// `glossary list --format json` with the built-in glossaries.
fn builtin_concepts() -> Vec<Value> {
    let (stdout, stderr, code) =
        common::run(&["--isolated", "glossary", "list", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    json["concepts"].as_array().unwrap().clone()
}

fn terms<'a>(concepts: &'a [Value], key: &str, lang: &str) -> Vec<&'a str> {
    let (glossary, concept) = key.split_once('/').unwrap();
    let c = concepts
        .iter()
        .find(|c| c["glossary"] == glossary && c["concept"] == concept)
        .unwrap_or_else(|| panic!("no concept {key}"));
    c["terms"][lang]
        .as_array()
        .map(|ts| ts.iter().map(|t| t["term"].as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn places_and_international_bodies_have_their_un_names_in_arabic_spanish_and_russian() {
    let concepts = builtin_concepts();
    let hk = "china-places/hong-kong";
    assert!(terms(&concepts, hk, "ar").contains(&"منطقة هونغ كونغ الإدارية الخاصة"));
    assert!(terms(&concepts, hk, "es").contains(&"Región Administrativa Especial de Hong Kong"));
    assert!(terms(&concepts, hk, "ru").contains(&"Сянган"));
    let un = "diplomacy/united-nations";
    assert!(terms(&concepts, un, "ar").contains(&"الأمم المتحدة"));
    assert!(terms(&concepts, un, "es").contains(&"Naciones Unidas"));
    assert!(terms(&concepts, un, "ru").contains(&"Организация Объединенных Наций"));
    // Concepts without a UN-recorded official name get none rather than a guess.
    assert!(terms(&concepts, "china-places/hebei", "ru").is_empty());
}

#[test]
fn at_least_one_built_in_term_is_forbidden() {
    let concepts = builtin_concepts();
    let forbidden: Vec<&str> = concepts
        .iter()
        .flat_map(|c| c["terms"].as_object().unwrap().values())
        .flat_map(|ts| ts.as_array().unwrap())
        .filter(|t| t["status"] == "forbidden")
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    assert!(forbidden.contains(&"北朝鲜"), "{forbidden:?}");
    assert!(forbidden.contains(&"两岸三地"), "{forbidden:?}");
}

#[test]
fn russian_and_spanish_copy_is_checked_against_the_un_names() {
    let (findings, stderr, code) = check(
        "ru",
        "Генеральная Ассамблея Организации Объединенных Наций обсудила положение в Сянгане.",
    );
    assert_eq!((code, findings), (0, vec![]), "{stderr}");
    assert!(!stderr.contains("no-glossary-terms"), "{stderr}");
    let (_, stderr, code) = check("es", "La Asamblea General de las Naciones Unidas.");
    assert_eq!(code, 0, "{stderr}");
}
