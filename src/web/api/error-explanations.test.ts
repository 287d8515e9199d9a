import { i18n } from '@lingui/core';
import { ENOS_CODES } from '@/contracts/enos';
import { IOTDA_CODES } from '@/contracts/iotda';
import { BATCH_TASK_CODES } from '@/contracts/iotda-batch-tasks';
import { ApiError, describeError } from '@/web/api/api-error';
import { ERROR_EXPLANATIONS } from '@/web/api/error-explanations';
import { messages as en } from '@/web/locales/en/messages.po';
import { messages as zhCN } from '@/web/locales/zh-CN/messages.po';

afterEach(() => i18n.loadAndActivate({ locale: 'en', messages: en }));

test('every code the contracts name for a refusal has its explanation', () => {
  const codes = [...Object.values(IOTDA_CODES), ...Object.values(BATCH_TASK_CODES), ...Object.values(ENOS_CODES).filter((code) => code !== ENOS_CODES.ok).map(String)];
  expect(codes.filter((code) => !(code in ERROR_EXPLANATIONS))).toEqual([]);
});

test('English shows the service’s message as sent; Chinese explains the code, keeping the service’s words where the explanation is general', () => {
  const notFound = new ApiError({ status: 404, code: IOTDA_CODES.deviceNotFound, message: 'The device does not exist.', requestId: 'r-1' });
  const invalid = new ApiError({ status: 200, code: String(ENOS_CODES.invalidArguments), message: 'Invalid arguments: Unable to modify status for mirrored devices.' });
  const unknown = new ApiError({ status: 500, code: 'SOMETHING.ELSE', message: 'Whatever it says.' });
  expect(describeError(notFound)).toBe('The device does not exist. (request id r-1)');
  expect(describeError(unknown)).toBe('Whatever it says.');

  i18n.loadAndActivate({ locale: 'zh-CN', messages: zhCN });
  expect(describeError(notFound)).toBe('设备不存在。（IOTDA.014000）（请求 ID：r-1）');
  expect(describeError(invalid)).toBe('服务拒绝了发送的值。服务返回：Invalid arguments: Unable to modify status for mirrored devices.（99400）');
  expect(describeError(unknown)).toBe('Whatever it says.');
});
