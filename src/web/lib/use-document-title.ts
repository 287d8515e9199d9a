import { t } from '@lingui/core/macro';
import { useEffect } from 'react';

/** Names the tab after the page, which is also what a screen reader announces on navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${t`Device Console`}`;
  }, [title]);
}
