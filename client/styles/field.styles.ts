import { css } from 'lit';

/** Look of text inputs, textareas and buttons, shared by every element with form fields. */
export const fieldStyles = css`
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    box-sizing: border-box;
    width: 100%;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--jx-border);
    border-radius: 4px;
    background: var(--jx-surface);
  }
  textarea {
    resize: vertical;
    line-height: 1.6;
    field-sizing: content;
    min-height: 3.5rem;
  }
  input:focus,
  textarea:focus,
  select:focus {
    outline: 2px solid var(--jx-focus);
    outline-offset: -1px;
  }
  /* Only the colour: a validation mark's background image stays visible to readers. */
  input[readonly],
  textarea[readonly] {
    background-color: var(--jx-muted-surface);
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: 0.35rem 0.8rem;
    border: 1px solid var(--jx-border);
    border-radius: 4px;
    background: var(--jx-surface);
    color: inherit;
  }
  button:hover {
    border-color: var(--jx-accent);
  }
  button.primary {
    background: var(--jx-accent);
    border-color: var(--jx-accent);
    color: white;
  }
  .error {
    color: var(--jx-danger);
    font-size: 0.85rem;
  }
`;
