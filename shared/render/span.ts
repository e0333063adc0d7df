/**
 * Merged labels along one axis of a table, from each leaf's label path.
 *
 * The official tables merge labels the same way on both axes: a group label (e.g. 法人或其他组织, or
 * （三）不予公开) covers the adjacent leaves that share it, one level deep; a leaf label stretches to the
 * last level so the label area stays rectangular. Column headers and row labels both come from here.
 */

export interface SpanNode {
  text: string;
  /** Position along the depth axis: header row for column labels, label column for row labels. */
  level: number;
  /** Index of the first leaf covered. */
  start: number;
  /** How many adjacent leaves it covers (colSpan for a column header, rowSpan for a row label). */
  breadth: number;
  /** How many levels it covers (rowSpan for a column header, colSpan for a row label). */
  depth: number;
  /** A group label rather than the leaf's own label. */
  group: boolean;
}

export interface SpanTree {
  /** Number of levels: header rows, or label columns. */
  levels: number;
  /** Nodes in leaf order, and within one leaf in level order. */
  nodes: SpanNode[];
}

function samePrefix(a: readonly string[], b: readonly string[], level: number): boolean {
  for (let i = 0; i <= level; i += 1) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** Build the merged labels for leaves given by their paths (outermost group first, own label last). */
export function spanPaths(paths: readonly (readonly string[])[]): SpanTree {
  const levels = paths.reduce((max, path) => Math.max(max, path.length), 0);
  const nodes: SpanNode[] = [];
  // The open group node at each level, with the path of the leaf that opened it.
  const open = new Map<number, { node: SpanNode; path: readonly string[] }>();
  paths.forEach((path, index) => {
    path.forEach((text, level) => {
      const group = level < path.length - 1;
      const current = open.get(level);
      if (
        group &&
        current &&
        current.node.start + current.node.breadth === index &&
        samePrefix(current.path, path, level)
      ) {
        current.node.breadth += 1;
        return;
      }
      const node: SpanNode = { text, level, start: index, breadth: 1, depth: group ? 1 : levels - level, group };
      nodes.push(node);
      if (group) open.set(level, { node, path });
      else open.delete(level);
    });
  });
  return { levels, nodes };
}
