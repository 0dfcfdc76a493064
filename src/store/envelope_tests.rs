use super::*;

#[test]
fn fnv1a_matches_published_vectors() {
    assert_eq!(fnv1a(FNV_OFFSET, b""), 0x811c_9dc5);
    assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xe40c_292c);
    assert_eq!(fnv1a(FNV_OFFSET, b"foobar"), 0xbf9c_f968);
}

#[test]
fn header_reads_as_written() {
    let env = Envelope::seal(1, "2026-11-22T20:15:00Z", "{\"accounts\":[]}".into());
    // fnv1a("1;15;2026-11-22T20:15:00Z\n{\"accounts\":[]}"), the header and payload together.
    let sum = fnv1a(FNV_OFFSET, b"1;15;2026-11-22T20:15:00Z\n{\"accounts\":[]}");
    assert_eq!(env.checksum, sum);
    let text = env.to_text();
    assert_eq!(
        text,
        format!(
            "cs-planner-book;schema=1;length=15;checksum={sum:08x};saved_at=2026-11-22T20:15:00Z\n{{\"accounts\":[]}}"
        )
    );
    assert_eq!(Envelope::parse(&text), Ok(env));
    assert_eq!(decode(&text).map(|l| l.book), Ok(Book::default()));
}

#[test]
fn saved_at_cannot_break_the_header() {
    let env = Envelope::seal(2, "2026;11\n22", String::new());
    assert_eq!(env.saved_at, "20261122");
    assert_eq!(Envelope::parse(&env.to_text()), Ok(env));
}

#[test]
fn unknown_header_fields_are_ignored() {
    let sum = fnv1a(FNV_OFFSET, b"1;15;x\n{\"accounts\":[]}");
    let text = format!("cs-planner-book;schema=1;zone=eu;length=15;checksum={sum:x};saved_at=x\n{{\"accounts\":[]}}");
    assert_eq!(decode(&text).map(|l| l.stored_schema), Ok(1));
}

#[test]
fn empty_foreign_and_incomplete_headers() {
    assert_eq!(decode(""), Err(LoadError::Empty));
    assert_eq!(decode(" \n"), Err(LoadError::Empty));
    assert_eq!(decode("{\"accounts\":[]}"), Err(LoadError::Corrupt("not a CS Planner book")));
    assert_eq!(decode("other;schema=2\nxyz"), Err(LoadError::Corrupt("not a CS Planner book")));
    assert_eq!(decode("cs-planner-book;schema=2\nxyz"), Err(LoadError::Corrupt("header is incomplete")));
    assert_eq!(
        decode("cs-planner-book;schema=x;length=0;checksum=0;saved_at=\n"),
        Err(LoadError::Corrupt("header is incomplete"))
    );
}

#[test]
fn cut_inside_the_header_is_truncated() {
    assert_eq!(decode("cs-plan"), Err(LoadError::Truncated { expected: None, found: 7 }));
    assert_eq!(decode("cs-planner-book;sch"), Err(LoadError::Truncated { expected: None, found: 19 }));
}

#[test]
fn longer_than_recorded_is_corrupt() {
    let text = Envelope::seal(1, "t", "{\"accounts\":[]}".into()).to_text() + " ";
    assert_eq!(decode(&text), Err(LoadError::Corrupt("longer than recorded")));
}

#[test]
fn every_cut_of_a_stored_book_is_an_error_not_a_panic() {
    let book = super::super::sample::book(40, 3);
    let text = encode(&book, "2026-11-22T20:15:00Z");
    let chars: Vec<char> = text.chars().collect();
    for n in 0..chars.len() {
        let cut: String = chars[..n].iter().collect();
        match decode(&cut) {
            Err(LoadError::Truncated { found, .. }) => assert_eq!(found, n),
            Err(LoadError::Empty) => assert_eq!(n, 0),
            // The recorded length makes every shorter text truncated, even one cut right
            // after the header line.
            other => panic!("cut at {n}: {other:?}"),
        }
    }
    assert_eq!(decode(&text).map(|l| l.book), Ok(book));
}
