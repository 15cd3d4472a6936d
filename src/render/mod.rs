//! Rendering for people and tools: an [`Update`] as Markdown (chat and docs), one
//! self-contained HTML page (email, browser, print; no script) or plain text (email bodies),
//! and the roadmap timeline drawn as SVG. Every user-written string is escaped here, once.
//! The narrative marks user text inside its sentences ([`crate::narrative::user`]): HTML
//! isolates each piece in a `<bdi>`, the other formats drop the marks.

pub mod charts;
pub mod monthly_export;
pub mod quarterly_export;
pub mod release_chart;
pub mod timeline;
pub mod weekly_export;

use crate::narrative::{unmarked, Section, Update, USER_END, USER_START};
use crate::terminal;

/// Escapes text for HTML or XML (SVG): element content and quoted attribute values alike.
/// Control characters and direction overrides (old data may hold them) become visible
/// stand-ins ([`terminal::safe`]), so an override cannot reverse the sentence around it.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in terminal::safe(text).chars() {
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

/// Escapes a sentence of the narrative for HTML ([`escape_html`]) with each piece of user text
/// it marks in a `<bdi>`, so that right-to-left text cannot reverse the sentence around it.
pub fn sentence_html(text: &str) -> String {
    isolated(text, "<bdi>", "</bdi>")
}

/// Escapes a sentence of the narrative for the content of an SVG `<text>`, which has no
/// `<bdi>`: each piece of user text it marks goes in a `<tspan>` of class `cdn-user`, which
/// the SVG's style isolates ([`SVG_ISOLATE`]).
pub fn sentence_svg(text: &str) -> String {
    isolated(text, "<tspan class=\"cdn-user\">", "</tspan>")
}

/// The SVG style rule that isolates user text ([`sentence_svg`]) for direction.
pub const SVG_ISOLATE: &str = ".cdn-user{unicode-bidi:isolate}";

/// Escapes a sentence for plain text inside HTML or SVG (an SVG `<title>` tooltip, which
/// cannot hold elements): the marks of user text dropped.
pub fn sentence_plain(text: &str) -> String {
    escape_html(&unmarked(text))
}

/// [`escape_html`] on `text` with each piece of marked user text between `open` and `close`.
fn isolated(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find(USER_START) {
        out.push_str(&escape_html(&rest[..start]));
        let inner = &rest[start + USER_START.len_utf8()..];
        let end = inner.find(USER_END).unwrap_or(inner.len());
        out.push_str(open);
        out.push_str(&escape_html(&inner[..end]));
        out.push_str(close);
        rest = inner.get(end + USER_END.len_utf8()..).unwrap_or_default();
    }
    out.push_str(&escape_html(rest));
    out
}

