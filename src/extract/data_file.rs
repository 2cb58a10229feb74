//! The line format of the word lists and verb tables under `data/extract/`
//! and `data/inflect/`, embedded with `include_str!`.
//!
//! ```text
//! # A comment: a whole line starting with `#`. Blank lines are ignored.
//! [section]
//! words of a list section, separated by spaces, as many a line as fit
//! [another-section]
//! key: the words of a table entry, one entry a line
//! ```
//!
//! A file is a sequence of named sections; what a section holds (a list of
//! words, or a table of `key: words` entries) is up to the code that reads
//! it, which asks for it by name. The data is compiled in, so an error in it
//! is a bug: every file has a unit test that parses it, and the code that
//! loads it panics with the file's name and the error.

/// A parsed data file: its sections, in file order.
#[derive(Debug)]
pub struct DataFile {
    name: &'static str,
    sections: Vec<(&'static str, Vec<&'static str>)>,
}

impl DataFile {
    /// Splits `text` into sections; `name` (the file's path) is for error
    /// messages. Errors: a line before the first section, a malformed or
    /// repeated section header.
    pub fn parse(name: &'static str, text: &'static str) -> Result<DataFile, String> {
        let mut sections: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |what: &str| format!("{name}:{}: {what}: `{line}`", n + 1);
            if let Some(header) = line.strip_prefix('[') {
                let section = header
                    .strip_suffix(']')
                    .filter(|s| !s.is_empty() && !s.contains(char::is_whitespace))
                    .ok_or_else(|| error("bad section header"))?;
                if sections.iter().any(|(s, _)| *s == section) {
                    return Err(error("section repeated"));
                }
                sections.push((section, Vec::new()));
            } else {
                let (_, lines) = sections
                    .last_mut()
                    .ok_or_else(|| error("line before the first section"))?;
                lines.push(line);
            }
        }
        Ok(DataFile { name, sections })
    }

    /// The names of the sections, in file order.
    pub fn section_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.sections.iter().map(|(s, _)| *s)
    }

    fn lines(&self, section: &str) -> Result<&[&'static str], String> {
        self.sections
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, lines)| lines.as_slice())
            .ok_or_else(|| format!("{}: no section [{section}]", self.name))
    }

    /// The words of a list section, in order (it may be empty). Errors: no
    /// such section, a word listed twice, a `key:` table line.
    pub fn words(&self, section: &str) -> Result<Vec<&'static str>, String> {
        let mut words: Vec<&'static str> = Vec::new();
        for &line in self.lines(section)? {
            for word in line.split_whitespace() {
                if word.ends_with(':') {
                    return Err(format!(
                        "{} [{section}]: table line in a list: `{line}`",
                        self.name
                    ));
                }
                if words.contains(&word) {
                    return Err(format!("{} [{section}]: `{word}` listed twice", self.name));
                }
                words.push(word);
            }
        }
        Ok(words)
    }

    /// The entries of a table section, in order: the key and its words
    /// (separated by single spaces or more). Errors: no such section, a
    /// line without `key: words`, a key listed twice.
    pub fn table(&self, section: &str) -> Result<Vec<(&'static str, &'static str)>, String> {
        let mut entries: Vec<(&'static str, &'static str)> = Vec::new();
        for &line in self.lines(section)? {
            let entry = line
                .split_once(':')
                .map(|(key, words)| (key.trim(), words.trim()))
                .filter(|(key, words)| {
                    !key.is_empty() && !key.contains(char::is_whitespace) && !words.is_empty()
                });
            let Some((key, words)) = entry else {
                return Err(format!(
                    "{} [{section}]: not `key: words`: `{line}`",
                    self.name
                ));
            };
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(format!("{} [{section}]: `{key}` listed twice", self.name));
            }
            entries.push((key, words));
        }
        Ok(entries)
    }
}

/// Panics on a parsing error: the data is compiled in, so it is a bug, and
/// the data files' tests catch it first.
pub fn expect_valid<T>(result: Result<T, String>) -> T {
    result.unwrap_or_else(|e| panic!("invalid embedded data: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_tables() {
        let file = DataFile::parse(
            "t.txt",
            "# comment\n[list]\na b\n\nc\n[table]\nêtre: suis  es\n[empty]\n",
        )
        .unwrap();
        assert_eq!(
            file.section_names().collect::<Vec<_>>(),
            ["list", "table", "empty"]
        );
        assert_eq!(file.words("list").unwrap(), ["a", "b", "c"]);
        assert_eq!(file.table("table").unwrap(), [("être", "suis  es")]);
        assert!(file.words("empty").unwrap().is_empty());
        assert!(file.words("missing").is_err());
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let err = |text: &'static str| DataFile::parse("t.txt", text).unwrap_err();
        assert!(err("a\n[s]\n").contains("t.txt:1: line before the first section"));
        assert!(err("[s]\n[s]\n").contains("section repeated"));
        assert!(err("[s\n").contains("bad section header"));
        let file = DataFile::parse("t.txt", "[s]\na a\n[t]\nno colon\nk:\n").unwrap();
        assert!(file.words("s").unwrap_err().contains("`a` listed twice"));
        assert!(file.table("t").unwrap_err().contains("not `key: words`"));
        let file = DataFile::parse("t.txt", "[t]\nk: a\nk: b\n[l]\nk: a\n").unwrap();
        assert!(file.table("t").unwrap_err().contains("`k` listed twice"));
        assert!(file
            .words("l")
            .unwrap_err()
            .contains("table line in a list"));
    }
}
