// Worker-thread entry: workers do not inherit a loader registered through tsx's API (as
// bin/kamervragen.mjs does), so each registers it before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
