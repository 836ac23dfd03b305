import type { AppContext } from './context.js';
import { maskPhone } from '../../shared/masking.js';

/** Sends a text message to a mainland mobile number (the one-time codes of the public intake). */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

interface LineLogger {
  warn(message: string): void;
}

export const SMS_KINDS = ['log'] as const;
export type SmsKind = (typeof SMS_KINDS)[number];

/**
 * The development sender: writes `[sms] to 138****8000: <text>` to the server log. The number is masked; the
 * text carries the code, which is the point of a development sender (there is no gateway yet).
 */
export function logSmsSender(log: LineLogger): SmsSender {
  return {
    send: async (phone, text) => {
      // at warn level, so the code shows with the development default (LOG_LEVEL=warn)
      log.warn(`[sms] to ${maskPhone(phone)}: ${text}`);
    },
  };
}

/** LOUYUAN_SMS selects the sender; only 'log' exists (the default). */
export function smsKind(env: NodeJS.ProcessEnv = process.env): SmsKind {
  const value = (env.LOUYUAN_SMS || 'log').trim();
  if (!(SMS_KINDS as readonly string[]).includes(value)) {
    throw new Error(`LOUYUAN_SMS: "${value}" is not one of ${SMS_KINDS.join(', ')}`);
  }
  return value as SmsKind;
}

/** The sender services use: the one the app was given (tests inject a capturing one), else LOUYUAN_SMS's. */
export function smsSenderOf(app: AppContext, log: LineLogger): SmsSender {
  if (app.sms) return app.sms;
  smsKind();
  return logSmsSender(log);
}
