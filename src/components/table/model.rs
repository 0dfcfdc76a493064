//! What a table shows, as plain data: columns, rows of cells, the page in view and the CSV of
//! every row. No view code here, so it is tested natively.

use std::sync::Arc;

use crate::i18n::Msg;
use crate::io::export::neutralise;

/// How a column aligns and what its cells are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Left-aligned text.
    Text,
    /// Right-aligned, tabular figures.
    Num,
    /// The row's name: a row header (`<th scope="row">`), left-aligned, may wrap.
    Name,
}

/// A column's head: a message, or a text made at run time (a tier's or a month's name).
#[derive(Clone, Debug, PartialEq)]
pub enum Head {
    Msg(Msg),
    Text(String),
    /// A column without a head (an action button's column); not exported.
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Col {
    pub head: Head,
    pub kind: Kind,
    /// Extra classes for the column's head and cells, e.g. "col-end" (hidden on phones).
    pub class: &'static str,
    /// A short explanation under the head (`title` and a visually plain second line).
    pub note: Option<Msg>,
}

impl Col {
    pub fn text(head: Msg) -> Col {
        Col { head: Head::Msg(head), kind: Kind::Text, class: "", note: None }
    }
    pub fn num(head: Msg) -> Col {
        Col { head: Head::Msg(head), kind: Kind::Num, class: "", note: None }
    }
    pub fn name(head: Msg) -> Col {
        Col { head: Head::Msg(head), kind: Kind::Name, class: "", note: None }
    }
    /// A column whose head is a run-time text.
    pub fn titled(head: String, kind: Kind) -> Col {
        Col { head: Head::Text(head), kind, class: "", note: None }
    }
    /// A column with no head and nothing to export (row actions).
    pub fn action() -> Col {
        Col { head: Head::None, kind: Kind::Text, class: "act", note: None }
    }
    pub fn class(mut self, class: &'static str) -> Col {
        self.class = class;
        self
    }
    pub fn note(mut self, note: Msg) -> Col {
        self.note = Some(note);
        self
    }
}

/// A button in a cell, e.g. "contact done". The handler is a plain shared closure, so a row
/// can be cloned and rebuilt freely.
#[derive(Clone)]
pub struct CellButton {
    pub label: Msg,
    pub testid: &'static str,
    pub on_click: Arc<dyn Fn() + Send + Sync>,
}

/// Two buttons are the same when they say the same and do the same kind of thing; the handler
/// is rebuilt with its row.
impl PartialEq for CellButton {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label && self.testid == other.testid
    }
}

impl std::fmt::Debug for CellButton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CellButton({:?})", self.label)
    }
}

