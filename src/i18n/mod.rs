//! Every visible string, in zh-CN and en, through one mechanism: `t(lang, Msg::X)`.
//!
//! Messages are declared once in `messages.rs` with both languages side by side; a missing
//! language is a compile error and an empty or wrong-script text fails a native test.

mod format;
mod labels;
mod messages;
mod team_labels;

pub use format::{fmt_count, fmt_money, fmt_number, fmt_percent};
pub use labels::{band_label, fill, stage_label, tier_name, value_error_msg};
pub use messages::Msg;
pub use team_labels::{
    dimension_label, load_band_class, load_band_label, preset_label, reason_text, role_from_key, role_key, role_label,
    ROLES,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
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
        assert!(missing.is_empty(), "untranslated messages:\n{}", missing.join("\n"));
    }

    /// A message no code shows is a string translators maintain for nothing.
    #[test]
    fn every_message_is_used_somewhere() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("messages.rs") {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut src = String::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut src);
        let unused: Vec<String> = Msg::ALL
            .iter()
            .map(|m| format!("{m:?}"))
            .filter(|name| {
                let needle = format!("Msg::{name}");
                !src.match_indices(&needle)
                    .any(|(i, _)| !src[i + needle.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            })
            .collect();
        assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    }

    #[test]
    fn keys_are_unique() {
        let mut names: Vec<String> = Msg::ALL.iter().map(|m| format!("{m:?}")).collect();
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
