//! Byte-level building blocks of the compact book format: LEB128 varints, zig-zag signed
//! integers and length-prefixed strings, read back with bounds checks so that stored data
//! that is damaged can never panic or make us allocate more than the input could describe.

/// Why a byte stream could not be read. Kept as a short static reason for the user-facing
/// "corrupt" message; the exact byte position is of no use to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadBytes(pub &'static str);

#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub fn int(&mut self, v: i64) {
        self.uint(zigzag(v));
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub fn f64_bits(&mut self, x: f64) {
        self.buf.extend_from_slice(&x.to_bits().to_le_bytes());
    }
}

/// Zig-zag maps small negative and positive numbers alike to small unsigned ones.
pub fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub fn unzigzag(u: u64) -> i64 {
    ((u >> 1) as i64) ^ -((u & 1) as i64)
}

pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    /// A reader of `buf` from byte `pos` on: a decoding resumed in a later slice.
    pub fn at(buf: &'a [u8], pos: usize) -> Self {
        Reader { buf, pos: pos.min(buf.len()) }
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Length of the whole input, read or not.
    pub fn total(&self) -> usize {
        self.buf.len()
    }

    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    pub fn byte(&mut self) -> Result<u8, BadBytes> {
        let b = *self.buf.get(self.pos).ok_or(BadBytes("ends early"))?;
        self.pos += 1;
        Ok(b)
    }

    pub fn uint(&mut self) -> Result<u64, BadBytes> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let part = u64::from(b & 0x7f);
            if shift == 63 && part > 1 {
                return Err(BadBytes("number too large"));
            }
            v |= part << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(BadBytes("number too large"))
    }

    pub fn int(&mut self) -> Result<i64, BadBytes> {
        self.uint().map(unzigzag)
    }

    /// A count of items that each take at least `min_bytes` bytes still to come: refusing
    /// larger counts bounds every allocation by the input's size.
    pub fn count(&mut self, min_bytes: usize) -> Result<usize, BadBytes> {
        let n = self.uint()?;
        let max = self.remaining() / min_bytes.max(1);
        usize::try_from(n).ok().filter(|&n| n <= max).ok_or(BadBytes("count exceeds data"))
    }

    pub fn take(&mut self, len: usize) -> Result<&'a [u8], BadBytes> {
        if len > self.remaining() {
            return Err(BadBytes("ends early"));
        }
        let out = &self.buf[self.pos..self.pos + len];
        self.pos += len;
        Ok(out)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], BadBytes> {
        let len = self.count(1)?;
        self.take(len)
    }

    pub fn str(&mut self) -> Result<String, BadBytes> {
        let b = self.bytes()?;
        String::from_utf8(b.to_vec()).map_err(|_| BadBytes("text is not UTF-8"))
    }

    pub fn f64_bits(&mut self) -> Result<f64, BadBytes> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_bits(u64::from_le_bytes(a)))
    }

    pub fn is_done(&self) -> bool {
        self.pos == self.buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_match_leb128() {
        let mut w = Writer::default();
        w.uint(0);
        w.uint(127);
        w.uint(128);
        w.uint(300);
        assert_eq!(w.buf, [0x00, 0x7f, 0x80, 0x01, 0xac, 0x02]);
        let mut w = Writer::default();
        w.uint(u64::MAX);
        assert_eq!(w.buf, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        assert_eq!(Reader::new(&w.buf).uint(), Ok(u64::MAX));
    }

    #[test]
    fn zigzag_interleaves_signs() {
        assert_eq!([0, -1, 1, -2, 2].map(zigzag), [0, 1, 2, 3, 4]);
        assert_eq!(zigzag(i64::MIN), u64::MAX);
        assert_eq!([0, 1, 2, 3, 4, u64::MAX].map(unzigzag), [0, -1, 1, -2, 2, i64::MIN]);
    }

    #[test]
    fn damaged_numbers_and_counts_are_errors() {
        // Eleven continuation bytes: longer than any u64.
        assert_eq!(Reader::new(&[0xff; 11]).uint(), Err(BadBytes("number too large")));
        // Tenth byte carrying more than the 64th bit.
        let mut too_big = [0xffu8; 10];
        too_big[9] = 0x02;
        assert_eq!(Reader::new(&too_big).uint(), Err(BadBytes("number too large")));
        assert_eq!(Reader::new(&[0x80]).uint(), Err(BadBytes("ends early")));
        // A count of 5 with only 3 bytes after it.
        assert_eq!(Reader::new(&[5, 1, 2, 3]).count(1), Err(BadBytes("count exceeds data")));
        assert_eq!(Reader::new(&[2, 0xff, 0xfe]).str(), Err(BadBytes("text is not UTF-8")));
    }

    #[test]
    fn strings_are_length_prefixed_utf8() {
        let mut w = Writer::default();
        w.str("客A");
        assert_eq!(w.buf, [4, 0xe5, 0xae, 0xa2, b'A']);
        let mut r = Reader::new(&w.buf);
        assert_eq!(r.str().as_deref(), Ok("客A"));
        assert!(r.is_done());
    }
}