/// One cell: the text a reader sees, an optional second line, and for figures the plain value
/// that the CSV export writes and `data-value` carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub sub: Option<String>,
    /// The unrounded value of a figure: exported instead of the text, and (with `metric`)
    /// written to `data-value`.
    pub value: Option<f64>,
    /// The DOMAIN.md §8 key of a headline figure shown in this cell.
    pub metric: Option<String>,
    /// Extra classes, e.g. "late" or "band-red".
    pub class: String,
    pub button: Option<CellButton>,
    /// A hover explanation (`title`), e.g. why a cell is empty.
    pub title: Option<String>,
    /// The cell's `data-testid`, for a test that reads one figure (a total).
    pub testid: &'static str,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), ..Cell::default() }
    }
    /// A figure: `text` as the reader reads it, `value` as exported.
    pub fn figure(text: impl Into<String>, value: f64) -> Cell {
        Cell { text: text.into(), value: value.is_finite().then_some(value), ..Cell::default() }
    }
    /// A whole count, written the same way shown and exported.
    pub fn count(n: usize) -> Cell {
        Cell::figure(crate::i18n::fmt_count(n), n as f64)
    }
    /// A fraction shown as a percentage ("—" when not computed), exported as the fraction.
    pub fn percent(fraction: Option<f64>) -> Cell {
        Cell::figure(crate::i18n::fmt_percent(fraction), fraction.unwrap_or(f64::NAN))
    }
    /// The cell's second line (`Cell::text(name).sub(owner)`); not arithmetic.
    #[allow(clippy::should_implement_trait)]
    pub fn sub(mut self, sub: impl Into<String>) -> Cell {
        let sub = sub.into();
        self.sub = (!sub.is_empty()).then_some(sub);
        self
    }
    pub fn class(mut self, class: impl Into<String>) -> Cell {
        self.class = class.into();
        self
    }
    pub fn metric(mut self, key: impl Into<String>, value: Option<f64>) -> Cell {
        self.metric = Some(key.into());
        self.value = value.filter(|v| v.is_finite());
        self
    }
    pub fn button(mut self, button: CellButton) -> Cell {
        self.button = Some(button);
        self
    }
    pub fn title(mut self, title: impl Into<String>) -> Cell {
        let title = title.into();
        self.title = (!title.is_empty()).then_some(title);
        self
    }
    pub fn testid(mut self, testid: &'static str) -> Cell {
        self.testid = testid;
        self
    }
    /// The cell as the CSV export writes it.
    fn export(&self) -> String {
        match self.value {
            Some(v) => format!("{v}"),
            None => match &self.sub {
                Some(sub) if !self.text.is_empty() => format!("{} · {sub}", self.text),
                Some(sub) => sub.clone(),
                None => self.text.clone(),
            },
        }
    }
}

/// One row, with a key that stays with the record it shows (an account id, a month).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub key: String,
    pub cells: Vec<Cell>,
    pub class: String,
    /// The row's `data-testid`, for tests that count or pick rows.
    pub testid: &'static str,
}

impl Row {
    pub fn new(key: impl Into<String>, cells: Vec<Cell>) -> Row {
        Row { key: key.into(), cells, class: String::new(), testid: "" }
    }
    pub fn testid(mut self, testid: &'static str) -> Row {
        self.testid = testid;
        self
    }
    pub fn class(mut self, class: impl Into<String>) -> Row {
        self.class = class.into();
        self
    }
    /// Changes whenever what the row shows changes, so a keyed list redraws a row whose key
    /// stayed but whose figures moved.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.key.hash(&mut h);
        self.class.hash(&mut h);
        for c in &self.cells {
            c.text.hash(&mut h);
            c.sub.hash(&mut h);
            c.class.hash(&mut h);
            c.title.hash(&mut h);
            c.value.map(f64::to_bits).hash(&mut h);
        }
        h.finish()
    }
}

/// The column a sortable table's rows are in the order of, and which way. The page sorts its
/// rows; the table draws the heads as buttons and says the order (`aria-sort`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sorted {
    pub col: usize,
    pub descending: bool,
}

/// The rows in view: a page of `size` rows, or every row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub size: usize,
    pub page: usize,
    pub all: bool,
}

impl Paging {
    pub fn new(size: usize) -> Paging {
        Paging { size: size.max(1), page: 0, all: false }
    }
    /// How many pages `total` rows make (at least one).
    pub fn pages(&self, total: usize) -> usize {
        total.div_ceil(self.size).max(1)
    }
    /// The half-open range of rows in view, with the page clamped to the last one (a list that
    /// shrank under the reader shows its last page, not nothing).
    pub fn range(&self, total: usize) -> std::ops::Range<usize> {
        if self.all {
            return 0..total;
        }
        let page = self.page.min(self.pages(total) - 1);
        let start = page * self.size;
        start..(start + self.size).min(total)
    }
    pub fn current(&self, total: usize) -> usize {
        self.page.min(self.pages(total) - 1)
    }
}

