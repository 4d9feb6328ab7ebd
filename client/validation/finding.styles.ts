import { css } from 'lit';

/**
 * Marks of cells and fields with validation findings: a tint, a thick left border and a corner
 * triangle in the severity's colour (error red, warning amber, info blue). Drawn with
 * backgrounds and borders only, so inputs and textareas can carry them and a cell's text stays
 * exactly its value. Include after `fieldStyles`.
 */
export const findingStyles = css`
  .finding-error { --finding-color: var(--jx-danger); --finding-tint: var(--jx-danger-surface); }
  .finding-warning { --finding-color: var(--jx-warn); --finding-tint: var(--jx-warn-surface); }
  .finding-info { --finding-color: var(--jx-info); --finding-tint: var(--jx-info-surface); }
  .finding-error,
  .finding-warning,
  .finding-info {
    background-color: var(--finding-tint);
    background-image: linear-gradient(225deg, var(--finding-color) 0 0.45rem, transparent 0.45rem);
    background-repeat: no-repeat;
    border-left: 3px solid var(--finding-color);
  }
`;
