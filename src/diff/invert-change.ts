import type { Change } from "./change.js";

/** The change that undoes `change`: the down migration is the inverted up changes, planned again. */
export function invertChange(change: Change): Change {
  switch (change.kind) {
    case "createNamespace":
      return { kind: "dropNamespace", from: change.to };
    case "dropNamespace":
      return { kind: "createNamespace", to: change.from };
    case "createExtension":
      return { kind: "dropExtension", from: change.to };
    case "dropExtension":
      return { kind: "createExtension", to: change.from };
    case "createEnum":
      return { kind: "dropEnum", from: change.to };
    case "dropEnum":
      return { kind: "createEnum", to: change.from };
    case "alterEnum":
      return { ...change, from: change.to, to: change.from, fromUsages: change.toUsages, toUsages: change.fromUsages };
    case "createSequence":
      return { kind: "dropSequence", from: change.to };
    case "dropSequence":
      return { kind: "createSequence", to: change.from };
    case "createTable":
      return { kind: "dropTable", from: change.to };
    case "dropTable":
      return { kind: "createTable", to: change.from };
    case "addColumn":
      return { kind: "dropColumn", table: change.table, from: change.to };
    case "dropColumn":
      return { kind: "addColumn", table: change.table, to: change.from };
    case "addConstraint":
      return { kind: "dropConstraint", table: change.table, from: change.to };
    case "dropConstraint":
      return { kind: "addConstraint", table: change.table, to: change.from };
    case "createIndex":
      return { kind: "dropIndex", table: change.table, from: change.to };
    case "dropIndex":
      return { kind: "createIndex", table: change.table, to: change.from };
    case "createView":
      return { kind: "dropView", from: change.to };
    case "dropView":
      return { kind: "createView", to: change.from };
    case "alterExtension":
    case "alterSequence":
    case "alterColumn":
    case "setComment":
    case "renameTable":
    case "renameColumn":
    case "renameEnum":
    case "renameIndex":
    case "renameConstraint":
      return { ...change, from: change.to, to: change.from } as Change;
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${JSON.stringify(unknown)}`);
    }
  }
}

/** The changes that undo `changes`, in reverse order. */
export function invertChanges(changes: readonly Change[]): readonly Change[] {
  return [...changes].reverse().map(invertChange);
}
