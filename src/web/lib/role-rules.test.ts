import { roleReason } from '@/web/lib/role-rules';

it.each([
  ['viewer', 'operator', 'Your role (viewer) cannot act. Ask an operator or an admin.'],
  ['operator', 'admin', 'Your role (operator) cannot act. Ask an admin.'],
  ['operator', 'operator', undefined],
  ['admin', 'admin', undefined],
] as const)('a %s asking for what needs %s: %s', (role, needed, reason) => {
  expect(roleReason(role, needed, 'act')).toBe(reason);
});
