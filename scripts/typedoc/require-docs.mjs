// TypeDoc plugin: every public declaration of the workspace packages has TSDoc.
//
// The rule is TypeDoc's `notDocumented` validation (the kinds in `requiredToBeDocumented`), with
// one difference: a member is required only where it is a declared member of a named type — an
// interface, a class, an enum or an object type alias (`type X = { ... }`). TypeDoc also spells
// out, member by member, the anonymous types inside other types: the inferred shape of a zod
// schema or an XState machine, an `as const` table, `{ code: C }` in a type guard, the branches
// of a union alias. Those are described by the TSDoc of the export they belong to.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { Application, Converter, DeclarationReflection, ReflectionKind } from 'typedoc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const declaredMember = new Set([
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.EnumMember,
  ts.SyntaxKind.Parameter, // a constructor parameter property
]);
const memberKinds = ReflectionKind.Property | ReflectionKind.Method | ReflectionKind.Accessor | ReflectionKind.EnumMember;

/**
 * @typedef {object} MissingDoc
 * @property {string} name TypeDoc's full name of the reflection
 * @property {string} kind
 * @property {string} location `path:line` of its declaration, relative to the repository
 */

/** Undocumented declarations per converted project, found after conversion and reported at validation. */
const missingByProject = new WeakMap();

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => missingByProject.set(context.project, findMissing(context, app.options.getValue('requiredToBeDocumented'))),
    // After TypeDoc's own resolve-time plugins (inheritDoc, comment moves) have run.
    -1000,
  );
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    for (const missing of missingByProject.get(project) ?? []) {
      app.logger.validationWarning(`${missing.name} (${missing.kind}) at ${missing.location} has no TSDoc`);
    }
  });
}

/**
 * @param {import('typedoc').Context} context
 * @param {readonly string[]} required names of ReflectionKind values
 * @returns {MissingDoc[]}
 */
export function findMissing(context, required) {
  const kinds = required.reduce((all, name) => all | ReflectionKind[name], 0);
  /** @type {MissingDoc[]} */
  const missing = [];
  for (const reflection of context.project.getReflectionsByKind(kinds)) {
    if (!(reflection instanceof DeclarationReflection) || underParameter(reflection)) continue;
    const declaration = context.getSymbolFromReflection(reflection)?.declarations?.[0];
    const file = declaration?.getSourceFile().fileName;
    // Only our own sources: members inherited from the language or a dependency are theirs.
    // (Workspace packages resolve through their symlinks to packages/*, not node_modules.)
    if (declaration === undefined || file === undefined || file.includes('/node_modules/')) continue;
    if (reflection.kindOf(memberKinds) && !(declaredMember.has(declaration.kind) && memberOfNamedType(reflection))) continue;
    if (documented(reflection)) continue;
    const line = declaration.getSourceFile().getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
    missing.push({ name: reflection.getFriendlyFullName(), kind: ReflectionKind[reflection.kind], location: `${relative(root, file)}:${line}` });
  }
  return missing;
}

/** A function or method is documented when it, or each of its signatures, carries the comment. */
function documented(reflection) {
  if (reflection.hasComment()) return true;
  const signatures = reflection.getNonIndexSignatures();
  return signatures.length > 0 && signatures.every((signature) => signature.hasComment());
}

function memberOfNamedType(reflection) {
  const parent = reflection.parent;
  if (parent === undefined) return false;
  return parent.kindOf(ReflectionKind.Interface | ReflectionKind.Class | ReflectionKind.Enum | ReflectionKind.TypeAlias);
}

function underParameter(reflection) {
  for (let parent = reflection.parent; parent; parent = parent.parent) {
    if (parent.kindOf(ReflectionKind.Parameter)) return true;
  }
  return false;
}
