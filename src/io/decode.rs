//! From the bytes of a file to text: which encoding, and which delimiter.
//!
//! Chinese Excel saves "CSV" in GBK (it has no UTF-8 marker to go by), so bytes that are not
//! valid UTF-8 are read as GB18030, GBK's superset. The user can force either when the guess is
//! wrong (e.g. a GBK file that happens to be valid UTF-8, which short files can be).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Encoding {
    Utf8,
    /// GB18030, which also reads every GBK and GB2312 file.
    Gb18030,
    /// Excel's "Unicode text" export; recognised only by its byte-order mark.
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    /// The name people know it by, the same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GBK / GB18030",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
        }
    }
}

/// Text decoded from a file, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// Without the byte-order mark.
    pub text: String,
    pub encoding: Encoding,
    /// The file began with a byte-order mark.
    pub had_bom: bool,
    /// Some bytes were not valid in `encoding` and became U+FFFD: a forced encoding is wrong.
    pub had_errors: bool,
}

/// Decodes `bytes`, guessing the encoding unless `force` names one.
pub fn decode(bytes: &[u8], force: Option<Encoding>) -> Decoded {
    let (bom_encoding, bom_len) = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => (Some(Encoding::Utf8), 3),
        [0xFF, 0xFE, ..] => (Some(Encoding::Utf16Le), 2),
        [0xFE, 0xFF, ..] => (Some(Encoding::Utf16Be), 2),
        _ => (None, 0),
    };
    let encoding = force.or(bom_encoding).unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            Encoding::Utf8
        } else {
            Encoding::Gb18030
        }
    });
    // A forced encoding that disagrees with the mark keeps the mark's bytes as text, so the
    // user sees the garbage the wrong choice makes instead of a silently trimmed file.
    let body = if bom_encoding == Some(encoding) { &bytes[bom_len..] } else { bytes };
    let (text, had_errors) = decode_body(encoding, body);
    Decoded { text, encoding, had_bom: bom_encoding == Some(encoding), had_errors }
}

/// Natively (tests, benchmarks) encoding_rs decodes; in the browser its GB18030 tables would
/// add some 100 KB to the download, and the browser's own TextDecoder does the same job.
#[cfg(not(target_arch = "wasm32"))]
fn decode_body(encoding: Encoding, body: &[u8]) -> (String, bool) {
    let (text, had_errors) = encoding.codec().decode_without_bom_handling(body);
    (text.into_owned(), had_errors)
}

#[cfg(target_arch = "wasm32")]
fn decode_body(encoding: Encoding, body: &[u8]) -> (String, bool) {
    if encoding == Encoding::Utf8 {
        let text = String::from_utf8_lossy(body);
        let had_errors = matches!(text, std::borrow::Cow::Owned(_));
        return (text.into_owned(), had_errors);
    }
    let label = match encoding {
        Encoding::Gb18030 => "gb18030",
        Encoding::Utf16Le => "utf-16le",
        Encoding::Utf16Be => "utf-16be",
        Encoding::Utf8 => "utf-8",
    };
    // The mark of `encoding` was already cut off above; any other is not a mark for it.
    let decoded = web_sys::TextDecoder::new_with_label(label).and_then(|d| d.decode_with_u8_array(body));
    match decoded {
        // Without `fatal`, bad bytes become U+FFFD: their presence is the error signal.
        Ok(text) => {
            let had_errors = text.contains('\u{FFFD}');
            (text, had_errors)
        }
        Err(_) => (String::from_utf8_lossy(body).into_owned(), true),
    }
}

/// The delimiters we recognise, in the order ties are broken.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// The delimiter used most often on the header line, outside quotes; `,` when none occurs.
/// The header line alone decides because data cells (names, amounts like `12,000`) are where
/// stray commas live, while headers are short words.
pub fn detect_delimiter(text: &str) -> u8 {
    detect_delimiter_in(text.as_bytes())
}

/// `detect_delimiter` of text as bytes (a file's own, not yet known to be UTF-8).
pub fn detect_delimiter_in(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for &b in text {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..DELIMITERS.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    DELIMITERS[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "客户名称" in GBK.
    const GBK_NAME: [u8; 8] = [0xBF, 0xCD, 0xBB, 0xA7, 0xC3, 0xFB, 0xB3, 0xC6];

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(b"\xEF\xBB\xBFname\n", None);
        assert_eq!((d.text.as_str(), d.encoding, d.had_bom, d.had_errors), ("name\n", Encoding::Utf8, true, false));
        let d = decode("客户名称\n".as_bytes(), None);
        assert_eq!((d.text.as_str(), d.encoding, d.had_bom), ("客户名称\n", Encoding::Utf8, false));
    }

    #[test]
    fn gbk_detected_when_not_utf8() {
        let d = decode(&GBK_NAME, None);
        assert_eq!((d.text.as_str(), d.encoding, d.had_errors), ("客户名称", Encoding::Gb18030, false));
    }

    #[test]
    fn forced_encoding_wins_and_reports_damage() {
        let d = decode(&GBK_NAME, Some(Encoding::Utf8));
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(d.had_errors);
        assert!(d.text.contains('\u{fffd}'));
        // "ab" is valid in both; forcing GB18030 reads it the same.
        let d = decode(b"ab", Some(Encoding::Gb18030));
        assert_eq!((d.text.as_str(), d.encoding, d.had_errors), ("ab", Encoding::Gb18030, false));
    }

    #[test]
    fn utf16_by_its_mark() {
        let d = decode(&[0xFF, 0xFE, b'i', 0, b'd', 0], None);
        assert_eq!((d.text.as_str(), d.encoding, d.had_bom), ("id", Encoding::Utf16Le, true));
    }

    #[test]
    fn delimiter_from_header_respecting_quotes() {
        assert_eq!(detect_delimiter("id,name,arr\n1;2;3;4;5\n"), b',');
        assert_eq!(detect_delimiter("id;name;arr\r\n1,2\n"), b';');
        assert_eq!(detect_delimiter("id\tname\tarr\n"), b'\t');
        assert_eq!(detect_delimiter("\"a,b,c\";name\n"), b';');
        assert_eq!(detect_delimiter("\"multi\nline,,,\";x;y\n"), b';');
        assert_eq!(detect_delimiter("name\n"), b',');
        assert_eq!(detect_delimiter(""), b',');
        // A tie goes to the comma.
        assert_eq!(detect_delimiter("a,b;c\n"), b',');
    }
}
