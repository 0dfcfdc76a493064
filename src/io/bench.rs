//! Import speed: a generated file of a given number of rows, and an ignored test that times it.
//! Run `cargo test --release --lib io::bench -- --ignored --nocapture`.

use chrono::NaiveDate;

use super::demo::generate;
use super::export::export_csv;
use crate::i18n::Lang;

/// An exported demo book cut to `rows` data rows (whole rows; an account may lose its later
/// terms, which changes nothing for timing). Deterministic.
pub fn sample_csv(rows: usize, lang: Lang) -> Vec<u8> {
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default();
    // Every account has at least one term, so this many accounts always give enough rows.
    let book = generate(2025, rows, as_of, lang);
    let bytes = export_csv(&book);
    // Demo names hold no line breaks, so every CRLF ends a row.
    let mut end = 0;
    for _ in 0..=rows {
        match bytes[end..].windows(2).position(|w| w == b"\r\n") {
            Some(p) => end += p + 2,
            None => return bytes,
        }
    }
    bytes[..end].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import_bytes;
    use std::time::Instant;

    #[test]
    fn sample_has_the_rows_asked_for() {
        let r = import_bytes(&sample_csv(300, Lang::Zh), None).unwrap();
        assert_eq!((r.rows, r.rejected_rows), (300, 0));
    }

    /// CPU time of this thread in seconds (Linux), so a busy shared machine does not count
    /// the time another process had the core; wall time is printed beside it.
    fn thread_cpu() -> f64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(f64::NAN, |ns| ns / 1e9)
    }

    #[test]
    #[ignore = "timing; run in release with --nocapture"]
    fn time_import() {
        for rows in [10_000, 100_000] {
            for lang in Lang::ALL {
                let bytes = sample_csv(rows, lang);
                let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
                for _ in 0..7 {
                    let (t, c) = (Instant::now(), thread_cpu());
                    let r = import_bytes(&bytes, None).unwrap();
                    cpu = cpu.min(thread_cpu() - c);
                    wall = wall.min(t.elapsed().as_secs_f64());
                    assert_eq!(r.rows, rows);
                }
                let kb = bytes.len() / 1024;
                println!(
                    "{rows} rows ({lang:?}, {kb} KB): best of 7: {:.1} ms CPU, {:.1} ms wall",
                    cpu * 1e3,
                    wall * 1e3
                );
            }
        }
    }
}
