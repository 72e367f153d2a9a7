import { Button, ButtonLink } from "./button";
import { Card } from "./card";
import { Input, Label, Select } from "./input";

type Option = { value: string; label: string };

/** One field of a filter bar, named as its search parameter. */
export type FilterField =
  /** Free text, `q` unless named otherwise. */
  | { kind: "search"; name?: undefined; placeholder: string }
  /**
   * A choice whose first option, `anyLabel`, means "not filtered". `display` marks a choice
   * of how to show the list (a chart grouping) rather than a filter.
   */
  | {
      kind: "select";
      name: string;
      label: string;
      anyLabel: string;
      options: readonly Option[];
      display?: boolean;
      /** A line under the select saying what it leaves out (a long list cut short). */
      hint?: string;
    }
  /** A day, `YYYY-MM-DD` in the URL. */
  | { kind: "date"; name: string; label: string }
  /** On or off, sent as `name=1` when ticked. */
  | { kind: "checkbox"; name: string; label: string };

/** A list's current filters by search parameter (a ticked checkbox is `true`). */
export type FilterValues = Readonly<Record<string, string | boolean | undefined>>;

/** Whether any field other than a display choice has a value: the list is filtered. */
export function isFiltered(fields: readonly FilterField[], values: FilterValues): boolean {
  return fields.some((f) => !(f.kind === "select" && f.display) && Boolean(values[f.name ?? "q"]));
}

/** The free-text search of a filter bar, sent as `q`. */
export function searchFilter(placeholder: string): FilterField {
  return { kind: "search", placeholder };
}

/** A select of a filter bar; its first option, `anyLabel`, means "not filtered". */
export function selectFilter(
  name: string,
  label: string,
  anyLabel: string,
  options: readonly Option[],
): Extract<FilterField, { kind: "select" }> {
  return { kind: "select", name, label, anyLabel, options };
}

/** The select of who owns what: pilots and use cases filter by it the same way. */
export function ownerFilter(
  members: readonly { userId: string; name: string }[],
  label = "Owner",
): FilterField {
  const options = members.map((m) => ({ value: m.userId, label: m.name }));
  return selectFilter("owner", label, "Anyone", options);
}

/**
 * The filters above a list: a GET form (the filters live in the URL, so a filtered list can be
 * bookmarked and works without JavaScript) with "Apply" and, once something is filtered,
 * "Clear". Fields share a row where they fit and wrap where they do not. On phones they fold
 * behind a "Filters" disclosure (open while a filter is set), so the list is not a screen down.
 */
export function FilterBar({
  label,
  clearHref,
  keep,
  fields,
  values,
}: {
  /** Names the form for screen readers: "Filter use cases". */
  label: string;
  /** The unfiltered list. */
  clearHref: string;
  /** Search parameters the form does not show but keeps (the sort order, a chart grouping). */
  keep?: Record<string, string | undefined>;
  /** The fields, in order. */
  fields: readonly FilterField[];
  /** What the list is filtered by now, by field name (the parsed filters or the raw query). */
  values: FilterValues;
}) {
  // Only a filtered list has something to clear.
  const active = isFiltered(fields, values);
  return (
    <Card className="mb-4">
      <details className="filter-bar" open={active}>
        <summary className="cursor-pointer text-sm font-medium sm:hidden">
          Filters{active ? " (set)" : ""}
        </summary>
        <form
          method="get"
          aria-label={label}
          className="flex flex-col gap-3 pt-3 sm:flex-row sm:flex-wrap sm:items-end sm:pt-0"
        >
          {Object.entries(keep ?? {}).map(([name, value]) =>
            value ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          {fields.map((field) => (
            <FilterControl
              key={field.name ?? "q"}
              field={field}
              value={values[field.name ?? "q"]}
            />
          ))}
          <div className="flex gap-2">
            <Button type="submit">Apply</Button>
            {active ? (
              <ButtonLink variant="ghost" href={clearHref}>
                Clear
              </ButtonLink>
            ) : null}
          </div>
        </form>
      </details>
    </Card>
  );
}

/** One field of a filter bar, labelled; a search takes twice the room of the others. */
function FilterControl({
  field,
  value,
}: {
  field: FilterField;
  value: string | boolean | undefined;
}) {
  const text = typeof value === "string" ? value : undefined;
  if (field.kind === "checkbox") {
    return (
      <label className="flex h-9 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name={field.name}
          value="1"
          defaultChecked={Boolean(value)}
          className="size-4"
        />
        {field.label}
      </label>
    );
  }
  const id = `f-${field.name ?? "q"}`;
  return (
    <div
      className={
        field.kind === "search"
          ? "grid gap-1.5 sm:flex-[2_1_16rem]"
          : "grid gap-1.5 sm:flex-[1_1_10rem]"
      }
    >
      <Label htmlFor={id}>{field.kind === "search" ? "Search" : field.label}</Label>
      {field.kind === "select" ? (
        <>
          <Select
            id={id}
            name={field.name}
            defaultValue={text ?? ""}
            options={field.options}
            aria-describedby={field.hint ? `${id}-hint` : undefined}
          >
            <option value="">{field.anyLabel}</option>
          </Select>
          {field.hint ? (
            <p id={`${id}-hint`} className="max-w-xs text-xs text-muted-foreground">
              {field.hint}
            </p>
          ) : null}
        </>
      ) : (
        <Input
          id={id}
          name={field.name ?? "q"}
          type={field.kind}
          placeholder={field.kind === "search" ? field.placeholder : undefined}
          defaultValue={text}
        />
      )}
    </div>
  );
}
