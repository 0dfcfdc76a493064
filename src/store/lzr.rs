//! A small LZ77 compressor with an adaptive binary range coder: the idea of LZMA, cut down to
//! what a stored book needs. It replaces a general deflate crate to keep the wasm bundle
//! small (a few KB of code instead of ~30), and on the book's columns it packs ~15% tighter.
//!
//! Tokens: a literal byte (coded bit by bit, in the context of the previous byte's top bits),
//! a match (distance and length), or a "rep" match reusing the last distance, which is what a
//! column of alike records mostly is. Numbers are Elias-gamma with adaptive bits.

use super::bytes::BadBytes;

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 273;
const WINDOW_BITS: u32 = 18;
const WINDOW: usize = 1 << WINDOW_BITS;
const HASH_BITS: u32 = 16;
/// Candidates tried per position: deeper finds a little more, slower.
const DEPTH: usize = 16;
/// A match this long ends the search.
const NICE: usize = 48;
/// A 3-byte match further back than this costs more than three literals.
const FAR_SHORT: usize = 1 << 12;

const PROB_BITS: u32 = 11;
const PROB_ONE: u16 = 1 << PROB_BITS;
const ADAPT: u32 = 5;
const TOP: u32 = 1 << 24;
/// Largest gamma bit-length: lengths need 9 bits, distances 18.
const GAMMA_MAX: usize = 24;

/// The adaptive probabilities shared, in the same order, by encoder and decoder.
struct Model {
    is_match: [u16; 4],
    is_rep: [u16; 4],
    literal: Vec<u16>,
    len: Gamma,
    dist: Gamma,
}

struct Gamma {
    unary: [u16; GAMMA_MAX],
    bits: Vec<u16>,
}

impl Model {
    fn new() -> Self {
        Model {
            is_match: [PROB_ONE / 2; 4],
            is_rep: [PROB_ONE / 2; 4],
            literal: vec![PROB_ONE / 2; 8 * 256],
            len: Gamma::new(),
            dist: Gamma::new(),
        }
    }
}

impl Gamma {
    fn new() -> Self {
        Gamma { unary: [PROB_ONE / 2; GAMMA_MAX], bits: vec![PROB_ONE / 2; GAMMA_MAX * GAMMA_MAX] }
    }
}

struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    pending: u64,
    out: Vec<u8>,
}

impl Encoder {
    #[inline(always)]
    fn bit(&mut self, p: &mut u16, bit: bool) {
        let bound = (self.range >> PROB_BITS) * u32::from(*p);
        if bit {
            self.low += u64::from(bound);
            self.range -= bound;
            *p -= *p >> ADAPT;
        } else {
            self.range = bound;
            *p += (PROB_ONE - *p) >> ADAPT;
        }
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }

    /// Emits the settled top byte; a carry may still ripple into bytes held back as `pending`.
    #[inline(always)]
    fn shift_low(&mut self) {
        if (self.low as u32) < 0xff00_0000 || self.low >> 32 != 0 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            while self.pending > 0 {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xff;
                self.pending -= 1;
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00ff_ffff) << 8;
    }

    fn gamma(&mut self, g: &mut Gamma, v: usize) {
        let n = (usize::BITS - v.leading_zeros()) as usize;
        for i in 0..n - 1 {
            self.bit(&mut g.unary[i], true);
        }
        if n < GAMMA_MAX {
            self.bit(&mut g.unary[n - 1], false);
        }
        for j in (0..n - 1).rev() {
            self.bit(&mut g.bits[n * GAMMA_MAX + j], v >> j & 1 == 1);
        }
    }
}

struct Decoder<'a> {
    input: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
}

impl Decoder<'_> {
    /// Past the end of a damaged input it reads zeros: the output length bounds the work.
    #[inline(always)]
    fn byte(&mut self) -> u32 {
        let b = self.input.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        u32::from(b)
    }

    #[inline(always)]
    fn bit(&mut self, p: &mut u16) -> bool {
        let bound = (self.range >> PROB_BITS) * u32::from(*p);
        let bit = self.code >= bound;
        if bit {
            self.code -= bound;
            self.range -= bound;
            *p -= *p >> ADAPT;
        } else {
            self.range = bound;
            *p += (PROB_ONE - *p) >> ADAPT;
        }
        while self.range < TOP {
            self.range <<= 8;
            self.code = (self.code << 8) | self.byte();
        }
        bit
    }

    fn gamma(&mut self, g: &mut Gamma) -> usize {
        let mut n = 1;
        while n < GAMMA_MAX && self.bit(&mut g.unary[n - 1]) {
            n += 1;
        }
        let mut v = 1usize;
        for j in (0..n - 1).rev() {
            v = (v << 1) | usize::from(self.bit(&mut g.bits[n * GAMMA_MAX + j]));
        }
        v
    }
}

pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut m = Model::new();
    let mut e = Encoder { low: 0, range: u32::MAX, cache: 0, pending: 1, out: Vec::new() };
    let mut head = vec![u32::MAX; 1 << HASH_BITS];
    let mut prev = vec![u32::MAX; WINDOW];
    let (mut state, mut rep, mut i) = (0usize, 1usize, 0usize);
    while i < data.len() {
        let (mut len, mut dist) = (0, 0);
        let rep_len = if rep <= i { match_len(data, i - rep, i) } else { 0 };
        // A long repeat of the last distance is as good as it gets: skip the search.
        if rep_len < NICE && i + MIN_MATCH <= data.len() {
            let h = hash(&data[i..]);
            let mut cand = head[h];
            for _ in 0..DEPTH {
                let c = cand as usize;
                if cand == u32::MAX || c >= i || i - c >= WINDOW {
                    break;
                }
                let l = match_len(data, c, i);
                if l > len {
                    (len, dist) = (l, i - c);
                }
                let next = prev[c & (WINDOW - 1)];
                if next >= cand || len >= NICE {
                    break;
                }
                cand = next;
            }
        }
        let use_rep = rep_len >= MIN_MATCH && rep_len + 1 >= len;
        if len == MIN_MATCH && dist > FAR_SHORT {
            len = 0;
        }
        let step = if use_rep || len >= MIN_MATCH {
            e.bit(&mut m.is_match[state], true);
            e.bit(&mut m.is_rep[state], use_rep);
            if use_rep {
                len = rep_len;
            } else {
                e.gamma(&mut m.dist, dist);
                rep = dist;
            }
            e.gamma(&mut m.len, len - MIN_MATCH + 1);
            state = (state << 1 | 1) & 3;
            len
        } else {
            e.bit(&mut m.is_match[state], false);
            let ctx = usize::from(if i > 0 { data[i - 1] >> 5 } else { 0 }) * 256;
            let mut node = 1;
            for k in (0..8).rev() {
                let bit = data[i] >> k & 1 == 1;
                e.bit(&mut m.literal[ctx + node], bit);
                node = node << 1 | usize::from(bit);
            }
            state = (state << 1) & 3;
            1
        };
        for p in i..(i + step).min(data.len().saturating_sub(MIN_MATCH - 1)) {
            let h = hash(&data[p..]);
            prev[p & (WINDOW - 1)] = head[h];
            head[h] = p as u32;
        }
        i += step;
    }
    for _ in 0..5 {
        e.shift_low();
    }
    e.out
}

/// Exactly `len` bytes back, or an error: never a panic, and never more than `len` bytes.
pub fn decompress(input: &[u8], len: usize) -> Result<Vec<u8>, BadBytes> {
    let mut m = Model::new();
    let mut d = Decoder { input, pos: 0, range: u32::MAX, code: 0 };
    for _ in 0..5 {
        d.code = (d.code << 8) | d.byte();
    }
    let mut out = Vec::with_capacity(len);
    let (mut state, mut rep) = (0usize, 1usize);
    while out.len() < len {
        if d.bit(&mut m.is_match[state]) {
            if !d.bit(&mut m.is_rep[state]) {
                rep = d.gamma(&mut m.dist);
            }
            let n = d.gamma(&mut m.len) + MIN_MATCH - 1;
            if rep > out.len() || n > len - out.len() {
                return Err(BadBytes("compressed data is damaged"));
            }
            let from = out.len() - rep;
            for k in 0..n {
                let b = out.get(from + k).copied().unwrap_or(0);
                out.push(b);
            }
            state = (state << 1 | 1) & 3;
        } else {
            let ctx = usize::from(out.last().map_or(0, |b| b >> 5)) * 256;
            let mut node = 1;
            while node < 256 {
                node = node << 1 | usize::from(d.bit(&mut m.literal[ctx + node]));
            }
            out.push(node as u8);
            state = (state << 1) & 3;
        }
    }
    if d.pos > input.len() {
        return Err(BadBytes("compressed data is damaged"));
    }
    Ok(out)
}

#[inline(always)]
fn hash(b: &[u8]) -> usize {
    let v = u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16;
    (v.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
}

#[inline(always)]
fn match_len(data: &[u8], from: usize, at: usize) -> usize {
    let max = (data.len() - at).min(MAX_MATCH);
    (0..max).take_while(|&k| data[from + k] == data[at + k]).count()
}

#[cfg(test)]
#[path = "lzr_tests.rs"]
mod tests;
