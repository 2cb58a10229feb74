//! The CSV reader: spreadsheet glossaries into a [`Draft`].
//!
//! **Parsing** follows RFC 4180, with the leniency real files need: the
//! delimiter is a comma, or a semicolon or tab when the first line has more
//! of those; records end with LF, CRLF or CR; a field may be quoted
//! (`"a, ""b"""`, line breaks allowed inside), with spaces around the quotes
//! allowed; unquoted fields are trimmed; blank lines are skipped. An
//! unterminated quote and text after a closing quote are errors with their
//! line and column, because there the file's structure cannot be known. A
//! hand-written parser rather than the `csv` crate: that crate reads an
//! unterminated quote to the end of the file without complaint, and the
//! positions of the errors above are the point.
//!
//! **Layouts**, told apart by the first row:
//!
//! - *One row per concept*, with a header naming columns: a language tag
//!   (`en`, `zh-Hans`) or `term_en` holds that language's term; `source` /
//!   `target` (Weblate) hold terms in `--source-lang` / `--target-lang`
//!   (a `term` column without a `language` column counts as `source`);
//!   `concept` (or `id`, `key`) the concept id; `definition`/`description`,
//!   `domain`/`subject`, and `note`/`comment`/`context`/
//!   `translator_comments`/`developer_comments`/`explanation` the concept's
//!   fields; `status`/`type` apply to every term of the row. Other columns
//!   are named in a warning and not imported. `id` is taken as the concept
//!   column, not Indonesian: write Indonesian as `id-ID`.
//! - *One row per term*, when the header has `language` and `term` columns
//!   (what `glossary export --format csv` writes: `glossary, concept,
//!   language, term, status, type`): rows with the same concept make one
//!   concept; a concept id that several glossaries of the file use becomes
//!   `GLOSSARY-CONCEPT`; `note` is the term's note.
//! - *No header*: the first row is a header only when it names at least one
//!   term column and most of its cells are known names. Otherwise (Okapi's
//!   two-column glossaries) column 1 is `--source-lang`, column 2
//!   `--target-lang`, and any further columns are notes.
//!
//! Terms without a status are left for the importer to decide (see the
//! parent module): in a one-row-per-concept file each cell is the only term
//! of its language, so it becomes preferred.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::glossary::validate::is_language_tag;
use crate::input::SourceFile;
use crate::text::{fold_str, Fold};

use super::{
    parse_status, parse_term_type, Draft, DraftConcept, DraftLanguage, DraftTerm, ImportOptions,
    Warning,
};

/// One field: its text (quotes removed, `""` undone) and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub start: usize,
    pub quoted: bool,
}

/// One record: its fields and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub cells: Vec<Cell>,
    pub start: usize,
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    /// Terms in this language.
    Lang(String),
    Source,
    Target,
    Concept,
    Glossary,
    Language,
    Term,
    Status,
    Type,
    Note,
    Definition,
    Domain,
    /// Not imported (named in a warning).
    Other(String),
}

impl Column {
    fn from_name(name: &str) -> Column {
        let raw = name.trim();
        let key = raw.to_ascii_lowercase().replace([' ', '-'], "_");
        match key.as_str() {
            "concept" | "concept_id" | "conceptid" | "id" | "key" | "entry" | "entry_id" => {
                Column::Concept
            }
            "glossary" | "glossary_id" => Column::Glossary,
            "language" | "lang" | "locale" => Column::Language,
            "term" => Column::Term,
            "status" | "usage_status" | "administrative_status" => Column::Status,
            "type" | "term_type" => Column::Type,
            "note"
            | "notes"
            | "comment"
            | "comments"
            | "context"
            | "translator_comments"
            | "developer_comments"
            | "explanation" => Column::Note,
            "definition" | "description" => Column::Definition,
            "domain" | "subject" | "subject_field" => Column::Domain,
            "source" | "source_term" => Column::Source,
            "target" | "target_term" | "translation" => Column::Target,
            // Common spreadsheet columns shaped like language tags.
            "pos" | "ref" | "tag" | "url" | "src" => Column::Other(raw.to_owned()),
            _ => {
                let tag = raw
                    .get(..5)
                    .filter(|p| p.eq_ignore_ascii_case("term_") || p.eq_ignore_ascii_case("term "))
                    .map_or(raw, |_| &raw[5..]);
                if is_language_tag(tag) {
                    Column::Lang(tag.to_owned())
                } else {
                    Column::Other(raw.to_owned())
                }
            }
        }
    }

