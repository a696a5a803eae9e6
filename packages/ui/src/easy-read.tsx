// Easy read (issue 8): one idea per line, each key line with a picture beside it - never
// instead of the words. The pictures are simple outlines drawn here (no icon font, nothing
// fetched), sized by the text around them. A picture that only repeats its line is hidden
// from screen readers; one that adds meaning (a traffic light's level) carries a label.
import type { ReactNode } from "react";

export const easyIconNames = [
  "house",
  "calendar",
  "person",
  "tick",
  "warning",
  "pen",
  "eye",
  "light",
  "clock",
  "paper",
] as const;
export type EasyIconName = (typeof easyIconNames)[number];
export type EasyLightLevel = "low" | "medium" | "high" | "severe";

const outline = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

function Shape({ name, level }: { name: EasyIconName; level?: EasyLightLevel }) {
  switch (name) {
    case "house":
      return <path {...outline} d="M3 11 12 3l9 8M5 10v10h5v-6h4v6h5V10" />;
    case "calendar":
      return (
        <g {...outline}>
          <rect x="3" y="5" width="18" height="16" rx="2" />
          <path d="M3 10h18M8 3v4M16 3v4" />
        </g>
      );
    case "person":
      return (
        <g {...outline}>
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
        </g>
      );
    case "tick":
      return (
        <g {...outline}>
          <circle cx="12" cy="12" r="9" />
          <path d="m7.5 12.5 3 3 6-6.5" />
        </g>
      );
    case "warning":
      return (
        <g {...outline}>
          <path d="M12 3 2 20h20L12 3Z" />
          <path d="M12 10v4M12 17.5v.01" />
        </g>
      );
    case "pen":
      return <path {...outline} d="M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4" />;
    case "eye":
      return (
        <g {...outline}>
          <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z" />
          <circle cx="12" cy="12" r="3" />
        </g>
      );
    case "clock":
      return (
        <g {...outline}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v5l3 2" />
        </g>
      );
    case "paper":
      return <path {...outline} d="M6 3h9l4 4v14H6V3ZM15 3v4h4M9 12h7M9 16h7" />;
    case "light":
      return <TrafficLightShape level={level} />;
  }
}

// Four lamps, red at the top as on the traffic light page; the words beside the picture
// always name the colour and the level.
const lamps: readonly EasyLightLevel[] = ["severe", "high", "medium", "low"];

function TrafficLightShape({ level }: { level?: EasyLightLevel }) {
  return (
    <g>
      <rect x="6" y="1" width="12" height="22" rx="3" {...outline} />
      {lamps.map((lamp, index) => (
        <circle
          key={lamp}
          cx="12"
          cy={4.75 + index * 4.85}
          r="1.9"
          className={lamp === level ? `hw-easy-lamp--${lamp}` : undefined}
          fill={lamp === level ? undefined : "none"}
          stroke="currentColor"
          strokeWidth="1.5"
        />
      ))}
    </g>
  );
}

export interface EasyIconProps {
  name: EasyIconName;
  /** Only when the picture says something the line beside it does not; otherwise hidden. */
  label?: string;
  level?: EasyLightLevel;
}

export function EasyIcon({ name, label, level }: EasyIconProps) {
  if (label) {
    return (
      <svg
        className="hw-easy-icon"
        viewBox="0 0 24 24"
        focusable="false"
        role="img"
        aria-label={label}
      >
        <Shape name={name} level={level} />
      </svg>
    );
  }
  return (
    <svg className="hw-easy-icon" viewBox="0 0 24 24" focusable="false" aria-hidden="true">
      <Shape name={name} level={level} />
    </svg>
  );
}

export interface EasyLineProps extends EasyIconProps {
  children: ReactNode;
  /** Render as a list item inside an EasyList. @default 'p' */
  as?: "p" | "li";
}

/** One idea, with its picture on the reading side of it. */
export function EasyLine({ as: Tag = "p", children, ...icon }: EasyLineProps) {
  return (
    <Tag className="hw-easy-line">
      <EasyIcon {...icon} />
      <span className="hw-easy-text">{children}</span>
    </Tag>
  );
}

export function EasyList({ children }: { children: ReactNode }) {
  return <ul className="hw-easy-list">{children}</ul>;
}
