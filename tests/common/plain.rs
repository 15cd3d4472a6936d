//! The updates' sentences as the text formats show them: without the marks the narrative
//! puts around user text (U+2068 … U+2069), so tests can compare words.

use cadence::narrative::{unmarked, Section, Update};
use cadence::review::monthly_review::MonthlyReview;
use cadence::review::quarterly_review::QuarterlyReview;
use cadence::review::weekly_review::WeeklyReview;

/// `u` with the marks of user text dropped from every sentence.
pub fn plain(u: Update) -> Update {
    let all = |v: Vec<String>| v.iter().map(|s| unmarked(s).into_owned()).collect();
    Update {
        title: u.title,
        brief: cadence::narrative::Brief {
            shipped: unmarked(&u.brief.shipped).into_owned(),
            in_danger: unmarked(&u.brief.in_danger).into_owned(),
            needed: unmarked(&u.brief.needed).into_owned(),
        },
        summary: all(u.summary),
        sections: u
            .sections
            .into_iter()
            .map(|s| Section {
                paragraphs: all(s.paragraphs),
                items: all(s.items),
                ..s
            })
            .collect(),
    }
}

/// The weekly update, without marks.
pub fn weekly_update(r: &WeeklyReview) -> Update {
    plain(cadence::narrative::weekly_update::weekly_update(r))
}

/// The monthly update, without marks.
pub fn monthly_update(r: &MonthlyReview) -> Update {
    plain(cadence::narrative::monthly_update::monthly_update(r))
}

/// The quarterly update, without marks.
pub fn quarterly_update(r: &QuarterlyReview) -> Update {
    plain(cadence::narrative::quarterly_update::quarterly_update(r))
}
