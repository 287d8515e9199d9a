import { deviceListHref, filtersOf, nextParams, parseListParams, toSearch, withoutFilters } from '@/web/lib/device-list-url';

describe('device list URL', () => {
  it('keeps valid parameters and drops invalid ones', () => {
    const params = parseListParams('?device_name=pump&online_status=1,2&node_type=7&limit=5000&sort=-device_name&frozen=maybe&fields=device_name');
    expect(params).toEqual({ device_name: 'pump', online_status: '1,2', sort: '-device_name', offset: '0', limit: '50' });
  });

  it('round-trips without defaults in a stable order', () => {
    const params = parseListParams('sort=node_id&offset=100&limit=100&status=0');
    expect(toSearch(params)).toBe('status=0&offset=100&limit=100&sort=node_id');
    expect(toSearch(parseListParams(''))).toBe('');
  });

  it('starts again at the first page when a filter changes, not when paging', () => {
    const current = parseListParams('offset=200&status=1');
    expect(nextParams(current, { tag: 'north' }).offset).toBe('0');
    expect(nextParams(current, { offset: '250' }).offset).toBe('250');
    expect(nextParams(current, { status: undefined })).not.toHaveProperty('status');
  });

  it('separates filters from paging and sort, and clears them', () => {
    const params = parseListParams('tag=a&sort=id&limit=20&offset=40');
    expect(filtersOf(params)).toEqual({ tag: 'a' });
    expect(withoutFilters(params)).toEqual({ offset: '0', limit: '20', sort: 'id' });
  });

  it('holds a parent filter of up to 17 digits, so a device page can link to its sub-devices', () => {
    expect(parseListParams('parent_device_id=42&sort=id')).toMatchObject({ parent_device_id: '42' });
    expect(parseListParams(`parent_device_id=${'1'.repeat(18)}`)).not.toHaveProperty('parent_device_id');
    expect(filtersOf(parseListParams('parent_device_id=42'))).toEqual({ parent_device_id: '42' });
    expect(deviceListHref({ parent_device_id: '42' })).toBe('/?parent_device_id=42');
    expect(deviceListHref({})).toBe('/');
  });
});
