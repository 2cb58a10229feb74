//! The word lists behind the cues and domain guesses: function words by
//! language, the heads of English titles, organisations, places and events,
//! and Chinese name suffixes. They are data (`data/extract/`, in the format
//! of `extract/data_file.rs`), compiled in and parsed once, on first use.

use std::sync::LazyLock;

use super::super::data_file::{expect_valid, DataFile};
use super::super::tokenize::Language;
use super::super::Domain;

/// Function words of one language (see `data/extract/function-words/`).
#[derive(Debug)]
pub struct FunctionWords {
    /// A word after one is (part of) a noun phrase.
    pub determiners: Vec<&'static str>,
    /// Lower-case words that may stand inside a name.
    pub connectors: Vec<&'static str>,
    /// Coordinating conjunctions.
    pub conjunctions: Vec<&'static str>,
}

/// Every list, parsed.
#[derive(Debug)]
pub struct WordLists {
    /// Per language, in [`Language::ALL`] order.
    function_words: Vec<FunctionWords>,
    /// English function words that edge no candidate in other languages
    /// either (they quote English names).
    pub english_in_other_languages: Vec<&'static str>,
    pub title_heads: Vec<&'static str>,
    pub title_modifiers: Vec<&'static str>,
    pub org_first: Vec<&'static str>,
    pub org_heads: Vec<&'static str>,
    pub place_heads: Vec<&'static str>,
    pub event_heads: Vec<&'static str>,
    /// Chinese suffixes and the domain of a name ending in one; the first
    /// that matches wins.
    pub chinese_suffixes: Vec<(&'static str, Domain)>,
}

impl WordLists {
    /// The function words of `language`.
    pub fn function_words(&self, language: Language) -> &FunctionWords {
        let i = Language::ALL.iter().position(|&l| l == language);
        &self.function_words[i.unwrap_or(0)]
    }
}

/// The lists, parsed on first use.
pub fn word_lists() -> &'static WordLists {
    static LISTS: LazyLock<WordLists> = LazyLock::new(|| expect_valid(parse()));
    &LISTS
}

/// The function-word file of each language, in [`Language::ALL`] order.
const FUNCTION_WORDS: [(&str, &str); 7] = [
    (
        "data/extract/function-words/en.txt",
        include_str!("../../../data/extract/function-words/en.txt"),
    ),
    (
        "data/extract/function-words/fr.txt",
        include_str!("../../../data/extract/function-words/fr.txt"),
    ),
    (
        "data/extract/function-words/de.txt",
        include_str!("../../../data/extract/function-words/de.txt"),
    ),
    (
        "data/extract/function-words/es.txt",
        include_str!("../../../data/extract/function-words/es.txt"),
    ),
    (
        "data/extract/function-words/nl.txt",
        include_str!("../../../data/extract/function-words/nl.txt"),
    ),
    (
        "data/extract/function-words/ru.txt",
        include_str!("../../../data/extract/function-words/ru.txt"),
    ),
    (
        "data/extract/function-words/zh.txt",
        include_str!("../../../data/extract/function-words/zh.txt"),
    ),
];

const ENGLISH_NAMES: (&str, &str) = (
    "data/extract/english-names.txt",
    include_str!("../../../data/extract/english-names.txt"),
);

const CHINESE_SUFFIXES: (&str, &str) = (
    "data/extract/chinese-suffixes.txt",
    include_str!("../../../data/extract/chinese-suffixes.txt"),
);

fn parse() -> Result<WordLists, String> {
    let mut function_words = Vec::new();
    for (name, text) in FUNCTION_WORDS {
        let file = DataFile::parse(name, text)?;
        function_words.push(FunctionWords {
            determiners: file.words("determiners")?,
            connectors: file.words("connectors")?,
            conjunctions: file.words("conjunctions")?,
        });
    }
    let english = DataFile::parse(FUNCTION_WORDS[0].0, FUNCTION_WORDS[0].1)?;
    let names = DataFile::parse(ENGLISH_NAMES.0, ENGLISH_NAMES.1)?;
    let suffixes = DataFile::parse(CHINESE_SUFFIXES.0, CHINESE_SUFFIXES.1)?;
    let mut chinese_suffixes = Vec::new();
    for section in suffixes.section_names() {
        let domain = [
            Domain::Place,
            Domain::Title,
            Domain::Organization,
            Domain::Event,
        ]
        .into_iter()
        .find(|d| d.as_str() == section)
        .ok_or_else(|| format!("{}: no domain [{section}]", CHINESE_SUFFIXES.0))?;
        for suffix in suffixes.words(section)? {
            chinese_suffixes.push((suffix, domain));
        }
    }
    Ok(WordLists {
        function_words,
        english_in_other_languages: english.words("quoted-in-other-languages")?,
        title_heads: names.words("title-heads")?,
        title_modifiers: names.words("title-modifiers")?,
        org_first: names.words("org-first")?,
        org_heads: names.words("org-heads")?,
        place_heads: names.words("place-heads")?,
        event_heads: names.words("event-heads")?,
        chinese_suffixes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_list_files_parse() {
        let lists = parse().unwrap();
        for language in Language::ALL {
            let words = lists.function_words(language);
            // Russian and Chinese write no determiners or connectors (as
            // separate lower-case words) the cues could use.
            let spaced_latin = !matches!(language, Language::Ru | Language::Zh);
            assert_eq!(!words.determiners.is_empty(), spaced_latin, "{language}");
            assert_eq!(!words.connectors.is_empty(), spaced_latin, "{language}");
            assert!(!words.conjunctions.is_empty(), "{language}");
            for word in words.determiners.iter().chain(&words.connectors) {
                assert_eq!(*word, word.to_lowercase(), "{language}: folded");
            }
        }
        assert!(lists.english_in_other_languages.contains(&"the"));
        for list in [
            &lists.title_heads,
            &lists.title_modifiers,
            &lists.org_first,
            &lists.org_heads,
            &lists.place_heads,
            &lists.event_heads,
        ] {
            assert!(!list.is_empty());
            assert!(list.iter().all(|w| *w == w.to_lowercase()), "{list:?}");
        }
        assert!(lists.title_heads.contains(&"minister"));
        assert!(lists.org_heads.contains(&"commission"));
    }

    #[test]
    fn every_domain_has_chinese_suffixes_and_longer_ones_come_first() {
        let suffixes = &parse().unwrap().chinese_suffixes;
        for domain in [
            Domain::Place,
            Domain::Title,
            Domain::Organization,
            Domain::Event,
        ] {
            assert!(suffixes.iter().any(|&(_, d)| d == domain), "{domain:?}");
        }
        // The first match wins, so a suffix that ends with an earlier one
        // would never be reached.
        for (i, (later, _)) in suffixes.iter().enumerate() {
            for (earlier, _) in &suffixes[..i] {
                assert!(!later.ends_with(earlier), "{later} after {earlier}");
            }
        }
        assert_eq!(
            suffixes.first().copied(),
            Some(("特别行政区", Domain::Place))
        );
    }
}
