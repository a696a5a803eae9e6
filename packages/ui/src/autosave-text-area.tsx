import { useEffect, useRef, useState } from "react";
import { type FetcherWithComponents, useFetcher } from "react-router";
import { TextField, type TextFieldProps } from "./text-field.tsx";

/** What the page's action answers to `intent=autosave`. */
export interface AutosaveAnswer {
  autosaved: boolean;
  /** ISO time of the save, when saved. */
  savedAt?: string | null;
}

export interface AutosaveMessages {
  /** "Saved 10:42": the page formats the time in the reader's language. */
  saved: (at: Date) => string;
  saving: string;
  /** "Not saved yet - your text is kept on this device" */
  notSaved: string;
  /** Shown when text kept on this device was put back after a lost connection. */
  restored: string;
}

export interface AutosaveTextAreaProps
  extends Omit<TextFieldProps, "multiline" | "defaultValue" | "value" | "onChange" | "name"> {
  name: string;
  /** The saved text (or what the person typed, after a failed submit). */
  defaultValue: string;
  /** Where this text is kept in localStorage, e.g. `chronology:<entryId>:body`. */
  storageKey: string;
  /**
   * What the saved text was based on (the record's version). Kept with the local copy, so a
   * restored copy is saved against the version it was typed on, and a newer save by someone
   * else shows as a conflict instead of being overwritten.
   */
  base: string;
  /** Posted with `intent=autosave` and `text`: which record, which field, which version. */
  autosaveFields: Record<string, string>;
  /** The action to post to; the current route's by default. */
  action?: string;
  /** A fetcher of the page's own, when it wants to watch the saves; one is created otherwise. */
  fetcher?: FetcherWithComponents<AutosaveAnswer>;
  /** @default 3000 */
  delayMs?: number;
  messages: AutosaveMessages;
  onAutosaved?: (answer: AutosaveAnswer) => void;
  /** A local copy was put back: the page should send `base` as its version. */
  onRestore?: (base: string) => void;
  /**
   * Drop a local copy typed against another `base` instead of putting it back. For forms that
   * create a record, where a new base means the form was saved (the copy is no longer needed).
   */
  discardOtherBase?: boolean;
}

type Status =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "notSaved" }
  | { kind: "restored" };

interface LocalCopy {
  text: string;
  base: string;
}

function readCopy(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const copy = JSON.parse(raw) as Partial<LocalCopy>;
    return typeof copy.text === "string" && typeof copy.base === "string"
      ? { text: copy.text, base: copy.base }
      : null;
  } catch {
    return null;
  }
}

function writeCopy(key: string, copy: LocalCopy | null) {
  try {
    if (copy) window.localStorage.setItem(key, JSON.stringify(copy));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or blocked (private browsing): the server save still runs.
  }
}

/**
 * A long text that is never lost. Without JavaScript it is a plain textarea inside the page's
 * form, saved by the form's own button. With JavaScript it also keeps a copy on this device
 * as the person types, posts the text to the page's action (`intent=autosave`) a few seconds
 * after typing stops, says politely whether it is saved, and puts the device's copy back
 * after a time-out or a dropped connection (issue 6, quality bars).
 */
export function AutosaveTextArea({
  storageKey,
  base,
  autosaveFields,
  action,
  fetcher: givenFetcher,
  delayMs = 3000,
  messages,
  onAutosaved,
  onRestore,
  discardOtherBase = false,
  defaultValue,
  description,
  id,
  ...props
}: AutosaveTextAreaProps) {
  const ownFetcher = useFetcher<AutosaveAnswer>();
  const fetcher = givenFetcher ?? ownFetcher;
  const [value, setValue] = useState(defaultValue);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sent = useRef<string | null>(null);
  const discard = discardOtherBase;
  const latest = useRef({ value, base, autosaveFields, onAutosaved, onRestore, defaultValue });
  latest.current = { value, base, autosaveFields, onAutosaved, onRestore, defaultValue };

  // After a lost connection or a time-out, put back what was typed on this device.
  useEffect(() => {
    const copy = readCopy(storageKey);
    if (!copy) return;
    if (
      copy.text === latest.current.defaultValue ||
      (discard && copy.base !== latest.current.base)
    ) {
      writeCopy(storageKey, null);
      return;
    }
    setValue(copy.text);
    setStatus({ kind: "restored" });
    latest.current.onRestore?.(copy.base);
  }, [storageKey, discard]);

  // The server now holds what was typed (a save through the form): the copy can go.
  useEffect(() => {
    if (latest.current.value === defaultValue) writeCopy(storageKey, null);
  }, [defaultValue, storageKey]);

  useEffect(() => {
    if (fetcher.state !== "idle" || sent.current === null) return;
    const answer = fetcher.data;
    const text = sent.current;
    sent.current = null;
    if (answer?.autosaved) {
      setStatus({ kind: "saved", at: answer.savedAt ? new Date(answer.savedAt) : new Date() });
      if (latest.current.value === text) writeCopy(storageKey, null);
    } else {
      setStatus({ kind: "notSaved" });
    }
    if (answer) latest.current.onAutosaved?.(answer);
  }, [fetcher.state, fetcher.data, storageKey]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const save = () => {
    const { value: text, autosaveFields: fields } = latest.current;
    // Offline, a post would fail into the page's error boundary: keep the copy, try later.
    if (!navigator.onLine) {
      setStatus({ kind: "notSaved" });
      return;
    }
    sent.current = text;
    setStatus({ kind: "saving" });
    fetcher.submit(
      { ...fields, intent: "autosave", text },
      { method: "post", ...(action ? { action } : {}) },
    );
  };

  // Back online: save what was kept on this device while the connection was down.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onOnline = () => {
      if (readCopy(storageKey)) saveRef.current();
    };
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [storageKey]);

  const onChange = (text: string) => {
    setValue(text);
    writeCopy(storageKey, { text, base: latest.current.base });
    setStatus({ kind: "pending" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(save, delayMs);
  };

  const fieldId = id ?? `field-${props.name}`;
  const statusText =
    status.kind === "saved"
      ? messages.saved(status.at)
      : status.kind === "saving"
        ? messages.saving
        : status.kind === "pending" || status.kind === "notSaved"
          ? messages.notSaved
          : status.kind === "restored"
            ? messages.restored
            : "";
  return (
    <div className="hw-autosave">
      <TextField
        {...props}
        id={fieldId}
        description={description}
        multiline
        value={value}
        onChange={onChange}
      />
      {/* Polite: the person hears it when they pause, not in the middle of a word. */}
      <p className="hw-autosave__status hw-field__description" role="status">
        {statusText}
      </p>
    </div>
  );
}
