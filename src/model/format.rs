//! The formats an update is exported in and kept as.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Markdown, for chat and docs.
    #[default]
    #[serde(rename = "md")]
    #[cfg_attr(feature = "cli", value(name = "md", alias = "markdown"))]
    Markdown,
    /// One self-contained HTML page.
    #[serde(rename = "html")]
    #[cfg_attr(feature = "cli", value(name = "html"))]
    Html,
    /// Plain text, for email bodies.
    #[serde(rename = "txt")]
    #[cfg_attr(feature = "cli", value(name = "txt", alias = "text"))]
    Text,
    /// The whole review as JSON, for automation.
    #[serde(rename = "json")]
    #[cfg_attr(feature = "cli", value(name = "json"))]
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: &'static [Format] =
        &[Format::Markdown, Format::Html, Format::Text, Format::Json];

    /// The format's word, also its file extension: `md`, `html`, `txt` or `json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Text => "txt",
            Format::Json => "json",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "txt" | "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            other => Err(Error::invalid(
                "format",
                format!(
                    "'{}' is not one of: md, html, txt, json",
                    crate::error::abridged(other)
                ),
            )),
        }
    }
}

/// Read as [`FromStr`](std::str::FromStr) reads it, so that a format outside the set is
/// refused naming the field and the formats wherever it arrives (an export, the app).
impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_their_words() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().unwrap(), *f);
        }
        assert_eq!("markdown".parse::<Format>().unwrap(), Format::Markdown);
        let err = "pdf".parse::<Format>().unwrap_err();
        assert_eq!(err.field(), Some("format"));
    }
}
