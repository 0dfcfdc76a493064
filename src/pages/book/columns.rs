//! The table's columns, and which of them the person chose to see (kept in localStorage).

use serde::{Deserialize, Serialize};

use crate::domain::book_query::SortKey;
use crate::i18n::Msg;
use crate::state::storage;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    Name,
    Id,
    Owner,
    Industry,
    Region,
    Tier,
    Stage,
    Arr,
    Health,
    End,
    LastTouch,
    GoLive,
    Fit,
    Activity,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::Name,
        Column::Id,
        Column::Owner,
        Column::Industry,
        Column::Region,
        Column::Tier,
        Column::Stage,
        Column::Arr,
        Column::Health,
        Column::End,
        Column::LastTouch,
        Column::GoLive,
        Column::Fit,
        Column::Activity,
    ];
    pub const DEFAULT: [Column; 8] = [
        Column::Name,
        Column::Owner,
        Column::Tier,
        Column::Stage,
        Column::Arr,
        Column::Health,
        Column::End,
        Column::Industry,
    ];

    pub fn label(self) -> Msg {
        match self {
            Column::Name => Msg::ColName,
            Column::Id => Msg::ColId,
            Column::Owner => Msg::ColOwner,
            Column::Industry => Msg::ColIndustry,
            Column::Region => Msg::ColRegion,
            Column::Tier => Msg::ColTier,
            Column::Stage => Msg::ColStage,
            Column::Arr => Msg::ColArr,
            Column::Health => Msg::ColHealth,
            Column::End => Msg::ColEnd,
            Column::LastTouch => Msg::ColLastTouch,
            Column::GoLive => Msg::ColGoLive,
            Column::Fit => Msg::ColFit,
            Column::Activity => Msg::ColActivity,
        }
    }

    /// The sort key of the column; `None` for columns that do not sort.
    pub fn sort_key(self) -> Option<SortKey> {
        Some(match self {
            Column::Name => SortKey::Name,
            Column::Id => SortKey::Id,
            Column::Owner => SortKey::Owner,
            Column::Industry => SortKey::Industry,
            Column::Region => SortKey::Region,
            Column::Tier => SortKey::Tier,
            Column::Stage => SortKey::Stage,
            Column::Arr => SortKey::Arr,
            Column::Health => SortKey::Health,
            Column::End => SortKey::End,
            Column::LastTouch => SortKey::LastTouch,
            Column::GoLive | Column::Fit | Column::Activity => return None,
        })
    }

    pub fn numeric(self) -> bool {
        matches!(self, Column::Arr | Column::Health | Column::Fit | Column::Activity)
    }
}

pub fn load() -> Vec<Column> {
    match storage::load_columns::<Vec<Column>>() {
        // The name column is how a row is opened: it is always there.
        Some(cols) if cols.contains(&Column::Name) => cols,
        _ => Column::DEFAULT.to_vec(),
    }
}

pub fn save(columns: &[Column]) {
    storage::save_columns(columns);
}
