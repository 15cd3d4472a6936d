//! The domain: people, initiatives, check-ins, blockers, decisions and their values.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::IsoWeek;
use crate::release::PainBucket;

mod format;

pub use format::Format;

/// Row identifier of any record.
pub type Id = i64;

/// A map keyed by record id. Reviews index tens of thousands of records by id on every call;
/// ids are the file's own row numbers, not input an attacker chooses, so they are hashed with
/// rustc's Fx hash (a multiplication) instead of the default DoS-resistant SipHash.
pub type IdMap<V> = rustc_hash::FxHashMap<Id, V>;

/// Declares a closed set of values written as kebab-case words, with parsing that names the
/// field and lists what is allowed.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal { $($(#[$vmeta:meta])* $variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] #[cfg_attr(feature = "cli", value(name = $word))] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as it is written in files, commands and the change log.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::error::Error;
            fn from_str(s: &str) -> std::result::Result<Self, $crate::error::Error> {
                // The word as written by the store, without the copies the lenient form
                // costs (every stored check-in's health is read this way).
                if let Some(v) = $name::ALL.iter().copied().find(|v| v.as_str() == s) {
                    return Ok(v);
                }
                let wanted = s.trim().to_lowercase().replace(['_', ' '], "-");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| {
                        let words: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        $crate::error::Error::invalid($field, format!("'{}' is not one of: {}", $crate::error::abridged(&s), words.join(", ")))
                    })
            }
        }

        /// Read as [`FromStr`](std::str::FromStr) reads it, so that a word outside the set is
        /// refused naming the field and the words wherever it arrives (an export, the app).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(d)?
                    .parse()
                    .map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use word_enum;

word_enum!(
    /// Where an initiative stands in its life.
    Status, "status" {
        Proposed => "proposed",
        Active => "active",
        Paused => "paused",
        Done => "done",
        Dropped => "dropped",
    }
);

word_enum!(
    /// Which kind of work an initiative is: the two-track plan plus discovery.
    Track, "track" {
        /// Customer value.
        Customer => "customer",
        /// A release fix.
        Release => "release",
        /// Technical investment.
        Enabler => "enabler",
        /// Time-boxed discovery.
        Discovery => "discovery",
    }
);

word_enum!(
    /// The owner's health call in a check-in.
    Health, "health" {
        OnTrack => "on-track",
        AtRisk => "at-risk",
        OffTrack => "off-track",
    }
);

word_enum!(
    /// How serious the named risk is.
    RiskLevel, "risk_level" {
        Low => "low",
        Medium => "medium",
        High => "high",
    }
);

impl Track {
    /// The label people read.
    pub fn label(self) -> &'static str {
        match self {
            Track::Customer => "Customer value",
            Track::Release => "Release fix",
            Track::Enabler => "Technical investment",
            Track::Discovery => "Discovery",
        }
    }
}

impl Health {
    /// The label people read.
    pub fn label(self) -> &'static str {
        match self {
            Health::OnTrack => "on track",
            Health::AtRisk => "at risk",
            Health::OffTrack => "off track",
        }
    }
}

/// A named human.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub email: Option<String>,
    pub role: Option<String>,
    pub created_at: NaiveDateTime,
}

/// A bet the company makes: one owner, a bounded timeline and a named risk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Initiative {
    pub id: Id,
    pub title: String,
    pub owner_id: Id,
    /// The owner's name, kept beside the id for readers.
    pub owner: String,
    pub track: Track,
    pub status: Status,
    /// Rank among initiatives: 1 comes first.
    pub priority: i64,
    /// The business outcome it serves (why).
    pub outcome: Option<String>,
    /// How success is measured.
    pub measure: Option<String>,
    /// The measured result, once done.
    pub result: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub target_date: Option<NaiveDate>,
    pub backup_date: Option<NaiveDate>,
    /// One plain sentence naming the main risk.
    pub risk: Option<String>,
    pub risk_level: Option<RiskLevel>,
    pub mitigation: Option<String>,
    /// The release pain a release-fix initiative addresses (only on the release track;
    /// absent from exports before schema 5).
    #[serde(default)]
    pub addresses: Option<PainBucket>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What a new initiative is made of.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewInitiative {
    pub title: String,
    pub owner: String,
    pub track: Option<Track>,
    pub status: Option<Status>,
    pub priority: Option<i64>,
    pub outcome: Option<String>,
    pub measure: Option<String>,
    pub start_date: Option<String>,
    pub target_date: Option<String>,
    pub backup_date: Option<String>,
    pub risk: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "specta", specta(optional))]
    pub risk_level: Option<RiskLevel>,
    pub mitigation: Option<String>,
    /// The release pain a release fix addresses (only on the release track).
    #[serde(default, deserialize_with = "optional_pain")]
    #[cfg_attr(feature = "specta", specta(type = Option<PainBucket>, optional))]
    pub addresses: Option<PainBucket>,
}

