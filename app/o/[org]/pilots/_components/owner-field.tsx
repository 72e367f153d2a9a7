import { Field, fieldProps } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

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
    <Field id="ownerId" label="Owner" errors={errors}>
      <Select
        {...fieldProps("ownerId", errors)}
        defaultValue={defaultValue}
        options={members.map((m) => ({ value: m.id, label: m.name }))}
      >
        <option value="">Nobody yet</option>
      </Select>
    </Field>
  );
}
