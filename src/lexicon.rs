//! General-language vocabulary per language: words (and names) that are
//! never taken for misspelt glossary terms. Lists are derived from permissively licensed
//! corpora (see NOTICE) and embedded in the binary.

/// A word the reference corpus uses this often is a word of the language.
pub const MIN_COUNT: u64 = 10;

/// Common words of `language` (folded) with their corpus counts, or nothing
/// when no list is shipped for it. The list is the frequency list `extract`
/// measures specificity against (`data/freq-en.txt`, from the UN General
/// Debate corpus), cut at [`MIN_COUNT`].
pub fn common_words(language: &str) -> Vec<(String, u64)> {
    let list = match &*crate::glossary::primary_subtag(language) {
        "en" => include_str!("../data/freq-en.txt"),
        _ => "",
    };
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (word, count) = l.split_once('\t')?;
            Some((word.to_owned(), count.parse().ok()?))
        })
        .filter(|&(_, count)| count >= MIN_COUNT)
        .collect()
}

/// Words `language` writes in lower case (`united`, `council`), as
/// opposed to those it all but never lowers (`European`) and names too rare
/// to tell, or nothing when no list is shipped for it (`data/generic-en.txt`,
/// from the UN General Debate corpus; see scripts/make-generic-words.py).
pub fn generic_words(language: &str) -> Option<&'static std::collections::HashSet<&'static str>> {
    static EN: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    match &*crate::glossary::primary_subtag(language) {
        "en" => Some(EN.get_or_init(|| {
            include_str!("../data/generic-en.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .collect()
        })),
        _ => None,
    }
}
