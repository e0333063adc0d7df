import { z } from 'zod';
import { failure, parseWith, pathOf } from '../../../shared/errors';

describe('errors', () => {
  it('parses good input untouched and returns field errors in Chinese for bad input', () => {
    const schema = z.object({ phone: z.string().regex(/^1\d{10}$/), age: z.number() });
    expect(parseWith(schema, { phone: '13800000000', age: 3 })).toEqual({
      ok: true,
      data: { phone: '13800000000', age: 3 },
    });
    const r = parseWith(schema, { phone: 'x' });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!r.ok) expect(r.fieldErrors?.map((e) => e.path)).toEqual(['phone', 'age']);
    // 'age' has no Chinese name in FIELD_LABELS: the message still says why in Chinese, never the field's code name.
    if (!r.ok) expect(r.fieldErrors?.[1]?.message).toBe('此项为必填项');
  });

  it('builds failures and paths', () => {
    expect(failure('NOT_FOUND', '未找到')).toEqual({ ok: false, code: 'NOT_FOUND', message: '未找到' });
    expect(failure('VALIDATION', '有误', [{ path: 'a', message: 'b' }]).fieldErrors).toHaveLength(1);
    expect(pathOf(['cells', 0, 'x'])).toBe('cells.0.x');
    expect(parseWith(z.string(), 1)).toMatchObject({ ok: false, fieldErrors: [{ path: '' }] });
  });
});
