// One message at a time in the pane: what an action did, or why it failed, replaces whatever was
// shown before, so a red banner never sits above an old green one. Each part of the pane shows
// the message only when it is its own, beside the buttons the user pressed.

import { useCallback, useMemo, useState } from "react";

export type MessageIntent = "error" | "success";

export interface PaneMessage {
  /** The part of the pane that shows it ("pane", "scenarios"). */
  from: string;
  intent: MessageIntent;
  text: string;
}

export interface Messages {
  current: PaneMessage | null;
  /** Shows a message in place of whatever was shown. */
  show(from: string, intent: MessageIntent, text: string): void;
  /** Clears whatever is shown: an action starts. */
  clear(): void;
  /** Clears the message only when it is this one (a condition that has gone away). */
  dismiss(from: string, text?: string): void;
}

export function useMessages(): Messages {
  const [current, setCurrent] = useState<PaneMessage | null>(null);
  const show = useCallback((from: string, intent: MessageIntent, text: string) => setCurrent({ from, intent, text }), []);
  const clear = useCallback(() => setCurrent(null), []);
  const dismiss = useCallback(
    (from: string, text?: string) => setCurrent((m) => (m && m.from === from && (text === undefined || m.text === text) ? null : m)),
    [],
  );
  return useMemo(() => ({ current, show, clear, dismiss }), [current, show, clear, dismiss]);
}

/**
 * A failure and a notice over the one message, for a part of the pane that keeps them as two
 * pieces of state: setting either (null too) replaces whatever was shown, in any part.
 */
export function useMessageChannel(messages: Messages, from: string) {
  const { current, show, clear } = messages;
  const setFailure = useCallback((text: string | null) => (text === null ? clear() : show(from, "error", text)), [clear, show, from]);
  const setNotice = useCallback((text: string | null) => (text === null ? clear() : show(from, "success", text)), [clear, show, from]);
  const mine = current?.from === from ? current : null;
  return {
    failure: mine?.intent === "error" ? mine.text : null,
    notice: mine?.intent === "success" ? mine.text : null,
    setFailure,
    setNotice,
  };
}
