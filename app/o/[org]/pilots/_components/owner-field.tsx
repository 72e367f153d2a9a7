import { SelectField } from "@/components/ui/field";

/** Who owns a pilot: one of the organisation's members, or nobody yet. */
export function OwnerField({
  members,
  errors,
  defaultValue,
}: {
  members: { id: string; name: string }[];
  errors?: string[];
  defaultValue: string;
}) {
  return (
    <SelectField
      name="ownerId"
      label="Owner"
      errors={errors}
      defaultValue={defaultValue}
      options={members.map((m) => ({ value: m.id, label: m.name }))}
    >
      <option value="">Nobody yet</option>
    </SelectField>
  );
}
