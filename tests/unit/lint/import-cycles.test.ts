/**
 * No import cycles anywhere in the shipped code, between files or between sibling folders
 * (type-only imports count: a cycle of types is still two modules that cannot be read apart).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['electron', 'renderer'];

function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative('.', join(entry.parentPath, entry.name)));
}

/** file → the files it imports (relative specifiers only; packages cannot cycle back). */
function importGraph(): Map<string, string[]> {
  const files = ROOTS.flatMap(sourceFiles);
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
      const targets = importedFiles
        .map((ref) => ref.fileName)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => normalize(join(dirname(file), spec)))
        .filter((target) => known.has(target));
      return [file, targets];
    }),
  );
}

/** Strongly connected components with more than one member (Tarjan), each sorted. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/**
 * Folder edges between siblings: for an import a/x/f → a/y/g the edge a/x → a/y. A file sitting
 * in a parent folder and its subfolders' files are one unit (a folder's entry and its parts).
 */
function siblingFolderGraph(files: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const edges = new Map<string, Set<string>>();
  for (const [from, targets] of files) {
    for (const to of targets) {
      const a = dirname(from).split(sep);
      const b = dirname(to).split(sep);
      let common = 0;
      while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
      if (common === a.length || common === b.length) continue;
      const source = a.slice(0, common + 1).join('/');
      const target = b.slice(0, common + 1).join('/');
      edges.set(source, (edges.get(source) ?? new Set()).add(target));
    }
  }
  return new Map([...edges].map(([folder, targets]) => [folder, [...targets]]));
}

describe('import cycles', () => {
  const graph = importGraph();

  it('reads the import graph of the shipped code', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('renderer/screens/Viewer.tsx')).toContain('renderer/session.ts');
  });

  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between sibling folders', () => {
    expect(cycles(siblingFolderGraph(graph))).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    const planted = new Map(graph);
    planted.set('electron/core/keys/trust-store.ts', ['electron/core/format/dtx.ts']);
    expect(cycles(planted)).toContainEqual(
      expect.arrayContaining(['electron/core/format/dtx.ts', 'electron/core/keys/trust-store.ts']),
    );
    expect(cycles(siblingFolderGraph(planted))).toContainEqual(
      expect.arrayContaining(['electron/core/format', 'electron/core/keys']),
    );
  });
});
