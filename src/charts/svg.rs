//! Finishing touches on plotters' SVG: an accessible title.
//!
//! The root keeps its width and height: a chart is drawn at the width it is shown at, so the
//! page shows it at exactly its size (one SVG pixel per CSS pixel, text at its drawn size); a
//! print style may still scale it through the viewBox.

/// Gives the root `<svg>` a `role="img"`, an `aria-label` and a `<title>`.
pub fn finish(svg: String, title: &str) -> String {
    let Some(open_end) = svg.find('>') else { return svg };
    let (head, rest) = svg.split_at(open_end);
    let title = escape(title);
    format!(
        "{head} role=\"img\" aria-label=\"{title}\" preserveAspectRatio=\"xMidYMid meet\"><title>{title}</title>{}",
        &rest[1..]
    )
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_gets_title_and_keeps_its_size() {
        let svg = "<svg width=\"640\" height=\"360\" viewBox=\"0 0 640 360\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>".to_string();
        let out = finish(svg, "A < B");
        assert!(out.starts_with("<svg width=\"640\" height=\"360\" viewBox=\"0 0 640 360\""), "{out}");
        assert!(out.contains("<title>A &lt; B</title>"));
        assert!(out.contains("aria-label=\"A &lt; B\""));
        assert!(out.ends_with("<rect/></svg>"));
    }
}
