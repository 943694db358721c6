import type { KeyboardCoordinateGetter, UniqueIdentifier } from "@dnd-kit/core";

// dnd-kit's default keyboard sensor moves a dragged chip 25px per arrow key, which would take
// dozens of presses to cross the page. Here each arrow key jumps to the next or previous drop
// target instead, so a keyboard user walks the CRM fields one by one.

const NEXT_KEYS = new Set(["ArrowDown", "ArrowRight"]);
const PREVIOUS_KEYS = new Set(["ArrowUp", "ArrowLeft"]);
const INSET_PX = 8;

export const jumpBetweenDropTargets: KeyboardCoordinateGetter = (event, { context }) => {
  const step = NEXT_KEYS.has(event.code) ? 1 : PREVIOUS_KEYS.has(event.code) ? -1 : 0;
  if (step === 0) return undefined;

  const { droppableRects, droppableContainers, over, collisionRect } = context;
  const targets = droppableContainers
    .getEnabled()
    .map((container) => ({ id: container.id, rect: droppableRects.get(container.id) }))
    .filter((entry): entry is { id: UniqueIdentifier; rect: NonNullable<typeof entry.rect> } =>
      Boolean(entry.rect),
    )
    .sort((a, b) => a.rect.top - b.rect.top);
  if (targets.length === 0) return undefined;

  const currentIndex = targets.findIndex((target) => target.id === over?.id);
  const nextIndex =
    currentIndex === -1
      ? step === 1
        ? 0
        : targets.length - 1
      : Math.min(Math.max(currentIndex + step, 0), targets.length - 1);
  const target = targets[nextIndex];
  if (!target) return undefined;

  // Centre the chip vertically inside the target so the collision check picks that target.
  const chipHeight = collisionRect?.height ?? 0;
  return {
    x: target.rect.left + INSET_PX,
    y: target.rect.top + Math.max(0, (target.rect.height - chipHeight) / 2),
  };
};
