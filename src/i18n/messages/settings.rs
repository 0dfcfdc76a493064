//! The Settings page.

macro_rules! settings_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            SettingsAsOfHelp => "所有与日期有关的指标都按这一天计算。留空表示今天。", "Every date-dependent figure is computed as of this date. Leave empty for today.";
            SettingsCurrencyHelp => "只改变显示的符号，不做汇率换算。", "Changes the symbol shown; no conversion.";
            SettingsToday => "使用今天", "Use today";
            SettingsInvalidDate => "日期格式应为 YYYY-MM-DD，例如 2025-03-31。", "Write the date as YYYY-MM-DD, e.g. 2025-03-31.";
        } { $($tpl)*
        } }
    };
}
