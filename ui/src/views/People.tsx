import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type PersonSummary } from "../api";
import { StatusPill } from "../components/Badges";
import { Field } from "../components/Field";
import { FormFooter } from "../components/FormFooter";
import { PageHeader } from "../components/PageHeader";
import { Empty, ErrorNote, Loading } from "../components/States";
import { useToast } from "../components/Toast";
import { fieldError, formError, orNull } from "../lib/form";
import { plural } from "../lib/format";
import { reads, useRefresh } from "../lib/query";
import { useSubmit } from "../lib/submit";
import "./People.css";

/** Everyone, with what they own and how many of those are active. */
export function People() {
  const people = useQuery(reads.people());
  const [adding, setAdding] = useState(false);
  return (
    <div className="page">
      <PageHeader
        title="People"
        subtitle="Every initiative has exactly one of these people as its owner."
        actions={
          adding ? null : (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              Add a person
            </button>
          )
        }
      />
      {adding ? <AddPerson onDone={() => setAdding(false)} /> : null}
      {people.error ? <ErrorNote error={people.error} /> : null}
      {people.data === undefined ? (
        people.error ? null : (
          <Loading />
        )
      ) : people.data.length === 0 ? (
        <Empty title="No one yet">Add the people who own your initiatives.</Empty>
      ) : (
        <ul className="people">
          {people.data.map((p) => (
            <PersonRow key={p.id} person={p} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PersonRow({ person }: { person: PersonSummary }) {
  const initials = person.name
    .split(/\s+/)
    .map((w) => w[0])
    .slice(0, 2)
    .join("");
  return (
    <li className="person panel">
      <div className="person-who">
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
        <div>
          <p className="person-name">{person.name}</p>
          <p className="muted person-role">
            {[person.role, person.email].filter(Boolean).join(" · ") || "No role recorded"}
          </p>
        </div>
      </div>
      <div className="person-load">
        <span className="person-count">{person.active_count}</span>
        <span className="muted">active</span>
      </div>
      <div className="person-owns">
        {person.owns.length === 0 ? (
          <p className="muted">Owns no initiative.</p>
        ) : (
          <>
            <p className="person-owns-title">Owns {plural(person.owns.length, "initiative")}</p>
            <ul>
              {person.owns.map((o) => (
                <li key={o.id}>
                  <a href={`#/initiatives/${o.id}`}>{o.title}</a>
                  <StatusPill status={o.status} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </li>
  );
}

const PERSON_FIELDS = ["name", "email", "role"];

function AddPerson({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const [email, setEmail] = useState("");
  const refresh = useRefresh();
  const toast = useToast();

  const { busy, error, submit } = useSubmit(async () => {
    const person = await api.addPerson(name, orNull(email), orNull(role));
    toast(`${person.name} added`);
    refresh();
    onDone();
  });

  return (
    <form className="panel inline-form" onSubmit={submit} noValidate>
      <div className="form-grid form-grid-3">
        <Field id="person-name" label="Name" error={fieldError(error, "name")}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
            />
          )}
        </Field>
        <Field id="person-role" label="Role" error={fieldError(error, "role")}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={role}
              onChange={(e) => setRole(e.target.value)}
            />
          )}
        </Field>
        <Field id="person-email" label="Email" error={fieldError(error, "email")}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
      </div>
      <FormFooter
        error={formError(error, PERSON_FIELDS)}
        busy={busy}
        submitLabel="Add person"
        onCancel={onDone}
      />
    </form>
  );
}
