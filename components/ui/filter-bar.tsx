import Link from "next/link";
import type * as React from "react";
import { Button } from "./button";
import { Card } from "./card";
import { Input, Label, Select } from "./input";

/**
 * The filters above a list: a GET form (the filters live in the URL, so a filtered list can be
 * bookmarked and works without JavaScript) with "Apply" and, once something is filtered,
 * "Clear". Fields share a row where they fit and wrap where they do not. On phones they fold
 * behind a "Filters" disclosure (open while a filter is set), so the list is not a screen down.
 */
export function FilterBar({
  label,
  clearHref,
  active,
  keep,
  children,
}: {
  /** Names the form for screen readers: "Filter use cases". */
  label: string;
  /** The unfiltered list. */
  clearHref: string;
  /** Whether any filter is set: only then is there something to clear. */
  active: boolean;
  /** Search parameters the form does not show but keeps (the sort order, a chart grouping). */
  keep?: Record<string, string | undefined>;
  children: React.ReactNode;
}) {
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
          {children}
          <div className="flex gap-2">
            <Button type="submit">Apply</Button>
            {active ? (
              <Button asChild variant="ghost">
                <Link href={clearHref}>Clear</Link>
              </Button>
            ) : null}
          </div>
        </form>
      </details>
    </Card>
  );
}

/** A free-text search field of a filter bar; it takes twice the room of a select. */
export function FilterSearch({
  name = "q",
  label = "Search",
  placeholder,
  defaultValue,
}: {
  name?: string;
  label?: string;
  placeholder: string;
  defaultValue: string | undefined;
}) {
  return (
    <div className="grid gap-1.5 sm:flex-[2_1_16rem]">
      <Label htmlFor={`f-${name}`}>{label}</Label>
      <Input
        id={`f-${name}`}
        name={name}
        type="search"
        placeholder={placeholder}
        defaultValue={defaultValue}
      />
    </div>
  );
}

/** A labelled select of a filter bar; its first option, `anyLabel`, means "not filtered". */
export function FilterSelect({
  name,
  label,
  anyLabel,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  defaultValue: string | undefined;
}) {
  return (
    <div className="grid gap-1.5 sm:flex-[1_1_10rem]">
      <Label htmlFor={`f-${name}`}>{label}</Label>
      <Select id={`f-${name}`} name={name} defaultValue={defaultValue ?? ""} options={options}>
        <option value="">{anyLabel}</option>
      </Select>
    </div>
  );
}

/** A labelled date field of a filter bar (`YYYY-MM-DD` in the URL). */
export function FilterDate({
  name,
  label,
  defaultValue,
}: {
  name: string;
  label: string;
  defaultValue: string | undefined;
}) {
  return (
    <div className="grid gap-1.5 sm:flex-[1_1_10rem]">
      <Label htmlFor={`f-${name}`}>{label}</Label>
      <Input id={`f-${name}`} name={name} type="date" defaultValue={defaultValue} />
    </div>
  );
}

/** An on/off filter of a filter bar, sent as `name=1` when ticked. */
export function FilterCheckbox({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: string;
  defaultChecked: boolean;
}) {
  return (
    <label className="flex h-9 items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={name}
        value="1"
        defaultChecked={defaultChecked}
        className="size-4"
      />
      {label}
    </label>
  );
}
