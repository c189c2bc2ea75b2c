import { CheckboxField, TextAreaField } from '@/components/admin/entry-fields';
import type { formValues } from '@/components/admin/form-values';
import { formatDate } from '@/lib/format';

export const STATUS_OPTIONS = [
  { value: 'DRAFT', label: 'Brouillon (non visible du public)' },
  { value: 'PUBLISHED', label: 'Publié' },
  { value: 'ARCHIVED', label: 'Archivé (retiré du site public)' },
] as const;

/** "Vérifié le …", the "à vérifier" flag and its note; the date is set by the "marquer comme vérifié" button. */
export function VerificationFields({
  prefix,
  verifiedAt,
  toVerify,
  verifyNote,
  values,
  errors,
}: {
  prefix: string;
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
      <CheckboxField
        id={`${prefix}-a-verifier`}
        name="toVerify"
        label="À vérifier"
        hint="Signale aux autres membres qu’une information est peut-être dépassée. « Marquer comme vérifié » retire ce signalement."
        defaultChecked={values.checked('toVerify', toVerify)}
      />
      <TextAreaField
        id={`${prefix}-note-verification`}
        name="verifyNote"
        label="Note de vérification (facultatif)"
        hint="Ce qui est à vérifier, ou comment la fiche a été vérifiée."
        rows={2}
        defaultValue={values.text('verifyNote', verifyNote)}
        errors={errors}
      />
    </div>
  );
}
