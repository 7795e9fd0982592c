import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string, name = 'zhixing'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.apiKey'],
      censor: '[redacted]',
    },
  });
}