    fn holds_terms(&self) -> bool {
        matches!(
            self,
            Column::Lang(_) | Column::Source | Column::Target | Column::Term
        )
    }
}

/// Reads a CSV glossary.
pub fn read(file: &SourceFile, options: &ImportOptions) -> Result<Draft> {
    let records = parse(file)?;
    let mut reader = Reader {
        file,
        options,
        draft: Draft {
            path: file.path.clone(),
            kind: "CSV".to_owned(),
            ..Draft::default()
        },
    };
    let Some(first) = records.first() else {
        return Ok(reader.draft);
    };
    let named: Vec<Column> = first
        .cells
        .iter()
        .map(|c| Column::from_name(&c.text))
        .collect();
    let non_empty = first
        .cells
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .count();
    let known = named
        .iter()
        .zip(&first.cells)
        .filter(|(col, cell)| !matches!(col, Column::Other(_)) && !cell.text.trim().is_empty())
        .count();
    let is_header = named.iter().any(Column::holds_terms) && known * 2 >= non_empty;
    if is_header {
        for (col, cell) in named.iter().zip(&first.cells) {
            if let Column::Other(name) = col {
                if !name.is_empty() {
                    reader.warn(cell.start, format!("column `{name}` is not imported"));
                }
            }
        }
        let rows = &records[1..];
        if named.contains(&Column::Language) && named.contains(&Column::Term) {
            reader.per_term(&named, first, rows)?;
        } else {
            reader.per_concept(&named, Some(first), rows)?;
        }
    } else {
        let width = records.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let columns: Vec<Column> = (0..width)
            .map(|i| match i {
                0 => Column::Source,
                1 => Column::Target,
                _ => Column::Note,
            })
            .collect();
        reader.per_concept(&columns, None, &records)?;
    }
    Ok(reader.draft)
}

struct Reader<'a> {
    file: &'a SourceFile,
    options: &'a ImportOptions,
    draft: Draft,
}

