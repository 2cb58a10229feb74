//! Placeholders and inline code in translatable strings: what a program
//! fills in, not words of the text. Catalogues and resource files are full
//! of them — printf `%s`, `%1$s`, `%(name)s`, `%@`, Apple's `%#@name@`; Ruby `%{name}`; ICU
//! MessageFormat `{name}`, `{count, plural, one {# item} other {# items}}`;
//! Python, .NET and Java `{0}`, `{0:N2}`, `{name}`; `{{ mustache }}`;
//! `${var}`; HTML and XML tags inside strings; `` `code` ``.
//!
//! [`find`] lists them; [`mask`] blanks them with spaces of the same byte
//! length, so a term never matches inside or across one (`{{ compared_value
//! }}` is not the word `value`) while every other byte keeps its offset and
//! the segment's map into the file stays exact. An ICU plural or select
//! masks only its syntax (`{count, plural,`, `one {`, `#`, `}`): the
//! branches' text is translated text and is checked.

use std::ops::Range;

/// What kind of placeholder a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `%s`, `%1$s`, `%(name)s`, `%-5.2f`, `%@`, `%<name>s`.
    Printf,
    /// Ruby's `%{name}`.
    Ruby,
    /// `{name}`, `{0}`, `{0:N2}`, `{n, number}`: ICU, Python, .NET, Java.
    Brace,
    /// The syntax of an ICU `plural`, `select` or `selectordinal`: its head,
    /// each selector with its `{`, a `#`, each closing `}`.
    Icu,
    /// `{{ name }}`, `{{{ name }}}`.
    Mustache,
    /// `${name}`.
    Dollar,
    /// An HTML or XML tag inside a string: `<b>`, `</a>`, `<br/>`.
    Tag,
    /// `` `code` ``.
    Code,
}

/// One placeholder (or piece of ICU syntax) in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub kind: Kind,
    pub span: Range<usize>,
}

/// Every placeholder in `text`, in order, without overlaps.
pub fn find(text: &str) -> Vec<Placeholder> {
    let mut out = Vec::new();
    scan(text, 0, text.len(), false, &mut out);
    out
}

/// Blanks every placeholder of `text` with spaces, byte for byte.
pub fn mask(text: &mut String) {
    let found = find(text);
    if found.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for p in &found {
        bytes[p.span.clone()].fill(b' ');
    }
    // Every span starts and ends at an ASCII delimiter, so the blanked
    // bytes were whole characters.
    *text = String::from_utf8(bytes).expect("placeholders are whole characters");
}

/// Scans `text[from..to]`, pushing what it finds; in a plural branch
/// (`in_plural`), `#` is the number.
fn scan(text: &str, from: usize, to: usize, in_plural: bool, out: &mut Vec<Placeholder>) {
    let b = text.as_bytes();
    let mut i = from;
    while i < to {
        let Some(k) = b[i..to]
            .iter()
            .position(|&c| matches!(c, b'%' | b'{' | b'$' | b'<' | b'`' | b'#'))
        else {
            break;
        };
        i += k;
        let found = match b[i] {
            b'%' => printf(b, i, to),
            b'{' if b.get(i + 1) == Some(&b'{') => mustache(text, i, to),
            b'{' => {
                if let Some(end) = icu(text, i, to, out) {
                    i = end;
                    continue;
                }
                brace(b, i, to)
            }
            b'$' if b.get(i + 1) == Some(&b'{') => {
                closing(b, i + 2, to, b'}').map(|e| (Kind::Dollar, e + 1))
            }
            b'<' => tag(b, i, to),
            b'`' => closing(b, i + 1, to, b'`')
                .filter(|&e| e > i + 1 && !b[i..e].contains(&b'\n'))
                .map(|e| (Kind::Code, e + 1)),
            b'#' if in_plural => Some((Kind::Icu, i + 1)),
            _ => None,
        };
        match found {
            Some((kind, end)) => {
                out.push(Placeholder { kind, span: i..end });
                i = end;
            }
            None if b[i] == b'%' && b.get(i + 1) == Some(&b'%') => i += 2,
            None => i += 1,
        }
    }
}

