import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type SettingKey, type SettingValue } from "../api";
import { Dialog } from "../components/Dialog";
import { Field } from "../components/Field";
import { ErrorNote, Loading } from "../components/States";
import { useToast } from "../components/Toast";
import { fieldError, formError } from "../lib/form";
import { reads } from "../lib/query";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export const REMINDER_KEYS = {
  day: "reminders.review_day",
  time: "reminders.review_time",
  weekly: "reminders.weekly_review",
  decisions: "reminders.decisions",
  goNoGo: "reminders.go_no_go",
  tray: "app.close_to_tray",
} as const satisfies Record<string, SettingKey>;

/** "Reminders and tray…": when the weekly review reminder comes, which reminders come (weekly
 *  review, decisions, go/no-go), whether closing the window keeps Cadence in the tray, and
 *  whether it starts at login. Each change is saved as it is made; a refused one shows its
 *  rule beside its input. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useQuery(reads.settings());
  return (
    <Dialog title="Reminders and tray" onClose={onClose}>
      <div className="dialog-body" id="settings-dialog">
        {settings.error ? <ErrorNote error={settings.error} /> : null}
        {settings.data ? <Settings values={settings.data} /> : settings.error ? null : <Loading />}
      </div>
    </Dialog>
  );
}

function Settings({ values }: { values: SettingValue[] }) {
  const value = (key: SettingKey) => values.find((v) => v.key === key)?.value ?? "";
  const client = useQueryClient();
  const toast = useToast();
  const [time, setTime] = useState(value(REMINDER_KEYS.time));
  const saving = useMutation({
    mutationFn: ({ key, to }: { key: SettingKey; to: string }) => api.setSetting(key, to),
    onSuccess: () => toast("Setting saved"),
    onSettled: () => client.invalidateQueries(),
  });
  const save = (key: SettingKey, to: string) => saving.mutate({ key, to });
  const error = saving.error;
  const general = formError(error, Object.values(REMINDER_KEYS));

  return (
    <form className="settings-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <div className="form-grid form-grid-2">
        <Field
          id="settings-day"
          label="Weekly review day"
          error={fieldError(error, REMINDER_KEYS.day)}
        >
          {(c) => (
            <select
              {...c}
              className="input"
              value={value(REMINDER_KEYS.day)}
              onChange={(e) => save(REMINDER_KEYS.day, e.target.value)}
            >
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {d[0]?.toUpperCase()}
                  {d.slice(1)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="settings-time"
          label="Reminders come at"
          hint="Local time, 24-hour clock."
          error={fieldError(error, REMINDER_KEYS.time)}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              value={time}
              placeholder="09:00"
              onChange={(e) => setTime(e.target.value)}
              onBlur={() => {
                if (time !== value(REMINDER_KEYS.time)) save(REMINDER_KEYS.time, time);
              }}
            />
          )}
        </Field>
      </div>
      <Switch
        id="settings-weekly"
        label="Remind me of the weekly review, with the check-ins missing"
        on={value(REMINDER_KEYS.weekly) === "on"}
        onChange={(on) => save(REMINDER_KEYS.weekly, on ? "on" : "quiet")}
      />
      <Switch
        id="settings-decisions"
        label="Remind me of a decision needed tomorrow or overdue"
        on={value(REMINDER_KEYS.decisions) === "on"}
        onChange={(on) => save(REMINDER_KEYS.decisions, on ? "on" : "quiet")}
      />
      <Switch
        id="settings-go-no-go"
        label="Remind me the day before a release whose go/no-go is not recorded"
        on={value(REMINDER_KEYS.goNoGo) === "on"}
        onChange={(on) => save(REMINDER_KEYS.goNoGo, on ? "on" : "quiet")}
      />
      <Switch
        id="settings-tray"
        label="Keep Cadence in the tray when its window is closed, so reminders still come"
        on={value(REMINDER_KEYS.tray) === "on"}
        onChange={(on) => save(REMINDER_KEYS.tray, on ? "on" : "off")}
      />
      <StartAtLogin />
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
    </form>
  );
}

function Switch({
  id,
  label,
  on,
  onChange,
}: {
  id: string;
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** Start at login, an opt-in kept by the system rather than the workspace. */
function StartAtLogin() {
  const starts = useQuery(reads.startsAtLogin());
  const client = useQueryClient();
  const switching = useMutation({
    mutationFn: api.setStartAtLogin,
    onSettled: () => client.invalidateQueries({ queryKey: reads.startsAtLogin().queryKey }),
  });
  return (
    <>
      <Switch
        id="settings-login"
        label="Start Cadence when I log in"
        on={starts.data ?? false}
        onChange={(on) => switching.mutate(on)}
      />
      {switching.error || starts.error ? (
        <p className="form-error" role="alert">
          {formError(switching.error ?? starts.error, [])}
        </p>
      ) : null}
    </>
  );
}
