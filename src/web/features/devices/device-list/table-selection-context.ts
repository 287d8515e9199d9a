import { createContext, useContext } from 'react';
import type { ListedDevice } from '@/contracts/roma';
import type { DeviceSelection } from '@/web/api/device-selection';

// Cells read the selection from context, so the column definitions stay one constant array. The
// page is a context of its own: a patched or refetched page is a new array, and only the page's
// checkbox needs it. Had the rows' checkboxes read it too, every one would render again and React
// would rewrite each input's name and type, though nothing they show had changed.
export const TableSelectionContext = createContext<DeviceSelection | null>(null);
export const TablePageContext = createContext<readonly ListedDevice[] | null>(null);

function required<T>(value: T | null): T {
  if (value === null) throw new Error('selection cells must be inside the device table');
  return value;
}

export const useTableSelection = (): DeviceSelection => required(useContext(TableSelectionContext));
export const useTablePage = (): readonly ListedDevice[] => required(useContext(TablePageContext));
