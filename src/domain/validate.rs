//! What makes an account valid (DOMAIN.md §1), field by field, so a form can say what is wrong
//! where, and ids that stay stable.

use super::book::{Account, Book, Outcome};

/// The fields of an account a person can get wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    PotentialArr,
    Fit,
    Activity,
    Depth,
    Satisfaction,
    HealthOverride,
    ExpansionArr,
    /// The term at this index (oldest first).
    TermStart(usize),
    TermEnd(usize),
    TermArr(usize),
    TermOutcome(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    /// Outside 0–100.
    NotPercent,
    Negative,
    NotFinite,
    EndNotAfterStart,
    /// A term starts before the previous one ends.
    OverlapsPrevious,
    /// A renewal or churn dated before the term's start.
    OutcomeBeforeStart,
    /// A term follows one that was not renewed.
    FollowsUnrenewed,
    DuplicateId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

pub const NAME_MAX_CHARS: usize = 200;

/// Every problem of `account`, in field order; empty when it is valid.
pub fn validate_account(account: &Account) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut push = |field, problem| errors.push(FieldError { field, problem });
    let name_len = account.name.trim().chars().count();
    if name_len == 0 {
        push(Field::Name, Problem::Required);
    } else if name_len > NAME_MAX_CHARS {
        push(Field::Name, Problem::TooLong { max: NAME_MAX_CHARS });
    }
    if let Some(p) = amount_problem(account.potential_arr) {
        push(Field::PotentialArr, p);
    }
    for (field, value) in [
        (Field::Fit, account.fit),
        (Field::Activity, account.activity),
        (Field::Depth, account.depth),
        (Field::Satisfaction, account.satisfaction),
        (Field::HealthOverride, account.health_override),
    ] {
        if let Some(v) = value {
            if !v.is_finite() {
                push(field, Problem::NotFinite);
            } else if !(0.0..=100.0).contains(&v) {
                push(field, Problem::NotPercent);
            }
        }
    }
    if let Some(p) = amount_problem(Some(account.expansion_arr)) {
        push(Field::ExpansionArr, p);
    }
    for (i, term) in account.terms.iter().enumerate() {
        if term.end <= term.start {
            push(Field::TermEnd(i), Problem::EndNotAfterStart);
        }
        if let Some(p) = amount_problem(Some(term.arr)) {
            push(Field::TermArr(i), p);
        }
        match term.outcome {
            Outcome::Renewed(on) | Outcome::Churned(on) if on < term.start => {
                push(Field::TermOutcome(i), Problem::OutcomeBeforeStart)
            }
            _ => {}
        }
        if i > 0 {
            let prev = &account.terms[i - 1];
            if !matches!(prev.outcome, Outcome::Renewed(_)) {
                push(Field::TermStart(i), Problem::FollowsUnrenewed);
            } else if term.start <= prev.end {
                push(Field::TermStart(i), Problem::OverlapsPrevious);
            }
        }
    }
    errors
}

fn amount_problem(v: Option<f64>) -> Option<Problem> {
    match v {
        Some(x) if !x.is_finite() => Some(Problem::NotFinite),
        Some(x) if x < 0.0 => Some(Problem::Negative),
        _ => None,
    }
}

/// A fresh id for a new account: `A` and the next number after the largest `A<n>` in the book,
/// so ids stay short, readable and never reused within a book.
pub fn next_id(book: &Book) -> String {
    let max = book
        .accounts
        .iter()
        .filter_map(|a| a.id.strip_prefix('A').and_then(|n| n.parse::<u64>().ok()))
        .max()
        .unwrap_or(0);
    format!("A{}", max + 1)
}

/// Whether `id` is used by an account other than the one at `except`.
pub fn id_taken(book: &Book, id: &str, except: Option<usize>) -> bool {
    book.accounts.iter().enumerate().any(|(i, a)| Some(i) != except && a.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::Term;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn valid() -> Account {
        Account {
            id: "A1".into(),
            name: "Acme".into(),
            fit: Some(100.0),
            activity: Some(0.0),
            terms: vec![
                Term {
                    start: d("2024-01-01"),
                    end: d("2024-12-31"),
                    arr: 0.0,
                    outcome: Outcome::Renewed(d("2024-12-15")),
                },
                Term { start: d("2025-01-01"), end: d("2025-12-31"), arr: 12_000.0, outcome: Outcome::Open },
            ],
            ..Default::default()
        }
    }

    fn problems(a: &Account) -> Vec<(Field, Problem)> {
        validate_account(a).into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn a_valid_account_has_no_problems_at_the_edges() {
        assert_eq!(problems(&valid()), vec![]);
    }

    #[test]
    fn name_is_required_and_bounded() {
        let mut a = valid();
        a.name = "   ".into();
        assert_eq!(problems(&a), vec![(Field::Name, Problem::Required)]);
        a.name = "名".repeat(200);
        assert_eq!(problems(&a), vec![]);
        a.name = "名".repeat(201);
        assert_eq!(problems(&a), vec![(Field::Name, Problem::TooLong { max: 200 })]);
    }

    #[test]
    fn percentages_and_amounts_are_checked() {
        let mut a = valid();
        a.fit = Some(100.5);
        a.depth = Some(-0.1);
        a.satisfaction = Some(f64::NAN);
        a.potential_arr = Some(-1.0);
        a.expansion_arr = -5.0;
        assert_eq!(
            problems(&a),
            vec![
                (Field::PotentialArr, Problem::Negative),
                (Field::Fit, Problem::NotPercent),
                (Field::Depth, Problem::NotPercent),
                (Field::Satisfaction, Problem::NotFinite),
                (Field::ExpansionArr, Problem::Negative),
            ]
        );
    }

    #[test]
    fn terms_must_end_after_start_and_follow_a_renewal() {
        let mut a = valid();
        a.terms[1].end = a.terms[1].start;
        a.terms[1].arr = -1.0;
        assert_eq!(
            problems(&a),
            vec![(Field::TermEnd(1), Problem::EndNotAfterStart), (Field::TermArr(1), Problem::Negative)]
        );
        let mut b = valid();
        b.terms[0].outcome = Outcome::Churned(d("2024-12-31"));
        assert_eq!(problems(&b), vec![(Field::TermStart(1), Problem::FollowsUnrenewed)]);
        let mut c = valid();
        c.terms[1].start = d("2024-12-31");
        assert_eq!(problems(&c), vec![(Field::TermStart(1), Problem::OverlapsPrevious)]);
        let mut e = valid();
        e.terms[0].outcome = Outcome::Renewed(d("2023-12-31"));
        assert_eq!(problems(&e), vec![(Field::TermOutcome(0), Problem::OutcomeBeforeStart)]);
    }

    #[test]
    fn next_id_follows_the_largest_and_ignores_others() {
        let mut book = Book::default();
        assert_eq!(next_id(&book), "A1");
        for id in ["A7", "A12", "crm-99", "A", "B40"] {
            book.accounts.push(Account { id: id.into(), name: "x".into(), ..Default::default() });
        }
        assert_eq!(next_id(&book), "A13");
        assert!(id_taken(&book, "A7", None));
        assert!(!id_taken(&book, "A7", Some(0)));
        assert!(!id_taken(&book, "A8", None));
    }
}
