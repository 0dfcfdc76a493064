//! Every visible string, in zh-CN and en, through one mechanism: `t(lang, Msg::X)` for a plain
//! message, `tr(lang, Tpl::X { slot: "…" })` for one with slots to fill.
//!
//! The table lives in `messages/`, one file per area (`common.rs` for the app shell and the
//! words several pages share; `book.rs`, `import.rs`, `segments.rs`, `capacity.rs`, `team.rs`…
//! for one page or concern each), with both languages side by side on every line.
//! `messages.rs` gathers the area files into one flat `Msg` enum and one `Tpl` enum, so callers
//! never name the area. A missing language, or a misspelt or missing slot, is a compile error;
//! the native tests below check the rest: each text in its script, each template's slots
//! present in both texts, no plain text with a slot, no two keys with the same pair of texts,
//! every key used somewhere, and each language's punctuation.
//!
//! `labels.rs` and `team_labels.rs` map the domain's named things to their keys; `format.rs`
//! writes numbers, money and percentages.

mod format;
mod labels;
mod messages;
mod team_labels;

pub use format::{fmt_count, fmt_money, fmt_number, fmt_percent, Scale};
pub use labels::{band_label, stage_label, tier_name, value_error_msg};
pub use messages::{Msg, Tpl, TplInfo};
pub use team_labels::{
    dimension_label, load_band_label, preset_label, reason_text, role_from_key, role_key, role_label, ROLES,
};

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "zh-CN" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// First visit: follow the browser's preferred languages; Chinese if any is `zh*`,
    /// English otherwise.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferred {
            let tag = tag.to_ascii_lowercase();
            if tag.starts_with("zh") {
                return Lang::Zh;
            }
            if tag.starts_with("en") {
                return Lang::En;
            }
        }
        Lang::En
    }
}

