/// <reference lib="webworker" />
/** Web Worker entry: the coverage session (src/workers/coverage-api.ts) over the one worker protocol. */
import { serve } from './serve.ts';
import { coverageApi } from './coverage-api.ts';

serve(coverageApi());
