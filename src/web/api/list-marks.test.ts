import type { Device } from '@/contracts/device';
import { backInPlace, leftItsPlace } from '@/web/api/list-marks';

const device = (over: Partial<Device> = {}) =>
  ({ id: 1, device_name: 'pump', online_status: 1, status: 0, frozen: false, tags: ['roof'], last_active_time: 10, ...over }) as Device;

describe('leftItsPlace', () => {
  it('says so when a change takes a device out of the filter', () => {
    expect(leftItsPlace({ online_status: '1' }, device(), device({ online_status: 2 }))).toBe(true);
    expect(leftItsPlace({ online_status: '1,2' }, device(), device({ online_status: 2 }))).toBe(false);
    expect(leftItsPlace({ status: '0' }, device(), device({ status: 1 }))).toBe(true);
    expect(leftItsPlace({ frozen: 'false' }, device(), device({ frozen: true }))).toBe(true);
    expect(leftItsPlace({ tag: 'roof' }, device(), device({ tags: [] }))).toBe(true);
    expect(leftItsPlace({ device_name: 'pu' }, device(), device({ device_name: 'valve' }))).toBe(true);
  });

  it('says so when the value the list is sorted by changed, either way round', () => {
    expect(leftItsPlace({ sort: '-last_active_time' }, device(), device({ last_active_time: 11 }))).toBe(true);
    expect(leftItsPlace({ sort: 'device_name' }, device(), device({ last_active_time: 11 }))).toBe(false);
  });

  it('leaves a device that still belongs where it is', () => {
    expect(leftItsPlace({}, device(), device({ online_status: 2, last_active_time: 99 }))).toBe(false);
    expect(leftItsPlace({ online_status: '1' }, device(), device({ last_active_time: 99 }))).toBe(false);
  });
});

describe('backInPlace', () => {
  it('says a device meeting the filters again is back, in a list in the service’s own order', () => {
    expect(backInPlace({ online_status: '1' }, device())).toBe(true);
    expect(backInPlace({ online_status: '1' }, device({ online_status: 2 }))).toBe(false);
    expect(backInPlace({ tag: 'roof', frozen: 'false' }, device())).toBe(true);
  });

  it('leaves the mark where the order or a name search may still put the row elsewhere', () => {
    expect(backInPlace({ online_status: '1', sort: 'device_name' }, device())).toBe(false);
    expect(backInPlace({ device_name: 'pu' }, device())).toBe(false);
  });
});
