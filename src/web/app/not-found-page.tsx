import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'wouter';
import { useDocumentTitle } from '@/web/lib/use-document-title';

export function NotFoundPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Not found`);
  return (
    <section className="page">
      <h1>
        <Trans>Page not found</Trans>
      </h1>
      <p>
        <Trans>
          Nothing lives at this address. <Link href="/">Go to the device list</Link>.
        </Trans>
      </p>
    </section>
  );
}