/// The first `close` at or after `from`, before `to`.
fn closing(b: &[u8], from: usize, to: usize, close: u8) -> Option<usize> {
    b.get(from..to)?
        .iter()
        .position(|&c| c == close)
        .map(|k| from + k)
}

fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// A printf conversion at `i` (a `%`): where it ends.
fn printf(b: &[u8], i: usize, to: usize) -> Option<(Kind, usize)> {
    let at = |j: usize| if j < to { b.get(j).copied() } else { None };
    let mut j = i + 1;
    match at(j)? {
        b'%' => return None,
        b'{' => {
            let end = closing(b, j + 1, to, b'}')?;
            let name = &b[j + 1..end];
            return (!name.is_empty() && name.iter().all(|&c| is_name_byte(c)))
                .then_some((Kind::Ruby, end + 1));
        }
        b'(' | b'<' => {
            let close = if b[j] == b'(' { b')' } else { b'>' };
            let end = closing(b, j + 1, to, close)?;
            if end == j + 1 || !b[j + 1..end].iter().all(|&c| is_name_byte(c)) {
                return None;
            }
            j = end + 1;
        }
        _ => {}
    }
    // Position (`1$`), flags, width, precision, length, conversion. A space
    // is a printf flag, but `50% of` is prose: not taken.
    let digits = |mut j: usize| {
        while at(j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
        }
        j
    };
    let after_digits = digits(j);
    if after_digits > j && at(after_digits) == Some(b'$') {
        j = after_digits + 1;
    }
    // Apple's `%#@name@` (`%1$#@name@` with a position): a variable of a
    // `.stringsdict` format key, replaced by one of its plural forms.
    if at(j) == Some(b'#') && at(j + 1) == Some(b'@') {
        let name_start = j + 2;
        let mut k = name_start;
        while at(k).is_some_and(is_name_byte) {
            k += 1;
        }
        if k > name_start && at(k) == Some(b'@') {
            return Some((Kind::Printf, k + 1));
        }
    }
    while at(j).is_some_and(|c| matches!(c, b'-' | b'+' | b'#' | b'0' | b'\'')) {
        j += 1;
    }
    j = if at(j) == Some(b'*') {
        j + 1
    } else {
        digits(j)
    };
    if at(j) == Some(b'.') {
        j = if at(j + 1) == Some(b'*') {
            j + 2
        } else {
            digits(j + 1)
        };
    }
    while at(j).is_some_and(|c| matches!(c, b'h' | b'l' | b'L' | b'q' | b'j' | b'z' | b't')) {
        j += 1;
    }
    let conversion = at(j)?;
    b"diouxXeEfFgGaAcsSpn@"
        .contains(&conversion)
        .then_some((Kind::Printf, j + 1))
}

/// `{{ … }}` or `{{{ … }}}` at `i`.
fn mustache(text: &str, i: usize, to: usize) -> Option<(Kind, usize)> {
    let closer = if text[i..].starts_with("{{{") {
        "}}}"
    } else {
        "}}"
    };
    let inner = i + closer.len();
    let end = text.get(inner..to)?.find(closer)? + inner;
    (!text[inner..end].contains('\n')).then_some((Kind::Mustache, end + closer.len()))
}

/// The argument name of a `{` at `i`: where it ends, past white space.
fn argument(b: &[u8], i: usize, to: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < to && b[j] == b' ' {
        j += 1;
    }
    let start = j;
    while j < to && (is_name_byte(b[j]) || (j > start && matches!(b[j], b'.' | b'-'))) {
        j += 1;
    }
    if j == start
        || !(b[start].is_ascii_alphabetic() || b[start].is_ascii_digit() || b[start] == b'_')
    {
        return None;
    }
    while j < to && b[j] == b' ' {
        j += 1;
    }
    Some(j)
}

/// `{name}`, `{0}`, `{0:N2}`, `{n, number, ::percent}` at `i`.
fn brace(b: &[u8], i: usize, to: usize) -> Option<(Kind, usize)> {
    let j = argument(b, i, to)?;
    match b.get(j)? {
        b'}' => Some((Kind::Brace, j + 1)),
        b',' | b':' => {
            let end = closing(b, j, to, b'}')?;
            (!b[j..end].contains(&b'{')).then_some((Kind::Brace, end + 1))
        }
        _ => None,
    }
}

