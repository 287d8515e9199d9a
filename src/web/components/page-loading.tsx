import { useLingui } from '@lingui/react/macro';

/** Shown while a page's code or first data loads; announced politely. */
export function PageLoading({ label }: { label?: string }) {
  const { t } = useLingui();
  return (
    <div className="page-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t`Loading…`}
    </div>
  );
}