impl Reader<'_> {
    fn warn(&mut self, offset: usize, message: String) {
        self.draft.warnings.push(Warning {
            path: self.file.path.clone(),
            position: Some(self.file.line_col(offset)),
            message,
        });
    }

    /// The languages of the `source`/`target` columns, which only the
    /// command line can give: an error naming every option still needed.
    fn side_languages(
        &self,
        columns: &[Column],
        header: bool,
    ) -> Result<(Option<String>, Option<String>)> {
        let (source, target) = (&self.options.source_lang, &self.options.target_lang);
        let needs_source = columns
            .iter()
            .any(|c| matches!(c, Column::Source | Column::Term));
        let needs_target = columns.contains(&Column::Target);
        let mut missing = Vec::new();
        if needs_source && source.is_none() {
            missing.push("source");
        }
        if needs_target && target.is_none() {
            missing.push("target");
        }
        if missing.is_empty() {
            return Ok((source.clone(), target.clone()));
        }
        let what = if header {
            "its `source`, `target` or `term` columns do not say which language they hold"
        } else {
            "it has no header row naming its languages (such as `en,fr` or `term_en,term_fr`), so its first two columns are source and target"
        };
        Err(Error::ImportLanguagesUnknown {
            path: self.file.path.clone(),
            reason: what,
            missing,
        })
    }

    fn check_width(&self, row: &Record, columns: &[Column], header: Option<&Record>) -> Result<()> {
        if let (Some(_), Some(extra)) = (header, row.cells.get(columns.len())) {
            return Err(Error::input(
                self.file.origin(extra.start),
                format!(
                    "this row has {} fields, but the header names {} columns",
                    row.cells.len(),
                    columns.len()
                ),
            ));
        }
        Ok(())
    }

    /// One concept per row.
    fn per_concept(
        &mut self,
        columns: &[Column],
        header: Option<&Record>,
        rows: &[Record],
    ) -> Result<()> {
        let (source, target) = self.side_languages(columns, header.is_some())?;
        let tags: Vec<Option<String>> = columns
            .iter()
            .map(|col| match col {
                Column::Lang(tag) => Some(tag.clone()),
                // A lone `term` column is the source side.
                Column::Source | Column::Term => source.clone(),
                Column::Target => target.clone(),
                _ => None,
            })
            .collect();
        let grouping = group_column(columns, &tags, self.options.target_lang.as_deref());
        // Concepts by their term in the grouping column, folded.
        let mut by_target: HashMap<String, usize> = HashMap::new();
        for row in rows {
            self.check_width(row, columns, header)?;
            if row.cells.iter().all(|c| c.text.trim().is_empty()) {
                continue;
            }
            let mut concept = DraftConcept {
                at: self.file.line_col(row.start),
                ..DraftConcept::default()
            };
            let mut status = None;
            let mut term_type = None;
            for (i, cell) in row.cells.iter().enumerate() {
                let text = cell.text.trim();
                if text.is_empty() {
                    continue;
                }
                let at = self.file.line_col(cell.start);
                match &columns[i] {
                    Column::Lang(_) | Column::Source | Column::Target | Column::Term => {
                        let tag = tags[i].clone().unwrap_or_default();
                        let term = DraftTerm {
                            text: text.to_owned(),
                            at,
                            ..DraftTerm::default()
                        };
                        match concept.languages.iter_mut().find(|l| l.tag == tag) {
                            Some(l) => l.terms.push(term),
                            None => concept.languages.push(DraftLanguage {
                                tag,
                                at,
                                terms: vec![term],
                            }),
                        }
                    }
                    Column::Concept => concept.id = Some(text.to_owned()),
                    Column::Note => concept.notes.push(text.to_owned()),
                    Column::Definition => concept.definitions.push((None, text.to_owned())),
                    Column::Domain => concept.domain = Some(text.to_owned()),
                    Column::Status => status = Some((text.to_owned(), cell.start)),
                    Column::Type => term_type = Some((text.to_owned(), cell.start)),
                    Column::Glossary | Column::Language | Column::Other(_) => {}
                }
            }
            let terms: Vec<&mut DraftTerm> = concept
                .languages
                .iter_mut()
                .flat_map(|l| l.terms.iter_mut())
                .collect();
            let mut warnings = Vec::new();
            for term in terms {
                if let Some((value, at)) = &status {
                    apply_status(term, value, *at, &mut warnings);
                }
                if let Some((value, at)) = &term_type {
                    apply_type(term, value, *at, &mut warnings);
                }
            }
            for (at, message) in warnings {
                self.warn(at, message);
            }
            let shared = grouping
                .and_then(|i| row.cells.get(i))
                .map(|cell| cell.text.trim())
                .filter(|text| !text.is_empty() && concept.id.is_none())
                .map(|text| (text.to_owned(), fold_str(text, Fold::CASE_ONLY)));
            match shared.as_ref().and_then(|(_, key)| by_target.get(key)) {
                Some(&first) => {
                    let (text, _) = shared.as_ref().expect("matched a shared term");
                    let line = self.draft.concepts[first].at.0;
                    self.warn(
                        row.start,
                        format!("this row shares the term `{text}` with line {line}: imported as one concept with it"),
                    );
                    merge_concept(&mut self.draft.concepts[first], concept);
                }
                None => {
                    if let Some((_, key)) = shared {
                        by_target.insert(key, self.draft.concepts.len());
                    }
                    self.draft.concepts.push(concept);
                }
            }
        }
        Ok(())
    }

    /// One term per row (`glossary export --format csv`).
    fn per_term(&mut self, columns: &[Column], header: &Record, rows: &[Record]) -> Result<()> {
        let find = |want: Column| columns.iter().position(|c| *c == want);
        let cell = |row: &Record, col: Option<usize>| -> Option<(String, usize)> {
            let c = row.cells.get(col?)?;
            let text = c.text.trim();
            (!text.is_empty()).then(|| (text.to_owned(), c.start))
        };
        let (language, term) = (find(Column::Language), find(Column::Term));
        let (glossary, concept_col) = (find(Column::Glossary), find(Column::Concept));
        let (status, ty) = (find(Column::Status), find(Column::Type));
        let (note, definition, domain) = (
            find(Column::Note),
            find(Column::Definition),
            find(Column::Domain),
        );
        // Concept ids that several glossaries of the file use are qualified
        // with the glossary, as `glossary export --format tbx` does.
        let mut owners: HashMap<String, std::collections::BTreeSet<String>> = HashMap::new();
        for r in rows {
            if let Some((c, _)) = cell(r, concept_col) {
                let g = cell(r, glossary).map(|(g, _)| g).unwrap_or_default();
                owners.entry(c).or_default().insert(g);
            }
        }
        // (glossary, concept) -> index in draft.concepts
        let mut index: HashMap<(String, String), usize> = HashMap::new();
        for row in rows {
            self.check_width(row, columns, Some(header))?;
            if row.cells.iter().all(|c| c.text.trim().is_empty()) {
                continue;
            }
            let Some((lang, lang_at)) = cell(row, language) else {
                self.warn(row.start, "row without a language: not imported".to_owned());
                continue;
            };
            let g = cell(row, glossary).map(|(g, _)| g).unwrap_or_default();
            let id = cell(row, concept_col).map(|(c, _)| {
                if owners.get(&c).is_some_and(|o| o.len() > 1) {
                    format!("{g}-{c}")
                } else {
                    c
                }
            });
            let slot = match &id {
                Some(id) => *index
                    .entry((g.clone(), id.clone()))
                    .or_insert(self.draft.concepts.len()),
                None => self.draft.concepts.len(),
            };
            if slot == self.draft.concepts.len() {
                self.draft.concepts.push(DraftConcept {
                    id: id.clone(),
                    at: self.file.line_col(row.start),
                    ..DraftConcept::default()
                });
            }
            let mut warnings = Vec::new();
            let (text, term_at) = cell(row, term).unwrap_or((String::new(), row.start));
            let mut t = DraftTerm {
                text,
                at: self.file.line_col(term_at),
                ..DraftTerm::default()
            };
            if let Some((value, at)) = cell(row, status) {
                apply_status(&mut t, &value, at, &mut warnings);
            }
            if let Some((value, at)) = cell(row, ty) {
                apply_type(&mut t, &value, at, &mut warnings);
            }
            if let Some((n, _)) = cell(row, note) {
                t.notes.push(n);
            }
            for (at, message) in warnings {
                self.warn(at, message);
            }
            let lang_at = self.file.line_col(lang_at);
            let c = &mut self.draft.concepts[slot];
            if let Some((d, _)) = cell(row, definition) {
                if !c.definitions.iter().any(|(_, x)| *x == d) {
                    c.definitions.push((None, d));
                }
            }
            if let Some((d, _)) = cell(row, domain) {
                c.domain.get_or_insert(d);
            }
            match c.languages.iter_mut().find(|l| l.tag == lang) {
                Some(l) => l.terms.push(t),
                None => c.languages.push(DraftLanguage {
                    tag: lang,
                    at: lang_at,
                    terms: vec![t],
                }),
            }
        }
        Ok(())
    }
}

