//! Text bound for a terminal: whatever a workspace holds (old data may carry escape
//! sequences), nothing in it can move the cursor, recolour, retitle or reverse the screen.

use std::borrow::Cow;
use std::io::Write;

use serde::Serialize;

use crate::error::Result;
use crate::rules::is_direction_control;

/// Whether a terminal could act on `c`: a control character other than a line break or a
/// tab, or a direction override.
fn obeyed(c: char) -> bool {
    is_direction_control(c) || (c.is_control() && !matches!(c, '\n' | '\t'))
}

/// `text` with every control character but line breaks and tabs, and every direction
/// override, replaced by a visible stand-in: C0 controls by their control picture (ESC reads
/// `␛`), the others by `�`.
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(obeyed) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !obeyed(c) => c,
                '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                '\u{7F}' => '\u{2421}',
                _ => '\u{FFFD}',
            })
            .collect(),
    )
}

/// [`safe`] on one line: line breaks and tabs become spaces too (a table cell, a list entry).
pub fn safe_line(text: &str) -> String {
    safe(text).replace(['\n', '\t'], " ")
}

/// `text` on one line for a message: line breaks, tabs, other control characters and
/// direction overrides written as escapes (`\n`, `\u{1b}`), so a quoted value shows what it
/// holds.
pub fn escaped_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| obeyed(c) || matches!(c, '\n' | '\t')) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => "\\n".to_string(),
                '\t' => "\\t".to_string(),
                '\r' => "\\r".to_string(),
                c if obeyed(c) => format!("\\u{{{:x}}}", c as u32),
                c => c.to_string(),
            })
            .collect(),
    )
}

/// `value` as pretty JSON ending with a newline, with every character a terminal could act on
/// written as a `\uXXXX` escape (serde already escapes the C0 controls): the same data, safe
/// to print.
pub fn json_pretty(value: &impl Serialize) -> Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if obeyed(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    Ok(out)
}

/// A writer that passes text through [`safe`]: what the command line prints to its standard
/// output. Characters split across writes are held until complete.
pub struct SafeWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        SafeWriter {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let (text, rest) = match std::str::from_utf8(&self.pending) {
            Ok(text) => (text, self.pending.len()),
            Err(e) if e.error_len().is_none() => {
                let end = e.valid_up_to();
                (
                    std::str::from_utf8(&self.pending[..end]).expect("valid prefix"),
                    end,
                )
            }
            Err(_) => {
                // Not text: passed on as it is.
                self.inner.write_all(&self.pending)?;
                self.pending.clear();
                return Ok(buf.len());
            }
        };
        self.inner.write_all(safe(text).as_bytes())?;
        self.pending.drain(..rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            self.inner.write_all(&self.pending)?;
            self.pending.clear();
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_overrides_are_shown_not_obeyed() {
        assert_eq!(safe("plain\nnote"), "plain\nnote");
        assert_eq!(safe("\u{1b}[2J\u{7}x\r"), "␛[2J␇x␍");
        assert_eq!(safe("a\u{202e}b\u{9b}c\u{7f}"), "a\u{FFFD}b\u{FFFD}c␡");
        assert_eq!(safe_line("two\nlines\tx"), "two lines x");
        assert_eq!(escaped_line("a\nb\u{1b}c\u{202e}"), r"a\nb\u{1b}c\u{202e}");
    }

    #[test]
    fn json_keeps_the_data_and_escapes_what_a_terminal_obeys() {
        let text = json_pretty(&["a\u{202e}b\u{1b}c\u{85}"]).unwrap();
        assert_eq!(text, "[\n  \"a\\u202eb\\u001bc\\u0085\"\n]\n");
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ["a\u{202e}b\u{1b}c\u{85}"]);
    }

    #[test]
    fn the_writer_cleans_characters_split_across_writes() {
        let mut w = SafeWriter::new(Vec::new());
        let bytes = "x\u{202e}y\u{1b}é".as_bytes();
        for b in bytes {
            w.write_all(std::slice::from_ref(b)).unwrap();
        }
        w.flush().unwrap();
        assert_eq!(String::from_utf8(w.inner).unwrap(), "x\u{FFFD}y␛é");
    }
}
