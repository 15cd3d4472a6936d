//! Options whose field can be emptied (`--risk-level`, `--addresses`): one of a closed set of
//! words, or `none` to clear the field.

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::ValueEnum;

/// The word that clears the field.
const NONE: &str = "none";

/// An option's value: one of `T`'s words, or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrNone<T> {
    /// The field is set to this value.
    Is(T),
    /// The field is cleared.
    None,
}

impl<T> OrNone<T> {
    /// The value as the core takes it: the value, or `None` that clears the field.
    pub fn into_option(self) -> Option<T> {
        match self {
            OrNone::Is(v) => Some(v),
            OrNone::None => None,
        }
    }
}

/// Parses an [`OrNone`]: `T`'s words and `none`, which clap lists in the help, the
/// completions and the one-line error; the empty text, the spelling that cleared a field
/// before `none` existed, is a hidden alias of `none` and keeps working.
#[derive(Debug, Clone)]
pub struct OrNoneParser<T>(PhantomData<T>);

impl<T> Default for OrNoneParser<T> {
    fn default() -> Self {
        OrNoneParser(PhantomData)
    }
}

impl<T: ValueEnum + 'static> OrNoneParser<T> {
    fn words() -> impl Iterator<Item = PossibleValue> {
        T::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value)
            .chain([PossibleValue::new(NONE).help("leave it empty").alias("")])
    }
}

impl<T: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for OrNoneParser<T> {
    type Value = OrNone<T>;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<OrNone<T>, clap::Error> {
        // Checked against every word first, so a bad value is refused like any other
        // closed set's (the option named, the words listed).
        let word = PossibleValuesParser::new(Self::words()).parse_ref(cmd, arg, value)?;
        let of_t = T::value_variants().iter().find(|v| {
            v.to_possible_value()
                .is_some_and(|p| p.matches(&word, true))
        });
        Ok(of_t.cloned().map_or(OrNone::None, OrNone::Is))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(Self::words()))
    }
}
