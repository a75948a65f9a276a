/**
 * Web Worker entry: the job–housing catchment geometry (buffers and overlaps: 0.1–0.5 s for
 * 21 boards × 6 parks, too long for the main thread while a planner drags a park or a radius
 * slider), served over the one worker protocol (src/workers/jobs-housing-api.ts).
 */
import { serve } from './serve.ts';
import { jobsHousingApi } from './jobs-housing-api.ts';

serve(jobsHousingApi());
