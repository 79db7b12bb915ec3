import { Field } from '../components/Field.js';
import { useI18n } from '../i18n/index.js';

export interface Contact {
  name: string;
  phone: string;
  email: string;
  anonymous: boolean;
}

/** Reporter contact, or the anonymous choice that hides and drops it. */
export function ContactFields({
  value,
  onChange,
  phoneError,
  emailError,
}: {
  value: Contact;
  onChange: (c: Contact) => void;
  phoneError?: string;
  emailError?: string;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<Contact>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="fieldset">
      <legend>{t('report.contact')}</legend>
      <div className="field checkbox">
        <input
          id="report-anonymous"
          type="checkbox"
          checked={value.anonymous}
          data-testid="report-anonymous"
          onChange={(e) => set({ anonymous: e.target.checked })}
        />
        <label htmlFor="report-anonymous">{t('report.anonymous')}</label>
      </div>
      {value.anonymous ? (
        <p className="hint">{t('report.anonymousHint')}</p>
      ) : (
        <div className="grid-3">
          <Field id="report-name" label={t('report.contactName')}>
            <input
              id="report-name"
              value={value.name}
              maxLength={50}
              autoComplete="name"
              data-testid="report-name"
              onChange={(e) => set({ name: e.target.value })}
            />
          </Field>
          <Field id="report-phone" label={t('report.contactPhone')} error={phoneError}>
            <input
              id="report-phone"
              type="tel"
              value={value.phone}
              maxLength={20}
              autoComplete="tel"
              data-testid="report-phone"
              aria-invalid={phoneError ? true : undefined}
              onChange={(e) => set({ phone: e.target.value })}
            />
          </Field>
          <Field id="report-email" label={t('report.contactEmail')} error={emailError}>
            <input
              id="report-email"
              type="email"
              value={value.email}
              maxLength={120}
              autoComplete="email"
              data-testid="report-email"
              aria-invalid={emailError ? true : undefined}
              onChange={(e) => set({ email: e.target.value })}
            />
          </Field>
        </div>
      )}
      <p className="hint">{t('report.privacy')}</p>
    </fieldset>
  );
}
