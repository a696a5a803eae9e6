// "Leave quickly": for a parent whose partner may be watching. Without JavaScript it is a
// link to /leave, which signs the person out, clears the cache and sends them to a neutral
// site. With JavaScript the click *replaces* this page in the history (so Back does not show
// it), Shift pressed three times does the same, and a page restored from the back/forward
// cache after leaving is replaced too. See docs/decisions/009-leave-quickly.md.
import { type MouseEvent, useEffect, useState } from "react";

export const leaveQuicklyPath = "/leave";
/** Set by /leave for a few minutes; readable by scripts (it holds nothing but "1"). */
export const leftQuicklyCookie = "homeward_left";

export interface LeaveQuicklyProps {
  label: string;
  /** Shown only once scripts run, since the shortcut needs them. */
  shortcutHint: string;
}

function leave() {
  window.location.replace(leaveQuicklyPath);
}

export function LeaveQuickly({ label, shortcutHint }: LeaveQuicklyProps) {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => {
    setEnhanced(true);
    let shiftPresses: number[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Shift" || event.repeat) return;
      const now = event.timeStamp;
      shiftPresses = [...shiftPresses.filter((t) => now - t < 1000), now];
      if (shiftPresses.length >= 3) leave();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted && document.cookie.includes(`${leftQuicklyCookie}=1`)) leave();
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    leave();
  };
  return (
    <div className="hw-leave">
      <a className="hw-leave__link" href={leaveQuicklyPath} onClick={onClick} rel="nofollow">
        {label}
      </a>
      {enhanced ? <span className="hw-leave__hint">{shortcutHint}</span> : null}
    </div>
  );
}
