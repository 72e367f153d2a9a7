import { SelectField } from "@/components/ui/field";

/** Who owns a pilot (`ownerId`): one of the organisation's members, or nobody yet. */
export function OwnerField({
  members,
  ...field
}: {
  members: { id: string; name: string }[];
  name: "ownerId";
  errors?: string[];
  defaultValue?: string;
}) {
  return (
    <SelectField
      {...field}
      label="Owner"
      options={members.map((m) => ({ value: m.id, label: m.name }))}
    >
      <option value="">Nobody yet</option>
    </SelectField>
  );
}
