import { describe, expect, it } from 'vitest';
import { setup as setup_ } from 'xstate';
import { z } from 'zod';
import { complaintWorkflow, defineWorkflow, informationOrderWorkflow } from '@statdesk/core';
import { createTestDesk } from '@statdesk/testing';
import { buildOpenApiDocument, type OpenApiDocument } from '../src';
import { ORIGIN, TENANT, reviewInput, setup } from './support';

type Operation = { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; description?: string };

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') out.push(child);
      else refsIn(child, out);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  async function fetchDocument() {
    const { handler, desk } = setup({ publicTenant: TENANT, incidentStatus: async () => [] });
    const response = await handler(new Request(`${ORIGIN}/openapi.json`));
    expect(response.status).toBe(200);
    return { document: (await response.json()) as OpenApiDocument, desk };
  }

  it('has a start path per workflow and a path per event type, with roles in the description', async () => {
    const { document, desk } = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    for (const name of desk.registry.names()) {
      const def = desk.registry.latest(name)!;
      const start = document.paths[`/workflows/${name}/instances`]?.post as Operation;
      expect(start.description).toContain(def.create.roles.join(', '));
      for (const [type, spec] of Object.entries(def.events)) {
        const operation = document.paths[`/workflows/${name}/instances/{id}/events/${type}`]?.post as Operation | undefined;
        expect(operation, type).toBeDefined();
        expect(operation!.description).toContain(`Roles that may send it: ${spec.roles.join(', ')}`);
      }
    }
    expect(document.paths['/public/incidents']).toBeDefined();
    expect(document.paths['/files']).toBeDefined();
    expect(document.paths['/downloads/{token}']).toBeUndefined();
  });

  it('has request schemas that are JSON Schema and validate like the zod schemas they came from', async () => {
    const { document } = await fetchDocument();
    const start = (document.paths['/workflows/review/instances']?.post as Operation).requestBody!.content['application/json']!.schema;
    const validator = z.fromJSONSchema(start);
    expect(validator.safeParse({ input: reviewInput }).success).toBe(true);
    expect(validator.safeParse({ input: { ...reviewInput, nationalId: '12' } }).success).toBe(false);
    expect(validator.safeParse({ input: { ...reviewInput, title: 'x' } }).success).toBe(false);

    const cancel = (document.paths['/workflows/review/instances/{id}/events/cancel']?.post as Operation).requestBody!.content['application/json']!.schema;
    const cancelValidator = z.fromJSONSchema(cancel);
    expect(cancelValidator.safeParse({ reason: 'changed my mind' }).success).toBe(true);
    expect(cancelValidator.safeParse({ reason: '' }).success).toBe(false);
    expect(cancelValidator.safeParse({}).success).toBe(false);
  });

  it('resolves every $ref inside the document', async () => {
    const { document } = await fetchDocument();
    for (const target of refsIn(document)) {
      expect(target.startsWith('#/components/schemas/'), target).toBe(true);
      expect(document.components.schemas[target.slice('#/components/schemas/'.length)], target).toBeDefined();
    }
  });

  it("moves a recursive schema's $defs into components so its $refs resolve", () => {
    interface Section {
      title: string;
      sections: Section[];
    }
    const section: z.ZodType<Section> = z.object({ title: z.string(), get sections() { return z.array(section); } });
    const machine = setup_({ types: {} as { events: { type: 'outline'; root: Section } } }).createMachine({ initial: 'open', states: { open: { on: { outline: 'open' } } } });
    const outlined = defineWorkflow({ name: 'outline', version: '1', machine, create: { roles: ['staff'] }, events: { outline: { schema: z.object({ root: section }), roles: ['staff'] } } });
    const { desk } = createTestDesk({ workflows: [outlined] });
    const document = buildOpenApiDocument(desk.registry);
    const body = (document.paths['/workflows/outline/instances/{id}/events/outline']?.post as Operation).requestBody!.content['application/json']!.schema;
    const refs = refsIn(body);
    expect(refs.length).toBeGreaterThan(0);
    for (const target of refsIn(document)) expect(document.components.schemas[target.slice('#/components/schemas/'.length)], target).toBeDefined();
  });

  it('documents the shipped workflows with a real schema for every event', () => {
    const { desk } = createTestDesk({ workflows: [informationOrderWorkflow(), complaintWorkflow()] });
    const document = buildOpenApiDocument(desk.registry);
    for (const name of ['information-order', 'complaint']) {
      for (const [type, spec] of Object.entries(desk.registry.latest(name)!.events)) {
        // Internal events (an SLA breach) have no route.
        if (spec.internal) continue;
        const operation = document.paths[`/workflows/${name}/instances/{id}/events/${type}`]?.post as Operation;
        const schema = operation.requestBody!.content['application/json']!.schema;
        // A fallback description means z.toJSONSchema could not express the schema.
        expect(String(schema.description ?? ''), `${name}.${type}`).not.toMatch(/^See the /);
        expect(schema.type ?? schema.allOf ?? schema.anyOf, `${name}.${type}`).toBeDefined();
      }
    }
    for (const target of refsIn(document)) expect(document.components.schemas[target.slice('#/components/schemas/'.length)], target).toBeDefined();
    expect(() => JSON.parse(JSON.stringify(document))).not.toThrow();
  });
});
