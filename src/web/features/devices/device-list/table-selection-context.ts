import { createContext, useContext } from 'react';
import type { Device } from '@/contracts/device';
import type { DeviceRef } from '@/web/api/list-matching-devices';
import type { Selection } from '@/web/lib/use-selection';

export interface TableSelection {
  selection: Selection<DeviceRef>;
  page: readonly Device[];
}

// Cells read the selection from context, so the column definitions stay one constant array.
export const TableSelectionContext = createContext<TableSelection | null>(null);

export function useTableSelection(): TableSelection {
  const value = useContext(TableSelectionContext);
  if (!value) throw new Error('useTableSelection must be used inside the device table');
  return value;
}