/// The column whose shared terms make rows one concept, in a file of one
/// row per concept: the `target` column, else the language column of
/// `--target-lang`, else the last column of terms when there are several.
/// Rows that give the same translation for different source terms
/// (`Peking` and `Beijing`, both `北京`) name one concept; rows that share a
/// source term but translate it differently stay apart, as homonyms may.
fn group_column(
    columns: &[Column],
    tags: &[Option<String>],
    target: Option<&str>,
) -> Option<usize> {
    if let Some(i) = columns.iter().position(|c| *c == Column::Target) {
        return Some(i);
    }
    let term_columns: Vec<usize> = (0..columns.len())
        .filter(|&i| matches!(columns[i], Column::Lang(_)))
        .collect();
    if let Some(target) = target {
        if let Some(&i) = term_columns.iter().find(|&&i| {
            tags[i]
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case(target))
        }) {
            return Some(i);
        }
    }
    (term_columns.len() > 1).then(|| *term_columns.last().expect("several"))
}

/// Adds `other`'s terms (those `into` lacks), notes and definitions to
/// `into`.
fn merge_concept(into: &mut DraftConcept, other: DraftConcept) {
    for language in other.languages {
        match into.languages.iter_mut().find(|l| l.tag == language.tag) {
            Some(l) => {
                for term in language.terms {
                    let folded = fold_str(&term.text, Fold::CASE_ONLY);
                    if !l
                        .terms
                        .iter()
                        .any(|t| fold_str(&t.text, Fold::CASE_ONLY) == folded)
                    {
                        l.terms.push(term);
                    }
                }
            }
            None => into.languages.push(language),
        }
    }
    into.notes.extend(other.notes);
    into.definitions.extend(other.definitions);
    into.domain = into.domain.take().or(other.domain);
}

