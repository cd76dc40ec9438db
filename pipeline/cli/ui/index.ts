// The CLI's output helpers, for every command: createUi() gives progress bars, grouped
// diagnostics with GitHub annotations, and --json / --quiet handling.
export { createUi, type Ui, type UiStreams } from './ui.ts';
export type { Progress } from './progress.ts';
export { formatDiagnosticReport, formatGithubAnnotations, countLine } from './diagnostics.ts';
export { uiOptions, type UiOptions } from './options.ts';
