// Preloaded with `node --import` by cli-startup.mjs: at exit, append this process's CPU time
// (user + system, ms, from process start) to the file named by ANJU_CPU_FILE.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.ANJU_CPU_FILE, `${(user + system) / 1000}\n`);
});
