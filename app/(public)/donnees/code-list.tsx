// The codes used in the data files and the API, with their French wording.
import {
  audienceLabels,
  availabilityLabels,
  costLabels,
  formatLabels,
  helpKindLabels,
  inferredFieldLabels,
  needKindLabels,
  providerKindLabels,
  providerRoleLabels,
  regionLabels,
} from '@/lib/labels';

const CODE_GROUPS = [
  { field: 'kind (besoins)', labels: needKindLabels },
  { field: 'availability', labels: availabilityLabels },
  { field: 'kinds, help_kind', labels: helpKindLabels },
  { field: 'cost', labels: costLabels },
  { field: 'inferred_fields (déduits par l’équipe)', labels: inferredFieldLabels },
  { field: 'kind (fournisseurs)', labels: providerKindLabels },
  { field: 'role', labels: providerRoleLabels },
  { field: 'regions, region', labels: regionLabels },
  { field: 'audiences, audience', labels: audienceLabels },
  { field: 'formats, format', labels: formatLabels },
] as const;

export function CodeList() {
  return (
    <dl className="grid gap-4 sm:grid-cols-2">
      {CODE_GROUPS.map((group) => (
        <div key={group.field}>
          <dt className="font-mono text-sm font-semibold">{group.field}</dt>
          <dd>
            <ul className="text-sm">
              {Object.entries(group.labels).map(([code, label]) => (
                <li key={code}>
                  <code className="break-all">{code}</code> : {label}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
