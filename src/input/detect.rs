//! Which format a file is in: from its content first, then its extension.
//!
//! Content decides when it is unambiguous: an XML document whose root
//! element is `<xliff>` or `<tmx>`, an HTML document (`<!DOCTYPE html>`,
//! or a root `<html>`, `<head>` or `<body>`), or a PO file (its first line
//! that is neither blank nor a `#` comment is `msgid "…"` or `msgctxt "…"`). Otherwise the extension decides (`.xlf .xliff .sdlxliff
//! .tmx .po .pot .tsv .md .markdown .html .htm .txt`); a file with no known
//! extension (or standard input) is Markdown if it shows enough Markdown
//! syntax, else plain text.

use std::path::Path;

use crate::input::Format;

/// How much of a file's beginning the content checks look at.
const HEAD: usize = 64 * 1024;

/// The format of the file at `path` with decoded text `text`.
pub fn detect(path: &Path, text: &str) -> Format {
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].trim_start_matches('\u{feff}');
    if let Some(format) = xml_root(head).or_else(|| po(head)) {
        return format;
    }
    if let Some(format) = from_extension(path) {
        return format;
    }
    if looks_like_markdown(head) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// The format told by the extension alone.
pub fn from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "xlf" | "xliff" | "sdlxliff" | "mxliff" => Format::Xliff,
        "tmx" => Format::Tmx,
        "po" | "pot" => Format::Po,
        "tsv" => Format::Tsv,
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "txt" | "text" => Format::Text,
        _ => return None,
    })
}

/// The format told by the root element of an XML or HTML document.
fn xml_root(head: &str) -> Option<Format> {
    let mut rest = head.trim_start();
    loop {
        if !rest.starts_with('<') {
            return None;
        }
        if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>")? + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case("<!doctype") {
            let decl = &rest[9..];
            let name = decl.trim_start();
            if name.len() >= 4 && name[..4].eq_ignore_ascii_case("html") {
                return Some(Format::Html);
            }
            // Skip an internal subset `[...]`, which may contain `>`.
            let close = match (decl.find('['), decl.find('>')) {
                (Some(open), Some(gt)) if open < gt => open + decl[open..].find(']')? + 1,
                _ => 0,
            };
            rest = &decl[close + decl[close..].find('>')? + 1..];
        } else {
            let name_len = rest[1..]
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(rest.len() - 1);
            let name = &rest[1..1 + name_len];
            let local = name.rsplit(':').next().unwrap_or(name).to_ascii_lowercase();
            return match local.as_str() {
                "xliff" => Some(Format::Xliff),
                "tmx" => Some(Format::Tmx),
                "html" | "head" | "body" => Some(Format::Html),
                _ => None,
            };
        }
        rest = rest.trim_start();
    }
}

/// PO when the first line that is not blank or a comment is a `msgid` or
/// `msgctxt` line (keyword, white space, one quoted string).
fn po(head: &str) -> Option<Format> {
    let line = head
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    let is_po = ["msgid", "msgctxt"].iter().any(|k| {
        line.strip_prefix(k).is_some_and(|r| {
            let r = r.trim_start_matches([' ', '\t']);
            r.len() >= 2 && r.starts_with('"') && r.ends_with('"') && line.len() > k.len() + r.len()
        })
    });
    is_po.then_some(Format::Po)
}

/// Weak evidence: Markdown-only syntax (an ATX heading, a code fence, a
/// link or image, a setext underline) together with another kind of
/// Markdown line (a list item, a block quote, or a second strong kind).
fn looks_like_markdown(head: &str) -> bool {
    let mut strong = [false; 4];
    let mut weak = false;
    let mut previous_text = false;
    for line in head.lines().take(400) {
        let t = line.trim_end();
        let hashes = t.len() - t.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            strong[0] = true;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            strong[1] = true;
        }
        if t.contains("](") {
            strong[2] = true;
        }
        if previous_text
            && t.len() >= 3
            && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
        {
            strong[3] = true;
        }
        let l = t.trim_start();
        if l.starts_with("- ") || l.starts_with("* ") || l.starts_with("+ ") || l.starts_with("> ")
        {
            weak = true;
        }
        let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && l[digits..].starts_with(". ") {
            weak = true;
        }
        previous_text = !t.trim().is_empty();
    }
    let strong_kinds = strong.iter().filter(|&&s| s).count();
    strong_kinds >= 2 || (strong_kinds == 1 && weak)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_then_extension() {
        let cases: &[(&str, &str, Format)] = &[
            ("a.xml", "<?xml version=\"1.0\"?>\n<!-- c -->\n<xliff version=\"1.2\">", Format::Xliff),
            ("a", "\u{feff}<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">", Format::Xliff),
            ("a.txt", "<?xml version=\"1.0\"?><!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\r\n<tmx version=\"1.4\">", Format::Tmx),
            ("a.xml", "<!DOCTYPE tmx [ <!ENTITY x \"<y>\"> ]>\n<tmx>", Format::Tmx),
            ("a.md", "# Translations\n\nmsgid \"x\" is how PO starts", Format::Markdown),
            ("a.txt", "# comment\n#, fuzzy\n\nmsgid \"\"\nmsgstr \"\"\n", Format::Po),
            ("a", "msgctxt \"m\"\nmsgid \"x\"\nmsgstr \"y\"", Format::Po),
            ("a.xlf", "msgidx \"a\"", Format::Xliff),
            ("page", "<!DOCTYPE html>\n<html><body>x</body></html>", Format::Html),
            ("page", "<!doctype HTML><p>x", Format::Html),
            ("page", "<!-- x -->\n<body>x</body>", Format::Html),
            ("page.xml", "<root><p>x</p></root>", Format::Text),
            ("data.xlf", "<root/>", Format::Xliff),
            ("data.SDLXLIFF", "", Format::Xliff),
            ("t.pot", "", Format::Po),
            ("t.tsv", "a\tb", Format::Tsv),
            ("t.markdown", "text", Format::Markdown),
            ("t.htm", "text", Format::Html),
            ("t.tmx", "", Format::Tmx),
            ("notes.txt", "# Title\n\n- item\n[a](b)", Format::Text),
            ("README", "# Title\n\n- item\n", Format::Markdown),
            ("README", "Title\n=====\n\nSee [docs](docs.md).", Format::Markdown),
            ("-", "1. First point.\n2. Second point.\n- a dash", Format::Text),
            ("-", "Plain prose about Xizang.\n", Format::Text),
        ];
        for (path, text, want) in cases {
            assert_eq!(detect(Path::new(path), text), *want, "{path}: {text:?}");
        }
    }
}