/// Escapes text for Markdown so that it reads as written, and escapes nothing else: a
/// backslash shows when the text is pasted where Markdown is not rendered. Line breaks become
/// spaces and what a terminal would obey shows as a stand-in ([`plain_line`]). Escaped, per CommonMark: code spans, emphasis (`_` only where it can open or
/// close one: not inside a word), link and image openers, HTML tags and autolinks, entity
/// references, backslashes before punctuation, and at the start of the line a heading,
/// quote, list, thematic break or code fence marker.
pub fn escape_markdown(text: &str) -> String {
    let flat = plain_line(&unmarked(text));
    let chars: Vec<char> = flat.chars().collect();
    let mut out = String::with_capacity(flat.len() + 8);
    for (k, &c) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(k + 1).copied();
        let escape = match c {
            '`' | '*' | '[' => true,
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => entity_follows(&chars[k + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    if starts_a_block(&out) {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits)
        && out[digits..].starts_with(['.', ')'])
        && out[digits + 1..].chars().next().is_none_or(|c| c == ' ')
    {
        out.insert(digits, '\\');
    }
    out
}

/// Whether `rest` (what follows an `&`) makes an entity or numeric character reference.
fn entity_follows(rest: &[char]) -> bool {
    let body: Vec<char> = rest
        .iter()
        .copied()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !body.is_empty() && rest.get(body.len()) == Some(&';')
}

/// Whether a line beginning with `text` would open a block other than a paragraph: an ATX
/// heading, a block quote, a bullet list item, a thematic break or a fenced code block.
fn starts_a_block(text: &str) -> bool {
    let hashes = text.chars().take_while(|c| *c == '#').count();
    let after = |n: usize| text[n..].chars().next();
    let heading = (1..=6).contains(&hashes) && after(hashes).is_none_or(|c| c == ' ');
    let bullet = text.starts_with(['-', '+']) && after(1).is_none_or(|c| c == ' ');
    let rule = text.starts_with('-') && text.chars().all(|c| c == ' ' || c == '-');
    heading || bullet || rule || text.starts_with(['>', '~'])
}

/// An update as Markdown.
pub fn update_markdown(u: &Update) -> String {
    let mut s = format!("# {}\n", escape_markdown(&u.title));
    if !u.brief.shipped.is_empty() {
        s.push('\n');
        for (label, text) in u.brief.lines() {
            s.push_str(&format!("- **{label}:** {}\n", escape_markdown(text)));
        }
    }
    for p in &u.summary {
        s.push_str(&format!("\n{}\n", escape_markdown(p)));
    }
    for section in &u.sections {
        s.push_str(&format!("\n## {}\n", escape_markdown(&section.heading)));
        for p in &section.paragraphs {
            s.push_str(&format!("\n{}\n", escape_markdown(p)));
        }
        if !section.items.is_empty() {
            s.push('\n');
            for item in &section.items {
                s.push_str(&format!("- {}\n", escape_markdown(item)));
            }
        }
    }
    s
}

/// Text for the plain-text format: on one line (line breaks inside a field become spaces,
/// as in Markdown), without the marks of user text and with nothing a terminal would obey.
pub fn plain_line(text: &str) -> String {
    terminal::safe(&unmarked(text))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An update as plain text.
pub fn update_text(u: &Update) -> String {
    let underline = |text: &str, c: char| c.to_string().repeat(text.chars().count());
    let title = plain_line(&u.title);
    let mut s = format!("{title}\n{}\n", underline(&title, '='));
    if !u.brief.shipped.is_empty() {
        s.push('\n');
        for (label, text) in u.brief.lines() {
            s.push_str(&format!("{label}: {}\n", plain_line(text)));
        }
    }
    for p in &u.summary {
        s.push_str(&format!("\n{}\n", plain_line(p)));
    }
    for section in &u.sections {
        let heading = plain_line(&section.heading);
        s.push_str(&format!("\n{heading}\n{}\n", underline(&heading, '-')));
        for p in &section.paragraphs {
            s.push_str(&format!("{}\n", plain_line(p)));
        }
        for item in &section.items {
            s.push_str(&format!("- {}\n", plain_line(item)));
        }
    }
    s
}

/// One section as HTML; `figure` is markup the core drew itself (a chart), placed after the
/// paragraphs and before the list, and is the only text not escaped here.
pub fn section_html(section: &Section, figure: Option<&str>) -> String {
    let mut s = format!(
        "<section class=\"{}\">\n<h2>{}</h2>\n",
        escape_html(&section.key),
        escape_html(&section.heading)
    );
    for p in &section.paragraphs {
        s.push_str(&format!("<p>{}</p>\n", sentence_html(p)));
    }
    if let Some(f) = figure {
        s.push_str(f);
        s.push('\n');
    }
    if !section.items.is_empty() {
        s.push_str("<ul>\n");
        for item in &section.items {
            s.push_str(&format!("<li>{}</li>\n", sentence_html(item)));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");
    s
}

/// The three lines at the top of an update as an HTML list (nothing when there are none).
pub fn brief_html(u: &Update) -> String {
    if u.brief.shipped.is_empty() {
        return String::new();
    }
    let mut s = String::from("<ul class=\"brief\">\n");
    for (label, text) in u.brief.lines() {
        s.push_str(&format!(
            "<li><strong>{}:</strong> {}</li>\n",
            escape_html(label),
            sentence_html(text)
        ));
    }
    s.push_str("</ul>\n");
    s
}

/// An update as one self-contained HTML page. `figure` is markup the core drew itself (the
/// roadmap timeline), placed after the summary; it is the only text not escaped here.
pub fn update_html(u: &Update, figure: Option<&str>) -> String {
    let mut body = format!("<h1>{}</h1>\n", escape_html(&u.title));
    body.push_str(&brief_html(u));
    for p in &u.summary {
        body.push_str(&format!("<p class=\"summary\">{}</p>\n", sentence_html(p)));
    }
    if let Some(f) = figure {
        body.push_str(f);
        body.push('\n');
    }
    for section in &u.sections {
        body.push_str(&section_html(section, None));
    }
    html_page(&u.title, &body)
}

const PAGE_STYLE: &str = "\
:root{color-scheme:light dark}\
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:62rem;\
margin:2rem auto;padding:0 1rem;color:#1b1d21;background:#fff}\
h1{font-size:1.5rem;margin:0 0 .8rem}\
h2{font-size:1.1rem;margin:1.6rem 0 .4rem;padding-bottom:.2rem;\
border-bottom:1px solid rgba(127,127,127,.35)}\
p{margin:.4rem 0}ul{padding-left:1.3rem;margin:.4rem 0}li{margin:.3rem 0}\
figure{margin:1.2rem 0}figcaption{font-size:.85rem;opacity:.75}\
@media (prefers-color-scheme:dark){body{color:#e6e7ea;background:#16181c}}\
@media print{@page{margin:15mm}body{margin:0;max-width:none;font-size:11pt;color:#000;\
background:#fff}h2{break-after:avoid}li,figure{break-inside:avoid}}";

/// Wraps trusted body markup in a complete page: inline CSS that prints on A4 and Letter and
/// follows dark mode, and a content policy that forbids script and remote content. The page
/// is also well-formed XML, so tools (and tests) can parse it strictly.
pub fn html_page(title: &str, body: &str) -> String {
    html_page_styled(title, "", body)
}

/// [`html_page`] with `style`, CSS of the core's own, added after the shared style (for
/// example a report's print page breaks).
pub fn html_page_styled(title: &str, style: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <title>{}</title>\n<style>{PAGE_STYLE}{style}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape_html(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<img src=x onerror="a('1')"> & </style>"#),
            "&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt; &amp; &lt;/style&gt;"
        );
    }

    #[test]
    fn markdown_reads_as_written() {
        assert_eq!(
            escape_markdown("*Billing* [v2](x)"),
            r"\*Billing\* \[v2](x)"
        );
        assert_eq!(escape_markdown("# not a heading"), r"\# not a heading");
        assert_eq!(escape_markdown("- not a list"), r"\- not a list");
        assert_eq!(escape_markdown("2. not a list"), r"2\. not a list");
        assert_eq!(escape_markdown("+"), r"\+");
        assert_eq!(escape_markdown("---"), r"\---");
        assert_eq!(escape_markdown("> quoted"), r"\> quoted");
        assert_eq!(escape_markdown("~~~ fence"), r"\~~~ fence");
        assert_eq!(escape_markdown("one\ntwo |x|"), "one two |x|");
        assert_eq!(escape_markdown("Billing v2 (Tomás)"), "Billing v2 (Tomás)");
        assert_eq!(
            escape_markdown("<b>x</b> & &amp; a<3"),
            r"\<b>x\</b> & \&amp; a<3"
        );
        assert_eq!(escape_markdown("_x_ snake_case"), r"\_x\_ snake_case");
        assert_eq!(escape_markdown(r"C:\dir \*"), r"C:\dir \\\*");
    }

    #[test]
    fn markdown_carries_nothing_a_terminal_obeys() {
        let old_data = "Billing\u{1b}[31m v2\u{7}\u{202e}gnipihs";
        let md = escape_markdown(old_data);
        assert!(!md.chars().any(|c| c.is_control()), "{md:?}");
        assert!(!md.contains('\u{202e}'), "{md:?}");
        assert_eq!(md, "Billing\u{241b}\\[31m v2\u{2407}\u{fffd}gnipihs");
    }

    #[test]
    fn markdown_escapes_only_what_changes_structure() {
        for plain in [
            "refresh-failed!",
            "Done! See ticket #12, ~3 days > 2 days | tables need two lines.",
            "-5 days, #1 priority, 2.5 weeks, 1) was",
            "Checkout [beta] done",
        ] {
            let want = plain.replace('[', r"\[");
            assert_eq!(escape_markdown(plain), want, "{plain}");
        }
    }
}
