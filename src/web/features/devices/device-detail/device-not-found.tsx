import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'wouter';
import { useDocumentTitle } from '@/web/lib/use-document-title';

/** A device id that names no device here: deleted, mistyped, or of another instance. */
export function DeviceNotFound({ id }: { id: string }) {
  const { t } = useLingui();
  useDocumentTitle(t`Device not found`);
  return (
    <section className="page device-page" aria-labelledby="device-missing-title">
      <div className="card device-missing">
        <h1 id="device-missing-title">
          <Trans>Device not found</Trans>
        </h1>
        <p>
          <Trans>
            No device with ID <span className="mono">{id}</span> exists in this instance. It may have been deleted, or the link may be wrong.
          </Trans>
        </p>
        <p>
          <Link href="/">
            <Trans>Go to the device list</Trans>
          </Link>
        </p>
      </div>
    </section>
  );
}
