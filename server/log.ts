/** A tiny leveled logger: one line per event, `LOG_LEVEL` = debug | info | warn | error | silent. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

function threshold(): number {
  const l = process.env.LOG_LEVEL as keyof typeof LEVELS | undefined;
  return LEVELS[l ?? 'info'] ?? LEVELS.info;
}

function emit(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (LEVELS[level] < threshold()) return;
  const extra = fields ? ' ' + JSON.stringify(fields) : '';
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${msg}${extra}`;
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

export const log = {
  debug: (msg: string, f?: Record<string, unknown>) => emit('debug', msg, f),
  info: (msg: string, f?: Record<string, unknown>) => emit('info', msg, f),
  warn: (msg: string, f?: Record<string, unknown>) => emit('warn', msg, f),
  error: (msg: string, f?: Record<string, unknown>) => emit('error', msg, f),
};
