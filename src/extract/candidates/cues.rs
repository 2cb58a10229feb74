//! What a token's context says about the candidates around it: citation
//! brackets that are not text, heading and list markers that start a
//! sentence, operators of formulas.

use super::super::tokenize::{Token, TokenKind};
use super::counter::TokInfo;

/// Tokens of bibliography keys, which are not text: `[BOU 06]`, `[12]`,
/// `[MER 05, ACK 05]`, `[Smith 2005; Li 2010]`. A bracket holds a citation
/// when it has a number and nothing but capitalised words (at most three in
/// a row), numbers and list punctuation.
pub(super) fn citation_mask(toks: &[Token<'_>]) -> Vec<bool> {
    const MAX_INSIDE: usize = 24;
    let mut mask = vec![false; toks.len()];
    let mut open = 0;
    while open < toks.len() {
        if toks[open].text != "[" {
            open += 1;
            continue;
        }
        let close = toks[open + 1..]
            .iter()
            .take(MAX_INSIDE + 1)
            .position(|t| t.text == "]")
            .map(|p| open + 1 + p);
        let Some(close) = close else {
            open += 1;
            continue;
        };
        let inside = &toks[open + 1..close];
        let mut words_in_a_row = 0;
        let mut citation = inside.iter().any(|t| t.kind == TokenKind::Number);
        for t in inside {
            match t.kind {
                TokenKind::Word if t.text.chars().next().is_some_and(char::is_uppercase) => {
                    words_in_a_row += 1;
                    citation &= words_in_a_row <= 3;
                }
                TokenKind::Word => citation &= matches!(t.text, "et" | "al" | "al." | "and"),
                TokenKind::Number => words_in_a_row = 0,
                TokenKind::Punct => {
                    words_in_a_row = 0;
                    citation &= matches!(t.text, "," | ";" | "-" | "–" | "&" | ".");
                }
            }
        }
        if citation {
            mask[open..=close].fill(true);
        }
        open = close + 1;
    }
    mask
}

/// Whether token `k` only numbers a heading or list item: punctuation, a
/// number, a Roman numeral, or a single letter before `)` or `.` (`b.`
/// followed by a capital ends a sentence of its own; `b.Introduction` and
/// `b)` do not).
pub(super) fn is_list_marker(toks: &[Token<'_>], info: &[TokInfo], k: usize) -> bool {
    let t = &toks[k];
    let lettered = t.kind == TokenKind::Word
        && t.text.chars().count() == 1
        && toks.get(k + 1).is_some_and(|n| matches!(n.text, "." | ")"));
    matches!(t.kind, TokenKind::Punct | TokenKind::Number) || info[k].roman || lettered
}

/// Mathematical operators, written as a token of their own.
pub(super) fn is_operator(token: &str) -> bool {
    matches!(
        token,
        "=" | "<" | ">" | "≤" | "≥" | "≠" | "≈" | "+" | "±" | "×" | "÷" | "−" | "*" | "<=" | ">="
    )
}
