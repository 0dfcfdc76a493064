//! Number columns of the compact format: f64 values stored as varint integers at scale 1 or
//! 100 (whole amounts, whole cents), with the few values that are neither kept bit-exact.
//!
//! One scale per column, not per value: a column of 0–100 scores then costs one byte a value,
//! a column of money in cents three or four.

use super::bytes::{BadBytes, Reader, Writer};

const CENTS: u8 = 1;
const SIGNED: u8 = 2;

/// Above 2^53 an f64 no longer holds every integer; such values go out as exceptions.
const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

#[cfg(test)]
pub fn put_numbers(w: &mut Writer, xs: &[f64]) {
    let mut column = PutNumbers::new(xs.to_vec());
    while !column.step(w, usize::MAX) {}
}

/// `put_numbers` a piece at a time, at most `piece` values a step: the scale is chosen over
/// every value first, so the bytes are the same.
pub struct PutNumbers {
    xs: Vec<f64>,
    at: usize,
    phase: Phase,
    cents: bool,
    ints: Vec<Option<i64>>,
    signed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Scale,
    Ints,
    Exceptions,
    Values,
}

impl PutNumbers {
    pub fn new(xs: Vec<f64>) -> PutNumbers {
        let ints = Vec::with_capacity(xs.len());
        PutNumbers { xs, at: 0, phase: Phase::Scale, cents: false, ints, signed: false }
    }

    /// True once the column is written.
    pub fn step(&mut self, w: &mut Writer, piece: usize) -> bool {
        let n = self.xs.len();
        let end = self.at.saturating_add(piece).min(n);
        let scale = if self.cents { 100.0 } else { 1.0 };
        match self.phase {
            Phase::Scale => {
                let cents = |&x: &f64| as_int(x, 1.0).is_none() && as_int(x, 100.0).is_some();
                self.cents = self.cents || self.xs[self.at..end].iter().any(cents);
            }
            Phase::Ints => {
                for &x in &self.xs[self.at..end] {
                    let k = as_int(x, scale);
                    self.signed = self.signed || k.is_some_and(|k| k < 0);
                    self.ints.push(k);
                }
            }
            Phase::Exceptions => {
                w.buf.push(if self.cents { CENTS } else { 0 } | if self.signed { SIGNED } else { 0 });
                w.uint(self.ints.iter().filter(|k| k.is_none()).count() as u64);
                let mut last = 0;
                for (i, x) in self.xs.iter().enumerate().filter(|&(i, _)| self.ints[i].is_none()) {
                    w.uint((i - last) as u64);
                    w.f64_bits(*x);
                    last = i;
                }
                self.phase = Phase::Values;
                return false;
            }
            Phase::Values => {
                for &k in &self.ints[self.at..end] {
                    let k = k.unwrap_or(0);
                    if self.signed {
                        w.int(k);
                    } else {
                        w.uint(k as u64);
                    }
                }
            }
        }
        self.at = end;
        if end == n {
            self.at = 0;
            match self.phase {
                Phase::Scale => self.phase = Phase::Ints,
                Phase::Ints => self.phase = Phase::Exceptions,
                _ => return true,
            }
        }
        false
    }
}

pub fn get_numbers(r: &mut Reader, n: usize) -> Result<Vec<f64>, BadBytes> {
    let flags = r.byte()?;
    if flags > (CENTS | SIGNED) {
        return Err(BadBytes("bad number column"));
    }
    let scale = if flags & CENTS != 0 { 100.0 } else { 1.0 };
    let n_exceptions = r.count(9)?;
    let mut exceptions = Vec::with_capacity(n_exceptions);
    let mut at = 0usize;
    for _ in 0..n_exceptions {
        let step = usize::try_from(r.uint()?).map_err(|_| BadBytes("bad number column"))?;
        at = at.checked_add(step).filter(|&i| i < n).ok_or(BadBytes("bad number column"))?;
        exceptions.push((at, r.f64_bits()?));
    }
    let mut out = Vec::with_capacity(n.min(r.remaining()));
    for _ in 0..n {
        let k = if flags & SIGNED != 0 { r.int()? as f64 } else { r.uint()? as f64 };
        out.push(k / scale);
    }
    for (i, x) in exceptions {
        if let Some(slot) = out.get_mut(i) {
            *slot = x;
        }
    }
    Ok(out)
}

/// `Some(k)` when k / scale gives back exactly x's bits (so not for -0.0, NaN, ∞ or 0.123).
fn as_int(x: f64, scale: f64) -> Option<i64> {
    let k = (x * scale).round();
    if k.is_nan() || k.abs() >= EXACT_LIMIT {
        return None;
    }
    let k = k as i64;
    ((k as f64 / scale).to_bits() == x.to_bits()).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(xs: &[f64]) -> Vec<u8> {
        let mut w = Writer::default();
        put_numbers(&mut w, xs);
        w.buf
    }

    #[test]
    fn scores_are_one_byte_each() {
        assert_eq!(put(&[0.0, 55.0, 100.0]), [0, 0, 0, 55, 100]);
    }

    #[test]
    fn cents_and_negatives() {
        // 12000.5 → 1200050 cents = 0xb2 0x9f 0x49 (LEB128); 0.1 → 10.
        assert_eq!(put(&[12_000.5, 0.1]), [CENTS, 0, 0xb2, 0x9f, 0x49, 10]);
        // −3 → zig-zag 5.
        assert_eq!(put(&[-3.0, 2.0]), [SIGNED, 0, 5, 4]);
    }

    #[test]
    fn odd_values_are_kept_bit_exact() {
        let xs = [1.0, 1.0 / 3.0, -0.0, f64::NAN, f64::INFINITY, 1e300, 2.0];
        let bytes = put(&xs);
        // Exceptions at 1, 2, 3, 4, 5 (steps 1,1,1,1,1); whole numbers stay at scale 1.
        assert_eq!(&bytes[..3], [0, 5, 1]);
        let got = get_numbers(&mut Reader::new(&bytes), xs.len()).unwrap();
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&got), bits(&xs));
    }

    #[test]
    fn exception_index_out_of_range_is_an_error() {
        // One exception at index 3 of a 2-value column.
        let mut bytes = vec![0, 1, 3];
        bytes.extend_from_slice(&1.5f64.to_bits().to_le_bytes());
        bytes.extend_from_slice(&[0, 0]);
        assert_eq!(get_numbers(&mut Reader::new(&bytes), 2), Err(BadBytes("bad number column")));
        assert_eq!(get_numbers(&mut Reader::new(&[4]), 0), Err(BadBytes("bad number column")));
    }
}
