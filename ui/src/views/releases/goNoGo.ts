// The go/no-go call as the meeting builds it: the answers given so far, which questions stand
// in the way of a plain go, and the answers in the form the core records.

import type { NewDecision, Question } from "../../api";

/** The answers given in the meeting: yes, no, or absent while not answered. */
export type Answers = Partial<Record<Question, boolean>>;

/** The questions not answered yes (a "no" or not answered yet), in sheet order. */
export function openQuestions(questions: readonly Question[], answers: Answers): Question[] {
  return questions.filter((q) => answers[q] !== true);
}

/** Whether the call is a go over a "no" or an unanswered question: the core records it only
 *  with a reason, and it stays visible as an override. */
export function isOverride(go: boolean, questions: readonly Question[], answers: Answers): boolean {
  return go && openQuestions(questions, answers).length > 0;
}

/** The call as the core records it: each question answered, with its answer. */
export function toDecision(
  go: boolean,
  by: string,
  questions: readonly Question[],
  answers: Answers,
  reason: string,
): NewDecision {
  return {
    go,
    by,
    answers: questions.flatMap((q) => {
      const a = answers[q];
      return a === undefined ? [] : [{ question: q, yes: a }];
    }),
    reason: reason.trim() === "" ? null : reason,
  };
}