/// An ICU `{arg, plural|select|selectordinal, sel {…} …}` at `i`: pushes
/// its syntax and the placeholders of its branches, and returns where it
/// ends; `None` (pushing nothing) when it is not one.
fn icu(text: &str, i: usize, to: usize, out: &mut Vec<Placeholder>) -> Option<usize> {
    let b = text.as_bytes();
    let j = argument(b, i, to)?;
    if b.get(j) != Some(&b',') {
        return None;
    }
    let rest = text.get(j + 1..to)?;
    let word_start = j + 1 + (rest.len() - rest.trim_start().len());
    let word_len = text[word_start..to]
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(to - word_start);
    let plural = match &text[word_start..word_start + word_len] {
        "plural" | "selectordinal" => true,
        "select" => false,
        _ => return None,
    };
    let mut found = Vec::new();
    let mut k = word_start + word_len;
    let skip_space = |mut k: usize| {
        while k < to && b[k].is_ascii_whitespace() {
            k += 1;
        }
        k
    };
    k = skip_space(k);
    if b.get(k) != Some(&b',') {
        return None;
    }
    let mut syntax_start = i;
    k = skip_space(k + 1);
    if text[k..to].starts_with("offset:") {
        k = skip_space(k + "offset:".len());
        while k < to && b[k].is_ascii_digit() {
            k += 1;
        }
    }
    loop {
        k = skip_space(k);
        if k >= to {
            return None;
        }
        if b[k] == b'}' {
            found.push(Placeholder {
                kind: Kind::Icu,
                span: syntax_start..k + 1,
            });
            out.append(&mut found);
            return Some(k + 1);
        }
        // A selector: `one`, `other`, `=0`, a select keyword.
        let selector = k;
        if b[k] == b'=' {
            k += 1;
        }
        while k < to && (is_name_byte(b[k]) || b[k] == b'-') {
            k += 1;
        }
        if k == selector {
            return None;
        }
        k = skip_space(k);
        if b.get(k) != Some(&b'{') {
            return None;
        }
        found.push(Placeholder {
            kind: Kind::Icu,
            span: syntax_start..k + 1,
        });
        let branch = k + 1;
        let end = matching_brace(b, branch, to)?;
        scan(text, branch, end, plural, &mut found);
        syntax_start = end;
        k = end + 1;
    }
}

