use super::*;
use crate::store::sample::Rng;

fn round_trip(data: &[u8]) -> usize {
    let packed = compress(data);
    assert_eq!(decompress(&packed, data.len()).as_deref(), Ok(data), "{} bytes", data.len());
    packed.len()
}

#[test]
fn empty_input_is_the_five_flush_bytes() {
    assert_eq!(compress(&[]), [0, 0, 0, 0, 0]);
    assert_eq!(decompress(&[0, 0, 0, 0, 0], 0), Ok(vec![]));
}

#[test]
fn short_inputs_of_every_byte() {
    for b in 0..=255u8 {
        round_trip(&[b]);
        round_trip(&[b, b, b, b, 0, b, b, b, b]);
    }
    let all: Vec<u8> = (0..=255).collect();
    round_trip(&all);
}

#[test]
fn runs_and_repeats_shrink() {
    // A run is one literal and a chain of rep matches: a few bytes for 100 KB.
    assert!(round_trip(&vec![7u8; 100_000]) < 100);
    let text = "上海星辰科技有限公司 Nova Analytics Ltd, ".repeat(500);
    assert!(round_trip(text.as_bytes()) < text.len() / 50);
}

#[test]
fn random_bytes_round_trip_and_barely_grow() {
    let mut rng = Rng::new(1);
    for len in [1, 2, 3, 4, 17, 300, 5_000, 70_000] {
        let data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let n = round_trip(&data);
        assert!(n <= len + len / 50 + 8, "{len} random bytes became {n}");
    }
}

#[test]
fn matches_at_the_window_edge_and_longest_length() {
    let mut rng = Rng::new(2);
    let block: Vec<u8> = (0..600).map(|_| rng.next() as u8).collect();
    for gap in [WINDOW - 700, WINDOW - 600, WINDOW - 599, WINDOW + 5] {
        let mut data = block.clone();
        data.extend((0..gap).map(|_| rng.next() as u8));
        data.extend_from_slice(&block);
        round_trip(&data);
    }
    // Lengths around MAX_MATCH: a repeat of 273, 274 and 546 bytes.
    for n in [MAX_MATCH - 1, MAX_MATCH, MAX_MATCH + 1, 2 * MAX_MATCH] {
        let mut data = block[..n.min(600)].to_vec();
        data.extend_from_slice(&block[..n.min(600)]);
        round_trip(&data);
    }
}

#[test]
fn structured_columns_round_trip() {
    let mut rng = Rng::new(3);
    let mut data = Vec::new();
    for i in 0..20_000u32 {
        data.extend_from_slice(&(i * 7).to_le_bytes()[..3]);
        data.push((rng.below(101)) as u8);
        data.push(if rng.chance(80) { 24 } else { rng.below(256) as u8 });
    }
    round_trip(&data);
}

#[test]
fn damage_is_an_error_or_other_bytes_never_a_panic() {
    let mut rng = Rng::new(4);
    let text = "客户成功 customer success 12345 ".repeat(40);
    let packed = compress(text.as_bytes());
    for n in 0..packed.len() {
        assert!(decompress(&packed[..n], text.len()).is_err(), "cut at {n} read as data");
    }
    for _ in 0..3000 {
        let mut bad = packed.clone();
        let at = rng.below(bad.len() as u64) as usize;
        bad[at] ^= 1 << rng.below(8);
        if let Ok(out) = decompress(&bad, text.len()) {
            assert_eq!(out.len(), text.len());
        }
        let junk: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        let _ = decompress(&junk, rng.below(5_000) as usize);
    }
}
