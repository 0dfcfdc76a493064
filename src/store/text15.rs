//! Bytes ↔ a string that localStorage stores at one UTF-16 unit per 15 bits.
//!
//! Each char carries 15 bits as U+0020 + value (U+0020..=U+801F): never a surrogate, never a
//! control char, so the text survives JS strings, JSON and UTF-8 alike, and localStorage's
//! quota (counted in UTF-16 units) is spent at 15/16 efficiency, as lz-string's
//! `compressToUTF16` does. The first char says how many padding bits the last char has.

use super::bytes::BadBytes;

const OFFSET: u32 = 0x20;

#[cfg(test)]
pub fn encode(bytes: &[u8]) -> String {
    let mut e = Encoder::new(bytes.len());
    e.push(bytes);
    e.finish()
}

/// `encode` a piece at a time (a save spread over several tasks): the total length first, for
/// the padding char, then the bytes in pieces of any size.
pub struct Encoder {
    out: String,
    acc: u32,
    nbits: u32,
}

impl Encoder {
    pub fn new(total_len: usize) -> Encoder {
        let mut out = String::with_capacity(total_len * 3 * 8 / 15 + 8);
        let pad = (15 - total_len * 8 % 15) % 15;
        out.push(unit(pad as u32));
        Encoder { out, acc: 0, nbits: 0 }
    }

    pub fn push(&mut self, bytes: &[u8]) {
        let (mut acc, mut nbits) = (self.acc, self.nbits);
        for &b in bytes {
            acc = (acc << 8) | u32::from(b);
            nbits += 8;
            if nbits >= 15 {
                nbits -= 15;
                self.out.push(unit(acc >> nbits));
                acc &= (1 << nbits) - 1;
            }
        }
        (self.acc, self.nbits) = (acc, nbits);
    }

    /// The text; the caller pushed exactly `total_len` bytes.
    pub fn finish(mut self) -> String {
        if self.nbits > 0 {
            self.out.push(unit(self.acc << (15 - self.nbits)));
        }
        self.out
    }
}

fn unit(v: u32) -> char {
    // v < 2^15, so OFFSET + v stays below the surrogate range and is always a char.
    char::from_u32(OFFSET + (v & 0x7fff)).unwrap_or(' ')
}

#[cfg(test)]
pub fn decode(text: &str) -> Result<Vec<u8>, BadBytes> {
    let mut d = Decoder::new(text)?;
    while !d.step(text, usize::MAX)? {}
    Ok(d.finish())
}

/// `decode` a piece at a time: `step` the same text until it says done, then `finish`.
pub struct Decoder {
    out: Vec<u8>,
    bytes: usize,
    acc: u32,
    nbits: u32,
    /// Byte offset in the text of the next char to read.
    pos: usize,
}

impl Decoder {
    /// Checks the padding against the text's length.
    pub fn new(text: &str) -> Result<Decoder, BadBytes> {
        let mut chars = text.chars();
        let first = chars.next().ok_or(BadBytes("empty payload"))?;
        let pad = value(first)?;
        let n_chars = chars.count();
        let bits = (n_chars * 15).checked_sub(pad as usize).ok_or(BadBytes("bad padding"))?;
        if pad > 14 || bits % 8 != 0 {
            return Err(BadBytes("bad padding"));
        }
        let out = Vec::with_capacity(bits / 8);
        Ok(Decoder { out, bytes: bits / 8, acc: 0, nbits: 0, pos: first.len_utf8() })
    }

    /// Reads up to `max_chars` more chars of `text` (the one given to `new`); true once all are.
    pub fn step(&mut self, text: &str, max_chars: usize) -> Result<bool, BadBytes> {
        let rest = text.get(self.pos..).unwrap_or_default();
        let (mut acc, mut nbits) = (self.acc, self.nbits);
        let mut read = 0;
        for c in rest.chars().take(max_chars) {
            acc = (acc << 15) | value(c)?;
            nbits += 15;
            while nbits >= 8 {
                nbits -= 8;
                self.out.push((acc >> nbits) as u8);
            }
            acc &= (1 << nbits) - 1;
            read += c.len_utf8();
        }
        (self.acc, self.nbits) = (acc, nbits);
        self.pos += read;
        Ok(self.pos >= text.len())
    }

    pub fn finish(mut self) -> Vec<u8> {
        self.out.truncate(self.bytes);
        self.out
    }
}

fn value(c: char) -> Result<u32, BadBytes> {
    let v = (c as u32).wrapping_sub(OFFSET);
    if v < 0x8000 {
        Ok(v)
    } else {
        Err(BadBytes("char outside the 15-bit range"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_packings() {
        // 0 bytes: only the header, no padding.
        assert_eq!(encode(&[]), " ");
        // 0xff: 8 bits + 7 padding → value 0b1111_1111_0000_000 = 0x7f80.
        assert_eq!(encode(&[0xff]), "\u{27}\u{7fa0}");
        // 15 bytes = 120 bits = exactly 8 chars, no padding.
        let s = encode(&[0u8; 15]);
        assert_eq!(s.chars().count(), 9);
        assert!(s.chars().all(|c| c == ' '));
        // 0x80 0x01: 16 bits → 2 chars, pad 14: 1000_0000_0000_000 | 1_00000000000000
        assert_eq!(encode(&[0x80, 0x01]), "\u{2e}\u{4020}\u{4020}");
    }

    #[test]
    fn round_trips_every_length_and_byte() {
        let all: Vec<u8> = (0..=255u8).collect();
        for len in 0..=64 {
            let data: Vec<u8> = all.iter().cycle().skip(len * 7).take(len).copied().collect();
            assert_eq!(decode(&encode(&data)).unwrap(), data, "length {len}");
        }
        assert_eq!(decode(&encode(&all)).unwrap(), all);
    }

    #[test]
    fn every_char_is_outside_surrogates_and_controls() {
        let data: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        for c in encode(&data).chars() {
            assert!(('\u{20}'..='\u{801f}').contains(&c), "{c:?}");
        }
        // Extremes of the value range: all-zero and all-one bits.
        assert!(encode(&[0xff; 30]).chars().skip(1).all(|c| c == '\u{801f}'));
    }

    #[test]
    fn pieces_of_any_size_give_the_same_text_and_bytes() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i.wrapping_mul(2654435761) >> 11) as u8).collect();
        let whole = encode(&data);
        for piece in [1, 2, 7, 15, 16, 999] {
            let mut e = Encoder::new(data.len());
            data.chunks(piece).for_each(|c| e.push(c));
            assert_eq!(e.finish(), whole, "pieces of {piece} bytes");
            let mut d = Decoder::new(&whole).unwrap();
            let mut steps = 0;
            while !d.step(&whole, piece).unwrap() {
                steps += 1;
            }
            assert!(steps + 1 >= (whole.chars().count() - 1) / piece, "{steps} steps");
            assert_eq!(d.finish(), data, "pieces of {piece} chars");
        }
    }

    #[test]
    fn foreign_text_is_an_error() {
        assert_eq!(decode(""), Err(BadBytes("empty payload")));
        assert_eq!(decode("\u{1f600}"), Err(BadBytes("char outside the 15-bit range")));
        assert_eq!(decode("'\u{9000}"), Err(BadBytes("char outside the 15-bit range")));
        // Padding of 15 or more bits is never written.
        assert_eq!(decode("/  "), Err(BadBytes("bad padding")));
        // Padding that leaves a partial byte.
        assert_eq!(decode("! "), Err(BadBytes("bad padding")));
    }
}