/// A change to an initiative: every `Some` field is set; an empty string clears an optional
/// text or date, `Some(None)` (`null` from the app) a risk level or the pain addressed. Dates
/// arrive as text so that their errors name the field.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InitiativePatch {
    pub title: Option<String>,
    pub owner: Option<String>,
    pub track: Option<Track>,
    pub status: Option<Status>,
    pub priority: Option<i64>,
    pub outcome: Option<String>,
    pub measure: Option<String>,
    pub result: Option<String>,
    pub start_date: Option<String>,
    pub target_date: Option<String>,
    pub backup_date: Option<String>,
    pub risk: Option<String>,
    #[serde(
        default,
        deserialize_with = "clearable_word",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<RiskLevel>, optional))]
    pub risk_level: Option<Option<RiskLevel>>,
    pub mitigation: Option<String>,
    /// The release pain a release fix addresses (only on the release track).
    #[serde(
        default,
        deserialize_with = "clearable_pain",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<PainBucket>, optional))]
    pub addresses: Option<Option<PainBucket>>,
}

/// A check-in as recorded, with the one it replaced for the same week, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RecordedCheckIn {
    pub checkin: CheckIn,
    /// The check-in of the same week this one replaced (now kept as replaced).
    pub replaced: Option<CheckIn>,
}

/// One owner's weekly word on an initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CheckIn {
    pub id: Id,
    pub initiative_id: Id,
    pub week: IsoWeek,
    pub health: Health,
    pub shipped: Option<String>,
    pub progress: Option<String>,
    pub note: Option<String>,
    pub recorded_at: NaiveDateTime,
    /// When a later check-in for the same week replaced this one.
    pub replaced_at: Option<NaiveDateTime>,
}

/// What a new check-in says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewCheckIn {
    pub initiative_id: Id,
    /// `YYYY-Www`; the current ISO week when absent.
    pub week: Option<String>,
    pub health: Health,
    pub shipped: Option<String>,
    pub progress: Option<String>,
    pub note: Option<String>,
}

/// Something that stops an initiative, and the one person who removes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Blocker {
    pub id: Id,
    pub initiative_id: Id,
    pub text: String,
    pub owner_id: Id,
    pub owner: String,
    pub since: NaiveDate,
    pub resolved_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

/// A question the leadership must answer by a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Decision {
    pub id: Id,
    pub question: String,
    pub owner_id: Id,
    /// The decider's name.
    pub owner: String,
    pub needed_by: NaiveDate,
    pub initiative_id: Option<Id>,
    pub outcome: Option<String>,
    pub closed_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

/// One entry of the append-only change log of an initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Change {
    pub id: Id,
    pub initiative_id: Id,
    pub at: NaiveDateTime,
    /// The field's name as in `Initiative`, `created` for the creation itself, or `scope`
    /// for a scope item added (no old value) or cut (no new value). Read from the store, a
    /// known name is borrowed rather than copied (a snapshot reads one per logged change).
    pub field: std::borrow::Cow<'static, str>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// A quarter's committed plan: the initiatives and their dates at the moment of commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Baseline {
    pub id: Id,
    /// `YYYY-Qn`.
    pub quarter: String,
    pub committed_at: NaiveDateTime,
    pub reason: Option<String>,
    /// The baseline this one amends.
    pub amends: Option<Id>,
    pub items: Vec<BaselineItem>,
}

/// One committed initiative in a baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BaselineItem {
    pub initiative_id: Id,
    pub target_date: NaiveDate,
    pub backup_date: NaiveDate,
}

word_enum!(
    /// Which review an update comes from.
    ReviewKind, "kind" {
        Weekly => "weekly",
        Monthly => "monthly",
        Quarterly => "quarterly",
    }
);

/// An update as it was exported, kept with its period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StoredReview {
    pub id: Id,
    pub kind: ReviewKind,
    /// `YYYY-Www`, `YYYY-MM` or `YYYY-Qn`.
    pub period: String,
    pub format: Format,
    pub body: String,
    pub created_at: NaiveDateTime,
}

/// A kept update as a [`crate::snapshot::Snapshot`] holds it. Reviews read only when each
/// update was kept, so the snapshot they read leaves the bodies in the store (`None`); the
/// one export writes and check reads holds every body. An export without a body is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KeptUpdate {
    pub id: Id,
    pub kind: ReviewKind,
    /// `YYYY-Www`, `YYYY-MM` or `YYYY-Qn`.
    pub period: String,
    pub format: Format,
    #[serde(
        deserialize_with = "required_body",
        skip_serializing_if = "Option::is_none"
    )]
    pub body: Option<String>,
    pub created_at: NaiveDateTime,
}

/// A patch's word of the model that can be cleared: absent leaves the field as it is (with
/// `#[serde(default)]`), `null` clears it, a word sets it.
fn clearable_word<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// The release pain an initiative addresses, refused naming `addresses` (a pain bucket's own
/// rule is worded for a release's `cause`).
fn optional_pain<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<PainBucket>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| PainBucket::parse_for("addresses", &s).map_err(serde::de::Error::custom))
        .transpose()
}

/// [`optional_pain`] in a patch: absent leaves it, `null` clears it.
fn clearable_pain<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<PainBucket>>, D::Error> {
    optional_pain(d).map(Some)
}

/// An exported update's body, which an import requires.
fn required_body<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    String::deserialize(d).map(Some)
}
