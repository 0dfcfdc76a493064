use chrono::NaiveDate;

use super::*;
use crate::store::sample::{self, Rng};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn one(account: Account) -> Book {
    Book { accounts: vec![account] }
}

#[test]
fn bare_account_bytes_by_hand() {
    let book = one(Account {
        id: "a".into(),
        name: "b".into(),
        terms: vec![Term { start: d(2024, 1, 1), end: d(2024, 12, 31), arr: 100.0, outcome: Outcome::Open }],
        ..Default::default()
    });
    #[rustfmt::skip]
    let expected = [
        1,                       // accounts
        0, 1, b'a',              // id: nothing shared, "a"
        1, b'b',                 // name
        1, 0, 0, 1, 0, 0, 1, 0, 0, // industry, region, owner: dictionary [""], index 0
        0, 0, 0, 0, 0, 0, 0, 0, 0, // potential_arr, fit, activity: none present, empty columns
        0, 0, 0, 0, 0, 0, 0, 0, 0, // depth, satisfaction, health_override: the same
        0, 0, 0,                 // expansion_arr: scale 1, no exceptions, 0
        0, 0, 0, 0,              // go_live, last_touch: none present, base 0
        0,                       // referrals
        1,                       // one term
        0x8c, 0x99, 0x5a, 0,     // first start: base zigzag(738886) = 1477772, offset 0
        24,                      // 12 whole months
        0, 0, 100,               // arr 100 at scale 1
        0,                       // open
    ];
    assert_eq!(to_bytes(&book), expected);
    assert_eq!(from_bytes(&expected), Ok(book));
}

#[test]
fn term_codes_by_hand() {
    let book = one(Account {
        id: "a".into(),
        name: "b".into(),
        terms: vec![
            Term { start: d(2024, 1, 1), end: d(2024, 12, 31), arr: 100.0, outcome: Outcome::Renewed(d(2024, 12, 16)) },
            Term { start: d(2025, 1, 1), end: d(2025, 7, 18), arr: 100.5, outcome: Outcome::Churned(d(2025, 7, 18)) },
        ],
        ..Default::default()
    });
    #[rustfmt::skip]
    let tail = [
        2,                                  // two terms
        0x8c, 0x99, 0x5a, 0,                // first start as above
        2,                                  // second start: the day after the first end, zigzag(1)
        24, 0x99, 0x06,                     // 12 months; 198 days: (zigzag(198) << 1) | 1 = 793
        1, 0, 0x90, 0x4e, 0xc2, 0x4e,       // arr in cents: 10000, 10050
        117, 2,                             // renewed 15 days before end: zigzag(-15) << 2 | 1; churned at end
    ];
    let bytes = to_bytes(&book);
    assert_eq!(bytes[bytes.len() - tail.len()..], tail);
    assert_eq!(from_bytes(&bytes), Ok(book));
}

#[test]
fn ids_share_prefixes_even_inside_a_chinese_char() {
    // "客" = e5 ae a2, "宾" = e5 ae be: two bytes in common.
    let book = Book {
        accounts: ["客户-001", "客户-002", "宾馆", ""]
            .map(|id| Account { id: id.into(), ..Default::default() })
            .to_vec(),
    };
    let bytes = to_bytes(&book);
    #[rustfmt::skip]
    let ids = [
        0, 10, 0xe5, 0xae, 0xa2, 0xe6, 0x88, 0xb7, b'-', b'0', b'0', b'1', // "客户-001" in full
        9, 1, b'2',                                                     // 9 bytes shared, "2"
        2, 4, 0xbe, 0xe9, 0xa6, 0x86,                                   // 2 shared, rest of 宾, 馆
        0, 0,                                                           // empty
    ];
    assert_eq!(bytes[1..24], ids);
    assert_eq!(from_bytes(&bytes).map(|b| b.accounts.len()), Ok(4));
    assert_eq!(decode(&encode(&book)), Ok(book));
}

#[test]
fn empty_book_round_trips() {
    assert_eq!(decode(&encode(&Book::default())), Ok(Book::default()));
}

#[test]
fn generated_books_round_trip() {
    for (n, seed) in [(1, 1), (7, 2), (500, 3)] {
        let book = sample::book(n, seed);
        assert_eq!(decode(&encode(&book)).as_ref(), Ok(&book), "{n} accounts");
    }
}