fn apply_status(term: &mut DraftTerm, value: &str, at: usize, warnings: &mut Vec<(usize, String)>) {
    match parse_status(value) {
        Some(s) => term.status = Some(s),
        None => {
            warnings.push((
                at,
                format!(
                    "unknown status `{value}` for `{}`: kept in the term's note; the term counts as having no status",
                    term.text
                ),
            ));
            term.notes.push(format!("status: {value}"));
        }
    }
}

fn apply_type(term: &mut DraftTerm, value: &str, at: usize, warnings: &mut Vec<(usize, String)>) {
    match parse_term_type(value) {
        Some(t) => term.term_type = Some(t),
        None => {
            warnings.push((
                at,
                format!(
                    "unknown term type `{value}` for `{}`: kept in the term's note; the term is imported as a full form",
                    term.text
                ),
            ));
            term.notes.push(format!("type: {value}"));
        }
    }
}

/// The delimiter: `,`, or `;` or tab when the first line (outside quotes)
/// has more of them.
fn delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in text.as_bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if *d == b {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties go to the comma, which comes first.
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// Splits `file`'s text into records (see the module docs for the rules).
pub fn parse(file: &SourceFile) -> Result<Vec<Record>> {
    let text = file.text.as_str();
    let b = text.as_bytes();
    let delim = delimiter(text);
    let pad = |c: u8| c == b' ' || (c == b'\t' && delim != b'\t');
    let end_of_field = |c: u8| c == delim || c == b'\n' || c == b'\r';
    let mut records = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let record_start = i;
        let mut cells = Vec::new();
        loop {
            let mut j = i;
            while j < b.len() && pad(b[j]) {
                j += 1;
            }
            if j < b.len() && b[j] == b'"' {
                let open = j;
                let mut value = String::new();
                let mut from = j + 1;
                loop {
                    let Some(q) = text[from..].find('"').map(|q| from + q) else {
                        return Err(Error::input(
                            file.origin(open),
                            "unterminated quoted field: no closing `\"` before the end of the file",
                        ));
                    };
                    if b.get(q + 1) == Some(&b'"') {
                        value.push_str(&text[from..=q]);
                        from = q + 2;
                    } else {
                        value.push_str(&text[from..q]);
                        j = q + 1;
                        break;
                    }
                }
                while j < b.len() && pad(b[j]) {
                    j += 1;
                }
                if j < b.len() && !end_of_field(b[j]) {
                    return Err(Error::input(
                        file.origin(j),
                        "text after the closing quote of a field: quote the whole field, and double any quote inside it (`\"\"`)",
                    ));
                }
                cells.push(Cell {
                    text: value,
                    start: open,
                    quoted: true,
                });
                i = j;
            } else {
                let mut k = j;
                while k < b.len() && !end_of_field(b[k]) {
                    k += 1;
                }
                let mut end = k;
                while end > j && pad(b[end - 1]) {
                    end -= 1;
                }
                cells.push(Cell {
                    text: text[j..end].to_owned(),
                    start: j,
                    quoted: false,
                });
                i = k;
            }
            if i < b.len() && b[i] == delim {
                // Even at the end of the file: the next pass reads the
                // empty field after it.
                i += 1;
                continue;
            }
            if i < b.len() && b[i] == b'\r' {
                i += 1;
            }
            if i < b.len() && b[i] == b'\n' {
                i += 1;
            }
            break;
        }
        let blank = cells.len() == 1 && !cells[0].quoted && cells[0].text.is_empty();
        if !blank {
            records.push(Record {
                cells,
                start: record_start,
            });
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::model::{Status, TermType};

    fn file(text: &str) -> SourceFile {
        SourceFile::from_bytes("t.csv", text.as_bytes().to_vec()).unwrap()
    }

    fn cells(text: &str) -> Vec<Vec<String>> {
        parse(&file(text))
            .unwrap()
            .into_iter()
            .map(|r| r.cells.into_iter().map(|c| c.text).collect())
            .collect()
    }

    #[test]
    fn rfc_4180_fields() {
        let cases: &[(&str, &[&[&str]])] = &[
            ("a,b\nc,d\n", &[&["a", "b"], &["c", "d"]]),
            ("a,b\r\nc,d", &[&["a", "b"], &["c", "d"]]),
            ("a,b\rc,d\r", &[&["a", "b"], &["c", "d"]]),
            ("\"a, b\",\"say \"\"hi\"\"\"\n", &[&["a, b", "say \"hi\""]]),
            ("\"two\nlines\",x\n", &[&["two\nlines", "x"]]),
            ("   a   ,   b   \n", &[&["a", "b"]]),
            ("\"   a   \",\"   b   \"", &[&["   a   ", "   b   "]]),
            ("  \"a\"  ,  \"b\"  \n", &[&["a", "b"]]),
            ("a,,c\n\n\nd,e,\n", &[&["a", "", "c"], &["d", "e", ""]]),
            ("a,b,", &[&["a", "b", ""]]),
            (
                "x;y;\"z;w\"\n1;2;3\n",
                &[&["x", "y", "z;w"], &["1", "2", "3"]],
            ),
            ("x\ty, z\ta\n", &[&["x", "y, z", "a"]]),
            ("x\ty, z\n", &[&["x\ty", "z"]]),
            ("5\" floppy,disque\n", &[&["5\" floppy", "disque"]]),
            ("\"\",b\n", &[&["", "b"]]),
        ];
        for (input, want) in cases {
            let got = cells(input);
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn malformed_fields_are_positioned() {
        let cases = [
            ("a,b\nc,\"d\n", "t.csv:2:3: unterminated quoted field"),
            ("a,b\n\"c\"x,d\n", "t.csv:2:4: text after the closing quote"),
            (
                "en,fr\na,b,c\n",
                "t.csv:2:5: this row has 3 fields, but the header names 2 columns",
            ),
        ];
        for (input, want) in cases {
            let err = read(&file(input), &ImportOptions::default())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.starts_with(want), "{input:?}: {err}");
        }
    }

    fn read_with(text: &str, source: Option<&str>, target: Option<&str>) -> Result<Draft> {
        let options = ImportOptions {
            source_lang: source.map(Into::into),
            target_lang: target.map(Into::into),
            ..ImportOptions::default()
        };
        read(&file(text), &options)
    }

    fn terms(d: &Draft) -> Vec<Vec<(String, String)>> {
        d.concepts
            .iter()
            .map(|c| {
                c.languages
                    .iter()
                    .flat_map(|l| l.terms.iter().map(|t| (l.tag.clone(), t.text.clone())))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn rows_that_share_a_translation_are_one_concept() {
        let okapi = "Peking,北京\nbank,银行\nBeijing,北京\nbank,河岸\nPeiping, 北京 \n";
        let d = read_with(okapi, Some("en"), Some("zh")).unwrap();
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            terms(&d),
            [
                vec![
                    pair("en", "Peking"),
                    pair("en", "Beijing"),
                    pair("en", "Peiping"),
                    pair("zh", "北京"),
                ],
                // One source term, two translations: homonyms, kept apart.
                vec![pair("en", "bank"), pair("zh", "银行")],
                vec![pair("en", "bank"), pair("zh", "河岸")],
            ]
        );
        let warnings: Vec<String> = d.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings,
            [
                "t.csv:3:1: this row shares the term `北京` with line 1: imported as one concept with it",
                "t.csv:5:1: this row shares the term `北京` with line 1: imported as one concept with it",
            ]
        );
        // In language columns, the last one (or --target-lang's) decides;
        // rows with concept ids are grouped by those alone.
        let d = read_with("en,fr\nhello,bonjour\nhi,Bonjour\n", None, None).unwrap();
        assert_eq!(d.concepts.len(), 1);
        let d = read_with("en,fr\nhello,bonjour\nhello,salut\n", None, Some("en")).unwrap();
        assert_eq!(d.concepts.len(), 1);
        let d = read_with("id,en,fr\na,hello,bonjour\nb,hi,bonjour\n", None, None).unwrap();
        assert_eq!(d.concepts.len(), 2);
    }

    #[test]
    fn languages_come_from_the_header_or_the_command_line() {
        let d = read_with(
            "concept,term_en,fr,Part of speech\nbus,bus,autobus,noun\n",
            None,
            None,
        )
        .unwrap();
        assert_eq!(d.concepts[0].id.as_deref(), Some("bus"));
        assert_eq!(
            terms(&d),
            [[("en".into(), "bus".into()), ("fr".into(), "autobus".into())]]
        );
        assert_eq!(
            d.warnings[0].to_string(),
            "t.csv:1:20: column `Part of speech` is not imported"
        );

        let weblate = "\"source\",\"target\",\"translator_comments\"\n\"a\",\"b\",\"why\"\n";
        let err = read_with(weblate, None, None).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "do not say which language they hold: give the source and target language"
            ),
            "{err}"
        );
        let err = read_with(weblate, Some("en"), None)
            .unwrap_err()
            .to_string();
        assert!(err.ends_with("give the target language"), "{err}");
        let d = read_with(weblate, Some("en"), Some("cs")).unwrap();
        assert_eq!(
            terms(&d),
            [[("en".into(), "a".into()), ("cs".into(), "b".into())]]
        );
        assert_eq!(d.concepts[0].notes, ["why"]);

        let headerless = "source 1,target 1\nx,y,z\n";
        let err = read_with(headerless, None, None).unwrap_err().to_string();
        assert!(err.contains("has no header row"), "{err}");
        assert!(
            err.ends_with("give the source and target language"),
            "{err}"
        );
        let d = read_with(headerless, Some("en"), Some("hu")).unwrap();
        assert_eq!(d.concepts.len(), 2);
        assert_eq!(d.concepts[1].notes, ["z"]);
    }

    #[test]
    fn one_row_per_term_groups_concepts() {
        let d = read_with(
            "glossary,concept,language,term,status,type,note\n\
             g,bus,en,bus,preferred,full-form,\n\
             g,bus,en,coach,deprecated,variant,old\n\
             g,bus,fr,autobus,,,\n\
             g,car,en,car,maybe,blob,\n",
            None,
            None,
        )
        .unwrap();
        assert_eq!(d.concepts.len(), 2);
        let bus = &d.concepts[0];
        assert_eq!(bus.id.as_deref(), Some("bus"));
        let en = &bus.languages[0].terms;
        assert_eq!(en[1].status, Some(Status::Deprecated));
        assert_eq!(en[1].term_type, Some(TermType::Variant));
        assert_eq!(en[1].notes, ["old"]);
        assert_eq!(bus.languages[1].terms[0].status, None);
        let car = &d.concepts[1].languages[0].terms[0];
        assert_eq!(car.notes, ["status: maybe", "type: blob"]);
        assert_eq!(d.warnings.len(), 2);

        let two = read_with(
            "glossary,concept,language,term\na,x,en,one\nb,x,en,two\n",
            None,
            None,
        )
        .unwrap();
        let ids: Vec<_> = two.concepts.iter().map(|c| c.id.clone().unwrap()).collect();
        assert_eq!(ids, ["a-x", "b-x"]);
    }
}
