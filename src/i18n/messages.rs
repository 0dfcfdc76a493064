//! The message table: every key with its zh-CN and en text side by side, split by area into
//! `messages/*.rs` (one file per page or concern, `common.rs` for the shell and shared words).
//!
//! Each area file defines a macro that appends its entries to two accumulators (plain messages,
//! then templates) and hands them to the next area's macro; the last step declares the one
//! flat `Msg` enum and the one `Tpl` enum. So callers write `Msg::Key` whatever file the key
//! lives in, and a line without both languages does not compile.
//!
//! A plain message is `Key => "zh", "en";`. A message with slots is a template,
//! `Key { slot, other } => "第 {slot} 行…", "Line {slot} …";`: it becomes the variant
//! `Tpl::Key { slot: &str, other: &str }`, filled by `tr(lang, tpl)`, so a misspelt or missing
//! slot is a compile error. Native tests check that each text holds exactly its declared slots.
//!
//! To add a string, add a line to the area file of the page that shows it (or to `common.rs`
//! when several pages share it; no two keys may have the same pair of texts). To add an area,
//! add its file below and its macro to the list in the `collect!` call.

use super::Lang;

/// The last step: declares `Msg` and `Tpl` from the accumulated entries.
macro_rules! messages {
    (
        { $($key:ident => $zh:literal, $en:literal;)* }
        { $($tkey:ident { $($slot:ident),+ } => $tzh:literal, $ten:literal;)* }
    ) => {
        /// A message without slots: a label, a sentence, a button.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// (zh-CN, en)
            pub fn texts(self) -> (&'static str, &'static str) {
                match self { $(Msg::$key => ($zh, $en)),* }
            }
        }

        /// A message with named slots; each variant's fields are exactly its slots, so a
        /// misspelt or missing slot does not compile. Show it with `tr(lang, tpl)`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Tpl<'a> { $($tkey { $($slot: &'a str),+ }),* }

        impl Tpl<'_> {
            /// Every template as data (name, slots, texts), for the tests.
            pub const ALL: &'static [TplInfo] = &[
                $(TplInfo { name: stringify!($tkey), slots: &[$(stringify!($slot)),+], zh: $tzh, en: $ten }),*
            ];

            /// The text in `lang` with every slot filled in one pass.
            pub(super) fn fill(&self, lang: Lang) -> String {
                match *self {
                    $(Tpl::$tkey { $($slot),+ } => fill(pick(lang, $tzh, $ten), &[$((stringify!($slot), $slot)),+])),*
                }
            }
        }
    };
}

/// Runs the area macros in turn, each appending its entries, then `messages!`.
macro_rules! collect {
    ([] { $($msg:tt)* } { $($tpl:tt)* }) => {
        messages! { { $($msg)* } { $($tpl)* } }
    };
    ([$head:ident $($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        $head! { [$($next)*] { $($msg)* } { $($tpl)* } }
    };
}

#[macro_use]
mod common;
#[macro_use]
mod settings;
#[macro_use]
mod fields;
#[macro_use]
mod book;
#[macro_use]
mod import;
#[macro_use]
mod storage;
#[macro_use]
mod segments;
#[macro_use]
mod lifecycle;
#[macro_use]
mod renewals;
#[macro_use]
mod revenue;
#[macro_use]
mod capacity;
#[macro_use]
mod plan;
#[macro_use]
mod team;
#[macro_use]
mod board;

collect! {
    [
        common_messages settings_messages fields_messages book_messages import_messages storage_messages
        segments_messages lifecycle_messages renewals_messages revenue_messages capacity_messages
        plan_messages team_messages board_messages
    ]
    {} {}
}

/// A template as data: its name, its slot names and its (zh-CN, en) texts.
#[derive(Clone, Copy, Debug)]
pub struct TplInfo {
    pub name: &'static str,
    pub slots: &'static [&'static str],
    pub zh: &'static str,
    pub en: &'static str,
}

impl Msg {
    /// Keys whose Chinese text is legitimately not Chinese characters: a language name in its
    /// own script, a separator that is only punctuation.
    pub fn zh_may_be_latin(self) -> bool {
        matches!(self, Msg::LangEn | Msg::ReasonsJoin)
    }
    /// Keys whose English text is legitimately Chinese.
    pub fn en_may_be_cjk(self) -> bool {
        matches!(self, Msg::LangZh)
    }
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Fills `{slot}` placeholders in one pass, so a value that happens to contain `{line}` is
/// shown as written instead of being filled in again. A `{` that opens no known slot stays.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let key = &after[..close];
            args.iter().find(|(k, _)| *k == key).map(|(_, v)| (close, *v))
        });
        match hit {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_in_one_pass_and_leaves_others() {
        assert_eq!(fill("Showing {shown} of {total}", &[("shown", "3"), ("total", "10")]), "Showing 3 of 10");
        assert_eq!(fill("{n} {n} {x}", &[("n", "2")]), "2 2 {x}");
        // A value is never filled in again.
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "B")]), "{b} B");
        assert_eq!(fill("a {x} b {y} {z}", &[("x", "{y}"), ("y", "2")]), "a {y} b 2 {z}");
        assert_eq!(fill("{", &[]), "{");
        assert_eq!(fill("{n", &[("n", "1")]), "{n");
    }

    #[test]
    fn a_template_fills_its_own_slots() {
        let tpl = Tpl::RowWhole { line: "7", reason: "cannot be empty" };
        assert_eq!(tpl.fill(Lang::En), "Line 7: cannot be empty");
        assert_eq!(tpl.fill(Lang::Zh), "第 7 行：cannot be empty");
    }
}
