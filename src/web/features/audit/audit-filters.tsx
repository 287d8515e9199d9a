import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { auditActionSchema, auditResultSchema, type AuditFilter } from '@/contracts/operators';
import { AUDIT_ACTION_LABELS, AUDIT_RESULT_LABELS } from '@/web/components/audit-labels';

interface Draft {
  user: string;
  action: string;
  result: string;
  device: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { user: '', action: '', result: '', device: '', from: '', to: '' };

/** A local date-time field's value as the service's ISO time; empty stays unset. */
const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The form's values as the service's filter: only what is set. */
export function toFilter(draft: Draft): AuditFilter {
  const action = auditActionSchema.safeParse(draft.action);
  const result = auditResultSchema.safeParse(draft.result);
  const device = /^\d{1,15}$/.test(draft.device.trim()) ? Number(draft.device.trim()) : undefined;
  const filter: AuditFilter = {};
  if (draft.user.trim()) filter.user = draft.user.trim();
  if (action.success) filter.action = action.data;
  if (result.success) filter.result = result.data;
  if (device !== undefined) filter.device_id = device;
  const from = iso(draft.from);
  const to = iso(draft.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

/** The Audit page's filters, applied together when the operator asks, so a half-typed name reads nothing. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t, i18n } = useLingui();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(toFilter(draft));
  };
  const clear = () => {
    setDraft(EMPTY);
    onApply({});
  };
  return (
    <form className="audit-filters" aria-label={t`Audit filters`} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-user`}>
          <Trans>User</Trans>
        </label>
        <input id={`${id}-user`} value={draft.user} onChange={set('user')} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>
          <Trans>Action</Trans>
        </label>
        <select id={`${id}-action`} value={draft.action} onChange={set('action')}>
          <option value="">{t`Any`}</option>
          {auditActionSchema.options.map((action) => (
            <option key={action} value={action}>
              {i18n._(AUDIT_ACTION_LABELS[action])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-result`}>
          <Trans>Result</Trans>
        </label>
        <select id={`${id}-result`} value={draft.result} onChange={set('result')}>
          <option value="">{t`Any`}</option>
          {auditResultSchema.options.map((result) => (
            <option key={result} value={result}>
              {i18n._(AUDIT_RESULT_LABELS[result])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-device`}>
          <Trans>Device ID</Trans>
        </label>
        <input id={`${id}-device`} value={draft.device} onChange={set('device')} inputMode="numeric" autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>
          <Trans>From</Trans>
        </label>
        <input id={`${id}-from`} type="datetime-local" value={draft.from} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>
          <Trans>To</Trans>
        </label>
        <input id={`${id}-to`} type="datetime-local" value={draft.to} onChange={set('to')} />
      </div>
      <div className="audit-filter-actions">
        <button type="submit" className="button button-primary">
          <Trans>Apply</Trans>
        </button>
        <button type="button" className="button" onClick={clear}>
          <Trans>Clear</Trans>
        </button>
      </div>
    </form>
  );
}
