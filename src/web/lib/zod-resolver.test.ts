import { i18n } from '@lingui/core';
import type { FieldValues } from 'react-hook-form';
import { replaceDeviceBodySchema } from '@/contracts/enos';
import { createUserBodySchema } from '@/contracts/operators';
import { signInBodySchema } from '@/contracts/auth';
import { updateDeviceBodySchema } from '@/contracts/roma';
import { messages as en } from '@/web/locales/en/messages.po';
import { messages as zhCN } from '@/web/locales/zh-CN/messages.po';
import { zodResolver } from '@/web/lib/zod-resolver';

const long = (n: number) => 'a'.repeat(n);

// Each form's schema with values that break every rule it has, the contracts' own and zod's.
const CASES = [
  [updateDeviceBodySchema, [{ device_name: 'a', status: 0 }, { device_name: long(65), status: 0, description: long(201) }, { device_name: 'a b', status: 7, tags: ['', long(65), 'x', 'x'] }, { device_name: 'ok-name', status: 0, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }]],
  [replaceDeviceBodySchema, [{ newDeviceKey: 'abc' }, { newDeviceKey: long(65) }, { newDeviceKey: 'a b c d' }]],
  [createUserBodySchema, [{ username: 'ab', password: 'short', role: 'viewer' }, { username: long(65), password: long(129), role: 'nobody' }, { username: 'a b c', password: long(12), role: 'viewer' }]],
  [signInBodySchema, [{ username: '', password: '' }]],
] as const;

async function messagesOf(locale: 'en' | 'zh-CN'): Promise<string[]> {
  i18n.loadAndActivate({ locale, messages: locale === 'en' ? en : zhCN });
  const found: string[] = [];
  for (const [schema, inputs] of CASES) {
    for (const values of inputs) {
      const resolve = zodResolver(schema) as unknown as (values: FieldValues, context: undefined, options: { fields: object; shouldUseNativeValidation: boolean }) => Promise<{ errors: object }>;
      const result = await resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false });
      JSON.stringify(result.errors, (key, value: unknown) => {
        if (key === 'message' && typeof value === 'string') found.push(value);
        return key === 'ref' ? undefined : value;
      });
    }
  }
  return found;
}

afterEach(() => i18n.loadAndActivate({ locale: 'en', messages: en }));

test('in Chinese, every message a form shows is Chinese: the contracts’ own and zod’s', async () => {
  const english = await messagesOf('en');
  expect(english).toContain('Device name must be at least 2 characters.');
  expect(english).toContain('A user name may contain only letters, digits, dots, hyphens and underscores.');
  const chinese = await messagesOf('zh-CN');
  expect(chinese).toHaveLength(english.length);
  expect(chinese.filter((message) => !/[\u4e00-\u9fff]/.test(message))).toEqual([]);
});
