import { Link } from 'wouter';
import { useDocumentTitle } from '@/web/lib/use-document-title';

/** A device id that names no device here: deleted, mistyped, or of another instance. */
export function DeviceNotFound({ id }: { id: string }) {
  useDocumentTitle('Device not found');
  return (
    <section className="page device-page" aria-labelledby="device-missing-title">
      <div className="card device-missing">
        <h1 id="device-missing-title">Device not found</h1>
        <p>
          No device with ID <span className="mono">{id}</span> exists in this instance. It may have been deleted, or the link may be wrong.
        </p>
        <p>
          <Link href="/">Go to the device list</Link>
        </p>
      </div>
    </section>
  );
}
