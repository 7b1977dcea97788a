import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EARN_MUTATION, earnDelivery } from './earn-delivery';

const answer = (status: number, body: unknown) => earnDelivery({ kind: 'answer', status, body: typeof body === 'string' ? body : JSON.stringify(body) });
const earned = (extra: Record<string, unknown> = {}) => ({ data: { earnPoints: { duplicate: false, earn: { id: 'e', points: 51, status: 'AVAILABLE' }, userErrors: [], ...extra } } });

describe('earnDelivery: one rule for the first attempt and both replayers', () => {
  it('is credited when the graph credited the earn, now or before (a duplicate)', () => {
    expect(answer(200, earned())).toEqual({ outcome: 'credited', points: 51, duplicate: false });
    expect(answer(200, earned({ duplicate: true, earn: null }))).toEqual({ outcome: 'credited', points: null, duplicate: true });
    // what campaigns gave comes along for the receipt; a malformed entry is left out
    const withCampaigns = earned({ earn: { points: 51, campaigns: [{ campaign: { name: 'Double points' }, points: 51, couponCode: null }, { campaign: { name: 'Tote bag' }, points: 0, couponCode: 'BV82R3GFEANN' }, { points: 5 }] } });
    expect(answer(200, withCampaigns)).toEqual({ outcome: 'credited', points: 51, duplicate: false, extras: [{ name: 'Double points', points: 51, coupon: false }, { name: 'Tote bag', points: 0, coupon: true }] });
  });

  it('is refused, with the reason, when the graph answered no for this earn', () => {
    expect(answer(200, earned({ earn: null, userErrors: [{ code: 'MEMBER_NOT_FOUND', message: 'No such member' }] }))).toEqual({
      outcome: 'refused',
      codes: ['MEMBER_NOT_FOUND'],
      message: 'No such member (MEMBER_NOT_FOUND)',
    });
    const invalid = answer(400, { errors: [{ message: 'Unknown argument "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    expect(invalid).toMatchObject({ outcome: 'refused', codes: ['GRAPHQL_VALIDATION_FAILED'], message: expect.stringMatching(/Unknown argument/) });
    expect(answer(400, { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] }).outcome).toBe('refused');
  });

  it('keeps the earn for a replay when there was no answer, or no usable one', () => {
    expect(earnDelivery({ kind: 'no-answer', message: 'Failed to fetch' })).toEqual({ outcome: 'retry', message: 'Failed to fetch' });
    for (const status of [500, 502, 503, 504, 408, 429, 401, 403]) expect(answer(status, 'busy').outcome).toBe('retry');
    expect(answer(200, '<html>captive portal</html>').outcome).toBe('retry');
    expect(answer(200, { hello: 'world' }).outcome).toBe('retry');
    expect(answer(200, { data: {} }).outcome).toBe('retry');
    expect(answer(200, { data: { earnPoints: null } }).outcome).toBe('retry');
  });

  it('keeps the earn when the graph answered with GraphQL errors it cannot be sure are final', () => {
    const internal = answer(200, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null });
    expect(internal).toEqual({ outcome: 'retry', message: 'The graph could not take the earn now (INTERNAL_SERVER_ERROR): Unexpected error.' });
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'SUBREQUEST_HTTP_ERROR', 'SOMETHING_NEW']) {
      expect(answer(200, { errors: [{ message: 'x', extensions: { code } }], data: null }).outcome).toBe('retry');
    }
    expect(answer(200, { errors: [{ message: 'no code' }] }).outcome).toBe('retry');
    // a refusal code beside an unknown failure is not a definite refusal
    expect(answer(400, { errors: [{ message: 'a', extensions: { code: 'BAD_USER_INPUT' } }, { message: 'b' }] }).outcome).toBe('retry');
  });

  it('sends a mutation the committed schema accepts', () => {
    const sdl = readFileSync(path.resolve(__dirname, '../../../schema/loyalty.graphql'), 'utf8');
    const schema = buildSchema(sdl, { assumeValidSDL: true });
    expect(validate(schema, parse(EARN_MUTATION)).map((e) => e.message)).toEqual([]);
    expect(validate(schema, parse('mutation { earnPoints(input: { nope: 1 }) { duplicate } }')).length).toBeGreaterThan(0);
  });
});
