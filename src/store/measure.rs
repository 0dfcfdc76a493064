//! Sizes and timings of the stored book, printed by
//! `cargo test --release --lib store:: -- --ignored --nocapture`.

use std::time::Instant;

use super::{codec, sample};

#[test]
#[ignore]
fn measure_sizes_and_times() {
    for n in [10_000, 50_000, 100_000] {
        let book = sample::book(n, 7);
        let json = serde_json::to_string(&book).unwrap().chars().count();
        let raw = codec::to_bytes(&book).len();
        let t = Instant::now();
        let text = codec::encode(&book);
        let enc = t.elapsed();
        let t = Instant::now();
        let back = codec::decode(&text).unwrap();
        let dec = t.elapsed();
        assert_eq!(back, book);
        let chars = text.chars().count();
        println!(
            "{n:>7} accounts: v1 JSON {json:>9} chars | column bytes {raw:>8} | stored {chars:>8} chars = {:.1}/account | encode {:>6.1} ms decode {:>6.1} ms",
            chars as f64 / n as f64,
            enc.as_secs_f64() * 1e3,
            dec.as_secs_f64() * 1e3,
        );
    }
}
