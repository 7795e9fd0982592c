import { createHmac } from 'node:crypto';
import type { Config } from './config.ts';

/**
 * The outside parties every deployment has — the court's settlement bank (docs/protocols/bank.md),
 * the SMS gateway (docs/protocols/sms.md) and the listed valuation platforms
 * (docs/protocols/valuation.md) — found by configuration:
 * their own URL and key, or else the simulator's (ZHIXING_SIM_URL; `npm start` sets it to the
 * simulator it runs), with the key derived from ZHIXING_SIM_SECRET exactly as the simulator
 * derives it. Undefined when neither is configured: the work waits, recorded, until one is.
 */
export type OutsideEndpoint = {
  /** The institution code in `x-zx-institution`. */
  code: string;
  /** Base URL; operation paths are appended (`/v1/payments`). */
  url: string;
  /** HMAC key of the signed protocol, both ways. */
  key: string;
};

export const bankCode = 'courtbank';
export const smsGatewayCode = 'smsgw';

function simKey(config: Config, code: string): string {
  return createHmac('sha256', config.simSecret).update(code).digest('hex');
}

function endpoint(
  config: Config,
  code: string,
  url: string | undefined,
  key: string | undefined,
  simPath: string,
): OutsideEndpoint | undefined {
  if (url) return { code, url: url.replace(/\/+$/, ''), key: key ?? simKey(config, code) };
  if (config.simUrl)
    return { code, url: `${config.simUrl.replace(/\/+$/, '')}${simPath}`, key: simKey(config, code) };
  return undefined;
}

export function bankEndpoint(config: Config): OutsideEndpoint | undefined {
  return endpoint(config, bankCode, config.bankUrl, config.bankKey, '/bank');
}

export function smsEndpoint(config: Config): OutsideEndpoint | undefined {
  return endpoint(config, smsGatewayCode, config.smsUrl, config.smsKey, '/sms');
}

/** A listed valuation platform (docs/protocols/valuation.md): `{ZHIXING_VALUATION_URL}/{code}`, else the simulator's. */
export function valuationPlatformEndpoint(config: Config, code: string): OutsideEndpoint | undefined {
  const url = config.valuationUrl && `${config.valuationUrl.replace(/\/+$/, '')}/${code}`;
  return endpoint(config, code, url, config.valuationKey, `/valuation/${code}`);
}
