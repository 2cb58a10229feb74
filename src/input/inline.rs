//! Inline markup that AsciiDoc and reStructuredText share: paired emphasis
//! marks and bare URLs. Both are decided within one line, as a reader
//! scans it; what the marks enclose stays prose, the marks and URLs do not.

/// Whether `c` may stand before an opening mark (`*word*` after a space
/// or an opening bracket) or after a closing one.
fn is_edge(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{<'\"-/:,.;!?)]}>".contains(c))
}

/// Where the mark `mark` that opens at `at` in `line` closes: the offset of
/// the closing mark, if the opening one is an opening (after a start of
/// line, white space or punctuation, before a character that is not white
/// space) and a closing one follows on the line (after a character that is
/// not white space, before the end, white space or punctuation).
pub(crate) fn closing_mark(line: &str, at: usize, mark: &str) -> Option<usize> {
    let before = line[..at].chars().next_back();
    let content = at + mark.len();
    let first = line[content..].chars().next()?;
    if !is_edge(before) || first.is_whitespace() || line[content..].starts_with(mark) {
        return None;
    }
    let mut from = content + first.len_utf8();
    while let Some(k) = line[from..].find(mark) {
        let close = from + k;
        let inner_last = line[..close].chars().next_back();
        let after = line[close + mark.len()..].chars().next();
        if inner_last.is_some_and(|c| !c.is_whitespace()) && is_edge(after) {
            return Some(close);
        }
        from = close + mark.len();
    }
    None
}

/// The length of the URL at the start of `s`, if one starts there: a
/// scheme this knows, then everything up to white space or a bracket, less
/// the punctuation that ends a sentence.
pub(crate) fn url_len(s: &str) -> Option<usize> {
    const SCHEMES: &[&str] = &[
        "https://", "http://", "ftp://", "irc://", "mailto:", "file://",
    ];
    let scheme = SCHEMES.iter().find(|p| s.starts_with(*p))?;
    let end = s
        .find(|c: char| c.is_whitespace() || matches!(c, '[' | '<' | '>' | '"' | '`'))
        .unwrap_or(s.len());
    let url = s[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
    (url.len() > scheme.len()).then_some(url.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_pair_within_a_line() {
        assert_eq!(closing_mark("a *b c* d", 2, "*"), Some(6));
        assert_eq!(closing_mark("*b*", 0, "*"), Some(2));
        assert_eq!(closing_mark("(**b**)", 1, "**"), Some(4));
        assert_eq!(closing_mark("a * b*", 2, "*"), None);
        assert_eq!(closing_mark("snake_case_name", 5, "_"), None);
        assert_eq!(closing_mark("2 * 3 * 4", 2, "*"), None);
        assert_eq!(closing_mark("C# and F#", 1, "#"), None);
    }

    #[test]
    fn urls_end_before_sentence_punctuation() {
        assert_eq!(url_len("https://example.com/a_b. Next"), Some(23));
        assert_eq!(url_len("http://x.org[text]"), Some(12));
        assert_eq!(url_len("https:// nothing"), None);
        assert_eq!(url_len("word"), None);
    }
}
