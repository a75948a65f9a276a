import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { CliError, UsageError } from '../cli-error.ts';
import { locationFrom, STORE_OPTIONS, storeErrorToCli } from '../store-options.ts';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...STORE_OPTIONS, port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, 'trust-proxy': { type: 'boolean' }, 'max-body-mb': { type: 'string' }, quiet: { type: 'boolean' }, 'no-app': { type: 'boolean' }, basemap: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (positionals.length) throw new UsageError('unexpected argument');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0–65535, got ${values.port}`, 2);
  const maxMb = values['max-body-mb'] === undefined ? undefined : Number(values['max-body-mb']);
  if (maxMb !== undefined && !(maxMb > 0)) throw new CliError('--max-body-mb must be a positive number', 2);
  const location = await locationFrom(values);
  const { startServer } = await import('../../server/serve.ts');
  const { describeLocation } = await import('../../server/store/open-store.ts');
  let server;
  try {
    server = await startServer({ location, host: values.host!, port, ...(values['no-app'] ? { distDir: null } : {}), trustProxy: values['trust-proxy'], maxBodyBytes: maxMb && Math.round(maxMb * 1024 * 1024), basemapPath: values.basemap ?? null, log: values.quiet ? () => {} : io.out });
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && (e as { code: string }).code === 'EADDRINUSE') throw new CliError(`port ${port} on ${values.host} is already in use; choose another with --port`, 2);
    if (e instanceof Error && /is in use by process/.test(e.message)) throw new CliError(e.message, 3);
    if (e instanceof Error && e.message.startsWith('--basemap ')) throw new CliError(e.message, 2);
    return storeErrorToCli(e);
  }
  io.out(`Anju server ready at ${server.url} (store: ${describeLocation(location)})`);
  if (values.basemap) io.out(`anju serve: team basemap ${values.basemap} for every signed-in user`);
  const running = server;
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.out(`anju serve: ${signal}: finishing requests in progress and closing the store …`);
      void running.stop().then(() => {
        io.out('anju serve: stopped');
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    // Started by bin/anju's wrapper (an IPC channel to it): stop when that process goes, e.g. killed.
    if (process.channel) {
      process.channel.unref();
      process.once('disconnect', () => stop('the anju process that started this server ended'));
    }
  });
  return 0;
}
