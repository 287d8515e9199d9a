import { toFilter } from '@/web/features/audit/audit-filters';

const draft = { user: '', action: '', result: '', device: '', from: '', to: '' };

it('sends only what is set, trimmed', () => {
  expect(toFilter(draft)).toEqual({});
  expect(toFilter({ ...draft, user: '  olga ', action: 'device.freeze', result: 'refused', device: ' 42 ' })).toEqual({ user: 'olga', action: 'device.freeze', result: 'refused', device_id: 42 });
});

it('drops what the service would refuse rather than send it', () => {
  expect(toFilter({ ...draft, action: 'device.explode', result: 'maybe', device: '4x2' })).toEqual({});
});

it('sends the time range as the instants the local times name', () => {
  const filter = toFilter({ ...draft, from: '2026-12-05T08:00', to: '2026-12-05T09:30' });
  expect(filter).toEqual({ from: new Date(2026, 11, 5, 8, 0).toISOString(), to: new Date(2026, 11, 5, 9, 30).toISOString() });
  expect(filter.from).toMatch(/^2026-12-0\dT\d\d:\d\d:00\.000Z$/);
});
