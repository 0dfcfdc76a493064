//! Small pieces the Segments sections share: scores, the message of a form problem.

use crate::forms::Problem;
use crate::i18n::Msg;

/// Health or fit (0–100) with one decimal; "—" when not computed.
pub fn score(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let s = format!("{v:.1}");
            s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
        }
        _ => "—".into(),
    }
}

pub fn problem_msg(p: Problem) -> Msg {
    match p {
        Problem::Required => Msg::SegErrRequired,
        Problem::NotANumber => Msg::SegErrNotANumber,
        Problem::Negative => Msg::SegErrNegative,
        Problem::NotPositive => Msg::SegErrNotPositive,
        Problem::NotWholeDays => Msg::SegErrNotWholeDays,
        Problem::OutOfPercentRange => Msg::SegErrOutOfPercentRange,
        Problem::NotBelowPrevious => Msg::SegErrNotBelowPrevious,
        Problem::LastNotZero => Msg::SegErrLastNotZero,
        Problem::Unnamed => Msg::SegErrUnnamed,
        Problem::BandsOutOfOrder => Msg::SegErrBandsOutOfOrder,
        Problem::AllWeightsZero => Msg::SegErrAllWeightsZero,
    }
}