#[test]
fn extreme_values_round_trip_bit_for_bit() {
    let odd = [f64::NAN, -0.0, f64::INFINITY, f64::NEG_INFINITY, 1e300, -12.34, 1.0 / 3.0, 9_007_199_254_740_993.0];
    let accounts: Vec<Account> = odd
        .iter()
        .map(|&x| Account {
            id: "😀".repeat(3),
            name: "x".repeat(300),
            region: "\u{0}\n;".into(),
            potential_arr: Some(x),
            fit: Some(x),
            expansion_arr: x,
            referrals: u32::MAX,
            go_live: Some(NaiveDate::MIN),
            last_touch: Some(NaiveDate::MAX),
            terms: vec![
                Term { start: NaiveDate::MIN, end: NaiveDate::MAX, arr: x, outcome: Outcome::Churned(NaiveDate::MIN) },
                Term { start: NaiveDate::MAX, end: NaiveDate::MIN, arr: x, outcome: Outcome::Renewed(NaiveDate::MAX) },
            ],
            ..Default::default()
        })
        .collect();
    let book = Book { accounts };
    let back = decode(&encode(&book)).unwrap();
    for (a, b) in book.accounts.iter().zip(&back.accounts) {
        let bits = |a: &Account| {
            (
                a.potential_arr.map(f64::to_bits),
                a.fit.map(f64::to_bits),
                a.expansion_arr.to_bits(),
                a.terms.iter().map(|t| t.arr.to_bits()).collect::<Vec<_>>(),
            )
        };
        assert_eq!(bits(a), bits(b));
        let rest = |a: &Account| {
            (
                a.id.clone(),
                a.name.clone(),
                a.region.clone(),
                a.referrals,
                a.go_live,
                a.last_touch,
                a.terms.iter().map(|t| (t.start, t.end, t.outcome)).collect::<Vec<_>>(),
            )
        };
        assert_eq!(rest(a), rest(b));
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::new(99);
    for _ in 0..3000 {
        let len = rng.below(200) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let _ = from_bytes(&bytes);
        let _ = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, 1 << 16);
    }
}

#[test]
fn every_prefix_and_flipped_byte_is_an_error_or_a_book() {
    let bytes = to_bytes(&sample::book(12, 5));
    for n in 0..bytes.len() {
        assert!(from_bytes(&bytes[..n]).is_err(), "prefix of {n} bytes read as a book");
    }
    for i in 0..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[i] ^= flip;
            let _ = from_bytes(&damaged);
        }
    }
}

#[test]
fn garbage_text_never_panics() {
    let mut rng = Rng::new(7);
    let good = encode(&sample::book(8, 4));
    let chars: Vec<char> = good.chars().collect();
    for _ in 0..2000 {
        let len = rng.below(60) as usize;
        let text: String = (0..len).filter_map(|_| char::from_u32(rng.below(0x11_0000) as u32)).collect();
        assert!(decode(&text).is_err());
        let mut damaged = chars.clone();
        let at = rng.below(damaged.len() as u64) as usize;
        damaged[at] = char::from_u32(0x20 + rng.below(0x8000) as u32).unwrap();
        let _ = decode(&damaged.iter().collect::<String>());
        let cut: String = chars[..rng.below(chars.len() as u64) as usize].iter().collect();
        assert!(decode(&cut).is_err());
    }
}

#[test]
fn allocation_is_bounded_by_the_input() {
    // Claims u64::MAX/2 accounts in 12 bytes: refused before any allocation.
    let mut w = Writer::default();
    w.uint(u64::MAX / 2);
    assert_eq!(from_bytes(&w.buf), Err(BadBytes("count exceeds data")));
    // 1 MiB of zeros recorded as 1,000 bytes: inflation stops at the recorded length.
    let mut w = Writer::default();
    w.uint(1000);
    w.buf.extend(miniz_oxide::deflate::compress_to_vec(&vec![0u8; 1 << 20], 9));
    assert!(w.buf.len() < 2048);
    assert_eq!(decode(&text15::encode(&w.buf)), Err(BadBytes("compressed data is damaged")));
    // A recorded length beyond the cap is refused before inflating.
    let mut w = Writer::default();
    w.uint(65 << 20);
    assert_eq!(decode(&text15::encode(&w.buf)), Err(BadBytes("unpacked length out of range")));
}

#[test]
fn a_book_of_blank_accounts_deflates_far_but_still_reads() {
    let accounts = (0..20_000).map(|i| Account { id: format!("{i:08}"), ..Default::default() });
    let book = Book { accounts: accounts.collect() };
    let raw = to_bytes(&book).len();
    let text = encode(&book);
    assert!(raw > 100 * text.chars().count(), "{raw} bytes in {} chars", text.chars().count());
    assert_eq!(decode(&text), Ok(book));
}
