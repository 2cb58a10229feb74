//! General-language vocabulary per language: words that are never taken for
//! misspelt glossary terms. Lists are derived from permissively licensed
//! corpora (see NOTICE) and embedded in the binary.

use std::collections::HashSet;

/// Common words of `language` (folded), or an empty set when none is shipped.
pub fn common_words(language: &str) -> HashSet<String> {
    let list = match crate::glossary::primary_subtag(language).as_str() {
        "en" => include_str!("../data/common-words-en.txt"),
        _ => "",
    };
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}
