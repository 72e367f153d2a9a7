import type { LucideIcon } from "lucide-react";

/**
 * Icons drawn once on a page, for `SpriteIcon` to show by id: a list that leads each of its
 * items with the same icon sends its drawing once rather than once an item.
 */
export function IconSprite({ icons }: { icons: Record<string, LucideIcon> }) {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      {Object.entries(icons).map(([id, Icon]) => (
        <symbol key={id} id={id} viewBox="0 0 24 24">
          <Icon />
        </symbol>
      ))}
    </svg>
  );
}

/** An icon of the page's `IconSprite`, decorative (hidden from screen readers). */
export function SpriteIcon({ id, className }: { id: string; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className}>
      <use href={`#${id}`} />
    </svg>
  );
}
