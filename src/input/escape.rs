//! `\uXXXX` escapes as JSON, Java `.properties` and Apple `.strings` write
//! them: four hex digits, a character beyond the Basic Multilingual Plane
//! as a surrogate pair written as two escapes. One decoder for the three
//! readers; each words the errors in its own format's terms.

/// Why a `\u` escape is not a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BadEscape {
    /// Not followed by four hex digits.
    NotFourHexDigits,
    /// A high surrogate without the low one after it.
    LoneHigh(u32),
    /// A low surrogate without a high one before it.
    LoneLow(u32),
}

impl BadEscape {
    /// The message, with the escape written `\{letter}` and `malformed` as
    /// the format's words for [`BadEscape::NotFourHexDigits`].
    pub(crate) fn message(self, letter: char, malformed: &str) -> String {
        match self {
            BadEscape::NotFourHexDigits => malformed.to_owned(),
            BadEscape::LoneHigh(u) => format!(
                "lone surrogate `\\{letter}{u:04X}`: a high surrogate must be followed by a low one"
            ),
            BadEscape::LoneLow(u) => {
                format!("lone surrogate `\\{letter}{u:04X}`: a low surrogate without a high one")
            }
        }
    }
}

/// The character of the escape at `at` in `text` (a `\` followed by one of
/// `letters`, then four hex digits; a surrogate pair taken together), and
/// how many bytes it spans.
pub(crate) fn unicode_escape(
    text: &str,
    at: usize,
    letters: &[u8],
) -> Result<(char, usize), BadEscape> {
    let unit = |from: usize| -> Option<u32> {
        let hex = text.get(from + 2..from + 6)?;
        let b = text.as_bytes();
        let escape =
            b.get(from) == Some(&b'\\') && b.get(from + 1).is_some_and(|l| letters.contains(l));
        (escape && hex.bytes().all(|h| h.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let first = unit(at).ok_or(BadEscape::NotFourHexDigits)?;
    match first {
        0xD800..=0xDBFF => {
            let low = unit(at + 6)
                .filter(|u| (0xDC00..=0xDFFF).contains(u))
                .ok_or(BadEscape::LoneHigh(first))?;
            let c = char::from_u32(0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00))
                .expect("a surrogate pair is a scalar value");
            Ok((c, 12))
        }
        0xDC00..=0xDFFF => Err(BadEscape::LoneLow(first)),
        _ => Ok((char::from_u32(first).expect("not a surrogate"), 6)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_surrogate_pairs() {
        assert_eq!(unicode_escape("\\u00e9", 0, b"u"), Ok(('é', 6)));
        assert_eq!(unicode_escape("x\\U6FB3", 1, b"Uu"), Ok(('澳', 6)));
        assert_eq!(unicode_escape("\\ud83d\\ude00", 0, b"u"), Ok(('😀', 12)));
        assert_eq!(
            unicode_escape("\\u12", 0, b"u"),
            Err(BadEscape::NotFourHexDigits)
        );
        assert_eq!(
            unicode_escape("\\U00e9", 0, b"u"),
            Err(BadEscape::NotFourHexDigits)
        );
        assert_eq!(
            unicode_escape("\\ud83dx", 0, b"u"),
            Err(BadEscape::LoneHigh(0xD83D))
        );
        assert_eq!(
            unicode_escape("\\ude00", 0, b"u"),
            Err(BadEscape::LoneLow(0xDE00))
        );
        assert_eq!(
            BadEscape::LoneLow(0xDE00).message('U', "m"),
            "lone surrogate `\\UDE00`: a low surrogate without a high one"
        );
    }
}
