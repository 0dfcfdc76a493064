//! Laying out a chart at the width it is shown at: text widths (estimated, there are no font
//! metrics in a pure function), titles that wrap, legends that flow into rows, and value labels
//! that step aside rather than overlap.

use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::{self, font};

/// The narrowest a chart is ever drawn; a chart that needs more says so with its own minimum.
pub const MIN_WIDTH: u32 = 280;
/// The width a chart is drawn at for a download or a print.
pub const DOWNLOAD_WIDTH: u32 = 720;

/// The width of one character in ems, on the generous side of common UI fonts (DejaVu Sans,
/// Segoe UI, San Francisco), so a label estimated to fit does fit.
fn char_em(c: char) -> f64 {
    match c {
        // CJK, kana, Hangul, full-width forms.
        '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
        ' ' => 0.32,
        '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'j' | 'l' | 'I' => 0.32,
        '(' | ')' | '[' | ']' | 'f' | 'r' | 't' | '-' | '/' => 0.42,
        'M' | 'W' | 'm' | 'w' | '%' | '@' => 0.92,
        '0'..='9' => 0.64,
        'A'..='Z' | '$' | '¥' | '€' | '£' | '+' | '−' | '×' | '=' | '~' | '#' | '&' => 0.72,
        _ => 0.62,
    }
}

/// The estimated width of `text` drawn at `px` pixels.
pub fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * px
}

