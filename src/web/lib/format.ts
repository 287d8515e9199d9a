import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { NodeType, OnlineStatus } from '@/contracts/device';

// Formats are made once per language. English dates read day-first with a 24-hour clock, as
// the console always showed them; Chinese ones as Chinese readers write them.
const DATE_LOCALES: Record<string, string> = { en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatOf<F extends Intl.NumberFormat | Intl.DateTimeFormat>(name: string, make: (locale: string) => F): F {
  const key = `${i18n.locale}:${name}`;
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = make(DATE_LOCALES[i18n.locale] ?? i18n.locale);
    formats.set(key, format);
  }
  return format;
}

export const formatCount = (n: number): string => formatOf('count', (locale) => new Intl.NumberFormat(locale)).format(n);
export const formatDateTime = (ms: number | undefined): string =>
  ms === undefined ? '—' : formatOf('dateTime', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
// A flapping device connects and drops within one minute: its history needs the seconds.
export const formatDateTimeSeconds = (ms: number): string =>
  formatOf('dateTimeSeconds', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })).format(ms);
export const formatTime = (ms: number): string => formatOf('time', (locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(ms);

/** 001: 0 inactive (never connected), 1 online, 2 offline. */
export const ONLINE_STATUS_LABELS: Record<OnlineStatus, MessageDescriptor> = { 0: msg`Inactive`, 1: msg`Online`, 2: msg`Offline` };
export const DEVICE_STATUS_LABELS: Record<0 | 1, MessageDescriptor> = { 0: msg`Enabled`, 1: msg`Disabled` };
export const NODE_TYPE_LABELS: Record<NodeType, MessageDescriptor> = { 0: msg`Direct`, 1: msg`Gateway`, 2: msg`Sub-device` };
