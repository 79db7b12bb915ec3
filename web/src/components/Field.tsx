import type { ReactNode } from 'react';

/** A labelled form row: the label always points at the control by id. */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" role="alert" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** A form's own error line (a refused submission), announced to screen readers; nothing when empty. */
export function FormError({ message, testId }: { message: ReactNode; testId?: string }) {
  if (message == null || message === false || message === '') return null;
  return (
    <p className="field-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
