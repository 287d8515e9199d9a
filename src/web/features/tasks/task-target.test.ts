import { formatDateTime } from '@/web/lib/format';
import { describeTarget, filterListHref } from '@/web/features/tasks/task-target';

describe('describeTarget', () => {
  it('counts the devices a task named', () => {
    expect(describeTarget({ targets: ['7_a', '7_b', '7_c'] })).toBe('3 devices named by ID');
    expect(describeTarget({ targets: ['7_a'] })).toBe('1 device named by ID');
  });

  it('says every filter in words, in the device list’s order', () => {
    const created = 1_796_400_000_000;
    const filter = {
      frozen: 'false',
      tag: 'north',
      status: '1',
      online_status: '0,2',
      node_type: '2',
      node_id: 'a,b',
      parent_device_id: '12',
      product_id: '10003',
      device_name: 'pump',
      created_date_start: String(created),
    };
    expect(describeTarget({ targets_filter: filter })).toBe(
      `Devices matching: name contains “pump”, product 10003, sub-devices of device 12, node ID a or b, node type Sub-device, Inactive or Offline, Disabled, tagged “north”, created from ${formatDateTime(created)}, not frozen`,
    );
  });

  it('says the whole workspace for an empty filter, and the devices the operator left out', () => {
    expect(describeTarget({ targets_filter: {} })).toBe('Every device in the workspace');
    expect(describeTarget({ targets_filter: { frozen: 'true', except_targets: ['7_a', '7_b'] } })).toBe('Devices matching: frozen; 2 devices left out');
  });
});

describe('filterListHref', () => {
  it('opens the device list on the filter’s own parameters, without what the list cannot show', () => {
    expect(filterListHref({ online_status: '1', device_name: 'pump', except_targets: ['7_a'] })).toBe('/?device_name=pump&online_status=1');
    expect(filterListHref({})).toBe('/');
  });
});
