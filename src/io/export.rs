//! Book → CSV, in the form import reads back to the same book (DOMAIN.md §1 columns, one row
//! per term, UTF-8 with a byte-order mark so Excel opens Chinese text correctly).

use crate::domain::{Account, Book, Outcome, Term};

use super::columns::Field;
use crate::i18n::Lang;

/// A cell starting with one of these is a formula (or becomes one) in Excel and LibreOffice.
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Guards a cell against spreadsheet formula injection with a leading `'`. Cells that already
/// start with `'`s before a formula character get one more, so `unneutralise` can always tell
/// the guard from the text and the round trip is exact.
pub fn neutralise(cell: &str) -> String {
    if cell.trim_start_matches('\'').starts_with(is_formula_start) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Removes the guard `neutralise` added; other cells are returned as they are.
pub fn unneutralise(cell: &str) -> &str {
    // Every cell of an import comes through here: most start with no quote at all.
    if !cell.starts_with('\'') {
        return cell;
    }
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(is_formula_start) => rest,
        _ => cell,
    }
}

/// The whole book as CSV bytes with English headers and statuses (`export_csv_in`).
pub fn export_csv(book: &Book) -> Vec<u8> {
    export_csv_in(book, Lang::En)
}

/// The whole book as CSV bytes: BOM, headers and statuses in `lang` (the import reads both),
/// CRLF line ends, one row per term (an account without terms gets one row with empty contract
/// columns).
pub fn export_csv_in(book: &Book, lang: Lang) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
    let mut record: Vec<String> = Field::ALL.iter().map(|f| f.label(lang).to_string()).collect();
    // Writing into a Vec cannot fail; a failure would only mean a truncated export.
    let _ = w.write_record(&record);
    for account in &book.accounts {
        if account.terms.is_empty() {
            fill(&mut record, account, None, lang);
            let _ = w.write_record(&record);
        }
        for (i, term) in account.terms.iter().enumerate() {
            fill(&mut record, account, Some((term, account.terms.get(i + 1))), lang);
            let _ = w.write_record(&record);
        }
    }
    let _ = w.flush();
    drop(w);
    out
}

fn amount(x: f64) -> String {
    // `{}` prints the shortest text that parses back to the same f64, never an exponent.
    format!("{x}")
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

fn fill(record: &mut [String], a: &Account, term: Option<(&Term, Option<&Term>)>, lang: Lang) {
    for (cell, field) in record.iter_mut().zip(Field::ALL) {
        let text = match field {
            Field::Id => neutralise(&a.id),
            Field::Name => neutralise(&a.name),
            Field::Industry => neutralise(&a.industry),
            Field::Region => neutralise(&a.region),
            Field::Owner => neutralise(&a.owner),
            Field::PotentialArr => opt(a.potential_arr.map(amount)),
            Field::Fit => opt(a.fit),
            Field::Activity => opt(a.activity),
            Field::Depth => opt(a.depth),
            Field::Satisfaction => opt(a.satisfaction),
            Field::HealthOverride => opt(a.health_override),
            Field::GoLive => opt(a.go_live),
            Field::LastTouch => opt(a.last_touch),
            Field::Referrals => a.referrals.to_string(),
            Field::ExpansionArr => amount(a.expansion_arr),
            _ => term_cell(field, term, lang),
        };
        *cell = text;
    }
}

fn term_cell(field: Field, term: Option<(&Term, Option<&Term>)>, lang: Lang) -> String {
    let Some((t, next)) = term else { return String::new() };
    let zh = lang == Lang::Zh;
    match (field, t.outcome) {
        (Field::Arr, _) => amount(t.arr),
        (Field::ContractStart, _) => t.start.to_string(),
        (Field::ContractEnd, _) => t.end.to_string(),
        (Field::Status, Outcome::Open) => (if zh { "进行中" } else { "open" }).into(),
        (Field::Status, Outcome::Renewed(_)) => (if zh { "续约" } else { "renewed" }).into(),
        (Field::Status, Outcome::Churned(_)) => (if zh { "流失" } else { "churned" }).into(),
        (Field::RenewedOn, Outcome::Renewed(on)) => on.to_string(),
        // The next term's arr; a renewed last term (which a book built by import never has)
        // has no next term to take it from, and repeating its own arr is the neutral guess.
        (Field::RenewedArr, Outcome::Renewed(_)) => amount(next.map_or(t.arr, |n| n.arr)),
        (Field::ChurnedOn, Outcome::Churned(on)) => on.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn guard_is_added_and_removed_exactly() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("-foo"), "'-foo");
        assert_eq!(neutralise("+86 10"), "'+86 10");
        assert_eq!(neutralise("@home"), "'@home");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("'=x"), "''=x");
        assert_eq!(neutralise("'quoted'"), "'quoted'");
        assert_eq!(neutralise("a-b"), "a-b");
        for s in ["=SUM(A1)", "-foo", "'=x", "''-y", "'quoted'", "plain", "", "'"] {
            assert_eq!(unneutralise(&neutralise(s)), s);
        }
    }

    #[test]
    fn one_row_per_term_with_next_arr() {
        let book = Book {
            accounts: vec![
                Account {
                    id: "a1".into(),
                    name: "=Acme, \"Ltd\"".into(),
                    referrals: 2,
                    fit: Some(75.5),
                    terms: vec![
                        Term {
                            start: d("2023-01-01"),
                            end: d("2023-12-31"),
                            arr: 10_000.0,
                            outcome: Outcome::Renewed(d("2023-12-20")),
                        },
                        Term {
                            start: d("2024-01-01"),
                            end: d("2024-12-31"),
                            arr: 12_500.5,
                            outcome: Outcome::Churned(d("2024-11-30")),
                        },
                    ],
                    ..Default::default()
                },
                Account { id: "b".into(), name: "华东智造".into(), ..Default::default() },
            ],
        };
        let bytes = export_csv(&book);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "id,name,industry,region,owner,arr,potential_arr,fit,activity,depth,satisfaction,health_override,go_live,last_touch,referrals,expansion_arr,contract_start,contract_end,status,renewed_on,renewed_arr,churned_on");
        assert_eq!(
            lines[1],
            "a1,\"'=Acme, \"\"Ltd\"\"\",,,,10000,,75.5,,,,,,,2,0,2023-01-01,2023-12-31,renewed,2023-12-20,12500.5,"
        );
        assert_eq!(
            lines[2],
            "a1,\"'=Acme, \"\"Ltd\"\"\",,,,12500.5,,75.5,,,,,,,2,0,2024-01-01,2024-12-31,churned,,,2024-11-30"
        );
        assert_eq!(lines[3], "b,华东智造,,,,,,,,,,,,,0,0,,,,,,");
        assert_eq!(lines[4], "");
        assert_eq!(lines.len(), 5);
    }
}
