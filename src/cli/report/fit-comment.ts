/**
 * How much of a report a comment shows: the first `statements` SQL statements and the first
 * `entries` list entries (changes and unsupported objects), counted over the sections in order.
 */
export interface Shown {
  readonly statements: number;
  readonly entries: number;
}

export const ALL_SHOWN: Shown = { statements: Infinity, entries: Infinity };

/**
 * The comment's blocks (joined by blank lines), cut to at most `limit` characters when the whole
 * is longer: first as many whole statements as fit, in order, the rest left out; if no SQL at all
 * is not enough, as many list entries as fit; and if that is still too long (a failure's message
 * of its own over the limit), as many blocks as fit. The first block (the marker, the heading and
 * the verdict) is always kept, and a cut comment ends with `cutNote`, saying where to see the rest.
 *
 * `render` lays the comment out for one Shown, each list saying how much of it is left out;
 * `totals` is how many statements and entries there are. The most that fits is found by
 * bisection, as each try renders the whole comment.
 */
export function fitComment(limit: number, totals: Shown, render: (shown: Shown) => readonly string[], cutNote: string): readonly string[] {
  const all = render(ALL_SHOWN);
  if (joinedLength(all) <= limit) return all;
  const room = limit - 2 - cutNote.length;
  const someSql = mostThatFits(totals.statements - 1, room, (count) => render({ statements: count, entries: Infinity }));
  if (someSql !== null) return [...someSql, cutNote];
  const someEntries = mostThatFits(totals.entries - 1, room, (count) => render({ statements: 0, entries: count }));
  if (someEntries !== null) return [...someEntries, cutNote];
  return [...leadingBlocks(render({ statements: 0, entries: 0 }), room), cutNote];
}

/** The first `cap` things over several lists in order: how many of each list that leaves. */
export function allot(counts: readonly number[], cap: number): readonly number[] {
  let left = cap;
  return counts.map((count) => {
    const taken = Math.min(count, left);
    left -= taken;
    return taken;
  });
}

/**
 * The blocks for the largest count from 0 to `most` whose comment fits, or null when not even 0
 * fits. A larger count shows more, so the comment grows with it (but for a line saying what was
 * left out, a few characters): whatever the search returns, it has checked that it fits.
 */
function mostThatFits(most: number, limit: number, render: (count: number) => readonly string[]): readonly string[] | null {
  let best = render(0);
  if (joinedLength(best) > limit) return null;
  let low = 0;
  let high = most;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const blocks = render(middle);
    if (joinedLength(blocks) <= limit) {
      low = middle;
      best = blocks;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

const REST_NOT_SHOWN = "… the rest of this report is not shown.";

/** The first block, and the next ones while they fit with a line saying the rest is not shown. */
function leadingBlocks(blocks: readonly string[], limit: number): readonly string[] {
  const [first = "", ...rest] = blocks;
  const kept = [first];
  let length = first.length + 2 + REST_NOT_SHOWN.length;
  for (const block of rest) {
    length += 2 + block.length;
    if (length > limit) break;
    kept.push(block);
  }
  return [...kept, REST_NOT_SHOWN];
}

function joinedLength(blocks: readonly string[]): number {
  return blocks.reduce((total, block) => total + block.length, 0) + 2 * Math.max(0, blocks.length - 1);
}
