import type { Warning } from '../../types.ts';

export type Warn = (
  code: string,
  message: string,
  field?: string | null,
  line?: number | null,
) => void;

/** A record's warnings and the function that adds one (field and line default to unknown). */
export function warningList(): { warnings: Warning[]; warn: Warn } {
  const warnings: Warning[] = [];
  const warn: Warn = (code, message, field = null, line = null) =>
    void warnings.push({ code, message, field, line });
  return { warnings, warn };
}
