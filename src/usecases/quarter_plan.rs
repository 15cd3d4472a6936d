//! The quarterly planning session: what a quarter's plan commits so far and the candidates
//! for it, each with the rule that keeps it out; and the plan committed or amended as a whole,
//! by what it adds and takes out, or as suggested ([`Workspace::commit_quarter_plan`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Quarter;
use crate::error::{Error, Result};
use crate::model::{Baseline, Id, Initiative, RiskLevel, Status, Track};
use crate::rules;
use crate::store::{InitiativeFilter, Workspace};

/// Choosing a quarter's plan: what is committed so far and what could be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanSession {
    /// `YYYY-Qn`.
    pub quarter: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// How quarters are counted.
    pub convention: String,
    /// The commitment and its amendments, oldest first (empty before the first commitment).
    pub commitments: Vec<Baseline>,
    /// Proposed and active initiatives, and any already in the plan, by priority.
    pub candidates: Vec<Candidate>,
}

/// An initiative that could be committed, with what stands in the way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Candidate {
    pub id: Id,
    pub title: String,
    pub owner: String,
    pub track: Track,
    pub status: Status,
    pub priority: i64,
    pub target_date: Option<NaiveDate>,
    pub backup_date: Option<NaiveDate>,
    pub risk: Option<String>,
    pub risk_level: Option<RiskLevel>,
    /// In the plan in force.
    pub committed: bool,
    /// In the default selection: active with its target inside the quarter.
    pub suggested: bool,
    /// The rule it breaks for this quarter, when it cannot be committed as it stands (never
    /// set for one already committed once the quarter has begun: it keeps its dates).
    pub blocked_by: Option<RuleBreak>,
}

/// A rule an input breaks: the field and the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RuleBreak {
    pub field: String,
    pub message: String,
}

/// Which initiatives a commitment of a quarter's plan holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanChoice {
    /// These, the whole plan.
    Whole(Vec<Id>),
    /// The plan in force with these added and those taken out.
    Amend { add: Vec<Id>, remove: Vec<Id> },
    /// The suggested plan ([`Workspace::suggested_plan`]), for a first commitment only.
    Suggested,
}

/// A plan committed: the new baseline and the one it amends, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Committed {
    pub baseline: Baseline,
    pub amends: Option<Baseline>,
}

impl Workspace {
    /// Commits `quarter`'s plan as `choice` says, or amends the plan in force (then `reason`
    /// is required), through [`Workspace::commit_plan`].
    pub fn commit_quarter_plan(
        &mut self,
        quarter: Quarter,
        choice: &PlanChoice,
        reason: Option<&str>,
    ) -> Result<Committed> {
        let amends = self.baselines(quarter)?.pop();
        let ids = match choice {
            PlanChoice::Whole(ids) => ids.clone(),
            PlanChoice::Amend { add, remove } => {
                let mut ids: Vec<Id> = amends
                    .iter()
                    .flat_map(|b| b.items.iter().map(|x| x.initiative_id))
                    .chain(add.iter().copied())
                    .collect();
                ids.retain(|id| !remove.contains(id));
                ids
            }
            PlanChoice::Suggested if amends.is_some() => {
                return Err(Error::invalid(
                    "initiative",
                    format!(
                        "the plan for {quarter} is committed; name what to --add or --remove, \
                         or the whole plan with --initiative"
                    ),
                ))
            }
            PlanChoice::Suggested => {
                let suggested = self.suggested_plan(quarter)?;
                if suggested.is_empty() {
                    return Err(Error::invalid(
                        "initiative",
                        format!(
                            "no active initiative has its target inside {quarter}; name the \
                             initiatives to commit with --initiative"
                        ),
                    ));
                }
                suggested
            }
        };
        let baseline = self.commit_plan(quarter, &ids, reason)?;
        Ok(Committed { baseline, amends })
    }

    /// The planning session of `quarter` (the next quarter when `None`): its commitments and
    /// the candidates for its plan.
    pub fn plan_session(&self, quarter: Option<Quarter>) -> Result<PlanSession> {
        let quarter = match quarter {
            Some(q) => q,
            None => self.quarter(None)?.next(),
        };
        let commitments = self.baselines(quarter)?;
        let in_force: Vec<Id> = commitments
            .last()
            .map(|b| b.items.iter().map(|x| x.initiative_id).collect())
            .unwrap_or_default();
        let started = self.clock().today() >= quarter.first_day();
        let candidates = self
            .initiatives(&InitiativeFilter::default())?
            .into_iter()
            .filter(|i| {
                matches!(i.status, Status::Proposed | Status::Active) || in_force.contains(&i.id)
            })
            .map(|i| {
                let committed = in_force.contains(&i.id);
                candidate(i, quarter, committed, committed && started)
            })
            .collect();
        Ok(PlanSession {
            quarter: quarter.to_string(),
            first_day: quarter.first_day(),
            last_day: quarter.last_day(),
            convention: quarter.convention(),
            commitments,
            candidates,
        })
    }

    /// The initiatives `commit-plan` commits when none are named: the active ones whose
    /// target falls inside `quarter`.
    pub fn suggested_plan(&self, quarter: Quarter) -> Result<Vec<Id>> {
        Ok(self
            .plan_session(Some(quarter))?
            .candidates
            .into_iter()
            .filter(|c| c.suggested)
            .map(|c| c.id)
            .collect())
    }
}

/// `carried`: committed in a quarter that has begun, so it keeps its committed dates and
/// is not checked again.
fn candidate(i: Initiative, quarter: Quarter, committed: bool, carried: bool) -> Candidate {
    let blocked_by = rules::commitment_rule(&i, quarter)
        .err()
        .filter(|_| !carried)
        .map(|e| match e {
            Error::Invalid { field, message } => RuleBreak { field, message },
            other => RuleBreak {
                field: "initiative".into(),
                message: other.to_string(),
            },
        });
    Candidate {
        suggested: i.status == Status::Active && i.target_date.is_some_and(|t| quarter.contains(t)),
        committed,
        id: i.id,
        title: i.title,
        owner: i.owner,
        track: i.track,
        status: i.status,
        priority: i.priority,
        target_date: i.target_date,
        backup_date: i.backup_date,
        risk: i.risk,
        risk_level: i.risk_level,
        blocked_by,
    }
}