pub fn t(lang: Lang, msg: Msg) -> &'static str {
    let (zh, en) = msg.texts();
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A template's text in `lang` with its slots filled, in one pass: a value that itself holds
/// `{line}` is shown as written.
pub fn tr(lang: Lang, tpl: Tpl) -> String {
    tpl.fill(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// Every text of the table, plain and template: (key, zh-CN, en).
    fn all_texts() -> Vec<(String, &'static str, &'static str)> {
        let plain = Msg::ALL.iter().map(|m| (format!("{m:?}"), m.texts().0, m.texts().1));
        plain.chain(Tpl::ALL.iter().map(|t| (t.name.to_string(), t.zh, t.en))).collect()
    }

    /// The `{slot}` names a text holds, in order, repeats included.
    fn slots_in(text: &str) -> Vec<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n))
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect()
    }

    #[test]
    fn every_message_has_both_languages_in_their_script() {
        let mut missing = Vec::new();
        for msg in Msg::ALL {
            let (zh, en) = msg.texts();
            if zh.trim().is_empty() || !has_cjk(zh) && !msg.zh_may_be_latin() {
                missing.push(format!("{msg:?}: zh-CN missing or not Chinese: {zh:?}"));
            }
            if en.trim().is_empty() || has_cjk(en) && !msg.en_may_be_cjk() {
                missing.push(format!("{msg:?}: en missing or contains Chinese: {en:?}"));
            }
        }
        for tpl in Tpl::ALL {
            if !has_cjk(tpl.zh) {
                missing.push(format!("{}: zh-CN not Chinese: {:?}", tpl.name, tpl.zh));
            }
            if tpl.en.trim().is_empty() || has_cjk(tpl.en) {
                missing.push(format!("{}: en missing or contains Chinese: {:?}", tpl.name, tpl.en));
            }
        }
        assert!(missing.is_empty(), "untranslated messages:\n{}", missing.join("\n"));
    }

    /// A template's two texts hold exactly its declared slots, each at least once; a plain
    /// message holds none (it would be shown with the braces).
    #[test]
    fn templates_hold_exactly_their_slots() {
        let mut wrong = Vec::new();
        for tpl in Tpl::ALL {
            let mut declared = tpl.slots.to_vec();
            declared.sort_unstable();
            for (lang, text) in [("zh-CN", tpl.zh), ("en", tpl.en)] {
                let mut found = slots_in(text);
                found.sort_unstable();
                found.dedup();
                if found != declared {
                    wrong.push(format!("{} ({lang}): slots {found:?}, declared {declared:?}", tpl.name));
                }
            }
        }
        for msg in Msg::ALL {
            let (zh, en) = msg.texts();
            if !slots_in(zh).is_empty() || !slots_in(en).is_empty() {
                wrong.push(format!("{msg:?}: a plain message with a {{slot}}; declare it as a template"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// The same words twice under two keys drift apart when one is edited: a shared noun is one
    /// key (in `messages/common.rs`).
    #[test]
    fn no_two_keys_have_the_same_texts() {
        let mut seen = std::collections::HashMap::new();
        let mut twice = Vec::new();
        for (key, zh, en) in all_texts() {
            if let Some(first) = seen.insert((zh, en), key.clone()) {
                twice.push(format!("{first} and {key}: {zh:?}, {en:?}"));
            }
        }
        assert!(twice.is_empty(), "keys with the same texts:\n{}", twice.join("\n"));
    }

    /// Each language keeps its own punctuation.
    ///
    /// - English never holds Chinese or full-width punctuation: `，。；：！？（）、「」『』《》【】“”`
    ///   or the full-width space U+3000.
    /// - Chinese never uses an ASCII mark as a Chinese one. `(`, `)` and `:` must not touch a CJK
    ///   character (an ideograph, or CJK / full-width punctuation) on either side; `,` `;` `!` `?`
    ///   must not follow a CJK character directly, nor have a CJK character as the next
    ///   non-space character after them. So ASCII inside a Latin run stays allowed:
    ///   "YYYY-MM-DD", "12,000.50", "占比 (%)", "金额 (ARR)", "?asof=", "LTV/CAC".
    #[test]
    fn each_language_keeps_its_punctuation() {
        const FULL_WIDTH: &str = "，。；：！？（）、「」『』《》【】“”\u{3000}";
        fn cjk(c: char) -> bool {
            matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}' | '“' | '”')
        }
        let mut wrong = Vec::new();
        for (key, zh, en) in all_texts() {
            if let Some(c) = en.chars().find(|c| FULL_WIDTH.contains(*c)) {
                wrong.push(format!("{key} (en): {c:?} in {en:?}"));
            }
            let chars: Vec<char> = zh.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let next_word = chars[i + 1..].iter().copied().find(|c| *c != ' ');
                let bad = match c {
                    '(' | ')' | ':' => before.is_some_and(cjk) || after.is_some_and(cjk),
                    ',' | ';' | '!' | '?' => before.is_some_and(cjk) || next_word.is_some_and(cjk),
                    _ => false,
                };
                if bad {
                    wrong.push(format!("{key} (zh-CN): ASCII {c:?} beside Chinese in {zh:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "punctuation of the other language:\n{}", wrong.join("\n"));
    }

    /// A message no code shows is a string translators maintain for nothing: each `Msg::Name`
    /// and each `Tpl::Name` appears somewhere in `src/` outside the table itself.
    #[test]
    fn every_message_is_used_somewhere() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    if !path.ends_with("i18n/messages") {
                        sources(&path, out);
                    }
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/messages.rs") {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut src = String::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut src);
        let used = |needle: String| {
            src.match_indices(&needle)
                .any(|(i, _)| !src[i + needle.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        };
        let mut unused: Vec<String> =
            Msg::ALL.iter().map(|m| format!("{m:?}")).filter(|name| !used(format!("Msg::{name}"))).collect();
        unused.extend(Tpl::ALL.iter().filter(|t| !used(format!("Tpl::{}", t.name))).map(|t| t.name.to_string()));
        assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    }

    #[test]
    fn keys_are_unique() {
        let mut names: Vec<String> = all_texts().into_iter().map(|(key, _, _)| key).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
        assert!(n > 20, "the message table looks truncated: {n} keys");
    }

    #[test]
    fn browser_language_picks_first_supported() {
        assert_eq!(Lang::from_browser(["zh-TW", "en-US"]), Lang::Zh);
        assert_eq!(Lang::from_browser(["en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::from_browser(["fr-FR", "zh"]), Lang::Zh);
        assert_eq!(Lang::from_browser(["fr-FR"]), Lang::En);
        assert_eq!(Lang::from_browser([]), Lang::En);
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("de"), None);
    }
}