/// `text` cut with an ellipsis to fit `max` pixels at `px`.
pub fn fit(text: &str, px: f64, max: f64) -> String {
    if text_width(text, px) <= max {
        return text.to_string();
    }
    let budget = max - text_width("…", px);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += char_em(c) * px;
        if used > budget {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Breaks `text` into lines no wider than `max` pixels at `px`: at spaces, or between any two
/// CJK characters. At most `max_lines`; the last is cut with an ellipsis if text is left over.
pub fn wrap(text: &str, px: f64, max: f64, max_lines: usize) -> Vec<String> {
    // Units that may not be split: a word with the spaces before it, or one CJK character.
    let mut units: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let cjk = char_em(c) >= 1.0;
        if c == ' ' || cjk {
            if !current.trim().is_empty() {
                units.push(std::mem::take(&mut current));
            }
            if cjk {
                current.push(c);
                units.push(std::mem::take(&mut current));
                continue;
            }
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        units.push(current);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for unit in units {
        let candidate = format!("{line}{unit}");
        if line.is_empty() || text_width(candidate.trim(), px) <= max {
            line = candidate;
        } else {
            lines.push(line.trim().to_string());
            line = unit.trim_start().to_string();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim().to_string());
    }
    if lines.len() > max_lines.max(1) {
        let rest = lines.split_off(max_lines.max(1) - 1).join(" ");
        lines.push(rest);
    }
    lines.into_iter().map(|l| fit(&l, px, max)).collect()
}

/// A chart's title: one line at full size when it fits, else up to three smaller lines.
pub struct Title {
    px: f64,
    lines: Vec<String>,
}

const TITLE_TOP: f64 = 10.0;
const TITLE_GAP: f64 = 8.0;

impl Title {
    pub fn new(text: &str, width: u32) -> Title {
        let max = f64::from(width) - 24.0;
        if text.trim().is_empty() {
            return Title { px: theme::TITLE_PX, lines: Vec::new() };
        }
        if text_width(text, theme::TITLE_PX) <= max {
            return Title { px: theme::TITLE_PX, lines: vec![text.to_string()] };
        }
        let px = 15.0;
        let lines = wrap(text, px, max, 2);
        if lines.iter().all(|l| !l.ends_with('…')) {
            return Title { px, lines };
        }
        Title { px: theme::TITLE_MIN_PX, lines: wrap(text, theme::TITLE_MIN_PX, max, 3) }
    }

    fn line_height(&self) -> f64 {
        (self.px * 1.3).round()
    }

    /// Pixels the title takes at the top, its margins included.
    pub fn height(&self) -> u32 {
        if self.lines.is_empty() {
            return TITLE_TOP as u32;
        }
        (TITLE_TOP + self.lines.len() as f64 * self.line_height() + TITLE_GAP) as u32
    }

    /// Draws the title centred at the top of `area`; returns the area under it.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, _) = area.dim_in_pixel();
        let style = font(self.px).color(&theme::INK).pos(Pos::new(HPos::Center, VPos::Top));
        for (i, line) in self.lines.iter().enumerate() {
            let y = TITLE_TOP + i as f64 * self.line_height();
            area.draw(&Text::new(line.clone(), (w as i32 / 2, y as i32), style.clone()))?;
        }
        Ok(area.split_vertically(self.height()).1)
    }
}

/// What a legend entry shows beside its name.
#[derive(Clone, Copy)]
pub enum Swatch {
    /// A filled square: bars.
    Block(RGBColor),
    /// A line with a round marker: a measured series.
    Line(RGBColor),
    /// A dashed line: capacity.
    Dashed(RGBColor),
    /// A triangle: the openings on the capacity chart.
    Triangle(RGBColor),
}

pub struct LegendEntry {
    pub swatch: Swatch,
    pub text: String,
}

/// Entries flowed into centred rows no wider than the chart.
pub struct Legend {
    entries: Vec<LegendEntry>,
    rows: Vec<Vec<usize>>,
    width: u32,
    text_max: f64,
}

pub const LEGEND_ROW: u32 = 22;
pub const LEGEND_PAD: u32 = 6;
const SWATCH: i32 = 22;
const SWATCH_GAP: i32 = 6;
const ENTRY_GAP: f64 = 16.0;

impl Legend {
    pub fn new(entries: Vec<LegendEntry>, width: u32) -> Legend {
        let avail = f64::from(width) - 24.0;
        let text_max = (avail - f64::from(SWATCH + SWATCH_GAP)).max(40.0);
        let mut legend = Legend { entries, rows: Vec::new(), width, text_max };
        let mut used = 0.0;
        for i in 0..legend.entries.len() {
            let w = legend.entry_width(i);
            match legend.rows.last_mut() {
                Some(row) if used + ENTRY_GAP + w <= avail => {
                    row.push(i);
                    used += ENTRY_GAP + w;
                }
                _ => {
                    legend.rows.push(vec![i]);
                    used = w;
                }
            }
        }
        legend
    }

    fn text(&self, i: usize) -> String {
        fit(&self.entries[i].text, theme::LABEL_PX, self.text_max)
    }

    fn entry_width(&self, i: usize) -> f64 {
        f64::from(SWATCH + SWATCH_GAP) + text_width(&self.text(i), theme::LABEL_PX)
    }

    #[cfg(test)]
    fn rows(&self) -> usize {
        self.rows.len()
    }

    /// Pixels the legend takes; none without entries.
    pub fn height(&self) -> u32 {
        if self.rows.is_empty() {
            0
        } else {
            self.rows.len() as u32 * LEGEND_ROW + LEGEND_PAD
        }
    }

    /// Draws the rows at the top of `area`; returns the area under them.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
        let style = font(theme::LABEL_PX).color(&theme::INK).pos(Pos::new(HPos::Left, VPos::Center));
        for (r, row) in self.rows.iter().enumerate() {
            let y = (r as u32 * LEGEND_ROW + LEGEND_ROW / 2) as i32;
            let total: f64 =
                row.iter().map(|&i| self.entry_width(i)).sum::<f64>() + ENTRY_GAP * (row.len() as f64 - 1.0);
            let mut x = ((f64::from(self.width) - total) / 2.0).max(8.0) as i32;
            for &i in row {
                match self.entries[i].swatch {
                    Swatch::Block(color) => {
                        area.draw(&Rectangle::new([(x + 5, y - 6), (x + 17, y + 6)], color.filled()))?;
                    }
                    Swatch::Line(color) => {
                        area.draw(&PathElement::new(vec![(x, y), (x + SWATCH, y)], color.stroke_width(2)))?;
                        area.draw(&Circle::new((x + SWATCH / 2, y), 3, color.filled()))?;
                    }
                    Swatch::Dashed(color) => {
                        for (a, b) in [(0, 6), (9, 15), (18, SWATCH)] {
                            area.draw(&PathElement::new(vec![(x + a, y), (x + b, y)], color.stroke_width(2)))?;
                        }
                    }
                    Swatch::Triangle(color) => {
                        let (cx, cy) = (x + SWATCH / 2, y + 4);
                        area.draw(&Polygon::new(vec![(cx, cy - 10), (cx - 6, cy), (cx + 6, cy)], color.filled()))?;
                    }
                }
                area.draw(&Text::new(self.text(i), (x + SWATCH + SWATCH_GAP, y), style.clone()))?;
                x += self.entry_width(i).round() as i32 + ENTRY_GAP as i32;
            }
        }
        Ok(area.split_vertically(self.height()).1)
    }
}

/// A box in pixels: left, top, right, bottom.
pub type PxRect = (f64, f64, f64, f64);

fn overlaps(a: PxRect, b: PxRect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Places value labels so that none covers another (or a bar it was told about): a label that
/// would overlap moves up a line, twice at most, and is left out if it still does.
#[derive(Default)]
pub struct Placer {
    taken: Vec<PxRect>,
}

impl Placer {
    /// Something labels must keep clear of (a bar).
    pub fn block(&mut self, r: PxRect) {
        self.taken.push(r);
    }

    /// Where a label `w` × `h` centred on `x` with its bottom at `bottom` can go: the bottom to
    /// draw it at, or `None`. `top_limit` is the highest its top may reach.
    pub fn above(&mut self, x: f64, bottom: f64, w: f64, h: f64, top_limit: f64) -> Option<f64> {
        for step in 0..3 {
            let b = bottom - step as f64 * (h + 1.0);
            let r = (x - w / 2.0 - 1.0, b - h, x + w / 2.0 + 1.0, b);
            if r.1 < top_limit {
                return None;
            }
            if !self.taken.iter().any(|t| overlaps(*t, r)) {
                self.taken.push(r);
                return Some(b);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_cjk_is_wider() {
        assert!(text_width("ARR", 13.0) < text_width("ARR by tier", 13.0));
        assert!(text_width("客户", 13.0) > text_width("ab", 13.0));
        assert_eq!(text_width("", 13.0), 0.0);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("Retail", 13.0, 200.0), "Retail");
        let cut = fit("A very long industry name indeed", 13.0, 90.0);
        assert!(cut.ends_with('…') && text_width(&cut, 13.0) <= 90.0, "{cut}");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_between_cjk() {
        let lines = wrap("Required vs available capacity over the horizon", 15.0, 200.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 15.0) <= 200.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Required vs available capacity over the horizon");
        let zh = wrap("各层级客户数占比与 ARR 占比对照图表", 15.0, 120.0, 3);
        assert!(zh.len() >= 2 && zh.iter().all(|l| text_width(l, 15.0) <= 120.0), "{zh:?}");
        let short = wrap("one two three four five six seven", 15.0, 60.0, 2);
        assert_eq!(short.len(), 2);
        assert!(short[1].ends_with('…'));
    }

    #[test]
    fn legends_flow_into_rows() {
        let entries = |n: usize| {
            (0..n)
                .map(|i| LegendEntry { swatch: Swatch::Block(theme::series_color(i)), text: format!("Series {i}") })
                .collect()
        };
        assert_eq!(Legend::new(entries(3), 720).rows(), 1);
        assert!(Legend::new(entries(6), 300).rows() >= 3);
        assert_eq!(Legend::new(Vec::new(), 300).height(), 0);
    }

    #[test]
    fn labels_step_aside_or_are_left_out() {
        let mut p = Placer::default();
        assert_eq!(p.above(100.0, 200.0, 40.0, 14.0, 0.0), Some(200.0));
        // The same spot again: one line up.
        assert_eq!(p.above(110.0, 200.0, 40.0, 14.0, 0.0), Some(185.0));
        // No room above the limit.
        assert_eq!(p.above(105.0, 200.0, 40.0, 14.0, 180.0), None);
    }
}
