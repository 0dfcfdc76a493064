//! The whole app state as one JSON file: book, settings and scenarios.
//!
//! Settings and scenarios are kept as JSON values: their types belong to other layers and
//! change with them, and a backup must still restore what it can read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::Book;

/// Marks the file as ours, so a random JSON file is refused rather than half-read.
pub const FORMAT: &str = "cs-planner-backup";
/// Raise when the layout changes in a way older versions cannot read.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema_version: u32,
    pub exported_at: DateTime<Utc>,
    pub book: Book,
    #[serde(default)]
    pub settings: Value,
    #[serde(default)]
    pub scenarios: Value,
}

impl Backup {
    pub fn new(exported_at: DateTime<Utc>, book: Book, settings: Value, scenarios: Value) -> Self {
        Backup { format: FORMAT.to_string(), schema_version: SCHEMA_VERSION, exported_at, book, settings, scenarios }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    NotJson,
    /// Valid JSON, but not something this app wrote.
    NotOurs,
    /// Written by a newer version of the app.
    Newer {
        found: u64,
        supported: u32,
    },
    /// Ours and of a readable version, but a part does not have the expected shape.
    Damaged {
        detail: String,
    },
}

/// Pretty-printed, so a person can look inside a backup.
pub fn to_json(backup: &Backup) -> String {
    // Every part is plain data with string keys; serialising it cannot fail.
    serde_json::to_string_pretty(backup).unwrap_or_default()
}

pub fn from_json(text: &str) -> Result<Backup, BackupError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|_| BackupError::NotJson)?;
    let obj = value.as_object().ok_or(BackupError::NotOurs)?;
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotOurs);
    }
    let version = obj.get("schema_version").and_then(Value::as_u64).ok_or(BackupError::NotOurs)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(BackupError::Newer { found: version, supported: SCHEMA_VERSION });
    }
    serde_json::from_value(value).map_err(|e| BackupError::Damaged { detail: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Account, Outcome, Term};
    use chrono::NaiveDate;
    use serde_json::json;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sample() -> Backup {
        let book = Book {
            accounts: vec![Account {
                id: "a1".into(),
                name: "华东智造科技".into(),
                owner: "王芳".into(),
                fit: Some(80.0),
                go_live: Some(d("2023-03-01")),
                referrals: 1,
                terms: vec![
                    Term {
                        start: d("2023-01-01"),
                        end: d("2023-12-31"),
                        arr: 12_000.5,
                        outcome: Outcome::Renewed(d("2023-12-01")),
                    },
                    Term { start: d("2024-01-01"), end: d("2024-12-31"), arr: 15_000.0, outcome: Outcome::Open },
                ],
                ..Default::default()
            }],
        };
        let at = DateTime::parse_from_rfc3339("2025-06-01T08:30:00Z").unwrap().with_timezone(&Utc);
        Backup::new(at, book, json!({"lang": "zh-CN", "grace_days": 30}), json!([{"name": "Plan A"}]))
    }

    #[test]
    fn round_trip() {
        let b = sample();
        let text = to_json(&b);
        assert!(text.contains("\"schema_version\": 1"));
        assert!(text.contains("\"exported_at\": \"2025-06-01T08:30:00Z\""));
        assert_eq!(from_json(&text), Ok(b));
    }

    #[test]
    fn typed_refusals() {
        assert_eq!(from_json("name,arr\nAcme,1"), Err(BackupError::NotJson));
        assert_eq!(from_json(""), Err(BackupError::NotJson));
        assert_eq!(from_json("[1,2]"), Err(BackupError::NotOurs));
        assert_eq!(from_json(r#"{"accounts": []}"#), Err(BackupError::NotOurs));
        assert_eq!(from_json(r#"{"format": "cs-planner-backup"}"#), Err(BackupError::NotOurs));
        let newer = r#"{"format": "cs-planner-backup", "schema_version": 2, "book": {}}"#;
        assert_eq!(from_json(newer), Err(BackupError::Newer { found: 2, supported: 1 }));
        let damaged = r#"{"format": "cs-planner-backup", "schema_version": 1,
            "exported_at": "2025-06-01T08:30:00Z", "book": {"accounts": [{"id": 5}]}}"#;
        assert!(matches!(from_json(damaged), Err(BackupError::Damaged { .. })));
    }

    #[test]
    fn settings_and_scenarios_may_be_absent() {
        let text = r#"{"format": "cs-planner-backup", "schema_version": 1,
            "exported_at": "2025-06-01T08:30:00Z", "book": {"accounts": []}}"#;
        let b = from_json(text).unwrap();
        assert_eq!((b.settings, b.scenarios, b.book), (Value::Null, Value::Null, Book::default()));
    }
}
