import { useQuery } from '@tanstack/react-query';
import type { DeviceFilterQuery, DeviceSort } from '@/contracts/roma';
import { consoleInstancePath } from '@/web/api/device-paths';
import { deviceSummaryQuery } from '@/web/api/get-device-summary';
import { CsvExportButton } from '@/web/components/csv-export-button';

/**
 * The device list's export: every device the filter matches, in its order. The count to expect is
 * the fleet summary's, already read for the same filter.
 */
export function ExportDevices({ filters, sort }: { filters: DeviceFilterQuery; sort: DeviceSort | undefined }) {
  const total = useQuery(deviceSummaryQuery(filters)).data?.total;
  return <CsvExportButton path={consoleInstancePath('/devices/export')} query={{ ...filters, sort }} fileName="devices" noun="device" total={total} />;
}
