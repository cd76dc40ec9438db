// Where the time goes: self time per function and per source file from V8 .cpuprofile files
// (written by node --cpu-prof, one per thread), summed over all threads.

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileRow {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: ProfileRow[];
  files: ProfileRow[];
  /** Time charged to the project folder (pipeline/parse/text, pipeline/export …) whose code ran
   * it, directly or through a library, a regular expression or a builtin it called. */
  stages: ProfileRow[];
}

/** "pipeline/parse/text/lines.ts" rather than a file:// URL; node internals and deps as such. */
export function shortUrl(url: string, root: string): string {
  const path = url.replace(/^file:\/\//, '');
  if (path.includes('/node_modules/')) {
    const parts = (path.split('/node_modules/').pop() ?? '').split('/');
    return `node_modules/${parts.slice(0, parts[0]?.startsWith('@') ? 2 : 1).join('/')}`;
  }
  if (root && path.startsWith(root)) return path.slice(root.length).replace(/^\//, '');
  return path;
}

/** Where a sample without a script belongs: regular expressions, GC and builtins apart. */
function nativeGroup(functionName: string): string {
  if (functionName.startsWith('RegExp:')) return '(regexp)';
  if (functionName === '(garbage collector)' || functionName === '(program)') return functionName;
  return '(native)';
}

export function summariseProfiles(profiles: CpuProfile[], root: string, top = 15): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byStage = new Map<string, number>();
  let totalMs = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parents = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
    const stageOf = new Map<number, string>();
    const stage = (id: number): string => {
      const known = stageOf.get(id);
      if (known !== undefined) return known;
      const node = nodes.get(id);
      const path = node?.callFrame.url.replace(/^file:\/\//, '') ?? '';
      const inProject = root !== '' && path.startsWith(root) && !path.includes('/node_modules/');
      const parent = parents.get(id);
      // Loading and compiling modules (tsx, the ESM loader) is start-up cost, not pipeline work.
      const loading = /^node:internal\/modules\/|\/node_modules\/tsx\//.test(path);
      const result = inProject
        ? path.slice(root.length).replace(/^\//, '').split('/').slice(0, -1).join('/') || '(root)'
        : loading
          ? '(module loading)'
          : parent === undefined || node?.callFrame.functionName === '(garbage collector)'
            ? nativeGroup(node?.callFrame.functionName ?? '')
            : stage(parent);
      stageOf.set(id, result);
      return result;
    };
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    // A sample's time is the delta to the next sample (V8 records the delta before each sample).
    for (let i = 0; i < samples.length; i++) {
      const ms = (deltas[i + 1] ?? 0) / 1000;
      const node = nodes.get(samples[i] as number);
      if (!node || ms <= 0) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') continue;
      const file = url ? shortUrl(url, root) : nativeGroup(functionName);
      // Code compiled on load (tsx) reports line 0 for everything; a line is only shown when known.
      const line = lineNumber > 0 ? `:${lineNumber + 1}` : '';
      const name = url
        ? `${functionName || '(anonymous)'} ${file}${line}`
        : functionName || '(anonymous builtin)';
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      byFile.set(file, (byFile.get(file) ?? 0) + ms);
      const where = stage(node.id);
      byStage.set(where, (byStage.get(where) ?? 0) + ms);
      totalMs += ms;
    }
  }
  const rows = (map: Map<string, number>): ProfileRow[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs, share: totalMs ? selfMs / totalMs : 0 }));
  return { totalMs, functions: rows(byFunction), files: rows(byFile), stages: rows(byStage) };
}

export function formatProfile(summary: ProfileSummary): string {
  const line = (r: ProfileRow): string =>
    `  ${(r.share * 100).toFixed(1).padStart(5)}%  ${(r.selfMs / 1000).toFixed(2).padStart(7)} s  ${r.name}`;
  return [
    `profile: ${(summary.totalMs / 1000).toFixed(2)} s of samples (all threads, idle excluded)`,
    'top functions by self time:',
    ...summary.functions.map(line),
    'top files by self time:',
    ...summary.files.map(line),
    'by project folder (with the libraries, regular expressions and builtins it calls):',
    ...summary.stages.map(line),
  ].join('\n');
}
