//! Why a typed value is refused: form-field errors and the value reasons shared with import rows.

macro_rules! fields_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            ErrRequired => "必填。", "Required.";
            ErrNotPercent => "应在 0 到 100 之间。", "Must be between 0 and 100.";
            ErrNegative => "不能为负数。", "Cannot be negative.";
            ErrNotANumber => "不是有效的数字。", "Not a number.";
            ErrNotWhole => "应为不小于 0 的整数。", "Must be a whole number, 0 or more.";
            ErrNotADate => "日期格式应为 YYYY-MM-DD。", "Write the date as YYYY-MM-DD.";
            ErrDateRequired => "请填写日期。", "Needs a date.";

            ReasonRequired => "不能为空", "cannot be empty";
            ReasonNotANumber => "不是有效的金额或数字（可写作 12000、12,000.50、¥12,000、1.2万、1.5M）", "not a valid number (write it like 12000, 12,000.50, $12,000, 15k or 1.5M)";
            ReasonNegative => "不能为负数", "cannot be negative";
            ReasonTooLarge => "数值过大", "is too large";
            ReasonNotAnInteger => "必须是整数", "must be a whole number";
            ReasonOutOfRange => "必须在 0 到 100 之间", "must be between 0 and 100";
            ReasonNotADate => "不是有效的日期（可写作 2025-03-05、2025/3/5、2025.3.5 或 2025年3月5日）", "not a valid date (write it like 2025-03-05, 2025/3/5 or 2025.3.5)";
            ReasonYearOutOfRange => "年份应在 1900 到 2100 之间，可能是笔误", "the year must be between 1900 and 2100; likely a typo";
            FieldNotAPercent => "请输入百分比，例如 15 或 15%", "enter a percentage, e.g. 15 or 15%";
            ReasonNoSuchDate => "日历上没有这一天", "no such day in the calendar";
            ReasonSerialOutOfRange => "不是有效的 Excel 日期序号", "not a valid Excel date number";
        } { $($tpl)*
            ErrTooLong { max } => "最多 {max} 个字符。", "At most {max} characters.";
            ReasonTooLong { max } => "不能超过 {max} 个字符", "cannot be longer than {max} characters";
            ReasonAtLeast { min } => "不能小于 {min}", "must be at least {min}";
            ReasonAtMost { max } => "不能大于 {max}", "must be at most {max}";
        } }
    };
}
