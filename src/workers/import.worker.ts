/** Web Worker entry: importing layer files off the main thread (src/workers/import-api.ts) over the one worker protocol. */
import { serve } from './serve.ts';
import { importApi } from './import-api.ts';

serve(importApi);
