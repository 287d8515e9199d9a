import { Link } from 'wouter';
import { useDocumentTitle } from '@/web/lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link href="/">Go to the device list</Link>.
      </p>
    </section>
  );
}
