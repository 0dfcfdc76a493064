//! Finishing touches on plotters' SVG: an accessible title and a size that follows its box.

/// Gives the root `<svg>` a `role="img"`, an `aria-label` and a `<title>`, and drops its fixed
/// width and height so CSS sizes it (the viewBox keeps the proportions).
pub fn finish(svg: String, title: &str) -> String {
    let Some(open_end) = svg.find('>') else { return svg };
    let (head, rest) = svg.split_at(open_end);
    let head = drop_attr(&drop_attr(head, "width"), "height");
    let title = escape(title);
    format!(
        "{head} role=\"img\" aria-label=\"{title}\" preserveAspectRatio=\"xMidYMid meet\"><title>{title}</title>{}",
        &rest[1..]
    )
}

fn drop_attr(tag: &str, name: &str) -> String {
    let needle = format!(" {name}=\"");
    match tag.find(&needle) {
        Some(start) => {
            let value_start = start + needle.len();
            match tag[value_start..].find('"') {
                Some(len) => format!("{}{}", &tag[..start], &tag[value_start + len + 1..]),
                None => tag.to_string(),
            }
        }
        None => tag.to_string(),
    }
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
    fn root_gets_title_and_loses_fixed_size() {
        let svg = "<svg width=\"640\" height=\"360\" viewBox=\"0 0 640 360\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>".to_string();
        let out = finish(svg, "A < B");
        assert!(out.starts_with("<svg viewBox=\"0 0 640 360\""), "{out}");
        assert!(!out.contains("width=\"640\""));
        assert!(out.contains("<title>A &lt; B</title>"));
        assert!(out.contains("aria-label=\"A &lt; B\""));
        assert!(out.ends_with("<rect/></svg>"));
    }
}