/// The CSV of every row (not only the page in view): UTF-8 with a byte-order mark so Excel
/// opens Chinese text, CRLF line ends, formula-looking cells guarded. Columns without a head
/// (actions) are left out.
pub fn to_csv(heads: &[String], cols: &[Col], rows: &[Row]) -> Vec<u8> {
    let keep: Vec<usize> = (0..cols.len()).filter(|&i| cols[i].head != Head::None).collect();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
    // Writing into a Vec cannot fail.
    let _ = w.write_record(keep.iter().map(|&i| neutralise(heads.get(i).map_or("", String::as_str))));
    for row in rows {
        let _ =
            w.write_record(keep.iter().map(|&i| neutralise(&row.cells.get(i).map(Cell::export).unwrap_or_default())));
    }
    let _ = w.flush();
    drop(w);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_row_once() {
        let p = Paging::new(25);
        assert_eq!(p.pages(0), 1);
        assert_eq!(p.pages(25), 1);
        assert_eq!(p.pages(26), 2);
        assert_eq!(p.pages(179), 8);
        assert_eq!(p.range(179), 0..25);
        let last = Paging { page: 7, ..p };
        assert_eq!(last.range(179), 175..179);
        assert_eq!(Paging { all: true, ..p }.range(179), 0..179);
        assert_eq!(p.range(0), 0..0);
    }

    #[test]
    fn a_list_that_shrinks_shows_its_last_page() {
        let p = Paging { page: 7, ..Paging::new(25) };
        assert_eq!(p.range(30), 25..30);
        assert_eq!(p.current(30), 1);
        assert_eq!(p.range(3), 0..3);
    }

    #[test]
    fn csv_has_every_row_figures_unrounded_and_no_action_column() {
        let cols = vec![Col::name(Msg::AppName), Col::num(Msg::AppName), Col::action()];
        let heads = vec!["Account".to_string(), "ARR".to_string(), String::new()];
        let rows: Vec<Row> = (0..30)
            .map(|i| {
                Row::new(
                    format!("A{i}"),
                    vec![Cell::text(format!("Co {i}")), Cell::figure("$1.2K", 1234.5 + i as f64), Cell::text("x")],
                )
            })
            .collect();
        let csv = String::from_utf8(to_csv(&heads, &cols, &rows)).unwrap();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 31);
        assert_eq!(lines[0], "Account,ARR");
        assert_eq!(lines[1], "Co 0,1234.5");
        assert_eq!(lines[30], "Co 29,1263.5");
    }

    #[test]
    fn csv_guards_formulas_and_joins_second_lines() {
        let cols = vec![Col::text(Msg::AppName)];
        let rows =
            vec![Row::new("1", vec![Cell::text("=SUM(A1)")]), Row::new("2", vec![Cell::text("Acme").sub("Li, Wei")])];
        let csv = String::from_utf8(to_csv(&["Name".into()], &cols, &rows)).unwrap();
        assert!(csv.contains("'=SUM(A1)"), "{csv}");
        assert!(csv.contains("\"Acme · Li, Wei\""), "{csv}");
    }

    #[test]
    fn percent_cells_show_a_percentage_and_export_the_fraction() {
        let cols = vec![Col::num(Msg::AppName)];
        let rows = vec![Row::new("a", vec![Cell::percent(Some(0.8567))]), Row::new("b", vec![Cell::percent(None)])];
        assert_eq!(rows[0].cells[0].text, "85.7%");
        let csv = String::from_utf8(to_csv(&["Rate".into()], &cols, &rows)).unwrap();
        assert_eq!(csv.trim_start_matches('\u{feff}'), "Rate\r\n0.8567\r\n—\r\n");
    }

    #[test]
    fn fingerprint_follows_the_content() {
        let a = Row::new("k", vec![Cell::figure("1", 1.0)]);
        let b = Row::new("k", vec![Cell::figure("2", 2.0)]);
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint(), a.clone().fingerprint());
        let explained = Row::new("k", vec![Cell::figure("1", 1.0).title("not reached yet")]);
        assert_ne!(a.fingerprint(), explained.fingerprint());
    }
}
