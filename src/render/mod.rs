//! Rendering for people and tools: Markdown, HTML, plain text and JSON exports, and the
//! roadmap timeline drawn as SVG.

pub mod timeline;

/// Escapes text for HTML or XML (SVG): element content and quoted attribute values alike.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::escape_html(r#"<img src=x onerror="a('1')"> & </style>"#),
            "&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt; &amp; &lt;/style&gt;"
        );
    }
}
