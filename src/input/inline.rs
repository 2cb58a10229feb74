//! Inline markup of the lightweight document formats (AsciiDoc,
//! reStructuredText): one loop, [`read`], that walks a paragraph and asks
//! the format's [`Rule`] what the markup at each offset is, and the pieces
//! of markup both formats share (paired emphasis marks, bare URLs). What
//! markup encloses may stay prose; the markup itself never is.

use super::sink::SegmentSink;

/// What a format's inline rule makes of the text at an offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Markup {
    /// `len` bytes of markup that read as nothing but the prose range
    /// `prose` inside them, if any (offsets in the paragraph), which the
    /// same rule reads in turn.
    Skip {
        len: usize,
        prose: Option<(usize, usize)>,
    },
    /// `len` bytes that read as `text` (a backslash escape).
    Escape { len: usize, text: String },
    /// An emphasis mark `len` bytes long whose closing mark stands at
    /// `close`: both read as nothing, what they enclose as prose.
    Emphasis { len: usize, close: usize },
}

/// A format's inline rule: the markup at offset `k` of `paragraph`, if
/// any starts there.
pub(crate) type Rule = fn(paragraph: &str, k: usize) -> Option<Markup>;

/// Reads `text[start..end]`, a paragraph that may span lines, into `sink`
/// by `rule`: what no markup claims is copied, a line break with the next
/// line's indentation reads as one space (or joins a hyphenated word).
pub(crate) fn read(sink: &mut SegmentSink, text: &str, start: usize, end: usize, rule: Rule) {
    let paragraph = &text[start..end];
    // Closing emphasis marks found when their opening was read.
    let mut closers: Vec<(usize, usize)> = Vec::new();
    let mut run = 0;
    let mut k = 0;
    while k < paragraph.len() {
        if let Some(pos) = closers.iter().position(|&(at, _)| at == k) {
            let (_, len) = closers.remove(pos);
            sink.copy(start + run, &paragraph[run..k]);
            k += len;
            run = k;
            continue;
        }
        let rest = &paragraph[k..];
        if rest.starts_with(['\n', '\r']) {
            sink.copy(start + run, &paragraph[run..k]);
            let blank = rest.len() - rest.trim_start().len();
            sink.line_break(start + k, blank, rest[blank..].chars().next());
            k += blank;
            run = k;
            continue;
        }
        let Some(markup) = rule(paragraph, k) else {
            k += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        sink.copy(start + run, &paragraph[run..k]);
        match markup {
            Markup::Skip { len, prose } => {
                if let Some((a, b)) = prose {
                    read(sink, text, start + a, start + b, rule);
                }
                k += len;
            }
            Markup::Escape { len, text } => {
                sink.replace(start + k, len, &text);
                k += len;
            }
            Markup::Emphasis { len, close } => {
                closers.push((close, len));
                k += len;
            }
        }
        run = k;
    }
    sink.copy(start + run, &paragraph[run..]);
}

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
