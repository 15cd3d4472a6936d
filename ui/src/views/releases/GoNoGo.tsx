import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, type ReleasePage, type SheetQuestion } from "../../api";
import { Field } from "../../components/Field";
import { PersonInput } from "../../components/Inputs";
import { ErrorNote, Loading } from "../../components/States";
import { useToast } from "../../components/Toast";
import { fieldError, formError } from "../../lib/form";
import { isTyping } from "../../lib/keys";
import { reads, useRefresh } from "../../lib/query";
import type { Route } from "../../lib/route";
import { useSubmit } from "../../lib/submit";
import { type Answers, isOverride, openQuestions, toDecision } from "./goNoGo";
import { readinessWords } from "./releaseText";
import "./releases.css";

interface Props {
  id: number;
  navigate: (to: Route) => void;
}

/** The go/no-go meeting: the five questions one at a time in large type beside what Cadence
 *  knows, a yes or no for each, then the call, recorded through the core. */
export function GoNoGo({ id, navigate }: Props) {
  const page = useQuery(reads.release(id));
  if (page.data === undefined) {
    return (
      <div className="page">{page.error ? <ErrorNote error={page.error} /> : <Loading />}</div>
    );
  }
  return <Meeting page={page.data} navigate={navigate} />;
}

export function Meeting({ page, navigate }: { page: ReleasePage; navigate: (to: Route) => void }) {
  const sheet = page.sheet;
  const questions = sheet.questions.map((q) => q.question);
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const calling = step >= sheet.questions.length;
  const current = sheet.questions[step];

  const answer = (yes: boolean) => {
    if (!current) return;
    setAnswers((a) => ({ ...a, [current.question]: yes }));
    setStep((s) => s + 1);
  };

  return (
    <div className="gng" id="go-no-go">
      <header className="gng-bar">
        <div>
          <p className="gng-eyebrow">
            <a href={`#/releases/${page.view.id}`}>Release {page.view.name}</a> · Go/no-go
          </p>
          <p className="gng-readiness">{readinessWords(sheet.readiness)}</p>
        </div>
        <ol className="gng-steps" aria-label="Questions">
          {sheet.questions.map((q, n) => (
            <li key={q.question}>
              <button
                type="button"
                className="gng-step"
                aria-current={n === step ? "step" : undefined}
                data-answer={answerWord(answers[q.question])}
                onClick={() => setStep(n)}
                title={q.text}
              >
                {n + 1}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="gng-step gng-step-call"
              aria-current={calling ? "step" : undefined}
              onClick={() => setStep(sheet.questions.length)}
              id="gng-to-call"
            >
              Call
            </button>
          </li>
        </ol>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void api.toggleFullscreen()}
        >
          Full screen
        </button>
      </header>
      {sheet.warnings.length > 0 ? (
        <div className="gng-warnings">
          {sheet.warnings.map((w) => (
            <p key={w} className="note note-warn">
              {w}
            </p>
          ))}
        </div>
      ) : null}
      {current && !calling ? (
        <Question
          question={current}
          number={step + 1}
          of={sheet.questions.length}
          answer={answers[current.question]}
          onAnswer={answer}
          onBack={step > 0 ? () => setStep(step - 1) : null}
          onSkip={() => setStep(step + 1)}
        />
      ) : (
        <Call
          page={page}
          questions={sheet.questions}
          answers={answers}
          onQuestion={setStep}
          onDone={() => navigate({ view: "release", id: page.view.id })}
          allQuestions={questions}
        />
      )}
    </div>
  );
}

function answerWord(a: boolean | undefined): string {
  return a === undefined ? "none" : a ? "yes" : "no";
}

function Question({
  question: q,
  number,
  of,
  answer,
  onAnswer,
  onBack,
  onSkip,
}: {
  question: SheetQuestion;
  number: number;
  of: number;
  answer: boolean | undefined;
  onAnswer: (yes: boolean) => void;
  onBack: (() => void) | null;
  onSkip: () => void;
}) {
  useAnswerKeys(onAnswer);
  return (
    <div className="gng-body">
      <section className="gng-question" aria-labelledby="gng-question-text">
        <p className="gng-count">
          Question {number} of {of}
        </p>
        <h1 className="gng-text" id="gng-question-text" data-question={q.question}>
          {q.text}
        </h1>
        <div className="gng-answers">
          <button
            type="button"
            className="gng-answer gng-yes"
            aria-pressed={answer === true}
            id="gng-yes"
            aria-label="Yes"
            aria-keyshortcuts="y"
            onClick={() => onAnswer(true)}
          >
            Yes <kbd>y</kbd>
          </button>
          <button
            type="button"
            className="gng-answer gng-no"
            aria-pressed={answer === false}
            id="gng-no"
            aria-label="No"
            aria-keyshortcuts="n"
            onClick={() => onAnswer(false)}
          >
            No <kbd>n</kbd>
          </button>
        </div>
        <div className="gng-nav">
          {onBack ? (
            <button type="button" className="link-button" onClick={onBack}>
              ← Previous question
            </button>
          ) : (
            <span />
          )}
          <button type="button" className="link-button" onClick={onSkip}>
            Leave unanswered for now →
          </button>
        </div>
      </section>
      <aside className="gng-evidence" aria-labelledby="gng-evidence-title">
        <h2 className="gng-evidence-title" id="gng-evidence-title">
          What Cadence knows
        </h2>
        {q.evidence.length === 0 ? (
          <p className="muted">Nothing on record for this question.</p>
        ) : (
          <ul id="gng-evidence">
            {q.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {q.answer !== null ? (
          <p className="gng-last muted">The last call answered {q.answer ? "yes" : "no"}.</p>
        ) : null}
      </aside>
    </div>
  );
}

/** y answers the question on screen yes, n no. Listened for on the document, so it comes
 *  before the app's shortcuts on the window, which leave a handled key alone (n is "new
 *  initiative" there). Keys typed into a field, held down, with a modifier or while a dialog
 *  is open are left alone. */
function useAnswerKeys(onAnswer: (yes: boolean) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target) || document.querySelector("dialog[open]")) return;
      const key = e.key.toLowerCase();
      if (key !== "y" && key !== "n") return;
      e.preventDefault();
      onAnswer(key === "y");
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });
}

/** The call: the answers at a glance, who decides, go or no-go, and the reason an override
 *  needs. */
function Call({
  page,
  questions,
  allQuestions,
  answers,
  onQuestion,
  onDone,
}: {
  page: ReleasePage;
  questions: SheetQuestion[];
  allQuestions: SheetQuestion["question"][];
  answers: Answers;
  onQuestion: (n: number) => void;
  onDone: () => void;
}) {
  const [go, setGo] = useState<boolean | null>(null);
  const [by, setBy] = useState(page.view.stop_owner ?? "");
  const [reason, setReason] = useState("");
  const refresh = useRefresh();
  const toast = useToast();
  const override = go !== null && isOverride(go, allQuestions, answers);
  const open = openQuestions(allQuestions, answers);

  const { busy, error, setError, submit } = useSubmit(async () => {
    if (go === null) {
      throw new Error("Choose go or no-go.");
    }
    await api.decideRelease(page.view.id, toDecision(go, by, allQuestions, answers, reason));
    toast(`${go ? "Go" : "No-go"} recorded${override ? " as an override" : ""}`);
    refresh();
    onDone();
  });
  const general = formError(error, ["by", "reason"]);

  return (
    <form className="gng-call" onSubmit={submit} noValidate id="gng-call">
      <section className="gng-summary" aria-labelledby="gng-summary-title">
        <h1 className="gng-text gng-text-call" id="gng-summary-title">
          The call on release {page.view.name}
        </h1>
        <ol className="gng-summary-list">
          {questions.map((q, n) => (
            <li key={q.question}>
              <button type="button" className="gng-summary-item" onClick={() => onQuestion(n)}>
                <span className="gng-summary-q">{q.text}</span>
                <span className={`gng-chip gng-chip-${answerWord(answers[q.question])}`}>
                  {answers[q.question] === undefined
                    ? "Not answered"
                    : answers[q.question]
                      ? "Yes"
                      : "No"}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section className="gng-decide">
        <fieldset className="gng-calls">
          <legend className="sr-only">The call</legend>
          <button
            type="button"
            aria-pressed={go === true}
            className="gng-call-button gng-call-go"
            id="gng-go"
            onClick={() => {
              setGo(true);
              setError(null);
            }}
          >
            Go
          </button>
          <button
            type="button"
            aria-pressed={go === false}
            className="gng-call-button gng-call-no-go"
            id="gng-no-go"
            onClick={() => {
              setGo(false);
              setError(null);
            }}
          >
            No-go
          </button>
        </fieldset>
        {override ? (
          <p className="note note-warn" id="gng-override" role="status">
            <strong>This go is an override:</strong> {open.length} of {allQuestions.length}{" "}
            questions {open.length === 1 ? "is" : "are"} not answered yes. It needs a reason and
            stays visible as an override.
          </p>
        ) : null}
        <Field
          id="gng-by"
          label="Who decides"
          hint="One named person."
          error={fieldError(error, "by")}
        >
          {(c) => <PersonInput {...c} value={by} onChange={(e) => setBy(e.target.value)} />}
        </Field>
        <Field
          id="gng-reason"
          label={override ? "Why go anyway (required)" : "Reason"}
          hint={
            override
              ? "Kept with the call, shown as an override."
              : "Optional for a plain go or a no-go."
          }
          error={fieldError(error, "reason")}
        >
          {(c) => (
            <textarea
              {...c}
              className="input"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary gng-record"
            disabled={busy}
            id="gng-record"
          >
            Record the call
          </button>
        </div>
      </section>
    </form>
  );
}
