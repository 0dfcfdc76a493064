//! Money as the reader reads it: the settings' currency symbol, 万/亿 in Chinese and K/M/B in
//! English (`i18n::fmt_money`). One place formats amounts for every page; a table column
//! formats all its rows in one unit (`Money::column`).

use leptos::prelude::*;

use crate::i18n::{fmt_money, Lang, Scale};
use crate::state::AppState;

/// An amount in the current language and currency (tracks both).
pub fn money(state: AppState, amount: f64) -> String {
    state.settings.with(|s| fmt_money(state.lang.get(), amount, &s.currency))
}

/// Formats amounts in the settings' currency and the current language. It tracks the language
/// and the currency only: a view that shows money does not redraw when another setting (the
/// period, a rule) changes.
#[derive(Clone, Copy)]
pub struct Money {
    lang: RwSignal<Lang>,
    currency: Memo<String>,
}

impl Money {
    pub fn new(state: AppState) -> Self {
        Money { lang: state.lang, currency: state.currency }
    }

    pub fn fmt(&self, amount: f64) -> String {
        let lang = self.lang.get();
        self.currency.with(|c| fmt_money(lang, amount, c))
    }

    /// A formatter for one table column: every amount in the unit its typical amount needs.
    pub fn column(&self, amounts: impl IntoIterator<Item = f64>) -> MoneyColumn {
        MoneyColumn { scale: Scale::for_column(self.lang.get(), amounts), symbol: self.currency.get() }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MoneyColumn {
    scale: Scale,
    symbol: String,
}

impl MoneyColumn {
    pub fn fmt(&self, amount: f64) -> String {
        self.scale.money(amount, &self.symbol)
    }
}