/// The `}` that closes a `{` whose content starts at `from`.
fn matching_brace(b: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, &c) in b.get(from..to)?.iter().enumerate() {
        match c {
            b'{' => depth += 1,
            b'}' if depth == 0 => return Some(from + k),
            b'}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// An HTML or XML tag at `i`: `<name …>`, `</name>`, `<name/>`.
fn tag(b: &[u8], i: usize, to: usize) -> Option<(Kind, usize)> {
    let mut j = i + 1;
    if b.get(j) == Some(&b'/') {
        j += 1;
    }
    if !b.get(j).is_some_and(|c| c.is_ascii_alphabetic()) || j >= to {
        return None;
    }
    while j < to && (b[j].is_ascii_alphanumeric() || matches!(b[j], b':' | b'-' | b'_')) {
        j += 1;
    }
    let next = *b.get(j)?;
    if !(next == b'>' || next == b'/' || next.is_ascii_whitespace()) {
        return None;
    }
    let end = (j..to).find(|&k| matches!(b[k], b'>' | b'<'))?;
    (b[end] == b'>').then_some((Kind::Tag, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> String {
        let mut s = text.to_owned();
        mask(&mut s);
        s
    }

    fn spans(text: &str) -> Vec<(Kind, &str)> {
        find(text)
            .into_iter()
            .map(|p| (p.kind, &text[p.span]))
            .collect()
    }

    #[test]
    fn each_syntax_is_found() {
        let cases: &[(&str, &[(Kind, &str)])] = &[
            ("Hello %s!", &[(Kind::Printf, "%s")]),
            (
                "%1$s of %2$d",
                &[(Kind::Printf, "%1$s"), (Kind::Printf, "%2$d")],
            ),
            ("%(name)s left", &[(Kind::Printf, "%(name)s")]),
            ("%-5.2f%%", &[(Kind::Printf, "%-5.2f")]),
            (
                "%@ and %1$@",
                &[(Kind::Printf, "%@"), (Kind::Printf, "%1$@")],
            ),
            ("%<count>d", &[(Kind::Printf, "%<count>d")]),
            (
                "Imported %#@cars@ with %1$#@events@.",
                &[(Kind::Printf, "%#@cars@"), (Kind::Printf, "%1$#@events@")],
            ),
            ("%{city} is", &[(Kind::Ruby, "%{city}")]),
            (
                "{name} and {0}",
                &[(Kind::Brace, "{name}"), (Kind::Brace, "{0}")],
            ),
            (
                "{0:N2} {n, number}",
                &[(Kind::Brace, "{0:N2}"), (Kind::Brace, "{n, number}")],
            ),
            (
                "{{ compared_value }}",
                &[(Kind::Mustache, "{{ compared_value }}")],
            ),
            ("{{{raw}}}", &[(Kind::Mustache, "{{{raw}}}")]),
            ("${var} x", &[(Kind::Dollar, "${var}")]),
            (
                "<b>Macau</b><br/>",
                &[
                    (Kind::Tag, "<b>"),
                    (Kind::Tag, "</b>"),
                    (Kind::Tag, "<br/>"),
                ],
            ),
            (
                "<a href=\"x\">y</a>",
                &[(Kind::Tag, "<a href=\"x\">"), (Kind::Tag, "</a>")],
            ),
            ("run `cargo test` now", &[(Kind::Code, "`cargo test`")]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(text), *want, "{text:?}");
        }
    }

    #[test]
    fn prose_is_not_a_placeholder() {
        for text in [
            "50% of people, 100 %",
            "100%",
            "a < b > c",
            "{ not one }",
            "{}",
            "email me @ home",
            "$5 and $ {x",
            "# heading",
            "x`",
            "%%s",
            "3 <= 4",
            "{unclosed",
            "%(unclosed",
        ] {
            assert_eq!(spans(text), [], "{text:?}");
        }
    }

    #[test]
    fn icu_plurals_mask_their_syntax_and_keep_their_text() {
        let text =
            "{count, plural, =0 {no Macau items} one {# Macau item} other {# items in {city}}}";
        assert_eq!(
            masked(text),
            "                    no Macau items       ".to_owned()
                + "  Macau item         "
                + "  items in       "
                + "  "
        );
        let select = "{gender, select, female {she} other {they}} went";
        assert_eq!(
            masked(select),
            "                         she         they   went"
        );
        // `#` is the number only inside a plural.
        assert_eq!(masked("# one"), "# one");
        // A malformed plural masks nothing.
        assert_eq!(
            masked("{n, plural, one {two words}"),
            "{n, plural, one {two words}"
        );
    }

    /// Masking keeps every byte outside a placeholder where it was, for any
    /// mix of placeholders and text.
    #[test]
    fn masking_never_moves_the_text_around_a_placeholder() {
        let pieces = [
            "Macau",
            " ",
            "%s",
            "{name}",
            "{{ x_y }}",
            "${v}",
            "<b>",
            "</b>",
            "`c`",
            "%%",
            "澳门",
            "{",
            "}",
            "%",
            "<",
            "#",
            "{n, plural, one {# Macau} other {# x}}",
            "é",
        ];
        // A deterministic pseudo-random walk over the pieces (no proptest
        // dependency for one property).
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut text = String::new();
            let len = (seed % 9) as usize + 1;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let found = find(&text);
            let after = masked(&text);
            assert_eq!(after.len(), text.len(), "{text:?}");
            let mut last = 0;
            for p in &found {
                assert!(p.span.start >= last, "overlap in {text:?}");
                last = p.span.end;
            }
            for (k, (a, b)) in text.bytes().zip(after.bytes()).enumerate() {
                let inside = found.iter().any(|p| p.span.contains(&k));
                if inside {
                    assert_eq!(b, b' ', "{text:?} at {k}");
                } else {
                    assert_eq!(a, b, "{text:?} at {k}");
                }
            }
        }
    }
}
