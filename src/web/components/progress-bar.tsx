import { useId } from 'react';
import '@/web/components/progress-bar.css';

/** A labelled progress bar for bulk work: the label says what is done of what, in words. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const id = useId();
  return (
    <div className="progress-bar">
      <label htmlFor={id}>{label}</label>
      <progress id={id} max={Math.max(total, 1)} value={done} />
    </div>
  );
}
