import { CheckboxField, TextAreaField } from '@/components/admin/entry-fields';
import type { formValues } from '@/components/admin/form-values';
import { fieldId, formLabel } from '@/lib/entries/fields';
import { verificationFields } from '@/lib/entries/common';
import type { EntityDef } from '@/lib/entries/types';
import { formatDate } from '@/lib/format';

export const STATUS_OPTIONS = [
  { value: 'DRAFT', label: 'Brouillon (non visible du public)' },
  { value: 'PUBLISHED', label: 'Publié' },
  { value: 'ARCHIVED', label: 'Archivé (retiré du site public)' },
] as const;

const { toVerify: toVerifyField, verifyNote: verifyNoteField } = verificationFields;

/** "Vérifié le …", the "à vérifier" flag and its note; the date is set by the "marquer comme vérifié" button. */
export function VerificationFields({
  def,
  verifiedAt,
  toVerify,
  verifyNote,
  values,
  errors,
}: {
  def: EntityDef;
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
  values: ReturnType<typeof formValues>;
  errors?: string[];
}) {
  return (
    <div className="space-y-4">
      <p>
        <span className="font-medium">Dernière vérification : </span>
        {verifiedAt ? formatDate(verifiedAt) : 'jamais vérifiée par une personne'}
      </p>
      <CheckboxField id={fieldId(def, 'toVerify')} name="toVerify" label={toVerifyField.label} hint={toVerifyField.help} defaultChecked={values.checked('toVerify', toVerify)} />
      <TextAreaField
        id={fieldId(def, 'verifyNote')}
        name="verifyNote"
        label={formLabel(verifyNoteField)}
        hint={verifyNoteField.help}
        rows={verifyNoteField.rows}
        defaultValue={values.text('verifyNote', verifyNote)}
        errors={errors}
      />
    </div>
  );
}
